//! A cooperative stop for an extraction that has run past its time limit.
//!
//! [`crate::extract_guarded`] cannot kill its thread; it raises this flag instead, and the
//! crate's own loops (the HTML depth pass, aligner and walk, the line cleaner, the assembler)
//! check it and give up. Third-party code (html5ever's tree builder, lopdf, pdf-extract) does
//! not look at it and runs to its end.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::{Error, Result};

/// Raised once, read often.
#[derive(Clone, Debug, Default)]
pub(crate) struct Cancel(Option<Arc<AtomicBool>>);

impl Cancel {
    /// A flag the caller can raise.
    pub fn new() -> (Cancel, Arc<AtomicBool>) {
        let flag = Arc::new(AtomicBool::new(false));
        (Cancel(Some(Arc::clone(&flag))), flag)
    }

    /// An error once the flag is raised.
    pub fn check(&self) -> Result<()> {
        match &self.0 {
            Some(flag) if flag.load(Ordering::Relaxed) => Err(Error::Cancelled),
            _ => Ok(()),
        }
    }
}
