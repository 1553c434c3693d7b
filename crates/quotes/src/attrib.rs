//! The attribution rules: quoted segments attached to cues, reported clauses built around
//! cues, block quotes, and speakers from context for quotes without a cue.
//!
//! Everything works on token ranges of [`Scan`]; the stage turns the result into checked
//! spans and binds speakers to the names layer.

use crate::block::{find_blocks, Block};
use crate::lexicon::{is_addressee, is_function_word, is_pronoun, Cue, CueKind, CueLexicon, Frame};
use crate::marks::Segment;
use crate::scan::{Kind, Scan};
use crate::speaker::{
    is_abbrev_dot, is_agentive, phrase_after, renamed_role, sentence_subject, skip_modifiers_back,
    source_after, subject_before, Range,
};
use sitrep_doc::QuoteKind;

mod reported;

/// Tunable switches of the rules (from `QuotesConfig`).
#[derive(Debug, Clone, Copy)]
pub struct Rules {
    pub indirect: bool,
    pub block_quotes: bool,
    pub context_speakers: bool,
    pub min_clause_words: usize,
}

/// One attribution in byte offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub kind: QuoteKind,
    /// Token range of the speaker mention.
    pub speaker: Option<Range>,
    /// Token range of the cue.
    pub cue: Option<Range>,
    /// Paragraph of the quote's start.
    pub para: u32,
}

pub struct Input<'a> {
    pub scan: &'a Scan,
    pub segs: &'a [Segment],
    pub seg_of: &'a [u32],
    pub lex: &'a CueLexicon,
    pub rules: Rules,
    pub person_at: &'a dyn Fn(usize, usize) -> Option<Range>,
    /// The tagger read the token as a noun, adjective or number ("their strong support",
    /// "a detailed plan"); always false when no tagger ran.
    pub nominal: &'a dyn Fn(usize) -> bool,
}

const NONE: u32 = u32::MAX;

/// Longest reported clause, in tokens.
const MAX_CLAUSE_TOKENS: usize = 400;

struct State<'a> {
    inp: &'a Input<'a>,
    /// Cue per token start: (cue, token length).
    cues: Vec<Option<&'a Cue>>,
    /// Cue tokens already used by a direct quote.
    used: Vec<bool>,
    /// Tokens inside block quotes.
    in_block: Vec<bool>,
    out: Vec<Found>,
    /// (start, index into `out`), sorted: for context lookups.
    sorted_out: Vec<(usize, usize)>,
    /// The last speaker found in each sentence, for cues whose subject is elided.
    sent_speaker: Vec<Option<Range>>,
    /// Byte spans of direct quotes found so far, in creation order.
    direct_spans: Vec<(usize, usize)>,
}

/// Cue lemmas whose infinitive is mostly no speech: "wanted to continue negotiations",
/// "to add to", "to report to", "to show", "to find", "to maintain order".
fn infinitive_not_speech(lemma: &str) -> bool {
    matches!(
        lemma,
        "continue"
            | "add"
            | "post"
            | "report"
            | "state"
            | "write"
            | "show"
            | "find"
            | "learn"
            | "agree"
            | "maintain"
            | "charge"
            | "counter"
            | "observe"
            | "estimate"
            | "answer"
    )
}

fn is_terminal(s: &str) -> bool {
    matches!(s, "." | "!" | "?" | "…")
}

impl<'a> State<'a> {
    fn scan(&self) -> &'a Scan {
        self.inp.scan
    }

    fn span(&self, r: Range) -> (usize, usize) {
        let t = &self.scan().toks;
        (t[r.0].start(), t[r.1 - 1].end())
    }

    fn cue_len(&self, c: usize) -> usize {
        self.cues[c].map_or(1, |q| q.words)
    }

    fn free_cue(&self, c: usize) -> Option<&'a Cue> {
        if self.inp.seg_of[c] != NONE || self.used[c] || self.in_block[c] {
            return None;
        }
        self.cues[c]
    }

    /// A "." that really ends a sentence (not "Mr.").
    fn is_stop(&self, i: usize) -> bool {
        let s = self.scan();
        if s.toks[i].kind != Kind::Punct || !is_terminal(s.low(i)) {
            return false;
        }
        !(s.low(i) == "."
            && i > 0
            && s.is_word(i - 1)
            && crate::lexicon::keeps_period(s.low(i - 1)))
    }

    /// At least `n` words in `[a, b)` (stops counting early).
    fn has_words(&self, a: usize, b: usize, n: usize) -> bool {
        (a..b)
            .filter(|&i| self.scan().toks[i].kind == Kind::Word)
            .nth(n.saturating_sub(1))
            .is_some()
            || n == 0
    }

    fn words_in(&self, a: usize, b: usize) -> usize {
        (a..b)
            .filter(|&i| self.scan().toks[i].kind == Kind::Word)
            .count()
    }

    fn is_clause(&self, seg: &Segment) -> bool {
        let s = self.scan();
        let inner_end = if seg.closed { seg.last } else { seg.last + 1 };
        let words = self.words_in(seg.open + 1, inner_end);
        if words >= self.inp.rules.min_clause_words {
            // A title in title case ("“Planet of the Apes”", "the show “Life on the Line”")
            // names a work; it is no clause of its own.
            return !self.is_title(seg.open + 1, inner_end);
        }
        seg.closed && words >= 1 && seg.last > 0 && matches!(s.low(seg.last - 1), "!" | "?")
    }

    /// Words `[a, b)` in title case: every word capitalised but short function words,
    /// and no sentence punctuation inside.
    fn is_title(&self, a: usize, b: usize) -> bool {
        let s = self.scan();
        let mut caps = 0;
        for i in a..b {
            match s.toks[i].kind {
                Kind::Word if s.toks[i].cap => caps += 1,
                Kind::Word if is_function_word(s.low(i)) && s.low(i).len() <= 4 => {}
                Kind::Word => return false,
                _ if s.low(i) == "," || s.low(i) == "." && i + 1 == b => {}
                _ if matches!(s.low(i), "'" | "’" | "-" | ":" | "&") => {}
                _ => return false,
            }
        }
        if caps < 2 || !s.is_word(a) || !s.toks[a].cap {
            return false;
        }
        // Capitals in words all upper case are shouting, not a title ("“NOT OK”"); in a
        // headline written in title case they say nothing either.
        if (a..b).all(|i| !s.is_word(i) || s.toks[i].upper) {
            return false;
        }
        let (ss, se) = s.sent_range(s.toks[a].sent);
        (ss..se).any(|i| {
            (i + 1 < a || i > b)
                && s.is_word(i)
                && !s.toks[i].cap
                && s.low(i).starts_with(char::is_alphabetic)
                && !is_function_word(s.low(i))
        })
    }

    /// The cue attached after a quoted segment: `“…,” she said` / `“…,” said Smith`.
    fn cue_after(&self, seg: &Segment) -> Option<(usize, Option<Range>)> {
        let s = self.scan();
        if !seg.closed {
            return None;
        }
        let (_, pb) = s.para_range(s.toks[seg.last].para);
        let i = seg.last + 1;
        if i >= pb {
            return None;
        }
        // A quote closed by a full stop followed by a new capitalised sentence is not
        // attributed forwards unless a cue comes right away.
        let ends_sentence = seg.last > 0 && self.is_stop(seg.last - 1);
        let lim = pb.min(i + 30);
        let mut k = i;
        while k < lim {
            // A conjunction starts a new clause: "called it “careless,” but said …".
            let conjunction = s.is_word(k)
                && matches!(
                    s.low(k),
                    "but" | "and" | "while" | "because" | "although" | "though" | "whereas"
                );
            if self.inp.seg_of[k] != NONE || self.is_stop(k) || s.is_punct(k, ";") || conjunction {
                break;
            }
            if let Some(cue) = self.free_cue(k) {
                // After “… .” a capitalised word starts a new sentence; after “…?” or “…!”
                // a name and a cue may follow ("“Why?” Smith asked").
                let full_stop = seg.last > 0 && s.is_punct(seg.last - 1, ".");
                if ends_sentence && k > i && s.toks[i].cap && (full_stop || k > i + 4) {
                    return None;
                }
                // A participle right after a quote ("“…,” noting that …") is a new clause.
                if cue.frame != Frame::Prep
                    && s.low(k).ends_with("ing")
                    && (k == i || (k == i + 1 && s.is_punct(i, ",")))
                {
                    return None;
                }
                let ceil = (k..pb.min(k + MAX_CLAUSE_TOKENS))
                    .find(|&x| self.is_stop(x) || s.is_punct(x, ",") || self.inp.seg_of[x] != NONE)
                    .unwrap_or(pb);
                let spk = if cue.frame == Frame::Prep {
                    phrase_after(s, k + 2, ceil)
                } else if k == i || (k == i + 1 && s.is_punct(i, ",")) {
                    phrase_after(s, k + cue.words, ceil).or_else(|| subject_before(s, k, i))
                } else {
                    // The phrase right after the quote names the speaker ("“…,” Cecelia
                    // Purner, 67, a retired teacher, said"); else the subject before the cue.
                    let j = i + usize::from(s.is_punct(i, ","));
                    let first = phrase_after(s, j, k)
                        .filter(|r| s.toks[r.0].cap || is_pronoun(s.low(r.0)))
                        .map(|r| renamed_role(s, r, k).unwrap_or(r));
                    first
                        .or_else(|| subject_before(s, k, i))
                        .or_else(|| phrase_after(s, k + cue.words, ceil))
                };
                return Some((k, spk));
            }
            k += 1;
        }
        None
    }

    /// The cue before a quoted segment: `Smith said: “…”`, `he told reporters, “…”`.
    fn cue_before(&self, seg: &Segment) -> Option<(usize, Option<Range>)> {
        let s = self.scan();
        let (pa, _) = s.para_range(s.toks[seg.open].para);
        if seg.open == pa && s.toks[pa].para > 0 {
            // "He said:¶“…”": the cue ends the previous paragraph.
            return self.colon_cue(s.toks[pa].para - 1);
        }
        let lo = pa.max(seg.open.saturating_sub(12));
        let mut k = seg.open;
        while k > lo {
            k -= 1;
            if self.inp.seg_of[k] != NONE || self.is_stop(k) {
                return None;
            }
            if let Some(cue) = self.free_cue(k) {
                if cue.frame == Frame::Prep {
                    return None;
                }
                // Only an addressee, a time phrase or "that" may lie between cue and quote,
                // and the quote must open the cue's clause: a quote after an ordinary word
                // ("he thought Fields had “made up the story”") is part of a reported clause.
                let gap = self.words_in(k + cue.words, seg.open);
                let p = seg.open - 1;
                let opens_clause =
                    p + 1 == k + cue.words || matches!(s.low(p), ":" | "," | "that" | "—" | "–");
                let max_gap = if s.is_punct(p, ":") { 10 } else { 6 };
                if gap > max_gap || !opens_clause {
                    return None;
                }
                let (ss, _) = s.sent_range(s.toks[k].sent);
                let spk = self
                    .cue_subject(k, ss)
                    .or_else(|| phrase_after(s, k + cue.words, seg.open));
                return Some((k, spk));
            }
        }
        None
    }

    fn push(
        &mut self,
        start: usize,
        end: usize,
        kind: QuoteKind,
        speaker: Option<Range>,
        cue: Option<Range>,
        para: u32,
    ) {
        if let Some(r) = speaker {
            let sent = self.scan().toks[r.0].sent as usize;
            self.sent_speaker[sent] = Some(r);
        }
        self.out.push(Found {
            start,
            end,
            kind,
            speaker,
            cue,
            para,
        });
    }

    fn blocks(&mut self) {
        let s = self.scan();
        let blocks: Vec<Block> = find_blocks(s, self.inp.seg_of, self.inp.person_at);
        for b in blocks {
            for f in &mut self.in_block[b.quote.0..b.quote.1] {
                *f = true;
            }
            let (st, en) = self.span(b.quote);
            self.push(st, en, QuoteKind::Direct, Some(b.name), None, b.para);
        }
    }

    /// The cue ending a paragraph with a colon ("In a speech last July, he said:"): the
    /// cue token and its speaker.
    fn colon_cue(&self, p: u32) -> Option<(usize, Option<Range>)> {
        let s = self.scan();
        let (a, b) = s.para_range(p);
        if b < a + 2 || !s.is_punct(b - 1, ":") {
            return None;
        }
        let k = (a.max(b.saturating_sub(10))..b - 1)
            .rev()
            .find(|&k| self.free_cue(k).is_some_and(|c| c.frame != Frame::Prep))?;
        let (ss, _) = s.sent_range(s.toks[k].sent);
        let len = self.cue_len(k);
        let spk = self
            .cue_subject(k, ss)
            .or_else(|| phrase_after(s, k + len, b - 1));
        Some((k, spk))
    }

    /// A paragraph without marks after a paragraph ending in "… he said:" is his quote.
    fn colon_paragraphs(&mut self) {
        let s = self.scan();
        for p in 0..s.paras.len().saturating_sub(1) {
            let q = p as u32 + 1;
            let (qa, qb) = s.para_range(q);
            if self.in_block[qa] || s.toks[qa].kind == Kind::Mark || self.words_in(qa, qb) < 4 {
                continue;
            }
            let Some((k, spk)) = self.colon_cue(p as u32) else {
                continue;
            };
            let len = self.cue_len(k);
            for u in &mut self.used[k..k + len] {
                *u = true;
            }
            for f in &mut self.in_block[qa..qb] {
                *f = true;
            }
            let (st, en) = self.span((qa, qb));
            self.push(st, en, QuoteKind::Direct, spk, Some((k, k + len)), q);
        }
    }

    /// Direct quotes: each clause-like segment with its cue, or merged into the preceding
    /// quote of the same speaker, or left for the reported-speech pass (mixed quotes).
    fn direct(&mut self) -> Vec<bool> {
        let s = self.scan();
        let segs = self.inp.segs;
        let mut handled = vec![false; segs.len()];
        // Index into `out` of the last direct quote with a cue after it, and its paragraph.
        let mut last_direct: Option<(usize, usize)> = None;
        for (n, seg) in segs.iter().enumerate() {
            if self.in_block[seg.open] {
                handled[n] = true;
                continue;
            }
            let para = s.toks[seg.open].para;
            let clause = self.is_clause(seg);
            let after = self.cue_after(seg);
            let before = if after.is_none() {
                self.cue_before(seg)
            } else {
                None
            };
            let adjacent_before = before.is_some_and(|(k, _)| {
                let end = k + self.cue_len(k);
                self.words_in(end, seg.open) <= 3
                    && seg.open > 0
                    && (s.is_punct(seg.open - 1, ":") || s.is_punct(seg.open - 1, ","))
            });
            // A short quote takes a following cue only in the "“Crazy,” he said" shape.
            let comma_close = seg.closed
                && seg.last > 0
                && (s.is_punct(seg.last - 1, ",")
                    || s.is_punct(seg.last + 1, ",")
                    || matches!(s.low(seg.last - 1), "!" | "?"));
            if let Some((k, spk)) = after {
                if clause || (comma_close && k <= seg.last + 3) {
                    let len = self.cue_len(k);
                    for u in &mut self.used[k..k + len] {
                        *u = true;
                    }
                    // A short quote ending a clause ("Trump's misinformation may be
                    // “strategic,” said Hemsley") reports the whole clause: a mixed quote.
                    let (ss, _) = s.sent_range(s.toks[seg.open].sent);
                    // So does a longer quote that continues a clause ("Sanders “is tapping
                    // into something deep,” Rosenberg said").
                    let continues_clause = seg.open > ss && s.is_word(seg.open - 1);
                    let lead_in = (!clause || continues_clause)
                        && self.has_words(ss, seg.open, 2)
                        && (ss..seg.open).all(|x| self.inp.seg_of[x] == NONE);
                    let (start, kind) = if lead_in {
                        (s.toks[ss].start(), QuoteKind::Mixed)
                    } else {
                        (seg.start, QuoteKind::Direct)
                    };
                    self.push(start, seg.end, kind, spk, Some((k, k + len)), para);
                    last_direct = Some((self.out.len() - 1, k + len));
                    handled[n] = true;
                    continue;
                }
            }
            if let Some((k, spk)) = before {
                if clause || adjacent_before {
                    let len = self.cue_len(k);
                    for u in &mut self.used[k..k + len] {
                        *u = true;
                    }
                    self.push(
                        seg.start,
                        seg.end,
                        QuoteKind::Direct,
                        spk,
                        Some((k, k + len)),
                        para,
                    );
                    last_direct = None;
                    handled[n] = true;
                    continue;
                }
            }
            // "“Go back,” Trump barked": a name or pronoun and a verb outside the lexicon.
            if comma_close && seg.last + 2 < s.toks.len() {
                let i = seg.last + 1 + usize::from(s.is_punct(seg.last + 1, ","));
                let (_, pb) = s.para_range(para);
                let ceil = (i..pb)
                    .find(|&k| !s.is_word(k) || (!s.toks[k].cap && !is_pronoun(s.low(k))))
                    .unwrap_or(pb);
                let ceil = ceil.max(
                    (i..pb.min(i + 6))
                        .find(|&k| !s.is_word(k) || (!s.toks[k].cap && k > i + 1))
                        .unwrap_or(ceil),
                );
                if let Some(r) = phrase_after(s, i, ceil) {
                    let named = s.toks[r.0].cap
                        || is_pronoun(s.low(r.0))
                        || matches!(s.low(r.0), "the" | "a");
                    let verb = r.1 < pb
                        && s.is_word(r.1)
                        && !s.toks[r.1].cap
                        && !crate::lexicon::is_function_word(s.low(r.1));
                    if named && verb && r.0 == i {
                        self.push(
                            seg.start,
                            seg.end,
                            QuoteKind::Direct,
                            Some(r),
                            Some((r.1, r.1 + 1)),
                            para,
                        );
                        last_direct = Some((self.out.len() - 1, r.1 + 1));
                        handled[n] = true;
                        continue;
                    }
                }
            }
            // "Trump leaned in and boomed: “…”": a colon after a verb outside the lexicon.
            if seg.open > 1 && s.is_punct(seg.open - 1, ":") && s.toks[seg.open - 1].para == para {
                let v = seg.open - 2;
                let verb = s.is_word(v)
                    && !s.toks[v].cap
                    && (s.low(v).ends_with("ed") || s.low(v).ends_with('s'));
                if verb {
                    let (ss, _) = s.sent_range(s.toks[v].sent);
                    let spk = subject_before(s, v, ss)
                        .or_else(|| sentence_subject(s, ss, v, self.inp.seg_of));
                    self.push(
                        seg.start,
                        seg.end,
                        QuoteKind::Direct,
                        spk,
                        Some((v, v + 1)),
                        para,
                    );
                    last_direct = None;
                    handled[n] = true;
                    continue;
                }
            }
            if !clause {
                continue;
            }
            // A cue-less quote right after an attributed one in the same paragraph continues it.
            if let Some((idx, after_cue)) = last_direct {
                let same_para = s.toks[after_cue - 1].para == para;
                let no_stop = (after_cue..seg.open).all(|k| !self.is_stop(k) || k + 1 == seg.open);
                if same_para && seg.open >= after_cue && seg.open - after_cue <= 30 && no_stop {
                    self.out[idx].end = seg.end;
                    handled[n] = true;
                    continue;
                }
            }
            last_direct = None;
        }
        handled
    }

    /// Headline attributions: "Reid: ‘Never underestimate him’", "Poll: Smith leads in Ohio".
    /// A paragraph opening with a short capitalised phrase and a colon attributes the rest of
    /// its first sentence to that phrase.
    fn headlines(&mut self, handled: &mut [bool]) {
        let s = self.scan();
        for p in 0..s.paras.len() {
            let (a, b) = s.para_range(p as u32);
            let lim = b.min(a + 8);
            let Some(colon) = (a + 1..lim).find(|&k| s.is_punct(k, ":")) else {
                continue;
            };
            // The phrase: capitalised words (with "on", "of", "the" inside), no digits.
            let phrase_ok = (a..colon).all(|k| {
                s.is_word(k)
                    && !s.low(k).starts_with(|c: char| c.is_ascii_digit())
                    && (s.toks[k].cap
                        || matches!(s.low(k), "on" | "of" | "the" | "and" | "to" | "about"))
            }) && s.toks[a].cap
                && !matches!(
                    s.low(a),
                    "update"
                        | "note"
                        | "editor"
                        | "editor's"
                        | "editor’s"
                        | "watch"
                        | "read"
                        | "photo"
                        | "video"
                        | "source"
                        | "sources"
                        | "related"
                );
            if !phrase_ok || colon + 1 >= b || self.in_block[colon + 1] {
                continue;
            }
            let (_, se) = s.sent_range(s.toks[colon].sent);
            let c0 = colon + 1;
            let end = trim_back(s, c0, se.min(b));
            if !self.has_words(c0, end, 3) {
                continue;
            }
            let (st, en) = self.span((c0, end));
            if self.out.iter().any(|f| f.start < en && st < f.end) {
                continue;
            }
            // The speaker: the phrase up to "on"/"about" ("Gillibrand on Clinton's speeches").
            let spk_end = (a..colon)
                .find(|&k| matches!(s.low(k), "on" | "about" | "to"))
                .unwrap_or(colon);
            for (m, seg) in self.inp.segs.iter().enumerate() {
                if seg.start >= st && seg.end <= en + 1 {
                    handled[m] = true;
                }
            }
            let kind = if (c0..end).any(|k| self.inp.seg_of[k] != NONE) {
                QuoteKind::Mixed
            } else {
                QuoteKind::Indirect
            };
            self.push(
                st,
                en,
                kind,
                (spk_end > a).then_some((a, spk_end)),
                Some((colon, colon + 1)),
                p as u32,
            );
        }
    }

    /// Quoted words inside a sentence that no cue claimed ("Cruz branded the group
    /// “abhorrent” on Sunday"): the sentence is reported speech of its subject, a mixed quote.
    /// News writers quote words because someone said them; the sentence's subject is most
    /// often that someone.
    fn embedded(&mut self, handled: &mut [bool]) {
        let s = self.scan();
        let mut spans: Vec<(usize, usize)> = self.out.iter().map(|f| (f.start, f.end)).collect();
        spans.sort_unstable();
        let longest = spans.iter().map(|&(b, e)| e - b).max().unwrap_or(0) + 1;
        let mut last_sent = u32::MAX;
        for (n, seg) in self.inp.segs.iter().enumerate() {
            if handled[n] || self.in_block[seg.open] || !seg.closed || self.is_clause(seg) {
                continue;
            }
            // A long title-case segment is the title of a work ("starred in “Days of the
            // Long Tide”"), no clause and no quoted words of the sentence's subject.
            let inner_end = seg.last;
            if self.words_in(seg.open + 1, inner_end) >= self.inp.rules.min_clause_words
                && self.is_title(seg.open + 1, inner_end)
            {
                continue;
            }
            // Naming, not quoting: "the so-called “peace plan”", "a book titled “Fire”".
            let naming = seg.open > 0
                && s.is_word(seg.open - 1)
                && matches!(
                    s.low(seg.open - 1),
                    "so-called" | "titled" | "entitled" | "named"
                );
            // The title of a work ("read “War and Peace”", "the film “Selma”"): capitalised
            // words after a word for reading or a work. Slogans ("his “Make America Great
            // Again” cry") stay quotes.
            let inner = (seg.open + 1..seg.last).filter(|&k| s.is_word(k));
            let title = seg.open > 0
                && s.is_word(seg.open - 1)
                && matches!(
                    s.low(seg.open - 1),
                    "read"
                        | "reads"
                        | "watched"
                        | "book"
                        | "film"
                        | "movie"
                        | "show"
                        | "novel"
                        | "song"
                        | "album"
                        | "article"
                        | "column"
                        | "headline"
                        | "series"
                        | "play"
                        | "documentary"
                        | "memoir"
                        | "program"
                        | "programme"
                        | "magazine"
                        | "newspaper"
                )
                && inner.clone().all(|k| {
                    s.toks[k].cap
                        || matches!(
                            s.low(k),
                            "of" | "and" | "the" | "in" | "a" | "to" | "for" | "on"
                        )
                });
            if naming || title {
                continue;
            }
            let sent = s.toks[seg.open].sent;
            if sent == last_sent {
                handled[n] = true;
                continue;
            }
            let (ss, se) = s.sent_range(sent);
            let b = trim_back(s, ss, se.min(ss + MAX_CLAUSE_TOKENS));
            if b <= ss || !self.has_words(ss, b, 4) {
                continue;
            }
            let (st, en) = self.span((ss, b));
            // Not when the sentence already holds an attribution (spans sorted by start;
            // none is longer than `longest`, which bounds the backward look).
            let hi = spans.partition_point(|&(b, _)| b < en);
            if spans[..hi]
                .iter()
                .rev()
                .take_while(|&&(b, _)| b + longest > st)
                .any(|&(_, e)| e > st)
            {
                continue;
            }
            last_sent = sent;
            handled[n] = true;
            let mut spk = sentence_subject(s, ss, seg.open, self.inp.seg_of);
            // "According to him, … . At the same time, the topic … provoked “serious
            // objections”": a subject that cannot speak leaves the words to the report that
            // the previous sentence of the paragraph attributed.
            if !spk.is_some_and(|r| is_agentive(s, r)) {
                if let Some(r) = self.previous_report_speaker(sent) {
                    spk = Some(r);
                }
            }
            self.push(st, en, QuoteKind::Mixed, spk, None, s.toks[ss].para);
        }
    }

    /// The speaker of the last attribution found in the sentence before `sent`, when both
    /// are in one paragraph.
    fn previous_report_speaker(&self, sent: u32) -> Option<Range> {
        let s = self.scan();
        if sent == 0 || s.sents[sent as usize - 1].para != s.sents[sent as usize].para {
            return None;
        }
        let (pa, pb) = s.sent_range(sent - 1);
        let (lo, hi) = (s.toks[pa].start(), s.toks[pb - 1].end());
        self.out
            .iter()
            .filter(|f| f.end > lo && f.end <= hi && f.speaker.is_some())
            .max_by_key(|f| f.end)
            .and_then(|f| f.speaker)
    }

    /// The subject of a cue that ends the sentence before `sent` without any content of its
    /// own ("The ministry said in a statement.", "she told reporters on Tuesday."): such a
    /// sentence introduces the quote that follows, as a colon would. The cue must be free
    /// (no quote took it), in the same or the previous paragraph, and followed only by a
    /// short adverbial or addressee phrase opening with a function word.
    fn contentless_cue_before(&self, sent: u32) -> Option<Range> {
        let s = self.scan();
        if sent == 0 {
            return None;
        }
        let (pa, pb) = s.sent_range(sent - 1);
        if s.toks[pa].para + 1 < s.toks[s.sent_range(sent).0].para
            || !s.is_punct(pb - 1, ".")
            || (pa..pb).any(|k| self.inp.seg_of[k] != NONE)
        {
            return None;
        }
        // The last cue of the sentence, with at most six words after it.
        let k = (pa..pb - 1).rev().take(8).find(|&k| {
            self.free_cue(k).is_some_and(|c| {
                c.kind == CueKind::Speech && matches!(c.frame, Frame::Say | Frame::Tell)
            })
        })?;
        let len = self.cue_len(k);
        let after = k + len;
        if self.words_in(after, pb) > 6
            || (after < pb - 1
                && !(s.is_word(after)
                    && (is_function_word(s.low(after)) || is_addressee(s.low(after)))))
        {
            return None;
        }
        // Nothing was attributed in that sentence: the cue is really without content.
        let (lo, hi) = (s.toks[pa].start(), s.toks[pb - 1].end());
        if self.out.iter().any(|f| f.start < hi && f.end > lo) {
            return None;
        }
        self.cue_subject(k, pa)
    }

    /// Cue-less clause quotes: the speaker from context.
    fn orphans(&mut self, handled: &[bool]) {
        let s = self.scan();
        self.sorted_out = self
            .out
            .iter()
            .enumerate()
            .map(|(i, f)| (f.start, i))
            .collect();
        self.sorted_out.sort_unstable();
        for (n, seg) in self.inp.segs.iter().enumerate() {
            if handled[n] || self.in_block[seg.open] || !self.is_clause(seg) {
                continue;
            }
            // A quote standing alone starts a sentence (or follows a colon or dash) and ends
            // one; quoted titles and fragments inside a sentence are not attributed here.
            let starts = seg.open == 0
                || s.toks[seg.open - 1].para != s.toks[seg.open].para
                || s.toks[seg.open - 1].sent != s.toks[seg.open].sent
                || matches!(s.low(seg.open - 1), ":" | "—" | "–" | "-" | "(")
                || self.is_stop(seg.open - 1);
            let next = seg.last + 1;
            let ends = !seg.closed
                || next >= s.toks.len()
                || s.toks[next].para != s.toks[seg.last].para
                || self.is_stop(next)
                || s.toks[next].sent != s.toks[seg.last].sent
                || (seg.last > 0 && self.is_stop(seg.last - 1));
            if !(starts && ends) {
                continue;
            }
            let para = s.toks[seg.open].para;
            let mut spk = None;
            if self.inp.rules.context_speakers {
                // "The ministry said in a statement. “…”": a period written for a colon.
                spk = self.contentless_cue_before(s.toks[seg.open].sent);
            }
            if self.inp.rules.context_speakers && spk.is_none() {
                // The speaker of the last attribution in this or the previous paragraph.
                let before = self.sorted_out.partition_point(|&(st, _)| st < seg.start);
                spk = self.sorted_out[..before]
                    .iter()
                    .rev()
                    .take(16)
                    .map(|&(_, i)| &self.out[i])
                    .find(|f| f.para + 1 >= para && f.speaker.is_some())
                    .and_then(|f| f.speaker);
                if spk.is_none() {
                    let sent = s.toks[seg.open].sent as usize;
                    if sent > 0 {
                        let (pa, pb) = s.sent_range(sent as u32 - 1);
                        spk = sentence_subject(s, pa, pb, self.inp.seg_of);
                    }
                }
            }
            self.push(seg.start, seg.end, QuoteKind::Direct, spk, None, para);
        }
    }
}

/// `b` moved back over final punctuation and detached marks (a closing mark glued to the
/// clause's last word or stop stays: it closes a quote inside the clause).
fn trim_back(s: &Scan, a: usize, mut b: usize) -> usize {
    loop {
        if b > a && s.toks[b - 1].kind == Kind::Punct {
            b -= 1;
            continue;
        }
        if b > a + 1 && s.toks[b - 1].kind == Kind::Mark && s.toks[b - 1].start != s.toks[b - 2].end
        {
            b -= 1;
            continue;
        }
        if b == a + 1 && s.toks[a].kind != Kind::Word {
            b = a;
        }
        return b;
    }
}

/// "a little-known group called the Resistance Front", "a class called “Perception”": a
/// participle after an indefinite noun phrase, followed by a name or a quoted title, names
/// the thing; nobody speaks.
fn naming_called(s: &Scan, i: usize) -> bool {
    if s.low(i) != "called" || i == 0 {
        return false;
    }
    let (ss, _) = s.sent_range(s.toks[i].sent);
    // Back over at most four lowercase content words (the noun and its modifiers) to "a"/"an".
    let mut k = i;
    while k > ss && k + 5 > i {
        let p = k - 1;
        if s.is_punct(p, "-") {
            // "little-known", "Iran-backed"
            k = p;
            continue;
        }
        if !s.is_word(p) || s.toks[p].cap && p > ss {
            return false;
        }
        match s.low(p) {
            "a" | "an" => {
                k = p;
                break;
            }
            w if is_function_word(w) || is_pronoun(w) => return false,
            _ => k = p,
        }
    }
    if k + 1 >= i || !matches!(s.low(k), "a" | "an") {
        return false;
    }
    // A name or a quoted title follows: "called Bulgari Tower", "called the Resistance Front".
    let mut n = i + 1;
    if n < s.toks.len() && s.is_word(n) && s.low(n) == "the" {
        n += 1;
    }
    n < s.toks.len()
        && s.toks[n].sent == s.toks[i].sent
        && (s.toks[n].kind == Kind::Mark || (s.is_word(n) && s.toks[n].cap))
}

/// "President Lula called Prime Minister Modi to offer condolences": "called" with a named
/// person (or an object pronoun) and an infinitive is a telephone call, not speech; "called
/// on X to" and "called for" are the appeals the lexicon means.
fn call_to(s: &Scan, i: usize) -> bool {
    let n = s.toks.len();
    let a = i + 1;
    if a >= n || !s.is_word(a) {
        return false;
    }
    let object_end = if matches!(s.low(a), "him" | "her" | "them" | "me" | "us") {
        a + 1
    } else {
        let mut b = a;
        while b < n && b < a + 5 && (s.is_word(b) && s.toks[b].cap || is_abbrev_dot(s, b)) {
            b += 1;
        }
        b
    };
    object_end > a
        && object_end + 1 < n
        && s.low(object_end) == "to"
        && s.is_word(object_end + 1)
        && !s.toks[object_end + 1].cap
        && s.toks[object_end + 1].sent == s.toks[i].sent
}

/// Words that open a plural noun phrase: determiners, possessives and numbers ("the",
/// "their", "three", "12"). "this" and "that" are left out: they are also pronoun subjects.
fn determines_plural(w: &str) -> bool {
    (w.starts_with(|c: char| c.is_ascii_digit())
        && w.chars().all(|c| c.is_ascii_digit() || c == ','))
        || matches!(
            w,
            "the"
                | "these"
                | "those"
                | "many"
                | "several"
                | "both"
                | "his"
                | "its"
                | "their"
                | "our"
                | "my"
                | "your"
                | "dozens"
                | "hundreds"
        )
        || crate::lexicon::is_small_number_word(w)
}

pub fn attribute(inp: &Input<'_>) -> Vec<Found> {
    let s = inp.scan;
    let n = s.toks.len();
    let mut cues: Vec<Option<&Cue>> = vec![None; n];
    // Title-case sentences (headlines) keep capitalised cues ("Beck Says Trump Is a Threat");
    // elsewhere a capitalised cue word inside a sentence is part of a name ("Omar Said").
    let title_case: Vec<bool> = s
        .sents
        .iter()
        .map(|st| {
            let (a, b) = (st.toks.0 as usize, st.toks.1 as usize);
            let words = (a..b).filter(|&i| s.toks[i].kind == Kind::Word).count();
            let caps = (a..b)
                .filter(|&i| s.toks[i].kind == Kind::Word && s.toks[i].cap)
                .count();
            words > 0 && caps * 10 >= words * 7
        })
        .collect();
    for (i, slot) in cues.iter_mut().enumerate() {
        let t = &s.toks[i];
        if t.kind != Kind::Word {
            continue;
        }
        let sent_start = s.sents[t.sent as usize].toks.0 as usize;
        if t.cap
            && i > sent_start
            && s.toks[i - 1].kind == Kind::Word
            && !title_case[t.sent as usize]
        {
            continue;
        }
        *slot = inp.lex.lookup(s.low(i), |k| {
            (i + k < n && s.toks[i + k].kind == Kind::Word).then(|| s.low(i + k))
        });
        // A bare infinitive after "to" is a verb whatever forms the row lists: "went on to
        // explain", "declined to say" (verbs of saying only: "to think", "to want" are
        // seldom attributions, and "a decision to offer" is a plan, not speech). After modals
        // the bare forms cost more precision than they gave on the development set.
        // "reserved the right to respond", "a chance to explain": an infinitive completing
        // a noun is no report.
        // (The noun test comes last: it looks the token up in the document.)
        if slot.is_none()
            && i > sent_start
            && s.is_word(i - 1)
            && s.low(i - 1) == "to"
            && !(i >= sent_start + 2 && (inp.nominal)(i - 2))
        {
            *slot = inp.lex.by_lemma(s.low(i)).filter(|c| {
                c.kind == CueKind::Speech
                    && matches!(c.frame, Frame::Say | Frame::Tell)
                    && !infinitive_not_speech(&c.lemma)
            });
        }
        // The same verbs written as a listed form after "to" are no speech either: "urged
        // both sides to show restraint", "wanted to continue", "agreed to report back".
        if i > sent_start
            && s.is_word(i - 1)
            && s.low(i - 1) == "to"
            && slot.is_some_and(|c| c.words == 1 && infinitive_not_speech(&c.lemma))
        {
            *slot = None;
        }
        if slot.is_some_and(|c| c.lemma == "call") && (naming_called(s, i) || call_to(s, i)) {
            *slot = None;
        }
        // A one-word cue the tagger reads as a noun or adjective is no verb of speech.
        let w = s.low(i);
        // Only the base form: "calls", "says" read as nouns are mostly the tagger's errors.
        let bare = !w.ends_with("ed") && !w.ends_with("ing") && !w.ends_with('s');
        // A plural noun right after a determiner or a number is never a finite verb: "three
        // suspects who fled", "the claims", "their calls" (the tagger must agree).
        let plural_noun = w.ends_with('s')
            && i > sent_start
            && s.is_word(i - 1)
            && determines_plural(s.low(i - 1));
        if slot.is_some_and(|c| c.words == 1 && c.frame != Frame::Prep)
            && (bare || plural_noun)
            && (inp.nominal)(i)
        {
            *slot = None;
        }
    }
    let mut st = State {
        inp,
        cues,
        used: vec![false; n],
        in_block: vec![false; n],
        out: Vec::new(),
        sorted_out: Vec::new(),
        sent_speaker: vec![None; s.sents.len()],
        direct_spans: Vec::new(),
    };
    if inp.rules.block_quotes {
        st.blocks();
        st.colon_paragraphs();
    }
    let mut handled = st.direct();
    if inp.rules.indirect {
        st.headlines(&mut handled);
    }
    if inp.rules.indirect {
        st.reported(&mut handled);
        st.in_source();
        st.embedded(&mut handled);
    }
    st.orphans(&handled);
    st.out
}
