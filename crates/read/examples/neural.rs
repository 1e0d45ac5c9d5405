//! Experiment (issue 13): trains the BiLSTM parser of `syntax::neural` on EWT train and
//! prints UAS and LAS on dev after each epoch.
//! `cargo run --release -p read --example neural -- TRAIN DEV EPOCHS THREADS OUT.conllu`
//! (the model of the best epoch goes to `OUT.conllu.model`);
//! `... --example neural -- speed MODEL DEV.conllu`: one thread's speed over DEV's words;
//! `... --example neural -- speed-batch MODEL DEV.conllu`: the analyzer's way alone (integer
//! products, 32 sentences at a time), five rounds;
//! `... --example neural -- eval MODEL DEV.conllu`: a model's figures, with the float products
//! (as training measures) and with the integer ones (as the analyzer parses);
//! `... --example neural -- silver OUT.conllu CONLL2003 MODEL...`: the sentences of a
//! CoNLL-2003 file (not those in capitals) parsed by the models as one ([`neural::Ensemble`]),
//! as CoNLL-U to train another parser on; where CONLL2003 is a folder, the text of the
//! TimeML files in its subfolders (TempEval-3's training data), split into sentences and
//! words by [`timeml_words`];
//! `... --example neural -- ensemble DEV.conllu MODEL...`: the models' figures as one;
//! `... --example neural -- distil TRAIN SILVER DEV OUT.model PASSES MODEL...`: trains a
//! tagless network (`Shape::TAGLESS`, or as wide as `HIDDEN` says; two threads) on TRAIN and
//! SILVER, each SILVER sentence with the ensemble of MODELs' probabilities as half its
//! target, and writes the model of the pass with the best dev UAS to OUT.model (and of
//! the best dev LAS to OUT.model.las).

use read::syntax::{neural, read_conllu};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args[1] == "speed-batch" {
        return speed_batch(&args[2], &args[3]);
    }
    if args[1] == "speed" {
        return speed(&args[2], &args[3]);
    }
    if args[1] == "silver" {
        return silver(&args[2], &args[3], &args[4..]);
    }
    if args[1] == "distil" {
        return distil(&args[2..]);
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

fn silver(out: &str, conll: &str, models: &[String]) {
    let ensemble = ensemble(models);
    let analyzer = read::syntax::builtin().unwrap();
    let text = if std::path::Path::new(conll).is_dir() {
        timeml_words(conll)
    } else {
        std::fs::read_to_string(conll).unwrap()
    };
    let mut sentences: Vec<Vec<&str>> = vec![Vec::new()];
    for line in text.lines() {
        match line.split(' ').next() {
            Some("-DOCSTART-") => {}
            Some("") | None => sentences.push(Vec::new()),
            Some(word) => sentences.last_mut().unwrap().push(word),
        }
    }
    // Not headlines and tables: sentences of three words or more, fewer capitals than
    // small letters.
    sentences.retain(|s| {
        let upper = s.iter().flat_map(|w| w.chars()).filter(|c| c.is_uppercase()).count();
        let lower = s.iter().flat_map(|w| w.chars()).filter(|c| c.is_lowercase()).count();
        s.len() >= 3 && upper < lower
    });
    let analyses: Vec<_> = sentences.iter().map(|s| analyzer.analyse(s)).collect();
    let examples: Vec<neural::Example> = sentences
        .iter()
        .zip(&analyses)
        .map(|(s, a)| {
            let tags: Vec<read::syntax::Upos> = a.iter().map(|a| a.upos).collect();
            neural::Example::unlabelled(s, &tags)
        })
        .collect();
    let parses: Vec<neural::Parse> =
        examples.chunks(32).flat_map(|c| ensemble.parse_batch(c)).collect();
    let mut written = String::new();
    let mut words = 0;
    for ((s, analysis), (heads, labels, tags)) in sentences.iter().zip(&analyses).zip(&parses) {
        for (k, w) in s.iter().enumerate() {
            written.push_str(&format!(
                "{}\t{w}\t{}\t{}\t_\t_\t{}\t{}\t_\t_\n",
                k + 1,
                analysis[k].lemma,
                neural::upos_name(tags[k]),
                heads[k],
                ensemble.labels()[labels[k]]
            ));
        }
        written.push('\n');
        words += s.len();
    }
    std::fs::write(out, written).unwrap();
    println!("{} sentences, {words} words written to {out}", sentences.len());
}

/// The text inside `<TEXT>` of every `*.tml` file in the subfolders of `dir` (by path),
/// one word a line and a blank line after each sentence, as a CoNLL-2003 file's first
/// column: tags dropped, `&amp;` read, a paragraph's lines joined, sentences split after
/// ".", "!" or "?" where a capital (or a quote or bracket and a capital) follows, and words
/// split from punctuation and from "n't", "'s", "'re", "'ve", "'ll", "'d" and "'m", as the
/// treebank writes them.
fn timeml_words(dir: &str) -> String {
    let mut paths: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .flat_map(|sub| std::fs::read_dir(sub.unwrap().path()).into_iter().flatten())
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "tml"))
        .collect();
    paths.sort();
    let tag = regex::Regex::new(r"<[^>]+>").unwrap();
    let paragraph = regex::Regex::new(r"\n\s*\n").unwrap();
    let mut sentences = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap();
        let (Some(start), Some(end)) = (text.find("<TEXT>"), text.rfind("</TEXT>")) else {
            continue;
        };
        let body = tag.replace_all(&text[start + "<TEXT>".len()..end], "").replace("&amp;", "&");
        for para in paragraph.split(&body) {
            let para = para.split_whitespace().collect::<Vec<_>>().join(" ");
            for sentence in sentence_spans(&para) {
                let words = treebank_words(sentence);
                if !words.is_empty() {
                    sentences.push(words.join("\n"));
                }
            }
        }
    }
    sentences.join("\n\n") + "\n\n"
}

/// `para` cut after ".", "!" or "?" and the spaces after it, where a capital comes next
/// (or a quote or opening bracket, then a capital).
fn sentence_spans(para: &str) -> Vec<&str> {
    let chars: Vec<(usize, char)> = para.char_indices().collect();
    let mut spans = Vec::new();
    let mut from = 0;
    for (k, &(_, c)) in chars.iter().enumerate() {
        if !matches!(c, '.' | '!' | '?')
            || !chars.get(k + 1).is_some_and(|(_, c)| c.is_whitespace())
        {
            continue;
        }
        let next = chars[k + 1..].iter().position(|(_, c)| !c.is_whitespace()).map(|p| k + 1 + p);
        let Some(next) = next else { continue };
        let capital = |i: usize| chars.get(i).is_some_and(|(_, c)| c.is_ascii_uppercase());
        let opens = matches!(chars[next].1, '"' | '(');
        if capital(next) || (opens && capital(next + 1)) {
            spans.push(&para[from..chars[k].0 + c.len_utf8()]);
            from = chars[next].0;
        }
    }
    spans.push(&para[from..]);
    spans
}

/// A sentence's words, split as the treebank splits them (see [`timeml_words`]).
fn treebank_words(sentence: &str) -> Vec<String> {
    use std::sync::LazyLock;
    // (pattern, replacement), applied in turn; compiled once.
    static SPLITS: LazyLock<Vec<(regex::Regex, &str)>> = LazyLock::new(|| {
        [
            (r#"([,;:?!()\[\]{}"])"#, " $1 "),
            (r"(\w)(n't)\b", "$1 $2"),
            (r"(?i)(\w)('s|'re|'ve|'ll|'d|'m)\b", "$1 $2"),
            (r"\.\s*$", " ."),
            (r"(\S)(\.\.\.)", "$1 $2"),
        ]
        .into_iter()
        .map(|(pattern, to)| (regex::Regex::new(pattern).unwrap(), to))
        .collect()
    });
    let mut s = sentence.replace("``", "\"").replace("''", "\"");
    for (pattern, to) in SPLITS.iter() {
        s = pattern.replace_all(&s, *to).into_owned();
    }
    s.split_whitespace().map(str::to_string).collect()
}

fn distil(args: &[String]) {
    let [train, silver, dev, out, passes, models @ ..] = args else {
        panic!("distil TRAIN SILVER DEV OUT.model PASSES MODEL...");
    };
    let read = |p: &str| read_conllu(&std::fs::read_to_string(p).unwrap()).unwrap();
    let (train, silver, dev) = (read(train), read(silver), read(dev));
    let gold = train.len();
    let all: Vec<_> = train.into_iter().chain(silver).collect();
    let (mut train_ex, dev_ex, labels) = neural::examples(&all, &dev, 0);
    let ensemble = ensemble(models);
    assert_eq!(ensemble.labels(), &labels[..], "the teachers' relation names");
    let started = std::time::Instant::now();
    for chunk in train_ex[gold..].chunks_mut(32) {
        let taught = ensemble.soft_targets(chunk);
        for (ex, (parse, soft)) in chunk.iter_mut().zip(taught) {
            ex.heads = parse.0;
            ex.labels = parse.1;
            ex.gold_tags = parse.2;
            ex.soft = Some(std::sync::Arc::new(soft));
        }
    }
    eprintln!(
        "{} silver sentences taught in {:.0} s",
        train_ex.len() - gold,
        started.elapsed().as_secs_f64()
    );
    // The LSTM's width: `HIDDEN` where set (a smaller student), else the tagless shape's.
    let hidden = std::env::var("HIDDEN")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(neural::Shape::TAGLESS.hidden);
    let config = neural::Config {
        epochs: passes.parse().unwrap(),
        threads: 2,
        shape: neural::Shape { hidden, ..neural::Shape::TAGLESS },
        ..neural::Config::default()
    };
    let (mut best, mut best_las) = (0.0, 0.0);
    let started = std::time::Instant::now();
    neural::train(&train_ex, labels, &config, |e, model| {
        let (uas, las, upos, _) = neural::evaluate(&model.labels, &dev_ex, |ex| model.parse(ex));
        println!(
            "epoch {}: loss {:.4} dev UPOS {upos:.2} UAS {uas:.2} LAS {las:.2} ({:.0} s)",
            e.epoch,
            e.loss,
            started.elapsed().as_secs_f64()
        );
        let mut bytes = Vec::new();
        model.write(&mut bytes).unwrap();
        if uas > best {
            best = uas;
            std::fs::write(out, &bytes).unwrap();
        }
        // The best pass by LAS too, beside it, for comparison.
        if las > best_las {
            best_las = las;
            std::fs::write(format!("{out}.las"), &bytes).unwrap();
        }
    });
}
