//! A news dateline opening a paragraph ("GENEVA, Jan 10 (Reuters) -", "KYIV, Ukraine (AP) —",
//! "Geneva (AFP) -", "MOSCOW, January 10. /TASS/."): it becomes a sentence of its
//! own, so that the lead sentence after it is tagged and analysed as the sentence it is (its
//! subject is "Myanmar's military", not "YANGON, Feb 2 (Reuters) - Myanmar's military"), and
//! no stage takes the dateline's place or agency for a word of the lead. Its place stays in
//! the text as a sentence without a verb, where the geocoder finds it as the article's place.
//!
//! Recognized by form only (the tokens, before any tagging): a place in capitals, or a place
//! in title case followed by an agency in brackets; then optional comma groups (region, date);
//! an optional agency; and a dash before the lead. A place in title case without an agency
//! ("Geneva - the talks...") is not taken: in running text that is a sentence. Nor is a colon
//! ("ISLAMABAD: ..."): capitals before a colon are as often a transcript's speaker ("JAKE
//! TAPPER: ...") or a headline's kicker ("BREAKING: ..."), which the quotation layer reads.

use crate::tokenize::{RawToken, TokenKind};

/// Datelines are short; a longer run before a dash is a sentence.
const MAX_TOKENS: usize = 16;
/// At most this many words of place ("NEW YORK", "PORT MORESBY", "UNITED NATIONS").
const MAX_PLACE_WORDS: usize = 4;

/// The token index just after the dateline that opens the paragraph `toks`, if one does and
/// some text follows it.
pub fn dateline_end(text: &str, toks: &[RawToken]) -> Option<usize> {
    let word = |i: usize| &text[toks[i].start..toks[i].end];
    let is = |i: usize, s: &str| i < toks.len() && word(i) == s;
    // Everything on one line: a dateline never spans a line break.
    let limit = toks
        .iter()
        .skip(1)
        .position(|t| t.breaks_before > 0)
        .map_or(toks.len(), |p| p + 1)
        .min(MAX_TOKENS + 1);
    let mut i = 0;
    // The place: capitals ("YANGON", "NEW DELHI"), or title case if an agency follows.
    let mut capitals = 0;
    while i < limit && capitals < MAX_PLACE_WORDS && is_capitals_word(toks[i].kind, word(i)) {
        capitals += 1;
        i += 1;
    }
    if capitals == 0 {
        while i < limit && i < MAX_PLACE_WORDS && is_title_word(toks[i].kind, word(i)) {
            i += 1;
        }
        if i == 0 {
            return None;
        }
    }
    // Comma groups: a region and/or a date ("Ukraine", "Jan 10", "Calif.").
    let mut groups = 0;
    while i < limit && is(i, ",") && groups < 2 {
        let mut j = i + 1;
        while j < limit && j - i <= 4 && is_group_token(toks[j].kind, word(j)) {
            j += 1;
        }
        if j == i + 1 {
            return None;
        }
        i = j;
        groups += 1;
    }
    // The agency: "(Reuters)", "(AP)", or TASS's ". /TASS/.".
    let mut agency = false;
    if i < limit && toks[i].kind == TokenKind::Opening && word(i) == "(" {
        let mut j = i + 1;
        while j < limit && j - i <= 4 && is_agency_token(toks[j].kind, word(j)) {
            j += 1;
        }
        if j == i + 1 || !(j < limit && word(j) == ")") {
            return None;
        }
        i = j + 1;
        agency = true;
    } else if i + 4 < limit
        && toks[i].kind == TokenKind::Terminal
        && is(i + 1, "/")
        && is_agency_token(toks[i + 2].kind, word(i + 2))
        && is(i + 3, "/")
        && toks[i + 4].kind == TokenKind::Terminal
    {
        // The stop after the agency ends the dateline.
        return lead_follows(text, toks, i + 5);
    }
    if capitals == 0 && !agency {
        return None;
    }
    // The separator: a dash, or (after an agency) nothing at all.
    if i < limit && (toks[i].kind == TokenKind::Dash || is(i, "-")) {
        return lead_follows(text, toks, i + 1);
    }
    if agency && i < toks.len() {
        return lead_follows(text, toks, i);
    }
    None
}

/// `Some(k)` when a lead starts at `k`: a word, number or quotation opening in upper case.
fn lead_follows(text: &str, toks: &[RawToken], k: usize) -> Option<usize> {
    let t = toks.get(k)?;
    if t.breaks_before > 0 {
        // "WASHINGTON —" alone on its line: the break already separates it.
        return Some(k);
    }
    let first = text[t.start..t.end].chars().next()?;
    let opens = matches!(
        t.kind,
        TokenKind::Opening | TokenKind::Quote | TokenKind::Number
    );
    (opens || first.is_uppercase()).then_some(k)
}

/// A word of at least two letters and no lower-case letter ("YANGON", "PORT-AU-PRINCE",
/// "U.S." is not: an acronym never opens a dateline alone).
fn is_capitals_word(kind: TokenKind, w: &str) -> bool {
    kind == TokenKind::Word
        && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !w.chars().any(char::is_lowercase)
}

fn is_title_word(kind: TokenKind, w: &str) -> bool {
    kind == TokenKind::Word && w.chars().next().is_some_and(char::is_uppercase)
}

/// A region or date word: a capitalized word, an abbreviation ("Jan.", "Calif."), an acronym
/// ("D.C.") or a number ("10").
fn is_group_token(kind: TokenKind, w: &str) -> bool {
    match kind {
        TokenKind::Word => w.chars().next().is_some_and(char::is_uppercase),
        TokenKind::Abbreviation(_) | TokenKind::Acronym | TokenKind::Initial => true,
        TokenKind::Number => true,
        _ => false,
    }
}

/// A word of an agency's name in brackets ("Reuters", "AP", "Xinhua", "dpa").
fn is_agency_token(kind: TokenKind, w: &str) -> bool {
    matches!(
        kind,
        TokenKind::Word | TokenKind::Acronym | TokenKind::Abbreviation(_)
    ) && w.chars().any(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::abbrev::Abbreviations;
    use crate::tokenize::tokenize_into;

    /// The dateline the paragraph opens with, as text, if any.
    fn dateline(text: &str) -> Option<String> {
        let mut toks = Vec::new();
        tokenize_into(
            text,
            0,
            text.len(),
            &Abbreviations::new(&[], &[]),
            &mut toks,
        );
        dateline_end(text, &toks).map(|k| text[..toks[k - 1].end].to_string())
    }

    #[test]
    fn wire_datelines_are_found() {
        let cases = [
            (
                "GENEVA, Jan 10 (Reuters) - Russia said on Monday",
                "GENEVA, Jan 10 (Reuters) -",
            ),
            (
                "YANGON, Feb. 2 (Wire) - Myanmar's military seized power",
                "YANGON, Feb. 2 (Wire) -",
            ),
            (
                "KYIV, Ukraine (AP) — Russian forces shelled",
                "KYIV, Ukraine (AP) —",
            ),
            ("NEW DELHI - The government on Tuesday", "NEW DELHI -"),
            ("WASHINGTON — President Biden said", "WASHINGTON —"),
            ("Geneva (AFP) - Talks between", "Geneva (AFP) -"),
            (
                "UNITED NATIONS (AP) — The Security Council",
                "UNITED NATIONS (AP) —",
            ),
            (
                "MOSCOW, January 10. /TASS/. Russian Deputy",
                "MOSCOW, January 10. /TASS/.",
            ),
            (
                "BEIJING, March 3 (Xinhua) -- China's top",
                "BEIJING, March 3 (Xinhua) --",
            ),
            (
                "PORT-AU-PRINCE, Haiti (AP) — Gunmen",
                "PORT-AU-PRINCE, Haiti (AP) —",
            ),
        ];
        for (text, want) in cases {
            assert_eq!(dateline(text).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn sentences_are_not_datelines() {
        for text in [
            "Geneva - the talks ended without a deal.",
            "The talks in GENEVA - a city of diplomats - ended.",
            "Russia, China and Iran - all of them - objected.",
            "NATO said on Monday that it would act.",
            "U.S. officials said the talks ended.",
            "GENEVA, Jan 10 (Reuters) -",
            "WASHINGTON — the capital was quiet.",
            "Mr Smith (the minister) said nothing.",
            "JAKE TAPPER: Donald Trump released a video.",
            "BREAKING: Talks collapse in Geneva.",
        ] {
            assert_eq!(dateline(text), None, "{text}");
        }
    }
}
