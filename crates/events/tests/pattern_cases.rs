//! Tables of cases for which pattern codes a verb (issue 12), through the standard chain
//! with and without the parser: sentences written for this test, each with the events it
//! must give and the strings no event may contain.
//! - a dictionary pattern whose words are the verb's own object beats a bare verb whose
//!   object names no actor ("seized power"); with an actor in the object, the bare verb's
//!   reviewed sense and target stand.

mod common;

use common::check_with_and_without_the_parser;

/// (what the case is about, sentence, events that must be there, strings no event may
/// contain).
const PATTERN_ORDER: &[(&str, &str, &[&str], &[&str])] = &[
    (
        "the dictionary's 'seize power' beats sitrep's bare 'seize' (property)",
        "The army seized power in a coup on Monday.",
        &["180:MIL"],
        &["1711"],
    ),
    (
        "the dictionary's 'dismiss claim' (a denial) beats sitrep's bare 'dismiss' (a rejection)",
        "The Serbian president dismissed the claims as lies.",
        &["016:SRBGOV"],
        &["120:"],
    ),
    (
        "an object that names an actor keeps the bare verb's sense and target",
        "Kenyan police arrested four opposition leaders in Nairobi.",
        &["173:KENCOP>KENOPP"],
        &[],
    ),
    (
        "sitrep's bare verb still beats the dictionary's bare verb",
        "Lithuania expelled two Russian diplomats.",
        &["161:LTU>RUSGOV"],
        &[],
    ),
];

#[test]
fn specific_dictionary_patterns_before_bare_verbs() {
    check_with_and_without_the_parser(PATTERN_ORDER);
}
