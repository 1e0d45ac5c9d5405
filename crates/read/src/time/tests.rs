//! Tests of the time tagger: the seeds' resolutions that issue 4 names, each rule family on
//! sentences of our own, and properties over arbitrary text.

use jiff::civil::{Date, date};
use proptest::prelude::*;

use super::{Interval, Precision, Timex, TimexType, tag};

/// The value of the expression that covers `needle`, or a failure listing what was found.
#[track_caller]
fn value_of(text: &str, dct: Option<Date>, needle: &str) -> String {
    let at = text.find(needle).unwrap_or_else(|| panic!("{needle:?} not in the text"));
    let (found, _) = tag(text, dct);
    found
        .iter()
        .find(|t| t.span.start <= at && at + needle.len() <= t.span.end)
        .unwrap_or_else(|| {
            panic!("no expression covers {needle:?}; found {:?}", summary(text, &found))
        })
        .value
        .clone()
}

fn summary<'a>(text: &'a str, found: &[Timex]) -> Vec<(&'a str, String)> {
    found.iter().map(|t| (&text[t.span.clone()], t.value.clone())).collect()
}

#[track_caller]
fn check(text: &str, dct: Option<Date>, expected: &[(&str, &str)]) {
    for (needle, value) in expected {
        assert_eq!(value_of(text, dct, needle), *value, "{needle:?} in {text:?}");
    }
}

// ---- Rule families, on our own sentences ----

const DCT: Option<Date> = Some(date(2021, 4, 20)); // A Tuesday.

#[test]
fn absolute_dates() {
    check(
        "The court sat on 2019-03-14, again on March 5, 2020 and on 7 June 2021; the ruling of 2022/01/09 followed.",
        DCT,
        &[
            ("2019-03-14", "2019-03-14"),
            ("March 5, 2020", "2020-03-05"),
            ("7 June 2021", "2021-06-07"),
            ("2022/01/09", "2022-01-09"),
        ],
    );
    check(
        "The embargo began in July 2014 and was lifted in 2016.",
        DCT,
        &[("July 2014", "2014-07"), ("2016", "2016")],
    );
    check(
        "The 1990s were violent; fiscal 1998 was worse.",
        DCT,
        &[("1990s", "199"), ("fiscal 1998", "1998")],
    );
}

#[test]
fn days_relative_to_publication() {
    check(
        "The minister resigned yesterday and his deputy will be sworn in tomorrow; the party meets today.",
        DCT,
        &[("yesterday", "2021-04-19"), ("tomorrow", "2021-04-21"), ("today", "2021-04-20")],
    );
}

#[test]
fn weekdays_follow_the_tense() {
    check("Police arrested the journalist on Friday.", DCT, &[("Friday", "2021-04-16")]);
    check("The trial will open on Friday.", DCT, &[("Friday", "2021-04-23")]);
    check("The envoy arrived last Tuesday.", DCT, &[("last Tuesday", "2021-04-13")]);
    check("The talks collapsed over the weekend.", DCT, &[("the weekend", "2021-W15-WE")]);
}

#[test]
fn months_and_days_without_a_year_follow_the_tense() {
    check("The decree was signed in November.", DCT, &[("November", "2020-11")]);
    check("Elections are scheduled for November.", DCT, &[("November", "2021-11")]);
    check(
        "He was detained on Jan. 12 and released in March.",
        DCT,
        &[("Jan. 12", "2021-01-12"), ("March", "2021-03")],
    );
    check("The commander was replaced last November.", DCT, &[("last November", "2020-11")]);
    check("He was shot last Oct. 23 at home.", DCT, &[("last Oct. 23", "2020-10-23")]);
    check(
        "On Friday the convoy left. At 10:35 a.m. it was attacked.",
        DCT,
        &[("10:35 a.m", "2021-04-16T10:35")],
    );
    // A deadline looks ahead even when the plan is reported in the past tense.
    check(
        "The ministry said the militia had agreed to disarm by February.",
        Some(date(2021, 10, 30)),
        &[("February", "2022-02")],
    );
    check("The curfew was extended through January.", DCT, &[("January", "2021-01")]);
    check("The vote this September was postponed.", DCT, &[("this September", "2021-09")]);
    // "due to" gives a cause here, not a schedule: the past verb beside the date decides.
    check(
        "She replaced the deputy, who resigned Jan. 8 due to the same scandal.",
        DCT,
        &[("Jan. 8", "2021-01-08")],
    );
    check(
        "The verdict is due to be read on March 3.",
        Some(date(2021, 4, 20)),
        &[("March 3", "2022-03-03")],
    );
    check(
        "The reduced dividend is payable Jan. 2, a spokesman said Friday.",
        Some(date(1989, 11, 1)),
        &[("Jan. 2", "1990-01-02"), ("Friday", "1989-10-27")],
    );
}

#[test]
fn spelled_years() {
    check(
        "Transcripts speak of January nineteen ninety-seven and of the year two thousand.",
        DCT,
        &[("January nineteen ninety-seven", "1997-01"), ("the year two thousand", "2000")],
    );
}

#[test]
fn centuries_seasons_and_recurring_months() {
    check(
        "The shrine dates from the 11th century; the fair is held each July.",
        DCT,
        &[("the 11th century", "10"), ("each July", "XXXX-07")],
    );
    check(
        "Shots were heard at 4 in the morning and again at 11 at night; the talks need two more weeks.",
        DCT,
        &[
            ("4 in the morning", "2021-04-20T04:00"),
            ("11 at night", "2021-04-20T23:00"),
            ("two more weeks", "P2W"),
        ],
    );
    check(
        "The siege began in the winter of nineteen ninety-four.",
        DCT,
        &[("the winter of nineteen ninety-four", "1994-WI")],
    );
}

#[test]
fn halves_and_two_digit_decades() {
    check(
        "Growth slowed in the second half of 2019, as in the last half of the '80s.",
        DCT,
        &[("the second half of 2019", "2019-H2"), ("the last half of the '80s", "198")],
    );
}

#[test]
fn a_period_of_a_named_year_follows_the_quarter_under_discussion() {
    let text = "Third-quarter profit rose to $5 million from $4 million in the 1988 period. \
                In the first nine months, sales were flat against the 1988 period.";
    let (found, _) = tag(text, Some(date(1989, 10, 30)));
    assert_eq!(
        summary(text, &found),
        [
            ("Third-quarter", "1989-Q3".to_string()),
            ("the 1988 period", "1988-Q3".to_string()),
            ("the first nine months", "P9M".to_string()),
            ("the 1988 period", "1988".to_string()),
        ]
    );
    let text = "Third-quarter net rose 8% from a year earlier. \
                For the first nine months, net fell 2% from a year earlier.";
    let (found, _) = tag(text, Some(date(1989, 10, 30)));
    let values: Vec<_> = found.iter().map(|t| t.value.as_str()).collect();
    assert_eq!(values, ["1989-Q3", "1988-Q3", "P9M", "1988"]);
}

#[test]
fn quarters_without_a_named_one_are_the_last_completed() {
    check(
        "The company reported a loss for the latest quarter.",
        Some(date(1999, 10, 28)),
        &[("the latest quarter", "1999-Q3")],
    );
}

#[test]
fn units_relative_to_publication() {
    check(
        "Sanctions imposed last month follow measures taken last year, and new ones are due next week.",
        DCT,
        &[("last month", "2021-03"), ("last year", "2020"), ("next week", "2021-W17")],
    );
    check(
        "Three years ago the agency changed its name; two weeks ago it moved.",
        DCT,
        &[("Three years ago", "2018"), ("two weeks ago", "2021-W14")],
    );
    check("Earlier this year the army chief was replaced.", DCT, &[("Earlier this year", "2021")]);
    check("Profit rose earlier in the year.", DCT, &[("earlier in the year", "2021")]);
    check(
        "Shelling resumed mid-afternoon yesterday and in the near term will go on.",
        DCT,
        &[("mid-afternoon yesterday", "2021-04-19TAF"), ("the near term", "FUTURE_REF")],
    );
    check(
        "The envoy arrived on March 3, 2021. The next morning he met the minister.",
        DCT,
        &[("The next morning", "2021-03-04")],
    );
    check(
        "Arrests rose in the past year and over the past decade.",
        DCT,
        &[("the past year", "2020"), ("the past decade", "P10Y")],
    );
    check("The week of March 6 was calm.", DCT, &[("The week of March 6", "2021-W09")]);
    check("Output rose in the third quarter.", DCT, &[("the third quarter", "2020-Q3")]);
}

#[test]
fn narrative_anchors_move_with_the_story() {
    check(
        "In May 2015 the general was appointed. Two years later he was dismissed, and three months later he fled.",
        DCT,
        &[("Two years later", "2017"), ("three months later", "2015-08")],
    );
    // A story date known to the year does not give a day.
    check(
        "The militia was formed in 1987. The next day it seized the port.",
        DCT,
        &[("The next day", "1987-XX-XX")],
    );
}

#[test]
fn durations_sets_and_times() {
    check(
        "He spent five years in prison and the last two months in hospital.",
        DCT,
        &[("five years", "P5Y"), ("the last two months", "P2M")],
    );
    check(
        "The 10-year sentence was cut; she waited three hours.",
        DCT,
        &[("10-year", "P10Y"), ("three hours", "PT3H")],
    );
    check(
        "The council meets weekly and publishes annually.",
        DCT,
        &[("weekly", "P1W"), ("annually", "P1Y")],
    );
    check(
        "The raid began at 4:30 a.m. and ended at 9 pm.",
        DCT,
        &[("4:30 a.m", "2021-04-20T04:30"), ("9 pm", "2021-04-20T21:00")],
    );
    check(
        "Elections are now due; the agency has recently been renamed.",
        DCT,
        &[("now", "PRESENT_REF"), ("recently", "PAST_REF")],
    );
}

#[test]
fn a_unit_after_a_quantity_is_a_rate() {
    let text = "The fund lost $2 million a year over five years.";
    let (found, _) = tag(text, DCT);
    let kinds: Vec<_> = found.iter().map(|t| (&text[t.span.clone()], t.kind)).collect();
    assert_eq!(kinds, [("a year", TimexType::Set), ("five years", TimexType::Duration)]);
}

#[test]
fn ranges_give_both_ends() {
    let text = "The summit takes place between the 3rd and 5th of May.";
    let (found, _) = tag(text, DCT);
    let t = &found[0];
    assert_eq!((t.value.as_str(), t.end.as_deref()), ("2021-05-03", Some("2021-05-05")));
    let i = t.interval().unwrap();
    assert_eq!((i.start, i.end), (date(2021, 5, 3), date(2021, 5, 5)));
}

#[test]
fn without_a_publication_date_relative_values_keep_their_x() {
    check(
        "Last month the office closed; on Friday it reopened, two years ago it had moved, and next week it moves again.",
        None,
        &[
            ("Last month", "XXXX-XX"),
            ("Friday", "XXXX-WXX-5"),
            ("two years ago", "XXXX"),
            ("next week", "XXXX-WXX"),
        ],
    );
}

#[test]
fn ambiguous_words_are_left_alone() {
    for text in [
        "The commission may decide to extend the mandate.",
        "Prices fall when the currency weakens.",
        "A 6-year-old boy was among the victims.",
        "The rally drew 2000 people to the square.",
        "Jan Kowalski was elected chairman.",
        "The index closed at 2082.1 points.",
        "The colonel, 52 years old, denied it.",
        "He was elected for a second term.",
        "They hold a quarter of the seats.",
        "Marchers joined this march on the capital.",
        "This is VOA Today.",
        "He spoke on This Week and on 60 Minutes.",
    ] {
        let (found, _) = tag(text, DCT);
        assert!(found.is_empty(), "{text:?} gave {:?}", summary(text, &found));
    }
}

#[test]
fn intervals_compare_precisions() {
    let year = Interval::of("2018").unwrap();
    let month = Interval::of("2018-11").unwrap();
    assert!(year.contains(&month));
    assert_eq!(year.intersect(&month), Some(month));
    assert_eq!(month.precision, Precision::Month);
    assert_eq!(
        Interval::of("2018-W51-WE").map(|i| (i.start, i.end)),
        Some((date(2018, 12, 22), date(2018, 12, 23)))
    );
    assert_eq!(Interval::of("2018-Q1").map(|i| i.end), Some(date(2018, 3, 31)));
    assert_eq!(Interval::of("199").map(|i| (i.start.year(), i.end.year())), Some((1990, 1999)));
    for not_a_point in ["P2Y", "PRESENT_REF", "XXXX-XX", "XXXX-WXX-1"] {
        assert_eq!(Interval::of(not_a_point), None, "{not_a_point}");
    }
}

#[test]
fn every_rule_compiles_and_types_are_timeml() {
    assert!(super::ENGLISH.rules.len() > 40);
    let (found, _) = tag("On Monday, March 1, 2021, for three days, every week", DCT);
    assert!(found.iter().all(|t| matches!(
        t.kind,
        TimexType::Date | TimexType::Time | TimexType::Duration | TimexType::Set
    )));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn tagging_is_deterministic_in_bounds_and_non_overlapping(
        text in "[A-Za-z0-9 ,.:'-]{0,200}",
        days in 0i64..20000,
    ) {
        let dct = date(1970, 1, 1).checked_add(jiff::Span::new().days(days)).ok();
        let (first, _) = tag(&text, dct);
        let (second, _) = tag(&text, dct);
        prop_assert_eq!(&first, &second);
        let mut last = 0;
        for t in &first {
            prop_assert!(t.span.start >= last && t.span.end <= text.len() && t.span.start < t.span.end);
            prop_assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
            last = t.span.end;
        }
    }

    #[test]
    fn calendar_values_of_relative_expressions_are_intervals(
        phrase in prop::sample::select(vec!["yesterday", "last month", "next year", "on Friday", "two weeks ago", "this quarter", "last summer", "in March"]),
        days in 0i64..20000,
    ) {
        let dct = date(1970, 1, 1).checked_add(jiff::Span::new().days(days)).unwrap();
        let text = format!("The board met {phrase}.");
        let (found, _) = tag(&text, Some(dct));
        prop_assert_eq!(found.len(), 1, "{:?}", found);
        prop_assert!(Interval::of(&found[0].value).is_some(), "{} gave {}", phrase, found[0].value);
    }
}
