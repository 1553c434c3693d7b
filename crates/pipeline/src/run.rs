//! The batch driver: bounded chunks, rayon inside a chunk, results in input order.

use crate::{DocReport, Pipeline, PipelineError, Processed, Summary};
use rayon::prelude::*;
use sitrep_doc::{Document, ReadError};
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

impl<'p, E: ReadError, I: Iterator<Item = Result<Document, E>>> Batch<'p, I> {
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

    fn next_chunk(&mut self) -> Vec<Result<Document, E>> {
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

fn process_record<E: ReadError>(pipeline: &Pipeline, record: Result<Document, E>) -> Processed {
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
                record: Err(Box::new(e)),
                report,
            }
        }
    }
}

impl<E: ReadError, I: Iterator<Item = Result<Document, E>>> Iterator for Batch<'_, I> {
    type Item = Processed;

    fn next(&mut self) -> Option<Processed> {
        if self.ready.len() == 0 {
            let done = self.process_chunk();
            if done.is_empty() {
                return None;
            }
            self.ready = done.into_iter();
        }
        let processed = self.ready.next()?;
        self.summary.add(&processed.report);
        Some(processed)
    }
}

impl<E: ReadError + Send, I: Iterator<Item = Result<Document, E>>> Batch<'_, I> {
    /// Reads the next chunk and processes it in parallel; empty at the end of the input.
    fn process_chunk(&mut self) -> Vec<Processed> {
        self.process_chunk_with(&|p| p)
    }

    /// [`Batch::process_chunk`], with `map` applied to each result on the worker thread that
    /// made it.
    fn process_chunk_with<T: Send>(&mut self, map: &(dyn Fn(Processed) -> T + Sync)) -> Vec<T> {
        let chunk = self.next_chunk();
        if chunk.is_empty() {
            return Vec::new();
        }
        let pipeline = self.pipeline;
        // `collect` on an indexed parallel iterator keeps input order.
        let work = move || {
            chunk
                .into_par_iter()
                .map(|r| map(process_record(pipeline, r)))
                .collect::<Vec<_>>()
        };
        match &self.pool {
            Some(pool) => pool.install(work),
            None => work(),
        }
    }
}

/// What the consumer of [`run_overlapped`] says after each record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    Continue,
    Stop,
}

/// Runs a batch and hands each processed record, in input order, to `consume` on the calling
/// thread, while a helper thread reads and processes the next chunk: the consumer's work
/// (writing output) overlaps with processing instead of leaving the workers idle. `map` runs
/// on the worker that processed the record, right after it: rendering output there spreads
/// that work over the workers and frees each document on the thread that allocated it (freed
/// elsewhere, the allocator kept taking fresh pages). At most two chunks are in memory: the
/// one being consumed and the next. `consume` also gets the running totals; returning
/// [`Flow::Stop`] ends the run early.
pub(crate) fn run_overlapped<E, I, T, M, F>(
    mut batch: Batch<'_, I>,
    map: M,
    mut consume: F,
) -> Result<Summary, PipelineError>
where
    E: ReadError,
    I: Iterator<Item = Result<Document, E>> + Send,
    T: Send,
    M: Fn(Processed) -> T + Sync,
    F: FnMut(T, &Summary) -> Flow,
{
    let started = batch.started;
    let mut summary = Summary::default();
    // Each result keeps its report, which the totals need after `map` has consumed it.
    let map = |p: Processed| (p.report.clone(), map(p));
    let map = &map;
    std::thread::scope(|scope| {
        // A rendezvous channel: the producer starts chunk k + 2 only once chunk k + 1 has
        // been taken, so memory stays at two chunks.
        let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<(DocReport, T)>>(0);
        let producer = scope.spawn(move || loop {
            let done = batch.process_chunk_with(map);
            if done.is_empty() || tx.send(done).is_err() {
                break;
            }
        });
        'chunks: for chunk in &rx {
            for (report, item) in chunk {
                summary.add(&report);
                summary.elapsed = started.elapsed();
                if consume(item, &summary) == Flow::Stop {
                    break 'chunks;
                }
            }
        }
        // Dropping the receiver makes the producer's next send fail, so it stops.
        drop(rx);
        if let Err(panic) = producer.join() {
            std::panic::resume_unwind(panic);
        }
    });
    summary.elapsed = started.elapsed();
    Ok(summary)
}
