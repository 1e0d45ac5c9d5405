//! Training the tagger: the two passes, each an averaged perceptron over the features of
//! `pos` (the second pass on the first's tags from taggers that did not see the sentence).

use super::*;

/// Trains the tagger on sentences of (word, tag) pairs; `progress` sees the averaged tagger
/// after each epoch of the second pass.
pub(in crate::syntax) fn train(
    sentences: &[(Vec<&str>, Vec<Upos>)],
    epochs: usize,
    seed: u64,
    mut progress: impl FnMut(usize, &Tagger),
) -> Tagger {
    let mut counts: BTreeMap<String, (u32, u32)> = BTreeMap::new();
    for (words, tags) in sentences {
        for (w, t) in words.iter().zip(tags) {
            let entry = counts.entry(w.to_lowercase()).or_default();
            entry.0 += 1;
            entry.1 |= 1 << t.index();
        }
        // How the word is written elsewhere: in lowercase, or capitalised inside a sentence.
        for (i, w) in words.iter().enumerate() {
            let entry = counts.entry(w.to_lowercase()).or_default();
            if !w.chars().any(char::is_uppercase) {
                entry.1 |= LOWER_SEEN;
            } else if i > 0 && w.starts_with(char::is_uppercase) {
                entry.1 |= TITLE_SEEN;
            }
        }
    }
    let classes: HashMap<String, u32> =
        counts.into_iter().filter(|(_, (n, _))| *n >= DICT_MIN).map(|(w, (_, m))| (w, m)).collect();
    let empty = Rows::default();
    let names = class_names(&classes);
    let mut tagger = Tagger { backward: empty.clone(), forward: empty, classes, names };
    let gold: Vec<Vec<usize>> =
        sentences.iter().map(|(_, tags)| tags.iter().map(|t| t.index()).collect()).collect();
    // The first pass reads sentences backwards.
    let reversed: Vec<Vec<&str>> =
        sentences.iter().map(|(words, _)| words.iter().rev().copied().collect()).collect();
    let back_feats: Vec<Statics> =
        reversed.iter().map(|words| tagger.static_features(words, None)).collect();
    let back_gold: Vec<Vec<usize>> =
        gold.iter().map(|tags| tags.iter().rev().copied().collect()).collect();
    // Its tags of the training data come from passes that did not see the sentence (4 folds),
    // so that the second pass learns how far to trust it.
    const FOLDS: usize = 4;
    let mut ahead: Vec<Vec<usize>> = vec![Vec::new(); sentences.len()];
    for fold in 0..FOLDS {
        let (held, kept): (Vec<usize>, Vec<usize>) =
            (0..sentences.len()).partition(|&k| k % FOLDS == fold);
        let weights =
            Rows::of(&train_pass(&back_feats, &back_gold, &kept, epochs, seed, &mut |_, _| {}));
        for k in held {
            ahead[k] = Tagger::greedy(&weights, &back_feats[k]);
            ahead[k].reverse();
        }
    }
    let all: Vec<usize> = (0..sentences.len()).collect();
    tagger.backward =
        Rows::of(&train_pass(&back_feats, &back_gold, &all, epochs, seed, &mut |_, _| {}));
    let feats: Vec<Statics> = sentences
        .iter()
        .zip(&ahead)
        .map(|((words, _), ahead)| tagger.static_features(words, Some(ahead)))
        .collect();
    let mut report = |epoch: usize, weights: &[f32]| {
        let so_far = Tagger {
            backward: tagger.backward.clone(),
            forward: Rows::of(weights),
            classes: tagger.classes.clone(),
            names: tagger.names.clone(),
        };
        progress(epoch, &so_far);
    };
    let forward = train_pass(&feats, &gold, &all, epochs, seed, &mut report);
    tagger.forward = Rows::of(&forward);
    tagger
}

/// One pass of averaged-perceptron training over the sentences `use_`, visiting them in an
/// order shuffled by `seed`; `progress` sees the averaged weights after each epoch.
fn train_pass(
    feats: &[Statics],
    gold: &[Vec<usize>],
    use_: &[usize],
    epochs: usize,
    seed: u64,
    progress: &mut dyn FnMut(usize, &[f32]),
) -> Vec<f32> {
    let mut weights = vec![0.0f32; BUCKETS * N];
    let mut averager = Averager::new(BUCKETS * N);
    let mut clock: u32 = 0;
    let mut order: Vec<usize> = use_.to_vec();
    let mut rng = seed;
    let mut ids = Vec::with_capacity(64);
    for epoch in 1..=epochs {
        shuffle(&mut order, &mut rng);
        for &k in &order {
            let gold = &gold[k];
            let mut guessed: Vec<usize> = Vec::with_capacity(gold.len());
            for (i, (static_ids, s)) in feats[k].iter().enumerate() {
                clock += 1;
                ids.clear();
                ids.extend_from_slice(static_ids);
                // The history is the tagger's own guesses, as it will be when tagging.
                let t1 = if i >= 1 { guessed[i - 1] } else { START };
                let t2 = if i >= 2 { guessed[i - 2] } else { START };
                Tagger::dynamic(s, t1, t2, &mut ids);
                let guess = Tagger::best(&Tagger::scores(&weights, &ids));
                let truth = gold[i];
                if guess != truth {
                    for &f in &ids {
                        averager.update(&mut weights, f as usize * N + truth, 1.0, clock);
                        averager.update(&mut weights, f as usize * N + guess, -1.0, clock);
                    }
                }
                guessed.push(guess);
            }
        }
        // Averaging costs a pass over the table: only when someone looks, and at the end.
        if epoch == epochs {
            let averaged = averager.averaged(&weights, clock);
            progress(epoch, &averaged);
            return averaged;
        }
        progress(epoch, &averager.averaged(&weights, clock));
    }
    weights
}
