//! Token normalisation shared by every table: the same rule as `norm_words` in
//! `data/build.py` (lower case; `-` and `/` split words; other punctuation dropped).

/// Appends the normalised words of one token to `out` (none for punctuation or a
/// possessive clitic such as `'s`).
pub fn normalize_token(token: &str, out: &mut Vec<String>) {
    if token.starts_with('\'') || token.starts_with('\u{2019}') {
        return;
    }
    let mut cur = String::new();
    for ch in token.chars() {
        if ch == '-' || ch == '/' || ch.is_whitespace() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
        } else if ch.is_alphanumeric() {
            cur.extend(ch.to_lowercase());
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
}

/// The normalised words of a whole document's tokens in one buffer: `words()` borrows them,
/// so a document costs two allocations instead of one per word (`normalize_tokens`).
#[derive(Debug, Default)]
pub struct NormalizedText {
    text: String,
    /// Byte range of each word in `text`.
    ranges: Vec<(u32, u32)>,
    /// The token each word came from.
    pub origin: Vec<usize>,
}

impl NormalizedText {
    pub fn of<S: AsRef<str>>(tokens: &[S]) -> NormalizedText {
        let mut n = NormalizedText::default();
        n.text.reserve(tokens.len() * 6);
        n.ranges.reserve(tokens.len());
        n.origin.reserve(tokens.len());
        for (i, t) in tokens.iter().enumerate() {
            let t = t.as_ref();
            if t.starts_with('\'') || t.starts_with('\u{2019}') {
                continue;
            }
            let mut start = n.text.len();
            if t.is_ascii() {
                // Most tokens: byte by byte, without Unicode case tables.
                for &b in t.as_bytes() {
                    if b == b'-' || b == b'/' || char::from(b).is_whitespace() {
                        n.close(start, i);
                        start = n.text.len();
                    } else if b.is_ascii_alphanumeric() {
                        n.text.push(char::from(b.to_ascii_lowercase()));
                    }
                }
                n.close(start, i);
                continue;
            }
            for ch in t.chars() {
                if ch == '-' || ch == '/' || ch.is_whitespace() {
                    n.close(start, i);
                    start = n.text.len();
                } else if ch.is_alphanumeric() {
                    n.text.extend(ch.to_lowercase());
                }
            }
            n.close(start, i);
        }
        n
    }

    fn close(&mut self, start: usize, token: usize) {
        if self.text.len() > start {
            self.ranges.push((start as u32, self.text.len() as u32));
            self.origin.push(token);
        }
    }

    /// The words, as `normalize_tokens` gives them.
    pub fn words(&self) -> Vec<&str> {
        self.ranges
            .iter()
            .map(|&(a, b)| &self.text[a as usize..b as usize])
            .collect()
    }
}

/// The normalised words of a token sequence, each with the index of the token it came from.
pub fn normalize_tokens<S: AsRef<str>>(tokens: &[S]) -> (Vec<String>, Vec<usize>) {
    let mut words = Vec::with_capacity(tokens.len());
    let mut origin = Vec::with_capacity(tokens.len());
    for (i, t) in tokens.iter().enumerate() {
        let before = words.len();
        normalize_token(t.as_ref(), &mut words);
        origin.extend(std::iter::repeat_n(i, words.len() - before));
    }
    (words, origin)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_buffer_normalises_like_word_by_word() {
        let tokens = [
            "U.N.",
            "Ki-moon",
            "'s",
            ",",
            "Côte",
            "AAIA)",
            "semi-final",
            "a/b",
        ];
        let (words, origin) = normalize_tokens(&tokens);
        let n = NormalizedText::of(&tokens);
        assert_eq!(n.words(), words);
        assert_eq!(n.origin, origin);
    }

    proptest::proptest! {
        // The ASCII fast path and the Unicode path give the words `normalize_tokens` gives.
        #[test]
        fn one_buffer_normalises_like_word_by_word_on_any_tokens(
            tokens in proptest::collection::vec("[a-zA-Z0-9 '/.,()\\-\u{2019}éÉßİ]{0,8}", 0..12)
        ) {
            let (words, origin) = normalize_tokens(&tokens);
            let n = NormalizedText::of(&tokens);
            proptest::prop_assert_eq!(n.words(), words);
            proptest::prop_assert_eq!(n.origin, origin);
        }
    }

    #[test]
    fn tokens_normalise_like_the_build_script() {
        let cases: &[(&str, &[&str])] = &[
            ("U.N.", &["un"]),
            ("Ki-moon", &["ki", "moon"]),
            ("'s", &[]),
            (",", &[]),
            ("Côte", &["côte"]),
            ("AAIA)", &["aaia"]),
        ];
        for (tok, want) in cases {
            let mut out = Vec::new();
            normalize_token(tok, &mut out);
            assert_eq!(&out, want, "{tok}");
        }
    }
}
