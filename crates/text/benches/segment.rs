//! Segmentation throughput in bytes per second (`cargo bench -p sitrep-text`).
//!
//! Reads the news corpus `/work/shared/data/news_corpus.jsonl` (or `$SITREP_BENCH_CORPUS`)
//! when present, else segments generated news-like text, so the bench always runs.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

fn generated() -> Vec<String> {
    let para = "The U.S. delegation, led by Deputy Secretary Wendy Sherman, met Russia's team in \
                Geneva on Monday, Jan. 10, at 9:00 a.m. The talks lasted 7.5 hours. “We are ready \
                to continue,” she said. Officials didn't say whether $1.13bn in aid was discussed \
                … The next round is planned for Feb. 3.";
    (0..300)
        .map(|i| format!("Headline number {i}\n{para}\n\n{para}"))
        .collect()
}

fn corpus() -> Vec<String> {
    let path = std::env::var("SITREP_BENCH_CORPUS")
        .unwrap_or_else(|_| "/work/shared/data/news_corpus.jsonl".to_string());
    let Ok(data) = std::fs::read_to_string(path) else {
        return generated();
    };
    let texts: Vec<String> = data
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
        .take(500)
        .collect();
    if texts.is_empty() {
        generated()
    } else {
        texts
    }
}

fn segment(c: &mut Criterion) {
    let texts = corpus();
    let bytes: usize = texts.iter().map(String::len).sum();
    let segmenter = sitrep_text::SegmentConfig::default()
        .build()
        .expect("default config builds");
    let mut group = c.benchmark_group("segment");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("news", |b| {
        b.iter(|| {
            let mut tokens = 0;
            for t in &texts {
                tokens += segmenter
                    .segment(black_box(t), 0..t.len())
                    .map_or(0, |s| s.tokens.len());
            }
            tokens
        })
    });
    group.bench_function("fold", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| sitrep_text::lexical::fold(black_box(t)).len())
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, segment);
criterion_main!(benches);
