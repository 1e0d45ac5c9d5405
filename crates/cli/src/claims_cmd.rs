//! The claim commands: `extract`, `claims DOC`, `export claims`, `eval claims`.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use serde_json::Value;
use store::{DocSummary, Store};

use crate::output::{self, term};

/// `dossier extract`: claims from every read document not yet extracted by these rules.
pub fn extract(
    store: &mut Store,
    again: bool,
    options: &pipeline::StageOptions,
    quiet: bool,
) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let progress = output::Bar::new(!quiet && std::io::stderr().is_terminal());
    let report = pipeline::extract_with(store, again, options, &progress)?;
    if !quiet {
        let total: usize = report.claims.values().sum();
        let by_type: Vec<String> = report.claims.iter().map(|(k, v)| format!("{v} {k}")).collect();
        eprintln!(
            "extracted {total} claims from {} documents{} in {:.2} s with {}",
            report.documents,
            if by_type.is_empty() { String::new() } else { format!(" ({})", by_type.join(", ")) },
            started.elapsed().as_secs_f64(),
            report.extractor
        );
        if report.documents == 0 && store.counts()?.get("readings").copied().unwrap_or(0) == 0 {
            eprintln!("nothing is read yet: run `dossier read` first");
        }
    }
    Ok(if report.failed.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// `dossier export claims`: JSON Lines of every current document's claims.
pub fn export_claims(store: &Store, output: Option<&Path>) -> anyhow::Result<ExitCode> {
    let claims = store.claims(None)?;
    let mut body = String::with_capacity(claims.iter().map(|c| c.len() + 1).sum());
    for c in &claims {
        body.push_str(c);
        body.push('\n');
    }
    match output {
        Some(path) => {
            std::fs::write(path, body)
                .with_context(|| format!("cannot write {}", path.display()))?;
            eprintln!("wrote {} claims to {}", claims.len(), output::term_path(path));
        }
        None => std::io::stdout().lock().write_all(body.as_bytes())?,
    }
    Ok(ExitCode::SUCCESS)
}

/// `dossier claims DOC`: a document's claims, with their arguments highlighted in the
/// evidence sentence when writing to a terminal.
pub fn show_claims(
    store: &Store,
    query: &str,
    json: bool,
    views: bool,
) -> anyhow::Result<ExitCode> {
    let doc = crate::find_one(store, query)?;
    if views {
        return show_views(store, &doc);
    }
    let claims = store.claims(Some(&doc))?;
    let mut out = std::io::stdout().lock();
    if json {
        for c in &claims {
            writeln!(out, "{c}")?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    let color = std::io::stdout().is_terminal();
    writeln!(out, "{} ({}): {} claims", term(&doc.name), doc.sha256.short(12), claims.len())?;
    if claims.is_empty() {
        writeln!(out, "(none: run `dossier read` and `dossier extract` if this is unexpected)")?;
    }
    for c in &claims {
        let c: serde_json::Map<String, Value> = serde_json::from_str(c)?;
        let get = |k: &str| c.get(k).cloned().unwrap_or(Value::Null);
        let mut args = Vec::new();
        let mut names = Vec::new();
        for (k, v) in &c {
            if matches!(
                k.as_str(),
                "id" | "doc"
                    | "doc_sha256"
                    | "type"
                    | "modality"
                    | "attributed_to"
                    | "evidence"
                    | "confidence"
                    | "entity_ids"
                    | "rule"
            ) || v.is_null()
            {
                continue;
            }
            match v {
                Value::String(s) => {
                    names.push(s.clone());
                    args.push(format!("{k}={s}"));
                }
                Value::Array(items) => {
                    let items: Vec<String> =
                        items.iter().filter_map(|i| i.as_str().map(String::from)).collect();
                    names.extend(items.iter().cloned());
                    args.push(format!("{k}=[{}]", items.join("; ")));
                }
                other => args.push(format!("{k}={other}")),
            }
        }
        let modality = get("modality");
        let attributed = match get("attributed_to") {
            Value::String(s) => format!(" ← {s}"),
            _ => String::new(),
        };
        writeln!(
            out,
            "\n{} [{}{}] {:.2}  {}",
            get("type").as_str().unwrap_or("?"),
            modality.as_str().unwrap_or("?"),
            term(&attributed),
            get("confidence").as_f64().unwrap_or(0.0),
            term(&args.join("  "))
        )?;
        let evidence = c.get("evidence").and_then(|e| e.get("text")).and_then(Value::as_str);
        if let Some(text) = evidence {
            writeln!(out, "    {}", highlight(text, &names, color))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Each sentence as the rules see it, with the mentions behind its placeholders.
fn show_views(store: &Store, doc: &DocSummary) -> anyhow::Result<ExitCode> {
    let Some(reading) = store.reading(doc)? else {
        anyhow::bail!("{} is not read yet: run `dossier read` first", doc.name);
    };
    let text = store.detail(doc)?.text;
    let view = claims::view::DocumentView::build(&text, &reading.annotations, &reading.words);
    let mut out = std::io::stdout().lock();
    for (i, s) in view.sentences.iter().enumerate() {
        writeln!(out, "[{i}] {}", term(&s.view))?;
        let legend: Vec<String> = s
            .mentions
            .iter()
            .map(|&m| {
                let mention = &view.mentions[m];
                let value = mention.value.as_deref().map(|v| format!(" = {v}")).unwrap_or_default();
                format!("{}:{m} {:?}{value}", mention.kind.as_str(), view.text(&text, m))
            })
            .collect();
        if !legend.is_empty() {
            writeln!(out, "    {}", term(&legend.join("; ")))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Marks the words of the given names in a sentence (bold yellow), or leaves it plain.
fn highlight(text: &str, names: &[String], color: bool) -> String {
    let flat = term(&text.split_whitespace().collect::<Vec<_>>().join(" ")).into_owned();
    if !color {
        return flat;
    }
    let mut words: Vec<&str> =
        names.iter().flat_map(|n| n.split_whitespace()).filter(|w| w.chars().count() > 2).collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    words.dedup();
    if words.is_empty() {
        return flat;
    }
    let alternation = words.iter().map(|w| regex::escape(w)).collect::<Vec<_>>().join("|");
    match regex::Regex::new(&format!(r"\b(?:{alternation})\b")) {
        Ok(re) => re.replace_all(&flat, "\x1b[1;33m$0\x1b[0m").into_owned(),
        Err(_) => flat,
    }
}

/// Where `dossier eval claims` takes the system's claims from.
pub enum System<'a> {
    /// The store's current claims.
    Store(std::path::PathBuf),
    /// A JSON Lines file.
    File(&'a Path),
    /// A folder, built into a temporary store, read with the built-in syntax model or the
    /// one in this file.
    Corpus(&'a Path, Option<&'a Path>),
}

impl<'a> System<'a> {
    /// The file if given, else the folder, else the store.
    pub fn from_flags(
        file: Option<&'a Path>,
        corpus: Option<&'a Path>,
        db: std::path::PathBuf,
    ) -> System<'a> {
        match (file, corpus) {
            (Some(file), _) => System::File(file),
            (None, Some(dir)) => System::Corpus(dir, None),
            (None, None) => System::Store(db),
        }
    }

    /// A folder read with the syntax model in `model` (`dossier train parse`'s, or a BiLSTM
    /// parser's) instead of the built-in one; the store and a file are left as they are.
    pub fn with_syntax_model(self, model: Option<&'a Path>) -> System<'a> {
        match self {
            System::Corpus(dir, _) => System::Corpus(dir, model),
            other => other,
        }
    }
}

/// What `dossier eval claims` prints besides the figures.
#[derive(Clone, Copy)]
pub struct Show {
    /// Every missed and spurious claim.
    pub verbose: bool,
    /// Found and spurious claims per rule.
    pub by_rule: bool,
}

/// `dossier eval claims`: scores the store's claims (or a JSON Lines file, or a folder's)
/// against gold.
pub fn eval_claims(
    source: &System<'_>,
    gold: &Path,
    docs: Option<&str>,
    show: Show,
) -> anyhow::Result<ExitCode> {
    let gold = read_claims(gold)?;
    let system = system_claims(source)?;
    let docs: Option<std::collections::BTreeSet<String>> =
        docs.map(|d| d.split(',').map(|s| s.trim().to_string()).collect());
    let scores = eval::claims::score(&gold, &system, docs.as_ref());
    let mut out = std::io::stdout().lock();
    if show.by_rule {
        write!(out, "{}", scores.render_by_rule())?;
    }
    write!(out, "{}", scores.render(show.verbose))?;
    Ok(ExitCode::SUCCESS)
}

/// Claims from a JSON Lines file.
fn read_claims(p: &Path) -> anyhow::Result<Vec<eval::claims::Claim>> {
    let text = std::fs::read_to_string(p)
        .with_context(|| format!("cannot read {}: check the path", p.display()))?;
    eval::claims::parse_jsonl(&text)
        .map_err(|e| anyhow::anyhow!("{}: {e}: fix the file or regenerate it", p.display()))
}

/// The claims to score: a JSON Lines file, a store, or a folder built into a temporary store.
fn system_claims(source: &System<'_>) -> anyhow::Result<Vec<eval::claims::Claim>> {
    Ok(match source {
        System::File(p) => read_claims(p)?,
        System::Store(db) => store_claims(&crate::open_existing_store(db)?)?,
        System::Corpus(dir, syntax) => corpus_claims(dir, *syntax)?,
    })
}

/// `dossier eval attribution`: for the gold claims whose sentence refers to their person by
/// a pronoun or a description only, whether the system names the right person.
pub fn eval_attribution(
    source: &System<'_>,
    gold: &Path,
    verbose: bool,
) -> anyhow::Result<ExitCode> {
    let gold_claims = read_claims(gold)?;
    let system = system_claims(source)?;
    let items = eval::attribution::items(&gold_claims, &system);
    let c = eval::attribution::count(&items);
    let mut out = std::io::stdout().lock();
    if verbose {
        for i in &items {
            writeln!(
                out,
                "{:<7} {} {}: gold {:?}, system {:?}: {}",
                i.outcome(),
                i.doc,
                i.kind,
                i.person,
                i.system,
                i.evidence
            )?;
        }
    }
    writeln!(out, "items (person not named in the sentence)  {}", c.items)?;
    writeln!(out, "right person                              {}", c.right)?;
    writeln!(out, "wrong person                              {}", c.wrong)?;
    writeln!(out, "another, marked as maybe the person       {}", c.marked)?;
    writeln!(out, "no claim                                  {}", c.missing)?;
    writeln!(out, "precision (right / right + wrong)         {:.3}", c.precision())?;
    Ok(ExitCode::SUCCESS)
}

/// Every current claim of a store, as JSON objects.
fn store_claims(store: &Store) -> anyhow::Result<Vec<eval::claims::Claim>> {
    let mut out = Vec::new();
    for line in store.claims(None)? {
        if let Value::Object(o) = serde_json::from_str(&line)? {
            out.push(o);
        }
    }
    Ok(out)
}

/// Ingests, reads and extracts a folder into a temporary store (removed afterwards) and
/// returns its claims; a file that fails is said on standard error and left out.
fn corpus_claims(dir: &Path, syntax: Option<&Path>) -> anyhow::Result<Vec<eval::claims::Claim>> {
    let (_temp, store) = corpus_store(dir, syntax)?;
    store_claims(&store)
}

/// Ingests, reads and extracts a folder into a temporary store, reading with the syntax model
/// in `syntax` if given; the folder holding the store goes when the returned guard is dropped.
pub fn corpus_store(
    dir: &Path,
    syntax: Option<&Path>,
) -> anyhow::Result<(tempfile::TempDir, Store)> {
    if !dir.is_dir() {
        anyhow::bail!("{} is not a folder: give the folder of the gold's documents", dir.display());
    }
    let syntax = match syntax {
        Some(path) => {
            let bytes = std::fs::read(path)
                .with_context(|| format!("cannot read the syntax model {}", path.display()))?;
            let model = pipeline::SyntaxModel::from_bytes(&bytes)
                .with_context(|| format!("cannot use {} as a syntax model", path.display()))?;
            Some(model)
        }
        None => None,
    };
    let temp = tempfile::tempdir().context("cannot make a temporary folder for the store")?;
    let db = temp.path().join("eval.db");
    let mut store = Store::open(&db).context("cannot make a temporary store")?;
    let quiet = output::Bar::new(false);
    let options = pipeline::IngestOptions { command: crate::command_line(), ..Default::default() };
    let ingested = pipeline::ingest(&mut store, &[dir.to_path_buf()], &options, &quiet)?;
    let stage = pipeline::StageOptions { syntax, ..Default::default() };
    let read = pipeline::read_with(&mut store, &stage, &quiet)?;
    let extracted = pipeline::extract_with(&mut store, false, &stage, &quiet)?;
    let failed = ingested.failed() + read.failed.len() + extracted.failed.len();
    eprintln!(
        "built a temporary store from {}: {} documents, {} claims{}",
        output::term_path(dir),
        ingested.ingested(),
        extracted.claims.values().sum::<usize>(),
        if failed > 0 { format!(", {failed} failed (left out)") } else { String::new() }
    );
    Ok((temp, store))
}
