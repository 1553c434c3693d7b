//! The full chain for tests: segmenter (sitrep-text), tagger (sitrep-tagger), names.
#![allow(dead_code)]

use sitrep_doc::{Chain, Document, Entity, Mention, Meta, Stage};
use sitrep_names::NamesConfig;
use sitrep_tagger::TaggerConfig;
use sitrep_text::SegmentConfig;
use std::sync::OnceLock;

/// Segmenter, tagger (unless `tagged` is false) and names, order-checked and run as the
/// pipeline runs them.
fn chain(tagged: bool) -> Chain {
    let mut stages: Vec<Box<dyn Stage>> = vec![Box::new(
        SegmentConfig::default().build().expect("segmenter"),
    )];
    if tagged {
        stages.push(Box::new(TaggerConfig::default().build().expect("tagger")));
    }
    stages.push(Box::new(NamesConfig::default().build().expect("names")));
    Chain::new(stages).expect("a valid order")
}

fn run_chain(chain: &Chain, mut doc: Document) -> Document {
    let errors = chain.process(&mut doc);
    assert_eq!(errors, 0, "{:?}", doc.errors);
    doc
}

/// The full chain over a document read by sitrep's reader (`date` header and all).
pub fn run_document(doc: Document) -> Document {
    static FULL: OnceLock<Chain> = OnceLock::new();
    run_chain(FULL.get_or_init(|| chain(true)), doc)
}

/// Segmenter and names only: the dictionaries and rules without POS or NER labels.
pub fn run_document_untagged(doc: Document) -> Document {
    static UNTAGGED: OnceLock<Chain> = OnceLock::new();
    run_chain(UNTAGGED.get_or_init(|| chain(false)), doc)
}

pub fn run_with_body(text: &str, body_start: usize) -> Document {
    run_document(
        Document::with_body(Meta::default(), text.to_string(), body_start).expect("document"),
    )
}

pub fn run_untagged(text: &str, body_start: usize) -> Document {
    run_document_untagged(
        Document::with_body(Meta::default(), text.to_string(), body_start).expect("document"),
    )
}

pub fn run(text: &str) -> Document {
    run_with_body(text, 0)
}

/// The mentions whose text is exactly `text`.
pub fn mentions_of<'d>(doc: &'d Document, text: &str) -> Vec<&'d Mention> {
    doc.mentions
        .iter()
        .filter(|m| doc.slice(m.span) == text)
        .collect()
}

/// The entity of the first mention with exactly this text.
pub fn entity_of<'d>(doc: &'d Document, text: &str) -> Option<&'d Entity> {
    mentions_of(doc, text)
        .first()
        .and_then(|m| m.entity)
        .map(|e| doc.entity(e))
}

/// The entity with this canonical name.
pub fn entity_named<'d>(doc: &'d Document, name: &str) -> Option<&'d Entity> {
    doc.entities.iter().find(|e| e.name == name)
}

pub fn dump(doc: &Document) -> String {
    let mut s = String::new();
    for e in &doc.entities {
        let ms: Vec<String> = e
            .mentions
            .iter()
            .map(|&m| {
                format!(
                    "{}[{:?}]",
                    doc.slice(doc.mention(m).span),
                    doc.mention(m).form
                )
            })
            .collect();
        s.push_str(&format!(
            "{:?} {} <{}> {:?} {:?} :: {}\n",
            e.kind,
            e.name,
            e.key,
            e.actor_code,
            e.titles,
            ms.join(", ")
        ));
    }
    s
}

/// The full chain on an article of the given date.
pub fn run_dated(text: &str, date: &str) -> Document {
    let meta = Meta {
        date: Some(date.parse().expect("date")),
        ..Meta::default()
    };
    run_document(Document::with_body(meta, text.to_string(), 0).expect("document"))
}
