//! The optional date header that starts a plain-text article: `date 2022-01-10`,
//! `Date: Mon, 10 Jan 2022 08:00:00 +0000`, `DATE 20220110`…, read by
//! [`crate::parse_article_date`].

use crate::date::{parse_article_date, ArticleDate, DateError};
use chrono::NaiveDate;

/// A parsed header: the article date and the byte where the body starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header {
    pub date: NaiveDate,
    /// The full value read (with time and zone when given).
    pub value: ArticleDate,
    pub body_start: usize,
}

/// A header line's value that is no date: the words after the keyword, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadHeader {
    pub value: String,
    pub error: DateError,
}

/// The most white-space separated words a date value takes (`Mon, 10 Jan 2022 08:00:00 +0000`).
const MAX_VALUE_WORDS: usize = 6;

/// Finds a date header at the start of `text` (after an optional BOM and white space): the
/// keyword `date` in any ASCII case, then `:` and/or blanks, then a date value. The body
/// starts after the white space that follows the value, so the first sentence may share the
/// header's line; the longest run of words on the line that reads as a date is the value.
///
/// `Ok(None)`: no header ("Date palms grow…", "date of the talks…"), the whole text is body.
/// The line is a header when the keyword is followed by `:`, or when the value starts with a
/// digit or a weekday name (`Mon,`); then a value that is no date ("2022-13-40", "20221340")
/// is `Err`, because a typo in a date must not pass unnoticed as the first sentence.
pub fn parse_header(text: &str) -> Result<Option<Header>, BadHeader> {
    let lead = text.len() - text.trim_start_matches(['\u{feff}']).trim_start().len();
    let rest = &text[lead..];
    let Some(keyword) = rest.get(..4) else {
        return Ok(None);
    };
    if !keyword.eq_ignore_ascii_case("date") {
        return Ok(None);
    }
    let after_keyword = &rest[4..];
    let colon = after_keyword.starts_with(':');
    let after_colon = after_keyword.strip_prefix(':').unwrap_or(after_keyword);
    let gap = after_colon.len() - after_colon.trim_start_matches([' ', '\t']).len();
    if gap == 0 && !colon {
        return Ok(None);
    }
    let value_start = lead + 4 + usize::from(colon) + gap;
    let line_end = text[value_start..]
        .find(['\n', '\r'])
        .map_or(text.len(), |i| value_start + i);
    let line = &text[value_start..line_end];
    let starts_like_a_date = line.starts_with(|c: char| c.is_ascii_digit())
        || line.get(..3).is_some_and(|w| {
            ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
                .contains(&w.to_ascii_lowercase().as_str())
        }) && line[3..].starts_with(',');
    if !(colon || starts_like_a_date) {
        return Ok(None);
    }
    // Word ends on the line, and the value is the longest prefix of words that reads.
    let ends: Vec<usize> = line
        .char_indices()
        .filter(|&(i, c)| {
            !c.is_whitespace()
                && line[i + c.len_utf8()..]
                    .chars()
                    .next()
                    .is_none_or(char::is_whitespace)
        })
        .map(|(i, c)| i + c.len_utf8())
        .take(MAX_VALUE_WORDS)
        .collect();
    for &end in ends.iter().rev() {
        if let Ok(value) = parse_article_date(&line[..end]) {
            let after = &text[value_start + end..];
            let body_start = text.len() - after.trim_start().len();
            return Ok(Some(Header {
                date: value.date,
                value,
                body_start,
            }));
        }
    }
    let first_word = ends.first().map_or("", |&e| &line[..e]);
    let shown = if colon { line.trim() } else { first_word };
    Err(BadHeader {
        value: shown.to_string(),
        error: parse_article_date(shown).err().unwrap_or(DateError::Empty),
    })
}

/// Parses a metadata date, in any form [`parse_article_date`] reads, to its calendar day.
pub fn parse_date(value: &str) -> Option<NaiveDate> {
    parse_article_date(value).ok().map(|d| d.date)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (input, expected date, expected body) — `None` date: no header.
    const CASES: &[(&str, Option<&str>, &str)] = &[
        (
            " date 2022-01-10 Russian officials met.",
            Some("2022-01-10"),
            "Russian officials met.",
        ),
        ("date 2022-01-10 First.", Some("2022-01-10"), "First."),
        (
            "date 2022-01-10\n\nFirst on next line.",
            Some("2022-01-10"),
            "First on next line.",
        ),
        (
            "\u{feff}Date\t2021-12-31  Tabs.",
            Some("2021-12-31"),
            "Tabs.",
        ),
        ("\n  DATE 2020-02-29 Leap.", Some("2020-02-29"), "Leap."),
        ("date 2022-01-10", Some("2022-01-10"), ""),
        ("Date palms grow in 2022.", None, ""),
        ("date of the talks: 2022-01-10", None, ""),
        (
            "date 20220110\nRussia warned NATO on Monday.",
            Some("2022-01-10"),
            "Russia warned NATO on Monday.",
        ),
        ("Date: 2022-01-10\nText.", Some("2022-01-10"), "Text."),
        (
            "date 2022-01-10T08:00:00Z Text here.",
            Some("2022-01-10"),
            "Text here.",
        ),
        (
            "date 2022-01-10 08:00:00 Text here.",
            Some("2022-01-10"),
            "Text here.",
        ),
        (
            "Date: Mon, 10 Jan 2022 08:00:00 +0000\r\nText.",
            Some("2022-01-10"),
            "Text.",
        ),
        (
            "date 2022-01-10 2022 budget talks.",
            Some("2022-01-10"),
            "2022 budget talks.",
        ),
        ("date2022-01-10 glued", None, ""),
        ("The date 2022-01-10 is mid-text.", None, ""),
        ("", None, ""),
        ("da", None, ""),
        ("dateé", None, ""),
    ];

    #[test]
    fn header_cases() {
        for &(input, date, body) in CASES {
            let got = parse_header(input).unwrap_or_else(|e| panic!("case {input:?}: error {e:?}"));
            match (got, date) {
                (None, None) => {}
                (Some(h), Some(d)) => {
                    assert_eq!(h.date.to_string(), d, "case {input:?}");
                    assert_eq!(&input[h.body_start..], body, "case {input:?}");
                }
                (got, want) => panic!("case {input:?}: got {got:?}, want date {want:?}"),
            }
        }
    }

    /// Issue 11, bug 1: a header-shaped line whose value is no date is an error, not the
    /// first sentence of the article.
    #[test]
    fn unreadable_header_date_is_an_error() {
        for (input, value) in [
            ("date 2022-13-40 Text.", "2022-13-40"),
            ("date 2021-02-29 Text.", "2021-02-29"),
            ("date 20221340\nText.", "20221340"),
            ("date 2022-01-101 too long", "2022-01-101"),
            ("Date: next Monday\nText.", "next Monday"),
            ("DATE: \nText.", ""),
        ] {
            let err = parse_header(input).expect_err(input);
            assert_eq!(err.value, value, "{input:?}");
        }
    }

    #[test]
    fn metadata_dates() {
        assert_eq!(
            parse_date("2015-11-11").map(|d| d.to_string()).as_deref(),
            Some("2015-11-11")
        );
        assert_eq!(
            parse_date("2015-11-11T00:00:00")
                .map(|d| d.to_string())
                .as_deref(),
            Some("2015-11-11")
        );
        for bad in ["2015-11-1", "11/11/2015", "2015-02-30", ""] {
            assert!(parse_date(bad).is_none(), "{bad:?} should be rejected");
        }
    }

    proptest::proptest! {
        #[test]
        fn body_start_is_a_char_boundary(text in "\\PC{0,40}", prefix in "( ?date [0-9]{4}-[0-9]{2}-[0-9]{2})?") {
            let input = format!("{prefix}{text}");
            if let Ok(Some(h)) = parse_header(&input) {
                proptest::prop_assert!(input.is_char_boundary(h.body_start));
            }
        }
    }
}
