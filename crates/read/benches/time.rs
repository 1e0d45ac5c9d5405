//! Throughput of the time tagger over the demo corpus's English text.
//!
//! Run with `cargo bench -p read --bench time`; criterion reports bytes per second.

#![allow(missing_docs)] // criterion_group! generates an undocumented function.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const CORPUS: &[&str] = &[
    include_str!("../../../examples/corpus/andean-wire-2019-01-15.txt"),
    include_str!("../../../examples/corpus/ngo-joint-statement-2023-03.txt"),
    include_str!("../../../examples/corpus/eu-council-press-release-2018-06.txt"),
    include_str!("../../../examples/corpus/rumours-fate-2021-03.txt"),
    include_str!("../../../examples/corpus/profile-vallejo-brito.md"),
    include_str!("../../../xtask/data/thinktank-analysis.txt"),
];

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
