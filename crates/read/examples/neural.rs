//! Experiment (issue 13): trains the BiLSTM parser of `syntax::neural` on EWT train and
//! prints UAS and LAS on dev after each epoch.
//! `cargo run --release -p read --example neural -- TRAIN DEV EPOCHS THREADS OUT.conllu`
//! (the model of the best epoch goes to `OUT.conllu.model`);
//! `... --example neural -- speed MODEL DEV.conllu`: one thread's speed over DEV's words;
//! `... --example neural -- speed-batch MODEL DEV.conllu`: the analyzer's way alone (integer
//! products, 32 sentences at a time), five rounds;
//! `... --example neural -- eval MODEL DEV.conllu`: a model's figures, with the float products
//! (as training measures) and with the integer ones (as the analyzer parses);
//! `... --example neural -- ensemble DEV.conllu MODEL...`: the models' figures as one.
//! The taught network of sessions 45 and 46 is trained by `dossier train silver` and
//! `dossier train parse --bilstm --silver` (see `crates/read/models/README.md`).

use read::syntax::{neural, read_conllu};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args[1] == "speed-batch" {
        return speed_batch(&args[2], &args[3]);
    }
    if args[1] == "speed" {
        return speed(&args[2], &args[3]);
    }
    if args[1] == "ensemble" {
        return ensemble_eval(&args[2], &args[3..]);
    }
    if args[1] == "eval" {
        let model = neural::Model::read(&std::fs::read(&args[2]).unwrap()).expect("a model");
        let dev = read_conllu(&std::fs::read_to_string(&args[3]).unwrap()).unwrap();
        let dev = neural::tagged_examples(&dev, &model.labels);
        let (uas, las, upos, _) = neural::evaluate(&model.labels, &dev, |ex| model.parse(ex));
        println!("float products: UPOS {upos:.2} UAS {uas:.2} LAS {las:.2}");
        let labels = model.labels.clone();
        let parser = neural::Parser::new(model);
        let (uas, las, upos, _) = neural::evaluate(&labels, &dev, |ex| parser.parse(ex));
        println!("integer products: UPOS {upos:.2} UAS {uas:.2} LAS {las:.2}");
        return;
    }
    let train = read_conllu(&std::fs::read_to_string(&args[1]).unwrap()).unwrap();
    let dev = read_conllu(&std::fs::read_to_string(&args[2]).unwrap()).unwrap();
    let epochs: usize = args[3].parse().unwrap();
    let threads: usize = args[4].parse().unwrap();
    let limit: usize =
        std::env::var("LIMIT").ok().and_then(|v| v.parse().ok()).unwrap_or(usize::MAX);
    let train = &train[..train.len().min(limit)];
    let (train_ex, dev_ex, labels) = neural::examples(train, &dev, 4);
    let config = neural::Config { epochs, threads, ..neural::Config::default() };
    let mut best = 0.0;
    neural::train(&train_ex, labels, &config, |e, model| {
        let (epoch, loss) = (e.epoch, e.loss);
        eprintln!("epoch {epoch}: {:.0} words/s training", e.words_per_second);
        let started = std::time::Instant::now();
        let (uas, las, upos, parses) =
            neural::evaluate(&model.labels, &dev_ex, |ex| model.parse(ex));
        let words: usize = dev_ex.iter().map(|e| e.words.len()).sum();
        let speed = words as f64 / started.elapsed().as_secs_f64();
        println!(
            "epoch {epoch}: loss {loss:.4} dev UPOS {upos:.2} UAS {uas:.2} LAS {las:.2} ({speed:.0} words/s parsing, one thread)"
        );
        if uas > best {
            best = uas;
            let mut out = String::new();
            for (s, (heads, labs, tags)) in dev.iter().zip(parses) {
                let mut s = s.clone();
                for (k, w) in s.words.iter_mut().enumerate() {
                    w.head = heads[k].to_string();
                    w.deprel = model.labels[labs[k]].clone();
                    w.upos = neural::upos_name(tags[k]).to_string();
                }
                out.push_str(&s.text());
            }
            std::fs::write(&args[5], out).unwrap();
            let mut bytes = Vec::new();
            model.write(&mut bytes).unwrap();
            std::fs::write(format!("{}.model", args[5]), bytes).unwrap();
        }
    });
}

fn speed(model_path: &str, dev: &str) {
    let model = neural::Model::read(&std::fs::read(model_path).unwrap()).expect("a model");
    let parser =
        neural::Parser::new(neural::Model::read(&std::fs::read(model_path).unwrap()).unwrap());
    let dev = read_conllu(&std::fs::read_to_string(dev).unwrap()).unwrap();
    let analyzer = read::syntax::builtin().unwrap();
    let words: usize = dev.iter().map(|s| s.words.len()).sum();
    for round in 0..3 {
        let started = std::time::Instant::now();
        let tags: Vec<Vec<read::syntax::Upos>> = dev
            .iter()
            .map(|s| analyzer.analyse(&s.forms()).into_iter().map(|a| a.upos).collect())
            .collect();
        let perceptron = started.elapsed().as_secs_f64();
        let examples: Vec<neural::Example> = dev
            .iter()
            .zip(&tags)
            .map(|(s, t)| neural::Example::unlabelled(&s.forms(), t))
            .collect();
        let started = std::time::Instant::now();
        let float_heads: Vec<Vec<usize>> = examples.iter().map(|ex| model.parse(ex).0).collect();
        let float = started.elapsed().as_secs_f64();
        let started = std::time::Instant::now();
        let int_heads: Vec<Vec<usize>> = examples.iter().map(|ex| parser.parse(ex).0).collect();
        let integer = started.elapsed().as_secs_f64();
        let started = std::time::Instant::now();
        let batch_heads: Vec<Vec<usize>> =
            examples.chunks(32).flat_map(|c| parser.parse_batch(c)).map(|p| p.0).collect();
        let batched = started.elapsed().as_secs_f64();
        assert_eq!(batch_heads, int_heads);
        let same =
            float_heads.concat().iter().zip(int_heads.concat()).filter(|(a, b)| **a == *b).count();
        println!(
            "round {round}: {words} words; the shipped analyzer (tag, lemma, parse) {:.0} words/s; the BiLSTM parser alone {:.0} words/s with float products, {:.0} with integer ones ({same} heads the same), {:.0} with integer ones 32 sentences at a time",
            words as f64 / perceptron,
            words as f64 / float,
            words as f64 / integer,
            words as f64 / batched
        );
    }
}

/// The integer parser alone, 32 sentences at a time, five rounds (to profile).
fn speed_batch(model_path: &str, dev: &str) {
    let parser =
        neural::Parser::new(neural::Model::read(&std::fs::read(model_path).unwrap()).unwrap());
    let dev = read_conllu(&std::fs::read_to_string(dev).unwrap()).unwrap();
    let analyzer = read::syntax::builtin().unwrap();
    let words: usize = dev.iter().map(|s| s.words.len()).sum();
    let examples: Vec<neural::Example> = dev
        .iter()
        .map(|s| {
            let tags: Vec<_> = analyzer.analyse(&s.forms()).into_iter().map(|a| a.upos).collect();
            neural::Example::unlabelled(&s.forms(), &tags)
        })
        .collect();
    for round in 0..5 {
        let started = std::time::Instant::now();
        let parses: usize = examples.chunks(32).map(|c| parser.parse_batch(c).len()).sum();
        let seconds = started.elapsed().as_secs_f64();
        println!("round {round}: {parses} sentences, {:.0} words/s", words as f64 / seconds);
    }
}

/// The networks of `models` as one ([`neural::Ensemble`]).
fn ensemble(models: &[String]) -> neural::Ensemble {
    let parsers = models
        .iter()
        .map(|m| {
            neural::Parser::new(neural::Model::read(&std::fs::read(m).unwrap()).expect("a model"))
        })
        .collect();
    neural::Ensemble::new(parsers).expect("networks with the same relation names")
}

fn ensemble_eval(dev: &str, models: &[String]) {
    let ensemble = ensemble(models);
    let dev = read_conllu(&std::fs::read_to_string(dev).unwrap()).unwrap();
    let dev = neural::tagged_examples(&dev, ensemble.labels());
    let parses: Vec<neural::Parse> = dev.chunks(32).flat_map(|c| ensemble.parse_batch(c)).collect();
    let next = std::cell::RefCell::new(parses.into_iter());
    let (uas, las, upos, _) =
        neural::evaluate(ensemble.labels(), &dev, |_| next.borrow_mut().next().unwrap_or_default());
    println!("{} networks: UPOS {upos:.2} UAS {uas:.2} LAS {las:.2}", models.len());
}
