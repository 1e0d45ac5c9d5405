//! Meetings and visits: who met whom and where, in either voice and through appositions,
//! on invented sentences read by the real reader and parser.

use super::tests::{claims, of};
use crate::ClaimType;

/// The participants of every meeting in a text, sorted.
fn meetings(text: &str) -> Vec<Vec<String>> {
    let c = claims(text);
    of(&c, ClaimType::Meeting)
        .iter()
        .map(|m| {
            let mut p: Vec<String> = m.list("participants").iter().map(|s| s.to_string()).collect();
            p.sort();
            p
        })
        .collect()
}

#[test]
fn companions_of_a_visitor_visit_the_same_place() {
    let c = claims(
        "Tomasz Wielgosz started a previously unannounced visit to Velmora today for talks \
         with its king. He was accompanied by trade minister Marisol Quenby and army chief \
         Orrin Dalewick.",
    );
    for name in ["Marisol Quenby", "Orrin Dalewick"] {
        let v = of(&c, ClaimType::Visit);
        let v = v.iter().find(|v| v.field("person") == Some(name)).expect(name);
        assert_eq!(v.field("place"), Some("Velmora"), "{v:?}");
    }
    // No visit before: no companions.
    let c = claims("He was accompanied by the trade minister Marisol Quenby.");
    assert!(of(&c, ClaimType::Visit).is_empty(), "{c:?}");
}

/// "visited the holy city of X": the place a place noun names by its "of" phrase.
#[test]
fn a_visit_to_the_city_of_x_is_a_visit_to_x() {
    let c = claims("During the trip, Tomasz Wielgosz also visited the port city of Bergen.");
    let v = of(&c, ClaimType::Visit);
    assert!(v.iter().any(|v| v.field("place") == Some("Bergen")), "{c:?}");
    // A place noun with no place named is no visit.
    let c = claims("During the trip, Tomasz Wielgosz also visited the old city.");
    assert!(of(&c, ClaimType::Visit).is_empty(), "{c:?}");
}

#[test]
fn talks_with_someone_are_a_meeting_of_the_clauses_subject() {
    let c = claims("Tomasz Wielgosz flew to Velmora on Monday for talks with Marisol Quenby.");
    let m = of(&c, ClaimType::Meeting);
    assert_eq!(m.len(), 1, "{c:?}");
    assert_eq!(m[0].list("participants").len(), 2, "{c:?}");
    // Talks with no second party named are no meeting.
    let c = claims("Tomasz Wielgosz flew to Velmora on Monday for talks.");
    assert!(of(&c, ClaimType::Meeting).is_empty(), "{c:?}");
}

#[test]
fn a_meeting_whose_subject_the_parser_missed() {
    let c = claims("During his visit to Varnholm, Karel Dunne met President Jules Marrot.");
    let m = of(&c, ClaimType::Meeting);
    assert!(m.iter().any(|m| m.list("participants").len() == 2), "{c:?}");
}

#[test]
fn a_meeting_with_someone_that_a_named_subject_attended() {
    let c = claims(
        "Just hours before his detention on Tuesday evening, Tomasz Wielgosz had attended a Defence Ministry meeting with Defence Minister Piet Oranje and other officials.",
    );
    let m = of(&c, ClaimType::Meeting);
    assert!(m.iter().any(|m| m.list("participants").len() >= 2), "{c:?}");
}

#[test]
fn being_seen_or_pictured_with_someone_is_a_meeting() {
    for text in [
        "Kasimir Holl is seen with his brother Piet Oranje and the singer Edda Lorn, who visited Varsk recently.",
        "In a photo released on Wednesday, Tomasz Wielgosz was seen standing along with other Norvanian officials including President Piet Oranje at the palace in Varsk.",
        "Tomasz Wielgosz was photographed with Edda Lorn at a dinner in Brenning.",
    ] {
        let m = meetings(text);
        assert_eq!(m.len(), 1, "{text}: {m:?}");
        assert!(m[0].len() >= 2, "{text}: {m:?}");
    }
    // Seen as something, or with no one named: no meeting.
    for text in [
        "Tomasz Wielgosz is seen as a hardliner in Varsk.",
        "Tomasz Wielgosz was seen with a rifle near the border.",
        "Tomasz Wielgosz was seen in Varsk on Monday.",
    ] {
        assert!(meetings(text).is_empty(), "{text}");
    }
}

#[test]
fn hosting_or_receiving_a_person_is_a_meeting_and_a_prize_is_not() {
    let m = meetings("Tomasz Wielgosz hosted Marisol Quenby in Varsk on Monday.");
    assert_eq!(m, vec![vec!["Marisol Quenby".to_string(), "Tomasz Wielgosz".to_string()]]);
    let m = meetings("President Piet Oranje received Edda Lorn at the palace on Friday.");
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(meetings("Tomasz Wielgosz received the Order of Merit in 2010.").is_empty());
    assert!(meetings("Tomasz Wielgosz received a 20-year sentence.").is_empty());
}

#[test]
fn receiving_a_counterpart_named_in_apposition_is_a_meeting_where_it_happened() {
    // The tagger reads "Kasimir Brunovian" as the person "Kasimir" and a miscellaneous
    // "Brunovian" (a nationality's ending); the family name is the person's all the same.
    let text = "Norvania's interior minister, Tomasz Wielgosz, received his Varskan counterpart, Piet Kasimir Brunovian, in Lornby on Wednesday for talks on border security.\n\nBrunovian later met Edda Lorn.\n";
    let c = claims(text);
    let m = of(&c, ClaimType::Meeting);
    let first = m.iter().find(|m| m.list("participants").contains(&"Tomasz Wielgosz"));
    let first = first.unwrap_or_else(|| panic!("{c:?}"));
    assert!(first.list("participants").contains(&"Piet Kasimir Brunovian"), "{m:?}");
    assert_eq!(first.field("place"), Some("Lornby"), "{m:?}");
}

#[test]
fn a_meeting_told_in_a_second_conjunct_with_a_list_of_those_met() {
    let text = "Born in 1970, Tomasz Wielgosz graduated from the academy in 1992 and has more recently met world leaders including President Piet Oranje of Norvania.";
    let m = meetings(text);
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(m[0].contains(&"Piet Oranje".to_string()), "{m:?}");
    assert!(m[0].contains(&"Tomasz Wielgosz".to_string()), "{m:?}");
}

#[test]
fn a_name_apposed_to_a_post_after_a_comma_is_met() {
    for text in [
        "Piet Oranjeholl met the commander of the guard, Edda Lorn, in Varnholm.",
        "Piet Oranjeholl held talks with the commander of the guard, Edda Lorn, in Varnholm.",
    ] {
        let c = claims(text);
        let m = of(&c, ClaimType::Meeting);
        assert!(m.iter().any(|m| m.list("participants").contains(&"Edda Lorn")), "{text}: {c:?}");
    }
}

#[test]
fn the_agency_of_a_dateline_is_no_participant() {
    let c = claims(
        "VARNHOLM, Jan 12 (Norvanian News Agency) - Norvania's army chief General Piet Oranjeholl met President Edda Lorn in Varnholm on Thursday.",
    );
    let m = of(&c, ClaimType::Meeting);
    assert!(!m.is_empty(), "{c:?}");
    assert!(m.iter().all(|m| !m.list("participants").contains(&"Norvanian News Agency")), "{m:?}");
}
