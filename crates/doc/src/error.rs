use thiserror::Error;

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
