//! Sections the case file and the workbench's entity page share: one minijinja template each
//! (`templates/`), filled from rows built here, so that a section reads the same in both:
//! career, legal status, allegations, meetings and visits, family ties, the chronology, the
//! contradictions and the sources.
//! The two differ only in where links go (`base`: "#" within the case file, "/entity/" in
//! the workbench) and in what a source note points to (the case file's evidence footnote,
//! or the claim's page).
//!
//! Every value reaches the HTML through minijinja's auto-escaping (the templates are `.html`),
//! so document text is escaped here as `escape` escapes it elsewhere.

use fuse::{Assertion, Party, Status};
use serde::Serialize;
use serde_json::Value;

use claims::ClaimType;

/// The shared templates by the names both environments give them.
pub const TEMPLATES: &[(&str, &str)] = &[
    ("sections/legal.html", include_str!("../templates/legal.html")),
    ("sections/allegations.html", include_str!("../templates/allegations.html")),
    ("sections/career.html", include_str!("../templates/career.html")),
    ("sections/moves.html", include_str!("../templates/moves.html")),
    ("sections/family.html", include_str!("../templates/family.html")),
    ("sections/chronology.html", include_str!("../templates/chronology.html")),
    ("sections/contradictions.html", include_str!("../templates/contradictions.html")),
    ("sections/sources.html", include_str!("../templates/sources.html")),
];

/// One assertion as the chronology and the contradictions list show it.
#[derive(Clone, Debug, Serialize)]
pub struct FactRow {
    id: String,
    date: Option<String>,
    kind: &'static str,
    text: String,
    status: &'static str,
    modality: &'static str,
    /// The explanation after its first line (the support, which `sources` gives).
    explanation: Vec<String>,
    /// Explanation lines left out.
    more: usize,
    sources: Sources,
}

/// The row of one assertion, with at most `lines` lines of its explanation.
pub fn fact_row(a: &Assertion, lines: usize, cite: &mut Cite<'_>) -> FactRow {
    let mut explanation: Vec<String> = a.explanation.iter().skip(1).cloned().collect();
    let more = explanation.len().saturating_sub(lines);
    explanation.truncate(lines);
    FactRow {
        id: a.id.clone(),
        date: a.date.clone().or_else(|| a.start.as_ref().map(|b| b.date.clone())),
        kind: a.kind.as_str(),
        text: crate::tables::describe(a),
        status: a.status.as_str(),
        modality: a.modality.as_str(),
        explanation,
        more,
        sources: (cite.sources)(a),
    }
}

/// The chronology: every assertion given, by date (undated last), then kind and id.
pub fn chronology<'a>(assertions: &[&'a Assertion]) -> Vec<&'a Assertion> {
    let date = |a: &Assertion| a.date.clone().or_else(|| a.start.as_ref().map(|b| b.date.clone()));
    let mut out = assertions.to_vec();
    out.sort_by_cached_key(|a| (date(a).is_none(), date(a), a.kind, a.id.clone()));
    out
}

/// The rows of what the sources disagree on: conflicting, refuted and superseded assertions,
/// by date, with every line of their explanation.
pub fn contradiction_rows(assertions: &[&Assertion], cite: &mut Cite<'_>) -> Vec<FactRow> {
    let open: Vec<&Assertion> = assertions
        .iter()
        .copied()
        .filter(|a| matches!(a.status, Status::Conflicting | Status::Refuted | Status::Superseded))
        .collect();
    chronology(&open).into_iter().map(|a| fact_row(a, usize::MAX, cite)).collect()
}

/// One source document as an entity's sources list shows it.
#[derive(Clone, Debug, Serialize)]
pub struct SourceRow {
    name: String,
    href: Option<String>,
    title: Option<String>,
    publisher: Option<String>,
    published: Option<String>,
}

/// The rows of the documents named, with what the case knows of each; `href` gives the
/// link, where the face has one.
pub fn source_rows(
    names: &[&String],
    sources: &std::collections::BTreeMap<String, fuse::Source>,
    href: &dyn Fn(&str) -> Option<String>,
) -> Vec<SourceRow> {
    names
        .iter()
        .map(|name| {
            let s = sources.get(name.as_str());
            SourceRow {
                name: name.to_string(),
                href: href(name),
                title: s.and_then(|s| s.title.clone()),
                publisher: s.and_then(|s| s.publisher.clone()),
                published: s.and_then(|s| s.published.clone()),
            }
        })
        .collect()
}

/// A party, with the id to link to when its page exists.
#[derive(Clone, Debug, Serialize)]
pub struct Link {
    /// The id to link to (none: written as plain text).
    pub id: Option<String>,
    /// Its name.
    pub name: String,
}

/// One source note: where it points, its label, its tooltip.
#[derive(Clone, Debug, Serialize)]
pub struct Note {
    /// The link.
    pub href: String,
    /// What it shows (a footnote number).
    pub label: String,
    /// The tooltip (the evidence sentence), if any.
    pub title: String,
}

/// An assertion's support in words ("3 documents, 1 origin (AFP)") and its notes.
#[derive(Clone, Debug, Serialize)]
pub struct Sources {
    /// The support.
    pub support: String,
    /// The notes.
    pub notes: Vec<Note>,
}

/// One row of the legal status table.
#[derive(Clone, Debug, Serialize)]
pub struct LegalRow {
    measure: String,
    of: Option<Link>,
    authority: Option<Link>,
    date: String,
    detail: String,
    origins: usize,
    status: &'static str,
    sources: Sources,
    /// What the official list of its authority says (sanctions, when lists are imported).
    official: Option<String>,
}

/// One row of the allegations table.
#[derive(Clone, Debug, Serialize)]
pub struct AllegationRow {
    accused: Option<Link>,
    act: String,
    accuser: Option<Link>,
    date: String,
    modality: &'static str,
    status: &'static str,
    sources: Sources,
}

/// How rows name parties and cite sources: whether a party's page exists, and the notes
/// for an assertion.
pub struct Cite<'a> {
    /// Whether an entity id has a page to link to.
    pub linkable: &'a dyn Fn(&str) -> bool,
    /// The source notes of an assertion.
    pub sources: &'a mut dyn FnMut(&Assertion) -> Sources,
}

impl Cite<'_> {
    fn link(&self, p: Party) -> Link {
        Link { id: p.id.filter(|id| (self.linkable)(id)), name: p.name }
    }
}

/// The kinds the legal status table holds.
pub const LEGAL: [ClaimType; 5] = [
    ClaimType::Sanction,
    ClaimType::Warrant,
    ClaimType::Arrest,
    ClaimType::Charge,
    ClaimType::Verdict,
];

/// The assertions of these kinds, by date (undated last), then id: one order for both
/// faces, whatever order their lists come in.
fn by_date<'a>(assertions: &[&'a Assertion], kinds: &[ClaimType]) -> Vec<&'a Assertion> {
    let mut out: Vec<&Assertion> =
        assertions.iter().copied().filter(|a| kinds.contains(&a.kind)).collect();
    out.sort_by(|a, b| (a.date.is_none(), &a.date, &a.id).cmp(&(b.date.is_none(), &b.date, &b.id)));
    out
}

/// The legal status rows of `entity` from its assertions (others are skipped), by date.
pub fn legal_rows(assertions: &[&Assertion], entity: &str, cite: &mut Cite<'_>) -> Vec<LegalRow> {
    by_date(assertions, &LEGAL)
        .into_iter()
        .map(|a| {
            let measure = match a.kind {
                ClaimType::Sanction => "sanctions",
                ClaimType::Warrant => "arrest warrant",
                ClaimType::Charge => "charged",
                ClaimType::Verdict => a.text("outcome").unwrap_or("verdict"),
                _ => "arrest",
            };
            let detail = match a.arguments.get("charges") {
                Some(Value::Array(c)) => {
                    c.iter().filter_map(Value::as_str).collect::<Vec<_>>().join("; ")
                }
                _ => a.text("reason").or(a.text("sentence")).unwrap_or("").to_string(),
            };
            let target = a.party("target").or(a.party("person")).or(a.party("defendant"));
            let of = match target {
                Some(t) if t.id.as_deref() == Some(entity) => None,
                Some(t) => Some(cite.link(t)),
                None => Some(Link { id: None, name: String::new() }),
            };
            LegalRow {
                measure: measure.to_string(),
                of,
                authority: a.party("authority").map(|p| cite.link(p)),
                date: a.date.clone().unwrap_or_default(),
                detail,
                origins: a.origins.len(),
                status: a.status.as_str(),
                sources: (cite.sources)(a),
                official: a.official.clone(),
            }
        })
        .collect()
}

/// The allegation rows of `entity` from its assertions (others are skipped), by date.
pub fn allegation_rows(
    assertions: &[&Assertion],
    entity: &str,
    cite: &mut Cite<'_>,
) -> Vec<AllegationRow> {
    by_date(assertions, &[ClaimType::Allegation])
        .into_iter()
        .map(|a| {
            let accused = a.party("accused");
            AllegationRow {
                accused: match accused {
                    Some(p) if p.id.as_deref() == Some(entity) => None,
                    Some(p) => Some(cite.link(p)),
                    None => Some(Link { id: None, name: String::new() }),
                },
                act: a.text("act").unwrap_or("").to_string(),
                accuser: a.party("accuser").map(|p| cite.link(p)),
                date: a.date.clone().unwrap_or_default(),
                modality: a.modality.as_str(),
                status: a.status.as_str(),
                sources: (cite.sources)(a),
            }
        })
        .collect()
}

/// One post of a career.
#[derive(Clone, Debug, Serialize)]
pub struct CareerRow {
    role: String,
    organization: Option<Link>,
    start: Option<String>,
    end: Option<String>,
    predecessor: Option<Link>,
    successor: Option<Link>,
    status: &'static str,
    /// How the post's dates or status were inferred.
    inferred: Vec<String>,
    sources: Sources,
}

/// The career's posts in order; `sources` gives a post's support and notes.
pub fn career_rows(
    career: &fuse::Career,
    linkable: &dyn Fn(&str) -> bool,
    sources: &mut dyn FnMut(&fuse::Post) -> Sources,
) -> Vec<CareerRow> {
    let link =
        |p: &Party| Link { id: p.id.clone().filter(|id| linkable(id)), name: p.name.clone() };
    let bound = |b: &Option<fuse::Bound>| {
        b.as_ref().map(|b| format!("{} {}", b.qualifier, b.date).trim().to_string())
    };
    career
        .posts
        .iter()
        .map(|p| CareerRow {
            role: p.role.clone(),
            organization: (!p.organization.name.is_empty()).then(|| link(&p.organization)),
            start: bound(&p.start),
            end: bound(&p.end),
            predecessor: p.predecessor.as_ref().map(link),
            successor: p.successor.as_ref().map(link),
            status: p.status.as_str(),
            inferred: p.inferred.clone(),
            sources: sources(p),
        })
        .collect()
}

/// A post's support in words, as [`support`] words an assertion's.
pub fn post_support(p: &fuse::Post) -> String {
    counted(p.documents.len(), &p.origins)
}

/// One meeting or visit of an entity.
#[derive(Clone, Debug, Serialize)]
pub struct MoveRow {
    date: String,
    /// `met`, `visit` or `visit by`.
    what: &'static str,
    /// Who was met, or who visited (the entity itself left out).
    parties: Vec<Link>,
    purpose: Option<String>,
    place: String,
    modality: &'static str,
    status: &'static str,
    sources: Sources,
}

/// The meetings and visits of `entity`, by date (undated last).
pub fn move_rows(assertions: &[&Assertion], entity: &str, cite: &mut Cite<'_>) -> Vec<MoveRow> {
    by_date(assertions, &[ClaimType::Meeting, ClaimType::Visit])
        .into_iter()
        .map(|a| {
            let (what, parties, purpose) = if a.kind == ClaimType::Meeting {
                let others = a
                    .parties("participants")
                    .into_iter()
                    .filter(|p| p.id.as_deref() != Some(entity))
                    .map(|p| cite.link(p))
                    .collect();
                ("met", others, None)
            } else if a.party("person").and_then(|p| p.id).as_deref() == Some(entity) {
                ("visit", vec![], a.text("purpose").map(str::to_string))
            } else {
                let by = a.party("person").map(|p| cite.link(p)).into_iter().collect();
                ("visit by", by, a.text("purpose").map(str::to_string))
            };
            MoveRow {
                date: a.date.clone().unwrap_or_default(),
                what,
                parties,
                purpose,
                place: a.text("place").unwrap_or("").to_string(),
                modality: a.modality.as_str(),
                status: a.status.as_str(),
                sources: (cite.sources)(a),
            }
        })
        .collect()
}

/// One family tie: `person` is `kind` of `other`; the entity itself is named without a link.
#[derive(Clone, Debug, Serialize)]
pub struct FamilyRow {
    person: Link,
    kind: String,
    other: Link,
    status: &'static str,
    sources: Sources,
}

/// The family ties of `entity` (relations it is either side of), by date then id.
pub fn family_rows(assertions: &[&Assertion], entity: &str, cite: &mut Cite<'_>) -> Vec<FamilyRow> {
    by_date(assertions, &[ClaimType::Relation])
        .into_iter()
        .filter_map(|a| {
            let side = |role: &str, cite: &Cite<'_>| {
                a.party(role).map(|p| {
                    if p.id.as_deref() == Some(entity) {
                        Link { id: None, name: p.name }
                    } else {
                        cite.link(p)
                    }
                })
            };
            let person = side("person", cite)?;
            let other = side("other", cite)?;
            Some(FamilyRow {
                person,
                kind: a.text("kind").unwrap_or("relative").to_string(),
                other,
                status: a.status.as_str(),
                sources: (cite.sources)(a),
            })
        })
        .collect()
}

/// How many documents state an assertion and from how many independent origins, named: copies
/// of one story count once ("3 documents, 1 origin (AFP)").
pub fn support(a: &Assertion) -> String {
    counted(a.documents.len(), &a.origins)
}

fn counted(docs: usize, origins: &[String]) -> String {
    let n = origins.len();
    let names = if n <= 3 {
        origins.join(", ")
    } else {
        format!("{} and {} more", origins[..2].join(", "), n - 2)
    };
    format!(
        "{docs} document{}, {n} origin{} ({names})",
        if docs == 1 { "" } else { "s" },
        if n == 1 { "" } else { "s" }
    )
}

/// An environment with the shared templates, as the case file renders them.
pub fn environment() -> minijinja::Environment<'static> {
    let mut env = minijinja::Environment::new();
    for (name, source) in TEMPLATES {
        env.add_template(name, source).expect("the shared templates compile");
    }
    env
}
