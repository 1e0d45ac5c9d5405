//! Official sanctions lists: reads them in their native formats and matches names against them.
//!
//! One job: turn the files an authority publishes into one model of listed people and bodies
//! ([`Entry`]), and say which entries a name (with what else is known of its bearer) may be,
//! with a score that explains itself ([`matching`]).
//!
//! # Formats
//!
//! - [`ofac`]: the US OFAC SDN CSV set: `sdn.csv` (entries; birth dates, passports,
//!   nationalities and "a.k.a." names inside the remarks), `alt.csv` (aliases), `add.csv`
//!   (addresses) and `sdn_comments.csv` (remarks that did not fit). The last three are
//!   [`Supplement`]s joined to the entries of the `sdn.csv` of the same set by [`merge`].
//! - [`uk`]: the UK HM Treasury / OFSI consolidated list CSV, one row per name of a group,
//!   with "Listed On" dates.
//! - [`un`]: the UN Security Council consolidated list XML (individuals and entities).
//! - [`csl`]: the US trade.gov Consolidated Screening List CSV (plain or gzipped), whose
//!   `source` column names the sub-list (SDN, Entity List, Denied Persons...).
//! - [`ftm`]: FollowTheMoney entities as JSON lines (what OpenSanctions publishes): `Person`,
//!   `Organization`, `Company` and `LegalEntity` with their properties.
//!
//! Lists are untrusted input: a record that cannot be read is a [`Problem`] (where and why)
//! and is skipped; the rest of the file is still read. Only a file that is not any known
//! format, or whose structure cannot be read at all (XML that does not parse), is an
//! [`Error`].
//!
//! Nothing here does IO: the caller reads the file, keeps its bytes by SHA-256, and stores
//! what [`parse`] gives; each entry keeps its record id in the file as provenance.
#![warn(missing_docs)]

pub mod csl;
mod dates;
pub mod eval;
pub mod ftm;
pub mod matching;

pub use matching::{Index, Match, Query, Verdict};
pub mod ofac;
pub mod uk;
pub mod un;

mod countries;

use std::io::Read;

use serde::{Deserialize, Serialize};

/// Who publishes a list.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Authority {
    /// US Treasury, Office of Foreign Assets Control (SDN list).
    UsOfac,
    /// UK HM Treasury / Office of Financial Sanctions Implementation.
    Uk,
    /// UN Security Council.
    Un,
    /// A sub-list of the US trade.gov Consolidated Screening List, by its short code
    /// ("SDN", "EL", "DPL", ...).
    UsTradeGov(String),
    /// Another publisher, as a FollowTheMoney file names its dataset.
    Other(String),
}

impl Authority {
    /// A short stable code, as stored and shown: "US-OFAC", "UK", "UN", "US-CSL:EL".
    pub fn code(&self) -> String {
        match self {
            Authority::UsOfac => "US-OFAC".into(),
            Authority::Uk => "UK".into(),
            Authority::Un => "UN".into(),
            Authority::UsTradeGov(sub) => format!("US-CSL:{sub}"),
            Authority::Other(name) => format!("OTHER:{name}"),
        }
    }

    /// The country or body whose sanction this list records ("US", "UK", "UN"), to hold a
    /// news claim's authority against.
    pub fn jurisdiction(&self) -> &str {
        match self {
            Authority::UsOfac | Authority::UsTradeGov(_) => "US",
            Authority::Uk => "UK",
            Authority::Un => "UN",
            Authority::Other(_) => "",
        }
    }
}

/// What kind of thing is listed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EntryKind {
    /// A natural person.
    Person,
    /// A company, organisation, group or government body.
    Body,
    /// A ship.
    Vessel,
    /// An aircraft.
    Aircraft,
    /// The list does not say.
    Unknown,
}

/// How a name stands on the list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum NameQuality {
    /// The name the entry is listed under.
    Primary,
    /// A good-quality alias ("a.k.a.").
    Alias,
    /// A low-quality alias (a nom de guerre, a weak a.k.a.): matched, but weighed less.
    Weak,
    /// A former name ("f.k.a.").
    Former,
    /// The name in its original script (Arabic, Cyrillic, Chinese...).
    Original,
}

/// One name of an entry.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ListedName {
    /// The name as the list writes it ("QARMOUT, Nabil").
    pub name: String,
    /// How it stands.
    pub quality: NameQuality,
}

/// What an identifier is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum IdKind {
    /// A passport number.
    Passport,
    /// A national identity number.
    NationalId,
    /// Another identifier, named as the list names it.
    Other(String),
}

/// An identity document or registration number.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Identifier {
    /// What it is.
    pub kind: IdKind,
    /// The number as written.
    pub number: String,
    /// The issuing country, when given.
    pub country: Option<String>,
}

impl Identifier {
    /// The number with only its letters and digits, uppercased: the form two lists are
    /// compared on ("OB 0243318" = "OB0243318").
    pub fn key(&self) -> String {
        self.number.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_uppercase).collect()
    }
}

/// One listed person or body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// Who lists it.
    pub authority: Authority,
    /// Its id in the file (OFAC `ent_num`, UK group id, UN reference number, ...).
    pub record: String,
    /// What it is.
    pub kind: EntryKind,
    /// Its names; the primary name first.
    pub names: Vec<ListedName>,
    /// Birth dates as ISO partial dates ("1948-12-10", "1980-05", "1971").
    pub birth_dates: Vec<String>,
    /// Places of birth as written.
    pub birth_places: Vec<String>,
    /// Nationalities or citizenships as written (a country name or code).
    pub nationalities: Vec<String>,
    /// Passports, identity numbers and the like.
    pub identifiers: Vec<Identifier>,
    /// Sanctions programmes or regimes ("SDGT", "SYRIA", "The ISIL (Da'esh)...").
    pub programmes: Vec<String>,
    /// When it was listed, as an ISO date, when the list says.
    pub listed_on: Option<String>,
    /// Titles, positions and designations ("Director of ...").
    pub roles: Vec<String>,
    /// Addresses as written.
    pub addresses: Vec<String>,
}

impl Entry {
    fn new(authority: Authority, record: String, kind: EntryKind) -> Entry {
        Entry {
            authority,
            record,
            kind,
            names: Vec::new(),
            birth_dates: Vec::new(),
            birth_places: Vec::new(),
            nationalities: Vec::new(),
            identifiers: Vec::new(),
            programmes: Vec::new(),
            listed_on: None,
            roles: Vec::new(),
            addresses: Vec::new(),
        }
    }

    /// The primary name, or "" for an entry without names (which parsers never give).
    pub fn primary(&self) -> &str {
        self.names.first().map_or("", |n| n.name.as_str())
    }

    fn add_name(&mut self, name: &str, quality: NameQuality) {
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        if !name.is_empty() && !self.names.iter().any(|n| n.name == name) {
            self.names.push(ListedName { name, quality });
        }
    }

    fn add(list: &mut Vec<String>, value: &str) {
        let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
        if !value.is_empty() && !list.contains(&value) {
            list.push(value);
        }
    }
}

/// What a supplementary file (OFAC `alt.csv`, `add.csv`, `sdn_comments.csv`) adds to an entry
/// of its set.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Supplement {
    /// The entry's record id.
    pub record: String,
    /// Aliases.
    pub names: Vec<ListedName>,
    /// Addresses.
    pub addresses: Vec<String>,
    /// Remarks, read as the entry's own remarks are.
    pub remarks: Option<String>,
}

/// A record that could not be read, and was skipped.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Problem {
    /// Where: "line 12", "record 3", "INDIVIDUAL 5".
    pub at: String,
    /// What is wrong with it.
    pub message: String,
}

/// The formats read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Format {
    /// OFAC `sdn.csv`.
    OfacSdn,
    /// OFAC `alt.csv`.
    OfacAlt,
    /// OFAC `add.csv`.
    OfacAdd,
    /// OFAC `sdn_comments.csv`.
    OfacComments,
    /// UK consolidated list CSV.
    UkConList,
    /// UN consolidated list XML.
    UnXml,
    /// trade.gov Consolidated Screening List CSV.
    Csl,
    /// FollowTheMoney JSON lines.
    Ftm,
}

impl Format {
    /// The name stored and shown.
    pub fn as_str(&self) -> &'static str {
        match self {
            Format::OfacSdn => "ofac-sdn",
            Format::OfacAlt => "ofac-alt",
            Format::OfacAdd => "ofac-add",
            Format::OfacComments => "ofac-comments",
            Format::UkConList => "uk-conlist",
            Format::UnXml => "un-xml",
            Format::Csl => "trade-gov-csl",
            Format::Ftm => "ftm-json",
        }
    }
}

/// What one file held.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Parsed {
    /// Its format.
    pub format: Format,
    /// The authority of its entries (for the CSL, of its first; each entry has its own).
    pub authority: Authority,
    /// The date the file says it is of ("Last Updated", "dateGenerated"), when it says.
    pub as_of: Option<String>,
    /// For an OFAC file, the set it belongs to: the file name without `sdn`/`alt`/`add`/
    /// `sdn_comments` and its extension, so that `x_alt.csv` joins `x_sdn.csv`.
    pub set: Option<String>,
    /// Its entries.
    pub entries: Vec<Entry>,
    /// What it adds to the entries of its set (OFAC supplementary files).
    pub supplements: Vec<Supplement>,
    /// The records skipped.
    pub problems: Vec<Problem>,
}

/// What can make a whole file unreadable.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Not a list format this crate reads.
    #[error(
        "not a sanctions list format dossier reads (OFAC SDN CSV set, UK ConList CSV, UN XML, trade.gov CSL, FollowTheMoney JSON lines): {0}"
    )]
    Unknown(String),
    /// The file's structure could not be read.
    #[error("unreadable {format}: {message}")]
    Unreadable {
        /// The format it looked like.
        format: &'static str,
        /// Why.
        message: String,
    },
}

/// The crate's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The most a gzipped list may inflate to: the largest real list is some tens of MB.
pub const MAX_INFLATED: u64 = 512 << 20;

/// Reads one list file: `name` is its file name (a hint for the OFAC set's files), `bytes`
/// its content (gzipped or not).
pub fn parse(name: &str, bytes: &[u8]) -> Result<Parsed> {
    if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(bytes)
            .take(MAX_INFLATED + 1)
            .read_to_end(&mut out)
            .map_err(|e| Error::Unreadable { format: "gzip", message: e.to_string() })?;
        if out.len() as u64 > MAX_INFLATED {
            return Err(Error::Unreadable {
                format: "gzip",
                message: format!("inflates past {} MiB; refusing it", MAX_INFLATED >> 20),
            });
        }
        let inner = name.strip_suffix(".gz").unwrap_or(name);
        return parse(inner, &out);
    }
    let text = decode(bytes);
    let head = text.trim_start_matches('\u{feff}').trim_start();
    let first_line = head.lines().next().unwrap_or("");
    if head.starts_with('<') {
        un::parse(head)
    } else if head.starts_with('{') {
        Ok(ftm::parse(&text))
    } else if first_line.starts_with("Last Updated") || first_line.contains("Group ID") {
        Ok(uk::parse(&text))
    } else if first_line.starts_with("_id,source") || first_line.contains(",source,entity_number,")
    {
        Ok(csl::parse(&text))
    } else if first_line.split(',').next().is_some_and(|f| {
        let f = f.trim().trim_matches('"');
        !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit())
    }) {
        Ok(ofac::parse(name, &text))
    } else {
        Err(Error::Unknown(format!(
            "first line {:?}",
            first_line.chars().take(60).collect::<String>()
        )))
    }
}

/// The file's text: UTF-8 when it is, else Windows-1252 (the UK list's older files), byte
/// for byte.
fn decode(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => bytes.iter().map(|&b| cp1252(b)).collect(),
    }
}

fn cp1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9f => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// Joins the supplements of OFAC files to the entries of the same set: aliases, addresses,
/// and what their remarks say. Returns how many supplements found no entry among `entries`.
pub fn merge(entries: &mut [Entry], supplements: &[Supplement]) -> usize {
    let by_record: std::collections::HashMap<String, usize> =
        entries.iter().enumerate().map(|(i, e)| (e.record.clone(), i)).collect();
    let mut orphans = 0;
    for s in supplements {
        let Some(&i) = by_record.get(&s.record) else {
            orphans += 1;
            continue;
        };
        let entry = &mut entries[i];
        for n in &s.names {
            entry.add_name(&n.name, n.quality);
        }
        for a in &s.addresses {
            Entry::add(&mut entry.addresses, a);
        }
        if let Some(remarks) = &s.remarks {
            ofac::read_remarks(entry, remarks);
        }
    }
    orphans
}

#[cfg(test)]
mod tests;
