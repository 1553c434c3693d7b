//! The stored copy of an article's schema-v1 record: the part of it no table holds, as
//! compressed JSON.
//!
//! The record is the largest thing in a store (three to four times the article text as
//! plain JSON). Three lossless steps shrink it: every span's `text` that is exactly the
//! article text under the span becomes `null` (the text is stored beside the record, so it
//! is put back on reading); the quotes, the themes and each entity's mentions are left out
//! when the `quotes`, `themes` and `mentions` tables give them back exactly (always, for
//! sitrep's own records; a record from another producer that names one span twice keeps
//! them); and the JSON is compressed like the article text ([`crate::sqlar`]).

use crate::error::StoreError;
use serde_json::Value;
use sitrep_doc::output::{
    ArticleRecord, EntityRecord, MentionRecord, QuoteRecord, SpeakerRecord, TextSpan, ThemeRecord,
};
use std::collections::BTreeMap;

/// What the tables give back to a record stored without it.
#[derive(Debug, Default)]
pub(crate) struct FromTables {
    /// The article's `quotes` rows in order, as records.
    pub quotes: Vec<QuoteRecord>,
    /// The article's `themes` rows in order.
    pub themes: Vec<ThemeRecord>,
    /// The article's `mentions` rows by local entity id, in span order.
    pub mentions: BTreeMap<u32, Vec<MentionRecord>>,
}

/// Whether the `themes` table (one row per distinct theme and span, read in `idx` order)
/// gives back exactly these themes.
pub(crate) fn themes_from_table(themes: &[ThemeRecord]) -> bool {
    let mut seen = std::collections::HashSet::with_capacity(themes.len());
    themes
        .iter()
        .all(|t| seen.insert((t.theme.as_str(), t.start, t.end)))
}

/// One row of the `quotes` table, as far as the record goes (the speaker's store-wide
/// entity is the ingest's business).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct QuoteRow {
    pub start: usize,
    pub end: usize,
    /// `None` when the quotation is the article text under its span.
    pub text: Option<String>,
    pub kind: String,
    pub speaker_local: Option<u32>,
    /// The speaker's canonical name, else the speaker's words.
    pub speaker: Option<String>,
    pub speaker_span: Option<(usize, usize)>,
    pub cue: Option<String>,
    pub cue_span: Option<(usize, usize)>,
}

impl QuoteRow {
    pub(crate) fn of(q: &QuoteRecord, text: &str) -> QuoteRow {
        let sp = q.speaker.as_ref();
        QuoteRow {
            start: q.start,
            end: q.end,
            text: (text.get(q.start..q.end) != Some(q.text.as_str())).then(|| q.text.clone()),
            kind: q.kind.clone(),
            speaker_local: sp.and_then(|s| s.entity),
            speaker: sp.map(|s| s.name.clone().unwrap_or_else(|| s.text.clone())),
            speaker_span: sp.map(|s| (s.start, s.end)),
            cue: q.cue.as_ref().map(|c| c.text.clone()),
            cue_span: q.cue.as_ref().map(|c| (c.start, c.end)),
        }
    }

    /// The quote record back: the speaker's and the cue's words are the text under their
    /// spans, and a resolved speaker's name is the `speaker` column.
    pub(crate) fn record(&self, text: &str) -> Option<QuoteRecord> {
        let under = |(s, e): (usize, usize)| text.get(s..e).map(str::to_string);
        let speaker = match self.speaker_span {
            Some(span) => Some(SpeakerRecord {
                start: span.0,
                end: span.1,
                text: under(span)?,
                entity: self.speaker_local,
                name: self.speaker_local.and(self.speaker.clone()),
            }),
            None => None,
        };
        let cue = match self.cue_span {
            Some(span) => Some(TextSpan {
                start: span.0,
                end: span.1,
                text: under(span)?,
            }),
            None => None,
        };
        Some(QuoteRecord {
            start: self.start,
            end: self.end,
            text: match &self.text {
                Some(t) => t.clone(),
                None => under((self.start, self.end))?,
            },
            kind: self.kind.clone(),
            speaker,
            cue,
        })
    }
}

/// Whether the `quotes` table, written from `rows`, gives back exactly these quotes.
fn quotes_from_table(quotes: &[QuoteRecord], rows: &[QuoteRow], text: &str) -> bool {
    quotes
        .iter()
        .zip(rows)
        .all(|(q, row)| row.record(text).as_ref() == Some(q))
}

/// Whether the `mentions` table (one row per entity and distinct span, read in span order)
/// gives back exactly this entity's mentions.
pub(crate) fn mentions_from_table(e: &EntityRecord) -> bool {
    e.mentions
        .windows(2)
        .all(|w| (w[0].start, w[0].end) < (w[1].start, w[1].end))
}

/// A record split for storing: the JSON kept with the article, the whole record's JSON
/// (what the article's hash covers) and the rows of the `quotes` table.
pub(crate) struct Slim {
    pub json: Vec<u8>,
    pub whole: Vec<u8>,
    pub quote_rows: Vec<QuoteRow>,
}

/// The JSON bytes stored (compressed) for a record whose spans index `text`.
pub(crate) fn slim_json(rec: &ArticleRecord, text: &str) -> Result<Slim, StoreError> {
    let mut v = serde_json::to_value(rec)?;
    let whole = serde_json::to_vec(&v)?;
    let quote_rows: Vec<QuoteRow> = rec.quotes.iter().map(|q| QuoteRow::of(q, text)).collect();
    if let Some(obj) = v.as_object_mut() {
        // A web page's record carries the whole text: a marker stands for it.
        if obj.get("text").and_then(Value::as_str) == Some(text) {
            obj.insert("text".into(), Value::Bool(true));
        }
        if quotes_from_table(&rec.quotes, &quote_rows, text) {
            obj.remove("quotes");
        }
        if themes_from_table(&rec.themes) {
            obj.remove("themes");
        }
        if let Some(Value::Array(entities)) = obj.get_mut("entities") {
            for (e, v) in rec.entities.iter().zip(entities.iter_mut()) {
                if mentions_from_table(e) {
                    if let Some(o) = v.as_object_mut() {
                        o.remove("mentions");
                    }
                }
            }
        }
    }
    drop_span_texts(&mut v, text);
    Ok(Slim {
        json: serde_json::to_vec(&v)?,
        whole,
        quote_rows,
    })
}

/// The record back from [`slim_json`]'s bytes, the article text and the rows the tables
/// hold of it.
pub(crate) fn restore(
    json: &[u8],
    text: &str,
    mut tables: FromTables,
) -> Result<ArticleRecord, StoreError> {
    let mut v: Value = serde_json::from_slice(json)?;
    if let Some(obj) = v.as_object_mut() {
        if obj.get("text") == Some(&Value::Bool(true)) {
            obj.insert("text".into(), Value::String(text.to_string()));
        }
        if !obj.contains_key("quotes") {
            obj.insert("quotes".into(), serde_json::to_value(&tables.quotes)?);
        }
        if !obj.contains_key("themes") {
            obj.insert("themes".into(), serde_json::to_value(&tables.themes)?);
        }
        if let Some(Value::Array(entities)) = obj.get_mut("entities") {
            for e in entities.iter_mut().filter_map(Value::as_object_mut) {
                if e.contains_key("mentions") {
                    continue;
                }
                let id = e.get("id").and_then(Value::as_u64).ok_or_else(|| {
                    StoreError::Corrupt("stored entity without an id".to_string())
                })?;
                let rows = u32::try_from(id)
                    .ok()
                    .and_then(|id| tables.mentions.remove(&id))
                    .unwrap_or_default();
                e.insert("mentions".into(), serde_json::to_value(rows)?);
            }
        }
    }
    put_span_texts(&mut v, text)?;
    Ok(serde_json::from_value(v)?)
}

fn span_of(obj: &serde_json::Map<String, Value>) -> Option<(usize, usize)> {
    let start = obj.get("start")?.as_u64()? as usize;
    let end = obj.get("end")?.as_u64()? as usize;
    Some((start, end))
}

fn drop_span_texts(v: &mut Value, text: &str) {
    match v {
        Value::Object(obj) => {
            if let Some((s, e)) = span_of(obj) {
                if obj.get("text").and_then(Value::as_str) == text.get(s..e) {
                    obj.insert("text".into(), Value::Null);
                }
            }
            obj.values_mut().for_each(|x| drop_span_texts(x, text));
        }
        Value::Array(items) => items.iter_mut().for_each(|x| drop_span_texts(x, text)),
        _ => {}
    }
}

/// A span whose `text` is `null` had it dropped (no record field holds a null text).
fn put_span_texts(v: &mut Value, text: &str) -> Result<(), StoreError> {
    match v {
        Value::Object(obj) => {
            if let Some((s, e)) = span_of(obj) {
                if obj.get("text") == Some(&Value::Null) {
                    let under = text.get(s..e).ok_or_else(|| {
                        StoreError::Corrupt(format!("stored span {s}..{e} outside the text"))
                    })?;
                    obj.insert("text".into(), Value::String(under.to_string()));
                }
            }
            for x in obj.values_mut() {
                put_span_texts(x, text)?;
            }
        }
        Value::Array(items) => {
            for x in items {
                put_span_texts(x, text)?;
            }
        }
        _ => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sqlar::{compress, uncompress as decompress};

    #[test]
    fn compress_round_trips_and_shrinks() {
        let json =
            r#"{"schema":1,"id":"a","entities":[{"start":0,"end":6,"form":"name"}]}"#.repeat(20);
        let z = compress(json.as_bytes());
        assert!(z.len() * 4 < json.len(), "{} vs {}", z.len(), json.len());
        assert_eq!(decompress(&z, json.len()).unwrap(), json.as_bytes());
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        assert!(decompress(b"not zlib", 100).is_err());
    }

    #[test]
    fn span_texts_are_dropped_and_put_back_exactly() {
        let text = "Russia warned NATO.";
        let mut v = serde_json::json!({
            "text": true,
            "sentences": [{"start": 0, "end": 19}],
            "themes": [{"theme": "X", "start": 0, "end": 6}],
            "entities": [{"mentions": [{"start": 0, "end": 6, "text": "Russia", "form": "name"}]}],
            "quotes": [{"start": 7, "end": 13, "text": "not what is under the span"}],
        });
        let before = v.clone();
        drop_span_texts(&mut v, text);
        assert!(v["entities"][0]["mentions"][0]["text"].is_null());
        assert_eq!(
            v["quotes"][0]["text"], "not what is under the span",
            "kept as it is"
        );
        put_span_texts(&mut v, text).unwrap();
        assert_eq!(v, before);
        let mut bad = serde_json::json!({"dates": [{"start": 5, "end": 99, "text": null}]});
        assert!(put_span_texts(&mut bad, text).is_err());
    }
}
