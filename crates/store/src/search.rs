//! Filtered, paginated search over claims and documents: the workbench's search page with
//! its filters (type, modality, review status, date range, source document, the claims of
//! one person) and the same under `/api/search`.
//!
//! The filters are applied in SQL so that a page of results costs the same whatever the
//! case's size; an FTS5 query, when there is one, narrows first.

use rusqlite::types::Value as SqlValue;

use crate::review::Hit;
use crate::{Result, Store};

/// What a filtered claim search asks for; `None` leaves a filter off.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClaimFilter {
    /// An FTS5 query over the evidence and field values (the caller quotes the user's words).
    pub query: Option<String>,
    /// The claim type (`sanction`, `meeting`, ...).
    pub kind: Option<String>,
    /// The modality as the case has it (an edit's modality over the machine's).
    pub modality: Option<String>,
    /// `accepted`, `rejected`, `edited`, or `unreviewed` (no decision yet).
    pub status: Option<String>,
    /// The earliest date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`): the claim's date, compared at
    /// the precision both have, so that a claim dated "2022" is within a range from 2022-03.
    pub from: Option<String>,
    /// The latest date, compared the same way.
    pub to: Option<String>,
    /// The document's id.
    pub document: Option<i64>,
    /// Only claims with these ids (the claims of one person, from the built case).
    pub ids: Option<Vec<String>>,
}

/// What a filtered document search asks for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocFilter {
    /// An FTS5 query over name, title and text.
    pub query: Option<String>,
    /// Publication date range, compared as [`ClaimFilter::from`] is.
    pub from: Option<String>,
    /// See `from`.
    pub to: Option<String>,
    /// The document's id.
    pub document: Option<i64>,
    /// Only documents with these names (the documents of one person).
    pub names: Option<Vec<String>>,
}

/// One page of hits and how many there are in all.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct Page {
    /// The hits on this page.
    pub hits: Vec<Hit>,
    /// How many match in all.
    pub total: usize,
}

/// `date` (an SQL expression) is within [from, to], each compared at the precision both
/// sides have.
fn date_within(
    date: &str,
    from: &Option<String>,
    to: &Option<String>,
    args: &mut Vec<SqlValue>,
) -> Vec<String> {
    let mut out = Vec::new();
    for (bound, op) in [(from, ">="), (to, "<=")] {
        if let Some(b) = bound {
            args.push(SqlValue::Text(b.clone()));
            let n = args.len();
            out.push(format!(
                "({date} IS NOT NULL AND substr({date}, 1, min(length({date}), length(?{n}))) {op} substr(?{n}, 1, min(length({date}), length(?{n}))))"
            ));
        }
    }
    out
}

fn ids_param(ids: &[String], args: &mut Vec<SqlValue>) -> usize {
    args.push(SqlValue::Text(serde_json::to_string(ids).expect("strings serialise")));
    args.len()
}

impl Store {
    /// One page of current claims matching `filter`: best first with a query, else in
    /// document and text order.
    pub fn filter_claims(&self, filter: &ClaimFilter, offset: usize, limit: usize) -> Result<Page> {
        let mut args: Vec<SqlValue> = Vec::new();
        let mut conditions = vec!["v.is_current = 1".to_string(), "d.removed_at IS NULL".into()];
        let (from, snippet, order) = match &filter.query {
            Some(q) => {
                args.push(SqlValue::Text(q.clone()));
                conditions.push(format!("search_claims MATCH ?{}", args.len()));
                (
                    "search_claims s JOIN claims c ON c.rowid = s.rowid",
                    "snippet(search_claims, 1, char(1), char(2), '…', 24)",
                    "s.rank",
                )
            }
            None => (
                "claims c",
                "substr(json_extract(c.json, '$.evidence.text'), 1, 200)",
                "d.path, c.start",
            ),
        };
        // The claim as the case has it: the reviewer's edit over the machine's.
        let current = "COALESCE(r.claim, c.json)";
        if let Some(kind) = &filter.kind {
            args.push(SqlValue::Text(kind.clone()));
            conditions.push(format!("c.type = ?{}", args.len()));
        }
        if let Some(m) = &filter.modality {
            args.push(SqlValue::Text(m.clone()));
            conditions.push(format!("json_extract({current}, '$.modality') = ?{}", args.len()));
        }
        match filter.status.as_deref() {
            None => {}
            Some("unreviewed") => conditions.push("r.claim_id IS NULL".into()),
            Some(s) => {
                args.push(SqlValue::Text(s.to_string()));
                conditions.push(format!("r.decision = ?{}", args.len()));
            }
        }
        let date = format!(
            "COALESCE(json_extract({current}, '$.date'), json_extract({current}, '$.start'), json_extract({current}, '$.as_of'))"
        );
        conditions.extend(date_within(&date, &filter.from, &filter.to, &mut args));
        if let Some(doc) = filter.document {
            args.push(SqlValue::Integer(doc));
            conditions.push(format!("d.id = ?{}", args.len()));
        }
        if let Some(ids) = &filter.ids {
            let n = ids_param(ids, &mut args);
            conditions.push(format!("c.id IN (SELECT value FROM json_each(?{n}))"));
        }
        let body = format!(
            "FROM {from} JOIN versions v ON v.id = c.version_id
             JOIN documents d ON d.id = v.document_id
             LEFT JOIN reviews r ON r.claim_id = c.id
             WHERE {}",
            conditions.join(" AND ")
        );
        let total: i64 = self.conn.query_row(
            &format!("SELECT COUNT(*) {body}"),
            rusqlite::params_from_iter(args.iter()),
            |r| r.get(0),
        )?;
        let sql = format!(
            "SELECT c.id, c.type, {snippet} {body} ORDER BY {order} LIMIT {limit} OFFSET {offset}"
        );
        Ok(Page { hits: self.page_hits(&sql, &args)?, total: total as usize })
    }

    /// One page of documents in the case matching `filter`: best first with a query, else by
    /// path.
    pub fn filter_documents(
        &self,
        filter: &DocFilter,
        offset: usize,
        limit: usize,
    ) -> Result<Page> {
        let mut args: Vec<SqlValue> = Vec::new();
        let mut conditions = vec!["v.is_current = 1".to_string(), "d.removed_at IS NULL".into()];
        let (from, snippet, order) = match &filter.query {
            Some(q) => {
                args.push(SqlValue::Text(q.clone()));
                conditions.push(format!("search_documents MATCH ?{}", args.len()));
                (
                    "search_documents s JOIN versions v ON v.id = s.rowid",
                    "snippet(search_documents, 2, char(1), char(2), '…', 16)",
                    "s.rank",
                )
            }
            None => ("versions v", "COALESCE(v.title, '')", "d.path"),
        };
        conditions.extend(date_within("v.published", &filter.from, &filter.to, &mut args));
        if let Some(doc) = filter.document {
            args.push(SqlValue::Integer(doc));
            conditions.push(format!("d.id = ?{}", args.len()));
        }
        if let Some(names) = &filter.names {
            let n = ids_param(names, &mut args);
            conditions.push(format!("d.name IN (SELECT value FROM json_each(?{n}))"));
        }
        let body = format!(
            "FROM {from} JOIN documents d ON d.id = v.document_id WHERE {}",
            conditions.join(" AND ")
        );
        let total: i64 = self.conn.query_row(
            &format!("SELECT COUNT(*) {body}"),
            rusqlite::params_from_iter(args.iter()),
            |r| r.get(0),
        )?;
        let sql = format!(
            "SELECT d.id, d.name, {snippet} {body} ORDER BY {order} LIMIT {limit} OFFSET {offset}"
        );
        Ok(Page { hits: self.page_hits(&sql, &args)?, total: total as usize })
    }

    /// One page of entities whose names match `query`, best first.
    pub fn page_entities(&self, query: &str, offset: usize, limit: usize) -> Result<Page> {
        let total: i64 = self.conn.query_row(
            "SELECT COUNT(*) FROM search_entities WHERE search_entities MATCH ?1",
            [query],
            |r| r.get(0),
        )?;
        let sql = format!(
            "SELECT entity_id, kind, snippet(search_entities, 2, char(1), char(2), '…', 12)
             FROM search_entities WHERE search_entities MATCH ?1 ORDER BY rank
             LIMIT {limit} OFFSET {offset}"
        );
        Ok(Page {
            hits: self.page_hits(&sql, &[SqlValue::Text(query.to_string())])?,
            total: total as usize,
        })
    }

    fn page_hits(&self, sql: &str, args: &[SqlValue]) -> Result<Vec<Hit>> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(args.iter()), |r| {
            Ok(Hit {
                id: match r.get_ref(0)? {
                    rusqlite::types::ValueRef::Integer(i) => i.to_string(),
                    _ => r.get(0)?,
                },
                label: r.get(1)?,
                snippet: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}
