//! Paragraph, sentence and token segmentation with byte spans, and the one lexical view of
//! words every stage reads.
//!
//! sitrep-text is the first stage of every pipeline: the [`Segmenter`] cuts `doc.body()`
//! into paragraphs (blank lines), sentences and tokens. Its key decision is to tokenize first,
//! in one byte-scanning pass that knows abbreviations, numbers, clitics, URLs and quotes, and
//! then to place sentence boundaries on tokens, so that a span is never cut inside a token
//! and sentence edges are always token edges (never white space). Tokens follow UD English
//! EWT conventions where a tagger trained on EWT notices. It must never edit the text, never
//! produce a span off a character boundary, and never use a regex per character: the whole
//! pipeline depends on its speed.
//!
//! [`lexical`] is the one word model: per token its text, lower-case and folded forms,
//! shape, POS and lemma, and the word classes stages share; it holds sitrep's only
//! accent-folding table. [`translit_key`] folds romanized spelling variants of a name.

mod abbrev;
mod dateline;
pub mod lexical;
mod sentences;
mod tokenize;
mod translit;

pub use abbrev::AbbrevClass;
pub use lexical::Lexical;
pub use tokenize::{char_at, AbbrevClassTag, TokenKind};
pub use translit::translit_key;

use serde::{Deserialize, Serialize};
use sitrep_doc::{Document, Layers, Sentence, SentenceId, Stage, StageError, Token};
use std::ops::Range;
use std::sync::OnceLock;
use thiserror::Error;

/// Errors of this crate.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum TextError {
    #[error(
        "body range {start}..{end} does not fit a text of {len} bytes on character boundaries"
    )]
    BadRange {
        start: usize,
        end: usize,
        len: usize,
    },
    #[error("invalid segment config: {0}")]
    Config(String),
}

/// Configuration of the segmenter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SegmentConfig {
    /// Sentences longer than this (bytes) are split at their last comma, colon, semicolon or
    /// dash before the limit. 0 disables the limit.
    pub max_sentence_bytes: usize,
    /// More abbreviations that keep their dot and may end a sentence ("Calif.", "Gov't").
    pub extra_abbreviations: Vec<String>,
    /// More title abbreviations that never end a sentence ("Supt.", "Cllr.").
    pub extra_title_abbreviations: Vec<String>,
    /// Whether a single line break after a line without sentence punctuation (a headline)
    /// ends a sentence.
    pub headline_line_breaks: bool,
    /// Every line is exactly one sentence (for text already split into sentences, such as
    /// a treebank's sentences to be parsed from raw text).
    pub sentence_per_line: bool,
}

impl Default for SegmentConfig {
    fn default() -> Self {
        SegmentConfig {
            max_sentence_bytes: 2000,
            extra_abbreviations: Vec::new(),
            extra_title_abbreviations: Vec::new(),
            headline_line_breaks: true,
            sentence_per_line: false,
        }
    }
}

impl SegmentConfig {
    pub fn build(&self) -> Result<Segmenter, TextError> {
        if self.max_sentence_bytes != 0 && self.max_sentence_bytes < 16 {
            return Err(TextError::Config(format!(
                "max_sentence_bytes {} is too small (0 or at least 16)",
                self.max_sentence_bytes
            )));
        }
        for a in self
            .extra_abbreviations
            .iter()
            .chain(&self.extra_title_abbreviations)
        {
            let w = a.trim().trim_end_matches('.');
            if w.is_empty() || w.chars().any(char::is_whitespace) {
                return Err(TextError::Config(format!(
                    "abbreviation {a:?} must be one word"
                )));
            }
        }
        Ok(Segmenter {
            abbr: abbrev::Abbreviations::new(
                &self.extra_abbreviations,
                &self.extra_title_abbreviations,
            ),
            max_sentence_bytes: self.max_sentence_bytes,
            headline_line_breaks: self.headline_line_breaks,
            sentence_per_line: self.sentence_per_line,
        })
    }
}

/// One sentence of a [`Segmentation`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentenceSeg {
    pub span: Range<usize>,
    /// Index into `Segmentation::paragraphs`.
    pub paragraph: usize,
    /// Index range into `Segmentation::tokens`.
    pub tokens: Range<usize>,
}

/// One token of a [`Segmentation`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenSeg {
    pub span: Range<usize>,
    pub kind: TokenKind,
    /// Index into `Segmentation::sentences`.
    pub sentence: usize,
}

/// The result of segmenting a text: byte ranges into the text given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Segmentation {
    pub paragraphs: Vec<Range<usize>>,
    pub sentences: Vec<SentenceSeg>,
    pub tokens: Vec<TokenSeg>,
}

/// The segmentation stage. Build it with [`SegmentConfig::build`].
#[derive(Debug, Clone)]
pub struct Segmenter {
    abbr: abbrev::Abbreviations,
    max_sentence_bytes: usize,
    headline_line_breaks: bool,
    sentence_per_line: bool,
}

impl Segmenter {
    /// Segments `text[body]`; all ranges are offsets into `text`.
    pub fn segment(&self, text: &str, body: Range<usize>) -> Result<Segmentation, TextError> {
        if body.start > body.end
            || body.end > text.len()
            || !text.is_char_boundary(body.start)
            || !text.is_char_boundary(body.end)
        {
            return Err(TextError::BadRange {
                start: body.start,
                end: body.end,
                len: text.len(),
            });
        }
        let mut raw = Vec::with_capacity((body.end - body.start) / 5 + 8);
        tokenize::tokenize_into(text, body.start, body.end, &self.abbr, &mut raw);
        if self.sentence_per_line {
            // Each line its own paragraph, and below each paragraph one sentence.
            for t in &mut raw {
                if t.breaks_before == 1 {
                    t.breaks_before = 2;
                }
            }
        } else if !self.headline_line_breaks {
            for t in &mut raw {
                // Single line breaks are then just white space.
                if t.breaks_before == 1 {
                    t.breaks_before = 0;
                }
            }
        }
        let mut seg = Segmentation {
            paragraphs: Vec::new(),
            sentences: Vec::with_capacity(raw.len() / 20 + 1),
            tokens: Vec::with_capacity(raw.len()),
        };
        let mut ends = Vec::new();
        let mut p_start = 0;
        while p_start < raw.len() {
            let mut p_end = p_start + 1;
            while p_end < raw.len() && raw[p_end].breaks_before < 2 {
                p_end += 1;
            }
            let para = &raw[p_start..p_end];
            let p_index = seg.paragraphs.len();
            seg.paragraphs.push(para[0].start..para[para.len() - 1].end);
            ends.clear();
            if self.sentence_per_line {
                ends.push(para.len());
            } else {
                sentences::split_paragraph(text, para, &mut ends);
                sentences::enforce_max_len(text, para, &mut ends, self.max_sentence_bytes);
            }
            let mut s_start = 0;
            for &s_end in &ends {
                let s_index = seg.sentences.len();
                let first = p_start + s_start;
                let last = p_start + s_end;
                seg.sentences.push(SentenceSeg {
                    span: raw[first].start..raw[last - 1].end,
                    paragraph: p_index,
                    tokens: first..last,
                });
                seg.tokens.extend(raw[first..last].iter().map(|t| TokenSeg {
                    span: t.start..t.end,
                    kind: t.kind,
                    sentence: s_index,
                }));
                s_start = s_end;
            }
            p_start = p_end;
        }
        Ok(seg)
    }
}

impl Stage for Segmenter {
    fn name(&self) -> &'static str {
        "segment"
    }

    fn requires(&self) -> Layers {
        Layers::empty()
    }

    fn provides(&self) -> Layers {
        Layers::PARAGRAPHS | Layers::SENTENCES | Layers::TOKENS
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        let body = doc.body();
        let seg = self
            .segment(doc.text(), body.range())
            .map_err(|e| StageError::new("segment", e.to_string()))?;
        let span = |doc: &Document, r: &Range<usize>| {
            doc.span(r.start, r.end)
                .map_err(|e| StageError::new("segment", e.to_string()))
        };
        let mut paragraphs = Vec::with_capacity(seg.paragraphs.len());
        for p in &seg.paragraphs {
            paragraphs.push(span(doc, p)?);
        }
        let mut sents = Vec::with_capacity(seg.sentences.len());
        for s in &seg.sentences {
            sents.push(Sentence {
                span: span(doc, &s.span)?,
                paragraph: s.paragraph as u32,
                tokens: (s.tokens.start as u32, s.tokens.end as u32),
            });
        }
        let mut tokens = Vec::with_capacity(seg.tokens.len());
        for t in &seg.tokens {
            tokens.push(Token {
                span: span(doc, &t.span)?,
                sentence: SentenceId(t.sentence as u32),
                pos: Default::default(),
                lemma: String::new(),
                ner: Default::default(),
            });
        }
        doc.paragraphs = paragraphs;
        doc.sentences = sents;
        doc.tokens = tokens;
        doc.forms = lexical::forms_of(doc);
        Ok(())
    }
}

fn default_segmenter() -> &'static Segmenter {
    static DEFAULT: OnceLock<Segmenter> = OnceLock::new();
    DEFAULT.get_or_init(|| {
        SegmentConfig::default()
            .build()
            .expect("the default config is valid")
    })
}

/// Segments `text[body]` with the default configuration; ranges are offsets into `text`.
pub fn segment(text: &str, body: Range<usize>) -> Result<Segmentation, TextError> {
    default_segmenter().segment(text, body)
}

/// Segments a whole text with the default configuration.
pub fn segment_text(text: &str) -> Segmentation {
    default_segmenter()
        .segment(text, 0..text.len())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_doc::{assert_span, Meta};

    #[test]
    fn stage_fills_layers_after_header() {
        let text = "date 2022-01-10 Talks end.\n\nThe U.S. side left. It rained.".to_string();
        let mut doc = Document::with_body(Meta::default(), text, 16).unwrap();
        let seg = SegmentConfig::default().build().unwrap();
        seg.process(&mut doc).unwrap();
        assert_eq!(
            seg.provides(),
            Layers::PARAGRAPHS | Layers::SENTENCES | Layers::TOKENS
        );
        assert_eq!(doc.forms.len(), doc.tokens.len());
        assert_eq!(doc.forms.folded(1), "end");
        assert_eq!(doc.paragraphs.len(), 2);
        assert_eq!(doc.sentences.len(), 3);
        assert_span!(doc, doc.sentences[0].span, "Talks end.");
        assert_span!(doc, doc.sentences[1].span, "The U.S. side left.");
        assert_eq!(doc.sentences[2].paragraph, 1);
        let toks: Vec<&str> = doc
            .tokens_of(SentenceId(1))
            .iter()
            .map(|t| doc.slice(t.span))
            .collect();
        assert_eq!(toks, ["The", "U.S.", "side", "left", "."]);
        assert!(doc.tokens.iter().all(|t| t.span.start() >= 16));
    }

    #[test]
    fn a_dateline_is_a_sentence_of_its_own() {
        let text =
            "Headline of the day\n\nYANGON, Feb. 2 (Wire) - The army seized power. It said so.";
        let mut doc = Document::with_body(Meta::default(), text.to_string(), 0).unwrap();
        SegmentConfig::default()
            .build()
            .unwrap()
            .process(&mut doc)
            .unwrap();
        let sents: Vec<&str> = doc.sentences.iter().map(|s| doc.slice(s.span)).collect();
        assert_eq!(
            sents,
            [
                "Headline of the day",
                "YANGON, Feb. 2 (Wire) -",
                "The army seized power.",
                "It said so."
            ]
        );
        assert_eq!(doc.sentences[1].paragraph, doc.sentences[2].paragraph);
    }

    #[test]
    fn config_rejects_unknown_fields_and_bad_values() {
        assert!(serde_json::from_str::<SegmentConfig>(r#"{"max_sentence_byte": 5}"#).is_err());
        let c: SegmentConfig = serde_json::from_str(r#"{"max_sentence_bytes": 5}"#).unwrap();
        assert!(c.build().is_err());
        let c = SegmentConfig {
            extra_abbreviations: vec!["a b".into()],
            ..SegmentConfig::default()
        };
        assert!(c.build().is_err());
    }

    #[test]
    fn bad_body_range_is_an_error() {
        assert!(segment("é", 1..2).is_err());
        assert!(segment("ab", 1..5).is_err());
        assert!(segment("", 0..0).unwrap().sentences.is_empty());
    }

    #[test]
    fn headline_line_breaks_can_be_turned_off() {
        let text = "Talks end\nThe sides left.";
        let on = SegmentConfig::default().build().unwrap();
        assert_eq!(on.segment(text, 0..text.len()).unwrap().sentences.len(), 2);
        let off = SegmentConfig {
            headline_line_breaks: false,
            ..SegmentConfig::default()
        };
        let seg = off.build().unwrap().segment(text, 0..text.len()).unwrap();
        assert_eq!(seg.sentences.len(), 1);
        assert_eq!(seg.paragraphs.len(), 1);
    }

    #[test]
    fn sentence_per_line_keeps_each_line_whole() {
        let seg = SegmentConfig {
            sentence_per_line: true,
            ..SegmentConfig::default()
        }
        .build()
        .unwrap();
        let text = "Mr. Smith left. He came back\nA second line. Two sentences\n\nThird";
        let s = seg.segment(text, 0..text.len()).unwrap();
        let sentences: Vec<&str> = s.sentences.iter().map(|x| &text[x.span.clone()]).collect();
        assert_eq!(
            sentences,
            [
                "Mr. Smith left. He came back",
                "A second line. Two sentences",
                "Third"
            ]
        );
    }

    #[test]
    fn long_sentences_are_cut() {
        let c = SegmentConfig {
            max_sentence_bytes: 40,
            ..SegmentConfig::default()
        };
        let s = c.build().unwrap();
        let text =
            "one two three four five, six seven eight nine ten eleven twelve thirteen fourteen.";
        let seg = s.segment(text, 0..text.len()).unwrap();
        assert!(seg.sentences.len() >= 2);
        for sent in &seg.sentences {
            assert!(sent.span.len() <= 40, "{:?}", &text[sent.span.clone()]);
        }
        assert_eq!(
            &text[seg.sentences[0].span.clone()],
            "one two three four five,"
        );
    }
}
