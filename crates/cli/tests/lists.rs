//! `dossier lists import` and `dossier lists check` on invented list files.

use std::process::{Command, Output};

fn dossier(dir: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
        .current_dir(dir)
        .args(["--db", "dossier.db"])
        .args(args)
        .output()
        .expect("dossier runs")
}

const SDN: &str = "101,\"QARMOUT, Nabil\",\"individual\",\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"DOB 02 Mar 1961; nationality Syria.\"\n\
oops,\"NO NUMBER\"\n";
const ALT: &str = "101,1,\"aka\",\"KARMUT, Nabil Abdelkader\",-0- \n";

#[test]
fn import_is_idempotent_reports_bad_records_and_check_explains() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("inv_sdn.csv"), SDN).unwrap();
    std::fs::write(dir.path().join("inv_alt.csv"), ALT).unwrap();
    std::fs::write(dir.path().join("junk.bin"), b"\x00\x01").unwrap();
    assert!(dossier(dir.path(), &["new"]).status.success());

    let out = dossier(dir.path(), &["lists", "import", "inv_sdn.csv", "inv_alt.csv", "junk.bin"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("inv_sdn.csv, line 2:"), "{err}");
    assert!(err.contains("error: junk.bin: not a sanctions list format"), "{err}");
    assert!(err.contains("2 imported, 0 unchanged, 1 failed, 1 records skipped"), "{err}");

    let out = dossier(dir.path(), &["lists", "import", "inv_alt.csv"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("0 imported, 1 unchanged"));

    let out = dossier(dir.path(), &["lists", "import", "junk.bin"]);
    assert_eq!(out.status.code(), Some(2));

    // The alias comes from the alt file of the same set.
    let out =
        dossier(dir.path(), &["lists", "check", "Nabil Abdel-Kader Karmout", "--born", "1961"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    assert!(text.contains("is listed:"), "{text}");
    assert!(text.contains("US-OFAC record 101"), "{text}");
    assert!(text.contains("birth year 1961 agrees"), "{text}");

    let out = dossier(dir.path(), &["lists", "check", "Walid Qarmout"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("no listing found"), "{text}");
    assert!(text.contains("closest near misses:"), "{text}");
}

/// The seeds built with the real OFAC and UK lists (`../shared/data/sanctions`), plus one
/// invented story: the US sanction is confirmed by the OFAC list, the EU ones say that no EU
/// list is imported, and a UK sanction of someone the UK list lacks says so with its date.
#[test]
fn build_with_lists_holds_the_seeds_sanctions_against_the_official_lists() {
    let data = test_utils::workspace().join("../shared/data/sanctions");
    let dir = tempfile::tempdir().unwrap();
    let extra = dir.path().join("extra");
    std::fs::create_dir(&extra).unwrap();
    std::fs::write(
        extra.join("invented.txt"),
        "Sanctions widened\n\nPublished 2 May 2019\n\nThe United Kingdom imposed sanctions on Hernán Vallejo Brito in 2019.\n",
    )
    .unwrap();
    let seeds = test_utils::seeds_dir();
    let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .current_dir(dir.path())
        .arg("build")
        .arg(&seeds)
        .arg(&extra)
        .args(["-o", "case", "--lists"])
        .arg(data.join("sdn_2024-05-03.csv"))
        .arg(data.join("ConList_2018-04-13.csv"))
        .output()
        .expect("dossier runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("2 imported, 0 unchanged, 0 failed"), "{err}");

    let jsonl = std::fs::read_to_string(dir.path().join("case/assertions.jsonl")).unwrap();
    let sanctions: Vec<serde_json::Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .filter(|a: &serde_json::Value| a["type"] == "sanction")
        .collect();
    let official = |authority: &str| -> Vec<String> {
        sanctions
            .iter()
            .filter(|a| a["arguments"]["authority"]["name"] == authority)
            .map(|a| a["official"].as_str().unwrap_or("(none)").to_string())
            .collect()
    };
    let us = official("United States");
    assert!(!us.is_empty(), "{jsonl}");
    assert!(us.iter().all(|l| l.starts_with("Official list: OFAC SDN, record ")), "{us:?}");
    let eu = official("European Union");
    assert!(!eu.is_empty(), "{jsonl}");
    assert!(eu.iter().all(|l| l == "no EU list imported"), "{eu:?}");
    assert_eq!(official("United Kingdom"), ["not on the UK list as of 2018-04-13"]);
    assert!(
        sanctions
            .iter()
            .filter(|a| a["arguments"]["authority"]["name"] == "United States")
            .all(|a| a["status"] == "corroborated"),
        "{jsonl}"
    );

    let html = std::fs::read_to_string(dir.path().join("case/index.html")).unwrap();
    assert!(html.contains("Official list: OFAC SDN, record "), "the sanction row says it");
    assert!(html.contains("no EU list imported"));
    assert!(html.contains("<h3>Official lists</h3>"), "the entity shows the list's facts");
    // The UK list's entry of the US-sanctioned person brings its listing date, marked official.
    assert!(html.contains("<tr><td>listed on</td>"), "a listing date is shown");
    assert!(html.contains("ConList_2018-04-13.csv, record "));
}
