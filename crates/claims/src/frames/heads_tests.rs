//! Posts told by heading verbs, on invented sentences read by the real reader.

use crate::frames::test_support::{find, positions};

#[test]
fn a_relative_clause_with_a_heading_verb_gives_a_post() {
    let claims = positions(
        "The ministry also sanctioned Tomasz Wielgosz, who runs the customs and excise agency.",
    );
    let c = find(&claims, "Wielgosz", "customs and excise agency").expect("a post");
    assert_eq!(c.field("role"), Some("head"));
}

#[test]
fn a_past_heading_verb_gives_a_former_post() {
    let claims = positions(
        "Marisol Quenby, who headed the army's military intelligence directorate, was named.",
    );
    let c = find(&claims, "Quenby", "intelligence directorate").expect("a post");
    assert_eq!(c.fields.get("former"), Some(&serde_json::Value::from(true)), "{c:#?}");
}

#[test]
fn a_heading_verb_since_a_date_starts_the_post() {
    let claims =
        positions("Tomasz Wielgosz has commanded the Varnholm Mountain Brigade since 2019.");
    let c = find(&claims, "Wielgosz", "Mountain Brigade").expect("a post");
    assert_eq!(c.field("start"), Some("2019"), "{c:#?}");
}

#[test]
fn being_in_charge_of_a_unit_is_heading_it() {
    let claims = positions(
        "The council designated Marisol Quenby, who is in charge of the Northland Liaison Unit.",
    );
    assert!(find(&claims, "Quenby", "Liaison Unit").is_some(), "{claims:#?}");
}

#[test]
fn leading_what_is_not_a_body_is_no_post() {
    let claims = positions("Marisol Quenby led the protests in the capital last week.");
    assert!(claims.is_empty(), "{claims:#?}");
}

#[test]
fn a_possessor_before_the_subject_heads_nothing() {
    let claims = positions(
        "Tomasz Wielgosz is the president.\n\nWielgosz's son-in-law, Piotr Zaremba, heads the state oil company.",
    );
    assert!(find(&claims, "Wielgosz", "state oil company").is_none(), "{claims:#?}");
}

#[test]
fn a_body_noun_alone_stands_for_the_body_named_before_or_for_none() {
    let claims = positions(
        "Kasimir Holl was head of the Lornby Border Agency until 2022. He was replaced by his \
         deputy, Marisol Quenby, who still leads the agency.",
    );
    assert!(find(&claims, "Quenby", "Lornby Border Agency").is_some(), "{claims:#?}");
    let claims = positions("Tomasz Wielgosz, who now leads the ministry, was named.");
    assert!(claims.iter().all(|c| c.field("organization") != Some("ministry")), "{claims:#?}");
}
