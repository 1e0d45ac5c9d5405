//! Clutter rules shared by every format: running headers and footers, link lists, teasers,
//! language switchers, breadcrumbs and the "related articles" tail.
//!
//! Every format is first turned into [`Line`]s (a text line, an HTML block, a PDF line); the
//! rules below mark lines as removed, with a reason, and never edit the lines they keep. The
//! rules are general heuristics about page furniture, not about any one site: each is a
//! pattern over the line's shape and position.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use model::Diagnostic;
use regex::Regex;

use crate::Result;
use crate::cancel::Cancel;

/// One line of a document on its way to the extracted text.
#[derive(Clone, Debug, Default)]
pub(crate) struct Line {
    /// The line, trimmed.
    pub text: String,
    /// Byte range in the decoded source text, where known.
    pub src: Option<Range<usize>>,
    /// One-based page, for paged formats.
    pub page: Option<u32>,
    /// Whether a paragraph starts here (a blank line or a block boundary before it).
    pub para_start: bool,
    /// Whether the line is a heading (HTML `h1`-`h6`, Markdown `#`).
    pub heading: bool,
    /// Share of the line's characters that sit inside links (HTML only).
    pub link_share: f32,
    /// Whether the line is an item of a list.
    pub list_item: bool,
    /// Why the line was dropped, if it was.
    pub removed: Option<&'static str>,
}

impl Line {
    fn kept(&self) -> bool {
        self.removed.is_none()
    }

    fn words(&self) -> usize {
        self.text.split_whitespace().count()
    }
}

/// What a browser prints on every page of a saved article: its title and address.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct PrintHeader {
    /// The page title, as the browser printed it ("Headline - Site").
    pub page_title: Option<String>,
    /// The page address.
    pub url: Option<String>,
}

macro_rules! re {
    ($name:ident, $pattern:expr) => {
        static $name: LazyLock<Regex> = LazyLock::new(|| Regex::new($pattern).unwrap());
    };
}

re!(
    PAGE_NUMBER,
    r"(?i)^[-–—(\[]?\s*(page|seite|página|pagina|pag\.|p\.|s\.)?\s*\d{1,3}\s*((of|von|de|di|sur|/|из)\s*\d{1,3})?\s*[-–—)\]]?$"
);
re!(PAGE_MARKER, r"(?i)\b(page|seite|página|pagina)\s+\d+\s+(of|von|de|di)\s+\d+");
re!(URL_ANYWHERE, r"(?i)(https?://|www\.)\S+");
re!(URL_ONLY, r"(?i)^[<(\[]?(https?://|www\.)\S+[>)\]]?$");
re!(
    PRINT_STAMP,
    r"^(\d{1,2}[./]\d{1,2}[./]\d{2,4}),?\s+\d{1,2}[:*.h]\d{2}(\s*[ap]\.?m\.?)?\s*(?P<title>.*)$"
);
re!(
    LABELS_ONLY,
    r"(?i)^((\p{L}[\p{L} ]{0,20}:\s*){2,}|(published|updated|posted|date|by|author|tags|topics|source|photo|category|share)\s*:)$"
);
re!(
    TEASER,
    r"(?i)^(read|read more|read also|also read|see also|related|watch|listen|more|recommended)\s*:\s*\S"
);
re!(
    SECTION_MARKER,
    r"(?i)^(related|related (articles|stories|posts|news|content|reading|coverage)|latest|latest (articles|news|stories|posts|updates)|more (articles|stories|news|on this|on this story|from [\p{L} ]{1,30})|recommended( for you| articles| stories)?|(most )?popular( articles| stories| now)?|most (read|viewed|shared|popular)|top (content|stories|news)( trending)?|trending( now| stories| topics)?|you (may|might) also (like|be interested in)|read (more|next|also)|further reading|see also|in other news|more in [\p{L} ]{1,30}|editor'?s picks)\s*:?$"
);
re!(
    LANGUAGE_SWITCH,
    r"(?i)^((languages? )?available in|read (this|it) in|also available in|other languages|language)\s*:?\s*(\p{L}+\s*[|/·•,]?\s*){0,8}$"
);
re!(
    LANGUAGE_NAMES,
    r"(?i)^((english|español|espanol|français|francais|deutsch|русский|عربي|العربية|فارسی|türkçe|italiano|português|中文|українська|kurdî|کوردی)\s*[|/·•,]?\s*){1,8}$"
);
re!(
    CALL_TO_ACTION,
    r"(?i)^(view|download|read|print|share|subscribe|sign up|sign in|log in|follow us|follow|click here|email|tweet|listen|watch|donate|support us|back to top|skip to (main )?content|go back)\b[\p{L} ]{0,30}$"
);
re!(
    SOCIAL,
    r"(?i)^((share|tweet|email|e-mail|print|facebook|twitter|x|whatsapp|linkedin|telegram|reddit|copy link|comments?( \(\d+\))?|\d+ comments?|advertisement|sponsored|cookie settings)\s*[|/·•,]?\s*)+$"
);
re!(BREADCRUMB, r"(?i)^home\s*([>/»›|]|$)");

/// Applies every rule to `lines` and reports what was removed; returns what the print headers
/// (if any) gave away about the page.
pub(crate) fn clean(
    lines: &mut [Line],
    diags: &mut Vec<Diagnostic>,
    cancel: &Cancel,
) -> Result<PrintHeader> {
    let header = running_headers(lines);
    cancel.check()?;
    for (n, line) in lines.iter_mut().filter(|l| l.kept()).enumerate() {
        if n % 4096 == 0 {
            cancel.check()?;
        }
        line.removed = single_line_rule(line);
    }
    cancel.check()?;
    breadcrumbs(lines);
    tail_lists(lines);
    link_lists(lines);
    let mut counts: HashMap<&'static str, usize> = HashMap::new();
    for line in lines.iter() {
        if let Some(reason) = line.removed {
            *counts.entry(reason).or_default() += 1;
        }
    }
    let mut counts: Vec<_> = counts.into_iter().collect();
    counts.sort();
    for (reason, n) in counts {
        diags.push(Diagnostic::new("clutter-removed", format!("{n} {reason} line(s) removed")));
    }
    Ok(header)
}

/// Rules that look at one line alone.
fn single_line_rule(line: &Line) -> Option<&'static str> {
    let t = line.text.as_str();
    if t.is_empty() {
        return Some("empty");
    }
    if URL_ONLY.is_match(t) {
        return Some("bare URL");
    }
    if PAGE_NUMBER.is_match(t) || (PAGE_MARKER.is_match(t) && line.words() <= 8) {
        return Some("page number");
    }
    if LABELS_ONLY.is_match(t) {
        return Some("empty label");
    }
    if TEASER.is_match(t) {
        return Some("teaser");
    }
    if LANGUAGE_SWITCH.is_match(t) || LANGUAGE_NAMES.is_match(t) {
        return Some("language switcher");
    }
    if SOCIAL.is_match(t) {
        return Some("share button");
    }
    if CALL_TO_ACTION.is_match(t) && !ends_sentence(t) && line.words() <= 5 {
        return Some("call to action");
    }
    if BREADCRUMB.is_match(t) {
        return Some("breadcrumb");
    }
    None
}

fn ends_sentence(t: &str) -> bool {
    let t = t.trim_end_matches(['"', '”', '’', '\'', ')']);
    (t.ends_with('.') && !t.ends_with("...")) || t.ends_with('!') || t.ends_with('?')
}

fn normalise(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    for c in t.chars() {
        if c.is_ascii_digit() {
            out.push('#');
        } else if c.is_whitespace() {
            if !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out.trim().to_string()
}

/// Lines a printer repeated: the same line (up to its digits) on several pages.
///
/// For paged input the repeats must sit in the top or bottom lines of their pages. For text
/// that was once a PDF (no page structure left) a repeated line must also look like page
/// furniture (a page marker, a URL, a printed date stamp), so that a quotation or caption that
/// an article repeats is kept.
fn running_headers(lines: &mut [Line]) -> PrintHeader {
    let paged = lines.iter().any(|l| l.page.is_some_and(|p| p > 1));
    let mut zone = vec![!paged; lines.len()];
    if paged {
        let mut by_page: HashMap<u32, Vec<usize>> = HashMap::new();
        for (i, l) in lines.iter().enumerate() {
            if !l.text.is_empty() {
                by_page.entry(l.page.unwrap_or(0)).or_default().push(i);
            }
        }
        for idx in by_page.values() {
            for &i in idx.iter().take(3).chain(idx.iter().rev().take(3)) {
                zone[i] = true;
            }
        }
    }
    let mut seen: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, l) in lines.iter().enumerate() {
        if zone[i] && !l.text.is_empty() && l.text.chars().count() <= 250 {
            seen.entry(normalise(&l.text)).or_default().push(i);
        }
    }
    let mut header = PrintHeader::default();
    for (_, idx) in seen.into_iter().filter(|(_, idx)| idx.len() >= 2) {
        let distinct_pages = {
            let mut p: Vec<_> = idx.iter().map(|&i| lines[i].page).collect();
            p.dedup();
            p.len()
        };
        let sample = lines[idx[0]].text.clone();
        let furniture = PAGE_MARKER.is_match(&sample)
            || URL_ANYWHERE.is_match(&sample)
            || PRINT_STAMP.is_match(&sample)
            || PAGE_NUMBER.is_match(&sample);
        if (paged && distinct_pages >= 2) || (!paged && furniture) {
            read_print_header(&sample, &mut header);
            for i in idx {
                lines[i].removed = Some("running header/footer");
            }
        }
    }
    header
}

fn read_print_header(line: &str, header: &mut PrintHeader) {
    if let Some(c) = PRINT_STAMP.captures(line) {
        let title = c["title"].trim();
        if !title.is_empty() && header.page_title.is_none() {
            header.page_title = Some(title.to_string());
        }
    }
    if PAGE_MARKER.is_match(line)
        && let Some(m) = URL_ANYWHERE.find(line)
        && header.url.is_none()
    {
        header.url = Some(m.as_str().to_string());
    }
}

/// A line that ends with the next line's text is a breadcrumb trail run together with the
/// headline it leads to ("HomeNewsWorldSome headline" above "Some headline").
fn breadcrumbs(lines: &mut [Line]) {
    let kept: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].kept()).collect();
    for pair in kept.windows(2) {
        let (a, b) = (&lines[pair[0]].text, &lines[pair[1]].text);
        if a.len() > b.len() && b.len() >= 12 && a.ends_with(b.as_str()) {
            lines[pair[0]].removed = Some("breadcrumb");
        }
    }
}

/// A section marker ("Related articles", "Latest news", "Top content") in the later part of a
/// document starts a list of other articles: drop it and what follows, until body prose
/// resumes (a long line that ends a sentence).
fn tail_lists(lines: &mut [Line]) {
    let total: usize = lines.iter().filter(|l| l.kept()).map(|l| l.text.len()).sum();
    let mut before = 0usize;
    let mut dropping = false;
    for line in lines.iter_mut() {
        if !line.kept() {
            continue;
        }
        let here = before;
        before += line.text.len();
        if SECTION_MARKER.is_match(&line.text) && here * 10 >= total * 3 {
            dropping = true;
            line.removed = Some("related-articles list");
            continue;
        }
        if dropping {
            if line.words() >= 30 && ends_sentence(&line.text) && line.link_share < 0.5 {
                dropping = false;
            } else {
                line.removed = Some("related-articles list");
            }
        }
    }
}

/// Runs of list items or short lines that are mostly links are navigation or link lists.
fn link_lists(lines: &mut [Line]) {
    for line in lines.iter_mut().filter(|l| l.kept()) {
        if line.link_share > 0.6 && (line.list_item || line.words() <= 12) {
            line.removed = Some("link list");
        }
    }
}
