//! An object pronoun names the actor just before it: "cut ties with Qatar, accusing it of
//! supporting terrorism" accuses Qatar; "police surrounded the protesters and arrested
//! them" arrests the protesters. The verb's direct object must be the bare pronoun "it"
//! (a country or a body) or "them" (a group: an agent noun, not a country or place); its
//! antecedent is the nearest actor before it in the sentence, and only if that actor is
//! not the act's source (an act on oneself is no event, and "Iran seized a tanker and
//! refused to release it" must not pass over Iran to an earlier name). Only the words
//! between the pronoun and that actor are read.

use super::{Act, SentenceCoder};
use crate::clause::Actor;

/// How far back the antecedent may be, in words.
const MAX_DISTANCE: usize = 12;

impl<'a, F: Fn(usize) -> Option<Actor>> SentenceCoder<'a, '_, F> {
    /// The actor the bare object pronoun of group `g` stands for, if any.
    pub(super) fn pronoun_object(&self, g: usize, act: &Act<'a>) -> Option<Actor> {
        let c = self.c;
        if c.groups[g].passive {
            return None;
        }
        let p = c.nps[c.object(g)?];
        if p.end != p.start + 1 {
            return None;
        }
        let plural = match c.w[p.start].text.to_ascii_lowercase().as_str() {
            "it" => false,
            "them" => true,
            _ => return None,
        };
        let a = (p.start.saturating_sub(MAX_DISTANCE)..p.start)
            .rev()
            .find_map(|k| c.actor[k])?;
        let agrees = if plural {
            a.role.is_some()
        } else {
            a.entity.is_some() && a.role.is_none()
        };
        (agrees && !act.source.iter().any(|s| s.same(&a))).then_some(a)
    }
}
