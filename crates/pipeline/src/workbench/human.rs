//! What an investigator adds or takes back by hand: a claim read from a span of a document
//! they selected, and a judgement withdrawn (`dossier judgements --remove`). Both go
//! through the audit log like every other review action.

use std::collections::BTreeMap;

use claims::{Claim, ClaimType, Evidence};
use serde_json::Value;
use store::Effect;

use super::{Workbench, entry, parse_claim};
use crate::Error;
use crate::case::Reach;
use crate::review::Judged;

/// The rule name human claims carry, so that every list can tell them from the machine's.
pub const HUMAN_RULE: &str = "human";

/// The fields that hold lists (values separated by `;` in a form).
const LIST_FIELDS: [&str; 2] = ["participants", "charges"];

/// A claim as the investigator gives it: the document, the evidence (a byte span of the
/// document's text, or its words to find there), the type and the fields.
#[derive(Clone, Debug, Default)]
pub struct NewClaim {
    /// The document's id.
    pub document: i64,
    /// Byte offsets of the evidence in the document's text, when the page's script read
    /// them from the selection.
    pub span: Option<(usize, usize)>,
    /// The evidence's words, as selected or pasted: found in the text when there is no
    /// span, and checked against the span when there is.
    pub quote: String,
    /// The claim type.
    pub kind: String,
    /// Field → value (lists separated by `;`); a field left out or empty is unknown.
    pub fields: BTreeMap<String, String>,
    /// The modality; empty is `asserted`.
    pub modality: String,
    /// The source the document cites for it, if any.
    pub attributed_to: String,
}

/// Whitespace folded, for comparing a selection with the text it came from.
fn folded(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Workbench {
    /// Adds a claim by hand, as the audit log's `add` entry; returns its id. The claim is in
    /// the case at once and is reviewed like any other.
    pub fn add_claim(&mut self, new: &NewClaim, who: &str, why: &str) -> Result<String, Error> {
        let Some(doc) = self.store.document(new.document)? else {
            return Err(Error::NotFound(format!("no document {} in the case", new.document)));
        };
        let text = self.store.detail(&doc)?.text;
        let quote = folded(&new.quote);
        let fits = |s: usize, e: usize| {
            s < e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e)
        };
        let (start, end) = match new.span {
            Some((s, e)) if fits(s, e) && (quote.is_empty() || folded(&text[s..e]) == quote) => {
                (s, e)
            }
            _ if !new.quote.trim().is_empty() => {
                let q = new.quote.trim();
                let at = text.find(q).ok_or_else(|| {
                    Error::Invalid(format!(
                        "the evidence \"{q}\" is not in {}: select it in the document's text",
                        doc.name
                    ))
                })?;
                (at, at + q.len())
            }
            _ => {
                return Err(Error::Invalid(
                    "no evidence: select the sentence in the document's text first".into(),
                ));
            }
        };
        let kind = ClaimType::parse(new.kind.trim()).ok_or_else(|| {
            Error::Invalid(format!(
                "type {:?} is not a claim type: one of {}",
                new.kind,
                ClaimType::ALL.map(|t| t.as_str()).join(", ")
            ))
        })?;
        let expected = kind.fields();
        if let Some(unknown) = new.fields.keys().find(|k| !expected.contains(&k.as_str())) {
            return Err(Error::Invalid(format!(
                "a {} claim has no field {unknown:?}: give {}",
                kind.as_str(),
                expected.join(", ")
            )));
        }
        let fields: BTreeMap<String, Value> = expected
            .iter()
            .map(|&f| {
                let v = new.fields.get(f).map_or("", |v| v.trim());
                let value = if v.is_empty() {
                    Value::Null
                } else if LIST_FIELDS.contains(&f) {
                    v.split(';')
                        .map(str::trim)
                        .filter(|x| !x.is_empty())
                        .map(|x| Value::String(x.into()))
                        .collect()
                } else {
                    Value::String(v.into())
                };
                (f.to_string(), value)
            })
            .collect();
        if fields.values().all(Value::is_null) {
            return Err(Error::Invalid(format!(
                "the claim says nothing: fill in at least one of {}",
                expected.join(", ")
            )));
        }
        let modality = match new.modality.trim() {
            "" => claims::Modality::Asserted,
            m => serde_json::from_value(Value::String(m.to_ascii_lowercase())).map_err(|_| {
                Error::Invalid(format!(
                    "modality {m:?} is not one of asserted, reported, alleged, rumored, uncertain, denied"
                ))
            })?,
        };
        let sha = doc.sha256.to_hex();
        let key = format!(
            "{HUMAN_RULE}\u{0}{sha}\u{0}{}\u{0}{start}\u{0}{end}\u{0}{}",
            kind.as_str(),
            serde_json::to_string(&fields).expect("values serialise")
        );
        let id = model::Sha256::digest(key.as_bytes()).to_hex()[..16].to_string();
        if self.store.is_added(&id)? || self.store.claim(&id)?.is_some() {
            return Err(Error::Invalid(format!(
                "that claim is in the case already (claim {id}): edit it there"
            )));
        }
        let attributed = new.attributed_to.trim();
        let claim = Claim {
            id: id.clone(),
            doc: doc.name.clone(),
            doc_sha256: sha.clone(),
            kind,
            fields,
            modality,
            attributed_to: (!attributed.is_empty()).then(|| attributed.to_string()),
            evidence: Evidence { text: text[start..end].to_string(), start, end },
            confidence: 1.0,
            entity_ids: BTreeMap::new(),
            rule: HUMAN_RULE.into(),
        };
        let json = serde_json::to_string(&claim).expect("a claim serialises");
        debug_assert_eq!(parse_claim(&json).ok().as_ref(), Some(&claim));
        let entry = entry(who, "add", "claim", &id, None, Some(json.clone()), why);
        let effect = Effect::Add { claim_id: id.clone(), doc_sha256: sha, claim: json };
        self.store.log_action(&entry, &effect)?;
        self.changed();
        Ok(id)
    }

    /// Takes back the user's judgement with this id (a merge or split), as the audit log's
    /// `unjudge` entry; returns the judgement taken back.
    pub fn unjudge(&mut self, id: i64, who: &str, why: &str) -> Result<Judged, Error> {
        let Some(j) = self.store.judgements()?.into_iter().find(|j| j.id == id) else {
            return Err(Error::NotFound(format!(
                "no judgement {id}: `dossier judgements` lists them"
            )));
        };
        let judged = Judged { left: j.left, right: j.right, verdict: j.verdict };
        let before = serde_json::to_string(&judged).expect("plain strings serialise");
        let target = format!("{} | {}", judged.left, judged.right);
        let entry = entry(who, "unjudge", "entity", &target, Some(before), None, why);
        self.store.log_action(&entry, &Effect::Unjudge { id })?;
        self.changed_by(|inputs, store| inputs.judged(store).map(|()| Reach::Everything));
        Ok(judged)
    }
}
