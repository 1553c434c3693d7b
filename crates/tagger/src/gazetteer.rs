//! Name lists (places from GeoNames, US Census first names and surnames, the organisations and
//! persons of the Phoenix actor dictionaries) as NER features.
//!
//! Entries are lowercase word sequences; a sentence is matched left to right, longest name
//! first (up to [`MAX_WORDS`] tokens for places, [`MAX_ACTOR_WORDS`] for actors), with hashes
//! of the tokens' lowercase forms (places, names) or normalised forms (actors: letters and
//! digits only, as the lexicon writes its phrases), so matching costs a few hash lookups per
//! token and allocates nothing. The lists only feed features: the perceptron learns how far to
//! trust them ("Paris" the city or the first name, "Jordan", "Apple").

use crate::features::{TokenInfo, PAD};
use crate::hash::{hash_str, mix};
use crate::lemma::FxMap;
use crate::TaggerError;

/// Longest place name matched, in tokens.
pub const MAX_WORDS: usize = 4;
/// Longest actor name matched, in tokens ("United States Department of Housing and Urban
/// Development").
pub const MAX_ACTOR_WORDS: usize = 8;

/// A token's gazetteer state: place and name bits in the low four bits, and the actor state
/// (none, or begin/inside of a longest organisation or person match) in the bits above.
pub mod gaz {
    pub const LOC_B: u8 = 1;
    pub const LOC_I: u8 = 1 << 1;
    pub const FIRST: u8 = 1 << 2;
    pub const LAST: u8 = 1 << 3;
    /// The place and name bits.
    pub const PLACE_NAME_MASK: u8 = 0x0f;
    /// Actor states, stored shifted by [`ACTOR_SHIFT`].
    pub const ORG_B: u8 = 1;
    pub const ORG_I: u8 = 2;
    pub const PER_B: u8 = 3;
    pub const PER_I: u8 = 4;
    /// Number of actor states (0 = no actor match).
    pub const ACTOR_STATES: usize = 5;
    pub const ACTOR_SHIFT: u8 = 4;
    /// The word ends many organisation names ("inc", "party", "brigades"): see
    /// `Gazetteer::from_tsv`.
    pub const ORG_HEAD: u8 = 1 << 7;

    /// The place and name bits of a state.
    #[inline]
    pub const fn place_name(state: u8) -> u8 {
        state & PLACE_NAME_MASK
    }

    /// The actor state of a state.
    #[inline]
    pub const fn actor(state: u8) -> u8 {
        (state & !ORG_HEAD) >> ACTOR_SHIFT
    }
}

const KIND_LOC: u8 = 1;
const KIND_FIRST: u8 = 2;
const KIND_LAST: u8 = 4;
/// Not a kind: the key is a proper prefix of a longer name, so matching goes on.
const PREFIX: u8 = 8;
const KIND_ORG: u8 = 16;
const KIND_PER: u8 = 32;
const SEED: u64 = 0x6761_7a65;

static EMBEDDED: &str = include_str!("../data/gazetteer.tsv");

/// The compiled name lists: hash of a lowercase token sequence -> kinds.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    /// Places, first names and surnames, by lowercase forms.
    entries: FxMap<u64, u8>,
    /// Organisations and persons, by normalised forms.
    actors: FxMap<u64, u8>,
    /// Normalised words that end at least [`MIN_HEAD_NAMES`] multi-word organisation names
    /// and are no place name.
    org_heads: FxMap<u64, ()>,
}

/// How many organisation names a word must end to count as an organisation head word.
pub const MIN_HEAD_NAMES: u32 = 5;

/// Whether a token has an upper-case letter ("Google", "al-Qaida", "eBay").
fn capitalised(t: &TokenInfo) -> bool {
    t.flags & crate::features::flag::HAS_UPPER != 0
}

/// Hash of one lowercase word, as `TokenInfo::lower` computes it.
fn word_hash(w: &str) -> u64 {
    hash_str(crate::features::SEED_LOWER, w)
}

impl Gazetteer {
    pub fn embedded() -> Result<Gazetteer, TaggerError> {
        Gazetteer::from_tsv(EMBEDDED)
    }

    /// Parses `name<TAB>LOC|FIRST|LAST|ORG|PER` lines (lowercase names, words split on
    /// spaces; ORG and PER names in normalised words).
    pub fn from_tsv(tsv: &str) -> Result<Gazetteer, TaggerError> {
        let mut entries: FxMap<u64, u8> = FxMap::default();
        let mut actors: FxMap<u64, u8> = FxMap::default();
        let mut last_words: FxMap<u64, u32> = FxMap::default();
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
                "ORG" => KIND_ORG,
                "PER" => KIND_PER,
                _ => return Err(bad()),
            };
            let words: Vec<&str> = name.split(' ').collect();
            let (map, max) = if kind & (KIND_ORG | KIND_PER) != 0 {
                (&mut actors, MAX_ACTOR_WORDS)
            } else {
                (&mut entries, MAX_WORDS)
            };
            if words.len() > max || (kind & (KIND_FIRST | KIND_LAST) != 0 && words.len() > 1) {
                continue;
            }
            if kind == KIND_ORG && words.len() > 1 {
                *last_words
                    .entry(word_hash(words[words.len() - 1]))
                    .or_default() += 1;
            }
            let mut h = SEED;
            for (k, w) in words.iter().enumerate() {
                h = mix(h, word_hash(w));
                if k + 1 < words.len() {
                    *map.entry(h).or_default() |= PREFIX;
                }
            }
            *map.entry(h).or_default() |= kind;
        }
        let org_heads = last_words
            .into_iter()
            .filter(|&(w, n)| {
                let place = entries
                    .get(&mix(SEED, w))
                    .is_some_and(|k| k & KIND_LOC != 0);
                n >= MIN_HEAD_NAMES && !place
            })
            .map(|(w, _)| (w, ()))
            .collect();
        Ok(Gazetteer {
            entries,
            actors,
            org_heads,
        })
    }

    /// Number of keys (names and the prefixes of longer names).
    pub fn len(&self) -> usize {
        self.entries.len() + self.actors.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty() && self.actors.is_empty()
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
        self.actor_states(ctx, n, out);
    }

    /// Adds the actor state of each token: the longest organisation or person name starting
    /// at the first capitalised token not yet covered (an organisation where a name is both),
    /// and the organisation head bit of capitalised tokens.
    fn actor_states(&self, ctx: &[TokenInfo], n: usize, out: &mut [u8]) {
        if self.actors.is_empty() {
            return;
        }
        for (s, t) in out.iter_mut().zip(&ctx[PAD..PAD + n]) {
            if capitalised(t) && self.org_heads.contains_key(&t.norm) {
                *s |= gaz::ORG_HEAD;
            }
        }
        let mut i = 0;
        while i < n {
            // Only a word with a capital starts a match: lower-case mentions of these names are
            // rare, and the lookups of every other word were the matcher's main cost.
            if !capitalised(&ctx[i + PAD]) {
                i += 1;
                continue;
            }
            let mut h = SEED;
            let (mut len, mut kind) = (0usize, 0u8);
            for k in 0..MAX_ACTOR_WORDS.min(n - i) {
                h = mix(h, ctx[i + k + PAD].norm);
                let Some(&found) = self.actors.get(&h) else {
                    break;
                };
                if found & (KIND_ORG | KIND_PER) != 0 {
                    (len, kind) = (k + 1, found);
                }
                if found & PREFIX == 0 {
                    break;
                }
            }
            if len == 0 {
                i += 1;
                continue;
            }
            let (b, inside) = if kind & KIND_ORG != 0 {
                (gaz::ORG_B, gaz::ORG_I)
            } else {
                (gaz::PER_B, gaz::PER_I)
            };
            out[i] |= b << gaz::ACTOR_SHIFT;
            for s in &mut out[i + 1..i + len] {
                *s |= inside << gaz::ACTOR_SHIFT;
            }
            i += len;
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
    fn matches_longest_actors_by_normalised_words() {
        let g = Gazetteer::from_tsv(
            "united nations\tORG\nun\tORG\nalqaida\tORG\nban kimoon\tPER\n\
             department of state\tORG\nparis\tLOC\n",
        )
        .unwrap();
        let actors_of = |words: &[&str]| -> Vec<u8> {
            states(&g, words).iter().map(|&s| gaz::actor(s)).collect()
        };
        use gaz::*;
        assert_eq!(
            actors_of(&["The", "United", "Nations", "and", "U.N.", "said"]),
            [0, ORG_B, ORG_I, 0, ORG_B, 0]
        );
        assert_eq!(
            actors_of(&["Ban", "Ki-moon", "condemned", "al-Qaida", "!"]),
            [PER_B, PER_I, 0, ORG_B, 0]
        );
        // A prefix alone is no match; the next match starts after it.
        assert_eq!(
            actors_of(&["Department", "of", "Defense", "United", "Nations"]),
            [0, 0, 0, ORG_B, ORG_I]
        );
        // A match starts at a word with a capital only.
        assert_eq!(actors_of(&["the", "united", "nations"]), [0, 0, 0]);
        // Places keep their own bits.
        let s = states(&g, &["Paris", "UN"]);
        assert_eq!((place_name(s[0]), actor(s[0])), (LOC_B, 0));
        assert_eq!((place_name(s[1]), actor(s[1])), (0, ORG_B));
    }

    #[test]
    fn words_ending_many_organisations_are_heads() {
        let g = Gazetteer::from_tsv(
            "a inc\tORG\nb inc\tORG\nc inc\tORG\nd inc\tORG\ne inc\tORG\nf party\tORG\n\
             a york\tORG\nb york\tORG\nc york\tORG\nd york\tORG\ne york\tORG\nyork\tLOC\n",
        )
        .unwrap();
        let heads: Vec<bool> = states(&g, &["Acme", "Inc.", "party", "York"])
            .iter()
            .map(|&s| s & gaz::ORG_HEAD != 0)
            .collect();
        // "party" ends one name only; "york" is a place.
        assert_eq!(heads, [false, true, false, false]);
        assert_eq!(
            gaz::actor(gaz::ORG_HEAD | (gaz::ORG_I << gaz::ACTOR_SHIFT)),
            gaz::ORG_I
        );
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
        let s = states(
            &g,
            &["NATO", "and", "the", "European", "Union", "met", "Hamas"],
        );
        let actors: Vec<u8> = s.iter().map(|&x| gaz::actor(x)).collect();
        assert_eq!(
            actors,
            [gaz::ORG_B, 0, 0, gaz::ORG_B, gaz::ORG_I, 0, gaz::ORG_B]
        );
    }
}
