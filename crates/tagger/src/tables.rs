//! Tabulated NER scores of the features whose parts take few values (POS classes, gazetteer
//! states, case flags, previous labels): one table row replaces hashing a feature and loading
//! its weights. Every table is filled by calling the feature functions of [`crate::features`]
//! on each possible value, so a table row is exactly the score of those features.

use crate::cache::{label_partials, LabelPartials, LANES};
use crate::features::{
    flag, ner_actor_case, ner_actor_pos, ner_actor_window, ner_case_titles, ner_case_window,
    ner_gaz_case, ner_gaz_pos, ner_gaz_window, ner_label_class_features, ner_label_prev_features,
    ner_pos_left, ner_pos_right, ContextValues, NO_TAG, START,
};
use crate::gazetteer::gaz::{self, ACTOR_STATES};
use crate::perceptron::PaddedWeights;

type Row = [i32; LANES];

/// Number of case values: TITLE_CASE and ALL_CAPS bits, and the PAD bit.
const CASES: usize = 8;
/// Gazetteer place and name states (4 bits) plus "before" and "after the sentence".
const GAZ: usize = 18;
/// Actor states plus "before" and "after the sentence".
const ACT: usize = ACTOR_STATES + 2;

/// Index of a case value (`flags & CASE_FLAGS`).
#[inline]
pub fn case_index(caps: u64) -> usize {
    let caps = caps as u32;
    (caps & (flag::TITLE_CASE | flag::ALL_CAPS)) as usize
        | (((caps & flag::PAD) != 0) as usize) << 2
}

/// The case value of an index (inverse of [`case_index`]).
fn case_value(index: usize) -> u64 {
    ((index as u32 & 3) | if index & 4 != 0 { flag::PAD } else { 0 }) as u64
}

/// Index of a POS or gazetteer value of `pos_at`/`gaz_at`: the value, or `n`, `n + 1` for
/// the 200/201 of "before"/"after the sentence".
#[inline]
fn value_index(v: u64, n: usize) -> usize {
    match v {
        200 => n,
        201 => n + 1,
        v => (v as usize).min(n + 1),
    }
}

fn value_of(index: usize, n: usize) -> u64 {
    match index {
        i if i == n => 200,
        i if i == n + 1 => 201,
        i => i as u64,
    }
}

fn row(ner: &PaddedWeights, feats: &[u32]) -> Row {
    let mut r = [0; LANES];
    ner.score(feats, &mut r);
    r
}

/// Scores of the tabulated static context features (see `features::ner_context_features`).
#[derive(Debug, Clone)]
pub struct ContextTables {
    /// POS classes + 2.
    np: usize,
    pos_left: Vec<Row>,
    pos_right: Vec<Row>,
    gaz_window: Vec<Row>,
    gaz_case: Vec<Row>,
    gaz_pos: Vec<Row>,
    actor_window: Vec<Row>,
    actor_case: Vec<Row>,
    actor_pos: Vec<Row>,
    case_titles: Vec<Row>,
    case_window: Vec<Row>,
}

impl ContextTables {
    pub fn new(ner: &PaddedWeights, npos: usize) -> ContextTables {
        let np = npos + 2;
        let p = |i: usize| value_of(i, npos);
        let g = |i: usize| value_of(i, 16);
        let a = |i: usize| value_of(i, ACTOR_STATES);
        let mut t = ContextTables {
            np,
            pos_left: Vec::with_capacity(np * np),
            pos_right: Vec::with_capacity(np * np),
            gaz_window: Vec::with_capacity(GAZ * GAZ * GAZ),
            gaz_case: Vec::with_capacity(GAZ * CASES),
            gaz_pos: Vec::with_capacity(GAZ * np),
            actor_window: Vec::with_capacity(ACT * ACT * ACT),
            actor_case: Vec::with_capacity(ACT * CASES),
            actor_pos: Vec::with_capacity(ACT * np),
            case_titles: Vec::with_capacity(2 * 2 * CASES * 2 * 2),
            case_window: Vec::with_capacity(CASES * CASES * CASES),
        };
        // Pushed in index order: the loops nest like the index formulas in `score`.
        for a in 0..np {
            for b in 0..np {
                t.pos_left.push(row(ner, &ner_pos_left(p(a), p(b))));
                t.pos_right.push(row(ner, &ner_pos_right(p(a), p(b))));
            }
        }
        for a in 0..GAZ {
            for b in 0..GAZ {
                for c in 0..GAZ {
                    t.gaz_window
                        .push(row(ner, &ner_gaz_window(g(a), g(b), g(c))));
                }
            }
            for c in 0..CASES {
                t.gaz_case
                    .push(row(ner, &ner_gaz_case(g(a), case_value(c))));
            }
            for b in 0..np {
                t.gaz_pos.push(row(ner, &ner_gaz_pos(g(a), p(b))));
            }
        }
        for x in 0..ACT {
            for y in 0..ACT {
                for z in 0..ACT {
                    t.actor_window
                        .push(row(ner, &ner_actor_window(a(x), a(y), a(z))));
                }
            }
            for c in 0..CASES {
                t.actor_case
                    .push(row(ner, &ner_actor_case(a(x), case_value(c))));
            }
            for b in 0..np {
                t.actor_pos.push(row(ner, &ner_actor_pos(a(x), p(b))));
            }
        }
        for tm1 in 0..2 {
            for tm2 in 0..2 {
                for c in 0..CASES {
                    for tw in 0..2 {
                        for q in 0..2 {
                            t.case_titles
                                .push(row(ner, &ner_case_titles(tm1, tm2, case_value(c), tw, q)));
                        }
                    }
                }
            }
        }
        for a in 0..CASES {
            for b in 0..CASES {
                for c in 0..CASES {
                    t.case_window.push(row(
                        ner,
                        &ner_case_window(case_value(a), case_value(b), case_value(c)),
                    ));
                }
            }
        }
        t
    }

    /// Adds the scores of the tabulated context features of a token to `acc`.
    #[inline]
    pub fn add_scores(&self, v: &ContextValues, acc: &mut Row) {
        let np = self.np;
        let (pm1, p0, pn1) = (
            value_index(v.pm1, np - 2),
            value_index(v.p0, np - 2),
            value_index(v.pn1, np - 2),
        );
        let (gm1, g0, gn1) = (
            value_index(v.gm1, 16),
            value_index(v.g0, 16),
            value_index(v.gn1, 16),
        );
        let (am1, a0, an1) = (
            value_index(v.am1, ACTOR_STATES),
            value_index(v.a0, ACTOR_STATES),
            value_index(v.an1, ACTOR_STATES),
        );
        let (cm1, cw, cn1) = (
            case_index(v.caps_m1),
            case_index(v.caps_w),
            case_index(v.caps_n1),
        );
        let titles = ((((v.title_m1 as usize * 2 + v.title_m2 as usize) * CASES + cw) * 2
            + v.title_w as usize)
            * 2)
            + v.in_quote as usize;
        let rows = [
            &self.pos_left[pm1 * np + p0],
            &self.pos_right[p0 * np + pn1],
            &self.gaz_window[(gm1 * GAZ + g0) * GAZ + gn1],
            &self.gaz_case[g0 * CASES + cw],
            &self.gaz_pos[g0 * np + p0],
            &self.actor_window[(am1 * ACT + a0) * ACT + an1],
            &self.actor_case[a0 * CASES + cw],
            &self.actor_pos[a0 * np + p0],
            &self.case_titles[titles],
            &self.case_window[(cm1 * CASES + cw) * CASES + cn1],
        ];
        for r in rows {
            for (a, &b) in acc.iter_mut().zip(r) {
                *a += b;
            }
        }
    }
}

/// Scores of the NER label features with few possible values, by previous label `l`
/// (`pair_index`): POS class `p` at `l * npos + p`, gazetteer place and name bits `g` at
/// `l * 16 + g`, actor state `a` at `l * ACTOR_STATES + a`, case at
/// `l * 16 + title * 8 + case_index`; and the padding before a sentence as previous word.
#[derive(Debug, Clone)]
pub struct LabelTables {
    npos: usize,
    by_pos: Vec<Row>,
    by_gaz: Vec<Row>,
    by_actor: Vec<Row>,
    by_case: Vec<Row>,
    start_prev: LabelPartials,
}

impl LabelTables {
    pub fn new(ner: &PaddedWeights, npos: usize) -> LabelTables {
        let c = ner.nclasses;
        let label = |l: usize| if l == c { NO_TAG } else { l as u8 };
        let mut by_pos = vec![[0; LANES]; (c + 1) * npos];
        let mut by_gaz = vec![[0; LANES]; (c + 1) * 16];
        let mut by_actor = vec![[0; LANES]; (c + 1) * ACTOR_STATES];
        let mut by_case = vec![[0; LANES]; (c + 1) * 16];
        for l in 0..=c {
            for p in 0..npos {
                by_pos[l * npos + p] = row(
                    ner,
                    &ner_label_class_features(label(l), p as u64, 0, 0, (0, 0))[..1],
                );
            }
            for g in 0..16 {
                by_gaz[l * 16 + g] = row(
                    ner,
                    &ner_label_class_features(label(l), 0, g as u64, 0, (0, 0))[1..2],
                );
            }
            for a in 0..ACTOR_STATES {
                by_actor[l * ACTOR_STATES + a] = row(
                    ner,
                    &ner_label_class_features(label(l), 0, 0, a as u64, (0, 0))[3..],
                );
            }
            for title in 0..2u64 {
                for caps in 0..CASES {
                    let case = (title, case_value(caps));
                    by_case[l * 16 + title as usize * 8 + caps] = row(
                        ner,
                        &ner_label_class_features(label(l), 0, 0, 0, case)[2..3],
                    );
                }
            }
        }
        LabelTables {
            npos,
            by_pos,
            by_gaz,
            by_actor,
            by_case,
            start_prev: label_partials(ner, &START, ner_label_prev_features),
        }
    }

    /// The rows of previous label index `l` for a token's POS class, gazetteer state (place
    /// and name bits, actor state) and `case_class`.
    #[inline]
    pub fn rows(&self, l: usize, pos: u8, state: u8, (title, caps): (u64, u64)) -> [&Row; 4] {
        [
            &self.by_pos[l * self.npos + pos as usize],
            &self.by_gaz[l * 16 + gaz::place_name(state) as usize],
            &self.by_actor[l * ACTOR_STATES + gaz::actor(state) as usize],
            &self.by_case[l * 16 + title as usize * 8 + case_index(caps)],
        ]
    }

    pub fn start_prev(&self, l: usize) -> &Row {
        &self.start_prev[l]
    }
}
