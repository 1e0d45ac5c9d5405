//! Search with filters and pages: what `/search` and `/api/search` ask, checked and turned
//! into the store's filtered queries.

use serde::{Deserialize, Serialize};
use store::{ClaimFilter, DocFilter, Hit};

use super::{Workbench, fts_query};
use crate::Error;

/// How many hits of each kind one page of results holds.
pub const PER_PAGE: usize = 50;

/// A search as the address bar carries it: every field a query parameter, empty when off,
/// so that a filtered search is a link to bookmark or share.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SearchFilters {
    /// Words (each a prefix).
    pub q: String,
    /// A claim type (`sanction`, `meeting`, ...).
    #[serde(rename = "type")]
    pub kind: String,
    /// A modality (`asserted`, `reported`, ...).
    pub modality: String,
    /// `accepted`, `rejected`, `edited` or `unreviewed`.
    pub status: String,
    /// Earliest date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub from: String,
    /// Latest date.
    pub to: String,
    /// A document's id: its claims, or it.
    pub source: String,
    /// An entity's id: the claims of its assertions and the documents that name it.
    pub person: String,
    /// The page, from 1.
    pub page: String,
}

/// How many people the search form's choice lists at most.
pub const PEOPLE: usize = 500;

/// The review statuses a search can filter on.
pub const STATUSES: [&str; 4] = ["unreviewed", "accepted", "rejected", "edited"];

/// How many hits in all of each kind, each counted up to [`store::COUNT_CAP`].
#[derive(Clone, Debug, Default, Serialize)]
pub struct Totals {
    /// Entities.
    pub entities: usize,
    /// Claims.
    pub claims: usize,
    /// Documents.
    pub documents: usize,
    /// The kinds (`entities`, `claims`, `documents`) with more hits than their count says.
    pub more: Vec<&'static str>,
}

/// What a search found: one page of each kind of hit, the totals, and the page.
#[derive(Clone, Debug, Default, Serialize)]
pub struct SearchResults {
    /// Entities by name (only for a search by words alone: entities have no date, type,
    /// status or source).
    pub entities: Vec<Hit>,
    /// Claims by evidence and fields, filtered.
    pub claims: Vec<Hit>,
    /// Documents by name, title and text (filtered by source, date and person; none when a
    /// filter only claims have is on).
    pub documents: Vec<Hit>,
    /// The totals over all pages.
    pub totals: Totals,
    /// This page, from 1.
    pub page: usize,
    /// How many pages the largest kind fills, as far as the capped totals say.
    pub pages: usize,
    /// Whether a page follows this one (for some kind).
    pub next: bool,
}

impl SearchFilters {
    /// Only words, as the search box sends them.
    pub fn words(q: &str) -> SearchFilters {
        SearchFilters { q: q.to_string(), ..SearchFilters::default() }
    }

    /// Whether any filter besides the words is on.
    pub fn filtered(&self) -> bool {
        [&self.kind, &self.modality, &self.status, &self.from, &self.to, &self.source, &self.person]
            .iter()
            .any(|v| !v.trim().is_empty())
    }

    fn page(&self) -> Result<usize, Error> {
        let p = self.page.trim();
        if p.is_empty() {
            return Ok(1);
        }
        match p.parse::<usize>() {
            Ok(n) if (1..=100_000).contains(&n) => Ok(n),
            _ => Err(Error::Invalid(format!("page {p:?} is not a page number (1, 2, ...)"))),
        }
    }
}

fn off(v: &str) -> Option<String> {
    let v = v.trim();
    (!v.is_empty()).then(|| v.to_string())
}

/// A date as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
fn date(v: &str, which: &str) -> Result<Option<String>, Error> {
    let Some(v) = off(v) else { return Ok(None) };
    let b = v.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let ok = match b.len() {
        4 => digits(0..4),
        7 => digits(0..4) && b[4] == b'-' && digits(5..7),
        10 => digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10),
        _ => false,
    };
    if !ok {
        return Err(Error::Invalid(format!(
            "the {which} date {v:?} is not YYYY, YYYY-MM or YYYY-MM-DD"
        )));
    }
    Ok(Some(v))
}

impl Workbench {
    /// One page of what `filters` find. Words match as prefixes; with no words, the filters
    /// alone list claims and documents; with neither, nothing.
    pub fn search_filtered(&mut self, filters: &SearchFilters) -> Result<SearchResults, Error> {
        let page = filters.page()?;
        let kind = off(&filters.kind);
        if let Some(k) = &kind
            && claims::ClaimType::parse(k).is_none()
        {
            return Err(Error::Invalid(format!(
                "type {k:?} is not a claim type: one of {}",
                claims::ClaimType::ALL.map(|t| t.as_str()).join(", ")
            )));
        }
        let modality = off(&filters.modality).map(|m| m.to_ascii_lowercase());
        if let Some(m) = &modality
            && serde_json::from_value::<claims::Modality>(serde_json::Value::String(m.clone()))
                .is_err()
        {
            return Err(Error::Invalid(format!(
                "modality {m:?} is not one of asserted, reported, alleged, rumored, uncertain, denied"
            )));
        }
        let status = off(&filters.status);
        if let Some(s) = &status
            && !STATUSES.contains(&s.as_str())
        {
            return Err(Error::Invalid(format!(
                "status {s:?} is not one of {}",
                STATUSES.join(", ")
            )));
        }
        let (from, to) = (date(&filters.from, "from")?, date(&filters.to, "to")?);
        let source = match off(&filters.source) {
            Some(s) => Some(s.parse::<i64>().map_err(|_| {
                Error::Invalid(format!("source {s:?} is not a document id (a number)"))
            })?),
            None => None,
        };
        let query = fts_query(&filters.q);
        if query.is_none() && !filters.filtered() {
            return Ok(SearchResults { page, pages: 0, ..SearchResults::default() });
        }
        let built = self.built()?;
        let (case, index) = (&built.case, &built.index);
        let (claim_ids, doc_names) = match off(&filters.person) {
            Some(id) => {
                let Some(&at) = index.entity.get(&id) else {
                    return Err(Error::NotFound(format!(
                        "no entity {id} in the case: it may have been merged; search for it by name"
                    )));
                };
                let ids: Vec<String> = index
                    .assertions
                    .get(&id)
                    .into_iter()
                    .flatten()
                    .flat_map(|&i| case.assertions[i].claims.iter().cloned())
                    .collect();
                (Some(ids), Some(case.resolution.entities[at].docs.clone()))
            }
            None => (None, None),
        };
        let offset = (page - 1) * PER_PAGE;
        let claim_filter = ClaimFilter {
            query: query.clone(),
            kind: kind.clone(),
            modality: modality.clone(),
            status: status.clone(),
            from: from.clone(),
            to: to.clone(),
            document: source,
            ids: claim_ids,
        };
        let claims = self.store.filter_claims(&claim_filter, offset, PER_PAGE)?;
        // Documents have no type, modality or review status: a filter on those lists claims
        // alone.
        let documents = if kind.is_none() && modality.is_none() && status.is_none() {
            let f =
                DocFilter { query: query.clone(), from, to, document: source, names: doc_names };
            self.store.filter_documents(&f, offset, PER_PAGE)?
        } else {
            store::Page::default()
        };
        let entities = match &query {
            Some(q) if !filters.filtered() => self.store.page_entities(q, offset, PER_PAGE)?,
            _ => store::Page::default(),
        };
        let more = [("entities", &entities), ("claims", &claims), ("documents", &documents)]
            .into_iter()
            .filter(|(_, p)| p.more)
            .map(|(k, _)| k)
            .collect();
        let next = entities.next || claims.next || documents.next;
        let totals = Totals {
            entities: entities.total,
            claims: claims.total,
            documents: documents.total,
            more,
        };
        let most = totals.entities.max(totals.claims).max(totals.documents);
        // Past the cap the count no longer says how many pages there are: at least this one
        // if it has hits, and one more if there is a next.
        let counted = most.div_ceil(PER_PAGE);
        let found =
            !(entities.hits.is_empty() && claims.hits.is_empty() && documents.hits.is_empty());
        let pages = if next {
            counted.max(page + 1)
        } else if found {
            counted.max(page)
        } else {
            counted
        };
        Ok(SearchResults {
            entities: entities.hits,
            claims: claims.hits,
            documents: documents.hits,
            totals,
            page,
            pages,
            next,
        })
    }

    /// The `limit` (at most [`PEOPLE`]) most mentioned people as (id, name), for a search
    /// form's choice, with `also` (an entity id) among them if it is in the case. The list
    /// is made once per built case, not per request.
    pub fn people(&mut self, limit: usize, also: &str) -> Result<Vec<(String, String)>, Error> {
        let built = self.built()?;
        let all = &built.case.resolution.entities;
        let mut out: Vec<(String, String)> =
            built.index.people.iter().take(limit).cloned().collect();
        if !also.is_empty()
            && !out.iter().any(|(id, _)| id == also)
            && let Some(&at) = built.index.entity.get(also)
        {
            out.push((all[at].id.clone(), all[at].name.clone()));
        }
        Ok(out)
    }

    /// Entities, claims and documents matching the words of `query` (each word a prefix;
    /// FTS5's own syntax is not taken from the user), the first page of each.
    pub fn search(&mut self, query: &str) -> Result<SearchResults, Error> {
        self.search_filtered(&SearchFilters::words(query))
    }
}
