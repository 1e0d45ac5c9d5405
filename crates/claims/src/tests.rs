//! Unit tests of the pattern compiler and dates; rule examples run in `tests/rules.rs`.

use super::*;

#[test]
fn english_rules_compile() {
    let rules = Rules::english();
    assert!(rules.rules.len() > 40);
    assert!(rules.id().starts_with("claims-en/1/"));
}
