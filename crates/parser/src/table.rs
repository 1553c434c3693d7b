//! Runtime weights: a dense table of `1 << bits` rows of i16 weights, each row padded to a
//! multiple of 4 or 8 lanes so a row sum is a few vector adds; and its compact file form
//! (only non-zero rows).

use crate::ParserError;

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub nclasses: usize,
    pub bits: u32,
    lanes: usize,
    data: Vec<i16>,
}

fn lanes_for(nclasses: usize) -> usize {
    if nclasses <= 4 {
        4
    } else {
        nclasses.div_ceil(8) * 8
    }
}

impl Table {
    pub fn zeros(nclasses: usize, bits: u32) -> Table {
        let lanes = lanes_for(nclasses);
        Table {
            nclasses,
            bits,
            lanes,
            data: vec![0; lanes << bits],
        }
    }

    /// Scales float weights to i16 (the largest magnitude to 32767), dropping small ones.
    pub fn quantize(nclasses: usize, bits: u32, w: &[f32], prune: f32) -> Table {
        let max = w.iter().fold(0f32, |m, x| m.max(x.abs())).max(1e-9);
        let scale = 32767.0 / max;
        let mut t = Table::zeros(nclasses, bits);
        for (r, row) in w.chunks_exact(nclasses).enumerate() {
            for (c, &x) in row.iter().enumerate() {
                if x.abs() >= prune * max {
                    t.data[r * t.lanes + c] = (x * scale).round() as i16;
                }
            }
        }
        t
    }

    #[inline]
    fn mask(&self) -> u32 {
        (1u32 << self.bits) - 1
    }

    /// Hints the CPU to load the row of feature `f`: every cache line it touches (a row of
    /// 4 lanes is 8 aligned bytes; one of up to 64 lanes spans at most three lines). A hint never changes a score.
    #[inline(always)]
    pub fn prefetch(&self, f: u32) {
        #[cfg(target_arch = "x86_64")]
        {
            use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
            let at = (f & self.mask()) as usize * self.lanes;
            let row = self.data.as_ptr().wrapping_add(at) as *const i8;
            // SAFETY: SSE is part of the x86_64 baseline, and PREFETCH never faults or
            // changes memory; `wrapping_add` keeps the pointers derived from the table (the
            // row is inside it: `at` is masked to a row index).
            unsafe { _mm_prefetch::<_MM_HINT_T0>(row) };
            if self.lanes > 4 {
                unsafe { _mm_prefetch::<_MM_HINT_T0>(row.wrapping_add(2 * self.lanes - 1)) };
            }
            if self.lanes > 32 {
                unsafe { _mm_prefetch::<_MM_HINT_T0>(row.wrapping_add(64)) };
            }
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = f;
    }

    /// Sets `scores[..nclasses]` to the sums of the rows of `feats`.
    #[inline]
    pub fn score(&self, feats: &[u32], scores: &mut [i32]) {
        match self.lanes {
            4 => self.score_lanes::<4>(feats, scores),
            8 => self.score_lanes::<8>(feats, scores),
            16 => self.score_lanes::<16>(feats, scores),
            24 => self.score_lanes::<24>(feats, scores),
            32 => self.score_lanes::<32>(feats, scores),
            40 => self.score_lanes::<40>(feats, scores),
            48 => self.score_lanes::<48>(feats, scores),
            56 => self.score_lanes::<56>(feats, scores),
            64 => self.score_lanes::<64>(feats, scores),
            _ => self.score_any(feats, scores),
        }
    }

    #[inline]
    fn score_lanes<const L: usize>(&self, feats: &[u32], scores: &mut [i32]) {
        let acc = self.sum_lanes::<L>(feats);
        scores[..self.nclasses].copy_from_slice(&acc[..self.nclasses]);
    }

    /// The sums of the rows of `feats`, all `L` lanes (`L` must be the table's lane count).
    #[inline]
    fn sum_lanes<const L: usize>(&self, feats: &[u32]) -> [i32; L] {
        debug_assert_eq!(L, self.lanes);
        let mask = self.mask();
        let mut acc = [0i32; L];
        for &f in feats {
            let at = (f & mask) as usize * L;
            if let Some(row) = self.data.get(at..at + L) {
                for (a, &w) in acc.iter_mut().zip(row) {
                    *a += w as i32;
                }
            }
        }
        acc
    }

    /// The sums of the rows of `feats` of a table of at most 4 classes, as 4 lanes (the
    /// padding lanes are 0): partial sums a decoder adds up (integer sums: in any order,
    /// the scores of [`Table::score`]).
    #[inline]
    pub fn sum4(&self, feats: &[u32]) -> [i32; 4] {
        assert_eq!(self.lanes, 4, "sum4 of a table with {} lanes", self.lanes);
        self.sum_lanes::<4>(feats)
    }

    fn score_any(&self, feats: &[u32], scores: &mut [i32]) {
        let mask = self.mask();
        let c = self.nclasses;
        scores[..c].iter_mut().for_each(|s| *s = 0);
        for &f in feats {
            let at = (f & mask) as usize * self.lanes;
            for (s, &w) in scores.iter_mut().zip(&self.data[at..at + c]) {
                *s += w as i32;
            }
        }
    }

    pub fn nonzero_rows(&self) -> usize {
        self.data
            .chunks_exact(self.lanes)
            .filter(|r| r.iter().any(|&w| w != 0))
            .count()
    }

    /// `nclasses u32, bits u32, nrows u32`, then per non-zero row `u32 row + nclasses × i16`.
    pub fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&(self.nclasses as u32).to_le_bytes());
        out.extend_from_slice(&self.bits.to_le_bytes());
        out.extend_from_slice(&(self.nonzero_rows() as u32).to_le_bytes());
        for (r, row) in self.data.chunks_exact(self.lanes).enumerate() {
            if row.iter().any(|&w| w != 0) {
                out.extend_from_slice(&(r as u32).to_le_bytes());
                for w in &row[..self.nclasses] {
                    out.extend_from_slice(&w.to_le_bytes());
                }
            }
        }
    }

    pub fn read(r: &mut Reader<'_>) -> Result<Table, ParserError> {
        let nclasses = r.u32()? as usize;
        let bits = r.u32()?;
        if nclasses == 0 || nclasses > 64 || !(4..=24).contains(&bits) {
            return Err(ParserError::bad_model(
                "table",
                format!("{nclasses} classes, {bits} bits"),
            ));
        }
        let mut t = Table::zeros(nclasses, bits);
        let nrows = r.u32()? as usize;
        let body = r.take(nrows * (4 + 2 * nclasses))?;
        for row in body.chunks_exact(4 + 2 * nclasses) {
            let at = u32::from_le_bytes([row[0], row[1], row[2], row[3]]) as usize;
            if at >= 1 << bits {
                return Err(ParserError::bad_model("table", format!("row {at}")));
            }
            for (c, w) in row[4..].chunks_exact(2).enumerate() {
                t.data[at * t.lanes + c] = i16::from_le_bytes([w[0], w[1]]);
            }
        }
        Ok(t)
    }
}

/// A bounds-checked little-endian reader.
pub struct Reader<'a> {
    pub bytes: &'a [u8],
    pub at: usize,
}

impl<'a> Reader<'a> {
    pub fn take(&mut self, n: usize) -> Result<&'a [u8], ParserError> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or_else(|| ParserError::bad_model("body", format!("truncated at {}", self.at)))?;
        let s = &self.bytes[self.at..end];
        self.at = end;
        Ok(s)
    }
    pub fn u8(&mut self) -> Result<u8, ParserError> {
        Ok(self.take(1)?[0])
    }
    pub fn u32(&mut self) -> Result<u32, ParserError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_scores() {
        let mut w = vec![0f32; 5 << 4];
        w[3 * 5 + 1] = 2.0;
        w[7 * 5 + 4] = -1.0;
        w[9 * 5] = 0.001;
        let t = Table::quantize(5, 4, &w, 0.01);
        assert_eq!(t.nonzero_rows(), 2);
        let mut bytes = Vec::new();
        t.write(&mut bytes);
        let back = Table::read(&mut Reader {
            bytes: &bytes,
            at: 0,
        })
        .unwrap();
        assert_eq!(back, t);
        let mut s = [0i32; 5];
        back.score(&[3, 7, 3 + 16], &mut s);
        assert_eq!(s, [0, 65534, 0, 0, -16384]);
    }
}
