//! Per-document reports and the batch summary.

use serde::Serialize;
use sitrep_doc::output::ArticleRecord;
use sitrep_doc::{Document, ReadError};
use std::fmt;
use std::time::Duration;

/// What happened to one record.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocReport {
    pub id: String,
    /// Text bytes processed (0 for a record that could not be read).
    pub bytes: usize,
    /// Time spent in the stages.
    pub elapsed: Duration,
    /// False when ingest failed and no document was made.
    pub read_ok: bool,
    /// Errors the stages recorded on the document.
    pub errors: usize,
}

impl DocReport {
    /// True when the record was read and no stage reported an error.
    pub fn ok(&self) -> bool {
        self.read_ok && self.errors == 0
    }
}

/// One processed record: the document (or the ingest error) and its report.
#[derive(Debug)]
pub struct Processed {
    /// The processed document, or the reader's error for a record that could not be read.
    pub record: Result<Document, Box<dyn ReadError>>,
    pub report: DocReport,
}

impl Processed {
    /// The schema v1 output line; a failed read becomes `ArticleRecord::failed`.
    pub fn to_record(&self) -> ArticleRecord {
        match &self.record {
            Ok(doc) => doc.to_record(),
            Err(e) => ArticleRecord::failed(e.record_id(), e.to_string()),
        }
    }

    /// The errors `to_record` would carry, without building the whole record.
    pub fn errors(&self) -> Vec<String> {
        match &self.record {
            Ok(doc) => doc.errors.clone(),
            Err(e) => vec![e.to_string()],
        }
    }
}

/// Totals over a batch.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Summary {
    /// Records seen, read or not.
    pub articles: u64,
    /// Records that could not be read (ingest errors).
    pub failed_records: u64,
    /// Documents read whose processing recorded at least one stage error.
    pub with_stage_errors: u64,
    /// Text bytes of the documents read.
    pub bytes: u64,
    /// Wall-clock time from the start of the batch.
    pub elapsed: Duration,
}

impl Summary {
    pub fn add(&mut self, report: &DocReport) {
        self.articles += 1;
        self.bytes += report.bytes as u64;
        if !report.read_ok {
            self.failed_records += 1;
        } else if report.errors > 0 {
            self.with_stage_errors += 1;
        }
    }

    /// Records with any error: unread, or read with stage errors.
    pub fn records_with_errors(&self) -> u64 {
        self.failed_records + self.with_stage_errors
    }

    /// Megabytes (10^6 bytes) of text per second of wall-clock time.
    pub fn mb_per_s(&self) -> f64 {
        let secs = self.elapsed.as_secs_f64();
        if secs > 0.0 {
            self.bytes as f64 / 1e6 / secs
        } else {
            0.0
        }
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} articles, {} failed to read, {} with stage errors; {:.2} MB in {:.2} s = {:.2} MB/s",
            self.articles,
            self.failed_records,
            self.with_stage_errors,
            self.bytes as f64 / 1e6,
            self.elapsed.as_secs_f64(),
            self.mb_per_s()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_counts_and_rates() {
        let mut s = Summary::default();
        let report = |bytes, read_ok, errors| DocReport {
            id: "x".into(),
            bytes,
            elapsed: Duration::ZERO,
            read_ok,
            errors,
        };
        s.add(&report(1_000_000, true, 0));
        s.add(&report(0, false, 0));
        s.add(&report(500_000, true, 2));
        s.elapsed = Duration::from_millis(500);
        assert_eq!(
            (s.articles, s.failed_records, s.with_stage_errors, s.bytes),
            (3, 1, 1, 1_500_000)
        );
        assert_eq!(s.records_with_errors(), 2);
        assert!((s.mb_per_s() - 3.0).abs() < 1e-9);
        assert_eq!(
            s.to_string(),
            "3 articles, 1 failed to read, 1 with stage errors; 1.50 MB in 0.50 s = 3.00 MB/s"
        );
        assert_eq!(Summary::default().mb_per_s(), 0.0);
    }
}

#[cfg(test)]
mod errors_tests {
    use super::*;
    use sitrep_doc::{Document, Meta};

    #[test]
    fn errors_equal_the_records_errors() {
        let mut doc = Document::new(Meta::default(), "Text.".into()).unwrap();
        doc.errors.push("stage x: broke".into());
        let processed = Processed {
            record: Ok(doc),
            report: DocReport {
                id: String::new(),
                bytes: 5,
                elapsed: Duration::ZERO,
                read_ok: true,
                errors: 1,
            },
        };
        assert_eq!(processed.errors(), processed.to_record().errors);
        assert_eq!(processed.errors(), vec!["stage x: broke".to_string()]);
    }
}
