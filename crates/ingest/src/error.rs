use sitrep_doc::DocError;
use std::fmt;
use thiserror::Error;

/// Where a record came from: the input as named by the user, the line for JSONL records,
/// and the article id once it is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub path: String,
    pub line: Option<u64>,
    pub id: Option<String>,
}

impl Location {
    pub fn file(path: impl Into<String>) -> Location {
        Location {
            path: path.into(),
            line: None,
            id: None,
        }
    }

    pub fn line(path: impl Into<String>, line: u64) -> Location {
        Location {
            path: path.into(),
            line: Some(line),
            id: None,
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(id) = &self.id {
            write!(f, " (id {id:?})")?;
        }
        Ok(())
    }
}

/// Why one record could not become a [`sitrep_doc::Document`]. Every variant names the
/// file (and line, for JSONL) so the user can find the record; the batch goes on.
#[derive(Debug, Error)]
pub enum IngestError {
    #[error("{at}: cannot read: {source}")]
    Io {
        at: Location,
        #[source]
        source: std::io::Error,
    },
    #[error("{at}: invalid UTF-8 at byte {offset}")]
    InvalidUtf8 { at: Location, offset: usize },
    #[error("{at}: the file is {format}, not text: {hint}")]
    NotText {
        at: Location,
        format: &'static str,
        hint: &'static str,
    },
    #[error(
        "{at}: no article files here (in directories sitrep reads .txt, .text, .jsonl, .ndjson, .html, \
         .htm, .xhtml, .warc, each also .gz); \
         skipped {count} other file(s): {examples} (name a file to read it whatever its extension)"
    )]
    NoArticleFiles {
        at: Location,
        count: usize,
        examples: String,
    },
    #[error("{at}: article is empty")]
    Empty { at: Location },
    #[error("{at}: article of {len} bytes exceeds the limit of {limit} bytes")]
    TooLong {
        at: Location,
        len: u64,
        limit: usize,
    },
    #[error("{at}: broken JSON line: {message}")]
    Json { at: Location, message: String },
    #[error("{at}: missing field `{field}`")]
    MissingField { at: Location, field: &'static str },
    #[error("{at}: field `{field}` must be {expected}")]
    BadField {
        at: Location,
        field: &'static str,
        expected: &'static str,
    },
    #[error("{at}: bad date: {source}")]
    BadDate {
        at: Location,
        #[source]
        source: crate::DateError,
    },
    #[error("{at}: {source}")]
    Web {
        at: Location,
        #[source]
        source: sitrep_web::WebError,
    },
    #[error("{at}: {source}")]
    Doc {
        at: Location,
        #[source]
        source: DocError,
    },
}

impl IngestError {
    pub fn location(&self) -> &Location {
        match self {
            IngestError::Io { at, .. }
            | IngestError::InvalidUtf8 { at, .. }
            | IngestError::NotText { at, .. }
            | IngestError::NoArticleFiles { at, .. }
            | IngestError::Empty { at }
            | IngestError::TooLong { at, .. }
            | IngestError::Json { at, .. }
            | IngestError::MissingField { at, .. }
            | IngestError::BadField { at, .. }
            | IngestError::BadDate { at, .. }
            | IngestError::Web { at, .. }
            | IngestError::Doc { at, .. } => at,
        }
    }

    /// The id under which the failed record is reported: the article id when the record
    /// got that far, else `path:line` (JSONL) or the path (text files).
    pub fn record_id(&self) -> String {
        sitrep_doc::ReadError::record_id(self)
    }
}

impl sitrep_doc::ReadError for IngestError {
    fn record_id(&self) -> String {
        let at = self.location();
        if let (IngestError::Web { source, .. }, None, None) = (self, &at.id, at.line) {
            if let Some(i) = source.record_index() {
                return format!("{}#{i}", at.path);
            }
        }
        match (&at.id, at.line) {
            (Some(id), _) => id.clone(),
            (None, Some(line)) => format!("{}:{line}", at.path),
            (None, None) => at.path.clone(),
        }
    }
}
