//! Plain-text articles: one file (or all of stdin) is one article.

use crate::header::parse_header;
use crate::{IngestError, Location, Record};
use sitrep_doc::{Document, Meta};
use std::io::Read;

/// Reads at most `max_bytes + 1` bytes, so an over-long input is detected without holding
/// more than the limit in memory.
pub(crate) fn read_limited(
    mut reader: impl Read,
    label: &str,
    max_bytes: usize,
) -> Result<Vec<u8>, IngestError> {
    let mut bytes = Vec::new();
    let limit = max_bytes as u64 + 1;
    reader
        .by_ref()
        .take(limit)
        .read_to_end(&mut bytes)
        .map_err(|source| IngestError::Io {
            at: Location::file(label),
            source,
        })?;
    if bytes.len() > max_bytes {
        // Count the rest without keeping it, so the error can give the real size.
        let rest =
            std::io::copy(&mut reader, &mut std::io::sink()).map_err(|source| IngestError::Io {
                at: Location::file(label),
                source,
            })?;
        return Err(IngestError::TooLong {
            at: Location::file(label),
            len: bytes.len() as u64 + rest,
            limit: max_bytes,
        });
    }
    Ok(bytes)
}

/// Turns the bytes of a plain-text article into a document. A `date YYYY-MM-DD` header
/// becomes `meta.date` and the body starts after it; offsets still count from byte 0 of
/// `bytes`.
pub fn text_document(id: &str, bytes: Vec<u8>, max_bytes: usize) -> Record {
    let at = || Location {
        path: id.to_string(),
        line: None,
        id: None,
    };
    if bytes.len() > max_bytes {
        return Err(IngestError::TooLong {
            at: at(),
            len: bytes.len() as u64,
            limit: max_bytes,
        });
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count() as u64
            + 1;
        IngestError::InvalidUtf8 {
            at: Location {
                line: Some(line),
                ..at()
            },
            offset,
        }
    })?;
    let header = parse_header(&text).map_err(|bad| IngestError::BadDate {
        at: at(),
        source: bad.error,
    })?;
    let body_start = header.map_or(0, |h| h.body_start);
    if text[body_start..].trim().is_empty() {
        return Err(IngestError::Empty { at: at() });
    }
    let meta = Meta {
        id: id.to_string(),
        date: header.map(|h| h.date),
        ..Meta::default()
    };
    Document::with_body(meta, text, body_start)
        .map_err(|source| IngestError::Doc { at: at(), source })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_is_metadata_and_offsets_index_the_file() {
        let raw = " date 2022-01-10 Officials met in Vienna.\n\nThey talked.";
        let doc = text_document("a.txt", raw.as_bytes().to_vec(), 1000).unwrap();
        assert_eq!(doc.meta.id, "a.txt");
        assert_eq!(doc.meta.date.unwrap().to_string(), "2022-01-10");
        assert_eq!(doc.text(), raw);
        assert_eq!(doc.body().start(), 17);
        assert!(doc.slice(doc.body()).starts_with("Officials met"));
    }

    #[test]
    fn no_header_means_whole_text_is_body() {
        let doc = text_document("b.txt", b"Talks resumed.".to_vec(), 1000).unwrap();
        assert_eq!(doc.meta.date, None);
        assert_eq!(doc.body().start(), 0);
        assert_eq!(doc.body().end(), 14);
    }

    #[test]
    fn bad_inputs_are_named_errors() {
        let cases: &[(&[u8], &str)] = &[
            (b"", "b.txt: article is empty"),
            (b"  \n\t ", "b.txt: article is empty"),
            (b"date 2022-01-10   \n", "b.txt: article is empty"),
            (
                b"line one\nline \xff two",
                "b.txt:2: invalid UTF-8 at byte 14",
            ),
            (
                b"date 2022-02-30 Bad.",
                "b.txt: bad date: cannot read date \"2022-02-30\" (expected an ISO 8601 date or \
                 date-time such as 2022-01-10 or 2022-01-10T08:00:00Z, YYYYMMDD, or an RFC 2822 \
                 date such as Mon, 10 Jan 2022 08:00:00 +0000)",
            ),
            (
                b"0123456789ABCDEFGHIJK",
                "b.txt: article of 21 bytes exceeds the limit of 20 bytes",
            ),
        ];
        for (input, want) in cases {
            let err = text_document("b.txt", input.to_vec(), 20).expect_err(want);
            assert_eq!(err.to_string(), *want);
            assert_eq!(
                err.record_id(),
                if want.starts_with("b.txt:2") {
                    "b.txt:2"
                } else {
                    "b.txt"
                }
            );
        }
    }

    #[test]
    fn limited_read_reports_the_real_size() {
        let data = [b'a'; 50];
        let err = read_limited(&data[..], "-", 10).unwrap_err();
        assert_eq!(
            err.to_string(),
            "-: article of 50 bytes exceeds the limit of 10 bytes"
        );
        assert_eq!(read_limited(&data[..], "-", 50).unwrap().len(), 50);
    }
}
