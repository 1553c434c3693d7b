//! The `sitrep` Python extension module: sitrep's pipeline from Python, one article to a
//! schema v1 dict ([`extract`]) or an Arrow batch of articles to the tables of the
//! Parquet export ([`PyPipeline::extract_batch`]), for notebooks and for Spark or Dask
//! workers.
//!
//! Key decisions: nothing is reimplemented here. A batch row is read exactly as a JSONL
//! record (it is handed to `sitrep_ingest::parse_line`, so ids, dates and error messages are
//! the CLI's), a single text exactly as a text file (`sitrep extract -`), the dict is the CLI's
//! JSON line parsed by Python's `json`, and the tables come from `sitrep_export`'s
//! [`RowMaker`](sitrep_export::parquet_out::RowMaker), so they equal `--format parquet`. Work
//! runs with the GIL released, on the pipeline's own rayon driver. Arrow data crosses the
//! language boundary through the Arrow C Data Interface (`arrow-pyarrow`), without copies of
//! the output columns.
//!
//! This module must never fail a whole batch for one bad row (the row becomes an error row
//! in `articles`), and never hold the GIL while the pipeline runs.

mod arrow_tables;
mod happening_ids;
mod rows;

use arrow_pyarrow::{FromPyArrow, ToPyArrow};
use arrow_schema::ArrowError;
use pyo3::create_exception;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyString};
use sitrep_export::parquet_out::{RowMaker, TableId, TABLES};
use sitrep_ingest::{IngestError, DEFAULT_MAX_BYTES};
use sitrep_pipeline::{Flow, PipelineConfig, RunOptions};
use std::path::PathBuf;

create_exception!(
    sitrep,
    SitrepError,
    pyo3::exceptions::PyValueError,
    "An input sitrep cannot read (empty text, bad date, ...) or a bad pipeline config; the \
     message is the one the `sitrep` CLI prints."
);

fn sitrep_err(message: impl std::fmt::Display) -> PyErr {
    SitrepError::new_err(message.to_string())
}

fn arrow_err(e: ArrowError) -> PyErr {
    PyValueError::new_err(format!("arrow: {e}"))
}

/// A configured pipeline, built once and reused across calls.
///
/// `config`: None (the standard pipeline), a path to a TOML file (JSON if it ends in
/// `.json`; as `sitrep extract --config`), or a dict of the same structure. `threads`: the
/// worker threads of `extract_batch` (default: one per core). `max_bytes`: longer articles are
/// errors (default 2 MiB, as the CLI).
#[pyclass(name = "Pipeline", module = "sitrep", frozen)]
struct PyPipeline {
    inner: sitrep_pipeline::Pipeline,
    threads: Option<usize>,
    max_bytes: usize,
}

fn load_config(py: Python<'_>, config: Option<&Bound<'_, PyAny>>) -> PyResult<PipelineConfig> {
    let Some(config) = config.filter(|c| !c.is_none()) else {
        return Ok(PipelineConfig::default());
    };
    if config.is_instance_of::<PyDict>() {
        let json = py.import("json")?.call_method1("dumps", (config,))?;
        let json: String = json.extract()?;
        return PipelineConfig::from_json(&json).map_err(sitrep_err);
    }
    let path: PathBuf = config.extract().map_err(|_| {
        PyTypeError::new_err("config must be None, a path to a TOML/JSON file, or a dict")
    })?;
    PipelineConfig::from_file(&path).map_err(sitrep_err)
}

#[pymethods]
impl PyPipeline {
    #[new]
    #[pyo3(signature = (config=None, *, threads=None, max_bytes=DEFAULT_MAX_BYTES))]
    fn new(
        py: Python<'_>,
        config: Option<&Bound<'_, PyAny>>,
        threads: Option<usize>,
        max_bytes: usize,
    ) -> PyResult<Self> {
        let config = load_config(py, config)?;
        if threads == Some(0) {
            return Err(PyValueError::new_err("threads must be at least 1"));
        }
        let inner = py
            .detach(|| sitrep_pipeline::Pipeline::build(&config))
            .map_err(|e| sitrep_err(format!("cannot build the pipeline: {e}")))?;
        Ok(PyPipeline {
            inner,
            threads,
            max_bytes,
        })
    }

    /// The stage names, in order.
    #[getter]
    fn stages(&self) -> Vec<&'static str> {
        self.inner.stage_names()
    }

    /// One article to its schema v1 record (the dict of the CLI's JSON line).
    ///
    /// Without `date`, `text` is read as a text file is (`sitrep extract -`): a first line
    /// `date YYYY-MM-DD` gives the date and offsets count from the first byte. With `date`
    /// (`"YYYY-MM-DD"` or a `datetime.date`), `text` is read as a JSONL record's text.
    /// `id` defaults to the CLI's id for text on standard input (`stdin:` + a hash of the
    /// bytes). Raises `SitrepError` for an article sitrep cannot read; errors
    /// of a stage on a readable article are in the record's `errors`, as in the CLI.
    #[pyo3(signature = (text, date=None, id=None))]
    fn extract<'py>(
        &self,
        py: Python<'py>,
        text: &str,
        date: Option<&Bound<'py, PyAny>>,
        id: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let record = match date.filter(|d| !d.is_none()) {
            None => {
                let id = match id {
                    Some(id) if !id.is_none() => rows::id_string(id)?,
                    _ => sitrep_ingest::stdin_id(text.as_bytes()),
                };
                sitrep_ingest::text_document(&id, text.as_bytes().to_vec(), self.max_bytes)
            }
            Some(date) => {
                let line = rows::single_line(text, Some(date), id)?;
                let at = sitrep_ingest::Location::line("-", 1);
                sitrep_ingest::parse_line(line.as_bytes(), at, self.max_bytes)
            }
        };
        let mut doc = record.map_err(|e: IngestError| sitrep_err(e))?;
        let json = py.detach(|| {
            self.inner.process(&mut doc);
            serde_json::to_string(&doc.to_record())
        });
        let json = json.map_err(|e| sitrep_err(format!("cannot render the record: {e}")))?;
        py.import("json")?
            .call_method1("loads", (PyString::new(py, &json),))
    }

    /// A batch of articles to the tables of `sitrep extract --format parquet`.
    ///
    /// `batch`: a `pyarrow.RecordBatch` or `pyarrow.Table` (or any object with
    /// `__arrow_c_stream__`) with columns `id` (string or integer), `text`, and optional
    /// `date` (date32 or "YYYY-MM-DD" string), `title`, `url`, `source`: each row is read as a
    /// JSONL record. Returns `{"articles", "entities", "mentions", "quotes", "events"}` as
    /// `pyarrow.Table`s with the Parquet export's columns. A row sitrep cannot read becomes a
    /// row of `articles` whose `errors` says why (as the CLI prints it, rows numbered from 1
    /// as `batch:N`), with no other rows; the batch goes on. `global_event_id` groups the
    /// events of this call (see `event_ids` for a corpus split over calls).
    fn extract_batch<'py>(
        &self,
        py: Python<'py>,
        batch: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let batches = import_batches(batch)?;
        let max_bytes = self.max_bytes;
        let options = RunOptions {
            threads: self.threads,
            ..RunOptions::default()
        };
        let tables = py.detach(|| -> PyResult<_> {
            let records = rows::records(&batches, max_bytes).map_err(sitrep_err)?;
            run_tables(&self.inner, records, options)
        })?;
        let out = PyDict::new(py);
        for (&(name, _), batch) in TABLES.iter().zip(tables) {
            out.set_item(name, arrow_tables::to_pyarrow_table(py, batch)?)?;
        }
        Ok(out)
    }

    fn __repr__(&self) -> String {
        format!("sitrep.Pipeline(stages={:?})", self.inner.stage_names())
    }
}

/// Runs the pipeline over the records and builds the tables in input order.
fn run_tables(
    pipeline: &sitrep_pipeline::Pipeline,
    records: Vec<sitrep_ingest::Record>,
    options: RunOptions,
) -> PyResult<Vec<arrow_array::RecordBatch>> {
    let mut tables: Vec<arrow_tables::TableBuilder> = TABLES
        .iter()
        .map(|&(_, spec)| arrow_tables::TableBuilder::new(spec))
        .collect();
    let mut maker = RowMaker::default();
    let mut failed: Option<sitrep_export::ExportError> = None;
    pipeline
        .run_each(records.into_iter(), options, |processed, _| {
            let mut sink = |t: TableId, row| tables[t as usize].push(TABLES[t as usize].0, row);
            let result = match &processed.record {
                Ok(doc) => maker.add(doc, &mut sink),
                Err(e) => sink(
                    TableId::Articles,
                    arrow_tables::error_row(&e.record_id(), &e.to_string()),
                ),
            };
            match result {
                Ok(()) => Flow::Continue,
                Err(e) => {
                    failed = Some(e);
                    Flow::Stop
                }
            }
        })
        .map_err(sitrep_err)?;
    if let Some(e) = failed {
        return Err(sitrep_err(e));
    }
    maker
        .finish(&mut |t, row| tables[t as usize].push(TABLES[t as usize].0, row))
        .map_err(sitrep_err)?;
    tables
        .into_iter()
        .map(|t| t.finish().map_err(arrow_err))
        .collect()
}

/// The record batches of a `pyarrow.RecordBatch`, a `pyarrow.Table` or any Arrow stream.
fn import_batches(batch: &Bound<'_, PyAny>) -> PyResult<Vec<arrow_array::RecordBatch>> {
    if batch.hasattr("__arrow_c_stream__")? && !batch.hasattr("__arrow_c_array__")? {
        let reader = arrow_array::ffi_stream::RecordBatchStreamReader::from_pyarrow_bound(batch)?;
        return reader.collect::<Result<Vec<_>, _>>().map_err(arrow_err);
    }
    if batch.hasattr("__arrow_c_array__")? || batch.hasattr("_export_to_c")? {
        return Ok(vec![arrow_array::RecordBatch::from_pyarrow_bound(batch)?]);
    }
    Err(PyTypeError::new_err(format!(
        "extract_batch takes a pyarrow.RecordBatch or pyarrow.Table, not {}",
        batch.get_type().name()?
    )))
}

static DEFAULT: PyOnceLock<Py<PyPipeline>> = PyOnceLock::new();

fn default_pipeline(py: Python<'_>) -> PyResult<&Py<PyPipeline>> {
    DEFAULT.get_or_try_init(py, || {
        Py::new(py, PyPipeline::new(py, None, None, DEFAULT_MAX_BYTES)?)
    })
}

/// One article to its schema v1 record with the standard pipeline (built on first use and
/// kept). See `Pipeline.extract`.
#[pyfunction]
#[pyo3(signature = (text, date=None, id=None))]
fn extract<'py>(
    py: Python<'py>,
    text: &str,
    date: Option<&Bound<'py, PyAny>>,
    id: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    default_pipeline(py)?.get().extract(py, text, date, id)
}

/// GLOBALEVENTIDs for event mentions gathered from several `extract_batch` calls: the ids a
/// single run over all of them gives (the CLI's). `mentions` needs the events table's
/// `article_id`, `event_index`, `code`, `root`, `source_code`, `target_code`, `date`,
/// `status`, plus `article_date` (the articles table's `date`), `place_geonames_id` and
/// `place_key` (the `geonames_id` and `key` of the entity `place_entity`; null if none).
/// Returns an int64 `pyarrow.Array` in the rows' order. Happenings never span two values of
/// (root, unordered actor pair), so a corpus may be split on that and each part given here.
#[pyfunction]
fn event_ids<'py>(py: Python<'py>, mentions: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let batches = import_batches(mentions)?;
    let ids = py
        .detach(|| happening_ids::assign(&batches))
        .map_err(sitrep_err)?;
    arrow_array::Array::to_data(&ids).to_pyarrow(py)
}

/// The schemas of the tables, by name (the Parquet export's columns as Arrow types).
#[pyfunction]
fn table_schemas(py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
    let out = PyDict::new(py);
    for &(name, spec) in &TABLES {
        let batch = arrow_tables::TableBuilder::new(spec)
            .finish()
            .map_err(arrow_err)?;
        out.set_item(name, batch.schema().to_pyarrow(py)?)?;
    }
    Ok(out)
}

#[pymodule]
fn sitrep(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("SitrepError", m.py().get_type::<SitrepError>())?;
    m.add_class::<PyPipeline>()?;
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(event_ids, m)?)?;
    m.add_function(wrap_pyfunction!(table_schemas, m)?)?;
    m.add(
        "TABLES",
        TABLES.iter().map(|&(name, _)| name).collect::<Vec<_>>(),
    )?;
    Ok(())
}
