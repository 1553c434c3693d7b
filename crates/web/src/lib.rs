//! Web input for sitrep: HTML pages (article extraction with a map back to the page), WARC
//! crawls read as a stream, charset decoding, and transparent gzip.
//!
//! Role: turn what a crawler or a browser saved into article text plus page metadata
//! (title, byline, raw publication date, canonical URL, language). The ingest crate wraps
//! the results into documents; this crate knows nothing of documents or the pipeline.
//!
//! Key decisions: extraction is `rs-trafilatura` (the best-scoring extractor we measured on
//! the article-extraction benchmark), and every offset sitrep writes indexes the extracted
//! text, which travels with the record; `offsets` keeps the way back to the HTML bytes. A
//! WARC stream yields one `Result` per article or broken record and resynchronises after
//! damage (next gzip member, next `WARC/` line).
//!
//! Must never: read a whole WARC into memory, stop a stream on one bad record, panic on
//! any input (the fuzz targets in `fuzz/` hold it to that), or fetch anything.

pub mod articles;
pub mod charset;
mod error;
pub mod extract;
pub mod gz;
pub mod http;
pub mod offsets;
pub mod warc;

pub use articles::{is_html_type, looks_like_html, WarcArticle, WarcArticles, WarcStats};
pub use charset::{decode_html, decode_text, encoding_for_label, Decoded};
pub use encoding_rs::Encoding;
pub use error::WebError;
pub use extract::{extract_decoded, read_page, Article, PageSource};
pub use offsets::{html_offset, Run};
pub use warc::{WarcReader, WarcRecord};
