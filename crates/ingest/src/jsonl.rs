//! JSON Lines: one article object per line, read as a stream.

use crate::date::{parse_article_date, DateError};
use crate::{IngestError, Location, Record};
use serde::Deserialize;
use sitrep_doc::{Document, Meta};
use std::io::BufRead;

/// The fields sitrep reads from an article line; every other field is ignored.
#[derive(Deserialize)]
struct RawArticle {
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(default)]
    text: Option<String>,
    /// A string in any form [`parse_article_date`] reads, or a number (`20220110`).
    #[serde(default)]
    date: Option<serde_json::Value>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    source: Option<String>,
}

/// Reads a JSONL stream line by line, yielding one record per non-blank line. A line never
/// has to fit in memory beyond the article limit: longer lines are skipped while counted.
pub struct JsonlReader<R> {
    reader: R,
    path: String,
    line: u64,
    max_bytes: usize,
    buf: Vec<u8>,
    finished: bool,
}

/// What reading one line gave.
#[derive(Debug)]
enum Line {
    Eof,
    /// The line is in `buf` (newline included).
    Kept,
    /// The line was longer than the cap; only its length (without line end) is known.
    Overlong(u64),
}

impl<R: BufRead> JsonlReader<R> {
    pub fn new(reader: R, path: impl Into<String>, max_bytes: usize) -> Self {
        JsonlReader {
            reader,
            path: path.into(),
            line: 0,
            max_bytes,
            buf: Vec::new(),
            finished: false,
        }
    }

    /// The most bytes a line may take in memory: the article limit plus room for JSON
    /// escapes and metadata.
    fn line_cap(&self) -> usize {
        self.max_bytes.saturating_mul(2).saturating_add(64 * 1024)
    }

    fn read_line(&mut self) -> std::io::Result<Line> {
        self.buf.clear();
        let cap = self.line_cap();
        let mut total: u64 = 0;
        let mut overlong = false;
        let mut line_end = 0;
        loop {
            let available = match self.reader.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if available.is_empty() {
                break;
            }
            let (n, done) = match available.iter().position(|&b| b == b'\n') {
                Some(i) => (i + 1, true),
                None => (available.len(), false),
            };
            if !overlong && self.buf.len() + n > cap {
                overlong = true;
                self.buf = Vec::new();
            }
            if !overlong {
                self.buf.extend_from_slice(&available[..n]);
            }
            total += n as u64;
            self.reader.consume(n);
            if done {
                line_end = 1;
                break;
            }
        }
        Ok(match (total, overlong) {
            (0, _) => Line::Eof,
            (_, true) => Line::Overlong(total - line_end),
            _ => Line::Kept,
        })
    }
}

impl<R: BufRead> Iterator for JsonlReader<R> {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        while !self.finished {
            let line = self.read_line();
            self.line += 1;
            let at = Location::line(self.path.clone(), self.line);
            match line {
                Err(source) => {
                    self.finished = true;
                    return Some(Err(IngestError::Io { at, source }));
                }
                Ok(Line::Eof) => self.finished = true,
                Ok(Line::Overlong(len)) => {
                    return Some(Err(IngestError::TooLong {
                        at,
                        len,
                        limit: self.max_bytes,
                    }));
                }
                Ok(Line::Kept) if self.buf.iter().all(u8::is_ascii_whitespace) => continue,
                Ok(Line::Kept) => return Some(parse_line(&self.buf, at, self.max_bytes)),
            }
        }
        None
    }
}

/// Parses one JSONL line (bytes, possibly with its newline) into a document.
pub fn parse_line(bytes: &[u8], mut at: Location, max_bytes: usize) -> Record {
    // Without its line end, a cut-off line reads as "EOF while parsing", not as a control
    // character inside a string.
    let bytes = bytes.strip_suffix(b"\n").unwrap_or(bytes);
    let bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
    let line = std::str::from_utf8(bytes).map_err(|e| IngestError::InvalidUtf8 {
        at: at.clone(),
        offset: e.valid_up_to(),
    })?;
    // Checked here because serde would also accept an array as a struct's fields in order.
    if let Some(first) = line.trim_start().chars().next().filter(|&c| c != '{') {
        let message = format!("expected one JSON object per line, found `{first}`");
        return Err(IngestError::Json { at, message });
    }
    let raw: RawArticle = serde_json::from_str(line).map_err(|e| IngestError::Json {
        at: at.clone(),
        message: e.to_string(),
    })?;
    let id = match raw.id {
        Some(serde_json::Value::String(s)) => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        None | Some(serde_json::Value::Null) => {
            return Err(IngestError::MissingField { at, field: "id" })
        }
        Some(_) => {
            return Err(IngestError::BadField {
                at,
                field: "id",
                expected: "a string or a number",
            })
        }
    };
    at.id = Some(id.clone());
    let text = raw.text.ok_or_else(|| IngestError::MissingField {
        at: at.clone(),
        field: "text",
    })?;
    if text.len() > max_bytes {
        return Err(IngestError::TooLong {
            at,
            len: text.len() as u64,
            limit: max_bytes,
        });
    }
    if text.trim().is_empty() {
        return Err(IngestError::Empty { at });
    }
    let date = match raw.date {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) if s.trim().is_empty() => None,
        Some(serde_json::Value::String(s)) => Some(parse_article_date(&s)),
        Some(serde_json::Value::Number(n)) => Some(parse_article_date(&n.to_string())),
        Some(other) => Some(Err(DateError::Unreadable(other.to_string()))),
    };
    let date = match date {
        None => None,
        Some(Ok(d)) => Some(d.date),
        Some(Err(source)) => {
            return Err(IngestError::BadDate {
                at: at.clone(),
                source,
            })
        }
    };
    let meta = Meta {
        id,
        date,
        title: raw.title,
        url: raw.url,
        source: raw.source,
    };
    Document::new(meta, text).map_err(|source| IngestError::Doc { at, source })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(input: &[u8], max: usize) -> Vec<Result<Document, String>> {
        JsonlReader::new(input, "in.jsonl", max)
            .map(|r| r.map_err(|e| e.to_string()))
            .collect()
    }

    #[test]
    fn reads_articles_and_ignores_unknown_fields() {
        let input = concat!(
            r#"{"id": "a", "text": "Talks began.", "date": "2022-01-10", "title": "T", "url": "u", "source": "s", "quotes": [1, 2]}"#,
            "\n\n   \n",
            r#"{"id": 42, "text": "Numeric id.", "date": null}"#,
            "\n",
            r#"{"id": "c", "text": "No newline at the end.", "title": null}"#,
        );
        let docs: Vec<Document> = read_all(input.as_bytes(), 1000)
            .into_iter()
            .map(Result::unwrap)
            .collect();
        assert_eq!(docs.len(), 3);
        assert_eq!(docs[0].meta.id, "a");
        assert_eq!(docs[0].meta.date.unwrap().to_string(), "2022-01-10");
        assert_eq!(docs[0].meta.title.as_deref(), Some("T"));
        assert_eq!(docs[0].meta.url.as_deref(), Some("u"));
        assert_eq!(docs[0].meta.source.as_deref(), Some("s"));
        assert_eq!(docs[0].text(), "Talks began.");
        assert_eq!(docs[1].meta.id, "42");
        assert_eq!(docs[1].meta.date, None);
        assert_eq!(docs[2].text(), "No newline at the end.");
    }

    /// Issue 11, bug 1: the date forms a text header reads are read from JSONL too.
    #[test]
    fn jsonl_dates_in_every_form() {
        for date in [
            r#""2022-01-10T08:00:00Z""#,
            r#""2022-01-10 08:00:00""#,
            r#""20220110""#,
            "20220110",
            r#""Mon, 10 Jan 2022 08:00:00 +0000""#,
        ] {
            let line = format!(r#"{{"id":"a","text":"Russia warned NATO.","date":{date}}}"#);
            let doc = read_all(line.as_bytes(), 1000).remove(0).unwrap();
            assert_eq!(doc.meta.date.unwrap().to_string(), "2022-01-10", "{date}");
        }
        let bad = read_all(br#"{"id":"a","text":"T.","date":true}"#, 1000).remove(0);
        assert!(bad.unwrap_err().contains("bad date"));
    }

    #[test]
    fn every_bad_line_is_reported_and_the_rest_survive() {
        let lines: &[(&[u8], &str)] = &[
            (br#"{"id": "ok1", "text": "Fine."}"#, ""),
            (
                br#"{"id": "x", "text": "broken"#,
                "in.jsonl:2: broken JSON line: EOF while parsing a string at line 1 column 27",
            ),
            (
                br#"{"id": "m"}"#,
                "in.jsonl:3 (id \"m\"): missing field `text`",
            ),
            (br#"{"text": "no id"}"#, "in.jsonl:4: missing field `id`"),
            (
                br#"{"id": "d", "text": "Bad date.", "date": "10/01/2022"}"#,
                "in.jsonl:5 (id \"d\"): bad date: cannot read date \"10/01/2022\" (expected an ISO \
                 8601 date or date-time such as 2022-01-10 or 2022-01-10T08:00:00Z, YYYYMMDD, or \
                 an RFC 2822 date such as Mon, 10 Jan 2022 08:00:00 +0000)",
            ),
            (
                br#"{"id": "e", "text": "  "}"#,
                "in.jsonl:6 (id \"e\"): article is empty",
            ),
            (
                b"{\"id\": \"u\", \"text\": \"caf\xe9\"}",
                "in.jsonl:7: invalid UTF-8 at byte 24",
            ),
            (
                br#"{"id": "l", "text": "This text is far too long."}"#,
                "in.jsonl:8 (id \"l\"): article of 26 bytes exceeds the limit of 20 bytes",
            ),
            (
                br#"{"id": ["a"], "text": "Array id."}"#,
                "in.jsonl:9: field `id` must be a string or a number",
            ),
            (
                br#"[1, 2]"#,
                "in.jsonl:10: broken JSON line: expected one JSON object per line, found `[`",
            ),
            (br#"{"id": "ok2", "text": "Fine too."}"#, ""),
        ];
        let input: Vec<u8> = lines
            .iter()
            .flat_map(|(l, _)| l.iter().copied().chain([b'\n']))
            .collect();
        let got = read_all(&input, 20);
        assert_eq!(got.len(), lines.len());
        for ((line, want), got) in lines.iter().zip(&got) {
            match got {
                Ok(doc) => assert!(
                    want.is_empty(),
                    "line {:?} parsed as {}",
                    String::from_utf8_lossy(line),
                    doc.meta.id
                ),
                Err(e) => assert_eq!(e, want, "line {:?}", String::from_utf8_lossy(line)),
            }
        }
    }

    #[test]
    fn overlong_line_is_skipped_without_being_kept() {
        let long = format!(
            "{{\"id\": \"big\", \"text\": \"{}\"}}\n{{\"id\": \"next\", \"text\": \"Ok.\"}}\n",
            "a".repeat(200_000)
        );
        let mut reader = JsonlReader::new(long.as_bytes(), "in.jsonl", 10);
        let first = reader.next().unwrap().unwrap_err();
        assert!(
            matches!(
                first,
                IngestError::TooLong {
                    len: 200_025,
                    limit: 10,
                    ..
                }
            ),
            "{first}"
        );
        assert_eq!(first.record_id(), "in.jsonl:1");
        assert_eq!(reader.next().unwrap().unwrap().meta.id, "next");
        assert!(reader.next().is_none());
    }

    #[test]
    fn crlf_lines_parse() {
        let got = read_all(
            b"{\"id\": \"a\", \"text\": \"One.\"}\r\n{\"id\": \"b\", \"text\": \"Two.\"}\r\n",
            100,
        );
        assert_eq!(got.len(), 2);
        assert!(got.iter().all(Result::is_ok));
    }
}
