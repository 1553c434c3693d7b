//! What a new user hit (issue 11), from the command line: each test failed before its fix.

mod common;
use common::*;
use std::fs;

/// Bug 1: JSONL date-times and `YYYYMMDD` read; a text header in those forms too.
#[test]
fn dates_in_common_forms_are_read_from_jsonl_and_text_headers() {
    let dir = tempfile::tempdir().unwrap();
    let line = br#"{"id":"a","text":"Russia warned NATO.","date":"2022-01-10T08:00:00Z"}"#;
    let out = sitrep(dir.path(), &["extract", "-"], Some(line));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(records(&out)[0]["date"], "2022-01-10");

    fs::write(
        dir.path().join("t.txt"),
        "date 20220110\nRussia warned NATO on Monday.\n",
    )
    .unwrap();
    let out = sitrep(dir.path(), &["extract", "t.txt"], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let rec = &records(&out)[0];
    assert_eq!(rec["date"], "2022-01-10");
    assert!(rec["sentences"][0]["text"]
        .as_str()
        .is_none_or(|s| !s.contains("20220110")));

    fs::write(dir.path().join("bad.txt"), "date 20221340\nText.\n").unwrap();
    let out = sitrep(dir.path(), &["extract", "bad.txt"], None);
    assert_eq!(out.status.code(), Some(1), "an unreadable date is an error");
    assert!(stderr(&out).contains("bad date"), "{}", stderr(&out));
}

/// Bug 2: piped articles keep their own ids; another spelling of a folder finds the stored
/// articles; a second text under a stored id is reported, replaced only with --replace.
#[test]
fn ingest_neither_loses_nor_doubles_articles() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    for text in ["Russia warned NATO.", "France praised Germany."] {
        let out = sitrep(p, &["ingest", "-", "--db", "s.db"], Some(text.as_bytes()));
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    }
    fs::create_dir_all(p.join("in/dir")).unwrap();
    fs::write(p.join("in/dir/a.txt"), "Iran met Iraq in Baghdad.").unwrap();
    for spelling in ["in/dir", "./in/dir"] {
        let out = sitrep(p, &["ingest", spelling, "--db", "s.db"], None);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    }
    let stats = sitrep(
        p,
        &["query", "--db", "s.db", "--format", "csv", "stats"],
        None,
    );
    assert!(stdout(&stats).contains("articles,3"), "{}", stdout(&stats));

    fs::write(p.join("in/dir/a.txt"), "Iran met Iraq in Basra.").unwrap();
    let out = sitrep(p, &["ingest", "in/dir", "--db", "s.db"], None);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("in/dir/a.txt: id already stored with a different text"));
    let out = sitrep(p, &["ingest", "in/dir", "--db", "s.db", "--replace"], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("1 replaced"), "{}", stderr(&out));
}

/// Bug 7: every message says its thing once.
#[test]
fn error_messages_do_not_repeat_themselves() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    fs::create_dir_all(p.join("bad")).unwrap();
    // Text in another charset is decoded since issue 16, so the bad record is a broken line.
    fs::write(p.join("bad/broken.jsonl"), b"{\"id\": \"a\", \"text\": \n").unwrap();
    let out = sitrep(p, &["extract", "bad/broken.jsonl"], None);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert_eq!(err.matches("bad/broken.jsonl").count(), 1, "{err}");

    let out = sitrep(
        p,
        &["ingest", "bad/broken.jsonl", "--db", "no/such/dir/x"],
        None,
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        err.to_lowercase().matches("unable to open").count(),
        1,
        "{err}"
    );
    assert_eq!(err.matches("no/such/dir/x").count(), 1, "{err}");

    fs::write(p.join("file"), "x").unwrap();
    let out = sitrep(
        p,
        &["extract", "bad", "--format", "parquet", "--out", "file"],
        None,
    );
    let err = stderr(&out);
    assert!(err.contains("not a directory"), "{err}");
    assert!(!err.contains("File exists"), "{err}");

    fs::create_dir_all(p.join("other")).unwrap();
    fs::write(p.join("other/a.json"), "{}").unwrap();
    let out = sitrep(p, &["extract", "other"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("skipped 1 other file(s): other/a.json"),
        "{}",
        stderr(&out)
    );

    // A folder that mixes articles with other files: read the articles, name what is passed over.
    fs::write(p.join("other/b.txt"), "Russia warned NATO.").unwrap();
    let out = sitrep(p, &["extract", "other"], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("passing over 1 file(s)") && stderr(&out).contains("other/a.json"),
        "{}",
        stderr(&out)
    );
}

/// Bug 8: help offers only what runs; global query flags after the subcommand; a config's
/// relative model_dir is relative to the config file.
#[test]
fn help_flags_and_config_paths_match_the_program() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    let help = stdout(&sitrep(p, &["demo", "--help"], None));
    assert!(
        !help.contains("gdelt") && !help.contains("parquet"),
        "{help}"
    );

    fs::write(p.join("a.txt"), "Russia warned NATO.").unwrap();
    let out = sitrep(p, &["ingest", "a.txt", "--db", "s.db"], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = sitrep(
        p,
        &["query", "stats", "--db", "s.db", "--format", "csv"],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("metric,value"), "{}", stdout(&out));

    fs::create_dir_all(p.join("conf")).unwrap();
    fs::write(
        p.join("conf/pipeline.toml"),
        "[[stages]]\nstage = \"segment\"\n[[stages]]\nstage = \"tagger\"\nconfig = { model_dir = \"model\" }\n",
    )
    .unwrap();
    let out = sitrep(
        p,
        &["extract", "a.txt", "--config", "conf/pipeline.toml"],
        None,
    );
    let err = stderr(&out);
    assert!(
        err.contains("conf/model"),
        "resolved against the config's folder: {err}"
    );
}

/// Bug 9: a country's point is GDELT's (the World Factbook's coordinates), not a mean of
/// its cities (Russia was at 54.5N 51.8E).
#[test]
fn country_points_are_gdelts() {
    let dir = tempfile::tempdir().unwrap();
    let out = sitrep(
        dir.path(),
        &["extract", "-"],
        Some(b"Russia warned Ukraine on Monday."),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let rec = &records(&out)[0];
    let geo = |name: &str| {
        rec["entities"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["name"] == name)
            .unwrap_or_else(|| panic!("no {name} in {rec}"))["geo"]
            .clone()
    };
    assert_eq!(
        (geo("Russia")["lat"].as_f64(), geo("Russia")["lon"].as_f64()),
        (Some(60.0), Some(100.0))
    );
    assert_eq!(
        (
            geo("Ukraine")["lat"].as_f64(),
            geo("Ukraine")["lon"].as_f64()
        ),
        (Some(49.0), Some(32.0))
    );
}
