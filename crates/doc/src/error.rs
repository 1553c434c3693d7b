use thiserror::Error;

/// An error reading one record (a reader's error type implements it): the batch reports it
/// under the record's id and goes on. Lets the pipeline take any reader's records without
/// depending on the reader.
pub trait ReadError: std::error::Error + Send + Sync + 'static {
    /// The id under which the failed record is reported.
    fn record_id(&self) -> String;
}

/// Errors of the document model: spans that do not fit the text they point into.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum DocError {
    #[error("span {start}..{end} is reversed")]
    Reversed { start: usize, end: usize },
    #[error("span {start}..{end} ends past the text ({len} bytes)")]
    OutOfBounds {
        start: usize,
        end: usize,
        len: usize,
    },
    #[error("span {start}..{end} cuts a UTF-8 character at byte {at}")]
    NotCharBoundary { start: usize, end: usize, at: usize },
    #[error("text of {len} bytes is too long for 32-bit spans")]
    TextTooLong { len: usize },
}
