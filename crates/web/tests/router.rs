//! Router tests without a socket: every page and action of the workbench through
//! `tower::ServiceExt::oneshot`, over a store built from the project's example corpus plus
//! one hostile document.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use common::*;
use pipeline::Workbench;
use store::Store;

#[tokio::test]
async fn every_page_answers_with_the_security_headers_and_no_inline_script() {
    let app = app();
    let entity = app.first_link("/search?q=quillon", "entity").await;
    let claim = app.first_link(&entity, "claim").await;
    let doc = app.first_link(&claim, "document").await;
    for uri in [
        "/",
        "/search?q=quillon",
        "/search?q=",
        entity.as_str(),
        claim.as_str(),
        doc.as_str(),
        "/audit",
    ] {
        let page = app.get(uri).await;
        assert_eq!(page.status, StatusCode::OK, "{uri}: {}", page.body);
        let csp = page.headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
        assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe"), "{csp}");
        assert_eq!(page.headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
        assert!(page.body.contains("<script src=\"/static/app.js\" defer></script>"));
        assert_eq!(page.body.matches("<script").count(), 1, "{uri}: one script, not inline");
        assert!(!page.body.contains("<img"), "{uri}: no markup from documents");
    }
    let original = app.get(&format!("{doc}/original")).await;
    assert_eq!(original.status, StatusCode::OK);
    assert_eq!(original.headers[header::CONTENT_TYPE], "application/octet-stream");
    assert!(
        original.headers[header::CONTENT_DISPOSITION].to_str().unwrap().starts_with("attachment")
    );
    assert_eq!(original.body, HOSTILE, "the original, byte for byte");
    for asset in ["/static/app.css", "/static/app.js"] {
        assert_eq!(app.get(asset).await.status, StatusCode::OK, "{asset}");
    }
}

#[tokio::test]
async fn document_text_is_escaped_and_its_evidence_links_to_claims() {
    let app = app();
    let doc = app.first_link("/search?q=lisbon", "document").await;
    let page = app.get(&doc).await.body;
    assert!(
        page.contains("&lt;script&gt;alert(1)&lt;&#x2f;script&gt;")
            || page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{page}"
    );
    assert!(!page.contains("<script>alert") && !page.contains("<img src=x"));
    assert!(page.contains("hostile &lt;i&gt;notes.txt"), "the file name is escaped too");
    assert!(page.contains("<mark class=\"evidence"), "evidence is highlighted");
    assert!(page.contains("href=\"/claim/"));
    let sha = app.json(&format!("/api{doc}")).await["detail"]["summary"]["sha256"].clone();
    assert!(page.contains(sha.as_str().unwrap()), "the SHA-256 is shown");
}

#[tokio::test]
async fn the_json_api_gives_the_pages_data() {
    let app = app();
    let found = app.json("/api/search?q=quillon").await;
    let entity = found["entities"][0]["id"].as_str().unwrap().to_string();
    assert!(!found["claims"].as_array().unwrap().is_empty());
    assert!(!found["documents"].as_array().unwrap().is_empty());
    let view = app.json(&format!("/api/entity/{entity}")).await;
    assert!(view["entity"]["names"].as_array().unwrap().iter().any(|n| n == "Quillon Dray"));
    let claim = view["assertions"][0]["claims"][0].as_str().unwrap().to_string();
    let claim_view = app.json(&format!("/api/claim/{claim}")).await;
    assert_eq!(claim_view["machine"]["id"], claim.as_str());
    assert!(app.json("/api/entities").await.as_array().unwrap().len() > 5);
    assert!(app.json("/api/documents").await.as_array().unwrap().len() >= 10);
    assert_eq!(app.json("/api/audit").await, serde_json::json!([]));
}

#[tokio::test]
async fn unknown_ids_and_pages_are_not_found_pages() {
    let app = app();
    for uri in [
        "/entity/person-0000",
        "/claim/nope",
        "/document/999",
        "/document/x",
        "/document/999/original",
        "/api/claim/nope",
        "/no/such/page",
        "/static/secret.txt",
    ] {
        let page = app.get(uri).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND, "{uri}");
    }
    let page = app.get("/claim/%3Cscript%3E").await;
    assert!(page.body.contains("no claim &lt;script&gt;"), "{}", page.body);
}

#[tokio::test]
async fn reject_accept_edit_and_note_change_the_claim_and_the_assertion() {
    let app = app();
    let entity = app.first_link("/search?q=quillon", "entity").await;
    let claim = app.first_link(&entity, "claim").await;
    assert!(app.json(&format!("/api{claim}")).await["assertion"].is_object());

    // No token, a wrong one, or a cross-site request: refused, nothing logged.
    assert_eq!(
        app.post(&format!("{claim}/reject"), &[("why", "x")]).await.status,
        StatusCode::BAD_REQUEST
    );
    let wrong = app.post(&format!("{claim}/reject"), &[("csrf", "guess"), ("why", "x")]).await;
    assert_eq!(wrong.status, StatusCode::BAD_REQUEST);
    let cross = Request::post(format!("{claim}/reject"))
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header("sec-fetch-site", "cross-site")
        .body(Body::from(format!("csrf={CSRF}")))
        .unwrap();
    assert_eq!(app.send(cross).await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.json("/api/audit").await, serde_json::json!([]));

    let done = app.post(&format!("{claim}/reject"), &[("csrf", CSRF), ("why", "wrong man")]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    assert_eq!(location(&done), claim);
    let view = app.json(&format!("/api{claim}")).await;
    assert_eq!(view["decision"], "rejected");
    assert!(view["assertion"].is_null(), "a rejected claim supports no assertion");
    let page = app.get(&claim).await.body;
    assert!(page.contains("rejected") && page.contains("wrong man"));
    // The entity no longer has the assertion (or, when that was its only claim, is gone).
    let entity_view = app.get(&format!("/api{entity}")).await;
    if entity_view.status == StatusCode::OK {
        assert!(!entity_view.body.contains(claim.trim_start_matches("/claim/")));
    } else {
        assert_eq!(entity_view.status, StatusCode::NOT_FOUND);
    }

    let done = app.post(&format!("{claim}/accept"), &[("csrf", CSRF)]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    assert_eq!(app.json(&format!("/api{claim}")).await["decision"], "accepted");

    let edit = app
        .post(
            &format!("{claim}/edit"),
            &[("csrf", CSRF), ("f.modality", "reported"), ("why", "hearsay")],
        )
        .await;
    assert_eq!(edit.status, StatusCode::SEE_OTHER, "{}", edit.body);
    let view = app.json(&format!("/api{claim}")).await;
    assert_eq!(
        (view["decision"].as_str(), view["current"]["modality"].as_str()),
        (Some("edited"), Some("reported"))
    );
    let bad = app.post(&format!("{claim}/edit"), &[("csrf", CSRF), ("f.modality", "sure")]).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.body.contains("is not one of"), "{}", bad.body);

    let note = app
        .post(&format!("{claim}/note"), &[("csrf", CSRF), ("text", "<b>ask</b> the desk")])
        .await;
    assert_eq!(note.status, StatusCode::SEE_OTHER);
    let page = app.get(&claim).await.body;
    assert!(
        page.contains("&lt;b&gt;ask&lt;&#x2f;b&gt; the desk")
            || page.contains("&lt;b&gt;ask&lt;/b&gt; the desk"),
        "{page}"
    );
    let unknown = app.post(&format!("{claim}/bless"), &[("csrf", CSRF)]).await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    let log = app.json("/api/audit").await;
    let actions: Vec<&str> =
        log.as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert_eq!(actions, ["reject", "accept", "edit", "note"]);
    assert!(log.as_array().unwrap().iter().all(|e| e["who"] == "tester"));
    assert!(app.get("/audit").await.body.contains("hearsay"));
}

#[tokio::test]
async fn merge_and_split_join_and_part_entities_and_note_on_an_entity() {
    let app = app();
    let first =
        app.json("/api/search?q=quillon").await["entities"][0]["id"].as_str().unwrap().to_string();
    let other =
        app.json("/api/search?q=benhadj").await["entities"][0]["id"].as_str().unwrap().to_string();
    assert_ne!(first, other);
    let merged = app
        .post(
            "/judge",
            &[
                ("csrf", CSRF),
                ("left", "Quillon Dray"),
                ("right", "Yusra Benhadj"),
                ("verdict", "same"),
                ("why", "one person"),
            ],
        )
        .await;
    assert_eq!(merged.status, StatusCode::SEE_OTHER, "{}", merged.body);
    let to = location(&merged);
    let view = app.json(&format!("/api{to}")).await;
    let names: Vec<&str> =
        view["entity"]["names"].as_array().unwrap().iter().map(|n| n.as_str().unwrap()).collect();
    assert!(names.contains(&"Quillon Dray") && names.contains(&"Yusra Benhadj"), "{names:?}");
    assert_eq!(view["audit"][0]["action"], "merge");

    let split = app
        .post(
            "/judge",
            &[
                ("csrf", CSRF),
                ("left", "Quillon Dray"),
                ("right", "Yusra Benhadj"),
                ("verdict", "different"),
            ],
        )
        .await;
    assert_eq!(split.status, StatusCode::SEE_OTHER);
    let parted =
        app.json("/api/search?q=benhadj").await["entities"][0]["id"].as_str().unwrap().to_string();
    let view = app.json(&format!("/api/entity/{parted}")).await;
    assert!(
        !view["entity"]["names"].as_array().unwrap().iter().any(|n| n == "Quillon Dray"),
        "the user's split wins"
    );

    let same = app
        .post(
            "/judge",
            &[
                ("csrf", CSRF),
                ("left", "Quillon Dray"),
                ("right", " Quillon Dray "),
                ("verdict", "same"),
            ],
        )
        .await;
    assert_eq!(same.status, StatusCode::BAD_REQUEST);
    let note = app
        .post(&format!("/entity/{parted}/note"), &[("csrf", CSRF), ("text", "call the consulate")])
        .await;
    assert_eq!(note.status, StatusCode::SEE_OTHER);
    assert!(app.get(&format!("/entity/{parted}")).await.body.contains("call the consulate"));
}

#[tokio::test]
async fn an_access_token_guards_every_page_when_given() {
    let app = app_with(Some("s3cret"));
    assert_eq!(app.get("/").await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(app.get("/api/audit").await.status, StatusCode::UNAUTHORIZED);
    let bearer = Request::get("/")
        .header(header::AUTHORIZATION, "Bearer s3cret")
        .body(Body::empty())
        .unwrap();
    assert_eq!(app.send(bearer).await.status, StatusCode::OK);
    let wrong = Request::get("/")
        .header(header::AUTHORIZATION, "Bearer s3cres")
        .body(Body::empty())
        .unwrap();
    assert_eq!(app.send(wrong).await.status, StatusCode::UNAUTHORIZED);
    let login = app.get("/search?token=s3cret").await;
    assert_eq!(login.status, StatusCode::SEE_OTHER);
    let cookie = login.headers[header::SET_COOKIE].to_str().unwrap().to_string();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"));
    assert_eq!(location(&login), "/search", "the token leaves the address");
    let with_cookie = Request::get("/")
        .header(header::COOKIE, cookie.split(';').next().unwrap())
        .body(Body::empty())
        .unwrap();
    assert_eq!(app.send(with_cookie).await.status, StatusCode::OK);
}

#[tokio::test]
async fn serving_beyond_loopback_needs_a_token() {
    let dir = tempfile::tempdir().unwrap();
    let bench = Workbench::new(Store::open(&dir.path().join("d.db")).unwrap(), vec![]);
    let config =
        web::Config { bind: "0.0.0.0:0".parse().unwrap(), token: None, user: "tester".into() };
    let err = web::serve(config, bench, |_| panic!("it must not listen")).await.unwrap_err();
    assert!(err.to_string().contains("give --token"), "{err}");
}
