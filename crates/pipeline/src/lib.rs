//! The sitrep pipeline: a checked list of stages and the batch driver that runs it.
//!
//! A [`PipelineConfig`] (serde; TOML or JSON) lists stages by name with their configs; the
//! [`registry`] turns each name into a `Box<dyn Stage>` in one explicit `match`, and
//! [`Pipeline::build`] refuses an order in which a stage requires layers that no earlier
//! stage provides. [`Pipeline::run_batch`] pulls records from any iterator in bounded chunks,
//! processes each chunk's documents in parallel with rayon and yields them in input order,
//! each with a [`DocReport`]; a [`Summary`] adds them up.
//!
//! Key decision (errors): a stage error or panic on one document is written to that
//! document's `errors`, the stage's layers are marked as not done, and later stages still run
//! unless they require a layer that is now missing — those are skipped with an error saying
//! why. So one bad document never stops the batch, and every partial result is labelled.
//! This crate must never reorder outputs, never hold more than two chunks of documents in
//! memory (`run_each` consumes one while it processes the next), and never hide a registry
//! behind global registration.

mod config;
pub mod registry;
mod report;
mod run;

pub use config::{PipelineConfig, StageSpec};
pub use report::{DocReport, Processed, Summary};
pub use run::{Batch, Flow, RunOptions};

use sitrep_doc::{Document, Layers, Stage};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::Instant;
use thiserror::Error;

#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum PipelineError {
    #[error("bad pipeline config: {0}")]
    Config(String),
    #[error("unknown stage {stage:?} (known: {known})")]
    UnknownStage { stage: String, known: String },
    #[error("stage {stage:?}: bad config: {message}")]
    StageConfig { stage: String, message: String },
    #[error("stage {stage:?}: cannot build: {message}")]
    StageBuild { stage: String, message: String },
    #[error("stage {stage:?} requires {missing}, which no earlier stage provides")]
    MissingLayers { stage: String, missing: String },
    #[error("cannot start {threads} worker threads: {message}")]
    ThreadPool { threads: usize, message: String },
}

/// Layer names as the `Layers` constants spell them: "SENTENCES, TOKENS".
pub fn layer_names(layers: Layers) -> String {
    layers
        .iter_names()
        .map(|(name, _)| name)
        .collect::<Vec<_>>()
        .join(", ")
}

/// An ordered list of built stages whose requirements are all met by earlier stages.
pub struct Pipeline {
    stages: Vec<Box<dyn Stage>>,
}

impl std::fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pipeline")
            .field("stages", &self.stage_names())
            .finish()
    }
}

impl Pipeline {
    /// Builds every stage of the config (each once) and checks the order.
    pub fn build(config: &PipelineConfig) -> Result<Pipeline, PipelineError> {
        // Stages are built side by side: loading the names lexicon and the tagger model are
        // the two long parts of start-up, and they are independent. Errors are reported in
        // stage order, as a sequential build would.
        let built: Vec<Result<Box<dyn Stage>, PipelineError>> = std::thread::scope(|scope| {
            let handles: Vec<_> = config
                .stages
                .iter()
                .map(|spec| scope.spawn(move || registry::build_stage(spec)))
                .collect();
            handles
                .into_iter()
                .map(|h| {
                    h.join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
                })
                .collect()
        });
        let stages = built.into_iter().collect::<Result<Vec<_>, _>>()?;
        Pipeline::from_stages(stages)
    }

    /// The standard pipeline with default configs.
    pub fn standard() -> Result<Pipeline, PipelineError> {
        Pipeline::build(&PipelineConfig::default())
    }

    /// Checks that each stage's requirements are provided by the stages before it.
    pub fn from_stages(stages: Vec<Box<dyn Stage>>) -> Result<Pipeline, PipelineError> {
        let mut provided = Layers::empty();
        for stage in &stages {
            let missing = stage.requires() - provided;
            if !missing.is_empty() {
                return Err(PipelineError::MissingLayers {
                    stage: stage.name().to_string(),
                    missing: layer_names(missing),
                });
            }
            provided |= stage.provides();
        }
        Ok(Pipeline { stages })
    }

    pub fn stage_names(&self) -> Vec<&'static str> {
        self.stages.iter().map(|s| s.name()).collect()
    }

    /// Every layer the pipeline fills.
    pub fn provides(&self) -> Layers {
        self.stages
            .iter()
            .fold(Layers::empty(), |acc, s| acc | s.provides())
    }

    /// Runs every stage on one document. Errors and panics are recorded on the document
    /// (see the crate docs for what runs after one).
    pub fn process(&self, doc: &mut Document) -> DocReport {
        let started = Instant::now();
        let errors_before = doc.errors.len();
        for stage in &self.stages {
            let missing = stage.requires() - doc.done;
            if !missing.is_empty() {
                doc.errors.push(format!(
                    "stage {}: skipped, it needs {} which an earlier stage failed to provide",
                    stage.name(),
                    layer_names(missing)
                ));
                continue;
            }
            match catch_unwind(AssertUnwindSafe(|| stage.process(doc))) {
                Ok(Ok(())) => doc.done |= stage.provides(),
                Ok(Err(e)) => {
                    doc.errors.push(e.to_string());
                    doc.done.remove(stage.provides());
                }
                Err(panic) => {
                    let message = panic
                        .downcast_ref::<&str>()
                        .map(|s| s.to_string())
                        .or_else(|| panic.downcast_ref::<String>().cloned())
                        .unwrap_or_else(|| "unknown panic".to_string());
                    doc.errors
                        .push(format!("stage {}: panicked: {message}", stage.name()));
                    doc.done.remove(stage.provides());
                }
            }
        }
        DocReport {
            id: doc.meta.id.clone(),
            bytes: doc.text().len(),
            elapsed: started.elapsed(),
            read_ok: true,
            errors: doc.errors.len() - errors_before,
        }
    }

    /// Processes a stream of records in parallel, yielding results in input order. See
    /// [`RunOptions`] for threads and chunking.
    pub fn run_batch<I>(&self, input: I, options: RunOptions) -> Result<Batch<'_, I>, PipelineError>
    where
        I: Iterator<Item = sitrep_ingest::Record>,
    {
        Batch::new(self, input, options)
    }

    /// Processes a stream of records in parallel and hands each result, in input order, to
    /// `consume` on the calling thread while a helper thread processes the next chunk, so
    /// writing overlaps with processing; returns the totals. The faster way to write a batch
    /// out. `consume` gets the running totals and returns [`Flow::Stop`] to end early.
    pub fn run_each<I, F>(
        &self,
        input: I,
        options: RunOptions,
        consume: F,
    ) -> Result<Summary, PipelineError>
    where
        I: Iterator<Item = sitrep_ingest::Record> + Send,
        F: FnMut(Processed, &Summary) -> Flow,
    {
        self.run_each_mapped(input, options, |p| p, consume)
    }

    /// [`Pipeline::run_each`] with `map` applied to each processed record on the worker
    /// thread that processed it, before `consume` gets the result: render output there, so
    /// that work is parallel and each document is freed where it was made.
    pub fn run_each_mapped<I, T, M, F>(
        &self,
        input: I,
        options: RunOptions,
        map: M,
        consume: F,
    ) -> Result<Summary, PipelineError>
    where
        I: Iterator<Item = sitrep_ingest::Record> + Send,
        T: Send,
        M: Fn(Processed) -> T + Sync,
        F: FnMut(T, &Summary) -> Flow,
    {
        run::run_overlapped(Batch::new(self, input, options)?, map, consume)
    }
}
