//! `dossier eval time`: builds the case of a folder and lists what its careers say against
//! time: a post open after its holder's death, and a post the gold calls former (or ended)
//! that the case file shows open at the publication date.

use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use claims::{ClaimType, Modality};
use fuse::{Bound, Case, Post, Status};
use model::DateRange;

use crate::output::term;

/// What `dossier eval time` found.
#[derive(Default)]
struct Findings {
    deaths: usize,
    posts: usize,
    gold_former: usize,
    former_found: usize,
    after_death: Vec<String>,
    former_open: Vec<String>,
}

/// `dossier eval time --corpus DIR [--gold FILE] [--verbose]`.
pub fn eval_time(corpus: &Path, gold: Option<&Path>, verbose: bool) -> anyhow::Result<ExitCode> {
    let gold = match gold {
        Some(p) => {
            let text = std::fs::read_to_string(p)
                .with_context(|| format!("cannot read {}: check the path", p.display()))?;
            eval::claims::parse_jsonl(&text)
                .map_err(|e| anyhow::anyhow!("{}: {e}: fix the file", p.display()))?
        }
        None => Vec::new(),
    };
    let (_temp, store) = crate::claims_cmd::corpus_store(corpus, None)?;
    let case = pipeline::case(&store, &[])?;
    let found = check(&case, &gold);
    let mut out = std::io::stdout().lock();
    if verbose {
        for v in &found.after_death {
            writeln!(out, "after death  {}", term(v))?;
        }
        for v in &found.former_open {
            writeln!(out, "former open  {}", term(v))?;
        }
    }
    writeln!(out, "documents                          {:>5}", case.sources.len())?;
    writeln!(out, "posts in careers                   {:>5}", found.posts)?;
    writeln!(out, "people with an asserted death      {:>5}", found.deaths)?;
    writeln!(out, "posts open after the holder's death {:>4}", found.after_death.len())?;
    if !gold.is_empty() {
        writeln!(out, "former or ended posts in the gold  {:>5}", found.gold_former)?;
        writeln!(out, "  of them found in the case        {:>5}", found.former_found)?;
        writeln!(out, "  shown open at publication        {:>5}", found.former_open.len())?;
    }
    let violations = found.after_death.len() + found.former_open.len();
    writeln!(out, "violations                         {violations:>5}")?;
    Ok(if violations == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

fn range(b: &Option<Bound>) -> Option<DateRange> {
    b.as_ref().and_then(|b| DateRange::parse(&b.date))
}

fn shown(b: &Option<Bound>) -> String {
    b.as_ref().map(|b| format!("{} {}", b.qualifier, b.date)).unwrap_or_else(|| "open".into())
}

fn check(case: &Case, gold: &[eval::claims::Claim]) -> Findings {
    let mut found = Findings::default();
    // Asserted deaths not contradicted, by person id: the last day they may have lived.
    let mut deaths: BTreeMap<String, (u32, String)> = BTreeMap::new();
    for a in &case.assertions {
        if a.kind != ClaimType::DeathReport
            || a.modality != Modality::Asserted
            || matches!(a.status, Status::Conflicting | Status::Refuted)
        {
            continue;
        }
        let Some(id) = a.party("person").and_then(|p| p.id) else { continue };
        let by = a.date.clone().or_else(|| {
            a.documents.iter().filter_map(|d| case.sources.get(d)?.published.clone()).min()
        });
        let Some((r, d)) = by.and_then(|d| Some((DateRange::parse(&d)?, d))) else { continue };
        let e = deaths.entry(id).or_insert((r.hi, d.clone()));
        if r.hi < e.0 {
            *e = (r.hi, d);
        }
    }
    found.deaths = deaths.len();
    for career in &case.careers {
        found.posts += career.posts.len();
        let Some((last, date)) = career.person.id.as_deref().and_then(|id| deaths.get(id)) else {
            continue;
        };
        for post in &career.posts {
            let open = match (&post.end, range(&post.end)) {
                (None, _) => true,
                (Some(b), Some(e)) if b.qualifier == "at most until" => e.lo > *last,
                (Some(_), Some(e)) => e.hi > *last,
                (Some(_), None) => false,
            };
            let starts_after = range(&post.start).is_some_and(|s| s.lo > *last);
            if open || starts_after {
                found.after_death.push(format!(
                    "{}: {} ({} to {}), dead by {date}",
                    career.person.name,
                    post.title(),
                    shown(&post.start),
                    shown(&post.end)
                ));
            }
        }
    }
    // Gold posts that are over at the publication date: no `as_of`, or an end.
    let claim_json: Vec<eval::claims::Claim> = case
        .claims
        .iter()
        .map(|c| match serde_json::to_value(c) {
            Ok(serde_json::Value::Object(o)) => o,
            _ => Default::default(),
        })
        .collect();
    let assertion_of: HashMap<&str, &str> = case
        .assertions
        .iter()
        .flat_map(|a| a.claims.iter().map(move |c| (c.as_str(), a.id.as_str())))
        .collect();
    let post_of: HashMap<&str, (&str, &Post)> = case
        .careers
        .iter()
        .flat_map(|c| {
            c.posts.iter().flat_map(move |p| {
                p.assertions.iter().map(move |a| (a.as_str(), (c.person.name.as_str(), p)))
            })
        })
        .collect();
    let text = |c: &eval::claims::Claim, k: &str| {
        c.get(k).and_then(|v| v.as_str()).unwrap_or_default().to_string()
    };
    for g in gold {
        if text(g, "type") != "position" {
            continue;
        }
        let over = g.get("as_of").is_none_or(|v| v.is_null())
            || g.get("end").is_some_and(|v| !v.is_null());
        let doc = text(g, "doc");
        let Some(source) = case.sources.get(&doc) else { continue };
        if !over {
            continue;
        }
        found.gold_former += 1;
        let Some(published) = source.published.as_deref().and_then(DateRange::parse) else {
            continue;
        };
        let posts: Vec<(&str, &Post)> = case
            .claims
            .iter()
            .zip(&claim_json)
            .filter(|(c, j)| {
                c.doc == doc && c.kind == ClaimType::Position && eval::claims::key_match(j, g)
            })
            .filter_map(|(c, _)| post_of.get(assertion_of.get(c.id.as_str())?).copied())
            .collect();
        // The gold's post among the person's posts in that body: the same role class,
        // former-words aside ("former director" is a director).
        let class = |r: &str| {
            let kept: Vec<&str> = r
                .split_whitespace()
                .filter(|w| !matches!(w.to_lowercase().as_str(), "former" | "then" | "late" | "ex"))
                .collect();
            let deputy =
                kept.iter().any(|w| matches!(w.to_lowercase().as_str(), "deputy" | "vice"));
            (resolve::roles::role_class(&kept.join(" ")), deputy)
        };
        let wanted = class(&text(g, "role"));
        let posts: Vec<(&str, &Post)> =
            posts.into_iter().filter(|(_, p)| class(&p.role) == wanted).collect();
        if posts.is_empty() {
            continue;
        }
        found.former_found += 1;
        for (person, post) in posts {
            let open = match (&post.end, range(&post.end)) {
                (None, _) => true,
                (Some(b), Some(e)) if b.qualifier == "at least until" => e.hi >= published.lo,
                (Some(_), Some(e)) => e.lo > published.hi,
                (Some(_), None) => false,
            };
            if open {
                found.former_open.push(format!(
                    "{doc}: {person}: {} ({} to {}), published {}",
                    post.title(),
                    shown(&post.start),
                    shown(&post.end),
                    source.published.as_deref().unwrap_or_default()
                ));
                break;
            }
        }
    }
    found
}
