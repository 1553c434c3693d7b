//! Web inputs end to end: HTML pages (plain, gzipped, in directories, in legacy charsets)
//! and a WARC crawl built by an independent writer (warcio, scripts/make_warc_corpus.py).

mod common;

use common::*;
use std::fs;
use std::path::{Path, PathBuf};

fn page(name: &str) -> PathBuf {
    repo_root().join("crates/web/tests/pages").join(name)
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

/// Every run of the offset map covers identical bytes in text and page.
fn check_map(record: &serde_json::Value, html: &str) -> usize {
    let text = record["text"].as_str().unwrap();
    let runs = record["page"]["html_map"].as_array().unwrap();
    for r in runs {
        let (t, h, l) = (
            r[0].as_u64().unwrap() as usize,
            r[1].as_u64().unwrap() as usize,
            r[2].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[t..t + l], &html[h..h + l], "run {r}");
    }
    runs.len()
}

#[test]
fn an_html_page_becomes_its_article() {
    let dir = tempfile::tempdir().unwrap();
    let html = fs::read_to_string(page("harbour.html")).unwrap();
    fs::write(dir.path().join("harbour.html"), &html).unwrap();
    let out = sitrep(dir.path(), &["extract", "harbour.html"], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let recs = records(&out);
    assert_eq!(recs.len(), 1);
    let r = &recs[0];
    let text = r["text"].as_str().expect("an HTML record carries its text");
    assert!(text.contains("returned to work on Tuesday"), "{text}");
    assert!(text.contains("regional labour office"), "{text}");
    for boilerplate in [
        "Buy one ferry ticket",
        "First! Great news",
        "All rights reserved",
    ] {
        assert!(!text.contains(boilerplate), "{boilerplate:?} in {text}");
    }
    assert_eq!(r["title"], "Harbour workers end strike after wage deal");
    assert_eq!(r["date"], "2023-03-14");
    assert_eq!(r["url"], "https://courier.example/news/harbour-strike-ends");
    assert_eq!(r["page"]["encoding"], "UTF-8");
    assert!(check_spans(r, text, "record") > 0, "offsets index the text");
    assert!(check_map(r, &html) >= 4, "one run per paragraph at least");
}

#[test]
fn gzipped_pages_and_directories() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("pages");
    fs::create_dir(&sub).unwrap();
    fs::write(
        sub.join("a.html.gz"),
        gzip(&fs::read(page("harbour.html")).unwrap()),
    )
    .unwrap();
    fs::copy(page("orchard.html"), sub.join("b.htm")).unwrap();
    fs::write(
        sub.join("c.gz"),
        gzip(b"date 2022-01-02\nPlain text in a gzip file."),
    )
    .unwrap();
    fs::write(sub.join("d.png"), b"not picked").unwrap();
    let out = sitrep(dir.path(), &["extract", "pages"], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let recs = records(&out);
    let ids: Vec<_> = recs.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["pages/a.html.gz", "pages/b.htm", "pages/c.gz"]);
    assert_eq!(recs[0]["date"], "2023-03-14");
    assert_eq!(recs[1]["date"], "2022-10-05", "JSON-LD datePublished");
    assert_eq!(recs[2]["date"], "2022-01-02");
    assert!(
        recs[2].get("text").is_none(),
        "text inputs do not repeat their text"
    );
}

#[test]
fn legacy_charsets_are_detected_or_forced() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(page("budget-latin1.html"), dir.path().join("b.html")).unwrap();
    fs::write(
        dir.path().join("t.txt"),
        b"Caf\xe9 cr\xe8me at the Gen\xe8ve station.",
    )
    .unwrap();
    let out = sitrep(dir.path(), &["extract", "b.html", "t.txt"], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let recs = records(&out);
    assert!(recs[0]["text"]
        .as_str()
        .unwrap()
        .contains("Genève a adopté"));
    assert_eq!(recs[0]["page"]["encoding"], "windows-1252");
    assert_eq!(recs[1]["errors"].as_array().unwrap().len(), 0);
    // Forced: the same bytes read as another encoding.
    let out = sitrep(
        dir.path(),
        &["extract", "--encoding", "iso-8859-7", "b.html"],
        None,
    );
    let recs = records(&out);
    assert_eq!(recs[0]["page"]["encoding"], "ISO-8859-7");
    assert!(!recs[0]["text"].as_str().unwrap().contains("Genève"));
    let out = sitrep(
        dir.path(),
        &["extract", "--encoding", "no-such", "b.html"],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
}

/// Builds the WARC corpus with warcio; fails (never skips) when python3 or warcio is missing.
fn warc_corpus(dir: &Path) -> serde_json::Value {
    let pages: Vec<PathBuf> = ["budget-latin1.html", "harbour.html", "orchard.html"]
        .iter()
        .map(|p| page(p))
        .collect();
    let out = std::process::Command::new("python3")
        .arg(repo_root().join("scripts/make_warc_corpus.py"))
        .arg(dir.join("crawl.warc.gz"))
        .args(&pages)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "make_warc_corpus.py failed (pip install warcio): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_str(&fs::read_to_string(dir.join("crawl.warc.gz.json")).unwrap()).unwrap()
}

#[test]
fn a_warc_crawl_gives_each_page_once_and_reports_each_broken_record() {
    let dir = tempfile::tempdir().unwrap();
    let manifest = warc_corpus(dir.path());
    let good: Vec<&str> = manifest["good"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let broken = manifest["broken"].as_array().unwrap().len();
    let out = sitrep(dir.path(), &["extract", "crawl.warc.gz"], None);
    assert_eq!(
        out.status.code(),
        Some(1),
        "broken records make the exit code 1"
    );
    let recs = records(&out);
    let (ok, failed): (Vec<_>, Vec<_>) = recs
        .iter()
        .partition(|r| r["errors"].as_array().unwrap().is_empty());
    let ids: Vec<&str> = ok.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, good, "{}", stderr(&out));
    assert_eq!(failed.len(), broken, "{failed:#?}");
    for r in &failed {
        assert!(
            r["id"].as_str().unwrap().starts_with("crawl.warc.gz#"),
            "{r}"
        );
        // The message names the file and the record once each.
        let msg = r["errors"][0].as_str().unwrap();
        assert!(msg.starts_with("crawl.warc.gz: WARC record "), "{msg}");
        assert_eq!(msg.matches("crawl.warc.gz").count(), 1, "{msg}");
    }
    for line in stderr(&out).lines().filter(|l| l.contains("WARC record")) {
        assert_eq!(line.matches("crawl.warc.gz").count(), 1, "{line}");
    }
    assert!(
        ok[0]["text"].as_str().unwrap().contains("Genève"),
        "Latin-1 body"
    );
    assert_eq!(ok[1]["date"], "2023-03-14");

    // Resuming after the first broken records skips them.
    let out = sitrep(
        dir.path(),
        &["extract", "--skip", "7", "crawl.warc.gz"],
        None,
    );
    let recs = records(&out);
    assert_eq!(recs.len(), 2, "{recs:#?}");

    // The store gets every good page once, also when the crawl is ingested again.
    let out = sitrep(
        dir.path(),
        &["ingest", "crawl.warc.gz", "--db", "s.db"],
        None,
    );
    assert!(stderr(&out).contains("3 inserted"), "{}", stderr(&out));
    let out = sitrep(
        dir.path(),
        &["ingest", "crawl.warc.gz", "--db", "s.db"],
        None,
    );
    assert!(stderr(&out).contains("0 inserted"), "{}", stderr(&out));
    assert!(stderr(&out).contains("3 unchanged"), "{}", stderr(&out));
}
