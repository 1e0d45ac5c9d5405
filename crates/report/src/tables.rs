//! JSON Lines and CSV: the case as data.
//!
//! | file | one line per | fields |
//! |---|---|---|
//! | `claims.jsonl` | claim | the claims contract (shared/spec/claims.md); `entity_ids` name entities of `entities.jsonl` |
//! | `entities.jsonl` | entity | `id`, `kind` (person, organization, state), `name`, `names`, `country`, `docs`, `mentions` |
//! | `assertions.jsonl` | fact | `id`, `type`, `arguments` (entities as `{id, name}`), `date`, `start`/`end` (`{date, qualifier}`), `status`, `explanation`, `modality`, `claims`, `documents`, `origins`, `related`, `confidence` |
//! | `judgements.jsonl` | judgement | `kind`, `left`, `right`, `verdict` (same, different, unsure), `reason`, `by` (names, evidence, aliasfile, user), `claims` |

use std::fmt::Write as _;

use claims::ClaimType;
use fuse::{Assertion, Case, Party};
use serde_json::Value;

fn jsonl<T: serde::Serialize>(items: impl IntoIterator<Item = T>) -> String {
    let mut out = String::new();
    for item in items {
        // Serialising our own plain structs cannot fail.
        out.push_str(&serde_json::to_string(&item).unwrap_or_default());
        out.push('\n');
    }
    out
}

/// Claims, with `entity_ids` pointing into the entity table.
pub fn claims_jsonl(case: &Case) -> String {
    jsonl(case.claims.iter().enumerate().map(|(i, c)| {
        let mut c = c.clone();
        for (field, v) in c.entity_ids.iter_mut() {
            *v = match v {
                Value::Array(a) => Value::from(
                    (0..a.len()).map(|s| entity_id(case, i, field, s)).collect::<Vec<_>>(),
                ),
                _ => entity_id(case, i, field, 0),
            };
        }
        for field in ["organization", "authority", "accuser"] {
            if !c.entity_ids.contains_key(field) && c.field(field).is_some() {
                let id = entity_id(case, i, field, 0);
                if !id.is_null() {
                    c.entity_ids.insert(field.to_string(), id);
                }
            }
        }
        c
    }))
}

fn entity_id(case: &Case, claim: usize, field: &str, slot: usize) -> Value {
    case.resolution.entity_of(claim, field, slot).map_or(Value::Null, |e| Value::from(e.id.clone()))
}

/// The entity table.
pub fn entities_jsonl(case: &Case) -> String {
    jsonl(&case.resolution.entities)
}

/// The assertions.
pub fn assertions_jsonl(case: &Case) -> String {
    jsonl(&case.assertions)
}

/// Every judgement of the resolution, the user's first.
pub fn judgements_jsonl(case: &Case) -> String {
    jsonl(&case.resolution.judgements)
}

/// A CSV cell made inert for spreadsheets, as OWASP recommends against CSV (formula)
/// injection: a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a
/// leading `'`, so Excel, LibreOffice and Google Sheets show it as text instead of running
/// it as a formula (`=HYPERLINK(...)` in a file name). Every cell of every CSV we write
/// passes here, numeric ones too: ours are counts and ordinals, never negative, so none of
/// them changes (see docs/case-folder.md).
pub fn csv_cell(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// The one CSV writer: a header and rows, every cell through [`csv_cell`].
fn csv_text(header: &[&str], rows: Vec<Vec<String>>) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    // Writing CSV into memory cannot fail.
    let _ = w.write_record(header.iter().map(|h| csv_cell(h)).map(|c| c.into_owned()));
    for r in rows {
        let _ = w.write_record(r.iter().map(|c| csv_cell(c).into_owned()));
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

fn name_of(p: &Option<Party>) -> String {
    p.as_ref().map(|p| p.name.clone()).unwrap_or_default()
}

/// One row per post of each career.
pub fn careers_csv(case: &Case) -> String {
    let mut rows = Vec::new();
    for career in &case.careers {
        for (n, post) in career.posts.iter().enumerate() {
            let bound = |b: &Option<fuse::Bound>| {
                b.as_ref().map_or((String::new(), String::new()), |b| {
                    (b.date.clone(), b.qualifier.clone())
                })
            };
            let (start, start_q) = bound(&post.start);
            let (end, end_q) = bound(&post.end);
            rows.push(vec![
                career.person.id.clone().unwrap_or_default(),
                career.person.name.clone(),
                (n + 1).to_string(),
                post.role.clone(),
                post.role_class.clone(),
                post.organization.id.clone().unwrap_or_default(),
                post.organization.name.clone(),
                start,
                start_q,
                end,
                end_q,
                name_of(&post.predecessor),
                name_of(&post.successor),
                post.status.as_str().to_string(),
                post.documents.join(" "),
                post.assertions.join(" "),
                post.inferred.join("; "),
            ]);
        }
    }
    csv_text(
        &[
            "person_id",
            "person",
            "order",
            "role",
            "role_class",
            "organization_id",
            "organization",
            "start",
            "start_qualifier",
            "end",
            "end_qualifier",
            "predecessor",
            "successor",
            "status",
            "documents",
            "assertions",
            "inferred",
        ],
        rows,
    )
}

/// One row per assertion, with a sentence that says it.
pub fn assertions_csv(case: &Case) -> String {
    let rows = case
        .assertions
        .iter()
        .map(|a| {
            vec![
                a.id.clone(),
                a.kind.as_str().to_string(),
                describe(a),
                a.date.clone().unwrap_or_default(),
                a.start.as_ref().map(|b| format!("{} {}", b.qualifier, b.date)).unwrap_or_default(),
                a.end.as_ref().map(|b| format!("{} {}", b.qualifier, b.date)).unwrap_or_default(),
                a.status.as_str().to_string(),
                a.modality.as_str().to_string(),
                a.origins.len().to_string(),
                a.documents.join(" "),
                a.claims.join(" "),
                a.explanation.join("; "),
            ]
        })
        .collect();
    csv_text(
        &[
            "id",
            "type",
            "statement",
            "date",
            "start",
            "end",
            "status",
            "modality",
            "origins",
            "documents",
            "claims",
            "explanation",
        ],
        rows,
    )
}

/// Each person's posts in order, one career a line: `person` (`{id, name}`) and `posts`
/// (`organization`, `role`, `role_class`, `start`/`end` as `{date, qualifier}`,
/// `predecessor`, `successor`, `status`, `assertions`, `documents`, `origins`, `inferred`).
pub fn careers_jsonl(case: &Case) -> String {
    jsonl(&case.careers)
}

/// The assertion as one plain sentence ("Ana Ruiz: head of National Police").
pub fn describe(a: &Assertion) -> String {
    let p = |f: &str| a.party(f).map(|p| p.name).unwrap_or_default();
    let t = |f: &str| a.text(f).unwrap_or("").to_string();
    let of = |f: &str| a.party(f).map(|p| format!(" of {}", p.name)).unwrap_or_default();
    let mut s = match a.kind {
        ClaimType::Position => format!("{} — {}{}", p("holder"), t("role"), of("organization")),
        ClaimType::Appointment => {
            let mut s = format!("{} appointed {}{}", p("person"), t("role"), of("organization"));
            if a.party("predecessor").is_some() {
                let _ = write!(s, ", succeeding {}", p("predecessor"));
            }
            if a.party("appointed_by").is_some() {
                let _ = write!(s, ", by {}", p("appointed_by"));
            }
            s
        }
        ClaimType::Meeting => {
            let names: Vec<String> =
                a.parties("participants").into_iter().map(|p| p.name).collect();
            let mut s = format!("meeting of {}", names.join(", "));
            if let Some(place) = a.text("place") {
                let _ = write!(s, " in {place}");
            }
            s
        }
        ClaimType::Visit => format!("{} visits {}", p("person"), t("place")),
        ClaimType::Sanction => format!("{} sanctions {}", p("authority"), p("target")),
        ClaimType::Warrant => {
            let mut s = format!("{} arrest warrant for {}", p("authority"), p("target"));
            if let Some(Value::Array(charges)) = a.arguments.get("charges") {
                let c: Vec<&str> = charges.iter().filter_map(Value::as_str).collect();
                let _ = write!(s, " ({})", c.join("; "));
            }
            s
        }
        ClaimType::Arrest => {
            let mut s = format!("{} arrested", p("person"));
            if a.party("authority").is_some() {
                let _ = write!(s, " by {}", p("authority"));
            }
            s
        }
        ClaimType::Allegation => {
            let mut s = format!("{} accused of {}", p("accused"), t("act"));
            if a.party("accuser").is_some() {
                let _ = write!(s, " (by {})", p("accuser"));
            }
            s
        }
        ClaimType::Health => format!("{}: {}", p("person"), t("condition")),
        ClaimType::DeathReport => format!("death of {} reported", p("person")),
        ClaimType::Attribute => format!("{}: {} {}", p("person"), t("key"), t("value")),
        ClaimType::Charge => {
            let mut s = format!("{} charged", p("defendant"));
            if a.party("authority").is_some() {
                let _ = write!(s, " by {}", p("authority"));
            }
            if let Some(Value::Array(charges)) = a.arguments.get("charges") {
                let c: Vec<&str> = charges.iter().filter_map(Value::as_str).collect();
                let _ = write!(s, " with {}", c.join("; "));
            }
            s
        }
        ClaimType::Verdict => {
            let mut s = format!("{} {}", p("defendant"), t("outcome"));
            if a.party("authority").is_some() {
                let _ = write!(s, " by {}", p("authority"));
            }
            if let Some(sentence) = a.text("sentence") {
                let _ = write!(s, ": {sentence}");
            }
            s
        }
        ClaimType::Relation => format!("{} — {} of {}", p("person"), t("kind"), p("other")),
    };
    if let Some(d) = &a.date {
        let _ = write!(s, " ({d})");
    }
    s
}
