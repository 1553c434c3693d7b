//! The runtime tagger: greedy left-to-right UPOS tagging, lemmas, then IOB2 NER (beam search
//! or greedy) with only valid transitions allowed.

use crate::cache::{
    make_entry, partials, pos_partials, window, Partials, PosPartials, WordCache, LANES, POS_LANES,
};
use crate::features::{
    analyze_sentence, case_class, ner_aux, ner_context_hashed, ner_features,
    ner_label_pair_features, ner_label_token_features, ner_static_features, pos_context_features,
    pos_features, pos_tag_features, pos_token_features, ContextValues, NerAux, TokenInfo, END,
    NO_TAG, START,
};
use crate::features::{flag, PAD};
use crate::gazetteer::Gazetteer;
use crate::iob::{ent_type, is_inside, tag_str, valid_transition, NER_TAGS};
use crate::lemma::{FxMap, Lemmatizer};
use crate::model::{ModelFile, KIND_NER, KIND_POS};
use crate::perceptron::{argmax_i32, PaddedWeights, Weights};
use crate::prefetch::prefetch;
use crate::tables::{ContextTables, LabelTables};
use crate::TaggerError;
use sitrep_doc::{NerTag, Upos};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};

/// File names of a model directory.
pub const POS_FILE: &str = "pos.bin";
pub const NER_FILE: &str = "ner.bin";
pub const LEMMA_EXCEPTIONS_FILE: &str = "lemma_exceptions.tsv";
pub const LEMMA_RULES_FILE: &str = "lemma_rules.tsv";

static EMBEDDED_POS: &[u8] = include_bytes!("../model/pos.bin");
static EMBEDDED_NER: &[u8] = include_bytes!("../model/ner.bin");
static EMBEDDED_LEMMA_EXCEPTIONS: &str = include_str!("../model/lemma_exceptions.tsv");
static EMBEDDED_LEMMA_RULES: &str = include_str!("../model/lemma_rules.tsv");

/// A loaded POS + lemma + NER model.
#[derive(Debug, Clone)]
pub struct Tagger {
    pos: Weights,
    pos_labels: Vec<Upos>,
    tagdict: FxMap<Box<str>, u8>,
    ner: PaddedWeights,
    ner_labels: Vec<NerTag>,
    lemmas: Lemmatizer,
    gazetteer: Gazetteer,
    /// NER beam width (1 = greedy).
    beam: usize,
    /// Scores of the label-pair-only NER features (`ner_label_pair_features`), tabulated once:
    /// row `(pair_index(l1) * (c + 1) + pair_index(l2)) * c`, `c` = NER classes.
    ner_pair: Vec<i32>,
    /// Scores of the tag-pair-only POS features (`pos_tag_features`), laid out like `ner_pair`.
    pos_pair: Vec<i32>,
    /// The NER classes that may follow a previous label, as bit masks (bit `k` for class
    /// `k`), one per previous label (`pair_index`).
    ner_valid_mask: Vec<u32>,
    /// `ner_pair` with rows padded to [`LANES`] (used when the NER model has at most that
    /// many classes).
    ner_pair_lanes: Vec<[i32; LANES]>,
    /// Identifies the weights, for the word caches of [`Scratch`] (clones share it).
    id: u64,
    /// What scoring through the word cache needs (`None` when a cache entry cannot hold the
    /// models' classes: words are then not cached).
    word_scoring: Option<WordScoring>,
}

/// The tables that scoring through the word cache reads besides the cache itself.
#[derive(Debug, Clone)]
struct WordScoring {
    /// NER partial scores of the padding before and after a sentence.
    ner_pads: (Partials, Partials),
    /// POS partial scores of the padding, likewise.
    pos_pads: (PosPartials, PosPartials),
    /// Label scores of `ner_label_class_features`, and of the padding as the previous word.
    labels: LabelTables,
    /// Scores of the context features of few values.
    context: ContextTables,
}

/// Source of [`Tagger::id`].
static NEXT_TAGGER_ID: AtomicU64 = AtomicU64::new(1);

/// Default NER beam width.
pub const DEFAULT_BEAM: usize = 4;

/// Widest beam searched with stack arrays (`Tagger::ner_beam_small`).
const SMALL_BEAM: usize = 8;

/// A partial NER labelling in the beam.
#[derive(Debug, Clone, Copy)]
struct Hyp {
    score: i64,
    l1: u8,
    l2: u8,
    /// Index of this hypothesis' last label in `Scratch::hist`.
    hist: u32,
}

/// Reusable buffers for tagging one sentence after another without allocating.
#[derive(Debug, Default)]
pub struct Scratch {
    ctx: Vec<TokenInfo>,
    lower: String,
    feats: Vec<u32>,
    scores: Vec<i32>,
    aux: Vec<NerAux>,
    gaz: Vec<u8>,
    label_feats: Vec<u32>,
    label_scores: Vec<i32>,
    beam: Vec<Hyp>,
    next: Vec<Hyp>,
    /// Candidate extensions: (score, hypothesis, label, the hypothesis' last label).
    cands: Vec<(i64, u32, u8, u8)>,
    /// Back-pointer arena of the beam: (label, index of the previous entry).
    hist: Vec<(u8, u32)>,
    /// Label-independent NER scores of every token of the sentence (`nclasses` each).
    static_scores: Vec<i32>,
    /// Static NER features of the next token (prefetched while the current one is scored).
    next_feats: Vec<u32>,
    /// Previous labels whose token-dependent label scores are in `l1_scores` (current token).
    l1_keys: Vec<u8>,
    /// Token-dependent label scores, `nclasses` per entry of `l1_keys`.
    l1_scores: Vec<i32>,
    /// Word types seen by this thread's tagging, with what is derived from them alone.
    words: WordCache,
    /// Cache slot of each word of the sentence (empty when words are not cached).
    slots: Vec<u32>,
    /// Context-feature NER scores of one token.
    context_scores: Vec<i32>,
    /// Predicted POS classes (model indices) of the last sentence.
    pub pos: Vec<u8>,
    /// Predicted NER classes (model indices) of the last sentence.
    pub ner: Vec<u8>,
}

impl Tagger {
    pub fn from_models(
        pos: ModelFile,
        ner: ModelFile,
        lemmas: Lemmatizer,
    ) -> Result<Tagger, TaggerError> {
        if pos.kind != KIND_POS || ner.kind != KIND_NER {
            return Err(TaggerError::bad_model(
                "kind",
                "expected a POS and a NER model",
            ));
        }
        let pos_labels = pos
            .labels
            .iter()
            .map(|l| Upos::parse(l).ok_or_else(|| TaggerError::bad_model("POS labels", l.clone())))
            .collect::<Result<Vec<_>, _>>()?;
        let ner_labels = ner
            .labels
            .iter()
            .map(|l| {
                NER_TAGS
                    .into_iter()
                    .find(|t| tag_str(*t) == l)
                    .ok_or_else(|| TaggerError::bad_model("NER labels", l.clone()))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let tagdict = pos
            .tagdict
            .into_iter()
            .map(|(w, c)| (w.into_boxed_str(), c))
            .collect();
        let gazetteer = Gazetteer::embedded()?;
        let ner_pair = pair_table(&ner.weights, ner_label_pair_features);
        let c = ner.weights.nclasses;
        let ner_pair_lanes = ner_pair
            .chunks_exact(c.max(1))
            .map(|row| {
                let mut lanes = [0; LANES];
                lanes[..row.len().min(LANES)].copy_from_slice(&row[..row.len().min(LANES)]);
                lanes
            })
            .collect();
        let pos_pair = pair_table(&pos.weights, pos_tag_features);
        // At most 32 classes fit a mask; model labels are NER_TAGS, which has 7.
        let ner_valid_mask = (0..=c)
            .map(|p| {
                let prev = (p < c).then(|| ner_labels[p]);
                (0..c.min(32))
                    .filter(|&k| valid_transition(prev, ner_labels[k]))
                    .fold(0u32, |mask, k| mask | 1 << k)
            })
            .collect();
        let ner = PaddedWeights::new(&ner.weights);
        // Words are cached when an entry can hold the models' classes.
        let cache = c <= LANES && pos.weights.nclasses <= POS_LANES;
        let word_scoring = cache.then(|| WordScoring {
            ner_pads: (partials(&ner, &START), partials(&ner, &END)),
            pos_pads: (
                pos_partials(&pos.weights, &START),
                pos_partials(&pos.weights, &END),
            ),
            labels: LabelTables::new(&ner, pos.weights.nclasses),
            context: ContextTables::new(&ner, pos.weights.nclasses),
        });
        Ok(Tagger {
            pos: pos.weights,
            pos_labels,
            tagdict,
            ner,
            ner_labels,
            lemmas,
            gazetteer,
            beam: DEFAULT_BEAM,
            ner_pair,
            pos_pair,
            ner_valid_mask,
            ner_pair_lanes,
            id: NEXT_TAGGER_ID.fetch_add(1, Ordering::Relaxed),
            word_scoring,
        })
    }

    pub fn from_bytes(
        pos: &[u8],
        ner: &[u8],
        lemma_exceptions: &str,
        lemma_rules: &str,
    ) -> Result<Tagger, TaggerError> {
        Tagger::from_models(
            ModelFile::from_bytes(pos)?,
            ModelFile::from_bytes(ner)?,
            Lemmatizer::from_tsv(lemma_exceptions, lemma_rules)?,
        )
    }

    /// Loads a model directory written by [`crate::train`].
    pub fn load_dir(dir: &Path) -> Result<Tagger, TaggerError> {
        let read = |name: &str| {
            std::fs::read(dir.join(name)).map_err(|e| TaggerError::io(dir.join(name), e))
        };
        let text = |name: &str| {
            std::fs::read_to_string(dir.join(name)).map_err(|e| TaggerError::io(dir.join(name), e))
        };
        Tagger::from_bytes(
            &read(POS_FILE)?,
            &read(NER_FILE)?,
            &text(LEMMA_EXCEPTIONS_FILE)?,
            &text(LEMMA_RULES_FILE)?,
        )
    }

    /// The model shipped in the binary (loaded once per process, then shared).
    pub fn embedded() -> Result<Arc<Tagger>, TaggerError> {
        static CELL: OnceLock<Result<Arc<Tagger>, String>> = OnceLock::new();
        CELL.get_or_init(|| {
            Tagger::from_bytes(
                EMBEDDED_POS,
                EMBEDDED_NER,
                EMBEDDED_LEMMA_EXCEPTIONS,
                EMBEDDED_LEMMA_RULES,
            )
            .map(Arc::new)
            .map_err(|e| e.to_string())
        })
        .clone()
        .map_err(|m| TaggerError::bad_model("embedded", m))
    }

    /// Sets the NER beam width (1 = greedy decoding).
    pub fn with_beam(mut self, beam: usize) -> Tagger {
        self.beam = beam.max(1);
        self
    }

    /// Turns the word cache off: every word is analysed and scored feature by feature (the
    /// reference path the cache must agree with; slower).
    pub fn without_word_cache(mut self) -> Tagger {
        self.word_scoring = None;
        self
    }

    pub fn beam(&self) -> usize {
        self.beam
    }

    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    pub fn lemmatizer(&self) -> &Lemmatizer {
        &self.lemmas
    }

    pub fn pos_label(&self, class: u8) -> Upos {
        self.pos_labels
            .get(class as usize)
            .copied()
            .unwrap_or(Upos::X)
    }

    pub fn ner_label(&self, class: u8) -> NerTag {
        self.ner_labels
            .get(class as usize)
            .copied()
            .unwrap_or(NerTag::O)
    }

    /// Tags a sentence: UPOS, lowercase lemma and IOB2 NER label per word.
    pub fn tag(&self, words: &[&str]) -> Vec<(Upos, String, NerTag)> {
        let mut s = Scratch::default();
        self.tag_into(words, &mut s);
        words
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let upos = self.pos_label(s.pos[i]);
                (
                    upos,
                    self.lemma(w, upos, &mut s.lower),
                    self.ner_label(s.ner[i]),
                )
            })
            .collect()
    }

    /// Fills `s.pos` and `s.ner` for one sentence.
    pub fn tag_into<S: AsRef<str>>(&self, words: &[S], s: &mut Scratch) {
        if self.word_scoring.is_some() {
            self.analyze_cached(words, s);
        } else {
            analyze_sentence(words, &mut s.ctx, &mut s.lower);
            s.slots.clear();
        }
        self.pos_into(words, s);
        self.ner_into(words.len(), s);
    }

    /// `analyze_sentence` through the word cache: fills `s.ctx` and `s.slots`.
    fn analyze_cached<S: AsRef<str>>(&self, words: &[S], s: &mut Scratch) {
        s.words.bind(self.id);
        s.words.make_room(words.len());
        s.slots.clear();
        s.ctx.clear();
        s.ctx.extend([START, START]);
        for w in words {
            let lower = &mut s.lower;
            let slot = s.words.slot(w.as_ref(), |w| {
                make_entry(w, lower, &self.ner, &self.pos, &self.tagdict)
            });
            s.slots.push(slot);
            s.ctx.push(s.words.entry(slot).info);
        }
        s.ctx.extend([END, END]);
    }

    /// The lemma of word `i` of the sentence last tagged with `s` (`word` is its text, `upos`
    /// its tag), from the word cache when the word has been lemmatized with that tag before.
    pub fn lemma_at(&self, s: &mut Scratch, i: usize, word: &str, upos: Upos) -> String {
        let Some(&slot) = s.slots.get(i) else {
            return self.lemma(word, upos, &mut s.lower);
        };
        let entry = s.words.entry_mut(slot);
        if let Some((_, l)) = entry.lemmas.iter().find(|(u, _)| *u == upos) {
            return String::from(&**l);
        }
        let lemma = self.lemma(word, upos, &mut s.lower);
        entry.lemmas.push((upos, lemma.as_str().into()));
        lemma
    }

    /// UPOS classes into `s.pos`; `s.ctx` must hold the analysed sentence.
    fn pos_into<S: AsRef<str>>(&self, words: &[S], s: &mut Scratch) {
        s.pos.clear();
        let np = self.pos.nclasses;
        s.scores.resize(np, 0);
        let n = words.len();
        let cached = (self.word_scoring.as_ref())
            .filter(|_| s.slots.len() == n)
            .map(|w| &w.pos_pads);
        let in_table = |p: u8| p == NO_TAG || (p as usize) < np;
        let (mut p1, mut p2) = (NO_TAG, NO_TAG);
        for (i, w) in words.iter().enumerate() {
            let known = match s.slots.get(i) {
                Some(&slot) => s.words.entry(slot).tagdict,
                None => self.tagdict.get(w.as_ref()).copied(),
            };
            let c = match known {
                Some(c) => c,
                None if in_table(p1) && in_table(p2) => {
                    // Tag-pair features from the small tabulated table; with the word cache,
                    // the word-only features from the cached partial scores of the token and
                    // its neighbours; the rest row by row: the same integer sums as
                    // `pos_features`.
                    match cached {
                        Some(pads) => {
                            s.feats.clear();
                            pos_context_features(&s.ctx, i, p1, &mut s.feats);
                            self.pos.score(&s.feats, &mut s.scores);
                            for (role, at) in window(i as isize) {
                                let part = if at < 0 {
                                    &pads.0[role]
                                } else if at as usize >= n {
                                    &pads.1[role]
                                } else {
                                    &s.words.entry(s.slots[at as usize]).pos[role]
                                };
                                for (sc, &p) in s.scores.iter_mut().zip(part) {
                                    *sc += p;
                                }
                            }
                        }
                        None => {
                            pos_token_features(&s.ctx, i, p1, &mut s.feats);
                            self.pos.score(&s.feats, &mut s.scores);
                        }
                    }
                    let at = (pair_index(p1, np) * (np + 1) + pair_index(p2, np)) * np;
                    for (sc, &t) in s.scores.iter_mut().zip(&self.pos_pair[at..at + np]) {
                        *sc += t;
                    }
                    argmax_i32(&s.scores, |_| true) as u8
                }
                None => {
                    pos_features(&s.ctx, i, p1, p2, &mut s.feats);
                    self.pos.score(&s.feats, &mut s.scores);
                    argmax_i32(&s.scores, |_| true) as u8
                }
            };
            s.pos.push(c);
            p2 = p1;
            p1 = c;
        }
    }

    /// NER classes into `s.ner`, given `s.ctx` and `s.pos`.
    fn ner_into(&self, n: usize, s: &mut Scratch) {
        s.ner.clear();
        self.gazetteer.states(&s.ctx, n, &mut s.gaz);
        ner_aux(&s.ctx, n, &s.pos, &s.gaz, &mut s.aux);
        let c = self.ner.nclasses;
        s.scores.resize(c, 0);
        if self.beam <= 1 {
            let (mut l1, mut l2) = (NO_TAG, NO_TAG);
            for i in 0..n {
                ner_features(&s.ctx, &s.aux, i, l1, l2, &mut s.feats);
                self.ner.score(&s.feats, &mut s.scores[..c]);
                let prev = (l1 != NO_TAG).then(|| self.ner_label(l1));
                let labels = &self.ner_labels;
                let best = argmax_i32(&s.scores[..c], |k| valid_transition(prev, labels[k])) as u8;
                s.ner.push(best);
                l2 = l1;
                l1 = best;
            }
        } else {
            self.ner_beam(n, s);
        }
        self.drop_title_only_entities(s);
    }

    /// An entity made only of title words ("Foreign" in "Deputy Foreign Minister Ivan Petrov",
    /// a lone "President") is a title, not a name: its labels become `O`.
    fn drop_title_only_entities(&self, s: &mut Scratch) {
        let n = s.ner.len();
        let mut i = 0;
        while i < n {
            let Some(kind) = ent_type(self.ner_label(s.ner[i])) else {
                i += 1;
                continue;
            };
            let mut end = i + 1;
            while end < n
                && is_inside(self.ner_label(s.ner[end]))
                && ent_type(self.ner_label(s.ner[end])) == Some(kind)
            {
                end += 1;
            }
            if (i..end).all(|k| s.ctx[k + PAD].flags & flag::TITLE_WORD != 0) {
                let o = self
                    .ner_labels
                    .iter()
                    .position(|&t| t == NerTag::O)
                    .unwrap_or(0) as u8;
                s.ner[i..end].iter_mut().for_each(|l| *l = o);
            }
            i = end;
        }
    }

    /// Beam search over label sequences; hypotheses with the same last two labels are
    /// recombined (the features see no further back), so the beam holds distinct states.
    fn ner_beam(&self, n: usize, s: &mut Scratch) {
        let c = self.ner.nclasses;
        s.label_scores.resize(c, 0);
        s.hist.clear();
        s.beam.clear();
        s.beam.push(Hyp {
            score: 0,
            l1: NO_TAG,
            l2: NO_TAG,
            hist: u32::MAX,
        });
        // Label-independent scores of every token first, in a loop without dependencies
        // between tokens, with the rows of the next token prefetched: the row loads (mostly
        // L1 misses) overlap instead of stalling the beam.
        s.static_scores.clear();
        s.static_scores.resize(n * c, 0);
        match self.word_scoring.as_ref().filter(|_| s.slots.len() == n) {
            Some(w) => {
                self.static_scores_cached(n, s, w);
                if self.beam <= SMALL_BEAM {
                    return self.ner_beam_small(n, s, &w.labels);
                }
            }
            None => self.static_scores(n, s),
        }
        // The general search (wider beams, or without the word cache): label features are
        // scored row by row.
        for i in 0..n {
            s.scores[..c].copy_from_slice(&s.static_scores[i * c..i * c + c]);
            // `cands` keeps the best `beam` extensions, best first, at most one per state
            // (last two labels); earlier candidates win ties, so the result is deterministic.
            s.cands.clear();
            s.l1_keys.clear();
            s.l1_scores.clear();
            for (h, hyp) in s.beam.iter().enumerate() {
                // Label scores = token-dependent part (shared by hypotheses with the same last
                // label) + the tabulated label-pair part; integer sums, so the total is the
                // same as scoring all label features at once.
                let slot = match s.l1_keys.iter().position(|&l| l == hyp.l1) {
                    Some(slot) => slot,
                    None => {
                        let at = s.l1_scores.len();
                        s.l1_scores.resize(at + c, 0);
                        s.label_feats.clear();
                        ner_label_token_features(&s.ctx, &s.aux, i, hyp.l1, &mut s.label_feats);
                        self.ner.score(&s.label_feats, &mut s.l1_scores[at..]);
                        s.l1_keys.push(hyp.l1);
                        s.l1_keys.len() - 1
                    }
                };
                let pair = (pair_index(hyp.l1, c) * (c + 1) + pair_index(hyp.l2, c)) * c;
                let token_part = &s.l1_scores[slot * c..slot * c + c];
                let pair_part = &self.ner_pair[pair..pair + c];
                for ((out, &a), &b) in s.label_scores.iter_mut().zip(token_part).zip(pair_part) {
                    *out = a + b;
                }
                let mut valid = self.ner_valid_mask[pair_index(hyp.l1, c)];
                while valid != 0 {
                    let k = valid.trailing_zeros() as usize;
                    valid &= valid - 1;
                    let score = hyp.score + (s.scores[k] + s.label_scores[k]) as i64;
                    // Not better than the worst of a full list: neither a new entry nor an
                    // improvement of a listed state (whose score is at least the worst's).
                    if s.cands.len() == self.beam && s.cands[self.beam - 1].0 >= score {
                        continue;
                    }
                    let same = s
                        .cands
                        .iter()
                        .position(|&(_, _, k2, l1)| k2 as usize == k && l1 == hyp.l1);
                    if let Some(p) = same {
                        if s.cands[p].0 >= score {
                            continue;
                        }
                        s.cands.remove(p);
                    }
                    let at = s.cands.partition_point(|x| x.0 >= score);
                    s.cands.insert(at, (score, h as u32, k as u8, hyp.l1));
                    s.cands.truncate(self.beam);
                }
            }
            s.next.clear();
            for &(score, h, k, _) in &s.cands {
                let from = s.beam[h as usize];
                s.hist.push((k, from.hist));
                s.next.push(Hyp {
                    score,
                    l1: k,
                    l2: from.l1,
                    hist: (s.hist.len() - 1) as u32,
                });
            }
            std::mem::swap(&mut s.beam, &mut s.next);
        }
        s.ner.resize(n, 0);
        let mut at = s.beam.first().map_or(u32::MAX, |h| h.hist);
        for i in (0..n).rev() {
            let (k, prev) = s.hist[at as usize];
            s.ner[i] = k;
            at = prev;
        }
    }

    /// Label-independent NER scores of every token into `s.static_scores`, in a loop without
    /// dependencies between tokens, with the rows of the next token prefetched: the row loads
    /// (mostly L1 misses) overlap instead of stalling the beam.
    fn static_scores(&self, n: usize, s: &mut Scratch) {
        let c = self.ner.nclasses;
        s.feats.clear();
        if n > 0 {
            ner_static_features(&s.ctx, &s.aux, 0, &mut s.feats);
        }
        for i in 0..n {
            if i + 1 < n {
                s.next_feats.clear();
                ner_static_features(&s.ctx, &s.aux, i + 1, &mut s.next_feats);
                self.ner.prefetch(&s.next_feats);
            }
            self.ner
                .score(&s.feats, &mut s.static_scores[i * c..i * c + c]);
            std::mem::swap(&mut s.feats, &mut s.next_feats);
        }
    }

    /// [`Tagger::static_scores`] with the word-only features' scores taken from the word cache:
    /// the token's own partial plus the partials of its neighbours in their positions, and only
    /// the context features scored row by row.
    fn static_scores_cached(&self, n: usize, s: &mut Scratch, w: &WordScoring) {
        let c = self.ner.nclasses;
        let (pads, tables) = (&w.ner_pads, &w.context);
        let Scratch {
            words,
            slots,
            ctx,
            aux,
            feats,
            next_feats,
            context_scores,
            static_scores,
            ..
        } = s;
        context_scores.resize(c, 0);
        feats.clear();
        if n > 0 {
            ner_context_hashed(ctx, aux, 0, feats);
        }
        let part = |k: isize, role: usize| -> &[i32; LANES] {
            if k < 0 {
                &pads.0[role]
            } else if k as usize >= n {
                &pads.1[role]
            } else {
                &words.entry(slots[k as usize]).ner[role]
            }
        };
        for i in 0..n {
            if i + 1 < n {
                next_feats.clear();
                ner_context_hashed(ctx, aux, i + 1, next_feats);
                self.ner.prefetch(next_feats);
            }
            let mut acc = [0; LANES];
            for (role, at) in window(i as isize) {
                for (a, &p) in acc.iter_mut().zip(part(at, role)) {
                    *a += p;
                }
            }
            let first = &words.entry(slots[i]).first[(i == 0) as usize];
            for (a, &p) in acc.iter_mut().zip(first) {
                *a += p;
            }
            tables.add_scores(&ContextValues::of(ctx, aux, i), &mut acc);
            self.ner.score(feats, context_scores);
            for ((out, &a), &b) in static_scores[i * c..i * c + c]
                .iter_mut()
                .zip(&acc)
                .zip(context_scores.iter())
            {
                *out = a + b;
            }
            std::mem::swap(feats, next_feats);
        }
    }

    /// [`Tagger::ner_beam`] after the static scores, for beams of at most [`SMALL_BEAM`] with
    /// the word cache: the same search (same candidates, order and ties) with the beam and
    /// candidate lists in fixed-size arrays on the stack.
    fn ner_beam_small(&self, n: usize, s: &mut Scratch, t: &LabelTables) {
        const B: usize = SMALL_BEAM;
        let c = self.ner.nclasses;
        let width = self.beam;
        let start = Hyp {
            score: 0,
            l1: NO_TAG,
            l2: NO_TAG,
            hist: u32::MAX,
        };
        // The current beam and the next, swapped by index (copying them cost a memcpy call
        // per token).
        let mut beams = [[start; B]; 2];
        let mut cur = 0;
        let mut nbeam = 1;
        for i in 0..n {
            let (front, back) = beams.split_at_mut(1);
            let (beam, next) = if cur == 0 {
                (&front[0], &mut back[0])
            } else {
                (&back[0], &mut front[0])
            };
            // (score, hypothesis, label, the hypothesis' last label), best first.
            let mut cands = [(0i64, 0u8, 0u8, 0u8); B];
            let mut ncand = 0;
            // Token-dependent label scores by distinct previous label.
            let mut keys = [0u8; B];
            let mut sums = [[0i32; LANES]; B];
            let mut nkeys = 0;
            // The next token's label rows: its own, and this token's as its previous word.
            if i + 1 < n {
                prefetch(&s.words.entry(s.slots[i + 1]).label_word);
                prefetch(&s.words.entry(s.slots[i]).label_prev);
            }
            let mut st = [0i32; LANES];
            for (a, &b) in st.iter_mut().zip(&s.static_scores[i * c..i * c + c]) {
                *a = b;
            }
            for (h, hyp) in beam[..nbeam].iter().enumerate() {
                let slot = match keys[..nkeys].iter().position(|&l| l == hyp.l1) {
                    Some(slot) => slot,
                    None => {
                        sums[nkeys] = self.label_token_scores_cached(t, s, i, hyp.l1);
                        keys[nkeys] = hyp.l1;
                        nkeys += 1;
                        nkeys - 1
                    }
                };
                let row = pair_index(hyp.l1, c);
                let pair = &self.ner_pair_lanes[row * (c + 1) + pair_index(hyp.l2, c)];
                // All labels' scores at once (lanes past `c` are never read).
                let mut base = [0i32; LANES];
                for (((b, &a), &t), &p) in base.iter_mut().zip(&st).zip(&sums[slot]).zip(pair) {
                    *b = a + t + p;
                }
                // The valid labels in increasing order, as the plain loop visits them.
                let mut valid = self.ner_valid_mask[row];
                while valid != 0 {
                    let k = valid.trailing_zeros() as usize;
                    valid &= valid - 1;
                    let score = hyp.score + base[k] as i64;
                    if ncand == width && cands[width - 1].0 >= score {
                        continue;
                    }
                    let same = cands[..ncand]
                        .iter()
                        .position(|&(_, _, k2, l1)| k2 as usize == k && l1 == hyp.l1);
                    if let Some(p) = same {
                        if cands[p].0 >= score {
                            continue;
                        }
                        for q in p..ncand - 1 {
                            cands[q] = cands[q + 1];
                        }
                        ncand -= 1;
                    }
                    // Insert after the candidates at least as good, dropping the last of a
                    // full list (as `insert` then `truncate`).
                    let at = cands[..ncand].partition_point(|x| x.0 >= score);
                    let len = (ncand + 1).min(width);
                    for q in (at + 1..len).rev() {
                        cands[q] = cands[q - 1];
                    }
                    cands[at] = (score, h as u8, k as u8, hyp.l1);
                    ncand = len;
                }
            }
            for (slot, &(score, h, k, _)) in next.iter_mut().zip(&cands[..ncand]) {
                let from = beam[h as usize];
                s.hist.push((k, from.hist));
                *slot = Hyp {
                    score,
                    l1: k,
                    l2: from.l1,
                    hist: (s.hist.len() - 1) as u32,
                };
            }
            cur = 1 - cur;
            nbeam = ncand;
        }
        s.ner.resize(n, 0);
        let mut at = if nbeam > 0 {
            beams[cur][0].hist
        } else {
            u32::MAX
        };
        for i in (0..n).rev() {
            let (k, prev) = s.hist[at as usize];
            s.ner[i] = k;
            at = prev;
        }
    }

    /// `ner_label_token_features` scores of token `i` after label `l1`, from the word cache
    /// and the label tables: the same sums as scoring the features row by row.
    fn label_token_scores_cached(
        &self,
        t: &LabelTables,
        s: &Scratch,
        i: usize,
        l1: u8,
    ) -> [i32; LANES] {
        let l = pair_index(l1, self.ner.nclasses);
        let aux = &s.aux[i];
        let prev = match i.checked_sub(1) {
            Some(k) => &s.words.entry(s.slots[k]).label_prev[l],
            None => t.start_prev(l),
        };
        let [by_pos, by_gaz, by_actor, by_case] =
            t.rows(l, aux.pos, aux.gaz, case_class(&s.ctx[i + PAD]));
        let mut sum = [0; LANES];
        for part in [
            &s.words.entry(s.slots[i]).label_word[l],
            prev,
            by_pos,
            by_gaz,
            by_actor,
            by_case,
        ] {
            for (a, &b) in sum.iter_mut().zip(part) {
                *a += b;
            }
        }
        sum
    }

    /// The lowercase lemma of a word with a given UPOS.
    pub fn lemma(&self, word: &str, upos: Upos, lower: &mut String) -> String {
        analyze_lower(word, lower);
        self.lemmas.lemmatize(lower, upos)
    }
}

/// Index of a previous NER label in the pair table: the class, or `c` for [`NO_TAG`].
#[inline]
fn pair_index(label: u8, c: usize) -> usize {
    if label == NO_TAG {
        c
    } else {
        (label as usize).min(c)
    }
}

/// Scores of a label-pair feature function for every pair of previous labels (`Tagger::ner_pair`).
fn pair_table<const K: usize>(w: &Weights, feats: fn(u8, u8) -> [u32; K]) -> Vec<i32> {
    let c = w.nclasses;
    let label = |k: usize| if k == c { NO_TAG } else { k as u8 };
    let mut table = vec![0; (c + 1) * (c + 1) * c];
    for a in 0..=c {
        for b in 0..=c {
            let at = (a * (c + 1) + b) * c;
            w.score(&feats(label(a), label(b)), &mut table[at..at + c]);
        }
    }
    table
}

fn analyze_lower(word: &str, lower: &mut String) {
    lower.clear();
    for c in word.chars() {
        if c.is_ascii() {
            lower.push(c.to_ascii_lowercase());
        } else {
            lower.extend(c.to_lowercase());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn tag_all(t: &Tagger, sentences: &[Vec<&str>], s: &mut Scratch) -> Vec<(u8, u8, String)> {
        let mut out = Vec::new();
        for words in sentences {
            t.tag_into(words, s);
            for (i, w) in words.iter().enumerate() {
                let upos = t.pos_label(s.pos[i]);
                out.push((s.pos[i], s.ner[i], t.lemma_at(s, i, w, upos)));
            }
        }
        out
    }

    fn assert_cache_agrees(sentences: &[Vec<&str>]) {
        let cached = Tagger::embedded().unwrap();
        let plain = (*cached).clone().without_word_cache();
        let (mut a, mut b) = (Scratch::default(), Scratch::default());
        // Twice through the same scratch: the second pass reads every word from the cache.
        for _ in 0..2 {
            assert_eq!(
                tag_all(&cached, sentences, &mut a),
                tag_all(&plain, sentences, &mut b),
                "{sentences:?}"
            );
        }
    }

    #[test]
    fn word_cache_gives_the_uncached_results() {
        let text = [
            "Deputy Foreign Minister Ivan Petrov told reporters in Vienna on Monday .",
            "\" We will not retreat , \" she said , adding that NATO had 30 days .",
            "THE UN Security Council met in New York ; Mr. O'Neill - Smith abstained .",
            "Петров и Zoë Müller visited São Paulo , then the U.S. .",
            "A",
            "",
        ];
        let sentences: Vec<Vec<&str>> = text
            .iter()
            .map(|t| t.split(' ').filter(|w| !w.is_empty()).collect())
            .collect();
        assert_cache_agrees(&sentences);
    }

    #[test]
    fn every_beam_width_agrees_with_the_general_search() {
        let sentences: Vec<Vec<&str>> = [
            "Deputy Foreign Minister Ivan Petrov met the UN envoy in New York on Friday .",
            "\" No , \" said Anna Kowalska of the European Commission , citing NATO data .",
        ]
        .iter()
        .map(|t| t.split(' ').collect())
        .collect();
        let base = Tagger::embedded().unwrap();
        for width in [1, 2, 3, 5, 8, 9] {
            let cached = (*base).clone().with_beam(width);
            let plain = (*base).clone().with_beam(width).without_word_cache();
            let (mut a, mut b) = (Scratch::default(), Scratch::default());
            assert_eq!(
                tag_all(&cached, &sentences, &mut a),
                tag_all(&plain, &sentences, &mut b),
                "beam {width}"
            );
        }
    }

    #[test]
    fn a_tagger_with_other_weights_does_not_read_anothers_cache() {
        let a = Tagger::embedded().unwrap();
        let b = (*a).clone().without_word_cache();
        let c = Tagger::from_bytes(
            EMBEDDED_POS,
            EMBEDDED_NER,
            EMBEDDED_LEMMA_EXCEPTIONS,
            EMBEDDED_LEMMA_RULES,
        )
        .unwrap();
        assert_ne!(a.id, c.id);
        let words = ["Paris", "Hilton", "met", "Jordan", "in", "Jordan"];
        let mut s = Scratch::default();
        let first = tag_all(&a, &[words.to_vec()], &mut s);
        assert_eq!(tag_all(&c, &[words.to_vec()], &mut s), first);
        assert_eq!(tag_all(&b, &[words.to_vec()], &mut s), first);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn word_cache_agrees_on_random_sentences(
            picks in proptest::collection::vec(
                proptest::collection::vec(0usize..24, 0..30), 1..6)
        ) {
            const POOL: [&str; 24] = [
                "the", "The", "Ivan", "Petrov", "said", "\"", ",", ".", "NATO", "in",
                "Kyiv", "minister", "Minister", "2022", "U.S.", "talks", "on", "Élysée",
                "-", "President", "and", "Geneva", "'s", "ABC",
            ];
            let sentences: Vec<Vec<&str>> = picks
                .iter()
                .map(|p| p.iter().map(|&k| POOL[k]).collect())
                .collect();
            assert_cache_agrees(&sentences);
        }
    }
}
