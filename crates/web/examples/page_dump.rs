//! Extracts pages (`.html` or `.html.gz`) named on the command line and prints one JSON
//! object per line: file, title, date, url, byline, language, text. For quick inspection;
//! the scored evaluation runs the `sitrep` binary (scripts/eval_html.sh).

use std::io::{BufReader, Write};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut out = std::io::stdout().lock();
    for path in std::env::args().skip(1) {
        let file = BufReader::new(std::fs::File::open(&path)?);
        let bytes = match sitrep_web::gz::read_all_limited(file, 64 << 20)? {
            Ok(b) => b,
            Err(len) => {
                eprintln!("{path}: too large ({len} bytes)");
                continue;
            }
        };
        let line = match sitrep_web::read_page(&bytes, Default::default()) {
            Ok(a) => serde_json::json!({
                "file": path, "title": a.title, "date": a.date, "url": a.url,
                "byline": a.byline, "language": a.language, "text": a.text,
                "runs": a.html_map.len(), "encoding": a.encoding,
            }),
            Err(e) => serde_json::json!({"file": path, "error": e.to_string()}),
        };
        writeln!(out, "{line}")?;
    }
    Ok(())
}
