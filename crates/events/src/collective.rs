//! Collective targets: "Russia urged both sides to show restraint", "the EU called on the two
//! countries to talk", "... the warring parties ..." name the two sides of the article's
//! conflict. An event without a target whose verb's object (or its "on"/"to"/"for" phrase)
//! is such a phrase becomes one event per side, the sides being the two actors of the latest
//! earlier act of conflict (CAMEO 10-20: demands, disapproval, rejections, threats, protests,
//! force, coercion, violence) between two others, in the article. No such act, no target: a
//! collective phrase needs exactly two parties named before it.

use sitrep_doc::{Document, Event, Upos};

/// Nouns a collective phrase of two parties ends in.
const PARTY_NOUNS: &[&str] = &[
    "side",
    "party",
    "country",
    "nation",
    "neighbour",
    "neighbor",
    "rival",
    "government",
    "belligerent",
];

/// Words that open a collective phrase of both parties ("both sides", "the two
/// countries", "the warring parties", "all sides" of a two-sided conflict).
const OPENERS: &[&str] = &["both", "two", "warring", "all"];

/// What the rule of an appeal or demand addressed to a collective phrase ends in: without
/// two sides in the article it is dropped (before, such an appeal to nobody named was not
/// coded at all).
pub(crate) const MARK: &str = "+ collective addressee";

/// Whether the lemmas of a noun phrase are a collective phrase of two parties ("both
/// sides", "the two countries", "the warring parties").
pub(crate) fn is_collective<'a>(lemmas: impl Iterator<Item = &'a str>) -> bool {
    let words: Vec<&str> = lemmas.collect();
    let opener = words
        .iter()
        .take(2)
        .any(|w| OPENERS.contains(&w.to_lowercase().as_str()));
    opener && words.last().is_some_and(|w| PARTY_NOUNS.contains(w)) && words.len() <= 4
}

/// Roots of acts of conflict whose two actors are the sides a collective phrase names.
fn conflict(code: &str) -> bool {
    matches!(
        code.get(..2),
        Some("10" | "11" | "12" | "13" | "14" | "15" | "16" | "17" | "18" | "19" | "20")
    )
}

/// Gives events whose object is a collective phrase of two parties one event per party.
pub(crate) fn collective_targets(doc: &Document, events: &mut Vec<Event>) {
    let mut i = 0;
    while i < events.len() {
        if events[i].target.is_some() || events[i].source.is_none() || !names_both(doc, &events[i])
        {
            i += 1;
            continue;
        }
        let own = events[i].source.as_ref().map(|s| s.actor_code.as_str());
        let differs = |a: &str| own.is_none_or(|o| o.get(..3) != a.get(..3));
        let sides = events[..i].iter().rev().find_map(|a| {
            let (s, t) = (a.source.as_ref()?, a.target.as_ref()?);
            (conflict(&a.code)
                && a.sentence <= events[i].sentence
                && s.actor_code.get(..3) != t.actor_code.get(..3)
                && differs(&s.actor_code)
                && differs(&t.actor_code))
            .then(|| (s.clone(), t.clone(), a.code.clone()))
        });
        let Some((a, b, code)) = sides else {
            if events[i].rule.ends_with(MARK) {
                events.remove(i);
            } else {
                i += 1;
            }
            continue;
        };
        let rule = format!(
            "{} + targets: the two sides of the earlier {code}",
            events[i].rule
        );
        let mut second = events[i].clone();
        events[i].target = Some(a);
        events[i].rule = rule.clone();
        second.target = Some(b);
        second.rule = rule;
        events.insert(i + 1, second);
        i += 2;
    }
}

/// Whether the object of `e`'s trigger, right after it or after "on"/"to"/"for", is a
/// collective phrase of two parties ("urged both sides", "called on the two countries",
/// "appealed to the warring parties").
fn names_both(doc: &Document, e: &Event) -> bool {
    let toks = &doc.tokens;
    let t = toks.partition_point(|t| t.span.start() < e.trigger.start());
    let Some(sentence) = toks.get(t).map(|w| w.sentence) else {
        return false;
    };
    let word = |k: usize| toks.get(k).filter(|w| w.sentence == sentence);
    let mut k = t + 1;
    if word(k).is_some_and(|w| matches!(w.lemma.as_str(), "on" | "to" | "for" | "upon")) {
        k += 1;
    }
    if word(k).is_some_and(|w| w.lemma == "the") {
        k += 1;
    }
    if !word(k).is_some_and(|w| OPENERS.contains(&w.lemma.to_lowercase().as_str())) {
        return false;
    }
    // "both sides", "the two countries", "the two warring parties", "all sides".
    (k + 1..=k + 2)
        .filter_map(word)
        .take_while(|w| matches!(w.pos, Upos::Noun | Upos::Adj | Upos::Num | Upos::Verb))
        .any(|w| PARTY_NOUNS.contains(&w.lemma.as_str()))
}
