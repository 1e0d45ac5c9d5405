//! HTML pages: metadata from meta tags and JSON-LD, the article body as blocks.
//!
//! The body is found by scoring: a container that markup names as the article
//! (`itemprop=articleBody`, `<article>`, `<main>`) if it holds most of the page's paragraph
//! text, else the element whose paragraphs hold the most text. Inside it, navigation, asides,
//! forms, scripts and elements whose class or id names page furniture (share, related,
//! newsletter, comments, ...) are skipped; what remains becomes one [`Line`] per block, and
//! the shared clutter rules run over them like over any other format.
//!
//! html5ever keeps no source positions, so each block is found again in the original by an
//! aligner over the page's visible characters ([`align`]); that gives every paragraph its byte
//! range. Markup nested past [`depth::MAX_DEPTH`] levels is flattened before parsing
//! ([`depth`]), so that tree building stays linear.

mod align;
mod depth;

#[cfg(test)]
mod tests;

use std::sync::LazyLock;

use ego_tree::NodeRef;
use model::{Diagnostic, Field, Metadata, Provenance};
use regex::Regex;
use scraper::{ElementRef, Html, Node, Selector};
use serde_json::Value;

use crate::Result;
use crate::cancel::Cancel;
use crate::clean::Line;
use crate::meta;
use align::Aligner;

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("static selector")
}

static P: LazyLock<Selector> = LazyLock::new(|| sel("p"));
static H1: LazyLock<Selector> = LazyLock::new(|| sel("h1"));
static BODY: LazyLock<Selector> = LazyLock::new(|| sel("body"));
static META: LazyLock<Selector> = LazyLock::new(|| sel("meta"));
static TITLE: LazyLock<Selector> = LazyLock::new(|| sel("title"));
static HTML: LazyLock<Selector> = LazyLock::new(|| sel("html"));
static CANONICAL: LazyLock<Selector> = LazyLock::new(|| sel(r#"link[rel="canonical"]"#));
static JSON_LD: LazyLock<Selector> = LazyLock::new(|| sel(r#"script[type="application/ld+json"]"#));
static TIME: LazyLock<Selector> = LazyLock::new(|| sel("time[datetime]"));
static ROOTS: LazyLock<Vec<Selector>> = LazyLock::new(|| {
    [
        r#"[itemprop="articleBody"]"#,
        "article",
        r#"[role="main"]"#,
        "main",
        ".article-body, .article__body, .story-body, .post-content, .entry-content, .article-content, #article-body, .content-body, .post-body",
    ]
    .into_iter()
    .map(sel)
    .collect()
});

static FURNITURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(^|[-_ ])(share|sharing|social|related|recommend(ed|ations)?|newsletter|subscribe|subscription|promo|advert|advertisement|ads?|sponsor(ed)?|cookies?|banner|breadcrumbs?|comments?|sidebar|widget|popup|modal|nav|navbar|navigation|menu|footer|masthead|tags|topics|author-bio|more-stories|read-more|trending|most-read|outbrain|taboola)([-_ ]|$)")
        .unwrap()
});

const SKIPPED_TAGS: &[&str] = &[
    "script", "style", "noscript", "nav", "footer", "aside", "form", "button", "iframe", "svg",
    "select", "template", "dialog", "object", "embed", "canvas", "video", "audio", "map", "input",
    "textarea", "label", "menu",
];

const BLOCK_TAGS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "figcaption",
    "dt",
    "dd",
    "td",
    "th",
    "div",
    "section",
    "article",
    "main",
    "header",
    "ul",
    "ol",
    "dl",
    "table",
    "tr",
    "hr",
    "address",
    "caption",
    "summary",
    "details",
    "figure",
    "body",
    "center",
];

/// Reads `html` (already decoded) into lines and fills `meta` from its markup.
pub(crate) fn read(
    html: &str,
    meta: &mut Metadata,
    diags: &mut Vec<Diagnostic>,
    cancel: &Cancel,
) -> Result<Vec<Line>> {
    let flat = depth::flatten(html, depth::MAX_DEPTH, cancel)?;
    let doc = match &flat {
        Some((flat, dropped)) => {
            diags.push(Diagnostic::new(
                "html-too-deep",
                format!(
                    "markup nests deeper than {} levels; {dropped} tags past that depth were \
                     ignored and their text kept in the element at the limit",
                    depth::MAX_DEPTH
                ),
            ));
            Html::parse_document(flat)
        }
        None => Html::parse_document(html),
    };
    drop(flat);
    cancel.check()?;
    read_metadata(&doc, meta);
    let root = content_root(&doc);
    let mut blocks = Vec::new();
    if let Some(root) = root {
        if root.select(&H1).next().is_none()
            && let Some(h1) = headline_outside(&doc, root)
        {
            blocks.push(Block { text: h1, heading: true, ..Block::default() });
        }
        walk(root, &mut blocks, cancel)?;
    }
    let mut aligner = Aligner::new(html, cancel)?;
    let mut lines = Vec::new();
    for block in blocks {
        cancel.check()?;
        for (k, piece) in
            block.text.split('\n').map(str::trim).filter(|p| !p.is_empty()).enumerate()
        {
            lines.push(Line {
                text: piece.to_string(),
                src: aligner.locate(piece),
                para_start: k == 0,
                heading: block.heading,
                list_item: block.list_item,
                link_share: if block.chars == 0 {
                    0.0
                } else {
                    block.link_chars as f32 / block.chars as f32
                },
                ..Line::default()
            });
        }
    }
    Ok(lines)
}

fn read_metadata(doc: &Html, meta: &mut Metadata) {
    for script in doc.select(&JSON_LD) {
        let raw: String = script.text().collect();
        if let Ok(value) = serde_json::from_str::<Value>(raw.trim())
            && let Some(article) = find_article(&value)
        {
            json_ld(article, meta);
        }
    }
    let mut tags: Vec<(String, String)> = Vec::new();
    for m in doc.select(&META) {
        let key = m.attr("property").or_else(|| m.attr("name")).or_else(|| m.attr("itemprop"));
        if let (Some(key), Some(content)) = (key, m.attr("content")) {
            tags.push((key.to_ascii_lowercase(), decode_entities(content)));
        }
    }
    let tag = |names: &[&str]| -> Option<String> {
        names.iter().find_map(|n| {
            tags.iter().find(|(k, v)| k == n && !v.trim().is_empty()).map(|(_, v)| v.clone())
        })
    };
    if let Some(t) = tag(&["og:title", "twitter:title", "citation_title", "dc.title"]) {
        meta.offer(Field::Title, &t, Provenance::HtmlMeta);
    }
    if let Some(p) = tag(&[
        "og:site_name",
        "application-name",
        "citation_publisher",
        "dc.publisher",
        "publisher",
    ]) {
        meta.offer(Field::Publisher, &p, Provenance::HtmlMeta);
    }
    let author = tag(&[
        "author",
        "article:author",
        "citation_author",
        "dc.creator",
        "byl",
        "parsely-author",
    ]);
    if let Some(a) = author.filter(|a| !a.starts_with("http")) {
        let a = a.trim_start_matches("By ").trim_start_matches("by ");
        meta.offer(Field::Author, a, Provenance::HtmlMeta);
    }
    if let Some(u) = doc.select(&CANONICAL).next().and_then(|l| l.attr("href")) {
        meta.offer(Field::Url, u, Provenance::HtmlMeta);
    }
    if let Some(u) = tag(&["og:url", "twitter:url"]) {
        meta.offer(Field::Url, &u, Provenance::HtmlMeta);
    }
    let date_tags = [
        "article:published_time",
        "datepublished",
        "citation_publication_date",
        "citation_date",
        "dc.date",
        "dc.date.issued",
        "date",
        "pubdate",
        "publish-date",
        "parsely-pub-date",
        "sailthru.date",
        "og:published_time",
    ];
    if let Some(d) = tag(&date_tags).and_then(|v| meta::date_in(&v)) {
        meta.offer_date(d, Provenance::HtmlMeta);
    }
    if let Some(d) = doc.select(&TIME).find_map(|t| t.attr("datetime").and_then(meta::date_in)) {
        meta.offer_date(d, Provenance::HtmlMeta);
    }
    if let Some(lang) =
        doc.select(&HTML).next().and_then(|h| h.attr("lang")).and_then(meta::language_tag)
    {
        meta.offer(Field::Language, &lang, Provenance::HtmlMeta);
    }
    if let Some(lang) =
        tag(&["og:locale", "dc.language", "language"]).and_then(|l| meta::language_tag(&l))
    {
        meta.offer(Field::Language, &lang, Provenance::HtmlMeta);
    }
    let h1 =
        doc.select(&H1).map(|h| collapse(&h.text().collect::<String>())).find(|t| !t.is_empty());
    if let Some(h1) = h1 {
        meta.offer(Field::Title, &h1, Provenance::HtmlTitle);
    }
    if let Some(title) = doc.select(&TITLE).next().map(|t| collapse(&t.text().collect::<String>()))
    {
        meta.offer(
            Field::Title,
            &strip_site(&title, meta.publisher.as_deref()),
            Provenance::HtmlTitle,
        );
    }
}

/// "Headline | Site" or "Headline - Site" without the site.
fn strip_site(title: &str, site: Option<&str>) -> String {
    for sep in [" | ", " - ", " – ", " — ", " :: "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let is_site = site.is_some_and(|s| tail.trim().eq_ignore_ascii_case(s.trim()));
            if is_site || tail.split_whitespace().count() <= 4 {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

fn find_article(value: &Value) -> Option<&Value> {
    let mut best: Option<(&Value, u8)> = None;
    let mut stack = vec![value];
    while let Some(v) = stack.pop() {
        match v {
            Value::Array(items) => stack.extend(items.iter()),
            Value::Object(map) => {
                if let Some(graph) = map.get("@graph") {
                    stack.push(graph);
                }
                let types: Vec<&str> = match map.get("@type") {
                    Some(Value::String(s)) => vec![s.as_str()],
                    Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
                    _ => vec![],
                };
                let rank = types
                    .iter()
                    .map(|t| match *t {
                        t if t.ends_with("Article") || t == "Report" || t == "BlogPosting" => 2,
                        "WebPage" | "CreativeWork" => 1,
                        _ => 0,
                    })
                    .max()
                    .unwrap_or(0);
                if rank > 0 && best.is_none_or(|(_, r)| rank > r) {
                    best = Some((v, rank));
                }
            }
            _ => {}
        }
    }
    best.map(|(v, _)| v)
}

fn json_ld(article: &Value, meta: &mut Metadata) {
    let text = |v: Option<&Value>| -> Option<String> {
        match v? {
            Value::String(s) => Some(decode_entities(s)),
            Value::Object(o) => o.get("name").and_then(Value::as_str).map(decode_entities),
            Value::Array(items) => {
                let names: Vec<String> = items
                    .iter()
                    .filter_map(|i| match i {
                        Value::String(s) => Some(s.clone()),
                        Value::Object(o) => {
                            o.get("name").and_then(Value::as_str).map(str::to_string)
                        }
                        _ => None,
                    })
                    .collect();
                (!names.is_empty()).then(|| names.join(", "))
            }
            _ => None,
        }
    };
    if let Some(t) = text(article.get("headline")).or_else(|| text(article.get("name"))) {
        meta.offer(Field::Title, &t, Provenance::JsonLd);
    }
    if let Some(d) = text(article.get("datePublished")).and_then(|d| meta::date_in(&d)) {
        meta.offer_date(d, Provenance::JsonLd);
    }
    if let Some(a) = text(article.get("author")) {
        meta.offer(Field::Author, &a, Provenance::JsonLd);
    }
    if let Some(p) = text(article.get("publisher")) {
        meta.offer(Field::Publisher, &p, Provenance::JsonLd);
    }
    let url = text(article.get("url")).or_else(|| match article.get("mainEntityOfPage") {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Object(o)) => o.get("@id").and_then(Value::as_str).map(str::to_string),
        _ => None,
    });
    if let Some(u) = url.filter(|u| u.starts_with("http")) {
        meta.offer(Field::Url, &u, Provenance::JsonLd);
    }
    if let Some(l) = text(article.get("inLanguage")).and_then(|l| meta::language_tag(&l)) {
        meta.offer(Field::Language, &l, Provenance::JsonLd);
    }
}

fn decode_entities(s: &str) -> String {
    collapse(&html_escape::decode_html_entities(s))
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn paragraph_chars(el: ElementRef<'_>) -> usize {
    el.select(&P).map(|p| p.text().map(|t| t.trim().len()).sum::<usize>()).sum()
}

fn content_root(doc: &Html) -> Option<ElementRef<'_>> {
    let total = paragraph_chars(doc.root_element()).max(1);
    for selector in ROOTS.iter() {
        let best = doc.select(selector).map(|el| (paragraph_chars(el), el)).max_by_key(|(n, _)| *n);
        if let Some((n, el)) = best
            && n > 0
            && n * 4 >= total
        {
            return Some(el);
        }
    }
    // No markup names the article: take the element whose own paragraphs hold the most text,
    // then climb while the parent adds substantial paragraph text of its own (split bodies).
    // In document order, first best wins ties: a map for the sums, a list for the order.
    let mut scores: Vec<(ego_tree::NodeId, usize)> = Vec::new();
    let mut index: std::collections::HashMap<ego_tree::NodeId, usize> = Default::default();
    for p in doc.select(&P) {
        let len: usize = p.text().map(|t| t.trim().len()).sum();
        if let Some(parent) = p.parent() {
            let slot = *index.entry(parent.id()).or_insert_with(|| {
                scores.push((parent.id(), 0));
                scores.len() - 1
            });
            scores[slot].1 += len;
        }
    }
    let best = scores.into_iter().max_by_key(|(_, s)| *s);
    if let Some((id, score)) = best
        && score * 2 >= total
        && let Some(el) = doc.tree.get(id).and_then(ElementRef::wrap)
    {
        return Some(el);
    }
    doc.select(&BODY).next().or(Some(doc.root_element()))
}

fn headline_outside(doc: &Html, root: ElementRef<'_>) -> Option<String> {
    let inside: std::collections::HashSet<_> = root.descendants().map(|n| n.id()).collect();
    doc.select(&H1)
        .filter(|h| !inside.contains(&h.id()))
        .map(|h| collapse(&h.text().collect::<String>()))
        .find(|t| t.split_whitespace().count() >= 3)
}

#[derive(Default)]
struct Block {
    text: String,
    chars: usize,
    link_chars: usize,
    heading: bool,
    list_item: bool,
}

fn is_furniture(el: &scraper::node::Element, node: NodeRef<'_, Node>, root_chars: usize) -> bool {
    let name = el.name();
    if SKIPPED_TAGS.contains(&name) {
        return true;
    }
    if el.attr("hidden").is_some() || el.attr("aria-hidden") == Some("true") {
        return true;
    }
    if el.attr("style").is_some_and(|s| s.replace(' ', "").contains("display:none")) {
        return true;
    }
    let named = el.id().is_some_and(|id| FURNITURE.is_match(id))
        || el.classes().any(|c| FURNITURE.is_match(c))
        || el.attr("role").is_some_and(|r| {
            matches!(r, "navigation" | "banner" | "contentinfo" | "complementary")
        });
    if !named {
        return false;
    }
    // A container that holds most of the article is not furniture, whatever its class says.
    let chars: usize = ElementRef::wrap(node).map_or(0, |e| e.text().map(|t| t.trim().len()).sum());
    chars * 10 < root_chars * 6
}

/// Walks the content root without recursion (pages nest thousands deep) and cuts it into
/// blocks.
fn walk(root: ElementRef<'_>, blocks: &mut Vec<Block>, cancel: &Cancel) -> Result<()> {
    let root_chars: usize = root.text().map(|t| t.trim().len()).sum();
    let mut current = Block::default();
    let mut skipping: Option<ego_tree::NodeId> = None;
    let mut open_blocks: Vec<&str> = Vec::new();
    let mut in_link = 0usize;
    let flush = |current: &mut Block, open: &[&str], blocks: &mut Vec<Block>| {
        let text = current.text.trim().to_string();
        if !text.is_empty() {
            blocks.push(Block {
                text,
                chars: current.chars,
                link_chars: current.link_chars,
                heading: open
                    .last()
                    .is_some_and(|t| matches!(*t, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")),
                list_item: open.contains(&"li"),
            });
        }
        *current = Block::default();
    };
    for (n, edge) in root.traverse().enumerate() {
        if n % 4096 == 0 {
            cancel.check()?;
        }
        match edge {
            ego_tree::iter::Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Element(el) => {
                        if node.id() != root.id() && is_furniture(el, node, root_chars) {
                            skipping = Some(node.id());
                            continue;
                        }
                        let name = el.name();
                        if name == "br" {
                            current.text.push('\n');
                        } else if BLOCK_TAGS.contains(&name) {
                            flush(&mut current, &open_blocks, blocks);
                            open_blocks.push(name);
                        } else if name == "a" {
                            in_link += 1;
                        }
                    }
                    Node::Text(t) => {
                        let t: &str = t;
                        if t.trim().is_empty() {
                            if !current.text.is_empty() && !current.text.ends_with([' ', '\n']) {
                                current.text.push(' ');
                            }
                            continue;
                        }
                        if t.starts_with(char::is_whitespace)
                            && !current.text.ends_with([' ', '\n'])
                        {
                            current.text.push(' ');
                        }
                        let words = collapse(t);
                        let n = words.chars().filter(|c| !c.is_whitespace()).count();
                        current.chars += n;
                        if in_link > 0 {
                            current.link_chars += n;
                        }
                        current.text.push_str(&words);
                        if t.ends_with(char::is_whitespace) {
                            current.text.push(' ');
                        }
                    }
                    _ => {}
                }
            }
            ego_tree::iter::Edge::Close(node) => {
                if let Some(id) = skipping {
                    if id == node.id() {
                        skipping = None;
                    }
                    continue;
                }
                if let Node::Element(el) = node.value() {
                    let name = el.name();
                    if BLOCK_TAGS.contains(&name) {
                        flush(&mut current, &open_blocks, blocks);
                        open_blocks.pop();
                    } else if name == "a" {
                        in_link = in_link.saturating_sub(1);
                    }
                }
            }
        }
    }
    flush(&mut current, &open_blocks, blocks);
    Ok(())
}
