//! Organization nominals linked to the organization they stand for ("the bloc" -> the
//! European Union, "the militant group" -> al Shabaab): the latest organization or group
//! mentioned before it, in its paragraph or the two before, whose code or name fits the
//! nominal's head noun. Runs after the dictionary codes are in (they tell a rebel group from
//! a company); a nominal nothing fits is dropped, as an unresolved pronoun is.

use super::Resolved;
use crate::recognize::org_nominals::OrgClass;
use crate::recognize::{Cand, What};
use crate::view::View;
use sitrep_doc::{EntityKind, MentionForm};

/// Paragraphs back a nominal may look (its own and this many before it).
const PARAGRAPH_WINDOW: u32 = 2;

/// Role letters of non-state groups in CAMEO codes: rebels, unaligned armed forces,
/// insurgents, militant groups, NGOs, human-rights groups, the opposition.
const NON_STATE: &[&str] = &["REB", "UAF", "INS", "IMG", "NGO", "HRI", "OPP"];

pub fn link_org_nominals(v: &View, cands: &[Cand], res: &mut Resolved) {
    let para = |piece: usize| v.sent_para[v.pieces[piece].sentence as usize];
    for ci in 0..cands.len() {
        let What::OrgNominal { class, head } = cands[ci].what else {
            continue;
        };
        let head_word = v.norm(head);
        let here = para(cands[ci].a);
        let found = (0..ci).rev().find_map(|cj| {
            let (e, _, kind) = res.assign[cj]?;
            if !matches!(kind, EntityKind::Organization | EntityKind::Group) {
                return None;
            }
            if para(cands[cj].a) + PARAGRAPH_WINDOW < here {
                return None;
            }
            let ent = &res.entities[e];
            fits(
                class,
                head_word,
                ent.code.as_deref().unwrap_or(""),
                &ent.name,
            )
            .then_some((e, kind))
        });
        if let Some((e, kind)) = found {
            res.assign[ci] = Some((e, MentionForm::Nominal, kind));
            res.entities[e].mentions.push(ci);
        }
    }
}

/// Whether an organization coded `code` and named `name` fits a nominal of `class` whose head
/// noun is `head`.
fn fits(class: OrgClass, head: &str, code: &str, name: &str) -> bool {
    let named = name
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w.eq_ignore_ascii_case(head));
    named
        || match class {
            OrgClass::Intergovernmental => code.starts_with("IGO"),
            OrgClass::Organization => code.starts_with("IGO") || code.starts_with("NGO"),
            OrgClass::NonState => NON_STATE.iter().any(|r| code.contains(r)),
            OrgClass::ByName => false,
        }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads_fit_by_class_or_by_name() {
        assert!(fits(
            OrgClass::Intergovernmental,
            "bloc",
            "IGOEUREEC",
            "European Union"
        ));
        assert!(!fits(
            OrgClass::Intergovernmental,
            "bloc",
            "RUSGOV",
            "Government of Russia"
        ));
        assert!(fits(OrgClass::NonState, "group", "SOMREB", "al Shabaab"));
        assert!(fits(
            OrgClass::NonState,
            "group",
            "NGOHRI",
            "Human Rights Watch"
        ));
        assert!(!fits(
            OrgClass::NonState,
            "group",
            "USAGOV",
            "State Department"
        ));
        assert!(fits(
            OrgClass::ByName,
            "agency",
            "IGOUNOIAE",
            "International Atomic Energy Agency"
        ));
        assert!(!fits(
            OrgClass::ByName,
            "court",
            "IGOEUREEC",
            "European Union"
        ));
    }
}
