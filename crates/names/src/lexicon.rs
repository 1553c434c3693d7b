//! The gazetteers and lexicons, parsed from the TSVs embedded at compile time and compiled
//! into one phrase map keyed by folded text (see [`crate::normalize::fold_phrase`]).
//!
//! Lookups happen only at piece boundaries of the document (see `pieces.rs`), so a phrase
//! matches whole words only; each document position asks at most `max_pieces` keys, which
//! keeps recognition O(n) per document. The lexicon is built once per process (`shared`).

// Fx hash (rustc's): lexicon keys are not attacker-chosen in a way that matters, and
// SipHash dominated lookup time.
use crate::normalize::fold_phrase;
use crate::NamesError;
use rustc_hash::FxHashMap as FxMap;
use std::sync::{Arc, OnceLock};

const COUNTRIES: &str = include_str!("../data/gazetteer/countries.tsv");
const CITIES: &str = include_str!("../data/gazetteer/cities.tsv");
const US_STATES: &str = include_str!("../data/gazetteer/us_states.tsv");
const COUNTRY_ALIASES: &str = include_str!("../data/lexicon/country_aliases.tsv");
const DEMONYMS: &str = include_str!("../data/lexicon/demonyms.tsv");
const ORGANIZATIONS: &str = include_str!("../data/lexicon/organizations.tsv");
const TITLES: &str = include_str!("../data/lexicon/titles.tsv");
const GROUP_NOUNS: &str = include_str!("../data/lexicon/group_nouns.tsv");
const FIRST_NAMES: &str = include_str!("../data/lexicon/first_names.tsv");

/// Declares an index into one of the lexicon's tables: only the lexicon makes them, and a
/// lookup takes the id of its own table, so a country index can never index the
/// organizations.
macro_rules! table_id {
    ($(#[$doc:meta])* $name:ident($int:ty)) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name($int);

        impl $name {
            fn new(index: usize) -> $name {
                $name(<$int>::try_from(index).expect("lexicon table fits its id type"))
            }

            fn index(self) -> usize {
                self.0 as usize
            }
        }
    };
}

table_id!(
    /// A country of `countries.tsv`.
    CountryId(u16)
);
table_id!(
    /// A city of `cities.tsv`.
    CityId(u32)
);
table_id!(
    /// A US state of `us_states.tsv`.
    StateId(u8)
);
table_id!(
    /// An organization of `organizations.tsv`.
    OrgId(u16)
);
table_id!(
    /// A title head of `titles.tsv`.
    TitleId(u16)
);
table_id!(
    /// A group noun of `group_nouns.tsv`.
    GroupId(u16)
);
table_id!(
    /// A country or region CAMEO code named by demonyms (`demonyms.tsv`).
    CodeId(u16)
);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
    Unknown,
}

impl Gender {
    fn parse(s: &str) -> Gender {
        match s {
            "m" => Gender::Male,
            "f" => Gender::Female,
            _ => Gender::Unknown,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Country {
    pub iso2: String,
    pub iso3: String,
    pub fips: String,
    pub cameo: String,
    pub name: String,
    pub lat: f64,
    pub lon: f64,
    pub geonameid: u32,
    /// The capital, if known.
    pub capital: Option<CityId>,
}

#[derive(Debug, Clone)]
pub struct City {
    pub geonameid: u32,
    pub name: String,
    pub lat: f64,
    pub lon: f64,
    pub country: CountryId,
    pub adm1: String,
    pub population: u32,
    pub capital: bool,
}

#[derive(Debug, Clone)]
pub struct UsState {
    pub code: String,
    pub name: String,
    pub geonameid: u32,
    pub lat: f64,
    pub lon: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrgKind {
    Igo,
    Ngo,
    Gov,
    Media,
    Other,
}

#[derive(Debug, Clone)]
pub struct Org {
    pub name: String,
    pub code: String,
    pub kind: OrgKind,
}

#[derive(Debug, Clone)]
pub struct Title {
    pub head: String,
    pub role: String,
    pub gender: Gender,
    /// A generic role noun that is a mention only with a determiner ("the diplomat").
    pub nominal_only: bool,
    /// CAMEO country of an office only one country has ("secretary of state": USA), used
    /// when the text names no country, before the article's dominant country.
    pub country: Option<String>,
}

#[derive(Debug, Clone)]
pub struct GroupNoun {
    pub role: Option<String>,
}

/// What a phrase can be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    Country(CountryId),
    /// A demonym: its country or region CAMEO code.
    Demonym(CodeId),
    Org(OrgId),
    Title(TitleId),
    Group(GroupId),
    City(CityId),
    State(StateId),
}

/// How the text must be written for an entry to match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Case {
    /// Exactly as in the lexicon (acronyms: "US", "RT").
    Exact(Box<str>),
    /// The first word (after an initial "the") starts with a capital letter.
    Capital,
    Any,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub entry: Entry,
    pub case: Case,
}

/// What the lexicon knows about a folded first piece.
#[derive(Debug, Clone, Default)]
struct FirstPiece {
    /// The piece counts of the phrases starting with it: bit `k - 1` set when some phrase
    /// has `k` pieces (bit 63: 64 or more). The scan asks only those lengths, not every
    /// length up to the longest.
    counts: u64,
    /// The entries of the one-piece phrase that is this piece (empty: none), a copy of its
    /// `phrases` entry kept here so that the scan's most frequent question costs no second
    /// hash lookup (and no second memory miss: the maps are far larger than the caches).
    single: Vec<Item>,
}

pub struct Lexicon {
    phrases: FxMap<Box<str>, Vec<Item>>,
    first_pieces: FxMap<Box<str>, FirstPiece>,
    countries: Vec<Country>,
    cities: Vec<City>,
    states: Vec<UsState>,
    orgs: Vec<Org>,
    titles: Vec<Title>,
    groups: Vec<GroupNoun>,
    /// Country and region codes named by demonyms.
    codes: Vec<String>,
    pub first_names: FxMap<Box<str>, Gender>,
    country_by_cameo: FxMap<Box<str>, CountryId>,
}

static SHARED: OnceLock<Result<Arc<Lexicon>, NamesError>> = OnceLock::new();

/// The process-wide lexicon, parsed on first use.
pub fn shared() -> Result<Arc<Lexicon>, NamesError> {
    SHARED.get_or_init(|| Lexicon::load().map(Arc::new)).clone()
}

/// The tab-separated columns of one row: the first `MAX_COLS` kept in place (no allocation
/// per row: the gazetteers have tens of thousands of rows), `len` counts them all.
struct Cols<'a> {
    cols: [&'a str; MAX_COLS],
    len: usize,
}

/// More than any embedded table has.
const MAX_COLS: usize = 16;

impl<'a> Cols<'a> {
    fn split(line: &'a str) -> Cols<'a> {
        let mut cols = [""; MAX_COLS];
        let mut len = 0;
        let mut start = 0;
        // A byte loop: a tab is ASCII, so every cut is a char boundary (and this is much
        // cheaper than `str::split` on short fields).
        for (i, &b) in line.as_bytes().iter().enumerate() {
            if b == b'\t' {
                if len < MAX_COLS {
                    cols[len] = &line[start..i];
                }
                len += 1;
                start = i + 1;
            }
        }
        if len < MAX_COLS {
            cols[len] = &line[start..];
        }
        len += 1;
        Cols { cols, len }
    }

    fn get(&self, i: usize) -> Option<&'a str> {
        (i < self.len.min(MAX_COLS)).then(|| self.cols[i])
    }
}

impl<'a> std::ops::Index<usize> for Cols<'a> {
    type Output = &'a str;

    fn index(&self, i: usize) -> &&'a str {
        &self.cols[..self.len.min(MAX_COLS)][i]
    }
}

/// Data rows of an embedded TSV: comment lines (`#`) and the header skipped.
fn rows<'a>(
    file: &'static str,
    text: &'a str,
    min_cols: usize,
) -> impl Iterator<Item = Result<(usize, Cols<'a>), NamesError>> + 'a {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1)
        .map(move |(n, l)| {
            let cols = Cols::split(l);
            if cols.len < min_cols {
                return Err(NamesError::Lexicon {
                    file,
                    line: n + 1,
                    message: format!("expected {min_cols} columns, found {}", cols.len),
                });
            }
            Ok((n + 1, cols))
        })
}

fn parse_num<T: std::str::FromStr>(
    file: &'static str,
    line: usize,
    s: &str,
) -> Result<T, NamesError> {
    s.parse().map_err(|_| NamesError::Lexicon {
        file,
        line,
        message: format!("bad number {s:?}"),
    })
}

fn case_of(alias: &str, default: Case) -> Case {
    let rest_upper = alias.chars().skip(1).any(|c| c.is_uppercase());
    if rest_upper && !alias.contains(' ') {
        Case::Exact(alias.into())
    } else {
        default
    }
}

impl Lexicon {
    pub fn load() -> Result<Lexicon, NamesError> {
        let mut lex = Lexicon {
            phrases: FxMap::with_capacity_and_hasher(160_000, Default::default()),
            first_pieces: FxMap::with_capacity_and_hasher(130_000, Default::default()),
            countries: Vec::new(),
            cities: Vec::new(),
            states: Vec::new(),
            orgs: Vec::new(),
            titles: Vec::new(),
            groups: Vec::new(),
            codes: Vec::new(),
            first_names: FxMap::default(),
            country_by_cameo: FxMap::default(),
        };
        let mut country_by_iso2: FxMap<String, CountryId> = FxMap::default();
        let mut country_by_iso3: FxMap<String, CountryId> = FxMap::default();
        let mut capital_ids: Vec<u32> = Vec::new();
        for row in rows("countries.tsv", COUNTRIES, 13) {
            let (line, c) = row?;
            let idx = CountryId::new(lex.countries.len());
            let f = "countries.tsv";
            lex.countries.push(Country {
                iso2: c[0].into(),
                iso3: c[1].into(),
                fips: c[2].into(),
                cameo: c[3].into(),
                name: c[4].into(),
                lat: parse_num(f, line, c[8])?,
                lon: parse_num(f, line, c[9])?,
                geonameid: parse_num(f, line, c[10])?,
                capital: None,
            });
            capital_ids.push(if c[7].is_empty() {
                0
            } else {
                parse_num(f, line, c[7])?
            });
            country_by_iso2.insert(c[0].into(), idx);
            country_by_iso3.insert(c[1].into(), idx);
            lex.country_by_cameo.insert(c[3].into(), idx);
            lex.add(c[4], Entry::Country(idx), Case::Capital);
            for alias in c[5].split('|').filter(|a| !a.is_empty()) {
                lex.add(alias, Entry::Country(idx), Case::Capital);
            }
        }
        for row in rows("country_aliases.tsv", COUNTRY_ALIASES, 3) {
            let (line, c) = row?;
            let idx = *country_by_iso3
                .get(c[1])
                .ok_or_else(|| NamesError::Lexicon {
                    file: "country_aliases.tsv",
                    line,
                    message: format!("unknown ISO3 {}", c[1]),
                })?;
            let case = if c[2] == "exact" {
                Case::Exact(c[0].into())
            } else {
                Case::Capital
            };
            lex.add(c[0], Entry::Country(idx), case);
        }
        let capital_of: FxMap<u32, usize> = capital_ids
            .iter()
            .enumerate()
            .filter(|(_, &g)| g != 0)
            .map(|(i, &g)| (g, i))
            .collect();
        for row in rows("cities.tsv", CITIES, 9) {
            let (line, c) = row?;
            let f = "cities.tsv";
            let Some(&country) = country_by_iso2.get(c[5]) else {
                continue;
            };
            let idx = CityId::new(lex.cities.len());
            let geonameid: u32 = parse_num(f, line, c[0])?;
            if let Some(&ci) = capital_of.get(&geonameid) {
                lex.countries[ci].capital = Some(idx);
            }
            lex.cities.push(City {
                geonameid,
                name: c[1].into(),
                lat: parse_num(f, line, c[3])?,
                lon: parse_num(f, line, c[4])?,
                country,
                adm1: c[6].into(),
                population: parse_num(f, line, c[7])?,
                capital: c[8] == "PPLC",
            });
            lex.add(c[1], Entry::City(idx), Case::Capital);
            for alt in c[2].split('|').filter(|a| !a.is_empty()) {
                lex.add(alt, Entry::City(idx), Case::Capital);
            }
        }
        for row in rows("us_states.tsv", US_STATES, 6) {
            let (line, c) = row?;
            let f = "us_states.tsv";
            let idx = StateId::new(lex.states.len());
            lex.states.push(UsState {
                code: c[0].into(),
                name: c[1].into(),
                geonameid: parse_num(f, line, c[3])?,
                lat: parse_num(f, line, c[4])?,
                lon: parse_num(f, line, c[5])?,
            });
            lex.add(c[1], Entry::State(idx), Case::Capital);
        }
        let mut code_idx: FxMap<String, CodeId> = FxMap::default();
        for row in rows("demonyms.tsv", DEMONYMS, 2) {
            let (_, c) = row?;
            let next = CodeId::new(lex.codes.len());
            let idx = *code_idx.entry(c[1].to_string()).or_insert_with(|| {
                lex.codes.push(c[1].to_string());
                next
            });
            lex.add(c[0], Entry::Demonym(idx), Case::Capital);
            // Plural nouns of nationality ("Russians", "Americans") name the people.
            if c[0].ends_with('n') || c[0].ends_with('i') {
                lex.add(&format!("{}s", c[0]), Entry::Demonym(idx), Case::Capital);
            }
        }
        for row in rows("organizations.tsv", ORGANIZATIONS, 4) {
            let (line, c) = row?;
            let kind = match c[3] {
                "igo" => OrgKind::Igo,
                "ngo" => OrgKind::Ngo,
                "gov" | "mil" | "leg" | "jud" | "spy" | "cop" => OrgKind::Gov,
                "med" => OrgKind::Media,
                "party" | "bus" => OrgKind::Other,
                other => {
                    return Err(NamesError::Lexicon {
                        file: "organizations.tsv",
                        line,
                        message: format!("unknown kind {other}"),
                    })
                }
            };
            let idx = OrgId::new(lex.orgs.len());
            lex.orgs.push(Org {
                name: c[0].into(),
                code: c[2].into(),
                kind,
            });
            lex.add(c[0], Entry::Org(idx), case_of(c[0], Case::Capital));
            for alias in c[1].split('|').filter(|a| !a.is_empty()) {
                lex.add(alias, Entry::Org(idx), case_of(alias, Case::Capital));
            }
        }
        for row in rows("titles.tsv", TITLES, 4) {
            let (_, c) = row?;
            let idx = TitleId::new(lex.titles.len());
            lex.titles.push(Title {
                head: c[0].into(),
                role: c[1].into(),
                gender: Gender::parse(c[2]),
                nominal_only: c[3] == "nominal",
                country: c.get(4).filter(|x| !x.is_empty()).map(|x| x.to_string()),
            });
            lex.add(c[0], Entry::Title(idx), Case::Any);
        }
        for row in rows("group_nouns.tsv", GROUP_NOUNS, 2) {
            let (_, c) = row?;
            let idx = GroupId::new(lex.groups.len());
            lex.groups.push(GroupNoun {
                role: (c[1] != "-").then(|| c[1].to_string()),
            });
            lex.add(c[0], Entry::Group(idx), Case::Any);
        }
        for row in rows("first_names.tsv", FIRST_NAMES, 2) {
            let (_, c) = row?;
            lex.first_names.insert(c[0].into(), Gender::parse(c[1]));
        }
        // Armed groups and movements (sitrep-lexicon's `nonstate` rows: its supplement of the
        // decade the Phoenix files predate, then Phoenix's MilNonState list) are recognized
        // as organizations by their listed names; their code on the article's date comes
        // later from the same dictionary entry (`dictionary_codes`). Phoenix's rows list
        // leaders among a group's names ("ahmad umar" under al Shabaab) and short acronyms:
        // a phrase starting with a first name, a Phoenix phrase of three letters or fewer,
        // and a phrase the lexicon already holds (a country, an organization) are left out.
        for entry in sitrep_lexicon::Lexicon::get().nonstate_groups() {
            let phoenix = entry.complete.is_none();
            // The first names table is keyed as names are written ("Ahmad").
            let first_name = |p: &str| {
                let w = p.split(' ').next().unwrap_or("");
                let mut chars = w.chars();
                chars.next().is_some_and(|c| {
                    let key: String = c.to_uppercase().chain(chars).collect();
                    lex.first_names.contains_key(key.as_str())
                })
            };
            let keep = |p: &&str| {
                !phoenix || (p.len() > 3 && !first_name(p) && lex.lookup(&fold_phrase(p)).is_none())
            };
            let phrases: Vec<&str> = entry.phrases.split('|').filter(keep).collect();
            let Some(first) = phrases.first() else {
                continue;
            };
            let idx = OrgId::new(lex.orgs.len());
            lex.orgs.push(Org {
                name: display_name(first),
                code: entry.code_on(None).unwrap_or_default().to_string(),
                kind: OrgKind::Other,
            });
            for phrase in &phrases {
                lex.add(phrase, Entry::Org(idx), Case::Capital);
            }
        }
        Ok(lex)
    }

    fn add(&mut self, phrase: &str, entry: Entry, case: Case) {
        let key = fold_phrase(phrase);
        if key.is_empty() {
            return;
        }
        let (first, n) = first_piece_and_count(&key);
        let bit = 1u64 << (n.clamp(1, 64) - 1);
        let first_piece = match self.first_pieces.get_mut(first) {
            Some(fp) => fp,
            None => self.first_pieces.entry(first.into()).or_default(),
        };
        first_piece.counts |= bit;
        let item = Item { entry, case };
        // A one-piece phrase is its own first piece (no white space inside).
        if n == 1 && !first_piece.single.iter().any(|i| i.entry == entry) {
            first_piece.single.push(item.clone());
        }
        let items = self.phrases.entry(key.into_boxed_str()).or_default();
        if !items.iter().any(|i| i.entry == entry) {
            items.push(item);
        }
    }

    pub fn lookup(&self, folded: &str) -> Option<&[Item]> {
        self.phrases.get(folded).map(|v| v.as_slice())
    }

    /// For a folded piece: the piece counts of the phrases starting with it (see
    /// `piece_counts`) and the entries of the one-piece phrase that is the piece itself
    /// (`lookup(first)`), with one hash lookup.
    pub fn first_piece(&self, first: &str) -> (u64, Option<&[Item]>) {
        match self.first_pieces.get(first) {
            Some(fp) => (
                fp.counts,
                (!fp.single.is_empty()).then_some(fp.single.as_slice()),
            ),
            None => (0, None),
        }
    }

    /// The largest number of pieces of any phrase starting with this folded piece (0: none;
    /// 64 stands for 64 or more).
    pub fn max_pieces(&self, first: &str) -> usize {
        64 - self.piece_counts(first).leading_zeros() as usize
    }

    /// The piece counts of the phrases starting with this folded piece, as a bit set: bit
    /// `k - 1` for `k` pieces, bit 63 for 64 or more (0: no phrase starts with it).
    pub fn piece_counts(&self, first: &str) -> u64 {
        self.first_pieces.get(first).map_or(0, |fp| fp.counts)
    }

    pub fn country(&self, id: CountryId) -> &Country {
        &self.countries[id.index()]
    }

    pub fn city(&self, id: CityId) -> &City {
        &self.cities[id.index()]
    }

    pub fn state(&self, id: StateId) -> &UsState {
        &self.states[id.index()]
    }

    pub fn org(&self, id: OrgId) -> &Org {
        &self.orgs[id.index()]
    }

    pub fn title(&self, id: TitleId) -> &Title {
        &self.titles[id.index()]
    }

    pub fn group(&self, id: GroupId) -> &GroupNoun {
        &self.groups[id.index()]
    }

    /// A demonym's country or region CAMEO code.
    pub fn code(&self, id: CodeId) -> &str {
        &self.codes[id.index()]
    }

    pub fn country_count(&self) -> usize {
        self.countries.len()
    }

    pub fn city_count(&self) -> usize {
        self.cities.len()
    }

    /// The country with this CAMEO code (the last listed one, when several share it).
    /// The country an actor code starts with ("VENGOV" -> Venezuela), if any.
    pub fn country_of_code(&self, code: &str) -> Option<CountryId> {
        code.get(..3).and_then(|cc| self.country_id_by_code(cc))
    }

    pub fn country_id_by_code(&self, cameo: &str) -> Option<CountryId> {
        self.country_by_cameo.get(cameo).copied()
    }

    pub fn country_by_code(&self, cameo: &str) -> Option<&Country> {
        self.country_id_by_code(cameo).map(|id| self.country(id))
    }

    pub fn is_country_code(&self, code: &str) -> bool {
        self.country_by_cameo.contains_key(code)
    }
}

/// A name for a dictionary phrase (lower case, normalised): each word capitalised but the
/// particles ("March 23 Movement", "Jamaat Nusrat al Islam wal Muslimin").
fn display_name(phrase: &str) -> String {
    const PARTICLES: [&str; 7] = ["al", "and", "of", "the", "wal", "in", "for"];
    phrase
        .split(' ')
        .enumerate()
        .map(|(i, w)| {
            if i > 0 && PARTICLES.contains(&w) {
                return w.to_string();
            }
            // A word without a vowel is an acronym ("tplf", "m23").
            if w.len() > 1 && !w.contains(['a', 'e', 'i', 'o', 'u', 'y']) {
                return w.to_uppercase();
            }
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        })
        .collect::<Vec<String>>()
        .join(" ")
}

/// The first piece of a folded phrase and the number of its pieces (see `pieces.rs`),
/// without allocating.
fn first_piece_and_count(key: &str) -> (&str, usize) {
    let mut count = 0;
    let mut first_end = None;
    let mut in_run = false;
    for (i, c) in key.char_indices() {
        if c.is_alphanumeric() {
            if !in_run {
                count += 1;
                in_run = true;
            }
            continue;
        }
        if in_run && first_end.is_none() {
            first_end = Some(i);
        }
        in_run = false;
        if !c.is_whitespace() {
            count += 1;
            if first_end.is_none() {
                first_end = Some(i + c.len_utf8());
            }
        }
    }
    (&key[..first_end.unwrap_or(key.len())], count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_and_finds_core_entries() {
        let lex = shared().unwrap();
        assert!(lex.countries.len() > 240);
        assert!(lex.cities.len() > 30_000);
        let kinds = |p: &str| {
            lex.lookup(p)
                .map(|v| v.iter().map(|i| i.entry).collect::<Vec<_>>())
                .unwrap_or_default()
        };
        assert!(kinds("russia")
            .iter()
            .any(|e| matches!(e, Entry::Country(_))));
        assert!(kinds("nato").iter().any(|e| matches!(e, Entry::Org(_))));
        assert!(kinds("kiev").iter().any(|e| matches!(e, Entry::City(_))));
        assert!(kinds("georgia")
            .iter()
            .any(|e| matches!(e, Entry::Country(_))));
        assert!(kinds("georgia")
            .iter()
            .any(|e| matches!(e, Entry::State(_))));
        assert!(kinds("secretary of state")
            .iter()
            .any(|e| matches!(e, Entry::Title(_))));
        let us = lex.country_by_code("USA").unwrap();
        assert_eq!(lex.city(us.capital.unwrap()).name, "Washington");
        assert_eq!(lex.country_by_code("ROM").unwrap().iso3, "ROU");
    }

    #[test]
    fn first_piece_agrees_with_lookup() {
        let lex = shared().unwrap();
        for k in [
            "russia",
            "u",
            "nato",
            "new",
            "secretary",
            "-",
            "zzzq",
            "kiev",
            "the",
        ] {
            let (counts, single) = lex.first_piece(k);
            assert_eq!(counts, lex.piece_counts(k), "{k}");
            assert_eq!(single, lex.lookup(k), "{k}");
        }
        // Every one-piece phrase is found through its first piece.
        for (key, items) in &lex.phrases {
            assert!(!items.is_empty(), "{key}");
            if first_piece_and_count(key).1 == 1 {
                assert_eq!(lex.first_piece(key).1, Some(items.as_slice()), "{key}");
            }
        }
    }

    #[test]
    fn cols_split_like_str_split() {
        for line in ["", "a", "a\tb", "\t", "a\t\tc\t", "é\tü\tx"] {
            let c = Cols::split(line);
            let want: Vec<&str> = line.split('\t').collect();
            assert_eq!(c.len, want.len(), "{line:?}");
            for (i, w) in want.iter().enumerate() {
                assert_eq!(c[i], *w, "{line:?} column {i}");
                assert_eq!(c.get(i), Some(*w), "{line:?} column {i}");
            }
            assert_eq!(c.get(want.len()), None, "{line:?}");
        }
    }

    #[test]
    fn first_piece_matches_split_pieces() {
        for k in [
            "u.s.",
            "new york times",
            "russia's",
            "a",
            "-x y",
            "genève canton",
        ] {
            let p = crate::pieces::split_pieces(k);
            assert_eq!(
                first_piece_and_count(k),
                (&k[p[0].0..p[0].1], p.len()),
                "{k}"
            );
        }
    }

    #[test]
    fn phoenix_armed_groups_are_organizations_but_their_leaders_are_not() {
        let lex = shared().unwrap();
        let org_code = |phrase: &str| {
            lex.lookup(phrase).and_then(|items| {
                items.iter().find_map(|i| match i.entry {
                    Entry::Org(o) => Some(lex.org(o).code.clone()),
                    _ => None,
                })
            })
        };
        for (phrase, code) in [
            ("al shabaab", "SOMREB"),
            ("kurdistan workers party", "TURREB"),
            // Phoenix spells Angola's prefix ANG here; build.py corrects it.
            (
                "national union for the total independence of angola",
                "AGOREB",
            ),
        ] {
            assert_eq!(org_code(phrase).as_deref(), Some(code), "{phrase}");
        }
        // A leader listed among a group's names is no name of the organization.
        assert_eq!(org_code("ahmad umar"), None);
    }

    #[test]
    fn supplement_groups_are_organizations_with_readable_names() {
        for (phrase, name) in [
            ("houthis", "Houthis"),
            ("m23", "M23"),
            ("tplf", "TPLF"),
            ("hayat tahrir al sham", "Hayat Tahrir al Sham"),
            (
                "national unity government of myanmar",
                "National Unity Government of Myanmar",
            ),
        ] {
            assert_eq!(display_name(phrase), name);
        }
        let lex = shared().unwrap();
        for phrase in ["houthis", "wagner group", "rapid support forces", "m23"] {
            let org = lex.lookup(phrase).and_then(|items| {
                items.iter().find_map(|i| match i.entry {
                    Entry::Org(o) => Some(lex.org(o)),
                    _ => None,
                })
            });
            assert!(org.is_some_and(|o| !o.code.is_empty()), "{phrase}");
        }
    }

    #[test]
    fn every_org_code_is_well_formed() {
        let lex = shared().unwrap();
        for o in &lex.orgs {
            assert!(
                o.code.len() >= 3 && o.code.len() % 3 == 0,
                "org {} code {}",
                o.name,
                o.code
            );
            assert!(
                o.code.chars().all(|c| c.is_ascii_uppercase()),
                "org {} code {}",
                o.name,
                o.code
            );
        }
    }
}
