//! Parquet output: one file per table (articles, entities, mentions, quotes, events, dates,
//! amounts) with typed columns (lists of strings as Parquet LIST columns), written with the parquet crate's low-level column writers (no arrow: it
//! would triple compile time for nothing we need). Rows are buffered per table and flushed
//! as a row group every `ROW_GROUP` rows, so memory stays bounded; the events table waits for
//! `finish`, which groups mentions into happenings to give each its GLOBALEVENTID.
//! [`RowMaker`] makes the rows of the tables ([`TABLES`]) from documents for any sink,
//! so in-memory tables (the Python package's Arrow tables) get the same columns and values.

use crate::codes::CharIndex;
use crate::gdelt::Summary;
use crate::ExportError;
use parquet::basic::Compression;
use parquet::data_type::{BoolType, ByteArray, ByteArrayType, DoubleType, Int32Type, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;
use sitrep_doc::{Document, EventStatus};
use sitrep_happenings::{EventMention, Grouper};
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Arc;

const ROW_GROUP: usize = 50_000;

/// The type of a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Str,
    I32,
    I64,
    F64,
    Bool,
    /// Days since 1970-01-01 (parquet DATE).
    Date,
    /// A list of strings (parquet LIST of UTF8; never null, possibly empty).
    StrList,
}

/// One cell value pushed into a table.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Str(String),
    I32(i32),
    I64(i64),
    F64(f64),
    Bool(bool),
    Date(chrono::NaiveDate),
    StrList(Vec<String>),
    Null,
}

fn s(v: &str) -> Value {
    Value::Str(v.to_string())
}

fn os(v: Option<&str>) -> Value {
    v.map(s).unwrap_or(Value::Null)
}

fn oi32(v: Option<u32>) -> Value {
    v.map(|x| Value::I32(x as i32)).unwrap_or(Value::Null)
}

fn i64v(v: usize) -> Value {
    Value::I64(v as i64)
}

fn list<S: AsRef<str>>(items: &[S]) -> Value {
    Value::StrList(items.iter().map(|x| x.as_ref().to_string()).collect())
}

enum Data {
    Str(Vec<ByteArray>),
    I32(Vec<i32>),
    I64(Vec<i64>),
    F64(Vec<f64>),
    Bool(Vec<bool>),
}

struct Column {
    name: &'static str,
    kind: Kind,
    optional: bool,
    data: Data,
    defs: Vec<i16>,
    /// Repetition levels (list columns only).
    reps: Vec<i16>,
}

impl Column {
    fn new(name: &'static str, kind: Kind, optional: bool) -> Column {
        let data = match kind {
            Kind::Str | Kind::StrList => Data::Str(Vec::new()),
            Kind::I32 | Kind::Date => Data::I32(Vec::new()),
            Kind::I64 => Data::I64(Vec::new()),
            Kind::F64 => Data::F64(Vec::new()),
            Kind::Bool => Data::Bool(Vec::new()),
        };
        Column {
            name,
            kind,
            optional,
            data,
            defs: Vec::new(),
            reps: Vec::new(),
        }
    }

    fn schema_line(&self) -> String {
        if self.kind == Kind::StrList {
            // The three-level LIST layout that pyarrow, DuckDB and Spark read as list<string>.
            return format!(
                "  required group {} (LIST) {{\n    repeated group list {{\n      required binary element (UTF8);\n    }}\n  }}\n",
                self.name
            );
        }
        let rep = if self.optional {
            "optional"
        } else {
            "required"
        };
        let ty = match self.kind {
            Kind::Str | Kind::StrList => "binary",
            Kind::I32 => "int32",
            Kind::I64 => "int64",
            Kind::F64 => "double",
            Kind::Bool => "boolean",
            Kind::Date => "int32",
        };
        let ann = match self.kind {
            Kind::Str => " (UTF8)",
            Kind::Date => " (DATE)",
            _ => "",
        };
        format!("  {rep} {ty} {}{ann};\n", self.name)
    }

    fn push(&mut self, table: &'static str, v: Value) -> Result<(), ExportError> {
        let bad = |v: &Value| ExportError::Schema {
            table,
            column: self.name,
            message: format!("cannot store {v:?}"),
        };
        match (&mut self.data, v) {
            (_, Value::Null) if self.optional => {
                self.defs.push(0);
                return Ok(());
            }
            (Data::Str(d), Value::StrList(items)) if self.kind == Kind::StrList => {
                // Definition level 0 + repetition 0: an empty list; else one value per item,
                // repetition 0 opening the row's list and 1 continuing it.
                if items.is_empty() {
                    self.defs.push(0);
                    self.reps.push(0);
                }
                for (i, x) in items.into_iter().enumerate() {
                    d.push(ByteArray::from(x.into_bytes()));
                    self.defs.push(1);
                    self.reps.push(i16::from(i > 0));
                }
                return Ok(());
            }
            (Data::Str(d), Value::Str(x)) if self.kind == Kind::Str => {
                d.push(ByteArray::from(x.into_bytes()))
            }
            (Data::I32(d), Value::I32(x)) if self.kind == Kind::I32 => d.push(x),
            (Data::I32(d), Value::Date(x)) if self.kind == Kind::Date => {
                let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid date");
                d.push((x - epoch).num_days() as i32)
            }
            (Data::I64(d), Value::I64(x)) => d.push(x),
            (Data::F64(d), Value::F64(x)) => d.push(x),
            (Data::Bool(d), Value::Bool(x)) => d.push(x),
            (_, v) => return Err(bad(&v)),
        }
        self.defs.push(1);
        Ok(())
    }
}

/// One parquet file being written.
struct Table {
    name: &'static str,
    path: PathBuf,
    columns: Vec<Column>,
    rows: usize,
    total: u64,
    writer: SerializedFileWriter<File>,
}

fn pq(path: &Path) -> impl Fn(parquet::errors::ParquetError) -> ExportError + '_ {
    move |e| ExportError::Parquet {
        path: path.to_path_buf(),
        message: e.to_string(),
    }
}

impl Table {
    fn create(
        dir: &Path,
        name: &'static str,
        spec: &[(&'static str, Kind, bool)],
    ) -> Result<Table, ExportError> {
        let columns: Vec<Column> = spec.iter().map(|&(n, k, o)| Column::new(n, k, o)).collect();
        let mut message = format!("message {name} {{\n");
        for c in &columns {
            message.push_str(&c.schema_line());
        }
        message.push('}');
        let path = dir.join(format!("{name}.parquet"));
        let schema = Arc::new(parse_message_type(&message).map_err(pq(&path))?);
        let props = Arc::new(
            WriterProperties::builder()
                .set_compression(Compression::SNAPPY)
                .build(),
        );
        let file = File::create(&path).map_err(|e| ExportError::Io {
            path: path.clone(),
            source: e,
        })?;
        let writer = SerializedFileWriter::new(file, schema, props).map_err(pq(&path))?;
        Ok(Table {
            name,
            path,
            columns,
            rows: 0,
            total: 0,
            writer,
        })
    }

    fn push(&mut self, row: Vec<Value>) -> Result<(), ExportError> {
        if row.len() != self.columns.len() {
            return Err(ExportError::Schema {
                table: self.name,
                column: "*",
                message: format!("{} values for {} columns", row.len(), self.columns.len()),
            });
        }
        for (c, v) in self.columns.iter_mut().zip(row) {
            c.push(self.name, v)?;
        }
        self.rows += 1;
        self.total += 1;
        if self.rows >= ROW_GROUP {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<(), ExportError> {
        if self.rows == 0 {
            return Ok(());
        }
        let path = self.path.clone();
        let mut rg = self.writer.next_row_group().map_err(pq(&path))?;
        for c in &mut self.columns {
            let mut col =
                rg.next_column()
                    .map_err(pq(&path))?
                    .ok_or_else(|| ExportError::Schema {
                        table: self.name,
                        column: c.name,
                        message: "schema has fewer columns than the table".into(),
                    })?;
            let list = c.kind == Kind::StrList;
            let defs = (c.optional || list).then_some(c.defs.as_slice());
            let reps = list.then_some(c.reps.as_slice());
            match &mut c.data {
                Data::Str(d) => col.typed::<ByteArrayType>().write_batch(d, defs, reps),
                Data::I32(d) => col.typed::<Int32Type>().write_batch(d, defs, None),
                Data::I64(d) => col.typed::<Int64Type>().write_batch(d, defs, None),
                Data::F64(d) => col.typed::<DoubleType>().write_batch(d, defs, None),
                Data::Bool(d) => col.typed::<BoolType>().write_batch(d, defs, None),
            }
            .map_err(pq(&path))?;
            col.close().map_err(pq(&path))?;
            match &mut c.data {
                Data::Str(d) => d.clear(),
                Data::I32(d) => d.clear(),
                Data::I64(d) => d.clear(),
                Data::F64(d) => d.clear(),
                Data::Bool(d) => d.clear(),
            }
            c.defs.clear();
            c.reps.clear();
        }
        rg.close().map_err(pq(&path))?;
        self.rows = 0;
        Ok(())
    }

    fn close(mut self) -> Result<(PathBuf, u64), ExportError> {
        self.flush()?;
        let path = self.path.clone();
        self.writer.close().map_err(pq(&path))?;
        Ok((path, self.total))
    }
}

use Kind::*;

/// One column: name, type, nullable.
pub type ColumnSpec = (&'static str, Kind, bool);

/// The tables, in [`TableId`] order, with their columns.
pub const TABLES: [(&str, &[ColumnSpec]); 7] = [
    ("articles", ARTICLES),
    ("entities", ENTITIES),
    ("mentions", MENTIONS),
    ("quotes", QUOTES),
    ("events", EVENTS),
    ("dates", DATES),
    ("amounts", AMOUNTS),
];

/// The Parquet tables and their columns, in file order (documented in docs/SCHEMA.md, which
/// a test checks against this list).
pub fn parquet_columns() -> Vec<(&'static str, Vec<&'static str>)> {
    TABLES
        .iter()
        .map(|&(t, cols)| (t, cols.iter().map(|c| c.0).collect()))
        .collect()
}

/// Index of a table in [`TABLES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableId {
    Articles = 0,
    Entities = 1,
    Mentions = 2,
    Quotes = 3,
    Events = 4,
    Dates = 5,
    Amounts = 6,
}

const ARTICLES: &[ColumnSpec] = &[
    ("article_id", Str, false),
    ("date", Date, true),
    ("title", Str, true),
    ("url", Str, true),
    ("source", Str, true),
    ("n_bytes", I64, false),
    ("n_chars", I64, false),
    ("n_sentences", I32, false),
    ("n_entities", I32, false),
    ("n_quotes", I32, false),
    ("n_events", I32, false),
    ("tone", F64, true),
    ("positive", F64, true),
    ("negative", F64, true),
    ("polarity", F64, true),
    ("activity_density", F64, true),
    ("self_density", F64, true),
    ("word_count", I32, true),
    ("themes", StrList, false),
    ("errors", StrList, false),
];

const ENTITIES: &[ColumnSpec] = &[
    ("article_id", Str, false),
    ("entity_id", I32, false),
    ("kind", Str, false),
    ("name", Str, false),
    ("key", Str, false),
    ("actor_code", Str, true),
    ("titles", StrList, false),
    ("n_mentions", I32, false),
    ("geonames_id", I64, true),
    ("lat", F64, true),
    ("lon", F64, true),
    ("country_iso3", Str, true),
    ("country_fips", Str, true),
    ("adm1", Str, true),
];

const MENTIONS: &[ColumnSpec] = &[
    ("article_id", Str, false),
    ("mention_id", I32, false),
    ("entity_id", I32, true),
    ("kind", Str, false),
    ("form", Str, false),
    ("start", I64, false),
    ("end", I64, false),
    ("char_start", I64, false),
    ("char_end", I64, false),
    ("text", Str, false),
];

const QUOTES: &[ColumnSpec] = &[
    ("article_id", Str, false),
    ("quote_id", I32, false),
    ("kind", Str, false),
    ("start", I64, false),
    ("end", I64, false),
    ("char_start", I64, false),
    ("char_end", I64, false),
    ("text", Str, false),
    ("speaker_text", Str, true),
    ("speaker_entity", I32, true),
    ("speaker_name", Str, true),
    ("cue", Str, true),
];

const EVENTS: &[ColumnSpec] = &[
    ("article_id", Str, false),
    ("event_index", I32, false),
    ("global_event_id", I64, false),
    ("code", Str, false),
    ("base", Str, false),
    ("root", Str, false),
    ("quad_class", I32, false),
    ("goldstein", F64, false),
    ("source_code", Str, true),
    ("source_text", Str, true),
    ("source_entity", I32, true),
    ("target_code", Str, true),
    ("target_text", Str, true),
    ("target_entity", I32, true),
    ("trigger", Str, false),
    ("trigger_start", I64, false),
    ("trigger_end", I64, false),
    ("sentence", I32, false),
    ("date", Date, true),
    ("place_entity", I32, true),
    ("is_root", Bool, false),
    ("status", Str, false),
    ("quote_id", I32, true),
    // What coded the event (sitrep pattern or dictionary entry) and its sentence's issue
    // codes.
    ("rule", Str, false),
    ("issues", StrList, false),
];

const DATES: &[ColumnSpec] = &[
    ("article_id", Str, false),
    ("date_index", I32, false),
    ("start", I64, false),
    ("end", I64, false),
    ("char_start", I64, false),
    ("char_end", I64, false),
    ("text", Str, false),
    ("date", Date, true),
    ("resolution", I32, false),
];

const AMOUNTS: &[ColumnSpec] = &[
    ("article_id", Str, false),
    ("amount_index", I32, false),
    ("start", I64, false),
    ("end", I64, false),
    ("char_start", I64, false),
    ("char_end", I64, false),
    ("text", Str, false),
    ("value", F64, false),
    ("object", Str, false),
];

/// Makes the rows of the five tables from documents and hands them to a sink, in table
/// order per document. Event rows wait for their GLOBALEVENTID (column 2), which needs
/// every document of the batch: [`RowMaker::finish`] groups them and hands them over.
#[derive(Default)]
pub struct RowMaker {
    pending: Vec<(EventMention, Vec<Value>)>,
    grouper: Grouper,
    documents: u64,
}

/// Where rows go: the table and one value per column of its [`TABLES`] entry.
pub type RowSink<'a> = dyn FnMut(TableId, Vec<Value>) -> Result<(), ExportError> + 'a;

impl RowMaker {
    pub fn new(grouper: Grouper) -> RowMaker {
        RowMaker {
            grouper,
            ..RowMaker::default()
        }
    }

    /// Documents added so far.
    pub fn documents(&self) -> u64 {
        self.documents
    }

    /// Hands the article, entity, mention, quote, date and amount rows of `doc` to `sink`;
    /// keeps its event rows for [`RowMaker::finish`].
    pub fn add(&mut self, doc: &Document, sink: &mut RowSink) -> Result<(), ExportError> {
        let id = doc.meta.id.as_str();
        let chars = CharIndex::new(doc.text());
        let m = &doc.meta;
        let t = doc.tone.as_ref();
        let f = |v: Option<f64>| v.map(Value::F64).unwrap_or(Value::Null);
        let mut themes: Vec<&str> = doc.themes.iter().map(|t| t.theme.as_str()).collect();
        themes.sort_unstable();
        themes.dedup();
        sink(
            TableId::Articles,
            vec![
                s(id),
                m.date.map(Value::Date).unwrap_or(Value::Null),
                os(m.title.as_deref()),
                os(m.url.as_deref()),
                os(m.source.as_deref()),
                i64v(doc.text().len()),
                Value::I64(chars.len_chars() as i64),
                Value::I32(doc.sentences.len() as i32),
                Value::I32(doc.entities.len() as i32),
                Value::I32(doc.quotes.len() as i32),
                Value::I32(doc.events.len() as i32),
                f(t.map(|t| t.tone)),
                f(t.map(|t| t.positive)),
                f(t.map(|t| t.negative)),
                f(t.map(|t| t.polarity)),
                f(t.map(|t| t.activity_density)),
                f(t.map(|t| t.self_density)),
                oi32(t.map(|t| t.word_count)),
                list(&themes),
                list(&doc.errors),
            ],
        )?;
        for (i, e) in doc.entities.iter().enumerate() {
            let g = e.geo.as_ref();
            sink(
                TableId::Entities,
                vec![
                    s(id),
                    Value::I32(i as i32),
                    s(e.kind.as_str()),
                    s(&e.name),
                    s(&e.key),
                    os(e.actor_code.as_deref()),
                    list(&e.titles),
                    Value::I32(e.mentions.len() as i32),
                    g.map(|g| Value::I64(i64::from(g.geonames_id)))
                        .unwrap_or(Value::Null),
                    f(g.map(|g| g.lat)),
                    f(g.map(|g| g.lon)),
                    os(g.map(|g| g.country_iso3.as_str())),
                    os(g.map(|g| g.country_fips.as_str())),
                    os(g.map(|g| g.adm1.as_str())),
                ],
            )?;
        }
        for (i, mn) in doc.mentions.iter().enumerate() {
            let form = match mn.form {
                sitrep_doc::MentionForm::Name => "name",
                sitrep_doc::MentionForm::Nominal => "nominal",
                sitrep_doc::MentionForm::Pronoun => "pronoun",
                sitrep_doc::MentionForm::Adjective => "adjective",
            };
            sink(
                TableId::Mentions,
                vec![
                    s(id),
                    Value::I32(i as i32),
                    oi32(mn.entity.map(|e| e.0)),
                    s(mn.kind.as_str()),
                    s(form),
                    i64v(mn.span.start()),
                    i64v(mn.span.end()),
                    Value::I64(chars.char_of(mn.span.start())),
                    Value::I64(chars.char_of(mn.span.end())),
                    s(doc.slice(mn.span)),
                ],
            )?;
        }
        for (i, q) in doc.quotes.iter().enumerate() {
            let sp = q.speaker.as_ref();
            sink(
                TableId::Quotes,
                vec![
                    s(id),
                    Value::I32(i as i32),
                    s(q.kind.as_str()),
                    i64v(q.span.start()),
                    i64v(q.span.end()),
                    Value::I64(chars.char_of(q.span.start())),
                    Value::I64(chars.char_of(q.span.end())),
                    s(doc.slice(q.span)),
                    os(sp.map(|x| doc.slice(x.span))),
                    oi32(sp.and_then(|x| x.entity).map(|e| e.0)),
                    os(sp
                        .and_then(|x| x.entity)
                        .and_then(|e| doc.entities.get(e.index()))
                        .map(|e| e.name.as_str())),
                    os(q.cue.map(|c| doc.slice(c))),
                ],
            )?;
        }
        for (i, d) in doc.dates.iter().enumerate() {
            sink(
                TableId::Dates,
                vec![
                    s(id),
                    Value::I32(i as i32),
                    i64v(d.span.start()),
                    i64v(d.span.end()),
                    Value::I64(chars.char_of(d.span.start())),
                    Value::I64(chars.char_of(d.span.end())),
                    s(doc.slice(d.span)),
                    d.date.map(Value::Date).unwrap_or(Value::Null),
                    Value::I32(i32::from(u8::from(d.resolution))),
                ],
            )?;
        }
        for (i, a) in doc.amounts.iter().enumerate() {
            sink(
                TableId::Amounts,
                vec![
                    s(id),
                    Value::I32(i as i32),
                    i64v(a.span.start()),
                    i64v(a.span.end()),
                    Value::I64(chars.char_of(a.span.start())),
                    Value::I64(chars.char_of(a.span.end())),
                    s(doc.slice(a.span)),
                    Value::F64(a.value),
                    s(&a.object),
                ],
            )?;
        }
        for (e, mention) in doc.events.iter().zip(EventMention::from_document(doc)) {
            let actor = |a: Option<&sitrep_doc::EventActor>| {
                (
                    os(a.map(|a| a.actor_code.as_str())),
                    os(a.map(|a| doc.slice(a.span))),
                    oi32(a.and_then(|a| a.entity).map(|e| e.0)),
                )
            };
            let (sc, st, se) = actor(e.source.as_ref());
            let (tc, tt, te) = actor(e.target.as_ref());
            let row = vec![
                s(id),
                Value::I32(mention.index as i32),
                Value::Null, // GLOBALEVENTID, set in finish
                s(&e.code),
                s(&e.base),
                s(&e.root),
                Value::I32(i32::from(e.quad_class)),
                Value::F64(f64::from(e.goldstein)),
                sc,
                st,
                se,
                tc,
                tt,
                te,
                s(doc.slice(e.trigger)),
                i64v(e.trigger.start()),
                i64v(e.trigger.end()),
                Value::I32(e.sentence.0 as i32),
                e.date.map(Value::Date).unwrap_or(Value::Null),
                oi32(e.place.map(|p| p.0)),
                Value::Bool(e.is_root),
                s(match e.status {
                    EventStatus::Asserted => "asserted",
                    EventStatus::Reported => "reported",
                }),
                oi32(e.quote.map(|q| q.0)),
                s(&e.rule),
                list(&e.issues),
            ];
            self.pending.push((mention, row));
        }
        self.documents += 1;
        Ok(())
    }

    /// Groups the pending event mentions into happenings and hands each event row, with its
    /// GLOBALEVENTID, to `sink` in the order the documents came.
    pub fn finish(mut self, sink: &mut RowSink) -> Result<u64, ExportError> {
        let mentions: Vec<EventMention> = self.pending.iter().map(|(m, _)| m.clone()).collect();
        let happenings = self.grouper.group(&mentions);
        let member_of = sitrep_happenings::membership(mentions.len(), &happenings);
        for ((_, mut row), group) in self.pending.drain(..).zip(member_of) {
            // Excluded mentions (by the grouping config) get id 0: no happening.
            row[2] = Value::I64(group.map(|g| happenings[g].id as i64).unwrap_or(0));
            sink(TableId::Events, row)?;
        }
        Ok(self.documents)
    }
}

/// Streams the Parquet tables of a batch into a directory.
pub struct ParquetWriter {
    /// In [`TableId`] order.
    tables: Vec<Table>,
    rows: RowMaker,
}

impl ParquetWriter {
    pub fn create(dir: impl AsRef<Path>) -> Result<ParquetWriter, ExportError> {
        ParquetWriter::with_grouper(dir, Grouper::default())
    }

    pub fn with_grouper(
        dir: impl AsRef<Path>,
        grouper: Grouper,
    ) -> Result<ParquetWriter, ExportError> {
        let dir = dir.as_ref();
        crate::create_out_dir(dir)?;
        let tables = TABLES
            .iter()
            .map(|&(name, spec)| Table::create(dir, name, spec))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(ParquetWriter {
            tables,
            rows: RowMaker::new(grouper),
        })
    }

    pub fn write(&mut self, doc: &Document) -> Result<(), ExportError> {
        let tables = &mut self.tables;
        self.rows
            .add(doc, &mut |t, row| tables[t as usize].push(row))
    }

    pub fn finish(mut self) -> Result<Summary, ExportError> {
        let tables = &mut self.tables;
        let documents = self
            .rows
            .finish(&mut |t, row| tables[t as usize].push(row))?;
        let mut summary = Summary {
            documents,
            ..Summary::default()
        };
        for t in self.tables {
            let name = t.name;
            let (path, rows) = t.close()?;
            summary.rows.push((name.to_string(), rows));
            summary.files.push(path);
        }
        Ok(summary)
    }
}
