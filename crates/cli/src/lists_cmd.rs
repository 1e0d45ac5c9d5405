//! `dossier lists import` and `dossier lists check`: official sanctions lists in the store.

use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use lists::{Entry, Index, Query, Supplement, Verdict};
use store::{NewListEntry, NewListFile, Store};

use crate::output::term;

/// Imports list files; prints one line a file and each skipped record.
pub(crate) fn import(
    store: &mut Store,
    files: &[PathBuf],
    quiet: bool,
) -> anyhow::Result<ExitCode> {
    let (mut imported, mut unchanged, mut failed, mut skipped) = (0, 0, 0, 0);
    let mut err = std::io::stderr().lock();
    for (i, path) in files.iter().enumerate() {
        let shown = crate::output::term_path(path);
        if !quiet {
            writeln!(err, "[{}/{}] {shown}", i + 1, files.len())?;
        }
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                writeln!(err, "error: cannot read {shown}: {e} (check the path)")?;
                failed += 1;
                continue;
            }
        };
        let name =
            path.file_name().map_or_else(|| shown.clone(), |n| n.to_string_lossy().into_owned());
        let parsed = match lists::parse(&name, &bytes) {
            Ok(p) => p,
            Err(e) => {
                writeln!(err, "error: {shown}: {}", term(&e.to_string()))?;
                failed += 1;
                continue;
            }
        };
        for p in parsed.problems.iter().take(10) {
            writeln!(err, "warning: {shown}, {}: {} (record skipped)", p.at, term(&p.message))?;
        }
        if parsed.problems.len() > 10 {
            writeln!(err, "warning: {shown}: {} more records skipped", parsed.problems.len() - 10)?;
        }
        skipped += parsed.problems.len();
        let sha = model::Sha256::digest(&bytes).to_hex();
        let entries = parsed.entries.iter().map(new_entry).collect::<anyhow::Result<Vec<_>>>()?;
        let supplements = parsed
            .supplements
            .iter()
            .map(|s| Ok((s.record.clone(), serde_json::to_string(s)?)))
            .collect::<anyhow::Result<Vec<_>>>()?;
        let problems = serde_json::to_string(&parsed.problems)?;
        let authority = parsed.authority.code();
        let new = NewListFile {
            bytes: &bytes,
            sha256: &sha,
            name: &name,
            format: parsed.format.as_str(),
            authority: &authority,
            set: parsed.set.as_deref(),
            as_of: parsed.as_of.as_deref(),
            problems: &problems,
            entries,
            supplements,
        };
        if store.record_list_file(&new).with_context(|| format!("cannot record {shown}"))? {
            imported += 1;
            if !quiet {
                writeln!(
                    err,
                    "imported {shown}: {} ({}), {} entries, {} supplements, {} records skipped",
                    parsed.format.as_str(),
                    term(&authority),
                    parsed.entries.len(),
                    parsed.supplements.len(),
                    parsed.problems.len()
                )?;
            }
        } else {
            unchanged += 1;
            if !quiet {
                writeln!(err, "unchanged {shown}: these bytes are already imported")?;
            }
        }
    }
    if !quiet {
        writeln!(
            err,
            "{imported} imported, {unchanged} unchanged, {failed} failed, {skipped} records skipped"
        )?;
    }
    Ok(match (failed + usize::from(skipped > 0), imported + unchanged) {
        (0, _) => ExitCode::SUCCESS,
        (_, 0) => ExitCode::from(2),
        _ => ExitCode::from(1),
    })
}

fn new_entry(e: &Entry) -> anyhow::Result<NewListEntry> {
    Ok(NewListEntry {
        record: e.record.clone(),
        authority: e.authority.code(),
        kind: format!("{:?}", e.kind),
        listed_on: e.listed_on.clone(),
        json: serde_json::to_string(e)?,
        names: e.names.iter().map(|n| (n.name.clone(), format!("{:?}", n.quality))).collect(),
        identifiers: e
            .identifiers
            .iter()
            .map(|i| (format!("{:?}", i.kind), i.number.clone(), i.key(), i.country.clone()))
            .collect(),
    })
}

/// An entry as loaded, with the file it came from.
pub(crate) struct Loaded {
    /// The entries, supplements joined.
    pub entries: Vec<Entry>,
    /// For each entry, its file's name and SHA-256.
    pub files: Vec<(String, String)>,
}

/// Every stored entry, each OFAC set's supplements joined to its entries.
pub(crate) fn load(store: &Store) -> anyhow::Result<Loaded> {
    let files = store.list_files()?;
    let by_sha: HashMap<&str, &store::StoredListFile> =
        files.iter().map(|f| (f.sha256.as_str(), f)).collect();
    let mut supplements: HashMap<String, Vec<Supplement>> = HashMap::new();
    for (file, json) in store.list_supplements()? {
        let set = by_sha.get(file.as_str()).and_then(|f| f.set.clone()).unwrap_or_default();
        supplements.entry(set).or_default().push(serde_json::from_str(&json)?);
    }
    // One group a file, with its OFAC set: (set, entries, each entry's file name and SHA-256).
    type Group = (Option<String>, Vec<Entry>, Vec<(String, String)>);
    let mut by_set: Vec<Group> = Vec::new();
    let mut at: HashMap<(Option<String>, String), usize> = HashMap::new();
    for stored in store.list_entries()? {
        let f = by_sha.get(stored.file.as_str());
        let set = f.and_then(|f| f.set.clone());
        let key = (set.clone(), stored.file.clone());
        let i = *at.entry(key).or_insert_with(|| {
            by_set.push((set, Vec::new(), Vec::new()));
            by_set.len() - 1
        });
        by_set[i].1.push(serde_json::from_str(&stored.json)?);
        by_set[i].2.push((f.map_or_else(String::new, |f| f.name.clone()), stored.file.clone()));
    }
    let mut loaded = Loaded { entries: Vec::new(), files: Vec::new() };
    for (set, mut entries, files) in by_set {
        if let Some(s) = set.as_ref().and_then(|s| supplements.get(s)) {
            lists::merge(&mut entries, s);
        }
        loaded.entries.extend(entries);
        loaded.files.extend(files);
    }
    Ok(loaded)
}

/// What `lists check` was asked.
pub(crate) struct CheckArgs<'a> {
    pub name: &'a str,
    pub born: Option<&'a str>,
    pub nationality: Option<&'a str>,
    pub role: Option<&'a str>,
    pub limit: usize,
    pub json: bool,
}

/// Answers "is this name listed, where, since when".
pub(crate) fn check(store: &Store, args: &CheckArgs<'_>) -> anyhow::Result<ExitCode> {
    let loaded = load(store)?;
    if loaded.entries.is_empty() {
        anyhow::bail!(
            "no sanctions list in the store: import one with `dossier lists import FILE...`"
        );
    }
    let files = loaded.files;
    let index = Index::new(loaded.entries);
    let query = Query {
        name: args.name.to_string(),
        kind: None,
        birth_date: args.born.map(str::to_string),
        nationality: args.nationality.map(str::to_string),
        role: args.role.map(str::to_string),
    };
    let found = index.check(&query, args.limit.max(1), 0.5);
    let mut out = std::io::stdout().lock();
    if args.json {
        for m in &found {
            let e = &index.entries()[m.entry];
            let value = serde_json::json!({
                "verdict": m.verdict, "score": m.score, "explanation": m.explain(),
                "authority": e.authority.code(), "record": e.record, "name": e.names[m.name].name,
                "listed_on": e.listed_on, "programmes": e.programmes,
                "file": files[m.entry].0, "file_sha256": files[m.entry].1,
            });
            writeln!(out, "{value}")?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    let listed: Vec<_> = found.iter().filter(|m| m.verdict == Verdict::Match).collect();
    let unsure: Vec<_> = found.iter().filter(|m| m.verdict == Verdict::Unsure).collect();
    let line = |m: &lists::Match| {
        let e = &index.entries()[m.entry];
        let head = format!(
            "{} record {} {:?} ({:.2}){}{}; file {} ({})",
            e.authority.code(),
            e.record,
            e.names[m.name].name,
            m.score,
            e.listed_on.as_deref().map(|d| format!(", listed since {d}")).unwrap_or_default(),
            if e.programmes.is_empty() {
                String::new()
            } else {
                format!(" under {}", e.programmes.join(", "))
            },
            files[m.entry].0,
            files[m.entry].1.get(..12).unwrap_or_default(),
        );
        format!("  {}\n    {}\n", term(&head), term(&m.explain()))
    };
    if listed.is_empty() {
        writeln!(out, "no listing found for {:?}", term(args.name))?;
    } else {
        writeln!(out, "{:?} is listed:", term(args.name))?;
        for m in &listed {
            write!(out, "{}", line(m))?;
        }
    }
    if !unsure.is_empty() {
        writeln!(out, "unsure (for review):")?;
        for m in &unsure {
            write!(out, "{}", line(m))?;
        }
    }
    let near: Vec<_> = found.iter().filter(|m| m.verdict == Verdict::NoMatch).take(3).collect();
    if listed.is_empty() && !near.is_empty() {
        writeln!(out, "closest near misses:")?;
        for m in near {
            write!(out, "{}", line(m))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
