//! Sentence boundaries over the tokens of one paragraph.
//!
//! Decisions are local: a terminal token (`.`, `?`, `!`, an ellipsis) plus the closing quotes
//! and brackets glued to it ends a sentence unless the next token starts in lower case or is
//! continuing punctuation; an abbreviation ends one only before a typical sentence starter; a
//! single line break ends one after a line that stops without punctuation (a headline),
//! unless the line stops mid-phrase or the paragraph is hard-wrapped running text. A news
//! dateline opening the paragraph ("GENEVA, Jan 10 (Reuters) -") is a sentence of its own.

use crate::abbrev::{is_continuation_word, is_sentence_starter};
use crate::dateline::dateline_end;
use crate::tokenize::{AbbrevClassTag, RawToken, TokenKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Case {
    Upper,
    Lower,
    Digit,
    Other,
}

fn first_case(text: &str, t: &RawToken) -> Case {
    match text[t.start..t.end].chars().next() {
        Some(c) if c.is_ascii_digit() => Case::Digit,
        Some(c) if c.is_uppercase() => Case::Upper,
        Some(c) if c.is_lowercase() => Case::Lower,
        _ => Case::Other,
    }
}

fn is_continuing_punct(text: &str, t: &RawToken) -> bool {
    match t.kind {
        TokenKind::Punct => matches!(&text[t.start..t.end], "," | ";" | ":" | "%"),
        TokenKind::Closing | TokenKind::Dash | TokenKind::Terminal | TokenKind::Clitic => true,
        _ => false,
    }
}

/// Whether `next` can open a new sentence after sentence punctuation.
fn opens_sentence(text: &str, next: &RawToken) -> bool {
    if is_continuing_punct(text, next) {
        return false;
    }
    match next.kind {
        TokenKind::Opening | TokenKind::Quote | TokenKind::ListMarker | TokenKind::Ellipsis => true,
        _ => first_case(text, next) != Case::Lower,
    }
}

/// Index after the closing quotes and brackets glued to the token at `i`.
fn absorb_closing(text: &str, toks: &[RawToken], i: usize) -> usize {
    let mut j = i + 1;
    while j < toks.len() && toks[j].breaks_before == 0 && toks[j].start == toks[j - 1].end {
        let closing = match toks[j].kind {
            TokenKind::Closing => true,
            // A straight quote right after the stop closes when nothing word-like follows it.
            TokenKind::Quote => toks
                .get(j + 1)
                .is_none_or(|n| n.start > toks[j].end || !is_wordlike(n.kind)),
            _ => false,
        };
        if !closing {
            break;
        }
        j += 1;
    }
    let _ = text;
    j
}

/// A paragraph of running text broken at a fixed width: most of its line breaks fall
/// before a lower-case word. Its line breaks are then not sentence boundaries.
fn is_hard_wrapped(text: &str, toks: &[RawToken]) -> bool {
    let (mut breaks, mut lower) = (0, 0);
    for t in toks.iter().skip(1).filter(|t| t.breaks_before == 1) {
        breaks += 1;
        if first_case(text, t) == Case::Lower {
            lower += 1;
        }
    }
    breaks >= 2 && lower * 2 >= breaks
}

/// Whether a single line break between `prev` and `next` ends a sentence.
fn line_break_ends(text: &str, prev: &RawToken, next: &RawToken) -> bool {
    let prev_text = &text[prev.start..prev.end];
    let prev_ok = match prev.kind {
        TokenKind::Word => !is_continuation_word(prev_text),
        TokenKind::Punct => !matches!(prev_text, "," | ";" | ":" | "&" | "/" | "+"),
        TokenKind::Opening | TokenKind::Dash | TokenKind::Initial => false,
        TokenKind::Abbreviation(AbbrevClassTag::Title | AbbrevClassTag::BeforeNumber) => false,
        _ => true,
    };
    let next_ok = match next.kind {
        TokenKind::Opening | TokenKind::Quote | TokenKind::ListMarker | TokenKind::Dash => true,
        TokenKind::Punct => !is_continuing_punct(text, next),
        _ => matches!(
            first_case(text, next),
            Case::Upper | Case::Digit | Case::Other
        ),
    };
    prev_ok && next_ok
}

/// Appends to `ends` the exclusive token index at which each sentence of the paragraph
/// `toks` ends (indices relative to `toks`); the last is always `toks.len()`.
pub fn split_paragraph(text: &str, toks: &[RawToken], ends: &mut Vec<usize>) {
    let n = toks.len();
    if n == 0 {
        return;
    }
    let wrapped = is_hard_wrapped(text, toks);
    let first_end = ends.len();
    let mut i = 0;
    if let Some(k) = dateline_end(text, toks) {
        ends.push(k);
        i = k;
    }
    while i < n {
        let t = &toks[i];
        let mut boundary = None;
        match t.kind {
            TokenKind::Terminal | TokenKind::Ellipsis => {
                let j = absorb_closing(text, toks, i);
                if j >= n {
                    break;
                }
                let next = &toks[j];
                let ends_here = if t.kind == TokenKind::Ellipsis {
                    matches!(first_case(text, next), Case::Upper | Case::Digit)
                        || (matches!(next.kind, TokenKind::Opening | TokenKind::Quote)
                            && next.breaks_before == 0)
                        || next.breaks_before > 0
                } else {
                    opens_sentence(text, next)
                };
                if ends_here {
                    boundary = Some(j);
                } else if j > i + 1 {
                    i = j - 1;
                }
            }
            TokenKind::Acronym
            | TokenKind::Abbreviation(AbbrevClassTag::Ordinary)
            | TokenKind::Initial => {
                let j = absorb_closing(text, toks, i);
                if j < n && is_sentence_starter(&text[toks[j].start..toks[j].end]) {
                    boundary = Some(j);
                } else if j > i + 1 {
                    i = j - 1;
                }
            }
            _ => {}
        }
        let i_end = boundary.map_or(i, |b| b - 1);
        if let Some(b) = boundary {
            ends.push(b);
        } else if i + 1 < n
            && toks[i + 1].breaks_before == 1
            && !wrapped
            && line_break_ends(text, &toks[i], &toks[i + 1])
        {
            ends.push(i + 1);
        }
        i = i_end + 1;
    }
    if ends.last() != Some(&n) {
        ends.push(n);
    }
    merge_punctuation_only(toks, ends, first_end);
}

fn is_wordlike(kind: TokenKind) -> bool {
    !matches!(
        kind,
        TokenKind::Terminal
            | TokenKind::Ellipsis
            | TokenKind::Opening
            | TokenKind::Closing
            | TokenKind::Quote
            | TokenKind::Dash
            | TokenKind::Punct
    )
}

/// A "sentence" of punctuation only (a stray closing quote at a paragraph end, a full stop
/// opening a paragraph) joins the sentence before it, or the one after it if it comes first.
fn merge_punctuation_only(toks: &[RawToken], ends: &mut Vec<usize>, first_end: usize) {
    let mut out: Vec<usize> = Vec::with_capacity(ends.len() - first_end);
    let mut start = if first_end == 0 {
        0
    } else {
        ends[first_end - 1]
    };
    for &end in &ends[first_end..] {
        let punct_only = toks[start..end].iter().all(|t| !is_wordlike(t.kind));
        if punct_only {
            if out.pop().is_some() {
                out.push(end);
            }
            // Else: it opens the paragraph; the next sentence starts where it starts.
        } else {
            out.push(end);
        }
        start = end;
    }
    let n = toks.len();
    if out.last() != Some(&n) {
        out.push(n);
    }
    ends.truncate(first_end);
    ends.extend(out);
}

/// Splits sentences longer than `max_bytes` after their last `;`, `:`, `,` or dash that
/// keeps the piece under the limit, else before the token that crosses it.
pub fn enforce_max_len(text: &str, toks: &[RawToken], ends: &mut Vec<usize>, max_bytes: usize) {
    if max_bytes == 0 {
        return;
    }
    let mut out = Vec::with_capacity(ends.len());
    let mut start = 0;
    for &end in ends.iter() {
        let mut a = start;
        while a < end && toks[end - 1].end - toks[a].start > max_bytes {
            let mut cut = None;
            let mut last_soft = None;
            for k in a..end {
                if toks[k].end - toks[a].start > max_bytes {
                    cut = Some(last_soft.unwrap_or(k.max(a + 1)));
                    break;
                }
                let soft = matches!(toks[k].kind, TokenKind::Dash)
                    || (toks[k].kind == TokenKind::Punct
                        && matches!(&text[toks[k].start..toks[k].end], ";" | ":" | ","));
                if soft {
                    last_soft = Some(k + 1);
                }
            }
            let Some(c) = cut else { break };
            if c >= end {
                break;
            }
            out.push(c);
            a = c;
        }
        out.push(end);
        start = end;
    }
    *ends = out;
}
