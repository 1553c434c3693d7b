//! Training: greedy arc-hybrid with the dynamic oracle and exploration (Goldberg & Nivre
//! 2012, 2013), an averaged perceptron for moves and one for arc labels, on UD English EWT
//! with UPOS predicted by sitrep's tagger (as at run time). Deterministic for a given seed.

use crate::beam::{history, search, BeamScratch, Models, Outcome};
use crate::conllu::{read_file, Sentence};
use crate::features::Atoms;
use crate::features::{label_features, transition_features};
use crate::hash::SplitMix;
use crate::parser::{best_label, best_valid, Parser, Scratch};
use crate::perceptron::Trainer;
use crate::system::State;
use crate::system::{Move, MOVES};
use crate::ParserError;
use sitrep_doc::{Dep, Deprel, Upos};
use sitrep_tagger::{Scratch as TagScratch, Tagger};
use std::fmt;
use std::path::PathBuf;
use std::time::Instant;

pub const TRAIN: &str = "en_ewt-ud-train.conllu";
pub const DEV: &str = "en_ewt-ud-dev.conllu";
pub const TEST: &str = "en_ewt-ud-test.conllu";

#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// Directory with `en_ewt-ud-{train,dev,test}.conllu`.
    pub ud_dir: PathBuf,
    /// Where to write `parser.bin`; `None` trains and evaluates only.
    pub out_dir: Option<PathBuf>,
    pub iterations: u32,
    pub seed: u64,
    /// log2 of the rows of the move and label tables.
    pub action_bits: u32,
    pub label_bits: u32,
    /// Averaged weights under this fraction of the largest are dropped.
    pub prune: f32,
    /// After the first iteration, follow the model's own (possibly wrong) move with this
    /// probability, so it learns to recover from its errors.
    pub explore: f64,
    /// Also train on dev (dev figures are then not held out; test figures are).
    pub include_dev: bool,
    /// Train on gold UPOS instead of the tagger's (for comparison only).
    pub gold_pos: bool,
    /// Train on UPOS predicted by k taggers each trained without one k-th of the sentences
    /// (as noisy as at run time); 0 or 1 uses the shipped tagger, which has seen them.
    pub jackknife: u32,
    /// Beam width: 1 trains a greedy parser with the dynamic oracle; more trains a beam
    /// parser with early update (and the model decodes with that width).
    pub beam: usize,
}

impl Default for TrainOptions {
    fn default() -> TrainOptions {
        TrainOptions {
            ud_dir: PathBuf::from("../shared/data/ud"),
            out_dir: None,
            // The shipped model's settings (chosen on dev, see the crate README).
            iterations: 12,
            seed: 20_120_917,
            action_bits: 20,
            label_bits: 15,
            prune: 0.01,
            explore: 0.9,
            include_dev: false,
            gold_pos: false,
            jackknife: 4,
            beam: 1,
        }
    }
}

/// Attachment scores over all words (punctuation included, as the CoNLL 2018 scorer counts).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Scores {
    pub words: u64,
    pub upos: u64,
    pub uas: u64,
    pub las: u64,
}

impl Scores {
    fn ratio(a: u64, b: u64) -> f64 {
        if b == 0 {
            0.0
        } else {
            a as f64 / b as f64
        }
    }
    pub fn upos_acc(&self) -> f64 {
        Scores::ratio(self.upos, self.words)
    }
    pub fn uas_acc(&self) -> f64 {
        Scores::ratio(self.uas, self.words)
    }
    pub fn las_acc(&self) -> f64 {
        Scores::ratio(self.las, self.words)
    }
}

impl fmt::Display for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "UPOS {:.4}, UAS {:.4}, LAS {:.4} ({} words)",
            self.upos_acc(),
            self.uas_acc(),
            self.las_acc(),
            self.words
        )
    }
}

#[derive(Debug, Clone, Default)]
pub struct TrainReport {
    pub train_sentences: usize,
    pub dev_in_training: bool,
    /// Dev with UPOS from a tagger trained on train only (held out unless dev was trained on).
    pub dev: Scores,
    pub test: Scores,
    /// Test with gold UPOS: the parser's ceiling with a perfect tagger.
    pub test_gold_upos: Scores,
    pub model_bytes: usize,
    pub action_rows: usize,
    pub label_rows: usize,
    pub seconds: f64,
}

impl fmt::Display for TrainReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "parser training sentences: {}", self.train_sentences)?;
        if self.dev_in_training {
            writeln!(
                f,
                "NOTE: dev was part of training; only test figures are held out"
            )?;
        }
        let dev_tags = if self.dev_in_training {
            "UPOS of the shipped tagger"
        } else {
            "UPOS of a train-only tagger"
        };
        writeln!(f, "parser dev  (gold tokens, {dev_tags}): {}", self.dev)?;
        writeln!(
            f,
            "parser test (gold tokens, predicted UPOS): {}",
            self.test
        )?;
        writeln!(
            f,
            "parser test (gold tokens, gold UPOS):      {}",
            self.test_gold_upos
        )?;
        writeln!(
            f,
            "parser model: {} bytes ({} move rows, {} label rows)",
            self.model_bytes, self.action_rows, self.label_rows
        )?;
        writeln!(f, "parser training time: {:.1} s", self.seconds)
    }
}

/// A treebank sentence ready for training: forms, UPOS used as features, gold tree.
struct Example {
    forms: Vec<String>,
    upos: Vec<Upos>,
    /// Gold head per word, `n` for the root.
    gold: Vec<u16>,
    rel: Vec<u8>,
}

/// UPOS for every sentence: the tagger's prediction (or gold).
pub fn predicted_upos(tagger: &Tagger, sents: &[Sentence]) -> Vec<Vec<Upos>> {
    let mut ts = TagScratch::default();
    sents
        .iter()
        .map(|s| {
            let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
            tagger.tag_into(&forms, &mut ts);
            ts.pos[..forms.len()]
                .iter()
                .map(|&c| tagger.pos_label(c))
                .collect()
        })
        .collect()
}

/// UPOS of the training sentences from k taggers, each trained on the other folds (folds by
/// a hash of the sentence id).
fn jackknifed_upos(opts: &TrainOptions, sents: &[Sentence]) -> Result<Vec<Vec<Upos>>, ParserError> {
    let mut tagged = sitrep_tagger::load_conllu(&opts.ud_dir.join(TRAIN))?;
    if opts.include_dev {
        tagged.extend(sitrep_tagger::load_conllu(&opts.ud_dir.join(DEV))?);
    }
    let k = opts.jackknife as u64;
    let fold_of = |id: &str| crate::hash::hash_bytes(7, id.as_bytes()) % k;
    let mut out: Vec<Vec<Upos>> = vec![Vec::new(); sents.len()];
    let tag_opts = sitrep_tagger::TrainOptions::default();
    for fold in 0..k {
        let rest: Vec<_> = tagged
            .iter()
            .filter(|s| fold_of(&s.id) != fold)
            .cloned()
            .collect();
        let tagger = sitrep_tagger::train_pos_tagger(&rest, &tag_opts)?;
        let idx: Vec<usize> = (0..sents.len())
            .filter(|&i| fold_of(&sents[i].id) == fold)
            .collect();
        let chosen: Vec<Sentence> = idx.iter().map(|&i| sents[i].clone()).collect();
        for (i, tags) in idx.into_iter().zip(predicted_upos(&tagger, &chosen)) {
            out[i] = tags;
        }
    }
    Ok(out)
}

/// Scores a parser on treebank sentences with the given UPOS.
pub fn evaluate(parser: &Parser, sents: &[Sentence], upos: &[Vec<Upos>]) -> Scores {
    let mut scores = Scores::default();
    let mut s = Scratch::default();
    let mut out: Vec<Dep> = Vec::new();
    for (sent, tags) in sents.iter().zip(upos) {
        let forms: Vec<&str> = sent.words.iter().map(|w| w.form.as_str()).collect();
        parser.parse_into(&forms, tags, &mut s, &mut out);
        for ((w, d), &t) in sent.words.iter().zip(&out).zip(tags) {
            scores.words += 1;
            scores.upos += (t == w.upos) as u64;
            if d.head == w.head {
                scores.uas += 1;
                scores.las += (d.rel.universal() == w.rel.universal()) as u64;
            }
        }
    }
    scores
}

/// Trains the parser; returns it with its figures, and writes it if `out_dir` is set.
pub fn train(opts: &TrainOptions) -> Result<(Parser, TrainReport), ParserError> {
    let started = Instant::now();
    let dir = &opts.ud_dir;
    let mut train_sents = read_file(&dir.join(TRAIN))?;
    let dev = read_file(&dir.join(DEV))?;
    let test = read_file(&dir.join(TEST))?;
    if opts.include_dev {
        train_sents.extend(dev.iter().cloned());
    }
    if train_sents.is_empty() {
        return Err(ParserError::Training("empty training data".into()));
    }
    let tagger = Tagger::embedded()?;
    let train_upos: Vec<Vec<Upos>> = if opts.gold_pos {
        train_sents
            .iter()
            .map(|s| s.words.iter().map(|w| w.upos).collect())
            .collect()
    } else if opts.jackknife > 1 {
        jackknifed_upos(opts, &train_sents)?
    } else {
        predicted_upos(&tagger, &train_sents)
    };

    // Labels seen in training, in enum order (deterministic).
    let mut seen = [false; 64];
    for s in &train_sents {
        for w in &s.words {
            seen[Deprel::ALL.iter().position(|&r| r == w.rel).unwrap_or(0)] = true;
        }
    }
    seen[Deprel::ALL
        .iter()
        .position(|&r| r == Deprel::Root)
        .unwrap_or(0)] = true;
    let labels: Vec<Deprel> = Deprel::ALL
        .iter()
        .enumerate()
        .filter(|(i, _)| seen[*i])
        .map(|(_, &r)| r)
        .collect();
    let root = labels.iter().position(|&l| l == Deprel::Root).unwrap_or(0) as u8;
    let examples: Vec<Example> = train_sents
        .iter()
        .zip(&train_upos)
        .filter(|(s, _)| s.words.len() < crate::parser::MAX_WORDS)
        .map(|(s, u)| {
            let n = s.words.len();
            Example {
                forms: s.words.iter().map(|w| w.form.clone()).collect(),
                upos: u.clone(),
                gold: s
                    .words
                    .iter()
                    .map(|w| {
                        if w.head == 0 {
                            n as u16
                        } else {
                            w.head as u16 - 1
                        }
                    })
                    .collect(),
                rel: s
                    .words
                    .iter()
                    .map(|w| labels.iter().position(|&l| l == w.rel).unwrap_or(0) as u8)
                    .collect(),
            }
        })
        .collect();

    let mut moves = Trainer::new(3, opts.action_bits);
    let mut labeller = Trainer::new(labels.len(), opts.label_bits);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = SplitMix(opts.seed ^ 0x5eed);
    let mut s = Scratch::default();
    let mut scores = vec![0i32; 64];
    let mut costs = [0u32; 3];
    let mut bt = BeamTraining::default();
    for it in 0..opts.iterations {
        SplitMix(opts.seed.wrapping_add(it as u64)).shuffle(&mut order);
        for &k in &order {
            let ex = &examples[k];
            let n = ex.forms.len();
            s.atoms.fill(&ex.forms, &ex.upos);
            if opts.beam > 1 {
                beam_sentence(
                    ex,
                    &s.atoms,
                    &mut moves,
                    &mut labeller,
                    labels.len(),
                    root,
                    opts.beam,
                    &mut bt,
                );
                continue;
            }
            s.state.reset(n);
            while !s.state.terminal() {
                transition_features(&s.atoms, &s.state, &mut s.feats);
                moves.score(&s.feats, &mut scores);
                let pred = best_valid(&s.state, &scores);
                let mut min = u32::MAX;
                for m in MOVES {
                    costs[m as usize] = if s.state.valid(m) {
                        s.state.cost(m, &ex.gold)
                    } else {
                        u32::MAX
                    };
                    min = min.min(costs[m as usize]);
                }
                let mut best_gold: Option<Move> = None;
                for m in MOVES {
                    if costs[m as usize] == min
                        && best_gold.is_none_or(|b| scores[m as usize] > scores[b as usize])
                    {
                        best_gold = Some(m);
                    }
                }
                let gold = best_gold.expect("some valid move");
                if costs[pred as usize] > min {
                    moves.update(&s.feats, gold as usize, pred as usize);
                }
                moves.tick();
                let follow =
                    if costs[pred as usize] == min || (it > 0 && rng.next_f64() < opts.explore) {
                        pred
                    } else {
                        gold
                    };
                let label = match s.state.arc_of(follow) {
                    Some((h, _)) if h == n => root,
                    Some((h, d)) => {
                        label_features(&s.atoms, &s.state, h, d, &mut s.feats);
                        labeller.score(&s.feats, &mut scores);
                        let guess = best_label(&scores[..labels.len()], root);
                        if ex.gold[d] as usize == h {
                            labeller.update(&s.feats, ex.rel[d] as usize, guess as usize);
                        }
                        labeller.tick();
                        guess
                    }
                    None => 0,
                };
                s.state.apply(follow, label);
            }
        }
    }
    let parser = Parser::new(
        moves.averaged(opts.prune),
        labeller.averaged(opts.prune),
        labels,
        opts.beam.max(1),
    )?;
    let bytes = parser.to_bytes();
    // Evaluate what is shipped: the written bytes, read back.
    let parser = Parser::from_bytes(&bytes)?;
    // The shipped tagger has seen dev: dev is tagged by one trained on train only, so dev
    // figures carry the tagging errors of unseen text (and guide choices honestly).
    let dev_upos = if opts.include_dev {
        predicted_upos(&tagger, &dev)
    } else {
        let tagged = sitrep_tagger::load_conllu(&opts.ud_dir.join(TRAIN))?;
        let train_only =
            sitrep_tagger::train_pos_tagger(&tagged, &sitrep_tagger::TrainOptions::default())?;
        predicted_upos(&train_only, &dev)
    };
    let test_upos = predicted_upos(&tagger, &test);
    let gold_upos = |sents: &[Sentence]| -> Vec<Vec<Upos>> {
        sents
            .iter()
            .map(|s| s.words.iter().map(|w| w.upos).collect())
            .collect()
    };
    let report = TrainReport {
        train_sentences: examples.len(),
        dev_in_training: opts.include_dev,
        dev: evaluate(&parser, &dev, &dev_upos),
        test: evaluate(&parser, &test, &test_upos),
        test_gold_upos: evaluate(&parser, &test, &gold_upos(&test)),
        model_bytes: bytes.len(),
        action_rows: parser.actions.nonzero_rows(),
        label_rows: parser.labeller.nonzero_rows(),
        seconds: started.elapsed().as_secs_f64(),
    };
    if let Some(out) = &opts.out_dir {
        std::fs::create_dir_all(out).map_err(|e| ParserError::io(out, e))?;
        let path = out.join(crate::parser::MODEL_FILE);
        std::fs::write(&path, &bytes).map_err(|e| ParserError::io(&path, e))?;
    }
    Ok((parser, report))
}

/// The models being trained, as the beam search sees them (current, not averaged, weights).
struct Training<'a> {
    moves: &'a Trainer,
    labeller: &'a Trainer,
    nlabels: usize,
    root: u8,
}

impl Models for Training<'_> {
    fn move_scores(&self, feats: &[u32], scores: &mut [i32]) {
        self.moves.score(feats, scores);
    }
    fn label_scores(&self, feats: &[u32], scores: &mut [i32]) {
        self.labeller.score(feats, scores);
    }
    fn label_count(&self) -> usize {
        self.nlabels
    }
    fn root_label(&self) -> u8 {
        self.root
    }
}

/// Buffers of beam training.
#[derive(Default)]
struct BeamTraining {
    beam: BeamScratch,
    gold: Vec<Move>,
    gold_hist: Vec<(Move, u8)>,
    best_hist: Vec<(Move, u8)>,
    sg: State,
    sp: State,
    feats: Vec<u32>,
    scores: Vec<i32>,
}

/// One sentence of beam training: the labeller learns along the gold sequence (greedy, its
/// own labels applied as at run time), then the move model by early update (Collins & Roark
/// 2004; Zhang & Clark 2008) against the static oracle's sequence (least-cost moves, LEFT
/// before RIGHT before SHIFT; for a non-projective tree, the best projective one).
#[allow(clippy::too_many_arguments)]
fn beam_sentence(
    ex: &Example,
    atoms: &Atoms,
    moves: &mut Trainer,
    labeller: &mut Trainer,
    nlabels: usize,
    root: u8,
    k: usize,
    b: &mut BeamTraining,
) {
    let n = ex.forms.len();
    b.scores.resize(64, 0);
    // The gold sequence, training the labeller on its arcs.
    b.gold.clear();
    b.sg.reset(n);
    while !b.sg.terminal() {
        let m = [Move::Left, Move::Right, Move::Shift]
            .into_iter()
            .filter(|&m| b.sg.valid(m))
            .min_by_key(|&m| b.sg.cost(m, &ex.gold))
            .expect("some valid move");
        let label = match b.sg.arc_of(m) {
            Some((h, _)) if h == n => root,
            Some((h, d)) => {
                label_features(atoms, &b.sg, h, d, &mut b.feats);
                labeller.score(&b.feats, &mut b.scores);
                let guess = best_label(&b.scores[..nlabels], root);
                if ex.gold[d] as usize == h {
                    labeller.update(&b.feats, ex.rel[d] as usize, guess as usize);
                }
                labeller.tick();
                guess
            }
            None => 0,
        };
        b.gold.push(m);
        b.sg.apply(m, label);
    }
    let models = Training {
        moves,
        labeller,
        nlabels,
        root,
    };
    let (gold_node, best_node) = match search(&models, atoms, n, k, Some(&b.gold), &mut b.beam) {
        Outcome::Done { gold: true, .. } => {
            moves.tick();
            return;
        }
        Outcome::Done { node, .. } => (None, node),
        Outcome::FellOut {
            gold_node,
            best_node,
        } => (Some(gold_node), best_node),
    };
    history(&b.beam.nodes, best_node, &mut b.best_hist);
    match gold_node {
        // Finished with the gold parse in the beam but not on top: its node is the gold item's.
        None => {
            b.gold_hist.clear();
            b.gold_hist.extend(b.gold.iter().map(|&m| (m, 0)));
        }
        Some(node) => {
            history(&b.beam.nodes, node, &mut b.gold_hist);
            b.gold_hist.push((b.gold[b.gold_hist.len()], 0));
        }
    }
    // Gold labels for the whole-gold case are irrelevant to the features only after the
    // last step; replay labels the arcs as the beam did, so both paths see the same states.
    if gold_node.is_none() {
        b.sg.reset(n);
        for step in b.gold_hist.iter_mut() {
            let m = step.0;
            let label = models.label(atoms, &b.sg, m, &mut b.feats);
            step.1 = if m == Move::Shift { 0 } else { label };
            b.sg.apply(m, step.1);
        }
    }
    b.sg.reset(n);
    b.sp.reset(n);
    let mut diverged = false;
    for (&(gm, gl), &(pm, pl)) in b.gold_hist.iter().zip(&b.best_hist) {
        if diverged || gm != pm {
            diverged = true;
            transition_features(atoms, &b.sg, &mut b.feats);
            moves.add(&b.feats, gm as usize, 1);
            transition_features(atoms, &b.sp, &mut b.feats);
            moves.add(&b.feats, pm as usize, -1);
        }
        b.sg.apply(gm, gl);
        b.sp.apply(pm, pl);
    }
    moves.tick();
}
