//! Times the store's queries on a corpus: the busiest dyad's timeline (one direction and
//! both), a quote search by words, quotes by the most quoted speaker, a network.
//!
//! `cargo run --release -p sitrep-store --example query_bench -- CORPUS.sitrep [WORD]`

use anyhow::{bail, Result};
use sitrep_store::*;
use std::time::Instant;

/// Median and minimum wall time of `runs` runs, in milliseconds, and the last result.
fn time(store: &Store, q: &QueryCommand, runs: usize) -> Result<(f64, f64, Table)> {
    let mut times = Vec::with_capacity(runs);
    let mut last = Table::default();
    for _ in 0..runs {
        let t = Instant::now();
        last = run(store, q)?;
        times.push(t.elapsed().as_secs_f64() * 1e3);
    }
    times.sort_by(f64::total_cmp);
    Ok((times[runs / 2], times[0], last))
}

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(db) = args.first() else {
        bail!("usage: query_bench CORPUS.sitrep [WORD]")
    };
    let word = args.get(1).cloned().unwrap_or_else(|| "government".into());
    let store = Store::open_read_only(db)?;
    let conn = store.connection();

    // The busiest dyad: by codes if events have them on both sides, else by entity keys.
    let (a, b): (String, String) = conn
        .query_row(
            "SELECT coalesce(nullif(e.source_code, ''), s.key), coalesce(nullif(e.target_code, ''), t.key)
             FROM events e LEFT JOIN entities s ON s.entity = e.source_entity
                           LEFT JOIN entities t ON t.entity = e.target_entity
             WHERE coalesce(nullif(e.source_code, ''), s.key) IS NOT NULL
               AND coalesce(nullif(e.target_code, ''), t.key) IS NOT NULL
             GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap_or_default();
    let speaker: String = conn
        .query_row(
            "SELECT e.name FROM quotes q JOIN entities e ON e.entity = q.speaker_entity
             GROUP BY e.entity ORDER BY count(*) DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap_or_default();

    let queries = [
        (
            "dyad A>B",
            QueryCommand::Dyad(DyadQuery {
                a: a.clone(),
                b: b.clone(),
                ..Default::default()
            }),
        ),
        (
            "dyad both",
            QueryCommand::Dyad(DyadQuery {
                a: a.clone(),
                b: b.clone(),
                both_directions: true,
                ..Default::default()
            }),
        ),
        (
            "quotes by words",
            QueryCommand::QuotesByWords(WordsQuery {
                query: word,
                limit: 20,
            }),
        ),
        (
            "quotes by speaker",
            QueryCommand::QuotesBySpeaker(SpeakerQuery { speaker, limit: 0 }),
        ),
        (
            "network",
            QueryCommand::Network(NetworkQuery {
                actor: a.clone(),
                limit: 20,
                ..Default::default()
            }),
        ),
        (
            "happenings",
            QueryCommand::Happenings(HappeningsQuery {
                min_articles: 2,
                limit: 20,
                ..Default::default()
            }),
        ),
        ("stats", QueryCommand::Stats),
    ];
    for (name, q) in &queries {
        let (median, min, table) = time(&store, q, 21)?;
        println!(
            "== {name}: median {median:.2} ms, min {min:.2} ms, {} rows   {q:?}",
            table.rows.len()
        );
        let head = Table {
            columns: table.columns.clone(),
            rows: table.rows.iter().take(5).cloned().collect(),
        };
        print!("{}", head.render_text());
    }
    Ok(())
}
