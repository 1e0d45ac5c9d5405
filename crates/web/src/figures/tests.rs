//! The figures' arithmetic: dates to positions, the axis's steps, and what is left undrawn.

use super::*;

#[test]
fn a_date_sits_in_the_middle_of_the_period_it_names() {
    assert_eq!(year("2022"), Some(2022.5));
    assert!((year("2022-03").unwrap() - (2022.0 + 2.5 / 12.0)).abs() < 1e-9);
    assert!((year("2022-03-01").unwrap() - (2022.0 + 2.0 / 12.0)).abs() < 1e-9);
    assert_eq!(year("March 2022"), None);
    assert_eq!(year(""), None);
}

#[test]
fn the_axis_labels_about_ten_years_at_round_steps() {
    let labels = |a, b| ticks(a, b).into_iter().map(|t| t.label).collect::<Vec<_>>();
    assert_eq!(labels(2019.6, 2023.2), ["2020", "2021", "2022", "2023"]);
    assert_eq!(labels(1990.0, 2024.0).first().map(String::as_str), Some("1990"));
    assert!(labels(1990.0, 2024.0).len() <= 12);
    let t = ticks(2000.0, 2010.0);
    assert!(t.iter().all(|t| (X0..=X1).contains(&t.x)));
}

#[test]
fn undated_facts_are_counted_not_drawn_and_marks_keep_their_claims() {
    let facts: Vec<Dated> = vec![
        (Some("2021-05-02".into()), "meeting".into(), "met".into(), Some("c1".into())),
        (None, "allegation".into(), "accused".into(), Some("c2".into())),
        (Some("2023".into()), "sanction".into(), "sanctioned".into(), None),
    ];
    let posts: Vec<Held> = vec![(Some("2020".into()), None, "director".into(), Some("c3".into()))];
    let t = timeline(&facts, &posts);
    assert_eq!((t.marks.len(), t.bars.len(), t.undated), (2, 1, 1));
    assert_eq!(t.marks[0].claim.as_deref(), Some("c1"));
    assert!(t.marks[0].x < t.marks[1].x, "earlier is further left");
    assert_eq!(t.lanes[0].0, "director", "each post on a lane of its own, first");
    assert_eq!(t.bars[0].t1, t.to, "an open post runs to the end");
    let none = timeline(&[], &[]);
    assert!(none.marks.is_empty() && none.bars.is_empty());
}

#[test]
fn past_the_limit_marks_of_a_lane_and_slot_are_one_that_counts_them() {
    // A thousand meetings over two years, one sanction, and a few facts under the limit.
    let mut facts: Vec<Dated> = (0..1000)
        .map(|i| {
            let date = format!("{}-{:02}-{:02}", 2020 + i / 500, i / 50 % 10 + 1, i % 28 + 1);
            (Some(date), "meeting".into(), format!("meeting {i}"), Some(format!("c{i}")))
        })
        .collect();
    facts.push((Some("2021-06".into()), "sanction".into(), "sanctioned".into(), Some("s".into())));
    let t = timeline(&facts, &[]);
    assert!(t.marks.len() <= SLOTS as usize + 2, "{} marks", t.marks.len());
    assert_eq!(t.marks.iter().map(|m| m.count).sum::<usize>(), 1001, "every fact counted");
    let sanction = t.marks.iter().find(|m| m.kind == "sanction").unwrap();
    assert_eq!((sanction.count, sanction.claim.as_deref()), (1, Some("s")), "alone, as it was");
    let group = t.marks.iter().find(|m| m.count > 1).unwrap();
    assert!(
        group.label.starts_with(&format!("{} meeting facts, 20", group.count)),
        "{}",
        group.label
    );
    assert!((X0..=X1).contains(&group.x));
    // Under the limit every fact is a mark of its own.
    let few = timeline(&facts[..MARKS], &[]);
    assert_eq!(few.marks.len(), MARKS);
    assert!(few.marks.iter().all(|m| m.count == 1));
}
