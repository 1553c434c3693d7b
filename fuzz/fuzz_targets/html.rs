//! HTML extraction on arbitrary bytes: no panic, and every run of the offset map covers
//! identical bytes of the text and the decoded page.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let decoded = sitrep_web::decode_html(data, None, None);
    if let Ok(article) = sitrep_web::extract_decoded(&decoded, None) {
        for r in &article.html_map {
            let (t, h, l) = (r[0] as usize, r[1] as usize, r[2] as usize);
            assert_eq!(
                article.text.as_bytes()[t..t + l],
                decoded.text.as_bytes()[h..h + l]
            );
        }
    }
    if let Ok(text) = std::str::from_utf8(data) {
        // The aligner alone, on text that is not the extractor's.
        let runs = sitrep_web::offsets::build_map(text, text);
        for r in runs {
            assert!((r[0] + r[2]) as usize <= text.len());
        }
    }
});
