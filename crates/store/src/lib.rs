//! The sitrep embedded store: a processed corpus in one SQLite file, queryable on one
//! machine with no server.
//!
//! [`Store::ingest`] writes processed [`sitrep_doc::Document`]s (or schema-v1
//! [`sitrep_doc::output::ArticleRecord`]s with their text) into tables of articles, cross-article entities,
//! mentions, quotes (with an FTS5 index over quote text and speaker), event mentions and
//! happenings (one row per real-world event across articles, grouped by `sitrep-happenings`).
//! Queries ([`QueryCommand`], [`run`]) return a typed [`Table`] that renders as a terminal
//! table, JSON or CSV.
//!
//! Key decisions: ingest is **idempotent and transactional**. An article is identified by its
//! id and a hash of its text and annotations: the same article again is skipped, the same id
//! with another hash (new text, or a better pipeline) replaces the old rows. Articles are
//! committed in batches (WAL mode), so a killed ingest loses nothing already committed and a
//! rerun resumes by skipping what is there. Happenings are regrouped at the end of each
//! ingest call, only for the (CAMEO root, actor pair) classes it touched, so they are the
//! grouping of the whole stored corpus (classes touched by a killed ingest stay marked in the
//! store and are regrouped when it is next opened for writing).
//!
//! ```
//! use sitrep_doc::{Document, Meta};
//! use sitrep_store::{Format, QueryCommand, Store, WordsQuery};
//!
//! let mut store = Store::open_in_memory()?; // Store::open("corpus.sitrep") for a file
//! let doc = Document::new(Meta { id: "a1".into(), ..Meta::default() }, "Talks began.".into())?;
//! assert_eq!(store.ingest([&doc])?.inserted, 1);
//! assert_eq!(store.ingest([&doc])?.unchanged, 1); // idempotent
//! let table = store.query(&QueryCommand::QuotesByWords(WordsQuery { query: "talks".into(), limit: 10 }))?;
//! assert!(table.rows.is_empty()); // no quote layer on this document
//! print!("{}", store.query(&QueryCommand::Stats)?.render(Format::Csv));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Tables (see `schema.rs`): `articles` (id, date, title, url, source, hash, tone, the text
//! and the part of the schema-v1 record no other table holds, both compressed), `entities` (one row per entity key across articles) and
//! `entity_names` (every spelling seen), `mentions`, `quotes` with `quotes_fts` (FTS5 over
//! quote text and speaker), `events` (one row per event mention, linked to its happening),
//! `happenings`, and `dirty_classes` (happening classes waiting to be regrouped).
//!
//! This crate must never edit article text, never keep a row that its article's current
//! record does not produce, and never run SQL built by pasting user input (all values are
//! bound parameters).

mod error;
mod fuzzy;
mod happenings;
mod hash;
mod ingest;
mod query;
mod record;
mod schema;
mod sqlar;
mod table;

pub use error::StoreError;
pub use ingest::{Article, IngestReport};
pub use query::{
    run, ArticleQuery, DyadQuery, HappeningsQuery, NetworkQuery, QueryCommand, SpeakerQuery,
    WordsQuery,
};
pub use schema::SCHEMA_VERSION;
pub use table::{Format, Table, Value};

use error::Ctx;
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

/// Articles per committed transaction unless [`Store::set_batch_size`] says otherwise.
pub const DEFAULT_BATCH_SIZE: usize = 256;

/// An open corpus store (one SQLite file plus its `-wal` and `-shm` companions).
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    batch_size: usize,
    grouper: sitrep_happenings::Grouper,
    /// Whether an article whose id is stored with another text replaces it (else it is a
    /// conflict, reported and not written).
    replace: bool,
}

impl Store {
    /// Opens the store at `path`, creating it (and its tables) if it does not exist.
    pub fn open(path: impl AsRef<Path>) -> Result<Store, StoreError> {
        let path = path.as_ref();
        let conn =
            Connection::open(path).map_err(|e| StoreError::open(path.display().to_string(), e))?;
        Store::init(conn, Some(path.to_path_buf()))
    }

    /// Opens an existing store for queries only.
    pub fn open_read_only(path: impl AsRef<Path>) -> Result<Store, StoreError> {
        let path = path.as_ref();
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI;
        let conn = Connection::open_with_flags(path, flags)
            .map_err(|e| StoreError::open(path.display().to_string(), e))?;
        conn.busy_timeout(std::time::Duration::from_secs(10))
            .ctx("set busy timeout")?;
        conn.execute_batch(schema::READ_PRAGMAS)
            .ctx("set pragmas")?;
        sqlar::register(&conn)?;
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .ctx("read schema version")?;
        if version != schema::SCHEMA_VERSION {
            return Err(StoreError::SchemaVersion {
                path: path.display().to_string(),
                found: version,
                expected: schema::SCHEMA_VERSION,
            });
        }
        Ok(Store {
            conn,
            path: Some(path.to_path_buf()),
            batch_size: DEFAULT_BATCH_SIZE,
            grouper: sitrep_happenings::Grouper::default(),
            replace: false,
        })
    }

    /// A store in memory (tests, one-shot pipelines).
    pub fn open_in_memory() -> Result<Store, StoreError> {
        let conn = Connection::open_in_memory().map_err(|e| StoreError::open(":memory:", e))?;
        Store::init(conn, None)
    }

    fn init(conn: Connection, path: Option<PathBuf>) -> Result<Store, StoreError> {
        let shown = path
            .as_ref()
            .map_or(":memory:".to_string(), |p| p.display().to_string());
        conn.busy_timeout(std::time::Duration::from_secs(10))
            .ctx("set busy timeout")?;
        conn.execute_batch(schema::PRAGMAS).ctx("set pragmas")?;
        sqlar::register(&conn)?;
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .ctx("read schema version")?;
        match version {
            0 => {
                // A new file: create everything in one transaction, then stamp the version.
                // Checked again under the write lock: another process may have just done it.
                conn.execute_batch("BEGIN IMMEDIATE")
                    .ctx("begin create tables")?;
                let again: i64 = conn
                    .query_row("PRAGMA user_version", [], |r| r.get(0))
                    .ctx("read schema version")?;
                let script = format!(
                    "{}PRAGMA user_version = {};",
                    schema::TABLES,
                    schema::SCHEMA_VERSION
                );
                let created = if again == 0 {
                    conn.execute_batch(&script)
                } else {
                    Ok(())
                };
                match created {
                    Ok(()) => conn.execute_batch("COMMIT").ctx("commit create tables")?,
                    Err(e) => {
                        let _ = conn.execute_batch("ROLLBACK"); // the create error is the one to report
                        return Err(StoreError::Sqlite {
                            context: "create tables",
                            source: e,
                        });
                    }
                }
            }
            v if v == schema::SCHEMA_VERSION => {}
            found => {
                return Err(StoreError::SchemaVersion {
                    path: shown,
                    found,
                    expected: schema::SCHEMA_VERSION,
                })
            }
        }
        let mut store = Store {
            conn,
            path,
            batch_size: DEFAULT_BATCH_SIZE,
            grouper: sitrep_happenings::Grouper::default(),
            replace: false,
        };
        // An ingest killed after its last commit but before regrouping left work marked.
        let dirty: bool = store
            .conn
            .query_row("SELECT EXISTS (SELECT 1 FROM dirty_classes)", [], |r| {
                r.get(0)
            })
            .ctx("dirty check")?;
        if dirty {
            happenings::regroup_dirty(&mut store.conn, &store.grouper)?;
        }
        Ok(store)
    }

    /// Articles per committed transaction (at least 1). Smaller batches lose less work to a
    /// crash; larger ones ingest faster.
    pub fn set_batch_size(&mut self, n: usize) {
        self.batch_size = n.max(1);
    }

    /// Whether an article whose id is already stored with a *different text* replaces the
    /// stored one. Off by default: two inputs that give one id to different articles are
    /// reported as [`IngestReport::conflicts`] and the stored article stays. (The same text
    /// with changed annotations, from a newer pipeline, is always replaced.)
    pub fn set_replace(&mut self, replace: bool) {
        self.replace = replace;
    }

    /// Replaces the happening grouping rule (window, symmetric codes). Already stored
    /// happenings keep the old rule until [`Store::regroup_all`] runs.
    pub fn set_happenings_config(
        &mut self,
        config: &sitrep_happenings::HappeningsConfig,
    ) -> Result<(), StoreError> {
        self.grouper = config.build()?;
        Ok(())
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The underlying connection, for ad-hoc SQL over the documented tables.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// Ingests processed documents (`&[Document]`, `Vec<Document>`, an iterator of owned
    /// documents from a pipeline ...) or `(ArticleRecord, text)` pairs; see [`Article`] and
    /// [`IngestReport`] for what happens to each. Pass a whole stream in one call: batches
    /// are committed as they fill, and happenings are regrouped once at the end.
    pub fn ingest<A: Article>(
        &mut self,
        items: impl IntoIterator<Item = A>,
    ) -> Result<IngestReport, StoreError> {
        ingest::ingest(
            &mut self.conn,
            &self.grouper,
            self.batch_size,
            self.replace,
            true,
            items,
        )
    }

    /// Like [`Store::ingest`] but leaves the happenings of the touched classes marked for
    /// regrouping: for a caller that writes one stream in many calls (the CLI stores each
    /// chunk as the pipeline delivers it). Regrouping re-reads every stored mention of a
    /// touched class, so doing it per chunk made a long ingest slow down as the store grew;
    /// call [`Store::regroup_pending`] once at the end (a crash before that is finished by
    /// the next [`Store::open`]).
    pub fn ingest_deferred<A: Article>(
        &mut self,
        items: impl IntoIterator<Item = A>,
    ) -> Result<IngestReport, StoreError> {
        ingest::ingest(
            &mut self.conn,
            &self.grouper,
            self.batch_size,
            self.replace,
            false,
            items,
        )
    }

    /// Regroups the happenings of every class marked by [`Store::ingest_deferred`] (or left
    /// over by a killed ingest); returns how many classes there were.
    pub fn regroup_pending(&mut self) -> Result<usize, StoreError> {
        happenings::regroup_dirty(&mut self.conn, &self.grouper)
    }

    /// Whether an article with this id is stored (to skip processing it again on a resume).
    pub fn has_article(&self, id: &str) -> Result<bool, StoreError> {
        let mut st = self
            .conn
            .prepare_cached("SELECT 1 FROM articles WHERE id = ?1")
            .ctx("look up article")?;
        st.exists([id]).ctx("look up article")
    }

    /// Number of stored articles.
    pub fn article_count(&self) -> Result<u64, StoreError> {
        self.conn
            .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))
            .ctx("count articles")
    }

    /// Tidies up after a large ingest: merges the FTS index segments, refreshes SQLite's
    /// query statistics and folds the WAL back into the main file (truncating it). Safe to
    /// skip; queries are correct either way.
    pub fn optimize(&self) -> Result<(), StoreError> {
        self.conn
            .execute("INSERT INTO quotes_fts(quotes_fts) VALUES ('optimize')", [])
            .ctx("optimize quote index")?;
        self.conn
            .execute_batch("PRAGMA optimize;")
            .ctx("optimize")?;
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .ctx("checkpoint")?;
        Ok(())
    }

    /// Recomputes every happening from the stored event mentions (after a rule change).
    pub fn regroup_all(&mut self) -> Result<usize, StoreError> {
        happenings::regroup_all(&mut self.conn, &self.grouper)
    }

    /// SQLite's `PRAGMA integrity_check` plus (when writable) the FTS index's own check;
    /// `Ok("ok")` when sound, else the problems found.
    pub fn integrity_check(&self) -> Result<String, StoreError> {
        let mut st = self
            .conn
            .prepare("PRAGMA integrity_check")
            .ctx("integrity check")?;
        let lines: Vec<String> = st
            .query_map([], |r| r.get(0))
            .ctx("integrity check")?
            .collect::<Result<_, _>>()
            .ctx("integrity check")?;
        let result = lines.join("\n");
        // The FTS check is written as an INSERT: a read-only connection cannot run it.
        if result != "ok"
            || self
                .conn
                .is_readonly(rusqlite::MAIN_DB)
                .ctx("read-only check")?
        {
            return Ok(result);
        }
        if let Err(e) = self.conn.execute(
            "INSERT INTO quotes_fts(quotes_fts, rank) VALUES ('integrity-check', 1)",
            [],
        ) {
            return Ok(format!("quotes_fts: {e}"));
        }
        Ok(result)
    }

    /// Runs one query (the same as [`run`]).
    pub fn query(&self, command: &QueryCommand) -> Result<Table, StoreError> {
        run(self, command)
    }
}
