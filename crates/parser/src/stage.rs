//! The pipeline stage: configuration and per-document parsing.

use crate::parser::{Parser, Scratch};
use crate::ParserError;
use serde::{Deserialize, Serialize};
use sitrep_doc::{Dep, Document, Layers, NerTag, Stage, StageError, Token, Upos};
use std::cell::RefCell;
use std::path::PathBuf;
use std::sync::Arc;

/// Configuration of the parser stage.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ParserConfig {
    /// A model directory written by `sitrep train` (`parser.bin`); `None` uses the embedded model.
    pub model_dir: Option<PathBuf>,
}

impl ParserConfig {
    pub fn build(&self) -> Result<ParserStage, ParserError> {
        let parser = match &self.model_dir {
            Some(dir) => Arc::new(Parser::load_dir(dir)?),
            None => Parser::embedded()?,
        };
        Ok(ParserStage { parser })
    }
}

/// The UPOS the parser sees: a capitalized word inside a named entity that the tagger read
/// as a common noun, verb or adjective ("Ned Price said" tagged VERB NOUN) is a proper noun.
/// The tagger's POS model decides per word and misses names its NER model (which sees name
/// lists and the whole span) finds; the document's tags are left as they are.
fn parser_upos(t: &Token, word: &str, with_ner: bool) -> Upos {
    let in_name = with_ner && t.ner != NerTag::O;
    if in_name
        && matches!(t.pos, Upos::Noun | Upos::Verb | Upos::Adj | Upos::X)
        && word.chars().next().is_some_and(char::is_uppercase)
    {
        Upos::Propn
    } else {
        t.pos
    }
}

/// Fills `Document::deps`, sentence by sentence.
#[derive(Debug, Clone)]
pub struct ParserStage {
    parser: Arc<Parser>,
}

impl ParserStage {
    pub fn parser(&self) -> &Parser {
        &self.parser
    }
}

impl Stage for ParserStage {
    fn name(&self) -> &'static str {
        "parser"
    }

    fn requires(&self) -> Layers {
        Layers::SENTENCES | Layers::TOKENS | Layers::POS
    }

    /// NER, when done, marks names the tagger's UPOS missed (see [`parser_upos`]).
    fn uses(&self) -> Layers {
        Layers::NER
    }

    fn provides(&self) -> Layers {
        Layers::DEPS
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        thread_local! {
            static SCRATCH: RefCell<(Scratch, Vec<Upos>, Vec<Dep>)> =
                RefCell::new(Default::default());
        }
        let mut deps = Vec::with_capacity(doc.tokens.len());
        let text = doc.text();
        let with_ner = doc.done.contains(Layers::NER);
        SCRATCH.with_borrow_mut(|(scratch, upos, out)| {
            let mut words: Vec<&str> = Vec::new();
            for (si, sentence) in doc.sentences.iter().enumerate() {
                let (a, b) = (sentence.tokens.0 as usize, sentence.tokens.1 as usize);
                if a > b || b > doc.tokens.len() || a != deps.len() {
                    return Err(StageError::new(
                        "parser",
                        format!("sentence {si} has token range {a}..{b}"),
                    ));
                }
                words.clear();
                upos.clear();
                for t in &doc.tokens[a..b] {
                    let word = text.get(t.span.range()).unwrap_or("");
                    words.push(word);
                    upos.push(parser_upos(t, word, with_ner));
                }
                self.parser.parse_into(&words, upos, scratch, out);
                deps.extend_from_slice(out);
            }
            Ok(())
        })?;
        if deps.len() != doc.tokens.len() {
            return Err(StageError::new(
                "parser",
                "tokens outside every sentence".to_string(),
            ));
        }
        doc.deps = deps;
        Ok(())
    }
}
