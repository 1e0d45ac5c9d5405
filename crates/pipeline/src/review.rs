//! The investigator's decisions on claims, as pure functions: what an audit entry records,
//! how decisions apply to the machine's claims, and how replaying the log gives them back.
//!
//! A decision is keyed by the claim's id (a hash of document, type, evidence span and key
//! arguments), so it survives re-reading and re-extraction; an edited claim keeps its id and
//! evidence, only its fields, modality or attribution change.

use std::collections::BTreeMap;

use claims::{Claim, Modality};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use store::{AuditEntry, Review};

use crate::Error;

/// A decision on a claim as the audit log records it in `after` (and the previous one in
/// `before`).
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize)]
pub struct Decision {
    /// `accepted`, `rejected` or `edited`.
    pub decision: String,
    /// The claim as the reviewer left it, when it differs from the machine's.
    pub claim: Option<Claim>,
}

/// A judgement on two names as the audit log records it in `after`.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct Judged {
    /// One name.
    pub left: String,
    /// The other.
    pub right: String,
    /// `same` or `different`.
    pub verdict: String,
}

/// What the audit log says the review state is: the decision on each claim and the
/// judgements, in order, and the claims added by hand.
#[derive(Clone, PartialEq, Debug, Default)]
pub struct ReviewState {
    /// Claim id → decision.
    pub decisions: BTreeMap<String, Decision>,
    /// The judgements, oldest first.
    pub judgements: Vec<Judged>,
    /// Claims added by hand, by id.
    pub added: BTreeMap<String, Claim>,
}

/// The review state that replaying `log` gives: each claim action sets its claim's
/// decision, each merge, split or alias adds a judgement (replacing an earlier one on the same two
/// names), each `unjudge` takes one back, each `add` adds a claim; notes change nothing.
pub fn replay(log: &[AuditEntry]) -> Result<ReviewState, Error> {
    let mut state = ReviewState::default();
    for entry in log {
        let after = || -> Result<&str, Error> {
            entry.after.as_deref().ok_or_else(|| {
                Error::Model(format!("audit entry {} has no state after it", entry.seq))
            })
        };
        let parse_err =
            |e: serde_json::Error| Error::Model(format!("audit entry {}: {e}", entry.seq));
        match entry.action.as_str() {
            "accept" | "reject" | "edit" => {
                let decision: Decision = serde_json::from_str(after()?).map_err(parse_err)?;
                state.decisions.insert(entry.target.clone(), decision);
            }
            "merge" | "split" | "alias" => {
                let judged: Judged = serde_json::from_str(after()?).map_err(parse_err)?;
                // A later judgement on the same two names replaces the earlier one.
                state.judgements.retain(|j| {
                    !((j.left == judged.left && j.right == judged.right)
                        || (j.left == judged.right && j.right == judged.left))
                });
                state.judgements.push(judged);
            }
            "unjudge" => {
                let before = entry.before.as_deref().ok_or_else(|| {
                    Error::Model(format!("audit entry {} has no judgement before it", entry.seq))
                })?;
                let judged: Judged = serde_json::from_str(before).map_err(parse_err)?;
                state.judgements.retain(|j| *j != judged);
            }
            "add" => {
                let claim: Claim = serde_json::from_str(after()?).map_err(parse_err)?;
                state.added.insert(entry.target.clone(), claim);
            }
            _ => {}
        }
    }
    Ok(state)
}

/// The decisions the store holds, as [`replay`] gives them.
pub fn decisions(reviews: &[Review]) -> Result<BTreeMap<String, Decision>, Error> {
    reviews
        .iter()
        .map(|r| {
            let claim = match &r.claim {
                Some(json) => Some(serde_json::from_str(json).map_err(|e| {
                    Error::Model(format!("the review of claim {} does not parse: {e}", r.claim_id))
                })?),
                None => None,
            };
            Ok((r.claim_id.clone(), Decision { decision: r.decision.clone(), claim }))
        })
        .collect()
}

/// The claims the case is built from: a rejected claim is dropped, an edited one replaced by
/// the reviewer's version; the rest stay as the machine made them, in order.
pub fn apply(machine: Vec<Claim>, decisions: &BTreeMap<String, Decision>) -> Vec<Claim> {
    machine
        .into_iter()
        .filter_map(|claim| {
            let decision = decisions.get(&claim.id);
            applied(claim, decision)
        })
        .collect()
}

/// One claim as the case has it under a decision: none when rejected, the edit when
/// edited, else the claim.
pub fn applied(claim: Claim, decision: Option<&Decision>) -> Option<Claim> {
    match decision {
        Some(d) if d.decision == "rejected" => None,
        Some(Decision { claim: Some(edited), .. }) => Some(edited.clone()),
        _ => Some(claim),
    }
}

/// The claim with the reviewer's changes: `modality` and `attributed_to` by those names, any
/// other key a field of the claim's type (a list field takes values separated by `;`); an
/// empty value clears a field. Changing nothing is an error, as is an unknown field.
pub fn edit(claim: &Claim, changes: &BTreeMap<String, String>) -> Result<Claim, Error> {
    let mut out = claim.clone();
    for (key, value) in changes {
        let value = value.trim();
        match key.as_str() {
            "modality" => {
                out.modality = parse_modality(value).ok_or_else(|| {
                    Error::Invalid(format!(
                        "modality {value:?} is not one of asserted, reported, alleged, rumored, uncertain, denied"
                    ))
                })?;
            }
            "attributed_to" => {
                out.attributed_to = (!value.is_empty()).then(|| value.to_string());
            }
            field => {
                let Some(old) = out.fields.get(field) else {
                    return Err(Error::Invalid(format!(
                        "a {} claim has no field {field:?}: edit one of {}",
                        claim.kind.as_str(),
                        editable_fields(claim).join(", ")
                    )));
                };
                let new = if value.is_empty() {
                    Value::Null
                } else if old.is_array() {
                    Value::Array(
                        value
                            .split(';')
                            .map(str::trim)
                            .filter(|v| !v.is_empty())
                            .map(|v| Value::String(v.to_string()))
                            .collect(),
                    )
                } else {
                    Value::String(value.to_string())
                };
                out.fields.insert(field.to_string(), new);
            }
        }
    }
    if out == *claim {
        return Err(Error::Invalid(format!("the edit changes nothing in claim {}", claim.id)));
    }
    Ok(out)
}

/// The keys [`edit`] takes for this claim, in the form's order.
pub fn editable_fields(claim: &Claim) -> Vec<String> {
    let mut out: Vec<String> = claim.fields.keys().cloned().collect();
    out.push("modality".into());
    out.push("attributed_to".into());
    out
}

/// A field's value as a form shows it: lists joined by "; ", null as empty.
pub fn field_text(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(items) => {
            items.iter().map(field_text).filter(|s| !s.is_empty()).collect::<Vec<_>>().join("; ")
        }
        other => other.to_string(),
    }
}

fn parse_modality(s: &str) -> Option<Modality> {
    serde_json::from_value(Value::String(s.to_ascii_lowercase())).ok()
}
