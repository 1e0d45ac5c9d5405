//! Tests of the fuzzer: the regression fixtures go through the document path, failures are
//! caught and named, and cases are deterministic and bounded.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use super::case::isolate;
use super::*;

#[test]
fn regression_fixtures_go_through_the_document_path() {
    let tagger = Arc::new(read::ner::builtin().expect("the built-in model loads"));
    let cases = regression_cases(&crate::root()).expect("the fixtures are readable");
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|case| {
            // Generous: tests run unoptimised, several at a time.
            let result = run_case(&tagger, case, Duration::from_secs(120));
            result.err().map(|f| format!("{} (date {:?}): {f:?}", case.origin, case.dct))
        })
        .collect();
    assert!(failures.is_empty(), "regression fixtures fail:\n{}", failures.join("\n"));
}

#[test]
fn a_panic_is_caught_with_its_stage_message_and_location() {
    let result = isolate(Duration::from_secs(30), |stage: &AtomicUsize| {
        stage.store(2, Ordering::SeqCst);
        let text = "a\u{00A0}b";
        let cut = text.len() - 2;
        Done { refused: Some(text[..cut].to_string()), text: true }
    });
    let Err(Failure::Panic { stage, message, location }) = result else {
        panic!("expected a panic, got {result:?}")
    };
    assert_eq!(stage, "claims");
    assert!(message.contains("char boundary"), "{message}");
    assert!(location.contains("fuzz/tests.rs"), "{location}");
}

#[test]
fn a_case_over_its_budget_is_a_hang() {
    let result = isolate(Duration::from_millis(50), |stage: &AtomicUsize| {
        stage.store(1, Ordering::SeqCst);
        std::thread::sleep(Duration::from_millis(2000));
        Done { refused: None, text: false }
    });
    assert_eq!(result.err(), Some(Failure::Hang { stage: "read", seconds: None }));
}

#[test]
fn a_case_that_spins_past_its_cpu_budget_is_a_hang() {
    let result = isolate(Duration::from_millis(50), |stage: &AtomicUsize| {
        stage.store(2, Ordering::SeqCst);
        let started = std::time::Instant::now();
        let mut x = 0u64;
        while started.elapsed() < Duration::from_secs(3) {
            x = std::hint::black_box(x.wrapping_add(1));
        }
        Done { refused: None, text: x == 0 }
    });
    assert_eq!(result.err(), Some(Failure::Hang { stage: "claims", seconds: None }));
}

#[test]
fn waiting_within_four_budgets_of_wall_time_is_no_hang() {
    // The budget is CPU time: a case that the machine keeps waiting (here: sleeping, which
    // uses none) is given four budgets of wall time before it counts as hung.
    let result = isolate(Duration::from_millis(200), |_: &AtomicUsize| {
        std::thread::sleep(Duration::from_millis(400));
        Done { refused: None, text: true }
    });
    assert!(matches!(result, Ok(Done { text: true, .. })), "{result:?}");
}

#[test]
fn generated_cases_are_deterministic_and_bounded() {
    let seeds = seeds(&crate::root()).expect("the seed files are readable");
    for n in 0..300 {
        let a = generated(&seeds, 7, n);
        let b = generated(&seeds, 7, n);
        assert_eq!(a.bytes, b.bytes, "case {n} differs between two generations");
        assert!(
            a.bytes.len() <= MAX_INPUT.max(seeds.iter().map(|s| s.bytes.len()).max().unwrap_or(0))
        );
    }
    assert_ne!(generated(&seeds, 7, 1).bytes, generated(&seeds, 8, 1).bytes);
}

#[test]
fn hostile_generators_reach_their_targets() {
    let mut rng = Rng::for_case(1, 1);
    let mut nbsp = false;
    let mut invalid = false;
    let mut html = false;
    for _ in 0..400 {
        let (bytes, extension) = hostile::generate(&mut rng);
        nbsp |= String::from_utf8_lossy(&bytes).contains('\u{00A0}');
        invalid |= std::str::from_utf8(&bytes).is_err();
        html |= extension == "html";
    }
    assert!(nbsp && invalid && html, "nbsp {nbsp}, invalid UTF-8 {invalid}, html {html}");
}
