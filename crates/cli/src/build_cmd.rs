//! `dossier build`: the main job, from files to the case folder; and the user's judgements on
//! entities (`merge`, `split`, `judgements`).

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use resolve::{JudgedBy, UserJudgement, Verdict};
use serde::Deserialize;
use store::Store;

use crate::output;

/// An alias file: names the documents do not show to be one entity, or two.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct AliasFile {
    #[serde(default)]
    same: Vec<AliasEntry>,
    #[serde(default)]
    different: Vec<AliasEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AliasEntry {
    names: Vec<String>,
    #[serde(default)]
    reason: String,
}

/// Reads an alias file into judgements: every name of a `[[same]]` entry with the first,
/// and every pair of a `[[different]]` entry apart.
pub fn read_aliases(path: &Path) -> anyhow::Result<Vec<UserJudgement>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read the alias file {}", path.display()))?;
    let file: AliasFile = toml::from_str(&text).map_err(|e| {
        anyhow::anyhow!(
            "{}: {}: fix the file (see docs/aliases.md)",
            path.display(),
            e.to_string().lines().next().unwrap_or("not a valid alias file")
        )
    })?;
    let mut out = Vec::new();
    for (entries, verdict) in [(&file.same, Verdict::Same), (&file.different, Verdict::Different)] {
        for e in entries {
            if e.names.len() < 2 {
                anyhow::bail!(
                    "{}: an entry names {:?}: give two names or more",
                    path.display(),
                    e.names
                );
            }
            for (i, right) in e.names.iter().enumerate().skip(1) {
                let lefts: Vec<&String> = if verdict == Verdict::Same {
                    vec![&e.names[0]]
                } else {
                    e.names[..i].iter().collect()
                };
                for left in lefts {
                    out.push(UserJudgement {
                        left: left.clone(),
                        right: right.clone(),
                        verdict,
                        by: JudgedBy::AliasFile,
                        reason: if e.reason.is_empty() {
                            format!("alias file {}", path.display())
                        } else {
                            e.reason.clone()
                        },
                    });
                }
            }
        }
    }
    Ok(out)
}

/// `dossier build PATH... -o OUTDIR`.
/// The files and folders `build` adds, and how to walk them.
pub struct Inputs<'a> {
    /// Files and folders named on the command line.
    pub paths: &'a [PathBuf],
    /// Follow symbolic links inside folders.
    pub follow_links: bool,
    /// Time limit per document for each stage.
    pub timeout: std::time::Duration,
}

pub fn build(
    mut store: Store,
    db: &Path,
    inputs: &Inputs<'_>,
    outdir: &Path,
    aliases: Option<&Path>,
    quiet: bool,
) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let aliases = match aliases {
        Some(p) => read_aliases(p)?,
        None => Vec::new(),
    };
    let bar = || output::Bar::new(!quiet && std::io::stderr().is_terminal());
    let say = |line: String| {
        if !quiet {
            eprintln!("{line}");
        }
    };
    let mut failed = 0;
    if !inputs.paths.is_empty() {
        let mut options = pipeline::IngestOptions {
            command: crate::command_line(),
            follow_links: inputs.follow_links,
            ..Default::default()
        };
        options.limits.timeout = inputs.timeout;
        let report = pipeline::ingest(&mut store, inputs.paths, &options, &bar())?;
        failed = report.failed();
        say(format!(
            "ingest:  {} new, {} unchanged, {} updated, {} failed",
            report.ingested(),
            report.unchanged(),
            report.updated(),
            report.failed()
        ));
    }
    // Nothing to build from: every input failed (each said why) and the store holds no
    // document. One line, exit 2, and no empty case folder.
    if store.documents()?.is_empty() {
        let why = if inputs.paths.is_empty() {
            "the store holds no documents: give files or folders to build from".to_string()
        } else {
            format!(
                "none of the inputs could be ingested ({failed} failed, each named above): give text, Markdown, HTML or PDF files"
            )
        };
        return Err(NothingToBuild(why).into());
    }
    let stage = pipeline::StageOptions { timeout: inputs.timeout, ..Default::default() };
    let read = pipeline::read_with(&mut store, &stage, &bar())?;
    say(format!(
        "read:    {} documents ({} tokens), {} failed",
        read.documents,
        read.tokens,
        read.failed.len()
    ));
    let extracted = pipeline::extract_with(&mut store, false, &stage, &bar())?;
    say(format!(
        "extract: {} documents, {} claims, {} failed",
        extracted.documents,
        extracted.claims.values().sum::<usize>(),
        extracted.failed.len()
    ));
    failed += read.failed.len() + extracted.failed.len();
    let origins = pipeline::origins(&mut store)?;
    say(format!(
        "origins: {} documents in {} independent origins (copies and reprints of one story count once), {} newly signed",
        origins.documents, origins.clusters, origins.signed
    ));
    // Documents that failed in an earlier run are skipped, not forgotten: the case is
    // incomplete without them, and the exit status says so.
    let left_out = store.stage_failures()?.len();
    if left_out > read.failed.len() + extracted.failed.len() {
        say(format!(
            "note: {} documents that a stage failed on earlier are left out until dossier changes or a higher --timeout is given (`dossier doctor` lists them)",
            left_out - read.failed.len() - extracted.failed.len()
        ));
        failed += left_out - read.failed.len() - extracted.failed.len();
    }
    let t = Instant::now();
    let mut case = pipeline::case(&store, &aliases)?;
    // Sanctions held against the official lists in the store (`lists import`, `build --lists`).
    let lists = crate::lists_cmd::for_case(&store)?;
    if !lists.entries.is_empty() {
        let (entries, files) = (lists.entries.len(), lists.files.len());
        fuse::official::hold_against(&mut case, lists);
        let sanctions: Vec<&str> =
            case.assertions.iter().filter_map(|a| a.official.as_deref()).collect();
        let confirmed = sanctions.iter().filter(|l| l.starts_with("Official list")).count();
        say(format!(
            "lists:   {entries} listed entries from {files} files; {} sanctions held against them, {confirmed} confirmed",
            sanctions.len()
        ));
    }
    // Closed before the case folder is replaced: a store kept in it is carried over whole
    // (its write-ahead log folded in), not while it is being written.
    drop(store);
    let resolved = t.elapsed();
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    for e in &case.resolution.entities {
        *kinds.entry(e.kind.as_str()).or_default() += 1;
    }
    let mut statuses: BTreeMap<&str, usize> = BTreeMap::new();
    for a in &case.assertions {
        *statuses.entry(a.status.as_str()).or_default() += 1;
    }
    let written = report::write(outdir, &case)?;
    let list = |m: &BTreeMap<&str, usize>| {
        m.iter().map(|(k, v)| format!("{v} {k}")).collect::<Vec<_>>().join(", ")
    };
    say(format!(
        "resolve and fuse: {} entities ({}), {} judgements, {} assertions ({}) in {:.2} s",
        case.resolution.entities.len(),
        list(&kinds),
        case.resolution.judgements.len(),
        case.assertions.len(),
        list(&statuses),
        resolved.as_secs_f64()
    ));
    say(format!(
        "built the case from {} documents and {} claims in {:.2} s: {} ({} files; store {})",
        case.sources.len(),
        case.claims.len(),
        started.elapsed().as_secs_f64(),
        output::term_path(&outdir.join("index.html")),
        written.len(),
        output::term_path(db)
    ));
    Ok(if failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// A build with no document to build from.
#[derive(Debug)]
pub struct NothingToBuild(String);

impl std::fmt::Display for NothingToBuild {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "nothing to build: {}", self.0)
    }
}

impl std::error::Error for NothingToBuild {}

/// `dossier new [DIR]`: an empty store, DIR/dossier.db or the `--db` file.
pub fn new_store(db: Option<&Path>, dir: Option<&Path>) -> anyhow::Result<ExitCode> {
    let path = match (db, dir) {
        (Some(_), Some(d)) => {
            anyhow::bail!("give either a folder ({}) or --db, not both", d.display())
        }
        (Some(db), None) => db.to_path_buf(),
        (None, Some(d)) => d.join("dossier.db"),
        (None, None) => anyhow::bail!(
            "name the case folder (`dossier new DIR`) or the store (`dossier --db FILE new`)"
        ),
    };
    if path.exists() {
        anyhow::bail!("{} exists already: use it, or name another", path.display());
    }
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("cannot create the folder {}", parent.display()))?;
    }
    Store::open(&path).with_context(|| format!("cannot create the store {}", path.display()))?;
    eprintln!("created the store {}", output::term_path(&path));
    Ok(ExitCode::SUCCESS)
}

/// `dossier remove DOC`.
pub fn remove(store: &mut Store, query: &str) -> anyhow::Result<ExitCode> {
    let doc = crate::find_one(store, query)?;
    if !store.remove(&doc)? {
        anyhow::bail!(
            "{} is removed already: ingest its file again to bring it back",
            output::term(&doc.name)
        );
    }
    eprintln!(
        "removed {} ({}) from the case; its claims go at the next `dossier build`, its original stays in the store",
        output::term(&doc.name),
        doc.sha256.short(12)
    );
    Ok(ExitCode::SUCCESS)
}

/// `dossier docs --removed`.
pub fn removed(store: &Store) -> anyhow::Result<ExitCode> {
    for (doc, at) in store.removed()? {
        println!("{}\t{}\t{}\t{at}", doc.id, doc.sha256.short(12), output::term(&doc.path));
    }
    Ok(ExitCode::SUCCESS)
}

/// `dossier merge A B` / `dossier split A B`: through the workbench, so that the judgement
/// is in the audit log as the web UI's are.
pub fn judge(
    store: Store,
    left: &str,
    right: &str,
    verdict: &str,
    reason: &str,
) -> anyhow::Result<ExitCode> {
    let mut bench = pipeline::Workbench::new(store, vec![]);
    let who = std::env::var("USER").unwrap_or_else(|_| "command line".into());
    let id = bench.judge(left, right, verdict, &who, reason)?;
    eprintln!(
        "recorded judgement {id}: \"{}\" and \"{}\" are {}; it applies at the next `dossier build` (take it back with `dossier judgements --remove {id}`)",
        output::term(left),
        output::term(right),
        if verdict == "same" { "the same entity" } else { "different entities" }
    );
    Ok(ExitCode::SUCCESS)
}

/// `dossier judgements [--remove ID [--reason WHY]]`: taking one back goes through the
/// workbench, so that the audit log has it as it has the merge or split.
pub fn judgements(store: Store, remove: Option<i64>, reason: &str) -> anyhow::Result<ExitCode> {
    if let Some(id) = remove {
        let mut bench = pipeline::Workbench::new(store, vec![]);
        let who = std::env::var("USER").unwrap_or_else(|_| "command line".into());
        let j = bench.unjudge(id, &who, reason)?;
        eprintln!(
            "removed judgement {id} (\"{}\" and \"{}\" {}); the audit log records it",
            output::term(&j.left),
            output::term(&j.right),
            j.verdict
        );
        return Ok(ExitCode::SUCCESS);
    }
    for j in store.judgements()? {
        // Escaped: a tab or newline in a name would shift the columns or forge a row.
        let t = output::term;
        println!(
            "{}\t{}\t{}\t{}\t{}\t{}",
            j.id,
            j.verdict,
            t(&j.left),
            t(&j.right),
            j.made_at,
            t(&j.reason)
        );
    }
    Ok(ExitCode::SUCCESS)
}
