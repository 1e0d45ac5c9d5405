//! `dossier eval entities`: the resolver on a gold file's names, scored pairwise against
//! labels; on invented names, and on the dev corpus's gold with the labels kept beside this
//! test (`data/dev-entities.tsv`).

mod util;

use test_utils::workspace;
use util::Dir;

/// (kind, tp, fp, fn, F1) rows of the table.
fn rows(out: &std::process::Output) -> Vec<(String, usize, usize, usize, f64)> {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .skip(1)
        .filter(|l| l.starts_with("person") || l.starts_with("body"))
        .map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            (
                f[0].to_string(),
                f[3].parse().unwrap(),
                f[4].parse().unwrap(),
                f[5].parse().unwrap(),
                f[8].parse().unwrap(),
            )
        })
        .collect()
}

fn line(doc: &str, kind: &str, fields: serde_json::Value) -> String {
    let mut c =
        serde_json::json!({"doc": doc, "type": kind, "modality": "asserted", "evidence": "x"});
    for (k, v) in fields.as_object().unwrap() {
        c[k] = v.clone();
    }
    c.to_string()
}

#[test]
fn spellings_join_lone_names_and_sh_do_not_and_bodies_meet_their_country() {
    let dir = Dir::new();
    let gold = [
        line(
            "a",
            "position",
            serde_json::json!({"holder": "Youssef al-Qaddouri", "organization": "Lebanon's central bank"}),
        ),
        line(
            "b",
            "position",
            serde_json::json!({"holder": "Yusuf Qadduri", "organization": "Central Bank of Lebanon"}),
        ),
        // A lone first name elsewhere is not joined to a full name by itself.
        line(
            "c",
            "sanction",
            serde_json::json!({"target": "Lord Qadduri", "authority": "US Treasury"}),
        ),
        line(
            "d",
            "sanction",
            serde_json::json!({"target": "Omar Sakir", "authority": "U.S. Department of the Treasury"}),
        ),
        line(
            "e",
            "sanction",
            serde_json::json!({"target": "Omar Shakir", "authority": "Treasury Department"}),
        ),
    ];
    let g = dir.write("gold.jsonl", gold.join("\n").as_bytes());
    let l = dir.write(
        "labels.tsv",
        "# invented\nsame\tYoussef al-Qaddouri\tYusuf Qadduri\nsame\tLebanon's central bank\tCentral Bank of Lebanon\nsame\tUS Treasury\tU.S. Department of the Treasury\nsame\tUS Treasury\tTreasury Department\n".as_bytes(),
    );
    let out = dir.run(&[
        "eval",
        "entities",
        "--gold",
        g.to_str().unwrap(),
        "--labels",
        l.to_str().unwrap(),
        "--verbose",
    ]);
    let rows = rows(&out);
    let text = String::from_utf8_lossy(&out.stdout);
    // People: the two spellings join (1 pair); "Qadduri" alone and Salih/Shahli stay apart.
    assert_eq!(rows[0], ("person".into(), 1, 0, 0, 1.0), "{text}");
    // Bodies: the bank (1 pair) and the three names of one treasury (3 pairs).
    assert_eq!(rows[1], ("body".into(), 4, 0, 0, 1.0), "{text}");
}

#[test]
fn the_dev_gold_names_resolve_with_pairwise_f1_above_the_targets() {
    let dir = Dir::new();
    let gold = workspace().join("../shared/gold/dev.jsonl");
    let labels = workspace().join("crates/cli/tests/data/dev-entities.tsv");
    let out = dir.run(&[
        "eval",
        "entities",
        "--gold",
        gold.to_str().unwrap(),
        "--labels",
        labels.to_str().unwrap(),
    ]);
    let rows = rows(&out);
    let f1 = |k: &str| rows.iter().find(|r| r.0 == k).unwrap().4;
    assert!(f1("person") >= 0.90, "{rows:?}");
    assert!(f1("body") >= 0.85, "{rows:?}");
}
