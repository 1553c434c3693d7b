//! Measures GkgStage throughput on a JSONL corpus (`{"id","text",...}` per line).
//!
//! `cargo run --release -p sitrep-gkg --example gkg_throughput -- ../shared/data/news_corpus.jsonl`

use sitrep_doc::{Document, Meta, Stage};
use std::time::Instant;

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: gkg_throughput FILE.jsonl");
    let data = std::fs::read_to_string(&path).expect("readable corpus");
    let texts: Vec<String> = data
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
        .collect();
    let stage = sitrep_gkg::GkgConfig::default()
        .build()
        .expect("lexicons load");
    let bytes: usize = texts.iter().map(String::len).sum();
    let start = Instant::now();
    let (mut amounts, mut themes, mut counts) = (0, 0, 0);
    for t in &texts {
        let mut doc = Document::new(Meta::default(), t.clone()).expect("document");
        stage.process(&mut doc).expect("stage runs");
        amounts += doc.amounts.len();
        themes += doc.themes.len();
        counts += doc.counts.len();
        if std::env::var_os("SHOW").is_some() {
            for a in &doc.amounts {
                println!("AMOUNT\t{}\t{}\t{}", doc.slice(a.span), a.value, a.object);
            }
            for c in &doc.counts {
                println!(
                    "COUNT\t{}\t{}\t{}\t{}",
                    c.kind.as_str(),
                    doc.slice(c.span),
                    c.value,
                    c.object
                );
            }
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{} docs, {:.1} MB in {:.2}s = {:.1} MB/s; {amounts} amounts, {themes} theme mentions, {counts} counts",
        texts.len(),
        bytes as f64 / 1e6,
        secs,
        bytes as f64 / 1e6 / secs
    );
}
