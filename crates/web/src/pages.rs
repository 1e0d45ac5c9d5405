//! The handlers: each parses its input, asks the workbench, and renders a template or JSON.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use axum::Json;
use axum::extract::{Form, Path, Query, State as AxState};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use minijinja::context;
use pipeline::Workbench;
use pipeline::workbench::{NewClaim, SearchFilters};
use serde::Serialize;

use crate::security::same_secret;
use crate::{State, figures};

type Shared = Arc<State>;

/// The modalities a form offers, the usual first.
const MODALITIES: [&str; 6] = ["asserted", "reported", "alleged", "rumored", "uncertain", "denied"];

/// Why a page could not be shown.
pub enum PageError {
    NotFound(String),
    Bad(String),
    Internal(String),
}

impl From<pipeline::Error> for PageError {
    fn from(e: pipeline::Error) -> Self {
        match e {
            pipeline::Error::NotFound(_) => PageError::NotFound(e.to_string()),
            pipeline::Error::Invalid(_) => PageError::Bad(e.to_string()),
            other => PageError::Internal(other.to_string()),
        }
    }
}

impl From<minijinja::Error> for PageError {
    fn from(e: minijinja::Error) -> Self {
        PageError::Internal(format!("a page template failed: {e}"))
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let (status, message) = match self {
            PageError::NotFound(m) => (StatusCode::NOT_FOUND, m),
            PageError::Bad(m) => (StatusCode::BAD_REQUEST, m),
            PageError::Internal(m) => (StatusCode::INTERNAL_SERVER_ERROR, m),
        };
        let body = crate::templates::environment()
            .get_template("error.html")
            .and_then(|t| t.render(context! { status => status.as_u16(), message }))
            .unwrap_or_else(|_| crate::templates::escape(&message));
        (status, Html(body)).into_response()
    }
}

pub type PageResult = Result<Response, PageError>;

/// Runs `f` on a reading workbench off the async threads (SQLite and the case build
/// block): pages are served side by side, each on its own connection; the writer serves
/// when the server has no readers.
pub(crate) async fn with_reader<T: Send + 'static>(
    state: &Shared,
    f: impl FnOnce(&mut Workbench, &State) -> Result<T, PageError> + Send + 'static,
) -> Result<T, PageError> {
    let state = state.clone();
    tokio::task::spawn_blocking(move || {
        if let Some(mut reader) = state.readers.take(&state.bench) {
            return f(&mut reader, &state);
        }
        on_writer(&state, f)
    })
    .await
    .map_err(|e| PageError::Internal(format!("a request failed: {e}")))?
}

/// Runs `f` on the writing workbench off the async threads: review actions, one at a time.
async fn with_bench<T: Send + 'static>(
    state: &Shared,
    f: impl FnOnce(&mut Workbench, &State) -> Result<T, PageError> + Send + 'static,
) -> Result<T, PageError> {
    let state = state.clone();
    tokio::task::spawn_blocking(move || on_writer(&state, f))
        .await
        .map_err(|e| PageError::Internal(format!("a request failed: {e}")))?
}

/// Runs `f` on the writing workbench, on the calling (blocking) thread.
fn on_writer<T>(
    state: &State,
    f: impl FnOnce(&mut Workbench, &State) -> Result<T, PageError>,
) -> Result<T, PageError> {
    let mut bench = state
        .bench
        .lock()
        .map_err(|_| PageError::Internal("an earlier request failed midway".into()))?;
    f(&mut bench, state)
}

pub fn render(state: &State, name: &str, ctx: minijinja::Value) -> Result<Response, PageError> {
    let body = state.templates.get_template(name)?.render(ctx)?;
    Ok(Html(body).into_response())
}

fn missing(what: &str, id: &str) -> PageError {
    PageError::NotFound(format!(
        "no {what} {id} in this case: it may have been merged, removed or re-extracted"
    ))
}

pub async fn home(AxState(state): AxState<Shared>) -> PageResult {
    with_reader(&state, |wb, st| {
        let (documents, document_count) = wb.documents_head(100)?;
        let (entities, entity_count) = wb.top_entities(60)?;
        let orphans = wb.orphans()?.len();
        render(
            st,
            "home.html",
            context! { documents, document_count, entities, entity_count, orphans },
        )
    })
    .await
}

pub async fn search(
    AxState(state): AxState<Shared>,
    Query(filters): Query<SearchFilters>,
) -> PageResult {
    with_reader(&state, move |wb, st| {
        let results = wb.search_filtered(&filters)?;
        let link = |page: usize| format!("/search?{}", filters_query(&filters, page));
        let prev = (results.page > 1).then(|| link(results.page - 1));
        let next = results.next.then(|| link(results.page + 1));
        let people = wb.people(pipeline::workbench::PEOPLE, &filters.person)?;
        let clear = format!("/search?{}", filters_query(&SearchFilters::words(&filters.q), 1));
        render(
            st,
            "search.html",
            context! { q => filters.q, f => filters, results, prev, next, people,
            types => claims::ClaimType::ALL.map(|t| t.as_str()),
            modalities => MODALITIES,
            statuses => pipeline::workbench::STATUSES, filtered => filters.filtered(), clear },
        )
    })
    .await
}

/// The search's query string with another page number (empty filters left out).
fn filters_query(f: &SearchFilters, page: usize) -> String {
    let page = if page > 1 { page.to_string() } else { String::new() };
    [
        ("q", f.q.as_str()),
        ("type", &f.kind),
        ("modality", &f.modality),
        ("status", &f.status),
        ("from", &f.from),
        ("to", &f.to),
        ("source", &f.source),
        ("person", &f.person),
        ("page", &page),
    ]
    .iter()
    .filter(|(_, v)| !v.trim().is_empty())
    .map(|(k, v)| format!("{k}={}", urlencode(v.trim())))
    .collect::<Vec<_>>()
    .join("&")
}

/// How many assertions one page of an entity's chronology lists: a busy entity has
/// hundreds, and a page of them all ran to megabytes.
pub const CHRONOLOGY_PAGE: usize = 100;

/// How many lines of an assertion's explanation a list shows; the claim page has them all.
const EXPLANATION_LINES: usize = 3;

/// How many rows a shared section (legal status, allegations) shows on the entity page.
const SECTION_ROWS: usize = 100;

/// How many source documents the entity page names; the search by person lists them all.
const SOURCES_LISTED: usize = 50;

/// An assertion as a page lists it: its sentence and the facts around it.
#[derive(Serialize)]
struct AssertionRow {
    id: String,
    kind: &'static str,
    text: String,
    date: Option<String>,
    status: &'static str,
    modality: &'static str,
    explanation: Vec<String>,
    claims: Vec<String>,
    documents: Vec<String>,
}

fn assertion_row(a: &fuse::Assertion) -> AssertionRow {
    AssertionRow {
        id: a.id.clone(),
        kind: a.kind.as_str(),
        text: report::tables::describe(a),
        date: a.date.clone().or_else(|| a.start.as_ref().map(|b| b.date.clone())),
        status: a.status.as_str(),
        modality: a.modality.as_str(),
        explanation: a.explanation.clone(),
        claims: a.claims.clone(),
        documents: a.documents.clone(),
    }
}

/// Which page of an entity's chronology to show.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct EntityPage {
    page: String,
}

pub async fn entity(
    AxState(state): AxState<Shared>,
    Path(id): Path<String>,
    Query(q): Query<EntityPage>,
) -> PageResult {
    with_reader(&state, move |wb, st| {
        let view = wb.entity(&id)?.ok_or_else(|| missing("entity", &id))?;
        let pages = view.assertions.len().div_ceil(CHRONOLOGY_PAGE).max(1);
        let page = match q.page.trim() {
            "" => 1,
            p => p.parse::<usize>().ok().filter(|n| (1..=pages).contains(n)).ok_or_else(|| {
                PageError::Bad(format!(
                    "page {p:?} of the chronology does not exist: it has pages 1 to {pages}"
                ))
            })?,
        };
        // In the case file's order (by date, undated last), so that both read alike.
        let ordered = report::sections::chronology(&view.assertions.iter().collect::<Vec<_>>());
        let shown =
            &ordered[(page - 1) * CHRONOLOGY_PAGE..(page * CHRONOLOGY_PAGE).min(ordered.len())];
        let pager = context! {
            page, pages, total => view.assertions.len(),
            first => (page - 1) * CHRONOLOGY_PAGE + 1,
            prev => (page > 1).then(|| page - 1),
            next => (page < pages).then(|| page + 1),
        };
        // The figures: every dated fact but posts (drawn as bars from the career), over the
        // whole chronology, not one page of it.
        let by_id: HashMap<&str, &fuse::Assertion> =
            view.assertions.iter().map(|a| (a.id.as_str(), a)).collect();
        let first_claim =
            |assertion: &str| by_id.get(assertion).and_then(|a| a.claims.first().cloned());
        let facts: Vec<figures::Dated> = view
            .assertions
            .iter()
            .filter(|a| a.kind != claims::ClaimType::Position)
            .map(|a| {
                (
                    a.date.clone().or_else(|| a.start.as_ref().map(|b| b.date.clone())),
                    a.kind.as_str().to_string(),
                    report::tables::describe(a),
                    a.claims.first().cloned(),
                )
            })
            .collect();
        let held: Vec<figures::Held> = view
            .career
            .iter()
            .flat_map(|c| &c.posts)
            .map(|p| {
                (
                    p.start.as_ref().map(|b| b.date.clone()),
                    p.end.as_ref().map(|b| b.date.clone()),
                    p.title(),
                    p.assertions.first().and_then(|a| first_claim(a)),
                )
            })
            .collect();
        let timeline = figures::timeline(&facts, &held);
        // Legal status and allegations from the templates the case file uses; links go to
        // entity pages, notes to claim pages.
        let mine: Vec<&fuse::Assertion> = view.assertions.iter().collect();
        let linkable = |_: &str| true;
        let mut sources = |a: &fuse::Assertion| report::sections::Sources {
            support: report::sections::support(a),
            notes: a
                .claims
                .iter()
                .enumerate()
                .map(|(i, c)| report::sections::Note {
                    href: format!("/claim/{}", urlencode(c)),
                    label: (i + 1).to_string(),
                    title: String::new(),
                })
                .collect(),
        };
        let mut cite = report::sections::Cite { linkable: &linkable, sources: &mut sources };
        // The chronology, a page of it, and what the sources disagree on, from the
        // templates the case file uses too.
        let chronology: Vec<report::sections::FactRow> = shown
            .iter()
            .map(|a| report::sections::fact_row(a, EXPLANATION_LINES, &mut cite))
            .collect();
        let mut contradictions = report::sections::contradiction_rows(&mine, &mut cite);
        let contradictions_more = contradictions.len().saturating_sub(SECTION_ROWS);
        contradictions.truncate(SECTION_ROWS);
        let mut legal = report::sections::legal_rows(&mine, &id, &mut cite);
        let mut allegations = report::sections::allegation_rows(&mine, &id, &mut cite);
        let mut moves = report::sections::move_rows(&mine, &id, &mut cite);
        let family = report::sections::family_rows(&mine, &id, &mut cite);
        let moves_more = moves.len().saturating_sub(SECTION_ROWS);
        moves.truncate(SECTION_ROWS);
        let career = view
            .career
            .as_ref()
            .map(|c| {
                let mut sources = |p: &fuse::Post| report::sections::Sources {
                    support: report::sections::post_support(p),
                    notes: p
                        .assertions
                        .iter()
                        .filter_map(|a| first_claim(a))
                        .enumerate()
                        .map(|(i, c)| report::sections::Note {
                            href: format!("/claim/{}", urlencode(&c)),
                            label: (i + 1).to_string(),
                            title: String::new(),
                        })
                        .collect(),
                };
                report::sections::career_rows(c, &linkable, &mut sources)
            })
            .unwrap_or_default();
        // Past a hundred rows a table is read by search, not by eye: the rest are in the
        // chronology and the search by this entity.
        let legal_more = legal.len().saturating_sub(SECTION_ROWS);
        let allegations_more = allegations.len().saturating_sub(SECTION_ROWS);
        legal.truncate(SECTION_ROWS);
        allegations.truncate(SECTION_ROWS);
        let network = wb.neighbourhood(&id, 24)?.map(|n| figures::network(&n)).unwrap_or_default();
        let docs = view.entity.docs.len();
        // Not `sources`: the shared sections define a macro of that name.
        let listed: Vec<&String> = view.entity.docs.iter().take(SOURCES_LISTED).collect();
        let documents =
            report::sections::source_rows(&listed, &wb.case()?.sources, &|_: &str| None);
        render(
            st,
            "entity.html",
            context! { e => view.entity, chronology, pager, first => (page - 1) * CHRONOLOGY_PAGE + 1,
            contradictions, contradictions_more, subject_id => id,
            // The shared sections' headings sit under the page's h1, not a case file's h2.
            hl => 2,
            subject => match view.entity.kind.as_str() {
                "person" => "this person",
                "organization" => "this organisation",
                _ => "this entity",
            },
            audit => view.audit, died => view.career.and_then(|c| c.died), csrf => st.csrf,
            exports => pipeline::workbench::EXPORTS, timeline, network, legal, allegations,
            legal_more, allegations_more, career, moves, moves_more, family, documents, docs,
            base => "/entity/" },
        )
    })
    .await
}

pub async fn document(AxState(state): AxState<Shared>, Path(id): Path<String>) -> PageResult {
    with_reader(&state, move |wb, st| {
        let n = id.parse::<i64>().map_err(|_| missing("document", &id))?;
        let view = wb.document(n)?.ok_or_else(|| missing("document", &id))?;
        let summary = &view.detail.summary;
        let url = summary.metadata.url.as_deref().and_then(report::safe_url);
        render(
            st,
            "document.html",
            context! { doc => summary, detail => view.detail, pieces => view.pieces,
            claims => view.claims, url, sha256 => summary.sha256.to_hex(), csrf => st.csrf,
            types => claims::ClaimType::ALL.map(|t| (t.as_str(), t.fields())),
            modalities => MODALITIES },
        )
    })
    .await
}

pub async fn original(AxState(state): AxState<Shared>, Path(id): Path<String>) -> PageResult {
    with_reader(&state, move |wb, _| {
        let n = id.parse::<i64>().map_err(|_| missing("document", &id))?;
        let (doc, bytes) = wb.original(n)?.ok_or_else(|| missing("document", &id))?;
        // Served as an attachment of an opaque type: an HTML original must never render
        // as a page of this site.
        let name: String = doc
            .name
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() || ".-_".contains(c) { c } else { '_' })
            .collect();
        let mut r = bytes.into_response();
        let h = r.headers_mut();
        h.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/octet-stream"));
        if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
            h.insert(header::CONTENT_DISPOSITION, v);
        }
        Ok(r)
    })
    .await
}

pub async fn claim(AxState(state): AxState<Shared>, Path(id): Path<String>) -> PageResult {
    with_reader(&state, move |wb, st| {
        let view = wb.claim(&id)?.ok_or_else(|| missing("claim", &id))?;
        let fields: Vec<(String, String, String)> =
            pipeline::review::editable_fields(&view.current)
                .into_iter()
                .map(|f| {
                    let (now, machine) = match f.as_str() {
                        "modality" => (
                            view.current.modality.as_str().to_string(),
                            view.machine.modality.as_str().to_string(),
                        ),
                        "attributed_to" => (
                            view.current.attributed_to.clone().unwrap_or_default(),
                            view.machine.attributed_to.clone().unwrap_or_default(),
                        ),
                        _ => (
                            view.current
                                .fields
                                .get(&f)
                                .map(pipeline::review::field_text)
                                .unwrap_or_default(),
                            view.machine
                                .fields
                                .get(&f)
                                .map(pipeline::review::field_text)
                                .unwrap_or_default(),
                        ),
                    };
                    (f, now, machine)
                })
                .collect();
        let assertion = view.assertion.as_ref().map(assertion_row);
        // The claims before and after it in its document, for j and k.
        let (prev, next) = match wb.document(view.document.id)? {
            Some(d) => {
                let mut order: Vec<(usize, &str)> = d
                    .claims
                    .iter()
                    .map(|c| (c.claim.evidence.start, c.claim.id.as_str()))
                    .collect();
                order.sort();
                let at = order.iter().position(|(_, c)| *c == id);
                let near =
                    |i: Option<usize>| i.and_then(|i| order.get(i)).map(|(_, c)| c.to_string());
                (near(at.and_then(|i| i.checked_sub(1))), near(at.map(|i| i + 1)))
            }
            None => (None, None),
        };
        render(
            st,
            "claim.html",
            context! { c => view.current, kind => view.current.kind.as_str(), fields,
            decision => view.decision, doc => view.document, paragraph => view.paragraph,
            page => view.page, assertion, audit => view.audit, csrf => st.csrf, prev, next },
        )
    })
    .await
}

pub async fn audit(AxState(state): AxState<Shared>) -> PageResult {
    with_reader(&state, |wb, st| {
        let mut log = wb.audit()?;
        log.reverse();
        let orphans = wb.orphans()?;
        render(st, "audit.html", context! { log, orphans })
    })
    .await
}

fn check_csrf(state: &State, form: &HashMap<String, String>) -> Result<(), PageError> {
    match form.get("csrf") {
        Some(t) if same_secret(t, &state.csrf) => Ok(()),
        _ => Err(PageError::Bad(
            "the form's security token is missing or stale: reload the page and try again".into(),
        )),
    }
}

pub fn see(path: String) -> Response {
    Redirect::to(&path).into_response()
}

pub async fn claim_action(
    AxState(state): AxState<Shared>,
    Path((id, action)): Path<(String, String)>,
    Form(form): Form<HashMap<String, String>>,
) -> PageResult {
    check_csrf(&state, &form)?;
    with_bench(&state, move |wb, st| {
        let why = form.get("why").map(String::as_str).unwrap_or("");
        let who = st.user.as_str();
        match action.as_str() {
            "accept" => wb.accept(&id, who, why)?,
            "reject" => wb.reject(&id, who, why)?,
            "note" => wb.note("claim", &id, who, form.get("text").map_or("", |s| s))?,
            "edit" => {
                let view = wb.claim(&id)?.ok_or_else(|| missing("claim", &id))?;
                let current = |f: &str| match f {
                    "modality" => view.current.modality.as_str().to_string(),
                    "attributed_to" => view.current.attributed_to.clone().unwrap_or_default(),
                    _ => view
                        .current
                        .fields
                        .get(f)
                        .map(pipeline::review::field_text)
                        .unwrap_or_default(),
                };
                // Only the fields the reviewer changed: the form sends them all.
                let changes: BTreeMap<String, String> = form
                    .iter()
                    .filter_map(|(k, v)| Some((k.strip_prefix("f.")?.to_string(), v.clone())))
                    .filter(|(k, v)| current(k).trim() != v.trim())
                    .collect();
                wb.edit(&id, &changes, who, why)?
            }
            other => return Err(PageError::NotFound(format!("no action {other:?} on a claim"))),
        };
        Ok(see(format!("/claim/{}", urlencode(&id))))
    })
    .await
}

/// A claim added by hand on a document's page: the evidence span the page's script read from
/// the selection (or the pasted words), the type, and that type's fields (`TYPE.FIELD`).
pub async fn add_claim(
    AxState(state): AxState<Shared>,
    Path(id): Path<String>,
    Form(form): Form<HashMap<String, String>>,
) -> PageResult {
    check_csrf(&state, &form)?;
    with_bench(&state, move |wb, st| {
        let document = id.parse::<i64>().map_err(|_| missing("document", &id))?;
        let get = |k: &str| form.get(k).map_or("", |v| v.as_str());
        let offset = |k: &str| get(k).trim().parse::<usize>().ok();
        let kind = get("type").trim().to_string();
        let prefix = format!("{kind}.");
        let fields = form
            .iter()
            .filter_map(|(k, v)| Some((k.strip_prefix(&prefix)?.to_string(), v.clone())))
            .collect();
        let new = NewClaim {
            document,
            span: offset("start").zip(offset("end")),
            quote: get("quote").to_string(),
            kind,
            fields,
            modality: get("modality").to_string(),
            attributed_to: get("attributed_to").to_string(),
        };
        let claim = wb.add_claim(&new, &st.user, get("why"))?;
        Ok(see(format!("/claim/{}", urlencode(&claim))))
    })
    .await
}

pub async fn entity_note(
    AxState(state): AxState<Shared>,
    Path(id): Path<String>,
    Form(form): Form<HashMap<String, String>>,
) -> PageResult {
    check_csrf(&state, &form)?;
    with_bench(&state, move |wb, st| {
        wb.note("entity", &id, &st.user, form.get("text").map_or("", |s| s))?;
        Ok(see(format!("/entity/{}", urlencode(&id))))
    })
    .await
}

/// Marks another name as an alias of the entity; back to the entity's page (under its new
/// id, when the alias changed its canonical name).
pub async fn entity_alias(
    AxState(state): AxState<Shared>,
    Path(id): Path<String>,
    Form(form): Form<HashMap<String, String>>,
) -> PageResult {
    check_csrf(&state, &form)?;
    with_bench(&state, move |wb, st| {
        let get = |k: &str| form.get(k).map(String::as_str).unwrap_or("");
        wb.alias(&id, get("name"), &st.user, get("why"))?;
        let to = match wb.entity_named(get("name").trim())? {
            Some(e) => format!("/entity/{}", urlencode(&e.id)),
            None => format!("/entity/{}", urlencode(&id)),
        };
        Ok(see(to))
    })
    .await
}

pub async fn judge(
    AxState(state): AxState<Shared>,
    Form(form): Form<HashMap<String, String>>,
) -> PageResult {
    check_csrf(&state, &form)?;
    with_bench(&state, move |wb, st| {
        let get = |k: &str| form.get(k).map(String::as_str).unwrap_or("");
        let verdict = match get("verdict") {
            "same" => "same",
            "different" => "different",
            other => {
                return Err(PageError::Bad(format!("verdict {other:?} is not same or different")));
            }
        };
        wb.judge(get("left"), get("right"), verdict, &st.user, get("why"))?;
        // The entity that now holds the left name (its id changes when the merge changes
        // its canonical name).
        let to = match wb.entity_named(get("left").trim())? {
            Some(e) => format!("/entity/{}", urlencode(&e.id)),
            None => "/".into(),
        };
        Ok(see(to))
    })
    .await
}

pub async fn api_search(
    AxState(state): AxState<Shared>,
    Query(filters): Query<SearchFilters>,
) -> PageResult {
    with_reader(&state, move |wb, _| Ok(Json(wb.search_filtered(&filters)?).into_response())).await
}

pub async fn api_entities(AxState(state): AxState<Shared>) -> PageResult {
    with_reader(&state, |wb, _| Ok(Json(wb.entities()?).into_response())).await
}

pub async fn api_entity(AxState(state): AxState<Shared>, Path(id): Path<String>) -> PageResult {
    with_reader(&state, move |wb, _| {
        let view = wb.entity(&id)?.ok_or_else(|| missing("entity", &id))?;
        Ok(Json(view).into_response())
    })
    .await
}

pub async fn api_documents(AxState(state): AxState<Shared>) -> PageResult {
    with_reader(&state, |wb, _| Ok(Json(wb.documents()?).into_response())).await
}

pub async fn api_document(AxState(state): AxState<Shared>, Path(id): Path<String>) -> PageResult {
    with_reader(&state, move |wb, _| {
        let n = id.parse::<i64>().map_err(|_| missing("document", &id))?;
        let view = wb.document(n)?.ok_or_else(|| missing("document", &id))?;
        Ok(Json(view).into_response())
    })
    .await
}

pub async fn api_claim(AxState(state): AxState<Shared>, Path(id): Path<String>) -> PageResult {
    with_reader(&state, move |wb, _| {
        let view = wb.claim(&id)?.ok_or_else(|| missing("claim", &id))?;
        Ok(Json(view).into_response())
    })
    .await
}

pub async fn api_audit(AxState(state): AxState<Shared>) -> PageResult {
    with_reader(&state, |wb, _| Ok(Json(wb.audit()?).into_response())).await
}

pub async fn export_page(AxState(state): AxState<Shared>) -> PageResult {
    with_reader(&state, |wb, st| {
        let (entities, count) = wb.top_entities(200)?;
        render(
            st,
            "export.html",
            context! { files => pipeline::workbench::EXPORTS, entities, count },
        )
    })
    .await
}

/// One export file, whole case (`/export/case/NAME`) or one entity
/// (`/export/entity/ID/NAME`), as a download.
pub async fn export_case(AxState(state): AxState<Shared>, Path(name): Path<String>) -> PageResult {
    let file = name.clone();
    let body = with_reader(&state, move |wb, _| Ok(wb.export(None, &name)?)).await?;
    Ok(download(&format!("case-{file}"), body))
}

pub async fn export_entity(
    AxState(state): AxState<Shared>,
    Path((id, name)): Path<(String, String)>,
) -> PageResult {
    let file =
        format!("{}-{name}", id.replace(|c: char| !c.is_ascii_alphanumeric() && c != '-', "_"));
    let body = with_reader(&state, move |wb, _| Ok(wb.export(Some(&id), &name)?)).await?;
    Ok(download(&file, body))
}

/// A generated file as an attachment: JSON, CSV and GraphML by their types; the case file
/// as an opaque download, so that it never renders as a page of this site.
fn download(name: &str, body: Vec<u8>) -> Response {
    let kind = match name.rsplit('.').next() {
        Some("jsonl") => "application/x-ndjson; charset=utf-8",
        Some("json") => "application/json; charset=utf-8",
        Some("csv") => "text/csv; charset=utf-8",
        Some("graphml") => "application/xml; charset=utf-8",
        Some("zip") => "application/zip",
        _ => "application/octet-stream",
    };
    let mut r = body.into_response();
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    r
}

pub async fn asset(Path(file): Path<String>) -> Response {
    let (body, kind) = match file.as_str() {
        "app.css" => (include_str!("../static/app.css"), "text/css; charset=utf-8"),
        "app.js" => (include_str!("../static/app.js"), "text/javascript; charset=utf-8"),
        _ => return PageError::NotFound(format!("no file {file}")).into_response(),
    };
    let mut r = body.into_response();
    r.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    r.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("max-age=3600"));
    r
}

pub async fn not_found() -> Response {
    PageError::NotFound("no such page: start from the home page".into()).into_response()
}

/// Percent-encodes a path segment (claim and entity ids are hex and `kind:hex`, but a link
/// must stay one segment whatever they hold).
pub fn urlencode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~:".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
