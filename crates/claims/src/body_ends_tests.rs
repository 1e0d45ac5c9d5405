//! Posts in bodies that ended, on invented sentences read by the real reader.

use crate::frames::test_support::{find, positions};

#[test]
fn a_post_in_a_body_merged_away_ends_when_it_was_merged() {
    let claims = positions(
        "Tomasz Wielgosz is a leading member of the Northland Renewal Front (NRF). In 2009 the \
         NRF was merged into the Northland Unity Party.",
    );
    let c = find(&claims, "Wielgosz", "Renewal Front").expect("a post");
    assert_eq!(c.field("end"), Some("2009"), "{c:#?}");
    assert_eq!(c.fields.get("as_of"), Some(&serde_json::Value::Null), "{c:#?}");
}

#[test]
fn a_post_in_a_body_disbanded_without_a_date_is_former() {
    let claims = positions(
        "Marisol Quenby is the commander of the Northland Border Guard Service. The Northland Border Guard Service \
         was disbanded after the war.",
    );
    let c = find(&claims, "Quenby", "Border Guard").unwrap_or_else(|| panic!("{claims:#?}"));
    assert_eq!(c.fields.get("former"), Some(&serde_json::Value::from(true)), "{c:#?}");
}

#[test]
fn a_post_in_a_body_that_goes_on_stays_open() {
    let claims = positions(
        "Tomasz Wielgosz is a leading member of the Northland Unity Party, into which the \
         Northland Renewal Front was merged in 2009.",
    );
    let c = find(&claims, "Wielgosz", "Unity Party").expect("a post");
    assert!(c.fields.get("end").is_none_or(serde_json::Value::is_null), "{c:#?}");
}

#[test]
fn names_match_as_whole_words_only() {
    use super::names_body;
    assert!(names_body("leader s northland renewal front", "Northland Renewal Front"));
    assert!(names_body("nrf", "NRF"));
    assert!(!names_body("nrfa", "NRF"));
    assert!(!names_body("northland unity party", "Northland Renewal Front"));
}

#[test]
fn remaining_a_member_is_holding_the_post() {
    let claims = positions("Tomasz Wielgosz remains a senior member of the Northland Unity Party.");
    assert!(find(&claims, "Wielgosz", "Unity Party").is_some(), "{claims:#?}");
}

#[test]
fn a_coordinated_verb_shares_the_first_verbs_subject() {
    let claims = positions(
        "Tomasz Wielgosz became a member of the Northland Renewal Front, and remains a senior \
         member of the Northland Unity Party.",
    );
    assert!(find(&claims, "Wielgosz", "Unity Party").is_some(), "{claims:#?}");
}
