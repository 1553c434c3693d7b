//! The arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez & Satta 2011) with the root
//! at the end of the buffer (Ballesteros & Nivre 2013), and its exact dynamic oracle for
//! projective trees (Goldberg & Nivre 2013).
//!
//! Words are `0..n`; position `n` is the artificial root. SHIFT moves the buffer front onto
//! the stack; LEFT makes the buffer front the head of the stack top and pops it; RIGHT makes
//! the second stack item the head of the top and pops it. The root takes exactly one
//! dependent, and only when the stack holds one word: every parse is a single-rooted tree.

pub const NONE: u16 = u16::MAX;
/// No label yet (or none).
pub const NO_LABEL: u8 = u8::MAX;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    Shift = 0,
    Left = 1,
    Right = 2,
}

pub const MOVES: [Move; 3] = [Move::Shift, Move::Left, Move::Right];

/// A parser configuration plus what features need about the partial tree.
#[derive(Debug, Clone, Default)]
pub struct State {
    pub n: usize,
    pub stack: Vec<u16>,
    /// Buffer front; `n` is the root.
    pub b: usize,
    pub head: Vec<u16>,
    pub label: Vec<u8>,
    /// Leftmost, second leftmost, rightmost and second rightmost dependents.
    pub lc1: Vec<u16>,
    pub lc2: Vec<u16>,
    pub rc1: Vec<u16>,
    pub rc2: Vec<u16>,
    /// Left and right valency.
    pub nl: Vec<u8>,
    pub nr: Vec<u8>,
    /// Bit sets of the labels of left and right dependents.
    pub lset: Vec<u64>,
    pub rset: Vec<u64>,
}

impl State {
    /// Resets to the initial configuration of an `n`-word sentence.
    pub fn reset(&mut self, n: usize) {
        self.n = n;
        self.stack.clear();
        self.b = 0;
        for v in [
            &mut self.head,
            &mut self.lc1,
            &mut self.lc2,
            &mut self.rc1,
            &mut self.rc2,
        ] {
            v.clear();
            v.resize(n + 1, NONE);
        }
        self.label.clear();
        self.label.resize(n + 1, NO_LABEL);
        for v in [&mut self.nl, &mut self.nr] {
            v.clear();
            v.resize(n + 1, 0);
        }
        for v in [&mut self.lset, &mut self.rset] {
            v.clear();
            v.resize(n + 1, 0);
        }
    }

    pub fn terminal(&self) -> bool {
        self.stack.is_empty() && self.b == self.n
    }

    #[inline]
    pub fn s(&self, k: usize) -> u16 {
        let len = self.stack.len();
        if k < len {
            self.stack[len - 1 - k]
        } else {
            NONE
        }
    }

    pub fn valid(&self, m: Move) -> bool {
        let len = self.stack.len();
        match m {
            Move::Shift => self.b < self.n,
            Move::Left => len >= 1 && (self.b < self.n || len == 1),
            Move::Right => len >= 2,
        }
    }

    /// The arc a move would add, as (head, dependent).
    pub fn arc_of(&self, m: Move) -> Option<(usize, usize)> {
        let s0 = self.s(0) as usize;
        match m {
            Move::Shift => None,
            Move::Left => Some((self.b, s0)),
            Move::Right => Some((self.s(1) as usize, s0)),
        }
    }

    /// Applies a valid move; a LEFT or RIGHT adds its arc with `label`.
    pub fn apply(&mut self, m: Move, label: u8) {
        match m {
            Move::Shift => {
                self.stack.push(self.b as u16);
                self.b += 1;
            }
            Move::Left | Move::Right => {
                let (h, d) = self.arc_of(m).expect("arc move");
                self.stack.pop();
                self.add_arc(h, d, label);
            }
        }
    }

    fn add_arc(&mut self, h: usize, d: usize, label: u8) {
        self.head[d] = h as u16;
        self.label[d] = label;
        let bit = if label < 64 { 1u64 << label } else { 0 };
        let d16 = d as u16;
        if d < h {
            self.nl[h] = self.nl[h].saturating_add(1);
            self.lset[h] |= bit;
            if self.lc1[h] == NONE || d16 < self.lc1[h] {
                self.lc2[h] = self.lc1[h];
                self.lc1[h] = d16;
            } else if self.lc2[h] == NONE || d16 < self.lc2[h] {
                self.lc2[h] = d16;
            }
        } else {
            self.nr[h] = self.nr[h].saturating_add(1);
            self.rset[h] |= bit;
            if self.rc1[h] == NONE || d16 > self.rc1[h] {
                self.rc2[h] = self.rc1[h];
                self.rc1[h] = d16;
            } else if self.rc2[h] == NONE || d16 > self.rc2[h] {
                self.rc2[h] = d16;
            }
        }
    }

    /// Number of gold arcs that become unreachable by `m` (Goldberg & Nivre 2013).
    /// `gold[i]` is the gold head of word `i` (`n` = root).
    pub fn cost(&self, m: Move, gold: &[u16]) -> u32 {
        let n = self.n;
        let b = self.b;
        let deps_in_buffer = |x: usize| (b..n).filter(|&d| gold[d] as usize == x).count() as u32;
        match m {
            Move::Shift => {
                let len = self.stack.len();
                let below = &self.stack[..len.saturating_sub(1)];
                let head_lost = below.iter().any(|&k| k == gold[b]) as u32;
                let deps_lost = self
                    .stack
                    .iter()
                    .filter(|&&d| gold[d as usize] as usize == b)
                    .count() as u32;
                head_lost + deps_lost
            }
            Move::Left => {
                let s0 = self.s(0) as usize;
                let g = gold[s0] as usize;
                let s1 = self.s(1);
                let head_lost = (s1 != NONE && g == s1 as usize) || (g > b && g <= n);
                head_lost as u32 + deps_in_buffer(s0)
            }
            Move::Right => {
                let s0 = self.s(0) as usize;
                let g = gold[s0] as usize;
                let head_lost = g >= b && g <= n;
                head_lost as u32 + deps_in_buffer(s0)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Follows the oracle (a zero-cost move, preferring LEFT/RIGHT over SHIFT) and checks it
    /// rebuilds every projective gold tree exactly.
    fn oracle_parse(gold: &[u16]) -> Vec<u16> {
        let n = gold.len();
        let mut st = State::default();
        st.reset(n);
        while !st.terminal() {
            let m = [Move::Left, Move::Right, Move::Shift]
                .into_iter()
                .find(|&m| st.valid(m) && st.cost(m, gold) == 0)
                .expect("a zero-cost move exists for a projective tree");
            st.apply(m, 0);
        }
        st.head[..n].to_vec()
    }

    #[test]
    fn oracle_rebuilds_projective_trees() {
        // "She gave him books ." root=gave(1)=n
        let n = 5u16;
        let trees: Vec<Vec<u16>> = vec![
            vec![1, n, 1, 1, 1],
            vec![n],
            vec![1, n, 3, 1],
            vec![2, 2, n, 4, 2, 2],
            vec![n, 0, 1, 2, 3],
        ];
        for mut gold in trees {
            let len = gold.len() as u16;
            for h in gold.iter_mut() {
                if *h == n {
                    *h = len;
                }
            }
            assert_eq!(oracle_parse(&gold), gold);
        }
    }

    #[test]
    fn one_root_only() {
        let mut st = State::default();
        st.reset(2);
        st.apply(Move::Shift, 0);
        st.apply(Move::Shift, 0);
        assert!(!st.valid(Move::Left) && st.valid(Move::Right) && !st.valid(Move::Shift));
        st.apply(Move::Right, 0);
        assert!(st.valid(Move::Left));
        st.apply(Move::Left, 0);
        assert!(st.terminal());
        assert_eq!(st.head[..2], [2, 0]);
    }
}
