//! Entity resolution within a document, coreference of nominals and pronouns, CAMEO actor
//! codes and geocoding.
//!
//! Decisions:
//! - Persons: one entity per transliteration-folded full name; a lone surname joins the most
//!   recently mentioned person with that surname (else the first later one).
//! - A capital standing for a government ("Washington wanted") is a mention of the
//!   government entity `gov:usa` (USAGOV), a different entity from the place `place:4140963`
//!   and from the country `country:usa`: they are different actors in CAMEO terms.
//! - Group mentions with the same code ("the American side", "the American delegation") are one
//!   entity `group:usagov`.
//! - A person's country comes from its titles' context ("Russian", "of Russia", "US", the
//!   State Department); a title naming an office without its country takes the country of
//!   that office stated just before ("Iran's foreign ministry … Foreign Ministry spokesman
//!   X"), else a governmental title with no country takes the article's dominant country
//!   (most country and demonym mentions). A security office before a governmental title
//!   gives the role ("army spokesman" MIL, "police spokeswoman" COP).
//!
//! `resolve` runs two passes over the candidates (full person names first, then every
//! candidate in text order, one method per kind of mention) and then gives persons their
//! actor codes; person-specific steps are in `persons`, geocoding in `geo`.

mod geo;
mod it_pronoun;
mod org_nominals;
mod persons;

pub use org_nominals::link_org_nominals;

use crate::lexicon::{CityId, CountryId, Gender, Lexicon, OrgId, StateId};
use crate::normalize::translit_key;
use crate::recognize::{Cand, Qualifier, TitleInfo, What};
use crate::view::View;
use rustc_hash::FxHashMap as FxMap;
use sitrep_doc::{Entity, EntityKind, Geo, MentionForm};

/// How often the article must name its dominant country for a speaking agent to take it.
const MIN_AGENT_COUNTRY_MENTIONS: u32 = 2;

pub struct Settings {
    pub pronouns: bool,
    pub pronoun_window: u32,
    pub country_fallback: bool,
}

#[derive(Debug)]
pub struct EntBuild {
    pub kind: EntityKind,
    pub name: String,
    pub key: String,
    pub code: Option<String>,
    pub titles: Vec<String>,
    pub title_ids: Vec<usize>,
    pub geo: Option<Geo>,
    pub gender: Gender,
    /// Folded words after the given name; the last one first.
    pub surnames: Vec<String>,
    /// Candidate indices of the entity's mentions.
    pub mentions: Vec<usize>,
}

pub struct Resolved {
    pub entities: Vec<EntBuild>,
    /// For each candidate: its entity and form (None: unresolved, dropped).
    pub assign: Vec<Option<(usize, MentionForm, EntityKind)>>,
}

/// An entity and the form and kind of one mention of it.
type Assigned = (usize, MentionForm, EntityKind);

/// One document's resolution: the candidates and titles it reads, the entities built so
/// far, and what anaphors look back at (the persons and groups mentioned so far).
struct Resolver<'a> {
    v: &'a View<'a>,
    lex: &'a Lexicon,
    cands: &'a [Cand],
    titles: &'a [TitleInfo],
    settings: &'a Settings,
    ents: Vec<EntBuild>,
    by_key: FxMap<String, usize>,
    /// Mentions per country (countries and their adjectives), for geocoding boosts and the
    /// dominant-country fallback.
    country_counts: FxMap<CountryId, u32>,
    /// Per entity: the first piece of its latest mention, plus one (0: none yet).
    last_seen: Vec<usize>,
    /// Person mentions so far: (first piece, entity, the mention is a clause subject).
    recent_persons: Vec<(usize, usize, bool)>,
    /// Group mentions so far: (first piece, entity).
    recent_groups: Vec<(usize, usize)>,
    /// Mentions of actors that are no person (organizations, groups, countries and
    /// governments with a code; not adjectives) so far: (first piece, entity, the mention is
    /// a clause subject), for "it".
    recent_things: Vec<(usize, usize, bool)>,
    /// The dominant country's code and mentions, once asked for (`agent`).
    dominant: Option<Option<(String, u32)>>,
}

pub fn resolve(
    v: &View,
    lex: &Lexicon,
    cands: &[Cand],
    titles: &[TitleInfo],
    s: &Settings,
) -> Resolved {
    let mut r = Resolver {
        v,
        lex,
        cands,
        titles,
        settings: s,
        ents: Vec::new(),
        by_key: FxMap::default(),
        country_counts: country_counts(lex, cands),
        last_seen: Vec::new(),
        recent_persons: Vec::new(),
        recent_groups: Vec::new(),
        recent_things: Vec::new(),
        dominant: None,
    };
    r.create_named_persons();
    let assign = (0..cands.len()).map(|ci| r.resolve_mention(ci)).collect();
    r.person_codes();
    Resolved {
        entities: r.ents,
        assign,
    }
}

/// Mentions per country: country names, their adjectives and country groups (see
/// `country_named`), and places (`place_country`). An article that names no country counts the countries of the
/// political organizations it names (a party, an armed group, a ministry: "the National
/// Union for the Total Independence of Angola" -> Angola) and capitals read as their
/// governments, not of media or businesses ("Reuters").
fn country_counts(lex: &Lexicon, cands: &[Cand]) -> FxMap<CountryId, u32> {
    let mut counts: FxMap<CountryId, u32> = FxMap::default();
    for c in cands {
        if let Some(k) = country_named(lex, c).or_else(|| place_country(lex, c)) {
            *counts.entry(k).or_default() += 1;
        }
    }
    if counts.is_empty() {
        for c in cands {
            // "Ankara criticized the bill": a capital read as its government is the country
            // of an article that names no country (too weak a reading to count otherwise).
            if let What::Gov(k) = c.what {
                *counts.entry(k).or_default() += 1;
                continue;
            }
            let What::Org(o) = c.what else { continue };
            let code = lex.org(o).code.as_str();
            let political = matches!(
                code.get(3..6),
                Some("REB" | "UAF" | "OPP" | "GOV" | "MIL" | "LEG" | "JUD" | "COP" | "SPY")
            );
            if let Some(k) = lex.country_of_code(code).filter(|_| political) {
                *counts.entry(k).or_default() += 1;
            }
        }
    }
    counts
}

/// The country of a place mention: its qualifier's, a US state's, else its most populous
/// city's ("Glasgow", "Kirkcaldy" and "Islington" make a story British as much as "the UK"
/// does; a domestic report often names no country at all).
fn place_country(lex: &Lexicon, c: &Cand) -> Option<CountryId> {
    let What::Place {
        cities,
        states,
        qualifier,
    } = &c.what
    else {
        return None;
    };
    match qualifier {
        Some(Qualifier::Country(k)) => return Some(*k),
        Some(Qualifier::State(_)) => return lex.country_id_by_code("USA"),
        None => {}
    }
    if cities.is_empty() {
        return (!states.is_empty())
            .then(|| lex.country_id_by_code("USA"))
            .flatten();
    }
    cities
        .iter()
        .max_by_key(|&&k| (lex.city(k).population, std::cmp::Reverse(k)))
        .map(|&k| lex.city(k).country)
}

/// The country a candidate names: a country or its adjective, or a group of a country
/// ("Venezuelan security forces", "Iran's foreign ministry": the group phase takes the
/// nationality word into the group, yet it still names the country). A capital read as its
/// government is left out: that reading is a guess from position ("Male MPs" at a sentence
/// start is not the Maldives), too weak to decide an article's country.
pub(super) fn country_named(lex: &Lexicon, c: &Cand) -> Option<CountryId> {
    match &c.what {
        What::Country(k) | What::Adjective(k) => Some(*k),
        What::Group { code } => lex.country_of_code(code),
        _ => None,
    }
}

impl<'a> Resolver<'a> {
    /// The entity with this key, made with `kind` and `name` if it is new.
    fn entity(&mut self, key: String, kind: EntityKind, name: &str) -> usize {
        if let Some(&e) = self.by_key.get(&key) {
            return e;
        }
        let e = self.ents.len();
        self.ents.push(EntBuild {
            kind,
            name: name.to_string(),
            key: key.clone(),
            code: None,
            titles: Vec::new(),
            title_ids: Vec::new(),
            geo: None,
            gender: Gender::Unknown,
            surnames: Vec::new(),
            mentions: Vec::new(),
        });
        self.by_key.insert(key, e);
        e
    }

    fn add_title(&mut self, e: usize, t: usize) {
        let info = &self.titles[t];
        let ent = &mut self.ents[e];
        if !ent.title_ids.contains(&t) {
            ent.title_ids.push(t);
        }
        if !info.nominal_only
            && !ent
                .titles
                .iter()
                .any(|x| x.eq_ignore_ascii_case(&info.core))
        {
            ent.titles.push(info.core.clone());
        }
        if ent.gender == Gender::Unknown {
            ent.gender = info.gender;
        }
    }

    /// Pass 2, one candidate: its entity (made if new) and form, or None when it stays
    /// unresolved; the entity remembers the mention, and anaphors may later look back at it.
    fn resolve_mention(&mut self, ci: usize) -> Option<Assigned> {
        let (cands, v) = (self.cands, self.v);
        let c = &cands[ci];
        let text = v.raw_range(c.a, c.b);
        let result = match &c.what {
            What::Person { title, .. } => Some(self.person(c, text, *title)),
            What::Nominal {
                title,
                definite,
                appos,
            } => Some(self.nominal(ci, *title, *definite, *appos)),
            What::Pronoun { gender, plural } => self.pronoun(c, *gender, *plural),
            What::ItPronoun { object } => self.it_pronoun(c, *object),
            What::Country(k) => Some(self.country(*k, MentionForm::Name)),
            What::Adjective(k) => Some(self.country(*k, MentionForm::Adjective)),
            What::Group { code } => Some(self.group(text, code)),
            What::Agent { role } => self.agent(text, role),
            What::Org(o) => Some(self.org(*o)),
            What::Gov(k) => Some(self.government(*k)),
            What::Place {
                cities,
                states,
                qualifier,
            } => self.place(text, cities, states, *qualifier),
            What::NerOrg => Some(self.tagger_org(text)),
            What::NerLoc => Some(self.tagger_place(text)),
            // Linked once every organization has its code (`org_nominals`).
            What::OrgNominal { .. } => None,
        };
        if let Some((e, form, kind)) = result {
            self.remember(ci, e, kind);
            if form != MentionForm::Adjective && it_pronoun::may_be_it(kind, &self.ents[e]) {
                let subject = persons::is_subject(v, c.a, c.b);
                self.recent_things.push((c.a, e, subject));
            }
        }
        result
    }

    /// Records candidate `ci` as a mention of entity `e` of `kind`.
    fn remember(&mut self, ci: usize, e: usize, kind: EntityKind) {
        let cands = self.cands;
        let c = &cands[ci];
        if self.last_seen.len() <= e {
            self.last_seen.resize(e + 1, 0);
        }
        self.last_seen[e] = c.a + 1;
        self.ents[e].mentions.push(ci);
        if kind == EntityKind::Person {
            let subject = persons::is_subject(self.v, c.a, c.b);
            self.recent_persons.push((c.a, e, subject));
        }
        if kind == EntityKind::Group {
            self.recent_groups.push((c.a, e));
        }
    }

    /// A country, by name or adjective: one entity per country, geocoded and coded.
    fn country(&mut self, k: CountryId, form: MentionForm) -> Assigned {
        let co = self.lex.country(k);
        let e = self.entity(
            format!("country:{}", co.iso3.to_lowercase()),
            EntityKind::Location,
            &co.name,
        );
        if self.ents[e].geo.is_none() {
            self.ents[e].geo = Some(geo::country_geo(self.lex, k));
            self.ents[e].code = Some(co.cameo.clone());
        }
        (e, form, EntityKind::Location)
    }

    /// Group mentions with the same code are one entity ("the American side", "the
    /// American delegation": `group:usagov`), except a named institution of the state ("the
    /// Philippine navy", "the Philippine army"): one body, an entity apart from the other
    /// bodies of its country that share its code (`group:phlmil:navy`).
    fn group(&mut self, text: &str, code: &str) -> Assigned {
        let name = text
            .strip_prefix("the ")
            .or_else(|| text.strip_prefix("The "))
            .unwrap_or(text);
        let head = name
            .rsplit(|c: char| !c.is_alphanumeric())
            .find(|w| !w.is_empty())
            .unwrap_or("")
            .to_lowercase();
        let key = if is_institution(&head) {
            format!("group:{}:{head}", code.to_lowercase())
        } else {
            format!("group:{}", code.to_lowercase())
        };
        let e = self.entity(key, EntityKind::Group, name);
        self.ents[e].code = Some(code.to_string());
        (e, MentionForm::Nominal, EntityKind::Group)
    }

    /// A speaking agent ("the interior ministry said"): a group of the article's dominant
    /// country with the agent's role, the same entity as the country's group of that role
    /// named otherwise. Only in an article about one country (named at least twice): a
    /// country named once may be the topic of what the agent says ("The ministry said
    /// Chinese troops were in the area"), not the agent's own; then it is no mention.
    fn agent(&mut self, text: &str, role: &str) -> Option<Assigned> {
        if role.starts_with("NGO") {
            return Some(self.group(text, role));
        }
        if !self.settings.country_fallback {
            return None;
        }
        if self.dominant.is_none() {
            self.dominant = Some(self.dominant_country());
        }
        let (country, mentions) = self.dominant.clone().flatten()?;
        (mentions >= MIN_AGENT_COUNTRY_MENTIONS)
            .then(|| self.group(text, &format!("{country}{role}")))
    }

    /// A dictionary organization, coded from the dictionary.
    fn org(&mut self, o: OrgId) -> Assigned {
        let org = self.lex.org(o);
        let e = self.entity(
            format!("org:{}", translit_key(&org.name)),
            EntityKind::Organization,
            &org.name,
        );
        self.ents[e].code = Some(org.code.clone());
        (e, MentionForm::Name, EntityKind::Organization)
    }

    /// A capital standing for its government: `gov:usa` (USAGOV), an entity apart from the
    /// place and the country.
    fn government(&mut self, k: CountryId) -> Assigned {
        let co = self.lex.country(k);
        let e = self.entity(
            format!("gov:{}", co.iso3.to_lowercase()),
            EntityKind::Organization,
            &format!("Government of {}", with_article(&co.name)),
        );
        self.ents[e].code = Some(format!("{}GOV", co.cameo));
        (e, MentionForm::Name, EntityKind::Organization)
    }

    /// A city (the most plausible one of its name) or a US state: one entity per GeoNames
    /// id.
    fn place(
        &mut self,
        text: &str,
        cities: &[CityId],
        states: &[StateId],
        qualifier: Option<Qualifier>,
    ) -> Option<Assigned> {
        let lex = self.lex;
        let g = if cities.is_empty() {
            states.first().map(|&st| geo::state_geo(lex, st))
        } else {
            let best = geo::pick_city(lex, text, cities, qualifier, &self.country_counts);
            Some(geo::city_geo(lex, best))
        }?;
        let e = self.entity(
            format!("place:{}", g.geonames_id),
            EntityKind::Location,
            &g.name,
        );
        if self.ents[e].geo.is_none() {
            self.ents[e].geo = Some(g);
        }
        Some((e, MentionForm::Name, EntityKind::Location))
    }

    /// An organization only the tagger found; an acronym of an organization named earlier
    /// ("International Atomic Energy Agency ... IAEA") is that organization.
    fn tagger_org(&mut self, text: &str) -> Assigned {
        let key = translit_key(text);
        let acronym = text.len() >= 2 && text.chars().all(|ch| ch.is_ascii_uppercase());
        let by_acronym = acronym
            .then(|| {
                (0..self.ents.len()).find(|&e| {
                    self.ents[e].kind == EntityKind::Organization
                        && self.ents[e]
                            .name
                            .split_whitespace()
                            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                            .map(|w| w.chars().next().unwrap_or(' '))
                            .collect::<String>()
                            == text
                })
            })
            .flatten();
        let e = by_acronym
            .unwrap_or_else(|| self.entity(format!("org:{key}"), EntityKind::Organization, text));
        (e, MentionForm::Name, EntityKind::Organization)
    }

    /// A place only the tagger found, keyed by its folded name.
    fn tagger_place(&mut self, text: &str) -> Assigned {
        let e = self.entity(
            format!("place:{}", translit_key(text)),
            EntityKind::Location,
            text,
        );
        (e, MentionForm::Name, EntityKind::Location)
    }
}

/// "United States" -> "the United States": country names that take the article.
fn with_article(name: &str) -> String {
    let plural = [
        "Netherlands",
        "Philippines",
        "Bahamas",
        "Maldives",
        "Gambia",
        "Comoros",
        "Seychelles",
    ];
    if name.starts_with("United ") || name.contains("Republic") || plural.contains(&name) {
        format!("the {name}")
    } else {
        name.to_string()
    }
}

pub fn to_entity(b: EntBuild, mentions: Vec<sitrep_doc::MentionId>) -> Entity {
    Entity {
        kind: b.kind,
        name: b.name,
        key: b.key,
        actor_code: b.code,
        titles: b.titles,
        mentions,
        geo: b.geo,
    }
}

/// Group nouns naming one body of a state rather than its people or its side in general:
/// two of them with the same code are still two actors ("the navy" is not "the army").
fn is_institution(head: &str) -> bool {
    matches!(
        head,
        "ministry"
            | "army"
            | "military"
            | "navy"
            | "force"
            | "police"
            | "parliament"
            | "intelligence"
    )
}
