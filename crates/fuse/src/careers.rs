//! Each person's posts in order, fused across sources, with bounds that say how much the
//! sources know: "from 2005" (the text dates the start), "at least from 2018-03" (held then,
//! maybe earlier), "at most until 2012-07" (ended by then), "at least until 2018-12" (still
//! held then).

use std::collections::BTreeMap;

use claims::ClaimType;
use model::DateRange;
use serde::{Deserialize, Serialize};

use crate::{Assertion, Party, Status};

/// One end of a post, with how much the sources know of it.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct Bound {
    /// ISO date at the precision known.
    pub date: String,
    /// `from`, `until`, `at least from`, `at least until` or `at most until`.
    pub qualifier: String,
}

impl Bound {
    /// A bound.
    pub fn new(date: &str, qualifier: &str) -> Bound {
        Bound { date: date.to_string(), qualifier: qualifier.to_string() }
    }

    fn range(&self) -> Option<DateRange> {
        DateRange::parse(&self.date)
    }
}

/// One post of a career.
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize)]
pub struct Post {
    /// The body (or the person or state the post serves).
    pub organization: Party,
    /// The role as the sources word it most often.
    pub role: String,
    /// The role's class ("head" for director, chief, head).
    pub role_class: String,
    /// Start bound.
    pub start: Option<Bound>,
    /// End bound.
    pub end: Option<Bound>,
    /// Who held it before, where a source names them.
    pub predecessor: Option<Party>,
    /// Who held it after.
    pub successor: Option<Party>,
    /// The most serious status among its assertions.
    pub status: Status,
    /// The assertions behind the row.
    pub assertions: Vec<String>,
    /// The documents behind the row.
    pub documents: Vec<String>,
    /// Their independent origins.
    pub origins: Vec<String>,
    /// Bounds inferred rather than read, in words.
    pub inferred: Vec<String>,
}

impl Post {
    /// "head of National Police", or the role alone for a post with no body.
    pub fn title(&self) -> String {
        if self.organization.name.is_empty() {
            self.role.clone()
        } else {
            format!("{} of {}", self.role, self.organization.name)
        }
    }
}

/// A person's posts, in order.
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize)]
pub struct Career {
    /// The person.
    pub person: Party,
    /// Their posts, earliest first; posts with no date at all last.
    pub posts: Vec<Post>,
    /// The date of death the case holds (asserted, not contradicted), if any: no post runs
    /// past it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub died: Option<String>,
}

fn post_key(holder: &str, org: &Party, class: &str) -> (String, String, String) {
    (
        holder.to_string(),
        org.id.clone().unwrap_or_else(|| org.name.to_lowercase()),
        class.to_string(),
    )
}

/// Careers of every person who holds a post in the assertions, the person with most posts
/// first.
pub fn careers(assertions: &[Assertion]) -> Vec<Career> {
    let mut posts: BTreeMap<(String, String, String), Post> = BTreeMap::new();
    let mut people: BTreeMap<String, Party> = BTreeMap::new();
    let role_of = |a: &Assertion| {
        (a.text("role").unwrap_or("").to_string(), a.text("role_class").unwrap_or("").to_string())
    };
    for a in assertions.iter().filter(|a| a.kind == ClaimType::Position) {
        let Some((h, holder)) = identified(a.party("holder")) else { continue };
        let org = a.party("organization").unwrap_or_default();
        let (role, class) = role_of(a);
        people.insert(h.clone(), holder.clone());
        let post =
            posts.entry(post_key(&h, &org, &class)).or_insert_with(|| empty_post(org, role, class));
        post.start = post.start.take().or(a.start.clone());
        post.end = post.end.take().or(a.end.clone());
        absorb(post, a);
    }
    for a in assertions.iter().filter(|a| a.kind == ClaimType::Appointment) {
        let Some((p, person)) = identified(a.party("person")) else { continue };
        let org = a.party("organization").unwrap_or_default();
        let (role, class) = role_of(a);
        people.insert(p.clone(), person.clone());
        let post = posts
            .entry(post_key(&p, &org, &class))
            .or_insert_with(|| empty_post(org.clone(), role.clone(), class.clone()));
        if let Some(date) = &a.date {
            // An appointment dates the start more surely than "as of" does.
            let new = DateRange::parse(date);
            let weaker = post.start.as_ref().is_none_or(|s| {
                let old = s.range();
                s.qualifier != "from"
                    || match (old, new) {
                        // The same start told more precisely ("2012" and "July 2012").
                        (Some(o), Some(n)) if o.overlaps(&n) => n.hi - n.lo < o.hi - o.lo,
                        (o, n) => o > n,
                    }
            });
            if weaker {
                post.start = Some(Bound::new(date, "from"));
            }
        }
        if post.predecessor.is_none() {
            post.predecessor = a.party("predecessor");
        }
        absorb(post, a);
        // The predecessor's post ended with this appointment.
        if let Some((q, pred)) = identified(a.party("predecessor")) {
            people.insert(q.clone(), pred.clone());
            let theirs = posts
                .entry(post_key(&q, &org, &class))
                .or_insert_with(|| empty_post(org.clone(), role.clone(), class.clone()));
            theirs.successor = Some(person.clone());
            if let Some(date) = &a.date
                && theirs.end.as_ref().is_none_or(|e| e.qualifier.starts_with("at least"))
            {
                theirs.end = Some(Bound::new(date, "until"));
            }
            if !theirs.assertions.contains(&a.id) {
                theirs.assertions.push(a.id.clone());
            }
        }
    }
    // Successors of superseded posts that name no predecessor.
    let by_id: std::collections::HashMap<&str, &Assertion> =
        assertions.iter().map(|a| (a.id.as_str(), a)).collect();
    for post in posts.values_mut() {
        if post.successor.is_some() || post.status != Status::Superseded {
            continue;
        }
        post.successor = post
            .assertions
            .iter()
            .filter_map(|id| by_id.get(id.as_str()))
            .flat_map(|a| a.related.iter())
            .filter_map(|r| by_id.get(r.as_str()))
            .filter(|a| a.kind == ClaimType::Appointment)
            .find_map(|a| a.party("person"));
    }
    let mut by_person: BTreeMap<String, Vec<Post>> = BTreeMap::new();
    for ((holder, _, _), post) in posts {
        by_person.entry(holder).or_default().push(post);
    }
    let mut out: Vec<Career> = by_person
        .into_iter()
        .map(|(id, mut posts)| {
            posts.sort_by_key(order_key);
            infer_ends(&mut posts);
            Career { person: people[&id].clone(), posts, died: None }
        })
        .collect();
    out.sort_by(|a, b| b.posts.len().cmp(&a.posts.len()).then(a.person.name.cmp(&b.person.name)));
    out
}

/// A party with an entity id, with the id apart.
fn identified(p: Option<Party>) -> Option<(String, Party)> {
    let p = p?;
    Some((p.id.clone()?, p))
}

fn empty_post(organization: Party, role: String, role_class: String) -> Post {
    Post {
        organization,
        role,
        role_class,
        start: None,
        end: None,
        predecessor: None,
        successor: None,
        status: Status::SingleSource,
        assertions: Vec::new(),
        documents: Vec::new(),
        origins: Vec::new(),
        inferred: Vec::new(),
    }
}

fn absorb(post: &mut Post, a: &Assertion) {
    if !post.assertions.contains(&a.id) {
        post.assertions.push(a.id.clone());
    }
    for d in &a.documents {
        if !post.documents.contains(d) {
            post.documents.push(d.clone());
        }
    }
    for o in &a.origins {
        if !post.origins.contains(o) {
            post.origins.push(o.clone());
        }
    }
    // The most serious status of its assertions; two origins across them corroborate.
    post.status = match post.status.max(a.status) {
        Status::SingleSource | Status::Corroborated if post.origins.len() >= 2 => {
            Status::Corroborated
        }
        s => s,
    };
}

/// Earliest first: by start, else by end (a post that ended by a date comes before one that
/// began then), posts with neither last.
fn order_key(p: &Post) -> (u8, u32, u8) {
    match (p.start.as_ref().and_then(Bound::range), p.end.as_ref().and_then(Bound::range)) {
        (Some(s), _) => (0, s.lo, 1),
        (None, Some(e)) => (0, e.lo, 0),
        (None, None) => (1, 0, 0),
    }
}

/// A person leads one body at a time: a leading post with no end, or one known only to have
/// ended by a later date ("former" in a later document), ends, at most, when their next
/// leading post in another body begins.
fn infer_ends(posts: &mut [Post]) {
    for i in 0..posts.len() {
        let loose = match &posts[i].end {
            None => None,
            Some(b) if b.qualifier == "at most until" => b.range(),
            Some(_) => continue,
        };
        if !resolve::roles::is_leading(&posts[i].role_class) {
            continue;
        }
        let Some(start) = posts[i].start.as_ref().and_then(Bound::range) else { continue };
        let next = posts[i + 1..].iter().find(|q| {
            resolve::roles::is_leading(&q.role_class)
                && q.organization != posts[i].organization
                && q.start.as_ref().and_then(Bound::range).is_some_and(|s| start.before(&s))
        });
        if let Some(next) = next {
            let next_start = next.start.as_ref().and_then(Bound::range);
            if let (Some(l), Some(n)) = (loose, next_start)
                && l.hi <= n.hi
            {
                continue;
            }
            let date = next.start.as_ref().map(|b| b.date.clone()).unwrap_or_default();
            let line = format!("ends at most when the next post ({}) begins", next.title());
            posts[i].end = Some(Bound::new(&date, "at most until"));
            posts[i].inferred.push(line);
        }
    }
}
