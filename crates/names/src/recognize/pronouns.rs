//! Phase 7: personal pronouns, singular by gender, and "they" only as an actor verb's
//! subject.

use super::words::{in_class, ACTOR_VERB};
use super::{Cand, Recognizer, What};
use crate::lexicon::Gender;
use sitrep_text::lexical::{self, Number};

impl Recognizer<'_> {
    /// "he", "him", "his", "himself" and the feminine forms become pronoun mentions; "they"
    /// only before an actor verb ("they said"): it refers to things as often as to groups.
    pub(super) fn find_pronouns(&mut self) {
        let v = self.v;
        for k in 0..v.pieces.len() {
            let word = v.norm(k);
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
