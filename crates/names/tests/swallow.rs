//! Coreference that does not swallow people: a mention joins an entity only when name,
//! gender, title and distance agree, and an anaphor goes to the person the passage is
//! about. Every case runs twice: on the tagged chain (no parse) and with the dependency
//! parser before the names layer. All sentences are written for these tests.

mod common;
use common::*;
use sitrep_doc::{Chain, Document, Meta, Stage};
use std::sync::OnceLock;

/// Segmenter, tagger, parser, names.
fn run_parsed(text: &str) -> Document {
    static CHAIN: OnceLock<Chain> = OnceLock::new();
    let chain = CHAIN.get_or_init(|| {
        let stages: Vec<Box<dyn Stage>> = vec![
            Box::new(sitrep_text::SegmentConfig::default().build().unwrap()),
            Box::new(sitrep_tagger::TaggerConfig::default().build().unwrap()),
            Box::new(sitrep_parser::ParserConfig::default().build().unwrap()),
            Box::new(sitrep_names::NamesConfig::default().build().unwrap()),
        ];
        Chain::new(stages).unwrap()
    });
    let mut doc = Document::new(Meta::default(), text.to_string()).unwrap();
    assert_eq!(chain.process(&mut doc), 0, "{:?}", doc.errors);
    doc
}

/// (case, text, mention as written (its last occurrence), the entity it must belong to)
const CASES: &[(&str, &str, &str, &str)] = &[
    (
        "a bystander with a shared surname does not take a gendered mention",
        "Prime Minister Maria Novak opened the fair. Her brother, Petr Novak, runs a dairy farm near Brno. Mrs. Novak said the subsidy would stay.",
        "Novak",
        "Maria Novak",
    ),
    (
        "a shared surname goes to the latest person of that name",
        "Maria Novak opened the fair. Her brother, Petr Novak, runs a dairy farm. Novak said his cows had won a prize.",
        "Novak",
        "Petr Novak",
    ),
    (
        "the minister between two ministers is the subject's",
        "Foreign Minister Anna Berg met Defence Minister Olav Lund in Oslo on Monday. The minister said the talks had gone well.",
        "The minister",
        "Anna Berg",
    ),
    (
        "she with two women is the subject",
        "Maria Holm met Anna Berg in Oslo on Monday. She said the talks had gone well.",
        "She",
        "Maria Holm",
    ),
    (
        "he after a paragraph that introduced a new person",
        "Pavel Orlov said the harvest had failed across the region.\n\nTomas Berger, a farmer near Tver, has lost his whole crop this year. “We have nothing left,” he said.",
        "he",
        "Tomas Berger",
    ),
    (
        "a possessor named later does not take the pronoun",
        "Pavel Orlov said the talks had failed. Tomas Berger's reply came hours later. He warned the West against new sanctions.",
        "He",
        "Pavel Orlov",
    ),
    (
        "a pronoun follows the topic over the last-named person",
        "Pavel Orlov spoke for an hour. He thanked Tomas Berger for the invitation. He then said the border would stay closed.",
        "He",
        "Pavel Orlov",
    ),
    (
        "gender from the first name keeps a woman's pronoun off a man",
        "Olga Mikhailova represents Ivan Sokol in court. She said the verdict would be appealed.",
        "She",
        "Olga Mikhailova",
    ),
    (
        "a nominal with an 'of' complement goes to the name in apposition, past 'former'",
        "The board declared President Ivan Petrov the winner. Observers said the vote fell short. The head of the observer mission, former Slovak Foreign Minister Jan Hruby, said voting had started late.",
        "The head",
        "Jan Hruby",
    ),
];

fn check(run: fn(&str) -> Document, label: &str) {
    let mut failures = Vec::new();
    for &(case, text, mention, expected) in CASES {
        let doc = run(text);
        let got = mentions_of(&doc, mention)
            .last()
            .and_then(|m| m.entity)
            .map(|e| doc.entity(e).name.clone());
        if got.as_deref() != Some(expected) {
            failures.push(format!(
                "{label}: {case}: {mention:?} -> {got:?}, want {expected:?}\n{}",
                dump(&doc)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn no_swallowing_without_parse() {
    check(run, "tagged");
}

#[test]
fn no_swallowing_with_parse() {
    check(run_parsed, "parsed");
}

/// Distinct people stay distinct entities in the cases above.
#[test]
fn bystanders_keep_their_own_entities() {
    let doc = run(CASES[0].1);
    let maria = entity_named(&doc, "Maria Novak").expect("Maria Novak");
    let petr = entity_named(&doc, "Petr Novak").expect("Petr Novak");
    assert_ne!(maria.key, petr.key, "{}", dump(&doc));
}
