//! `sitrep` end to end, in temporary directories.

mod common;

use common::*;
use std::fs;

const DATED: &str = " date 2022-03-07 Finnish officials met their Estonian counterparts in Tallinn. Both sides called the meeting useful.\n\nA second paragraph follows here.";

#[test]
fn extract_a_text_file_with_a_date_header() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("talks.txt"), DATED).unwrap();
    let out = sitrep(dir.path(), &["extract", "talks.txt"], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let recs = records(&out);
    assert_eq!(recs.len(), 1);
    let r = &recs[0];
    assert_eq!(r["schema"], 1);
    assert_eq!(r["id"], "talks.txt");
    assert_eq!(r["date"], "2022-03-07");
    assert_eq!(r["errors"].as_array().unwrap().len(), 0);
    let first = &r["sentences"][0];
    assert_eq!(
        first["start"], 17,
        "the first sentence starts right after the header"
    );
    let end = first["end"].as_u64().unwrap() as usize;
    assert_eq!(
        &DATED[17..end],
        "Finnish officials met their Estonian counterparts in Tallinn."
    );
    check_spans(r, DATED, "record");
    assert!(
        stderr(&out).contains("1 articles, 0 failed to read"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_broken_jsonl_line_fails_alone() {
    let dir = tempfile::tempdir().unwrap();
    let input = concat!(
        "{\"id\": \"a\", \"text\": \"Talks opened in Paris on Monday.\", \"date\": \"2020-06-02\", \"extra\": 1}\n",
        "{\"id\": \"b\", \"text\": \"This line is cut\n",
        "{\"id\": 3, \"text\": \"Talks closed in Paris.\", \"title\": \"Closing\"}\n",
    );
    fs::write(dir.path().join("in.jsonl"), input).unwrap();
    let out = sitrep(dir.path(), &["extract", "in.jsonl"], None);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let recs = records(&out);
    assert_eq!(recs.len(), 3);
    assert_eq!(recs[0]["id"], "a");
    assert_eq!(recs[0]["date"], "2020-06-02");
    assert!(recs[0]["errors"].as_array().unwrap().is_empty());
    assert_eq!(recs[1]["id"], "in.jsonl:2");
    let err = recs[1]["errors"][0].as_str().unwrap();
    assert!(err.starts_with("in.jsonl:2: broken JSON line:"), "{err}");
    assert!(recs[1]["sentences"].as_array().unwrap().is_empty());
    assert_eq!(recs[2]["id"], "3");
    assert_eq!(recs[2]["title"], "Closing");
    assert!(!recs[2]["sentences"].as_array().unwrap().is_empty());
    let log = stderr(&out);
    assert!(log.contains("in.jsonl:2: broken JSON line"), "{log}");
    assert!(log.contains("3 articles, 1 failed to read"), "{log}");
}

#[test]
fn stdin_is_read_as_jsonl_or_text_by_content() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = b"\n{\"id\": \"s1\", \"text\": \"One.\"}\n{\"id\": \"s2\", \"text\": \"Two.\"}\n";
    let out = sitrep(dir.path(), &["extract", "-"], Some(jsonl));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let ids: Vec<_> = records(&out)
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["s1", "s2"]);

    let out = sitrep(dir.path(), &["extract", "-"], Some(DATED.as_bytes()));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let recs = records(&out);
    assert_eq!(recs.len(), 1);
    assert!(recs[0]["id"].as_str().unwrap().starts_with("stdin:"));
    assert_eq!(recs[0]["date"], "2022-03-07");
}

#[test]
fn a_directory_is_read_recursively_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    fs::create_dir_all(corpus.join("sub")).unwrap();
    fs::write(corpus.join("b.txt"), "Second article.").unwrap();
    fs::write(corpus.join("a.txt"), "First article.").unwrap();
    fs::write(
        corpus.join("sub/c.jsonl"),
        "{\"id\": \"c1\", \"text\": \"Third.\"}\n",
    )
    .unwrap();
    fs::write(corpus.join("README.md"), "not an article").unwrap();
    let out = sitrep(dir.path(), &["extract", "corpus", "--threads", "2"], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let ids: Vec<_> = records(&out)
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["corpus/a.txt", "corpus/b.txt", "c1"]);
}

#[test]
fn out_file_max_bytes_and_missing_inputs() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("long.txt"),
        "A sentence that is longer than forty bytes in all.",
    )
    .unwrap();
    fs::write(dir.path().join("short.txt"), "Short one.").unwrap();
    let out = sitrep(
        dir.path(),
        &[
            "extract",
            "long.txt",
            "missing.txt",
            "short.txt",
            "--max-bytes",
            "40",
            "--out",
            "result.jsonl",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    let written = fs::read_to_string(dir.path().join("result.jsonl")).unwrap();
    let recs: Vec<serde_json::Value> = written
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(recs.len(), 3);
    assert_eq!(
        recs[0]["errors"][0],
        "long.txt: article of 50 bytes exceeds the limit of 40 bytes"
    );
    assert!(recs[1]["errors"][0]
        .as_str()
        .unwrap()
        .starts_with("missing.txt: cannot read:"));
    assert!(recs[2]["errors"].as_array().unwrap().is_empty());
}

#[test]
fn usage_errors_exit_with_2() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), "Text.").unwrap();
    for args in [
        &["extract"][..],
        &["extract", "a.txt", "--format", "xml"],
        &["extract", "a.txt", "--threads", "0"],
        &["extract", "a.txt", "--no-such-flag"],
        &["frobnicate"],
        &[],
    ] {
        let out = sitrep(dir.path(), args, None);
        assert_eq!(
            out.status.code(),
            Some(2),
            "args {args:?}: {}",
            stderr(&out)
        );
        assert!(out.stdout.is_empty(), "args {args:?}");
    }
}

#[test]
fn bad_config_is_a_fatal_error_and_written_default_config_works() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), "Talks began. They ended.").unwrap();
    fs::write(
        dir.path().join("bad.toml"),
        "[[stages]]\nstage = \"telepathy\"\n",
    )
    .unwrap();
    let out = sitrep(
        dir.path(),
        &["extract", "a.txt", "--config", "bad.toml"],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("unknown stage \"telepathy\""),
        "{}",
        stderr(&out)
    );

    let config = sitrep(dir.path(), &["config"], None);
    assert_eq!(config.status.code(), Some(0), "{}", stderr(&config));
    fs::write(dir.path().join("default.toml"), &config.stdout).unwrap();
    let with = sitrep(
        dir.path(),
        &["extract", "a.txt", "--config", "default.toml"],
        None,
    );
    let without = sitrep(dir.path(), &["extract", "a.txt"], None);
    assert_eq!(with.status.code(), Some(0), "{}", stderr(&with));
    assert_eq!(
        stdout(&with),
        stdout(&without),
        "the written default config is the default"
    );
}

#[test]
fn pretty_format_reports_each_article() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("talks.txt"), DATED).unwrap();
    fs::write(dir.path().join("bad.jsonl"), "{\"id\": \"x\"}\n").unwrap();
    let out = sitrep(
        dir.path(),
        &["extract", "--format", "pretty", "talks.txt", "bad.jsonl"],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(text.contains("━━ talks.txt  (2022-03-07)"), "{text}");
    assert!(text.contains("3 sentences"), "{text}");
    assert!(
        text.contains("━━ x\n  NOT PROCESSED: bad.jsonl:1 (id \"x\"): missing field `text`"),
        "{text}"
    );
}

#[test]
fn demo_runs_the_standard_pipeline_on_its_article() {
    let dir = tempfile::tempdir().unwrap();
    let out = sitrep(dir.path(), &["demo"], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("━━ demo:oslo-talks  (2023-05-16)"), "{text}");

    let out = sitrep(dir.path(), &["demo", "--format", "jsonl"], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let recs = records(&out);
    assert_eq!(recs.len(), 1);
    let article = include_str!("../src/demo_article.txt");
    assert_eq!(recs[0]["date"], "2023-05-16");
    assert_eq!(recs[0]["sentences"][0]["start"], 17);
    assert!(recs[0]["sentences"].as_array().unwrap().len() >= 30);
    check_spans(&recs[0], article, "demo");
}

#[test]
fn train_without_data_is_a_clear_error() {
    // Training itself takes minutes and is tested in the tagger crate; here, the wiring.
    let dir = tempfile::tempdir().unwrap();
    let out = sitrep(dir.path(), &["train", "--ud-dir", "no-such-dir"], None);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("training failed"), "{}", stderr(&out));
}
