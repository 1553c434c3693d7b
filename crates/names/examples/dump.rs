//! Print the entities found in the first N articles of a JSONL corpus (field `text`), for
//! reviewing the names layer by eye.
//!
//! cargo run -p sitrep-names --example dump -- ../shared/data/news_corpus.jsonl 5

use sitrep_doc::{Document, Meta, Stage};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: dump CORPUS.jsonl [N] [SKIP]")?;
    let n: usize = args.next().map(|s| s.parse()).transpose()?.unwrap_or(3);
    let skip: usize = args.next().map(|s| s.parse()).transpose()?.unwrap_or(0);
    let seg = sitrep_text::SegmentConfig::default().build()?;
    let tagger = sitrep_tagger::TaggerConfig::default().build()?;
    let names = sitrep_names::NamesConfig::default().build()?;
    for line in std::fs::read_to_string(&path)?.lines().skip(skip).take(n) {
        let v: serde_json::Value = serde_json::from_str(line)?;
        let Some(text) = v.get("text").and_then(|t| t.as_str()) else {
            continue;
        };
        let mut doc = Document::new(Meta::default(), text.to_string())?;
        seg.process(&mut doc)?;
        tagger.process(&mut doc)?;
        names.process(&mut doc)?;
        println!(
            "=== {}",
            v.get("title").and_then(|t| t.as_str()).unwrap_or("")
        );
        for e in &doc.entities {
            let ms: Vec<&str> = e
                .mentions
                .iter()
                .map(|&m| doc.slice(doc.mention(m).span))
                .collect();
            let geo = e
                .geo
                .as_ref()
                .map(|g| format!(" @{} {} {}", g.name, g.country_iso3, g.feature))
                .unwrap_or_default();
            println!(
                "  {:?} {} {:?} {:?}{} :: {}",
                e.kind,
                e.name,
                e.actor_code,
                e.titles,
                geo,
                ms.join(" | ")
            );
        }
    }
    Ok(())
}
