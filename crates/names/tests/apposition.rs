//! A title phrase and a name after a comma are one person only in apposition: "the head of the
//! delegation, Under Secretary Margaret Ellison, met ..." is one person, "Venezuela will expel
//! the U.S. ambassador, President Hugo Chavez said" two (the name is the subject of a
//! postposed attribution). All sentences are written for this test.

mod common;

use common::{dump, entity_of, run};

/// (text, the title mention as written, the name as written, whether they are one entity)
const CASES: &[(&str, &str, &str, bool)] = &[
    (
        "The head of the American delegation, Under Secretary Margaret Ellison, met reporters.",
        "The head of the American",
        "Margaret Ellison",
        true,
    ),
    (
        "Venezuela will expel the U.S. ambassador, President Hugo Chavez said on Thursday.",
        "the U.S. ambassador",
        "Hugo Chavez",
        false,
    ),
    (
        "Police detained the opposition leader, Interior Minister Ali Rahimi told reporters.",
        "the opposition leader",
        "Ali Rahimi",
        false,
    ),
];

#[test]
fn a_name_with_its_own_verb_is_no_apposition() {
    let mut failures = Vec::new();
    for &(text, title, name, same) in CASES {
        let doc = run(text);
        let t = entity_of(&doc, title).map(|e| e.name.clone());
        let n = entity_of(&doc, name).map(|e| e.name.clone());
        if n.is_none() || (t.is_some() && t == n) != same {
            failures.push(format!(
                "{text:?}: {title:?} -> {t:?}, {name:?} -> {n:?}\n{}",
                dump(&doc)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
