//! The seed article (read at test time from the shared folder, never copied): six block
//! quotes with bare attribution lines, three marked quotes by Sherman, reported speech.

use sitrep_doc::{Document, Quote, QuoteKind, Stage};
use sitrep_quotes::QuotesConfig;

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/examples/geneva-2022-01-10.txt"
);

/// The seed as sitrep reads it (the ingest crate reads its `date` header).
fn seed_doc() -> Option<Document> {
    let bytes = std::fs::read(SEED).ok()?;
    let mut doc = sitrep_ingest::text_document("seed", bytes, 1 << 24).expect("the seed reads");
    QuotesConfig::default()
        .build()
        .unwrap()
        .process(&mut doc)
        .unwrap();
    Some(doc)
}

fn speaker<'d>(doc: &'d Document, q: &Quote) -> &'d str {
    q.speaker.as_ref().map_or("", |s| doc.slice(s.span))
}

#[test]
#[ignore = "needs ../shared"]
fn seed_quotes() {
    let doc = seed_doc().unwrap_or_else(|| {
        panic!("seed article not found at {SEED} (../shared must lie beside the clone)")
    });
    let blocks: Vec<&Quote> = doc
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct && q.cue.is_none())
        .collect();
    let speakers: Vec<&str> = blocks.iter().map(|q| speaker(&doc, q)).collect();
    assert_eq!(
        speakers,
        [
            "Sergey Ryabkov",
            "Sergey Ryabkov",
            "Sergey Ryabkov",
            "Ned Price",
            "Wendy Sherman",
            "Wendy Sherman"
        ],
        "block quotes"
    );
    for q in &blocks {
        let t = doc.slice(q.span);
        assert!(
            !t.contains("Deputy Foreign Minister")
                && !t.contains("spokesman")
                && !t.contains("Under Secretary"),
            "{t}"
        );
    }
    assert!(doc
        .slice(blocks[0].span)
        .starts_with("The conversation was difficult"));
    assert!(doc
        .slice(blocks[0].span)
        .ends_with("go around sharp corners"));

    // The marked quotes by Sherman, with the pronoun of their sentence as speaker.
    let marked: Vec<&Quote> = doc
        .quotes
        .iter()
        .filter(|q| doc.slice(q.span).contains('“'))
        .collect();
    let by_she: Vec<&Quote> = marked
        .iter()
        .copied()
        .filter(|q| speaker(&doc, q).eq_ignore_ascii_case("she"))
        .collect();
    assert_eq!(
        by_she.len(),
        3,
        "marked quotes by she: {:?}",
        marked.iter().map(|q| doc.slice(q.span)).collect::<Vec<_>>()
    );
    let stressed = by_she
        .iter()
        .find(|q| q.cue.is_some_and(|c| doc.slice(c) == "stressed"))
        .expect("she stressed");
    assert!(doc
        .slice(stressed.span)
        .starts_with("“The Russian side touched upon"));
    assert_eq!(stressed.kind, QuoteKind::Direct);
    assert!(by_she
        .iter()
        .any(|q| q.kind == QuoteKind::Mixed && doc.slice(q.span).contains("“long way to go”")));
    assert!(by_she
        .iter()
        .any(|q| q.cue.is_some_and(|c| doc.slice(c) == "concluded")));

    // Reported speech.
    let failed = doc
        .quotes
        .iter()
        .find(|q| {
            doc.slice(q.span)
                .starts_with("the countries had failed to agree")
        })
        .expect("Ryabkov said that …");
    assert_eq!(failed.kind, QuoteKind::Indirect);
    assert_eq!(speaker(&doc, failed), "Ryabkov");
    assert_eq!(failed.cue.map(|c| doc.slice(c)), Some("said"));
    let announced = doc
        .quotes
        .iter()
        .find(|q| q.cue.is_some_and(|c| doc.slice(c) == "announced"))
        .expect("announced this");
    assert!(doc
        .slice(announced.span)
        .starts_with("Washington wanted to continue negotiations"));
    assert!(speaker(&doc, announced).ends_with("Ned Price"));
    let according: Vec<&str> = doc
        .quotes
        .iter()
        .filter(|q| {
            q.cue
                .is_some_and(|c| doc.slice(c).eq_ignore_ascii_case("according to"))
        })
        .map(|q| speaker(&doc, q))
        .collect();
    assert_eq!(
        according,
        [
            "the deputy head of the department",
            "him",
            "him",
            "her",
            "Sherman"
        ]
    );
    // Nothing before the body.
    assert!(doc
        .quotes
        .iter()
        .all(|q| q.span.start() >= doc.body().start()));
}
