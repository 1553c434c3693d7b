//! Word lists of the events stage kept as data beside the other tables
//! (`data/sports_nouns.txt`, `data/symmetric_codes.txt`, one entry a line, `#` comments),
//! embedded at compile time and read once per process.

use rustc_hash::FxHashSet;
use std::sync::OnceLock;

const SPORTS_NOUNS: &str = include_str!("../data/sports_nouns.txt");
const SYMMETRIC_CODES: &str = include_str!("../data/symmetric_codes.txt");

/// The entries of a list file: trimmed lines, without blank lines and comments.
fn entries(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// A noun (lemma) of sport reports: country and club names stand for teams there, and
/// "beat", "host", "attack", "refuse a penalty" are not acts between states.
pub(crate) fn is_sports_noun(lemma: &str) -> bool {
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| entries(SPORTS_NOUNS).collect())
        .contains(lemma)
}

/// Codes whose compound subject ("Russia and the US met") means each side did it with the
/// other: a listed code, or one starting with a listed `NN*` prefix.
pub(crate) fn symmetric(code: &str) -> bool {
    static LIST: OnceLock<(FxHashSet<&'static str>, Vec<&'static str>)> = OnceLock::new();
    let (codes, prefixes) = LIST.get_or_init(|| {
        let (prefixes, codes): (Vec<_>, Vec<_>) =
            entries(SYMMETRIC_CODES).partition(|e| e.ends_with('*'));
        let prefixes = prefixes.iter().map(|p| p.trim_end_matches('*')).collect();
        (codes.into_iter().collect(), prefixes)
    });
    codes.contains(code) || prefixes.iter().any(|p| code.starts_with(p))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::CodeTable;

    #[test]
    fn lists_read_and_answer() {
        assert!(is_sports_noun("penalty") && is_sports_noun("semi-final"));
        assert!(!is_sports_noun("sanction") && !is_sports_noun("# Nouns"));
        assert_eq!(entries(SPORTS_NOUNS).count(), 46);
        assert!(symmetric("036") && symmetric("0311") && symmetric("040") && symmetric("193"));
        assert!(!symmetric("042") && !symmetric("190x") && !symmetric("13"));
    }

    #[test]
    fn every_symmetric_code_is_a_cameo_code() {
        let table = CodeTable::embedded().unwrap();
        for e in entries(SYMMETRIC_CODES) {
            let code = e.trim_end_matches('*');
            assert!(
                table.iter().any(|c| c.code.starts_with(code)),
                "{e} names no CAMEO code"
            );
            if !e.ends_with('*') {
                assert!(table.get(e).is_some(), "{e} is not a CAMEO code");
            }
        }
    }
}
