//! The `sitrep` binary: thin glue between the user, sitrep-ingest and sitrep-pipeline.
//!
//! `sitrep extract` reads files, directories or stdin, runs the configured pipeline over all
//! cores and writes one schema v1 JSON object per article (or a readable report); `sitrep demo`
//! runs the standard pipeline on a built-in invented article. Key decision: a bad record never
//! stops a run — it becomes an error line in the output and the exit code says so (0 all
//! records processed, 1 some records failed, 2 usage or fatal error). This binary must not
//! contain extraction logic of its own.

mod pretty;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use sitrep_ingest::{IngestOptions, Input, DEFAULT_MAX_BYTES};
use sitrep_pipeline::{Pipeline, PipelineConfig, Processed, RunOptions};
use std::io::{BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// The built-in example: an invented news report, dated by a `date` header line.
const DEMO_ARTICLE: &str = include_str!("demo_article.txt");
const DEMO_ID: &str = "demo:oslo-talks";

#[derive(Parser)]
#[command(
    name = "sitrep",
    version,
    about = "Structured, checkable knowledge from news articles: who, said what, did what to whom, when."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract entities, quotes, events, dates and more from articles.
    Extract(ExtractArgs),
    /// Run the standard pipeline on a built-in example article and print the report.
    Demo {
        #[arg(long, value_enum, default_value_t = Format::Pretty)]
        format: Format,
    },
    /// Print the default pipeline config (every stage with its default settings) as TOML.
    Config,
}

#[derive(clap::Args)]
struct ExtractArgs {
    /// Text files (optional first line `date YYYY-MM-DD`), JSONL files (one article object per
    /// line), directories (walked recursively for .txt/.text/.jsonl/.ndjson) or `-` for stdin.
    #[arg(required = true, value_name = "FILES|DIRS|-")]
    inputs: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    format: Format,
    /// Write the output to this file instead of stdout.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Worker threads (default: one per core).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=1024))]
    threads: Option<u32>,
    /// Pipeline config (TOML, or JSON if the name ends in .json); default: the standard pipeline.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Articles longer than this many bytes of text are reported as errors.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_BYTES)]
    max_bytes: usize,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// One schema v1 JSON object per line.
    Jsonl,
    /// A readable report per article.
    Pretty,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => extract(args),
        Command::Demo { format } => demo(format),
        Command::Config => print_config().map(|()| ExitCode::SUCCESS),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("sitrep: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// Writes one processed record in the chosen format.
fn write_record(out: &mut dyn Write, format: Format, processed: &Processed) -> std::io::Result<()> {
    static CODES: std::sync::OnceLock<sitrep_events::CodeTable> = std::sync::OnceLock::new();
    match format {
        Format::Jsonl => {
            serde_json::to_writer(&mut *out, &processed.to_record())?;
            out.write_all(b"\n")
        }
        Format::Pretty => {
            let codes = match CODES.get() {
                Some(codes) => codes,
                None => {
                    let table =
                        sitrep_events::CodeTable::embedded().map_err(std::io::Error::other)?;
                    CODES.get_or_init(|| table)
                }
            };
            pretty::write_report(out, processed, codes)
        }
    }
}

/// A progress line on stderr when it is a terminal, nothing otherwise.
fn progress_bar() -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new_spinner();
    let style = ProgressStyle::with_template("{spinner} {pos} articles {msg} [{elapsed}]")
        .unwrap_or_else(|_| ProgressStyle::default_spinner());
    bar.set_style(style);
    bar
}

/// How many record errors are echoed on stderr before the rest are only counted.
const MAX_ERRORS_SHOWN: usize = 20;

fn extract(args: ExtractArgs) -> Result<ExitCode> {
    let config = match &args.config {
        Some(path) => PipelineConfig::from_file(path)?,
        None => PipelineConfig::default(),
    };
    let pipeline = Pipeline::build(&config).context("cannot build the pipeline")?;
    let records = sitrep_ingest::read(
        args.inputs.iter().map(|a| Input::parse(a)),
        IngestOptions {
            max_bytes: args.max_bytes,
        },
    );
    let options = RunOptions {
        threads: args.threads.map(|t| t as usize),
        ..RunOptions::default()
    };
    let mut batch = pipeline.run_batch(records, options)?;
    let mut out: Box<dyn Write> = match &args.out {
        Some(path) => Box::new(BufWriter::new(
            std::fs::File::create(path)
                .with_context(|| format!("cannot create {}", path.display()))?,
        )),
        None => Box::new(BufWriter::new(std::io::stdout().lock())),
    };
    let bar = progress_bar();
    let mut shown = 0;
    while let Some(processed) = batch.next() {
        if let Err(e) = write_record(&mut out, args.format, &processed) {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                return Ok(ExitCode::SUCCESS);
            }
            return Err(e).context("cannot write the output");
        }
        if !processed.report.ok() && shown < MAX_ERRORS_SHOWN {
            shown += 1;
            let errors = processed.to_record().errors;
            bar.suspend(|| eprintln!("sitrep: {}: {}", processed.report.id, errors.join("; ")));
        }
        bar.inc(1);
        if bar.position() % 64 == 0 {
            let s = batch.summary();
            bar.set_message(format!(
                "{:.1} MB, {:.2} MB/s",
                s.bytes as f64 / 1e6,
                s.mb_per_s()
            ));
        }
    }
    match out.flush() {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            return Err(e).context("cannot write the output")
        }
        _ => {}
    }
    bar.finish_and_clear();
    let summary = batch.summary();
    if summary.records_with_errors() as usize > shown {
        eprintln!(
            "sitrep: ... {} more records with errors (see their output lines)",
            summary.records_with_errors() as usize - shown
        );
    }
    eprintln!("sitrep: {summary}");
    Ok(if summary.records_with_errors() > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn demo(format: Format) -> Result<ExitCode> {
    let pipeline = Pipeline::standard().context("cannot build the standard pipeline")?;
    let record =
        sitrep_ingest::text_document(DEMO_ID, DEMO_ARTICLE.as_bytes().to_vec(), DEFAULT_MAX_BYTES);
    let mut batch = pipeline.run_batch(
        std::iter::once(record),
        RunOptions {
            threads: Some(1),
            ..RunOptions::default()
        },
    )?;
    let processed = batch
        .next()
        .context("the demo article produced no record")?;
    let mut out = std::io::stdout().lock();
    if format == Format::Pretty {
        writeln!(
            out,
            "sitrep demo: the standard pipeline ({}) on a built-in invented article.\n",
            pipeline.stage_names().join(" → ")
        )?;
    }
    write_record(&mut out, format, &processed)?;
    out.flush()?;
    Ok(if processed.report.ok() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn print_config() -> Result<()> {
    let mut config = PipelineConfig::default();
    for spec in &mut config.stages {
        spec.config = Some(sitrep_pipeline::registry::default_stage_config(
            &spec.stage,
        )?);
    }
    print!("{}", config.to_toml()?);
    Ok(())
}
