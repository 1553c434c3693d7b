//! The target of a follow-up verbal act: "Erdogan blamed a U.S.-based cleric for the coup
//! and demanded his extradition", "Putin accused Turkey of betrayal and warned of serious
//! consequences". A second verb coordinated with an earlier act of the same subject ("and"
//! or "but" right before its verb group, so its clause has no subject of its own), whose own
//! object names no actor, is aimed at the earlier act's target — CAMEO codes the demand and
//! the threat against the party the sentence is about. Only for the verbal acts that take an
//! addressee (appeals 02, demands 10, disapproval 11, rejections 12, threats 13), never for a
//! statement (01), a passive, an infinitive or a participle. The earlier act may be any
//! act with a target, a denial of someone's accusation (016) too. Only the words just before the verb group are read.

use super::{Candidate, SentenceCoder};
use crate::clause::Actor;
use sitrep_doc::Upos;

/// Roots of verbal acts a coordinated verb aims at the earlier act's target.
const FOLLOW_UP_ROOTS: &[&str] = &["02", "10", "11", "12", "13"];

/// Rule note of a target taken from the coordinated act before.
pub(super) const FOLLOW_UP: &str = " + target of the coordinated act before it";

impl<'a, F: Fn(usize) -> Option<Actor>> SentenceCoder<'a, '_, F> {
    /// Whether the verb group starting at word `start` is the second conjunct of a
    /// coordinated predicate: "and"/"but" right before it (adverbs between: "and then",
    /// "but also"), so no subject of its own comes between.
    fn coordinated_predicate(&self, start: usize) -> bool {
        let c = self.c;
        let mut k = start;
        while k > 0 && c.w[k - 1].pos == Upos::Adv {
            k -= 1;
        }
        k > 0 && c.w[k - 1].pos == Upos::Cconj && matches!(c.lemma(k - 1), "and" | "but")
    }

    /// Gives each follow-up verbal act without a target the target of the act of the same
    /// source it is coordinated with.
    pub(super) fn follow_up_targets(&self, out: &mut [Candidate<'a>]) {
        let c = self.c;
        for j in 1..out.len() {
            let e = &out[j];
            if !e.targets.is_empty()
                || e.sources.is_empty()
                || !FOLLOW_UP_ROOTS.iter().any(|r| e.code.starts_with(r))
            {
                continue;
            }
            let Some(g) = c.group_of[e.trigger].map(|g| g as usize) else {
                continue;
            };
            let grp = c.groups[g];
            if grp.passive
                || grp.infinitive
                || grp.gerund
                || !self.coordinated_predicate(grp.start)
                || self.object_names_actor(g)
            {
                continue;
            }
            // The nearest act before it of the same source.
            let Some(i) = (0..j).rev().find(|&i| {
                out[i].trigger < grp.start
                    && out[i]
                        .sources
                        .iter()
                        .any(|s| e.sources.iter().any(|x| x.same(s)))
            }) else {
                continue;
            };
            let before = &out[i];
            if before.targets.is_empty() {
                continue;
            }
            let targets: Vec<Actor> = before
                .targets
                .iter()
                .filter(|t| !e.sources.iter().any(|s| s.same(t)))
                .copied()
                .collect();
            if targets.is_empty() {
                continue;
            }
            out[j].targets = targets;
            out[j].rule.push_str(FOLLOW_UP);
            self.note(g, || "target: that of the coordinated act before it".into());
        }
    }
}
