//! The WARC reader (plain and gzip members) and the HTTP parser on arbitrary bytes: no
//! panic, no endless loop, and records come out in increasing index order.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut last = None;
    for record in sitrep_web::WarcReader::new(data).take(10_000) {
        let index = match record {
            Ok(r) => {
                let _ = sitrep_web::http::parse_response(&r.block);
                Some(r.index)
            }
            Err(e) => e.record_index(),
        };
        if let (Some(i), Some(l)) = (index, last) {
            assert!(i > l, "record {i} after {l}");
        }
        last = index.or(last);
    }
    for article in sitrep_web::WarcArticles::new(data, 1, None).take(100) {
        let _ = article;
    }
});
