//! Phase 7: personal pronouns, singular by gender, "they" only as an actor verb's subject,
//! and "it" only where it stands for an actor (an organization or a country).

use super::words::{in_class, ACTOR_VERB};
use super::{Cand, Recognizer, What};
use crate::lexicon::Gender;
use crate::view::View;
use sitrep_doc::Upos;
use sitrep_text::lexical::{self, Number};

/// Auxiliaries and modals between "it" and its verb ("it has denied", "it would retaliate").
/// Not "is"/"was": "it is expected to rain", "it was called off" are no actor's acts.
const AUXILIARIES: &[&str] = &[
    "has", "have", "had", "does", "did", "will", "would", "could", "should", "must", "may",
    "might", "can", "cannot", "not",
];

/// Words of the actor-verb class that are no act of the subject after "it".
const NOT_AGENTIVE: &[&str] = &["is", "was", "sees"];

/// Verbs whose clause reports an actor's words: "said it would", "warned that it could".
const REPORTING: &[&str] = &[
    "said",
    "says",
    "added",
    "warned",
    "warns",
    "announced",
    "insisted",
    "stated",
    "declared",
    "confirmed",
    "vowed",
    "threatened",
    "promised",
    "pledged",
    "denied",
    "claimed",
];

/// Verbs whose subject "it" is mostly a thing or a situation: "It seemed", "It took years".
const THING_VERBS: &[&str] = &[
    "seems",
    "seemed",
    "appears",
    "appeared",
    "happens",
    "happened",
    "remains",
    "remained",
    "takes",
    "took",
    "means",
    "meant",
    "looks",
    "looked",
    "sounds",
    "sounded",
    "becomes",
    "became",
    "comes",
    "came",
    "goes",
    "went",
    "costs",
    "cost",
    "depends",
    "depended",
    "matters",
    "mattered",
    "contains",
    "contained",
    "includes",
    "included",
    "began",
    "begins",
    "ended",
    "ends",
    "lasted",
    "lasts",
    "rained",
    "followed",
    "follows",
    "made",
    "makes",
    // what studies and reports do: "It showed that ...", "It found ..."
    "showed",
    "shows",
    "found",
    "finds",
    "suggested",
    "suggests",
    "stars",
    "starred",
];

/// Verbs addressed to an actor: "accused it of", "urged it to".
const ADDRESSING: &[&str] = &[
    "accused",
    "accuses",
    "accusing",
    "urged",
    "urges",
    "urging",
    "warned",
    "warns",
    "told",
    "tells",
    "asked",
    "asks",
    "condemned",
    "condemns",
    "criticised",
    "criticized",
    "blamed",
    "blames",
    "thanked",
    "praised",
    "invited",
    "sanctioned",
    "pressed",
    "pressing",
];

impl Recognizer<'_> {
    /// "he", "him", "his", "himself" and the feminine forms become pronoun mentions; "they"
    /// only before an actor verb ("they said"): it refers to things as often as to groups.
    pub(super) fn find_pronouns(&mut self) {
        let v = self.v;
        for k in 0..v.pieces.len() {
            let word = v.norm(k);
            if word == "it" {
                if let Some(object) = it_stands_for_an_actor(self.v, k) {
                    self.cands.push(Cand {
                        a: k,
                        b: k + 1,
                        what: What::ItPronoun { object },
                    });
                }
                continue;
            }
            let (gender, plural) = match lexical::pronoun(word).map(|p| (p.number, p.gender)) {
                Some((Number::Singular, lexical::Gender::Male)) => (Gender::Male, false),
                Some((Number::Singular, lexical::Gender::Female)) => (Gender::Female, false),
                _ if word == "they" && in_class(v, k + 1, ACTOR_VERB) => (Gender::Unknown, true),
                _ => continue,
            };
            // Inside a word ("the" in "theme" is not a piece): pieces are whole runs already.
            self.cands.push(Cand {
                a: k,
                b: k + 1,
                what: What::Pronoun { gender, plural },
            });
        }
    }
}

/// Whether "it" at piece `k` stands for an actor, and if so whether as the addressee
/// (`Some(true)`) or as a subject (`Some(false)`). A subject: before an actor verb, possibly
/// after an adverb or an auxiliary ("It said", "it has denied"); or before another verb (not
/// one whose subject is mostly a thing: `THING_VERBS`) at a sentence's start ("It also froze
/// the assets") or in a clause an actor verb reports ("said it fired", "said it would
/// retaliate", "warned that it could"). An addressee: after a verb addressed to someone ("accused it of",
/// "called on it to"), not itself a clause subject. Elsewhere "it" is mostly a thing or
/// an expletive ("it is unclear", "it will take time") and stays unlinked.
fn it_stands_for_an_actor(v: &View, k: usize) -> Option<bool> {
    let sent = v.pieces[k].sentence;
    let norm = |i: usize| -> &str {
        match v.pieces.get(i) {
            Some(p) if p.sentence == sent => v.norm(i),
            _ => "",
        }
    };
    let pos = |i: usize| {
        v.pieces
            .get(i)
            .filter(|p| p.sentence == sent)
            .map(|p| p.pos)
    };
    let skip_adverbs = |mut i: usize| {
        while pos(i) == Some(Upos::Adv) && norm(i) != "not" && i < k + 4 {
            i += 1;
        }
        i
    };
    let before = |d: usize| if k >= d { norm(k - d) } else { "" };
    let reported =
        REPORTING.contains(&before(1)) || (before(1) == "that" && REPORTING.contains(&before(2)));
    let strong = |i: usize| {
        in_class(v, i, ACTOR_VERB)
            && !AUXILIARIES.contains(&norm(i))
            && !NOT_AGENTIVE.contains(&norm(i))
    };
    let mut j = skip_adverbs(k + 1);
    if strong(j) {
        return Some(false);
    }
    let mut auxiliaries = 0;
    while AUXILIARIES.contains(&norm(j)) && auxiliaries < 3 {
        j = skip_adverbs(j + 1);
        auxiliaries += 1;
    }
    let verb = pos(j) == Some(Upos::Verb) && !THING_VERBS.contains(&norm(j));
    // "It also froze the assets": at a sentence's start, any act of the actor before.
    let opens_sentence = v.pieces[k].sent_start;
    if (auxiliaries > 0 && strong(j)) || ((reported || opens_sentence) && verb) {
        return Some(false);
    }
    let addressed = ADDRESSING.contains(&before(1))
        || (matches!(before(1), "on" | "upon")
            && matches!(before(2), "called" | "calls" | "calling"));
    let clause_subject = auxiliaries > 0 || matches!(pos(k + 1), Some(Upos::Verb | Upos::Aux));
    (addressed && !clause_subject).then_some(true)
}
