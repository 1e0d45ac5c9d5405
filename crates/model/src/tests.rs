//! Tests of the vocabulary types: date parsing and printing, hashes, metadata precedence.

use proptest::prelude::*;

use crate::{DateError, Field, Metadata, PartialDate, Provenance, Sha256};

#[test]
fn partial_dates_parse_and_print() {
    for s in ["2018", "2018-11", "2018-11-05", "2024-02-29"] {
        assert_eq!(s.parse::<PartialDate>().unwrap().to_string(), s);
    }
    assert!("2023-02-29".parse::<PartialDate>().is_err());
    assert!("2018-13".parse::<PartialDate>().is_err());
    assert!("18-11-05".parse::<PartialDate>().is_err());
    assert!("2018-1-5".parse::<PartialDate>().is_err());
    assert_eq!(PartialDate::year(99), Err(DateError::YearOutOfRange(99)));
}

#[test]
fn sha256_round_trips_through_hex() {
    let h = Sha256([0xab; 32]);
    assert_eq!(h.to_hex().parse::<Sha256>().unwrap(), h);
    assert!("abc".parse::<Sha256>().is_err());
}

#[test]
fn metadata_offer_keeps_the_first_value_and_set_overrides() {
    let mut m = Metadata::default();
    assert!(m.offer(Field::Title, "First", Provenance::HtmlMeta));
    assert!(!m.offer(Field::Title, "Second", Provenance::Text));
    assert_eq!(m.title.as_deref(), Some("First"));
    m.set(Field::Title, "Fixed", Provenance::Flag).unwrap();
    assert_eq!(m.title.as_deref(), Some("Fixed"));
    assert_eq!(m.sources[&Field::Title], Provenance::Flag);
    assert!(m.set(Field::Published, "24 Dec 2018", Provenance::Sidecar).is_err());
}

proptest! {
    #[test]
    fn any_valid_day_round_trips(y in 1000i32..=9999, m in 1u8..=12, d in 1u8..=31) {
        if let Ok(date) = PartialDate::day(y, m, d) {
            let again: PartialDate = date.to_string().parse().unwrap();
            prop_assert_eq!(again, date);
        }
    }
}

#[test]
fn date_ranges_order_and_overlap_at_the_precision_given() {
    use crate::DateRange;
    let year = DateRange::parse("2012").unwrap();
    let month = DateRange::parse("2012-07").unwrap();
    let span = DateRange::parse("2018-12-22/2018-12-23").unwrap();
    assert!(year.overlaps(&month));
    assert!(month.before(&span));
    assert!(!span.before(&month));
    assert_eq!(span.year(), 2018);
    assert_eq!(DateRange::parse("2019/2018"), None);
    assert_eq!(DateRange::parse("soon"), None);
}
