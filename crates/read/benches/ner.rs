//! Throughput of tokenisation, sentence splitting and named-entity tagging together, in tokens
//! per second on one core. Run with `cargo bench -p read --bench ner`.
#![allow(missing_docs)] // criterion_group! generates an undocumented function.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

mod corpus;
use corpus::CORPUS;

fn ner(c: &mut Criterion) {
    let tagger = read::ner::builtin().expect("the built-in model loads");
    let tokens: usize = CORPUS.iter().map(|t| read::tokens::tokenize(t).len()).sum();
    // The bench checks its own output, so that a broken tagger cannot look fast.
    let found: usize = CORPUS.iter().map(|t| read::ner::entities(&tagger, t).len()).sum();
    assert!(found > 50, "the demo corpus is full of names, found {found}");
    let mut group = c.benchmark_group("ner");
    group.throughput(Throughput::Elements(tokens as u64));
    group.bench_function("tokenize + split + tag demo corpus", |b| {
        b.iter(|| {
            for text in CORPUS {
                std::hint::black_box(read::ner::entities(&tagger, text));
            }
        })
    });
    group.finish();
    let started = std::time::Instant::now();
    let _model = read::ner::builtin().expect("loads");
    println!("model load: {:.0} ms", started.elapsed().as_secs_f64() * 1000.0);
}

criterion_group!(benches, ner);
criterion_main!(benches);
