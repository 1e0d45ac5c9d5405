//! End to end in a real headless browser (Debian's chromium, driven through chromedriver by a
//! small WebDriver client here): search for a person, open the entity, open a claim, reject
//! it and see the assertion change, merge two entities. Built with `--features browser`;
//! `.ci/run` installs chromium and chromium-driver and runs it.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use pipeline::{IngestOptions, Silent, Workbench};
use serde_json::{Value, json};
use store::Store;

const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// One HTTP/1.1 request to chromedriver; the JSON answer's `value`.
fn call(driver: SocketAddr, method: &str, path: &str, body: Option<Value>) -> Value {
    request(driver, method, path, body).unwrap_or_else(|e| panic!("{e}"))
}

fn request(
    driver: SocketAddr,
    method: &str,
    path: &str,
    body: Option<Value>,
) -> Result<Value, String> {
    let body = body.map(|b| b.to_string()).unwrap_or_default();
    let fail = |e: std::io::Error| format!("{method} {path}: {e}");
    let mut stream = TcpStream::connect(driver).map_err(fail)?;
    stream.set_read_timeout(Some(Duration::from_secs(60))).map_err(fail)?;
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: {driver}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .map_err(fail)?;
    // chromedriver keeps the connection open: read the head, then Content-Length bytes.
    let mut raw = Vec::new();
    let mut byte = [0u8; 1];
    while !raw.ends_with(b"\r\n\r\n") {
        stream.read_exact(&mut byte).map_err(fail)?;
        raw.push(byte[0]);
    }
    let head = String::from_utf8_lossy(&raw).to_ascii_lowercase();
    let length = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|n| n.trim().parse::<usize>().ok());
    let payload = match length {
        Some(n) => {
            let mut body = vec![0u8; n];
            stream.read_exact(&mut body).map_err(fail)?;
            String::from_utf8_lossy(&body).into_owned()
        }
        None => {
            let mut body = Vec::new();
            stream.read_to_end(&mut body).map_err(fail)?;
            let body = String::from_utf8_lossy(&body).into_owned();
            if head.contains("transfer-encoding: chunked") { dechunk(&body) } else { body }
        }
    };
    let answer: Value =
        serde_json::from_str(&payload).map_err(|e| format!("{method} {path}: {e}: {payload}"))?;
    if let Some(error) = answer["value"].get("error") {
        return Err(format!("{method} {path}: {error}: {}", answer["value"]["message"]));
    }
    Ok(answer["value"].clone())
}

fn dechunk(mut s: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = s.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 {
            break;
        }
        out.push_str(&rest[..n]);
        s = &rest[n + 2..];
    }
    out
}

struct Browser {
    driver: SocketAddr,
    session: String,
    base: String,
    process: Child,
}

impl Browser {
    fn start(base: String) -> Browser {
        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let process = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver runs: apt-get install -y chromium chromium-driver");
        let driver: SocketAddr = format!("127.0.0.1:{port}").parse().unwrap();
        let started = Instant::now();
        while TcpStream::connect(driver).is_err() {
            assert!(started.elapsed() < Duration::from_secs(30), "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(100));
        }
        let caps = json!({"capabilities": {"alwaysMatch": {"goog:chromeOptions": {
            "binary": "/usr/bin/chromium",
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1000"]
        }}}});
        let session =
            call(driver, "POST", "/session", Some(caps))["sessionId"].as_str().unwrap().to_string();
        Browser { driver, session, base, process }
    }

    fn go(&self, path: &str) {
        let url = format!("{}{path}", self.base);
        call(
            self.driver,
            "POST",
            &format!("/session/{}/url", self.session),
            Some(json!({"url": url})),
        );
    }

    fn path(&self) -> String {
        let url = call(self.driver, "GET", &format!("/session/{}/url", self.session), None);
        url.as_str().unwrap().trim_start_matches(&self.base).to_string()
    }

    fn find(&self, using: &str, value: &str) -> String {
        let found = call(
            self.driver,
            "POST",
            &format!("/session/{}/element", self.session),
            Some(json!({"using": using, "value": value})),
        );
        found[ELEMENT].as_str().unwrap().to_string()
    }

    /// Waits (up to 20 s) for a navigation to a path that starts with `prefix` to finish;
    /// the path.
    fn wait_path(&self, prefix: &str) -> String {
        let started = Instant::now();
        loop {
            let path = self.path();
            let ready = call(
                self.driver,
                "POST",
                &format!("/session/{}/execute/sync", self.session),
                Some(json!({"script": "return document.readyState", "args": []})),
            );
            if path.starts_with(prefix) && ready == "complete" {
                return path;
            }
            assert!(started.elapsed() < Duration::from_secs(20), "still at {path}, not {prefix}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Waits (up to 20 s) until the page has an element that matches `css`.
    fn wait_for(&self, css: &str) {
        let started = Instant::now();
        while self.count(css) == 0 {
            assert!(started.elapsed() < Duration::from_secs(20), "no {css} at {}", self.path());
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn count(&self, css: &str) -> usize {
        let found = call(
            self.driver,
            "POST",
            &format!("/session/{}/elements", self.session),
            Some(json!({"using": "css selector", "value": css})),
        );
        found.as_array().unwrap().len()
    }

    fn click(&self, element: &str) {
        call(
            self.driver,
            "POST",
            &format!("/session/{}/element/{element}/click", self.session),
            Some(json!({})),
        );
    }

    fn type_into(&self, element: &str, text: &str) {
        call(
            self.driver,
            "POST",
            &format!("/session/{}/element/{element}/value", self.session),
            Some(json!({"text": text})),
        );
    }

    fn text(&self, css: &str) -> String {
        let element = self.find("css selector", css);
        let text = call(
            self.driver,
            "GET",
            &format!("/session/{}/element/{element}/text", self.session),
            None,
        );
        text.as_str().unwrap().to_string()
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        // Ends the session (and so chromium) before chromedriver; errors ignored, since this
        // may run while a failed assertion unwinds.
        let _ = request(self.driver, "DELETE", &format!("/session/{}", self.session), None);
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

/// The example corpus in a store, served on a loopback port; the base URL.
fn serve(dir: &std::path::Path) -> String {
    let db = dir.join("dossier.db");
    let mut store = Store::open(&db).unwrap();
    let corpus = test_utils::workspace().join("examples/corpus");
    pipeline::ingest(&mut store, &[corpus], &IngestOptions::default(), &Silent).unwrap();
    pipeline::read(&mut store, &Silent).unwrap();
    pipeline::extract(&mut store, false, &Silent).unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Runtime::new().unwrap();
        let config = web::Config {
            bind: "127.0.0.1:0".parse().unwrap(),
            token: None,
            user: "browser".into(),
        };
        let bench = Workbench::new(store, vec![]);
        runtime.block_on(web::serve(config, bench, |addr| tx.send(addr).unwrap())).unwrap();
    });
    let addr = rx.recv_timeout(Duration::from_secs(120)).expect("the server starts");
    format!("http://{addr}")
}

#[test]
fn an_investigator_searches_opens_rejects_and_merges_in_a_real_browser() {
    let dir = tempfile::tempdir().unwrap();
    let browser = Browser::start(serve(dir.path()));

    // Search for a person from the home page's search box.
    browser.go("/");
    let q = browser.find("css selector", "#q");
    browser.type_into(&q, "Vallejo Brito\n");
    browser.wait_path("/search?q=Vallejo");

    // Open the entity.
    let link = browser
        .find("xpath", "//a[starts-with(@href, '/entity/')][contains(., 'Hernán Vallejo Brito')]");
    browser.click(&link);
    let entity = browser.wait_path("/entity/person-");
    assert!(browser.text("h1").contains("Hernán Vallejo Brito"));
    let claims_before = browser.count("ol.assertions a[href^='/claim/']");
    assert!(claims_before > 3, "{claims_before} claims");

    // Open a claim: its evidence is marked in its paragraph, and it supports an assertion.
    let claim_link = browser.find("css selector", "ol.assertions a[href^='/claim/']");
    browser.click(&claim_link);
    let claim = browser.wait_path("/claim/");
    assert!(!browser.text("blockquote.paragraph mark").is_empty());
    assert!(!browser.text("section p").contains("supports no assertion"));

    // Reject it: the page says so, and the entity's chronology no longer cites it.
    let why = browser.find("css selector", "#rwhy");
    browser.type_into(&why, "misread the sentence");
    browser.click(&browser.find("css selector", "#reject"));
    browser.wait_for("h1 .decision");
    assert_eq!(browser.path(), claim);
    assert_eq!(browser.text("h1 .decision"), "rejected");
    assert!(browser.text("main").contains("This claim supports no assertion: it was rejected"));
    assert!(browser.text("ul.audit").contains("misread the sentence"));
    browser.go(&entity);
    browser.wait_path(&entity);
    let claims_after = browser.count("ol.assertions a[href^='/claim/']");
    assert_eq!(claims_after, claims_before - 1);
    assert_eq!(browser.count(&format!("a[href='{claim}']")), 0);

    // Merge another name into this person (the mechanism: the example corpus no longer
    // leaves a lone surname of his apart to merge).
    let other = browser.find("css selector", "#other");
    browser.type_into(&other, "Rubén Darío Quintero");
    let reason = browser.find("css selector", "#jwhy");
    browser.type_into(&reason, "reviewer test: one entity");
    browser.click(&browser.find("css selector", "form[action='/judge'] button"));
    browser.wait_for("ul.audit");
    assert!(browser.path().starts_with("/entity/person-"), "{}", browser.path());
    let names = browser.text("dl.facts dd");
    assert!(names.split(" · ").any(|n| n == "Rubén Darío Quintero"), "{names}");
    assert!(names.contains("Hernán Vallejo Brito"), "{names}");
    assert!(browser.text("ul.audit").contains("merge"));
}
