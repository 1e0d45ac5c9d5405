//! Capitals and large cities → their state (`rules/cities.toml`): a court, prosecutor or
//! government named by its city has that state as its authority.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CityFile {
    #[allow(dead_code)]
    version: u32,
    city: BTreeMap<String, String>,
}

/// Lowercase city names, longest first, so that "mexico city" is tried before any shorter
/// name it contains.
static CITIES: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
    let file: CityFile =
        toml::from_str(include_str!("../rules/cities.toml")).expect("rules/cities.toml parses");
    let mut cities: Vec<(String, String)> =
        file.city.into_iter().map(|(k, v)| (fold(&k), v)).collect();
    cities.sort_by_key(|(k, _)| std::cmp::Reverse(k.len()));
    cities
});

/// The state of a city named exactly ("Varnholm" is none).
pub(crate) fn state_of(name: &str) -> Option<&'static str> {
    let lower = fold(name.trim());
    CITIES.iter().find(|(k, _)| *k == lower).map(|(_, v)| v.as_str())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StateFile {
    #[allow(dead_code)]
    version: u32,
    states: Vec<String>,
}

/// The sovereign states (`rules/states.toml`) and those the city table puts cities in,
/// folded to lowercase.
static STATES: LazyLock<Vec<String>> = LazyLock::new(|| {
    let file: StateFile =
        toml::from_str(include_str!("../rules/states.toml")).expect("rules/states.toml parses");
    let mut states: Vec<String> = file.states.iter().map(|s| fold(s)).collect();
    states.extend(CITIES.iter().map(|(_, v)| fold(v)));
    states.sort();
    states.dedup();
    states
});

/// Whether a name is a sovereign state's: with the lexicon's countries, the places a writer
/// may name as a sanction's issuer.
pub(crate) fn is_state(name: &str) -> bool {
    STATES.binary_search(&fold(name.trim())).is_ok()
}

/// The state of a city a name holds as whole words ("the Ostrava District Court").
pub(crate) fn state_within(name: &str) -> Option<&'static str> {
    let lower = format!(" {} ", fold(name).replace(['(', ')', ',', '\''], " "));
    CITIES.iter().find(|(k, _)| lower.contains(&format!(" {k} "))).map(|(_, v)| v.as_str())
}

/// Lowercase without the accents of Latin letters: writers spell a city with or without
/// them ("Bogotá", "Bogota"), and the table holds one spelling.
fn fold(name: &str) -> String {
    name.to_lowercase()
        .chars()
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ñ' => 'n',
            'ç' => 'c',
            'ý' | 'ÿ' => 'y',
            c => c,
        })
        .collect()
}

#[cfg(test)]
#[path = "cities_tests.rs"]
mod tests;
