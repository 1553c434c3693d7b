//! Input rows to records: every row (of an Arrow batch, or a single `extract` call with a
//! date) is written as the JSONL object it stands for and read by `sitrep_ingest::parse_line`,
//! so validation, the date reader and the error messages are the CLI's own.

use arrow_array::cast::AsArray;
use arrow_array::types::{
    Date32Type, Date64Type, Int16Type, Int32Type, Int64Type, Int8Type, UInt16Type, UInt32Type,
    UInt64Type, UInt8Type,
};
use arrow_array::{Array, ArrayRef, RecordBatch};
use arrow_schema::DataType;
use pyo3::prelude::*;
use serde_json::{Map, Value};
use sitrep_ingest::{Location, Record};

/// How error messages name a batch row: `batch:N`, rows numbered from 1 like JSONL lines.
pub const BATCH_LABEL: &str = "batch";

const FIELDS: [&str; 6] = ["id", "text", "date", "title", "url", "source"];

/// A Python id (str or int) as sitrep's string id.
pub fn id_string(id: &Bound<'_, PyAny>) -> PyResult<String> {
    if let Ok(i) = id.extract::<i64>() {
        return Ok(i.to_string());
    }
    id.extract::<String>()
        .map_err(|_| pyo3::exceptions::PyTypeError::new_err("id must be a str or an int"))
}

/// The JSONL line of one `extract(text, date, id)` call.
pub fn single_line(
    text: &str,
    date: Option<&Bound<'_, PyAny>>,
    id: Option<&Bound<'_, PyAny>>,
) -> PyResult<String> {
    let mut object = Map::new();
    let id = match id {
        Some(id) if !id.is_none() => id_string(id)?,
        _ => "-".to_string(),
    };
    object.insert("id".into(), Value::String(id));
    object.insert("text".into(), Value::String(text.to_string()));
    if let Some(date) = date {
        // A datetime.date (or datetime) by its ISO form; a string as given.
        let value: String = if date.hasattr("isoformat")? {
            let iso: String = date.call_method0("isoformat")?.extract()?;
            iso.chars().take(10).collect()
        } else {
            date.extract().map_err(|_| {
                pyo3::exceptions::PyTypeError::new_err("date must be a str or a datetime.date")
            })?
        };
        object.insert("date".into(), Value::String(value));
    }
    Ok(Value::Object(object).to_string())
}

/// The JSON value of row `i` of a column, or why its type cannot be read.
fn cell(column: &ArrayRef, i: usize) -> Result<Value, String> {
    if column.is_null(i) {
        return Ok(Value::Null);
    }
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid date");
    Ok(match column.data_type() {
        DataType::Utf8 => Value::String(column.as_string::<i32>().value(i).to_string()),
        DataType::LargeUtf8 => Value::String(column.as_string::<i64>().value(i).to_string()),
        DataType::Utf8View => Value::String(column.as_string_view().value(i).to_string()),
        DataType::Int8 => column.as_primitive::<Int8Type>().value(i).into(),
        DataType::Int16 => column.as_primitive::<Int16Type>().value(i).into(),
        DataType::Int32 => column.as_primitive::<Int32Type>().value(i).into(),
        DataType::Int64 => column.as_primitive::<Int64Type>().value(i).into(),
        DataType::UInt8 => column.as_primitive::<UInt8Type>().value(i).into(),
        DataType::UInt16 => column.as_primitive::<UInt16Type>().value(i).into(),
        DataType::UInt32 => column.as_primitive::<UInt32Type>().value(i).into(),
        DataType::UInt64 => column.as_primitive::<UInt64Type>().value(i).into(),
        DataType::Date32 => {
            let days = column.as_primitive::<Date32Type>().value(i);
            let date = epoch.checked_add_signed(chrono::TimeDelta::days(days.into()));
            Value::String(date.ok_or("date out of range")?.to_string())
        }
        DataType::Date64 => {
            let ms = column.as_primitive::<Date64Type>().value(i);
            let date = epoch.checked_add_signed(chrono::TimeDelta::milliseconds(ms));
            Value::String(date.ok_or("date out of range")?.to_string())
        }
        other => return Err(format!("unsupported type {other}")),
    })
}

/// Every row of the batches as a record, in order. Fails only when the batch's shape is
/// wrong (no `text` column, a column of a type that cannot be read); a bad row is an error
/// record and the rest go on.
pub fn records(batches: &[RecordBatch], max_bytes: usize) -> Result<Vec<Record>, String> {
    let mut out = Vec::with_capacity(batches.iter().map(|b| b.num_rows()).sum());
    let mut line = 0u64;
    let mut buf = String::new();
    for batch in batches {
        let schema = batch.schema();
        for required in ["id", "text"] {
            if schema.index_of(required).is_err() {
                return Err(format!(
                    "the batch has no `{required}` column (columns: {})",
                    schema
                        .fields()
                        .iter()
                        .map(|f| f.name().as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
        }
        let columns: Vec<(&str, &ArrayRef)> = FIELDS
            .iter()
            .filter_map(|&name| Some((name, batch.column(schema.index_of(name).ok()?))))
            .collect();
        for i in 0..batch.num_rows() {
            line += 1;
            let mut object = Map::new();
            for &(name, column) in &columns {
                let value = cell(column, i).map_err(|e| format!("column `{name}`: {e}"))?;
                object.insert(name.to_string(), value);
            }
            buf.clear();
            buf.push_str(&Value::Object(object).to_string());
            out.push(sitrep_ingest::parse_line(
                buf.as_bytes(),
                Location::line(BATCH_LABEL, line),
                max_bytes,
            ));
        }
    }
    Ok(out)
}
