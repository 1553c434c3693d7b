//! Table of cases for characterizations (`src/coder/evaluation.rs`), through the standard
//! chain with and without the parser: a verb of naming with an object and a predicate that
//! judges it is a criticism (111) of the object or of the author of the act it names, and a
//! judgement that an accusation is false is its denial (016). Sentences written for this
//! test, each with the events it must give and the strings no event may contain.

mod common;

use common::check_with_and_without_the_parser;

const CASES: &[(&str, &str, &[&str], &[&str])] = &[
    (
        "call + act noun + negative noun",
        "The French government called the accord a disaster.",
        &["111:FRAGOV"],
        &[],
    ),
    (
        "call + person + negative noun: the person is the target",
        "Turkish President Tayyip Erdogan called Israeli Prime Minister Benjamin Netanyahu a terrorist.",
        &["111:TURGOV>ISRGOV"],
        &[],
    ),
    (
        "call + object naming its author + adjective",
        "Moscow called the new U.S. sanctions illegal.",
        &["111:RUSGOV>USA"],
        &[],
    ),
    (
        "describe ... as",
        "Brazil described the Israeli offensive as a genocide.",
        &["111:BRA>ISR"],
        &[],
    ),
    (
        "brand + person + noun",
        "Venezuela branded the opposition leader a traitor.",
        &["111:VEN>VENOPP"],
        &[],
    ),
    (
        "label + adjective",
        "India labelled the Chinese remarks irresponsible.",
        &["111:IND>CHN"],
        &[],
    ),
    (
        "predicate in quotation marks",
        "Amnesty International called the verdict \"a travesty of justice\".",
        &["111:NGO"],
        &[],
    ),
    (
        "degree word before the adjective",
        "Germany called the decision deeply regrettable.",
        &["111:DEU"],
        &[],
    ),
    (
        "the object names an earlier act: its author is the target",
        "Bulgaria expelled ten Russian diplomats on Friday. Russia called the decision an unfriendly act.",
        &["161:BGR>RUS", "111:RUS>BGR"],
        &[],
    ),
    (
        "an accusation called false is denied",
        "Russia called the allegations baseless.",
        &["016:RUS"],
        &["111"],
    ),
    (
        "a plan called absurd is criticized, not denied",
        "Israel called the Egyptian plan absurd.",
        &["111:ISR>EGY"],
        &["016"],
    ),
    // Where it must not fire.
    (
        "a phone call: no predicate",
        "Turkish President Tayyip Erdogan called Russian President Vladimir Putin on Tuesday.",
        &[],
        &["111"],
    ),
    (
        "calling an election",
        "The prime minister of Spain called a snap election for July.",
        &[],
        &["111"],
    ),
    (
        "a positive judgement",
        "Ukraine described the talks as constructive.",
        &[],
        &["111"],
    ),
    (
        "a success is no criticism",
        "Iran called the talks a success.",
        &[],
        &["111"],
    ),
    (
        "the object is neither an actor nor an act",
        "The foreign minister of Spain called the situation in Gaza a catastrophe.",
        &[],
        &["111"],
    ),
    (
        "call on: an appeal",
        "Japan called on China to stop its provocations.",
        &["02"],
        &["111"],
    ),
    (
        "negated",
        "France did not call the decision a mistake.",
        &[],
        &["111"],
    ),
    (
        "a participle giving the reason of its source's earlier act",
        "Ethiopia rejected the Egyptian proposal, calling it an insult to its sovereignty.",
        &["12"],
        &["111"],
    ),
];

#[test]
fn a_negative_characterization_is_criticism() {
    check_with_and_without_the_parser(CASES);
}
