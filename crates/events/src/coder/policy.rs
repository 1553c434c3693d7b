//! The target of a protest against a policy: demonstrators "against the new law", strikers
//! "over the pension reform" protest against the government that makes it (CAMEO codes
//! the protest's target as the authority protested against). A protest whose clause names
//! no actor as target, but a law, bill, reform, tax, decision ... after "against", "over"
//! or "at", targets the government of the protesters' own country. Only the clause of the
//! protest verb is read.

use super::{Act, SentenceCoder};
use crate::clause::Actor;
use sitrep_doc::Upos;

/// Nouns of what a government decides.
const POLICY_NOUNS: &[&str] = &[
    "law",
    "bill",
    "reform",
    "tax",
    "taxes",
    "decision",
    "policy",
    "budget",
    "ban",
    "measure",
    "decree",
    "amendment",
    "plan",
    "postponement",
    "price",
    "hike",
    "cut",
    "austerity",
    "election",
    "result",
    "ruling",
];

/// The prepositions a protest names its grievance after.
const GRIEVANCE_PREPS: &[&str] = &["against", "over", "at"];

impl<'a, F: Fn(usize) -> Option<Actor>> SentenceCoder<'a, '_, F> {
    /// The government a protest (14x) of group `g` with no target is aimed at, when its
    /// clause names a policy as its grievance.
    pub(super) fn policy_target(&self, g: usize, act: &Act<'a>) -> Vec<Actor> {
        let c = self.c;
        if !act.code.starts_with("14") || act.source.is_empty() {
            return Vec::new();
        }
        let grp = c.groups[g];
        let end = c.clause_end(grp.end);
        let grievance = (grp.end..end).any(|k| {
            c.w[k].pos == Upos::Adp
                && GRIEVANCE_PREPS.contains(&c.lemma(k))
                && c.np_starting(k + 1).is_some_and(|np| {
                    let p = c.nps[np];
                    POLICY_NOUNS.contains(&c.lemma(p.end - 1))
                })
        });
        if !grievance {
            return Vec::new();
        }
        // The protesters' government: the stage gives the bare role their country, else
        // the article's, else drops it.
        vec![Actor {
            entity: None,
            span: act.source[0].span,
            role: Some("GOV"),
        }]
    }
}
