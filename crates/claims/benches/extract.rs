//! Throughput of claim extraction over already-read documents (views, coreference, rules,
//! dates, modality), in bytes of text per second on one core: the seeds and the demo corpus,
//! read once before timing. Run with `cargo bench -p claims --bench extract`.
#![allow(missing_docs)] // criterion_group! generates an undocumented function.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

struct Doc {
    name: String,
    sha: String,
    text: String,
    published: Option<model::PartialDate>,
    annotations: Vec<model::Annotation>,
    words: Vec<model::Word>,
}

fn corpus() -> Vec<Doc> {
    let tagger = read::ner::builtin().expect("the built-in model loads");
    let analyzer = read::syntax::builtin().expect("the built-in syntax model loads");
    let mut paths: Vec<std::path::PathBuf> = std::fs::read_dir(test_utils::seeds_dir())
        .expect("the seeds")
        .map(|e| e.expect("an entry").path())
        .collect();
    let demo = test_utils::workspace().join("examples/corpus");
    paths.extend(
        std::fs::read_dir(demo)
            .expect("the demo corpus")
            .map(|e| e.expect("an entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "md")),
    );
    paths.sort();
    paths
        .into_iter()
        .filter_map(|p| {
            let bytes = std::fs::read(&p).ok()?;
            let name = p.file_name()?.to_string_lossy().into_owned();
            let extraction = ingest::extract(&bytes, &name, &Default::default()).ok()?;
            let published = extraction.metadata.published;
            let reading = read::read_document(&tagger, &analyzer, &extraction.text, published);
            Some(Doc {
                name,
                sha: model::Sha256::digest(&bytes).to_hex(),
                text: extraction.text,
                published,
                annotations: reading.annotations,
                words: reading.words,
            })
        })
        .collect()
}

fn extract(c: &mut Criterion) {
    let docs = corpus();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let run = || {
        docs.iter()
            .map(|d| {
                claims::extract(&claims::Input {
                    doc: &d.name,
                    sha256: &d.sha,
                    text: &d.text,
                    published: d.published,
                    annotations: &d.annotations,
                    words: &d.words,
                })
                .len()
            })
            .sum::<usize>()
    };
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
