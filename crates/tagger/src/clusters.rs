//! Word clusters as features: distributional knowledge of words the tagged training data never
//! shows ("smith" shares a cluster with "adams" and "bryant", "mozilla" with "bing" and
//! "apache").
//!
//! The table (`data/clusters.tsv`, made by `data/make_clusters.py`) gives each of ~130k
//! lowercase words three cluster ids (its fine cluster, and the mid and coarse clusters of the
//! fine cluster's centroid) from k-means over the word's vector in a pretrained
//! sentence-embedding model, computed offline; at run time a token's ids are one hash lookup of
//! its lowercase hash, done once per word type with the rest of its analysis. Loaded once per
//! process from the embedded table.

use crate::features::SEED_LOWER;
use crate::hash::hash_str;
use crate::lemma::FxMap;
use std::sync::OnceLock;

static EMBEDDED: &str = include_str!("../data/clusters.tsv");

/// Cluster ids of a word: fine, mid, coarse.
pub type Ids = [u16; 3];

/// The ids of a word not in the table.
pub const UNKNOWN: Ids = [u16::MAX; 3];
/// The ids of a padding position.
pub const PAD_IDS: Ids = [u16::MAX - 1; 3];

/// Lowercase-word hash (as `TokenInfo::lower`) -> cluster ids.
#[derive(Debug, Default)]
pub struct Clusters {
    ids: FxMap<u64, Ids>,
}

impl Clusters {
    /// Parses `fine TAB mid TAB coarse TAB word word ...` lines (`#` lines are comments);
    /// malformed lines are skipped.
    pub fn from_tsv(tsv: &str) -> Clusters {
        let mut ids = FxMap::default();
        for line in tsv.lines().filter(|l| !l.starts_with('#')) {
            let mut parts = line.splitn(4, '\t');
            let mut id = || parts.next().and_then(|p| p.parse::<u16>().ok());
            let (Some(fine), Some(mid), Some(coarse)) = (id(), id(), id()) else {
                continue;
            };
            let Some(words) = parts.next() else {
                continue;
            };
            for w in words.split(' ').filter(|w| !w.is_empty()) {
                ids.insert(hash_str(SEED_LOWER, w), [fine, mid, coarse]);
            }
        }
        Clusters { ids }
    }

    /// The ids of a lowercase word, by its hash.
    #[inline]
    pub fn get(&self, lower_hash: u64) -> Ids {
        self.ids.get(&lower_hash).copied().unwrap_or(UNKNOWN)
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Parses the embedded table (what [`clusters`] does once per process).
    pub fn embedded() -> Clusters {
        Clusters::from_tsv(EMBEDDED)
    }
}

/// The embedded table, parsed on first use.
pub fn clusters() -> &'static Clusters {
    static TABLE: OnceLock<Clusters> = OnceLock::new();
    TABLE.get_or_init(Clusters::embedded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_lines_and_skips_malformed_ones() {
        let c =
            Clusters::from_tsv("# header\n3\t1\t0\tgoogle microsoft\nbad line\n7\t2\t0\triver\n");
        assert_eq!(c.len(), 3);
        assert_eq!(c.get(hash_str(SEED_LOWER, "microsoft")), [3, 1, 0]);
        assert_eq!(c.get(hash_str(SEED_LOWER, "river")), [7, 2, 0]);
        assert_eq!(c.get(hash_str(SEED_LOWER, "zzzq")), UNKNOWN);
    }

    #[test]
    fn embedded_table_groups_company_names() {
        let c = clusters();
        assert!(c.len() > 100_000, "{} words", c.len());
        let id = |w: &str| c.get(hash_str(SEED_LOWER, w));
        assert_ne!(id("google"), UNKNOWN);
        // Company names share a coarse cluster more often than not with each other, and not
        // with common nouns of nature.
        assert_eq!(id("google")[2], id("microsoft")[2]);
        assert_ne!(id("google")[2], id("river")[2]);
    }
}
