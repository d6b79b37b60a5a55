//! Dates for drawing: TIMEX3 and ISO-8601 values as ranges of days.
//!
//! Timelines and charts place things on a day axis. A value such as `2026-03-05`,
//! `2026-03`, `2026-W10`, `2026-Q1`, `2025-SU` or `2026-03-05T10:00:00Z` covers a range
//! of days; [`day_range`] returns its first and last day as numbers of days since
//! 1970-01-01. Values that name no calendar position (`PAST_REF`, `XXXX-03`, durations)
//! give `None` and are left off the axis.

/// A day as the number of days since 1970-01-01 (negative before).
pub type Day = i64;

/// Days since 1970-01-01 of a proleptic Gregorian date (no validation beyond types).
pub fn days_from_civil(y: i64, m: u32, d: u32) -> Day {
    // Shift the year to start in March, so the leap day is the year's last day.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The calendar date of a day: (year, month, day).
pub fn civil_from_days(z: Day) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// A day as `YYYY-MM-DD`.
pub fn format_day(day: Day) -> String {
    let (y, m, d) = civil_from_days(day);
    format!("{y:04}-{m:02}-{d:02}")
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn num<T: std::str::FromStr>(s: &str, len: usize) -> Option<T> {
    (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// The first and last day a TIMEX3 / ISO-8601 value covers, or `None` when it names no
/// calendar position.
pub fn day_range(value: &str) -> Option<(Day, Day)> {
    let date = value.split('T').next()?;
    let mut parts = date.split('-');
    let year: i64 = num(parts.next()?, 4)?;
    let Some(second) = parts.next() else {
        return Some((days_from_civil(year, 1, 1), days_from_civil(year, 12, 31)));
    };
    let third = parts.next();
    if parts.next().is_some() {
        return None;
    }
    if let Some(month) = num::<u32>(second, 2) {
        if !(1..=12).contains(&month) {
            return None;
        }
        return match third {
            None => Some((
                days_from_civil(year, month, 1),
                days_from_civil(year, month, days_in_month(year, month)),
            )),
            Some(d) => {
                let day: u32 = num(d, 2)?;
                if day == 0 || day > days_in_month(year, month) {
                    return None;
                }
                let at = days_from_civil(year, month, day);
                Some((at, at))
            }
        };
    }
    if third.is_some() {
        return None;
    }
    if let Some(w) = second.strip_prefix('W').filter(|w| w.len() == 2) {
        // ISO week: week 1 holds the year's first Thursday.
        let week: i64 = num(w, 2)?;
        if !(1..=53).contains(&week) {
            return None;
        }
        let jan4 = days_from_civil(year, 1, 4);
        let weekday = (jan4 + 3).rem_euclid(7); // 0 = Monday
        let monday = jan4 - weekday + (week - 1) * 7;
        return Some((monday, monday + 6));
    }
    if let Some(q) = second.strip_prefix('Q') {
        let q: u32 = num(q, 1)?;
        if !(1..=4).contains(&q) {
            return None;
        }
        let (m0, m1) = (q * 3 - 2, q * 3);
        return Some((
            days_from_civil(year, m0, 1),
            days_from_civil(year, m1, days_in_month(year, m1)),
        ));
    }
    if let Some(h) = second.strip_prefix('H') {
        let h: u32 = num(h, 1)?;
        let (m0, m1) = match h {
            1 => (1, 6),
            2 => (7, 12),
            _ => return None,
        };
        return Some((
            days_from_civil(year, m0, 1),
            days_from_civil(year, m1, days_in_month(year, m1)),
        ));
    }
    // Seasons (northern hemisphere, by meteorological months).
    let (m0, y1, m1) = match second {
        "SP" => (3, year, 5),
        "SU" => (6, year, 8),
        "FA" | "AU" => (9, year, 11),
        "WI" => (12, year + 1, 2),
        _ => return None,
    };
    Some((
        days_from_civil(year, m0, 1),
        days_from_civil(y1, m1, days_in_month(y1, m1)),
    ))
}

/// The day a value is drawn at: the middle of its range.
pub fn day_of(value: &str) -> Option<Day> {
    day_range(value).map(|(a, b)| a + (b - a) / 2)
}

/// Today, from the system clock (UTC).
pub fn today() -> Day {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    i64::try_from(secs / 86_400).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trips() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        for day in [-800_000, -1, 0, 1, 11_016, 20_000, 20_513, 1_000_000] {
            let (y, m, d) = civil_from_days(day);
            assert_eq!(days_from_civil(y, m, d), day);
        }
        assert_eq!(format_day(days_from_civil(2026, 3, 5)), "2026-03-05");
    }

    #[test]
    fn ranges_of_values() {
        let d = |s: &str| {
            days_from_civil(
                s[..4].parse().unwrap(),
                s[5..7].parse().unwrap(),
                s[8..10].parse().unwrap(),
            )
        };
        assert_eq!(
            day_range("2026-03-05"),
            Some((d("2026-03-05"), d("2026-03-05")))
        );
        assert_eq!(
            day_range("2026-03-05T21:01:00+02:00"),
            Some((d("2026-03-05"), d("2026-03-05")))
        );
        assert_eq!(
            day_range("2024-02"),
            Some((d("2024-02-01"), d("2024-02-29")))
        );
        assert_eq!(day_range("2026"), Some((d("2026-01-01"), d("2026-12-31"))));
        assert_eq!(
            day_range("2026-Q2"),
            Some((d("2026-04-01"), d("2026-06-30")))
        );
        assert_eq!(
            day_range("2025-WI"),
            Some((d("2025-12-01"), d("2026-02-28")))
        );
        // ISO week 1 of 2026 starts on Monday 2025-12-29.
        assert_eq!(
            day_range("2026-W01"),
            Some((d("2025-12-29"), d("2026-01-04")))
        );
        for none in [
            "PAST_REF",
            "XXXX-03",
            "P3D",
            "2026-13",
            "2026-02-30",
            "",
            "20260",
        ] {
            assert_eq!(day_range(none), None, "{none}");
        }
    }
}
