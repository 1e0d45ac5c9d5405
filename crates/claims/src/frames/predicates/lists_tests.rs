//! The members of a group named after "including", wherever a parser hangs the list, on
//! invented sentences.

use super::tests::{claims, has};
use crate::ClaimType;
use crate::frames::test_support::claims_rewired;

#[test]
fn members_named_after_including_are_each_a_target() {
    let c =
        claims("Soldiers detained several leaders, including Tomasz Wielgosz and Marisol Quenby.");
    assert!(has(&c, ClaimType::Arrest, "person", "Tomasz Wielgosz"), "{c:?}");
    assert!(has(&c, ClaimType::Arrest, "person", "Marisol Quenby"), "{c:?}");
}

#[test]
fn members_listed_on_the_of_phrase_are_each_a_target() {
    // A parse may hang the list on "leadership", the "of" phrase, instead of on the
    // "cross-section" the soldiers detained.
    let text = "Soldiers detained a broad cross-section of the civilian leadership, including \
                Tomasz Wielgosz and Marisol Quenby.";
    let arcs = [
        ("cross-section", "detained", "obj"),
        ("leadership", "cross-section", "nmod"),
        ("of", "leadership", "case"),
        ("Wielgosz", "leadership", "nmod"),
        ("including", "Wielgosz", "case"),
        ("Quenby", "Wielgosz", "conj"),
    ];
    let c = claims_rewired(text, ClaimType::Arrest, &arcs);
    let people: Vec<_> = c.iter().filter_map(|a| a.field("person")).collect();
    assert!(people.contains(&"Tomasz Wielgosz") && people.contains(&"Marisol Quenby"), "{c:?}");
}
