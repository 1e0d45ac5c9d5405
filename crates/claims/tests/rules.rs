//! Every example and negative sentence in `rules/en.toml`, read by the real reader (tagger,
//! lexicon, time) and extracted by the real rules: what each example says must be found, and
//! what each negative says must not be.

use claims::{Claim, ClaimType, Input, Rules, extract};
use read::ner::{Tagger, builtin};

/// The syntax model, loaded once for every example.
static ANALYZER: std::sync::LazyLock<read::syntax::Analyzer> =
    std::sync::LazyLock::new(|| read::syntax::builtin().expect("the built-in syntax model loads"));

fn claims_of(tagger: &Tagger, text: &str, published: Option<&str>) -> Vec<Claim> {
    let published = published.map(|p| p.parse::<model::PartialDate>().expect("a date"));
    let reading = read::read_document(tagger, &ANALYZER, text, published);
    let sha = model::Sha256::digest(text.as_bytes()).to_hex();
    extract(&Input {
        doc: "example.txt",
        sha256: &sha,
        text,
        published,
        annotations: &reading.annotations,
        words: &reading.words,
    })
}

/// Whether a claim has the expected value of a field (lists: every expected item, `; `).
fn has(claim: &Claim, field: &str, expected: &str) -> bool {
    match field {
        "modality" => claim.modality.as_str() == expected,
        "attributed_to" => claim.attributed_to.as_deref() == Some(expected),
        "participants" | "charges" => {
            let got = claim.list(field);
            expected.split("; ").all(|e| got.contains(&e))
        }
        _ => claim.field(field) == Some(expected),
    }
}

fn describe(claims: &[Claim]) -> String {
    claims
        .iter()
        .map(|c| {
            let fields: Vec<String> = c
                .fields
                .iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| format!("{k}={v}"))
                .collect();
            format!(
                "    {} [{}] {} ({})",
                c.kind.as_str(),
                c.modality.as_str(),
                fields.join(" "),
                c.rule
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_rule_example_yields_its_claim() {
    let tagger = builtin().expect("the built-in model loads");
    let rules = Rules::english();
    let mut failures = Vec::new();
    let mut examples = 0;
    for rule in &rules.rules {
        let Some(kind) = rule.kind else { continue };
        for ex in &rule.examples {
            examples += 1;
            let found = claims_of(&tagger, &ex.text, ex.published.as_deref());
            let ok =
                found.iter().any(|c| c.kind == kind && ex.expect.iter().all(|(k, v)| has(c, k, v)));
            if !ok {
                failures.push(format!(
                    "{}: {:?}\n  expected {} with {:?}\n  found:\n{}",
                    rule.name,
                    ex.text,
                    kind.as_str(),
                    ex.expect,
                    describe(&found)
                ));
            }
        }
    }
    assert!(examples >= 60, "only {examples} examples");
    assert!(
        failures.is_empty(),
        "{} of {examples} examples failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_claim_type_has_five_examples() {
    let rules = Rules::english();
    for kind in ClaimType::ALL {
        let n: usize =
            rules.rules.iter().filter(|r| r.kind == Some(kind)).map(|r| r.examples.len()).sum();
        assert!(n >= 5, "{} has {n} examples", kind.as_str());
    }
}

#[test]
fn negatives_yield_nothing_or_only_the_modality_given() {
    let tagger = builtin().expect("the built-in model loads");
    let rules = Rules::english();
    let mut failures = Vec::new();
    assert!(rules.negatives.len() >= 8);
    for neg in &rules.negatives {
        let kind = ClaimType::parse(neg.kind.as_deref().expect("a negative names its type"))
            .expect("a known type");
        let found = claims_of(&tagger, &neg.text, neg.published.as_deref());
        let of_kind: Vec<Claim> = found.iter().filter(|c| c.kind == kind).cloned().collect();
        let ok = match neg.expect.get("modality") {
            Some(m) => !of_kind.is_empty() && of_kind.iter().all(|c| c.modality.as_str() == m),
            None => of_kind.is_empty(),
        };
        if !ok {
            failures.push(format!("{:?}\n  found:\n{}", neg.text, describe(&of_kind)));
        }
    }
    assert!(failures.is_empty(), "{} negatives failed:\n{}", failures.len(), failures.join("\n"));
}
