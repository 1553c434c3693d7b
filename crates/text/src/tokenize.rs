//! One pass over the bytes of the body: tokens with their kind and the line breaks before them.
//!
//! Tokens follow UD English EWT where a tagger trained on it cares: punctuation apart, clitics
//! split ("do n't", "Russia 's"), but hyphenated words, numbers with inner `. , : /` and
//! abbreviations with their dot stay whole. ASCII takes a byte fast path; other characters are
//! decoded one at a time. No regex, no allocation per token.

use crate::abbrev::{AbbrevClass, Abbreviations};
use serde::{Deserialize, Serialize};

/// What kind of token a span is. Sentence splitting decides on these; later stages may use
/// them too (a URL is not a name).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TokenKind {
    /// Letters, possibly with digits, inner hyphens or apostrophes ("non-expansion", "O'Brien").
    Word,
    /// Starts with a digit ("7.5", "25,000", "9:00", "1990s").
    Number,
    /// A word with its full stop ("Gen.", "Inc.", "No." before a number).
    Abbreviation(AbbrevClassTag),
    /// A single capital with its full stop before a name ("W." in "George W. Bush").
    Initial,
    /// Letters with inner dots ("U.S.", "e.g.", "a.m.", "Ph.D.").
    Acronym,
    /// A split-off clitic ("'s", "n't", "'re", "’ll").
    Clitic,
    /// "1." opening a numbered line.
    ListMarker,
    /// Sentence punctuation: a run of `.`, `!`, `?`.
    Terminal,
    /// "…" or "..." (three or more dots).
    Ellipsis,
    /// Opening quote or bracket: “ ‘ ( [ { « „ ¿ ¡.
    Opening,
    /// Closing quote or bracket: ” ’ ) ] } ».
    Closing,
    /// A straight quote `"` `'` or backtick, opening or closing by context.
    Quote,
    /// A dash standing alone: — – ― or a free-standing `-` / `--`.
    Dash,
    /// Any other punctuation or symbol (, ; : $ % & / emoji ...).
    Punct,
    Url,
    Email,
}

/// [`AbbrevClass`] as it appears in a token kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AbbrevClassTag {
    Title,
    Ordinary,
    BeforeNumber,
}

impl From<AbbrevClass> for AbbrevClassTag {
    fn from(c: AbbrevClass) -> Self {
        match c {
            AbbrevClass::Title => AbbrevClassTag::Title,
            AbbrevClass::Ordinary => AbbrevClassTag::Ordinary,
            AbbrevClass::BeforeNumber => AbbrevClassTag::BeforeNumber,
        }
    }
}

/// A token as the tokenizer sees it: byte range, kind and the line breaks before it
/// (0 none, 1 a single line break, 2 a blank line: a paragraph break).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawToken {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    pub breaks_before: u8,
}

/// Number suffixes split off as their own token ("1.13bn" -> "1.13" "bn", "9am" -> "9" "am").
const UNITS: &[&str] = &[
    "bn", "m", "mn", "k", "km", "kg", "cm", "mm", "g", "t", "tn", "am", "pm", "mph", "kph", "mw",
    "gw", "kw", "b", "lb", "lbs", "ft", "ml", "l", "h", "hrs", "hr", "min", "mins", "sec", "secs",
    "bln", "mln", "trn", "tr", "bp", "bps", "pc", "yr", "yrs", "kmh", "ha", "sq", "x",
];

/// The character at byte `i` of `text` and its UTF-8 length, ASCII without decoding; `None`
/// at the end of the text. `i` must be on a character boundary (scanners that step by whole
/// characters keep it there).
#[inline]
pub fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((char::from(b), 1));
    }
    let c = text[i..].chars().next()?;
    Some((c, c.len_utf8()))
}

/// [`char_at`] where the scanner knows `i` lies inside the text.
#[inline]
fn decode(text: &str, i: usize) -> (char, usize) {
    char_at(text, i).expect("the scanner reads inside the text")
}

/// Combining marks: part of the word they follow.
#[inline]
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x0610..=0x061A
        | 0x064B..=0x065F | 0x0900..=0x0903 | 0x093A..=0x094F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF
        | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric() || is_mark(c)
    }
}

/// Characters between tokens: white space, controls and zero-width format characters.
#[inline]
pub(crate) fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
        )
}

/// Line breaks a separator counts: `\r\n` is one, a Unicode paragraph separator is a blank line.
#[inline]
fn line_breaks(c: char, next: Option<u8>) -> u8 {
    match c {
        '\n' | '\u{000B}' | '\u{000C}' | '\u{0085}' | '\u{2028}' => 1,
        '\r' => u8::from(next != Some(b'\n')),
        '\u{2029}' => 2,
        _ => 0,
    }
}

struct Scanner<'a> {
    text: &'a str,
    bytes: &'a [u8],
    end: usize,
    abbr: &'a Abbreviations,
    has_at: bool,
    out: &'a mut Vec<RawToken>,
    breaks: u8,
}

impl Scanner<'_> {
    fn push(&mut self, start: usize, end: usize, kind: TokenKind) {
        debug_assert!(start < end);
        self.out.push(RawToken {
            start,
            end,
            kind,
            breaks_before: self.breaks,
        });
        self.breaks = 0;
    }

    #[inline]
    fn byte(&self, i: usize) -> u8 {
        if i < self.end {
            self.bytes[i]
        } else {
            0
        }
    }

    #[inline]
    fn char_at(&self, i: usize) -> Option<char> {
        (i < self.end).then(|| decode(self.text, i).0)
    }

    fn word_char_at(&self, i: usize) -> bool {
        self.char_at(i).is_some_and(is_word_char)
    }

    /// The first non-separator character at or after `i` on the same run of spaces.
    fn next_visible(&self, mut i: usize) -> Option<char> {
        while i < self.end {
            let (c, l) = decode(self.text, i);
            if !is_separator(c) {
                return Some(c);
            }
            i += l;
        }
        None
    }

    fn run(&mut self, start: usize) {
        let mut i = start;
        while i < self.end {
            let b = self.bytes[i];
            if b == b' ' {
                i += 1;
                continue;
            }
            if b.is_ascii_alphanumeric() {
                i = self.word_like(i);
                continue;
            }
            let (c, len) = decode(self.text, i);
            if is_separator(c) {
                let lb = line_breaks(c, self.bytes.get(i + 1).copied());
                self.breaks = self.breaks.saturating_add(lb).min(2);
                i += len;
                continue;
            }
            i = if is_word_char(c) {
                self.word_like(i)
            } else {
                self.punct(i, c, len)
            };
        }
    }

    /// A URL, e-mail address or word starting at `i`; returns where scanning goes on.
    fn word_like(&mut self, i: usize) -> usize {
        if let Some(e) = self.url(i) {
            self.push(i, e, TokenKind::Url);
            return e;
        }
        if self.has_at {
            if let Some(e) = self.email(i) {
                self.push(i, e, TokenKind::Email);
                return e;
            }
        }
        self.word(i)
    }

    fn url(&self, i: usize) -> Option<usize> {
        // "http" and "www." share no second letter with most words starting with h or w
        // ("he", "was", "which"): two byte tests reject those before the prefix compares.
        if !matches!(self.bytes[i], b'h' | b'H' | b'w' | b'W')
            || !matches!(self.byte(i + 1), b't' | b'T' | b'w' | b'W')
        {
            return None;
        }
        let rest = &self.bytes[i..self.end];
        let prefix = [&b"https://"[..], b"http://", b"www."]
            .into_iter()
            .find(|p| rest.len() > p.len() && rest[..p.len()].eq_ignore_ascii_case(p))?;
        let mut j = i + prefix.len();
        let mut parens = 0i32;
        while j < self.end {
            let (c, l) = decode(self.text, j);
            if is_separator(c) || matches!(c, '<' | '>' | '"' | '“' | '”' | '«' | '»') {
                break;
            }
            match c {
                '(' => parens += 1,
                ')' => parens -= 1,
                _ => {}
            }
            j += l;
        }
        // Trailing sentence punctuation and closing quotes are not part of the address.
        while let Some((k, c)) = self.text[i..j].char_indices().next_back() {
            let strip = matches!(
                c,
                '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '’' | ']' | '}'
            ) || (c == ')' && parens < 0);
            if !strip {
                break;
            }
            if c == ')' {
                parens += 1;
            }
            j = i + k;
        }
        (j > i + prefix.len()).then_some(j)
    }

    fn email(&self, i: usize) -> Option<usize> {
        let local =
            |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-');
        let mut j = i;
        while j < self.end && local(self.bytes[j]) {
            j += 1;
        }
        if self.byte(j) != b'@' || j == i {
            return None;
        }
        let dom_start = j + 1;
        let mut k = dom_start;
        while k < self.end
            && (self.bytes[k].is_ascii_alphanumeric() || matches!(self.bytes[k], b'.' | b'-'))
        {
            k += 1;
        }
        while k > dom_start && matches!(self.bytes[k - 1], b'.' | b'-') {
            k -= 1;
        }
        let domain = &self.bytes[dom_start..k];
        (domain.len() >= 3 && domain.contains(&b'.') && domain[0].is_ascii_alphanumeric())
            .then_some(k)
    }

    /// A word or number, its clitics split off and its abbreviation dot attached.
    fn word(&mut self, i: usize) -> usize {
        let first = decode(self.text, i).0;
        let starts_digit = first.is_ascii_digit();
        let mut j = i + first.len_utf8();
        let mut all_digits = starts_digit;
        let mut clitic: Option<(usize, usize)> = None;
        while j < self.end {
            // Fast path: a run of ASCII letters and digits.
            let b = self.bytes[j];
            if b.is_ascii_alphanumeric() {
                all_digits &= b.is_ascii_digit();
                j += 1;
                continue;
            }
            let (d, dl) = decode(self.text, j);
            if is_word_char(d) {
                all_digits &= d.is_ascii_digit();
                j += dl;
                continue;
            }
            let prev = self.bytes[j - 1];
            let next = self.byte(j + 1);
            let joins = match d {
                '-' | '\u{2010}' | '\u{2011}' => self.word_char_at(j + dl),
                '.' => prev.is_ascii_digit() && next.is_ascii_digit(),
                ',' => {
                    prev.is_ascii_digit()
                        && self.byte(j + 1).is_ascii_digit()
                        && self.byte(j + 2).is_ascii_digit()
                        && self.byte(j + 3).is_ascii_digit()
                        && !self.byte(j + 4).is_ascii_digit()
                }
                ':' | '/' => prev.is_ascii_digit() && next.is_ascii_digit(),
                '&' => prev.is_ascii_uppercase() && next.is_ascii_uppercase(),
                '\'' | '’' | 'ʼ' => {
                    match self.apostrophe(i, j, dl) {
                        Apostrophe::Inner(k) => {
                            j = k;
                            continue;
                        }
                        Apostrophe::Clitic(word_end, clitic_end) => {
                            clitic = Some((word_end, clitic_end));
                            j = word_end;
                        }
                        Apostrophe::Ends => {}
                    }
                    false
                }
                _ => false,
            };
            if !joins {
                break;
            }
            all_digits = false;
            j += dl;
        }
        if let Some((word_end, clitic_end)) = clitic {
            if word_end > i {
                self.push_word(i, word_end, starts_digit);
            }
            self.push(word_end, clitic_end, TokenKind::Clitic);
            return clitic_end;
        }
        if self.byte(j) == b'.' {
            if let Some((end, kind)) = self.dotted(i, j, all_digits) {
                self.push(i, end, kind);
                return end;
            }
        }
        // "cannot", "gonna", "wanna": EWT writes two tokens.
        let w = &self.bytes[i..j];
        if w.len() == 5 || w.len() == 6 {
            let split = ["cannot", "gonna", "wanna", "gotta"]
                .iter()
                .any(|x| w.eq_ignore_ascii_case(x.as_bytes()))
                .then_some(3);
            if let Some(s) = split {
                self.push(i, i + s, TokenKind::Word);
                self.push(i + s, j, TokenKind::Word);
                return j;
            }
        }
        self.push_word(i, j, starts_digit);
        j
    }

    /// Pushes a word, splitting a unit off a number ("1.13bn" -> "1.13" "bn").
    fn push_word(&mut self, i: usize, j: usize, starts_digit: bool) {
        if starts_digit {
            let w = &self.bytes[i..j];
            if let Some(p) = w.iter().position(|b| b.is_ascii_alphabetic()) {
                let suffix = &self.text[i + p..j];
                let numeric = w[..p]
                    .iter()
                    .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b','));
                if p > 0 && numeric && suffix.bytes().all(|b| b.is_ascii_alphabetic()) {
                    let lower = suffix.to_ascii_lowercase();
                    if UNITS.contains(&lower.as_str()) {
                        self.push(i, i + p, TokenKind::Number);
                        self.push(i + p, j, TokenKind::Word);
                        return;
                    }
                }
            }
            self.push(i, j, TokenKind::Number);
        } else {
            self.push(i, j, TokenKind::Word);
        }
    }

    /// Decides what an apostrophe at `j` inside the word starting at `i` does.
    fn apostrophe(&self, i: usize, j: usize, dl: usize) -> Apostrophe {
        let s = j + dl;
        let mut k = s;
        while k < self.end && self.bytes[k].is_ascii_alphabetic() {
            k += 1;
        }
        if k == s {
            return Apostrophe::Ends;
        }
        if self.word_char_at(k) {
            return Apostrophe::Inner(k);
        }
        let suffix = &self.bytes[s..k];
        let is = |w: &[u8]| suffix.eq_ignore_ascii_case(w);
        if is(b"s") || is(b"re") || is(b"ve") || is(b"ll") || is(b"d") || is(b"m") {
            return Apostrophe::Clitic(j, k);
        }
        if is(b"t") && j > i + 1 && matches!(self.bytes[j - 1], b'n' | b'N') {
            return Apostrophe::Clitic(j - 1, k);
        }
        Apostrophe::Inner(k)
    }

    /// A word ending at a full stop at `j`: acronym, initial, abbreviation or list number.
    fn dotted(&self, i: usize, j: usize, all_digits: bool) -> Option<(usize, TokenKind)> {
        let w = &self.text[i..j];
        // Dotted acronym: groups of one or two letters, each with its dot ("U.S.", "e.g.").
        if w.len() <= 2 && w.bytes().all(|b| b.is_ascii_alphabetic()) {
            let mut k = j + 1;
            let mut groups = 1;
            loop {
                let mut m = k;
                while m < self.end && m - k < 3 && self.bytes[m].is_ascii_alphabetic() {
                    m += 1;
                }
                if m == k || m - k > 2 {
                    break;
                }
                if self.byte(m) == b'.' {
                    groups += 1;
                    k = m + 1;
                } else {
                    // "U.S" written without its last dot.
                    let tail = &self.text[k..m];
                    if tail.bytes().all(|b| b.is_ascii_uppercase()) && !self.word_char_at(m) {
                        return Some((m, TokenKind::Acronym));
                    }
                    break;
                }
            }
            if groups >= 2 {
                return Some((k, TokenKind::Acronym));
            }
        }
        let after = self.next_visible(j + 1);
        let mut cs = w.chars();
        if let (Some(c), None) = (cs.next(), cs.clone().next()) {
            // "W. Bush", "J. R. R. Tolkien": a capital with a dot before a capitalised word.
            // Also glued to the name: "J.Aron".
            let gap_ok = self.byte(j + 1) == b' ' || self.byte(j + 1).is_ascii_uppercase();
            if c.is_uppercase() && after.is_some_and(char::is_uppercase) && gap_ok {
                return Some((j + 1, TokenKind::Initial));
            }
        }
        if let Some(class) = self.abbr.class(w) {
            let ok = match class {
                AbbrevClass::BeforeNumber => {
                    after.is_some_and(|c| c.is_ascii_digit()) && self.byte(j + 1) == b' '
                }
                _ => true,
            };
            if ok {
                return Some((j + 1, TokenKind::Abbreviation(class.into())));
            }
        }
        if all_digits
            && w.len() <= 2
            && self.at_line_start(i)
            && matches!(self.byte(j + 1), b' ' | b'\t')
        {
            return Some((j + 1, TokenKind::ListMarker));
        }
        None
    }

    /// No token yet on this line (the previous token is followed by a line break).
    fn at_line_start(&self, _i: usize) -> bool {
        self.breaks > 0 || self.out.last().is_none()
    }

    fn punct(&mut self, i: usize, c: char, len: usize) -> usize {
        // A hashtag or handle: "#MeToo", "@UN".
        if matches!(c, '#' | '@')
            && self.char_at(i + 1).is_some_and(char::is_alphabetic)
            && (i == 0 || !self.word_char_at_before(i))
        {
            let mut j = i + 1;
            while j < self.end {
                let (d, dl) = decode(self.text, j);
                if !(is_word_char(d) || d == '_') {
                    break;
                }
                j += dl;
            }
            self.push(i, j, TokenKind::Word);
            return j;
        }
        // ".5 percent": a number without its leading zero.
        if c == '.'
            && self.byte(i + 1).is_ascii_digit()
            && self.out.last().is_none_or(|t| t.end < i)
        {
            let mut j = i + 1;
            while self.byte(j).is_ascii_digit() {
                j += 1;
            }
            if !self.word_char_at(j) {
                self.push(i, j, TokenKind::Number);
                return j;
            }
        }
        // A clitic after a token that is not a plain word: "U.S.'s", "AT&T's".
        if matches!(c, '\'' | '’') && self.out.last().is_some_and(|t| t.end == i) {
            let s = i + len;
            let mut k = s;
            while k < self.end && self.bytes[k].is_ascii_alphabetic() {
                k += 1;
            }
            let suffix = &self.bytes[s..k];
            let clitic = [&b"s"[..], b"re", b"ve", b"ll", b"d", b"m"]
                .iter()
                .any(|w| suffix.eq_ignore_ascii_case(w));
            if clitic && !self.word_char_at(k) {
                self.push(i, k, TokenKind::Clitic);
                return k;
            }
        }
        let run = |s: &Self, pred: fn(u8) -> bool| {
            let mut j = i;
            while j < s.end && pred(s.bytes[j]) {
                j += 1;
            }
            j
        };
        let (end, kind) = match c {
            '.' => {
                let j = run(self, |b| b == b'.');
                (
                    j,
                    if j - i >= 3 {
                        TokenKind::Ellipsis
                    } else {
                        TokenKind::Terminal
                    },
                )
            }
            '!' | '?' => (run(self, |b| b == b'!' || b == b'?'), TokenKind::Terminal),
            '…' => {
                let mut j = i + len;
                while self.text[j..self.end].starts_with('…') {
                    j += len;
                }
                (j, TokenKind::Ellipsis)
            }
            '‽' | '。' | '！' | '？' => (i + len, TokenKind::Terminal),
            '“' | '‘' | '(' | '[' | '{' | '«' | '„' | '‚' | '‹' | '¿' | '¡' => {
                (i + len, TokenKind::Opening)
            }
            '”' | '’' | ')' | ']' | '}' | '»' | '›' => (i + len, TokenKind::Closing),
            '"' | '\'' | '`' => (i + len, TokenKind::Quote),
            '-' => (run(self, |b| b == b'-'), TokenKind::Dash),
            '—' | '–' | '―' | '‒' | '\u{2010}' | '\u{2011}' | '•' | '·' => {
                (i + len, TokenKind::Dash)
            }
            _ => (i + len, TokenKind::Punct),
        };
        self.push(i, end, kind);
        end
    }

    fn word_char_at_before(&self, i: usize) -> bool {
        self.text[..i].chars().next_back().is_some_and(is_word_char)
    }
}

enum Apostrophe {
    /// Part of the word ("O'Brien"); go on from this byte.
    Inner(usize),
    /// The word ends at `.0`; a clitic runs from `.0` to `.1`.
    Clitic(usize, usize),
    /// The word ends before the apostrophe.
    Ends,
}

/// Tokenizes `text[start..end]` into `out` (cleared first). `start` and `end` must be char
/// boundaries of `text`.
pub fn tokenize_into(
    text: &str,
    start: usize,
    end: usize,
    abbr: &Abbreviations,
    out: &mut Vec<RawToken>,
) {
    out.clear();
    let has_at = memchr::memchr(b'@', &text.as_bytes()[start..end]).is_some();
    let mut s = Scanner {
        text,
        bytes: text.as_bytes(),
        end,
        abbr,
        has_at,
        out,
        breaks: 0,
    };
    s.run(start);
}
