//! Runs the chain of existing stages (segment, tag, names, quotes, events) on a JSONL file of
//! articles (`id`, `text`, optional `date`) and writes one `{"id", "events": [...]}` line per
//! record, for `../shared/tools/score_events.py`. Prints events per article and the speed of
//! the events stage alone.
//!
//! cargo run --release -p sitrep-events --example eval_events -- \
//!     ../shared/eval/events_dev.jsonl /tmp/events_pred.jsonl
//! python3 ../shared/tools/score_events.py ../shared/eval/events_dev.jsonl /tmp/events_pred.jsonl

use anyhow::{Context, Result};
use sitrep_doc::{Document, Meta, Stage};
use std::io::{BufWriter, Write};
use std::time::{Duration, Instant};

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output] = args.as_slice() else {
        anyhow::bail!("usage: eval_events INPUT.jsonl OUTPUT.jsonl");
    };
    // The standard stages up to quotes, then events alone (timed on its own).
    let upstream: Vec<Box<dyn Stage>> = vec![
        Box::new(sitrep_text::SegmentConfig::default().build()?),
        Box::new(sitrep_dates::DatesConfig::default().build()?),
        Box::new(sitrep_tagger::TaggerConfig::default().build()?),
        Box::new(sitrep_names::NamesConfig::default().build()?),
        Box::new(sitrep_quotes::QuotesConfig::default().build()?),
    ];
    let upstream = sitrep_doc::Chain::new(upstream)?;
    let events: Vec<Box<dyn Stage>> =
        vec![Box::new(sitrep_events::EventsConfig::default().build()?)];
    let events = sitrep_doc::Chain::after(upstream.provides(), events)?;

    let text = std::fs::read_to_string(input).with_context(|| format!("reading {input}"))?;
    let mut out = BufWriter::new(
        std::fs::File::create(output).with_context(|| format!("creating {output}"))?,
    );
    let (mut n_docs, mut n_events, mut bytes, mut with_events) = (0usize, 0usize, 0usize, 0usize);
    let mut own = Duration::ZERO;
    for (n, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let v: serde_json::Value =
            serde_json::from_str(line).with_context(|| format!("{input}:{}", n + 1))?;
        let id = v
            .get("id")
            .map(|i| {
                i.as_str()
                    .map(String::from)
                    .unwrap_or_else(|| i.to_string())
            })
            .unwrap_or_default();
        let body = v
            .get("text")
            .and_then(|t| t.as_str())
            .unwrap_or("")
            .to_string();
        let date = v
            .get("date")
            .and_then(|d| d.as_str())
            .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        let mut doc = Document::new(
            Meta {
                id: id.clone(),
                date,
                ..Meta::default()
            },
            body,
        )?;
        upstream.process(&mut doc);
        let t = Instant::now();
        events.process(&mut doc);
        own += t.elapsed();
        n_docs += 1;
        bytes += doc.text().len();
        n_events += doc.events.len();
        with_events += usize::from(!doc.events.is_empty());
        let rec = doc.to_record();
        let sentences: Vec<&str> = doc
            .events
            .iter()
            .map(|e| doc.slice(doc.sentences[e.sentence.index()].span))
            .collect();
        serde_json::to_writer(
            &mut out,
            &serde_json::json!({"id": id, "events": rec.events, "sentences": sentences, "errors": rec.errors}),
        )?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    let mb = bytes as f64 / 1e6;
    eprintln!(
        "{n_docs} records, {n_events} events ({:.2} per record, {with_events} records with events); events stage {:.3} s = {:.1} MB/s",
        n_events as f64 / n_docs.max(1) as f64,
        own.as_secs_f64(),
        mb / own.as_secs_f64().max(1e-9)
    );
    Ok(())
}
