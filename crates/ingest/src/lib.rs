//! Readers that turn user inputs into [`sitrep_doc::Document`]s, one `Result` per record.
//!
//! Inputs are plain-text files (one article each, with an optional first-line date header,
//! `date 2022-01-10` or `Date: Mon, 10 Jan 2022 08:00:00 +0000`, that becomes `meta.date`
//! while offsets keep counting from the file's first byte), JSON Lines (one article object per line: `id`, `text`, optional
//! `date`, `title`, `url`, `source`; other fields ignored), HTML pages (the extracted article,
//! see `sitrep-web`), WARC crawls (`.warc`, `.warc.gz`: one article per HTML response),
//! any of these gzipped (`.gz`, read transparently), directories (walked recursively in
//! sorted order, picking `.txt`/`.text`, `.jsonl`/`.ndjson`, `.html`/`.htm`, `.warc` and
//! `.gz`) and `-` for standard input (by content: WARC, JSONL if its first non-blank byte is
//! `{`, HTML, else one text article). Text that is not UTF-8 is decoded by `--encoding`, a
//! BOM, or charset detection; HTML by its declared charset, else detection.
//!
//! Key decision: a bad record is a value, not a failure of the batch. Every problem (unreadable
//! file, invalid UTF-8, empty or over-long article, broken JSON, missing `id`/`text`, bad date)
//! becomes an [`IngestError`] naming file and line, yielded in the record's place, and reading
//! goes on. All dates, whatever the input kind, are read by one function,
//! [`parse_article_date`]. This crate must never drop a record silently, never stop a batch on one bad
//! record, and never read a whole JSONL file into memory.
//!
//! Ids: a text article's id is its path, normalised by [`path_id`] (relative to the working
//! directory when below it, else absolute; so `in/dir` and `./in/dir` give the same ids);
//! text on stdin gets `stdin:` and a hash of its bytes ([`stdin_id`]). A failed text file is
//! reported under the same id. A JSONL article's id is its `id` field (a number is accepted
//! and written as a string); a failed JSONL line is reported as `path:line`.

pub mod date;
mod error;
mod header;
mod jsonl;
mod sources;
mod text;
mod web;

pub use date::{parse_article_date, ArticleDate, DateError};
pub use error::{IngestError, Location};
pub use header::{parse_date, parse_header, BadHeader, Header};
pub use jsonl::{parse_line, JsonlReader};
pub use sitrep_web::{encoding_for_label, Encoding};
pub use sources::{
    path_id, stdin_id, survey, Input, Records, Survey, HTML_EXTENSIONS, JSONL_EXTENSIONS,
    TEXT_EXTENSIONS, WARC_EXTENSIONS,
};
pub use text::text_document;
pub use web::page_date;

/// One record: a document, or why it could not be made.
pub type Record = Result<sitrep_doc::Document, IngestError>;

/// Default article size limit: 2 MiB of text. Real news articles are far smaller; a larger
/// "article" is almost always a mis-split file.
pub const DEFAULT_MAX_BYTES: usize = 2 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IngestOptions {
    /// Articles with more text bytes than this are reported as errors.
    pub max_bytes: usize,
    /// Decode text and HTML inputs with this encoding, whatever they declare.
    pub encoding: Option<&'static sitrep_web::Encoding>,
    /// WARC records to pass over at the start of each WARC input (to resume a run).
    pub warc_skip: u64,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            max_bytes: DEFAULT_MAX_BYTES,
            encoding: None,
            warc_skip: 0,
        }
    }
}

/// Reads all inputs lazily, in order.
pub fn read(inputs: impl IntoIterator<Item = Input>, options: IngestOptions) -> Records {
    Records::new(inputs, options)
}
