//! `dossier lists import` and `dossier lists check`: official sanctions lists in the store.

use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use lists::{Entry, Index, Query, Supplement, Verdict};
use rayon::prelude::*;
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

/// The imported lists as fusion takes them: each entry with its file's name, authority and
/// date. Empty when no list is imported.
pub(crate) fn for_case(store: &Store) -> anyhow::Result<fuse::official::Lists> {
    let stored = store.list_files()?;
    let loaded = load(store)?;
    let mut files = Vec::new();
    let mut at: HashMap<String, usize> = HashMap::new();
    let mut file_of = Vec::with_capacity(loaded.files.len());
    for (name, sha) in &loaded.files {
        let i = *at.entry(sha.clone()).or_insert_with(|| {
            let f = stored.iter().find(|f| &f.sha256 == sha);
            files.push(fuse::official::ListFile {
                name: name.clone(),
                authority: f.map_or_else(String::new, |f| f.authority.clone()),
                as_of: f.and_then(|f| f.as_of.clone()),
            });
            files.len() - 1
        });
        file_of.push(i);
    }
    Ok(fuse::official::Lists { entries: loaded.entries, file_of, files })
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

/// How `dossier eval lists` scores candidates.
pub(crate) enum Scoring<'a> {
    /// The shipped learned score.
    Shipped,
    /// Weights read from a file.
    Weights(&'a std::path::Path),
    /// Trained on the even half, written to a file.
    Train(&'a std::path::Path),
    /// By hand alone.
    Hand,
}

/// `dossier eval lists --data DIR`: precision and recall on the labelled set made from the
/// lists in DIR (an OFAC set with its alt file, the UK and UN lists).
pub(crate) fn eval(
    data: &std::path::Path,
    per_kind: usize,
    verbose: bool,
    half: Option<usize>,
    bench: Option<usize>,
    news: Option<(&[PathBuf], &std::path::Path)>,
    scoring: &Scoring,
) -> anyhow::Result<ExitCode> {
    let mut every = Vec::new();
    let mut sets: HashMap<String, (Vec<Entry>, Vec<Supplement>)> = HashMap::new();
    let mut others = Vec::new();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(data)
        .with_context(|| format!("cannot read the folder {}", data.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    for path in paths {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let bytes =
            std::fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
        let Ok(parsed) = lists::parse(&name, &bytes) else { continue };
        if bench.is_some() || news.is_some() {
            every.extend(parsed.entries.iter().cloned());
        }
        match parsed.format {
            lists::Format::UkConList | lists::Format::UnXml => others.extend(parsed.entries),
            lists::Format::Csl | lists::Format::Ftm => {}
            _ => {
                let set = sets.entry(parsed.set.clone().unwrap_or_default()).or_default();
                set.0.extend(parsed.entries);
                set.1.extend(parsed.supplements);
            }
        }
    }
    // The OFAC set with aliases (the largest supplements), its alt file merged.
    let Some((mut ofac, supplements)) =
        sets.into_values().filter(|(e, _)| !e.is_empty()).max_by_key(|(_, s)| s.len())
    else {
        anyhow::bail!(
            "no OFAC sdn.csv in {}: the labelled set needs one with its alt.csv",
            data.display()
        );
    };
    lists::merge(&mut ofac, &supplements);
    let started = std::time::Instant::now();
    let (aliases, full, mut cases) = lists::eval::build(&ofac, &others, per_kind);
    let model = match scoring {
        Scoring::Shipped => Some(lists::matching::model::shipped().clone()),
        Scoring::Hand => None,
        Scoring::Weights(file) => {
            let text = std::fs::read_to_string(file)
                .with_context(|| format!("cannot read the weights {}", file.display()))?;
            Some(lists::matching::model::Model::parse(&text)?)
        }
        Scoring::Train(file) => {
            let even: Vec<_> = cases.iter().filter(|c| c.half() == 0).cloned().collect();
            let examples = lists::eval::examples(&aliases, &full, &even);
            let model = lists::matching::model::Model::train(&examples);
            std::fs::write(file, model.write())
                .with_context(|| format!("cannot write the weights {}", file.display()))?;
            eprintln!(
                "trained on {} candidates of {} even cases ({} right): {}",
                examples.len(),
                even.len(),
                examples.iter().filter(|(_, y)| *y).count(),
                file.display()
            );
            Some(model)
        }
    };
    let (aliases, full) = (aliases.with_model(model.clone()), full.with_model(model.clone()));
    if let Some(h) = half {
        cases.retain(|c| c.half() == h);
    }
    let (counts, misses) = lists::eval::score(&aliases, &full, &cases);
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "threshold {:.3} (unsure from {:.2}){}",
        lists::matching::MATCH,
        lists::matching::UNSURE,
        match half {
            Some(0) => "; the even half (record ids), tuned on",
            Some(_) => "; the odd half (record ids), kept apart",
            None => "",
        }
    )?;
    writeln!(
        out,
        "{:<11} {:>6} {:>6} {:>5} {:>6} {:>7} {:>7} {:>7} {:>7}",
        "kind", "cases", "TP", "FP", "FN", "unsure", "P", "R", "F1"
    )?;
    // The scored kinds, their sum, then the kinds reported apart (see `lists::eval`).
    let scored = |k: &str| k == "all" || lists::eval::SCORED.contains(&k);
    let rows =
        counts.iter().filter(|(k, _)| scored(k)).chain(counts.iter().filter(|(k, _)| !scored(k)));
    for (kind, c) in rows {
        writeln!(
            out,
            "{kind:<11} {:>6} {:>6} {:>5} {:>6} {:>7} {:>7.3} {:>7.3} {:>7.3}{}",
            c.cases,
            c.tp,
            c.fp,
            c.fn_,
            c.unsure,
            c.precision(),
            c.recall(),
            c.f1(),
            if scored(kind) { "" } else { "  (reported, not in all)" }
        )?;
    }
    writeln!(
        out,
        "variant: OFAC strong aliases that write the primary name another way, against primary names only; cross-list: UK/UN people by passport; namesake: same surname and given name, birth years apart (must find nothing); negative: invented name pairs; other-name: strong aliases that are other names; weak: OFAC weak aliases (not meant for screening)"
    )?;
    writeln!(out, "{} cases in {:.1?}", cases.len(), started.elapsed())?;
    if let Some((cases, labels)) = news {
        news_eval(&mut out, &every, cases, labels, verbose, model.clone())?;
    }
    if let Some(n) = bench {
        let started = std::time::Instant::now();
        let entries = every.len();
        let queries = lists::eval::generated(n, &every);
        let index = Index::new(every).with_model(model.clone());
        let built = started.elapsed();
        let matched = std::time::Instant::now();
        // Queries are independent: one per core, the index shared read-only.
        let (hits, unsure) = queries
            .par_iter()
            .map(|q| {
                let found = index.check(q, 5, lists::matching::UNSURE);
                let hits = found.iter().filter(|m| m.verdict == Verdict::Match).count();
                (hits, found.len() - hits)
            })
            .reduce(|| (0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
        let took = matched.elapsed();
        writeln!(
            out,
            "bench: {entries} entries x {n} generated entities: index built in {built:.2?}, matched in {took:.2?} ({:.0} entities/s, {:.2e} entry-entity pairs/s); {hits} matches, {unsure} unsure",
            n as f64 / took.as_secs_f64(),
            (entries as f64 * n as f64) / took.as_secs_f64()
        )?;
    }
    if verbose {
        for m in &misses {
            // Whether the entry was a candidate at all (blocking) and what its names score.
            let seen = match &m.gold_seen {
                Some((reached, why)) => format!(
                    " [{}; by hand {}]",
                    if *reached { "a candidate" } else { "not a candidate (blocking)" },
                    why.as_deref()
                        .map_or_else(|| "nothing aligns".into(), |w| term(w).into_owned())
                ),
                None => String::new(),
            };
            writeln!(
                out,
                "{}: {:?} should find {:?}, found {}{seen}",
                m.kind,
                term(&m.query),
                m.gold.as_deref().map(term),
                term(m.found.as_deref().unwrap_or("nothing"))
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The people of built cases against every list, scored on hand labels: a line a listed
/// person (its list name, a tab, its records as AUTHORITY:RECORD separated by spaces; `#`
/// starts a comment). A matched record in a person's label set is right; a matched record
/// in no label set is wrong; a label none of whose records any person matched is missed.
fn news_eval(
    out: &mut impl Write,
    every: &[Entry],
    cases: &[PathBuf],
    labels: &std::path::Path,
    verbose: bool,
    model: Option<lists::matching::model::Model>,
) -> anyhow::Result<()> {
    let text = std::fs::read_to_string(labels)
        .with_context(|| format!("cannot read the labels {}", labels.display()))?;
    let mut label_of: HashMap<String, usize> = HashMap::new();
    let mut names = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let (name, records) = line.split_once('\t').with_context(|| {
            format!("{}: a label is a name, a tab and records: {line:?}", labels.display())
        })?;
        for r in records.split_whitespace() {
            label_of.insert(r.to_string(), names.len());
        }
        names.push(name.to_string());
    }
    let index = Index::new(every.to_vec()).with_model(model);
    let (mut tp, mut fp, mut people, mut unsure) = (0, 0, 0, 0);
    let mut found = vec![false; names.len()];
    for db in cases {
        let store = crate::open_existing_store(db)?;
        let mut bench = pipeline::Workbench::new(store, vec![]);
        for e in bench.entities()? {
            if e.kind != resolve::EntityKind::Person {
                continue;
            }
            people += 1;
            let q = Query {
                name: e.name.clone(),
                kind: Some(lists::EntryKind::Person),
                nationality: e.country.clone(),
                ..Query::default()
            };
            for m in index.check(&q, 20, lists::matching::UNSURE) {
                let entry = &index.entries()[m.entry];
                let record = format!("{}:{}", entry.authority.code(), entry.record);
                if m.verdict != Verdict::Match {
                    unsure += 1;
                    if verbose {
                        writeln!(
                            out,
                            "unsure: {} ~ {record} {:?} ({:.2})",
                            term(&e.name),
                            term(&entry.names[m.name].name),
                            m.score
                        )?;
                    }
                    continue;
                }
                match label_of.get(&record) {
                    Some(&l) => {
                        tp += 1;
                        found[l] = true;
                    }
                    None => {
                        fp += 1;
                        if verbose {
                            writeln!(
                                out,
                                "wrong: {} ~ {record} {:?} ({:.2}: {})",
                                term(&e.name),
                                term(&entry.names[m.name].name),
                                m.score,
                                term(&m.explain())
                            )?;
                        }
                    }
                }
            }
        }
    }
    let missed = found.iter().filter(|f| !**f).count();
    let p = if tp + fp == 0 { 1.0 } else { tp as f64 / (tp + fp) as f64 };
    let r = if names.is_empty() { 1.0 } else { (names.len() - missed) as f64 / names.len() as f64 };
    let f1 = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
    writeln!(
        out,
        "news people: {people} people of {} case(s); {} labelled listed; matched records right {tp}, wrong {fp}, labelled people missed {missed}, unsure {unsure}; P {p:.3} R {r:.3} F1 {f1:.3}",
        cases.len(),
        names.len()
    )?;
    if verbose {
        for (i, n) in names.iter().enumerate().filter(|(i, _)| !found[*i]) {
            writeln!(out, "missed: {} (label {})", term(n), i + 1)?;
        }
    }
    Ok(())
}
