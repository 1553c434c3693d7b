//! A light word scan of the document for the quotation rules.
//!
//! The rules need words, punctuation and quote marks as separate items, lowercased forms
//! for lexicon lookups, and sentence and paragraph membership. Quote marks matter more
//! here than in a general tokenizer (a closing mark after a period must stay a mark, an
//! apostrophe inside a word must not become one), so this module scans the text itself and
//! takes only paragraph and sentence boundaries from the document when the segmenter has
//! filled them. Everything is linear in the text and allocates a few vectors per document.

use sitrep_doc::Document;
use sitrep_text::char_at;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Punct,
    /// A quote mark (or an apostrophe that may be one).
    Mark,
}

#[derive(Debug, Clone, Copy)]
pub struct Tok {
    pub start: u32,
    pub end: u32,
    pub kind: Kind,
    /// The first character is uppercase.
    pub cap: bool,
    /// Two or more letters, all uppercase ("JACKSON", "NATO").
    pub upper: bool,
    pub sent: u32,
    pub para: u32,
    lower: (u32, u32),
}

impl Tok {
    pub fn start(&self) -> usize {
        self.start as usize
    }
    pub fn end(&self) -> usize {
        self.end as usize
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Sent {
    /// Token index range `[start, end)`.
    pub toks: (u32, u32),
    pub para: u32,
}

#[derive(Debug, Clone, Copy)]
pub struct Para {
    pub toks: (u32, u32),
}

#[derive(Debug, Default)]
pub struct Scan {
    pub toks: Vec<Tok>,
    pub sents: Vec<Sent>,
    pub paras: Vec<Para>,
    lower: String,
}

pub fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '„' | '‟' | '‹' | '›' | '‚'
    )
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

impl Scan {
    pub fn low(&self, i: usize) -> &str {
        let (a, b) = self.toks[i].lower;
        &self.lower[a as usize..b as usize]
    }

    /// The text of token `i`.
    #[cfg(test)]
    pub fn raw<'t>(&self, text: &'t str, i: usize) -> &'t str {
        &text[self.toks[i].start()..self.toks[i].end()]
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Word)
    }

    pub fn is_punct(&self, i: usize, p: &str) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Punct) && self.low(i) == p
    }

    pub fn sent_range(&self, s: u32) -> (usize, usize) {
        let r = self.sents[s as usize].toks;
        (r.0 as usize, r.1 as usize)
    }

    pub fn para_range(&self, p: u32) -> (usize, usize) {
        let r = self.paras[p as usize].toks;
        (r.0 as usize, r.1 as usize)
    }

    /// Scans the body of a document.
    pub fn new(doc: &Document) -> Scan {
        let text = doc.text();
        let mut scan = Scan {
            toks: Vec::with_capacity(text.len() / 5 + 8),
            // Lowercase forms: the text itself (ASCII-lowercased, for the ASCII tokens), then
            // the forms of the other tokens appended by `push`.
            lower: text.to_ascii_lowercase(),
            ..Scan::default()
        };
        for (start, end) in paragraph_spans(doc) {
            let first = scan.toks.len() as u32;
            let para = scan.paras.len() as u32;
            scan.tokenize(text, start, end, para);
            let last = scan.toks.len() as u32;
            if last > first {
                scan.paras.push(Para {
                    toks: (first, last),
                });
            }
        }
        scan.split_sentences(doc, text);
        scan
    }

    fn push(&mut self, text: &str, start: usize, end: usize, kind: Kind, para: u32) {
        let s = &text[start..end];
        let (cap, upper, lower);
        if s.is_ascii() {
            // `self.lower` starts with the whole text ASCII-lowercased: an ASCII token's
            // lowercase form is already there, at the token's own offsets.
            lower = (start as u32, end as u32);
            let b = s.as_bytes();
            cap = b.first().is_some_and(u8::is_ascii_uppercase);
            upper = cap
                && b.iter().filter(|c| c.is_ascii_alphabetic()).count() >= 2
                && !b.iter().any(u8::is_ascii_lowercase);
        } else {
            let lo = self.lower.len() as u32;
            for c in s.chars() {
                self.lower.extend(c.to_lowercase());
            }
            lower = (lo, self.lower.len() as u32);
            cap = s.chars().next().is_some_and(char::is_uppercase);
            upper = cap
                && s.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !s.chars().any(char::is_lowercase);
        }
        self.toks.push(Tok {
            start: start as u32,
            end: end as u32,
            kind,
            cap,
            upper,
            sent: 0,
            para,
            lower,
        });
    }

    /// Walks the text by byte offset and decodes only non-ASCII characters: this runs over
    /// every byte of every article.
    fn tokenize(&mut self, text: &str, start: usize, end: usize, para: u32) {
        let s = &text[start..end];
        let mut i = 0;
        while let Some((c, cl)) = char_at(s, i) {
            if c == ' ' {
                i += 1;
                continue;
            }
            if c.is_whitespace() {
                i += cl;
                continue;
            }
            let at = start + i;
            if is_word_char(c) {
                let mut last = i + cl;
                // Characters of the current piece since the last inner dot or hyphen.
                let mut piece = 1usize;
                let mut has_dot = false;
                // The next character not yet taken.
                let mut j = i + cl;
                loop {
                    // Fast path: a run of ASCII letters and digits.
                    let run = j;
                    while s.as_bytes().get(j).is_some_and(u8::is_ascii_alphanumeric) {
                        j += 1;
                    }
                    if j > run {
                        last = j;
                        piece += j - run;
                    }
                    let Some((d, dl)) = char_at(s, j) else {
                        break;
                    };
                    if is_word_char(d) {
                        last = j + dl;
                        piece += 1;
                        j += dl;
                        continue;
                    }
                    let rest = &s[j + dl..];
                    let next_alnum = rest.chars().next().is_some_and(is_word_char);
                    // Inner apostrophes and hyphens ("Russia’s", "Bin-Laden"), and the dots of
                    // single-letter abbreviations ("U.S", "e.g").
                    let joins = match d {
                        '\'' | '’' | '-' | '&' => next_alnum,
                        '.' => {
                            let mut r = rest.chars();
                            piece == 1
                                && r.next().is_some_and(char::is_alphabetic)
                                && !r.next().is_some_and(char::is_alphanumeric)
                        }
                        _ => false,
                    };
                    if joins {
                        has_dot |= d == '.';
                        piece = 0;
                        j += dl;
                        continue;
                    }
                    if d == '.' && has_dot {
                        // The final dot of "U.S.".
                        last = j + 1;
                        j += 1;
                    }
                    break;
                }
                self.push(text, at, start + last, Kind::Word, para);
                i = j;
            } else if (c == '\'' || c == '`') && s[i + 1..].starts_with(c) {
                // '' and `` are one double mark in some archives ("''It works,'' he said").
                self.push(text, at, at + 2, Kind::Mark, para);
                i += 2;
            } else if is_quote_char(c) {
                self.push(text, at, at + cl, Kind::Mark, para);
                i += cl;
            } else {
                self.push(text, at, at + cl, Kind::Punct, para);
                i += cl;
            }
        }
    }

    fn split_sentences(&mut self, doc: &Document, text: &str) {
        let use_doc = !doc.sentences.is_empty();
        let mut sent_start = 0usize;
        let n = self.toks.len();
        // The document's sentence starts, walked in step with the tokens (both are in text
        // order): a boundary before the first token at or after each sentence start.
        let starts: Vec<usize> = doc.sentences.iter().map(|s| s.span.start()).collect();
        let mut next_start = 0usize;
        for i in 0..n {
            let new_para = i == 0 || self.toks[i].para != self.toks[i - 1].para;
            let mut crossed = false;
            if use_doc {
                while next_start < starts.len() && starts[next_start] <= self.toks[i].start() {
                    next_start += 1;
                    crossed = true;
                }
            }
            let boundary = if new_para {
                true
            } else if use_doc {
                crossed
            } else {
                self.ends_sentence_before(text, i)
            };
            if boundary && i > sent_start {
                let para = self.toks[sent_start].para;
                self.sents.push(Sent {
                    toks: (sent_start as u32, i as u32),
                    para,
                });
                sent_start = i;
            }
        }
        if n > sent_start {
            let para = self.toks[sent_start].para;
            self.sents.push(Sent {
                toks: (sent_start as u32, n as u32),
                para,
            });
        }
        for (k, s) in self.sents.iter().enumerate() {
            for t in &mut self.toks[s.toks.0 as usize..s.toks.1 as usize] {
                t.sent = k as u32;
            }
        }
    }

    /// Own sentence rule, used when the document has no sentence layer: a boundary before
    /// token `i` when a terminal mark (and the closing marks glued to it) precedes it and
    /// `i` opens like a sentence.
    fn ends_sentence_before(&self, text: &str, i: usize) -> bool {
        let t = &self.toks[i];
        if i == 0 {
            return false;
        }
        // A mark glued to the previous token closes, it does not open.
        if t.kind == Kind::Mark && t.start == self.toks[i - 1].end {
            return false;
        }
        let opens = t.cap
            || t.kind == Kind::Mark
            || text[t.start()..].starts_with(|c: char| c.is_ascii_digit());
        if !opens {
            return false;
        }
        // Skip closing marks and brackets glued to the terminal punctuation.
        let mut p = i - 1;
        while p > 0
            && (self.toks[p].kind == Kind::Mark || self.low(p) == ")")
            && self.toks[p].start == self.toks[p - 1].end
        {
            p -= 1;
        }
        if self.toks[p].kind != Kind::Punct {
            return false;
        }
        match self.low(p) {
            "!" | "?" | "…" => true,
            "." => {
                if p == 0
                    || self.toks[p - 1].kind != Kind::Word
                    || self.toks[p - 1].end != self.toks[p].start
                {
                    return true;
                }
                !crate::lexicon::keeps_period(self.low(p - 1))
            }
            _ => false,
        }
    }
}

/// Paragraph spans of the body: the document's paragraph layer when filled, else lines.
fn paragraph_spans(doc: &Document) -> Vec<(usize, usize)> {
    let body = doc.body();
    if !doc.paragraphs.is_empty() {
        return doc
            .paragraphs
            .iter()
            .map(|p| (p.start().max(body.start()), p.end()))
            .filter(|(s, e)| s < e)
            .collect();
    }
    let text = doc.text();
    let mut out = Vec::new();
    let mut start = body.start();
    for (i, c) in text[body.range()].char_indices() {
        if c == '\n' {
            let at = body.start() + i;
            if !text[start..at].trim().is_empty() {
                out.push((start, at));
            }
            start = at + 1;
        }
    }
    if !text[start..body.end()].trim().is_empty() {
        out.push((start, body.end()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_doc::Meta;

    type RefTok = (usize, usize, Kind, String, bool, bool);

    /// The straightforward tokenizer (a peekable `char_indices` walk, one `String` push per
    /// character) that the byte-offset scan replaced: both must give the same tokens.
    fn reference_tokens(text: &str, start: usize, end: usize, out: &mut Vec<RefTok>) {
        let push = |out: &mut Vec<RefTok>, start: usize, end: usize, kind: Kind| {
            let s = &text[start..end];
            let lower: String = s.chars().flat_map(char::to_lowercase).collect();
            let cap = s.chars().next().is_some_and(char::is_uppercase);
            let upper = cap
                && s.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !s.chars().any(char::is_lowercase);
            out.push((start, end, kind, lower, cap, upper));
        };
        let s = &text[start..end];
        let mut it = s.char_indices().peekable();
        while let Some((i, c)) = it.next() {
            if c.is_whitespace() {
                continue;
            }
            let at = start + i;
            if is_word_char(c) {
                let mut last = i + c.len_utf8();
                let mut piece = 1usize;
                let mut has_dot = false;
                while let Some(&(j, d)) = it.peek() {
                    if is_word_char(d) {
                        last = j + d.len_utf8();
                        piece += 1;
                        it.next();
                        continue;
                    }
                    let rest = &s[j + d.len_utf8()..];
                    let next_alnum = rest.chars().next().is_some_and(is_word_char);
                    let joins = match d {
                        '\'' | '’' | '-' | '&' => next_alnum,
                        '.' => {
                            let mut r = rest.chars();
                            piece == 1
                                && r.next().is_some_and(char::is_alphabetic)
                                && !r.next().is_some_and(char::is_alphanumeric)
                        }
                        _ => false,
                    };
                    if joins {
                        has_dot |= d == '.';
                        piece = 0;
                        it.next();
                        continue;
                    }
                    if d == '.' && has_dot {
                        last = j + 1;
                        it.next();
                    }
                    break;
                }
                push(out, at, start + last, Kind::Word);
            } else if (c == '\'' || c == '`') && s[i + 1..].starts_with(c) {
                it.next();
                push(out, at, at + 2, Kind::Mark);
            } else if is_quote_char(c) {
                push(out, at, at + c.len_utf8(), Kind::Mark);
            } else {
                push(out, at, at + c.len_utf8(), Kind::Punct);
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn scan_equals_reference(text in "[a-zA-Z0-9 .,'’`\"“”&\\-\nÉéİßΣ\u{00a0}]{0,60}") {
            let doc = Document::new(Meta::default(), text.clone()).unwrap();
            let scan = Scan::new(&doc);
            let got: Vec<RefTok> = (0..scan.toks.len())
                .map(|i| {
                    let t = &scan.toks[i];
                    (t.start(), t.end(), t.kind, scan.low(i).to_string(), t.cap, t.upper)
                })
                .collect();
            let mut want = Vec::new();
            for (start, end) in paragraph_spans(&doc) {
                reference_tokens(doc.text(), start, end, &mut want);
            }
            proptest::prop_assert_eq!(got, want);
        }
    }

    fn words(text: &str) -> (Vec<String>, usize) {
        let doc = Document::new(Meta::default(), text.to_string()).unwrap();
        let scan = Scan::new(&doc);
        (
            (0..scan.toks.len())
                .map(|i| scan.raw(text, i).to_string())
                .collect(),
            scan.sents.len(),
        )
    }

    #[test]
    fn scan_keeps_inner_apostrophes_and_abbreviations() {
        let (w, s) = words("Russia’s U.S. envoy didn't say “no.” Mr. Smith left.");
        assert_eq!(
            w,
            [
                "Russia’s",
                "U.S.",
                "envoy",
                "didn't",
                "say",
                "“",
                "no",
                ".",
                "”",
                "Mr",
                ".",
                "Smith",
                "left",
                "."
            ]
        );
        assert_eq!(s, 2);
    }

    #[test]
    fn scan_splits_paragraphs_on_lines() {
        let doc = Document::new(Meta::default(), "One two.\n\nThree four.\n".into()).unwrap();
        let scan = Scan::new(&doc);
        assert_eq!(scan.paras.len(), 2);
        assert_eq!(scan.sents.len(), 2);
        assert_eq!(scan.toks[3].para, 1);
    }
}
