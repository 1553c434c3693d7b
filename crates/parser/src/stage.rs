//! The pipeline stage: configuration and per-document parsing.

use crate::parser::{Parser, Scratch};
use crate::ParserError;
use serde::{Deserialize, Serialize};
use sitrep_doc::{Dep, Deprel, Document, Layers, NerTag, Stage, StageError, Token, Upos};
use std::cell::RefCell;
use std::path::PathBuf;
use std::sync::Arc;

/// Configuration of the parser stage.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ParserConfig {
    /// A model directory written by `sitrep train` (`parser.bin`); `None` uses the embedded model.
    pub model_dir: Option<PathBuf>,
    /// Which sentences to parse (see [`Sentences`]).
    pub sentences: Sentences,
}

/// Which sentences the stage parses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sentences {
    /// Every sentence.
    #[default]
    All,
    /// Only sentences a [`SentenceFilter`] accepts: those that may hold an event trigger or
    /// a speech cue, the only ones whose structure a standard stage reads. The others get
    /// [`UNPARSED`] for every token. The pipeline supplies the filter.
    Cued,
}

/// Decides whether sentence `index` of a document is worth parsing (it runs after the
/// tagger: tokens, lemmas and UPOS are there).
pub type SentenceFilter = Arc<dyn Fn(&Document, usize) -> bool + Send + Sync>;

/// The dependency of every token of a sentence the stage did not parse: head 0 with a
/// relation other than `root`, which no parse produces (see [`crate::syntax::Syntax::is_parsed`]).
pub const UNPARSED: Dep = Dep {
    head: 0,
    rel: Deprel::Dep,
};

impl ParserConfig {
    /// The stage parsing every sentence (`sentences = "cued"` needs [`Self::build_with`]).
    pub fn build(&self) -> Result<ParserStage, ParserError> {
        self.build_with(None)
    }

    /// The stage with the filter that `sentences = "cued"` uses; an error when it is asked
    /// for and `filter` is `None`.
    pub fn build_with(&self, filter: Option<SentenceFilter>) -> Result<ParserStage, ParserError> {
        let parser = match &self.model_dir {
            Some(dir) => Arc::new(Parser::load_dir(dir)?),
            None => Parser::embedded()?,
        };
        let filter = match self.sentences {
            Sentences::All => None,
            Sentences::Cued => Some(filter.ok_or_else(|| {
                ParserError::Config(
                    "sentences = \"cued\" needs a sentence filter (the pipeline gives one)".into(),
                )
            })?),
        };
        Ok(ParserStage { parser, filter })
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
#[derive(Clone)]
pub struct ParserStage {
    parser: Arc<Parser>,
    filter: Option<SentenceFilter>,
}

impl std::fmt::Debug for ParserStage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ParserStage")
            .field("beam", &self.parser.beam())
            .field("filtered", &self.filter.is_some())
            .finish()
    }
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
                if let Some(filter) = &self.filter {
                    if !filter(doc, si) {
                        deps.extend((a..b).map(|_| UNPARSED));
                        continue;
                    }
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
