//! The actor dictionaries as a gazetteer (`recognize/listed_actors.rs`): names the tables list
//! become mentions with the entry's code on the article's date, only where they are written
//! as names. Invented sentences of each shape.

mod common;
use common::{dump, mentions_of, run_dated};
use sitrep_doc::EntityKind;

/// (text, date, mention, kind, code on that date)
const FOUND: &[(&str, &str, &str, EntityKind, &str)] = &[
    // A full name without a title.
    (
        "Uhuru Kenyatta met maize farmers in Eldoret on Tuesday.",
        "2015-06-01",
        "Uhuru Kenyatta",
        EntityKind::Person,
        "KENGOV",
    ),
    // A name of three and four words the tagger tends to split.
    (
        "Crowds cheered as Aung San Suu Kyi arrived at the hall.",
        "2017-03-02",
        "Aung San Suu Kyi",
        EntityKind::Person,
        "MMRGOV",
    ),
    // A group named without its article.
    (
        "Fighters loyal to Islamic State attacked a checkpoint overnight.",
        "2016-05-10",
        "Islamic State",
        EntityKind::Organization,
        "IMGMUSISI",
    ),
    // An organization whose name holds a nationality word.
    (
        "Ministers of the Southern African Development Community gathered in Gaborone.",
        "2019-08-15",
        "Southern African Development Community",
        EntityKind::Organization,
        "IGOSAFDEVSAD",
    ),
    // Its acronym, written in capitals.
    (
        "Observers sent by SADC praised the count.",
        "2019-08-15",
        "SADC",
        EntityKind::Organization,
        "IGOSAFSAD",
    ),
    // A listed surname alone, inside a sentence.
    (
        "Diplomats said that Zelenskiy would travel to the summit.",
        "2022-06-01",
        "Zelenskiy",
        EntityKind::Person,
        "UKRGOV",
    ),
    // A nationality word before the name is no part of a longer name.
    (
        "Officials said the Kenyan Uhuru Kenyatta would attend.",
        "2015-06-01",
        "Uhuru Kenyatta",
        EntityKind::Person,
        "KENGOV",
    ),
    // A company coded with its country ("MNCDEU" is no territory code).
    (
        "Analysts at Deutsche Bank cut their forecast.",
        "2005-03-01",
        "Deutsche Bank",
        EntityKind::Organization,
        "MNCDEU",
    ),
    // A company whose first word is a first name.
    (
        "Shares in Abbey National rose after the bid.",
        "2003-05-01",
        "Abbey National",
        EntityKind::Organization,
        "MNCGBR",
    ),
    // An organization noun makes an organization of a dated entry.
    (
        "The Palestinian Authority paid its staff on Sunday.",
        "2006-02-01",
        "Palestinian Authority",
        EntityKind::Organization,
        "PSEGOV",
    ),
];

/// (text, date, words that must not become a mention with this code)
const NOT_FOUND: &[(&str, &str, &str, &str)] = &[
    // Lower case: the words are no name here.
    (
        "Scholars asked whether an islamic state could hold free elections.",
        "2016-05-10",
        "islamic state",
        "IMGMUSISI",
    ),
    // Inside a longer proper name that is something else.
    (
        "Students of the Uhuru Kenyatta Academy sat their exams on Monday.",
        "2015-06-01",
        "Uhuru Kenyatta",
        "KENGOV",
    ),
    // A title before the name belongs to the title phase: no second person "Mr Clinton".
    (
        "Mr Clinton thanked the crowd in Little Rock.",
        "2004-11-18",
        "Mr Clinton",
        "USAELI",
    ),
    // A landform the tables list under an actor.
    (
        "Storms crossed the Indian Ocean last week.",
        "2004-12-20",
        "Indian Ocean",
        "INDGOVLEG",
    ),
    // A nationality word is no actor.
    (
        "The Puerto Rican singer toured Spain.",
        "2004-12-20",
        "Puerto Rican",
        "USAPRI",
    ),
];

#[test]
fn listed_names_become_mentions_with_their_dated_code() {
    for &(text, date, mention, kind, code) in FOUND {
        let doc = run_dated(text, date);
        let d = dump(&doc);
        let m = mentions_of(&doc, mention);
        let m = m
            .first()
            .unwrap_or_else(|| panic!("case {text:?}: no {mention:?}\n{d}"));
        let e = doc.entity(m.entity.expect("resolved"));
        assert_eq!(e.kind, kind, "case {text:?}\n{d}");
        assert_eq!(e.actor_code.as_deref(), Some(code), "case {text:?}\n{d}");
    }
}

#[test]
fn listed_words_not_written_as_that_name_stay_unmentioned() {
    for &(text, date, words, code) in NOT_FOUND {
        let doc = run_dated(text, date);
        let d = dump(&doc);
        let wrong = mentions_of(&doc, words).into_iter().any(|m| {
            m.entity
                .is_some_and(|e| doc.entity(e).actor_code.as_deref() == Some(code))
        });
        assert!(!wrong, "case {text:?}: {words:?} became {code}\n{d}");
    }
}
