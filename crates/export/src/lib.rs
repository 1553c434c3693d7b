//! GDELT 2.x and Parquet output for sitrep documents.
//!
//! Writes GDELT's Events 2.0 (`*.export.CSV`, 61 columns), Mentions (`*.mentions.CSV`, 16) and
//! GKG 2.1 (`*.gkg.csv`, 27) files exactly as GDELT lays them out (tab-separated, no header,
//! GDELT's inner separators; see `../shared/design/GDELT_FORMATS.md`), and reads them back into
//! typed rows ([`tables`]) so that real GDELT lines round-trip byte for byte. It also writes
//! five typed Parquet tables (articles, entities, mentions, quotes, events).
//!
//! Key decisions: offsets in GDELT files are *character* offsets into the article text as
//! ingested (sitrep's byte spans converted at export, exactly, where GDELT's are approximate);
//! one GDELT event is one real-world happening across articles, grouped by
//! `sitrep-happenings`, which also gives the stable GLOBALEVENTIDs; geography uses FIPS 10-4
//! codes, actors CAMEO codes split into GDELT's ten actor columns ([`codes::split_actor`]).
//! Output depends on the wall clock only for undated articles without a `YYYYMMDDHHMMSS`
//! batch name: they get the processing time, marked in the GKG record (no date field is 0).
//!
//! # Column choices where sitrep differs from or has to guess at GDELT
//! - Offsets count characters from the start of the text as ingested (header line included),
//!   like every sitrep span; MentionDocLen is that text's length in characters.
//! - Mentions: Confidence is 100 for an event the article asserts and 50 for one it reports as
//!   someone's claim (inside a quote); InRawText is 0 when an actor is only a pronoun resolved
//!   by coreference. MentionType/SourceCollection is 1 (WEB) with a URL, else 2 with the
//!   article id as identifier.
//! - Events: actors and Actor geographies come from the first member mention with the
//!   happening's (most frequent) code; ActionGeo from the first member that has a place;
//!   SOURCEURL from the first member; DATEADDED is the earliest member article time.
//!   ADM2 codes are empty (GeoNames has no GDELT ADM2 ids); FeatureID is a GeoNames id.
//! - GKG: V1 lists hold each entity once (names lower-cased), V2 lists every name mention as
//!   written; quotations are direct and mixed quotes without their outer marks; GCAM holds only
//!   `wc:` (no GCAM dictionaries); images, translation info are empty; Extras holds the title.
//!
//! This crate must never change a document or drop an error: a failed write is an
//! [`ExportError`] naming the file.

pub mod codes;
pub mod export_doc;
pub mod fields;
pub mod gdelt;
pub mod parquet_out;
pub mod tables;

pub use export_doc::ExportDoc;
pub use gdelt::{GdeltWriter, Summary};
pub use parquet_out::ParquetWriter;
pub use tables::{EventRow, GkgRow, MentionRow};

use std::path::PathBuf;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum ExportError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: parquet: {message}")]
    Parquet { path: PathBuf, message: String },
    #[error("{table} table, column {column}: {message}")]
    Parse {
        table: &'static str,
        column: usize,
        message: String,
    },
    #[error("{table}.{column}: {message}")]
    Schema {
        table: &'static str,
        column: &'static str,
        message: String,
    },
    #[error("batch name {0:?} must be a non-empty file name")]
    BadBatchName(String),
    #[error("batch name {0:?} has 14 digits but is no YYYYMMDDHHMMSS time (UTC)")]
    BadBatchTime(String),
    #[error("{0}: not a directory (--out names the folder the files are written into)")]
    NotADirectory(PathBuf),
}

/// Creates the output folder (and its parents); a file in its place is a clear error rather
/// than the OS's "File exists".
pub(crate) fn create_out_dir(dir: &std::path::Path) -> Result<(), ExportError> {
    if dir.exists() && !dir.is_dir() {
        return Err(ExportError::NotADirectory(dir.to_path_buf()));
    }
    std::fs::create_dir_all(dir).map_err(|source| ExportError::Io {
        path: dir.to_path_buf(),
        source,
    })
}

#[cfg(test)]
mod tests;
