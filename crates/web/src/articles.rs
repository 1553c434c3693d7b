//! WARC records to articles: HTML responses become articles, other records are skipped,
//! repeats (same URL, or same page bytes under another URL) are dropped.

use crate::error::WebError;
use crate::extract::{read_page, Article, PageSource};
use crate::http::parse_response;
use crate::warc::{WarcReader, WarcRecord};
use encoding_rs::Encoding;
use std::collections::HashSet;
use std::hash::{Hash, Hasher};
use std::io::BufRead;

/// One article of a WARC stream, with the record it came from.
#[derive(Debug, Clone)]
pub struct WarcArticle {
    pub index: u64,
    pub offset: u64,
    pub target_uri: Option<String>,
    pub warc_date: Option<String>,
    pub article: Article,
}

/// Counts of what the stream held besides articles.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WarcStats {
    pub records: u64,
    pub skipped_kind: u64,
    pub skipped_not_html: u64,
    pub duplicate_url: u64,
    pub duplicate_content: u64,
    pub errors: u64,
}

/// The articles of a WARC stream, one `Result` per article or broken record.
pub struct WarcArticles<R> {
    records: WarcReader<R>,
    skip: u64,
    forced: Option<&'static Encoding>,
    seen_urls: HashSet<u64>,
    seen_bodies: HashSet<(u64, usize)>,
    pub stats: WarcStats,
}

impl<R: BufRead> WarcArticles<R> {
    /// `skip`: records to pass over unread (resuming an interrupted run: the error and
    /// article reports give each record's index).
    pub fn new(input: R, skip: u64, forced: Option<&'static Encoding>) -> Self {
        WarcArticles {
            records: WarcReader::new(input),
            skip,
            forced,
            seen_urls: HashSet::new(),
            seen_bodies: HashSet::new(),
            stats: WarcStats::default(),
        }
    }

    /// `Ok(None)`: the record is not an article (or a repeat). A `skipped` record is only
    /// registered for dedup, as the interrupted run did, and never extracted or reported.
    fn article(
        &mut self,
        record: WarcRecord,
        skipped: bool,
    ) -> Result<Option<WarcArticle>, WebError> {
        let (status, content_type, body) = match record.warc_type.as_str() {
            "response" => {
                let r = parse_response(&record.block)
                    .map_err(|e| e.at_record(record.index, record.offset))?;
                (r.status, r.content_type, r.body)
            }
            // A resource record holds the page itself (wget, webrecorder).
            "resource" => (200, record.content_type.clone(), record.block),
            _ => {
                self.stats.skipped_kind += 1;
                return Ok(None);
            }
        };
        let html_type = content_type.as_deref().is_none_or(is_html_type);
        if !(200..300).contains(&status) || !html_type || !looks_like_html(&body) {
            self.stats.skipped_not_html += 1;
            return Ok(None);
        }
        if let Some(uri) = &record.target_uri {
            if !self.seen_urls.insert(hash(uri.as_bytes())) {
                self.stats.duplicate_url += 1;
                return Ok(None);
            }
        }
        if !self.seen_bodies.insert((hash(&body), body.len())) {
            self.stats.duplicate_content += 1;
            return Ok(None);
        }
        if skipped {
            return Ok(None);
        }
        let charset = content_type
            .as_deref()
            .and_then(crate::charset::charset_param);
        let source = PageSource {
            url: record.target_uri.as_deref(),
            http_charset: charset,
            forced: self.forced,
        };
        let article =
            read_page(&body, source).map_err(|e| e.at_record(record.index, record.offset))?;
        Ok(Some(WarcArticle {
            index: record.index,
            offset: record.offset,
            target_uri: record.target_uri,
            warc_date: record.date,
            article,
        }))
    }
}

impl<R: BufRead> Iterator for WarcArticles<R> {
    type Item = Result<WarcArticle, WebError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let record = self.records.next()?;
            self.stats.records += 1;
            let index = match &record {
                Ok(r) => r.index,
                Err(e) => e.record_index().unwrap_or(u64::MAX),
            };
            let skipped = index < self.skip;
            let result = record.and_then(|r| self.article(r, skipped));
            match result {
                Err(_) if skipped => continue,
                Ok(None) => continue,
                Ok(Some(a)) => return Some(Ok(a)),
                Err(e) => {
                    self.stats.errors += 1;
                    return Some(Err(e));
                }
            }
        }
    }
}

fn hash(bytes: &[u8]) -> u64 {
    // SipHash with fixed keys: stable within a run, which is all dedup needs.
    let mut h = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut h);
    h.finish()
}

/// `text/html` or `application/xhtml+xml`, whatever the parameters.
pub fn is_html_type(content_type: &str) -> bool {
    let mime = content_type.split(';').next().unwrap_or("").trim();
    mime.eq_ignore_ascii_case("text/html") || mime.eq_ignore_ascii_case("application/xhtml+xml")
}

/// Sniffs HTML: after blanks and a BOM, the first bytes open a doctype, `<html`, `<head`,
/// `<body`, a comment, or any tag found among the first 1024 bytes is a common HTML one.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    let head: Vec<u8> = head[start..].iter().map(u8::to_ascii_lowercase).collect();
    if head.first() != Some(&b'<') {
        return false;
    }
    const OPENERS: &[&[u8]] = &[
        b"<!doctype html",
        b"<html",
        b"<head",
        b"<body",
        b"<!--",
        b"<meta",
        b"<title",
        b"<div",
        b"<p>",
        b"<p ",
        b"<article",
        b"<script",
        b"<link",
        b"<?xml",
    ];
    OPENERS.iter().any(|o| head.starts_with(o))
}
