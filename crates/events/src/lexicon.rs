//! The reviewed pattern data (`data/*.tsv`), parsed once into lookup maps keyed by lemma.

use crate::codes::{CodeId, CodeTable};
use crate::EventsError;

/// A hash map with the Fx hash (rustc's): the maps below are looked up for every verb and
/// noun of every article, with short keys from our own data (no hash flooding), where SipHash
/// is slow.
type FxMap<K, V> = rustc_hash::FxHashMap<K, V>;

const VERBS_TSV: &str = include_str!("../data/verbs.tsv");
const NOUNS_TSV: &str = include_str!("../data/nouns.tsv");
const COMPLEMENTS_TSV: &str = include_str!("../data/complements.tsv");
const SPEECH_TSV: &str = include_str!("../data/speech.tsv");

/// A word as [`Lexicon::may_hold_trigger`] sees it: lemma, text as written, UPOS.
#[derive(Debug, Clone, Copy)]
pub struct TriggerWord<'w> {
    pub lemma: &'w str,
    pub text: &'w str,
    pub pos: sitrep_doc::Upos,
}

impl<'w> TriggerWord<'w> {
    /// The words of `tokens` (tokens of `doc`) as the trigger test reads them.
    pub fn of_tokens(
        doc: &'w sitrep_doc::Document,
        tokens: &'w [sitrep_doc::Token],
    ) -> Vec<TriggerWord<'w>> {
        tokens
            .iter()
            .map(|t| TriggerWord {
                lemma: t.lemma.as_str(),
                text: doc.slice(t.span),
                pos: t.pos,
            })
            .collect()
    }
}

/// A run of lemmas that must stand on consecutive tokens ("tear gas", "state of emergency").
pub type Seq = Vec<Box<str>>;

/// One position of a pattern: any of its alternatives.
#[derive(Debug, Clone)]
pub struct Slot {
    pub alts: Vec<Seq>,
    /// `>word`: at most [`NEAR_GAP`] tokens after the previous word (the noun of a
    /// dictionary "(PREP NOUN)" group stays in its prepositional phrase).
    pub near: bool,
}

/// How far a `>` word may lie from the word before it.
pub const NEAR_GAP: usize = 3;

/// Where a pattern comes from: sitrep's reviewed table or the compiled CAMEO dictionary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// `data/verbs.tsv`, 1-based line.
    Sitrep(usize),
    /// `CAMEO.2.0.txt:LINE` (compiled by sitrep-lexicon).
    Dictionary(&'static str),
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Origin::Sitrep(line) => write!(f, "sitrep verbs.tsv:{line}"),
            Origin::Dictionary(r) => write!(f, "dictionary {r}"),
        }
    }
}

/// Where a pattern's target is found.
#[derive(Debug, Clone, Default)]
pub struct TargetRule {
    /// The direct object (or, in the passive, the grammatical subject).
    pub obj: bool,
    /// The noun phrase after one of these prepositions.
    pub preps: Vec<Box<str>>,
    /// `[!...]`: no event without a named target ("recognized Kosovo", not "recognized that").
    pub required: bool,
    /// `[~]` (dictionary patterns without a target marker): the object, else the first named
    /// phrase after any preposition in the clause, as PETRARCH takes the first actor in the
    /// verb phrase.
    pub loose: bool,
}

impl TargetRule {
    /// Whether the pattern takes a target at all (an object, a preposition's phrase, or the
    /// loose dictionary reading).
    pub fn names_a_target(&self) -> bool {
        self.obj || self.loose || !self.preps.is_empty()
    }
}

#[derive(Debug, Clone)]
pub struct VerbPattern {
    pub code: CodeId,
    pub verb: Box<str>,
    /// Particle lemmas right after the verb ("out" in "carry_out").
    pub particle: Seq,
    /// Shared by the verbs of one row (a dictionary block lists up to a dozen verbs).
    pub slots: std::sync::Arc<[Slot]>,
    pub target: TargetRule,
    /// 1-based line in verbs.tsv (0 for dictionary patterns), for messages and ranking.
    pub line: usize,
    pub origin: Origin,
    /// A dictionary null pattern (`---`): the verb with these words codes no event.
    pub null: bool,
    pub example: String,
    pub expect: String,
}

#[derive(Debug, Clone)]
pub struct NounPattern {
    pub code: CodeId,
    pub line: usize,
    pub example: String,
    pub expect: String,
}

/// How a complement-taking word turns the act in its complement into the event coded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Class {
    Intent,
    Agree,
    Want,
    Threat,
    Refuse,
    Fail,
    Demand,
    Appeal,
    Accuse,
    Deny,
    NoIntent,
    Consider,
    Try,
    Decide,
    Say,
}

impl Class {
    fn parse(s: &str) -> Option<Class> {
        Some(match s {
            "INTENT" => Class::Intent,
            "AGREE" => Class::Agree,
            "WANT" => Class::Want,
            "THREAT" => Class::Threat,
            "REFUSE" => Class::Refuse,
            "FAIL" => Class::Fail,
            "DEMAND" => Class::Demand,
            "APPEAL" => Class::Appeal,
            "ACCUSE" => Class::Accuse,
            "DENY" => Class::Deny,
            "NOINTENT" => Class::NoIntent,
            "CONSIDER" => Class::Consider,
            "TRY" => Class::Try,
            "DECIDE" => Class::Decide,
            "SAY" => Class::Say,
            _ => return None,
        })
    }
}

/// Everything the coder looks up, built once.
#[derive(Debug, Clone)]
pub struct Lexicon {
    pub codes: CodeTable,
    pub verbs: Vec<VerbPattern>,
    /// Verb lemma -> pattern indices: sitrep's first (longest first, then file order), then
    /// the dictionary's (longest first, then dictionary order).
    by_verb: FxMap<Box<str>, Vec<u32>>,
    pub nouns: Vec<NounPattern>,
    by_noun: FxMap<Box<str>, u32>,
    classes: FxMap<Box<str>, Vec<Class>>,
    /// Nouns of "have no plans/intention to".
    no_intent: FxMap<Box<str>, ()>,
    speech: FxMap<Box<str>, CodeId>,
}

fn data_err(file: &'static str, line: usize, message: impl Into<String>) -> EventsError {
    EventsError::Data {
        file,
        line,
        message: message.into(),
    }
}

fn seq(s: &str) -> Seq {
    s.split('_')
        .filter(|w| !w.is_empty())
        .map(Box::from)
        .collect()
}

fn content_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l))
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
}

type Heads = Vec<(Box<str>, Seq)>;

/// One pattern of the pattern language (`verb|verb_particle words... [target]`): its verbs
/// with their particles, its word slots and its target rule.
fn parse_pattern(
    pattern: &str,
    file: &'static str,
    line: usize,
) -> Result<(Heads, std::sync::Arc<[Slot]>, TargetRule), EventsError> {
    let mut items = pattern.split_whitespace();
    let head = items
        .next()
        .ok_or_else(|| data_err(file, line, "empty pattern"))?;
    let mut slots = Vec::new();
    let mut target = TargetRule::default();
    let mut bracket = false;
    for item in items {
        if let Some(inner) = item.strip_prefix('[') {
            let inner = inner
                .strip_suffix(']')
                .ok_or_else(|| data_err(file, line, "unclosed [ ]"))?;
            let inner = match inner.strip_prefix('!') {
                Some(rest) => {
                    target.required = true;
                    rest
                }
                None => inner,
            };
            for p in inner.split('|') {
                match p {
                    "obj" => target.obj = true,
                    "~" => target.loose = true,
                    "" => {}
                    p => target.preps.push(p.into()),
                }
            }
            bracket = true;
        } else if bracket {
            return Err(data_err(file, line, "words after the [target]"));
        } else {
            let (near, item) = match item.strip_prefix('>') {
                Some(rest) => (true, rest),
                None => (false, item),
            };
            let alts: Vec<Seq> = item.split('|').map(seq).filter(|s| !s.is_empty()).collect();
            if alts.is_empty() {
                return Err(data_err(file, line, "empty word slot"));
            }
            slots.push(Slot { alts, near });
        }
    }
    if !bracket && slots.is_empty() {
        target.obj = true;
    }
    let mut heads = Vec::new();
    for alt in head.split('|') {
        let mut words = seq(alt);
        if words.is_empty() {
            return Err(data_err(file, line, "empty verb"));
        }
        let verb = words.remove(0);
        heads.push((verb, words));
    }
    Ok((heads, slots.into(), target))
}

impl Lexicon {
    pub fn embedded() -> Result<Lexicon, EventsError> {
        Lexicon::parse(
            CodeTable::embedded()?,
            VERBS_TSV,
            NOUNS_TSV,
            COMPLEMENTS_TSV,
            SPEECH_TSV,
            sitrep_lexicon::Lexicon::get().verb_rows(),
        )
    }

    /// The embedded lexicon, parsed once per process and shared: the events stage and the
    /// parser's `sentences = "cued"` filter read the same tables, and parsing them takes
    /// longer than tagging a hundred articles.
    pub fn shared() -> Result<std::sync::Arc<Lexicon>, EventsError> {
        type Parsed = Result<std::sync::Arc<Lexicon>, (&'static str, usize, String)>;
        static SHARED: std::sync::OnceLock<Parsed> = std::sync::OnceLock::new();
        SHARED
            .get_or_init(|| {
                Lexicon::embedded().map(std::sync::Arc::new).map_err(
                    |EventsError::Data {
                         file,
                         line,
                         message,
                     }| (file, line, message),
                )
            })
            .clone()
            .map_err(|(file, line, message)| EventsError::Data {
                file,
                line,
                message,
            })
    }

    /// sitrep's own tables only (unit tests of the reviewed patterns).
    #[cfg(test)]
    pub fn embedded_sitrep_only() -> Result<Lexicon, EventsError> {
        Lexicon::parse(
            CodeTable::embedded()?,
            VERBS_TSV,
            NOUNS_TSV,
            COMPLEMENTS_TSV,
            SPEECH_TSV,
            &[],
        )
    }

    pub fn parse(
        codes: CodeTable,
        verbs_tsv: &str,
        nouns_tsv: &str,
        complements_tsv: &str,
        speech_tsv: &str,
        dictionary: &[sitrep_lexicon::VerbRow],
    ) -> Result<Lexicon, EventsError> {
        let mut verbs = Vec::new();
        for (line, text) in content_lines(verbs_tsv) {
            let cols: Vec<&str> = text.split('\t').collect();
            if cols.len() != 4 {
                return Err(data_err(
                    "verbs.tsv",
                    line,
                    "expected 4 tab-separated columns",
                ));
            }
            let code = codes.get(cols[0].trim()).ok_or_else(|| {
                data_err(
                    "verbs.tsv",
                    line,
                    format!("unknown CAMEO code {:?}", cols[0]),
                )
            })?;
            let (heads, slots, target) = parse_pattern(cols[1], "verbs.tsv", line)?;
            for (verb, particle) in heads {
                verbs.push(VerbPattern {
                    code,
                    verb,
                    particle,
                    slots: slots.clone(),
                    target: target.clone(),
                    line,
                    origin: Origin::Sitrep(line),
                    null: false,
                    example: cols[2].to_string(),
                    expect: cols[3].to_string(),
                });
            }
        }
        let sitrep_count = verbs.len();
        // The compiled CAMEO dictionary, in the same pattern language. A row whose code the
        // table lacks is skipped (the generator already drops codes outside CAMEO).
        let null_code = codes.get("010");
        for row in dictionary {
            let null = row.code == "---";
            let Some(code) = (if null { null_code } else { codes.get(row.code) }) else {
                continue;
            };
            let (heads, slots, target) = parse_pattern(row.pattern, "lexicon verbs.tsv", 0)?;
            for (verb, particle) in heads {
                verbs.push(VerbPattern {
                    code,
                    verb,
                    particle,
                    slots: slots.clone(),
                    target: target.clone(),
                    line: 0,
                    origin: Origin::Dictionary(row.rule.0),
                    null,
                    example: String::new(),
                    expect: String::new(),
                });
            }
        }
        let mut by_verb: FxMap<Box<str>, Vec<u32>> = FxMap::default();
        for (i, p) in verbs.iter().enumerate() {
            by_verb.entry(p.verb.clone()).or_default().push(i as u32);
        }
        for list in by_verb.values_mut() {
            // Longer patterns are more specific and are tried first; ties keep file order.
            list.sort_by_key(|&i| {
                let p = &verbs[i as usize];
                (
                    (i as usize) >= sitrep_count,
                    std::cmp::Reverse(p.slots.len() + p.particle.len()),
                    i,
                )
            });
        }

        let mut nouns = Vec::new();
        let mut by_noun = FxMap::default();
        for (line, text) in content_lines(nouns_tsv) {
            let cols: Vec<&str> = text.split('\t').collect();
            if cols.len() != 4 {
                return Err(data_err(
                    "nouns.tsv",
                    line,
                    "expected 4 tab-separated columns",
                ));
            }
            let code = codes.get(cols[0].trim()).ok_or_else(|| {
                data_err(
                    "nouns.tsv",
                    line,
                    format!("unknown CAMEO code {:?}", cols[0]),
                )
            })?;
            let idx = nouns.len() as u32;
            for n in cols[1].split('|') {
                if by_noun.insert(Box::from(n), idx).is_some() {
                    return Err(data_err(
                        "nouns.tsv",
                        line,
                        format!("noun {n:?} listed twice"),
                    ));
                }
            }
            nouns.push(NounPattern {
                code,
                line,
                example: cols[2].to_string(),
                expect: cols[3].to_string(),
            });
        }

        let mut classes: FxMap<Box<str>, Vec<Class>> = FxMap::default();
        let mut no_intent = FxMap::default();
        for (line, text) in content_lines(complements_tsv) {
            let (class, lemmas) = text
                .split_once('\t')
                .ok_or_else(|| data_err("complements.tsv", line, "expected 2 columns"))?;
            let class = Class::parse(class.trim()).ok_or_else(|| {
                data_err("complements.tsv", line, format!("unknown class {class:?}"))
            })?;
            for l in lemmas.trim().split('|') {
                if class == Class::NoIntent {
                    no_intent.insert(Box::from(l), ());
                } else {
                    classes.entry(Box::from(l)).or_default().push(class);
                }
            }
        }

        let mut speech = FxMap::default();
        for (line, text) in content_lines(speech_tsv) {
            let (code, lemmas) = text
                .split_once('\t')
                .ok_or_else(|| data_err("speech.tsv", line, "expected 2 columns"))?;
            let code = codes.get(code.trim()).ok_or_else(|| {
                data_err("speech.tsv", line, format!("unknown CAMEO code {code:?}"))
            })?;
            for l in lemmas.trim().split('|') {
                if speech.insert(Box::from(l), code).is_some() {
                    return Err(data_err(
                        "speech.tsv",
                        line,
                        format!("cue {l:?} listed twice"),
                    ));
                }
            }
        }

        Ok(Lexicon {
            codes,
            verbs,
            by_verb,
            nouns,
            by_noun,
            classes,
            no_intent,
            speech,
        })
    }

    /// Patterns of a verb lemma, most specific first.
    pub fn verb_patterns(&self, lemma: &str) -> impl Iterator<Item = &VerbPattern> {
        self.by_verb
            .get(lemma)
            .into_iter()
            .flatten()
            .map(|&i| &self.verbs[i as usize])
    }

    /// Whether a sentence may hold an event trigger, as the coder would find one: a word
    /// tagged as a verb (or a predicate adjective) whose listed lemma has a complement class
    /// other than plain speech, a bare pattern (with its particle, if any, on the next word),
    /// or a pattern whose literal words all stand in the sentence; or a noun of a noun
    /// pattern with "between" right after it. A light verb ("be", "have") thus counts only
    /// with the rest of one of its patterns ("be critical of", "have talks"). The dependency
    /// parser's `sentences = "cued"` rule uses it to skip sentences no event can come from.
    pub fn may_hold_trigger(&self, words: &[TriggerWord<'_>]) -> bool {
        // The sentence's lemmas and lowercased words, built only when a pattern with words
        // has to be checked.
        let mut present: Option<rustc_hash::FxHashSet<std::borrow::Cow<'_, str>>> = None;
        for (i, w) in words.iter().enumerate() {
            if w.pos == sitrep_doc::Upos::Noun
                && self.by_noun.contains_key(w.lemma)
                && words[i + 1..]
                    .iter()
                    .take(2)
                    .any(|n| n.text.eq_ignore_ascii_case("between"))
            {
                return true;
            }
            if !matches!(
                w.pos,
                sitrep_doc::Upos::Verb | sitrep_doc::Upos::Aux | sitrep_doc::Upos::Adj
            ) {
                continue;
            }
            let Some(key) = self.verb_key(w.lemma, w.text) else {
                continue;
            };
            if self.classes(key).iter().any(|&c| c != Class::Say) {
                return true;
            }
            for p in self.verb_patterns(key) {
                if p.null {
                    continue;
                }
                let particle_ok = p.particle.iter().enumerate().all(|(k, part)| {
                    words
                        .get(i + 1 + k)
                        .is_some_and(|n| n.lemma == &**part || n.text.eq_ignore_ascii_case(part))
                });
                if !particle_ok {
                    continue;
                }
                if p.slots.is_empty() {
                    return true;
                }
                let set = present.get_or_insert_with(|| {
                    let mut set = rustc_hash::FxHashSet::default();
                    // Borrowed where the word is lowercase ASCII already: no string per word.
                    for w in words {
                        set.insert(std::borrow::Cow::Borrowed(w.lemma));
                        let fold = |b: u8| b.is_ascii_uppercase() || !b.is_ascii();
                        set.insert(if w.text.bytes().any(fold) {
                            std::borrow::Cow::Owned(w.text.to_lowercase())
                        } else {
                            std::borrow::Cow::Borrowed(w.text)
                        });
                    }
                    set
                });
                let has = |l: &str| set.contains(l);
                if p.slots
                    .iter()
                    .all(|slot| slot.alts.iter().any(|alt| alt.iter().all(|l| has(l))))
                {
                    return true;
                }
            }
        }
        false
    }

    pub fn has_verb(&self, lemma: &str) -> bool {
        self.by_verb.contains_key(lemma)
    }

    pub fn noun(&self, lemma: &str) -> Option<&NounPattern> {
        self.by_noun.get(lemma).map(|&i| &self.nouns[i as usize])
    }

    pub fn classes(&self, lemma: &str) -> &[Class] {
        self.classes.get(lemma).map(|v| v.as_slice()).unwrap_or(&[])
    }

    pub fn has_class(&self, lemma: &str, class: Class) -> bool {
        self.classes(lemma).contains(&class)
    }

    pub fn is_no_intent_noun(&self, lemma: &str) -> bool {
        self.no_intent.contains_key(lemma)
    }

    pub fn speech_code(&self, lemma: &str) -> Option<CodeId> {
        self.speech.get(lemma).copied()
    }

    /// [`Self::speech_code`] of a cue word, restoring an "e" the tagger's suffix rules cut
    /// from an unseen "-ed" form ("blamed" -> "blam" -> "blame"), as [`Self::verb_key`] does.
    pub fn speech_code_of(&self, lemma: &str, text: &str) -> Option<CodeId> {
        self.speech_code(lemma).or_else(|| {
            let cut = text.to_ascii_lowercase().ends_with("ed") && !lemma.ends_with('e');
            cut.then(|| self.speech_code(&format!("{lemma}e")))
                .flatten()
        })
    }

    /// The lemma key under which a verb is listed: its lemma when listed, else the first of
    /// the word's regular base forms that is ("vetoed" -> "veto" when a tagger left the
    /// inflected form as lemma). `None` when the verb is in no table.
    pub fn verb_key<'s>(&'s self, lemma: &str, text: &str) -> Option<&'s str> {
        let listed = |l: &str| {
            self.by_verb
                .get_key_value(l)
                .map(|(k, _)| &**k)
                .or_else(|| self.classes.get_key_value(l).map(|(k, _)| &**k))
        };
        // An irregular past the tagger left as its own lemma ("shot") is its verb's form
        // ("shoot") before it is a listed word of its own (the dictionary's "shot and").
        if lemma.eq_ignore_ascii_case(text) {
            if let Some(k) =
                crate::wordlists::irregular_past(&text.to_ascii_lowercase()).and_then(&listed)
            {
                return Some(k);
            }
        }
        if let Some(k) = listed(lemma) {
            return Some(k);
        }
        // Only when the tagger left an inflected form as the lemma ("vetoed"), or cut one
        // letter too many ("conceded" -> "conced").
        // ... or added one ("raided" -> "raide").
        if !lemma.eq_ignore_ascii_case(text) {
            return if text.ends_with("ed") && !lemma.ends_with('e') {
                listed(&format!("{lemma}e"))
            } else if text.len() > 3 && text.ends_with("ed") && lemma.ends_with('e') {
                listed(&text[..text.len() - 2].to_ascii_lowercase())
            } else {
                None
            };
        }
        let t = text.to_ascii_lowercase();
        if let Some(verb) = crate::wordlists::irregular_past(&t) {
            return listed(verb);
        }
        if !(text.ends_with('d') || text.ends_with('s') || text.ends_with("ing")) {
            return None;
        }
        let mut cands: Vec<String> = Vec::new();
        for (suffix, add) in [
            ("ied", "y"),
            ("ies", "y"),
            ("ed", ""),
            ("d", ""),
            ("es", ""),
            ("s", ""),
            ("ing", ""),
            ("ing", "e"),
        ] {
            if let Some(stem) = t.strip_suffix(suffix) {
                cands.push(format!("{stem}{add}"));
                let b = stem.as_bytes();
                if add.is_empty() && b.len() >= 2 && b[b.len() - 1] == b[b.len() - 2] {
                    cands.push(stem[..stem.len() - 1].to_string());
                }
            }
        }
        cands.iter().find_map(|c| listed(c))
    }

    /// Every verb lemma a pattern starts with (the test tagger uses it to lemmatize).
    pub fn verb_lemmas(&self) -> impl Iterator<Item = &str> {
        self.by_verb
            .keys()
            .map(|k| &**k)
            .chain(self.classes.keys().map(|k| &**k))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_data_parses() {
        let lx = Lexicon::embedded().unwrap();
        assert!(lx.verbs.len() > 300, "{}", lx.verbs.len());
        let first = lx.verb_patterns("impose").next().unwrap();
        assert!(
            !first.slots.is_empty(),
            "the most specific pattern comes first"
        );
        assert!(lx.has_class("threaten", Class::Threat));
        assert!(lx.is_no_intent_noun("intention"));
        assert_eq!(lx.codes.info(lx.speech_code("fear").unwrap()).code, "012");
        // A fallback for when no pattern codes the cue (the coder goes first).
        assert_eq!(lx.codes.info(lx.speech_code("demand").unwrap()).code, "100");
        assert!(
            lx.speech_code("hope").is_none(),
            "the dictionary codes only 'hope for'"
        );
        // An "e" the tagger's suffix rules cut from an unseen "-ed" form is restored.
        let blamed = lx.speech_code_of("blam", "blamed").unwrap();
        assert_eq!(lx.codes.info(blamed).code, "112");
        assert!(lx.speech_code_of("blam", "blam").is_none());
        // Every CAMEO root has at least one verb pattern.
        for root in 1..=20 {
            let r = format!("{root:02}");
            assert!(
                lx.verbs.iter().any(|p| lx.codes.info(p.code).root() == r),
                "root {r}"
            );
        }
    }

    #[test]
    fn bad_rows_are_errors_with_line_numbers() {
        let codes = CodeTable::embedded().unwrap();
        let cases: &[(&str, &str)] = &[
            ("999\tmeet\tx\ty\n", "unknown CAMEO code"),
            ("040\tmeet\n", "4 tab-separated"),
            ("040\tmeet [with\tx\ty\n", "unclosed"),
            ("040\tmeet [with] talk\tx\ty\n", "after the [target]"),
        ];
        for (tsv, want) in cases {
            let err = Lexicon::parse(codes.clone(), tsv, "", "", "", &[])
                .unwrap_err()
                .to_string();
            assert!(
                err.contains(want) && err.contains("line 1"),
                "{tsv:?}: {err}"
            );
        }
    }
}
