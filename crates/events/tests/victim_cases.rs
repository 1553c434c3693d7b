//! Table of cases for the people a state coerces (`src/coder/victims.rs`), through the
//! standard chain with and without the parser: a crowd of no named affiliation that is the
//! object of a coercive act (CAMEO 17), directly or after "at"/"on"/"against", is its target
//! with the source's country (or the country of the phrase); violence against unnamed people,
//! passives, statements and crowds that are not the object give no such target. Sentences
//! written for this test, each with the events it must give and the strings no event may
//! contain.

mod common;

use common::check_with_and_without_the_parser;

const CASES: &[(&str, &str, &[&str], &[&str])] = &[
    (
        "arrest + quantity of people",
        "Egyptian police arrested hundreds of people after the march.",
        &["173:EGYCOP>EGYCVL"],
        &[],
    ),
    (
        "detain + number + people",
        "Kenyan security forces detained 40 people in Mombasa on Friday.",
        &["173:KENCOP>KEN"],
        &[],
    ),
    (
        "tear gas at crowds: the aim after the instrument",
        "Venezuelan security forces fired tear gas at crowds near the bridge.",
        &["175:VENCOP>VENCVL"],
        &[],
    ),
    (
        "arrest + students: the crowd's own role",
        "Bangladeshi police arrested dozens of students on Monday.",
        &["173:BGDCOP>BGDEDU"],
        &[],
    ),
    (
        "must not fire: violence against unnamed people names no victim",
        "Malian soldiers killed eight people in a village.",
        &[],
        &["CVL"],
    ),
    (
        "must not fire: the crowd is the subject, not the object",
        "Crowds attacked Bolivian police in La Paz.",
        &[],
        &["COP>BOLCVL", "COP>CVL"],
    ),
    (
        "must not fire: a named group keeps its own code",
        "Turkish police detained members of the opposition party.",
        &["173:TURCOP>TUROPP"],
        &["CVL"],
    ),
    (
        "must not fire: people inside another phrase are not the object",
        "Peruvian police arrested the leader of thousands of farmers.",
        &[],
        &["CVL"],
    ),
];

#[test]
fn a_crowd_coerced_is_the_target() {
    check_with_and_without_the_parser(CASES);
}
