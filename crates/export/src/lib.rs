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
//! Output never depends on the wall clock: the same input writes the same bytes.
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
}

#[cfg(test)]
mod tests;
