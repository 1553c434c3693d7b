//! The export's rows ([`Value`]s per [`TABLES`] column) into Arrow record batches, with the
//! types and nullability the Parquet files have when pyarrow reads them back.

use arrow_array::builder::{
    ArrayBuilder, BooleanBuilder, Date32Builder, Float64Builder, Int32Builder, Int64Builder,
    ListBuilder, StringBuilder,
};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_pyarrow::ToPyArrow;
use arrow_schema::{ArrowError, DataType, Field, Schema};
use pyo3::prelude::*;
use sitrep_export::parquet_out::{ColumnSpec, Kind, Value, TABLES};
use sitrep_export::ExportError;
use std::sync::Arc;

fn data_type(kind: Kind) -> DataType {
    match kind {
        Kind::Str => DataType::Utf8,
        Kind::I32 => DataType::Int32,
        Kind::I64 => DataType::Int64,
        Kind::F64 => DataType::Float64,
        Kind::Bool => DataType::Boolean,
        Kind::Date => DataType::Date32,
        Kind::StrList => DataType::List(Arc::new(list_item())),
    }
}

/// The item field of a list column, as pyarrow reads the Parquet LIST back.
fn list_item() -> Field {
    Field::new("element", DataType::Utf8, false)
}

type StrListBuilder = ListBuilder<StringBuilder>;

fn builder(kind: Kind) -> Box<dyn ArrayBuilder> {
    match kind {
        Kind::Str => Box::new(StringBuilder::new()),
        Kind::I32 => Box::new(Int32Builder::new()),
        Kind::I64 => Box::new(Int64Builder::new()),
        Kind::F64 => Box::new(Float64Builder::new()),
        Kind::Bool => Box::new(BooleanBuilder::new()),
        Kind::Date => Box::new(Date32Builder::new()),
        Kind::StrList => {
            Box::new(StrListBuilder::new(StringBuilder::new()).with_field(list_item()))
        }
    }
}

/// One table being filled row by row.
pub struct TableBuilder {
    spec: &'static [ColumnSpec],
    columns: Vec<Box<dyn ArrayBuilder>>,
}

fn days(date: chrono::NaiveDate) -> i32 {
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid date");
    (date - epoch).num_days() as i32
}

impl TableBuilder {
    pub fn new(spec: &'static [ColumnSpec]) -> TableBuilder {
        TableBuilder {
            spec,
            columns: spec.iter().map(|&(_, kind, _)| builder(kind)).collect(),
        }
    }

    pub fn push(&mut self, table: &'static str, row: Vec<Value>) -> Result<(), ExportError> {
        if row.len() != self.spec.len() {
            return Err(ExportError::Schema {
                table,
                column: "*",
                message: format!("{} values for {} columns", row.len(), self.spec.len()),
            });
        }
        for ((column, &(name, kind, nullable)), value) in
            self.columns.iter_mut().zip(self.spec).zip(row)
        {
            let any = column.as_any_mut();
            let stored = match (kind, value) {
                (_, Value::Null) if nullable => {
                    append_null(kind, any);
                    true
                }
                (Kind::Str, Value::Str(s)) => downcast::<StringBuilder>(any)
                    .map(|b| b.append_value(s))
                    .is_some(),
                (Kind::I32, Value::I32(x)) => downcast::<Int32Builder>(any)
                    .map(|b| b.append_value(x))
                    .is_some(),
                (Kind::I64, Value::I64(x)) => downcast::<Int64Builder>(any)
                    .map(|b| b.append_value(x))
                    .is_some(),
                (Kind::F64, Value::F64(x)) => downcast::<Float64Builder>(any)
                    .map(|b| b.append_value(x))
                    .is_some(),
                (Kind::Bool, Value::Bool(x)) => downcast::<BooleanBuilder>(any)
                    .map(|b| b.append_value(x))
                    .is_some(),
                (Kind::Date, Value::Date(d)) => downcast::<Date32Builder>(any)
                    .map(|b| b.append_value(days(d)))
                    .is_some(),
                (Kind::StrList, Value::StrList(items)) => downcast::<StrListBuilder>(any)
                    .map(|b| {
                        for x in items {
                            b.values().append_value(x);
                        }
                        b.append(true)
                    })
                    .is_some(),
                (_, v) => {
                    return Err(ExportError::Schema {
                        table,
                        column: name,
                        message: format!("cannot store {v:?}"),
                    })
                }
            };
            debug_assert!(stored, "builder matches its column kind");
        }
        Ok(())
    }

    pub fn finish(mut self) -> Result<RecordBatch, ArrowError> {
        let fields: Vec<Field> = self
            .spec
            .iter()
            .map(|&(name, kind, nullable)| Field::new(name, data_type(kind), nullable))
            .collect();
        let arrays: Vec<ArrayRef> = self.columns.iter_mut().map(|c| c.finish()).collect();
        RecordBatch::try_new(Arc::new(Schema::new(fields)), arrays)
    }
}

fn downcast<T: 'static>(any: &mut dyn std::any::Any) -> Option<&mut T> {
    any.downcast_mut::<T>()
}

fn append_null(kind: Kind, any: &mut dyn std::any::Any) {
    match kind {
        Kind::Str => downcast::<StringBuilder>(any).map(|b| b.append_null()),
        Kind::I32 => downcast::<Int32Builder>(any).map(|b| b.append_null()),
        Kind::I64 => downcast::<Int64Builder>(any).map(|b| b.append_null()),
        Kind::F64 => downcast::<Float64Builder>(any).map(|b| b.append_null()),
        Kind::Bool => downcast::<BooleanBuilder>(any).map(|b| b.append_null()),
        Kind::Date => downcast::<Date32Builder>(any).map(|b| b.append_null()),
        Kind::StrList => downcast::<StrListBuilder>(any).map(|b| b.append_null()),
    };
}

/// The `articles` row of a record that could not be read: its id and error, zero counts,
/// empty themes, nulls elsewhere.
pub fn error_row(id: &str, error: &str) -> Vec<Value> {
    let (_, spec) = TABLES[0];
    spec.iter()
        .map(|&(name, kind, nullable)| match (name, kind) {
            ("article_id", _) => Value::Str(id.to_string()),
            ("errors", _) => Value::StrList(vec![error.to_string()]),
            _ if nullable => Value::Null,
            (_, Kind::Str) => Value::Str(String::new()),
            (_, Kind::I32) => Value::I32(0),
            (_, Kind::I64) => Value::I64(0),
            (_, Kind::F64) => Value::F64(0.0),
            (_, Kind::Bool) => Value::Bool(false),
            (_, Kind::Date) => Value::Null,
            (_, Kind::StrList) => Value::StrList(Vec::new()),
        })
        .collect()
}

/// A record batch as a `pyarrow.Table` (one chunk).
pub fn to_pyarrow_table<'py>(py: Python<'py>, batch: RecordBatch) -> PyResult<Bound<'py, PyAny>> {
    let batch = batch.to_pyarrow(py)?;
    py.import("pyarrow")?
        .getattr("Table")?
        .call_method1("from_batches", (vec![batch],))
}
