//! Unit tests of what the command line prints.

use crate::output::{term, term_path, term_text};

#[test]
fn control_characters_cannot_reach_the_terminal() {
    let name = "a\nerror: forged\x1b[31m\r\t\u{7f}\u{9b}2J\u{202e}txt.exe\u{2028}b";
    let shown = term(name);
    assert_eq!(
        shown,
        "a\\nerror: forged\\u{1b}[31m\\r\\t\\u{7f}\\u{9b}2J\\u{202e}txt.exe\\u{2028}b"
    );
    assert!(!shown.chars().any(|c| c.is_control()));
    assert_eq!(term_path(std::path::Path::new("dir/x\ny.txt")), "dir/x\\ny.txt");
    // Plain text, including other scripts and typographic marks, is shown as it is.
    for plain in ["Ana Ruiz — «Al-Ahram», 2019", "الأهرام", "naïve café", "C:\\docs"] {
        assert!(matches!(term(plain), std::borrow::Cow::Borrowed(_)), "{plain}");
    }
}

#[test]
fn document_text_keeps_its_lines_but_not_escape_sequences() {
    assert_eq!(term_text("one\n\ttwo\x1b]0;title\x07\r"), "one\n\ttwo\\u{1b}]0;title\\u{7}\\r");
}
