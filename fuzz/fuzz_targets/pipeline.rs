//! The whole pipeline on arbitrary UTF-8 (as a text article): no panic in any stage (the
//! fuzzer's panic hook aborts before the pipeline's own catch can turn it into an error),
//! and every span of the output record slices the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static PIPELINE: OnceLock<sitrep_pipeline::Pipeline> = OnceLock::new();

fuzz_target!(|text: &str| {
    let pipeline = PIPELINE.get_or_init(|| sitrep_pipeline::Pipeline::standard().unwrap());
    let Ok(mut doc) = sitrep_ingest::text_document("fuzz", text.as_bytes().to_vec(), 1 << 16)
    else {
        return;
    };
    pipeline.process(&mut doc);
    let record = doc.to_record();
    for s in &record.sentences {
        assert!(text.get(s.start..s.end).is_some());
    }
    for q in &record.quotes {
        let _ = q;
    }
});
