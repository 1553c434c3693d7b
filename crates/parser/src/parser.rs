//! The runtime parser: greedy arc-hybrid decoding with the action and label tables, and its
//! model file.
//!
//! ```text
//! magic    8 bytes "SITRPAR2"
//! beam     u32, the beam width it was trained for (1: greedy)
//! nlabels  u32, then per label: u8 length + UTF-8 (a UD relation, `root` among them)
//! action table, label table: nclasses u32, bits u32, nrows u32, rows (u32 row + nclasses × i16)
//! ```

use crate::beam::{search, BeamScratch, Models};
use crate::features::{configuration_features_with, label_features_with, Atoms, RoleFeatures};
use crate::system::{Move, State, MOVES, NONE};
use crate::table::{Reader, Table};
use crate::ParserError;
use sitrep_doc::{Dep, Deprel, Upos};
use std::path::Path;
use std::sync::{Arc, OnceLock};

pub const MAGIC: &[u8; 8] = b"SITRPAR2";
/// File name of the model in a model directory.
pub const MODEL_FILE: &str = "parser.bin";
static EMBEDDED: &[u8] = include_bytes!("../model/parser.bin");

/// Longest sentence parsed (positions are u16); longer ones are attached flat.
pub const MAX_WORDS: usize = 4096;

/// A trained parser: transition classifier, arc labeller and the label set.
#[derive(Debug, Clone, PartialEq)]
pub struct Parser {
    pub(crate) actions: Table,
    pub(crate) labeller: Table,
    pub(crate) labels: Vec<Deprel>,
    pub(crate) root: u8,
    /// Beam width of decoding (the width it was trained with; 1 is greedy).
    pub(crate) beam: usize,
}

/// Largest beam width a model may ask for.
pub const MAX_BEAM: usize = 64;

/// Reusable buffers of one thread.
#[derive(Debug, Default)]
pub struct Scratch {
    pub(crate) atoms: Atoms,
    pub(crate) state: State,
    pub(crate) feats: Vec<u32>,
    pub(crate) scores: Vec<i32>,
    pub(crate) beam: BeamScratch,
    /// Move-score sums of the features of each word as s0, s1, s2 and of each buffer
    /// position, one sentence at a time (see [`Parser::fill_roles`]).
    pub(crate) roles: Vec<[i32; 4]>,
}

impl Parser {
    pub fn new(
        actions: Table,
        labeller: Table,
        labels: Vec<Deprel>,
        beam: usize,
    ) -> Result<Parser, ParserError> {
        if !(1..=MAX_BEAM).contains(&beam) {
            return Err(ParserError::bad_model("beam", format!("width {beam}")));
        }
        let root = labels
            .iter()
            .position(|&l| l == Deprel::Root)
            .ok_or_else(|| ParserError::bad_model("labels", "no root label"))?
            as u8;
        if actions.nclasses != 3 || labeller.nclasses != labels.len() || labels.len() > 64 {
            return Err(ParserError::bad_model(
                "tables",
                format!(
                    "{} actions, {} label classes for {} labels",
                    actions.nclasses,
                    labeller.nclasses,
                    labels.len()
                ),
            ));
        }
        Ok(Parser {
            actions,
            labeller,
            labels,
            root,
            beam,
        })
    }

    /// The model shipped in the binary, loaded once per process.
    pub fn embedded() -> Result<Arc<Parser>, ParserError> {
        static SHARED: OnceLock<Result<Arc<Parser>, String>> = OnceLock::new();
        SHARED
            .get_or_init(|| {
                Parser::from_bytes(EMBEDDED)
                    .map(Arc::new)
                    .map_err(|e| e.to_string())
            })
            .clone()
            .map_err(|m| ParserError::bad_model("embedded", m))
    }

    pub fn load_dir(dir: &Path) -> Result<Parser, ParserError> {
        let path = dir.join(MODEL_FILE);
        let bytes = std::fs::read(&path).map_err(|e| ParserError::io(&path, e))?;
        Parser::from_bytes(&bytes)
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(self.beam as u32).to_le_bytes());
        out.extend_from_slice(&(self.labels.len() as u32).to_le_bytes());
        for l in &self.labels {
            out.push(l.as_str().len() as u8);
            out.extend_from_slice(l.as_str().as_bytes());
        }
        self.actions.write(&mut out);
        self.labeller.write(&mut out);
        out
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Parser, ParserError> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(8)? != MAGIC {
            return Err(ParserError::bad_model(
                "header",
                "bad magic (not a sitrep parser model)",
            ));
        }
        let beam = r.u32()? as usize;
        let n = r.u32()? as usize;
        if n == 0 || n > 64 {
            return Err(ParserError::bad_model("labels", format!("{n} labels")));
        }
        let mut labels = Vec::with_capacity(n);
        for _ in 0..n {
            let len = r.u8()? as usize;
            let s = std::str::from_utf8(r.take(len)?)
                .map_err(|e| ParserError::bad_model("labels", e.to_string()))?;
            labels.push(
                Deprel::parse(s)
                    .ok_or_else(|| ParserError::bad_model("labels", format!("unknown {s:?}")))?,
            );
        }
        let actions = Table::read(&mut r)?;
        let labeller = Table::read(&mut r)?;
        if r.at != bytes.len() {
            return Err(ParserError::bad_model(
                "trailer",
                format!("{} trailing bytes", bytes.len() - r.at),
            ));
        }
        Parser::new(actions, labeller, labels, beam)
    }

    /// Beam width of decoding (1: greedy).
    pub fn beam(&self) -> usize {
        self.beam
    }

    pub fn labels(&self) -> &[Deprel] {
        &self.labels
    }

    /// Model size in bytes as written.
    pub fn model_bytes(&self) -> usize {
        self.to_bytes().len()
    }

    /// Parses one sentence of words with their UPOS tags into `out` (one [`Dep`] per word).
    pub fn parse_into<S: AsRef<str>>(
        &self,
        words: &[S],
        upos: &[Upos],
        s: &mut Scratch,
        out: &mut Vec<Dep>,
    ) {
        out.clear();
        let n = words.len().min(upos.len());
        if n == 0 {
            return;
        }
        if n > MAX_WORDS {
            // Flat fallback: linear time for pathological "sentences" (tables, lists).
            out.push(Dep {
                head: 0,
                rel: Deprel::Root,
            });
            out.extend((1..n).map(|_| Dep {
                head: 1,
                rel: Deprel::Dep,
            }));
            return;
        }
        if self.beam > 1 {
            s.atoms.fill(&words[..n], &upos[..n]);
            search(self, &s.atoms, n, self.beam, None, &mut s.beam);
            self.read_tree(s.beam.best_state(), out);
        } else {
            self.parse_greedy(&words[..n], &upos[..n], s, out);
        }
    }

    /// The heads and labels of a final state, 1-based, 0 for the root.
    fn read_tree(&self, st: &State, out: &mut Vec<Dep>) {
        let n = st.n;
        out.extend((0..n).map(|i| {
            let h = st.head[i] as usize;
            Dep {
                head: if h == n { 0 } else { h as u32 + 1 },
                rel: self.labels[st.label[i] as usize],
            }
        }));
    }

    /// Greedy decoding: the best valid move at each step (a beam of one, without copies).
    pub(crate) fn parse_greedy<S: AsRef<str>>(
        &self,
        words: &[S],
        upos: &[Upos],
        s: &mut Scratch,
        out: &mut Vec<Dep>,
    ) {
        out.clear();
        let n = words.len().min(upos.len());
        if n == 0 {
            return;
        }
        s.atoms.fill(&words[..n], &upos[..n]);
        s.state.reset(n);
        s.scores.resize(64, 0);
        self.fill_roles(s, n);
        while !s.state.terminal() {
            let m = self.next_move(s);
            let label = match s.state.arc_of(m) {
                Some((h, d)) => self.label_of(s, h, d),
                None => 0,
            };
            s.state.apply(m, label);
        }
        self.read_tree(&s.state, out);
    }

    /// Sums the move weights of the features that depend on one word in one role (s0, s1,
    /// s2) or on the buffer position alone, for every word of the sentence: each word takes
    /// each role about once or twice, so a transition adds four sums instead of looking up
    /// a quarter of its feature rows again. Row `role * (n + 2) + i`; `i = n + 1` stands for
    /// an empty stack slot.
    fn fill_roles(&self, s: &mut Scratch, n: usize) {
        let width = n + 2;
        s.roles.clear();
        s.roles.resize(4 * width, [0; 4]);
        for (r, role) in RoleFeatures::ALL.into_iter().enumerate() {
            for i in 0..width {
                let at = if i == n + 1 { NONE } else { i as u16 };
                if role == RoleFeatures::Buffer && at == NONE {
                    continue; // the buffer front is a word or the root
                }
                role.features_with(&s.atoms, n, at, &mut s.feats, |f| self.actions.prefetch(f));
                s.roles[r * width + i] = self.actions.sum4(&s.feats);
            }
        }
    }

    /// Best-scoring valid move: the configuration's features plus the role sums of s0, s1,
    /// s2 and the buffer front (the same integer sum as scoring every feature at once).
    pub(crate) fn next_move(&self, s: &mut Scratch) -> Move {
        configuration_features_with(&s.atoms, &s.state, &mut s.feats, |f| {
            self.actions.prefetch(f)
        });
        let mut acc = self.actions.sum4(&s.feats);
        let n = s.state.n;
        let width = n + 2;
        let slot = |i: u16| if i == NONE { n + 1 } else { i as usize };
        for row in [
            s.roles[slot(s.state.s(0))],
            s.roles[width + slot(s.state.s(1))],
            s.roles[2 * width + slot(s.state.s(2))],
            s.roles[3 * width + s.state.b],
        ] {
            for (a, v) in acc.iter_mut().zip(row) {
                *a += v;
            }
        }
        s.scores[..4].copy_from_slice(&acc);
        best_valid(&s.state, &s.scores)
    }

    /// Label of a new arc: `root` for the root's dependent, otherwise the best other label.
    pub(crate) fn label_of(&self, s: &mut Scratch, h: usize, d: usize) -> u8 {
        if h == s.state.n {
            return self.root;
        }
        label_features_with(&s.atoms, &s.state, h, d, &mut s.feats, |f| {
            self.labeller.prefetch(f)
        });
        self.labeller.score(&s.feats, &mut s.scores);
        best_label(&s.scores[..self.labels.len()], self.root)
    }
}

impl Models for Parser {
    fn move_scores(&self, feats: &[u32], scores: &mut [i32]) {
        self.actions.score(feats, scores);
    }
    fn label_scores(&self, feats: &[u32], scores: &mut [i32]) {
        self.labeller.score(feats, scores);
    }
    fn label_count(&self) -> usize {
        self.labels.len()
    }
    fn root_label(&self) -> u8 {
        self.root
    }
}

pub(crate) fn best_valid(st: &State, scores: &[i32]) -> Move {
    let mut best = None;
    for m in MOVES {
        if st.valid(m) && best.is_none_or(|(_, b)| scores[m as usize] > b) {
            best = Some((m, scores[m as usize]));
        }
    }
    best.map(|(m, _)| m)
        .expect("a non-terminal state has a valid move")
}

pub(crate) fn best_label(scores: &[i32], root: u8) -> u8 {
    let mut best = (0u8, i32::MIN);
    for (k, &v) in scores.iter().enumerate() {
        if k as u8 != root && v > best.1 {
            best = (k as u8, v);
        }
    }
    best.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::transition_features;

    /// The greedy decoder scores moves from per-word role sums plus the configuration's own
    /// features; at every step that must equal scoring the full feature list, which is what
    /// the model was trained on.
    #[test]
    fn role_sums_give_the_full_scores() {
        let parser = Parser::embedded().unwrap();
        let sentences: [(&[&str], &[Upos]); 3] = [
            (
                &["Officials", "in", "Geneva", "said", "talks", "failed", "."],
                &[
                    Upos::Noun,
                    Upos::Adp,
                    Upos::Propn,
                    Upos::Verb,
                    Upos::Noun,
                    Upos::Verb,
                    Upos::Punct,
                ],
            ),
            (&["Yes"], &[Upos::Intj]),
            (
                &[
                    "The", "ban", "imposed", "by", "China", "angered", "Canberra", ".",
                ],
                &[
                    Upos::Det,
                    Upos::Noun,
                    Upos::Verb,
                    Upos::Adp,
                    Upos::Propn,
                    Upos::Verb,
                    Upos::Propn,
                    Upos::Punct,
                ],
            ),
        ];
        let mut s = Scratch::default();
        let mut full = vec![0i32; 64];
        let mut feats = Vec::new();
        for (words, upos) in sentences {
            let n = words.len();
            s.atoms.fill(words, upos);
            s.state.reset(n);
            s.scores.resize(64, 0);
            parser.fill_roles(&mut s, n);
            let mut steps = 0;
            while !s.state.terminal() {
                let m = parser.next_move(&mut s);
                transition_features(&s.atoms, &s.state, &mut feats);
                parser.actions.score(&feats, &mut full);
                assert_eq!(s.scores[..3], full[..3], "step {steps} of {words:?}");
                let label = match s.state.arc_of(m) {
                    Some((h, d)) => parser.label_of(&mut s, h, d),
                    None => 0,
                };
                s.state.apply(m, label);
                steps += 1;
            }
            assert_eq!(steps, 2 * n);
        }
    }
}
