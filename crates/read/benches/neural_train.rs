//! Training speed of the BiLSTM parser (`read::syntax::neural`, not shipped): one pass of the
//! tagless network over the first 256 sentences of UD English EWT dev, on one thread and on
//! two, in treebank words per second. Reads `../shared/data/ud-ewt/` beside the repository and
//! measures nothing where it is missing. Run with `cargo bench -p read --bench neural_train`.
#![allow(missing_docs)] // criterion_group! generates an undocumented function.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use read::syntax::neural;

fn neural_train(c: &mut Criterion) {
    let path = test_utils::workspace().join("../shared/data/ud-ewt/en_ewt-ud-dev.conllu");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("{} is missing: the training bench measures nothing", path.display());
        return;
    };
    let sentences = read::syntax::read_conllu(&text).expect("the treebank reads");
    let sentences = &sentences[..sentences.len().min(256)];
    // The jackknife's tagger folds off (0): the bench times the network alone.
    let (examples, _, labels) = neural::examples(sentences, &[], 0);
    let words: usize = sentences.iter().map(|s| s.words.len()).sum();
    let mut group = c.benchmark_group("neural training");
    group.sample_size(10).throughput(Throughput::Elements(words as u64));
    for threads in [1, 2] {
        let config = neural::Config {
            epochs: 1,
            threads,
            shape: neural::Shape::TAGLESS,
            ..neural::Config::default()
        };
        group
            .bench_function(format!("one pass of the tagless network, {threads} thread(s)"), |b| {
                b.iter(|| neural::train(&examples, labels.clone(), &config, |_, _| {}))
            });
    }
    group.finish();
}

criterion_group!(benches, neural_train);
criterion_main!(benches);
