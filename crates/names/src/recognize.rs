//! Mention recognition: dictionary matches, title phrases, person names, groups, capital
//! metonymy, the tagger's NER spans and pronouns, as candidates over pieces.
//!
//! Order matters and is the key decision here: titles first (so that "Secretary of State" is
//! a title and never an organization or part of a name), then groups, then person names
//! (which beat city names: "Sherman" the person, not Sherman, Texas), then the remaining
//! dictionary matches, then whatever the statistical tagger found that no rule claimed.

use crate::lexicon::{Entry, Gender, Lexicon};
use crate::normalize::translit_key;
use crate::view::{Match, View};
use rustc_hash::{FxHashMap as FxMap, FxHashSet as FxSet};
use sitrep_doc::{NerTag, Upos};
use sitrep_text::lexical::{self, Number};
use std::sync::OnceLock;

/// Words that extend a title leftwards ("First Deputy", "Acting", "Under").
const MODIFIERS: &[&str] = &[
    "first",
    "deputy",
    "vice",
    "acting",
    "former",
    "under",
    "assistant",
    "senior",
    "chief",
    "principal",
    "associate",
    "interim",
    "executive",
    "top",
    "lead",
    "second",
    "third",
    "permanent",
    "outgoing",
    "incoming",
    "then",
];
/// Before a title: a nominal mention ("the Deputy Foreign Minister"). "that" is left out: it
/// is mostly a conjunction in news ("said that Foreign Minister ...").
const DETERMINERS: &[&str] = &["the", "this"];
/// Before a place name: the place reading.
const PLACE_PREPS: &[&str] = &[
    "in",
    "at",
    "near",
    "from",
    "to",
    "outside",
    "inside",
    "across",
    "into",
    "around",
    "via",
    "towards",
    "toward",
    "of",
    "over",
    "through",
    "throughout",
    "visited",
    "visit",
    "visiting",
];
/// Before a capital city: the government reading ("talks with Moscow").
const ACTOR_PREPS: &[&str] = &["with", "between", "against", "by", "and"];
/// After a capital city: the government reading ("Washington wanted ...").
const ACTOR_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "wants",
    "wanted",
    "want",
    "has",
    "have",
    "had",
    "is",
    "was",
    "will",
    "would",
    "could",
    "should",
    "must",
    "may",
    "might",
    "can",
    "cannot",
    "accused",
    "accuses",
    "warned",
    "warns",
    "rejected",
    "rejects",
    "announced",
    "announces",
    "demanded",
    "demands",
    "denied",
    "denies",
    "agreed",
    "agrees",
    "refused",
    "refuses",
    "insists",
    "insisted",
    "believes",
    "believed",
    "hopes",
    "hoped",
    "expects",
    "expected",
    "threatened",
    "threatens",
    "called",
    "calls",
    "urged",
    "urges",
    "signed",
    "imposed",
    "imposes",
    "responded",
    "condemned",
    "condemns",
    "welcomed",
    "welcomes",
    "supports",
    "supported",
    "opposes",
    "opposed",
    "plans",
    "planned",
    "intends",
    "sent",
    "sends",
    "offered",
    "offers",
    "proposed",
    "proposes",
    "claims",
    "claimed",
    "considers",
    "considered",
    "sees",
    "does",
    "did",
    "continues",
    "continued",
    "sought",
    "seeks",
    "launched",
    "deployed",
    "recognized",
    "recognised",
    "vowed",
    "pledged",
    "stressed",
    "insisted",
    "blamed",
    "blames",
    "criticized",
    "criticised",
    "responds",
    "reacted",
    "reacts",
    "argues",
    "argued",
    "hopes",
    "fears",
    "feared",
];
/// Capitalized words that never start or continue a person name.
const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "he",
    "she",
    "it",
    "we",
    "they",
    "i",
    "you",
    "his",
    "her",
    "its",
    "our",
    "their",
    "in",
    "on",
    "at",
    "of",
    "for",
    "and",
    "but",
    "or",
    "if",
    "as",
    "by",
    "to",
    "with",
    "from",
    "after",
    "before",
    "during",
    "according",
    "also",
    "however",
    "meanwhile",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "mr",
    "mrs",
    "ms",
    "dr",
    "how",
    "what",
    "why",
    "when",
    "where",
    "who",
    "which",
    "there",
    "here",
    "today",
    "yesterday",
    "tomorrow",
    "following",
    "without",
    "while",
    "although",
    "since",
    "because",
    "so",
    "then",
    "now",
    "not",
    "no",
    "yes",
    "said",
    "says",
    "asked",
    "added",
    "first",
    "second",
    "third",
    "finally",
    "last",
    "next",
    "treaty",
    "missiles",
    "missile",
    "range",
    "elimination",
    "intermediate",
    "shorter",
];
/// Words of organization names that never belong to a person's name: a capitalized run
/// stops before them ("Robert Kilroy-Silk Party" is no person).
const ORG_WORDS: &[&str] = &[
    "party",
    "union",
    "council",
    "ministry",
    "office",
    "department",
    "committee",
    "commission",
    "association",
    "bank",
    "group",
    "company",
    "corporation",
    "corp",
    "inc",
    "ltd",
    "plc",
    "university",
    "agency",
    "court",
    "army",
    "force",
    "forces",
    "police",
    "airlines",
    "times",
    "news",
    "post",
    "institute",
    "foundation",
    "federation",
    "organization",
    "organisation",
    "club",
    "fc",
    "united",
    "league",
    "house",
    "street",
    "school",
    "hospital",
    "church",
    "labour",
    "tory",
    "tories",
    "conservatives",
    "democrats",
    "republicans",
    "liberal",
];
/// Lower-case words inside organization and place names ("Bank of England").
const NAME_CONNECTORS: &[&str] = &[
    "of", "the", "and", "for", "de", "du", "des", "la", "le", "on", "&", "-", "'", ".",
];
/// Name particles allowed inside a person name ("Osama bin Laden", "Ursula von der Leyen").
const PARTICLES: &[&str] = &[
    "bin", "ibn", "al", "el", "de", "da", "di", "du", "van", "von", "der", "den", "la", "le",
    "dos", "del",
];
/// Last words that make a tagger ORG span a document or event, not an organization.
const NOT_ORG_HEADS: &[&str] = &[
    "treaty",
    "agreement",
    "accord",
    "act",
    "convention",
    "protocol",
    "war",
    "talks",
    "summit",
    "conference",
    "program",
    "programme",
    "plan",
    "initiative",
    "day",
    "declaration",
    "deal",
    "charter",
];

#[derive(Debug, Clone)]
pub struct TitleInfo {
    /// Pieces of the whole title phrase (organization and "of X" included).
    pub a: usize,
    pub b: usize,
    /// Modifiers and head as written ("Deputy Foreign Minister").
    pub core: String,
    pub head: u16,
    pub deputy: bool,
    /// CAMEO country (or region) code from the title's context.
    pub country: Option<String>,
    pub role: String,
    pub gender: Gender,
    pub nominal_only: bool,
    pub org: Option<u16>,
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
    Country(u16),
    /// A demonym of a country (index into `Lexicon::countries`).
    Adjective(u16),
    Group {
        code: String,
    },
    Org(u16),
    /// A capital standing for its country's government.
    Gov(u16),
    Place {
        cities: Vec<u32>,
        states: Vec<u8>,
        qualifier: Option<Qualifier>,
    },
    NerOrg,
    NerLoc,
}

/// What follows a place name after a comma.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Qualifier {
    Country(u16),
    State(u8),
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

// Word classes: the lists above as bits of one map, so that asking whether a piece is in a
// list is one hash lookup instead of a scan comparing strings.
const MODIFIER: u8 = 1;
const PLACE_PREP: u8 = 2;
const ACTOR_PREP: u8 = 4;
const ACTOR_VERB: u8 = 8;
const NOT_NAME: u8 = 16;
const ORG_WORD: u8 = 32;
const NAME_CONNECTOR: u8 = 64;
const NOT_ORG_HEAD: u8 = 128;

fn word_classes() -> &'static FxMap<&'static str, u8> {
    static CLASSES: OnceLock<FxMap<&'static str, u8>> = OnceLock::new();
    CLASSES.get_or_init(|| {
        let mut m: FxMap<&'static str, u8> = FxMap::default();
        for (list, bit) in [
            (MODIFIERS, MODIFIER),
            (PLACE_PREPS, PLACE_PREP),
            (ACTOR_PREPS, ACTOR_PREP),
            (ACTOR_VERBS, ACTOR_VERB),
            (NOT_NAMES, NOT_NAME),
            (ORG_WORDS, ORG_WORD),
            (NAME_CONNECTORS, NAME_CONNECTOR),
            (NOT_ORG_HEADS, NOT_ORG_HEAD),
        ] {
            for w in list {
                *m.entry(*w).or_default() |= bit;
            }
        }
        m
    })
}

/// The word classes of a folded word (0: none).
fn classes_of(word: &str) -> u8 {
    word_classes().get(word).copied().unwrap_or(0)
}

/// Piece `i` exists and is in one of the classes `bits` (same answer as `View::is_any` on
/// the lists).
fn in_class(v: &View, i: usize, bits: u8) -> bool {
    i < v.pieces.len() && classes_of(v.norm(i)) & bits != 0
}

fn is_modifier(v: &View, i: usize) -> bool {
    in_class(v, i, MODIFIER)
}

fn demonym_country(lex: &Lexicon, code_idx: u16) -> Option<u16> {
    let code = &lex.codes[code_idx as usize];
    lex.country_by_code(code).map(|c| {
        lex.countries
            .iter()
            .position(|x| std::ptr::eq(x, c))
            .unwrap_or(0) as u16
    })
}

/// The CAMEO code a match gives as a nationality/country context, if any.
fn context_code(lex: &Lexicon, m: &Match) -> Option<String> {
    for e in &m.entries {
        match *e {
            Entry::Country(c) => return Some(lex.countries[c as usize].cameo.clone()),
            Entry::Demonym(d) => return Some(lex.codes[d as usize].clone()),
            _ => {}
        }
    }
    None
}

fn org_of(m: &Match) -> Option<u16> {
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

pub fn recognize(v: &View, lex: &Lexicon, matches: &[Match]) -> Recognized {
    let n = v.pieces.len();
    let mut ends: FxMap<usize, usize> =
        FxMap::with_capacity_and_hasher(matches.len(), Default::default());
    let mut starts: FxMap<usize, usize> =
        FxMap::with_capacity_and_hasher(matches.len(), Default::default());
    for (k, m) in matches.iter().enumerate() {
        ends.insert(m.b, k);
        starts.insert(m.a, k);
    }
    let match_ending = |i: usize| ends.get(&i).map(|&k| &matches[k]);
    let match_starting = |i: usize| starts.get(&i).map(|&k| &matches[k]);

    // 1. Titles.
    let mut titles: Vec<TitleInfo> = Vec::new();
    let mut in_title = vec![false; n];
    for m in matches {
        let Some(t) = m.entries.iter().find_map(|e| {
            if let Entry::Title(t) = *e {
                Some(t)
            } else {
                None
            }
        }) else {
            continue;
        };
        // A capitalized dictionary word that is also a title head ("General Assembly") was
        // matched longer elsewhere; a title that is also something else is not a title.
        if m.entries.len() > 1 {
            continue;
        }
        let title = &lex.titles[t as usize];
        let mut a = m.a;
        while a > 0 && is_modifier(v, a - 1) && v.same_sentence(a - 1, m.a) {
            a -= 1;
        }
        let core = v.raw_range(a, m.b).to_string();
        let deputy = (a..m.b).any(|i| v.is_any(i, &["deputy", "vice"]));
        let mut start = a;
        let mut org = None;
        let mut country = None;
        let mut role = title.role.clone();
        if let Some(om) = match_ending(a).filter(|om| v.same_sentence(om.a, a)) {
            if let Some(o) = org_of(om) {
                start = om.a;
                org = Some(o);
                let code = &lex.orgs[o as usize].code;
                if let Some(c) = code_country(lex, code) {
                    country = Some(c.to_string());
                    if code.len() == 6 {
                        role = code[3..].to_string();
                    }
                }
            }
        }
        let mut lead = None;
        if let Some(cm) = match_ending(start).filter(|cm| start > 0 && v.same_sentence(cm.a, start))
        {
            if let Some(code) = context_code(lex, cm) {
                country.get_or_insert(code);
                lead = Some(cm.a);
            }
        } else if start >= 3 && v.is(start - 1, "s") && v.is(start - 2, "'") {
            if let Some(cm) = match_ending(start - 2) {
                if let Some(code) = context_code(lex, cm) {
                    country.get_or_insert(code);
                    lead = Some(cm.a);
                }
            }
        }
        let mut b = m.b;
        if v.is(b, "of")
            || (v.is(b, "to")
                && matches!(
                    title.head.as_str(),
                    "ambassador" | "envoy" | "special envoy" | "permanent representative"
                ))
        {
            let of = v.is(b, "of");
            let k = if v.is(b + 1, "the") { b + 2 } else { b + 1 };
            if let Some(cm) = match_starting(k).filter(|cm| v.same_sentence(cm.a, b)) {
                if let Some(code) = context_code(lex, cm) {
                    if of {
                        country = Some(code);
                    }
                    b = cm.b;
                } else if let Some(o) = org_of(cm) {
                    if of {
                        if let Some(c) = code_country(lex, &lex.orgs[o as usize].code) {
                            country.get_or_insert(c.to_string());
                        }
                        org.get_or_insert(o);
                    }
                    b = cm.b;
                }
            }
        }
        for f in in_title.iter_mut().take(b).skip(start) {
            *f = true;
        }
        titles.push(TitleInfo {
            a: start,
            b,
            core,
            head: t,
            deputy,
            country,
            role,
            gender: title.gender,
            nominal_only: title.nominal_only,
            org,
            lead,
            bound: false,
        });
    }

    let mut cands: Vec<Cand> = Vec::new();
    let mut taken = vec![false; n];
    let mut consumed_demonym: FxSet<usize> = FxSet::default();

    // 2. Groups: nationality or country + group noun ("the Russian delegation").
    for m in matches {
        let Some(g) = m.entries.iter().find_map(|e| {
            if let Entry::Group(g) = *e {
                Some(g)
            } else {
                None
            }
        }) else {
            continue;
        };
        if in_title[m.a] {
            continue;
        }
        // One lower-case adjective or noun may stand between ("Russian armed forces"), and a
        // possessive ("Sudan's government").
        let mut found = match_ending(m.a);
        if found.is_none() && m.a > 0 && v.pieces[m.a - 1].alpha && !v.pieces[m.a - 1].cap {
            let p = &v.pieces[m.a - 1];
            if !v.pos_known || matches!(p.pos, Upos::Adj | Upos::Noun) || v.is(m.a - 1, "armed") {
                found = match_ending(m.a - 1);
            }
        }
        if found.is_none() && m.a >= 2 && v.is(m.a - 1, "s") && v.is(m.a - 2, "'") {
            found = match_ending(m.a - 2);
        }
        let Some(cm) = found.filter(|cm| v.same_sentence(cm.a, m.a)) else {
            continue;
        };
        // A capital before the noun stands for its country ("Khartoum government").
        // ("the London side" in sport is a team: "side" needs a nationality.)
        let side = v.is(m.a, "side");
        let capital_code = || {
            cm.entries.iter().find_map(|e| match *e {
                Entry::City(_) if side => None,
                Entry::City(c) if lex.cities[c as usize].capital => Some(
                    lex.countries[lex.cities[c as usize].country as usize]
                        .cameo
                        .clone(),
                ),
                _ => None,
            })
        };
        let Some(code) = context_code(lex, cm).or_else(capital_code) else {
            continue;
        };
        let start = if cm.a > 0 && v.is(cm.a - 1, "the") {
            cm.a - 1
        } else {
            cm.a
        };
        let full = match &lex.groups[g as usize].role {
            Some(r) => format!("{code}{r}"),
            None => code,
        };
        consumed_demonym.insert(cm.a);
        for f in taken.iter_mut().take(m.b).skip(start) {
            *f = true;
        }
        cands.push(Cand {
            a: start,
            b: m.b,
            what: What::Group { code: full },
        });
    }

    // 3. Person names.
    let blocks_name = {
        let mut blk = in_title.clone();
        for m in matches {
            if m.entries.iter().any(|e| {
                matches!(
                    e,
                    Entry::Country(_)
                        | Entry::Demonym(_)
                        | Entry::Org(_)
                        | Entry::Title(_)
                        | Entry::Group(_)
                )
            }) {
                for f in blk.iter_mut().take(m.b).skip(m.a) {
                    *f = true;
                }
            }
        }
        blk
    };
    let name_piece = |i: usize, taken: &[bool]| -> bool {
        let p = &v.pieces[i];
        p.alpha && p.cap && !blocks_name[i] && !taken[i] && !in_class(v, i, NOT_NAME | ORG_WORD)
    };
    // A title followed directly by a capitalized word binds forwards ("Home Office minister
    // Hazel Blears"), so it cannot also bind to the words before it.
    let forward: Vec<bool> = titles
        .iter()
        .map(|t| {
            let b = t.b;
            b < n
                && v.pieces[b].cap
                && v.pieces[b].alpha
                && !in_class(v, b, NOT_NAME)
                && !in_class(v, b + 1, ORG_WORD)
                && v.same_sentence(t.a, b)
        })
        .collect();
    let title_ending: FxMap<usize, usize> =
        titles.iter().enumerate().map(|(k, t)| (t.b, k)).collect();
    let title_starting: FxMap<usize, usize> = titles
        .iter()
        .enumerate()
        .flat_map(|(k, t)| [(t.a, k), (t.lead.unwrap_or(t.a), k)])
        .collect();
    let mut surnames: FxSet<String> = FxSet::default();
    let mut persons: Vec<(usize, usize, Option<usize>, bool)> = Vec::new();
    for pass in 0..2 {
        let mut i = 0;
        while i < n {
            if !name_piece(i, &taken) {
                i += 1;
                continue;
            }
            let mut a = i;
            let mut b = i + 1;
            let mut words = 1;
            loop {
                if b < n
                    && name_piece(b, &taken)
                    && v.same_sentence(a, b)
                    && v.pieces[b - 1].end < v.pieces[b].start
                {
                    b += 1;
                    words += 1;
                } else if b + 1 < n
                    && (v.is_any(b, &["-", "'"]) && v.pieces[b - 1].end == v.pieces[b].start
                        || v.is(b, ".") && v.raw(b - 1).chars().count() == 1
                        || v.is_any(b, PARTICLES) && !v.pieces[b].cap)
                    && name_piece(b + 1, &taken)
                    && v.same_sentence(a, b + 1)
                {
                    b += 2;
                    if !v.is_any(b - 2, &["-", "'", "."]) {
                        words += 1;
                    }
                } else {
                    break;
                }
            }
            // Sentence-initial capitals are weak evidence: drop a first word that is not a
            // known given name unless the tagger calls it a person.
            let first_is_name = |k: usize| {
                lex.first_names.contains_key(v.raw(k))
                    || matches!(v.pieces[k].ner, NerTag::BPer | NerTag::IPer)
            };
            // A two-word run opening a sentence and followed by its title is the signature
            // line of a quote ("Omid Rahimi Spokesman of the Foreign Ministry").
            let signature = words == 2
                && title_starting
                    .get(&b)
                    .is_some_and(|&k| !forward[k] && !titles[k].bound);
            if v.pieces[a].sent_start
                && words >= 2
                && !first_is_name(a)
                && !title_ending.contains_key(&a)
                && !signature
            {
                a += 1;
                words -= 1;
                while a < b && !v.pieces[a].alpha {
                    a += 1;
                }
            }
            i = b;
            if a >= b {
                continue;
            }
            if pass == 0 && words < 2 {
                continue;
            }
            // "Its spokesman, Hossein Karimi, said": a title, a comma, then a full name.
            let before = title_ending
                .get(&a)
                .copied()
                .or_else(|| {
                    (words >= 2 && a > 0 && v.is(a - 1, ","))
                        .then(|| title_ending.get(&(a - 1)).copied())
                        .flatten()
                })
                .filter(|&k| !titles[k].bound && v.same_sentence(titles[k].a, a));
            let after = title_starting
                .get(&b)
                .copied()
                .filter(|&k| !titles[k].bound && v.same_sentence(titles[k].a, a) && !forward[k]);
            let apposition = if v.is(b, ",") {
                let k = if v.is_any(b + 1, &["the", "a"]) {
                    b + 2
                } else {
                    b + 1
                };
                // "in Paris, President Kirchner discussed": a title that binds forwards
                // names the person after it, not the word before the comma.
                title_starting
                    .get(&k)
                    .copied()
                    .filter(|&t| !titles[t].bound && v.same_sentence(titles[t].a, a) && !forward[t])
            } else {
                None
            };
            // The tagger's person label counts on a proper noun, and at the start of a
            // sentence only for two words or more ("Shares fell" is no person).
            let ner_per = matches!(v.pieces[a].ner, NerTag::BPer | NerTag::IPer)
                && v.proper(a)
                && (words >= 2 || !v.pieces[a].sent_start);
            let given = lex.first_names.contains_key(v.raw(a)) && words >= 2;
            // Only a lone word asks for its key in the second pass; longer names compute it
            // below, once they are kept.
            let known = pass == 1 && words == 1 && {
                let key = translit_key(v.raw_range(a, b));
                surnames.contains(&key)
            };

            // A gazetteer place after a place preposition ("from Kiev") is a place even if
            // the tagger calls it a person, unless a title or a known name says otherwise.
            let gazetteer_place = match_starting(a).is_some_and(|m| {
                m.b == b
                    && m.entries.iter().any(|e| match *e {
                        Entry::City(c) => {
                            lex.cities[c as usize].capital
                                || lex.cities[c as usize].population >= 100_000
                        }
                        Entry::State(_) => true,
                        _ => false,
                    })
            });
            let after_prep = a > 0 && in_class(v, a - 1, PLACE_PREP | ACTOR_PREP);
            let place_word = words == 1
                && (gazetteer_place
                    || after_prep
                        && match_starting(a).is_some_and(|m| {
                            m.b == b && m.entries.iter().any(|e| matches!(e, Entry::City(_)))
                        }));
            let ner_per = ner_per && !place_word;
            // One capitalized word the tagger does not call a proper noun ("Later") is no name.
            if words == 1 && !v.proper(a) && !known {
                continue;
            }
            let evidence = before.is_some()
                || (after.is_some() && words >= 2)
                || apposition.is_some()
                || ner_per
                || given
                || known;
            if !evidence {
                continue;
            }
            let ner_only = ner_per
                && !(before.is_some() || after.is_some() || apposition.is_some() || given || known);
            let title = before.or(after).or(apposition);
            if let Some(t) = title {
                titles[t].bound = true;
            }
            if words >= 2 {
                // Every word after the given name can stand alone for the person ("Lula" for
                // "Luiz Inacio Lula da Silva", "Ryabkov" for "Sergei Ryabkov").
                let key = translit_key(v.raw_range(a, b));
                for w in key.split(' ').skip(1).filter(|w| w.len() > 2) {
                    surnames.insert(w.to_string());
                }
            }
            for f in taken.iter_mut().take(b).skip(a) {
                *f = true;
            }
            persons.push((a, b, title, ner_only));
        }
    }
    for (a, b, title, ner_only) in persons {
        cands.push(Cand {
            a,
            b,
            what: What::Person { title, ner_only },
        });
    }

    // 4. Nominal mentions: an unbound title after a determiner.
    for (k, t) in titles.iter().enumerate() {
        if t.bound {
            continue;
        }
        let first = t.lead.unwrap_or(t.a);
        let definite = first > 0 && v.is_any(first - 1, DETERMINERS);
        // Without "the", a title is a mention only with a nationality or an organization in
        // front ("a Jordanian official", "Pentagon spokesman"); it then starts a role entity
        // of its own instead of looking for an antecedent.
        if !definite && t.lead.is_none() && t.org.is_none() {
            continue;
        }
        // "the head of the delegation" but not "the president's": a possessive is no mention.
        if v.is(t.b, "'") {
            continue;
        }
        let appos = if definite {
            appositive_person(v, &titles, &cands, t.b)
        } else {
            None
        };
        cands.push(Cand {
            a: if definite { first - 1 } else { first },
            b: t.b,
            what: What::Nominal {
                title: k,
                definite,
                appos,
            },
        });
    }

    // 5. The remaining dictionary matches.
    for m in matches {
        if (m.a..m.b).any(|i| taken[i]) {
            continue;
        }
        let country = m.entries.iter().find_map(|e| {
            if let Entry::Country(c) = *e {
                Some(c)
            } else {
                None
            }
        });
        let states: Vec<u8> = m
            .entries
            .iter()
            .filter_map(|e| {
                if let Entry::State(s) = *e {
                    Some(s)
                } else {
                    None
                }
            })
            .collect();
        let cities: Vec<u32> = m
            .entries
            .iter()
            .filter_map(|e| {
                if let Entry::City(c) = *e {
                    Some(c)
                } else {
                    None
                }
            })
            .collect();
        // A name's span leaves out its article ("the New York Times" -> "New York Times").
        let name_a = if v.is(m.a, "the") && m.b > m.a + 1 {
            m.a + 1
        } else {
            m.a
        };
        if let Some(o) = org_of(m) {
            cands.push(Cand {
                a: name_a,
                b: m.b,
                what: What::Org(o),
            });
            continue;
        }
        if let Some(c) = country {
            if !states.is_empty() && us_context(v, lex, matches, m) {
                cands.push(Cand {
                    a: m.a,
                    b: m.b,
                    what: What::Place {
                        cities: Vec::new(),
                        states,
                        qualifier: None,
                    },
                });
            } else {
                cands.push(Cand {
                    a: name_a,
                    b: m.b,
                    what: What::Country(c),
                });
            }
            continue;
        }
        if let Some(d) = m.entries.iter().find_map(|e| {
            if let Entry::Demonym(d) = *e {
                Some(d)
            } else {
                None
            }
        }) {
            if consumed_demonym.contains(&m.a) && !in_title[m.a] {
                continue;
            }
            // A plural demonym names the people ("Palestinians", "Russians"); CAMEO
            // dictionaries code them with the bare country code.
            let norm = v.norm_range(m.a, m.b);
            let plural = norm.len() > 1
                && norm.ends_with('s')
                && lex
                    .lookup(&norm[..norm.len() - 1])
                    .is_some_and(|items| items.iter().any(|it| it.entry == Entry::Demonym(d)));
            if plural {
                cands.push(Cand {
                    a: m.a,
                    b: m.b,
                    what: What::Group {
                        code: lex.codes[d as usize].clone(),
                    },
                });
                continue;
            }
            match demonym_country(lex, d) {
                Some(c) => cands.push(Cand {
                    a: m.a,
                    b: m.b,
                    what: What::Adjective(c),
                }),
                None => {
                    // Only "the West" stands alone for its region ("the Asian" is an
                    // adjective whose noun is missing or unknown).
                    if m.a > 0
                        && v.is(m.a - 1, "the")
                        && v.is(m.a, "west")
                        && !v.pieces.get(m.b).is_some_and(|p| p.cap && p.alpha)
                    {
                        cands.push(Cand {
                            a: m.a - 1,
                            b: m.b,
                            what: What::Group {
                                code: lex.codes[d as usize].clone(),
                            },
                        });
                    }
                }
            }
            continue;
        }
        if in_title[m.a] || (cities.is_empty() && states.is_empty()) {
            continue;
        }
        let prev = if m.a > 0 && v.same_sentence(m.a - 1, m.a) {
            Some(m.a - 1)
        } else {
            None
        };
        let after_place_prep = prev.is_some_and(|p| in_class(v, p, PLACE_PREP));
        // "Geneva, Switzerland" / "Moscow, Idaho": the qualifier picks the country or state.
        let qualifier = if v.is(m.b, ",") {
            match_starting(m.b + 1).and_then(|q| {
                q.entries.iter().find_map(|e| match *e {
                    Entry::Country(c) => Some(Qualifier::Country(c)),
                    Entry::State(st) => Some(Qualifier::State(st)),
                    _ => None,
                })
            })
        } else {
            None
        };
        let ner_loc = matches!(v.pieces[m.a].ner, NerTag::BLoc | NerTag::ILoc);
        let capital = cities
            .iter()
            .find(|&&c| lex.cities[c as usize].capital)
            .copied();
        let big = cities
            .iter()
            .any(|&c| lex.cities[c as usize].population >= 1_000_000);
        // Capital metonymy: "Washington wanted", "talks with Moscow".
        if let Some(cap) = capital {
            let next_verb = v.pieces.get(m.b).is_some_and(|p| {
                v.same_sentence(m.a, m.b)
                    && (matches!(p.pos, Upos::Verb | Upos::Aux) || in_class(v, m.b, ACTOR_VERB))
            });
            let possessive = v.is(m.b, "'") && v.is(m.b + 1, "s");
            let actor_prep = prev.is_some_and(|p| in_class(v, p, ACTOR_PREP));
            // A capital opening a sentence is its subject ("Washington along with its allies
            // demanded ...").
            let subject = v.pieces[m.a].sent_start && !v.is(m.b, ",");
            if !after_place_prep
                && qualifier.is_none()
                && (next_verb || actor_prep || possessive || subject)
            {
                cands.push(Cand {
                    a: m.a,
                    b: m.b,
                    what: What::Gov(lex.cities[cap as usize].country),
                });
                continue;
            }
        }
        let state_word =
            v.is(m.b, "state") || (m.a >= 2 && v.is(m.a - 1, "of") && v.is(m.a - 2, "state"));
        if !states.is_empty() && (cities.is_empty() || state_word) {
            cands.push(Cand {
                a: m.a,
                b: m.b,
                what: What::Place {
                    cities: Vec::new(),
                    states,
                    qualifier: None,
                },
            });
            continue;
        }
        if capital.is_some() || after_place_prep || qualifier.is_some() || ner_loc || big {
            cands.push(Cand {
                a: m.a,
                b: m.b,
                what: What::Place {
                    cities,
                    states: Vec::new(),
                    qualifier,
                },
            });
        }
    }
    let mut covered = taken.clone();
    for c in &cands {
        for f in covered.iter_mut().take(c.b).skip(c.a) {
            *f = true;
        }
    }
    for m in matches {
        for f in covered.iter_mut().take(m.b).skip(m.a) {
            *f = true;
        }
    }

    // 6. What the statistical tagger found and no rule claimed.
    let mut i = 0;
    while i < n {
        let tag = v.pieces[i].ner;
        let (is_org, is_loc) = (
            tag == NerTag::BOrg || tag == NerTag::IOrg,
            tag == NerTag::BLoc || tag == NerTag::ILoc,
        );
        if !(is_org || is_loc) || !v.pieces[i].alpha {
            i += 1;
            continue;
        }
        let inside = if is_org { NerTag::IOrg } else { NerTag::ILoc };
        let mut b = i + 1;
        while b < n && v.pieces[b].ner == inside && v.same_sentence(i, b) {
            b += 1;
        }
        while b > i + 1
            && !v.pieces[b - 1].alpha
            && !v.raw(b - 1).chars().all(|c| c.is_ascii_digit())
        {
            b -= 1;
        }
        let mut a = i;
        i = b;
        // "The ONS" -> "ONS"; "However", "We", "Mr" alone are no names.
        while a < b && (in_class(v, a, NOT_NAME) || !v.pieces[a].alpha) {
            a += 1;
        }
        // A name is capitalized words and a few connectors: a tagger span running on into
        // lower-case words is cut after its last capitalized word.
        let mut end = a;
        for k in a..b.min(a + 12) {
            let p = &v.pieces[k];
            if p.alpha && p.cap {
                end = k + 1;
            } else if !in_class(v, k, NAME_CONNECTOR) {
                break;
            }
        }
        let b = end;
        if a >= b || (a..b).any(|k| covered[k] || in_title[k]) || !v.pieces[a].cap {
            continue;
        }
        let acronym = v.raw_range(a, b).chars().all(|c| !c.is_lowercase());
        if !acronym && !(a..b).any(|k| v.proper(k)) {
            continue;
        }
        if is_org && (in_class(v, b - 1, NOT_ORG_HEAD) || in_class(v, b, NOT_ORG_HEAD)) {
            continue;
        }
        cands.push(Cand {
            a,
            b,
            what: if is_org { What::NerOrg } else { What::NerLoc },
        });
    }

    // 7. Pronouns.
    for k in 0..n {
        let word = v.norm(k);
        let (gender, plural) = match lexical::pronoun(word).map(|p| (p.number, p.gender)) {
            // "he", "him", "his", "himself"; "she", "her", "hers", "herself".
            Some((Number::Singular, lexical::Gender::Male)) => (Gender::Male, false),
            Some((Number::Singular, lexical::Gender::Female)) => (Gender::Female, false),
            // "they" is resolved only as the subject of an actor verb ("they said"): it
            // refers to things as often as to groups.
            _ if word == "they" && in_class(v, k + 1, ACTOR_VERB) => (Gender::Unknown, true),
            _ => continue,
        };
        // Inside a word ("the" in "theme" is not a piece): pieces are whole runs already.
        cands.push(Cand {
            a: k,
            b: k + 1,
            what: What::Pronoun { gender, plural },
        });
    }

    unify_ner_kinds(v, &mut cands);
    cands.sort_by(|x, y| x.a.cmp(&y.a).then(y.b.cmp(&x.b)));
    Recognized { cands, titles }
}

/// The person named in apposition after a nominal title phrase ending at piece `end`: up to
/// two lower-case words may finish the phrase ("the head of the American delegation"), then a
/// comma and a person name, directly or after its own bound title ("..., Under Secretary of
/// State Margaret Ellison,"). Returns the name's first piece.
fn appositive_person(v: &View, titles: &[TitleInfo], cands: &[Cand], end: usize) -> Option<usize> {
    let n = v.pieces.len();
    let mut e = end;
    while e < n && e < end + 2 && v.pieces[e].alpha && !v.pieces[e].cap {
        e += 1;
    }
    if e + 1 >= n || !v.is(e, ",") || !v.same_sentence(end.saturating_sub(1), e + 1) {
        return None;
    }
    let person_at = |a: usize| {
        cands
            .iter()
            .any(|c| c.a == a && matches!(c.what, What::Person { .. }))
            .then_some(a)
    };
    person_at(e + 1).or_else(|| {
        titles
            .iter()
            .find(|t| t.bound && t.lead.unwrap_or(t.a) == e + 1)
            .and_then(|t| person_at(t.b))
    })
}

/// The tagger may call one name a person here and an organization there ("Bombardier"):
/// mentions that only the tagger found take the kind most of them with that text got.
fn unify_ner_kinds(v: &View, cands: &mut [Cand]) {
    let kind_of = |w: &What| match w {
        What::Person { ner_only: true, .. } => Some(0usize),
        What::NerOrg => Some(1),
        What::NerLoc => Some(2),
        _ => None,
    };
    let mut votes: FxMap<&str, [u32; 3]> = FxMap::default();
    for c in cands.iter() {
        if let Some(k) = kind_of(&c.what) {
            votes.entry(v.norm_range(c.a, c.b)).or_default()[k] += 1;
        }
    }
    for c in cands.iter_mut() {
        if kind_of(&c.what).is_none() {
            continue;
        }
        let Some(n) = votes.get(v.norm_range(c.a, c.b)) else {
            continue;
        };
        let best = (0..3)
            .max_by_key(|&k| (n[k], std::cmp::Reverse(k)))
            .unwrap_or(0);
        c.what = match best {
            0 => What::Person {
                title: None,
                ner_only: true,
            },
            1 => What::NerOrg,
            _ => What::NerLoc,
        };
    }
}

/// "Georgia" the US state rather than the country: the sentence names another US state, a
/// US city qualifier follows, or "state of" precedes.
fn us_context(v: &View, lex: &Lexicon, matches: &[Match], m: &Match) -> bool {
    if m.a >= 2 && v.is(m.a - 1, "of") && v.is(m.a - 2, "state") {
        return true;
    }
    if v.is(m.b, "state") {
        return true;
    }
    let sentence = v.pieces[m.a].sentence;
    let us = lex
        .country_by_code("USA")
        .map(|c| c.iso3.clone())
        .unwrap_or_default();
    // Matches are in text order: only this sentence's are looked at (no O(n^2) on long
    // documents that repeat "Georgia").
    let from = matches.partition_point(|o| v.pieces[o.a].sentence < sentence);
    matches[from..]
        .iter()
        .take_while(|o| v.pieces[o.a].sentence == sentence)
        .filter(|o| o.a != m.a)
        .any(|o| {
            o.entries.iter().any(|e| match *e {
                Entry::State(_) => !o.entries.iter().any(|x| matches!(x, Entry::Country(_))),
                Entry::City(c) => {
                    let city = &lex.cities[c as usize];
                    o.entries.len() == 1
                        && lex.countries[city.country as usize].iso3 == us
                        && city.population >= 100_000
                }
                _ => false,
            })
        })
}
