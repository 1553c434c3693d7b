//! The share of sentences and tokens that the parser's `sentences = "cued"` rule sends to
//! the parser, on a corpus, with what admitted them (an event trigger, a speech cue):
//!
//! `cargo run --release -p sitrep-pipeline --example cued_share -- ../shared/data/news_corpus.jsonl`
//!
//! Runs segment and tagger (the rule reads tokens, lemmas, UPOS and NER tags, as the parser
//! stage sees them before names) and applies [`sitrep_pipeline::cued_sentences`], then tells which test admitted each sentence.

use sitrep_doc::{Chain, Stage};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() {
        return Err("usage: cued_share CORPUS.jsonl...".into());
    }
    let chain = Chain::new(vec![
        Box::new(sitrep_text::SegmentConfig::default().build()?) as Box<dyn Stage>,
        Box::new(sitrep_tagger::TaggerConfig::default().build()?),
    ])?;
    let events = sitrep_events::Lexicon::embedded()?;
    let cues = sitrep_quotes::lexicon::CueLexicon::parse(sitrep_quotes::lexicon::CUES_TSV)?;
    let filter = sitrep_pipeline::cued_sentences()?;
    let (mut sentences, mut tokens) = (0usize, 0usize);
    let (mut parsed, mut parsed_tokens, mut by_trigger, mut by_cue_only) = (0, 0, 0, 0);
    let mut no_actor = 0;
    let inputs = paths.iter().map(|p| sitrep_ingest::Input::parse(p));
    for record in sitrep_ingest::read(inputs, Default::default()) {
        let Ok(mut doc) = record else { continue };
        chain.process(&mut doc);
        for (si, s) in doc.sentences.iter().enumerate() {
            let toks = &doc.tokens[s.tokens.0 as usize..s.tokens.1 as usize];
            sentences += 1;
            tokens += toks.len();
            if !filter(&doc, si) {
                if !sitrep_events::names_an_actor(&doc, si) {
                    no_actor += 1;
                }
                continue;
            }
            parsed += 1;
            parsed_tokens += toks.len();
            if events.may_hold_trigger(&sitrep_events::TriggerWord::of_tokens(&doc, toks)) {
                by_trigger += 1;
            } else if cues.may_hold_cue(toks.iter().map(|t| doc.slice(t.span))) {
                by_cue_only += 1;
            }
        }
    }
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    println!(
        "sentences {sentences}, cued {parsed} ({:.1}%): {by_trigger} with a trigger, {by_cue_only} with a speech cue only; {no_actor} skipped for naming no one",
        pct(parsed, sentences)
    );
    println!(
        "tokens {tokens}, in cued sentences {parsed_tokens} ({:.1}%)",
        pct(parsed_tokens, tokens)
    );
    Ok(())
}
