//! Inline SVG drawings for the case file: a person's timeline (posts as bars, events as
//! marks) and their network of counterparts.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use claims::ClaimType;
use fuse::{Assertion, Career};
use model::DateRange;

use crate::escape;
use crate::tables::describe;

const WIDTH: f64 = 1000.0;
const LEFT: f64 = 260.0;
const ROW: f64 = 24.0;

/// Years as fractions, for placing dates.
fn year_of(day: u32) -> f64 {
    let y = f64::from(day / 10_000);
    let m = f64::from((day / 100) % 100).clamp(1.0, 12.0);
    y + (m - 1.0) / 12.0
}

fn range(date: &str) -> Option<DateRange> {
    DateRange::parse(date)
}

/// Posts as bars from start to end (open ends fade out), events as marks on one line per
/// kind; hover shows what each is.
pub fn timeline(career: Option<&Career>, events: &[&Assertion]) -> Option<String> {
    let posts: Vec<&fuse::Post> = career.map(|c| c.posts.iter().collect()).unwrap_or_default();
    let mut years: Vec<f64> = Vec::new();
    for p in &posts {
        for b in [&p.start, &p.end].into_iter().flatten() {
            if let Some(r) = range(&b.date) {
                years.push(year_of(r.lo));
            }
        }
    }
    let dated: Vec<(&Assertion, DateRange)> =
        events.iter().filter_map(|a| Some((*a, range(a.date.as_deref()?)?))).collect();
    years.extend(dated.iter().map(|(_, r)| year_of(r.lo)));
    // Nothing dated: no figure, and no heading over an empty one.
    if years.is_empty() {
        return None;
    }
    let lo = years.iter().cloned().fold(f64::INFINITY, f64::min).floor() - 1.0;
    let hi = years.iter().cloned().fold(f64::NEG_INFINITY, f64::max).floor() + 2.0;
    let x = |y: f64| LEFT + (y - lo) / (hi - lo) * (WIDTH - LEFT - 20.0);
    let mut kinds: BTreeMap<&str, Vec<(&Assertion, DateRange)>> = BTreeMap::new();
    for (a, r) in &dated {
        let row = match a.kind {
            ClaimType::Meeting | ClaimType::Visit => "meetings and visits",
            ClaimType::Sanction | ClaimType::Warrant | ClaimType::Arrest => "legal measures",
            ClaimType::Allegation => "allegations",
            _ => "other events",
        };
        kinds.entry(row).or_default().push((a, *r));
    }
    let rows = posts.len() + kinds.len();
    let height = 40.0 + rows as f64 * ROW + 10.0;
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" aria-label=\"timeline\" font-size=\"12\" font-family=\"sans-serif\">"
    );
    let step = if hi - lo > 30.0 {
        5
    } else if hi - lo > 12.0 {
        2
    } else {
        1
    };
    let mut year = lo as i32;
    while f64::from(year) <= hi {
        if year % step == 0 {
            let xx = x(f64::from(year));
            let _ = write!(
                s,
                "<line x1=\"{xx:.1}\" y1=\"22\" x2=\"{xx:.1}\" y2=\"{height}\" stroke=\"#e3e7ea\"/><text x=\"{xx:.1}\" y=\"16\" text-anchor=\"middle\" fill=\"#667\">{year}</text>"
            );
        }
        year += 1;
    }
    let mut y = 30.0;
    for p in &posts {
        let label = p.title();
        let _ = write!(
            s,
            "<text x=\"4\" y=\"{:.1}\" fill=\"#1d232a\"><title>{}</title>{}</text>",
            y + 15.0,
            escape(&label),
            escape(&fit_label(&label))
        );
        let start = p.start.as_ref().and_then(|b| range(&b.date)).map(|r| year_of(r.lo));
        let end = p.end.as_ref().and_then(|b| range(&b.date)).map(|r| year_of(r.lo));
        let colour = match p.status {
            fuse::Status::Conflicting => "#c75000",
            fuse::Status::Refuted => "#8b0000",
            fuse::Status::Superseded => "#4b3a8f",
            _ => "#2a4d69",
        };
        let title = format!(
            "{label}: {} – {} ({})",
            p.start
                .as_ref()
                .map(|b| format!("{} {}", b.qualifier, b.date))
                .unwrap_or_else(|| "start unknown".into()),
            p.end
                .as_ref()
                .map(|b| format!("{} {}", b.qualifier, b.date))
                .unwrap_or_else(|| "end unknown".into()),
            p.status.as_str()
        );
        match (start, end) {
            (None, None) => {
                let _ = write!(
                    s,
                    "<text x=\"{:.1}\" y=\"{:.1}\" fill=\"#667\" font-style=\"italic\"><title>{}</title>undated</text>",
                    LEFT,
                    y + 15.0,
                    escape(&title)
                );
            }
            _ => {
                let (a, b) = (start.unwrap_or(lo), end.unwrap_or(hi));
                let (xa, xb) = (x(a), x(b.max(a + 0.08)));
                let open_start = start.is_none()
                    || p.start.as_ref().is_some_and(|b| b.qualifier.starts_with("at least"));
                let open_end = end.is_none()
                    || p.end.as_ref().is_some_and(|b| b.qualifier.starts_with("at least"));
                let _ = write!(
                    s,
                    "<rect x=\"{xa:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"14\" rx=\"3\" fill=\"{colour}\" fill-opacity=\"{}\"><title>{}</title></rect>",
                    y + 4.0,
                    (xb - xa).max(3.0),
                    if open_start || open_end { "0.45" } else { "0.85" },
                    escape(&title)
                );
            }
        }
        y += ROW;
    }
    for (row, items) in &kinds {
        let _ = write!(
            s,
            "<text x=\"4\" y=\"{:.1}\" fill=\"#445\" font-style=\"italic\">{row}</text>",
            y + 15.0
        );
        for (a, r) in items {
            let xx = x(year_of(r.lo));
            let colour = match a.status {
                fuse::Status::Conflicting => "#c75000",
                fuse::Status::Refuted => "#8b0000",
                _ => "#2a4d69",
            };
            let _ = write!(
                s,
                "<circle cx=\"{xx:.1}\" cy=\"{:.1}\" r=\"5\" fill=\"{colour}\" fill-opacity=\"0.8\"><title>{}</title></circle>",
                y + 11.0,
                escape(&format!("{} [{}]", describe(a), a.status.as_str()))
            );
        }
        y += ROW;
    }
    s.push_str("</svg>");
    Some(s)
}

/// The most of a post's label that fits left of the bars (12 px sans-serif is about 6.6 px a
/// character on average; 260 px hold 36 with the margin), cut at a word with an ellipsis so
/// that a cut label reads as one; the whole label is the text's tooltip.
pub(crate) fn fit_label(label: &str) -> String {
    const FITS: usize = 36;
    if label.chars().count() <= FITS {
        return label.to_string();
    }
    let head: String = label.chars().take(FITS - 1).collect();
    let cut = head.rfind(' ').filter(|&at| at >= FITS / 2).unwrap_or(head.len());
    format!("{}…", head[..cut].trim_end_matches([' ', ',', '(']))
}

/// The person in the middle, everyone they met around them; line width by number of
/// meetings.
pub fn ego_network(person: &resolve::Entity, meetings: &[&Assertion]) -> String {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for a in meetings {
        for p in a.parties("participants") {
            if p.id.as_deref() != Some(person.id.as_str()) {
                *counts.entry(p.name).or_default() += 1;
            }
        }
    }
    if counts.is_empty() {
        return "<p class=\"muted small\">No meetings with others on record.</p>".into();
    }
    // The drawing is as tall as its nodes need: the ring's radius grows with the number of
    // counterparts, one or two sit beside the person (left and right), more go round from
    // the top, and the view is cut to the nodes and their labels.
    let w = 760.0_f64;
    let n = counts.len() as f64;
    let radius = (60.0 + 25.0 * n).min(160.0);
    let start = if counts.len() <= 2 { 0.0 } else { -std::f64::consts::FRAC_PI_2 };
    let angle_of = |k: usize| std::f64::consts::TAU * k as f64 / n + start;
    let (cx, cy) = (w / 2.0, 0.0);
    let top =
        (0..counts.len()).map(|k| cy + radius * angle_of(k).sin() - 24.0).fold(cy - 24.0, f64::min);
    let bottom =
        (0..counts.len()).map(|k| cy + radius * angle_of(k).sin() + 28.0).fold(cy + 38.0, f64::max);
    let h = bottom - top;
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h:.0}\" viewBox=\"0 {top:.1} {w} {h:.1}\" role=\"img\" aria-label=\"network\" font-size=\"12\" font-family=\"sans-serif\">"
    );
    let mut labels = String::new();
    for (k, (name, count)) in counts.iter().enumerate() {
        let angle = angle_of(k);
        let (x, y) = (cx + radius * angle.cos(), cy + radius * angle.sin());
        let _ = write!(
            s,
            "<line x1=\"{cx:.1}\" y1=\"{cy:.1}\" x2=\"{x:.1}\" y2=\"{y:.1}\" stroke=\"#8aa1b5\" stroke-width=\"{}\"><title>{} meeting{}</title></line>",
            1 + 2 * count,
            count,
            if *count == 1 { "" } else { "s" }
        );
        let anchor = if angle.cos() > 0.2 {
            "start"
        } else if angle.cos() < -0.2 {
            "end"
        } else {
            "middle"
        };
        let dx = if anchor == "start" {
            10.0
        } else if anchor == "end" {
            -10.0
        } else {
            0.0
        };
        let dy =
            if anchor == "middle" { if angle.sin() < 0.0 { -10.0 } else { 18.0 } } else { 4.0 };
        let _ = write!(
            labels,
            "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"7\" fill=\"#6b8fb0\"/><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"{anchor}\">{}</text>",
            x + dx,
            y + dy,
            escape(name)
        );
    }
    s.push_str(&labels);
    let _ = write!(
        s,
        "<circle cx=\"{cx:.1}\" cy=\"{cy:.1}\" r=\"11\" fill=\"#2a4d69\"/><text x=\"{cx:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-weight=\"bold\">{}</text></svg>",
        cy + 28.0,
        escape(&person.name)
    );
    s
}
