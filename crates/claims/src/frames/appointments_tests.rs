//! Appointment frames on invented sentences, read by the real reader.

use crate::frames::test_support::claims;
use crate::{Claim, ClaimType};

fn has(claims: &[Claim], person: &str, org: &str) -> bool {
    claims.iter().any(|c| {
        c.field("person").or(c.field("holder")).is_some_and(|h| h.contains(person))
            && c.field("organization").is_some_and(|o| o.contains(org))
    })
}

#[test]
fn a_relative_clause_of_appointment_gives_the_appointment_and_the_post() {
    let text = "Estonian officials confirmed the list on Monday. It names Marisol Quenby, who was \
                appointed Minister of Defence, and two others.";
    let a = claims(text, ClaimType::Appointment);
    assert!(has(&a, "Quenby", "Estonia"), "{a:?}");
    let p = claims(text, ClaimType::Position);
    assert!(has(&p, "Quenby", "Estonia"), "{p:?}");
}

#[test]
fn appointed_to_head_a_body_names_the_body_and_who_appointed() {
    let text = "Tomasz Wielgosz was appointed by Marisol Quenby to head the Harbour Authority in \
                March 2019.";
    let a = claims(text, ClaimType::Appointment);
    let c = a.iter().find(|c| c.field("person").is_some_and(|h| h.contains("Wielgosz")));
    let c = c.expect("an appointment");
    assert!(c.field("organization").is_some_and(|o| o.contains("Harbour Authority")), "{c:?}");
    assert_eq!(c.field("appointed_by"), Some("Marisol Quenby"));
}

#[test]
fn a_verb_that_appoints_no_one_gives_nothing() {
    let a = claims("The committee named the new bridge after a poet.", ClaimType::Appointment);
    assert!(a.is_empty(), "{a:?}");
}
