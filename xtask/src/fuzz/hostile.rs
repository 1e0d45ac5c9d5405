//! Generated hostile inputs: news-like text with every kind of Unicode space, punctuation and
//! symbol, combining marks, bidi controls, astral characters, invalid UTF-8, UTF-16, very long
//! runs, deeply nested or broken HTML and entity bombs. The people and places are invented.

use super::MAX_INPUT;
use super::rng::Rng;
pub use super::tables::{ODD, PHRASES, PUNCTUATION, SPACES};

const FIRST: &[&str] = &["Ana", "Jon", "Ilse", "Tomas", "Rafa", "Mira", "Oleg", "Sade"];
const LAST: &[&str] = &["Torvik", "Pellar", "Danescu", "Okoro", "Varga-Lind", "al-Qirwan"];
const PLACES: &[&str] = &["Vantor", "Eastmark", "Port Selva", "the Republic of Brell"];
const ORGS: &[&str] = &["the Interior Ministry", "the Brell Security Service", "Vantor Bank"];
const TITLES: &[&str] = &["General", "Colonel", "Minister", "Dr.", "Mr.", "Ms.", "President"];
const DATES: &[&str] = &[
    "12 March 2019",
    "March 12, 2019",
    "on Monday",
    "last year",
    "in 1987",
    "2019-03-12",
    "two months later",
    "the next day",
    "at 10:30 a.m.",
    "in the first quarter",
    "31 February 2020",
    "in March",
    "by February",
    "since 2001",
];
const VERBS: &[&str] = &[
    "was appointed head of",
    "met",
    "was sanctioned by",
    "is wanted by",
    "allegedly ordered",
    "said",
    "denied meeting",
    "was arrested in",
    "resigned as director of",
];

/// One news-like sentence about invented people, with a date in it.
pub fn sentence(rng: &mut Rng) -> String {
    let person = format!("{} {} {}", rng.pick(TITLES), rng.pick(FIRST), rng.pick(LAST));
    let object = if rng.chance(50) { *rng.pick(ORGS) } else { *rng.pick(PLACES) };
    let date = rng.pick(DATES);
    match rng.below(4) {
        0 => format!("{date}, {person} {} {object}.", rng.pick(VERBS)),
        1 => format!("{person} {} {object} {date}.", rng.pick(VERBS)),
        2 => format!("\u{201C}We deny it,\u{201D} {person} said {date}, according to {object}."),
        _ => format!("{person}, who {} {object}, died {date}.", rng.pick(VERBS)),
    }
}

fn paragraph(rng: &mut Rng) -> String {
    let n = 1 + rng.below(6);
    (0..n).map(|_| sentence(rng)).collect::<Vec<_>>().join(" ")
}

/// News text: a title line, a date line and paragraphs.
pub fn news(rng: &mut Rng) -> String {
    let mut out =
        format!("{} visits {}\n\n{}\n\n", rng.pick(LAST), rng.pick(PLACES), rng.pick(DATES));
    for _ in 0..1 + rng.below(5) {
        out.push_str(&paragraph(rng));
        out.push_str("\n\n");
    }
    out
}

/// One character from the hostile tables.
pub fn odd_char(rng: &mut Rng) -> char {
    match rng.below(3) {
        0 => *rng.pick(SPACES),
        1 => *rng.pick(PUNCTUATION),
        _ => *rng.pick(ODD),
    }
}

/// A hostile input and the file extension it comes with.
pub fn generate(rng: &mut Rng) -> (Vec<u8>, &'static str) {
    match rng.below(11) {
        0 => (spaced_news(rng).into_bytes(), "txt"),
        1 => (unicode_soup(rng).into_bytes(), *rng.pick(&["txt", "md", ""])),
        2 => (invalid_utf8(rng), *rng.pick(&["txt", "html", ""])),
        3 => (utf16(rng), *rng.pick(&["txt", "html", ""])),
        4 => (long_run(rng).into_bytes(), *rng.pick(&["txt", "md"])),
        5 => (nested_html(rng).into_bytes(), "html"),
        6 => (broken_html(rng).into_bytes(), *rng.pick(&["html", "htm", "txt"])),
        7 => (entity_bomb(rng).into_bytes(), "html"),
        8 => (markdown(rng).into_bytes(), "md"),
        9 => (spaced_news(rng).into_bytes(), "md"),
        _ => (wrapped_html(rng).into_bytes(), "html"),
    }
}

/// News whose spaces are replaced, some or all, by other spaces, and with odd characters
/// sprinkled in.
fn spaced_news(rng: &mut Rng) -> String {
    let text = news(rng);
    let all = rng.chance(30);
    let space = *rng.pick(SPACES);
    let sprinkle = rng.below(4);
    let mut out = String::with_capacity(text.len() * 2);
    for c in text.chars() {
        if c == ' ' && (all || rng.chance(20)) {
            out.push(if rng.chance(70) { space } else { *rng.pick(SPACES) });
        } else {
            out.push(c);
        }
        if sprinkle > 0 && rng.chance(sprinkle as u64 * 2) {
            out.push(odd_char(rng));
        }
    }
    out
}

/// Words, phrases and characters from every table, mixed.
fn unicode_soup(rng: &mut Rng) -> String {
    let mut out = String::new();
    let n = rng.size(4000);
    for _ in 0..n {
        match rng.below(6) {
            0 => out.push_str(rng.pick::<&str>(PHRASES)),
            1 => out.push_str(&sentence(rng)),
            2 => out.push_str(rng.pick::<&str>(DATES)),
            _ => out.push(odd_char(rng)),
        }
        if rng.chance(30) {
            out.push(*rng.pick(SPACES));
        }
    }
    out
}

/// UTF-8 text with invalid sequences: encoded surrogates, overlong forms, lone continuation
/// bytes, truncated sequences, bytes that never occur in UTF-8.
fn invalid_utf8(rng: &mut Rng) -> Vec<u8> {
    const BAD: &[&[u8]] = &[
        b"\xED\xA0\x80",
        b"\xED\xBF\xBF",
        b"\xED\xA0\xBD\xED\xB8\x80",
        b"\xC0\x80",
        b"\xC0\xAF",
        b"\xE0\x80\x80",
        b"\xF0\x80\x80\x80",
        b"\xF4\x90\x80\x80",
        b"\x80",
        b"\xBF",
        b"\xF0\x9F\x98",
        b"\xE2\x80",
        b"\xC2",
        b"\xFE",
        b"\xFF",
        b"\xF8\x88\x80\x80\x80",
        b"\xEF\xBB\xBF",
    ];
    let text = news(rng);
    let mut out = Vec::with_capacity(text.len() + 64);
    let rate = 1 + rng.below(20) as u64;
    for b in text.bytes() {
        out.push(b);
        if b == b' ' && rng.chance(rate) {
            out.extend_from_slice(rng.pick::<&[u8]>(BAD));
        }
    }
    out
}

/// Text as UTF-16, little- or big-endian, with or without a byte order mark, sometimes with
/// unpaired surrogates.
fn utf16(rng: &mut Rng) -> Vec<u8> {
    let text = if rng.chance(50) { news(rng) } else { unicode_soup(rng) };
    let mut units: Vec<u16> = text.encode_utf16().collect();
    if rng.chance(30) {
        for _ in 0..1 + rng.below(5) {
            let at = rng.below(units.len() + 1);
            units.insert(at, *rng.pick(&[0xD800, 0xDBFF, 0xDC00, 0xDFFF]));
        }
    }
    if rng.chance(50) {
        units.insert(0, 0xFEFF);
    }
    let big = rng.chance(50);
    let mut out = Vec::with_capacity(units.len() * 2);
    for u in units {
        out.extend_from_slice(&if big { u.to_be_bytes() } else { u.to_le_bytes() });
    }
    out
}

/// Very long words, sentences, paragraphs and repetitions, up to [`MAX_INPUT`] bytes.
fn long_run(rng: &mut Rng) -> String {
    let size = rng.size(MAX_INPUT);
    let unit: String = match rng.below(9) {
        0 => "a".into(),
        1 => format!("{}{}", rng.pick(FIRST), odd_char(rng)),
        2 => "word ".into(),
        3 => format!("{} ", rng.pick(DATES)),
        4 => "Mr. ".into(),
        5 => "(".into(),
        6 => "\u{201C}".into(),
        7 => format!("{}\u{00A0}", rng.pick(LAST)),
        _ => format!("{} ", sentence(rng)),
    };
    let mut out = sentence(rng);
    out.push(' ');
    while out.len() + unit.len() <= size {
        out.push_str(&unit);
    }
    if rng.chance(50) {
        out.push_str(&sentence(rng));
    }
    out
}

/// Elements nested up to thousands deep, closed or not.
fn nested_html(rng: &mut Rng) -> String {
    let tag = *rng.pick(&["div", "span", "p", "b", "table", "ul", "li", "blockquote", "a", "td"]);
    let open = format!("<{tag}>");
    let depth = rng.size(MAX_INPUT / (2 * open.len() + 1)).min(40_000);
    let mut out = String::from("<html><head><title>Nested</title></head><body>");
    for _ in 0..depth {
        out.push_str(&open);
    }
    out.push_str(&paragraph(rng));
    if rng.chance(50) {
        for _ in 0..depth {
            out.push_str(&format!("</{tag}>"));
        }
    }
    out.push_str("</body></html>");
    out
}

/// Tag soup: unterminated tags, comments, scripts and CDATA; odd charsets and metadata.
fn broken_html(rng: &mut Rng) -> String {
    const PIECES: &[&str] = &[
        "<div",
        "</p>",
        "<p <p>",
        "<!--",
        "-->",
        "<script>",
        "</script>",
        "<style>",
        "<![CDATA[",
        "]]>",
        "<a href=\"javascript:alert(1)\">",
        "<a href='",
        "<meta charset=\"utf-16\">",
        "<meta charset=x-unknown>",
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1256\">",
        "<meta property=\"og:url\" content=\"javascript:alert(1)\">",
        "<meta name=\"date\" content=\"99999-99-99\">",
        "<meta property=\"article:published_time\" content=\"2019-02-30T25:61\">",
        "<time datetime=\"0000-00-00\">",
        "<title>",
        "</title>",
        "<h1>",
        "<br/>",
        "<table><tr><td>",
        "<!DOCTYPE",
        "<?xml version=\"1.0\"?>",
        "<svg><foreignObject>",
        "<template>",
        "<noscript>",
        "<iframe srcdoc=\"<p>x</p>\">",
        "\0",
        "&",
        "<",
        ">",
    ];
    let mut out = String::new();
    for _ in 0..rng.size(3000) {
        if rng.chance(40) {
            out.push_str(rng.pick::<&str>(PIECES));
        } else {
            out.push_str(&sentence(rng));
        }
    }
    out
}

/// Entities by the thousand: nested-looking, out of range, surrogates, unterminated.
fn entity_bomb(rng: &mut Rng) -> String {
    const ENTITIES: &[&str] = &[
        "&amp;amp;amp;amp;",
        "&#x10FFFF;",
        "&#x110000;",
        "&#xD800;",
        "&#0;",
        "&#99999999999999999999;",
        "&nbsp;",
        "&NotNestedGreaterGreater;",
        "&#x",
        "&#",
        "&",
        "&thinsp;",
        "&#8239;",
        "&#12288;",
        "&lt;div&gt;",
        "&#x202E;",
        "&zwj;",
        "&shy;",
    ];
    let mut out = String::from("<html><body><p>");
    let unit_space = rng.chance(50);
    for _ in 0..rng.size(MAX_INPUT / 16) {
        out.push_str(rng.pick::<&str>(ENTITIES));
        if unit_space {
            out.push(' ');
        }
        if rng.chance(5) {
            out.push_str(&sentence(rng));
        }
    }
    out.push_str("</p></body></html>");
    out
}

/// Markdown with deep quotes and lists, front matter, tables and link references.
fn markdown(rng: &mut Rng) -> String {
    let mut out = String::new();
    if rng.chance(50) {
        out.push_str("---\ntitle: \"unterminated\ndate: 2019-13-45\n---\n\n");
    }
    for _ in 0..rng.size(200) {
        let prefix = match rng.below(6) {
            0 => ">".repeat(rng.size(500)),
            1 => format!("{}- ", "  ".repeat(rng.size(200))),
            2 => "#".repeat(rng.size(10)) + " ",
            3 => "| a | b |\n|---|---|\n| ".into(),
            4 => "[x]: http://example.invalid \"t\"\n".into(),
            _ => String::new(),
        };
        out.push_str(&prefix);
        out.push_str(&paragraph(rng));
        out.push_str("\n\n");
    }
    out
}

/// News paragraphs in an ordinary page, with odd spaces and entities.
fn wrapped_html(rng: &mut Rng) -> String {
    let mut out = String::from(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Report</title>\
         <meta name=\"date\" content=\"2019-03-12\"></head><body><article>",
    );
    for _ in 0..1 + rng.below(8) {
        out.push_str("<p>");
        let para = spaced_news(rng);
        for c in para.chars() {
            if c == '\u{00A0}' && rng.chance(50) {
                out.push_str("&nbsp;");
            } else {
                out.push(c);
            }
        }
        out.push_str("</p>");
    }
    out.push_str("</article></body></html>");
    out
}
