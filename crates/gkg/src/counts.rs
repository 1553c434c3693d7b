//! GDELT counts (V1Counts/V2.1Counts): an amount of people or things that were killed,
//! wounded, arrested, kidnapped, protesting, affected or seized, recognised by a cue word
//! near the amount in the same sentence ("three people were killed", "police arrested 12
//! protesters", "killing at least 40 civilians").

use crate::words::{scan, Word};
use sitrep_doc::{Document, Span};

/// One count: GDELT's CountType, the number, the object counted, and the amount's span.
#[derive(Debug, Clone, PartialEq)]
pub struct Count {
    /// GDELT count type: KILL, WOUND, ARREST, KIDNAP, PROTEST, AFFECT or SEIZE.
    pub kind: &'static str,
    pub value: f64,
    pub object: String,
    pub span: Span,
}

const CUES: &[(&str, &str)] = &[
    ("killed", "KILL"),
    ("kill", "KILL"),
    ("kills", "KILL"),
    ("killing", "KILL"),
    ("dead", "KILL"),
    ("died", "KILL"),
    ("die", "KILL"),
    ("deaths", "KILL"),
    ("slain", "KILL"),
    ("murdered", "KILL"),
    ("wounded", "WOUND"),
    ("wounding", "WOUND"),
    ("injured", "WOUND"),
    ("injuring", "WOUND"),
    ("hurt", "WOUND"),
    ("arrested", "ARREST"),
    ("arresting", "ARREST"),
    ("detained", "ARREST"),
    ("detaining", "ARREST"),
    ("kidnapped", "KIDNAP"),
    ("kidnapping", "KIDNAP"),
    ("abducted", "KIDNAP"),
    ("abducting", "KIDNAP"),
    ("hostage", "KIDNAP"),
    ("protesters", "PROTEST"),
    ("protestors", "PROTEST"),
    ("demonstrators", "PROTEST"),
    ("protested", "PROTEST"),
    ("marched", "PROTEST"),
    ("rallied", "PROTEST"),
    ("displaced", "AFFECT"),
    ("evacuated", "AFFECT"),
    ("homeless", "AFFECT"),
    ("stranded", "AFFECT"),
    ("affected", "AFFECT"),
    ("seized", "SEIZE"),
    ("confiscated", "SEIZE"),
];

/// Objects that are measures, not people or goods: never counted.
const MEASURES: &[&str] = &[
    "hours",
    "hour",
    "days",
    "day",
    "weeks",
    "week",
    "months",
    "month",
    "years",
    "year",
    "minutes",
    "seconds",
    "km",
    "kilometres",
    "kilometers",
    "miles",
    "metres",
    "meters",
    "dollars",
    "euros",
    "pounds",
    "percent",
    "times",
];

const BEFORE: usize = 4;
const AFTER: usize = 5;

fn cue(w: &Word) -> Option<&'static str> {
    CUES.iter()
        .find(|(c, _)| *c == w.lower || w.lemma == Some(c))
        .map(|(_, k)| *k)
}

/// The counts of a document whose amounts are filled (layer AMOUNTS).
pub fn counts(doc: &Document) -> Vec<Count> {
    if doc.amounts.is_empty() {
        return Vec::new();
    }
    let words = scan(doc);
    let mut out = Vec::new();
    for a in &doc.amounts {
        let head = a.object.split(' ').next().unwrap_or("");
        if a.value <= 0.0 || MEASURES.contains(&head) {
            continue;
        }
        let first = words.partition_point(|w| w.start < a.span.start());
        let last = words.partition_point(|w| w.end <= a.span.end());
        // The object itself may be the cue ("25 wounded", "40 dead"); a protest object
        // ("12 protesters") yields to a verb nearby ("police arrested 12 protesters").
        let own = words[first..last.min(words.len())].iter().find_map(cue);
        let mut kind = own.filter(|&k| k != "PROTEST");
        let mut j = last;
        while kind.is_none() && j < words.len() && j < last + AFTER && !words[j].is_stop() {
            kind = cue(&words[j]);
            j += 1;
        }
        let mut j = first;
        while kind.is_none() && j > 0 && j + BEFORE > first && !words[j - 1].is_stop() {
            kind = cue(&words[j - 1]);
            j -= 1;
        }
        if let Some(kind) = kind.or(own) {
            out.push(Count {
                kind,
                value: a.value,
                object: a.object.clone(),
                span: a.span,
            });
        }
    }
    out
}
