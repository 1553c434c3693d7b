//! Typed rows of GDELT's three tables, each read from and written to one tab-separated line.
//! `parse_line` then `write_line` gives back the same bytes (tested on real GDELT rows).

use crate::fields::{
    AmountEntry, CountEntry, DateEntry, Float, GcamEntry, List, Location, Named, QuoteEntry,
};
use crate::ExportError;
use std::fmt::Write as _;

/// The column count of each table.
pub const EVENT_COLUMNS: usize = 61;
pub const MENTION_COLUMNS: usize = 16;
pub const GKG_COLUMNS: usize = 27;

struct Cols<'a> {
    table: &'static str,
    cols: Vec<&'a str>,
    next: usize,
}

impl<'a> Cols<'a> {
    fn new(table: &'static str, line: &'a str, n: usize) -> Result<Cols<'a>, ExportError> {
        let line = line.strip_suffix('\n').unwrap_or(line);
        let line = line.strip_suffix('\r').unwrap_or(line);
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != n {
            return Err(ExportError::Parse {
                table,
                column: 0,
                message: format!("{} columns, expected {n}", cols.len()),
            });
        }
        Ok(Cols {
            table,
            cols,
            next: 0,
        })
    }

    fn err(&self, message: String) -> ExportError {
        ExportError::Parse {
            table: self.table,
            column: self.next,
            message,
        }
    }

    fn s(&mut self) -> String {
        self.next += 1;
        self.cols[self.next - 1].to_string()
    }

    fn int<T: std::str::FromStr + ToString>(&mut self) -> Result<T, ExportError> {
        let raw = self.s();
        let v: T = raw
            .parse()
            .map_err(|_| self.err(format!("{raw:?} is not an integer")))?;
        // Only canonical integers: anything else would not write back the same bytes.
        if v.to_string() != raw {
            return Err(self.err(format!("{raw:?} is not a canonical integer")));
        }
        Ok(v)
    }

    fn float(&mut self) -> Result<Float, ExportError> {
        let raw = self.s();
        Float::parse(&raw).map_err(|m| self.err(m))
    }

    fn opt_float(&mut self) -> Result<Option<Float>, ExportError> {
        if self.cols[self.next].is_empty() {
            self.next += 1;
            return Ok(None);
        }
        self.float().map(Some)
    }

    fn list<T: crate::fields::Entry>(&mut self, sep: char) -> Result<List<T>, ExportError> {
        let raw = self.s();
        List::parse(&raw, sep).map_err(|m| self.err(m))
    }
}

fn opt<T: std::fmt::Display>(v: &Option<T>) -> String {
    v.as_ref().map(|x| x.to_string()).unwrap_or_default()
}

/// The ten actor columns of an event.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ActorCols {
    pub code: String,
    pub name: String,
    pub country: String,
    pub known_group: String,
    pub ethnic: String,
    pub religion1: String,
    pub religion2: String,
    pub type1: String,
    pub type2: String,
    pub type3: String,
}

/// The eight geography columns of an event (`Type` 0 = none).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GeoCols {
    pub geo_type: u8,
    pub full_name: String,
    pub country: String,
    pub adm1: String,
    pub adm2: String,
    pub lat: Option<Float>,
    pub long: Option<Float>,
    pub feature_id: String,
}

/// One row of the Events 2.0 ("export") table: 61 columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventRow {
    pub global_event_id: u64,
    pub day: u32,
    pub month_year: u32,
    pub year: u32,
    pub fraction_date: Float,
    pub actor1: ActorCols,
    pub actor2: ActorCols,
    pub is_root_event: u8,
    pub event_code: String,
    pub event_base_code: String,
    pub event_root_code: String,
    pub quad_class: u8,
    pub goldstein: Float,
    pub num_mentions: u32,
    pub num_sources: u32,
    pub num_articles: u32,
    pub avg_tone: Float,
    pub actor1_geo: GeoCols,
    pub actor2_geo: GeoCols,
    pub action_geo: GeoCols,
    pub date_added: u64,
    pub source_url: String,
}

impl ActorCols {
    fn read(c: &mut Cols) -> ActorCols {
        ActorCols {
            code: c.s(),
            name: c.s(),
            country: c.s(),
            known_group: c.s(),
            ethnic: c.s(),
            religion1: c.s(),
            religion2: c.s(),
            type1: c.s(),
            type2: c.s(),
            type3: c.s(),
        }
    }
    fn push(&self, v: &mut Vec<String>) {
        v.extend(
            [
                &self.code,
                &self.name,
                &self.country,
                &self.known_group,
                &self.ethnic,
                &self.religion1,
                &self.religion2,
                &self.type1,
                &self.type2,
                &self.type3,
            ]
            .map(String::clone),
        );
    }
}

impl GeoCols {
    fn read(c: &mut Cols) -> Result<GeoCols, ExportError> {
        Ok(GeoCols {
            geo_type: c.int()?,
            full_name: c.s(),
            country: c.s(),
            adm1: c.s(),
            adm2: c.s(),
            lat: c.opt_float()?,
            long: c.opt_float()?,
            feature_id: c.s(),
        })
    }
    fn push(&self, v: &mut Vec<String>) {
        v.push(self.geo_type.to_string());
        v.extend([&self.full_name, &self.country, &self.adm1, &self.adm2].map(String::clone));
        v.push(opt(&self.lat));
        v.push(opt(&self.long));
        v.push(self.feature_id.clone());
    }
}

fn join(cols: Vec<String>, n: usize) -> String {
    debug_assert_eq!(cols.len(), n);
    let mut s = cols.join("\t");
    s.push('\n');
    s
}

impl EventRow {
    pub fn parse_line(line: &str) -> Result<EventRow, ExportError> {
        let mut c = Cols::new("events", line, EVENT_COLUMNS)?;
        Ok(EventRow {
            global_event_id: c.int()?,
            day: c.int()?,
            month_year: c.int()?,
            year: c.int()?,
            fraction_date: c.float()?,
            actor1: ActorCols::read(&mut c),
            actor2: ActorCols::read(&mut c),
            is_root_event: c.int()?,
            event_code: c.s(),
            event_base_code: c.s(),
            event_root_code: c.s(),
            quad_class: c.int()?,
            goldstein: c.float()?,
            num_mentions: c.int()?,
            num_sources: c.int()?,
            num_articles: c.int()?,
            avg_tone: c.float()?,
            actor1_geo: GeoCols::read(&mut c)?,
            actor2_geo: GeoCols::read(&mut c)?,
            action_geo: GeoCols::read(&mut c)?,
            date_added: c.int()?,
            source_url: c.s(),
        })
    }

    /// The line, with its final `\n`.
    pub fn write_line(&self) -> String {
        let mut v = Vec::with_capacity(EVENT_COLUMNS);
        v.extend([
            self.global_event_id.to_string(),
            self.day.to_string(),
            self.month_year.to_string(),
        ]);
        v.extend([self.year.to_string(), self.fraction_date.to_string()]);
        self.actor1.push(&mut v);
        self.actor2.push(&mut v);
        v.extend([
            self.is_root_event.to_string(),
            self.event_code.clone(),
            self.event_base_code.clone(),
        ]);
        v.extend([
            self.event_root_code.clone(),
            self.quad_class.to_string(),
            self.goldstein.to_string(),
        ]);
        v.extend([
            self.num_mentions.to_string(),
            self.num_sources.to_string(),
            self.num_articles.to_string(),
        ]);
        v.push(self.avg_tone.to_string());
        self.actor1_geo.push(&mut v);
        self.actor2_geo.push(&mut v);
        self.action_geo.push(&mut v);
        v.extend([self.date_added.to_string(), self.source_url.clone()]);
        join(v, EVENT_COLUMNS)
    }
}

/// One row of the Mentions table: 16 columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MentionRow {
    pub global_event_id: u64,
    pub event_time_date: u64,
    pub mention_time_date: u64,
    pub mention_type: u8,
    pub mention_source_name: String,
    pub mention_identifier: String,
    pub sentence_id: u32,
    pub actor1_char_offset: i64,
    pub actor2_char_offset: i64,
    pub action_char_offset: i64,
    pub in_raw_text: u8,
    pub confidence: u8,
    pub mention_doc_len: u64,
    pub mention_doc_tone: Float,
    pub mention_doc_translation_info: String,
    pub extras: String,
}

impl MentionRow {
    pub fn parse_line(line: &str) -> Result<MentionRow, ExportError> {
        let mut c = Cols::new("mentions", line, MENTION_COLUMNS)?;
        Ok(MentionRow {
            global_event_id: c.int()?,
            event_time_date: c.int()?,
            mention_time_date: c.int()?,
            mention_type: c.int()?,
            mention_source_name: c.s(),
            mention_identifier: c.s(),
            sentence_id: c.int()?,
            actor1_char_offset: c.int()?,
            actor2_char_offset: c.int()?,
            action_char_offset: c.int()?,
            in_raw_text: c.int()?,
            confidence: c.int()?,
            mention_doc_len: c.int()?,
            mention_doc_tone: c.float()?,
            mention_doc_translation_info: c.s(),
            extras: c.s(),
        })
    }

    pub fn write_line(&self) -> String {
        let v = vec![
            self.global_event_id.to_string(),
            self.event_time_date.to_string(),
            self.mention_time_date.to_string(),
            self.mention_type.to_string(),
            self.mention_source_name.clone(),
            self.mention_identifier.clone(),
            self.sentence_id.to_string(),
            self.actor1_char_offset.to_string(),
            self.actor2_char_offset.to_string(),
            self.action_char_offset.to_string(),
            self.in_raw_text.to_string(),
            self.confidence.to_string(),
            self.mention_doc_len.to_string(),
            self.mention_doc_tone.to_string(),
            self.mention_doc_translation_info.clone(),
            self.extras.clone(),
        ];
        join(v, MENTION_COLUMNS)
    }
}

/// One record of the GKG 2.1 table: 27 columns.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GkgRow {
    pub record_id: String,
    pub date: u64,
    pub source_collection: u8,
    pub source_common_name: String,
    pub document_identifier: String,
    pub v1_counts: List<CountEntry>,
    pub v21_counts: List<CountEntry>,
    pub v1_themes: List<String>,
    pub v2_themes: List<Named>,
    pub v1_locations: List<Location>,
    pub v2_locations: List<Location>,
    pub v1_persons: List<String>,
    pub v2_persons: List<Named>,
    pub v1_organizations: List<String>,
    pub v2_organizations: List<Named>,
    /// Tone, Positive, Negative, Polarity, ActivityRefDensity, SelfGroupRefDensity, WordCount.
    pub v2_tone: List<Float>,
    pub v21_dates: List<DateEntry>,
    pub v2_gcam: List<GcamEntry>,
    pub v21_sharing_image: String,
    pub v21_related_images: List<String>,
    pub v21_social_image_embeds: List<String>,
    pub v21_social_video_embeds: List<String>,
    pub v21_quotations: List<QuoteEntry>,
    pub v21_all_names: List<Named>,
    pub v21_amounts: List<AmountEntry>,
    pub v21_translation_info: String,
    pub v2_extras_xml: String,
}

impl GkgRow {
    pub fn parse_line(line: &str) -> Result<GkgRow, ExportError> {
        let mut c = Cols::new("gkg", line, GKG_COLUMNS)?;
        Ok(GkgRow {
            record_id: c.s(),
            date: c.int()?,
            source_collection: c.int()?,
            source_common_name: c.s(),
            document_identifier: c.s(),
            v1_counts: c.list(';')?,
            v21_counts: c.list(';')?,
            v1_themes: c.list(';')?,
            v2_themes: c.list(';')?,
            v1_locations: c.list(';')?,
            v2_locations: c.list(';')?,
            v1_persons: c.list(';')?,
            v2_persons: c.list(';')?,
            v1_organizations: c.list(';')?,
            v2_organizations: c.list(';')?,
            v2_tone: c.list(',')?,
            v21_dates: c.list(';')?,
            v2_gcam: c.list(',')?,
            v21_sharing_image: c.s(),
            v21_related_images: c.list(';')?,
            v21_social_image_embeds: c.list(';')?,
            v21_social_video_embeds: c.list(';')?,
            v21_quotations: c.list('#')?,
            v21_all_names: c.list(';')?,
            v21_amounts: c.list(';')?,
            v21_translation_info: c.s(),
            v2_extras_xml: c.s(),
        })
    }

    pub fn write_line(&self) -> String {
        let mut s = String::with_capacity(1024);
        let _ = write!(
            s,
            "{}\t{}\t{}\t{}\t{}\t",
            self.record_id,
            self.date,
            self.source_collection,
            self.source_common_name,
            self.document_identifier
        );
        macro_rules! col {
            ($field:expr, $sep:expr) => {
                $field.write(&mut s, $sep);
                s.push('\t');
            };
        }
        col!(self.v1_counts, ';');
        col!(self.v21_counts, ';');
        col!(self.v1_themes, ';');
        col!(self.v2_themes, ';');
        col!(self.v1_locations, ';');
        col!(self.v2_locations, ';');
        col!(self.v1_persons, ';');
        col!(self.v2_persons, ';');
        col!(self.v1_organizations, ';');
        col!(self.v2_organizations, ';');
        col!(self.v2_tone, ',');
        col!(self.v21_dates, ';');
        col!(self.v2_gcam, ',');
        s.push_str(&self.v21_sharing_image);
        s.push('\t');
        col!(self.v21_related_images, ';');
        col!(self.v21_social_image_embeds, ';');
        col!(self.v21_social_video_embeds, ';');
        col!(self.v21_quotations, '#');
        col!(self.v21_all_names, ';');
        col!(self.v21_amounts, ';');
        let _ = writeln!(s, "{}\t{}", self.v21_translation_info, self.v2_extras_xml);
        s
    }
}
