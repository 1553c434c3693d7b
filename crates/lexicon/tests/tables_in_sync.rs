//! The committed tables are exactly what `data/build.py` makes from the raw dictionaries.

use std::path::Path;
use std::process::Command;

#[test]
#[ignore = "needs ../shared"]
fn committed_tables_match_the_generator() {
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let repo = crate_dir.join("../..");
    let raw = repo.join("../shared/data/petrarch");
    assert!(
        raw.is_dir(),
        "raw dictionaries missing at {}",
        raw.display()
    );
    let out = std::env::temp_dir().join(format!("sitrep-lexicon-{}", std::process::id()));
    std::fs::create_dir_all(&out).unwrap();
    let status = Command::new("python3")
        .arg(crate_dir.join("data/build.py"))
        .arg(&raw)
        .arg(format!("--out={}", out.display()))
        .status()
        .expect("python3 runs");
    assert!(status.success());
    for name in [
        "actors.tsv",
        "agents.tsv",
        "verbs.tsv",
        "issues.tsv",
        "discards.tsv",
    ] {
        let made = std::fs::read(out.join(name)).unwrap();
        let committed = std::fs::read(crate_dir.join("data").join(name)).unwrap();
        assert!(made == committed, "{name} differs: rerun data/build.py");
    }
    std::fs::remove_dir_all(&out).ok();
}
