//! Training: POS perceptron, lemma tables, NER perceptron (on predicted POS), evaluation on
//! dev and test, and writing the model directory. Deterministic for a given seed.

use crate::data::{load_conllu, load_iob2, NerSentence, PosSentence};
use crate::features::{analyze_sentence, ner_aux, ner_features, pos_features, NO_TAG};
use crate::gazetteer::Gazetteer;
use crate::hash::{hash_str, SplitMix};
use crate::iob::{tag_str, valid_transition, NerScores, NER_TAGS};
use crate::lemma::{FxMap, Lemmatizer};
use crate::model::{ModelFile, KIND_NER, KIND_POS};
use crate::perceptron::{argmax_f32, Trainer, Weights};
use crate::tagger::{Scratch, Tagger, LEMMA_EXCEPTIONS_FILE, LEMMA_RULES_FILE, NER_FILE, POS_FILE};
use crate::TaggerError;
use sitrep_doc::{NerTag, Upos};
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// What to train on and how.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// Directory with `en_ewt-ud-{train,dev,test}.conllu` and the UNER IOB2 files.
    pub ud_dir: PathBuf,
    /// Where to write the model files; `None` trains and evaluates only.
    pub out_dir: Option<PathBuf>,
    pub pos_iterations: u32,
    pub ner_iterations: u32,
    /// Seed of the per-iteration shuffles.
    pub seed: u64,
    /// log2 of the number of hashed feature rows.
    pub pos_bits: u32,
    pub ner_bits: u32,
    /// Averaged POS weights smaller than this fraction of the largest are dropped.
    pub prune: f32,
    /// The same for NER (whose table is small, and loses F1 when pruned).
    pub ner_prune: f32,
    /// NER trains on POS tags predicted by models that did not see the sentence (k-fold
    /// jackknifing, as at run time); 0 or 1 tags with the final POS model instead.
    pub jackknife: u32,
    /// Also train on the dev split (for the shipped model; dev figures are then not held out,
    /// test figures still are).
    pub include_dev: bool,
    /// NER beam width for training and for the evaluated tagger (1 = greedy).
    pub ner_beam: usize,
    /// Silver NER sentences (IOB2, labelled by a teacher model; `data/make_silver.py`) added to
    /// the NER training data; POS stays trained on the treebank only.
    pub silver: Option<PathBuf>,
    /// Weight of each silver sentence's updates (the gold sentences' weight is 1).
    pub silver_weight: f32,
    /// Keep only the silver sentences with at least one ORG span.
    pub silver_org_only: bool,
    /// At most this many silver sentences (in file order; 0 = all).
    pub silver_max: usize,
    /// Keep only the teacher's ORG spans; label persons and places of the silver sentences
    /// with a model trained on the gold sentences first.
    pub silver_student: bool,
}

impl Default for TrainOptions {
    fn default() -> TrainOptions {
        TrainOptions {
            ud_dir: PathBuf::from("../shared/data/ud"),
            out_dir: None,
            pos_iterations: 8,
            ner_iterations: 20,
            seed: 20_221_202,
            // Chosen on dev: 2^17 POS and 2^16 NER rows lose at most 0.2 point against 2^18
            // and keep the tables small enough to stay in cache (tagging ~30% faster).
            pos_bits: 17,
            ner_bits: 16,
            prune: 0.002,
            ner_prune: 0.0,
            jackknife: 4,
            include_dev: false,
            ner_beam: crate::tagger::DEFAULT_BEAM,
            silver: None,
            silver_weight: 1.0,
            silver_org_only: false,
            silver_max: 0,
            silver_student: false,
        }
    }
}

/// Figures of one training run.
#[derive(Debug, Clone, Default)]
pub struct TrainReport {
    /// Whether dev was part of training (dev figures are then not held out).
    pub dev_in_training: bool,
    pub pos_train_sentences: usize,
    pub ner_train_sentences: usize,
    /// Of `ner_train_sentences`, how many are silver (teacher-labelled).
    pub ner_silver_sentences: usize,
    pub pos_dev_accuracy: f64,
    pub pos_test_accuracy: f64,
    /// UPOS accuracy on test words not seen in training.
    pub pos_test_unknown_accuracy: f64,
    pub lemma_test_accuracy: f64,
    pub ner_dev: NerScores,
    pub ner_test: NerScores,
    pub train_seconds: f64,
    pub model_bytes: u64,
    pub pos_rows: usize,
    pub ner_rows: usize,
    pub lemma_exceptions: usize,
    pub lemma_rules: usize,
}

impl fmt::Display for TrainReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "training sentences: POS {}, NER {} ({} silver)",
            self.pos_train_sentences, self.ner_train_sentences, self.ner_silver_sentences
        )?;
        if self.dev_in_training {
            writeln!(
                f,
                "NOTE: dev was part of training; only the test figures are held out"
            )?;
        }
        writeln!(
            f,
            "UPOS accuracy: dev {:.4}, test {:.4} (test unknown words {:.4})",
            self.pos_dev_accuracy, self.pos_test_accuracy, self.pos_test_unknown_accuracy
        )?;
        writeln!(
            f,
            "lemma accuracy (test, predicted UPOS, lowercase): {:.4}",
            self.lemma_test_accuracy
        )?;
        writeln!(f, "NER exact-span dev:")?;
        write!(f, "{}", self.ner_dev)?;
        writeln!(f, "NER exact-span test:")?;
        write!(f, "{}", self.ner_test)?;
        writeln!(
            f,
            "model: {} bytes ({} POS rows, {} NER rows, {} lemma exceptions, {} lemma rules)",
            self.model_bytes, self.pos_rows, self.ner_rows, self.lemma_exceptions, self.lemma_rules
        )?;
        writeln!(f, "training time: {:.1} s", self.train_seconds)
    }
}

pub const POS_TRAIN: &str = "en_ewt-ud-train.conllu";
pub const POS_DEV: &str = "en_ewt-ud-dev.conllu";
pub const POS_TEST: &str = "en_ewt-ud-test.conllu";
pub const NER_TRAIN: &str = "uner_en_ewt-ud-train.2022-12-draft.iob2";
pub const NER_DEV: &str = "uner_en_ewt-ud-dev.iob2";
pub const NER_TEST: &str = "uner_en_ewt-ud-test.iob2";

fn pos_labels() -> Vec<String> {
    Upos::ALL.iter().map(|u| u.as_str().to_string()).collect()
}

fn ner_labels() -> Vec<String> {
    NER_TAGS.iter().map(|t| tag_str(*t).to_string()).collect()
}

/// Words seen at least 20 times with one tag at least 97% of the time (Honnibal's tag
/// dictionary): tagged without scoring.
fn build_tagdict(sents: &[PosSentence]) -> Vec<(String, u8)> {
    let mut counts: FxMap<&str, [u32; 17]> = FxMap::default();
    for s in sents {
        for w in &s.words {
            counts.entry(w.form.as_str()).or_insert([0; 17])[w.upos as usize] += 1;
        }
    }
    let mut out: Vec<(String, u8)> = counts
        .into_iter()
        .filter_map(|(w, c)| {
            let total: u32 = c.iter().sum();
            let (best, &n) = c.iter().enumerate().max_by_key(|(_, n)| **n)?;
            (total >= 20 && n as f64 / total as f64 >= 0.97).then(|| (w.to_string(), best as u8))
        })
        .collect();
    out.sort();
    out
}

fn train_pos(sents: &[PosSentence], tagdict: &[(String, u8)], opts: &TrainOptions) -> Weights {
    let dict: FxMap<&str, u8> = tagdict.iter().map(|(w, c)| (w.as_str(), *c)).collect();
    let mut trainer = Trainer::new(Upos::ALL.len(), opts.pos_bits);
    let mut order: Vec<usize> = (0..sents.len()).collect();
    let (mut ctx, mut lower, mut feats) = (Vec::new(), String::new(), Vec::new());
    let mut scores = vec![0.0f32; Upos::ALL.len()];
    let mut forms: Vec<&str> = Vec::new();
    for it in 0..opts.pos_iterations {
        SplitMix(opts.seed.wrapping_add(it as u64)).shuffle(&mut order);
        for &k in &order {
            let s = &sents[k];
            forms.clear();
            forms.extend(s.words.iter().map(|w| w.form.as_str()));
            analyze_sentence(&forms, &mut ctx, &mut lower);
            let (mut p1, mut p2) = (NO_TAG, NO_TAG);
            for (i, w) in s.words.iter().enumerate() {
                let guess = match dict.get(w.form.as_str()) {
                    Some(&c) => c,
                    None => {
                        pos_features(&ctx, i, p1, p2, &mut feats);
                        trainer.score(&feats, &mut scores);
                        let g = argmax_f32(&scores, |_| true);
                        trainer.update(&feats, w.upos as usize, g);
                        g as u8
                    }
                };
                p2 = p1;
                p1 = guess;
            }
        }
    }
    trainer.averaged(opts.prune)
}

/// NER training sentence with predicted POS classes.
struct NerExample<'a> {
    sent: &'a NerSentence,
    pos: Vec<u8>,
    /// Weight of the sentence's updates (1 for gold, `silver_weight` for silver).
    weight: f32,
}

fn train_ner(examples: &[NerExample<'_>], gazetteer: &Gazetteer, opts: &TrainOptions) -> Weights {
    let mut trainer = Trainer::new(NER_TAGS.len(), opts.ner_bits);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let (mut ctx, mut lower, mut feats, mut aux) =
        (Vec::new(), String::new(), Vec::new(), Vec::new());
    let mut gaz = Vec::new();
    let mut scores = vec![0.0f32; NER_TAGS.len()];
    let mut beam = BeamTrainer::default();
    for it in 0..opts.ner_iterations {
        SplitMix(opts.seed.wrapping_add(1000 + it as u64)).shuffle(&mut order);
        for &k in &order {
            let ex = &examples[k];
            let n = ex.sent.forms.len();
            analyze_sentence(&ex.sent.forms, &mut ctx, &mut lower);
            gazetteer.states(&ctx, n, &mut gaz);
            ner_aux(&ctx, n, &ex.pos, &gaz, &mut aux);
            if opts.ner_beam > 1 {
                beam.train_sentence(
                    &mut trainer,
                    &ctx,
                    &aux,
                    &ex.sent.tags,
                    opts.ner_beam,
                    ex.weight,
                );
                continue;
            }
            let (mut l1, mut l2) = (NO_TAG, NO_TAG);
            for i in 0..n {
                ner_features(&ctx, &aux, i, l1, l2, &mut feats);
                trainer.score(&feats, &mut scores);
                let prev = (l1 != NO_TAG).then(|| NER_TAGS[l1 as usize]);
                let g = argmax_f32(&scores, |c| valid_transition(prev, NER_TAGS[c]));
                let truth = ex.sent.tags[i] as usize;
                trainer.tick();
                if g != truth {
                    trainer.adjust(&feats, truth, ex.weight);
                    trainer.adjust(&feats, g, -ex.weight);
                }
                l2 = l1;
                l1 = g as u8;
            }
        }
    }
    trainer.averaged(opts.ner_prune)
}

/// Beam-search training with early update (Collins & Roark 2004): as soon as the gold label
/// sequence falls out of the beam, the gold prefix is rewarded and the best prefix penalised.
#[derive(Default)]
struct BeamTrainer {
    /// (score, last label, label before, arena index, is the gold prefix)
    beam: Vec<(f64, u8, u8, u32, bool)>,
    next: Vec<(f64, u8, u8, u32, bool)>,
    cands: Vec<(f64, u32, u8)>,
    hist: Vec<(u8, u32)>,
    feats: Vec<u32>,
    scores: Vec<f32>,
    pred: Vec<u8>,
}

impl BeamTrainer {
    fn train_sentence(
        &mut self,
        trainer: &mut Trainer,
        ctx: &[crate::features::TokenInfo],
        aux: &[crate::features::NerAux],
        gold: &[NerTag],
        width: usize,
        weight: f32,
    ) {
        let n = gold.len();
        let c = NER_TAGS.len();
        self.scores.resize(c, 0.0);
        self.hist.clear();
        self.beam.clear();
        self.beam.push((0.0, NO_TAG, NO_TAG, u32::MAX, true));
        let mut stop = n;
        for (i, &gold_i) in gold.iter().enumerate() {
            self.cands.clear();
            for (h, &(score, l1, l2, _, _)) in self.beam.iter().enumerate() {
                ner_features(ctx, aux, i, l1, l2, &mut self.feats);
                trainer.score(&self.feats, &mut self.scores);
                let prev = (l1 != NO_TAG).then(|| NER_TAGS[l1 as usize]);
                for (k, &tag) in NER_TAGS.iter().enumerate() {
                    if valid_transition(prev, tag) {
                        self.cands
                            .push((score + self.scores[k] as f64, h as u32, k as u8));
                    }
                }
            }
            self.cands.sort_unstable_by(|a, b| {
                b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2))
            });
            self.next.clear();
            for &(score, h, k) in &self.cands {
                let from = self.beam[h as usize];
                if self.next.iter().any(|x| x.1 == k && x.2 == from.1) {
                    continue;
                }
                let is_gold = from.4 && k == gold_i as u8;
                self.hist.push((k, from.3));
                self.next
                    .push((score, k, from.1, (self.hist.len() - 1) as u32, is_gold));
                if self.next.len() == width {
                    break;
                }
            }
            std::mem::swap(&mut self.beam, &mut self.next);
            if !self.beam.iter().any(|h| h.4) {
                stop = i + 1;
                break;
            }
        }
        // Best hypothesis' labels for the first `stop` tokens.
        let best = self.beam[0];
        if best.4 && stop == n {
            for _ in 0..n {
                trainer.tick();
            }
            return;
        }
        self.pred.clear();
        self.pred.resize(stop, 0);
        let mut at = best.3;
        for t in (0..stop).rev() {
            let (k, prev) = self.hist[at as usize];
            self.pred[t] = k;
            at = prev;
        }
        let (mut g1, mut g2, mut p1, mut p2) = (NO_TAG, NO_TAG, NO_TAG, NO_TAG);
        for (t, (&gold_t, &p)) in gold.iter().zip(&self.pred).enumerate() {
            trainer.tick();
            let g = gold_t as u8;
            if g != p || g1 != p1 || g2 != p2 {
                ner_features(ctx, aux, t, g1, g2, &mut self.feats);
                trainer.adjust(&self.feats, g as usize, weight);
                ner_features(ctx, aux, t, p1, p2, &mut self.feats);
                trainer.adjust(&self.feats, p as usize, -weight);
            }
            (g2, g1, p2, p1) = (g1, g, p1, p);
        }
    }
}

/// UPOS accuracy, unknown-word accuracy and lemma accuracy of a tagger on CoNLL-U sentences.
pub fn eval_pos(
    tagger: &Tagger,
    sents: &[PosSentence],
    known: &FxMap<String, ()>,
) -> (f64, f64, f64) {
    let mut s = Scratch::default();
    let (mut n, mut ok, mut unk, mut unk_ok, mut lem_ok) = (0u64, 0u64, 0u64, 0u64, 0u64);
    let mut lower = String::new();
    for sent in sents {
        let forms: Vec<&str> = sent.words.iter().map(|w| w.form.as_str()).collect();
        tagger.tag_into(&forms, &mut s);
        for (i, w) in sent.words.iter().enumerate() {
            let upos = tagger.pos_label(s.pos[i]);
            n += 1;
            ok += (upos == w.upos) as u64;
            if !known.contains_key(&w.form) {
                unk += 1;
                unk_ok += (upos == w.upos) as u64;
            }
            lem_ok += (tagger.lemma(&w.form, upos, &mut lower) == w.lemma.to_lowercase()) as u64;
        }
    }
    let r = |a: u64, b: u64| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    (r(ok, n), r(unk_ok, unk), r(lem_ok, n))
}

/// Exact-span NER scores of a tagger on IOB2 sentences.
pub fn eval_ner(tagger: &Tagger, sents: &[NerSentence]) -> NerScores {
    let mut scores = NerScores::default();
    let mut s = Scratch::default();
    let mut pred: Vec<NerTag> = Vec::new();
    for sent in sents {
        tagger.tag_into(&sent.forms, &mut s);
        pred.clear();
        pred.extend(s.ner.iter().map(|&c| tagger.ner_label(c)));
        scores.add(&sent.tags, &pred);
    }
    scores
}

fn load_split(
    dir: &Path,
    pos: &str,
    ner: &str,
) -> Result<(Vec<PosSentence>, Vec<NerSentence>), TaggerError> {
    Ok((load_conllu(&dir.join(pos))?, load_iob2(&dir.join(ner))?))
}

/// Labels of a silver sentence: the teacher's ORG spans, and the student's PER and LOC spans
/// that share no token with them; everything else `O`.
fn teacher_orgs_student_rest(teacher: &[NerTag], student: &[NerTag]) -> Vec<NerTag> {
    let is_org = |t: NerTag| matches!(t, NerTag::BOrg | NerTag::IOrg);
    let mut out: Vec<NerTag> = teacher
        .iter()
        .map(|&t| if is_org(t) { t } else { NerTag::O })
        .collect();
    for (kind, a, b) in crate::iob::spans(student) {
        if kind == crate::iob::EntType::Org || out[a..b].iter().any(|&t| is_org(t)) {
            continue;
        }
        out[a..b].copy_from_slice(&student[a..b]);
    }
    out
}

/// The silver sentences `opts` asks for: all, or those with an ORG span, up to `silver_max`.
fn load_silver(path: &Path, opts: &TrainOptions) -> Result<Vec<NerSentence>, TaggerError> {
    let mut sents = load_iob2(path)?;
    if opts.silver_org_only {
        sents.retain(|s| s.tags.contains(&NerTag::BOrg));
    }
    if opts.silver_max > 0 {
        sents.truncate(opts.silver_max);
    }
    Ok(sents)
}

/// Trains POS, lemmas and NER, evaluates on dev and test, and writes the model directory.
pub fn train(opts: &TrainOptions) -> Result<TrainReport, TaggerError> {
    let started = Instant::now();
    let dir = &opts.ud_dir;
    let (mut pos_train, mut ner_train) = load_split(dir, POS_TRAIN, NER_TRAIN)?;
    let (pos_dev, ner_dev) = load_split(dir, POS_DEV, NER_DEV)?;
    if opts.include_dev {
        pos_train.extend(pos_dev.iter().cloned());
        ner_train.extend(ner_dev.iter().cloned());
    }
    let (pos_test, ner_test) = load_split(dir, POS_TEST, NER_TEST)?;
    let mut silver = match &opts.silver {
        Some(path) => load_silver(path, opts)?,
        None => Vec::new(),
    };
    if pos_train.is_empty() || ner_train.is_empty() {
        return Err(TaggerError::Training("empty training data".into()));
    }

    let tagdict = build_tagdict(&pos_train);
    let pos_weights = train_pos(&pos_train, &tagdict, opts);
    let pos_model = ModelFile {
        kind: KIND_POS,
        labels: pos_labels(),
        weights: pos_weights,
        tagdict,
    };

    let lemma_entries: Vec<(String, Upos, String, u32)> = pos_train
        .iter()
        .flat_map(|s| s.words.iter())
        .map(|w| (w.form.to_lowercase(), w.upos, w.lemma.to_lowercase(), 1))
        .collect();
    let lemmas = Lemmatizer::learn(&lemma_entries);

    // NER features use predicted POS, as at run time.
    let empty_ner = ModelFile {
        kind: KIND_NER,
        labels: ner_labels(),
        weights: Weights::zeros(NER_TAGS.len(), 4),
        tagdict: vec![],
    };
    let pos_only = Tagger::from_models(pos_model.clone(), empty_ner.clone(), lemmas.clone())?;
    let mut scratch = Scratch::default();
    let mut examples: Vec<NerExample<'_>> = ner_train
        .iter()
        .map(|sent| {
            pos_only.tag_into(&sent.forms, &mut scratch);
            NerExample {
                sent,
                pos: scratch.pos.clone(),
                weight: 1.0,
            }
        })
        .collect();
    if opts.jackknife > 1 {
        let k = opts.jackknife as u64;
        let fold_of = |id: &str| hash_str(0, id) % k;
        for fold in 0..k {
            let rest: Vec<PosSentence> = pos_train
                .iter()
                .filter(|s| fold_of(&s.id) != fold)
                .cloned()
                .collect();
            let dict = build_tagdict(&rest);
            let weights = train_pos(&rest, &dict, opts);
            let model = ModelFile {
                kind: KIND_POS,
                labels: pos_labels(),
                weights,
                tagdict: dict,
            };
            let tagger = Tagger::from_models(model, empty_ner.clone(), lemmas.clone())?;
            for ex in examples
                .iter_mut()
                .filter(|ex| fold_of(&ex.sent.id) == fold)
            {
                tagger.tag_into(&ex.sent.forms, &mut scratch);
                ex.pos.clone_from(&scratch.pos);
            }
        }
    }
    if opts.silver_student && !silver.is_empty() {
        // The teacher's ORG spans are kept; persons and places come from a model trained on
        // the gold sentences alone (better at them than the teacher on this data).
        let student = ModelFile {
            kind: KIND_NER,
            labels: ner_labels(),
            weights: train_ner(&examples, pos_only.gazetteer(), opts),
            tagdict: vec![],
        };
        let student = Tagger::from_models(pos_model.clone(), student, lemmas.clone())?
            .with_beam(opts.ner_beam);
        for sent in silver.iter_mut() {
            student.tag_into(&sent.forms, &mut scratch);
            let mine: Vec<NerTag> = scratch.ner.iter().map(|&c| student.ner_label(c)).collect();
            sent.tags = teacher_orgs_student_rest(&sent.tags, &mine);
        }
    }
    // Silver sentences: POS from the model trained on all of train (they are not in it).
    for sent in &silver {
        pos_only.tag_into(&sent.forms, &mut scratch);
        examples.push(NerExample {
            sent,
            pos: scratch.pos.clone(),
            weight: opts.silver_weight,
        });
    }
    let ner_weights = train_ner(&examples, pos_only.gazetteer(), opts);
    let ner_model = ModelFile {
        kind: KIND_NER,
        labels: ner_labels(),
        weights: ner_weights,
        tagdict: vec![],
    };

    let pos_bytes = pos_model.to_bytes();
    let ner_bytes = ner_model.to_bytes();
    let exceptions_tsv = lemmas.exceptions_tsv();
    let rules_tsv = lemmas.rules_tsv();
    let mut report = TrainReport {
        dev_in_training: opts.include_dev,
        pos_train_sentences: pos_train.len(),
        ner_train_sentences: ner_train.len() + silver.len(),
        ner_silver_sentences: silver.len(),
        pos_rows: pos_model.weights.nonzero_rows().count(),
        ner_rows: ner_model.weights.nonzero_rows().count(),
        lemma_exceptions: lemmas.n_exceptions(),
        lemma_rules: lemmas.n_rules(),
        model_bytes: (pos_bytes.len() + ner_bytes.len() + exceptions_tsv.len() + rules_tsv.len())
            as u64,
        ..TrainReport::default()
    };
    // Evaluate exactly what is shipped: the serialized bytes, read back.
    let tagger = Tagger::from_bytes(&pos_bytes, &ner_bytes, &exceptions_tsv, &rules_tsv)?
        .with_beam(opts.ner_beam);
    let known: FxMap<String, ()> = pos_train
        .iter()
        .flat_map(|s| s.words.iter())
        .map(|w| (w.form.clone(), ()))
        .collect();
    report.pos_dev_accuracy = eval_pos(&tagger, &pos_dev, &known).0;
    let (acc, unk, lem) = eval_pos(&tagger, &pos_test, &known);
    report.pos_test_accuracy = acc;
    report.pos_test_unknown_accuracy = unk;
    report.lemma_test_accuracy = lem;
    report.ner_dev = eval_ner(&tagger, &ner_dev);
    report.ner_test = eval_ner(&tagger, &ner_test);

    if let Some(out) = &opts.out_dir {
        std::fs::create_dir_all(out).map_err(|e| TaggerError::io(out, e))?;
        let write = |name: &str, bytes: &[u8]| {
            let p = out.join(name);
            std::fs::write(&p, bytes).map_err(|e| TaggerError::io(p, e))
        };
        write(POS_FILE, &pos_bytes)?;
        write(NER_FILE, &ner_bytes)?;
        write(LEMMA_EXCEPTIONS_FILE, exceptions_tsv.as_bytes())?;
        write(LEMMA_RULES_FILE, rules_tsv.as_bytes())?;
    }
    report.train_seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

/// A POS-only tagger (NER left empty) trained on `sents` with `opts`' POS settings. Used to
/// jackknife the tags of downstream training data: the parser trains on UPOS predicted by
/// taggers that did not see the sentence, as noisy as at run time.
pub fn train_pos_tagger(sents: &[PosSentence], opts: &TrainOptions) -> Result<Tagger, TaggerError> {
    let tagdict = build_tagdict(sents);
    let weights = train_pos(sents, &tagdict, opts);
    let pos = ModelFile {
        kind: KIND_POS,
        labels: pos_labels(),
        weights,
        tagdict,
    };
    let ner = ModelFile {
        kind: KIND_NER,
        labels: ner_labels(),
        weights: Weights::zeros(NER_TAGS.len(), 4),
        tagdict: vec![],
    };
    let entries: Vec<(String, Upos, String, u32)> = sents
        .iter()
        .flat_map(|s| s.words.iter())
        .map(|w| (w.form.to_lowercase(), w.upos, w.lemma.to_lowercase(), 1))
        .collect();
    Tagger::from_models(pos, ner, Lemmatizer::learn(&entries))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SILVER: &str = "# sent_id = a\n# text = Acme Corp hired Ann.\n\
1\tAcme\tB-ORG\t-\tteacher\n2\tCorp\tI-ORG\t-\tteacher\n3\thired\tO\t-\tteacher\n4\tAnn\tB-PER\t-\tteacher\n5\t.\tO\t-\tteacher\n\n\
# sent_id = b\n# text = Ann left.\n1\tAnn\tB-PER\t-\tteacher\n2\tleft\tO\t-\tteacher\n3\t.\tO\t-\tteacher\n\n\
# sent_id = c\n# text = The UN met.\n1\tThe\tO\t-\tteacher\n2\tUN\tB-ORG\t-\tteacher\n3\tmet\tO\t-\tteacher\n4\t.\tO\t-\tteacher\n\n";

    #[test]
    fn silver_keeps_teacher_orgs_and_student_persons_and_places() {
        use NerTag::*;
        // "Acme Corp hired Ann Lee in Oslo": the teacher finds the company but calls the town a
        // person; the student finds the person and the town but calls "Corp" a person.
        let teacher = [BOrg, IOrg, O, O, O, O, BPer];
        let student = [O, BPer, O, BPer, IPer, O, BLoc];
        assert_eq!(
            teacher_orgs_student_rest(&teacher, &student),
            [BOrg, IOrg, O, BPer, IPer, O, BLoc]
        );
        // A student ORG the teacher did not find is left out.
        assert_eq!(teacher_orgs_student_rest(&[O, O], &[BOrg, IOrg]), [O, O]);
    }

    #[test]
    fn silver_sentences_are_filtered_and_capped() {
        let path = std::env::temp_dir().join(format!("sitrep-silver-{}.iob2", std::process::id()));
        std::fs::write(&path, SILVER).unwrap();
        let ids = |opts: &TrainOptions| -> Vec<String> {
            load_silver(&path, opts)
                .unwrap()
                .into_iter()
                .map(|s| s.id)
                .collect()
        };
        let mut opts = TrainOptions::default();
        assert_eq!(ids(&opts), ["a", "b", "c"]);
        opts.silver_org_only = true;
        assert_eq!(ids(&opts), ["a", "c"]);
        opts.silver_max = 1;
        assert_eq!(ids(&opts), ["a"]);
        std::fs::remove_file(&path).unwrap();
    }
}
