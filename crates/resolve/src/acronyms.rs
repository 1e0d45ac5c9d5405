//! Acronyms a document defines: "the Federal Guard Bureau (FGB)", "SNIF (Northland
//! National Intelligence Service)".
//!
//! Why the letters need not spell the name: many acronyms come from another language
//! (an acronym in Spanish or Russian word order), so a definition is accepted when every
//! capitalised word of the name starts with a letter of the acronym, which the text's own
//! "Name (ACR)" pairing then confirms. Words before the name that the acronym does not
//! cover ("Russia's") are left out.

/// Small words a body's name may hold between its capitalised words.
const CONNECTORS: &[&str] = &["of", "the", "and", "for", "on", "de", "del", "la", "du", "des", "y"];

/// Whether `name` can be what `acronym` stands for: at least two capitalised words, each
/// starting with one of the acronym's letters, and not many more words than letters.
fn fits(acronym: &str, name: &[&str]) -> bool {
    let letters: Vec<char> =
        acronym.chars().filter(|c| c.is_alphabetic()).map(|c| c.to_ascii_uppercase()).collect();
    let capitals: Vec<char> = name
        .iter()
        .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
        .map(|c| c.to_ascii_uppercase())
        .collect();
    capitals.len() >= 2
        && capitals.len() <= letters.len() + 1
        && capitals.iter().all(|c| letters.contains(c))
        && name.first().is_some_and(|w| w.starts_with(char::is_uppercase))
}

/// Trims a run of words to the longest tail that [`fits`] the acronym.
fn name_before(acronym: &str, words: &[&str]) -> Option<String> {
    (0..words.len())
        .map(|from| &words[from..])
        .find(|tail| fits(acronym, tail))
        .map(|tail| tail.join(" "))
}

/// Whether a word may be part of a body's name.
fn name_word(w: &str) -> bool {
    w.starts_with(char::is_uppercase) || CONNECTORS.contains(&w)
}

/// The full name `text` gives `acronym` at its first definition, if any.
pub fn defined_in(text: &str, acronym: &str) -> Option<String> {
    let letters = acronym.chars().filter(|c| c.is_alphabetic()).count();
    if !(2..=8).contains(&letters) || acronym.chars().any(char::is_lowercase) {
        return None;
    }
    // "Name (ACR)".
    let mark = format!("({acronym})");
    let mut from = 0;
    while let Some(at) = text[from..].find(&mark).map(|i| i + from) {
        let before: Vec<&str> = text[..at]
            .split_whitespace()
            .rev()
            .take(12)
            .take_while(|w| name_word(w.trim_end_matches([',', '’', '\''])))
            .collect();
        let words: Vec<&str> = before.into_iter().rev().collect();
        if let Some(name) = name_before(acronym, &words) {
            return Some(name);
        }
        from = at + mark.len();
    }
    // "ACR (Name)".
    let mark = format!("{acronym} (");
    let mut from = 0;
    while let Some(at) = text[from..].find(&mark).map(|i| i + from) {
        let inside = &text[at + mark.len()..];
        if let Some(close) = inside.find(')').filter(|&c| c < 160) {
            let words: Vec<&str> = inside[..close].split_whitespace().collect();
            if words.iter().all(|w| name_word(w)) && fits(acronym, &words) {
                return Some(words.join(" "));
            }
        }
        from = at + mark.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::defined_in;

    #[test]
    fn definitions_in_either_order_and_in_another_languages_order() {
        let text = "Northland's Federal Guard Bureau (FGB) said on Monday that the \
                    Servicio Norteño de Inteligencia Nacional, or National Intelligence \
                    Corps (NIC), and the NGB (Northland Guard Brigade) ...";
        assert_eq!(defined_in(text, "FGB").as_deref(), Some("Federal Guard Bureau"));
        assert_eq!(defined_in(text, "NIC").as_deref(), Some("National Intelligence Corps"));
        assert_eq!(defined_in(text, "NGB").as_deref(), Some("Northland Guard Brigade"));
        // Spanish order: the initials are all in the acronym, in another order.
        let text = "the Northland National Intelligence Service (SNIN) detained him";
        assert_eq!(
            defined_in(text, "SNIN").as_deref(),
            Some("Northland National Intelligence Service")
        );
    }

    #[test]
    fn no_definition_without_a_fitting_name() {
        assert_eq!(defined_in("he met them (FGB) later", "FGB"), None);
        assert_eq!(defined_in("the Ministry of Culture (FGB)", "FGB"), None);
        assert_eq!(defined_in("FGB (see below)", "FGB"), None);
        assert_eq!(defined_in("anything (ab)", "ab"), None);
    }
}
