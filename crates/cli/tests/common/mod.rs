//! Helpers shared by the CLI tests: run the built `sitrep` binary in a directory.

#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub fn sitrep(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args(args)
        .current_dir(dir)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the sitrep binary runs");
    if let Some(input) = stdin {
        child.stdin.take().unwrap().write_all(input).unwrap();
    }
    child.wait_with_output().unwrap()
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The output lines, each parsed as JSON.
pub fn records(out: &Output) -> Vec<serde_json::Value> {
    stdout(out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Checks every `{start, end, text}` object in a record against the article text: offsets are
/// UTF-8 byte offsets into the original text and `text` is what they cover.
pub fn check_spans(value: &serde_json::Value, text: &str, path: &str) -> usize {
    let mut checked = 0;
    match value {
        serde_json::Value::Object(map) => {
            if let (Some(s), Some(e), Some(t)) = (map.get("start"), map.get("end"), map.get("text"))
            {
                let (s, e) = (s.as_u64().unwrap() as usize, e.as_u64().unwrap() as usize);
                let under = text
                    .get(s..e)
                    .unwrap_or_else(|| panic!("{path}: span {s}..{e} does not slice the text"));
                assert_eq!(under, t.as_str().unwrap(), "{path}: text under {s}..{e}");
                checked += 1;
            }
            for (k, v) in map {
                checked += check_spans(v, text, &format!("{path}.{k}"));
            }
        }
        serde_json::Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                checked += check_spans(v, text, &format!("{path}[{i}]"));
            }
        }
        _ => {}
    }
    checked
}
