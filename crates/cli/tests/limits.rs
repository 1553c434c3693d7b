//! The whole pipeline on an article with 10^5 quote marks stays linear: two sizes four
//! times apart (about 4x when linear, 16x when quadratic), best of three runs each.

use sitrep_pipeline::Pipeline;
use std::time::{Duration, Instant};

fn article(quotes: usize) -> String {
    let mut s = String::with_capacity(quotes * 12);
    for i in 0..quotes {
        // Unbalanced on purpose now and then: an open quote that never closes.
        s.push_str(if i % 5 == 4 {
            "\u{201c}no end "
        } else {
            "\"we go\" "
        });
        if i % 20 == 19 {
            s.push_str("he said.\n\n");
        }
    }
    s
}

fn run(pipeline: &Pipeline, text: &str) -> Duration {
    let mut doc = sitrep_ingest::text_document("q", text.as_bytes().to_vec(), 8 << 20).unwrap();
    let t = Instant::now();
    pipeline.process(&mut doc);
    t.elapsed()
}

#[test]
fn a_hundred_thousand_quote_marks_are_linear() {
    let pipeline = Pipeline::standard().unwrap();
    let small = article(25_000 / 2);
    let large = article(100_000 / 2);
    let best = |t: &str| (0..3).map(|_| run(&pipeline, t)).min().unwrap();
    let (a, b) = (best(&small), best(&large));
    let ratio = b.as_secs_f64() / a.as_secs_f64().max(1e-6);
    assert!(
        ratio < 8.0,
        "25k quote marks: {a:?}, 100k: {b:?} ({ratio:.1}x)"
    );
}
