//! Workbench tests on a store built by hand: one document, claims written as the claims
//! stage would, then review actions and what the case makes of them.

use std::collections::BTreeMap;

use model::{Extraction, Format, Metadata, Segment, Sha256, SourceLoc};
use store::{NewVersion, Overrides, Store, StoredClaim};

use super::{NewClaim, Workbench};
use crate::review;

const TEXT: &str = "Halvard Quist met Odile Varga in Tallinn on 3 May 2021.\n\n\
Odile Varga is the director of the Northern Survey Bureau.";

fn claim(id: &str, kind: &str, fields: serde_json::Value, span: std::ops::Range<usize>) -> String {
    let mut json = serde_json::json!({
        "id": id,
        "doc": "memo.txt",
        "doc_sha256": Sha256::digest(TEXT.as_bytes()).to_hex(),
        "type": kind,
        "modality": "asserted",
        "attributed_to": null,
        "evidence": {"text": &TEXT[span.clone()], "start": span.start, "end": span.end},
        "confidence": 0.9,
        "entity_ids": {},
        "rule": "test",
    });
    for (k, v) in fields.as_object().unwrap() {
        json[k] = v.clone();
    }
    json.to_string()
}

fn machine_claims() -> Vec<StoredClaim> {
    let meeting = 0..55;
    let position = 57..TEXT.len();
    vec![
        StoredClaim {
            id: "c-meet".into(),
            kind: "meeting".into(),
            span: meeting.clone(),
            json: claim(
                "c-meet",
                "meeting",
                serde_json::json!({"participants": ["Halvard Quist", "Odile Varga"],
                    "place": "Tallinn", "date": "2021-05-03"}),
                meeting,
            ),
        },
        StoredClaim {
            id: "c-post".into(),
            kind: "position".into(),
            span: position.clone(),
            json: claim(
                "c-post",
                "position",
                serde_json::json!({"holder": "Odile Varga", "role": "director",
                    "organization": "Northern Survey Bureau", "start": null, "end": null,
                    "as_of": null}),
                position,
            ),
        },
    ]
}

fn workbench() -> Workbench {
    workbench_with(&machine_claims())
}

fn workbench_with(claims: &[StoredClaim]) -> Workbench {
    workbench_in(Store::open_in_memory().unwrap(), claims)
}

fn workbench_in(mut store: Store, claims: &[StoredClaim]) -> Workbench {
    let run = store.begin_run("test").unwrap();
    let extraction = Extraction {
        format: Format::Text,
        encoding: Some("UTF-8".into()),
        text: TEXT.into(),
        segments: vec![
            Segment { text: 0..55, source: SourceLoc { bytes: Some(0..55), page: None } },
            Segment {
                text: 57..TEXT.len(),
                source: SourceLoc { bytes: Some(57..TEXT.len()), page: None },
            },
        ],
        metadata: Metadata::default(),
        diagnostics: vec![],
    };
    store
        .record(&NewVersion {
            path: "/case/memo.txt",
            name: "memo.txt",
            bytes: TEXT.as_bytes(),
            sha256: Sha256::digest(TEXT.as_bytes()),
            extraction: &extraction,
            metadata: &Metadata::default(),
            overrides: &Overrides::new(),
            extractor: "test",
            run,
        })
        .unwrap();
    store.record_claims(1, "x/1", claims).unwrap();
    Workbench::new(store, vec![])
}

fn case_claims(wb: &mut Workbench) -> Vec<String> {
    wb.case().unwrap().claims.iter().map(|c| c.id.clone()).collect()
}

#[test]
fn a_document_is_cut_at_its_claims_evidence_and_a_claim_shows_its_paragraph() {
    let mut wb = workbench();
    let view = wb.document(1).unwrap().unwrap();
    let joined: String = view.pieces.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(joined, TEXT);
    let marked: Vec<_> = view.pieces.iter().filter(|p| !p.claims.is_empty()).collect();
    assert_eq!(marked.len(), 2);
    assert_eq!(marked[0].claims[0].0, "c-meet");
    assert!(wb.document(2).unwrap().is_none());

    let claim = wb.claim("c-post").unwrap().unwrap();
    assert_eq!(claim.paragraph.0, "");
    assert!(claim.paragraph.1.starts_with("Odile Varga is the director"));
    assert_eq!(claim.decision, None);
    assert!(claim.assertion.is_some(), "an unreviewed claim supports an assertion");
    assert_eq!(wb.original(1).unwrap().unwrap().1, TEXT.as_bytes());
}

#[test]
fn a_rejected_claim_leaves_the_case_and_an_edited_one_replaces_the_machines() {
    let mut wb = workbench();
    assert_eq!(case_claims(&mut wb), ["c-meet", "c-post"]);
    wb.reject("c-meet", "ana", "the meeting was in 2020").unwrap();
    assert_eq!(case_claims(&mut wb), ["c-post"]);
    let view = wb.claim("c-meet").unwrap().unwrap();
    assert_eq!(view.decision.as_deref(), Some("rejected"));
    assert!(view.assertion.is_none(), "a rejected claim supports nothing");

    let changes = BTreeMap::from([("role".to_string(), "deputy director".to_string())]);
    wb.edit("c-post", &changes, "ana", "the source says deputy").unwrap();
    let case = wb.case().unwrap();
    assert_eq!(case.claims[0].field("role"), Some("deputy director"));
    let assertion = case.assertions.iter().find(|a| a.claims.contains(&"c-post".into())).unwrap();
    assert_eq!(assertion.text("role"), Some("deputy director"));

    // Accepting an edited claim keeps the edit.
    wb.accept("c-post", "ben", "").unwrap();
    assert_eq!(wb.case().unwrap().claims[0].field("role"), Some("deputy director"));

    let bad = BTreeMap::from([("colour".to_string(), "red".to_string())]);
    let err = wb.edit("c-post", &bad, "ana", "").unwrap_err().to_string();
    assert!(err.contains("no field \"colour\""), "{err}");
    let err = wb.reject("c-none", "ana", "").unwrap_err().to_string();
    assert!(err.contains("no claim c-none"), "{err}");
    let err = wb.note("claim", "c-post", "ana", "  ").unwrap_err().to_string();
    assert!(err.contains("empty"), "{err}");
}

#[test]
fn a_reader_shares_the_built_case_and_sees_each_change_made_through_the_writer() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.db");
    let mut wb = workbench_in(Store::open(&db).unwrap(), &machine_claims()).with_path(&db);
    let mut reader = wb.reader().unwrap();
    assert_eq!(case_claims(&mut reader), ["c-meet", "c-post"]);
    let built = wb.case().unwrap();
    assert!(std::sync::Arc::ptr_eq(&built, &reader.case().unwrap()), "built once, shared");
    let before = reader.generation();
    wb.reject("c-meet", "ana", "").unwrap();
    assert!(reader.generation() > before, "the writer's change reaches the reader");
    assert_eq!(case_claims(&mut reader), ["c-post"]);
    assert_eq!(reader.claim("c-meet").unwrap().unwrap().decision.as_deref(), Some("rejected"));
    // A change made by another connection is told with refresh.
    wb.refresh();
    assert!(!std::sync::Arc::ptr_eq(&built, &reader.case().unwrap()));
    // A workbench over a store without a file has no readers.
    let err = workbench().reader().err().unwrap().to_string();
    assert!(err.contains("without its store's file"), "{err}");
}

#[test]
fn replaying_the_audit_log_over_the_machine_output_gives_the_reviewed_state() {
    let mut wb = workbench();
    let edit = BTreeMap::from([
        ("modality".to_string(), "reported".to_string()),
        ("participants".to_string(), "Halvard Quist; Odile Varga; Ivo Rask".to_string()),
    ]);
    wb.edit("c-meet", &edit, "ana", "a third man was there").unwrap();
    wb.accept("c-post", "ana", "").unwrap();
    wb.note("claim", "c-post", "ben", "check the bureau's own site").unwrap();
    wb.reject("c-post", "ben", "the post is her predecessor's").unwrap();
    wb.judge("Halvard Quist", "H. Quist", "same", "ana", "one man").unwrap();
    wb.judge("Odile Varga", "Ivo Rask", "different", "ana", "").unwrap();
    // A second judgement on the same two names replaces the first.
    wb.judge("H. Quist", "Halvard Quist", "different", "ben", "two men").unwrap();
    // A judgement taken back, and a claim added by hand.
    let ids: Vec<i64> = wb.store().judgements().unwrap().iter().map(|j| j.id).collect();
    wb.unjudge(ids[0], "ana", "not sure after all").unwrap();
    let new = NewClaim {
        document: 1,
        span: None,
        quote: "Odile Varga".into(),
        kind: "visit".into(),
        fields: BTreeMap::from([("person".to_string(), "Odile Varga".to_string())]),
        ..NewClaim::default()
    };
    let added = wb.add_claim(&new, "ana", "missed").unwrap();
    // An alias marked on an entity's page, and a decision on the claim added by hand.
    let varga = wb.entity_named("Odile Varga").unwrap().unwrap();
    wb.alias(&varga.id, "O. Varga", "ben", "her byline").unwrap();
    let err = wb.alias(&varga.id, "odile varga", "ben", "").unwrap_err().to_string();
    assert!(err.contains("already"), "{err}");
    wb.accept(&added, "ben", "checked").unwrap();

    let log = wb.audit().unwrap();
    let kinds: std::collections::BTreeSet<&str> = log.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(
        kinds.into_iter().collect::<Vec<_>>(),
        ["accept", "add", "alias", "edit", "merge", "note", "reject", "split", "unjudge"],
        "every kind of action"
    );
    assert_eq!(log.len(), 11);
    assert!(log.windows(2).all(|w| w[0].seq < w[1].seq));
    let replayed = review::replay(&log).unwrap();
    let stored = review::decisions(&wb.store().reviews().unwrap()).unwrap();
    assert_eq!(replayed.decisions, stored);
    let judged: Vec<(String, String, String)> =
        replayed.judgements.into_iter().map(|j| (j.left, j.right, j.verdict)).collect();
    let store_judged: Vec<(String, String, String)> = wb
        .store()
        .judgements()
        .unwrap()
        .into_iter()
        .map(|j| (j.left, j.right, j.verdict))
        .collect();
    assert_eq!(judged, store_judged);
    assert_eq!(judged.len(), 2, "{judged:?}");
    assert_eq!(judged[1], ("Odile Varga".into(), "O. Varga".into(), "same".into()));
    assert_eq!(replayed.added.keys().collect::<Vec<_>>(), [&added]);

    // Over the machine's output and the added claims, the replayed decisions give the
    // case's claims.
    let mut machine: Vec<claims::Claim> =
        machine_claims().iter().map(|c| serde_json::from_str(&c.json).unwrap()).collect();
    machine.extend(replayed.added.values().cloned());
    let from_log = review::apply(machine, &replayed.decisions);
    assert_eq!(from_log, wb.case().unwrap().claims);
    assert_eq!(from_log.len(), 2);
    assert_eq!(from_log[0].list("participants").len(), 3);
}

#[test]
fn decisions_survive_re_extraction_and_a_vanished_claim_is_orphaned() {
    let mut wb = workbench();
    wb.reject("c-meet", "ana", "").unwrap();
    wb.store().record_claims(1, "x/2", &machine_claims()).unwrap();
    assert_eq!(case_claims(&mut wb), ["c-post"], "the decision holds after re-extraction");
    assert!(wb.orphans().unwrap().is_empty());
    wb.store().record_claims(1, "x/3", &machine_claims()[1..]).unwrap();
    let orphans = wb.orphans().unwrap();
    assert_eq!(orphans.len(), 1);
    assert_eq!(orphans[0].0, "c-meet");
    assert_eq!(wb.audit().unwrap().len(), 1, "the log keeps it");
}

#[test]
fn search_finds_entities_claims_and_documents_by_word_prefixes() {
    let mut wb = workbench();
    let found = wb.search("varg").unwrap();
    assert!(found.entities.iter().any(|h| h.snippet.contains("Varga")), "{found:?}");
    assert!(!found.claims.is_empty());
    assert_eq!(found.documents[0].label, "memo.txt");
    // FTS5 syntax in the query is taken as words, never as operators.
    assert!(wb.search("\"Varga\" OR NEAR(").is_ok());
    assert!(wb.search(" ( ").unwrap().documents.is_empty());

    let entity = wb.entity_named("Odile Varga").unwrap().unwrap();
    let view = wb.entity(&entity.id).unwrap().unwrap();
    assert!(!view.assertions.is_empty());
    // In date order, a post by its start.
    let start = BTreeMap::from([("start".to_string(), "2022".to_string())]);
    wb.edit("c-post", &start, "ana", "").unwrap();
    let kinds: Vec<&str> = wb
        .entity(&entity.id)
        .unwrap()
        .unwrap()
        .assertions
        .iter()
        .map(|a| a.kind.as_str())
        .collect();
    assert_eq!(kinds, ["meeting", "position"]);
    wb.note("entity", &entity.id, "ana", "ask the registry").unwrap();
    assert_eq!(wb.entity(&entity.id).unwrap().unwrap().audit.len(), 1);
}

#[test]
fn a_claim_added_by_hand_is_found_at_once_and_search_finds_claims_as_edited() {
    let mut wb = workbench();
    let new = NewClaim {
        document: 1,
        span: None,
        quote: "in Tallinn on 3 May 2021".into(),
        kind: "visit".into(),
        fields: BTreeMap::from([
            ("person".to_string(), "Halvard Quist".to_string()),
            ("place".to_string(), "Tallinn".to_string()),
            ("purpose".to_string(), "grain talks".to_string()),
        ]),
        ..NewClaim::default()
    };
    let added = wb.add_claim(&new, "ana", "").unwrap();
    let ids = |found: super::SearchResults| -> Vec<String> {
        found.claims.into_iter().map(|h| h.id).collect()
    };
    assert_eq!(ids(wb.search("grain").unwrap()), [added.as_str()], "by a field's words");
    assert!(ids(wb.search("tallinn").unwrap()).contains(&added), "by its evidence");
    // The filters apply to it as to the machine's claims, and a filter alone lists it in
    // its place in the document.
    let visits =
        super::SearchFilters { q: "tallinn".into(), kind: "visit".into(), ..Default::default() };
    assert_eq!(ids(wb.search_filtered(&visits).unwrap()), [added.as_str()]);
    let unreviewed = super::SearchFilters { status: "unreviewed".into(), ..Default::default() };
    let listed = wb.search_filtered(&unreviewed).unwrap();
    assert_eq!(listed.totals.claims, 3);
    assert_eq!(ids(listed), ["c-meet", added.as_str(), "c-post"]);

    // An edit is what search finds: the new words at once, the old no longer.
    let changes = BTreeMap::from([("organization".to_string(), "Eastern Archive".to_string())]);
    wb.edit("c-post", &changes, "ana", "").unwrap();
    assert_eq!(ids(wb.search("eastern").unwrap()), ["c-post"]);
    assert!(ids(wb.search("northern").unwrap()).contains(&"c-post".to_string()), "evidence stays");
    let changes = BTreeMap::from([("purpose".to_string(), "timber talks".to_string())]);
    wb.edit(&added, &changes, "ana", "").unwrap();
    assert_eq!(ids(wb.search("timber").unwrap()), [added.as_str()]);
    assert!(ids(wb.search("grain").unwrap()).is_empty());
    // Re-extraction indexes a claim as the reviewer left it.
    wb.store().record_claims(1, "x/2", &machine_claims()).unwrap();
    assert_eq!(ids(wb.search("eastern").unwrap()), ["c-post"]);
}

#[test]
fn a_search_counts_up_to_the_cap_and_still_pages_past_it() {
    let many = store::COUNT_CAP + 60;
    let meeting = &machine_claims()[0];
    let claims: Vec<StoredClaim> = (0..many)
        .map(|i| {
            let id = format!("c-{i:05}");
            let mut json: serde_json::Value = serde_json::from_str(&meeting.json).unwrap();
            json["id"] = id.clone().into();
            StoredClaim { id, json: json.to_string(), ..meeting.clone() }
        })
        .collect();
    let mut wb = workbench_with(&claims);
    let filters = |page: usize| super::SearchFilters {
        kind: "meeting".into(),
        page: page.to_string(),
        ..Default::default()
    };
    let first = wb.search_filtered(&filters(1)).unwrap();
    assert_eq!(first.totals.claims, store::COUNT_CAP);
    assert_eq!(first.totals.more, vec!["claims"]);
    assert!(first.next);
    // The count stops at the cap; the pages past it are still there, and the last says so.
    let past = store::COUNT_CAP / super::PER_PAGE + 1;
    let page = wb.search_filtered(&filters(past)).unwrap();
    assert_eq!(page.claims.len(), super::PER_PAGE);
    assert!(page.next);
    assert_eq!(page.pages, past + 1);
    let last = wb.search_filtered(&filters(past + 1)).unwrap();
    assert_eq!(last.claims.len(), many - store::COUNT_CAP - super::PER_PAGE);
    assert!(!last.next);
    assert_eq!(last.pages, past + 1, "the last page is the last, whatever the capped count");

    // Words that match past the cap list in the index's order (ranking every match would
    // cost what reading them all does), page after page without a gap.
    let words = |page: usize| super::SearchFilters {
        q: "tallinn".into(),
        page: page.to_string(),
        ..Default::default()
    };
    let ids = |page: usize, wb: &mut Workbench| -> Vec<String> {
        wb.search_filtered(&words(page)).unwrap().claims.into_iter().map(|h| h.id).collect()
    };
    let expected = |from: usize| (from..from + super::PER_PAGE).map(|i| format!("c-{i:05}"));
    assert!(ids(1, &mut wb).into_iter().eq(expected(0)));
    assert!(ids(2, &mut wb).into_iter().eq(expected(super::PER_PAGE)));
}

/// Everything a case holds, as text (the resolution's per-claim lookup, a hash map, is
/// left out: the assertions show which entity each argument named).
fn canonical(case: &fuse::Case) -> String {
    let r = &case.resolution;
    format!(
        "{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}",
        case.sources,
        case.claims,
        r.entities,
        r.judgements,
        case.assertions,
        case.careers,
        case.official,
        case.official_review
    )
}

/// The case the workbench keeps, next to the case built again from the store alone: the
/// kept one must be the same after every kind of action.
fn same_as_a_full_build(wb: &mut Workbench, after: &str) {
    // The action kept the inputs current: the next build starts from them, not the store.
    let kept = wb.shared.inputs.lock().unwrap().as_ref().map(|k| k.at);
    assert_eq!(kept, Some(wb.generation()), "{after}: the kept inputs went stale");
    let incremental = canonical(&wb.case().unwrap());
    let full = canonical(&crate::case(&wb.store, &[]).unwrap());
    assert_eq!(incremental, full, "{after}: the kept case is not a full build's");
}

/// How far the changes since the last build reach, as the kept inputs say.
fn reach(wb: &Workbench) -> crate::case::Reach {
    wb.shared.inputs.lock().unwrap().as_ref().map(|k| k.reach).unwrap()
}

#[test]
fn after_each_review_action_the_kept_case_equals_a_full_build() {
    use crate::case::Reach;
    let mut wb = workbench();
    let first = wb.case().unwrap();
    // Accepting the machine's claim changes no claim: the case is kept as it was.
    wb.accept("c-meet", "ana", "as read").unwrap();
    assert_eq!(reach(&wb), Reach::Nothing);
    same_as_a_full_build(&mut wb, "accept of an unreviewed claim");
    assert!(std::sync::Arc::ptr_eq(&first, &wb.case().unwrap()), "the case was built again");
    wb.reject("c-post", "ana", "her predecessor's").unwrap();
    assert_eq!(reach(&wb), Reach::Everything);
    same_as_a_full_build(&mut wb, "reject");
    assert!(!case_claims(&mut wb).contains(&"c-post".to_string()));
    wb.accept("c-post", "ana", "it is hers after all").unwrap();
    same_as_a_full_build(&mut wb, "accept");
    assert!(case_claims(&mut wb).contains(&"c-post".to_string()));
    // An edit that names a body by an acronym: looked up in the documents then.
    let edit = BTreeMap::from([
        ("organization".to_string(), "NSB".to_string()),
        ("start".to_string(), "2019".to_string()),
    ]);
    wb.edit("c-post", &edit, "ana", "the bureau's short name").unwrap();
    same_as_a_full_build(&mut wb, "edit");
    // Edits that resolution does not read (a meeting's modality, its date) fuse again over
    // the resolution kept; a post's date is read (bodies join by overlapping posts).
    let meeting = BTreeMap::from([("modality".to_string(), "reported".to_string())]);
    wb.edit("c-meet", &meeting, "ben", "one source").unwrap();
    assert_eq!(reach(&wb), Reach::Fusion);
    same_as_a_full_build(&mut wb, "edit of a second claim");
    let date = BTreeMap::from([("date".to_string(), "2021-06".to_string())]);
    wb.edit("c-meet", &date, "ben", "the month the minutes give").unwrap();
    assert_eq!(reach(&wb), Reach::Fusion);
    same_as_a_full_build(&mut wb, "edit of a meeting's date");
    assert_eq!(wb.claim("c-meet").unwrap().unwrap().assertion.unwrap().date.unwrap(), "2021-06");
    let start = BTreeMap::from([("start".to_string(), "2018".to_string())]);
    wb.edit("c-post", &start, "ana", "an earlier start").unwrap();
    assert_eq!(reach(&wb), Reach::Everything);
    same_as_a_full_build(&mut wb, "edit of a post's start");
    wb.judge("Halvard Quist", "Odile Varga", "same", "ana", "one person").unwrap();
    same_as_a_full_build(&mut wb, "merge");
    let merged = wb.entity_named("Halvard Quist").unwrap().unwrap();
    assert!(merged.names.contains(&"Odile Varga".to_string()), "{merged:?}");
    wb.judge("Halvard Quist", "Odile Varga", "different", "ben", "two people").unwrap();
    same_as_a_full_build(&mut wb, "split");
    let varga = wb.entity_named("Odile Varga").unwrap().unwrap();
    wb.alias(&varga.id, "O. Varga", "ben", "her byline").unwrap();
    same_as_a_full_build(&mut wb, "alias");
    let ids: Vec<i64> = wb.store.judgements().unwrap().iter().map(|j| j.id).collect();
    wb.unjudge(ids[0], "ana", "not sure").unwrap();
    same_as_a_full_build(&mut wb, "unjudge");
}

#[test]
fn a_change_made_outside_the_review_actions_loads_the_inputs_again() {
    let mut wb = workbench();
    assert_eq!(case_claims(&mut wb).len(), 2);
    // A re-extraction that drops a claim, made through the store.
    wb.store().record_claims(1, "x/2", &machine_claims()[..1]).unwrap();
    assert_eq!(case_claims(&mut wb), ["c-meet"]);
    wb.reject("c-meet", "ana", "").unwrap();
    same_as_a_full_build(&mut wb, "reject after a re-extraction");
    assert!(case_claims(&mut wb).is_empty());
}
