//! The words dates are made of: month and weekday names, number words, and the words that
//! make a bare month or year a date ("in March", "since 2014").

use chrono::Weekday;

/// `word` with ASCII letters lowercased into a stack buffer (what `eq_ignore_ascii_case`
/// compares), or None when it is longer than any word it is to be compared with. Lets
/// the word lists below be `match`es on bytes: they run on every token of every article.
fn folded<'b, const N: usize>(word: &str, buf: &'b mut [u8; N]) -> Option<&'b [u8]> {
    let b = word.as_bytes();
    let out = buf.get_mut(..b.len())?;
    out.copy_from_slice(b);
    out.make_ascii_lowercase();
    Some(out)
}

/// Month number (1-12) of a month name or abbreviation, written with a capital
/// ("January", "Jan", "Jan.", "Sept."). Lower-case "march" and "may" are verbs.
pub fn month(word: &str) -> Option<u32> {
    if !word.as_bytes().first().is_some_and(u8::is_ascii_uppercase) {
        return None;
    }
    let w = word.strip_suffix('.').unwrap_or(word);
    // "May." is "May" at a sentence end, not an abbreviation; full names never take a dot.
    // Abbreviations go with or without their dot ("Jan 10", "Jan. 10").
    let full = w.len() == word.len();
    let mut buf = [0u8; 9];
    Some(match folded(w, &mut buf)? {
        b"january" if full => 1,
        b"jan" => 1,
        b"february" if full => 2,
        b"feb" | b"febr" => 2,
        b"march" if full => 3,
        b"mar" => 3,
        b"april" if full => 4,
        b"apr" => 4,
        b"may" if full => 5,
        b"june" if full => 6,
        b"jun" => 6,
        b"july" if full => 7,
        b"jul" => 7,
        b"august" if full => 8,
        b"aug" => 8,
        b"september" if full => 9,
        b"sep" | b"sept" => 9,
        b"october" if full => 10,
        b"oct" => 10,
        b"november" if full => 11,
        b"nov" => 11,
        b"december" if full => 12,
        b"dec" => 12,
        _ => return None,
    })
}

/// A weekday name written with a capital ("Monday", "Tues.", "Fri").
pub fn weekday(word: &str) -> Option<Weekday> {
    if !word.as_bytes().first().is_some_and(u8::is_ascii_uppercase) {
        return None;
    }
    let w = word.strip_suffix('.').unwrap_or(word);
    // Abbreviated weekdays only with their dot: "Sun" and "Sat" are words too.
    let dot = w.len() < word.len();
    let mut buf = [0u8; 9];
    Some(match folded(w, &mut buf)? {
        b"monday" => Weekday::Mon,
        b"mon" if dot => Weekday::Mon,
        b"tuesday" => Weekday::Tue,
        b"tue" | b"tues" if dot => Weekday::Tue,
        b"wednesday" => Weekday::Wed,
        b"wed" if dot => Weekday::Wed,
        b"thursday" => Weekday::Thu,
        b"thu" | b"thur" | b"thurs" if dot => Weekday::Thu,
        b"friday" => Weekday::Fri,
        b"fri" if dot => Weekday::Fri,
        b"saturday" => Weekday::Sat,
        b"sat" if dot => Weekday::Sat,
        b"sunday" => Weekday::Sun,
        b"sun" if dot => Weekday::Sun,
        _ => return None,
    })
}

/// A day of the month: "10", "10th", "1st", "22nd", "3rd", or the first day of a range
/// "10-12".
pub fn day(word: &str) -> Option<u32> {
    let b = word.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    let rest = &word[digits..];
    let ok = rest.is_empty()
        || ["st", "nd", "rd", "th"]
            .iter()
            .any(|s| rest.eq_ignore_ascii_case(s))
        || ((rest.starts_with('-') || rest.starts_with('–'))
            && rest[rest.chars().next()?.len_utf8()..]
                .bytes()
                .all(|c| c.is_ascii_digit()));
    let n: u32 = word[..digits].parse().ok()?;
    (ok && (1..=31).contains(&n)).then_some(n)
}

/// A four-digit year.
pub fn year(word: &str) -> Option<i32> {
    (word.len() == 4 && word.bytes().all(|c| c.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()
}

/// Small counts written as words or digits ("two days ago", "3 weeks ago").
pub fn count(word: &str) -> Option<i64> {
    let mut buf = [0u8; 6];
    let n = match folded(word, &mut buf) {
        Some(b"one" | b"a" | b"an") => 1,
        Some(b"two") => 2,
        Some(b"three") => 3,
        Some(b"four") => 4,
        Some(b"five") => 5,
        Some(b"six") => 6,
        Some(b"seven") => 7,
        Some(b"eight") => 8,
        Some(b"nine") => 9,
        Some(b"ten") => 10,
        Some(b"eleven") => 11,
        Some(b"twelve") => 12,
        _ => {
            if (1..=3).contains(&word.len()) && word.bytes().all(|c| c.is_ascii_digit()) {
                return word.parse().ok();
            }
            return None;
        }
    };
    Some(n)
}

/// Words before a bare month or year that make it a date ("in March", "since 2014",
/// "early 2019"). Without one, "March" may be a name and "2019" a count.
pub fn is_date_preposition(word: &str) -> bool {
    let mut buf = [0u8; 10];
    matches!(
        folded(word, &mut buf),
        Some(
            b"in"
                | b"since"
                | b"by"
                | b"until"
                | b"till"
                | b"from"
                | b"to"
                | b"through"
                | b"during"
                | b"of"
                | b"before"
                | b"after"
                | b"early"
                | b"late"
                | b"mid"
                | b"around"
                | b"on"
                | b"for"
                | b"between"
                | b"throughout"
                | b"within"
        )
    )
}

/// Words in a sentence that put a bare weekday in the future ("will meet on Monday").
pub fn is_future_marker(word: &str) -> bool {
    let mut buf = [0u8; 9];
    matches!(
        folded(word, &mut buf),
        Some(
            b"will"
                | b"'ll"
                | b"\xe2\x80\x99ll" // "’ll"
                | b"shall"
                | b"wo"
                | b"scheduled"
                | b"upcoming"
                | b"due"
                | b"planned"
                | b"plans"
                | b"plan"
                | b"expected"
                | b"going"
                | b"set"
                | b"tomorrow"
                | b"next"
        )
    )
}

/// Words in a sentence that put it in the past ("said", "was", "rose", "-ed" forms).
pub fn is_past_marker(word: &str) -> bool {
    let b = word.as_bytes();
    if b.len() >= 5 && b[0].is_ascii_lowercase() && word.ends_with("ed") {
        return true;
    }
    let mut buf = [0u8; 7];
    matches!(
        folded(word, &mut buf),
        Some(
            b"was"
                | b"were"
                | b"had"
                | b"did"
                | b"said"
                | b"told"
                | b"ago"
                | b"rose"
                | b"fell"
                | b"grew"
                | b"began"
                | b"took"
                | b"met"
                | b"came"
                | b"went"
                | b"made"
                | b"saw"
                | b"won"
                | b"lost"
                | b"left"
                | b"held"
                | b"spoke"
                | b"wrote"
                | b"last"
                | b"gave"
                | b"became"
                | b"brought"
                | b"sold"
                | b"bought"
                | b"paid"
                | b"led"
                | b"hit"
                | b"cut"
                | b"set"
                | b"put"
        )
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The word-list implementations the `match`es replaced, kept to check them.
    mod reference {
        use chrono::Weekday;

        pub fn month(word: &str) -> Option<u32> {
            if !word.as_bytes().first().is_some_and(u8::is_ascii_uppercase) {
                return None;
            }
            let w = word.strip_suffix('.').unwrap_or(word);
            let abbreviated = w.len() < word.len();
            const MONTHS: [(&str, &[&str]); 12] = [
                ("january", &["jan"]),
                ("february", &["feb", "febr"]),
                ("march", &["mar"]),
                ("april", &["apr"]),
                ("may", &[]),
                ("june", &["jun"]),
                ("july", &["jul"]),
                ("august", &["aug"]),
                ("september", &["sep", "sept"]),
                ("october", &["oct"]),
                ("november", &["nov"]),
                ("december", &["dec"]),
            ];
            for (i, (full, abbrs)) in MONTHS.iter().enumerate() {
                // "May." is "May" at a sentence end, not an abbreviation; full names never take a dot.
                if !abbreviated && w.eq_ignore_ascii_case(full) {
                    return Some(i as u32 + 1);
                }
                // Abbreviations with or without their dot ("Jan 10", "Jan. 10").
                if abbrs.iter().any(|a| w.eq_ignore_ascii_case(a)) {
                    return Some(i as u32 + 1);
                }
            }
            None
        }

        pub fn weekday(word: &str) -> Option<Weekday> {
            if !word.as_bytes().first().is_some_and(u8::is_ascii_uppercase) {
                return None;
            }
            let w = word.strip_suffix('.').unwrap_or(word);
            const DAYS: [(&str, &[&str], Weekday); 7] = [
                ("monday", &["mon"], Weekday::Mon),
                ("tuesday", &["tue", "tues"], Weekday::Tue),
                ("wednesday", &["wed"], Weekday::Wed),
                ("thursday", &["thu", "thur", "thurs"], Weekday::Thu),
                ("friday", &["fri"], Weekday::Fri),
                ("saturday", &["sat"], Weekday::Sat),
                ("sunday", &["sun"], Weekday::Sun),
            ];
            for (full, abbrs, day) in DAYS {
                if w.eq_ignore_ascii_case(full) {
                    return Some(day);
                }
                // Abbreviated weekdays only with their dot: "Sun" and "Sat" are words too.
                if w.len() < word.len() && abbrs.iter().any(|a| w.eq_ignore_ascii_case(a)) {
                    return Some(day);
                }
            }
            None
        }

        pub fn count(word: &str) -> Option<i64> {
            const WORDS: [&str; 12] = [
                "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "eleven", "twelve",
            ];
            if let Some(i) = WORDS.iter().position(|w| word.eq_ignore_ascii_case(w)) {
                return Some(i as i64 + 1);
            }
            if word.eq_ignore_ascii_case("a") || word.eq_ignore_ascii_case("an") {
                return Some(1);
            }
            if (1..=3).contains(&word.len()) && word.bytes().all(|c| c.is_ascii_digit()) {
                return word.parse().ok();
            }
            None
        }

        pub fn is_date_preposition(word: &str) -> bool {
            const WORDS: &[&str] = &[
                "in",
                "since",
                "by",
                "until",
                "till",
                "from",
                "to",
                "through",
                "during",
                "of",
                "before",
                "after",
                "early",
                "late",
                "mid",
                "around",
                "on",
                "for",
                "between",
                "throughout",
                "within",
            ];
            WORDS.iter().any(|w| word.eq_ignore_ascii_case(w))
        }

        pub fn is_future_marker(word: &str) -> bool {
            const WORDS: &[&str] = &[
                "will",
                "'ll",
                "’ll",
                "shall",
                "wo",
                "scheduled",
                "upcoming",
                "due",
                "planned",
                "plans",
                "plan",
                "expected",
                "going",
                "set",
                "tomorrow",
                "next",
            ];
            WORDS.iter().any(|w| word.eq_ignore_ascii_case(w))
        }

        pub fn is_past_marker(word: &str) -> bool {
            const WORDS: &[&str] = &[
                "was", "were", "had", "did", "said", "told", "ago", "rose", "fell", "grew",
                "began", "took", "met", "came", "went", "made", "saw", "won", "lost", "left",
                "held", "spoke", "wrote", "last", "gave", "became", "brought", "sold", "bought",
                "paid", "led", "hit", "cut", "set", "put",
            ];
            let b = word.as_bytes();
            (b.len() >= 5 && b[0].is_ascii_lowercase() && word.ends_with("ed"))
                || WORDS.iter().any(|w| word.eq_ignore_ascii_case(w))
        }
    }

    /// Every listed word, in several casings, with and without a final dot, and near misses.
    fn probe_words() -> Vec<String> {
        const WORDS: &[&str] = &[
            "january",
            "jan",
            "february",
            "feb",
            "febr",
            "march",
            "mar",
            "april",
            "apr",
            "may",
            "june",
            "jun",
            "july",
            "jul",
            "august",
            "aug",
            "september",
            "sep",
            "sept",
            "october",
            "oct",
            "november",
            "nov",
            "december",
            "dec",
            "monday",
            "mon",
            "tuesday",
            "tue",
            "tues",
            "wednesday",
            "wed",
            "thursday",
            "thu",
            "thur",
            "thurs",
            "friday",
            "fri",
            "saturday",
            "sat",
            "sunday",
            "sun",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "a",
            "an",
            "0",
            "7",
            "12",
            "123",
            "1234",
            "in",
            "since",
            "by",
            "until",
            "till",
            "from",
            "to",
            "through",
            "during",
            "of",
            "before",
            "after",
            "early",
            "late",
            "mid",
            "around",
            "on",
            "for",
            "between",
            "throughout",
            "within",
            "will",
            "'ll",
            "’ll",
            "shall",
            "wo",
            "scheduled",
            "upcoming",
            "due",
            "planned",
            "plans",
            "plan",
            "expected",
            "going",
            "set",
            "tomorrow",
            "next",
            "was",
            "were",
            "had",
            "did",
            "said",
            "told",
            "ago",
            "rose",
            "fell",
            "grew",
            "began",
            "took",
            "met",
            "came",
            "went",
            "made",
            "saw",
            "won",
            "lost",
            "left",
            "held",
            "spoke",
            "wrote",
            "last",
            "gave",
            "became",
            "brought",
            "sold",
            "bought",
            "paid",
            "led",
            "hit",
            "cut",
            "put",
            "talked",
            "Talked",
            "ed",
            "",
            ".",
            "Mayor",
            "Septembers",
            "Janu",
            "thirteen",
            "throughouts",
            "Ápril",
            "’LL",
            "İn",
        ];
        let mut out = Vec::new();
        for w in WORDS {
            let title: String = w
                .chars()
                .take(1)
                .flat_map(char::to_uppercase)
                .chain(w.chars().skip(1))
                .collect();
            for v in [w.to_string(), title, w.to_uppercase()] {
                out.push(format!("{v}."));
                out.push(v);
            }
        }
        out
    }

    #[test]
    fn matches_equal_the_word_lists() {
        for w in probe_words() {
            let w = w.as_str();
            assert_eq!(month(w), reference::month(w), "month {w:?}");
            assert_eq!(weekday(w), reference::weekday(w), "weekday {w:?}");
            assert_eq!(count(w), reference::count(w), "count {w:?}");
            assert_eq!(
                is_date_preposition(w),
                reference::is_date_preposition(w),
                "preposition {w:?}"
            );
            assert_eq!(
                is_future_marker(w),
                reference::is_future_marker(w),
                "future {w:?}"
            );
            assert_eq!(
                is_past_marker(w),
                reference::is_past_marker(w),
                "past {w:?}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn matches_equal_the_word_lists_on_any_word(w in "[A-Za-z’'.éİ0-9]{0,11}") {
            proptest::prop_assert_eq!(month(&w), reference::month(&w));
            proptest::prop_assert_eq!(weekday(&w), reference::weekday(&w));
            proptest::prop_assert_eq!(count(&w), reference::count(&w));
            proptest::prop_assert_eq!(is_date_preposition(&w), reference::is_date_preposition(&w));
            proptest::prop_assert_eq!(is_future_marker(&w), reference::is_future_marker(&w));
            proptest::prop_assert_eq!(is_past_marker(&w), reference::is_past_marker(&w));
        }
    }

    #[test]
    fn words() {
        assert_eq!(month("January"), Some(1));
        assert_eq!(month("Sept."), Some(9));
        assert_eq!(month("Jan"), Some(1));
        assert_eq!(month("may"), None);
        assert_eq!(month("May."), None);
        assert_eq!(month("Mayor"), None);
        assert_eq!(weekday("Monday"), Some(Weekday::Mon));
        assert_eq!(weekday("Sun"), None);
        assert_eq!(weekday("Sun."), Some(Weekday::Sun));
        assert_eq!(day("10th"), Some(10));
        assert_eq!(day("10-12"), Some(10));
        assert_eq!(day("32"), None);
        assert_eq!(day("7.5"), None);
        assert_eq!(year("2022"), Some(2022));
        assert_eq!(count("two"), Some(2));
        assert!(is_date_preposition("In"));
    }
}
