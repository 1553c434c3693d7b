//! Fuzzy matching of a typed name ("Riabkov", "sergey ryabkov") against entity keys and
//! names, for "quotes by speaker".
//!
//! The names layer already folds transliteration variants into one key; this covers what a
//! user types: case, accents, word order, a first name left out, one or two letters off.

/// The words of a typed name or key, folded exactly as the names layer folds entity keys
/// ([`sitrep_text::translit_key`]: case, Latin accents, y/i, -ej/-ei, -ow/-ov, kh/h ...), so
/// "Sergej Rjabkow" typed by a user meets "Sergei Ryabkov" stored. Anything not alphanumeric
/// (including the `:` and `_` of keys) is a word break.
pub fn normalize(s: &str) -> Vec<String> {
    let spaced: String = s
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    sitrep_text::translit_key(&spaced)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
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
        assert_eq!(normalize("Sergej Rjabkow"), ["sergei", "riabkov"]);
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
