//! What a name's shape says of what it names, when the claims stage tied it to no person:
//! a person's name, an acronym, a body's name.

use claims::view::is_body_word;

/// A value that looks like a person's name, not a description ("a U.S. intelligence
/// official"): every word capitalised but particles.
pub(crate) fn name_like(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    !words.is_empty()
        && words.iter().all(|w| {
            let lower = w.to_lowercase();
            w.chars().next().is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
                || ["al", "el", "bin", "ibn", "de", "da", "van", "von", "al-", "el-"]
                    .contains(&lower.as_str())
                || lower.starts_with("al-")
                || lower.starts_with("el-")
        })
}

/// Whether a name is an acronym ("FSB", "U.N.", "ICC"): two to six capitals, with or without
/// dots. A person written so ("JFK") is a person mention the claims stage ties to a person,
/// which this is only asked about when it did not.
pub(crate) fn acronym(name: &str) -> bool {
    let letters: Vec<char> = name.chars().filter(|c| *c != '.').collect();
    (2..=6).contains(&letters.len()) && letters.iter().all(|c| c.is_uppercase())
}

/// Whether a name is a body's: its last word is a body's head word ("Institute", "Bureau",
/// "Enterprise", "Company"), or it ends in a company's legal form ("Co", "Ltd", "LLC").
pub(crate) fn body_like(name: &str) -> bool {
    let Some(last) = name.split_whitespace().last() else { return false };
    let last = last.trim_matches(|c: char| !c.is_alphanumeric());
    is_body_word(last)
        || matches!(
            last.to_lowercase().as_str(),
            "co" | "ltd"
                | "llc"
                | "inc"
                | "plc"
                | "gmbh"
                | "jsc"
                | "pjsc"
                | "enterprise"
                | "enterprises"
                | "holding"
                | "holdings"
                | "industries"
                | "center"
                | "centre"
                | "foundation"
                | "association"
                | "movement"
                | "front"
                | "militia"
        )
}

/// Capitalised adjectives and nouns that open or fill bodies' names ("State", "Scientific",
/// "Research" in "the State Scientific Research Institute") and are no one's name.
const BODY_MODIFIERS: &[&str] = &[
    "state",
    "national",
    "federal",
    "central",
    "supreme",
    "general",
    "special",
    "public",
    "scientific",
    "research",
    "technical",
    "technological",
    "testing",
    "military",
    "security",
    "defence",
    "defense",
    "international",
    "united",
    "joint",
    "revolutionary",
    "popular",
    "democratic",
    "republican",
    "royal",
    "people's",
    "peoples",
    "independent",
    "interior",
    "foreign",
    "armed",
    "naval",
    "air",
    "border",
    "criminal",
    "investigative",
    "judicial",
    "legislative",
    "executive",
    "administrative",
    "medical",
    "medicine",
    "health",
    "human",
    "rights",
    "affairs",
    "economic",
    "finance",
    "financial",
    "development",
    "protection",
    "intelligence",
    "counterintelligence",
    "information",
    "communications",
    "and",
    "of",
    "the",
    "for",
];

/// A name made only of bodies' head nouns and the words that fill bodies' names ("State
/// Scientific", "Scientific Research", "General Staff"): a piece of a body's name, never a
/// person, whatever the tagger called it.
pub(crate) fn made_of_body_words(name: &str) -> bool {
    let words: Vec<String> = name
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .filter(|w| !w.is_empty())
        .collect();
    // At least one word of content: "The" alone is no body either.
    words.iter().any(|w| !matches!(w.as_str(), "and" | "of" | "the" | "for"))
        && words.iter().all(|w| {
            BODY_MODIFIERS.contains(&w.as_str())
                || claims::view::is_body_word(w)
                || claims::view::is_body_noun(w)
        })
}
