//! In-document coreference for people: full names, surnames, first names, pronouns and
//! descriptions joined into groups, each named by its fullest form.
//!
//! Why so simple: news and NGO prose introduces a person once by full name and title, then
//! uses the surname, a pronoun or an epithet; a name-matching pass plus a salience rule for
//! pronouns covers that, and what it cannot settle stays unresolved rather than guessed.

use std::collections::HashMap;

use crate::view::{DocumentView, Kind};

/// A group of mentions of one person in one document.
#[derive(Clone, Debug)]
pub struct Person {
    /// The fullest name the document gives.
    pub name: String,
    /// The name's comparison key: lowercase words less titles and particles.
    pub key: Vec<String>,
    /// Its mentions, in text order.
    pub mentions: Vec<usize>,
}

/// The people of one document.
#[derive(Clone, Debug, Default)]
pub struct People {
    /// The groups, in order of first mention.
    pub people: Vec<Person>,
    /// Mention index → group, for names (pronouns and descriptions are resolved on demand).
    pub of_mention: HashMap<usize, usize>,
}

/// The comparison key of a name: lowercase words, titles dropped, "al-"/"el-" dropped,
/// particles (al, el, bin, ibn, abu) dropped.
pub fn name_key(name: &str) -> Vec<String> {
    name.split(|c: char| c.is_whitespace())
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-').to_lowercase())
        .map(|w| w.replace(['’', '\''], ""))
        .filter(|w| !w.is_empty() && !read::lexicon::is_name_title(w))
        .map(|w| {
            for p in ["al-", "el-"] {
                if let Some(rest) = w.strip_prefix(p) {
                    return rest.to_string();
                }
            }
            w
        })
        .filter(|w| !matches!(w.as_str(), "al" | "el" | "bin" | "ibn" | "abu"))
        .collect()
}

/// Whether a new mention's key can join a group's key: the same words, or the same surname
/// with compatible first names, or a lone first name or surname.
fn joins(mention: &[String], group: &[String]) -> bool {
    if mention.is_empty() || group.is_empty() {
        return false;
    }
    if mention == group {
        return true;
    }
    let (ml, gl) = (mention.last().unwrap(), group.last().unwrap());
    if ml == gl {
        return mention.len() == 1 || group.len() == 1 || mention[0] == group[0];
    }
    // A lone first name ("Hakan") joins a full name that starts with it; a shorter form
    // whose words all appear in order in the full name joins it ("Vallejo" or "Vallejo
    // Brito" for "Hernán Octavio Vallejo Brito": Hispanic double surnames).
    if mention.len() == 1 && group.len() > 1 && mention[0] == group[0] {
        return true;
    }
    mention.len() < group.len() && mention.len() <= 2 && {
        let mut it = group[1..].iter();
        mention.iter().all(|w| it.any(|g| g == w))
    }
}

/// Strips leading title words from a name as written.
fn clean_name(name: &str) -> String {
    let mut words: Vec<&str> = name.split_whitespace().collect();
    while words.len() > 1 && read::lexicon::is_leading_title(words[0]) {
        words.remove(0);
    }
    words.join(" ")
}

impl People {
    /// Groups the person mentions of a document.
    pub fn build(text: &str, view: &DocumentView) -> People {
        let mut people: Vec<Person> = Vec::new();
        let mut of_mention = HashMap::new();
        let mut last_seen: Vec<usize> = Vec::new();
        for (i, m) in view.mentions.iter().enumerate() {
            if m.kind != Kind::Per {
                continue;
            }
            let name = clean_name(&text[m.span.clone()]);
            let key = name_key(&name);
            if key.is_empty() {
                continue;
            }
            // The most recently mentioned group that fits.
            let found = (0..people.len())
                .filter(|&g| joins(&key, &people[g].key) || joins(&people[g].key, &key))
                .max_by_key(|&g| last_seen[g]);
            let g = match found {
                Some(g) => {
                    if key.len() > people[g].key.len() {
                        people[g].name = name;
                        people[g].key = key;
                    }
                    g
                }
                None => {
                    people.push(Person { name, key, mentions: vec![] });
                    last_seen.push(0);
                    people.len() - 1
                }
            };
            people[g].mentions.push(i);
            last_seen[g] = i;
            of_mention.insert(i, g);
        }
        People { people, of_mention }
    }

    /// The person most mentioned in the document (the first of equals): who an unqualified
    /// epithet ("the intelligence chief") most likely means.
    pub fn topic(&self) -> Option<usize> {
        let most = self.people.iter().map(|p| p.mentions.len()).max()?;
        if most < 2 {
            return None;
        }
        self.people.iter().position(|p| p.mentions.len() == most)
    }

    /// The person a pronoun stands for: the first person named earlier in the same sentence,
    /// else the first person of the nearest earlier sentence that names one (up to three
    /// back), else none.
    pub fn pronoun(&self, view: &DocumentView, mention: usize) -> Option<usize> {
        let m = &view.mentions[mention];
        let s = m.sentence;
        let first_person = |sentence: usize, before: Option<usize>| {
            view.sentences[sentence]
                .mentions
                .iter()
                .copied()
                .filter(|&k| before.is_none_or(|b| view.mentions[k].span.start < b))
                .find_map(|k| self.of_mention.get(&k).copied())
        };
        if let Some(p) = first_person(s, Some(m.span.start)) {
            return Some(p);
        }
        (s.saturating_sub(3)..s).rev().find_map(|k| first_person(k, None))
    }
}
