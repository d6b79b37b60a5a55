//! Days for story time: ISO dates as day numbers, date ranges and the gap between a
//! document and a story.
//!
//! A dated article is a one-day range; an undated one is the range its date bounds
//! allow (open on either side), or unbounded, which is never far from anything. The
//! gap between two ranges is zero when they overlap, otherwise the days between them.

/// Days since 1970-01-01 of an ISO date (`YYYY-MM-DD`, anything after the day, such as
/// a time, is ignored). `None` when the text does not start with a valid date.
pub fn day_number(iso: &str) -> Option<i64> {
    let b = iso.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<i64> {
        iso.get(r)?.bytes().try_fold(0i64, |acc, d| {
            d.is_ascii_digit().then(|| acc * 10 + i64::from(d - b'0'))
        })
    };
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    if !(1..=12).contains(&m) || d < 1 || d > days_in_month(y, m) {
        return None;
    }
    Some(days_from_civil(y, m, d))
}

/// The ISO day (`YYYY-MM-DD`) of a day number.
pub fn iso_day(day: i64) -> String {
    let z = day + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (the civil-from-days inverse).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// A range of days, possibly open on either side (`None`: unbounded).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DayRange {
    /// First possible day.
    pub from: Option<i64>,
    /// Last possible day.
    pub to: Option<i64>,
}

impl DayRange {
    /// One known day.
    pub fn day(day: i64) -> Self {
        DayRange {
            from: Some(day),
            to: Some(day),
        }
    }

    /// The range of a document: its date when it has one, otherwise its bounds (ISO
    /// texts; unreadable ones count as absent).
    pub fn of_doc(date: Option<&str>, bounds: Option<(Option<&str>, Option<&str>)>) -> Self {
        if let Some(day) = date.and_then(day_number) {
            return DayRange::day(day);
        }
        match bounds {
            Some((from, to)) => {
                let range = DayRange {
                    from: from.and_then(day_number),
                    to: to.and_then(day_number),
                };
                match (range.from, range.to) {
                    (Some(a), Some(b)) if a > b => DayRange::default(),
                    _ => range,
                }
            }
            None => DayRange::default(),
        }
    }

    /// The day when the range is one known day.
    pub fn exact(&self) -> Option<i64> {
        match (self.from, self.to) {
            (Some(a), Some(b)) if a == b => Some(a),
            _ => None,
        }
    }

    /// Days between two ranges: 0 when they overlap (or either is unbounded on the
    /// side facing the other).
    pub fn gap(&self, other: &DayRange) -> i64 {
        let after = match (other.from, self.to) {
            (Some(a), Some(b)) if a > b => a - b,
            _ => 0,
        };
        let before = match (self.from, other.to) {
            (Some(a), Some(b)) if a > b => a - b,
            _ => 0,
        };
        after.max(before)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2026-01-01T21:01:00Z"), Some(20_454));
        assert_eq!(day_number("2024-02-29"), Some(19_782));
        assert_eq!(day_number("2025-02-29"), None);
        assert_eq!(day_number("2025-13-01"), None);
        assert_eq!(day_number("Jan 1, 2026"), None);
        for day in [-600_000, -1, 0, 59, 19_782, 20_454, 2_000_000] {
            assert_eq!(day_number(&iso_day(day)), Some(day), "{}", iso_day(day));
        }
        assert_eq!(
            day_number("2026-01-01").unwrap() - day_number("2025-01-20").unwrap(),
            346
        );
    }

    #[test]
    fn gaps_between_ranges() {
        let jan1 = DayRange::day(100);
        let jan31 = DayRange::day(130);
        assert_eq!(jan1.gap(&jan31), 30);
        assert_eq!(jan31.gap(&jan1), 30);
        let open_after = DayRange {
            from: Some(110),
            to: None,
        };
        assert_eq!(open_after.gap(&jan31), 0);
        assert_eq!(open_after.gap(&jan1), 10);
        assert_eq!(DayRange::default().gap(&jan1), 0);
        let span = DayRange {
            from: Some(90),
            to: Some(120),
        };
        assert_eq!(span.gap(&jan1), 0);
        assert_eq!(span.gap(&jan31), 10);
    }

    #[test]
    fn documents_take_their_date_or_bounds() {
        assert_eq!(
            DayRange::of_doc(Some("1970-01-03"), Some((Some("1970-01-01"), None))),
            DayRange::day(2)
        );
        assert_eq!(
            DayRange::of_doc(None, Some((Some("1970-01-02"), None))),
            DayRange {
                from: Some(1),
                to: None
            }
        );
        assert_eq!(
            DayRange::of_doc(None, Some((Some("1970-01-09"), Some("1970-01-02")))),
            DayRange::default()
        );
        assert_eq!(DayRange::of_doc(None, None), DayRange::default());
    }
}
