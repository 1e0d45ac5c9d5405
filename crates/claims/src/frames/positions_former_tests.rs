//! Posts that are no longer held, or held now: "former", "ex-", a past tense, a resignation
//! (split from `positions_tests.rs` in session 28, which had passed 600 lines).

use crate::frames::test_support::{find, positions};

#[test]
fn a_former_post_in_an_apposition_holds_at_no_date_and_says_so() {
    let claims = positions(
        "Marisol Quenby, former director of the Harbour Affairs Committee, told reporters the claim was false.",
    );
    let c = find(&claims, "Quenby", "Harbour Affairs Committee").expect("a position");
    assert!(c.fields["as_of"].is_null(), "{c:#?}");
    assert_eq!(c.fields.get("former"), Some(&serde_json::Value::from(true)));
}

#[test]
fn a_current_post_in_an_apposition_holds_at_the_publication_date() {
    let claims = positions(
        "Marisol Quenby, director of the Harbour Affairs Committee, told reporters the claim was false.",
    );
    let c = find(&claims, "Quenby", "Harbour Affairs Committee").expect("a position");
    assert_eq!(c.field("as_of"), Some("2022-05-04"));
    assert!(!c.fields.contains_key("former"), "{c:#?}");
}

#[test]
fn a_post_told_in_the_past_tense_is_former() {
    let claims = positions("Marisol Quenby was the director of the Harbour Affairs Committee.");
    let c = find(&claims, "Quenby", "Harbour Affairs Committee").expect("a position");
    assert_eq!(c.fields.get("former"), Some(&serde_json::Value::from(true)), "{c:#?}");
}

#[test]
fn a_former_word_before_a_title_makes_the_post_former() {
    let claims = positions(
        "Prosecutors have charged former Northland President Tomasz Wielgosz with three counts of murder.",
    );
    let c = find(&claims, "Wielgosz", "Northland").expect("a position");
    assert_eq!(c.fields.get("former"), Some(&serde_json::Value::from(true)), "{c:#?}");
    assert!(c.fields["as_of"].is_null());
}

#[test]
fn a_holder_who_resigns_or_is_ousted_holds_a_former_post() {
    // Invented names.
    for text in [
        "Northland President Tomasz Wielgosz has resigned in the face of a corruption scandal.",
        "The overthrown president of Northland, Tomasz Wielgosz, fled the country.",
    ] {
        let claims = crate::frames::test_support::claims(text, crate::ClaimType::Position);
        let post = claims
            .iter()
            .find(|c| c.field("holder") == Some("Tomasz Wielgosz"))
            .unwrap_or_else(|| panic!("no post in {text:?}: {claims:?}"));
        assert!(post.fields.get("as_of").is_none_or(|v| v.is_null()), "{text:?}: {post:?}");
    }
}

#[test]
fn a_former_word_before_the_bodys_name_ends_the_post() {
    let claims = positions(
        "Former Navy captain Tomasz Wielgosz and 15 others were yesterday given prison \
         sentences for their role in crimes.",
    );
    let c = find(&claims, "Wielgosz", "Navy").expect("the post");
    assert!(c.field("as_of").is_none(), "{c:?}");
}

#[test]
fn an_ex_prefix_before_a_post_the_lexicon_reads_makes_it_former() {
    // The reader's role starts after "ex-"; the view keeps no trace of the prefix.
    let claims =
        positions("A court sentenced Togolese ex-interior minister Kasimir Holl to 20 years.");
    let c = find(&claims, "Holl", "Togo").expect("a post");
    assert_eq!(c.fields.get("former"), Some(&serde_json::Value::Bool(true)), "{c:#?}");
    assert_eq!(c.field("as_of"), None, "{c:#?}");
}
