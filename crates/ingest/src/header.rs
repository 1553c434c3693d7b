//! The optional `date YYYY-MM-DD` header that starts a plain-text article.

use chrono::NaiveDate;

/// A parsed header: the article date and the byte where the body starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header {
    pub date: NaiveDate,
    pub body_start: usize,
}

/// Finds a `date YYYY-MM-DD` header at the start of `text` (after an optional BOM and white
/// space; the keyword in any ASCII case). The body starts after the white space that follows
/// the date, so the first sentence may share the header's line.
///
/// `Ok(None)`: no header, the whole text is body. `Err(value)`: the header has the date's
/// shape but is no calendar date ("2022-13-40"); the caller reports it rather than treating
/// the line as text, because a typo in a date must not pass unnoticed.
pub fn parse_header(text: &str) -> Result<Option<Header>, String> {
    let lead = text.len() - text.trim_start_matches(['\u{feff}']).trim_start().len();
    let rest = &text[lead..];
    let Some(keyword) = rest.get(..4) else {
        return Ok(None);
    };
    if !keyword.eq_ignore_ascii_case("date") {
        return Ok(None);
    }
    let after_keyword = &rest[4..];
    let gap = after_keyword.len() - after_keyword.trim_start_matches([' ', '\t']).len();
    if gap == 0 {
        return Ok(None);
    }
    let candidate_start = lead + 4 + gap;
    let Some(value) = text.get(candidate_start..candidate_start + 10) else {
        return Ok(None);
    };
    if !has_date_shape(value) {
        return Ok(None);
    }
    let after = &text[candidate_start + 10..];
    if !(after.is_empty() || after.starts_with(char::is_whitespace)) {
        return Ok(None);
    }
    let date = NaiveDate::parse_from_str(value, "%Y-%m-%d").map_err(|_| value.to_string())?;
    let body_start = text.len() - after.trim_start().len();
    Ok(Some(Header { date, body_start }))
}

fn has_date_shape(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
}

/// Parses a metadata date: `YYYY-MM-DD` exactly.
pub fn parse_date(value: &str) -> Option<NaiveDate> {
    if !has_date_shape(value) {
        return None;
    }
    NaiveDate::parse_from_str(value, "%Y-%m-%d").ok()
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
        ("date 2022-01-101 too long", None, ""),
        ("date2022-01-10 glued", None, ""),
        ("The date 2022-01-10 is mid-text.", None, ""),
        ("", None, ""),
        ("da", None, ""),
        ("dateé", None, ""),
    ];

    #[test]
    fn header_cases() {
        for &(input, date, body) in CASES {
            let got = parse_header(input).unwrap_or_else(|e| panic!("case {input:?}: error {e}"));
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

    #[test]
    fn impossible_header_date_is_an_error() {
        assert_eq!(
            parse_header("date 2022-13-40 Text."),
            Err("2022-13-40".to_string())
        );
        assert_eq!(
            parse_header("date 2021-02-29 Text."),
            Err("2021-02-29".to_string())
        );
    }

    #[test]
    fn metadata_dates() {
        assert_eq!(
            parse_date("2015-11-11").map(|d| d.to_string()).as_deref(),
            Some("2015-11-11")
        );
        for bad in [
            "2015-11-1",
            "11/11/2015",
            "2015-11-11T00:00:00",
            "2015-02-30",
            "",
        ] {
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
