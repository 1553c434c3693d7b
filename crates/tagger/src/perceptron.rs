//! The averaged perceptron: a training-time learner over hashed features with f32 weights and
//! lazy averaging, and the runtime table of quantized i16 weights it is frozen into.

use crate::prefetch::prefetch;

/// Runtime weights: a dense table of `(1 << bits)` rows of `nclasses` i16 weights.
#[derive(Debug, Clone, PartialEq)]
pub struct Weights {
    pub nclasses: usize,
    pub bits: u32,
    pub data: Vec<i16>,
}

impl Weights {
    pub fn zeros(nclasses: usize, bits: u32) -> Weights {
        Weights {
            nclasses,
            bits,
            data: vec![0; nclasses << bits],
        }
    }

    #[inline]
    pub fn mask(&self) -> u32 {
        (1u32 << self.bits) - 1
    }

    /// Hints the CPU to load the rows of `feats` into cache (no effect on results).
    #[inline]
    pub fn prefetch(&self, feats: &[u32]) {
        let c = self.nclasses;
        for &f in feats {
            let at = (f & self.mask()) as usize * c;
            if let Some(row) = self.data.get(at..at + c) {
                prefetch(row);
            }
        }
    }

    /// Sets `scores` (length `nclasses`) to the sums of the rows of `feats`.
    #[inline]
    pub fn score(&self, feats: &[u32], scores: &mut [i32]) {
        // Fixed-width accumulators stay in registers, so the row loads (cache misses, the
        // real cost) are independent and overlap.
        match self.nclasses {
            7 => self.score_fixed::<7>(feats, scores),
            17 => self.score_fixed::<17>(feats, scores),
            _ => self.score_any(feats, scores),
        }
    }

    #[inline]
    fn score_fixed<const N: usize>(&self, feats: &[u32], scores: &mut [i32]) {
        let mask = self.mask();
        let mut acc = [0i32; N];
        for &f in feats {
            let b = (f & mask) as usize * N;
            if let Some(row) = self.data.get(b..b + N) {
                for (a, &w) in acc.iter_mut().zip(row) {
                    *a += w as i32;
                }
            }
        }
        scores[..N].copy_from_slice(&acc);
    }

    fn score_any(&self, feats: &[u32], scores: &mut [i32]) {
        let c = self.nclasses;
        let mask = self.mask();
        scores.iter_mut().for_each(|s| *s = 0);
        for &f in feats {
            let b = (f & mask) as usize * c;
            let row = &self.data[b..b + c];
            for (s, &w) in scores.iter_mut().zip(row) {
                *s += w as i32;
            }
        }
    }

    /// Rows with at least one non-zero weight, as `(bucket, row)`.
    pub fn nonzero_rows(&self) -> impl Iterator<Item = (u32, &[i16])> {
        self.data
            .chunks_exact(self.nclasses)
            .enumerate()
            .filter(|(_, r)| r.iter().any(|&w| w != 0))
            .map(|(i, r)| (i as u32, r))
    }
}

/// A runtime copy of a [`Weights`] table with every row padded with zeros to a multiple of 8
/// lanes: a row is then whole 16-byte vectors, so the row sums compile to a few SIMD adds per
/// row instead of a scalar tail (7 NER classes were 18 instructions per row, 8 lanes are 5).
/// Sums are the same integers as [`Weights::score`] gives.
#[derive(Debug, Clone, PartialEq)]
pub struct PaddedWeights {
    pub nclasses: usize,
    lanes: usize,
    mask: u32,
    data: Vec<i16>,
}

impl PaddedWeights {
    pub fn new(w: &Weights) -> PaddedWeights {
        let lanes = w.nclasses.div_ceil(8).max(1) * 8;
        let mut data = vec![0i16; lanes << w.bits];
        for (dst, src) in data
            .chunks_exact_mut(lanes)
            .zip(w.data.chunks_exact(w.nclasses.max(1)))
        {
            dst[..src.len()].copy_from_slice(src);
        }
        PaddedWeights {
            nclasses: w.nclasses,
            lanes,
            mask: w.mask(),
            data,
        }
    }

    /// Hints the CPU to load the rows of `feats` into cache (no effect on results).
    #[inline]
    pub fn prefetch(&self, feats: &[u32]) {
        for &f in feats {
            let at = (f & self.mask) as usize * self.lanes;
            if let Some(row) = self.data.get(at..at + self.lanes) {
                prefetch(row);
            }
        }
    }

    /// Sets `scores[..nclasses]` to the sums of the rows of `feats`.
    #[inline]
    pub fn score(&self, feats: &[u32], scores: &mut [i32]) {
        match self.lanes {
            8 => self.score_lanes::<8>(feats, scores),
            16 => self.score_lanes::<16>(feats, scores),
            24 => self.score_lanes::<24>(feats, scores),
            _ => self.score_any(feats, scores),
        }
    }

    #[inline]
    fn score_lanes<const L: usize>(&self, feats: &[u32], scores: &mut [i32]) {
        let mut acc = [0i32; L];
        for &f in feats {
            let at = (f & self.mask) as usize * L;
            if let Some(row) = self.data.get(at..at + L) {
                for (a, &w) in acc.iter_mut().zip(row) {
                    *a += w as i32;
                }
            }
        }
        scores[..self.nclasses].copy_from_slice(&acc[..self.nclasses]);
    }

    fn score_any(&self, feats: &[u32], scores: &mut [i32]) {
        let c = self.nclasses;
        scores[..c].iter_mut().for_each(|s| *s = 0);
        for &f in feats {
            let at = (f & self.mask) as usize * self.lanes;
            for (s, &w) in scores[..c].iter_mut().zip(&self.data[at..at + c]) {
                *s += w as i32;
            }
        }
    }
}

/// Training-time averaged perceptron over `(1 << bits)` hashed feature rows.
pub struct Trainer {
    pub nclasses: usize,
    pub bits: u32,
    weights: Vec<f32>,
    totals: Vec<f64>,
    stamps: Vec<u32>,
    /// Number of instances seen (the averaging clock).
    now: u32,
}

impl Trainer {
    pub fn new(nclasses: usize, bits: u32) -> Trainer {
        let n = nclasses << bits;
        Trainer {
            nclasses,
            bits,
            weights: vec![0.0; n],
            totals: vec![0.0; n],
            stamps: vec![0; n],
            now: 0,
        }
    }

    #[inline]
    fn mask(&self) -> u32 {
        (1u32 << self.bits) - 1
    }

    pub fn score(&self, feats: &[u32], scores: &mut [f32]) {
        let c = self.nclasses;
        let mask = self.mask();
        scores.iter_mut().for_each(|s| *s = 0.0);
        for &f in feats {
            let b = (f & mask) as usize * c;
            for (s, &w) in scores.iter_mut().zip(&self.weights[b..b + c]) {
                *s += w;
            }
        }
    }

    /// One perceptron step: counts an instance, and if the guess was wrong moves weight from
    /// the guessed class to the true class on every feature.
    pub fn update(&mut self, feats: &[u32], truth: usize, guess: usize) {
        self.now += 1;
        if truth == guess {
            return;
        }
        let c = self.nclasses;
        let mask = self.mask();
        for &f in feats {
            let b = (f & mask) as usize * c;
            for (class, delta) in [(truth, 1.0f32), (guess, -1.0f32)] {
                let k = b + class;
                self.totals[k] += (self.now - self.stamps[k]) as f64 * self.weights[k] as f64;
                self.stamps[k] = self.now;
                self.weights[k] += delta;
            }
        }
    }

    /// Advances the averaging clock by one instance (for structured updates done with
    /// [`Trainer::adjust`]).
    pub fn tick(&mut self) {
        self.now += 1;
    }

    /// Adds `delta` to one class's weight on every feature (a half of a structured update).
    pub fn adjust(&mut self, feats: &[u32], class: usize, delta: f32) {
        let c = self.nclasses;
        let mask = self.mask();
        for &f in feats {
            let k = (f & mask) as usize * c + class;
            self.totals[k] += (self.now - self.stamps[k]) as f64 * self.weights[k] as f64;
            self.stamps[k] = self.now;
            self.weights[k] += delta;
        }
    }

    /// The averaged weights, quantized to i16 with a common scale. Weights whose magnitude is
    /// below `prune` (in units of the largest weight) are set to zero, so rarely useful
    /// features cost no space in the shipped model.
    pub fn averaged(&self, prune: f32) -> Weights {
        let now = self.now.max(1) as f64;
        let avg: Vec<f32> = (0..self.weights.len())
            .map(|k| {
                let total =
                    self.totals[k] + (self.now - self.stamps[k]) as f64 * self.weights[k] as f64;
                (total / now) as f32
            })
            .collect();
        let max = avg.iter().fold(0.0f32, |m, w| m.max(w.abs())).max(1e-9);
        let scale = 32767.0 / max;
        let data = avg
            .iter()
            .map(|&w| {
                if w.abs() < prune * max {
                    0
                } else {
                    (w * scale).round().clamp(-32767.0, 32767.0) as i16
                }
            })
            .collect();
        Weights {
            nclasses: self.nclasses,
            bits: self.bits,
            data,
        }
    }
}

/// Index of the best score among the allowed classes (ties go to the lowest index).
#[inline]
pub fn argmax_i32(scores: &[i32], allowed: impl Fn(usize) -> bool) -> usize {
    let mut best = usize::MAX;
    let mut best_score = i32::MIN;
    for (c, &s) in scores.iter().enumerate() {
        if allowed(c) && (best == usize::MAX || s > best_score) {
            best = c;
            best_score = s;
        }
    }
    if best == usize::MAX {
        0
    } else {
        best
    }
}

#[inline]
pub fn argmax_f32(scores: &[f32], allowed: impl Fn(usize) -> bool) -> usize {
    let mut best = usize::MAX;
    let mut best_score = f32::MIN;
    for (c, &s) in scores.iter().enumerate() {
        if allowed(c) && (best == usize::MAX || s > best_score) {
            best = c;
            best_score = s;
        }
    }
    if best == usize::MAX {
        0
    } else {
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn padded_weights_score_like_the_dense_table() {
        for nclasses in [1, 3, 7, 8, 9, 17] {
            let mut w = Weights::zeros(nclasses, 6);
            for (i, x) in w.data.iter_mut().enumerate() {
                *x = ((i as i64 * 7919 % 2001) - 1000) as i16;
            }
            let p = PaddedWeights::new(&w);
            let feats: Vec<u32> = (0..40u32).map(|i| i.wrapping_mul(2_654_435_761)).collect();
            for n in [0, 1, 5, 40] {
                let (mut a, mut b) = (vec![0; nclasses], vec![0; nclasses]);
                w.score(&feats[..n], &mut a);
                p.score(&feats[..n], &mut b);
                assert_eq!(a, b, "{nclasses} classes, {n} features");
            }
        }
    }

    #[test]
    fn learns_a_separable_problem_and_quantizes() {
        // Class = feature id parity; features 0..20.
        let mut t = Trainer::new(2, 6);
        let mut scores = [0.0f32; 2];
        for _ in 0..5 {
            for f in 0u32..20 {
                let feats = [f, 63];
                t.score(&feats, &mut scores);
                let guess = argmax_f32(&scores, |_| true);
                t.update(&feats, (f % 2) as usize, guess);
            }
        }
        let w = t.averaged(0.0);
        let mut s = [0i32; 2];
        for f in 0u32..20 {
            w.score(&[f, 63], &mut s);
            assert_eq!(argmax_i32(&s, |_| true), (f % 2) as usize, "feature {f}");
        }
        assert!(w.nonzero_rows().count() >= 20);
        assert_eq!(argmax_i32(&[5, 9, 7], |c| c != 1), 2);
    }
}
