//! Tests of the analyzer's pieces: CoNLL-U reading and writing, lemma edits, a tiny model that
//! learns and round-trips, and totality over arbitrary text.

use proptest::prelude::*;

use super::lemma::{Case, Edit};
use super::*;

const TINY: &str = "# sent_id = 1
# text = The cats sat.
1\tThe\tthe\tDET\tDT\t_\t2\tdet\t2:det\t_
2\tcats\tcat\tNOUN\tNNS\t_\t3\tnsubj\t3:nsubj\t_
3\tsat\tsit\tVERB\tVBD\t_\t0\troot\t0:root\tSpaceAfter=No
4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t3:punct\t_

# sent_id = 2
1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_
1\tdo\tdo\tAUX\tVBP\t_\t3\taux\t3:aux\t_
2\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t3:advmod\t_
3\tgo\tgo\tVERB\tVB\t_\t0\troot\t0:root\t_
3.1\tgone\tgo\tVERB\tVBN\t_\t_\t_\t3:conj\t_
4\tKestrel\tKestrel\tPROPN\tNNP\t_\t3\tobj\t3:obj\t_
";

#[test]
fn conllu_skips_multiword_tokens_and_empty_nodes_and_writes_back() {
    let sentences = read_conllu(TINY).unwrap();
    assert_eq!(sentences.len(), 2);
    assert_eq!(sentences[1].forms(), ["do", "n't", "go", "Kestrel"]);
    let written: String = sentences.iter().map(Sentence::text).collect();
    assert_eq!(written, format!("{TINY}\n"));
    let bad = read_conllu("1\tonly\tthree\n").unwrap_err();
    assert_eq!((bad.line, bad.found), (1, 3));
}

#[test]
fn edits_are_cheapest_and_apply_back() {
    for (form, lemma) in [
        ("studies", "study"),
        ("Running", "run"),
        ("Kestrel", "Kestrel"),
        ("n't", "not"),
        ("I", "I"),
    ] {
        assert_eq!(Edit::between(form, lemma).apply(form), lemma, "{form}");
    }
    assert_eq!(Edit::between("The", "the").case, Case::Lower);
    assert_eq!(Edit::between("Americans", "American").case, Case::Keep);
    assert_eq!(Edit::between("i", "I").case, Case::Title);
    let over = Edit { case: Case::Lower, cut: 9, add: String::new() };
    assert_eq!(over.apply("ab"), "ab");
}

#[test]
fn a_tiny_model_learns_and_round_trips() {
    let data = read_conllu(TINY).unwrap();
    let config =
        TrainConfig { epochs: 5, parser_epochs: 4, folds: 1, prune: false, seed: 1, beam: 4 };
    let model = train(&data, &config, |_, _, _| {}).unwrap();
    let tags = |m: &Analyzer, words: &[&str]| -> Vec<(Upos, String)> {
        m.analyse(words).into_iter().map(|a| (a.upos, a.lemma)).collect()
    };
    let first = tags(&model, &["The", "cats", "sat", "."]);
    assert_eq!(first[1], (Upos::Noun, "cat".to_string()));
    assert_eq!(first[2], (Upos::Verb, "sit".to_string()));
    let tree: Vec<(usize, String)> = model
        .analyse(&["The", "cats", "sat", "."])
        .into_iter()
        .map(|a| (a.head, a.deprel))
        .collect();
    let expected = [(2, "det"), (3, "nsubj"), (0, "root"), (3, "punct")];
    assert_eq!(tree, expected.map(|(h, r)| (h, r.to_string())));
    let mut bytes = Vec::new();
    model.save(&mut bytes).unwrap();
    let again = Analyzer::from_bytes(&bytes).unwrap();
    assert_eq!(tags(&again, &["The", "cats", "sat", "."]), first);
    let mut twice = Vec::new();
    again.save(&mut twice).unwrap();
    assert_eq!(bytes, twice, "saving is deterministic");
    assert!(matches!(Analyzer::from_bytes(b"garbage"), Err(ModelError::Format)));
    assert!(matches!(Analyzer::from_bytes(&bytes[..bytes.len() - 1]), Err(ModelError::Format)));
}

#[test]
fn the_builtin_model_saves_back_to_its_own_bytes() {
    // Reading keeps every weight and writing restores the file's order: what the sparse tables
    // hold is exactly what was trained.
    let mut bytes = Vec::new();
    builtin().unwrap().save(&mut bytes).unwrap();
    assert!(bytes == BUILTIN, "the shipped model does not round-trip");
}

#[test]
fn the_next_words_tag_picks_the_lemma_where_the_treebank_splits_a_word() {
    use super::lemma::{Lemmatizer, next_key};
    let (noun, verb) = (next_key(Some(Upos::Noun)), next_key(Some(Upos::Verb)));
    let words = [
        ("her", Upos::Pron, noun, "her", false),
        ("her", Upos::Pron, noun, "her", false),
        ("her", Upos::Pron, verb, "she", false),
        ("her", Upos::Pron, next_key(None), "she", false),
        ("her", Upos::Pron, next_key(None), "she", false),
    ];
    let lemmatizer = Lemmatizer::train(words);
    assert_eq!(lemmatizer.lemma("her", Upos::Pron, noun, false), "her");
    assert_eq!(lemmatizer.lemma("Her", Upos::Pron, noun, true), "her");
    assert_eq!(lemmatizer.lemma("her", Upos::Pron, next_key(None), false), "she");
    assert_eq!(lemmatizer.lemma("her", Upos::Pron, next_key(Some(Upos::Adp)), false), "she");
}

#[test]
fn an_unseen_words_lemma_is_a_known_one_where_an_edit_of_its_endings_makes_one() {
    use super::lemma::{Lemmatizer, next_key};
    let end = next_key(None);
    let verb = |form, lemma| (form, Upos::Verb, end, lemma, false);
    let adj = |form, lemma| (form, Upos::Adj, end, lemma, false);
    // "-ed" is cut by three word types (the rule), "-d" by two (the ending's second edit).
    let words = [
        verb("walked", "walk"),
        verb("jumped", "jump"),
        verb("played", "play"),
        verb("liked", "like"),
        verb("saved", "save"),
        verb("time", "time"),
        adj("quiet", "quiet"),
        adj("better", "good"),
        ("1,250", Upos::Num, end, "1250", false),
    ];
    let lemmatizer = Lemmatizer::train(words);
    assert_eq!(lemmatizer.lemma("liked", Upos::Verb, end, false), "like", "seen");
    assert_eq!(lemmatizer.lemma("opened", Upos::Verb, end, false), "open", "the rule");
    // The rule makes "tim", which the treebank never gave a verb; the second edit makes the
    // known "time".
    assert_eq!(lemmatizer.lemma("timed", Upos::Verb, end, false), "time");
    // No edit makes a known lemma: the rule's.
    assert_eq!(lemmatizer.lemma("hoped", Upos::Verb, end, false), "hop");
    // A word's whole replacement is no rule for other words with its ending.
    assert_eq!(lemmatizer.lemma("setter", Upos::Adj, end, false), "setter");
    assert_eq!(lemmatizer.lemma("2,400,017", Upos::Num, end, false), "2400017");
    assert_eq!(lemmatizer.lemma("12,5", Upos::Num, end, false), "12,5");
    assert_eq!(lemmatizer.lemma("1,000.5", Upos::Num, end, false), "1000.5");
}

#[test]
fn training_names_a_bad_tag() {
    let data = read_conllu("1\tx\tx\tNOPE\t_\t_\t0\troot\t_\t_\n").unwrap();
    let err = train(&data, &TrainConfig::default(), |_, _, _| {}).err().unwrap();
    assert_eq!(err.found, "NOPE");
}

static ANALYZER: std::sync::LazyLock<Analyzer> =
    std::sync::LazyLock::new(|| builtin().expect("the built-in syntax model loads"));

#[test]
fn the_builtin_model_tags_and_lemmatizes_a_plain_sentence() {
    let words =
        ["The", "ministers", "were", "sanctioned", "by", "the", "British", "government", "."];
    let got: Vec<(&str, String)> =
        ANALYZER.analyse(&words).into_iter().map(|a| (a.upos.as_str(), a.lemma)).collect();
    let upos: Vec<&str> = got.iter().map(|g| g.0).collect();
    assert_eq!(upos, ["DET", "NOUN", "AUX", "VERB", "ADP", "DET", "ADJ", "NOUN", "PUNCT"]);
    let lemmas: Vec<&str> = got.iter().map(|g| g.1.as_str()).collect();
    assert_eq!(
        lemmas,
        ["the", "minister", "be", "sanction", "by", "the", "British", "government", "."]
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// Tagging and lemmatizing are total over any words: every word gets a tag and a lemma.
    #[test]
    fn analysis_is_total_over_arbitrary_words(
        text in test_utils::hostile::newsy_text(30),
        odd in proptest::collection::vec("\\PC*", 0..8),
    ) {
        let mut words: Vec<&str> = text.split(' ').collect();
        words.extend(odd.iter().map(String::as_str));
        let analyses = ANALYZER.analyse(&words);
        prop_assert_eq!(analyses.len(), words.len());
    }
}

#[test]
fn a_beam_of_one_is_the_greedy_parser_and_a_wider_one_still_makes_trees() {
    let mut compared = 0;
    // Two documents: the parser is slow in unoptimised test builds.
    for seed in ["000", "001"] {
        let text = String::from_utf8_lossy(&test_utils::seed_bytes(seed)).into_owned();
        let tokens = crate::tokens::tokenize(&text);
        for s in crate::tokens::sentences(&text, &tokens) {
            let words: Vec<&str> = tokens[s.tokens].iter().map(|t| &text[t.span.clone()]).collect();
            compare(&words);
            compared += 1;
        }
    }
    assert!(compared > 20, "{compared} sentences");
    fn compare(words: &[&str]) {
        let parser = ANALYZER.parser.as_ref().expect("the built-in model has a parser");
        let tags = ANALYZER.tagger.tag(words);
        assert_eq!(parser.parse_beam(words, &tags, 1), parser.parse_greedy(words, &tags));
        let wide = parser.parse_beam(words, &tags, 6);
        assert_eq!(wide.len(), words.len());
        if !words.is_empty() {
            assert_eq!(wide.iter().filter(|a| a.head == 0).count(), 1, "{words:?}");
        }
    }
}

#[test]
fn the_builtin_model_parses_who_did_what_to_whom_whatever_the_voice() {
    let analyzer = builtin().unwrap();
    let arcs = |words: &[&str]| -> Vec<(usize, String)> {
        analyzer.analyse(words).into_iter().map(|a| (a.head, a.deprel)).collect()
    };
    let active = arcs(&["The", "committee", "sanctioned", "Tomasz", "Wielgosz", "."]);
    assert_eq!(active[2], (0, "root".to_string()));
    assert_eq!(active[1], (3, "nsubj".to_string()));
    // The name's head (either word, as the treebank's "flat" or "compound" has it) is the
    // object.
    assert!(active[3..5].contains(&(3, "obj".to_string())), "{active:?}");
    let passive = arcs(&["Tomasz", "Wielgosz", "was", "sanctioned", "by", "the", "committee", "."]);
    assert_eq!(passive[0], (4, "nsubj:pass".to_string()));
    assert_eq!(passive[2], (4, "aux:pass".to_string()));
    assert_eq!(passive[6], (4, "obl:agent".to_string()));
    assert_eq!(passive[4], (7, "case".to_string()));
}

/// A digest of everything the built-in model says about the five seed documents (tags,
/// lemmas, heads, relations), pinned: a change made for speed must leave it as it is. Only
/// a new model may change it (then print the new value with `--nocapture` and pin it again).
#[test]
fn the_builtin_models_analysis_of_the_seeds_is_pinned() {
    let mut digest: u64 = 0xcbf2_9ce4_8422_2325;
    let mut mix = |s: &str| {
        for b in s.bytes().chain([0xff]) {
            digest ^= u64::from(b);
            digest = digest.wrapping_mul(0x0100_0000_01b3);
        }
    };
    let mut words_seen = 0;
    for seed in ["000", "001", "002", "003", "004"] {
        let text = String::from_utf8_lossy(&test_utils::seed_bytes(seed)).into_owned();
        let tokens = crate::tokens::tokenize(&text);
        for s in crate::tokens::sentences(&text, &tokens) {
            let words: Vec<&str> = tokens[s.tokens].iter().map(|t| &text[t.span.clone()]).collect();
            // The same words in capitals and in lowercase too: web text's other two profiles.
            let upper: Vec<String> = words.iter().map(|w| w.to_uppercase()).collect();
            let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
            for sentence in [
                words.clone(),
                upper.iter().map(String::as_str).collect(),
                lower.iter().map(String::as_str).collect(),
            ] {
                for a in ANALYZER.analyse(&sentence) {
                    mix(a.upos.as_str());
                    mix(&a.lemma);
                    mix(&a.head.to_string());
                    mix(&a.deprel);
                    words_seen += 1;
                }
            }
        }
    }
    println!("digest {digest:#018x} over {words_seen} words");
    assert!(words_seen > 3000, "{words_seen} words");
    assert_eq!(digest, PINNED, "the built-in model's analysis changed: {digest:#018x}");
}

/// See [`the_builtin_models_analysis_of_the_seeds_is_pinned`]. Pinned again when the
/// tokenizer split the breadcrumb glued to a seed's headline ("...StatementsTowards ...")
/// into its words and sentences: the words changed, not the model. Pinned again when
/// punctuation came to be reattached by UD's rule after the parse (`punct`): the heads of
/// marks changed, not the model. Pinned again when a relative clause between the subject and
/// its verb was hung back on the subject (`relative`): two seed sentences ("X, who was
/// recently removed from his position, reciprocated with a trip ...") changed, not the model.
/// Pinned again when the lemmatizer stopped learning from words the treebank writes in parts
/// (`goeswith`): the model's lemma rules changed, its tagger and parser did not. Pinned again
/// when an oblique hung on a noun without a copula went to the verb above it
/// (`predicate::oblique_on_verb`, read/24): two seed words ("2018", "visit") moved their heads,
/// not the model. Pinned again when the lemmatizer's rules came to change no more than their
/// ending and an unseen word's lemma came to prefer one the treebank knows: its lemma tables
/// changed, its tagger and parser did not.
const PINNED: u64 = 0xc40d_4ef7_2bd9_6d18;

/// The news lead "X, 61, who served as ..., was detained ...": the greedy parser makes the
/// relative clause the root; `relative::rehang` hangs it back on the name, which is the
/// detained one.
#[test]
fn a_relative_clause_after_the_subject_is_the_subjects_and_the_main_verb_the_root() {
    let analyzer = builtin().unwrap();
    let words = [
        "Holl", ",", "61", ",", "who", "led", "the", "agency", "until", "2020", ",", "was",
        "arrested", "on", "Monday", ".",
    ];
    let arcs: Vec<(usize, String)> =
        analyzer.analyse(&words).into_iter().map(|a| (a.head, a.deprel)).collect();
    assert_eq!(arcs[12], (0, "root".to_string()), "{arcs:?}");
    assert_eq!(arcs[0], (13, "nsubj:pass".to_string()), "{arcs:?}");
    assert_eq!(arcs[5], (1, "acl:relcl".to_string()), "{arcs:?}");
    assert_eq!(arcs[4], (6, "nsubj".to_string()), "{arcs:?}");
    assert_eq!(arcs[15].0, 13, "the period goes with the root: {arcs:?}");
}

/// "X heads Y's border police.": the tagger reads "heads" as a plural noun and leaves the
/// sentence without a verb; `predicate` gives it back.
#[test]
fn a_sentence_that_opens_with_a_name_has_its_verb() {
    let analyzer = builtin().unwrap();
    let words = ["Kasimir", "Holl", "heads", "Kenya", "'s", "border", "police", "."];
    let got = analyzer.analyse(&words);
    assert_eq!(got[2].upos, Upos::Verb, "{:?}", got.iter().map(|a| a.upos).collect::<Vec<_>>());
    assert_eq!((got[2].head, got[2].deprel.as_str()), (0, "root"));
    assert_eq!(got[2].lemma, "head");
}

/// A word the treebank writes in parts ("Nasim H Khan@X" typed as one, `goeswith`) gives its
/// first part the whole as lemma: no lemma rule of that part's ending may come of it
/// (every unseen proper noun ending in "-asim" took the e-mail address as its lemma).
#[test]
fn a_word_written_in_parts_teaches_no_lemma_rule() {
    for name in ["Vasim", "Dorasim"] {
        let a = ANALYZER.analyse(&[name, "spoke", "on", "Monday", "."]);
        assert_eq!(a[0].lemma, name, "{:?}", a[0]);
    }
}

#[test]
fn sentences_analysed_together_are_analysed_as_one_at_a_time() {
    let texts = [
        "The court sentenced the former minister to ten years .",
        "",
        "He was arrested in the capital on Monday , police said .",
        "Sanctions",
        "The colony ZK-9 is run by Colonel Tomas Welder .",
    ];
    let words: Vec<Vec<&str>> = texts.iter().map(|t| t.split_whitespace().collect()).collect();
    let sentences: Vec<&[&str]> = words.iter().map(Vec::as_slice).collect();
    // A BiLSTM parser with untrained weights: any trees, but the same either way.
    let examples: Vec<neural::Example> =
        sentences.iter().map(|s| neural::Example::unlabelled(s, &[])).collect();
    let labels = vec!["root".to_string(), "nsubj".to_string(), "obj".to_string()];
    let net = builtin().unwrap().with_neural(neural::Model::new(
        &examples,
        labels,
        3,
        neural::Shape::TAGGED,
    ));
    for analyzer in [&*ANALYZER, &net] {
        let one_by_one: Vec<Vec<Analysis>> =
            sentences.iter().map(|s| analyzer.analyse(s)).collect();
        assert_eq!(analyzer.analyse_many(&sentences), one_by_one);
    }
    assert!(ANALYZER.analyse_many(&[]).is_empty());
}

#[test]
fn the_networks_closed_class_holds_only_for_a_word_training_saw_in_it() {
    let analyzer = builtin().expect("the built-in model loads");
    let tagger = &analyzer.tagger;
    let name = |tag| tagger.seen_as("abd-al-lornby", tag);
    // A hyphenated name the network read as an adposition keeps the perceptron's tag.
    assert_eq!(network_tag(Upos::Adp, Upos::Propn, name), Upos::Propn);
    // A preposition is one; an open class is the network's whatever the word.
    assert_eq!(network_tag(Upos::Adp, Upos::Propn, |tag| tagger.seen_as("of", tag)), Upos::Adp);
    assert_eq!(network_tag(Upos::Noun, Upos::Verb, name), Upos::Noun);
}

#[test]
fn without_the_perceptron_the_networks_best_allowed_tag_stands() {
    let analyzer = builtin().expect("the built-in model loads");
    let tagger = &analyzer.tagger;
    let mut scores = [0f32; 17];
    scores[Upos::Adp.index()] = 5.0;
    scores[Upos::Propn.index()] = 3.0;
    scores[Upos::Noun.index()] = 2.0;
    // A hyphenated name read as an adposition: the best open class instead.
    assert_eq!(best_allowed_tag(&scores, |tag| tagger.seen_as("abd-al-lornby", tag)), Upos::Propn);
    // A word seen as one keeps it.
    assert_eq!(best_allowed_tag(&scores, |tag| tagger.seen_as("of", tag)), Upos::Adp);
    // Equal scores: the first, as the network's own choice.
    assert_eq!(best_allowed_tag(&[1.0; 17], |_| true), Upos::ALL[0]);
}

#[test]
fn the_taggers_second_opinion_stands_only_where_the_network_doubts_its_own() {
    let analyzer = builtin().expect("the built-in model loads");
    let tagger = &analyzer.tagger;
    let mut scores = [0f32; 17];
    scores[Upos::Noun.index()] = 4.0;
    scores[Upos::Propn.index()] = 3.9;
    scores[Upos::Adp.index()] = 3.8;
    let doubt = tag_probabilities(&scores);
    assert!((doubt.iter().sum::<f32>() - 1.0).abs() < 1e-5);
    assert!(opinion_stands(&doubt, Upos::Noun, Upos::Propn, |_| true));
    // Not its own tag again, and a closed class only for a word seen in it.
    assert!(!opinion_stands(&doubt, Upos::Noun, Upos::Noun, |_| true));
    assert!(!opinion_stands(&doubt, Upos::Noun, Upos::Adp, |t| tagger.seen_as("lornby", t)));
    assert!(opinion_stands(&doubt, Upos::Noun, Upos::Adp, |t| tagger.seen_as("of", t)));
    // A network sure of its tag keeps it.
    scores[Upos::Noun.index()] = 12.0;
    let sure = tag_probabilities(&scores);
    assert!(!opinion_stands(&sure, Upos::Noun, Upos::Propn, |_| true));
    // Scores that are no numbers change nothing.
    let broken = tag_probabilities(&[f32::NAN; 17]);
    assert!(!opinion_stands(&broken, Upos::Noun, Upos::Propn, |_| true));
}

#[test]
fn the_taggers_second_opinion_reads_the_other_words_tags_as_given() {
    let analyzer = builtin().expect("the built-in model loads");
    let words = ["I", "want", "to", "book", "a", "flight", "."];
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    use Upos::*;
    let context = [Pron, Verb, Part, Noun, Det, Noun, Punct];
    // "book" after "to": a verb, whatever the context said of it; a position past the
    // sentence's end is left out.
    let opinions = analyzer.tagger.second_opinion(&words, &lower, &context, &[3, 5, 99]);
    assert_eq!(opinions, [Verb, Noun]);
    assert!(analyzer.tagger.second_opinion(&[], &[], &[], &[0]).is_empty());
}
