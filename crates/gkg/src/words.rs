//! The word scanner shared by themes, tone and amounts.
//!
//! GDELT's WordCount and densities need one fixed definition of "word", independent of how
//! the tokenizer splits clitics or numbers, so this stage scans words itself: a word is a
//! maximal run of alphanumeric characters, where `'`, `’`, `-` join two alphanumerics and
//! `.`/`,` join two digits ("25,000", "7.5", "1.13bn", "cease-fire", "don't"). Every other
//! non-space character is a one-character punctuation word. This is GDELT's counting unit,
//! not a second word model: the lower-case form is `sitrep_text::lexical::lower`'s, and POS
//! and lemma come from the lexical view (`sitrep_text::Lexical`) when a token covers
//! exactly the same bytes.

use sitrep_doc::{Document, Upos};
use sitrep_text::{char_at, lexical, Lexical};
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
    /// Lowercased, with `’` folded to `'` (`sitrep_text::lexical::lower`).
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

const ALNUM: u8 = 1;
const ALPHA: u8 = 2;
const DIGIT: u8 = 4;
const UPPER: u8 = 8;

/// Classes of the ASCII bytes (0 for the others): `is_alphanumeric`, `is_alphabetic`,
/// `is_numeric` and `is_uppercase` agree with these on ASCII.
const ASCII_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_uppercase() {
            ALNUM | ALPHA | UPPER
        } else if c.is_ascii_lowercase() {
            ALNUM | ALPHA
        } else if c.is_ascii_digit() {
            ALNUM | DIGIT
        } else {
            0
        };
        b += 1;
    }
    t
};

/// Scans the document body into words.
///
/// Walks the body by byte offset, decoding a character only when it is not ASCII (no
/// per-character buffer): this runs over every byte of every article.
pub fn scan(doc: &Document) -> Vec<Word<'_>> {
    scan_with(doc, None)
}

/// [`scan`], with `lowered` = `doc.text().to_ascii_lowercase()` when the caller has it: the
/// lowercase form of an ASCII word with capitals then borrows from it instead of allocating.
pub fn scan_with<'d>(doc: &'d Document, lowered: Option<&'d str>) -> Vec<Word<'d>> {
    let body = doc.body();
    let text = doc.text();
    let base = body.start();
    let s = &text[body.range()];
    let lex = Lexical::new(doc);
    let with_pos = lex.tagged();
    let mut words = Vec::with_capacity(s.len() / 4 + 16);
    let mut tok = 0usize;
    let mut p = 0;
    while let Some((c, cl)) = char_at(s, p) {
        let start = base + p;
        if c == ' ' {
            p += 1;
            continue;
        }
        if c.is_whitespace() {
            if c == '\n' && s.as_bytes().get(p + 1) == Some(&b'\n') {
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
            p += cl;
            continue;
        }
        // `q` is the byte offset just past the word so far.
        let mut q = p + cl;
        let (mut ascii, mut upper) = (c.is_ascii(), c.is_ascii_uppercase());
        let kind = if c.is_alphanumeric() {
            let (mut letters, mut digits) = (c.is_alphabetic(), c.is_numeric());
            let mut prev = c;
            let bytes = s.as_bytes();
            loop {
                // Fast path: a run of ASCII letters and digits, one table lookup per byte.
                let (run, mut class) = (q, 0u8);
                while let Some(&b) = bytes.get(q) {
                    let k = ASCII_CLASS[usize::from(b)];
                    if k & ALNUM == 0 {
                        break;
                    }
                    class |= k;
                    q += 1;
                }
                if q > run {
                    letters |= class & ALPHA != 0;
                    digits |= class & DIGIT != 0;
                    upper |= class & UPPER != 0;
                    prev = char::from(bytes[q - 1]);
                }
                let Some((cj, lj)) = char_at(s, q) else {
                    break;
                };
                if cj.is_alphanumeric() {
                    letters |= cj.is_alphabetic();
                    digits |= cj.is_numeric();
                } else if !char_at(s, q + lj).is_some_and(|(next, _)| is_joiner(cj, prev, next)) {
                    break;
                }
                ascii &= cj.is_ascii();
                upper |= cj.is_ascii_uppercase();
                prev = cj;
                q += lj;
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
        let end = base + q;
        let raw = &text[start..end];
        // `lexical::lower`, except that an ASCII word with capitals borrows from `lowered`.
        let lower: Cow<'_, str> = if !ascii {
            lexical::lower(raw)
        } else if upper {
            match lowered {
                Some(l) => Cow::Borrowed(&l[start..end]),
                None => Cow::Owned(raw.to_ascii_lowercase()),
            }
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
                    pos = lex.pos(tok);
                    lemma = lex.lemma(tok);
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
        p = q;
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
    use proptest::prelude::*;
    use sitrep_doc::Meta;

    /// The straightforward scanner over a buffer of characters that [`scan`] replaced: the
    /// fast scanner must give exactly the same words.
    fn scan_reference(doc: &Document) -> Vec<(usize, usize, WordKind, String, bool)> {
        let body = doc.body();
        let text = doc.text();
        let base = body.start();
        let chars: Vec<(usize, char)> = text[body.range()]
            .char_indices()
            .map(|(i, c)| (i + base, c))
            .collect();
        let mut words = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            let (start, c) = chars[i];
            if c.is_whitespace() {
                if c == '\n' && i + 1 < chars.len() && chars[i + 1].1 == '\n' {
                    words.push((start, start + 1, WordKind::Punct, "\n".to_string(), false));
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
            let lower: String = text[start..end]
                .chars()
                .flat_map(char::to_lowercase)
                .map(|c| if c == '’' { '\'' } else { c })
                .collect();
            words.push((start, end, kind, lower, c.is_uppercase()));
            i = j;
        }
        words
    }

    proptest! {
        #[test]
        fn scan_equals_reference(text in "( date 2022-01-10 )?[a-zA-Z0-9 ,.'’\\-\n!éÉİß€$%\u{00a0}\u{2028}]{0,60}") {
            let doc = Document::new(Meta::default(), text.clone()).unwrap();
            let got: Vec<_> = scan(&doc)
                .into_iter()
                .map(|w| (w.start, w.end, w.kind, w.lower.into_owned(), w.capital))
                .collect();
            prop_assert_eq!(&got, &scan_reference(&doc));
            let lowered = doc.text().to_ascii_lowercase();
            let with: Vec<_> = scan_with(&doc, Some(&lowered))
                .into_iter()
                .map(|w| (w.start, w.end, w.kind, w.lower.into_owned(), w.capital))
                .collect();
            prop_assert_eq!(with, got);
        }
    }

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
