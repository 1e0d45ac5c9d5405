//! The value functions that rule files call: from captured slots, an anchor and the tense of
//! the sentence to a TimeML value.
//!
//! Without an anchor (no publication date and no earlier absolute date), every relative value
//! comes out with X's ("XXXX-XX", "XXXX-WXX-1"): unresolved, never guessed.

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

use super::{Precision, Tense};

/// What a value function may look at besides its arguments.
pub(crate) struct Context<'a> {
    /// The anchor date, when known.
    pub anchor: Option<Date>,
    /// How precisely the anchor is known, when it is a date of the story ("in 2015 ... that
    /// day") rather than the publication date: a shift finer than it keeps X's.
    pub precision: Option<Precision>,
    /// The tense of the sentence around the expression.
    pub tense: Tense,
    /// The matched text, for functions that read it (clock times, "half a year").
    pub matched: &'a str,
}

/// A normalised value and, for ranges, the value of the range's end.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Normalised {
    pub value: String,
    pub end: Option<String>,
}

impl Normalised {
    fn of(value: impl Into<String>) -> Option<Normalised> {
        Some(Normalised { value: value.into(), end: None })
    }
}

/// Evaluates `name(arg, ...)`, whose slots have already been substituted.
pub(crate) fn evaluate(expr: &str, ctx: &Context<'_>) -> Option<Normalised> {
    let open = expr.find('(')?;
    let name = expr[..open].trim();
    let inner = expr[open + 1..].trim_end().strip_suffix(')')?;
    let args: Vec<&str> = inner.split(',').map(str::trim).collect();
    let arg = |i: usize| args.get(i).copied().unwrap_or("");
    let num = |i: usize| arg(i).parse::<i64>().ok();
    // A year said in words from argument `i` on: century, tens, optional digit (19, 9, 7).
    let spelled = |i: usize| Some(format!("{}{}{}", num(i)?, num(i + 1)?, num(i + 2).unwrap_or(0)));
    let a = ctx.anchor;
    match name {
        "literal" | "ref" => Normalised::of(arg(0)),
        "date" => {
            let d = Date::new(num(0)? as i16, num(1)? as i8, num(2)? as i8).ok()?;
            Normalised::of(day_value(d))
        }
        "month" => Normalised::of(format!("{:04}-{:02}", num(0)?, month_in_range(num(1)?)?)),
        "year" => Normalised::of(format!("{:04}", num(0)?)),
        "decade" => Normalised::of(format!("{:03}", num(0)? / 10)),
        "halfyear" => Normalised::of(format!("{:04}-H{}", num(0)?, num(1)?)),
        "quarteryear" => Normalised::of(format!("{:04}-Q{}", num(0)?, num(1)?)),
        "seasonyear" => Normalised::of(format!("{:04}-{}", num(0)?, arg(1))),
        "monthday" => {
            let (m, d) = (month_in_range(num(0)?)?, num(1)?);
            match a {
                Some(anchor) => {
                    let year = year_for(anchor, m, d, ctx.tense);
                    Normalised::of(day_value(Date::new(year as i16, m as i8, d as i8).ok()?))
                }
                None => Normalised::of(format!("XXXX-{m:02}-{d:02}")),
            }
        }
        "weekof" => {
            let (m, d) = (month_in_range(num(0)?)?, num(1)?);
            Normalised::of(match a {
                Some(anchor) => {
                    let year = year_for(anchor, m, d, ctx.tense);
                    let week = Date::new(year as i16, m as i8, d as i8).ok()?.iso_week_date();
                    format!("{:04}-W{:02}", week.year(), week.week())
                }
                None => "XXXX-WXX".to_string(),
            })
        }
        "someweek" => Normalised::of(match a {
            Some(anchor) => format!("{:04}-WXX", anchor.year()),
            None => "XXXX-WXX".to_string(),
        }),
        "lastmonthday" => {
            let (m, d) = (month_in_range(num(0)?)?, num(1)?);
            Normalised::of(match a {
                Some(anchor) => {
                    let later = (m, d) > (anchor.month() as i64, anchor.day() as i64);
                    let year = anchor.year() as i64 - i64::from(later);
                    day_value(Date::new(year as i16, m as i8, d as i8).ok()?)
                }
                None => format!("XXXX-{m:02}-{d:02}"),
            })
        }
        "dayrange" => {
            let (m, d1, d2) = (month_in_range(num(0)?)?, num(1)?, num(2)?);
            let year = a.map(|anchor| year_for(anchor, m, d1, ctx.tense));
            let fmt = |d: i64| match year {
                Some(y) => format!("{y:04}-{m:02}-{d:02}"),
                None => format!("XXXX-{m:02}-{d:02}"),
            };
            Some(Normalised { value: fmt(d1), end: Some(fmt(d2)) })
        }
        "monthonly" | "monthnear" => {
            let m = month_in_range(num(0)?)?;
            let tense = if name == "monthnear" { Tense::Present } else { ctx.tense };
            match a {
                Some(anchor) => {
                    let mut year = anchor.year() as i64;
                    let here = anchor.month() as i64;
                    match tense {
                        Tense::Past if m > here => year -= 1,
                        Tense::Future if m < here => year += 1,
                        // Without a tense, the nearer of the two.
                        Tense::Present if m > here && m - here > 6 => year -= 1,
                        Tense::Present if m < here && here - m > 6 => year += 1,
                        _ => {}
                    }
                    Normalised::of(format!("{year:04}-{m:02}"))
                }
                None => Normalised::of(format!("XXXX-{m:02}")),
            }
        }
        "monthshift" => {
            let (m, n) = (month_in_range(num(0)?)?, num(1)?);
            match a {
                Some(anchor) => {
                    let here = anchor.month() as i64;
                    let mut year = anchor.year() as i64;
                    if n < 0 && m >= here {
                        year -= 1;
                    } else if n > 0 && m <= here {
                        year += 1;
                    }
                    Normalised::of(format!("{year:04}-{m:02}"))
                }
                None => Normalised::of(format!("XXXX-{m:02}")),
            }
        }
        "shift" => {
            let n = if arg(1) == "relative_of_match" {
                let t = ctx.matched.to_ascii_lowercase();
                if t.contains("previous") || t.contains("preceding") { "-1" } else { "1" }
            } else {
                arg(1)
            };
            let shifted = shift(arg(0), n, a, ctx.matched)?;
            Some(Normalised { value: mask_finer(&shifted.value, ctx.precision), end: None })
        }
        "quartershift" => {
            let (q, n) = (num(0)?, num(1)?);
            Normalised::of(match a {
                Some(anchor) => format!("{:04}-Q{q}", anchor.year() as i64 + n),
                None => format!("XXXX-Q{q}"),
            })
        }
        "monthofyear" => {
            let (m, n) = (month_in_range(num(0)?)?, num(1)?);
            Normalised::of(match a {
                Some(anchor) => format!("{:04}-{m:02}", anchor.year() as i64 + n),
                None => format!("XXXX-{m:02}"),
            })
        }
        "quarter" => {
            let q = num(0)?;
            Normalised::of(match a {
                // Results are reported after a quarter ends: a later quarter than the
                // anchor's is last year's.
                Some(anchor) => {
                    let here = (anchor.month() as i64 - 1) / 3 + 1;
                    let year = anchor.year() as i64 - i64::from(q > here);
                    format!("{year:04}-Q{q}")
                }
                None => format!("XXXX-Q{q}"),
            })
        }
        "season" => {
            let n = num(0).unwrap_or(0);
            let season = arg(1);
            Normalised::of(match a {
                Some(anchor) => format!("{:04}-{season}", season_year(anchor, season, n)),
                None => format!("XXXX-{season}"),
            })
        }
        "weekday" => {
            let w = num(0)?;
            Normalised::of(match a {
                Some(anchor) => day_value(weekday_near(anchor, w, ctx.tense, false)?),
                None => format!("XXXX-WXX-{w}"),
            })
        }
        "weekdayshift" => {
            let (w, n) = (num(0)?, num(1)?);
            let tense = if n < 0 { Tense::Past } else { Tense::Future };
            Normalised::of(match a {
                Some(anchor) => day_value(weekday_near(anchor, w, tense, true)?),
                None => format!("XXXX-WXX-{w}"),
            })
        }
        "weekdaypart" => {
            let w = num(0)?;
            Normalised::of(match a {
                Some(anchor) => {
                    format!("{}T{}", day_value(weekday_near(anchor, w, ctx.tense, false)?), arg(1))
                }
                None => format!("XXXX-WXX-{w}T{}", arg(1)),
            })
        }
        "partofday" => {
            let n = num(0)?;
            Normalised::of(match a {
                Some(anchor) => {
                    format!("{}T{}", day_value(anchor.checked_add(n.days()).ok()?), arg(1))
                }
                None => format!("XXXX-XX-XXT{}", arg(1)),
            })
        }
        "weekend" => Normalised::of(match a {
            Some(anchor) => {
                let saturday = weekday_near(anchor, 6, ctx.tense, false)?;
                let week = saturday.iso_week_date();
                format!("{:04}-W{:02}-WE", week.year(), week.week())
            }
            None => "XXXX-WXX-WE".to_string(),
        }),
        "duration" => duration(arg(0), arg(1)),
        "half" => {
            let t = ctx.matched.to_ascii_lowercase();
            Normalised::of(if t.contains("year") {
                "P6M"
            } else if t.contains("hour") {
                "PT30M"
            } else {
                "PT12H"
            })
        }
        "clock" => {
            let mut hour = num(0)?;
            let minute = num(1).unwrap_or(0);
            let t = ctx.matched.to_ascii_lowercase().replace('.', "");
            let words: Vec<&str> = t.split(|c: char| !c.is_ascii_alphanumeric()).collect();
            let later_part = words.iter().any(|w| ["afternoon", "evening"].contains(w))
                || words.contains(&"night") && hour >= 6;
            let pm = later_part
                || words.iter().any(|w| {
                    *w == "pm"
                        || w.ends_with("pm") && w[..w.len() - 2].bytes().all(|b| b.is_ascii_digit())
                });
            let am = words.iter().any(|w| {
                *w == "am"
                    || w.ends_with("am") && w[..w.len() - 2].bytes().all(|b| b.is_ascii_digit())
            });
            if pm && hour < 12 {
                hour += 12;
            } else if am && hour == 12 {
                hour = 0;
            }
            if hour > 24 || minute > 59 {
                return None;
            }
            Normalised::of(match a {
                Some(anchor) => format!("{}T{hour:02}:{minute:02}", day_value(anchor)),
                None => format!("XXXX-XX-XXT{hour:02}:{minute:02}"),
            })
        }
        "holiday" => {
            let thanksgiving = arg(0) == "thanksgiving";
            let (m, d): (i64, i64) = match arg(0).split_once('-') {
                Some((m, d)) => (m.parse().ok()?, d.parse().ok()?),
                None if thanksgiving => (11, 25),
                None => return None,
            };
            let Some(anchor) = a else {
                return Normalised::of(if thanksgiving {
                    "XXXX-11-XX".to_string()
                } else {
                    format!("XXXX-{m:02}-{d:02}")
                });
            };
            let year = year_for(anchor, m, d, ctx.tense);
            let d = if thanksgiving {
                // The fourth Thursday of November of that year.
                let first = Date::new(year as i16, 11, 1).ok()?;
                1 + (4 - first.weekday().to_monday_one_offset() as i64).rem_euclid(7) + 21
            } else {
                d
            };
            Normalised::of(day_value(Date::new(year as i16, m as i8, d as i8).ok()?))
        }
        "clockday" | "clockdate" => {
            let time = evaluate(&format!("clock({}, {})", arg(0), arg(1)), ctx)?.value;
            let time = &time[time.find('T')?..];
            let day = if name == "clockday" {
                evaluate(&format!("weekday({})", arg(2)), ctx)?.value
            } else {
                evaluate(&format!("monthday({}, {})", arg(2), arg(3)), ctx)?.value
            };
            Normalised::of(format!("{day}{time}"))
        }
        "noon" => {
            let time = if ctx.matched.to_ascii_lowercase().starts_with("midnight") {
                "T24:00"
            } else {
                "T12:00"
            };
            let day = if arg(0).is_empty() {
                evaluate("shift(D, 0)", ctx)?.value
            } else {
                evaluate(&format!("weekday({})", arg(0)), ctx)?.value
            };
            Normalised::of(format!("{day}{time}"))
        }
        "everyweekdaypart" => Normalised::of(format!("XXXX-WXX-{}T{}", num(0)?, arg(1))),
        "halfmore" => {
            let n = num(0)?;
            Normalised::of(match arg(1) {
                "Y" => format!("P{n}Y6M"),
                "M" => format!("P{n}M15D"),
                "D" => format!("P{n}DT12H"),
                "H" => format!("PT{n}H30M"),
                "MIN" => format!("PT{n}M30S"),
                u => format!("P{n}.5{u}"),
            })
        }
        "spelledyear" => Normalised::of(spelled(0)?),
        "yearplus" => Normalised::of(format!("{:04}", num(0)? + num(1).unwrap_or(0))),
        "spelledmonth" => {
            Normalised::of(format!("{}-{:02}", spelled(1)?, month_in_range(num(0)?)?))
        }
        "spelledseason" => Normalised::of(format!("{}-{}", spelled(1)?, arg(0))),
        "century" => {
            let n = num(0)?;
            (1..=30).contains(&n).then(|| Normalised { value: format!("{:02}", n - 1), end: None })
        }
        "spelleddecade" => {
            let t = ctx.matched.to_ascii_lowercase();
            let tens = [
                "twenties",
                "thirties",
                "forties",
                "fifties",
                "sixties",
                "seventies",
                "eighties",
                "nineties",
            ]
            .iter()
            .position(|w| t.ends_with(w))? as i64
                + 2;
            Normalised::of(format!("19{tens}"))
        }
        "everymonth" => Normalised::of(format!("XXXX-{:02}", month_in_range(num(0)?)?)),
        "everyweekday" => Normalised::of(format!("XXXX-WXX-{}", num(0)?)),
        _ => None,
    }
}

fn month_in_range(m: i64) -> Option<i64> {
    (1..=12).contains(&m).then_some(m)
}

fn day_value(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// The year of "month day" without a year: the anchor's, moved back when a past-tense
/// sentence names a later day, forward when a future-tense one names an earlier day.
fn year_for(anchor: Date, month: i64, day: i64, tense: Tense) -> i64 {
    let year = anchor.year() as i64;
    let later = (month, day) > (anchor.month() as i64, anchor.day() as i64);
    let earlier = (month, day) < (anchor.month() as i64, anchor.day() as i64);
    // A date a few weeks ahead in a past-tense report is a forthcoming one ("said it will be
    // paid Dec. 7"), not last year's.
    let soon = later && (month - anchor.month() as i64).rem_euclid(12) <= 2;
    match tense {
        Tense::Past if later && !soon => year - 1,
        Tense::Future if earlier => year + 1,
        _ => year,
    }
}

fn to_weekday(w: i64) -> Option<Weekday> {
    Weekday::from_monday_one_offset(i8::try_from(w).ok()?).ok()
}

/// The weekday `w` nearest the anchor in the tense's direction. `strict` excludes the anchor
/// day itself ("last Friday" said on a Friday is a week ago; "on Friday" said on a Friday in
/// the past tense is that day).
fn weekday_near(anchor: Date, w: i64, tense: Tense, strict: bool) -> Option<Date> {
    let target = to_weekday(w)?;
    let here = anchor.weekday();
    let diff = target.to_monday_one_offset() as i64 - here.to_monday_one_offset() as i64;
    let offset = match tense {
        Tense::Future => {
            let d = diff.rem_euclid(7);
            if d == 0 && strict { 7 } else { d }
        }
        // News reports what happened: past and present both look back.
        Tense::Past | Tense::Present => {
            let d = -((-diff).rem_euclid(7));
            if d == 0 && strict { -7 } else { d }
        }
    };
    anchor.checked_add(offset.days()).ok()
}

fn season_year(anchor: Date, season: &str, n: i64) -> i64 {
    // Seasons by their middle month, northern hemisphere.
    let middle = match season {
        "SP" => 4,
        "SU" => 7,
        "FA" => 10,
        _ => 1,
    };
    let year = anchor.year() as i64;
    let here = anchor.month() as i64;
    match n {
        n if n < 0 => {
            if middle < here {
                year
            } else {
                year - 1
            }
        }
        n if n > 0 => {
            if middle > here {
                year
            } else {
                year + 1
            }
        }
        _ => year,
    }
}

fn unit_from_text(t: &str) -> &'static str {
    let t = t.to_ascii_lowercase();
    if t.contains("year") {
        "Y"
    } else if t.contains("month") {
        "M"
    } else if t.contains("week") {
        "W"
    } else if t.contains("quarter") {
        "Q"
    } else {
        "D"
    }
}

/// The anchor moved by `n` units, at the precision of the unit.
fn shift(unit: &str, n: &str, anchor: Option<Date>, matched: &str) -> Option<Normalised> {
    let unit = if unit == "unit_of_match" { unit_from_text(matched) } else { unit };
    if n.trim_start_matches('-') == "X" {
        return Normalised::of(if n.starts_with('-') { "PAST_REF" } else { "FUTURE_REF" });
    }
    let n: i64 = n.parse().ok()?;
    let Some(a) = anchor else {
        return Normalised::of(match unit {
            "D" | "H" | "MIN" | "S" => "XXXX-XX-XX",
            "W" => "XXXX-WXX",
            "M" => "XXXX-XX",
            "Q" => "XXXX-QX",
            "DE" => "XXX",
            "CE" => "XX",
            _ => "XXXX",
        });
    };
    Normalised::of(match unit {
        "D" | "H" | "MIN" | "S" => day_value(a.checked_add(n.days()).ok()?),
        "W" => {
            let w = a.checked_add(n.weeks()).ok()?.iso_week_date();
            format!("{:04}-W{:02}", w.year(), w.week())
        }
        "M" => {
            let d = a.checked_add(n.months()).ok()?;
            format!("{:04}-{:02}", d.year(), d.month())
        }
        "Q" => {
            let q = (a.month() as i64 - 1) / 3 + n;
            let year = a.year() as i64 + q.div_euclid(4);
            format!("{year:04}-Q{}", q.rem_euclid(4) + 1)
        }
        "DE" => format!("{:03}", a.year() as i64 / 10 + n),
        "CE" => format!("{:02}", a.year() as i64 / 100 + n),
        _ => format!("{:04}", a.year() as i64 + n),
    })
}

/// Replaces with X's the parts of a calendar value finer than the anchor was known:
/// "that day" after "in 1987" is "1987-XX-XX", not January 1st.
fn mask_finer(value: &str, precision: Option<Precision>) -> String {
    let Some(precision) = precision else { return value.to_string() };
    let Some(interval) = super::Interval::of(value) else { return value.to_string() };
    if interval.precision >= precision {
        return value.to_string();
    }
    let year = &value[..4];
    match (interval.precision, precision) {
        (Precision::Day, Precision::Month) => format!("{}-XX", &value[..7]),
        (Precision::Day, _) => format!("{year}-XX-XX"),
        (Precision::Week, _) => format!("{year}-WXX"),
        (Precision::Month, _) => format!("{year}-XX"),
        (Precision::Quarter, _) => format!("{year}-QX"),
        _ => value.to_string(),
    }
}

fn duration(n: &str, unit: &str) -> Option<Normalised> {
    let n = if n.is_empty() { "X" } else { n };
    let n = if let Ok(f) = n.parse::<f64>() {
        if f.fract() == 0.0 { format!("{}", f as i64) } else { n.to_string() }
    } else {
        n.to_string()
    };
    Normalised::of(match unit {
        "H" => format!("PT{n}H"),
        "MIN" => format!("PT{n}M"),
        "S" => format!("PT{n}S"),
        "" => return None,
        // TimeML writes decades and centuries in years.
        "DE" | "CE" => match n.parse::<i64>() {
            Ok(k) => format!("P{}Y", k * if unit == "DE" { 10 } else { 100 }),
            Err(_) => format!("P{n}{unit}"),
        },
        u => format!("P{n}{u}"),
    })
}
