//! Speakers named by a common noun of the agents dictionary ("the interior ministry said",
//! "residents told reporters", "according to a local official") are group mentions coded
//! with the country the article is about; a noun phrase that is no agent, or that is not the
//! subject of a verb of speaking, is none. All sentences are written for this test.

mod common;

use common::{dump, entity_of, run};

/// (text, the mention as written, its actor code; None: no mention of that text)
const CASES: &[(&str, &str, Option<&str>)] = &[
    (
        "Kenyan police fired tear gas in Nakuru on Monday. The interior ministry said 12 people were hurt.",
        "The interior ministry",
        Some("KENGOV"),
    ),
    (
        "Ghanaian soldiers cleared roads across northern Ghana after floods, residents said.",
        "residents",
        Some("GHACVL"),
    ),
    (
        "Troops shelled a village near the Colombian border town of Cucuta, a local official said.",
        "a local official",
        Some("COLGOV"),
    ),
    (
        "Peru's congress met in Lima on Friday. Farmers said the crisis was costing millions.",
        "Farmers",
        Some("PERAGR"),
    ),
    // Business is no actor of its own ("the company said" in ordinary news).
    (
        "Peru's congress met in Lima on Friday. Business leaders said the crisis was costing millions.",
        "Business leaders",
        None,
    ),
    // A country named once, inside what the agent says, is not the agent's.
    (
        "The ministry said Chinese troops were in the area.",
        "The ministry",
        None,
    ),
    (
        "The mayor of Lyon was detained in France on Tuesday, according to prosecutors.",
        "prosecutors",
        Some("FRAJUD"),
    ),
    (
        "Residents of the southern Nigerian city of Warri said gunmen had seized a boat.",
        "Residents",
        Some("NGACVL"),
    ),
    (
        "Kazakhstan detained the journalist in a case that rights groups said was political.",
        "rights groups",
        Some("NGOHRI"),
    ),
    // "officials" alone are the reporter's sources, of any side; with a modifier, a side.
    (
        "Iran released two Qatari sailors to Qatar on Monday, officials said.",
        "officials",
        None,
    ),
    (
        "Yemeni tribesmen freed the hostages in Yemen on Monday, provincial officials said.",
        "provincial officials",
        Some("YEMGOV"),
    ),
    // Not the subject of a verb of speaking: left to the events stage.
    (
        "Police in Tunisia arrested residents who blocked the road to the port.",
        "residents",
        None,
    ),
    // Inside a longer phrase: "hundreds of residents" is not "residents".
    (
        "Hundreds of residents said they had fled the fighting in Sudan.",
        "residents",
        None,
    ),
    // No agent: a report is no speaker of the agents dictionary.
    (
        "The report said the economy of Chile had shrunk.",
        "The report",
        None,
    ),
];

#[test]
fn speaking_agents_are_coded_groups() {
    let mut failures = Vec::new();
    for &(text, mention, want) in CASES {
        let doc = run(text);
        let got = entity_of(&doc, mention).map(|e| e.actor_code.clone().unwrap_or_default());
        if got.as_deref() != want {
            failures.push(format!(
                "{text:?}: {mention:?} -> {got:?}, want {want:?}\n{}",
                dump(&doc)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
