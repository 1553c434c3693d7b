//! [`ExportDoc`]: what the GDELT tables need from one document, computed once: character
//! offsets, the GKG record, and one small pending row per event mention (the events table
//! needs every article's mentions before it can group them).

use crate::codes::{geo_cols, location, split_actor, CharIndex};
use crate::fields::{
    clean, AmountEntry, CountEntry, DateEntry, Float, GcamEntry, List, Location, Named, QuoteEntry,
};
use crate::tables::{ActorCols, GeoCols, GkgRow};
use chrono::Datelike;
use sitrep_doc::{DateResolution, Document, EntityKind, EventActor, MentionForm, QuoteKind, Span};
use sitrep_happenings::EventMention;
use std::collections::HashSet;

/// One event mention waiting for its GLOBALEVENTID: the grouping row plus the columns only
/// this article knows (actor names and places, offsets).
#[derive(Debug, Clone)]
pub struct PendingMention {
    pub mention: EventMention,
    pub actor1: ActorCols,
    pub actor2: ActorCols,
    pub actor1_geo: GeoCols,
    pub actor2_geo: GeoCols,
    pub action_geo: GeoCols,
    pub article_time: u64,
    pub source_name: String,
    pub identifier: String,
    pub mention_type: u8,
    pub sentence_id: u32,
    pub actor1_offset: i64,
    pub actor2_offset: i64,
    pub action_offset: i64,
    pub confidence: u8,
    /// 0 when an actor is known only through a pronoun resolved by coreference.
    pub in_raw_text: u8,
    pub doc_len: u64,
    pub doc_tone: f64,
}

/// One document prepared for export.
pub struct ExportDoc<'a> {
    pub doc: &'a Document,
    pub chars: CharIndex,
    /// YYYYMMDDHHMMSS of this article (see [`crate::GdeltWriter`]).
    pub time: u64,
    /// True when `time` is the processing time because the article has no date.
    pub undated: bool,
}

/// The GKG Extras block that marks an article whose times are the processing time (it had
/// no date). GDELT's readers skip blocks they do not know.
pub const PROCESSING_TIME_MARK: &str = "<SITREP_DATE_SOURCE>processing time</SITREP_DATE_SOURCE>";

/// The host of a URL (`https://www.x.com/a` -> `x.com`), GDELT's SourceCommonName for web.
pub fn domain_of(url: &str) -> Option<String> {
    let rest = url.split_once("://").map(|(_, r)| r)?;
    let host = rest
        .split(['/', '?', '#'])
        .next()?
        .split('@')
        .next_back()?
        .split(':')
        .next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

/// YYYYMMDD000000 of a date.
pub fn stamp(d: chrono::NaiveDate) -> u64 {
    u64::from(d.year() as u32) * 10_000_000_000
        + u64::from(d.month()) * 100_000_000
        + u64::from(d.day()) * 1_000_000
}

impl<'a> ExportDoc<'a> {
    /// `batch_time`: the 14-digit batch stamp if the writer has one; else the article's
    /// date at midnight; else `processing_time` (YYYYMMDDHHMMSS, UTC), marked as such.
    pub fn new(doc: &'a Document, batch_time: Option<u64>, processing_time: u64) -> ExportDoc<'a> {
        let time = batch_time
            .or_else(|| doc.meta.date.map(stamp))
            .unwrap_or(processing_time);
        ExportDoc {
            doc,
            chars: CharIndex::new(doc.text()),
            time,
            undated: doc.meta.date.is_none(),
        }
    }

    pub fn off(&self, span: Span) -> i64 {
        self.chars.char_of(span.start())
    }

    pub fn source_name(&self) -> String {
        let m = &self.doc.meta;
        let s = m
            .source
            .clone()
            .or_else(|| m.url.as_deref().and_then(domain_of))
            .unwrap_or_default();
        clean(&s, &[])
    }

    /// URL if known (collection 1, WEB), else the article id (collection 2, CITATIONONLY).
    pub fn identifier(&self) -> (u8, String) {
        match &self.doc.meta.url {
            Some(u) => (1, clean(u, &[])),
            None => (2, clean(&self.doc.meta.id, &[])),
        }
    }

    /// The actor's words are a pronoun (its code came from coreference, not the raw text).
    fn via_pronoun(&self, a: Option<&EventActor>) -> bool {
        a.is_some_and(|a| {
            self.doc
                .mentions
                .iter()
                .any(|m| m.span == a.span && m.form == MentionForm::Pronoun)
        })
    }

    fn actor(&self, a: Option<&EventActor>) -> (ActorCols, GeoCols, i64) {
        let Some(a) = a else {
            return (ActorCols::default(), GeoCols::default(), -1);
        };
        let entity = a.entity.and_then(|e| self.doc.entities.get(e.index()));
        let name = entity
            .map(|e| e.name.as_str())
            .unwrap_or_else(|| self.doc.slice(a.span));
        let cols = split_actor(&clean(&a.actor_code, &[]), &clean(name, &[]).to_uppercase());
        let geo = geo_cols(entity.and_then(|e| e.geo.as_ref()));
        (cols, geo, self.off(a.span))
    }

    /// The pending rows of this document's events.
    pub fn event_mentions(&self) -> Vec<PendingMention> {
        let doc = self.doc;
        let rows = EventMention::from_document(doc);
        let (mention_type, identifier) = self.identifier();
        let source_name = self.source_name();
        let doc_tone = doc.tone.as_ref().map(|t| t.tone).unwrap_or(0.0);
        doc.events
            .iter()
            .zip(rows)
            .map(|(e, mention)| {
                let (actor1, actor1_geo, actor1_offset) = self.actor(e.source.as_ref());
                let (actor2, actor2_geo, actor2_offset) = self.actor(e.target.as_ref());
                let place = e
                    .place
                    .and_then(|p| doc.entities.get(p.index()))
                    .and_then(|p| p.geo.as_ref());
                PendingMention {
                    mention,
                    actor1,
                    actor2,
                    actor1_geo,
                    actor2_geo,
                    action_geo: geo_cols(place),
                    article_time: self.time,
                    source_name: source_name.clone(),
                    identifier: identifier.clone(),
                    mention_type,
                    sentence_id: e.sentence.0 + 1,
                    actor1_offset,
                    in_raw_text: u8::from(
                        !self.via_pronoun(e.source.as_ref())
                            && !self.via_pronoun(e.target.as_ref()),
                    ),
                    actor2_offset,
                    action_offset: self.off(e.trigger),
                    // Asserted by the article: full confidence; only someone's claim: half.
                    confidence: match e.status {
                        sitrep_doc::EventStatus::Asserted => 100,
                        sitrep_doc::EventStatus::Reported => 50,
                    },
                    doc_len: self.chars.len_chars(),
                    doc_tone,
                }
            })
            .collect()
    }

    /// The GKG 2.1 record of this document.
    pub fn gkg_row(&self, record_id: String) -> GkgRow {
        let doc = self.doc;
        let (collection, identifier) = self.identifier();
        let mut row = GkgRow {
            record_id,
            date: self.time,
            source_collection: collection,
            source_common_name: self.source_name(),
            document_identifier: identifier,
            ..GkgRow::default()
        };

        // Counts, with the first geocoded place named in the same sentence.
        let places: Vec<(usize, &sitrep_doc::Geo)> = doc
            .mentions
            .iter()
            .filter_map(|m| {
                Some((
                    m.span.start(),
                    doc.entities.get(m.entity?.index())?.geo.as_ref()?,
                ))
            })
            .collect();
        let mut v1 = Vec::new();
        let mut v21 = Vec::new();
        for c in &doc.counts {
            let sentence = doc.sentence_at(c.span.start());
            let geo = places
                .iter()
                .find(|(at, _)| sentence.is_some() && doc.sentence_at(*at) == sentence)
                .map(|(_, g)| *g);
            let loc = geo.map(|g| location(g, None)).unwrap_or(Location {
                loc_type: Some(0),
                ..Location::default()
            });
            let object = clean(&c.object, &[';', '#']);
            v1.push(CountEntry::v1(
                c.kind.as_str(),
                Float::new(c.value),
                object.clone(),
                loc.clone(),
            ));
            v21.push(CountEntry::v21(
                c.kind.as_str(),
                Float::new(c.value),
                object,
                loc,
                self.off(c.span),
            ));
        }
        row.v1_counts = List::new(v1, true);
        row.v21_counts = List::new(v21, true);

        // Themes: unique in first-seen order, then every mention with its offset.
        let mut seen = HashSet::new();
        let v1_themes: Vec<String> = doc
            .themes
            .iter()
            .filter(|t| seen.insert(t.theme.as_str()))
            .map(|t| clean(&t.theme, &[';', ',']))
            .collect();
        row.v1_themes = List::new(v1_themes, true);
        row.v2_themes = List::new(
            doc.themes
                .iter()
                .map(|t| Named {
                    name: clean(&t.theme, &[';', ',']),
                    offset: self.off(t.span),
                })
                .collect(),
            true,
        );

        // Names: V1 lists carry each entity once (lower-cased, as GDELT writes them); V2
        // lists every name-form mention as written, with its offset.
        let mut v1_locations = Vec::new();
        let (mut v1_persons, mut v1_orgs) = (Vec::new(), Vec::new());
        let (mut v2_locations, mut v2_persons, mut v2_orgs, mut all_names) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for e in &doc.entities {
            let v1name = clean(&e.name, &[';']).to_lowercase();
            match e.kind {
                EntityKind::Person => v1_persons.push(v1name),
                EntityKind::Organization => v1_orgs.push(v1name),
                EntityKind::Location => {
                    if let Some(g) = &e.geo {
                        v1_locations.push(location(g, None));
                    }
                }
                _ => {}
            }
        }
        let mut mentions: Vec<&sitrep_doc::Mention> = doc
            .mentions
            .iter()
            .filter(|m| m.form == MentionForm::Name)
            .collect();
        mentions.sort_by_key(|m| m.span);
        for m in mentions {
            let text = clean(doc.slice(m.span), &[';', '#']);
            let offset = self.off(m.span);
            let entity = m.entity.and_then(|e| doc.entities.get(e.index()));
            match m.kind {
                EntityKind::Person => v2_persons.push(Named {
                    name: text.clone(),
                    offset,
                }),
                EntityKind::Organization => v2_orgs.push(Named {
                    name: text.clone(),
                    offset,
                }),
                EntityKind::Location => {
                    if let Some(g) = entity.and_then(|e| e.geo.as_ref()) {
                        let mut loc = location(g, Some(offset));
                        loc.full_name = text.clone();
                        v2_locations.push(loc);
                    }
                }
                _ => {}
            }
            all_names.push(Named { name: text, offset });
        }
        v1_persons.sort();
        v1_persons.dedup();
        v1_orgs.sort();
        v1_orgs.dedup();
        row.v1_locations = List::new(v1_locations, false);
        row.v2_locations = List::new(v2_locations, false);
        row.v1_persons = List::new(v1_persons, false);
        row.v2_persons = List::new(v2_persons, false);
        row.v1_organizations = List::new(v1_orgs, false);
        row.v2_organizations = List::new(v2_orgs, false);
        row.v21_all_names = List::new(all_names, false);

        if let Some(t) = &doc.tone {
            let nums = [
                t.tone,
                t.positive,
                t.negative,
                t.polarity,
                t.activity_density,
                t.self_density,
                f64::from(t.word_count),
            ];
            row.v2_tone = List::new(nums.iter().map(|&v| Float::new(v)).collect(), false);
            row.v2_gcam = List::new(
                vec![GcamEntry {
                    key: "wc".into(),
                    value: Float::new(f64::from(t.word_count)),
                }],
                false,
            );
        }

        row.v21_dates = List::new(
            doc.dates
                .iter()
                .filter_map(|d| {
                    let date = d.date?;
                    let (month, day) = match d.resolution {
                        DateResolution::Year => (0, 0),
                        DateResolution::Month => (date.month() as u8, 0),
                        DateResolution::Day => (date.month() as u8, date.day() as u8),
                    };
                    Some(DateEntry {
                        resolution: u8::from(d.resolution),
                        month,
                        day,
                        year: date.year(),
                        offset: self.off(d.span),
                    })
                })
                .collect(),
            false,
        );

        // Quotations: direct and mixed quotes, without their outer quote marks.
        row.v21_quotations = List::new(
            doc.quotes
                .iter()
                .filter(|q| q.kind != QuoteKind::Indirect)
                .map(|q| {
                    let inner = strip_quote_marks(doc.text(), q.span);
                    let start = self.off(inner);
                    QuoteEntry {
                        offset: start,
                        length: self.chars.char_of(inner.end()) - start,
                        verb: q
                            .cue
                            .map(|c| clean(doc.slice(c), &['#', '|']))
                            .unwrap_or_default(),
                        quote: clean(doc.slice(inner), &['#', '|']),
                    }
                })
                .collect(),
            false,
        );

        row.v21_amounts = List::new(
            doc.amounts
                .iter()
                .map(|a| AmountEntry {
                    amount: Float::new(a.value),
                    object: clean(&a.object, &[';']),
                    offset: self.off(a.span),
                })
                .collect(),
            true,
        );
        if let Some(title) = &doc.meta.title {
            row.v2_extras_xml = format!("<PAGE_TITLE>{}</PAGE_TITLE>", clean(title, &[]));
        }
        if self.undated {
            row.v2_extras_xml.push_str(PROCESSING_TIME_MARK);
        }
        row
    }
}

/// The span inside one pair of outer quote marks, if the span has them.
fn strip_quote_marks(text: &str, span: Span) -> Span {
    let s = &text[span.range()];
    let open = s
        .chars()
        .next()
        .filter(|c| matches!(c, '"' | '“' | '‘' | '«' | '\''));
    let close = s
        .chars()
        .last()
        .filter(|c| matches!(c, '"' | '”' | '’' | '»' | '\''));
    match (open, close) {
        (Some(o), Some(c)) if s.len() >= o.len_utf8() + c.len_utf8() => {
            Span::new(text, span.start() + o.len_utf8(), span.end() - c.len_utf8()).unwrap_or(span)
        }
        _ => span,
    }
}
