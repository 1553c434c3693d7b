//! The CAMEO code table: names, Goldstein values and QuadClass for every event code.

use crate::EventsError;
use std::collections::HashMap;

/// Index of a code in the [`CodeTable`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CodeId(pub u16);

#[derive(Debug, Clone)]
pub struct CodeInfo {
    pub code: String,
    pub quad_class: u8,
    pub goldstein: f32,
    pub name: String,
}

impl CodeInfo {
    /// The 2-digit root ("13" for "1384").
    pub fn root(&self) -> &str {
        &self.code[..2]
    }

    /// The 3-digit base code ("138" for "1384"); a root code is its own base with a trailing 0.
    pub fn base(&self) -> String {
        if self.code.len() >= 3 {
            self.code[..3].to_string()
        } else {
            format!("{}0", self.code)
        }
    }

    /// Root number 1..=20.
    pub fn root_num(&self) -> u8 {
        self.root().parse().unwrap_or(0)
    }
}

/// All CAMEO codes, parsed once from the embedded TSV.
#[derive(Debug, Clone)]
pub struct CodeTable {
    infos: Vec<CodeInfo>,
    by_code: HashMap<String, CodeId>,
}

const CODES_TSV: &str = include_str!("../data/cameo_codes.tsv");

impl CodeTable {
    pub fn embedded() -> Result<CodeTable, EventsError> {
        CodeTable::parse(CODES_TSV)
    }

    pub fn parse(text: &str) -> Result<CodeTable, EventsError> {
        let mut infos = Vec::new();
        let mut by_code = HashMap::new();
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = |why: &str| EventsError::Data {
                file: "cameo_codes.tsv",
                line: n + 1,
                message: why.to_string(),
            };
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() != 4 {
                return Err(bad("expected 4 tab-separated columns"));
            }
            let code = cols[0].trim();
            if !(2..=4).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad("code must be 2 to 4 digits"));
            }
            let quad_class: u8 = cols[1].parse().map_err(|_| bad("bad quad class"))?;
            let goldstein: f32 = cols[2].parse().map_err(|_| bad("bad goldstein value"))?;
            let id = CodeId(infos.len() as u16);
            if by_code.insert(code.to_string(), id).is_some() {
                return Err(bad("duplicate code"));
            }
            infos.push(CodeInfo {
                code: code.to_string(),
                quad_class,
                goldstein,
                name: cols[3].to_string(),
            });
        }
        Ok(CodeTable { infos, by_code })
    }

    pub fn get(&self, code: &str) -> Option<CodeId> {
        self.by_code.get(code).copied()
    }

    pub fn info(&self, id: CodeId) -> &CodeInfo {
        &self.infos[id.0 as usize]
    }

    pub fn len(&self) -> usize {
        self.infos.len()
    }

    pub fn is_empty(&self) -> bool {
        self.infos.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &CodeInfo> {
        self.infos.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_table_is_complete() {
        let t = CodeTable::embedded().unwrap();
        assert_eq!(t.len(), 311);
        let c = t.info(t.get("1384").unwrap());
        assert_eq!(
            (c.root(), c.base().as_str(), c.quad_class),
            ("13", "138", 3)
        );
        assert_eq!(t.info(t.get("19").unwrap()).base(), "190");
        // Every 3- and 4-digit code has its root and base in the table.
        for c in t.iter() {
            assert!(t.get(c.root()).is_some(), "{}", c.code);
            assert!(t.get(&c.base()).is_some(), "{}", c.code);
        }
    }
}
