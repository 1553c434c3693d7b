//! Measures segmentation throughput on a news corpus (JSONL with a "text" field), or on a
//! generated text when the corpus is absent.
//!
//! `cargo run --release -p sitrep-text --example throughput [-- path/to/corpus.jsonl]`

use std::time::Instant;

fn generated() -> Vec<String> {
    let para = "The U.S. delegation, led by Deputy Secretary Wendy Sherman, met Russia's team in \
                Geneva on Monday, Jan. 10, at 9:00 a.m. The talks lasted 7.5 hours. “We are ready \
                to continue,” she said. Officials didn't say whether $1.13bn in aid was discussed \
                … The next round is planned for Feb. 3.";
    (0..2000).map(|i| format!("Headline number {i}\n{para}\n\n{para}")).collect()
}

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| "/work/shared/data/news_corpus.jsonl".to_string());
    let texts: Vec<String> = match std::fs::read_to_string(&path) {
        Ok(data) => data
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
            .collect(),
        Err(_) => {
            eprintln!("{path} not readable: using generated text");
            generated()
        }
    };
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut best = f64::MAX;
    let (mut sentences, mut tokens) = (0, 0);
    for _ in 0..5 {
        let t = Instant::now();
        sentences = 0;
        tokens = 0;
        for text in &texts {
            let seg = sitrep_text::segment_text(text);
            sentences += seg.sentences.len();
            tokens += seg.tokens.len();
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "{} docs, {:.2} MB, {} sentences, {} tokens, best of 5: {:.3} s = {:.1} MB/s",
        texts.len(),
        bytes as f64 / 1e6,
        sentences,
        tokens,
        best,
        bytes as f64 / 1e6 / best
    );
}
