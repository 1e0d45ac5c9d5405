//! Tests of the labelled set's copies and of the pair counts.

use super::*;

const TEXT: &str = "Court jails former minister\n\nA court in Velmora on Tuesday sentenced a \
former interior minister to twelve years in prison. Judges said he approved the transfer of \
detainees to a secret facility. His lawyer said he would appeal.\n\nRights groups welcomed \
the verdict as the first of its kind. The minister fled in 2014 and was extradited last year.";

#[test]
fn the_same_seed_makes_the_same_copies_and_another_seed_others() {
    let a = rehost(&[TEXT, TEXT], 3, 7);
    let b = rehost(&[TEXT, TEXT], 3, 7);
    let c = rehost(&[TEXT, TEXT], 3, 8);
    assert_eq!(a.len(), 6);
    assert!(a.iter().zip(&b).all(|(x, y)| x.bytes == y.bytes && x.file_name == y.file_name));
    assert!(a.iter().zip(&c).any(|(x, y)| x.bytes != y.bytes));
    assert_eq!(a.iter().map(|c| c.of).collect::<Vec<_>>(), vec![0, 0, 0, 1, 1, 1]);
}

#[test]
fn copies_keep_most_of_the_story_inside_site_clutter() {
    for c in rehost(&[TEXT], 8, 3) {
        let page = String::from_utf8(c.bytes).unwrap();
        assert!(page.contains("Privacy policy"), "{page}");
        assert!(page.contains("the transfer of") || page.contains("Rights groups"), "{page}");
    }
}

#[test]
fn pairs_are_counted_against_the_truth() {
    // Three documents of origin 0, one of origin 1; the clustering joins 0–1 and 2–3.
    let c = score(&[0, 0, 0, 1], &[5, 5, 6, 6]);
    assert_eq!(c, PairCounts { truth: 3, predicted: 2, correct: 1 });
    assert_eq!(c.precision(), 0.5);
    assert!((c.recall() - 1.0 / 3.0).abs() < 1e-9);
}

#[test]
fn the_main_names_are_the_most_repeated_capitalised_words_inside_sentences() {
    let text = "Police said on Monday that Daren Ostavik fled. Later Ostavik was seen with Mira \
                Holt in the capital, where Ostavik lives. Police found him near Karsk, and Holt \
                and Ostavik left Karsk for Karsk airport with Holt.";
    assert_eq!(main_names(text), ["Ostavik", "Holt", "Karsk"]);
    assert!(main_names("no names here at all, only Once").is_empty());
}
