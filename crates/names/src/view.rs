//! The document seen as pieces (see `pieces.rs`) with a folded stream for lookups, and the
//! dictionary scan over it.

use crate::lexicon::{Case, Entry, Item, Lexicon};
use crate::normalize::push_folded;
use crate::pieces::split_pieces_into;
use sitrep_doc::{Document, NerTag, Upos};

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
}

pub struct View<'d> {
    pub text: &'d str,
    /// The tagger ran: POS tags are meaningful.
    pub pos_known: bool,
    pub pieces: Vec<Piece>,
    pub stream: String,
}

/// A dictionary match over pieces `[a, b)` with the entries whose case rule held.
#[derive(Debug, Clone)]
pub struct Match {
    pub a: usize,
    pub b: usize,
    pub entries: Vec<Entry>,
}

impl<'d> View<'d> {
    pub fn new(doc: &'d Document) -> View<'d> {
        let text = doc.text();
        let mut pieces = Vec::with_capacity(doc.tokens.len() + doc.tokens.len() / 4);
        let mut stream = String::with_capacity(text.len());
        let mut last_sentence = u32::MAX;
        let mut buf: Vec<(usize, usize)> = Vec::with_capacity(8);
        for tok in &doc.tokens {
            let t = &text[tok.span.range()];
            buf.clear();
            split_pieces_into(t, &mut buf);
            for &(s, e) in &buf {
                let start = tok.span.start() + s;
                let end = tok.span.start() + e;
                let prev_end = pieces.last().map(|p: &Piece| p.end);
                if let Some(pe) = prev_end {
                    if pe < start {
                        stream.push(' ');
                    }
                }
                let nstart = stream.len();
                for c in text[start..end].chars() {
                    push_folded(c, &mut stream);
                }
                let first = text[start..end].chars().next().unwrap_or(' ');
                let sent_start = tok.sentence.0 != last_sentence;
                last_sentence = tok.sentence.0;
                pieces.push(Piece {
                    start,
                    end,
                    nstart,
                    nend: stream.len(),
                    sentence: tok.sentence.0,
                    pos: tok.pos,
                    ner: tok.ner,
                    cap: first.is_uppercase(),
                    alpha: first.is_alphabetic(),
                    sent_start,
                });
            }
        }
        let pos_known = doc.tokens.iter().any(|t| t.pos != Upos::X);
        View {
            text,
            pos_known,
            pieces,
            stream,
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
            let counts = lex.piece_counts(self.norm(i));
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
                if let Some(items) = lex.lookup(self.norm_range(i, b)) {
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
