//! The project's seed article, read from `../shared` beside the repository, through
//! `sitrep extract`: the header is metadata and every offset indexes the original file.

mod common;

use common::*;

#[test]
#[ignore = "needs ../shared"]
fn the_seed_article_keeps_its_header_out_of_the_text_and_its_offsets_in_the_file() {
    let root = repo_root();
    let rel = "../shared/examples/geneva-2022-01-10.txt";
    let raw = std::fs::read_to_string(root.join(rel))
        .unwrap_or_else(|e| panic!("{rel} must lie beside the repository (as in CI): {e}"));
    let out = sitrep(&root, &["extract", rel], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let recs = records(&out);
    assert_eq!(recs.len(), 1);
    let r = &recs[0];
    // Outside the working directory, a text file's id is its canonical absolute path.
    let canonical = std::fs::canonicalize(root.join(rel)).unwrap();
    assert_eq!(r["id"], canonical.display().to_string());
    assert_eq!(r["date"], "2022-01-10");

    let header_end = raw.find("2022-01-10").unwrap() + "2022-01-10".len() + 1;
    assert_eq!(&raw[..header_end], " date 2022-01-10 ");
    let first = r["sentences"][0]["start"].as_u64().unwrap() as usize;
    assert_eq!(
        first, header_end,
        "the first sentence starts at the byte after the header"
    );
    assert!(raw[first..].starts_with("Russian Deputy Foreign Minister"));

    let mut last_end = 0;
    for s in r["sentences"].as_array().unwrap() {
        let (start, end) = (
            s["start"].as_u64().unwrap() as usize,
            s["end"].as_u64().unwrap() as usize,
        );
        assert!(
            start >= last_end && start < end,
            "sentences in order, not overlapping"
        );
        let sentence = raw
            .get(start..end)
            .expect("sentence offsets slice the original file");
        assert_eq!(
            sentence.trim(),
            sentence,
            "sentences carry no outer white space"
        );
        last_end = end;
    }
    check_spans(r, &raw, "seed");
}
