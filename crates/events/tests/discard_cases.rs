//! Table of cases for the Phoenix discard dictionary: articles written for this test run
//! through the standard chain; a story-level entry (sport, celebrity) drops every event of the
//! article, a sentence-level entry (sport, entertainment) the events of its sentence, and the
//! entries left out of the table (political senses: "third round of talks", "tsunami") or a
//! one-word entry opening a longer name ("Boxing Day") drop nothing.

mod common;

use common::{all_events, chain, coded};

/// A case: what it is about, the article, whether it keeps any event, events it must keep
/// (as prefixes), dyads no event may have.
struct Case {
    what: &'static str,
    text: &'static str,
    keeps: bool,
    must: &'static [&'static str],
    never: &'static [&'static str],
}

const CASES: &[Case] = &[
    Case {
        what: "control: a political sentence",
        text: "India accused Pakistan of violating the ceasefire on Monday.",
        keeps: true,
        must: &["1123:IND>PAK"],
        never: &[],
    },
    Case {
        what: "story-level: a club story drops all its events",
        text: "Manchester United accused Chelsea of breaking the rules. \
         India accused Pakistan of violating the ceasefire on Monday.",
        keeps: false,
        must: &[],
        never: &[],
    },
    Case {
        what: "sentence-level: a film festival sentence drops its events only",
        text: "India accused Pakistan of boycotting the film festival. \
         Pakistan accused India of violating the ceasefire on Monday.",
        keeps: true,
        must: &["1123:PAK>IND"],
        never: &["IND>PAK"],
    },
    Case {
        what: "left out: the third round of talks is diplomacy",
        text: "India accused Pakistan of stalling the third round of talks.",
        keeps: true,
        must: &["112:IND>PAK"],
        never: &[],
    },
    Case {
        what: "left out: a disaster does not drop the aid",
        text: "Japan accused China of blocking aid to areas hit by the tsunami.",
        keeps: true,
        must: &["112:JPN>CHN"],
        never: &[],
    },
    Case {
        what: "a one-word entry opening a longer name",
        text: "India accused Pakistan of violating the ceasefire on Boxing Day.",
        keeps: true,
        must: &["1123:IND>PAK"],
        never: &[],
    },
];

#[test]
fn discards_drop_sport_and_entertainment_only() {
    let ch = chain(false);
    let mut failures = Vec::new();
    for Case {
        what,
        text,
        keeps,
        must,
        never,
    } in CASES
    {
        let got = all_events(&coded(&ch, text));
        let missing: Vec<&&str> = must
            .iter()
            .filter(|w| !got.iter().any(|g| g.starts_with(*w)))
            .collect();
        let banned = got.iter().any(|g| never.iter().any(|n| g.ends_with(n)));
        if got.is_empty() == *keeps || !missing.is_empty() || banned {
            failures.push(format!("{what}: {text:?} gave {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// `sitrep explain` says why a discarded sentence was not coded, with the dictionary line.
#[test]
fn explain_names_the_discard_entry() {
    let ch = chain(false);
    let d = coded(
        &ch,
        "India accused Pakistan of boycotting the film festival.",
    );
    let lx = sitrep_events::Lexicon::embedded().unwrap();
    let out = sitrep_events::explain(&lx, &d);
    assert!(
        out.contains("sentence-level discard \"film festival\" (Phoenix.discards.txt:"),
        "{out}"
    );
}
