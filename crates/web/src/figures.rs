//! The entity page's two figures as geometry for the templates: a timeline (one lane per
//! kind of fact, posts as bars, each mark a link to its evidence) and the neighbourhood
//! network (the entity in the middle, its neighbours around it). The page works from this
//! alone; `static/app.js` adds zoom and panning by re-placing marks from their `data-t`.

#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use pipeline::workbench::Neighbourhood;
use serde::Serialize;

/// Left and right edges of the timeline's plot, in its 1000-wide view box.
const X0: f64 = 150.0;
const X1: f64 = 985.0;
const LANE: f64 = 26.0;
const TOP: f64 = 30.0;
/// Past this many marks a timeline draws one mark per lane and slot of [`SLOTS`]: a busy
/// entity's thousand facts were a quarter of a megabyte of marks drawn on each other.
const MARKS: usize = 300;
/// The slots a lane is cut into when its marks are grouped (about four units of the view
/// box each).
const SLOTS: f64 = 200.0;

/// A dated fact on the timeline, or the facts of one lane and slot when they are grouped.
#[derive(Serialize)]
pub struct Mark {
    t: f64,
    x: f64,
    y: f64,
    kind: String,
    label: String,
    claim: Option<String>,
    /// How many facts it stands for.
    count: usize,
}

/// A post held, as a bar.
#[derive(Serialize)]
pub struct Bar {
    t0: f64,
    t1: f64,
    x: f64,
    w: f64,
    y: f64,
    label: String,
    claim: Option<String>,
}

/// A year on the axis.
#[derive(Serialize)]
pub struct Tick {
    x: f64,
    label: String,
}

/// The timeline's geometry.
#[derive(Serialize, Default)]
pub struct Timeline {
    from: f64,
    to: f64,
    height: f64,
    /// Each lane's label (cut to fit the margin), its height, and its whole name (the label's
    /// tooltip and accessible name).
    lanes: Vec<(String, f64, String)>,
    marks: Vec<Mark>,
    bars: Vec<Bar>,
    ticks: Vec<Tick>,
    undated: usize,
}

/// `YYYY[-MM[-DD]]` as a fractional year (the middle of the month or year it names).
pub fn year(date: &str) -> Option<f64> {
    let mut parts = date.split('-');
    let y: f64 = parts.next()?.get(..4)?.parse().ok()?;
    let m: Option<f64> = parts.next().and_then(|m| m.get(..2)?.parse().ok());
    let d: Option<f64> = parts.next().and_then(|d| d.get(..2)?.parse().ok());
    Some(match (m, d) {
        (Some(m), Some(d)) => y + (m - 1.0) / 12.0 + (d - 1.0) / 365.0,
        (Some(m), None) => y + (m - 0.5) / 12.0,
        _ => y + 0.5,
    })
}

fn x_of(t: f64, from: f64, to: f64) -> f64 {
    X0 + (t - from) / (to - from) * (X1 - X0)
}

/// Years to label between `from` and `to`: every 1, 2, 5, 10, ... years, about ten labels.
pub fn ticks(from: f64, to: f64) -> Vec<Tick> {
    let span = to - from;
    let step = [1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0]
        .into_iter()
        .find(|s| span / s <= 12.0)
        .unwrap_or(200.0);
    let mut y = (from / step).ceil() * step;
    let mut out = Vec::new();
    while y <= to {
        out.push(Tick { x: x_of(y, from, to), label: format!("{y:.0}") });
        y += step;
    }
    out
}

/// One dated fact: (date, kind, label, claim to open).
pub type Dated = (Option<String>, String, String, Option<String>);
/// One post: (start, end, title, claim to open).
pub type Held = (Option<String>, Option<String>, String, Option<String>);

/// The timeline of an entity's dated facts and posts.
pub fn timeline(facts: &[Dated], posts: &[Held]) -> Timeline {
    let dated: Vec<(f64, &Dated)> =
        facts.iter().filter_map(|f| Some((year(f.0.as_deref()?)?, f))).collect();
    let held: Vec<(Option<f64>, Option<f64>, &Held)> = posts
        .iter()
        .map(|p| (p.0.as_deref().and_then(year), p.1.as_deref().and_then(year), p))
        .filter(|(s, e, _)| s.is_some() || e.is_some())
        .collect();
    let times: Vec<f64> = dated
        .iter()
        .map(|d| d.0)
        .chain(held.iter().flat_map(|(s, e, _)| [*s, *e]).flatten())
        .collect();
    let undated = facts.len() - dated.len();
    if times.is_empty() {
        return Timeline { undated, ..Timeline::default() };
    }
    let min = times.iter().copied().fold(f64::INFINITY, f64::min);
    let max = times.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let (from, to) = if max - min < 1.0 { (min - 1.0, max + 1.0) } else { (min - 0.5, max + 0.5) };
    // One lane per post (posts overlap in time: one lane would hide them under each
    // other), then one per kind of fact.
    let short = |t: &str| {
        let mut s: String = t.chars().take(22).collect();
        if t.chars().count() > 22 {
            s.push('…');
        }
        s
    };
    let post_lanes: Vec<(String, String)> =
        held.iter().map(|(_, _, p)| (short(&p.2), p.2.clone())).collect();
    let mut lanes: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, f) in &dated {
        let n = post_lanes.len() + lanes.len();
        lanes.entry(f.1.as_str()).or_insert(n);
    }
    let y = |lane: usize| TOP + lane as f64 * LANE + LANE / 2.0;
    let mut marks: Vec<Mark> = dated
        .iter()
        .map(|(t, f)| Mark {
            t: *t,
            x: x_of(*t, from, to),
            y: y(lanes[f.1.as_str()]),
            kind: f.1.clone(),
            label: format!("{} · {}", f.0.as_deref().unwrap_or(""), f.2),
            claim: f.3.clone(),
            count: 1,
        })
        .collect();
    if marks.len() > MARKS {
        marks = grouped(marks, from, to);
    }
    let bars = held
        .iter()
        .enumerate()
        .map(|(lane, (s, e, p))| {
            let (t0, t1) = (s.unwrap_or(from), e.unwrap_or(to));
            Bar {
                t0,
                t1,
                x: x_of(t0, from, to),
                w: (x_of(t1, from, to) - x_of(t0, from, to)).max(3.0),
                y: y(lane) - 7.0,
                label: format!(
                    "{} ({} to {})",
                    p.2,
                    p.0.as_deref().unwrap_or("?"),
                    p.1.as_deref().unwrap_or("?")
                ),
                claim: p.3.clone(),
            }
        })
        .collect();
    let mut lane_list: Vec<(String, f64, String)> =
        post_lanes.iter().enumerate().map(|(i, (s, t))| (s.clone(), y(i), t.clone())).collect();
    // A kind of fact reads as words ("death report"), not as its identifier.
    lane_list.extend(lanes.iter().map(|(k, &i)| {
        let words = k.replace('_', " ");
        (short(&words), y(i), words)
    }));
    lane_list.sort_by(|a, b| a.1.total_cmp(&b.1));
    Timeline {
        from,
        to,
        height: TOP + lane_list.len() as f64 * LANE + 8.0,
        ticks: ticks(from, to),
        lanes: lane_list,
        marks,
        bars,
        undated,
    }
}

/// The marks grouped by lane and slot: one mark for each, at the mean of their times, that
/// says how many facts it stands for and from when to when, and opens the first.
fn grouped(mut marks: Vec<Mark>, from: f64, to: f64) -> Vec<Mark> {
    let slot = |t: f64| ((t - from) / (to - from) * SLOTS).floor() as i64;
    marks.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.t.total_cmp(&b.t)));
    let mut out: Vec<(Mark, f64, String, String)> = Vec::new();
    for m in marks {
        let date = m.label.split(" · ").next().unwrap_or("").to_string();
        match out.last_mut() {
            Some((g, sum, _, last)) if g.y == m.y && slot(g.t) == slot(m.t) => {
                g.count += 1;
                *sum += m.t;
                *last = date;
            }
            _ => {
                let t = m.t;
                out.push((m, t, date.clone(), date));
            }
        }
    }
    out.into_iter()
        .map(|(mut g, sum, first, last)| {
            if g.count > 1 {
                g.t = sum / g.count as f64;
                g.x = x_of(g.t, from, to);
                let span = if first == last { first } else { format!("{first} to {last}") };
                g.label = format!("{} {} facts, {span}; the first: {}", g.count, g.kind, g.label);
            }
            g
        })
        .collect()
}

/// A node placed.
#[derive(Serialize)]
pub struct Place {
    id: String,
    name: String,
    kind: String,
    weight: usize,
    x: f64,
    y: f64,
    r: f64,
    anchor: &'static str,
    /// Where its name is written (beside it, or above and below it at the top and bottom),
    /// cut to a length that stays inside the picture (the full name is its tooltip).
    lx: f64,
    ly: f64,
    label: String,
}

/// A link placed.
#[derive(Serialize)]
pub struct Link {
    a: usize,
    b: usize,
    x1: f64,
    y1: f64,
    x2: f64,
    y2: f64,
    width: f64,
    label: String,
    claim: Option<String>,
}

/// The network's geometry.
#[derive(Serialize, Default)]
pub struct Network {
    nodes: Vec<Place>,
    links: Vec<Link>,
    left_out: usize,
}

/// The neighbourhood drawn: the entity in the middle, neighbours on a circle (most tied
/// first, clockwise from the top).
pub fn network(n: &Neighbourhood) -> Network {
    let (cx, cy, radius) = (460.0, 260.0, 200.0);
    let others = n.nodes.len().saturating_sub(1).max(1) as f64;
    let nodes: Vec<Place> = n
        .nodes
        .iter()
        .enumerate()
        .map(|(i, node)| {
            let (x, y) = if i == 0 {
                (cx, cy)
            } else {
                let angle =
                    (i - 1) as f64 / others * std::f64::consts::TAU - std::f64::consts::FRAC_PI_2;
                (cx + radius * angle.cos(), cy + radius * angle.sin())
            };
            let r = if i == 0 { 14.0 } else { 5.0 + (node.weight.min(9) as f64) };
            let anchor = if i == 0 || (x - cx).abs() < 1.0 {
                "middle"
            } else if x > cx {
                "start"
            } else {
                "end"
            };
            let (lx, ly) = match anchor {
                "start" => (x + r + 3.0, y + 4.0),
                "end" => (x - r - 3.0, y + 4.0),
                _ if i > 0 && y < cy => (x, y - r - 5.0),
                _ => (x, y + r + 14.0),
            };
            let mut label: String = node.name.chars().take(32).collect();
            if node.name.chars().count() > 32 {
                label.push('…');
            }
            Place {
                id: node.id.clone(),
                name: node.name.clone(),
                kind: node.kind.clone(),
                weight: node.weight,
                x,
                y,
                r,
                anchor,
                lx,
                ly,
                label,
            }
        })
        .collect();
    let links = n
        .edges
        .iter()
        .map(|e| Link {
            a: e.a,
            b: e.b,
            x1: nodes[e.a].x,
            y1: nodes[e.a].y,
            x2: nodes[e.b].x,
            y2: nodes[e.b].y,
            width: 1.0 + (e.count.min(6) as f64) * 0.6,
            label: format!(
                "{} and {}: {} ({} assertions)",
                nodes[e.a].name,
                nodes[e.b].name,
                e.kinds.join(", "),
                e.count
            ),
            claim: e.claim.clone(),
        })
        .collect();
    Network { nodes, links, left_out: n.left_out }
}
