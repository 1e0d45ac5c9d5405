//! Blocking: which listed names a query reads (the blocks of its rarest words, one letter
//! wide, two letters swapped), and `Index::diagnose` (split from `tests` in session 30, which
//! had passed 600 lines).

use super::tests::{best, person};
use super::*;

/// An index where "Edda" is a given name many listed people bear, and one of them bears a
/// rare surname.
pub(super) fn many_eddas() -> Index {
    let letters = ["b", "d", "f", "g", "k", "l", "m", "p", "r", "s", "t", "v", "z"];
    let mut entries = vec![person("1", &["VARNHOLMER, Edda"], &[], &[])];
    for (i, a) in letters.iter().enumerate() {
        for (j, b) in letters.iter().enumerate() {
            let record = format!("{}", 1000 + i * 100 + j);
            entries.push(person(&record, &[&format!("BRENN{a}O{b}, Edda")], &[], &[]));
        }
    }
    Index::new(entries)
}

#[test]
fn blocking_reaches_a_near_spelling_of_the_rarest_word() {
    let index = many_eddas();
    // "Edda" files too many names to be read; "Varnhosmer" is a letter off the listed
    // surname, which only the skeletons less a letter reach.
    let m = best(&index, &Query::name("Edda Varnhosmer")).expect("a candidate");
    assert_eq!(index.entries()[m.entry].record, "1", "{}", m.explain());
    assert!(m.explain().contains("varnhosmer ~ varnholmer (close spelling)"), "{}", m.explain());
    // One letter another way in a long word, its first letter kept, is a slip: the learned
    // score is not held at the hand score.
    assert_eq!(m.verdict, Verdict::Match, "{}", m.explain());
    // Another first letter is another name, or for review.
    let m = best(&index, &Query::name("Edda Warnhosmer")).expect("a candidate");
    assert_ne!(m.verdict, Verdict::Match, "{}", m.explain());
    let (reached, why) = index.diagnose(&Query::name("Edda Varnhosmer"), m.entry);
    assert!(reached && why.is_some());
}

#[test]
fn blocking_reaches_a_short_surname_a_letter_off() {
    // A surname of four consonants ("Holsani") written without one ("Holani") behind a given
    // name too many listed people bear: its skeleton less a letter is what meets it.
    let mut entries = vec![person("1", &["HOLSANI, Edda"], &[], &[])];
    let index = many_eddas();
    entries.extend(index.entries().iter().skip(1).cloned());
    let index = Index::new(entries);
    let m = best(&index, &Query::name("Edda Holani")).expect("a candidate");
    assert_eq!(index.entries()[m.entry].record, "1", "{}", m.explain());
    let (reached, _) = index.diagnose(&Query::name("Edda Holani"), 0);
    assert!(reached);
}

#[test]
fn blocking_reaches_a_rare_word_with_two_letters_swapped() {
    // "Vahstelor" for "Vashtelor": "sh" is one sound, so the skeletons are two letters apart;
    // the one block they share ("-vtlr") files so many names that it is not kept.
    let mut entries = vec![person("1", &["VASHTELOR, Edda"], &[], &[])];
    let index = many_eddas();
    entries.extend(index.entries().iter().skip(1).cloned());
    for (i, c) in ["b", "f", "k", "l", "m", "r", "n", "s"].iter().enumerate() {
        for given in ["Piet", "Kasimir"] {
            let name = format!("VA{c}TELOR, {given}");
            entries.push(person(&format!("{}{given}", 5000 + i), &[&name], &[], &[]));
        }
    }
    let index = Index::new(entries);
    let (reached, _) = index.diagnose(&Query::name("Edda Vahstelor"), 0);
    assert!(reached);
}

#[test]
fn diagnose_tells_blocking_from_alignment() {
    let index = many_eddas();
    // Only the common given name aligns: blocking does not read its block, and the names
    // alone could not reach a candidate's score.
    let (reached, why) = index.diagnose(&Query::name("Edda Oranjeholl"), 0);
    assert!(!reached);
    assert!(why.is_some_and(|m| m.name_score < LEARNED_LEAST));
}
