//! `ftm.json`: the case as FollowTheMoney entities, one JSON object a line, as Aleph and
//! the `followthemoney` tools read them.
//!
//! | dossier | FollowTheMoney |
//! |---|---|
//! | person | `Person` (`name`, `alias`, `position`, `topics`) |
//! | organisation | `Organization`; one that holds posts of a state: `PublicBody` |
//! | post (body + role class) | `Position` (`name`, `organization`) |
//! | career row | `Occupancy` (`holder`, `post`, `startDate`, `endDate`, `status`) |
//! | sanction | `Sanction` (`entity`, `authority`, `startDate`, `reason`) |
//! | meeting, visit, warrant, arrest, death report | `Event` (`name`, `date`, `involved`, `location`, `summary`) |
//! | document | `Article` (`title`, `publishedAt`, `publisher`, `sourceUrl`, `fileName`) |
//! | document mentions entity | `Documentation` (`document`, `entity`, `role`) |
//!
//! States ("France") stay names (`authority`), since FollowTheMoney has no state entity.

use std::collections::{BTreeMap, BTreeSet};

use claims::ClaimType;
use fuse::{Case, Party};
use resolve::EntityKind;
use serde_json::{Value, json};

struct Out {
    lines: Vec<String>,
}

impl Out {
    fn push(&mut self, id: &str, schema: &str, props: BTreeMap<&str, Vec<String>>) {
        let properties: serde_json::Map<String, Value> = props
            .into_iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| (k.to_string(), Value::from(v)))
            .collect();
        self.lines.push(json!({"id": id, "schema": schema, "properties": properties}).to_string());
    }
}

/// An FtM date: the first day of an interval, at the precision given.
fn ftm_date(d: &str) -> String {
    d.split('/').next().unwrap_or(d).to_string()
}

fn short(text: &str) -> String {
    model::Sha256::digest(text.as_bytes()).short(12)
}

/// The case as FtM entities, one JSON object a line.
pub fn entities(case: &Case) -> String {
    let mut out = Out { lines: Vec::new() };
    let entity_ids: BTreeSet<&str> = case
        .resolution
        .entities
        .iter()
        .filter(|e| e.kind != EntityKind::State)
        .map(|e| e.id.as_str())
        .collect();
    let known = |p: &Option<Party>| {
        p.as_ref().and_then(|p| p.id.clone()).filter(|id| entity_ids.contains(id.as_str()))
    };
    // Bodies whose people hold posts of a state are public bodies; others stay organisations.
    let public: BTreeSet<String> = case
        .assertions
        .iter()
        .filter(|a| a.kind == ClaimType::Position)
        .filter_map(|a| a.party("organization")?.id)
        .collect();
    let mut positions_of: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for c in &case.careers {
        if let Some(id) = &c.person.id {
            positions_of.entry(id.clone()).or_default().extend(c.posts.iter().map(|p| p.title()));
        }
    }
    let mut topics: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
    for a in &case.assertions {
        let (field, topic) = match a.kind {
            ClaimType::Sanction => ("target", "sanction"),
            ClaimType::Warrant => ("target", "wanted"),
            ClaimType::Allegation => ("accused", "crime"),
            _ => continue,
        };
        if let Some(id) = a.party(field).and_then(|p| p.id) {
            topics.entry(id).or_default().insert(topic);
        }
    }
    for e in &case.resolution.entities {
        let aliases: Vec<String> = e.names.iter().filter(|n| **n != e.name).cloned().collect();
        match e.kind {
            EntityKind::Person => {
                let mut props =
                    BTreeMap::from([("name", vec![e.name.clone()]), ("alias", aliases)]);
                props.insert("position", positions_of.get(&e.id).cloned().unwrap_or_default());
                props.insert(
                    "topics",
                    topics
                        .get(&e.id)
                        .map(|t| t.iter().map(|s| s.to_string()).collect())
                        .unwrap_or_default(),
                );
                out.push(&e.id, "Person", props);
            }
            EntityKind::Organization => {
                let schema = if public.contains(&e.id) { "PublicBody" } else { "Organization" };
                out.push(
                    &e.id,
                    schema,
                    BTreeMap::from([("name", vec![e.name.clone()]), ("alias", aliases)]),
                );
            }
            EntityKind::State => {}
        }
    }
    for c in &case.careers {
        let Some(holder) = c.person.id.clone().filter(|id| entity_ids.contains(id.as_str())) else {
            continue;
        };
        for post in &c.posts {
            let org = post.organization.id.clone().filter(|id| entity_ids.contains(id.as_str()));
            let pos_id = format!(
                "position-{}",
                short(&format!(
                    "{}|{}",
                    post.organization.id.clone().unwrap_or(post.organization.name.clone()),
                    post.role_class
                ))
            );
            let name = if post.organization.name.is_empty() {
                post.role_class.clone()
            } else {
                format!("{} of {}", post.role_class, post.organization.name)
            };
            let mut props = BTreeMap::from([("name", vec![name])]);
            if let Some(o) = &org {
                props.insert("organization", vec![o.clone()]);
            }
            out.push(&pos_id, "Position", props);
            let mut occ =
                BTreeMap::from([("holder", vec![holder.clone()]), ("post", vec![pos_id.clone()])]);
            if let Some(s) = &post.start {
                occ.insert("startDate", vec![ftm_date(&s.date)]);
            }
            if let Some(e) = post.end.as_ref().filter(|e| !e.qualifier.starts_with("at least")) {
                occ.insert("endDate", vec![ftm_date(&e.date)]);
            }
            let status = if post.end.as_ref().is_some_and(|e| !e.qualifier.starts_with("at least"))
            {
                "ended"
            } else {
                "unknown"
            };
            occ.insert("status", vec![status.to_string()]);
            occ.insert("description", vec![post.assertions.join(" ")]);
            out.push(
                &format!("occupancy-{}", short(&format!("{holder}|{pos_id}"))),
                "Occupancy",
                occ,
            );
        }
    }
    for a in &case.assertions {
        let summary = vec![format!(
            "{} ({}; {} origins)",
            crate::tables::describe(a),
            a.status.as_str(),
            a.origins.len()
        )];
        match a.kind {
            ClaimType::Sanction => {
                let Some(target) = known(&a.party("target")) else { continue };
                let mut props = BTreeMap::from([("entity", vec![target]), ("summary", summary)]);
                if let Some(auth) = a.party("authority") {
                    props.insert("authority", vec![auth.name]);
                }
                if let Some(d) = &a.date {
                    props.insert("startDate", vec![ftm_date(d)]);
                }
                if let Some(r) = a.text("reason") {
                    props.insert("reason", vec![r.to_string()]);
                }
                out.push(&format!("sanction-{}", &a.id[2..]), "Sanction", props);
            }
            ClaimType::Meeting
            | ClaimType::Visit
            | ClaimType::Warrant
            | ClaimType::Arrest
            | ClaimType::DeathReport => {
                let mut involved: Vec<String> = a
                    .parties("participants")
                    .iter()
                    .filter_map(|p| known(&Some(p.clone())))
                    .collect();
                for f in ["person", "target"] {
                    involved.extend(known(&a.party(f)));
                }
                let mut props = BTreeMap::from([
                    ("name", vec![crate::tables::describe(a)]),
                    ("involved", involved),
                    ("summary", summary),
                ]);
                if let Some(d) = &a.date {
                    props.insert("date", vec![ftm_date(d)]);
                }
                if let Some(p) = a.text("place") {
                    props.insert("location", vec![p.to_string()]);
                }
                out.push(&format!("event-{}", &a.id[2..]), "Event", props);
            }
            _ => {}
        }
    }
    let mut mentioned: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    for e in case.resolution.entities.iter().filter(|e| entity_ids.contains(e.id.as_str())) {
        for d in &e.docs {
            mentioned.entry(d.as_str()).or_default().insert(e.id.clone());
        }
    }
    for (name, s) in &case.sources {
        let article = format!("article-{}", &s.sha256[..16.min(s.sha256.len())]);
        let mut props = BTreeMap::from([
            ("name", vec![name.clone()]),
            ("fileName", vec![name.clone()]),
            ("description", vec![format!("SHA-256 {}", s.sha256)]),
        ]);
        if let Some(t) = &s.title {
            props.insert("title", vec![t.clone()]);
        }
        if let Some(p) = &s.publisher {
            props.insert("publisher", vec![p.clone()]);
        }
        if let Some(d) = &s.published {
            props.insert("publishedAt", vec![d.clone()]);
        }
        if let Some(u) = s.url.as_deref().and_then(crate::safe_url) {
            props.insert("sourceUrl", vec![u.to_string()]);
        }
        out.push(&article, "Article", props);
        for id in mentioned.get(name.as_str()).into_iter().flatten() {
            out.push(
                &format!("documentation-{}", short(&format!("{article}|{id}"))),
                "Documentation",
                BTreeMap::from([
                    ("document", vec![article.clone()]),
                    ("entity", vec![id.clone()]),
                    ("role", vec!["mentioned".to_string()]),
                ]),
            );
        }
    }
    let mut text = out.lines.join("\n");
    text.push('\n');
    text
}
