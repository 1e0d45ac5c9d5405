//! Where a wire story's dateline ends: "CAIRO, Jan 12 (Agency) - ", "KYIV, Ukraine, March
//! 3, 2024 — ", "WASHINGTON - ". The place and agency there say where the copy was filed and
//! who filed it: neither is a source the sentence cites nor an argument of its predicates.

use std::sync::LazyLock;

use regex::Regex;

/// A place (and a country or state after a comma), a date, an agency in brackets, a dash.
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(?P<place>\p{Lu}[\p{L}.'’ -]{1,40}?)(?:,\s*\p{Lu}[\p{L}.'’ ]{1,30}?)?(?P<date>,\s*(?:\p{Lu}[a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+\p{Lu}[a-z]{2,8})(?:,?\s+\d{4})?)?\s*(?P<agency>\([^()\n]{1,40}\))?\s*[-–—]+\s",
    )
    .expect("valid pattern")
});

/// The byte offset in `sentence` where its dateline ends, 0 when it opens with none. Title
/// case before a dash is a dateline only with a date or an agency ("Mr Holl - the minister"
/// is none); a place in capitals needs neither ("WASHINGTON - ").
pub(crate) fn dateline_end(sentence: &str) -> usize {
    let Some(c) = DATELINE.captures(sentence) else { return 0 };
    let place = c.name("place").map_or("", |m| m.as_str());
    let capitals = place.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && !place.chars().any(char::is_lowercase);
    if capitals || c.name("date").is_some() || c.name("agency").is_some() {
        c.get(0).map_or(0, |m| m.end())
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::dateline_end;

    fn rest(s: &str) -> &str {
        &s[dateline_end(s)..]
    }

    #[test]
    fn wire_datelines_end_at_their_dash() {
        assert_eq!(rest("VARNHOLM, Jan 12 (Norvanian News Agency) - X met Y."), "X met Y.");
        assert_eq!(rest("LORNBY, May 5, 2024 - Police said."), "Police said.");
        assert_eq!(rest("KHARVONA, Lornby, March 3, 2024 — X was held."), "X was held.");
        assert_eq!(rest("Varnholm, 3 March (Agency) – X was held."), "X was held.");
        assert_eq!(rest("WASHINGTON - X was held."), "X was held.");
    }

    #[test]
    fn a_name_before_a_dash_is_no_dateline() {
        for s in [
            "Mr Holl - the minister - said so.",
            "Tomasz Wielgosz - a former general - was held.",
            "The minister said - twice - that he would resign.",
            "X was held.",
        ] {
            assert_eq!(dateline_end(s), 0, "{s}");
        }
    }
}
