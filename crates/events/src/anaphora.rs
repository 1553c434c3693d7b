//! Targets named by an earlier act. "Iran's foreign ministry condemned the decision", after
//! "the European Union imposed new sanctions on Iran", condemns the EU: the object names an
//! act, and the act's author is the target. An event without a target whose verb's object
//! is a definite event noun ("the decision", "the verdict", "the accusation", "the attack")
//! takes the source of the latest earlier event that noun can name, in its paragraph or the
//! two before. CAMEO coders read a story so; without it a story's reactions (condemnations,
//! rejections, welcomes) have no target.
//!
//! Kept narrow on purpose: the object must follow the verb directly with a determiner or a
//! possessive pronoun ("condemned attacks on civilians" names no particular act), hold no
//! name ("the Paris Club offer" names its author) and not be specified after its noun ("the
//! decision to attack"); the earlier event must be of a kind the noun names (a verdict is a
//! legal act, 17x); an actor is never its own target. An act reported with the noun's own
//! verb ("jets struck targets" ... "condemned the strikes") wins over a later act of the
//! same kind ("rebels fired rockets"). A denial of a pronoun ("B denied it") denies the
//! latest accusation against its source ("A accused B of ...": the target is A). Otherwise
//! an act done to the reacting side ("imposed sanctions on Turkey" ... "Ankara condemned
//! the move") wins over a later act done to others.

use sitrep_doc::{Document, Event, Upos};

/// How far back an antecedent act may be: its paragraph and this many before.
const PARAGRAPH_WINDOW: u32 = 2;
/// At most this many modifiers between the determiner and the event noun ("the EU's new
/// sanctions", "the court's harsh verdict").
const MAX_MODIFIERS: usize = 3;

/// Event nouns and the CAMEO code prefixes of the acts each can name.
const EVENT_NOUNS: &[(&str, &[&str])] = &[
    ("decision", ACTS),
    ("move", ACTS),
    ("step", ACTS),
    ("action", ACTS),
    ("measure", &["13", "16", "17"]),
    ("sanction", &["13", "16"]),
    ("embargo", &["13", "16"]),
    ("ban", &["16", "17"]),
    ("verdict", &["17"]),
    ("sentence", &["17"]),
    ("ruling", &["17"]),
    ("conviction", &["17"]),
    ("arrest", &["17"]),
    ("detention", &["17"]),
    ("accusation", &["11"]),
    ("allegation", &["11"]),
    ("claim", &["11"]),
    ("charge", &["11", "17"]),
    ("criticism", &["11", "012"]),
    ("condemnation", &["11"]),
    ("attack", VIOLENCE),
    ("strike", VIOLENCE),
    ("raid", VIOLENCE),
    ("assault", VIOLENCE),
    ("offensive", VIOLENCE),
    ("bombing", VIOLENCE),
    ("shelling", VIOLENCE),
    ("invasion", VIOLENCE),
    ("deal", AGREEMENTS),
    ("agreement", AGREEMENTS),
    ("accord", AGREEMENTS),
    ("ceasefire", AGREEMENTS),
    ("truce", AGREEMENTS),
    ("proposal", &["03"]),
    ("offer", &["03"]),
    ("demand", &["02", "10"]),
    ("call", &["02", "10"]),
    ("appeal", &["02", "10"]),
    ("request", &["02", "10"]),
    ("threat", &["13", "012"]),
    ("warning", &["13", "012"]),
];

/// Every act (not a statement or an appeal).
const ACTS: &[&str] = &[
    "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15", "16", "17", "18",
    "19", "20",
];
const VIOLENCE: &[&str] = &["18", "19", "20"];
const AGREEMENTS: &[&str] = &["03", "05", "06", "08"];

/// Fills the targets of `events` (in text order, as the coder made them) that an event noun
/// names; the rule of each such event says where its target came from.
pub(crate) fn event_noun_targets(doc: &Document, events: &mut [Event]) {
    for i in 0..events.len() {
        if events[i].target.is_some() || events[i].source.is_none() {
            continue;
        }
        // "A accused B of shelling villages. B denied it.": a denial whose object is a
        // pronoun denies the latest accusation of its source.
        let pronoun = denied_pronoun(doc, &events[i]);
        let Some((noun, kinds, false)) = object_event_noun(doc, &events[i]).or(pronoun) else {
            continue;
        };
        let paragraph = |e: &Event| doc.sentences[e.sentence.0 as usize].paragraph;
        let here = paragraph(&events[i]);
        let own = events[i].source.as_ref().map(|a| a.actor_code.clone());
        // The latest earlier act of a kind the noun names. One that reacted to the same
        // noun ("A accepted the offer. B declined the offer.") is a fellow reactor: its own
        // target (the offer's author) is the answer, and without one the search goes on.
        // An act reported with the noun's own verb ("struck targets" ... "condemned the
        // strikes") is the one the noun names, before a later act of the same kind.
        let fits = |a: &Event| {
            a.sentence < events[i].sentence
                && paragraph(a) + PARAGRAPH_WINDOW >= here
                && kinds.iter().any(|k| a.code.starts_with(k))
                && (pronoun.is_none() || accused_is(a, own.as_deref()))
        };
        let same_verb = events[..i]
            .iter()
            .rev()
            .filter(|a| fits(a))
            .find(|a| trigger_lemma(doc, a) == Some(noun))
            .map(|a| a.trigger);
        // Else one done to the reacting side ("the US imposed sanctions on Turkey ...
        // Ankara condemned the move"), before a later act done to others.
        let at_reactor = events[..i]
            .iter()
            .rev()
            .filter(|a| fits(a))
            .find(|a| accused_is(a, own.as_deref()))
            .map(|a| a.trigger);
        let preferred = same_verb.or(at_reactor);
        let found = events[..i].iter().rev().find_map(|a| {
            if !fits(a) || preferred.is_some_and(|t| a.trigger != t) {
                return None;
            }
            let author = if object_event_noun(doc, a).is_some_and(|(n, _, _)| n == noun) {
                a.target.as_ref()
            } else {
                a.source.as_ref()
            };
            author
                .filter(|s| Some(&s.actor_code) != own.as_ref())
                .map(|s| (s.clone(), a.code.clone()))
        });
        if let Some((target, code)) = found {
            let target = Some(target);
            let e = &mut events[i];
            e.target = target;
            e.rule = format!(
                "{} + target: the source of the earlier {code} (\"{noun}\")",
                e.rule
            );
        }
    }
}

/// For a denial (016) whose object is a pronoun ("denied it", "rejected this"): the
/// accusations (11x) it can deny.
fn denied_pronoun(
    doc: &Document,
    e: &Event,
) -> Option<(&'static str, &'static [&'static str], bool)> {
    if !e.code.starts_with("016") {
        return None;
    }
    let toks = &doc.tokens;
    let t = toks.partition_point(|t| t.span.start() < e.trigger.start());
    let sentence = toks.get(t)?.sentence;
    let next = toks.get(t + 1).filter(|w| w.sentence == sentence)?;
    let pronoun = matches!(next.pos, Upos::Pron | Upos::Det)
        && matches!(
            next.lemma.as_str(),
            "it" | "this" | "that" | "them" | "these"
        );
    // The pronoun ends the clause ("denied it.", "denied it on Monday"), not "denied that
    // it had ...".
    let ends = toks
        .get(t + 2)
        .is_none_or(|w| w.sentence != sentence || matches!(w.pos, Upos::Punct | Upos::Adp));
    (pronoun && ends).then_some(("it", ACCUSATIONS, false))
}

const ACCUSATIONS: &[&str] = &["11"];

/// Whether the target of act `a` is the actor coded `own`, or its country and the other its
/// organ ("Ukraine" accused, "Kyiv" (`UKRGOV`) denies).
fn accused_is(a: &Event, own: Option<&str>) -> bool {
    match (a.target.as_ref().map(|t| t.actor_code.as_str()), own) {
        (Some(t), Some(o)) => {
            t == o || (t.len() == 3 && o.starts_with(t)) || (o.len() == 3 && t.starts_with(o))
        }
        _ => false,
    }
}

/// The lemma of the word that triggered `e`.
fn trigger_lemma<'d>(doc: &'d Document, e: &Event) -> Option<&'d str> {
    let toks = &doc.tokens;
    let t = toks.partition_point(|t| t.span.start() < e.trigger.start());
    toks.get(t).map(|w| w.lemma.as_str())
}

/// The event noun heading the direct object of `e`'s trigger ("condemned the decision",
/// "rejected the EU's new sanctions"), the codes it can name, and whether the phrase names
/// the act's author itself (a name or a possessive in it: "the Paris Club offer").
fn object_event_noun(
    doc: &Document,
    e: &Event,
) -> Option<(&'static str, &'static [&'static str], bool)> {
    let toks = &doc.tokens;
    let t = toks.partition_point(|t| t.span.start() < e.trigger.start());
    let sentence = toks.get(t)?.sentence;
    let first = t + 1;
    let det = toks.get(first).filter(|w| w.sentence == sentence)?;
    let determined = det.pos == Upos::Det
        || (det.pos == Upos::Pron && matches!(det.lemma.as_str(), "its" | "their" | "his" | "her"));
    if !determined || det.lemma == "a" || det.lemma == "an" {
        return None;
    }
    // Determiner, then adjectives, nouns, names and possessives.
    let mut k = first + 1;
    let mut head = None;
    let mut named = false;
    while k < toks.len() && k <= first + 1 + MAX_MODIFIERS && toks[k].sentence == sentence {
        match toks[k].pos {
            Upos::Noun => head = Some(k),
            Upos::Adj => {}
            Upos::Propn | Upos::Part => named = true,
            _ => break,
        }
        k += 1;
    }
    let h = head?;
    // A noun specified after it is not one named before ("the decision to attack", "the
    // attack by rebels", "the offer of aid").
    if toks.get(h + 1).is_some_and(|w| {
        w.sentence == sentence
            && (matches!(
                w.lemma.as_str(),
                "to" | "of" | "by" | "that" | "from" | "against"
            ) || w.pos == Upos::Propn)
    }) {
        return None;
    }
    let head = &toks[h];
    EVENT_NOUNS
        .iter()
        .find(|(n, _)| *n == head.lemma)
        .map(|(n, kinds)| (*n, *kinds, named))
}
