//! What every response and request goes through: the security headers, the access token,
//! and the CSRF check of writes.

use std::sync::Arc;

use axum::extract::{Request, State as AxState};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};

use crate::State;

/// No inline script or style, nothing from elsewhere, no framing, forms only to here.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; \
     form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

const TOKEN_COOKIE: &str = "dossier_token";

/// 32 random bytes as hex, from the system's random source.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    let filled = std::fs::File::open("/dev/urandom")
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut bytes));
    if filled.is_err() {
        // No /dev/urandom: the std hasher's per-process random keys, four times over.
        use std::hash::{BuildHasher, Hasher};
        for chunk in bytes.chunks_mut(8) {
            let mut h = std::collections::hash_map::RandomState::new().build_hasher();
            h.write_u64(std::process::id().into());
            chunk.copy_from_slice(&h.finish().to_le_bytes());
        }
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Comparison that takes as long whatever the first difference.
pub fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The access token (when the server has one), cross-site writes refused, and the security
/// headers on every answer.
pub async fn guard(AxState(state): AxState<Arc<State>>, request: Request, next: Next) -> Response {
    if let Some(token) = &state.token {
        match presented_token(&request) {
            Some(Presented::Good(t)) if same_secret(&t, token) => {}
            Some(Presented::InQuery(t)) if same_secret(&t, token) => {
                // Entered once in the address bar: kept in a cookie, then taken out of the
                // address so that it is not bookmarked or shared.
                let mut r = Redirect::to(request.uri().path()).into_response();
                let cookie = format!("{TOKEN_COOKIE}={t}; HttpOnly; SameSite=Strict; Path=/");
                if let Ok(v) = HeaderValue::from_str(&cookie) {
                    r.headers_mut().insert(header::SET_COOKIE, v);
                }
                return with_headers(r);
            }
            _ => {
                return with_headers(
                    (
                        StatusCode::UNAUTHORIZED,
                        "this workbench needs its access token: open it once as /?token=TOKEN, or send Authorization: Bearer TOKEN\n",
                    )
                        .into_response(),
                );
            }
        }
    }
    if request.method() == Method::POST && cross_site(&request) {
        return with_headers(
            (StatusCode::FORBIDDEN, "a write from another site is refused\n").into_response(),
        );
    }
    with_headers(next.run(request).await)
}

enum Presented {
    Good(String),
    InQuery(String),
}

fn presented_token(request: &Request) -> Option<Presented> {
    let headers = request.headers();
    if let Some(bearer) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
    {
        return Some(Presented::Good(bearer.trim().to_string()));
    }
    for cookies in headers.get_all(header::COOKIE) {
        let Ok(cookies) = cookies.to_str() else { continue };
        for pair in cookies.split(';') {
            if let Some(v) =
                pair.trim().strip_prefix(TOKEN_COOKIE).and_then(|v| v.strip_prefix('='))
            {
                return Some(Presented::Good(v.to_string()));
            }
        }
    }
    let query = request.uri().query()?;
    query.split('&').find_map(|p| p.strip_prefix("token=")).map(|t| Presented::InQuery(t.into()))
}

/// A browser says where a request comes from: anything but this site (or a typed address)
/// is refused for writes, before the CSRF token is even looked at.
fn cross_site(request: &Request) -> bool {
    match request.headers().get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        Some(site) => !matches!(site, "same-origin" | "none"),
        None => false,
    }
}

fn with_headers(mut response: Response) -> Response {
    let h = response.headers_mut();
    h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    h.entry(header::CACHE_CONTROL).or_insert(HeaderValue::from_static("no-store"));
    response
}
