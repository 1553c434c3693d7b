//! The `sitrep` binary: thin glue between the user and the sitrep crates.
//!
//! `sitrep extract` reads files, directories or stdin, runs the configured pipeline over all
//! cores and writes one schema v1 JSON object per article, a readable report, GDELT files or
//! Parquet tables; `sitrep demo` runs the standard pipeline on a built-in invented article;
//! `sitrep ingest`/`sitrep query` fill and question an SQLite store; `sitrep serve` shows one
//! as a JSON API and web UI; `sitrep train` trains the tagger. Key decision: a bad record never stops a run — it becomes an error line in the
//! output (or is reported on stderr for table outputs) and the exit code says so (0 all records
//! processed, 1 some records failed, 2 usage or fatal error). This binary must not contain
//! extraction logic of its own.

mod pretty;
mod serve_cmd;
mod store_cmd;
mod syntax_cmd;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use sitrep_ingest::{IngestOptions, Input, DEFAULT_MAX_BYTES};
use sitrep_pipeline::{Flow, Pipeline, PipelineConfig, Processed, RunOptions};
use std::io::{BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

// mimalloc: the pipeline makes millions of small, short-lived allocations (token lemmas, names,
// JSON output); glibc malloc spent ~7% of the run in them.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` in mimalloc.h (the same index in mimalloc 2 and 3; libmimalloc-sys
/// names no constant for it). Its default is 10 ms in mimalloc 2, 1000 ms in mimalloc 3.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Keeps freed memory in the process. mimalloc returns emptied pages to the OS soon after
/// they empty; a batch run empties and refills the same pages all the time, so purges came
/// back as page faults that zero fresh (often 2 MiB) pages: 6–11% of a run in perf, 1% with
/// purging off. Memory stays bounded by the pipeline's chunking.
fn keep_freed_memory() {
    // SAFETY: setting an option is a plain store into mimalloc's option table; -1 is a
    // documented value ("no purging at all").
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) }
}

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
        #[arg(long, value_enum, default_value_t = DemoFormat::Pretty)]
        format: DemoFormat,
    },
    /// Print the default pipeline config (every stage with its default settings) as TOML.
    Config,
    /// Process articles and store them in an SQLite store (idempotent: a rerun skips what is there).
    Ingest(store_cmd::IngestArgs),
    /// Query an SQLite store written by `sitrep ingest`.
    Query(store_cmd::QueryArgs),
    /// Train the tagger (UPOS, lemmas, NER) and the dependency parser on UD English EWT and
    /// write a model directory.
    Train(TrainArgs),
    /// Tag and parse the words of a CoNLL-U file as given (gold tokenization) and write
    /// CoNLL-U; `--bench N` times the parser alone.
    ParseConllu(syntax_cmd::ParseConlluArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell), e.g.
    /// `sitrep completions bash > ~/.local/share/bash-completion/completions/sitrep`.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Serve a store as a read-only JSON API and a web UI (`--demo`: the built-in example).
    Serve(serve_cmd::ServeArgs),
    /// Explain the event coding of articles: per sentence, the verbs considered, the
    /// patterns that matched and why each event was or was not coded.
    Explain(ExplainArgs),
}

#[derive(clap::Args)]
struct ExplainArgs {
    #[command(flatten)]
    run: RunArgs,
}

/// What to read and how to process it; shared by `extract` and `ingest`.
#[derive(clap::Args)]
pub(crate) struct RunArgs {
    /// Text files (optional first line `date YYYY-MM-DD`), JSONL files (one article object per
    /// line), HTML pages, WARC crawls (.warc, .warc.gz), any of them gzipped (.gz), directories
    /// (walked recursively for .txt/.text/.jsonl/.ndjson/.html/.htm/.warc/.gz) or `-` for stdin.
    #[arg(required = true, value_name = "FILES|DIRS|-")]
    inputs: Vec<String>,
    /// Worker threads (default: one per core).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=1024))]
    threads: Option<u32>,
    /// Pipeline config (TOML, or JSON if the name ends in .json); default: the standard pipeline.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Articles longer than this many bytes of text are reported as errors.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_BYTES)]
    max_bytes: usize,
    /// Decode text and HTML inputs with this encoding (a WHATWG label: latin1, windows-1252,
    /// shift_jis...), whatever they declare. Default: the declared charset, else detected.
    #[arg(long, value_name = "LABEL", value_parser = parse_encoding)]
    encoding: Option<&'static sitrep_ingest::Encoding>,
    /// Pass over the first N records of each WARC input (to resume an interrupted run: error
    /// reports name records as FILE#N).
    #[arg(long, value_name = "N", default_value_t = 0)]
    skip: u64,
}

fn parse_encoding(label: &str) -> Result<&'static sitrep_ingest::Encoding, String> {
    sitrep_ingest::encoding_for_label(label).ok_or_else(|| format!("unknown encoding {label:?}"))
}

impl RunArgs {
    pub(crate) fn pipeline(&self) -> Result<Pipeline> {
        self.pipeline_with(&[], |_| {})
    }

    /// The pipeline with the optional stages `extra` added where they belong (when the
    /// config lacks them), each stage's spec then passed through `adjust`.
    pub(crate) fn pipeline_with(
        &self,
        extra: &[&str],
        adjust: impl FnMut(&mut sitrep_pipeline::StageConfig),
    ) -> Result<Pipeline> {
        let mut config = match &self.config {
            Some(path) => {
                let mut config = PipelineConfig::from_file(path)?;
                resolve_config_paths(&mut config, path);
                config
            }
            None => PipelineConfig::default(),
        };
        for name in extra {
            config = config.with_stage(name)?;
        }
        config.stages.iter_mut().for_each(adjust);
        let pipeline = Pipeline::build(&config).context("cannot build the pipeline")?;
        for warning in pipeline.warnings() {
            eprintln!("sitrep: warning: {warning}");
        }
        Ok(pipeline)
    }

    /// The records of all inputs, read lazily.
    pub(crate) fn records(&self) -> sitrep_ingest::Records {
        sitrep_ingest::read(
            self.inputs.iter().map(|a| Input::parse(a)),
            IngestOptions {
                max_bytes: self.max_bytes,
                encoding: self.encoding,
                warc_skip: self.skip,
            },
        )
    }

    pub(crate) fn options(&self) -> RunOptions {
        RunOptions {
            threads: self.threads.map(|t| t as usize),
            ..RunOptions::default()
        }
    }
}

/// A relative `model_dir` in a --config file is relative to the config file's folder, not
/// to the working directory: a config and its model can move together.
fn resolve_config_paths(config: &mut PipelineConfig, config_file: &std::path::Path) {
    let base = config_file.parent().unwrap_or(std::path::Path::new(""));
    for stage in &mut config.stages {
        if let sitrep_pipeline::StageConfig::Tagger(tagger) = stage {
            if let Some(dir) = tagger.model_dir.as_mut().filter(|d| d.is_relative()) {
                *dir = base.join(&*dir);
            }
        }
    }
}

#[derive(clap::Args)]
struct ExtractArgs {
    #[command(flatten)]
    run: RunArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    format: Format,
    /// Write to this file instead of stdout (for gdelt and parquet: this directory, required).
    #[arg(long, value_name = "FILE|DIR")]
    out: Option<PathBuf>,
    /// Batch name of the GDELT files (`NAME.export.CSV`, `NAME.mentions.CSV`, `NAME.gkg.csv`);
    /// a 14-digit YYYYMMDDHHMMSS name also sets GDELT's DATEADDED.
    #[arg(long, value_name = "NAME", default_value = "sitrep")]
    batch: String,
    /// JSON lines also carry `tokens`: text, offsets, lemma, UPOS, head and relation.
    #[arg(long)]
    with_tokens: bool,
    /// Every input line is exactly one sentence (text already split into sentences, e.g.
    /// a treebank's `# text` lines for `--format conllu`).
    #[arg(long)]
    sentence_per_line: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// One schema v1 JSON object per line.
    Jsonl,
    /// A readable report per article.
    Pretty,
    /// GDELT 2.x Event, Mentions and GKG files in the --out directory.
    Gdelt,
    /// Parquet tables (articles, entities, mentions, quotes, events) in the --out directory.
    Parquet,
    /// CoNLL-U: per article `# newdoc id`/`# doc_id`, per sentence `# sent_id` and `# text`,
    /// per token lemma, UPOS, head, relation and `TokenRange=start:end` (byte offsets) in MISC.
    Conllu,
}

/// What `demo` prints (tables need `extract --out DIR`).
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum DemoFormat {
    /// A readable report.
    Pretty,
    /// The schema v1 JSON object.
    Jsonl,
}

#[derive(clap::Args)]
struct TrainArgs {
    /// Directory with en_ewt-ud-{train,dev,test}.conllu and the Universal NER IOB2 files.
    #[arg(long, value_name = "DIR", default_value = "../shared/data/ud")]
    ud_dir: PathBuf,
    /// Write the model here (use it with a config: [[stages]] stage = "tagger",
    /// config = { model_dir = "DIR" }); without it, train and evaluate only.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Also train on the dev split (dev figures are then not held out; test figures are).
    #[arg(long)]
    include_dev: bool,
    /// POS training iterations (default: the tagger's).
    #[arg(long, value_name = "N")]
    pos_iterations: Option<u32>,
    /// NER training iterations (default: the tagger's).
    #[arg(long, value_name = "N")]
    ner_iterations: Option<u32>,
    /// Parser training iterations (default: the parser's).
    #[arg(long, value_name = "N")]
    parser_iterations: Option<u32>,
    /// Parser beam width: 1 (default) trains a greedy parser with the dynamic oracle, K > 1
    /// a beam parser with early update that decodes with K (more accurate, about K times
    /// slower).
    #[arg(long, value_name = "K", value_parser = clap::value_parser!(u32).range(1..=64))]
    parser_beam: Option<u32>,
    /// Train only this model (default: the tagger, then the parser).
    #[arg(long, value_enum)]
    only: Option<Model>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Model {
    Tagger,
    Parser,
}

fn main() -> ExitCode {
    on_ctrl_c();
    let cli = Cli::parse();
    // A server runs for days with bursts of answers: it gives freed memory back (mimalloc's
    // default), so its RSS follows the load instead of keeping the highest burst.
    if !matches!(cli.command, Command::Serve(_)) {
        keep_freed_memory();
    }
    let result = match cli.command {
        Command::Extract(args) => extract(args),
        Command::Demo { format } => demo(format),
        Command::Config => print_config().map(|()| ExitCode::SUCCESS),
        Command::Ingest(args) => store_cmd::ingest(args),
        Command::Query(args) => store_cmd::query(args),
        Command::Train(args) => train(args),
        Command::ParseConllu(args) => syntax_cmd::parse_conllu(args),
        Command::Completions { shell } => {
            use clap::CommandFactory;
            clap_complete::generate(shell, &mut Cli::command(), "sitrep", &mut std::io::stdout());
            Ok(ExitCode::SUCCESS)
        }
        Command::Serve(args) => serve_cmd::serve(args),
        Command::Explain(args) => explain(args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("sitrep: error: {}", describe(&e));
            ExitCode::from(2)
        }
    }
}

/// An error and its causes on one line, each said once: a cause whose text the message so
/// far already contains (SQLite and io errors often repeat their source) is left out.
fn describe(e: &anyhow::Error) -> String {
    let mut out = String::new();
    for cause in e.chain() {
        let text = cause.to_string();
        if out.contains(&text) {
            continue;
        }
        if !out.is_empty() {
            out.push_str(": ");
        }
        out.push_str(&text);
    }
    out
}

/// Where processed records go.
enum Sink {
    Lines(Box<dyn Write>, Format),
    Gdelt(Box<sitrep_export::GdeltWriter>),
    Parquet(Box<sitrep_export::ParquetWriter>),
}

impl Sink {
    fn open(args: &ExtractArgs) -> Result<Sink> {
        let dir = || {
            args.out
                .clone()
                .context("--format gdelt and parquet need --out DIR")
        };
        Ok(match args.format {
            Format::Gdelt => Sink::Gdelt(Box::new(sitrep_export::GdeltWriter::create(
                dir()?,
                &args.batch,
            )?)),
            Format::Parquet => {
                Sink::Parquet(Box::new(sitrep_export::ParquetWriter::create(dir()?)?))
            }
            format => {
                let out: Box<dyn Write> = match &args.out {
                    Some(path) => Box::new(BufWriter::new(
                        std::fs::File::create(path)
                            .with_context(|| format!("cannot create {}", path.display()))?,
                    )),
                    None => Box::new(BufWriter::new(std::io::stdout().lock())),
                };
                Sink::Lines(out, format)
            }
        })
    }

    fn finish(self) -> Result<()> {
        let summary = match self {
            Sink::Lines(mut out, _) => {
                return match out.flush() {
                    Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                        Err(e).context("cannot write the output")
                    }
                    _ => Ok(()),
                }
            }
            Sink::Gdelt(w) => w.finish()?,
            Sink::Parquet(w) => w.finish()?,
        };
        for ((table, rows), file) in summary.rows.iter().zip(&summary.files) {
            eprintln!("sitrep: wrote {} ({rows} {table} rows)", file.display());
        }
        Ok(())
    }
}

/// Writes one processed record as a JSON line or a readable report. Serde makes thousands of
/// small writes per record: give it a `Vec` (as `Rendered::of` does), by its own type (through
/// `dyn Write` each small write is a dynamic call: 70% more time in this function).
fn write_record<W: Write>(
    out: &mut W,
    format: Format,
    with_tokens: bool,
    processed: &Processed,
) -> std::io::Result<()> {
    static CODES: std::sync::OnceLock<sitrep_events::CodeTable> = std::sync::OnceLock::new();
    match format {
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
        Format::Conllu => {
            let mut text = String::new();
            match &processed.record {
                Ok(doc) => sitrep_parser::conllu::write_document(doc, &mut text),
                // A comment only: no sentence block, so CoNLL-U readers are not confused.
                Err(e) => text = format!("# doc_id = {}\n# error = {}\n", e.record_id(), e),
            }
            out.write_all(text.as_bytes())
        }
        _ => {
            let record = match (&processed.record, with_tokens) {
                (Ok(doc), true) => doc.to_record_with_tokens(),
                _ => processed.to_record(),
            };
            serde_json::to_writer(&mut *out, &record)?;
            out.write_all(b"\n")
        }
    }
}

/// One record rendered as output lines on a worker thread.
struct Rendered {
    report: sitrep_pipeline::DocReport,
    /// The record's errors, kept only when there are some (for the progress echo).
    errors: Vec<String>,
    bytes: std::io::Result<Vec<u8>>,
}

impl Rendered {
    fn of(processed: &Processed, format: Format, with_tokens: bool) -> Rendered {
        let mut bytes = Vec::with_capacity(16 << 10);
        let written = write_record(&mut bytes, format, with_tokens, processed);
        Rendered {
            report: processed.report.clone(),
            errors: if processed.report.ok() {
                Vec::new()
            } else {
                processed.errors()
            },
            bytes: written.map(|()| bytes),
        }
    }
}

/// A progress line on stderr when it is a terminal, nothing otherwise: with a percentage and
/// an ETA when the size of the input is known (files and folders; not stdin), counted in
/// article text bytes (a JSONL file's JSON around its texts makes it end a little short of
/// 100% before it finishes).
pub(crate) fn progress_bar(total_bytes: Option<u64>) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let (bar, template) = match total_bytes {
        Some(total) => (
            ProgressBar::new(total),
            "{spinner} {percent:>3}% {msg} [{elapsed}, ETA {eta}]",
        ),
        None => (
            ProgressBar::new_spinner(),
            "{spinner} {pos} articles {msg} [{elapsed}]",
        ),
    };
    let style =
        ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_spinner());
    bar.set_style(style);
    bar
}

/// The bytes of the article files the inputs name (None when one is stdin).
/// Set by Ctrl-C: the run stops after the record in hand, keeps what it wrote and says so.
/// A second Ctrl-C ends the process at once.
pub(crate) static INTERRUPTED: std::sync::atomic::AtomicBool =
    std::sync::atomic::AtomicBool::new(false);

fn on_ctrl_c() {
    use std::sync::atomic::Ordering;
    let _ = ctrlc::set_handler(|| {
        if INTERRUPTED.swap(true, Ordering::SeqCst) {
            std::process::exit(130);
        }
    });
}

pub(crate) fn interrupted() -> bool {
    INTERRUPTED.load(std::sync::atomic::Ordering::SeqCst)
}

/// Echoes the first record errors on stderr and keeps the progress line current.
pub(crate) struct Progress {
    bar: ProgressBar,
    shown: usize,
    sized: bool,
    articles: u64,
}

/// How many record errors are echoed on stderr before the rest are only counted.
const MAX_ERRORS_SHOWN: usize = 20;

impl Progress {
    /// Surveys the inputs (their size, for the bar) and says which files in the named folders
    /// will be passed over: a folder that mixes articles with other files is not half-read in
    /// silence.
    pub(crate) fn new(inputs: &[String]) -> Progress {
        let inputs: Vec<Input> = inputs.iter().map(|a| Input::parse(a)).collect();
        let survey = sitrep_ingest::survey(&inputs);
        if survey.skipped > 0 {
            let more = if survey.skipped > survey.skipped_examples.len() {
                ", ..."
            } else {
                ""
            };
            eprintln!(
                "sitrep: note: passing over {} file(s) in the folders that are not article files by \
                 name: {}{more} (name a file to read it whatever its extension)",
                survey.skipped,
                survey.skipped_examples.join(", ")
            );
        }
        let total = survey.bytes;
        Progress {
            bar: progress_bar(total),
            shown: 0,
            sized: total.is_some(),
            articles: 0,
        }
    }

    pub(crate) fn record(
        &mut self,
        report: &sitrep_pipeline::DocReport,
        errors: impl FnOnce() -> Vec<String>,
        summary: impl FnOnce() -> sitrep_pipeline::Summary,
    ) {
        if !report.ok() && self.shown < MAX_ERRORS_SHOWN {
            self.shown += 1;
            let errors = errors().join("; ");
            // A read error names its file and line itself; a stage error needs the id.
            if report.read_ok {
                self.bar
                    .suspend(|| eprintln!("sitrep: {}: {errors}", report.id));
            } else {
                self.bar.suspend(|| eprintln!("sitrep: {errors}"));
            }
        }
        self.articles += 1;
        if self.sized || self.articles.is_multiple_of(64) {
            let s = summary();
            if self.sized {
                self.bar.set_position(s.bytes);
            } else {
                self.bar.set_position(self.articles);
            }
            if self.articles.is_multiple_of(64) {
                self.bar.set_message(format!(
                    "{} articles, {:.1} MB, {:.2} MB/s",
                    self.articles,
                    s.bytes as f64 / 1e6,
                    s.mb_per_s()
                ));
            }
        }
    }

    /// Clears the progress line and prints the summary; the exit code follows from it.
    pub(crate) fn finish(self, summary: &sitrep_pipeline::Summary) -> ExitCode {
        self.bar.finish_and_clear();
        let with_errors = summary.records_with_errors() as usize;
        if with_errors > self.shown {
            eprintln!(
                "sitrep: ... {} more records with errors",
                with_errors - self.shown
            );
        }
        eprintln!("sitrep: {summary}");
        if with_errors > 0 {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        }
    }
}

fn extract(args: ExtractArgs) -> Result<ExitCode> {
    // The parse is shown only by CoNLL-U and `--with-tokens`: only they add the parser.
    let extra: &[&str] = if args.format == Format::Conllu || args.with_tokens {
        &["parser"]
    } else {
        &[]
    };
    let sentence_per_line = args.sentence_per_line;
    let shows_parse = !extra.is_empty();
    let pipeline = args.run.pipeline_with(extra, |stage| match stage {
        sitrep_pipeline::StageConfig::Segment(config) => {
            config.sentence_per_line |= sentence_per_line;
        }
        // A shown parse covers every sentence, whatever a config's rule says.
        sitrep_pipeline::StageConfig::Parser(config) if shows_parse => {
            config.sentences = sitrep_parser::Sentences::All;
        }
        _ => {}
    })?;
    let mut sink = Sink::open(&args)?;
    let mut progress = Progress::new(&args.run.inputs);
    let mut write_error: Option<anyhow::Error> = None;
    // Records are written on this thread while the next chunk is processed.
    let summary = match &mut sink {
        Sink::Lines(out, format) => {
            let format = *format;
            // Lines are rendered on the worker that processed the article (in parallel, and
            // the document is freed where it was made); here they are only written, in order.
            pipeline.run_each_mapped(
                args.run.records(),
                args.run.options(),
                |processed| Rendered::of(&processed, format, args.with_tokens),
                |rendered, totals| {
                    let written = rendered.bytes.and_then(|bytes| out.write_all(&bytes));
                    if let Err(e) = written {
                        write_error = Some(e.into());
                        return Flow::Stop;
                    }
                    progress.record(&rendered.report, || rendered.errors, || totals.clone());
                    if interrupted() {
                        return Flow::Stop;
                    }
                    Flow::Continue
                },
            )?
        }
        Sink::Gdelt(w) => write_rows(
            &pipeline,
            &args.run,
            &mut progress,
            &mut write_error,
            |doc| Ok(w.write(doc)?),
        )?,
        Sink::Parquet(w) => write_rows(
            &pipeline,
            &args.run,
            &mut progress,
            &mut write_error,
            |doc| Ok(w.write(doc)?),
        )?,
    };
    if let Some(e) = write_error {
        let broken_pipe = e
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe);
        if broken_pipe {
            return Ok(ExitCode::SUCCESS);
        }
        return Err(e).context("cannot write the output");
    }
    sink.finish()?;
    if interrupted() {
        let kept = match &args.out {
            Some(out) => format!("written to {}", out.display()),
            None => "written to stdout".to_string(),
        };
        eprintln!(
            "sitrep: interrupted: the {} articles before the interruption are complete and {kept}; \
             the rest of the input was not read",
            summary.articles
        );
        let _ = progress.finish(&summary);
        return Ok(ExitCode::from(130));
    }
    Ok(progress.finish(&summary))
}

/// Runs the batch into a table output, one `write` per document read. An unreadable record has
/// no row; it is reported on stderr and counted in the summary like every failed record. The
/// first write error stops the run and is left in `write_error`.
fn write_rows(
    pipeline: &Pipeline,
    run: &RunArgs,
    progress: &mut Progress,
    write_error: &mut Option<anyhow::Error>,
    mut write: impl FnMut(&sitrep_doc::Document) -> Result<()>,
) -> Result<sitrep_pipeline::Summary> {
    Ok(
        pipeline.run_each(run.records(), run.options(), |processed, totals| {
            if let Ok(doc) = &processed.record {
                if let Err(e) = write(doc) {
                    *write_error = Some(e);
                    return Flow::Stop;
                }
            }
            progress.record(&processed.report, || processed.errors(), || totals.clone());
            if interrupted() {
                return Flow::Stop;
            }
            Flow::Continue
        })?,
    )
}

fn demo(format: DemoFormat) -> Result<ExitCode> {
    let format = match format {
        DemoFormat::Pretty => Format::Pretty,
        DemoFormat::Jsonl => Format::Jsonl,
    };
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
    let written = (|| -> std::io::Result<()> {
        let mut out = std::io::stdout().lock();
        if format == Format::Pretty {
            let stages = pipeline.stage_names().join(" → ");
            writeln!(
                out,
                "sitrep demo: the standard pipeline ({stages}) on a built-in invented article.\n"
            )?;
        }
        write_record(&mut out, format, false, &processed)?;
        out.flush()
    })();
    match written {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(ExitCode::SUCCESS),
        other => other.context("cannot write the output")?,
    }
    Ok(if processed.report.ok() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn explain(args: ExplainArgs) -> Result<ExitCode> {
    let pipeline = args.run.pipeline()?;
    let events = sitrep_events::EventsConfig::default()
        .build()
        .context("cannot build the events stage")?;
    let mut failed = false;
    let mut out = std::io::stdout().lock();
    let batch = pipeline.run_batch(
        args.run.records(),
        RunOptions {
            threads: Some(1),
            ..RunOptions::default()
        },
    )?;
    for processed in batch {
        let written = match &processed.record {
            Ok(doc) => writeln!(out, "== {}", doc.meta.id)
                .and_then(|()| out.write_all(events.explain(doc).as_bytes())),
            Err(e) => {
                failed = true;
                eprintln!("sitrep explain: {e}");
                Ok(())
            }
        };
        match written {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(ExitCode::SUCCESS),
            other => other.context("cannot write the output")?,
        }
    }
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn print_config() -> Result<()> {
    print!("{}", PipelineConfig::default().to_toml()?);
    Ok(())
}

fn train(args: TrainArgs) -> Result<ExitCode> {
    if args.only != Some(Model::Parser) {
        train_tagger(&args)?;
    }
    if args.only != Some(Model::Tagger) {
        let defaults = sitrep_parser::TrainOptions::default();
        let options = sitrep_parser::TrainOptions {
            ud_dir: args.ud_dir.clone(),
            out_dir: args.out.clone(),
            include_dev: args.include_dev,
            iterations: args.parser_iterations.unwrap_or(defaults.iterations),
            beam: args.parser_beam.map_or(defaults.beam, |k| k as usize),
            ..defaults
        };
        let (_, report) = sitrep_parser::train(&options).context("parser training failed")?;
        print!("{report}");
        if let Some(dir) = &options.out_dir {
            println!("parser model written to {}", dir.display());
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn train_tagger(args: &TrainArgs) -> Result<()> {
    let defaults = sitrep_tagger::TrainOptions::default();
    let options = sitrep_tagger::TrainOptions {
        ud_dir: args.ud_dir.clone(),
        out_dir: args.out.clone(),
        include_dev: args.include_dev,
        pos_iterations: args.pos_iterations.unwrap_or(defaults.pos_iterations),
        ner_iterations: args.ner_iterations.unwrap_or(defaults.ner_iterations),
        ..defaults
    };
    let report = sitrep_tagger::train(&options).context("training failed")?;
    print!("{report}");
    if let Some(dir) = &options.out_dir {
        println!("model written to {}", dir.display());
    }
    Ok(())
}

#[cfg(test)]
mod allocator_tests {
    use super::*;

    #[test]
    fn the_purge_delay_option_is_the_one_we_set() {
        // SAFETY: reading and setting options are plain loads and stores in mimalloc's table.
        let before = unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) };
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
            assert!(
                [10, 1000, -1].contains(&before),
                "option {MI_OPTION_PURGE_DELAY} is not the purge delay (default 10 or 1000): {before}"
            );
        }
        keep_freed_memory();
        assert_eq!(
            unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) },
            -1
        );
    }
}
