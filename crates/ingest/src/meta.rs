//! Metadata found in the text itself: date lines, headlines, bylines, language.
//!
//! These are the fallbacks for files without markup (wire copy, text dumps of PDFs). Structured
//! sources (HTML meta tags, JSON-LD, sidecars) take precedence, and nothing here ever guesses:
//! a document with no date line has no publication date.

use std::sync::LazyLock;

use model::{Field, Metadata, PartialDate, Provenance};
use regex::Regex;

use crate::clean::{Line, PrintHeader};

const MONTHS: [(&str, u8); 23] = [
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
];

fn month_number(name: &str) -> Option<u8> {
    let name = name.trim_end_matches('.').to_lowercase();
    if name == "dec" {
        return Some(12);
    }
    MONTHS.iter().find(|(n, _)| *n == name).map(|(_, m)| *m)
}

const MONTH: &str = r"(?i:january|february|march|april|may|june|july|august|september|october|november|december|jan\.?|feb\.?|mar\.?|apr\.?|jun\.?|jul\.?|aug\.?|sept?\.?|oct\.?|nov\.?|dec\.?)";

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}})(?:[T ][0-9:.+\-Z]*)?|(?P<sy>\d{{4}})/(?P<sm>\d{{1,2}})/(?P<sd>\d{{1,2}})|(?P<ed>\d{{1,2}})\.(?P<em>\d{{1,2}})\.(?P<ey>\d{{4}})|(?P<am>{MONTH})\s+(?P<ad>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<ay>\d{{4}})|(?P<bd>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<bm>{MONTH}),?\s+(?P<by>\d{{4}})|(?P<cm>{MONTH})\s+(?P<cy>\d{{4}}))\b"
    ))
    .unwrap()
});

static DATE_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:[•·*\-–—|]\s*)?(?:(?:first |last )?(?:published|posted|updated|date|dated|issued|released)(?: on)?\s*:?\s*)?(?:(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?\.?,?\s+)?")
        .unwrap()
});

static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:by|written by|author:|authors:|words by)\s+(?P<name>\p{Lu}[\p{L}'’.\-]+(?:\s+(?:\p{Lu}[\p{L}'’.\-]+|de|al|el|van|von|bin|ibn|and|&|,))*)\s*(?:[|,–—-]\s*.{0,40})?$")
        .unwrap()
});

static BARE_NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\p{Lu}[\p{L}'’\-]+(?:\s+\p{Lu}[\p{L}'’\-]+){1,3}$").unwrap());

/// Parses a date at the very start of `s`: `2018-12-24`, `2024/04/23`, `05.03.2018`,
/// `December 24, 2018`, `24 December 2018`, `March 2018`. Returns the date and the byte
/// length it took.
pub(crate) fn leading_date(s: &str) -> Option<(PartialDate, usize)> {
    let c = DATE.captures(s)?;
    let num = |name: &str| c.name(name).and_then(|m| m.as_str().parse::<i64>().ok());
    let month = |name: &str| c.name(name).and_then(|m| month_number(m.as_str()));
    let ymd = |y: i64, m: i64, d: i64| -> Option<PartialDate> {
        PartialDate::day(i32::try_from(y).ok()?, u8::try_from(m).ok()?, u8::try_from(d).ok()?).ok()
    };
    let date = if let (Some(y), Some(m), Some(d)) = (num("iy"), num("im"), num("id")) {
        ymd(y, m, d)
    } else if let (Some(y), Some(m), Some(d)) = (num("sy"), num("sm"), num("sd")) {
        ymd(y, m, d)
    } else if let (Some(y), Some(m), Some(d)) = (num("ey"), num("em"), num("ed")) {
        ymd(y, m, d)
    } else if let (Some(y), Some(m), Some(d)) = (num("ay"), month("am"), num("ad")) {
        ymd(y, m.into(), d)
    } else if let (Some(y), Some(m), Some(d)) = (num("by"), month("bm"), num("bd")) {
        ymd(y, m.into(), d)
    } else if let (Some(y), Some(m)) = (num("cy"), month("cm")) {
        PartialDate::month(i32::try_from(y).ok()?, m).ok()
    } else {
        None
    }?;
    Some((date, c.get(0)?.end()))
}

/// A date anywhere in a free-form value such as a meta tag ("2018-12-24T13:11:00Z",
/// "Mon, 24 Dec 2018 13:11:00 GMT").
pub(crate) fn date_in(value: &str) -> Option<PartialDate> {
    let value = value.trim();
    let mut starts = vec![0];
    starts.extend(value.char_indices().filter(|&(i, c)| i > 0 && c == ' ').map(|(i, _)| i + 1));
    starts.into_iter().find_map(|i| leading_date(&value[i..]).map(|(d, _)| d))
}

/// A line that is a date and little else: "December 24, 2018 at 1:11 pm", "• 2024/04/23",
/// "Published: March 5, 2018 | 10:32 GMT".
pub(crate) fn date_line(line: &str) -> Option<PartialDate> {
    let t = line.trim();
    let prefix = DATE_PREFIX.find(t).map_or(0, |m| m.end());
    let (date, len) = leading_date(&t[prefix..])?;
    let rest = &t[prefix + len..];
    let words = rest.split_whitespace().filter(|w| w.chars().any(|c| c.is_alphanumeric())).count();
    (words <= 4 && !rest.contains(". ")).then_some(date)
}

/// A wire story's dateline: the place in capitals, maybe its region or state, the date, and
/// a dash before the story ("KYIV, March 3, 2024 - ...", "LORNBY, Varsk, 3 March 2024 (Agency)
/// — ..."). The place is what says it is a dateline, not a sentence that opens on a date.
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Lu}[\p{Lu}\p{M} .'’\-]{1,40}(?:,\s*\p{Lu}[\p{L}. ]{1,30})?,\s+").unwrap()
});

/// The date of a dateline that opens `line` ([`DATELINE`]).
pub(crate) fn dateline(line: &str) -> Option<PartialDate> {
    let t = line.trim_start();
    let place = DATELINE.find(t)?;
    // At least two capitals in a row: "KYIV", not "In March" or "Kyiv".
    if place.as_str().chars().filter(|c| c.is_uppercase()).count() < 2
        || !place.as_str().chars().take(2).all(|c| c.is_uppercase())
    {
        return None;
    }
    let rest = &t[place.end()..];
    let (date, len) = leading_date(rest)?;
    let after = rest[len..].trim_start();
    // "(Agency) -" between the date and the dash.
    let after = match after.strip_prefix('(') {
        Some(inside) => inside.split_once(')').map_or(after, |(_, a)| a.trim_start()),
        None => after,
    };
    after.starts_with(['-', '–', '—', ':']).then_some(date)
}

fn title_like(t: &str) -> bool {
    let words = t.split_whitespace().count();
    (2..=30).contains(&words)
        && t.len() <= 250
        && !t.ends_with('.')
        && !t.ends_with(':')
        && date_line(t).is_none()
        && !t.contains("http")
}

/// Fills title, author and publication date from the kept lines, and removes a masthead
/// (site tagline) that stands above the headline.
pub(crate) fn from_lines(lines: &mut [Line], header: &PrintHeader, meta: &mut Metadata) {
    if let Some(page_title) = &header.page_title {
        // Browsers print "Headline - Site - Parent organisation".
        let mut parts = page_title.split(" - ").map(str::trim).filter(|p| !p.is_empty());
        if let Some(title) = parts.next() {
            meta.offer(Field::Title, title, Provenance::PrintHeader);
        }
        if let Some(site) = parts.next() {
            meta.offer(Field::Publisher, site, Provenance::PrintHeader);
        }
    }
    if let Some(url) = &header.url {
        meta.offer(Field::Url, url, Provenance::PrintHeader);
    }

    let kept: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].removed.is_none()).collect();
    let scan = kept.len().div_ceil(2).max(kept.len().min(40));
    let dated = kept.iter().take(scan).enumerate().find_map(|(k, &i)| {
        let date = date_line(&lines[i].text)?;
        Some((k, date))
    });
    if let Some((_, date)) = dated {
        meta.offer_date(date, Provenance::Text);
    } else if let Some(date) = kept.iter().take(12).find_map(|&i| dateline(&lines[i].text)) {
        meta.offer_date(date, Provenance::Text);
    }

    // The headline is the title-like line just above a date line near the top, or else the
    // first title-like line.
    let near_top = dated.filter(|(k, _)| *k <= 8).map(|(k, _)| k);
    // A bare name just above the date is the author's, not the headline.
    let headline_like = |j: usize| {
        let t = &lines[kept[j]].text;
        title_like(t) && !BARE_NAME.is_match(t) && !BYLINE.is_match(t)
    };
    let headline = near_top
        .and_then(|k| (0..k).rev().find(|&j| headline_like(j)))
        .or_else(|| (0..kept.len().min(5)).find(|&j| headline_like(j)));
    if let Some(j) = headline {
        meta.offer(Field::Title, &lines[kept[j]].text, Provenance::Text);
        // Short lines above a headline that sits right over its date line are the site's
        // masthead or tagline. A line that markup named as the title is never one.
        if near_top.is_some() {
            for &i in &kept[..j] {
                let l = &mut lines[i];
                let is_title = meta.title.as_deref() == Some(l.text.as_str());
                if !is_title && l.text.split_whitespace().count() <= 8 && !l.text.ends_with('.') {
                    l.removed = Some("masthead");
                }
            }
        }
    }

    // A bare name right under the headline, wherever the headline stands, is its author.
    if let Some(title) = meta.title.clone() {
        let kept: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].removed.is_none()).collect();
        let under = kept.windows(2).find(|w| lines[w[0]].text == title).map(|w| &lines[w[1]].text);
        if let Some(line) = under
            && BARE_NAME.is_match(line)
        {
            meta.offer(Field::Author, line, Provenance::Text);
        }
    }
    for &i in kept.iter().take(12) {
        if let Some(c) = BYLINE.captures(&lines[i].text) {
            let name = c["name"].trim_end_matches([',', ' ', '&']).trim();
            if name.split_whitespace().count() >= 2 {
                meta.offer(Field::Author, name, Provenance::Text);
                break;
            }
        }
    }
}

/// The language of `text` as an ISO 639-1 code where one exists, when the identifier is sure.
pub(crate) fn language(text: &str) -> Option<String> {
    // A few thousand characters identify a language as well as the whole text, at a fraction
    // of the cost (identification was the largest single cost of ingest).
    let sample: String = text.chars().take(3_000).collect();
    let info = whatlang::detect(&sample)?;
    if !info.is_reliable() && info.confidence() < 0.5 {
        return None;
    }
    let code = info.lang().code();
    let short = match code {
        "eng" => "en",
        "deu" => "de",
        "fra" => "fr",
        "spa" => "es",
        "ara" => "ar",
        "rus" => "ru",
        "ukr" => "uk",
        "tur" => "tr",
        "ita" => "it",
        "por" => "pt",
        "pes" => "fa",
        "heb" => "he",
        "cmn" => "zh",
        "jpn" => "ja",
        "kor" => "ko",
        "nld" => "nl",
        "pol" => "pl",
        "swe" => "sv",
        "urd" => "ur",
        "hin" => "hi",
        "ell" => "el",
        "ces" => "cs",
        "ron" => "ro",
        "hun" => "hu",
        "bel" => "be",
        "srp" => "sr",
        "hrv" => "hr",
        "aze" => "az",
        "kat" => "ka",
        "hye" => "hy",
        other => other,
    };
    Some(short.to_string())
}

/// Normalises a language tag from markup ("en-US", "EN", "en_GB") to its primary subtag.
pub(crate) fn language_tag(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    (2..=3).contains(&primary.len()).then_some(primary)
}
