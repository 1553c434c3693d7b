//! The map from extracted text back to the HTML it came from.
//!
//! Compact form: a list of runs `[text_start, html_start, len]`, sorted by `text_start`,
//! each saying that `text[text_start..text_start+len]` is byte for byte
//! `html[html_start..html_start+len]` (the HTML as decoded to UTF-8, which is the page's own
//! bytes for a UTF-8 page). Characters written as entities (`&amp;`) and text the extractor
//! made up (separators) lie outside runs; a consumer maps such an offset to the nearest run.
//!
//! The map is built by aligning words: the page's visible text (outside tags, comments,
//! scripts and styles, entities decoded) is split into words with the offset of each
//! character, and each word of the extracted text is matched to the next equal page word
//! ahead of the previous match. Linear in the page size (one hash lookup per word).

use std::collections::HashMap;

/// One run of identical bytes: `[text_start, html_start, len]`.
pub type Run = [u32; 3];

/// How far ahead (in page words) a word may be matched. Extracted text follows the page's
/// order; a word found only much further on is more likely another occurrence.
const LOOKAHEAD: usize = 4000;

struct PageWords {
    /// Visible characters of the page and the HTML offset of each.
    chars: Vec<(char, u32)>,
    /// Each word as a range of `chars`.
    words: Vec<(u32, u32)>,
    /// Whether each word is link text (inside `<a>`).
    in_link: Vec<bool>,
}

/// Elements whose content is never text.
const RAW: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "head",
];

/// Inline elements: their tags do not separate words.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins",
    "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "tt", "u",
    "var",
];

fn page_words(html: &str) -> PageWords {
    let bytes = html.as_bytes();
    let mut chars: Vec<(char, u32)> = Vec::new();
    let mut words = Vec::new();
    let mut word_start: Option<usize> = None;
    let mut in_link = Vec::new();
    let mut link_depth = 0u32;
    let mut i = 0;
    let end_word =
        |chars: &Vec<(char, u32)>, ws: &mut Option<usize>, words: &mut Vec<(u32, u32)>| {
            if let Some(s) = ws.take() {
                words.push((s as u32, chars.len() as u32));
            }
        };
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'<' {
            if bytes[i..].starts_with(b"<!--") {
                i = find_from(bytes, i + 4, b"-->").map_or(bytes.len(), |e| e + 3);
                continue;
            }
            let name_start = i + 1 + usize::from(bytes.get(i + 1) == Some(&b'/'));
            let name_len = bytes[name_start.min(bytes.len())..]
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric())
                .count();
            if name_len == 0 {
                // A lone `<` is text.
                push_char(&mut chars, &mut word_start, &mut words, '<', i);
                i += 1;
                continue;
            }
            let name = html[name_start..name_start + name_len].to_ascii_lowercase();
            let close = name_start > i + 1;
            i = tag_end(bytes, name_start + name_len);
            if !INLINE.contains(&name.as_str()) {
                end_word(&chars, &mut word_start, &mut words);
            }
            if name == "a" {
                link_depth = if close {
                    link_depth.saturating_sub(1)
                } else {
                    link_depth.saturating_add(1)
                };
            }
            if !close && RAW.contains(&name.as_str()) {
                let closing = format!("</{name}");
                i = find_ci_from(bytes, i, closing.as_bytes()).unwrap_or(bytes.len());
            }
            continue;
        }
        if b == b'&' {
            if let Some((c, len)) = entity(&html[i..]) {
                push_char(&mut chars, &mut word_start, &mut words, c, i);
                i += len;
                continue;
            }
        }
        let c = html[i..].chars().next().unwrap_or('\u{fffd}');
        if word_start.is_none() && !c.is_whitespace() {
            in_link.resize(words.len() + 1, false);
            in_link[words.len()] = link_depth > 0;
        }
        push_char(&mut chars, &mut word_start, &mut words, c, i);
        i += c.len_utf8();
    }
    end_word(&chars, &mut word_start, &mut words);
    in_link.resize(words.len(), false);
    PageWords {
        chars,
        words,
        in_link,
    }
}

fn push_char(
    chars: &mut Vec<(char, u32)>,
    word_start: &mut Option<usize>,
    words: &mut Vec<(u32, u32)>,
    c: char,
    at: usize,
) {
    if c.is_whitespace() {
        if let Some(s) = word_start.take() {
            words.push((s as u32, chars.len() as u32));
        }
        return;
    }
    if word_start.is_none() {
        *word_start = Some(chars.len());
    }
    chars.push((c, at as u32));
}

/// The end of a tag starting before `from`: after the `>` outside quoted attribute values.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut quote: Option<u8> = None;
    let mut i = from;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => return i + 1,
            None => {}
        }
        i += 1;
    }
    bytes.len()
}

fn find_from(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

fn find_ci_from(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|p| p + from)
}

/// A character reference at the start of `s`: the character and the reference's length.
fn entity(s: &str) -> Option<(char, usize)> {
    let end = s.as_bytes().iter().take(12).position(|&b| b == b';')?;
    let body = &s[1..end];
    let c = if let Some(num) = body.strip_prefix('#') {
        let n = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        char::from_u32(n)?
    } else {
        match body {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => '\u{a0}',
            "mdash" => '—',
            "ndash" => '–',
            "hellip" => '…',
            "rsquo" => '’',
            "lsquo" => '‘',
            "rdquo" => '”',
            "ldquo" => '“',
            "laquo" => '«',
            "raquo" => '»',
            "copy" => '©',
            "eacute" => 'é',
            "egrave" => 'è',
            "agrave" => 'à',
            "ccedil" => 'ç',
            "uuml" => 'ü',
            "ouml" => 'ö',
            "auml" => 'ä',
            "szlig" => 'ß',
            _ => return None,
        }
    };
    Some((c, end + 1))
}

/// The page's words, indexed for matching the words of a text taken from it.
pub struct Aligner<'h> {
    html: &'h str,
    page: PageWords,
    index: HashMap<String, Vec<usize>>,
}

/// One word of the text matched to a page word: its byte range in the text and the page
/// word's number.
struct Matched {
    start: usize,
    end: usize,
    page_word: usize,
}

impl<'h> Aligner<'h> {
    pub fn new(html: &'h str) -> Aligner<'h> {
        let page = page_words(html);
        let mut index: HashMap<String, Vec<usize>> = HashMap::new();
        for (n, &(a, b)) in page.words.iter().enumerate() {
            let word: String = page.chars[a as usize..b as usize]
                .iter()
                .map(|&(c, _)| c)
                .collect();
            index.entry(word).or_default().push(n);
        }
        Aligner { html, page, index }
    }

    /// Each word of `text` matched to the next equal page word after the previous match
    /// (within [`LOOKAHEAD`] words); words without a match are left out.
    fn matches(&self, text: &str) -> Vec<Matched> {
        let mut out = Vec::new();
        let mut cursor = 0usize;
        for (start, end) in words_of(text) {
            let Some(positions) = self.index.get(&text[start..end]) else {
                continue;
            };
            let k = positions.partition_point(|&p| p < cursor);
            if let Some(&p) = positions.get(k).filter(|&&p| p < cursor + LOOKAHEAD) {
                cursor = p + 1;
                out.push(Matched {
                    start,
                    end,
                    page_word: p,
                });
            }
        }
        out
    }

    /// For each paragraph of `text` (blocks separated by blank lines): its byte range and the
    /// share of its non-blank bytes that are link text in the page.
    pub fn link_shares(&self, text: &str) -> Vec<(usize, usize, f32)> {
        let matched = self.matches(text);
        let mut out = Vec::new();
        let mut m = 0;
        let mut start = 0;
        for block in text.split("\n\n") {
            let end = start + block.len();
            let total: usize = block.split_whitespace().map(str::len).sum();
            let mut linked = 0;
            while m < matched.len() && matched[m].start < end {
                if matched[m].start >= start && self.page.in_link[matched[m].page_word] {
                    linked += matched[m].end - matched[m].start;
                }
                m += 1;
            }
            out.push((start, end, linked as f32 / total.max(1) as f32));
            start = end + 2;
        }
        out
    }

    /// The runs of identical bytes between `text` and the page.
    pub fn runs(&self, text: &str) -> Vec<Run> {
        if self.html.len() > u32::MAX as usize || text.len() > u32::MAX as usize {
            return Vec::new();
        }
        let tb = text.as_bytes();
        let hb = self.html.as_bytes();
        let mut runs: Vec<Run> = Vec::new();
        for m in self.matches(text) {
            let (a, b) = self.page.words[m.page_word];
            let mut t = m.start;
            for &(c, h) in &self.page.chars[a as usize..b as usize] {
                let len = c.len_utf8();
                let h = h as usize;
                if t + len > m.end {
                    break;
                }
                if hb.get(h..h + len) == Some(&tb[t..t + len]) {
                    push_run(&mut runs, t, h, len, tb, hb);
                }
                t += len;
            }
        }
        runs
    }
}

/// Byte ranges of the whitespace-separated words of `text`.
fn words_of(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut start: Option<usize> = None;
    text.char_indices()
        .chain(std::iter::once((text.len(), ' ')))
        .filter_map(move |(i, c)| {
            if c.is_whitespace() {
                start.take().map(|s| (s, i))
            } else {
                if start.is_none() {
                    start = Some(i);
                }
                None
            }
        })
}

/// Aligns `text` (extracted from `html`) to `html` and returns the runs.
pub fn build_map(text: &str, html: &str) -> Vec<Run> {
    Aligner::new(html).runs(text)
}

/// Adds one identical run, merging it with the previous run when the bytes between them
/// are identical too (the whitespace between two words of one text node).
fn push_run(runs: &mut Vec<Run>, t: usize, h: usize, len: usize, tb: &[u8], hb: &[u8]) {
    if let Some(last) = runs.last_mut() {
        let (lt, lh, ll) = (last[0] as usize, last[1] as usize, last[2] as usize);
        let (te, he) = (lt + ll, lh + ll);
        if t >= te && h >= he && t - te == h - he && t - te <= 16 && tb[te..t] == hb[he..h] {
            last[2] = (t + len - lt) as u32;
            return;
        }
    }
    runs.push([t as u32, h as u32, len as u32]);
}

/// The HTML offset of a text offset: exact inside a run, else the end of the run before it.
pub fn html_offset(runs: &[Run], text_offset: usize) -> Option<usize> {
    let k = runs.partition_point(|r| r[0] as usize <= text_offset);
    let r = runs.get(k.checked_sub(1)?)?;
    let into = (text_offset - r[0] as usize).min(r[2] as usize);
    Some(r[1] as usize + into)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, html: &str, runs: &[Run]) {
        for r in runs {
            let (t, h, l) = (r[0] as usize, r[1] as usize, r[2] as usize);
            assert_eq!(&text[t..t + l], &html[h..h + l]);
        }
        assert!(runs.windows(2).all(|w| w[0][0] + w[0][2] <= w[1][0]));
    }

    #[test]
    fn maps_words_through_tags_and_entities() {
        let html = "<html><head><title>T</title></head><body><nav>Home News</nav>\
            <p>Talks in <b>Geneva</b> &amp; Vienna resumed.</p><script>var x='Geneva';</script>\
            <p>Second paragraph here.</p></body></html>";
        let text = "Talks in Geneva & Vienna resumed.\nSecond paragraph here.";
        let runs = build_map(text, html);
        check(text, html, &runs);
        let g = text.find("Geneva").unwrap();
        assert_eq!(html_offset(&runs, g), html.find("Geneva</b>"));
        let s = text.find("Second").unwrap();
        assert_eq!(html_offset(&runs, s), html.find("Second"));
        // "resumed." and its words before are one run: the whole text node.
        assert!(runs
            .iter()
            .any(|r| &text[r[0] as usize..(r[0] + r[2]) as usize] == "Vienna resumed."));
    }

    #[test]
    fn unknown_words_are_unmapped_not_wrong() {
        let runs = build_map("nothing here matches", "<p>other words entirely</p>");
        assert!(runs.is_empty());
    }
}
