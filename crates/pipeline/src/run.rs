//! The batch driver: bounded chunks, rayon inside a chunk, results in input order.

use crate::{DocReport, Pipeline, PipelineError, Processed, Summary};
use rayon::prelude::*;
use sitrep_ingest::Record;
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RunOptions {
    /// Worker threads; `None` uses rayon's global pool (one per core).
    pub threads: Option<usize>,
    /// A chunk closes at this many documents ...
    pub chunk_docs: usize,
    /// ... or at this many text bytes, whichever comes first. Memory in flight is about one
    /// chunk of documents with their annotations.
    pub chunk_bytes: usize,
}

impl Default for RunOptions {
    fn default() -> Self {
        RunOptions {
            threads: None,
            chunk_docs: 512,
            chunk_bytes: 32 << 20,
        }
    }
}

/// An iterator over processed records, in input order. Pulls one chunk at a time from the
/// input, so a stream of any length runs in bounded memory.
pub struct Batch<'p, I> {
    pipeline: &'p Pipeline,
    input: I,
    options: RunOptions,
    pool: Option<rayon::ThreadPool>,
    ready: std::vec::IntoIter<Processed>,
    summary: Summary,
    started: Instant,
}

impl<'p, I: Iterator<Item = Record>> Batch<'p, I> {
    pub(crate) fn new(
        pipeline: &'p Pipeline,
        input: I,
        options: RunOptions,
    ) -> Result<Self, PipelineError> {
        let pool = match options.threads {
            None => None,
            Some(threads) => Some(
                rayon::ThreadPoolBuilder::new()
                    .num_threads(threads)
                    .build()
                    .map_err(|e| PipelineError::ThreadPool {
                        threads,
                        message: e.to_string(),
                    })?,
            ),
        };
        Ok(Batch {
            pipeline,
            input,
            options: RunOptions {
                chunk_docs: options.chunk_docs.max(1),
                ..options
            },
            pool,
            ready: Vec::new().into_iter(),
            summary: Summary::default(),
            started: Instant::now(),
        })
    }

    /// Totals of the records yielded so far, with the wall-clock time since the start.
    pub fn summary(&self) -> Summary {
        Summary {
            elapsed: self.started.elapsed(),
            ..self.summary.clone()
        }
    }

    fn next_chunk(&mut self) -> Vec<Record> {
        let mut chunk = Vec::new();
        let mut bytes = 0;
        while chunk.len() < self.options.chunk_docs && bytes < self.options.chunk_bytes {
            match self.input.next() {
                Some(record) => {
                    bytes += record.as_ref().map_or(0, |d| d.text().len());
                    chunk.push(record);
                }
                None => break,
            }
        }
        chunk
    }
}

fn process_record(pipeline: &Pipeline, record: Record) -> Processed {
    match record {
        Ok(mut doc) => {
            let report = pipeline.process(&mut doc);
            Processed {
                record: Ok(doc),
                report,
            }
        }
        Err(e) => {
            let report = DocReport {
                id: e.record_id(),
                bytes: 0,
                elapsed: Duration::ZERO,
                read_ok: false,
                errors: 1,
            };
            Processed {
                record: Err(e),
                report,
            }
        }
    }
}

impl<I: Iterator<Item = Record>> Iterator for Batch<'_, I> {
    type Item = Processed;

    fn next(&mut self) -> Option<Processed> {
        if self.ready.len() == 0 {
            let chunk = self.next_chunk();
            if chunk.is_empty() {
                return None;
            }
            let pipeline = self.pipeline;
            // `collect` on an indexed parallel iterator keeps input order.
            let work = move || {
                chunk
                    .into_par_iter()
                    .map(|r| process_record(pipeline, r))
                    .collect::<Vec<_>>()
            };
            let done = match &self.pool {
                Some(pool) => pool.install(work),
                None => work(),
            };
            self.ready = done.into_iter();
        }
        let processed = self.ready.next()?;
        self.summary.add(&processed.report);
        Some(processed)
    }
}
