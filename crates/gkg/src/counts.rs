//! GDELT counts (V1Counts/V2.1Counts): an amount of people or things that were killed,
//! wounded, arrested, kidnapped, protesting, affected or seized, recognised by a cue word
//! near the amount in the same sentence ("three people were killed", "police arrested 12
//! protesters", "killing at least 40 civilians").

//!
//! The gkg stage fills the `COUNTS` layer (`doc.counts`) from its amounts; exporters read
//! the layer.

use crate::words::Word;
use sitrep_doc::{Amount, CountKind, CountMention};

const CUES: &[(&str, CountKind)] = &[
    ("killed", CountKind::Kill),
    ("kill", CountKind::Kill),
    ("kills", CountKind::Kill),
    ("killing", CountKind::Kill),
    ("dead", CountKind::Kill),
    ("died", CountKind::Kill),
    ("die", CountKind::Kill),
    ("deaths", CountKind::Kill),
    ("slain", CountKind::Kill),
    ("murdered", CountKind::Kill),
    ("wounded", CountKind::Wound),
    ("wounding", CountKind::Wound),
    ("injured", CountKind::Wound),
    ("injuring", CountKind::Wound),
    ("hurt", CountKind::Wound),
    ("arrested", CountKind::Arrest),
    ("arresting", CountKind::Arrest),
    ("detained", CountKind::Arrest),
    ("detaining", CountKind::Arrest),
    ("kidnapped", CountKind::Kidnap),
    ("kidnapping", CountKind::Kidnap),
    ("abducted", CountKind::Kidnap),
    ("abducting", CountKind::Kidnap),
    ("hostage", CountKind::Kidnap),
    ("protesters", CountKind::Protest),
    ("protestors", CountKind::Protest),
    ("demonstrators", CountKind::Protest),
    ("protested", CountKind::Protest),
    ("marched", CountKind::Protest),
    ("rallied", CountKind::Protest),
    ("displaced", CountKind::Affect),
    ("evacuated", CountKind::Affect),
    ("homeless", CountKind::Affect),
    ("stranded", CountKind::Affect),
    ("affected", CountKind::Affect),
    ("seized", CountKind::Seize),
    ("confiscated", CountKind::Seize),
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

fn cue(w: &Word) -> Option<CountKind> {
    CUES.iter()
        .find(|(c, _)| *c == w.lower || w.lemma == Some(c))
        .map(|(_, k)| *k)
}

/// The counts among a document's amounts, with the document's words.
pub fn counts(words: &[Word], amounts: &[Amount]) -> Vec<CountMention> {
    let mut out = Vec::new();
    for a in amounts {
        let head = a.object.split(' ').next().unwrap_or("");
        if a.value <= 0.0 || MEASURES.contains(&head) {
            continue;
        }
        let first = words.partition_point(|w| w.start < a.span.start());
        let last = words.partition_point(|w| w.end <= a.span.end());
        // The object itself may be the cue ("25 wounded", "40 dead"); a protest object
        // ("12 protesters") yields to a verb nearby ("police arrested 12 protesters").
        let own = words[first..last.min(words.len())].iter().find_map(cue);
        let mut kind = own.filter(|&k| k != CountKind::Protest);
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
            out.push(CountMention {
                kind,
                value: a.value,
                object: a.object.clone(),
                span: a.span,
            });
        }
    }
    out
}
