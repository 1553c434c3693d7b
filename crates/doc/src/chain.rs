//! The one place where the stage contract is enforced: the order check at build time and,
//! per document, the skip of stages whose requirements failed, the marking of layers done,
//! and the unmarking after a failure. `sitrep-pipeline` runs every document through a
//! [`Chain`]; it lives here so that a stage crate's tests can run their stage behind the
//! stages it needs with the same checks, without depending on the pipeline (which depends
//! on every stage crate).

use crate::{Document, Layers, Stage};
use std::panic::{catch_unwind, AssertUnwindSafe};
use thiserror::Error;

/// An order in which a stage requires layers that no earlier stage provides.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
#[error("stage {stage:?} requires {missing}, which no earlier stage provides")]
pub struct OrderError {
    pub stage: String,
    pub missing: String,
}

/// An ordered list of stages whose requirements are all met by earlier stages.
pub struct Chain {
    stages: Vec<Box<dyn Stage>>,
    warnings: Vec<String>,
}

impl std::fmt::Debug for Chain {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Chain")
            .field("stages", &self.stage_names())
            .field("warnings", &self.warnings)
            .finish()
    }
}

impl Chain {
    /// Checks the order: every required layer is provided by an earlier stage (else an
    /// error); a used layer that only a later stage provides gives a warning, since the stage
    /// will run without it.
    pub fn new(stages: Vec<Box<dyn Stage>>) -> Result<Chain, OrderError> {
        Chain::after(Layers::empty(), stages)
    }

    /// [`Chain::new`] for documents that come with layers already filled (`given`), e.g.
    /// tokens made by hand in a test. Each document's `done` must then say so: at run time
    /// the requirements are checked against it.
    pub fn after(given: Layers, stages: Vec<Box<dyn Stage>>) -> Result<Chain, OrderError> {
        let mut provided = given;
        let mut warnings = Vec::new();
        for (i, stage) in stages.iter().enumerate() {
            let missing = stage.requires() - provided;
            if !missing.is_empty() {
                return Err(OrderError {
                    stage: stage.name().to_string(),
                    missing: missing.names(),
                });
            }
            let later = stages[i + 1..]
                .iter()
                .fold(Layers::empty(), |acc, s| acc | s.provides());
            let too_late = (stage.uses() - provided) & later;
            if !too_late.is_empty() {
                warnings.push(format!(
                    "stage {} uses {}, which only a later stage provides: it runs without {}",
                    stage.name(),
                    too_late.names(),
                    if too_late.iter().count() == 1 {
                        "it"
                    } else {
                        "them"
                    }
                ));
            }
            provided |= stage.provides();
        }
        Ok(Chain { stages, warnings })
    }

    /// What the order check found worth saying without refusing the order.
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    pub fn stage_names(&self) -> Vec<&'static str> {
        self.stages.iter().map(|s| s.name()).collect()
    }

    /// Every layer the chain fills.
    pub fn provides(&self) -> Layers {
        self.stages
            .iter()
            .fold(Layers::empty(), |acc, s| acc | s.provides())
    }

    /// Runs every stage on one document and returns how many errors it recorded.
    ///
    /// A stage whose requirements an earlier failure left unmet is skipped with an error. A
    /// stage that succeeds gets its layers marked done. A stage that fails (error or panic)
    /// gets its layers marked not done, and so does every other layer it changed the size
    /// of before failing (a panic after emptying the tokens leaves no "done" layer empty).
    pub fn process(&self, doc: &mut Document) -> usize {
        let errors_before = doc.errors.len();
        for stage in &self.stages {
            let missing = stage.requires() - doc.done;
            if !missing.is_empty() {
                doc.errors.push(format!(
                    "stage {}: skipped, it needs {} which an earlier stage failed to provide",
                    stage.name(),
                    missing.names()
                ));
                continue;
            }
            let before = Sizes::of(doc);
            let failure = match catch_unwind(AssertUnwindSafe(|| stage.process(doc))) {
                Ok(Ok(())) => None,
                Ok(Err(e)) => Some(e.to_string()),
                Err(panic) => {
                    let message = panic
                        .downcast_ref::<&str>()
                        .map(|s| s.to_string())
                        .or_else(|| panic.downcast_ref::<String>().cloned())
                        .unwrap_or_else(|| "unknown panic".to_string());
                    Some(format!("stage {}: panicked: {message}", stage.name()))
                }
            };
            match failure {
                None => doc.done |= stage.provides(),
                Some(message) => {
                    doc.errors.push(message);
                    let changed = before.changed(&Sizes::of(doc)) & (doc.done - stage.provides());
                    if !changed.is_empty() {
                        doc.errors.push(format!(
                            "stage {}: failed after changing {}, now marked not done",
                            stage.name(),
                            changed.names()
                        ));
                    }
                    doc.done
                        .remove((stage.provides() | changed).with_dependents());
                }
            }
        }
        doc.errors.len() - errors_before
    }
}

/// The number of items of each layer that is a list of its own.
#[derive(PartialEq, Eq)]
struct Sizes([(Layers, usize); 12]);

impl Sizes {
    fn of(d: &Document) -> Sizes {
        Sizes([
            (Layers::PARAGRAPHS, d.paragraphs.len()),
            (Layers::SENTENCES, d.sentences.len()),
            (Layers::TOKENS, d.tokens.len()),
            (Layers::MENTIONS, d.mentions.len()),
            (Layers::ENTITIES, d.entities.len()),
            (Layers::QUOTES, d.quotes.len()),
            (Layers::EVENTS, d.events.len()),
            (Layers::DATES, d.dates.len()),
            (Layers::AMOUNTS, d.amounts.len()),
            (Layers::THEMES, d.themes.len()),
            (Layers::TONE, usize::from(d.tone.is_some())),
            (Layers::COUNTS, d.counts.len()),
        ])
    }

    /// The layers whose size differs.
    fn changed(&self, after: &Sizes) -> Layers {
        self.0
            .iter()
            .zip(&after.0)
            .filter(|(a, b)| a.1 != b.1)
            .fold(Layers::empty(), |acc, (a, _)| acc | a.0)
    }
}
