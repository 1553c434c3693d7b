//! Prints the clause analysis and the coded events of texts given on the command line (or
//! of a file with `-f PATH`), through the full chain of stages.
//!
//! cargo run --release -p sitrep-events --example explain_events -- "Russia attacked Ukraine."

use anyhow::Result;
use sitrep_doc::{Document, Meta, Stage};

fn main() -> Result<()> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().is_some_and(|a| a == "-f") {
        args = vec![std::fs::read_to_string(&args[1])?];
    }
    let stages: Vec<Box<dyn Stage>> = vec![
        Box::new(sitrep_text::SegmentConfig::default().build()?),
        Box::new(sitrep_dates::DatesConfig::default().build()?),
        Box::new(sitrep_tagger::TaggerConfig::default().build()?),
        Box::new(sitrep_names::NamesConfig::default().build()?),
        Box::new(sitrep_quotes::QuotesConfig::default().build()?),
        Box::new(sitrep_events::EventsConfig::default().build()?),
    ];
    let chain = sitrep_doc::Chain::new(stages)?;
    let events = sitrep_events::EventsConfig::default().build()?;
    for text in args {
        let mut doc = match sitrep_ingest::text_document("arg", text.clone().into_bytes(), 1 << 24)
        {
            Ok(d) => d,
            Err(_) => Document::new(Meta::default(), text)?,
        };
        chain.process(&mut doc);
        for e in &doc.errors {
            eprintln!("{e}");
        }
        print!("{}", sitrep_events::explain(events.lexicon(), &doc));
        for q in &doc.quotes {
            println!(
                "  quote {:?} speaker={:?} cue={:?}",
                doc.slice(q.span),
                q.speaker.as_ref().map(|s| (
                    doc.slice(s.span),
                    s.entity.map(|e| doc.entity(e).actor_code.clone())
                )),
                q.cue.map(|c| doc.slice(c))
            );
        }
        for e in &doc.events {
            println!(
                "  EVENT {} {} -> {} trigger={:?} status={:?} place={:?} date={:?} root={}",
                e.code,
                e.source
                    .as_ref()
                    .map(|a| format!("{}({})", a.actor_code, doc.slice(a.span)))
                    .unwrap_or_default(),
                e.target
                    .as_ref()
                    .map(|a| format!("{}({})", a.actor_code, doc.slice(a.span)))
                    .unwrap_or_default(),
                doc.slice(e.trigger),
                e.status,
                e.place.map(|p| doc.entity(p).name.clone()),
                e.date,
                e.is_root
            );
        }
    }
    Ok(())
}
