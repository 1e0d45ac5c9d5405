//! Accessibility basics on every page of the workbench, checked on the served HTML: a
//! language, a skip link to the main landmark, navigation, one first-level heading and no
//! skipped level, a label for every form control, a name for every link, button and figure,
//! ids that are unique, and the keys of the review actions written on the page.

mod common;

use axum::http::StatusCode;
use common::*;
use scraper::{ElementRef, Html, Selector};

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

/// Every breach of the basics on one page, as lines naming the page and the element.
fn breaches(uri: &str, body: &str) -> Vec<String> {
    let page = Html::parse_document(body);
    let mut found = Vec::new();
    let mut say = |what: String| found.push(format!("{uri}: {what}"));
    let lang = page.select(&sel("html")).next().and_then(|h| h.value().attr("lang"));
    if lang.is_none_or(|l| l.trim().is_empty()) {
        say("no lang on <html>".into());
    }
    let mains: Vec<ElementRef> = page.select(&sel("main")).collect();
    if mains.len() != 1 || mains[0].value().id() != Some("main") {
        say(format!("{} <main id=main> landmarks, not one", mains.len()));
    }
    let first_link = page.select(&sel("body a")).next();
    if first_link.and_then(|a| a.value().attr("href")) != Some("#main") {
        say("the first link is not the skip link to #main".into());
    }
    if page.select(&sel("nav")).next().is_none() {
        say("no <nav> landmark".into());
    }
    let levels: Vec<usize> = page
        .select(&sel("h1, h2, h3, h4, h5, h6"))
        .map(|h| h.value().name()[1..].parse().unwrap())
        .collect();
    if levels.iter().filter(|&&l| l == 1).count() != 1 || levels.first() != Some(&1) {
        say(format!("headings {levels:?}: one <h1>, first"));
    }
    if levels.windows(2).any(|w| w[1] > w[0] + 1) {
        say(format!("headings {levels:?} skip a level"));
    }
    let labels: Vec<String> = page
        .select(&sel("label[for]"))
        .filter(|l| !l.text().collect::<String>().trim().is_empty())
        .filter_map(|l| l.value().attr("for").map(String::from))
        .collect();
    for control in page.select(&sel("input, select, textarea")) {
        let v = control.value();
        if matches!(v.attr("type"), Some("hidden" | "submit" | "button")) {
            continue;
        }
        let wrapped = control.ancestors().filter_map(ElementRef::wrap).any(|a| {
            a.value().name() == "label" && !a.text().collect::<String>().trim().is_empty()
        });
        let named = v.attr("aria-label").is_some() || v.attr("aria-labelledby").is_some();
        let labelled = v.id().is_some_and(|id| labels.iter().any(|l| l == id));
        if !(wrapped || named || labelled) {
            say(format!("a <{}> named {:?} has no label", v.name(), v.attr("name")));
        }
    }
    for el in page.select(&sel("a, button")) {
        let text = el.text().collect::<String>();
        let v = el.value();
        if text.trim().is_empty() && v.attr("aria-label").is_none() && v.attr("title").is_none() {
            say(format!("a <{}> with no text ({:?})", v.name(), v.attr("href")));
        }
    }
    for svg in page.select(&sel("svg")) {
        let v = svg.value();
        if v.attr("role").is_none()
            || (v.attr("aria-labelledby").is_none() && v.attr("aria-label").is_none())
        {
            say(format!("a figure ({:?}) without a role and a name", v.id()));
        }
    }
    let mut ids: Vec<&str> = page.select(&sel("[id]")).filter_map(|e| e.value().id()).collect();
    ids.sort_unstable();
    for pair in ids.windows(2).filter(|w| w[0] == w[1]) {
        say(format!("the id {:?} is used twice", pair[0]));
    }
    found
}

#[tokio::test]
async fn every_page_has_a_language_landmarks_labels_and_headings_in_order() {
    let app = app();
    let entity = app.first_link("/search?q=quillon", "entity").await;
    let claim = app.first_link(&entity, "claim").await;
    let doc = app.first_link(&claim, "document").await;
    // One decision, so that the audit log and the claim's own log have rows to show.
    let done = app.post(&format!("{claim}/note"), &[("csrf", CSRF), ("text", "checked")]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let mut found = Vec::new();
    for uri in [
        "/",
        "/search?q=quillon",
        "/search?q=zzzqqqx",
        "/search?q=&type=meeting",
        entity.as_str(),
        claim.as_str(),
        doc.as_str(),
        "/audit",
        "/ingest",
        "/export",
        "/entity/no-such-entity",
    ] {
        let page = app.get(uri).await;
        assert!(page.body.starts_with("<!doctype html>"), "{uri}: {}", page.body);
        found.extend(breaches(uri, &page.body));
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[tokio::test]
async fn the_checks_catch_a_page_without_them() {
    let bare = "<!doctype html><html><body><h2>Case</h2><form><input name=q>\
        <select name=t id=t></select><button></button></form></body></html>";
    let found = breaches("/bare", bare).join("\n");
    for breach in [
        "no lang",
        "landmarks, not one",
        "skip link",
        "no <nav>",
        "one <h1>",
        "<input> named Some(\"q\") has no label",
        "<select> named Some(\"t\") has no label",
        "<button> with no text",
    ] {
        assert!(found.contains(breach), "{breach} not found in:\n{found}");
    }
}

#[tokio::test]
async fn the_review_pages_write_their_keys_and_mark_them_on_their_controls() {
    let app = app();
    let entity = app.first_link("/search?q=quillon", "entity").await;
    let claim = app.first_link(&entity, "claim").await;
    let page = Html::parse_document(&app.get(&claim).await.body);
    let keys = page.select(&sel("p.keys")).next().expect("the claim page lists its keys");
    let keys = keys.text().collect::<String>();
    for key in ["a accept", "r reject", "e edit", "j/k", "/ search"] {
        assert!(keys.contains(key), "{key} in {keys}");
    }
    for (id, key) in [("accept", "a"), ("reject", "r")] {
        let button = page.select(&sel(&format!("button#{id}"))).next().unwrap();
        assert_eq!(button.value().attr("accesskey"), Some(key), "{id}");
    }
    let entity_page = app.get(&entity).await.body;
    assert!(entity_page.contains("<p class=\"keys\">"), "the entity page lists its keys");
}
