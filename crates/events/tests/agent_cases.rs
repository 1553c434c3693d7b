//! Tables of cases for issue 12's recall classes, through the standard chain (segment,
//! dates, tagger, names, quotes, events; with and without the parser): sentences written for
//! this test, each with the events it must give and the codes it must not give.
//! - lemmas of doubled consonants and "-oed" forms ("expelled", "vetoed");
//! - agent nouns as actors, with the country the sentence gives them (`agents.rs`), and
//!   unknown perpetrators of violence coded with an empty source;
//! - targets named by the pattern's own words ("expelled two Russian diplomats");
//! - coordinated actors of mutual acts ("Georgian and Russian troops clashed").

use sitrep_doc::{Chain, Document, Stage};

fn chain(parser: bool) -> Chain {
    let mut stages: Vec<Box<dyn Stage>> = vec![
        Box::new(sitrep_text::SegmentConfig::default().build().unwrap()),
        Box::new(sitrep_dates::DatesConfig::default().build().unwrap()),
        Box::new(sitrep_tagger::TaggerConfig::default().build().unwrap()),
    ];
    if parser {
        stages.push(Box::new(
            sitrep_parser::ParserConfig::default().build().unwrap(),
        ));
    }
    stages.push(Box::new(
        sitrep_names::NamesConfig::default().build().unwrap(),
    ));
    stages.push(Box::new(
        sitrep_quotes::QuotesConfig::default().build().unwrap(),
    ));
    stages.push(Box::new(
        sitrep_events::EventsConfig::default().build().unwrap(),
    ));
    Chain::new(stages).expect("the standard order")
}

fn coded(chain: &Chain, text: &str) -> Document {
    let record = sitrep_ingest::text_document("case", text.as_bytes().to_vec(), 1 << 20);
    let mut doc = record.expect("the text reads");
    doc.meta.date = chrono::NaiveDate::from_ymd_opt(2023, 5, 2);
    chain.process(&mut doc);
    doc
}

/// "CODE:SRC>TGT" per event, sorted.
fn summary(d: &Document) -> Vec<String> {
    let code = |a: &Option<sitrep_doc::EventActor>| {
        a.as_ref().map(|a| a.actor_code.clone()).unwrap_or_default()
    };
    let mut v: Vec<String> = d
        .events
        .iter()
        .map(|e| format!("{}:{}>{}", e.code, code(&e.source), code(&e.target)))
        .collect();
    v.sort();
    v
}

/// (what the case is about, sentence, events that must be there, strings no event may
/// contain).
const CASES: &[(&str, &str, &[&str], &[&str])] = &[
    (
        "lemma: a doubled final l of a two-syllable verb",
        "Lithuania expelled two Russian diplomats.",
        &["161:LTU>RUSGOV"],
        &[],
    ),
    (
        "lemma: an -oed past form",
        "China vetoed the resolution on Syria.",
        &["129:CHN"],
        &[],
    ),
    (
        "partitive agent subject, country from the place of the act",
        "Thousands of demonstrators rallied in Minsk against the new law.",
        &["141:BLROPP"],
        &[],
    ),
    (
        "agent with an attached place; the target takes the country of a domestic act",
        "Police in Nairobi detained dozens of protesters outside parliament.",
        &["173:KENCOP>KENOPP"],
        &[],
    ),
    (
        "tear gas: the other side's country",
        "Kenyan police fired tear gas at protesters.",
        &["175:KENCOP>KENOPP"],
        &[],
    ),
    (
        "unknown perpetrators: violence with an empty source",
        "Two attackers stabbed three people at a market in Lyon.",
        &["182:>"],
        &[],
    ),
    (
        "a suicide bomber is a perpetrator, not an aircraft",
        "A suicide bomber killed nine people at a checkpoint in Mogadishu.",
        &["18"],
        &["MIL"],
    ),
    (
        "the role of an agent distributed over its coordinated of-phrase",
        "Argentina hosted the presidents of Chile and Peru.",
        &["043:ARG>CHLGOV", "043:ARG>PERGOV"],
        &[],
    ),
    (
        "armed groups: the place of the attack is not their country",
        "Rebels attacked several towns in southern Chad.",
        &["190:REB>TCD"],
        &["TCDREB"],
    ),
    (
        "business nouns make no actor",
        "The company said investors welcomed the deal with Japan.",
        &[],
        &["BUS"],
    ),
    (
        "both sides from the place",
        "Protesters clashed with police in Caracas.",
        &["145:VENOPP>VENCOP"],
        &[],
    ),
    (
        "coordinated nationality adjectives share the agent noun; a mutual act needs no 'with'",
        "Georgian and Russian troops clashed near the border.",
        &["190:GEOMIL>RUSMIL", "190:RUSMIL>GEOMIL"],
        &[],
    ),
    (
        "an agent whose of-phrase names another actor stays that actor's",
        "Leaders of the Kurdish opposition party condemned Turkey.",
        &["111:"],
        &[":GOV"],
    ),
];

#[test]
fn recall_classes_of_issue_12() {
    let mut failures = Vec::new();
    for parser in [false, true] {
        let ch = chain(parser);
        for (what, text, want, never) in CASES {
            let got = summary(&coded(&ch, text));
            let missing: Vec<&&str> = want
                .iter()
                .filter(|w| !got.iter().any(|g| g.starts_with(*w)))
                .collect();
            let wrong: Vec<&String> = got
                .iter()
                .filter(|g| never.iter().any(|n| g.contains(n)))
                .collect();
            if !missing.is_empty() || !wrong.is_empty() {
                failures.push(format!(
                    "{what} (parser {parser}): {text:?}\n   missing {missing:?}, wrong {wrong:?}, got {got:?}"
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} cases fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
