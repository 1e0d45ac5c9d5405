//! Tests of the city gazetteer.

use super::*;

#[test]
fn a_city_gives_its_state_whole_words_only() {
    assert_eq!(state_of("Ljubljana"), Some("Slovenia"));
    assert_eq!(state_of("Varnholm"), None);
    assert_eq!(state_within("the Tallinn District Court"), Some("Estonia"));
    assert_eq!(state_within("a court in Kuala Lumpur"), Some("Malaysia"));
    // "Romero" holds "rome" only as part of a word.
    assert_eq!(state_within("Judge Edda Romero"), None);
}

#[test]
fn a_city_is_found_with_or_without_its_accents() {
    assert_eq!(state_of("Bogota"), Some("Colombia"));
    assert_eq!(state_of("Bogotá"), Some("Colombia"));
    assert_eq!(state_within("the Yaoundé military court"), Some("Cameroon"));
}

#[test]
fn the_sovereign_states_are_known_and_a_city_or_an_invented_place_is_not_one() {
    assert!(super::is_state("Iceland"));
    assert!(super::is_state("new zealand"));
    assert!(!super::is_state("Varsk"));
    assert!(!super::is_state("Reykjavik"));
}
