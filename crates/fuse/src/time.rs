//! Time across claims: a post's bounds from what its sources say of it (dated, held as of a
//! date, described as former), and what a death ends: every post of the person, and every
//! later event that needs them alive.

use std::collections::BTreeMap;

use claims::{Claim, ClaimType, Modality};
use model::DateRange;

use crate::careers::{Bound, Career};
use crate::{Assertion, Party, Source, Status};

/// A post's bounds from its claims, with the lines that explain a bound not read as such.
///
/// An explicit start or end where the text gives one; else the dates it is said to hold
/// "as of". A post described as former ("former director", "the late leader", "was head
/// of") ended by the publication date of the document that says so: "at most until" that
/// date, unless another source has it held later (then "at least until" that date stands,
/// and the former description is of an earlier spell).
pub(crate) fn post_bounds(
    claims: &[Claim],
    group: &[usize],
    sources: &BTreeMap<String, Source>,
) -> (Option<Bound>, Option<Bound>, Vec<String>) {
    let dates = |f: &str| -> Vec<(DateRange, String)> {
        group
            .iter()
            .filter_map(|&i| claims[i].field(f))
            .filter_map(|d| DateRange::parse(d).map(|r| (r, d.to_string())))
            .collect()
    };
    let starts = dates("start");
    let ends = dates("end");
    let as_of = dates("as_of");
    let start = starts
        .iter()
        .min_by_key(|(r, d)| (r.lo, std::cmp::Reverse(d.len())))
        .map(|(_, d)| Bound::new(d, "from"))
        .or_else(|| as_of.iter().min().map(|(_, d)| Bound::new(d, "at least from")));
    let mut lines = Vec::new();
    let explicit_end = ends.iter().max_by_key(|(r, _)| r.hi).map(|(_, d)| Bound::new(d, "until"));
    if explicit_end.is_some() {
        return (start, explicit_end, lines);
    }
    let held_last = as_of.iter().max();
    // The earliest publication date at which a source calls the post former, among those
    // not before the last date another source has it held.
    let ended_by = group
        .iter()
        .filter(|&&i| is_former(&claims[i]))
        .filter_map(|&i| {
            let published = sources.get(&claims[i].doc)?.published.clone()?;
            Some((DateRange::parse(&published)?, published, claims[i].doc.clone()))
        })
        .filter(|(r, _, _)| held_last.is_none_or(|(h, _)| r.lo >= h.lo))
        .min();
    let end = match (ended_by, held_last) {
        (Some((_, date, doc)), _) => {
            lines.push(format!(
                "described as a former post in {doc} (published {date}): ended by then"
            ));
            Some(Bound::new(&date, "at most until"))
        }
        (None, Some((_, d))) => Some(Bound::new(d, "at least until")),
        (None, None) => None,
    };
    (start, end, lines)
}

/// Whether a position claim describes its post as former or past (`"former": true`).
pub(crate) fn is_former(c: &Claim) -> bool {
    c.fields.get("former").and_then(serde_json::Value::as_bool).unwrap_or(false)
}

/// A person's death as the case takes it: asserted, not contradicted by a later appearance
/// (that makes the report conflicting), with the day range it happened in: the date the
/// sources give, else by the publication of the earliest document that reports it.
pub(crate) struct Death {
    /// The death report's assertion id.
    pub id: String,
    /// When the person died at the latest, as a day range; `hi` is the last day they may
    /// have lived.
    pub when: DateRange,
    /// The date as shown.
    pub shown: String,
    /// "died on 2006-11-23" or "reported dead by 2006-11-24".
    pub how: String,
}

/// Every asserted death by the person's entity id.
pub(crate) fn deaths(
    out: &[Assertion],
    sources: &BTreeMap<String, Source>,
) -> BTreeMap<String, Death> {
    let mut found: BTreeMap<String, Death> = BTreeMap::new();
    for a in out {
        if a.kind != ClaimType::DeathReport
            || a.modality != Modality::Asserted
            || matches!(a.status, Status::Conflicting | Status::Refuted)
        {
            continue;
        }
        let Some(Party { id: Some(person), .. }) = a.party("person") else { continue };
        let dated = a.date.as_deref().and_then(|d| Some((DateRange::parse(d)?, d.to_string())));
        let death = match dated {
            Some((when, shown)) => {
                Death { id: a.id.clone(), when, how: format!("died on {shown}"), shown }
            }
            None => {
                let Some((when, shown)) = a
                    .documents
                    .iter()
                    .filter_map(|doc| sources.get(doc)?.published.clone())
                    .filter_map(|p| Some((DateRange::parse(&p)?, p)))
                    .min()
                else {
                    continue;
                };
                // Reported dead in a document of that date: died by then.
                let when = DateRange { lo: 0, hi: when.hi };
                Death { id: a.id.clone(), when, how: format!("reported dead by {shown}"), shown }
            }
        };
        // Two reports: the earlier bound is the one that holds.
        match found.get(&person) {
            Some(d) if d.when.hi <= death.when.hi => {}
            _ => {
                found.insert(person, death);
            }
        }
    }
    found
}

/// A death ends every post of the person and bounds every later claim about them: a post
/// open past the death ends with it ("until" the date of death, or "at most until" the
/// report's date), a start known only from a document after the death is dropped (the post
/// was held at some time before it), and an appointment, meeting or visit dated after it
/// conflicts with it.
pub(crate) fn bound_by_death(out: &mut [Assertion], sources: &BTreeMap<String, Source>) {
    let deaths = deaths(out, sources);
    if deaths.is_empty() {
        return;
    }
    for x in 0..out.len() {
        let a = &out[x];
        let field = match a.kind {
            ClaimType::Position => "holder",
            ClaimType::Appointment | ClaimType::Visit => "person",
            ClaimType::Meeting => "participants",
            _ => continue,
        };
        let people: Vec<Party> = if field == "participants" {
            a.parties(field)
        } else {
            a.party(field).into_iter().collect()
        };
        let Some((name, death)) =
            people.iter().find_map(|p| Some((p.name.clone(), deaths.get(p.id.as_deref()?)?)))
        else {
            continue;
        };
        if a.kind == ClaimType::Position {
            end_post_at_death(&mut out[x], &name, death);
            continue;
        }
        let Some(date) = a.date.as_deref().and_then(DateRange::parse) else { continue };
        if date.lo <= death.when.hi {
            continue;
        }
        let line = format!(
            "dated {} after {name}'s death ({} {})",
            a.date.as_deref().unwrap_or_default(),
            death.how,
            death_docs(out, &death.id)
        );
        let a = &mut out[x];
        a.status = a.status.max(Status::Conflicting);
        a.explanation.push(line);
        if !a.related.contains(&death.id) {
            a.related.push(death.id.clone());
        }
    }
}

fn death_docs(out: &[Assertion], id: &str) -> String {
    out.iter()
        .find(|a| a.id == id)
        .map(|a| format!("in {}", a.documents.join(", ")))
        .unwrap_or_default()
}

fn end_post_at_death(a: &mut Assertion, name: &str, death: &Death) {
    let lines = bound_at_death(&mut a.start, &mut a.end, name, death);
    if !lines.is_empty() && !a.related.contains(&death.id) {
        a.related.push(death.id.clone());
    }
    a.explanation.extend(lines);
}

/// Ends the posts of a career at the holder's death, as [`bound_by_death`] does for
/// assertions (a post known only from an appointment has no assertion of its own to end),
/// and records the date of death with the career.
pub(crate) fn end_careers_at_death(
    careers: &mut [Career],
    assertions: &[Assertion],
    sources: &BTreeMap<String, Source>,
) {
    let deaths = deaths(assertions, sources);
    for career in careers {
        let Some(death) = career.person.id.as_deref().and_then(|id| deaths.get(id)) else {
            continue;
        };
        career.died = Some(death.shown.clone());
        let name = career.person.name.clone();
        for post in &mut career.posts {
            let lines = bound_at_death(&mut post.start, &mut post.end, &name, death);
            post.inferred.extend(lines);
        }
    }
}

/// Moves bounds past a death back to it; the lines say what changed.
fn bound_at_death(
    start: &mut Option<Bound>,
    end: &mut Option<Bound>,
    name: &str,
    death: &Death,
) -> Vec<String> {
    let mut lines = Vec::new();
    let range = |b: &Option<Bound>| b.as_ref().and_then(|b| DateRange::parse(&b.date));
    // A start "at least from" a date after the death comes from a document that speaks of
    // the post after it: all it says is that the post was held once.
    if let Some(s) = range(start)
        && s.lo > death.when.hi
    {
        let was = start.take().map(|b| b.date).unwrap_or_default();
        lines.push(format!("{name} {}: the post was held before then, not from {was}", death.how));
    }
    let open_past_death = match (end.as_ref(), range(end)) {
        (None, _) => true,
        (Some(b), Some(e)) if b.qualifier == "at most until" => e.lo > death.when.hi,
        (Some(_), Some(e)) => e.hi > death.when.hi,
        (Some(_), None) => false,
    };
    if open_past_death {
        let qualifier = if death.how.starts_with("died") { "until" } else { "at most until" };
        *end = Some(Bound::new(&death.shown, qualifier));
        lines.push(format!("ends with {name}'s death: {}", death.how));
    }
    lines
}
