//! Writing GDELT's three tables for a batch of documents.

use crate::export_doc::{ExportDoc, PendingMention};
use crate::fields::Float;
use crate::tables::{EventRow, MentionRow};
use crate::ExportError;
use chrono::Datelike;
use sitrep_doc::Document;
use sitrep_happenings::{EventMention, Grouper, Happening};
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// What a finished batch wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub documents: u64,
    /// Rows per table, in the order of `files`.
    pub rows: Vec<(String, u64)>,
    pub files: Vec<PathBuf>,
}

/// Streams GDELT files for one batch: `<batch>.gkg.csv` is written document by document;
/// `<batch>.export.CSV` and `<batch>.mentions.CSV` are written by [`GdeltWriter::finish`],
/// once every event mention is known and grouped into happenings (only the small per-mention
/// rows are buffered, never the documents).
///
/// Times: if `batch_name` is a 14-digit `YYYYMMDDHHMMSS` stamp (a real UTC time, else the
/// name is refused) it is every article's time (DATEADDED, MentionTimeDate, V2.1DATE), as in
/// GDELT's 15-minute batches; otherwise each article's time is its date at 00:00:00, and an
/// event's DATEADDED is the earliest time of its articles. An article without a date gets
/// the processing time (the batch stamp, else the time the writer was created, UTC), as its
/// time and as its events' SQLDATE, and its GKG record says so in V2EXTRASXML
/// ([`crate::export_doc::PROCESSING_TIME_MARK`]); no date field is ever 0. With a batch stamp
/// the output never depends on the wall clock. GKGRECORDIDs are `<time>-<n>`, n counting
/// documents in write order.
pub struct GdeltWriter {
    dir: PathBuf,
    batch: String,
    batch_time: Option<u64>,
    /// The time undated articles get.
    processing_time: u64,
    gkg: BufWriter<File>,
    gkg_path: PathBuf,
    pending: Vec<PendingMention>,
    documents: u64,
    grouper: Grouper,
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> ExportError + '_ {
    move |e| ExportError::Io {
        path: path.to_path_buf(),
        source: e,
    }
}

/// GDELT's FractionDate: year + ((month − 1) × 30 + day) / 365, 4 decimals (2024.6301 for
/// 2024-08-20), reproduced from GDELT's own values.
pub fn fraction_date(d: chrono::NaiveDate) -> Float {
    let v = f64::from(d.year()) + ((d.month() - 1) * 30 + d.day()) as f64 / 365.0;
    Float::fixed(v, 4)
}

/// A batch name of 14 digits is a `YYYYMMDDHHMMSS` time and must be a real one
/// (`20221340120000` is refused); any other file name is a plain name.
fn batch_stamp(name: &str) -> Result<Option<u64>, ExportError> {
    if name.len() != 14 || !name.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(None);
    }
    chrono::NaiveDateTime::parse_from_str(name, "%Y%m%d%H%M%S")
        .map_err(|_| ExportError::BadBatchTime(name.to_string()))?;
    Ok(name.parse().ok())
}

impl GdeltWriter {
    pub fn create(dir: impl AsRef<Path>, batch_name: &str) -> Result<GdeltWriter, ExportError> {
        GdeltWriter::with_grouper(dir, batch_name, Grouper::default())
    }

    /// As `create`, grouping events with a configured rule.
    pub fn with_grouper(
        dir: impl AsRef<Path>,
        batch_name: &str,
        grouper: Grouper,
    ) -> Result<GdeltWriter, ExportError> {
        let dir = dir.as_ref().to_path_buf();
        if batch_name.is_empty() || batch_name.contains(['/', '\\']) {
            return Err(ExportError::BadBatchName(batch_name.to_string()));
        }
        let batch_time = batch_stamp(batch_name)?;
        crate::create_out_dir(&dir)?;
        let processing_time = batch_time.unwrap_or_else(|| {
            chrono::Utc::now()
                .format("%Y%m%d%H%M%S")
                .to_string()
                .parse()
                .unwrap_or(0)
        });
        let gkg_path = dir.join(format!("{batch_name}.gkg.csv"));
        let gkg = BufWriter::new(File::create(&gkg_path).map_err(io(&gkg_path))?);
        Ok(GdeltWriter {
            dir,
            batch: batch_name.to_string(),
            batch_time,
            processing_time,
            gkg,
            gkg_path,
            pending: Vec::new(),
            documents: 0,
            grouper,
        })
    }

    /// Adds one document: its GKG record now, its event mentions at `finish`.
    pub fn write(&mut self, doc: &Document) -> Result<(), ExportError> {
        let x = ExportDoc::new(doc, self.batch_time, self.processing_time);
        let row = x.gkg_row(format!("{}-{}", x.time, self.documents));
        self.gkg
            .write_all(row.write_line().as_bytes())
            .map_err(io(&self.gkg_path))?;
        self.pending.extend(x.event_mentions());
        self.documents += 1;
        Ok(())
    }

    /// Groups the event mentions into happenings and writes the events and mentions files.
    pub fn finish(mut self) -> Result<Summary, ExportError> {
        self.gkg.flush().map_err(io(&self.gkg_path))?;
        let mentions: Vec<EventMention> = self.pending.iter().map(|p| p.mention.clone()).collect();
        let happenings = self.grouper.group(&mentions);
        let ev_path = self.dir.join(format!("{}.export.CSV", self.batch));
        let mn_path = self.dir.join(format!("{}.mentions.CSV", self.batch));
        let mut ev = BufWriter::new(File::create(&ev_path).map_err(io(&ev_path))?);
        let mut mn = BufWriter::new(File::create(&mn_path).map_err(io(&mn_path))?);
        let mut n_mentions = 0u64;
        for h in &happenings {
            let row = self.event_row(h);
            ev.write_all(row.write_line().as_bytes())
                .map_err(io(&ev_path))?;
            for &i in &h.members {
                let p = &self.pending[i];
                let m = MentionRow {
                    global_event_id: h.id,
                    event_time_date: row.date_added,
                    mention_time_date: p.article_time,
                    mention_type: p.mention_type,
                    mention_source_name: p.source_name.clone(),
                    mention_identifier: p.identifier.clone(),
                    sentence_id: p.sentence_id,
                    actor1_char_offset: p.actor1_offset,
                    actor2_char_offset: p.actor2_offset,
                    action_char_offset: p.action_offset,
                    in_raw_text: p.in_raw_text,
                    confidence: p.confidence,
                    mention_doc_len: p.doc_len,
                    mention_doc_tone: Float::new(p.doc_tone),
                    mention_doc_translation_info: String::new(),
                    extras: String::new(),
                };
                mn.write_all(m.write_line().as_bytes())
                    .map_err(io(&mn_path))?;
                n_mentions += 1;
            }
        }
        ev.flush().map_err(io(&ev_path))?;
        mn.flush().map_err(io(&mn_path))?;
        Ok(Summary {
            documents: self.documents,
            rows: vec![
                ("gkg".into(), self.documents),
                ("events".into(), happenings.len() as u64),
                ("mentions".into(), n_mentions),
            ],
            files: vec![self.gkg_path.clone(), ev_path, mn_path],
        })
    }

    fn event_row(&self, h: &Happening) -> EventRow {
        // The representative mention: the first (earliest) one with the happening's code.
        let rep = h
            .members
            .iter()
            .map(|&i| &self.pending[i])
            .find(|p| p.mention.code == h.code)
            .unwrap_or(&self.pending[h.members[0]]);
        // A symmetric code's happening keeps its actors in a canonical order; a two-actor
        // representative is shown in that order, but a one-actor one never moves its only
        // actor into Actor2 (its mention row and the JSON call it the source).
        let one_actor = rep.mention.source_code.is_empty() || rep.mention.target_code.is_empty();
        let swapped = rep.mention.source_code != h.source_code && !one_actor;
        let (a1, a2, g1, g2) = if swapped {
            (&rep.actor2, &rep.actor1, &rep.actor2_geo, &rep.actor1_geo)
        } else {
            (&rep.actor1, &rep.actor2, &rep.actor1_geo, &rep.actor2_geo)
        };
        // ActionGeo: the first member that knows where it happened.
        let action_geo = h
            .members
            .iter()
            .map(|&i| &self.pending[i].action_geo)
            .find(|g| g.geo_type != 0)
            .unwrap_or(&rep.action_geo);
        let date_added = h
            .members
            .iter()
            .map(|&i| self.pending[i].article_time)
            .min()
            .unwrap_or(self.processing_time);
        let first = &self.pending[h.members[0]];
        // An undated happening is dated by its DATEADDED (the processing time).
        let date = h.date.or_else(|| {
            chrono::NaiveDate::parse_from_str(&(date_added / 1_000_000).to_string(), "%Y%m%d").ok()
        });
        let day = date
            .map(|d| d.year() as u32 * 10_000 + d.month() * 100 + d.day())
            .unwrap_or(0);
        EventRow {
            global_event_id: h.id,
            day,
            month_year: day / 100,
            year: day / 10_000,
            fraction_date: date.map(fraction_date).unwrap_or_else(|| Float::new(0.0)),
            actor1: a1.clone(),
            actor2: a2.clone(),
            is_root_event: u8::from(h.is_root),
            event_code: h.code.clone(),
            event_base_code: h.base.clone(),
            event_root_code: h.root.clone(),
            quad_class: h.quad_class,
            goldstein: Float::with_point(h.goldstein),
            num_mentions: h.num_mentions,
            num_sources: h.num_sources,
            num_articles: h.num_articles,
            avg_tone: Float::new(h.avg_tone.unwrap_or(0.0)),
            actor1_geo: g1.clone(),
            actor2_geo: g2.clone(),
            action_geo: action_geo.clone(),
            date_added,
            source_url: first.identifier.clone(),
        }
    }
}
