//! End to end in a real headless browser (Debian's chromium, driven through chromedriver by a
//! small WebDriver client here): search for a person, open the entity, open a claim, reject
//! it and see the assertion change, edit a date, merge two entities, upload a document and
//! see its claims appear. Built with `--features browser`;
//! `.ci/run` installs chromium and chromium-driver and runs it.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use pipeline::{IngestOptions, Silent, Workbench};
use serde_json::{Value, json};
use store::Store;

const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// A date no document of the example corpus gives, so that seeing it proves the edit.
const EDITED_DATE: &str = "1999-03-14";

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
        // chromedriver takes connections before it is ready, and has reset the first
        // session's connection while a just-installed chromium started (CI, session 42):
        // wait until it says it is ready, then try the session a few times.
        let ready = || {
            request(driver, "GET", "/status", None).ok().and_then(|v| v["ready"].as_bool())
                == Some(true)
        };
        while !ready() {
            assert!(started.elapsed() < Duration::from_secs(30), "chromedriver is not ready");
            std::thread::sleep(Duration::from_millis(100));
        }
        let mut tries = 1;
        let session = loop {
            match request(driver, "POST", "/session", Some(caps.clone())) {
                Ok(value) => break value["sessionId"].as_str().unwrap().to_string(),
                Err(e) if tries < 3 => {
                    eprintln!("try {tries}: {e}; trying again");
                    tries += 1;
                    std::thread::sleep(Duration::from_secs(2));
                }
                Err(e) => panic!("{e}"),
            }
        };
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

    /// Runs a script in the page; its answer.
    fn run(&self, script: &str) -> Value {
        call(
            self.driver,
            "POST",
            &format!("/session/{}/execute/sync", self.session),
            Some(json!({"script": script, "args": []})),
        )
    }

    /// Presses one key on the page (not in a field).
    fn press(&self, key: &str) {
        let actions = json!({"actions": [{"type": "key", "id": "keys", "actions": [
            {"type": "keyDown", "value": key}, {"type": "keyUp", "value": key}]}]});
        call(self.driver, "POST", &format!("/session/{}/actions", self.session), Some(actions));
    }

    /// Saves a screenshot of the page as PNG, when `DOSSIER_SCREENSHOTS` names a folder.
    fn shot(&self, name: &str) {
        let Ok(folder) = std::env::var("DOSSIER_SCREENSHOTS") else { return };
        let png = call(self.driver, "GET", &format!("/session/{}/screenshot", self.session), None);
        let bytes = base64(png.as_str().unwrap());
        std::fs::write(std::path::Path::new(&folder).join(format!("{name}.png")), bytes).unwrap();
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
    let dir = dir.to_path_buf();
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
        let bench = Workbench::new(store, vec![]).with_path(&db);
        runtime.block_on(web::serve(config, bench, |addr| tx.send(addr).unwrap())).unwrap();
    });
    let addr = rx.recv_timeout(Duration::from_secs(120)).expect("the server starts");
    format!("http://{addr}")
}

#[test]
fn an_investigator_searches_opens_rejects_edits_a_date_and_merges_in_a_real_browser() {
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

    // Edit a date: a claim of his with a date field gets one no source gives; the claim
    // page and the entity's chronology then show the assertion at that date.
    let hrefs = browser.run(
        "return [...document.querySelectorAll('ol.assertions a[href^=\"/claim/\"]')]
             .map(a => a.getAttribute('href'));",
    );
    let dated = hrefs
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h.as_str().unwrap().to_string())
        .find(|href| {
            browser.go(&format!("/api{href}"));
            let view: Value = serde_json::from_str(&browser.text("body")).unwrap();
            view["current"]["date"].as_str().is_some_and(|d| d != EDITED_DATE)
        })
        .expect("a claim of his with a date");
    browser.go(&dated);
    browser.wait_path(&dated);
    assert_ne!(browser.text("section p .date"), EDITED_DATE);
    let field = browser.find("css selector", "#f-date");
    browser.run("document.getElementById('f-date').value = ''; return null;");
    browser.type_into(&field, EDITED_DATE);
    browser.type_into(&browser.find("css selector", "#ewhy"), "the source gives another day");
    browser.click(&browser.find("css selector", "#save"));
    browser.wait_for("h1 .decision");
    assert_eq!(browser.path(), dated);
    assert_eq!(browser.text("h1 .decision"), "edited");
    assert_eq!(browser.text("section p .date"), EDITED_DATE);
    assert!(browser.text("ul.audit").contains("the source gives another day"));
    browser.go(&entity);
    browser.wait_path(&entity);
    let row =
        browser.find("xpath", &format!("//ol[@class='assertions']/li[.//a[@href='{dated}']]"));
    let shown = call(
        browser.driver,
        "GET",
        &format!("/session/{}/element/{row}/text", browser.session),
        None,
    );
    assert!(shown.as_str().unwrap().starts_with(EDITED_DATE), "{shown}");

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

/// Standard base64 decoding (the screenshots WebDriver sends).
fn base64(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    };
    let digits: Vec<u8> = text.bytes().filter(|c| !b"=\r\n".contains(c)).map(value).collect();
    digits
        .chunks(4)
        .flat_map(|c| {
            let n = c.iter().enumerate().fold(0u32, |n, (i, &d)| n | (d as u32) << (18 - 6 * i));
            let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
            bytes.into_iter().take(c.len() - 1).collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn an_investigator_adds_a_claim_by_selection_uses_the_figures_and_keys_and_uploads() {
    let dir = tempfile::tempdir().unwrap();
    let browser = Browser::start(serve(dir.path()));
    browser.go("/search?q=Vallejo+Brito");
    browser.wait_path("/search");
    browser.shot("search");
    browser.go("/search?type=sanction&status=unreviewed");
    browser.wait_path("/search");
    browser.shot("search-filtered");
    assert!(browser.count("ul.hits a[href^='/claim/']") > 0);

    // Select words after a name with an accent in a document: the script turns the selection
    // into byte offsets, and the claim's evidence is exactly the words selected.
    browser.go("/search?q=Hern%C3%A1n");
    browser.wait_path("/search");
    let doc_link = browser.find("css selector", "ul.hits a[href^='/document/']");
    browser.click(&doc_link);
    let doc_path = browser.wait_path("/document/");
    let quote = browser.run(
        "var t = [...document.querySelectorAll('#doctext span[data-at]')]
             .find(e => /Hernán/.test(e.textContent) && e.firstChild.data.indexOf('Hernán') >= 0);
         if (!t) { t = [...document.querySelectorAll('#doctext [data-at]')]
             .find(e => e.firstChild && /Hernán/.test(e.firstChild.data)); }
         var node = t.firstChild, at = node.data.indexOf('Hernán') + 7;
         var r = document.createRange(); r.setStart(node, at); r.setEnd(node, Math.min(node.data.length, at + 30));
         var sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(r);
         document.getElementById('doctext').dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
         return [sel.toString(), document.getElementById('ev-start').value, document.getElementById('ev-end').value];",
    );
    let selected = quote[0].as_str().unwrap().to_string();
    assert!(!selected.is_empty() && !quote[1].as_str().unwrap().is_empty(), "{quote}");
    assert_eq!(browser.run("return document.getElementById('ev-quote').value"), selected.as_str());
    browser.shot("document-selected");
    let select = browser.find("css selector", "#add-type");
    browser.type_into(&select, "visit");
    let place = browser.find("css selector", "#add-visit-place");
    browser.type_into(&place, "Harbour Town");
    let person = browser.find("css selector", "#add-visit-person");
    browser.type_into(&person, "Hernán Vallejo Brito");
    browser.click(&browser.find("css selector", "#add-submit"));
    let added = browser.wait_path("/claim/");
    // The span the script read is the one stored (bytes, past the two-byte "á"), not one
    // the server had to find again from the words.
    browser.go(&format!("/api{added}"));
    let stored: Value = serde_json::from_str(&browser.text("body")).unwrap();
    assert_eq!(stored["machine"]["evidence"]["start"].to_string(), quote[1].as_str().unwrap());
    assert_eq!(stored["machine"]["evidence"]["end"].to_string(), quote[2].as_str().unwrap());
    browser.go(&added);
    browser.wait_path(&added);
    let fold = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    assert_eq!(fold(&browser.text("blockquote.paragraph mark")), fold(&selected));
    assert!(browser.text("main").contains("rule human"));
    browser.shot("claim-added");

    // j and k move through the claims of the document; r rejects the claim shown.
    browser.press("k");
    browser.wait_path("/claim/");
    browser.press("r");
    browser.wait_for("h1 .decision");
    assert_eq!(browser.text("h1 .decision"), "rejected");
    browser.go(&doc_path);
    browser.wait_path("/document/");

    // The entity's timeline zooms, and a mark opens its evidence.
    browser.go("/search?q=Vallejo+Brito");
    browser.wait_path("/search");
    let link = browser
        .find("xpath", "//a[starts-with(@href, '/entity/')][contains(., 'Hernán Vallejo Brito')]");
    browser.click(&link);
    let entity = browser.wait_path("/entity/person-");
    browser.wait_for("svg#timeline circle.mark");
    assert!(browser.count("svg#network a.node") >= 2, "a neighbourhood");
    browser.shot("entity");
    browser.run("document.getElementById('timeline').scrollIntoView(); return null;");
    browser.shot("entity-timeline");
    browser.run("document.getElementById('network').scrollIntoView(); return null;");
    browser.shot("entity-network");
    let spread = "var c = [...document.querySelectorAll('svg#timeline circle.mark')].map(m => +m.getAttribute('cx'));
         return Math.max(...c) - Math.min(...c);";
    let before = browser.run(spread).as_f64().unwrap();
    browser.click(
        &browser.find("css selector", "div.zoom[data-for='timeline'] button[data-zoom='in']"),
    );
    browser.shot("entity-zoomed");
    let after = browser.run(spread).as_f64().unwrap();
    assert!(after > before * 1.5, "zoomed in: {before} → {after}");
    browser.click(
        &browser.find("css selector", "div.zoom[data-for='timeline'] button[data-zoom='reset']"),
    );
    browser.press("j");
    assert_eq!(browser.run("return document.activeElement.classList.contains('nav-item')"), true);
    let mark = browser.find("css selector", "svg#timeline a circle.mark");
    browser.click(&mark);
    browser.wait_path("/claim/");
    assert!(!browser.text("blockquote.paragraph mark").is_empty());
    browser.go(&entity);
    browser.wait_path("/entity/");

    // Upload a document: its page refreshes until done, and its person is then found.
    let file = dir.path().join("upload memo.txt");
    std::fs::write(&file, "Minister Ottavia Brenn met Casimir Ludo in Tallinn on 2 May 2023.\n")
        .unwrap();
    browser.go("/ingest");
    browser.wait_path("/ingest");
    let input = browser.find("css selector", "#files");
    browser.type_into(&input, file.to_str().unwrap());
    browser.click(&browser.find("css selector", "#upload"));
    browser.wait_path("/ingest/1");
    let started = Instant::now();
    // The page reloads itself while it works: read it with a script that may land between
    // two loads (an error then is no answer yet).
    let main_text = || {
        let script = json!({"script": "var m = document.querySelector('main'); return m ? m.innerText : ''", "args": []});
        request(
            browser.driver,
            "POST",
            &format!("/session/{}/execute/sync", browser.session),
            Some(script),
        )
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
    };
    while !main_text().contains("Done:") {
        assert!(started.elapsed() < Duration::from_secs(120), "{}", main_text());
        std::thread::sleep(Duration::from_millis(300));
    }
    assert!(browser.text("table").contains("ingested"));
    browser.shot("upload-done");
    browser.go("/search?q=Ottavia");
    browser.wait_path("/search");
    assert!(browser.count("a[href^='/entity/person-']") >= 1);
    // Its claims appear: the meeting it states is found and opens on its evidence.
    browser.go("/search?q=Ottavia&type=meeting");
    browser.wait_path("/search");
    let meeting = browser.find("css selector", "ul.hits a[href^='/claim/']");
    browser.click(&meeting);
    browser.wait_path("/claim/");
    assert!(browser.text("blockquote.paragraph mark").contains("met Casimir Ludo"));
    browser.go("/export");
    browser.wait_path("/export");
    browser.shot("export");
}
