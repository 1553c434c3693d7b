//! docs/SCHEMA.md documents every Parquet and SQLite column the code writes: a column added,
//! renamed or dropped without the docs fails here.

const DOC: &str = include_str!("../../../docs/SCHEMA.md");

/// The backticked first cells of the markdown table under the heading `### {heading}`.
fn documented(heading: &str) -> Vec<String> {
    let start = DOC
        .find(&format!("### {heading}\n"))
        .unwrap_or_else(|| panic!("docs/SCHEMA.md has no section {heading:?}"));
    DOC[start..]
        .lines()
        .skip(1)
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .skip(2)
        .filter_map(|l| l.split('|').nth(1))
        .map(|c| c.trim().trim_matches('`').to_string())
        .collect()
}

/// Issue 11: every Parquet table and column is documented, in file order.
#[test]
fn parquet_columns_are_documented() {
    for (table, columns) in sitrep_export::parquet_out::parquet_columns() {
        assert_eq!(
            documented(&format!("Parquet table `{table}`")),
            columns,
            "docs/SCHEMA.md, Parquet table {table}"
        );
    }
}

/// Issue 11: every SQLite table and view, and each of its columns, of a new store is
/// documented, in order.
#[test]
fn sqlite_columns_are_documented() {
    let store = sitrep_store::Store::open_in_memory().unwrap();
    let conn = store.connection();
    let mut st = conn
        .prepare(
            "SELECT type, name FROM sqlite_master WHERE type IN ('table', 'view')
             AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'quotes_fts%' ORDER BY rowid",
        )
        .unwrap();
    let tables: Vec<(String, String)> = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(tables.len() >= 10, "{tables:?}");
    for (kind, table) in tables {
        let mut st = conn
            .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))
            .unwrap();
        let columns: Vec<String> = st
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert_eq!(
            documented(&format!("SQLite {kind} `{table}`")),
            columns,
            "docs/SCHEMA.md, SQLite {kind} {table}"
        );
    }
}
