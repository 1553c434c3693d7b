//! Lemmas: a table of training-data exceptions plus suffix rules learned from the training
//! data for unknown words.
//!
//! Rules are keyed by (UPOS, last k characters), k = 1..=5, and rewrite the end of the word
//! ("-ied" VERB -> strip 3, add "y"). They are learned per word type from UD English EWT, so
//! they encode the regular English inflections (verbs -ed/-ing/-s, noun plurals, comparatives)
//! with their spelling changes (doubling, e-restoration) as the data shows them. A word is
//! looked up first in the exception table (every training word whose majority lemma the rules
//! would get wrong); otherwise the longest matching suffix rule applies. Lemmas are lowercase.

use crate::TaggerError;
use sitrep_doc::Upos;

/// Fx-hashed map (rustc's hash) for the string-keyed tables (faster than SipHash, no DoS
/// concern here: keys come from our own model files).
pub type FxMap<K, V> = rustc_hash::FxHashMap<K, V>;

/// Longest suffix a rule is keyed on, in characters.
pub const MAX_SUFFIX: usize = 5;

/// Rewrites the end of a word: drop `strip` characters, append `append`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Rule {
    pub strip: u8,
    pub append: Box<str>,
}

impl Rule {
    fn identity() -> Rule {
        Rule {
            strip: 0,
            append: "".into(),
        }
    }

    /// The rule turning `form` into `lemma` (both lowercase): keep the common prefix.
    pub fn between(form: &str, lemma: &str) -> Rule {
        let common: usize = form
            .chars()
            .zip(lemma.chars())
            .take_while(|(a, b)| a == b)
            .map(|(a, _)| a.len_utf8())
            .sum();
        let strip = form[common..].chars().count().min(255) as u8;
        Rule {
            strip,
            append: lemma[common..].into(),
        }
    }

    /// Applies the rule, or `None` if it would leave fewer than 2 characters.
    pub fn apply(&self, form: &str) -> Option<String> {
        let cut = if self.strip == 0 {
            form.len()
        } else {
            if self.strip as usize + 2 > form.chars().count() {
                return None;
            }
            form.char_indices()
                .rev()
                .nth(self.strip as usize - 1)
                .map_or(form.len(), |(i, _)| i)
        };
        let mut s = String::with_capacity(cut + self.append.len());
        s.push_str(&form[..cut]);
        s.push_str(&self.append);
        Some(s)
    }
}

/// Classes whose unknown words get suffix rules; other classes are closed or uninflected.
fn has_rules(upos: Upos) -> bool {
    matches!(
        upos,
        Upos::Noun | Upos::Verb | Upos::Adj | Upos::Adv | Upos::Propn
    )
}

/// The lemma tables.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lemmatizer {
    exceptions: FxMap<Box<str>, Vec<(Upos, Box<str>)>>,
    /// Indexed by `Upos as usize`: suffix -> rule.
    rules: Vec<FxMap<Box<str>, Rule>>,
}

fn suffix(form: &str, k: usize) -> Option<&str> {
    let mut it = form.char_indices().rev();
    let (i, _) = it.nth(k - 1)?;
    // Require at least one character before the suffix.
    it.next()?;
    Some(&form[i..])
}

impl Lemmatizer {
    /// The lemma of a lowercase form with a given UPOS.
    pub fn lemmatize(&self, lower: &str, upos: Upos) -> String {
        if let Some(entries) = self.exceptions.get(lower) {
            if let Some((_, l)) = entries.iter().find(|(u, _)| *u == upos) {
                return l.to_string();
            }
            // A verb tagged AUX (or the reverse) keeps its lemma ("was" -> "be").
            let sibling = match upos {
                Upos::Verb => Some(Upos::Aux),
                Upos::Aux => Some(Upos::Verb),
                _ => None,
            };
            if let Some((_, l)) = entries.iter().find(|(u, _)| Some(*u) == sibling) {
                return l.to_string();
            }
        }
        self.by_rules(lower, upos)
    }

    /// The lemma by suffix rules alone.
    pub fn by_rules(&self, lower: &str, upos: Upos) -> String {
        if has_rules(upos) {
            if let Some(table) = self.rules.get(upos as usize) {
                for k in (1..=MAX_SUFFIX).rev() {
                    let Some(suf) = suffix(lower, k) else {
                        continue;
                    };
                    if let Some(rule) = table.get(suf) {
                        if let Some(l) = rule.apply(lower) {
                            return if upos == Upos::Verb {
                                respell_verb(lower, l)
                            } else {
                                l
                            };
                        }
                    }
                }
            }
        }
        if upos == Upos::Verb {
            return respell_verb(lower, lower.to_string());
        }
        lower.to_string()
    }

    /// Learns the tables from `(lowercase form, upos, lowercase lemma, token count)` entries.
    pub fn learn(entries: &[(String, Upos, String, u32)]) -> Lemmatizer {
        // Majority lemma per (form, upos).
        let mut by_type: FxMap<(String, Upos), FxMap<String, u32>> = FxMap::default();
        for (form, upos, lemma, n) in entries {
            *by_type
                .entry((form.clone(), *upos))
                .or_default()
                .entry(lemma.clone())
                .or_default() += n;
        }
        let mut types: Vec<((String, Upos), String)> = by_type
            .into_iter()
            .map(|(k, lemmas)| {
                let mut v: Vec<(String, u32)> = lemmas.into_iter().collect();
                v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                (k, v.swap_remove(0).0)
            })
            .collect();
        types.sort_by(|a, b| (&a.0 .0, a.0 .1 as usize).cmp(&(&b.0 .0, b.0 .1 as usize)));
        // Rule counts per (upos, suffix), one vote per word type.
        let mut votes: Vec<FxMap<String, FxMap<Rule, u32>>> =
            vec![FxMap::default(); Upos::ALL.len()];
        for ((form, upos), lemma) in &types {
            if !has_rules(*upos) {
                continue;
            }
            let rule = Rule::between(form, lemma);
            for k in 1..=MAX_SUFFIX {
                let Some(suf) = suffix(form, k) else { break };
                *votes[*upos as usize]
                    .entry(suf.to_string())
                    .or_default()
                    .entry(rule.clone())
                    .or_default() += 1;
            }
        }
        let mut rules: Vec<FxMap<Box<str>, Rule>> = vec![FxMap::default(); Upos::ALL.len()];
        for (u, table) in votes.into_iter().enumerate() {
            let mut best: Vec<(String, Rule)> = table
                .into_iter()
                .filter_map(|(suf, counts)| {
                    let total: u32 = counts.values().sum();
                    let (rule, n) = counts
                        .into_iter()
                        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))?;
                    // Two word types at least, and a clear majority.
                    (total >= 2 && n * 2 > total).then_some((suf, rule))
                })
                .collect();
            // Shorter suffixes first, so pruning compares against the already pruned parent.
            best.sort_by(|a, b| {
                a.0.chars()
                    .count()
                    .cmp(&b.0.chars().count())
                    .then(a.0.cmp(&b.0))
            });
            let out = &mut rules[u];
            for (suf, rule) in best {
                let parent = effective(out, &suf);
                if parent != rule {
                    out.insert(suf.into(), rule);
                }
            }
        }
        let mut lem = Lemmatizer {
            exceptions: FxMap::default(),
            rules,
        };
        for ((form, upos), lemma) in types {
            if lem.by_rules(&form, upos) != lemma {
                lem.exceptions
                    .entry(form.into())
                    .or_default()
                    .push((upos, lemma.into()));
            }
        }
        lem
    }

    pub fn n_exceptions(&self) -> usize {
        self.exceptions.values().map(Vec::len).sum()
    }

    pub fn n_rules(&self) -> usize {
        self.rules.iter().map(|t| t.len()).sum()
    }

    /// The exception table as TSV: `form<TAB>UPOS<TAB>lemma`, sorted.
    pub fn exceptions_tsv(&self) -> String {
        let mut rows: Vec<String> = self
            .exceptions
            .iter()
            .flat_map(|(f, v)| {
                v.iter()
                    .map(move |(u, l)| format!("{f}\t{}\t{l}\n", u.as_str()))
            })
            .collect();
        rows.sort();
        let mut s = String::from("# form\tupos\tlemma (exceptions to the suffix rules; from UD English EWT train, CC BY-SA 4.0)\n");
        rows.iter().for_each(|r| s.push_str(r));
        s
    }

    /// The rule table as TSV: `UPOS<TAB>suffix<TAB>strip<TAB>append`, sorted.
    pub fn rules_tsv(&self) -> String {
        let mut rows: Vec<String> = Vec::new();
        for (u, table) in self.rules.iter().enumerate() {
            for (suf, r) in table {
                rows.push(format!(
                    "{}\t{suf}\t{}\t{}\n",
                    Upos::ALL[u].as_str(),
                    r.strip,
                    r.append
                ));
            }
        }
        rows.sort();
        let mut s = String::from("# upos\tsuffix\tstrip\tappend (suffix rules learned from UD English EWT train, CC BY-SA 4.0)\n");
        rows.iter().for_each(|r| s.push_str(r));
        s
    }

    pub fn from_tsv(exceptions: &str, rules_tsv: &str) -> Result<Lemmatizer, TaggerError> {
        let bad = |what: &'static str, line: usize, l: &str| {
            TaggerError::bad_model(what, format!("line {}: {l:?}", line + 1))
        };
        let mut lem = Lemmatizer {
            exceptions: FxMap::default(),
            rules: vec![FxMap::default(); Upos::ALL.len()],
        };
        for (i, line) in exceptions.lines().enumerate() {
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            let mut f = line.split('\t');
            let (Some(form), Some(upos), Some(lemma), None) =
                (f.next(), f.next(), f.next(), f.next())
            else {
                return Err(bad("lemma exceptions", i, line));
            };
            let upos = Upos::parse(upos).ok_or_else(|| bad("lemma exceptions", i, line))?;
            lem.exceptions
                .entry(form.into())
                .or_default()
                .push((upos, lemma.into()));
        }
        for (i, line) in rules_tsv.lines().enumerate() {
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            let mut f = line.split('\t');
            let (Some(upos), Some(suf), Some(strip), Some(append), None) =
                (f.next(), f.next(), f.next(), f.next(), f.next())
            else {
                return Err(bad("lemma rules", i, line));
            };
            let upos = Upos::parse(upos).ok_or_else(|| bad("lemma rules", i, line))?;
            let strip: u8 = strip.parse().map_err(|_| bad("lemma rules", i, line))?;
            lem.rules[upos as usize].insert(
                suf.into(),
                Rule {
                    strip,
                    append: append.into(),
                },
            );
        }
        Ok(lem)
    }
}

/// One-syllable verbs in "-ell", which keep it after a prefix ("retell", "misspell").
const ONE_SYLLABLE_ELL: &[&str] = &[
    "tell", "sell", "spell", "smell", "swell", "dwell", "quell", "shell", "yell",
];

/// Two spelling changes of English verbs the suffix rules cannot learn from EWT, which has
/// too few word types of them (every form here is unknown to the exception table):
/// - British doubling of a final "l" after an unstressed or second syllable: "expelled",
///   "compelling", "rebelled" -> "expel", "compel", "rebel". The rules strip "-ed"/"-ing" and
///   leave "-ell"; a base with a vowel before that "-ell" has two syllables and drops one "l",
///   a one-syllable base keeps it ("shelled", "quelled", "spelling" -> "shell", "quell",
///   "spell"). Checked on EWT (train, dev, test): every VERB form in "-elled"/"-elling" whose
///   gold lemma the rule decides agrees ("expelling", "propelled", "unravelling", "telling").
/// - "-oed" past forms of verbs in "-o" ("vetoed", "echoed", "torpedoed"), which no rule covers.
///
/// And one the rules learn only where EWT has enough word types of a suffix: the silent "e" of
/// a one-syllable base. A rule that merely strips "-ed"/"-ing" and leaves one syllable ending in
/// consonant + single vowel + consonant ("blam", "fram", "hik") cannot be the base, since such
/// bases double their consonant ("stopped", "planned"): the base ends in "e" ("blame", "frame",
/// "hike"). Checked on EWT (train, dev, test): of the 867 VERB tokens whose stem has this shape,
/// 866 have the "e" lemma (the other is a typo).
fn respell_verb(form: &str, mut lemma: String) -> String {
    if lost_silent_e(form, &lemma) {
        lemma.push('e');
        return lemma;
    }
    // Only a doubled "l" before an ending; base forms ("resell") and the one-syllable "-ell"
    // verbs with a prefix ("resold", "foretelling", "misspelled") keep theirs.
    let doubled = form.ends_with("lled") || form.ends_with("lling");
    if lemma.ends_with("ell") && !doubled || ONE_SYLLABLE_ELL.iter().any(|v| lemma.ends_with(v)) {
        return lemma;
    }
    if let Some(stem) = lemma.strip_suffix("ell") {
        // "qu" is a consonant ("quell"); "y" first is a consonant ("yell").
        let stem = stem.strip_prefix("qu").unwrap_or(stem);
        if stem
            .bytes()
            .enumerate()
            .any(|(i, b)| matches!(b, b'a' | b'e' | b'i' | b'o' | b'u') || (b == b'y' && i > 0))
        {
            lemma.pop();
        }
    } else if lemma.len() >= 5 && lemma.ends_with("oed") {
        lemma.truncate(lemma.len() - 2);
    }
    lemma
}

/// Whether `lemma` is `form` less "-ed"/"-ing" and one syllable of consonant + single vowel +
/// consonant at its end ("blam" of "blamed"); "w", "x" and "y" never double, so they end
/// bases as they are ("vowed", "fixed", "played"). "qu" counts as a consonant ("quoted").
fn lost_silent_e(form: &str, lemma: &str) -> bool {
    let stripped = form.strip_suffix("ed").or_else(|| form.strip_suffix("ing"));
    if stripped != Some(lemma) {
        return false;
    }
    let q: Vec<u8>;
    let stem: &[u8] = match lemma.strip_prefix("qu") {
        Some(rest) => {
            q = [b"q", rest.as_bytes()].concat();
            &q
        }
        None => lemma.as_bytes(),
    };
    let vowel = |b: u8| matches!(b, b'a' | b'e' | b'i' | b'o' | b'u');
    let [.., a, b, c] = stem else {
        return false;
    };
    if !c.is_ascii_lowercase() || vowel(*c) || matches!(c, b'w' | b'x' | b'y') {
        return false;
    }
    if !vowel(*b) || vowel(*a) || !a.is_ascii_lowercase() {
        return false;
    }
    // One vowel group in the whole stem ("y" after a consonant is a vowel).
    let mut groups = 0;
    let mut prev = false;
    for (i, &ch) in stem.iter().enumerate() {
        let is_vowel = vowel(ch) || (ch == b'y' && i > 0 && !prev);
        if is_vowel && !prev {
            groups += 1;
        }
        prev = is_vowel;
    }
    groups == 1
}

/// The rule that applies to `suf` through its longest stored proper suffix (or identity).
fn effective(table: &FxMap<Box<str>, Rule>, suf: &str) -> Rule {
    let mut it = suf.char_indices().skip(1);
    for (i, _) in &mut it {
        if let Some(r) = table.get(&suf[i..]) {
            return r.clone();
        }
    }
    Rule::identity()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(form: &str, upos: Upos, lemma: &str) -> (String, Upos, String, u32) {
        (form.into(), upos, lemma.into(), 1)
    }

    #[test]
    fn rule_between_and_apply() {
        const CASES: &[(&str, &str, u8, &str)] = &[
            ("stopped", "stop", 3, ""),
            ("carried", "carry", 3, "y"),
            ("praised", "praise", 1, ""),
            ("cats", "cat", 1, ""),
            ("cat", "cat", 0, ""),
        ];
        for &(form, lemma, strip, append) in CASES {
            let r = Rule::between(form, lemma);
            assert_eq!((r.strip, &*r.append), (strip, append), "{form} -> {lemma}");
            assert_eq!(r.apply(form).as_deref(), Some(lemma), "{form}");
        }
        assert_eq!(
            Rule {
                strip: 3,
                append: "".into()
            }
            .apply("ab"),
            None
        );
        // Whole-word rewrites are left to the exception table.
        assert_eq!(Rule::between("went", "go").apply("went"), None);
    }

    #[test]
    fn respells_doubled_l_of_two_syllable_bases_and_oed() {
        const CASES: &[(&str, &str)] = &[
            ("expell", "expel"),
            ("compell", "compel"),
            ("rebell", "rebel"),
            ("travell", "travel"),
            ("shell", "shell"),
            ("quell", "quell"),
            ("spell", "spell"),
            ("yell", "yell"),
            ("dwell", "dwell"),
            ("vetoed", "veto"),
            ("echoed", "echo"),
            ("toed", "toed"),
            ("kill", "kill"),
        ];
        for &(lemma, to) in CASES {
            // The forms the rules leave these stems of.
            let form = if lemma.ends_with("ll") {
                format!("{lemma}ed")
            } else {
                lemma.to_string()
            };
            assert_eq!(respell_verb(&form, lemma.to_string()), to, "{form}");
        }
        // Base forms and prefixed one-syllable verbs keep their "-ell".
        for (form, lemma) in [
            ("resell", "resell"),
            ("resells", "resell"),
            ("misspelled", "misspell"),
            ("foretelling", "foretell"),
        ] {
            assert_eq!(respell_verb(form, lemma.to_string()), lemma, "{form}");
        }
    }

    #[test]
    fn restores_the_silent_e_of_one_syllable_bases() {
        const CASES: &[(&str, &str, &str)] = &[
            ("blamed", "blam", "blame"),
            ("framing", "fram", "frame"),
            ("quoted", "quot", "quote"),
            ("shamed", "sham", "shame"),
            // Not one syllable, a digraph, a final w/x/y, or a consonant cluster: as it is.
            ("visited", "visit", "visit"),
            ("claimed", "claim", "claim"),
            ("vowed", "vow", "vow"),
            ("fixed", "fix", "fix"),
            ("formed", "form", "form"),
            ("seemed", "seem", "seem"),
            // The rule already restored or undoubled: left alone.
            ("stopped", "stop", "stop"),
            ("named", "name", "name"),
        ];
        for &(form, by_rule, lemma) in CASES {
            assert_eq!(respell_verb(form, by_rule.to_string()), lemma, "{form}");
        }
    }

    #[test]
    fn learns_rules_that_generalise_and_exceptions() {
        let data = vec![
            e("walked", Upos::Verb, "walk"),
            e("talked", Upos::Verb, "talk"),
            e("jumped", Upos::Verb, "jump"),
            e("praised", Upos::Verb, "praise"),
            e("raised", Upos::Verb, "raise"),
            e("caused", Upos::Verb, "cause"),
            e("carried", Upos::Verb, "carry"),
            e("worried", Upos::Verb, "worry"),
            e("went", Upos::Verb, "go"),
            e("cats", Upos::Noun, "cat"),
            e("dogs", Upos::Noun, "dog"),
            e("hats", Upos::Noun, "hat"),
            e("tables", Upos::Noun, "table"),
            e("ponies", Upos::Noun, "pony"),
            e("cities", Upos::Noun, "city"),
            e("was", Upos::Aux, "be"),
        ];
        let lem = Lemmatizer::learn(&data);
        // "-ked" was seen only as strip "ed" (walked, talked); the silent "e" of a one-syllable
        // base comes back all the same.
        assert_eq!(lem.lemmatize("hiked", Upos::Verb), "hike");
        assert_eq!(lem.lemmatize("appraised", Upos::Verb), "appraise");
        assert_eq!(lem.lemmatize("buried", Upos::Verb), "bury");
        assert_eq!(lem.lemmatize("birds", Upos::Noun), "bird");
        assert_eq!(lem.lemmatize("lilies", Upos::Noun), "lily");
        assert_eq!(lem.lemmatize("went", Upos::Verb), "go");
        assert_eq!(lem.lemmatize("vetoed", Upos::Verb), "veto");
        assert_eq!(
            lem.lemmatize("vetoed", Upos::Adj),
            "vetoed",
            "only verbs respelled"
        );
        assert_eq!(
            lem.lemmatize("was", Upos::Verb),
            "be",
            "AUX exception reached from VERB"
        );
        assert_eq!(
            lem.lemmatize("quickly", Upos::Det),
            "quickly",
            "closed classes are identity"
        );
        // TSV round trip keeps behaviour.
        let back = Lemmatizer::from_tsv(&lem.exceptions_tsv(), &lem.rules_tsv()).unwrap();
        assert_eq!(back, lem);
        assert!(Lemmatizer::from_tsv("a\tNOPE\tb\n", "").is_err());
    }
}
