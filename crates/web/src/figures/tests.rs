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
