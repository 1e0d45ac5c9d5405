//! Calendar values as intervals of days, so that "2018" and "2018-11" can be compared.

use jiff::ToSpan;
use jiff::civil::{Date, ISOWeekDate, Weekday};

/// How precisely an interval was stated.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug, Hash)]
pub enum Precision {
    /// One day.
    Day,
    /// An ISO week or a weekend.
    Week,
    /// A calendar month.
    Month,
    /// A quarter.
    Quarter,
    /// A season (meteorological, northern hemisphere).
    Season,
    /// A calendar year.
    Year,
    /// A decade ("199" is the 1990s).
    Decade,
    /// A century ("19" is the 1900s).
    Century,
}

/// The days a calendar value covers: from `start` to `end`, both included.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub struct Interval {
    /// The earliest day.
    pub start: Date,
    /// The latest day.
    pub end: Date,
    /// How precisely the value was stated.
    pub precision: Precision,
}

fn date(y: i64, m: i64, d: i64) -> Option<Date> {
    Date::new(i16::try_from(y).ok()?, i8::try_from(m).ok()?, i8::try_from(d).ok()?).ok()
}

fn last_day(y: i64, m: i64) -> Option<Date> {
    Some(date(y, m, 1)?.last_of_month())
}

impl Interval {
    /// The interval of a TimeML value, or `None` for values that are not calendar points
    /// (durations, `PRESENT_REF`, values with X's).
    pub fn of(value: &str) -> Option<Interval> {
        let v = value.split('T').next()?;
        let parts: Vec<&str> = v.split('-').collect();
        let num = |s: &str| -> Option<i64> {
            s.bytes().all(|b| b.is_ascii_digit()).then(|| s.parse().ok()).flatten()
        };
        let span = |start: Date, end: Date, precision| Some(Interval { start, end, precision });
        match parts.as_slice() {
            [y] if y.len() == 4 => {
                let y = num(y)?;
                span(date(y, 1, 1)?, date(y, 12, 31)?, Precision::Year)
            }
            [d] if d.len() == 3 => {
                let d = num(d)?;
                span(date(d * 10, 1, 1)?, date(d * 10 + 9, 12, 31)?, Precision::Decade)
            }
            [c] if c.len() == 2 => {
                let c = num(c)?;
                span(date(c * 100, 1, 1)?, date(c * 100 + 99, 12, 31)?, Precision::Century)
            }
            [y, m] if m.len() == 2 && m.bytes().all(|b| b.is_ascii_digit()) => {
                let (y, m) = (num(y)?, num(m)?);
                span(date(y, m, 1)?, last_day(y, m)?, Precision::Month)
            }
            [y, q] if q.starts_with('Q') => {
                let (y, q) = (num(y)?, num(&q[1..])?);
                if !(1..=4).contains(&q) {
                    return None;
                }
                span(date(y, q * 3 - 2, 1)?, last_day(y, q * 3)?, Precision::Quarter)
            }
            [y, s] if matches!(*s, "SP" | "SU" | "FA" | "WI") => {
                let y = num(y)?;
                let (first, last) = match *s {
                    "SP" => (date(y, 3, 1)?, last_day(y, 5)?),
                    "SU" => (date(y, 6, 1)?, last_day(y, 8)?),
                    "FA" => (date(y, 9, 1)?, last_day(y, 11)?),
                    _ => (date(y, 12, 1)?, last_day(y + 1, 2)?),
                };
                span(first, last, Precision::Season)
            }
            [y, w, rest @ ..] if w.starts_with('W') => {
                let (y, w) = (num(y)?, num(&w[1..])?);
                let monday = ISOWeekDate::new(
                    i16::try_from(y).ok()?,
                    i8::try_from(w).ok()?,
                    Weekday::Monday,
                )
                .ok()?
                .date();
                match rest {
                    [] => span(monday, monday.checked_add(6.days()).ok()?, Precision::Week),
                    ["WE"] => span(
                        monday.checked_add(5.days()).ok()?,
                        monday.checked_add(6.days()).ok()?,
                        Precision::Week,
                    ),
                    [d] => {
                        let day = monday.checked_add((num(d)? - 1).days()).ok()?;
                        span(day, day, Precision::Day)
                    }
                    _ => None,
                }
            }
            [y, m, d] => {
                let day = date(num(y)?, num(m)?, num(d)?)?;
                span(day, day, Precision::Day)
            }
            _ => None,
        }
    }

    /// From this interval's start to `other`'s end, at this interval's precision.
    pub fn through(&self, other: &Interval) -> Interval {
        Interval { start: self.start, end: other.end.max(self.end), precision: self.precision }
    }

    /// The days both intervals cover, at the finer precision of the two.
    pub fn intersect(&self, other: &Interval) -> Option<Interval> {
        let start = self.start.max(other.start);
        let end = self.end.min(other.end);
        (start <= end).then(|| Interval {
            start,
            end,
            precision: self.precision.min(other.precision),
        })
    }

    /// Whether `other` lies entirely within this interval.
    pub fn contains(&self, other: &Interval) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}
