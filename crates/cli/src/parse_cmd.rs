//! `dossier train parse` and `dossier eval parse`: the syntax model against CoNLL-U files.

use std::io::Write;
use std::path::{Path, PathBuf};
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

/// How `dossier train parse --bilstm` trains: passes, the network's sizes, the seed, and
/// the sentences some teachers parsed with the paths of those teachers (`None`: the
/// treebank alone).
pub struct Recipe<'a> {
    pub passes: usize,
    pub shape: read::syntax::neural::Shape,
    pub seed: u64,
    pub teaching: Option<(&'a Path, &'a [PathBuf])>,
}

/// The networks of the model files `paths` as one, each named where it does not read.
fn read_ensemble(paths: &[PathBuf]) -> anyhow::Result<read::syntax::neural::Ensemble> {
    use read::syntax::neural;
    let mut parsers = Vec::new();
    for path in paths {
        let bytes = std::fs::read(path)
            .with_context(|| format!("cannot read {}", output::term_path(path)))?;
        let model = neural::Model::read(&bytes).with_context(|| {
            format!(
                "{} is not a BiLSTM model: give files written by `dossier train parse --bilstm`",
                output::term_path(path)
            )
        })?;
        parsers.push(neural::Parser::new(model));
    }
    neural::Ensemble::new(parsers).context(
        "the teachers were trained on different relation names: train them on one treebank",
    )
}

/// `dossier train silver`: the running-text sentences of `inputs` (CoNLL-2003 files, or
/// folders of TimeML files) parsed by the `teachers` as one, written to `output_file` as
/// CoNLL-U. An input that cannot be read is named and skipped (exit 1); none read, exit 2.
pub fn train_silver(
    teachers: &[PathBuf],
    inputs: &[PathBuf],
    output_file: &Path,
) -> anyhow::Result<ExitCode> {
    use read::syntax::neural::silver;
    let ensemble = read_ensemble(teachers)?;
    let analyzer = read::syntax::builtin().context("the builtin syntax model does not read")?;
    let started = Instant::now();
    let mut sentences: Vec<Vec<String>> = Vec::new();
    let mut failed = 0;
    for input in inputs {
        match silver_text(input) {
            Ok(read) => {
                let kept: Vec<Vec<String>> =
                    read.into_iter().filter(|s| silver::is_running_text(s)).collect();
                eprintln!("{}: {} sentences of running text", output::term_path(input), kept.len());
                sentences.extend(kept);
            }
            Err(e) => {
                eprintln!("error: {e:#}; skipped");
                failed += 1;
            }
        }
    }
    if failed == inputs.len() {
        eprintln!("error: no text could be read: give CoNLL-2003 files or folders of TimeML files");
        return Ok(ExitCode::from(2));
    }
    let conllu = silver::silver_conllu(&ensemble, &analyzer, &sentences);
    std::fs::write(output_file, conllu)
        .with_context(|| format!("cannot write {}", output::term_path(output_file)))?;
    let words: usize = sentences.iter().map(Vec::len).sum();
    eprintln!(
        "{} sentences, {words} words parsed by {} networks, written to {} in {:.0} s",
        sentences.len(),
        teachers.len(),
        output::term_path(output_file),
        started.elapsed().as_secs_f64()
    );
    Ok(if failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// The sentences of one input of `dossier train silver`: a CoNLL-2003 file's words, or
/// the sentences of every TimeML file under a folder, in the order of their paths (a file
/// with no `<TEXT>` gives none).
fn silver_text(input: &Path) -> anyhow::Result<Vec<Vec<String>>> {
    let read = |path: &Path| {
        std::fs::read_to_string(path)
            .with_context(|| format!("cannot read {}", output::term_path(path)))
    };
    if !input.is_dir() {
        let sentences = read::ner::read_conll(&read(input)?);
        return Ok(sentences.into_iter().map(|s| s.words).collect());
    }
    let mut sentences = Vec::new();
    for path in crate::timex_cmd::tml_files(input)? {
        if let Ok(doc) = eval::timeml::Document::parse(&read(&path)?) {
            sentences.extend(read::syntax::neural::silver::timeml_sentences(&doc.text));
        }
    }
    Ok(sentences)
}

/// `dossier train parse --bilstm`: the BiLSTM parser trained on `train` (and, where the
/// recipe has teachers, on their silver sentences with their probabilities) over the
/// recipe's passes, dev scored after every pass, and the pass with the best dev UAS (the
/// first of equals) written to `output_file`. The same bytes on any run of the same data
/// and code.
pub fn train_bilstm(
    train: &Path,
    dev: &Path,
    output_file: &Path,
    recipe: &Recipe,
) -> anyhow::Result<ExitCode> {
    use read::syntax::neural;
    let Recipe { passes, shape, seed, teaching } = *recipe;
    let mut data = read_conllu_file(train)?;
    let gold = data.len();
    let ensemble = match teaching {
        Some((silver, teachers)) => {
            data.extend(read_conllu_file(silver)?);
            Some(read_ensemble(teachers)?)
        }
        None => None,
    };
    let dev = read_conllu_file(dev)?;
    let started = Instant::now();
    // A network that reads no part of speech needs no taggers of the folds.
    let folds = if shape.tags == neural::TagInput::Tagger { 4 } else { 0 };
    let (mut train_ex, dev_ex, labels) = neural::examples(&data, &dev, folds);
    if folds > 0 {
        eprintln!("taggers for the four folds trained ({:.0} s)", started.elapsed().as_secs_f64());
    }
    if let Some(ensemble) = &ensemble {
        anyhow::ensure!(
            ensemble.labels() == labels,
            "the teachers' relation names differ from those of --train and --silver: train the \
             teachers on the same treebank"
        );
        ensemble.teach(&mut train_ex[gold..]);
        eprintln!(
            "{} silver sentences taught ({:.0} s)",
            train_ex.len() - gold,
            started.elapsed().as_secs_f64()
        );
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
