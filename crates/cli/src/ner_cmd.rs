//! `dossier eval ner` and `dossier train ner`: the entity tagger scored on, and trained
//! from, CoNLL-2003 files.

use std::io::Write;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;

use crate::output;

fn read_conll_file(path: &std::path::Path) -> anyhow::Result<Vec<read::ner::ConllSentence>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let sentences = read::ner::read_conll(&text);
    anyhow::ensure!(
        !sentences.is_empty(),
        "{} has no CoNLL sentences: expected `token ... tag` lines",
        path.display()
    );
    Ok(sentences)
}

fn score_ner(
    model: &read::ner::Tagger,
    data: &[read::ner::ConllSentence],
) -> (eval::conll::Scores, Vec<Vec<usize>>) {
    let mut scores = eval::conll::Scores::default();
    let all = read::ner::tag_conll(model, data);
    for (s, predicted) in data.iter().zip(&all) {
        scores.add(&s.tags, predicted);
    }
    (scores, all)
}

pub(crate) fn eval_ner(
    file: &std::path::Path,
    model: Option<&std::path::Path>,
    predictions: Option<&std::path::Path>,
) -> anyhow::Result<ExitCode> {
    let data = read_conll_file(file)?;
    let model = match model {
        Some(path) => {
            let mut f = std::fs::File::open(path)
                .with_context(|| format!("cannot open the model {}", path.display()))?;
            read::ner::Tagger::load(&mut f)
                .with_context(|| format!("cannot load {}", path.display()))?
        }
        None => read::ner::builtin()
            .context("the built-in NER model is missing or damaged: rebuild dossier")?,
    };
    let started = Instant::now();
    let (scores, tags) = score_ner(&model, &data);
    let elapsed = started.elapsed().as_secs_f64();
    if let Some(path) = predictions {
        let mut out = String::new();
        for (s, predicted) in data.iter().zip(&tags) {
            for (line, t) in s.lines.iter().zip(predicted) {
                out.push_str(line);
                out.push(' ');
                out.push_str(read::ner::TAGS[*t]);
                out.push('\n');
            }
            out.push('\n');
        }
        std::fs::write(path, out).with_context(|| format!("cannot write {}", path.display()))?;
    }
    println!("{scores}");
    eprintln!("{} tokens tagged in {elapsed:.2} s", scores.tokens);
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn train_ner(
    train: &std::path::Path,
    dev: Option<&std::path::Path>,
    output: &std::path::Path,
    epochs: usize,
    seed: u64,
) -> anyhow::Result<ExitCode> {
    let data = read_conll_file(train)?;
    let dev = dev.map(read_conll_file).transpose()?;
    let config = read::ner::TrainConfig { epochs, seed };
    let started = Instant::now();
    let model = read::ner::train(&data, &config, |epoch, model| {
        let dev_f1 = dev.as_ref().map(|d| score_ner(model, d).0.overall().2);
        match dev_f1 {
            Some(f) => {
                eprintln!("epoch {epoch}: dev F1 {f:.2} ({:.0} s)", started.elapsed().as_secs_f64())
            }
            None => eprintln!("epoch {epoch} ({:.0} s)", started.elapsed().as_secs_f64()),
        }
    });
    if let Some(dir) = output.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let mut file = std::io::BufWriter::new(
        std::fs::File::create(output)
            .with_context(|| format!("cannot write {}", output.display()))?,
    );
    model.save(&mut file).with_context(|| format!("cannot write {}", output.display()))?;
    file.flush()?;
    eprintln!("model written to {}", output::term_path(output));
    Ok(ExitCode::SUCCESS)
}
