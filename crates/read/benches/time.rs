//! Throughput of the time tagger over the demo corpus's English text.
//!
//! Run with `cargo bench -p read --bench time`; criterion reports bytes per second.

#![allow(missing_docs)] // criterion_group! generates an undocumented function.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

mod corpus;
use corpus::CORPUS;

fn time_tagger(c: &mut Criterion) {
    let text = CORPUS.join("\n\n");
    let dct = Some(jiff::civil::date(2021, 4, 20));
    // The bench checks its own output, so that a broken tagger cannot look fast.
    let (found, _) = read::time::tag(&text, dct);
    assert!(found.len() > 40, "the corpus has many temporal expressions, found {}", found.len());
    let mut group = c.benchmark_group("time");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("tag demo corpus", |b| {
        b.iter(|| read::time::tag(std::hint::black_box(&text), dct))
    });
    group.finish();
}

criterion_group!(benches, time_tagger);
criterion_main!(benches);
