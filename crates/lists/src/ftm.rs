//! FollowTheMoney entities as JSON lines, as OpenSanctions publishes them.
//!
//! Each line is one entity: `{"id": ..., "schema": "Person", "properties": {"name": [...],
//! "alias": [...], "birthDate": [...], ...}, "datasets": [...]}`. Properties are lists of
//! strings. Read here: `name`, `alias`, `weakAlias`, `previousName`, `birthDate`,
//! `birthPlace`, `nationality`, `citizenship`, `country`, `passportNumber`, `idNumber`,
//! `taxNumber`, `registrationNumber`, `position`, `program`, `topics` (as programmes),
//! `createdAt` (the listing date), `address`. Schemata read: `Person`, `Organization`,
//! `Company`, `LegalEntity`, `PublicBody`, `Vessel`, `Airplane`; other lines (addresses,
//! sanctions, links) are skipped without a problem: they describe no listed party.

use serde_json::Value;

use crate::{
    Authority, Entry, EntryKind, Format, IdKind, Identifier, NameQuality, Parsed, Problem, dates,
};

/// Reads the file.
pub fn parse(text: &str) -> Parsed {
    let mut parsed = Parsed {
        format: Format::Ftm,
        authority: Authority::Other("ftm".into()),
        as_of: None,
        set: None,
        entries: Vec::new(),
        supplements: Vec::new(),
        problems: Vec::new(),
    };
    let mut first = true;
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let problem = |message: String| Problem { at: format!("line {}", n + 1), message };
        let value: Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => {
                parsed.problems.push(problem(format!("not JSON: {e}")));
                continue;
            }
        };
        let kind = match value.get("schema").and_then(Value::as_str) {
            Some("Person") => EntryKind::Person,
            Some("Organization" | "Company" | "LegalEntity" | "PublicBody") => EntryKind::Body,
            Some("Vessel") => EntryKind::Vessel,
            Some("Airplane") => EntryKind::Aircraft,
            Some(_) => continue,
            None => {
                parsed.problems.push(problem("no schema".into()));
                continue;
            }
        };
        let Some(id) = value.get("id").and_then(Value::as_str).filter(|s| !s.is_empty()) else {
            parsed.problems.push(problem("no id".into()));
            continue;
        };
        let props = value.get("properties");
        let prop = |name: &str| -> Vec<&str> {
            props
                .and_then(|p| p.get(name))
                .and_then(Value::as_array)
                .map(|a| a.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default()
        };
        let names = prop("name");
        if names.is_empty() {
            parsed.problems.push(problem("no name property".into()));
            continue;
        }
        let dataset = value
            .get("datasets")
            .and_then(Value::as_array)
            .and_then(|d| d.first())
            .and_then(Value::as_str)
            .unwrap_or("ftm");
        let authority = Authority::Other(dataset.to_string());
        if first {
            parsed.authority = authority.clone();
            first = false;
        }
        let mut entry = Entry::new(authority, id.into(), kind);
        for name in names {
            entry.add_name(name, NameQuality::Primary);
        }
        for (p, quality) in [
            ("alias", NameQuality::Alias),
            ("weakAlias", NameQuality::Weak),
            ("previousName", NameQuality::Former),
        ] {
            for name in prop(p) {
                entry.add_name(name, quality);
            }
        }
        for d in prop("birthDate") {
            if let Some(date) = dates::parse(d) {
                Entry::add(&mut entry.birth_dates, &date);
            }
        }
        for p in prop("birthPlace") {
            Entry::add(&mut entry.birth_places, p);
        }
        for p in ["nationality", "citizenship"] {
            for v in prop(p) {
                Entry::add(&mut entry.nationalities, v);
            }
        }
        for (p, kind) in [
            ("passportNumber", IdKind::Passport),
            ("idNumber", IdKind::NationalId),
            ("taxNumber", IdKind::Other("tax number".into())),
            ("registrationNumber", IdKind::Other("registration number".into())),
            ("imoNumber", IdKind::Other("IMO number".into())),
        ] {
            for v in prop(p) {
                entry.identifiers.push(Identifier {
                    kind: kind.clone(),
                    number: v.into(),
                    country: None,
                });
            }
        }
        for v in prop("position") {
            Entry::add(&mut entry.roles, v);
        }
        for v in prop("program").into_iter().chain(prop("programId")) {
            Entry::add(&mut entry.programmes, v);
        }
        for v in prop("address") {
            Entry::add(&mut entry.addresses, v);
        }
        entry.listed_on =
            prop("createdAt").first().and_then(|d| dates::parse(d.get(..10).unwrap_or(d)));
        parsed.entries.push(entry);
    }
    parsed
}
