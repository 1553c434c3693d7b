//! Pairing of quote marks into quoted segments.
//!
//! Each opening mark is closed by the marks of its own style only (“ by ”, „ by “ or ”,
//! « by », " by ", ‘ and ' by ’ or '), so marks of the other family inside a quote are
//! nested quotes and stay part of it. Straight marks and ’ are read by their flanking:
//! an opener has white space (or an opening bracket or dash) before it and text after it,
//! a closer the reverse; an apostrophe inside a word never reaches this module.
//!
//! A double quote left open at the end of a paragraph continues into the next paragraph
//! when that paragraph starts with an opening mark of the same family (the convention for
//! quotes running over several paragraphs); otherwise it is capped at the paragraph end so
//! an unbalanced mark cannot swallow the rest of the article. An unclosed single mark is
//! dropped: it is far more often an apostrophe ("'90s", "the voters' choice").

use crate::scan::{Kind, Scan};

/// A quoted segment, marks included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    /// Byte offsets: the opening mark's start, the closing mark's end (or the end of the last
    /// token of the paragraph where an unclosed quote was capped).
    pub start: usize,
    pub end: usize,
    /// Token indices of the opening mark and of the last token (the closing mark if closed).
    pub open: usize,
    pub last: usize,
    pub closed: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Family {
    Double,
    Single,
}

fn family(c: char) -> Family {
    match c {
        '‘' | '’' | '\'' | '‚' | '‹' | '›' => Family::Single,
        _ => Family::Double,
    }
}

fn is_opening_context(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':')
                || crate::scan::is_quote_char(c)
        }
    }
}

fn is_closing_context(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    '.' | ','
                        | ';'
                        | ':'
                        | '!'
                        | '?'
                        | ')'
                        | ']'
                        | '}'
                        | '—'
                        | '–'
                        | '-'
                        | '…'
                        | '/'
                )
                || crate::scan::is_quote_char(c)
        }
    }
}

struct Flank {
    /// Text follows and space (or an opener) precedes: the mark can open.
    left: bool,
    /// Text precedes and space (or punctuation) follows: the mark can close.
    right: bool,
}

fn flank(text: &str, start: usize, end: usize) -> Flank {
    let prev = text[..start].chars().next_back();
    let next = text[end..].chars().next();
    let next_text = next.is_some_and(|c| !c.is_whitespace());
    let prev_text = prev.is_some_and(|c| !c.is_whitespace());
    Flank {
        left: next_text && is_opening_context(prev),
        right: prev_text && is_closing_context(next),
    }
}

fn opens(c: char, f: &Flank, next: Option<char>) -> bool {
    match c {
        '“' | '„' | '«' | '‹' => f.left || !f.right,
        '"' => f.left,
        '‘' => f.left,
        '\'' => f.left && next.is_some_and(char::is_alphabetic),
        _ => false,
    }
}

fn closes(open: char, c: char, f: &Flank) -> bool {
    match open {
        // Scraped text mixes curly and straight marks ("“I heard it," he said): a
        // right-flanking mark of the other double style closes too.
        '“' => c == '”' || ((c == '“' || c == '"') && f.right && !f.left),
        '„' => c == '“' || c == '”',
        '"' => (c == '"' && (f.right || !f.left)) || (c == '”' && f.right),
        '«' => c == '»',
        '‹' => c == '›',
        '‘' | '\'' => (c == '’' || c == '\'') && f.right && !f.left,
        _ => false,
    }
}

/// The mark a token stands for: '' and `` count as straight double marks.
fn mark_char(text: &str, start: usize, end: usize) -> char {
    match &text[start..end] {
        "''" | "``" => '"',
        s => s.chars().next().unwrap_or(' '),
    }
}

/// Finds the quoted segments of a scanned document, in text order.
pub fn segments(text: &str, scan: &Scan) -> Vec<Segment> {
    let mut out = Vec::new();
    // (opening char, token index, byte start)
    let mut open: Option<(char, usize, usize)> = None;
    let mut skip_reopen: Option<usize> = None;
    for (p, para) in scan.paras.iter().enumerate() {
        let (a, b) = (para.toks.0 as usize, para.toks.1 as usize);
        for i in a..b {
            let t = &scan.toks[i];
            if t.kind != Kind::Mark || skip_reopen == Some(i) {
                continue;
            }
            let c = mark_char(text, t.start(), t.end());
            let f = flank(text, t.start(), t.end());
            match open {
                None => {
                    let next = text[t.end()..].chars().next();
                    if opens(c, &f, next) {
                        open = Some((c, i, t.start()));
                    }
                }
                Some((oc, oi, os)) => {
                    if closes(oc, c, &f) {
                        out.push(Segment {
                            start: os,
                            end: t.end(),
                            open: oi,
                            last: i,
                            closed: true,
                        });
                        open = None;
                    }
                }
            }
        }
        if let Some((oc, oi, os)) = open {
            if family(oc) == Family::Single {
                open = None;
                continue;
            }
            // A paragraph opening with the same family of mark continues the quote.
            let next_first = scan.paras.get(p + 1).map(|n| n.toks.0 as usize);
            let continues = next_first.is_some_and(|j| {
                let t = &scan.toks[j];
                let c = mark_char(text, t.start(), t.end());
                t.kind == Kind::Mark
                    && family(c) == Family::Double
                    && opens(c, &flank(text, t.start(), t.end()), None)
            });
            if continues {
                skip_reopen = next_first;
            } else {
                let last = b - 1;
                out.push(Segment {
                    start: os,
                    end: scan.toks[last].end(),
                    open: oi,
                    last,
                    closed: false,
                });
                open = None;
            }
        }
    }
    out
}

/// Per token: the index of the segment it lies in (marks included), or `u32::MAX`.
pub fn segment_of_tokens(n_toks: usize, segs: &[Segment]) -> Vec<u32> {
    let mut of = vec![u32::MAX; n_toks];
    for (k, s) in segs.iter().enumerate() {
        for slot in &mut of[s.open..=s.last] {
            *slot = k as u32;
        }
    }
    of
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_doc::{Document, Meta};

    fn quoted(text: &str) -> Vec<String> {
        let doc = Document::new(Meta::default(), text.to_string()).unwrap();
        let scan = Scan::new(&doc);
        segments(text, &scan)
            .iter()
            .map(|s| text[s.start..s.end].to_string())
            .collect()
    }

    const CASES: &[(&str, &[&str])] = &[
        ("He said “yes, we can” today.", &["“yes, we can”"]),
        ("He said \"yes\" and \"no\".", &["\"yes\"", "\"no\""]),
        ("“A ‘nested’ word,” she said.", &["“A ‘nested’ word,”"]),
        ("‘A “nested” word,’ she said.", &["‘A “nested” word,’"]),
        ("Er sagte „Ja“ dazu.", &["„Ja“"]),
        ("Il a dit « non » hier.", &["« non »"]),
        ("The voters' choice in the '90s was 'clear'.", &["'clear'"]),
        (
            "“Open and never closed.\n\nNext paragraph.",
            &["“Open and never closed."],
        ),
        (
            "“First part.\n\n“Second part,” he said.",
            &["“First part.\n\n“Second part,”"],
        ),
        ("It's Russia’s “plan”, isn’t it?", &["“plan”"]),
        ("''It works,'' he said.", &["''It works,''"]),
        (
            "“Mixed marks,\" he said. \"Again.”",
            &["“Mixed marks,\"", "\"Again.”"],
        ),
    ];

    #[test]
    fn mark_pairing_table() {
        for (text, want) in CASES {
            assert_eq!(quoted(text), *want, "case {text:?}");
        }
    }
}
