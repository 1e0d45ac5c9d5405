//! Claims into assertions, and the statuses that need more than one assertion to see.

use std::collections::{BTreeMap, BTreeSet};

use claims::{Claim, ClaimType, Modality};
use model::DateRange;
use resolve::Resolution;
use resolve::names::fold;
use resolve::roles::{rank_in_body, role_class};
use serde_json::Value;

use crate::careers::Bound;
use crate::{Assertion, Party, Source, Status};

/// Events that happen once: two dates for one of them cannot both be right.
fn one_off(kind: ClaimType) -> bool {
    matches!(
        kind,
        ClaimType::Arrest | ClaimType::Appointment | ClaimType::DeathReport | ClaimType::Allegation
    )
}

/// Attributes a person has one value of for life.
const LIFELONG_KEYS: &[&str] = &["origin", "nationality", "birth_date"];

struct Ctx<'a> {
    claims: &'a [Claim],
    res: &'a Resolution,
    sources: &'a BTreeMap<String, Source>,
    /// Every name of every person the case holds, folded: a person the text quotes is no
    /// origin.
    people: BTreeSet<String>,
}

impl Ctx<'_> {
    fn party(&self, i: usize, field: &str, slot: usize) -> Option<Party> {
        let text = *self.claims[i].list(field).get(slot)?;
        Some(match self.res.entity_of(i, field, slot) {
            Some(e) => Party { id: Some(e.id.clone()), name: e.name.clone() },
            None => Party { id: None, name: text.to_string() },
        })
    }

    fn key_of(&self, i: usize, field: &str) -> String {
        match self.party(i, field, 0) {
            Some(Party { id: Some(id), .. }) => id,
            Some(Party { id: None, name }) => format!("text:{}", fold(&name)),
            None => "-".into(),
        }
    }

    /// What makes two claims state the same fact, before dates.
    fn key(&self, i: usize) -> String {
        let c = &self.claims[i];
        let t = c.kind.as_str();
        let k = |f: &str| self.key_of(i, f);
        let text = |f: &str| c.field(f).map(fold).unwrap_or_default();
        match c.kind {
            ClaimType::Position => {
                format!(
                    "{t}|{}|{}|{}",
                    k("holder"),
                    k("organization"),
                    role_class(c.field("role").unwrap_or(""))
                )
            }
            ClaimType::Appointment => {
                format!(
                    "{t}|{}|{}|{}",
                    k("person"),
                    k("organization"),
                    role_class(c.field("role").unwrap_or(""))
                )
            }
            ClaimType::Meeting => {
                let mut ids: Vec<String> = (0..c.list("participants").len())
                    .map(|s| match self.party(i, "participants", s) {
                        Some(Party { id: Some(id), .. }) => id,
                        Some(p) => format!("text:{}", fold(&p.name)),
                        None => "-".into(),
                    })
                    .collect();
                ids.sort();
                ids.dedup();
                format!("{t}|{}", ids.join("+"))
            }
            ClaimType::Visit => format!("{t}|{}|{}", k("person"), text("place")),
            ClaimType::Sanction | ClaimType::Warrant => {
                format!("{t}|{}|{}", k("target"), k("authority"))
            }
            ClaimType::Arrest | ClaimType::DeathReport => format!("{t}|{}", k("person")),
            ClaimType::Allegation => match c.field("accuser") {
                Some(_) => format!("{t}|{}|by:{}", k("accused"), k("accuser")),
                None => {
                    let words: BTreeSet<String> = text("act")
                        .split(|ch: char| !ch.is_alphanumeric())
                        .filter(|w| w.len() > 3)
                        .map(String::from)
                        .collect();
                    format!(
                        "{t}|{}|act:{}",
                        k("accused"),
                        words.into_iter().collect::<Vec<_>>().join(" ")
                    )
                }
            },
            ClaimType::Health => format!("{t}|{}|{}", k("person"), text("condition")),
            ClaimType::Charge => format!("{t}|{}|{}", k("defendant"), k("authority")),
            ClaimType::Verdict => {
                format!("{t}|{}|{}|{}", k("defendant"), k("authority"), text("outcome"))
            }
            ClaimType::Relation => {
                let mut pair = [k("person"), k("other")];
                pair.sort();
                format!("{t}|{}|{}", pair[0], pair[1])
            }
            ClaimType::Attribute => {
                // One assertion per value; lifelong keys with two values conflict later.
                let key = c.field("key").unwrap_or("");
                format!("{t}|{}|{key}|{}", k("person"), text("value"))
            }
        }
    }

    fn date(&self, i: usize) -> Option<DateRange> {
        let c = &self.claims[i];
        let field = c.kind.date_field()?;
        DateRange::parse(c.field(field)?)
    }

    /// The origin of a claim: the source it cites, unless a person; else its document's origin cluster, as its
    /// wire agency or earliest publisher (eighty reprints of one wire story are one origin);
    /// else its document's publisher; else the document. A name counts once whichever way it
    /// comes ("according to AFP", an AFP reprint, a document AFP published).
    /// (comparison key, name to show).
    fn origin(&self, i: usize) -> (String, String) {
        let c = &self.claims[i];
        // A person quoted ("the prosecutor Piet Oranje said") is no publisher, wire or
        // outlet: what they say reaches the case through the document that quotes them.
        if let Some(a) = &c.attributed_to
            && !self.people.contains(&fold(a))
        {
            return (format!("origin:{}", fold(a)), a.clone());
        }
        let source = self.sources.get(&c.doc);
        let named = source.and_then(|s| s.origin.as_deref().or(s.publisher.as_deref()));
        if let Some(name) = named.filter(|n| !fold(n).is_empty()) {
            return (format!("origin:{}", fold(name)), name.to_string());
        }
        match source.and_then(|s| s.cluster.as_deref()) {
            Some(cluster) => (format!("cluster:{cluster}"), cluster.to_string()),
            None => (format!("document:{}", c.doc), c.doc.clone()),
        }
    }
}

/// Groups claims stating the same fact into assertions and sets their statuses.
///
/// `claims` and `res` must come together: `res` is [`resolve::resolve`] of these claims.
/// `sources` gives each document's publisher and date (origins, refutations).
pub fn fuse(
    claims: &[Claim],
    res: &Resolution,
    sources: &BTreeMap<String, Source>,
) -> Vec<Assertion> {
    let people = res
        .entities
        .iter()
        .filter(|e| e.kind == resolve::EntityKind::Person)
        .flat_map(|e| e.names.iter().map(|n| fold(n)))
        .collect();
    let ctx = Ctx { claims, res, sources, people };
    let mut by_key: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for i in 0..claims.len() {
        by_key.entry(ctx.key(i)).or_default().push(i);
    }
    let mut out: Vec<Assertion> = Vec::new();
    let mut date_conflicts: Vec<Vec<usize>> = Vec::new();
    for (key, members) in &by_key {
        let kind = claims[members[0]].kind;
        let groups = if kind == ClaimType::Position || kind == ClaimType::Attribute {
            vec![members.clone()]
        } else {
            split_by_date(&ctx, members)
        };
        let first = out.len();
        for g in &groups {
            out.push(build(&ctx, key, g));
        }
        if groups.len() > 1 && one_off(kind) {
            date_conflicts.push((first..out.len()).collect());
        }
    }
    for set in date_conflicts {
        let dates: Vec<String> = set
            .iter()
            .map(|&a| {
                format!(
                    "{} ({})",
                    out[a].date.as_deref().unwrap_or("undated"),
                    out[a].documents.join(", ")
                )
            })
            .collect();
        let line =
            format!("sources disagree on the date of this event: {}", dates.join(" against "));
        mark_conflict(&mut out, &set, &line);
    }
    lifelong_conflicts(&mut out);
    rank_conflicts(&mut out);
    refutations(&ctx, &mut out);
    successions(&mut out);
    crate::time::bound_by_death(&mut out, ctx.sources);
    for a in &mut out {
        if a.status == Status::SingleSource && a.origins.len() >= 2 {
            a.status = Status::Corroborated;
        }
        let origins = a.origins.len();
        let docs = a.documents.len();
        a.explanation.insert(
            0,
            format!(
                "stated in {docs} document{} from {origins} independent origin{} ({})",
                if docs == 1 { "" } else { "s" },
                if origins == 1 { "" } else { "s" },
                name_list(&a.origins)
            ),
        );
    }
    out.sort_by(|a, b| a.kind.cmp(&b.kind).then(a.date.cmp(&b.date)).then(a.id.cmp(&b.id)));
    out
}

/// Names for a line of text: all of them up to five, else the first four and how many more.
fn name_list(names: &[String]) -> String {
    if names.len() <= 5 {
        return names.join(", ");
    }
    format!("{} and {} more", names[..4].join(", "), names.len() - 4)
}

/// Claims of one key split into groups whose dates can be the same day; undated claims go
/// with the largest group.
fn split_by_date(ctx: &Ctx<'_>, members: &[usize]) -> Vec<Vec<usize>> {
    let mut dated: Vec<(DateRange, usize)> =
        members.iter().filter_map(|&i| ctx.date(i).map(|d| (d, i))).collect();
    dated.sort();
    let mut groups: Vec<(DateRange, Vec<usize>)> = Vec::new();
    for (d, i) in dated {
        match groups.iter_mut().find(|(common, _)| common.overlaps(&d)) {
            Some((common, g)) => {
                common.lo = common.lo.max(d.lo);
                common.hi = common.hi.min(d.hi);
                g.push(i);
            }
            None => groups.push((d, vec![i])),
        }
    }
    let undated: Vec<usize> = members.iter().copied().filter(|&i| ctx.date(i).is_none()).collect();
    let mut groups: Vec<Vec<usize>> = groups.into_iter().map(|(_, g)| g).collect();
    if groups.is_empty() {
        return vec![undated];
    }
    if let Some(largest) = groups.iter_mut().max_by_key(|g| g.len()) {
        largest.extend(undated);
        largest.sort_unstable();
    }
    groups
}

fn build(ctx: &Ctx<'_>, key: &str, group: &[usize]) -> Assertion {
    let claims = ctx.claims;
    let kind = claims[group[0]].kind;
    // The best-supported value of each text argument; entities by their canonical party.
    let mut arguments: BTreeMap<String, Value> = BTreeMap::new();
    let fields: BTreeSet<&str> = group
        .iter()
        .flat_map(|&i| claims[i].fields.keys().map(String::as_str))
        .filter(|f| !matches!(*f, "start" | "end" | "as_of" | "date" | "former"))
        .collect();
    for f in fields {
        if f == "participants" {
            let mut seen = BTreeSet::new();
            let mut parties = Vec::new();
            for &i in group {
                for s in 0..claims[i].list(f).len() {
                    if let Some(p) = ctx.party(i, f, s)
                        && seen.insert(p.id.clone().unwrap_or_else(|| fold(&p.name)))
                    {
                        parties.push(p);
                    }
                }
            }
            arguments.insert(f.into(), serde_json::to_value(parties).unwrap_or_default());
            continue;
        }
        let entity =
            group.iter().find_map(|&i| ctx.res.entity_of(i, f, 0).map(|_| ctx.party(i, f, 0)));
        if let Some(Some(p)) = entity {
            arguments.insert(f.into(), serde_json::to_value(p).unwrap_or_default());
            continue;
        }
        if f == "charges" {
            let mut all: Vec<String> = Vec::new();
            for &i in group {
                for c in claims[i].list(f) {
                    if !all.iter().any(|x| fold(x) == fold(c)) {
                        all.push(c.to_string());
                    }
                }
            }
            if !all.is_empty() {
                arguments.insert(f.into(), Value::from(all));
            }
            continue;
        }
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for &i in group {
            if let Some(v) = claims[i].field(f) {
                *counts.entry(v).or_default() += 1;
            }
        }
        // Most used, then longest (the fuller wording).
        if let Some((v, _)) = counts.iter().max_by_key(|(v, n)| (**n, v.len())) {
            arguments.insert(f.into(), Value::from(*v));
        }
    }
    if matches!(kind, ClaimType::Position | ClaimType::Appointment)
        && let Some(r) = arguments.get("role").and_then(Value::as_str)
    {
        let class = role_class(r);
        arguments.insert("role_class".into(), Value::from(class));
    }
    // The most precise date compatible with all.
    let date = kind.date_field().and_then(|f| {
        group
            .iter()
            .filter_map(|&i| {
                claims[i].field(f).and_then(|d| DateRange::parse(d).map(|r| (r.hi - r.lo, d)))
            })
            .min()
            .map(|(_, d)| d.to_string())
    });
    let (start, end, explanation) = if kind == ClaimType::Position {
        crate::time::post_bounds(claims, group, ctx.sources)
    } else {
        (None, None, Vec::new())
    };
    let modality = group
        .iter()
        .map(|&i| claims[i].modality)
        .min_by_key(|m| modality_rank(*m))
        .unwrap_or(Modality::Asserted);
    // Origins compared folded, shown as first written.
    let mut best: BTreeMap<String, (f64, String)> = BTreeMap::new();
    for &i in group {
        let (key, shown) = ctx.origin(i);
        let e = best.entry(key).or_insert((0.0, shown));
        e.0 = e.0.max(claims[i].confidence);
    }
    let confidence = 1.0 - best.values().fold(1.0, |acc, (c, _)| acc * (1.0 - c));
    let origins: Vec<String> = best.into_values().map(|(_, shown)| shown).collect();
    let documents: Vec<String> =
        group.iter().map(|&i| claims[i].doc.clone()).collect::<BTreeSet<_>>().into_iter().collect();
    let mut ids: Vec<String> = group.iter().map(|&i| claims[i].id.clone()).collect();
    ids.sort();
    let id = format!(
        "a-{}",
        model::Sha256::digest(format!("{key}|{}", date.clone().unwrap_or_default()).as_bytes())
            .short(12)
    );
    Assertion {
        id,
        kind,
        arguments,
        date,
        start,
        end,
        status: Status::SingleSource,
        explanation,
        modality,
        claims: ids,
        documents,
        origins,
        related: Vec::new(),
        confidence: (confidence * 1000.0).round() / 1000.0,
        official: None,
    }
}

/// Asserted first: the strongest statement among the supporting claims.
fn modality_rank(m: Modality) -> u8 {
    match m {
        Modality::Asserted => 0,
        Modality::Reported => 1,
        Modality::Alleged => 2,
        Modality::Uncertain => 3,
        Modality::Rumored => 4,
        Modality::Denied => 5,
    }
}

fn mark_conflict(out: &mut [Assertion], set: &[usize], line: &str) {
    for &a in set {
        out[a].status = out[a].status.max(Status::Conflicting);
        out[a].explanation.push(line.to_string());
        for &b in set {
            if a != b {
                let id = out[b].id.clone();
                if !out[a].related.contains(&id) {
                    out[a].related.push(id);
                }
            }
        }
    }
}

/// "Of Circassian origin" against "of Turkmen origin".
fn lifelong_conflicts(out: &mut [Assertion]) {
    let mut by_person: BTreeMap<(String, String), Vec<usize>> = BTreeMap::new();
    for (k, a) in out.iter().enumerate() {
        if a.kind != ClaimType::Attribute {
            continue;
        }
        let Some(key) = a.text("key").filter(|k| LIFELONG_KEYS.contains(k)) else { continue };
        let Some(Party { id: Some(id), .. }) = a.party("person") else { continue };
        by_person.entry((id, key.to_string())).or_default().push(k);
    }
    for ((_, key), set) in by_person {
        if set.len() > 1 {
            let values: Vec<&str> = set.iter().filter_map(|&a| out[a].text("value")).collect();
            let line =
                format!("sources give different values of {key}: {}", values.join(" against "));
            mark_conflict(out, &set, &line);
        }
    }
}

/// "Head" and "deputy head" of one body, with nothing in the sources that puts one after
/// the other (an explicit end of one at or before an explicit start of the other).
fn rank_conflicts(out: &mut [Assertion]) {
    let mut by_post: BTreeMap<(String, String), Vec<usize>> = BTreeMap::new();
    for (k, a) in out.iter().enumerate() {
        if a.kind != ClaimType::Position {
            continue;
        }
        let (Some(Party { id: Some(h), .. }), Some(o)) =
            (a.party("holder"), a.party("organization"))
        else {
            continue;
        };
        if a.text("role_class").and_then(rank_in_body).is_none() {
            continue;
        }
        by_post.entry((h, o.id.unwrap_or(o.name))).or_default().push(k);
    }
    for set in by_post.into_values() {
        for x in 0..set.len() {
            for y in x + 1..set.len() {
                let (a, b) = (&out[set[x]], &out[set[y]]);
                let (ra, rb) = (
                    a.text("role_class").and_then(rank_in_body),
                    b.text("role_class").and_then(rank_in_body),
                );
                if ra == rb {
                    continue;
                }
                if ordered(a, b) || ordered(b, a) {
                    continue;
                }
                let line = format!(
                    "sources disagree on the post in {}: \"{}\" ({}) against \"{}\" ({}), with nothing that dates one after the other",
                    a.party("organization").map(|p| p.name).unwrap_or_default(),
                    a.text("role").unwrap_or(""),
                    a.documents.join(", "),
                    b.text("role").unwrap_or(""),
                    b.documents.join(", "),
                );
                mark_conflict(out, &[set[x], set[y]], &line);
            }
        }
    }
}

/// Whether `a` explicitly ended by the time `b` explicitly began.
fn ordered(a: &Assertion, b: &Assertion) -> bool {
    let explicit = |x: &Option<Bound>, q: &str| {
        x.as_ref()
            .filter(|b| b.qualifier == q || b.qualifier == "at most until")
            .and_then(|b| DateRange::parse(&b.date))
    };
    match (explicit(&a.end, "until"), explicit(&b.start, "from")) {
        (Some(end), Some(start)) => end.lo <= start.hi,
        _ => false,
    }
}

/// A death reported, rumoured or in doubt, then the person seen at a meeting or on a visit
/// on or after the report's date: refuted. An asserted death followed by an appearance is a
/// conflict instead.
fn refutations(ctx: &Ctx<'_>, out: &mut [Assertion]) {
    for d in 0..out.len() {
        if out[d].kind != ClaimType::DeathReport {
            continue;
        }
        let Some(Party { id: Some(person), name }) = out[d].party("person") else { continue };
        // The report's date, else the year of the documents that carry it.
        let since = out[d].date.as_deref().and_then(DateRange::parse).or_else(|| {
            out[d]
                .documents
                .iter()
                .filter_map(|doc| ctx.sources.get(doc)?.published.as_deref())
                .filter_map(|p| DateRange::parse(&p[..4.min(p.len())]))
                .min()
        });
        let Some(since) = since else { continue };
        let d_index = d;
        // An undated appearance counts at the date of the news that reports it, when that
        // is after the death was reported (news tells recent events).
        let reported_on = |x: &Assertion| -> Option<(DateRange, String)> {
            x.documents
                .iter()
                .filter(|d| !out[d_index].documents.contains(d))
                .filter_map(|doc| {
                    let p = ctx.sources.get(doc)?.published.clone()?;
                    Some((DateRange::parse(&p)?, p))
                })
                .max()
        };
        let appearance = (0..out.len()).find_map(|a| {
            let x = &out[a];
            if !matches!(x.kind, ClaimType::Meeting | ClaimType::Visit)
                || !matches!(x.modality, Modality::Asserted | Modality::Reported)
                || !x.involves(&person)
            {
                return None;
            }
            match x.date.as_deref().and_then(DateRange::parse) {
                Some(r) => (r.lo >= since.lo)
                    .then(|| (a, format!("on {}", x.date.clone().unwrap_or_default()))),
                None => reported_on(x)
                    .filter(|(r, _)| r.lo > since.hi)
                    .map(|(_, p)| (a, format!("(undated) in news of {p}"))),
            }
        });
        let Some((a, when)) = appearance else { continue };
        let seen = format!(
            "{} {when} ({})",
            if out[a].kind == ClaimType::Meeting { "at a meeting" } else { "on a visit" },
            out[a].documents.join(", ")
        );
        let id = out[a].id.clone();
        if out[d].modality == Modality::Asserted {
            let line = format!("{name} is reported dead but appears {seen}");
            mark_conflict(out, &[d, a], &line);
        } else {
            out[d].status = Status::Refuted;
            out[d].explanation.push(format!(
                "the {} report of {name}'s death is refuted: {name} appears {seen}",
                out[d].modality.as_str()
            ));
            out[d].related.push(id);
        }
    }
}

/// What an appointment brings to the posts of its body and role class, read from its
/// arguments once: a body with many posts and appointments meets each appointment once per
/// post, and parsing the parties there again was the costliest part of fusion.
struct Appointed {
    successor: Party,
    date: String,
    range: Option<DateRange>,
    predecessor: Option<String>,
    id: String,
}

/// A post is superseded when someone else is appointed to it, naming its holder as
/// predecessor or after the last date it is known to hold.
fn successions(out: &mut [Assertion]) {
    // Appointments by post (body and role class), so that each post meets only its own; an
    // appointment without a person or a date supersedes nothing.
    let mut appointments: BTreeMap<(Party, String), Vec<Appointed>> = BTreeMap::new();
    for a in out.iter() {
        if a.kind == ClaimType::Appointment
            && let Some(org) = a.party("organization")
            && let Some(successor) = a.party("person")
            && let Some(date) = a.date.clone()
        {
            let class = a.text("role_class").unwrap_or("").to_string();
            appointments.entry((org, class)).or_default().push(Appointed {
                successor,
                range: DateRange::parse(&date),
                date,
                predecessor: a.party("predecessor").and_then(|p| p.id),
                id: a.id.clone(),
            });
        }
    }
    for held in out.iter_mut() {
        if held.kind != ClaimType::Position {
            continue;
        }
        let (Some(Party { id: Some(holder), .. }), Some(org)) =
            (held.party("holder"), held.party("organization"))
        else {
            continue;
        };
        let class = held.text("role_class").unwrap_or("").to_string();
        let last_known =
            held.end.as_ref().or(held.start.as_ref()).and_then(|b| DateRange::parse(&b.date));
        let post = (org, class);
        let Some(same_post) = appointments.get(&post) else { continue };
        for x in same_post {
            if x.successor.id.as_deref() == Some(holder.as_str()) {
                continue;
            }
            let named = x.predecessor.as_deref() == Some(holder.as_str());
            let later = x.range.zip(last_known).is_some_and(|(d, k)| k.before(&d));
            if !named && !later {
                continue;
            }
            let how = if named {
                "names them as predecessor"
            } else {
                "comes after the last date the post is known to hold"
            };
            let line = format!(
                "superseded: {} was appointed {} of {} in {}, which {how}",
                x.successor.name, post.1, post.0.name, x.date
            );
            held.status = held.status.max(Status::Superseded);
            held.end = Some(Bound::new(&x.date, "until"));
            held.explanation.push(line);
            held.related.push(x.id.clone());
        }
    }
}
