//! Treebank sentences as the network reads them, and scoring.

use super::*;

/// A word's hashed spelling features: its last three and two letters, first two, and shape
/// (what every network reads), then its last letter and last four, first one and first
/// three (what a [`Shape`] of eight spellings reads as well). Each is the FNV-1a hash of a
/// key such as `"s3 ion"`, computed over the key's bytes without writing the key.
pub(super) fn spelling(form: &str) -> [u64; SPELLINGS] {
    let lower: Vec<char> = normalise(form).chars().collect();
    let n = lower.len();
    let part = |a: usize, b: usize| &lower[a.min(n)..b.min(n)];
    let mut shape: Vec<char> = Vec::new();
    for c in form.chars().map(crate::ner::shape_class) {
        // A run of one class is written at most twice.
        if shape.len() < 2 || shape[shape.len() - 1] != c || shape[shape.len() - 2] != c {
            shape.push(c);
        }
    }
    let last = |k: usize| part(n.saturating_sub(k), n);
    let keys: [(&str, &[char]); SPELLINGS] = [
        ("s3 ", last(3)),
        ("s2 ", last(2)),
        ("p2 ", part(0, 2)),
        ("sh ", &shape),
        ("s1 ", last(1)),
        ("s4 ", last(4)),
        ("p1 ", part(0, 1)),
        ("p3 ", part(0, 3)),
    ];
    keys.map(|(tag, chars)| {
        let mut h: u64 = 0xcbf29ce484222325;
        let mut eat = |b: u8| h = (h ^ b as u64).wrapping_mul(0x100000001b3);
        tag.bytes().for_each(&mut eat);
        let mut buf = [0u8; 4];
        for c in chars {
            c.encode_utf8(&mut buf).bytes().for_each(&mut eat);
        }
        h
    })
}

pub(super) fn normalise(word: &str) -> String {
    word.to_lowercase().chars().map(|c| if c.is_ascii_digit() { '0' } else { c }).collect()
}

impl Example {
    /// A sentence to parse: its words as written and the tagger's parts of speech (no gold).
    pub fn unlabelled(forms: &[&str], tags: &[Upos]) -> Example {
        Example {
            words: forms.iter().map(|w| normalise(w)).collect(),
            tags: forms
                .iter()
                .enumerate()
                .map(|(k, _)| tags.get(k).map_or(Upos::X.index(), |t| t.index()))
                .collect(),
            heads: Vec::new(),
            labels: Vec::new(),
            subs: forms.iter().map(|w| spelling(w)).collect(),
            gold_tags: Vec::new(),
            soft: None,
        }
    }
}

/// The training and dev sentences as examples: the training sentences tagged by taggers that
/// did not see them (`folds` folds; 0: the gold parts of speech, for a network that does not
/// read them), the dev ones by the builtin tagger, as the shipped parser.
pub fn examples(
    train: &[Sentence],
    dev: &[Sentence],
    folds: usize,
) -> (Vec<Example>, Vec<Example>, Vec<String>) {
    let data: Vec<(Vec<&str>, Vec<Upos>)> = train
        .iter()
        .map(|s| {
            (s.forms(), s.words.iter().map(|w| Upos::parse(&w.upos).unwrap_or(Upos::X)).collect())
        })
        .collect();
    let defaults = super::super::TrainConfig::default();
    let tags = if folds == 0 {
        data.into_iter().map(|(_, gold)| gold).collect()
    } else {
        super::super::jackknifed_tags(&data, folds, defaults.epochs, defaults.seed, |_| {})
    };
    let mut labels: Vec<String> =
        train.iter().flat_map(|s| s.words.iter().map(|w| w.deprel.clone())).collect();
    labels.sort();
    labels.dedup();
    let train_ex: Vec<Example> =
        train.iter().zip(tags).map(|(s, t)| gold_example(s, t, &labels)).collect();
    let dev_ex = tagged_examples(dev, &labels);
    (train_ex, dev_ex, labels)
}

/// A treebank sentence with these tags and its gold tree, relations numbered into `labels`.
fn gold_example(s: &Sentence, tags: Vec<Upos>, labels: &[String]) -> Example {
    let label_of = |l: &str| labels.iter().position(|x| x == l).unwrap_or(0);
    Example {
        words: s.words.iter().map(|w| normalise(&w.form)).collect(),
        tags: tags.iter().map(|t| t.index()).collect(),
        heads: s.words.iter().map(|w| w.head.parse().unwrap_or(0)).collect(),
        labels: s.words.iter().map(|w| label_of(&w.deprel)).collect(),
        subs: s.words.iter().map(|w| spelling(&w.form)).collect(),
        gold_tags: s
            .words
            .iter()
            .map(|w| Upos::parse(&w.upos).unwrap_or(Upos::X).index())
            .collect(),
        soft: None,
    }
}

/// Treebank sentences tagged by the builtin tagger, as a parser is given them, with their gold
/// trees (relations numbered into `labels`, a model's): to measure a model.
pub fn tagged_examples(sentences: &[Sentence], labels: &[String]) -> Vec<Example> {
    let analyzer = super::super::builtin().expect("the builtin syntax model reads");
    sentences
        .iter()
        .map(|s| {
            let tags = analyzer.analyse(&s.forms()).into_iter().map(|a| a.upos).collect();
            gold_example(s, tags, labels)
        })
        .collect()
}

/// UAS, LAS (the relation without its subtype, as the CoNLL 2018 scorer) and UPOS over
/// `dev` of the parses `parse` gives, and the parses; `names` are the relation names.
pub fn evaluate(
    names: &[String],
    dev: &[Example],
    parse: impl Fn(&Example) -> Parse,
) -> (f64, f64, f64, Vec<Parse>) {
    let (mut words, mut uas, mut las, mut upos) = (0usize, 0usize, 0usize, 0usize);
    let mut out = Vec::new();
    for ex in dev {
        let (heads, labels, tags) = parse(ex);
        for k in 0..heads.len() {
            words += 1;
            upos += usize::from(tags[k] == ex.gold_tags[k]);
            if heads[k] == ex.heads[k] {
                uas += 1;
                let a = names[labels[k]].split(':').next();
                let b = names[ex.labels[k]].split(':').next();
                if a == b {
                    las += 1;
                }
            }
        }
        out.push((heads, labels, tags));
    }
    let pc = |k: usize| 100.0 * k as f64 / words as f64;
    (pc(uas), pc(las), pc(upos), out)
}
