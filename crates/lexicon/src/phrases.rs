//! A set of word sequences matched over normalised tokens with one Aho-Corasick automaton.
//!
//! Each distinct dictionary word gets an id; a phrase is the concatenation of its words'
//! 4-byte codes (a 0xFF marker then three base-255 digits), so a match can only start and
//! end on a word boundary. Leftmost-longest search then finds, left to right, the longest
//! listed phrase at each position in one pass over the sentence.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use rustc_hash::FxHashMap;

/// A word no phrase contains.
const UNKNOWN: u32 = 0;

pub struct PhraseSet {
    vocab: FxHashMap<&'static str, u32>,
    ac: Option<AhoCorasick>,
    /// Pattern index -> payload index (what the phrase stands for).
    payload: Vec<u32>,
    /// Phrase (space-joined words) -> payload index, for whole-phrase lookups.
    exact: FxHashMap<&'static str, u32>,
}

/// One phrase found: words `start..end` (indices into the normalised words).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub payload: u32,
}

fn encode(id: u32, out: &mut Vec<u8>) {
    out.push(0xFF);
    let mut digits = [0u8; 3];
    let mut v = id;
    for d in digits.iter_mut().rev() {
        *d = (v % 255) as u8;
        v /= 255;
    }
    out.extend_from_slice(&digits);
}

impl PhraseSet {
    /// `phrases`: (space-joined normalised words, payload). A phrase listed twice keeps its
    /// first payload (the dictionaries list the more specific entry first).
    pub fn build(phrases: impl IntoIterator<Item = (&'static str, u32)>) -> PhraseSet {
        let mut vocab: FxHashMap<&'static str, u32> = FxHashMap::default();
        let mut exact: FxHashMap<&'static str, u32> = FxHashMap::default();
        let mut pats: Vec<Vec<u8>> = Vec::new();
        let mut payload = Vec::new();
        for (phrase, p) in phrases {
            if phrase.is_empty() || exact.contains_key(phrase) {
                continue;
            }
            exact.insert(phrase, p);
            let mut bytes = Vec::with_capacity(phrase.len());
            for w in phrase.split(' ') {
                let next = vocab.len() as u32 + 1;
                let id = *vocab.entry(w).or_insert(next);
                encode(id, &mut bytes);
            }
            pats.push(bytes);
            payload.push(p);
        }
        let ac = if pats.is_empty() {
            None
        } else {
            Some(
                AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostLongest)
                    .kind(Some(AhoCorasickKind::ContiguousNFA))
                    .build(&pats)
                    .expect("dictionary automaton within size limits"),
            )
        };
        PhraseSet {
            vocab,
            ac,
            payload,
            exact,
        }
    }

    pub fn len(&self) -> usize {
        self.payload.len()
    }

    pub fn is_empty(&self) -> bool {
        self.payload.is_empty()
    }

    /// The payload of exactly this phrase (normalised words).
    pub fn exact<S: AsRef<str>>(&self, words: &[S]) -> Option<u32> {
        let mut key = String::new();
        for (i, w) in words.iter().enumerate() {
            if i > 0 {
                key.push(' ');
            }
            key.push_str(w.as_ref());
        }
        self.exact.get(key.as_str()).copied()
    }

    /// Every listed phrase in `words`, left to right, longest at each start, not overlapping.
    pub fn find<S: AsRef<str>>(&self, words: &[S]) -> Vec<Hit> {
        let Some(ac) = &self.ac else {
            return Vec::new();
        };
        let mut hay = Vec::with_capacity(words.len() * 4);
        for w in words {
            encode(
                self.vocab.get(w.as_ref()).copied().unwrap_or(UNKNOWN),
                &mut hay,
            );
        }
        ac.find_iter(&hay)
            .map(|m| Hit {
                start: m.start() / 4,
                end: m.end() / 4,
                payload: self.payload[m.pattern().as_usize()],
            })
            .collect()
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
}
