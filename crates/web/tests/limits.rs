//! Inputs that are large in one direction stay linear: deeply nested markup, long text
//! nodes, many records. Each test times two sizes, four times apart, and checks the growth
//! (about 4x when linear, 16x when quadratic), taking the best of three runs of each so a
//! busy machine does not decide the outcome. No absolute time threshold.

use std::time::{Duration, Instant};

fn best_of_three(f: &dyn Fn()) -> Duration {
    (0..3)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap()
}

/// Fails when work grows clearly faster than the input (ratio over 8 for 4x the size).
fn assert_linear(name: &str, make: impl Fn(usize) -> Vec<u8>, run: impl Fn(&[u8]), n: usize) {
    let small = make(n);
    let large = make(4 * n);
    run(&small); // warm-up
    let a = best_of_three(&|| run(&small));
    let b = best_of_three(&|| run(&large));
    let ratio = b.as_secs_f64() / a.as_secs_f64().max(1e-6);
    assert!(
        ratio < 8.0,
        "{name}: {n} -> {a:?}, {} -> {b:?}: grows {ratio:.1}x for 4x the input",
        4 * n
    );
}

fn nested(depth: usize) -> Vec<u8> {
    let mut s = String::from("<html><body>");
    for _ in 0..depth {
        s.push_str("<div><span>");
    }
    s.push_str("<p>Deep text that an extractor should still find in the page.</p>");
    for _ in 0..depth {
        s.push_str("</span></div>");
    }
    s.push_str("</body></html>");
    s.into_bytes()
}

#[test]
fn deeply_nested_markup_is_linear_and_does_not_overflow() {
    assert_linear(
        "nested markup",
        nested,
        |b| {
            let _ = sitrep_web::read_page(b, Default::default());
        },
        2_000,
    );
    // Far deeper than any real page: must return (an article or an error), not crash.
    let _ = sitrep_web::read_page(&nested(100_000), Default::default());
}

#[test]
fn one_long_paragraph_is_linear() {
    let page = |words: usize| {
        let mut s = String::from("<html><body><article><p>");
        for i in 0..words {
            s.push_str(if i % 7 == 0 { "&amp; " } else { "word " });
        }
        s.push_str("</p></article></body></html>");
        s.into_bytes()
    };
    assert_linear(
        "long paragraph",
        page,
        |b| {
            let _ = sitrep_web::read_page(b, Default::default());
        },
        20_000,
    );
}

#[test]
fn the_offset_map_is_linear_in_repeated_words() {
    // Every word equal: the worst case for matching words to page positions.
    let text = |n: usize| "the ".repeat(n).into_bytes();
    assert_linear(
        "offset map",
        text,
        |b| {
            let s = std::str::from_utf8(b).unwrap();
            let html = format!("<p>{s}</p>");
            let _ = sitrep_web::offsets::build_map(s, &html);
        },
        50_000,
    );
}

#[test]
fn many_warc_records_are_linear() {
    let warc = |n: usize| {
        let mut w = Vec::new();
        for i in 0..n {
            let block = format!("HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n{i}");
            w.extend_from_slice(
                format!(
                    "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://x/{i}\r\nContent-Length: {}\r\n\r\n{block}\r\n\r\n",
                    block.len()
                )
                .as_bytes(),
            );
        }
        w
    };
    assert_linear(
        "warc records",
        warc,
        |b| {
            assert!(sitrep_web::WarcArticles::new(b, 0, None).next().is_none());
        },
        5_000,
    );
}
