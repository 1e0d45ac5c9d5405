//! Runs the stages over many files: the one entry point that the command line (and later the
//! web UI) calls, so that both batch the same way.
//!
//! # Brief overview
//!
//! - [`read()`] reads every document not yet read by the current reader (tokens with their part
//!   of speech, lemma and dependency, sentences, entities, ranks, roles, nationalities, time
//!   expressions) and stores them; [`extract`] hands the stored tokens to the claims stage, so
//!   that the text is tokenized once.
//! - [`ingest()`] walks paths, reads and extracts files in parallel, and writes each file to the
//!   [`store::Store`] in its own transaction as soon as it is ready.
//! - [`IngestOptions`] carries the limits and the user's metadata flags; [`Progress`] lets the
//!   caller show progress without this crate knowing about terminals.
//! - [`origins()`] signs every new document's main text and groups all documents into origin
//!   clusters (copies, reprints and syndicated stories of one story), which the case counts
//!   corroboration by.
//! - [`case`] resolves every current claim into entities and fuses them into assertions and
//!   careers: what the case file shows.
//! - [`IngestReport`] says, file by file, what happened.
//! - [`Workbench`] is what the command line and the web UI share: listings, a document's,
//!   an entity's and a claim's view, search, and the review actions with their audit log;
//!   [`review`] holds the pure rules of review (apply, edit, replay).
//!
//! A failing file never stops the batch: it is reported, logged in the store, and counted.
//! Killing the process loses at most the files not yet committed; a re-run picks them up.
#![warn(missing_docs)]

mod case;
mod clusters;
mod guard;
pub mod review;
pub mod workbench;

#[cfg(test)]
mod tests;

pub use case::case;
pub use clusters::{OriginsReport, origins};
pub use guard::{StageOptions, SyntaxModel};
pub use workbench::Workbench;

use std::path::{Path, PathBuf};
use std::sync::{Arc, mpsc};

use model::{Extraction, Metadata, Provenance, Sha256};
use rayon::prelude::*;
use store::{NewVersion, Outcome, Overrides, RunId, Store};

/// What the caller wants of an ingest run.
#[derive(Clone, Debug, Default)]
pub struct IngestOptions {
    /// Size, text and time limits per file.
    pub limits: ingest::Limits,
    /// Metadata set on the command line; it applies to every file of the run and wins over
    /// sidecar files.
    pub flags: Overrides,
    /// The command line, recorded with the run.
    pub command: String,
    /// Follow symbolic links found inside folders (links named as arguments are always
    /// followed).
    pub follow_links: bool,
}

/// Receives progress as files are done; implemented by the command line with a progress bar.
pub trait Progress: Sync {
    /// The number of files found.
    fn start(&self, total: usize);
    /// One file is done.
    fn advance(&self, file: &FileReport);
    /// All files are done.
    fn finish(&self);
}

/// A [`Progress`] that shows nothing.
pub struct Silent;

impl Progress for Silent {
    fn start(&self, _: usize) {}
    fn advance(&self, _: &FileReport) {}
    fn finish(&self) {}
}

/// What became of one file.
#[derive(Clone, Debug)]
pub struct FileReport {
    /// The file.
    pub path: PathBuf,
    /// What the store did, or the one-line reason it failed (what went wrong, what to do).
    pub result: Result<Outcome, String>,
}

/// What an ingest run did.
#[derive(Clone, Debug, Default)]
pub struct IngestReport {
    /// Every file, in the order they were finished.
    pub files: Vec<FileReport>,
}

impl IngestReport {
    fn count(&self, f: impl Fn(&FileReport) -> bool) -> usize {
        self.files.iter().filter(|r| f(r)).count()
    }

    /// New documents and new versions of known ones.
    pub fn ingested(&self) -> usize {
        self.count(|r| {
            matches!(r.result, Ok(Outcome::Ingested { .. } | Outcome::NewVersion { .. }))
        })
    }

    /// Files whose bytes were already stored.
    pub fn unchanged(&self) -> usize {
        self.count(|r| matches!(r.result, Ok(Outcome::Unchanged { .. })))
    }

    /// Files whose bytes were known but whose user metadata changed.
    pub fn updated(&self) -> usize {
        self.count(|r| matches!(r.result, Ok(Outcome::Updated { .. })))
    }

    /// Files that could not be ingested.
    pub fn failed(&self) -> usize {
        self.count(|r| r.result.is_err())
    }
}

/// An error that stops the whole run: the store itself failed.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The store could not be read or written.
    #[error(transparent)]
    Store(#[from] store::Error),
    /// The built-in model could not be loaded.
    #[error("the built-in model is damaged ({0}): rebuild dossier")]
    Model(String),
    /// A review action named a claim, document or entity the case does not hold.
    #[error("{0}: check the id (the page or listing shows it)")]
    NotFound(String),
    /// A review action's input makes no sense (an unknown field, an empty note).
    #[error("{0}")]
    Invalid(String),
    /// A stored origin signature could not be decoded.
    #[error(transparent)]
    Origins(#[from] origins::Error),
    /// An export could not be made (the case file too large for its archive).
    #[error(transparent)]
    Report(#[from] report::ReportError),
}

/// A document a stage failed on: named, recorded in the store, and skipped until the code
/// changes; the batch goes on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocFailure {
    /// The document's display name.
    pub name: String,
    /// What went wrong, in one line (a caught panic and where, or the time limit).
    pub message: String,
}

/// What a read run did.
#[derive(Clone, Debug, Default)]
pub struct ReadReport {
    /// Documents read.
    pub documents: usize,
    /// Sentences found.
    pub sentences: usize,
    /// Tokens found.
    pub tokens: usize,
    /// Annotations stored, by layer name.
    pub annotations: std::collections::BTreeMap<&'static str, usize>,
    /// The reader that read them.
    pub reader: String,
    /// Documents the reader failed on.
    pub failed: Vec<DocFailure>,
}

/// Reads every current version that the current reader has not read, in parallel, storing
/// each document's annotations in its own transaction.
pub fn read(store: &mut Store, progress: &dyn Progress) -> Result<ReadReport, Error> {
    read_with(store, &StageOptions::default(), progress)
}

/// [`read()`] with a time limit per document: a document that panics the reader or overruns
/// the limit is recorded as failed and skipped by this reader from then on.
pub fn read_with(
    store: &mut Store,
    options: &StageOptions,
    progress: &dyn Progress,
) -> Result<ReadReport, Error> {
    let reader = options.reader_id();
    let unread = store.unread(&reader, &guard::overrun_worker(&reader, options))?;
    // Both models are loaded once per run and shared by the workers.
    let tagger = read::ner::builtin().map_err(|e| Error::Model(e.to_string()))?;
    let analyzer = match &options.syntax {
        Some(model) => std::sync::Arc::clone(&model.analyzer),
        None => {
            std::sync::Arc::new(read::syntax::builtin().map_err(|e| Error::Model(e.to_string()))?)
        }
    };
    let mut report = ReadReport { reader: reader.clone(), ..ReadReport::default() };
    in_parallel_then_write(
        &unread,
        progress,
        |doc| {
            guard::run(options, |deadline| {
                read::read_document_within(&tagger, &analyzer, &doc.text, doc.published, deadline)
            })
        },
        |doc, reading| {
            let reading = match reading {
                Ok(reading) => reading,
                Err(failed) => {
                    let at = (doc.name.as_str(), doc.version);
                    let shown = record_failure(store, at, store::Stage::Read, &reader, failed)?;
                    report.failed.push(shown.0);
                    return Ok((at.0, at.1, Some(shown.1)));
                }
            };
            store.record_reading(
                doc.version,
                &reader,
                reading.sentences,
                &reading.annotations,
                &reading.words,
            )?;
            report.documents += 1;
            report.sentences += reading.sentences;
            report.tokens += reading.tokens;
            for a in &reading.annotations {
                *report.annotations.entry(a.layer.as_str()).or_default() += 1;
            }
            Ok((doc.name.as_str(), doc.version, None))
        },
    )?;
    Ok(report)
}

/// What an extraction run did.
#[derive(Clone, Debug, Default)]
pub struct ExtractReport {
    /// Documents extracted.
    pub documents: usize,
    /// Claims stored, by type.
    pub claims: std::collections::BTreeMap<&'static str, usize>,
    /// The extractor (claim rules and reader) that made them.
    pub extractor: String,
    /// Documents the extractor failed on.
    pub failed: Vec<DocFailure>,
}

/// The id recorded with claims: the claim rules' id and the reader's, so that new rules or a
/// new reading both lead to extracting again.
pub fn extractor_id() -> String {
    extractor_id_with(&StageOptions::default())
}

/// [`extractor_id`] for the reader of these options.
fn extractor_id_with(options: &StageOptions) -> String {
    format!("{}+{}", claims::extractor_id(), options.reader_id())
}

/// Extracts claims from every current version read by the current reader and not yet
/// extracted by the current extractor, in parallel, storing each document's claims in its
/// own transaction.
///
/// With `again`, every read version is extracted again, whatever extracted it before.
pub fn extract(
    store: &mut Store,
    again: bool,
    progress: &dyn Progress,
) -> Result<ExtractReport, Error> {
    extract_with(store, again, &StageOptions::default(), progress)
}

/// [`extract`] with a time limit per document: a document that panics the extractor or
/// overruns the limit is recorded as failed and skipped by this extractor from then on
/// (`again` tries it once more).
pub fn extract_with(
    store: &mut Store,
    again: bool,
    options: &StageOptions,
    progress: &dyn Progress,
) -> Result<ExtractReport, Error> {
    let extractor = extractor_id_with(options);
    let pending = store.unextracted(
        &options.reader_id(),
        (!again).then_some(extractor.as_str()),
        &guard::overrun_worker(&extractor, options),
    )?;
    let mut report = ExtractReport { extractor: extractor.clone(), ..ExtractReport::default() };
    in_parallel_then_write(
        &pending,
        progress,
        |doc| {
            // Decoded here, one document at a time on the workers: the pending list holds
            // the compact stored form.
            let words = doc.parses.words().map_err(|e| {
                guard::Failed::other(format!(
                    "the stored reading cannot be used ({e}): skipped; please report it with this store"
                ))
            })?;
            let sha = doc.sha256.to_hex();
            let input = claims::Input {
                doc: &doc.name,
                sha256: &sha,
                text: &doc.text,
                published: doc.published,
                annotations: &doc.annotations,
                words: &words,
            };
            guard::run(options, |deadline| {
                claims::extract_within(claims::Rules::english(), &input, deadline)
            })
        },
        |doc, found| {
            let found = match found {
                Ok(found) => found,
                Err(failed) => {
                    let at = (doc.name.as_str(), doc.version);
                    let shown =
                        record_failure(store, at, store::Stage::Extract, &extractor, failed)?;
                    report.failed.push(shown.0);
                    return Ok((at.0, at.1, Some(shown.1)));
                }
            };
            let stored: Vec<store::StoredClaim> = found
                .iter()
                .map(|c| store::StoredClaim {
                    id: c.id.clone(),
                    kind: c.kind.as_str().to_string(),
                    span: c.evidence.range(),
                    json: serde_json::to_string(c).expect("claims serialise"),
                })
                .collect();
            store.record_claims(doc.version, &extractor, &stored)?;
            report.documents += 1;
            for c in &found {
                *report.claims.entry(c.kind.as_str()).or_default() += 1;
            }
            Ok((doc.name.as_str(), doc.version, None))
        },
    )?;
    Ok(report)
}

/// Records that a stage failed on a document (name and version) as the worker `id`, and
/// returns the failure for the report and the line to show.
fn record_failure(
    store: &mut Store,
    (name, version): (&str, i64),
    stage: store::Stage,
    id: &str,
    failed: guard::Failed,
) -> Result<(DocFailure, String), Error> {
    store.record_stage_failure(version, stage, &failed.worker(id), &failed.message)?;
    let verb = match stage {
        store::Stage::Read => "reading",
        store::Stage::Extract => "extracting claims",
    };
    let shown = format!("{verb} failed: {}", failed.message);
    Ok((DocFailure { name: name.to_string(), message: failed.message }, shown))
}

/// Runs `work` on every item on the rayon pool and hands each result, as it comes, to
/// `write` on the calling thread: the store's single writer. `write` says which document it
/// wrote (name and version) and, when the stage failed on it, the line to show.
fn in_parallel_then_write<'i, T: Sync, R: Send>(
    items: &'i [T],
    progress: &dyn Progress,
    work: impl Fn(&T) -> R + Sync,
    mut write: impl FnMut(&'i T, R) -> Result<(&'i str, i64, Option<String>), Error>,
) -> Result<(), Error> {
    progress.start(items.len());
    let (tx, rx) = mpsc::sync_channel::<(usize, R)>(2 * rayon::current_num_threads());
    std::thread::scope(|scope| -> Result<(), Error> {
        scope.spawn(|| {
            items.par_iter().enumerate().for_each_with(tx, |tx, (i, item)| {
                let _ = tx.send((i, work(item)));
            });
        });
        for (i, result) in rx {
            let (name, version, failed) = write(&items[i], result)?;
            progress.advance(&FileReport {
                path: PathBuf::from(name),
                result: match failed {
                    Some(message) => Err(message),
                    None => Ok(Outcome::Updated { doc: version }),
                },
            });
        }
        Ok(())
    })?;
    progress.finish();
    Ok(())
}

/// What a worker hands to the writer.
enum Work {
    Write {
        path: PathBuf,
        bytes: Arc<Vec<u8>>,
        sha: Sha256,
        extraction: Box<Extraction>,
        metadata: Metadata,
        overrides: Overrides,
    },
    Unchanged {
        path: PathBuf,
        outcome: Outcome,
    },
    Failed {
        path: PathBuf,
        sha: Option<Sha256>,
        message: String,
    },
}

/// Ingests files and folders into `store`.
pub fn ingest(
    store: &mut Store,
    paths: &[PathBuf],
    options: &IngestOptions,
    progress: &dyn Progress,
) -> Result<IngestReport, Error> {
    guard::install_hook();
    let (mut inputs, walk_errors) = ingest::files(paths, options.follow_links);
    // A case folder often holds its own store: `dossier build .` must not try to ingest it.
    let own = store.files();
    inputs.retain(|input| !own.contains(&input.path));
    let known = store.known()?;
    progress.start(inputs.len() + walk_errors.len());
    let mut writer = Writer {
        store,
        run: None,
        command: &options.command,
        report: IngestReport::default(),
        progress,
    };
    for (path, error) in walk_errors {
        writer.fail(path, None, error.to_string())?;
    }
    let (tx, rx) = mpsc::sync_channel::<Work>(2 * rayon::current_num_threads());
    std::thread::scope(|scope| -> Result<(), Error> {
        scope.spawn(|| {
            inputs.par_iter().for_each_with(tx, |tx, input| {
                let _ = tx.send(prepare(&input.path, &input.name(), &known, options));
            });
        });
        for work in rx {
            match work {
                Work::Write { path, bytes, sha, extraction, metadata, overrides } => {
                    let path_text = path.to_string_lossy();
                    let name = path.file_name().map_or_else(
                        || path_text.to_string(),
                        |n| n.to_string_lossy().into_owned(),
                    );
                    let run = writer.run()?;
                    let outcome = writer.store.record(&NewVersion {
                        path: &path_text,
                        name: &name,
                        bytes: &bytes,
                        sha256: sha,
                        extraction: &extraction,
                        metadata: &metadata,
                        overrides: &overrides,
                        extractor: ingest::EXTRACTOR,
                        run,
                    })?;
                    writer.done(FileReport { path, result: Ok(outcome) });
                }
                Work::Unchanged { path, outcome } => {
                    writer.done(FileReport { path, result: Ok(outcome) })
                }
                Work::Failed { path, sha, message } => writer.fail(path, sha, message)?,
            }
        }
        Ok(())
    })?;
    let Writer { store, run, report, .. } = writer;
    if let Some(run) = run {
        store.finish_run(
            run,
            [report.ingested(), report.unchanged(), report.updated(), report.failed()],
        )?;
    }
    progress.finish();
    Ok(report)
}

/// Reads, hashes and extracts one file; runs on a worker thread.
fn prepare(path: &Path, name: &str, known: &store::Known, options: &IngestOptions) -> Work {
    let fail = |sha: Option<Sha256>, e: ingest::Error| Work::Failed {
        path: path.to_path_buf(),
        sha,
        message: e.to_string(),
    };
    let sidecar = match ingest::overrides_for(path) {
        Ok(s) => s,
        Err(e) => return fail(None, e),
    };
    let mut overrides = sidecar.clone();
    overrides.extend(options.flags.iter().map(|(k, v)| (*k, v.clone())));
    let bytes = match ingest::read_file(path, &options.limits) {
        Ok(b) => Arc::new(b),
        Err(e) => return fail(None, e),
    };
    let sha = Sha256::digest(&bytes);
    if let Some(outcome) = known.unchanged(&path.to_string_lossy(), &sha, &overrides) {
        return Work::Unchanged { path: path.to_path_buf(), outcome };
    }
    let extraction = match ingest::extract_guarded(Arc::clone(&bytes), name, &options.limits) {
        Ok(x) => x,
        Err(e) => return fail(Some(sha), e),
    };
    let mut metadata = extraction.metadata.clone();
    for (field, value) in &overrides {
        let from =
            if options.flags.contains_key(field) { Provenance::Flag } else { Provenance::Sidecar };
        if let Err(e) = metadata.set(*field, value, from) {
            let what = if from == Provenance::Flag { "flag" } else { "sidecar" };
            return Work::Failed {
                path: path.to_path_buf(),
                sha: Some(sha),
                message: format!("bad {} in {what}: {e}", field.as_str()),
            };
        }
    }
    Work::Write {
        path: path.to_path_buf(),
        bytes,
        sha,
        extraction: Box::new(extraction),
        metadata,
        overrides,
    }
}

/// The single thread that writes to the store. The run row is created on the first write, so
/// that a run that changes nothing leaves the store untouched.
struct Writer<'a> {
    store: &'a mut Store,
    run: Option<RunId>,
    command: &'a str,
    report: IngestReport,
    progress: &'a dyn Progress,
}

impl Writer<'_> {
    fn run(&mut self) -> Result<RunId, Error> {
        match self.run {
            Some(run) => Ok(run),
            None => {
                let run = self.store.begin_run(self.command)?;
                self.run = Some(run);
                Ok(run)
            }
        }
    }

    fn fail(&mut self, path: PathBuf, sha: Option<Sha256>, message: String) -> Result<(), Error> {
        let run = self.run()?;
        self.store.record_failure(run, &path.to_string_lossy(), sha.as_ref(), &message)?;
        self.done(FileReport { path, result: Err(message) });
        Ok(())
    }

    fn done(&mut self, file: FileReport) {
        self.progress.advance(&file);
        self.report.files.push(file);
    }
}
