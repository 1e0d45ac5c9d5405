//! A labelled set for origin clustering, made at run time, and its pair scores.
//!
//! [`rehost`] makes copies of real documents the way sites republish a story: another
//! headline, a byline or dateline, a sentence dropped or added, words changed, the end cut,
//! inside a site's page with its menus, cookie banner, related links and footer (as HTML or as
//! a text dump). Copies of one original are one origin; distinct originals are distinct
//! origins, and the hardest of those are originals about the same person, which
//! [`main_names`] finds. [`score`] counts pairs.
//!
//! Everything is a pure function of the texts and the seed: the same seed makes the same set.

use std::collections::BTreeMap;
use std::fmt::Write as _;

#[cfg(test)]
mod tests;

/// A small deterministic generator (SplitMix64), so that a seed makes the same set on every
/// machine and in every build.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        ((self.next_u64() >> 11) as f64 / (1u64 << 53) as f64) < p
    }

    /// One of `items`.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// One small edit a copy went through, for recall by kind of edit.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub enum Edit {
    /// Another headline.
    Headline,
    /// A byline added.
    Byline,
    /// A dateline added to the first paragraph.
    Dateline,
    /// A sentence dropped.
    SentenceDropped,
    /// A sentence added.
    SentenceAdded,
    /// A few words changed.
    WordsChanged,
    /// The last paragraphs cut, the last kept one cut short.
    Truncated,
    /// Served as an HTML page (else as a text dump with its clutter lines).
    Html,
}

impl Edit {
    /// The name shown in tables.
    pub fn as_str(&self) -> &'static str {
        match self {
            Edit::Headline => "headline",
            Edit::Byline => "byline",
            Edit::Dateline => "dateline",
            Edit::SentenceDropped => "sentence dropped",
            Edit::SentenceAdded => "sentence added",
            Edit::WordsChanged => "words changed",
            Edit::Truncated => "truncated",
            Edit::Html => "html page",
        }
    }
}

/// A re-hosted copy of an original.
#[derive(Clone, Debug)]
pub struct Copy {
    /// The original's index.
    pub of: usize,
    /// A file name for the copy (its extension says its format).
    pub file_name: String,
    /// The page as served.
    pub bytes: Vec<u8>,
    /// What was done to the text.
    pub edits: Vec<Edit>,
}

// Invented sites, people and places: the copies must not bring names of their own that a real
// case could hold.
const SITES: &[&str] = &[
    "The Northgate Courier",
    "Harbour Lights Daily",
    "Meridian News Online",
    "The Velmoran Standard",
    "Eastfield Gazette",
];
const WRITERS: &[&str] =
    &["Tamsin Orwell-Kade", "Bram Ellory", "Noor Havisk", "Idris Pellane", "Sofi Marrick"];
const CITIES: &[&str] = &["NORHAVEN", "KARSK", "VELMORA", "ESTRAVEL", "PORT ALDEN"];
const AGENCY_TAGS: &[&str] = &["AFP", "Reuters", "AP"];
const MONTHS: &[&str] = &["January", "March", "May", "July", "September", "November"];
const FILLERS: &[&str] = &[
    "Officials did not immediately respond to a request for comment.",
    "The story has been updated with additional details.",
    "Further information was not immediately available.",
    "Our correspondent contributed reporting to this article.",
];
const REPLACEMENTS: &[&str] =
    &["officials", "reportedly", "several", "government", "recent", "senior", "announced"];
const MENU: &[&str] =
    &["Home", "World", "Politics", "Business", "Opinion", "Sport", "Culture", "Video"];
const MOST_READ: &[&str] = &[
    "Ten things to know before the weekend",
    "Storm warning issued for coastal districts",
    "Local team wins the regional cup after extra time",
    "Fuel prices expected to rise again next month",
];

/// The first words of a text's first line, as a headline for related-links lists (a text
/// without a headline gives the start of its first paragraph, as teasers do).
fn headline(text: &str) -> String {
    let first = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("");
    first.split_whitespace().take(12).collect::<Vec<_>>().join(" ")
}

fn sentences(paragraph: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    let b = paragraph.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        if matches!(c, b'.' | b'!' | b'?') && (i + 1 == b.len() || b[i + 1] == b' ') {
            out.push(paragraph[start..=i].trim().to_string());
            start = i + 1;
        }
    }
    if start < paragraph.len() && !paragraph[start..].trim().is_empty() {
        out.push(paragraph[start..].trim().to_string());
    }
    out
}

/// Makes `per` copies of each original, re-hosted on invented sites with small edits.
pub fn rehost(originals: &[&str], per: usize, seed: u64) -> Vec<Copy> {
    let mut rng = Rng::new(seed);
    let headlines: Vec<String> = originals.iter().map(|t| headline(t)).collect();
    let mut out = Vec::new();
    for (of, text) in originals.iter().enumerate() {
        for k in 0..per {
            out.push(one_copy(&mut rng, of, k, text, &headlines));
        }
    }
    out
}

fn one_copy(rng: &mut Rng, of: usize, k: usize, text: &str, headlines: &[String]) -> Copy {
    let mut edits = Vec::new();
    let mut paragraphs: Vec<String> =
        text.split("\n\n").map(|p| p.trim().to_string()).filter(|p| !p.is_empty()).collect();
    // The original's first line is its headline when it is short.
    let mut title = String::new();
    if paragraphs.first().is_some_and(|p| p.len() < 200 && paragraphs.len() > 1) {
        title = paragraphs.remove(0);
    }
    if rng.chance(0.7) || title.is_empty() {
        // Another headline: a few words of a sentence of the story, as sub-editors do.
        let all: Vec<String> = paragraphs.iter().flat_map(|p| sentences(p)).collect();
        if let Some(s) = all.get(rng.below(all.len().max(1))) {
            let words: Vec<&str> = s.split_whitespace().take(6 + rng.below(4)).collect();
            title = words.join(" ").trim_end_matches(['.', ',', ';']).to_string();
            edits.push(Edit::Headline);
        }
    }
    if rng.chance(0.3) && paragraphs.len() > 3 {
        let keep = (paragraphs.len() * (60 + rng.below(26)) / 100).max(2);
        paragraphs.truncate(keep);
        if let Some(last) = paragraphs.last_mut() {
            let s = sentences(last);
            if s.len() > 1 {
                *last = format!("{} ...", s[..s.len().div_ceil(2)].join(" "));
            }
        }
        edits.push(Edit::Truncated);
    }
    if rng.chance(0.5) {
        // A sentence of running prose: not a line of a list, not a run-on block that the
        // splitter could not cut.
        let prose = |s: &String| s.split_whitespace().count() <= 60;
        let with_many: Vec<usize> = (0..paragraphs.len())
            .filter(|&i| !paragraphs[i].contains('\n'))
            .filter(|&i| sentences(&paragraphs[i]).iter().filter(|s| prose(s)).count() > 1)
            .collect();
        if !with_many.is_empty() {
            let p = with_many[rng.below(with_many.len())];
            let mut s = sentences(&paragraphs[p]);
            let short: Vec<usize> = (0..s.len()).filter(|&i| prose(&s[i])).collect();
            s.remove(short[rng.below(short.len())]);
            paragraphs[p] = s.join(" ");
            edits.push(Edit::SentenceDropped);
        }
    }
    if rng.chance(0.4) && !paragraphs.is_empty() {
        let p = rng.below(paragraphs.len());
        let filler = rng.pick(FILLERS);
        paragraphs[p] = format!("{} {filler}", paragraphs[p]);
        edits.push(Edit::SentenceAdded);
    }
    if rng.chance(0.6) {
        for _ in 0..1 + rng.below(4) {
            if paragraphs.is_empty() {
                break;
            }
            let p = rng.below(paragraphs.len());
            let mut words: Vec<String> = paragraphs[p].split(' ').map(str::to_string).collect();
            let w = rng.below(words.len());
            if words[w].chars().count() > 3 {
                words[w] = rng.pick(REPLACEMENTS).to_string();
            }
            paragraphs[p] = words.join(" ");
        }
        edits.push(Edit::WordsChanged);
    }
    if rng.chance(0.3) && !paragraphs.is_empty() {
        let agency =
            if rng.chance(0.5) { format!(" ({})", rng.pick(AGENCY_TAGS)) } else { String::new() };
        paragraphs[0] = format!(
            "{}, {} {}{agency} — {}",
            rng.pick(CITIES),
            rng.pick(MONTHS),
            1 + rng.below(28),
            paragraphs[0]
        );
        edits.push(Edit::Dateline);
    }
    let byline = if rng.chance(0.6) {
        edits.push(Edit::Byline);
        Some(format!("By {}", rng.pick(WRITERS)))
    } else {
        None
    };
    let site = rng.pick(SITES);
    let related: Vec<&str> = (0..3)
        .map(|_| headlines[rng.below(headlines.len())].as_str())
        .filter(|h| !h.is_empty())
        .collect();
    let html = rng.chance(0.6);
    let file_name = format!("copy-{of:03}-{k}.{}", if html { "html" } else { "txt" });
    let bytes = if html {
        edits.push(Edit::Html);
        page_html(site, &title, byline.as_deref(), &paragraphs, &related)
    } else {
        page_text(site, &title, byline.as_deref(), &paragraphs, &related)
    };
    Copy { of, file_name, bytes: bytes.into_bytes(), edits }
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

fn page_html(
    site: &str,
    title: &str,
    byline: Option<&str>,
    paragraphs: &[String],
    related: &[&str],
) -> String {
    let mut h = String::new();
    let _ = write!(
        h,
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{} | {}</title>\
         <meta property=\"og:site_name\" content=\"{}\"></head><body><header><div class=\"logo\">{}</div><nav><ul>",
        esc(title),
        esc(site),
        esc(site),
        esc(site)
    );
    for m in MENU {
        let _ = write!(h, "<li><a href=\"/{}\">{m}</a></li>", m.to_lowercase());
    }
    h.push_str(
        "</ul></nav></header><div class=\"cookie-banner\" id=\"cookie-consent\"><p>We use cookies \
         to personalise content and ads and to analyse our traffic. By continuing to use this \
         site you agree to our use of cookies.</p><button>Accept all</button> <button>Manage \
         preferences</button></div><main><article>",
    );
    let _ = write!(h, "<h1>{}</h1>", esc(title));
    if let Some(b) = byline {
        let _ = write!(h, "<p class=\"byline\">{}</p>", esc(b));
    }
    for p in paragraphs {
        let _ = write!(h, "<p>{}</p>", esc(p));
    }
    h.push_str("<div class=\"share\">Share this article: Facebook Twitter WhatsApp Email</div></article><aside><h2>Related stories</h2><ul>");
    for r in related {
        let _ = write!(h, "<li><a href=\"/related\">{}</a></li>", esc(r));
    }
    h.push_str("</ul><h2>Most read</h2><ol>");
    for r in MOST_READ {
        let _ = write!(h, "<li><a href=\"/most-read\">{r}</a></li>");
    }
    let _ = write!(
        h,
        "</ol></aside></main><footer><p>© 2025 {}. All rights reserved.</p><p><a href=\"/about\">About us</a> | \
         <a href=\"/contact\">Contact</a> | <a href=\"/privacy\">Privacy policy</a> | <a href=\"/terms\">Terms of use</a></p>\
         <p>Subscribe to our newsletter for the day's top stories.</p></footer></body></html>",
        esc(site)
    );
    h
}

fn page_text(
    site: &str,
    title: &str,
    byline: Option<&str>,
    paragraphs: &[String],
    related: &[&str],
) -> String {
    let mut t = String::new();
    let _ = writeln!(t, "{site}\n\n{}\n\nAdvertisement\n\n{title}\n", MENU.join(" | "));
    if let Some(b) = byline {
        let _ = writeln!(t, "{b}\n");
    }
    for p in paragraphs {
        let _ = writeln!(t, "{p}\n");
    }
    let _ = writeln!(t, "Share this article\n\nRelated stories\n");
    for r in related {
        let _ = writeln!(t, "{r}\n");
    }
    let _ = writeln!(t, "Most read\n");
    for r in MOST_READ {
        let _ = writeln!(t, "{r}\n");
    }
    let _ = writeln!(
        t,
        "© 2025 {site}. All rights reserved.\n\nAbout us | Contact | Privacy policy | Terms of use"
    );
    t
}

/// The names a text is most about: its three most frequent capitalised words of four letters
/// or more that do not open a sentence, each coming at least three times (surnames, bodies,
/// countries and their adjectives). Two originals that share one are about the same person,
/// affair or country: the pairs that must stay apart although they share a subject.
pub fn main_names(text: &str) -> Vec<String> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    let mut opens = true;
    for raw in text.split_whitespace() {
        let word = raw.trim_matches(|c: char| !c.is_alphanumeric());
        let mut c = word.chars();
        let capitalised = c.next().is_some_and(char::is_uppercase)
            && c.clone().next().is_some_and(char::is_lowercase)
            && c.all(char::is_alphabetic);
        if capitalised && !opens && word.chars().count() >= 4 {
            *counts.entry(word.to_string()).or_default() += 1;
        }
        opens = raw.ends_with(['.', '!', '?', ':', '"', '\u{201d}']);
    }
    let mut ranked: Vec<(usize, String)> =
        counts.into_iter().filter(|(_, n)| *n >= 3).map(|(w, n)| (n, w)).collect();
    // Most frequent first, then in name order, so that ties do not depend on the map.
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    ranked.into_iter().take(3).map(|(_, w)| w).collect()
}

/// Pair counts of a clustering against the truth.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct PairCounts {
    /// Pairs that are one origin.
    pub truth: usize,
    /// Pairs put in one cluster.
    pub predicted: usize,
    /// Pairs that are one origin and were put in one cluster.
    pub correct: usize,
}

impl PairCounts {
    /// Correct over predicted (1 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        if self.predicted == 0 { 1.0 } else { self.correct as f64 / self.predicted as f64 }
    }

    /// Correct over truth (1 when there is no truth).
    pub fn recall(&self) -> f64 {
        if self.truth == 0 { 1.0 } else { self.correct as f64 / self.truth as f64 }
    }

    /// Harmonic mean of the two.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
}

/// Counts pairs of documents: `truth[i]` and `predicted[i]` are document `i`'s true origin and
/// cluster. Quadratic in the documents: a labelled set is hundreds of documents.
pub fn score(truth: &[usize], predicted: &[usize]) -> PairCounts {
    let mut c = PairCounts::default();
    for i in 0..truth.len() {
        for j in i + 1..truth.len() {
            let t = truth[i] == truth[j];
            let p = predicted[i] == predicted[j];
            c.truth += usize::from(t);
            c.predicted += usize::from(p);
            c.correct += usize::from(t && p);
        }
    }
    c
}
