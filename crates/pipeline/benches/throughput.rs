//! Throughput of the standard pipeline on a small committed corpus of invented articles,
//! in bytes per second (`cargo bench -p sitrep-pipeline`).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use sitrep_ingest::{read, IngestOptions, Input};
use sitrep_pipeline::{Pipeline, RunOptions};
use std::path::PathBuf;

/// The committed invented articles: this bench's corpus, the CLI's demo article and its
/// golden fixtures.
fn corpus() -> Vec<sitrep_doc::Document> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let inputs = [
        "benches/corpus",
        "../cli/src/demo_article.txt",
        "../cli/tests/golden",
    ];
    read(
        inputs.iter().map(|p| Input::Path(root.join(p))),
        IngestOptions::default(),
    )
    .collect::<Result<Vec<_>, _>>()
    .expect("the bench corpus reads without errors")
}

fn standard_pipeline(c: &mut Criterion) {
    let docs = corpus();
    let bytes: usize = docs.iter().map(|d| d.text().len()).sum();
    let pipeline = Pipeline::standard().expect("the standard pipeline builds");
    let mut group = c.benchmark_group("pipeline");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("standard/one_thread", |b| {
        b.iter(|| {
            for doc in &docs {
                let mut doc = doc.clone();
                pipeline.process(&mut doc);
                criterion::black_box(&doc);
            }
        })
    });
    group.bench_function("standard/run_batch_all_cores", |b| {
        b.iter(|| {
            let input = docs
                .iter()
                .cloned()
                .map(Ok::<_, sitrep_ingest::IngestError>);
            let n = pipeline
                .run_batch(input, RunOptions::default())
                .unwrap()
                .count();
            assert_eq!(n, docs.len());
        })
    });
    group.finish();
}

criterion_group!(benches, standard_pipeline);
criterion_main!(benches);
