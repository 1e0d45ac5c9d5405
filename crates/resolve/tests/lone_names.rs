//! A lone surname or given name beside the full names of the case: joined when one full
//! name fits it (its own document first), listed for review when more than one may.

use claims::Claim;
use resolve::{Verdict, resolve};
use serde_json::json;

/// A post held by `holder`, the claims stage's person `p{id}` of document `doc`.
fn post(doc: &str, n: usize, holder: &str, id: usize) -> Claim {
    let v = json!({
        "id": format!("{doc}-{n}"), "doc": doc, "doc_sha256": "00", "type": "position",
        "holder": holder, "role": "minister", "organization": "Norvania", "start": null,
        "end": null, "as_of": null, "modality": "asserted", "attributed_to": null,
        "evidence": {"text": "", "start": 0, "end": 0}, "confidence": 0.9,
        "entity_ids": {"holder": format!("{doc}/p{id}")}, "rule": "test"
    });
    serde_json::from_value(v).unwrap()
}

/// A birth date the document gives.
fn born(doc: &str, n: usize, person: &str, id: usize, date: &str) -> Claim {
    let v = json!({
        "id": format!("{doc}-{n}"), "doc": doc, "doc_sha256": "00", "type": "attribute",
        "person": person, "key": "birth_date", "value": date,
        "modality": "asserted", "attributed_to": null,
        "evidence": {"text": "", "start": 0, "end": 0}, "confidence": 0.9,
        "entity_ids": {"person": format!("{doc}/p{id}")}, "rule": "test"
    });
    serde_json::from_value(v).unwrap()
}

fn joined(r: &resolve::Resolution, a: usize, b: usize, field_b: &str) -> bool {
    let f = |c: usize| if r.index_of(c, "holder", 0).is_some() { "holder" } else { "person" };
    r.index_of(a, f(a), 0).unwrap() == r.index_of(b, field_b, 0).unwrap()
}

fn unsure(r: &resolve::Resolution, name: &str) -> bool {
    r.judgements.iter().any(|j| j.verdict == Verdict::Unsure && j.left == name)
}

#[test]
fn a_lone_surname_joins_the_one_full_name_of_the_case() {
    // Another document.
    let claims = vec![post("a", 0, "Piet Oranje", 0), post("b", 0, "Oranje", 0)];
    let r = resolve(&claims, &[]);
    assert!(joined(&r, 1, 0, "holder"));
    // Its own document, where the claims stage kept it apart.
    let claims = vec![post("a", 0, "Piet Oranje", 0), post("a", 1, "Oranje", 1)];
    let r = resolve(&claims, &[]);
    assert!(joined(&r, 1, 0, "holder"));
}

#[test]
fn a_lone_given_name_joins_the_one_full_name_of_its_document_and_goes_to_review_elsewhere() {
    let claims = vec![post("a", 0, "Marisol Quenby", 0), post("a", 1, "Marisol", 1)];
    let r = resolve(&claims, &[]);
    assert!(joined(&r, 1, 0, "holder"));
    let claims = vec![post("a", 0, "Marisol Quenby", 0), post("b", 0, "Marisol", 0)];
    let r = resolve(&claims, &[]);
    assert!(!joined(&r, 1, 0, "holder"));
    assert!(unsure(&r, "Marisol"), "{:?}", r.judgements);
    // Two full names with that given name in its own document: a reviewer decides.
    let claims = vec![
        post("a", 0, "Marisol Quenby", 0),
        post("a", 1, "Marisol Lorn", 1),
        post("a", 2, "Marisol", 2),
    ];
    let r = resolve(&claims, &[]);
    assert!(!joined(&r, 2, 0, "holder") && !joined(&r, 2, 1, "holder"));
    assert!(unsure(&r, "Marisol"), "{:?}", r.judgements);
}

#[test]
fn a_lone_surname_with_two_full_names_or_another_birth_year_goes_to_review() {
    let claims = vec![
        post("a", 0, "Piet Oranje", 0),
        post("b", 0, "Edda Oranje", 0),
        post("c", 0, "Oranje", 0),
    ];
    let r = resolve(&claims, &[]);
    assert!(!joined(&r, 2, 0, "holder") && !joined(&r, 2, 1, "holder"));
    assert!(unsure(&r, "Oranje"));
    // One full name, but born some forty years apart.
    let claims = vec![
        post("a", 0, "Piet Oranje", 0),
        born("a", 1, "Piet Oranje", 0, "1950-03"),
        post("b", 0, "Oranje", 0),
        born("b", 1, "Oranje", 0, "1990"),
    ];
    let r = resolve(&claims, &[]);
    assert!(!joined(&r, 2, 0, "holder"));
    assert!(unsure(&r, "Oranje"), "{:?}", r.judgements);
}

#[test]
fn a_lone_word_that_only_sounds_like_a_surname_with_another_first_letter_is_no_candidate() {
    // "Ylla" and "Ulla" share a sound skeleton, not a name.
    let claims = vec![post("a", 0, "Piet Ulla", 0), post("b", 0, "Ylla", 0)];
    let r = resolve(&claims, &[]);
    assert!(!joined(&r, 1, 0, "holder"));
    assert!(!unsure(&r, "Ylla"), "{:?}", r.judgements);
}
