//! Loading the embedded TSV lexicons.

use crate::GkgError;

/// A word-keyed map with the fast hasher.
/// The Fx hash (rustc's) is much faster than SipHash on the short words looked up for every
/// token; the keys are our own lexicon, so hash flooding is not a concern.
pub type WordMap<V> = rustc_hash::FxHashMap<String, V>;

pub const THEMES_TSV: &str = include_str!("../data/themes.tsv");
pub const VADER_TSV: &str = include_str!("../data/vader_lexicon.txt");

/// A multi-word phrase and the theme codes it signals.
#[derive(Debug, Clone)]
pub struct ThemePhrase {
    pub words: Vec<String>,
    pub themes: Vec<String>,
}

/// Phrases by first word, longest first.
pub type ThemeIndex = WordMap<Vec<ThemePhrase>>;

/// What the lexicons say about one word: its VADER valence and the theme phrases it starts.
#[derive(Debug, Clone, Default)]
pub struct WordEntry {
    pub valence: Option<f32>,
    pub phrases: Vec<ThemePhrase>,
}

/// Both lexicons in one map, so that a word of the text costs one lookup for tone and themes.
pub fn merge(themes: ThemeIndex, vader: WordMap<f32>) -> WordMap<WordEntry> {
    let mut words: WordMap<WordEntry> = WordMap::default();
    for (word, phrases) in themes {
        words.entry(word).or_default().phrases = phrases;
    }
    for (word, valence) in vader {
        words.entry(word).or_default().valence = Some(valence);
    }
    words
}

fn lines(tsv: &str) -> impl Iterator<Item = (usize, &str)> {
    tsv.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end()))
        .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
}

pub fn parse_themes(tsv: &str) -> Result<ThemeIndex, GkgError> {
    let mut index = ThemeIndex::default();
    for (n, line) in lines(tsv) {
        let bad = |why: &str| GkgError::Lexicon {
            name: "themes.tsv",
            line: n,
            message: why.to_string(),
        };
        let (phrase, codes) = line
            .split_once('\t')
            .ok_or_else(|| bad("expected phrase<TAB>codes"))?;
        let words: Vec<String> = phrase.split_whitespace().map(str::to_string).collect();
        if words.is_empty() || phrase != phrase.to_lowercase() {
            return Err(bad("phrase must be non-empty lowercase words"));
        }
        let themes: Vec<String> = codes.split(',').map(|c| c.trim().to_string()).collect();
        if themes.iter().any(|t| {
            t.is_empty()
                || !t
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
        }) {
            return Err(bad("theme codes are A-Z, 0-9 and _"));
        }
        index
            .entry(words[0].clone())
            .or_default()
            .push(ThemePhrase { words, themes });
    }
    for list in index.values_mut() {
        list.sort_by_key(|p| std::cmp::Reverse(p.words.len()));
    }
    Ok(index)
}

pub fn parse_vader(tsv: &str) -> Result<WordMap<f32>, GkgError> {
    let mut map = WordMap::default();
    for (n, line) in lines(tsv) {
        let bad = |why: &str| GkgError::Lexicon {
            name: "vader_lexicon.txt",
            line: n,
            message: why.to_string(),
        };
        let (word, v) = line
            .split_once('\t')
            .ok_or_else(|| bad("expected word<TAB>valence"))?;
        let v: f32 = v.parse().map_err(|_| bad("valence is not a number"))?;
        map.entry(word.to_string()).or_insert(v);
    }
    Ok(map)
}
