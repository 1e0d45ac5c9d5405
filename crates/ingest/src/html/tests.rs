//! Hostile markup: nesting past the limit is flattened in linear time with its text kept;
//! ordinary pages are untouched; the aligner stays linear on unclosed comments and tags.

use std::time::{Duration, Instant};

use super::depth::{MAX_DEPTH, flatten};
use crate::cancel::Cancel;
use crate::{Error, Limits, extract};

const SENTENCE: &str = "The council met on Tuesday to discuss the budget of the water authority.";

fn nested(tag: &str, depth: usize) -> String {
    format!(
        "<html><body>{}<p>{SENTENCE}</p>{}</body></html>",
        format!("<{tag} class=\"a>b\">").repeat(depth),
        format!("</{tag}>").repeat(depth)
    )
}

#[test]
fn nesting_past_the_limit_is_blanked_in_place() {
    // `html` and `body` open two levels first.
    let html = nested("div", MAX_DEPTH + 100);
    let (flat, dropped) = flatten(&html, MAX_DEPTH, &Cancel::default()).unwrap().unwrap();
    assert_eq!(dropped, 102);
    assert_eq!(flat.len(), html.len(), "offsets must stay those of the original");
    assert_eq!(flat.matches("<div").count(), MAX_DEPTH - 2);
    assert_eq!(flat.matches("</div>").count(), MAX_DEPTH - 2);
    assert!(flat.contains(SENTENCE));
}

#[test]
fn ordinary_pages_are_not_touched() {
    // Unclosed paragraphs and list items are closed by the parser, so they do not count.
    let html = format!(
        "<html><body><ul>{}</ul>{}</body></html>",
        "<li>item".repeat(2000),
        "<p>para".repeat(2000)
    );
    assert!(flatten(&html, MAX_DEPTH, &Cancel::default()).unwrap().is_none());
    assert!(
        flatten(&nested("section", MAX_DEPTH - 2), MAX_DEPTH, &Cancel::default())
            .unwrap()
            .is_none()
    );
    // Script content is text, whatever tags it holds.
    let script = format!("<html><script>{}</script><p>{SENTENCE}</p></html>", "<div>".repeat(5000));
    assert!(flatten(&script, MAX_DEPTH, &Cancel::default()).unwrap().is_none());
}

#[test]
fn a_hundred_thousand_nested_divs_read_in_bounded_time() {
    let html = nested("div", 100_000);
    let started = Instant::now();
    let ex = extract(html.as_bytes(), "deep.html", &Limits::default()).unwrap();
    // 43 s before the limit, in an optimised build; well under a second now.
    assert!(started.elapsed() < Duration::from_secs(20), "{:?}", started.elapsed());
    assert!(ex.text.contains(SENTENCE), "{}", ex.text);
    let diag = ex.diagnostics.iter().find(|d| d.kind == "html-too-deep").expect("a diagnostic");
    assert!(diag.message.contains("99490 tags"), "{}", diag.message);
    let seg = &ex.segments[0];
    let src = seg.source.bytes.clone().unwrap();
    assert_eq!(&html[src], SENTENCE);
}

#[test]
fn unclosed_comments_tags_and_entities_stay_linear() {
    let junk = "<!-- <a &amp".repeat(50_000);
    let html = format!("<html><body><p>{SENTENCE}</p>{junk}</body></html>");
    let started = Instant::now();
    let ex = extract(html.as_bytes(), "junk.html", &Limits::default()).unwrap();
    assert!(started.elapsed() < Duration::from_secs(20), "{:?}", started.elapsed());
    assert!(ex.text.contains(SENTENCE), "{}", ex.text);
}

#[test]
fn a_raised_stop_flag_ends_the_walk() {
    let (cancel, stop) = Cancel::new();
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let html = nested("div", 10);
    let err =
        crate::extract_until(html.as_bytes(), "a.html", &Limits::default(), &cancel).unwrap_err();
    assert!(matches!(err, Error::Cancelled), "{err}");
}
