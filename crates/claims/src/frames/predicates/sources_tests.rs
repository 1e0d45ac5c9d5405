//! Who a claim comes from across sentences (a quotation over several sentences, a fact
//! restated later) and the state of a court named by its city, on invented texts.

use super::tests::{claims, of};
use crate::{ClaimType, Modality};

#[test]
fn the_sentences_of_a_long_quotation_are_the_speakers() {
    let text = "Northland sanctioned three officers on Tuesday.\n\n\"It is clear that the regime feared him. In 2019, officers of the Varsk security service poisoned Piet Oranje with a nerve agent. No one should doubt the nature of that system,\" Foreign Minister Edda Lorn said.\n";
    let c = claims(text);
    let health = of(&c, ClaimType::Health);
    assert_eq!(health.len(), 1, "{c:?}");
    assert_eq!(health[0].modality, Modality::Reported, "{c:?}");
    assert_eq!(health[0].attributed_to.as_deref(), Some("Edda Lorn"), "{c:?}");
    // Outside the quotation the author speaks.
    let text = "\"We will not rest,\" Edda Lorn said.\n\nIn 2019, agents poisoned Piet Oranje with a nerve agent.\n";
    let c = claims(text);
    let health = of(&c, ClaimType::Health);
    assert!(health.iter().all(|h| h.attributed_to.is_none()), "{c:?}");
}

#[test]
fn a_fact_restated_by_the_author_keeps_the_source_that_told_it_first() {
    let text = "Northland police arrested Kasimir Holl at his home in Varsk on Monday, the Northland Interior Ministry said.\n\nKasimir Holl was arrested after a long inquiry into the bank's affairs.\n";
    let c = claims(text);
    let arrests = of(&c, ClaimType::Arrest);
    assert_eq!(arrests.len(), 1, "{c:?}");
    assert_eq!(arrests[0].modality, Modality::Reported, "{c:?}");
    assert!(arrests[0].attributed_to.is_some(), "{c:?}");
    assert!(arrests[0].evidence.text.starts_with("Northland police"), "{c:?}");
}

#[test]
fn a_court_named_by_a_known_city_gives_its_state() {
    let text = "Northland and Ostria argued over the case for years.\n\nA court in Ljubljana sentenced Tomasz Wielgosz to ten years in prison on Tuesday.\n";
    let c = claims(text);
    let verdicts = of(&c, ClaimType::Verdict);
    assert_eq!(verdicts.len(), 1, "{c:?}");
    assert_eq!(verdicts[0].field("authority"), Some("Slovenia"), "{c:?}");
}

#[test]
fn travel_to_a_list_of_places_is_one_visit_each() {
    let c = claims(
        "Piet Oranje has travelled abroad over the past year, including to countries like Norvania, Ostria and Brenning.",
    );
    let places: Vec<_> = of(&c, ClaimType::Visit).iter().filter_map(|v| v.field("place")).collect();
    assert!(places.contains(&"Norvania") && places.contains(&"Brenning"), "{c:?}");
    // Travel that names no place is no visit.
    let c = claims("Piet Oranje travelled widely in his youth.");
    assert!(of(&c, ClaimType::Visit).is_empty(), "{c:?}");
}

#[test]
fn a_passive_reporting_verb_names_no_source() {
    // "was announced": the one announced of is not who announced it.
    let c = claims("The death of Kasimir Holl was announced on Saturday.\n");
    let deaths = of(&c, ClaimType::DeathReport);
    assert_eq!(deaths.len(), 1, "{c:?}");
    assert_eq!(deaths[0].attributed_to, None, "{c:?}");
    // The active verb still names its speaker.
    let c = claims("Edda Lorn announced that Kasimir Holl had died.\n");
    let deaths = of(&c, ClaimType::DeathReport);
    assert_eq!(deaths[0].attributed_to.as_deref(), Some("Edda Lorn"), "{c:?}");
}

#[test]
fn a_court_paper_is_its_own_source_not_the_body_named_before() {
    let text = "The Treasury said it had frozen assets.\n\nAccording to the indictment, Tomasz Wielgosz ordered the torture of at least 30 detainees.\n";
    let c = claims(text);
    let a = of(&c, ClaimType::Allegation);
    assert!(!a.is_empty(), "{c:?}");
    assert!(a.iter().all(|a| a.attributed_to.as_deref() != Some("Treasury")), "{c:?}");
}

#[test]
fn talks_held_in_a_place_have_that_place_and_a_dropped_frame_fills_it_in() {
    let c = claims("Tomasz Wielgosz held talks with Marisol Quenby in Lornby on Sunday.");
    let m = of(&c, ClaimType::Meeting);
    assert_eq!(m.len(), 1, "{c:?}");
    assert_eq!(m[0].field("place"), Some("Lornby"), "{c:?}");
}

#[test]
fn a_persons_lawyers_or_family_are_the_source_as_written() {
    let c = claims("Piet Oranje's wife, Edda Oranje, remains in detention, her lawyers said.");
    let arrests = of(&c, ClaimType::Arrest);
    let arrest = arrests.first().unwrap_or_else(|| panic!("{c:?}"));
    assert_eq!(arrest.modality, Modality::Reported, "{c:?}");
    assert_eq!(arrest.attributed_to.as_deref(), Some("her lawyers"), "{c:?}");
}

#[test]
fn travel_including_to_places_is_a_visit_whichever_word_the_parse_hangs_to_on() {
    let text = "Piet Oranje has travelled abroad over the past year, including to countries like \
                Norvania, Ostria and Brenning.";
    // Another parser makes "including to" one preposition: "to" hangs on "including".
    let c = crate::frames::test_support::claims_reparsed(
        crate::Rules::english(),
        text,
        ClaimType::Visit,
        |w| {
            let at = |form: &str| {
                w.iter().position(|w| &text[w.span.clone()] == form).expect("the word")
            };
            let (including, to) = (at("including"), at("to"));
            w[to].head = including + 1;
            w[to].deprel = "fixed".into();
        },
    );
    let places: Vec<_> = c.iter().filter_map(|v| v.field("place")).collect();
    assert!(places.contains(&"Norvania") && places.contains(&"Brenning"), "{c:?}");
}
