//! Phase 4: nominal mentions, a title no name took standing for a person ("the Deputy
//! Foreign Minister", "a Jordanian official", "Pentagon spokesman").

use super::words::DETERMINERS;
use super::{Cand, Recognizer, What};
use sitrep_doc::Upos;

impl Recognizer<'_> {
    /// Every unbound title after a determiner, or with a nationality or an organization in
    /// front, becomes a nominal mention.
    pub(super) fn find_nominals(&mut self) {
        let v = self.v;
        for k in 0..self.titles.len() {
            let t = &self.titles[k];
            if t.bound {
                continue;
            }
            let first = t.lead.unwrap_or(t.a);
            let definite = first > 0 && v.is_any(first - 1, DETERMINERS);
            // Without "the", a title is a mention only with a nationality or an organization
            // in front ("a Jordanian official", "Pentagon spokesman"); it then starts a role
            // entity of its own instead of looking for an antecedent.
            if !definite && t.lead.is_none() && t.org.is_none() {
                continue;
            }
            // "UN mediator Lars Holm, a Swedish diplomat,": a title in apposition to a name
            // that took another title is that person's, not a mention of someone else.
            let det = if first > 0 && v.is_any(first - 1, &["a", "an", "the"]) {
                first - 1
            } else {
                first
            };
            if det > 1
                && v.is(det - 1, ",")
                && self
                    .cands
                    .iter()
                    .any(|c| c.b == det - 1 && matches!(c.what, What::Person { .. }))
            {
                continue;
            }
            // "the head of the delegation" but not "the president's": a possessive is no
            // mention.
            if v.is(t.b, "'") {
                continue;
            }
            let end = t.b;
            let appos = if definite {
                self.appositive_person(end)
            } else {
                None
            };
            self.cands.push(Cand {
                a: if definite { first - 1 } else { first },
                b: end,
                what: What::Nominal {
                    title: k,
                    definite,
                    appos,
                },
            });
        }
    }

    /// The person named in apposition after a nominal title phrase ending at piece `end`: up
    /// to two lower-case words may finish the phrase ("the head of the American delegation"),
    /// then a comma and a person name, directly or after its own bound title ("..., Under
    /// Secretary of State Margaret Ellison,"), not followed by a verb of its own. Returns the
    /// name's first piece.
    fn appositive_person(&self, end: usize) -> Option<usize> {
        let v = self.v;
        let n = v.pieces.len();
        // Up to two lower-case words, or four for an "of" complement ("the head of the
        // observer mission").
        let mut e = end;
        let limit = if v.is(end, "of") { end + 4 } else { end + 2 };
        while e < n && e < limit && v.pieces[e].alpha && !v.pieces[e].cap {
            e += 1;
        }
        if e + 1 >= n || !v.is(e, ",") || !v.same_sentence(end.saturating_sub(1), e + 1) {
            return None;
        }
        // "Venezuela will expel the U.S. ambassador, President Hugo Chavez said": a name
        // followed by its own verb is the subject of a postposed attribution, no apposition.
        let person_at = |a: usize| {
            self.cands
                .iter()
                .any(|c| {
                    c.a == a
                        && matches!(c.what, What::Person { .. })
                        && !v
                            .pieces
                            .get(c.b)
                            .is_some_and(|p| matches!(p.pos, Upos::Verb | Upos::Aux))
                })
                .then_some(a)
        };
        // "…, former Zambian Vice-President X,": "former" before the bound title.
        let mut first = e + 1;
        while first < n && first < e + 3 && v.is_any(first, &["former", "ex", "then"]) {
            first += 1;
        }
        person_at(e + 1).or_else(|| {
            self.titles
                .iter()
                .find(|t| t.bound && [e + 1, first].contains(&t.lead.unwrap_or(t.a)))
                .and_then(|t| person_at(t.b))
        })
    }
}
