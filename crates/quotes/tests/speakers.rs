//! Speakers as a ranked choice, through the full chain with and without the dependency
//! parser: the addressee of "told X" and the possessor of "X's lawyer, Y" are not the
//! speaker, a pronoun goes to the person the passage is about, and the speakers of a
//! Geneva-style briefing (written for these tests) bind to their entities.

use sitrep_doc::{Chain, Document, Meta, Stage};
use sitrep_quotes::QuotesConfig;
use std::sync::OnceLock;

fn chain(parsed: bool) -> Chain {
    let mut stages: Vec<Box<dyn Stage>> = vec![
        Box::new(sitrep_text::SegmentConfig::default().build().unwrap()),
        Box::new(sitrep_tagger::TaggerConfig::default().build().unwrap()),
    ];
    if parsed {
        stages.push(Box::new(
            sitrep_parser::ParserConfig::default().build().unwrap(),
        ));
    }
    stages.push(Box::new(
        sitrep_names::NamesConfig::default().build().unwrap(),
    ));
    stages.push(Box::new(QuotesConfig::default().build().unwrap()));
    Chain::new(stages).unwrap()
}

fn run(text: &str, parsed: bool) -> Document {
    static PLAIN: OnceLock<Chain> = OnceLock::new();
    static PARSED: OnceLock<Chain> = OnceLock::new();
    let c = if parsed {
        PARSED.get_or_init(|| chain(true))
    } else {
        PLAIN.get_or_init(|| chain(false))
    };
    let mut doc = Document::new(Meta::default(), text.to_string()).unwrap();
    assert_eq!(c.process(&mut doc), 0, "{:?}", doc.errors);
    doc
}

/// (case, text, a word of the quote, speaker mention as written, its entity's name)
const CASES: &[(&str, &str, &str, &str, &str)] = &[
    (
        "told X: X is the addressee",
        "“The count was rushed,” the analyst Maria Ortiz told Reuters.",
        "rushed",
        "Maria Ortiz",
        "Maria Ortiz",
    ),
    (
        "told X before the content",
        "Maria Ortiz told Reuters on Monday that the count had been rushed.",
        "rushed",
        "Maria Ortiz",
        "Maria Ortiz",
    ),
    (
        "X's lawyer, Y, said",
        "Navon's lawyer, Olga Mikhailova, said the verdict would be appealed.",
        "appealed",
        "Olga Mikhailova",
        "Olga Mikhailova",
    ),
    (
        "X's lawyer, Y, told reporters after a quote",
        "“We will appeal the verdict,” Navon's lawyer, Olga Mikhailova, told reporters.",
        "appeal",
        "Olga Mikhailova",
        "Olga Mikhailova",
    ),
    (
        "a pronoun goes to the topic, not the possessor named later",
        "Pavel Orlov said the talks had failed. Tomas Berger's reply came hours later. “We will not wait for them forever,” he said.",
        "forever",
        "he",
        "Pavel Orlov",
    ),
    (
        "he said after a paragraph that introduced a new person",
        "Pavel Orlov said the harvest had failed across the region.\n\nTomas Berger, a farmer near Tver, has lost his whole crop this year. “We have nothing left,” he said.",
        "nothing left",
        "he",
        "Tomas Berger",
    ),
    (
        "a deputy minister's report",
        "Deputy Foreign Minister Sergei Ryabkov told reporters in Vienna that Moscow needed firm guarantees.",
        "guarantees",
        "Sergei Ryabkov",
        "Sergei Ryabkov",
    ),
    (
        "a deputy secretary after the meeting",
        "After the meeting, US Deputy Secretary of State Wendy Sherman said Washington would not accept the demands.",
        "demands",
        "Wendy Sherman",
        "Wendy Sherman",
    ),
    (
        "a spokesman's colon quote",
        "State Department spokesman Ned Price told a briefing on Tuesday: “Diplomacy is the only way forward for both sides.”",
        "Diplomacy",
        "Ned Price",
        "Ned Price",
    ),
    (
        "an inanimate subject continues the previous report",
        "Sergei Ryabkov spoke after the talks in Vienna. According to him, no progress was made. At the same time, the question of guarantees drew “serious objections” from the American side.",
        "serious objections",
        "him",
        "Sergei Ryabkov",
    ),
    (
        "a coordinated cue after a call: the caller, not the person called",
        "U.S. President Ana Silva called Prime Minister Tomas Berger to offer condolences and said Washington stood with Prague.",
        "stood with",
        "Ana Silva",
        "Ana Silva",
    ),
    (
        "a cue without content before a period introduces the next quote",
        "Pavel Orlov said the harvest had failed.\n\nMaria Ortiz said in a statement on Friday. “The count was rushed and we will ask for a recount in every district.”",
        "recount",
        "Maria Ortiz",
        "Maria Ortiz",
    ),
    (
        "told reporters without content, then the quote in the next paragraph",
        "Pavel Orlov spoke first. Tomas Berger told reporters after the meeting.\n\n“The roads will reopen in three days and the schools will follow.”",
        "roads",
        "Tomas Berger",
        "Tomas Berger",
    ),
];

/// What is wrong with the speaker of the quote holding `word`: none, or the failure line.
fn speaker_failure(
    doc: &Document,
    case: &str,
    parsed: bool,
    word: &str,
    mention: &str,
    entity: Option<&str>,
) -> Option<String> {
    let Some(q) = doc.quotes.iter().find(|q| doc.slice(q.span).contains(word)) else {
        return Some(format!("{case}: no quote holding {word:?}"));
    };
    let got_mention = q.speaker.as_ref().map(|s| doc.slice(s.span));
    let got_entity = q
        .speaker
        .as_ref()
        .and_then(|s| s.entity)
        .map(|e| doc.entity(e).name.as_str());
    let mention_ok = got_mention.is_some_and(|m| m.contains(mention));
    (!mention_ok || got_entity != entity).then(|| {
        format!(
            "{case} (parsed: {parsed}): speaker {got_mention:?} / {got_entity:?}, want {mention:?} / {entity:?}"
        )
    })
}

fn check(parsed: bool) {
    let mut failures = Vec::new();
    for &(case, text, word, mention, entity) in CASES {
        let doc = run(text, parsed);
        failures.extend(speaker_failure(
            &doc,
            case,
            parsed,
            word,
            mention,
            Some(entity),
        ));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The head of the subject noun phrase speaks, not its possessor or modifier: (case, text, a
/// word of the quote, speaker mention as written (contained), the entity's name: the
/// affiliation a place or an organization gives, none for a person possessor).
const HEADS: &[(&str, &str, &str, &str, Option<&str>)] = &[
    (
        "a country's body the names stage knows as a group speaks as that group",
        "China's coast guard said the trawler had entered its waters without leave.",
        "trawler",
        "coast guard",
        Some("China's coast guard"),
    ),
    (
        "a place as modifier of the speaking body",
        "The Gaza health ministry said forty people had died in the strikes.",
        "forty",
        "health ministry",
        Some("Gaza"),
    ),
    (
        "a person as possessor is never the speaker",
        "Novak's lawyer said the appeal would be filed within a week.",
        "appeal",
        "lawyer",
        None,
    ),
    (
        "two names joined by and are one speaker, coded by the first",
        "Egypt and Qatar called on both sides to return to the talks in Cairo.",
        "return",
        "Egypt and Qatar",
        Some("Egypt"),
    ),
    (
        "a list of names with commas is one speaker",
        "Brazil, Colombia and Mexico urged the council to publish the voting records.",
        "voting records",
        "Brazil, Colombia and Mexico",
        Some("Brazil"),
    ),
    (
        "a list after an opening time phrase",
        "On Monday, France and Germany said they would send more aid to the region.",
        "more aid",
        "France and Germany",
        Some("France"),
    ),
    (
        "a titled name with an aside before its cue",
        "U.S. Secretary of State Antony Blinken, speaking in Cairo, urged both sides to show restraint.",
        "restraint",
        "Antony Blinken",
        Some("Antony Blinken"),
    ),
];

fn check_heads(parsed: bool) {
    let mut failures = Vec::new();
    for &(case, text, word, mention, entity) in HEADS {
        let doc = run(text, parsed);
        failures.extend(speaker_failure(&doc, case, parsed, word, mention, entity));
        // The infinitive of a listed verb ("to show") is no cue of its own.
        if let Some(q) = doc.quotes.iter().find(|q| {
            q.cue
                .is_some_and(|c| doc.slice(c).eq_ignore_ascii_case("show"))
        }) {
            failures.push(format!(
                "{case}: a quote cued by \"show\": {:?}",
                doc.slice(q.span)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn heads_speak_without_the_parse() {
    check_heads(false);
}

#[test]
fn heads_speak_with_the_parse() {
    check_heads(true);
}

#[test]
fn speakers_without_the_parse() {
    check(false);
}

#[test]
fn speakers_with_the_parse() {
    check(true);
}

/// (case, text): with the tagger, no quote may be found.
const NO_QUOTES: &[(&str, &str)] = &[
    (
        "a plural noun after a number is no cue",
        "Police searched the harbour for three suspects who fled after the fire.",
    ),
    (
        "a plural noun after a number word is no cue",
        "Officials read three reports that reached the ministry on Monday.",
    ),
];

#[test]
fn no_quotes_with_the_tagger() {
    for &(case, text) in NO_QUOTES {
        let doc = run(text, false);
        assert!(
            doc.quotes.is_empty(),
            "{case}: {:?}",
            doc.quotes
                .iter()
                .map(|q| doc.slice(q.span))
                .collect::<Vec<_>>()
        );
    }
}

/// (case, text, a cue word that must cue no quote), with the tagger.
const NOT_CUES: &[(&str, &str, &str)] = &[(
    "an infinitive completing a noun",
    "The leader said the operation had been completed “as planned” but that it reserved the right to respond further.",
    "respond",
)];

#[test]
fn not_cues_with_the_tagger() {
    for &(case, text, word) in NOT_CUES {
        let doc = run(text, false);
        assert!(
            !doc.quotes
                .iter()
                .any(|q| q.cue.is_some_and(|c| doc.slice(c) == word)),
            "{case}: {word:?} cues a quote"
        );
    }
}
