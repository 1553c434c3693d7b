//! Phase 5b: the actor dictionaries as a gazetteer. Names the Phoenix/sitrep actor tables list
//! ("Uhuru Kenyatta", "Islamic State", "Southern African Development Community") that no
//! earlier phase found whole become a person or organization mention; the code on the
//! article's date comes later from the same entry (`dictionary_codes`).
//!
//! Why: the tagger misses or splits many such names (a name without a title, a name it reads
//! as a common noun), and the dictionaries are reviewed evidence that the words name that
//! actor. Guards, because a dictionary phrase in lower case or inside another name is no
//! mention of it: every word of the match is capitalised as written (inner connectors "of",
//! "and", "the" aside) or the match is written in capitals as an acronym; the words around it
//! are no further capitalised name words (unless a title); a one-word name must be listed as
//! the surname beside a full name of its entry, or be an acronym, and never opens a sentence.
//! One pass of the lexicon's phrase automaton over the document's pieces.

use super::words::{in_class, is_name_connector, NAME_CONNECTOR, ORG_WORD};
use super::{Cand, Recognizer, What};
use crate::view::View;
use sitrep_doc::{NerTag, Upos};
use sitrep_lexicon::{ActorEntry, ActorKind};

impl Recognizer<'_> {
    /// A mention per capitalised actor-dictionary name that no candidate covers whole;
    /// candidates strictly inside it (a split name, a nationality word of an organization's
    /// name) give way to it.
    pub(super) fn find_listed_actors(&mut self, date: Option<chrono::NaiveDate>) {
        let v = self.v;
        let n = v.pieces.len();
        if n == 0 {
            return;
        }
        let dict = sitrep_lexicon::Lexicon::get();
        // A match counts only when written as a name (`written_as_name`): it lies inside a
        // run of pieces each capitalised, a connector or no word. The dictionary is looked
        // up run by run, over those runs that hold a capitalised word, not over the whole
        // text (most of an article is lower-case words).
        let in_run = |k: usize| {
            let p = &v.pieces[k];
            !p.alpha || p.cap || is_name_connector(v, k)
        };
        // The tables list some names with their article ("the islamic state"), which news
        // text often drops: a "the" is put before each capitalised word that opens a name
        // and has none, so such phrases match there too (`origin`: each token's piece).
        // About a third of an article's pieces lie in such runs.
        let mut tokens: Vec<&str> = Vec::with_capacity(n / 2);
        let mut origin: Vec<usize> = Vec::with_capacity(n / 2);
        let mut runs: Vec<(usize, usize)> = Vec::new();
        let mut i = 0;
        while i < n {
            if !in_run(i) {
                i += 1;
                continue;
            }
            let run = i;
            while i < n && in_run(i) {
                i += 1;
            }
            if !(run..i).any(|k| v.pieces[k].alpha && v.pieces[k].cap) {
                continue;
            }
            let first = tokens.len();
            for k in run..i {
                let p = &v.pieces[k];
                let opens = p.alpha
                    && p.cap
                    && (k == 0 || !(v.pieces[k - 1].cap && v.pieces[k - 1].alpha))
                    && !(k > 0 && v.is(k - 1, "the"));
                if opens {
                    tokens.push("the");
                    origin.push(k);
                }
                tokens.push(v.raw(k));
                origin.push(k);
            }
            runs.push((first, tokens.len()));
        }
        let spans = dict
            .find_actors_in_runs(&tokens, &runs, None)
            .into_iter()
            .map(|h| (origin[h.start], origin[h.end - 1] + 1));
        let mut last_end = 0;
        for (a, b) in spans {
            let mut a = a;
            if a < last_end || b > n || !v.same_sentence(a, b - 1) {
                continue;
            }
            if v.is(a, "the") {
                a += 1;
            }
            if a >= b || !self.written_as_name(a, b) || self.inside_longer_name(a, b) {
                continue;
            }
            // A title inside the phrase or an honorific opening it ("Mr Clinton", "President
            // Karzai") is the title phase's; a landform ("Indian Ocean") is no actor; a span
            // the names lexicon holds (a place, a country) was read there already; a name
            // ending in an adjective is a nationality word ("Puerto Rican"), not its actor.
            if (a..b).any(|k| self.in_title[k])
                || v.is_any(a, HONORIFICS)
                || v.is_any(b - 1, LANDFORMS)
                || self.match_starting(a).is_some_and(|m| m.b == b)
                || (v.pos_known && v.pieces[b - 1].pos == Upos::Adj)
            {
                continue;
            }
            let words: Vec<&str> = (a..b).map(|k| v.raw(k)).collect();
            let Some(entry) = dict.actor_entry(&words) else {
                continue;
            };
            let alpha = (a..b).filter(|&k| v.pieces[k].alpha).count();
            if alpha == 1 && !self.single_word_ok(a, b, &words, entry) {
                continue;
            }
            // Countries, territories ("USAPRI": Puerto Rico), their nationality words and
            // cities are the names lexicon's own; an entry with no code on the article's
            // date would make a mention that codes nothing.
            if entry.codes.iter().all(|c| self.place_code(c.code))
                || crate::code_in_force(entry, date).is_none()
            {
                continue;
            }
            // A candidate covering the match whole (or more) stands; smaller ones inside it
            // give way, unless a title or a group claimed them.
            if self
                .cands
                .iter()
                .any(|c| c.a < b && a < c.b && !(a <= c.a && c.b <= b && c.b - c.a < b - a))
            {
                continue;
            }
            if self.cands.iter().any(|c| {
                a <= c.a && c.b <= b && matches!(c.what, What::Nominal { .. } | What::Group { .. })
            }) {
                continue;
            }
            self.cands.retain(|c| !(a <= c.a && c.b <= b));
            let person = self.is_person(a, b, entry);
            super::mark(&mut self.taken, a, b);
            self.cands.push(Cand {
                a,
                b,
                what: if person {
                    What::Person {
                        title: None,
                        ner_only: false,
                    }
                } else {
                    What::NerOrg
                },
            });
            last_end = b;
        }
    }

    /// A country's code ("KEN") or a territory's (a country's followed by another country
    /// code: "USAPRI", "GBRGIB"): a place and its people, never one actor of them.
    fn place_code(&self, code: &str) -> bool {
        code.len() == 3
            || (code.len() == 6
                && self.lex.is_country_code(&code[..3])
                && self.lex.is_country_code(&code[3..]))
    }

    /// Every word capitalised as written (connectors inside aside), or the whole match in
    /// capitals (an acronym: "SADC", "ISIS").
    fn written_as_name(&self, a: usize, b: usize) -> bool {
        let v = self.v;
        if !v.pieces[a].cap || !v.pieces[b - 1].cap {
            return false;
        }
        (a..b).all(|k| {
            let p = &v.pieces[k];
            !p.alpha || p.cap || in_class(v, k, NAME_CONNECTOR)
        })
    }

    /// A capitalised word right before or after the match in its sentence makes it part of
    /// a longer name ("Kenyatta University", "New Islamic State Party"); a title before it,
    /// a nationality word before it ("the Kenyan Uhuru Kenyatta", "Syrian Kurdish YPG") and
    /// a sentence's first word do not count.
    fn inside_longer_name(&self, a: usize, b: usize) -> bool {
        let v = self.v;
        let name_word = |k: usize| {
            let p = &v.pieces[k];
            p.alpha && p.cap && !self.in_title[k]
        };
        let demonym_before = self.match_ending(a).is_some_and(|m| {
            m.entries
                .iter()
                .any(|e| matches!(e, crate::lexicon::Entry::Demonym(_)))
        });
        let before = a > 0
            && v.same_sentence(a - 1, a)
            && !v.pieces[a - 1].sent_start
            && !demonym_before
            && name_word(a - 1);
        let after = b < v.pieces.len() && v.same_sentence(a, b) && name_word(b);
        before || after
    }

    /// A one-word name: an acronym of two letters or more, or a surname the dictionary lists
    /// beside the full name ("Zelenskiy"), never a sentence's first word (an ordinary word
    /// there is capitalised too).
    fn single_word_ok(&self, a: usize, b: usize, words: &[&str], entry: &ActorEntry) -> bool {
        let v = self.v;
        let k = (a..b).find(|&k| v.pieces[k].alpha).unwrap_or(a);
        let raw = v.raw(k);
        let acronym = raw.chars().count() >= 2 && raw.chars().all(|c| !c.is_lowercase());
        if acronym {
            return true;
        }
        !v.pieces[k].sent_start
            && words.len() == 1
            && sitrep_lexicon::Lexicon::get()
                .surname_entry(words[0])
                .is_some_and(|e| e.rule == entry.rule)
    }

    /// A person or an organization: a word in capitals or an organization word makes an
    /// organization; the tagger's person label on every word, or a first name opening it,
    /// a person; else the entry decides (the tables date persons' offices, rarely an
    /// organization's, and list armed groups apart). The tagger's other labels are no
    /// evidence here: it is the split and mislabelled names this phase is for.
    fn is_person(&self, a: usize, b: usize, entry: &ActorEntry) -> bool {
        let v = self.v;
        // A multinational (CAMEO MNC) is a company, never a person.
        if (a..b).any(|k| org_word(v, k)) || entry.codes.iter().any(|c| c.code.starts_with("MNC")) {
            return false;
        }
        if (a..b).all(|k| matches!(v.pieces[k].ner, NerTag::BPer | NerTag::IPer)) {
            return true;
        }
        if self.lex.first_names.contains_key(v.raw(a)) {
            return true;
        }
        entry.kind != ActorKind::NonState
            && entry
                .codes
                .iter()
                .any(|c| c.from.is_some() || c.to.is_some())
    }
}

/// A word that makes a name an organization's: written in capitals ("ABN"), or an
/// organization noun ("Authority", "Bank", "Front").
fn org_word(v: &View, k: usize) -> bool {
    let raw = v.raw(k);
    (v.pieces[k].alpha && raw.chars().count() >= 2 && raw.chars().all(|c| !c.is_lowercase()))
        || in_class(v, k, ORG_WORD)
        || v.is_any(k, ORG_NOUNS)
}

/// Organization nouns beyond the recognizer's `ORG_WORD` class that the tables' names end in.
const ORG_NOUNS: &[&str] = &[
    "state",
    "front",
    "authority",
    "reserve",
    "agency",
    "yard",
    "army",
    "navy",
    "force",
    "guard",
    "brigade",
    "brigades",
    "movement",
    "community",
    "coalition",
    "alliance",
    "organisation",
    "organization",
    "airlines",
    "lines",
];

/// Words before a name that are the title phase's, never part of a listed name.
const HONORIFICS: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sir",
    "dame",
    "lord",
    "lady",
    "president",
    "pres",
    "prime",
    "premier",
    "minister",
    "king",
    "queen",
    "prince",
    "princess",
    "general",
    "gen",
    "sheikh",
    "ayatollah",
    "pope",
];

/// Last words of the name of a landform: a place, no actor ("Indian Ocean").
const LANDFORMS: &[&str] = &[
    "ocean",
    "sea",
    "gulf",
    "bay",
    "strait",
    "straits",
    "river",
    "lake",
    "mountains",
    "mountain",
    "peninsula",
    "desert",
    "island",
    "islands",
    "valley",
    "canal",
];
