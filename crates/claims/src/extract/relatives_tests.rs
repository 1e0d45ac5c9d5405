//! A relative or associate named through a possessive, on invented documents read by the real
//! reader.

use crate::frames::test_support::{claims, claims_in};
use crate::{Claim, ClaimType};

fn about(found: &[Claim], field: &str) -> Vec<String> {
    found.iter().filter_map(|c| c.field(field).map(str::to_string)).collect()
}

#[test]
fn a_possessive_pronoun_names_whose_relative_not_whom() {
    let found = claims(
        "Tomasz Wielgosz was questioned by investigators in 2020. Prosecutors later obtained \
         an arrest warrant for his son, Pavel Wielgosz, in March 2021.",
        ClaimType::Warrant,
    );
    assert!(!about(&found, "target").iter().any(|t| t == "Tomasz Wielgosz"), "{found:?}");
}

#[test]
fn a_court_in_an_unknown_town_acts_for_the_state_of_the_story() {
    let found = claims_in(
        "Varnholm's anti-corruption agency accused Pavel Dunaj of embezzlement. A court in \
         Ostrevo issued an arrest warrant for Pavel Dunaj on Tuesday.",
        ClaimType::Warrant,
        &["Varnholm"],
    );
    assert_eq!(about(&found, "target"), ["Pavel Dunaj"], "{found:?}");
    assert_eq!(about(&found, "authority"), ["Varnholm"], "{found:?}");
}

#[test]
fn talks_with_someone_s_deputy_are_not_with_them() {
    let found = claims(
        "Foreign Minister Edda Lorn held talks with Tomasz Wielgosz's deputy, Pavel Dunaj, in \
         Varsk on April 3.",
        ClaimType::Meeting,
    );
    // The possessor is no participant (the deputy may be, where the reader finds him).
    assert!(
        !found.iter().any(|c| c.list("participants").contains(&"Tomasz Wielgosz")),
        "{found:?}"
    );
}
