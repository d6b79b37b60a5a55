//! Calendar days and the partial dates the knowledge base is written in.

use std::fmt;

/// A calendar day (proleptic Gregorian), ordered chronologically.
///
/// Queries take a `Day`; build one with [`Day::new`], [`Day::parse`] or from a
/// [`jiff::civil::Date`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    year: i16,
    month: u8,
    day: u8,
}

impl Day {
    /// The day `year-month-day`, or `None` when it does not exist.
    pub fn new(year: i16, month: u8, day: u8) -> Option<Day> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Day { year, month, day })
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<Day> {
        match KbDate::parse(s)? {
            KbDate::Day(d) => Some(d),
            _ => None,
        }
    }

    /// The year.
    pub fn year(&self) -> i16 {
        self.year
    }

    /// The month (1–12).
    pub fn month(&self) -> u8 {
        self.month
    }

    /// The day of the month (1–31).
    pub fn day(&self) -> u8 {
        self.day
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl From<jiff::civil::Date> for Day {
    fn from(d: jiff::civil::Date) -> Day {
        Day {
            year: d.year(),
            month: d.month() as u8,
            day: d.day() as u8,
        }
    }
}

fn is_leap(y: i16) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i16, m: u8) -> u8 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

/// A date as precise as the knowledge base knows it: a year, a month or a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KbDate {
    /// Only the year is known (`2009`).
    Year(i16),
    /// The month is known (`2009-03`).
    Month(i16, u8),
    /// The exact day is known (`2009-03-31`).
    Day(Day),
}

impl KbDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (years 1000–9999).
    pub fn parse(s: &str) -> Option<KbDate> {
        let b = s.as_bytes();
        let num = |r: std::ops::Range<usize>| -> Option<u16> {
            let part = b.get(r)?;
            if part.iter().all(u8::is_ascii_digit) {
                Some(part.iter().fold(0u16, |a, &c| a * 10 + u16::from(c - b'0')))
            } else {
                None
            }
        };
        let year = num(0..4)?;
        if !(1000..=9999).contains(&year) {
            return None;
        }
        let year = year as i16;
        match b.len() {
            4 => Some(KbDate::Year(year)),
            7 if b[4] == b'-' => {
                let m = num(5..7)? as u8;
                (1..=12).contains(&m).then_some(KbDate::Month(year, m))
            }
            10 if b[4] == b'-' && b[7] == b'-' => {
                Day::new(year, num(5..7)? as u8, num(8..10)? as u8).map(KbDate::Day)
            }
            _ => None,
        }
    }

    /// The first day the date can mean.
    pub fn earliest(&self) -> Day {
        match *self {
            KbDate::Year(y) => Day {
                year: y,
                month: 1,
                day: 1,
            },
            KbDate::Month(y, m) => Day {
                year: y,
                month: m,
                day: 1,
            },
            KbDate::Day(d) => d,
        }
    }

    /// The last day the date can mean.
    pub fn latest(&self) -> Day {
        match *self {
            KbDate::Year(y) => Day {
                year: y,
                month: 12,
                day: 31,
            },
            KbDate::Month(y, m) => Day {
                year: y,
                month: m,
                day: days_in_month(y, m),
            },
            KbDate::Day(d) => d,
        }
    }

    /// Whether the date is known to the day.
    pub fn is_exact(&self) -> bool {
        matches!(self, KbDate::Day(_))
    }
}

impl fmt::Display for KbDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KbDate::Year(y) => write!(f, "{y:04}"),
            KbDate::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            KbDate::Day(d) => d.fmt(f),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_precisions() {
        assert_eq!(KbDate::parse("2009"), Some(KbDate::Year(2009)));
        assert_eq!(KbDate::parse("2009-03"), Some(KbDate::Month(2009, 3)));
        assert_eq!(
            KbDate::parse("2009-03-31").map(|d| d.to_string()),
            Some("2009-03-31".to_string())
        );
        assert_eq!(KbDate::parse("2009-06-31"), None);
        assert!(KbDate::parse("2024-02-29").is_some());
        assert_eq!(KbDate::parse("2023-02-29"), None);
        assert_eq!(KbDate::parse("2009-13"), None);
        assert_eq!(KbDate::parse("09-03-31"), None);
        assert_eq!(KbDate::parse("2009-3-1"), None);
        assert_eq!(KbDate::parse("２００９"), None);
    }

    #[test]
    fn bounds_of_partial_dates() {
        let m = KbDate::parse("2024-02").unwrap();
        assert_eq!(m.earliest().to_string(), "2024-02-01");
        assert_eq!(m.latest().to_string(), "2024-02-29");
        let y = KbDate::parse("2000").unwrap();
        assert_eq!(y.latest().to_string(), "2000-12-31");
    }
}
