//! Lists and groups: the members named after "including" (wherever a parser hangs the list),
//! items after a colon or semicolons, and a group word that stands for people named before, on
//! invented sentences.

use super::tests::{claims, claims_in, has, of};
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

#[test]
fn an_unnamed_group_in_a_later_sentence_continues_the_sanctions() {
    let c = claims_in(
        "Norvania blacklisted four army officers on Friday. Among those listed are Colonel \
         Tomasz Wielgosz and Major Orrin Dalewick. Officials did not comment.",
        &["Norvania"],
    );
    for name in ["Tomasz Wielgosz", "Orrin Dalewick"] {
        let s = of(&c, ClaimType::Sanction);
        let s = s.iter().find(|s| s.field("target") == Some(name)).expect(name);
        assert_eq!(s.rule, "frame.sanction.list", "{s:?}");
        assert_eq!(s.field("authority"), Some("Norvania"), "{s:?}");
    }
    // Far from any sanction, the same shape is no sanction.
    let c = claims("The guests were Tomasz Wielgosz and Orrin Dalewick.");
    assert!(of(&c, ClaimType::Sanction).is_empty(), "{c:?}");
}

#[test]
fn the_items_after_a_colon_are_each_a_target() {
    let c = claims(
        "The Northland Council imposed sanctions on three people, as follows:\n\n\
         • Tomasz Wielgosz (a former governor);\n\n• Marisol Quenby (a judge); and\n\n\
         • Orrin Dalewick (a police chief).\n\nThe measures take effect at once.",
    );
    for name in ["Tomasz Wielgosz", "Marisol Quenby", "Orrin Dalewick"] {
        assert!(has(&c, ClaimType::Sanction, "target", name), "{name}: {c:?}");
    }
}

#[test]
fn an_apposed_list_gives_every_name_its_own_claim() {
    let c = claims(
        "Prosecutors in Oslo charged two men, Tomasz Wielgosz and Odalys Brankov, with murder.\n",
    );
    assert!(has(&c, ClaimType::Charge, "defendant", "Tomasz Wielgosz"), "{c:?}");
    assert!(has(&c, ClaimType::Charge, "defendant", "Odalys Brankov"), "{c:?}");
}

#[test]
fn a_definite_group_stands_for_the_people_named_just_before() {
    let c = claims(
        "The Northland Treasury sanctioned Tomasz Wielgosz, his brother Pawel Wielgosz and Marisol Quenby on Friday. The three are accused of torturing detainees in Varnholm.",
    );
    for name in ["Tomasz Wielgosz", "Pawel Wielgosz", "Marisol Quenby"] {
        assert!(has(&c, ClaimType::Allegation, "accused", name), "{name}: {c:?}");
    }
    // A speaker is not one of the group.
    let c = claims(
        "Also designated are Halvard Brenning and Petra Lindgren. \"The regime has continued its campaign of repression,\" said Treasury Secretary Anton Kurlov. The ministry said the two officials had incited violence against protesters.",
    );
    assert!(has(&c, ClaimType::Allegation, "accused", "Halvard Brenning"), "{c:?}");
    assert!(has(&c, ClaimType::Allegation, "accused", "Petra Lindgren"), "{c:?}");
    assert!(!has(&c, ClaimType::Allegation, "accused", "Anton Kurlov"), "{c:?}");
    let c = claims(
        "A court in Varnholm heard the cases of Jonas Pettersby and Gerold Fenn. Both were sentenced to ten years in prison.",
    );
    assert!(has(&c, ClaimType::Verdict, "defendant", "Jonas Pettersby"), "{c:?}");
    assert!(has(&c, ClaimType::Verdict, "defendant", "Gerold Fenn"), "{c:?}");
}

#[test]
fn a_group_word_after_a_counted_group_of_unnamed_people_is_them() {
    // "Both" stands for the two officers just told of, not the two people named before.
    let c = claims(
        "President Tomasz Wielgosz dismissed General Piet Oranje and appointed Edda Lorn. Last month, prosecutors opened a case against two prison officers on suspicion of abuse of power. Both were detained.",
    );
    assert!(of(&c, ClaimType::Arrest).is_empty(), "{c:?}");
    // Named people just before a counted group of others are still found.
    let c = claims(
        "Police questioned two officers on Monday. A court in Varnholm heard the cases of Jonas Pettersby and Gerold Fenn. Both were sentenced to ten years in prison.",
    );
    assert!(has(&c, ClaimType::Verdict, "defendant", "Gerold Fenn"), "{c:?}");
}

#[test]
fn an_indefinite_or_larger_group_is_not_the_people_named_before() {
    // "Two protesters" are others than those just named; "the five" are more than them.
    let c = claims(
        "Police questioned Jonas Pettersby and Gerold Fenn. Two protesters were detained in Varnholm.",
    );
    assert!(of(&c, ClaimType::Arrest).is_empty(), "{c:?}");
    let c = claims(
        "The ministry sanctioned Jonas Pettersby and Gerold Fenn. The five are accused of torturing detainees.",
    );
    assert!(of(&c, ClaimType::Allegation).is_empty(), "{c:?}");
}

#[test]
fn a_semicolon_list_goes_on_past_each_description_and_a_misparsed_subject_is_accused() {
    let c = claims(
        "Also designated are Labor Minister Jonas Pettersby, appointed in August; Gerold Fenn, deputy director general of the state telecommunications body of the republic since 2023; and Maj. Gen. Ramon Ekdahl, who headed the army's intelligence directorate for more than a decade.\n\n\"The regime has continued its campaign of repression,\" said Treasury Secretary Anton Kurlov.\n\nThe State Department said the three officials had \"incited regional instability through abuses against the people.\"",
    );
    for name in ["Jonas Pettersby", "Gerold Fenn", "Ramon Ekdahl"] {
        assert!(has(&c, ClaimType::Sanction, "target", name), "{name}: {c:?}");
        assert!(has(&c, ClaimType::Allegation, "accused", name), "{name}: {c:?}");
    }
    assert!(!has(&c, ClaimType::Allegation, "accused", "Anton Kurlov"), "{c:?}");
}
