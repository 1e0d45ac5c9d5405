//! Router tests of a busy entity's page: the chronology in pages, the figures over all of it.

mod common;

use std::path::PathBuf;

use axum::http::StatusCode;
use common::*;
use pipeline::{IngestOptions, Silent, Workbench};
use store::Store;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const FIRST: [&str; 12] = [
    "Edda", "Piet", "Kasimir", "Marisol", "Halvard", "Odile", "Ivo", "Brenna", "Tove", "Anselm",
    "Rurik", "Signe",
];
const LAST: [&str; 12] = [
    "Lorn", "Oranje", "Holl", "Quenby", "Quist", "Varga", "Rask", "Tamsk", "Vell", "Ossary",
    "Drumm", "Keld",
];

/// A store of one memo in which one man meets `n` different people on `n` different days.
fn busy(n: usize) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let text: String = (0..n)
        .map(|i| {
            format!(
                "Tomasz Wielgosz met {} {} in Varsk on {} {} {}.\n\n",
                FIRST[i % 12],
                LAST[i / 12 % 12],
                i % 28 + 1,
                MONTHS[i / 28 % 12],
                2001 + i / (28 * 12)
            )
        })
        .collect();
    let memo = dir.path().join("memo.txt");
    std::fs::write(&memo, text).unwrap();
    let db = dir.path().join("dossier.db");
    let mut store = Store::open(&db).unwrap();
    pipeline::ingest(&mut store, &[memo], &IngestOptions::default(), &Silent).unwrap();
    pipeline::read(&mut store, &Silent).unwrap();
    pipeline::extract(&mut store, false, &Silent).unwrap();
    (dir, db)
}

#[tokio::test]
async fn a_busy_entitys_chronology_comes_in_pages_of_a_hundred() {
    let (_dir, db) = busy(130);
    let bench = Workbench::new(Store::open(&db).unwrap(), vec![]).with_path(&db);
    let app = App {
        router: web::router(bench, CSRF.into(), None, "tester".into()),
        dir: tempfile::tempdir().unwrap(),
    };
    let person =
        app.json("/api/search?q=wielgosz").await["entities"][0]["id"].as_str().unwrap().to_string();
    let all =
        app.json(&format!("/api/entity/{person}")).await["assertions"].as_array().unwrap().len();
    assert!(all > 100, "the memo makes more than a page: {all}");

    let first = app.get(&format!("/entity/{person}")).await;
    assert_eq!(first.status, StatusCode::OK);
    assert_eq!(first.body.matches("<li id=\"a-").count(), 100);
    assert!(first.body.contains(&format!("page 1 of 2 ({all} assertions)")), "{}", first.body);
    assert!(first.body.contains(&format!("href=\"/entity/{person}?page=2#chronology\"")));
    assert!(!first.body.contains("rel=\"prev\""));
    // The timeline draws every meeting, not one page of them.
    assert_eq!(first.body.matches("<circle class=\"mark").count(), all);

    let second = app.get(&format!("/entity/{person}?page=2")).await;
    assert_eq!(second.status, StatusCode::OK);
    assert_eq!(second.body.matches("<li id=\"a-").count(), all - 100);
    assert!(second.body.contains("<ol class=\"assertions\" start=\"101\">"));
    assert!(second.body.contains("rel=\"prev\"") && !second.body.contains("rel=\"next\""));

    for bad in ["3", "0", "two"] {
        let answer = app.get(&format!("/entity/{person}?page={bad}")).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "page {bad}");
        assert!(answer.body.contains("pages 1 to 2"), "{}", answer.body);
    }
}

#[tokio::test]
async fn an_alias_marked_on_the_entity_page_is_audited_and_shown() {
    let app = app();
    let person =
        app.json("/api/search?q=quillon").await["entities"][0]["id"].as_str().unwrap().to_string();
    let page = app.get(&format!("/entity/{person}")).await.body;
    assert!(page.contains(&format!("action=\"/entity/{person}/alias\"")));
    let uri = format!("/entity/{person}/alias");
    let forged = app.post(&uri, &[("name", "Q. Dray")]).await;
    assert_eq!(forged.status, StatusCode::BAD_REQUEST, "no CSRF token, no alias");
    let marked = app.post(&uri, &[("csrf", CSRF), ("name", "Q. Dray"), ("why", "byline")]).await;
    assert_eq!(marked.status, StatusCode::SEE_OTHER, "{}", marked.body);
    let log = app.json("/api/audit").await;
    assert_eq!(log.as_array().unwrap().len(), 1);
    assert_eq!(log[0]["action"], "alias");
    assert!(log[0]["after"].as_str().unwrap().contains("Q. Dray"));
    let shown = app.get(&location(&marked)).await.body;
    assert!(shown.contains("tester · alias"), "the entity's audit log shows it");
    let again = app.post(&uri, &[("csrf", CSRF), ("name", "Quillon Dray")]).await;
    assert_eq!(again.status, StatusCode::BAD_REQUEST);
    assert!(again.body.contains("already"), "{}", again.body);
}

#[tokio::test]
async fn the_entity_page_and_the_case_file_share_their_sections() {
    let dir = tempfile::tempdir().unwrap();
    let memo = dir.path().join("memo.txt");
    std::fs::write(
        &memo,
        "Tomasz Wielgosz is the director of the Norvanian Survey Bureau.\n\n\
         Tomasz Wielgosz met Edda Lorn in Varsk on 3 March 2021.\n\n\
         Tomasz Wielgosz, the brother of Piet Wielgosz, visited Varsk on 9 May 2021.\n",
    )
    .unwrap();
    let db = dir.path().join("dossier.db");
    let mut store = Store::open(&db).unwrap();
    pipeline::ingest(&mut store, &[memo], &IngestOptions::default(), &Silent).unwrap();
    pipeline::read(&mut store, &Silent).unwrap();
    pipeline::extract(&mut store, false, &Silent).unwrap();
    drop(store);
    let bench = Workbench::new(Store::open(&db).unwrap(), vec![]).with_path(&db);
    let app = App { router: web::router(bench, CSRF.into(), None, "tester".into()), dir };
    let person =
        app.json("/api/search?q=tomasz").await["entities"][0]["id"].as_str().unwrap().to_string();
    let page = app.get(&format!("/entity/{person}")).await.body;
    let file = app.get("/export/case/index.html").await.body;
    for (name, head) in [
        ("career", "<h3>Career</h3><table><tr><th>#</th><th>Post</th>"),
        ("meetings", "<h3>Meetings and visits</h3><table><tr><th>Date</th><th>What</th>"),
        ("family", "<h3>Family ties</h3><table><tr><th>Tie</th>"),
    ] {
        // The same section under the page's h1 is an h2, under the file's entity h2 an h3.
        let on_page = head.replace("h3>", "h2>");
        assert!(page.contains(&on_page), "{name} on the page: {page}");
        assert!(file.contains(head), "{name} in the case file: {file}");
    }
    // The rows read the same; only where links go differs (the page's base is escaped as
    // every value is: `&#x2f;` is the `/` a browser reads).
    assert!(page.contains("<td>met <a href=\"&#x2f;entity&#x2f;person-"), "{page}");
    assert!(file.contains("<td>met <a href=\"#person-"), "{file}");
    assert!(page.contains("<td>1</td><td>director of "), "{page}");
    assert!(file.contains("<td>1</td><td>director of "), "{file}");
    // The chronology, the contradictions and the sources come from the same templates: the
    // same rows, notes to claim pages on the page and to the evidence in the file.
    let section = |html: &str, from: &str, to: &str| -> String {
        let at = html.find(from).unwrap_or_else(|| panic!("no {from} in {html}"));
        let rest = &html[at..];
        rest[..rest.find(to).unwrap_or(rest.len())].to_string()
    };
    let texts = |html: &str| -> Vec<String> {
        html.split("<span class=\"assertion\">")
            .skip(1)
            .map(|s| s.split('<').next().unwrap().to_string())
            .collect()
    };
    let page_chronology = section(&page, "<ol class=\"assertions\"", "</ol>");
    let file_chronology = section(&file, "<ol class=\"assertions\"", "</ol>");
    let listed = texts(&page_chronology);
    assert!(listed.len() >= 3, "{listed:?}");
    assert_eq!(listed, texts(&file_chronology), "one chronology, in one order");
    assert!(page_chronology.contains("<a href=\"&#x2f;claim&#x2f;"), "{page_chronology}");
    assert!(file_chronology.contains("<a href=\"#e"), "{file_chronology}");
    let none = "<p class=\"muted\">None found: no two sources disagree about this person.</p>";
    let head = |h: &str| {
        format!("<{h} id=\"contradictions-{person}\">Contradictions and open questions</{h}>")
    };
    assert!(page.contains(&format!("{}{none}", head("h2"))), "{page}");
    assert!(file.contains(&format!("{}{none}", head("h3"))), "{file}");
    let sources =
        |h: &str| format!("<{h} id=\"sources-{person}\">Sources</{h}><ul class=\"sources\"><li>");
    assert!(page.contains(&format!("{}memo.txt</li></ul>", sources("h2"))), "{page}");
    assert!(
        file.contains(&format!("{}<a href=\"#s1\">memo.txt</a></li></ul>", sources("h3"))),
        "{file}"
    );
}
