//! Output schema v1: the JSON object sitrep writes per article (one line of JSONL).
//!
//! This is the contract with users and with the scorers in `../shared/tools/`: all spans are
//! UTF-8 byte offsets into the article text as ingested, each with the text it covers.
//! Records derive `Deserialize` too, so tests and tools can read sitrep's output back.

use crate::{Document, EntityId, Geo};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleRecord {
    pub schema: u32,
    pub id: String,
    pub date: Option<NaiveDate>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    pub sentences: Vec<SpanRecord>,
    pub entities: Vec<EntityRecord>,
    pub quotes: Vec<QuoteRecord>,
    pub events: Vec<EventRecord>,
    #[serde(default)]
    pub dates: Vec<DateRecord>,
    #[serde(default)]
    pub amounts: Vec<AmountRecord>,
    /// GDELT counts among the amounts (layer `COUNTS`).
    #[serde(default)]
    pub counts: Vec<CountRecord>,
    #[serde(default)]
    pub themes: Vec<ThemeRecord>,
    #[serde(default)]
    pub tone: Option<crate::Tone>,
    /// Every token with its lemma, UPOS and dependency; written only on request
    /// (`sitrep extract --with-tokens`), absent otherwise.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tokens: Vec<TokenRecord>,
    pub errors: Vec<String>,
    /// The article text, carried for articles extracted from a web page (all offsets
    /// index it; for other inputs it is the input itself and is left out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Page metadata and the offset map back to the HTML, for web pages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<crate::Page>,
}

/// One token of `--with-tokens`: its text and offsets, lemma, UPOS and dependency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenRecord {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// Index into `sentences`.
    pub sentence: u32,
    /// 1-based position in the sentence (the CoNLL-U ID).
    pub id: u32,
    pub lemma: String,
    pub upos: String,
    /// 1-based position of the head in the sentence, 0 for the root; null when not parsed.
    pub head: Option<u32>,
    /// UD relation (`nsubj:pass`); null when not parsed.
    pub deprel: Option<String>,
}

/// A bare span.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpanRecord {
    pub start: usize,
    pub end: usize,
}

/// A span with the text under it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextSpan {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityRecord {
    pub id: u32,
    pub kind: String,
    pub name: String,
    pub key: String,
    pub actor_code: Option<String>,
    #[serde(default)]
    pub titles: Vec<String>,
    pub mentions: Vec<MentionRecord>,
    pub geo: Option<Geo>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentionRecord {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub form: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpeakerRecord {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub entity: Option<u32>,
    /// The canonical name of the speaker entity.
    pub name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteRecord {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: String,
    pub speaker: Option<SpeakerRecord>,
    pub cue: Option<TextSpan>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorRecord {
    pub actor_code: String,
    pub entity: Option<u32>,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventRecord {
    pub code: String,
    pub base: String,
    pub root: String,
    pub quad_class: u8,
    pub goldstein: f32,
    pub source: Option<ActorRecord>,
    pub target: Option<ActorRecord>,
    pub trigger: TextSpan,
    /// Index into `sentences`.
    pub sentence: u32,
    pub date: Option<NaiveDate>,
    /// Entity id of the event's place.
    pub place: Option<u32>,
    pub is_root: bool,
    pub status: String,
    pub quote: Option<u32>,
    /// What coded the event (see `Event::rule`).
    #[serde(default)]
    pub rule: String,
    /// Issue codes of the event's sentence.
    #[serde(default)]
    pub issues: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateRecord {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub date: Option<NaiveDate>,
    pub resolution: crate::DateResolution,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AmountRecord {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub value: f64,
    pub object: String,
}

/// A GDELT count: what is counted (KILL, WOUND ...), the number, the object, the amount's span.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CountRecord {
    pub kind: crate::CountKind,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub value: f64,
    pub object: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThemeRecord {
    pub theme: String,
    pub start: usize,
    pub end: usize,
}

impl ArticleRecord {
    /// A record for an article that could not be read: metadata known so far and its error.
    pub fn failed(id: String, error: String) -> ArticleRecord {
        ArticleRecord {
            schema: SCHEMA_VERSION,
            id,
            date: None,
            title: None,
            url: None,
            source: None,
            sentences: vec![],
            entities: vec![],
            quotes: vec![],
            events: vec![],
            dates: vec![],
            amounts: vec![],
            counts: vec![],
            themes: vec![],
            tone: None,
            tokens: vec![],
            errors: vec![error],
            text: None,
            page: None,
        }
    }
}

impl Document {
    fn text_span(&self, span: crate::Span) -> TextSpan {
        TextSpan {
            start: span.start(),
            end: span.end(),
            text: self.slice(span).to_string(),
        }
    }

    fn entity_name(&self, id: Option<EntityId>) -> Option<String> {
        id.and_then(|e| self.entities.get(e.index()))
            .map(|e| e.name.clone())
    }

    fn actor_record(&self, a: &crate::EventActor) -> ActorRecord {
        ActorRecord {
            actor_code: a.actor_code.clone(),
            entity: a.entity.map(|e| e.0),
            start: a.span.start(),
            end: a.span.end(),
            text: self.slice(a.span).to_string(),
        }
    }

    /// The schema v1 record of this document.
    pub fn to_record(&self) -> ArticleRecord {
        let m = &self.meta;
        ArticleRecord {
            schema: SCHEMA_VERSION,
            id: m.id.clone(),
            date: m.date,
            title: m.title.clone(),
            url: m.url.clone(),
            source: m.source.clone(),
            sentences: self
                .sentences
                .iter()
                .map(|s| SpanRecord {
                    start: s.span.start(),
                    end: s.span.end(),
                })
                .collect(),
            entities: self
                .entities
                .iter()
                .enumerate()
                .map(|(i, e)| EntityRecord {
                    id: i as u32,
                    kind: e.kind.as_str().to_string(),
                    name: e.name.clone(),
                    key: e.key.clone(),
                    actor_code: e.actor_code.clone(),
                    titles: e.titles.clone(),
                    mentions: e
                        .mentions
                        .iter()
                        .map(|&mid| {
                            let mention = self.mention(mid);
                            let t = self.text_span(mention.span);
                            let form = serde_json::to_value(mention.form)
                                .ok()
                                .and_then(|v| v.as_str().map(str::to_string))
                                .unwrap_or_default();
                            MentionRecord {
                                start: t.start,
                                end: t.end,
                                text: t.text,
                                form,
                            }
                        })
                        .collect(),
                    geo: e.geo.clone(),
                })
                .collect(),
            quotes: self
                .quotes
                .iter()
                .map(|q| {
                    let t = self.text_span(q.span);
                    QuoteRecord {
                        start: t.start,
                        end: t.end,
                        text: t.text,
                        kind: q.kind.as_str().to_string(),
                        speaker: q.speaker.as_ref().map(|s| SpeakerRecord {
                            start: s.span.start(),
                            end: s.span.end(),
                            text: self.slice(s.span).to_string(),
                            entity: s.entity.map(|e| e.0),
                            name: self.entity_name(s.entity),
                        }),
                        cue: q.cue.map(|c| self.text_span(c)),
                    }
                })
                .collect(),
            events: self
                .events
                .iter()
                .map(|e| EventRecord {
                    code: e.code.clone(),
                    base: e.base.clone(),
                    root: e.root.clone(),
                    quad_class: e.quad_class,
                    goldstein: e.goldstein,
                    source: e.source.as_ref().map(|a| self.actor_record(a)),
                    target: e.target.as_ref().map(|a| self.actor_record(a)),
                    trigger: self.text_span(e.trigger),
                    sentence: e.sentence.0,
                    date: e.date,
                    place: e.place.map(|p| p.0),
                    is_root: e.is_root,
                    status: match e.status {
                        crate::EventStatus::Asserted => "asserted".into(),
                        crate::EventStatus::Reported => "reported".into(),
                    },
                    quote: e.quote.map(|q| q.0),
                    rule: e.rule.clone(),
                    issues: e.issues.clone(),
                })
                .collect(),
            dates: self
                .dates
                .iter()
                .map(|d| {
                    let t = self.text_span(d.span);
                    DateRecord {
                        start: t.start,
                        end: t.end,
                        text: t.text,
                        date: d.date,
                        resolution: d.resolution,
                    }
                })
                .collect(),
            amounts: self
                .amounts
                .iter()
                .map(|a| {
                    let t = self.text_span(a.span);
                    AmountRecord {
                        start: t.start,
                        end: t.end,
                        text: t.text,
                        value: a.value,
                        object: a.object.clone(),
                    }
                })
                .collect(),
            counts: self
                .counts
                .iter()
                .map(|c| {
                    let t = self.text_span(c.span);
                    CountRecord {
                        kind: c.kind,
                        start: t.start,
                        end: t.end,
                        text: t.text,
                        value: c.value,
                        object: c.object.clone(),
                    }
                })
                .collect(),
            themes: self
                .themes
                .iter()
                .map(|t| ThemeRecord {
                    theme: t.theme.clone(),
                    start: t.span.start(),
                    end: t.span.end(),
                })
                .collect(),
            tone: self.tone.clone(),
            tokens: vec![],
            errors: self.errors.clone(),
            text: self.page.as_ref().map(|_| self.text().to_string()),
            page: self.page.as_deref().cloned(),
        }
    }

    /// The records of every token (`--with-tokens`).
    pub fn token_records(&self) -> Vec<TokenRecord> {
        let parsed = self.has_deps();
        self.tokens
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let first = self
                    .sentences
                    .get(t.sentence.index())
                    .map_or(0, |s| s.tokens.0 as usize);
                let dep = self.deps.get(i).filter(|_| parsed);
                TokenRecord {
                    start: t.span.start(),
                    end: t.span.end(),
                    text: self.slice(t.span).to_string(),
                    sentence: t.sentence.0,
                    id: (i - first.min(i)) as u32 + 1,
                    lemma: t.lemma.clone(),
                    upos: t.pos.as_str().to_string(),
                    head: dep.map(|d| d.head),
                    deprel: dep.map(|d| d.rel.as_str().to_string()),
                }
            })
            .collect()
    }

    /// The schema v1 record with its `tokens`.
    pub fn to_record_with_tokens(&self) -> ArticleRecord {
        let mut rec = self.to_record();
        rec.tokens = self.token_records();
        rec
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::*;

    #[test]
    fn record_carries_text_under_spans() {
        let mut doc = Document::new(
            Meta {
                id: "a".into(),
                ..Meta::default()
            },
            "“Go,” she said.".into(),
        )
        .unwrap();
        let q = doc.span(0, 9).unwrap();
        let sp = doc.span(10, 13).unwrap();
        let cue = doc.span(14, 18).unwrap();
        doc.quotes.push(Quote {
            span: q,
            kind: QuoteKind::Direct,
            speaker: Some(Speaker {
                span: sp,
                entity: None,
            }),
            cue: Some(cue),
        });
        let rec = doc.to_record();
        let json = serde_json::to_string(&rec).unwrap();
        let back: ArticleRecord = serde_json::from_str(&json).unwrap();
        assert_eq!(back, rec);
        assert_eq!(rec.quotes[0].text, "“Go,”");
        assert_eq!(rec.quotes[0].speaker.as_ref().unwrap().text, "she");
        assert_eq!(rec.quotes[0].cue.as_ref().unwrap().text, "said");
    }
}
