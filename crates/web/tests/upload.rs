//! Router tests of ingest from the browser: an upload is kept under its SHA-256, ingested,
//! read and extracted in the background, its progress page tells each file's result, and
//! its claims are in the case when it is done.

mod common;

use std::time::{Duration, Instant};

use axum::http::StatusCode;
use common::*;
use serde_json::Value;

async fn wait(app: &App, job: &str) -> Value {
    let started = Instant::now();
    loop {
        let status = app.json(&format!("/api{job}")).await;
        if status["finished"] == true {
            return status;
        }
        assert!(started.elapsed() < Duration::from_secs(120), "{status}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[tokio::test]
async fn uploaded_files_are_ingested_in_the_background_with_per_file_results() {
    let app = app();
    assert!(app.get("/ingest").await.body.contains("enctype=\"multipart/form-data\""));
    let memo: &[u8] = b"Minister Ottavia Brenn met Casimir Ludo in Tallinn on 2 May 2023.\n";
    let broken: &[u8] = b"%PDF-1.7\n1 0 obj <<\n";
    let sent =
        app.upload(&[("csrf", CSRF)], &[("../memo <b>.txt", memo), ("broken.pdf", broken)]).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    let job = location(&sent);
    assert_eq!(job, "/ingest/1");
    let page = app.get(&job).await.body;
    assert!(page.contains("memo &lt;b&gt;.txt") || page.contains("memo"), "{page}");

    let status = wait(&app, &job).await;
    assert_eq!(status["stage"], "done", "{status}");
    assert_eq!(status["files"][0]["status"], "ingested", "{status}");
    assert_eq!(status["files"][1]["status"], "failed", "{status}");
    assert!(!status["files"][1]["error"].as_str().unwrap().is_empty());
    assert!(status["claims"].as_u64().unwrap() >= 1, "{status}");

    // Kept under its SHA-256 beside the store, with a name that cannot climb out.
    let uploads = app.dir.path().join("uploads");
    let kept: Vec<_> = walk(&uploads);
    assert!(kept.iter().any(|p| p.ends_with("memo__b_.txt")), "{kept:?}");
    assert!(kept.iter().all(|p| p.starts_with(&uploads)));

    // In the case at once: the new person, the new claim, the new document.
    let found = app.json("/api/search?q=ottavia").await;
    assert!(!found["entities"].as_array().unwrap().is_empty(), "{found}");
    assert!(found["claims"].as_array().unwrap().iter().any(|c| c["label"] == "meeting"));
    let done = app.get(&job).await.body;
    assert!(done.contains("Done:") && !done.contains("http-equiv=\"refresh\""), "{done}");

    // The same bytes again: unchanged, not a copy.
    let again = app.upload(&[("csrf", CSRF)], &[("memo.txt", memo)]).await;
    let status = wait(&app, &location(&again)).await;
    assert_eq!(status["files"][0]["status"], "unchanged", "{status}");
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() { out.extend(walk(&p)) } else { out.push(p) }
    }
    out
}

#[tokio::test]
async fn uploads_without_a_token_files_or_within_the_limit_are_refused() {
    let app = app();
    let memo: &[u8] = b"a line\n";
    let forged = app.upload(&[("csrf", "guess")], &[("memo.txt", memo)]).await;
    assert_eq!(forged.status, StatusCode::BAD_REQUEST);
    let none = app.upload(&[("csrf", CSRF)], &[]).await;
    assert_eq!(none.status, StatusCode::BAD_REQUEST);
    assert!(none.body.contains("no file"), "{}", none.body);
    let big = vec![b'a'; web::UPLOAD_LIMIT + 1];
    let too_big = app.upload(&[("csrf", CSRF)], &[("big.txt", &big)]).await;
    assert_eq!(too_big.status, StatusCode::PAYLOAD_TOO_LARGE);
    let not_multipart = app.post("/ingest", &[("csrf", CSRF)]).await;
    assert_eq!(not_multipart.status, StatusCode::BAD_REQUEST);
    assert_eq!(app.get("/ingest/9").await.status, StatusCode::NOT_FOUND);
    assert!(!app.dir.path().join("uploads").exists(), "nothing kept");
}
