//! The full chain for tests: segmenter (sitrep-text), tagger (sitrep-tagger), names.
#![allow(dead_code)]

use sitrep_doc::{Document, Entity, Mention, Meta, Stage};
use sitrep_names::{NamesConfig, NamesStage};
use sitrep_tagger::{TaggerConfig, TaggerStage};
use sitrep_text::{SegmentConfig, Segmenter};
use std::sync::OnceLock;

pub struct Chain {
    seg: Segmenter,
    tagger: TaggerStage,
    pub names: NamesStage,
}

pub fn chain() -> &'static Chain {
    static CHAIN: OnceLock<Chain> = OnceLock::new();
    CHAIN.get_or_init(|| Chain {
        seg: SegmentConfig::default().build().expect("segmenter"),
        tagger: TaggerConfig::default().build().expect("tagger"),
        names: NamesConfig::default().build().expect("names"),
    })
}

pub fn run_with_body(text: &str, body_start: usize) -> Document {
    let c = chain();
    let mut doc =
        Document::with_body(Meta::default(), text.to_string(), body_start).expect("document");
    c.seg.process(&mut doc).expect("segment");
    c.tagger.process(&mut doc).expect("tag");
    c.names.process(&mut doc).expect("names");
    doc
}

/// Segmenter and names only: the dictionaries and rules without POS or NER labels.
pub fn run_untagged(text: &str, body_start: usize) -> Document {
    let c = chain();
    let mut doc =
        Document::with_body(Meta::default(), text.to_string(), body_start).expect("document");
    c.seg.process(&mut doc).expect("segment");
    c.names.process(&mut doc).expect("names");
    doc
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
    let c = chain();
    let meta = Meta {
        date: Some(date.parse().expect("date")),
        ..Meta::default()
    };
    let mut doc = Document::with_body(meta, text.to_string(), 0).expect("document");
    c.seg.process(&mut doc).expect("segment");
    c.tagger.process(&mut doc).expect("tag");
    c.names.process(&mut doc).expect("names");
    doc
}
