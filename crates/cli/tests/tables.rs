//! The table outputs and the store from the command line: GDELT files, Parquet, `ingest` and
//! `query`.

mod common;

use common::*;
use std::fs;
use std::path::Path;

const ARTICLE: &str = include_str!("golden/vilnius-border.txt");

fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), ARTICLE).unwrap();
    fs::write(dir.path().join("bad.jsonl"), "{\"id\": \"x\"}\n").unwrap();
    dir
}

fn lines(path: &Path) -> usize {
    fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .count()
}

#[test]
fn gdelt_files_are_written_to_the_out_directory() {
    let dir = setup();
    let out = sitrep(
        dir.path(),
        &[
            "extract",
            "a.txt",
            "--format",
            "gdelt",
            "--out",
            "gd",
            "--batch",
            "20210903120000",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let gd = dir.path().join("gd");
    assert_eq!(lines(&gd.join("20210903120000.gkg.csv")), 1);
    assert!(
        lines(&gd.join("20210903120000.export.CSV")) >= 1,
        "the article has events"
    );
    assert!(lines(&gd.join("20210903120000.mentions.CSV")) >= 1);
    assert!(stderr(&out).contains("export.CSV"), "{}", stderr(&out));

    let out = sitrep(dir.path(), &["extract", "a.txt", "--format", "gdelt"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("need --out DIR"), "{}", stderr(&out));
}

#[test]
fn parquet_tables_are_written_and_bad_records_still_fail_the_run() {
    let dir = setup();
    let out = sitrep(
        dir.path(),
        &[
            "extract",
            "a.txt",
            "bad.jsonl",
            "--format",
            "parquet",
            "--out",
            "pq",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("bad.jsonl:1"), "{}", stderr(&out));
    let files: Vec<_> = fs::read_dir(dir.path().join("pq"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert!(
        files
            .iter()
            .any(|p| p.extension().is_some_and(|e| e == "parquet")),
        "{files:?}"
    );
}

#[test]
fn ingest_is_idempotent_and_query_reads_the_store() {
    let dir = setup();
    let out = sitrep(
        dir.path(),
        &["ingest", "a.txt", "--db", "corpus.sitrep"],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("1 inserted, 0 replaced, 0 unchanged, 0 id conflicts, 0 refused"),
        "{}",
        stderr(&out)
    );
    let again = sitrep(
        dir.path(),
        &["ingest", "a.txt", "bad.jsonl", "--db", "corpus.sitrep"],
        None,
    );
    assert_eq!(
        again.status.code(),
        Some(1),
        "the bad record fails the run: {}",
        stderr(&again)
    );
    assert!(
        stderr(&again).contains("0 inserted, 0 replaced, 1 unchanged"),
        "{}",
        stderr(&again)
    );

    let q = sitrep(
        dir.path(),
        &[
            "query",
            "--db",
            "corpus.sitrep",
            "--format",
            "json",
            "article",
            "a.txt",
        ],
        None,
    );
    assert_eq!(q.status.code(), Some(0), "{}", stderr(&q));
    let rows: serde_json::Value = serde_json::from_slice(&q.stdout).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 1, "{rows}");
    assert!(stdout(&q).contains("a.txt"));

    let q = sitrep(
        dir.path(),
        &[
            "query",
            "--db",
            "corpus.sitrep",
            "--format",
            "csv",
            "speaker",
            "Nowicki",
        ],
        None,
    );
    assert_eq!(q.status.code(), Some(0), "{}", stderr(&q));
    assert!(
        stdout(&q).contains("Minsk is using people as a weapon"),
        "{}",
        stdout(&q)
    );

    let q = sitrep(
        dir.path(),
        &["query", "--db", "missing.sitrep", "stats"],
        None,
    );
    assert_eq!(q.status.code(), Some(2));
}
