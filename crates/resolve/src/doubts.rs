//! Names the claims stage marked as incomplete: a person named once in a document, by a title
//! and one word, who may be the story's other one-word person (`may_be` on the claim; see
//! `claims::coref`). Nothing joins them: each pair becomes an unsure judgement, so that the
//! review table shows it and a reviewer decides with `dossier merge` or `dossier split`.

use std::collections::BTreeMap;

use claims::Claim;
use serde_json::Value;

use crate::{EntityKind, JudgedBy, Judgement, Verdict};

/// One unsure judgement for each (document, name, maybe) the claims mark, with the claims
/// that carry the mark.
pub(crate) fn judgements(claims: &[Claim]) -> Vec<Judgement> {
    let mut pairs: BTreeMap<(&str, String, String), Vec<String>> = BTreeMap::new();
    for c in claims {
        let Some(Value::Object(may_be)) = c.fields.get("may_be") else {
            continue;
        };
        for (field, other) in may_be {
            let (Some(name), Some(other)) = (c.field(field), other.as_str()) else {
                continue;
            };
            let ids =
                pairs.entry((c.doc.as_str(), name.to_string(), other.to_string())).or_default();
            if !ids.contains(&c.id) {
                ids.push(c.id.clone());
            }
        }
    }
    pairs
        .into_iter()
        .map(|((doc, name, other), claims)| Judgement {
            kind: EntityKind::Person,
            reason: format!(
                "{doc} names {name} once, by a title and one word, and {other} by one word \
                 only: one person whose name the text cut in two, or two people"
            ),
            left: name,
            right: other,
            verdict: Verdict::Unsure,
            by: JudgedBy::Names,
            claims,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(v: serde_json::Value) -> Claim {
        serde_json::from_value(v).unwrap()
    }

    #[test]
    fn a_name_marked_as_maybe_another_is_an_unsure_judgement_with_its_claims() {
        let base = |id: &str, field: &str, may_be: Option<&str>| {
            let mut v = serde_json::json!({
                "id": id, "doc": "d1.txt", "doc_sha256": "ab", "type": "charge",
                "defendant": "Kasimir", "charges": [], "modality": "asserted",
                "attributed_to": null, "evidence": {"text": "x", "start": 0, "end": 1},
                "confidence": 0.4, "entity_ids": {}, "rule": "r"
            });
            if let Some(m) = may_be {
                v["may_be"] = serde_json::json!({ field: m });
            }
            claim(v)
        };
        let claims = vec![
            base("c1", "defendant", Some("Holl")),
            base("c2", "defendant", Some("Holl")),
            base("c3", "defendant", None),
        ];
        let j = judgements(&claims);
        assert_eq!(j.len(), 1);
        assert_eq!((j[0].left.as_str(), j[0].right.as_str()), ("Kasimir", "Holl"));
        assert_eq!(j[0].verdict, Verdict::Unsure);
        assert_eq!(j[0].claims, ["c1", "c2"]);
        assert!(j[0].reason.contains("d1.txt"), "{}", j[0].reason);
    }
}
