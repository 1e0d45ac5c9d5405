//! Corroboration counts origins: a story and its re-hosted copy are one origin however many
//! sites carry it, and a different story on the same event is another (invented texts).

use std::process::Command;

use serde_json::Value;

const WIRE: &str = r#"Velmora ex-minister sanctioned over torture of protesters

Agence France-Presse

Canada on Monday imposed sanctions on Daren Ostavik, the former interior minister of Velmora, over the torture of detained protesters in 2011.

Ostavik, 61, approved the transfer of at least forty detainees to a secret facility run by the state security directorate, where witnesses said they were beaten and deprived of sleep for weeks, the foreign ministry said in a statement.

The measures freeze any assets he holds in Canada and bar him from entering the country. Rights groups welcomed the decision and urged other governments to follow.

Ostavik fled Velmora in 2014 and has lived abroad since then. His lawyer did not respond to a request for comment on Monday evening.
"#;

const COPY: &str = r#"<!doctype html><html><head><title>Canada sanctions former minister | Harbour Lights Daily</title></head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<div class="cookie-banner"><p>We use cookies to personalise content and ads and to analyse our traffic. By continuing to use this site you agree to our use of cookies.</p><button>Accept all</button></div>
<main><article><h1>Canada sanctions former minister</h1><p class="byline">By Bram Ellory, Agence France-Presse</p>
<p>Canada on Monday imposed sanctions on Daren Ostavik, the former interior minister of Velmora, over the torture of detained protesters in 2011.</p>
<p>Ostavik, 61, approved the transfer of at least 40 detainees to a secret facility run by the state security directorate, where witnesses said they were beaten and deprived of sleep for weeks, the foreign ministry said in a statement.</p>
<p>The measures freeze any assets he holds in Canada and bar him from entering the country. Rights groups welcomed the decision and urged other governments to follow.</p>
</article><aside><h2>Related stories</h2><ul><li><a href="/a">Storm warning issued for coastal districts</a></li><li><a href="/b">Fuel prices expected to rise again next month</a></li></ul></aside></main>
<footer><p>© 2025 Harbour Lights Daily. All rights reserved.</p><p><a href="/about">About us</a> | <a href="/privacy">Privacy policy</a></p></footer></body></html>
"#;

const OTHER: &str = r#"Ottawa targets Ostavik in sanctions move

Canada on Monday imposed sanctions on Daren Ostavik, accusing the man who ran Velmora's interior ministry during the 2011 protests of overseeing systematic abuse.

Survivors who testified against him in exile welcomed the announcement. One of them, a teacher who spent three months in custody, told reporters she had waited more than a decade for any government to act.

Officials in Ottawa said the listing was coordinated with partners and that further names could follow. Ostavik has always denied the accusations and calls them politically motivated.
"#;

const META: &str = r#"file,title,publisher,url,published
wire.txt,Velmora ex-minister sanctioned over torture of protesters,Wire Desk,,2021-03-22
copy.html,Canada sanctions former Velmoran minister,Harbour Lights Daily,,2021-03-23
other.txt,Ottawa targets Ostavik in sanctions move,Northgate Courier,,2021-03-22
"#;

fn build(dir: &std::path::Path) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .arg("--db")
        .arg(dir.join("d.db"))
        .args(["build", "docs", "-o", "case"])
        .current_dir(dir)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "build failed: {stderr}");
    stderr
}

#[test]
fn a_story_and_its_rehosted_copy_are_one_origin_and_another_story_a_second() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    for (name, text) in
        [("wire.txt", WIRE), ("copy.html", COPY), ("other.txt", OTHER), ("dossier-meta.csv", META)]
    {
        std::fs::write(docs.join(name), text).unwrap();
    }
    let said = build(dir.path());
    assert!(said.contains("origins: 3 documents in 2 independent origins"), "{said}");
    let assertions: Vec<Value> = std::fs::read_to_string(dir.path().join("case/assertions.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let of = |docs: &[&str]| -> Vec<&Value> {
        assertions.iter().filter(|a| a["documents"] == serde_json::json!(docs)).collect()
    };
    // What only the wire story and its copy say: two documents, one origin, named by the
    // agency of the byline, not corroborated.
    let copied = of(&["copy.html", "wire.txt"]);
    assert!(!copied.is_empty(), "{assertions:?}");
    for a in copied {
        assert_eq!(a["origins"], serde_json::json!(["AFP"]));
        assert_eq!(a["explanation"][0], "stated in 2 documents from 1 independent origin (AFP)");
        assert_eq!(a["status"], "single-source");
    }
    // The sanction, also told by another outlet's own story: two origins.
    let sanction = assertions.iter().find(|a| a["type"] == "sanction").unwrap();
    assert_eq!(sanction["origins"], serde_json::json!(["AFP", "Northgate Courier"]));
    assert_eq!(sanction["status"], "corroborated");
    let html = std::fs::read_to_string(dir.path().join("case/index.html")).unwrap();
    assert!(html.contains("2 documents, 1 origin (AFP)"), "the case file names the origin");
    assert!(html.contains("3 documents, 2 origins (AFP, Northgate Courier)"));
    assert!(html.contains("same story as <a href=\"#s3\">wire.txt</a>"));
    // Built again: nothing new to sign, the same clusters.
    let again = build(dir.path());
    assert!(
        again.contains(
            "in 2 independent origins (copies and reprints of one story count once), 0 newly signed"
        ),
        "{again}"
    );
}
