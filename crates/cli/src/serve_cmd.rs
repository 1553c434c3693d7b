//! `sitrep serve`: the read-only API and web UI (sitrep-server) over a store, or over a
//! temporary store built from the built-in example article (`--demo`).

use crate::{DEMO_ARTICLE, DEMO_ID};
use anyhow::{bail, Context, Result};
use clap::Args;
use sitrep_pipeline::{Pipeline, RunOptions};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Args)]
pub struct ServeArgs {
    /// The store file written by `sitrep ingest` (opened read-only).
    #[arg(
        long,
        value_name = "FILE",
        required_unless_present = "demo",
        conflicts_with = "demo"
    )]
    db: Option<PathBuf>,
    /// Serve a temporary store built from the built-in example article (deleted on exit).
    #[arg(long)]
    demo: bool,
    /// Address to listen on. The default is loopback only; give another address (e.g.
    /// 0.0.0.0:8080) to expose the server to the network.
    #[arg(long, value_name = "IP:PORT", default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// Queries that may run at once (read-only SQLite connections).
    #[arg(long, value_name = "N", default_value_t = 4, value_parser = clap::value_parser!(u32).range(1..=64))]
    connections: u32,
    /// A query running longer than this many milliseconds is stopped (HTTP 503).
    #[arg(long, value_name = "MS", default_value_t = 5000, value_parser = clap::value_parser!(u64).range(10..=600_000))]
    query_ms: u64,
    /// SQLite page cache of each connection, in MiB (the server's memory is about
    /// connections × this, plus the answers in flight).
    #[arg(long, value_name = "MIB", default_value_t = 8, value_parser = clap::value_parser!(u32).range(1..=1024))]
    cache_mib: u32,
    /// MiB of the store each connection may memory-map (0: read through the page cache).
    #[arg(long, value_name = "MIB", default_value_t = 0, value_parser = clap::value_parser!(u64).range(0..=65536))]
    mmap_mib: u64,
}

pub fn serve(args: ServeArgs) -> Result<ExitCode> {
    let demo = if args.demo {
        Some(DemoStore::build()?)
    } else {
        None
    };
    let db = match (&demo, &args.db) {
        (Some(d), _) => d.path.clone(),
        (None, Some(db)) => db.clone(),
        (None, None) => bail!("give --db FILE or --demo"),
    };
    if !db.is_file() {
        bail!(
            "no store at {} (build one with `sitrep ingest --db {} FILES`)",
            db.display(),
            db.display()
        );
    }
    let limits = sitrep_server::Limits {
        connections: args.connections as usize,
        query_time: std::time::Duration::from_millis(args.query_ms),
        cache_kib: args.cache_mib * 1024,
        mmap_bytes: args.mmap_mib << 20,
    };
    let app = sitrep_server::app(&db, limits)
        .with_context(|| format!("cannot serve the store {}", db.display()))?;
    sitrep_server::serve(app, args.addr, |addr| {
        eprintln!("sitrep: serving {} at http://{addr}/ (API: http://{addr}/api/openapi.json); Ctrl-C stops", db.display());
        if !addr.ip().is_loopback() {
            eprintln!("sitrep: warning: listening on {addr}, reachable from other machines");
        }
    })?;
    drop(demo);
    Ok(ExitCode::SUCCESS)
}

/// A store in the temporary directory holding the processed example article.
struct DemoStore {
    path: PathBuf,
}

impl DemoStore {
    fn build() -> Result<DemoStore> {
        let path = std::env::temp_dir().join(format!("sitrep-demo-{}.sitrep", std::process::id()));
        remove_store(&path);
        let pipeline = Pipeline::standard().context("cannot build the standard pipeline")?;
        let record = sitrep_ingest::text_document(
            DEMO_ID,
            DEMO_ARTICLE.as_bytes().to_vec(),
            sitrep_ingest::DEFAULT_MAX_BYTES,
        );
        let options = RunOptions {
            threads: Some(1),
            ..RunOptions::default()
        };
        let docs: Vec<_> = pipeline
            .run_batch(std::iter::once(record), options)?
            .filter_map(|p| p.record.ok())
            .collect();
        let demo = DemoStore { path };
        let mut store = sitrep_store::Store::open(&demo.path)
            .with_context(|| format!("cannot create {}", demo.path.display()))?;
        let report = store
            .ingest(docs.iter())
            .context("cannot write the demo store")?;
        if report.inserted == 0 {
            bail!("the example article was not stored: {:?}", report.rejected);
        }
        store.optimize().context("cannot tidy the demo store")?;
        eprintln!(
            "sitrep: demo store with the built-in example article at {}",
            demo.path.display()
        );
        Ok(demo)
    }
}

impl Drop for DemoStore {
    fn drop(&mut self) {
        remove_store(&self.path);
    }
}

/// Removes a store file and its WAL companions (missing files are fine).
fn remove_store(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
}
