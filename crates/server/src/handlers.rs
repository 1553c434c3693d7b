//! The API handlers: each with its [`Route`] and its parameter struct (declared with
//! `api_params!`, so the OpenAPI document lists exactly what the handler reads), and one query.
//!
//! SQL is assembled only from the `&'static str` fragments in this file; every value from a
//! request is a bound parameter ([`Filter`] keeps fragments and values in step).

use crate::error::ApiError;
use crate::openapi::{
    api_params, doc, required, Documented, Route, ACTOR, ARTICLE_ID, ASSERTED, BOTH, CODE, FROM,
    LIMIT, OFFSET, QUAD, ROOT, SOURCE, TARGET, TO,
};
use crate::params::{actor_pattern, cameo, dates, like_anywhere, quad_class, text, Page, Params};
use crate::AppState;
use axum::extract::{Path, State};
use axum::Json;
use chrono::NaiveDate;
use rusqlite::types::{Value as Sql, ValueRef};
use rusqlite::{params_from_iter, Connection};
use serde_json::{json, Map, Value};
use sitrep_store::{DyadQuery, QueryCommand, Store, Table};
use std::sync::Arc;

type Shared = State<Arc<AppState>>;
type Answer = Result<Json<Value>, ApiError>;

/// Conditions joined by AND, each a constant fragment with its `?` values in order.
#[derive(Default)]
struct Filter {
    fragments: Vec<&'static str>,
    values: Vec<Sql>,
}

impl Filter {
    fn add(&mut self, fragment: &'static str, values: impl IntoIterator<Item = Sql>) {
        self.fragments.push(fragment);
        self.values.extend(values);
    }

    fn opt(&mut self, fragment: &'static str, value: Option<impl Into<Sql>>) {
        if let Some(v) = value {
            let v = v.into();
            let n = fragment.matches('?').count();
            self.add(fragment, std::iter::repeat_n(v, n));
        }
    }

    /// The `actor` parameter: events whose source or target code matches the pattern.
    fn either_actor(&mut self, actor: &Option<String>) -> Result<(), ApiError> {
        self.opt(
            "(e.source_code GLOB ? OR e.target_code GLOB ?)",
            actor_pattern("actor", actor)?,
        );
        Ok(())
    }

    fn sql(&self) -> String {
        if self.fragments.is_empty() {
            "1".into()
        } else {
            self.fragments.join(" AND ")
        }
    }
}

/// Runs `sql` (whose last two parameters are LIMIT and OFFSET when `page` is given) and
/// returns rows as JSON objects keyed by column name; columns named `*_json` are parsed.
fn rows(
    conn: &Connection,
    sql: &str,
    mut values: Vec<Sql>,
    page: Option<Page>,
) -> Result<Vec<Value>, ApiError> {
    if let Some(p) = page {
        values.push(Sql::Integer(p.fetch()));
        values.push(Sql::Integer(i64::from(p.offset)));
    }
    let mut st = conn.prepare_cached(sql)?;
    let names: Vec<String> = st.column_names().iter().map(|c| c.to_string()).collect();
    let mut q = st.query(params_from_iter(values))?;
    let mut out = Vec::new();
    while let Some(r) = q.next()? {
        let mut m = Map::with_capacity(names.len());
        for (i, name) in names.iter().enumerate() {
            let v = match r.get_ref(i)? {
                ValueRef::Null => Value::Null,
                ValueRef::Integer(v) => v.into(),
                ValueRef::Real(v) => serde_json::Number::from_f64((v * 1000.0).round() / 1000.0)
                    .map_or(Value::Null, Value::Number),
                ValueRef::Text(t) | ValueRef::Blob(t) => {
                    let s = String::from_utf8_lossy(t);
                    match name.strip_suffix("_json") {
                        Some(plain) => {
                            m.insert(
                                plain.into(),
                                serde_json::from_str(&s).unwrap_or(Value::Null),
                            );
                            continue;
                        }
                        None => Value::String(s.into_owned()),
                    }
                }
            };
            let key = name.strip_suffix("_json").unwrap_or(name);
            m.insert(key.into(), v);
        }
        out.push(Value::Object(m));
    }
    Ok(out)
}

/// A store [`Table`] as a list of JSON objects.
fn table_json(t: &Table) -> Vec<Value> {
    t.rows
        .iter()
        .map(|row| {
            let m: Map<String, Value> = t
                .columns
                .iter()
                .zip(row)
                .map(|(c, v)| (c.clone(), cell(v)))
                .collect();
            Value::Object(m)
        })
        .collect()
}

fn cell(v: &sitrep_store::Value) -> Value {
    use sitrep_store::Value as V;
    match v {
        V::Null => Value::Null,
        V::Int(i) => (*i).into(),
        V::Float(f) => serde_json::Number::from_f64(*f).map_or(Value::Null, Value::Number),
        V::Text(s) => s.clone().into(),
        V::Json(j) => j.clone(),
    }
}

async fn on_store<T: Send + 'static>(
    s: &AppState,
    f: impl FnOnce(&Store) -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    s.pool.run(f).await
}

// ---------------------------------------------------------------- stats

api_params! {
    /// A route without parameters still refuses unknown ones (a typo is not silently ignored).
    query struct NoParams {}
}

pub(crate) const STATS: Route = Route {
    path: "/api/stats",
    summary: "Corpus counts (articles, entities, quotes, events, happenings, dates).",
    paged: false,
    params: NoParams::PARAMS,
};

pub(crate) async fn stats(State(s): Shared, Params(_): Params<NoParams>) -> Answer {
    let t = on_store(&s, |st| Ok(st.query(&QueryCommand::Stats)?)).await?;
    let m: Map<String, Value> = t
        .rows
        .iter()
        .map(|r| (r[0].to_text().replace(' ', "_"), cell(&r[1])))
        .collect();
    Ok(Json(Value::Object(m)))
}

// ---------------------------------------------------------------- articles

api_params! {
    query struct ArticlesParams {
        q: Option<String> => doc("Article id, or words in the title.", "talks"),
        source: Option<String> => doc("Publisher/source name, exactly.", "bbc"),
        from: Option<NaiveDate> => FROM,
        to: Option<NaiveDate> => TO,
        limit: Option<u32> => LIMIT,
        offset: Option<u32> => OFFSET,
    }
}

pub(crate) const ARTICLES: Route = Route {
    path: "/api/articles",
    summary: "Articles, newest first, with event and quote counts (cap 500).",
    paged: true,
    params: ArticlesParams::PARAMS,
};

pub(crate) async fn articles(State(s): Shared, Params(p): Params<ArticlesParams>) -> Answer {
    let page = Page::new(p.limit, p.offset, 50, 500)?;
    let (from, to) = dates(p.from, p.to)?;
    let mut f = Filter::default();
    if let Some(q) = text("q", &p.q)? {
        f.add(
            "(a.id = ? OR a.title LIKE ? ESCAPE '\\')",
            [Sql::Text(q.clone()), Sql::Text(like_anywhere(&q))],
        );
    }
    f.opt("a.source = ?", text("source", &p.source)?);
    f.opt("a.date >= ?", from);
    f.opt("a.date <= ?", to);
    let sql = format!(
        "SELECT a.id, a.date, a.title, a.source, a.url, a.size AS bytes,
                (SELECT count(*) FROM events e WHERE e.article = a.article) AS events,
                (SELECT count(*) FROM quotes q WHERE q.article = a.article) AS quotes
         FROM articles a WHERE {} ORDER BY a.date DESC, a.id LIMIT ? OFFSET ?",
        f.sql()
    );
    let items = on_store(&s, move |st| {
        rows(st.connection(), &sql, f.values, Some(page))
    })
    .await?;
    Ok(Json(page.wrap(items)))
}

api_params! {
    path struct ArticleId {
        id: String => doc("Article id (may contain / and :).", "demo:oslo-talks"),
    }
}

pub(crate) const ARTICLE: Route = Route {
    path: "/api/articles/{*id}",
    summary: "One article: its text and every annotation layer (spans are byte offsets into text).",
    paged: false,
    params: ArticleId::PARAMS,
};

pub(crate) async fn article(State(s): Shared, Path(ArticleId { id }): Path<ArticleId>) -> Answer {
    if id.is_empty() || id.len() > 512 {
        return Err(ApiError::bad("article id must be 1 to 512 bytes"));
    }
    let t = on_store(&s, move |st| {
        Ok(st.query(&QueryCommand::Article(sitrep_store::ArticleQuery { id }))?)
    })
    .await?;
    table_json(&t)
        .into_iter()
        .next()
        .map(Json)
        .ok_or_else(|| ApiError::not_found("no such article"))
}

// ---------------------------------------------------------------- entities and actor codes

api_params! {
    query struct EntitiesParams {
        q: Option<String> => doc("Words of a name, or an entity key.", "ryabkov"),
        code: Option<String> => doc("CAMEO actor code or pattern.", "RUS*"),
        kind: Option<String> => doc("Entity kind (person, org, place, ...).", "person"),
        limit: Option<u32> => LIMIT,
        offset: Option<u32> => OFFSET,
    }
}

pub(crate) const ENTITIES: Route = Route {
    path: "/api/entities",
    summary: "Entities across articles, most mentioned first (cap 500).",
    paged: true,
    params: EntitiesParams::PARAMS,
};

pub(crate) async fn entities(State(s): Shared, Params(p): Params<EntitiesParams>) -> Answer {
    let page = Page::new(p.limit, p.offset, 50, 500)?;
    let mut f = Filter::default();
    if let Some(q) = text("q", &p.q)? {
        f.add(
            "(e.key = lower(?) OR e.entity IN (SELECT entity FROM entity_names WHERE name LIKE ? ESCAPE '\\'))",
            [Sql::Text(q.clone()), Sql::Text(like_anywhere(&q))],
        );
    }
    f.opt("e.actor_code GLOB ?", actor_pattern("code", &p.code)?);
    f.opt("e.kind = ?", text("kind", &p.kind)?);
    let sql = format!(
        "SELECT e.entity AS id, e.key, e.name, e.kind, e.actor_code,
                (SELECT count(*) FROM mentions m WHERE m.entity = e.entity) AS mentions,
                (SELECT json_group_array(name) FROM entity_names n WHERE n.entity = e.entity) AS names_json
         FROM entities e WHERE {} ORDER BY mentions DESC, e.name LIMIT ? OFFSET ?",
        f.sql()
    );
    let items = on_store(&s, move |st| {
        rows(st.connection(), &sql, f.values, Some(page))
    })
    .await?;
    Ok(Json(page.wrap(items)))
}

api_params! {
    query struct ActorsParams {
        q: Option<String> => doc("Code prefix or pattern.", "USA"),
        limit: Option<u32> => LIMIT,
        offset: Option<u32> => OFFSET,
    }
}

pub(crate) const ACTORS: Route = Route {
    path: "/api/actors",
    summary: "CAMEO actor codes seen in events, with event counts (cap 500).",
    paged: true,
    params: ActorsParams::PARAMS,
};

pub(crate) async fn actors(State(s): Shared, Params(p): Params<ActorsParams>) -> Answer {
    let page = Page::new(p.limit, p.offset, 50, 500)?;
    // A bare prefix ("RUS") lists every code that starts with it.
    let pattern = match actor_pattern("q", &p.q)? {
        Some(q) if q.contains(['*', '?']) => q,
        Some(q) => format!("{q}*"),
        None => "*".into(),
    };
    let sql = "WITH sides AS (
                   SELECT source_code AS code, count(*) AS n FROM events GROUP BY source_code
                   UNION ALL SELECT target_code, count(*) FROM events GROUP BY target_code)
               SELECT code, sum(n) AS events,
                      (SELECT name FROM entities WHERE actor_code = code ORDER BY entity LIMIT 1) AS example
               FROM sides WHERE code != '' AND code GLOB ?
               GROUP BY code ORDER BY events DESC, code LIMIT ? OFFSET ?";
    let items = on_store(&s, move |st| {
        rows(st.connection(), sql, vec![Sql::Text(pattern)], Some(page))
    })
    .await?;
    Ok(Json(page.wrap(items)))
}

// ---------------------------------------------------------------- quotes

api_params! {
    query struct QuotesParams {
        q: Option<String> => doc("FTS5 query: words, \"a phrase\", OR, NOT, prefix*.", "security"),
        speaker: Option<String> => doc("Words of the speaker's name.", "ryabkov"),
        article: Option<String> => ARTICLE_ID,
        from: Option<NaiveDate> => FROM,
        to: Option<NaiveDate> => TO,
        limit: Option<u32> => LIMIT,
        offset: Option<u32> => OFFSET,
    }
}

pub(crate) const QUOTES: Route = Route {
    path: "/api/quotes",
    summary: "Quotes by words (FTS5, best first, with a snippet whose matches are marked U+E000..U+E001), by speaker, by date (cap 500).",
    paged: true,
    params: QuotesParams::PARAMS,
};

/// Marks around matched words in snippets: private-use characters that never occur in news
/// text, so the UI can split on them and build DOM nodes (no markup in the data).
const MARK_OPEN: &str = "\u{E000}";
const MARK_CLOSE: &str = "\u{E001}";

pub(crate) async fn quotes(State(s): Shared, Params(p): Params<QuotesParams>) -> Answer {
    let page = Page::new(p.limit, p.offset, 50, 500)?;
    let (from, to) = dates(p.from, p.to)?;
    let words = text("q", &p.q)?;
    let mut f = Filter::default();
    if let Some(w) = &words {
        f.add("quotes_fts MATCH ?", [Sql::Text(w.clone())]);
    }
    if let Some(sp) = text("speaker", &p.speaker)? {
        f.add(
            "(q.speaker_entity IN (SELECT entity FROM entity_names WHERE name LIKE ? ESCAPE '\\')
              OR q.speaker LIKE ? ESCAPE '\\')",
            [Sql::Text(like_anywhere(&sp)), Sql::Text(like_anywhere(&sp))],
        );
    }
    f.opt("a.id = ?", text("article", &p.article)?);
    f.opt("a.date >= ?", from);
    f.opt("a.date <= ?", to);
    let columns = "q.quote AS id, a.id AS article, a.title AS article_title, a.date, q.speaker,
                   q.speaker_entity, q.kind, t.text, q.cue, q.start, q.end";
    let sql = if words.is_some() {
        format!(
            "SELECT {columns}, snippet(quotes_fts, 0, '{MARK_OPEN}', '{MARK_CLOSE}', '…', 24) AS snippet
             FROM quotes_fts JOIN quotes q ON q.quote = quotes_fts.rowid
                  JOIN articles a ON a.article = q.article
                  JOIN quote_texts t ON t.quote = q.quote
             WHERE {} ORDER BY bm25(quotes_fts), a.id, q.start LIMIT ? OFFSET ?",
            f.sql()
        )
    } else {
        format!(
            "SELECT {columns} FROM quotes q JOIN articles a ON a.article = q.article
                  JOIN quote_texts t ON t.quote = q.quote
             WHERE {} ORDER BY a.date, a.id, q.start LIMIT ? OFFSET ?",
            f.sql()
        )
    };
    let items = on_store(&s, move |st| {
        match rows(st.connection(), &sql, f.values.clone(), Some(page)) {
            // Text that is not FTS5 syntax ("U.S.-Russia", a lone quote) is searched as words
            // (FTS5 reports it as a generic SQLite error; a real failure fails again below).
            Err(e) if words.is_some() && e.status.is_server_error() => {
                let mut values = f.values;
                values[0] = Sql::Text(plain_words(words.as_deref().unwrap_or("")));
                rows(st.connection(), &sql, values, Some(page))
            }
            other => other,
        }
    })
    .await?;
    Ok(Json(page.wrap(items)))
}

/// Each word as an FTS5 string literal.
fn plain_words(q: &str) -> String {
    q.split_whitespace()
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect::<Vec<_>>()
        .join(" ")
}

// ---------------------------------------------------------------- events

api_params! {
    query struct EventsParams {
        actor: Option<String> => ACTOR,
        source: Option<String> => SOURCE,
        target: Option<String> => TARGET,
        #[serde(default)]
        both_directions: bool => BOTH,
        entity: Option<i64> => doc("Store entity id on either side.", "1"),
        code: Option<String> => CODE,
        root: Option<String> => ROOT,
        quad_class: Option<u8> => QUAD,
        from: Option<NaiveDate> => FROM,
        to: Option<NaiveDate> => TO,
        date: Option<NaiveDate> => doc("One day, YYYY-MM-DD (sets from and to).", "2022-01-10"),
        place: Option<String> => doc("Place key of the event (from /api/places).", "gn:2660646"),
        article: Option<String> => ARTICLE_ID,
        happening: Option<i64> => doc("Happening id.", "1"),
        theme: Option<String> => doc(
            "A GKG theme of the article (the store keeps no separate issue codes).",
            "NEGOTIATIONS"
        ),
        #[serde(default)]
        asserted_only: bool => ASSERTED,
        limit: Option<u32> => LIMIT,
        offset: Option<u32> => OFFSET,
    }
}

pub(crate) const EVENTS: Route = Route {
    path: "/api/events",
    summary: "Event mentions with their article and evidence sentence (cap 500).",
    paged: true,
    params: EventsParams::PARAMS,
};

/// Event columns with the article and the evidence sentence (cut from the stored text by
/// the byte span of its sentence, stored with the event).
const EVENT_COLUMNS: &str = "e.event AS id, a.id AS article, a.title AS article_title, e.idx AS index_in_article,
    e.date, e.event_date, e.code, e.base, e.root, e.quad_class, e.goldstein,
    e.source_code, e.source_text, e.target_code, e.target_text,
    e.trigger, e.trigger_start, e.trigger_end, e.sentence, e.status, e.is_root, e.quote_idx,
    e.place_key, pe.name AS place, e.happening,
    CAST(substr(sqlar_uncompress((SELECT t.text_z FROM texts t WHERE t.article = e.article), a.size),
                e.sentence_start + 1, e.sentence_end - e.sentence_start) AS TEXT)
        AS sentence_text";

fn event_filter(p: &EventsParams) -> Result<Filter, ApiError> {
    let mut f = Filter::default();
    let (src, tgt) = (
        actor_pattern("source", &p.source)?,
        actor_pattern("target", &p.target)?,
    );
    match (src, tgt, p.both_directions) {
        (Some(a), Some(b), true) => f.add(
            "((e.source_code GLOB ? AND e.target_code GLOB ?) OR (e.source_code GLOB ? AND e.target_code GLOB ?))",
            [a.clone(), b.clone(), b, a].map(Sql::Text),
        ),
        (a, b, _) => {
            f.opt("e.source_code GLOB ?", a);
            f.opt("e.target_code GLOB ?", b);
        }
    }
    f.either_actor(&p.actor)?;
    f.opt("(e.source_entity = ? OR e.target_entity = ?)", p.entity);
    f.opt("e.code = ?", cameo("code", &p.code, false)?);
    f.opt("e.root = ?", cameo("root", &p.root, true)?);
    f.opt("e.quad_class = ?", quad_class(p.quad_class)?);
    let (from, to) = dates(p.from.or(p.date), p.to.or(p.date))?;
    f.opt("e.date >= ?", from);
    f.opt("e.date <= ?", to);
    f.opt("e.place_key = ?", text("place", &p.place)?);
    f.opt("a.id = ?", text("article", &p.article)?);
    f.opt("e.happening = ?", p.happening);
    f.opt(
        "EXISTS (SELECT 1 FROM themes t WHERE t.article = e.article AND t.theme = ?)",
        text("theme", &p.theme)?,
    );
    if p.asserted_only {
        f.add("e.status = 'asserted'", []);
    }
    Ok(f)
}

pub(crate) async fn events(State(s): Shared, Params(p): Params<EventsParams>) -> Answer {
    let page = Page::new(p.limit, p.offset, 50, 500)?;
    let f = event_filter(&p)?;
    let sql = format!(
        "SELECT {EVENT_COLUMNS}
         FROM events e JOIN articles a ON a.article = e.article
              LEFT JOIN entities pe ON pe.entity = e.place_entity
         WHERE {} ORDER BY e.date, a.id, e.idx LIMIT ? OFFSET ?",
        f.sql()
    );
    let items = on_store(&s, move |st| {
        rows(st.connection(), &sql, f.values, Some(page))
    })
    .await?;
    Ok(Json(page.wrap(items)))
}

// ---------------------------------------------------------------- happenings

api_params! {
    query struct HappeningsParams {
        source: Option<String> => SOURCE,
        target: Option<String> => TARGET,
        #[serde(default)]
        both_directions: bool => BOTH,
        code: Option<String> => CODE,
        root: Option<String> => ROOT,
        quad_class: Option<u8> => QUAD,
        from: Option<NaiveDate> => FROM,
        to: Option<NaiveDate> => TO,
        min_articles: Option<u32> => doc(
            "Only happenings reported by at least this many articles.",
            "1"
        ),
        limit: Option<u32> => LIMIT,
        offset: Option<u32> => OFFSET,
    }
}

pub(crate) const HAPPENINGS: Route = Route {
    path: "/api/happenings",
    summary: "Real-world happenings (event mentions grouped across articles) (cap 500).",
    paged: true,
    params: HappeningsParams::PARAMS,
};

const HAPPENING_COLUMNS: &str = "h.happening AS id, h.date, h.source_code, h.target_code, h.code,
    h.base, h.root, h.quad_class, h.goldstein, h.place_key, h.num_mentions, h.num_articles,
    h.num_sources, h.avg_tone, h.is_root";

pub(crate) async fn happenings(State(s): Shared, Params(p): Params<HappeningsParams>) -> Answer {
    let page = Page::new(p.limit, p.offset, 50, 500)?;
    let mut f = Filter::default();
    let (src, tgt) = (
        actor_pattern("source", &p.source)?,
        actor_pattern("target", &p.target)?,
    );
    match (src, tgt, p.both_directions) {
        (Some(a), Some(b), true) => f.add(
            "((h.source_code GLOB ? AND h.target_code GLOB ?) OR (h.source_code GLOB ? AND h.target_code GLOB ?))",
            [a.clone(), b.clone(), b, a].map(Sql::Text),
        ),
        (a, b, _) => {
            f.opt("h.source_code GLOB ?", a);
            f.opt("h.target_code GLOB ?", b);
        }
    }
    f.opt("h.code = ?", cameo("code", &p.code, false)?);
    f.opt("h.root = ?", cameo("root", &p.root, true)?);
    f.opt("h.quad_class = ?", quad_class(p.quad_class)?);
    let (from, to) = dates(p.from, p.to)?;
    f.opt("h.date >= ?", from);
    f.opt("h.date <= ?", to);
    f.opt("h.num_articles >= ?", p.min_articles.map(i64::from));
    let sql = format!(
        "SELECT {HAPPENING_COLUMNS} FROM happenings h WHERE {}
         ORDER BY h.date, h.num_articles DESC, h.happening LIMIT ? OFFSET ?",
        f.sql()
    );
    let items = on_store(&s, move |st| {
        rows(st.connection(), &sql, f.values, Some(page))
    })
    .await?;
    Ok(Json(page.wrap(items)))
}

/// Mentions listed with one happening, at most.
const MAX_MENTIONS: u32 = 500;

api_params! {
    path struct HappeningId {
        // Text, so that a non-number is this route's 400 rather than the path parser's.
        id: String => doc("Happening id (its GLOBALEVENTID).", "1"),
    }
}

pub(crate) const HAPPENING: Route = Route {
    path: "/api/happenings/{id}",
    summary: "One happening with its mentions (events with articles and sentences, at most 500).",
    paged: false,
    params: HappeningId::PARAMS,
};

pub(crate) async fn happening(
    State(s): Shared,
    Path(HappeningId { id }): Path<HappeningId>,
) -> Answer {
    let id: i64 = id
        .parse()
        .map_err(|_| ApiError::bad(format!("happening id must be an integer (got {id:?})")))?;
    let found = on_store(&s, move |st| {
        let conn = st.connection();
        let sql = format!("SELECT {HAPPENING_COLUMNS} FROM happenings h WHERE h.happening = ?");
        let Some(mut h) = rows(conn, &sql, vec![Sql::Integer(id)], None)?.pop() else {
            return Ok(None);
        };
        let page = Page::new(Some(MAX_MENTIONS), None, MAX_MENTIONS, MAX_MENTIONS)?;
        let sql = format!(
            "SELECT {EVENT_COLUMNS}
             FROM events e JOIN articles a ON a.article = e.article
                  LEFT JOIN entities pe ON pe.entity = e.place_entity
             WHERE e.happening = ? ORDER BY e.date, a.id, e.idx LIMIT ? OFFSET ?"
        );
        let mentions = rows(conn, &sql, vec![Sql::Integer(id)], Some(page))?;
        h["mentions"] = page.wrap(mentions);
        Ok(Some(h))
    })
    .await?;
    found
        .map(Json)
        .ok_or_else(|| ApiError::not_found(format!("no happening {id}")))
}

// ---------------------------------------------------------------- dyads

api_params! {
    query struct DyadsParams {
        actor: Option<String> => ACTOR,
        limit: Option<u32> => LIMIT,
        offset: Option<u32> => OFFSET,
    }
}

pub(crate) const DYADS: Route = Route {
    path: "/api/dyads",
    summary: "The most active (source, target) actor-code pairs (cap 500).",
    paged: true,
    params: DyadsParams::PARAMS,
};

pub(crate) async fn dyads(State(s): Shared, Params(p): Params<DyadsParams>) -> Answer {
    let page = Page::new(p.limit, p.offset, 20, 500)?;
    let mut f = Filter::default();
    f.add("e.source_code != '' AND e.target_code != ''", []);
    f.either_actor(&p.actor)?;
    let sql = format!(
        "SELECT e.source_code AS source, e.target_code AS target, count(*) AS events,
                min(e.date) AS first, max(e.date) AS last, avg(e.goldstein) AS mean_goldstein
         FROM events e WHERE {} GROUP BY 1, 2 ORDER BY events DESC, 1, 2 LIMIT ? OFFSET ?",
        f.sql()
    );
    let items = on_store(&s, move |st| {
        rows(st.connection(), &sql, f.values, Some(page))
    })
    .await?;
    Ok(Json(page.wrap(items)))
}

api_params! {
    query struct DyadParams {
        a: Option<String> => required(
            "Actor A: CAMEO code, pattern (USA*), entity key or name.",
            "USA*"
        ),
        b: Option<String> => required("Actor B, as a.", "RUS*"),
        #[serde(default)]
        both_directions: bool => BOTH,
        #[serde(default)]
        asserted_only: bool => ASSERTED,
        from: Option<NaiveDate> => FROM,
        to: Option<NaiveDate> => TO,
    }
}

pub(crate) const DYAD: Route = Route {
    path: "/api/dyad",
    summary: "Daily event counts between two actors by QuadClass, with Goldstein sum and mean (sparse: days without events are absent).",
    paged: false,
    params: DyadParams::PARAMS,
};

pub(crate) async fn dyad(State(s): Shared, Params(p): Params<DyadParams>) -> Answer {
    let (Some(a), Some(b)) = (text("a", &p.a)?, text("b", &p.b)?) else {
        return Err(ApiError::bad(
            "a and b are required: two actors (CAMEO codes, patterns like RUS*, or names)",
        ));
    };
    dates(p.from, p.to)?;
    let q = DyadQuery {
        a: a.clone(),
        b: b.clone(),
        both_directions: p.both_directions,
        from: p.from,
        to: p.to,
        asserted_only: p.asserted_only,
        fill_days: false,
    };
    let t = on_store(&s, move |st| Ok(st.query(&QueryCommand::Dyad(q))?)).await?;
    let mut series = table_json(&t);
    for row in &mut series {
        let (n, sum) = (row["events"].as_f64(), row["goldstein_sum"].as_f64());
        if let (Some(n), Some(sum)) = (n, sum) {
            row["mean_goldstein"] = json!(((sum / n.max(1.0)) * 1000.0).round() / 1000.0);
        }
    }
    Ok(Json(
        json!({ "a": a, "b": b, "both_directions": p.both_directions, "series": series }),
    ))
}

// ---------------------------------------------------------------- network

api_params! {
    query struct NetworkParams {
        actor: Option<String> => ACTOR,
        root: Option<String> => ROOT,
        quad_class: Option<u8> => QUAD,
        from: Option<NaiveDate> => FROM,
        to: Option<NaiveDate> => TO,
        limit: Option<u32> => doc("Most edges (1 to 500).", "100"),
    }
}

pub(crate) const NETWORK: Route = Route {
    path: "/api/network",
    summary: "Actor network: nodes are actor codes, edges (source -> target) carry event counts by QuadClass and mean Goldstein; the heaviest edges first (cap 500).",
    paged: false,
    params: NetworkParams::PARAMS,
};

pub(crate) async fn network(State(s): Shared, Params(p): Params<NetworkParams>) -> Answer {
    let page = Page::new(p.limit, None, 100, 500)?;
    let mut f = Filter::default();
    f.add("e.source_code != '' AND e.target_code != ''", []);
    f.either_actor(&p.actor)?;
    f.opt("e.root = ?", cameo("root", &p.root, true)?);
    f.opt("e.quad_class = ?", quad_class(p.quad_class)?);
    let (from, to) = dates(p.from, p.to)?;
    f.opt("e.date >= ?", from);
    f.opt("e.date <= ?", to);
    let sql = format!(
        "SELECT e.source_code AS source, e.target_code AS target, count(*) AS events,
                sum(e.quad_class = 1) AS verbal_coop, sum(e.quad_class = 2) AS material_coop,
                sum(e.quad_class = 3) AS verbal_conflict, sum(e.quad_class = 4) AS material_conflict,
                avg(e.goldstein) AS mean_goldstein
         FROM events e WHERE {} GROUP BY 1, 2 ORDER BY events DESC, 1, 2 LIMIT ? OFFSET ?",
        f.sql()
    );
    let mut edges = on_store(&s, move |st| {
        rows(st.connection(), &sql, f.values, Some(page))
    })
    .await?;
    let truncated = edges.len() > page.limit as usize;
    edges.truncate(page.limit as usize);
    let mut nodes: std::collections::BTreeMap<String, (i64, i64)> = Default::default();
    for e in &edges {
        let n = e["events"].as_i64().unwrap_or(0);
        for (side, out) in [("source", true), ("target", false)] {
            if let Some(code) = e[side].as_str() {
                let entry = nodes.entry(code.to_string()).or_default();
                if out {
                    entry.0 += n;
                } else {
                    entry.1 += n;
                }
            }
        }
    }
    let nodes: Vec<Value> = nodes
        .into_iter()
        .map(|(id, (out, inc))| json!({ "id": id, "outgoing": out, "incoming": inc, "events": out + inc }))
        .collect();
    Ok(Json(
        json!({ "nodes": nodes, "edges": edges, "limit": page.limit, "truncated": truncated }),
    ))
}

// ---------------------------------------------------------------- places

api_params! {
    query struct PlacesParams {
        actor: Option<String> => ACTOR,
        root: Option<String> => ROOT,
        quad_class: Option<u8> => QUAD,
        from: Option<NaiveDate> => FROM,
        to: Option<NaiveDate> => TO,
        limit: Option<u32> => LIMIT,
        offset: Option<u32> => OFFSET,
    }
}

pub(crate) const PLACES: Route = Route {
    path: "/api/places",
    summary: "Event places (ActionGeo) with event counts and coordinates when geocoded (cap 1000).",
    paged: true,
    params: PlacesParams::PARAMS,
};

pub(crate) async fn places(State(s): Shared, Params(p): Params<PlacesParams>) -> Answer {
    let page = Page::new(p.limit, p.offset, 200, 1000)?;
    let mut f = Filter::default();
    f.add("e.place_key IS NOT NULL", []);
    f.either_actor(&p.actor)?;
    f.opt("e.root = ?", cameo("root", &p.root, true)?);
    f.opt("e.quad_class = ?", quad_class(p.quad_class)?);
    let (from, to) = dates(p.from, p.to)?;
    f.opt("e.date >= ?", from);
    f.opt("e.date <= ?", to);
    // Coordinates are the place entity's geo, as the first article that named it gave them.
    let sql = format!(
        "WITH p AS (
            SELECT e.place_key, count(*) AS events, min(e.event) AS sample,
                   sum(e.quad_class <= 2) AS cooperation, sum(e.quad_class >= 3) AS conflict
            FROM events e WHERE {} GROUP BY e.place_key
            ORDER BY events DESC, e.place_key LIMIT ? OFFSET ?)
         SELECT p.place_key, p.events, p.cooperation, p.conflict, pe.name,
                pe.geo AS geo_json
         FROM p JOIN events s ON s.event = p.sample
              LEFT JOIN entities pe ON pe.entity = s.place_entity
         ORDER BY p.events DESC, p.place_key",
        f.sql()
    );
    let items = on_store(&s, move |st| {
        rows(st.connection(), &sql, f.values, Some(page))
    })
    .await?;
    Ok(Json(page.wrap(items)))
}
