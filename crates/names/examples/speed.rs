//! Speed of the names stage against segmentation + tagging on a news corpus (JSONL with a
//! `text` field), in MB/s of article text.
//!
//! cargo run --release -p sitrep-names --example speed -- ../shared/data/news_corpus.jsonl

use sitrep_doc::{Document, Meta, Stage};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: speed CORPUS.jsonl")?;
    let t0 = Instant::now();
    let lexicon = sitrep_names::shared_lexicon()?;
    println!(
        "lexicon load: {:.1} ms ({} cities)",
        t0.elapsed().as_secs_f64() * 1e3,
        lexicon.city_count()
    );
    let seg = sitrep_text::SegmentConfig::default().build()?;
    let tagger = sitrep_tagger::TaggerConfig::default().build()?;
    let names = sitrep_names::NamesConfig::default().build()?;
    let mut docs = Vec::new();
    for line in std::fs::read_to_string(&path)?.lines() {
        let v: serde_json::Value = serde_json::from_str(line)?;
        if let Some(t) = v.get("text").and_then(|t| t.as_str()) {
            docs.push(Document::new(Meta::default(), t.to_string())?);
        }
    }
    let bytes: usize = docs.iter().map(|d| d.text().len()).sum();
    let t = Instant::now();
    for d in &mut docs {
        seg.process(d)?;
        tagger.process(d)?;
    }
    let upstream = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let (mut mentions, mut entities) = (0, 0);
    for d in &mut docs {
        names.process(d)?;
        mentions += d.mentions.len();
        entities += d.entities.len();
    }
    let own = t.elapsed().as_secs_f64();
    let mb = bytes as f64 / 1e6;
    println!(
        "{} docs, {:.2} MB, {} mentions, {} entities",
        docs.len(),
        mb,
        mentions,
        entities
    );
    println!("segment+tag: {:.2} s ({:.2} MB/s)", upstream, mb / upstream);
    println!(
        "names:       {:.2} s ({:.2} MB/s), {:.0}% of segment+tag",
        own,
        mb / own,
        100.0 * own / upstream
    );
    Ok(())
}
