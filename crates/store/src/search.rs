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

/// How far a search counts its matches: a count of every match costs as much as reading
/// them all, and past a thousand the number tells an investigator nothing more than "many".
pub const COUNT_CAP: usize = 1_000;

/// One page of hits and how many there are in all, counted up to [`COUNT_CAP`].
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct Page {
    /// The hits on this page.
    pub hits: Vec<Hit>,
    /// How many match in all, at most [`COUNT_CAP`].
    pub total: usize,
    /// Whether more than [`COUNT_CAP`] match (the total is then the cap).
    pub more: bool,
    /// Whether a page follows this one (one hit past the page was found).
    pub next: bool,
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

impl Page {
    /// A page from up to `limit + 1` hits: the one past the page says that a next one exists.
    fn of(mut hits: Vec<Hit>, limit: usize, total: usize, more: bool) -> Page {
        let next = hits.len() > limit;
        hits.truncate(limit);
        Page { hits, total, more, next }
    }
}

fn ids_param(ids: &[String], args: &mut Vec<SqlValue>) -> usize {
    args.push(SqlValue::Text(serde_json::to_string(ids).expect("strings serialise")));
    args.len()
}

/// Where a claim search reads claims from.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Source {
    /// The claims stage's rows.
    Machine,
    /// Claims added by hand, in the current version of their document.
    Added,
}

/// Claims added by hand as rows shaped like `claims` (their FTS rowid is the negative of
/// theirs), in the current version of the document they were read from.
const ADDED: &str = "(SELECT -a.rowid AS rid, a.claim_id AS id,
        json_extract(a.claim, '$.type') AS type,
        json_extract(a.claim, '$.evidence.start') AS start, a.claim AS json,
        v.id AS version_id
    FROM added_claims a JOIN versions v ON v.sha256 = a.doc_sha256 WHERE v.is_current = 1)";

/// The order of a claim search's hits: best rank first with words, else document path and
/// place in the text; the id settles ties.
#[derive(Clone, Debug, PartialEq)]
struct Key {
    rank: f64,
    path: String,
    start: i64,
    id: String,
}

impl Eq for Key {}

impl PartialOrd for Key {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Key {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.rank
            .total_cmp(&other.rank)
            .then_with(|| self.path.cmp(&other.path))
            .then_with(|| self.start.cmp(&other.start))
            .then_with(|| self.id.cmp(&other.id))
    }
}

/// A claim search over one source: its `FROM ... WHERE ...`, its parameters, and how a page
/// of it is read.
struct ClaimQuery {
    body: String,
    args: Vec<SqlValue>,
    source: Source,
    query: bool,
    /// Whether hits of a query come best first; past [`COUNT_CAP`] matches they come in the
    /// index's order (see [`by_rank`]).
    ranked: bool,
}

/// Whether a search with this many matches (counted up to the cap) orders them by rank.
/// Ranking reads every match's word positions (ranking 5,000 claims cost 12 ms of a
/// 20 ms search at 10,000 documents) and past a thousand matches a word is too common for
/// its rank to pick anything out: those come in the index's order (the order documents
/// were read), which costs only the page.
fn by_rank(more: bool) -> bool {
    !more
}

impl ClaimQuery {
    /// The SQL of `limit` hits from `offset`, each `id, type, snippet, rank, path, start`.
    fn page(&self, offset: usize, limit: usize) -> String {
        let body = &self.body;
        if self.query {
            // By rank alone: FTS5 then hands the matches over in rank order, where a second
            // sort key would sort every match (and join each) before the first row.
            let snippet = "snippet(search_claims, 1, char(1), char(2), '…', 24)";
            let order = if self.ranked { "s.rank" } else { "s.rowid" };
            return format!(
                "SELECT c.id, c.type, {snippet}, {order}, NULL, NULL {body}
                 ORDER BY {order} LIMIT {limit} OFFSET {offset}"
            );
        }
        let evidence = "substr(json_extract(c.json, '$.evidence.text'), 1, 200)";
        match self.source {
            // Sort the keys alone and read the evidence of the page's claims only: SQLite
            // works out a row's columns before it sorts, and a claim's JSON for every match
            // (tens of thousands in a large case) is what made a filter-only page slow.
            Source::Machine => format!(
                "SELECT c.id, c.type, {evidence}, NULL, k.path, k.start
                 FROM (SELECT c.rowid AS rid, d.path AS path, c.start AS start, c.id AS id {body}
                       ORDER BY d.path, c.start, c.id LIMIT {limit} OFFSET {offset}) k
                 JOIN claims c ON c.rowid = k.rid
                 ORDER BY k.path, k.start, k.id"
            ),
            Source::Added => format!(
                "SELECT c.id, c.type, {evidence}, NULL, d.path, c.start {body}
                 ORDER BY d.path, c.start, c.id LIMIT {limit} OFFSET {offset}"
            ),
        }
    }
}

/// The claim search `filter` asks for, over one source.
fn claim_query(filter: &ClaimFilter, source: Source) -> ClaimQuery {
    let mut args: Vec<SqlValue> = Vec::new();
    let mut conditions = vec!["v.is_current = 1".to_string(), "d.removed_at IS NULL".into()];
    let claims = match source {
        Source::Machine => "claims c".to_string(),
        Source::Added => format!("{ADDED} c"),
    };
    let rowid = match source {
        Source::Machine => "c.rowid",
        Source::Added => "c.rid",
    };
    let from = match &filter.query {
        Some(q) => {
            args.push(SqlValue::Text(q.clone()));
            conditions.push(format!("search_claims MATCH ?{}", args.len()));
            format!("search_claims s JOIN {claims} ON {rowid} = s.rowid")
        }
        None => claims,
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
    ClaimQuery { body, args, source, query: filter.query.is_some(), ranked: true }
}

impl Store {
    /// One page of current claims matching `filter`, the machine's and those added by hand:
    /// best first with a query (in the index's order past [`COUNT_CAP`] matches), else in
    /// document and text order.
    pub fn filter_claims(&self, filter: &ClaimFilter, offset: usize, limit: usize) -> Result<Page> {
        let mut machine = claim_query(filter, Source::Machine);
        let any_added: bool =
            self.conn.query_row("SELECT EXISTS (SELECT 1 FROM added_claims)", [], |r| r.get(0))?;
        if !any_added {
            let (total, more) = self.count_capped(&machine.body, &machine.args)?;
            machine.ranked = by_rank(more);
            let hits = self.keyed_hits(&machine.page(offset, limit + 1), &machine.args)?;
            return Ok(Page::of(hits.into_iter().map(|(_, h)| h).collect(), limit, total, more));
        }
        // Claims added by hand are few: the page is the machine's claims up to its end and
        // every added one that matches, merged in the page's order.
        let mut added = claim_query(filter, Source::Added);
        let (machine_total, machine_more) = self.count_capped(&machine.body, &machine.args)?;
        let (added_total, _) = self.count_capped(&added.body, &added.args)?;
        let all = machine_total + added_total;
        machine.ranked = by_rank(machine_more || all > COUNT_CAP);
        added.ranked = machine.ranked;
        let mut hits = self.keyed_hits(&machine.page(0, offset + limit + 1), &machine.args)?;
        hits.extend(self.keyed_hits(&added.page(0, offset + limit + 1), &added.args)?);
        hits.sort_by(|a, b| a.0.cmp(&b.0));
        let hits = hits.into_iter().skip(offset).map(|(_, h)| h).take(limit + 1).collect();
        Ok(Page::of(hits, limit, all.min(COUNT_CAP), machine_more || all > COUNT_CAP))
    }

    /// Hits with the key they are ordered by (the columns after the first three).
    fn keyed_hits(&self, sql: &str, args: &[SqlValue]) -> Result<Vec<(Key, Hit)>> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(args.iter()), |r| {
            let hit = Hit { id: r.get(0)?, label: r.get(1)?, snippet: r.get(2)? };
            let key = Key {
                rank: r.get::<_, Option<f64>>(3)?.unwrap_or(0.0),
                path: r.get::<_, Option<String>>(4)?.unwrap_or_default(),
                start: r.get::<_, Option<i64>>(5)?.unwrap_or(0),
                id: hit.id.clone(),
            };
            Ok((key, hit))
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// One page of documents in the case matching `filter`: best first with a query (in the
    /// index's order past [`COUNT_CAP`] matches), else by path.
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
        let (total, more) = self.count_capped(&body, &args)?;
        let order = if filter.query.is_some() && !by_rank(more) { "s.rowid" } else { order };
        let sql = format!(
            "SELECT d.id, d.name, {snippet} {body} ORDER BY {order} LIMIT {} OFFSET {offset}",
            limit + 1
        );
        Ok(Page::of(self.page_hits(&sql, &args)?, limit, total, more))
    }

    /// One page of entities whose names match `query`, best first.
    pub fn page_entities(&self, query: &str, offset: usize, limit: usize) -> Result<Page> {
        let args = [SqlValue::Text(query.to_string())];
        let (total, more) =
            self.count_capped("FROM search_entities WHERE search_entities MATCH ?1", &args)?;
        let sql = format!(
            "SELECT entity_id, kind, snippet(search_entities, 2, char(1), char(2), '…', 12)
             FROM search_entities WHERE search_entities MATCH ?1 ORDER BY rank
             LIMIT {} OFFSET {offset}",
            limit + 1
        );
        Ok(Page::of(self.page_hits(&sql, &args)?, limit, total, more))
    }

    /// How many rows `body` (a `FROM ... WHERE ...`) gives, counting no further than one
    /// past [`COUNT_CAP`]: the count, capped, and whether there are more.
    fn count_capped(&self, body: &str, args: &[SqlValue]) -> Result<(usize, bool)> {
        let n: i64 = self
            .conn
            .prepare_cached(&format!(
                "SELECT COUNT(*) FROM (SELECT 1 {body} LIMIT {})",
                COUNT_CAP + 1
            ))?
            .query_row(rusqlite::params_from_iter(args.iter()), |r| r.get(0))?;
        let n = n as usize;
        Ok((n.min(COUNT_CAP), n > COUNT_CAP))
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
