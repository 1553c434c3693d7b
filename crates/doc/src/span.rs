use crate::DocError;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A byte range `start..end` into a document's original text.
///
/// Fields are private: a `Span` is made only by [`Span::new`], which checks order, bounds
/// and UTF-8 character boundaries against the text, so slicing with a span never panics.
/// Character offsets (which GDELT counts) are computed only at export time.
/// `Span::default()` is the empty span at offset 0, valid in every text.
///
/// Deserializing cannot see the text: it refuses a reversed span (the check [`Span::new`]
/// makes without a text), and [`Span::check`] makes the rest against the text the span is
/// used with.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(try_from = "RawSpan")]
pub struct Span {
    start: u32,
    end: u32,
}

/// A span as written: checked on the way in.
#[derive(Deserialize)]
struct RawSpan {
    start: u32,
    end: u32,
}

impl TryFrom<RawSpan> for Span {
    type Error = DocError;
    fn try_from(raw: RawSpan) -> Result<Span, DocError> {
        if raw.start > raw.end {
            return Err(DocError::Reversed {
                start: raw.start as usize,
                end: raw.end as usize,
            });
        }
        Ok(Span {
            start: raw.start,
            end: raw.end,
        })
    }
}

impl Span {
    /// Checks `start <= end <= text.len()` and that both ends fall on character boundaries.
    pub fn new(text: &str, start: usize, end: usize) -> Result<Span, DocError> {
        if start > end {
            return Err(DocError::Reversed { start, end });
        }
        if end > text.len() {
            return Err(DocError::OutOfBounds {
                start,
                end,
                len: text.len(),
            });
        }
        if text.len() > u32::MAX as usize {
            return Err(DocError::TextTooLong { len: text.len() });
        }
        for at in [start, end] {
            if !text.is_char_boundary(at) {
                return Err(DocError::NotCharBoundary { start, end, at });
            }
        }
        Ok(Span {
            start: start as u32,
            end: end as u32,
        })
    }

    /// This span checked against `text` as [`Span::new`] checks (for a span read from a file).
    pub fn check(self, text: &str) -> Result<Span, DocError> {
        Span::new(text, self.start(), self.end())
    }

    /// The span of a whole text.
    pub fn whole(text: &str) -> Result<Span, DocError> {
        Span::new(text, 0, text.len())
    }

    pub fn start(self) -> usize {
        self.start as usize
    }

    pub fn end(self) -> usize {
        self.end as usize
    }

    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    pub fn range(self) -> Range<usize> {
        self.start()..self.end()
    }

    /// The smallest span covering both. Both come from the same text, so the result is valid.
    pub fn cover(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn contains_offset(self, offset: usize) -> bool {
        self.start() <= offset && offset < self.end()
    }

    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The sub-span with white space trimmed from both ends.
    pub fn trim(self, text: &str) -> Span {
        let s = &text[self.range()];
        let lead = s.len() - s.trim_start().len();
        let trail = s.len() - s.trim_end().len();
        if lead == s.len() {
            return Span {
                start: self.start,
                end: self.start,
            };
        }
        Span {
            start: self.start + lead as u32,
            end: self.end - trail as u32,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn deserializing_refuses_a_reversed_span_and_check_tests_the_rest() {
        let ok: Span = serde_json::from_str(r#"{"start": 1, "end": 3}"#).unwrap();
        assert_eq!(ok.range(), 1..3);
        let err = serde_json::from_str::<Span>(r#"{"start": 3, "end": 1}"#).unwrap_err();
        assert!(err.to_string().contains("span 3..1 is reversed"), "{err}");
        assert!(ok.check("abc").is_ok());
        assert!(ok.check("ab").is_err());
        assert!(ok.check("aé").is_ok(), "1..3 is the é");
        assert!(ok.check("éa").is_err(), "byte 1 is inside the é");
    }

    #[test]
    fn rejects_bad_spans() {
        let t = "Río de Janeiro";
        assert!(matches!(Span::new(t, 3, 2), Err(DocError::Reversed { .. })));
        assert!(matches!(
            Span::new(t, 0, 99),
            Err(DocError::OutOfBounds { .. })
        ));
        assert!(matches!(
            Span::new(t, 0, 2),
            Err(DocError::NotCharBoundary { at: 2, .. })
        ));
        let s = Span::new(t, 0, 4).unwrap();
        assert_eq!(&t[s.range()], "Río");
    }

    #[test]
    fn trim_and_cover() {
        let t = "  ab  cd ";
        let s = Span::whole(t).unwrap().trim(t);
        assert_eq!(&t[s.range()], "ab  cd");
        let a = Span::new(t, 2, 4).unwrap();
        let b = Span::new(t, 6, 8).unwrap();
        assert_eq!(&t[a.cover(b).range()], "ab  cd");
        assert!(a.cover(b).contains(b));
        assert!(!a.overlaps(b));
        let blank = Span::new(t, 4, 6).unwrap().trim(t);
        assert!(blank.is_empty());
    }

    proptest! {
        #[test]
        fn constructed_spans_always_slice(text in "\\PC{0,40}", a in 0usize..200, b in 0usize..200) {
            if let Ok(span) = Span::new(&text, a, b) {
                prop_assert!(span.start() <= span.end());
                prop_assert!(text.get(span.range()).is_some());
                let trimmed = span.trim(&text);
                prop_assert!(span.contains(trimmed));
                prop_assert!(text.get(trimmed.range()).is_some());
            }
        }

        #[test]
        fn every_char_boundary_pair_is_accepted(text in "\\PC{0,30}") {
            let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            for &s in &bounds {
                for &e in &bounds {
                    prop_assert_eq!(Span::new(&text, s, e).is_ok(), s <= e);
                }
            }
        }
    }
}
