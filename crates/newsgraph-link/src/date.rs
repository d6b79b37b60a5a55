//! The date an article speaks from: its publication day, or the range its
//! `published_bounds` allow, as days of the knowledge base.

use newsgraph_kb::{Day, KbDate};
use newsgraph_model::Article;

/// An inclusive range of days (one day for an article dated to the day).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DateRange {
    /// First day.
    pub from: Day,
    /// Last day.
    pub to: Day,
}

impl DateRange {
    /// The date of `article`: its `published` date at the precision given (`2026-01`
    /// covers January), else both of its `published_bounds`, else `None` (unknown; an
    /// open-ended bound says too little to pick an office holder).
    pub fn of_article(article: &Article) -> Option<DateRange> {
        if let Some(p) = article.published.as_deref() {
            if let Some(d) = parse_iso(p) {
                return Some(DateRange {
                    from: d.earliest(),
                    to: d.latest(),
                });
            }
        }
        let bounds = article.published_bounds.as_ref()?;
        let from = parse_iso(bounds.from.as_deref()?)?.earliest();
        let to = parse_iso(bounds.to.as_deref()?)?.latest();
        (from <= to).then_some(DateRange { from, to })
    }

    /// Whether the range is a single day.
    pub fn is_day(&self) -> bool {
        self.from == self.to
    }

    /// The date as ISO-8601 text: `2026-01-01` for one day, `2026-01-01/2026-01-31`
    /// for a range.
    pub fn to_iso(&self) -> String {
        if self.is_day() {
            self.from.to_string()
        } else {
            format!("{}/{}", self.from, self.to)
        }
    }

    /// Days between this range's middle and `day` (absolute).
    pub fn distance_days(&self, day: Day) -> i64 {
        let mid = (day_number(self.from) + day_number(self.to)) / 2;
        (mid - day_number(day)).abs()
    }

    /// Number of days in the range.
    pub fn len_days(&self) -> i64 {
        day_number(self.to) - day_number(self.from) + 1
    }
}

/// Parses the date part of an ISO-8601 date or date-time (`2026-01-01T21:01:00Z`,
/// `2026-01`, `2026`) at its precision.
pub fn parse_iso(s: &str) -> Option<KbDate> {
    let date = s.trim().split(['T', ' ']).next()?;
    KbDate::parse(date)
        .or_else(|| date.get(..10).and_then(KbDate::parse))
        .or_else(|| date.get(..7).and_then(KbDate::parse))
        .or_else(|| date.get(..4).and_then(KbDate::parse))
}

/// Days since 1970-01-01 (proleptic Gregorian; Howard Hinnant's algorithm).
pub fn day_number(d: Day) -> i64 {
    let (y, m, dd) = (
        i64::from(d.year()),
        i64::from(d.month()),
        i64::from(d.day()),
    );
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + dd - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers() {
        assert_eq!(day_number(Day::new(1970, 1, 1).unwrap()), 0);
        assert_eq!(day_number(Day::new(2000, 3, 1).unwrap()), 11_017);
        let r = DateRange {
            from: Day::new(2026, 1, 1).unwrap(),
            to: Day::new(2026, 1, 31).unwrap(),
        };
        assert_eq!(r.len_days(), 31);
    }

    #[test]
    fn article_dates() {
        let mut a = Article {
            published: Some("2026-01-01T21:01:00".into()),
            ..Article::default()
        };
        let r = DateRange::of_article(&a).unwrap();
        assert!(r.is_day());
        assert_eq!(r.to_iso(), "2026-01-01");
        a.published = Some("2026-03".into());
        assert_eq!(DateRange::of_article(&a).unwrap().len_days(), 31);
        a.published = Some("garbage".into());
        assert!(DateRange::of_article(&a).is_none());
    }
}
