//! The target of a response to another's act: a denial (016), a disapproval (11x) or a
//! rejection (12x) whose object is an act noun ("denied British accusations", "rejected the
//! demands of the protesters", "rejected aid offered by France", "rejected a peace deal with
//! the rebels") is aimed at the act's author, as CAMEO codes the accuser the target of the
//! denial. The author is named inside the object phrase (a possessive or a nationality), by
//! a "by"/"from" phrase right after it (or after a participle: "made by", "offered by"), or,
//! for an agreement, by its "with" phrase. Only the words of the object phrase and the two
//! or three after it are read. A bare anaphoric noun ("condemned the move") stands for the
//! act coded before it in the same sentence: "The US imposed sanctions on Turkey, and Ankara
//! condemned the move" is Turkey condemning the United States.

use super::{Act, Candidate, SentenceCoder};
use crate::clause::Actor;
use sitrep_doc::Upos;

/// Nouns of acts someone makes to or against another, whose author a response targets.
const ACT_NOUNS: &[&str] = &[
    "accusation",
    "allegation",
    "charge",
    "claim",
    "demand",
    "call",
    "request",
    "appeal",
    "ultimatum",
    "proposal",
    "offer",
    "plan",
    "initiative",
    "aid",
    "assistance",
    "criticism",
    "complaint",
    "protest",
    "warning",
    "threat",
    "statement",
    "remark",
    "report",
    "decision",
    "deal",
    "agreement",
    "accord",
    "terms",
    // Measures one actor imposes on others ("an export ban imposed by China", "a ruling by
    // the court", "the Chinese embargo"): their author is the one responded to.
    "ban",
    "embargo",
    "sanction",
    "sanctions",
    "tariff",
    "tariffs",
    "restriction",
    "restrictions",
    "blockade",
    "ruling",
    "verdict",
    "decree",
    "measure",
    "measures",
    "move",
    "step",
    "action",
    "policy",
    "law",
];

/// Nouns that stand for an act named before them ("the move", "the decision").
const ANAPHORIC_NOUNS: &[&str] = &["move", "decision", "step", "action", "measure", "measures"];

/// Of them, the ones whose other party follows "with" ("a peace deal with the rebels").
const PACT_NOUNS: &[&str] = &["deal", "agreement", "accord"];

impl<'a, F: Fn(usize) -> Option<Actor>> SentenceCoder<'a, '_, F> {
    /// The author of the act noun the response `act` of group `g` is about, if its object
    /// names one.
    pub(super) fn act_noun_author(&self, g: usize, act: &Act<'a>) -> Vec<Actor> {
        let c = self.c;
        let grp = c.groups[g];
        let response =
            act.code == "016" || act.code.starts_with("11") || act.code.starts_with("12");
        if !response || grp.passive {
            return Vec::new();
        }
        let Some(np) = c.object(g) else {
            return Vec::new();
        };
        let p = c.nps[np];
        let head = c.lemma(p.end - 1);
        if !ACT_NOUNS.contains(&head) {
            return Vec::new();
        }
        let not_source = |a: &Actor| !act.source.iter().any(|s| s.same(a));
        // Inside the phrase, before its head: "British accusations", "Germany's proposal".
        let (lo, hi) = (c.w[p.start].span.start(), c.w[p.end - 1].span.start());
        let inside: Vec<Actor> = c
            .phrase_actors(np)
            .into_iter()
            .filter(|a| a.span.start() >= lo && a.span.end() <= hi && not_source(a))
            .collect();
        if !inside.is_empty() {
            return inside;
        }
        // After it (and its "of" complements: "the accusations of fraud made by Y"):
        // "by/from Y", "made/offered by Y", "with Y" for a pact.
        let mut k = p.end;
        for _ in 0..2 {
            match c.np_starting(k + 1).filter(|_| c.lemma(k) == "of") {
                Some(n) => k = c.nps[n].end,
                None => break,
            }
        }
        if k + 1 < c.len()
            && c.w[k].pos == Upos::Verb
            && c.lemma(k + 1) == "by"
            && !c.mediator_by(k + 1)
        {
            k += 1;
        }
        let author_prep = match c.lemma(k) {
            "by" | "from" => !c.mediator_by(k),
            "with" => PACT_NOUNS.contains(&head),
            _ => false,
        };
        if !author_prep {
            return Vec::new();
        }
        c.np_starting(k + 1)
            .map(|n| c.phrase_actors(n))
            .unwrap_or_default()
            .into_iter()
            .filter(not_source)
            .collect()
    }

    /// "..., and Ankara condemned the move": a response (016, 11x, 12x) with no target whose
    /// object is a definite anaphoric noun ("the/this move") takes the source of the last act
    /// coded before it in the sentence by someone else.
    pub(super) fn anaphoric_act_authors(&self, out: &mut [Candidate<'a>]) {
        let c = self.c;
        for i in 1..out.len() {
            let code = out[i].code;
            let response = code == "016" || code.starts_with("11") || code.starts_with("12");
            if !response || !out[i].targets.is_empty() || out[i].sources.is_empty() {
                continue;
            }
            let Some(g) = c.group_of[out[i].trigger].map(|g| g as usize) else {
                continue;
            };
            let Some(np) = c.object(g) else { continue };
            let p = c.nps[np];
            let definite = matches!(c.lemma(p.start), "the" | "this" | "that");
            if !definite || !ANAPHORIC_NOUNS.contains(&c.lemma(p.end - 1)) {
                continue;
            }
            let own = out[i].sources.clone();
            let earlier = out[..i].iter().rev().find(|e| {
                e.trigger < out[i].trigger
                    && !e.sources.is_empty()
                    && !e.sources.iter().any(|s| own.iter().any(|o| o.same(s)))
            });
            if let Some(e) = earlier {
                out[i].targets = e.sources.clone();
                out[i].rule.push_str(" + the act before it (its author)");
            }
        }
    }
}
