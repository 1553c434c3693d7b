//! Pieces: the unit of dictionary lookup. A piece is a maximal run of alphanumeric characters
//! or a single other non-space character, so "U.S." is four pieces and "Russia’s" three.
//! Pieces never cross the tokenizer's token boundaries; the folded stream joins them with a
//! space exactly where the original text has white space, so a lexicon phrase folded with
//! `fold_phrase` matches regardless of how the tokenizer split it.

/// Byte ranges of the pieces of `s`.
#[cfg(test)]
pub fn split_pieces(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    split_pieces_into(s, &mut out);
    out
}

/// Appends the byte ranges of the pieces of `s` to `out` (reused across tokens).
pub fn split_pieces_into(s: &str, out: &mut Vec<(usize, usize)>) {
    if s.is_ascii() {
        split_ascii_pieces_into(s.as_bytes(), out);
        return;
    }
    let mut run: Option<usize> = None;
    for (i, c) in s.char_indices() {
        if c.is_alphanumeric() {
            if run.is_none() {
                run = Some(i);
            }
            continue;
        }
        if let Some(st) = run.take() {
            out.push((st, i));
        }
        if !c.is_whitespace() {
            out.push((i, i + c.len_utf8()));
        }
    }
    if let Some(st) = run {
        out.push((st, s.len()));
    }
}

/// `split_pieces_into` for ASCII text (nearly every token): the same classes on bytes, no
/// UTF-8 decoding. `char::is_whitespace` on ASCII is exactly these six characters.
fn split_ascii_pieces_into(s: &[u8], out: &mut Vec<(usize, usize)>) {
    let mut run: Option<usize> = None;
    for (i, &c) in s.iter().enumerate() {
        if c.is_ascii_alphanumeric() {
            if run.is_none() {
                run = Some(i);
            }
            continue;
        }
        if let Some(st) = run.take() {
            out.push((st, i));
        }
        if !matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r') {
            out.push((i, i + 1));
        }
    }
    if let Some(st) = run {
        out.push((st, s.len()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The general (`char`) path, for comparing the ASCII fast path with.
    fn split_by_chars(s: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut run: Option<usize> = None;
        for (i, c) in s.char_indices() {
            if c.is_alphanumeric() {
                if run.is_none() {
                    run = Some(i);
                }
                continue;
            }
            if let Some(st) = run.take() {
                out.push((st, i));
            }
            if !c.is_whitespace() {
                out.push((i, i + c.len_utf8()));
            }
        }
        if let Some(st) = run {
            out.push((st, s.len()));
        }
        out
    }

    proptest! {
        #[test]
        fn ascii_fast_path_equals_char_path(s in "[\\x00-\\x7f]{0,24}") {
            prop_assert_eq!(split_pieces(&s), split_by_chars(&s));
        }

        #[test]
        fn any_text_equals_char_path(s in "\\PC{0,16}") {
            prop_assert_eq!(split_pieces(&s), split_by_chars(&s));
        }
    }

    #[test]
    fn splits_words_and_punctuation() {
        let s = "U.S. Russia’s Youtube-channel";
        let p: Vec<&str> = split_pieces(s).into_iter().map(|(a, b)| &s[a..b]).collect();
        assert_eq!(
            p,
            ["U", ".", "S", ".", "Russia", "’", "s", "Youtube", "-", "channel"]
        );
    }
}
