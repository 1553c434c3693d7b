//! Errors: [`ServerError`] for starting the server, [`ApiError`] for one request (a JSON body
//! `{"error": {"status": 400, "message": "..."}}` with the same status code).

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use sitrep_store::StoreError;
use std::net::SocketAddr;
use thiserror::Error;

/// Why the server could not start or stopped.
#[derive(Debug, Error)]
pub enum ServerError {
    #[error("cannot open the store: {0}")]
    Store(#[from] StoreError),
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        #[source]
        source: std::io::Error,
    },
    #[error("server runtime: {0}")]
    Runtime(#[source] std::io::Error),
    #[error("cannot set the connection's memory limits: {0}")]
    Pragma(#[source] rusqlite::Error),
}

/// A failed request: a status code and a message meant for the person who sent it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub status: StatusCode,
    pub message: String,
}

impl ApiError {
    pub fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            message: message.into(),
        }
    }

    pub fn bad(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }

    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, message)
    }

    pub fn internal(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, message)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::json!({
            "error": { "status": self.status.as_u16(), "message": self.message }
        });
        (self.status, axum::Json(body)).into_response()
    }
}

impl From<rusqlite::Error> for ApiError {
    fn from(e: rusqlite::Error) -> ApiError {
        match &e {
            rusqlite::Error::SqliteFailure(f, _)
                if f.code == rusqlite::ErrorCode::OperationInterrupted =>
            {
                ApiError::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "the query took too long and was stopped; narrow it (dates, actors, limit)",
                )
            }
            _ => ApiError::internal(format!("store query failed: {e}")),
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> ApiError {
        match e {
            StoreError::BadQuery(m) => ApiError::bad(m),
            StoreError::NoArticle(id) => ApiError::not_found(format!("no article with id {id:?}")),
            StoreError::Sqlite { source, .. } => source.into(),
            other => ApiError::internal(other.to_string()),
        }
    }
}
