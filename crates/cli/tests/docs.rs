//! The documentation agrees with the program: the example in docs/OUTPUT.md is the demo's
//! real output (cut to the first items of each list). `BLESS=1` rewrites it.

mod common;
use common::*;

const DOC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/OUTPUT.md");

/// How many items of each list the excerpt keeps.
const KEEP: &[(&str, usize)] = &[
    ("sentences", 2),
    ("entities", 1),
    ("quotes", 1),
    ("events", 1),
    ("dates", 1),
    ("amounts", 1),
    ("themes", 2),
    ("counts", 1),
];

/// Issue 11, bug 8: the documented example is what `sitrep demo --format jsonl` prints.
#[test]
fn output_md_example_is_the_demo_output() {
    let dir = tempfile::tempdir().unwrap();
    let out = sitrep(dir.path(), &["demo", "--format", "jsonl"], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mut record: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for (list, n) in KEEP {
        let items = record[*list].as_array_mut().unwrap();
        items.truncate(*n);
    }
    let excerpt = serde_json::to_string_pretty(&record).unwrap();
    let doc = std::fs::read_to_string(DOC).unwrap();
    let start = doc.find("```json\n").expect("a json block") + "```json\n".len();
    let end = start + doc[start..].find("\n```").expect("the block ends");
    if std::env::var_os("BLESS").is_some() {
        let new = format!("{}{}{}", &doc[..start], excerpt, &doc[end..]);
        std::fs::write(DOC, new).unwrap();
        return;
    }
    assert_eq!(
        &doc[start..end],
        excerpt,
        "docs/OUTPUT.md's example is not the demo output (BLESS=1 rewrites it)"
    );
}
