//! Router tests of search with filters and pages: each filter narrows the claims it should,
//! the same filters answer under `/api/search`, and a filtered search is a plain link.

mod common;

use axum::http::StatusCode;
use common::*;
use serde_json::Value;

fn ids(found: &Value, kind: &str) -> Vec<String> {
    found[kind].as_array().unwrap().iter().map(|h| h["id"].as_str().unwrap().to_string()).collect()
}

fn labels(found: &Value) -> Vec<String> {
    found["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["label"].as_str().unwrap().into())
        .collect()
}

#[tokio::test]
async fn type_modality_source_and_date_filters_narrow_the_claims() {
    let app = app();
    let all = app.json("/api/search?status=unreviewed").await;
    let total = all["totals"]["claims"].as_u64().unwrap();
    assert!(total > 10, "{all}");
    assert!(all["entities"].as_array().unwrap().is_empty(), "entities take no filter");

    let meetings = app.json("/api/search?type=meeting").await;
    let n = meetings["totals"]["claims"].as_u64().unwrap();
    assert!(n > 0 && n < total, "{meetings}");
    assert!(labels(&meetings).iter().all(|l| l == "meeting"));
    assert!(meetings["documents"].as_array().unwrap().is_empty(), "documents have no type");

    // Words and a type together: the hostile document's meeting, and only meetings.
    let both = app.json("/api/search?q=quillon&type=meeting").await;
    assert!(!ids(&both, "claims").is_empty());
    assert!(labels(&both).iter().all(|l| l == "meeting"));

    let asserted = app.json("/api/search?modality=asserted").await["totals"]["claims"].as_u64();
    let alleged = app.json("/api/search?modality=alleged").await["totals"]["claims"].as_u64();
    assert!(asserted.unwrap() > 0 && asserted.unwrap() + alleged.unwrap() <= total);

    // The source filter: every claim of one document, and that document.
    let doc =
        app.json("/api/search?q=lisbon").await["documents"][0]["id"].as_str().unwrap().to_string();
    let of_doc = app.json(&format!("/api/search?source={doc}")).await;
    assert_eq!(ids(&of_doc, "documents"), vec![doc.clone()]);
    let doc_claims =
        app.json(&format!("/api/document/{doc}")).await["claims"].as_array().unwrap().len();
    assert_eq!(of_doc["totals"]["claims"].as_u64().unwrap() as usize, doc_claims);

    // Dates compare at the precision both sides have: the meeting of 4 March 2022 is within
    // March 2022 and within 2022, not within 2023 or before March.
    for (range, within) in [
        ("from=2022-03&to=2022-03", true),
        ("from=2022&to=2022", true),
        ("from=2022-03-04&to=2022-03-04", true),
        ("from=2023", false),
        ("to=2022-02-28", false),
    ] {
        let found = app.json(&format!("/api/search?q=quillon&type=meeting&{range}")).await;
        assert_eq!(!ids(&found, "claims").is_empty(), within, "{range}: {found}");
    }
}

#[tokio::test]
async fn status_and_person_filters_follow_the_review_and_the_case() {
    let app = app();
    let entity =
        app.json("/api/search?q=quillon").await["entities"][0]["id"].as_str().unwrap().to_string();
    let of_person = app.json(&format!("/api/search?person={entity}")).await;
    let claims = ids(&of_person, "claims");
    assert!(!claims.is_empty(), "{of_person}");
    let view = app.json(&format!("/api/entity/{entity}")).await;
    for a in view["assertions"].as_array().unwrap() {
        for c in a["claims"].as_array().unwrap() {
            assert!(claims.contains(&c.as_str().unwrap().to_string()), "{c} is the person's");
        }
    }
    assert!(!ids(&of_person, "documents").is_empty(), "the documents that name the person");

    let claim = claims[0].clone();
    let done =
        app.post(&format!("/claim/{claim}/reject"), &[("csrf", CSRF), ("why", "test")]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    assert_eq!(ids(&app.json("/api/search?status=rejected").await, "claims"), vec![claim.clone()]);
    assert!(!ids(&app.json("/api/search?status=unreviewed").await, "claims").contains(&claim));
    assert!(ids(&app.json("/api/search?status=accepted").await, "claims").is_empty());
}

#[tokio::test]
async fn filtered_searches_page_through_long_results_and_bookmark_as_links() {
    let app = app();
    let first = app.json("/api/search?status=unreviewed").await;
    let total = first["totals"]["claims"].as_u64().unwrap() as usize;
    let pages = first["pages"].as_u64().unwrap() as usize;
    assert_eq!(pages, total.div_ceil(pipeline::workbench::PER_PAGE));
    assert!(pages >= 2, "the example corpus has more than a page of claims: {total}");
    let mut seen = std::collections::BTreeSet::new();
    for p in 1..=pages {
        let found = app.json(&format!("/api/search?status=unreviewed&page={p}")).await;
        assert_eq!(found["page"].as_u64().unwrap() as usize, p);
        seen.extend(ids(&found, "claims"));
    }
    assert_eq!(seen.len(), total, "pages neither repeat nor skip a claim");

    let page = app.get("/search?status=unreviewed&type=&q=").await.body;
    assert!(page.contains("<option value=\"unreviewed\" selected>"), "the form keeps its filters");
    assert!(page.contains("search?status=unreviewed&amp;page=2\">next"), "{page}");
    assert!(page.contains("page 1 of"));
    let two = app.get("/search?status=unreviewed&page=2").await.body;
    assert!(two.contains("search?status=unreviewed\">← previous"), "{two}");
}

#[tokio::test]
async fn bad_filters_are_refused_with_what_to_give() {
    let app = app();
    for (uri, says) in [
        ("/api/search?type=bogus", "not a claim type"),
        ("/api/search?from=March", "YYYY-MM-DD"),
        ("/api/search?status=maybe", "unreviewed"),
        ("/api/search?source=x", "document id"),
        ("/api/search?modality=sure", "asserted"),
        ("/search?q=a&page=0", "page number"),
    ] {
        let answer = app.get(uri).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{uri}");
        assert!(answer.body.contains(says), "{uri}: {}", answer.body);
    }
    assert_eq!(app.get("/api/search?person=person-0000").await.status, StatusCode::NOT_FOUND);
}
