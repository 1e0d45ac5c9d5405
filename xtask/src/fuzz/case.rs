//! One fuzz case: an input run through ingest, read and claims on its own thread, with its
//! panics caught and named (stage, message, location) and a time budget.

use std::cell::{Cell, RefCell};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

use model::PartialDate;

/// The syntax model, loaded once for every case (the entity tagger is passed in).
static ANALYZER: std::sync::LazyLock<read::syntax::Analyzer> = std::sync::LazyLock::new(|| {
    read::syntax::builtin().expect("the built-in syntax model loads: rebuild dossier")
});

/// The stages a case goes through, for the report.
const STAGES: [&str; 5] = ["ingest", "read", "claims", "read (raw text)", "claims (raw text)"];

/// One input to run, with the publication date given to the raw-text reading.
#[derive(Clone, Debug)]
pub struct Case {
    /// A file name; only its extension matters (ingest breaks format ties with it).
    pub name: String,
    pub bytes: Vec<u8>,
    pub dct: Option<PartialDate>,
    /// Where it came from, for the report.
    pub origin: String,
}

/// A case that went through.
#[derive(Debug)]
pub struct Done {
    /// Ingest's error, if it refused the input.
    pub refused: Option<String>,
    /// Whether ingest yielded non-blank text.
    pub text: bool,
}

/// A case that did not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    Panic {
        stage: &'static str,
        message: String,
        location: String,
    },
    /// Over the time budget; `seconds` is how long it took in all when it finished within
    /// the grace period that follows (none when it was abandoned still running).
    Hang {
        stage: &'static str,
        seconds: Option<u64>,
    },
}

impl Failure {
    /// What makes two failures the same bug: the stage and where it panicked.
    pub fn key(&self) -> String {
        match self {
            Failure::Panic { stage, location, .. } => format!("panic in {stage} at {location}"),
            Failure::Hang { stage, .. } => format!("hang in {stage}"),
        }
    }
}

/// Publication dates given to raw-text readings: none, each precision, and the extremes.
pub fn dcts() -> Vec<Option<PartialDate>> {
    vec![
        None,
        PartialDate::day(2019, 3, 12).ok(),
        PartialDate::month(2019, 3).ok(),
        PartialDate::year(2019).ok(),
        PartialDate::day(1000, 1, 1).ok(),
        PartialDate::day(9999, 12, 31).ok(),
    ]
}

thread_local! {
    static IN_CASE: Cell<bool> = const { Cell::new(false) };
    static LAST_PANIC: RefCell<Option<(String, String)>> = const { RefCell::new(None) };
}

/// Installs, once, a panic hook that records the message and location of panics on case
/// threads instead of printing them; other threads' panics go to the previous hook.
fn install_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !IN_CASE.with(Cell::get) {
                return previous(info);
            }
            let payload = info.payload();
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "(non-string panic payload)".into());
            let location = info.location().map_or("(unknown)".into(), |l| {
                format!("{}:{}:{}", l.file(), l.line(), l.column())
            });
            LAST_PANIC.with(|p| *p.borrow_mut() = Some((message, location)));
        }));
    });
}

/// Runs `work` on its own thread with a large stack (as ingest does), catching panics and
/// giving up once the thread has used `timeout` of CPU time, or four times that of wall time
/// (a thread that waits instead of working). CPU time, not wall time, is the budget because a
/// loaded machine (CI's two cores shared with a build) stretches wall time: a slow but linear
/// case must not read as a hang there. `work` reports its stage in the counter it is given.
pub fn isolate(
    timeout: Duration,
    work: impl FnOnce(&AtomicUsize) -> Done + Send + 'static,
) -> Result<Done, Failure> {
    install_hook();
    let stage = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let (tx, rx) = mpsc::channel();
    let thread_stage = Arc::clone(&stage);
    let handle = std::thread::Builder::new()
        .name("fuzz-case".into())
        .stack_size(64 * 1024 * 1024)
        .spawn(move || {
            IN_CASE.with(|c| c.set(true));
            let result = catch_unwind(AssertUnwindSafe(|| work(&thread_stage)));
            // A panic on a worker thread of the stage's own (rayon) reaches here as its
            // payload only: the hook saw it on the other thread.
            let _ = tx.send(result.map_err(|payload| {
                LAST_PANIC.with(|p| p.borrow_mut().take()).or_else(|| {
                    let message = payload
                        .downcast_ref::<&str>()
                        .map(|s| s.to_string())
                        .or_else(|| payload.downcast_ref::<String>().cloned())?;
                    Some((message, "(a worker thread; its location is printed above)".into()))
                })
            }));
        })
        .expect("the system starts a thread");
    let clock = cpu_clock(&handle);
    let stage_name = || STAGES[stage.load(Ordering::SeqCst).min(STAGES.len() - 1)];
    let received = loop {
        match rx.recv_timeout(Duration::from_millis(250)) {
            Err(mpsc::RecvTimeoutError::Timeout) => {
                let wall = started.elapsed();
                let cpu = clock.and_then(cpu_time).unwrap_or(wall);
                if cpu >= timeout || wall >= timeout * 4 {
                    break Err(mpsc::RecvTimeoutError::Timeout);
                }
            }
            other => break other,
        }
    };
    match received {
        Ok(Ok(done)) => Ok(done),
        Ok(Err(info)) => {
            let (message, location) =
                info.unwrap_or_else(|| ("(no message)".into(), "(unknown)".into()));
            Err(Failure::Panic { stage: stage_name(), message, location })
        }
        Err(mpsc::RecvTimeoutError::Timeout) => {
            // A thread cannot be stopped: wait a while longer for it, so that hung threads
            // do not pile up and starve the next cases, and so that the report can say how
            // slow it was.
            let stage = stage_name();
            let grace = (timeout * 5).min(Duration::from_secs(60));
            let seconds = rx.recv_timeout(grace).ok().map(|_| started.elapsed().as_secs());
            Err(Failure::Hang { stage, seconds })
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => Err(Failure::Panic {
            stage: stage_name(),
            message: "the case thread ended without a result".into(),
            location: "(unknown)".into(),
        }),
    }
}

/// The clock that counts the CPU time of the case's thread; none where the system has no
/// such clock (the budget is then wall time).
#[cfg(unix)]
fn cpu_clock(handle: &std::thread::JoinHandle<()>) -> Option<libc::clockid_t> {
    use std::os::unix::thread::JoinHandleExt;
    let mut clock: libc::clockid_t = 0;
    // SAFETY: the handle is alive (not joined), so its pthread_t names a thread of this
    // process; `clock` is a valid place to write the id.
    #[allow(unsafe_code)]
    let status = unsafe { libc::pthread_getcpuclockid(handle.as_pthread_t(), &mut clock) };
    (status == 0).then_some(clock)
}

#[cfg(not(unix))]
fn cpu_clock(_handle: &std::thread::JoinHandle<()>) -> Option<i32> {
    None
}

/// The CPU time counted so far by `clock`; none once its thread has ended.
#[cfg(unix)]
fn cpu_time(clock: libc::clockid_t) -> Option<Duration> {
    let mut now = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `now` is a valid timespec to write; a clock of an ended thread is an error
    // return, not undefined behaviour.
    #[allow(unsafe_code)]
    let status = unsafe { libc::clock_gettime(clock, &mut now) };
    (status == 0).then(|| Duration::new(now.tv_sec as u64, now.tv_nsec as u32))
}

#[cfg(not(unix))]
fn cpu_time(_clock: i32) -> Option<Duration> {
    None
}

/// Runs one case through the document path.
pub fn run_case(
    tagger: &Arc<read::ner::Tagger>,
    case: &Case,
    timeout: Duration,
) -> Result<Done, Failure> {
    let tagger = Arc::clone(tagger);
    let case = case.clone();
    isolate(timeout, move |stage| document_path(&tagger, &case, stage))
}

fn document_path(tagger: &read::ner::Tagger, case: &Case, stage: &AtomicUsize) -> Done {
    stage.store(0, Ordering::SeqCst);
    let extraction = ingest::extract(&case.bytes, &case.name, &ingest::Limits::default());
    let mut text = false;
    if let Ok(x) = &extraction {
        assert!(x.segments_are_sound(), "fuzz check: extraction segments are not sound");
        if !x.text.trim().is_empty() {
            text = true;
            read_and_extract(tagger, &x.text, x.metadata.published, stage, 1);
        }
    }
    let raw = String::from_utf8_lossy(&case.bytes);
    read_and_extract(tagger, &raw, case.dct, stage, 3);
    Done { refused: extraction.err().map(|e| e.to_string()), text }
}

fn read_and_extract(
    tagger: &read::ner::Tagger,
    text: &str,
    published: Option<PartialDate>,
    stage: &AtomicUsize,
    first: usize,
) {
    stage.store(first, Ordering::SeqCst);
    let reading = read::read_document(tagger, &ANALYZER, text, published);
    for a in &reading.annotations {
        assert!(
            a.span.start <= a.span.end
                && text.is_char_boundary(a.span.start)
                && text.is_char_boundary(a.span.end),
            "fuzz check: {:?} annotation span {:?} is not a range of character boundaries",
            a.layer,
            a.span
        );
    }
    stage.store(first + 1, Ordering::SeqCst);
    let claims = claims::extract(&claims::Input {
        doc: "fuzz",
        sha256: "0000",
        text,
        published,
        annotations: &reading.annotations,
        words: &reading.words,
    });
    for c in &claims {
        let r = c.evidence.range();
        assert!(
            r.start <= r.end && text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
            "fuzz check: claim evidence {r:?} is not a range of character boundaries"
        );
    }
}
