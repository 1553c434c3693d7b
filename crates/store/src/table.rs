//! Query results: a typed table and its three renderings (terminal, JSON, CSV).

use serde::Serialize;
use std::fmt::Write as _;

/// One cell.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Value {
    Null,
    Int(i64),
    Float(f64),
    Text(String),
    /// Structured data (an article's annotations): nested in JSON, a JSON string in CSV.
    Json(serde_json::Value),
}

impl Value {
    /// Plain text of the cell, as CSV and the terminal show it.
    pub fn to_text(&self) -> String {
        match self {
            Value::Null => String::new(),
            Value::Int(i) => i.to_string(),
            Value::Float(f) => format_float(*f),
            Value::Text(s) => s.clone(),
            Value::Json(v) => v.to_string(),
        }
    }

    fn to_json(&self) -> serde_json::Value {
        match self {
            Value::Null => serde_json::Value::Null,
            Value::Int(i) => (*i).into(),
            Value::Float(f) => {
                serde_json::Number::from_f64(*f).map_or(serde_json::Value::Null, Into::into)
            }
            Value::Text(s) => s.clone().into(),
            Value::Json(v) => v.clone(),
        }
    }

    fn is_numeric(&self) -> bool {
        matches!(self, Value::Int(_) | Value::Float(_))
    }
}

impl From<i64> for Value {
    fn from(v: i64) -> Value {
        Value::Int(v)
    }
}
impl From<f64> for Value {
    fn from(v: f64) -> Value {
        Value::Float(v)
    }
}
impl From<String> for Value {
    fn from(v: String) -> Value {
        Value::Text(v)
    }
}
impl From<&str> for Value {
    fn from(v: &str) -> Value {
        Value::Text(v.to_string())
    }
}
impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(v: Option<T>) -> Value {
        v.map_or(Value::Null, Into::into)
    }
}

/// Up to 3 decimals, trailing zeros dropped: Goldstein sums and means read as people write them.
fn format_float(f: f64) -> String {
    if !f.is_finite() {
        return String::new();
    }
    let s = format!("{f:.3}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.to_string()
    }
}

/// How a table is written out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// Aligned columns for a terminal; a single record with JSON or long cells (an article)
    /// is shown as `column: value` lines instead.
    #[default]
    Text,
    /// A JSON array of objects, one per row, keyed by column name.
    Json,
    /// RFC 4180 CSV with a header row.
    Csv,
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Format, String> {
        match s {
            "text" | "table" => Ok(Format::Text),
            "json" => Ok(Format::Json),
            "csv" => Ok(Format::Csv),
            other => Err(format!("unknown format {other:?} (text, json, csv)")),
        }
    }
}

/// A query result.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Value>>,
}

/// Terminal cells longer than this are cut with an ellipsis (JSON and CSV are never cut).
const MAX_CELL: usize = 80;

impl Table {
    pub fn new(columns: &[&str]) -> Table {
        Table {
            columns: columns.iter().map(|c| c.to_string()).collect(),
            rows: Vec::new(),
        }
    }

    /// Index of a column by name.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c == name)
    }

    /// The cell at (row, column name).
    pub fn get(&self, row: usize, column: &str) -> Option<&Value> {
        self.rows.get(row)?.get(self.column(column)?)
    }

    pub fn render(&self, format: Format) -> String {
        match format {
            Format::Text => self.render_text(),
            Format::Json => self.render_json(),
            Format::Csv => self.render_csv(),
        }
    }

    pub fn render_json(&self) -> String {
        let rows: Vec<serde_json::Value> = self
            .rows
            .iter()
            .map(|row| {
                let obj: serde_json::Map<String, serde_json::Value> = self
                    .columns
                    .iter()
                    .cloned()
                    .zip(row.iter().map(Value::to_json))
                    .collect();
                serde_json::Value::Object(obj)
            })
            .collect();
        let mut out =
            serde_json::to_string_pretty(&serde_json::Value::Array(rows)).unwrap_or_default();
        out.push('\n');
        out
    }

    pub fn render_csv(&self) -> String {
        let mut out = String::new();
        let line = |cells: &mut dyn Iterator<Item = String>, out: &mut String| {
            let fields: Vec<String> = cells.map(|c| csv_field(&c)).collect();
            out.push_str(&fields.join(","));
            out.push_str("\r\n");
        };
        line(&mut self.columns.iter().cloned(), &mut out);
        for row in &self.rows {
            line(&mut row.iter().map(Value::to_text), &mut out);
        }
        out
    }

    pub fn render_text(&self) -> String {
        // One record with structured or long cells (an article) reads better as a list.
        let wide =
            |v: &Value| matches!(v, Value::Json(_)) || v.to_text().chars().count() > MAX_CELL;
        if self.rows.len() == 1 && self.rows[0].iter().any(wide) {
            return self.render_vertical();
        }
        let cells: Vec<Vec<String>> = self
            .rows
            .iter()
            .map(|r| r.iter().map(|v| cell_text(v, MAX_CELL)).collect())
            .collect();
        let mut widths: Vec<usize> = self.columns.iter().map(|c| c.chars().count()).collect();
        for row in &cells {
            for (w, c) in widths.iter_mut().zip(row) {
                *w = (*w).max(c.chars().count());
            }
        }
        let numeric: Vec<bool> = (0..self.columns.len())
            .map(|i| {
                self.rows
                    .iter()
                    .all(|r| r.get(i).is_none_or(|v| v.is_numeric() || *v == Value::Null))
            })
            .collect();
        let mut out = String::new();
        let pad = |out: &mut String, s: &str, w: usize, right: bool| {
            let fill = w.saturating_sub(s.chars().count());
            if right {
                out.extend(std::iter::repeat_n(' ', fill));
                out.push_str(s);
            } else {
                out.push_str(s);
                out.extend(std::iter::repeat_n(' ', fill));
            }
        };
        for (i, c) in self.columns.iter().enumerate() {
            if i > 0 {
                out.push_str("  ");
            }
            pad(&mut out, c, widths[i], numeric[i]);
        }
        trim_line(&mut out);
        for (i, w) in widths.iter().enumerate() {
            if i > 0 {
                out.push_str("  ");
            }
            out.extend(std::iter::repeat_n('-', *w));
        }
        out.push('\n');
        for row in &cells {
            for (i, c) in row.iter().enumerate() {
                if i > 0 {
                    out.push_str("  ");
                }
                pad(&mut out, c, widths[i], numeric[i]);
            }
            trim_line(&mut out);
        }
        let _ = writeln!(
            out,
            "({} row{})",
            self.rows.len(),
            if self.rows.len() == 1 { "" } else { "s" }
        );
        out
    }

    /// `column: value` lines; JSON cells pretty-printed below their name.
    fn render_vertical(&self) -> String {
        let width = self
            .columns
            .iter()
            .map(|c| c.chars().count())
            .max()
            .unwrap_or(0);
        let mut out = String::new();
        for (c, v) in self.columns.iter().zip(&self.rows[0]) {
            match v {
                Value::Json(j) => {
                    let _ = writeln!(out, "{c}:");
                    let pretty = serde_json::to_string_pretty(j).unwrap_or_default();
                    for l in pretty.lines() {
                        let _ = writeln!(out, "  {l}");
                    }
                }
                _ => {
                    let _ = writeln!(out, "{c:>width$}: {}", v.to_text());
                }
            }
        }
        out
    }
}

impl std::fmt::Display for Table {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render_text())
    }
}

fn trim_line(out: &mut String) {
    let t = out.trim_end_matches(' ').len();
    out.truncate(t);
    out.push('\n');
}

/// One terminal line per cell: line breaks and tabs become spaces, long cells are cut.
fn cell_text(v: &Value, max: usize) -> String {
    let s: String = v
        .to_text()
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if s.chars().count() <= max {
        s
    } else {
        let mut cut: String = s.chars().take(max - 1).collect();
        cut.push('…');
        cut
    }
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Table {
        let mut t = Table::new(&["date", "events", "goldstein"]);
        t.rows
            .push(vec!["2022-01-10".into(), Value::Int(3), Value::Float(-2.5)]);
        t.rows.push(vec![
            "2022-01-11, \"late\"".into(),
            Value::Int(12),
            Value::Float(f64::NAN),
        ]);
        t
    }

    #[test]
    fn csv_quotes_fields() {
        let csv = sample().render_csv();
        assert_eq!(
            csv,
            "date,events,goldstein\r\n2022-01-10,3,-2.5\r\n\"2022-01-11, \"\"late\"\"\",12,\r\n"
        );
    }

    #[test]
    fn json_rows_are_objects_and_nan_is_null() {
        let v: serde_json::Value = serde_json::from_str(&sample().render_json()).unwrap();
        assert_eq!(v[0]["events"], 3);
        assert_eq!(v[0]["goldstein"], -2.5);
        assert!(v[1]["goldstein"].is_null());
    }

    #[test]
    fn text_aligns_numbers_right() {
        let text = sample().render_text();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], format!("date{}events  goldstein", " ".repeat(16)));
        assert_eq!(
            lines[2],
            format!("2022-01-10{}3{}-2.5", " ".repeat(15), " ".repeat(7))
        );
        assert_eq!(lines.last().unwrap(), &"(2 rows)");
    }

    #[test]
    fn floats_read_naturally() {
        const CASES: &[(f64, &str)] = &[
            (1.0, "1"),
            (-2.5, "-2.5"),
            (0.1234, "0.123"),
            (-0.0001, "0"),
            (10.0, "10"),
        ];
        for &(f, want) in CASES {
            assert_eq!(format_float(f), want, "format_float({f})");
        }
    }

    #[test]
    fn long_cells_are_cut_for_the_terminal_only() {
        let mut t = Table::new(&["quote"]);
        let long = "word ".repeat(40);
        t.rows.push(vec![long.as_str().into()]);
        t.rows.push(vec!["short".into()]);
        assert!(t.render_text().lines().nth(2).unwrap().ends_with('…'));
        assert!(t.render_csv().contains(long.trim_end()));
        // One record with a long cell is listed vertically, uncut.
        t.rows.truncate(1);
        assert_eq!(
            t.render_text().trim_end(),
            format!("quote: {}", long.trim_end())
        );
    }
}
