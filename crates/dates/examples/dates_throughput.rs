//! Measures the dates stage (after segmentation) on a news corpus (JSONL with a "text"
//! field), in CPU time, and prints how many dates it found.
//!
//! `cargo run --release -p sitrep-dates --example dates_throughput [-- corpus.jsonl]`

use sitrep_doc::{Document, Meta, Stage};
use std::time::Instant;

/// CPU time of this process in seconds (the machine may be shared); wall time as fallback.
fn cpu_seconds(wall: Instant) -> f64 {
    std::fs::read_to_string("/proc/self/schedstat")
        .ok()
        .and_then(|s| {
            s.split_whitespace()
                .next()
                .and_then(|n| n.parse::<f64>().ok())
        })
        .map_or_else(|| wall.elapsed().as_secs_f64(), |ns| ns / 1e9)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "/work/shared/data/news_corpus.jsonl".to_string());
    let data = std::fs::read_to_string(&path)?;
    let article = chrono::NaiveDate::from_ymd_opt(2005, 3, 15);
    let mut docs = Vec::new();
    for line in data.lines() {
        let v: serde_json::Value = serde_json::from_str(line)?;
        let text = v
            .get("text")
            .and_then(|t| t.as_str())
            .unwrap_or_default()
            .to_string();
        let mut doc = Document::new(
            Meta {
                date: article,
                ..Meta::default()
            },
            text,
        )?;
        sitrep_text::SegmentConfig::default()
            .build()?
            .process(&mut doc)?;
        docs.push(doc);
    }
    let bytes: usize = docs.iter().map(|d| d.text().len()).sum();
    let stage = sitrep_dates::DatesConfig::default().build()?;
    let origin = Instant::now();
    let mut best = f64::MAX;
    let mut found = 0;
    for _ in 0..5 {
        let t = cpu_seconds(origin);
        found = 0;
        for doc in &mut docs {
            stage.process(doc)?;
            found += doc.dates.len();
        }
        best = best.min(cpu_seconds(origin) - t);
    }
    println!(
        "{} docs, {:.2} MB, {} dates, dates stage best of 5: {:.3} CPU s = {:.1} MB/s",
        docs.len(),
        bytes as f64 / 1e6,
        found,
        best,
        bytes as f64 / 1e6 / best
    );
    Ok(())
}
