//! Phase 1: title phrases ("First Deputy Foreign Minister", "the State Department
//! spokesman", "Ambassador to the UN"), with the country, role and organization their
//! context gives. Titles come first so that no later phase reads "Secretary of State" as an
//! organization or as part of a name.

use super::words::is_modifier;
use super::{code_country, mark, org_of, Recognizer, TitleInfo};
use crate::lexicon::{Entry, Title};
use crate::view::Match;

impl<'a> Recognizer<'a> {
    /// Every title match becomes a title phrase; its pieces are marked `in_title`.
    pub(super) fn find_titles(&mut self) {
        for m in self.matches {
            let Some(t) = self.title_phrase(m) else {
                continue;
            };
            mark(&mut self.in_title, t.a, t.b);
            self.titles.push(t);
        }
    }

    /// The title phrase around a title match: modifiers to its left, then an organization
    /// or a nationality before it and an "of X" / "to X" after it.
    fn title_phrase(&self, m: &Match) -> Option<TitleInfo> {
        let v = self.v;
        let t = m.entries.iter().find_map(|e| {
            if let Entry::Title(t) = *e {
                Some(t)
            } else {
                None
            }
        })?;
        // A capitalized dictionary word that is also a title head ("General Assembly") was
        // matched longer elsewhere; a title that is also something else is not a title.
        if m.entries.len() > 1 {
            return None;
        }
        let title = self.lex.title(t);
        let mut a = m.a;
        while a > 0 && is_modifier(v, a - 1) && v.same_sentence(a - 1, m.a) {
            a -= 1;
        }
        let mut info = TitleInfo {
            a,
            b: m.b,
            core: v.raw_range(a, m.b).to_string(),
            head: t,
            deputy: (a..m.b).any(|i| v.is_any(i, &["deputy", "vice"])),
            country: None,
            role: title.role.clone(),
            gender: title.gender,
            nominal_only: title.nominal_only,
            org: None,
            lead: None,
            bound: false,
        };
        self.organization_before(&mut info);
        self.ministry_before(&mut info);
        self.nationality_before(&mut info);
        self.complement_after(&mut info, title);
        // "former Zambian Vice-President", "Former President": a national office no longer
        // held makes its holder one of the country's elites (CAMEO ELI), as the actor
        // dictionaries code an official out of office.
        let from = info.lead.unwrap_or(info.a).min(info.a).saturating_sub(1);
        let former = (from..m.a).any(|k| v.is_any(k, &["former", "ex"]));
        if former && info.org.is_none() && info.role != "ELI" {
            info.role = "ELI".to_string();
        }
        Some(info)
    }

    /// An organization right before the title joins the phrase ("State Department
    /// spokesman"), and its code gives the country and the role.
    fn organization_before(&self, info: &mut TitleInfo) {
        let v = self.v;
        let a = info.a;
        // "African Union Commission chairman", "ECOWAS Council president": an organ of the
        // organization between it and the title is part of the same office.
        let organ = a > 1
            && v.pieces[a - 1].cap
            && v.is_any(a - 1, ORGAN_NOUNS)
            && self.match_ending(a).and_then(org_of).is_none();
        let end = if organ { a - 1 } else { a };
        let Some(om) = self.match_ending(end).filter(|om| v.same_sentence(om.a, a)) else {
            return;
        };
        let Some(o) = org_of(om) else {
            return;
        };
        info.a = om.a;
        self.take_organization(info, o);
    }

    /// The title belongs to organization `o`: its code gives the country and the role.
    fn take_organization(&self, info: &mut TitleInfo, o: crate::lexicon::OrgId) {
        info.org = Some(o);
        let code = &self.lex.org(o).code;
        if let Some(c) = code_country(self.lex, code) {
            info.country = Some(c.to_string());
            if code.len() == 6 {
                info.role = code[3..].to_string();
            }
        }
    }

    /// A group noun of government with its nationality or possessor before it belongs to
    /// the phrase: "Iran's foreign ministry spokesman", "the Turkish Defence Ministry
    /// official" (over one word before the group noun). Only
    /// when a country or an organization stands before it, so that the phrase's country comes
    /// from the ministry's owner and not from the article's other countries.
    fn ministry_before(&self, info: &mut TitleInfo) {
        let v = self.v;
        if info.org.is_some() {
            return;
        }
        let Some(gm) = self
            .match_ending(info.a)
            .filter(|gm| v.same_sentence(gm.a, info.a))
        else {
            return;
        };
        if !gm.entries.iter().any(|e| matches!(e, Entry::Group(_))) {
            return;
        }
        let mut a = gm.a;
        if self.owner_before(a).is_none() && a > 0 {
            let p = &v.pieces[a - 1];
            // Capitalised too: "Russia's Foreign Ministry spokeswoman".
            if p.alpha && !v.is(a - 1, "the") && v.same_sentence(a - 1, a) {
                a -= 1;
            }
        }
        if self.owner_before(a).is_some() {
            info.a = a;
        }
    }

    /// The match of a country, nationality or organization right before piece `start`, or
    /// before a possessive "'s" there; in the same sentence.
    fn owner_before(&self, start: usize) -> Option<&'a Match> {
        let v = self.v;
        let cm = if start >= 3 && v.is(start - 1, "s") && v.is(start - 2, "'") {
            self.match_ending(start - 2)
        } else {
            self.match_ending(start).filter(|_| start > 0)
        }?;
        (v.same_sentence(cm.a, start) && (self.context_code(cm).is_some() || org_of(cm).is_some()))
            .then_some(cm)
    }

    /// A nationality or country word before the phrase ("Russian", "Iran's") gives the
    /// country unless the organization did, and becomes the phrase's `lead`. A possessive
    /// organization ("the TPLF's negotiator", "the WHO's envoy") is the title's organization,
    /// as one written before the title is.
    fn nationality_before(&self, info: &mut TitleInfo) {
        let v = self.v;
        let start = info.a;
        if let Some(cm) = self
            .match_ending(start)
            .filter(|cm| start > 0 && v.same_sentence(cm.a, start))
        {
            if let Some(code) = self.context_code(cm) {
                info.country.get_or_insert(code);
                info.lead = Some(cm.a);
            }
        } else if start >= 3 && v.is(start - 1, "s") && v.is(start - 2, "'") {
            if let Some(cm) = self.match_ending(start - 2) {
                if let Some(code) = self.context_code(cm) {
                    info.country.get_or_insert(code);
                    info.lead = Some(cm.a);
                } else if let Some(o) = org_of(cm).filter(|_| info.org.is_none()) {
                    info.a = cm.a;
                    self.take_organization(info, o);
                }
            }
        }
    }

    /// "of Russia", "of the UN", and for envoys "to the UN": the complement joins the
    /// phrase; after "of" it also names the country (or the organization).
    fn complement_after(&self, info: &mut TitleInfo, title: &Title) {
        let v = self.v;
        let b = info.b;
        if !(v.is(b, "of")
            || (v.is(b, "to")
                && matches!(
                    title.head.as_str(),
                    "ambassador" | "envoy" | "special envoy" | "permanent representative"
                )))
        {
            return;
        }
        let of = v.is(b, "of");
        let k = if v.is(b + 1, "the") { b + 2 } else { b + 1 };
        let Some(cm) = self.match_starting(k).filter(|cm| v.same_sentence(cm.a, b)) else {
            return;
        };
        if let Some(code) = self.context_code(cm) {
            if of {
                info.country = Some(code);
            }
            info.b = cm.b;
        } else if let Some(o) = org_of(cm) {
            if of {
                if let Some(c) = code_country(self.lex, &self.lex.org(o).code) {
                    info.country.get_or_insert(c.to_string());
                }
                info.org.get_or_insert(o);
            }
            info.b = cm.b;
        }
    }
}

/// Organs of an organization that may stand between its name and a title ("African Union
/// Commission chairman").
const ORGAN_NOUNS: &[&str] = &[
    "commission",
    "council",
    "secretariat",
    "assembly",
    "parliament",
    "committee",
];
