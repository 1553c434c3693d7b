//! Date expressions in article text, resolved against the article date.
//!
//! sitrep-dates finds expressions like "Monday, January 10th", "10 January 2022", "Jan. 10",
//! "2022-01-10", "last Tuesday", "yesterday", "last week", "in March" and "in 2019" in the
//! tokens of each sentence and resolves them to a calendar date with GDELT's resolution
//! (1 year, 2 month, 3 day). Its key decision is to match a few fixed token patterns with
//! small word lists instead of a general grammar: news dates are formulaic, and the rules stay
//! readable and fast. Relative expressions are resolved against `doc.meta.date`; without it
//! they are still marked, with `date: None`. It must never guess a date from a bare number
//! (times like "9:00 am", counts like "25,000") or mark a lower-case "may" or "march".
//!
//! Resolution rules (kept simple on purpose):
//! - a day without a year takes the year (article year -1, 0 or +1) nearest the article date;
//! - a month without a year ("in March") is in the article's year, except that a month
//!   later than the article's in a past-tense sentence is last year's ("rose in December"
//!   written in March), and an earlier one in a future sentence is next year's (tense comes
//!   from marker words: "will", "scheduled" ... for the future, "was", "said", "-ed" ... for
//!   the past);
//! - a bare weekday ("on Monday") is the latest such day on or before the article date, or,
//!   when its sentence speaks of the future ("will", "scheduled", "next" ...), the first one on
//!   or after it; "last Tuesday" is strictly before, "next Friday" strictly after, "this
//!   Friday" on or after;
//! - "yesterday" -1 day, "today"/"tonight" 0, "tomorrow" +1, "last week" -7 days and "next
//!   week" +7 (resolution day), "last/next month" (month), "last/next year" (year),
//!   "N days/weeks/months/years ago".

mod lexicon;
mod matcher;

pub use matcher::{Tense, Value, WeekdayMode};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sitrep_doc::{DateMention, DateResolution, Document, Layers, SentenceId, Stage, StageError};
use thiserror::Error;

/// Errors of this crate.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum DatesError {
    #[error("invalid dates config: {0}")]
    Config(String),
}

/// Configuration of the dates stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DatesConfig {
    /// Earliest year a bare year ("in 1848") may name.
    pub min_year: i32,
    /// Latest year a bare year ("by 2050") may name.
    pub max_year: i32,
}

impl Default for DatesConfig {
    fn default() -> Self {
        DatesConfig {
            min_year: 1000,
            max_year: 2200,
        }
    }
}

impl DatesConfig {
    pub fn build(&self) -> Result<DatesStage, DatesError> {
        if self.min_year > self.max_year || self.min_year < 1 || self.max_year > 9999 {
            return Err(DatesError::Config(format!(
                "year range {}..={} must be ordered and within 1..=9999",
                self.min_year, self.max_year
            )));
        }
        Ok(DatesStage {
            limits: matcher::Limits {
                min_year: self.min_year,
                max_year: self.max_year,
            },
        })
    }
}

/// The dates stage. Build it with [`DatesConfig::build`].
#[derive(Debug, Clone)]
pub struct DatesStage {
    limits: matcher::Limits,
}

/// One date expression found in a text: byte range, resolved date and resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundDate {
    pub start: usize,
    pub end: usize,
    pub date: Option<NaiveDate>,
    pub resolution: DateResolution,
}

impl DatesStage {
    /// Finds and resolves the date expressions in one sentence's tokens.
    fn sentence_dates(
        &self,
        toks: &[matcher::Tok],
        article: Option<NaiveDate>,
        found: &mut Vec<matcher::Found>,
        out: &mut Vec<FoundDate>,
    ) {
        found.clear();
        matcher::find(toks, self.limits, found);
        if found.is_empty() {
            return;
        }
        let tense = matcher::tense(toks);
        for f in found.iter() {
            let tense = match tense {
                Tense::Past if matcher::is_deadline(toks, f.first) => Tense::Unknown,
                t => t,
            };
            let (date, resolution) = f.value.resolve(article, tense);
            out.push(FoundDate {
                start: toks[f.first].start,
                end: toks[f.end - 1].end,
                date,
                resolution,
            });
        }
    }

    /// Finds the dates of a plain text (segmented with the default segmenter).
    pub fn find_in_text(&self, text: &str, article: Option<NaiveDate>) -> Vec<FoundDate> {
        let seg = sitrep_text::segment_text(text);
        let mut out = Vec::new();
        let mut found = Vec::new();
        let mut toks = Vec::new();
        for s in &seg.sentences {
            toks.clear();
            toks.extend(seg.tokens[s.tokens.clone()].iter().map(|t| matcher::Tok {
                text: &text[t.span.clone()],
                start: t.span.start,
                end: t.span.end,
            }));
            self.sentence_dates(&toks, article, &mut found, &mut out);
        }
        out
    }
}

impl Stage for DatesStage {
    fn name(&self) -> &'static str {
        "dates"
    }

    fn requires(&self) -> Layers {
        Layers::SENTENCES | Layers::TOKENS
    }

    fn provides(&self) -> Layers {
        Layers::DATES
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        let article = doc.meta.date;
        let mut out = Vec::new();
        let mut found = Vec::new();
        let mut toks = Vec::new();
        for si in 0..doc.sentences.len() {
            toks.clear();
            toks.extend(
                doc.tokens_of(SentenceId(si as u32))
                    .iter()
                    .map(|t| matcher::Tok {
                        text: doc.slice(t.span),
                        start: t.span.start(),
                        end: t.span.end(),
                    }),
            );
            self.sentence_dates(&toks, article, &mut found, &mut out);
        }
        let mut dates = Vec::with_capacity(out.len());
        for f in out {
            let span = doc
                .span(f.start, f.end)
                .map_err(|e| StageError::new("dates", e.to_string()))?;
            dates.push(DateMention {
                span,
                date: f.date,
                resolution: f.resolution,
            });
        }
        doc.dates = dates;
        Ok(())
    }
}

/// Resolves one date expression (e.g. "last Tuesday", "on Monday", "10 January 2022") against
/// an article date: the first date found in it, with its resolution. `None` if the text holds
/// no date expression or it cannot be resolved (a relative expression without article date).
pub fn resolve(expr: &str, article: Option<NaiveDate>) -> Option<(NaiveDate, DateResolution)> {
    let stage = DatesConfig::default().build().ok()?;
    let f = stage.find_in_text(expr, article).into_iter().next()?;
    Some((f.date?, f.resolution))
}

/// Finds the date expressions of a plain text with the default configuration.
pub fn find_dates(text: &str, article: Option<NaiveDate>) -> Vec<FoundDate> {
    DatesConfig::default()
        .build()
        .map(|s| s.find_in_text(text, article))
        .unwrap_or_default()
}
