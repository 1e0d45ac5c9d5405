//! `dossier eval attribution`: gold claims whose sentence names their person only by a
//! pronoun, against the claims of a folder of invented documents.

mod util;

use util::Dir;

#[test]
fn a_pronoun_after_a_surname_the_tagger_misread_goes_to_that_person() {
    let dir = Dir::new();
    // "Wielgosz" alone reads as a place to the tagger; the document names the person in full.
    dir.write(
        "docs/a.txt",
        "Tomasz Wielgosz met Piet Oranje in Oslo in May. Human rights groups accuse the agency \
         Wielgosz leads of torture. The United States imposed sanctions on him last year.\n"
            .as_bytes(),
    );
    let gold = serde_json::json!({
        "doc": "a.txt", "type": "sanction", "target": "Tomasz Wielgosz",
        "authority": "United States", "modality": "asserted",
        "evidence": "The United States imposed sanctions on him last year."
    });
    let g = dir.write("gold.jsonl", gold.to_string().as_bytes());
    let out = dir.run(&[
        "eval",
        "attribution",
        "--gold",
        g.to_str().unwrap(),
        "--corpus",
        dir.path("docs").to_str().unwrap(),
        "--verbose",
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(text.contains("right person                              1"), "{text}");
    assert!(text.contains("wrong person                              0"), "{text}");
}

/// The demo corpus's checklist (`examples/attribution-checklist.jsonl`): every fact of the
/// fourteen types whose sentence names its person only by a pronoun, written from reading
/// the documents, with each document's fullest name. No claim may give one to anyone else.
#[test]
fn the_demo_corpus_puts_no_fact_on_the_wrong_person() {
    let dir = Dir::new();
    let examples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let out = dir.run(&[
        "eval",
        "attribution",
        "--gold",
        examples.join("attribution-checklist.jsonl").to_str().unwrap(),
        "--corpus",
        examples.join("corpus").to_str().unwrap(),
        "--verbose",
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(text.contains("items (person not named in the sentence)  16"), "{text}");
    assert!(text.contains("wrong person                              0"), "{text}");
    let right: usize = text
        .lines()
        .find_map(|l| l.strip_prefix("right person"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(0);
    assert!(right >= 11, "{text}");
}
