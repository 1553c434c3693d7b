//! Prints the quotes the stage finds in a text read from stdin (a debugging aid).
//!
//! `echo '“Go,” she said.' | cargo run -p sitrep-quotes --example dump_quotes`

use anyhow::Result;
use sitrep_doc::{Document, Meta, Stage};
use std::io::Read;

fn main() -> Result<()> {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text)?;
    let stage = sitrep_quotes::QuotesConfig::default().build()?;
    let mut doc = Document::new(Meta::default(), text)?;
    stage.process(&mut doc)?;
    for q in &doc.quotes {
        let spk = q.speaker.as_ref().map(|s| doc.slice(s.span)).unwrap_or("-");
        let cue = q.cue.map(|c| doc.slice(c)).unwrap_or("-");
        println!(
            "{:8} [{}] spk=<{}> cue=<{}>",
            q.kind.as_str(),
            doc.slice(q.span),
            spk,
            cue
        );
    }
    Ok(())
}
