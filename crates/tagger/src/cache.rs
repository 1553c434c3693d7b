//! A cache of everything the tagger derives from a word alone, kept across sentences and
//! documents (one per thread, in [`crate::Scratch`]).
//!
//! News text repeats its words: a few thousand types make up most tokens. For each type the
//! cache keeps the token analysis ([`TokenInfo`]), the tag-dictionary entry, the summed NER
//! weights of the features that depend on that word only (as the token itself and as each of
//! its four neighbours) and the lemmas already made. A cached value is exactly what the uncached
//! path computes (integer sums, the same feature sets), so results never depend on the cache's
//! state; entries are tied to the weights of one tagger (`owner`), and the cache is emptied when
//! it reaches [`MAX_ENTRIES`], which bounds its memory.

use crate::features::{
    analyze, ner_first_word, ner_label_prev_features, ner_label_word_features,
    ner_neighbour_features, ner_word_features, pos_neighbour_features, pos_word_features,
    Neighbour, TokenInfo, NO_TAG,
};
use crate::lemma::FxMap;
use crate::perceptron::{PaddedWeights, Weights};
use sitrep_doc::Upos;

/// Lanes of a cached partial score: the NER model's classes, padded (at most 8 classes).
pub const LANES: usize = 8;

/// Partial scores: the word as the token, then as neighbour `Neighbour::ALL[k]` (index k + 1).
pub type Partials = [[i32; LANES]; 5];

/// Most POS classes a cache entry holds (UD has 17).
pub const POS_LANES: usize = 24;

/// Partial POS scores, by role like [`Partials`].
pub type PosPartials = [[i32; POS_LANES]; 5];

/// Partial label scores by previous label (index: the label's class, or the class count for
/// "no previous label").
pub type LabelPartials = [[i32; LANES]; LANES + 1];

/// The partial scores that add up to the word-only part of token `k`'s score: (index in
/// [`Partials`] / [`PosPartials`], position of the word whose partial it is) — the token's own
/// partial, then each neighbour's partial for its position.
pub fn window(k: isize) -> [(usize, isize); 5] {
    let mut parts = [(0, k); 5];
    for (r, role) in Neighbour::ALL.into_iter().enumerate() {
        parts[r + 1] = (r + 1, k + role.offset());
    }
    parts
}

/// Word types kept before the cache evicts (~1.4 KB each: at most ~23 MB per thread).
pub const MAX_ENTRIES: usize = 1 << 14;

#[derive(Debug, Clone, Default)]
pub struct WordEntry {
    pub info: TokenInfo,
    /// The tag dictionary's class for the word, if it has one.
    pub tagdict: Option<u8>,
    pub ner: Partials,
    pub pos: PosPartials,
    /// Label features of the word as the token (`ner_label_word_features`).
    pub label_word: LabelPartials,
    /// Label features of the word as the previous token (`ner_label_prev_features`).
    pub label_prev: LabelPartials,
    /// The sentence-position feature (`ner_first_word`): elsewhere, then first in a sentence.
    pub first: [[i32; LANES]; 2],
    /// Lemmas made so far, by UPOS.
    pub lemmas: Vec<(Upos, Box<str>)>,
}

#[derive(Debug, Default)]
pub struct WordCache {
    /// Id of the tagger whose weights the partial scores come from (0: none yet).
    owner: u64,
    index: FxMap<Box<str>, u32>,
    /// How often each entry was found again since it was made or last kept.
    hits: Vec<u32>,
    entries: Vec<WordEntry>,
}

/// The partial scores of one analysed token (or padding position).
pub fn partials(ner: &PaddedWeights, info: &TokenInfo) -> Partials {
    let mut out = [[0; LANES]; 5];
    ner.score(&ner_word_features(info), &mut out[0]);
    for (k, role) in Neighbour::ALL.into_iter().enumerate() {
        ner.score(
            ner_neighbour_features(info, role).as_slice(),
            &mut out[k + 1],
        );
    }
    out
}

impl WordCache {
    /// Forgets everything unless the entries belong to tagger `owner`.
    pub fn bind(&mut self, owner: u64) {
        if self.owner != owner {
            self.clear();
            self.owner = owner;
            // Reserved whole once: growing by doubling would copy megabytes of entries into
            // freshly faulted pages several times.
            self.entries.reserve_exact(MAX_ENTRIES);
            self.index.reserve(MAX_ENTRIES);
        }
    }

    /// Makes room for `n` new words: evicts if they might not fit. Called before a sentence,
    /// so that the slots of one sentence stay valid together.
    pub fn make_room(&mut self, n: usize) {
        if self.entries.len() + n > MAX_ENTRIES {
            self.evict();
        }
    }

    fn clear(&mut self) {
        self.index.clear();
        self.entries.clear();
        self.hits.clear();
    }

    /// Keeps the words found again most often since the last eviction, up to half the
    /// capacity, and forgets the rest: frequent words stay cached for the whole run instead
    /// of being rebuilt after every fill (emptying the cache doubled the misses on the speed
    /// corpus). Slots change, so this runs only between sentences.
    fn evict(&mut self) {
        let keep_at_most = MAX_ENTRIES / 2;
        // The least hit count kept: the `keep_at_most`-th largest, and at least one hit.
        let mut counts = self.hits.clone();
        let cutoff = if counts.len() > keep_at_most {
            let (_, nth, _) = counts.select_nth_unstable_by(keep_at_most - 1, |a, b| b.cmp(a));
            (*nth).max(1)
        } else {
            1
        };
        let mut new_slot = vec![u32::MAX; self.entries.len()];
        let mut kept = 0;
        for (slot, &hits) in self.hits.iter().enumerate() {
            if hits >= cutoff && kept < keep_at_most {
                new_slot[slot] = kept as u32;
                kept += 1;
            }
        }
        let mut slot = 0;
        self.entries.retain(|_| {
            slot += 1;
            new_slot[slot - 1] != u32::MAX
        });
        self.index.retain(|_, at| {
            *at = new_slot[*at as usize];
            *at != u32::MAX
        });
        // Kept words start counting again, so that words that stop coming make way later.
        self.hits.clear();
        self.hits.resize(kept, 0);
    }

    /// The entry of `word`, made with `make` when it is not cached yet.
    pub fn slot(&mut self, word: &str, make: impl FnOnce(&str) -> WordEntry) -> u32 {
        if let Some(&at) = self.index.get(word) {
            let hits = &mut self.hits[at as usize];
            *hits = hits.saturating_add(1);
            return at;
        }
        let at = self.entries.len() as u32;
        self.entries.push(make(word));
        self.hits.push(0);
        self.index.insert(word.into(), at);
        at
    }

    pub fn entry(&self, slot: u32) -> &WordEntry {
        &self.entries[slot as usize]
    }

    pub fn entry_mut(&mut self, slot: u32) -> &mut WordEntry {
        &mut self.entries[slot as usize]
    }
}

/// The POS partial scores of one analysed token (or padding position).
pub fn pos_partials(pos: &Weights, info: &TokenInfo) -> PosPartials {
    let mut out = [[0; POS_LANES]; 5];
    pos.score(&pos_word_features(info), &mut out[0][..pos.nclasses]);
    for (k, role) in Neighbour::ALL.into_iter().enumerate() {
        pos.score(
            pos_neighbour_features(info, role).as_slice(),
            &mut out[k + 1][..pos.nclasses],
        );
    }
    out
}

/// Label partial scores of `info` for every previous label.
pub fn label_partials<const K: usize>(
    ner: &PaddedWeights,
    info: &TokenInfo,
    feats: fn(&TokenInfo, u8) -> [u32; K],
) -> LabelPartials {
    let c = ner.nclasses;
    let mut out = [[0; LANES]; LANES + 1];
    for (l1, row) in out.iter_mut().enumerate().take(c + 1) {
        let label = if l1 == c { NO_TAG } else { l1 as u8 };
        ner.score(&feats(info, label), row);
    }
    out
}

/// A new entry for `word`.
pub fn make_entry(
    word: &str,
    lower: &mut String,
    ner: &PaddedWeights,
    pos: &Weights,
    tagdict: &FxMap<Box<str>, u8>,
) -> WordEntry {
    let info = analyze(word, lower);
    WordEntry {
        info,
        tagdict: tagdict.get(word).copied(),
        ner: partials(ner, &info),
        pos: pos_partials(pos, &info),
        label_word: label_partials(ner, &info, ner_label_word_features),
        label_prev: label_partials(ner, &info, ner_label_prev_features),
        first: [false, true].map(|first| {
            let mut row = [0; LANES];
            ner.score(&ner_first_word(first, info.short_shape), &mut row);
            row
        }),
        lemmas: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(tag: u8) -> WordEntry {
        WordEntry {
            tagdict: Some(tag),
            ..WordEntry::default()
        }
    }

    #[test]
    fn eviction_keeps_the_words_found_again_most_with_their_entries() {
        let mut cache = WordCache::default();
        cache.bind(7);
        // Two words come back often, the rest once.
        let mut n = 0u32;
        while cache.entries.len() < MAX_ENTRIES - 1 {
            for frequent in ["the", "said"] {
                let tag = if frequent == "the" { 1 } else { 2 };
                cache.slot(frequent, |_| entry(tag));
            }
            let word = format!("w{n}");
            cache.slot(&word, |_| entry(3));
            n += 1;
        }
        cache.make_room(10);
        assert!(cache.entries.len() <= MAX_ENTRIES / 2);
        assert_eq!(cache.entries.len(), cache.index.len());
        assert_eq!(cache.entries.len(), cache.hits.len());
        // The frequent words kept their own entries under their new slots.
        for (word, tag) in [("the", 1), ("said", 2)] {
            let slot = *cache.index.get(word).expect("kept");
            assert_eq!(cache.entry(slot).tagdict, Some(tag), "{word}");
        }
        // Every kept slot is unique and in range; a forgotten word is made anew.
        let mut slots: Vec<u32> = cache.index.values().copied().collect();
        slots.sort_unstable();
        slots.dedup();
        assert_eq!(slots.len(), cache.entries.len());
        assert!(slots.iter().all(|&s| (s as usize) < cache.entries.len()));
        let mut made = false;
        cache.slot("w1", |_| {
            made = true;
            entry(3)
        });
        assert!(made);
    }
}
