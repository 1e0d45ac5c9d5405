//! Dates as the lists write them, to ISO partial dates ("1948-12-10", "1980-05", "1971").

const MONTHS: [&str; 12] =
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

fn month(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS.iter().position(|m| w.starts_with(m)).map(|i| i as u8 + 1)
}

fn iso(year: i32, month: Option<u8>, day: Option<u8>) -> Option<String> {
    if !(1800..=2100).contains(&year) {
        return None;
    }
    Some(match (month, day) {
        (Some(m), Some(d)) => {
            model::PartialDate::day(year, m, d).ok()?;
            format!("{year:04}-{m:02}-{d:02}")
        }
        (Some(m), None) => {
            model::PartialDate::month(year, m).ok()?;
            format!("{year:04}-{m:02}")
        }
        _ => format!("{year:04}"),
    })
}

/// One date in any of the lists' forms: "1948-12-10", "10/12/1948" (day first; "00" for an
/// unknown day or month), "10 Dec 1948", "Dec 1948", "1948", "circa 1960" (as its year).
pub(crate) fn parse(text: &str) -> Option<String> {
    let t = text.trim().trim_start_matches("circa").trim_start_matches("approximately").trim();
    let t = t.trim_end_matches('.');
    if let Some((y, rest)) = t.split_once('-')
        && y.len() == 4
    {
        let y: i32 = y.parse().ok()?;
        let mut parts = rest.split('-');
        let m = parts.next().and_then(|m| m.parse::<u8>().ok()).filter(|&m| m > 0);
        let d = parts
            .next()
            .and_then(|d| d.get(..2).unwrap_or(d).parse::<u8>().ok())
            .filter(|&d| d > 0);
        return iso(y, m, d.filter(|_| m.is_some()));
    }
    if t.contains('/') {
        let parts: Vec<&str> = t.split('/').collect();
        if parts.len() != 3 {
            return None;
        }
        let d = parts[0].trim().parse::<u8>().ok().filter(|&d| d > 0);
        let m = parts[1].trim().parse::<u8>().ok().filter(|&m| m > 0);
        let y = parts[2].trim().parse::<i32>().ok()?;
        return iso(y, m, d.filter(|_| m.is_some()));
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    match words.as_slice() {
        [y] => iso(y.parse().ok()?, None, None),
        [m, y] => iso(y.parse().ok()?, Some(month(m)?), None),
        [d, m, y] => iso(y.parse().ok()?, Some(month(m)?), Some(d.parse().ok()?)),
        _ => None,
    }
}

/// The year of an ISO partial date.
pub(crate) fn year(iso: &str) -> Option<i32> {
    iso.get(..4)?.parse().ok()
}
