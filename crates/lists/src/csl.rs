//! The US trade.gov Consolidated Screening List CSV.
//!
//! A header row (`_id, source, entity_number, type, programs, name, title, addresses, ...,
//! start_date, ..., alt_names, citizenships, dates_of_birth, nationalities, places_of_birth,
//! ..., ids`); one row per listed party; `source` names the sub-list ("Specially Designated
//! Nationals (SDN) - Treasury Department"), whose bracketed code becomes the authority;
//! lists within a cell are separated by `;`; each of `ids` is "country, \[dates,\] number,
//! type".

use crate::{
    Authority, Entry, EntryKind, Format, IdKind, Identifier, NameQuality, Parsed, Problem, dates,
};

/// The short code of a CSL source: "Entity List (EL) - Bureau of Industry and Security" →
/// "EL"; a source without brackets is itself.
pub fn sub_list(source: &str) -> String {
    let source = source.trim();
    match (source.find('('), source.find(')')) {
        (Some(a), Some(b)) if b > a + 1 => source[a + 1..b].trim().to_string(),
        _ => source.to_string(),
    }
}

/// Reads the list.
pub fn parse(text: &str) -> Parsed {
    let mut parsed = Parsed {
        format: Format::Csl,
        authority: Authority::UsTradeGov("SDN".into()),
        as_of: None,
        set: None,
        entries: Vec::new(),
        supplements: Vec::new(),
        problems: Vec::new(),
    };
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|s| s.trim().trim_start_matches('\u{feff}').to_string()).collect(),
        Err(e) => {
            parsed.problems.push(Problem { at: "header".into(), message: e.to_string() });
            return parsed;
        }
    };
    let col = |name: &str| header.iter().position(|h| h == name);
    let c = |name| col(name);
    let (source, number, id_col, kind_col, programs, name_col, title, addresses, start) = (
        c("source"),
        c("entity_number"),
        c("_id"),
        c("type"),
        c("programs"),
        c("name"),
        c("title"),
        c("addresses"),
        c("start_date"),
    );
    let (alt, citizenships, dobs, nationalities, pobs, ids) = (
        c("alt_names"),
        c("citizenships"),
        c("dates_of_birth"),
        c("nationalities"),
        c("places_of_birth"),
        c("ids"),
    );
    let mut first = true;
    for (n, record) in reader.records().enumerate() {
        let line = match &record {
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
        let get = |i: Option<usize>| {
            i.and_then(|i| record.get(i)).map(str::trim).filter(|s| !s.is_empty())
        };
        let split = |i: Option<usize>| {
            get(i)
                .map(|s| s.split(';').map(str::trim).filter(|s| !s.is_empty()).collect())
                .unwrap_or_else(Vec::new)
        };
        let Some(name) = get(name_col) else {
            parsed.problems.push(problem("no name".into()));
            continue;
        };
        let Some(record_id) = get(number).or(get(id_col)) else {
            parsed.problems.push(problem("no entity_number or _id".into()));
            continue;
        };
        let Some(source) = get(source) else {
            parsed.problems.push(problem("no source list".into()));
            continue;
        };
        let authority = Authority::UsTradeGov(sub_list(source));
        if first {
            parsed.authority = authority.clone();
            first = false;
        }
        let kind = match get(kind_col).map(str::to_lowercase).as_deref() {
            Some("individual") => EntryKind::Person,
            Some("entity") => EntryKind::Body,
            Some("vessel") => EntryKind::Vessel,
            Some("aircraft") => EntryKind::Aircraft,
            _ => EntryKind::Unknown,
        };
        let mut entry = Entry::new(authority, record_id.into(), kind);
        entry.add_name(name, NameQuality::Primary);
        for a in split(alt) {
            entry.add_name(a, NameQuality::Alias);
        }
        for p in split(programs) {
            Entry::add(&mut entry.programmes, p);
        }
        if let Some(t) = get(title) {
            Entry::add(&mut entry.roles, t);
        }
        for a in split(addresses) {
            Entry::add(&mut entry.addresses, a);
        }
        entry.listed_on = get(start).and_then(dates::parse);
        for d in split(dobs) {
            if let Some(date) = dates::parse(d) {
                Entry::add(&mut entry.birth_dates, &date);
            }
        }
        for v in split(citizenships).into_iter().chain(split(nationalities)) {
            Entry::add(&mut entry.nationalities, v);
        }
        for p in split(pobs) {
            Entry::add(&mut entry.birth_places, p);
        }
        for id in split(ids) {
            let fields: Vec<&str> = id.split(',').map(str::trim).collect();
            if fields.len() < 2 {
                continue;
            }
            let kind_text = fields[fields.len() - 1].to_lowercase();
            let number = fields[fields.len() - 2];
            let kind = if kind_text.contains("passport") {
                IdKind::Passport
            } else if kind_text.contains("national id") || kind_text.contains("cedula") {
                IdKind::NationalId
            } else if kind_text == "gender" || number.is_empty() {
                continue;
            } else {
                IdKind::Other(fields[fields.len() - 1].to_string())
            };
            let country =
                (fields.len() >= 3 && fields[0].len() == 2).then(|| fields[0].to_string());
            entry.identifiers.push(Identifier { kind, number: number.into(), country });
        }
        parsed.entries.push(entry);
    }
    parsed
}
