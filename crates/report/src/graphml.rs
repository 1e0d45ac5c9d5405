//! `network.graphml`: who met whom, and who holds which post, for Gephi, networkx or yEd.
//!
//! Nodes are entities (`name`, `kind`, `country`); edges are `met` (undirected in meaning,
//! one per pair, with how many meetings, their dates and the assertions) and `holds`
//! (person → body, with the role).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use claims::ClaimType;
use fuse::Case;

use crate::escape;

/// The network as GraphML.
pub fn network(case: &Case) -> String {
    let mut met: BTreeMap<(String, String), Vec<(String, String)>> = BTreeMap::new();
    let mut holds: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    for a in &case.assertions {
        match a.kind {
            ClaimType::Meeting => {
                let ids: Vec<String> =
                    a.parties("participants").into_iter().filter_map(|p| p.id).collect();
                for (i, x) in ids.iter().enumerate() {
                    for y in &ids[i + 1..] {
                        let key =
                            if x < y { (x.clone(), y.clone()) } else { (y.clone(), x.clone()) };
                        met.entry(key)
                            .or_default()
                            .push((a.id.clone(), a.date.clone().unwrap_or_default()));
                    }
                }
            }
            ClaimType::Position => {
                if let (Some(h), Some(o)) = (
                    a.party("holder").and_then(|p| p.id),
                    a.party("organization").and_then(|p| p.id),
                ) {
                    holds.entry((h, o)).or_default().push(a.text("role").unwrap_or("").to_string());
                }
            }
            _ => {}
        }
    }
    let used: std::collections::BTreeSet<&String> =
        met.keys().chain(holds.keys()).flat_map(|(a, b)| [a, b]).collect();
    let mut out = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
  <key id="name" for="node" attr.name="name" attr.type="string"/>
  <key id="kind" for="node" attr.name="kind" attr.type="string"/>
  <key id="country" for="node" attr.name="country" attr.type="string"/>
  <key id="relation" for="edge" attr.name="relation" attr.type="string"/>
  <key id="count" for="edge" attr.name="count" attr.type="int"/>
  <key id="dates" for="edge" attr.name="dates" attr.type="string"/>
  <key id="role" for="edge" attr.name="role" attr.type="string"/>
  <key id="assertions" for="edge" attr.name="assertions" attr.type="string"/>
  <graph id="network" edgedefault="directed">
"#,
    );
    for e in case.resolution.entities.iter().filter(|e| used.contains(&e.id)) {
        let _ = writeln!(
            out,
            "    <node id=\"{}\"><data key=\"name\">{}</data><data key=\"kind\">{}</data><data key=\"country\">{}</data></node>",
            escape(&e.id),
            escape(&e.name),
            e.kind.as_str(),
            escape(e.country.as_deref().unwrap_or(""))
        );
    }
    for (n, ((a, b), meetings)) in met.iter().enumerate() {
        let dates: Vec<&str> =
            meetings.iter().map(|(_, d)| d.as_str()).filter(|d| !d.is_empty()).collect();
        let ids: Vec<&str> = meetings.iter().map(|(id, _)| id.as_str()).collect();
        let _ = writeln!(
            out,
            "    <edge id=\"met{n}\" source=\"{}\" target=\"{}\"><data key=\"relation\">met</data><data key=\"count\">{}</data><data key=\"dates\">{}</data><data key=\"assertions\">{}</data></edge>",
            escape(a),
            escape(b),
            meetings.len(),
            escape(&dates.join(" ")),
            escape(&ids.join(" "))
        );
    }
    for (n, ((h, o), roles)) in holds.iter().enumerate() {
        let _ = writeln!(
            out,
            "    <edge id=\"holds{n}\" source=\"{}\" target=\"{}\"><data key=\"relation\">holds</data><data key=\"count\">{}</data><data key=\"role\">{}</data></edge>",
            escape(h),
            escape(o),
            roles.len(),
            escape(&roles.join("; "))
        );
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}
