//! Name lists (places from GeoNames, US Census first names and surnames) as NER features.
//!
//! Entries are lowercase word sequences; a sentence is matched left to right, longest place
//! first (up to [`MAX_WORDS`] tokens), with hashes of the tokens' lowercase forms, so matching
//! costs a few hash lookups per token and allocates nothing. The lists only feed features: the
//! perceptron learns how far to trust them ("Paris" the city or the first name, "Jordan").

use crate::features::{TokenInfo, PAD};
use crate::hash::{hash_str, mix};
use crate::lemma::FxMap;
use crate::TaggerError;

/// Longest place name matched, in tokens.
pub const MAX_WORDS: usize = 4;

/// Bits of a token's gazetteer state.
pub mod gaz {
    pub const LOC_B: u8 = 1;
    pub const LOC_I: u8 = 1 << 1;
    pub const FIRST: u8 = 1 << 2;
    pub const LAST: u8 = 1 << 3;
}

const KIND_LOC: u8 = 1;
const KIND_FIRST: u8 = 2;
const KIND_LAST: u8 = 4;
/// Not a kind: the key is a proper prefix of a longer place name, so matching goes on.
const PREFIX: u8 = 8;
const SEED: u64 = 0x6761_7a65;

static EMBEDDED: &str = include_str!("../data/gazetteer.tsv");

/// The compiled name lists: hash of a lowercase token sequence -> kinds.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    entries: FxMap<u64, u8>,
}

/// Hash of one lowercase word, as `TokenInfo::lower` computes it.
fn word_hash(w: &str) -> u64 {
    hash_str(crate::features::SEED_LOWER, w)
}

impl Gazetteer {
    pub fn embedded() -> Result<Gazetteer, TaggerError> {
        Gazetteer::from_tsv(EMBEDDED)
    }

    /// Parses `name<TAB>LOC|FIRST|LAST` lines (lowercase names, words split on spaces).
    pub fn from_tsv(tsv: &str) -> Result<Gazetteer, TaggerError> {
        let mut entries: FxMap<u64, u8> = FxMap::default();
        for (i, line) in tsv.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = || TaggerError::bad_model("gazetteer", format!("line {}: {line:?}", i + 1));
            let (name, kind) = line.split_once('\t').ok_or_else(bad)?;
            let kind = match kind {
                "LOC" => KIND_LOC,
                "FIRST" => KIND_FIRST,
                "LAST" => KIND_LAST,
                _ => return Err(bad()),
            };
            let words: Vec<&str> = name.split(' ').collect();
            if words.len() > MAX_WORDS || (kind != KIND_LOC && words.len() > 1) {
                continue;
            }
            let mut h = SEED;
            for (k, w) in words.iter().enumerate() {
                h = mix(h, word_hash(w));
                if k + 1 < words.len() {
                    *entries.entry(h).or_default() |= PREFIX;
                }
            }
            *entries.entry(h).or_default() |= kind;
        }
        Ok(Gazetteer { entries })
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Gazetteer state bits for each of the `n` tokens of a padded context.
    pub fn states(&self, ctx: &[TokenInfo], n: usize, out: &mut Vec<u8>) {
        out.clear();
        out.resize(n, 0);
        if self.entries.is_empty() {
            return;
        }
        let mut covered_until = 0usize;
        for i in 0..n {
            let mut h = SEED;
            let mut longest_loc = 0usize;
            for k in 0..MAX_WORDS.min(n - i) {
                h = mix(h, ctx[i + k + PAD].lower);
                let Some(&kind) = self.entries.get(&h) else {
                    break;
                };
                if kind & KIND_LOC != 0 {
                    longest_loc = k + 1;
                }
                if k == 0 {
                    if kind & KIND_FIRST != 0 {
                        out[i] |= gaz::FIRST;
                    }
                    if kind & KIND_LAST != 0 {
                        out[i] |= gaz::LAST;
                    }
                }
                // No longer name starts with these words.
                if kind & PREFIX == 0 {
                    break;
                }
            }
            if longest_loc > 0 && i >= covered_until {
                out[i] |= gaz::LOC_B;
                for s in &mut out[i + 1..i + longest_loc] {
                    *s |= gaz::LOC_I;
                }
                covered_until = i + longest_loc;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::analyze_sentence;

    fn states(g: &Gazetteer, words: &[&str]) -> Vec<u8> {
        let (mut ctx, mut buf, mut out) = (Vec::new(), String::new(), Vec::new());
        analyze_sentence(words, &mut ctx, &mut buf);
        g.states(&ctx, words.len(), &mut out);
        out
    }

    #[test]
    fn matches_longest_places_and_names() {
        let g = Gazetteer::from_tsv(
            "# c\nnew york\tLOC\nyork\tLOC\nivan\tFIRST\npetrov\tLAST\nparis\tLOC\nparis\tFIRST\n",
        )
        .unwrap();
        use gaz::*;
        assert_eq!(
            states(&g, &["Ivan", "Petrov", "flew", "to", "New", "York"]),
            [FIRST, LAST, 0, 0, LOC_B, LOC_I]
        );
        assert_eq!(
            states(&g, &["york", "and", "PARIS"]),
            [LOC_B, 0, LOC_B | FIRST]
        );
        assert_eq!(states(&g, &[] as &[&str]), Vec::<u8>::new());
        assert!(Gazetteer::from_tsv("x\tNOPE\n").is_err());
    }

    #[test]
    fn embedded_lists_load() {
        let g = Gazetteer::embedded().unwrap();
        assert!(g.len() > 10_000);
        let s = states(&g, &["Vienna", "and", "San", "Francisco", "and", "Mary"]);
        assert_eq!(s[0] & gaz::LOC_B, gaz::LOC_B);
        assert_eq!(s[2] & (gaz::LOC_B | gaz::LOC_I), gaz::LOC_B);
        assert_eq!(
            s[3] & (gaz::LOC_B | gaz::LOC_I),
            gaz::LOC_I,
            "francisco is also a first name"
        );
        assert_eq!(s[5] & gaz::FIRST, gaz::FIRST);
        assert_eq!(s[1], 0);
    }
}
