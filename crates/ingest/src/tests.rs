//! Ingest tests: the seeds' acceptance checks, the project's own fixtures, each clutter rule on
//! sentences of our own, and properties over arbitrary input.

use std::path::Path;

use model::{Extraction, Format, PartialDate};
use proptest::prelude::*;

use crate::{Error, Limits, extract, meta};

use test_utils::workspace;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("test_data").join(name)).unwrap()
}

fn example(name: &str) -> (Vec<u8>, Extraction) {
    let bytes = std::fs::read(workspace().join("examples/corpus").join(name)).unwrap();
    let ex = extract(&bytes, name, &Limits::default()).unwrap();
    (bytes, ex)
}

fn run(text: &str) -> Extraction {
    extract(text.as_bytes(), "input.txt", &Limits::default()).unwrap()
}

fn date(s: &str) -> Option<PartialDate> {
    Some(s.parse().unwrap())
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

// ---- Fixtures made by the project ----

#[test]
fn two_page_pdf_loses_running_header_and_page_numbers() {
    let ex = extract(&fixture("two-page.pdf"), "two-page.pdf", &Limits::default()).unwrap();
    assert_eq!(ex.format, Format::Pdf);
    assert!(!ex.text.contains("Regional Monitoring Unit"), "{}", ex.text);
    assert!(!ex.text.contains("Page 1 of 2") && !ex.text.contains("monitoring.example"));
    assert!(ex.text.starts_with("Border Monitoring Note"));
    assert!(squash(&ex.text).contains("This field note records what monitors observed"));
    assert!(squash(&ex.text).ends_with("below the running header, and ends the document."));
    let pages: std::collections::BTreeSet<_> =
        ex.segments.iter().filter_map(|s| s.source.page).collect();
    assert_eq!(pages.into_iter().collect::<Vec<_>>(), vec![1, 2]);
    assert_eq!(ex.metadata.title.as_deref(), Some("Border Monitoring Note"));
    assert!(ex.segments_are_sound(), "{:?}", ex.segments);
}

#[test]
fn broken_pdfs_give_the_right_error() {
    let limits = Limits::default();
    assert!(matches!(
        extract(&fixture("encrypted.pdf"), "x.pdf", &limits),
        Err(Error::PdfEncrypted)
    ));
    assert!(matches!(
        extract(&fixture("truncated.pdf"), "x.pdf", &limits),
        Err(Error::PdfBroken(_))
    ));
    let err = extract(&fixture("image-only.pdf"), "x.pdf", &limits).unwrap_err();
    assert!(matches!(err, Error::PdfNoText));
    assert_eq!(err.to_string(), "no text layer: OCR it first (for example with ocrmypdf)");
    // A PDF saved under a text name is still read as a PDF.
    assert_eq!(
        extract(&fixture("two-page.pdf"), "notes.txt", &limits).unwrap().format,
        Format::Pdf
    );
}

#[test]
fn legacy_encodings_are_decoded() {
    let ex = extract(&fixture("windows-1252.txt"), "cafe.txt", &Limits::default()).unwrap();
    assert_eq!(ex.encoding.as_deref(), Some("windows-1252"));
    assert!(ex.text.contains("Café owners protest") && ex.text.contains("“will close half"));
    assert_eq!(ex.metadata.published, None, "a French date line is not parsed as English");

    let ex = extract(&fixture("windows-1256-arabic.txt"), "news.txt", &Limits::default()).unwrap();
    assert_eq!(ex.encoding.as_deref(), Some("windows-1256"));
    assert!(ex.text.starts_with("اعتقال صحفي في العاصمة"), "{}", ex.text);
    assert_eq!(ex.metadata.language.as_deref(), Some("ar"));
    // Single-byte code pages still map every paragraph back to its bytes.
    let seg = &ex.segments[0];
    let src = seg.source.bytes.clone().unwrap();
    let raw = fixture("windows-1256-arabic.txt");
    let (original, _) = encoding_rs::WINDOWS_1256.decode_without_bom_handling(&raw[src]);
    assert_eq!(original, &ex.text[seg.text.clone()]);
}

#[test]
fn empty_and_binary_files_are_refused() {
    let limits = Limits::default();
    assert!(matches!(extract(b"", "a.txt", &limits), Err(Error::Empty)));
    assert!(matches!(extract(b"  \n\t\n", "a.txt", &limits), Err(Error::Empty)));
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";
    let err = extract(png, "photo.txt", &limits).unwrap_err();
    assert_eq!(
        err.to_string(),
        "binary file (png image), not text, HTML or PDF: convert it to one of those first"
    );
    let noise: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8).collect();
    assert!(matches!(extract(&noise, "data.txt", &limits), Err(Error::Binary(_))));
}

#[test]
fn deeply_nested_html_is_read_without_recursion() {
    let depth = 20_000;
    let html = format!(
        "<html><head><title>Deep page</title></head><body>{}<p>The council met on Tuesday to discuss the budget of the regional water authority.</p>{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let ex = extract(html.as_bytes(), "deep.html", &Limits::default()).unwrap();
    assert!(ex.text.contains("The council met on Tuesday"), "{}", ex.text);
}

#[test]
fn html_news_page_keeps_the_article_and_drops_the_page() {
    let (bytes, ex) = example("caribe-herald-havana-visit.html");
    assert_eq!(ex.format, Format::Html);
    for gone in [
        "Business",
        "Share on Facebook",
        "Related articles",
        "Cuba and Venezuela sign",
        "Comments (3)",
        "All rights reserved",
        "dataLayer",
        "Log in to comment",
        "Home",
    ] {
        assert!(!ex.text.contains(gone), "{gone:?} is still in the text");
    }
    assert!(ex.text.starts_with("Venezuelan spy chief Vallejo makes rare visit to Havana\n\n"));
    assert!(ex.text.contains("\n\nA close partnership\n\n"), "headings are kept as paragraphs");
    assert!(ex.text.contains("Cuban state media did not report on the visit."));
    let m = &ex.metadata;
    assert_eq!(m.published, date("2018-10-22"));
    assert_eq!(m.publisher.as_deref(), Some("Caribe Herald"));
    assert_eq!(m.author.as_deref(), Some("Tomás Arriaga"));
    assert_eq!(
        m.url.as_deref(),
        Some("https://caribeherald.example/news/2018/10/22/vallejo-havana-visit")
    );
    assert_eq!(m.language.as_deref(), Some("en"));
    // Each paragraph's byte range in the original starts and ends inside that paragraph.
    let html = String::from_utf8(bytes).unwrap();
    for seg in &ex.segments {
        let src = seg.source.bytes.clone().expect("every HTML block is found again");
        let text = &ex.text[seg.text.clone()];
        let first = text.split_whitespace().next().unwrap();
        let last = text.split_whitespace().last().unwrap().trim_end_matches(['.', '”', '"']);
        let original = &html[src];
        assert!(
            original.starts_with(first) || original.starts_with(&first[..1]),
            "{original:?} for {text:?}"
        );
        assert!(original.contains(last.split('&').next().unwrap()), "{original:?} for {text:?}");
    }
}

#[test]
fn markdown_front_matter_and_blocks() {
    let (bytes, ex) = example("profile-vallejo-brito.md");
    assert_eq!(ex.format, Format::Markdown);
    assert_eq!(ex.metadata.published, date("2022-05-10"));
    assert_eq!(ex.metadata.publisher.as_deref(), Some("Accountability Profiles"));
    assert!(!ex.text.contains("---") && !ex.text.contains("# "), "markup is stripped");
    assert!(ex.text.contains(
        "\n\n2009-2014: deputy director of the Military Counter-Intelligence Directorate"
    ));
    let src = ex.segments[0].source.bytes.clone().unwrap();
    assert_eq!(&bytes[src], "# Hernán Octavio Vallejo Brito\n".as_bytes());
}

// ---- Rule families, on sentences of our own ----

#[test]
fn teasers_labels_and_share_lines_go() {
    let ex = run(
        "The harbour reopened on Friday after a week of repairs.\n\nRead: Ferry operators count their losses\n\nPosted: Updated:\n\nShare | Tweet | Email\n\nDock workers returned to work the same evening.\n",
    );
    assert_eq!(
        ex.text,
        "The harbour reopened on Friday after a week of repairs.\n\nDock workers returned to work the same evening."
    );
}

#[test]
fn a_section_marker_late_in_the_text_cuts_the_list_that_follows() {
    let body = "The mayor of the coastal town resigned on Wednesday after an audit found irregularities in the awarding of road contracts over four years, the regional prosecutor said.";
    let ex = run(&format!(
        "{body}\n\n{body}\n\nMost read\n\nStorm closes mountain pass...\nFestival draws record crowds...\n"
    ));
    assert_eq!(ex.text, format!("{body}\n\n{body}"));
    // Early in a text the same words are a heading, not a tail.
    let ex = run(&format!("Related\n\n{body}\n\n{body}"));
    assert!(ex.text.starts_with("Related"));
}

#[test]
fn text_dumps_of_printed_pages_lose_repeated_print_lines() {
    let page = |n| {
        format!(
            "Opening paragraph {n} of the report explains the method used by the monitors.\n\n01.02.21, 10:15Monitoring Report - Example Institute\n\nPage {n} of 3https://example.org/report\n\n"
        )
    };
    let ex = run(&format!("{}{}{}", page(1), page(2), page(3)));
    assert!(!ex.text.contains("Example Institute") && !ex.text.contains("Page "), "{}", ex.text);
    assert_eq!(ex.metadata.title.as_deref(), Some("Monitoring Report"));
    assert_eq!(ex.metadata.publisher.as_deref(), Some("Example Institute"));
    assert_eq!(ex.metadata.url.as_deref(), Some("https://example.org/report"));
    assert_eq!(ex.metadata.published, None, "the print date is not the publication date");
}

#[test]
fn a_quotation_repeated_in_an_article_is_kept() {
    let quote = "“We will not negotiate under threat,” the minister said.";
    let ex = run(&format!("{quote}\n\nThe talks collapsed on Sunday.\n\n{quote}\n"));
    assert_eq!(ex.text.matches("negotiate under threat").count(), 2);
}

#[test]
fn date_lines_headlines_and_bylines() {
    let ex = run(
        "Daily Ledger: news since 1990\n\nProvincial governor dismissed after corruption probe\n\nPublished: Tuesday, 7 May 2019 | 10:32 GMT\n\nBy Amara Okafor and Jens Lund\n\nThe governor was removed from office on Monday.\n",
    );
    assert_eq!(
        ex.metadata.title.as_deref(),
        Some("Provincial governor dismissed after corruption probe")
    );
    assert_eq!(ex.metadata.published, date("2019-05-07"));
    assert_eq!(ex.metadata.author.as_deref(), Some("Amara Okafor and Jens Lund"));
    assert!(!ex.text.contains("Daily Ledger"), "the masthead above the headline goes");
    // A date inside a sentence is not a publication date.
    let ex = run(
        "Election observers report delays\n\nThe vote, first planned for March 3, 2019, was postponed twice.\n",
    );
    assert_eq!(ex.metadata.published, None);
}

#[test]
fn leading_dates_in_the_forms_news_prints() {
    for (s, want) in [
        ("2024/04/23", "2024-04-23"),
        ("2018-12-24T13:11:00Z", "2018-12-24"),
        ("December 24, 2018 at 1:11 pm", "2018-12-24"),
        ("March 05, 2018", "2018-03-05"),
        ("Sept. 9, 2017", "2017-09-09"),
        ("24th December 2018", "2018-12-24"),
        ("5 Dec 2018", "2018-12-05"),
        ("05.03.2018", "2018-03-05"),
        ("November 2018", "2018-11"),
    ] {
        assert_eq!(meta::leading_date(s).map(|(d, _)| d.to_string()).as_deref(), Some(want), "{s}");
    }
    for s in ["2018-02-30", "13/13/2018", "Monday", "May be later"] {
        assert_eq!(meta::leading_date(s), None, "{s}");
    }
    assert!(meta::date_line("• 2024/04/23").is_some());
    assert!(meta::date_line("March 05, 2018 عربي Comments (1)").is_some());
    assert!(
        meta::date_line("March 5, 2018 was the day the court finally ruled on the appeal.")
            .is_none()
    );
}

#[test]
fn a_wire_dateline_dates_a_story_without_a_date_line() {
    for (s, want) in [
        ("KYIV, March 3, 2024 - Prosecutors have charged a former official.", "2024-03-03"),
        ("LORNBY, Varsk, 3 March 2024 (Agency) — The court ruled.", "2024-03-03"),
        ("NEW LORNBY, Dec. 9, 2019 – The ministry said.", "2019-12-09"),
    ] {
        assert_eq!(meta::dateline(s).map(|d| d.to_string()).as_deref(), Some(want), "{s}");
    }
    for s in [
        "In March 3, 2024 - nothing",
        "Kyiv, March 3, 2024 - a place not in capitals",
        "KYIV, March 3, 2024 the court ruled",
        "On March 3, 2024, the court ruled.",
    ] {
        assert_eq!(meta::dateline(s), None, "{s}");
    }
    let ex = run(
        "Former official charged\n\nKYIV, March 3, 2024 - Prosecutors have charged a former official on Monday.\n",
    );
    assert_eq!(ex.metadata.published, date("2024-03-03"));
}

// ---- Properties ----

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn extraction_never_panics_and_segments_stay_in_bounds(text in "[a-zA-Z0-9 .,:|/\\n<>&;\"'-]{0,400}", html in any::<bool>()) {
        let name = if html { "x.html" } else { "x.txt" };
        if let Ok(ex) = extract(text.as_bytes(), name, &Limits::default()) {
            assert!(ex.segments_are_sound(), "{:?}", ex.segments);
            for seg in &ex.segments {
                if let Some(src) = &seg.source.bytes {
                    prop_assert!(src.start <= src.end && src.end <= text.len());
                }
            }
        }
    }

    #[test]
    fn arbitrary_bytes_are_an_error_or_a_sound_extraction(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        if let Ok(ex) = extract(&bytes, "x.bin", &Limits::default()) {
            assert!(ex.segments_are_sound(), "{:?}", ex.segments);
        }
    }

    #[test]
    fn plain_text_segments_round_trip_to_the_original(paras in proptest::collection::vec("[A-Za-z][a-z ,]{10,60}[.]", 1..8)) {
        let text = paras.join("\n\n");
        let ex = run(&text);
        for seg in &ex.segments {
            let src = seg.source.bytes.clone().unwrap();
            prop_assert_eq!(&text[src], &ex.text[seg.text.clone()]);
        }
    }
}

#[test]
fn extraction_past_the_time_limit_is_an_error_not_a_hang() {
    let html = format!(
        "<html><body>{}</body></html>",
        "<p>A long page of minutes from the council meeting.</p>".repeat(40_000)
    );
    let limits = Limits { timeout: std::time::Duration::from_millis(1), ..Limits::default() };
    let err = crate::extract_guarded(std::sync::Arc::new(html.into_bytes()), "long.html", &limits)
        .unwrap_err();
    assert!(matches!(err, Error::Timeout(_)), "{err}");
    assert!(err.to_string().contains("raise --timeout"));
}

#[test]
fn the_guard_passes_ordinary_errors_through() {
    let limits = Limits { max_text_chars: 10, ..Limits::default() };
    let err = crate::extract_guarded(
        std::sync::Arc::new(b"A sentence that is longer than ten characters.".to_vec()),
        "a.txt",
        &limits,
    )
    .unwrap_err();
    assert!(matches!(err, Error::TextTooLarge { limit: 10, .. }), "{err}");
}
