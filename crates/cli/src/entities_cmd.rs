//! `dossier eval entities`: the resolver run on a gold file's names, scored pairwise against
//! labels (which names are one person or body).

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use claims::{Claim, ClaimType, Evidence, Modality};
use eval::entities::{Item, ItemKind, Labels};
use serde_json::Value;

/// Fields of the contract whose value is a body (besides a `target` the resolver reads as one).
const BODY_FIELDS: &[&str] = &["organization", "authority"];

/// Gold lines as claims the resolver takes: the gold's names in place of extracted ones, with
/// no in-document entity ids, so that the resolver alone decides which names are one entity.
fn gold_claims(gold: &[eval::claims::Claim]) -> Vec<Claim> {
    gold.iter()
        .enumerate()
        .filter_map(|(i, g)| {
            let kind = ClaimType::parse(g.get("type")?.as_str()?)?;
            let doc = g.get("doc")?.as_str()?.to_string();
            let fields: BTreeMap<String, Value> = g
                .iter()
                .filter(|(k, _)| {
                    !["doc", "type", "modality", "evidence", "attributed_to"].contains(&k.as_str())
                })
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            Some(Claim {
                id: format!("gold-{i}"),
                doc,
                doc_sha256: String::new(),
                kind,
                fields,
                modality: Modality::Asserted,
                attributed_to: None,
                evidence: Evidence {
                    text: g.get("evidence").and_then(Value::as_str).unwrap_or("").to_string(),
                    start: 0,
                    end: 0,
                },
                confidence: 1.0,
                entity_ids: BTreeMap::new(),
                rule: "gold".into(),
            })
        })
        .collect()
}

/// A name a gold writer glossed ("ICC prosecutors (July 4 filing)") or a description ("several
/// victims") is no name to resolve.
fn is_name(name: &str) -> bool {
    !name.contains('(') && name.chars().next().is_some_and(char::is_uppercase)
}

/// `dossier eval entities --gold FILE --labels FILE`.
pub fn eval_entities(gold: &Path, labels: &Path, verbose: bool) -> anyhow::Result<ExitCode> {
    let read = |p: &Path| {
        std::fs::read_to_string(p)
            .with_context(|| format!("cannot read {}: check the path", p.display()))
    };
    let gold_lines = eval::claims::parse_jsonl(&read(gold)?)
        .map_err(|e| anyhow::anyhow!("{}: {e}: fix the file", gold.display()))?;
    let labels = Labels::parse(&read(labels)?)
        .map_err(|e| anyhow::anyhow!("{}: {e}: fix the file", labels.display()))?;
    let claims = gold_claims(&gold_lines);
    let res = resolve::resolve(&claims, &[]);
    let mut items: BTreeMap<(String, String, ItemKind), Option<String>> = BTreeMap::new();
    for (i, c) in claims.iter().enumerate() {
        for &field in resolve::PERSON_FIELDS.iter().chain(BODY_FIELDS) {
            for (slot, name) in c.list(field).into_iter().enumerate() {
                if !is_name(name) {
                    continue;
                }
                let entity = res.entity_of(i, field, slot);
                let kind = match (field, entity.map(|e| e.kind)) {
                    (_, Some(resolve::EntityKind::Person)) => ItemKind::Person,
                    (_, Some(_)) => ItemKind::Body,
                    ("target", None) => continue,
                    (f, None) if BODY_FIELDS.contains(&f) => ItemKind::Body,
                    _ => ItemKind::Person,
                };
                items
                    .entry((c.doc.clone(), name.to_string(), kind))
                    .or_insert_with(|| entity.map(|e| e.id.clone()));
            }
        }
    }
    let items: Vec<Item> = items
        .into_iter()
        .map(|((doc, name, kind), system)| Item { doc, name, kind, system })
        .collect();
    let scores = eval::entities::score(&items, &labels);
    let mut out = std::io::stdout().lock();
    writeln!(out, "kind      items resolved    tp    fp    fn     P     R     F1")?;
    for (kind, c) in &scores.by_kind {
        writeln!(
            out,
            "{:<8} {:>6} {:>8} {:>5} {:>5} {:>5} {:>5.3} {:>5.3} {:>6.3}",
            kind.as_str(),
            c.items,
            c.resolved,
            c.tp,
            c.fp,
            c.fn_,
            c.precision(),
            c.recall(),
            c.f1()
        )?;
    }
    if verbose {
        for e in &scores.errors {
            writeln!(
                out,
                "{} {}: {:?} ({}) / {:?} ({})",
                e.what,
                e.kind.as_str(),
                e.left.1,
                e.left.0,
                e.right.1,
                e.right.0
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
