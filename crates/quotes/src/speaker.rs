//! Finding the in-text speaker mention next to a cue, without a parser.
//!
//! The subject of a cue is the noun phrase just before it once adverbs and auxiliaries are
//! skipped ("Ryabkov also said", "she has argued"), or the name before an apposition
//! ("Graham, a former candidate, told"), or the antecedent of "who". In inverted order
//! ("…, said Smith") it is the phrase after the cue. Spans returned are token ranges
//! `[start, end)`; the scorer needs only overlap with the annotated phrase, and the names
//! layer, when present, replaces them with its own mention span (see `resolve`).

use crate::lexicon::{is_capitalised_function_word, is_cue_modifier, is_function_word, is_name_connector, is_pronoun};
use crate::scan::{Kind, Scan};

pub type Range = (usize, usize);

fn is_modifier(w: &str) -> bool {
    is_cue_modifier(w) || w.ends_with("n't") || w.ends_with("n’t")
}

fn is_determiner(w: &str) -> bool {
    matches!(w, "the" | "a" | "an" | "his" | "her" | "its" | "their" | "our" | "my" | "your" | "this" | "that" | "these" | "those")
}

/// Words that end a backwards walk over a name (a name is not preceded by a cue word).
fn is_abbrev_dot(scan: &Scan, i: usize) -> bool {
    i > 0 && scan.is_punct(i, ".") && scan.is_word(i - 1) && crate::lexicon::is_abbreviation(scan.low(i - 1))
}

/// The capitalised name run ending at token `k` (inclusive), not before `floor`.
pub fn name_run_ending(scan: &Scan, k: usize, floor: usize) -> Option<Range> {
    if !scan.is_word(k) || !scan.toks[k].cap {
        return None;
    }
    let mut a = k;
    let mut steps = 0;
    while a > floor && steps < 8 {
        let p = a - 1;
        let ok = (scan.is_word(p) && (scan.toks[p].cap || (is_name_connector(scan.low(p)) && p > floor && scan.toks[p - 1].cap)))
            || is_abbrev_dot(scan, p);
        if !ok {
            break;
        }
        a = p;
        steps += 1;
    }
    // Trim leading connectors, dots and sentence-initial function words ("But", "The").
    while a < k && (!scan.is_word(a) || !scan.toks[a].cap || is_capitalised_function_word(scan.low(a))) {
        a += 1;
    }
    Some((a, k + 1))
}

/// A lowercase noun phrase ending at `k` ("the campaign", "officials").
fn nominal_ending(scan: &Scan, k: usize, floor: usize) -> Option<Range> {
    if !scan.is_word(k) || is_function_word(scan.low(k)) {
        return None;
    }
    let mut a = k;
    while a > floor && a + 4 > k {
        let p = a - 1;
        if !scan.is_word(p) || is_function_word(scan.low(p)) {
            break;
        }
        a = p;
    }
    if a > floor && scan.is_word(a - 1) && is_determiner(scan.low(a - 1)) {
        a -= 1;
    }
    Some((a, k + 1))
}

/// The noun phrase ending at token `k`: pronoun, name, or nominal.
fn phrase_ending(scan: &Scan, k: usize, floor: usize) -> Option<Range> {
    if !scan.is_word(k) {
        return None;
    }
    let w = scan.low(k);
    if is_pronoun(w) {
        return Some((k, k + 1));
    }
    if scan.toks[k].cap && !is_capitalised_function_word(w) {
        return name_run_ending(scan, k, floor);
    }
    if is_function_word(w) {
        return None;
    }
    nominal_ending(scan, k, floor)
}

/// Index of the first token before the cue at `c` once cue modifiers are skipped.
pub fn skip_modifiers_back(scan: &Scan, c: usize, floor: usize) -> usize {
    let mut j = c;
    while j > floor && scan.is_word(j - 1) && is_modifier(scan.low(j - 1)) {
        j -= 1;
    }
    j
}

/// The subject of the cue starting at token `c`, within `[floor, c)`.
pub fn subject_before(scan: &Scan, c: usize, floor: usize) -> Option<Range> {
    let j = skip_modifiers_back(scan, c, floor);
    if j == floor {
        return None;
    }
    let k = j - 1;
    match scan.toks[k].kind {
        Kind::Word => {
            let w = scan.low(k);
            if w == "who" {
                let mut p = k;
                if p > floor && scan.is_punct(p - 1, ",") {
                    p -= 1;
                }
                return if p > floor { phrase_ending(scan, p - 1, floor) } else { None };
            }
            phrase_ending(scan, k, floor)
        }
        Kind::Punct if scan.low(k) == "," => {
            // Apposition: "Graham, a former candidate, told".
            let lo = floor.max(k.saturating_sub(16));
            let m = (lo..k).rev().find(|&m| scan.is_punct(m, ","))?;
            if m == floor {
                return None;
            }
            let p = phrase_ending(scan, m - 1, floor)?;
            // The apposition itself must be a noun phrase, not a clause with a verb cue.
            Some(p)
        }
        Kind::Punct if scan.low(k) == ")" => {
            let lo = floor.max(k.saturating_sub(10));
            let m = (lo..k).rev().find(|&m| scan.is_punct(m, "("))?;
            if m == floor {
                return None;
            }
            phrase_ending(scan, m - 1, floor)
        }
        _ => None,
    }
}

/// The speaker phrase starting at token `i` in inverted order ("said Smith", "said the
/// official"), within `[i, ceil)`.
pub fn phrase_after(scan: &Scan, i: usize, ceil: usize) -> Option<Range> {
    if i >= ceil || !scan.is_word(i) {
        return None;
    }
    let w = scan.low(i);
    if is_pronoun(w) {
        return Some((i, i + 1));
    }
    if !(scan.toks[i].cap || matches!(w, "the" | "a" | "an")) || (is_function_word(w) && !matches!(w, "the" | "a" | "an")) {
        return None;
    }
    let mut b = i + 1;
    let mut has_content = scan.toks[i].cap && !is_capitalised_function_word(w);
    while b < ceil && b < i + 8 {
        let ok_word = scan.is_word(b) && {
            let x = scan.low(b);
            !is_function_word(x) || (matches!(x, "of" | "the") && b + 1 < ceil && scan.is_word(b + 1))
        };
        if ok_word || is_abbrev_dot(scan, b) {
            has_content |= scan.is_word(b) && !is_function_word(scan.low(b));
            b += 1;
        } else {
            break;
        }
    }
    // Do not end on a connector.
    while b > i + 1 && scan.is_word(b - 1) && is_function_word(scan.low(b - 1)) {
        b -= 1;
    }
    has_content.then_some((i, b))
}

/// The first subject-like phrase of a sentence: a pronoun or a name near its start.
pub fn sentence_subject(scan: &Scan, ss: usize, se: usize) -> Option<Range> {
    let mut i = ss;
    let lim = se.min(ss + 12);
    while i < lim {
        let t = &scan.toks[i];
        if t.kind == Kind::Word {
            let w = scan.low(i);
            if is_pronoun(w) && w != "it" {
                return Some((i, i + 1));
            }
            if t.cap && !is_capitalised_function_word(w) {
                // Extend forward over the name run.
                let mut b = i + 1;
                while b < se && ((scan.is_word(b) && scan.toks[b].cap) || is_abbrev_dot(scan, b)) {
                    b += 1;
                }
                return Some((i, b));
            }
        }
        i += 1;
    }
    None
}
