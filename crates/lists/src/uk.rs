//! The UK HM Treasury / OFSI consolidated list CSV ("ConList").
//!
//! A first line `Last Updated,DD/MM/YYYY`, then a header; one row per name, rows of one
//! listed person or body sharing a `Group ID`. `Name 6` is the surname (or a body's whole
//! name), `Name 1`..`Name 5` the other names; `Alias Type` says "Primary name" (files of 2018 and
//! before: "Prime Alias"), "AKA" or "FKA"; dates are day first with `00` for what is unknown; `Nationality` may number its
//! values ("1) Syria 2) Iraq"); `Passport Details` and `NI Number` are free text.

use std::collections::HashMap;

use crate::{
    Authority, Entry, EntryKind, Format, IdKind, Identifier, NameQuality, Parsed, Problem, dates,
};

/// Reads the list.
pub fn parse(text: &str) -> Parsed {
    let mut parsed = Parsed {
        format: Format::UkConList,
        authority: Authority::Uk,
        as_of: None,
        set: None,
        entries: Vec::new(),
        supplements: Vec::new(),
        problems: Vec::new(),
    };
    let mut body = text.trim_start_matches('\u{feff}');
    let mut skipped_lines = 0;
    if body.starts_with("Last Updated") {
        let (first, rest) = body.split_once('\n').unwrap_or((body, ""));
        parsed.as_of = first.split(',').nth(1).and_then(dates::parse);
        body = rest;
        skipped_lines = 1;
    }
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(body.as_bytes());
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|s| s.trim().to_string()).collect(),
        Err(e) => {
            parsed.problems.push(Problem { at: "header".into(), message: e.to_string() });
            return parsed;
        }
    };
    let col = |name: &str| header.iter().position(|h| h.eq_ignore_ascii_case(name));
    let Some(group_col) = col("Group ID") else {
        parsed.problems.push(Problem { at: "header".into(), message: "no Group ID column".into() });
        return parsed;
    };
    let cols: HashMap<&str, Option<usize>> = [
        "Name 1",
        "Name 2",
        "Name 3",
        "Name 4",
        "Name 5",
        "Name 6",
        "DOB",
        "Town of Birth",
        "Country of Birth",
        "Nationality",
        "Passport Details",
        "NI Number",
        "Position",
        "Address 1",
        "Address 2",
        "Address 3",
        "Address 4",
        "Address 5",
        "Address 6",
        "Post/Zip Code",
        "Country",
        "Group Type",
        "Alias Type",
        "Regime",
        "Listed On",
    ]
    .into_iter()
    .map(|c| (c, col(c)))
    .collect();
    let mut by_group: HashMap<String, usize> = HashMap::new();
    for (n, record) in reader.records().enumerate() {
        let line = skipped_lines
            + match &record {
                Ok(r) => r.position().map_or(n as u64 + 2, |p| p.line()),
                Err(e) => e.position().map_or(n as u64 + 2, |p| p.line()),
            };
        let problem = |message: String| Problem { at: format!("line {line}"), message };
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                parsed.problems.push(problem(format!("not CSV: {e}")));
                continue;
            }
        };
        let get = |c: &str| {
            cols.get(c)
                .copied()
                .flatten()
                .and_then(|i| record.get(i))
                .map(str::trim)
                .filter(|s| !s.is_empty())
        };
        let Some(group) = record.get(group_col).map(str::trim).filter(|g| !g.is_empty()) else {
            parsed.problems.push(problem("no Group ID".into()));
            continue;
        };
        let kind = match get("Group Type").map(str::to_lowercase).as_deref() {
            Some("individual") => EntryKind::Person,
            Some("entity") => EntryKind::Body,
            Some("ship") => EntryKind::Vessel,
            _ => EntryKind::Unknown,
        };
        let surname = get("Name 6");
        let given: Vec<&str> = ["Name 1", "Name 2", "Name 3", "Name 4", "Name 5"]
            .iter()
            .filter_map(|c| get(c))
            .collect();
        let name = match (surname, given.is_empty()) {
            (Some(s), true) => s.to_string(),
            (Some(s), false) => format!("{s}, {}", given.join(" ")),
            (None, false) => given.join(" "),
            (None, true) => {
                parsed.problems.push(problem("no name".into()));
                continue;
            }
        };
        let i = *by_group.entry(group.to_string()).or_insert_with(|| {
            parsed.entries.push(Entry::new(Authority::Uk, group.to_string(), kind));
            parsed.entries.len() - 1
        });
        let entry = &mut parsed.entries[i];
        let quality = match get("Alias Type").map(str::to_lowercase).as_deref() {
            // "Prime Alias" is what older files call the primary name: a third of their
            // groups begin with an AKA row, which must not be taken for the name.
            Some(t) if t.starts_with("primary") || t == "prime alias" => NameQuality::Primary,
            Some("fka") => NameQuality::Former,
            _ => NameQuality::Alias,
        };
        entry.add_name(&name, quality);
        if let Some(date) = get("DOB").and_then(dates::parse) {
            Entry::add(&mut entry.birth_dates, &date);
        }
        let place: Vec<&str> =
            ["Town of Birth", "Country of Birth"].iter().filter_map(|c| get(c)).collect();
        if !place.is_empty() {
            Entry::add(&mut entry.birth_places, &place.join(", "));
        }
        if let Some(nat) = get("Nationality") {
            for v in numbered(nat) {
                Entry::add(&mut entry.nationalities, &v);
            }
        }
        if let Some(p) = get("Passport Details") {
            for number in numbers(p) {
                push(entry, IdKind::Passport, number);
            }
        }
        if let Some(p) = get("NI Number") {
            for number in numbers(p) {
                push(entry, IdKind::NationalId, number);
            }
        }
        if let Some(p) = get("Position") {
            for v in numbered(p) {
                Entry::add(&mut entry.roles, &v);
            }
        }
        let address: Vec<&str> = [
            "Address 1",
            "Address 2",
            "Address 3",
            "Address 4",
            "Address 5",
            "Address 6",
            "Post/Zip Code",
            "Country",
        ]
        .iter()
        .filter_map(|c| get(c))
        .collect();
        if !address.is_empty() {
            Entry::add(&mut entry.addresses, &address.join(", "));
        }
        if let Some(r) = get("Regime") {
            Entry::add(&mut entry.programmes, r);
        }
        if entry.listed_on.is_none() {
            entry.listed_on = get("Listed On").and_then(dates::parse);
        }
    }
    for entry in &mut parsed.entries {
        // The primary name leads, whichever row of the group came first.
        entry.names.sort_by_key(|n| n.quality != NameQuality::Primary);
    }
    parsed
}

fn push(entry: &mut Entry, kind: IdKind, number: String) {
    let id = Identifier { kind, number, country: None };
    if !entry.identifiers.iter().any(|i| i.key() == id.key()) {
        entry.identifiers.push(id);
    }
}

/// "1) Syria 2) Iraq" → ["Syria", "Iraq"]; "(1) a (2) b" the same; a plain value as itself.
pub(crate) fn numbered(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        // A marker: optional '(', digits, ')'.
        let start = i;
        let mut j = i;
        if chars[j] == '(' {
            j += 1;
        }
        let digits_from = j;
        while j < chars.len() && chars[j].is_ascii_digit() {
            j += 1;
        }
        let at_word_start = start == 0 || chars[start - 1].is_whitespace();
        if at_word_start
            && j > digits_from
            && j - digits_from <= 2
            && j < chars.len()
            && chars[j] == ')'
        {
            if !current.trim().is_empty() {
                out.push(current.trim().to_string());
            }
            current.clear();
            i = j + 1;
            continue;
        }
        current.push(chars[i]);
        i += 1;
    }
    if !current.trim().is_empty() {
        out.push(current.trim().to_string());
    }
    out
}

/// The identity numbers in free text: words of at least five letters and digits with at
/// least four digits ("592667", "OB0243318"), not dates.
pub(crate) fn numbers(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | ':'))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| {
            let digits = w.chars().filter(char::is_ascii_digit).count();
            w.chars().count() >= 5
                && digits >= 4
                && w.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                && !(w.len() == 10 && w.matches('-').count() == 2)
        })
        .map(str::to_string)
        .collect()
}
