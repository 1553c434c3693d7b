//! The symmetric CAMEO codes: events whose two sides act on each other. One list
//! (`data/symmetric_codes.tsv`) read by the event coder (a compound subject, "Russia and the
//! US met", means each side did it with the other: every listed code) and by happening
//! grouping ("A met B" and "B met A" are one happening: the codes marked
//! `interchangeable`; an attack or a statement of intent stays directed there).

use rustc_hash::FxHashSet;
use std::sync::OnceLock;
use thiserror::Error;

const SYMMETRIC_CODES: &str = include_str!("../data/symmetric_codes.tsv");

/// An entry of a symmetric-code list that is neither a CAMEO code nor a code prefix.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
#[error("symmetric code {0:?} is not a 3- or 4-digit CAMEO code nor a 2-digit prefix like `03*`")]
pub struct BadSymmetricCode(pub String);

/// A compiled list of symmetric codes. An entry is a 3- or 4-digit CAMEO code (a 3-digit
/// code also covers its 4-digit children: `036` covers `0361`) or a 2-digit prefix with a
/// star (`03*`: every code starting with 03).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SymmetricCodes {
    codes: FxHashSet<Box<str>>,
    prefixes: Vec<Box<str>>,
}

impl SymmetricCodes {
    /// Compiles a list of entries; the first malformed one is the error.
    pub fn new<S: AsRef<str>>(entries: &[S]) -> Result<SymmetricCodes, BadSymmetricCode> {
        let mut out = SymmetricCodes::default();
        for e in entries {
            let e = e.as_ref();
            let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
            match e.strip_suffix('*') {
                Some(p) if p.len() == 2 && digits(p) => out.prefixes.push(p.into()),
                None if (e.len() == 3 || e.len() == 4) && digits(e) => {
                    out.codes.insert(e.into());
                }
                _ => return Err(BadSymmetricCode(e.to_string())),
            }
        }
        Ok(out)
    }

    /// Every listed code (reading `mutual` or `interchangeable`): the codes whose compound
    /// subject means each side did it with the other. Compiled once per process.
    pub fn mutual() -> &'static SymmetricCodes {
        static LIST: OnceLock<SymmetricCodes> = OnceLock::new();
        LIST.get_or_init(|| {
            SymmetricCodes::new(&mutual_entries()).expect("data/symmetric_codes.tsv is valid")
        })
    }

    /// Whether `code` (a full CAMEO code such as "0431") is symmetric.
    pub fn contains(&self, code: &str) -> bool {
        self.codes.contains(code)
            || (code.len() == 4
                && code.bytes().all(|b| b.is_ascii_digit())
                && self.codes.contains(&code[..3]))
            || self.prefixes.iter().any(|p| code.starts_with(&**p))
    }
}

/// The list's rows as (entry as written, reading), in file order, header skipped.
fn rows() -> impl Iterator<Item = (&'static str, &'static str)> {
    SYMMETRIC_CODES
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .skip(1)
        .map(|l| {
            let (code, reading) = l.split_once('\t').unwrap_or((l, ""));
            (code.trim(), reading.trim())
        })
}

/// Every listed entry as written (`03*`, `040`, ...), in file order.
pub fn mutual_entries() -> Vec<&'static str> {
    rows().map(|(code, _)| code).collect()
}

/// The entries whose reports with the sides swapped are one happening: the default of
/// happening grouping's configurable list.
pub fn interchangeable_entries() -> Vec<&'static str> {
    rows()
        .filter(|(_, reading)| *reading == "interchangeable")
        .map(|(code, _)| code)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_has_a_known_reading() {
        let rows: Vec<_> = rows().collect();
        assert_eq!(rows.len(), 14);
        for (code, reading) in rows {
            assert!(
                matches!(reading, "mutual" | "interchangeable"),
                "{code}: {reading:?}"
            );
        }
        assert_eq!(
            interchangeable_entries(),
            ["040", "041", "044", "046", "057"]
        );
    }

    #[test]
    fn the_mutual_list_answers() {
        let s = SymmetricCodes::mutual();
        for code in [
            "036", "0311", "019", "040", "041", "044", "046", "057", "0871", "190", "193",
        ] {
            assert!(s.contains(code), "{code}");
        }
        for code in ["042", "043", "190x", "13", "0", "", "1951"] {
            assert!(!s.contains(code), "{code}");
        }
    }

    #[test]
    fn three_digit_codes_cover_their_children_and_prefixes_their_family() {
        let s = SymmetricCodes::new(&["036", "19*"]).unwrap();
        assert!(s.contains("036") && s.contains("0361") && !s.contains("0371"));
        assert!(s.contains("190") && s.contains("1951") && !s.contains("180"));
    }

    #[test]
    fn malformed_entries_are_errors() {
        for bad in ["04", "0400x", "4*", "040*", "abc", "", "*"] {
            assert_eq!(
                SymmetricCodes::new(&[bad]),
                Err(BadSymmetricCode(bad.to_string())),
                "{bad}"
            );
        }
    }
}
