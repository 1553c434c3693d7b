//! A warning of a future act is a threat (CAMEO 13x): "warned Iran that it would face
//! sanctions", "warned that it would retaliate if attacked", "warned that any attack would
//! be met with a response". A warning about what someone else will do ("warned that the
//! economy would slow", "warned that Iran would soon have a bomb") stays a pessimistic
//! comment (012), coded by the verb's own pattern. Only the tokens of the warned clause and
//! of a following "if" clause are read.

use super::{Act, SentenceCoder};
use crate::clause::Actor;
use crate::transform::{self, kind, Kind};
use sitrep_doc::Upos;

/// Words of a warned clause that make it a threat against whoever the clause is about:
/// consequences for the target ("would face / pay a heavy price / regret") or a response by
/// the warner ("would respond / retaliate / take countermeasures").
const THREAT_WORDS: &[&str] = &[
    "face",
    "pay",
    "suffer",
    "regret",
    "retaliate",
    "respond",
    "react",
    "consequence",
    "price",
    "countermeasure",
    "retaliation",
    "response",
    "reprisal",
    "punishment",
    "punish",
];

/// Of them, the words that say the threat is economic (1312, as "threaten sanctions").
const SANCTION_WORDS: &[&str] = &["sanction", "embargo", "tariff"];

impl<'a, F: Fn(usize) -> Option<Actor>> SentenceCoder<'a, '_, F> {
    /// The threat (code and target) a warning verb `g` makes of its future "that" clause
    /// `inner` (its act `act` when the clause coded one). None: no threat, the verb codes
    /// its own sense.
    pub(super) fn warning_threat(
        &self,
        g: usize,
        inner: usize,
        act: Option<&Act<'a>>,
        addressee: Vec<Actor>,
    ) -> Option<(&'a str, Vec<Actor>)> {
        let c = self.c;
        let source = self.subject_actors(g);
        let inner_subject = self.subject_actors(inner);
        // Its own forces under a possessive are the warner too ("that its army would").
        let possessive = self.subject_phrase(inner).is_some_and(|np| {
            let first = c.w[c.nps[np].start];
            first.pos == Upos::Pron
                && matches!(first.lemma, "his" | "her" | "its" | "their" | "our" | "my")
        });
        // The warner's own act: the clause's subject is the warner or a pronoun standing for
        // it ("Iran warned that it would ...", "... that we will ..."), or names no actor.
        let own = inner_subject.is_empty()
            || possessive
            || inner_subject
                .iter()
                .any(|s| source.iter().any(|x| x.same(s)));
        let first = |v: Vec<Vec<Actor>>| v.into_iter().find(|a| !a.is_empty()).unwrap_or_default();
        // A coded act is the warner's only when the clause's subject names the warner or is
        // a pronoun ("that it would strike back"); "the law would damage ties" is a comment.
        let pronoun = possessive
            || c.groups[inner]
                .start
                .checked_sub(1)
                .is_some_and(|k| c.w[k].pos == Upos::Pron);
        let own_act = if inner_subject.is_empty() {
            pronoun
        } else {
            own
        };
        if let Some(a) = act {
            // Another's act is what the warning is about, not the warner's threat.
            if !own_act {
                return None;
            }
            let code = if a.code.starts_with("13") {
                Some(a.code)
            } else if matches!(kind(a.code), Kind::Hostile | Kind::Protest) {
                transform::threat(a.code)
            } else {
                // A cooperative reading ("would be met with a response") says nothing: the
                // clause's words decide below.
                None
            };
            if let Some(code) = code {
                let target = first(vec![
                    a.target.clone(),
                    addressee.clone(),
                    self.condition_actors(c.groups[inner].end),
                ]);
                return Some((code, target));
            }
        }
        let xg = c.groups[inner];
        let end = c.clause_end(xg.end);
        let words = || (xg.start..end).map(|k| c.lemma(k));
        if !words().any(|w| THREAT_WORDS.contains(&w)) {
            return None;
        }
        let code = if words().any(|w| SANCTION_WORDS.contains(&w)) {
            "1312"
        } else {
            "130"
        };
        // "warned that Britain would face consequences": the one who would face them.
        let subject_target = if own { Vec::new() } else { inner_subject };
        let target = first(vec![subject_target, addressee, self.condition_actors(end)]);
        Some((code, target))
    }

    /// The actors named as subject of an "if / unless" clause at or after word `from` in the
    /// sentence: a conditional threat is aimed at the one whose act the condition names
    /// ("would strike back if Israel retaliated").
    pub(super) fn condition_actors(&self, from: usize) -> Vec<Actor> {
        let c = self.c;
        let Some(k) = (from..c.len()).find(|&k| matches!(c.lemma(k), "if" | "unless")) else {
            return Vec::new();
        };
        match c.group_of.get(k + 1..).and_then(|rest| {
            rest.iter()
                .position(|g| g.is_some())
                .map(|p| c.group_of[k + 1 + p])
        }) {
            Some(Some(x)) if c.groups[x as usize].start > k => self.subject_actors(x as usize),
            _ => Vec::new(),
        }
    }
}
