//! Fusion on invented claims: origins, conflicts, refutations, successions, careers.

use std::collections::BTreeMap;

use claims::Claim;
use fuse::{Bound, Case, Source, Status};
use serde_json::json;

fn claim(
    doc: &str,
    n: usize,
    kind: &str,
    modality: &str,
    source: Option<&str>,
    fields: serde_json::Value,
) -> Claim {
    let mut ids = serde_json::Map::new();
    for f in ["holder", "person", "target", "predecessor"] {
        if let Some(name) = fields.get(f).and_then(|v| v.as_str()) {
            ids.insert(f.into(), json!(format!("{doc}/{name}")));
        }
    }
    if let Some(list) = fields.get("participants").and_then(|v| v.as_array()) {
        let l: Vec<_> =
            list.iter().map(|n| json!(format!("{doc}/{}", n.as_str().unwrap()))).collect();
        ids.insert("participants".into(), json!(l));
    }
    let mut v = json!({
        "id": format!("{doc}-{n}"), "doc": doc, "doc_sha256": "00", "type": kind,
        "modality": modality, "attributed_to": source,
        "evidence": {"text": "", "start": 0, "end": 0}, "confidence": 0.8,
        "entity_ids": ids, "rule": "test"
    });
    for (k, x) in fields.as_object().unwrap() {
        v[k] = x.clone();
    }
    serde_json::from_value(v).unwrap()
}

fn sources(docs: &[(&str, &str, &str)]) -> BTreeMap<String, Source> {
    docs.iter()
        .map(|(d, publisher, date)| {
            (
                d.to_string(),
                Source {
                    doc: d.to_string(),
                    publisher: Some(publisher.to_string()),
                    published: Some(date.to_string()),
                    ..Default::default()
                },
            )
        })
        .collect()
}

#[test]
fn outlets_quoting_one_agency_are_one_origin_and_two_publishers_corroborate() {
    let claims = vec![
        claim(
            "a",
            0,
            "warrant",
            "reported",
            Some("State News"),
            json!({"authority": "Peru", "target": "Ana Ruiz", "date": "2019"}),
        ),
        claim(
            "b",
            0,
            "warrant",
            "reported",
            Some("State News"),
            json!({"authority": "Peru", "target": "Ana Ruiz", "date": "2019-05"}),
        ),
        claim(
            "c",
            0,
            "sanction",
            "asserted",
            None,
            json!({"authority": "Canada", "target": "Ana Ruiz", "date": null}),
        ),
        claim(
            "d",
            0,
            "sanction",
            "asserted",
            None,
            json!({"authority": "Canada", "target": "Ana Ruiz", "date": "2018"}),
        ),
    ];
    let case = Case::build(
        sources(&[
            ("a", "Wire One", "2019-06"),
            ("b", "Wire Two", "2019-06"),
            ("c", "Wire One", "2020"),
            ("d", "Wire Two", "2020"),
        ]),
        claims,
        &[],
    );
    let warrant = case.assertions.iter().find(|a| a.kind == claims::ClaimType::Warrant).unwrap();
    assert_eq!(warrant.origins, vec!["State News"]);
    assert_eq!(warrant.status, Status::SingleSource);
    assert_eq!(warrant.date.as_deref(), Some("2019-05"), "the most precise compatible date");
    let sanction = case.assertions.iter().find(|a| a.kind == claims::ClaimType::Sanction).unwrap();
    assert_eq!(sanction.status, Status::Corroborated);
    assert_eq!(sanction.documents.len(), 2);
}

#[test]
fn a_person_the_text_quotes_is_no_origin_but_the_outlet_that_quotes_them_is() {
    // Piet Oranje is a person of the case (he holds a post) and is quoted on a warrant.
    let claims = vec![
        claim(
            "a",
            0,
            "position",
            "asserted",
            None,
            json!({"holder": "Piet Oranje", "organization": "Norvania", "role": "prosecutor"}),
        ),
        claim(
            "a",
            1,
            "warrant",
            "reported",
            Some("Piet Oranje"),
            json!({"authority": "Norvania", "target": "Tomasz Wielgosz", "date": "2019"}),
        ),
    ];
    let case = Case::build(sources(&[("a", "Varsk Daily", "2019-06")]), claims, &[]);
    let warrant = case.assertions.iter().find(|a| a.kind == claims::ClaimType::Warrant).unwrap();
    assert_eq!(warrant.origins, vec!["Varsk Daily"]);
    assert!(warrant.explanation[0].contains("(Varsk Daily)"), "{:?}", warrant.explanation);
}

#[test]
fn one_arrest_at_two_years_conflicts_and_says_why() {
    let claims = vec![
        claim("a", 0, "arrest", "asserted", None, json!({"person": "Tomas Arce", "date": "2014"})),
        claim(
            "b",
            0,
            "arrest",
            "asserted",
            None,
            json!({"person": "Tomas Arce", "date": "2016-02"}),
        ),
    ];
    let case = Case::build(sources(&[("a", "P1", "2017"), ("b", "P2", "2017")]), claims, &[]);
    assert_eq!(case.assertions.len(), 2);
    for a in &case.assertions {
        assert_eq!(a.status, Status::Conflicting);
        assert!(
            a.explanation.iter().any(|l| l.contains("2014") && l.contains("2016-02")),
            "{:?}",
            a.explanation
        );
        assert_eq!(a.related.len(), 1);
    }
}

#[test]
fn a_rumoured_death_is_refuted_by_a_later_meeting_and_an_asserted_one_conflicts() {
    let claims = vec![
        claim(
            "a",
            0,
            "death_report",
            "rumored",
            None,
            json!({"person": "Tomas Arce", "date": "2021-03"}),
        ),
        claim(
            "b",
            0,
            "meeting",
            "asserted",
            None,
            json!({"participants": ["Tomas Arce", "Lena Vogt"], "date": "2021-04-02"}),
        ),
        claim(
            "c",
            0,
            "death_report",
            "asserted",
            None,
            json!({"person": "Lena Vogt", "date": "2021-03-20"}),
        ),
    ];
    let case = Case::build(
        sources(&[("a", "P1", "2021-03"), ("b", "P2", "2021-04"), ("c", "P3", "2021-03")]),
        claims,
        &[],
    );
    let by_type = |t: &str, who: &str| {
        case.assertions
            .iter()
            .find(|a| {
                a.kind.as_str() == t && serde_json::to_string(&a.arguments).unwrap().contains(who)
            })
            .unwrap()
    };
    let rumour = by_type("death_report", "Tomas Arce");
    assert_eq!(rumour.status, Status::Refuted);
    assert_eq!(rumour.related, vec![by_type("meeting", "Tomas").id.clone()]);
    assert_eq!(by_type("death_report", "Lena Vogt").status, Status::Conflicting);
}

#[test]
fn a_successor_supersedes_a_post_and_the_career_is_ordered_with_bounds() {
    let claims = vec![
        claim(
            "a",
            0,
            "position",
            "asserted",
            None,
            json!({"holder": "Ana Ruiz", "role": "deputy head", "organization": "Port Police", "start": null, "end": "2012", "as_of": null}),
        ),
        claim(
            "a",
            1,
            "appointment",
            "asserted",
            None,
            json!({"person": "Ana Ruiz", "role": "head", "organization": "Border Guard", "date": "2012-05", "predecessor": "Tomas Arce"}),
        ),
        claim(
            "b",
            0,
            "position",
            "asserted",
            None,
            json!({"holder": "Ana Ruiz", "role": "director", "organization": "Border Guard", "start": null, "end": null, "as_of": "2016-01-10"}),
        ),
        claim(
            "c",
            0,
            "appointment",
            "asserted",
            None,
            json!({"person": "Lena Vogt", "role": "chief", "organization": "Border Guard", "date": "2019-09", "predecessor": "Ana Ruiz"}),
        ),
    ];
    let case = Case::build(
        sources(&[("a", "P1", "2013"), ("b", "P2", "2016-01-10"), ("c", "P3", "2019-10")]),
        claims,
        &[],
    );
    let post = case
        .assertions
        .iter()
        .find(|a| a.kind == claims::ClaimType::Position && a.text("role") == Some("director"))
        .unwrap();
    assert_eq!(post.status, Status::Superseded);
    assert_eq!(post.end.as_ref().unwrap().date, "2019-09");

    let career = case.careers.iter().find(|c| c.person.name == "Ana Ruiz").unwrap();
    let titles: Vec<String> = career.posts.iter().map(|p| p.title()).collect();
    assert_eq!(titles, ["deputy head of Port Police", "director of Border Guard"]);
    let guard = &career.posts[1];
    assert_eq!(
        (
            guard.start.as_ref().unwrap().date.as_str(),
            guard.start.as_ref().unwrap().qualifier.as_str()
        ),
        ("2012-05", "from")
    );
    assert_eq!(guard.end.as_ref().unwrap().date, "2019-09");
    assert_eq!(guard.predecessor.as_ref().unwrap().name, "Tomas Arce");
    assert_eq!(guard.successor.as_ref().unwrap().name, "Lena Vogt");
    // The predecessor's post, known only from the appointment, ends with it.
    let before = case.careers.iter().find(|c| c.person.name == "Tomas Arce").unwrap();
    assert_eq!(before.posts[0].end.as_ref().unwrap().date, "2012-05");
    assert_eq!(before.posts[0].successor.as_ref().unwrap().name, "Ana Ruiz");
}

#[test]
fn a_post_called_former_ends_by_the_publication_that_says_so() {
    let claims = vec![
        claim(
            "a",
            0,
            "position",
            "asserted",
            None,
            json!({"holder": "Tomas Arce", "role": "director", "organization": "Harbour Police", "as_of": "2015-03-01"}),
        ),
        claim(
            "b",
            0,
            "position",
            "asserted",
            None,
            json!({"holder": "Tomas Arce", "role": "former director", "organization": "Harbour Police", "as_of": null, "former": true}),
        ),
    ];
    let case =
        Case::build(sources(&[("a", "P1", "2015-03-01"), ("b", "P2", "2020-06-01")]), claims, &[]);
    let post = &case.careers[0].posts[0];
    assert_eq!(post.start, Some(Bound::new("2015-03-01", "at least from")));
    assert_eq!(post.end, Some(Bound::new("2020-06-01", "at most until")));
    let a = case.assertions.iter().find(|a| a.kind.as_str() == "position").unwrap();
    assert!(a.explanation.iter().any(|l| l.contains("former")), "{:?}", a.explanation);
    assert!(!a.arguments.contains_key("former"));
}

#[test]
fn a_former_description_older_than_a_current_one_leaves_the_post_held() {
    let claims = vec![
        claim(
            "a",
            0,
            "position",
            "asserted",
            None,
            json!({"holder": "Tomas Arce", "role": "director", "organization": "Harbour Police", "as_of": null, "former": true}),
        ),
        claim(
            "b",
            0,
            "position",
            "asserted",
            None,
            json!({"holder": "Tomas Arce", "role": "director", "organization": "Harbour Police", "as_of": "2015-03-01"}),
        ),
    ];
    let case =
        Case::build(sources(&[("a", "P1", "2010-01-01"), ("b", "P2", "2015-03-01")]), claims, &[]);
    assert_eq!(case.careers[0].posts[0].end, Some(Bound::new("2015-03-01", "at least until")));
}

#[test]
fn a_death_ends_every_post_and_a_later_appointment_conflicts_with_it() {
    let claims = vec![
        claim(
            "a",
            0,
            "death_report",
            "asserted",
            None,
            json!({"person": "Tomas Arce", "date": "2006-11-23"}),
        ),
        // A later article that speaks of him in the present tense.
        claim(
            "b",
            0,
            "position",
            "asserted",
            None,
            json!({"holder": "Tomas Arce", "role": "officer", "organization": "Harbour Police", "as_of": "2024-05-14"}),
        ),
        claim(
            "b",
            1,
            "appointment",
            "asserted",
            None,
            json!({"person": "Tomas Arce", "role": "head", "organization": "Coast Guard", "date": "1990"}),
        ),
        claim(
            "b",
            2,
            "appointment",
            "asserted",
            None,
            json!({"person": "Tomas Arce", "role": "adviser", "organization": "Port Authority", "date": "2010"}),
        ),
    ];
    let case =
        Case::build(sources(&[("a", "P1", "2006-11-24"), ("b", "P2", "2024-05-14")]), claims, &[]);
    let career = &case.careers[0];
    assert_eq!(career.died.as_deref(), Some("2006-11-23"));
    let post = |org: &str| career.posts.iter().find(|p| p.organization.name == org).unwrap();
    let police = post("Harbour Police");
    assert_eq!(police.start, None, "no start after the death");
    assert_eq!(police.end, Some(Bound::new("2006-11-23", "until")));
    assert_eq!(post("Coast Guard").end, Some(Bound::new("2006-11-23", "until")));
    let late = case
        .assertions
        .iter()
        .find(|a| a.kind.as_str() == "appointment" && a.date.as_deref() == Some("2010"))
        .unwrap();
    assert_eq!(late.status, Status::Conflicting);
    assert!(late.explanation.iter().any(|l| l.contains("after Tomas Arce's death")));
}

#[test]
fn an_appointment_after_the_last_date_a_post_holds_supersedes_it_and_its_own_holder_never() {
    let claims = vec![
        claim(
            "a",
            0,
            "position",
            "asserted",
            None,
            json!({"holder": "Edda Lorn", "role": "director", "organization": "Harbour Authority", "start": null, "end": null, "as_of": "2015-03"}),
        ),
        claim(
            "b",
            0,
            "appointment",
            "asserted",
            None,
            json!({"person": "Piet Oranje", "role": "director", "organization": "Harbour Authority", "date": "2017-06"}),
        ),
        // An appointment with no date, and the holder's own reappointment: neither ends it.
        claim(
            "c",
            0,
            "appointment",
            "asserted",
            None,
            json!({"person": "Kasimir Holl", "role": "director", "organization": "Harbour Authority"}),
        ),
        claim(
            "d",
            0,
            "appointment",
            "asserted",
            None,
            json!({"person": "Edda Lorn", "role": "director", "organization": "Harbour Authority", "date": "2018-01"}),
        ),
    ];
    let case = Case::build(
        sources(&[
            ("a", "P1", "2015-03"),
            ("b", "P2", "2017-06"),
            ("c", "P3", "2017"),
            ("d", "P4", "2018"),
        ]),
        claims,
        &[],
    );
    let post = case
        .assertions
        .iter()
        .find(|a| {
            a.kind == claims::ClaimType::Position
                && a.party("holder").is_some_and(|p| p.name == "Edda Lorn")
        })
        .unwrap();
    assert_eq!(post.status, Status::Superseded);
    assert_eq!(post.end.as_ref().unwrap().date, "2017-06");
    let lines: Vec<&String> =
        post.explanation.iter().filter(|l| l.starts_with("superseded:")).collect();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(lines[0].contains("Piet Oranje was appointed head of Harbour Authority in 2017-06, which comes after the last date"), "{}", lines[0]);
    assert_eq!(post.related.len(), 1);
}
