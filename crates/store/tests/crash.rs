//! A killed ingest loses nothing committed and a rerun completes it without duplicates.
//!
//! The test re-runs its own test binary as a child, filtered to this same test with
//! `SITREP_STORE_CRASH_CHILD` naming a store (which makes it the child: it only ingests),
//! lets it commit some batches, kills it with SIGKILL (`Child::kill`) mid-ingest, then
//! checks and resumes the store in-process. There is no separate child test that would pass
//! as a no-op in a normal run.

mod common;

use sitrep_store::Store;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const N: usize = 3000;
const BATCH: usize = 20;
const CHILD_ENV: &str = "SITREP_STORE_CRASH_CHILD";

const TEST_NAME: &str = "killed_ingest_resumes_without_loss_or_duplicates";

/// The child's work: ingest the generated corpus batch by batch until killed.
fn crash_child(path: &str) {
    let docs = common::synthetic(N);
    let mut store = Store::open(path).unwrap();
    store.set_batch_size(BATCH);
    for chunk in docs.chunks(BATCH * 2) {
        store.ingest(chunk).unwrap();
        // Slow enough that the parent reliably kills it mid-way, even on a fast machine.
        std::thread::sleep(Duration::from_millis(3));
    }
}

fn committed(path: &std::path::Path) -> usize {
    // A plain reader: WAL lets it see the child's commits while the child writes.
    match Store::open_read_only(path) {
        Ok(s) => s.article_count().map_or(0, |n| n as usize),
        Err(_) => 0,
    }
}

fn scalar(store: &Store, sql: &str) -> i64 {
    store.connection().query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn killed_ingest_resumes_without_loss_or_duplicates() {
    if let Ok(path) = std::env::var(CHILD_ENV) {
        crash_child(&path);
        return;
    }
    let dir = std::env::temp_dir().join(format!("sitrep-store-crash-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("corpus.sitrep");
    // The child creates the file; the parent must not race it creating tables.
    Store::open(&path).unwrap();

    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", TEST_NAME, "--nocapture", "--test-threads", "1"])
        .env(CHILD_ENV, &path)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    let seen = loop {
        std::thread::sleep(Duration::from_millis(10));
        let n = committed(&path);
        if n >= N / 5 {
            break n;
        }
        if let Some(status) = child.try_wait().unwrap() {
            panic!("child ended ({status}) before it could be killed, {n} articles committed");
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "child too slow: {n} articles in 60 s"
        );
    };
    child.kill().unwrap(); // SIGKILL: no destructor, no rollback, maybe mid-transaction
    child.wait().unwrap();

    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.integrity_check().unwrap(), "ok");
    // Opening for writing finished any regrouping the kill interrupted.
    assert_eq!(scalar(&store, "SELECT count(*) FROM dirty_classes"), 0);
    let after_kill = store.article_count().unwrap() as usize;
    assert!(
        after_kill >= seen,
        "lost committed articles: saw {seen}, now {after_kill}"
    );
    assert!(
        after_kill < N,
        "the child was not killed mid-way ({after_kill} of {N})"
    );
    // Every stored article is whole: no batch is half-written.
    assert_eq!(
        scalar(&store, "SELECT count(*) FROM articles a WHERE (SELECT count(*) FROM events e WHERE e.article = a.article) != 2"),
        0
    );

    let docs = common::synthetic(N);
    let report = store.ingest(&docs).unwrap();
    assert_eq!(report.unchanged, after_kill, "{report:?}");
    assert_eq!(report.inserted, N - after_kill, "{report:?}");
    assert_eq!(report.replaced, 0);

    assert_eq!(store.integrity_check().unwrap(), "ok");
    assert_eq!(scalar(&store, "SELECT count(*) FROM articles"), N as i64);
    assert_eq!(
        scalar(&store, "SELECT count(DISTINCT id) FROM articles"),
        N as i64
    );
    assert_eq!(scalar(&store, "SELECT count(*) FROM quotes"), N as i64);
    assert_eq!(scalar(&store, "SELECT count(*) FROM quotes_fts"), N as i64);
    assert_eq!(scalar(&store, "SELECT count(*) FROM events"), 2 * N as i64);
    assert_eq!(
        scalar(
            &store,
            "SELECT count(*) FROM events WHERE happening IS NULL"
        ),
        0
    );
    assert_eq!(scalar(&store, "SELECT count(*) FROM entities"), 5);
    let mut ids: Vec<String> = {
        let mut st = store
            .connection()
            .prepare("SELECT id FROM articles")
            .unwrap();
        st.query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    ids.sort();
    let want: Vec<String> = docs.iter().map(|d| d.meta.id.clone()).collect();
    assert_eq!(ids, want, "each input article exactly once");

    // Happenings written batch by batch across the crash equal a regrouping from scratch.
    let snapshot = |store: &Store| -> Vec<(i64, i64, i64)> {
        let mut st = store
            .connection()
            .prepare(
                "SELECT happening, num_mentions, num_articles FROM happenings ORDER BY happening",
            )
            .unwrap();
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    let incremental = snapshot(&store);
    store.regroup_all().unwrap();
    assert_eq!(snapshot(&store), incremental);

    drop(store);
    std::fs::remove_dir_all(&dir).unwrap();
}
