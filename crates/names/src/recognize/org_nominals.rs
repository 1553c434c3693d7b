//! Phase 8: organization nominals, a definite phrase that names no organization but stands
//! for one named before: "the bloc" (the European Union), "the alliance" (NATO), "the
//! militant group" (al Shabaab), "the rights group", "the agency", "the court". Only found
//! here; `resolve::org_nominals` links each one, once every organization has its code, to
//! the organization it stands for, or drops it.

use super::{Cand, Recognizer, What};
use sitrep_doc::Upos;

/// What kind of organization a nominal's head noun stands for. Every head also stands for an
/// organization whose name holds it ("the agency": the International Atomic Energy Agency).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrgClass {
    /// "bloc", "alliance": an intergovernmental organization.
    Intergovernmental,
    /// "organisation", "body": an intergovernmental or non-governmental one.
    Organization,
    /// "group", "movement", "militia", "faction": a non-state group (rebels, militants,
    /// insurgents, NGOs, rights groups, the opposition).
    NonState,
    /// "agency", "court", "council", "commission", "tribunal", "party": only an
    /// organization whose name holds the word.
    ByName,
}

/// Head nouns and their class.
const HEADS: &[(&str, OrgClass)] = &[
    ("bloc", OrgClass::Intergovernmental),
    ("alliance", OrgClass::Intergovernmental),
    ("organisation", OrgClass::Organization),
    ("organization", OrgClass::Organization),
    ("body", OrgClass::Organization),
    ("group", OrgClass::NonState),
    ("movement", OrgClass::NonState),
    ("militia", OrgClass::NonState),
    ("faction", OrgClass::NonState),
    ("agency", OrgClass::ByName),
    ("court", OrgClass::ByName),
    ("council", OrgClass::ByName),
    ("commission", OrgClass::ByName),
    ("tribunal", OrgClass::ByName),
    ("party", OrgClass::ByName),
];

/// At most this many lower-case modifiers between "the" and the head ("the paramilitary
/// group", "the Islamist militant group" is a name-bearing phrase and not taken).
const MAX_MODIFIERS: usize = 2;

impl Recognizer<'_> {
    /// Every "the [modifiers] HEAD" over pieces no other candidate covers, where HEAD is an
    /// organization noun not followed by "of" or a name ("the group of seven", "the group
    /// Amnesty International").
    pub(super) fn find_org_nominals(&mut self) {
        let v = self.v;
        let n = v.pieces.len();
        let covered = self.covered();
        let mut found = Vec::new();
        for a in 0..n {
            if !v.is(a, "the") || covered[a] {
                continue;
            }
            let mut k = a + 1;
            while k < n && k - a <= MAX_MODIFIERS + 1 && !covered[k] && v.same_sentence(a, k) {
                let p = &v.pieces[k];
                if let Some(&(_, class)) = HEADS.iter().find(|(h, _)| v.is(k, h)) {
                    let next_blocks = k + 1 < n
                        && v.same_sentence(k, k + 1)
                        && (v.is(k + 1, "of") || (v.pieces[k + 1].cap && v.pieces[k + 1].alpha));
                    if !p.cap && !next_blocks {
                        found.push((a, k, class));
                    }
                    break;
                }
                let modifier = p.alpha
                    && !p.cap
                    && (!v.pos_known || matches!(p.pos, Upos::Adj | Upos::Noun | Upos::Verb));
                if !modifier {
                    break;
                }
                k += 1;
            }
        }
        for (a, k, class) in found {
            self.cands.push(Cand {
                a,
                b: k + 1,
                what: What::OrgNominal { class, head: k },
            });
        }
    }
}
