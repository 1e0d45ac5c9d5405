//! Unit tests of the guard around one document's work.

use std::time::Duration;

use crate::guard::{self, StageOptions};

#[test]
fn a_panic_becomes_a_failure_that_says_where() {
    let options = StageOptions::default();
    let result: Result<(), _> =
        guard::run(&options, |_| panic!("byte index 3 is not a char boundary"));
    let failed = result.expect_err("the panic is caught");
    assert!(failed.message.starts_with("internal error (byte index 3 is not a char boundary at "));
    assert!(failed.message.contains("crates/pipeline/src/tests.rs:"), "{}", failed.message);
    assert_eq!(failed.worker("read/9"), "read/9");
    // The thread is usable afterwards, and a later success is a success.
    assert_eq!(guard::run(&options, |_| Ok(7)).ok(), Some(7));
}

#[test]
fn an_overrun_is_stopped_and_recorded_under_its_limit() {
    let options = StageOptions { timeout: Duration::from_millis(20), ..Default::default() };
    let result = guard::run(&options, |deadline| {
        loop {
            deadline.check()?;
            std::thread::sleep(Duration::from_millis(1));
        }
    });
    let failed: guard::Failed = match result {
        Ok(()) => unreachable!("the loop only ends by the deadline"),
        Err(f) => f,
    };
    assert!(failed.message.starts_with("stopped after 0 s"), "{}", failed.message);
    assert_eq!(failed.worker("read/9"), "read/9 within 0 s");
    assert_eq!(guard::overrun_worker("read/9", &options), "read/9 within 0 s");
}
