//! Table-driven date cases: text and article date -> expected (span text, date, resolution).

use chrono::NaiveDate;
use sitrep_dates::{find_dates, resolve, DatesConfig};
use sitrep_doc::{assert_span, Document, Meta, Stage};
use sitrep_text::SegmentConfig;

/// Monday 10 January 2022.
const ARTICLE: &str = "2022-01-10";

type Expect = &'static [(&'static str, Option<&'static str>, u8)];

const CASES: &[(&str, &str, Option<&str>, Expect)] = &[
    (
        // Issue 11, bug 9: a deadline in a reported plan is not last year's.
        "deadline month in a past-tense sentence",
        "The ministry said the talks must close by the end of June.",
        Some("2023-05-16"),
        &[("June", Some("2023-06-01"), 2)],
    ),
    (
        "past month after the article month is last year's",
        "Prices rose sharply in June.",
        Some("2023-05-16"),
        &[("June", Some("2022-06-01"), 2)],
    ),
    (
        "weekday with full date",
        "The meeting began on Monday, January 10th at 9:00 am local time.",
        Some(ARTICLE),
        &[("Monday, January 10th", Some("2022-01-10"), 3)],
    ),
    (
        "month day year",
        "It was signed on January 10, 2022 in Geneva.",
        None,
        &[("January 10, 2022", Some("2022-01-10"), 3)],
    ),
    (
        "day month year",
        "Talks opened on 10 January 2022.",
        None,
        &[("10 January 2022", Some("2022-01-10"), 3)],
    ),
    (
        "abbreviated month",
        "The deal was struck on Jan. 10 after midnight.",
        Some(ARTICLE),
        &[("Jan. 10", Some("2022-01-10"), 3)],
    ),
    (
        "abbreviated month without dot",
        "due on Sept 3",
        Some(ARTICLE),
        &[("Sept 3", Some("2021-09-03"), 3)],
    ),
    (
        "iso date",
        "The file is dated 2022-01-10.",
        None,
        &[("2022-01-10", Some("2022-01-10"), 3)],
    ),
    (
        "iso date with time",
        "Stamp 2021-12-31T23:59:00Z was logged.",
        None,
        &[("2021-12-31T23:59:00Z", Some("2021-12-31"), 3)],
    ),
    (
        "european dotted date",
        "Signed 24.02.2022 in Moscow.",
        None,
        &[("24.02.2022", Some("2022-02-24"), 3)],
    ),
    (
        "unambiguous slash date",
        "Filed on 25/12/2021.",
        None,
        &[("25/12/2021", Some("2021-12-25"), 3)],
    ),
    (
        "ambiguous slash date is skipped",
        "Filed on 05/06/2021.",
        None,
        &[],
    ),
    (
        "bare weekday past tense",
        "Ministers met on Friday in Brussels.",
        Some(ARTICLE),
        &[("Friday", Some("2022-01-07"), 3)],
    ),
    (
        "bare weekday same day",
        "The talks began on Monday.",
        Some(ARTICLE),
        &[("Monday", Some("2022-01-10"), 3)],
    ),
    (
        "bare weekday future tense",
        "The envoys will meet again on Wednesday.",
        Some(ARTICLE),
        &[("Wednesday", Some("2022-01-12"), 3)],
    ),
    (
        "last weekday",
        "He spoke last Tuesday.",
        Some(ARTICLE),
        &[("last Tuesday", Some("2022-01-04"), 3)],
    ),
    (
        "last weekday same as today",
        "She left last Monday.",
        Some(ARTICLE),
        &[("last Monday", Some("2022-01-03"), 3)],
    ),
    (
        "next weekday",
        "A vote is due next Friday.",
        Some(ARTICLE),
        &[("next Friday", Some("2022-01-14"), 3)],
    ),
    (
        "yesterday",
        "Troops withdrew yesterday.",
        Some(ARTICLE),
        &[("yesterday", Some("2022-01-09"), 3)],
    ),
    (
        "today capitalised",
        "Today the sides meet.",
        Some(ARTICLE),
        &[("Today", Some("2022-01-10"), 3)],
    ),
    (
        "tomorrow",
        "They fly home tomorrow.",
        Some(ARTICLE),
        &[("tomorrow", Some("2022-01-11"), 3)],
    ),
    (
        "newspaper name is not a date",
        "He told USA Today so.",
        Some(ARTICLE),
        &[],
    ),
    (
        "last week",
        "Shelling resumed last week.",
        Some(ARTICLE),
        &[("last week", Some("2022-01-03"), 3)],
    ),
    (
        "next week",
        "Talks resume next week.",
        Some(ARTICLE),
        &[("next week", Some("2022-01-17"), 3)],
    ),
    (
        "last month",
        "Prices rose last month.",
        Some(ARTICLE),
        &[("last month", Some("2021-12-01"), 2)],
    ),
    (
        "next year",
        "Elections are due next year.",
        Some(ARTICLE),
        &[("next year", Some("2023-01-01"), 1)],
    ),
    (
        "days ago",
        "The convoy left two days ago.",
        Some(ARTICLE),
        &[("two days ago", Some("2022-01-08"), 3)],
    ),
    (
        "weeks ago digits",
        "It began 3 weeks ago.",
        Some(ARTICLE),
        &[("3 weeks ago", Some("2021-12-20"), 3)],
    ),
    (
        "in month",
        "Talks are planned in March.",
        Some(ARTICLE),
        &[("March", Some("2022-03-01"), 2)],
    ),
    (
        "mid month",
        "Troops massed in mid-December.",
        Some(ARTICLE),
        &[("mid-December", Some("2021-12-01"), 2)],
    ),
    (
        "last month name",
        "The drills began last December.",
        Some(ARTICLE),
        &[("last December", Some("2021-12-01"), 2)],
    ),
    (
        "month and year",
        "Since February 2014, fighting went on.",
        None,
        &[("February 2014", Some("2014-02-01"), 2)],
    ),
    (
        "in year",
        "The treaty lapsed in 2019.",
        Some(ARTICLE),
        &[("2019", Some("2019-01-01"), 1)],
    ),
    (
        "since year",
        "It has been annexed since 2014.",
        None,
        &[("2014", Some("2014-01-01"), 1)],
    ),
    (
        "bare number is no year",
        "About 2019 troops were seen.",
        Some(ARTICLE),
        &[],
    ),
    (
        "time is no date",
        "It began at 9:00 am and ended at 5 p.m.",
        Some(ARTICLE),
        &[],
    ),
    (
        "count is no date",
        "Some 25,000 troops and 7.5 hours.",
        Some(ARTICLE),
        &[],
    ),
    (
        "lower case may and march",
        "Troops may march on the capital.",
        Some(ARTICLE),
        &[],
    ),
    (
        "May as sentence start verb",
        "May I ask a question?",
        Some(ARTICLE),
        &[],
    ),
    (
        "May with day",
        "It ends on May 9.",
        Some(ARTICLE),
        &[("May 9", Some("2022-05-09"), 3)],
    ),
    (
        "day of month",
        "It opened on the 10th of January.",
        Some(ARTICLE),
        &[("10th of January", Some("2022-01-10"), 3)],
    ),
    (
        "year inference across new year",
        "The incident took place on December 28.",
        Some(ARTICLE),
        &[("December 28", Some("2021-12-28"), 3)],
    ),
    (
        "impossible day rejected",
        "Not on February 30 of course.",
        Some(ARTICLE),
        &[],
    ),
    (
        "relative without article date",
        "He arrived yesterday and leaves on Friday.",
        None,
        &[("yesterday", None, 3), ("Friday", None, 3)],
    ),
    (
        "day without year and no article date",
        "It opens on March 3.",
        None,
        &[("March 3", None, 3)],
    ),
    (
        "several dates",
        "Between Jan. 3 and Jan. 5, 2022, and again last week, talks failed.",
        Some(ARTICLE),
        &[
            ("Jan. 3", Some("2022-01-03"), 3),
            ("Jan. 5, 2022", Some("2022-01-05"), 3),
            ("last week", Some("2022-01-03"), 3),
        ],
    ),
    (
        "abbreviated weekday with dot",
        "The vote on Tues. failed.",
        Some(ARTICLE),
        &[("Tues.", Some("2022-01-04"), 3)],
    ),
    (
        "weekday possessive",
        "Monday's talks ended.",
        Some(ARTICLE),
        &[("Monday", Some("2022-01-10"), 3)],
    ),
    (
        "last night",
        "Explosions were heard last night.",
        Some(ARTICLE),
        &[("last night", Some("2022-01-09"), 3)],
    ),
    (
        "range takes first day",
        "The summit runs January 10-12.",
        Some(ARTICLE),
        &[("January 10-12", Some("2022-01-10"), 3)],
    ),
    (
        "weekday in a newspaper name",
        "He wrote in the Sunday Times.",
        Some(ARTICLE),
        &[],
    ),
    (
        "programme name",
        "He told Radio 4's Today programme.",
        Some(ARTICLE),
        &[],
    ),
    (
        "past month later than article month is last year",
        "Output rose in December.",
        Some(ARTICLE),
        &[("December", Some("2021-12-01"), 2)],
    ),
    (
        "future month earlier than article month stays this year",
        "The plant will open in January.",
        Some("2022-03-15"),
        &[("January", Some("2023-01-01"), 2)],
    ),
    (
        "year pair",
        "Jobs go between 2008 and 2010.",
        Some(ARTICLE),
        &[
            ("2008", Some("2008-01-01"), 1),
            ("2010", Some("2010-01-01"), 1),
        ],
    ),
];

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn date_table() {
    assert!(CASES.len() >= 30);
    let mut failures = Vec::new();
    for (name, text, article, expected) in CASES {
        let found = find_dates(text, article.map(date));
        let got: Vec<(&str, Option<NaiveDate>, u8)> = found
            .iter()
            .map(|f| (&text[f.start..f.end], f.date, u8::from(f.resolution)))
            .collect();
        let want: Vec<(&str, Option<NaiveDate>, u8)> = expected
            .iter()
            .map(|(s, d, r)| (*s, d.map(date), *r))
            .collect();
        if got != want {
            failures.push(format!(
                "case {name:?}: {text:?}\n  expected {want:?}\n  got      {got:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failing cases:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn resolve_function() {
    let a = Some(date(ARTICLE));
    type Case = (&'static str, Option<NaiveDate>, Option<(&'static str, u8)>);
    let cases: &[Case] = &[
        ("on Monday", a, Some(("2022-01-10", 3))),
        ("last Tuesday", a, Some(("2022-01-04", 3))),
        ("next Friday", a, Some(("2022-01-14", 3))),
        ("in March", a, Some(("2022-03-01", 2))),
        ("in 2019", a, Some(("2019-01-01", 1))),
        ("10 January 2022", None, Some(("2022-01-10", 3))),
        ("yesterday", None, None),
        ("nothing here", a, None),
    ];
    for (expr, art, want) in cases {
        let got = resolve(expr, *art).map(|(d, r)| (d, u8::from(r)));
        assert_eq!(got, want.map(|(d, r)| (date(d), r)), "case {expr:?}");
    }
}

#[test]
fn stage_fills_dates_from_body() {
    let text = "date 2022-01-10 Talks began on Monday.\n\nThey resume next week, officials said on Jan. 10.".to_string();
    let meta = Meta {
        date: Some(date(ARTICLE)),
        ..Meta::default()
    };
    let mut doc = Document::with_body(meta, text, 16).unwrap();
    let stage = DatesConfig::default().build().unwrap();
    assert_eq!(stage.name(), "dates");
    let stages: Vec<Box<dyn Stage>> = vec![
        Box::new(SegmentConfig::default().build().unwrap()),
        Box::new(stage),
    ];
    let chain = sitrep_doc::Chain::new(stages).unwrap();
    assert_eq!(chain.process(&mut doc), 0, "{:?}", doc.errors);
    assert!(doc.done.contains(sitrep_doc::Layers::DATES));
    assert_eq!(doc.dates.len(), 3, "{:?}", doc.dates);
    assert_span!(doc, doc.dates[0].span, "Monday");
    assert_span!(doc, doc.dates[1].span, "next week");
    assert_span!(doc, doc.dates[2].span, "Jan. 10");
    assert_eq!(doc.dates[1].date, Some(date("2022-01-17")));
    // The header's date is metadata, not a date mention.
    assert!(doc.dates.iter().all(|d| d.span.start() >= 16));
}

#[test]
fn config_validates() {
    assert!(DatesConfig {
        min_year: 2000,
        max_year: 1900
    }
    .build()
    .is_err());
    assert!(serde_json::from_str::<DatesConfig>(r#"{"min_yr": 1}"#).is_err());
    let c: DatesConfig = serde_json::from_str(r#"{"min_year": 1900}"#).unwrap();
    assert_eq!(c.max_year, DatesConfig::default().max_year);
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn spans_are_valid(text in "(\\PC|Monday|January|Jan\\.|last|next|week|ago|two|days|in|2019|10th| |,|\\.){0,40}") {
            for f in find_dates(&text, Some(date(ARTICLE))) {
                prop_assert!(f.start < f.end && text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
            }
        }
    }
}
