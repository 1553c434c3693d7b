//! A set of word sequences matched over normalised tokens, word by word.
//!
//! Each phrase is stored whole (its space-joined words) with its payload, each first word
//! with the lengths (in words) of the phrases it starts, and each first pair of words with
//! the lengths of the longer phrases it starts. A scan asks, at each word, only for the
//! lengths listed under that word and the pair it opens, longest first, so a match can only
//! start and end on a word boundary, most words cost one hash lookup, and a word that opens
//! phrases of many lengths ("the") is tried whole only at the lengths its pair opens. This gives the same
//! leftmost-longest, non-overlapping matches as an Aho-Corasick automaton over the words,
//! at a small part of its build time (the tables are built at every process start).

use rustc_hash::FxHashMap;

/// The phrase lengths a first word starts: bit `n - 1` set for a phrase of `n` words
/// (bit 63 for 64 words or more).
type Lengths = u64;

pub struct PhraseSet {
    /// First word -> the lengths of the phrases it starts.
    starts: FxHashMap<&'static str, Lengths>,
    /// First two words (space-joined) -> the lengths (two words or more) of the phrases
    /// they start.
    pairs: FxHashMap<&'static str, Lengths>,
    /// Phrase (space-joined words) -> payload index, for scans and whole-phrase lookups.
    exact: FxHashMap<&'static str, u32>,
    /// Phrases of 64 words or more, by length (none in the dictionaries today; kept exact).
    long: Vec<usize>,
}

/// One phrase found: words `start..end` (indices into the normalised words).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub payload: u32,
}

fn length_bit(n: usize) -> Lengths {
    1 << (n.min(64) - 1)
}

impl PhraseSet {
    /// `phrases`: (space-joined normalised words, payload). A phrase listed twice keeps its
    /// first payload (the dictionaries list the more specific entry first).
    pub fn build(phrases: impl IntoIterator<Item = (&'static str, u32)>) -> PhraseSet {
        let mut starts: FxHashMap<&'static str, Lengths> = FxHashMap::default();
        let mut exact: FxHashMap<&'static str, u32> = FxHashMap::default();
        let mut pairs: FxHashMap<&'static str, Lengths> = FxHashMap::default();
        let mut long = Vec::new();
        for (phrase, p) in phrases {
            if phrase.is_empty() || exact.contains_key(phrase) {
                continue;
            }
            exact.insert(phrase, p);
            let n = phrase.split(' ').count();
            let first = phrase.split(' ').next().unwrap_or(phrase);
            *starts.entry(first).or_default() |= length_bit(n);
            if n >= 2 {
                let pair_end = phrase
                    .match_indices(' ')
                    .nth(1)
                    .map_or(phrase.len(), |(k, _)| k);
                *pairs.entry(&phrase[..pair_end]).or_default() |= length_bit(n);
            }
            if n >= 64 && !long.contains(&n) {
                long.push(n);
            }
        }
        PhraseSet {
            starts,
            pairs,
            exact,
            long,
        }
    }

    pub fn len(&self) -> usize {
        self.exact.len()
    }

    pub fn is_empty(&self) -> bool {
        self.exact.is_empty()
    }

    /// The payload of exactly this phrase (normalised words).
    pub fn exact<S: AsRef<str>>(&self, words: &[S]) -> Option<u32> {
        let mut key = String::new();
        join(words, &mut key);
        self.exact.get(key.as_str()).copied()
    }

    /// Every listed phrase in `words`, left to right, longest at each start, not overlapping.
    pub fn find<S: AsRef<str>>(&self, words: &[S]) -> Vec<Hit> {
        let mut hits = Vec::new();
        self.find_into(words, &mut String::new(), &mut hits);
        hits
    }

    /// `find`, appending to `hits` and reusing `key` as the lookup buffer: for callers that
    /// scan many short word runs (one allocation per document instead of one per run).
    pub fn find_into<S: AsRef<str>>(&self, words: &[S], key: &mut String, hits: &mut Vec<Hit>) {
        let mut i = 0;
        while i < words.len() {
            match self.longest_at(words, i, key) {
                Some(hit) => {
                    i = hit.end;
                    hits.push(hit);
                }
                None => i += 1,
            }
        }
    }

    /// The longest listed phrase starting at word `i`.
    fn longest_at<S: AsRef<str>>(&self, words: &[S], i: usize, key: &mut String) -> Option<Hit> {
        let mut lengths = *self.starts.get(words[i].as_ref())?;
        let left = words.len() - i;
        // Lengths of two words or more only as far as the first two words open them.
        if lengths & !length_bit(1) != 0 {
            let multi = if left >= 2 {
                key.clear();
                join(&words[i..i + 2], key);
                self.pairs.get(key.as_str()).copied().unwrap_or(0)
            } else {
                0
            };
            lengths = (lengths & length_bit(1)) | multi;
            if lengths == 0 {
                return None;
            }
        }
        // The longest length to try: any, when the word starts a phrase of 64 words or more.
        let top = if lengths & length_bit(64) != 0 {
            left
        } else {
            left.min(64 - lengths.leading_zeros() as usize)
        };
        for n in (1..=top).rev() {
            let listed = if n >= 64 {
                self.long.contains(&n)
            } else {
                lengths & length_bit(n) != 0
            };
            if !listed {
                continue;
            }
            key.clear();
            join(&words[i..i + n], key);
            if let Some(&payload) = self.exact.get(key.as_str()) {
                return Some(Hit {
                    start: i,
                    end: i + n,
                    payload,
                });
            }
        }
        None
    }
}

/// Words joined by single spaces (the form the phrases are stored in).
fn join<S: AsRef<str>>(words: &[S], out: &mut String) {
    for (k, w) in words.iter().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(w.as_ref());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_phrase_wins_and_matches_stay_on_word_boundaries() {
        let set = PhraseSet::build([("united nations", 1), ("united", 2), ("nations", 3)]);
        let hits = set.find(&["the", "united", "nations", "and", "nations"]);
        assert_eq!(
            hits,
            vec![
                Hit {
                    start: 1,
                    end: 3,
                    payload: 1
                },
                Hit {
                    start: 4,
                    end: 5,
                    payload: 3
                }
            ]
        );
        assert_eq!(set.exact(&["united", "nations"]), Some(1));
        assert_eq!(set.exact(&["united", "states"]), None);
    }

    #[test]
    fn many_words_encode_distinctly() {
        // ids past 255 and 255^2 use every digit; none may produce the 0xFF marker.
        let words: Vec<String> = (0..70_000).map(|i| format!("w{i}")).collect();
        let leaked: Vec<&'static str> = words
            .iter()
            .map(|w| &*Box::leak(w.clone().into_boxed_str()))
            .collect();
        let set = PhraseSet::build(leaked.iter().enumerate().map(|(i, w)| (*w, i as u32)));
        let hits = set.find(&["w65535", "w254", "w255"]);
        assert_eq!(
            hits.iter().map(|h| h.payload).collect::<Vec<_>>(),
            vec![65535, 254, 255]
        );
    }

    proptest::proptest! {
        /// The scan finds what a brute-force leftmost-longest search over every listed
        /// phrase finds.
        #[test]
        fn scan_equals_brute_force(
            list in proptest::collection::vec(proptest::collection::vec(0usize..4, 1..4), 0..12),
            text in proptest::collection::vec(0usize..5, 0..20),
        ) {
            const WORDS: [&str; 5] = ["a", "b", "c", "d", "e"];
            let phrases: Vec<&'static str> = list
                .iter()
                .map(|p| {
                    let s = p.iter().map(|&w| WORDS[w]).collect::<Vec<_>>().join(" ");
                    &*Box::leak(s.into_boxed_str())
                })
                .collect();
            let set = PhraseSet::build(phrases.iter().enumerate().map(|(i, p)| (*p, i as u32)));
            let words: Vec<&str> = text.iter().map(|&w| WORDS[w]).collect();
            let mut want = Vec::new();
            let mut i = 0;
            while i < words.len() {
                let best = phrases
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| {
                        let n = p.split(' ').count();
                        i + n <= words.len() && words[i..i + n].join(" ") == **p
                    })
                    .max_by_key(|(k, p)| (p.split(' ').count(), std::cmp::Reverse(*k)));
                match best {
                    Some((k, p)) => {
                        let end = i + p.split(' ').count();
                        want.push(Hit { start: i, end, payload: k as u32 });
                        i = end;
                    }
                    None => i += 1,
                }
            }
            proptest::prop_assert_eq!(set.find(&words), want);
        }
    }
}
