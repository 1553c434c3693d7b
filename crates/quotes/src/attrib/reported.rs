//! Reported speech: the content and source of a verb or preposition cue ("Ryabkov said that
//! …", "…, the official said", "according to him, …", "when asked whether …").

use super::*;

impl State<'_> {
    /// The end (exclusive token index) of a reported clause starting at `a` in a sentence
    /// ending at `se`: the sentence end without final punctuation, or the start of a
    /// coordinated second attribution ("…, and he added that …", "…, claiming that …").
    pub(super) fn clause_end(&self, a: usize, se: usize) -> usize {
        let s = self.scan();
        // A run-on "sentence" of thousands of tokens would make cue scans quadratic.
        let se = se.min(a + MAX_CLAUSE_TOKENS);
        let mut k = a;
        while k < se {
            if (s.is_punct(k, ":") || s.is_punct(k, ";")) && k > a {
                return trim_back(s, a, k);
            }
            if self.inp.seg_of[k] == NONE && self.cues[k].is_some() && !self.in_block[k] {
                let j = skip_modifiers_back(s, k, a);
                if j > a {
                    let p = j - 1;
                    let w = s.low(p);
                    let comma = s.is_punct(p, ",")
                        || (s.toks[p].kind == Kind::Mark && p > a && s.is_punct(p - 1, ","));
                    if matches!(w, "and" | "but") || (comma && s.low(k).ends_with("ing")) {
                        return trim_back(s, a, p);
                    }
                    if is_pronoun(w) && p > a && matches!(s.low(p - 1), "and" | "but") {
                        return trim_back(s, a, p - 1);
                    }
                    // "…, but the main opposition party rejected …": a second clause with
                    // its own subject and cue after a comma and a conjunction.
                    if let Some((r0, _)) = subject_before(s, k, a) {
                        if r0 > a + 1
                            && matches!(s.low(r0 - 1), "and" | "but")
                            && s.is_punct(r0 - 2, ",")
                        {
                            return trim_back(s, a, r0 - 2);
                        }
                    }
                }
            }
            k += 1;
        }
        trim_back(s, a, se)
    }

    pub(super) fn reported(&mut self, handled: &mut [bool]) {
        let s = self.scan();
        // Direct quotes do not overlap each other; sorted, they answer overlap queries.
        self.direct_spans = self
            .out
            .iter()
            .filter(|f| f.kind == QuoteKind::Direct)
            .map(|f| (f.start, f.end))
            .collect();
        self.direct_spans.sort_unstable();
        let n = s.toks.len();
        let mut c = 0;
        let mut last_content: Option<(usize, usize)> = None;
        while c < n {
            let Some(cue) = self.free_cue(c) else {
                c += 1;
                continue;
            };
            let len = cue.words;
            let (ss, se) = s.sent_range(s.toks[c].sent);
            let para = s.toks[c].para;
            // A belief inside a reported clause ("said he thought …") is part of that report.
            if cue.kind == CueKind::Belief && last_content.is_some_and(|(a, b)| a <= c && c < b) {
                c += len;
                continue;
            }
            // Passive "was asked", "is considered", "were criticized": the subject is not the
            // source ("asked" has its own rule).
            if cue.frame != Frame::Prep
                && cue.frame != Frame::Evid
                && cue.lemma != "ask"
                && !s.low(c).ends_with("ing")
                && c > 0
            {
                let mut p = c;
                while p > ss
                    && s.is_word(p - 1)
                    && matches!(
                        s.low(p - 1),
                        "also"
                            | "not"
                            | "never"
                            | "being"
                            | "been"
                            | "widely"
                            | "often"
                            | "repeatedly"
                    )
                {
                    p -= 1;
                }
                if p > ss
                    && matches!(
                        s.low(p - 1),
                        "is" | "are" | "was" | "were" | "be" | "been" | "being"
                    )
                {
                    c += len;
                    continue;
                }
            }
            // "adding to his lead", "added to the list": not speech.
            if cue.lemma == "add" && c + 1 < n && s.low(c + 1) == "to" {
                c += len;
                continue;
            }
            // "a source who asked not to be named", "who declined to be identified": a
            // request for anonymity is about the reporting, no statement of the source's.
            let to = c + len + usize::from(c + len < n && s.low(c + len) == "not");
            if matches!(cue.lemma.as_str(), "ask" | "request" | "decline" | "refuse")
                && to + 2 < n
                && s.low(to) == "to"
                && s.low(to + 1) == "be"
                && matches!(s.low(to + 2), "named" | "identified" | "quoted")
            {
                c += len;
                continue;
            }
            // "won 758 pledged delegates": a participle after a number is an adjective.
            let adjectival_next = c + len < n
                && s.is_word(c + len)
                && !s.toks[c + len].cap
                && !is_pronoun(s.low(c + len))
                && !crate::lexicon::is_function_word(s.low(c + len));
            if c > 0
                && s.is_word(c - 1)
                && s.low(c - 1).starts_with(|ch: char| ch.is_ascii_digit())
                && adjectival_next
            {
                c += len;
                continue;
            }
            let found = match cue.frame {
                Frame::Prep => self.according(c, ss, se),
                Frame::Evid => self.evidential(c, len, ss, se),
                Frame::Say if cue.lemma == "ask" && self.asked_passive(c, ss) => self.asked(c, se),
                Frame::Say | Frame::Tell | Frame::Obj => self.say(c, cue, ss, se),
            };
            if let Some((a, b, spk)) = found {
                last_content = Some((a, b));
                let (st, en) = self.span((a, b));
                // Skip content that is mostly an already attributed quote.
                let d = &self.direct_spans;
                let lo = d.partition_point(|&(_, e)| e <= st);
                let overlap: usize = d[lo..]
                    .iter()
                    .take_while(|&&(b, _)| b < en)
                    .map(|&(b, e)| en.min(e).saturating_sub(st.max(b)))
                    .sum();
                if overlap * 2 <= en - st {
                    let mut kind = QuoteKind::Indirect;
                    let mut only_quote = None;
                    let segs = self.inp.segs;
                    let first = segs.partition_point(|g| g.end <= st);
                    for (m, seg) in segs
                        .iter()
                        .enumerate()
                        .skip(first)
                        .take_while(|(_, g)| g.start < en)
                    {
                        if seg.start < en && st < seg.end {
                            kind = QuoteKind::Mixed;
                            handled[m] = true;
                            only_quote = if seg.start <= st && en <= seg.end + 1 {
                                Some(m)
                            } else {
                                None
                            };
                        }
                    }
                    // Content that is one marked quote is that direct quote, marks and
                    // all: the clause was cut before its closing `,"` (issue 11, bug 9).
                    let (st, en) = match only_quote {
                        Some(m) => {
                            kind = QuoteKind::Direct;
                            (segs[m].start, segs[m].end)
                        }
                        None => (st, en),
                    };
                    self.push(st, en, kind, spk, Some((c, c + len)), para);
                }
            }
            c += len;
        }
    }

    /// An evidential cue ("seemed", "appears"): the whole sentence is an assessment without
    /// a named source, unless the subject is the one who speaks or believes ("Rubio seemed
    /// to urge [the opposite tactic]", "Rubio seemed hopeful [that …]") or the sentence
    /// names whom it seemed so to ("[The threat seemed palpable] to him").
    pub(super) fn evidential(
        &mut self,
        c: usize,
        len: usize,
        ss: usize,
        se: usize,
    ) -> Option<(usize, usize, Option<Range>)> {
        let s = self.scan();
        if c == ss {
            return None;
        }
        let after = c + len;
        let subject = || {
            subject_before(s, c, ss).filter(|r| {
                is_agentive(s, *r) && !matches!(s.low(r.0), "it" | "this" | "that" | "there")
            })
        };
        // "seemed to urge …": the embedded cue's content, the subject as source.
        if after + 1 < se && s.low(after) == "to" && self.inp.seg_of[after + 1] == NONE {
            if let Some(inner) = self.inp.lex.by_lemma(s.low(after + 1)) {
                if inner.kind == CueKind::Speech && inner.frame != Frame::Prep {
                    if let Some(spk) = subject() {
                        let a = after + 2;
                        let b = self.clause_end(a, se);
                        if self.has_words(a, b, 1) {
                            self.used[after + 1] = true;
                            return Some((a, b, Some(spk)));
                        }
                    }
                }
            }
        }
        // "seemed hopeful that …": a stance of the subject.
        if after + 2 < se && s.is_word(after) && s.low(after + 1) == "that" {
            if let Some(spk) = subject() {
                let a = after + 2;
                let b = self.clause_end(a, se);
                if self.has_words(a, b, 3) {
                    return Some((a, b, Some(spk)));
                }
            }
        }
        let b = trim_back(s, ss, se.min(ss + MAX_CLAUSE_TOKENS));
        if !self.has_words(ss, b, 4) {
            return None;
        }
        // "… seemed palpable to him": the experiencer.
        let to_whom = (after..b.min(after + 6))
            .find(|&k| {
                s.low(k) == "to"
                    && k + 1 < b
                    && matches!(s.low(k + 1), "him" | "her" | "them" | "us" | "me")
            })
            .map(|k| (k + 1, k + 2));
        Some((ss, b, to_whom))
    }

    /// "when asked whether …", "Asked by Smith about …,", "Rubio was asked to name …": a
    /// question put to the subject; the asker, if named, is the source, and the one asked
    /// is not.
    pub(super) fn asked_passive(&self, c: usize, ss: usize) -> bool {
        let s = self.scan();
        if s.low(c) != "asked" {
            return false;
        }
        let mut p = c;
        while p > ss
            && matches!(
                s.low(p - 1),
                "also" | "not" | "never" | "repeatedly" | "often" | "then" | "later" | "again"
            )
        {
            p -= 1;
        }
        p == ss
            || matches!(
                s.low(p - 1),
                "when"
                    | "if"
                    | "after"
                    | "once"
                    | "before"
                    | "being"
                    | "was"
                    | "were"
                    | "is"
                    | "are"
                    | "be"
                    | "been"
                    | "get"
                    | "gets"
                    | "got"
            )
    }

    pub(super) fn asked(&self, c: usize, se: usize) -> Option<(usize, usize, Option<Range>)> {
        let s = self.scan();
        let mut a = c + 1;
        let mut spk = None;
        if a < se && s.low(a) == "by" {
            let ceil = (a + 1..se.min(a + 12))
                .find(|&k| {
                    !s.is_word(k)
                        || matches!(
                            s.low(k),
                            "about" | "whether" | "if" | "to" | "on" | "how" | "what" | "why"
                        )
                })
                .unwrap_or(se);
            spk = phrase_after(s, a + 1, ceil);
            a = spk.map_or(a + 1, |r| r.1);
        }
        if a < se
            && matches!(s.low(a), "about" | "on")
            && s.is_word(a + 1)
            && !is_time_like(s.low(a + 1))
        {
            a += 1;
        }
        let b = (a..se.min(a + MAX_CLAUSE_TOKENS))
            .find(|&k| s.is_punct(k, ",") || self.is_stop(k))
            .unwrap_or(se);
        let b = trim_back(s, a, b);
        self.has_words(a, b, 2).then_some((a, b, spk))
    }

    /// "In a new CNN poll, 40 percent …": a survey or report as the source of the clause.
    pub(super) fn in_source(&mut self) {
        let s = self.scan();
        for st in &s.sents {
            let (ss, se) = (st.toks.0 as usize, st.toks.1 as usize);
            if se < ss + 6 || s.low(ss) != "in" || self.in_block[ss] || self.inp.seg_of[ss] != NONE
            {
                continue;
            }
            let Some(comma) = (ss + 1..se.min(ss + 14)).find(|&i| s.is_punct(i, ",")) else {
                continue;
            };
            let source_noun = (ss + 1..comma).any(|i| {
                matches!(
                    s.low(i),
                    "poll"
                        | "survey"
                        | "study"
                        | "report"
                        | "statement"
                        | "interview"
                        | "letter"
                        | "memo"
                        | "tweet"
                        | "post"
                        | "analysis"
                        | "filing"
                        | "complaint"
                        | "lawsuit"
                        | "op-ed"
                        | "column"
                        | "email"
                        | "speech"
                )
            });
            if !source_noun {
                continue;
            }
            let a = comma + 1;
            // "In an interview, Ayotte would not rule out …": an interview or a letter is
            // somebody's words, and the main clause names whose; a poll speaks for itself.
            let personal = (ss + 1..comma).any(|i| is_personal_medium(s.low(i)));
            // A speech cue in the main clause ("In a statement, Smith said …") takes over; a
            // stance ("In a new poll, 40 percent of voters backed …") stays the source's.
            if (a..se).any(|i| {
                self.inp.seg_of[i] == NONE
                    && self.cues[i].is_some_and(|c| personal || c.frame != Frame::Obj)
            }) {
                continue;
            }
            let b = trim_back(s, a, se.min(a + MAX_CLAUSE_TOKENS));
            if !self.has_words(a, b, 3) {
                continue;
            }
            let (st0, en) = self.span((a, b));
            let kind = if (a..b).any(|i| self.inp.seg_of[i] != NONE) {
                QuoteKind::Mixed
            } else {
                QuoteKind::Indirect
            };
            let spk = personal
                .then(|| clause_opening_speaker(s, a, se))
                .flatten()
                .or_else(|| source_after(s, ss + 1, comma));
            self.push(st0, en, kind, spk, Some((ss, ss + 1)), st.para);
        }
    }

    /// The poll or survey named in the sentence `[ss, se)` when the speaker `spk` is a share
    /// of respondents ("28 percent of voters", "a majority of Democrats"): PolNeAR-style
    /// annotation takes the poll as the source of its figures.
    pub(super) fn poll_source(&self, spk: Option<Range>, ss: usize, se: usize) -> Option<Range> {
        let s = self.scan();
        let r = spk?;
        // "28 percent of [voters]": the share may stand just before the phrase.
        let from = if r.0 > ss + 1 && s.low(r.0 - 1) == "of" {
            r.0 - 2
        } else {
            r.0
        };
        let share = (from..r.1).any(|k| {
            matches!(
                s.low(k),
                "percent" | "%" | "majority" | "plurality" | "half"
            ) || s.low(k).ends_with('%')
        });
        if !share {
            return None;
        }
        let p = (ss..se).find(|&k| {
            self.inp.seg_of[k] == NONE
                && matches!(s.low(k), "poll" | "polls" | "survey" | "surveys")
        })?;
        // The phrase from the word after "in" (or the sentence start) to the next comma.
        let lo = ss.max(p.saturating_sub(10));
        let start = (lo..p)
            .rev()
            .find(|&k| s.low(k) == "in")
            .map_or(lo, |k| k + 1);
        let end = (p..se.min(p + 14))
            .find(|&k| s.is_punct(k, ",") || self.is_stop(k) || (k > p && r.0 == k))
            .unwrap_or(se.min(p + 1));
        source_after(s, start, end.max(p + 1))
    }

    /// "according to Source, content" / "content, according to Source".
    pub(super) fn according(
        &self,
        c: usize,
        ss: usize,
        se: usize,
    ) -> Option<(usize, usize, Option<Range>)> {
        let s = self.scan();
        let src_end = (c + 2..se.min(c + MAX_CLAUSE_TOKENS))
            .find(|&k| s.is_punct(k, ",") || self.is_stop(k))
            .unwrap_or(se);
        let spk = source_after(s, c + 2, src_end).or_else(|| {
            // "according to him": a pronoun object.
            (c + 2 < se
                && s.is_word(c + 2)
                && matches!(s.low(c + 2), "him" | "her" | "them" | "us" | "me"))
            .then_some((c + 2, c + 3))
        });
        let mut lead = ss;
        while lead < c
            && s.is_word(lead)
            && matches!(s.low(lead), "but" | "and" | "yet" | "so" | "also")
        {
            lead += 1;
        }
        if lead == c || (c == lead + 1 && s.is_punct(lead, ",")) {
            // Source first: the content follows the comma after the source.
            if src_end < se && s.is_punct(src_end, ",") {
                let a = src_end + 1;
                let b = self.clause_end(a, se);
                return (self.has_words(a, b, 2)).then_some((a, b, spk));
            }
            return None;
        }
        if s.is_punct(c - 1, ",") {
            let b = trim_back(s, ss, c - 1);
            return (self.has_words(ss, b, 2)).then_some((ss, b, spk));
        }
        // "X, who took 44 percent according to the commission, said …": inside a clause
        // set off by commas, the source vouches for that clause only.
        if src_end < se && s.is_punct(src_end, ",") {
            if let Some(k) = (ss..c).rev().find(|&k| s.is_punct(k, ",")) {
                let b = trim_back(s, k + 1, c);
                return (self.has_words(k + 1, b, 2)).then_some((k + 1, b, spk));
            }
        }
        let b = trim_back(s, ss, se);
        (self.has_words(ss, b, 3)).then_some((ss, b, spk))
    }

    /// The subject of the cue at `c` within `[floor, c)`: the phrase before it, or for a
    /// participle after a comma ("…, saying") or a coordinated verb ("… and said") the
    /// speaker inherited from the sentence.
    pub(super) fn cue_subject(&self, c: usize, floor: usize) -> Option<Range> {
        let s = self.scan();
        let j = skip_modifiers_back(s, c, floor);
        let prev = (j > floor).then(|| j - 1);
        let participle = s.low(c).ends_with("ing");
        let after_comma = prev.is_some_and(|p| s.is_punct(p, ",") || s.toks[p].kind == Kind::Mark);
        let coordinated = prev.is_some_and(|p| matches!(s.low(p), "and" | "but"));
        let adverbial = prev.is_some_and(|p| is_participle_subordinator(s.low(p)));
        let progressive = progressive(s, c, floor);
        let spk = subject_before(s, c, floor);
        let time_adjunct = participle && time_adjunct(s, spk, floor);
        if (participle && !progressive && (prev.is_none() || after_comma || adverbial))
            || coordinated
            || time_adjunct
        {
            let (ss, _) = s.sent_range(s.toks[c].sent);
            return self.inherited_speaker(c, ss);
        }
        if let Some(subj) = medium_object_subject(s, c, floor, spk) {
            return Some(subj);
        }
        if self.object_participle(c, floor, spk) {
            let (ss, _) = s.sent_range(s.toks[c].sent);
            return self.inherited_speaker(c, ss).or(spk);
        }
        self.reporting_speaker(spk, floor).or(spk)
    }

    /// "Trump said he wants “…”", "the department disclosed that it asked …": a cue whose
    /// subject is a pronoun opening the content clause of a speech cue reports that cue's
    /// speaker's words, and the annotation names the outer speaker. Returns the outer cue's
    /// subject when `spk` is such a pronoun.
    pub(super) fn reporting_speaker(&self, spk: Option<Range>, floor: usize) -> Option<Range> {
        let s = self.scan();
        let (p, end) = spk?;
        if end != p + 1 || !is_pronoun(s.low(p)) || crate::speaker::is_relative(s.low(p)) {
            return None;
        }
        let mut q = p;
        if q > floor && s.low(q - 1) == "that" {
            q -= 1;
        }
        // The outer cue ends right before the clause: "said", "pointed out", "told reporters".
        let k = (q.saturating_sub(3).max(floor)..q).find(|&k| {
            self.cues[k].is_some_and(|cue| {
                cue.kind == CueKind::Speech
                    && matches!(cue.frame, Frame::Say | Frame::Tell)
                    && k + cue.words == q
            })
        })?;
        let outer = self.cue_subject(k, floor)?;
        (outer.1 <= k && is_agentive(s, outer) && !is_pronoun(s.low(outer.0))).then_some(outer)
    }

    /// A participle cue right after an object ("Trump unleashed a series of tweets saying
    /// …"): the phrase before it is not a speaker, the clause's subject is.
    pub(super) fn object_participle(&self, c: usize, floor: usize, spk: Option<Range>) -> bool {
        let s = self.scan();
        s.low(c).ends_with("ing")
            && !progressive(s, c, floor)
            // "with 30 percent of voters saying": an absolute phrase has its own subject.
            && !spk.is_some_and(|r| r.0 > floor && s.low(r.0 - 1) == "with")
            && c > floor
            && s.is_word(c - 1)
            && spk.is_some_and(|r| !is_agentive(s, r))
    }

    /// The speaker of a cue whose own subject is elided: the last speaker found in the
    /// same sentence, else the sentence's subject ("He pledged … and said that …").
    pub(super) fn inherited_speaker(&self, c: usize, ss: usize) -> Option<Range> {
        let s = self.scan();
        let sent = s.toks[c].sent as usize;
        if let Some(r) = self.opening_participle_subject(c, ss) {
            return Some(r);
        }
        self.sent_speaker[sent]
            .filter(|r| r.1 <= c)
            .or_else(|| sentence_subject(s, ss, c, self.inp.seg_of))
    }

    /// "After meeting the envoy, Ames said …", "Eight years after backing Lane, the mayor
    /// …": a participle in the adverbial that opens the sentence has the main clause's
    /// subject, which follows the adverbial's comma. `None` unless the cue at `c` follows a
    /// subordinator with at most a short time phrase before it and no comma.
    fn opening_participle_subject(&self, c: usize, ss: usize) -> Option<Range> {
        let s = self.scan();
        // The subordinator right before the participle ("since" is also a modifier).
        let p = c.checked_sub(1)?;
        if p < ss || !s.is_word(p) || !is_participle_subordinator(s.low(p)) {
            return None;
        }
        if p > ss + 3 || (ss..p).any(|k| !s.is_word(k)) {
            return None;
        }
        // The main clause starts after the adverbial's comma.
        let (_, se) = s.sent_range(s.toks[c].sent);
        let comma = (c + 1..se.min(c + 20)).find(|&k| s.is_punct(k, ","))?;
        sentence_subject(s, comma + 1, se, self.inp.seg_of)
    }

    /// Reported speech around a verb cue. Returns the content token range and the speaker.
    /// Whether `[a, b)` is only a prepositional phrase naming the medium of the words: "in a
    /// joint statement", "on its website", "in a televised address on Sunday" (a preposition
    /// first, a medium noun within, at most eight words, no verb of its own).
    fn medium_adjunct(&self, a: usize, b: usize) -> bool {
        let s = self.scan();
        matches!(s.low(a), "in" | "on" | "via" | "through" | "during" | "at")
            && self.words_in(a, b) <= 8
            && (a..b).any(|k| {
                s.is_word(k) && (is_personal_medium(s.low(k)) || is_public_medium(s.low(k)))
            })
            && !(a..b)
                .any(|k| self.cues[k].is_some() || is_auxiliary(s.low(k)) || is_modal(s.low(k)))
    }

    pub(super) fn say(
        &self,
        c: usize,
        cue: &Cue,
        ss: usize,
        se: usize,
    ) -> Option<(usize, usize, Option<Range>)> {
        let s = self.scan();
        let len = cue.words;
        let j = skip_modifiers_back(s, c, ss);
        let prev = (j > ss).then(|| j - 1);
        let participle = s.low(c).ends_with("ing");
        let after_comma = prev.is_some_and(|p| s.is_punct(p, ",") || s.toks[p].kind == Kind::Mark);
        let coordinated = prev.is_some_and(|p| matches!(s.low(p), "and" | "but"));
        let adverbial = prev.is_some_and(|p| is_participle_subordinator(s.low(p)));
        let mut spk = subject_before(s, c, ss);
        let progressive = progressive(s, c, ss);
        let time_adjunct = participle && time_adjunct(s, spk, ss);
        // "…, but in a later interview said": a coordinated verb after an adverbial phrase;
        // the phrase is no subject.
        let adverbial_phrase = spk.is_some_and(|r| {
            r.0 >= ss + 2
                && is_preposition(s.low(r.0 - 1))
                && matches!(s.low(r.0 - 2), "and" | "but")
        });
        if (participle && !progressive && (prev.is_none() || after_comma || adverbial))
            || coordinated
            || time_adjunct
        {
            spk = self.inherited_speaker(c, ss);
        } else if adverbial_phrase {
            spk = self.inherited_speaker(c, ss).or(spk);
        } else if let Some(subj) = catenative_subject(s, c, ss, spk) {
            spk = Some(subj);
        } else if let Some(subj) = medium_object_subject(s, c, ss, spk) {
            spk = Some(subj);
        } else if self.object_participle(c, ss, spk) {
            spk = self.inherited_speaker(c, ss).or(spk);
        } else if let Some(outer) = self.reporting_speaker(spk, ss) {
            spk = Some(outer);
        }
        // Inverted order "…, said Smith": no subject before, a comma or quote mark instead.
        let inverted = !participle
            && after_comma
            && (spk.is_none()
                || spk.is_some_and(|r| r.1 < j - 1) && {
                    // An apposition ("Graham, a former candidate, said") keeps the normal order unless
                    // a name phrase follows the cue and closes the clause ("…, said Ed Rendell.").
                    let ceil = (c + len..se.min(c + MAX_CLAUSE_TOKENS))
                        .find(|&k| s.is_punct(k, ",") || self.is_stop(k))
                        .unwrap_or(se);
                    phrase_after(s, c + len, ceil).is_some_and(|r| {
                        r.1 == ceil
                            && !is_pronoun(s.low(r.0))
                            && (s.toks[r.0].cap
                                || (r.0..r.1).any(|k| crate::lexicon::is_title_head(s.low(k))))
                    })
                });

        // A subject after the cue: that of the main clause after an opening adverbial.
        let main_clause_subject = spk.filter(|r| r.0 > c + len);
        // "In a new poll, 28 percent of voters said …": the poll is the source of its figures.
        if let Some(poll) = self.poll_source(spk, ss, se) {
            spk = Some(poll);
        }
        // Content after the cue.
        let mut a = c + len;
        if cue.frame == Frame::Tell {
            let that = (a..se.min(a + 10))
                .find(|&k| s.low(k) == "that" || s.toks[k].kind == Kind::Mark || self.is_stop(k));
            match that {
                Some(k) if s.low(k) == "that" => a = k,
                _ => {
                    if a < se && s.is_word(a) && (is_addressee(s.low(a)) || is_pronoun(s.low(a))) {
                        a += 1;
                    } else if a < se && s.is_word(a) && s.toks[a].cap {
                        while a < se && s.is_word(a) && s.toks[a].cap {
                            a += 1;
                        }
                    }
                }
            }
        }
        // "said in a statement that …", "said via email that …": skip the adjunct; "vowed to
        // act" keeps its infinitive.
        if a < se && s.is_word(a) && is_preposition(s.low(a)) {
            let stop = |k: usize| {
                self.is_stop(k)
                    || s.toks[k].kind == Kind::Mark
                    || matches!(s.low(k), "and" | "but")
                    || self.cues[k].is_some()
            };
            match (a..se.min(a + 10)).find(|&k| s.low(k) == "that" || stop(k)) {
                Some(k) if s.low(k) == "that" => a = k,
                // "vowed to act"; "said in politics it takes time" keeps its adjunct.
                _ if s.low(a) == "to" || cue.lemma == "say" => {}
                // "complained about his mic", "called for a ban", "warned of a battle": the
                // object of the preposition is the content.
                _ if cue.frame == Frame::Obj
                    || matches!(s.low(a), "about" | "for" | "of" | "on") =>
                {
                    a += 1
                }
                _ => a = se,
            }
        }
        while a < se && (s.is_punct(a, ",") || s.is_punct(a, ":") || s.low(a) == "that") {
            a += 1;
        }
        let mut b = if a < se { self.clause_end(a, se) } else { se };
        // "Since announcing that he would not run, Ames has …": the content of a cue in an
        // opening adverbial ends before the main clause, whose subject speaks.
        if let Some(r) = main_clause_subject.filter(|r| a < r.0 && r.0 < b) {
            // At the adverbial's comma ("…, billionaire investor X is …").
            let cut = (a..r.0).rev().find(|&k| s.is_punct(k, ",")).unwrap_or(r.0);
            b = trim_back(s, a, cut);
        }
        let words = if a < b { self.words_in(a, b) } else { 0 };
        let first = if a < b { s.low(a) } else { "" };
        let min_words = if cue.frame == Frame::Obj { 1 } else { 2 };
        // "…, the mediators said in a joint statement.": the adjunct after the cue names
        // where the words appeared; the content is before the subject, not the adjunct.
        let medium_adjunct = a == c + len && a < b && self.medium_adjunct(a, b);
        let forward_ok = words >= min_words
            && !medium_adjunct
            && !is_auxiliary(first)
            && !self.is_stop(a.min(se.saturating_sub(1)));
        let demonstrative = matches!(first, "this" | "so") && words <= 6;
        // "content, Smith said Friday, as …": the content lies before, not after.
        let max_tail = if cue.frame == Frame::Tell { 6 } else { 3 };
        let relative_subject =
            spk.is_some_and(|r| r.1 == r.0 + 1 && crate::speaker::is_relative(s.low(r.0)));
        let end_cue = !relative_subject
            && spk.is_some_and(|r| r.0 < c)
            && subj_after_comma_or_mark(s, spk, ss)
            && {
                let tail = (c + len..se.min(c + MAX_CLAUSE_TOKENS))
                    .find(|&k| s.is_punct(k, ",") || self.is_stop(k))
                    .unwrap_or(se);
                self.words_in(c + len, tail) <= max_tail
                    && self.has_words(ss, spk.map_or(c, |r| r.0), 3)
            };
        // Relative clauses: "a rule change that he said would make it harder", "which
        // critics say was the best speech": the content runs from the relative pronoun.
        let rel = spk.and_then(|r| {
            (r.0 > ss
                && sitrep_text::lexical::relative_pronoun(s.low(r.0 - 1))
                    .is_some_and(|role| role != sitrep_text::lexical::RelativeRole::Possessive))
            .then(|| r.0 - 1)
        });
        if let Some(rp) = rel {
            if !inverted && a < se && s.is_word(a) && (is_auxiliary(first) || is_modal(first)) {
                let b = self.clause_end(a, se);
                return self.has_words(a, b, 2).then_some((rp, b, spk));
            }
        }
        if !inverted && !end_cue && spk.is_some() && forward_ok && !demonstrative {
            return Some((a, b, spk));
        }
        if cue.frame == Frame::Obj {
            return None;
        }
        if demonstrative && spk.is_some() {
            // "X announced this": the content is the previous sentence of the same paragraph
            // (or the last sentence of the previous one).
            let sent = s.toks[c].sent as usize;
            if sent == 0 || s.sents[sent - 1].para + 1 < s.sents[sent].para {
                return None;
            }
            let (pa, pb) = s.sent_range(sent as u32 - 1);
            let pb = trim_back(s, pa, pb);
            return (self.has_words(pa, pb, 3)).then_some((pa, pb, spk));
        }
        // Parenthetical: "The good news, Woolson said, is that …": the whole sentence.
        let subj_after_comma = spk.is_some_and(|r| {
            r.0 > ss && (s.is_punct(r.0 - 1, ",") || s.toks[r.0 - 1].kind == Kind::Mark)
        });
        let mut after = c + len;
        if after < se
            && s.is_word(after)
            && (is_addressee(s.low(after)) || is_pronoun(s.low(after)))
        {
            after += 1;
        }
        if !inverted
            && subj_after_comma
            && after < se
            && s.is_punct(after, ",")
            && self.has_words(after, se, 2)
        {
            let b = self.clause_end(after + 1, se);
            return Some((ss, b, spk));
        }
        // End position: "content, Smith said [on Monday, as …]." / "content, said Smith."
        let tail = (c + len..se.min(c + MAX_CLAUSE_TOKENS))
            .find(|&k| s.is_punct(k, ",") || self.is_stop(k))
            .unwrap_or(se);
        if !inverted && !medium_adjunct && self.words_in(c + len, tail) > max_tail.max(4) {
            return None;
        }
        let (comma, spk) = if inverted {
            let ceil = (c + len..se.min(c + MAX_CLAUSE_TOKENS))
                .find(|&k| s.is_punct(k, ",") || self.is_stop(k))
                .unwrap_or(se);
            (j - 1, phrase_after(s, c + len, ceil))
        } else {
            // The earliest comma (or closing mark) before the cue that a subject phrase
            // follows: "…, Cecelia Purner, 67, a retired teacher, said." The phrase between
            // it and the cue is the speaker.
            let lo = ss.max(j.saturating_sub(30));
            let is_break =
                |k: usize| s.is_punct(k, ",") || (s.toks[k].kind == Kind::Mark && k + 1 < j);
            let last_break = (lo..j).rev().find(|&k| is_break(k))?;
            let first_stop = (lo..j)
                .rev()
                .find(|&k| self.is_stop(k) || self.cues[k].is_some())
                .map_or(lo, |k| k + 1);
            let k = (first_stop..j)
                .find(|&k| {
                    is_break(k)
                        && phrase_after(s, k + 1, j).is_some_and(|r| {
                            s.toks[r.0].cap
                                || is_pronoun(s.low(r.0))
                                || matches!(s.low(r.0), "the" | "a" | "an")
                        })
                })
                .unwrap_or(last_break);
            // "…, a charge the army denied": a noun of assertion before the subject makes
            // the cue a relative clause about that noun; what it denies is the other
            // speaker's statement before the comma, not words of its own.
            if let Some(r) = spk.filter(|r| r.0 > k + 1 && r.0 <= k + 4) {
                if s.is_word(r.0 - 1)
                    && (is_assertion_noun(s.low(r.0 - 1)) || is_subordinator(s.low(r.0 - 1)))
                {
                    return None;
                }
            }
            let spk = match spk {
                Some(r) if r.0 > k => Some(r),
                _ => (k + 1 < j).then_some((k + 1, j)),
            };
            (k, spk)
        };
        spk?;
        let b = trim_back(s, ss, comma);
        if is_opening_adverbial(s, ss, b) {
            return None;
        }
        (self.has_words(ss, b, 3)).then_some((ss, b, spk))
    }
}

/// "…, though they still favoured a diplomatic solution": a subordinate or contrasting
/// clause after the comma; the words before it are not its content ("as" is left out:
/// "…, as the minister said" attributes them).
fn is_subordinator(w: &str) -> bool {
    matches!(
        w,
        "though" | "although" | "because" | "while" | "whereas" | "if" | "unless" | "but"
    )
}

/// Nouns naming a statement ("a charge", "claims", "an allegation"): the object of a
/// reduced relative clause after them ("a charge the army denied").
fn is_assertion_noun(w: &str) -> bool {
    matches!(
        w,
        "charge"
            | "charges"
            | "claim"
            | "claims"
            | "accusation"
            | "accusations"
            | "allegation"
            | "allegations"
            | "assertion"
            | "assertions"
            | "report"
            | "reports"
            | "suggestion"
            | "account"
    )
}

/// `[a, b)` is only the adverbial that opens a sentence ("After the vote, Mexico said
/// enough", "In a two-minute response, Cruz said …"): it starts with a preposition or a
/// subordinator and holds no comma or quote mark, so it is no content before a cue.
fn is_opening_adverbial(s: &Scan, a: usize, b: usize) -> bool {
    let mut i = a;
    while i < b && s.is_word(i) && matches!(s.low(i), "but" | "and" | "yet" | "so") {
        i += 1;
    }
    i < b
        && s.is_word(i)
        && (is_preposition(s.low(i)) || opens_adverbial(s.low(i)))
        && !(i..b).any(|k| s.is_punct(k, ",") || s.toks[k].kind == Kind::Mark)
}

/// Subordinators ("when", "because") and the prepositions [`is_preposition`] leaves out
/// ("despite", "amid", "following") that open a sentence's adverbial.
fn opens_adverbial(w: &str) -> bool {
    matches!(
        w,
        "when"
            | "while"
            | "if"
            | "though"
            | "although"
            | "because"
            | "since"
            | "until"
            | "once"
            | "among"
            | "despite"
            | "amid"
            | "as"
            | "unlike"
            | "without"
            | "following"
    )
}

/// The cue at `c` is a progressive form ("is calling", "he’s not predicting", "were
/// repeatedly saying"): a finite verb with its own subject, not a participial adjunct.
fn progressive(s: &Scan, c: usize, floor: usize) -> bool {
    let mut k = c;
    while k > floor && s.is_word(k - 1) {
        let w = s.low(k - 1);
        if matches!(w, "is" | "are" | "was" | "were" | "be" | "been" | "am")
            || ["'s", "’s", "'re", "’re", "'m", "’m"]
                .iter()
                .any(|x| w.ends_with(x))
        {
            return true;
        }
        if !matches!(
            w,
            "not" | "also" | "still" | "now" | "already" | "repeatedly" | "always"
        ) && !w.ends_with("ly")
        {
            return false;
        }
        k -= 1;
    }
    false
}

/// "Ham went on to explain …", "she refused to say …", "he wants to discuss …": a cue
/// infinitive after another verb has that verb's subject (the rules find no phrase right
/// before "to").
fn catenative_subject(s: &Scan, c: usize, ss: usize, spk: Option<Range>) -> Option<Range> {
    if spk.is_some() || c < ss + 3 || s.low(c - 1) != "to" {
        return None;
    }
    let mut v = c - 2;
    // "went on to", "went ahead to".
    if matches!(s.low(v), "on" | "ahead" | "back") && v > ss {
        v -= 1;
    }
    let w = s.low(v);
    if !s.is_word(v) || s.toks[v].cap || is_function_word(w) || is_preposition(w) {
        return None;
    }
    subject_before(s, v, ss).filter(|r| is_agentive(s, *r))
}

/// The speaker phrase follows a comma or a quote mark (content before it).
fn subj_after_comma_or_mark(s: &Scan, spk: Option<Range>, ss: usize) -> bool {
    spk.is_some_and(|r| {
        r.0 > ss && (s.is_punct(r.0 - 1, ",") || s.toks[r.0 - 1].kind == Kind::Mark)
    })
}

fn is_time_like(w: &str) -> bool {
    matches!(
        w,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday" | "the"
    )
}

/// Words a person produces (as opposed to a poll or a study, which speak for themselves):
/// "a statement", "an interview", "a letter".
fn is_personal_medium(w: &str) -> bool {
    matches!(
        w,
        "statement"
            | "statements"
            | "interview"
            | "interviews"
            | "letter"
            | "memo"
            | "tweet"
            | "tweets"
            | "post"
            | "op-ed"
            | "column"
            | "email"
            | "speech"
            | "video"
            | "message"
            | "release"
    )
}

/// Occasions and channels of public words ("a news conference", "its website", "a
/// televised address"), which like a personal medium are no content of their own.
fn is_public_medium(w: &str) -> bool {
    matches!(
        w,
        "conference"
            | "briefing"
            | "address"
            | "remarks"
            | "website"
            | "broadcast"
            | "communique"
            | "communiqué"
            | "telegram"
            | "podcast"
    )
}

/// The speaker opening the main clause at `a`: a personal pronoun, or a capitalised name
/// run (with abbreviations: "Sen. Kelly Ayotte") followed by a lowercase word (its verb).
fn clause_opening_speaker(s: &Scan, a: usize, se: usize) -> Option<Range> {
    if a >= se || !s.is_word(a) {
        return None;
    }
    if is_pronoun(s.low(a)) {
        return matches!(s.low(a), "he" | "she" | "they" | "we" | "i").then_some((a, a + 1));
    }
    let mut b = a;
    while b < se.min(a + 6)
        && ((s.is_word(b) && s.toks[b].cap && !is_function_word(s.low(b))) || s.is_punct(b, "."))
    {
        b += 1;
    }
    let verb_next = b < se && s.is_word(b) && !s.toks[b].cap;
    (b > a && s.is_word(b - 1) && verb_next).then_some((a, b))
}

/// A cue participle after an object that is somebody's words ("the embassy issued a
/// statement saying …"): the statement does not speak, the subject of the verb before it
/// does. Returns that subject.
fn medium_object_subject(s: &Scan, c: usize, floor: usize, spk: Option<Range>) -> Option<Range> {
    let r = spk?;
    if !s.low(c).ends_with("ing") || r.1 != c || r.0 <= floor + 1 {
        return None;
    }
    if !is_personal_medium(s.low(r.1 - 1)) {
        return None;
    }
    // "blocked a U.N. Security Council statement condemning …": a medium that names its
    // author is the source, not the subject of the verb that handles it.
    if (r.0..r.1 - 1).any(|k| {
        s.is_word(k) && s.toks[k].cap && !crate::lexicon::is_capitalised_function_word(s.low(k))
    }) {
        return Some(r);
    }
    let verb = r.0 - 1;
    let w = s.low(verb);
    if !s.is_word(verb) || s.toks[verb].cap || is_function_word(w) || is_preposition(w) {
        return None;
    }
    subject_before(s, verb, floor)
}

fn is_preposition(w: &str) -> bool {
    matches!(
        w,
        "about"
            | "for"
            | "to"
            | "in"
            | "on"
            | "upon"
            | "at"
            | "with"
            | "from"
            | "by"
            | "into"
            | "via"
            | "during"
            | "after"
            | "before"
            | "of"
            | "over"
            | "against"
    )
}

fn is_modal(w: &str) -> bool {
    matches!(
        w,
        "might" | "may" | "should" | "must" | "could" | "would" | "will" | "can"
    )
}

fn is_auxiliary(w: &str) -> bool {
    matches!(
        w,
        "have"
            | "has"
            | "had"
            | "is"
            | "are"
            | "was"
            | "were"
            | "will"
            | "would"
            | "can"
            | "could"
            | "be"
            | "been"
            | "do"
            | "does"
            | "did"
    )
}

/// Subordinators that take a participle clause: "after meeting", "while visiting", "by
/// announcing", "since leaving", "once elected", "upon hearing".
fn is_participle_subordinator(w: &str) -> bool {
    matches!(
        w,
        "before" | "after" | "while" | "by" | "when" | "without" | "since" | "once" | "upon"
    )
}

/// "at one point calling", "at the same time urging": a participle after a time phrase
/// governed by a preposition is an adjunct of the clause, and the phrase is no subject.
fn time_adjunct(s: &Scan, spk: Option<Range>, floor: usize) -> bool {
    spk.is_some_and(|(a, b)| {
        a > floor
            && b > a
            && matches!(s.low(a - 1), "at" | "in" | "on" | "for")
            && (matches!(s.low(b - 1), "point" | "time" | "moment" | "times")
                || crate::speaker::is_time_word(s.low(b - 1)))
    })
}
