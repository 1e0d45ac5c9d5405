//! A point in time after which a stage gives up on a document: the read and claims stages
//! look at it between steps and return [`Overrun`], so that a document that takes too long is
//! stopped (its thread returns and its memory is freed) rather than abandoned while it runs on.

use std::time::{Duration, Instant};

/// When a piece of work must stop; [`Deadline::none`] never passes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Deadline {
    at: Option<Instant>,
}

/// Work stopped because its [`Deadline`] passed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("ran past its time limit")]
pub struct Overrun;

impl Deadline {
    /// No limit.
    pub fn none() -> Deadline {
        Deadline { at: None }
    }

    /// `limit` from now.
    pub fn after(limit: Duration) -> Deadline {
        Deadline { at: Instant::now().checked_add(limit) }
    }

    /// Whether the time is up.
    pub fn passed(&self) -> bool {
        self.at.is_some_and(|at| Instant::now() >= at)
    }

    /// `Err(Overrun)` once the time is up: `deadline.check()?` between steps.
    pub fn check(&self) -> Result<(), Overrun> {
        if self.passed() { Err(Overrun) } else { Ok(()) }
    }
}
