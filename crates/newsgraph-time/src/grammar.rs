//! The time grammar: from a token position to a parsed expression.
//!
//! [`parse_at`] is tried only at tokens that can begin a time expression (a time word of
//! the lexicon or a number). It reads optional modifiers ("late", "the end of", "more
//! than", "about"), one core expression (a date in any common layout, a relative or
//! anaphoric expression, a duration, a recurrence, a clock time) and optional suffixes
//! ("ago", "earlier", "or so", "or later"), and returns the token range and a [`Sem`]: a
//! description of the expression that does not yet depend on the document date.
//! [`crate::resolve`] turns a `Sem` into a TIMEX3 value once the document date, the
//! tense of the sentence and the previous time expression are known.

use crate::lexicon::{Deictic, Lex, ModWord, Pod, Rel, Season, SetWord, Unit};
use crate::tokens::{Kind, Tok};
use crate::value::{date, duration, Point};
use jiff::civil::Date;

/// The day a clock time or part of day is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayRef {
    /// The document date plus `n` days.
    Dct(i32),
    /// A weekday near the document date.
    Weekday(u8),
    /// A month and day, year from context.
    MonthDay(u8, u8),
    /// An explicit date.
    Date(Date),
}

/// A parsed time expression, before resolution against the document date.
#[derive(Debug, Clone, PartialEq)]
pub enum Sem {
    /// A fully specified period ("7 October 2023", "1990", "the 1980s").
    Point(Point),
    /// A day of a month without a year ("January 23").
    MonthDay(u8, u8),
    /// A month without a year ("June").
    Month(u8),
    /// "last June" (-1), "this June" (0), "next June" (+1).
    RelMonth(u8, i8),
    /// A month of a year relative to the document year ("June of the past year").
    MonthOfYear(u8, i32),
    /// "last Friday", "this Friday", "next Friday".
    RelWeekday(u8, i8),
    /// A season without a year.
    Season(Season),
    /// "last summer" …
    RelSeason(Season, i8),
    /// A quarter (1–4) or half (5, 6 for H1, H2) without a year.
    Quarter(u8),
    /// A quarter of a year relative to the document year.
    QuarterOfYear(u8, i32),
    /// The period of `unit` containing the document date, shifted by `n` ("last year").
    Unit(Unit, i32),
    /// The document date shifted by `n` `unit`s, at granularity `gran` ("two days ago").
    Offset(Unit, i64, Unit),
    /// The previous time expression shifted by `n` `unit`s ("a year earlier").
    Anaphoric(Unit, i64),
    /// The period of `unit` of the previous time expression ("the same day").
    Same(Unit),
    /// The reporting quarter ("the quarter", "the latest quarter"), shifted by `n` years.
    ReportQuarter(i32),
    /// A day relative to the document date, with an optional part of day.
    Day(DayRef, Option<Pod>),
    /// A clock time on a day.
    Clock(Option<DayRef>, u8, u8),
    /// PAST_REF / PRESENT_REF / FUTURE_REF.
    Ref(&'static str),
    /// A duration with its value.
    Duration(String),
    /// A recurrence with its value.
    Set(String),
    /// A holiday: month and day, year from context.
    Holiday(u8, u8),
    /// Thanksgiving (fourth Thursday of November), year from context.
    Thanksgiving,
}

/// A recognised expression: tokens `[first, last)`, its meaning, and its modifier.
#[derive(Debug, Clone)]
pub struct Hit {
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub last: usize,
    /// Meaning.
    pub sem: Sem,
    /// TIMEX3 modifier.
    pub modifier: Option<&'static str>,
}

struct P<'a> {
    t: &'a [Tok],
    text: &'a str,
}

impl P<'_> {
    fn lex(&self, i: usize) -> Lex {
        self.t.get(i).map_or(Lex::None, |t| t.lex)
    }
    fn tok(&self, i: usize) -> Option<&Tok> {
        self.t.get(i)
    }
    /// Token `i` exists and is on the same paragraph as `i - 1`.
    fn ok(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| !t.newline)
    }
    fn is_lex(&self, i: usize, l: Lex) -> bool {
        self.ok(i) && self.lex(i) == l
    }
    fn punct(&self, i: usize, c: u8) -> bool {
        self.ok(i) && self.t[i].is_punct(c)
    }
    /// Token `i` is glued to the previous token (no white space).
    fn glued(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| !t.space)
    }
    fn num(&self, i: usize) -> Option<u32> {
        let t = self.t.get(i)?;
        (self.ok(i) && t.kind == Kind::Num && t.digits > 0).then_some(t.num)
    }
    fn word(&self, i: usize) -> &str {
        self.t.get(i).map_or("", |t| &self.text[t.start..t.end])
    }
    fn word_is(&self, i: usize, w: &str) -> bool {
        self.ok(i) && self.word(i).eq_ignore_ascii_case(w)
    }
    fn unit(&self, i: usize) -> Option<(Unit, bool)> {
        match self.lex(i) {
            Lex::Unit { unit, plural } if self.ok(i) => Some((unit, plural)),
            _ => None,
        }
    }
    /// A four-digit year 1000–2099 at `i`, or a two-digit year after an apostrophe
    /// ("'89").
    fn year(&self, i: usize) -> Option<(i32, usize)> {
        let t = self.tok(i)?;
        if !self.ok(i) {
            return None;
        }
        if t.kind == Kind::Num && t.digits == 4 && (1000..=2099).contains(&t.num) {
            // "1990s" is a decade, not a year; "2,000" never reaches here
            if self.glued(i + 1) && self.tok(i + 1).is_some_and(|n| n.kind == Kind::Word) {
                return None;
            }
            return Some((i32::try_from(t.num).ok()?, i + 1));
        }
        if t.is_punct(b'\'') && self.num(i + 1).is_some() && self.glued(i + 1) {
            let n = self.tok(i + 1)?;
            if n.digits == 2 && !(self.glued(i + 2) && self.lex(i + 2) == Lex::S) {
                let y = i32::try_from(n.num).ok()?;
                return Some((if y < 30 { 2000 + y } else { 1900 + y }, i + 2));
            }
        }
        None
    }
    /// A day-of-month number 1–31 (also "23rd").
    fn day(&self, i: usize) -> Option<(u8, usize)> {
        let n = self.num(i)?;
        let t = self.tok(i)?;
        if t.digits > 2 || !(1..=31).contains(&n) {
            return None;
        }
        let mut j = i + 1;
        if self.glued(j)
            && matches!(
                self.word(j).to_ascii_lowercase().as_str(),
                "st" | "nd" | "rd" | "th"
            )
        {
            j += 1;
        }
        Some((u8::try_from(n).ok()?, j))
    }
    /// A count: digits, number words ("twenty-five", "a", "a couple of"), or an
    /// unspecified count ("several", "a few") as `None`.
    fn count(&self, i: usize) -> Option<(Option<u32>, usize)> {
        if !self.ok(i) {
            return None;
        }
        let t = self.tok(i)?;
        if t.kind == Kind::Num {
            if t.digits == 0 || t.digits > 4 {
                // "1.5 years" → not handled as a count
                return None;
            }
            return Some((Some(t.num), i + 1));
        }
        match t.lex {
            Lex::Num(n) => {
                let mut v = n;
                let mut j = i + 1;
                // "twenty-five", "twenty five"
                if (20..100).contains(&n) {
                    let k = if self.punct(j, b'-') && self.glued(j) {
                        j + 1
                    } else {
                        j
                    };
                    if let Lex::Num(u) = self.lex(k) {
                        if u < 10 && self.ok(k) {
                            v += u;
                            j = k + 1;
                        }
                    }
                }
                // "two hundred", "two thousand"
                if let Lex::Num(m @ (100 | 1000)) = self.lex(j) {
                    if self.ok(j) {
                        v = v.saturating_mul(m);
                        j += 1;
                    }
                }
                Some((Some(v), j))
            }
            Lex::A => {
                // "a couple of", "a few", "a dozen", "a hundred"
                match self.lex(i + 1) {
                    Lex::Couple if self.is_lex(i + 2, Lex::Of) => Some((Some(2), i + 3)),
                    Lex::Several if self.word_is(i + 1, "few") => Some((None, i + 2)),
                    Lex::Num(n @ (12 | 100 | 1000)) if self.ok(i + 1) => Some((Some(n), i + 2)),
                    _ => Some((Some(1), i + 1)),
                }
            }
            Lex::Several => Some((None, i + 1)),
            _ => None,
        }
    }
}

fn signed(rel: Rel) -> Option<i8> {
    match rel {
        Rel::Last | Rel::Past | Rel::Previous => Some(-1),
        Rel::Next | Rel::Following => Some(1),
        Rel::This => Some(0),
        _ => None,
    }
}

/// Try to read a time expression starting at token `i`.
pub fn parse_at(toks: &[Tok], text: &str, i: usize) -> Option<Hit> {
    let p = P { t: toks, text };
    let mut j = i;
    let mut modifier: Option<&'static str> = None;
    let mut the = false;
    let mut dur_only = false; // modifiers that only make sense before a duration
    let mut of_mod = false; // "the end of" may be followed by another "the"
                            // ---- prefixes
    loop {
        match p.lex(j) {
            Lex::The if !the && (modifier.is_none() || of_mod) => {
                // "the end of", "the beginning of", "the middle of"
                if let Lex::Mod(m @ (ModWord::End | ModWord::Beginning | ModWord::Middle)) =
                    p.lex(j + 1)
                {
                    if p.is_lex(j + 2, Lex::Of) {
                        modifier = Some(match m {
                            ModWord::End => "END",
                            ModWord::Beginning => "START",
                            _ => "MID",
                        });
                        of_mod = true;
                        j += 3;
                        continue;
                    }
                }
                the = true;
                j += 1;
            }
            Lex::Mod(m) if modifier.is_none() => {
                let (md, step, d) = match m {
                    ModWord::Early => ("START", 1, false),
                    ModWord::Late => ("END", 1, false),
                    ModWord::Mid => ("MID", if p.punct(j + 1, b'-') { 2 } else { 1 }, false),
                    ModWord::Earlier => ("START", 1, false),
                    ModWord::Later => ("END", 1, false),
                    ModWord::About => ("APPROX", 1, false),
                    ModWord::Nearly if p.word_is(j, "almost") => ("LESS_THAN", 1, false),
                    ModWord::Nearly => ("EQUAL_OR_LESS", 1, false),
                    ModWord::More if p.is_lex(j + 1, Lex::Than) => ("MORE_THAN", 2, true),
                    ModWord::Less if p.is_lex(j + 1, Lex::Than) => ("LESS_THAN", 2, true),
                    ModWord::Over => ("MORE_THAN", 1, true),
                    ModWord::Under => ("LESS_THAN", 1, true),
                    ModWord::Up if p.is_lex(j + 1, Lex::To) => ("EQUAL_OR_LESS", 2, true),
                    _ => return None,
                };
                if the && !matches!(m, ModWord::Early | ModWord::Late | ModWord::Mid) {
                    return None;
                }
                modifier = Some(md);
                dur_only = d;
                j += step;
            }
            Lex::At if modifier.is_none() && !the => match p.lex(j + 1) {
                Lex::Mod(ModWord::Least) if p.ok(j + 1) => {
                    modifier = Some("EQUAL_OR_MORE");
                    dur_only = true;
                    j += 2;
                }
                Lex::Mod(ModWord::Most) if p.ok(j + 1) => {
                    modifier = Some("EQUAL_OR_LESS");
                    dur_only = true;
                    j += 2;
                }
                _ => return None,
            },
            _ => break,
        }
        if !p.ok(j) || j > i + 5 {
            return None;
        }
    }
    if j > i && !p.ok(j) {
        return None;
    }
    let (mut sem, mut end, keep_the) = core(&p, j, the)?;
    if dur_only && !matches!(sem, Sem::Duration(_) | Sem::Offset(..) | Sem::Anaphoric(..)) {
        return None;
    }
    // ---- suffixes
    if p.is_lex(end, Lex::Or) && p.is_lex(end + 1, Lex::So) {
        modifier = modifier.or(Some("APPROX"));
        end += 2;
    } else if matches!(sem, Sem::Point(_))
        && ((p.is_lex(end, Lex::Or)
            && matches!(p.lex(end + 1), Lex::Mod(ModWord::Later))
            && p.ok(end + 1))
            || (p.is_lex(end, Lex::And) && p.is_lex(end + 1, Lex::Beyond)))
    {
        modifier = Some("ON_OR_AFTER");
        end += 2;
    } else if p.is_lex(end, Lex::Or)
        && matches!(p.lex(end + 1), Lex::Mod(ModWord::Earlier))
        && p.ok(end + 1)
        && matches!(sem, Sem::Point(_))
    {
        modifier = Some("ON_OR_BEFORE");
        end += 2;
    }
    let first = if the && !keep_the { j } else { i };
    // a modifier before "the" stays even when "the" is dropped
    let first = if first == j && j > i && !the {
        i
    } else {
        first
    };
    if matches!(sem, Sem::Duration(_)) && modifier == Some("START") {
        // "early two years" is not an expression
        return None;
    }
    if let (Sem::Point(Point::Year(y)), Some(_)) = (&sem, modifier) {
        sem = Sem::Point(Point::Year(*y));
    }
    Some(Hit {
        first,
        last: end,
        sem,
        modifier,
    })
}

/// The core expression at `i`; returns its meaning, the token after it, and whether a
/// preceding "the" belongs to the expression.
fn core(p: &P<'_>, i: usize, the: bool) -> Option<(Sem, usize, bool)> {
    let t = *p.tok(i)?;
    if !p.ok(i) && i > 0 && the {
        return None;
    }
    match t.kind {
        Kind::Num => core_number(p, i, the),
        Kind::Punct => {
            // "'89", "'80s"
            if t.is_punct(b'\'') {
                if let Some((y, e)) = p.year(i) {
                    return Some((Sem::Point(Point::Year(y)), e, true));
                }
                if let Some(n) = p.num(i + 1) {
                    if p.glued(i + 1)
                        && p.tok(i + 1)?.digits == 2
                        && p.glued(i + 2)
                        && p.lex(i + 2) == Lex::S
                        && n % 10 == 0
                    {
                        let c = i32::try_from(n).ok()? / 10;
                        let dec = if c < 3 { 200 + c } else { 190 + c };
                        return Some((Sem::Point(Point::Decade(dec)), i + 3, true));
                    }
                }
            }
            None
        }
        Kind::Word => core_word(p, i, the),
    }
}

fn core_number(p: &P<'_>, i: usize, the: bool) -> Option<(Sem, usize, bool)> {
    let t = *p.tok(i)?;
    if t.digits == 0 {
        return None;
    }
    // currency or a percentage: never a time
    if i > 0 && p.glued(i) {
        let prev = p.tok(i - 1)?;
        if prev.kind == Kind::Punct
            && matches!(prev.ch, b'$' | b'#' | 0 | b'.' | b',')
            && p.text[prev.start..prev.end] != *"‘"
        {
            return None;
        }
    }
    if p.punct(i + 1, b'%') {
        return None;
    }
    // ISO date 2026-01-23 (optionally with a time)
    if t.digits == 4 && p.punct(i + 1, b'-') && p.glued(i + 1) && p.glued(i + 2) {
        if let (Some(m), true) = (p.num(i + 2), p.tok(i + 2).is_some_and(|x| x.digits == 2)) {
            let y = i32::try_from(t.num).ok()?;
            if p.punct(i + 3, b'-') && p.glued(i + 3) && p.glued(i + 4) {
                if let Some(d) = p.num(i + 4) {
                    if p.tok(i + 4)?.digits == 2 {
                        let dt = date(y, u8::try_from(m).ok()?, u8::try_from(d).ok()?)?;
                        return Some((Sem::Point(Point::Day(dt)), i + 5, false));
                    }
                }
            }
            if (1..=12).contains(&m) {
                return Some((
                    Sem::Point(Point::Month(y, u8::try_from(m).ok()?)),
                    i + 3,
                    false,
                ));
            }
        }
    }
    // 01/23/2026, 1/23/26
    if t.digits <= 2 && p.punct(i + 1, b'/') && p.glued(i + 1) && p.glued(i + 2) {
        if let (Some(d), true) = (
            p.num(i + 2),
            p.punct(i + 3, b'/') && p.glued(i + 3) && p.glued(i + 4),
        ) {
            if let Some(y) = p.num(i + 4) {
                let yd = p.tok(i + 4)?.digits;
                let y = match yd {
                    4 => i32::try_from(y).ok()?,
                    2 => {
                        let y = i32::try_from(y).ok()?;
                        if y < 50 {
                            2000 + y
                        } else {
                            1900 + y
                        }
                    }
                    _ => return None,
                };
                let dt = date(y, u8::try_from(t.num).ok()?, u8::try_from(d).ok()?)?;
                return Some((Sem::Point(Point::Day(dt)), i + 5, false));
            }
        }
        return None;
    }
    // clock: 10:35 a.m., 7 p.m., 14:26
    if let Some(r) = clock(p, i) {
        return Some(r);
    }
    // day month [year]: "7 October 2023"
    if let Some((d, e)) = p.day(i) {
        if let Lex::Month { month, .. } = p.lex(e) {
            if p.ok(e) && (p.tok(e)?.cap) {
                let mut e2 = e + 1;
                if let Some((y, e3)) = p.year(e2).or_else(|| {
                    if p.punct(e2, b',') {
                        p.year(e2 + 1)
                    } else {
                        None
                    }
                }) {
                    let dt = date(y, month, d)?;
                    return Some((Sem::Point(Point::Day(dt)), e3, false));
                }
                date(2000, month, d)?;
                e2 = e + 1;
                return Some((Sem::MonthDay(month, d), e2, false));
            }
        }
    }
    // years, decades
    if t.digits == 4 && (1000..=2099).contains(&t.num) {
        let y = i32::try_from(t.num).ok()?;
        if p.glued(i + 1) && p.lex(i + 1) == Lex::S && y % 10 == 0 {
            return Some((Sem::Point(Point::Decade(y / 10)), i + 2, true));
        }
        if p.glued(i + 1) && p.tok(i + 1).is_some_and(|x| x.kind == Kind::Word) {
            return None;
        }
        // "1990-91": keep the first year only
        if the {
            // "the 2020 election": "the" is not part of it
            return Some((Sem::Point(Point::Year(y)), i + 1, false));
        }
        // plausibility: bare years outside 1800–2099 need a cue word before them
        if !(1800..=2099).contains(&y) {
            return None;
        }
        // "2000 people": a count, not a year — years are rarely followed by plural nouns
        if let Some(n) = p.tok(i + 1) {
            if n.kind == Kind::Word && !n.cap && p.ok(i + 1) && n.lex == Lex::None {
                let w = p.word(i + 1);
                if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") {
                    return None;
                }
            }
        }
        return Some((Sem::Point(Point::Year(y)), i + 1, false));
    }
    // ordinal digits with a quarter: "3rd quarter"
    if t.digits <= 2 && p.glued(i + 1) {
        let suf = p.word(i + 1).to_ascii_lowercase();
        if matches!(suf.as_str(), "st" | "nd" | "rd" | "th") {
            let n = u8::try_from(t.num).ok()?;
            return ordinal_core(p, n, i + 2);
        }
    }
    // counts with a unit: durations and offsets
    count_unit(p, i, the)
}

/// A clock time at `i`: "10:35 a.m.", "7 p.m.", "14:26", "5 p.m. EST Nov. 9".
fn clock(p: &P<'_>, i: usize) -> Option<(Sem, usize, bool)> {
    let t = p.tok(i)?;
    if t.digits == 0 || t.digits > 2 || t.num > 24 {
        return None;
    }
    let mut h = u8::try_from(t.num).ok()?;
    let mut m = 0u8;
    let mut j = i + 1;
    let mut colon = false;
    if p.punct(j, b':') && p.glued(j) && p.glued(j + 1) {
        let mm = p.num(j + 1)?;
        if p.tok(j + 1)?.digits != 2 || mm > 59 {
            return None;
        }
        m = u8::try_from(mm).ok()?;
        j += 2;
        colon = true;
        // seconds
        if p.punct(j, b':') && p.glued(j) && p.num(j + 1).is_some() {
            j += 2;
        }
    }
    let ampm = match p.lex(j) {
        Lex::Am if p.ok(j) => Some(false),
        Lex::Pm if p.ok(j) => Some(true),
        _ => None,
    };
    if ampm.is_none() && !colon && !(p.word_is(j, "o") && p.punct(j + 1, b'\'')) {
        return None;
    }
    if let Some(pm) = ampm {
        if h > 12 {
            return None;
        }
        if pm && h < 12 {
            h += 12;
        }
        if !pm && h == 12 {
            h = 0;
        }
        j += 1;
    } else if !colon {
        // "o'clock"
        j += 3;
    }
    if p.lex(j) == Lex::Zone && p.ok(j) {
        j += 1;
    }
    if p.punct(j, b',') && day_ref(p, j + 1).is_some() {
        j += 1;
    }
    let (day, e) = match day_ref(p, j) {
        Some((d, e)) => (Some(d), e),
        None => (None, j),
    };
    Some((Sem::Clock(day, h, m), e, true))
}

/// A day expression that can follow a clock time or precede a part of day: "Friday",
/// "today", "yesterday", "Nov. 9".
fn day_ref(p: &P<'_>, i: usize) -> Option<(DayRef, usize)> {
    if !p.ok(i) {
        return None;
    }
    match p.lex(i) {
        Lex::Weekday(w) => Some((DayRef::Weekday(w), i + 1)),
        Lex::Deictic(Deictic::Today) => Some((DayRef::Dct(0), i + 1)),
        Lex::Deictic(Deictic::Yesterday) => Some((DayRef::Dct(-1), i + 1)),
        Lex::Deictic(Deictic::Tomorrow) => Some((DayRef::Dct(1), i + 1)),
        Lex::Month { month, .. } if p.tok(i)?.cap => {
            let (d, e) = p.day(i + 1)?;
            date(2000, month, d)?;
            if p.punct(e, b',') {
                if let Some((y, e2)) = p.year(e + 1) {
                    return Some((DayRef::Date(date(y, month, d)?), e2));
                }
            }
            if let Some((y, e2)) = p.year(e) {
                return Some((DayRef::Date(date(y, month, d)?), e2));
            }
            Some((DayRef::MonthDay(month, d), e))
        }
        _ => None,
    }
}

/// After an ordinal n at `j`: "quarter", "half", "-quarter"; "first nine months".
fn ordinal_core(p: &P<'_>, n: u8, j: usize) -> Option<(Sem, usize, bool)> {
    let hy = p.punct(j, b'-') && p.glued(j);
    let k = if hy { j + 1 } else { j };
    match p.unit(k) {
        Some((Unit::Quarter, false)) if (1..=4).contains(&n) => {
            let (yr, e) = of_year(p, k + 1);
            Some((
                match yr {
                    YearSpec::Abs(y) => Sem::Point(Point::Quarter(y, n)),
                    YearSpec::Rel(r) => Sem::QuarterOfYear(n, r),
                    YearSpec::None => Sem::Quarter(n),
                },
                e,
                !hy,
            ))
        }
        Some((Unit::Quarter, true)) if (1..=4).contains(&n) => Some((Sem::Quarter(n), k + 1, true)),
        _ if p.lex(k) == Lex::HalfWord && (1..=2).contains(&n) && p.ok(k) => {
            let (yr, e) = of_year(p, k + 1);
            Some((
                match yr {
                    YearSpec::Abs(y) => Sem::Point(Point::Half(y, n)),
                    YearSpec::Rel(r) => Sem::QuarterOfYear(n + 4, r),
                    YearSpec::None => Sem::Quarter(n + 4),
                },
                e,
                true,
            ))
        }
        _ => {
            // "the first nine months", "the first six months of the year"
            if n == 1 {
                let (c, e) = p.count(j)?;
                let (u, plural) = p.unit(e)?;
                if plural && c.is_some() {
                    return Some((Sem::Duration(duration(c, u)), e + 1, true));
                }
            }
            None
        }
    }
}

enum YearSpec {
    None,
    Abs(i32),
    Rel(i32),
}

/// An optional "of 1990" / "of next year" / "of the past year" / "1990" after a name.
fn of_year(p: &P<'_>, j: usize) -> (YearSpec, usize) {
    let k = if p.is_lex(j, Lex::Of) { j + 1 } else { j };
    if let Some((y, e)) = p.year(k) {
        return (YearSpec::Abs(y), e);
    }
    if k > j {
        let mut k2 = k;
        if p.is_lex(k2, Lex::The) {
            k2 += 1;
        }
        if let Lex::Rel(r) = p.lex(k2) {
            if p.ok(k2) && matches!(p.unit(k2 + 1), Some((Unit::Year, false))) {
                if let Some(s) = signed(r) {
                    return (YearSpec::Rel(i32::from(s)), k2 + 2);
                }
            }
        }
        if p.is_lex(k2, Lex::Fiscal) {
            if let Some((y, e)) = p.year(k2 + 1) {
                return (YearSpec::Abs(y), e);
            }
        }
        // "of the year" → this year
        if k2 > k && matches!(p.unit(k2), Some((Unit::Year, false))) {
            return (YearSpec::Rel(0), k2 + 1);
        }
    }
    (YearSpec::None, j)
}

/// A count followed by a unit at `i`: "12-day", "three months", "two days ago",
/// "a year earlier", "the nine months".
fn count_unit(p: &P<'_>, i: usize, the: bool) -> Option<(Sem, usize, bool)> {
    let (n, mut j) = p.count(i)?;
    let hyphen = p.punct(j, b'-') && p.glued(j) && p.glued(j + 1);
    if hyphen {
        j += 1;
    }
    // "two to three weeks"
    if !hyphen && p.is_lex(j, Lex::To) || p.is_lex(j, Lex::Or) {
        if let Some((_, j2)) = p.count(j + 1) {
            if p.unit(j2).is_some() {
                j = j2;
            }
        }
    }
    if p.is_lex(j, Lex::Trading) {
        j += 1;
    }
    let (u, plural) = p.unit(j)?;
    if n == Some(1) && plural && p.lex(i) != Lex::Num(1) {
        return None;
    }
    if hyphen && plural {
        // "three-quarters" is a fraction
        return None;
    }
    if hyphen && p.punct(j + 1, b'-') && p.word_is(j + 2, "old") {
        return None;
    }
    let mut e = j + 1;
    let mut value = duration(n, u);
    // "a year and a half", "two and a half years"
    if p.is_lex(e, Lex::And) && p.is_lex(e + 1, Lex::A) && p.is_lex(e + 2, Lex::HalfWord) {
        if let Some(n) = n {
            value = half_more(n, u);
            e += 3;
        }
    }
    // "a" before a unit after an amount is a rate ("$33 million a year"), rarely
    // annotated: left out, unless an offset follows ("a year ago")
    if p.lex(i) == Lex::A
        && !the
        && i > 0
        && !matches!(
            p.lex(e),
            Lex::Ago | Lex::Mod(ModWord::Earlier | ModWord::Later)
        )
    {
        let prev = p.tok(i - 1)?;
        if prev.kind == Kind::Num
            || matches!(
                p.word(i - 1).to_ascii_lowercase().as_str(),
                "million"
                    | "billion"
                    | "percent"
                    | "times"
                    | "once"
                    | "twice"
                    | "hours"
                    | "seats"
                    | "flights"
            )
        {
            return None;
        }
    }
    // an age: "37 years old"
    if p.word_is(e, "old") {
        return None;
    }
    // "two thousand years" in the corpus letters
    if u == Unit::Year && n.is_some_and(|n| n >= 1000 && n % 1000 == 0) {
        value = format!("P{}L", n.unwrap_or(0) / 1000);
    }
    let n_signed = i64::from(n.unwrap_or(1));
    // offsets: "two days ago", "a year earlier", "three weeks later", "a year from now"
    match p.lex(e) {
        Lex::Ago if p.ok(e) && !hyphen => {
            if n.is_none() {
                return Some((Sem::Ref("PAST_REF"), e + 1, true));
            }
            return Some((Sem::Offset(u, -n_signed, u), e + 1, true));
        }
        Lex::Mod(ModWord::Earlier) | Lex::Before if p.ok(e) && !hyphen && n.is_some() => {
            // "before" must not start a clause ("a week before the vote" is a relation)
            if p.lex(e) == Lex::Before
                && p.ok(e + 1)
                && p.tok(e + 1)?.kind == Kind::Word
                && !p.tok(e + 1)?.lex.eq(&Lex::None)
            {
                return None;
            }
            if p.lex(e) == Lex::Before
                && p.tok(e + 1)
                    .is_some_and(|x| x.kind == Kind::Word && !x.newline)
            {
                return Some((Sem::Duration(value), e, the));
            }
            return Some((Sem::Anaphoric(u, -n_signed), e + 1, true));
        }
        Lex::Mod(ModWord::Later) | Lex::After if p.ok(e) && !hyphen && n.is_some() => {
            if p.lex(e) == Lex::After
                && p.tok(e + 1)
                    .is_some_and(|x| x.kind == Kind::Word && !x.newline)
            {
                return Some((Sem::Duration(value), e, the));
            }
            return Some((Sem::Anaphoric(u, n_signed), e + 1, true));
        }
        Lex::From if p.is_lex(e + 1, Lex::Deictic(Deictic::Present)) && n.is_some() => {
            return Some((Sem::Offset(u, n_signed, u), e + 2, true));
        }
        Lex::Hence if p.ok(e) && n.is_some() => {
            return Some((Sem::Offset(u, n_signed, u), e + 1, true));
        }
        _ => {}
    }
    if u == Unit::Weekend {
        return None;
    }
    // a bare "a day" etc. is fine as a duration; "one day" at sentence start is vague
    if p.lex(i) == Lex::Num(1) && !plural && u == Unit::Day && !the {
        return None;
    }
    Some((Sem::Duration(value), e, !hyphen))
}

fn half_more(n: u32, u: Unit) -> String {
    match u {
        Unit::Year => duration(Some(n * 12 + 6), Unit::Month),
        Unit::Hour => format!("PT{}M", n * 60 + 30),
        Unit::Day => format!("PT{}H", n * 24 + 12),
        Unit::Month => format!("P{}D", n * 30 + 15),
        Unit::Week => format!("P{}D", n * 7 + 3),
        _ => duration(Some(n), u),
    }
}

fn core_word(p: &P<'_>, i: usize, the: bool) -> Option<(Sem, usize, bool)> {
    let t = *p.tok(i)?;
    match t.lex {
        Lex::Month { month, abbr } => {
            // "may", "march" lowercase are verbs; abbreviations need a capital too
            if !t.cap {
                return None;
            }
            if month == 5 && !abbr {
                // "May" at a sentence start is usually the verb: require a day or year
                let next_ok = p.day(i + 1).is_some() || p.year(i + 1).is_some();
                let prev_cue = i > 0
                    && matches!(
                        p.lex(i - 1),
                        Lex::In
                            | Lex::Of
                            | Lex::Since
                            | Lex::Until
                            | Lex::By
                            | Lex::Mod(_)
                            | Lex::Rel(_)
                            | Lex::From
                    );
                if !next_ok && !prev_cue {
                    return None;
                }
            }
            let j = i + 1;
            // an abbreviation without its period ("Jan Kavan") needs a day or a year
            if abbr && !p.word(i).ends_with('.') && p.day(j).is_none() && p.year(j).is_none() {
                return None;
            }
            // "March" is also a noun ("the March for Life"): like "May" it needs a cue
            if month == 3 && !abbr && p.day(j).is_none() && p.year(j).is_none() {
                let prev_cue = i > 0
                    && matches!(
                        p.lex(i - 1),
                        Lex::In
                            | Lex::Of
                            | Lex::Since
                            | Lex::Until
                            | Lex::By
                            | Lex::Mod(_)
                            | Lex::Rel(_)
                            | Lex::From
                    );
                if !prev_cue {
                    return None;
                }
            }
            // Month day [, year]
            if let Some((d, e)) = p.day(j) {
                // "June 2" yes; "June 1990" handled below (4 digits are not a day)
                if date(2000, month, d).is_some() && !p.punct(e, b':') {
                    let mut e2 = e;
                    if p.punct(e2, b',') {
                        e2 += 1;
                    }
                    if let Some((y, e3)) = p.year(e2) {
                        return Some((Sem::Point(Point::Day(date(y, month, d)?)), e3, false));
                    }
                    // a dateline: "WASHINGTON, August 11 (Xinhua) --"
                    if p.punct(e, b'(') {
                        return None;
                    }
                    return Some((Sem::MonthDay(month, d), e, false));
                }
            }
            // Month [,] year
            let k = if p.punct(j, b',') { j + 1 } else { j };
            if let Some((y, e)) = p.year(k) {
                return Some((Sem::Point(Point::Month(y, month)), e, false));
            }
            // "June of the past year"
            if let (YearSpec::Rel(r), e) = of_year(p, j) {
                return Some((Sem::MonthOfYear(month, r), e, false));
            }
            if let (YearSpec::Abs(y), e) = of_year(p, j) {
                return Some((Sem::Point(Point::Month(y, month)), e, false));
            }
            Some((Sem::Month(month), j, false))
        }
        Lex::Weekday(w) => {
            let word = p.word(i);
            if !t.cap && word.ends_with('.') {
                return None;
            }
            let mut j = i + 1;
            // "Friday, Oct. 27" / "Wednesday, 1 January 2026"
            let k = if p.punct(j, b',') { j + 1 } else { j };
            if let Some((d, e)) = day_ref(p, k) {
                if let DayRef::Date(dt) = d {
                    return Some((Sem::Point(Point::Day(dt)), e, false));
                }
                if let DayRef::MonthDay(m, dd) = d {
                    return Some((Sem::MonthDay(m, dd), e, false));
                }
            }
            if let Some(n) = p.num(k) {
                if let Lex::Month { month, .. } = p.lex(k + 1) {
                    if let Some(dd) = u8::try_from(n).ok().filter(|d| (1..=31).contains(d)) {
                        if let Some((y, e)) = p.year(k + 2) {
                            return Some((Sem::Point(Point::Day(date(y, month, dd)?)), e, false));
                        }
                    }
                }
            }
            let pod = match p.lex(j) {
                Lex::Pod(pod) if p.ok(j) => {
                    j += 1;
                    Some(pod)
                }
                _ => None,
            };
            if pod.is_none() && p.word_is(j, "s") {
                return None;
            }
            Some((Sem::Day(DayRef::Weekday(w), pod), j, false))
        }
        Lex::Season(s) => {
            if t.cap
                && i > 0
                && p.tok(i - 1)
                    .is_some_and(|x| x.cap && x.kind == Kind::Word && !x.newline)
            {
                // "Arab Spring", "Operation Winter …": names
                return None;
            }
            let (yr, e) = of_year(p, i + 1);
            match yr {
                YearSpec::Abs(y) => Some((Sem::Point(Point::Season(y, s)), e, true)),
                YearSpec::Rel(r) => Some((
                    Sem::RelSeason(s, if r < 0 { -1 } else { i8::try_from(r).ok()? }),
                    e,
                    true,
                )),
                YearSpec::None => {
                    if !the {
                        // bare "fall" / "spring" are verbs or nouns too often
                        return None;
                    }
                    Some((Sem::Season(s), e, true))
                }
            }
        }
        Lex::Ordinal(n) => ordinal_core(p, n, i + 1),
        Lex::Rel(r) => rel_core(p, i, r, the),
        Lex::Deictic(d) => {
            let mut j = i + 1;
            let sem = match d {
                Deictic::Today | Deictic::Yesterday | Deictic::Tomorrow => {
                    let off = match d {
                        Deictic::Today => 0,
                        Deictic::Yesterday => -1,
                        _ => 1,
                    };
                    let pod = match p.lex(j) {
                        Lex::Pod(pod) if p.ok(j) => {
                            j += 1;
                            Some(pod)
                        }
                        _ => None,
                    };
                    Sem::Day(DayRef::Dct(off), pod)
                }
                Deictic::Tonight => Sem::Day(DayRef::Dct(0), Some(Pod::Night)),
                Deictic::Overnight => Sem::Day(DayRef::Dct(-1), Some(Pod::Night)),
                Deictic::Present => {
                    // "from now" belongs to an offset ("two weeks from now")
                    if p.word_is(i, "now") && i > 0 && p.lex(i - 1) == Lex::From {
                        return None;
                    }
                    Sem::Ref("PRESENT_REF")
                }
                Deictic::Past => {
                    if p.word_is(i, "formerly") {
                        return None;
                    }
                    Sem::Ref("PAST_REF")
                }
                Deictic::Future => {
                    if p.word_is(i, "future") && !the {
                        return None;
                    }
                    if p.word_is(i, "soon")
                        && (p.is_lex(i + 1, Lex::After)
                            || p.word_is(i + 1, "as")
                            || p.word_is(i + 1, "thereafter"))
                    {
                        return None;
                    }
                    Sem::Ref("FUTURE_REF")
                }
            };
            Some((sem, j, true))
        }
        Lex::Set(SetWord::Adverb(u)) => {
            if p.word_is(i, "annual") {
                return None;
            }
            Some((Sem::Set(duration(Some(1), u)), i + 1, false))
        }
        Lex::Set(SetWord::Every) => {
            let j = i + 1;
            if !p.ok(j) {
                return None;
            }
            match p.lex(j) {
                Lex::Unit {
                    unit,
                    plural: false,
                } => Some((Sem::Set(duration(Some(1), unit)), j + 1, false)),
                Lex::Weekday(w) => {
                    let mut e = j + 1;
                    let mut v = format!("XXXX-WXX-{w}");
                    if let Lex::Pod(pod) = p.lex(e) {
                        if p.ok(e) {
                            v.push('T');
                            v.push_str(pod.code());
                            e += 1;
                        }
                    }
                    Some((Sem::Set(v), e, false))
                }
                Lex::Month { month, .. } if p.tok(j)?.cap => {
                    Some((Sem::Set(format!("XXXX-{month:02}")), j + 1, false))
                }
                Lex::Pod(pod) if !matches!(pod, Pod::Noon | Pod::Midnight) => {
                    Some((Sem::Set(format!("XXXX-XX-XXT{}", pod.code())), j + 1, false))
                }
                _ => {
                    let (n, e) = p.count(j)?;
                    let (u, plural) = p.unit(e)?;
                    if !plural {
                        return None;
                    }
                    Some((Sem::Set(duration(n, u)), e + 1, false))
                }
            }
        }
        Lex::Unit { unit, plural } => unit_core(p, i, unit, plural, the),
        Lex::Pod(pod) => {
            let mut j = i + 1;
            match pod {
                Pod::Noon | Pod::Midnight => {
                    let (h, m) = if pod == Pod::Noon { (12, 0) } else { (24, 0) };
                    if p.punct(j, b',') && day_ref(p, j + 1).is_some() {
                        j += 1;
                    }
                    let (day, e) = match day_ref(p, j) {
                        Some((d, e)) => (Some(d), e),
                        None => (None, j),
                    };
                    if day.is_none() && p.word_is(i, "midday") {
                        return Some((Sem::Clock(None, h, m), j, true));
                    }
                    Some((Sem::Clock(day, h, m), e, true))
                }
                _ => {
                    // "the morning" → this morning
                    let _ = the;
                    None
                }
            }
        }
        Lex::Fiscal => {
            let mut j = i + 1;
            if matches!(p.unit(j), Some((Unit::Year, false))) {
                j += 1;
            }
            let (y, e) = p.year(j)?;
            Some((Sem::Point(Point::Year(y)), e, true))
        }
        Lex::Christmas => {
            let mut j = i + 1;
            if p.word_is(j, "eve") {
                return Some((Sem::Holiday(12, 24), j + 1, false));
            }
            if p.word_is(j, "day") {
                j += 1;
            }
            Some((Sem::Holiday(12, 25), j, false))
        }
        Lex::Thanksgiving => {
            let mut j = i + 1;
            if p.word_is(j, "day") {
                j += 1;
            }
            Some((Sem::Thanksgiving, j, false))
        }
        Lex::Num(_) | Lex::A | Lex::Several => count_unit(p, i, the),
        Lex::Period if the => {
            // "the period" after figures is the reporting quarter — too vague alone
            None
        }
        _ => {
            // "New Year's Day"
            if p.word_is(i, "new")
                && p.word_is(i + 1, "year")
                && p.punct(i + 2, b'\'')
                && p.word_is(i + 3, "s")
            {
                let mut e = i + 4;
                if p.word_is(e, "day") {
                    e += 1;
                    return Some((Sem::Holiday(1, 1), e, false));
                }
                if p.word_is(e, "eve") {
                    return Some((Sem::Holiday(12, 31), e + 1, false));
                }
            }
            // "Q3", "Q3 2025"
            let w = p.word(i);
            if w.len() == 1 && (w == "Q" || w == "H") && p.glued(i + 1) {
                let n = p.num(i + 1)?;
                let max = if w == "Q" { 4 } else { 2 };
                if (1..=max).contains(&n) && p.tok(i + 1)?.digits == 1 {
                    let q = u8::try_from(n).ok()? + if w == "H" { 4 } else { 0 };
                    if let Some((y, e)) = p.year(i + 2) {
                        return Some((
                            Sem::Point(if q > 4 {
                                Point::Half(y, q - 4)
                            } else {
                                Point::Quarter(y, q)
                            }),
                            e,
                            false,
                        ));
                    }
                    return Some((Sem::Quarter(q), i + 2, false));
                }
            }
            None
        }
    }
}

/// "the year", "the quarter", "year-end", "years" (after for/in/over), "the weekend".
fn unit_core(
    p: &P<'_>,
    i: usize,
    unit: Unit,
    plural: bool,
    the: bool,
) -> Option<(Sem, usize, bool)> {
    // "year-earlier", "year-ago" adjectives: the same period a year before
    if unit == Unit::Year && !plural && p.punct(i + 1, b'-') && p.glued(i + 1) {
        match p.lex(i + 2) {
            Lex::Mod(ModWord::Earlier) | Lex::Ago => {
                let mut e = i + 3;
                // "the year-ago quarter/period"
                if matches!(p.unit(e), Some((Unit::Quarter, false))) || p.is_lex(e, Lex::Period) {
                    e += 1;
                    return Some((Sem::ReportQuarter(-1), e, true));
                }
                return Some((Sem::Anaphoric(Unit::Year, -1), e, false));
            }
            Lex::Mod(ModWord::End) => return Some((Sem::Unit(Unit::Year, 0), i + 3, true)),
            _ => {}
        }
    }
    if unit == Unit::Year && !plural {
        // "year end", "year's end"
        if p.is_lex(i + 1, Lex::Mod(ModWord::End)) {
            return Some((Sem::Unit(Unit::Year, 0), i + 2, true));
        }
        if p.punct(i + 1, b'\'') && p.word_is(i + 2, "s") && p.is_lex(i + 3, Lex::Mod(ModWord::End))
        {
            return Some((Sem::Unit(Unit::Year, 0), i + 4, true));
        }
    }
    if the && !plural && p.punct(i + 1, b'-') {
        return None;
    }
    if the
        && !plural
        && unit == Unit::Year
        && (p.word_is(i + 1, "ended") || p.word_is(i + 1, "ending"))
    {
        return Some((Sem::Duration(duration(Some(1), unit)), i + 1, true));
    }
    if the && unit == Unit::Weekend && i >= 2 && p.lex(i - 2) == Lex::Mod(ModWord::Over) {
        return Some((Sem::Duration("P2D".to_string()), i + 1, true));
    }
    if the && !plural {
        return match unit {
            Unit::Quarter => Some((Sem::ReportQuarter(0), i + 1, true)),
            Unit::Weekend => Some((Sem::Unit(Unit::Weekend, 0), i + 1, true)),
            Unit::Year | Unit::Week | Unit::Month => {
                if p.is_lex(i + 1, Lex::Of)
                    || p.is_lex(i + 1, Lex::Before)
                    || p.is_lex(i + 1, Lex::After)
                {
                    // "the year of …", "the day before" are relations
                    return None;
                }
                Some((Sem::Unit(unit, 0), i + 1, true))
            }
            _ => None,
        };
    }
    if plural && i > 0 && !the {
        let prev = p.lex(i - 1);
        if matches!(prev, Lex::For | Lex::Within)
            && matches!(
                unit,
                Unit::Year
                    | Unit::Month
                    | Unit::Week
                    | Unit::Day
                    | Unit::Decade
                    | Unit::Hour
                    | Unit::Century
            )
        {
            return Some((Sem::Duration(duration(None, unit)), i + 1, true));
        }
    }
    None
}

/// Expressions starting with a relating word: "last year", "next Tuesday", "the past two
/// months", "the same day", "this morning", "last night", "the past".
fn rel_core(p: &P<'_>, i: usize, r: Rel, the: bool) -> Option<(Sem, usize, bool)> {
    let j = i + 1;
    if !p.ok(j) {
        if r == Rel::Past && the {
            return Some((Sem::Ref("PAST_REF"), j, true));
        }
        return None;
    }
    let s = signed(r);
    match p.lex(j) {
        Lex::Unit {
            unit,
            plural: false,
        } => {
            if r == Rel::Latest {
                if unit == Unit::Quarter {
                    return Some((Sem::ReportQuarter(0), j + 1, true));
                }
                return None;
            }
            if r == Rel::Same || r == Rel::That {
                return Some((Sem::Same(unit), j + 1, true));
            }
            let s = s?;
            if unit == Unit::Quarter && s == 0 {
                return Some((Sem::ReportQuarter(0), j + 1, true));
            }
            // "the previous day", "the following week": anaphoric
            if matches!(r, Rel::Previous | Rel::Following) && the {
                return Some((Sem::Anaphoric(unit, i64::from(s)), j + 1, true));
            }
            // "the past year" / "the last year" is usually a duration
            if the
                && matches!(r, Rel::Past | Rel::Last)
                && matches!(
                    unit,
                    Unit::Year | Unit::Month | Unit::Week | Unit::Decade | Unit::Century
                )
            {
                return Some((Sem::Duration(duration(Some(1), unit)), j + 1, true));
            }
            if r == Rel::Past && !the {
                return None;
            }
            // "this year's third quarter", "next year's first quarter"
            if unit == Unit::Year && p.punct(j + 1, b'\'') && p.word_is(j + 2, "s") {
                if let Lex::Ordinal(q) = p.lex(j + 3) {
                    if (1..=4).contains(&q) && matches!(p.unit(j + 4), Some((Unit::Quarter, false)))
                    {
                        return Some((Sem::QuarterOfYear(q, i32::from(s)), j + 5, true));
                    }
                }
            }
            let unit_sem = if unit == Unit::Day {
                Sem::Day(DayRef::Dct(i32::from(s)), None)
            } else {
                Sem::Unit(unit, i32::from(s))
            };
            Some((unit_sem, j + 1, true))
        }
        Lex::Weekday(w) => {
            let s = s?;
            let mut e = j + 1;
            let pod = match p.lex(e) {
                Lex::Pod(pod) if p.ok(e) => {
                    e += 1;
                    Some(pod)
                }
                _ => None,
            };
            if pod.is_some() {
                return Some((Sem::Day(DayRef::Weekday(w), pod), e, true));
            }
            Some((Sem::RelWeekday(w, s), e, true))
        }
        Lex::Month { month, .. } if p.tok(j)?.cap => {
            let s = s?;
            Some((Sem::RelMonth(month, s), j + 1, true))
        }
        Lex::Season(season) => {
            let s = s?;
            Some((Sem::RelSeason(season, s), j + 1, true))
        }
        Lex::Pod(pod) => {
            if r == Rel::This {
                return Some((Sem::Day(DayRef::Dct(0), Some(pod)), j + 1, true));
            }
            if r == Rel::Last && pod == Pod::Night {
                return Some((Sem::Day(DayRef::Dct(-1), Some(Pod::Night)), j + 1, true));
            }
            None
        }
        Lex::Time if matches!(r, Rel::Same | Rel::That) && !p.is_lex(j + 1, Lex::Of) => None,
        _ => {
            // "the past two months", "the next five years", "the last three years"
            if matches!(
                r,
                Rel::Past | Rel::Last | Rel::Next | Rel::Previous | Rel::Following | Rel::Latest
            ) {
                if let Some((n, e)) = p.count(j) {
                    if p.lex(j) != Lex::A {
                        if let Some((u, plural)) = p.unit(e) {
                            if plural || n == Some(1) {
                                return Some((Sem::Duration(duration(n, u)), e + 1, true));
                            }
                        }
                    }
                }
                if matches!(r, Rel::Past) && the {
                    return Some((Sem::Ref("PAST_REF"), j, true));
                }
                if matches!(r, Rel::Latest) && !the {
                    // "recent years"
                    if let Some((u, true)) = p.unit(j) {
                        if u == Unit::Year {
                            return Some((Sem::Ref("PAST_REF"), j + 1, true));
                        }
                        return Some((Sem::Duration(duration(None, u)), j + 1, true));
                    }
                }
            }
            None
        }
    }
}
