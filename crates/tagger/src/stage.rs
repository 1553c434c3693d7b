//! The pipeline stage: configuration and per-document tagging.

use crate::tagger::{Scratch, Tagger, DEFAULT_BEAM};
use crate::TaggerError;
use serde::{Deserialize, Serialize};
use sitrep_doc::{Document, Layers, NerTag, Stage, StageError, Token};
use std::cell::RefCell;
use std::path::PathBuf;
use std::sync::Arc;

/// Configuration of the tagger stage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TaggerConfig {
    /// A model directory written by `sitrep train`; `None` uses the embedded model.
    pub model_dir: Option<PathBuf>,
    /// Run the NER model (otherwise `Token::ner` stays `O` and the stage provides only POS).
    pub ner: bool,
    /// NER beam width; the shipped model is trained for beam search with width 4, and
    /// 1 (greedy) is faster but less accurate.
    pub ner_beam: usize,
}

impl Default for TaggerConfig {
    fn default() -> TaggerConfig {
        TaggerConfig {
            model_dir: None,
            ner: true,
            ner_beam: DEFAULT_BEAM,
        }
    }
}

impl TaggerConfig {
    pub fn build(&self) -> Result<TaggerStage, TaggerError> {
        if self.ner_beam == 0 {
            return Err(TaggerError::Config("ner_beam must be at least 1".into()));
        }
        let tagger = match &self.model_dir {
            Some(dir) => Arc::new(Tagger::load_dir(dir)?.with_beam(self.ner_beam)),
            None => {
                let shared = Tagger::embedded()?;
                if shared.beam() == self.ner_beam {
                    shared
                } else {
                    // A copy of the weights, made only for a non-default beam width.
                    Arc::new((*shared).clone().with_beam(self.ner_beam))
                }
            }
        };
        Ok(TaggerStage {
            tagger,
            ner: self.ner,
        })
    }
}

/// Sets `pos`, `lemma` and `ner` on every token, sentence by sentence.
#[derive(Debug, Clone)]
pub struct TaggerStage {
    tagger: Arc<Tagger>,
    ner: bool,
}

impl TaggerStage {
    pub fn tagger(&self) -> &Tagger {
        &self.tagger
    }
}

impl TaggerStage {
    fn tag_tokens(&self, doc: &Document, tokens: &mut [Token]) -> Result<(), StageError> {
        // One scratch per thread, kept across documents: its word cache pays off over a batch.
        thread_local! {
            static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
        }
        SCRATCH.with_borrow_mut(|scratch| self.tag_with(doc, tokens, scratch))?;
        if self.ner {
            propagate_surnames(doc.text(), tokens);
        }
        Ok(())
    }

    fn tag_with(
        &self,
        doc: &Document,
        tokens: &mut [Token],
        scratch: &mut Scratch,
    ) -> Result<(), StageError> {
        let text = doc.text();
        let mut words: Vec<&str> = Vec::new();
        for (si, sentence) in doc.sentences.iter().enumerate() {
            let (a, b) = (sentence.tokens.0 as usize, sentence.tokens.1 as usize);
            if a > b || b > tokens.len() {
                return Err(StageError::new(
                    "tagger",
                    format!("sentence {si} has token range {a}..{b}"),
                ));
            }
            if a == b {
                continue;
            }
            words.clear();
            words.extend(
                tokens[a..b]
                    .iter()
                    .map(|t| text.get(t.span.range()).unwrap_or("")),
            );
            self.tagger.tag_into(&words, scratch);
            for (i, tok) in tokens[a..b].iter_mut().enumerate() {
                tok.pos = self.tagger.pos_label(scratch.pos[i]);
                tok.lemma = self.tagger.lemma_at(scratch, i, words[i], tok.pos);
                tok.ner = if self.ner {
                    self.tagger.ner_label(scratch.ner[i])
                } else {
                    NerTag::O
                };
            }
        }
        Ok(())
    }
}

impl Stage for TaggerStage {
    fn name(&self) -> &'static str {
        "tagger"
    }

    fn requires(&self) -> Layers {
        Layers::SENTENCES | Layers::TOKENS
    }

    fn provides(&self) -> Layers {
        if self.ner {
            Layers::POS | Layers::NER
        } else {
            Layers::POS
        }
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        // Tokens are taken out so their texts can borrow the document while they are updated.
        // A panic while they are out must not leave the document without its tokens: they
        // are put back before the panic goes on to the pipeline (which marks POS and NER not
        // done).
        let mut tokens = std::mem::take(&mut doc.tokens);
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            self.tag_tokens(doc, &mut tokens)
        }));
        doc.tokens = tokens;
        match result {
            Ok(result) => result,
            Err(panic) => std::panic::resume_unwind(panic),
        }
    }
}

/// Document-level label consistency: a word that ends a multi-word person name ("Elena
/// Markova") is a person when it later stands alone as a one-word entity of another type
/// ("Markova told reporters" tagged LOC). The sentence-level model cannot see this.
fn propagate_surnames(text: &str, tokens: &mut [Token]) {
    let word = |t: &Token| text.get(t.span.range()).unwrap_or("");
    let mut surnames: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if tokens[i].ner != NerTag::BPer {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < tokens.len()
            && tokens[end].ner == NerTag::IPer
            && tokens[end].sentence == tokens[i].sentence
        {
            end += 1;
        }
        if end - i >= 2 && !surnames.contains(&word(&tokens[end - 1])) {
            surnames.push(word(&tokens[end - 1]));
        }
        i = end;
    }
    if surnames.is_empty() {
        return;
    }
    for i in 0..tokens.len() {
        let single = matches!(tokens[i].ner, NerTag::BOrg | NerTag::BLoc)
            && tokens.get(i + 1).is_none_or(|n| {
                !matches!(n.ner, NerTag::IOrg | NerTag::ILoc) || n.sentence != tokens[i].sentence
            });
        if single && surnames.contains(&word(&tokens[i])) {
            tokens[i].ner = NerTag::BPer;
        }
    }
}
