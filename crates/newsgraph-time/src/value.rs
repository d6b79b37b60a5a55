//! Calendar points at a granularity, their arithmetic, and the TIMEX3 value syntax.

use crate::lexicon::{Pod, Season, Unit};
use jiff::civil::{Date, Weekday};
use jiff::ToSpan;

/// A calendar period at some granularity: what a DATE or TIME value denotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Point {
    /// A millennium, by its first two digits' prefix ("1" for 1000–1999).
    Millennium(i32),
    /// A century by its first two digits ("19" for 1900–1999).
    Century(i32),
    /// A decade by its first three digits ("199" for the 1990s).
    Decade(i32),
    /// A year.
    Year(i32),
    /// A half year (1 or 2).
    Half(i32, u8),
    /// A quarter (1–4).
    Quarter(i32, u8),
    /// A season of a year.
    Season(i32, Season),
    /// A month.
    Month(i32, u8),
    /// An ISO week.
    Week(i32, u8),
    /// The weekend of an ISO week.
    Weekend(i32, u8),
    /// A day.
    Day(Date),
    /// A part of a day.
    DayPart(Date, Pod),
    /// A clock time on a day (hour 0–24, minute).
    Clock(Date, u8, u8),
}

/// Clamp a year into the range the calendar code supports.
pub fn year_ok(y: i32) -> bool {
    (1..=9998).contains(&y)
}

/// The date `y-m-d` if valid.
pub fn date(y: i32, m: u8, d: u8) -> Option<Date> {
    if !year_ok(y) {
        return None;
    }
    Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(d).ok()?,
    )
    .ok()
}

/// ISO week of a date: (week-year, week).
pub fn iso_week(d: Date) -> (i32, u8) {
    let w = d.iso_week_date();
    (i32::from(w.year()), u8::try_from(w.week()).unwrap_or(1))
}

/// ISO weekday number 1–7.
pub fn weekday_num(d: Date) -> u8 {
    u8::try_from(d.weekday().to_monday_one_offset()).unwrap_or(1)
}

/// The Monday of an ISO week.
pub fn week_monday(year: i32, week: u8) -> Option<Date> {
    let y = i16::try_from(year).ok()?;
    let w = i8::try_from(week).ok()?;
    jiff::civil::ISOWeekDate::new(y, w, Weekday::Monday)
        .ok()
        .map(|iwd| iwd.date())
}

/// Add `n` units to a date (calendar arithmetic, clamped at month ends); `None` when out
/// of range.
pub fn add(d: Date, unit: Unit, n: i64) -> Option<Date> {
    let r = match unit {
        Unit::Day => d.checked_add(n.days()),
        Unit::Week | Unit::Weekend => d.checked_add((n * 7).days()),
        Unit::Fortnight => d.checked_add((n * 14).days()),
        Unit::Month => d.checked_add(n.months()),
        Unit::Quarter => d.checked_add((n * 3).months()),
        Unit::Half => d.checked_add((n * 6).months()),
        Unit::Year => d.checked_add(n.years()),
        Unit::Decade => d.checked_add((n * 10).years()),
        Unit::Century => d.checked_add((n * 100).years()),
        Unit::Millennium => d.checked_add((n * 1000).years()),
        Unit::Hour | Unit::Minute | Unit::Second => Ok(d),
    };
    r.ok().filter(|x| year_ok(i32::from(x.year())))
}

impl Point {
    /// The point of granularity `unit` containing day `d`.
    pub fn of(d: Date, unit: Unit) -> Point {
        let y = i32::from(d.year());
        let m = u8::try_from(d.month()).unwrap_or(1);
        match unit {
            Unit::Millennium => Point::Millennium(y.div_euclid(1000)),
            Unit::Century => Point::Century(y.div_euclid(100)),
            Unit::Decade => Point::Decade(y.div_euclid(10)),
            Unit::Year => Point::Year(y),
            Unit::Half => Point::Half(y, if m <= 6 { 1 } else { 2 }),
            Unit::Quarter => Point::Quarter(y, (m - 1) / 3 + 1),
            Unit::Month => Point::Month(y, m),
            Unit::Week | Unit::Fortnight => {
                let (wy, w) = iso_week(d);
                Point::Week(wy, w)
            }
            Unit::Weekend => {
                let (wy, w) = iso_week(d);
                Point::Weekend(wy, w)
            }
            Unit::Day | Unit::Hour | Unit::Minute | Unit::Second => Point::Day(d),
        }
    }

    /// First day of the period.
    pub fn start(&self) -> Option<Date> {
        match *self {
            Point::Millennium(m) => date(m * 1000, 1, 1),
            Point::Century(c) => date(c * 100, 1, 1),
            Point::Decade(d) => date(d * 10, 1, 1),
            Point::Year(y) => date(y, 1, 1),
            Point::Half(y, h) => date(y, if h == 2 { 7 } else { 1 }, 1),
            Point::Quarter(y, q) => date(y, (q.clamp(1, 4) - 1) * 3 + 1, 1),
            Point::Season(y, s) => match s {
                Season::Spring => date(y, 3, 20),
                Season::Summer => date(y, 6, 21),
                Season::Fall => date(y, 9, 22),
                Season::Winter => date(y, 12, 21),
            },
            Point::Month(y, m) => date(y, m, 1),
            Point::Week(y, w) => week_monday(y, w),
            Point::Weekend(y, w) => week_monday(y, w).and_then(|d| add(d, Unit::Day, 5)),
            Point::Day(d) | Point::DayPart(d, _) | Point::Clock(d, _, _) => Some(d),
        }
    }

    /// Last day of the period.
    pub fn end(&self) -> Option<Date> {
        let s = self.start()?;
        let next = match *self {
            Point::Millennium(_) => add(s, Unit::Millennium, 1),
            Point::Century(_) => add(s, Unit::Century, 1),
            Point::Decade(_) => add(s, Unit::Decade, 1),
            Point::Year(_) => add(s, Unit::Year, 1),
            Point::Half(..) => add(s, Unit::Half, 1),
            Point::Quarter(..) | Point::Season(..) => add(s, Unit::Quarter, 1),
            Point::Month(..) => add(s, Unit::Month, 1),
            Point::Week(..) => add(s, Unit::Week, 1),
            Point::Weekend(..) => add(s, Unit::Day, 2),
            Point::Day(_) | Point::DayPart(..) | Point::Clock(..) => add(s, Unit::Day, 1),
        }?;
        add(next, Unit::Day, -1)
    }

    /// The same kind of period shifted by `n` of its own units (or by `n` `unit`s for a
    /// day-granular point).
    pub fn shift(&self, unit: Unit, n: i64) -> Option<Point> {
        let ni = i32::try_from(n).ok()?;
        Some(match *self {
            Point::Millennium(m) => Point::Millennium(m + ni * unit_years(unit)? / 1000),
            Point::Century(c) => Point::Century(c + ni * unit_years(unit)? / 100),
            Point::Decade(d) => Point::Decade(d + ni * unit_years(unit)? / 10),
            Point::Year(y) => {
                let ys = unit_years(unit)?;
                Point::Year(y + ni * ys)
            }
            Point::Half(..)
            | Point::Quarter(..)
            | Point::Month(..)
            | Point::Week(..)
            | Point::Weekend(..) => {
                let s = self.start()?;
                let d = add(s, unit, n)?;
                let g = match self {
                    Point::Half(..) => Unit::Half,
                    Point::Quarter(..) => Unit::Quarter,
                    Point::Month(..) => Unit::Month,
                    Point::Week(..) => Unit::Week,
                    _ => Unit::Weekend,
                };
                Point::of(d, g)
            }
            Point::Season(y, s) => Point::Season(y + ni * unit_years(unit)?, s),
            Point::Day(d) => Point::Day(add(d, unit, n)?),
            Point::DayPart(d, p) => Point::DayPart(add(d, unit, n)?, p),
            Point::Clock(d, h, m) => Point::Clock(add(d, unit, n)?, h, m),
        })
        .filter(|p| p.start().is_some())
    }

    /// The TIMEX3 value.
    pub fn value(&self) -> String {
        match *self {
            Point::Millennium(m) => format!("{m}"),
            Point::Century(c) => format!("{c:02}"),
            Point::Decade(d) => format!("{d:03}"),
            Point::Year(y) => format!("{y:04}"),
            Point::Half(y, h) => format!("{y:04}-H{h}"),
            Point::Quarter(y, q) => format!("{y:04}-Q{q}"),
            Point::Season(y, s) => format!("{y:04}-{}", s.code()),
            Point::Month(y, m) => format!("{y:04}-{m:02}"),
            Point::Week(y, w) => format!("{y:04}-W{w:02}"),
            Point::Weekend(y, w) => format!("{y:04}-W{w:02}-WE"),
            Point::Day(d) => fmt_date(d),
            Point::DayPart(d, p) => format!("{}T{}", fmt_date(d), p.code()),
            Point::Clock(d, h, m) => format!("{}T{h:02}:{m:02}", fmt_date(d)),
        }
    }

    /// True for TIME values (a part of a day or a clock time).
    pub fn is_time(&self) -> bool {
        matches!(self, Point::DayPart(..) | Point::Clock(..))
    }
}

fn unit_years(unit: Unit) -> Option<i32> {
    match unit {
        Unit::Year => Some(1),
        Unit::Decade => Some(10),
        Unit::Century => Some(100),
        Unit::Millennium => Some(1000),
        _ => None,
    }
}

/// `YYYY-MM-DD`.
pub fn fmt_date(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// The TIMEX3 duration letter of a unit and how many of it one of the unit is.
pub fn duration_code(unit: Unit) -> (&'static str, u32, bool) {
    // (letter, multiplier, time part)
    match unit {
        Unit::Second => ("S", 1, true),
        Unit::Minute => ("M", 1, true),
        Unit::Hour => ("H", 1, true),
        Unit::Day => ("D", 1, false),
        Unit::Weekend => ("WE", 1, false),
        Unit::Week => ("W", 1, false),
        Unit::Fortnight => ("W", 2, false),
        Unit::Month => ("M", 1, false),
        Unit::Quarter => ("Q", 1, false),
        Unit::Half => ("M", 6, false),
        Unit::Year => ("Y", 1, false),
        // the letters of the TempEval-3 corpora
        Unit::Decade => ("E", 1, false),
        Unit::Century => ("C", 1, false),
        Unit::Millennium => ("L", 1, false),
    }
}

/// A duration value: `P3D`, `PT5H`, `PXY` (when `n` is `None`).
pub fn duration(n: Option<u32>, unit: Unit) -> String {
    let (letter, mult, time) = duration_code(unit);
    let t = if time { "T" } else { "" };
    match n {
        Some(n) => format!("P{t}{}{letter}", n.saturating_mul(mult)),
        None => format!("P{t}X{letter}"),
    }
}

/// Is `v` a well-formed TIMEX3 value (TimeML 1.2 value syntax, as used by TempEval-3)?
///
/// Accepts dates and times with `X` placeholders at any digit (`XXXX-02-04`,
/// `199X`, `1998-W08-WE`, `2025-SU`, `1989-Q3`, `2025-H1`, `2026-01-23TMO`,
/// `1998-02-13T14:26:00`), durations (`P12D`, `PT3H`, `PXY`, `P1DE`, `P2Y6M`), sets
/// written as dates or durations, and `PAST_REF`, `PRESENT_REF`, `FUTURE_REF`.
pub fn is_valid_value(v: &str) -> bool {
    if matches!(v, "PAST_REF" | "PRESENT_REF" | "FUTURE_REF") {
        return true;
    }
    let b = v.as_bytes();
    if b.first() == Some(&b'P') {
        return valid_duration(&b[1..]);
    }
    valid_date_time(b)
}

fn is_dx(c: u8) -> bool {
    c.is_ascii_digit() || c == b'X'
}

fn all_dx(s: &[u8]) -> bool {
    s.iter().all(|&c| is_dx(c))
}

fn valid_duration(b: &[u8]) -> bool {
    if b.is_empty() {
        return false;
    }
    let mut i = 0;
    let mut in_time = false;
    let mut parts = 0;
    while i < b.len() {
        if b[i] == b'T' {
            if in_time {
                return false;
            }
            in_time = true;
            i += 1;
            continue;
        }
        let s = i;
        while i < b.len() && (is_dx(b[i]) || b[i] == b'.') {
            i += 1;
        }
        if i == s || i >= b.len() {
            return false;
        }
        let rest = &b[i..];
        let unit_len = if !in_time
            && (rest.starts_with(b"DE")
                || rest.starts_with(b"CE")
                || rest.starts_with(b"ML")
                || rest.starts_with(b"WE"))
        {
            2
        } else {
            let ok = if in_time {
                matches!(rest[0], b'H' | b'M' | b'S')
            } else {
                matches!(
                    rest[0],
                    b'Y' | b'M' | b'W' | b'D' | b'Q' | b'E' | b'L' | b'C'
                )
            };
            if !ok {
                return false;
            }
            1
        };
        i += unit_len;
        parts += 1;
    }
    parts > 0
}

fn valid_date_time(b: &[u8]) -> bool {
    let (date_part, time_part) = match b.iter().position(|&c| c == b'T') {
        Some(p) => (&b[..p], Some(&b[p + 1..])),
        None => (b, None),
    };
    let mut fields = date_part.split(|&c| c == b'-');
    let Some(year) = fields.next() else {
        return false;
    };
    if year.is_empty() || year.len() > 4 || !all_dx(year) {
        return false;
    }
    let second = fields.next();
    let third = fields.next();
    if fields.next().is_some() {
        return false;
    }
    let mut day_level = false;
    match second {
        None => {}
        Some(s) => {
            if year.len() != 4 {
                return false;
            }
            match s {
                [b'Q', b'1'..=b'4' | b'X'] => {}
                [b'H', b'1' | b'2' | b'X'] => {}
                b"SP" | b"SU" | b"FA" | b"WI" => {}
                [b'W', w @ ..] if (1..=2).contains(&w.len()) && all_dx(w) => match third {
                    None => {}
                    Some(b"WE") => {}
                    Some([b'1'..=b'7' | b'X']) => day_level = true,
                    _ => return false,
                },
                [m1, m2] if is_dx(*m1) && is_dx(*m2) => {
                    if !month_ok(*m1, *m2) {
                        return false;
                    }
                    match third {
                        None => {}
                        Some([d1, d2]) if is_dx(*d1) && is_dx(*d2) => {
                            if !day_ok(*d1, *d2) {
                                return false;
                            }
                            day_level = true;
                        }
                        _ => return false,
                    }
                }
                _ => return false,
            }
            if !matches!(s, [b'W', ..]) && !matches!(s, [_, _]) && third.is_some() {
                return false;
            }
        }
    }
    match time_part {
        None => true,
        Some(t) => day_level && valid_time(t),
    }
}

fn month_ok(a: u8, b: u8) -> bool {
    if a == b'X' || b == b'X' {
        return true;
    }
    let m = (a - b'0') * 10 + (b - b'0');
    (1..=12).contains(&m)
}

fn day_ok(a: u8, b: u8) -> bool {
    if a == b'X' || b == b'X' {
        return true;
    }
    let d = (a - b'0') * 10 + (b - b'0');
    (1..=31).contains(&d)
}

fn valid_time(t: &[u8]) -> bool {
    if matches!(t, b"MO" | b"AF" | b"EV" | b"NI" | b"DT") {
        return true;
    }
    let mut parts = t.split(|&c| c == b':');
    let Some(h) = parts.next() else { return false };
    if h.len() != 2 || !all_dx(h) {
        return false;
    }
    for p in parts {
        if p.len() != 2 || !all_dx(p) {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validator() {
        for ok in [
            "2025-12",
            "2026-01-23",
            "2025-W05",
            "2025-SU",
            "P12D",
            "PT3H",
            "PAST_REF",
            "PRESENT_REF",
            "FUTURE_REF",
            "XXXX-02-04",
            "199",
            "19",
            "198X",
            "1989-Q3",
            "1998-W08-WE",
            "2026-01-23TMO",
            "1998-02-13T14:26:00",
            "PXY",
            "P1DE",
            "P1E",
            "XXXX-WXX-5",
            "P2Y6M",
            "PT1H30M",
            "2025-H1",
            "1989-QX",
            "XXXX",
        ] {
            assert!(is_valid_value(ok), "{ok}");
        }
        for bad in [
            "",
            "P",
            "2025-13",
            "2025-01-32",
            "hello",
            "2025-W05-9",
            "PT3D",
            "2025T10",
        ] {
            assert!(!is_valid_value(bad), "{bad}");
        }
    }

    #[test]
    fn points() {
        let d = date(2026, 1, 1).unwrap();
        assert_eq!(
            Point::of(d, Unit::Month)
                .shift(Unit::Month, -1)
                .unwrap()
                .value(),
            "2025-12"
        );
        assert_eq!(Point::of(d, Unit::Week).value(), "2026-W01");
        assert_eq!(
            Point::of(d, Unit::Quarter)
                .shift(Unit::Year, -1)
                .unwrap()
                .value(),
            "2025-Q1"
        );
        assert_eq!(duration(Some(12), Unit::Day), "P12D");
        assert_eq!(duration(Some(3), Unit::Hour), "PT3H");
    }
}
