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
const STOP_WORDS: &[&str] = &["the", "of", "for", "and", "in", "on", "at", "to", "de", "des", "du"];

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

/// Reads an organisation name.
pub fn org_name(name: &str) -> OrgName {
    let trimmed = name.trim();
    let is_acronym = (2..=8).contains(&trimmed.len())
        && trimmed.chars().all(|c| c.is_ascii_uppercase() || c == '.')
        && trimmed.chars().filter(char::is_ascii_uppercase).count() >= 2;
    let words: Vec<&str> = trimmed
        .split(|c: char| c.is_whitespace() || c == '-' || c == '/')
        .filter(|w| !w.is_empty())
        .collect();
    let mut country = None;
    let mut content: Vec<String> = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let bare = w.trim_end_matches("'s").trim_end_matches("’s");
        if (i == 0 || (i == 1 && STOP_WORDS.contains(&fold(words[0]).as_str())))
            && let Some(c) = read::lexicon::country_of(bare)
        {
            country = Some(c.to_string());
            continue;
        }
        let f: String = fold(bare).chars().filter(|c| c.is_alphanumeric()).collect();
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
