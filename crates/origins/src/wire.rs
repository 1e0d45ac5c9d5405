//! Wire attribution: the news agency a text's dateline, byline or credit names.
//!
//! A reprint of a wire story names the agency in a few fixed places: the dateline
//! ("BEIRUT, May 3 (AFP) —"), a byline line ("By Jane Doe | Reuters", "Associated Press",
//! "— AFP"), a copyright line ("© 2024 AFP") or the agency's own sign-off ("(Reporting by ...;
//! Editing by ...)"). A name elsewhere in running text ("told AFP", "AP Photo") is not an
//! attribution and is not read as one.

use std::sync::OnceLock;

use regex::Regex;

/// The agencies recognised, each with the ways texts write it: general press vocabulary,
/// not any one case's. The first spelling is the name shown.
pub const AGENCIES: &[(&str, &[&str])] = &[
    ("AFP", &["AFP", "Agence France-Presse", "Agence France Presse"]),
    ("AP", &["AP", "The Associated Press", "Associated Press"]),
    ("Reuters", &["Reuters", "Thomson Reuters"]),
    ("dpa", &["dpa", "DPA", "Deutsche Presse-Agentur"]),
    ("EFE", &["EFE", "Agencia EFE"]),
    ("UPI", &["UPI", "United Press International"]),
    ("ANSA", &["ANSA"]),
    ("Xinhua", &["Xinhua"]),
    ("PTI", &["PTI", "Press Trust of India"]),
    ("Kyodo", &["Kyodo News", "Kyodo"]),
    ("Yonhap", &["Yonhap"]),
];

struct Patterns {
    /// Each pattern with the capture group that holds the agency's spelling.
    all: Vec<Regex>,
    /// Reuters' own sign-off, which names no agency.
    reporting_by: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let mut spellings: Vec<&str> = AGENCIES.iter().flat_map(|(_, s)| s.iter().copied()).collect();
        // Longest first, so that "Associated Press" is not read as a shorter spelling.
        spellings.sort_by_key(|s| std::cmp::Reverse(s.len()));
        let alt = spellings.iter().map(|s| regex::escape(s)).collect::<Vec<_>>().join("|");
        let dash = "[-–—:]";
        let sources = [
            // Dateline: "CITY, May 3 (AFP) —".
            format!(r"\(\s*({alt})\s*\)\s*{dash}"),
            // A byline line: "By Jane Doe | Reuters", "By Jane Doe, Associated Press",
            // "— AFP", "Reuters", "(AFP)".
            format!(
                r"(?m)^[ \t]*(?:By [^\n|]{{1,80}}?[ \t]*(?:\||,|/|{dash})[ \t]*|{dash}[ \t]*)?\(?({alt})\)?[ \t]*\.?[ \t]*$"
            ),
            // A credit: "© 2024 AFP", "Copyright 2019 The Associated Press".
            format!(r"(?:©|\([cC]\)|Copyright)\s*(?:\d{{4}}\s*)?({alt})\b"),
        ];
        Patterns {
            all: sources.iter().map(|s| Regex::new(s).expect("the agency patterns compile")).collect(),
            reporting_by: Regex::new(r"\(Reporting by [^)\n]{1,200}(?:Editing by|Writing by)[^)\n]{1,200}\)")
                .expect("the sign-off pattern compiles"),
        }
    })
}

/// The agency's shown name for one of its spellings.
fn canonical(spelling: &str) -> Option<&'static str> {
    AGENCIES.iter().find(|(_, s)| s.contains(&spelling)).map(|(name, _)| *name)
}

/// The wire agency the text names as its origin, the earliest attribution in the text first.
pub fn wire_agency(text: &str) -> Option<&'static str> {
    let p = patterns();
    let mut best: Option<(usize, &'static str)> = None;
    for re in &p.all {
        if let Some(m) = re.captures(text).and_then(|c| c.get(1))
            && best.is_none_or(|(at, _)| m.start() < at)
            && let Some(name) = canonical(m.as_str())
        {
            best = Some((m.start(), name));
        }
    }
    if let Some(m) = p.reporting_by.find(text)
        && best.is_none_or(|(at, _)| m.start() < at)
    {
        best = Some((m.start(), "Reuters"));
    }
    best.map(|(_, name)| name)
}
