use crate::Document;
use bitflags::bitflags;
use thiserror::Error;

bitflags! {
    /// The annotation layers a stage reads or writes. The pipeline checks, before any
    /// document is processed, that every layer a stage requires is provided earlier.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct Layers: u32 {
        /// Paragraph spans.
        const PARAGRAPHS = 1 << 0;
        /// Sentence spans.
        const SENTENCES = 1 << 1;
        /// Token spans.
        const TOKENS = 1 << 2;
        /// Universal POS tags and lemmas on tokens.
        const POS = 1 << 3;
        /// Statistical NER labels (IOB) on tokens.
        const NER = 1 << 4;
        /// Name, title, nominal and pronoun mentions.
        const MENTIONS = 1 << 5;
        /// Entities: mentions clustered, canonical names, keys.
        const ENTITIES = 1 << 6;
        /// Pronouns and role nouns resolved to entities.
        const COREF = 1 << 7;
        /// CAMEO actor codes on entities.
        const ACTORS = 1 << 8;
        /// Places geocoded.
        const GEO = 1 << 9;
        /// Quotations.
        const QUOTES = 1 << 10;
        /// CAMEO events.
        const EVENTS = 1 << 11;
        /// Date expressions, resolved against the article date.
        const DATES = 1 << 12;
        /// Amounts and counts.
        const AMOUNTS = 1 << 13;
        /// GDELT themes.
        const THEMES = 1 << 14;
        /// Document tone.
        const TONE = 1 << 15;
        /// GDELT counts: killed, wounded, arrested ... with their amounts.
        const COUNTS = 1 << 16;
        /// Dependency heads and relations (`Document::deps`).
        const DEPS = 1 << 17;
    }
}

/// An error of one stage on one document. The pipeline records it on that document's
/// report and goes on with the batch.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
#[error("stage {stage}: {message}")]
pub struct StageError {
    pub stage: &'static str,
    pub message: String,
}

impl StageError {
    pub fn new(stage: &'static str, message: impl Into<String>) -> StageError {
        StageError {
            stage,
            message: message.into(),
        }
    }
}

/// One processing step over a document, synchronous and in place. Parallelism belongs to
/// the pipeline (documents in parallel), never inside a stage.
///
/// The contract, checked by the pipeline alone ([`crate::Chain`]):
/// - [`Stage::requires`]: layers that must be done before the stage runs. A stage order that
///   lacks one is refused; on a document where an earlier stage failed to provide one, the
///   stage is skipped.
/// - [`Stage::uses`]: layers the stage reads when they are done and does without otherwise
///   (check `doc.done` before reading one). An order where a used layer is provided only by a
///   later stage builds, with a warning.
/// - [`Stage::provides`]: layers the stage fills. The pipeline marks them done after
///   `process` returns `Ok`; a stage never writes `doc.done` itself.
pub trait Stage: Send + Sync {
    fn name(&self) -> &'static str;
    /// Layers that must be done before this stage runs.
    fn requires(&self) -> Layers;
    /// Layers read if done; none by default.
    fn uses(&self) -> Layers {
        Layers::empty()
    }
    /// Layers this stage fills.
    fn provides(&self) -> Layers;
    fn process(&self, doc: &mut Document) -> Result<(), StageError>;
}

impl Layers {
    /// Layer names as the constants spell them: "SENTENCES, TOKENS".
    pub fn names(self) -> String {
        self.iter_names()
            .map(|(name, _)| name)
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The layers stored as fields of this layer's items (POS and NER on tokens, actor
    /// codes and places on entities ...): when a layer is lost, these go with it.
    pub fn with_dependents(self) -> Layers {
        let mut out = self;
        if self.contains(Layers::TOKENS) {
            out |= Layers::POS | Layers::NER | Layers::DEPS;
        }
        if self.contains(Layers::MENTIONS) {
            out |= Layers::COREF;
        }
        if self.contains(Layers::ENTITIES) {
            out |= Layers::ACTORS | Layers::GEO | Layers::COREF;
        }
        out
    }
}
