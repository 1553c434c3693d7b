//! The averaged perceptron used in training: integer weights over hashed rows with lazy,
//! row-wise averaging, frozen into a quantized [`Table`] at the end.

use crate::table::Table;

pub struct Trainer {
    pub nclasses: usize,
    pub bits: u32,
    w: Vec<i32>,
    acc: Vec<i64>,
    /// Time each row's accumulators were last brought up to date.
    stamp: Vec<u32>,
    t: u32,
}

impl Trainer {
    pub fn new(nclasses: usize, bits: u32) -> Trainer {
        let rows = 1usize << bits;
        Trainer {
            nclasses,
            bits,
            w: vec![0; rows * nclasses],
            acc: vec![0; rows * nclasses],
            stamp: vec![0; rows],
            t: 0,
        }
    }

    fn mask(&self) -> u32 {
        (1u32 << self.bits) - 1
    }

    /// Current (not averaged) scores.
    pub fn score(&self, feats: &[u32], scores: &mut [i32]) {
        let c = self.nclasses;
        scores[..c].iter_mut().for_each(|s| *s = 0);
        for &f in feats {
            let at = (f & self.mask()) as usize * c;
            for (s, &w) in scores.iter_mut().zip(&self.w[at..at + c]) {
                *s += w;
            }
        }
    }

    fn sync(&mut self, row: usize) {
        let c = self.nclasses;
        let dt = (self.t - self.stamp[row]) as i64;
        if dt > 0 {
            for k in row * c..(row + 1) * c {
                self.acc[k] += self.w[k] as i64 * dt;
            }
        }
        self.stamp[row] = self.t;
    }

    /// Rewards `good` and penalises `bad` on every feature.
    pub fn update(&mut self, feats: &[u32], good: usize, bad: usize) {
        if good == bad {
            return;
        }
        let c = self.nclasses;
        for &f in feats {
            let row = (f & self.mask()) as usize;
            self.sync(row);
            self.w[row * c + good] += 1;
            self.w[row * c + bad] -= 1;
        }
    }

    /// Adds `delta` to the weight of `class` on every feature (global updates of the beam).
    pub fn add(&mut self, feats: &[u32], class: usize, delta: i32) {
        let c = self.nclasses;
        for &f in feats {
            let row = (f & self.mask()) as usize;
            self.sync(row);
            self.w[row * c + class] += delta;
        }
    }

    /// One more decision has been made (the averaging clock).
    pub fn tick(&mut self) {
        self.t += 1;
    }

    /// The averaged weights, quantized to i16; weights under `prune` × the largest are dropped.
    pub fn averaged(mut self, prune: f32) -> Table {
        let rows = 1usize << self.bits;
        for r in 0..rows {
            self.sync(r);
        }
        let t = self.t.max(1) as f64;
        let avg: Vec<f32> = self.acc.iter().map(|&a| (a as f64 / t) as f32).collect();
        Table::quantize(self.nclasses, self.bits, &avg, prune)
    }
}
