//! Workbenches for requests that only read, each on its own SQLite connection: pages are
//! read side by side instead of queueing on the one workbench that writes.
//!
//! SQLite in WAL mode lets any number of connections read while one writes, and every
//! reader shares the writer's built case ([`Workbench::reader`]), so a review action is
//! seen by the next page whichever connection serves it.

use std::ops::{Deref, DerefMut};
use std::sync::{Condvar, Mutex};

use pipeline::Workbench;

#[cfg(test)]
mod tests;

/// Readers opened on demand up to a limit, kept for the next request.
pub(crate) struct Pool {
    idle: Mutex<Idle>,
    freed: Condvar,
    max: usize,
}

struct Idle {
    benches: Vec<Workbench>,
    /// Readers open now, idle or lent.
    open: usize,
}

/// A reader lent to one request, given back when dropped.
pub(crate) struct Lease<'a> {
    pool: &'a Pool,
    bench: Option<Workbench>,
}

impl Pool {
    /// A pool of at most `max` readers (none: every request uses the writer).
    pub fn new(max: usize) -> Pool {
        Pool { idle: Mutex::new(Idle { benches: Vec::new(), open: 0 }), freed: Condvar::new(), max }
    }

    /// How many readers a server keeps: one per core, at least two, at most eight.
    pub fn size() -> usize {
        std::thread::available_parallelism().map_or(2, |n| n.get()).clamp(2, 8)
    }

    /// An idle reader, a new one made from `writer` while under the limit, or the next one
    /// given back; `None` when the pool holds none (the writer must serve) or a new
    /// connection failed.
    pub fn take<'a>(&'a self, writer: &Mutex<Workbench>) -> Option<Lease<'a>> {
        if self.max == 0 {
            return None;
        }
        let mut idle = self.idle.lock().unwrap_or_else(|e| e.into_inner());
        loop {
            if let Some(bench) = idle.benches.pop() {
                return Some(Lease { pool: self, bench: Some(bench) });
            }
            if idle.open < self.max {
                idle.open += 1;
                drop(idle);
                let made = writer.lock().ok().and_then(|w| w.reader().ok());
                if made.is_none() {
                    self.idle.lock().unwrap_or_else(|e| e.into_inner()).open -= 1;
                }
                return made.map(|bench| Lease { pool: self, bench: Some(bench) });
            }
            idle = self.freed.wait(idle).unwrap_or_else(|e| e.into_inner());
        }
    }
}

impl Deref for Lease<'_> {
    type Target = Workbench;
    fn deref(&self) -> &Workbench {
        self.bench.as_ref().expect("a lease holds its bench until dropped")
    }
}

impl DerefMut for Lease<'_> {
    fn deref_mut(&mut self) -> &mut Workbench {
        self.bench.as_mut().expect("a lease holds its bench until dropped")
    }
}

impl Drop for Lease<'_> {
    fn drop(&mut self) {
        let mut idle = self.pool.idle.lock().unwrap_or_else(|e| e.into_inner());
        match self.bench.take() {
            // A request that panicked midway may have left its connection in a transaction:
            // it is closed, and a fresh one made next time.
            Some(bench) if !std::thread::panicking() => idle.benches.push(bench),
            _ => idle.open -= 1,
        }
        drop(idle);
        self.pool.freed.notify_one();
    }
}
