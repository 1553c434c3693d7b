//! Phase 6: what the statistical tagger found and no rule claimed (its ORG and LOC spans,
//! trimmed to the capitalized name), and the vote that gives one name one kind.

use super::words::{in_class, NAME_CONNECTOR, NOT_NAME, NOT_ORG_HEAD, ORG_WORD};
use super::{mark, Cand, Recognizer, What};
use crate::view::View;
use rustc_hash::FxHashMap as FxMap;
use sitrep_doc::NerTag;

impl Recognizer<'_> {
    /// Every tagger ORG or LOC span over pieces no candidate and no dictionary match covers
    /// becomes an organization or place mention.
    pub(super) fn find_tagger_spans(&mut self) {
        let v = self.v;
        let n = v.pieces.len();
        let covered = self.covered();
        let mut i = 0;
        while i < n {
            let tag = v.pieces[i].ner;
            let (is_org, is_loc) = (
                tag == NerTag::BOrg || tag == NerTag::IOrg,
                tag == NerTag::BLoc || tag == NerTag::ILoc,
            );
            if !(is_org || is_loc) || !v.pieces[i].alpha {
                i += 1;
                continue;
            }
            let inside = if is_org { NerTag::IOrg } else { NerTag::ILoc };
            let mut b = i + 1;
            while b < n && v.pieces[b].ner == inside && v.same_sentence(i, b) {
                b += 1;
            }
            while b > i + 1
                && !v.pieces[b - 1].alpha
                && !v.raw(b - 1).chars().all(|c| c.is_ascii_digit())
            {
                b -= 1;
            }
            let (a, end) = name_part(v, i, b);
            i = b;
            let b = end;
            if a >= b || (a..b).any(|k| covered[k] || self.in_title[k]) || !v.pieces[a].cap {
                continue;
            }
            let acronym = v.raw_range(a, b).chars().all(|c| !c.is_lowercase());
            if !acronym && !(a..b).any(|k| v.proper(k)) {
                continue;
            }
            if is_org && (in_class(v, b - 1, NOT_ORG_HEAD) || in_class(v, b, NOT_ORG_HEAD)) {
                continue;
            }
            // "opposition politician Ilya Petrov": a tagger ORG of two or three proper nouns
            // right after a noun for persons of the agents dictionary is a person's name.
            let person = is_org
                && b - a >= 2
                && b - a <= 3
                && (a..b).all(|k| v.pieces[k].cap && v.proper(k))
                && !in_class(v, b - 1, ORG_WORD)
                && !super::agent_nouns::is_institution_head(v.norm(b - 1))
                && super::agent_nouns::agent_before(v, a).is_some();
            self.cands.push(Cand {
                a,
                b,
                what: if person {
                    What::Person {
                        title: None,
                        ner_only: true,
                    }
                } else if is_org {
                    What::NerOrg
                } else {
                    What::NerLoc
                },
            });
        }
    }

    /// Pieces claimed by a rule: taken by a group or person, inside a candidate, or inside
    /// any dictionary match.
    pub(super) fn covered(&self) -> Vec<bool> {
        let mut covered = self.taken.clone();
        for c in &self.cands {
            mark(&mut covered, c.a, c.b);
        }
        for m in self.matches {
            mark(&mut covered, m.a, m.b);
        }
        covered
    }
}

/// The name inside a tagger span `[a, b)`: leading words that are no names dropped ("The
/// ONS" -> "ONS"; "However", "We", "Mr" alone are no names), and a span running on into
/// lower-case words cut after its last capitalized word (a name is capitalized words and a
/// few connectors).
fn name_part(v: &View, a: usize, b: usize) -> (usize, usize) {
    let mut a = a;
    while a < b && (in_class(v, a, NOT_NAME) || !v.pieces[a].alpha) {
        a += 1;
    }
    let mut end = a;
    for k in a..b.min(a + 12) {
        let p = &v.pieces[k];
        if p.alpha && p.cap {
            end = k + 1;
        } else if !in_class(v, k, NAME_CONNECTOR) {
            break;
        }
    }
    (a, end)
}

/// The tagger may call one name a person here and an organization there ("Bombardier"):
/// mentions that only the tagger found take the kind most of them with that text got.
pub(super) fn unify_ner_kinds(v: &View, cands: &mut [Cand]) {
    let kind_of = |w: &What| match w {
        What::Person { ner_only: true, .. } => Some(0usize),
        What::NerOrg => Some(1),
        What::NerLoc => Some(2),
        _ => None,
    };
    let mut votes: FxMap<&str, [u32; 3]> = FxMap::default();
    for c in cands.iter() {
        if let Some(k) = kind_of(&c.what) {
            votes.entry(v.norm_range(c.a, c.b)).or_default()[k] += 1;
        }
    }
    for c in cands.iter_mut() {
        if kind_of(&c.what).is_none() {
            continue;
        }
        let Some(n) = votes.get(v.norm_range(c.a, c.b)) else {
            continue;
        };
        let best = (0..3)
            .max_by_key(|&k| (n[k], std::cmp::Reverse(k)))
            .unwrap_or(0);
        c.what = match best {
            0 => What::Person {
                title: None,
                ner_only: true,
            },
            1 => What::NerOrg,
            _ => What::NerLoc,
        };
    }
}
