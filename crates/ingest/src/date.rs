//! The one reader of article dates, for every input kind: JSONL `date` fields, text headers
//! (`date …`, `Date: …`) and dates found in web pages.
//!
//! Accepted forms (surrounding white space ignored):
//! - ISO 8601 / RFC 3339 dates and date-times: `2022-01-10`, `2022-01-10T08:00:00Z`,
//!   `2022-01-10 08:00:00`, `2022-01-10T08:00+01:00`, `2022-01-10T08:00:00.123-0500`;
//! - GDELT's compact forms: `20220110` and `20220110080000`;
//! - RFC 2822 (e-mail, RSS): `Mon, 10 Jan 2022 08:00:00 +0000`, `10 Jan 2022 08:00 GMT`.
//!
//! The article's day is the calendar day *as written* (where the article was published), not
//! the day in UTC: `2022-01-10T23:30:00-05:00` is dated 2022-01-10. The time and zone, when
//! given, are kept in [`ArticleDate`]. A value none of these forms reads is an error, never
//! an absent date: a typo in a date must not pass unnoticed.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use thiserror::Error;

/// A date read from article metadata.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ArticleDate {
    /// The calendar day as written.
    pub date: NaiveDate,
    /// The time of day, when the value had one.
    pub time: Option<NaiveTime>,
    /// The UTC offset, when the value had one (`Z`, `+01:00`, `GMT`…).
    pub offset: Option<FixedOffset>,
}

impl ArticleDate {
    /// The instant in UTC, when both time and zone are known.
    pub fn utc(&self) -> Option<DateTime<Utc>> {
        let local = self.date.and_time(self.time?);
        let offset = self.offset?;
        local
            .and_local_timezone(offset)
            .single()
            .map(|t| t.with_timezone(&Utc))
    }
}

/// Why a value is not a date.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DateError {
    #[error("empty date")]
    Empty,
    #[error(
        "cannot read date {0:?} (expected an ISO 8601 date or date-time such as 2022-01-10 or \
         2022-01-10T08:00:00Z, YYYYMMDD, or an RFC 2822 date such as Mon, 10 Jan 2022 08:00:00 +0000)"
    )]
    Unreadable(String),
}

/// Reads one article date; see the module docs for the accepted forms.
pub fn parse_article_date(value: &str) -> Result<ArticleDate, DateError> {
    let v = value.trim();
    if v.is_empty() {
        return Err(DateError::Empty);
    }
    read(v).ok_or_else(|| DateError::Unreadable(v.to_string()))
}

fn read(v: &str) -> Option<ArticleDate> {
    let b = v.as_bytes();
    if b.iter().all(u8::is_ascii_digit) {
        return match b.len() {
            8 => day(NaiveDate::parse_from_str(v, "%Y%m%d").ok()?),
            14 => {
                let t = NaiveDateTime::parse_from_str(v, "%Y%m%d%H%M%S").ok()?;
                Some(ArticleDate {
                    date: t.date(),
                    time: Some(t.time()),
                    offset: None,
                })
            }
            _ => None,
        };
    }
    if b.len() >= 10 && b[4] == b'-' && b[..4].iter().all(u8::is_ascii_digit) {
        return iso(v);
    }
    rfc2822(v)
}

fn day(date: NaiveDate) -> Option<ArticleDate> {
    Some(ArticleDate {
        date,
        time: None,
        offset: None,
    })
}

/// `YYYY-MM-DD`, optionally followed by `T` or one space, a time `HH:MM[:SS[.fff]]` and a
/// zone (`Z`, `UTC`, `GMT`, `±HH:MM`, `±HHMM`, `±HH`, optionally after one space).
fn iso(v: &str) -> Option<ArticleDate> {
    let (date, rest) = v.split_at_checked(10)?;
    if !date.bytes().enumerate().all(|(i, c)| match i {
        4 | 7 => c == b'-',
        _ => c.is_ascii_digit(),
    }) {
        return None;
    }
    let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
    if rest.is_empty() {
        return day(date);
    }
    let rest = rest.strip_prefix(['T', 't', ' '])?;
    let time_len = rest
        .bytes()
        .position(|c| !(c.is_ascii_digit() || c == b':' || c == b'.' || c == b','))
        .unwrap_or(rest.len());
    let (time, zone) = rest.split_at(time_len);
    let time = ["%H:%M:%S%.f", "%H:%M"]
        .iter()
        .find_map(|f| NaiveTime::parse_from_str(time, f).ok())?;
    let zone = zone.strip_prefix(' ').unwrap_or(zone);
    let offset = if zone.is_empty() {
        None
    } else {
        Some(offset(zone)?)
    };
    Some(ArticleDate {
        date,
        time: Some(time),
        offset,
    })
}

/// `Z`, `UTC`, `GMT`, `±HH:MM`, `±HHMM` or `±HH`.
fn offset(zone: &str) -> Option<FixedOffset> {
    if matches!(zone, "Z" | "z" | "UTC" | "GMT") {
        return FixedOffset::east_opt(0);
    }
    let (sign, digits) = match zone.as_bytes().first()? {
        b'+' => (1, &zone[1..]),
        b'-' => (-1, &zone[1..]),
        _ => return None,
    };
    let digits = digits.replacen(':', "", 1);
    if !digits.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let (h, m) = match digits.len() {
        2 => (digits.parse::<i32>().ok()?, 0),
        4 => (
            digits[..2].parse::<i32>().ok()?,
            digits[2..].parse::<i32>().ok()?,
        ),
        _ => return None,
    };
    if h > 23 || m > 59 {
        return None;
    }
    FixedOffset::east_opt(sign * (h * 3600 + m * 60))
}

/// RFC 2822 with a time (`Mon, 10 Jan 2022 08:00:00 +0000`), or its date part alone
/// (`10 Jan 2022`, `Mon, 10 Jan 2022`).
fn rfc2822(v: &str) -> Option<ArticleDate> {
    if let Ok(t) = DateTime::parse_from_rfc2822(v) {
        return Some(ArticleDate {
            date: t.date_naive(),
            time: Some(t.time()),
            offset: Some(*t.offset()),
        });
    }
    let without_weekday = match v.split_once(',') {
        Some((weekday, rest)) if is_weekday(weekday.trim()) => rest.trim(),
        _ => v,
    };
    day(NaiveDate::parse_from_str(without_weekday, "%d %b %Y").ok()?)
}

fn is_weekday(w: &str) -> bool {
    ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        .iter()
        .any(|d| d.eq_ignore_ascii_case(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (value, day, UTC instant if known)
    const READABLE: &[(&str, &str, Option<&str>)] = &[
        ("2022-01-10", "2022-01-10", None),
        (" 2022-01-10\n", "2022-01-10", None),
        ("20220110", "2022-01-10", None),
        ("20220110080000", "2022-01-10", None),
        (
            "2022-01-10T08:00:00Z",
            "2022-01-10",
            Some("2022-01-10 08:00:00 UTC"),
        ),
        ("2022-01-10 08:00:00", "2022-01-10", None),
        ("2022-01-10T08:00", "2022-01-10", None),
        (
            "2022-01-10T08:00:00.250+01:00",
            "2022-01-10",
            Some("2022-01-10 07:00:00.250 UTC"),
        ),
        (
            "2022-01-10T23:30:00-0500",
            "2022-01-10",
            Some("2022-01-11 04:30:00 UTC"),
        ),
        (
            "2022-01-10 08:00:00 UTC",
            "2022-01-10",
            Some("2022-01-10 08:00:00 UTC"),
        ),
        (
            "2022-01-10T08:00:00+02",
            "2022-01-10",
            Some("2022-01-10 06:00:00 UTC"),
        ),
        (
            "Mon, 10 Jan 2022 08:00:00 +0000",
            "2022-01-10",
            Some("2022-01-10 08:00:00 UTC"),
        ),
        (
            "10 Jan 2022 08:00 GMT",
            "2022-01-10",
            Some("2022-01-10 08:00:00 UTC"),
        ),
        ("Mon, 10 Jan 2022", "2022-01-10", None),
        ("10 Jan 2022", "2022-01-10", None),
    ];

    #[test]
    fn every_documented_form_reads() {
        for &(value, want_day, want_utc) in READABLE {
            let d = parse_article_date(value).unwrap_or_else(|e| panic!("{value:?}: {e}"));
            assert_eq!(d.date.to_string(), want_day, "{value:?}");
            assert_eq!(
                d.utc()
                    .map(|t| t.format("%Y-%m-%d %H:%M:%S%.f UTC").to_string()),
                want_utc.map(str::to_string),
                "{value:?}"
            );
        }
    }

    #[test]
    fn unreadable_values_are_errors() {
        assert_eq!(parse_article_date("  "), Err(DateError::Empty));
        for bad in [
            "2022-13-40",
            "2021-02-29",
            "20221340",
            "2022011",
            "2022-01-10T25:00:00Z",
            "2022-01-10T08:00:00+2500",
            "2022-01-10 tomorrow",
            "11/11/2015",
            "next Monday",
            "Mon, 10 Foo 2022",
        ] {
            assert!(
                matches!(parse_article_date(bad), Err(DateError::Unreadable(_))),
                "{bad:?} should be unreadable"
            );
        }
    }
}
