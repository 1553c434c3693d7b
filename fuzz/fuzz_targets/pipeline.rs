//! The whole pipeline on arbitrary UTF-8 (as a text article): no panic in any stage (the
//! fuzzer's panic hook aborts before the pipeline's own catch can turn it into an error),
//! and every span of the output record slices the text (a char-boundary cut or an end past
//! the text is a failure), with the quoted words and event triggers the very bytes they
//! point at.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static PIPELINE: OnceLock<sitrep_pipeline::Pipeline> = OnceLock::new();

/// `text[start..end]`, or a failure naming the layer.
fn slice<'t>(text: &'t str, layer: &str, start: usize, end: usize) -> &'t str {
    match text.get(start..end) {
        Some(s) => s,
        None => panic!(
            "{layer} span {start}..{end} does not slice a text of {} bytes",
            text.len()
        ),
    }
}

fuzz_target!(
    // Loading the models takes seconds: done before the first input, so the 1 s limit per
    // input times the pipeline, not its start (the first run once hit it on an empty input).
    init: {
        PIPELINE.get_or_init(|| sitrep_pipeline::Pipeline::standard().unwrap());
    },
    |text: &str| {
        let pipeline = PIPELINE.get().expect("initialized");
        let Ok(mut doc) = sitrep_ingest::text_document("fuzz", text.as_bytes().to_vec(), 1 << 16)
        else {
            return;
        };
        pipeline.process(&mut doc);
        // Offsets index the document's text (the reader may drop a header line or a BOM).
        let text = doc.text().to_string();
        let record = doc.to_record();
        for s in &record.sentences {
            slice(&text, "sentence", s.start, s.end);
        }
        for e in &record.entities {
            for m in &e.mentions {
                slice(&text, "mention", m.start, m.end);
            }
        }
        for q in &record.quotes {
            assert_eq!(slice(&text, "quote", q.start, q.end), q.text);
            if let Some(s) = &q.speaker {
                slice(&text, "speaker", s.start, s.end);
            }
            if let Some(c) = &q.cue {
                assert_eq!(slice(&text, "cue", c.start, c.end), c.text);
            }
        }
        for e in &record.events {
            assert_eq!(
                slice(&text, "trigger", e.trigger.start, e.trigger.end),
                e.trigger.text
            );
            assert!((e.sentence as usize) < record.sentences.len());
            for a in [&e.source, &e.target].into_iter().flatten() {
                assert_eq!(slice(&text, "actor", a.start, a.end), a.text);
            }
        }
        for d in &record.dates {
            slice(&text, "date", d.start, d.end);
        }
        for a in &record.amounts {
            slice(&text, "amount", a.start, a.end);
        }
        for t in &record.themes {
            slice(&text, "theme", t.start, t.end);
        }
    }
);
