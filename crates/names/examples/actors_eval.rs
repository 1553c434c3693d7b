//! Internal evaluation of actor codes against a PLOVER-style gold file (JSONL: `text`,
//! `actors.source/target[] {actorText, code, sector?}`): for each gold actor, the entity of
//! the mention overlapping its text and whether its CAMEO code matches (exactly, and at the
//! country level). The gold file is read from ../shared and never copied.
//!
//! cargo run -p sitrep-names --example actors_eval -- ../shared/eval/events_dev.jsonl [-v]

use sitrep_doc::{Document, Meta, Stage};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: actors_eval GOLD.jsonl [-v]")?;
    let verbose = std::env::args().any(|a| a == "-v");
    let seg = sitrep_text::SegmentConfig::default().build()?;
    let tagger = sitrep_tagger::TaggerConfig::default().build()?;
    let names = sitrep_names::NamesConfig::default().build()?;
    let (mut total, mut found, mut exact, mut country) = (0, 0, 0, 0);
    for line in std::fs::read_to_string(&path)?.lines() {
        let v: serde_json::Value = serde_json::from_str(line)?;
        let text = v["text"].as_str().unwrap_or_default();
        let mut doc = Document::new(Meta::default(), text.to_string())?;
        seg.process(&mut doc)?;
        tagger.process(&mut doc)?;
        names.process(&mut doc)?;
        for side in ["source", "target"] {
            for a in v["actors"][side].as_array().into_iter().flatten() {
                let actor_text = a["actorText"].as_str().unwrap_or_default();
                let gold = format!(
                    "{}{}",
                    a["code"].as_str().unwrap_or_default(),
                    a["sector"].as_str().unwrap_or_default()
                );
                if actor_text.is_empty() || gold.is_empty() {
                    continue;
                }
                total += 1;
                let Some(at) = text.find(actor_text) else {
                    continue;
                };
                let span = at..at + actor_text.len();
                // The coded mention inside the actor phrase that covers most of it.
                let pred = doc
                    .mentions
                    .iter()
                    .filter(|m| {
                        let hit =
                            |s: sitrep_doc::Span| s.start() < span.end && span.start < s.end();
                        // A person's title belongs to its mention ("U.S. negotiator" Paul Nitze).
                        hit(m.span) || m.title.is_some_and(hit)
                    })
                    .filter_map(|m| m.entity.map(|e| (m, doc.entity(e))))
                    .filter(|(_, e)| e.actor_code.is_some())
                    .max_by_key(|(m, e)| (e.kind == sitrep_doc::EntityKind::Person, m.span.len()))
                    .and_then(|(_, e)| e.actor_code.clone());
                if let Some(p) = &pred {
                    found += 1;
                    if *p == gold {
                        exact += 1;
                    }
                    if p.get(..3) == gold.get(..3) {
                        country += 1;
                    }
                }
                if verbose && pred.as_deref() != Some(gold.as_str()) {
                    println!("{gold:>10} {:>10}  {actor_text}", pred.unwrap_or_default());
                }
            }
        }
    }
    let pct = |n: i32| 100.0 * n as f64 / total.max(1) as f64;
    println!("gold actors {total}: coded {found} ({:.1}%), exact {exact} ({:.1}%), first 3 letters {country} ({:.1}%)", pct(found), pct(exact), pct(country));
    Ok(())
}
