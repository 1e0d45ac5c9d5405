//! Unit tests of holding sanction assertions against official lists (invented names).

use std::collections::BTreeMap;

use claims::{ClaimType, Modality};
use lists::{Authority, Entry, EntryKind, ListedName, NameQuality};
use serde_json::json;

use super::{ListFile, Lists, hold_against, jurisdiction};
use crate::{Assertion, Case, Status};

fn entry(authority: Authority, record: &str, name: &str, listed_on: Option<&str>) -> Entry {
    Entry {
        authority,
        record: record.into(),
        kind: EntryKind::Person,
        names: vec![
            ListedName { name: name.into(), quality: NameQuality::Primary },
            ListedName { name: "VENKELL, Darius".into(), quality: NameQuality::Alias },
        ],
        birth_dates: vec!["1951-03-02".into()],
        birth_places: Vec::new(),
        nationalities: Vec::new(),
        identifiers: Vec::new(),
        programmes: vec!["TESTLAND".into()],
        listed_on: listed_on.map(String::from),
        roles: Vec::new(),
        addresses: Vec::new(),
    }
}

fn sanction(id: &str, target: &str, authority: &str) -> Assertion {
    let mut arguments = BTreeMap::new();
    arguments.insert("target".into(), json!({"id": "person-1", "name": target}));
    arguments.insert("authority".into(), json!({"name": authority}));
    Assertion {
        id: id.into(),
        kind: ClaimType::Sanction,
        arguments,
        date: Some("2011".into()),
        start: None,
        end: None,
        status: Status::SingleSource,
        explanation: vec!["stated in 1 document from 1 independent origin (x)".into()],
        modality: Modality::Asserted,
        claims: vec!["c".into()],
        documents: vec!["d".into()],
        origins: vec!["x".into()],
        related: Vec::new(),
        confidence: 0.9,
        official: None,
    }
}

fn lists() -> Lists {
    Lists {
        entries: vec![
            entry(Authority::UsOfac, "4711", "VENKEL, Dario", None),
            entry(Authority::Uk, "90210", "VENKEL, Dario", Some("2011-05-10")),
        ],
        file_of: vec![0, 1],
        files: vec![
            ListFile { name: "sdn.csv".into(), authority: "US-OFAC".into(), as_of: None },
            ListFile {
                name: "ConList.csv".into(),
                authority: "UK".into(),
                as_of: Some("2018-04-13".into()),
            },
        ],
    }
}

#[test]
fn authorities_map_to_the_lists_of_their_jurisdiction() {
    assert_eq!(jurisdiction("United States"), "US");
    assert_eq!(jurisdiction("the U.S. Treasury"), "US");
    assert_eq!(jurisdiction("OFAC"), "US");
    assert_eq!(jurisdiction("United Kingdom"), "UK");
    assert_eq!(jurisdiction("Britain"), "UK");
    assert_eq!(jurisdiction("UN Security Council"), "UN");
    assert_eq!(jurisdiction("United Nations"), "UN");
    assert_eq!(jurisdiction("European Union"), "EU");
    assert_eq!(jurisdiction("Testland"), "Testland");
}

#[test]
fn a_listing_of_the_same_authority_corroborates_and_brings_its_facts() {
    let mut case = Case {
        assertions: vec![
            sanction("a-us", "Dario Venkel", "United States"),
            sanction("a-uk", "Dario Venkel", "United Kingdom"),
            sanction("a-eu", "Dario Venkel", "European Union"),
        ],
        ..Case::default()
    };
    hold_against(&mut case, lists());
    let [us, uk, eu] = &case.assertions[..] else { panic!("three assertions") };
    assert_eq!(us.status, Status::Corroborated);
    // The score is the learned one's (a probability, not a fixed 1.00): the record matters.
    let line = us.official.as_deref().unwrap_or_default();
    assert!(line.starts_with("Official list: OFAC SDN, record 4711 (sdn.csv; match "), "{line}");
    let line = uk.official.as_deref().unwrap_or_default();
    assert!(
        line.starts_with(
            "Official list: UK consolidated list, listed 2011-05-10, record 90210 (ConList.csv; match "
        ),
        "{line}"
    );
    assert!(uk.explanation[0].starts_with("stated in"), "the origins line stays first");
    assert_eq!(eu.official.as_deref(), Some("no EU list imported"));
    assert_eq!(eu.status, Status::SingleSource);
    let facts = &case.official["person-1"];
    assert!(facts.iter().any(|f| f.field == "alias" && f.value == "VENKELL, Darius"));
    assert!(
        facts.iter().any(|f| f.field == "born" && f.value == "1951-03-02" && f.record == "90210")
    );
    assert!(facts.iter().any(|f| f.field == "programme" && f.file == "sdn.csv"));
}

#[test]
fn an_imported_list_without_the_entry_says_so_with_its_date() {
    let mut case = Case {
        assertions: vec![
            sanction("a-uk", "Marta Quillon", "UK"),
            sanction("a-us", "Marta Quillon", "US"),
        ],
        ..Case::default()
    };
    hold_against(&mut case, lists());
    assert_eq!(case.assertions[0].official.as_deref(), Some("not on the UK list as of 2018-04-13"));
    assert_eq!(
        case.assertions[1].official.as_deref(),
        Some("not on the US list as of the imported files (undated)")
    );
    assert_eq!(case.assertions[0].status, Status::SingleSource);
    assert!(case.official.is_empty());
}

#[test]
fn no_list_imported_changes_nothing() {
    let mut case =
        Case { assertions: vec![sanction("a", "Dario Venkel", "US")], ..Case::default() };
    hold_against(&mut case, Lists { entries: Vec::new(), file_of: Vec::new(), files: Vec::new() });
    assert_eq!(case.assertions[0].official, None);
}

#[test]
fn an_unsure_listing_goes_to_review_and_confirms_nothing() {
    // "Venkelo" is a close spelling of "Venkel": the unsure band, not a match.
    let mut case =
        Case { assertions: vec![sanction("a-us", "Dario Venkelo", "US")], ..Case::default() };
    hold_against(&mut case, lists());
    assert_eq!(case.assertions[0].status, Status::SingleSource);
    assert_eq!(
        case.assertions[0].official.as_deref(),
        Some("not on the US list as of the imported files (undated)")
    );
    let r = case.official_review.iter().find(|r| r.record == "4711").expect("for review");
    assert!((0.75..0.88).contains(&r.score), "{r:?}");
    assert_eq!((r.name.as_str(), r.file.as_str()), ("Dario Venkelo", "sdn.csv"));
    assert!(r.explanation.contains("venkelo ~ venkel"), "{r:?}");
}

#[test]
fn every_name_of_the_entity_is_matched() {
    // The canonical name is another spelling; one document's spelling is the list's.
    let mut case =
        Case { assertions: vec![sanction("a-us", "Dario Venkelo", "US")], ..Case::default() };
    case.resolution.entities.push(resolve::Entity {
        id: "person-1".into(),
        kind: resolve::EntityKind::Person,
        name: "Dario Venkelo".into(),
        names: vec!["Dario Venkelo".into(), "Dario Venkel".into()],
        country: None,
        docs: vec!["d".into()],
        mentions: 2,
    });
    hold_against(&mut case, lists());
    assert_eq!(case.assertions[0].status, Status::Corroborated);
    assert!(case.official_review.iter().all(|r| r.record != "4711"), "{:?}", case.official_review);
}
