//! Persons: full names first (pass 1), lone surnames, nominals ("the minister") and
//! pronouns resolved by salience, and the actor codes persons take from their titles.

use super::{Assigned, EntBuild, Resolver};
use crate::lexicon::{Gender, Lexicon};
use crate::normalize::{fold_phrase, translit_key};
use crate::recognize::{code_country, Cand, TitleInfo, What};
use crate::view::View;
use rustc_hash::FxHashMap as FxMap;
use sitrep_doc::{EntityKind, MentionForm, Upos};

impl Resolver<'_> {
    /// Pass 1: multi-word person names create the person entities in text order, with
    /// their surnames and the gender of their given name.
    pub(super) fn create_named_persons(&mut self) {
        let (v, lex) = (self.v, self.lex);
        for c in self.cands.iter() {
            if let What::Person { .. } = c.what {
                let text = v.raw_range(c.a, c.b);
                let key = translit_key(text);
                if key.contains(' ') {
                    let e = self.entity(format!("person:{key}"), EntityKind::Person, text);
                    if self.ents[e].surnames.is_empty() {
                        let words: Vec<&str> = key.split(' ').collect();
                        let mut names = vec![words[words.len() - 1].to_string()];
                        names.extend(
                            words[1..words.len() - 1]
                                .iter()
                                .filter(|w| w.len() > 2)
                                .map(|w| w.to_string()),
                        );
                        self.ents[e].surnames = names;
                    }
                    if let Some(g) = text
                        .split_whitespace()
                        .next()
                        .and_then(|f| lex.first_names.get(f))
                    {
                        if self.ents[e].gender == Gender::Unknown {
                            self.ents[e].gender = *g;
                        }
                    }
                }
            }
        }
    }

    /// A person's name: a full name is its pass-1 entity; a lone name joins a person with
    /// that surname (see `person_by_surname`) or becomes a person of its own. Its title, if
    /// any, joins the entity.
    pub(super) fn person(&mut self, c: &Cand, text: &str, title: Option<usize>) -> Assigned {
        let key = translit_key(text);
        let e = if key.contains(' ') {
            // Created in pass 1; `entity` returns it (or makes it, defensively).
            self.entity(format!("person:{key}"), EntityKind::Person, text)
        } else {
            match self.person_by_surname(c, &key, title) {
                Some(e) => e,
                None => self.entity(format!("person:{key}"), EntityKind::Person, text),
            }
        };
        if let Some(t) = title {
            self.add_title(e, t);
        }
        if text.len() > self.ents[e].name.len() {
            self.ents[e].name = text.to_string();
        }
        (e, MentionForm::Name, EntityKind::Person)
    }

    /// A lone name: the most recently seen person with this surname, else the first one
    /// with it. A surname proper (the last word) beats an inner name word; the person must
    /// be of the name's gender ("Mrs. Novak" is not Petr Novak) and its titles must not
    /// contradict the name's own.
    fn person_by_surname(&self, c: &Cand, key: &str, title: Option<usize>) -> Option<usize> {
        let (lex, titles) = (self.lex, self.titles);
        let ents = &self.ents;
        let mut with_surname: Vec<usize> = (0..ents.len())
            .filter(|&e| ents[e].surnames.first().map(String::as_str) == Some(key))
            .collect();
        if with_surname.is_empty() {
            with_surname = (0..ents.len())
                .filter(|&e| ents[e].surnames.iter().any(|s| s == key))
                .collect();
        }
        let gender = honorific_gender(self.v, c.a);
        with_surname
            .iter()
            .copied()
            .filter(|&e| {
                let eg = ents[e].gender;
                gender == Gender::Unknown || eg == Gender::Unknown || eg == gender
            })
            .filter(|&e| {
                title.is_none_or(|t| {
                    ents[e].title_ids.is_empty() || titles_agree(lex, titles, &ents[e], &titles[t])
                })
            })
            // A person known to be of the honorific's gender before one whose gender is
            // unknown, then the latest seen.
            .max_by_key(|&e| {
                (
                    gender != Gender::Unknown && ents[e].gender == gender,
                    self.last_seen.get(e).copied().unwrap_or(0),
                )
            })
    }

    /// A title standing for a person: the person named in apposition, else (after "the")
    /// the most salient holder of the title within reach or a later named holder, else a
    /// role entity of its own (`role:usa:spokesman`).
    pub(super) fn nominal(
        &mut self,
        ci: usize,
        title: usize,
        definite: bool,
        appos: Option<usize>,
    ) -> Assigned {
        let t = &self.titles[title];
        let best = match self.appositive_entity(appos) {
            Some(e) => Some(e),
            None if !definite => None,
            None => self
                .salient_title_holder(ci, t)
                .or_else(|| self.later_title_holder(ci, t)),
        };
        let e = match best {
            Some(e) => e,
            None => {
                let country = t.country.clone().unwrap_or_default().to_lowercase();
                let key = format!("role:{}:{}", country, fold_phrase(&t.core));
                self.entity(key, EntityKind::Person, &t.core)
            }
        };
        self.add_title(e, title);
        (e, MentionForm::Nominal, EntityKind::Person)
    }

    /// The person named in apposition is the referent ("the head of the delegation,
    /// Margaret Ellison,"); it was created in pass 1.
    fn appositive_entity(&self, appos: Option<usize>) -> Option<usize> {
        let v = self.v;
        appos.and_then(|pa| {
            self.cands.iter().find(|o| o.a == pa).and_then(|o| {
                let key = translit_key(v.raw_range(o.a, o.b));
                self.by_key.get(&format!("person:{key}")).copied()
            })
        })
    }

    /// The most salient holder of the title within reach: "the minister" between two
    /// ministers is the one the passage is about, and a minister last seen twenty sentences
    /// ago is not taken for granted.
    fn salient_title_holder(&self, ci: usize, t: &TitleInfo) -> Option<usize> {
        let v = self.v;
        let sent = v.pieces[self.cands[ci].a].sentence;
        let reach = self.settings.pronoun_window.saturating_mul(2);
        most_salient(v, &self.recent_persons, sent, reach, |e| {
            nominal_fits(self.lex, self.titles, &self.ents[e], t)
        })
    }

    /// A later named holder of the same title ("the Foreign Minister ... Foreign Minister
    /// Sergei Lavrov").
    fn later_title_holder(&self, ci: usize, t: &TitleInfo) -> Option<usize> {
        let (v, titles) = (self.v, self.titles);
        self.cands[ci + 1..]
            .iter()
            .take(400)
            .find_map(|o| match &o.what {
                What::Person { title: Some(k), .. }
                    if titles[*k].core.eq_ignore_ascii_case(&t.core) =>
                {
                    let key = translit_key(v.raw_range(o.a, o.b));
                    self.by_key.get(&format!("person:{key}")).copied()
                }
                _ => None,
            })
    }

    /// A pronoun (if pronouns are on): "they" is the latest group of this or the previous
    /// sentence; "he"/"she" the most salient person of a fitting gender (see
    /// `most_salient`): "Lavrov said … Blinken's reply … He warned" is Lavrov, a subject
    /// beats a possessor named later, and a person introduced in this paragraph beats the
    /// subject of the previous one. An entity of unknown gender takes the pronoun's.
    pub(super) fn pronoun(&mut self, c: &Cand, gender: Gender, plural: bool) -> Option<Assigned> {
        let v = self.v;
        if !self.settings.pronouns {
            return None;
        }
        let sent = v.pieces[c.a].sentence;
        if plural {
            return self
                .recent_groups
                .iter()
                .rev()
                .find(|&&(p, _)| v.pieces[p].sentence + 1 >= sent)
                .map(|&(_, e)| (e, MentionForm::Pronoun, EntityKind::Group));
        }
        let ents = &self.ents;
        let fits = |e: usize| ents[e].gender == gender || ents[e].gender == Gender::Unknown;
        let found = most_salient(
            v,
            &self.recent_persons,
            sent,
            self.settings.pronoun_window,
            fits,
        );
        if let Some(e) = found {
            if self.ents[e].gender == Gender::Unknown {
                self.ents[e].gender = gender;
            }
        }
        found.map(|e| (e, MentionForm::Pronoun, EntityKind::Person))
    }

    /// The CAMEO code of the article's dominant country: the most mentioned; of equally
    /// mentioned ones, the first (a wire story names its own country in the lead).
    pub(super) fn dominant_code(&self) -> Option<String> {
        self.dominant_country().map(|(code, _)| code)
    }

    /// [`Self::dominant_code`] with the number of the country's mentions.
    pub(super) fn dominant_country(&self) -> Option<(String, u32)> {
        let first_mention = first_country_mentions(self.lex, self.cands);
        self.country_counts
            .iter()
            .max_by_key(|(k, n)| {
                let first = first_mention.get(*k).copied().unwrap_or(usize::MAX);
                (**n, std::cmp::Reverse(first), std::cmp::Reverse(**k))
            })
            .map(|(k, n)| (self.lex.country(*k).cameo.clone(), *n))
    }

    /// Actor codes of persons from their titles: the country most of its titles name, else
    /// the country of an office only one country has ("Under Secretary of State"), else for
    /// a role of one country's politics (if enabled) the article's dominant country (the most mentioned; of
    /// equally mentioned ones, the first: a wire story names its own country in the lead, so
    /// "Vice President X" after one mention each of the Philippines, China and the US is
    /// Philippine); then the first title's role.
    pub(super) fn person_codes(&mut self) {
        let (v, lex, titles, s) = (self.v, self.lex, self.titles, self.settings);
        let dominant_code = self.dominant_code();
        for ent in self
            .ents
            .iter_mut()
            .filter(|e| e.kind == EntityKind::Person)
        {
            let mut counts: FxMap<&str, u32> = FxMap::default();
            for &t in &ent.title_ids {
                if let Some(c) = titles[t].country.as_deref() {
                    *counts.entry(c).or_default() += 1;
                }
            }
            let country = counts
                .iter()
                .max_by_key(|(c, n)| (**n, std::cmp::Reverse(**c)))
                .map(|(c, _)| c.to_string());
            let Some(&first) = ent.title_ids.first() else {
                ent.code = untitled_code(v, lex, self.cands, ent, dominant_code.as_deref(), s);
                continue;
            };
            // A title written with the name ("former Foreign Minister X") says more of the
            // person than a nominal standing for it ("the head of the mission").
            let first = ent
                .title_ids
                .iter()
                .copied()
                .find(|&t| titles[t].bound)
                .unwrap_or(first);
            // A title held in an organization that is not a country's ("AU envoy", "the
            // WHO's representative to Mali", "Amnesty's researcher") gives that
            // organization's code: its place of work, not a nationality or a destination.
            if let Some(o) = ent.title_ids.iter().find_map(|&t| titles[t].org) {
                let code = &lex.org(o).code;
                if code_country(lex, code).is_none() && !code.is_empty() {
                    ent.code = Some(code.clone());
                    continue;
                }
            }
            let mut role = titles[first].role.clone();
            // "army spokesman", "police chief": the office before a governmental title
            // gives the role (Phoenix agents: ARMY, POLICE).
            if role == "GOV" {
                if let Some(r) = office_role(v, &titles[first]) {
                    role = r.to_string();
                }
            }
            // Roles that belong to one country's politics: their holder takes the
            // article's dominant country when no title names one ("opposition leader X"
            // in a story about Venezuela is VENOPP; a bare "OPP" says nothing).
            let national_role = matches!(
                role.as_str(),
                "GOV"
                    | "MIL"
                    | "LEG"
                    | "JUD"
                    | "COP"
                    | "SPY"
                    | "OPP"
                    | "REB"
                    | "INS"
                    | "PTY"
                    | "ELI"
            );
            // "Iran's foreign ministry … Foreign Ministry spokesman X": the office's own
            // country, stated just before, over a country the office only usually has and
            // over the article's dominant one.
            let country = country.or_else(|| {
                ent.title_ids
                    .iter()
                    .find_map(|&t| office_country(v, lex, self.cands, &titles[t]))
            });
            let country = country.or_else(|| {
                ent.title_ids
                    .iter()
                    .find_map(|&t| lex.title(titles[t].head).country.clone())
            });
            let country = country.or_else(|| {
                if national_role && s.country_fallback {
                    dominant_code.clone()
                } else {
                    None
                }
            });
            ent.code = match (country, role.as_str()) {
                (_, "IGO") => titles[first]
                    .org
                    .map(|o| lex.org(o).code.clone())
                    .or(Some("IGO".into())),
                (Some(c), r) => Some(format!("{c}{r}")),
                (None, r) => Some(r.to_string()),
            };
        }
    }
}

/// Head nouns of offices a title may name without their country ("Foreign Ministry
/// spokesman", "army spokesman").
const OFFICE_NOUNS: &[&str] = &[
    "ministry",
    "army",
    "military",
    "police",
    "government",
    "embassy",
    "presidency",
    "navy",
    "commission",
];

/// The role of a security office written right before or inside a title ("army
/// spokesman" MIL, "police spokeswoman" COP).
fn office_role(v: &View, title: &TitleInfo) -> Option<&'static str> {
    let lo = (title.a.saturating_sub(2)..title.a)
        .find(|&k| v.same_sentence(k, title.a))
        .unwrap_or(title.a);
    // Capitalised after a capitalised word, the office noun ends a name ("Salvation Army
    // spokesman"; but "Miami Beach police spokesman" is the city's police).
    let in_name = |k: usize| {
        k > 0
            && v.pieces[k].cap
            && v.same_sentence(k - 1, k)
            && v.pieces[k - 1].alpha
            && v.pieces[k - 1].cap
    };
    (lo..title.b).find_map(|k| match v.norm(k) {
        _ if in_name(k) => None,
        "army" | "military" | "navy" => Some("MIL"),
        "police" => Some("COP"),
        _ => None,
    })
}

/// The country of the office a title names without a country: the closest group mention
/// of the same office noun with its country ("Iran's foreign ministry") that ends before
/// the title, within about three sentences (80 pieces).
fn office_country(v: &View, lex: &Lexicon, cands: &[Cand], title: &TitleInfo) -> Option<String> {
    // The office may be written just before the title proper ("Foreign Ministry spokesman").
    let lo = (title.a.saturating_sub(2)..title.a)
        .find(|&k| v.same_sentence(k, title.a))
        .unwrap_or(title.a);
    let at = (lo..title.b).find(|&k| OFFICE_NOUNS.contains(&v.norm(k)))?;
    let noun = v.norm(at);
    cands
        .iter()
        .filter(|c| c.b <= lo && c.b + 80 > lo && v.norm(c.b - 1) == noun)
        .filter_map(|c| match &c.what {
            What::Group { code } => code_country(lex, code).map(|x| (c.b, x.to_string())),
            _ => None,
        })
        .max_by_key(|(b, _)| *b)
        .map(|(_, x)| x)
}

/// The code of a person without titles, from what the text says of it around one of its
/// names; none when the actor dictionaries know the person (their code, set later, is
/// better evidence). In order:
/// - a role noun of the agents dictionary before the name or in apposition after it, with
///   the nationality before the role noun ("Irish actor X": IRLELI; "X, a Colombian
///   lawyer,": COLJUD), else the article's dominant country ("the activist Olga Petrova" in
///   a Russian story: RUSOPP); roles of international bodies (`IGO`, `NGO`) take no country;
/// - an affiliation after the name: "X of the African Union" (the organization's code), "X
///   of Moldova" (the country's);
/// - what it leads, in a relative clause: "X, who heads Moldova's opposition party,";
/// - a possessive country before the name: "Moldova's X" (the country's code alone, as
///   CAMEO codes an actor whose role the text does not give).
fn untitled_code(
    v: &View,
    lex: &Lexicon,
    cands: &[Cand],
    ent: &EntBuild,
    dominant: Option<&str>,
    s: &super::Settings,
) -> Option<String> {
    let words: Vec<&str> = ent.name.split_whitespace().collect();
    if sitrep_lexicon::Lexicon::get().actor_entry(&words).is_some() {
        return None;
    }
    let names = || {
        ent.mentions
            .iter()
            .map(|&ci| &cands[ci])
            .filter(|c| matches!(c.what, What::Person { .. }))
    };
    if let Some(code) = names().find_map(|c| agent_code(v, lex, cands, c, dominant, s)) {
        return Some(code);
    }
    names()
        .find_map(|c| affiliation_after(v, lex, cands, c.b))
        .or_else(|| names().find_map(|c| relative_role_after(v, lex, cands, c.b, dominant, s)))
        .or_else(|| names().find_map(|c| possessive_country_before(v, lex, cands, c.a)))
}

/// Verbs of leading in a relative clause after a name ("X, who heads the party").
const LEAD_VERBS: &[&str] = &[
    "leads",
    "led",
    "heads",
    "headed",
    "chairs",
    "chaired",
    "runs",
    "ran",
    "commands",
    "commanded",
    "directs",
    "directed",
];

/// "X, who leads Moldova's main opposition party,", "X, who led the government delegation,":
/// the code of what the person leads, read from the object up to the clause's end: a named
/// organization or country group, else the first agent noun with the country named in the
/// object (else the article's dominant country).
fn relative_role_after(
    v: &View,
    lex: &Lexicon,
    cands: &[Cand],
    b: usize,
    dominant: Option<&str>,
    s: &super::Settings,
) -> Option<String> {
    if !(v.is(b, ",") && v.is(b + 1, "who") && v.is_any(b + 2, LEAD_VERBS)) {
        return None;
    }
    let start = b + 3;
    let mut end = start;
    while end < v.pieces.len()
        && end - start < 8
        && v.same_sentence(end, b)
        && !v.is_any(end, &[",", ".", ";"])
    {
        end += 1;
    }
    let inside = |c: &&Cand| c.a >= start && c.b <= end;
    if let Some(code) = cands.iter().filter(inside).find_map(|c| body_code(lex, c)) {
        return Some(code);
    }
    let words: Vec<&str> = (start..end).map(|k| v.norm(k)).collect();
    let (_, _, role, _) = sitrep_lexicon::Lexicon::get()
        .find_agents(&words)
        .into_iter()
        .next()?;
    let country = cands.iter().filter(inside).find_map(|c| match c.what {
        What::Country(k) | What::Adjective(k) => Some(lex.country(k).cameo.as_str()),
        _ => None,
    });
    Some(role_code(role, country, dominant, s))
}

/// A person's code from an agent role: the role after `country`, else after the article's
/// dominant country (if the fallback is on); roles of international bodies (`IGO`, `NGO`)
/// take no country.
fn role_code(
    role: &str,
    country: Option<&str>,
    dominant: Option<&str>,
    s: &super::Settings,
) -> String {
    if role.starts_with("IGO") || role.starts_with("NGO") {
        return role.to_string();
    }
    match country.or(dominant.filter(|_| s.country_fallback)) {
        Some(c) => format!("{c}{role}"),
        None => role.to_string(),
    }
}

/// The code of a named organization or of a country group ("Moldova's opposition").
fn body_code(lex: &Lexicon, c: &Cand) -> Option<String> {
    match &c.what {
        What::Org(o) => Some(lex.org(*o).code.clone()).filter(|code| !code.is_empty()),
        What::Group { code } => Some(code.clone()),
        _ => None,
    }
}

/// The agent-role code of one name (see [`untitled_code`]).
fn agent_code(
    v: &View,
    lex: &Lexicon,
    cands: &[Cand],
    name: &Cand,
    dominant: Option<&str>,
    s: &super::Settings,
) -> Option<String> {
    use crate::recognize::agent_nouns::{agent_apposition_after, agent_phrase_before};
    let (start, role) = agent_phrase_before(v, name.a).or_else(|| {
        // "X, a Colombian lawyer, said": the nationality stands first in the apposition.
        agent_apposition_after(v, name.b).map(|(first, role)| {
            let nationality_end = cands
                .iter()
                .find(|c| c.a == first && matches!(c.what, What::Adjective(_)))
                .map_or(first, |c| c.b);
            (nationality_end, role)
        })
    })?;
    // "ICRC delegate X", "UNHCR spokesman X": a named organization before the role phrase
    // that is no country's is the person's place of work and gives its own code (as a
    // title held in such an organization does); a country's organization gives its country.
    let org = cands.iter().find_map(|c| match c.what {
        What::Org(o) if c.b == start && v.same_sentence(c.a, start) => Some(&lex.org(o).code),
        _ => None,
    });
    if let Some(code) = org.filter(|code| !code.is_empty()) {
        match crate::recognize::code_country(lex, code) {
            None => return Some(code.clone()),
            Some(c) => return Some(role_code(role, Some(c), dominant, s)),
        }
    }
    // "Irish actor X": the nationality before the role phrase, else the article's country.
    let nationality = cands.iter().find_map(|c| match c.what {
        What::Adjective(k) | What::Country(k) if c.b == start => {
            Some(lex.country(k).cameo.as_str())
        }
        _ => None,
    });
    Some(role_code(role, nationality, dominant, s))
}

/// "X of the African Union", "X of Hamas", "X of Moldova": the code of the organization,
/// country group or country right after "of [the]" following a name ending at piece `b`.
fn affiliation_after(v: &View, lex: &Lexicon, cands: &[Cand], b: usize) -> Option<String> {
    if !v.is(b, "of") {
        return None;
    }
    let k = if v.is(b + 1, "the") { b + 2 } else { b + 1 };
    let c = cands.iter().find(|c| c.a == k && v.same_sentence(k, b))?;
    match &c.what {
        // "X of Moldova's opposition" is the opposition's, not Moldova's government's: the
        // country alone.
        What::Country(k) => Some(lex.country(*k).cameo.clone()),
        _ => body_code(lex, c),
    }
}

/// "Moldova's X": the country of a possessive right before a name starting at piece `a`.
fn possessive_country_before(v: &View, lex: &Lexicon, cands: &[Cand], a: usize) -> Option<String> {
    if a < 3 || !v.is(a - 1, "s") || !v.is(a - 2, "'") {
        return None;
    }
    cands.iter().find_map(|c| match c.what {
        What::Country(k) if c.b == a - 2 && v.same_sentence(c.a, a) => {
            Some(lex.country(k).cameo.clone())
        }
        _ => None,
    })
}

/// Title agreement for a nominal: same head family, deputy on both sides or neither side of
/// a specific title, same country when both are known, same organization when the nominal
/// names one.
fn nominal_fits(lex: &Lexicon, titles: &[TitleInfo], ent: &EntBuild, t: &TitleInfo) -> bool {
    if ent.kind != EntityKind::Person || ent.title_ids.is_empty() {
        return false;
    }
    let head = &lex.title(t.head).head;
    let mut any = false;
    for &k in &ent.title_ids {
        let et = &titles[k];
        let ehead = &lex.title(et.head).head;
        let head_ok = if t.nominal_only {
            et.role == t.role || ehead.ends_with(head.as_str())
        } else {
            ehead.ends_with(head.as_str())
        };
        let deputy_ok = !t.deputy || et.deputy;
        let country_ok = match (&t.country, &et.country) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        };
        let org_ok = t.org.is_none() || et.org == t.org;
        if head_ok && deputy_ok && org_ok {
            if !country_ok {
                return false;
            }
            any = true;
        }
    }
    // A country mismatch on any title rules the entity out (checked above per title); a
    // country the entity has on another title must agree too.
    if let Some(c) = &t.country {
        if ent.title_ids.iter().any(|&k| {
            titles[k]
                .country
                .as_ref()
                .is_some_and(|x| x != c && code_country(lex, x).is_some())
        }) {
            return false;
        }
    }
    any
}

/// Salience of a mention for later anaphors, before decay: a clause subject weighs
/// twice an object, a possessor or a name in a prepositional phrase.
const SUBJECT_WEIGHT: f32 = 2.0;
/// Salience kept per sentence of distance.
const SENTENCE_DECAY: f32 = 0.6;
/// Salience kept by a mention in an earlier paragraph than the anaphor.
const PARAGRAPH_DECAY: f32 = 0.5;

/// The entity an anaphor in sentence `sent` refers to among the persons mentioned within
/// `window` sentences before it that `fits` accepts: the one with the highest salience,
/// summed over its mentions (an entity named, then "he", then "his" is the passage's
/// topic). Each mention weighs [`SUBJECT_WEIGHT`] as a subject, 1 otherwise, decayed by
/// sentence distance and by a paragraph boundary ("he said" after a paragraph that
/// introduced a new person is that person). Ties go to the latest mention. Lappin and
/// Leass (1994) salience, reduced to the factors sitrep can see.
fn most_salient(
    v: &View,
    recent: &[(usize, usize, bool)],
    sent: u32,
    window: u32,
    fits: impl Fn(usize) -> bool,
) -> Option<usize> {
    let para = v.sent_para.get(sent as usize).copied();
    // (entity, salience, order of its latest mention), at most a few dozen entries.
    let mut scores: Vec<(usize, f32, usize)> = Vec::new();
    for (order, &(p, e, subject)) in recent.iter().enumerate().rev() {
        let ps = v.pieces[p].sentence;
        if ps + window < sent {
            break;
        }
        if !fits(e) {
            continue;
        }
        let mut w = if subject { SUBJECT_WEIGHT } else { 1.0 };
        w *= SENTENCE_DECAY.powi(sent.saturating_sub(ps) as i32);
        if para.is_some() && v.sent_para.get(ps as usize).copied() != para {
            w *= PARAGRAPH_DECAY;
        }
        match scores.iter_mut().find(|x| x.0 == e) {
            Some(x) => x.1 += w,
            None => scores.push((e, w, order)),
        }
    }
    scores
        .iter()
        .max_by(|a, b| a.1.total_cmp(&b.1).then(a.2.cmp(&b.2)))
        .map(|x| x.0)
}

/// The gender an honorific right before piece `a` gives a name ("Mrs. Novak").
fn honorific_gender(v: &View, a: usize) -> Gender {
    let mut k = a;
    if k > 0 && v.is(k - 1, ".") {
        k -= 1;
    }
    if k == 0 {
        return Gender::Unknown;
    }
    match v.norm(k - 1) {
        "mr" | "sir" | "lord" => Gender::Male,
        "mrs" | "ms" | "miss" | "madam" | "madame" | "lady" | "dame" => Gender::Female,
        _ => Gender::Unknown,
    }
}

/// A lone name's title and a person's titles do not contradict each other: no country on
/// one differs from a country on the other ("Russian Ambassador Orlov" is not the Ukrainian
/// Orlov named before).
fn titles_agree(lex: &Lexicon, titles: &[TitleInfo], ent: &EntBuild, t: &TitleInfo) -> bool {
    let Some(c) = &t.country else {
        return true;
    };
    !ent.title_ids.iter().any(|&k| {
        titles[k]
            .country
            .as_ref()
            .is_some_and(|x| x != c && code_country(lex, x).is_some())
    })
}

/// Whether the mention over pieces `[a, b)` is the subject of a clause. With a parse: one
/// of its tokens is an `nsubj`. Without: a verb follows it, over adverbs and particles
/// ("Ryabkov also said", "he has warned"); a possessive ("Blinken's reply") or a
/// prepositional object is not. A name set off by an apposition is the subject when a verb
/// follows the apposition's closing comma: the name after the subject's description ("A
/// rebel commander, X, told"), or before its own ("X, the leader of the farmers' union,
/// said"). Without POS tags nothing counts as a subject.
pub(super) fn is_subject(v: &View, a: usize, b: usize) -> bool {
    if v.pieces[a..b].iter().all(|p| p.subject.is_some()) {
        return v.pieces[a..b].iter().any(|p| p.subject == Some(true));
    }
    if !v.pos_known {
        return false;
    }
    let sent = v.pieces.get(b.saturating_sub(1)).map(|p| p.sentence);
    let verb_at = |k: usize| {
        v.pieces[k.min(v.pieces.len())..]
            .iter()
            .take(4)
            .take_while(|p| Some(p.sentence) == sent)
            .find(|p| !matches!(p.pos, Upos::Adv | Upos::Part))
            .is_some_and(|p| matches!(p.pos, Upos::Verb | Upos::Aux))
    };
    if verb_at(b) {
        return true;
    }
    if !v.is(b, ",") {
        return false;
    }
    // "A rebel commander, X, told": the description opens the sentence.
    let described = a >= 2
        && v.is(a - 1, ",")
        && v.pieces[..a - 1]
            .iter()
            .rev()
            .take_while(|p| Some(p.sentence) == sent)
            .all(|p| p.alpha);
    if described {
        return verb_at(b + 1);
    }
    // "X, the leader of the farmers' union, said": an apposition opened by an article,
    // closed by the first comma followed by a verb within a few words.
    if !v.is_any(b + 1, &["the", "a", "an"]) {
        return false;
    }
    (b + 2..(b + MAX_APPOSITION).min(v.pieces.len()))
        .take_while(|&k| Some(v.pieces[k].sentence) == sent)
        .any(|k| v.is(k, ",") && verb_at(k + 1))
}

/// Most pieces of an apposition after a name that is still read as the name's ("the leader
/// of the country's largest indigenous federation, CONAIE,").
const MAX_APPOSITION: usize = 16;

/// The first piece at which each country is named (see `country_named`).
fn first_country_mentions(
    lex: &Lexicon,
    cands: &[Cand],
) -> FxMap<crate::lexicon::CountryId, usize> {
    let mut first: FxMap<crate::lexicon::CountryId, usize> = FxMap::default();
    for c in cands {
        if let Some(k) = super::country_named(lex, c) {
            let at = first.entry(k).or_insert(c.a);
            *at = (*at).min(c.a);
        }
    }
    first
}
