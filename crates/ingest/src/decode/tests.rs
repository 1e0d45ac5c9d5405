//! UTF-8 with a few bad bytes is repaired, not read as a code page; UTF-16 without a byte
//! order mark is read; offsets map back to the original in every case.

use crate::{Limits, extract};

const TEXT: &str = "The minister’s office said on Tuesday that the “review” of the contracts would end in March. Über 30 Beamte wurden befragt.";

/// Every segment's source range holds, once decoded alone, the segment's text.
fn assert_maps_back(
    bytes: &[u8],
    decode: impl Fn(&[u8]) -> String,
    name: &str,
) -> model::Extraction {
    let ex = extract(bytes, name, &Limits::default()).unwrap();
    assert!(!ex.segments.is_empty());
    for seg in &ex.segments {
        let src = seg.source.bytes.clone().expect("a source range");
        assert_eq!(decode(&bytes[src]), ex.text[seg.text.clone()], "{seg:?}");
    }
    ex
}

#[test]
fn utf8_with_a_few_bad_bytes_is_repaired_not_mojibake() {
    let mut bytes = Vec::new();
    for i in 0..40 {
        bytes.extend_from_slice(TEXT.as_bytes());
        // A stray Latin-1 byte and a truncated sequence here and there.
        if i % 10 == 3 {
            bytes.extend_from_slice(b" caf\xe9 \xe2\x80");
        }
        bytes.extend_from_slice(if i % 5 == 4 { b"\n\n" } else { b"\n" });
    }
    let ex = assert_maps_back(&bytes, |b| String::from_utf8_lossy(b).into_owned(), "a.txt");
    assert_eq!(ex.encoding.as_deref(), Some("UTF-8"));
    assert!(ex.text.contains("minister’s office") && !ex.text.contains("â€"), "{}", ex.text);
    assert!(ex.text.contains("caf\u{FFFD} \u{FFFD}"), "{}", ex.text);
    let diag = ex.diagnostics.iter().find(|d| d.kind == "utf8-repaired").expect("a diagnostic");
    assert_eq!(diag.message, "UTF-8 with 8 invalid byte sequence(s), each replaced by U+FFFD");
}

#[test]
fn a_code_page_file_is_still_a_code_page() {
    let text = TEXT.replace("Über", "Uber").repeat(3);
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
    let ex = extract(&bytes, "a.txt", &Limits::default()).unwrap();
    assert_eq!(ex.encoding.as_deref(), Some("windows-1252"));
    assert!(ex.text.contains("minister’s office"), "{}", ex.text);
}

#[test]
fn utf16_without_a_byte_order_mark_is_read() {
    let text = format!("{TEXT}\n\nA second paragraph, with a date: 4 March 2019.\n");
    for (enc, le) in [(encoding_rs::UTF_16LE, true), (encoding_rs::UTF_16BE, false)] {
        let bytes: Vec<u8> = text
            .encode_utf16()
            .flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() })
            .collect();
        let ex = assert_maps_back(
            &bytes,
            |b| enc.decode_without_bom_handling(b).0.into_owned(),
            "a.txt",
        );
        assert_eq!(ex.encoding.as_deref(), Some(enc.name()));
        assert!(ex.text.starts_with("The minister’s office"), "{}", ex.text);
        assert_eq!(ex.segments.len(), 2);
    }
    // UTF-16 markup is HTML.
    let html = "<html><body><p>The minister’s office said on Tuesday that the review would end.</p></body></html>";
    let bytes: Vec<u8> = html.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let ex = extract(&bytes, "page.html", &Limits::default()).unwrap();
    assert_eq!(ex.format, model::Format::Html);
    assert_eq!(ex.text, "The minister’s office said on Tuesday that the review would end.");
}

#[test]
fn offsets_map_back_past_many_checkpoints() {
    // Far more than one checkpoint's worth of text, in a single-byte code page.
    let para = "Le café de la gare a fermé ses portes après trente ans.\n\n";
    let text = para.repeat(400);
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
    let ex = assert_maps_back(
        &bytes,
        |b| encoding_rs::WINDOWS_1252.decode_without_bom_handling(b).0.into_owned(),
        "a.txt",
    );
    assert!(ex.segments.len() >= 300);
}
