//! Resolution across documents on invented claims: who joins, who stays apart, and why.

use claims::Claim;
use resolve::{EntityKind, JudgedBy, UserJudgement, Verdict, resolve};
use serde_json::json;

fn claim(
    doc: &str,
    n: usize,
    kind: &str,
    fields: serde_json::Value,
    ids: serde_json::Value,
) -> Claim {
    let mut v = json!({
        "id": format!("{doc}-{n}"), "doc": doc, "doc_sha256": "00", "type": kind,
        "modality": "asserted", "attributed_to": null,
        "evidence": {"text": "", "start": 0, "end": 0}, "confidence": 0.9,
        "entity_ids": ids, "rule": "test"
    });
    for (k, x) in fields.as_object().unwrap() {
        v[k] = x.clone();
    }
    serde_json::from_value(v).unwrap()
}

fn post(
    doc: &str,
    n: usize,
    holder: &str,
    role: &str,
    org: &str,
    extra: serde_json::Value,
) -> Claim {
    let mut fields = json!({"holder": holder, "role": role, "organization": org, "start": null, "end": null, "as_of": null});
    for (k, x) in extra.as_object().unwrap() {
        fields[k] = x.clone();
    }
    claim(doc, n, "position", fields, json!({"holder": format!("{doc}/p0")}))
}

fn same_entity(r: &resolve::Resolution, a: (usize, &str), b: (usize, &str)) -> bool {
    r.index_of(a.0, a.1, 0).unwrap() == r.index_of(b.0, b.1, 0).unwrap()
}

#[test]
fn spellings_of_one_person_join_and_two_people_of_one_surname_do_not() {
    let claims = vec![
        post("a", 0, "Youssef al-Qaddouri", "head", "Coastal Guard", json!({})),
        post("b", 0, "Yusuf Qadduri", "head", "Coastal Guard", json!({})),
        post("c", 0, "Karim Qaddouri", "minister", "Ruritania", json!({})),
    ];
    let r = resolve(&claims, &[]);
    assert!(same_entity(&r, (0, "holder"), (1, "holder")));
    assert!(!same_entity(&r, (0, "holder"), (2, "holder")));
    let judged = r
        .judgements
        .iter()
        .find(|j| j.kind == EntityKind::Person && j.verdict == Verdict::Same)
        .unwrap();
    assert!(judged.reason.contains("compatible spellings"), "{judged:?}");
}

#[test]
fn a_lone_surname_that_fits_two_people_stays_apart_as_unsure() {
    let claims = vec![
        post("a", 0, "Samir Haddad", "head", "Port Authority", json!({})),
        post("b", 0, "Karim Haddad", "head", "Customs Service", json!({})),
        post("c", 0, "Haddad", "head", "Tax Office", json!({})),
    ];
    let r = resolve(&claims, &[]);
    assert!(!same_entity(&r, (2, "holder"), (0, "holder")));
    assert!(!same_entity(&r, (2, "holder"), (1, "holder")));
    assert!(r.judgements.iter().any(|j| j.verdict == Verdict::Unsure && j.left == "Haddad"));
}

#[test]
fn bodies_of_one_name_in_two_countries_stay_apart_and_acronyms_join() {
    let claims = vec![
        post(
            "a",
            0,
            "Ana Ruiz",
            "head",
            "General Intelligence Directorate",
            json!({"country": "Peru"}),
        ),
        post(
            "b",
            0,
            "Omar Saleh",
            "head",
            "General Intelligence Directorate",
            json!({"country": "Chile"}),
        ),
        post("c", 0, "Ana Ruiz", "director", "Peruvian General Intelligence Service", json!({})),
        post("d", 0, "Lena Vogt", "head", "Federal Border Agency", json!({})),
        post("e", 0, "Lena Vogt", "chief", "FBA", json!({})),
    ];
    let r = resolve(&claims, &[]);
    assert!(!same_entity(&r, (0, "organization"), (1, "organization")));
    assert!(same_entity(&r, (0, "organization"), (2, "organization")));
    assert!(same_entity(&r, (3, "organization"), (4, "organization")));
    assert!(
        r.judgements
            .iter()
            .any(|j| j.verdict == Verdict::Different && j.reason.contains("different countries"))
    );
}

#[test]
fn one_person_heading_two_names_at_once_proposes_an_alias_with_its_evidence() {
    let claims = vec![
        post("a", 0, "Ana Ruiz", "head", "State Security Directorate", json!({"start": "2015"})),
        post(
            "b",
            0,
            "Ana Ruiz",
            "director",
            "State Intelligence Service",
            json!({"start": "2015-03"}),
        ),
    ];
    let r = resolve(&claims, &[]);
    assert!(same_entity(&r, (0, "organization"), (1, "organization")));
    let j = r.judgements.iter().find(|j| j.by == JudgedBy::Evidence).unwrap();
    assert_eq!(j.claims, vec!["a-0".to_string(), "b-0".to_string()]);
    assert!(j.reason.contains("to review"));

    // The user says otherwise: the bodies stay apart.
    let split = [UserJudgement {
        left: "State Security Directorate".into(),
        right: "State Intelligence Service".into(),
        verdict: Verdict::Different,
        by: JudgedBy::User,
        reason: "two services".into(),
    }];
    let r = resolve(&claims, &split);
    assert!(!same_entity(&r, (0, "organization"), (1, "organization")));
}

#[test]
fn a_person_named_where_a_body_stands_is_that_person() {
    let claims = vec![
        post("a", 0, "Ana Ruiz", "adviser", "Tomas Arce", json!({})),
        post("b", 0, "Tomas Arce", "president", "Peru", json!({})),
    ];
    let r = resolve(&claims, &[]);
    assert_eq!(r.entity_of(0, "organization", 0).unwrap().kind, EntityKind::Person);
    assert!(same_entity(&r, (0, "organization"), (1, "holder")));
    assert_eq!(r.entity_of(1, "organization", 0).unwrap().kind, EntityKind::State);
}

#[test]
fn a_filler_word_inserted_joins_other_words_go_to_review_and_countries_are_read_anywhere() {
    let claims = vec![
        post("a", 0, "Ana Ruiz", "head", "Peru's National Border Intelligence Service", json!({})),
        post("b", 0, "Omar Saleh", "head", "Border Intelligence Service of Peru", json!({})),
        post("c", 0, "Lena Vogt", "head", "Peruvian Naval Border Intelligence Service", json!({})),
        post("d", 0, "Ines Kahl", "head", "Chilean Border Intelligence Service", json!({})),
    ];
    let r = resolve(&claims, &[]);
    // "National" inserted, the country possessive at the start or "of Peru" at the end.
    assert!(same_entity(&r, (0, "organization"), (1, "organization")));
    // "Naval" may make another body: asked, not joined.
    assert!(!same_entity(&r, (1, "organization"), (2, "organization")));
    assert!(
        r.judgements.iter().any(|j| j.verdict == Verdict::Unsure && j.reason.contains("naval"))
    );
    // Another country's body of that name stays apart.
    assert!(!same_entity(&r, (1, "organization"), (3, "organization")));
    // The canonical name is the body's own, not its possessive form.
    let i = r.index_of(0, "organization", 0).unwrap();
    assert!(!r.entities[i].name.contains("'s"), "{}", r.entities[i].name);
}

#[test]
fn an_acronym_a_document_defines_joins_by_that_evidence() {
    let claims = vec![
        post("a", 0, "Ana Ruiz", "head", "Servicio Federal de Fronteras", json!({})),
        post("b", 0, "Omar Saleh", "deputy head", "SFF", json!({})),
        post("c", 0, "Lena Vogt", "head", "Federal Border Agency", json!({})),
        post("d", 0, "Ines Kahl", "head", "RBX", json!({})),
    ];
    let text = "the Federal Border Agency (RBX) and its head";
    let defined = resolve::acronyms::defined_in(text, "RBX");
    assert_eq!(defined, None, "R and X are no initials of the name");
    let text = "the Border Federal Agency, in its own language the FBA (Federal Border Agency)";
    let defined = resolve::acronyms::defined_in(text, "FBA").unwrap();
    let judgement = UserJudgement {
        left: defined,
        right: "FBA".into(),
        verdict: Verdict::Same,
        by: JudgedBy::Evidence,
        reason: "c defines FBA".into(),
    };
    let mut with_fba = claims.clone();
    with_fba.push(post("e", 0, "Ines Kahl", "chief", "FBA", json!({})));
    let r = resolve(&with_fba, &[judgement]);
    assert!(same_entity(&r, (2, "organization"), (4, "organization")));
    // Initials the rules know already join "SFF" with its Spanish name.
    assert!(same_entity(&r, (0, "organization"), (1, "organization")));
    assert!(!same_entity(&r, (2, "organization"), (3, "organization")));
}

#[test]
fn a_sanctioned_body_the_claims_could_not_tie_to_a_person_is_a_body() {
    let sanction = |n: usize, target: &str, ids: serde_json::Value| {
        claim(
            "a",
            n,
            "sanction",
            json!({"target": target, "authority": "Norvania", "date": null}),
            ids,
        )
    };
    let claims = vec![
        sanction(0, "Varsk Gem Enterprise", json!({})),
        sanction(1, "Central Research Institute", json!({})),
        sanction(2, "Tomasz Wielgosz", json!({})),
        sanction(3, "Piet Oranje", json!({"target": "a/p0"})),
    ];
    let r = resolve(&claims, &[]);
    let kind = |n: usize| r.entity_of(n, "target", 0).unwrap().kind;
    assert_eq!(kind(0), EntityKind::Organization);
    assert_eq!(kind(1), EntityKind::Organization);
    assert_eq!(kind(2), EntityKind::Person);
    assert_eq!(kind(3), EntityKind::Person);
}

#[test]
fn a_state_or_an_acronym_where_a_person_may_stand_is_no_person() {
    // No person mention behind the names (no entity ids): "the US, accused of ...", a
    // sanction on "the VSB" (an invented service), and the same acronym as a post's body.
    let claims = vec![
        claim(
            "a",
            0,
            "allegation",
            json!({"accused": "US", "accuser": "Norvania", "act": "firing", "date": null}),
            json!({}),
        ),
        claim(
            "a",
            1,
            "sanction",
            json!({"target": "VSB", "authority": "United Kingdom", "date": null}),
            json!({}),
        ),
        post("a", 2, "Tomasz Wielgosz", "chief", "VSB", json!({})),
        claim(
            "a",
            3,
            "sanction",
            json!({"target": "Piet Oranje", "authority": "U.S.", "date": null}),
            json!({}),
        ),
    ];
    let r = resolve(&claims, &[]);
    let us = r.entity_of(0, "accused", 0).unwrap();
    assert_eq!(us.kind, EntityKind::State, "{us:?}");
    assert_eq!(us.name, "United States", "{us:?}");
    assert!(same_entity(&r, (0, "accused"), (3, "authority")));
    let vsb = r.entity_of(1, "target", 0).unwrap();
    assert_eq!(vsb.kind, EntityKind::Organization, "{vsb:?}");
    assert!(same_entity(&r, (1, "target"), (2, "organization")));
    assert_eq!(r.entity_of(3, "target", 0).unwrap().kind, EntityKind::Person);
}

#[test]
fn a_name_made_only_of_the_words_of_bodies_names_is_no_person() {
    let sanction = |n: usize, target: &str, ids: serde_json::Value| {
        claim(
            "a",
            n,
            "sanction",
            json!({"target": target, "authority": "Norvania", "date": null}),
            ids,
        )
    };
    let claims = vec![
        // Pieces of "the State Scientific and Research Institute", with and without a
        // person mention behind them (the tagger may call such a piece a person).
        sanction(0, "State Scientific", json!({})),
        sanction(1, "Scientific Research", json!({"target": "a/p1"})),
        sanction(2, "Tomasz Wielgosz", json!({"target": "a/p2"})),
        // A surname that is also a word stays a person's.
        sanction(3, "Marisol Quenby Grant", json!({"target": "a/p3"})),
    ];
    let r = resolve(&claims, &[]);
    let kind = |n: usize| r.entity_of(n, "target", 0).unwrap().kind;
    assert_eq!(kind(0), EntityKind::Organization);
    assert_eq!(kind(1), EntityKind::Organization);
    assert_eq!(kind(2), EntityKind::Person);
    assert_eq!(kind(3), EntityKind::Person);
}
