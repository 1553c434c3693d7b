//! The document seen as pieces (see `pieces.rs`) with a folded stream for lookups, and the
//! dictionary scan over it.

use crate::lexicon::{Case, Entry, Item, Lexicon};
use crate::pieces::split_pieces_into;
use sitrep_doc::{Deprel, Document, NerTag, Token, Upos};
use sitrep_text::lexical::{push_folded, Lexical};

#[derive(Debug, Clone)]
pub struct Piece {
    /// Byte range in the document text.
    pub start: usize,
    pub end: usize,
    /// Byte range in the folded stream.
    pub nstart: usize,
    pub nend: usize,
    pub sentence: u32,
    pub pos: Upos,
    pub ner: NerTag,
    /// Starts with an upper-case letter.
    pub cap: bool,
    pub alpha: bool,
    /// First piece of its sentence.
    pub sent_start: bool,
    /// Whether the parse makes the piece's token a clause subject (`nsubj`,
    /// `nsubj:pass`); `None` when its sentence is not parsed.
    pub subject: Option<bool>,
}

pub struct View<'d> {
    pub text: &'d str,
    /// The tagger ran: POS tags are meaningful.
    pub pos_known: bool,
    pub pieces: Vec<Piece>,
    pub stream: String,
    /// Paragraph of each sentence.
    pub sent_para: Vec<u32>,
}

/// A dictionary match over pieces `[a, b)` with the entries whose case rule held.
#[derive(Debug, Clone)]
pub struct Match {
    pub a: usize,
    pub b: usize,
    pub entries: Vec<Entry>,
}

/// The pieces and folded stream under construction: `open` writes the separating space and
/// gives the piece's start in the stream, the caller appends the folded text, `close`
/// records the piece.
struct Builder {
    pieces: Vec<Piece>,
    stream: String,
    last_sentence: u32,
}

impl Builder {
    /// The stream joins pieces with a space exactly where the text has white space.
    #[inline]
    fn open(&mut self, start: usize) -> usize {
        if self.pieces.last().is_some_and(|p| p.end < start) {
            self.stream.push(' ');
        }
        self.stream.len()
    }

    #[inline]
    fn close(
        &mut self,
        tok: &Token,
        subject: Option<bool>,
        (start, end): (usize, usize),
        nstart: usize,
        first: char,
    ) {
        let sent_start = tok.sentence.0 != self.last_sentence;
        self.last_sentence = tok.sentence.0;
        self.pieces.push(Piece {
            start,
            end,
            nstart,
            nend: self.stream.len(),
            sentence: tok.sentence.0,
            pos: tok.pos,
            ner: tok.ner,
            cap: first.is_uppercase(),
            alpha: first.is_alphabetic(),
            sent_start,
            subject,
        });
    }
}

impl<'d> View<'d> {
    pub fn new(doc: &'d Document) -> View<'d> {
        let text = doc.text();
        let mut b = Builder {
            pieces: Vec::with_capacity(doc.tokens.len() + doc.tokens.len() / 4),
            stream: String::with_capacity(text.len()),
            last_sentence: u32::MAX,
        };
        let mut buf: Vec<(usize, usize)> = Vec::with_capacity(8);
        let lex = Lexical::new(doc);
        let deps_known = doc.has_deps();
        let subject_at = |ti: usize| {
            let d = *doc.deps.get(ti).filter(|_| deps_known)?;
            // An unparsed sentence's tokens are roots with relation `dep` (UNPARSED).
            (d.head != 0 || d.rel == Deprel::Root).then_some(matches!(
                d.rel,
                Deprel::Nsubj | Deprel::NsubjPass | Deprel::NsubjOuter
            ))
        };
        for (ti, tok) in doc.tokens.iter().enumerate() {
            let subject = subject_at(ti);
            let base = tok.span.start();
            let t = &text[tok.span.range()];
            if t.is_ascii() {
                // Nearly every token: pieces cut in one pass over the bytes (the same cuts
                // as `split_pieces_into`), their folded text taken from the token's folded
                // form (an ASCII token folds byte for byte).
                let bytes = t.as_bytes();
                let folded = lex.folded(ti);
                let mut i = 0;
                while i < bytes.len() {
                    let c = bytes[i];
                    let e = if c.is_ascii_alphanumeric() {
                        let mut j = i + 1;
                        while j < bytes.len() && bytes[j].is_ascii_alphanumeric() {
                            j += 1;
                        }
                        j
                    } else if matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r') {
                        i += 1;
                        continue;
                    } else {
                        i + 1
                    };
                    let nstart = b.open(base + i);
                    b.stream.push_str(&folded[i..e]);
                    b.close(tok, subject, (base + i, base + e), nstart, c as char);
                    i = e;
                }
                continue;
            }
            buf.clear();
            split_pieces_into(t, &mut buf);
            for &(s, e) in &buf {
                let (start, end) = (base + s, base + e);
                let nstart = b.open(start);
                let piece = &text[start..end];
                for c in piece.chars() {
                    push_folded(c, &mut b.stream);
                }
                b.close(
                    tok,
                    subject,
                    (start, end),
                    nstart,
                    piece.chars().next().unwrap_or(' '),
                );
            }
        }
        let pos_known = doc.tokens.iter().any(|t| t.pos != Upos::X);
        View {
            text,
            pos_known,
            pieces: b.pieces,
            stream: b.stream,
            sent_para: doc.sentences.iter().map(|s| s.paragraph).collect(),
        }
    }

    /// A proper noun by the tagger (true when there are no POS tags to ask).
    pub fn proper(&self, i: usize) -> bool {
        !self.pos_known || self.pieces[i].pos == Upos::Propn
    }

    pub fn norm(&self, i: usize) -> &str {
        &self.stream[self.pieces[i].nstart..self.pieces[i].nend]
    }

    pub fn norm_range(&self, a: usize, b: usize) -> &str {
        &self.stream[self.pieces[a].nstart..self.pieces[b - 1].nend]
    }

    pub fn raw(&self, i: usize) -> &str {
        &self.text[self.pieces[i].start..self.pieces[i].end]
    }

    pub fn raw_range(&self, a: usize, b: usize) -> &str {
        &self.text[self.pieces[a].start..self.pieces[b - 1].end]
    }

    pub fn is(&self, i: usize, word: &str) -> bool {
        i < self.pieces.len() && self.norm(i) == word
    }

    pub fn is_any(&self, i: usize, words: &[&str]) -> bool {
        i < self.pieces.len() && words.contains(&self.norm(i))
    }

    /// The piece after a hyphen written without spaces at `b` ("Paris-based": the hyphen at
    /// `b`, "based" returned), when the hyphen joins piece `b - 1` to it.
    pub fn hyphenated_after(&self, b: usize) -> Option<usize> {
        let joined = |i: usize| {
            i > 0
                && self
                    .pieces
                    .get(i)
                    .is_some_and(|p| p.start == self.pieces[i - 1].end)
        };
        (self.is(b, "-") && joined(b) && joined(b + 1)).then_some(b + 1)
    }

    pub fn same_sentence(&self, a: usize, b: usize) -> bool {
        a < self.pieces.len()
            && b < self.pieces.len()
            && self.pieces[a].sentence == self.pieces[b].sentence
    }

    fn case_ok(&self, a: usize, b: usize, case: &Case) -> bool {
        match case {
            Case::Any => true,
            Case::Capital => {
                let first = if self.is(a, "the") && b > a + 1 {
                    a + 1
                } else {
                    a
                };
                self.pieces[first].cap
            }
            Case::Exact(s) => {
                let raw = self.raw_range(a, b);
                raw.split_whitespace().eq(s.split_whitespace())
            }
        }
    }

    /// Leftmost-longest dictionary scan: at each word piece the longest phrase with an entry
    /// whose case rule holds; the scan resumes after it.
    pub fn scan(&self, lex: &Lexicon) -> Vec<Match> {
        let mut out = Vec::new();
        let n = self.pieces.len();
        let mut i = 0;
        while i < n {
            if !self.pieces[i].alpha && !self.norm(i).chars().all(|c| c.is_alphanumeric()) {
                i += 1;
                continue;
            }
            let (counts, single) = lex.first_piece(self.norm(i));
            let max = (64 - counts.leading_zeros() as usize).min(n - i);
            let mut best: Option<(usize, Vec<Entry>)> = None;
            for len in (1..=max).rev() {
                // Only lengths some phrase starting with this piece has (64: 64 or more).
                if counts & (1 << (len.min(64) - 1)) == 0 {
                    continue;
                }
                let b = i + len;
                if !self.same_sentence(i, b - 1) {
                    continue;
                }
                // A phrase ends at a word boundary: never inside "U.S" + "." or "Russia" + "’".
                let items = if len == 1 {
                    single
                } else {
                    lex.lookup(self.norm_range(i, b))
                };
                if let Some(items) = items {
                    let ok: Vec<Entry> = items
                        .iter()
                        .filter(|it: &&Item| self.case_ok(i, b, &it.case))
                        .map(|it| it.entry)
                        .collect();
                    if !ok.is_empty() {
                        best = Some((b, ok));
                        break;
                    }
                }
            }
            match best {
                Some((b, entries)) => {
                    out.push(Match { a: i, b, entries });
                    i = b;
                }
                None => i += 1,
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pieces::split_pieces;
    use proptest::prelude::*;
    use sitrep_doc::{Meta, Stage};

    /// A piece as compared: spans in the text and the stream, capital, alphabetic, first of
    /// its sentence.
    type Row = (usize, usize, usize, usize, bool, bool, bool);

    /// The view built the plain way: every token cut by `split_pieces`, every character
    /// folded by `push_folded` (what the ASCII fast path of `View::new` must reproduce).
    fn reference(doc: &Document) -> (Vec<Row>, String) {
        let text = doc.text();
        let mut stream = String::new();
        let mut out: Vec<Row> = Vec::new();
        let mut last_sentence = u32::MAX;
        for tok in &doc.tokens {
            for (s, e) in split_pieces(&text[tok.span.range()]) {
                let (start, end) = (tok.span.start() + s, tok.span.start() + e);
                if out.last().is_some_and(|p| p.1 < start) {
                    stream.push(' ');
                }
                let nstart = stream.len();
                for c in text[start..end].chars() {
                    push_folded(c, &mut stream);
                }
                let first = text[start..end].chars().next().unwrap_or(' ');
                let sent_start = tok.sentence.0 != last_sentence;
                last_sentence = tok.sentence.0;
                out.push((
                    start,
                    end,
                    nstart,
                    stream.len(),
                    first.is_uppercase(),
                    first.is_alphabetic(),
                    sent_start,
                ));
            }
        }
        (out, stream)
    }

    const WORDS: &[&str] = &[
        "U.S.",
        "Russia’s",
        "Genève",
        "said",
        "`quoted`",
        "NATO-led",
        "Kiev",
        "Straße",
        "İstanbul",
        "o'clock",
        "Ryabkov,",
        "\t",
        "42",
        "x\u{2013}y",
        "Москва",
        "(BBC)",
        "—",
        "e-mail.",
    ];

    proptest! {
        #[test]
        fn view_equals_the_plain_construction(
            words in proptest::collection::vec(proptest::sample::select(WORDS), 0..30),
            seps in proptest::collection::vec(proptest::sample::select(&[" ", "  ", "\n", ". ", ""][..]), 30),
        ) {
            let mut text = String::new();
            for (w, s) in words.iter().zip(&seps) {
                text.push_str(w);
                text.push_str(s);
            }
            let has_words = text.chars().any(|c| !c.is_whitespace());
            let mut doc = Document::with_body(Meta::default(), text, 0).unwrap();
            sitrep_text::SegmentConfig::default().build().unwrap().process(&mut doc).unwrap();
            let v = View::new(&doc);
            let got: Vec<_> = v
                .pieces
                .iter()
                .map(|p| (p.start, p.end, p.nstart, p.nend, p.cap, p.alpha, p.sent_start))
                .collect();
            let (want, stream) = reference(&doc);
            prop_assert_eq!(got, want);
            prop_assert_eq!(&v.stream, &stream);
            // Not vacuous: text gives pieces.
            prop_assert_eq!(has_words, !v.pieces.is_empty());
        }
    }
}
