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
//!   State Department); a governmental title with no country takes the article's dominant
//!   country (most country and demonym mentions).

use crate::lexicon::{Gender, Lexicon};
use crate::normalize::{fold_phrase, translit_key};
use crate::recognize::{code_country, Cand, Qualifier, TitleInfo, What};
use crate::view::View;
use rustc_hash::FxHashMap as FxMap;
use sitrep_doc::{Entity, EntityKind, Geo, MentionForm, Upos};

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

struct Ctx<'a> {
    lex: &'a Lexicon,
    titles: &'a [TitleInfo],
    ents: Vec<EntBuild>,
    by_key: FxMap<String, usize>,
}

impl Ctx<'_> {
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

    fn country_geo(&self, c: u16) -> Geo {
        let co = &self.lex.countries[c as usize];
        Geo {
            geonames_id: co.geonameid,
            name: co.name.clone(),
            lat: co.lat,
            lon: co.lon,
            country_iso3: co.iso3.clone(),
            country_fips: co.fips.clone(),
            adm1: String::new(),
            feature: "PCLI".into(),
        }
    }

    fn city_geo(&self, c: u32) -> Geo {
        let city = &self.lex.cities[c as usize];
        let co = &self.lex.countries[city.country as usize];
        Geo {
            geonames_id: city.geonameid,
            name: city.name.clone(),
            lat: city.lat,
            lon: city.lon,
            country_iso3: co.iso3.clone(),
            country_fips: co.fips.clone(),
            adm1: city.adm1.clone(),
            feature: if city.capital {
                "PPLC".into()
            } else {
                "PPL".into()
            },
        }
    }

    fn state_geo(&self, s: u8) -> Geo {
        let st = &self.lex.states[s as usize];
        Geo {
            geonames_id: st.geonameid,
            name: st.name.clone(),
            lat: st.lat,
            lon: st.lon,
            country_iso3: "USA".into(),
            country_fips: "US".into(),
            adm1: format!("US{}", st.code),
            feature: "ADM1".into(),
        }
    }
}

/// Title agreement for a nominal: same head family, deputy on both sides or neither side of
/// a specific title, same country when both are known, same organization when the nominal
/// names one.
fn nominal_fits(lex: &Lexicon, titles: &[TitleInfo], ent: &EntBuild, t: &TitleInfo) -> bool {
    if ent.kind != EntityKind::Person || ent.title_ids.is_empty() {
        return false;
    }
    let head = &lex.titles[t.head as usize].head;
    let mut any = false;
    for &k in &ent.title_ids {
        let et = &titles[k];
        let ehead = &lex.titles[et.head as usize].head;
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

pub fn resolve(
    v: &View,
    lex: &Lexicon,
    cands: &[Cand],
    titles: &[TitleInfo],
    s: &Settings,
) -> Resolved {
    let mut cx = Ctx {
        lex,
        titles,
        ents: Vec::new(),
        by_key: FxMap::default(),
    };
    let mut assign: Vec<Option<(usize, MentionForm, EntityKind)>> = vec![None; cands.len()];

    // Countries mentioned, for geocoding boosts and the dominant-country fallback.
    let mut country_counts: FxMap<u16, u32> = FxMap::default();
    for c in cands {
        if let What::Country(k) | What::Adjective(k) = c.what {
            *country_counts.entry(k).or_default() += 1;
        }
    }
    let dominant = country_counts
        .iter()
        .max_by_key(|(k, n)| (**n, std::cmp::Reverse(**k)))
        .map(|(k, _)| *k);

    // Pass 1: multi-word person names create the person entities in text order.
    for c in cands.iter() {
        if let What::Person { .. } = c.what {
            let text = v.raw_range(c.a, c.b);
            let key = translit_key(text);
            if key.contains(' ') {
                let e = cx.entity(format!("person:{key}"), EntityKind::Person, text);
                if cx.ents[e].surnames.is_empty() {
                    let words: Vec<&str> = key.split(' ').collect();
                    let mut names = vec![words[words.len() - 1].to_string()];
                    names.extend(
                        words[1..words.len() - 1]
                            .iter()
                            .filter(|w| w.len() > 2)
                            .map(|w| w.to_string()),
                    );
                    cx.ents[e].surnames = names;
                }
                if let Some(g) = text
                    .split_whitespace()
                    .next()
                    .and_then(|f| lex.first_names.get(f))
                {
                    if cx.ents[e].gender == Gender::Unknown {
                        cx.ents[e].gender = *g;
                    }
                }
            }
        }
    }

    // Pass 2: every candidate in text order.
    let mut last_seen: Vec<usize> = Vec::new(); // per entity: last candidate position (piece)
                                                // (piece, entity, the mention is a clause subject)
    let mut recent_persons: Vec<(usize, usize, bool)> = Vec::new();
    let mut recent_groups: Vec<(usize, usize)> = Vec::new();
    for (ci, c) in cands.iter().enumerate() {
        let text = v.raw_range(c.a, c.b);
        let result: Option<(usize, MentionForm, EntityKind)> = match &c.what {
            What::Person { title, .. } => {
                let key = translit_key(text);
                let e = if key.contains(' ') {
                    // Created in pass 1; `entity` returns it (or makes it, defensively).
                    Some(cx.entity(format!("person:{key}"), EntityKind::Person, text))
                } else {
                    // A lone name: the most recently seen person with this surname, else the
                    // first one with it, else a person of its own.
                    // A surname proper (the last word) beats an inner name word.
                    let mut with_surname: Vec<usize> = (0..cx.ents.len())
                        .filter(|&e| cx.ents[e].surnames.first() == Some(&key))
                        .collect();
                    if with_surname.is_empty() {
                        with_surname = (0..cx.ents.len())
                            .filter(|&e| cx.ents[e].surnames.contains(&key))
                            .collect();
                    }
                    // A lone name joins only a person of its gender ("Mrs. Novak" is not
                    // Petr Novak) whose titles do not contradict its own.
                    let gender = honorific_gender(v, c.a);
                    let best = with_surname
                        .iter()
                        .copied()
                        .filter(|&e| {
                            let eg = cx.ents[e].gender;
                            gender == Gender::Unknown || eg == Gender::Unknown || eg == gender
                        })
                        .filter(|&e| {
                            title.is_none_or(|t| {
                                cx.ents[e].title_ids.is_empty()
                                    || titles_agree(lex, titles, &cx.ents[e], &titles[t])
                            })
                        })
                        // A person known to be of the honorific's gender before one whose
                        // gender is unknown, then the latest seen.
                        .max_by_key(|&e| {
                            (
                                gender != Gender::Unknown && cx.ents[e].gender == gender,
                                last_seen.get(e).copied().unwrap_or(0),
                            )
                        });
                    Some(best.unwrap_or_else(|| {
                        cx.entity(format!("person:{key}"), EntityKind::Person, text)
                    }))
                };
                let e = e.unwrap_or(0);
                if let Some(t) = title {
                    cx.add_title(e, *t);
                }
                if text.len() > cx.ents[e].name.len() {
                    cx.ents[e].name = text.to_string();
                }
                Some((e, MentionForm::Name, EntityKind::Person))
            }
            What::Nominal {
                title,
                definite,
                appos,
            } => {
                let t = &titles[*title];
                // The person named in apposition is the referent ("the head of the
                // delegation, Margaret Ellison,"); it was created in pass 1.
                let appositive = appos.and_then(|pa| {
                    cands.iter().find(|o| o.a == pa).and_then(|o| {
                        let key = translit_key(v.raw_range(o.a, o.b));
                        cx.by_key.get(&format!("person:{key}")).copied()
                    })
                });
                let best = if appositive.is_some() {
                    appositive
                } else if !*definite {
                    None
                } else {
                    // The most salient holder of the title within reach: "the minister"
                    // between two ministers is the one the passage is about, and a minister
                    // last seen twenty sentences ago is not taken for granted.
                    let sent = v.pieces[c.a].sentence;
                    let reach = s.pronoun_window.saturating_mul(2);
                    most_salient(v, &recent_persons, sent, reach, |e| {
                        nominal_fits(lex, titles, &cx.ents[e], t)
                    })
                    .or_else(|| {
                        // A later named holder of the same title ("the Foreign Minister ...
                        // Foreign Minister Sergei Lavrov").
                        cands[ci + 1..]
                            .iter()
                            .take(400)
                            .find_map(|o| match &o.what {
                                What::Person { title: Some(k), .. }
                                    if titles[*k].core.eq_ignore_ascii_case(&t.core) =>
                                {
                                    let key = translit_key(v.raw_range(o.a, o.b));
                                    cx.by_key.get(&format!("person:{key}")).copied()
                                }
                                _ => None,
                            })
                    })
                };
                let e = match best {
                    Some(e) => e,
                    None => {
                        let country = t.country.clone().unwrap_or_default().to_lowercase();
                        let key = format!("role:{}:{}", country, fold_phrase(&t.core));
                        cx.entity(key, EntityKind::Person, &t.core)
                    }
                };
                cx.add_title(e, *title);
                Some((e, MentionForm::Nominal, EntityKind::Person))
            }
            What::Pronoun { gender, plural } => {
                if !s.pronouns {
                    None
                } else if *plural {
                    let sent = v.pieces[c.a].sentence;
                    recent_groups
                        .iter()
                        .rev()
                        .find(|&&(p, _)| v.pieces[p].sentence + 1 >= sent)
                        .map(|&(_, e)| (e, MentionForm::Pronoun, EntityKind::Group))
                } else {
                    let sent = v.pieces[c.a].sentence;
                    let fits = |e: usize| {
                        cx.ents[e].gender == *gender || cx.ents[e].gender == Gender::Unknown
                    };
                    // The person the passage is about (see `most_salient`): "Lavrov said …
                    // Blinken's reply … He warned" is Lavrov, a subject beats a possessor
                    // named later; a person introduced in this paragraph beats the subject
                    // of the previous one.
                    let found =
                        most_salient(v, &recent_persons, sent, s.pronoun_window, |e| fits(e));
                    if let Some(e) = found {
                        if cx.ents[e].gender == Gender::Unknown {
                            cx.ents[e].gender = *gender;
                        }
                    }
                    found.map(|e| (e, MentionForm::Pronoun, EntityKind::Person))
                }
            }
            What::Country(k) | What::Adjective(k) => {
                let co = &lex.countries[*k as usize];
                let e = cx.entity(
                    format!("country:{}", co.iso3.to_lowercase()),
                    EntityKind::Location,
                    &co.name,
                );
                if cx.ents[e].geo.is_none() {
                    cx.ents[e].geo = Some(cx.country_geo(*k));
                    cx.ents[e].code = Some(co.cameo.clone());
                }
                let form = if matches!(c.what, What::Adjective(_)) {
                    MentionForm::Adjective
                } else {
                    MentionForm::Name
                };
                Some((e, form, EntityKind::Location))
            }
            What::Group { code } => {
                let name = text
                    .strip_prefix("the ")
                    .or_else(|| text.strip_prefix("The "))
                    .unwrap_or(text);
                let e = cx.entity(
                    format!("group:{}", code.to_lowercase()),
                    EntityKind::Group,
                    name,
                );
                cx.ents[e].code = Some(code.clone());
                Some((e, MentionForm::Nominal, EntityKind::Group))
            }
            What::Org(o) => {
                let org = &lex.orgs[*o as usize];
                let e = cx.entity(
                    format!("org:{}", translit_key(&org.name)),
                    EntityKind::Organization,
                    &org.name,
                );
                cx.ents[e].code = Some(org.code.clone());
                Some((e, MentionForm::Name, EntityKind::Organization))
            }
            What::Gov(k) => {
                let co = &lex.countries[*k as usize];
                let e = cx.entity(
                    format!("gov:{}", co.iso3.to_lowercase()),
                    EntityKind::Organization,
                    &format!("Government of {}", with_article(&co.name)),
                );
                cx.ents[e].code = Some(format!("{}GOV", co.cameo));
                Some((e, MentionForm::Name, EntityKind::Organization))
            }
            What::Place {
                cities,
                states,
                qualifier,
            } => {
                let geo = if cities.is_empty() {
                    states.first().map(|&st| cx.state_geo(st))
                } else {
                    let best = pick_city(lex, cities, *qualifier, &country_counts);
                    Some(cx.city_geo(best))
                };
                geo.map(|g| {
                    let e = cx.entity(
                        format!("place:{}", g.geonames_id),
                        EntityKind::Location,
                        &g.name,
                    );
                    if cx.ents[e].geo.is_none() {
                        cx.ents[e].geo = Some(g);
                    }
                    (e, MentionForm::Name, EntityKind::Location)
                })
            }
            What::NerOrg => {
                let key = translit_key(text);
                // An acronym of an organization named earlier ("International Atomic Energy
                // Agency ... IAEA").
                let acronym = text.len() >= 2 && text.chars().all(|ch| ch.is_ascii_uppercase());
                let by_acronym = acronym
                    .then(|| {
                        (0..cx.ents.len()).find(|&e| {
                            cx.ents[e].kind == EntityKind::Organization
                                && cx.ents[e]
                                    .name
                                    .split_whitespace()
                                    .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                                    .map(|w| w.chars().next().unwrap_or(' '))
                                    .collect::<String>()
                                    == text
                        })
                    })
                    .flatten();
                let e = by_acronym.unwrap_or_else(|| {
                    cx.entity(format!("org:{key}"), EntityKind::Organization, text)
                });
                Some((e, MentionForm::Name, EntityKind::Organization))
            }
            What::NerLoc => {
                let e = cx.entity(
                    format!("place:{}", translit_key(text)),
                    EntityKind::Location,
                    text,
                );
                Some((e, MentionForm::Name, EntityKind::Location))
            }
        };
        if let Some((e, _, kind)) = result {
            if last_seen.len() <= e {
                last_seen.resize(e + 1, 0);
            }
            last_seen[e] = c.a + 1;
            cx.ents[e].mentions.push(ci);
            if kind == EntityKind::Person {
                recent_persons.push((c.a, e, is_subject(v, c.a, c.b)));
            }
            if kind == EntityKind::Group {
                recent_groups.push((c.a, e));
            }
        }
        assign[ci] = result;
    }

    // Actor codes of persons from their titles.
    let dominant_code = dominant.map(|k| lex.countries[k as usize].cameo.clone());
    for ent in cx.ents.iter_mut().filter(|e| e.kind == EntityKind::Person) {
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
            continue;
        };
        let role = titles[first].role.clone();
        let official = matches!(role.as_str(), "GOV" | "MIL" | "LEG" | "JUD" | "COP" | "SPY");
        // An office only one country has ("Under Secretary of State") names that country.
        let country = country.or_else(|| {
            ent.title_ids
                .iter()
                .find_map(|&t| lex.titles[titles[t].head as usize].country.clone())
        });
        let country = country.or_else(|| {
            if official && s.country_fallback {
                dominant_code.clone()
            } else {
                None
            }
        });
        ent.code = match (country, role.as_str()) {
            (_, "IGO") => titles[first]
                .org
                .map(|o| lex.orgs[o as usize].code.clone())
                .or(Some("IGO".into())),
            (Some(c), r) => Some(format!("{c}{r}")),
            (None, r) => Some(r.to_string()),
        };
    }
    Resolved {
        entities: cx.ents,
        assign,
    }
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
/// prepositional object is not. Without POS tags nothing counts as a subject.
fn is_subject(v: &View, a: usize, b: usize) -> bool {
    if v.pieces[a..b].iter().all(|p| p.subject.is_some()) {
        return v.pieces[a..b].iter().any(|p| p.subject == Some(true));
    }
    if !v.pos_known {
        return false;
    }
    let sent = v.pieces.get(b.saturating_sub(1)).map(|p| p.sentence);
    v.pieces[b.min(v.pieces.len())..]
        .iter()
        .take(4)
        .take_while(|p| Some(p.sentence) == sent)
        .find(|p| !matches!(p.pos, Upos::Adv | Upos::Part))
        .is_some_and(|p| matches!(p.pos, Upos::Verb | Upos::Aux))
}

/// The most plausible city for a name: capitals first, then population, boosted by a
/// country named right after it ("Geneva, Switzerland") or anywhere in the article.
fn pick_city(
    lex: &Lexicon,
    cities: &[u32],
    qualifier: Option<Qualifier>,
    mentioned: &FxMap<u16, u32>,
) -> u32 {
    let state_adm1 = match qualifier {
        Some(Qualifier::State(st)) => Some(format!("US{}", lex.states[st as usize].code)),
        _ => None,
    };
    let score = |&c: &u32| -> f64 {
        let city = &lex.cities[c as usize];
        let mut s = (city.population.max(1) as f64).ln();
        if city.capital {
            s += 6.0;
        }
        if mentioned.contains_key(&city.country) {
            s += 1.5;
        }
        if qualifier == Some(Qualifier::Country(city.country))
            || state_adm1.as_deref() == Some(city.adm1.as_str())
        {
            s += 20.0;
        }
        s
    };
    cities
        .iter()
        .copied()
        .max_by(|a, b| score(a).total_cmp(&score(b)).then(b.cmp(a)))
        .unwrap_or(cities[0])
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
