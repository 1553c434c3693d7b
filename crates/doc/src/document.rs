use crate::layers::*;
use crate::{Dep, DocError, Layers, Span};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Article metadata as ingested.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    pub id: String,
    pub date: Option<NaiveDate>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
}

/// What an HTML page adds to an article. The article's text is the extracted main text;
/// `html_map` leads back from it to the page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub byline: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The publication date as the page wrote it (`date` holds it parsed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_raw: Option<String>,
    /// The encoding the page was decoded with (WHATWG name).
    pub encoding: String,
    /// Index of the WARC record the page came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warc_record: Option<u64>,
    /// Runs `[text_start, html_start, len]`: `text[text_start..+len]` is byte for byte
    /// `html[html_start..+len]`, `html` being the page decoded to UTF-8 (the page's own bytes
    /// when it is UTF-8). Sorted by `text_start`; text outside every run (entities,
    /// separators) maps to the nearest run.
    pub html_map: Vec<[u32; 3]>,
}

/// One article: its original text and every annotation layer on it.
///
/// `text` is private and immutable: annotations are spans into it. `body` is the part of
/// the text that is article content (a `date YYYY-MM-DD` header line, for instance, is
/// metadata and lies before it); offsets still count from the start of `text`.
#[derive(Debug, Clone, Default)]
pub struct Document {
    pub meta: Meta,
    text: String,
    body: Span,
    /// Layers some stage has filled, checked by stages that need them.
    pub done: Layers,
    /// Set for articles read from a web page (HTML or WARC): page metadata and the map
    /// back to the page's bytes.
    pub page: Option<Box<Page>>,
    pub paragraphs: Vec<Span>,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
    /// Head and relation per token (parallel to `tokens`; empty until parsed, layer `DEPS`).
    pub deps: Vec<Dep>,
    /// Folded form and shape of each token, filled with the tokens.
    pub forms: Forms,
    pub mentions: Vec<Mention>,
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
    pub events: Vec<Event>,
    pub dates: Vec<DateMention>,
    pub amounts: Vec<Amount>,
    pub themes: Vec<ThemeMention>,
    pub tone: Option<Tone>,
    pub counts: Vec<CountMention>,
    /// Problems with this document (ingest or stage errors), reported in its output.
    pub errors: Vec<String>,
}

impl Document {
    /// A document whose whole text is body.
    pub fn new(meta: Meta, text: String) -> Result<Document, DocError> {
        let body = Span::whole(&text)?;
        Ok(Document {
            meta,
            text,
            body,
            ..Document::default()
        })
    }

    /// A document whose content starts at `body_start` (after a header line).
    pub fn with_body(meta: Meta, text: String, body_start: usize) -> Result<Document, DocError> {
        let body = Span::new(&text, body_start, text.len())?;
        Ok(Document {
            meta,
            text,
            body,
            ..Document::default()
        })
    }

    /// The original text, as ingested.
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn body(&self) -> Span {
        self.body
    }

    /// The text under a span. Spans are checked at construction; a span from another,
    /// shorter document is the caller's bug and yields "".
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.range()).unwrap_or("")
    }

    /// A checked span into this document's text.
    pub fn span(&self, start: usize, end: usize) -> Result<Span, DocError> {
        Span::new(&self.text, start, end)
    }

    pub fn tokens_of(&self, sentence: SentenceId) -> &[Token] {
        let s = &self.sentences[sentence.index()];
        &self.tokens[s.tokens.0 as usize..s.tokens.1 as usize]
    }

    /// The sentence containing a byte offset, by binary search over sentence starts.
    pub fn sentence_at(&self, offset: usize) -> Option<SentenceId> {
        let i = self.sentences.partition_point(|s| s.span.start() <= offset);
        if i == 0 {
            return None;
        }
        let s = &self.sentences[i - 1];
        (offset < s.span.end()).then_some(SentenceId(i as u32 - 1))
    }

    /// The index of the first token that starts at or after `offset`.
    pub fn token_at_or_after(&self, offset: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start() < offset)
    }

    pub fn entity(&self, id: EntityId) -> &Entity {
        &self.entities[id.index()]
    }

    pub fn mention(&self, id: MentionId) -> &Mention {
        &self.mentions[id.index()]
    }

    /// The entity of the mention whose span covers `span`, if any.
    pub fn entity_covering(&self, span: Span) -> Option<EntityId> {
        self.mentions
            .iter()
            .find(|m| m.span.contains(span))
            .and_then(|m| m.entity)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_lookup() {
        let mut doc = Document::new(Meta::default(), "Ab cd. Ef gh.".into()).unwrap();
        doc.sentences.push(Sentence {
            span: doc.span(0, 6).unwrap(),
            paragraph: 0,
            tokens: (0, 0),
        });
        doc.sentences.push(Sentence {
            span: doc.span(7, 13).unwrap(),
            paragraph: 0,
            tokens: (0, 0),
        });
        assert_eq!(doc.sentence_at(0), Some(SentenceId(0)));
        assert_eq!(doc.sentence_at(6), None);
        assert_eq!(doc.sentence_at(8), Some(SentenceId(1)));
        assert_eq!(doc.sentence_at(13), None);
    }

    #[test]
    fn body_after_header() {
        let doc = Document::with_body(Meta::default(), "date 2022-01-10 Hi.".into(), 16).unwrap();
        assert_eq!(doc.slice(doc.body()), "Hi.");
        assert!(Document::with_body(Meta::default(), "é".into(), 1).is_err());
    }
}
