//! The page templates, compiled into the binary, and the two filters they need.
//!
//! minijinja escapes every value put into a `.html` template; the only values marked safe
//! are built here from escaped text (search snippets with their matches marked).

use minijinja::{Environment, Value};

const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../templates/base.html")),
    ("home.html", include_str!("../templates/home.html")),
    ("search.html", include_str!("../templates/search.html")),
    ("entity.html", include_str!("../templates/entity.html")),
    ("document.html", include_str!("../templates/document.html")),
    ("claim.html", include_str!("../templates/claim.html")),
    ("audit.html", include_str!("../templates/audit.html")),
    ("error.html", include_str!("../templates/error.html")),
    ("ingest.html", include_str!("../templates/ingest.html")),
    ("job.html", include_str!("../templates/job.html")),
    ("export.html", include_str!("../templates/export.html")),
];

/// The templates, ready to render.
pub fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    // The sections the static case file shares (legal status, allegations), by the same
    // names, so that they read the same in both.
    for (name, source) in TEMPLATES.iter().chain(report::sections::TEMPLATES) {
        env.add_template(name, source).expect("the built-in templates compile");
    }
    env.add_filter("snippet", snippet);
    env
}

/// A search snippet: the text escaped, then its matches (between the store's marks) wrapped
/// in `<mark>`.
fn snippet(text: &str) -> Value {
    let escaped =
        escape(text).replace(store::MATCH_START, "<mark>").replace(store::MATCH_END, "</mark>");
    Value::from_safe_string(escaped)
}

/// HTML escaping of text and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#x27;"),
            c => out.push(c),
        }
    }
    out
}
