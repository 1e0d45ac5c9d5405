//! Router tests of exports from the UI: every file `dossier build` writes, for the whole case
//! and for one entity, as downloads with the reviews applied.

mod common;

use axum::http::{StatusCode, header};
use common::*;

#[tokio::test]
async fn every_export_of_the_case_and_of_one_entity_downloads() {
    let app = app();
    let page = app.get("/export").await;
    assert_eq!(page.status, StatusCode::OK);
    for f in report::FILES {
        assert!(page.body.contains(&format!("/export/case/{f}\"")), "{f}");
        let got = app.get(&format!("/export/case/{f}")).await;
        assert_eq!(got.status, StatusCode::OK, "{f}: {}", got.body);
        let disposition = got.headers[header::CONTENT_DISPOSITION].to_str().unwrap();
        assert_eq!(disposition, format!("attachment; filename=\"case-{f}\""));
        assert!(!got.body.is_empty(), "{f}");
    }
    let html = app.get("/export/case/index.html").await;
    assert_eq!(html.headers[header::CONTENT_TYPE], "application/octet-stream");
    assert!(html.body.contains("Quillon Dray"));

    // One entity: its claims and the documents they cite, not the rest of the case.
    let person =
        app.json("/api/search?q=quillon").await["entities"][0]["id"].as_str().unwrap().to_string();
    let entity_page = app.get(&format!("/entity/{person}")).await.body;
    assert!(entity_page.contains(&format!("/export/entity/{person}/ftm.json")));
    let claims = app.get(&format!("/export/entity/{person}/claims.jsonl")).await;
    assert_eq!(claims.status, StatusCode::OK);
    let all = app.get("/export/case/claims.jsonl").await.body;
    let (mine, every) = (claims.body.lines().count(), all.lines().count());
    assert!(mine >= 1 && mine < every, "{mine} of {every}");
    assert!(claims.body.lines().all(|l| l.contains("Quillon")), "{}", claims.body);

    // A rejected claim is in no export.
    let claim: serde_json::Value =
        serde_json::from_str(claims.body.lines().next().unwrap()).unwrap();
    let id = claim["id"].as_str().unwrap();
    app.post(&format!("/claim/{id}/reject"), &[("csrf", CSRF), ("why", "t")]).await;
    assert!(!app.get("/export/case/claims.jsonl").await.body.contains(id));

    // The case file as `build -o` writes it, in one archive.
    let zip = app.get("/export/case/case-file.zip").await;
    assert_eq!(zip.status, StatusCode::OK);
    assert_eq!(zip.headers[header::CONTENT_TYPE], "application/zip");
    assert!(zip.body.starts_with("PK\u{3}\u{4}"), "a zip archive");
    assert!(zip.body.contains("index.html"));
    assert!(page.body.contains("/export/case/case-file.zip\""));

    for bad in [
        "/export/case/secret.txt",
        "/export/case/..%2Fdossier.db",
        "/export/entity/person-0/claims.jsonl",
    ] {
        assert_eq!(app.get(bad).await.status, StatusCode::NOT_FOUND, "{bad}");
    }
}
