//! The runtime tagger: greedy left-to-right UPOS tagging, lemmas, then IOB2 NER (beam search
//! or greedy) with only valid transitions allowed.

use crate::features::{
    analyze_sentence, ner_aux, ner_features, ner_label_pair_features, ner_label_token_features,
    ner_static_features, pos_features, pos_tag_features, pos_token_features, NerAux, TokenInfo,
    NO_TAG,
};
use crate::features::{flag, PAD};
use crate::gazetteer::Gazetteer;
use crate::iob::{ent_type, is_inside, tag_str, valid_transition, NER_TAGS};
use crate::lemma::{FxMap, Lemmatizer};
use crate::model::{ModelFile, KIND_NER, KIND_POS};
use crate::perceptron::{argmax_i32, PaddedWeights, Weights};
use crate::TaggerError;
use sitrep_doc::{NerTag, Upos};
use std::path::Path;
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
    /// Whether NER class `k` may follow the previous label: row `pair_index(l1) * c + k`.
    ner_valid: Vec<bool>,
}

/// Default NER beam width.
pub const DEFAULT_BEAM: usize = 4;

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
        let pos_pair = pair_table(&pos.weights, pos_tag_features);
        let c = ner.weights.nclasses;
        let ner_valid = (0..=c)
            .flat_map(|p| {
                let prev = (p < c).then(|| ner_labels[p]);
                let labels = &ner_labels;
                (0..c).map(move |k| valid_transition(prev, labels[k]))
            })
            .collect();
        Ok(Tagger {
            pos: pos.weights,
            pos_labels,
            tagdict,
            ner: PaddedWeights::new(&ner.weights),
            ner_labels,
            lemmas,
            gazetteer,
            beam: DEFAULT_BEAM,
            ner_pair,
            pos_pair,
            ner_valid,
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
        analyze_sentence(words, &mut s.ctx, &mut s.lower);
        self.pos_into(words, s);
        self.ner_into(words.len(), s);
    }

    /// UPOS classes into `s.pos`; `s.ctx` must hold the analysed sentence.
    fn pos_into<S: AsRef<str>>(&self, words: &[S], s: &mut Scratch) {
        s.pos.clear();
        s.scores.resize(self.pos.nclasses, 0);
        let (mut p1, mut p2) = (NO_TAG, NO_TAG);
        for (i, w) in words.iter().enumerate() {
            let c = match self.tagdict.get(w.as_ref()) {
                Some(&c) => c,
                None => {
                    let np = self.pos.nclasses;
                    let in_table = |p: u8| p == NO_TAG || (p as usize) < np;
                    if in_table(p1) && in_table(p2) {
                        // Token features scored from the big table, tag-pair features from the
                        // small tabulated one: the same integer sums as `pos_features`.
                        pos_token_features(&s.ctx, i, p1, &mut s.feats);
                        self.pos.score(&s.feats, &mut s.scores);
                        let at = (pair_index(p1, np) * (np + 1) + pair_index(p2, np)) * np;
                        for (sc, &t) in s.scores.iter_mut().zip(&self.pos_pair[at..at + np]) {
                            *sc += t;
                        }
                    } else {
                        pos_features(&s.ctx, i, p1, p2, &mut s.feats);
                        self.pos.score(&s.feats, &mut s.scores);
                    }
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
                        s.label_feats.clear();
                        ner_label_token_features(&s.ctx, &s.aux, i, hyp.l1, &mut s.label_feats);
                        let at = s.l1_scores.len();
                        s.l1_scores.resize(at + c, 0);
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
                let valid = &self.ner_valid[pair_index(hyp.l1, c) * c..][..c];
                for k in 0..c {
                    if !valid[k] {
                        continue;
                    }
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
