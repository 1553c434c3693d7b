//! Codes the events of one analysed sentence: verb patterns, complement classes, polarity,
//! modality, passives, compound actors and noun events. No pattern, no event.

use crate::clause::{Actor, Clauses, Modal, Subject};
use crate::lexicon::{Class, Lexicon, Origin, VerbPattern, NEAR_GAP};
use crate::transform::{self, kind, Kind};
use crate::wordlists::symmetric;
use sitrep_doc::Upos;

mod author;
mod complement;
mod coup;
mod evaluation;
mod follow_up;
mod pattern_act;
mod policy;
mod pronoun;
mod reaction;
mod sides;
mod victims;
mod warning;

/// What the rule of a mutual act whose subject is a collective phrase ends in (`sides.rs`).
pub(crate) const COLLECTIVE_SUBJECT: &str = " + collective subject";

/// Heads of a subject phrase naming an explosive set by someone unnamed
/// (`subject_is_perpetrator`).
const EXPLOSIVE_HEADS: &[&str] = &["bomb", "explosive", "device", "grenade", "mine"];

/// An act of violence: CAMEO roots 18 (assault), 19 (fight), 20 (mass violence).
pub(crate) fn violent(code: &str) -> bool {
    matches!(code.get(..2), Some("18" | "19" | "20"))
}

/// Words a literal pattern word may lie from the previous one.
const MAX_GAP: usize = 8;

/// One coded event before it becomes a `sitrep_doc::Event`.
#[derive(Debug, Clone)]
pub struct Candidate<'a> {
    pub code: &'a str,
    /// Word index of the trigger.
    pub trigger: usize,
    pub sources: Vec<Actor>,
    pub targets: Vec<Actor>,
    /// A compound subject acts on each other ("A and B met", "A and B failed to agree").
    pub symmetric: bool,
    /// An act of violence by an unknown perpetrator ("gunmen", "attackers"): coded even
    /// with neither side named.
    pub unnamed_source: bool,
    /// What coded it: the pattern (sitrep table line or dictionary entry) and any
    /// complement recoding ("complement THREAT + sitrep verbs.tsv:212").
    pub rule: String,
}

#[derive(Debug, Clone)]
struct Act<'a> {
    code: &'a str,
    head: usize,
    source: Vec<Actor>,
    target: Vec<Actor>,
    /// A commitment by the source (intent, threat, denial): when the clause names no actor,
    /// the one who said it stands behind it.
    commissive: bool,
    complement: bool,
    symmetric: bool,
    /// The pattern needs a named target.
    required_target: bool,
    /// Violence by an unknown perpetrator ("gunmen killed ..."): coded without a source.
    unnamed_source: bool,
    rule: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PatternKind {
    /// Patterns with words after the verb (besides a particle).
    Words,
    /// A verb alone, or with a particle.
    Bare,
}

/// Which table a pattern is taken from: sitrep's reviewed patterns are tried before the
/// compiled dictionary's at each step (see `evaluate`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Table {
    Sitrep,
    Dictionary,
}

impl Table {
    fn holds(self, p: &VerbPattern) -> bool {
        matches!(
            (self, p.origin),
            (Table::Sitrep, Origin::Sitrep(_)) | (Table::Dictionary, Origin::Dictionary(_))
        )
    }
}

pub struct SentenceCoder<'a, 'd, F: Fn(usize) -> Option<Actor>> {
    lx: &'a Lexicon,
    c: &'a Clauses<'d>,
    /// The speaker of the quote a word lies in, if any.
    quote_speaker: F,
    /// The speaker of the quotation whose cue a word is ("..., he warned"): the source of
    /// the cue verb's act when the clause names none (see [`Self::with_cue_speakers`]).
    cue_speaker: Option<&'a dyn Fn(usize) -> Option<Actor>>,
    consumed: Vec<bool>,
    say_of: Vec<Option<usize>>,
    /// The listed lemma of each group's head (tagger lemmas repaired), or its own lemma.
    head_lemma: Vec<&'a str>,
    /// `sitrep explain`: per verb group, what was tried and why it was or was not coded.
    trace: Option<std::cell::RefCell<Vec<(usize, String)>>>,
}

impl<'a, 'd, F: Fn(usize) -> Option<Actor>> SentenceCoder<'a, 'd, F> {
    pub fn new(lx: &'a Lexicon, c: &'a Clauses<'d>, quote_speaker: F) -> Self {
        let n = c.groups.len();
        let head_lemma = c
            .groups
            .iter()
            .map(|g| {
                let w = c.w[g.head];
                lx.verb_key(w.lemma, w.text).unwrap_or("")
            })
            .collect();
        let mut me = SentenceCoder {
            lx,
            c,
            quote_speaker,
            cue_speaker: None,
            consumed: vec![false; n],
            say_of: vec![None; n],
            head_lemma,
            trace: None,
        };
        for g in 0..n {
            if let Some(comp) = me.complement(g) {
                if comp.class == Class::Say {
                    me.say_of[comp.inner] = Some(g);
                }
            }
        }
        me
    }

    /// The quotes layer's speakers of the quotation cues: a cue verb ("warned", "urged",
    /// "accused") is coded through the pattern tables like any verb, and when its clause
    /// names no source (a pronoun the window analysis cannot resolve, "..., said X"), the
    /// speaker the quotes stage found for that cue is its source.
    pub fn with_cue_speakers(mut self, f: &'a dyn Fn(usize) -> Option<Actor>) -> Self {
        self.cue_speaker = Some(f);
        self
    }

    fn note(&self, g: usize, msg: impl FnOnce() -> String) {
        if let Some(t) = &self.trace {
            t.borrow_mut().push((g, msg()));
        }
    }

    /// Notes why group `g` codes nothing; always `None`.
    fn why<T>(&self, g: usize, reason: &str) -> Option<T> {
        self.note(g, || format!("not coded: {reason}"));
        None
    }

    /// The events and, per verb group (index into `Clauses::groups`), the notes of what was
    /// tried and why it was or was not coded.
    pub fn code_traced(mut self) -> (Vec<Candidate<'a>>, Vec<(usize, String)>) {
        self.trace = Some(Default::default());
        let out = self.code_all();
        let trace = self
            .trace
            .take()
            .map(|t| t.into_inner())
            .unwrap_or_default();
        (out, trace)
    }

    /// All events of the sentence, in trigger order.
    pub fn code(mut self) -> Vec<Candidate<'a>> {
        self.code_all()
    }

    fn code_all(&mut self) -> Vec<Candidate<'a>> {
        let mut out: Vec<Candidate<'a>> = Vec::new();
        // The last act of violence coded in the sentence (its index in `out`).
        let mut last_violent: Option<usize> = None;
        for g in 0..self.c.groups.len() {
            if let Some(act) = self.code_group(g) {
                if violent(act.code) {
                    // "clashed on Tuesday, killing three soldiers": the casualties of an act
                    // of violence are its result, not an act of their own; the victims are
                    // its target when it names none.
                    if let Some(i) = last_violent.filter(|_| self.result_participle(g)) {
                        let main = &mut out[i];
                        // (A compound subject of a mutual act is its own target.)
                        let mutual = main.symmetric && main.sources.len() > 1;
                        if main.targets.is_empty() && !mutual {
                            main.targets = act
                                .target
                                .into_iter()
                                .filter(|t| !main.sources.iter().any(|s| s.same(t)))
                                .collect();
                        }
                        self.note(g, || {
                            "not coded: the result of the act of violence before it".to_string()
                        });
                        continue;
                    }
                    last_violent = Some(out.len());
                }
                if self.restates_earlier_act(g, &act, &out) {
                    self.note(g, || {
                        "not coded: the judgement gives the reason for its source's act before it"
                            .to_string()
                    });
                    continue;
                }
                self.emit(act, &mut out);
            }
        }
        self.warnings_that_threaten(&mut out);
        self.anaphoric_act_authors(&mut out);
        self.follow_up_targets(&mut out);
        self.noun_events(&mut out);
        self.reaction_events(&mut out);
        out
    }

    /// Whether the clause of the verb at word `k` has one of `who` (or a pronoun standing
    /// for them) as subject: "Iran warned that it would ...", not "China warned that the
    /// United States would ...".
    fn own_clause_subject(&self, k: usize, who: &[Actor]) -> bool {
        let Some(g) = self.c.group_of[k].map(|g| g as usize) else {
            return false;
        };
        let subject = self.subject_actors(g);
        subject.is_empty() || subject.iter().any(|s| who.iter().any(|x| x.same(s)))
    }

    /// "Iran warned that it would strike back": a warning (012) whose own source threatens
    /// (13x) later in the sentence is that threat, one event; the warned party ("warned the
    /// West that ...") is the threat's target when it names none.
    fn warnings_that_threaten(&self, out: &mut Vec<Candidate<'a>>) {
        let mut i = 0;
        while i < out.len() {
            let w = &out[i];
            let threat = (w.code == "012" && self.c.lemma(w.trigger) == "warn")
                .then(|| {
                    (i + 1..out.len()).find(|&j| {
                        out[j].code.starts_with("13")
                            && out[j].trigger > w.trigger
                            && !out[j].sources.is_empty()
                            && out[j]
                                .sources
                                .iter()
                                .all(|s| w.sources.iter().any(|x| x.same(s)))
                            && self.own_clause_subject(out[j].trigger, &w.sources)
                    })
                })
                .flatten();
            let Some(j) = threat else {
                i += 1;
                continue;
            };
            let warning = out.remove(i);
            let t = &mut out[j - 1];
            if t.targets.is_empty() {
                t.targets = warning.targets;
            }
            t.rule = format!("{} + warned ({})", t.rule, warning.rule);
        }
    }

    fn emit(&self, act: Act<'a>, out: &mut Vec<Candidate<'a>>) {
        out.push(Candidate {
            code: act.code,
            trigger: act.head,
            sources: act.source,
            targets: act.target,
            symmetric: act.symmetric,
            unnamed_source: act.unnamed_source,
            rule: act.rule,
        });
    }

    /// Group `g`'s verb lemma: the listed lemma of its head (tagger lemmas repaired), else the
    /// tagger's own.
    fn group_lemma(&self, g: usize) -> &'a str {
        match self.head_lemma[g] {
            "" => self.c.lemma(self.c.groups[g].head),
            listed => listed,
        }
    }

    fn word_is(&self, k: usize, lemma: &str) -> bool {
        self.c.w.get(k).is_some_and(|w| {
            w.lemma == lemma
                    || w.text.eq_ignore_ascii_case(lemma)
                    // A plural noun the tagger left as its own lemma ("troops").
                    || (w.pos == Upos::Noun
                        && w.lemma.len() == lemma.len() + 1
                        && w.lemma.ends_with('s')
                        && w.lemma.starts_with(lemma)
                        && w.text.eq_ignore_ascii_case(w.lemma))
        })
    }

    fn seq_at(&self, k: usize, seq: &[Box<str>]) -> bool {
        seq.iter().enumerate().all(|(i, l)| self.word_is(k + i, l))
    }

    /// Matches the words of a pattern in order in `from..end`; returns the index after the
    /// last and the index of the first.
    fn match_slots(&self, p: &VerbPattern, mut from: usize, end: usize) -> Option<(usize, usize)> {
        let mut first = None;
        for slot in p.slots.iter() {
            let mut found = None;
            let gap = if slot.near && first.is_some() {
                NEAR_GAP
            } else {
                MAX_GAP
            };
            // A near word (the noun of a dictionary "(PREP NOUN)" group) lies in the phrase
            // right after the previous word: "called for the withdrawal of troops" has no
            // "for >troop" (its phrase is "the withdrawal").
            let phrase = (slot.near && first.is_some())
                .then(|| self.c.np_of.get(from).copied().flatten())
                .flatten();
            'search: for k in from..end.min(from + gap + 1) {
                if phrase.is_some_and(|n| self.c.np_of[k] != Some(n)) {
                    continue;
                }
                // "agreed on Monday to ...": the preposition of a time adjunct is not the
                // pattern's word ("agree on" a plan).
                if self.c.w[k].pos == Upos::Adp && self.c.time_adjunct_end(k).is_some() {
                    continue;
                }
                for alt in &slot.alts {
                    if k + alt.len() <= end && self.seq_at(k, alt) {
                        found = Some(k + alt.len());
                        first.get_or_insert(k);
                        break 'search;
                    }
                }
            }
            from = found?;
        }
        Some((from, first.unwrap_or(from)))
    }

    /// Matches the words of a pattern after the verb (and, in the passive, in the subject);
    /// returns where its words end and where the first one starts.
    fn match_literal(&self, g: usize, p: &VerbPattern) -> Option<(usize, usize)> {
        let c = self.c;
        let grp = c.groups[g];
        let h = grp.head;
        let mut k = h + 1;
        for part in &p.particle {
            if !self.word_is(k, part) {
                return None;
            }
            k += 1;
        }
        if p.slots.is_empty() {
            return Some((k.max(grp.end), k));
        }
        let end = c.clause_end(k);
        if let Some((after, first)) = self.match_slots(p, k, end) {
            return Some((after, first));
        }
        if grp.passive {
            // "sanctions were imposed on Iran": the pattern's words are in the subject.
            let mut s = grp.start;
            while s > 0 && !c.is_boundary(s - 1) && grp.start - s < 12 {
                s -= 1;
            }
            if self.match_slots(p, s, grp.start).is_some() {
                return Some((k.max(grp.end), k));
            }
        }
        None
    }

    /// The best pattern of group `g`'s verb that needs words after it (`slots`: words beyond
    /// a particle), or a bare one. Among word patterns: most words, then the earliest first
    /// word ("humanitarian aid" beats "aid"), then file order. Among bare patterns: one whose
    /// target preposition is present, else the first.
    fn match_pattern(
        &self,
        g: usize,
        kind: PatternKind,
        table: Table,
    ) -> Option<(&'a VerbPattern, usize)> {
        self.match_pattern_at(g, kind, table)
            .map(|(p, after, _)| (p, after))
    }

    /// `match_pattern`, with where the pattern's first word matched (the token after the
    /// verb for a bare pattern).
    fn match_pattern_at(
        &self,
        g: usize,
        kind: PatternKind,
        table: Table,
    ) -> Option<(&'a VerbPattern, usize, usize)> {
        let c = self.c;
        let lemma = self.head_lemma[g];
        let mut best: Option<(&'a VerbPattern, usize, (usize, usize, usize))> = None;
        let mut first_bare = None;
        // A mutual act's prepositional pattern with a compound subject, when no other bare
        // pattern of the verb applies ("agree" stays 030, "clash" becomes 190).
        let mut mutual_fallback = None;
        for p in self.lx.verb_patterns(lemma).filter(|p| table.holds(p)) {
            let is_kind = match kind {
                PatternKind::Words => !p.slots.is_empty(),
                PatternKind::Bare => p.slots.is_empty(),
            };
            if !is_kind {
                continue;
            }
            let Some((after, first)) = self.match_literal(g, p) else {
                continue;
            };
            self.note(g, || {
                let code = if p.null {
                    "---".to_string()
                } else {
                    self.lx.codes.info(p.code).code.clone()
                };
                format!("pattern matched: {code} {}", p.origin)
            });
            if kind == PatternKind::Bare {
                if !p.particle.is_empty() {
                    return Some((p, after, after));
                }
                if !p.target.preps.is_empty() && !p.target.obj {
                    // "agree with X" (019) only when "with X" is there; else "agree" (030).
                    if c.prep_object(&p.target.preps, after, c.clause_end(after).min(after + 3))
                        .is_some()
                    {
                        return Some((p, after, after));
                    }
                    // "Armenian and Azerbaijani forces clashed": a compound subject of a
                    // mutual act is both sides; the preposition is not needed.
                    if mutual_fallback.is_none()
                        && symmetric(&self.lx.codes.info(p.code).code)
                        && self.subject_actors(g).len() > 1
                    {
                        mutual_fallback = Some((p, after, after));
                    }
                    continue;
                }
                first_bare.get_or_insert((p, after, after));
                continue;
            }
            let rank = (usize::MAX - p.slots.len(), first, p.line);
            if best.is_none_or(|(_, _, r)| rank < r) {
                best = Some((p, after, rank));
            }
        }
        match kind {
            PatternKind::Words => best.map(|(p, a, (_, first, _))| (p, a, first)),
            PatternKind::Bare => first_bare.or(mutual_fallback),
        }
    }

    /// The dictionary's best word pattern of group `g`'s verb when its first word is the
    /// verb's direct object (inside the noun phrase right after the verb) or the word right
    /// after that phrase or the verb ("seize power", "seize shipment of arms", "seize in
    /// raid"): the pattern then matches the verb's own phrase, not words further in the clause.
    fn tight_dictionary_pattern(&self, g: usize) -> Option<(&'a VerbPattern, usize)> {
        let c = self.c;
        let k = c.groups[g].head + 1;
        let mut best: Option<(&'a VerbPattern, usize, (usize, usize, usize))> = None;
        for p in self.lx.verb_patterns(self.head_lemma[g]) {
            if !Table::Dictionary.holds(p) || p.slots.is_empty() || !p.particle.is_empty() {
                continue;
            }
            let Some((after, first)) = self.match_literal(g, p) else {
                continue;
            };
            let object_end = self.np_starting_at(k, false).map_or(k, |np| c.nps[np].end);
            if first > object_end {
                continue;
            }
            let rank = (usize::MAX - p.slots.len(), first, p.line);
            if best.is_none_or(|(_, _, r)| rank < r) {
                best = Some((p, after, rank));
            }
        }
        best.map(|(p, a, _)| (p, a))
    }

    /// Whether group `g`'s object names an actor: the noun phrase right after its verb, or
    /// in the passive its subject ("A camp in Chad was attacked").
    fn object_names_actor(&self, g: usize) -> bool {
        let c = self.c;
        if c.groups[g].passive && !self.subject_actors_as(g, false).is_empty() {
            return true;
        }
        self.np_starting_at(c.groups[g].head + 1, false)
            .is_some_and(|np| (c.nps[np].start..c.nps[np].end).any(|i| c.actor[i].is_some()))
    }

    fn np_starting_at(&self, mut k: usize, skip_particles: bool) -> Option<usize> {
        let c = self.c;
        while k < c.len()
            && (c.w[k].pos == Upos::Adv
                || (skip_particles
                    && matches!(
                        c.lemma(k),
                        "up" | "out" | "off" | "down" | "over" | "back" | "away"
                    )))
        {
            k += 1;
        }
        c.np_starting(k)
    }

    fn subject_actors(&self, g: usize) -> Vec<Actor> {
        self.subject_actors_as(g, true)
    }

    /// The actors of group `g`'s subject; `source` when they act (not when a passive
    /// subject is the target).
    fn subject_actors_as(&self, g: usize, source: bool) -> Vec<Actor> {
        let c = self.c;
        // A parsed sentence: the subject the tree gives, named by its head. Only when the
        // tree finds no subject at all does the window analysis look for one.
        if let Some(s) = c.tree_subject(c.groups[g].head) {
            let mut a = c.tree_actors(&[s], source, false);
            if a.is_empty() {
                // The parse may have split the subject: the window analysis's actors, less
                // those the tree rules refused inside the subject phrase (its modifiers).
                a = self.window_subject_actors(g, source);
                a.retain(|x| !c.inside_phrase(s, *x));
            }
            if a.is_empty() {
                if c.is_first_person(s) {
                    return (self.quote_speaker)(s).into_iter().collect();
                }
                if c.w[s].pos == Upos::Pron {
                    if let Some(sg) = self.say_of.get(g).copied().flatten() {
                        return self.subject_actors(sg);
                    }
                }
            }
            return a;
        }
        self.window_subject_actors(g, source)
    }

    /// The actors of group `g`'s subject from the POS-window analysis.
    fn window_subject_actors(&self, g: usize, source: bool) -> Vec<Actor> {
        match self.c.subject(g) {
            Subject::Np(np) => {
                let a = self.c.phrase_actors_as(np, source);
                if a.is_empty() {
                    let p = self.c.nps[np];
                    if p.end - p.start == 1 && self.c.is_first_person(p.start) {
                        return (self.quote_speaker)(p.start).into_iter().collect();
                    }
                    // "Syria says it will not ...": an unresolved pronoun subject of a
                    // reported clause is the one reporting.
                    if p.end - p.start == 1 && self.c.w[p.start].pos == Upos::Pron {
                        if let Some(s) = self.say_of.get(g).copied().flatten() {
                            return self.subject_actors(s);
                        }
                    }
                }
                a
            }
            Subject::None => Vec::new(),
        }
    }

    fn agent_actors(&self, g: usize) -> Vec<Actor> {
        let c = self.c;
        if c.parsed() {
            // The tree's agent; else (a "by" phrase the parse hung on a noun) the window's.
            let agent = c.tree_agent(c.groups[g].head);
            let a = c.tree_actors(&agent, true, false);
            if !a.is_empty() || !agent.is_empty() {
                return a;
            }
        }
        let from = c.groups[g].end;
        let by: [Box<str>; 1] = [Box::from("by")];
        c.prep_object(&by, from, c.clause_end(from))
            .map(|np| c.phrase_actors(np))
            .unwrap_or_default()
    }

    /// The act a group asserts, before its own polarity and modality are applied.
    fn evaluate(&mut self, g: usize, depth: u8) -> Option<Act<'a>> {
        if depth > 3 {
            return None;
        }
        let words = self.match_pattern_at(g, PatternKind::Words, Table::Sitrep);
        let comp = self.complement(g);
        // A verb + preposition pattern whose preposition lies beyond the start of the verb's
        // complement belongs to the complement's phrase, and yields to it: "agreed on Monday
        // to impose sanctions on Belarus" is not "agree on". (Pattern nouns may lie in the
        // complement: "threatened to resume attacks" is "threaten ... attack".)
        let inner_start = comp
            .as_ref()
            .filter(|comp| comp.class != Class::Say)
            .map(|comp| self.c.groups[comp.inner].start);
        if let Some((p, after, first)) = words {
            let in_complement = inner_start.is_some_and(|s| first >= s)
                && self.c.w.get(first).is_some_and(|w| w.pos == Upos::Adp);
            if !in_complement {
                return Some(self.act_from_pattern(g, p, after));
            }
        }
        if let Some(comp) = comp {
            if comp.class != Class::Say {
                let act = self.complement_act(g, comp, depth);
                if act.is_some() || !(comp.that && comp.class == Class::Threat) {
                    return act;
                }
                // A warning whose clause makes no threat: the verb's own sense below, and
                // the clause's act is coded on its own, as after any speech verb.
                self.consumed[comp.inner] = false;
            }
            if self.head_lemma[g] == "agree" {
                // "agreed (that) it was a concern": accord (019), not an agreement to act.
                let grp = self.c.groups[g];
                let code = self
                    .lx
                    .codes
                    .get("019")
                    .map(|id| self.lx.codes.info(id).code.as_str())?;
                return Some(Act {
                    code,
                    head: grp.head,
                    source: self.subject_actors(g),
                    target: Vec::new(),
                    commissive: false,
                    complement: false,
                    symmetric: false,
                    required_target: false,
                    unnamed_source: false,
                    rule: "complement SAY (agree that)".to_string(),
                });
            }
        }
        // A verb of naming whose object is judged ("called the accord a disaster") says
        // what the judgement is, whatever the verb's own sense.
        if let Some(act) = self.evaluation_act(g) {
            return Some(act);
        }
        // Then sitrep's bare verbs (its reviewed default sense of a verb), then the
        // dictionary's patterns with words, then the dictionary's bare verbs. A dictionary
        // null pattern ("---") that matches means no event for this verb.
        if let Some((p, after)) = self.match_pattern(g, PatternKind::Bare, Table::Sitrep) {
            // A dictionary pattern whose words are the verb's own object or the preposition
            // right after it says more than a bare verb whose object names no actor ("seized
            // power" is the dictionary's 180, not sitrep's bare "seize", 1711, which is about
            // someone's property); with an actor in the object ("arrested three protest
            // leaders", "visited Tokyo") the bare verb's reviewed sense and target stand, and
            // words further in the clause say nothing of the verb's sense.
            if p.particle.is_empty() && !p.target.required && !self.object_names_actor(g) {
                if let Some((d, d_after)) = self.tight_dictionary_pattern(g) {
                    if d.null {
                        return self.why(g, "a dictionary null pattern (---) matched: no event");
                    }
                    return Some(self.act_from_pattern(g, d, d_after));
                }
            }
            return Some(self.act_from_pattern(g, p, after));
        }
        if let Some((p, after)) = self.match_pattern(g, PatternKind::Words, Table::Dictionary) {
            if p.null {
                return self.why(g, "a dictionary null pattern (---) matched: no event");
            }
            return Some(self.act_from_pattern(g, p, after));
        }
        let (p, after) = self.match_pattern(g, PatternKind::Bare, Table::Dictionary)?;
        if p.null {
            return self.why(g, "a dictionary null pattern (---) matched: no event");
        }
        let mut act = self.act_from_pattern(g, p, after);
        // The dictionary's bare verbs are its widest senses ("want", "expect", "decide" are
        // 030, "help" 070). CAMEO defines intent to cooperate (03), material cooperation (06)
        // and aid (07) as acts towards a counterpart, and PETRARCH codes no event without
        // one: so a bare verb coding one of them needs a named target ("Ryanair expects
        // lower costs" is no event; "Oxford wants Google to scan books" keeps Google).
        if matches!(act.code.get(..2), Some("03" | "06" | "07")) {
            act.required_target = true;
        }
        Some(act)
    }

    /// The speaker who stands behind group `g`: the subject of a governing speech verb, or
    /// the speaker of the quote it is in.
    fn speaker(&self, g: usize) -> Vec<Actor> {
        if let Some(s) = self.say_of[g] {
            let a = self.subject_actors(s);
            if !a.is_empty() {
                return a;
            }
        }
        (self.quote_speaker)(self.c.groups[g].head)
            .into_iter()
            .collect()
    }

    /// The event a group codes, with its own polarity and modality applied.
    fn code_group(&mut self, g: usize) -> Option<Act<'a>> {
        if let Some(reason) = self.no_clause_of_its_own(g) {
            return self.why(g, reason);
        }
        let grp = self.c.groups[g];
        let act = self.coup_act(g).or_else(|| self.evaluate(g, 0));
        if let Some(reason) = self.not_asserted(g) {
            return self.why(g, reason);
        }
        let Some(mut act) = act else {
            return self.why(
                g,
                "no pattern of this verb matched (or its complement coded nothing)",
            );
        };
        // A consultation needs a counterpart ("met Iran", "Russia and Iran met"); a pattern
        // marked [!..] needs its target, which the other side of a compound subject is for a
        // mutual code ("Jordan and Britain agreed").
        if !act.complement
            && act.target.is_empty()
            && ((act.required_target && !(act.symmetric && act.source.len() >= 2))
                || (act.source.len() < 2 && act.code.starts_with("04") && !grp.passive))
        {
            return self.why(g, "the pattern needs a named target and none was found");
        }
        // CAMEO 195 "employ aerial weapons": an attack whose subject is aircraft ("Israeli
        // aircraft struck targets") is an air strike, not the generic 190; a killing by an air
        // strike ("A U.S. drone strike killed ...") too, as "killed ... in an air strike" is
        // (verbs.tsv).
        let killing = matches!(act.code, "180" | "182" | "1823");
        let strike = killing && self.subject_is_aerial(g) && self.subject_is_strike(g);
        // A bombing by aircraft ("U.S. aircraft bombed artillery positions") is 195 too.
        if strike || (matches!(act.code, "190" | "183") && self.subject_is_aerial(g)) {
            act.code = "195";
            act.rule.push_str(" + aerial subject (195)");
        }
        let future_commit = match self.apply_polarity_and_modality(g, &mut act) {
            Ok(future_commit) => future_commit,
            Err(reason) => return self.why(g, reason),
        };
        self.speaker_as_source(g, &mut act, future_commit);
        if act.target.is_empty() && !act.complement {
            // "denied British accusations": the author of the act responded to.
            act.target = self.act_noun_author(g, &act);
        }
        if act.source.is_empty() && !grp.passive && act.code.starts_with("14") {
            // People at large are no actor, but a crowd that marches or blocks roads is the
            // source of its protest ("Thousands of people marched in Hong Kong": `HKGCVL`).
            if let Some(a) = self.subject_crowd(g) {
                act.source.push(a);
            }
        }
        if act.target.is_empty() && !grp.passive {
            // "protested against the new law": the government that makes it.
            act.target = self.policy_target(g, &act);
        }
        if act.target.is_empty() && !act.source.is_empty() {
            // "..., accusing it of ...": the actor the object pronoun stands for.
            act.target.extend(self.pronoun_object(g, &act));
        }
        if act.target.is_empty() && !act.source.is_empty() {
            // "police arrested hundreds of people": the people a state coerces.
            act.target.extend(self.coerced_crowd(g, act.code));
        }
        if act.source.is_empty() && !grp.passive && act.symmetric && act.target.is_empty() {
            // "..., and the two countries signed an agreement": the two named before.
            act.source = self.collective_subject(g);
            if !act.source.is_empty() {
                act.rule.push_str(COLLECTIVE_SUBJECT);
            }
        }
        if act.source.is_empty() && !grp.passive {
            // Only a passive ("civilians were killed") may name the victim alone, and an
            // act of violence by an unknown perpetrator ("gunmen killed ...") nobody.
            if violent(act.code) && self.subject_is_perpetrator(g) {
                act.unnamed_source = true;
            } else {
                return self.why(g, "no named source actor");
            }
        }
        self.note(g, || format!("coded {} by {}", act.code, act.rule));
        Some(act)
    }

    /// The crowd (`Clauses::crowd`) group `g`'s subject names, through quantities
    /// ("hundreds of thousands of people").
    fn subject_crowd(&self, g: usize) -> Option<Actor> {
        self.crowd_of_phrase(self.subject_phrase(g)?)
    }

    /// Whether group `g` is a participle adjunct that shares the clause's subject: a gerund
    /// after a comma, or after a conjunction joining it to one ("killing three and wounding
    /// ten").
    fn result_participle(&self, g: usize) -> bool {
        let c = self.c;
        let grp = c.groups[g];
        if !grp.gerund || grp.start == 0 {
            return false;
        }
        let mut b = grp.start - 1;
        while b > 0 && c.w[b].pos == Upos::Adv {
            b -= 1;
        }
        c.w[b].text == ","
            || (c.w[b].pos == Upos::Cconj
                && g > 0
                && c.groups[g - 1].gerund
                && self.result_participle(g - 1))
    }

    /// Whether group `g`'s subject is a strike ("an air strike", "a drone strike",
    /// "airstrikes"), not the aircraft themselves.
    fn subject_is_strike(&self, g: usize) -> bool {
        self.subject_phrase(g).is_some_and(|np| {
            let p = self.c.nps[np];
            matches!(self.c.lemma(p.end - 1), "strike" | "airstrike")
        })
    }

    /// The phrase of group `g`'s subject, from the tree if it has one.
    fn subject_phrase(&self, g: usize) -> Option<usize> {
        let c = self.c;
        match c.tree_subject(c.groups[g].head) {
            Some(s) => c.np_of[s].map(|n| n as usize),
            None => match c.subject(g) {
                Subject::Np(np) => Some(np),
                Subject::None => None,
            },
        }
    }

    /// Whether group `g`'s subject names aircraft ("Israeli aircraft", "warships and
    /// aircraft", "drones") or their strikes ("an air strike", "a drone strike").
    fn subject_is_aerial(&self, g: usize) -> bool {
        const AERIAL: &[&str] = &[
            "airstrike",
            "aircraft",
            "warplane",
            "jet",
            "plane",
            "helicopter",
            "drone",
            "bomber",
            "gunship",
        ];
        let c = self.c;
        let Some(np) = self.subject_phrase(g) else {
            return false;
        };
        c.conjuncts(np).into_iter().any(|x| {
            let p = c.nps[x];
            let h = p.end - 1;
            // A suicide bomber is a person (`agents.rs`), not an aircraft.
            let suicide_bomber =
                c.lemma(h) == "bomber" && h > p.start && c.lemma(h - 1) == "suicide";
            (AERIAL.contains(&c.lemma(h)) && !suicide_bomber)
                || (c.lemma(h) == "strike"
                    && h > p.start
                    && matches!(c.lemma(h - 1), "air" | "drone"))
        })
    }

    /// Whether group `g`'s subject is an unknown perpetrator ("gunmen", "three attackers",
    /// "a suicide bomber"; `Clauses::perpetrator`), or a partitive of one ("one of the
    /// attackers").
    fn subject_is_perpetrator(&self, g: usize) -> bool {
        let c = self.c;
        let head = c.groups[g].head;
        let phrase = match c.tree_subject(head) {
            Some(s) => c.np_of[s].map(|n| n as usize),
            None => match c.subject(g) {
                Subject::Np(np) => Some(np),
                Subject::None => None,
            },
        };
        let Some(np) = phrase else { return false };
        let p = c.nps[np];
        if (p.start..p.end).any(|k| c.perpetrator[k]) {
            return true;
        }
        // A bomb that exploded was set by someone unnamed ("a car bomb exploded near a
        // police station"): the act of violence is coded without a source, as for gunmen.
        if EXPLOSIVE_HEADS.contains(&c.lemma(p.end - 1)) {
            return true;
        }
        c.lemma(p.end) == "of"
            && c.np_starting(p.end + 1).is_some_and(|nx| {
                let q = c.nps[nx];
                (q.start..q.end).any(|k| c.perpetrator[k])
            })
    }

    /// Why group `g` is no clause of its own (before its act is evaluated), if it is not:
    /// taken by a complement verb, an infinitive or a participle after a preposition, or a
    /// participle describing the noun before it.
    fn no_clause_of_its_own(&self, g: usize) -> Option<&'static str> {
        if self.consumed[g] {
            return Some("taken as the complement of another verb");
        }
        let c = self.c;
        let grp = c.groups[g];
        // A bare participle after a preposition is not a clause of its own ("for negotiating"),
        // and an infinitive not taken by a complement verb is a purpose or a plan, not an act
        // ("troops were sent to attack").
        if (grp.gerund && grp.start > 0 && c.w[grp.start - 1].pos == Upos::Adp) || grp.infinitive {
            return Some(
                "an infinitive or a participle after a preposition: a purpose or plan, not an act",
            );
        }
        // A participle right after a noun describes it ("a resolution censuring X",
        // "militiamen armed with machetes"): not an act of its own.
        let bare = grp.start + 1 == grp.end && c.w[grp.head].pos == Upos::Verb;
        let np_before = (grp.start > 0)
            .then(|| c.np_of[grp.start - 1])
            .flatten()
            .map(|n| c.nps[n as usize]);
        // ... when that noun is an object or inside a prepositional phrase, so it cannot be
        // the subject of the participle's verb.
        let governed = np_before.is_some_and(|n| {
            n.start > 0 && (c.w[n.start - 1].pos == Upos::Adp || c.group_of[n.start - 1].is_some())
        });
        // A past form after a partitive subject is its predicate ("Hundreds of demonstrators
        // clashed with police"); a gerund there still describes ("the number of Americans
        // filing claims").
        let predicate = np_before.is_some_and(|n| !grp.gerund && self.partitive_subject(n.start));
        let governed = governed && !predicate;
        if bare && governed {
            let t = c.w[grp.head].text;
            let next_by_with =
                c.w.get(grp.end)
                    .is_some_and(|w| w.pos == Upos::Adp && matches!(w.lemma, "by" | "with"));
            // A past form with no object after it cannot be the verb of the object noun
            // before it: "released 20 protesters detained during the rallies" (after a
            // preposition's noun it may be: "up to 100 people demonstrated in ...").
            // Not after a speech verb, whose noun may be the subject of a clause ("said he
            // agreed"), nor a subject pronoun.
            let object_before = np_before.is_some_and(|n| {
                n.start > 0
                    && c.group_of[n.start - 1].is_some_and(|v| {
                        let head = c.groups[v as usize].head;
                        !self.lx.classes(c.lemma(head)).contains(&Class::Say)
                    })
                    && !["he", "she", "it", "they", "we", "i", "you"]
                        .iter()
                        .any(|p| c.lower_is(n.start, p))
            });
            let no_object = object_before
                && c.w
                    .get(grp.end)
                    .is_none_or(|w| matches!(w.pos, Upos::Adp | Upos::Punct));
            let participle = t.ends_with("ed")
                || t.ends_with("en")
                || crate::wordlists::irregular_past(&t.to_ascii_lowercase()).is_some();
            if grp.gerund || (participle && (next_by_with || no_object)) {
                return Some("a participle describing the noun before it");
            }
        }
        None
    }

    /// Whether the phrase starting at word `s` is the "of" member of a partitive that opens
    /// its sentence or clause ("Hundreds of demonstrators clashed with police"): the
    /// sentence's subject, so a verb after it is its predicate, not a participle.
    fn partitive_subject(&self, s: usize) -> bool {
        let c = self.c;
        if s < 2 || c.lemma(s - 1) != "of" {
            return false;
        }
        let Some(q) = c.np_of[s - 2].map(|n| c.nps[n as usize]) else {
            return false;
        };
        let head = c.w[q.end - 1];
        let quantity = head.pos == Upos::Num
            || crate::tree::QUANTITIES
                .iter()
                .any(|x| head.lemma.eq_ignore_ascii_case(x));
        let opens = q.start == 0 || matches!(c.w[q.start - 1].pos, Upos::Punct | Upos::Sconj);
        quantity && opens
    }

    /// Why group `g`'s act is not asserted by the text, if it is not: hypothetical, under a
    /// negated verb, a bare verb that is another verb's complement, or a future or
    /// conditional relative clause.
    fn not_asserted(&self, g: usize) -> Option<&'static str> {
        let c = self.c;
        let grp = c.groups[g];
        if c.hypothetical(grp.head) {
            return Some("hypothetical (if/unless/whether clause)");
        }
        // "did not mean that Libya had cut ties": a clause under a negated verb is not asserted.
        if let Some(prev) = (0..g).rev().find(|&p| !c.groups[p].infinitive) {
            let pg = c.groups[prev];
            if pg.neg
                && (pg.end..grp.start).any(|k| c.lower_is(k, "that") && c.w[k].pos == Upos::Sconj)
            {
                return Some("under a negated verb: not asserted");
            }
        }
        // "helped Taiwan defend itself": a bare verb after its verb's object is a complement.
        let hw = c.w[grp.head];
        if grp.start == grp.head
            && hw.pos == Upos::Verb
            && hw.text.eq_ignore_ascii_case(hw.lemma)
            && self.say_of[g].is_none()
        {
            if let Subject::Np(np) = c.subject(g) {
                let s0 = c.nps[np].start;
                if s0 > 0 && c.group_of[s0 - 1].is_some() {
                    return Some("a bare verb after another verb's object: its complement");
                }
            }
        }
        // "a government that will give them value": a relative clause in the future or
        // conditional describes its noun, it reports no act.
        if grp.modal != Modal::None && grp.start > 0 {
            let mut b = grp.start - 1;
            while b > 0 && c.w[b].pos == Upos::Adv {
                b -= 1;
            }
            if c.w[b].pos == Upos::Pron
                && sitrep_text::lexical::relative_pronoun(c.w[b].lemma)
                    == Some(sitrep_text::lexical::RelativeRole::Subject)
            {
                return Some("a future or conditional relative clause describing a noun");
            }
        }
        None
    }

    /// The group's own negation and modality applied to its act: a negated cooperation is
    /// a refusal, a future cooperation an intent and a future hostile act a threat,
    /// "must"/"should" said by another speaker a demand or an appeal. Ok(whether the act
    /// became a future commitment), or Err(why it is not coded).
    fn apply_polarity_and_modality(
        &self,
        g: usize,
        act: &mut Act<'a>,
    ) -> Result<bool, &'static str> {
        let grp = self.c.groups[g];
        let mut future_commit = false;
        if !act.complement {
            let k = kind(act.code);
            if grp.neg {
                // A negated act did not happen; a negated cooperation is a refusal.
                // "did not praise" is no rejection: verbal support is only withheld.
                let verbal_support = act.code.starts_with("05") && act.code != "057";
                act.code = match transform::refuse(act.code) {
                    Some(r) if k == Kind::Cooperative && !verbal_support => r,
                    _ => return Err("negated: the act did not happen"),
                };
            } else {
                match grp.modal {
                    Modal::Hedge => return Err("hedged (may, might, could): not asserted"),
                    Modal::Future => match k {
                        Kind::Cooperative => {
                            if let Some(i) = transform::intent(act.code) {
                                act.code = i;
                            }
                            future_commit = true;
                        }
                        Kind::Hostile | Kind::Protest => {
                            let Some(t) = transform::threat(act.code) else {
                                return Err("future hostile act without a threat code");
                            };
                            act.code = t;
                            future_commit = true;
                        }
                        // A future statement, demand or investigation has not happened.
                        _ if act.code.starts_with("13") => {}
                        _ => return Err("future: has not happened"),
                    },
                    Modal::Must | Modal::Should => {
                        // "Y must X", said by someone else: a demand (an appeal for "should").
                        let speaker = self.speaker(g);
                        if speaker.is_empty()
                            || speaker.iter().any(|s| act.source.iter().any(|a| a.same(s)))
                        {
                            return Err("must/should without another speaker demanding it");
                        }
                        act.code = if grp.modal == Modal::Must {
                            transform::demand(act.code)
                        } else {
                            transform::appeal(act.code)
                        };
                        act.target = std::mem::take(&mut act.source);
                        act.source = speaker;
                    }
                    Modal::None => {}
                }
            }
        } else if grp.modal == Modal::Hedge {
            return Err("hedged (may, might, could): not asserted");
        }
        Ok(future_commit)
    }

    /// A threat or promise is the speaker's act: the subject of the reporting verb ("US
    /// officials said Western countries will impose sanctions"), or the quote's speaker when
    /// the act names no source and its subject is unnamed.
    fn speaker_as_source(&self, g: usize, act: &mut Act<'a>, future_commit: bool) {
        let unnamed_subject = match self.c.subject(g) {
            Subject::None => true,
            Subject::Np(np) => {
                let n = self.c.nps[np];
                n.end - n.start == 1 && self.c.w[n.start].pos == Upos::Pron
            }
        };
        if (act.commissive || future_commit)
            && (act.code.starts_with("13") || act.code.starts_with("03"))
            && (unnamed_subject || !act.source.is_empty())
        {
            // "US officials said Western countries will impose sanctions": the threat (or
            // promise) is the speaker's act. Not when the clause's subject is no actor: "the
            // EU warned that the law would damage Georgia's bid" is no threat by the EU.
            // A clause whose subject is a name of its own ("the Kremlin said the EU would
            // impose sanctions", "Iran said Israel would attack") reports that actor's
            // threat: the speaker only reports it.
            let own_name = !act.source.is_empty()
                && matches!(self.c.subject(g), Subject::Np(np)
                    if self.c.w[self.c.nps[np].end - 1].pos == Upos::Propn
                        && self.c.w[self.c.nps[np].end - 1].text.starts_with(char::is_uppercase));
            if let Some(s) = self.say_of[g].filter(|_| !own_name) {
                let speaker = self.subject_actors(s);
                if !speaker.is_empty() {
                    act.source = speaker;
                    let src = act.source.clone();
                    act.target.retain(|t| !src.iter().any(|s| s.same(t)));
                }
            }
        }
        if act.source.is_empty() && (act.commissive || future_commit) && unnamed_subject {
            act.source = self.speaker(g);
            let src = act.source.clone();
            act.target.retain(|t| !src.iter().any(|s| s.same(t)));
        }
        // The quotes stage's speaker of a cue verb ("..., he warned"), only for a clause that
        // names no one as subject (none, or a pronoun): a subject the rules refused ("the
        // Paris-based group": a modifier) is not replaced by the quotes stage's guess.
        let c = self.c;
        let grp = c.groups[g];
        let tree_named = c
            .tree_subject(grp.head)
            .is_some_and(|s| c.w[s].pos != Upos::Pron);
        if act.source.is_empty() && !grp.passive && unnamed_subject && !tree_named {
            if let Some(s) = self.cue_speaker.and_then(|f| f(grp.head)) {
                act.source = vec![s];
                act.target.retain(|t| !t.same(&s));
                self.note(g, || {
                    "source: the speaker of the quotation this verb cues".into()
                });
            }
        }
    }

    /// "talks between A and B": symmetric noun events with both sides named.
    fn noun_events(&self, out: &mut Vec<Candidate<'a>>) {
        let c = self.c;
        for k in 0..c.len().saturating_sub(2) {
            let w = c.w[k];
            if w.pos != Upos::Noun || !c.lower_is(k + 1, "between") {
                continue;
            }
            let Some(p) = self.lx.noun(w.lemma) else {
                continue;
            };
            if c.hypothetical(k) {
                continue;
            }
            // "no talks between ...", or a noun some coded verb already governs.
            if let Some(np) = c.np_of[k] {
                let np = c.nps[np as usize];
                if (np.start..k).any(|i| c.lower_is(i, "no")) {
                    continue;
                }
            }
            if out.iter().any(|e| {
                e.trigger < k
                    && k - e.trigger <= MAX_GAP
                    && kind(e.code) == kind(self.lx.codes.info(p.code).code.as_str())
            }) {
                continue;
            }
            let Some(np) = c.np_of[k + 2] else { continue };
            let sides = c.phrase_actors(np as usize);
            if sides.len() < 2 {
                continue;
            }
            out.push(Candidate {
                code: self.lx.codes.info(p.code).code.as_str(),
                trigger: k,
                sources: sides.clone(),
                targets: Vec::new(),
                symmetric: true,
                unnamed_source: false,
                rule: format!("sitrep nouns.tsv:{}", p.line),
            });
        }
    }
}
