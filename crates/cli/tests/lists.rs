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
