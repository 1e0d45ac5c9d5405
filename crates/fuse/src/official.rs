//! Sanction assertions held against official sanctions lists: a listing of the same authority
//! corroborates the news; an imported list without the entry says so; an authority whose list
//! is not imported is named, never flagged.
//!
//! Dates are not compared: an announcement and its listing may be weeks apart, and the news
//! often gives only the year.

use std::collections::BTreeMap;

use claims::ClaimType;
use lists::{Entry, Index, Query, Verdict};
use serde::{Deserialize, Serialize};

use crate::{Case, Status};

/// One imported list file.
#[derive(Clone, Debug)]
pub struct ListFile {
    /// Its name as imported.
    pub name: String,
    /// Its authority code ("US-OFAC", "UK", "UN", "US-CSL:SDN").
    pub authority: String,
    /// The date it says it is of.
    pub as_of: Option<String>,
}

/// The imported lists: every entry with the file it came from.
pub struct Lists {
    /// The entries, supplements joined.
    pub entries: Vec<Entry>,
    /// For each entry, the index of its file in `files`.
    pub file_of: Vec<usize>,
    /// The files.
    pub files: Vec<ListFile>,
}

/// A fact only an official list gives, shown on the entity marked official.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    /// What it is: "listed name", "alias", "born", "birth place", "nationality",
    /// "identifier", "programme", "listed on".
    pub field: String,
    /// Its value as the list writes it.
    pub value: String,
    /// The list's authority code.
    pub authority: String,
    /// The list file's name.
    pub file: String,
    /// The entry's record id in the file.
    pub record: String,
}

/// A listing that may be a sanctioned entity, scored in the unsure band: for review, not
/// taken as a confirmation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Unsure {
    /// The entity's id, when the target was resolved.
    pub entity: Option<String>,
    /// The entity's name (or the target's, unresolved).
    pub name: String,
    /// The listed name that aligned best.
    pub listed: String,
    /// The list's authority code.
    pub authority: String,
    /// The entry's record id in the file.
    pub record: String,
    /// The list file's name.
    pub file: String,
    /// The score.
    pub score: f32,
    /// Why it scored so ([`lists::Match::explain`]).
    pub explanation: String,
}

/// The list jurisdiction ("US", "UK", "UN") a news authority stands for, or the authority's
/// own short name when dossier ships no list for it ("EU").
pub fn jurisdiction(authority: &str) -> String {
    let folded: String = authority
        .chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    let words: Vec<&str> = folded.split_whitespace().collect();
    let has = |w: &str| words.contains(&w);
    let joined = words.join(" ");
    if has("us")
        || has("ofac")
        || joined.contains("united states")
        || joined.contains("treasury department")
        || joined == "washington"
        || joined == "us treasury"
        || joined == "american"
        || joined == "american government"
    {
        "US".into()
    } else if has("uk")
        || has("ofsi")
        || joined.contains("united kingdom")
        || joined.contains("britain")
        || joined.contains("british")
        || joined.contains("hm treasury")
    {
        "UK".into()
    } else if has("un") || joined.contains("united nations") || joined.contains("security council")
    {
        "UN".into()
    } else if has("eu") || joined.contains("european union") || joined.contains("european council")
    {
        "EU".into()
    } else {
        authority.trim().to_string()
    }
}

/// The jurisdiction of a stored authority code ("US-OFAC", "US-CSL:SDN" → "US").
fn code_jurisdiction(code: &str) -> &str {
    match code {
        c if c.starts_with("US") => "US",
        c if c.starts_with("UK") => "UK",
        c if c.starts_with("UN") => "UN",
        _ => "",
    }
}

/// What a list file is called in a line: "OFAC SDN", "UK consolidated list", ...
fn list_name(code: &str) -> String {
    match code {
        "US-OFAC" => "OFAC SDN".into(),
        "UK" => "UK consolidated list".into(),
        "UN" => "UN consolidated list".into(),
        c => match c.strip_prefix("US-CSL:") {
            Some(sub) => format!("US consolidated screening list ({sub})"),
            None => c.to_string(),
        },
    }
}

/// Holds every sanction assertion of `case` against `lists`: sets each one's `official`
/// line, corroborates a single-source one that a listing of its authority confirms (with an
/// explanation line), files the facts of every listing that matches a sanctioned entity
/// under that entity in `case.official`, and puts the listings that score in the unsure band
/// in `case.official_review`. Every name of the target entity is matched.
pub fn hold_against(case: &mut Case, lists: Lists) {
    if lists.entries.is_empty() {
        return;
    }
    let Lists { entries, file_of, files } = lists;
    let index = Index::new(entries);
    // The date each jurisdiction's lists are of: the latest their files say.
    let mut imported: BTreeMap<&str, Option<String>> = BTreeMap::new();
    for f in &files {
        let j = code_jurisdiction(&f.authority);
        if j.is_empty() {
            continue;
        }
        let at = imported.entry(j).or_default();
        if f.as_of > *at {
            at.clone_from(&f.as_of);
        }
    }
    let entities: BTreeMap<&str, &resolve::Entity> =
        case.resolution.entities.iter().map(|e| (e.id.as_str(), e)).collect();
    let mut facts: BTreeMap<String, Vec<Fact>> = BTreeMap::new();
    let mut review: Vec<Unsure> = Vec::new();
    for a in case.assertions.iter_mut().filter(|a| a.kind == ClaimType::Sanction) {
        let (Some(target), Some(authority)) = (a.party("target"), a.party("authority")) else {
            continue;
        };
        let entity = target.id.as_deref().and_then(|id| entities.get(id));
        // Every name the case knows the entity by, not only its canonical one: one document's
        // spelling may be the list's.
        let mut names: Vec<&str> = vec![entity.map_or(target.name.as_str(), |e| e.name.as_str())];
        for n in entity.iter().flat_map(|e| e.names.iter()) {
            if !names.contains(&n.as_str()) {
                names.push(n);
            }
        }
        let mut all: Vec<lists::Match> = Vec::new();
        for name in names {
            let query = Query {
                name: name.to_string(),
                kind: match entity.map(|e| e.kind) {
                    Some(resolve::EntityKind::Person) => Some(lists::EntryKind::Person),
                    Some(_) => Some(lists::EntryKind::Body),
                    None => None,
                },
                nationality: entity.and_then(|e| e.country.clone()),
                ..Query::default()
            };
            for m in index.check(&query, 20, lists::matching::UNSURE) {
                match all.iter_mut().find(|o| o.entry == m.entry) {
                    Some(o) if o.score >= m.score => {}
                    Some(o) => *o = m,
                    None => all.push(m),
                }
            }
        }
        let (mut found, unsure): (Vec<lists::Match>, Vec<lists::Match>) =
            all.into_iter().partition(|m| m.verdict == Verdict::Match);
        let shown = entity.map_or(target.name.as_str(), |e| e.name.as_str());
        for m in unsure {
            let e = &index.entries()[m.entry];
            let u = Unsure {
                entity: target.id.clone(),
                name: shown.to_string(),
                listed: e.names[m.name].name.clone(),
                authority: e.authority.code(),
                record: e.record.clone(),
                file: files[file_of[m.entry]].name.clone(),
                score: m.score,
                explanation: m.explain(),
            };
            if !review
                .iter()
                .any(|r| r.entity == u.entity && r.record == u.record && r.authority == u.authority)
            {
                review.push(u);
            }
        }
        // Best first: highest score, then a listing with a date, then OFAC's own list over
        // the screening list's copy of it.
        let rank = |m: &lists::Match| {
            let e = &index.entries()[m.entry];
            (
                std::cmp::Reverse((m.score * 1000.0).round() as i64),
                e.listed_on.is_none(),
                e.authority != lists::Authority::UsOfac,
            )
        };
        found.sort_by_key(rank);
        // Every listing of the target brings its facts, whichever authority's sanction this
        // is: once per record of a jurisdiction (two files of one OFAC list, or OFAC's entry
        // and the screening list's copy of it, are one listing).
        if let Some(id) = &target.id {
            let list = facts.entry(id.clone()).or_default();
            for m in &found {
                let e = &index.entries()[m.entry];
                let j = e.authority.jurisdiction();
                let seen = list.iter().any(|f| {
                    f.record == e.record && code_jurisdiction(&f.authority) == j && !j.is_empty()
                        || f.record == e.record && f.authority == e.authority.code()
                });
                if !seen {
                    list.extend(entry_facts(e, &files[file_of[m.entry]].name));
                }
            }
            if list.is_empty() {
                facts.remove(id);
            }
        }
        let j = jurisdiction(&authority.name);
        let Some(as_of) = imported.get(j.as_str()) else {
            a.official = Some(format!("no {j} list imported"));
            continue;
        };
        let best = found.iter().find(|m| index.entries()[m.entry].authority.jurisdiction() == j);
        let Some(m) = best else {
            let line = format!(
                "not on the {j} list as of {}",
                as_of.as_deref().unwrap_or("the imported files (undated)")
            );
            a.explanation.push(format!("official list: {line}"));
            a.official = Some(line);
            continue;
        };
        let e = &index.entries()[m.entry];
        let file = &files[file_of[m.entry]].name;
        let code = e.authority.code();
        let mut line = format!("Official list: {}", list_name(&code));
        if let Some(d) = &e.listed_on {
            line.push_str(&format!(", listed {d}"));
        }
        line.push_str(&format!(", record {} ({file}; match {:.2})", e.record, m.score));
        a.explanation.push(format!("corroborated by the official list: {}", m.explain()));
        if a.status == Status::SingleSource {
            a.status = Status::Corroborated;
        }
        a.official = Some(line);
    }
    case.official = facts;
    review.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.name.cmp(&b.name)));
    case.official_review = review;
}

/// The facts of one entry, each with its list, file and record.
fn entry_facts(e: &Entry, file: &str) -> Vec<Fact> {
    let fact = |field: &str, value: &str| Fact {
        field: field.into(),
        value: value.into(),
        authority: e.authority.code(),
        file: file.into(),
        record: e.record.clone(),
    };
    let mut out = Vec::new();
    for (i, n) in e.names.iter().enumerate() {
        out.push(fact(if i == 0 { "listed name" } else { "alias" }, &n.name));
    }
    out.extend(e.birth_dates.iter().map(|v| fact("born", v)));
    out.extend(e.birth_places.iter().map(|v| fact("birth place", v)));
    out.extend(e.nationalities.iter().map(|v| fact("nationality", v)));
    out.extend(e.identifiers.iter().map(|v| fact("identifier", &v.number)));
    out.extend(e.programmes.iter().map(|v| fact("programme", v)));
    out.extend(e.listed_on.iter().map(|v| fact("listed on", v)));
    out.extend(e.roles.iter().map(|v| fact("role", v)));
    out
}

#[cfg(test)]
mod tests;
