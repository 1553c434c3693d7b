//! Keeping the `happenings` table equal to `sitrep-happenings`' grouping of all stored events.
//!
//! The grouping rule only ever puts together mentions with the same CAMEO root and the same
//! pair of actor codes (in either order, for symmetric codes). A [`GroupClass`] is such a
//! root and unordered pair: regrouping every stored mention of a class reproduces exactly
//! what grouping the whole corpus would give for it. Ingest batches only mark the classes
//! they touch (`dirty_classes`, in the batch's transaction); each ingest call regroups them
//! once at its end, so a long ingest costs one regrouping per class, not one per batch.
//! Regrouping writes only what changed: happenings whose numbers moved, events whose
//! happening moved.

use crate::error::{Ctx, StoreError};
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use sitrep_happenings::{EventMention, Grouper, Happening};
use std::collections::{BTreeSet, HashMap, HashSet};

/// A CAMEO root and an unordered pair of actor codes.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct GroupClass {
    pub root: String,
    pub a: String,
    pub b: String,
}

impl GroupClass {
    pub fn new(source: &str, target: &str, root: &str) -> GroupClass {
        let (a, b) = if source <= target {
            (source, target)
        } else {
            (target, source)
        };
        GroupClass {
            root: root.to_string(),
            a: a.to_string(),
            b: b.to_string(),
        }
    }
}

/// `SELECT_FROM` restricted to one class (`?1` root, `?2`/`?3` the pair): the rows with the
/// pair in one order, then (when the codes differ) in the other. Written as two indexable
/// branches on purpose: with `root = ?1 AND ((s = ?2 AND t = ?3) OR (s = ?3 AND t = ?2))`
/// SQLite searches the (root, source, target) index by root alone, so every regrouped class
/// scanned all events of its root (root 01 is most of a store) and ingest time grew with the
/// store. `alias` is the table alias of the coded rows in `SELECT_FROM` (or its name).
fn class_query(select_from: &str, alias: &str) -> String {
    format!(
        "{select_from} WHERE {alias}.root = ?1 AND {alias}.source_code = ?2 AND {alias}.target_code = ?3
         UNION ALL
         {select_from} WHERE {alias}.root = ?1 AND {alias}.source_code = ?3 AND {alias}.target_code = ?2
                        AND ?2 <> ?3"
    )
}

/// GLOBALEVENTIDs are below 2^53 (exact in JSON and SQLite).
const ID_MASK: u64 = (1 << 53) - 1;

fn date(s: Option<String>) -> Option<NaiveDate> {
    s.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
}

/// Records classes whose happenings must be recomputed (inside the caller's transaction).
pub fn mark_dirty(tx: &Transaction, classes: &BTreeSet<GroupClass>) -> Result<(), StoreError> {
    let mut st = tx
        .prepare_cached("INSERT OR IGNORE INTO dirty_classes (root, a, b) VALUES (?1, ?2, ?3)")
        .ctx("prepare dirty class")?;
    for c in classes {
        st.execute(params![c.root, c.a, c.b])
            .ctx("mark dirty class")?;
    }
    Ok(())
}

/// Regroups every dirty class in one transaction; returns how many there were.
pub fn regroup_dirty(conn: &mut Connection, grouper: &Grouper) -> Result<usize, StoreError> {
    let tx = conn
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .ctx("begin regroup")?;
    let classes: Vec<GroupClass> = {
        let mut st = tx
            .prepare("SELECT root, a, b FROM dirty_classes")
            .ctx("list dirty classes")?;
        let it = st
            .query_map([], |r| {
                Ok(GroupClass {
                    root: r.get(0)?,
                    a: r.get(1)?,
                    b: r.get(2)?,
                })
            })
            .ctx("list dirty classes")?;
        it.collect::<Result<_, _>>().ctx("list dirty classes")?
    };
    for c in &classes {
        regroup(&tx, grouper, c)?;
    }
    tx.execute("DELETE FROM dirty_classes", [])
        .ctx("clear dirty classes")?;
    tx.commit().ctx("commit regroup")?;
    Ok(classes.len())
}

/// The stored numbers of a happening, compared to decide whether to rewrite it.
#[derive(Debug, Clone, PartialEq)]
struct Row {
    source_code: String,
    target_code: String,
    root: String,
    code: String,
    base: String,
    quad_class: i64,
    goldstein: f64,
    date: Option<String>,
    place_key: Option<String>,
    num_mentions: i64,
    num_sources: i64,
    num_articles: i64,
    avg_tone: Option<f64>,
    is_root: bool,
}

impl Row {
    fn of(h: &Happening) -> Row {
        Row {
            source_code: h.source_code.clone(),
            target_code: h.target_code.clone(),
            root: h.root.clone(),
            code: h.code.clone(),
            base: h.base.clone(),
            quad_class: i64::from(h.quad_class),
            goldstein: f64::from(h.goldstein),
            date: h.date.map(|d| d.to_string()),
            place_key: h.place_key.clone(),
            num_mentions: i64::from(h.num_mentions),
            num_sources: i64::from(h.num_sources),
            num_articles: i64::from(h.num_articles),
            avg_tone: h.avg_tone,
            is_root: h.is_root,
        }
    }
}

/// Regroups one class from its stored mentions, writing only the differences.
pub fn regroup(tx: &Transaction, grouper: &Grouper, class: &GroupClass) -> Result<(), StoreError> {
    let key = params![class.root, class.a, class.b];
    let mut events: Vec<(i64, Option<i64>)> = Vec::new();
    let mut mentions: Vec<EventMention> = Vec::new();
    {
        let mut st = tx
            .prepare_cached(&class_query(
                "SELECT e.event, e.happening, a.id, a.source, a.url, a.date, e.event_date, e.source_code,
                        e.target_code, e.code, e.base, e.root, e.place_key, e.goldstein, e.quad_class, e.idx,
                        e.sentence, e.is_root, e.status, a.tone
                 FROM events e JOIN articles a ON a.article = e.article",
                "e",
            ))
            .ctx("prepare class events")?;
        let mut q = st.query(key).ctx("read class events")?;
        while let Some(r) = q.next().ctx("read class events")? {
            events.push((r.get(0).ctx("event id")?, r.get(1).ctx("event happening")?));
            let status: String = r.get(18).ctx("event status")?;
            mentions.push(EventMention {
                article_id: r.get(2).ctx("article id")?,
                source_name: r.get(3).ctx("article source")?,
                url: r.get(4).ctx("article url")?,
                article_date: date(r.get(5).ctx("article date")?),
                event_date: date(r.get(6).ctx("event date")?),
                source_code: r.get(7).ctx("source code")?,
                target_code: r.get(8).ctx("target code")?,
                code: r.get(9).ctx("code")?,
                base: r.get(10).ctx("base")?,
                root: r.get(11).ctx("root")?,
                place_key: r.get(12).ctx("place key")?,
                goldstein: r.get::<_, f64>(13).ctx("goldstein")? as f32,
                quad_class: r.get::<_, i64>(14).ctx("quad class")? as u8,
                index: r.get::<_, i64>(15).ctx("event index")? as u32,
                sentence: r.get::<_, i64>(16).ctx("sentence")? as u32,
                is_root: r.get(17).ctx("is root")?,
                reported: status == "reported",
                doc_tone: r.get(19).ctx("tone")?,
            });
        }
    }
    let existing: HashMap<i64, Row> = {
        let mut st = tx
            .prepare_cached(&class_query(
                "SELECT happening, source_code, target_code, root, code, base, quad_class, goldstein, date,
                        place_key, num_mentions, num_sources, num_articles, avg_tone, is_root
                 FROM happenings",
                "happenings",
            ))
            .ctx("prepare class happenings")?;
        let it = st
            .query_map(key, |r| {
                Ok((
                    r.get(0)?,
                    Row {
                        source_code: r.get(1)?,
                        target_code: r.get(2)?,
                        root: r.get(3)?,
                        code: r.get(4)?,
                        base: r.get(5)?,
                        quad_class: r.get(6)?,
                        goldstein: r.get(7)?,
                        date: r.get(8)?,
                        place_key: r.get(9)?,
                        num_mentions: r.get(10)?,
                        num_sources: r.get(11)?,
                        num_articles: r.get(12)?,
                        avg_tone: r.get(13)?,
                        is_root: r.get(14)?,
                    },
                ))
            })
            .ctx("read class happenings")?;
        it.collect::<Result<_, _>>().ctx("read class happenings")?
    };

    let mut taken: HashSet<i64> = HashSet::new();
    let mut want: Vec<Option<i64>> = vec![None; events.len()];
    for h in grouper.group(&mentions) {
        let id = free_id(tx, h.id, &existing, &taken)?;
        taken.insert(id);
        let row = Row::of(&h);
        match existing.get(&id) {
            Some(old) if *old == row => {}
            Some(_) => write_row(tx, id, &row, "UPDATE")?,
            None => write_row(tx, id, &row, "INSERT")?,
        }
        for &m in &h.members {
            want[m] = Some(id);
        }
    }
    let mut link = tx
        .prepare_cached("UPDATE events SET happening = ?1 WHERE event = ?2")
        .ctx("prepare link")?;
    for ((event, current), wanted) in events.iter().zip(&want) {
        if current != wanted {
            link.execute(params![wanted, event])
                .ctx("link event to happening")?;
        }
    }
    let mut drop = tx
        .prepare_cached("DELETE FROM happenings WHERE happening = ?1")
        .ctx("prepare drop")?;
    for id in existing.keys().filter(|id| !taken.contains(id)) {
        drop.execute([id]).ctx("drop stale happening")?;
    }
    Ok(())
}

/// The id a new happening gets: its GLOBALEVENTID, unless another class's happening holds
/// it (53-bit hashes, so very rarely); then the next free one, as the happenings crate
/// probes inside one batch. Stable across regroupings while the other happening stays.
fn free_id(
    tx: &Transaction,
    raw: u64,
    ours: &HashMap<i64, Row>,
    taken: &HashSet<i64>,
) -> Result<i64, StoreError> {
    let mut exists = tx
        .prepare_cached("SELECT 1 FROM happenings WHERE happening = ?1")
        .ctx("prepare id probe")?;
    let mut id = raw & ID_MASK;
    loop {
        let candidate = id as i64;
        if id != 0 && !taken.contains(&candidate) {
            if ours.contains_key(&candidate) {
                return Ok(candidate);
            }
            if exists
                .query_row([candidate], |_| Ok(()))
                .optional()
                .ctx("probe happening id")?
                .is_none()
            {
                return Ok(candidate);
            }
        }
        id = (id + 1) & ID_MASK;
    }
}

fn write_row(tx: &Transaction, id: i64, r: &Row, verb: &str) -> Result<(), StoreError> {
    let sql = if verb == "INSERT" {
        "INSERT INTO happenings (source_code, target_code, root, code, base, quad_class, goldstein, date,
             place_key, num_mentions, num_sources, num_articles, avg_tone, is_root, happening)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)"
    } else {
        "UPDATE happenings SET source_code = ?1, target_code = ?2, root = ?3, code = ?4, base = ?5,
             quad_class = ?6, goldstein = ?7, date = ?8, place_key = ?9, num_mentions = ?10,
             num_sources = ?11, num_articles = ?12, avg_tone = ?13, is_root = ?14
         WHERE happening = ?15"
    };
    tx.prepare_cached(sql)
        .ctx("prepare happening write")?
        .execute(params![
            r.source_code,
            r.target_code,
            r.root,
            r.code,
            r.base,
            r.quad_class,
            r.goldstein,
            r.date,
            r.place_key,
            r.num_mentions,
            r.num_sources,
            r.num_articles,
            r.avg_tone,
            r.is_root,
            id
        ])
        .ctx("write happening")?;
    Ok(())
}

/// Recomputes every happening from scratch (after a rule change); returns their number.
pub fn regroup_all(conn: &mut Connection, grouper: &Grouper) -> Result<usize, StoreError> {
    {
        let tx = conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .ctx("begin regroup")?;
        tx.execute(
            "UPDATE events SET happening = NULL WHERE happening IS NOT NULL",
            [],
        )
        .ctx("unlink events")?;
        tx.execute("DELETE FROM happenings", [])
            .ctx("drop happenings")?;
        tx.execute(
            "INSERT OR IGNORE INTO dirty_classes (root, a, b)
             SELECT DISTINCT root, min(source_code, target_code), max(source_code, target_code) FROM events",
            [],
        )
        .ctx("mark every class")?;
        tx.commit().ctx("commit regroup")?;
    }
    regroup_dirty(conn, grouper)?;
    conn.query_row("SELECT count(*) FROM happenings", [], |r| {
        r.get::<_, i64>(0)
    })
    .map(|n| n as usize)
    .ctx("count")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plan of each branch of a class query: both must search the index by all three
    /// columns. With the old `root = ? AND (.. OR ..)` filter SQLite searched by root alone,
    /// so a store's ingest time grew with its size (every regrouped class of root 01 read
    /// every root-01 event).
    fn plans(select_from: &str, alias: &str) -> Vec<String> {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(crate::schema::TABLES).unwrap();
        let sql = format!("EXPLAIN QUERY PLAN {}", class_query(select_from, alias));
        let mut st = conn.prepare(&sql).unwrap();
        let rows = st
            .query_map(["01", "GBR", ""], |r| r.get::<_, String>(3))
            .unwrap();
        rows.map(Result::unwrap)
            .filter(|d| d.starts_with("SEARCH") || d.starts_with("SCAN"))
            .collect()
    }

    #[test]
    fn class_queries_search_the_whole_index_key() {
        let events = plans(
            "SELECT e.event FROM events e JOIN articles a ON a.article = e.article",
            "e",
        );
        let on_events: Vec<_> = events.iter().filter(|d| d.contains(" e ")).collect();
        assert_eq!(on_events.len(), 2, "{events:?}");
        for d in on_events {
            assert!(
                d.contains("(root=? AND source_code=? AND target_code=?)"),
                "{d}"
            );
        }
        let happenings = plans("SELECT happening FROM happenings", "happenings");
        assert_eq!(happenings.len(), 2, "{happenings:?}");
        for d in &happenings {
            assert!(d.contains("(source_code=? AND target_code=?)"), "{d}");
        }
    }
}
