//! Table of cases for object pronouns (`src/coder/pronoun.rs`), through the standard chain
//! with and without the parser: a bare "it" (a country or body) or "them" (a group) as the
//! direct object stands for the nearest actor before it, never the act's own source; so
//! does an "it" right after a quotation cue that is the cue's object ("accusing it of"),
//! not the subject of what was said ("insisted it was right").
//! Sentences written for this test, each with the events it must give and the strings no
//! event may contain.

mod common;

use common::check_with_and_without_the_parser;

const CASES: &[(&str, &str, &[&str], &[&str])] = &[
    (
        "'them' after a group named by an agent noun",
        "Kenyan police surrounded the protesters and arrested them.",
        &["173:KENCOP>KENOPP"],
        &[],
    ),
    (
        "'them' for armed groups",
        "The Nigerian army surrounded the rebels and attacked them.",
        &["190:NGAMIL>REB"],
        &[],
    ),
    (
        "must not fire: the nearest actor is the source itself",
        "Iran said it would respond.",
        &[],
        &["IRN>IRN"],
    ),
    (
        "must not fire: 'them' after a country (no group)",
        "Chile thanked Britain for two frigates and criticised them.",
        &["051:CHL>GBR"],
        &["111:CHL>GBR"],
    ),
    (
        "a quotation cue's object 'it': the name before the cue",
        "Saudi Arabia cut diplomatic ties with Qatar, accusing it of supporting terrorism.",
        &["112:SAU>QAT"],
        &[],
    ),
    (
        "must not fire: 'it' as the subject of what was said",
        "Turkey, which borders Syria, insisted it was right.",
        &[],
        &["TUR>SYR"],
    ),
];

#[test]
fn an_object_pronoun_names_the_actor_before_it() {
    check_with_and_without_the_parser(CASES);
}
