//! Block quotes with a bare attribution line.
//!
//! Some outlets (and text extracted from their pages) print a quote as a paragraph of
//! words without marks that ends in the speaker's name and title with no punctuation:
//! "… go around sharp corners Sergey Ryabkov Deputy Foreign Minister of Russia". The
//! attribution is a trailing run of capitalised words (with "of", "the", "and" and title
//! words in any case) at the paragraph end, without final punctuation, which starts with a
//! person name followed by a title word. The name is the speaker; the words before it are
//! the quote. A paragraph that is only such a run attributes the paragraph before it.

use crate::lexicon::{
    is_capitalised_function_word, is_name_connector, is_title_head, is_title_word,
};
use crate::scan::{Kind, Scan};
use crate::speaker::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    /// Token range of the quoted words.
    pub quote: Range,
    /// Token range of the speaker's name.
    pub name: Range,
    /// Paragraph holding the quote.
    pub para: u32,
}

/// `person_at(a, b)`: the names layer's person mention inside tokens `[a, b)`, as a token
/// range, if the document has one.
pub fn find_blocks(
    scan: &Scan,
    seg_of: &[u32],
    person_at: &dyn Fn(usize, usize) -> Option<Range>,
) -> Vec<Block> {
    let mut out = Vec::new();
    for (p, para) in scan.paras.iter().enumerate() {
        let (a, b) = (para.toks.0 as usize, para.toks.1 as usize);
        let Some((name, run_start)) = attribution_run(scan, seg_of, a, b, person_at) else {
            continue;
        };
        let words_before = (a..run_start)
            .filter(|&i| scan.toks[i].kind == Kind::Word)
            .count();
        if words_before >= 4 {
            out.push(Block {
                quote: (a, name.0),
                name,
                para: p as u32,
            });
        } else if words_before == 0 && p > 0 {
            // A paragraph that is only the attribution line: the quote is the paragraph before.
            let (pa, pb) = scan.para_range(p as u32 - 1);
            let prev_words = (pa..pb)
                .filter(|&i| scan.toks[i].kind == Kind::Word)
                .count();
            let prev_ends_sentence = scan.toks[pb - 1].kind != Kind::Word;
            if prev_words >= 4 && prev_ends_sentence {
                out.push(Block {
                    quote: (pa, pb),
                    name,
                    para: p as u32 - 1,
                });
            }
        }
    }
    out
}

/// The bare attribution run at the end of paragraph tokens `[a, b)`: (name range, start of
/// the run).
fn attribution_run(
    scan: &Scan,
    seg_of: &[u32],
    a: usize,
    b: usize,
    person_at: &dyn Fn(usize, usize) -> Option<Range>,
) -> Option<(Range, usize)> {
    if b <= a + 2 || scan.toks[b - 1].kind != Kind::Word || seg_of[b - 1] != u32::MAX {
        return None;
    }
    let mut s = b;
    while s > a {
        let i = s - 1;
        let t = &scan.toks[i];
        let w = scan.low(i);
        let ok = t.kind == Kind::Word
            && (t.cap || is_name_connector(w) || is_title_word(w))
            && seg_of[i] == u32::MAX;
        if !ok {
            break;
        }
        s = i;
    }
    while s < b && !scan.toks[s].cap {
        s += 1;
    }
    if b - s < 3 || b - s > 16 {
        return None;
    }
    // With the names layer: a person mention inside the run, followed by a title head.
    if let Some((na, nb)) = person_at(s, b) {
        if nb < b && (nb..b).any(|i| is_title_head(scan.low(i))) && nb - na >= 1 {
            return Some(((na, nb), s));
        }
    }
    // The first title word after at least two capitalised non-title words.
    let mut name_start = None;
    let mut count = 0;
    for i in s..b {
        let w = scan.low(i);
        if is_title_word(w) && count >= 2 {
            let has_head = (i..b).any(|j| is_title_head(scan.low(j)));
            if !has_head {
                return None;
            }
            let ns = name_start?;
            // The name is the last two (or three, with a middle initial) capitalised words.
            let mut na = i.saturating_sub(2).max(ns);
            if i >= 3 && na > ns && scan.low(na - 1).chars().count() == 1 {
                na -= 1;
            }
            return Some(((na, i), s));
        }
        if scan.toks[i].cap
            && !is_title_word(w)
            && !is_name_connector(w)
            && !is_capitalised_function_word(w)
        {
            if name_start.is_none() {
                name_start = Some(i);
            }
            count += 1;
        } else {
            if is_title_word(w) && name_start.is_none() {
                // A title before any name: "Deputy Minister Ivanov" order is not a bare line.
                return None;
            }
            name_start = None;
            count = 0;
        }
    }
    None
}
