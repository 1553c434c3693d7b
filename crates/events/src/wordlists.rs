//! Word lists of the events stage kept as data beside the other tables
//! (`data/sports_nouns.txt`, one entry a line, `#` comments), embedded at compile time and
//! read once per process; the symmetric codes are the one list of `sitrep-lexicon`
//! (`crates/lexicon/data/symmetric_codes.tsv`), shared with happening grouping.

use rustc_hash::FxHashSet;
use sitrep_lexicon::SymmetricCodes;
use std::sync::OnceLock;

const SPORTS_NOUNS: &str = include_str!("../data/sports_nouns.txt");
const IRREGULAR_PAST: &str = include_str!("../data/irregular_past.txt");

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

/// The verb of an irregular past form ("struck" -> "strike"), if it is one
/// (`data/irregular_past.txt`).
pub(crate) fn irregular_past(form: &str) -> Option<&'static str> {
    static MAP: OnceLock<rustc_hash::FxHashMap<&'static str, &'static str>> = OnceLock::new();
    MAP.get_or_init(|| {
        entries(IRREGULAR_PAST)
            .filter_map(|l| l.split_once('\t'))
            .collect()
    })
    .get(form)
    .copied()
}

/// Codes whose compound subject ("Russia and the US met") means each side did it with the
/// other: every code of sitrep's one symmetric-code list.
pub(crate) fn symmetric(code: &str) -> bool {
    SymmetricCodes::mutual().contains(code)
}

/// Verbs whose act each side of a compound subject does to the other, whatever the code:
/// "Ukraine and Russia exchanged prisoners" (0841), "traded accusations" (112), "swapped
/// fire" (193). The dictionary codes its EXCHANGE and TRADE patterns both ways
/// (`[0841:0841]`, `[112:112]`), which its compiled table does not keep.
pub(crate) fn reciprocal_verb(lemma: &str) -> bool {
    matches!(lemma, "exchange" | "trade" | "swap")
}

/// The lemmas of English auxiliaries (and their clitic forms): a word the tagger reads as an
/// auxiliary but is none of them is a tagging slip.
pub(crate) fn auxiliary(lemma: &str) -> bool {
    let lemma = lemma.to_ascii_lowercase();
    modal_verb(&lemma)
        || matches!(
            lemma.as_str(),
            "be" | "have"
                | "do"
                | "ought"
                | "need"
                | "dare"
                | "get"
                | "'s"
                | "'d"
                | "'ll"
                | "'ve"
                | "'re"
                | "'m"
                | "ca"
                | "wo"
                | "is"
                | "are"
                | "was"
                | "were"
                | "has"
                | "had"
                | "did"
                | "does"
        )
}

/// The lemmas of the English modal verbs ("must", "would", "may" ...).
pub(crate) fn modal_verb(lemma: &str) -> bool {
    matches!(
        lemma,
        "will" | "would" | "shall" | "should" | "can" | "could" | "may" | "might" | "must"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::CodeTable;
    use sitrep_lexicon::symmetric::mutual_entries;

    #[test]
    fn lists_read_and_answer() {
        assert!(is_sports_noun("penalty") && is_sports_noun("semi-final"));
        assert!(!is_sports_noun("sanction") && !is_sports_noun("# Nouns"));
        assert_eq!(entries(SPORTS_NOUNS).count(), 45);
        assert!(symmetric("036") && symmetric("0311") && symmetric("040") && symmetric("193"));
        assert!(!symmetric("042") && !symmetric("190x") && !symmetric("13"));
    }

    #[test]
    fn every_symmetric_code_is_a_cameo_code() {
        let table = CodeTable::embedded().unwrap();
        for e in mutual_entries() {
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

    /// The shared list's rule that a 3-digit code covers its 4-digit children (happenings'
    /// rule) adds no CAMEO code to what the coder called symmetric before (a listed code or
    /// a listed `NN*` prefix): no listed 3-digit code has children.
    #[test]
    fn the_shared_rule_codes_what_the_coder_coded() {
        let table = CodeTable::embedded().unwrap();
        let entries = mutual_entries();
        let before = |code: &str| {
            entries.iter().any(|e| match e.strip_suffix('*') {
                Some(p) => code.starts_with(p),
                None => *e == code,
            })
        };
        for c in table.iter() {
            assert_eq!(symmetric(&c.code), before(&c.code), "{}", c.code);
        }
    }
}
