//! The word scanner shared by themes, tone and amounts.
//!
//! GDELT's WordCount and densities need one fixed definition of "word", independent of how
//! the tokenizer splits clitics or numbers, so this stage scans words itself: a word is a
//! maximal run of alphanumeric characters, where `'`, `’`, `-` join two alphanumerics and
//! `.`/`,` join two digits ("25,000", "7.5", "1.13bn", "cease-fire", "don't"). Every other
//! non-space character is a one-character punctuation word. POS and lemma come from the
//! document's tokens when a token covers exactly the same bytes.

use sitrep_doc::{Document, Layers, Upos};
use std::borrow::Cow;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordKind {
    /// Letters only (plus joiners).
    Alpha,
    /// Starts with a digit.
    Num,
    /// Other alphanumeric runs ("G7", "COVID-19").
    Mixed,
    /// One punctuation or symbol character.
    Punct,
}

/// A word of the body. `lower` borrows the text when it is already lowercase ASCII and
/// `lemma` borrows the token's lemma: scanning allocates only for words with capitals.
#[derive(Debug, Clone)]
pub struct Word<'d> {
    pub start: usize,
    pub end: usize,
    pub kind: WordKind,
    /// Lowercased, with `’` folded to `'`.
    pub lower: Cow<'d, str>,
    /// The first character is upper case.
    pub capital: bool,
    pub pos: Option<Upos>,
    pub lemma: Option<&'d str>,
}

impl Word<'_> {
    pub fn is_word(&self) -> bool {
        self.kind != WordKind::Punct
    }

    /// Ends a sentence-like unit: phrases, amounts and count windows never cross it.
    pub fn is_stop(&self) -> bool {
        self.kind == WordKind::Punct && matches!(&*self.lower, "." | "!" | "?" | ";" | "\n")
    }
}

fn is_joiner(c: char, prev: char, next: char) -> bool {
    match c {
        '\'' | '’' | '-' => prev.is_alphanumeric() && next.is_alphanumeric(),
        '.' | ',' => prev.is_ascii_digit() && next.is_ascii_digit(),
        _ => false,
    }
}

/// Scans the document body into words.
pub fn scan(doc: &Document) -> Vec<Word<'_>> {
    let body = doc.body();
    let text = doc.text();
    let base = body.start();
    let chars: Vec<(usize, char)> = text[body.range()]
        .char_indices()
        .map(|(i, c)| (i + base, c))
        .collect();
    let with_pos = doc.done.contains(Layers::POS);
    let mut words = Vec::with_capacity(chars.len() / 5);
    let mut tok = 0usize;
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if c.is_whitespace() {
            if c == '\n' && i + 1 < chars.len() && chars[i + 1].1 == '\n' {
                // A blank line (paragraph break) also stops phrases and amounts.
                words.push(Word {
                    start,
                    end: start + 1,
                    kind: WordKind::Punct,
                    lower: Cow::Borrowed("\n"),
                    capital: false,
                    pos: None,
                    lemma: None,
                });
            }
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let kind = if c.is_alphanumeric() {
            let (mut letters, mut digits) = (c.is_alphabetic(), c.is_numeric());
            while j < chars.len() {
                let cj = chars[j].1;
                if cj.is_alphanumeric() {
                    letters |= cj.is_alphabetic();
                    digits |= cj.is_numeric();
                    j += 1;
                } else if j + 1 < chars.len() && is_joiner(cj, chars[j - 1].1, chars[j + 1].1) {
                    j += 1;
                } else {
                    break;
                }
            }
            if c.is_ascii_digit() {
                WordKind::Num
            } else if letters && !digits {
                WordKind::Alpha
            } else {
                WordKind::Mixed
            }
        } else {
            WordKind::Punct
        };
        let end = if j < chars.len() {
            chars[j].0
        } else {
            body.end()
        };
        let raw = &text[start..end];
        let lower: Cow<'_, str> = if !raw.is_ascii() {
            Cow::Owned(
                raw.chars()
                    .flat_map(char::to_lowercase)
                    .map(|c| if c == '’' { '\'' } else { c })
                    .collect(),
            )
        } else if raw.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(raw.to_ascii_lowercase())
        } else {
            Cow::Borrowed(raw)
        };
        let (mut pos, mut lemma) = (None, None);
        if with_pos {
            while tok < doc.tokens.len() && doc.tokens[tok].span.start() < start {
                tok += 1;
            }
            if let Some(t) = doc.tokens.get(tok) {
                if t.span.start() == start && t.span.end() == end {
                    pos = Some(t.pos);
                    lemma = (!t.lemma.is_empty()).then_some(t.lemma.as_str());
                }
            }
        }
        words.push(Word {
            start,
            end,
            kind,
            lower,
            capital: c.is_uppercase(),
            pos,
            lemma,
        });
        i = j;
    }
    words
}

/// A naive singular for lexicon lookups: "sanctions" -> "sanction" (not "ss", not short words).
pub fn singular(w: &str) -> Option<&str> {
    (w.len() > 3 && w.ends_with('s') && !w.ends_with("ss")).then(|| &w[..w.len() - 1])
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_doc::Meta;

    #[test]
    fn joins_numbers_and_words() {
        const CASES: &[(&str, &[&str])] = &[
            ("25,000 tons", &["25,000", "tons"]),
            ("$1.13bn, said", &["$", "1.13bn", ",", "said"]),
            ("a cease-fire. Don’t", &["a", "cease-fire", ".", "don't"]),
            ("ends 7.5.", &["ends", "7.5", "."]),
            ("Río-Bravo 'x'", &["río-bravo", "'", "x", "'"]),
        ];
        for (text, want) in CASES {
            let doc = Document::new(Meta::default(), text.to_string()).unwrap();
            let got: Vec<String> = scan(&doc)
                .into_iter()
                .map(|w| w.lower.into_owned())
                .collect();
            assert_eq!(&got, want, "case {text:?}");
        }
    }
}
