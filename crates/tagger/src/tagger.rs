//! The runtime tagger: greedy left-to-right UPOS tagging, lemmas, then greedy IOB2 NER with
//! only valid transitions allowed.

use crate::features::{analyze_sentence, ner_features, pos_features, quote_state, NerAux, TokenInfo, NO_TAG};
use crate::iob::{tag_str, valid_transition, NER_TAGS};
use crate::lemma::{FxMap, Lemmatizer};
use crate::model::{ModelFile, KIND_NER, KIND_POS};
use crate::perceptron::{argmax_i32, Weights};
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
#[derive(Debug)]
pub struct Tagger {
    pos: Weights,
    pos_labels: Vec<Upos>,
    tagdict: FxMap<Box<str>, u8>,
    ner: Weights,
    ner_labels: Vec<NerTag>,
    lemmas: Lemmatizer,
}

/// Reusable buffers for tagging one sentence after another without allocating.
#[derive(Debug, Default)]
pub struct Scratch {
    ctx: Vec<TokenInfo>,
    lower: String,
    feats: Vec<u32>,
    scores: Vec<i32>,
    aux: Vec<NerAux>,
    /// Predicted POS classes (model indices) of the last sentence.
    pub pos: Vec<u8>,
    /// Predicted NER classes (model indices) of the last sentence.
    pub ner: Vec<u8>,
}

impl Tagger {
    pub fn from_models(pos: ModelFile, ner: ModelFile, lemmas: Lemmatizer) -> Result<Tagger, TaggerError> {
        if pos.kind != KIND_POS || ner.kind != KIND_NER {
            return Err(TaggerError::bad_model("kind", "expected a POS and a NER model"));
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
                NER_TAGS.into_iter().find(|t| tag_str(*t) == l).ok_or_else(|| TaggerError::bad_model("NER labels", l.clone()))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let tagdict = pos.tagdict.into_iter().map(|(w, c)| (w.into_boxed_str(), c)).collect();
        Ok(Tagger { pos: pos.weights, pos_labels, tagdict, ner: ner.weights, ner_labels, lemmas })
    }

    pub fn from_bytes(pos: &[u8], ner: &[u8], lemma_exceptions: &str, lemma_rules: &str) -> Result<Tagger, TaggerError> {
        Tagger::from_models(
            ModelFile::from_bytes(pos)?,
            ModelFile::from_bytes(ner)?,
            Lemmatizer::from_tsv(lemma_exceptions, lemma_rules)?,
        )
    }

    /// Loads a model directory written by [`crate::train`].
    pub fn load_dir(dir: &Path) -> Result<Tagger, TaggerError> {
        let read = |name: &str| std::fs::read(dir.join(name)).map_err(|e| TaggerError::io(dir.join(name), e));
        let text = |name: &str| std::fs::read_to_string(dir.join(name)).map_err(|e| TaggerError::io(dir.join(name), e));
        Tagger::from_bytes(&read(POS_FILE)?, &read(NER_FILE)?, &text(LEMMA_EXCEPTIONS_FILE)?, &text(LEMMA_RULES_FILE)?)
    }

    /// The model shipped in the binary (loaded once per process, then shared).
    pub fn embedded() -> Result<Arc<Tagger>, TaggerError> {
        static CELL: OnceLock<Result<Arc<Tagger>, String>> = OnceLock::new();
        CELL.get_or_init(|| {
            Tagger::from_bytes(EMBEDDED_POS, EMBEDDED_NER, EMBEDDED_LEMMA_EXCEPTIONS, EMBEDDED_LEMMA_RULES)
                .map(Arc::new)
                .map_err(|e| e.to_string())
        })
        .clone()
        .map_err(|m| TaggerError::bad_model("embedded", m))
    }

    pub fn lemmatizer(&self) -> &Lemmatizer {
        &self.lemmas
    }

    pub fn pos_label(&self, class: u8) -> Upos {
        self.pos_labels.get(class as usize).copied().unwrap_or(Upos::X)
    }

    pub fn ner_label(&self, class: u8) -> NerTag {
        self.ner_labels.get(class as usize).copied().unwrap_or(NerTag::O)
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
                (upos, self.lemma(w, upos, &mut s.lower), self.ner_label(s.ner[i]))
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
        quote_state(&s.ctx, n, &s.pos, &mut s.aux);
        s.scores.resize(self.ner.nclasses, 0);
        let (mut l1, mut l2) = (NO_TAG, NO_TAG);
        for i in 0..n {
            ner_features(&s.ctx, &s.aux, i, l1, l2, &mut s.feats);
            self.ner.score(&s.feats, &mut s.scores[..self.ner.nclasses]);
            let prev = (l1 != NO_TAG).then(|| self.ner_label(l1));
            let labels = &self.ner_labels;
            let c = argmax_i32(&s.scores[..self.ner.nclasses], |c| valid_transition(prev, labels[c])) as u8;
            s.ner.push(c);
            l2 = l1;
            l1 = c;
        }
    }

    /// The lowercase lemma of a word with a given UPOS.
    pub fn lemma(&self, word: &str, upos: Upos, lower: &mut String) -> String {
        analyze_lower(word, lower);
        self.lemmas.lemmatize(lower, upos)
    }
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
