use std::path::PathBuf;
use thiserror::Error;

/// Errors of model loading, training and tagging configuration.
#[derive(Debug, Error)]
pub enum TaggerError {
    #[error("model file {what}: {message}")]
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
    #[error("configuration: {0}")]
    Config(String),
    #[error("training: {0}")]
    Training(String),
}

impl TaggerError {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> TaggerError {
        TaggerError::Io {
            path: path.into(),
            source,
        }
    }

    pub(crate) fn bad_model(what: &'static str, message: impl Into<String>) -> TaggerError {
        TaggerError::BadModel {
            what,
            message: message.into(),
        }
    }
}
