//! The investigator's workbench over HTTP: `dossier serve`.
//!
//! # Brief overview
//!
//! - [`router`] builds the axum application: pages (`/`, `/search`, `/entity/{id}`,
//!   `/document/{id}`, `/claim/{id}`), the same data as JSON under `/api/`, and the review
//!   actions (accept, reject, edit, note, add, merge, split, alias) as form posts.
//! - [`serve`] binds the listener (loopback unless an access token is given) and runs it.
//! - Pages are server-rendered from minijinja templates compiled into the binary
//!   (`templates/`), with HTML auto-escaping on every value; the stylesheet and the one small
//!   script are embedded too, so that no request leaves the machine.
//!
//! This crate holds HTTP alone: every answer comes from [`pipeline::Workbench`], the API the
//! command line shares. Security: documents are untrusted, so every string is escaped by the
//! templates; the Content-Security-Policy allows no inline script and nothing from elsewhere;
//! every write needs the session's CSRF token; binding beyond loopback needs an access token.
#![warn(missing_docs)]

mod figures;
mod pages;
mod pool;
mod security;
mod templates;
mod upload;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use pipeline::Workbench;

pub use security::random_token;
pub use upload::UPLOAD_LIMIT;

/// How the server runs.
#[derive(Clone, Debug)]
pub struct Config {
    /// Where to listen.
    pub bind: SocketAddr,
    /// The access token every request must carry, required to bind beyond loopback.
    pub token: Option<String>,
    /// Who the audit log names for actions taken here.
    pub user: String,
}

/// What went wrong starting the server.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An address other than loopback without an access token.
    #[error(
        "binding to {0} would open the case to the network: give --token TOKEN (every request must then carry it), or bind to 127.0.0.1"
    )]
    Exposed(SocketAddr),
    /// The address could not be bound.
    #[error("cannot listen on {addr}: {source} (is another server there? try another --bind)")]
    Bind {
        /// The address.
        addr: SocketAddr,
        /// Why.
        source: std::io::Error,
    },
    /// The server stopped on an error.
    #[error("the server stopped: {0}")]
    Io(#[from] std::io::Error),
    /// The case could not be built at start.
    #[error(transparent)]
    Case(#[from] pipeline::Error),
}

/// What every handler shares.
pub(crate) struct State {
    /// The workbench that writes: review actions, uploads.
    pub bench: Mutex<Workbench>,
    /// Workbenches that read, for pages (none when the workbench has no store file).
    pub readers: pool::Pool,
    pub csrf: String,
    pub token: Option<String>,
    pub user: String,
    pub templates: minijinja::Environment<'static>,
    pub jobs: upload::Jobs,
}

/// The application: pages, JSON and actions over one workbench. `csrf` is the token forms
/// must carry (a fresh [`random_token`] per server); `token`, when given, is the access token
/// every request must carry.
pub fn router(bench: Workbench, csrf: String, token: Option<String>, user: String) -> Router {
    let readers = pool::Pool::new(if bench.path().is_some() { pool::Pool::size() } else { 0 });
    let state = Arc::new(State {
        bench: Mutex::new(bench),
        readers,
        csrf,
        token,
        user,
        templates: templates::environment(),
        jobs: Default::default(),
    });
    Router::new()
        .route("/", get(pages::home))
        .route("/search", get(pages::search))
        .route("/entity/{id}", get(pages::entity))
        .route("/entity/{id}/note", post(pages::entity_note))
        .route("/entity/{id}/alias", post(pages::entity_alias))
        .route("/document/{id}", get(pages::document))
        .route("/document/{id}/original", get(pages::original))
        .route("/document/{id}/claim", post(pages::add_claim))
        .route("/claim/{id}", get(pages::claim))
        .route("/claim/{id}/{action}", post(pages::claim_action))
        .route("/judge", post(pages::judge))
        .route("/audit", get(pages::audit))
        .route(
            "/ingest",
            get(upload::page)
                .post(upload::upload)
                .layer(DefaultBodyLimit::max(upload::UPLOAD_LIMIT)),
        )
        .route("/ingest/{id}", get(upload::status))
        .route("/export", get(pages::export_page))
        .route("/export/case/{name}", get(pages::export_case))
        .route("/export/entity/{id}/{name}", get(pages::export_entity))
        .route("/api/ingest/{id}", get(upload::api_status))
        .route("/api/search", get(pages::api_search))
        .route("/api/entities", get(pages::api_entities))
        .route("/api/entity/{id}", get(pages::api_entity))
        .route("/api/documents", get(pages::api_documents))
        .route("/api/document/{id}", get(pages::api_document))
        .route("/api/claim/{id}", get(pages::api_claim))
        .route("/api/audit", get(pages::api_audit))
        .route("/static/{file}", get(pages::asset))
        .fallback(pages::not_found)
        .layer(axum::middleware::from_fn_with_state(state.clone(), security::guard))
        .layer(DefaultBodyLimit::max(64 * 1024))
        .with_state(state)
}

/// Serves the workbench until the process is stopped; builds the case first, so that the
/// first page is as quick as the rest. `ready` is told the bound address.
pub async fn serve(
    config: Config,
    mut bench: Workbench,
    ready: impl FnOnce(SocketAddr),
) -> Result<(), Error> {
    if !config.bind.ip().is_loopback() && config.token.is_none() {
        return Err(Error::Exposed(config.bind));
    }
    bench.case()?;
    let listener = tokio::net::TcpListener::bind(config.bind)
        .await
        .map_err(|source| Error::Bind { addr: config.bind, source })?;
    ready(listener.local_addr()?);
    let app = router(bench, random_token(), config.token, config.user);
    axum::serve(listener, app).await?;
    Ok(())
}
