//! The stored copy of an article's schema-v1 record: slimmed JSON, zlib-compressed.
//!
//! The record is the largest thing in a store (three to four times the article text as
//! plain JSON). Two lossless steps shrink it to about a fifth: every span's `text` that is
//! exactly the article text under the span becomes `null` (the text is stored beside the
//! record, so it is put back on reading), and the JSON is compressed (level 1, the fastest:
//! the ingest's writer thread must keep up with the pipeline).

use crate::error::StoreError;
use flate2::read::ZlibDecoder;
use flate2::write::ZlibEncoder;
use flate2::Compression;
use serde_json::Value;
use sitrep_doc::output::ArticleRecord;
use std::io::{Read, Write};

/// The JSON bytes stored (compressed) for a record whose spans index `text`.
pub(crate) fn slim_json(rec: &ArticleRecord, text: &str) -> Result<Vec<u8>, StoreError> {
    let mut v = serde_json::to_value(rec)?;
    if let Some(obj) = v.as_object_mut() {
        // A web page's record carries the whole text: a marker stands for it.
        if obj.get("text").and_then(Value::as_str) == Some(text) {
            obj.insert("text".into(), Value::Bool(true));
        }
    }
    drop_span_texts(&mut v, text);
    Ok(serde_json::to_vec(&v)?)
}

/// The record back from [`slim_json`]'s bytes and the article text.
pub(crate) fn restore(json: &[u8], text: &str) -> Result<ArticleRecord, StoreError> {
    let mut v: Value = serde_json::from_slice(json)?;
    if let Some(obj) = v.as_object_mut() {
        if obj.get("text") == Some(&Value::Bool(true)) {
            obj.insert("text".into(), Value::String(text.to_string()));
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

/// The bytes stored in `articles.record_z`.
pub(crate) fn compress(json: &[u8]) -> Vec<u8> {
    let mut z = ZlibEncoder::new(Vec::with_capacity(json.len() / 4 + 64), Compression::fast());
    // Writing into a Vec cannot fail.
    z.write_all(json).expect("compressing into memory");
    z.finish().expect("compressing into memory")
}

/// The JSON back from `articles.record_z`.
pub(crate) fn decompress(bytes: &[u8]) -> Result<Vec<u8>, StoreError> {
    let mut json = Vec::with_capacity(bytes.len() * 5);
    ZlibDecoder::new(bytes)
        .read_to_end(&mut json)
        .map_err(|e| StoreError::Corrupt(format!("stored record does not decompress: {e}")))?;
    Ok(json)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compress_round_trips_and_shrinks() {
        let json =
            r#"{"schema":1,"id":"a","entities":[{"start":0,"end":6,"form":"name"}]}"#.repeat(20);
        let z = compress(json.as_bytes());
        assert!(z.len() * 4 < json.len(), "{} vs {}", z.len(), json.len());
        assert_eq!(decompress(&z).unwrap(), json.as_bytes());
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        assert!(decompress(b"not zlib").is_err());
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
