//! Bytes to text: by the declared charset (BOM, HTTP header, `<meta charset>`), else by
//! detection; an explicit override wins over all.

use encoding_rs::Encoding;

/// How the bytes were decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// The WHATWG name of the encoding used.
    pub encoding: &'static str,
    /// Where the encoding came from: `override`, `bom`, `http`, `meta`, `utf-8` or `detected`.
    pub by: &'static str,
    /// Some bytes were not valid in that encoding and became U+FFFD.
    pub had_errors: bool,
}

/// Looks up an encoding by any of its WHATWG labels (`latin1`, `windows-1252`, `sjis`, ...).
pub fn encoding_for_label(label: &str) -> Option<&'static Encoding> {
    Encoding::for_label(label.trim().as_bytes())
}

/// The `charset=` parameter of a Content-Type value.
pub fn charset_param(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches(['"', '\'']))
    })
}

/// Decodes an HTML page. `http_charset`: the charset of the HTTP Content-Type header.
pub fn decode_html(
    bytes: &[u8],
    http_charset: Option<&str>,
    forced: Option<&'static Encoding>,
) -> Decoded {
    if let Some(enc) = forced {
        return run(enc, bytes, "override");
    }
    if let Some((enc, _)) = Encoding::for_bom(bytes) {
        return run(enc, bytes, "bom");
    }
    if let Some(enc) = http_charset.and_then(encoding_for_label) {
        return run(enc, bytes, "http");
    }
    if let Some(enc) = meta_charset(bytes) {
        return run(enc, bytes, "meta");
    }
    guess(bytes)
}

/// Decodes a text file: override, BOM, valid UTF-8, else detection.
pub fn decode_text(bytes: &[u8], forced: Option<&'static Encoding>) -> Decoded {
    if let Some(enc) = forced {
        return run(enc, bytes, "override");
    }
    if let Some((enc, _)) = Encoding::for_bom(bytes) {
        return run(enc, bytes, "bom");
    }
    guess(bytes)
}

fn guess(bytes: &[u8]) -> Decoded {
    if std::str::from_utf8(bytes).is_ok() {
        return run(encoding_rs::UTF_8, bytes, "utf-8");
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    run(
        detector.guess(None, chardetng::Utf8Detection::Allow),
        bytes,
        "detected",
    )
}

fn run(enc: &'static Encoding, bytes: &[u8], by: &'static str) -> Decoded {
    // A page that declares UTF-16 in a meta tag is ASCII-compatible in fact (HTML rule).
    let enc = if by == "meta" && (enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE) {
        encoding_rs::UTF_8
    } else {
        enc
    };
    let (text, used, had_errors) = enc.decode(bytes);
    Decoded {
        text: text.into_owned(),
        encoding: used.name(),
        by,
        had_errors,
    }
}

/// The charset a page declares in its first 1024 bytes: `<meta charset=...>` or
/// `<meta http-equiv="Content-Type" content="...; charset=...">` (a simplified form of the
/// HTML prescan: attribute values are searched within each `<meta` tag).
pub fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(1024)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(i) = find(&lower[from..], b"<meta") {
        let start = from + i + 5;
        let end = lower[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(c) = find(tag, b"charset") {
            let rest = &tag[c + 7..];
            let rest = skip_ws(rest);
            if let Some(rest) = rest.strip_prefix(b"=") {
                let rest = skip_ws(rest);
                let rest = rest
                    .strip_prefix(b"\"")
                    .or_else(|| rest.strip_prefix(b"'"))
                    .unwrap_or(rest);
                let len = rest
                    .iter()
                    .position(|&b| matches!(b, b'"' | b'\'' | b';' | b'/' | b' ' | b'>'))
                    .unwrap_or(rest.len());
                if let Some(enc) = Encoding::for_label(&rest[..len]) {
                    return Some(enc);
                }
            }
        }
        from = end;
    }
    None
}

fn skip_ws(b: &[u8]) -> &[u8] {
    let n = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    &b[n..]
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_charset_forms() {
        let a = b"<html><head><meta charset=\"iso-8859-1\"></head>";
        assert_eq!(meta_charset(a).map(|e| e.name()), Some("windows-1252"));
        let b = b"<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=Shift_JIS'>";
        assert_eq!(meta_charset(b).map(|e| e.name()), Some("Shift_JIS"));
        assert_eq!(meta_charset(b"<meta name=x>"), None);
    }

    #[test]
    fn declared_then_detected() {
        let latin1 = b"<p>Gen\xe8ve, caf\xe9 cr\xe8me br\xfbl\xe9e, d\xe9j\xe0 vu</p>";
        let d = decode_html(latin1, Some("iso-8859-1"), None);
        assert_eq!(d.by, "http");
        assert!(d.text.contains("Genève"));
        let d = decode_html(latin1, None, None);
        assert_eq!(d.by, "detected");
        assert!(d.text.contains("Genève"), "{}", d.text);
        let d = decode_text("déjà".as_bytes(), None);
        assert_eq!((d.by, d.text.as_str()), ("utf-8", "déjà"));
        let forced = encoding_for_label("latin1");
        assert_eq!(decode_text(b"caf\xe9", forced).text, "café");
    }

    #[test]
    fn charset_parameter() {
        assert_eq!(charset_param("text/html; charset=\"UTF-8\""), Some("UTF-8"));
        assert_eq!(charset_param("text/html"), None);
    }
}
