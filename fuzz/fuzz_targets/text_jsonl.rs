//! The text and JSONL readers on arbitrary bytes: never a panic, every record a value.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let max = 1 << 16;
    for record in sitrep_ingest::JsonlReader::new(data, "fuzz", max) {
        if let Ok(doc) = record {
            assert!(doc.text().len() <= max);
        }
    }
    let _ = sitrep_ingest::text_document("fuzz", data.to_vec(), max);
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = sitrep_ingest::parse_header(text);
        let _ = sitrep_ingest::page_date(text);
    }
    // Charset detection on bytes that are not UTF-8.
    let decoded = sitrep_web::decode_text(data, None);
    assert!(decoded.text.len() <= data.len().saturating_mul(3) + 3);
});
