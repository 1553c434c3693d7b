//! Golden files: the whole-article JSON of each `golden/*.txt` fixture (invented articles)
//! through the standard pipeline must equal `golden/*.json`. Run with `BLESS=1` to rewrite the
//! expected files after an intended change, and review the diff before committing it.

mod common;

use common::*;
use std::path::Path;

/// The record pretty-printed in schema field order (read back through the schema type, which
/// also checks that the output is schema v1).
fn pretty_json(line: &str) -> String {
    let record: sitrep_doc::output::ArticleRecord = serde_json::from_str(line)
        .unwrap_or_else(|e| panic!("not a schema v1 record ({e}): {line}"));
    serde_json::to_string_pretty(&record).unwrap() + "\n"
}

#[test]
fn golden_articles() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let mut fixtures: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    fixtures.sort();
    assert!(
        !fixtures.is_empty(),
        "no golden fixtures in {}",
        dir.display()
    );
    let bless = std::env::var_os("BLESS").is_some_and(|v| v == "1");
    let mut failures = Vec::new();
    for fixture in &fixtures {
        let name = fixture.file_name().unwrap().to_str().unwrap();
        let out = sitrep(&dir, &["extract", "--threads", "1", name], None);
        assert_eq!(out.status.code(), Some(0), "{name}: {}", stderr(&out));
        let got = pretty_json(stdout(&out).trim_end());
        // Deterministic: a second run with more threads gives the same bytes.
        let again = sitrep(&dir, &["extract", "--threads", "2", name], None);
        assert_eq!(
            pretty_json(stdout(&again).trim_end()),
            got,
            "{name}: output differs between runs"
        );
        let expected_path = fixture.with_extension("json");
        if bless {
            std::fs::write(&expected_path, &got).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if expected != got {
            let diff = similar::TextDiff::from_lines(&expected, &got)
                .unified_diff()
                .context_radius(3)
                .header(
                    &format!("{} (expected)", expected_path.display()),
                    "actual output",
                )
                .to_string();
            failures.push(diff);
        }
    }
    assert!(
        failures.is_empty(),
        "golden output changed (rerun with BLESS=1 if intended):\n{}",
        failures.join("\n")
    );
}
