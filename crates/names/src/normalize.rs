//! Text normalization for dictionary lookups and the transliteration-folded entity keys.

pub use sitrep_text::translit_key;

/// Lower-cases and folds one character for lookups: Latin diacritics are dropped, typographic
/// apostrophes and dashes become their ASCII forms. Pushes the result into `out`.
#[inline]
pub fn push_folded(c: char, out: &mut String) {
    // ASCII is nearly all of the text: only the backtick among ASCII characters is folded
    // to something other than its lower case.
    if c.is_ascii() {
        out.push(if c == '`' {
            '\''
        } else {
            c.to_ascii_lowercase()
        });
        return;
    }
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`' | '\u{00B4}' => out.push('\''),
        '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push('-'),
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => {
            out.push('a')
        }
        'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => out.push('c'),
        'ď' | 'đ' | 'Ď' | 'Đ' => out.push('d'),
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ě' => {
            out.push('e')
        }
        'ğ' | 'Ğ' => out.push('g'),
        'ì' | 'í' | 'î' | 'ï' | 'ı' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'İ' => out.push('i'),
        'ł' | 'Ł' => out.push('l'),
        'ñ' | 'ń' | 'ň' | 'Ñ' | 'Ń' | 'Ň' => out.push('n'),
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ő' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ő' => {
            out.push('o')
        }
        'ř' | 'Ř' => out.push('r'),
        'ś' | 'š' | 'ş' | 'Ś' | 'Š' | 'Ş' => out.push('s'),
        'ß' => out.push_str("ss"),
        'ť' | 'ţ' | 'Ť' | 'Ţ' => out.push('t'),
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ů' => {
            out.push('u')
        }
        'ý' | 'ÿ' | 'Ý' => out.push('y'),
        'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => out.push('z'),
        _ => {
            for l in c.to_lowercase() {
                out.push(l);
            }
        }
    }
}

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

        #[test]
        fn push_folded_ascii_fast_path(c in any::<char>()) {
            let mut fast = String::new();
            push_folded(c, &mut fast);
            let slow: String = match c {
                '`' => "'".into(),
                c if c.is_ascii() => c.to_lowercase().collect(),
                _ => fast.clone(),
            };
            prop_assert_eq!(fast, slow);
        }
    }

    #[test]
    fn fold_phrase_collapses_and_folds() {
        assert_eq!(fold_phrase("  Genève  Canton "), "geneve canton");
        assert_eq!(fold_phrase("Russia\u{2019}s"), "russia's");
    }
}
