//! Cross-article event grouping: "one event per happening".
//!
//! Many articles report the same real-world event; GDELT counts it once, with NumMentions,
//! NumSources and NumArticles. This crate groups event mentions from many articles into
//! [`Happening`]s by an explicit, documented rule, and gives each a stable GLOBALEVENTID.
//!
//! # The rule
//! Two event mentions describe the same happening when all of these hold:
//! 1. **Same actors**: the same source actor code and the same target actor code (an absent
//!    actor is the empty code, so it matches only another absent actor). For *symmetric*
//!    event codes (default: the codes marked `interchangeable` in sitrep's one symmetric list,
//!    `crates/lexicon/data/symmetric_codes.tsv`, which the event coder reads too: `040`
//!    consult, `041` phone call, `044` meet at a third location, `046` negotiate, `057` sign
//!    agreement) the two codes are put in lexicographic order first, so "Russia met the US"
//!    and "the US met Russia" agree. The list's other codes (fighting, intents) stay
//!    directed: "A attacked B" is not "B attacked A". A mention with only one actor
//!    (no source or no target code) groups only within its own article: "the government
//!    made a statement" in two papers on one day is rarely the same happening.
//! 2. **Same CAMEO root** (`"04"`): articles describe one meeting as "met" (044), "held talks"
//!    (046) or "consulted" (040); the root is what they agree on.
//! 3. **Dates within the window**: every member's date lies in `[anchor, anchor + window_days]`
//!    where the anchor is the group's earliest date (so any two members are at most
//!    `window_days` apart: complete linkage, no chaining of a daily series into one blob).
//!    A mention's date is the event's resolved date, else its article's date. Undated mentions
//!    group only with undated mentions.
//! 4. **Compatible place**: the group's place (the first place any member has, in sort order)
//!    equals the mention's place, or one of them is missing.
//!
//! Mentions are first sorted by a total key (group key, date, place, article id, index in the
//! article), then scanned once; a mention joins the open group (anchor within the window) with
//! a compatible place that has the most members (ties: the earliest created), or opens a new
//! one. The result is therefore a pure function of the *set* of mentions: independent of input
//! order, O(n log n) for the sort plus a scan over the few open groups of one key.
//!
//! The GLOBALEVENTID is a 53-bit FNV-1a hash of the group's canonical key and its first
//! member's identity (article id, index), so it is stable for the same input and fits a
//! JSON number and an SQLite integer exactly. Collisions inside a batch are resolved by
//! probing upward in the groups' sorted order.
//!
//! This crate must never read article text or do I/O: it works on small [`EventMention`] rows.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sitrep_doc::output::ArticleRecord;
use sitrep_doc::{Document, EventStatus};
use sitrep_lexicon::symmetric::{interchangeable_entries, BadSymmetricCode};
use sitrep_lexicon::SymmetricCodes;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use thiserror::Error;

/// Errors of the happenings configuration.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum HappeningsError {
    #[error("window_days {0} is too large (at most 366)")]
    WindowTooLarge(u32),
    #[error(transparent)]
    BadSymmetricCode(#[from] BadSymmetricCode),
}

/// How mentions are grouped. See the crate documentation for the rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct HappeningsConfig {
    /// Members of one happening lie at most this many days apart (default 1, i.e. ±1 day).
    pub window_days: u32,
    /// CAMEO codes (3 or 4 digits) whose actors are interchangeable: "A met B" = "B met A".
    /// A 3-digit code also covers its 4-digit children; `03*` covers every code starting
    /// with 03. Default: the `interchangeable` codes of sitrep's one list
    /// (`crates/lexicon/data/symmetric_codes.tsv`).
    pub symmetric_codes: Vec<String>,
    /// Group mentions that are only someone's claim (inside a quote) too (default true).
    pub include_reported: bool,
}

impl Default for HappeningsConfig {
    fn default() -> Self {
        HappeningsConfig {
            window_days: 1,
            symmetric_codes: interchangeable_entries()
                .into_iter()
                .map(str::to_string)
                .collect(),
            include_reported: true,
        }
    }
}

impl HappeningsConfig {
    pub fn build(&self) -> Result<Grouper, HappeningsError> {
        if self.window_days > 366 {
            return Err(HappeningsError::WindowTooLarge(self.window_days));
        }
        Ok(Grouper {
            window_days: i64::from(self.window_days),
            symmetric: SymmetricCodes::new(&self.symmetric_codes)?,
            include_reported: self.include_reported,
        })
    }
}

/// One event mention in one article: the light row grouping works on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventMention {
    pub article_id: String,
    /// The publishing source (domain or outlet name), for NumSources.
    pub source_name: Option<String>,
    pub url: Option<String>,
    pub article_date: Option<NaiveDate>,
    /// The event's own resolved date, if the article gives one.
    pub event_date: Option<NaiveDate>,
    /// Source actor code, "" if none.
    pub source_code: String,
    /// Target actor code, "" if none.
    pub target_code: String,
    pub code: String,
    pub base: String,
    pub root: String,
    /// A stable key of the event's place ("gn:2660646" for a geocoded place, else the
    /// place entity's key), if known.
    pub place_key: Option<String>,
    pub goldstein: f32,
    pub quad_class: u8,
    /// Index of the event in its article (`Document::events`), for identity and joins.
    pub index: u32,
    /// Sentence index in the article (0-based).
    pub sentence: u32,
    pub is_root: bool,
    pub reported: bool,
    /// The article's tone (V2Tone's first number), for AvgTone.
    pub doc_tone: Option<f64>,
}

impl EventMention {
    /// The date used for grouping: the event's date, else the article's.
    pub fn date(&self) -> Option<NaiveDate> {
        self.event_date.or(self.article_date)
    }

    /// One row per event of a schema-v1 record.
    pub fn from_record(rec: &ArticleRecord) -> Vec<EventMention> {
        let place_key = |p: Option<u32>| -> Option<String> {
            let e = rec.entities.get(p? as usize)?;
            Some(place_key_of(e.geo.as_ref().map(|g| g.geonames_id), &e.key))
        };
        rec.events
            .iter()
            .enumerate()
            .map(|(i, e)| EventMention {
                article_id: rec.id.clone(),
                source_name: rec.source.clone(),
                url: rec.url.clone(),
                article_date: rec.date,
                event_date: e.date,
                source_code: e
                    .source
                    .as_ref()
                    .map(|a| a.actor_code.clone())
                    .unwrap_or_default(),
                target_code: e
                    .target
                    .as_ref()
                    .map(|a| a.actor_code.clone())
                    .unwrap_or_default(),
                code: e.code.clone(),
                base: e.base.clone(),
                root: e.root.clone(),
                place_key: place_key(e.place),
                goldstein: e.goldstein,
                quad_class: e.quad_class,
                index: i as u32,
                sentence: e.sentence,
                is_root: e.is_root,
                reported: e.status == "reported",
                doc_tone: rec.tone.as_ref().map(|t| t.tone),
            })
            .collect()
    }

    /// One row per event of a document (the same rows as `from_record(&doc.to_record())`,
    /// without building the record).
    pub fn from_document(doc: &Document) -> Vec<EventMention> {
        doc.events
            .iter()
            .enumerate()
            .map(|(i, e)| EventMention {
                article_id: doc.meta.id.clone(),
                source_name: doc.meta.source.clone(),
                url: doc.meta.url.clone(),
                article_date: doc.meta.date,
                event_date: e.date,
                source_code: e
                    .source
                    .as_ref()
                    .map(|a| a.actor_code.clone())
                    .unwrap_or_default(),
                target_code: e
                    .target
                    .as_ref()
                    .map(|a| a.actor_code.clone())
                    .unwrap_or_default(),
                code: e.code.clone(),
                base: e.base.clone(),
                root: e.root.clone(),
                place_key: e
                    .place
                    .and_then(|p| doc.entities.get(p.index()))
                    .map(|ent| place_key_of(ent.geo.as_ref().map(|g| g.geonames_id), &ent.key)),
                goldstein: e.goldstein,
                quad_class: e.quad_class,
                index: i as u32,
                sentence: e.sentence.0,
                is_root: e.is_root,
                reported: e.status == EventStatus::Reported,
                doc_tone: doc.tone.as_ref().map(|t| t.tone),
            })
            .collect()
    }
}

fn place_key_of(geonames_id: Option<u32>, entity_key: &str) -> String {
    match geonames_id {
        Some(id) if id != 0 => format!("gn:{id}"),
        _ => entity_key.to_string(),
    }
}

/// One real-world event: the mentions grouped under it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Happening {
    /// GDELT GLOBALEVENTID: stable for the same input, unique in the batch, < 2^53.
    pub id: u64,
    /// Actor codes in the group's canonical order (for a symmetric code: lexicographic).
    pub source_code: String,
    pub target_code: String,
    pub root: String,
    /// The most frequent full code among the members (ties: the smallest code).
    pub code: String,
    pub base: String,
    pub quad_class: u8,
    pub goldstein: f32,
    /// The earliest member date (the anchor).
    pub date: Option<NaiveDate>,
    pub place_key: Option<String>,
    /// Indices into the input slice, in canonical order (earliest first). Never empty.
    pub members: Vec<usize>,
    pub num_mentions: u32,
    /// Distinct `source_name`s; an article without one counts as its own source.
    pub num_sources: u32,
    pub num_articles: u32,
    /// Mean tone of the distinct member articles that have one (GDELT's AvgTone).
    pub avg_tone: Option<f64>,
    /// Any member comes from an article's lead (GDELT's IsRootEvent).
    pub is_root: bool,
}

/// The compiled grouping rule.
#[derive(Debug, Clone)]
pub struct Grouper {
    window_days: i64,
    symmetric: SymmetricCodes,
    include_reported: bool,
}

impl Default for Grouper {
    fn default() -> Self {
        HappeningsConfig::default()
            .build()
            .expect("default config is valid")
    }
}

/// The canonical, order-defining key of a mention.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct GroupKey<'a> {
    actor_a: &'a str,
    actor_b: &'a str,
    root: &'a str,
    /// Empty for two-sided mentions; the article id for one-sided ones (see rule 1).
    article: &'a str,
}

struct Open {
    group: usize,
    anchor: Option<NaiveDate>,
    place: Option<String>,
}

impl Grouper {
    fn key<'a>(&self, m: &'a EventMention) -> GroupKey<'a> {
        let (mut a, mut b) = (m.source_code.as_str(), m.target_code.as_str());
        if self.symmetric.contains(&m.code) && b < a {
            std::mem::swap(&mut a, &mut b);
        }
        let one_sided = a.is_empty() || b.is_empty();
        GroupKey {
            actor_a: a,
            actor_b: b,
            root: m.root.as_str(),
            article: if one_sided { m.article_id.as_str() } else { "" },
        }
    }

    /// Groups mentions into happenings, sorted by (key, anchor date, first member).
    /// Mentions excluded by the configuration (reported, if `include_reported` is false)
    /// belong to no happening.
    pub fn group(&self, mentions: &[EventMention]) -> Vec<Happening> {
        let mut order: Vec<usize> = (0..mentions.len())
            .filter(|&i| self.include_reported || !mentions[i].reported)
            .collect();
        let keys: Vec<GroupKey> = mentions.iter().map(|m| self.key(m)).collect();
        order.sort_by(|&x, &y| {
            let (a, b) = (&mentions[x], &mentions[y]);
            keys[x]
                .cmp(&keys[y])
                .then_with(|| a.date().cmp(&b.date()))
                // Placed mentions first, so unplaced ones find a place to join.
                .then_with(|| b.place_key.is_some().cmp(&a.place_key.is_some()))
                .then_with(|| a.place_key.cmp(&b.place_key))
                .then_with(|| a.article_id.cmp(&b.article_id))
                .then_with(|| a.index.cmp(&b.index))
                .then_with(|| a.code.cmp(&b.code))
        });

        let mut groups: Vec<Vec<usize>> = Vec::new();
        let mut open: Vec<Open> = Vec::new();
        let mut current_key: Option<&GroupKey> = None;
        for &i in &order {
            let m = &mentions[i];
            if current_key != Some(&keys[i]) {
                open.clear();
                current_key = Some(&keys[i]);
            }
            let date = m.date();
            // Dates only grow within a key: groups whose window has passed stay closed.
            open.retain(|g| match (g.anchor, date) {
                (Some(a), Some(d)) => (d - a).num_days() <= self.window_days,
                (None, None) => true,
                _ => false,
            });
            let best = open
                .iter_mut()
                .filter(|g| match (&g.place, &m.place_key) {
                    (Some(p), Some(q)) => p == q,
                    _ => true,
                })
                .max_by(|x, y| {
                    groups[x.group]
                        .len()
                        .cmp(&groups[y.group].len())
                        .then(y.group.cmp(&x.group))
                });
            match best {
                Some(g) => {
                    if g.place.is_none() {
                        g.place = m.place_key.clone();
                    }
                    groups[g.group].push(i);
                }
                None => {
                    open.push(Open {
                        group: groups.len(),
                        anchor: date,
                        place: m.place_key.clone(),
                    });
                    groups.push(vec![i]);
                }
            }
        }

        let mut used = HashSet::new();
        groups
            .into_iter()
            .map(|members| self.summarize(mentions, &keys, members, &mut used))
            .collect()
    }

    fn summarize(
        &self,
        mentions: &[EventMention],
        keys: &[GroupKey],
        members: Vec<usize>,
        used: &mut HashSet<u64>,
    ) -> Happening {
        let first = &mentions[members[0]];
        let key = &keys[members[0]];
        let mut codes: BTreeMap<&str, u32> = BTreeMap::new();
        let mut sources = BTreeSet::new();
        let mut articles: BTreeMap<&str, Option<f64>> = BTreeMap::new();
        let mut place = None;
        for &i in &members {
            let m = &mentions[i];
            *codes.entry(m.code.as_str()).or_default() += 1;
            sources.insert(match &m.source_name {
                Some(s) => (0, s.as_str()),
                None => (1, m.article_id.as_str()),
            });
            articles.entry(m.article_id.as_str()).or_insert(m.doc_tone);
            if place.is_none() {
                place = m.place_key.clone();
            }
        }
        // Most frequent code; BTreeMap order makes the smallest code win ties.
        let (code, _) = codes.iter().fold(
            ("", 0),
            |best, (&c, &n)| if n > best.1 { (c, n) } else { best },
        );
        let rep = members
            .iter()
            .map(|&i| &mentions[i])
            .find(|m| m.code == code)
            .unwrap_or(first);
        let tones: Vec<f64> = articles.values().filter_map(|t| *t).collect();
        let avg_tone = (!tones.is_empty()).then(|| tones.iter().sum::<f64>() / tones.len() as f64);

        let mut h = Fnv::new();
        for part in [
            key.actor_a,
            key.actor_b,
            key.root,
            first.article_id.as_str(),
        ] {
            h.write(part.as_bytes());
            h.write(&[0xff]);
        }
        h.write(&first.index.to_le_bytes());
        if let Some(d) = first.date() {
            h.write(d.to_string().as_bytes());
        }
        let mut id = h.finish() & ((1u64 << 53) - 1);
        while id == 0 || !used.insert(id) {
            id = (id + 1) & ((1u64 << 53) - 1);
        }

        Happening {
            id,
            source_code: key.actor_a.to_string(),
            target_code: key.actor_b.to_string(),
            root: key.root.to_string(),
            code: code.to_string(),
            base: rep.base.clone(),
            quad_class: rep.quad_class,
            goldstein: rep.goldstein,
            date: first.date(),
            place_key: place,
            num_mentions: members.len() as u32,
            num_sources: sources.len() as u32,
            num_articles: articles.len() as u32,
            avg_tone,
            is_root: members.iter().any(|&i| mentions[i].is_root),
            members,
        }
    }
}

/// Groups with the default rule (±1 day, default symmetric codes).
pub fn group(mentions: &[EventMention]) -> Vec<Happening> {
    Grouper::default().group(mentions)
}

/// For each input mention, the index of its happening in `happenings` (None if excluded).
pub fn membership(n_mentions: usize, happenings: &[Happening]) -> Vec<Option<usize>> {
    let mut out = vec![None; n_mentions];
    for (g, h) in happenings.iter().enumerate() {
        for &m in &h.members {
            if let Some(slot) = out.get_mut(m) {
                *slot = Some(g);
            }
        }
    }
    out
}

/// 64-bit FNV-1a: tiny, dependency-free and fixed forever (std's hasher may change).
struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests;
