//! Text folded for matching, with an alignment back to the original bytes.
//!
//! [`Normalized`] lower-cases, strips diacritics from Latin letters ("Zürich" -> "zurich",
//! "Łódź" -> "lodz", "ß" -> "ss"), unifies apostrophes (’ ‘ ʼ ′ ` -> '), double quotes
//! (“ ” „ « » -> ") and dashes (‐ ‑ ‒ – — ― − -> -), and collapses each run of white space to
//! one space. Like HF tokenizers' `NormalizedString`, every normalized byte remembers the
//! original character (or white-space run) it came from, so a match found in the normalized
//! text maps back to an original byte range that always lies on character boundaries.

use std::ops::Range;

/// A normalized text and its alignment to the original.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Normalized {
    text: String,
    /// For each normalized byte, the original byte range of the character it came from.
    align: Vec<(u32, u32)>,
    /// Offset added to every original position (when normalizing a slice of a larger text).
    base: usize,
}

impl Normalized {
    /// Normalizes a whole text.
    pub fn new(original: &str) -> Normalized {
        Normalized::of_slice(original, 0)
    }

    /// Normalizes `slice`, which starts at byte `base` of some larger text; original ranges
    /// returned are then offsets into that larger text.
    pub fn of_slice(slice: &str, base: usize) -> Normalized {
        let mut text = String::with_capacity(slice.len());
        let mut align = Vec::with_capacity(slice.len());
        let mut space_run: Option<(usize, usize)> = None;
        let mut buf = [0u8; 4];
        for (i, c) in slice.char_indices() {
            let end = i + c.len_utf8();
            if c.is_whitespace() {
                space_run = Some(space_run.map_or((i, end), |(s, _)| (s, end)));
                continue;
            }
            if let Some((s, e)) = space_run.take() {
                // A leading run is kept too: offsets must stay meaningful, not the text pretty.
                text.push(' ');
                align.push((s as u32, e as u32));
            }
            let mut emit = |s: &str| {
                text.push_str(s);
                align.extend(std::iter::repeat_n((i as u32, end as u32), s.len()));
            };
            if c.is_ascii() {
                let l = c.to_ascii_lowercase();
                emit(l.encode_utf8(&mut buf));
            } else if let Some(f) = fold(c) {
                emit(f);
            } else if is_combining(c) {
                // Dropped: "e\u{301}" matches "e". The mark's bytes stay covered by the span
                // of any match that includes the letter before it only if the caller extends
                // to the next character boundary; see `original_range`.
            } else {
                for l in c.to_lowercase() {
                    if !is_combining(l) {
                        let mut b = [0u8; 4];
                        emit(fold(l).unwrap_or_else(|| l.encode_utf8(&mut b)));
                    }
                }
            }
        }
        if let Some((s, e)) = space_run {
            text.push(' ');
            align.push((s as u32, e as u32));
        }
        Normalized { text, align, base }
    }

    /// The normalized text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The original byte range under the normalized range `range`, widened to whole original
    /// characters. `None` if the range is empty, reversed or out of bounds.
    pub fn original_range(&self, range: Range<usize>) -> Option<Range<usize>> {
        if range.start >= range.end || range.end > self.align.len() {
            return None;
        }
        let start = self.align[range.start].0 as usize;
        let end = self.align[range.end - 1].1 as usize;
        Some(self.base + start..self.base + end)
    }

    /// The normalized byte where original byte `offset` (relative to the whole text) is first
    /// represented, if any normalized byte comes from at or after it.
    pub fn normalized_offset(&self, offset: usize) -> Option<usize> {
        let off = offset.checked_sub(self.base)? as u32;
        let i = self.align.partition_point(|&(s, _)| s < off);
        (i < self.align.len()).then_some(i)
    }
}

impl Normalized {
    /// Every match of `needle` (normalized the same way) in this text, as original byte
    /// ranges, left to right and non-overlapping. With `whole_words`, a match must not start
    /// or end inside a word of the normalized text.
    pub fn find_all(&self, needle: &str, whole_words: bool) -> Vec<Range<usize>> {
        let n = fold_str(needle);
        let n = n.trim();
        let mut out = Vec::new();
        if n.is_empty() {
            return out;
        }
        let hay = self.text.as_str();
        let mut from = 0;
        while let Some(p) = hay[from..].find(n) {
            let (s, e) = (from + p, from + p + n.len());
            let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
            // A match cuts a word when a word character lies on both sides of one of its ends.
            let cuts_start = word(hay[..s].chars().next_back()) && word(n.chars().next());
            let cuts_end = word(hay[e..].chars().next()) && word(n.chars().next_back());
            let bounded = !whole_words || !(cuts_start || cuts_end);
            if bounded {
                if let Some(r) = self.original_range(s..e) {
                    out.push(r);
                }
                from = e;
            } else {
                from = s + hay[s..].chars().next().map_or(1, char::len_utf8);
            }
        }
        out
    }
}

/// Normalizes a text for comparison only (no alignment kept).
pub fn fold_str(s: &str) -> String {
    Normalized::new(s).text
}

fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// The folded, lower-case form of a non-ASCII character, if it is one we fold.
fn fold(c: char) -> Option<&'static str> {
    Some(match c {
        'À'..='Å' | 'à'..='å' | 'Ā'..='ą' | 'Ǎ' | 'ǎ' | 'Ȁ'..='ȃ' | 'Ạ'..='ặ' => "a",
        'Æ' | 'æ' | 'Ǽ' | 'ǽ' => "ae",
        'Ç' | 'ç' | 'Ć'..='č' => "c",
        'Ď'..='đ' | 'Ð' | 'ð' => "d",
        'È'..='Ë' | 'è'..='ë' | 'Ē'..='ě' | 'Ȅ'..='ȇ' | 'Ẹ'..='ệ' => "e",
        'Ĝ'..='ģ' | 'Ǧ' | 'ǧ' => "g",
        'Ĥ'..='ħ' => "h",
        'Ì'..='Ï' | 'ì'..='ï' | 'Ĩ'..='ı' | 'Ǐ' | 'ǐ' | 'Ȉ'..='ȋ' | 'Ỉ'..='ị' => "i",
        'Ĳ' | 'ĳ' => "ij",
        'Ĵ' | 'ĵ' => "j",
        'Ķ' | 'ķ' => "k",
        'Ĺ'..='ł' => "l",
        'Ñ' | 'ñ' | 'Ń'..='ň' => "n",
        'Ò'..='Ö'
        | 'Ø'
        | 'ò'..='ö'
        | 'ø'
        | 'Ō'..='ő'
        | 'Ǒ'
        | 'ǒ'
        | 'Ơ'
        | 'ơ'
        | 'Ȍ'..='ȏ'
        | 'Ọ'..='ợ' => "o",
        'Œ' | 'œ' => "oe",
        'Ŕ'..='ř' => "r",
        'Ś'..='š' | 'Ș' | 'ș' => "s",
        'ß' | 'ẞ' => "ss",
        'Ţ'..='ŧ' | 'Ț' | 'ț' => "t",
        'Þ' | 'þ' => "th",
        'Ù'..='Ü' | 'ù'..='ü' | 'Ũ'..='ų' | 'Ư' | 'ư' | 'Ǔ'..='ǜ' | 'Ụ'..='ự' => "u",
        'Ŵ' | 'ŵ' => "w",
        'Ý' | 'ý' | 'ÿ' | 'Ŷ' | 'ŷ' | 'Ÿ' | 'Ỳ'..='ỹ' => "y",
        'Ź'..='ž' => "z",
        '’' | '‘' | 'ʼ' | '′' | '‛' | '´' => "'",
        '“' | '”' | '„' | '‟' | '«' | '»' | '″' => "\"",
        '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' | '﹘' | '﹣' | '－' => "-",
        '…' => "...",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const CASES: &[(&str, &str)] = &[
        ("Zürich", "zurich"),
        ("São Paulo", "sao paulo"),
        ("Łódź", "lodz"),
        ("Straße", "strasse"),
        ("Erdoğan", "erdogan"),
        ("Dvořák", "dvorak"),
        ("Ærø", "aero"),
        ("Russia’s", "russia's"),
        ("“Go”", "\"go\""),
        ("Intermediate–Range", "intermediate-range"),
        ("e\u{301}te\u{301}", "ete"),
        ("a  \n\t b", "a b"),
        ("SERGEI", "sergei"),
        ("Сергей", "сергей"),
        ("wait…", "wait..."),
        ("Nguyễn", "nguyen"),
        ("Ștefan Țurcanu", "stefan turcanu"),
    ];

    #[test]
    fn folding_table() {
        for (input, expected) in CASES {
            assert_eq!(Normalized::new(input).as_str(), *expected, "case {input:?}");
        }
    }

    #[test]
    fn match_maps_back_to_original() {
        let text = "Talks in  Zürich with Sergéi Ryabkov’s team";
        let n = Normalized::new(text);
        let at = n.as_str().find("zurich").unwrap();
        let r = n.original_range(at..at + "zurich".len()).unwrap();
        assert_eq!(&text[r], "Zürich");
        let at = n.as_str().find("sergei ryabkov's").unwrap();
        let r = n.original_range(at..at + "sergei ryabkov's".len()).unwrap();
        assert_eq!(&text[r], "Sergéi Ryabkov’s");
        // A match on part of a multi-byte fold widens to the whole original character.
        let s = "Straße";
        let n = Normalized::new(s);
        let r = n.original_range(4..5).unwrap();
        assert_eq!(&s[r], "ß");
    }

    #[test]
    fn find_all_maps_matches_back() {
        let text = "Sergéi Ryabkov met SERGEI RYABKOV’s aide; Sergeiev is someone else.";
        let n = Normalized::new(text);
        let found: Vec<&str> = n
            .find_all("Sergei Ryabkov", true)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(found, ["Sergéi Ryabkov", "SERGEI RYABKOV"]);
        let any: Vec<&str> = n
            .find_all("sergei", false)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(any, ["Sergéi", "SERGEI", "Sergei"]);
        let zurich = Normalized::new("in Zürich, Zurich and ZÜRICH");
        assert_eq!(zurich.find_all("Zurich", true).len(), 3);
        assert!(zurich.find_all("  ", true).is_empty());
    }

    #[test]
    fn slices_keep_their_base() {
        let text = "xx Zürich";
        let n = Normalized::of_slice(&text[3..], 3);
        let r = n.original_range(0..6).unwrap();
        assert_eq!(&text[r], "Zürich");
        assert_eq!(n.normalized_offset(3), Some(0));
        assert_eq!(n.normalized_offset(6), Some(2));
        assert!(n.original_range(3..3).is_none());
        assert!(n.original_range(0..99).is_none());
    }

    proptest! {
        #[test]
        fn every_range_maps_to_char_boundaries(text in "\\PC{0,40}", a in 0usize..80, b in 0usize..80) {
            let n = Normalized::new(&text);
            if let Some(r) = n.original_range(a.min(b)..a.max(b)) {
                prop_assert!(text.get(r.clone()).is_some());
                prop_assert!(r.start < r.end);
            }
            // Alignment is monotone.
            prop_assert!(n.align.windows(2).all(|w| w[0].0 <= w[1].0 && w[0].1 <= w[1].1));
        }
    }
}
