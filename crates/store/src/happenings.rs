//! Keeping the `happenings` table equal to `sitrep-happenings`' grouping of all stored events.
//!
//! The grouping rule only ever puts together mentions with the same CAMEO root and the same
//! pair of actor codes (in either order, for symmetric codes). A [`GroupClass`] is such a
//! root and unordered pair: regrouping every stored mention of a class reproduces exactly
//! what grouping the whole corpus would give for it, so an ingest batch only regroups the
//! classes it touched.

use crate::error::{Ctx, StoreError};
use chrono::NaiveDate;
use rusqlite::{params, ErrorCode, Transaction};
use sitrep_happenings::{EventMention, Grouper, Happening};

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

const CLASS_FILTER: &str =
    "root = ?1 AND ((source_code = ?2 AND target_code = ?3) OR (source_code = ?3 AND target_code = ?2))";

fn date(s: Option<String>) -> Option<NaiveDate> {
    s.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
}

/// Regroups one class: drops its happenings and writes them anew from its stored mentions.
pub fn regroup(tx: &Transaction, grouper: &Grouper, class: &GroupClass) -> Result<(), StoreError> {
    let key = params![class.root, class.a, class.b];
    let mut st = tx
        .prepare_cached(
            "SELECT e.event, a.id, a.source, a.url, a.date, e.event_date, e.source_code, e.target_code,
                    e.code, e.base, e.root, e.place_key, e.goldstein, e.quad_class, e.idx, e.sentence,
                    e.is_root, e.status, a.tone
             FROM events e JOIN articles a ON a.article = e.article
             WHERE e.root = ?1 AND ((e.source_code = ?2 AND e.target_code = ?3)
                                 OR (e.source_code = ?3 AND e.target_code = ?2))",
        )
        .ctx("prepare class events")?;
    let mut rows: Vec<i64> = Vec::new();
    let mut mentions: Vec<EventMention> = Vec::new();
    let mut q = st.query(key).ctx("read class events")?;
    while let Some(r) = q.next().ctx("read class events")? {
        rows.push(r.get(0).ctx("event id")?);
        let status: String = r.get(17).ctx("event status")?;
        mentions.push(EventMention {
            article_id: r.get(1).ctx("article id")?,
            source_name: r.get(2).ctx("article source")?,
            url: r.get(3).ctx("article url")?,
            article_date: date(r.get(4).ctx("article date")?),
            event_date: date(r.get(5).ctx("event date")?),
            source_code: r.get(6).ctx("source code")?,
            target_code: r.get(7).ctx("target code")?,
            code: r.get(8).ctx("code")?,
            base: r.get(9).ctx("base")?,
            root: r.get(10).ctx("root")?,
            place_key: r.get(11).ctx("place key")?,
            goldstein: r.get::<_, f64>(12).ctx("goldstein")? as f32,
            quad_class: r.get::<_, i64>(13).ctx("quad class")? as u8,
            index: r.get::<_, i64>(14).ctx("event index")? as u32,
            sentence: r.get::<_, i64>(15).ctx("sentence")? as u32,
            is_root: r.get(16).ctx("is root")?,
            reported: status == "reported",
            doc_tone: r.get(18).ctx("tone")?,
        });
    }
    drop(q);

    tx.prepare_cached(&format!(
        "UPDATE events SET happening = NULL WHERE {CLASS_FILTER}"
    ))
    .ctx("prepare unlink")?
    .execute(key)
    .ctx("unlink class events")?;
    tx.prepare_cached(&format!("DELETE FROM happenings WHERE {CLASS_FILTER}"))
        .ctx("prepare drop happenings")?
        .execute(key)
        .ctx("drop class happenings")?;
    write(tx, &grouper.group(&mentions), &rows)
}

/// Inserts happenings and links their member events. A GLOBALEVENTID that collides with
/// another class's happening (53-bit hashes, so very rarely) probes upward, as the
/// happenings crate does inside one batch.
fn write(tx: &Transaction, groups: &[Happening], rows: &[i64]) -> Result<(), StoreError> {
    let mut insert = tx
        .prepare_cached(
            "INSERT INTO happenings (happening, source_code, target_code, root, code, base, quad_class,
                 goldstein, date, place_key, num_mentions, num_sources, num_articles, avg_tone, is_root)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
        )
        .ctx("prepare happening insert")?;
    let mut link = tx
        .prepare_cached("UPDATE events SET happening = ?1 WHERE event = ?2")
        .ctx("prepare link")?;
    const MASK: u64 = (1 << 53) - 1;
    for h in groups {
        let mut id = h.id;
        loop {
            let result = insert.execute(params![
                id as i64,
                h.source_code,
                h.target_code,
                h.root,
                h.code,
                h.base,
                i64::from(h.quad_class),
                f64::from(h.goldstein),
                h.date.map(|d| d.to_string()),
                h.place_key,
                i64::from(h.num_mentions),
                i64::from(h.num_sources),
                i64::from(h.num_articles),
                h.avg_tone,
                h.is_root,
            ]);
            match result {
                Ok(_) => break,
                Err(rusqlite::Error::SqliteFailure(e, _))
                    if e.code == ErrorCode::ConstraintViolation =>
                {
                    id = (id + 1) & MASK;
                    if id == 0 {
                        id = 1;
                    }
                }
                Err(e) => {
                    return Err(StoreError::Sqlite {
                        context: "insert happening",
                        source: e,
                    })
                }
            }
        }
        for &m in &h.members {
            link.execute(params![id as i64, rows[m]])
                .ctx("link event to happening")?;
        }
    }
    Ok(())
}

/// Regroups every class; returns the number of happenings.
pub fn regroup_all(tx: &Transaction, grouper: &Grouper) -> Result<usize, StoreError> {
    tx.execute("UPDATE events SET happening = NULL", [])
        .ctx("unlink all events")?;
    tx.execute("DELETE FROM happenings", [])
        .ctx("drop all happenings")?;
    let classes: Vec<GroupClass> = {
        let mut st = tx
            .prepare("SELECT DISTINCT source_code, target_code, root FROM events")
            .ctx("list classes")?;
        let it = st
            .query_map([], |r| {
                Ok(GroupClass::new(
                    &r.get::<_, String>(0)?,
                    &r.get::<_, String>(1)?,
                    &r.get::<_, String>(2)?,
                ))
            })
            .ctx("list classes")?;
        let mut v: Vec<GroupClass> = it.collect::<Result<_, _>>().ctx("list classes")?;
        v.sort();
        v.dedup();
        v
    };
    for c in &classes {
        regroup(tx, grouper, c)?;
    }
    tx.query_row("SELECT count(*) FROM happenings", [], |r| {
        r.get::<_, i64>(0)
    })
    .map(|n| n as usize)
    .ctx("count happenings")
}
