//! Descriptions made of a rank, an epithet or an age, on invented documents read by the real
//! reader.

use crate::frames::test_support::claims;
use crate::{Claim, ClaimType};

fn about(found: &[Claim], field: &str) -> Vec<String> {
    found.iter().filter_map(|c| c.field(field).map(str::to_string)).collect()
}

#[test]
fn the_rank_given_with_a_name_stands_for_that_person() {
    let found = claims(
        "Major General Tomasz Wielgosz commands the Varnholm Border Guard. The general was \
         sanctioned by the European Union in March 2021.",
        ClaimType::Sanction,
    );
    assert_eq!(about(&found, "target"), ["Tomasz Wielgosz"], "{found:?}");
}

#[test]
fn an_epithet_given_with_a_name_stands_for_that_person() {
    let found = claims(
        "The businessman Pavel Dunaj, 58, was detained in Varsk in 2019. The businessman was \
         sentenced to five years in prison in 2020.",
        ClaimType::Verdict,
    );
    assert_eq!(about(&found, "defendant"), ["Pavel Dunaj"], "{found:?}");
}

#[test]
fn an_age_stands_for_the_person_given_it_or_the_last_subject() {
    let given = claims(
        "Pavel Dunaj, 61, and Tomasz Wielgosz, 45, were detained in Varsk in 2019. The \
         61-year-old was sentenced to five years in prison in 2020.",
        ClaimType::Verdict,
    );
    assert_eq!(about(&given, "defendant"), ["Pavel Dunaj"], "{given:?}");
    let subject = claims(
        "Pavel Dunaj was detained in Varsk in 2019. The 61-year-old was sentenced to five \
         years in prison in 2020.",
        ClaimType::Verdict,
    );
    assert_eq!(about(&subject, "defendant"), ["Pavel Dunaj"], "{subject:?}");
}

#[test]
fn what_the_document_does_not_settle_stays_unresolved() {
    // Two generals: "the general" is either.
    let two = claims(
        "General Tomasz Wielgosz and General Pavel Dunaj met in Varsk. The general was \
         sanctioned by the European Union in March 2021.",
        ClaimType::Sanction,
    );
    assert!(about(&two, "target").is_empty(), "{two:?}");
    // "X said the 91-year-old died": a writer would say "he" for X.
    let speaker = claims(
        "Lawyer Pavel Dunaj said the family told him the 91-year-old died of a heart attack.",
        ClaimType::DeathReport,
    );
    assert!(!about(&speaker, "person").contains(&"Pavel Dunaj".to_string()), "{speaker:?}");
    // A modifier, not a description: "the general public".
    let public = claims(
        "General Tomasz Wielgosz spoke in Varsk. The general public was sanctioned by the \
         European Union in March 2021.",
        ClaimType::Sanction,
    );
    assert!(about(&public, "target").is_empty(), "{public:?}");
}
