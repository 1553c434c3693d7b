//! The embedded tables, parsed into entries and phrase automata.

use crate::norm::{normalize_tokens, NormalizedText};
use crate::phrases::PhraseSet;
use crate::LexiconError;
use chrono::{Datelike, NaiveDate};
use rustc_hash::FxHashMap;
use std::fmt;
use std::sync::OnceLock;

const ACTORS_TSV: &str = include_str!("../../data/actors.tsv");
/// sitrep's own supplement to the Phoenix actors (office holders, IGO heads and armed groups
/// of 2015-2026), in the same form; read first, so that its phrases win over Phoenix's.
const SITREP_ACTORS_TSV: &str = include_str!("../../data/sitrep_actors.tsv");
/// The period the supplement records completely: its scope starts in 2015, and it was last
/// revised in mid-2025.
const SITREP_ACTORS_COMPLETE: (u32, u32) = (20150101, 20250630);
const AGENTS_TSV: &str = include_str!("../../data/agents.tsv");
const VERBS_TSV: &str = include_str!("../../data/verbs.tsv");
const ISSUES_TSV: &str = include_str!("../../data/issues.tsv");
const DISCARDS_TSV: &str = include_str!("../../data/discards.tsv");

/// Where a decision comes from: the raw dictionary file and line (`CAMEO.2.0.txt:731`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rule(pub &'static str);

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActorKind {
    /// Countries, their adjectives and cities, and national persons.
    Country,
    /// IGOs, NGOs, multinationals, international persons.
    International,
    /// Armed non-state groups.
    NonState,
}

/// A code and the dates (inclusive, `YYYYMMDD`) it held; open ends are `None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DatedCode {
    pub code: &'static str,
    pub from: Option<u32>,
    pub to: Option<u32>,
}

#[derive(Debug, Clone)]
pub struct ActorEntry {
    pub kind: ActorKind,
    pub rule: Rule,
    pub codes: Vec<DatedCode>,
    /// The entry's phrases, `|`-separated, as in its table.
    pub phrases: &'static str,
    /// The dates (`YYYYMMDD`, inclusive) over which the table records every office of the
    /// entry: on such a date outside its ranges, the undated code (ELI) is the table's word,
    /// not a gap. Set for sitrep's supplement (2015 to its revision in mid-2025), none for
    /// Phoenix, whose ranges stop at different times around 2015.
    pub complete: Option<(u32, u32)>,
}

impl ActorEntry {
    /// The code in force on `date`: the first range holding it, else the undated code;
    /// without a date the current one (a range open towards today), else the undated code.
    pub fn code_on(&self, date: Option<NaiveDate>) -> Option<&'static str> {
        let undated = self
            .codes
            .iter()
            .find(|c| c.from.is_none() && c.to.is_none());
        match date {
            Some(d) => {
                let d = d.year() as u32 * 10_000 + d.month() * 100 + d.day();
                self.codes
                    .iter()
                    .find(|c| {
                        (c.from.is_some() || c.to.is_some())
                            && c.from.is_none_or(|f| f <= d)
                            && c.to.is_none_or(|t| d <= t)
                    })
                    .or(undated)
            }
            None => self
                .codes
                .iter()
                .rev()
                .find(|c| c.from.is_some() && c.to.is_none())
                .or(undated),
        }
        .or_else(|| self.codes.first())
        .map(|c| c.code)
    }
}

/// An actor phrase found in a token sequence (token indices, end exclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActorMatch {
    pub start: usize,
    pub end: usize,
    pub code: &'static str,
    pub kind: ActorKind,
    pub rule: Rule,
}

/// An issue phrase found in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IssueMatch {
    pub code: &'static str,
    pub category: &'static str,
    pub start: usize,
    pub end: usize,
    pub rule: Rule,
}

/// A discard phrase found in a text (`Phoenix.discards.txt`): a story-level entry marks the
/// whole story as no political news, a sentence-level entry its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Discard {
    pub story: bool,
    pub rule: Rule,
    pub start: usize,
    pub end: usize,
}

/// One compiled CAMEO verb pattern, in sitrep's pattern language (see the events crate).
#[derive(Debug, Clone, Copy)]
pub struct VerbRow {
    /// CAMEO code, or `---` for a null pattern (the dictionary says: no event).
    pub code: &'static str,
    pub pattern: &'static str,
    pub rule: Rule,
}

struct Agent {
    role: &'static str,
    rule: Rule,
}

struct Issue {
    /// `~` marks an exclusion phrase ("olive oil" is not ENERGY).
    code: &'static str,
    category: &'static str,
    rule: Rule,
}

/// All dictionaries, built once.
pub struct Lexicon {
    actors: Vec<ActorEntry>,
    actor_set: PhraseSet,
    /// One-word phrases that are the last word of a longer phrase of the same entry
    /// ("putin" beside "vladimir putin"): the surnames the dictionaries list on their own.
    surnames: FxHashMap<&'static str, u32>,
    agents: Vec<Agent>,
    agent_set: PhraseSet,
    verbs: Vec<VerbRow>,
    by_verb: FxHashMap<&'static str, Vec<u32>>,
    issues: Vec<Issue>,
    issue_set: PhraseSet,
    discards: Vec<(bool, Rule)>,
    discard_set: PhraseSet,
}

fn err(file: &'static str, line: usize, message: impl Into<String>) -> LexiconError {
    LexiconError::Data {
        file,
        line,
        message: message.into(),
    }
}

fn rows(text: &'static str) -> impl Iterator<Item = (usize, Vec<&'static str>)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
        .map(|(i, l)| (i + 1, l.split('\t').collect()))
}

fn parse_dated(s: &'static str) -> Option<DatedCode> {
    let Some((code, range)) = s.split_once('@') else {
        return Some(DatedCode {
            code: s,
            from: None,
            to: None,
        });
    };
    let (a, b) = range.split_once('-')?;
    let day = |x: &str| -> Option<Option<u32>> {
        if x.is_empty() {
            Some(None)
        } else {
            x.parse().ok().map(Some)
        }
    };
    Some(DatedCode {
        code,
        from: day(a)?,
        to: day(b)?,
    })
}

/// A supplement entry takes the place of the Phoenix entry of the same name, and with it
/// the Phoenix ranges before the supplement's first one, cut to end before it (Kerry's
/// Senate years, Phoenix `USAGOVLEG` to 2013, before his 2013 office): the supplement starts
/// in 2015, and an older article keeps the code Phoenix gives it. Placed before the undated
/// code, which stays the fallback.
fn earlier_phoenix_ranges(actors: &mut [ActorEntry], shadowed: &[(u32, u32)]) {
    for &(older, newer) in shadowed {
        let (older, newer) = (older as usize, newer as usize);
        let Some(first) = actors[newer].codes.iter().filter_map(|c| c.from).min() else {
            continue;
        };
        // Each range that began before the supplement's first, cut to end the day before it
        // (`first - 1` compares as that day's end, whether or not it names a real date).
        let earlier: Vec<DatedCode> = actors[older]
            .codes
            .iter()
            .filter(|c| c.from.is_some() || c.to.is_some())
            .filter_map(|c| {
                let to = c.to.unwrap_or(u32::MAX).min(first - 1);
                (c.from.unwrap_or(0) <= to).then_some(DatedCode { to: Some(to), ..*c })
            })
            .collect();
        let codes = &mut actors[newer].codes;
        let at = codes
            .iter()
            .position(|c| c.from.is_none() && c.to.is_none())
            .unwrap_or(codes.len());
        for c in earlier {
            if !codes.contains(&c) {
                codes.insert(at, c);
            }
        }
    }
}

/// The one-word phrases of an entry that end one of its longer phrases.
fn listed_surnames(phrases: &'static str) -> impl Iterator<Item = &'static str> {
    phrases.split('|').filter(move |p| {
        !p.contains(' ')
            && phrases.split('|').any(|q| {
                q.len() > p.len() && q.ends_with(p) && q[..q.len() - p.len()].ends_with(' ')
            })
    })
}

impl Lexicon {
    /// The embedded dictionaries, parsed on first use (a few hundred milliseconds in a debug
    /// build; the data is checked by this crate's tests, so this cannot fail at run time).
    pub fn get() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(|| Lexicon::parse().expect("embedded dictionaries parse"))
    }

    pub fn parse() -> Result<Lexicon, LexiconError> {
        let mut actors = Vec::new();
        let mut actor_phrases = Vec::new();
        let mut surnames = Vec::new();
        // The supplement's phrases, and the Phoenix entries with dated codes that share one
        // of its full names (see `earlier_phoenix_ranges`).
        let mut supplement_phrases: FxHashMap<&'static str, u32> = FxHashMap::default();
        let mut shadowed: Vec<(u32, u32)> = Vec::new();
        // One path for both actor tables; a phrase listed twice keeps its first entry, so
        // sitrep's supplement (newer offices) is read before the Phoenix table.
        for (file, text, complete) in [
            (
                "sitrep_actors.tsv",
                SITREP_ACTORS_TSV,
                Some(SITREP_ACTORS_COMPLETE),
            ),
            ("actors.tsv", ACTORS_TSV, None),
        ] {
            for (line, cols) in rows(text) {
                let [kind, rule, codes, phrases] = cols[..] else {
                    return Err(err(file, line, "expected 4 columns"));
                };
                let kind = match kind {
                    "country" => ActorKind::Country,
                    "international" => ActorKind::International,
                    "nonstate" => ActorKind::NonState,
                    _ => return Err(err(file, line, format!("unknown kind {kind:?}"))),
                };
                let codes = codes
                    .split(' ')
                    .map(|c| parse_dated(c).ok_or_else(|| err(file, line, "bad dated code")))
                    .collect::<Result<Vec<_>, _>>()?;
                let id = actors.len() as u32;
                actors.push(ActorEntry {
                    kind,
                    rule: Rule(rule),
                    codes,
                    phrases,
                    complete,
                });
                if complete.is_some() {
                    supplement_phrases.extend(phrases.split('|').map(|p| (p, id)));
                } else if actors[id as usize]
                    .codes
                    .iter()
                    .any(|c| c.from.is_some() || c.to.is_some())
                {
                    let newer = phrases
                        .split('|')
                        .filter(|p| p.contains(' '))
                        .find_map(|p| supplement_phrases.get(p));
                    if let Some(&newer) = newer {
                        shadowed.push((id, newer));
                    }
                }
                actor_phrases.extend(phrases.split('|').map(|p| (p, id)));
                // Only an entry with a role in every code (a person or an office, not a
                // bare country: "jordan" ends "hashemite kingdom of jordan").
                if actors[id as usize].codes.iter().all(|c| c.code.len() > 3) {
                    surnames.extend(listed_surnames(phrases).map(|w| (w, id)));
                }
            }
        }
        let mut agents = Vec::new();
        let mut agent_phrases = Vec::new();
        for (line, cols) in rows(AGENTS_TSV) {
            let [role, rule, phrases] = cols[..] else {
                return Err(err("agents.tsv", line, "expected 3 columns"));
            };
            let id = agents.len() as u32;
            agents.push(Agent {
                role,
                rule: Rule(rule),
            });
            agent_phrases.extend(phrases.split('|').map(|p| (p, id)));
        }
        let mut verbs = Vec::new();
        let mut by_verb: FxHashMap<&'static str, Vec<u32>> = FxHashMap::default();
        for (line, cols) in rows(VERBS_TSV) {
            let [code, pattern, rule] = cols[..] else {
                return Err(err("verbs.tsv", line, "expected 3 columns"));
            };
            let id = verbs.len() as u32;
            let head = pattern.split(' ').next().unwrap_or("");
            for v in head.split('|') {
                let lemma = v.split('_').next().unwrap_or(v);
                let list = by_verb.entry(lemma).or_default();
                if list.last() != Some(&id) {
                    list.push(id);
                }
            }
            verbs.push(VerbRow {
                code,
                pattern,
                rule: Rule(rule),
            });
        }
        let mut issues = Vec::new();
        let mut issue_phrases = Vec::new();
        for (line, cols) in rows(ISSUES_TSV) {
            let [code, category, rule, phrases] = cols[..] else {
                return Err(err("issues.tsv", line, "expected 4 columns"));
            };
            let id = issues.len() as u32;
            issues.push(Issue {
                code,
                category,
                rule: Rule(rule),
            });
            issue_phrases.extend(phrases.split('|').map(|p| (p, id)));
        }
        let mut discards = Vec::new();
        let mut discard_phrases = Vec::new();
        for (line, cols) in rows(DISCARDS_TSV) {
            let [scope, rule, phrase] = cols[..] else {
                return Err(err("discards.tsv", line, "expected 3 columns"));
            };
            discard_phrases.push((phrase, discards.len() as u32));
            discards.push((scope == "story", Rule(rule)));
        }
        let actor_set = PhraseSet::build(actor_phrases);
        // A bare surname names its entry only when the phrase itself is that entry's (a
        // phrase listed by two entries keeps the first).
        let surnames = surnames
            .into_iter()
            .filter(|&(w, id)| actor_set.exact(&[w]) == Some(id))
            .collect::<FxHashMap<_, _>>();
        earlier_phoenix_ranges(&mut actors, &shadowed);
        Ok(Lexicon {
            actors,
            actor_set,
            surnames,
            agents,
            agent_set: PhraseSet::build(agent_phrases),
            verbs,
            by_verb,
            issues,
            issue_set: PhraseSet::build(issue_phrases),
            discards,
            discard_set: PhraseSet::build(discard_phrases),
        })
    }

    /// The actor entry named by exactly these tokens ("Vladimir Putin", "the United
    /// Nations" without the article is tried too) and its code on `date`.
    pub fn actor_code<S: AsRef<str>>(
        &self,
        tokens: &[S],
        date: Option<NaiveDate>,
    ) -> Option<(&'static str, Rule)> {
        let (words, _) = normalize_tokens(tokens);
        let mut w: &[String] = &words;
        if w.first().is_some_and(|x| x == "the") {
            if let Some(id) = self.actor_set.exact(w) {
                let e = &self.actors[id as usize];
                return e.code_on(date).map(|c| (c, e.rule));
            }
            w = &w[1..];
        }
        let id = self.actor_set.exact(w)?;
        let e = &self.actors[id as usize];
        e.code_on(date).map(|c| (c, e.rule))
    }

    /// The entry of an actor phrase (for its kind and all its dated codes). A name is
    /// tried as written, then without or with an initial "the" ("Islamic State" is listed
    /// as "the islamic state", "the United Nations" as "united nations").
    pub fn actor_entry<S: AsRef<str>>(&self, tokens: &[S]) -> Option<&ActorEntry> {
        let (mut words, _) = normalize_tokens(tokens);
        let mut id = self.actor_set.exact(&words);
        if id.is_none() && !words.is_empty() {
            if words[0] == "the" {
                id = self.actor_set.exact(&words[1..]);
            } else {
                words.insert(0, "the".to_string());
                id = self.actor_set.exact(&words);
            }
        }
        id.map(|id| &self.actors[id as usize])
    }

    /// The entry a bare surname names, only when a dictionary lists that surname on its
    /// own beside a full name of the same entry ("Putin" beside "Vladimir Putin"): a
    /// surname alone matches no more than the dictionaries' own phrase forms allow.
    pub fn surname_entry(&self, token: &str) -> Option<&ActorEntry> {
        let (words, _) = normalize_tokens(&[token]);
        let [word] = &words[..] else {
            return None;
        };
        self.surnames
            .get(word.as_str())
            .map(|&id| &self.actors[id as usize])
    }

    /// Every actor phrase in a token sequence, longest first at each start.
    pub fn find_actors<S: AsRef<str>>(
        &self,
        tokens: &[S],
        date: Option<NaiveDate>,
    ) -> Vec<ActorMatch> {
        self.find_actors_in_runs(tokens, &[(0, tokens.len())], date)
    }

    /// `find_actors` within each of the token ranges `runs` (ascending, disjoint) of one
    /// sequence, normalised once: no match crosses a run's bounds.
    pub fn find_actors_in_runs<S: AsRef<str>>(
        &self,
        tokens: &[S],
        runs: &[(usize, usize)],
        date: Option<NaiveDate>,
    ) -> Vec<ActorMatch> {
        let normalized = NormalizedText::of(tokens);
        let origin = &normalized.origin;
        let words = normalized.words();
        let mut out = Vec::new();
        let (mut key, mut hits) = (String::new(), Vec::new());
        for &(a, b) in runs {
            let (wa, wb) = (
                origin.partition_point(|&o| o < a),
                origin.partition_point(|&o| o < b),
            );
            hits.clear();
            self.actor_set
                .find_into(&words[wa..wb], &mut key, &mut hits);
            out.extend(hits.iter().filter_map(|h| {
                let e = &self.actors[h.payload as usize];
                Some(ActorMatch {
                    start: origin[wa + h.start],
                    end: origin[wa + h.end - 1] + 1,
                    code: e.code_on(date)?,
                    kind: e.kind,
                    rule: e.rule,
                })
            }));
        }
        out
    }

    /// Every armed group and movement of the actor tables (`nonstate` rows: sitrep's
    /// supplement first, then Phoenix's MilNonState file), for recognizers that need their
    /// names.
    pub fn nonstate_groups(&self) -> impl Iterator<Item = &ActorEntry> {
        self.actors.iter().filter(|e| e.kind == ActorKind::NonState)
    }

    /// The armed groups and movements of sitrep's supplement (its `nonstate` rows), for
    /// recognizers that need their names: the Phoenix files are older than these groups.
    pub fn supplement_groups(&self) -> impl Iterator<Item = &ActorEntry> {
        self.actors
            .iter()
            .filter(|e| e.complete.is_some() && e.kind == ActorKind::NonState)
    }

    /// The role code of an agent noun phrase ("officials" -> GOV, "riot police" -> COP).
    pub fn agent<S: AsRef<str>>(&self, tokens: &[S]) -> Option<(&'static str, Rule)> {
        let (words, _) = normalize_tokens(tokens);
        let id = self.agent_set.exact(&words)?;
        let a = &self.agents[id as usize];
        Some((a.role, a.rule))
    }

    /// Agent phrases in a token sequence (token indices), longest first at each start.
    pub fn find_agents<S: AsRef<str>>(
        &self,
        tokens: &[S],
    ) -> Vec<(usize, usize, &'static str, Rule)> {
        // Once per sentence: one buffer for its words (`NormalizedText`), not a string each.
        let normalized = NormalizedText::of(tokens);
        let origin = &normalized.origin;
        self.agent_set
            .find(&normalized.words())
            .into_iter()
            .map(|h| {
                let a = &self.agents[h.payload as usize];
                (origin[h.start], origin[h.end - 1] + 1, a.role, a.rule)
            })
            .collect()
    }

    /// A country (or organisation) phrase followed by an agent noun, the whole sequence:
    /// "Hungarian officials" -> HUNGOV, "Syrian rebels" -> SYRREB, "Iraqi riot police" ->
    /// IRQCOP. The actor's own role wins when it has one ("Afghan National Army" stays
    /// AFGMIL). Returns the code and the two rules.
    pub fn actor_with_agent<S: AsRef<str>>(
        &self,
        tokens: &[S],
        date: Option<NaiveDate>,
    ) -> Option<(String, Rule, Rule)> {
        let (words, _) = normalize_tokens(tokens);
        let hits = self.actor_set.find(&words);
        let first = hits.first().filter(|h| h.start == 0)?;
        let rest = &words[first.end..];
        let agent = self.agent_set.exact(rest)?;
        let e = &self.actors[first.payload as usize];
        let code = e.code_on(date)?;
        let a = &self.agents[agent as usize];
        let combined = if code.len() > 3 && e.kind == ActorKind::Country {
            code.to_string()
        } else {
            format!("{code}{}", a.role)
        };
        Some((combined, e.rule, a.rule))
    }

    /// Compiled verb patterns whose verb (or one of its alternatives) is `lemma`.
    pub fn verb_patterns(&self, lemma: &str) -> impl Iterator<Item = &VerbRow> {
        self.by_verb
            .get(lemma)
            .into_iter()
            .flatten()
            .map(|&i| &self.verbs[i as usize])
    }

    /// All compiled verb patterns, in dictionary order.
    pub fn verb_rows(&self) -> &[VerbRow] {
        &self.verbs
    }

    /// The issue codes of a sentence's tokens, in order; exclusion phrases ("olive oil")
    /// hide the issue words they contain.
    pub fn issues<S: AsRef<str>>(&self, tokens: &[S]) -> Vec<IssueMatch> {
        let normalized = NormalizedText::of(tokens);
        let origin = &normalized.origin;
        self.issue_set
            .find(&normalized.words())
            .into_iter()
            .filter_map(|h| {
                let i = &self.issues[h.payload as usize];
                (i.code != "~").then(|| IssueMatch {
                    code: i.code,
                    category: i.category,
                    start: origin[h.start],
                    end: origin[h.end - 1] + 1,
                    rule: i.rule,
                })
            })
            .collect()
    }

    /// The discard phrases in the tokens (sports, entertainment), in order, with the tokens
    /// `start..end` they cover.
    pub fn discards<S: AsRef<str>>(&self, tokens: &[S]) -> Vec<Discard> {
        // A whole document at a time: one buffer for all its words.
        let normalized = NormalizedText::of(tokens);
        let origin = &normalized.origin;
        self.discard_set
            .find(&normalized.words())
            .iter()
            .map(|h| {
                let (story, rule) = self.discards[h.payload as usize];
                Discard {
                    story,
                    rule,
                    start: origin[h.start],
                    end: origin[h.end - 1] + 1,
                }
            })
            .collect()
    }

    /// Table sizes: actor entries, agent entries, verb patterns, issue entries, discards.
    pub fn sizes(&self) -> [usize; 5] {
        [
            self.actors.len(),
            self.agents.len(),
            self.verbs.len(),
            self.issues.len(),
            self.discards.len(),
        ]
    }
}

#[cfg(test)]
mod tests;
