//! Property tests: no input panics, every span is valid, quotes are sorted.

use proptest::prelude::*;
use sitrep_doc::{Document, Meta, Stage};
use sitrep_quotes::QuotesConfig;

fn check(text: String) -> Result<(), TestCaseError> {
    let stage = QuotesConfig::default().build().unwrap();
    let mut doc = Document::new(Meta::default(), text).unwrap();
    stage.process(&mut doc).unwrap();
    let t = doc.text();
    for q in &doc.quotes {
        prop_assert!(t.get(q.span.range()).is_some());
        prop_assert!(!q.span.is_empty());
        if let Some(s) = &q.speaker {
            prop_assert!(t.get(s.span.range()).is_some());
        }
        if let Some(c) = q.cue {
            prop_assert!(t.get(c.range()).is_some());
        }
    }
    for w in doc.quotes.windows(2) {
        prop_assert!(w[0].span <= w[1].span);
    }
    Ok(())
}

proptest! {
    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,300}") {
        check(text)?;
    }

    #[test]
    fn quote_heavy_text_never_panics(
        parts in proptest::collection::vec(
            prop_oneof![
                Just("“".to_string()), Just("”".to_string()), Just("\"".to_string()), Just("'".to_string()),
                Just("’".to_string()), Just("‘".to_string()), Just("«".to_string()), Just("»".to_string()),
                Just("„".to_string()), Just("''".to_string()), Just(" said ".to_string()), Just(", ".to_string()),
                Just(". ".to_string()), Just("\n\n".to_string()), Just(":".to_string()), Just(" according to ".to_string()),
                Just("He".to_string()), Just("Anna Roy".to_string()), Just(" told reporters that ".to_string()),
                Just(" Minister".to_string()), Just("é".to_string()), "[a-zA-Z ]{1,12}",
            ],
            0..60,
        )
    ) {
        check(parts.concat())?;
    }
}
