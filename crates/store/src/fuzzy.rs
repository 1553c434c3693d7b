//! Fuzzy matching of a typed name ("Riabkov", "sergey ryabkov") against entity keys and
//! names, for "quotes by speaker".
//!
//! The names layer already folds transliteration variants into one key; this covers what a
//! user types: case, accents, word order, a first name left out, one or two letters off.

/// Lowercase, Latin accents folded, anything not alphanumeric a word break.
pub fn normalize(s: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut cur = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        let folded = fold(c);
        if folded.chars().all(char::is_alphanumeric) && !folded.is_empty() {
            cur.push_str(folded);
        } else if c.is_alphanumeric() {
            cur.push(c);
        } else if !cur.is_empty() {
            words.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        words.push(cur);
    }
    words.iter().map(|w| fold_translit(w)).collect()
}

/// The common variants of Russian, Ukrainian and Arabic names in Latin script, folded the
/// way the names layer folds entity keys (y/i, -ej/-ei, -ow/-ov, kh/h, x/ks, ph/f, ii/i),
/// so "Sergej Rjabkow" typed by a user meets "Sergei Ryabkov" stored.
fn fold_translit(w: &str) -> String {
    let mut s = w
        .replace("kh", "h")
        .replace('x', "ks")
        .replace("ph", "f")
        .replace("ck", "k");
    if s.ends_with("ej") || s.ends_with("oj") {
        s.pop();
        s.push('i');
    }
    if s.ends_with('w') && s.len() > 3 {
        s.pop();
        s.push('v');
    }
    let mut out = String::with_capacity(s.len());
    for c in s.replace('y', "i").chars() {
        if !(c == 'i' && out.ends_with('i')) {
            out.push(c);
        }
    }
    out
}

/// Common Latin letters with diacritics to their base letters (lowercase input).
fn fold(c: char) -> &'static str {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' | 'ĉ' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ğ' | 'ģ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
        'ķ' => "k",
        'ł' | 'ľ' | 'ļ' | 'ĺ' => "l",
        'ñ' | 'ń' | 'ň' | 'ņ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'œ' => "oe",
        'ř' | 'ŕ' => "r",
        'ś' | 'š' | 'ş' | 'ș' => "s",
        'ß' => "ss",
        'ť' | 'ţ' | 'ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => "",
    }
}

/// Levenshtein distance over chars (short words only, so the O(nm) table is tiny).
fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

fn word_similarity(q: &str, c: &str) -> f64 {
    if q == c {
        return 1.0;
    }
    let (lq, lc) = (q.chars().count(), c.chars().count());
    // An initial ("s") or a typed prefix of at least 3 letters ("ryab") counts as the word.
    if (lq == 1 || lq >= 3) && c.starts_with(q) {
        return 0.95;
    }
    let longest = lq.max(lc);
    if longest < 4 {
        return 0.0; // short words must match exactly: "al" is not "ali"
    }
    1.0 - levenshtein(q, c) as f64 / longest as f64
}

/// Similarity in [0, 1] of a query (normalized words) to a candidate (normalized words):
/// every query word is matched to its best candidate word and the mean is taken, so "Ryabkov"
/// matches "sergei ryabkov" fully and "Sergey Riabkov" nearly.
pub fn similarity(query: &[String], candidate: &[String]) -> f64 {
    if query.is_empty() || candidate.is_empty() {
        return 0.0;
    }
    let total: f64 = query
        .iter()
        .map(|q| {
            candidate
                .iter()
                .map(|c| word_similarity(q, c))
                .fold(0.0, f64::max)
        })
        .sum();
    total / query.len() as f64
}

/// The score from which a candidate is taken as the speaker the user meant.
pub const THRESHOLD: f64 = 0.8;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_case_accents_and_punctuation() {
        assert_eq!(
            normalize("  Jean-Yves LE DRIAN "),
            ["jean", "ives", "le", "drian"]
        );
        assert_eq!(normalize("Sergeï Riabkov"), ["sergei", "riabkov"]);
        assert_eq!(normalize("Sergej Rjabkow"), ["sergei", "rjabkov"]);
        assert_eq!(normalize("Dmitriy Peskov"), ["dmitri", "peskov"]);
        assert_eq!(normalize("Mikhail Khodorkovsky"), ["mihail", "hodorkovski"]);
        assert_eq!(
            normalize("person:sergei_ryabkov"),
            ["person", "sergei", "riabkov"]
        );
        assert_eq!(normalize("Ерdoğan"), ["ерdogan"]);
    }

    #[test]
    fn similarity_cases() {
        // (query, candidate, should match)
        const CASES: &[(&str, &str, bool)] = &[
            ("Ryabkov", "Sergei Ryabkov", true),
            ("sergey riabkov", "sergei ryabkov", true),
            ("Riabkov", "sergei ryabkov", true),
            ("S. Ryabkov", "Sergei Ryabkov", true),
            ("Sherman", "Wendy Sherman", true),
            ("Ryab", "Sergei Ryabkov", true),
            ("Lavrov", "Sergei Ryabkov", false),
            ("Blinken", "Antony Blinken", true),
            ("Biden", "Joe Biden", true),
            ("Bush", "Joe Biden", false),
            ("al", "Ali Khamenei", false),
            ("", "Joe Biden", false),
        ];
        for &(q, c, want) in CASES {
            let s = similarity(&normalize(q), &normalize(c));
            assert_eq!(s >= THRESHOLD, want, "{q:?} vs {c:?}: score {s}");
        }
    }

    #[test]
    fn levenshtein_basics() {
        assert_eq!(levenshtein("ryabkov", "riabkov"), 1);
        assert_eq!(levenshtein("", "abc"), 3);
        assert_eq!(levenshtein("kitten", "sitting"), 3);
    }
}
