//! `dossier train parse` and `dossier eval parse`: the syntax model against CoNLL-U files.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use read::syntax::{Analyzer, Sentence};

use crate::output;

fn read_conllu_file(path: &Path) -> anyhow::Result<Vec<Sentence>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read {}", output::term_path(path)))?;
    let sentences = read::syntax::read_conllu(&text)
        .with_context(|| format!("cannot read {}", output::term_path(path)))?;
    anyhow::ensure!(
        !sentences.is_empty(),
        "{} has no CoNLL-U sentences: expected lines of ten tab-separated columns",
        output::term_path(path)
    );
    Ok(sentences)
}

/// `dossier train parse --bilstm`: the BiLSTM parser trained on `train` with the default
/// recipe over `passes` passes, dev scored after every pass, and the pass with the best dev
/// UAS (the first of equals) written to `output_file`. The same bytes on any run of the
/// same data and code.
pub fn train_bilstm(
    train: &Path,
    dev: &Path,
    output_file: &Path,
    passes: usize,
    shape: read::syntax::neural::Shape,
    seed: u64,
) -> anyhow::Result<ExitCode> {
    use read::syntax::neural;
    let data = read_conllu_file(train)?;
    let dev = read_conllu_file(dev)?;
    let started = Instant::now();
    // A network that reads no part of speech needs no taggers of the folds.
    let folds = if shape.tags == neural::TagInput::Tagger { 4 } else { 0 };
    let (train_ex, dev_ex, labels) = neural::examples(&data, &dev, folds);
    if folds > 0 {
        eprintln!("taggers for the four folds trained ({:.0} s)", started.elapsed().as_secs_f64());
    }
    let config = neural::Config { epochs: passes, shape, seed, ..neural::Config::default() };
    let mut best: Option<(f64, Vec<u8>)> = None;
    let mut failed = None;
    neural::train(&train_ex, labels, &config, |e, model| {
        let (uas, las, upos, _) = neural::evaluate(&model.labels, &dev_ex, |ex| model.parse(ex));
        eprintln!(
            "epoch {}: loss {:.4} dev UPOS {upos:.2} UAS {uas:.2} LAS {las:.2} ({:.0} s)",
            e.epoch,
            e.loss,
            started.elapsed().as_secs_f64()
        );
        if best.as_ref().is_none_or(|(b, _)| uas > *b) {
            let mut bytes = Vec::new();
            match model.write(&mut bytes) {
                Ok(()) => best = Some((uas, bytes)),
                Err(e) => failed = Some(e),
            }
        }
    });
    if let Some(e) = failed {
        return Err(e).context("cannot write the model");
    }
    let (uas, bytes) = best.context("no pass was trained: --passes 0, or no training sentences")?;
    if let Some(dir) = output_file.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("cannot create {}", output::term_path(dir)))?;
    }
    std::fs::write(output_file, bytes)
        .with_context(|| format!("cannot write {}", output::term_path(output_file)))?;
    eprintln!(
        "model (dev UAS {uas:.2}) written to {} in {:.0} s",
        output::term_path(output_file),
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}

/// The gold sentences with the system's tags, lemmas, heads and relations in place of the
/// gold columns; the columns the system does not fill (XPOS, FEATS, DEPS) become `_`. The
/// analyzer takes the sentences together, as `read` hands them over.
fn analyse_all(analyzer: &Analyzer, gold: &[Sentence]) -> Vec<Sentence> {
    let forms: Vec<Vec<&str>> = gold.iter().map(Sentence::forms).collect();
    let forms: Vec<&[&str]> = forms.iter().map(Vec::as_slice).collect();
    gold.iter()
        .zip(analyzer.analyse_many(&forms))
        .map(|(s, analyses)| {
            let mut out = s.clone();
            for (w, a) in out.words.iter_mut().zip(analyses) {
                w.upos = a.upos.as_str().to_string();
                w.lemma = a.lemma;
                w.head = a.head.to_string();
                w.deprel = a.deprel;
                for column in [&mut w.xpos, &mut w.feats, &mut w.deps] {
                    *column = "_".to_string();
                }
            }
            out
        })
        .collect()
}

fn score(
    analyzer: &Analyzer,
    gold: &[Sentence],
) -> anyhow::Result<(eval::ud::Scores, Vec<Sentence>)> {
    let system = analyse_all(analyzer, gold);
    Ok((eval::ud::Scores::of(gold, &system)?, system))
}

pub fn eval_parse(
    file: &Path,
    model: Option<&Path>,
    output_file: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    let gold = read_conllu_file(file)?;
    let analyzer = match model {
        Some(path) => {
            let bytes = std::fs::read(path)
                .with_context(|| format!("cannot open the model {}", output::term_path(path)))?;
            read::syntax::from_file_bytes(&bytes)
                .with_context(|| format!("cannot load {}", output::term_path(path)))?
                .0
        }
        None => read::syntax::builtin()
            .context("the built-in syntax model is missing or damaged: rebuild dossier")?,
    };
    let started = Instant::now();
    let (scores, system) = score(&analyzer, &gold)?;
    let elapsed = started.elapsed().as_secs_f64();
    if let Some(path) = output_file {
        let text: String = system.iter().map(Sentence::text).collect();
        std::fs::write(path, text)
            .with_context(|| format!("cannot write {}", output::term_path(path)))?;
    }
    println!("{}", scores.line("UPOS", scores.upos));
    println!("{}", scores.line("LEMMA", scores.lemma));
    println!("{}", scores.line("UAS", scores.uas));
    println!("{}", scores.line("LAS", scores.las));
    println!("words {}, sentences {}", scores.words, scores.sentences);
    eprintln!(
        "{} words tagged, lemmatized and parsed in {elapsed:.2} s ({:.0} words/s)",
        scores.words,
        scores.words as f64 / elapsed.max(1e-9)
    );
    Ok(ExitCode::SUCCESS)
}

pub fn train_parse(
    train: &Path,
    dev: Option<&Path>,
    output_file: &Path,
    config: &read::syntax::TrainConfig,
) -> anyhow::Result<ExitCode> {
    let data = read_conllu_file(train)?;
    let dev = dev.map(read_conllu_file).transpose()?;
    let started = Instant::now();
    let analyzer = read::syntax::train(&data, config, |stage, epoch, analyzer| {
        use read::syntax::TrainStage;
        let seconds = started.elapsed().as_secs_f64();
        let scores = match stage {
            TrainStage::Folds => None,
            _ => dev.as_ref().map(|d| score(analyzer, d)),
        };
        match (stage, scores) {
            (TrainStage::Tagger, Some(Ok((s, _)))) => eprintln!(
                "tagger epoch {epoch}: dev UPOS {:.2} LEMMA {:.2} ({seconds:.0} s)",
                s.percent(s.upos),
                s.percent(s.lemma)
            ),
            (TrainStage::Parser, Some(Ok((s, _)))) => eprintln!(
                "parser epoch {epoch}: dev UAS {:.2} LAS {:.2} ({seconds:.0} s)",
                s.percent(s.uas),
                s.percent(s.las)
            ),
            (TrainStage::Folds, _) => {
                eprintln!("tagger for the parser's fold {epoch} ({seconds:.0} s)")
            }
            _ => eprintln!("{stage:?} epoch {epoch} ({seconds:.0} s)"),
        }
    })
    .with_context(|| format!("cannot train on {}", output::term_path(train)))?;
    if let Some(dir) = output_file.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("cannot create {}", output::term_path(dir)))?;
    }
    let write = || -> anyhow::Result<()> {
        let mut file = std::io::BufWriter::new(std::fs::File::create(output_file)?);
        analyzer.save(&mut file)?;
        file.flush()?;
        Ok(())
    };
    write().with_context(|| format!("cannot write {}", output::term_path(output_file)))?;
    eprintln!(
        "model written to {} in {:.0} s",
        output::term_path(output_file),
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}
