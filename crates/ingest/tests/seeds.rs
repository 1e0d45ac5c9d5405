//! Issue 2's acceptance checks on the five example documents in `../shared/corpus/seeds/`:
//! publication dates, titles, print furniture and "related articles" tails, and the map back
//! to the original bytes.

use ingest::{Limits, extract};
use model::{Extraction, Format, PartialDate};

fn date(s: &str) -> Option<PartialDate> {
    Some(s.parse().unwrap())
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn seed(prefix: &str) -> (Vec<u8>, Extraction) {
    let path = test_utils::seed_path(prefix);
    let bytes = test_utils::seed_bytes(prefix);
    let ex = extract(&bytes, &path.to_string_lossy(), &Limits::default()).unwrap();
    (bytes, ex)
}

#[test]
fn seeds_publication_dates_and_titles() {
    let cases = [
        ("000", None, "Ali Mamlouk: Security chief in Syria, wanted man in France"),
        (
            "001",
            date("2024-04-23"),
            "After controversy over his fate, Ali Mamlouk appears in Russia",
        ),
        (
            "002",
            date("2018-12-24"),
            "Syria intelligence chief Ali Mamlouk makes rare visit to Cairo",
        ),
        ("003", date("2018-03-05"), "Dangerous Liaisons"),
        ("004", None, "Towards Accountability, Justice, and Ending Impunity in Syria"),
    ];
    for (prefix, published, title) in cases {
        let (_, ex) = seed(prefix);
        assert_eq!(ex.metadata.published, published, "seed {prefix}");
        assert_eq!(ex.metadata.title.as_deref(), Some(title), "seed {prefix}");
        assert_eq!(ex.metadata.language.as_deref(), Some("en"), "seed {prefix}");
        assert_eq!(ex.format, Format::Text);
    }
}

#[test]
fn seed_003_loses_print_furniture_and_keeps_every_article_line() {
    let (bytes, ex) = seed("003");
    for gone in [
        "Seite 2 von 3",
        "Seite 3 von 3",
        "15.03.18, 16*30",
        "carnegie-mec.org/diwan/75699",
        "http",
    ] {
        assert!(!ex.text.contains(gone), "{gone:?} is still in the text");
    }
    let kept: std::collections::HashSet<&str> = ex.text.lines().collect();
    let raw = String::from_utf8(bytes).unwrap();
    for line in raw.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let furniture =
            line.starts_with("15.03.18") || line.starts_with("Seite ") || line.starts_with("http");
        if !furniture {
            assert!(kept.contains(line), "article line lost: {line:?}");
        }
    }
    assert_eq!(ex.metadata.url.as_deref(), Some("http://carnegie-mec.org/diwan/75699"));
    assert_eq!(ex.metadata.publisher.as_deref(), Some("Carnegie Middle East Center"));
}

#[test]
fn seeds_lose_their_related_articles_tails() {
    let (_, ex) = seed("000");
    assert!(!ex.text.contains("Top Content"));
    assert!(ex.text.trim_end().ends_with("special tribunal for Syria."));
    assert!(!ex.text.contains("Published: Updated:"));

    let (_, ex) = seed("001");
    for gone in
        ["Related Articles", "Idlib", "Syrian Security Apparatus Undergo", "\nPolitics", "\nMore"]
    {
        assert!(!ex.text.contains(gone), "{gone:?} is still in 001");
    }
    assert!(ex.text.trim_end().ends_with("involvement in crimes against humanity.”"));

    let (_, ex) = seed("004");
    for gone in [
        "Latest Articles",
        "Related articles",
        "SNHR Condemns",
        "Available In",
        "View full Report",
        "HomeStatements",
    ] {
        assert!(!ex.text.contains(gone), "{gone:?} is still in 004");
    }
    assert!(ex.text.contains("We do this in order to secure the rights of victims"));

    let (_, ex) = seed("002");
    assert!(!ex.text.contains("Read: "));
    assert!(!ex.text.contains("Creating new perspectives"));
    assert!(ex.text.contains("contradicting previous statements"));
}

#[test]
fn seed_segments_point_back_to_the_same_text_in_the_original() {
    for prefix in ["000", "001", "002", "003", "004"] {
        let (bytes, ex) = seed(prefix);
        assert!(ex.segments_are_sound(), "{:?}", ex.segments);
        for seg in &ex.segments {
            let src = seg.source.bytes.clone().expect("plain text maps to bytes");
            let original = std::str::from_utf8(&bytes[src]).unwrap();
            assert_eq!(squash(original), squash(&ex.text[seg.text.clone()]), "seed {prefix}");
        }
    }
}
