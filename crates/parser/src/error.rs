use std::path::PathBuf;
use thiserror::Error;

/// Errors of model loading, training data and parser configuration.
#[derive(Debug, Error)]
pub enum ParserError {
    #[error("parser model {what}: {message}")]
    BadModel { what: &'static str, message: String },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} line {line}: {message}")]
    BadData {
        path: PathBuf,
        line: usize,
        message: String,
    },
    #[error("tagger: {0}")]
    Tagger(#[from] sitrep_tagger::TaggerError),
    #[error("training: {0}")]
    Training(String),
    #[error("parser config: {0}")]
    Config(String),
}

impl ParserError {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> ParserError {
        ParserError::Io {
            path: path.into(),
            source,
        }
    }

    pub(crate) fn bad_model(what: &'static str, message: impl Into<String>) -> ParserError {
        ParserError::BadModel {
            what,
            message: message.into(),
        }
    }
}
