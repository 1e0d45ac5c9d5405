//! Organisation names as comparison keys: "the Syrian National Security Bureau" and
//! "National Security Office" share the key `national security`, with Syria as the country
//! the first name gives; acronyms ("NSB") are their initials.

use crate::names::fold;

/// Words that name the kind of a body, not which body it is.
const GENERIC_HEADS: &[&str] = &[
    "directorate",
    "service",
    "services",
    "bureau",
    "office",
    "agency",
    "department",
    "administration",
    "organization",
    "organisation",
];
/// Words that carry no identity at all.
const STOP_WORDS: &[&str] =
    &["the", "of", "for", "and", "in", "on", "at", "to", "de", "des", "du", "al", "el"];

/// An organisation name read for comparison.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct OrgName {
    /// The content words, folded, without the country and the generic head nouns.
    pub key: String,
    /// The country a leading nationality or country name gives ("Syrian ...").
    pub country: Option<String>,
    /// The initials of the name's content words with its head nouns ("NSB"), when it has
    /// two or more.
    pub initials: Option<String>,
    /// Whether the name is itself an acronym ("NSB", "DGSE").
    pub is_acronym: bool,
}

/// Abbreviations of country names that bodies' names open with ("US Treasury").
const COUNTRY_ABBREVIATIONS: &[(&str, &str)] = &[
    ("US", "United States"),
    ("U.S.", "United States"),
    ("USA", "United States"),
    ("U.S.A.", "United States"),
    ("UK", "United Kingdom"),
    ("U.K.", "United Kingdom"),
];

/// Country names, folded, to the lexicon's spelling: "Lebanon" → "Lebanon".
fn country_names() -> &'static std::collections::HashMap<String, &'static str> {
    static NAMES: std::sync::LazyLock<std::collections::HashMap<String, &'static str>> =
        std::sync::LazyLock::new(|| read::lexicon::countries().map(|c| (fold(c), c)).collect());
    &NAMES
}

/// The country that `words` (one to three of them, the last maybe possessive) name: a
/// nationality ("Syrian"), a country ("Lebanon's", "Saudi Arabia") or an abbreviation ("U.S.").
fn country_in(words: &[&str]) -> Option<&'static str> {
    let last = words.last()?;
    let bare_last = last.trim_end_matches("'s").trim_end_matches("’s");
    if words.len() == 1 {
        if let Some(&(_, c)) = COUNTRY_ABBREVIATIONS.iter().find(|(a, _)| *a == bare_last) {
            return Some(c);
        }
        if let Some(c) = read::lexicon::country_of(bare_last) {
            return Some(c);
        }
    }
    let phrase: Vec<&str> =
        words[..words.len() - 1].iter().copied().chain(std::iter::once(bare_last)).collect();
    country_names().get(&fold(&phrase.join(" "))).copied()
}

/// Reads an organisation name.
pub fn org_name(name: &str) -> OrgName {
    let trimmed = name.trim();
    let is_acronym = (2..=8).contains(&trimmed.len())
        && trimmed.chars().all(|c| c.is_ascii_uppercase() || c == '.')
        && trimmed.chars().filter(char::is_ascii_uppercase).count() >= 2;
    let mut words: Vec<&str> =
        trimmed.split(|c: char| c.is_whitespace() || c == '/').filter(|w| !w.is_empty()).collect();
    let mut country = None;
    if !is_acronym {
        // "the Syrian ...", "Lebanon's central bank", "Saudi Arabia's ...": a leading country.
        let from = usize::from(words.first().is_some_and(|w| fold(w) == "the"));
        for len in (1..=3).rev() {
            if words.len() > from + len
                && let Some(c) = country_in(&words[from..from + len])
            {
                country = Some(c.to_string());
                words.drain(from..from + len);
                break;
            }
        }
        // "Central Bank of Lebanon", "Ministry of Interior of Syria": a trailing one.
        if country.is_none() {
            for len in (1..=3).rev() {
                let Some(at) = words.len().checked_sub(len + 1) else { continue };
                if at > 0
                    && matches!(fold(words[at]).as_str(), "of" | "in")
                    && let Some(c) = country_in(&words[at + 1..])
                {
                    country = Some(c.to_string());
                    words.truncate(at);
                    break;
                }
            }
        }
    }
    let mut content: Vec<String> = Vec::new();
    for w in &words {
        let bare = w.trim_end_matches("'s").trim_end_matches("’s");
        // "Counter-Intelligence" is one word; "al-Quds" and "Al Quds" are "Quds".
        let folded = fold(bare);
        let folded = ["al-", "el-"]
            .iter()
            .find_map(|p| folded.strip_prefix(p))
            .map_or(folded.clone(), String::from);
        let f: String = folded.chars().filter(|c| c.is_alphanumeric()).collect();
        if f.is_empty() || STOP_WORDS.contains(&f.as_str()) {
            continue;
        }
        content.push(f);
    }
    let initials = (content.len() >= 2).then(|| {
        content.iter().filter_map(|w| w.chars().next()).collect::<String>().to_uppercase()
    });
    let kept: Vec<&str> =
        content.iter().map(String::as_str).filter(|w| !GENERIC_HEADS.contains(w)).collect();
    let key = if kept.is_empty() { content.join(" ") } else { kept.join(" ") };
    let key = if is_acronym { trimmed.replace('.', "").to_lowercase() } else { key };
    OrgName { key, country, initials, is_acronym }
}
