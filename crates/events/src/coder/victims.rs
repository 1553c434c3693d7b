//! The people a state coerces: CAMEO 17 (arrests, tear gas, curfews, repression) is done by
//! a state's organs to people in its own jurisdiction, so a crowd of no named affiliation as
//! the object of coercion ("police arrested hundreds of people", "security forces fired tear
//! gas at crowds", "troops detained dozens of students") is its target, as country + `CVL`
//! (or `EDU`): the country inside the phrase or of the place of the act (`Clauses::crowd`),
//! else the source's (the stage fills a bare role's country from the source in root 17).
//! Only the verb's direct object, or a phrase after "at", "on" or "against" right after it,
//! is read; violence (18-20) keeps its rule that unnamed victims ("killed eight people") name
//! no actor.

use super::SentenceCoder;
use crate::clause::Actor;
use sitrep_doc::Upos;

/// Prepositions that carry the people a coercive act is aimed at ("fired tear gas at").
const AIM_PREPS: &[&str] = &["at", "on", "against"];

impl<'a, F: Fn(usize) -> Option<Actor>> SentenceCoder<'a, '_, F> {
    /// The crowd the coercive act of group `g` (CAMEO 17) is done to, if its object names one.
    pub(super) fn coerced_crowd(&self, g: usize, code: &str) -> Option<Actor> {
        let c = self.c;
        let grp = c.groups[g];
        if !code.starts_with("17") || grp.passive {
            return None;
        }
        let np = self.np_starting_at(grp.head + 1, true)?;
        if let Some(a) = self.crowd_of_phrase(np).or_else(|| self.bare_crowd(np)) {
            return Some(a);
        }
        // "fired tear gas at crowds": one instrument phrase, then the aim.
        let after = c.nps[np].end;
        if after < c.len() && AIM_PREPS.contains(&c.lemma(after)) && c.w[after].pos == Upos::Adp {
            let aim = c.np_starting(after + 1)?;
            return self.crowd_of_phrase(aim).or_else(|| self.bare_crowd(aim));
        }
        None
    }

    /// "crowds", "a crowd": people at large by the word itself, which the agents dictionary
    /// lacks (it is no one's role); `CVL` with the country the stage gives.
    fn bare_crowd(&self, np: usize) -> Option<Actor> {
        let c = self.c;
        let p = c.nps[np];
        let h = p.end - 1;
        (c.lemma(h) == "crowd" && !(p.start..p.end).any(|i| c.actor[i].is_some())).then(|| Actor {
            entity: None,
            span: c.w[p.start].span.cover(c.w[h].span),
            role: Some("CVL"),
        })
    }

    /// The crowd (`Clauses::crowd`) phrase `np` names, through quantities ("hundreds of
    /// thousands of people").
    pub(super) fn crowd_of_phrase(&self, np: usize) -> Option<Actor> {
        let c = self.c;
        let mut p = c.nps[np];
        for _ in 0..3 {
            if let Some(a) = c.crowd[p.end - 1] {
                return Some(a);
            }
            let head = c.w[p.end - 1];
            let quantity = head.pos == Upos::Num
                || crate::tree::QUANTITIES
                    .iter()
                    .any(|x| head.lemma.eq_ignore_ascii_case(x));
            if !quantity || c.lemma(p.end) != "of" {
                return None;
            }
            p = c.nps[c.np_starting(p.end + 1)?];
        }
        None
    }
}
