//! A post's start and end told through the event that opened or closed it, on invented
//! sentences read by the real reader.

use crate::frames::test_support::{find, positions};

#[test]
fn the_date_of_the_event_that_closes_or_opens_a_post_bounds_it() {
    let c = positions(
        "Tomasz Wielgosz served as chief of the regional police from 2015 until his dismissal in 2021.",
    );
    let p = find(&c, "Wielgosz", "regional police").expect("a position");
    assert_eq!((p.field("start"), p.field("end")), (Some("2015"), Some("2021")), "{p:#?}");
    let c = positions(
        "Marisol Quenby was head of the state prison service until she resigned in 2018.",
    );
    let p = find(&c, "Quenby", "state prison service").expect("a position");
    assert_eq!(p.field("end"), Some("2018"), "{p:#?}");
    let c =
        positions("Kasimir Holl has been head of the tax service since his appointment in 2016.");
    let p = find(&c, "Holl", "tax service").expect("a position");
    assert_eq!((p.field("start"), p.field("end")), (Some("2016"), None), "{p:#?}");
}

#[test]
fn a_clause_that_closes_a_post_dates_its_end() {
    let c = positions(
        "Tomasz Wielgosz served as chief of the regional police from 2015 until he was sacked by President Edda Lorn in March 2022.",
    );
    let p = find(&c, "Wielgosz", "regional police").expect("a position");
    assert_eq!((p.field("start"), p.field("end")), (Some("2015"), Some("2022-03")), "{p:#?}");
}
