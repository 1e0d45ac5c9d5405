//! What the router tests share: the example corpus and one hostile document built once into
//! a store, an app over a copy of it, and requests without a socket.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use pipeline::{IngestOptions, Silent, Workbench};
use store::Store;
use tower::ServiceExt;

pub const CSRF: &str = "test-csrf-token";
pub const HOSTILE: &str = "<script>alert(1)</script> Minister Quillon Dray met Yusra Benhadj in \
    Lisbon on 4 March 2022. <img src=x onerror=alert(2)>\n";

/// The example corpus and the hostile document, built once into a store that each test
/// copies.
pub fn fixture() -> &'static Path {
    static BUILT: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &BUILT
        .get_or_init(|| {
            let dir = tempfile::tempdir().unwrap();
            let hostile = dir.path().join("hostile <i>notes.txt");
            std::fs::write(&hostile, HOSTILE).unwrap();
            let db = dir.path().join("dossier.db");
            let mut store = Store::open(&db).unwrap();
            let corpus = test_utils::workspace().join("examples/corpus");
            pipeline::ingest(&mut store, &[corpus, hostile], &IngestOptions::default(), &Silent)
                .unwrap();
            pipeline::read(&mut store, &Silent).unwrap();
            pipeline::extract(&mut store, false, &Silent).unwrap();
            drop(store);
            (dir, db)
        })
        .1
}

pub struct App {
    pub router: Router,
    pub dir: tempfile::TempDir,
}

pub fn app_with(token: Option<&str>) -> App {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dossier.db");
    std::fs::copy(fixture(), &db).unwrap();
    let bench = Workbench::new(Store::open(&db).unwrap(), vec![]).with_path(&db);
    let router = web::router(bench, CSRF.into(), token.map(String::from), "tester".into());
    App { router, dir }
}

pub fn app() -> App {
    app_with(None)
}

pub struct Answer {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: String,
}

impl App {
    pub async fn send(&self, request: Request<Body>) -> Answer {
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        Answer { status, headers, body: String::from_utf8_lossy(&bytes).into_owned() }
    }

    pub async fn get(&self, uri: &str) -> Answer {
        self.send(Request::get(uri).body(Body::empty()).unwrap()).await
    }

    pub async fn post(&self, uri: &str, form: &[(&str, &str)]) -> Answer {
        let body: Vec<String> =
            form.iter().map(|(k, v)| format!("{}={}", encode(k), encode(v))).collect();
        let request = Request::post(uri)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body.join("&")))
            .unwrap();
        self.send(request).await
    }

    /// A multipart form: fields, then files (name, bytes).
    pub async fn upload(&self, fields: &[(&str, &str)], files: &[(&str, &[u8])]) -> Answer {
        let boundary = "----dossier-test-boundary";
        let mut body = Vec::new();
        for (k, v) in fields {
            body.extend_from_slice(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n"
                )
                .as_bytes(),
            );
        }
        for (name, bytes) in files {
            body.extend_from_slice(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                )
                .as_bytes(),
            );
            body.extend_from_slice(bytes);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
        let request = Request::post("/ingest")
            .header(header::CONTENT_TYPE, format!("multipart/form-data; boundary={boundary}"))
            .body(Body::from(body))
            .unwrap();
        self.send(request).await
    }

    pub async fn json(&self, uri: &str) -> serde_json::Value {
        let answer = self.get(uri).await;
        assert_eq!(answer.status, StatusCode::OK, "{uri}: {}", answer.body);
        serde_json::from_str(&answer.body).unwrap()
    }

    /// The first link to `/{kind}/...` on a page.
    pub async fn first_link(&self, uri: &str, kind: &str) -> String {
        let page = self.get(uri).await.body;
        let start = page.find(&format!("href=\"/{kind}/")).unwrap_or_else(|| panic!("{page}"));
        let rest = &page[start + 6..];
        rest[..rest.find('"').unwrap()].to_string()
    }
}

pub fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' => (b as char).to_string(),
            b' ' => "+".into(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

pub fn location(answer: &Answer) -> String {
    answer.headers[header::LOCATION].to_str().unwrap().to_string()
}
