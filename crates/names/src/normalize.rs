//! Text normalization for dictionary lookups and the transliteration-folded entity keys.
//! Characters fold with sitrep's one folding table, `sitrep_text::lexical::push_folded`.

use sitrep_text::lexical::push_folded;
pub use sitrep_text::translit_key;

/// Folded lookup form of a phrase: pieces joined as in the document stream (see `pieces`):
/// white space collapsed to one space.
pub fn fold_phrase(s: &str) -> String {
    if s.is_ascii() {
        return fold_ascii_phrase(s.as_bytes());
    }
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.trim().chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        push_folded(c, &mut out);
    }
    out
}

/// `fold_phrase` for ASCII (nearly all lexicon phrases): the same rules on bytes.
/// `char::is_whitespace` on ASCII is exactly these six characters.
fn fold_ascii_phrase(s: &[u8]) -> String {
    let ws = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r');
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for &b in s {
        if ws(b) {
            // Leading white space never gives a space (trim).
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(if b == b'`' {
            '\''
        } else {
            b.to_ascii_lowercase() as char
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn fold_phrase_ascii_fast_path(s in "[\\x00-\\x7f]{0,24}") {
            let mut slow = String::new();
            let mut space = false;
            for c in s.trim().chars() {
                if c.is_whitespace() {
                    space = true;
                    continue;
                }
                if space {
                    slow.push(' ');
                    space = false;
                }
                push_folded(c, &mut slow);
            }
            prop_assert_eq!(fold_phrase(&s), slow);
        }

    }

    #[test]
    fn fold_phrase_collapses_and_folds() {
        assert_eq!(fold_phrase("  Genève  Canton "), "geneve canton");
        assert_eq!(fold_phrase("Russia\u{2019}s"), "russia's");
        // The one folding table: Romanian comma-below letters fold like the cedilla ones.
        assert_eq!(fold_phrase("Timișoara"), fold_phrase("Timişoara"));
        assert_eq!(fold_phrase("Timișoara"), "timisoara");
    }
}
