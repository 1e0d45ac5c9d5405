//! Calendar dates known to a given precision.

use std::fmt;
use std::str::FromStr;

/// A date known to the year, to the month, or to the day ("2018", "2018-11", "2018-11-05").
///
/// News rarely gives more than it knows, and neither may we: a publication date printed as
/// "November 2018" stays a month, never becomes the first of the month.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct PartialDate {
    year: i32,
    month: Option<u8>,
    day: Option<u8>,
}

/// A date that does not exist or a string that is not an ISO 8601 calendar date.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DateError {
    /// The string is not of the form `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[error("not a date of the form YYYY, YYYY-MM or YYYY-MM-DD: {0:?}")]
    Syntax(String),
    /// The parts are well formed but name no day of the calendar.
    #[error("no such date: {year}-{month:02}-{day:02}")]
    NoSuchDay {
        /// The year given.
        year: i32,
        /// The month given.
        month: u8,
        /// The day given.
        day: u8,
    },
    /// The month is not 1 to 12.
    #[error("no such month: {0}")]
    NoSuchMonth(u8),
    /// The year is outside 1000..=9999, which no document of ours can carry.
    #[error("year out of range: {0}")]
    YearOutOfRange(i32),
}

impl PartialDate {
    /// A year alone.
    pub fn year(year: i32) -> Result<Self, DateError> {
        check_year(year)?;
        Ok(PartialDate { year, month: None, day: None })
    }

    /// A year and a month.
    pub fn month(year: i32, month: u8) -> Result<Self, DateError> {
        check_year(year)?;
        if !(1..=12).contains(&month) {
            return Err(DateError::NoSuchMonth(month));
        }
        Ok(PartialDate { year, month: Some(month), day: None })
    }

    /// A full calendar date.
    pub fn day(year: i32, month: u8, day: u8) -> Result<Self, DateError> {
        let m = Self::month(year, month)?;
        if day == 0 || day > days_in_month(year, month) {
            return Err(DateError::NoSuchDay { year, month, day });
        }
        Ok(PartialDate { day: Some(day), ..m })
    }

    /// The year.
    pub fn get_year(&self) -> i32 {
        self.year
    }

    /// The month, if known.
    pub fn get_month(&self) -> Option<u8> {
        self.month
    }

    /// The day of the month, if known.
    pub fn get_day(&self) -> Option<u8> {
        self.day
    }
}

fn check_year(year: i32) -> Result<(), DateError> {
    if (1000..=9999).contains(&year) { Ok(()) } else { Err(DateError::YearOutOfRange(year)) }
}

/// Days in a month of the proleptic Gregorian calendar.
pub(crate) fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl FromStr for PartialDate {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let syntax = || DateError::Syntax(s.to_string());
        let parts: Vec<&str> = s.trim().split('-').collect();
        let num = |p: &str, len: usize| -> Result<u32, DateError> {
            if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) {
                p.parse().map_err(|_| syntax())
            } else {
                Err(syntax())
            }
        };
        match parts.as_slice() {
            [y] => Self::year(num(y, 4)? as i32),
            [y, m] => Self::month(num(y, 4)? as i32, num(m, 2)? as u8),
            [y, m, d] => Self::day(num(y, 4)? as i32, num(m, 2)? as u8, num(d, 2)? as u8),
            _ => Err(syntax()),
        }
    }
}

impl serde::Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for PartialDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// The days an ISO date or interval may stand for: "2018" is any day of 2018,
/// "2018-12-22/2018-12-23" any of those two. Days are numbered `yyyymmdd`, which orders them
/// without a calendar (a month's last day is taken as its 31st: only order matters here).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct DateRange {
    /// The earliest day.
    pub lo: u32,
    /// The latest day.
    pub hi: u32,
}

impl DateRange {
    /// Reads `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or two of them joined by `/`.
    pub fn parse(s: &str) -> Option<DateRange> {
        let (a, b) = s.split_once('/').unwrap_or((s, s));
        let (a, b) = (a.trim().parse::<PartialDate>().ok()?, b.trim().parse::<PartialDate>().ok()?);
        let lo = Self::first_day(&a);
        let hi = Self::last_day(&b);
        (lo <= hi).then_some(DateRange { lo, hi })
    }

    fn first_day(d: &PartialDate) -> u32 {
        let y = d.get_year().max(0) as u32;
        y * 10_000
            + u32::from(d.get_month().unwrap_or(1)) * 100
            + u32::from(d.get_day().unwrap_or(1))
    }

    fn last_day(d: &PartialDate) -> u32 {
        let y = d.get_year().max(0) as u32;
        y * 10_000
            + u32::from(d.get_month().unwrap_or(12)) * 100
            + u32::from(d.get_day().unwrap_or(31))
    }

    /// Whether some day is in both.
    pub fn overlaps(&self, other: &DateRange) -> bool {
        self.lo <= other.hi && other.lo <= self.hi
    }

    /// Whether every day of `self` is before every day of `other`.
    pub fn before(&self, other: &DateRange) -> bool {
        self.hi < other.lo
    }

    /// The year of the earliest day.
    pub fn year(&self) -> u32 {
        self.lo / 10_000
    }
}
