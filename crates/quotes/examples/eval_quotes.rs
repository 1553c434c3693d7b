//! Evaluation loop of the quotation layer.
//!
//! Reads a JSONL of articles (`id`, `text`, optional `date`), runs the quotation stage on
//! each and writes one schema-v1 record per article (`doc.to_record()`), which the shared
//! scorer reads:
//!
//! ```text
//! cargo run --release -p sitrep-quotes --example eval_quotes -- IN.jsonl PRED.jsonl
//! python3 ../shared/tools/score_quotes.py IN.jsonl PRED.jsonl [--threshold 0.8]
//! ```
//!
//! The segmenter (sitrep-text) runs first; `--no-segment` skips it, and the stage then uses
//! its own paragraph and sentence rules. `--names` also runs the tagger and the names layer,
//! so that speakers come from name mentions and coreference. The throughput of the quotation stage alone is
//! printed on stderr.

use anyhow::{bail, Context, Result};
use sitrep_doc::{Document, Meta, Stage};
use sitrep_quotes::QuotesConfig;
use std::io::{BufRead, BufWriter, Write};
use std::time::{Duration, Instant};

fn main() -> Result<()> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let segment = !args.iter().any(|a| a == "--no-segment");
    let names = args.iter().any(|a| a == "--names");
    args.retain(|a| !a.starts_with("--"));
    if args.len() != 2 {
        bail!("usage: eval_quotes [--no-segment | --names] IN.jsonl PRED.jsonl");
    }
    // The stages before quotes (as the pipeline runs them), then quotes timed on its own.
    let mut before: Vec<Box<dyn Stage>> = Vec::new();
    if segment || names {
        before.push(Box::new(sitrep_text::SegmentConfig::default().build()?));
    }
    if names {
        before.push(Box::new(sitrep_tagger::TaggerConfig::default().build()?));
        before.push(Box::new(sitrep_names::NamesConfig::default().build()?));
    }
    let before = sitrep_doc::Chain::new(before)?;
    let stage = QuotesConfig::default().build()?;
    // Without segmentation, quotes runs alone on the bare text (its fallback paths), outside
    // a chain: a chain would refuse it for lack of sentences.
    let quotes: Option<sitrep_doc::Chain> = if segment || names {
        Some(sitrep_doc::Chain::after(
            before.provides(),
            vec![Box::new(QuotesConfig::default().build()?)],
        )?)
    } else {
        None
    };
    let input = std::io::BufReader::new(
        std::fs::File::open(&args[0]).with_context(|| format!("open {}", args[0]))?,
    );
    let mut out = BufWriter::new(
        std::fs::File::create(&args[1]).with_context(|| format!("create {}", args[1]))?,
    );
    let (mut bytes, mut n, mut spent) = (0usize, 0usize, Duration::ZERO);
    for (lineno, line) in input.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value =
            serde_json::from_str(&line).with_context(|| format!("line {}", lineno + 1))?;
        let id = v["id"]
            .as_str()
            .map(str::to_string)
            .unwrap_or_else(|| v["id"].to_string());
        let text = v["text"]
            .as_str()
            .context("article without text")?
            .to_string();
        let date = v["date"]
            .as_str()
            .and_then(|d| d.get(..10))
            .and_then(|d| d.parse().ok());
        let mut doc = Document::new(
            Meta {
                id,
                date,
                ..Meta::default()
            },
            text,
        )?;
        bytes += doc.text().len();
        before.process(&mut doc);
        let t0 = Instant::now();
        match &quotes {
            Some(chain) => {
                chain.process(&mut doc);
            }
            None => stage.process(&mut doc)?,
        }
        spent += t0.elapsed();
        n += 1;
        serde_json::to_writer(&mut out, &doc.to_record())?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    let mbs = bytes as f64 / 1e6 / spent.as_secs_f64().max(1e-9);
    eprintln!("{n} articles, {bytes} bytes, quotes stage {:.1} MB/s", mbs);
    Ok(())
}
