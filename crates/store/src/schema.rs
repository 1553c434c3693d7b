//! The store's tables. One SQL script, applied once to a new file and versioned with
//! `PRAGMA user_version`, so an old sitrep never misreads a newer store.

/// Bumped whenever a table changes shape.
pub const SCHEMA_VERSION: i64 = 3;

/// Connection settings applied on every open. The page size takes effect only in a new,
/// empty file (it must come before WAL mode): 8 KiB pages hold an article's compressed text
/// or record with less room left over than 4 KiB ones (one ingest of the BBC corpus: 15.7
/// MB instead of 16.0). WAL lets readers query while an ingest writes; `synchronous=NORMAL` in WAL
/// mode keeps every committed transaction across a process crash (only an OS crash or
/// power loss can lose the last commits).
pub const PRAGMAS: &str = "
PRAGMA page_size = 8192;
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
PRAGMA foreign_keys = ON;
PRAGMA temp_store = MEMORY;
PRAGMA cache_size = -65536;
PRAGMA mmap_size = 268435456;
";

/// Settings for a query-only connection: the same caches, no writes.
pub const READ_PRAGMAS: &str = "
PRAGMA query_only = ON;
PRAGMA temp_store = MEMORY;
PRAGMA cache_size = -65536;
PRAGMA mmap_size = 268435456;
";

pub const TABLES: &str = r#"
CREATE TABLE articles (
    article     INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    date        TEXT,                -- YYYY-MM-DD
    title       TEXT,
    url         TEXT,
    source      TEXT,
    -- FNV-1a 128 of text + annotation record: equal hash = nothing to do on re-ingest
    hash        TEXT NOT NULL,
    tone        REAL,
    size        INTEGER NOT NULL,    -- the text's length in bytes
    ingested_at TEXT NOT NULL
);
CREATE INDEX articles_date ON articles(date);

-- The article text in SQLite's archive ("sqlar") form: zlib, or the bytes as they are when
-- that does not shrink them; `sqlar_uncompress(text_z, articles.size)` reads it (built into
-- the sqlite3 shell, registered by sitrep; the view article_texts applies it). Apart from
-- the articles so that an article's row stays small and pages stay full.
CREATE TABLE texts (
    article INTEGER PRIMARY KEY REFERENCES articles(article),
    text_z  BLOB NOT NULL
);

-- The part of the article's schema v1 record that no table holds (sentences, dates,
-- amounts, tone, events' rules and issues, entity titles and places ...), as JSON in the
-- same form; `sitrep query article ID` prints the whole record, put back together.
CREATE TABLE records (
    article  INTEGER PRIMARY KEY REFERENCES articles(article),
    size     INTEGER NOT NULL,
    record_z BLOB NOT NULL
);

-- One row per cross-article actor, keyed by the names layer's entity key (normalized,
-- transliteration-folded), so spellings of one person are one row.
CREATE TABLE entities (
    entity     INTEGER PRIMARY KEY,
    key        TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL,        -- canonical name as first seen
    kind       TEXT NOT NULL,
    actor_code TEXT,                 -- first CAMEO code seen
    geo        TEXT                  -- a place's coordinates as JSON (the record's geo), first seen
);
CREATE INDEX entities_code ON entities(actor_code);

-- Every canonical name an entity was given (spellings folded into one key).
CREATE TABLE entity_names (
    entity INTEGER NOT NULL REFERENCES entities(entity),
    name   TEXT NOT NULL,
    PRIMARY KEY (entity, name)
) WITHOUT ROWID;
CREATE INDEX entity_names_name ON entity_names(name COLLATE NOCASE);

-- One row per entity and distinct span of an article; read in key order, an entity's rows
-- are its mentions in the record. No rowid: the key is the one B-tree.
CREATE TABLE mentions (
    article INTEGER NOT NULL REFERENCES articles(article),
    local   INTEGER NOT NULL,        -- entity id inside the article record
    entity  INTEGER NOT NULL REFERENCES entities(entity),
    start   INTEGER NOT NULL,
    end     INTEGER NOT NULL,
    text    TEXT NOT NULL,
    form    TEXT NOT NULL,
    PRIMARY KEY (article, local, start, end)
) WITHOUT ROWID;
CREATE INDEX mentions_entity ON mentions(entity);

CREATE TABLE quotes (
    quote          INTEGER PRIMARY KEY,
    article        INTEGER NOT NULL REFERENCES articles(article),
    idx            INTEGER NOT NULL,  -- index in the article's quotes
    start          INTEGER NOT NULL,
    end            INTEGER NOT NULL,
    -- NULL when the quotation is the article text under start..end (always, for sitrep's
    -- own records): the view quote_texts gives every quotation's text
    text           TEXT,
    kind           TEXT NOT NULL,
    speaker_entity INTEGER REFERENCES entities(entity),
    speaker        TEXT,              -- entity name, else the speaker's words in the text
    speaker_local  INTEGER,           -- the speaker's entity id inside the article record
    speaker_start  INTEGER,
    speaker_end    INTEGER,
    cue            TEXT,
    cue_start      INTEGER,
    cue_end        INTEGER
);
CREATE INDEX quotes_article ON quotes(article);
-- Covers "who speaks" scans (resolved entities, and the words of unresolved speakers).
CREATE INDEX quotes_speaker ON quotes(speaker_entity, speaker);

-- The article text and every quotation's text, read from the stored form.
CREATE VIEW article_texts AS
    SELECT a.article, a.id, CAST(sqlar_uncompress(t.text_z, a.size) AS TEXT) AS text
    FROM articles a JOIN texts t ON t.article = a.article;
CREATE VIEW quote_texts AS
    SELECT q.quote, q.article,
           coalesce(q.text, CAST(substr(sqlar_uncompress(t.text_z, a.size), q.start + 1,
                                        q.end - q.start) AS TEXT)) AS text,
           q.speaker
    FROM quotes q JOIN articles a ON a.article = q.article JOIN texts t ON t.article = q.article;

CREATE VIRTUAL TABLE quotes_fts USING fts5(
    text, speaker,
    content = 'quote_texts', content_rowid = 'quote',
    tokenize = 'unicode61 remove_diacritics 2'
);
-- Kept in step by the ingest code, not by triggers: a trigger makes FTS5 flush its pending
-- terms at every quote; indexing a batch's quotes in one statement is several times faster.

-- One row per event mention (an event as one article codes it).
CREATE TABLE events (
    event          INTEGER PRIMARY KEY,
    article        INTEGER NOT NULL REFERENCES articles(article),
    idx            INTEGER NOT NULL,  -- index in the article's events
    date           TEXT,              -- the event's date, else the article's
    code           TEXT NOT NULL,
    base           TEXT NOT NULL,
    root           TEXT NOT NULL,
    quad_class     INTEGER NOT NULL,
    goldstein      REAL NOT NULL,
    source_code    TEXT NOT NULL,     -- '' when the event has no source actor
    source_entity  INTEGER REFERENCES entities(entity),
    source_text    TEXT,
    target_code    TEXT NOT NULL,
    target_entity  INTEGER REFERENCES entities(entity),
    target_text    TEXT,
    place_entity   INTEGER REFERENCES entities(entity),
    place_key      TEXT,
    trigger_start  INTEGER NOT NULL,
    trigger_end    INTEGER NOT NULL,
    trigger        TEXT NOT NULL,
    sentence       INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL,  -- byte span of the evidence sentence
    sentence_end   INTEGER NOT NULL,
    event_date     TEXT,              -- the date the article gives the event, if any
    is_root        INTEGER NOT NULL,
    status         TEXT NOT NULL,
    quote_idx      INTEGER,
    happening      INTEGER REFERENCES happenings(happening)
);
CREATE INDEX events_article ON events(article);
CREATE INDEX events_dyad ON events(source_code, target_code, date);
CREATE INDEX events_target ON events(target_code, date);
CREATE INDEX events_group ON events(root, source_code, target_code);
CREATE INDEX events_source_entity ON events(source_entity);
CREATE INDEX events_target_entity ON events(target_entity);
CREATE INDEX events_happening ON events(happening);

-- GDELT themes found in an article, one row per theme occurrence.
-- Keyed by article first (a replaced article's rows go at once; "events of articles with
-- theme T" probes (article, theme)); no rowid and no second index: one B-tree.
CREATE TABLE themes (
    article INTEGER NOT NULL REFERENCES articles(article),
    theme   TEXT NOT NULL,
    start   INTEGER NOT NULL,
    end     INTEGER NOT NULL,
    idx     INTEGER NOT NULL,          -- index in the article's themes
    PRIMARY KEY (article, theme, start, end)
) WITHOUT ROWID;

-- One row per real-world happening across articles (sitrep-happenings' rule; the id is
-- its GLOBALEVENTID).
CREATE TABLE happenings (
    happening    INTEGER PRIMARY KEY,
    source_code  TEXT NOT NULL,
    target_code  TEXT NOT NULL,
    root         TEXT NOT NULL,
    code         TEXT NOT NULL,
    base         TEXT NOT NULL,
    quad_class   INTEGER NOT NULL,
    goldstein    REAL NOT NULL,
    date         TEXT,
    place_key    TEXT,
    num_mentions INTEGER NOT NULL,
    num_sources  INTEGER NOT NULL,
    num_articles INTEGER NOT NULL,
    avg_tone     REAL,
    is_root      INTEGER NOT NULL
);
CREATE INDEX happenings_dyad ON happenings(source_code, target_code, date);

-- (CAMEO root, unordered actor-code pair) classes whose happenings are out of date: written in
-- the transaction that changed their events, emptied in the one that regroups them. Left
-- over after a crash, they are regrouped when the store is next opened for writing.
CREATE TABLE dirty_classes (
    root TEXT NOT NULL,
    a    TEXT NOT NULL,
    b    TEXT NOT NULL,
    PRIMARY KEY (root, a, b)
) WITHOUT ROWID;
"#;
