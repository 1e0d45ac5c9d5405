//! `dossier build` end to end: the case folder's JSON says what the acceptance asks, on the
//! seeds (shared/corpus/seeds) and on the project's invented example corpus.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;
use test_utils::{seeds_dir, workspace};

/// A case folder built in a temporary directory, with its store beside it.
struct Built {
    dir: tempfile::TempDir,
}

impl Built {
    fn new() -> Built {
        Built { dir: tempfile::tempdir().unwrap() }
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_dossier"))
            .arg("--db")
            .arg(self.dir.path().join("dossier.db"))
            .args(args)
            .current_dir(self.dir.path())
            .output()
            .unwrap()
    }

    fn build(&self, paths: &[&Path]) -> String {
        let mut args = vec!["build".to_string()];
        args.extend(paths.iter().map(|p| p.display().to_string()));
        args.extend(["-o".into(), self.case().display().to_string()]);
        let out = self.run(&args.iter().map(String::as_str).collect::<Vec<_>>());
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(out.status.success(), "build failed: {stderr}");
        stderr
    }

    fn case(&self) -> PathBuf {
        self.dir.path().join("case")
    }

    fn lines(&self, file: &str) -> Vec<Value> {
        std::fs::read_to_string(self.case().join(file))
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }
}

fn s<'a>(v: &'a Value, path: &[&str]) -> &'a str {
    let mut v = v;
    for p in path {
        v = &v[*p];
    }
    v.as_str().unwrap_or("")
}

fn names(v: &Value) -> Vec<String> {
    v.as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| p["name"].as_str().map(String::from))
        .collect()
}

/// The seeds' gold claims (shared/gold/seeds.jsonl): the test's expectations about people
/// come from there, so that no real name is written into the project.
fn seeds_gold() -> Vec<Value> {
    let path = seeds_dir().join("../../gold/seeds.jsonl");
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// The person the gold names most often: the one the seeds are about.
fn gold_subject(gold: &[Value]) -> String {
    let mut counts = std::collections::BTreeMap::<&str, usize>::new();
    for claim in gold {
        for field in ["holder", "person", "subject", "target", "defendant"] {
            if let Some(name) = claim[field].as_str() {
                *counts.entry(name).or_default() += 1;
            }
        }
    }
    counts.into_iter().max_by_key(|&(_, n)| n).map(|(name, _)| name.to_string()).unwrap()
}

fn entity<'a>(entities: &'a [Value], name: &str) -> &'a Value {
    entities
        .iter()
        .find(|e| e["names"].as_array().unwrap().iter().any(|n| n == name))
        .unwrap_or_else(|| panic!("no entity named {name}"))
}

#[test]
fn the_seeds_give_the_security_chiefs_career_legal_status_conflicts_and_network() {
    let b = Built::new();
    b.build(&[&seeds_dir()]);
    let careers = b.lines("careers.jsonl");
    let assertions = b.lines("assertions.jsonl");
    let entities = b.lines("entities.jsonl");

    let gold = seeds_gold();
    let subject = gold_subject(&gold);
    // The gold's appointment whose `field` names the subject gives the other person.
    let appointment = |field: &str, other: &str| -> String {
        gold.iter()
            .find(|c| {
                c["type"] == "appointment" && c[field] == subject.as_str() && c[other].is_string()
            })
            .map(|c| s(c, &[other]).to_string())
            .unwrap_or_else(|| panic!("no appointment with the subject as {field} in the gold"))
    };

    // The person at the centre: the career with most posts.
    let chief = &careers[0];
    assert_eq!(s(chief, &["person", "name"]), subject);
    let id = s(chief, &["person", "id"]).to_string();
    let posts = chief["posts"].as_array().unwrap();
    let find = |class: &str, org: &str| {
        posts
            .iter()
            .position(|p| {
                s(p, &["role_class"]) == class && s(p, &["organization", "name"]).contains(org)
            })
            .unwrap_or_else(|| panic!("no {class} of {org} in {posts:#?}"))
    };
    let deputy = find("deputy head", "Air Force Intelligence");
    let general = find("head", "General");
    let bureau = find("head", "National Security");
    let adviser = posts
        .iter()
        .position(|p| s(p, &["role_class"]) == "adviser" && s(p, &["start", "date"]) == "2024-01")
        .unwrap();
    assert!(
        deputy < general && general < bureau && bureau < adviser,
        "posts out of order: {posts:#?}"
    );
    assert_eq!(s(&posts[deputy], &["end", "date"]), "2005");
    assert_eq!(s(&posts[general], &["start", "date"]), "2005");
    assert!(s(&posts[general], &["end", "date"]).starts_with("2012"));
    assert_eq!(s(&posts[bureau], &["start", "date"]), "2012-07");
    assert_eq!(s(&posts[bureau], &["end", "date"]), "2024-01");
    // Predecessor and successor as the gold's appointments name them.
    assert_eq!(s(&posts[bureau], &["predecessor", "name"]), appointment("person", "predecessor"));
    assert_eq!(s(&posts[bureau], &["successor", "name"]), appointment("predecessor", "person"));

    // One agency under three names; Egypt's directorate of a similar name stays apart.
    let general_body = entity(&entities, "General Security Directorate");
    assert_eq!(general_body, entity(&entities, "General Intelligence Service"));
    let bureau_body = entity(&entities, "National Security Office");
    assert_eq!(bureau_body, entity(&entities, "Syrian National Security Bureau"));
    let egypt = entity(&entities, "General Intelligence Directorate");
    assert_ne!(egypt["id"], general_body["id"]);
    assert_eq!(egypt["country"], "Egypt");

    let about = |kind: &str| -> Vec<&Value> {
        assertions
            .iter()
            .filter(|a| a["type"] == kind && serde_json::to_string(a).unwrap().contains(&id))
            .collect()
    };
    let by = |kind: &str, authority: &str| -> &Value {
        about(kind)
            .into_iter()
            .find(|a| s(a, &["arguments", "authority", "name"]) == authority)
            .unwrap_or_else(|| panic!("no {kind} by {authority}"))
    };
    assert_eq!(by("sanction", "United States")["date"], "2011");
    by("sanction", "European Union");
    let french = by("warrant", "France");
    assert_eq!(french["status"], "corroborated");
    assert_eq!(french["documents"].as_array().unwrap().len(), 4);
    assert_eq!(french["date"], "2018-11");
    by("warrant", "Lebanon");

    // The year of the bombing plot: 2012 against 2015.
    let plot: Vec<&Value> = assertions
        .iter()
        .filter(|a| {
            a["status"] == "conflicting" && (a["type"] == "arrest" || a["type"] == "allegation")
        })
        .collect();
    let dates: Vec<&str> = plot.iter().filter_map(|a| a["date"].as_str()).collect();
    assert!(dates.iter().any(|d| d.starts_with("2012")) && dates.contains(&"2015"), "{dates:?}");
    // "Head" against "deputy head" of Air Force Intelligence.
    let ranks: Vec<&str> = about("position")
        .into_iter()
        .filter(|a| {
            a["status"] == "conflicting"
                && s(a, &["arguments", "organization", "name"]).contains("Air Force")
        })
        .map(|a| s(a, &["arguments", "role_class"]))
        .collect();
    assert!(ranks.contains(&"head") && ranks.contains(&"deputy head"), "{ranks:?}");

    // The death rumour, refuted by the April 2024 appearance.
    let death = about("death_report")
        .into_iter()
        .find(|a| s(a, &["arguments", "person", "id"]) == id)
        .unwrap();
    assert_eq!(death["status"], "refuted");
    let seen = &death["related"][0];
    let meeting = assertions.iter().find(|a| a["id"] == *seen).unwrap();
    assert_eq!(meeting["date"], "2024-04-22");

    // His counterparts: everyone the gold has him meet, named by a proper name.
    let mut met: Vec<String> =
        about("meeting").into_iter().flat_map(|a| names(&a["arguments"]["participants"])).collect();
    met.sort();
    met.dedup();
    let counterparts: std::collections::BTreeSet<&str> = gold
        .iter()
        .filter(|c| c["type"] == "meeting")
        .filter_map(|c| c["participants"].as_array())
        .filter(|people| people.iter().any(|p| *p == subject.as_str()) && people.len() == 2)
        .flatten()
        .filter_map(Value::as_str)
        .filter(|p| *p != subject && p.split(' ').all(|w| w.starts_with(char::is_uppercase)))
        .collect();
    assert!(counterparts.len() >= 5, "{counterparts:?}");
    for counterpart in counterparts {
        assert!(met.iter().any(|m| m == counterpart), "{counterpart} not in {met:?}");
    }

    // Every assertion rests on claims of the case, every claim on a hashed document.
    let claims = b.lines("claims.jsonl");
    let ids: std::collections::BTreeSet<&str> = claims.iter().map(|c| s(c, &["id"])).collect();
    for a in &assertions {
        for c in a["claims"].as_array().unwrap() {
            assert!(
                ids.contains(c.as_str().unwrap()),
                "assertion {} cites unknown claim {c}",
                a["id"]
            );
        }
    }
    let html = std::fs::read_to_string(b.case().join("index.html")).unwrap();
    assert!(
        !html.contains("<script") && !html.contains("src=\"http") && !html.contains("href=\"http")
    );
    for c in &claims {
        assert!(
            html.contains(s(c, &["doc_sha256"])),
            "the source list gives every document's SHA-256"
        );
    }
}

#[test]
fn the_example_corpus_resolves_fuses_and_orders_invented_people() {
    let b = Built::new();
    let corpus = workspace().join("examples/corpus");
    let first = b.build(&[&corpus]);
    assert!(first.contains("ingest:  9 new"), "{first}");
    let entities = b.lines("entities.jsonl");
    let person = entity(&entities, "Hernán Octavio Vallejo Brito");
    for variant in ["Hernan Vallejo", "Hernán Vallejo Brito", "Hernán Vallejo"] {
        assert_eq!(entity(&entities, variant)["id"], person["id"], "{variant}");
    }
    // One service under its name, its possessive form, the acronym one document defines
    // ("... Service (SEBIN)") and a name without "National".
    let service = entity(&entities, "Bolivarian National Intelligence Service");
    assert_eq!(service["name"], "Bolivarian National Intelligence Service");
    for variant in ["SEBIN", "Bolivarian Intelligence Service"] {
        assert_eq!(entity(&entities, variant)["id"], service["id"], "{variant}");
    }
    let id = person["id"].as_str().unwrap();
    let assertions = b.lines("assertions.jsonl");
    let of = |kind: &str| -> Vec<&Value> {
        assertions
            .iter()
            .filter(|a| a["type"] == kind && serde_json::to_string(a).unwrap().contains(id))
            .collect()
    };
    assert_eq!(of("death_report")[0]["status"], "refuted");
    let appointed = &of("appointment")[0];
    assert_eq!(appointed["status"], "corroborated");
    assert_eq!(appointed["date"], "2019-01");
    let authorities: Vec<&str> = of("sanction")
        .iter()
        .chain(&of("warrant"))
        .map(|a| s(a, &["arguments", "authority", "name"]))
        .collect();
    for a in ["United States", "Canada", "Argentina"] {
        assert!(authorities.contains(&a), "{a} not in {authorities:?}");
    }
    let careers = b.lines("careers.jsonl");
    let career = careers.iter().find(|c| c["person"]["id"] == id).unwrap();
    let posts = career["posts"].as_array().unwrap();
    let intelligence = posts
        .iter()
        .position(|p| s(p, &["organization", "name"]) == "Bolivarian National Intelligence Service")
        .unwrap();
    assert_eq!(posts[intelligence]["status"], "corroborated");
    let adviser = posts.iter().position(|p| s(p, &["role_class"]) == "adviser").unwrap();
    assert_eq!(s(&posts[adviser], &["start", "date"]), "2019-01");

    // The court story gives the case file a charge, a conviction and a family tie.
    let ortuzar = entity(&entities, "Javier Ortúzar Lira");
    let about = |kind: &str, field: &str| {
        assertions.iter().any(|a| {
            a["type"] == kind
                && s(a, &["arguments", field, "id"]) == ortuzar["id"].as_str().unwrap()
        })
    };
    assert!(about("charge", "defendant") && about("verdict", "defendant"));
    // "convicted X ... and sentenced him to 18 years": one verdict, the sentence's
    // (`one_verdict_each`), since "him" no longer resolves to the dateline's agency.
    assert!(assertions.iter().any(|a| a["type"] == "verdict"
        && matches!(a["arguments"]["outcome"].as_str(), Some("convicted" | "sentenced"))
        && s(a, &["arguments", "defendant", "id"]) == ortuzar["id"].as_str().unwrap()));
    assert!(
        !assertions.iter().any(|a| a["type"] == "verdict"
            && s(a, &["arguments", "defendant", "name"]).contains("Wire")),
        "no verdict against the wire agency of the dateline"
    );
    assert!(about("relation", "person"), "the brother-in-law tie");

    // Incremental: a second build does no new reading or extraction.
    let again = b.build(&[&corpus]);
    assert!(
        again.contains("ingest:  0 new, 9 unchanged") && again.contains("extract: 0 documents"),
        "{again}"
    );

    // Adding one document reads and extracts that one only, and the case takes it in.
    let extra = b.dir.path().join("extra");
    std::fs::create_dir_all(&extra).unwrap();
    std::fs::write(
        extra.join("wire.txt"),
        "Sanctions widened\n\nPublished 2 May 2024\n\nThe European Union imposed sanctions on Hernán Vallejo Brito in 2024.\n",
    )
    .unwrap();
    let added = b.build(&[&extra]);
    assert!(added.contains("ingest:  1 new") && added.contains("extract: 1 documents"), "{added}");
    let assertions = b.lines("assertions.jsonl");
    assert!(assertions.iter().any(|a| a["type"] == "sanction"
        && s(a, &["arguments", "authority", "name"]) == "European Union"
        && s(a, &["arguments", "target", "id"]) == id));
}

#[test]
fn a_users_split_undoes_a_join_and_document_text_is_escaped() {
    let b = Built::new();
    let docs = b.dir.path().join("docs");
    std::fs::create_dir_all(&docs).unwrap();
    std::fs::write(
        docs.join("one.txt"),
        "Talks in Lima\n\nLucía Ferrer Olivarez, the head of the National Police, met Tomás Arce in Lima on 3 May 2021 <script>alert(1)</script>.\n",
    )
    .unwrap();
    std::fs::write(
        docs.join("two.txt"),
        "Sanctions\n\nThe United States imposed sanctions on Lucía Ferrer in 2022 for abuses <img src=x onerror=alert(2)>.\n",
    )
    .unwrap();
    b.build(&[&docs]);
    let joined = b.lines("entities.jsonl");
    assert_eq!(
        entity(&joined, "Lucía Ferrer")["id"],
        entity(&joined, "Lucía Ferrer Olivarez")["id"]
    );
    let html = std::fs::read_to_string(b.case().join("index.html")).unwrap();
    assert!(!html.contains("<script>alert") && !html.contains("<img src=x"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));

    let out = b.run(&["split", "Lucía Ferrer", "Lucía Ferrer Olivarez", "--reason", "two cousins"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    b.build(&[]);
    let split = b.lines("entities.jsonl");
    assert_ne!(entity(&split, "Lucía Ferrer")["id"], entity(&split, "Lucía Ferrer Olivarez")["id"]);
    let judgements = b.lines("judgements.jsonl");
    assert!(
        judgements.iter().any(|j| j["by"] == "user"
            && j["verdict"] == "different"
            && j["reason"] == "two cousins")
    );
}

#[test]
fn a_bad_alias_file_is_reported_with_its_name_and_nothing_is_written() {
    let b = Built::new();
    let aliases = b.dir.path().join("aliases.toml");
    std::fs::write(&aliases, "[[same]]\nnames = [\"Only One\"]\n").unwrap();
    let out = b.run(&["build", "-o", "case", "--aliases", aliases.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("aliases.toml") && stderr.contains("two names"), "{stderr}");
    assert!(!b.dir.path().join("case/index.html").exists());
}
