//! Review state changed from the command line goes through the workbench and the audit log,
//! as the web UI's changes do: a merge, and taking it back with `judgements --remove`.

mod util;
use util::Dir;

#[test]
fn taking_a_judgement_back_is_in_the_audit_log_and_replays() {
    let dir = Dir::new();
    let merged = dir.run(&["merge", "Orla Quent", "O. Quent", "--reason", "one person"]);
    assert!(merged.status.success(), "{}", String::from_utf8_lossy(&merged.stderr));
    let listed = String::from_utf8_lossy(&dir.run(&["judgements"]).stdout).into_owned();
    let id = listed.split('\t').next().unwrap().to_string();
    assert!(listed.contains("Orla Quent"), "{listed}");

    let removed = dir.run(&["judgements", "--remove", &id, "--reason", "two people after all"]);
    assert!(removed.status.success(), "{}", String::from_utf8_lossy(&removed.stderr));
    assert!(String::from_utf8_lossy(&removed.stderr).contains("audit log"));
    assert!(String::from_utf8_lossy(&dir.run(&["judgements"]).stdout).trim().is_empty());
    let again = dir.run(&["judgements", "--remove", &id]);
    assert!(!again.status.success(), "a judgement is taken back once");
    assert!(String::from_utf8_lossy(&again.stderr).contains("no judgement"));

    let store = store::Store::open(&dir.path("dossier.db")).unwrap();
    let log = store.audit_log(None).unwrap();
    let actions: Vec<&str> = log.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["merge", "unjudge"]);
    assert_eq!(log[1].why, "two people after all");
    assert!(log[1].before.as_deref().unwrap().contains("O. Quent"));
    let replayed = pipeline::review::replay(&log).unwrap();
    assert!(replayed.judgements.is_empty(), "the log replays to no judgement");
    assert!(store.judgements().unwrap().is_empty());
}
