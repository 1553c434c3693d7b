//! Cuts the `text` of JSON-lines documents into sentences of sitrep's own tokens, one JSON
//! object per sentence (`id`, `words`, `spaces`): the unlabelled side of the silver NER data
//! (`data/make_silver.py` labels it), tokenized exactly as sitrep tokenizes at run time.
//!
//! `cargo run --release -p sitrep-tagger --example segment -- IN.jsonl OUT.jsonl`

use anyhow::{Context, Result};
use sitrep_text::SegmentConfig;
use std::io::{BufRead, BufWriter, Write};

fn main() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let (input, output) = match (args.next(), args.next()) {
        (Some(i), Some(o)) => (i, o),
        _ => anyhow::bail!("usage: segment IN.jsonl OUT.jsonl"),
    };
    let segmenter = SegmentConfig::default().build()?;
    let reader = std::io::BufReader::new(
        std::fs::File::open(&input).with_context(|| format!("opening {input}"))?,
    );
    let mut out = BufWriter::new(std::fs::File::create(&output)?);
    let (mut docs, mut sents) = (0usize, 0usize);
    for line in reader.lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(&line)?;
        let id = v["id"].as_str().unwrap_or("doc").to_string();
        let Some(text) = v["text"].as_str() else {
            continue;
        };
        let seg = segmenter.segment(text, 0..text.len())?;
        for (si, s) in seg.sentences.iter().enumerate() {
            let toks = &seg.tokens[s.tokens.clone()];
            let words: Vec<&str> = toks.iter().map(|t| &text[t.span.clone()]).collect();
            // A token is followed by a space when the next one does not start where it ends.
            let spaces: Vec<bool> = toks
                .iter()
                .enumerate()
                .map(|(k, t)| toks.get(k + 1).is_none_or(|n| n.span.start > t.span.end))
                .collect();
            let obj =
                serde_json::json!({"id": format!("{id}-{si}"), "words": words, "spaces": spaces});
            writeln!(out, "{obj}")?;
            sents += 1;
        }
        docs += 1;
    }
    eprintln!("{docs} documents, {sents} sentences");
    Ok(())
}
