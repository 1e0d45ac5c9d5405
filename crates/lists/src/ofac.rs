//! The US OFAC SDN CSV set: `sdn.csv`, `alt.csv`, `add.csv`, `sdn_comments.csv`.
//!
//! None has a header; `-0-` stands for an empty field. `sdn.csv` has twelve columns
//! (`ent_num, name, type, programs, title, call_sign, vess_type, tonnage, grt, vess_flag,
//! vess_owner, remarks`); the entry's birth dates, places of birth, passports, national ids,
//! nationalities and some aliases are only in the remarks ("DOB 10 Dec 1948; POB Giza, Egypt;
//! Passport 1084010 (Egypt); a.k.a. 'X'."), read by [`read_remarks`]. `alt.csv` has
//! `ent_num, alt_num, alt_type, alt_name, alt_remarks`; `add.csv` `ent_num, add_num, address,
//! city_state_zip, country, add_remarks`; `sdn_comments.csv` `ent_num, remarks_extended`.

use crate::{
    Authority, Entry, EntryKind, Format, IdKind, Identifier, NameQuality, Parsed, Problem,
    Supplement, dates,
};

/// The set a file belongs to: its name without folders, extension and the `sdn`, `alt`,
/// `add` or `sdn_comments` part ("x_2021_alt.csv" and "x_2021_sdn.csv" are the set "x_2021").
pub fn set_of(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name).to_lowercase();
    let base = base.strip_suffix(".csv").unwrap_or(&base);
    for part in ["sdn_comments", "sdn", "alt", "add"] {
        if let Some(rest) = base.strip_suffix(part) {
            return rest.trim_end_matches(['_', '-', '.']).to_string();
        }
        if let Some(rest) = base.strip_prefix(part) {
            return rest.trim_start_matches(['_', '-', '.']).to_string();
        }
    }
    base.to_string()
}

fn format_of(name: &str, fields: usize) -> Format {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name).to_lowercase();
    if base.contains("comments") {
        return Format::OfacComments;
    }
    let stem = base.strip_suffix(".csv").unwrap_or(&base);
    for (part, format) in [("alt", Format::OfacAlt), ("add", Format::OfacAdd)] {
        if stem.ends_with(part) || stem.starts_with(part) {
            return format;
        }
    }
    match fields {
        2 => Format::OfacComments,
        5 => Format::OfacAlt,
        6 => Format::OfacAdd,
        _ => Format::OfacSdn,
    }
}

fn field(record: &csv::StringRecord, i: usize) -> Option<&str> {
    let f = record.get(i)?.trim();
    (f != "-0-" && !f.is_empty()).then_some(f)
}

/// Reads one file of the set.
pub fn parse(name: &str, text: &str) -> Parsed {
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut parsed = Parsed {
        format: Format::OfacSdn,
        authority: Authority::UsOfac,
        as_of: None,
        set: Some(set_of(name)),
        entries: Vec::new(),
        supplements: Vec::new(),
        problems: Vec::new(),
    };
    let mut format = None;
    for (n, record) in reader.records().enumerate() {
        let at = |r: &csv::Result<csv::StringRecord>| match r {
            Ok(rec) => rec.position().map_or(n as u64 + 1, |p| p.line()),
            Err(e) => e.position().map_or(n as u64 + 1, |p| p.line()),
        };
        let line = at(&record);
        let problem = |message: String| Problem { at: format!("line {line}"), message };
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                parsed.problems.push(problem(format!("not CSV: {e}")));
                continue;
            }
        };
        // The legacy files end with a line holding only an end-of-file byte.
        if record.len() == 1 && record[0].trim_matches(['\u{1a}', ' ']).is_empty() {
            continue;
        }
        let format = *format.get_or_insert_with(|| format_of(name, record.len()));
        parsed.format = format;
        let Some(id) = field(&record, 0).filter(|f| f.bytes().all(|b| b.is_ascii_digit())) else {
            parsed.problems.push(problem("no entry number in the first column".into()));
            continue;
        };
        let want = match format {
            Format::OfacSdn => 12,
            Format::OfacAlt => 4,
            Format::OfacAdd => 5,
            _ => 2,
        };
        if record.len() < want {
            parsed
                .problems
                .push(problem(format!("{} fields where the format has {want}", record.len())));
            continue;
        }
        match format {
            Format::OfacSdn => match sdn_entry(id, &record) {
                Some(entry) => parsed.entries.push(entry),
                None => parsed.problems.push(problem("no name".into())),
            },
            Format::OfacAlt => {
                let Some(alias) = field(&record, 3) else {
                    parsed.problems.push(problem("no alias".into()));
                    continue;
                };
                let kind = field(&record, 2).unwrap_or("aka").to_lowercase();
                let quality = match kind.as_str() {
                    "fka" => NameQuality::Former,
                    _ if field(&record, 4).is_some_and(|r| r.to_lowercase().contains("weak")) => {
                        NameQuality::Weak
                    }
                    _ => NameQuality::Alias,
                };
                parsed.supplements.push(Supplement {
                    record: id.into(),
                    names: vec![crate::ListedName { name: alias.into(), quality }],
                    addresses: Vec::new(),
                    remarks: None,
                });
            }
            Format::OfacAdd => {
                let parts: Vec<&str> = (2..5).filter_map(|i| field(&record, i)).collect();
                parsed.supplements.push(Supplement {
                    record: id.into(),
                    names: Vec::new(),
                    addresses: vec![parts.join(", ")],
                    remarks: None,
                });
            }
            _ => parsed.supplements.push(Supplement {
                record: id.into(),
                names: Vec::new(),
                addresses: Vec::new(),
                remarks: field(&record, 1).map(str::to_string),
            }),
        }
    }
    parsed
}

fn sdn_entry(id: &str, record: &csv::StringRecord) -> Option<Entry> {
    let name = field(record, 1)?;
    let kind = match field(record, 2).map(str::to_lowercase).as_deref() {
        Some("individual") => EntryKind::Person,
        Some("vessel") => EntryKind::Vessel,
        Some("aircraft") => EntryKind::Aircraft,
        _ => EntryKind::Body,
    };
    let mut entry = Entry::new(Authority::UsOfac, id.into(), kind);
    entry.add_name(name, NameQuality::Primary);
    if let Some(programs) = field(record, 3) {
        for p in programs.split(['[', ']']) {
            Entry::add(&mut entry.programmes, p);
        }
    }
    if let Some(title) = field(record, 4) {
        Entry::add(&mut entry.roles, title);
    }
    if let Some(remarks) = field(record, 11) {
        read_remarks(&mut entry, remarks);
    }
    Some(entry)
}

/// Reads what OFAC remarks say of an entry: birth dates, places, passports, national ids,
/// nationalities, citizenships, gender aside, and "a.k.a."/"f.k.a." names (weak ones).
pub fn read_remarks(entry: &mut Entry, remarks: &str) {
    for item in remarks.split(';') {
        let item = item.trim().trim_end_matches('.').trim();
        let item = item.strip_prefix("alt. ").unwrap_or(item).trim();
        let lower = item.to_lowercase();
        let after = |prefix: &str| item.get(prefix.len()..).map(str::trim);
        if let Some(alias) = ["a.k.a.", "f.k.a.", "n.k.a."].iter().find(|p| lower.starts_with(**p))
        {
            // OFAC's delimited files keep strong a.k.a.s in alt.csv and put only the weak ones
            // (nicknames, noms de guerre, common acronyms: "not meant for screening", OFAC's
            // FAQ on weak aliases) in the remarks, in single quotes.
            let rest = after(alias).unwrap_or("").trim_matches(['\'', '"', ' ']);
            entry.add_name(rest, NameQuality::Weak);
        } else if lower.starts_with("dob ") {
            let value = after("DOB ").unwrap_or("");
            // "DOB 1958 to 1960": each end is a possible year.
            for part in value.split(" to ") {
                if let Some(date) = dates::parse(part) {
                    Entry::add(&mut entry.birth_dates, &date);
                }
            }
        } else if lower.starts_with("pob ") {
            Entry::add(&mut entry.birth_places, after("POB ").unwrap_or(""));
        } else if lower.starts_with("nationality ") {
            Entry::add(&mut entry.nationalities, after("nationality ").unwrap_or(""));
        } else if lower.starts_with("citizen ") {
            Entry::add(&mut entry.nationalities, after("citizen ").unwrap_or(""));
        } else if lower.starts_with("passport ") {
            push_id(entry, IdKind::Passport, after("Passport ").unwrap_or(""));
        } else if lower.starts_with("national id no. ") {
            push_id(entry, IdKind::NationalId, after("National ID No. ").unwrap_or(""));
        } else if lower.starts_with("cedula no. ") {
            push_id(entry, IdKind::NationalId, after("Cedula No. ").unwrap_or(""));
        }
    }
}

/// "1084010 (Egypt)", "K475336 (Jordan) issued 31 Aug 2009": the number, then the country in
/// brackets.
fn push_id(entry: &mut Entry, kind: IdKind, text: &str) {
    let (number, rest) = text.split_once('(').unwrap_or((text, ""));
    let number = number.trim();
    if number.is_empty() {
        return;
    }
    let country = rest.split_once(')').map(|(c, _)| c.trim().to_string()).filter(|c| !c.is_empty());
    let id = Identifier { kind, number: number.to_string(), country };
    if !entry.identifiers.contains(&id) {
        entry.identifiers.push(id);
    }
}
