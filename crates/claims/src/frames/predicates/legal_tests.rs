//! Session-8 legal shapes on invented sentences: criminal nouns said of a named person,
//! groups that bear responsibility, arrests ordered (warrants), and the state of a court
//! in a place the gazetteer does not know.

use super::tests::{claims, claims_in, has, of};
use crate::frames::test_support::claims_rewired;
use crate::{ClaimType, Modality};

#[test]
fn a_criminal_noun_said_of_a_named_person_is_an_allegation() {
    let c = claims(
        "Police arrested Marisol Quenby, who is considered one of the biggest drug dealers and war criminals in the country.",
    );
    let a = of(&c, ClaimType::Allegation);
    assert!(a.iter().any(|a| a.field("accused") == Some("Marisol Quenby")), "{c:?}");
    assert!(a.iter().all(|a| a.modality == Modality::Alleged), "{c:?}");
    let c = claims(
        "Since 2018, Piet Oranje has been publishing photos with the notorious Varskian drug dealer Tomasz Wielgosz.",
    );
    assert!(has(&c, ClaimType::Allegation, "accused", "Tomasz Wielgosz"), "{c:?}");
    assert!(!has(&c, ClaimType::Allegation, "accused", "Piet Oranje"), "{c:?}");
    let c = claims("Kasimir Holl is a known arms smuggler, the Varsk police said.");
    assert!(has(&c, ClaimType::Allegation, "accused", "Kasimir Holl"), "{c:?}");
    // A dealer of goods that are no crime, a former criminal, and criminals no name stands
    // for accuse no one.
    let c = claims("Edda Lorn, a car dealer from Varsk, met the mayor on Monday.");
    assert!(of(&c, ClaimType::Allegation).is_empty(), "{c:?}");
    let c = claims("Kasimir Holl fought drug traffickers for a decade as the Varsk police chief.");
    assert!(of(&c, ClaimType::Allegation).is_empty(), "{c:?}");
}

#[test]
fn an_arrest_ordered_is_a_warrant() {
    let c = claims(
        "Tomasz Wielgosz resigned on Wednesday after a judge issued an order to detain him in the customs fraud case.",
    );
    assert!(has(&c, ClaimType::Warrant, "target", "Tomasz Wielgosz"), "{c:?}");
    assert!(!has(&c, ClaimType::Arrest, "person", "Tomasz Wielgosz"), "{c:?}");
}

#[test]
fn an_arrest_only_sought_ordered_or_noticed_is_none() {
    for text in [
        "Police were ordered to arrest Tomasz Wielgosz.",
        "Officers tried to detain Tomasz Wielgosz at the border.",
        "Interpol issued a red notice for his arrest in 2021, months after Tomasz Wielgosz fled.",
        "The army failed to capture Tomasz Wielgosz.",
    ] {
        let c = claims(text);
        assert!(of(&c, ClaimType::Arrest).is_empty(), "{text}: {c:?}");
    }
    // The act itself still is one.
    let c = claims("Police arrested Tomasz Wielgosz at the border.");
    assert!(has(&c, ClaimType::Arrest, "person", "Tomasz Wielgosz"), "{c:?}");
}

#[test]
fn a_killing_only_plotted_or_tried_is_no_death() {
    for text in [
        "Prosecutors accused Norvania of sponsoring a plot to assassinate its envoy, Tomasz Wielgosz, in Lornby.",
        "The report traced the unit's efforts to murder Tomasz Wielgosz in 2020.",
        "Two officers conspired to kill Tomasz Wielgosz.",
    ] {
        let c = claims(text);
        assert!(of(&c, ClaimType::DeathReport).is_empty(), "{text}: {c:?}");
    }
    // The act itself still is one.
    let c = claims("Two officers killed Tomasz Wielgosz in Lornby in 2020.");
    assert!(has(&c, ClaimType::DeathReport, "person", "Tomasz Wielgosz"), "{c:?}");
}

#[test]
fn a_court_in_an_unknown_place_takes_the_state_the_text_gives_it() {
    let c = claims_in(
        "Tomasz Wielgosz was sentenced to 12 years in prison by a court in Varnholm, Norvania, on Monday.",
        &["Norvania"],
    );
    let v = of(&c, ClaimType::Verdict);
    assert!(!v.is_empty(), "{c:?}");
    assert!(v.iter().all(|v| v.field("authority") == Some("Norvania")), "{c:?}");
    // A place the text does not place is no authority.
    let c =
        claims("A court in Varnholm sentenced Tomasz Wielgosz to 12 years in prison on Monday.");
    assert!(has(&c, ClaimType::Verdict, "defendant", "Tomasz Wielgosz"), "{c:?}");
    assert!(!has(&c, ClaimType::Verdict, "authority", "Varnholm"), "{c:?}");
}

#[test]
fn a_foreign_national_is_not_tried_by_their_own_state_when_no_court_is_named() {
    let text = "Peruvian diplomat Tomasz Wielgosz was given a 20-year prison sentence by the \
criminal court in Varnholm on Thursday. He was arrested on holiday in Portugal. Portuguese \
police said the Peruvian embassy had helped him. Portugal has asked Peru for an explanation, \
and Peruvian officials and the Peruvian press stayed silent.";
    let c = claims(text);
    let v = of(&c, ClaimType::Verdict);
    assert!(!v.is_empty(), "{c:?}");
    assert!(v.iter().all(|v| v.field("authority") == Some("Portugal")), "{c:?}");
}

#[test]
fn a_body_read_as_the_participles_noun_still_does_the_act() {
    let c = claims_in(
        "A court in Varnholm, Norvania, sentenced Tomasz Wielgosz to 12 years in prison on Monday.",
        &["Norvania"],
    );
    let v = of(&c, ClaimType::Verdict);
    assert!(v.iter().any(|v| v.field("defendant") == Some("Tomasz Wielgosz")), "{c:?}");
    assert!(v.iter().all(|v| v.field("authority") == Some("Norvania")), "{c:?}");
    // A participle without an object on a noun for a person is still passive.
    let c = claims("Norvania freed Piet Oranje, a journalist arrested in Varsk in May.");
    assert!(has(&c, ClaimType::Arrest, "person", "Piet Oranje"), "{c:?}");
}

#[test]
fn the_named_members_of_a_passive_subject_the_parser_took_for_active() {
    let c = claims(
        "Eight others \u{2013} including former Norvanian Spy Chief, Kasimir Holl \u{2013} were also sentenced to death by the court.",
    );
    assert!(has(&c, ClaimType::Verdict, "defendant", "Kasimir Holl"), "{c:?}");
    let c = claims(
        "Six others \u{2013} including the former Norvanian intelligence chief, Kasimir Holl \u{2013} were also sentenced to death.",
    );
    assert!(has(&c, ClaimType::Verdict, "defendant", "Kasimir Holl"), "{c:?}");
}

#[test]
fn a_participle_conjoined_to_a_passive_verb_is_passive_too() {
    let text = "Norvania and Varskia swapped prisoners on Monday. Varskia freed Edda Lorn. \
Tomasz Wielgosz was arrested in Varnholm, Norvania, in May 2019 and sentenced to life in prison in July 2022.";
    let c = claims_in(text, &["Norvania", "Varskia"]);
    let v = of(&c, ClaimType::Verdict);
    assert!(v.iter().any(|v| v.field("defendant") == Some("Tomasz Wielgosz")), "{c:?}");
    assert!(v.iter().all(|v| v.field("date") == Some("2022-07")), "{c:?}");
}

#[test]
fn a_sentence_in_a_story_of_two_states_is_given_where_its_place_lies() {
    let text = "Norvania and Varskia swapped prisoners on Monday. Varskia freed Edda Lorn. \
Tomasz Wielgosz was arrested in Varnholm, Norvania, in May 2019 and sentenced to life in prison in July 2022.";
    let c = claims_in(text, &["Norvania", "Varskia"]);
    let v = of(&c, ClaimType::Verdict);
    assert!(!v.is_empty(), "{c:?}");
    assert!(v.iter().all(|v| v.field("authority") == Some("Norvania")), "{c:?}");
}

#[test]
fn a_warrant_no_one_is_named_to_issue_is_the_documents_states() {
    let text = "Police in Norvania arrested Kasimir Holl on Monday. \
An arrest warrant issued for Holl circulated on social media.";
    let c = claims_in(text, &["Norvania"]);
    let w = of(&c, ClaimType::Warrant);
    assert!(!w.is_empty(), "{c:?}");
    assert!(w.iter().all(|w| w.field("authority") == Some("Norvania")), "{c:?}");
}

#[test]
fn a_warrant_no_one_issues_in_a_story_of_two_states_alike_is_the_first_ones() {
    let text = "Norvania arrested militia commander Kasimir Holl on Monday. \
The United States welcomed the arrest. An arrest warrant issued for Holl circulated on social media.";
    let c = claims_in(text, &["Norvania"]);
    let w = of(&c, ClaimType::Warrant);
    assert!(!w.is_empty(), "{c:?}");
    assert!(w.iter().all(|w| w.field("authority") == Some("Norvania")), "{c:?}");
}

#[test]
fn a_second_object_the_parser_hangs_on_the_verb_is_a_target_with_its_own_date() {
    let c = claims(
        "At dawn in Varsk, police intelligence arrested Kasimir Holl, the operations chief for Brenning province, who gave the order to kill Piet Oranje on May 9 and another activist Edda Lorn in December 2019.",
    );
    let d = of(&c, ClaimType::DeathReport);
    assert!(d.iter().any(|d| d.field("person") == Some("Piet Oranje")), "{c:?}");
    let lorn = d.iter().find(|d| d.field("person") == Some("Edda Lorn")).expect("Edda Lorn");
    assert_eq!(lorn.field("date"), Some("2019-12"), "{c:?}");
}

#[test]
fn an_apposition_the_parser_made_a_second_subject_stands_for_the_person() {
    let c = claims(
        "Piet Oranje, a 63-year-old Norvanian former prisons official serving a life sentence in Varsk, landed at Brenning's airport where he was welcomed by family members and officials, state television footage showed.",
    );
    assert!(has(&c, ClaimType::Verdict, "defendant", "Piet Oranje"), "{c:?}");
}

#[test]
fn a_verdict_told_again_without_its_court_is_the_one_told_with_it() {
    let text = "Norvania and Varskia swapped prisoners on Monday. Varskia freed Edda Lorn. \
Piet Oranje, a former prisons official serving a life sentence in Norvania, landed at the airport. \
Oranje was arrested at the airport in May 2019 and sentenced to life in prison in July 2022.";
    let c = claims_in(text, &["Norvania", "Varskia"]);
    let v = of(&c, ClaimType::Verdict);
    assert_eq!(v.len(), 1, "{c:?}");
    assert_eq!(v[0].field("authority"), Some("Norvania"), "{c:?}");
}

#[test]
fn a_name_after_an_object_that_names_no_one_is_the_defendant() {
    // The parse may hang "X" on the verb instead of on "a third man".
    let c = claims(
        "Norvanian prosecutors have charged a third man, Pavel Dunaj, with the same offences.",
    );
    assert!(has(&c, ClaimType::Charge, "defendant", "Pavel Dunaj"), "{c:?}");
}

#[test]
fn the_charges_of_a_conviction_stop_at_the_penalty_coordinated_after_them() {
    for text in [
        "Marisol Quenby was found guilty of fraud and jailed for five years.",
        "Marisol Quenby was found guilty of fraud and given a three-year sentence.",
    ] {
        let c = claims(text);
        let v = of(&c, ClaimType::Verdict);
        assert!(!v.is_empty(), "{text}: {c:?}");
        // The penalty is no charge.
        let charges: Vec<String> =
            v.iter().filter_map(|c| c.fields.get("charges")).map(|ch| ch.to_string()).collect();
        assert!(
            charges.iter().all(|ch| !ch.contains("jailed") && !ch.contains("sentence")),
            "{text}: {c:?}"
        );
    }
}

#[test]
fn charges_after_the_defendant_s_apposition_are_the_charges() {
    let c = claims(
        "Prosecutors charged Tomasz Wielgosz, the former head of the regional police, with treason and collaboration.",
    );
    let charge = of(&c, ClaimType::Charge);
    assert_eq!(charge.len(), 1, "{c:?}");
    assert!(charge[0].list("charges").iter().any(|x| x.contains("treason")), "{c:?}");
}

#[test]
fn an_arrest_is_dated_by_the_time_nearest_its_verb() {
    // The parser hangs the day on the subject and the protests' year on the verb.
    let c = claims(
        "Police in Kenya on 3 March 2024 detained Kasimir Holl over his alleged role in the suppression of protests in 2023.",
    );
    let a = of(&c, ClaimType::Arrest);
    assert_eq!(a.len(), 1, "{c:?}");
    assert_eq!(a[0].field("date"), Some("2024-03-03"), "{c:?}");
}

#[test]
fn a_participle_before_the_rank_of_the_charged_leaves_the_charge() {
    // The tagger reads "retired" as a verb and the parse makes it the complement of
    // "charged", with the name as its object.
    let c = claims_in(
        "Prosecutors in Norvania on Tuesday charged retired General Tomasz Wielgosz, the former chief of staff of the army, with genocide.",
        &["Norvania"],
    );
    let charges = of(&c, ClaimType::Charge);
    let charge = charges.iter().find(|x| x.field("defendant") == Some("Tomasz Wielgosz"));
    let charge = charge.unwrap_or_else(|| panic!("{c:?}"));
    assert_eq!(charge.field("authority"), Some("Norvania"), "{charge:?}");
    assert!(charge.list("charges").iter().any(|x| x.contains("genocide")), "{charge:?}");
}

#[test]
fn a_name_before_a_plural_of_others_is_no_person_killed() {
    let text = "Prosecutors charged the general over the killing of more than 1,200 Varsk Orlan villagers in 1981 and 1982.";
    let c = claims(text);
    assert!(of(&c, ClaimType::DeathReport).is_empty(), "{c:?}");
    // A kin noun keeps its name ("the brothers" are the family's).
    let c = claims(
        "Police arrested Tomasz and Piet Wielgosz. The Wielgosz brothers were later sentenced to ten years in prison by a court in Norway.",
    );
    assert!(!of(&c, ClaimType::Verdict).is_empty(), "{c:?}");
}

#[test]
fn officers_a_number_stands_for_are_each_convicted() {
    let c = claims(
        "The court also convicted two of his officers, Colonel Piet Oranje and Major Kasimir Holl, of murder and sentenced them to 20 years in prison each.",
    );
    assert!(has(&c, ClaimType::Verdict, "defendant", "Piet Oranje"), "{c:?}");
    assert!(has(&c, ClaimType::Verdict, "defendant", "Kasimir Holl"), "{c:?}");
}

#[test]
fn an_extradition_sought_is_no_arrest() {
    let c = claims(
        "Tomasz Wielgosz fled the country in 2022. The prosecution said it would seek his extradition.",
    );
    assert!(of(&c, ClaimType::Arrest).is_empty(), "{c:?}");
    // One carried out is.
    let c = claims("Tomasz Wielgosz fled the country in 2022. Norway approved his extradition.");
    assert!(has(&c, ClaimType::Arrest, "person", "Tomasz Wielgosz"), "{c:?}");
}

#[test]
fn a_deed_said_not_done_is_no_allegation() {
    let c = claims("Norvania has not carried out an execution since 2003, Edda Lorn said.");
    assert!(of(&c, ClaimType::Allegation).is_empty(), "{c:?}");
}

#[test]
fn a_name_apposed_to_the_noun_talks_are_held_with_is_the_one_met() {
    let c = claims(
        "Kasimir Holl visited Varsk in November, where he held talks with Wielgosz's predecessor, Anselm Vreeke.",
    );
    let m = of(&c, ClaimType::Meeting);
    let with = |n: &str| m.iter().any(|m| m.fields["participants"].to_string().contains(n));
    assert!(with("Anselm Vreeke") && with("Kasimir Holl"), "{c:?}");
}

#[test]
fn a_killing_ordered_is_a_death_on_either_parse_of_the_order() {
    let text = "Tomasz Wielgosz, who gave the order to kill Anton Brask in 2020, was arrested.";
    let c = claims(text);
    assert!(has(&c, ClaimType::DeathReport, "person", "Anton Brask"), "{c:?}");
    // As another parser reads it: the killing the order's clause, not the giving's.
    let c = claims_rewired(text, ClaimType::DeathReport, &[("kill", "order", "acl")]);
    assert!(has(&c, ClaimType::DeathReport, "person", "Anton Brask"), "{c:?}");
    // Ordering an arrest is still no arrest.
    let text = "Tomasz Wielgosz, who gave the order to detain Anton Brask in 2020, was arrested.";
    let c = claims_rewired(text, ClaimType::Arrest, &[("detain", "order", "acl")]);
    assert!(!has(&c, ClaimType::Arrest, "person", "Anton Brask"), "{c:?}");
}

#[test]
fn sentences_given_that_the_parse_made_the_verbs_predicate_are_verdicts() {
    // As the BiLSTM retrained in session 37 parses it: "sentences" the predicate (xcomp) of
    // "given", the clause on "couple", the names apposed to it.
    let text = "The other three defendants on trial include the Norvanian couple Anton B. and Edda L. from Varsk, who were given sentences between 15 to 18 years.";
    let arcs = [
        ("Anton", "couple", "appos"),
        ("Edda", "Anton", "conj"),
        ("Varsk", "Anton", "nmod"),
        ("given", "couple", "acl:relcl"),
        ("sentences", "given", "xcomp"),
    ];
    let c = claims_rewired(text, ClaimType::Verdict, &arcs);
    assert!(has(&c, ClaimType::Verdict, "defendant", "Edda L."), "{c:?}");
}
