//! `dossier show DOC --annotations` prints each sentence's parse, one word a line, over the
//! read stage's own tokens.

mod util;

use util::Dir;

/// One word line: position, form, lemma, UPOS, head, relation.
struct Line {
    id: usize,
    form: String,
    lemma: String,
    upos: String,
    head: usize,
    deprel: String,
}

fn parse_line(line: &str) -> Option<Line> {
    let f: Vec<&str> = line.split_whitespace().collect();
    if f.len() != 6 {
        return None;
    }
    Some(Line {
        id: f[0].parse().ok()?,
        form: f[1].to_string(),
        lemma: f[2].to_string(),
        upos: f[3].to_string(),
        head: f[4].parse().ok()?,
        deprel: f[5].to_string(),
    })
}

/// The sentences shown after the annotations: each heading line and its word lines.
fn sentences(shown: &str) -> Vec<(String, Vec<Line>)> {
    let mut out: Vec<(String, Vec<Line>)> = Vec::new();
    for line in shown.lines() {
        if let Some(rest) = line.strip_prefix("sentence ") {
            out.push((rest.to_string(), Vec::new()));
        } else if let (Some(last), Some(word)) = (out.last_mut(), parse_line(line)) {
            last.1.push(word);
        }
    }
    out
}

#[test]
fn show_annotations_prints_each_sentence_parse_one_word_a_line() {
    let dir = Dir::new();
    dir.write(
        "in/report.txt",
        "Envoy leaves\n\nThe envoys of Norvania met Tesh al-Orvani in Quellport on Monday. \
         She was appointed minister last year.\n"
            .as_bytes(),
    );
    assert!(dir.run(&["ingest", "in"]).status.success());
    let out = dir.run(&["read"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = dir.run(&["show", "report.txt", "--annotations"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let shown = String::from_utf8(out.stdout).unwrap();
    let parsed = sentences(&shown);
    assert_eq!(parsed.len(), 3, "a heading and two sentences: {shown}");
    assert!(parsed[1].0.starts_with("2: The envoys of Norvania met"), "{shown}");
    let forms: Vec<&str> = parsed[1].1.iter().map(|w| w.form.as_str()).collect();
    assert_eq!(
        forms,
        [
            "The",
            "envoys",
            "of",
            "Norvania",
            "met",
            "Tesh",
            "al-Orvani",
            "in",
            "Quellport",
            "on",
            "Monday",
            "."
        ],
        "the parse runs over the project's tokens: a hyphenated name stays one word"
    );
    for (_, words) in &parsed {
        for (i, w) in words.iter().enumerate() {
            assert_eq!(w.id, i + 1, "{shown}");
            assert!(w.head <= words.len(), "{shown}");
            assert!(!w.deprel.is_empty() && !w.lemma.is_empty(), "{shown}");
        }
    }
    let word = |s: usize, form: &str| parsed[s].1.iter().find(|w| w.form == form).unwrap();
    assert_eq!((word(1, "met").lemma.as_str(), word(1, "met").upos.as_str()), ("meet", "VERB"));
    assert_eq!(word(1, "envoys").lemma, "envoy");
    assert_eq!(word(2, "was").lemma, "be");
    assert_eq!(word(1, "Quellport").upos, "PROPN");
}
