//! The UN Security Council consolidated list XML.
//!
//! `CONSOLIDATED_LIST` (attribute `dateGenerated`) holds `INDIVIDUALS/INDIVIDUAL` and
//! `ENTITIES/ENTITY`. A record's names are `FIRST_NAME` to `FOURTH_NAME` in reading order
//! (given name first), `NAME_ORIGINAL_SCRIPT` (Arabic, Cyrillic...), and `*_ALIAS` elements
//! with a `QUALITY` ("Good", "Low"); `REFERENCE_NUMBER` ("QDi.001") is the record id, with
//! `DATAID` when it is missing; `UN_LIST_TYPE` the regime; `LISTED_ON` the listing date;
//! `*_DATE_OF_BIRTH` a `DATE`, a `YEAR`, or a `FROM_YEAR`..`TO_YEAR` range; `*_DOCUMENT` a
//! `TYPE_OF_DOCUMENT` with its `NUMBER`.
//!
//! The parser refuses a DTD (roxmltree's default), so entity expansion cannot blow up.

use roxmltree::{Document, Node};

use crate::{
    Authority, Entry, EntryKind, Error, Format, IdKind, Identifier, NameQuality, Parsed, Problem,
    Result, dates,
};

fn child<'a>(node: Node<'a, 'a>, name: &str) -> Option<Node<'a, 'a>> {
    node.children().find(|c| c.has_tag_name(name))
}

fn text<'a>(node: Node<'a, 'a>, name: &str) -> Option<&'a str> {
    child(node, name).and_then(|c| c.text()).map(str::trim).filter(|t| !t.is_empty())
}

fn values<'a>(node: Node<'a, 'a>, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
    node.children().filter(move |c| c.has_tag_name(name)).flat_map(|c| {
        c.children()
            .filter(|v| v.has_tag_name("VALUE"))
            .filter_map(|v| v.text())
            .map(str::trim)
            .filter(|t| !t.is_empty())
    })
}

/// Reads the list.
pub fn parse(xml: &str) -> Result<Parsed> {
    let doc = Document::parse(xml)
        .map_err(|e| Error::Unreadable { format: "UN XML", message: e.to_string() })?;
    let root = doc.root_element();
    if !root.has_tag_name("CONSOLIDATED_LIST") {
        return Err(Error::Unknown(format!("XML whose root is <{}>", root.tag_name().name())));
    }
    let mut parsed = Parsed {
        format: Format::UnXml,
        authority: Authority::Un,
        as_of: root.attribute("dateGenerated").and_then(|d| dates::parse(d.get(..10).unwrap_or(d))),
        set: None,
        entries: Vec::new(),
        supplements: Vec::new(),
        problems: Vec::new(),
    };
    for (group, item, kind, prefix) in [
        ("INDIVIDUALS", "INDIVIDUAL", EntryKind::Person, "INDIVIDUAL"),
        ("ENTITIES", "ENTITY", EntryKind::Body, "ENTITY"),
    ] {
        let Some(group) = child(root, group) else { continue };
        for (n, node) in group.children().filter(|c| c.has_tag_name(item)).enumerate() {
            let at = format!("{item} {} (line {})", n + 1, doc.text_pos_at(node.range().start).row);
            match record(node, kind, prefix) {
                Ok(entry) => parsed.entries.push(entry),
                Err(message) => parsed.problems.push(Problem { at, message }),
            }
        }
    }
    Ok(parsed)
}

fn record(node: Node<'_, '_>, kind: EntryKind, prefix: &str) -> Result<Entry, String> {
    let id = text(node, "REFERENCE_NUMBER")
        .or_else(|| text(node, "DATAID"))
        .ok_or("no REFERENCE_NUMBER or DATAID")?;
    let mut entry = Entry::new(Authority::Un, id.into(), kind);
    let parts: Vec<&str> = ["FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"]
        .iter()
        .filter_map(|t| text(node, t))
        .collect();
    if parts.is_empty() {
        return Err("no FIRST_NAME".into());
    }
    entry.add_name(&parts.join(" "), NameQuality::Primary);
    for original in node.children().filter(|c| c.has_tag_name("NAME_ORIGINAL_SCRIPT")) {
        if let Some(t) = original.text() {
            entry.add_name(t, NameQuality::Original);
        }
    }
    let alias_tag = format!("{prefix}_ALIAS");
    for alias in node.children().filter(|c| c.has_tag_name(alias_tag.as_str())) {
        let Some(name) = text(alias, "ALIAS_NAME") else { continue };
        let quality = match text(alias, "QUALITY").map(str::to_lowercase).as_deref() {
            Some("low") => NameQuality::Weak,
            _ => NameQuality::Alias,
        };
        entry.add_name(name, quality);
    }
    if let Some(list) = text(node, "UN_LIST_TYPE") {
        Entry::add(&mut entry.programmes, list);
    }
    entry.listed_on = text(node, "LISTED_ON").and_then(dates::parse);
    for v in values(node, "TITLE").chain(values(node, "DESIGNATION")) {
        Entry::add(&mut entry.roles, v);
    }
    for v in values(node, "NATIONALITY") {
        Entry::add(&mut entry.nationalities, v);
    }
    let dob_tag = format!("{prefix}_DATE_OF_BIRTH");
    for dob in node.children().filter(|c| c.has_tag_name(dob_tag.as_str())) {
        for t in ["DATE", "YEAR", "FROM_YEAR", "TO_YEAR"] {
            if let Some(date) = text(dob, t).and_then(dates::parse) {
                Entry::add(&mut entry.birth_dates, &date);
            }
        }
    }
    let pob_tag = format!("{prefix}_PLACE_OF_BIRTH");
    for pob in node.children().filter(|c| c.has_tag_name(pob_tag.as_str())) {
        let parts: Vec<&str> =
            ["CITY", "STATE_PROVINCE", "COUNTRY"].iter().filter_map(|t| text(pob, t)).collect();
        if !parts.is_empty() {
            Entry::add(&mut entry.birth_places, &parts.join(", "));
        }
    }
    let address_tag = format!("{prefix}_ADDRESS");
    for address in node.children().filter(|c| c.has_tag_name(address_tag.as_str())) {
        let parts: Vec<&str> = ["STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "COUNTRY"]
            .iter()
            .filter_map(|t| text(address, t))
            .collect();
        if !parts.is_empty() {
            Entry::add(&mut entry.addresses, &parts.join(", "));
        }
    }
    let doc_tag = format!("{prefix}_DOCUMENT");
    for document in node.children().filter(|c| c.has_tag_name(doc_tag.as_str())) {
        let Some(number) = text(document, "NUMBER") else { continue };
        let kind = match text(document, "TYPE_OF_DOCUMENT").map(str::to_lowercase) {
            Some(t) if t.contains("passport") => IdKind::Passport,
            Some(t) if t.contains("national") || t.contains("identi") => IdKind::NationalId,
            Some(t) => IdKind::Other(t),
            None => IdKind::Other("document".into()),
        };
        let country =
            text(document, "ISSUING_COUNTRY").or_else(|| text(document, "COUNTRY_OF_ISSUE"));
        entry.identifiers.push(Identifier {
            kind,
            number: number.into(),
            country: country.map(str::to_string),
        });
    }
    Ok(entry)
}
