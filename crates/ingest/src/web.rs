//! Web inputs: HTML pages and WARC crawls (through `sitrep-web`) turned into documents whose
//! text is the extracted article.

use crate::{IngestError, IngestOptions, Location, Record};
use chrono::NaiveDate;
use sitrep_doc::{Document, Meta, Page};
use sitrep_web::{Article, PageSource, WarcArticles};
use std::io::BufRead;

/// The one place a page's publication date is parsed: the same reader as JSONL dates
/// ([`crate::parse_article_date`]). The calendar day as the page wrote it; a value the reader
/// cannot read leaves the date unset (the page's own metadata, not the user's input).
pub fn page_date(raw: &str) -> Option<NaiveDate> {
    crate::parse_article_date(raw).ok().map(|d| d.date)
}

/// A document from an extracted article. `id`: the page's file name or its WARC URL.
pub(crate) fn article_document(
    id: String,
    article: Article,
    warc_record: Option<u64>,
    options: &IngestOptions,
) -> Record {
    let at = Location {
        path: id.clone(),
        line: None,
        id: None,
    };
    if article.text.len() > options.max_bytes {
        return Err(IngestError::TooLong {
            at,
            len: article.text.len() as u64,
            limit: options.max_bytes,
        });
    }
    let page = Page {
        byline: article.byline,
        language: article.language,
        date_raw: article.date.clone(),
        encoding: article.encoding.to_string(),
        warc_record,
        html_map: article.html_map,
    };
    let meta = Meta {
        id,
        date: article.date.as_deref().and_then(page_date),
        title: article.title,
        url: article.url,
        source: None,
    };
    let mut doc =
        Document::new(meta, article.text).map_err(|source| IngestError::Doc { at, source })?;
    doc.page = Some(Box::new(page));
    Ok(doc)
}

/// One HTML page (already decompressed).
pub(crate) fn html_document(label: &str, bytes: &[u8], options: &IngestOptions) -> Record {
    let source = PageSource {
        forced: options.encoding,
        ..PageSource::default()
    };
    match sitrep_web::read_page(bytes, source) {
        Ok(article) => article_document(label.to_string(), article, None, options),
        Err(source) => Err(IngestError::Web {
            at: Location::file(label),
            source,
        }),
    }
}

/// The documents of a WARC stream: one per HTML response, one error per broken record.
pub(crate) struct WarcDocuments<R> {
    articles: WarcArticles<R>,
    path: String,
    options: IngestOptions,
}

impl<R: BufRead> WarcDocuments<R> {
    pub(crate) fn new(reader: R, path: String, options: IngestOptions) -> Self {
        WarcDocuments {
            articles: WarcArticles::new(reader, options.warc_skip, options.encoding),
            path,
            options,
        }
    }
}

impl<R: BufRead> Iterator for WarcDocuments<R> {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        Some(match self.articles.next()? {
            Ok(a) => {
                // The URL is the natural id of a crawled page; dedup keeps it unique.
                let id = a
                    .target_uri
                    .clone()
                    .unwrap_or_else(|| format!("{}#{}", self.path, a.index));
                article_document(id, a.article, Some(a.index), &self.options)
            }
            // The error names its record ("WARC record 3 (byte 812): ..."); the location adds
            // only the file, and the record's id (`crawl.warc.gz#3`) comes from both.
            Err(source) => Err(IngestError::Web {
                at: Location::file(self.path.clone()),
                source,
            }),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_broken_warc_record_names_its_place_once() {
        let warc = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99\r\n\r\nshort";
        let mut docs = WarcDocuments::new(
            &warc[..],
            "crawl.warc".to_string(),
            IngestOptions::default(),
        );
        let err = docs.next().unwrap().unwrap_err();
        assert_eq!(err.record_id(), "crawl.warc#0");
        let msg = err.to_string();
        assert!(
            msg.starts_with("crawl.warc: WARC record 0 (byte 0): "),
            "{msg}"
        );
        assert_eq!(msg.matches("crawl.warc").count(), 1, "{msg}");
        assert!(docs.next().is_none());
    }

    #[test]
    fn page_dates() {
        let d = |s| page_date(s).map(|d| d.to_string());
        assert_eq!(d("2022-01-10"), Some("2022-01-10".into()));
        assert_eq!(d("2022-01-10T08:30:00+00:00"), Some("2022-01-10".into()));
        assert_eq!(d("2022-01-10 08:30"), Some("2022-01-10".into()));
        assert_eq!(d("2022-01-10x"), None);
        assert_eq!(d("yesterday"), None);
    }
}
