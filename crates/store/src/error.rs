use thiserror::Error;

/// Errors of the store. SQLite errors keep the statement's purpose as context, so a failure
/// in the middle of an ingest says what was being written.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error("sqlite ({context}): {source}")]
    Sqlite {
        context: &'static str,
        #[source]
        source: rusqlite::Error,
    },
    #[error("cannot open store {path}: {source}")]
    Open {
        path: String,
        #[source]
        source: rusqlite::Error,
    },
    #[error("store {path} has schema version {found}, this sitrep reads version {expected}")]
    SchemaVersion {
        path: String,
        found: i64,
        expected: i64,
    },
    #[error("article record JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("happening grouping: {0}")]
    Happenings(#[from] sitrep_happenings::HappeningsError),
    #[error("bad query: {0}")]
    BadQuery(String),
    #[error("no article with id {0:?}")]
    NoArticle(String),
}

/// Attaches a context to rusqlite results: `conn.execute(..).ctx("insert article")?`.
pub(crate) trait Ctx<T> {
    fn ctx(self, context: &'static str) -> Result<T, StoreError>;
}

impl<T> Ctx<T> for Result<T, rusqlite::Error> {
    fn ctx(self, context: &'static str) -> Result<T, StoreError> {
        self.map_err(|source| StoreError::Sqlite { context, source })
    }
}
