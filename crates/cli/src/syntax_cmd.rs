//! `sitrep parse-conllu`: tags and parses the words of a CoNLL-U file as given (gold
//! tokenization), writes CoNLL-U for the CoNLL 2018 scorer, and with `--bench` measures the
//! parser alone in tokens per CPU-second.

use anyhow::{Context, Result};
use sitrep_doc::{Dep, Stage, Upos};
use sitrep_parser::conllu;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub(crate) struct ParseConlluArgs {
    /// A CoNLL-U file (e.g. ../shared/data/ud/en_ewt-ud-test.conllu); its words are parsed as
    /// they are, with UPOS from sitrep's tagger.
    #[arg(value_name = "FILE")]
    input: PathBuf,
    /// Write here instead of stdout.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Keep the file's own UPOS instead of tagging (to measure the parser with gold tags).
    #[arg(long)]
    gold_pos: bool,
    /// Instead of writing CoNLL-U, parse the (tagged) sentences N times in one thread and
    /// print tokens per CPU-second of the parser alone.
    #[arg(long, value_name = "N")]
    bench: Option<u32>,
}

/// CPU time of this thread (user + system), in seconds.
fn thread_cpu_seconds() -> f64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes one timespec we own.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9
}

pub(crate) fn parse_conllu(args: ParseConlluArgs) -> Result<ExitCode> {
    let sentences = conllu::read_file(&args.input)?;
    let mut doc = conllu::to_document(&args.input.display().to_string(), &sentences)?;
    if !args.gold_pos {
        let tagger = sitrep_tagger::TaggerConfig {
            ner: false,
            ..Default::default()
        }
        .build()?;
        tagger
            .process(&mut doc)
            .map_err(|e| anyhow::anyhow!("{e}"))?;
    }
    let stage = sitrep_parser::ParserConfig::default().build()?;
    if let Some(rounds) = args.bench {
        let parser = stage.parser();
        let text = doc.text();
        let sents: Vec<(Vec<&str>, Vec<Upos>)> = doc
            .sentences
            .iter()
            .map(|s| {
                let toks = &doc.tokens[s.tokens.0 as usize..s.tokens.1 as usize];
                (
                    toks.iter().map(|t| &text[t.span.range()]).collect(),
                    toks.iter().map(|t| t.pos).collect(),
                )
            })
            .collect();
        let mut scratch = sitrep_parser::Scratch::default();
        let mut out: Vec<Dep> = Vec::new();
        let mut tokens = 0u64;
        let started = thread_cpu_seconds();
        for _ in 0..rounds.max(1) {
            for (words, upos) in &sents {
                parser.parse_into(words, upos, &mut scratch, &mut out);
                tokens += out.len() as u64;
            }
        }
        let cpu = thread_cpu_seconds() - started;
        println!(
            "parser alone: {tokens} tokens in {cpu:.3} CPU-seconds = {:.0} tokens per CPU-second",
            tokens as f64 / cpu.max(1e-9)
        );
        return Ok(ExitCode::SUCCESS);
    }
    stage
        .process(&mut doc)
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let mut text = String::new();
    conllu::write_document(&doc, &mut text);
    match &args.out {
        Some(path) => std::fs::write(path, text)
            .with_context(|| format!("cannot write {}", path.display()))?,
        None => {
            let mut out = std::io::stdout().lock();
            match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
                other => other.context("cannot write the output")?,
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
