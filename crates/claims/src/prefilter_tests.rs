//! The prefilter's literal sets: sound (every match contains one) and selective.

use super::*;
use crate::rules::Rules;
use proptest::prelude::*;

#[test]
fn a_word_in_the_pattern_is_required() {
    let set = required_literals("(?i)⟦PER:[0-9]+⟧ (?:was|has been) appointed").expect("a set");
    assert!(set.iter().all(|s| s.contains("appointed")), "{set:?}");
}

#[test]
fn alternatives_are_all_kept() {
    let set = required_literals("(?i)(?:indicted|charged) with").expect("a set");
    assert!(
        set.iter().any(|s| s.contains("indicted")) && set.iter().any(|s| s.contains("charged"))
    );
}

#[test]
fn optional_words_are_not_required() {
    assert_eq!(required_literals("(?i)(?:sanctioned )?[0-9]+ (?:years)?"), None);
}

#[test]
fn case_folding_agrees_with_the_regex() {
    // The Kelvin sign and the long s are letters a case-insensitive k and s match.
    let p = Prefilter::new(["(?i)kassim sanctioned"]);
    let mut out = Vec::new();
    p.candidates("\u{212A}a\u{17F}sim SANCTIONED", &mut out);
    assert_eq!(out, vec![true]);
    p.candidates("nothing here", &mut out);
    assert_eq!(out, vec![false]);
}

#[test]
fn most_english_rules_are_filtered() {
    let rules = Rules::english();
    let filtered = rules.prefilter.filtered();
    assert!(filtered * 4 >= rules.rules.len() * 3, "{filtered} of {}", rules.rules.len());
}

proptest! {
    /// Over texts built from the rules' own words and arbitrary characters, no rule that
    /// matches is ever dropped.
    #[test]
    fn never_drops_a_matching_rule(words in proptest::collection::vec(
        prop_oneof![
            Just("was appointed".to_string()), Just("⟦PER:1⟧".to_string()),
            Just("⟦ORG:2⟧".to_string()), Just("sanctioned".to_string()),
            Just("the".to_string()), Just(",".to_string()), Just("head of".to_string()),
            Just("ſentenced".to_string()), Just("ARRESTED".to_string()), "\\PC{0,6}",
        ], 0..24)) {
        let text = words.join(" ");
        let rules = Rules::english();
        let mut out = Vec::new();
        rules.prefilter.candidates(&text, &mut out);
        for (i, rule) in rules.rules.iter().enumerate() {
            prop_assert!(out[i] || !rule.regex.is_match(&text), "rule {} on {:?}", rule.name, text);
        }
    }
}
