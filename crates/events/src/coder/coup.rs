//! A coup: the military removing a government ("the army ousted the president", "soldiers
//! seized power", "officers removed the president from power", "the military staged a
//! coup"). CAMEO has no code of its own for it; the verb dictionary codes OVERTHROW and
//! "seize power" 180, and so does sitrep, with the government as target: the one named as
//! object, else the government of the military's own country. The same verbs with another
//! subject ("parliament ousted the speaker") keep their patterns. Only the verb's own
//! clause is read.

use super::{Act, SentenceCoder};
use crate::clause::Actor;

/// Verbs whose object is removed from power.
const REMOVE_VERBS: &[&str] = &["oust", "topple", "overthrow", "depose", "remove"];

/// Verbs that take power or a coup as object ("seized power", "staged a coup").
const SEIZE_VERBS: &[&str] = &["seize", "take", "grab", "stage", "launch", "mount"];

/// Heads of a subject phrase that name the military (besides agents coded `MIL`).
const MILITARY_HEADS: &[&str] = &[
    "army",
    "military",
    "soldier",
    "troops",
    "troop",
    "officer",
    "junta",
    "general",
    "colonel",
    "mutineer",
    "putschist",
    "guard",
];

/// Words at most this far after the verb that make it a seizure of power.
const POWER_WINDOW: usize = 4;

impl<'a, F: Fn(usize) -> Option<Actor>> SentenceCoder<'a, '_, F> {
    /// The coup group `g` codes, if its verb removes a government or seizes power and its
    /// subject is the military.
    pub(super) fn coup_act(&self, g: usize) -> Option<Act<'a>> {
        let c = self.c;
        let grp = c.groups[g];
        if grp.passive {
            return None;
        }
        let lemma = self.group_lemma(g);
        if !REMOVE_VERBS.contains(&lemma) && !SEIZE_VERBS.contains(&lemma) {
            return None;
        }
        let end = c.clause_end(grp.end).min(grp.end + POWER_WINDOW + 1);
        let power = || (grp.end..end).any(|k| matches!(c.lemma(k), "power" | "coup"));
        let removal = REMOVE_VERBS.contains(&lemma) && (lemma != "remove" || power());
        let seizure = SEIZE_VERBS.contains(&lemma) && power();
        if !(removal || seizure) {
            return None;
        }
        let source = self.subject_actors(g);
        if source.is_empty() || !self.subject_is_military(g, &source) {
            return None;
        }
        let named: Vec<Actor> = c
            .object(g)
            .map(|np| c.phrase_actors(np))
            .unwrap_or_default()
            .into_iter()
            .filter(|a| a.role.is_some() || self.is_person_or_group(a))
            .collect();
        let target = if removal && !named.is_empty() {
            named
        } else {
            // The government of the military's own country ("Myanmar's military seized
            // power": `MMRGOV`): the stage gives the bare role its source's country.
            vec![Actor {
                entity: None,
                span: source[0].span,
                role: Some("GOV"),
            }]
        };
        let code = self
            .lx
            .codes
            .get("180")
            .map(|id| self.lx.codes.info(id).code.as_str())?;
        Some(Act {
            code,
            head: grp.head,
            source,
            target,
            commissive: false,
            complement: false,
            symmetric: false,
            required_target: false,
            unnamed_source: false,
            rule: "sitrep coup (military subject)".to_string(),
        })
    }

    /// Whether the subject of `g` is the military: an agent coded `MIL`, or a phrase headed
    /// by a military noun ("army officers", "the junta").
    fn subject_is_military(&self, g: usize, source: &[Actor]) -> bool {
        if source.iter().any(|a| a.role == Some("MIL")) {
            return true;
        }
        let c = self.c;
        self.subject_phrase(g).is_some_and(|np| {
            let p = c.nps[np];
            MILITARY_HEADS.contains(&c.lemma(p.end - 1))
        })
    }

    /// A named actor that is not a place: the object of a removal is a person or a body
    /// ("ousted President X", "toppled the government"), not a country.
    fn is_person_or_group(&self, a: &Actor) -> bool {
        !a.entity.is_some_and(|e| self.c.countries.contains(&e))
    }
}
