//! What the whole-chain case tables share: the standard chain (with or without the parser),
//! a sentence run through it on a fixed article date, and its events as "CODE:SRC>TGT".
#![allow(dead_code)] // each test binary uses its own part

use sitrep_doc::{Chain, Document, Stage};

/// The standard chain (segment, dates, tagger, [parser], names, quotes, events).
pub fn chain(parser: bool) -> Chain {
    let mut stages: Vec<Box<dyn Stage>> = vec![
        Box::new(sitrep_text::SegmentConfig::default().build().unwrap()),
        Box::new(sitrep_dates::DatesConfig::default().build().unwrap()),
        Box::new(sitrep_tagger::TaggerConfig::default().build().unwrap()),
    ];
    if parser {
        stages.push(Box::new(
            sitrep_parser::ParserConfig::default().build().unwrap(),
        ));
    }
    stages.push(Box::new(
        sitrep_names::NamesConfig::default().build().unwrap(),
    ));
    stages.push(Box::new(
        sitrep_quotes::QuotesConfig::default().build().unwrap(),
    ));
    stages.push(Box::new(
        sitrep_events::EventsConfig::default().build().unwrap(),
    ));
    Chain::new(stages).expect("the standard order")
}

/// A text run through `chain` as one article dated 2023-05-02.
pub fn coded(chain: &Chain, text: &str) -> Document {
    let record = sitrep_ingest::text_document("case", text.as_bytes().to_vec(), 1 << 20);
    let mut doc = record.expect("the text reads");
    doc.meta.date = chrono::NaiveDate::from_ymd_opt(2023, 5, 2);
    chain.process(&mut doc);
    doc
}

/// "CODE:SRC>TGT" of the events `keep` accepts, sorted.
pub fn dyads(d: &Document, keep: impl Fn(&sitrep_doc::Event) -> bool) -> Vec<String> {
    let mut v: Vec<String> = d
        .events
        .iter()
        .filter(|e| keep(e))
        .map(|e| {
            format!(
                "{}:{}>{}",
                e.code,
                e.source
                    .as_ref()
                    .map(|a| a.actor_code.as_str())
                    .unwrap_or(""),
                e.target
                    .as_ref()
                    .map(|a| a.actor_code.as_str())
                    .unwrap_or("")
            )
        })
        .collect();
    v.sort();
    v
}

/// Every event as "CODE:SRC>TGT", sorted.
pub fn all_events(d: &Document) -> Vec<String> {
    dyads(d, |_| true)
}

/// Runs each case (what, sentence, events that must be there as prefixes, strings no event
/// may contain) with the parser and without it (the POS-window analysis); both must hold.
pub fn check_with_and_without_the_parser(cases: &[(&str, &str, &[&str], &[&str])]) {
    let mut failures = Vec::new();
    for parser in [true, false] {
        let ch = chain(parser);
        for (what, text, want, never) in cases {
            let got = all_events(&coded(&ch, text));
            let missing: Vec<&&str> = want
                .iter()
                .filter(|w| !got.iter().any(|g| g.starts_with(*w)))
                .collect();
            let wrong: Vec<&String> = got
                .iter()
                .filter(|g| never.iter().any(|n| g.contains(n)))
                .collect();
            if !missing.is_empty() || !wrong.is_empty() {
                failures.push(format!(
                    "{what} (parser {parser}): {text:?}\n   missing {missing:?}, wrong {wrong:?}, got {got:?}"
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} cases fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
