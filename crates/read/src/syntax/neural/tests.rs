//! Tests of the BiLSTM parser: gradients against finite differences, one tree over any words,
//! the same weights on one thread or two, the model file read back.

use super::*;
use infer::Products;
use proptest::prelude::*;

/// Three tiny sentences, labelled.
fn tiny() -> (Vec<Example>, Vec<String>) {
    let sentence = |words: &[&str], heads: &[usize], labels: &[usize]| {
        let mut ex = Example::unlabelled(words, &vec![Upos::Noun; words.len()]);
        ex.heads = heads.to_vec();
        ex.labels = labels.to_vec();
        ex.gold_tags = vec![Upos::Noun.index(); words.len()];
        ex
    };
    let labels = vec!["root".into(), "nsubj".into(), "obj".into()];
    let train = vec![
        sentence(&["Dogs", "chase", "cats"], &[2, 0, 2], &[1, 0, 2]),
        sentence(&["Cats", "see", "birds"], &[2, 0, 2], &[1, 0, 2]),
        sentence(&["Birds", "sing"], &[2, 0], &[1, 0]),
    ];
    (train, labels)
}

/// A model of the tiny sentences with every weight drawn from [-0.5, 0.5): outputs far from
/// zero and from each other, unlike a trained or a fresh model's.
fn random_model(seed: u64) -> Model {
    random_model_of(seed, Shape::TAGGED)
}

/// The same for a network of another shape.
fn random_model_of(seed: u64, shape: Shape) -> Model {
    let (train, labels) = tiny();
    let mut model = Model::new(&train, labels, 11, shape);
    let mut rng = math::Rng(seed);
    model.w.iter_mut().for_each(|w| *w = rng.unit() - 0.5);
    model
}

#[test]
fn training_gives_the_same_weights_on_one_thread_or_two() {
    let (train, labels) = tiny();
    let config = |threads| Config { epochs: 2, batch: 2, threads, ..Config::default() };
    let one = super::train(&train, labels.clone(), &config(1), |_, _| {});
    let two = super::train(&train, labels, &config(2), |_, _| {});
    assert!(one.w.iter().zip(&two.w).all(|(a, b)| a.to_bits() == b.to_bits()));
    assert!(one.w.iter().any(|v| *v != 0.0));
}

#[test]
fn a_model_written_reads_back_the_same_and_a_cut_one_not_at_all() {
    let (train, labels) = tiny();
    let config = Config { epochs: 1, batch: 2, ..Config::default() };
    let model = super::train(&train, labels, &config, |_, _| {});
    let mut bytes = Vec::new();
    model.write(&mut bytes).unwrap();
    let back = Model::read(&bytes).unwrap();
    assert_eq!(back.w, model.w);
    assert_eq!(back.labels, model.labels);
    assert_eq!(back.parse(&train[0]), model.parse(&train[0]));
    assert!(Model::read(&bytes[..bytes.len() - 1]).is_none());
    assert!(Model::read(b"not a model").is_none());
    assert!(bytes.starts_with(b"dossier-bilstm-parser 1\n"), "the first format, as before");
}

#[test]
fn a_model_of_another_shape_carries_it_in_its_file() {
    let (train, labels) = tiny();
    let config = Config { epochs: 1, batch: 2, shape: Shape::TAGLESS, ..Config::default() };
    let model = super::train(&train, labels, &config, |_, _| {});
    let mut bytes = Vec::new();
    model.write(&mut bytes).unwrap();
    let back = Model::read(&bytes).unwrap();
    assert_eq!(back.shape(), Shape::TAGLESS);
    assert_eq!(back.w, model.w);
    assert_eq!(back.parse(&train[0]), model.parse(&train[0]));
    // A shape the code cannot run (an LSTM of width 0) is refused, not run.
    let at = b"dossier-bilstm-parser 2\n".len();
    let mut bad = bytes.clone();
    bad[at..at + 4].copy_from_slice(&0u32.to_le_bytes());
    assert!(Model::read(&bad).is_none());
    // Read as the other shape, the weights no longer fit: refused.
    let mut other = bytes;
    other[at..at + 4].copy_from_slice(&128u32.to_le_bytes());
    assert!(Model::read(&other).is_none());
}

#[test]
fn a_model_with_its_tags_on_the_first_layer_carries_that_layer() {
    let (train, labels) = tiny();
    let shape = Shape::TAGLESS_LOW_TAGS;
    let config = Config { epochs: 1, batch: 2, shape, ..Config::default() };
    let model = super::train(&train, labels, &config, |_, _| {});
    let mut bytes = Vec::new();
    model.write(&mut bytes).unwrap();
    assert!(bytes.starts_with(b"dossier-bilstm-parser 3\n"));
    let back = Model::read(&bytes).unwrap();
    assert_eq!(back.shape(), shape);
    assert_eq!(back.parse(&train[0]), model.parse(&train[0]));
    // A layer the network does not have is refused.
    let at = b"dossier-bilstm-parser 3\n".len() + 16;
    let mut bad = bytes.clone();
    bad[at..at + 4].copy_from_slice(&2u32.to_le_bytes());
    assert!(Model::read(&bad).is_none());
    // Read with relation views of another width, the weights no longer fit: refused.
    let mut other = bytes;
    other[at + 4..at + 8].copy_from_slice(&96u32.to_le_bytes());
    assert!(Model::read(&other).is_none());
}

/// The first four spellings are the hashes of the keys the first networks were trained on
/// ("s3 " and the last three letters, and so on), so that their model files still read
/// words the same way.
#[test]
fn the_first_four_spellings_hash_the_keys_they_always_did() {
    let fnv = |key: &str| {
        key.bytes().fold(0xcbf29ce484222325u64, |h, b| (h ^ b as u64).wrapping_mul(0x100000001b3))
    };
    let subs = data::spelling("Über-Straße");
    assert_eq!(subs[..4], [fnv("s3 aße"), fnv("s2 ße"), fnv("p2 üb"), fnv("sh Xxx-Xxx")]);
    assert_eq!(subs[4..], [fnv("s1 e"), fnv("s4 raße"), fnv("p1 ü"), fnv("p3 übe")]);
    let short = data::spelling("I");
    assert_eq!(short[..4], [fnv("s3 i"), fnv("s2 i"), fnv("p2 i"), fnv("sh X")]);
    assert_eq!(data::spelling("")[1], fnv("s2 "));
    assert_eq!(data::spelling("1990s")[3], fnv("sh ddx"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// Any words, empty ones and any Unicode included, get one tree.
    #[test]
    fn parsing_is_total_over_any_words(words in proptest::collection::vec(".{0,12}", 1..12)) {
        let (train, labels) = tiny();
        let model = Model::new(&train, labels, 5, Shape::TAGGED);
        let forms: Vec<&str> = words.iter().map(String::as_str).collect();
        let (heads, labels, tags) = model.parse(&Example::unlabelled(&forms, &[]));
        prop_assert_eq!(heads.len(), forms.len());
        prop_assert_eq!(labels.len(), forms.len());
        prop_assert_eq!(tags.len(), forms.len());
        prop_assert_eq!(heads.iter().filter(|&&h| h == 0).count(), 1);
        for d in 1..=forms.len() {
            let mut h = d;
            for _ in 0..=forms.len() {
                if h != 0 {
                    h = heads[h - 1];
                }
            }
            prop_assert_eq!(h, 0);
        }
    }
}

#[test]
fn gradients_match_finite_differences() {
    gradients_match_finite_differences_for(Shape::TAGGED);
    gradients_match_finite_differences_for(Shape::TAGLESS);
    gradients_match_finite_differences_for(Shape { tags: TagInput::None, ..Shape::TAGLESS });
    gradients_match_finite_differences_for(Shape::TAGLESS_LOW_TAGS);
    gradients_match_finite_differences_for(Shape { relation_view: 12, ..Shape::TAGLESS });
}

#[test]
fn gradients_match_finite_differences_with_a_teachers_probabilities() {
    gradients_match_finite_differences_with(Shape::TAGLESS, true);
}

fn gradients_match_finite_differences_for(shape: Shape) {
    gradients_match_finite_differences_with(shape, false);
}

/// Uneven probabilities over `width` classes, each word its own.
fn teacher(words: usize, width: usize, rng: &mut math::Rng) -> Vec<Vec<f32>> {
    (0..words)
        .map(|_| {
            let raw: Vec<f32> = (0..width).map(|_| rng.unit() + 0.01).collect();
            let sum: f32 = raw.iter().sum();
            raw.into_iter().map(|p| p / sum).collect()
        })
        .collect()
}

fn gradients_match_finite_differences_with(shape: Shape, soft: bool) {
    let mut ex = Example {
        words: vec!["the".into(), "dog".into(), "barks".into(), "the".into(), "dog".into()],
        tags: vec![5, 7, 15, 5, 7],
        heads: vec![2, 3, 0, 5, 3],
        labels: vec![0, 1, 2, 0, 3],
        subs: vec![
            [1, 2, 3, 4, 13, 14, 15, 16],
            [5, 6, 7, 8, 17, 18, 19, 20],
            [9, 10, 11, 12, 13, 18, 15, 20],
            [1, 2, 3, 4, 13, 14, 15, 16],
            [5, 6, 7, 8, 17, 18, 19, 20],
        ],
        gold_tags: vec![5, 7, 15, 5, 7],
        soft: None,
    };
    let mut rng = Rng(9);
    if soft {
        let n = ex.words.len();
        ex.soft = Some(std::sync::Arc::new(Soft {
            heads: teacher(n, n + 1, &mut rng),
            labels: teacher(n, 4, &mut rng),
            tags: teacher(n, NTAGS - 1, &mut rng),
        }));
    }
    let labels = vec!["det".into(), "nsubj".into(), "root".into(), "obj".into()];
    let mut model = Model::new(&[ex.clone(), ex.clone()], labels, 3, shape);
    // Larger weights everywhere so that every path carries gradient.
    for v in model.w.iter_mut() {
        *v += (rng.unit() - 0.5) * 0.2;
    }
    let mut g = vec![0f32; model.w.len()];
    model.learn(&ex, &mut Rng(1), 0.0, &mut g);
    let lay = &model.layout;
    let mut picks = vec![];
    for s in [
        lay.ew,
        lay.eh,
        lay.et,
        lay.lstm[0][0].0,
        lay.lstm[0][1].1,
        lay.lstm[1][0].2,
        lay.lstm[1][1].0,
        lay.w_ad,
        lay.b_ah,
        lay.u,
        lay.u_bias,
        lay.w_ld,
        lay.w_lh,
        lay.w_l,
        lay.b_l,
        lay.w_tg,
        lay.w_tag,
        lay.b_tag,
    ] {
        // A network without the tag input has no tag embeddings.
        if s.rows * s.cols == 0 {
            continue;
        }
        for k in 0..3 {
            let i = s.at + (rng.next() as usize % (s.rows * s.cols));
            let _ = k;
            picks.push(i);
        }
    }
    let mut bad = 0;
    for i in picks {
        let old = model.w[i];
        let eps = 1e-2;
        model.w[i] = old + eps;
        let up = model.learn(&ex, &mut Rng(1), 0.0, &mut vec![0f32; g.len()]);
        model.w[i] = old - eps;
        let down = model.learn(&ex, &mut Rng(1), 0.0, &mut vec![0f32; g.len()]);
        model.w[i] = old;
        let num = (up - down) / (2.0 * eps);
        let err = (num - g[i]).abs() / (num.abs() + g[i].abs()).max(1e-3);
        if err > 0.05 && (num - g[i]).abs() > 5e-4 {
            eprintln!("weight {i}: numeric {num} analytic {}", g[i]);
            bad += 1;
        }
    }
    assert_eq!(bad, 0);
}

#[test]
fn eisner_makes_one_tree_with_one_root() {
    let n = 6;
    let mut rng = Rng(5);
    let score: Vec<Vec<f32>> = (0..n).map(|_| (0..n).map(|_| rng.unit()).collect()).collect();
    let heads = eisner::eisner(&score);
    assert_eq!(heads.iter().filter(|&&h| h == 0).count(), 1);
    for d in 1..n {
        let mut h = d;
        for _ in 0..n {
            if h != 0 {
                h = heads[h - 1];
            }
        }
        assert_eq!(h, 0);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    /// Where every word's best head is clear and they make a projective tree, that tree is
    /// Eisner's over the log-probabilities (what parsing searched before the shortcut).
    #[test]
    fn a_clear_tree_is_the_one_eisner_finds(
        noise in proptest::collection::vec(0.0f32..1.0, 1..144),
        picks in proptest::collection::vec(0usize..64, 11),
        bonus in 0.0f32..6.0,
    ) {
        let n = ((noise.len() as f32).sqrt() as usize).max(2);
        // A bonus for each word on a head of its own: often a tree, sometimes not.
        let favourite: Vec<usize> = (1..n).map(|d| picks[d - 1] % n).collect();
        let raw = |d: usize, h: usize| {
            if h == d {
                return f32::NEG_INFINITY;
            }
            noise[(d * n + h) % noise.len()] + if favourite[d - 1] == h { bonus } else { 0.0 }
        };
        let mut score = vec![vec![f32::NEG_INFINITY; n]; n];
        for d in 1..n {
            let row: Vec<f32> = (0..n).map(|h| raw(d, h)).collect();
            for (head, lp) in score.iter_mut().zip(math::log_softmax(&row)) {
                head[d] = lp;
            }
        }
        if let Some(heads) = eisner::clear_tree(n, raw) {
            prop_assert_eq!(heads, eisner::eisner(&score));
        }
    }
}

#[test]
fn a_chain_of_clear_heads_is_taken_and_a_crossing_or_a_cycle_is_not() {
    let tree = |heads: Vec<usize>| {
        let n = heads.len() + 1;
        eisner::clear_tree(n, move |d, h| if heads[d - 1] == h { 1.0 } else { 0.0 })
    };
    assert_eq!(tree(vec![0, 1, 2, 3]), Some(vec![0, 1, 2, 3]));
    assert_eq!(tree(vec![2, 0, 2]), Some(vec![2, 0, 2]));
    // Arcs 1-3 and 2-4 cross.
    assert_eq!(tree(vec![3, 4, 0, 3]), None);
    // Two words on the root, a cycle.
    assert_eq!(tree(vec![0, 0]), None);
    assert_eq!(tree(vec![2, 1, 0]), None);
    // One word: its only head is the root.
    assert_eq!(tree(vec![0]), Some(vec![0]));
    assert_eq!(eisner::clear_tree(1, |_, _| 0.0), Some(vec![]));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]
    /// The analyzer with a BiLSTM parser read from its file: any words, none, empty ones
    /// and any Unicode included, get one tree.
    #[test]
    fn the_analyzer_with_a_bilstm_from_its_file_makes_one_tree(
        words in proptest::collection::vec(".{0,12}", 0..10),
        tagless in any::<bool>(),
    ) {
        let (train, labels) = tiny();
        let shape = if tagless { Shape::TAGLESS } else { Shape::TAGGED };
        let model = Model::new(&train, labels, 5, shape);
        let mut bytes = Vec::new();
        model.write(&mut bytes).unwrap();
        let (analyzer, id) = crate::syntax::from_file_bytes(&bytes).unwrap();
        prop_assert!(id.starts_with("syntax-bilstm/"), "{}", id);
        let forms: Vec<&str> = words.iter().map(String::as_str).collect();
        let analysis = analyzer.analyse(&forms);
        prop_assert_eq!(analysis.len(), forms.len());
        if !forms.is_empty() {
            prop_assert_eq!(analysis.iter().filter(|a| a.head == 0).count(), 1);
        }
        for (d, a) in analysis.iter().enumerate() {
            let mut h = d + 1;
            for _ in 0..=forms.len() {
                if h != 0 {
                    h = analysis[h - 1].head;
                }
            }
            prop_assert_eq!(h, 0);
            prop_assert!(Upos::ALL.contains(&a.upos));
        }
    }
}

#[test]
fn a_syntax_model_file_is_the_builtin_one_a_bilstm_or_refused() {
    let (analyzer, id) = crate::syntax::from_file_bytes(crate::syntax::BUILTIN).unwrap();
    assert_eq!(id, crate::syntax::builtin_id());
    assert_eq!(analyzer.analyse(&["Dogs", "bark"]).len(), 2);
    assert!(crate::syntax::from_file_bytes(b"not a model").is_err());
    assert!(crate::syntax::from_file_bytes(b"").is_err());
    let mut cut = crate::syntax::BUILTIN.to_vec();
    cut.truncate(cut.len() / 2);
    assert!(crate::syntax::from_file_bytes(&cut).is_err());
}

#[test]
fn a_sentence_too_long_for_the_bilstm_goes_to_the_perceptron_parser() {
    let (train, labels) = tiny();
    let mut bytes = Vec::new();
    Model::new(&train, labels, 5, Shape::TAGGED).write(&mut bytes).unwrap();
    let (analyzer, _) = crate::syntax::from_file_bytes(&bytes).unwrap();
    let words: Vec<&str> = ["The", "court", "heard", "witnesses", ","]
        .into_iter()
        .cycle()
        .take(crate::syntax::BILSTM_MAX_WORDS + 3)
        .collect();
    let long = analyzer.analyse(&words);
    assert_eq!(long.len(), words.len());
    assert_eq!(long.iter().filter(|a| a.head == 0).count(), 1);
    // The perceptron's parse, the same as the built-in analyzer's.
    let builtin = crate::syntax::builtin().unwrap().analyse(&words);
    assert_eq!(
        long.iter().map(|a| a.head).collect::<Vec<_>>(),
        builtin.iter().map(|a| a.head).collect::<Vec<_>>()
    );
}

#[test]
fn parsing_computes_the_network_exactly_as_training_does() {
    // Random weights, sentences of lengths that leave the blocked products' remainders.
    for (shape, len) in
        [1, 2, 3, 5, 8].map(|len| [(Shape::TAGGED, len), (Shape::TAGLESS, len)]).concat()
    {
        let model = random_model_of(3, shape);
        // Words again within the sentence: their first-layer products are shared.
        let forms: Vec<String> = (0..len).map(|k| format!("w{}", k % 3)).collect();
        let forms: Vec<&str> = forms.iter().map(String::as_str).collect();
        let ex = Example::unlabelled(&forms, &vec![Upos::Noun; len]);
        let trace = model.forward(&ex, None);
        let out = model.infer(&ex);
        let bits = |v: &[f32]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
        let flat = |v: &[Vec<f32>]| bits(&v.concat());
        assert_eq!(flat(&trace.ad), bits(&out.ad), "{len} words");
        assert_eq!(flat(&trace.p), bits(&out.p), "{len} words");
        assert_eq!(bits(&trace.q), bits(&out.q), "{len} words");
        assert_eq!(flat(&trace.ld), bits(&out.ld), "{len} words");
        assert_eq!(flat(&trace.lh), bits(&out.lh), "{len} words");
        assert_eq!(flat(&trace.tg), bits(&out.tg), "{len} words");
    }
}

#[test]
fn the_activations_exponential_is_within_a_few_units_of_the_last_place() {
    let mut worst = 0f64;
    for k in -87_000..88_000 {
        let x = k as f32 / 1000.0 + 0.000_37;
        let (ours, exact) = (math::exp(x) as f64, (x as f64).exp());
        worst = worst.max((ours - exact).abs() / exact);
    }
    assert!(worst < 4e-7, "relative error {worst}");
    for k in -20_000..20_000 {
        let x = k as f32 / 1000.0;
        assert!((math::tanh(x) - x.tanh()).abs() < 3e-7, "tanh {x}");
        assert!((math::sigmoid(x) - 1.0 / (1.0 + (-x).exp())).abs() < 2e-7, "sigmoid {x}");
    }
    // Far out, flat and finite.
    assert_eq!(math::tanh(1e6), 1.0);
    assert_eq!(math::tanh(-1e6), -1.0);
    assert!(math::sigmoid(-1e6) < 1e-30 && math::sigmoid(1e6) == 1.0);
}

#[test]
fn the_network_with_integer_products_comes_near_the_float_one() {
    // Random weights far larger than trained ones (every unit near saturation, each layer
    // amplifying the last one's rounding): a few parts in a hundred on average, where a
    // kernel that mixed up rows or columns would be off by the values' own size. What the
    // rounding does to a trained model's parses is measured on EWT (`models/README.md`).
    let model = random_model(5);
    let parser = Parser::new(model);
    let model = &parser.model;
    for len in [1, 2, 3, 5, 8] {
        // Words again within the sentence: their first-layer products are shared.
        let forms: Vec<String> = (0..len).map(|k| format!("w{}", k % 3)).collect();
        let forms: Vec<&str> = forms.iter().map(String::as_str).collect();
        let ex = Example::unlabelled(&forms, &vec![Upos::Noun; len]);
        let (exact, int) = (model.infer(&ex), model.infer_with(&parser.quantized, &ex));
        for (name, a, b) in
            [("ad", &exact.ad, &int.ad), ("p", &exact.p, &int.p), ("tg", &exact.tg, &int.tg)]
        {
            let largest = a.iter().fold(0f32, |m, v| m.max(v.abs()));
            let worst = a.iter().zip(b).fold(0f32, |m, (a, b)| m.max((a - b).abs()));
            let mean = a.iter().zip(b).map(|(a, b)| (a - b).abs()).sum::<f32>() / a.len() as f32;
            assert!(mean <= 3e-2 * largest.max(1.0), "{name}, {len} words: off by {mean} a value");
            assert!(worst <= 0.2 * largest.max(1.0), "{name}, {len} words: off by {worst}");
        }
    }
}

#[test]
fn integer_products_are_the_same_with_every_kernel_and_near_the_float_ones() {
    // Sizes that leave every remainder: rows not a multiple of 4 or 8, columns not of 16.
    let mut rng = math::Rng(9);
    for (rows, cols, n) in [(13, 37, 5), (8, 16, 1), (7, 3, 2), (17, 130, 1), (4, 256, 3)] {
        let w: Vec<f32> = (0..rows * cols).map(|_| rng.unit() * 4.0 - 2.0).collect();
        let x: Vec<f32> = (0..n * cols).map(|_| rng.unit() * 6.0 - 3.0).collect();
        let b: Vec<f32> = (0..rows).map(|_| rng.unit()).collect();
        let span = Span { at: 0, rows, cols };
        let mut q = quant::Quantized::new(&w, &[span]);
        let bits = |v: &[f32]| v.iter().map(|v| v.to_bits()).collect::<Vec<_>>();
        q.kernel = quant::Kernel::Plain;
        let y = q.affine(span, Some(&b), &x, n);
        for kernel in quant::Kernel::available() {
            q.kernel = kernel;
            let with = q.affine(span, Some(&b), &x, n);
            assert_eq!(bits(&with), bits(&y), "{kernel:?}: {rows}x{cols}, {n} words");
        }
        // And near the float products: each weight is off by at most half a step of its
        // row's scale (the row's largest over 127), each input by half a step of its own.
        let largest = |v: &[f32]| v.iter().fold(0f32, |m, v| m.max(v.abs()));
        for t in 0..n {
            let (wr, xt) = (|r: usize| &w[r * cols..(r + 1) * cols], &x[t * cols..(t + 1) * cols]);
            let dx = largest(xt) / 254.0;
            for r in 0..rows {
                let exact = math::dot(wr(r), xt) + b[r];
                let dw = largest(wr(r)) / 254.0;
                let bound: f32 =
                    wr(r).iter().zip(xt).map(|(w, x)| dw * x.abs() + dx * w.abs() + dw * dx).sum();
                let off = (y[t * rows + r] - exact).abs();
                assert!(
                    off <= 1.001 * bound + 1e-5,
                    "{rows}x{cols} row {r} word {t}: {off} > {bound}"
                );
                // And a bound that is no bound: well under the terms' magnitudes.
                let size: f32 = wr(r).iter().zip(xt).map(|(w, x)| (w * x).abs()).sum();
                assert!(bound < 0.03 * size, "{rows}x{cols} row {r} word {t}: {bound} of {size}");
            }
        }
    }
}

#[test]
fn integer_products_neither_overflow_at_the_largest_values_nor_break_on_damaged_ones() {
    // Every weight and input at its largest, of one sign: the sum is at its bound.
    let cols = 512;
    let span = Span { at: 0, rows: 4, cols };
    let w = vec![-3.0f32; 4 * cols];
    let q = quant::Quantized::new(&w, &[span]);
    let y = q.affine(span, None, &vec![-7.0; cols], 1);
    y.iter().for_each(|v| assert!((v / (21.0 * cols as f32) - 1.0).abs() < 1e-3, "{v}"));
    // Not finite: no panic, finite products.
    let w = [f32::NAN, 1.0, f32::INFINITY, -1.0, 0.5, 0.0, f32::NEG_INFINITY, 2.0];
    let span = Span { at: 0, rows: 2, cols: 4 };
    let q = quant::Quantized::new(&w, &[span]);
    for x in [[f32::NAN, 1.0, 2.0, 3.0], [0.0; 4], [f32::INFINITY, f32::MIN_POSITIVE, -1e30, 1e-40]]
    {
        let y = q.affine(span, None, &x, 1);
        assert!(y.iter().all(|v| v.is_finite()), "{x:?}: {y:?}");
    }
}

#[test]
fn sentences_parsed_together_give_the_same_numbers_as_one_at_a_time() {
    let no_tags = Shape { tags: TagInput::None, ..Shape::TAGLESS };
    let wide = Shape { relation_view: 96, ..Shape::TAGLESS };
    for shape in [Shape::TAGGED, Shape::TAGLESS, no_tags, Shape::TAGLESS_LOW_TAGS, wide] {
        sentences_parsed_together_give_the_same_numbers_for(shape);
    }
}

fn sentences_parsed_together_give_the_same_numbers_for(shape: Shape) {
    let model = random_model_of(7, shape);
    // Lengths in no order, equal ones, a one-word sentence: the steps of the longest go on
    // after the others have stopped.
    let exs: Vec<Example> = [3, 1, 7, 3, 2, 6]
        .iter()
        .map(|&len| {
            let forms: Vec<String> = (0..len).map(|k| format!("w{}", k * len)).collect();
            let forms: Vec<&str> = forms.iter().map(String::as_str).collect();
            Example::unlabelled(&forms, &vec![Upos::Verb; len])
        })
        .collect();
    let parser = Parser::new(model);
    let model = &parser.model;
    let bits = |o: &infer::Outputs| {
        [&o.ad, &o.ld, &o.lh, &o.tg, &o.p, &o.q]
            .map(|v| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>())
    };
    let together = model.infer_batch(&infer::Exact(&model.w), &exs);
    let int_together = model.infer_batch(&parser.quantized, &exs);
    for (k, ex) in exs.iter().enumerate() {
        assert_eq!(bits(&together[k]), bits(&model.infer(ex)), "sentence {k}, float");
        assert_eq!(
            bits(&int_together[k]),
            bits(&model.infer_with(&parser.quantized, ex)),
            "sentence {k}, integer"
        );
    }
    let one_by_one: Vec<Parse> = exs.iter().map(|ex| parser.parse(ex)).collect();
    assert_eq!(parser.parse_batch(&exs), one_by_one);
    assert!(parser.parse_batch(&[]).is_empty());
}

/// The rounding by a float addition makes the integers `round_ties_even` does, ties and
/// the values past the bound included, and 0 for NaN: the inputs' integers, and so the
/// parse, as before it replaced the rounding call.
#[test]
fn inputs_round_to_the_nearest_integer_ties_to_even() {
    let by_call = |x: f32, max: f32| {
        if x.is_nan() { 0 } else { x.clamp(-max, max).round_ties_even() as i32 }
    };
    let mut values: Vec<f32> = (-600..=600).map(|k| k as f32 * 0.25).collect();
    values.extend([0.5, 1.5, 2.5, -0.5, -2.5, 126.5, -126.5, 127.49, 1e-30, -0.0, 3e38]);
    values.extend([f32::INFINITY, f32::NEG_INFINITY, f32::NAN, f32::MIN_POSITIVE]);
    for max in [127.0f32, 2048.0, 1.0] {
        for &x in &values {
            assert_eq!(quant::to_int(x, 1.0, max), by_call(x, max), "{x} within ±{max}");
        }
    }
    // A factor between: the product is what is rounded.
    assert_eq!(quant::to_int(0.3, 5.0, 127.0), 2);
    assert_eq!(quant::to_int(0.5, 5.0, 127.0), 2);
    assert_eq!(quant::to_int(0.7, 5.0, 127.0), 4);
}

/// An ensemble of one network parses as that network does, and what it teaches is a
/// probability distribution over each word's heads (none on the word itself), relations and
/// parts of speech; two networks with different relation names make no ensemble.
#[test]
fn an_ensemble_of_one_parses_as_its_network_and_teaches_distributions() {
    let exs: Vec<Example> = [4, 1, 6]
        .iter()
        .map(|&len| {
            let forms: Vec<String> = (0..len).map(|k| format!("w{}", k * len)).collect();
            let forms: Vec<&str> = forms.iter().map(String::as_str).collect();
            Example::unlabelled(&forms, &vec![Upos::Noun; len])
        })
        .collect();
    let alone = Parser::new(random_model_of(5, Shape::TAGLESS)).parse_batch(&exs);
    let ensemble = Ensemble::new(vec![Parser::new(random_model_of(5, Shape::TAGLESS))]);
    let ensemble = ensemble.expect("one network is an ensemble");
    assert_eq!(ensemble.parse_batch(&exs), alone);
    let pair = [random_model_of(5, Shape::TAGLESS), random_model_of(6, Shape::TAGLESS)];
    let pair = Ensemble::new(pair.map(Parser::new).into()).expect("the same relations");
    for (ex, ((heads, _, _), soft)) in exs.iter().zip(pair.soft_targets(&exs)) {
        assert_eq!(heads.len(), ex.words.len());
        for (d, p) in soft.heads.iter().enumerate() {
            assert_eq!(p.len(), ex.words.len() + 1);
            assert_eq!(p[d + 1], 0.0, "a word is not its own head");
        }
        for p in soft.heads.iter().chain(&soft.labels).chain(&soft.tags) {
            assert!((p.iter().sum::<f32>() - 1.0).abs() < 1e-4, "{p:?}");
        }
    }
    let mut other = random_model_of(6, Shape::TAGLESS);
    other.labels[0] = "other".into();
    let parsers = vec![Parser::new(random_model_of(5, Shape::TAGLESS)), Parser::new(other)];
    assert!(Ensemble::new(parsers).is_none());
    assert!(Ensemble::new(Vec::new()).is_none());
}
