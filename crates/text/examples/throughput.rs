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
    (0..2000)
        .map(|i| format!("Headline number {i}\n{para}\n\n{para}"))
        .collect()
}

/// CPU time of this process in seconds: the machine is shared, so wall time would measure
/// the neighbours. Falls back to wall time where /proc is missing.
fn cpu_seconds(wall: Instant) -> f64 {
    std::fs::read_to_string("/proc/self/schedstat")
        .ok()
        .and_then(|s| {
            s.split_whitespace()
                .next()
                .and_then(|n| n.parse::<f64>().ok())
        })
        .map_or_else(|| wall.elapsed().as_secs_f64(), |ns| ns / 1e9)
}

fn main() {
    let origin = Instant::now();
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "/work/shared/data/news_corpus.jsonl".to_string());
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
        let t = cpu_seconds(origin);
        sentences = 0;
        tokens = 0;
        for text in &texts {
            let seg = sitrep_text::segment_text(text);
            sentences += seg.sentences.len();
            tokens += seg.tokens.len();
        }
        best = best.min(cpu_seconds(origin) - t);
    }
    println!(
        "{} docs, {:.2} MB, {} sentences, {} tokens, best of 5: {:.3} CPU s = {:.1} MB/s",
        texts.len(),
        bytes as f64 / 1e6,
        sentences,
        tokens,
        best,
        bytes as f64 / 1e6 / best
    );
}
