//! Feature extraction: per-word atoms (computed once per token), the transition features
//! after Zhang & Nivre (2011) adapted to arc-hybrid (words, tags, distance, valency, leftmost
//! and rightmost dependents and their labels, label sets), and the arc-label features.
//! Features are hashed from 64-bit parts, never built as strings.

use crate::hash::{finish, hash_bytes, mix};
use crate::system::{State, NONE, NO_LABEL};
use sitrep_doc::Upos;

const W_NONE: u64 = 0x9e37_79b9_7f4a_7c15;
const W_ROOT: u64 = 0x2545_f491_4f6c_dd1d;
const P_NONE: u64 = 18;
const P_ROOT: u64 = 17;

/// The per-word parts features are made of.
#[derive(Debug, Clone, Default)]
pub struct Atoms {
    /// Hash of the lowercased word with digits as `0`.
    pub w: Vec<u64>,
    /// UPOS class.
    pub p: Vec<u64>,
    /// Hash of the last three characters of the normalized word.
    pub sfx: Vec<u64>,
    /// Spelling class: capitalization, digits, hyphen, punctuation (see [`shape_of`]); it
    /// carries a proper noun or a number the tagger mislabelled.
    pub shape: Vec<u64>,
    buf: String,
}

/// Hash of a word's normalized form (lowercase, digits as `0`) and of its last three chars.
pub fn word_hashes(word: &str, buf: &mut String) -> (u64, u64) {
    buf.clear();
    for c in word.chars() {
        if c.is_ascii_digit() {
            buf.push('0');
        } else if c.is_ascii() {
            buf.push(c.to_ascii_lowercase());
        } else {
            buf.extend(c.to_lowercase());
        }
    }
    let w = hash_bytes(1, buf.as_bytes());
    let tail = buf.char_indices().rev().nth(2).map_or(0, |(i, _)| i);
    (w, hash_bytes(2, &buf.as_bytes()[tail..]))
}

/// Spelling class of a word: lowercase / Capitalized / ALLCAPS / no letter, times has a
/// digit, times has a hyphen, plus one-char punctuation.
pub fn shape_of(word: &str) -> u64 {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return 0;
    };
    let (mut upper, mut lower, mut digit, mut hyphen) = (0u64, 0u64, 0u64, 0u64);
    for c in word.chars() {
        upper += c.is_uppercase() as u64;
        lower += c.is_lowercase() as u64;
        digit |= c.is_ascii_digit() as u64;
        hyphen |= (c == '-') as u64;
    }
    let case = if upper + lower == 0 {
        if chars.next().is_none() && !first.is_alphanumeric() {
            return 16 + (first as u64 & 0xff);
        }
        0
    } else if lower == 0 {
        3
    } else if first.is_uppercase() {
        2
    } else {
        1
    };
    1 + case * 4 + digit * 2 + hyphen
}

impl Atoms {
    /// Fills the atoms of a sentence (and of the root after it).
    pub fn fill<S: AsRef<str>>(&mut self, words: &[S], upos: &[Upos]) {
        self.w.clear();
        self.p.clear();
        self.sfx.clear();
        self.shape.clear();
        for (word, &u) in words.iter().zip(upos) {
            let (w, s) = word_hashes(word.as_ref(), &mut self.buf);
            self.w.push(w);
            self.sfx.push(s);
            self.shape.push(shape_of(word.as_ref()));
            self.p.push(u as u64);
        }
        self.w.push(W_ROOT);
        self.sfx.push(W_ROOT);
        self.shape.push(W_ROOT);
        self.p.push(P_ROOT);
    }

    #[inline]
    fn w(&self, i: u16) -> u64 {
        if i == NONE {
            W_NONE
        } else {
            self.w[i as usize]
        }
    }
    #[inline]
    fn sfx(&self, i: u16) -> u64 {
        if i == NONE {
            W_NONE
        } else {
            self.sfx[i as usize]
        }
    }
    #[inline]
    fn shape(&self, i: u16) -> u64 {
        if i == NONE {
            W_NONE
        } else {
            self.shape[i as usize]
        }
    }
    #[inline]
    fn p(&self, i: u16) -> u64 {
        if i == NONE {
            P_NONE
        } else {
            self.p[i as usize]
        }
    }
}

#[inline(always)]
fn f1(t: u64, a: u64) -> u32 {
    finish(mix(t.wrapping_mul(0x1000_0000_01b3), a))
}
#[inline(always)]
fn f2(t: u64, a: u64, b: u64) -> u32 {
    finish(mix(mix(t.wrapping_mul(0x1000_0000_01b3), a), b))
}
#[inline(always)]
fn f3(t: u64, a: u64, b: u64, c: u64) -> u32 {
    finish(mix(mix(mix(t.wrapping_mul(0x1000_0000_01b3), a), b), c))
}
#[inline(always)]
fn f4(t: u64, a: u64, b: u64, c: u64, d: u64) -> u32 {
    finish(mix(
        mix(mix(mix(t.wrapping_mul(0x1000_0000_01b3), a), b), c),
        d,
    ))
}

fn lab(st: &State, i: u16) -> u64 {
    if i == NONE {
        NO_LABEL as u64
    } else {
        st.label[i as usize] as u64
    }
}

fn child(v: &[u16], i: u16) -> u16 {
    if i == NONE {
        NONE
    } else {
        v[i as usize]
    }
}

/// Distance bucket of two positions.
fn dist(a: u16, b: u16) -> u64 {
    if a == NONE || b == NONE {
        return 0;
    }
    match (b as i64 - a as i64).unsigned_abs() {
        d @ 0..=4 => d,
        5..=6 => 5,
        7..=9 => 6,
        _ => 7,
    }
}

/// Where features go: the list the tables sum, and a hint called with each feature as it is
/// made, so the decoder can prefetch the feature's weight row while the next ones are hashed
/// (the rows are scattered over megabytes: their loads, not the hashing, dominate).
struct Out<'a, H: Fn(u32)> {
    v: &'a mut Vec<u32>,
    hint: H,
}

impl<H: Fn(u32)> Out<'_, H> {
    #[inline(always)]
    fn push(&mut self, f: u32) {
        (self.hint)(f);
        self.v.push(f);
    }
}

/// The features of the next transition.
pub fn transition_features(a: &Atoms, st: &State, out: &mut Vec<u32>) {
    transition_features_with(a, st, out, |_| ());
}

/// [`transition_features`], calling `hint` with each feature as it is made.
#[inline]
pub fn transition_features_with(a: &Atoms, st: &State, out: &mut Vec<u32>, hint: impl Fn(u32)) {
    out.clear();
    let mut out = Out { v: out, hint };
    s0_features(a, st.s(0), &mut out);
    s1_features(a, st.s(1), &mut out);
    s2_features(a, st.s(2), &mut out);
    buffer_features(a, st.n, st.b, &mut out);
    configuration_features(a, st, &mut out);
}

/// The transition features that depend on the configuration beyond one position: pairs
/// and triples of the stack and buffer, distances, valencies, dependents and their labels
/// (the rest depend on the word at s0, s1 or s2, or on the buffer position alone, so a
/// decoder may sum their weights once per word, see [`RoleFeatures`]).
#[inline]
pub fn configuration_features_with(a: &Atoms, st: &State, out: &mut Vec<u32>, hint: impl Fn(u32)) {
    out.clear();
    let mut out = Out { v: out, hint };
    configuration_features(a, st, &mut out);
}

/// The features of one word as s0, s1 or s2, or of one buffer position: each takes a
/// position (`NONE` for an empty stack slot; the root is `n`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoleFeatures {
    S0,
    S1,
    S2,
    Buffer,
}

impl RoleFeatures {
    pub const ALL: [RoleFeatures; 4] = [
        RoleFeatures::S0,
        RoleFeatures::S1,
        RoleFeatures::S2,
        RoleFeatures::Buffer,
    ];

    /// The role's features of position `i` of an `n`-word sentence.
    #[inline]
    pub fn features_with(
        self,
        a: &Atoms,
        n: usize,
        i: u16,
        out: &mut Vec<u32>,
        hint: impl Fn(u32),
    ) {
        out.clear();
        let mut out = Out { v: out, hint };
        match self {
            RoleFeatures::S0 => s0_features(a, i, &mut out),
            RoleFeatures::S1 => s1_features(a, i, &mut out),
            RoleFeatures::S2 => s2_features(a, i, &mut out),
            RoleFeatures::Buffer => buffer_features(a, n, i as usize, &mut out),
        }
    }
}

#[inline(always)]
fn s0_features<H: Fn(u32)>(a: &Atoms, s0: u16, out: &mut Out<'_, H>) {
    let (s0w, s0p) = (a.w(s0), a.p(s0));
    out.push(f1(1, s0w));
    out.push(f1(2, s0p));
    out.push(f2(3, s0w, s0p));
    out.push(f2(17, a.sfx(s0), s0p));
    out.push(f2(113, a.shape(s0), s0p));
}

#[inline(always)]
fn s1_features<H: Fn(u32)>(a: &Atoms, s1: u16, out: &mut Out<'_, H>) {
    let (s1w, s1p) = (a.w(s1), a.p(s1));
    out.push(f1(13, s1w));
    out.push(f1(14, s1p));
    out.push(f2(15, s1w, s1p));
    out.push(f2(111, a.sfx(s1), s1p));
}

#[inline(always)]
fn s2_features<H: Fn(u32)>(a: &Atoms, s2: u16, out: &mut Out<'_, H>) {
    out.push(f1(16, a.p(s2)));
}

/// The features of buffer position `b` (`n`: the root): b0, b1, b2 and the word before
/// b0, and the bias.
#[inline(always)]
fn buffer_features<H: Fn(u32)>(a: &Atoms, n: usize, b: usize, out: &mut Out<'_, H>) {
    let b0 = b as u16;
    let b1 = if b < n { b as u16 + 1 } else { NONE };
    let b2 = if b + 1 < n { b as u16 + 2 } else { NONE };
    let prev = if b == 0 { NONE } else { b0 - 1 };
    let (b0w, b0p) = (a.w(b0), a.p(b0));
    let (b1w, b1p) = (a.w(b1), a.p(b1));
    let (b2w, b2p) = (a.w(b2), a.p(b2));
    out.push(f1(4, b0w));
    out.push(f1(5, b0p));
    out.push(f2(6, b0w, b0p));
    out.push(f1(7, b1w));
    out.push(f1(8, b1p));
    out.push(f2(9, b1w, b1p));
    out.push(f1(10, b2w));
    out.push(f1(11, b2p));
    out.push(f2(12, b2w, b2p));
    out.push(f2(18, a.sfx(b0), b0p));
    out.push(f2(27, b0p, b1p));
    out.push(f3(40, b0p, b1p, b2p));
    out.push(f2(112, a.sfx(b1), b1p));
    out.push(f2(114, a.shape(b0), b0p));
    out.push(f2(119, a.w(prev), b0p));
    // Bias.
    out.push(f1(110, 0));
}

#[inline(always)]
fn configuration_features<H: Fn(u32)>(a: &Atoms, st: &State, out: &mut Out<'_, H>) {
    let n = st.n;
    let s0 = st.s(0);
    let s1 = st.s(1);
    let s2 = st.s(2);
    let b0 = st.b as u16;
    let b1 = if st.b < n { st.b as u16 + 1 } else { NONE };
    let (s0w, s0p) = (a.w(s0), a.p(s0));
    let (s1w, s1p) = (a.w(s1), a.p(s1));
    let s2p = a.p(s2);
    let (b0w, b0p) = (a.w(b0), a.p(b0));
    let (b1w, b1p) = (a.w(b1), a.p(b1));
    let s0l1 = child(&st.lc1, s0);
    let s0l2 = child(&st.lc2, s0);
    let s0r1 = child(&st.rc1, s0);
    let s0r2 = child(&st.rc2, s0);
    let s1l1 = child(&st.lc1, s1);
    let s1r1 = child(&st.rc1, s1);
    let b0l1 = child(&st.lc1, b0);
    let b0l2 = child(&st.lc2, b0);

    // Pairs.
    out.push(f4(20, s0w, s0p, b0w, b0p));
    out.push(f3(21, s0w, s0p, b0w));
    out.push(f3(22, s0w, b0w, b0p));
    out.push(f3(23, s0w, s0p, b0p));
    out.push(f3(24, s0p, b0w, b0p));
    out.push(f2(25, s0w, b0w));
    out.push(f2(26, s0p, b0p));
    out.push(f4(28, s1w, s1p, s0w, s0p));
    out.push(f2(29, s1w, s0w));
    out.push(f2(30, s1p, s0p));
    out.push(f3(31, s1p, s0w, s0p));
    out.push(f3(32, s1w, s1p, s0p));
    out.push(f2(33, s0w, b1w));
    out.push(f2(34, b0w, b1w));
    // Triples.
    out.push(f3(41, s0p, b0p, b1p));
    out.push(f3(42, s1p, s0p, b0p));
    out.push(f3(43, s0p, a.p(s0l1), b0p));
    out.push(f3(44, s0p, a.p(s0r1), b0p));
    out.push(f3(45, s0p, b0p, a.p(b0l1)));
    out.push(f3(46, s2p, s1p, s0p));
    out.push(f3(47, s1p, a.p(s1r1), s0p));
    out.push(f3(48, s1p, a.p(s1l1), s0p));
    out.push(f4(49, s1p, s0p, b0p, b1p));
    // Distance.
    let d = dist(s0, b0);
    out.push(f2(50, s0w, d));
    out.push(f2(51, s0p, d));
    out.push(f2(52, b0w, d));
    out.push(f2(53, b0p, d));
    out.push(f3(54, s0w, b0w, d));
    out.push(f3(55, s0p, b0p, d));
    let d1 = dist(s1, s0);
    out.push(f3(56, s1p, s0p, d1));
    out.push(f3(57, s1w, s0w, d1));
    // Valency.
    let val = |v: &[u8], i: u16| if i == NONE { 255 } else { v[i as usize] as u64 };
    out.push(f2(60, s0w, val(&st.nr, s0)));
    out.push(f2(61, s0p, val(&st.nr, s0)));
    out.push(f2(62, s0w, val(&st.nl, s0)));
    out.push(f2(63, s0p, val(&st.nl, s0)));
    out.push(f2(64, b0w, val(&st.nl, b0)));
    out.push(f2(65, b0p, val(&st.nl, b0)));
    out.push(f2(66, s1p, val(&st.nr, s1)));
    // Dependents: words, tags, labels.
    for (t, c) in [
        (70u64, s0l1),
        (73, s0r1),
        (76, b0l1),
        (79, s1l1),
        (82, s1r1),
    ] {
        out.push(f1(t, a.w(c)));
        out.push(f1(t + 1, a.p(c)));
        out.push(f1(t + 2, lab(st, c)));
    }
    for (t, c) in [(85u64, s0l2), (88, s0r2), (91, b0l2)] {
        out.push(f1(t, a.w(c)));
        out.push(f1(t + 1, a.p(c)));
        out.push(f1(t + 2, lab(st, c)));
    }
    out.push(f3(94, s0p, a.p(s0l1), a.p(s0l2)));
    out.push(f3(95, s0p, a.p(s0r1), a.p(s0r2)));
    out.push(f3(96, b0p, a.p(b0l1), a.p(b0l2)));
    out.push(f3(97, s0p, lab(st, s0l1), lab(st, s0l2)));
    out.push(f3(98, s0p, lab(st, s0r1), lab(st, s0r2)));
    out.push(f3(99, b0p, lab(st, b0l1), lab(st, b0l2)));
    // Label sets.
    let set = |v: &[u64], i: u16| if i == NONE { 1 << 63 } else { v[i as usize] };
    out.push(f2(100, s0w, set(&st.rset, s0)));
    out.push(f2(101, s0p, set(&st.rset, s0)));
    out.push(f2(102, s0w, set(&st.lset, s0)));
    out.push(f2(103, s0p, set(&st.lset, s0)));
    out.push(f2(104, b0w, set(&st.lset, b0)));
    out.push(f2(105, b0p, set(&st.lset, b0)));
    out.push(f2(106, s1p, set(&st.rset, s1)));
    out.push(f3(107, s1p, set(&st.lset, s1), s0p));
    // Spelling and suffixes beyond s0/b0, and the tags next to s0 and b0 in the sentence
    // (not in the configuration): they recover from some of the tagger's errors.
    let prev = |i: u16| if i == NONE || i == 0 { NONE } else { i - 1 };
    let next = |i: u16| {
        if i == NONE || i as usize + 1 >= n {
            NONE
        } else {
            i + 1
        }
    };
    out.push(f3(115, a.shape(s0), a.shape(b0), b0p));
    out.push(f3(116, a.p(prev(b0)), b0p, s0p));
    out.push(f3(117, s0p, a.p(next(s0)), b0p));
    out.push(f3(118, a.p(prev(s0)), s0p, b0p));
}

/// The features of the label of the arc `h → d` (d's subtree is complete in arc-hybrid
/// when it is attached; `h` may still take dependents).
pub fn label_features(a: &Atoms, st: &State, h: usize, d: usize, out: &mut Vec<u32>) {
    label_features_with(a, st, h, d, out, |_| ());
}

/// [`label_features`], calling `hint` with each feature as it is made.
#[inline]
pub fn label_features_with(
    a: &Atoms,
    st: &State,
    h: usize,
    d: usize,
    out: &mut Vec<u32>,
    hint: impl Fn(u32),
) {
    out.clear();
    let mut out = Out { v: out, hint };
    let (h16, d16) = (h as u16, d as u16);
    let dir = (h < d) as u64;
    let (hw, hp) = (a.w(h16), a.p(h16));
    let (dw, dp) = (a.w(d16), a.p(d16));
    let dsfx = a.sfx[d];
    let before = |i: usize| if i == 0 { NONE } else { i as u16 - 1 };
    let after = |i: usize| if i + 1 < st.n { i as u16 + 1 } else { NONE };
    let dl = st.lc1[d];
    let dr = st.rc1[d];
    let dl2 = st.lc2[d];
    let dist = dist(h16, d16);
    out.push(f2(1, dw, dir));
    out.push(f2(2, dp, dir));
    out.push(f3(3, dw, dp, dir));
    out.push(f2(4, hw, dir));
    out.push(f2(5, hp, dir));
    out.push(f3(6, hw, hp, dir));
    out.push(f3(7, hp, dp, dir));
    out.push(f3(8, hw, dp, dir));
    out.push(f3(9, hp, dw, dir));
    out.push(f3(10, hw, dw, dir));
    out.push(f3(11, dsfx, dp, dir));
    out.push(f4(12, hp, dp, dir, dist));
    out.push(f3(13, dp, a.p(before(d)), dir));
    out.push(f3(14, dp, a.p(after(d)), dir));
    out.push(f3(15, hp, a.p(before(h)), dir));
    out.push(f3(16, hp, a.p(after(h)), dir));
    out.push(f4(17, dp, st.lset[d], st.rset[d], dir));
    out.push(f3(18, dp, lab(st, dl), dir));
    out.push(f3(19, dp, lab(st, dr), dir));
    out.push(f4(20, a.w(dl), lab(st, dl), dp, dir));
    out.push(f4(21, a.w(dl), lab(st, dl), hp, dir));
    out.push(f4(22, a.w(dl2), lab(st, dl2), dp, dir));
    out.push(f3(23, a.w(dr), lab(st, dr), dp));
    out.push(f4(24, hp, st.lset[h], st.rset[h], dir));
    out.push(f4(25, hw, st.lset[h], dp, dir));
    out.push(f3(26, dp, st.nl[d] as u64, st.nr[d] as u64));
    out.push(f3(27, hp, dp, st.lset[d]));
    out.push(f1(30, 0));
}
