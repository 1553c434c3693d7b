//! The words dates are made of: month and weekday names, number words, and the words that
//! make a bare month or year a date ("in March", "since 2014").

use chrono::Weekday;

/// Month number (1-12) of a month name or abbreviation, written with a capital
/// ("January", "Jan", "Jan.", "Sept."). Lower-case "march" and "may" are verbs.
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

/// A weekday name written with a capital ("Monday", "Tues.", "Fri").
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
    const WORDS: [&str; 12] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve",
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

/// Words before a bare month or year that make it a date ("in March", "since 2014",
/// "early 2019"). Without one, "March" may be a name and "2019" a count.
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

/// Words in a sentence that put a bare weekday in the future ("will meet on Monday").
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

/// Words in a sentence that put it in the past ("said", "was", "rose", "-ed" forms).
pub fn is_past_marker(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "was", "were", "had", "did", "said", "told", "ago", "rose", "fell", "grew", "began",
        "took", "met", "came", "went", "made", "saw", "won", "lost", "left", "held", "spoke",
        "wrote", "last", "gave", "became", "brought", "sold", "bought", "paid", "led", "hit",
        "cut", "set", "put",
    ];
    let b = word.as_bytes();
    (b.len() >= 5 && b[0].is_ascii_lowercase() && word.ends_with("ed"))
        || WORDS.iter().any(|w| word.eq_ignore_ascii_case(w))
}

#[cfg(test)]
mod tests {
    use super::*;

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
