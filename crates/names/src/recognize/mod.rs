//! Mention recognition: dictionary matches, title phrases, person names, groups, capital
//! metonymy, the tagger's NER spans and pronouns, as candidates over pieces.
//!
//! Order matters and is the key decision here: titles first (so that "Secretary of State" is
//! a title and never an organization or part of a name), then groups, then person names
//! (which beat city names: "Sherman" the person, not Sherman, Texas), then the remaining
//! dictionary matches, then the actor dictionaries' own names no phase found whole
//! (`listed_actors`), then whatever the statistical tagger found that no rule claimed.
//!
//! Each phase is a method of [`Recognizer`] in its own module, in the order `recognize` runs
//! them; the phases hand on what they claimed through the recognizer's fields.

pub mod agent_nouns;
mod ambiguous_names;
mod dictionary;
mod groups;
mod listed_actors;
mod nominals;
pub mod org_nominals;
mod persons;
mod pronouns;
mod speaking_agents;
mod tagger_spans;
mod titles;
mod words;

use crate::lexicon::{CityId, CountryId, Entry, Gender, Lexicon, OrgId, StateId, TitleId};
use crate::view::{Match, View};
use rustc_hash::{FxHashMap as FxMap, FxHashSet as FxSet};

#[derive(Debug, Clone)]
pub struct TitleInfo {
    /// Pieces of the whole title phrase (organization and "of X" included).
    pub a: usize,
    pub b: usize,
    /// Modifiers and head as written ("Deputy Foreign Minister").
    pub core: String,
    pub head: TitleId,
    pub deputy: bool,
    /// CAMEO country (or region) code from the title's context.
    pub country: Option<String>,
    pub role: String,
    pub gender: Gender,
    pub nominal_only: bool,
    pub org: Option<OrgId>,
    /// First piece of a nationality or country word before the title.
    pub lead: Option<usize>,
    pub bound: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum What {
    /// A person's name, with the index of its bound title.
    /// `ner_only` when the tagger's label was the only evidence.
    Person {
        title: Option<usize>,
        ner_only: bool,
    },
    /// A title or role noun standing for a person.
    Nominal {
        title: usize,
        /// After "the"/"this": may corefer with an earlier person.
        definite: bool,
        /// A person named in apposition right after the phrase ("the head of the American
        /// delegation, Under Secretary Margaret Ellison,"): the first piece of that name.
        appos: Option<usize>,
    },
    Pronoun {
        gender: Gender,
        plural: bool,
    },
    /// "it" standing for an organization or a country (`pronouns::find_it_pronouns`):
    /// `object` when it is the addressee of the verb before it ("accused it of").
    ItPronoun {
        object: bool,
    },
    Country(CountryId),
    /// A demonym of a country.
    Adjective(CountryId),
    Group {
        code: String,
    },
    Org(OrgId),
    /// A capital standing for its country's government.
    Gov(CountryId),
    Place {
        cities: Vec<CityId>,
        states: Vec<StateId>,
        qualifier: Option<Qualifier>,
    },
    /// A common noun phrase of the agents dictionary speaking ("the interior ministry
    /// said", `speaking_agents`): its role, given the article's country in resolution
    /// (a complete code for roles of no country: `NGOHRI`).
    Agent {
        role: &'static str,
    },
    NerOrg,
    NerLoc,
    /// "the bloc", "the militant group": an organization named before, linked after every
    /// organization has its code (`resolve::org_nominals`); `head` is the head noun's piece.
    OrgNominal {
        class: org_nominals::OrgClass,
        head: usize,
    },
}

/// What follows a place name after a comma.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Qualifier {
    Country(CountryId),
    State(StateId),
}

#[derive(Debug, Clone)]
pub struct Cand {
    pub a: usize,
    pub b: usize,
    pub what: What,
}

pub struct Recognized {
    pub cands: Vec<Cand>,
    pub titles: Vec<TitleInfo>,
}

/// One document's recognition: what every phase reads (pieces, lexicon, dictionary matches
/// indexed by their first and their end piece) and what earlier phases hand on to later ones
/// (titles, candidates, the pieces already claimed).
struct Recognizer<'a> {
    v: &'a View<'a>,
    lex: &'a Lexicon,
    matches: &'a [Match],
    /// Match index by end piece (`Match::b`).
    ends: FxMap<usize, usize>,
    /// Match index by first piece (`Match::a`).
    starts: FxMap<usize, usize>,
    titles: Vec<TitleInfo>,
    /// Pieces inside a title phrase.
    in_title: Vec<bool>,
    cands: Vec<Cand>,
    /// Pieces claimed by a group or a person.
    taken: Vec<bool>,
    /// First pieces of the nationality words group phrases used ("Russian" in "the Russian
    /// delegation"): no mention of their own.
    consumed_demonym: FxSet<usize>,
}

/// Mentions over the view's pieces, in text order (longer first at one start), and the
/// title phrases they refer to.
pub fn recognize(
    v: &View,
    lex: &Lexicon,
    matches: &[Match],
    date: Option<chrono::NaiveDate>,
) -> Recognized {
    let mut r = Recognizer::new(v, lex, matches);
    r.find_titles();
    r.find_groups();
    r.find_persons();
    r.find_nominals();
    r.find_dictionary_mentions();
    r.find_listed_actors(date);
    r.find_tagger_spans();
    r.find_pronouns();
    r.find_org_nominals();
    r.find_speaking_agents();
    let Recognizer {
        mut cands, titles, ..
    } = r;
    tagger_spans::unify_ner_kinds(v, &mut cands);
    ambiguous_names::settle(v, lex, &mut cands);
    cands.sort_by(|x, y| x.a.cmp(&y.a).then(y.b.cmp(&x.b)));
    Recognized { cands, titles }
}

impl<'a> Recognizer<'a> {
    fn new(v: &'a View<'a>, lex: &'a Lexicon, matches: &'a [Match]) -> Self {
        let n = v.pieces.len();
        let mut ends: FxMap<usize, usize> =
            FxMap::with_capacity_and_hasher(matches.len(), Default::default());
        let mut starts: FxMap<usize, usize> =
            FxMap::with_capacity_and_hasher(matches.len(), Default::default());
        for (k, m) in matches.iter().enumerate() {
            ends.insert(m.b, k);
            starts.insert(m.a, k);
        }
        Recognizer {
            v,
            lex,
            matches,
            ends,
            starts,
            titles: Vec::new(),
            in_title: vec![false; n],
            cands: Vec::new(),
            taken: vec![false; n],
            consumed_demonym: FxSet::default(),
        }
    }

    /// The dictionary match ending right before piece `i` (the last one found there).
    fn match_ending(&self, i: usize) -> Option<&'a Match> {
        let matches = self.matches;
        self.ends.get(&i).map(|&k| &matches[k])
    }

    /// The dictionary match starting at piece `i` (the last one found there).
    fn match_starting(&self, i: usize) -> Option<&'a Match> {
        let matches = self.matches;
        self.starts.get(&i).map(|&k| &matches[k])
    }

    /// The CAMEO code a match gives as a nationality/country context, if any.
    fn context_code(&self, m: &Match) -> Option<String> {
        for e in &m.entries {
            match *e {
                Entry::Country(c) => return Some(self.lex.country(c).cameo.clone()),
                Entry::Demonym(d) => return Some(self.lex.code(d).to_string()),
                _ => {}
            }
        }
        None
    }
}

/// Marks pieces `[a, b)`.
fn mark(flags: &mut [bool], a: usize, b: usize) {
    for f in flags.iter_mut().take(b).skip(a) {
        *f = true;
    }
}

fn org_of(m: &Match) -> Option<OrgId> {
    m.entries.iter().find_map(|e| {
        if let Entry::Org(o) = *e {
            Some(o)
        } else {
            None
        }
    })
}

/// The country part of a country+role CAMEO code ("USAGOV" -> "USA").
pub fn code_country<'a>(lex: &Lexicon, code: &'a str) -> Option<&'a str> {
    (code.len() >= 3 && lex.is_country_code(&code[..3])).then(|| &code[..3])
}
