//! Series: one figure over time across articles.
//!
//! A figure read from an article (the *normalise* stage's quantities) joins a series
//! when it measures the same thing about the same subject: "more than 71,000 people have
//! been killed" in Gaza and "over 47,000 Palestinian deaths" are two points of one death
//! toll. The series key is the measure, the subject's root (a place within a state
//! counts for the state: the Gaza Strip for Palestine), and — for a figure about one
//! day ("1,200 killed on 7 October 2023") — that day, so the toll of one attack does not
//! mix with a running total.
//!
//! A point is dated by its article: the publication date, or for an undated article
//! the bounds inferred for it (`2025-01-20/..`), so the order of points is honest about
//! what is known. A cumulative toll that falls, or two different figures on one day, is
//! flagged, never dropped: the user sees both and the sources.

use newsgraph_model::{Approx, ArticleId, Series, SeriesPoint};

/// Measures that make series: running counts of people and money that a story follows
/// over time. Counts of things within one event ("three sites", "200 missiles") do not.
pub const SERIES_MEASURES: &[&str] = &[
    "killed",
    "injured",
    "hostages",
    "displaced",
    "refugees",
    "arrested",
    "prisoners",
    "crew",
    "troops",
    "cost",
    "aid",
    "money",
];

/// Measures that only grow: a later, smaller figure is suspect.
pub const CUMULATIVE: &[&str] = &["killed", "injured"];

/// One figure with what a series needs to know about it and its article.
#[derive(Debug, Clone, PartialEq)]
pub struct PointInput {
    /// The article it was read from.
    pub article: ArticleId,
    /// Index of the quantity among the article's quantities.
    pub quantity: usize,
    /// The figure.
    pub value: f64,
    /// "more than", "about"…
    pub approx: Option<Approx>,
    /// When it held: the article's date, or its inferred range (`FROM/TO`, either side
    /// `..` when open).
    pub time: String,
    /// The outlet that published the article.
    pub outlet: String,
    /// Who gave the figure.
    pub attributed_to: Vec<String>,
}

/// The key of the series a figure belongs to, or `None` for figures that do not make
/// series (no measure or no subject: "three sites" of nothing in particular).
///
/// `subject_root` is the subject after mapping places to the state they belong to.
pub fn key(
    measure: Option<&str>,
    subject_root: Option<&str>,
    period: Option<&str>,
) -> Option<String> {
    let measure = measure.filter(|m| SERIES_MEASURES.contains(m))?;
    let subject = subject_root?;
    let day = period.filter(|p| is_day(p));
    Some(match day {
        Some(d) => format!("series:{measure}:{subject}:{d}"),
        None => format!("series:{measure}:{subject}"),
    })
}

fn is_day(p: &str) -> bool {
    let b = p.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && p.bytes().filter(u8::is_ascii_digit).count() == 8
}

/// The time of a point from its article: the publication day, else the inferred range,
/// else `None` (an article with nothing to date it gives no point).
pub fn point_time(published: Option<&str>, from: Option<&str>, to: Option<&str>) -> Option<String> {
    if let Some(p) = published {
        return Some(p.split('T').next().unwrap_or(p).to_string());
    }
    match (from, to) {
        (None, None) => None,
        (f, t) => Some(format!("{}/{}", f.unwrap_or(".."), t.unwrap_or(".."))),
    }
}

/// Sort key of a point time: its earliest known day (an open start sorts first).
fn sort_key(time: &str) -> &str {
    match time.split_once('/') {
        Some(("..", to)) => to,
        Some((from, _)) => from,
        None => time,
    }
}

/// Whether `a` is surely before `b` (ranges overlap → not sure).
fn surely_before(a: &str, b: &str) -> bool {
    let end = |t: &str| match t.split_once('/') {
        Some((_, "..")) => None,
        Some((_, to)) => Some(to.to_string()),
        None => Some(t.to_string()),
    };
    let start = |t: &str| match t.split_once('/') {
        Some(("..", _)) => None,
        Some((from, _)) => Some(from.to_string()),
        None => Some(t.to_string()),
    };
    match (end(a), start(b)) {
        (Some(x), Some(y)) => x < y,
        _ => false,
    }
}

fn show(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        let digits = format!("{}", v as i64);
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 && c != '-' {
                out.push(',');
            }
            out.push(c);
        }
        out
    } else {
        format!("{v}")
    }
}

/// Builds a series from its points: ordered by time (ties by article and position),
/// with flags for a cumulative figure that falls and for different figures on one day.
pub fn build(
    id: &str,
    measure: &str,
    subject: Option<&str>,
    mut points: Vec<PointInput>,
) -> Series {
    points.sort_by(|a, b| {
        sort_key(&a.time)
            .cmp(sort_key(&b.time))
            .then_with(|| a.article.cmp(&b.article))
            .then_with(|| a.quantity.cmp(&b.quantity))
    });
    let mut flags = Vec::new();
    let cumulative = CUMULATIVE.contains(&measure);
    for (i, p) in points.iter().enumerate() {
        for q in &points[..i] {
            if cumulative
                && surely_before(&q.time, &p.time)
                && p.value < q.value
                && !p.approx.is_some_and(|a| a == Approx::LessThan)
            {
                flags.push(format!(
                    "falls: {} ({}, {}) after {} ({}, {})",
                    show(p.value),
                    p.time,
                    p.outlet,
                    show(q.value),
                    q.time,
                    q.outlet
                ));
                break;
            }
            if q.time == p.time
                && !q.time.contains('/')
                && q.value != p.value
                && q.article != p.article
            {
                flags.push(format!(
                    "differ on {}: {} ({}) against {} ({})",
                    p.time,
                    show(q.value),
                    q.outlet,
                    show(p.value),
                    p.outlet
                ));
                break;
            }
        }
        if p.time.contains('/') {
            let note = format!("dated by inference: {} ({})", show(p.value), p.time);
            if !flags.contains(&note) {
                flags.push(note);
            }
        }
    }
    Series {
        id: id.to_string(),
        measure: measure.to_string(),
        subject: subject.map(str::to_string),
        points: points
            .into_iter()
            .map(|p| SeriesPoint {
                value: p.value,
                time: p.time,
                article: p.article,
                quantity: p.quantity,
                outlet: p.outlet,
                attributed_to: p.attributed_to,
                approx: p.approx,
            })
            .collect(),
        flags,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(article: &str, value: f64, time: &str) -> PointInput {
        PointInput {
            article: article.into(),
            quantity: 0,
            value,
            approx: Some(Approx::MoreThan),
            time: time.into(),
            outlet: format!("outlet-{article}"),
            attributed_to: vec![],
        }
    }

    #[test]
    fn keys_separate_day_tolls_from_running_totals() {
        assert_eq!(
            key(Some("killed"), Some("country:PSE"), Some("2023-10")).unwrap(),
            "series:killed:country:PSE"
        );
        assert_eq!(
            key(Some("killed"), Some("country:ISR"), Some("2023-10-07")).unwrap(),
            "series:killed:country:ISR:2023-10-07"
        );
        assert_eq!(key(Some("sites"), None, None), None);
        assert_eq!(key(Some("sites"), Some("country:IRN"), None), None);
        assert_eq!(key(None, Some("country:IRN"), None), None);
    }

    #[test]
    fn undated_points_use_bounds_and_sort_by_their_start() {
        assert_eq!(
            point_time(None, Some("2025-01-20"), None).unwrap(),
            "2025-01-20/.."
        );
        assert_eq!(
            point_time(Some("2026-01-01T21:01"), None, None).unwrap(),
            "2026-01-01"
        );
        assert_eq!(point_time(None, None, None), None);
        let s = build(
            "s",
            "killed",
            Some("country:PSE"),
            vec![
                point("b", 71_000.0, "2026-01-01"),
                point("a", 47_000.0, "2025-01-20/.."),
            ],
        );
        let values: Vec<f64> = s.points.iter().map(|p| p.value).collect();
        assert_eq!(values, vec![47_000.0, 71_000.0]);
        assert_eq!(s.flags, vec!["dated by inference: 47,000 (2025-01-20/..)"]);
    }

    #[test]
    fn a_falling_toll_is_flagged_not_dropped() {
        let s = build(
            "s",
            "killed",
            Some("country:PSE"),
            vec![
                point("a", 50_000.0, "2025-03-01"),
                point("b", 45_000.0, "2025-04-01"),
            ],
        );
        assert_eq!(s.points.len(), 2);
        assert_eq!(s.flags.len(), 1);
        assert!(s.flags[0].starts_with("falls: 45,000"), "{:?}", s.flags);
    }

    #[test]
    fn an_open_range_is_not_surely_before_anything() {
        // The undated 47,000 could be later than 2025-03-01: no fall is claimed.
        let s = build(
            "s",
            "killed",
            Some("country:PSE"),
            vec![
                point("a", 50_000.0, "2025-03-01"),
                point("b", 47_000.0, "2025-01-20/.."),
            ],
        );
        assert!(
            s.flags.iter().all(|f| !f.starts_with("falls")),
            "{:?}",
            s.flags
        );
    }

    #[test]
    fn same_day_different_figures_are_flagged() {
        let s = build(
            "s",
            "injured",
            Some("country:UKR"),
            vec![
                point("a", 120.0, "2025-03-01"),
                point("b", 150.0, "2025-03-01"),
            ],
        );
        assert_eq!(s.flags.len(), 1, "{:?}", s.flags);
        assert!(s.flags[0].starts_with("differ on 2025-03-01"));
    }

    #[test]
    fn numbers_show_with_thousands_separators() {
        assert_eq!(show(71_000.0), "71,000");
        assert_eq!(show(1_200.0), "1,200");
        assert_eq!(show(251.0), "251");
        assert_eq!(show(3.5), "3.5");
    }
}
