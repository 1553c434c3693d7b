//! The binary model file: a documented little-endian layout, hand-written (no serde
//! format crate), read in one pass into a dense weight table.
//!
//! ```text
//! magic     8 bytes  "SITRTAG1"
//! kind      u32      1 = POS, 2 = NER
//! nclasses  u32      then nclasses labels, each: u8 length + UTF-8 bytes
//! bits      u32      the weight table has 1 << bits rows of nclasses i16
//! nrows     u32      then nrows non-zero rows, each: u32 bucket + nclasses × i16
//! ndict     u32      then ndict tag-dictionary entries: u16 length + UTF-8 word + u8 class
//! ```

use crate::perceptron::Weights;
use crate::TaggerError;

pub const MAGIC: &[u8; 8] = b"SITRTAG1";
pub const KIND_POS: u32 = 1;
pub const KIND_NER: u32 = 2;

/// One model: its labels, weights and (for POS) the tag dictionary of unambiguous words.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelFile {
    pub kind: u32,
    pub labels: Vec<String>,
    pub weights: Weights,
    pub tagdict: Vec<(String, u8)>,
}

impl ModelFile {
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&self.kind.to_le_bytes());
        out.extend_from_slice(&(self.labels.len() as u32).to_le_bytes());
        for l in &self.labels {
            out.push(l.len() as u8);
            out.extend_from_slice(l.as_bytes());
        }
        out.extend_from_slice(&self.weights.bits.to_le_bytes());
        let rows: Vec<(u32, &[i16])> = self.weights.nonzero_rows().collect();
        out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        for (bucket, row) in rows {
            out.extend_from_slice(&bucket.to_le_bytes());
            for w in row {
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        out.extend_from_slice(&(self.tagdict.len() as u32).to_le_bytes());
        for (word, class) in &self.tagdict {
            out.extend_from_slice(&(word.len() as u16).to_le_bytes());
            out.extend_from_slice(word.as_bytes());
            out.push(*class);
        }
        out
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<ModelFile, TaggerError> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(8)? != MAGIC {
            return Err(TaggerError::bad_model(
                "header",
                "bad magic (not a sitrep tagger model)",
            ));
        }
        let kind = r.u32()?;
        let nclasses = r.u32()? as usize;
        if nclasses == 0 || nclasses > 64 {
            return Err(TaggerError::bad_model(
                "header",
                format!("{nclasses} classes"),
            ));
        }
        let mut labels = Vec::with_capacity(nclasses);
        for _ in 0..nclasses {
            let n = r.u8()? as usize;
            labels.push(r.string(n)?);
        }
        let bits = r.u32()?;
        if !(4..=24).contains(&bits) {
            return Err(TaggerError::bad_model(
                "header",
                format!("{bits} hash bits"),
            ));
        }
        let mut weights = Weights::zeros(nclasses, bits);
        let nrows = r.u32()? as usize;
        let rows = r.take(nrows * (4 + 2 * nclasses))?;
        for row in rows.chunks_exact(4 + 2 * nclasses) {
            let bucket = u32::from_le_bytes([row[0], row[1], row[2], row[3]]) as usize;
            if bucket >= 1 << bits {
                return Err(TaggerError::bad_model(
                    "weights",
                    format!("bucket {bucket} out of range"),
                ));
            }
            let dst = &mut weights.data[bucket * nclasses..(bucket + 1) * nclasses];
            for (d, w) in dst.iter_mut().zip(row[4..].chunks_exact(2)) {
                *d = i16::from_le_bytes([w[0], w[1]]);
            }
        }
        let ndict = r.u32()? as usize;
        let mut tagdict = Vec::with_capacity(ndict);
        for _ in 0..ndict {
            let n = r.u16()? as usize;
            let word = r.string(n)?;
            let class = r.u8()?;
            if class as usize >= nclasses {
                return Err(TaggerError::bad_model(
                    "tag dictionary",
                    format!("class {class} for {word:?}"),
                ));
            }
            tagdict.push((word, class));
        }
        if r.at != bytes.len() {
            return Err(TaggerError::bad_model(
                "trailer",
                format!("{} trailing bytes", bytes.len() - r.at),
            ));
        }
        Ok(ModelFile {
            kind,
            labels,
            weights,
            tagdict,
        })
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], TaggerError> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or_else(|| {
            TaggerError::bad_model("body", format!("truncated at byte {}", self.at))
        })?;
        let s = &self.bytes[self.at..end];
        self.at = end;
        Ok(s)
    }
    fn u8(&mut self) -> Result<u8, TaggerError> {
        Ok(self.take(1)?[0])
    }
    fn u16(&mut self) -> Result<u16, TaggerError> {
        let b = self.take(2)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }
    fn u32(&mut self) -> Result<u32, TaggerError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn string(&mut self, n: usize) -> Result<String, TaggerError> {
        let b = self.take(n)?;
        String::from_utf8(b.to_vec()).map_err(|e| TaggerError::bad_model("string", e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let mut weights = Weights::zeros(3, 5);
        weights.data[7 * 3 + 1] = -12;
        weights.data[31 * 3 + 2] = 32767;
        let m = ModelFile {
            kind: KIND_POS,
            labels: vec!["A".into(), "BB".into(), "CCC".into()],
            weights,
            tagdict: vec![("the".into(), 2), ("Zürich".into(), 0)],
        };
        let bytes = m.to_bytes();
        assert_eq!(ModelFile::from_bytes(&bytes).unwrap(), m);
        // Only the two non-zero rows are stored.
        assert_eq!(
            bytes.len(),
            8 + 4 + 4 + (2 + 3 + 4) + 4 + 4 + 2 * (4 + 6) + 4 + (2 + 3 + 1) + (2 + 7 + 1)
        );
        assert!(ModelFile::from_bytes(&bytes[..bytes.len() - 1]).is_err());
        assert!(ModelFile::from_bytes(b"NOTAMODELFILE").is_err());
        let mut extra = bytes.clone();
        extra.push(0);
        assert!(ModelFile::from_bytes(&extra).is_err());
    }
}
