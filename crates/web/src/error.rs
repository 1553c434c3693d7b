use thiserror::Error;

/// Why a page or a WARC record could not be read. Every variant is about one record; the
/// stream it came from goes on.
#[derive(Debug, Error)]
pub enum WebError {
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
    #[error("broken gzip member: {0}")]
    Gzip(String),
    #[error("bad WARC header: {0}")]
    BadHeader(String),
    #[error("record block truncated: {got} of {expected} bytes")]
    Truncated { expected: u64, got: u64 },
    #[error("record larger than {} bytes", crate::warc::MAX_RECORD_BYTES)]
    TooLarge,
    #[error("bad HTTP response: {0}")]
    BadHttp(String),
    #[error("cannot decode the page: {0}")]
    Decode(String),
    #[error("markup nested deeper than {0} elements")]
    TooDeep(usize),
    #[error("no article text found in the page")]
    NoArticle,
    #[error("WARC record {index} (byte {offset}): {source}")]
    AtRecord {
        index: u64,
        offset: u64,
        #[source]
        source: Box<WebError>,
    },
}

impl WebError {
    /// Names the WARC record the error belongs to.
    pub fn at_record(self, index: u64, offset: u64) -> WebError {
        WebError::AtRecord {
            index,
            offset,
            source: Box::new(self),
        }
    }

    /// The WARC record index, when the error names one.
    pub fn record_index(&self) -> Option<u64> {
        match self {
            WebError::AtRecord { index, .. } => Some(*index),
            _ => None,
        }
    }
}
