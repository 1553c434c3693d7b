//! Reading real files and directories: order, formats by extension and by content, errors.

use sitrep_ingest::{
    read, survey, IngestOptions, Input, HTML_EXTENSIONS, JSONL_EXTENSIONS, TEXT_EXTENSIONS,
    WARC_EXTENSIONS,
};
use std::fs;

fn ids_and_errors(inputs: Vec<Input>, max_bytes: usize) -> Vec<String> {
    read(
        inputs,
        IngestOptions {
            max_bytes,
            ..IngestOptions::default()
        },
    )
    .map(|r| match r {
        Ok(doc) => format!("ok {}", doc.meta.id),
        Err(e) => format!("err {} | {e}", e.record_id()),
    })
    .collect()
}

#[test]
fn directory_is_walked_recursively_in_sorted_order() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("b/inner")).unwrap();
    fs::create_dir_all(root.join(".hidden")).unwrap();
    fs::write(root.join("z.txt"), "date 2022-01-10 Last file.").unwrap();
    fs::write(root.join("a.txt"), "First file.").unwrap();
    fs::write(
        root.join("b/inner/c.jsonl"),
        "{\"id\": \"j1\", \"text\": \"One.\"}\n{\"id\": \"j2\", \"text\": \"Two.\"}\n",
    )
    .unwrap();
    fs::write(root.join("b/notes.md"), "ignored: not an article extension").unwrap();
    fs::write(root.join(".hidden/h.txt"), "ignored: hidden").unwrap();
    let got = ids_and_errors(vec![Input::Path(root.to_path_buf())], 1000);
    let a = root.join("a.txt").display().to_string();
    let z = root.join("z.txt").display().to_string();
    assert_eq!(
        got,
        vec![
            format!("ok {a}"),
            "ok j1".into(),
            "ok j2".into(),
            format!("ok {z}")
        ]
    );
}

#[test]
fn explicit_files_keep_their_order_and_unknown_extensions_are_sniffed() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("articles.json");
    let plain = dir.path().join("article.dat");
    fs::write(&json, "  {\"id\": 7, \"text\": \"Sniffed as JSONL.\"}\n").unwrap();
    fs::write(&plain, "Sniffed as text.").unwrap();
    let got = ids_and_errors(vec![Input::Path(plain.clone()), Input::Path(json)], 1000);
    assert_eq!(
        got,
        vec![format!("ok {}", plain.display()), "ok 7".to_string()]
    );
}

#[test]
fn missing_and_oversized_files_are_records_not_failures() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    let good = dir.path().join("good.txt");
    fs::write(&big, "x".repeat(5000)).unwrap();
    fs::write(&good, "A fine article.").unwrap();
    let missing = dir.path().join("missing.txt");
    let got = ids_and_errors(
        vec![
            Input::Path(missing.clone()),
            Input::Path(big.clone()),
            Input::Path(good.clone()),
        ],
        100,
    );
    assert_eq!(got.len(), 3);
    assert!(
        got[0].starts_with(&format!(
            "err {} | {}: cannot read:",
            missing.display(),
            missing.display()
        )),
        "{}",
        got[0]
    );
    assert_eq!(
        got[1],
        format!(
            "err {0} | {0}: article of 5000 bytes exceeds the limit of 100 bytes",
            big.display()
        )
    );
    assert_eq!(got[2], format!("ok {}", good.display()));
}

#[test]
fn a_text_file_keeps_original_offsets_after_its_header() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dated.txt");
    let raw = " date 2021-06-01 Ministers met in Riga.\n\nA second paragraph.";
    fs::write(&path, raw).unwrap();
    let doc = read(vec![Input::Path(path)], IngestOptions::default())
        .next()
        .unwrap()
        .unwrap();
    assert_eq!(doc.text(), raw);
    assert_eq!(doc.meta.date.unwrap().to_string(), "2021-06-01");
    assert_eq!(
        &raw[doc.body().start()..],
        "Ministers met in Riga.\n\nA second paragraph."
    );
}

/// The shared evaluation and speed files must ingest as they are.
#[test]
#[ignore = "needs ../shared"]
fn shared_corpora_ingest_without_errors() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared");
    for (file, expected) in [
        ("eval/quotes_dev.jsonl", 316),
        ("eval/events_dev.jsonl", 93),
        ("data/news_corpus.jsonl", 2225),
    ] {
        let path = std::path::Path::new(root).join(file);
        assert!(path.exists(), "{} missing", path.display());
        let records: Vec<_> =
            read(vec![Input::Path(path.clone())], IngestOptions::default()).collect();
        let errors: Vec<String> = records
            .iter()
            .filter_map(|r| r.as_ref().err().map(|e| e.to_string()))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", path.display());
        if expected > 0 {
            assert_eq!(records.len(), expected, "{}", path.display());
        } else {
            assert!(!records.is_empty());
        }
    }
}

/// Issue 11, bug 2: one file has one id whatever the spelling of its path.
#[test]
fn ids_from_paths_are_normalised() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("in");
    fs::create_dir_all(&sub).unwrap();
    fs::write(sub.join("a.txt"), "An article.").unwrap();
    let spellings = [
        sub.clone(),
        dir.path().join(".").join("in"),
        dir.path().join("in").join("..").join("in"),
    ];
    let ids: Vec<Vec<String>> = spellings
        .iter()
        .map(|p| ids_and_errors(vec![Input::Path(p.clone())], 1000))
        .collect();
    assert_eq!(ids[0], ids[1]);
    assert_eq!(ids[0], ids[2]);
    assert!(!ids[0][0].contains("/./"), "{ids:?}");
}

/// Issue 11, bug 2: text on stdin is named by its content.
#[test]
fn stdin_text_ids_are_content_hashes() {
    let a = sitrep_ingest::stdin_id(b"One article.");
    assert_ne!(a, sitrep_ingest::stdin_id(b"Another article."));
    assert_eq!(a, sitrep_ingest::stdin_id(b"One article."));
    assert!(
        a.starts_with("stdin:") && a.len() == "stdin:".len() + 16,
        "{a}"
    );
}

/// Issue 11, bug 7: a broken gzip file named directly, and a folder without article files,
/// are said to be what they are (gzip itself is read transparently since issue 16).
#[test]
fn gzip_files_and_folders_without_articles_are_explained() {
    let dir = tempfile::tempdir().unwrap();
    let gz = dir.path().join("a.jsonl.gz");
    fs::write(&gz, [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3]).unwrap();
    let got = ids_and_errors(vec![Input::Path(gz)], 1000);
    assert!(got[0].contains("cannot read"), "{got:?}");
    let zip = dir.path().join("a.zip");
    fs::write(&zip, b"PK\x03\x04rest").unwrap();
    let got = ids_and_errors(vec![Input::Path(zip)], 1000);
    assert!(got[0].contains("zip archive"), "{got:?}");

    let only_other = dir.path().join("other");
    fs::create_dir_all(&only_other).unwrap();
    fs::write(only_other.join("a.json"), "{}").unwrap();
    fs::write(only_other.join("b.png"), "not an article").unwrap();
    let got = ids_and_errors(vec![Input::Path(only_other)], 1000);
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].contains("no article files here"), "{got:?}");
    assert!(got[0].contains("skipped 2 other file(s)"), "{got:?}");
    assert!(got[0].contains("a.json"), "{got:?}");
}

#[test]
fn a_survey_counts_what_will_be_read_and_what_is_passed_over() {
    let dir = tempfile::tempdir().unwrap();
    let mixed = dir.path().join("mixed");
    fs::create_dir_all(mixed.join("inner")).unwrap();
    let (a, b) = ("Twelve bytes", "{\"id\":\"b\",\"text\":\"x\"}\n");
    fs::write(mixed.join("a.txt"), a).unwrap();
    fs::write(mixed.join("inner/b.jsonl"), b).unwrap();
    fs::write(mixed.join("report.pdf"), "%PDF-1.4").unwrap();
    fs::write(mixed.join("inner/notes.md"), "notes").unwrap();
    fs::write(mixed.join(".hidden"), "not counted: hidden").unwrap();
    let only_other = dir.path().join("only_other");
    fs::create_dir_all(&only_other).unwrap();
    fs::write(only_other.join("a.json"), "{}").unwrap();

    let got = survey(&[Input::Path(mixed.clone()), Input::Path(only_other)]);
    // Only the article files' bytes; the folder without any is a read error, not a skip.
    assert_eq!(got.bytes, Some((a.len() + b.len()) as u64));
    assert_eq!(got.skipped, 2);
    assert_eq!(
        got.skipped_examples,
        vec![
            mixed.join("inner/notes.md").display().to_string(),
            mixed.join("report.pdf").display().to_string()
        ]
    );
    assert_eq!(
        survey(&[Input::Path(mixed), Input::Stdin]).bytes,
        None,
        "standard input has no size"
    );
}

#[test]
fn the_no_article_files_message_names_every_extension_read() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.json"), "{}").unwrap();
    let got = ids_and_errors(vec![Input::Path(dir.path().to_path_buf())], 1000);
    let known = [
        TEXT_EXTENSIONS,
        JSONL_EXTENSIONS,
        HTML_EXTENSIONS,
        WARC_EXTENSIONS,
    ];
    for ext in known.concat() {
        assert!(got[0].contains(&format!(".{ext},")), "{ext}: {got:?}");
    }
}
