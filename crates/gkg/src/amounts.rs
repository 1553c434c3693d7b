//! Amounts: a number and the thing it counts ("7.5 hours", "25,000 tons", "three people",
//! "$1.13bn"), as GDELT's V2.1Amounts. Percentages, years and calendar days are not amounts.

use crate::words::{Word, WordKind};
use sitrep_doc::Upos;

/// An amount found in the word list: words `[first, last]`, its value and object.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub first: usize,
    pub last: usize,
    pub value: f64,
    pub object: String,
}

const UNITS: &[(&str, f64)] = &[
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
];
const SUFFIXES: &[(&str, f64)] = &[
    ("k", 1e3),
    ("m", 1e6),
    ("mn", 1e6),
    ("mln", 1e6),
    ("bn", 1e9),
    ("b", 1e9),
    ("tn", 1e12),
    ("trn", 1e12),
];
const CURRENCIES: &[(&str, &str)] = &[
    ("$", "dollars"),
    ("€", "euros"),
    ("£", "pounds"),
    ("¥", "yen"),
    ("₹", "rupees"),
];
/// The tables [`small_index`] and [`tens_index`] are checked against.
#[cfg(test)]
const SMALL: &[&str] = &[
    "zero",
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
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
#[cfg(test)]
const TENS: &[&str] = &[
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];
const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];
/// Words that never begin an amount's object.
const NOT_OBJECT: &[&str] = &[
    "a",
    "an",
    "the",
    "and",
    "or",
    "but",
    "to",
    "in",
    "on",
    "at",
    "for",
    "by",
    "with",
    "from",
    "as",
    "than",
    "that",
    "this",
    "these",
    "those",
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "should",
    "can",
    "may",
    "might",
    "must",
    "said",
    "says",
    "say",
    "percent",
    "per",
    "pct",
    "of",
    "after",
    "before",
    "since",
    "until",
    "when",
    "while",
    "who",
    "which",
    "where",
    "also",
    "not",
    "no",
    "it",
    "its",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "our",
    "more",
    "less",
    "about",
    "into",
    "over",
    "under",
    "up",
    "down",
    "out",
    "if",
    "so",
    "all",
    "am",
    "pm",
    "a.m",
    "p.m",
    "times",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "dead",
    "missing",
    "homeless",
    "alive",
    "each",
    "apiece",
    "ago",
    "died",
    "fled",
    "met",
    "left",
    "went",
    "came",
    "took",
    "made",
    "won",
    "lost",
    "got",
    "told",
    "became",
    "began",
    "saw",
    "fell",
    "rose",
    "did",
    "do",
    "does",
    "now",
    "then",
    "there",
    "here",
    "worth",
];

/// States that stand for the people in them when nothing else follows a number.
const CASUALTY: &[&str] = &[
    "dead",
    "wounded",
    "injured",
    "missing",
    "homeless",
    "killed",
    "displaced",
    "arrested",
    "detained",
];

/// Without a tagger, "-ed"/"-ing" words are taken for verbs ("60 people attended", "three
/// top executives including"): they end an object.
fn verbish(w: &str) -> bool {
    (w.len() > 4 && w.ends_with("ed")) || (w.len() > 5 && w.ends_with("ing"))
}

/// Index of `w` in [`SMALL`] ("zero" = 0 ... "nineteen" = 19): a `match` compiles to a
/// length switch, cheaper than a linear scan for the many words that are no number.
fn small_index(w: &str) -> Option<usize> {
    Some(match w {
        "zero" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        _ => return None,
    })
}

/// Index of `w` in [`TENS`] ("twenty" = 0 ... "ninety" = 7).
fn tens_index(w: &str) -> Option<usize> {
    Some(match w {
        "twenty" => 0,
        "thirty" => 1,
        "forty" => 2,
        "fifty" => 3,
        "sixty" => 4,
        "seventy" => 5,
        "eighty" => 6,
        "ninety" => 7,
        _ => return None,
    })
}

fn small_number(w: &str) -> Option<f64> {
    // Every number word (and "dozen") starts with one of these letter pairs: most words of
    // a text are rejected here, before the tables are compared.
    if !w.as_bytes().get(..2).is_some_and(|p| {
        matches!(
            p,
            b"ze"
                | b"on"
                | b"tw"
                | b"th"
                | b"fo"
                | b"fi"
                | b"si"
                | b"se"
                | b"ei"
                | b"ni"
                | b"te"
                | b"el"
                | b"do"
        )
    }) {
        return None;
    }
    if let Some(i) = small_index(w) {
        return Some(i as f64);
    }
    if let Some(i) = tens_index(w) {
        return Some(20.0 + 10.0 * i as f64);
    }
    if w == "dozen" {
        return Some(12.0);
    }
    let (t, u) = w.split_once('-')?;
    let tens = 20 + 10 * tens_index(t)?;
    let unit = small_index(u).filter(|&i| (1..10).contains(&i))?;
    Some((tens + unit) as f64)
}

/// "25,000" -> 25000, "1.13bn" -> 1.13e9; None for "10th", "3D", "G7".
fn numeral(w: &str) -> Option<(f64, bool)> {
    let split = w.find(|c: char| c.is_alphabetic()).unwrap_or(w.len());
    let (digits, suffix) = w.split_at(split);
    let clean: String = digits.chars().filter(|&c| c != ',').collect();
    // A comma not in thousands position ("1,5") is not a number we understand.
    if digits.contains(',')
        && !digits
            .split('.')
            .next()
            .unwrap_or("")
            .split(',')
            .skip(1)
            .all(|g| g.len() == 3)
    {
        return None;
    }
    let v: f64 = clean.parse().ok()?;
    let scale = if suffix.is_empty() {
        1.0
    } else {
        SUFFIXES.iter().find(|(s, _)| *s == suffix)?.1
    };
    Some((v * scale, digits.contains(',') || !suffix.is_empty()))
}

fn is_objectish(w: &Word) -> bool {
    if w.kind != WordKind::Alpha || NOT_OBJECT.contains(&&*w.lower) || MONTHS.contains(&&*w.lower) {
        return false;
    }
    match w.pos {
        Some(p) => matches!(p, Upos::Noun | Upos::Propn | Upos::Adj),
        None => !verbish(&w.lower) && !w.lower.ends_with("'s"),
    }
}

/// Finds every amount in the words, left to right, without overlaps.
pub fn find(words: &[Word]) -> Vec<Found> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        match amount_at(words, i) {
            Some(f) => {
                i = f.last + 1;
                out.push(f);
            }
            None => i += 1,
        }
    }
    out
}

fn amount_at(words: &[Word], i: usize) -> Option<Found> {
    let w = &words[i];
    // Currency signs are one-character punctuation words: skip the table for other words.
    let currency = (w.kind == WordKind::Punct)
        .then(|| CURRENCIES.iter().find(|(s, _)| *s == w.lower))
        .flatten()
        .map(|(_, name)| *name);
    let first = i;
    let mut k = if currency.is_some() { i + 1 } else { i };
    let nw = words.get(k)?;
    let (mut value, explicit) = match nw.kind {
        WordKind::Num => numeral(&nw.lower)?,
        WordKind::Alpha => (small_number(&nw.lower)?, false),
        _ => return None,
    };
    let word_number = nw.kind == WordKind::Alpha;
    if nw.kind == WordKind::Num && nw.pos.is_some_and(|p| p != Upos::Num) && nw.pos != Some(Upos::X)
    {
        // The tagger says this is no cardinal (an ordinal, a code): trust it.
        if !explicit {
            return None;
        }
    }
    // Calendar days ("January 10") and names with numbers ("Channel 4 show", "Formula 1"):
    // a small plain numeral right after a capitalized word that does not start a sentence.
    if let Some(p) = i.checked_sub(1).map(|p| &words[p]) {
        if MONTHS.contains(&&*p.lower) {
            return None;
        }
        let mid_sentence = i >= 2 && words[i - 2].is_word();
        let name_like =
            p.kind == WordKind::Alpha && p.capital && mid_sentence && p.pos != Some(Upos::Det);
        if name_like && currency.is_none() && !explicit && !word_number && value < 100.0 {
            return None;
        }
    }
    k += 1;
    while let Some(u) = words
        .get(k)
        .and_then(|n| UNITS.iter().find(|(s, _)| *s == n.lower))
    {
        value *= u.1;
        k += 1;
    }
    let next = words.get(k);
    if let Some(n) = next {
        if n.lower == "%" || n.lower == "percent" || n.lower == "pct" || MONTHS.contains(&&*n.lower)
        {
            return None;
        }
        if n.lower == "per" && words.get(k + 1).is_some_and(|c| c.lower == "cent") {
            return None;
        }
    }
    let is_year = !explicit
        && currency.is_none()
        && value.fract() == 0.0
        && (1800.0..=2100.0).contains(&value);
    // Object: up to three noun-phrase words, optionally "X of Y".
    let mut obj_end = k;
    // "two armed men", "300 displaced people": a participle before a noun is an adjective.
    let lead = words
        .get(k)
        .filter(|w| w.pos.is_none() && w.kind == WordKind::Alpha && verbish(&w.lower));
    if lead.is_some() && words.get(k + 1).is_some_and(is_objectish) {
        obj_end = k + 1;
    }
    while obj_end < words.len() && obj_end < k + 3 && is_objectish(&words[obj_end]) {
        obj_end += 1;
        if words[obj_end - 1].pos == Some(Upos::Noun)
            && words
                .get(obj_end)
                .is_some_and(|n| n.pos.is_some() && n.pos != Some(Upos::Noun))
        {
            break;
        }
    }
    // "25 wounded", "40 dead": a casualty word alone is the object (and the count's cue).
    if obj_end == k && words.get(k).is_some_and(|w| CASUALTY.contains(&&*w.lower)) {
        obj_end = k + 1;
    }
    if obj_end > k
        && words.get(obj_end).is_some_and(|n| n.lower == "of")
        && words.get(obj_end + 1).is_some_and(is_objectish)
    {
        obj_end += 2;
    }
    let object: String = if let Some(cur) = currency {
        cur.to_string()
    } else if obj_end > k {
        words[k..obj_end]
            .iter()
            .map(|w| &*w.lower)
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        return None;
    };
    if is_year || (word_number && value == 1.0 && currency.is_none() && words[k].lower == "another")
    {
        return None;
    }
    let last = if currency.is_some() {
        k - 1
    } else {
        obj_end - 1
    };
    Some(Found {
        first,
        last,
        value,
        object,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::scan;

    #[test]
    fn number_words_match_their_tables() {
        for (i, w) in SMALL.iter().enumerate() {
            assert_eq!(small_index(w), Some(i), "{w}");
        }
        for (i, w) in TENS.iter().enumerate() {
            assert_eq!(tens_index(w), Some(i), "{w}");
        }
        for (i, w) in SMALL.iter().enumerate() {
            assert_eq!(small_number(w), Some(i as f64), "{w}");
        }
        for (i, t) in TENS.iter().enumerate() {
            assert_eq!(small_number(t), Some(20.0 + 10.0 * i as f64), "{t}");
            for (u, w) in SMALL.iter().enumerate().take(10).skip(1) {
                let v = 20 + 10 * i + u;
                assert_eq!(small_number(&format!("{t}-{w}")), Some(v as f64), "{t}-{w}");
            }
        }
        assert_eq!(small_number("dozen"), Some(12.0));
        for w in ["", "zeros", "Twenty", "hundred", "dozen"] {
            assert_eq!(small_index(w).or(tens_index(w)), None, "{w}");
        }
    }
    use sitrep_doc::{Document, Meta};

    #[test]
    fn amounts_table() {
        const CASES: &[(&str, &[(f64, &str)])] = &[
            ("The talks lasted 7.5 hours.", &[(7.5, "hours")]),
            (
                "It shipped 25,000 tons of grain.",
                &[(25000.0, "tons of grain")],
            ),
            ("Three people were killed.", &[(3.0, "people")]),
            ("a $1.13bn loan", &[(1.13e9, "dollars")]),
            ("€2 million in aid", &[(2e6, "euros")]),
            ("two million voters", &[(2e6, "voters")]),
            ("twenty-five soldiers", &[(25.0, "soldiers")]),
            ("Prices rose 5% and 3 percent.", &[]),
            ("On 10 January 2022 they met.", &[]),
            ("In 2022 talks resumed.", &[]),
            ("one of the envoys", &[]),
            ("3,5 units", &[]),
            ("About 60 people attended the rally.", &[(60.0, "people")]),
            ("He watched the Channel 4 show.", &[]),
            (
                "Two armed men and 25,000 people dead.",
                &[(2.0, "armed men"), (25000.0, "people")],
            ),
            (
                "Four people died and 40 dead.",
                &[(4.0, "people"), (40.0, "dead")],
            ),
        ];
        for (text, want) in CASES {
            let doc = Document::new(Meta::default(), text.to_string()).unwrap();
            let got: Vec<(f64, String)> = find(&scan(&doc))
                .into_iter()
                .map(|f| (f.value, f.object))
                .collect();
            let want: Vec<(f64, String)> = want.iter().map(|(v, o)| (*v, o.to_string())).collect();
            assert_eq!(got, want, "case {text:?}");
        }
    }
}
