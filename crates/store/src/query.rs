//! The questions users ask of a corpus, as plain structs (no CLI types) and one [`run`].
//!
//! Actors are named by a selector string: a CAMEO actor code (`RUSGOV`), a code pattern
//! with `*` (`RUS*` = every Russian actor), an entity key, or an entity's canonical name
//! (case-insensitive). An event side matches when its code matches or its entity is one of
//! the named entities.

use crate::error::{Ctx, StoreError};
use crate::fuzzy;
use crate::table::{Table, Value};
use crate::Store;
use chrono::NaiveDate;
use rusqlite::types::ValueRef;
use rusqlite::{params, Connection, OptionalExtension, Params, Statement};
use serde::{Deserialize, Serialize};
use sitrep_doc::output::{ArticleRecord, MentionRecord, ThemeRecord};
use std::collections::HashMap;

/// One query. Build it from CLI arguments or an HTTP request, then [`run`] it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "query", rename_all = "snake_case")]
pub enum QueryCommand {
    /// Daily event counts between two actors.
    Dyad(DyadQuery),
    /// An actor's counterparts, with event counts and mean Goldstein.
    Network(NetworkQuery),
    /// Quotes by a speaker, matched fuzzily on entity keys and names.
    QuotesBySpeaker(SpeakerQuery),
    /// Quotes containing words (SQLite FTS5 query syntax), best first, with a snippet.
    QuotesByWords(WordsQuery),
    /// One article with all its annotations.
    Article(ArticleQuery),
    /// Real-world happenings (events grouped across articles).
    Happenings(HappeningsQuery),
    /// Corpus counts.
    Stats,
}

/// Events A→B (and B→A if `both_directions`) per day: counts per QuadClass and Goldstein sum.
/// Undated events are left out; days without events are absent (the series is sparse)
/// unless `fill_days` asks for a row per day and direction.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DyadQuery {
    pub a: String,
    pub b: String,
    pub both_directions: bool,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Leave out events that are only someone's claim (inside a quote).
    pub asserted_only: bool,
    /// One row per day (and direction) from `from` (else the first day with events) to `to`
    /// (else the last), zeros where nothing happened: a series ready to plot.
    pub fill_days: bool,
}

/// A dense series never spans more than this many days (a typo in a year must not make
/// millions of rows).
const MAX_FILLED_DAYS: i64 = 36_600;

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct NetworkQuery {
    pub actor: String,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Group counterparts by CAMEO code instead of by entity.
    pub by_code: bool,
    /// At most this many partners (0 = all).
    pub limit: usize,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SpeakerQuery {
    pub speaker: String,
    /// At most this many quotes (0 = all).
    pub limit: usize,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct WordsQuery {
    /// An FTS5 query: words (all must occur), "a phrase", OR, NOT, prefix*, `speaker: name`.
    /// Text that is not valid FTS5 syntax is searched as plain words.
    pub query: String,
    /// At most this many quotes (0 = all).
    pub limit: usize,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ArticleQuery {
    pub id: String,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct HappeningsQuery {
    /// Source actor code or `*` pattern (empty = any).
    pub a: String,
    /// Target actor code or `*` pattern (empty = any).
    pub b: String,
    pub both_directions: bool,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Only happenings reported by at least this many articles.
    pub min_articles: u32,
    /// At most this many (0 = all).
    pub limit: usize,
}

/// Runs a query against a store.
pub fn run(store: &Store, command: &QueryCommand) -> Result<Table, StoreError> {
    let conn = store.connection();
    match command {
        QueryCommand::Dyad(q) => dyad(conn, q),
        QueryCommand::Network(q) => network(conn, q),
        QueryCommand::QuotesBySpeaker(q) => quotes_by_speaker(conn, q),
        QueryCommand::QuotesByWords(q) => quotes_by_words(conn, q),
        QueryCommand::Article(q) => article(conn, q),
        QueryCommand::Happenings(q) => happenings(conn, q),
        QueryCommand::Stats => stats(conn),
    }
}

/// Runs a prepared statement into a table whose columns are the statement's.
fn collect<P: Params>(st: &mut Statement, params: P) -> Result<Table, StoreError> {
    let columns: Vec<String> = st.column_names().iter().map(|c| c.to_string()).collect();
    let n = columns.len();
    let mut rows = Vec::new();
    let mut q = st.query(params).ctx("run query")?;
    while let Some(r) = q.next().ctx("read query row")? {
        let mut row = Vec::with_capacity(n);
        for i in 0..n {
            row.push(match r.get_ref(i).ctx("read cell")? {
                ValueRef::Null => Value::Null,
                ValueRef::Integer(v) => Value::Int(v),
                ValueRef::Real(v) => Value::Float(v),
                ValueRef::Text(t) | ValueRef::Blob(t) => {
                    Value::Text(String::from_utf8_lossy(t).into_owned())
                }
            });
        }
        rows.push(row);
    }
    Ok(Table { columns, rows })
}

/// A resolved actor selector. Bound as three parameters: `lo`, `hi` (the code, or the range
/// of codes a `PREFIX*` pattern covers, so the code indexes serve both) and the JSON array of
/// matching entity ids.
struct Actor {
    code: CodeMatch,
    lo: String,
    hi: String,
    entities: String,
    has_entities: bool,
}

enum CodeMatch {
    Exact,
    Prefix,
    Glob,
}

impl Actor {
    /// The condition on the side's code alone.
    fn code_condition(&self, column: &str, p: [&str; 3]) -> String {
        let [lo, hi, _] = p;
        match self.code {
            CodeMatch::Exact => format!("{column}_code = {lo}"),
            CodeMatch::Prefix => format!("({column}_code >= {lo} AND {column}_code < {hi})"),
            CodeMatch::Glob => format!("{column}_code GLOB {lo}"),
        }
    }

    /// The SQL condition on one event side (`source` or `target`), with the parameter
    /// numbers this actor is bound to.
    fn condition(&self, column: &str, p: [&str; 3]) -> String {
        let ids = p[2];
        let code = self.code_condition(column, p);
        if self.has_entities {
            format!("({code} OR {column}_entity IN (SELECT value FROM json_each({ids})))")
        } else {
            code
        }
    }
}

fn resolve_actor(conn: &Connection, selector: &str) -> Result<Actor, StoreError> {
    let s = selector.trim();
    if s.is_empty() {
        return Err(StoreError::BadQuery("empty actor".into()));
    }
    let mut st = conn
        .prepare_cached(
            "SELECT entity FROM entities WHERE key = ?1 OR key = lower(?1)
             UNION SELECT entity FROM entity_names WHERE name = ?1 COLLATE NOCASE",
        )
        .ctx("prepare actor lookup")?;
    let mut ids: Vec<i64> = st
        .query_map([s], |r| r.get(0))
        .ctx("look up actor")?
        .collect::<Result<_, _>>()
        .ctx("look up actor")?;
    // A name typed in another spelling ("Sergey Riabkov"): the closest stored names, if
    // close enough. Selectors that look like CAMEO codes or patterns are left exact.
    let looks_like_code = s
        .chars()
        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '*');
    if ids.is_empty() && !looks_like_code {
        ids = closest_names(conn, s, ACTOR_THRESHOLD)?;
    }
    // CAMEO codes are upper case. "RUS*" is the range [RUS, RUS\u{10FFFF}): every code that
    // starts with RUS, found through the index.
    let pattern = s.to_uppercase();
    let wild = |c: char| matches!(c, '*' | '?' | '[');
    let (code, lo, hi) = match pattern.find(wild) {
        None => (CodeMatch::Exact, pattern.clone(), pattern),
        Some(i) if i == pattern.len() - 1 => {
            let prefix = pattern[..i].to_string();
            if pattern.ends_with('*') {
                (
                    CodeMatch::Prefix,
                    prefix.clone(),
                    format!("{prefix}\u{10FFFF}"),
                )
            } else {
                (CodeMatch::Glob, pattern.clone(), pattern)
            }
        }
        Some(_) => (CodeMatch::Glob, pattern.clone(), pattern),
    };
    Ok(Actor {
        code,
        lo,
        hi,
        has_entities: !ids.is_empty(),
        entities: serde_json::to_string(&ids)?,
    })
}

/// How close a typed actor name must be to a stored one when no name matches exactly:
/// stricter than for speakers, since a dyad silently counting the wrong actor is worse than
/// an empty answer.
const ACTOR_THRESHOLD: f64 = 0.9;

/// Entities whose key or a name scores best against `typed`, if the best is >= `threshold`.
fn closest_names(conn: &Connection, typed: &str, threshold: f64) -> Result<Vec<i64>, StoreError> {
    let query = fuzzy::normalize(typed);
    let mut st = conn
        .prepare_cached(
            "SELECT entity, key FROM entities UNION ALL SELECT entity, name FROM entity_names",
        )
        .ctx("prepare name scan")?;
    let mut rows = st.query([]).ctx("scan names")?;
    let (mut best, mut ids) = (threshold, Vec::new());
    while let Some(r) = rows.next().ctx("scan names")? {
        let name: String = r.get(1).ctx("name")?;
        let score = fuzzy::similarity(&query, &fuzzy::normalize(&name));
        if score > best + 1e-9 {
            best = score;
            ids.clear();
        }
        if (score - best).abs() <= 1e-9 {
            ids.push(r.get(0).ctx("entity")?);
        }
    }
    ids.sort_unstable();
    ids.dedup();
    Ok(ids)
}

fn date_bound(d: Option<NaiveDate>, default: &str) -> String {
    d.map_or(default.to_string(), |d| d.to_string())
}

fn limit(n: usize) -> i64 {
    if n == 0 {
        -1
    } else {
        n as i64
    }
}

fn dyad(conn: &Connection, q: &DyadQuery) -> Result<Table, StoreError> {
    let a = resolve_actor(conn, &q.a)?;
    let b = resolve_actor(conn, &q.b)?;
    let one = |src: (&Actor, [&str; 3]), tgt: (&Actor, [&str; 3]), dir: &str| {
        // Undated events count too, on an `undated` row, unless a period is asked for.
        format!(
            "SELECT coalesce(date, 'undated') AS date, {dir} AS direction, count(*) AS events, count(DISTINCT happening) AS happenings,
                    sum(quad_class = 1) AS verbal_coop, sum(quad_class = 2) AS material_coop,
                    sum(quad_class = 3) AS verbal_conflict, sum(quad_class = 4) AS material_conflict,
                    round(sum(goldstein), 3) AS goldstein_sum
             FROM events
             WHERE (?12 OR (date >= ?9 AND date <= ?10)) AND (?11 = 0 OR status = 'asserted') AND {} AND {}
             GROUP BY coalesce(date, 'undated')",
            src.0.condition("source", src.1),
            tgt.0.condition("target", tgt.1)
        )
    };
    let (pa, pb) = (["?1", "?2", "?3"], ["?4", "?5", "?6"]);
    let mut sql = one((&a, pa), (&b, pb), "?7");
    // With one selector on both sides, B→A is A→B again: listing it would count each day twice.
    let same = q.a.trim().eq_ignore_ascii_case(q.b.trim());
    let both_directions = q.both_directions && !same;
    if both_directions {
        sql = format!("{sql} UNION ALL {}", one((&b, pb), (&a, pa), "?8"));
    }
    sql.push_str(" ORDER BY date, direction");
    let mut st = conn.prepare(&sql).ctx("prepare dyad")?;
    let (dir_ab, dir_ba) = (
        format!("{} > {}", q.a.trim(), q.b.trim()),
        format!("{} > {}", q.b.trim(), q.a.trim()),
    );
    let table = collect(
        &mut st,
        params![
            a.lo,
            a.hi,
            a.entities,
            b.lo,
            b.hi,
            b.entities,
            dir_ab,
            dir_ba,
            date_bound(q.from, "0000"),
            date_bound(q.to, "9999"),
            q.asserted_only,
            q.from.is_none() && q.to.is_none(),
        ],
    )?;
    if !q.fill_days {
        return Ok(table);
    }
    let directions = if both_directions {
        vec![dir_ab, dir_ba]
    } else {
        vec![dir_ab]
    };
    fill_days(table, q.from, q.to, &directions)
}

/// Makes a sparse (date, direction, counts...) series dense: zero rows for missing days.
fn fill_days(
    table: Table,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    directions: &[String],
) -> Result<Table, StoreError> {
    let day = |v: &Value| match v {
        Value::Text(s) => NaiveDate::parse_from_str(s, "%Y-%m-%d").ok(),
        _ => None,
    };
    let days: Vec<NaiveDate> = table.rows.iter().filter_map(|r| day(&r[0])).collect();
    let (Some(first), Some(last)) = (from.or(days.first().copied()), to.or(days.last().copied()))
    else {
        return Ok(table); // no range and no events: nothing to fill
    };
    if (last - first).num_days() > MAX_FILLED_DAYS {
        return Err(StoreError::BadQuery(format!(
            "{first}..{last} is too long a range to fill day by day"
        )));
    }
    let mut have: HashMap<(NaiveDate, String), Vec<Value>> = HashMap::new();
    let mut undated = Vec::new();
    for row in table.rows {
        match (day(&row[0]), &row[1]) {
            (Some(d), Value::Text(dir)) => {
                have.insert((d, dir.clone()), row);
            }
            _ => undated.push(row),
        }
    }
    let width = table.columns.len();
    let mut rows = Vec::new();
    for d in first.iter_days().take_while(|d| *d <= last) {
        for dir in directions {
            rows.push(have.remove(&(d, dir.clone())).unwrap_or_else(|| {
                let mut zero = vec![Value::Text(d.to_string()), Value::Text(dir.clone())];
                zero.extend(std::iter::repeat_n(Value::Int(0), width - 3));
                zero.push(Value::Float(0.0));
                zero
            }));
        }
    }
    rows.extend(undated);
    Ok(Table {
        columns: table.columns,
        rows,
    })
}

fn network(conn: &Connection, q: &NetworkQuery) -> Result<Table, StoreError> {
    let x = resolve_actor(conn, &q.actor)?;
    let partner_key = if q.by_code {
        "'c:' || h.code"
    } else {
        "coalesce('e:' || h.entity, 'c:' || h.code)"
    };
    let partner_name = if q.by_code {
        "h.code"
    } else {
        "coalesce(max(en.name), h.code)"
    };
    let sql = format!(
        "WITH hits AS (
            SELECT target_code AS code, target_entity AS entity, 1 AS outgoing, goldstein, quad_class, happening
            FROM events WHERE (?7 OR (date >= ?4 AND date <= ?5)) AND {src}
            UNION ALL
            SELECT source_code, source_entity, 0, goldstein, quad_class, happening
            FROM events WHERE (?7 OR (date >= ?4 AND date <= ?5)) AND {tgt}
         )
         SELECT {partner_name} AS partner, max(h.code) AS code, count(*) AS events,
                sum(h.outgoing) AS outgoing, count(*) - sum(h.outgoing) AS incoming,
                count(DISTINCT h.happening) AS happenings,
                round(avg(h.goldstein), 3) AS mean_goldstein,
                sum(h.quad_class <= 2) AS cooperation, sum(h.quad_class >= 3) AS conflict
         FROM hits h LEFT JOIN entities en ON en.entity = h.entity
         WHERE h.code != '' OR h.entity IS NOT NULL
         GROUP BY {partner_key}
         ORDER BY events DESC, partner
         LIMIT ?6",
        src = x.condition("source", ["?1", "?2", "?3"]),
        tgt = x.condition("target", ["?1", "?2", "?3"]),
    );
    // Without a date range, undated events count too: a network is not a time series.
    let (from, to) = (date_bound(q.from, ""), date_bound(q.to, "9999"));
    let all_dates = q.from.is_none() && q.to.is_none();
    let mut st = conn.prepare(&sql).ctx("prepare network")?;
    collect(
        &mut st,
        params![x.lo, x.hi, x.entities, from, to, limit(q.limit), all_dates],
    )
}

fn quotes_by_speaker(conn: &Connection, q: &SpeakerQuery) -> Result<Table, StoreError> {
    let query = fuzzy::normalize(&q.speaker);
    if query.is_empty() {
        return Err(StoreError::BadQuery("empty speaker".into()));
    }
    // Speaking entities, scored on their key and every name they were given.
    let mut scores: HashMap<i64, f64> = HashMap::new();
    let mut st = conn
        .prepare(
            "WITH s AS (SELECT DISTINCT speaker_entity AS entity FROM quotes WHERE speaker_entity IS NOT NULL)
             SELECT e.entity, e.key FROM s JOIN entities e ON e.entity = s.entity
             UNION ALL
             SELECT n.entity, n.name FROM s JOIN entity_names n ON n.entity = s.entity",
        )
        .ctx("prepare speakers")?;
    let mut rows = st.query([]).ctx("list speakers")?;
    while let Some(r) = rows.next().ctx("list speakers")? {
        let (id, name): (i64, String) = (r.get(0).ctx("speaker")?, r.get(1).ctx("speaker")?);
        let s = fuzzy::similarity(&query, &fuzzy::normalize(&name));
        if s >= fuzzy::THRESHOLD {
            let best = scores.entry(id).or_insert(0.0);
            *best = best.max(s);
        }
    }
    // Speakers the names layer did not resolve to an entity: scored on their words.
    let mut loose: HashMap<String, f64> = HashMap::new();
    let mut st = conn
        .prepare("SELECT DISTINCT speaker FROM quotes WHERE speaker_entity IS NULL AND speaker IS NOT NULL")
        .ctx("prepare loose speakers")?;
    let mut rows = st.query([]).ctx("list loose speakers")?;
    while let Some(r) = rows.next().ctx("list loose speakers")? {
        let name: String = r.get(0).ctx("speaker")?;
        let s = fuzzy::similarity(&query, &fuzzy::normalize(&name));
        if s >= fuzzy::THRESHOLD {
            loose.insert(name, s);
        }
    }
    let ids: Vec<i64> = scores.keys().copied().collect();
    let names: Vec<&String> = loose.keys().collect();
    let mut st = conn
        .prepare(
            "SELECT a.date, a.id AS article, coalesce(e.name, q.speaker) AS speaker, q.speaker_entity AS entity,
                    q.kind, t.text AS quote, q.cue, q.start, q.end
             FROM quotes q JOIN articles a ON a.article = q.article
                  JOIN quote_texts t ON t.quote = q.quote
                  LEFT JOIN entities e ON e.entity = q.speaker_entity
             WHERE q.speaker_entity IN (SELECT value FROM json_each(?1))
                OR (q.speaker_entity IS NULL AND q.speaker IN (SELECT value FROM json_each(?2)))
             ORDER BY a.date, a.id, q.start
             LIMIT ?3",
        )
        .ctx("prepare quotes by speaker")?;
    let mut table = collect(
        &mut st,
        params![
            serde_json::to_string(&ids)?,
            serde_json::to_string(&names)?,
            limit(q.limit)
        ],
    )?;
    // A score column, so a user sees how sure each speaker match is.
    let (ei, si) = (table.column("entity"), table.column("speaker"));
    table.columns.insert(3, "match".into());
    for row in &mut table.rows {
        let score = match (ei.map(|i| &row[i]), si.map(|i| &row[i])) {
            (Some(Value::Int(id)), _) => scores.get(id).copied(),
            (_, Some(Value::Text(name))) => loose.get(name).copied(),
            _ => None,
        };
        row.insert(
            3,
            score.map_or(Value::Null, |s| Value::Float((s * 1000.0).round() / 1000.0)),
        );
    }
    Ok(table)
}

/// Each word of a query as an FTS5 string literal: how text that is not valid FTS5 syntax
/// ("U.S.-Russia", "don't") is searched.
fn plain_fts(query: &str) -> String {
    query
        .split_whitespace()
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect::<Vec<_>>()
        .join(" ")
}

fn quotes_by_words(conn: &Connection, q: &WordsQuery) -> Result<Table, StoreError> {
    if q.query.trim().is_empty() {
        return Err(StoreError::BadQuery("empty search".into()));
    }
    let mut st = conn
        .prepare(
            "SELECT a.date, a.id AS article, q.speaker,
                    snippet(quotes_fts, 0, '[', ']', '…', 16) AS snippet, q.kind, q.start, q.end,
                    round(bm25(quotes_fts), 3) AS rank, t.text AS quote
             FROM quotes_fts JOIN quotes q ON q.quote = quotes_fts.rowid
                  JOIN quote_texts t ON t.quote = q.quote
                  JOIN articles a ON a.article = q.article
             WHERE quotes_fts MATCH ?1
             ORDER BY bm25(quotes_fts), a.id, q.start
             LIMIT ?2",
        )
        .ctx("prepare quote search")?;
    match collect(&mut st, params![q.query, limit(q.limit)]) {
        Ok(t) => Ok(t),
        Err(StoreError::Sqlite { source, .. }) if is_fts_syntax_error(&source) => {
            collect(&mut st, params![plain_fts(&q.query), limit(q.limit)])
        }
        Err(e) => Err(e),
    }
}

/// Whether a MATCH failed on the query text (syntax, unknown column, a leading `*` read as
/// a special query ...): all of these are plain SQLITE_ERROR, raised while stepping the
/// already prepared statement, so nothing else can produce them here.
fn is_fts_syntax_error(e: &rusqlite::Error) -> bool {
    matches!(e, rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::Unknown)
}

/// An article's record as ingested, with its text and its row id.
pub(crate) fn stored_record(
    conn: &Connection,
    id: &str,
) -> Result<Option<(i64, ArticleRecord, String)>, StoreError> {
    type Stored = (i64, Vec<u8>, i64, Vec<u8>, i64);
    let row: Option<Stored> = conn
        .prepare_cached(
            "SELECT a.article, r.record_z, r.size, t.text_z, a.size
             FROM articles a JOIN records r USING (article) JOIN texts t USING (article)
             WHERE a.id = ?1",
        )
        .ctx("prepare article")?
        .query_row([id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .optional()
        .ctx("read article")?;
    let Some((article, record, record_size, text_z, size)) = row else {
        return Ok(None);
    };
    let text = crate::sqlar::text(&text_z, size as usize)?;
    let json = crate::sqlar::uncompress(&record, record_size as usize)?;
    let rec = crate::record::restore(&json, &text, record_rows(conn, article, &text)?)?;
    Ok(Some((article, rec, text)))
}

fn article(conn: &Connection, q: &ArticleQuery) -> Result<Table, StoreError> {
    let Some((article, mut rec, text)) = stored_record(conn, &q.id)? else {
        return Err(StoreError::NoArticle(q.id.clone()));
    };
    let mut json = serde_json::to_value(&rec)?;

    // The store's own ids beside the article's: the cross-article entity and the happening.
    let mut entity_ids = Vec::with_capacity(rec.entities.len());
    {
        let mut st = conn
            .prepare_cached("SELECT entity FROM entities WHERE key = ?1")
            .ctx("prepare entity id")?;
        for e in &rec.entities {
            let mut rows = st.query([crate::ingest::entity_key(e)]).ctx("entity id")?;
            entity_ids.push(match rows.next().ctx("entity id")? {
                Some(r) => Some(r.get::<_, i64>(0).ctx("entity id")?),
                None => None,
            });
        }
    }
    let happenings: HashMap<i64, Option<i64>> = {
        let mut st = conn
            .prepare_cached("SELECT idx, happening FROM events WHERE article = ?1")
            .ctx("prepare event happenings")?;
        let it = st
            .query_map([article], |r| Ok((r.get(0)?, r.get(1)?)))
            .ctx("event happenings")?;
        it.collect::<Result<_, _>>().ctx("event happenings")?
    };
    if let Some(arr) = json.get_mut("entities").and_then(|v| v.as_array_mut()) {
        for (e, id) in arr.iter_mut().zip(&entity_ids) {
            e["store_entity"] = (*id).into();
        }
    }
    if let Some(arr) = json.get_mut("events").and_then(|v| v.as_array_mut()) {
        for (i, e) in arr.iter_mut().enumerate() {
            e["happening"] = happenings.get(&(i as i64)).copied().flatten().into();
        }
    }
    let mut meta = Table::new(&[
        "id",
        "date",
        "title",
        "url",
        "source",
        "text",
        "annotations",
    ]);
    rec.sentences.clear();
    meta.rows.push(vec![
        rec.id.into(),
        rec.date.map(|d| d.to_string()).into(),
        rec.title.into(),
        rec.url.into(),
        rec.source.into(),
        text.into(),
        Value::Json(json),
    ]);
    Ok(meta)
}

/// The article's rows of the tables that hold part of its record (see [`crate::record`]).
fn record_rows(
    conn: &Connection,
    article: i64,
    text: &str,
) -> Result<crate::record::FromTables, StoreError> {
    let mut rows = crate::record::FromTables::default();
    let mut st = conn
        .prepare_cached(
            "SELECT start, end, text, kind, speaker_local, speaker, speaker_start, speaker_end,
                    cue, cue_start, cue_end
             FROM quotes WHERE article = ?1 ORDER BY idx",
        )
        .ctx("prepare article quotes")?;
    let span = |s: Option<i64>, e: Option<i64>| s.zip(e).map(|(s, e)| (s as usize, e as usize));
    let quotes = st
        .query_map([article], |r| {
            Ok(crate::record::QuoteRow {
                start: r.get::<_, i64>(0)? as usize,
                end: r.get::<_, i64>(1)? as usize,
                text: r.get(2)?,
                kind: r.get(3)?,
                speaker_local: r.get(4)?,
                speaker: r.get(5)?,
                speaker_span: span(r.get(6)?, r.get(7)?),
                cue: r.get(8)?,
                cue_span: span(r.get(9)?, r.get(10)?),
            })
        })
        .ctx("article quotes")?;
    for q in quotes {
        let q = q.ctx("article quotes")?;
        let rec = q.record(text).ok_or_else(|| {
            StoreError::Corrupt(format!(
                "stored quote {}..{} outside the text",
                q.start, q.end
            ))
        })?;
        rows.quotes.push(rec);
    }
    let mut st = conn
        .prepare_cached("SELECT theme, start, end FROM themes WHERE article = ?1 ORDER BY idx")
        .ctx("prepare article themes")?;
    let themes = st
        .query_map([article], |r| {
            Ok(ThemeRecord {
                theme: r.get(0)?,
                start: r.get::<_, i64>(1)? as usize,
                end: r.get::<_, i64>(2)? as usize,
            })
        })
        .ctx("article themes")?;
    rows.themes = themes.collect::<Result<_, _>>().ctx("article themes")?;
    let mut st = conn
        .prepare_cached(
            "SELECT local, start, end, text, form FROM mentions WHERE article = ?1
             ORDER BY local, start, end",
        )
        .ctx("prepare article mentions")?;
    let mentions = st
        .query_map([article], |r| {
            Ok((
                r.get::<_, u32>(0)?,
                MentionRecord {
                    start: r.get::<_, i64>(1)? as usize,
                    end: r.get::<_, i64>(2)? as usize,
                    text: r.get(3)?,
                    form: r.get(4)?,
                },
            ))
        })
        .ctx("article mentions")?;
    for m in mentions {
        let (local, m) = m.ctx("article mentions")?;
        rows.mentions.entry(local).or_default().push(m);
    }
    Ok(rows)
}

fn happenings(conn: &Connection, q: &HappeningsQuery) -> Result<Table, StoreError> {
    // The selectors of every query: a code, a `*` pattern, an entity key or name (matched
    // here through the entities' codes, as happenings are grouped by code); empty = any.
    let side = |s: &str| -> Result<Actor, StoreError> {
        if s.trim().is_empty() {
            resolve_actor(conn, "*")
        } else {
            resolve_actor(conn, s)
        }
    };
    let (a, b) = (side(&q.a)?, side(&q.b)?);
    // A happening goes from A to B when its own codes do, or when one of its events does
    // (a symmetric code's happening keeps its actors in a canonical order, and a named
    // entity is known on events only).
    let direction = |src: (&Actor, [&str; 3]), tgt: (&Actor, [&str; 3])| {
        format!(
            "(({} AND {}) OR happening IN (SELECT happening FROM events WHERE {} AND {}))",
            src.0.code_condition("source", src.1),
            tgt.0.code_condition("target", tgt.1),
            src.0.condition("source", src.1),
            tgt.0.condition("target", tgt.1),
        )
    };
    let (pa, pb) = (["?1", "?2", "?3"], ["?4", "?5", "?6"]);
    let forward = direction((&a, pa), (&b, pb));
    let dir = if q.both_directions {
        format!("({forward} OR {})", direction((&b, pb), (&a, pa)))
    } else {
        forward
    };
    let mut st = conn
        .prepare(&format!(
            "SELECT happening, coalesce(date, 'undated') AS date, source_code AS source, target_code AS target, code, quad_class,
                    round(goldstein, 3) AS goldstein, place_key AS place, num_mentions AS mentions,
                    num_articles AS articles, num_sources AS sources, round(avg_tone, 3) AS avg_tone
             FROM happenings
             WHERE {dir} AND (?10 OR (date >= ?7 AND date <= ?8)) AND num_articles >= ?9
             ORDER BY date IS NULL, date, num_articles DESC, happening
             LIMIT ?11"
        ))
        .ctx("prepare happenings")?;
    collect(
        &mut st,
        params![
            a.lo,
            a.hi,
            a.entities,
            b.lo,
            b.hi,
            b.entities,
            date_bound(q.from, ""),
            date_bound(q.to, "9999"),
            i64::from(q.min_articles),
            q.from.is_none() && q.to.is_none(),
            limit(q.limit)
        ],
    )
}

fn stats(conn: &Connection) -> Result<Table, StoreError> {
    let mut st = conn
        .prepare(
            "SELECT 'articles' AS metric, count(*) AS value FROM articles
             UNION ALL SELECT 'articles dated', count(date) FROM articles
             UNION ALL SELECT 'first date', min(date) FROM articles
             UNION ALL SELECT 'last date', max(date) FROM articles
             UNION ALL SELECT 'text bytes', coalesce(sum(size), 0) FROM articles
             UNION ALL SELECT 'entities', count(*) FROM entities
             UNION ALL SELECT 'entity names', count(*) FROM entity_names
             UNION ALL SELECT 'mentions', count(*) FROM mentions
             UNION ALL SELECT 'quotes', count(*) FROM quotes
             UNION ALL SELECT 'quotes with resolved speaker', count(speaker_entity) FROM quotes
             UNION ALL SELECT 'events', count(*) FROM events
             UNION ALL SELECT 'events dated', count(date) FROM events
             UNION ALL SELECT 'happenings', count(*) FROM happenings
             UNION ALL SELECT 'happenings in 2+ articles', count(*) FROM happenings WHERE num_articles >= 2
             UNION ALL SELECT 'store bytes', (SELECT page_count FROM pragma_page_count) * (SELECT page_size FROM pragma_page_size)",
        )
        .ctx("prepare stats")?;
    collect(&mut st, [])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_fts_quotes_every_word() {
        assert_eq!(plain_fts("U.S.-Russia talks"), "\"U.S.-Russia\" \"talks\"");
        assert_eq!(plain_fts("say \"no"), "\"say\" \"\"\"no\"");
    }

    /// The store keeps a record in three places (the article's compressed JSON, the themes
    /// and mentions tables, the text beside them): reading it back gives the record ingested,
    /// whether the tables can hold its parts (sorted, distinct spans, as sitrep writes them)
    /// or not (another producer's order, a span named twice, a quote text that is not the
    /// text under its span).
    #[test]
    fn a_stored_record_reads_back_exactly() {
        let text = "Ryabkov met Sherman in Geneva. \"We talked,\" Ryabkov said.";
        let sorted = serde_json::json!({
            "schema": 1, "id": "sorted", "date": "2022-01-10", "events": [], "errors": [],
            "sentences": [{"start": 0, "end": 30}, {"start": 31, "end": 57}],
            "entities": [
                {"id": 0, "kind": "person", "name": "Sergei Ryabkov", "key": "person:ryabkov",
                 "actor_code": "RUSGOV", "titles": ["deputy foreign minister"],
                 "mentions": [{"start": 0, "end": 7, "text": "Ryabkov", "form": "name"},
                              {"start": 44, "end": 51, "text": "Ryabkov", "form": "name"}]},
                {"id": 1, "kind": "location", "name": "Geneva", "key": "city:geneva",
                 "mentions": [{"start": 23, "end": 29, "text": "Geneva", "form": "name"}]}
            ],
            "quotes": [{"start": 31, "end": 43, "text": "\"We talked,\"", "kind": "direct",
                        "speaker": {"start": 44, "end": 51, "text": "Ryabkov", "entity": 0,
                                    "name": "Sergei Ryabkov"},
                        "cue": {"start": 52, "end": 56, "text": "said"}}],
            "themes": [{"theme": "NEGOTIATIONS", "start": 8, "end": 11},
                       {"theme": "A_FIRST", "start": 23, "end": 29},
                       {"theme": "B_SECOND", "start": 23, "end": 29}]
        });
        let mut foreign = sorted.clone();
        foreign["id"] = "foreign".into();
        foreign["themes"] = serde_json::json!([
            {"theme": "B_SECOND", "start": 23, "end": 29},
            {"theme": "NEGOTIATIONS", "start": 8, "end": 11},
            {"theme": "B_SECOND", "start": 23, "end": 29}
        ]);
        foreign["entities"][0]["mentions"] = serde_json::json!([
            {"start": 44, "end": 51, "text": "Ryabkov", "form": "name"},
            {"start": 0, "end": 7, "text": "Ryabkov", "form": "name"},
            {"start": 0, "end": 7, "text": "Ryabkov", "form": "pronoun"}
        ]);
        foreign["quotes"][0]["text"] = "We talked".into();
        let mut store = Store::open_in_memory().unwrap();
        for v in [sorted, foreign] {
            let rec: ArticleRecord = serde_json::from_value(v).unwrap();
            let report = store.ingest([(rec.clone(), text.to_string())]).unwrap();
            assert_eq!(report.inserted, 1, "{report:?}");
            let (_, back, back_text) = stored_record(store.connection(), &rec.id).unwrap().unwrap();
            assert_eq!(back_text, text);
            assert_eq!(back, rec);
        }
        let stored: Vec<(String, Option<String>)> = store
            .connection()
            .prepare(
                "SELECT a.id, q.text FROM quotes q JOIN articles a USING (article) ORDER BY a.id",
            )
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(
            stored,
            [
                ("foreign".into(), Some("We talked".into())),
                ("sorted".into(), None)
            ],
            "a quote's text is stored only when it is not the text under its span"
        );
        let via_view: Vec<String> = store
            .connection()
            .prepare("SELECT text FROM quote_texts ORDER BY quote")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(via_view, ["\"We talked,\"", "We talked"]);
    }
}
