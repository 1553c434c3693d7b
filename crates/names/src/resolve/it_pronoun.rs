//! "it" for an organization or a country (`recognize::pronouns` says where "it" stands for
//! an actor): the actor that is a clause subject just before it. Inside a sentence, the
//! nearest subject actor before it ("Hamas said it fired", "the US says it will"); at a
//! sentence's start or as an addressee, the first subject actor of the previous sentence
//! ("The ministry condemned the sanctions. It said ..."; "Hamas fired rockets. Israel accused
//! it of ..."), never the addressee's own clause subject nor a subject inside a quotation
//! that ends before "it" ('"... Google has let itself be used," it said'); after what it
//! reports ("Malta will grow fastest, it said") as at a sentence's start. Only subjects count: a possessor
//! ("Japan's Nippon Steel said it") or a country adjective ("Australian airline Virgin Blue
//! said it") is not what "it" stands for, and where the subject is no known actor (a firm
//! the names stage does not know) "it" stays unlinked. Nothing further back: "it" is too
//! common a word to reach for an actor named paragraphs before.

use super::{Assigned, EntBuild, Resolver};
use crate::recognize::Cand;
use sitrep_doc::{EntityKind, MentionForm};

/// How many pieces back a subject inside the sentence may start: its own clause ("Hamas
/// said it", "the US government denied the claims, saying it"), not an earlier clause whose
/// subject is another ("Israel's army said it struck ..., and the Iran-backed group said it
/// fired": the group is no known actor, and Israel's army is too far back to be it).
const CLAUSE_REACH: usize = 8;

/// Whether a mention of entity `e` (as `kind`) may be what a later "it" stands for: an
/// organization, a country or government with a code, or a group named in the singular
/// ("the army", "the military"; not "Russian troops", "the police" or "protesters").
pub(super) fn may_be_it(kind: EntityKind, e: &EntBuild) -> bool {
    match kind {
        EntityKind::Organization => true,
        EntityKind::Location => e.code.is_some(),
        EntityKind::Group => {
            let head = e.name.rsplit(' ').next().unwrap_or("").to_lowercase();
            !head.ends_with('s') && !matches!(head.as_str(), "police" | "people")
        }
        _ => false,
    }
}

impl Resolver<'_> {
    /// The entity "it" at candidate `c` stands for, if pronouns are on (see the module doc).
    pub(super) fn it_pronoun(&mut self, c: &Cand, object: bool) -> Option<Assigned> {
        if !self.settings.pronouns {
            return None;
        }
        let v = self.v;
        let sent = v.pieces[c.a].sentence;
        let subjects = |s: u32| {
            self.recent_things
                .iter()
                .filter(move |&&(p, _, subject)| subject && v.pieces[p].sentence == s && p < c.a)
                .map(|&(p, e, _)| (p, e))
        };
        // Not from inside a quotation that ends before "it" ('"... Beijing," it said').
        let quoted = |p: usize| {
            v.pieces[p..c.a]
                .iter()
                .any(|q| matches!(&v.text[q.start..q.end], "\"" | "\u{201d}" | "\u{201c}"))
        };
        let nearest_here = subjects(sent)
            .rfind(|&(p, _)| !quoted(p) && c.a - p <= CLAUSE_REACH)
            .map(|(_, e)| e);
        let first_before = |skip: Option<usize>| {
            let s = sent.checked_sub(1)?;
            subjects(s).map(|(_, e)| e).find(|&e| Some(e) != skip)
        };
        let e = if object {
            first_before(nearest_here)
        } else if v.pieces[c.a].sent_start || after_its_report(v, c.a) {
            first_before(None)
        } else {
            nearest_here
        }?;
        Some((e, MentionForm::Pronoun, self.ents[e].kind))
    }
}

/// Whether "it" at piece `a` follows what it reports: '..., it said', '"...," it added'. The
/// actors inside the report are not the source.
fn after_its_report(v: &crate::view::View, a: usize) -> bool {
    let same = |i: usize| {
        v.pieces
            .get(i)
            .is_some_and(|p| p.sentence == v.pieces[a].sentence)
    };
    a > 0
        && same(a - 1)
        && matches!(
            &v.text[v.pieces[a - 1].start..v.pieces[a - 1].end],
            "," | "\"" | "\u{201d}"
        )
        && same(a + 1)
        && matches!(
            v.norm(a + 1),
            "said" | "says" | "added" | "adds" | "stated" | "reported"
        )
}
