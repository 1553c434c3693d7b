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
        // Nearly every token: the same classes on bytes, no UTF-8 decoding.
        split_classes(s.len(), s.bytes().enumerate().map(ascii_class), out);
    } else {
        split_classes(s.len(), s.char_indices().map(char_class), out);
    }
}

/// A character's place in piece splitting: (byte offset, alphanumeric, white space, length).
type Class = (usize, bool, bool, usize);

fn char_class((i, c): (usize, char)) -> Class {
    (i, c.is_alphanumeric(), c.is_whitespace(), c.len_utf8())
}

/// [`char_class`] of an ASCII byte: `char::is_whitespace` on ASCII is exactly these six.
fn ascii_class((i, b): (usize, u8)) -> Class {
    let space = matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r');
    (i, b.is_ascii_alphanumeric(), space, 1)
}

/// Runs of alphanumerics are pieces, every other non-space character is one.
fn split_classes(len: usize, chars: impl Iterator<Item = Class>, out: &mut Vec<(usize, usize)>) {
    let mut run: Option<usize> = None;
    for (i, alnum, space, width) in chars {
        if alnum {
            run.get_or_insert(i);
            continue;
        }
        if let Some(st) = run.take() {
            out.push((st, i));
        }
        if !space {
            out.push((i, i + width));
        }
    }
    if let Some(st) = run {
        out.push((st, len));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The general (`char`) path, for comparing the ASCII fast path with.
    fn split_by_chars(s: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        split_classes(s.len(), s.char_indices().map(char_class), &mut out);
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
