//! Gender in coreference: what pronouns, honorifics and kin nouns tell of a person, and
//! the lone surname it settles between namesakes.

use super::{People, joins};
use crate::view::{DocumentView, Kind};

impl People {
    /// "Her husband, Piet X, ... X denied the allegations through her lawyer": a lone
    /// surname two people of the document bear stays its own person while groups are made
    /// (see [`super::ambiguous`]); where the document tells its gender and all but one of the
    /// namesakes are of the other, it is that one. "Mrs. X" (`honorific_only`, by group)
    /// stays apart: most often the wife of the man the story names. Whether any group was
    /// joined.
    pub(super) fn join_lone_names_by_gender(&mut self, mut honorific_only: Vec<bool>) -> bool {
        let mut joined = false;
        loop {
            let lone_of = |g: usize| -> Option<usize> {
                let want = self.genders.get(g).copied().flatten()?;
                let key = &self.people[g].key;
                if key.len() != 1 || honorific_only.get(g).copied().unwrap_or(true) {
                    return None;
                }
                let fitting: Vec<usize> = (0..self.people.len())
                    .filter(|&h| h != g && self.people[h].key.len() > 1)
                    .filter(|&h| joins(key, &self.people[h].key))
                    .collect();
                let possible: Vec<usize> = fitting
                    .iter()
                    .copied()
                    .filter(|&h| self.genders.get(h).copied().flatten() != Some(want.other()))
                    .collect();
                match possible.as_slice() {
                    [h] if fitting.len() > 1 => Some(*h),
                    _ => None,
                }
            };
            let Some((g, h)) = (0..self.people.len()).find_map(|g| lone_of(g).map(|h| (g, h)))
            else {
                return joined;
            };
            let moved = std::mem::take(&mut self.people[g].mentions);
            self.people[h].mentions.extend(moved);
            self.people[h].mentions.sort_unstable();
            self.people.remove(g);
            self.genders.remove(g);
            honorific_only.remove(g);
            for v in self.of_mention.values_mut() {
                let to = if *v == g { h } else { *v };
                *v = if to > g { to - 1 } else { to };
            }
            joined = true;
        }
    }

    /// Each group's gender where the document tells it: an honorific before a mention
    /// ("Mr", "Mrs", "Ms"), or the pronouns of the sentences that name that person and no
    /// other (a vote; a tie tells nothing).
    pub(super) fn genders(&self, text: &str, view: &DocumentView) -> Vec<Option<Gender>> {
        let mut votes: Vec<(i32, i32)> = vec![(0, 0); self.people.len()];
        for sv in &view.sentences {
            let mut named: Vec<usize> = Vec::new();
            let mut he = 0;
            let mut she = 0;
            for &k in &sv.mentions {
                let mention = &view.mentions[k];
                if let Some(&g) = self.of_mention.get(&k) {
                    if !named.contains(&g) {
                        named.push(g);
                    }
                    // "Mr. X" inside the mention, or "Mr X" just before it.
                    let inside = text[mention.span.clone()].split_whitespace().next();
                    let before = text[..mention.span.start].split_whitespace().next_back();
                    let honorific = inside
                        .and_then(honorific_gender)
                        .or_else(|| before.and_then(honorific_gender));
                    // "X, a businesswoman whose ...": a gendered noun in the apposition;
                    // "her husband, X": one right before the name.
                    let honorific = honorific
                        .or_else(|| apposed_gender(&text[mention.span.end..]))
                        .or_else(|| kin_before_gender(&text[..mention.span.start]));
                    if let Some(h) = honorific {
                        let v = &mut votes[g];
                        match h {
                            Gender::Male => v.0 += 10,
                            Gender::Female => v.1 += 10,
                        }
                    }
                } else if mention.kind == Kind::Pro && !named.is_empty() {
                    match mention.value.as_deref().and_then(pronoun_gender) {
                        Some(Gender::Male) => he += 1,
                        Some(Gender::Female) => she += 1,
                        None => {}
                    }
                }
            }
            if let [g] = named.as_slice() {
                votes[*g].0 += he;
                votes[*g].1 += she;
            }
        }
        votes
            .into_iter()
            .map(|(m, f)| match m.cmp(&f) {
                std::cmp::Ordering::Greater => Some(Gender::Male),
                std::cmp::Ordering::Less => Some(Gender::Female),
                std::cmp::Ordering::Equal => None,
            })
            .collect()
    }
}

/// A person's grammatical gender, as pronouns and honorifics tell it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Gender {
    /// He, him, his; Mr.
    Male,
    /// She, her, hers; Mrs, Ms, Miss.
    Female,
}

impl Gender {
    fn other(self) -> Gender {
        match self {
            Gender::Male => Gender::Female,
            Gender::Female => Gender::Male,
        }
    }
}

/// The gender of a third-person singular pronoun.
pub(super) fn pronoun_gender(p: &str) -> Option<Gender> {
    match p {
        "he" | "him" | "his" | "himself" => Some(Gender::Male),
        "she" | "her" | "hers" | "herself" => Some(Gender::Female),
        _ => None,
    }
}

/// The gender a noun of the apposition right after a name gives ("X, a businesswoman",
/// "X, the minister's widow"), if any.
fn apposed_gender(after: &str) -> Option<Gender> {
    let rest = after.strip_prefix(',')?.trim_start();
    let mut words = rest.split_whitespace();
    if !matches!(words.next()?.to_lowercase().as_str(), "a" | "an" | "the" | "his" | "her") {
        return None;
    }
    // The noun within the next four words, before any comma or clause.
    for w in words.take(4) {
        let bare = w.trim_end_matches([',', '.', ';']).to_lowercase();
        let bare = bare.rsplit(['’', '\'']).next().unwrap_or(&bare).to_string();
        let gender = noun_gender(&bare);
        if gender.is_some() {
            return gender;
        }
        if w.ends_with([',', '.', ';']) {
            break;
        }
    }
    None
}

/// The gender a gendered noun right before a name gives ("her husband, X", "his widow X"),
/// if any: the possessive and the noun, then at most a comma.
fn kin_before_gender(before: &str) -> Option<Gender> {
    let mut words = before.split_whitespace().rev();
    let noun = words.next()?.trim_end_matches(',').to_lowercase();
    if !matches!(words.next()?.to_lowercase().as_str(), "his" | "her" | "their") {
        return None;
    }
    noun_gender(&noun)
}

/// The gender of a lowercase noun of a person ("widow", "spokesman", "brother"), if it has one.
fn noun_gender(noun: &str) -> Option<Gender> {
    match noun {
        "woman" | "businesswoman" | "wife" | "widow" | "mother" | "daughter" | "sister"
        | "actress" | "chairwoman" | "spokeswoman" | "congresswoman" | "girlfriend" | "niece"
        | "aunt" | "grandmother" | "granddaughter" | "stepdaughter" => Some(Gender::Female),
        "man" | "businessman" | "husband" | "widower" | "father" | "son" | "brother"
        | "chairman" | "spokesman" | "congressman" | "boyfriend" | "nephew" | "uncle"
        | "grandfather" | "grandson" | "stepson" => Some(Gender::Male),
        _ => None,
    }
}

/// The gender an honorific before a name gives ("Mr", "Mrs."), if any.
pub(super) fn honorific_gender(word: &str) -> Option<Gender> {
    match word.trim_end_matches('.').to_lowercase().as_str() {
        "mr" | "sir" | "lord" | "monsieur" | "señor" | "senor" => Some(Gender::Male),
        "mrs" | "ms" | "miss" | "madam" | "madame" | "lady" | "dame" | "señora" | "senora" => {
            Some(Gender::Female)
        }
        _ => None,
    }
}
