//! Writing articles: validation, the idempotency check, rows per layer, batched commits.

use crate::error::{Ctx, StoreError};
use crate::happenings::{self, GroupClass};
use crate::hash::content_hash;
use crate::record::QuoteRow;
use rusqlite::{params, Connection, OptionalExtension, Transaction, TransactionBehavior};
use sitrep_doc::output::ArticleRecord;
use sitrep_doc::Document;
use sitrep_happenings::{EventMention, Grouper};
use std::borrow::Cow;
use std::collections::BTreeSet;

/// What [`crate::Store::ingest`] takes: a processed [`Document`] (owned or borrowed), or a
/// schema-v1 [`ArticleRecord`] with the text its spans point into (`(record, text)`, owned
/// or borrowed).
pub trait Article {
    /// The annotations, as schema v1.
    fn record(&self) -> Cow<'_, ArticleRecord>;
    /// The original text the record's spans point into.
    fn text(&self) -> &str;
}

impl Article for Document {
    fn record(&self) -> Cow<'_, ArticleRecord> {
        Cow::Owned(self.to_record())
    }
    fn text(&self) -> &str {
        Document::text(self)
    }
}

impl Article for (ArticleRecord, String) {
    fn record(&self) -> Cow<'_, ArticleRecord> {
        Cow::Borrowed(&self.0)
    }
    fn text(&self) -> &str {
        &self.1
    }
}

impl Article for (&ArticleRecord, &str) {
    fn record(&self) -> Cow<'_, ArticleRecord> {
        Cow::Borrowed(self.0)
    }
    fn text(&self) -> &str {
        self.1
    }
}

impl<A: Article + ?Sized> Article for &A {
    fn record(&self) -> Cow<'_, ArticleRecord> {
        (**self).record()
    }
    fn text(&self) -> &str {
        (**self).text()
    }
}

/// What an ingest did, article by article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IngestReport {
    /// New ids written.
    pub inserted: usize,
    /// Ids already stored with another hash (text or annotations changed): the old rows
    /// were deleted and the new ones written, in the same transaction.
    pub replaced: usize,
    /// Ids already stored with the same hash: nothing written (this is how a rerun resumes).
    pub unchanged: usize,
    /// Articles refused, with the reason (a span outside the text, a dangling entity id).
    /// Nothing of them is written; the rest of the batch goes on.
    pub rejected: Vec<(String, String)>,
    /// Ids already stored (or seen earlier in the same input) with a different text, and
    /// not replaced because replacing was not asked for ([`crate::Store::set_replace`]).
    pub conflicts: Vec<String>,
    /// Transactions committed.
    pub commits: usize,
    /// (CAMEO root, actor pair) classes whose happenings were regrouped at the end.
    pub regrouped_classes: usize,
}

impl IngestReport {
    pub fn seen(&self) -> usize {
        self.inserted + self.replaced + self.unchanged + self.rejected.len() + self.conflicts.len()
    }
}

enum Outcome {
    Inserted,
    Replaced,
    Unchanged,
    Conflict,
    Rejected(String),
}

/// Ingests `items`, committing every `batch_size` articles; then (when `regroup`) regroups
/// the happenings of every class marked dirty, once. A crash between the two leaves the
/// classes marked dirty in the store, and [`crate::Store::open`] finishes the job.
pub(crate) fn ingest<A: Article>(
    conn: &mut Connection,
    grouper: &Grouper,
    batch_size: usize,
    replace: bool,
    regroup: bool,
    items: impl IntoIterator<Item = A>,
) -> Result<IngestReport, StoreError> {
    let mut report = IngestReport::default();
    let mut items = items.into_iter().peekable();
    while items.peek().is_some() {
        let tx = Transaction::new(conn, TransactionBehavior::Immediate).ctx("begin batch")?;
        let mut touched = BTreeSet::new();
        let mut unindexed = BTreeSet::new();
        for item in items.by_ref().take(batch_size) {
            let record = item.record();
            let outcome = ingest_one(
                &tx,
                &record,
                item.text(),
                replace,
                &mut touched,
                &mut unindexed,
            )?;
            match outcome {
                Outcome::Inserted => report.inserted += 1,
                Outcome::Replaced => report.replaced += 1,
                Outcome::Unchanged => report.unchanged += 1,
                Outcome::Conflict => report.conflicts.push(record.id.clone()),
                Outcome::Rejected(why) => report.rejected.push((record.id.clone(), why)),
            }
        }
        index_quotes(&tx, &unindexed)?;
        happenings::mark_dirty(&tx, &touched)?;
        tx.commit().ctx("commit batch")?;
        report.commits += 1;
    }
    if regroup {
        report.regrouped_classes = happenings::regroup_dirty(conn, grouper)?;
    }
    Ok(report)
}

fn stored_text(tx: &Transaction, article: i64) -> Result<String, StoreError> {
    let (z, size): (Vec<u8>, i64) = tx
        .prepare_cached(
            "SELECT t.text_z, a.size FROM articles a JOIN texts t USING (article)
             WHERE a.article = ?1",
        )
        .ctx("prepare text lookup")?
        .query_row([article], |r| Ok((r.get(0)?, r.get(1)?)))
        .ctx("look up text")?;
    crate::sqlar::text(&z, size as usize)
}

/// Adds the quotes of the batch's new articles to the full-text index, in one statement.
fn index_quotes(tx: &Transaction, articles: &BTreeSet<i64>) -> Result<(), StoreError> {
    if articles.is_empty() {
        return Ok(());
    }
    let ids = serde_json::to_string(articles)?;
    tx.prepare_cached(
        "INSERT INTO quotes_fts (rowid, text, speaker)
         SELECT quote, text, speaker FROM quote_texts WHERE article IN (SELECT value FROM json_each(?1))",
    )
    .ctx("prepare quote indexing")?
    .execute([ids])
    .ctx("index quotes")?;
    Ok(())
}

/// Writes one article. `unindexed` collects the articles whose quotes are not yet in the
/// full-text index (indexed once per batch, see [`index_quotes`]).
fn ingest_one(
    tx: &Transaction,
    rec: &ArticleRecord,
    text: &str,
    replace: bool,
    touched: &mut BTreeSet<GroupClass>,
    unindexed: &mut BTreeSet<i64>,
) -> Result<Outcome, StoreError> {
    if let Err(why) = validate(rec, text) {
        return Ok(Outcome::Rejected(why));
    }
    // The text and the whole record (not only the part stored as JSON: the tables hold
    // the rest).
    let slim = crate::record::slim_json(rec, text)?;
    let hash = content_hash(&[text.as_bytes(), &slim.whole]);
    let (json, quote_rows) = (slim.json, slim.quote_rows);

    let existing: Option<(i64, String)> = tx
        .prepare_cached("SELECT article, hash FROM articles WHERE id = ?1")
        .ctx("prepare article lookup")?
        .query_row([&rec.id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()
        .ctx("look up article")?;
    let outcome = match existing {
        Some((_, ref old)) if *old == hash => return Ok(Outcome::Unchanged),
        Some((article, _)) if !replace && stored_text(tx, article)? != text => {
            return Ok(Outcome::Conflict)
        }
        Some((article, _)) => {
            // An article written earlier in this batch has no index entries to remove yet.
            let indexed = !unindexed.remove(&article);
            delete_article(tx, article, indexed, touched)?;
            Outcome::Replaced
        }
        None => Outcome::Inserted,
    };

    let article: i64 = tx
        .prepare_cached(
            "INSERT INTO articles (id, date, title, url, source, hash, tone, size, ingested_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, datetime('now')) RETURNING article",
        )
        .ctx("prepare article insert")?
        .query_row(
            params![
                rec.id,
                rec.date.map(|d| d.to_string()),
                rec.title,
                rec.url,
                rec.source,
                hash,
                rec.tone.as_ref().map(|t| t.tone),
                text.len() as i64,
            ],
            |r| r.get(0),
        )
        .ctx("insert article")?;
    tx.prepare_cached("INSERT INTO texts (article, text_z) VALUES (?1, ?2)")
        .ctx("prepare text insert")?
        .execute(params![article, crate::sqlar::compress(text.as_bytes())])
        .ctx("insert text")?;
    tx.prepare_cached("INSERT INTO records (article, size, record_z) VALUES (?1, ?2, ?3)")
        .ctx("prepare record insert")?
        .execute(params![
            article,
            json.len() as i64,
            crate::sqlar::compress(&json)
        ])
        .ctx("insert record")?;

    let entities = write_entities(tx, article, rec)?;
    write_quotes(tx, article, &quote_rows, &entities)?;
    write_events(tx, article, rec, &entities, touched)?;
    write_themes(tx, article, rec)?;
    unindexed.insert(article);
    Ok(outcome)
}

/// Deletes an article and every row made from it, noting the happening classes its events
/// were in (they must be regrouped).
fn delete_article(
    tx: &Transaction,
    article: i64,
    indexed: bool,
    touched: &mut BTreeSet<GroupClass>,
) -> Result<(), StoreError> {
    let mut st = tx
        .prepare_cached(
            "SELECT DISTINCT source_code, target_code, root FROM events WHERE article = ?1",
        )
        .ctx("prepare replaced events")?;
    let classes = st
        .query_map([article], |r| {
            Ok(GroupClass::new(
                &r.get::<_, String>(0)?,
                &r.get::<_, String>(1)?,
                &r.get::<_, String>(2)?,
            ))
        })
        .ctx("read replaced events")?;
    for c in classes {
        touched.insert(c.ctx("read replaced events")?);
    }
    if indexed {
        // External-content FTS5: an entry is removed by replaying the values it was made of.
        tx.prepare_cached(
            "INSERT INTO quotes_fts (quotes_fts, rowid, text, speaker)
             SELECT 'delete', quote, text, speaker FROM quote_texts WHERE article = ?1",
        )
        .ctx("prepare unindex quotes")?
        .execute([article])
        .ctx("unindex replaced quotes")?;
    }
    for (sql, what) in [
        (
            "DELETE FROM events WHERE article = ?1",
            "delete replaced events",
        ),
        (
            "DELETE FROM quotes WHERE article = ?1",
            "delete replaced quotes",
        ),
        (
            "DELETE FROM themes WHERE article = ?1",
            "delete replaced themes",
        ),
        (
            "DELETE FROM mentions WHERE article = ?1",
            "delete replaced mentions",
        ),
        (
            "DELETE FROM texts WHERE article = ?1",
            "delete replaced text",
        ),
        (
            "DELETE FROM records WHERE article = ?1",
            "delete replaced record",
        ),
        (
            "DELETE FROM articles WHERE article = ?1",
            "delete replaced article",
        ),
    ] {
        tx.prepare_cached(sql)
            .ctx(what)?
            .execute([article])
            .ctx(what)?;
    }
    Ok(())
}

/// The store-wide key of an entity: the names layer's key, or (if a producer left it empty)
/// the lowercased name, so two empty keys never merge unrelated actors.
pub(crate) fn entity_key(e: &sitrep_doc::output::EntityRecord) -> String {
    let key = e.key.trim();
    if key.is_empty() {
        format!("name:{}", e.name.trim().to_lowercase())
    } else {
        key.to_string()
    }
}

/// Upserts the article's entities into the global table; returns local id -> global id.
fn write_entities(
    tx: &Transaction,
    article: i64,
    rec: &ArticleRecord,
) -> Result<Vec<i64>, StoreError> {
    let mut upsert = tx
        .prepare_cached(
            "INSERT INTO entities (key, name, kind, actor_code, geo) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT(key) DO UPDATE SET actor_code = coalesce(entities.actor_code, excluded.actor_code),
                                            geo = coalesce(entities.geo, excluded.geo)
             RETURNING entity",
        )
        .ctx("prepare entity upsert")?;
    let mut name = tx
        .prepare_cached("INSERT OR IGNORE INTO entity_names (entity, name) VALUES (?1, ?2)")
        .ctx("prepare entity name")?;
    let mut mention = tx
        .prepare_cached(
            // A record from another producer may name one span twice: the table keeps one
            // row (the record keeps such an entity's mentions itself, see crate::record).
            "INSERT OR IGNORE INTO mentions (article, local, entity, start, end, text, form)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )
        .ctx("prepare mention insert")?;
    let mut ids = Vec::with_capacity(rec.entities.len());
    for (local, e) in rec.entities.iter().enumerate() {
        let geo = e.geo.as_ref().map(serde_json::to_string).transpose()?;
        let id: i64 = upsert
            .query_row(
                params![entity_key(e), e.name, e.kind, e.actor_code, geo],
                |r| r.get(0),
            )
            .ctx("upsert entity")?;
        name.execute(params![id, e.name])
            .ctx("insert entity name")?;
        for m in &e.mentions {
            mention
                .execute(params![
                    article,
                    local as i64,
                    id,
                    m.start as i64,
                    m.end as i64,
                    m.text,
                    m.form
                ])
                .ctx("insert mention")?;
        }
        ids.push(id);
    }
    Ok(ids)
}

fn global(ids: &[i64], local: Option<u32>) -> Option<i64> {
    local.and_then(|l| ids.get(l as usize).copied())
}

/// Writes the quotes' rows (made with the stored record, see [`crate::record::slim_json`]).
fn write_quotes(
    tx: &Transaction,
    article: i64,
    rows: &[QuoteRow],
    ids: &[i64],
) -> Result<(), StoreError> {
    let mut st = tx
        .prepare_cached(
            "INSERT INTO quotes (article, idx, start, end, text, kind, speaker_entity, speaker_local,
                                 speaker, speaker_start, speaker_end, cue, cue_start, cue_end)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
        )
        .ctx("prepare quote insert")?;
    // A row names the speaker entity's canonical name ("Ryabkov" for "he"), else the words
    // in the text, and no quote text that is the text under its span (view quote_texts).
    for (i, row) in rows.iter().enumerate() {
        st.execute(params![
            article,
            i as i64,
            row.start as i64,
            row.end as i64,
            row.text,
            row.kind,
            global(ids, row.speaker_local),
            row.speaker_local,
            row.speaker,
            row.speaker_span.map(|s| s.0 as i64),
            row.speaker_span.map(|s| s.1 as i64),
            row.cue,
            row.cue_span.map(|s| s.0 as i64),
            row.cue_span.map(|s| s.1 as i64),
        ])
        .ctx("insert quote")?;
    }
    Ok(())
}

fn write_events(
    tx: &Transaction,
    article: i64,
    rec: &ArticleRecord,
    ids: &[i64],
    touched: &mut BTreeSet<GroupClass>,
) -> Result<(), StoreError> {
    let mut st = tx
        .prepare_cached(
            "INSERT INTO events (article, idx, date, code, base, root, quad_class, goldstein,
                source_code, source_entity, source_text, target_code, target_entity, target_text,
                place_entity, place_key, trigger_start, trigger_end, trigger, sentence, sentence_start,
                sentence_end, event_date, is_root, status, quote_idx)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
                     ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26)",
        )
        .ctx("prepare event insert")?;
    // The happenings crate's own rows, so place keys and dates are exactly what it groups on.
    let rows = EventMention::from_record(rec);
    for (e, m) in rec.events.iter().zip(&rows) {
        // A sentence index outside the record (a foreign producer) falls back to the trigger.
        let sentence = rec
            .sentences
            .get(e.sentence as usize)
            .map_or((e.trigger.start, e.trigger.end), |s| (s.start, s.end));
        st.execute(params![
            article,
            m.index as i64,
            m.date().map(|d| d.to_string()),
            e.code,
            e.base,
            e.root,
            e.quad_class as i64,
            f64::from(e.goldstein),
            m.source_code,
            global(ids, e.source.as_ref().and_then(|a| a.entity)),
            e.source.as_ref().map(|a| a.text.clone()),
            m.target_code,
            global(ids, e.target.as_ref().and_then(|a| a.entity)),
            e.target.as_ref().map(|a| a.text.clone()),
            global(ids, e.place),
            m.place_key,
            e.trigger.start as i64,
            e.trigger.end as i64,
            e.trigger.text,
            e.sentence as i64,
            sentence.0 as i64,
            sentence.1 as i64,
            e.date.map(|d| d.to_string()),
            e.is_root,
            e.status,
            e.quote.map(i64::from),
        ])
        .ctx("insert event")?;
        touched.insert(GroupClass::new(&m.source_code, &m.target_code, &m.root));
    }
    Ok(())
}

fn write_themes(tx: &Transaction, article: i64, rec: &ArticleRecord) -> Result<(), StoreError> {
    let mut st = tx
        .prepare_cached(
            "INSERT OR IGNORE INTO themes (article, theme, start, end, idx) VALUES (?1, ?2, ?3, ?4, ?5)",
        )
        .ctx("prepare theme insert")?;
    for (i, t) in rec.themes.iter().enumerate() {
        st.execute(params![
            article,
            t.theme,
            t.start as i64,
            t.end as i64,
            i as i64
        ])
        .ctx("insert theme")?;
    }
    Ok(())
}

/// Refuses records whose spans do not fit the text or whose entity ids dangle: storing
/// them would make the store assert things without evidence.
fn validate(rec: &ArticleRecord, text: &str) -> Result<(), String> {
    let span = |what: &str, start: usize, end: usize| -> Result<(), String> {
        if start <= end
            && end <= text.len()
            && text.is_char_boundary(start)
            && text.is_char_boundary(end)
        {
            Ok(())
        } else {
            Err(format!(
                "{what} span {start}..{end} does not fit the text ({} bytes)",
                text.len()
            ))
        }
    };
    let n = rec.entities.len();
    let entity = |what: &str, id: Option<u32>| -> Result<(), String> {
        match id {
            Some(i) if i as usize >= n => {
                Err(format!("{what} refers to entity {i}, the article has {n}"))
            }
            _ => Ok(()),
        }
    };
    if rec.id.is_empty() {
        return Err("empty article id".into());
    }
    for s in &rec.sentences {
        span("sentence", s.start, s.end)?;
    }
    for e in &rec.entities {
        for m in &e.mentions {
            span("mention", m.start, m.end)?;
        }
    }
    for q in &rec.quotes {
        span("quote", q.start, q.end)?;
        if let Some(s) = &q.speaker {
            span("speaker", s.start, s.end)?;
            entity("speaker", s.entity)?;
        }
        if let Some(c) = &q.cue {
            span("cue", c.start, c.end)?;
        }
    }
    for e in &rec.events {
        span("trigger", e.trigger.start, e.trigger.end)?;
        for a in [&e.source, &e.target].into_iter().flatten() {
            span("event actor", a.start, a.end)?;
            entity("event actor", a.entity)?;
        }
        entity("event place", e.place)?;
    }
    for d in &rec.dates {
        span("date", d.start, d.end)?;
    }
    for a in &rec.amounts {
        span("amount", a.start, a.end)?;
    }
    for t in &rec.themes {
        span("theme", t.start, t.end)?;
    }
    Ok(())
}
