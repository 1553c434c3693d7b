//! Parser speed alone: `cargo run --release -p sitrep-parser --example bench -- FILE.conllu
//! [ROUNDS]` parses the file's words (with its UPOS) ROUNDS times in one thread and prints
//! tokens per CPU-second; a third argument names a model directory instead of the embedded
//! model. `sitrep parse-conllu FILE --bench N` is the same through the CLI,
//! with UPOS from the tagger.
use sitrep_doc::Upos;
use std::path::Path;

fn thread_cpu_seconds() -> f64 {
    // /proc/thread-self/schedstat: nanoseconds on CPU first.
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(0.0, |ns| ns * 1e-9)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .ok_or("usage: bench FILE.conllu [ROUNDS] [MODEL_DIR]")?;
    let rounds: u32 = args.next().map_or(Ok(20), |r| r.parse())?;
    let sents = sitrep_parser::conllu::read_file(Path::new(&path))?;
    let parser = match args.next() {
        Some(dir) => std::sync::Arc::new(sitrep_parser::Parser::load_dir(Path::new(&dir))?),
        None => sitrep_parser::Parser::embedded()?,
    };
    let data: Vec<(Vec<&str>, Vec<Upos>)> = sents
        .iter()
        .map(|s| {
            (
                s.words.iter().map(|w| w.form.as_str()).collect(),
                s.words.iter().map(|w| w.upos).collect(),
            )
        })
        .collect();
    let mut scratch = sitrep_parser::Scratch::default();
    let mut out = Vec::new();
    let mut tokens = 0u64;
    let start = thread_cpu_seconds();
    for _ in 0..rounds {
        for (w, u) in &data {
            parser.parse_into(w, u, &mut scratch, &mut out);
            tokens += out.len() as u64;
        }
    }
    let cpu = thread_cpu_seconds() - start;
    println!(
        "parser alone: {tokens} tokens in {cpu:.3} CPU-seconds = {:.0} tokens per CPU-second",
        tokens as f64 / cpu.max(1e-9)
    );
    Ok(())
}
