//! Ingests a JSONL corpus (`{"id", "title", "text", "date"?, "url"?, "source"?}` per line,
//! like `news_corpus.jsonl`) into a store, with the stand-in annotator of `support/`, and
//! prints the ingest rate and the store's size.
//!
//! `cargo run --release -p sitrep-store --example ingest_jsonl -- INPUT.jsonl OUT.sitrep [--batch N] [--limit N]`
//!
//! With `--synthetic N` instead of an input file, it ingests N generated articles (the crash
//! test's corpus: two events and one quote each, five actors) to time queries at scale.
//!
//! Undated articles get a stand-in date (spread over 2004-2005) so timelines have days.
//! Rerunning it on the same store skips what is stored: this is the resume path.

#[path = "support/annotate.rs"]
mod annotate;
#[path = "../tests/common/mod.rs"]
mod common;

use anyhow::{bail, Context, Result};
use serde::Deserialize;
use sitrep_doc::{Document, Meta};
use sitrep_store::Store;
use std::io::BufRead;
use std::time::{Duration, Instant};

#[derive(Deserialize)]
struct Line {
    id: String,
    #[serde(default)]
    title: Option<String>,
    text: String,
    #[serde(default)]
    date: Option<chrono::NaiveDate>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    source: Option<String>,
}

/// This thread's CPU time so far, in seconds (Linux; 0 elsewhere). On a shared machine the
/// wall time of an ingest says more about the neighbours than about the store.
fn cpu_seconds() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        .map_or(0.0, |ns| ns as f64 / 1e9)
}

fn file_size(path: &str) -> u64 {
    ["", "-wal", "-shm"]
        .iter()
        .filter_map(|s| std::fs::metadata(format!("{path}{s}")).ok())
        .map(|m| m.len())
        .sum()
}

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut pos = Vec::new();
    let (mut batch, mut limit) = (sitrep_store::DEFAULT_BATCH_SIZE, usize::MAX);
    let mut synthetic = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--batch" => batch = it.next().context("--batch N")?.parse()?,
            "--limit" => limit = it.next().context("--limit N")?.parse()?,
            "--synthetic" => {
                synthetic = Some(it.next().context("--synthetic N")?.parse::<usize>()?)
            }
            _ => pos.push(a.clone()),
        }
    }
    let usage =
        "usage: ingest_jsonl (INPUT.jsonl | --synthetic N) OUT.sitrep [--batch N] [--limit N]";
    if let (Some(n), [db]) = (synthetic, pos.as_slice()) {
        return ingest_synthetic(n, db, batch);
    }
    let [input, db] = pos.as_slice() else {
        bail!(usage)
    };

    let mut store = Store::open(db)?;
    store.set_batch_size(batch);
    let reader = std::io::BufReader::new(
        std::fs::File::open(input).with_context(|| format!("open {input}"))?,
    );
    // One ingest call over a lazy stream of annotated documents: the store commits every
    // `batch` articles and regroups happenings once at the end. Annotation time is measured
    // inside the stream and subtracted.
    let (mut annotate_wall, mut annotate_cpu) = (Duration::ZERO, 0.0);
    let (mut n, mut bytes) = (0usize, 0usize);
    let mut failure: Option<anyhow::Error> = None;
    let docs = reader.lines().take(limit).map_while(|line| {
        let (t, c) = (Instant::now(), cpu_seconds());
        let doc = (|| -> Result<Option<Document>> {
            let line = line?;
            if line.trim().is_empty() {
                return Ok(None);
            }
            let l: Line = serde_json::from_str(&line).with_context(|| format!("line {}", n + 1))?;
            let meta = Meta {
                id: l.id,
                date: Some(l.date.unwrap_or_else(|| annotate::synthetic_date(n))),
                title: l.title,
                url: l.url,
                source: l.source.or(Some("corpus".into())),
            };
            bytes += l.text.len();
            let mut doc = Document::new(meta, l.text)?;
            annotate::annotate(&mut doc);
            n += 1;
            Ok(Some(doc))
        })();
        annotate_wall += t.elapsed();
        annotate_cpu += cpu_seconds() - c;
        match doc {
            Ok(d) => Some(d),
            Err(e) => {
                failure = Some(e);
                None
            }
        }
    });
    let (t, c) = (Instant::now(), cpu_seconds());
    let total = store.ingest(docs.flatten())?;
    let ingest_time = t.elapsed() - annotate_wall;
    let ingest_cpu = cpu_seconds() - c - annotate_cpu;
    if let Some(e) = failure {
        return Err(e.context("reading the input (articles before it are stored)"));
    }
    let annotate_time = annotate_wall;
    let t = Instant::now();
    store.optimize()?;
    let optimize_time = t.elapsed().as_secs_f64();

    let secs = ingest_time.as_secs_f64();
    println!(
        "articles read      {n} ({:.1} MB of text)",
        bytes as f64 / 1e6
    );
    println!(
        "ingest report      inserted {} replaced {} unchanged {} rejected {} commits {} regrouped classes {}",
        total.inserted,
        total.replaced,
        total.unchanged,
        total.rejected.len(),
        total.commits,
        total.regrouped_classes
    );
    println!("annotate (stand-in) {:.3} s", annotate_time.as_secs_f64());
    println!(
        "store.ingest       wall {secs:.3} s = {:.0} articles/s, {:.2} MB/s; cpu {ingest_cpu:.3} s = {:.0} articles/s",
        n as f64 / secs,
        bytes as f64 / 1e6 / secs,
        n as f64 / ingest_cpu
    );
    println!("store.optimize     {optimize_time:.3} s");
    let stats = store.query(&sitrep_store::QueryCommand::Stats)?;
    print!("{stats}");
    println!(
        "files on disk      {} bytes (db + wal + shm)",
        file_size(db)
    );
    Ok(())
}

fn ingest_synthetic(n: usize, db: &str, batch: usize) -> Result<()> {
    let mut store = Store::open(db)?;
    store.set_batch_size(batch);
    let docs = common::synthetic(n);
    let bytes: usize = docs.iter().map(|d| d.text().len()).sum();
    let (t, c) = (Instant::now(), cpu_seconds());
    let r = store.ingest(&docs)?;
    let (secs, cpu) = (t.elapsed().as_secs_f64(), cpu_seconds() - c);
    println!(
        "synthetic articles {n} ({:.1} MB of text), {r:?}",
        bytes as f64 / 1e6
    );
    println!(
        "store.ingest       wall {secs:.3} s = {:.0} articles/s; cpu {cpu:.3} s = {:.0} articles/s",
        n as f64 / secs,
        n as f64 / cpu
    );
    store.optimize()?;
    print!("{}", store.query(&sitrep_store::QueryCommand::Stats)?);
    println!(
        "files on disk      {} bytes (db + wal + shm)",
        file_size(db)
    );
    Ok(())
}
