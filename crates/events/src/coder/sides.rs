//! A collective subject of a mutual act: "Saudi King Salman received Xi Jinping, and the two
//! countries signed an agreement" is each of the two named before it acting with the other
//! (the act's code is mutual: `wordlists::symmetric`). The subject must be a collective
//! phrase of two parties (`collective::is_collective`: "the two countries", "both sides");
//! its sides are the first two different actors named before it in the sentence. Only the
//! sentence's words before the subject are read.

use super::SentenceCoder;
use crate::clause::Actor;

impl<'a, F: Fn(usize) -> Option<Actor>> SentenceCoder<'a, '_, F> {
    /// The two sides a collective subject of group `g` stands for, or none.
    pub(super) fn collective_subject(&self, g: usize) -> Vec<Actor> {
        let c = self.c;
        let Some(np) = self.subject_phrase(g) else {
            return Vec::new();
        };
        let p = c.nps[np];
        if !crate::collective::is_collective((p.start..p.end).map(|k| c.lemma(k))) {
            return Vec::new();
        }
        // One actor per phrase, its last one ("Saudi King Salman" is the king, not Saudi).
        let mut sides: Vec<Actor> = Vec::with_capacity(2);
        for q in c.nps.iter().take_while(|q| q.end <= p.start) {
            let Some(a) = c.actor[q.start..q.end].iter().rev().flatten().next() else {
                continue;
            };
            if !sides.iter().any(|s| s.same(a) || s.entity == a.entity) {
                sides.push(*a);
                if sides.len() == 2 {
                    return sides;
                }
            }
        }
        Vec::new()
    }
}
