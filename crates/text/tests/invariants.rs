//! Property tests: no input panics, and every segmentation satisfies the span invariants.

use proptest::prelude::*;
use sitrep_doc::{Document, Meta, Stage};
use sitrep_text::{segment, SegmentConfig, Segmentation};

fn check(
    text: &str,
    body: std::ops::Range<usize>,
    seg: &Segmentation,
) -> Result<(), TestCaseError> {
    let ok_range = |r: &std::ops::Range<usize>| {
        r.start < r.end
            && r.end <= text.len()
            && text.is_char_boundary(r.start)
            && text.is_char_boundary(r.end)
    };
    let edge_ok = |r: &std::ops::Range<usize>| {
        let s = &text[r.clone()];
        s.trim() == s
    };
    for w in seg.paragraphs.windows(2) {
        prop_assert!(w[0].end <= w[1].start, "paragraphs overlap or unsorted");
    }
    for p in &seg.paragraphs {
        prop_assert!(ok_range(p) && edge_ok(p), "bad paragraph {:?}", p);
        prop_assert!(body.start <= p.start && p.end <= body.end);
    }
    let mut prev_end = body.start;
    let mut next_token = 0;
    for (si, s) in seg.sentences.iter().enumerate() {
        prop_assert!(
            ok_range(&s.span) && edge_ok(&s.span),
            "bad sentence {:?}",
            s.span
        );
        prop_assert!(s.span.start >= prev_end, "sentences overlap or unsorted");
        prev_end = s.span.end;
        let p = &seg.paragraphs[s.paragraph];
        prop_assert!(
            p.start <= s.span.start && s.span.end <= p.end,
            "sentence outside its paragraph"
        );
        prop_assert_eq!(s.tokens.start, next_token, "token ranges not contiguous");
        prop_assert!(s.tokens.start < s.tokens.end, "sentence without tokens");
        next_token = s.tokens.end;
        prop_assert_eq!(seg.tokens[s.tokens.start].span.start, s.span.start);
        prop_assert_eq!(seg.tokens[s.tokens.end - 1].span.end, s.span.end);
        for t in &seg.tokens[s.tokens.clone()] {
            prop_assert_eq!(t.sentence, si);
        }
    }
    prop_assert_eq!(next_token, seg.tokens.len());
    let mut prev_end = body.start;
    for t in &seg.tokens {
        prop_assert!(ok_range(&t.span), "bad token {:?}", t.span);
        prop_assert!(t.span.start >= prev_end, "tokens overlap or unsorted");
        prev_end = t.span.end;
        prop_assert!(
            !text[t.span.clone()].chars().any(char::is_whitespace),
            "white space in token {:?}",
            &text[t.span.clone()]
        );
    }
    // Every non-space character of the body is in some token (nothing is silently dropped),
    // except invisible format and control characters.
    let covered: usize = seg.tokens.iter().map(|t| t.span.len()).sum();
    let visible: usize = text[body]
        .chars()
        .filter(|c| {
            !c.is_whitespace()
                && !c.is_control()
                && !matches!(
                    c,
                    '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
                )
        })
        .map(char::len_utf8)
        .sum();
    prop_assert_eq!(covered, visible, "tokens do not cover the visible text");
    Ok(())
}

/// Text built from news-like pieces, so that abbreviation and quote paths are exercised.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("U.S.".to_string()),
        Just("Gen.".to_string()),
        Just("J.".to_string()),
        Just("7.5".to_string()),
        Just("9:00".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just("'s".to_string()),
        Just("n't".to_string()),
        Just("’".to_string()),
        Just("...".to_string()),
        Just("…".to_string()),
        Just(". ".to_string()),
        Just("? ".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("\r\n".to_string()),
        Just(" ".to_string()),
        Just("—".to_string()),
        Just("-".to_string()),
        Just("1.".to_string()),
        Just("http://x.org/a).".to_string()),
        Just("a@b.cd".to_string()),
        Just("@".to_string()),
        Just("#".to_string()),
        "[A-Za-z]{1,8}",
        "[0-9]{1,5}",
        "\\PC{1,3}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_unicode_never_panics(text in "\\PC{0,200}") {
        let seg = segment(&text, 0..text.len()).unwrap();
        check(&text, 0..text.len(), &seg)?;
    }

    #[test]
    fn any_chars_with_controls(text in any::<String>()) {
        let seg = segment(&text, 0..text.len()).unwrap();
        check(&text, 0..text.len(), &seg)?;
    }

    #[test]
    fn newsy_text_holds_invariants(text in newsy(), cut in 0usize..400) {
        let mut start = cut.min(text.len());
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        let seg = segment(&text, start..text.len()).unwrap();
        check(&text, start..text.len(), &seg)?;
        let small = SegmentConfig { max_sentence_bytes: 16, ..SegmentConfig::default() }.build().unwrap();
        let seg = small.segment(&text, start..text.len()).unwrap();
        check(&text, start..text.len(), &seg)?;
    }

    #[test]
    fn stage_output_is_valid(text in newsy()) {
        let mut doc = Document::new(Meta::default(), text).unwrap();
        SegmentConfig::default().build().unwrap().process(&mut doc).unwrap();
        for s in &doc.sentences {
            prop_assert!(doc.paragraphs[s.paragraph as usize].contains(s.span));
            for t in doc.tokens_of(sitrep_doc::SentenceId(doc.sentences.iter().position(|x| x == s).unwrap() as u32)) {
                prop_assert!(s.span.contains(t.span));
            }
        }
    }
}
