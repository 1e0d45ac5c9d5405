//! Throughput of tokenisation, sentence splitting, part-of-speech tagging, lemmatization and
//! dependency parsing together, in tokens per second on one core, and the model's load time. Run with
//! `cargo bench -p read --bench syntax` (with `DOSSIER_BILSTM_MODEL=FILE`, the BiLSTM parser too).
#![allow(missing_docs)] // criterion_group! generates an undocumented function.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

mod analyse;
mod corpus;
use analyse::analyse;
use corpus::CORPUS;

fn syntax(c: &mut Criterion) {
    let analyzer = read::syntax::builtin().expect("the built-in model loads");
    let tokens: usize = CORPUS.iter().map(|t| read::tokens::tokenize(t).len()).sum();
    let nouns: usize = CORPUS.iter().map(|t| analyse(&analyzer, t)).sum();
    assert!(nouns * 5 > tokens, "news is a fifth nouns or more: {nouns} of {tokens}");
    let mut group = c.benchmark_group("syntax");
    group.throughput(Throughput::Elements(tokens as u64));
    group.bench_function("tokenize + split + tag + lemmatize + parse demo corpus", |b| {
        b.iter(|| {
            for text in CORPUS {
                std::hint::black_box(analyse(&analyzer, text));
            }
        })
    });
    // The same model searching with a beam of four: what a beam costs.
    let beam = analyzer.clone().with_beam(4);
    group.bench_function("the same with a beam of four", |b| {
        b.iter(|| {
            for text in CORPUS {
                std::hint::black_box(analyse(&beam, text));
            }
        })
    });
    // The BiLSTM parser in place of the perceptron one, where its model file is given
    // (`DOSSIER_BILSTM_MODEL=FILE`; none ships, see models/README.md).
    if let Some(path) = std::env::var_os("DOSSIER_BILSTM_MODEL") {
        let bytes = std::fs::read(&path).expect("the BiLSTM model file reads");
        let (bilstm, _) = read::syntax::from_file_bytes(&bytes).expect("a BiLSTM model");
        group.bench_function("the same with the BiLSTM parser", |b| {
            b.iter(|| {
                for text in CORPUS {
                    std::hint::black_box(analyse(&bilstm, text));
                }
            })
        });
    }
    group.bench_function("model load", |b| {
        b.iter(|| std::hint::black_box(read::syntax::builtin().expect("loads")))
    });
    group.finish();
}

criterion_group!(benches, syntax);
criterion_main!(benches);
