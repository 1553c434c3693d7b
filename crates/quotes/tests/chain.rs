//! Full chain: segmenter, tagger, names layer, quotes. The quotation stage then takes its
//! speaker spans and entities from the names layer (following coreference for pronouns).

use sitrep_doc::{Chain, Document, Layers, Meta, Quote, QuoteKind, Stage};
use sitrep_quotes::QuotesConfig;

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/examples/geneva-2022-01-10.txt"
);

fn chain(doc: &mut Document) {
    let stages: Vec<Box<dyn Stage>> = vec![
        Box::new(sitrep_text::SegmentConfig::default().build().unwrap()),
        Box::new(sitrep_tagger::TaggerConfig::default().build().unwrap()),
        Box::new(sitrep_names::NamesConfig::default().build().unwrap()),
        Box::new(QuotesConfig::default().build().unwrap()),
    ];
    let errors = Chain::new(stages).unwrap().process(doc);
    assert_eq!(errors, 0, "{:?}", doc.errors);
    assert!(doc.done.contains(Layers::QUOTES | Layers::MENTIONS));
}

fn entity_name(doc: &Document, q: &Quote) -> String {
    q.speaker
        .as_ref()
        .and_then(|s| s.entity)
        .map(|e| doc.entity(e).name.clone())
        .unwrap_or_default()
}

#[test]
fn pronoun_speaker_resolves_through_names_layer() {
    let text = "Foreign Minister Anna Berg met her counterpart in Oslo on Monday.\n\n\
                “We agreed on nothing, but we will meet again,” she said.\n\n\
                Berg added that the next round would take place in March.";
    let mut doc = Document::new(Meta::default(), text.into()).unwrap();
    chain(&mut doc);
    let q = doc
        .quotes
        .iter()
        .find(|q| q.kind == QuoteKind::Direct)
        .expect("direct quote");
    assert_eq!(doc.slice(q.speaker.as_ref().unwrap().span), "she");
    assert!(
        entity_name(&doc, q).contains("Berg"),
        "entity {:?}",
        entity_name(&doc, q)
    );
    let ind = doc
        .quotes
        .iter()
        .find(|q| q.kind == QuoteKind::Indirect)
        .expect("indirect quote");
    assert!(entity_name(&doc, ind).contains("Berg"));
}

#[test]
#[ignore = "needs ../shared"]
fn seed_speakers_bind_to_entities() {
    let bytes = std::fs::read(SEED).unwrap_or_else(|e| {
        panic!("seed article {SEED}: {e} (../shared must lie beside the clone)")
    });
    let mut doc = sitrep_ingest::text_document("seed", bytes, 1 << 24).expect("the seed reads");
    chain(&mut doc);
    let blocks: Vec<String> = doc
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct && q.cue.is_none())
        .map(|q| entity_name(&doc, q))
        .collect();
    assert_eq!(blocks.len(), 6, "{blocks:?}");
    for (name, want) in blocks.iter().zip([
        "Ryabkov", "Ryabkov", "Ryabkov", "Price", "Sherman", "Sherman",
    ]) {
        assert!(
            name.contains(want),
            "block speaker entity {name:?}, want {want}"
        );
    }
    let stressed = doc
        .quotes
        .iter()
        .find(|q| q.cue.is_some_and(|c| doc.slice(c) == "stressed"))
        .expect("she stressed");
    assert_eq!(doc.slice(stressed.speaker.as_ref().unwrap().span), "she");
    assert!(
        entity_name(&doc, stressed).contains("Sherman"),
        "{:?}",
        entity_name(&doc, stressed)
    );
}

/// With the tagger's reading, a cue's base form used as a noun after a determiner, an
/// adjective, a number or a possessive is no cue ("their strong support", "38 percent
/// support"); the verb stays one ("would support").
#[test]
fn nominal_base_forms_are_no_cues() {
    let text = "The harbour board won strong support from the fishermen this year.\n\n\
                Mayor Lind would support a new ferry line to the islands.";
    let mut doc = Document::new(Meta::default(), text.into()).unwrap();
    chain(&mut doc);
    let cues: Vec<&str> = doc
        .quotes
        .iter()
        .filter_map(|q| q.cue.map(|c| doc.slice(c)))
        .collect();
    assert_eq!(cues, ["support"], "{:?}", doc.quotes);
    let q = &doc.quotes[0];
    assert!(doc.slice(q.span).starts_with("a new ferry line"));
    assert!(doc
        .slice(q.speaker.as_ref().unwrap().span)
        .ends_with("Lind"));
}
