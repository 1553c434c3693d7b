//! Finding date expressions in the tokens of one sentence, and resolving them.
//!
//! Matching is a left-to-right scan trying a few fixed patterns at each token (longest
//! first); what matched is a [`Value`], which [`Value::resolve`] turns into a calendar date
//! given the article date. Prepositions ("on", "in") are context, not part of the span;
//! modifiers that change the date ("last", "next", "ago") are.

use crate::lexicon::{
    count, day, is_date_preposition, is_future_marker, is_past_marker, month, weekday, year,
};
use chrono::{Datelike, Duration, Months, NaiveDate, Weekday};
use sitrep_doc::DateResolution;

/// A token as the matcher sees it: its text and byte range.
#[derive(Debug, Clone, Copy)]
pub struct Tok<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

/// How a weekday is placed relative to the article date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WeekdayMode {
    /// "last Tuesday": the latest such day strictly before the article date.
    Last,
    /// "next Friday": the first such day strictly after the article date.
    Next,
    /// "this Friday": the first such day on or after the article date.
    This,
    /// "on Monday": on or before the article date in past-tense sentences, on or after it when
    /// the sentence speaks of the future ("will", "scheduled", ...).
    Bare,
}

/// What the sentence around a date says about time, from a few marker words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    /// "will", "'ll", "scheduled", "next" ...
    Future,
    /// "was", "said", "ago", words ending in "-ed" ...
    Past,
    Unknown,
}

/// What a date expression says, before resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Value {
    /// A day; without a year, the year that puts it nearest the article date.
    Day {
        year: Option<i32>,
        month: u32,
        day: u32,
    },
    /// A month; without a year, in the article's year.
    Month {
        year: Option<i32>,
        month: u32,
    },
    /// "last March" / "next March" / "this March": the month relative to the article date.
    RelativeMonthName {
        month: u32,
        offset: i8,
    },
    Year(i32),
    /// Days from the article date ("yesterday" -1, "last week" -7).
    Days(i64),
    /// Months from the article date (resolution month).
    Months(i32),
    /// Years from the article date (resolution year).
    Years(i32),
    Weekday {
        day: Weekday,
        mode: WeekdayMode,
    },
}

/// One match: token range `[first, end)` in the sentence and what it says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub first: usize,
    pub end: usize,
    pub value: Value,
}

/// Limits on what counts as a bare year ("in 2019").
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub min_year: i32,
    pub max_year: i32,
}

impl Value {
    /// The calendar date and resolution (year, month or day) of this value. `tense` is
    /// that of the sentence (used by bare weekdays and months).
    pub fn resolve(
        self,
        article: Option<NaiveDate>,
        tense: Tense,
    ) -> (Option<NaiveDate>, DateResolution) {
        match self {
            Value::Day {
                year: Some(y),
                month,
                day,
            } => (NaiveDate::from_ymd_opt(y, month, day), DateResolution::Day),
            Value::Day {
                year: None,
                month,
                day,
            } => (
                article.and_then(|a| nearest_year(a, month, day)),
                DateResolution::Day,
            ),
            Value::Month {
                year: Some(y),
                month,
            } => (NaiveDate::from_ymd_opt(y, month, 1), DateResolution::Month),
            Value::Month { year: None, month } => {
                let date = article.and_then(|a| {
                    // "rose in December" written in March is last December; "will open in
                    // January" written in March is next January.
                    let y = match (tense, month.cmp(&a.month())) {
                        (Tense::Past, std::cmp::Ordering::Greater) => a.year() - 1,
                        (Tense::Future, std::cmp::Ordering::Less) => a.year() + 1,
                        _ => a.year(),
                    };
                    NaiveDate::from_ymd_opt(y, month, 1)
                });
                (date, DateResolution::Month)
            }
            Value::RelativeMonthName { month, offset } => {
                let date = article.and_then(|a| {
                    let y = match offset {
                        o if o < 0 => a.year() - i32::from(month >= a.month()),
                        o if o > 0 => a.year() + i32::from(month <= a.month()),
                        _ => a.year(),
                    };
                    NaiveDate::from_ymd_opt(y, month, 1)
                });
                (date, DateResolution::Month)
            }
            Value::Year(y) => (NaiveDate::from_ymd_opt(y, 1, 1), DateResolution::Year),
            Value::Days(n) => (
                article.and_then(|a| a.checked_add_signed(Duration::days(n))),
                DateResolution::Day,
            ),
            Value::Months(n) => {
                let date = article.and_then(|a| {
                    let first = a.with_day(1)?;
                    if n >= 0 {
                        first.checked_add_months(Months::new(n as u32))
                    } else {
                        first.checked_sub_months(Months::new(n.unsigned_abs()))
                    }
                });
                (date, DateResolution::Month)
            }
            Value::Years(n) => (
                article.and_then(|a| NaiveDate::from_ymd_opt(a.year() + n, 1, 1)),
                DateResolution::Year,
            ),
            Value::Weekday { day, mode } => {
                let date = article.and_then(|a| {
                    let back =
                        (7 + a.weekday().num_days_from_monday() - day.num_days_from_monday()) % 7;
                    let ahead = (7 - back) % 7;
                    let days = match mode {
                        WeekdayMode::Last => -(if back == 0 { 7 } else { back } as i64),
                        WeekdayMode::Next => (if ahead == 0 { 7 } else { ahead }) as i64,
                        WeekdayMode::This => ahead as i64,
                        WeekdayMode::Bare if tense == Tense::Future => ahead as i64,
                        WeekdayMode::Bare => -(back as i64),
                    };
                    a.checked_add_signed(Duration::days(days))
                });
                (date, DateResolution::Day)
            }
        }
    }
}

/// The date with this month and day in the year (article year -1, 0, +1) nearest the article.
fn nearest_year(article: NaiveDate, month: u32, day: u32) -> Option<NaiveDate> {
    (-1..=1)
        .filter_map(|d| NaiveDate::from_ymd_opt(article.year() + d, month, day))
        .min_by_key(|date| (*date - article).num_days().abs())
}

/// Whether a token has a letter or digit (is a word or clitic like "'s", not punctuation).
fn is_wordlike(s: &str) -> bool {
    s.chars().any(char::is_alphanumeric)
}

fn lower_is(t: &Tok, w: &str) -> bool {
    t.text.eq_ignore_ascii_case(w)
}

/// The tense of a sentence: future if a word marks the future, else past if one marks the
/// past, else unknown.
pub fn tense(toks: &[Tok]) -> Tense {
    if toks.iter().any(|t| is_future_marker(t.text)) {
        Tense::Future
    } else if toks.iter().any(|t| is_past_marker(t.text)) {
        Tense::Past
    } else {
        Tense::Unknown
    }
}

/// Whether the expression starting at token `first` is a deadline: "by June", "until the
/// end of June", "before early March". A deadline in a past-tense sentence is mostly a
/// reported plan ("said it would finish by the end of June"), so the past tense does not
/// push a later month into last year; the month nearest in the article's year is meant.
pub fn is_deadline(toks: &[Tok], first: usize) -> bool {
    let before = &toks[first.saturating_sub(4)..first];
    let mut words = before.iter().rev().map(|t| t.text.to_ascii_lowercase());
    // Skip "the end of", "the start of", "early", "late", "mid" between the keyword and
    // the date, then expect the keyword.
    for w in words.by_ref() {
        match w.as_str() {
            "of" | "the" | "end" | "start" | "beginning" | "middle" | "early" | "late" | "mid" => {
                continue
            }
            "by" | "until" | "till" | "before" => return true,
            _ => return false,
        }
    }
    false
}

/// Finds the date expressions of one sentence, left to right, without overlaps.
pub fn find(toks: &[Tok], limits: Limits, out: &mut Vec<Found>) {
    let mut i = 0;
    while i < toks.len() {
        if let Some(f) = match_at(toks, i, limits) {
            debug_assert!(f.end > f.first && f.first >= i);
            i = f.end;
            out.push(f);
        } else {
            i += 1;
        }
    }
}

fn match_at(toks: &[Tok], i: usize, limits: Limits) -> Option<Found> {
    let t = &toks[i];
    let at = |k: usize| toks.get(k);
    let found = |end: usize, value: Value| {
        Some(Found {
            first: i,
            end,
            value,
        })
    };
    let b0 = t.text.as_bytes().first().copied().unwrap_or(0);
    // Every rule below starts on an ASCII letter or digit (a keyword, a capitalised month or
    // weekday, a number): punctuation and other tokens are rejected at once.
    if !b0.is_ascii_alphanumeric() {
        return None;
    }

    // "last/next/this" + weekday, month name, week, month, year, night.
    if b0.is_ascii_alphabetic()
        && (lower_is(t, "last")
            || lower_is(t, "next")
            || lower_is(t, "this")
            || lower_is(t, "past"))
    {
        let sign: i8 = if lower_is(t, "next") {
            1
        } else if lower_is(t, "this") {
            0
        } else {
            -1
        };
        if let Some(n) = at(i + 1) {
            if let Some(day) = weekday(n.text) {
                let mode = match sign {
                    1 => WeekdayMode::Next,
                    0 => WeekdayMode::This,
                    _ => WeekdayMode::Last,
                };
                return found(i + 2, Value::Weekday { day, mode });
            }
            if let Some(m) = month(n.text) {
                // "last March", but "last May 5" is a day.
                if at(i + 2).and_then(|d| day(d.text)).is_none() {
                    return found(
                        i + 2,
                        Value::RelativeMonthName {
                            month: m,
                            offset: sign,
                        },
                    );
                }
            }
            let value = if lower_is(n, "week") {
                (sign != 0).then_some(Value::Days(7 * i64::from(sign)))
            } else if lower_is(n, "month") {
                Some(Value::Months(i32::from(sign)))
            } else if lower_is(n, "year") {
                Some(Value::Years(i32::from(sign)))
            } else if lower_is(n, "night") && sign < 0 {
                Some(Value::Days(-1))
            } else {
                None
            };
            if let Some(v) = value {
                return found(i + 2, v);
            }
        }
    }

    if b0.is_ascii_alphabetic() {
        let rel = if lower_is(t, "yesterday") {
            Some(-1)
        } else if lower_is(t, "today") || lower_is(t, "tonight") {
            Some(0)
        } else if lower_is(t, "tomorrow") {
            Some(1)
        } else {
            None
        };
        if let Some(d) = rel {
            // Capitalised inside a sentence it names something: "USA Today", "Radio 4's Today".
            let name = i > 0 && b0.is_ascii_uppercase() && is_wordlike(toks[i - 1].text);
            if !name {
                return found(i + 1, Value::Days(d));
            }
        }
    }

    // "two days ago", "3 weeks ago", "a year ago".
    // "ago" is tested first: it is rare, and `count` would otherwise run on every token.
    if at(i + 2).is_some_and(|a| lower_is(a, "ago")) {
        if let (Some(n), Some(unit)) = (count(t.text), at(i + 1)) {
            let u = unit.text.to_ascii_lowercase();
            let value = match u.trim_end_matches('s') {
                "day" => Some(Value::Days(-n)),
                "week" => Some(Value::Days(-7 * n)),
                "month" => Some(Value::Months(-(n as i32))),
                "year" => Some(Value::Years(-(n as i32))),
                _ => None,
            };
            if let Some(v) = value {
                return found(i + 3, v);
            }
        }
    }

    if b0.is_ascii_digit() {
        if let Some(v) = numeric_date(t.text) {
            return found(i + 1, v);
        }
    }

    // Weekday, optionally followed by a full date: "Monday, January 10th".
    if let Some(wd) = weekday(t.text) {
        let mut k = i + 1;
        if at(k).is_some_and(|c| c.text == ",") {
            k += 1;
        }
        if let Some(f) = day_month(toks, k) {
            return found(f.end, f.value);
        }
        // "Sunday Times", "Monday Night Football": a name, not a day.
        let named = at(i + 1).is_some_and(|n| {
            n.text.as_bytes()[0].is_ascii_uppercase()
                && month(n.text).is_none()
                && weekday(n.text).is_none()
        });
        if named {
            return None;
        }
        return found(
            i + 1,
            Value::Weekday {
                day: wd,
                mode: WeekdayMode::Bare,
            },
        );
    }

    // A day-month date starts with a capitalised month name or with a digit.
    if b0.is_ascii_uppercase() || b0.is_ascii_digit() {
        if let Some(f) = day_month(toks, i) {
            return Some(f);
        }
    }

    // A month alone: "in March", "March 2022", "mid-January".
    if let Some(m) = month(t.text) {
        let mut k = i + 1;
        if at(k).is_some_and(|c| c.text == ",") {
            k += 1;
        }
        if let Some(y) = at(k).and_then(|c| year(c.text)) {
            return found(
                k + 1,
                Value::Month {
                    year: Some(y),
                    month: m,
                },
            );
        }
        // "February 30" is no date, not "February" alone.
        let day_follows = at(i + 1).is_some_and(|c| day(c.text).is_some());
        if i > 0 && is_date_preposition(toks[i - 1].text) && !day_follows {
            return found(
                i + 1,
                Value::Month {
                    year: None,
                    month: m,
                },
            );
        }
    }
    if t.text.len() > 4 && t.text.as_bytes()[..4].eq_ignore_ascii_case(b"mid-") {
        if let Some(m) = month(&t.text[4..]) {
            return found(
                i + 1,
                Value::Month {
                    year: None,
                    month: m,
                },
            );
        }
        if let Some(y) = year(&t.text[4..]) {
            return found(i + 1, Value::Year(y));
        }
    }

    // The second year of a pair: "between 2008 and 2010".
    if let Some(y) = year(t.text) {
        let paired = i >= 2
            && matches!(toks[i - 1].text, "and" | "or" | "-" | "–")
            && year(toks[i - 2].text).is_some();
        if paired && (limits.min_year..=limits.max_year).contains(&y) {
            return found(i + 1, Value::Year(y));
        }
    }

    // A year after a preposition: "in 2019", "since 2014".
    if let Some(y) = year(t.text) {
        if (limits.min_year..=limits.max_year).contains(&y)
            && i > 0
            && is_date_preposition(toks[i - 1].text)
        {
            return found(i + 1, Value::Year(y));
        }
    }
    None
}

/// "January 10", "Jan. 10th, 2022", "10 January 2022", "the 10th of January" starting at `i`.
fn day_month(toks: &[Tok], i: usize) -> Option<Found> {
    let at = |k: usize| toks.get(k);
    let t = at(i)?;
    let (m, d, mut k) = if let Some(m) = month(t.text) {
        let d = day(at(i + 1)?.text)?;
        (m, d, i + 2)
    } else {
        // In "the 10th of January" the article is context, left out of the span.
        let first = i;
        let d = day(at(first)?.text)?;
        let mut k = first + 1;
        if at(k).is_some_and(|c| lower_is(c, "of")) {
            k += 1;
        }
        let m = month(at(k)?.text)?;
        (m, d, k + 1)
    };
    let mut y = None;
    let comma = usize::from(at(k).is_some_and(|c| c.text == ","));
    if let Some(yy) = at(k + comma).and_then(|c| year(c.text)) {
        y = Some(yy);
        k += comma + 1;
    }
    // Reject impossible days ("February 30") even without a year: 2000 is a leap year.
    NaiveDate::from_ymd_opt(y.unwrap_or(2000), m, d)?;
    Some(Found {
        first: i,
        end: k,
        value: Value::Day {
            year: y,
            month: m,
            day: d,
        },
    })
}

/// One-token numeric dates: "2022-01-10" (also with a time after `T`), "2022/01/10",
/// "10.01.2022" (day first), and "25/12/2021" or "12/25/2021" only where the order is
/// unambiguous.
fn numeric_date(s: &str) -> Option<Value> {
    let b = s.as_bytes();
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = s.get(r)?;
        (!part.is_empty() && part.bytes().all(|c| c.is_ascii_digit()))
            .then(|| part.parse().ok())
            .flatten()
    };
    let day_value = |y: i32, m: u32, d: u32| {
        NaiveDate::from_ymd_opt(y, m, d).map(|_| Value::Day {
            year: Some(y),
            month: m,
            day: d,
        })
    };
    if b.len() >= 10
        && (b[4] == b'-' || b[4] == b'/')
        && b[7] == b[4]
        && (b.len() == 10 || b[10] == b'T')
    {
        return day_value(num(0..4)? as i32, num(5..7)?, num(8..10)?);
    }
    if b.len() == 10 && (b[2] == b'.' || b[2] == b'/') && b[5] == b[2] {
        let (x, y2, yr) = (num(0..2)?, num(3..5)?, num(6..10)? as i32);
        if b[2] == b'.' {
            return day_value(yr, y2, x);
        }
        return match (x > 12, y2 > 12) {
            (true, false) => day_value(yr, y2, x),
            (false, true) => day_value(yr, x, y2),
            _ => None,
        };
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    #[test]
    fn weekday_modes() {
        let monday = d(2022, 1, 10);
        let wd = |day, mode, future| {
            Value::Weekday { day, mode }
                .resolve(
                    Some(monday),
                    if future { Tense::Future } else { Tense::Past },
                )
                .0
                .unwrap()
        };
        assert_eq!(wd(Weekday::Mon, WeekdayMode::Bare, false), monday);
        assert_eq!(wd(Weekday::Mon, WeekdayMode::Last, false), d(2022, 1, 3));
        assert_eq!(wd(Weekday::Mon, WeekdayMode::Next, false), d(2022, 1, 17));
        assert_eq!(wd(Weekday::Fri, WeekdayMode::Bare, false), d(2022, 1, 7));
        assert_eq!(wd(Weekday::Fri, WeekdayMode::Bare, true), d(2022, 1, 14));
        assert_eq!(wd(Weekday::Fri, WeekdayMode::This, false), d(2022, 1, 14));
        assert_eq!(wd(Weekday::Tue, WeekdayMode::Last, false), d(2022, 1, 4));
    }

    #[test]
    fn nearest_year_crosses_new_year() {
        assert_eq!(nearest_year(d(2022, 1, 5), 12, 28), Some(d(2021, 12, 28)));
        assert_eq!(nearest_year(d(2021, 12, 28), 1, 3), Some(d(2022, 1, 3)));
        assert_eq!(nearest_year(d(2022, 3, 1), 2, 29), None);
    }

    #[test]
    fn numeric_dates() {
        assert_eq!(
            numeric_date("2022-01-10"),
            Some(Value::Day {
                year: Some(2022),
                month: 1,
                day: 10
            })
        );
        assert_eq!(
            numeric_date("2022-01-10T09:00"),
            Some(Value::Day {
                year: Some(2022),
                month: 1,
                day: 10
            })
        );
        assert_eq!(
            numeric_date("10.01.2022"),
            Some(Value::Day {
                year: Some(2022),
                month: 1,
                day: 10
            })
        );
        assert_eq!(
            numeric_date("25/12/2021"),
            Some(Value::Day {
                year: Some(2021),
                month: 12,
                day: 25
            })
        );
        assert_eq!(numeric_date("05/06/2021"), None);
        assert_eq!(numeric_date("2022-13-10"), None);
        assert_eq!(numeric_date("1234567890"), None);
    }
}
