//! Store tests against real SQLite, in memory and on disk.

use model::{Extraction, Field, Format, Metadata, Provenance, Segment, Sha256, SourceLoc};

use crate::{NewListEntry, NewListFile, NewVersion, Outcome, Overrides, Store};

fn extraction(text: &str) -> Extraction {
    let mut metadata = Metadata::default();
    metadata.set(Field::Title, "A title", Provenance::Text).unwrap();
    Extraction {
        format: Format::Text,
        encoding: Some("UTF-8".into()),
        text: text.to_string(),
        segments: vec![Segment {
            text: 0..text.len(),
            source: SourceLoc { bytes: Some(0..text.len()), page: None },
        }],
        metadata,
        diagnostics: vec![],
    }
}

fn record(store: &mut Store, path: &str, bytes: &[u8], overrides: &Overrides) -> Outcome {
    let run = store.begin_run("test").unwrap();
    let ex = extraction(std::str::from_utf8(bytes).unwrap());
    let mut metadata = ex.metadata.clone();
    for (field, value) in overrides {
        metadata.set(*field, value, Provenance::Flag).unwrap();
    }
    store
        .record(&NewVersion {
            path,
            name: path.rsplit('/').next().unwrap(),
            bytes,
            sha256: Sha256::digest(bytes),
            extraction: &ex,
            metadata: &metadata,
            overrides,
            extractor: "test",
            run,
        })
        .unwrap()
}

#[test]
fn same_bytes_are_a_no_op_and_other_bytes_a_new_version() {
    let mut store = Store::open_in_memory().unwrap();
    let none = Overrides::new();
    assert_eq!(record(&mut store, "/a/one.txt", b"first", &none), Outcome::Ingested { doc: 1 });
    let before = store.counts().unwrap();
    assert_eq!(
        record(&mut store, "/a/one.txt", b"first", &none),
        Outcome::Unchanged { doc: 1, duplicate_of: None }
    );
    assert_eq!(store.counts().unwrap()["versions"], before["versions"]);
    assert_eq!(
        record(&mut store, "/a/one.txt", b"second", &none),
        Outcome::NewVersion { doc: 1, seq: 2 }
    );
    let docs = store.documents().unwrap();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].sha256, Sha256::digest(b"second"));
    // The old version and its bytes are kept.
    assert!(store.blob(&Sha256::digest(b"first")).unwrap().is_some());
    let detail = store.detail(&docs[0]).unwrap();
    assert_eq!(detail.history.len(), 2);
    assert!(store.check().unwrap().problems.is_empty());
}

#[test]
fn a_copy_under_another_path_is_unchanged() {
    let mut store = Store::open_in_memory().unwrap();
    let none = Overrides::new();
    record(&mut store, "/a/one.txt", b"same", &none);
    assert_eq!(
        record(&mut store, "/b/copy.txt", b"same", &none),
        Outcome::Unchanged { doc: 1, duplicate_of: Some("/a/one.txt".into()) }
    );
    assert_eq!(store.documents().unwrap().len(), 1);
}

#[test]
fn changed_overrides_update_metadata_in_place() {
    let mut store = Store::open_in_memory().unwrap();
    record(&mut store, "/a/one.txt", b"text", &Overrides::new());
    let overrides = Overrides::from([(Field::Publisher, "Wire".to_string())]);
    assert_eq!(record(&mut store, "/a/one.txt", b"text", &overrides), Outcome::Updated { doc: 1 });
    let doc = &store.documents().unwrap()[0];
    assert_eq!(doc.metadata.publisher.as_deref(), Some("Wire"));
    assert_eq!(doc.metadata.title.as_deref(), Some("A title"));
    let known = store.known().unwrap();
    assert!(known.unchanged("/a/one.txt", &Sha256::digest(b"text"), &overrides).is_some());
    assert!(known.unchanged("/a/one.txt", &Sha256::digest(b"text"), &Overrides::new()).is_none());
    assert!(known.unchanged("/b/copy.txt", &Sha256::digest(b"text"), &Overrides::new()).is_some());
}

#[test]
fn find_by_id_hash_prefix_name_and_path_suffix() {
    let mut store = Store::open_in_memory().unwrap();
    record(&mut store, "/corpus/x/report.txt", b"abc", &Overrides::new());
    let sha = Sha256::digest(b"abc").to_hex();
    for q in ["1", &sha[..8], "report.txt", "rep", "x/report.txt"] {
        assert_eq!(store.find(q).unwrap().len(), 1, "query {q}");
    }
    assert!(store.find("nothing").unwrap().is_empty());
}

#[test]
fn check_finds_a_tampered_blob() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let mut store = Store::open(&path).unwrap();
    record(&mut store, "/a.txt", b"original", &Overrides::new());
    drop(store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute("UPDATE blobs SET bytes = X'00'", []).unwrap();
    drop(conn);
    let store = Store::open(&path).unwrap();
    let report = store.check().unwrap();
    assert_eq!(report.blobs_checked, 1);
    assert_eq!(report.problems.len(), 2, "{:?}", report.problems);
}

#[test]
fn reopening_does_not_migrate_twice() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    drop(Store::open(&path).unwrap());
    let store = Store::open(&path).unwrap();
    assert_eq!(store.counts().unwrap()["documents"], 0);
}

#[test]
fn user_judgements_are_kept_in_order_and_can_be_taken_back() {
    let store = Store::open_in_memory().unwrap();
    let a = store.add_judgement("Ana Ruiz", "A. Ruiz", "same", "one person").unwrap();
    let b = store.add_judgement("Ana Ruiz", "Ana Ruis", "different", "").unwrap();
    let all = store.judgements().unwrap();
    assert_eq!(all.iter().map(|j| j.id).collect::<Vec<_>>(), vec![a, b]);
    assert_eq!(all[1].verdict, "different");
    assert!(store.add_judgement("x", "y", "maybe", "").is_err(), "verdicts are checked");
    assert!(store.remove_judgement(a).unwrap());
    assert!(!store.remove_judgement(a).unwrap());
    assert_eq!(store.judgements().unwrap().len(), 1);
}

#[test]
fn processes_creating_one_store_at_once_each_migrate_it_once() {
    // Each thread opens its own connection, as another process would.
    for round in 0..10 {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        let opened: Vec<_> = (0..6)
            .map(|_| {
                let path = path.clone();
                std::thread::spawn(move || Store::open(&path).map(|_| ()))
            })
            .collect();
        for t in opened {
            t.join().unwrap().unwrap_or_else(|e| panic!("round {round}: {e}"));
        }
        let store = Store::open(&path).unwrap();
        assert!(store.check().unwrap().problems.is_empty());
    }
}

#[test]
fn a_writer_waits_for_another_and_says_so() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::{Arc, mpsc};

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    drop(Store::open(&path).unwrap());
    // Another process holds the write lock for a while.
    let (locked, is_locked) = mpsc::channel();
    let holder = {
        let path = path.clone();
        std::thread::spawn(move || {
            let conn = rusqlite::Connection::open(&path).unwrap();
            conn.execute_batch("BEGIN IMMEDIATE").unwrap();
            locked.send(()).unwrap();
            std::thread::sleep(std::time::Duration::from_millis(800));
            conn.execute_batch("COMMIT").unwrap();
        })
    };
    is_locked.recv().unwrap();
    let notices = Arc::new(AtomicUsize::new(0));
    let seen = notices.clone();
    let mut store = Store::open_with(&path, move |p| {
        assert!(p.ends_with("t.db"));
        seen.fetch_add(1, Ordering::SeqCst);
    })
    .unwrap();
    assert_eq!(
        record(&mut store, "/a.txt", b"text", &Overrides::new()),
        Outcome::Ingested { doc: 1 }
    );
    holder.join().unwrap();
    assert_eq!(notices.load(Ordering::SeqCst), 1, "one notice for one wait");
}

fn word(
    span: std::ops::Range<usize>,
    sentence: usize,
    upos: &str,
    lemma: &str,
    head: usize,
) -> model::Word {
    model::Word {
        span,
        sentence,
        upos: upos.to_string(),
        lemma: lemma.to_string(),
        head,
        deprel: if head == 0 { "root" } else { "nsubj" }.to_string(),
    }
}

#[test]
fn a_reading_keeps_its_words_one_row_per_sentence_and_a_new_one_replaces_them() {
    let mut store = Store::open_in_memory().unwrap();
    let text = "Envoys met. She left.";
    record(&mut store, "/a/one.txt", text.as_bytes(), &Overrides::new());
    let doc = store.documents().unwrap().remove(0);
    let words = vec![
        word(0..6, 0, "NOUN", "envoy", 2),
        word(7..10, 0, "VERB", "meet", 0),
        word(10..11, 0, "PUNCT", ".", 2),
        word(12..15, 1, "PRON", "she", 2),
        word(16..20, 1, "VERB", "leave", 0),
        word(20..21, 1, "PUNCT", ".", 2),
    ];
    let version = 1;
    store.record_reading(version, "reader/1", 2, &[], &words).unwrap();
    assert_eq!(store.counts().unwrap()["parses"], 2, "one row per sentence");
    let stored = store.reading(&doc).unwrap().unwrap();
    assert_eq!(stored.reader, "reader/1");
    assert_eq!(stored.words, words);
    let pending = store.unextracted("reader/1", None, "").unwrap();
    assert_eq!(pending[0].parses.words().unwrap(), words);

    store.record_reading(version, "reader/2", 1, &[], &words[..3]).unwrap();
    assert_eq!(store.counts().unwrap()["parses"], 1);
    assert_eq!(store.reading(&doc).unwrap().unwrap().words, &words[..3]);
}

#[test]
fn a_damaged_parse_is_an_error_not_a_panic() {
    for value in
        ["0\t3", "x\t3\tNOUN\t0\troot\ta", "0\t3\tNOUN\t0\troot\ta\tb", "0\t3\tN\\q\t0\tr\ta"]
    {
        assert!(crate::words::decode(0, 0, value).is_err(), "{value:?}");
    }
}

proptest::proptest! {
    /// Any words round-trip, whatever their fields hold (tabs, line breaks, backslashes).
    #[test]
    fn words_round_trip_whatever_their_fields_hold(
        start in 0usize..1_000_000,
        fields in proptest::collection::vec(
            (0usize..100, 1usize..50, any_text(), 0usize..300, any_text(), any_text()),
            1..40,
        ),
    ) {
        let mut at = start;
        let words: Vec<model::Word> = fields
            .into_iter()
            .map(|(gap, len, upos, head, deprel, lemma)| {
                at += gap;
                let span = at..at + len;
                at += len;
                model::Word { span, sentence: 7, upos, lemma, head, deprel }
            })
            .collect();
        let value = crate::words::encode(start, &words);
        proptest::prop_assert_eq!(crate::words::decode(7, start, &value).unwrap(), words);
    }
}

fn any_text() -> impl proptest::strategy::Strategy<Value = String> {
    proptest::prelude::any::<String>()
}

#[test]
fn signatures_are_kept_per_scheme_and_clusters_replace_the_last_ones() {
    let mut store = Store::open_in_memory().unwrap();
    record(&mut store, "/c/a.txt", b"first story", &Overrides::new());
    record(&mut store, "/c/b.txt", b"second story", &Overrides::new());
    let todo = store.unsigned("s1").unwrap();
    assert_eq!(
        todo.iter().map(|u| u.text.as_str()).collect::<Vec<_>>(),
        ["first story", "second story"]
    );
    store
        .record_signatures("s1", &[(todo[0].version, 2, vec![1, 2, 3, 4], Some("AFP".into()))])
        .unwrap();
    // Only the version without a signature is left, and a new scheme wants both again.
    assert_eq!(store.unsigned("s1").unwrap().len(), 1);
    assert_eq!(store.unsigned("s2").unwrap().len(), 2);
    store.record_signatures("s1", &[(todo[1].version, 2, vec![5; 4], None)]).unwrap();
    let sigs = store.signatures("s1").unwrap();
    assert_eq!(sigs.len(), 2);
    assert_eq!((sigs[0].name.as_str(), sigs[0].minhash.as_slice()), ("a.txt", &[1u8, 2, 3, 4][..]));
    assert_eq!(sigs[0].agency.as_deref(), Some("AFP"));
    assert!(store.origins().unwrap().is_empty());
    let both = |c: &str| {
        sigs.iter().map(|s| (s.version, c.to_string(), Some("AFP".to_string()))).collect::<Vec<_>>()
    };
    store.record_clusters(&both("a.txt")).unwrap();
    let origins = store.origins().unwrap();
    assert_eq!(
        origins["b.txt"],
        crate::DocOrigin { cluster: "a.txt".into(), origin: Some("AFP".into()) }
    );
    // A new version of a document is hashed again; the other keeps its cluster.
    record(&mut store, "/c/b.txt", b"second story, revised", &Overrides::new());
    assert_eq!(store.unsigned("s1").unwrap().len(), 1);
    assert_eq!(store.origins().unwrap().keys().collect::<Vec<_>>(), ["a.txt"]);
    // A removed document is out of the clustering and of the case's origins.
    let a = store.find("a.txt").unwrap().remove(0);
    assert!(store.remove(&a).unwrap());
    assert!(store.origins().unwrap().is_empty());
    assert!(store.signatures("s1").unwrap().is_empty());
}

#[test]
fn a_removed_document_leaves_the_listings_keeps_its_original_and_comes_back_when_ingested() {
    let mut store = Store::open_in_memory().unwrap();
    let none = Overrides::new();
    record(&mut store, "/in/a.txt", b"first", &none);
    record(&mut store, "/in/b.txt", b"second", &none);
    let a = store.find("a.txt").unwrap().remove(0);
    assert!(store.remove(&a).unwrap());
    assert!(!store.remove(&a).unwrap(), "removed once");
    assert!(store.is_removed(&a).unwrap());
    let names: Vec<String> = store.documents().unwrap().into_iter().map(|d| d.name).collect();
    assert_eq!(names, ["b.txt"]);
    assert_eq!(store.removed().unwrap().len(), 1);
    assert_eq!(store.blob(&a.sha256).unwrap().as_deref(), Some(&b"first"[..]));
    // The same bytes again: not skipped as unchanged, but restored.
    assert!(!store.known().unwrap().by_path.contains_key("/in/a.txt"));
    assert!(matches!(record(&mut store, "/in/a.txt", b"first", &none), Outcome::Updated { .. }));
    assert_eq!(store.documents().unwrap().len(), 2);
    assert!(store.removed().unwrap().is_empty());
}

#[test]
fn opening_a_missing_store_without_creating_it_fails_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("typo.db");
    let err = Store::open_existing_with(&path, |_| {}).err().expect("an error");
    assert!(matches!(err, crate::Error::Missing { .. }), "{err}");
    assert!(!path.exists());
    Store::open(&path).unwrap();
    Store::open_existing_with(&path, |_| {}).unwrap();
}

fn audit(action: &str, target: &str) -> crate::AuditEntry {
    crate::AuditEntry {
        seq: 0,
        at: String::new(),
        who: "tester".into(),
        action: action.into(),
        target_kind: "claim".into(),
        target: target.into(),
        before: None,
        after: None,
        why: "checked the source".into(),
    }
}

#[test]
fn the_audit_log_is_append_only_and_sets_the_decision_in_one_go() {
    let mut store = Store::open_in_memory().unwrap();
    let review = |decision: &str| crate::Effect::Review {
        claim_id: "c1".into(),
        decision: decision.into(),
        claim: None,
    };
    store.log_action(&audit("accept", "c1"), &review("accepted")).unwrap();
    let (seq, _) = store.log_action(&audit("reject", "c1"), &review("rejected")).unwrap();
    let reviews = store.reviews().unwrap();
    assert_eq!(reviews.len(), 1, "one decision per claim id: {reviews:?}");
    assert_eq!((reviews[0].decision.as_str(), reviews[0].seq), ("rejected", seq));
    assert_eq!(store.audit_log(Some(("claim", "c1"))).unwrap().len(), 2);
    assert!(store.audit_log(Some(("claim", "c2"))).unwrap().is_empty());
    for sql in ["UPDATE audit_log SET who = 'someone else'", "DELETE FROM audit_log"] {
        let err = store.conn.execute(sql, []).unwrap_err().to_string();
        assert!(err.contains("append-only"), "{sql}: {err}");
    }
    assert_eq!(store.audit_log(None).unwrap()[0].who, "tester");
}

#[test]
fn search_finds_documents_and_claims_of_the_current_versions_only() {
    let mut store = Store::open_in_memory().unwrap();
    let none = Overrides::new();
    record(&mut store, "/a/one.txt", b"The envoy met the minister in Geneva.", &none);
    let q = "\"geneva\"";
    let hits = store.search_documents(q, 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].id, "1");
    assert!(hits[0].snippet.contains("\u{1}Geneva\u{2}"), "{:?}", hits[0].snippet);
    record(&mut store, "/a/one.txt", b"The envoy stayed home.", &none);
    assert!(store.search_documents(q, 10).unwrap().is_empty(), "the old version left the index");
    assert_eq!(store.search_documents("\"home\"", 10).unwrap().len(), 1);

    let json = r#"{"id":"c9","doc":"one.txt","type":"visit","person":"The Envoy","place":"home",
        "evidence":{"text":"The envoy stayed home.","start":0,"end":22},"rule":"visit-x"}"#;
    let claim = crate::StoredClaim {
        id: "c9".into(),
        kind: "visit".into(),
        span: 0..22,
        json: json.into(),
    };
    store.record_claims(2, "x/1", std::slice::from_ref(&claim)).unwrap();
    let hits = store.search_claims("\"envoy\"", 10).unwrap();
    assert_eq!((hits[0].id.as_str(), hits[0].label.as_str()), ("c9", "visit"));
    assert!(store.search_claims("\"x\"", 10).unwrap().is_empty(), "the rule is not indexed");
    store.record_claims(2, "x/1", &[]).unwrap();
    assert!(store.search_claims("\"envoy\"", 10).unwrap().is_empty());
    assert_eq!(store.claim("c9").unwrap(), None);

    store
        .index_entities(&[("person:1".into(), "person".into(), "The Envoy Envoy".into())])
        .unwrap();
    assert_eq!(store.search_entities("\"envoy\"", 10).unwrap()[0].id, "person:1");
}

#[test]
fn a_list_file_is_recorded_once_with_its_original() {
    let mut store = Store::open_in_memory().unwrap();
    let bytes = b"101,\"INVENTED, Name\"";
    let sha = model::Sha256::digest(bytes).to_hex();
    let file = || NewListFile {
        bytes,
        sha256: &sha,
        name: "x_sdn.csv",
        format: "ofac-sdn",
        authority: "US-OFAC",
        set: Some("x"),
        as_of: None,
        problems: "[]",
        entries: vec![NewListEntry {
            record: "101".into(),
            authority: "US-OFAC".into(),
            kind: "Person".into(),
            listed_on: None,
            json: "{}".into(),
            names: vec![("INVENTED, Name".into(), "Primary".into())],
            identifiers: vec![("Passport".into(), "N 1".into(), "N1".into(), None)],
        }],
        supplements: vec![("101".into(), "{}".into())],
    };
    assert!(store.record_list_file(&file()).unwrap());
    assert!(!store.record_list_file(&file()).unwrap());
    assert_eq!(store.list_files().unwrap().len(), 1);
    assert_eq!(store.list_entries().unwrap().len(), 1);
    assert_eq!(store.list_supplements().unwrap().len(), 1);
    assert_eq!(store.blob(&sha.parse().unwrap()).unwrap().as_deref(), Some(&bytes[..]));
    let check = store.check().unwrap();
    assert!(check.problems.is_empty(), "{:?}", check.problems);
    assert_eq!(check.blobs_checked, 1);
}

#[test]
fn a_store_at_schema_0012_with_reviews_upgrades_to_0013_keeping_every_row() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    let mut old = Store::open_at_migration(&path, 12).unwrap();
    let version = |store: &Store| -> i64 {
        store.conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap()
    };
    assert_eq!(version(&old), 12);
    record(
        &mut old,
        "/in/memo.txt",
        b"Tomasz Wielgosz met Marisol Quenby in Varsk.",
        &Overrides::new(),
    );
    let json = |id: &str, place: &str| {
        format!(
            r#"{{"id":"{id}","doc":"memo.txt","type":"meeting","participants":["Tomasz Wielgosz","Marisol Quenby"],"place":"{place}","evidence":{{"text":"Tomasz Wielgosz met Marisol Quenby","start":0,"end":34}},"rule":"meeting-x"}}"#
        )
    };
    let claim = |id: &str| crate::StoredClaim {
        id: id.into(),
        kind: "meeting".into(),
        span: 0..34,
        json: json(id, "Varsk"),
    };
    old.record_claims(1, "x/1", &[claim("c1"), claim("c2")]).unwrap();
    // What a 0012 store could hold: a decision, an edit, a claim added by hand, a
    // judgement and a note, each with its audit row.
    let review = |id: &str, decision: &str, claim: Option<String>| crate::Effect::Review {
        claim_id: id.into(),
        decision: decision.into(),
        claim,
    };
    old.log_action(&audit("accept", "c1"), &review("c1", "accepted", None)).unwrap();
    old.log_action(&audit("edit", "c2"), &review("c2", "edited", Some(json("c2", "Brenning"))))
        .unwrap();
    let sha = model::Sha256::digest(b"Tomasz Wielgosz met Marisol Quenby in Varsk.").to_hex();
    let added = crate::Effect::Add {
        claim_id: "h1".into(),
        doc_sha256: sha,
        claim: json("h1", "Ostrian Hall"),
    };
    old.log_action(&audit("add", "h1"), &added).unwrap();
    let judge = crate::Effect::Judge {
        left: "Tomasz Wielgosz".into(),
        right: "T. Wielgosz".into(),
        verdict: "same".into(),
    };
    let mut merge = audit("merge", "Tomasz Wielgosz | T. Wielgosz");
    merge.target_kind = "entity".into();
    old.log_action(&merge, &judge).unwrap();
    old.log_action(&audit("note", "c1"), &crate::Effect::None).unwrap();
    // 0012 knows no `alias` action.
    let mut alias = audit("alias", "Tomasz Wielgosz | Tom Wielgosz");
    alias.target_kind = "entity".into();
    assert!(old.log_action(&alias, &crate::Effect::None).is_err());
    let log = old.audit_log(None).unwrap();
    let reviews = old.reviews().unwrap();
    let hand = old.added_claims(None).unwrap();
    let judgements = old.judgements().unwrap();
    assert_eq!((log.len(), reviews.len(), hand.len(), judgements.len()), (5, 2, 1, 1));
    drop(old);

    let mut store = Store::open(&path).unwrap();
    assert_eq!(version(&store), 13);
    assert_eq!(store.audit_log(None).unwrap(), log, "every audit row, same seq and values");
    assert_eq!(store.reviews().unwrap(), reviews);
    assert_eq!(store.added_claims(None).unwrap(), hand);
    assert_eq!(store.judgements().unwrap(), judgements);
    // The log stays append-only, and takes the new action.
    for sql in ["UPDATE audit_log SET who = 'someone else'", "DELETE FROM audit_log"] {
        let err = store.conn.execute(sql, []).unwrap_err().to_string();
        assert!(err.contains("append-only"), "{sql}: {err}");
    }
    store.log_action(&alias, &crate::Effect::None).unwrap();
    // What 0013 indexes from the rows it found: the edit as the reviewer left it, and the
    // claim added by hand (under the negative of its rowid).
    let found = |word: &str| -> Vec<i64> {
        let mut stmt = store
            .conn
            .prepare("SELECT rowid FROM search_claims WHERE search_claims MATCH ?1 ORDER BY rowid")
            .unwrap();
        stmt.query_map([word], |r| r.get(0)).unwrap().map(|r| r.unwrap()).collect()
    };
    assert_eq!(found("\"brenning\"").len(), 1, "the edit is what search finds");
    assert_eq!(found("\"varsk\"").len(), 1, "c1 only: c2 was edited");
    let by_hand = found("\"ostrian\"");
    assert!(by_hand.len() == 1 && by_hand[0] < 0, "{by_hand:?}");
}
