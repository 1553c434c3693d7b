//! The quotation layer of sitrep: who said what, with the evidence in the text.
//!
//! [`QuotesStage`] fills `Document::quotes` with direct quotes (in any quote-mark style,
//! nested, over several paragraphs, and block quotes closed by a bare "Name Title" line),
//! mixed quotes (reported speech holding quoted words) and indirect quotes (reported speech
//! introduced by a cue from the reviewed lexicon `data/cues.tsv`). Each quote carries the
//! cue and the speaker mention as written next to the cue — "she" in "…,” she stressed" —
//! and, when the names layer ran before it, the entity that mention resolves to.
//!
//! Key decision: rules over a light scan of words and marks, no model. Quote marks, cue
//! verbs and the shape of news attribution carry most of the signal, and rules keep the
//! stage fast (tens of MB/s) and every decision explainable. When the dependency parse
//! (`deps`) is present, the speaker is a ranked choice: the rules' phrase stands unless the
//! parse shows it is no subject of the cue (an addressee, an adverbial, a possessor, a
//! phrase without a noun) and proposes the cue's subject instead (`structure`). The stage requires
//! paragraphs, sentences and tokens; it *uses* mentions and entities when `doc.done`
//! contains `MENTIONS` (speaker spans and entities come from the names layer, following its
//! coreference), and without them falls back to its own finder of capitalised names,
//! pronouns and noun phrases, so it is testable and useful before the names layer. The
//! tagger's parts of speech, when present, tell a cue's base form used as a noun ("their
//! strong support") from the verb ("would support").
//! It also tolerates an empty paragraph or sentence layer (lines and its own sentence rule).
//!
//! Conventions (those of the PolNeAR annotation the stage is evaluated against): a quote
//! split by its attribution ("“A,” she said. “B.”") is one quote whose span runs from the
//! first opening mark to the last closing mark; a relative pronoun next to the cue ("Kim,
//! who said …") is the speaker mention, bound to its antecedent's entity; quoted words inside
//! a sentence with no cue make the sentence a mixed quote of its subject; evidential verbs
//! ("appears", "seemed") give a quote without speaker, unless the subject speaks or believes
//! through them ("Rubio seemed to urge …", "seemed hopeful that …") or the sentence names whom
//! it seemed so to ("… seemed palpable to him"). A poll or a study opening a sentence
//! ("In a new poll, …") is the source of the clause; an interview or a statement is somebody's
//! words, so the main clause's subject speaks ("In an interview, Ayotte …", "the embassy
//! issued a statement saying …"). An adverbial alone before a cue ("After the vote, Mexico
//! said enough") is no content.
//!
//! A statement is attributed once: a quote nested in a longer quote of the same speaker
//! that is no report of its own (the quoted words again, a cue opening the longer quote's
//! content) is dropped. A cue left without content before a period ("The ministry said in a
//! statement. “…”") introduces the quote that follows; a list of names joined by "and"
//! ("Egypt and Qatar called on …") speaks as a whole, coded by its first member. A
//! participle in the adverbial that opens a sentence has the main clause's subject ("Since
//! announcing that he would not run, Ames has …"), and its content ends at that clause; a
//! coordinated clause with its own subject and cue (", but the party rejected …") ends the
//! content of the cue before it; "according to X" inside a clause set off by commas vouches
//! for that clause only.
//!
//! It must never invent text: every quote, speaker and cue is a checked span of the
//! original text, and an unbalanced quote mark never runs past its paragraph.

mod attrib;
mod block;
pub mod lexicon;
mod marks;
mod scan;
mod speaker;
mod structure;

use attrib::{attribute, Input, Rules};
use lexicon::{CueLexicon, CUES_TSV};
use serde::{Deserialize, Serialize};
use sitrep_doc::{
    DocError, Document, EntityId, EntityKind, Layers, MentionForm, Quote, Span, Speaker, Stage,
    StageError, Upos,
};
use thiserror::Error;

/// Errors of the quotation layer.
#[derive(Debug, Error)]
pub enum QuotesError {
    #[error("cue lexicon line {line}: {message}")]
    Lexicon { line: usize, message: String },
    #[error("quote span: {0}")]
    Span(#[from] DocError),
}

/// Configuration of [`QuotesStage`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct QuotesConfig {
    /// Emit reported speech (indirect and mixed quotes), not only quotes in marks.
    pub indirect: bool,
    /// Detect block quotes closed by a bare "Name Title" attribution line.
    pub block_quotes: bool,
    /// Give quotes without a cue the speaker of the preceding attribution or sentence.
    pub context_speakers: bool,
    /// Words a marked segment needs to count as a quote of its own rather than a scare
    /// quote ("called it “rotten”"); shorter segments are quotes only with an adjacent cue.
    pub min_clause_words: usize,
    /// Extra cue rows in the format of `data/cues.tsv`, appended to the built-in lexicon.
    pub extra_cues: String,
}

impl Default for QuotesConfig {
    fn default() -> Self {
        QuotesConfig {
            indirect: true,
            block_quotes: true,
            context_speakers: true,
            min_clause_words: 4,
            extra_cues: String::new(),
        }
    }
}

impl QuotesConfig {
    pub fn build(&self) -> Result<QuotesStage, QuotesError> {
        let mut tsv = CUES_TSV.to_string();
        if !self.extra_cues.is_empty() {
            tsv.push('\n');
            tsv.push_str(&self.extra_cues);
        }
        let lex = CueLexicon::parse(&tsv)?;
        let rules = Rules {
            indirect: self.indirect,
            block_quotes: self.block_quotes,
            context_speakers: self.context_speakers,
            min_clause_words: self.min_clause_words.max(1),
        };
        Ok(QuotesStage { lex, rules })
    }
}

/// The quotation stage (name "quotes").
#[derive(Debug, Clone)]
pub struct QuotesStage {
    lex: CueLexicon,
    rules: Rules,
}

impl Stage for QuotesStage {
    fn name(&self) -> &'static str {
        "quotes"
    }

    fn requires(&self) -> Layers {
        Layers::PARAGRAPHS | Layers::SENTENCES | Layers::TOKENS
    }

    /// Speakers are matched to name mentions and their entities when names ran before;
    /// the parse, when present, proposes the cue's subject; parts of speech filter cues.
    fn uses(&self) -> Layers {
        Layers::POS | Layers::MENTIONS | Layers::ENTITIES | Layers::DEPS
    }

    fn provides(&self) -> Layers {
        Layers::QUOTES
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        let quotes = self
            .extract(doc)
            .map_err(|e| StageError::new("quotes", e.to_string()))?;
        doc.quotes = quotes;
        Ok(())
    }
}

/// Mentions sorted by start, for overlap queries.
struct MentionIndex {
    order: Vec<usize>,
}

impl MentionIndex {
    fn new(doc: &Document) -> Option<MentionIndex> {
        if !doc.done.contains(Layers::MENTIONS) || doc.mentions.is_empty() {
            return None;
        }
        let mut order: Vec<usize> = (0..doc.mentions.len()).collect();
        order.sort_by_key(|&i| {
            (
                doc.mentions[i].span.start(),
                std::cmp::Reverse(doc.mentions[i].span.end()),
            )
        });
        Some(MentionIndex { order })
    }

    /// Mentions overlapping `[s, e)`.
    fn overlapping<'d>(
        &'d self,
        doc: &'d Document,
        s: usize,
        e: usize,
    ) -> impl Iterator<Item = usize> + 'd {
        let hi = self
            .order
            .partition_point(|&i| doc.mentions[i].span.start() < e);
        self.order[..hi]
            .iter()
            .rev()
            .take(32)
            .copied()
            .filter(move |&i| doc.mentions[i].span.end() > s)
    }
}

impl QuotesStage {
    /// The quotes of a document, sorted by position.
    pub fn extract(&self, doc: &Document) -> Result<Vec<Quote>, QuotesError> {
        let text = doc.text();
        let scan = scan::Scan::new(doc);
        if scan.toks.is_empty() {
            return Ok(Vec::new());
        }
        let segs = marks::segments(text, &scan);
        let seg_of = marks::segment_of_tokens(scan.toks.len(), &segs);
        let mentions = MentionIndex::new(doc);
        let tok_index = |offset: usize| scan.toks.partition_point(|t| t.start() < offset);
        let person_at = |a: usize, b: usize| -> Option<(usize, usize)> {
            let idx = mentions.as_ref()?;
            let (s, e) = (scan.toks[a].start(), scan.toks[b - 1].end());
            let mut best: Option<(usize, usize)> = None;
            for m in idx.overlapping(doc, s, e) {
                let men = &doc.mentions[m];
                if men.kind == EntityKind::Person
                    && men.form == MentionForm::Name
                    && men.span.start() >= s
                {
                    let r = (tok_index(men.span.start()), tok_index(men.span.end()));
                    if r.0 < r.1 && best.is_none_or(|x| r.0 < x.0) {
                        best = Some(r);
                    }
                }
            }
            best
        };
        let nominal = |i: usize| -> bool {
            let start = scan.toks[i].start();
            let k = doc.tokens.partition_point(|t| t.span.start() < start);
            // A noun after a determiner, an adjective, a number or a possessive: "their
            // strong support", "Trump's support", "38 percent support".
            k > 0
                && doc.tokens.get(k).is_some_and(|t| {
                    t.span.start() == start
                        && t.span.end() == scan.toks[i].end()
                        && matches!(t.pos, Upos::Noun | Upos::Propn | Upos::Adj | Upos::Num)
                })
                && {
                    let p = &doc.tokens[k - 1];
                    matches!(p.pos, Upos::Det | Upos::Adj | Upos::Num | Upos::Part)
                        || (p.pos == Upos::Pron
                            && matches!(
                                doc.slice(p.span).to_lowercase().as_str(),
                                "his" | "her" | "its" | "their" | "our" | "my" | "your"
                            ))
                }
        };
        let found = attribute(&Input {
            scan: &scan,
            segs: &segs,
            seg_of: &seg_of,
            lex: &self.lex,
            rules: self.rules,
            person_at: &person_at,
            nominal: &nominal,
        });
        let syntax = sitrep_parser::syntax::Syntax::of(doc);
        let mut quotes = Vec::with_capacity(found.len());
        for mut f in found {
            if let Some(syn) = syntax.as_ref() {
                if let Some(r) = self.speaker_from_parse(syn, &scan, &seg_of, &f) {
                    f.speaker = Some(r);
                }
            }
            let span = doc.span(f.start, f.end)?.trim(text);
            if span.is_empty() {
                continue;
            }
            let speaker = match f.speaker {
                Some((a, b)) if a < b => {
                    let s = doc.span(scan.toks[a].start(), scan.toks[b - 1].end())?;
                    if b == a + 1 && speaker::is_relative(scan.low(a)) {
                        // "who": the mention as written, the entity of its antecedent.
                        let floor = scan.sents[scan.toks[a].sent as usize].toks.0 as usize;
                        let entity = speaker::antecedent(&scan, a, floor).and_then(|(x, y)| {
                            let ant = doc
                                .span(scan.toks[x].start(), scan.toks[y - 1].end())
                                .ok()?;
                            bind_speaker(doc, mentions.as_ref(), ant).entity
                        });
                        Some(Speaker { span: s, entity })
                    } else {
                        Some(bind_speaker(doc, mentions.as_ref(), s))
                    }
                }
                _ => None,
            };
            let cue = match f.cue {
                Some((a, b)) if a < b => {
                    Some(doc.span(scan.toks[a].start(), scan.toks[b - 1].end())?)
                }
                _ => None,
            };
            quotes.push(Quote {
                span,
                kind: f.kind,
                speaker,
                cue,
            });
        }
        quotes.sort_by_key(|q| (q.span.start(), q.span.end()));
        quotes.dedup_by(|b, a| a.span == b.span);
        drop_nested_repeats(text, &mut quotes);
        Ok(quotes)
    }
}

/// A statement is attributed once: a quote lying inside a longer quote of the same speaker
/// (overlapping speaker phrases, or neither has one) repeats it and is dropped, when it is
/// no report of its own: quoted words found again as a quote of their own ("rejected the
/// result as “a brazen theft”" and "“a brazen theft”"), a quote without cue, or a cue opening
/// the longer quote's content ("declined [to say whether …]", "sought [to assure …]"). A
/// cue deeper inside is a second statement ("denied it but later said …") and stays.
/// `quotes` is sorted by (start, end); a container starts at or before its content.
fn drop_nested_repeats(text: &str, quotes: &mut Vec<Quote>) {
    // Overlapping speaker phrases are one speaker ("Trump" and "Trump's campaign").
    let same_speaker = |a: Option<&Speaker>, b: Option<&Speaker>| match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => a.span.start() < b.span.end() && b.span.start() < a.span.end(),
        _ => false,
    };
    let repeats = |o: &Quote, q: &Quote| {
        let contained = o.span.start() <= q.span.start()
            && q.span.end() <= o.span.end()
            && o.span.len() > q.span.len()
            && same_speaker(o.speaker.as_ref(), q.speaker.as_ref());
        contained
            && match q.cue {
                Some(c)
                    if q.kind == sitrep_doc::QuoteKind::Indirect && c.start() >= o.span.start() =>
                {
                    // At most one word of the longer quote before the cue.
                    text.get(o.span.start()..c.start())
                        .is_some_and(|w| w.split_whitespace().count() <= 1)
                        || c.start() >= o.span.end()
                }
                _ => true,
            }
    };
    let mut drop = vec![false; quotes.len()];
    for i in 0..quotes.len() {
        let q = &quotes[i];
        drop[i] = quotes[..i]
            .iter()
            .rev()
            .take(16)
            .chain(
                quotes[i + 1..]
                    .iter()
                    .take_while(|o| o.span.start() == q.span.start()),
            )
            .any(|o| repeats(o, q));
    }
    let mut k = 0;
    quotes.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
}

impl QuotesStage {
    /// The speaker as a ranked choice between the rules' phrase and the parse's subject of
    /// the cue (see [`structure::overrules`]), or for a mixed quote without cue, of the
    /// clause holding the quoted words: `Some` when the parse's candidate wins. A relative
    /// pronoun found by the rules ("Kim, who said") stays theirs, and the parse's candidate
    /// is never a word inside the quote marks.
    fn speaker_from_parse(
        &self,
        syn: &sitrep_parser::syntax::Syntax<'_>,
        scan: &scan::Scan,
        seg_of: &[u32],
        f: &attrib::Found,
    ) -> Option<speaker::Range> {
        let tok_index = |offset: usize| scan.toks.partition_point(|t| t.start() < offset);
        if f.cue.is_none() && f.kind == sitrep_doc::QuoteKind::Mixed {
            // The first quoted word of the sentence.
            let (a, b) = (tok_index(f.start), tok_index(f.end));
            let q = (a..b.min(seg_of.len())).find(|&k| seg_of[k] != u32::MAX)?;
            let w = (q..b).find(|&k| scan.is_word(k))?;
            let p = structure::embedding_subject(syn, scan.toks[w].start())?;
            let (pa, pb) = (tok_index(p.start), tok_index(p.end));
            if pa >= pb || seg_of.get(pa).is_some_and(|&g| g != u32::MAX) {
                return None;
            }
            // The rules' sentence subject stands unless it cannot speak ("Sunday", "His
            // remarks"); then the subject of the clause holding the quoted words.
            let weak = f
                .speaker
                .filter(|&(x, y)| x < y)
                .is_none_or(|r| !speaker::is_agentive(scan, r));
            return weak.then_some((pa, pb));
        }
        let (ca, _) = f.cue?;
        let relative = |a: usize, b: usize| b == a + 1 && speaker::is_relative(scan.low(a));
        if f.speaker.is_some_and(|(a, b)| relative(a, b)) {
            return None;
        }
        let p = structure::proposal(syn, scan.toks[ca].start())?;
        let (a, b) = (tok_index(p.start), tok_index(p.end));
        if a >= b || seg_of.get(a).is_some_and(|&g| g != u32::MAX) || relative(a, b) {
            return None;
        }
        let rule = f
            .speaker
            .filter(|&(x, y)| x < y)
            .map(|(x, y)| (scan.toks[x].start(), scan.toks[y - 1].end()));
        // Evidential cues ("seemed") have no speaker; "when asked" is the asker's question.
        let speakerless = scan.low(ca) == "asked"
            || self
                .lex
                .lookup(scan.low(ca), |k| {
                    scan.is_word(ca + k).then(|| scan.low(ca + k))
                })
                .is_some_and(|c| c.frame == lexicon::Frame::Evid);
        structure::overrules(syn, scan.toks[ca].start(), rule, &p, speakerless).then_some((a, b))
    }
}

/// The speaker as the names layer sees it: the mention overlapping the found phrase most
/// (its span and entity), else the phrase itself without entity. A mention that stops short
/// of the phrase's head noun is a possessor or a modifier ("China's coast guard", "the Gaza
/// health ministry", "Navalny's lawyer"): the phrase is the speaker; a place or an
/// organization so named gives the speaker its affiliation (the entity a CAMEO coder would
/// code it by), a person never does.
fn bind_speaker(doc: &Document, idx: Option<&MentionIndex>, found: Span) -> Speaker {
    let Some(idx) = idx else {
        return Speaker {
            span: found,
            entity: None,
        };
    };
    let mut best: Option<(usize, usize)> = None;
    let mut affiliation: Option<EntityId> = None;
    for m in idx.overlapping(doc, found.start(), found.end()) {
        let men = &doc.mentions[m];
        let ms = men.span;
        if !reaches_head(doc, ms, found) {
            if men.kind != EntityKind::Person && affiliation.is_none() {
                affiliation = men.entity;
            }
            continue;
        }
        let ov = ms.end().min(found.end()) - ms.start().max(found.start());
        // The largest overlap wins; between equal overlaps, a mention with an entity (the
        // entity adds 1 to a score that counts overlap bytes twice). The first of equals stays.
        let score = ov * 2 + usize::from(men.entity.is_some());
        if best.is_none_or(|(_, s)| score > s) {
            best = Some((m, score));
        }
    }
    match best {
        // "Egypt and Qatar": a list of names is the speaker as written; its first member
        // gives the entity.
        Some((m, _)) if is_name_list(doc, idx, found, doc.mentions[m].span) => {
            let first = idx
                .overlapping(doc, found.start(), found.end())
                .filter(|&i| doc.mentions[i].span.start() >= found.start())
                .min_by_key(|&i| doc.mentions[i].span.start())
                .unwrap_or(m);
            Speaker {
                span: found,
                entity: doc.mentions[first].entity,
            }
        }
        Some((m, _)) => {
            let men = &doc.mentions[m];
            Speaker {
                span: men.span,
                entity: men.entity,
            }
        }
        None => Speaker {
            span: found,
            entity: affiliation,
        },
    }
}

/// Whether the found phrase is a list of names joined by "and" that the best mention `ms`
/// covers only in part ("Egypt and Qatar"; not "Procter and Gamble", one mention).
fn is_name_list(doc: &Document, idx: &MentionIndex, found: Span, ms: Span) -> bool {
    let text = doc.text();
    let has_and = text
        .get(found.start()..found.end())
        .is_some_and(|t| t.contains(" and "));
    if !has_and || (ms.start() <= found.start() && ms.end() >= found.end()) {
        return false;
    }
    let mut members: Vec<Span> = idx
        .overlapping(doc, found.start(), found.end())
        .map(|i| doc.mentions[i].span)
        .filter(|s| s.start() >= found.start() && s.end() <= found.end())
        .collect();
    members.sort_by_key(|s| s.start());
    // Between and around the members only "and", commas and capitalised words ("Mr.").
    let mut at = found.start();
    let mut gaps = String::new();
    for m in &members {
        if m.start() >= at {
            gaps.push_str(text.get(at..m.start()).unwrap_or("x"));
            gaps.push(' ');
        }
        at = at.max(m.end());
    }
    gaps.push_str(text.get(at..found.end()).unwrap_or("x"));
    members.len() >= 2
        && gaps
            .split(|c: char| c.is_whitespace() || c == ',')
            .all(|w| w.is_empty() || w == "and" || w.starts_with(char::is_uppercase))
}

/// Whether the mention at `ms` holds the head of the found phrase, its last noun: the
/// phrase ends inside the mention, or runs on only by a possessive ending, punctuation, a
/// capitalised word ("Bosnian Serbs"), a time word ("Smith Tuesday") or a word that is no
/// common noun ("Washington along with its allies").
fn reaches_head(doc: &Document, ms: Span, found: Span) -> bool {
    if ms.end() >= found.end() {
        return true;
    }
    let text = doc.text();
    let tail = text.get(ms.end()..found.end()).unwrap_or("");
    let tail = ["'s", "’s", "'", "’"]
        .iter()
        .find_map(|p| tail.strip_prefix(p))
        .unwrap_or(tail)
        .trim_start();
    let Some(last) = tail.split_whitespace().last() else {
        return true;
    };
    let common = last.starts_with(|c: char| c.is_lowercase())
        && last.chars().all(|c| c.is_alphabetic() || c == '-');
    if !common || speaker::is_time_word(last) {
        return true;
    }
    // With the tagger's parts of speech, the head must be read as a noun.
    if doc.done.contains(Layers::POS) {
        let k = doc.tokens.partition_point(|t| t.span.end() < found.end());
        return doc
            .tokens
            .get(k)
            .is_none_or(|t| t.span.end() != found.end() || t.pos != Upos::Noun);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_doc::QuoteKind::{self, Direct, Indirect, Mixed};

    /// A quote for the table: its text, kind, speaker and cue as substrings of `text`.
    type Q = (
        &'static str,
        QuoteKind,
        Option<&'static str>,
        Option<&'static str>,
    );

    /// (case, text, quotes, how many of them stay: the first n)
    const NESTED: &[(&str, &str, &[Q], usize)] = &[
        (
            "the quoted words again inside the mixed quote of the same speaker",
            "Ortiz rejected the result as “a brazen theft” on Monday.",
            &[
                ("the result as “a brazen theft”", Mixed, Some("Ortiz"), Some("rejected")),
                ("“a brazen theft”", Direct, Some("Ortiz"), None),
            ],
            1,
        ),
        (
            "a cue opening the longer quote's content",
            "Berger declined to say whether he had been paid.",
            &[
                ("to say whether he had been paid", Indirect, Some("Berger"), Some("declined")),
                ("whether he had been paid", Indirect, Some("Berger"), Some("say")),
            ],
            1,
        ),
        (
            "a second statement deeper inside stays",
            "The clerk denied the deletions but in a later interview said he had erased the archive.",
            &[
                ("the deletions but in a later interview said he had erased the archive", Indirect, Some("The clerk"), Some("denied")),
                ("he had erased the archive", Indirect, Some("The clerk"), Some("said")),
            ],
            2,
        ),
        (
            "a nested report of another speaker stays",
            "Ortiz said the mayor had called the count “a brazen theft” too.",
            &[
                ("the mayor had called the count “a brazen theft” too", Mixed, Some("Ortiz"), Some("said")),
                ("the count “a brazen theft”", Mixed, Some("the mayor"), Some("called")),
            ],
            2,
        ),
    ];

    #[test]
    fn nested_repeats_are_dropped() {
        for &(case, text, given, kept) in NESTED {
            let span = |w: &str| {
                let a = text.find(w).unwrap();
                Span::new(text, a, a + w.len()).unwrap()
            };
            let mut quotes: Vec<Quote> = given
                .iter()
                .map(|&(q, kind, spk, cue)| Quote {
                    span: span(q),
                    kind,
                    speaker: spk.map(|w| Speaker {
                        span: span(w),
                        entity: None,
                    }),
                    cue: cue.map(span),
                })
                .collect();
            let want: Vec<Span> = quotes[..kept].iter().map(|q| q.span).collect();
            quotes.sort_by_key(|q| (q.span.start(), q.span.end()));
            drop_nested_repeats(text, &mut quotes);
            let mut got: Vec<Span> = quotes.iter().map(|q| q.span).collect();
            got.sort_by_key(|s| std::cmp::Reverse(s.len()));
            assert_eq!(got, want, "{case}");
        }
    }
}
