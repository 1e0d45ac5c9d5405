//! How common a name is: a common name without a birth date is for review, a common given
//! name more or left out, on invented names in indexes where filler entries make a given name
//! common (apart from `tests`, which is long).

use super::tests::{best, person};
use super::tests_blocking::many_eddas;
use super::*;

#[test]
fn a_common_name_without_a_birth_date_is_for_review() {
    // Forty listed people bear both words: the name alone cannot say which one is meant.
    let entries: Vec<Entry> = (0..40)
        .map(|i| {
            let born = format!("19{:02}-03-0{}", 40 + i, 1 + i % 9);
            person(
                &i.to_string(),
                &[&format!("HOLL, Piet {}", "Kasimir".repeat(1 + i))],
                &[&born],
                &[],
            )
        })
        .collect();
    let index = Index::new(entries);
    // Not a match (the learned score puts forty equal candidates below review), and not
    // one by hand either: held for review as a common name.
    let found = index.check(&Query::name("Piet Holl"), 5, 0.0);
    assert!(found.iter().all(|m| m.verdict != Verdict::Match), "{found:?}");
    let index = index.with_model(None);
    let m = best(&index, &Query::name("Piet Holl")).unwrap();
    assert_eq!(m.verdict, Verdict::Unsure, "{}", m.explain());
    assert!(m.explain().contains("a common name"), "{}", m.explain());
    let index = index.with_model(Some(model::shipped().clone()));
    let q = Query { birth_date: Some("1945-03-06".into()), ..Query::name("Piet Holl") };
    let m = best(&index, &q).unwrap();
    assert_eq!(index.entries()[m.entry].record, "5");
    assert_eq!(m.verdict, Verdict::Match, "{}", m.explain());
}

/// Forty listed people whose first given name is "Kasimir", so that it is a common word,
/// and the people of a test.
fn with_common_given_name(people: &[(&str, &str)]) -> Index {
    let mut entries: Vec<Entry> = (0..160)
        .map(|i| {
            person(&format!("9{i}"), &[&format!("{}, Kasimir", "Varsk".repeat(1 + i))], &[], &[])
        })
        .collect();
    entries.extend(people.iter().map(|(record, name)| person(record, &[name], &[], &[])));
    Index::new(entries)
}

#[test]
fn one_common_given_name_more_in_the_query_still_matches() {
    let index =
        with_common_given_name(&[("1", "WIELGOSZ, Tomasz"), ("2", "QUENBY, Kasimir Marisol")]);
    let m = best(&index, &Query::name("Kasimir Tomasz Wielgosz")).unwrap();
    assert_eq!(index.entries()[m.entry].record, "1");
    assert_eq!(m.verdict, Verdict::Match, "{}", m.explain());
    assert!(m.explain().contains("given name kasimir on one side only"), "{}", m.explain());
    // A rarer given name more may be a relative's: for review at most.
    let m = best(&index, &Query::name("Piet Tomasz Wielgosz")).unwrap();
    assert_ne!(m.verdict, Verdict::Match, "{}", m.explain());
    // A title said as a given name ("Hafiz", who knows the Quran by heart) is left out as
    // often as a very common given name.
    let m = best(&index, &Query::name("Hafiz Tomasz Wielgosz")).unwrap();
    assert!(m.explain().contains("given name hafiz on one side only"), "{}", m.explain());
    // The list's first given name missing from the query: the query may name the father.
    let m = best(&index, &Query::name("Marisol Quenby")).unwrap();
    assert_eq!(index.entries()[m.entry].record, "2");
    assert_ne!(m.verdict, Verdict::Match, "{}", m.explain());
}

#[test]
fn one_given_name_more_is_unsure_when_a_namesake_fits_as_well() {
    let index =
        with_common_given_name(&[("1", "WIELGOSZ, Tomasz"), ("2", "WIELGOSZ, Kasimir Tomasz")]);
    // The one with every word is a match; the one without the common given name cannot be
    // told from it: not a match (for review by hand, below review by the learned score,
    // which reads the full name's better fit).
    let found = index.check(&Query::name("Kasimir Tomasz Wielgosz"), 5, 0.3);
    let second = found.iter().find(|m| index.entries()[m.entry].record == "2").unwrap();
    assert_eq!(second.verdict, Verdict::Match, "{}", second.explain());
    let first = found.iter().find(|m| index.entries()[m.entry].record == "1");
    assert!(first.is_none_or(|m| m.verdict != Verdict::Match), "{:?}", first.map(|m| m.explain()));
    let index = index.with_model(None);
    let found = index.check(&Query::name("Kasimir Tomasz Wielgosz"), 5, 0.3);
    let first = found.iter().find(|m| index.entries()[m.entry].record == "1").unwrap();
    assert_eq!(first.verdict, Verdict::Unsure, "{}", first.explain());
    assert!(first.explain().contains("another listed person fits as well"), "{}", first.explain());
}

#[test]
fn a_close_spelling_of_a_rare_surname_is_weighed_but_two_common_given_names_are_held() {
    // "Varnhosmir" for "Varnholmer": two letters another way, the first kept, beside the same
    // given name: the learned score weighs it (a transliteration more often than another
    // family).
    let index = many_eddas();
    let m = best(&index, &Query::name("Edda Varnhosmir")).expect("a candidate");
    assert_eq!(index.entries()[m.entry].record, "1", "{}", m.explain());
    assert!(m.held.is_none(), "{}", m.explain());
    // The listed surname with an ending added is another form of the family name (a
    // relative's, often): held at the hand score.
    let m = best(&index, &Query::name("Edda Varnholmera")).expect("a candidate");
    assert_eq!(index.entries()[m.entry].record, "1", "{}", m.explain());
    assert!(m.held.is_some(), "{}", m.explain());
    // Two given names many listed people bear, close in spelling, are two names: the hand
    // score holds ("Marit" is not "Marita", whatever the shared surname).
    let mut entries = vec![person("1", &["OSTERVANG, Marita"], &[], &[])];
    let letters = ["b", "d", "f", "g", "k", "l", "m", "p", "r", "s", "t", "v", "z"];
    for (i, a) in letters.iter().enumerate() {
        for (j, b) in letters.iter().enumerate() {
            let at = i * 10 + j;
            entries.push(person(
                &format!("{}", 100 + at),
                &[&format!("BRENN{a}O{b}, Marita")],
                &[],
                &[],
            ));
            entries.push(person(
                &format!("{}", 200 + at),
                &[&format!("KALD{a}A{b}, Marit")],
                &[],
                &[],
            ));
        }
    }
    let index = Index::new(entries);
    let m = best(&index, &Query::name("Marit Ostervang")).expect("a candidate");
    assert_eq!(index.entries()[m.entry].record, "1", "{}", m.explain());
    assert!(m.explain().contains("marit ~ marita (close spelling)"), "{}", m.explain());
    assert!(m.held.is_some(), "{}", m.explain());
}

#[test]
fn a_common_given_name_left_out_beats_a_rarer_one_said_more() {
    // "Kasimir" is common among 40 listed names; "Piet Oranje" and "Kasimir Oranje" are two
    // listed people. "Kasimir Piet Oranje" is likelier Piet (a common first given name left
    // out) than Kasimir (the rarer "Piet" said more): Kasimir may not be the match.
    let mut entries: Vec<Entry> = (0..40)
        .map(|k| person(&format!("{}", 100 + k), &[&format!("VARSK{k}, Kasimir")], &[], &[]))
        .collect();
    entries.push(person("1", &["ORANJE, Kasimir"], &[], &[]));
    entries.push(person("2", &["ORANJE, Piet"], &[], &[]));
    let index = Index::new(entries);
    let found = index.check(&Query::name("Kasimir Piet Oranje"), 5, 0.0);
    let kasimir = found.iter().find(|m| index.entries()[m.entry].record == "1");
    assert!(kasimir.is_none_or(|m| m.verdict != Verdict::Match), "{found:#?}");
}

#[test]
fn a_devotional_first_given_name_is_left_out_where_names_carry_one() {
    // "Kasimir" is common among 40 listed names. Where a leading very common given name is
    // devotional (Pakistan), "Piet Oranje" is "ORANJE, Kasimir Piet" said without it; where a
    // chain of fathers' names may follow it (Syria), "Piet" may be the father's name, and the
    // list's first given name meeting nothing costs.
    let mut entries: Vec<Entry> = (0..40)
        .map(|k| person(&format!("{}", 100 + k), &[&format!("VARSK{k}, Kasimir")], &[], &[]))
        .collect();
    entries.push(person("1", &["ORANJE, Kasimir Piet"], &[], &["Pakistan"]));
    entries.push(person("2", &["LORN, Kasimir Edda"], &[], &["Syria"]));
    // A title carried as a first given name, never common.
    entries.push(person("3", &["HOLL, Hafiz Anselm"], &[], &["Pakistan"]));
    // No nationality listed, but a place of birth in Pakistan (as many listings say it).
    let mut born_there = person("4", &["QUENBY, Kasimir Marisol"], &[], &[]);
    born_there.birth_places.push("Varsk, Lornby District, Pakistan".into());
    entries.push(born_there);
    entries.push(person("5", &["VREEKE, Kasimir Anselm"], &[], &["Iran"]));
    let index = Index::new(entries);
    let check = |name: &str, record: &str| {
        let found = index.check(&Query::name(name), 5, 0.0);
        let m = found.iter().find(|m| index.entries()[m.entry].record == record).cloned();
        m.unwrap_or_else(|| panic!("{name}: {found:#?}")).explain()
    };
    assert!(!check("Piet Oranje", "1").contains("first given name"));
    assert!(check("Edda Lorn", "2").contains("first given name aligns with nothing"));
    assert!(!check("Anselm Holl", "3").contains("first given name"));
    assert!(!check("Marisol Quenby", "4").contains("first given name"));
    assert!(!check("Anselm Vreeke", "5").contains("first given name"));
}

#[test]
fn a_compound_given_name_left_over_counts_as_one_word() {
    let index = Index::new(vec![person("1", &["VARSKI, Piet"], &[], &[])]);
    let left = |q: &str| first_features(&index, q)[model::F_QUERY_LEFT];
    // "Abd al-Horvat" is one name: one of three left over; "Edda Horvat" two of four.
    assert!((left("VARSKI, Piet Abd al-Horvat") - 1.0 / 3.0).abs() < 1e-6);
    assert!((left("VARSKI, Piet Edda Horvat") - 0.5).abs() < 1e-6);
}

#[test]
fn a_second_family_name_left_out_is_no_listed_word_left_over() {
    let index = Index::new(vec![person("1", &["LORN QUENBY, Piet"], &[], &[])]);
    let left = |q: &str| first_features(&index, q)[model::F_LISTED_LEFT];
    // The mother's family name, which Spanish and Portuguese names leave out.
    assert_eq!(left("Piet Lorn"), 0.0);
    // The father's left out is not how the name is shortened.
    assert!(left("Piet Quenby") > 0.0);
}

#[test]
fn a_fathers_name_the_list_does_not_write_is_no_word_left_over() {
    let left = |listed: &str, q: &str| {
        let index = Index::new(vec![person("1", &[listed], &[], &[])]);
        first_features(&index, q)[model::F_QUERY_LEFT]
    };
    assert_eq!(left("VARSKI, Piet", "Piet Tomaszovich Varski"), 0.0);
    assert_eq!(left("VARSKI, Piet", "Piet Ben Tomasz Ben Edda Varski"), 0.0);
    // Where the list writes a father's name, another one is another father's.
    assert!(left("VARSKI, Piet Kasimirovich", "Piet Tomaszovich Varski") > 0.0);
}

#[test]
fn a_rival_that_leaves_a_rare_word_unmet_is_none_of_a_name_met_but_for_a_common_one() {
    // Many listed people bear "Kasimir": left unmet, it costs little.
    let syllables = ["lor", "van", "ket", "mos", "dri", "bel", "sun", "tav"];
    let mut entries: Vec<Entry> = Vec::new();
    for (k, a) in syllables.iter().enumerate() {
        for b in &syllables[k + 1..] {
            let name = format!("{a}{b}ski, Kasimir").to_uppercase();
            entries.push(person(&format!("{a}{b}"), &[name.as_str()], &[], &[]));
        }
    }
    entries.push(person("1", &["VARSKI, Piet"], &[], &[]));
    entries.push(person("2", &["VARSKI, Kasimir"], &[], &[]));
    let index = Index::new(entries);
    let margin = features_of(&index, "Kasimir Piet Varski", "1")[model::F_MARGIN];
    // "VARSKI, Kasimir" leaves the rare "Piet" unmet: "VARSKI, Piet" stands alone.
    assert_eq!(margin, 1.0);
}

#[test]
fn a_shorter_name_the_query_contains_is_no_rival_of_the_whole_name() {
    let margin = |entries: Vec<Entry>, record: &str| {
        features_of(&Index::new(entries), "Piet Tomasz Varski", record)[model::F_MARGIN]
    };
    let whole = || person("1", &["VARSKI, Piet Tomasz"], &[], &[]);
    // "VARSKI, Piet" met only what the whole name met: no rival to it.
    assert_eq!(margin(vec![whole(), person("2", &["VARSKI, Piet"], &[], &[])], "1"), 1.0);
    // A name with a word of its own left over ("Edda") still has the whole name as its rival.
    let longer = person("3", &["VARSKI, Piet Tomasz Edda"], &[], &[]);
    assert!(margin(vec![whole(), longer], "3") < 0.0);
}

#[test]
fn a_query_that_says_a_chain_of_given_names_more_only_says_more() {
    // "WIELGOSZ, Tomasz" said with his father's and grandfather's names, as a list of another
    // authority writes him: the family name whole and the first given name met, the rest
    // only said more, though a looser rule had lifted the name as far already.
    let index = Index::new(vec![person("1", &["WIELGOSZ, Tomasz"], &[], &[])]);
    let m = best(&index, &Query::name("WIELGOSZ, Tomasz Anselm Kasimir Vreeke")).unwrap();
    assert_eq!(m.verdict, Verdict::Match, "{}", m.explain());
    // Not where the family name met only in part.
    let index = Index::new(vec![person("1", &["VREEKE, Tomasz"], &[], &[])]);
    let m = best(&index, &Query::name("ANSELM VREEKE, Tomasz Kasimir Holl")).unwrap();
    assert_ne!(m.verdict, Verdict::Match, "{}", m.explain());
}

#[test]
fn a_query_says_more_of_one_entry_only_where_no_other_fits_it_better() {
    // "HOLL, Kasimir Tomasz" says more than "HOLL, Kasimir", but names "HOLL, Tomasz" better:
    // a very common given name more before the rarer one that met.
    let index = with_common_given_name(&[("1", "HOLL, Kasimir"), ("2", "HOLL, Tomasz")]);
    let found = index.check(&Query::name("HOLL, Kasimir Tomasz"), 5, 0.3);
    let first = found.iter().find(|m| index.entries()[m.entry].record == "1").expect("found");
    assert_ne!(first.verdict, Verdict::Match, "{}", first.explain());
}

#[test]
fn a_very_common_first_given_name_more_is_not_held_as_a_relatives() {
    // "Kasimir Tomasz Lornby" for "LORN-LORNBY, Tomasz" (the surname met by a part of it): a
    // leading given name very many bear opens a double given name said without it.
    let index = with_common_given_name(&[("1", "VARSK-LORNBY, Tomasz")]);
    let m = best(&index, &Query::name("Kasimir Tomasz Lornby")).unwrap();
    assert_eq!(m.verdict, Verdict::Match, "{}", m.explain());
    // A rarer one may be a relative's.
    let index = with_common_given_name(&[("1", "VARSK-LORNBY, Tomasz")]);
    let m = best(&index, &Query::name("Piet Tomasz Lornby")).unwrap();
    assert_ne!(m.verdict, Verdict::Match, "{}", m.explain());
}

#[test]
fn a_query_that_joins_two_listed_words_and_says_more_only_says_more() {
    // "Abdulvarsk" written as one, the father's name after it: every listed word met.
    let index = Index::new(vec![person("1", &["AL-LORNBY, Abdul Varsk"], &[], &[])]);
    let m = best(&index, &Query::name("AL-LORNBY, Abdulvarsk Tomasz")).unwrap();
    assert_eq!(m.verdict, Verdict::Match, "{}", m.explain());
}

#[test]
fn a_word_is_not_two_listed_syllables_joined_when_it_is_one_of_them() {
    // "Kheng" is not "Kheng Yu" written as one: "Yu" would be unsaid, and "Kheng Ho Lorn" is
    // another man than "LORN, Kheng Yu".
    let index = Index::new(vec![person("1", &["LORN, Kheng Yu"], &[], &[])]);
    let m = best(&index, &Query::name("LORN, Kheng Ho")).unwrap();
    assert_ne!(m.verdict, Verdict::Match, "{}", m.explain());
}

#[test]
fn a_name_turned_round_with_one_word_romanised_another_way_is_a_family_name_first() {
    let index = Index::new(vec![person("1", &["PRAVANTWORA, Edda"], &[], &[])]);
    let m = best(&index, &Query::name("PRAVANTAWORA, Edda")).unwrap();
    assert!(m.explain().contains("transliteration variant"), "{}", m.explain());
    let m = best(&index, &Query::name("EDDA, Pravantawora")).unwrap();
    assert_eq!(m.verdict, Verdict::Match, "{}", m.explain());
    // Not where the word romanised is of one syllable.
    let index = Index::new(vec![person("1", &["SHAUNG, Lorn"], &[], &[])]);
    let m = best(&index, &Query::name("Saung Lorn")).unwrap();
    assert_ne!(m.verdict, Verdict::Match, "{}", m.explain());
}

#[test]
fn a_close_spelling_that_opens_with_k_for_q_is_not_held_as_far() {
    // The Arabic qaf is "q" or "k": "Kharanski" for "Qaranski" beside a given name the same
    // is the learned score's to weigh, as a close spelling that keeps its first letter is.
    let index = Index::new(vec![person("1", &["AL-QARINSKI, Edda"], &[], &[])]);
    let m = best(&index, &Query::name("KHARANSKI, Edda")).unwrap();
    assert!(m.explain().contains("close spelling"), "{}", m.explain());
    assert!(!m.explain().contains("held"), "{}", m.explain());
}

#[test]
fn abu_written_the_french_or_gulf_way_is_left_out_as_abu_is() {
    let index = Index::new(vec![person("1", &["HOLLAR, Abu Varsk"], &[], &[])]);
    for q in ["HOLLAR, Bu Varsk", "Abou Varsk Hollar", "HOLLAR, Bou Varsk"] {
        let m = best(&index, &Query::name(q)).unwrap();
        assert_eq!(m.verdict, Verdict::Match, "{q}: {}", m.explain());
    }
    // A Korean "Bu" before a short syllable, or a name of two words, keeps it.
    assert_eq!(Key::person("HOLL, Bu-il").words.len(), 3);
    assert_eq!(Key::person("VARSK, Bu").words.len(), 2);
    // Nor one that closes the given names, before the family name.
    assert_eq!(Key::person("HOLL, Piet Bu").words.len(), 3);
    assert_eq!(Key::person("Bu Varskell").words.len(), 2);
}

#[test]
fn an_initial_the_list_does_not_write_is_no_word_left_over() {
    let index = Index::new(vec![person("1", &["VARSKI, Piet"], &[], &[])]);
    let left = |q: &str| first_features(&index, q)[model::F_QUERY_LEFT];
    assert_eq!(left("VARSKI, Piet K"), 0.0);
    assert!(left("VARSKI, Piet Kasimir") > 0.0);
}

#[test]
fn a_pashtun_tribal_name_is_met_by_its_ancestors_name() {
    let index = Index::new(vec![person("1", &["VARSKZAI, Kasimir Tomasz"], &[], &[])]);
    let m = best(&index, &Query::name("VARSK, Kasimir Tomasz")).unwrap();
    assert!(
        m.explain().contains("varsk ~ varskzai (one part of a compound name)"),
        "{}",
        m.explain()
    );
    assert_eq!(m.verdict, Verdict::Match, "{}", m.explain());
}

#[test]
fn abd_written_apart_opens_the_given_name_it_is_said_by() {
    // "Abd al-Varsk" said by its name ("Varsk Holl"): "Abd" is never a name alone.
    let index = Index::new(vec![person("1", &["HOLLAR, Abd al Varsk"], &[], &[])]);
    let x = first_features(&index, "Varsk Hollar");
    assert_eq!(x[model::F_LISTED_LEFT], 0.0);
    assert_eq!(x[model::F_PENALTY], 0.0);
}

#[test]
fn a_query_of_the_listed_given_names_in_order_leaves_no_family_name_over() {
    let left = |listed: &str, q: &str| {
        // Among many other listed people, so that the words met are rare.
        features_of(&with_common_given_name(&[("1", listed)]), q, "1")[model::F_LISTED_LEFT]
    };
    // A person of a name chain goes by the given names ("Piet Hollard" for "VARSKI, Piet
    // Hollard").
    assert_eq!(left("VARSKI, Piet Hollard", "HOLLARD, Piet"), 0.0);
    // Not where the words met are not the first given names word for word, nor a compound
    // given name alone.
    assert!(left("VARSKI, Piet Edda Hollard", "HOLLARD, Piet") > 0.0);
    assert!(left("VARSKI, Abdul Hollard", "HOLLARD, Abdul") > 0.0);
}

/// The learned score's features of the best candidate for `q`.
fn first_features(index: &Index, q: &str) -> model::Features {
    index.features(&Query::name(q)).first().map(|(_, x)| *x).expect("a candidate")
}

/// The learned score's features of the entry with `record` as a candidate for `q`.
fn features_of(index: &Index, q: &str, record: &str) -> model::Features {
    let at = index.entries().iter().position(|e| e.record == record).expect("listed");
    let features = index.features(&Query::name(q));
    features.iter().find(|(e, _)| *e == at).map(|(_, x)| *x).expect("a candidate")
}
