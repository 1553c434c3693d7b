//! Beam search over arc-hybrid transitions (Zhang & Clark 2008; Zhang & Nivre 2011): the k
//! best partial parses by summed move scores, each with its arcs labelled greedily when made.
//! Every parse of an n-word sentence takes exactly 2n moves, so items of one step compare.
//! Training uses the same search with early update: when the gold sequence leaves the beam,
//! the perceptron is moved towards the gold prefix and away from the best item (see
//! `train.rs`). Histories are an arena of (parent, move, label) nodes, so items share prefixes.

use crate::features::{label_features, transition_features, Atoms};
use crate::parser::best_label;
use crate::system::{Move, State, MOVES};

/// What the search needs from the move and label models (the shipped parser's tables, or
/// the weights being trained).
pub(crate) trait Models {
    fn move_scores(&self, feats: &[u32], scores: &mut [i32]);
    fn label_scores(&self, feats: &[u32], scores: &mut [i32]);
    /// Number of arc labels (at most 64).
    fn label_count(&self) -> usize;
    /// The label of the root arc.
    fn root_label(&self) -> u8;

    /// Label of the arc `m` would make in `st` (called only for LEFT and RIGHT).
    fn label(&self, atoms: &Atoms, st: &State, m: Move, feats: &mut Vec<u32>) -> u8 {
        match st.arc_of(m) {
            Some((h, d)) if h != st.n => {
                let mut scores = [0i32; 64];
                label_features(atoms, st, h, d, feats);
                self.label_scores(feats, &mut scores);
                best_label(&scores[..self.label_count()], self.root_label())
            }
            _ => self.root_label(),
        }
    }
}

/// One step of a history: the move, its arc's label, and the step before (`u32::MAX`: none).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Node {
    pub parent: u32,
    pub mv: Move,
    pub label: u8,
}

#[derive(Debug, Clone, Copy)]
struct Item {
    slot: usize,
    score: i64,
    node: u32,
    gold: bool,
}

/// Reusable buffers of the beam.
#[derive(Debug, Default)]
pub struct BeamScratch {
    states: Vec<State>,
    next_states: Vec<State>,
    items: Vec<Item>,
    next_items: Vec<Item>,
    cands: Vec<(i64, usize, Move)>,
    pub(crate) nodes: Vec<Node>,
    feats: Vec<u32>,
    scores: Vec<i32>,
}

/// The end of a search: the best final state's slot, or where the gold sequence fell out.
pub(crate) enum Outcome {
    /// The search finished; `best` is the top item's history node and whether it is gold.
    Done { node: u32, gold: bool },
    /// The gold sequence left the beam at this step: the gold item's history before it and
    /// the best item's history including it.
    FellOut { gold_node: u32, best_node: u32 },
}

impl BeamScratch {
    /// The best final state after [`search`] returned `Done` (items are kept sorted).
    pub(crate) fn best_state(&self) -> &State {
        &self.states[self.items[0].slot]
    }
}

/// Runs the beam of width `k` over the sentence in `atoms` (of `n` words). With
/// `gold_moves`, stops early when no item follows them.
pub(crate) fn search<M: Models>(
    models: &M,
    atoms: &Atoms,
    n: usize,
    k: usize,
    gold_moves: Option<&[Move]>,
    b: &mut BeamScratch,
) -> Outcome {
    let k = k.max(1);
    b.nodes.clear();
    b.items.clear();
    if b.states.len() < k {
        b.states.resize_with(k, State::default);
        b.next_states.resize_with(k, State::default);
    }
    b.states[0].reset(n);
    b.items.push(Item {
        slot: 0,
        score: 0,
        node: u32::MAX,
        gold: true,
    });
    b.scores.resize(64, 0);
    let mut step = 0usize;
    while !b.states[b.items[0].slot].terminal() {
        b.cands.clear();
        for (i, item) in b.items.iter().enumerate() {
            let st = &b.states[item.slot];
            transition_features(atoms, st, &mut b.feats);
            models.move_scores(&b.feats, &mut b.scores);
            for m in MOVES {
                if st.valid(m) {
                    b.cands
                        .push((item.score + b.scores[m as usize] as i64, i, m));
                }
            }
        }
        // Best first; ties by item then move, so the search is deterministic.
        b.cands.sort_unstable_by(|x, y| {
            y.0.cmp(&x.0)
                .then(x.1.cmp(&y.1))
                .then((x.2 as u8).cmp(&(y.2 as u8)))
        });
        b.cands.truncate(k);
        let gold_move = gold_moves.map(|g| g[step]);
        b.next_items.clear();
        for (slot, &(score, i, m)) in b.cands.iter().enumerate() {
            let parent = b.items[i];
            let label = match m {
                Move::Shift => 0,
                _ => models.label(atoms, &b.states[parent.slot], m, &mut b.feats),
            };
            b.next_states[slot].clone_from(&b.states[parent.slot]);
            b.next_states[slot].apply(m, label);
            b.nodes.push(Node {
                parent: parent.node,
                mv: m,
                label,
            });
            b.next_items.push(Item {
                slot,
                score,
                node: b.nodes.len() as u32 - 1,
                gold: parent.gold && gold_move == Some(m),
            });
        }
        if gold_moves.is_some() && !b.next_items.iter().any(|it| it.gold) {
            let gold_node = b
                .items
                .iter()
                .find(|it| it.gold)
                .map_or(u32::MAX, |it| it.node);
            return Outcome::FellOut {
                gold_node,
                best_node: b.next_items[0].node,
            };
        }
        std::mem::swap(&mut b.items, &mut b.next_items);
        std::mem::swap(&mut b.states, &mut b.next_states);
        step += 1;
    }
    Outcome::Done {
        node: b.items[0].node,
        gold: b.items[0].gold,
    }
}

/// The (move, label) history ending at `node`, first move first.
pub(crate) fn history(nodes: &[Node], mut node: u32, out: &mut Vec<(Move, u8)>) {
    out.clear();
    while node != u32::MAX {
        let nd = nodes[node as usize];
        out.push((nd.mv, nd.label));
        node = nd.parent;
    }
    out.reverse();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parser::{Parser, Scratch};
    use crate::table::Table;
    use sitrep_doc::{Dep, Deprel, Upos};

    fn words(n: usize) -> (Vec<String>, Vec<Upos>) {
        let tags = [
            Upos::Det,
            Upos::Noun,
            Upos::Verb,
            Upos::Adp,
            Upos::Propn,
            Upos::Punct,
        ];
        (
            (0..n).map(|i| format!("w{}", i % 7)).collect(),
            (0..n).map(|i| tags[i % tags.len()]).collect(),
        )
    }

    /// Every word has one head inside the sentence or the root, exactly one word is the
    /// root's, and following heads from any word reaches the root.
    fn assert_tree(deps: &[Dep]) {
        let n = deps.len();
        assert_eq!(deps.iter().filter(|d| d.head == 0).count(), 1);
        for (i, d) in deps.iter().enumerate() {
            assert!(d.head as usize <= n && d.head as usize != i + 1);
            assert_eq!(d.head == 0, d.rel == Deprel::Root);
            let (mut at, mut steps) = (i + 1, 0);
            while at != 0 {
                at = deps[at - 1].head as usize;
                steps += 1;
                assert!(steps <= n, "cycle through word {i}");
            }
        }
    }

    #[test]
    fn beam_parses_are_single_rooted_trees() {
        let labels = vec![Deprel::Root, Deprel::Nsubj, Deprel::Obj, Deprel::Punct];
        for k in [2, 5] {
            let parser = Parser::new(Table::zeros(3, 8), Table::zeros(4, 8), labels.clone(), k)
                .expect("valid model");
            let mut s = Scratch::default();
            let mut out = Vec::new();
            for n in [1, 2, 3, 8, 31] {
                let (w, u) = words(n);
                parser.parse_into(&w, &u, &mut s, &mut out);
                assert_eq!(out.len(), n);
                assert_tree(&out);
            }
        }
    }

    #[test]
    fn a_beam_of_one_decodes_as_the_greedy_parser() {
        let parser = Parser::embedded().expect("embedded model");
        let mut s = Scratch::default();
        let (mut greedy, mut bs) = (Vec::new(), BeamScratch::default());
        for n in [1, 4, 17, 40] {
            let (w, u) = words(n);
            parser.parse_greedy(&w, &u, &mut s, &mut greedy);
            search(&*parser, &s.atoms, n, 1, None, &mut bs);
            let st = bs.best_state();
            for (i, d) in greedy.iter().enumerate() {
                let h = st.head[i] as usize;
                assert_eq!(
                    d.head as usize,
                    if h == n { 0 } else { h + 1 },
                    "word {i} of {n}"
                );
                assert_eq!(d.rel, parser.labels()[st.label[i] as usize]);
            }
        }
    }
}
