//! `sitrep ingest` and `sitrep query`: the SQLite store (sitrep-store) from the command line.

use crate::{interrupted, Progress, RunArgs};
use anyhow::{Context, Result};
use clap::{Args, Subcommand};
use sitrep_pipeline::Flow;
use sitrep_store::{
    ArticleQuery, DyadQuery, HappeningsQuery, NetworkQuery, QueryCommand, SpeakerQuery, Store,
    WordsQuery,
};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub struct IngestArgs {
    #[command(flatten)]
    run: RunArgs,
    /// The store file (created if missing).
    #[arg(long, value_name = "FILE")]
    db: PathBuf,
    /// Replace a stored article when an input gives its id to a different text (without
    /// it, such id conflicts are reported and the stored article stays).
    #[arg(long)]
    replace: bool,
}

/// Documents are written to the store this many at a time (one transaction each).
const STORE_CHUNK: usize = 256;

pub fn ingest(args: IngestArgs) -> Result<ExitCode> {
    let pipeline = args.run.pipeline()?;
    let mut store = Store::open(&args.db)?;
    store.set_replace(args.replace);
    let mut progress = Progress::new(&args.run.inputs);
    let mut pending = Vec::with_capacity(STORE_CHUNK);
    let (mut inserted, mut replaced, mut unchanged, mut rejected) = (0, 0, 0, Vec::new());
    let mut conflicts = Vec::new();
    let mut flush = |docs: &mut Vec<sitrep_doc::Document>| -> Result<()> {
        let report = store
            .ingest_deferred(docs.iter())
            .context("cannot write to the store")?;
        inserted += report.inserted;
        replaced += report.replaced;
        unchanged += report.unchanged;
        rejected.extend(report.rejected);
        conflicts.extend(report.conflicts);
        docs.clear();
        Ok(())
    };
    let mut store_error = None;
    // Articles are stored on this thread while the next chunk is processed.
    let summary = pipeline.run_each(
        args.run.records(),
        args.run.options(),
        |processed, totals| {
            progress.record(&processed.report, || processed.errors(), || totals.clone());
            if let Ok(doc) = processed.record {
                pending.push(doc);
                if pending.len() == STORE_CHUNK {
                    if let Err(e) = flush(&mut pending) {
                        store_error = Some(e);
                        return Flow::Stop;
                    }
                }
            }
            if interrupted() {
                return Flow::Stop;
            }
            Flow::Continue
        },
    )?;
    if let Some(e) = store_error {
        return Err(e);
    }
    flush(&mut pending)?;
    // Once for the whole run: see Store::ingest_deferred.
    store
        .regroup_pending()
        .context("cannot regroup the happenings")?;
    for (id, why) in &rejected {
        eprintln!("sitrep: {id}: refused by the store: {why}");
    }
    for id in &conflicts {
        eprintln!(
            "sitrep: {id}: id already stored with a different text; kept the stored article \
             (use --replace to replace it)"
        );
    }
    eprintln!(
        "sitrep: store {}: {inserted} inserted, {replaced} replaced, {unchanged} unchanged, \
         {} id conflicts, {} refused",
        args.db.display(),
        conflicts.len(),
        rejected.len()
    );
    if interrupted() {
        eprintln!(
            "sitrep: interrupted: every article counted above is stored and committed in {}; \
             rerun the same command to go on (stored articles are skipped)",
            args.db.display()
        );
        let _ = progress.finish(&summary);
        return Ok(ExitCode::from(130));
    }
    let code = progress.finish(&summary);
    Ok(if rejected.is_empty() && conflicts.is_empty() {
        code
    } else {
        ExitCode::from(1)
    })
}

/// `--db` and `--format` may come before or after the query's name
/// (`sitrep query --db x stats`, `sitrep query stats --db x --format csv`).
#[derive(Args)]
pub struct QueryArgs {
    /// The store file written by `sitrep ingest` (required).
    #[arg(long, value_name = "FILE", global = true)]
    db: Option<PathBuf>,
    /// Output: text (aligned columns), json or csv.
    #[arg(long, default_value = "text", value_parser = parse_format, global = true)]
    format: sitrep_store::Format,
    #[command(subcommand)]
    query: Query,
}

fn parse_format(s: &str) -> Result<sitrep_store::Format, String> {
    s.parse()
}

#[derive(Args)]
struct Period {
    /// First day (YYYY-MM-DD).
    #[arg(long)]
    from: Option<chrono::NaiveDate>,
    /// Last day (YYYY-MM-DD).
    #[arg(long)]
    to: Option<chrono::NaiveDate>,
}

#[derive(Subcommand)]
enum Query {
    /// Corpus counts.
    Stats,
    /// One article with all its annotations.
    Article { id: String },
    /// Quotes by a speaker (matched fuzzily on names).
    Speaker {
        speaker: String,
        #[arg(long, default_value_t = 20)]
        limit: usize,
    },
    /// Quotes containing words (SQLite FTS5 syntax: words, "a phrase", OR, NOT, prefix*).
    Words {
        query: String,
        #[arg(long, default_value_t = 20)]
        limit: usize,
    },
    /// Daily event counts from actor A to actor B (CAMEO codes).
    Dyad {
        a: String,
        b: String,
        /// Count B→A too.
        #[arg(long)]
        both_directions: bool,
        /// Leave out events that are only someone's claim (inside a quote).
        #[arg(long)]
        asserted_only: bool,
        /// One row per day from --from (else the first day with events) to --to, zeros included.
        #[arg(long)]
        fill_days: bool,
        #[command(flatten)]
        period: Period,
    },
    /// An actor's counterparts with event counts and mean Goldstein.
    Network {
        actor: String,
        /// Group counterparts by CAMEO code instead of by entity.
        #[arg(long)]
        by_code: bool,
        #[arg(long, default_value_t = 20)]
        limit: usize,
        #[command(flatten)]
        period: Period,
    },
    /// Real-world happenings (events grouped across articles).
    Happenings {
        /// Source actor code or `*` pattern.
        #[arg(long, default_value = "")]
        a: String,
        /// Target actor code or `*` pattern.
        #[arg(long, default_value = "")]
        b: String,
        #[arg(long)]
        both_directions: bool,
        /// Only happenings reported by at least this many articles.
        #[arg(long, default_value_t = 1)]
        min_articles: u32,
        #[arg(long, default_value_t = 20)]
        limit: usize,
        #[command(flatten)]
        period: Period,
    },
}

impl Query {
    fn command(self) -> QueryCommand {
        match self {
            Query::Stats => QueryCommand::Stats,
            Query::Article { id } => QueryCommand::Article(ArticleQuery { id }),
            Query::Speaker { speaker, limit } => {
                QueryCommand::QuotesBySpeaker(SpeakerQuery { speaker, limit })
            }
            Query::Words { query, limit } => {
                QueryCommand::QuotesByWords(WordsQuery { query, limit })
            }
            Query::Dyad {
                a,
                b,
                both_directions,
                asserted_only,
                fill_days,
                period,
            } => QueryCommand::Dyad(DyadQuery {
                a,
                b,
                both_directions,
                asserted_only,
                fill_days,
                from: period.from,
                to: period.to,
            }),
            Query::Network {
                actor,
                by_code,
                limit,
                period,
            } => QueryCommand::Network(NetworkQuery {
                actor,
                by_code,
                limit,
                from: period.from,
                to: period.to,
            }),
            Query::Happenings {
                a,
                b,
                both_directions,
                min_articles,
                limit,
                period,
            } => QueryCommand::Happenings(HappeningsQuery {
                a,
                b,
                both_directions,
                min_articles,
                limit,
                from: period.from,
                to: period.to,
            }),
        }
    }
}

pub fn query(args: QueryArgs) -> Result<ExitCode> {
    let Some(db) = &args.db else {
        anyhow::bail!("query needs --db FILE (the store written by `sitrep ingest`)");
    };
    let store = Store::open_read_only(db)?;
    let table = store.query(&args.query.command())?;
    print!("{}", table.render(args.format));
    Ok(ExitCode::SUCCESS)
}
