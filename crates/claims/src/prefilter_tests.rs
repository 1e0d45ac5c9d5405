//! The prefilter's literal sets: sound (every match contains one) and selective.

use super::*;
use crate::rules::Rules;
use proptest::prelude::*;

#[test]
fn a_word_in_the_pattern_is_required() {
    let sets = required_literals("(?i)⟦PER:[0-9]+⟧ (?:was|has been) appointed");
    assert!(sets[0].iter().all(|s| s.contains("appointed")), "{sets:?}");
}

#[test]
fn alternatives_are_all_kept() {
    let sets = required_literals("(?i)(?:indicted|charged) with");
    let set = &sets[0];
    assert!(
        set.iter().any(|s| s.contains("indicted")) && set.iter().any(|s| s.contains("charged"))
    );
}

#[test]
fn optional_words_are_not_required() {
    assert!(required_literals("(?i)(?:sanctioned )?[0-9]+ (?:years)?").is_empty());
}

#[test]
fn every_required_part_must_occur() {
    // A person's placeholder, then words the regex cannot skip, then a role's placeholder:
    // a sentence with the person and the verb but no role cannot match.
    let pattern =
        "(?i)⟦PER:[0-9]+⟧(?: , [^,;]{1,220}? ,)? (?:is|was) ⟦ROLE:[0-9]+⟧ to ⟦PER:[0-9]+⟧";
    assert!(required_literals(pattern).len() >= 2, "{:?}", required_literals(pattern));
    let p = Prefilter::new([pattern]);
    let mut out = Vec::new();
    p.candidates("⟦PER:0⟧ was in ⟦LOC:1⟧ with ⟦PER:2⟧", &mut out);
    assert_eq!(out, vec![false]);
    p.candidates("⟦PER:0⟧ , 61 , was ⟦ROLE:1⟧ to ⟦PER:2⟧", &mut out);
    assert_eq!(out, vec![true]);
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
