//! The sitrep pipeline: a checked list of stages and the batch driver that runs it.
//!
//! A [`PipelineConfig`] (serde; TOML or JSON) lists stages, each a typed [`StageConfig`]
//! (the [`registry`]: one enum variant per stage with that stage's config);
//! [`Pipeline::build`] builds them and refuses an order in which a stage requires layers
//! that no earlier stage provides (the check, and the marking of layers done, are
//! `sitrep_doc::Chain`'s). Records come from any reader whose error type implements
//! `sitrep_doc::ReadError`. [`Pipeline::run_batch`] pulls records from any iterator in bounded chunks,
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

pub use config::PipelineConfig;
pub use registry::{cued_sentences, StageConfig, OPTIONAL_STAGES, STAGE_NAMES};
pub use report::{DocReport, Processed, Summary};
pub use run::{Batch, Flow, RunOptions};

use sitrep_doc::{Chain, Document, Layers, OrderError, ReadError, Stage};
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
    #[error(transparent)]
    Order(#[from] OrderError),
    #[error("cannot start {threads} worker threads: {message}")]
    ThreadPool { threads: usize, message: String },
}

/// An ordered list of built stages whose requirements are all met by earlier stages.
#[derive(Debug)]
pub struct Pipeline {
    chain: Chain,
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
                .map(|stage| scope.spawn(move || stage.build()))
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

    /// Checks that each stage's requirements are provided by the stages before it (see
    /// [`Chain::new`]; used layers provided only later give [`Pipeline::warnings`]).
    pub fn from_stages(stages: Vec<Box<dyn Stage>>) -> Result<Pipeline, PipelineError> {
        Ok(Pipeline {
            chain: Chain::new(stages)?,
        })
    }

    /// What the order check found worth saying without refusing the order: a stage that
    /// uses a layer only a later stage provides.
    pub fn warnings(&self) -> &[String] {
        self.chain.warnings()
    }

    pub fn stage_names(&self) -> Vec<&'static str> {
        self.chain.stage_names()
    }

    /// Every layer the pipeline fills.
    pub fn provides(&self) -> Layers {
        self.chain.provides()
    }

    /// Runs every stage on one document. Errors and panics are recorded on the document
    /// (see the crate docs for what runs after one).
    pub fn process(&self, doc: &mut Document) -> DocReport {
        let started = Instant::now();
        let errors = self.chain.process(doc);
        DocReport {
            id: doc.meta.id.clone(),
            bytes: doc.text().len(),
            elapsed: started.elapsed(),
            read_ok: true,
            errors,
        }
    }

    /// Processes a stream of records in parallel, yielding results in input order. See
    /// [`RunOptions`] for threads and chunking.
    pub fn run_batch<E, I>(
        &self,
        input: I,
        options: RunOptions,
    ) -> Result<Batch<'_, I>, PipelineError>
    where
        E: ReadError,
        I: Iterator<Item = Result<Document, E>>,
    {
        Batch::new(self, input, options)
    }

    /// Processes a stream of records in parallel and hands each result, in input order, to
    /// `consume` on the calling thread while a helper thread processes the next chunk, so
    /// writing overlaps with processing; returns the totals. The faster way to write a batch
    /// out. `consume` gets the running totals and returns [`Flow::Stop`] to end early.
    pub fn run_each<E, I, F>(
        &self,
        input: I,
        options: RunOptions,
        consume: F,
    ) -> Result<Summary, PipelineError>
    where
        E: ReadError,
        I: Iterator<Item = Result<Document, E>> + Send,
        F: FnMut(Processed, &Summary) -> Flow,
    {
        self.run_each_mapped(input, options, |p| p, consume)
    }

    /// [`Pipeline::run_each`] with `map` applied to each processed record on the worker
    /// thread that processed it, before `consume` gets the result: render output there, so
    /// that work is parallel and each document is freed where it was made.
    pub fn run_each_mapped<E, I, T, M, F>(
        &self,
        input: I,
        options: RunOptions,
        map: M,
        consume: F,
    ) -> Result<Summary, PipelineError>
    where
        E: ReadError,
        I: Iterator<Item = Result<Document, E>> + Send,
        T: Send,
        M: Fn(Processed) -> T + Sync,
        F: FnMut(T, &Summary) -> Flow,
    {
        run::run_overlapped(Batch::new(self, input, options)?, map, consume)
    }
}
