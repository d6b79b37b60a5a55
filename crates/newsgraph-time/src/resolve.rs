//! From a parsed expression to a TIMEX3 value: anchoring against the document date, the
//! tense of the sentence and the previous time expression.
//!
//! Bare names ("January 23", "June", "Friday", "the third quarter") are placed by tense:
//! in a sentence that looks forward they are the next such day or period on or after the
//! document date, in one that looks back the latest on or before it, and with no cue
//! the nearest one (weekdays and quarters default to the past, as news mostly reports).
//! Anaphoric expressions ("a year earlier", "the same day") shift the previous date of
//! the text, or the document date when there is none. Without a document date every
//! value that needs one stays partial ("XXXX-02-04", "XXXX-WXX-5").

use crate::grammar::{DayRef, Sem};
use crate::lexicon::{Pod, Season, Unit};
use crate::value::{add, date, iso_week, weekday_num, Point};
use crate::Tense;
use jiff::civil::Date;
use newsgraph_model::TimexType;

/// What a value is resolved against.
#[derive(Debug, Clone, Copy)]
pub struct Ctx {
    /// The document date, if any.
    pub dct: Option<Date>,
    /// Tense of the sentence.
    pub tense: Tense,
    /// The tense rests on a strong cue; a weak one only tips the balance.
    pub strong: bool,
    /// The previous date or time of the text.
    pub anchor: Option<Point>,
}

/// A resolved value.
#[derive(Debug, Clone)]
pub struct Resolved {
    /// TIMEX3 value.
    pub value: String,
    /// TIMEX3 type.
    pub kind: TimexType,
    /// The period, when the value is a concrete date or time.
    pub point: Option<Point>,
    /// What the value was computed from.
    pub anchored: Anchored,
}

/// What a value was computed from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchored {
    /// Nothing: the value is explicit in the text (or a duration).
    Nothing,
    /// The document date.
    Dct,
    /// The previous time expression.
    Previous,
}

fn x_value(unit: Unit) -> &'static str {
    match unit {
        Unit::Millennium => "X",
        Unit::Century => "XX",
        Unit::Decade => "XXX",
        Unit::Year => "XXXX",
        Unit::Half => "XXXX-HX",
        Unit::Quarter => "XXXX-QX",
        Unit::Month => "XXXX-XX",
        Unit::Week | Unit::Fortnight => "XXXX-WXX",
        Unit::Weekend => "XXXX-WXX-WE",
        Unit::Day | Unit::Hour | Unit::Minute | Unit::Second => "XXXX-XX-XX",
    }
}

fn gran(p: &Point) -> u8 {
    match p {
        Point::Millennium(_) => 0,
        Point::Century(_) => 1,
        Point::Decade(_) => 2,
        Point::Year(_) => 3,
        Point::Half(..) => 4,
        Point::Quarter(..) | Point::Season(..) => 5,
        Point::Month(..) => 6,
        Point::Week(..) | Point::Weekend(..) => 7,
        Point::Day(_) | Point::DayPart(..) | Point::Clock(..) => 8,
    }
}

fn unit_gran(u: Unit) -> u8 {
    match u {
        Unit::Millennium => 0,
        Unit::Century => 1,
        Unit::Decade => 2,
        Unit::Year => 3,
        Unit::Half => 4,
        Unit::Quarter => 5,
        Unit::Month => 6,
        Unit::Week | Unit::Weekend | Unit::Fortnight => 7,
        _ => 8,
    }
}

/// Choose among yearly candidates by tense: `cands` are periods in consecutive years
/// around the document date.
fn pick(
    dct: Date,
    cands: &[Point],
    tense: Tense,
    strong: bool,
    default_past: bool,
) -> Option<Point> {
    let past = cands
        .iter()
        .filter(|p| p.start().is_some_and(|s| s <= dct))
        .max_by_key(|p| p.start());
    let future = cands
        .iter()
        .filter(|p| p.end().is_some_and(|e| e >= dct))
        .min_by_key(|p| p.start());
    match tense {
        Tense::Past if strong || default_past => past.copied(),
        Tense::Future if strong => future.copied(),
        _ => {
            if default_past {
                return past.copied();
            }
            // the nearest: distance of the period to the document date
            let dist = |p: &Point| -> i64 {
                let (Some(s), Some(e)) = (p.start(), p.end()) else {
                    return i64::MAX;
                };
                if s <= dct && dct <= e {
                    0
                } else if e < dct {
                    i64::from((dct - e).get_days())
                } else {
                    i64::from((s - dct).get_days())
                }
            };
            // a weak cue costs the other direction 60 days; ties go to the past
            let cost = |p: &Point| -> i64 {
                let d = dist(p);
                let after = p.start().is_some_and(|s| s > dct);
                match tense {
                    Tense::Past if after => d.saturating_add(60),
                    Tense::Future if !after && d > 0 => d.saturating_add(60),
                    _ => d,
                }
            };
            let mut best: Option<Point> = None;
            for c in cands {
                if c.start().is_none() {
                    continue;
                }
                match best {
                    None => best = Some(*c),
                    Some(b) if cost(c) < cost(&b) => best = Some(*c),
                    _ => {}
                }
            }
            best
        }
    }
}

fn years_around(dct: Date) -> [i32; 3] {
    let y = i32::from(dct.year());
    [y - 1, y, y + 1]
}

fn month_day(dct: Date, m: u8, d: u8, tense: Tense, strong: bool) -> Option<Point> {
    let cands: Vec<Point> = years_around(dct)
        .iter()
        .filter_map(|&y| date(y, m, d).map(Point::Day))
        .collect();
    pick(dct, &cands, tense, strong, false)
}

fn thanksgiving(y: i32) -> Option<Date> {
    let first = date(y, 11, 1)?;
    let wd = i64::from(weekday_num(first));
    let off = (4 - wd).rem_euclid(7) + 21;
    add(first, Unit::Day, off)
}

fn weekday(dct: Date, w: u8, tense: Tense, strict: bool) -> Option<Date> {
    let cur = i64::from(weekday_num(dct));
    let w = i64::from(w);
    match tense {
        Tense::Future => {
            let mut d = (w - cur).rem_euclid(7);
            if strict && d == 0 {
                d = 7;
            }
            add(dct, Unit::Day, d)
        }
        _ => {
            let mut d = (cur - w).rem_euclid(7);
            if strict && d == 0 {
                d = 7;
            }
            add(dct, Unit::Day, -d)
        }
    }
}

/// The quarter a financial report at `dct` is most likely about: the previous quarter
/// in the first half of a quarter, else the current one.
fn report_quarter(dct: Date) -> Point {
    let q = Point::of(dct, Unit::Quarter);
    let into = q.start().map_or(0, |s| i64::from((dct - s).get_days()));
    if into < 45 {
        q.shift(Unit::Quarter, -1).unwrap_or(q)
    } else {
        q
    }
}

fn day_of(dct: Date, r: DayRef, tense: Tense, strong: bool) -> Option<Date> {
    match r {
        DayRef::Dct(n) => add(dct, Unit::Day, i64::from(n)),
        DayRef::Weekday(w) => weekday(dct, w, if strong { tense } else { Tense::Past }, false),
        DayRef::MonthDay(m, d) => match month_day(dct, m, d, tense, strong)? {
            Point::Day(d) => Some(d),
            _ => None,
        },
        DayRef::Date(d) => Some(d),
    }
}

fn partial_day(r: DayRef) -> String {
    match r {
        DayRef::Weekday(w) => format!("XXXX-WXX-{w}"),
        DayRef::MonthDay(m, d) => format!("XXXX-{m:02}-{d:02}"),
        DayRef::Date(d) => crate::value::fmt_date(d),
        DayRef::Dct(_) => "XXXX-XX-XX".to_string(),
    }
}

fn pod_suffix(pod: Pod) -> String {
    format!("T{}", pod.code())
}

fn date_res(p: Point, anchored: Anchored) -> Resolved {
    Resolved {
        value: p.value(),
        kind: if p.is_time() {
            TimexType::Time
        } else {
            TimexType::Date
        },
        point: Some(p),
        anchored,
    }
}

fn partial(v: impl Into<String>, kind: TimexType) -> Resolved {
    Resolved {
        value: v.into(),
        kind,
        point: None,
        anchored: Anchored::Nothing,
    }
}

/// Resolve `sem` in `ctx`. Never fails: what cannot be placed gets a partial value.
pub fn resolve(sem: &Sem, ctx: &Ctx) -> Resolved {
    resolve_opt(sem, ctx).unwrap_or_else(|| fallback(sem))
}

fn fallback(sem: &Sem) -> Resolved {
    let d = TimexType::Date;
    match sem {
        Sem::Point(p) => partial(p.value(), d),
        Sem::MonthDay(m, dd) | Sem::Holiday(m, dd) => partial(format!("XXXX-{m:02}-{dd:02}"), d),
        Sem::Month(m) | Sem::RelMonth(m, _) | Sem::MonthOfYear(m, _) => {
            partial(format!("XXXX-{m:02}"), d)
        }
        Sem::RelWeekday(w, _) => partial(format!("XXXX-WXX-{w}"), d),
        Sem::Season(s) | Sem::RelSeason(s, _) => partial(format!("XXXX-{}", s.code()), d),
        Sem::Quarter(q) | Sem::QuarterOfYear(q, _) => partial(quarter_x(*q), d),
        Sem::Unit(u, _) | Sem::Same(u) => partial(x_value(*u), d),
        Sem::Offset(_, _, g) => partial(x_value(*g), d),
        Sem::Anaphoric(u, _) => partial(x_value(*u), d),
        Sem::ReportQuarter(_) => partial("XXXX-QX", d),
        Sem::Day(r, pod) => match pod {
            Some(p) => partial(
                format!("{}{}", partial_day(*r), pod_suffix(*p)),
                TimexType::Time,
            ),
            None => partial(partial_day(*r), d),
        },
        Sem::Clock(r, h, m) => partial(
            format!(
                "{}T{h:02}:{m:02}",
                r.map_or("XXXX-XX-XX".to_string(), partial_day)
            ),
            TimexType::Time,
        ),
        Sem::Ref(r) => partial(*r, d),
        Sem::Duration(v) => partial(v.clone(), TimexType::Duration),
        Sem::Set(v) => partial(v.clone(), TimexType::Set),
        Sem::Thanksgiving => partial("XXXX-11-XX", d),
    }
}

fn quarter_x(q: u8) -> String {
    if q > 4 {
        format!("XXXX-H{}", q - 4)
    } else {
        format!("XXXX-Q{q}")
    }
}

fn quarter_point(y: i32, q: u8) -> Point {
    if q > 4 {
        Point::Half(y, q - 4)
    } else {
        Point::Quarter(y, q)
    }
}

fn resolve_opt(sem: &Sem, ctx: &Ctx) -> Option<Resolved> {
    let a = Anchored::Dct;
    // expressions that do not need the document date
    match sem {
        Sem::Point(p) => return Some(date_res(*p, Anchored::Nothing)),
        Sem::Ref(r) => return Some(partial(*r, TimexType::Date)),
        Sem::Duration(v) => return Some(partial(v.clone(), TimexType::Duration)),
        Sem::Set(v) => return Some(partial(v.clone(), TimexType::Set)),
        Sem::Anaphoric(u, n) => {
            if let Some(anchor) = ctx.anchor {
                let p = if unit_gran(*u) > gran(&anchor) {
                    anchor
                } else {
                    anchor.shift(*u, *n)?
                };
                return Some(date_res(p, Anchored::Previous));
            }
            let dct = ctx.dct?;
            let p = Point::of(add(dct, *u, *n)?, *u);
            return Some(date_res(p, a));
        }
        Sem::Same(u) => {
            if let Some(anchor) = ctx.anchor {
                if unit_gran(*u) >= gran(&anchor) {
                    return Some(date_res(anchor, Anchored::Previous));
                }
                let p = Point::of(anchor.start()?, *u);
                return Some(date_res(p, Anchored::Previous));
            }
            return None;
        }
        Sem::Clock(Some(DayRef::Date(d)), h, m) => {
            return Some(date_res(Point::Clock(*d, *h, *m), Anchored::Nothing))
        }
        Sem::Day(DayRef::Date(d), pod) => {
            let p = match pod {
                Some(pod) => Point::DayPart(*d, *pod),
                None => Point::Day(*d),
            };
            return Some(date_res(p, Anchored::Nothing));
        }
        _ => {}
    }
    let dct = ctx.dct?;
    let tense = ctx.tense;
    let y = i32::from(dct.year());
    let p = match sem {
        Sem::MonthDay(m, d) | Sem::Holiday(m, d) => month_day(dct, *m, *d, tense, ctx.strong)?,
        Sem::Thanksgiving => {
            let cands: Vec<Point> = years_around(dct)
                .iter()
                .filter_map(|&y| thanksgiving(y).map(Point::Day))
                .collect();
            pick(dct, &cands, tense, ctx.strong, false)?
        }
        Sem::Month(m) => {
            let cands: Vec<Point> = years_around(dct)
                .iter()
                .map(|&y| Point::Month(y, *m))
                .collect();
            pick(dct, &cands, tense, ctx.strong, false)?
        }
        Sem::RelMonth(m, r) => {
            let cur = u8::try_from(dct.month()).ok()?;
            match r {
                -1 => Point::Month(if *m < cur { y } else { y - 1 }, *m),
                1 => Point::Month(if *m > cur { y } else { y + 1 }, *m),
                _ => Point::Month(y, *m),
            }
        }
        Sem::MonthOfYear(m, r) => Point::Month(y + r, *m),
        Sem::RelWeekday(w, r) => match r {
            -1 => Point::Day(weekday(dct, *w, Tense::Past, true)?),
            1 => Point::Day(weekday(dct, *w, Tense::Future, true)?),
            _ => {
                let (wy, wk) = iso_week(dct);
                let monday = crate::value::week_monday(wy, wk)?;
                Point::Day(add(monday, Unit::Day, i64::from(*w) - 1)?)
            }
        },
        Sem::Season(s) => {
            let cands: Vec<Point> = years_around(dct)
                .iter()
                .map(|&y| Point::Season(y, *s))
                .collect();
            pick(dct, &cands, tense, ctx.strong, false)?
        }
        Sem::RelSeason(s, r) => {
            let cands: Vec<Point> = years_around(dct)
                .iter()
                .map(|&y| Point::Season(y, *s))
                .collect();
            match r {
                -1 => *cands
                    .iter()
                    .filter(|p| p.end().is_some_and(|e| e < dct))
                    .max_by_key(|p| p.start())?,
                1 => *cands
                    .iter()
                    .filter(|p| p.start().is_some_and(|s| s > dct))
                    .min_by_key(|p| p.start())?,
                _ => Point::Season(
                    if *s == Season::Winter && dct.month() <= 2 {
                        y - 1
                    } else {
                        y
                    },
                    *s,
                ),
            }
        }
        Sem::Quarter(q) => {
            let cands: Vec<Point> = years_around(dct)
                .iter()
                .map(|&y| quarter_point(y, *q))
                .collect();
            pick(dct, &cands, Tense::Past, true, true)?
        }
        Sem::QuarterOfYear(q, r) => quarter_point(y + r, *q),
        Sem::Unit(u, n) => {
            let base = Point::of(dct, *u);
            if *n == 0 {
                base
            } else {
                base.shift(*u, i64::from(*n))?
            }
        }
        Sem::Offset(u, n, g) => {
            let d = add(dct, *u, *n)?;
            // "a year ago" in a text about quarters is the same quarter a year before
            if let (Unit::Year, Some(q @ Point::Quarter(..))) = (u, ctx.anchor) {
                q.shift(Unit::Year, *n)?
            } else {
                Point::of(d, *g)
            }
        }
        Sem::ReportQuarter(n) => report_quarter(dct).shift(Unit::Year, i64::from(*n))?,
        Sem::Day(r, pod) => {
            let d = day_of(dct, *r, tense, ctx.strong)?;
            match pod {
                Some(pod) => Point::DayPart(d, *pod),
                None => Point::Day(d),
            }
        }
        Sem::Clock(r, h, m) => {
            let d = match r {
                Some(r) => day_of(dct, *r, tense, ctx.strong)?,
                None => dct,
            };
            Point::Clock(d, *h, *m)
        }
        _ => return None,
    };
    Some(date_res(p, a))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(y: i32, m: u8, d: u8, tense: Tense) -> Ctx {
        Ctx {
            dct: date(y, m, d),
            tense,
            strong: true,
            anchor: None,
        }
    }

    #[test]
    fn tense_places_bare_dates() {
        let c = ctx(2026, 1, 1, Tense::Future);
        assert_eq!(resolve(&Sem::MonthDay(1, 23), &c).value, "2026-01-23");
        let c = ctx(2026, 1, 1, Tense::Past);
        assert_eq!(resolve(&Sem::Month(6), &c).value, "2025-06");
        assert_eq!(resolve(&Sem::MonthDay(2, 4), &c).value, "2025-02-04");
        let c = ctx(2026, 1, 1, Tense::Future);
        assert_eq!(resolve(&Sem::MonthDay(2, 4), &c).value, "2026-02-04");
        // 1998-02-13 is a Friday
        let c = ctx(1998, 2, 13, Tense::Unknown);
        assert_eq!(
            resolve(&Sem::Day(DayRef::Weekday(5), None), &c).value,
            "1998-02-13"
        );
        assert_eq!(
            resolve(&Sem::Day(DayRef::Weekday(4), None), &c).value,
            "1998-02-12"
        );
    }

    #[test]
    fn report_quarters() {
        let c = ctx(1989, 10, 26, Tense::Unknown);
        assert_eq!(resolve(&Sem::ReportQuarter(0), &c).value, "1989-Q3");
        assert_eq!(resolve(&Sem::ReportQuarter(-1), &c).value, "1988-Q3");
        assert_eq!(resolve(&Sem::Quarter(3), &c).value, "1989-Q3");
    }
}
