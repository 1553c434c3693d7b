//! Word lists of the quotation layer: the reviewed cue lexicon (`data/cues.tsv`) and the
//! small closed classes (pronouns, auxiliaries, title words) the rules consult.

use crate::QuotesError;
use std::collections::HashMap;

/// What a cue reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueKind {
    Speech,
    Belief,
}

/// The syntactic frame of a cue, which decides where its content and source lie.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frame {
    /// `Subject CUE [that] Content`, or inverted `Content, CUE Subject`.
    Say,
    /// `Subject CUE Addressee [that] Content`.
    Tell,
    /// `CUE Source, Content` / `Content, CUE Source` ("according to").
    Prep,
    /// `Subject CUE Object…`: the content is the object and the rest of the clause, which
    /// may be a single word ("criticized Singer").
    Obj,
    /// An evidential verb ("appears", "seemed"): the sentence is the content, no speaker.
    Evid,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue {
    pub lemma: String,
    pub kind: CueKind,
    pub frame: Frame,
    /// Number of words of the form that matched ("pointed out" = 2).
    pub words: usize,
}

/// The Fx hash (rustc's): lexicon keys are short words, for which SipHash's setup dominates
/// lookups.
type FxBuild = rustc_hash::FxBuildHasher;

/// The cue lexicon: first word of a form -> the forms starting with it (longest first).
#[derive(Debug, Clone, Default)]
pub struct CueLexicon {
    by_first: HashMap<String, Vec<(Vec<String>, Cue)>, FxBuild>,
    /// One-word lemmas (the bare infinitive: "seemed to urge"), first row of each.
    by_lemma: HashMap<String, Cue, FxBuild>,
}

pub const CUES_TSV: &str = include_str!("../data/cues.tsv");

impl CueLexicon {
    pub fn parse(tsv: &str) -> Result<CueLexicon, QuotesError> {
        let mut by_first: HashMap<String, Vec<(Vec<String>, Cue)>, FxBuild> = HashMap::default();
        let mut by_lemma: HashMap<String, Cue, FxBuild> = HashMap::default();
        for (n, line) in tsv.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 4 {
                return Err(QuotesError::Lexicon {
                    line: n + 1,
                    message: "expected 4 or 5 tab-separated columns".into(),
                });
            }
            let kind = match cols[1] {
                "speech" => CueKind::Speech,
                "belief" => CueKind::Belief,
                other => {
                    return Err(QuotesError::Lexicon {
                        line: n + 1,
                        message: format!("unknown kind {other:?}"),
                    })
                }
            };
            let frame = match cols[2] {
                "say" => Frame::Say,
                "tell" => Frame::Tell,
                "prep" => Frame::Prep,
                "obj" => Frame::Obj,
                "evid" => Frame::Evid,
                other => {
                    return Err(QuotesError::Lexicon {
                        line: n + 1,
                        message: format!("unknown frame {other:?}"),
                    })
                }
            };
            if !cols[0].contains(' ') {
                by_lemma.entry(cols[0].to_string()).or_insert(Cue {
                    lemma: cols[0].to_string(),
                    kind,
                    frame,
                    words: 1,
                });
            }
            for form in cols[3].split(',') {
                let words: Vec<String> =
                    form.split_whitespace().map(|w| w.to_lowercase()).collect();
                if words.is_empty() {
                    return Err(QuotesError::Lexicon {
                        line: n + 1,
                        message: "empty form".into(),
                    });
                }
                let cue = Cue {
                    lemma: cols[0].to_string(),
                    kind,
                    frame,
                    words: words.len(),
                };
                by_first
                    .entry(words[0].clone())
                    .or_default()
                    .push((words, cue));
            }
        }
        for forms in by_first.values_mut() {
            forms.sort_by_key(|f| std::cmp::Reverse(f.0.len()));
        }
        Ok(CueLexicon { by_first, by_lemma })
    }

    /// The cue whose one-word lemma is `word` (lowercased), whatever forms its row lists.
    pub fn by_lemma(&self, word: &str) -> Option<&Cue> {
        self.by_lemma.get(word)
    }

    /// Whether a sentence with these words (as written) may hold a quotation: a quotation
    /// mark, or a word that starts a cue form. One lookup per word; the dependency parser's
    /// `sentences = "cued"` rule uses it to skip sentences no speaker can come from.
    pub fn may_hold_cue<'w>(&self, words: impl IntoIterator<Item = &'w str>) -> bool {
        let mut lower = String::new();
        words.into_iter().any(|w| {
            if w.chars()
                .any(|c| matches!(c, '"' | '\u{201c}' | '\u{201d}' | '\u{00ab}' | '\u{00bb}'))
            {
                return true;
            }
            lower.clear();
            lower.extend(w.chars().flat_map(char::to_lowercase));
            self.by_first.contains_key(lower.as_str())
        })
    }

    /// The cue whose form starts at word `first` and continues with `next` words (lowercased).
    pub fn lookup<'a>(
        &self,
        first: &str,
        mut next: impl FnMut(usize) -> Option<&'a str>,
    ) -> Option<&Cue> {
        let forms = self.by_first.get(first)?;
        'form: for (words, cue) in forms {
            for (k, w) in words.iter().enumerate().skip(1) {
                if next(k) != Some(w.as_str()) {
                    continue 'form;
                }
            }
            return Some(cue);
        }
        None
    }

    pub fn len(&self) -> usize {
        self.by_first.values().map(Vec::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.by_first.is_empty()
    }
}

/// The number words "two" to "ten": they open a plural noun phrase ("three suspects") or a
/// time phrase ("two days later").
pub fn is_small_number_word(w: &str) -> bool {
    matches!(
        w,
        "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten"
    )
}

pub fn is_pronoun(w: &str) -> bool {
    matches!(w, "he" | "she" | "they" | "i" | "we" | "it" | "you")
}

/// Words allowed between a subject and its cue ("Ryabkov also said", "she has repeatedly argued").
pub fn is_cue_modifier(w: &str) -> bool {
    matches!(
        w,
        "also"
            | "has"
            | "have"
            | "had"
            | "was"
            | "were"
            | "is"
            | "are"
            | "would"
            | "will"
            | "did"
            | "does"
            | "do"
            | "not"
            | "n't"
            | "never"
            | "later"
            | "then"
            | "previously"
            | "repeatedly"
            | "recently"
            | "reportedly"
            | "once"
            | "again"
            | "publicly"
            | "privately"
            | "firmly"
            | "strongly"
            | "earlier"
            | "just"
            | "further"
            | "flatly"
            | "only"
            | "even"
            | "already"
            | "still"
            | "always"
            | "often"
            | "frequently"
            | "clearly"
            | "openly"
            | "explicitly"
            | "simply"
            | "quickly"
            | "immediately"
            | "subsequently"
            | "first"
            | "initially"
            | "famously"
            | "correctly"
            | "rightly"
            | "wrongly"
            | "falsely"
            | "may"
            | "might"
            | "could"
            | "should"
            | "can"
    )
}

/// Words that cannot be (the last word of) a speaker noun phrase.
pub fn is_function_word(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "and"
            | "or"
            | "but"
            | "that"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "what"
            | "this"
            | "these"
            | "those"
            | "to"
            | "of"
            | "in"
            | "on"
            | "at"
            | "by"
            | "for"
            | "with"
            | "from"
            | "as"
            | "if"
            | "when"
            | "while"
            | "because"
            | "so"
            | "than"
            | "there"
            | "here"
            | "be"
            | "been"
            | "being"
            | "am"
            | "is"
            | "are"
            | "was"
            | "were"
            | "has"
            | "have"
            | "had"
            | "not"
            | "no"
            | "it"
            | "its"
            | "his"
            | "her"
            | "their"
            | "our"
            | "my"
            | "your"
            | "him"
            | "them"
            | "us"
            | "me"
            | "about"
            | "after"
            | "before"
            | "during"
            | "over"
            | "into"
            | "against"
            | "also"
            | "then"
            | "just"
            | "only"
            | "very"
            | "more"
            | "most"
            | "all"
            | "any"
            | "some"
            | "will"
            | "would"
            | "can"
            | "could"
            | "should"
            | "may"
            | "might"
            | "must"
            | "do"
            | "does"
            | "did"
    )
}

/// Capitalised words that open sentences but never names ("The", "In", "But").
pub fn is_capitalised_function_word(w: &str) -> bool {
    is_function_word(w)
        || matches!(
            w,
            "however"
                | "meanwhile"
                | "still"
                | "yet"
                | "now"
                | "today"
                | "yesterday"
                | "instead"
                | "also"
                | "later"
                // The expletive subject: "There’s still time for the mayor to …".
                | "there's"
                | "there’s"
        )
}

/// Person titles and role heads ("minister", "spokesman"): a bare attribution line needs one.
pub fn is_title_head(w: &str) -> bool {
    matches!(
        w,
        "minister"
            | "secretary"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "president"
            | "director"
            | "ambassador"
            | "chairman"
            | "chairwoman"
            | "chair"
            | "senator"
            | "sen"
            | "governor"
            | "gov"
            | "mayor"
            | "ceo"
            | "head"
            | "chief"
            | "adviser"
            | "advisor"
            | "official"
            | "representative"
            | "rep"
            | "envoy"
            | "commissioner"
            | "general"
            | "commander"
            | "leader"
            | "premier"
            | "chancellor"
            | "attorney"
            | "professor"
            | "analyst"
            | "editor"
            | "correspondent"
            | "founder"
            | "member"
            | "executive"
            | "officer"
            | "lawyer"
            | "economist"
            | "researcher"
            | "fellow"
            | "candidate"
            | "diplomat"
            | "negotiator"
            | "mp"
            | "congressman"
            | "congresswoman"
            | "deputy"
            | "king"
            | "queen"
            | "pope"
            | "judge"
            | "manager"
            | "coordinator"
            | "strategist"
            | "counsel"
            | "expert"
            | "author"
            | "journalist"
    )
}

/// Words that may appear inside a title phrase ("First Under Secretary of State").
pub fn is_title_word(w: &str) -> bool {
    is_title_head(w)
        || matches!(
            w,
            "vice"
                | "first"
                | "under"
                | "assistant"
                | "foreign"
                | "state"
                | "department"
                | "press"
                | "senior"
                | "former"
                | "acting"
                | "prime"
                | "defense"
                | "defence"
                | "interior"
                | "finance"
                | "white"
                | "house"
                | "national"
                | "security"
                | "permanent"
                | "special"
                | "general's"
        )
}

/// Name particles that may sit inside a multiword name or title run.
pub fn is_name_connector(w: &str) -> bool {
    matches!(
        w,
        "of" | "the"
            | "and"
            | "for"
            | "de"
            | "la"
            | "del"
            | "von"
            | "van"
            | "der"
            | "al"
            | "bin"
            | "on"
    )
}

/// A word whose final period does not end a sentence: an abbreviation ("Sen.", the "Fla"
/// of "R-Fla.") or an initial ("H.").
pub fn keeps_period(w: &str) -> bool {
    let last = w.rsplit(['-', '–']).next().unwrap_or(w);
    is_abbreviation(last) || (last.chars().count() == 1 && last.chars().all(char::is_alphabetic))
}

/// Abbreviations after which a period does not end a sentence.
pub fn is_abbreviation(w: &str) -> bool {
    matches!(
        w,
        "mr" | "mrs"
            | "ms"
            | "dr"
            | "sen"
            | "rep"
            | "gov"
            | "gen"
            | "st"
            | "jr"
            | "sr"
            | "lt"
            | "col"
            | "capt"
            | "prof"
            | "sgt"
            | "maj"
            | "adm"
            | "rev"
            | "hon"
            | "pres"
            | "vs"
            | "inc"
            | "corp"
            | "co"
            | "jan"
            | "feb"
            | "aug"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
            | "mt"
            | "ft"
            // US state abbreviations in datelines and party tags ("Cary, N.C.", "Pa.").
            | "ala"
            | "ariz"
            | "ark"
            | "calif"
            | "colo"
            | "conn"
            | "del"
            | "fla"
            | "ga"
            | "ill"
            | "ind"
            | "kan"
            | "ky"
            | "la"
            | "md"
            | "mass"
            | "mich"
            | "minn"
            | "miss"
            | "mo"
            | "mont"
            | "neb"
            | "nev"
            | "okla"
            | "ore"
            | "pa"
            | "tenn"
            | "tex"
            | "va"
            | "vt"
            | "wash"
            | "wis"
            | "wyo"
    )
}

/// Addressees commonly found after "told"-type cues.
pub fn is_addressee(w: &str) -> bool {
    matches!(
        w,
        "reporters"
            | "journalists"
            | "him"
            | "her"
            | "them"
            | "me"
            | "us"
            | "you"
            | "supporters"
            | "lawmakers"
            | "voters"
            | "delegates"
            | "listeners"
            | "viewers"
            | "colleagues"
            | "partners"
            | "members"
            | "diplomats"
            | "students"
            | "audience"
            | "crowd"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_parses_and_matches_multiword_forms() {
        let lex = CueLexicon::parse(CUES_TSV).unwrap();
        assert!(lex.len() > 100, "{}", lex.len());
        let words = ["pointed", "out", "that"];
        let cue = lex.lookup("pointed", |k| words.get(k).copied()).unwrap();
        assert_eq!((cue.lemma.as_str(), cue.words), ("point out", 2));
        let according = ["according", "to"];
        assert_eq!(
            lex.lookup("according", |k| according.get(k).copied())
                .unwrap()
                .frame,
            Frame::Prep
        );
        assert!(lex.lookup("according", |_| Some("with")).is_none());
        assert_eq!(lex.lookup("told", |_| None).unwrap().frame, Frame::Tell);
        assert_eq!(
            lex.lookup("believes", |_| None).unwrap().kind,
            CueKind::Belief
        );
    }

    #[test]
    fn lexicon_rejects_bad_rows() {
        assert!(CueLexicon::parse("say\tspeech\tsay\n").is_err());
        assert!(CueLexicon::parse("say\tshout\tsay\tsaid\n").is_err());
        assert!(CueLexicon::parse("say\tspeech\tjump\tsaid\n").is_err());
    }
}
