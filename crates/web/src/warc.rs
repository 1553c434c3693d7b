//! A streaming WARC reader: `.warc` (records back to back) and `.warc.gz` (one gzip member
//! per record, as crawlers write them). One `Result` per record; a record that cannot be
//! read becomes an error and reading resumes at the next record boundary.

use crate::error::WebError;
use flate2::bufread::GzDecoder;
use std::io::{BufRead, Read};

/// The largest record block held in memory. A news page is far smaller; a larger block is
/// reported as an error and skipped (its bytes are streamed past, never held).
pub const MAX_RECORD_BYTES: u64 = 64 * 1024 * 1024;
/// Header lines are short; a longer one means this is not a WARC header.
const MAX_HEADER_LINE: usize = 64 * 1024;
const GZIP_MAGIC: [u8; 3] = [0x1f, 0x8b, 0x08];

/// One WARC record: the named headers sitrep uses and the raw block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WarcRecord {
    /// 0-based position of the record in the stream (error records count too), for `--skip`.
    pub index: u64,
    /// Byte offset of the record in the file as stored (compressed offset for `.warc.gz`).
    pub offset: u64,
    pub warc_type: String,
    pub target_uri: Option<String>,
    pub date: Option<String>,
    pub content_type: Option<String>,
    pub block: Vec<u8>,
}

/// Reads WARC records from a byte stream, compressed or not (decided by the first bytes).
pub struct WarcReader<R> {
    input: Replay<R>,
    gzip: Option<bool>,
    index: u64,
    /// Records decoded from the current gzip member that were not handed out yet.
    queue: std::collections::VecDeque<Result<WarcRecord, WebError>>,
    /// After an error, the reader is scanning for the next good record: further failures
    /// during that scan are the same damage and are not reported again.
    resyncing: bool,
    done: bool,
}

impl<R: BufRead> WarcReader<R> {
    pub fn new(input: R) -> Self {
        WarcReader {
            input: Replay::new(input),
            gzip: None,
            index: 0,
            queue: Default::default(),
            resyncing: false,
            done: false,
        }
    }

    fn next_index(&mut self) -> u64 {
        let i = self.index;
        self.index += 1;
        i
    }

    /// The next record of an uncompressed stream.
    fn next_plain(&mut self) -> Option<Result<WarcRecord, WebError>> {
        loop {
            let offset = self.input.position;
            let parsed = parse_record(&mut self.input, self.index, offset);
            match parsed {
                Ok(None) => return None,
                Ok(Some(record)) => {
                    self.index += 1;
                    self.resyncing = false;
                    return Some(Ok(record));
                }
                Err(e) => {
                    let index = self.next_index();
                    // Resume at the next line that starts a record.
                    if let Err(io) = skip_to_version_line(&mut self.input) {
                        self.done = true;
                        return Some(Err(WebError::Io(io)));
                    }
                    if std::mem::replace(&mut self.resyncing, true) {
                        self.index -= 1;
                        continue;
                    }
                    return Some(Err(e.at_record(index, offset)));
                }
            }
        }
    }

    /// Decodes the next gzip member and queues the records in it.
    fn next_member(&mut self) -> Option<Result<WarcRecord, WebError>> {
        loop {
            let start = self.input.position;
            match self.input.fill_buf() {
                Ok([]) => return None,
                Ok(_) => {}
                Err(e) => {
                    self.done = true;
                    return Some(Err(WebError::Io(e)));
                }
            }
            self.input.start_recording();
            let mut member = Vec::new();
            let decoded = {
                let mut decoder = GzDecoder::new(&mut self.input);
                (&mut decoder)
                    .take(MAX_RECORD_BYTES + 64 * 1024)
                    .read_to_end(&mut member)
                    .map(|_| ())
            };
            let compressed = self.input.stop_recording();
            let error = match decoded {
                Ok(()) if member.len() as u64 > MAX_RECORD_BYTES => Some(WebError::TooLarge),
                Ok(()) => None,
                Err(e) => Some(WebError::Gzip(e.to_string())),
            };
            if let Some(error) = error {
                // Resume at the next gzip header after this member's first byte.
                let next = compressed
                    .windows(3)
                    .skip(1)
                    .position(|w| w == GZIP_MAGIC)
                    .map(|p| p + 1);
                match next {
                    Some(p) => self
                        .input
                        .replay(compressed[p..].to_vec(), start + p as u64),
                    None => {
                        if compressed.is_empty() {
                            // The decoder took nothing: step over one byte so the scan moves on.
                            self.input.consume(1);
                        }
                        if let Err(io) = skip_to_gzip_magic(&mut self.input) {
                            self.done = true;
                            return Some(Err(WebError::Io(io)));
                        }
                    }
                }
                let index = self.next_index();
                if std::mem::replace(&mut self.resyncing, true) {
                    self.index -= 1;
                    continue;
                }
                return Some(Err(error.at_record(index, start)));
            }
            self.resyncing = false;
            let mut cursor = Replay::new(&member[..]);
            loop {
                match parse_record(&mut cursor, self.index, start) {
                    Ok(None) => break,
                    Ok(Some(record)) => {
                        self.index += 1;
                        self.queue.push_back(Ok(record));
                    }
                    Err(e) => {
                        let index = self.next_index();
                        self.queue.push_back(Err(e.at_record(index, start)));
                        break;
                    }
                }
            }
            if let Some(item) = self.queue.pop_front() {
                return Some(item);
            }
        }
    }
}

impl<R: BufRead> Iterator for WarcReader<R> {
    type Item = Result<WarcRecord, WebError>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(item) = self.queue.pop_front() {
            return Some(item);
        }
        if self.done {
            return None;
        }
        let gzip = match self.gzip {
            Some(g) => g,
            None => match self.input.fill_buf() {
                Ok(head) => {
                    let g = head.starts_with(&GZIP_MAGIC[..2]);
                    self.gzip = Some(g);
                    g
                }
                Err(e) => {
                    self.done = true;
                    return Some(Err(WebError::Io(e)));
                }
            },
        };
        let item = if gzip {
            self.next_member()
        } else {
            self.next_plain()
        };
        if item.is_none() {
            self.done = true;
        }
        item
    }
}

/// Reads one record at the reader's position: `Ok(None)` at a clean end of input.
fn parse_record<R: BufRead>(
    input: &mut Replay<R>,
    index: u64,
    offset: u64,
) -> Result<Option<WarcRecord>, WebError> {
    let mut line = Vec::new();
    // Blank lines between records are tolerated.
    loop {
        line.clear();
        let n = read_line(input, &mut line)?;
        if n == 0 {
            return Ok(None);
        }
        if !trim_eol(&line).is_empty() {
            break;
        }
    }
    if !trim_eol(&line).starts_with(b"WARC/") {
        return Err(WebError::BadHeader(
            "record does not start with WARC/".into(),
        ));
    }
    let mut record = WarcRecord {
        index,
        offset,
        warc_type: String::new(),
        target_uri: None,
        date: None,
        content_type: None,
        block: Vec::new(),
    };
    let mut length: Option<u64> = None;
    loop {
        line.clear();
        if read_line(input, &mut line)? == 0 {
            return Err(WebError::BadHeader(
                "headers end before a blank line".into(),
            ));
        }
        let l = trim_eol(&line);
        if l.is_empty() {
            break;
        }
        let Some(colon) = l.iter().position(|&b| b == b':') else {
            return Err(WebError::BadHeader(format!(
                "header line without a colon: {:?}",
                String::from_utf8_lossy(&l[..l.len().min(80)])
            )));
        };
        let name = String::from_utf8_lossy(&l[..colon])
            .trim()
            .to_ascii_lowercase();
        let value = String::from_utf8_lossy(&l[colon + 1..]).trim().to_string();
        match name.as_str() {
            "warc-type" => record.warc_type = value,
            "warc-target-uri" => record.target_uri = Some(value.trim_matches(['<', '>']).into()),
            "warc-date" => record.date = Some(value),
            "content-type" => record.content_type = Some(value),
            "content-length" => {
                length =
                    Some(value.parse().map_err(|_| {
                        WebError::BadHeader(format!("bad Content-Length {value:?}"))
                    })?)
            }
            _ => {}
        }
    }
    let length = length.ok_or_else(|| WebError::BadHeader("no Content-Length".into()))?;
    if length > MAX_RECORD_BYTES {
        std::io::copy(&mut input.by_ref().take(length), &mut std::io::sink())?;
        return Err(WebError::TooLarge);
    }
    let mut block = Vec::with_capacity(length as usize);
    input.by_ref().take(length).read_to_end(&mut block)?;
    if (block.len() as u64) < length {
        return Err(WebError::Truncated {
            expected: length,
            got: block.len() as u64,
        });
    }
    record.block = block;
    Ok(Some(record))
}

/// Reads a line (up to and including `\n`), at most [`MAX_HEADER_LINE`] bytes.
fn read_line<R: BufRead>(input: &mut R, out: &mut Vec<u8>) -> Result<usize, WebError> {
    let n = input
        .by_ref()
        .take(MAX_HEADER_LINE as u64)
        .read_until(b'\n', out)?;
    if n == MAX_HEADER_LINE && out.last() != Some(&b'\n') {
        return Err(WebError::BadHeader("header line too long".into()));
    }
    Ok(n)
}

fn trim_eol(line: &[u8]) -> &[u8] {
    let mut l = line;
    while let [rest @ .., b'\n' | b'\r'] = l {
        l = rest;
    }
    l
}

/// Skips input up to (not including) the next line starting with `WARC/`.
fn skip_to_version_line<R: BufRead>(input: &mut Replay<R>) -> std::io::Result<()> {
    let mut at_line_start = true;
    loop {
        let buf = input.fill_buf()?;
        if buf.is_empty() {
            return Ok(());
        }
        if at_line_start && buf.starts_with(b"WARC/") {
            return Ok(());
        }
        match buf.iter().position(|&b| b == b'\n') {
            Some(i) => {
                input.consume(i + 1);
                at_line_start = true;
            }
            None => {
                let n = buf.len();
                input.consume(n);
                at_line_start = false;
            }
        }
    }
}

/// Skips input up to (not including) the next gzip member header.
fn skip_to_gzip_magic<R: BufRead>(input: &mut Replay<R>) -> std::io::Result<()> {
    loop {
        let buf = input.fill_buf()?;
        if buf.len() < 3 {
            if buf.is_empty() {
                return Ok(());
            }
            // Too few bytes left to hold a header: they are the tail of the damage.
            let n = buf.len();
            input.consume(n);
            continue;
        }
        match buf.windows(3).position(|w| w == GZIP_MAGIC) {
            Some(i) => {
                input.consume(i);
                return Ok(());
            }
            None => {
                let n = buf.len() - 2;
                input.consume(n);
            }
        }
    }
}

/// A `BufRead` that counts its position, can record the bytes it hands out, and can put
/// bytes back in front of the stream (to resume inside a damaged gzip member).
pub(crate) struct Replay<R> {
    inner: R,
    front: Vec<u8>,
    front_pos: usize,
    position: u64,
    recording: Option<Vec<u8>>,
}

impl<R: BufRead> Replay<R> {
    fn new(inner: R) -> Self {
        Replay {
            inner,
            front: Vec::new(),
            front_pos: 0,
            position: 0,
            recording: None,
        }
    }

    fn start_recording(&mut self) {
        self.recording = Some(Vec::new());
    }

    fn stop_recording(&mut self) -> Vec<u8> {
        self.recording.take().unwrap_or_default()
    }

    /// Puts `bytes` back before the rest of the stream; they start at `position`.
    fn replay(&mut self, mut bytes: Vec<u8>, position: u64) {
        bytes.extend_from_slice(&self.front[self.front_pos..]);
        self.front = bytes;
        self.front_pos = 0;
        self.position = position;
    }
}

impl<R: BufRead> Read for Replay<R> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        let buf = self.fill_buf()?;
        let n = buf.len().min(out.len());
        out[..n].copy_from_slice(&buf[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Replay<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        if self.front_pos < self.front.len() {
            return Ok(&self.front[self.front_pos..]);
        }
        self.inner.fill_buf()
    }

    fn consume(&mut self, n: usize) {
        if self.front_pos < self.front.len() {
            if let Some(rec) = &mut self.recording {
                rec.extend_from_slice(&self.front[self.front_pos..self.front_pos + n]);
            }
            self.front_pos += n;
            if self.front_pos == self.front.len() {
                self.front.clear();
                self.front_pos = 0;
            }
        } else {
            if let Some(rec) = &mut self.recording {
                if let Ok(buf) = self.inner.fill_buf() {
                    rec.extend_from_slice(&buf[..n.min(buf.len())]);
                }
            }
            self.inner.consume(n);
        }
        self.position += n as u64;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::write::GzEncoder;
    use std::io::Write;

    fn record(kind: &str, uri: &str, block: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        r.extend_from_slice(block);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    fn gz(bytes: &[u8]) -> Vec<u8> {
        let mut e = GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(bytes).unwrap();
        e.finish().unwrap()
    }

    fn uris(input: &[u8]) -> Vec<Result<String, String>> {
        WarcReader::new(input)
            .map(|r| {
                r.map(|r| r.target_uri.unwrap_or_default())
                    .map_err(|e| e.to_string())
            })
            .collect()
    }

    #[test]
    fn plain_records_in_order() {
        let mut w = record("request", "http://a/", b"GET / HTTP/1.1\r\n\r\n");
        w.extend(record(
            "response",
            "http://a/",
            b"HTTP/1.1 200 OK\r\n\r\nhi",
        ));
        let got = uris(&w);
        assert_eq!(got, vec![Ok("http://a/".into()), Ok("http://a/".into())]);
    }

    #[test]
    fn bad_plain_header_is_one_error_then_next_record() {
        let mut w = record("response", "http://a/", b"x");
        w.extend(b"WARC/1.0\r\nthis line has no colon\r\n\r\nbody\r\n\r\n");
        w.extend(record("response", "http://b/", b"y"));
        let got = uris(&w);
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(got[1].is_err());
        assert_eq!(got[2], Ok("http://b/".into()));
    }

    #[test]
    fn gzip_members_and_a_truncated_one() {
        let a = gz(&record("response", "http://a/", b"aaaa"));
        let b = gz(&record("response", "http://b/", &[b'b'; 5000]));
        let c = gz(&record("response", "http://c/", b"cccc"));
        let mut w = a.clone();
        w.extend_from_slice(&b[..b.len() / 2]);
        w.extend_from_slice(&c);
        let got = uris(&w);
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(got[0], Ok("http://a/".into()));
        assert!(got[1].is_err());
        assert_eq!(got[2], Ok("http://c/".into()));
    }

    #[test]
    fn truncated_block_at_end_is_an_error() {
        let mut w = record("response", "http://a/", b"aaaa");
        let b = record("response", "http://b/", &[b'b'; 100]);
        w.extend_from_slice(&b[..80]);
        let got = uris(&w);
        assert_eq!(got.len(), 2);
        assert!(got[1].is_err());
    }

    #[test]
    fn garbage_is_errors_not_panics() {
        for input in [
            &b"\x1f\x8b\x08garbage"[..],
            b"\x1f",
            b"WARC/",
            b"\n\n\n",
            b"",
        ] {
            let _ = uris(input);
        }
    }
}
