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
