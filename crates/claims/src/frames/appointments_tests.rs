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

#[test]
fn seizing_power_is_coming_to_lead_the_state_from_that_date() {
    let text = "Estonia held elections in May. Former dictator Tomasz Wielgosz, who seized power \
                in a 1982 coup, died on Sunday.";
    let a = claims(text, ClaimType::Appointment);
    let c = a.iter().find(|c| c.field("person") == Some("Tomasz Wielgosz")).expect("{a:?}");
    assert_eq!(c.field("organization"), Some("Estonia"));
    assert_eq!(c.field("date"), Some("1982"));
    let p = claims(text, ClaimType::Position);
    assert!(p.iter().any(|c| c.field("start") == Some("1982")), "{p:?}");
}

#[test]
fn a_successor_takes_the_post_of_the_one_replaced_without_former() {
    let text = "Estonian lawmakers met on Monday. Marisol Quenby was chosen to replace former \
                Vice President Tomasz Wielgosz.";
    let a = claims(text, ClaimType::Appointment);
    let c = a.iter().find(|c| c.field("person") == Some("Marisol Quenby")).expect("{a:?}");
    assert_eq!(c.field("organization"), Some("Estonia"));
    assert!(c.field("role").is_some_and(|r| !r.contains("former")), "{c:?}");
}

#[test]
fn the_second_of_two_joined_verbs_appoints_the_same_person() {
    let text = "In 2012, Tomasz Wielgosz was elected and sworn in as President of the Northland \
                Harbour Authority.";
    let a = claims(text, ClaimType::Appointment);
    assert!(has(&a, "Wielgosz", "Harbour Authority"), "{a:?}");
    let p = claims(text, ClaimType::Position);
    let c = p.iter().find(|c| c.field("holder") == Some("Tomasz Wielgosz")).expect("{p:?}");
    assert_eq!(c.field("start"), Some("2012"), "the post starts with the appointment");
}

#[test]
fn a_list_item_appointed_keeps_its_own_title_not_the_next_items_post() {
    let text = "The Norvanian Treasury also designated Labor Minister Marisol Quenby, appointed in \
                August; Edda Lorn, deputy director general of the state harbour authority since \
                2023; and Piet Oranje.";
    let p = claims(text, ClaimType::Position);
    assert!(!has(&p, "Quenby", "harbour authority"), "{p:?}");
    assert!(has(&p, "Lorn", "harbour authority"), "{p:?}");
}

#[test]
fn appointed_read_as_an_adjective_on_the_post_is_still_an_appointment() {
    let text = "Tomasz Wielgosz is a retired officer. In November 2009 he was additionally \
                appointed head of the Harbour Authority, a position long independent of the \
                ministry.";
    let a = claims(text, ClaimType::Appointment);
    assert!(has(&a, "Wielgosz", "Harbour Authority"), "{a:?}");
}

#[test]
fn elected_a_member_of_parliament_names_the_parliament() {
    let text = "Marisol Quenby is a lawyer. In 2010, she was elected a member of parliament by \
                her home province.";
    let a = claims(text, ClaimType::Appointment);
    assert!(has(&a, "Quenby", "parliament"), "{a:?}");
}

#[test]
fn an_appointment_found_with_and_without_its_body_is_one() {
    let a = claims(
        "Dario Lornsen was named the new commander of the national guard on Friday.",
        ClaimType::Appointment,
    );
    assert_eq!(a.len(), 1, "{a:?}");
    assert!(has(&a, "Lornsen", "national guard"), "{a:?}");
    assert!(a[0].field("date").is_some(), "{a:?}");
}

/// "named X as the new chief of Y": the parser takes the name for the verb's predicate
/// (xcomp) and the post for an "as" oblique; the name is the one named.
#[test]
fn named_as_the_new_chief_appoints_the_name_the_parser_took_for_a_predicate() {
    let text = "Reshuffle\n\nNorway's president on Monday named Edda Lorn as the new chief of the \
                defence forces.";
    let a = claims(text, ClaimType::Appointment);
    assert!(has(&a, "Edda Lorn", "defence forces"), "{a:?}");
}

/// "X replaced Y as Kenya's interior minister": Y is the predecessor, as with "succeeded".
#[test]
fn who_was_replaced_as_the_post_is_the_predecessor() {
    let c = claims(
        "Marisol Quenby replaced Tomasz Wielgosz as Kenya's interior minister in January.",
        ClaimType::Appointment,
    );
    let a = c.iter().find(|a| a.field("person") == Some("Marisol Quenby"));
    let a = a.unwrap_or_else(|| panic!("no appointment: {c:#?}"));
    assert_eq!(a.field("predecessor"), Some("Tomasz Wielgosz"), "{a:#?}");
    assert_eq!(a.field("organization"), Some("Kenya"), "{a:#?}");
}

/// "The Kenyan president appointed X head of the army": the parser takes the post for the
/// object and the name for its compound; X is the one appointed.
#[test]
fn a_name_the_parser_made_the_posts_compound_is_the_one_appointed() {
    let c = claims(
        "Appointments in Kenya\n\nThe Kenyan president appointed Edda Lorn head of the army.",
        ClaimType::Appointment,
    );
    let a = c.iter().find(|a| a.field("person") == Some("Edda Lorn"));
    let a = a.unwrap_or_else(|| panic!("no appointment: {c:#?}"));
    assert_eq!(a.field("role"), Some("head"), "{a:#?}");
    assert_eq!(a.field("organization"), Some("Kenyan army"), "{a:#?}");
}

#[test]
fn a_rank_taken_for_the_predicate_leaves_the_as_phrase_on_the_name() {
    let text = "Estonian President Piet Oranje on Friday named General Tomasz Wielgosz as \
                defence minister, replacing Kasimir Holl.";
    let a = claims(text, ClaimType::Appointment);
    let c = a.iter().find(|c| c.field("person").is_some_and(|h| h.contains("Wielgosz")));
    let c = c.unwrap_or_else(|| panic!("{a:?}"));
    assert!(c.field("role").is_some_and(|r| r.contains("defence minister")), "{c:?}");
    // Who named him (the active verb's subject) and whom he replaced (the "replacing" clause).
    assert!(c.field("appointed_by").is_some_and(|r| r.contains("Oranje")), "{c:?}");
    assert!(c.field("predecessor").is_some_and(|r| r.contains("Holl")), "{c:?}");
}

#[test]
fn a_bare_participle_after_a_name_that_the_parse_hung_on_the_main_verb_is_the_names() {
    // "Also designated are Minister X, appointed in August; Y, ...": the retrained BiLSTM
    // made "appointed" a clause of "designated" (advcl), not of the name.
    let text = "Norvania's cabinet was sanctioned on Monday. Also designated are Labor Minister Edda Lorn, appointed in August; Piet Oranje, a deputy director, and others.";
    let arcs = [("Edda", "designated", "nsubj:pass"), ("appointed", "designated", "advcl")];
    let c = crate::frames::test_support::claims_rewired_in(
        text,
        ClaimType::Appointment,
        &["Norvania"],
        &arcs,
    );
    let found = c.iter().find(|c| c.field("person") == Some("Edda Lorn"));
    assert!(found.is_some_and(|a| a.field("role") == Some("minister")), "{c:?}");
}
