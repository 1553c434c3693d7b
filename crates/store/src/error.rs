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
    /// The reason is said once (SQLite's error and its source repeat each other).
    #[error("cannot open store {path}: {reason}")]
    Open { path: String, reason: String },
    #[error(
        "store {path} has schema version {found}, this sitrep reads version {expected} \
         (ingest the articles again into a new store)"
    )]
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
    #[error("corrupt store: {0}")]
    Corrupt(String),
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

impl StoreError {
    /// A failed open of the store at `path`, with SQLite's reason said once.
    pub(crate) fn open(path: impl Into<String>, e: rusqlite::Error) -> StoreError {
        let reason = match &e {
            rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::CannotOpen => {
                "unable to open the database file (does its folder exist, and may you write \
                 there?)"
                    .to_string()
            }
            rusqlite::Error::SqliteFailure(f, Some(msg)) => format!("{msg} ({:?})", f.code),
            other => other.to_string(),
        };
        StoreError::Open {
            path: path.into(),
            reason,
        }
    }
}
