//! Phase 3: person names, runs of capitalized words with evidence that they name a person
//! (a title before, after or in apposition, a known given name, a surname already seen,
//! the tagger's person label). Person names beat city names: "Sherman" the person, not
//! Sherman, Texas.

use super::words::{in_class, ACTOR_PREP, NOT_NAME, ORG_WORD, PARTICLES, PLACE_PREP};
use super::{mark, Cand, Recognizer, What};
use crate::lexicon::Entry;
use crate::normalize::translit_key;
use rustc_hash::{FxHashMap as FxMap, FxHashSet as FxSet};
use sitrep_doc::NerTag;

/// The title phrases a name can bind to, indexed for the name scan.
struct TitleIndex {
    /// Title by its end piece.
    ending: FxMap<usize, usize>,
    /// Title by its first piece and by the first piece of its nationality lead.
    starting: FxMap<usize, usize>,
    /// Per title: followed directly by a capitalized word, it binds forwards ("Home Office
    /// minister Hazel Blears"), so it cannot also bind to the words before it.
    forward: Vec<bool>,
}

/// Titles a name over `[a, b)` may bind to, by where they stand.
struct NearTitles {
    /// Right before the name, or before the comma in front of a full name ("Its
    /// spokesman, Hossein Karimi, said").
    before: Option<usize>,
    /// Right after the name ("Ned Price State Department spokesman").
    after: Option<usize>,
    /// After a comma following the name ("Wendy Sherman, the Deputy Secretary").
    apposition: Option<usize>,
}

impl Recognizer<'_> {
    /// Two passes over the pieces: names of two words or more first, so that their
    /// surnames are known when the second pass looks at lone words. A person claims its
    /// pieces and binds its title.
    pub(super) fn find_persons(&mut self) {
        let v = self.v;
        let n = v.pieces.len();
        let blocks = self.name_blockers();
        let index = self.title_index();
        let mut surnames: FxSet<String> = FxSet::default();
        let mut persons: Vec<(usize, usize, Option<usize>, bool)> = Vec::new();
        for pass in 0..2 {
            let mut i = 0;
            while i < n {
                if !self.name_piece(i, &blocks) {
                    i += 1;
                    continue;
                }
                let (a, b, words) = self.name_run(i, &blocks);
                let (a, words) = self.drop_weak_first_word(a, b, words, &index);
                i = b;
                if a >= b {
                    continue;
                }
                if pass == 0 && words < 2 {
                    continue;
                }
                // Only a lone word asks for its key in the second pass; longer names compute
                // it below, once they are kept.
                let known = pass == 1 && words == 1 && {
                    let key = translit_key(v.raw_range(a, b));
                    surnames.contains(&key)
                };
                let Some((title, ner_only)) = self.person_evidence(a, b, words, known, &index)
                else {
                    continue;
                };
                if let Some(t) = title {
                    self.titles[t].bound = true;
                }
                if words >= 2 {
                    // Every word after the given name can stand alone for the person ("Lula"
                    // for "Luiz Inacio Lula da Silva", "Ryabkov" for "Sergei Ryabkov").
                    let key = translit_key(v.raw_range(a, b));
                    for w in key.split(' ').skip(1).filter(|w| w.len() > 2) {
                        surnames.insert(w.to_string());
                    }
                }
                mark(&mut self.taken, a, b);
                persons.push((a, b, title, ner_only));
            }
        }
        for (a, b, title, ner_only) in persons {
            self.cands.push(Cand {
                a,
                b,
                what: What::Person { title, ner_only },
            });
        }
    }

    /// Pieces no name may use: titles and the words of country, nationality, organization,
    /// title and group matches.
    fn name_blockers(&self) -> Vec<bool> {
        let mut blk = self.in_title.clone();
        for m in self.matches {
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
                mark(&mut blk, m.a, m.b);
            }
        }
        blk
    }

    fn title_index(&self) -> TitleIndex {
        let v = self.v;
        let n = v.pieces.len();
        let forward = self
            .titles
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
        let ending = self
            .titles
            .iter()
            .enumerate()
            .map(|(k, t)| (t.b, k))
            .collect();
        let starting = self
            .titles
            .iter()
            .enumerate()
            .flat_map(|(k, t)| [(t.a, k), (t.lead.unwrap_or(t.a), k)])
            .collect();
        TitleIndex {
            ending,
            starting,
            forward,
        }
    }

    /// A capitalized word no rule has claimed and no class excludes from names.
    fn name_piece(&self, i: usize, blocks: &[bool]) -> bool {
        let v = self.v;
        let p = &v.pieces[i];
        p.alpha && p.cap && !blocks[i] && !self.taken[i] && !in_class(v, i, NOT_NAME | ORG_WORD)
    }

    /// The run of name words from piece `i`: `(a, b, words)` over pieces `[a, b)`. Adjacent
    /// name words join, and so do a hyphen or an apostrophe inside a word ("Kilroy-Silk",
    /// "O'Brien"), an initial's period ("George W. Bush") and lower-case particles ("Osama
    /// bin Laden", "Ursula von der Leyen").
    fn name_run(&self, i: usize, blocks: &[bool]) -> (usize, usize, usize) {
        let v = self.v;
        let n = v.pieces.len();
        let a = i;
        let mut b = i + 1;
        let mut words = 1;
        loop {
            if b < n
                && self.name_piece(b, blocks)
                && v.same_sentence(a, b)
                && v.pieces[b - 1].end < v.pieces[b].start
            {
                b += 1;
                words += 1;
            } else if b + 1 < n
                && (v.is_any(b, &["-", "'"]) && v.pieces[b - 1].end == v.pieces[b].start
                    || v.is(b, ".") && v.raw(b - 1).chars().count() == 1
                    || v.is_any(b, PARTICLES) && !v.pieces[b].cap)
                && self.name_piece(b + 1, blocks)
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
        (a, b, words)
    }

    /// Sentence-initial capitals are weak evidence: a run opening a sentence drops a first
    /// word that is not a known given name unless the tagger calls it a person, a title
    /// ends right before it, or the run is a quote's signature line (two words followed by
    /// their title: "Omid Rahimi Spokesman of the Foreign Ministry"). Returns the new
    /// `(a, words)`.
    fn drop_weak_first_word(
        &self,
        a: usize,
        b: usize,
        words: usize,
        index: &TitleIndex,
    ) -> (usize, usize) {
        let v = self.v;
        let first_is_name = |k: usize| {
            self.lex.first_names.contains_key(v.raw(k))
                || matches!(v.pieces[k].ner, NerTag::BPer | NerTag::IPer)
        };
        let signature = words == 2
            && index
                .starting
                .get(&b)
                .is_some_and(|&k| !index.forward[k] && !self.titles[k].bound);
        if !(v.pieces[a].sent_start
            && words >= 2
            && !first_is_name(a)
            && !index.ending.contains_key(&a)
            && !signature)
        {
            return (a, words);
        }
        let mut a = a + 1;
        while a < b && !v.pieces[a].alpha {
            a += 1;
        }
        (a, words - 1)
    }

    /// Whether the run `[a, b)` names a person, and if so its title and whether the tagger's
    /// label was the only evidence. `known`: a lone word that is the surname of a full name
    /// seen before.
    fn person_evidence(
        &self,
        a: usize,
        b: usize,
        words: usize,
        known: bool,
        index: &TitleIndex,
    ) -> Option<(Option<usize>, bool)> {
        let v = self.v;
        let near = self.near_titles(a, b, words, index);
        let given = self.lex.first_names.contains_key(v.raw(a)) && words >= 2;
        let ner_per = self.tagger_person(a, b, words);
        // One capitalized word the tagger does not call a proper noun ("Later") is no name.
        if words == 1 && !v.proper(a) && !known {
            return None;
        }
        // Nor is a lone capital letter, even after a title ("Gen Z protesters").
        if words == 1 && v.raw_range(a, b).chars().count() < 2 {
            return None;
        }
        let by_title = near.before.is_some()
            || (near.after.is_some() && words >= 2)
            || near.apposition.is_some();
        // "Macron said ...": a lone word the actor dictionaries list as a person's surname
        // on its own, as the subject of a verb (the tagger rarely calls a lone word at a
        // sentence start a person).
        let listed = words == 1
            && v.pieces.get(b).is_some_and(|p| {
                matches!(p.pos, sitrep_doc::Upos::Verb | sitrep_doc::Upos::Aux)
                    && v.same_sentence(a, b)
            })
            && sitrep_lexicon::Lexicon::get()
                .surname_entry(v.raw(a))
                .is_some();
        if !(by_title || ner_per || given || known || listed) {
            return None;
        }
        let ner_only = ner_per
            && !(near.before.is_some()
                || near.after.is_some()
                || near.apposition.is_some()
                || given
                || known
                || listed);
        Some((near.before.or(near.after).or(near.apposition), ner_only))
    }

    /// The unbound titles in the same sentence a run `[a, b)` of `words` words may bind to.
    fn near_titles(&self, a: usize, b: usize, words: usize, index: &TitleIndex) -> NearTitles {
        let v = self.v;
        let titles = &self.titles;
        // "Its spokesman, Hossein Karimi, said": a title, a comma, then a full name.
        let before = index
            .ending
            .get(&a)
            .copied()
            .or_else(|| {
                (words >= 2 && a > 0 && v.is(a - 1, ","))
                    .then(|| {
                        index
                            .ending
                            .get(&(a - 1))
                            .or_else(|| {
                                let prep = self.office_place_start(a - 1)?;
                                // The name must read as a person's by itself: the
                                // tagger's label or a known given name.
                                (matches!(v.pieces[a].ner, NerTag::BPer)
                                    || self.lex.first_names.contains_key(v.raw(a)))
                                .then(|| index.ending.get(&prep))
                                .flatten()
                            })
                            .copied()
                    })
                    .flatten()
            })
            .filter(|&k| !titles[k].bound && v.same_sentence(titles[k].a, a));
        let after =
            index.starting.get(&b).copied().filter(|&k| {
                !titles[k].bound && v.same_sentence(titles[k].a, a) && !index.forward[k]
            });
        let apposition = if v.is(b, ",") {
            let k = if v.is_any(b + 1, &["the", "a"]) {
                b + 2
            } else {
                b + 1
            };
            // "in Paris, President Kirchner discussed": a title that binds forwards names
            // the person after it, not the word before the comma.
            index.starting.get(&k).copied().filter(|&t| {
                !titles[t].bound && v.same_sentence(titles[t].a, a) && !index.forward[t]
            })
        } else {
            None
        };
        NearTitles {
            before,
            after,
            apposition,
        }
    }

    /// "the WHO representative to Mali, Jean Dupont": where the office is held, between a
    /// title and the comma before a name in apposition. Given the comma at `comma`, the
    /// piece where the title would end: the preposition of "to/in/for/at [the] PLACE" right
    /// before it, PLACE one dictionary match (a country, city or organization: not "on
    /// Wednesday").
    fn office_place_start(&self, comma: usize) -> Option<usize> {
        let v = self.v;
        let m = self.match_ending(comma)?;
        let mut j = m.a;
        if j > 0 && v.is(j - 1, "the") {
            j -= 1;
        }
        if j > 0 && v.is_any(j - 1, &["to", "in", "for", "at"]) {
            Some(j - 1)
        } else {
            None
        }
    }

    /// The tagger's person label counts on a proper noun, and at the start of a sentence
    /// only for two words or more ("Shares fell" is no person). A gazetteer place after a
    /// place preposition ("from Kiev") is a place even if the tagger calls it a person.
    fn tagger_person(&self, a: usize, b: usize, words: usize) -> bool {
        let v = self.v;
        let lex = self.lex;
        let ner_per = matches!(v.pieces[a].ner, NerTag::BPer | NerTag::IPer)
            && v.proper(a)
            && (words >= 2 || !v.pieces[a].sent_start);
        let gazetteer_place = self.match_starting(a).is_some_and(|m| {
            m.b == b
                && m.entries.iter().any(|e| match *e {
                    Entry::City(c) => lex.city(c).capital || lex.city(c).population >= 100_000,
                    Entry::State(_) => true,
                    _ => false,
                })
        });
        let after_prep = a > 0 && in_class(v, a - 1, PLACE_PREP | ACTOR_PREP);
        let place_word = words == 1
            && (gazetteer_place
                || after_prep
                    && self.match_starting(a).is_some_and(|m| {
                        m.b == b && m.entries.iter().any(|e| matches!(e, Entry::City(_)))
                    }));
        ner_per && !place_word
    }
}
