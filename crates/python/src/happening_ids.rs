//! GLOBALEVENTIDs for event rows gathered from several batches: the happenings grouping of
//! `sitrep-happenings` over [`EventMention`]s rebuilt from table columns, so a distributed
//! job gets the ids one run over the whole corpus gives.

use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, Int32Type, Int64Type};
use arrow_array::{Array, Int64Array, RecordBatch};
use arrow_schema::DataType;
use sitrep_happenings::{EventMention, Grouper};

fn column<'a>(batch: &'a RecordBatch, name: &str) -> Result<&'a dyn Array, String> {
    batch
        .column_by_name(name)
        .map(|c| c.as_ref())
        .ok_or_else(|| format!("event_ids: the table has no `{name}` column"))
}

fn string(batch: &RecordBatch, name: &str, i: usize) -> Result<Option<String>, String> {
    let c = column(batch, name)?;
    if c.is_null(i) {
        return Ok(None);
    }
    Ok(Some(match c.data_type() {
        DataType::Utf8 => c.as_string::<i32>().value(i).to_string(),
        DataType::LargeUtf8 => c.as_string::<i64>().value(i).to_string(),
        DataType::Utf8View => c.as_string_view().value(i).to_string(),
        other => return Err(format!("event_ids: `{name}` is {other}, not a string")),
    }))
}

fn int(batch: &RecordBatch, name: &str, i: usize) -> Result<Option<i64>, String> {
    let c = column(batch, name)?;
    if c.is_null(i) {
        return Ok(None);
    }
    Ok(Some(match c.data_type() {
        DataType::Int32 => c.as_primitive::<Int32Type>().value(i).into(),
        DataType::Int64 => c.as_primitive::<Int64Type>().value(i),
        other => return Err(format!("event_ids: `{name}` is {other}, not an integer")),
    }))
}

fn date(batch: &RecordBatch, name: &str, i: usize) -> Result<Option<chrono::NaiveDate>, String> {
    let c = column(batch, name)?;
    if c.is_null(i) {
        return Ok(None);
    }
    let DataType::Date32 = c.data_type() else {
        return Err(format!(
            "event_ids: `{name}` is {}, not date32",
            c.data_type()
        ));
    };
    let days = c.as_primitive::<Date32Type>().value(i);
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid date");
    Ok(epoch.checked_add_signed(chrono::TimeDelta::days(days.into())))
}

/// The grouping row of event `i`; only the fields grouping and ids depend on are filled.
fn mention(batch: &RecordBatch, i: usize) -> Result<EventMention, String> {
    let text = |name| string(batch, name, i).map(Option::unwrap_or_default);
    let place_key = match int(batch, "place_geonames_id", i)? {
        Some(id) if id != 0 => Some(format!("gn:{id}")),
        _ => string(batch, "place_key", i)?,
    };
    Ok(EventMention {
        article_id: text("article_id")?,
        source_name: None,
        url: None,
        article_date: date(batch, "article_date", i)?,
        event_date: date(batch, "date", i)?,
        source_code: text("source_code")?,
        target_code: text("target_code")?,
        code: text("code")?,
        base: String::new(),
        root: text("root")?,
        place_key,
        goldstein: 0.0,
        quad_class: 0,
        index: int(batch, "event_index", i)?.unwrap_or(0) as u32,
        sentence: 0,
        is_root: false,
        reported: text("status")? == "reported",
        doc_tone: None,
    })
}

/// One id per row, in row order (0 for a mention the grouping excludes).
pub fn assign(batches: &[RecordBatch]) -> Result<Int64Array, String> {
    let mut mentions = Vec::new();
    for batch in batches {
        for i in 0..batch.num_rows() {
            mentions.push(mention(batch, i)?);
        }
    }
    let happenings = Grouper::default().group(&mentions);
    let member_of = sitrep_happenings::membership(mentions.len(), &happenings);
    Ok(member_of
        .into_iter()
        .map(|g| Some(g.map(|g| happenings[g].id as i64).unwrap_or(0)))
        .collect())
}
