//! `index.html`: the case file, one self-contained page (inline CSS and SVG, no script, no
//! external request) that opens from disk and prints.
//!
//! A section per person (summary, career, timeline, legal status, allegations, meetings and
//! visits, network, chronology, contradictions and open questions, sources) and per
//! organisation, then the
//! judgements to review, the sources with their SHA-256, and the evidence: every statement
//! carries footnotes to the sentences it rests on.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;

use claims::ClaimType;
use fuse::{Assertion, Bound, Career, Case, Party, Status};
use resolve::{EntityKind, JudgedBy, Verdict};

use crate::escape;
use crate::sections::support;
use crate::tables::describe;

const STYLE: &str = r#"
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d232a;background:#fafafa}
main{max-width:1100px;margin:0 auto;padding:1em 2em 4em;background:#fff}
h1{font-size:1.7em;margin:.4em 0}h2{border-bottom:2px solid #2a4d69;padding-bottom:.2em;margin-top:2.2em}
h3{margin:1.4em 0 .4em;color:#2a4d69}
table{border-collapse:collapse;width:100%;margin:.4em 0 1em}th,td{border:1px solid #d6dbe0;padding:.3em .5em;text-align:left;vertical-align:top}
th{background:#eef2f5;font-weight:600}
.status{display:inline-block;padding:0 .45em;border-radius:.6em;font-size:.82em;white-space:nowrap;border:1px solid}
.corroborated{color:#1e6b34;border-color:#1e6b34;background:#e9f6ec}.single-source{color:#555;border-color:#999}
.conflicting{color:#9a3b00;border-color:#c75000;background:#fff1e6}.refuted{color:#8b0000;border-color:#8b0000;background:#fdeaea}
.superseded{color:#4b3a8f;border-color:#4b3a8f;background:#f0edfb}
sup a{text-decoration:none;color:#2a4d69}.muted{color:#667}.small{font-size:.85em}
nav ul{columns:3;list-style:none;padding:0}nav li{margin:.1em 0}
.evidence li{margin:.35em 0}.evidence q{font-style:italic}
code{word-break:break-all}
svg{max-width:100%;height:auto;background:#fcfcfd;border:1px solid #e3e7ea}
.explain{margin:.2em 0 .8em 1em;color:#444}
nav.parts{margin:.5em 0 1em}
h2,h3{break-after:avoid;page-break-after:avoid}
tr,li,.explain,svg{break-inside:avoid;page-break-inside:avoid}
section{break-before:auto}
@page{margin:18mm 15mm 20mm;@bottom-right{content:"page " counter(page) " of " counter(pages);font:10px system-ui,sans-serif;color:#667}}
@media print{nav.parts{display:none}nav ul{columns:2}main{max-width:none;padding:0}a{color:inherit;text-decoration:none}section{break-before:page}}
"#;

/// Numbers each claim once, in the order the page first cites it.
struct Notes<'a> {
    case: &'a Case,
    index: HashMap<&'a str, usize>,
    order: Vec<usize>,
    number: HashMap<usize, usize>,
}

impl<'a> Notes<'a> {
    fn new(case: &'a Case) -> Notes<'a> {
        let index = case.claims.iter().enumerate().map(|(i, c)| (c.id.as_str(), i)).collect();
        Notes { case, index, order: Vec::new(), number: HashMap::new() }
    }

    /// Forgets the notes numbered after the first `len`, as if never cited.
    fn truncate(&mut self, len: usize) {
        for i in self.order.drain(len..) {
            self.number.remove(&i);
        }
    }

    /// Footnote marks for a list of claim ids.
    fn marks(&mut self, ids: &[String]) -> String {
        let mut out = String::new();
        for id in ids {
            let Some(&i) = self.index.get(id.as_str()) else { continue };
            let next = self.order.len() + 1;
            let n = *self.number.entry(i).or_insert_with(|| {
                self.order.push(i);
                next
            });
            let _ = write!(
                out,
                "<sup><a href=\"#e{n}\" title=\"{}\">[{n}]</a></sup>",
                escape(&self.case.claims[i].evidence.text)
            );
        }
        out
    }

    /// An assertion's support and footnotes as the shared section templates take them.
    fn sources(&mut self, a: &Assertion) -> crate::sections::Sources {
        crate::sections::Sources { support: support(a), notes: self.notes(&a.claims) }
    }

    /// Footnotes for a list of claim ids, as the shared section templates take them.
    fn notes(&mut self, ids: &[String]) -> Vec<crate::sections::Note> {
        let mut notes = Vec::new();
        for id in ids {
            let Some(&i) = self.index.get(id.as_str()) else { continue };
            let next = self.order.len() + 1;
            let n = *self.number.entry(i).or_insert_with(|| {
                self.order.push(i);
                next
            });
            notes.push(crate::sections::Note {
                href: format!("#e{n}"),
                label: n.to_string(),
                title: self.case.claims[i].evidence.text.clone(),
            });
        }
        notes
    }

    /// An assertion's support in words ("3 documents, 1 origin (AFP)"), then its footnotes.
    fn claims_of(&mut self, a: &Assertion) -> String {
        format!(
            "<span class=\"small muted\">{}</span> {}",
            escape(&support(a)),
            self.marks(&a.claims)
        )
    }
}

/// Assertions by the entities they involve and by id, built once per page.
struct Index<'a> {
    by_entity: HashMap<&'a str, Vec<&'a Assertion>>,
    by_id: HashMap<&'a str, &'a Assertion>,
    posts_by_body: HashMap<&'a str, Vec<(&'a Career, &'a fuse::Post)>>,
    official: &'a BTreeMap<String, Vec<fuse::official::Fact>>,
    /// Each source's row number in the sources table (`#sN`).
    source_row: HashMap<&'a str, usize>,
    /// The documents that name each person, as the reader found them: a person is named in
    /// documents whose claims never name them.
    named_in: HashMap<&'a str, Vec<&'a str>>,
}

impl<'a> Index<'a> {
    fn new(case: &'a Case) -> Index<'a> {
        let mut by_entity: HashMap<&'a str, Vec<&'a Assertion>> = HashMap::new();
        for a in &case.assertions {
            for id in a.entity_ids() {
                by_entity.entry(id).or_default().push(a);
            }
        }
        let by_id = case.assertions.iter().map(|a| (a.id.as_str(), a)).collect();
        let mut posts_by_body: HashMap<&'a str, Vec<(&'a Career, &'a fuse::Post)>> = HashMap::new();
        for c in &case.careers {
            for p in &c.posts {
                if let Some(id) = p.organization.id.as_deref() {
                    posts_by_body.entry(id).or_default().push((c, p));
                }
            }
        }
        let source_row =
            case.sources.keys().enumerate().map(|(n, k)| (k.as_str(), n + 1)).collect();
        let mut named_in: HashMap<&'a str, Vec<&'a str>> = HashMap::new();
        for (doc, source) in &case.sources {
            for name in &source.names {
                named_in.entry(name.as_str()).or_default().push(doc.as_str());
            }
        }
        Index { by_entity, by_id, posts_by_body, official: &case.official, source_row, named_in }
    }

    /// How many documents name an entity: those whose claims name it, and, for a person,
    /// those whose reader found one of its full names (a lone surname may be another's).
    fn documents_naming(&self, e: &resolve::Entity) -> usize {
        let mut docs: BTreeSet<&str> = e.docs.iter().map(String::as_str).collect();
        if e.kind == resolve::EntityKind::Person {
            for name in e.names.iter().filter(|n| n.split_whitespace().count() >= 2) {
                docs.extend(self.named_in.get(name.as_str()).into_iter().flatten().copied());
            }
        }
        docs.len()
    }

    fn posts_in(&self, body: &str) -> &[(&'a Career, &'a fuse::Post)] {
        self.posts_by_body.get(body).map_or(&[], Vec::as_slice)
    }

    fn of(&self, id: &str) -> &[&'a Assertion] {
        self.by_entity.get(id).map_or(&[], Vec::as_slice)
    }

    /// The claims behind a list of assertions.
    fn claims_of(&self, assertions: &[String]) -> Vec<String> {
        assertions
            .iter()
            .filter_map(|id| self.by_id.get(id.as_str()))
            .flat_map(|a| a.claims.iter().cloned())
            .collect()
    }
}

fn status(s: Status) -> String {
    format!("<span class=\"status {0}\">{0}</span>", s.as_str())
}

fn bound(b: &Option<Bound>) -> String {
    b.as_ref().map_or("<span class=\"muted\">unknown</span>".into(), |b| {
        format!("{} {}", escape(&b.qualifier), escape(&b.date))
    })
}

fn link(p: &Party, pages: &BTreeSet<String>) -> String {
    match &p.id {
        Some(id) if pages.contains(id) => {
            format!("<a href=\"#{}\">{}</a>", escape(id), escape(&p.name))
        }
        _ => escape(&p.name),
    }
}

/// The case file.
pub fn case_file(case: &Case) -> String {
    let mut notes = Notes::new(case);
    let ix = Index::new(case);
    let sections = crate::sections::environment();
    let persons: Vec<&resolve::Entity> = case
        .resolution
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person && !ix.of(&e.id).is_empty())
        .collect();
    let orgs: Vec<&resolve::Entity> = case
        .resolution
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Organization && !ix.of(&e.id).is_empty())
        .collect();
    let pages: BTreeSet<String> = persons.iter().chain(&orgs).map(|e| e.id.clone()).collect();
    let careers: HashMap<&str, &Career> =
        case.careers.iter().filter_map(|c| Some((c.person.id.as_deref()?, c))).collect();

    let mut body = String::new();
    let _ = write!(
        body,
        "<h1>Case file</h1><p class=\"muted\">{} Every statement is footnoted to the sentence it rests on; document text is shown as written.</p>",
        case_counts(case)
    );
    body.push_str("<nav><h2>Contents</h2><h3>People</h3><ul>");
    for e in &persons {
        let _ = write!(body, "<li><a href=\"#{}\">{}</a></li>", escape(&e.id), escape(&e.name));
    }
    body.push_str("</ul><h3>Organisations</h3><ul>");
    for e in &orgs {
        let _ = write!(body, "<li><a href=\"#{}\">{}</a></li>", escape(&e.id), escape(&e.name));
    }
    body.push_str("</ul><p><a href=\"#review\">Entity judgements to review</a> · <a href=\"#sources\">Sources</a> · <a href=\"#evidence\">Evidence</a></p></nav>");

    for e in &persons {
        person_section(
            &sections,
            &mut body,
            &ix,
            e,
            careers.get(e.id.as_str()).copied(),
            &pages,
            &mut notes,
        );
    }
    for e in &orgs {
        org_section(&sections, &mut body, case, &ix, e, &pages, &mut notes);
    }
    review_section(&mut body, case, &mut notes);
    sources_section(&mut body, case);
    evidence_section(&mut body, case, &notes);
    page("Case file", &body)
}

/// Entity sections past which the case file is split: an index with the contents and the
/// judgements to review, `sources.html`, and parts of at most this many sections each, every
/// part with the evidence its own footnotes cite (so a part reads and prints on its own).
pub const PART_SECTIONS: usize = 100;

/// The size in bytes past which a part is closed (and past which a case file of few sections
/// is split too): the most-mentioned entities come first and a hundred of them ran to 12 MB
/// at 10,000 documents, more than a browser opens or prints comfortably. A part is never cut
/// inside a section, so a part of one section may pass it.
pub const PART_BYTES: usize = 2_000_000;

/// The name of the case file's part `n` (from 1).
pub fn part_name(n: usize) -> String {
    format!("part-{n:03}.html")
}

/// Whether a file name is one of a split case file's (`sources.html`, `part-NNN.html`).
pub fn is_part_name(name: &str) -> bool {
    name == "sources.html"
        || name
            .strip_prefix("part-")
            .and_then(|n| n.strip_suffix(".html"))
            .is_some_and(|n| n.len() >= 3 && n.bytes().all(|b| b.is_ascii_digit()))
}

/// The case file as files: `index.html` alone (as [`case_file`]) up to [`PART_SECTIONS`]
/// entity sections and [`PART_BYTES`], else the index, the parts and the sources, linked to
/// each other.
pub fn case_files(case: &Case) -> Vec<(String, String)> {
    split_case_files(case, PART_SECTIONS, PART_BYTES)
}

/// One part of a split case file while it is filled: its sections, their HTML, their notes.
struct Part<'a> {
    entities: Vec<&'a resolve::Entity>,
    body: String,
    notes: Notes<'a>,
    /// Bytes of the evidence list the notes so far will need.
    evidence: usize,
    /// Links that [`relink`] may lengthen by a file name.
    links: usize,
}

/// [`case_files`] with its limits as arguments, so that tests can reach them with small cases.
pub(crate) fn split_case_files(
    case: &Case,
    max_sections: usize,
    max_bytes: usize,
) -> Vec<(String, String)> {
    let ix = Index::new(case);
    let sections = crate::sections::environment();
    let with_section = |kind: EntityKind| -> Vec<&resolve::Entity> {
        case.resolution
            .entities
            .iter()
            .filter(|e| e.kind == kind && !ix.of(&e.id).is_empty())
            .collect()
    };
    let persons = with_section(EntityKind::Person);
    let orgs = with_section(EntityKind::Organization);
    if persons.len() + orgs.len() <= max_sections {
        let whole = case_file(case);
        if whole.len() <= max_bytes {
            return vec![("index.html".into(), whole)];
        }
    }
    let pages: BTreeSet<String> = persons.iter().chain(&orgs).map(|e| e.id.clone()).collect();
    let careers: HashMap<&str, &Career> =
        case.careers.iter().filter_map(|c| Some((c.person.id.as_deref()?, c))).collect();
    let source_number = source_numbers(case);
    let all: Vec<&resolve::Entity> = persons.iter().chain(&orgs).copied().collect();

    // Fill parts in order, closing one when another section would take it past a limit. What
    // a part's file will hold besides its sections is counted up front: the page around it
    // (the style), the navigation, the evidence its notes cite, and the file name that
    // `relink` may put before each `#` link (at most `part-NNNN.html`).
    let frame = page("Case file, part 9999 of 9999", "").len()
        + 400
        + "<section id=\"evidence\"><h2>Evidence</h2><ol class=\"evidence small\"></ol></section>"
            .len();
    const LINK_GROWTH: usize = "part-NNNN.html".len();
    let size = |p: &Part<'_>| frame + p.body.len() + p.evidence + p.links * LINK_GROWTH;
    let fresh = || Part {
        entities: Vec::new(),
        body: String::new(),
        notes: Notes::new(case),
        evidence: 0,
        links: 0,
    };
    let render = |p: &mut Part<'_>, e: &resolve::Entity| {
        let (body_at, notes_at) = (p.body.len(), p.notes.order.len());
        if e.kind == EntityKind::Person {
            let career = careers.get(e.id.as_str()).copied();
            person_section(&sections, &mut p.body, &ix, e, career, &pages, &mut p.notes);
        } else {
            org_section(&sections, &mut p.body, case, &ix, e, &pages, &mut p.notes);
        }
        let mut item = String::new();
        for (n, &i) in p.notes.order.iter().enumerate().skip(notes_at) {
            item.clear();
            evidence_item(&mut item, case, &source_number, n + 1, i);
            p.evidence += item.len();
            p.links += item.matches("href=\"#").count();
        }
        p.links += p.body[body_at..].matches("href=\"#").count();
        (body_at, notes_at)
    };
    let mut parts: Vec<Part<'_>> = Vec::new();
    let mut part = fresh();
    for &e in &all {
        let (evidence, links) = (part.evidence, part.links);
        let (body_at, notes_at) = render(&mut part, e);
        if !part.entities.is_empty()
            && (part.entities.len() >= max_sections || size(&part) > max_bytes)
        {
            // Take the section back out and start the next part with it: its notes are
            // numbered again there, from 1.
            part.body.truncate(body_at);
            part.notes.truncate(notes_at);
            (part.evidence, part.links) = (evidence, links);
            parts.push(std::mem::replace(&mut part, fresh()));
            render(&mut part, e);
        }
        part.entities.push(e);
    }
    if !part.entities.is_empty() {
        parts.push(part);
    }

    // Where each anchor lives, for links from one file to another.
    let mut home: HashMap<String, String> = HashMap::new();
    for (k, part) in parts.iter().enumerate() {
        for e in &part.entities {
            home.insert(e.id.clone(), part_name(k + 1));
        }
    }
    for n in 1..=case.sources.len() {
        home.insert(format!("s{n}"), "sources.html".into());
    }
    home.insert("review".into(), "index.html".into());

    let mut files = Vec::new();
    let mut index = String::new();
    let _ = write!(
        index,
        "<h1>Case file</h1><p class=\"muted\">{} The case file is in {} parts of up to {max_sections} people and organisations and about {} MB each, each with the evidence its footnotes cite; the sources are in <a href=\"sources.html\">sources.html</a>.</p>",
        case_counts(case),
        parts.len(),
        (max_bytes as f64 / 1e6 * 10.0).round() / 10.0
    );
    index.push_str("<nav class=\"contents\"><h2>Contents</h2>");
    for (k, part) in parts.iter().enumerate() {
        let (first, last) = (part.entities[0], part.entities[part.entities.len() - 1]);
        let _ = write!(
            index,
            "<h3><a href=\"{}\">Part {}</a>: {}",
            part_name(k + 1),
            k + 1,
            escape(&first.name)
        );
        if part.entities.len() > 1 {
            let _ = write!(index, " to {}", escape(&last.name));
        }
        index.push_str("</h3><ul>");
        for e in &part.entities {
            let _ =
                write!(index, "<li><a href=\"#{}\">{}</a></li>", escape(&e.id), escape(&e.name));
        }
        index.push_str("</ul>");
    }
    index.push_str("<p><a href=\"#review\">Entity judgements to review</a> · <a href=\"sources.html\">Sources</a></p></nav>");
    let mut notes = Notes::new(case);
    review_section(&mut index, case, &mut notes);
    evidence_section(&mut index, case, &notes);
    files.push(("index.html".to_string(), page("Case file", &relink(&index, "index.html", &home))));

    let count = parts.len();
    for (k, part) in parts.into_iter().enumerate() {
        let name = part_name(k + 1);
        let mut body = String::with_capacity(part.body.len() + part.evidence + 512);
        let _ = write!(body, "<nav class=\"parts\"><a href=\"index.html\">Contents</a>");
        if k > 0 {
            let _ = write!(body, " · <a href=\"{}\" rel=\"prev\">part {k}</a>", part_name(k));
        }
        let _ = write!(body, " · part {} of {count}", k + 1);
        if k + 1 < count {
            let _ =
                write!(body, " · <a href=\"{}\" rel=\"next\">part {}</a>", part_name(k + 2), k + 2);
        }
        body.push_str("</nav>");
        body.push_str(&part.body);
        evidence_section(&mut body, case, &part.notes);
        let title = format!("Case file, part {} of {count}", k + 1);
        files.push((name.clone(), page(&title, &relink(&body, &name, &home))));
    }
    let mut sources =
        String::from("<nav class=\"parts\"><a href=\"index.html\">Contents</a></nav>");
    sources_section(&mut sources, case);
    files.push(("sources.html".into(), page("Case file: sources", &sources)));
    files
}

/// `href="#ID"` made `href="FILE#ID"` where ID lives in another file of a split case file
/// (every anchor is ours: entity ids, `sN` sources, `review`); evidence notes stay local.
fn relink(html: &str, here: &str, home: &HashMap<String, String>) -> String {
    const OPEN: &str = "href=\"#";
    let mut out = String::with_capacity(html.len() + html.len() / 50);
    let mut rest = html;
    while let Some(at) = rest.find(OPEN) {
        out.push_str(&rest[..at + 6]);
        let after = &rest[at + 7..];
        let id = &after[..after.find('"').unwrap_or(after.len())];
        match home.get(id).filter(|file| file.as_str() != here) {
            Some(file) => {
                out.push_str(file);
                out.push('#');
            }
            None => out.push('#'),
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// A whole page: the head (no request leaves it: a Content-Security-Policy forbids any),
/// the style, `body` in `main`.
fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\"><title>{}</title><style>{STYLE}</style></head><body><main>{body}</main></body></html>\n",
        escape(title)
    )
}

fn involving<'a>(ix: &Index<'a>, id: &str, kinds: &[ClaimType]) -> Vec<&'a Assertion> {
    ix.of(id).iter().copied().filter(|a| kinds.contains(&a.kind)).collect()
}

/// A section's heading and summary line: what it is, its country, its other names, and in
/// how many documents.
fn section_head(body: &mut String, ix: &Index<'_>, e: &resolve::Entity, what: &str, also: &str) {
    let _ = write!(body, "<section id=\"{}\"><h2>{}</h2>", escape(&e.id), escape(&e.name));
    let others: Vec<String> = e.names.iter().filter(|n| **n != e.name).map(|n| escape(n)).collect();
    let named = ix.documents_naming(e);
    let _ = write!(
        body,
        "<p>{what}{}{}. Named in {} document{}.</p>",
        e.country.as_ref().map(|c| format!(" ({})", escape(c))).unwrap_or_default(),
        if others.is_empty() { String::new() } else { format!("; {also} {}", others.join(", ")) },
        named,
        if named == 1 { "" } else { "s" }
    );
}

/// A person named only in part whom the claims stage marked as maybe another person of the
/// story: said at the head of the section, so that no fact below is read as settled.
fn identity_doubts(body: &mut String, e: &resolve::Entity, notes: &mut Notes<'_>) {
    let case = notes.case;
    for j in &case.resolution.judgements {
        if j.verdict != Verdict::Unsure
            || j.by != JudgedBy::Names
            || j.claims.is_empty()
            || !e.names.contains(&j.left)
        {
            continue;
        }
        let _ = write!(
            body,
            "<p class=\"small\"><strong>Identity unsure:</strong> named only as {} here; may be {} (see <a href=\"#review\">judgements to review</a>). {}</p>",
            escape(&j.left),
            escape(&j.right),
            notes.marks(&j.claims)
        );
    }
}

fn person_section(
    sections: &minijinja::Environment<'_>,
    body: &mut String,
    ix: &Index<'_>,
    e: &resolve::Entity,
    career: Option<&Career>,
    pages: &BTreeSet<String>,
    notes: &mut Notes<'_>,
) {
    section_head(body, ix, e, "Person", "also written");
    identity_doubts(body, e, notes);
    let attributes = involving(ix, &e.id, &[ClaimType::Attribute]);
    if !attributes.is_empty() {
        body.push_str("<p>");
        for a in attributes {
            let _ = write!(
                body,
                "{}: {} {}{} · ",
                escape(a.text("key").unwrap_or("")),
                escape(a.text("value").unwrap_or("")),
                if a.status == Status::Conflicting { status(a.status) } else { String::new() },
                notes.claims_of(a)
            );
        }
        body.push_str("</p>");
    }

    // Career, legal status, allegations, meetings and visits and family ties come from the
    // templates the workbench's entity page shares (`sections`), so that both read the same.
    let linkable = |id: &str| pages.contains(id);
    let render = |name: &str, ctx: minijinja::Value| {
        sections.get_template(name).and_then(|t| t.render(ctx)).expect("the shared sections render")
    };
    if let Some(career) = career.filter(|c| !c.posts.is_empty()) {
        let mut sources = |p: &fuse::Post| crate::sections::Sources {
            support: crate::sections::post_support(p),
            notes: notes.notes(&ix.claims_of(&p.assertions)),
        };
        let rows = crate::sections::career_rows(career, &linkable, &mut sources);
        body.push_str(&render(
            "sections/career.html",
            minijinja::context! { base => "#", career => rows },
        ));
    }

    let events = involving(
        ix,
        &e.id,
        &[
            ClaimType::Meeting,
            ClaimType::Visit,
            ClaimType::Sanction,
            ClaimType::Warrant,
            ClaimType::Arrest,
            ClaimType::Health,
            ClaimType::DeathReport,
            ClaimType::Appointment,
            ClaimType::Allegation,
            ClaimType::Charge,
            ClaimType::Verdict,
        ],
    );
    if let Some(figure) = crate::svg::timeline(career, &events) {
        body.push_str("<h3>Timeline</h3>");
        body.push_str(&figure);
    }

    let mine = ix.of(&e.id);
    let mut sources = |a: &Assertion| notes.sources(a);
    let mut cite = crate::sections::Cite { linkable: &linkable, sources: &mut sources };
    let legal = crate::sections::legal_rows(mine, &e.id, &mut cite);
    let allegations = crate::sections::allegation_rows(mine, &e.id, &mut cite);
    let moves = crate::sections::move_rows(mine, &e.id, &mut cite);
    let family = crate::sections::family_rows(mine, &e.id, &mut cite);
    let context = |k: &str, rows: minijinja::Value| {
        minijinja::context! { base => "#", ..minijinja::Value::from_iter([(k.to_string(), rows)]) }
    };
    body.push_str(&render(
        "sections/legal.html",
        context("legal", minijinja::Value::from_serialize(&legal)),
    ));
    body.push_str(&render(
        "sections/allegations.html",
        context("allegations", minijinja::Value::from_serialize(&allegations)),
    ));
    official_table(body, ix, &e.id);
    body.push_str(&render(
        "sections/moves.html",
        context("moves", minijinja::Value::from_serialize(&moves)),
    ));
    if !moves.is_empty() {
        body.push_str("<h3>Network</h3>");
        body.push_str(&crate::svg::ego_network(e, &involving(ix, &e.id, &[ClaimType::Meeting])));
    }
    body.push_str(&render(
        "sections/family.html",
        context("family", minijinja::Value::from_serialize(&family)),
    ));

    let other_events = involving(ix, &e.id, &[ClaimType::Health, ClaimType::DeathReport]);
    if !other_events.is_empty() {
        body.push_str("<h3>Health and reports of death</h3><ul>");
        for a in other_events {
            let _ = write!(
                body,
                "<li>{} — {}, {} {}{}</li>",
                escape(&describe(a)),
                a.modality.as_str(),
                status(a.status),
                notes.claims_of(a),
                explain(a)
            );
        }
        body.push_str("</ul>");
    }

    shared_tail(sections, body, ix, e, pages, notes, "this person");
    body.push_str("</section>");
}

/// An entity's chronology, contradictions and sources, from the templates the workbench's
/// entity page shares: footnotes to the evidence, links to the sources table.
fn shared_tail(
    sections: &minijinja::Environment<'_>,
    body: &mut String,
    ix: &Index<'_>,
    e: &resolve::Entity,
    pages: &BTreeSet<String>,
    notes: &mut Notes<'_>,
    subject: &str,
) {
    use crate::sections::{chronology, contradiction_rows, fact_row, source_rows};
    let render = |name: &str, ctx: minijinja::Value| {
        sections.get_template(name).and_then(|t| t.render(ctx)).expect("the shared sections render")
    };
    let linkable = |id: &str| pages.contains(id);
    let mine = ix.of(&e.id);
    let case = notes.case;
    let mut sources = |a: &Assertion| notes.sources(a);
    let mut cite = crate::sections::Cite { linkable: &linkable, sources: &mut sources };
    let rows: Vec<_> =
        chronology(mine).into_iter().map(|a| fact_row(a, usize::MAX, &mut cite)).collect();
    if !rows.is_empty() {
        body.push_str("<h3>Chronology</h3>");
        body.push_str(&render(
            "sections/chronology.html",
            minijinja::context! { base => "#", chronology => rows },
        ));
    }
    let open = contradiction_rows(mine, &mut cite);
    body.push_str(&render(
        "sections/contradictions.html",
        minijinja::context! { base => "#", contradictions => open, subject, subject_id => e.id },
    ));
    let docs: Vec<&String> = e.docs.iter().collect();
    let number = |name: &str| ix.source_row.get(name).map(|n| format!("#s{n}"));
    let documents = source_rows(&docs, &case.sources, &number);
    body.push_str(&render(
        "sections/sources.html",
        minijinja::context! { documents, subject_id => e.id },
    ));
}

fn explain(a: &Assertion) -> String {
    let lines: Vec<String> = a.explanation.iter().skip(1).map(|l| escape(l)).collect();
    if lines.is_empty() {
        String::new()
    } else {
        format!("<div class=\"explain small\">{}</div>", lines.join("<br>"))
    }
}

/// What official sanctions lists say of the entity that the news does not: each fact marked
/// official, with its list, file and record.
fn official_table(body: &mut String, ix: &Index<'_>, id: &str) {
    let Some(facts) = ix.official.get(id).filter(|f| !f.is_empty()) else { return };
    body.push_str("<h3>Official lists</h3><p class=\"small muted\">From the official sanctions list entries that confirm this entity's sanctions, as the lists write them (not from the news).</p><table><tr><th>Fact</th><th>Value</th><th>Source</th></tr>");
    for f in facts {
        let _ = write!(
            body,
            "<tr><td>{}</td><td>{}</td><td><span class=\"status official\">official</span> <span class=\"small\">{} list, {}, record {}</span></td></tr>",
            escape(&f.field),
            escape(&f.value),
            escape(&f.authority),
            escape(&f.file),
            escape(&f.record)
        );
    }
    body.push_str("</table>");
}

fn org_section(
    sections: &minijinja::Environment<'_>,
    body: &mut String,
    case: &Case,
    ix: &Index<'_>,
    e: &resolve::Entity,
    pages: &BTreeSet<String>,
    notes: &mut Notes<'_>,
) {
    section_head(body, ix, e, "Organisation", "also named");
    official_table(body, ix, &e.id);
    let mut rows: Vec<(String, String)> = Vec::new();
    for (c, post) in ix.posts_in(&e.id) {
        {
            let ids: Vec<String> = ix.claims_of(&post.assertions);
            let key = post
                .start
                .as_ref()
                .or(post.end.as_ref())
                .map(|b| b.date.clone())
                .unwrap_or_else(|| "9999".into());
            rows.push((
                key,
                format!(
                    "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                    link(&c.person, pages),
                    escape(&post.role),
                    bound(&post.start),
                    bound(&post.end),
                    status(post.status),
                    notes.marks(&ids)
                ),
            ));
        }
    }
    if !rows.is_empty() {
        rows.sort();
        body.push_str("<h3>People and posts</h3><table><tr><th>Person</th><th>Post</th><th>Start</th><th>End</th><th>Status</th><th>Sources</th></tr>");
        for (_, r) in rows {
            body.push_str(&r);
        }
        body.push_str("</table>");
    }
    let acts: Vec<&Assertion> = ix
        .of(&e.id)
        .iter()
        .copied()
        .filter(|a| a.kind != ClaimType::Position && a.kind != ClaimType::Appointment)
        .collect();
    if !acts.is_empty() {
        body.push_str("<h3>Acts</h3><ul>");
        for a in acts {
            let _ = write!(
                body,
                "<li>{} {}{}</li>",
                escape(&describe(a)),
                status(a.status),
                notes.claims_of(a)
            );
        }
        body.push_str("</ul>");
    }
    let judged: Vec<&resolve::Judgement> = case
        .resolution
        .judgements
        .iter()
        .filter(|j| {
            j.kind == EntityKind::Organization
                && j.verdict == Verdict::Same
                && (e.names.contains(&j.left) || e.names.contains(&j.right))
        })
        .collect();
    if !judged.is_empty() {
        body.push_str("<h3>Why these names are one body</h3><ul class=\"small\">");
        for j in judged {
            let _ = write!(
                body,
                "<li>{} = {}: {} {}</li>",
                escape(&j.left),
                escape(&j.right),
                escape(&j.reason),
                notes.marks(&j.claims)
            );
        }
        body.push_str("</ul>");
    }
    shared_tail(sections, body, ix, e, pages, notes, "this organisation");
    body.push_str("</section>");
}

fn review_section(body: &mut String, case: &Case, notes: &mut Notes<'_>) {
    body.push_str("<section id=\"review\"><h2>Entity judgements to review</h2><p class=\"small muted\">Joins proposed from evidence, names that could be more than one entity, and your own judgements. Undo a join with <code>dossier split NAME NAME</code>, confirm one with <code>dossier merge NAME NAME</code>.</p><table><tr><th>Names</th><th>Verdict</th><th>By</th><th>Reason</th></tr>");
    let mut any = false;
    for j in &case.resolution.judgements {
        let show = matches!(j.by, JudgedBy::Evidence | JudgedBy::User | JudgedBy::AliasFile)
            || j.verdict != Verdict::Same;
        if !show {
            continue;
        }
        any = true;
        let by = match j.by {
            JudgedBy::Names => "name rules",
            JudgedBy::Evidence => "evidence",
            JudgedBy::AliasFile => "alias file",
            JudgedBy::User => "you",
        };
        let _ = write!(
            body,
            "<tr><td>{} / {}</td><td>{}</td><td>{by}</td><td>{} {}</td></tr>",
            escape(&j.left),
            escape(&j.right),
            j.verdict.as_str(),
            escape(&j.reason),
            notes.marks(&j.claims)
        );
    }
    // Official listings that may be a sanctioned entity: scored in the unsure band, so they
    // confirm nothing until someone looks.
    for u in &case.official_review {
        any = true;
        let _ = write!(
            body,
            "<tr><td>{} / {} ({} record {}, {})</td><td>unsure ({:.2})</td><td>official list</td><td>{}</td></tr>",
            escape(&u.name),
            escape(&u.listed),
            escape(&u.authority),
            escape(&u.record),
            escape(&u.file),
            u.score,
            escape(&u.explanation)
        );
    }
    if !any {
        body.push_str("<tr><td colspan=\"4\" class=\"muted\">Nothing to review.</td></tr>");
    }
    body.push_str("</table></section>");
}

fn sources_section(body: &mut String, case: &Case) {
    // The documents of each origin cluster, so that each source lists the copies of its story.
    let number: BTreeMap<&str, usize> =
        case.sources.keys().enumerate().map(|(n, k)| (k.as_str(), n + 1)).collect();
    let mut clusters: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (name, s) in &case.sources {
        if let Some(c) = s.cluster.as_deref() {
            clusters.entry(c).or_default().push(name);
        }
    }
    body.push_str("<section id=\"sources\"><h2>Sources</h2><table><tr><th>Document</th><th>Title</th><th>Publisher</th><th>Published</th><th>Origin and copies</th><th>SHA-256 of the original</th></tr>");
    for (n, (name, s)) in case.sources.iter().enumerate() {
        let title = match s.url.as_deref().and_then(crate::safe_url) {
            Some(u) => format!(
                "{} <div class=\"small muted\">{}</div>",
                escape(s.title.as_deref().unwrap_or("")),
                escape(u)
            ),
            None => escape(s.title.as_deref().unwrap_or("")),
        };
        let others: Vec<String> = s
            .cluster
            .as_deref()
            .and_then(|c| clusters.get(c))
            .into_iter()
            .flatten()
            .filter(|o| **o != name.as_str())
            .map(|o| {
                format!("<a href=\"#s{}\">{}</a>", number.get(o).copied().unwrap_or(0), escape(o))
            })
            .collect();
        let mut origin = escape(s.origin.as_deref().unwrap_or(""));
        if !others.is_empty() {
            let _ =
                write!(origin, "<div class=\"small\">same story as {}</div>", others.join(", "));
        }
        let _ = write!(
            body,
            "<tr id=\"s{}\"><td>{}</td><td>{title}</td><td>{}</td><td>{}</td><td>{origin}</td><td><code class=\"small\">{}</code></td></tr>",
            n + 1,
            escape(name),
            escape(s.publisher.as_deref().unwrap_or("")),
            escape(s.published.as_deref().unwrap_or("unknown")),
            escape(&s.sha256)
        );
    }
    body.push_str("</table></section>");
}

fn evidence_section(body: &mut String, case: &Case, notes: &Notes<'_>) {
    let source_number = source_numbers(case);
    body.push_str("<section id=\"evidence\"><h2>Evidence</h2><ol class=\"evidence small\">");
    for (n, &i) in notes.order.iter().enumerate() {
        evidence_item(body, case, &source_number, n + 1, i);
    }
    body.push_str("</ol></section>");
}

/// Each source's row number in the sources table (`#sN`), by document.
fn source_numbers(case: &Case) -> BTreeMap<&str, usize> {
    case.sources.keys().enumerate().map(|(n, k)| (k.as_str(), n + 1)).collect()
}

/// Footnote `n` of the evidence list: claim `i`'s evidence, source and provenance.
fn evidence_item(
    body: &mut String,
    case: &Case,
    source_number: &BTreeMap<&str, usize>,
    n: usize,
    i: usize,
) {
    let c = &case.claims[i];
    let attributed = c
        .attributed_to
        .as_ref()
        .map(|a| format!(", according to {}", escape(a)))
        .unwrap_or_default();
    let _ = write!(
        body,
        "<li id=\"e{n}\"><q>{}</q> — <a href=\"#s{}\">{}</a>, characters {}–{}; {} {}{attributed}; claim <code>{}</code> ({}, confidence {:.2})</li>",
        escape(&c.evidence.text),
        source_number.get(c.doc.as_str()).copied().unwrap_or(0),
        escape(&c.doc),
        c.evidence.start,
        c.evidence.end,
        c.kind.as_str(),
        c.modality.as_str(),
        escape(&c.id),
        escape(&c.rule),
        c.confidence
    );
}

/// The case in numbers, as the case file's first line says it (one page or split alike).
fn case_counts(case: &Case) -> String {
    let conflicts = case.assertions.iter().filter(|a| a.status == Status::Conflicting).count();
    format!(
        "{} documents, {} claims, {} entities, {} assertions, {} in conflict.",
        case.sources.len(),
        case.claims.len(),
        case.resolution.entities.len(),
        case.assertions.len(),
        conflicts
    )
}
