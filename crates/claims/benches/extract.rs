//! Throughput of claim extraction over already-read documents (views, coreference, rules,
//! dates, modality), in bytes of text per second on one core: the seeds and the demo corpus,
//! read once before timing. Run with `cargo bench -p claims --bench extract`.
#![allow(missing_docs)] // criterion_group! generates an undocumented function.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

mod corpus;

fn extract(c: &mut Criterion) {
    let docs = corpus::corpus();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let run = || docs.iter().map(|d| claims::extract(&d.input()).len()).sum::<usize>();
    // The bench checks its own output, so that broken rules cannot look fast.
    let found = run();
    assert!(found > 80, "the seeds and demo corpus hold many claims, found {found}");
    println!("{} documents, {bytes} bytes, {found} claims", docs.len());
    let mut group = c.benchmark_group("claims");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("extract seeds + demo corpus", |b| b.iter(|| std::hint::black_box(run())));
    group.finish();
}

criterion_group!(benches, extract);
criterion_main!(benches);
