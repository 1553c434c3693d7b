//! The HTTP response inside a WARC `response` record: status, headers, body (de-chunked and
//! decompressed as its headers say).

use crate::error::WebError;
use std::io::Read;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpResponse {
    pub status: u16,
    pub content_type: Option<String>,
    pub body: Vec<u8>,
}

/// Bodies larger than this after decompression are refused (a gzip bomb guard).
const MAX_BODY: u64 = 32 * 1024 * 1024;

pub fn parse_response(block: &[u8]) -> Result<HttpResponse, WebError> {
    let end = find(block, b"\r\n\r\n")
        .map(|i| (i, i + 4))
        .or_else(|| find(block, b"\n\n").map(|i| (i, i + 2)))
        .ok_or_else(|| WebError::BadHttp("no end of headers".into()))?;
    let head = String::from_utf8_lossy(&block[..end.0]);
    let mut lines = head.lines();
    let status_line = lines.next().unwrap_or_default();
    if !status_line.starts_with("HTTP/") {
        return Err(WebError::BadHttp(format!(
            "status line {:?}",
            status_line.chars().take(40).collect::<String>()
        )));
    }
    let status = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| WebError::BadHttp("no status code".into()))?;
    let mut content_type = None;
    let mut encoding = None;
    let mut chunked = false;
    for line in lines {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim();
        match name.trim().to_ascii_lowercase().as_str() {
            "content-type" => content_type = Some(value.to_string()),
            "content-encoding" => encoding = Some(value.to_ascii_lowercase()),
            "transfer-encoding" => chunked = value.to_ascii_lowercase().contains("chunked"),
            _ => {}
        }
    }
    let mut body = block[end.1..].to_vec();
    if chunked {
        // Crawlers often store the body already de-chunked but keep the header: only a body
        // that parses as chunks is de-chunked.
        if let Some(plain) = dechunk(&body) {
            body = plain;
        }
    }
    body = match encoding.as_deref() {
        Some("gzip" | "x-gzip") => inflate(flate2::read::MultiGzDecoder::new(&body[..]), &body)?,
        Some("deflate") => inflate(flate2::read::ZlibDecoder::new(&body[..]), &body)?,
        Some("identity") | None => body,
        Some(other) => {
            return Err(WebError::BadHttp(format!(
                "unsupported Content-Encoding {other:?}"
            )))
        }
    };
    Ok(HttpResponse {
        status,
        content_type,
        body,
    })
}

/// Decompresses, unless the body turns out not to be compressed (stored decoded).
fn inflate(decoder: impl Read, raw: &[u8]) -> Result<Vec<u8>, WebError> {
    let mut out = Vec::new();
    match decoder.take(MAX_BODY + 1).read_to_end(&mut out) {
        Ok(_) if out.len() as u64 > MAX_BODY => Err(WebError::TooLarge),
        Ok(_) => Ok(out),
        Err(_) if !raw.starts_with(&[0x1f, 0x8b]) => Ok(raw.to_vec()),
        Err(e) => Err(WebError::BadHttp(format!("bad compressed body: {e}"))),
    }
}

fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    loop {
        let eol = find(body, b"\r\n")?;
        let size_text = std::str::from_utf8(&body[..eol]).ok()?;
        let size_text = size_text.split(';').next()?.trim();
        let size = usize::from_str_radix(size_text, 16).ok()?;
        body = &body[eol + 2..];
        if size == 0 {
            return Some(out);
        }
        if body.len() < size {
            return None;
        }
        out.extend_from_slice(&body[..size]);
        body = body[size..].strip_prefix(b"\r\n")?;
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_chunked_and_gzip_bodies() {
        let r =
            parse_response(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>x</p>").unwrap();
        assert_eq!((r.status, r.body.as_slice()), (200, &b"<p>x</p>"[..]));
        let r = parse_response(
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n",
        )
        .unwrap();
        assert_eq!(r.body, b"abcde");
        let r =
            parse_response(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nabc").unwrap();
        assert_eq!(r.body, b"abc");
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut e, b"zipped").unwrap();
        let mut block = b"HTTP/1.0 200 OK\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
        block.extend(e.finish().unwrap());
        assert_eq!(parse_response(&block).unwrap().body, b"zipped");
        assert!(parse_response(b"garbage").is_err());
    }
}
