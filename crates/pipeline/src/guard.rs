//! One document's work in the read and claims stages, guarded: a panic is caught and named
//! with where it happened, and a time limit stops the work (the stages look at a
//! [`model::Deadline`] between steps), so that one bad document is a recorded failure, never
//! the end of the batch.

use std::cell::RefCell;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Once;
use std::time::Duration;

use model::{Deadline, Overrun};

/// Limits on the read and claims stages, per document, and the syntax model to read with.
#[derive(Clone, Debug)]
pub struct StageOptions {
    /// The longest a stage may work on one document.
    pub timeout: Duration,
    /// A syntax model to read with instead of the built-in one.
    pub syntax: Option<SyntaxModel>,
}

impl Default for StageOptions {
    fn default() -> StageOptions {
        StageOptions { timeout: Duration::from_secs(60), syntax: None }
    }
}

impl StageOptions {
    /// The reader these options read with: its syntax model's name is part of it, so that a
    /// store's readings by one model are never taken for another's.
    pub fn reader_id(&self) -> String {
        match &self.syntax {
            Some(model) => read::reader_id_with(&model.id),
            None => read::reader_id(),
        }
    }
}

/// A syntax model loaded from a file ([`read::syntax::from_file_bytes`]).
#[derive(Clone)]
pub struct SyntaxModel {
    /// Its name, as it goes into the reader id.
    pub id: String,
    /// The model, shared by the workers.
    pub analyzer: std::sync::Arc<read::syntax::Analyzer>,
}

impl SyntaxModel {
    /// Reads a model file: one written by `dossier train parse`, or a BiLSTM parser's.
    pub fn from_bytes(bytes: &[u8]) -> Result<SyntaxModel, read::syntax::ModelError> {
        let (analyzer, id) = read::syntax::from_file_bytes(bytes)?;
        Ok(SyntaxModel { id, analyzer: std::sync::Arc::new(analyzer) })
    }
}

impl std::fmt::Debug for SyntaxModel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SyntaxModel").field("id", &self.id).finish_non_exhaustive()
    }
}

thread_local! {
    /// Set while a guarded piece of work runs on this thread: its panic message and place.
    static CAUGHT: RefCell<Option<Option<String>>> = const { RefCell::new(None) };
}

/// Installs, once, a panic hook that keeps the message of a panic inside [`run`] for the
/// failure record instead of printing it (the caller prints one line that names the
/// document); panics elsewhere go to the previous hook as before.
pub(crate) fn install_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let guarded = CAUGHT.with(|c| {
                let mut c = c.borrow_mut();
                match c.as_mut() {
                    Some(slot) => {
                        let message = info
                            .payload()
                            .downcast_ref::<&str>()
                            .map(|s| s.to_string())
                            .or_else(|| info.payload().downcast_ref::<String>().cloned())
                            .unwrap_or_else(|| "panic".into());
                        let place = info
                            .location()
                            .map(|l| format!(" at {}:{}", l.file(), l.line()))
                            .unwrap_or_default();
                        *slot = Some(format!("{}{place}", first_line(&message)));
                        true
                    }
                    None => false,
                }
            });
            // Ingest's extraction threads catch their panics and report them as the file's
            // error (`ingest::extract_guarded`, and pdf-extract's per page): no second,
            // unescaped message on the terminal.
            let extracting = std::thread::current().name() == Some(ingest::EXTRACT_THREAD);
            if !guarded && !extracting {
                previous(info);
            }
        }));
    });
}

fn first_line(message: &str) -> String {
    let line = message.lines().next().unwrap_or("panic");
    let mut short: String = line.chars().take(160).collect();
    if short.len() < line.len() {
        short.push('…');
    }
    short
}

/// Why a guarded piece of work gave no result.
#[derive(Debug)]
pub(crate) struct Failed {
    /// One line: what happened and what to do.
    pub message: String,
    /// Whether the time limit stopped it (rather than a panic).
    overrun: Option<Duration>,
}

impl Failed {
    /// The worker id to record the failure under: a panic is skipped by the same code, an
    /// overrun by the same code under the same time limit (a higher limit tries again).
    pub fn worker(&self, id: &str) -> String {
        match self.overrun {
            Some(limit) => within(id, limit),
            None => id.to_string(),
        }
    }

    /// A failure that is neither a panic nor an overrun (what the stage was given could not
    /// be used), recorded like a panic: skipped until the code changes.
    pub fn other(message: String) -> Failed {
        Failed { message, overrun: None }
    }
}

fn within(id: &str, limit: Duration) -> String {
    format!("{id} within {} s", limit.as_secs())
}

/// The worker id under which an overrun of this code under these limits was recorded.
pub(crate) fn overrun_worker(id: &str, options: &StageOptions) -> String {
    within(id, options.timeout)
}

/// Runs `work` with a deadline `options.timeout` from now; a panic or an overrun becomes a
/// [`Failed`] with a one-line message.
pub(crate) fn run<T>(
    options: &StageOptions,
    work: impl FnOnce(Deadline) -> Result<T, Overrun>,
) -> Result<T, Failed> {
    install_hook();
    let deadline = Deadline::after(options.timeout);
    CAUGHT.with(|c| *c.borrow_mut() = Some(None));
    let result = catch_unwind(AssertUnwindSafe(|| work(deadline)));
    let caught = CAUGHT.with(|c| c.borrow_mut().take()).flatten();
    match result {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(Overrun)) => Err(Failed {
            message: format!(
                "stopped after {} s (the time limit): skipped; a higher --timeout tries it again",
                options.timeout.as_secs()
            ),
            overrun: Some(options.timeout),
        }),
        Err(payload) => Err(Failed {
            message: format!(
                "internal error ({}): skipped until dossier is updated; please report it with this document",
                // A panic on one of the stage's own worker threads arrives as its payload.
                caught
                    .or_else(|| payload.downcast_ref::<&str>().map(|s| first_line(s)))
                    .or_else(|| payload.downcast_ref::<String>().map(|s| first_line(s)))
                    .unwrap_or_else(|| "panic".into())
            ),
            overrun: None,
        }),
    }
}
