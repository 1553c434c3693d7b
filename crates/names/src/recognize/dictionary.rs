//! Phase 5: the dictionary matches no earlier phase claimed: organizations, countries,
//! nationality words, US states and cities, with capital metonymy ("Washington wanted"
//! is the US government).

use super::words::{in_class, ACTOR_PREP, ACTOR_VERB, PLACE_PREP};
use super::{org_of, Cand, Qualifier, Recognizer, What};
use crate::lexicon::{CityId, CodeId, CountryId, Entry, Lexicon, StateId};
use crate::view::{Match, View};
use sitrep_doc::{NerTag, Upos};

impl Recognizer<'_> {
    /// One mention per unclaimed match that reads as one.
    pub(super) fn find_dictionary_mentions(&mut self) {
        for m in self.matches {
            if (m.a..m.b).any(|i| self.taken[i]) {
                continue;
            }
            if let Some(c) = self.dictionary_mention(m) {
                self.cands.push(c);
            }
        }
    }

    /// The mention a match makes: an organization before a country before a nationality
    /// word before a place.
    fn dictionary_mention(&self, m: &Match) -> Option<Cand> {
        let v = self.v;
        if self.supports_or_hosts(m) {
            return None;
        }
        let country = m.entries.iter().find_map(|e| match *e {
            Entry::Country(c) => Some(c),
            _ => None,
        });
        let states: Vec<StateId> = m
            .entries
            .iter()
            .filter_map(|e| match *e {
                Entry::State(s) => Some(s),
                _ => None,
            })
            .collect();
        let cities: Vec<CityId> = m
            .entries
            .iter()
            .filter_map(|e| match *e {
                Entry::City(c) => Some(c),
                _ => None,
            })
            .collect();
        // A name's span leaves out its article ("the New York Times" -> "New York Times").
        let name_a = if v.is(m.a, "the") && m.b > m.a + 1 {
            m.a + 1
        } else {
            m.a
        };
        if let Some(o) = org_of(m) {
            return Some(Cand {
                a: name_a,
                b: m.b,
                what: What::Org(o),
            });
        }
        if let Some(c) = country {
            if !states.is_empty() && us_context(v, self.lex, self.matches, m) {
                return Some(state_place(m, states));
            }
            return Some(Cand {
                a: name_a,
                b: m.b,
                what: What::Country(c),
            });
        }
        if let Some(d) = m.entries.iter().find_map(|e| {
            if let Entry::Demonym(d) = *e {
                Some(d)
            } else {
                None
            }
        }) {
            return self.demonym_mention(m, d);
        }
        if self.in_title[m.a] || (cities.is_empty() && states.is_empty()) {
            return None;
        }
        self.place_mention(m, cities, states)
    }

    /// The first part of a compound modifier that says where something is based or who
    /// backs it: "the Paris-based group", "Iran-backed militias", "a US-funded radio". The
    /// group is neither the place nor the backer, and a mention there would make it so for
    /// the events stage ("Paris-based group accused Egypt" is not France). Compounds that
    /// make the place the actor ("the Saudi-led coalition") keep their mention.
    fn supports_or_hosts(&self, m: &Match) -> bool {
        let v = self.v;
        v.hyphenated_after(m.b)
            .is_some_and(|k| v.is_any(k, BASED_OR_BACKED))
    }

    /// A nationality word no group used: the people when plural ("Palestinians"), the
    /// country's adjective otherwise, and "the West" alone for its region.
    fn demonym_mention(&self, m: &Match, d: CodeId) -> Option<Cand> {
        let v = self.v;
        let lex = self.lex;
        if self.consumed_demonym.contains(&m.a) && !self.in_title[m.a] {
            return None;
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
            return Some(Cand {
                a: m.a,
                b: m.b,
                what: What::Group {
                    code: lex.code(d).to_string(),
                },
            });
        }
        match demonym_country(lex, d) {
            Some(c) => Some(Cand {
                a: m.a,
                b: m.b,
                what: What::Adjective(c),
            }),
            // Only "the West" stands alone for its region ("the Asian" is an adjective
            // whose noun is missing or unknown).
            None if m.a > 0
                && v.is(m.a - 1, "the")
                && v.is(m.a, "west")
                && !v.pieces.get(m.b).is_some_and(|p| p.cap && p.alpha) =>
            {
                Some(Cand {
                    a: m.a - 1,
                    b: m.b,
                    what: What::Group {
                        code: lex.code(d).to_string(),
                    },
                })
            }
            None => None,
        }
    }

    /// A city or US state match: a capital acting as its government, a state, or a city
    /// when something says it is a place here (a capital, a place preposition, a
    /// qualifier, the tagger's location label, a big city).
    fn place_mention(&self, m: &Match, cities: Vec<CityId>, states: Vec<StateId>) -> Option<Cand> {
        let v = self.v;
        let lex = self.lex;
        if self.begins_longer_name(m) {
            return None;
        }
        let prev = if m.a > 0 && v.same_sentence(m.a - 1, m.a) {
            Some(m.a - 1)
        } else {
            None
        };
        let after_place_prep = prev.is_some_and(|p| in_class(v, p, PLACE_PREP));
        let qualifier = self.place_qualifier(m);
        let ner_loc = matches!(v.pieces[m.a].ner, NerTag::BLoc | NerTag::ILoc);
        let capital = cities.iter().find(|&&c| lex.city(c).capital).copied();
        let big = cities.iter().any(|&c| lex.city(c).population >= 1_000_000);
        if let Some(cap) = capital {
            if !after_place_prep && qualifier.is_none() && self.capital_acts(m, prev) {
                return Some(Cand {
                    a: m.a,
                    b: m.b,
                    what: What::Gov(lex.city(cap).country),
                });
            }
        }
        let state_word =
            v.is(m.b, "state") || (m.a >= 2 && v.is(m.a - 1, "of") && v.is(m.a - 2, "state"));
        if !states.is_empty() && (cities.is_empty() || state_word) {
            return Some(state_place(m, states));
        }
        if capital.is_some() || after_place_prep || qualifier.is_some() || ner_loc || big {
            return Some(Cand {
                a: m.a,
                b: m.b,
                what: What::Place {
                    cities,
                    states: Vec::new(),
                    qualifier,
                },
            });
        }
        None
    }

    /// A city's name as the first word of a longer proper name: "the Lima Group", "Paris
    /// Club creditors", "the Geneva Conventions", "London Underground", "Tokyo Electric". The
    /// name belongs to something else, neither the place nor its government; a title after
    /// it ("Moscow Mayor ...") and a further place ("Hong Kong") keep it a place, and so do
    /// a gathering held there and a part of it (`PLACE_CONTINUATIONS`).
    fn begins_longer_name(&self, m: &Match) -> bool {
        let v = self.v;
        let Some(next) = v.pieces.get(m.b) else {
            return false;
        };
        next.cap
            && next.alpha
            && v.same_sentence(m.a, m.b)
            && !self.in_title[m.b]
            && self.match_starting(m.b).is_none()
            && !v.is_any(m.b, PLACE_CONTINUATIONS)
    }

    /// "Geneva, Switzerland" / "Moscow, Idaho": the qualifier picks the country or state.
    fn place_qualifier(&self, m: &Match) -> Option<Qualifier> {
        if !self.v.is(m.b, ",") {
            return None;
        }
        self.match_starting(m.b + 1).and_then(|q| {
            q.entries.iter().find_map(|e| match *e {
                Entry::Country(c) => Some(Qualifier::Country(c)),
                Entry::State(st) => Some(Qualifier::State(st)),
                _ => None,
            })
        })
    }

    /// Capital metonymy: a capital acts as its government when a verb follows it
    /// ("Washington wanted"), after "with/between/against/by/and" ("talks with Moscow"), as
    /// a possessor ("Moscow's demands"), or opening a sentence as its subject ("Washington
    /// along with its allies demanded ..."). `prev`: the piece before it in its sentence.
    fn capital_acts(&self, m: &Match, prev: Option<usize>) -> bool {
        let v = self.v;
        // The first part of a compound modifier is a place, never an actor: "the
        // Paris-based group", "a Moscow-backed leader" (the hyphenated word's token, whose
        // tag the pieces share, may be a verb).
        if v.hyphenated_after(m.b).is_some() {
            return false;
        }
        let next_verb = v.pieces.get(m.b).is_some_and(|p| {
            v.same_sentence(m.a, m.b)
                && (matches!(p.pos, Upos::Verb | Upos::Aux) || in_class(v, m.b, ACTOR_VERB))
        });
        let possessive = v.is(m.b, "'") && v.is(m.b + 1, "s");
        let actor_prep = prev.is_some_and(|p| in_class(v, p, ACTOR_PREP));
        // A capital opening its sentence is its government only before a lower-case word
        // ("Moscow on Monday rejected"); before punctuation it is a place ("Moscow, the
        // capital", a dateline's "MOSCOW (Reuters) -"), and before a capitalised word it
        // begins a longer name ("Lima Group ministers", "Paris Club creditors") or a title
        // ("Moscow Mayor ...").
        let subject = v.pieces[m.a].sent_start
            && v.pieces
                .get(m.b)
                .is_some_and(|p| p.alpha && !p.cap && v.same_sentence(m.a, m.b));
        next_verb || actor_prep || possessive || subject
    }
}

/// Second parts of a hyphenated modifier whose first part is not the actor (see
/// `supports_or_hosts`).
const BASED_OR_BACKED: &[&str] = &[
    "based",
    "born",
    "headquartered",
    "registered",
    "backed",
    "funded",
    "financed",
    "sponsored",
    "supported",
    "allied",
    "aligned",
    "leaning",
    "friendly",
];

/// Capitalised words after a city that keep it the place: a gathering held there ("the
/// Madrid Summit", "the Cannes Film Festival") or a part or kind of place ("Washington DC",
/// "New York State", "Gaza City").
const PLACE_CONTINUATIONS: &[&str] = &[
    "summit",
    "conference",
    "talks",
    "meeting",
    "meetings",
    "negotiations",
    "festival",
    "olympics",
    "games",
    "dc",
    "d.c.",
    "state",
    "province",
    "region",
    "county",
    "district",
    "city",
    "island",
    "islands",
    "valley",
    "airport",
    "port",
    "harbour",
    "harbor",
];

/// The country of a demonym's code, when the code is a country's (not a region's).
/// The match read as a US state ("Georgia" in a US context, "the state of Washington").
fn state_place(m: &Match, states: Vec<StateId>) -> Cand {
    Cand {
        a: m.a,
        b: m.b,
        what: What::Place {
            cities: Vec::new(),
            states,
            qualifier: None,
        },
    }
}

fn demonym_country(lex: &Lexicon, code: CodeId) -> Option<CountryId> {
    lex.country_id_by_code(lex.code(code))
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
                    let city = lex.city(c);
                    o.entries.len() == 1
                        && lex.country(city.country).iso3 == us
                        && city.population >= 100_000
                }
                _ => false,
            })
        })
}
