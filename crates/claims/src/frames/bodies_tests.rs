//! The body of a post named by lowercase words, on invented sentences read by the real reader.

use crate::ClaimType;
use crate::frames::test_support::{claims_rewired, find, positions};

#[test]
fn one_word_of_level_or_field_names_a_lowercase_body() {
    let claims = positions("Tomasz Wielgosz was head of the regional police until 2021.");
    let c = find(&claims, "Wielgosz", "regional police").expect("a position");
    assert_eq!(c.field("end"), Some("2021"), "{c:#?}");
    let claims =
        positions("Tomasz Wielgosz served as the head of the prison service from 2015 until 2021.");
    let c = find(&claims, "Wielgosz", "prison service").expect("a position");
    assert_eq!(c.field("start"), Some("2015"), "{c:#?}");
}

#[test]
fn a_word_that_only_tells_one_body_from_another_names_none() {
    let claims = positions("Tomasz Wielgosz, head of the new unit, left the country.");
    assert!(claims.is_empty(), "{claims:#?}");
    let claims = positions("Tomasz Wielgosz became the leader of its political wing.");
    assert!(claims.iter().all(|c| c.field("organization") != Some("its political wing")));
}

#[test]
fn a_lowercase_body_placed_by_a_name_is_the_whole_phrase() {
    let claims =
        positions("Marisol Quenby, the former head of the regional police in Lornby, left.");
    assert!(find(&claims, "Quenby", "regional police in Lornby").is_some(), "{claims:#?}");
}

#[test]
fn an_envoys_for_phrase_is_the_remit_not_the_body() {
    // As another parser read it: the name apposed to the envoy, the "for" phrase on the post.
    let text = "The UN Special Envoy for Norvania, Piet Oranje, said that talks would resume.";
    let claims = claims_rewired(
        text,
        ClaimType::Position,
        &[
            ("Norvania", "Envoy", "nmod"),
            ("Oranje", "Envoy", "appos"),
            ("Piet", "Oranje", "compound"),
        ],
    );
    assert!(find(&claims, "Piet Oranje", "UN").is_some(), "{claims:#?}");
    assert!(find(&claims, "Piet Oranje", "Norvania").is_none(), "{claims:#?}");
}

#[test]
fn a_state_post_whose_of_phrase_the_parse_hung_on_the_name_is_the_states() {
    // As another parser read "Secretary of State Piet Oranje": "of State" a modifier of the
    // name, the name an "of" phrase of the post.
    let text =
        "The penalties follow statements by the Treasury and Secretary of State Piet Oranje.";
    let claims = claims_rewired(
        text,
        ClaimType::Position,
        &[
            ("of", "Piet", "case"),
            ("State", "Piet", "nmod:desc"),
            ("Piet", "Secretary", "nmod"),
            ("Oranje", "Piet", "flat"),
        ],
    );
    assert!(find(&claims, "Piet Oranje", "United States").is_some(), "{claims:#?}");
}

#[test]
fn a_posts_of_phrase_the_parse_hung_on_the_name_after_it_is_its_body() {
    // As another parser read "chief of the General Staff Piet Oranje": "of" opens the name's
    // phrase, the body a modifier of the name.
    let text = "The court issued warrants for Norvania's chief of the General Staff Piet Oranje.";
    let claims = claims_rewired(
        text,
        ClaimType::Position,
        &[
            ("of", "Piet", "case"),
            ("General", "Staff", "compound"),
            ("Staff", "Piet", "nmod:desc"),
            ("Piet", "chief", "nmod"),
            ("Oranje", "Piet", "flat"),
        ],
    );
    assert!(find(&claims, "Piet Oranje", "General Staff").is_some(), "{claims:#?}");
}

#[test]
fn a_body_name_the_parse_cut_at_an_apposition_runs_to_the_names_end() {
    // As another parser read "the Dutch NGO Alba Nova": the name's last word an apposition.
    let text = "Four of them were represented by Piet Oranje, Director of the Dutch NGO Alba Nova.";
    let claims = claims_rewired(
        text,
        ClaimType::Position,
        &[("Alba", "Director", "nmod"), ("Nova", "Alba", "appos"), ("of", "Alba", "case")],
    );
    let c = find(&claims, "Piet Oranje", "Alba").expect("the director's post");
    assert_eq!(c.field("organization"), Some("Dutch NGO Alba Nova"), "{c:#?}");
}

#[test]
fn a_place_the_post_is_in_beside_its_body_is_no_second_body() {
    let text =
        "Piet Oranje, the Tribunal's chief prosecutor in Lornby, said the arrest was a reminder.";
    let claims = claims_rewired(text, ClaimType::Position, &[("Lornby", "prosecutor", "nmod")]);
    assert!(find(&claims, "Piet Oranje", "Tribunal").is_some(), "{claims:#?}");
    assert!(find(&claims, "Piet Oranje", "Lornby").is_none(), "{claims:#?}");
}
