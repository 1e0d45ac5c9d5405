//! Router tests of claims added by hand on a document's page: the evidence span from the
//! selection (or the pasted words), the type's fields, the audit entry, and the claim in the
//! case at once.

mod common;

use axum::http::StatusCode;
use common::*;

const SENTENCE: &str = "Minister Quillon Dray met Yusra Benhadj in Lisbon on 4 March 2022.";

async fn hostile_doc(app: &App) -> (String, String) {
    let id =
        app.json("/api/search?q=lisbon").await["documents"][0]["id"].as_str().unwrap().to_string();
    let text = app.json(&format!("/api/document/{id}")).await["detail"]["text"]
        .as_str()
        .unwrap()
        .to_string();
    (id, text)
}

#[tokio::test]
async fn a_claim_added_on_the_document_page_is_in_the_case_at_once_and_audited() {
    let app = app();
    let (doc, text) = hostile_doc(&app).await;
    let page = app.get(&format!("/document/{doc}")).await.body;
    assert!(
        page.contains("id=\"ev-start\"") && page.contains("data-at=\""),
        "offsets for the script"
    );
    assert!(page.contains("name=\"visit.person\""), "each type's fields");
    assert_eq!(page.matches("<script").count(), 1, "no inline script");

    let start = text.find(SENTENCE).unwrap();
    let (s, e) = (start.to_string(), (start + SENTENCE.len()).to_string());
    let form = [
        ("csrf", CSRF),
        ("start", s.as_str()),
        ("end", e.as_str()),
        ("quote", SENTENCE),
        ("type", "visit"),
        ("visit.person", "Quillon Dray"),
        ("visit.place", "Lisbon"),
        ("visit.date", "2022-03-04"),
        ("meeting.place", "ignored: another type's field"),
        ("modality", "asserted"),
        ("why", "the machine missed the visit"),
    ];
    let added = app.post(&format!("/document/{doc}/claim"), &form).await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    let claim = location(&added);
    let view = app.json(&format!("/api{claim}")).await;
    assert_eq!(view["machine"]["rule"], "human");
    assert_eq!(view["machine"]["type"], "visit");
    assert_eq!(view["machine"]["place"], "Lisbon");
    assert_eq!(view["machine"]["evidence"]["start"].as_u64().unwrap() as usize, start);
    assert_eq!(view["machine"]["evidence"]["text"], SENTENCE);
    assert!(view["assertion"].is_object(), "it supports an assertion at once: {view}");
    let log = app.json("/api/audit").await;
    assert_eq!(log[0]["action"], "add");
    assert_eq!(log[0]["why"], "the machine missed the visit");

    // On the person's page, and highlighted in the document with the machine's claims.
    let person =
        app.json("/api/search?q=quillon").await["entities"][0]["id"].as_str().unwrap().to_string();
    let entity = app.json(&format!("/api/entity/{person}")).await;
    assert!(
        entity["assertions"].as_array().unwrap().iter().any(|a| a["type"] == "visit"),
        "{} {}",
        app.json("/api/search?q=quillon").await,
        view["assertion"]
    );
    let id = claim.trim_start_matches("/claim/");
    assert!(app.get(&format!("/document/{doc}")).await.body.contains(&format!("/claim/{id}")));

    // Found by search at once, filters and all; an edit is what search then finds.
    let found = app.json("/api/search?q=lisbon&type=visit").await;
    let hits: Vec<&str> =
        found["claims"].as_array().unwrap().iter().map(|h| h["id"].as_str().unwrap()).collect();
    assert!(hits.contains(&id), "{found}");
    assert!(app.get("/search?q=lisbon").await.body.contains(&format!("/claim/{id}")));
    let edit = [("csrf", CSRF), ("f.place", "Porto"), ("why", "the place was wrong")];
    assert_eq!(app.post(&format!("{claim}/edit"), &edit).await.status, StatusCode::SEE_OTHER);
    let found = app.json("/api/search?q=porto").await;
    assert_eq!(found["claims"][0]["id"], id, "{found}");

    // Reviewed like any claim: rejected, it leaves the case.
    let done = app.post(&format!("{claim}/reject"), &[("csrf", CSRF), ("why", "typo")]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    assert!(app.json(&format!("/api{claim}")).await["assertion"].is_null());

    // The same claim twice is refused.
    let twice = app.post(&format!("/document/{doc}/claim"), &form).await;
    assert_eq!(twice.status, StatusCode::BAD_REQUEST);
    assert!(twice.body.contains("already"), "{}", twice.body);
}

#[tokio::test]
async fn without_the_script_the_pasted_words_are_found_and_bad_claims_are_refused() {
    let app = app();
    let (doc, text) = hostile_doc(&app).await;
    let uri = format!("/document/{doc}/claim");
    // No offsets (the script did not run): the words are found in the text.
    let pasted = [
        ("csrf", CSRF),
        ("quote", "Yusra Benhadj in Lisbon"),
        ("type", "visit"),
        ("visit.person", "Yusra Benhadj"),
        ("visit.place", "Lisbon"),
    ];
    let added = app.post(&uri, &pasted).await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    let view = app.json(&format!("/api{}", location(&added))).await;
    let start = view["machine"]["evidence"]["start"].as_u64().unwrap() as usize;
    assert_eq!(start, text.find("Yusra Benhadj in Lisbon").unwrap());
    assert_eq!(view["machine"]["modality"], "asserted", "asserted unless said otherwise");

    for (form, says) in [
        (
            vec![("quote", "words that are not there"), ("type", "visit"), ("visit.place", "X")],
            "not in",
        ),
        (vec![("quote", "Lisbon"), ("type", "visit")], "says nothing"),
        (vec![("quote", "Lisbon"), ("type", "rumour"), ("rumour.x", "y")], "not a claim type"),
        (vec![("quote", ""), ("type", "visit"), ("visit.place", "X")], "no evidence"),
        (vec![("quote", "Lisbon"), ("type", "visit"), ("visit.mood", "X")], "no field"),
    ] {
        let mut form = form;
        form.push(("csrf", CSRF));
        let answer = app.post(&uri, &form).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{form:?}");
        assert!(answer.body.contains(says), "{form:?}: {}", answer.body);
    }
    let forged =
        app.post(&uri, &[("quote", "Lisbon"), ("type", "visit"), ("visit.place", "X")]).await;
    assert_eq!(forged.status, StatusCode::BAD_REQUEST, "no CSRF token, no claim");
    assert_eq!(app.json("/api/audit").await.as_array().unwrap().len(), 1, "only the good one");
}
