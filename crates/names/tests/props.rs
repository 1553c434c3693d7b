//! Property tests: no input panics; mentions are sorted, inside the text, and consistent with
//! their entities.

mod common;
use common::*;
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "Sergei",
    "Ryabkov",
    "said",
    "he",
    "she",
    "the",
    "Deputy",
    "Foreign",
    "Minister",
    "of",
    "Russia",
    "US",
    "U.S.",
    "Secretary",
    "State",
    "NATO",
    "Kiev",
    "Geneva",
    "Washington",
    "wanted",
    "with",
    "Moscow",
    ",",
    ".",
    "’s",
    "Wendy",
    "Sherman",
    "First",
    "Under",
    "American",
    "side",
    "Russian",
    "troops",
    "Georgia",
    "Río",
    "Zürich",
    "“",
    "”",
    "—",
    "spokesman",
    "According",
    "to",
    "him",
    "in",
    "Western",
    "countries",
    "\n\n",
];

fn check(text: &str) -> Result<(), TestCaseError> {
    let doc = run(text);
    prop_assert!(doc.mentions.windows(2).all(|w| w[0].span <= w[1].span));
    for (i, m) in doc.mentions.iter().enumerate() {
        prop_assert!(text.get(m.span.range()).is_some());
        prop_assert!(!m.span.is_empty());
        if let Some(t) = m.title {
            prop_assert!(text.get(t.range()).is_some());
        }
        let e = m.entity.expect("every emitted mention is resolved");
        prop_assert!(doc
            .entity(e)
            .mentions
            .contains(&sitrep_doc::MentionId(i as u32)));
    }
    for e in &doc.entities {
        prop_assert!(!e.mentions.is_empty());
        prop_assert!(!e.key.is_empty());
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,200}") {
        check(&text)?;
    }

    #[test]
    fn name_soup_never_panics(words in proptest::collection::vec(proptest::sample::select(WORDS), 0..60)) {
        check(&words.join(" "))?;
    }
}
