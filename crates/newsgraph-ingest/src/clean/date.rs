//! Dates and date-times as news pages write them, normalised to ISO-8601.
//!
//! The parser is a small hand-written tokenizer, not a set of regexes: the string is cut
//! at spaces, commas, bars and parentheses, every piece must be recognised (month or
//! weekday name, day, four-digit year, clock time, AM/PM marker, zone, ISO or numeric
//! date), and the pieces are then assembled. Anything unrecognised rejects the whole
//! string, which is what makes it safe to try on every short header line of a page:
//! a sentence that merely contains a date is never mistaken for a date line.
//!
//! Rules worth knowing:
//! - The output keeps only the precision stated: a date gives `2026-01-01`, a clock time
//!   adds `T21:01`, seconds add `:05` (fractions are kept as written), and a zone or
//!   offset is kept (`Z`, `+02:00`). A zone without a clock time is dropped.
//! - AM/PM applies only to hours 1–12 (`9:05 PM` → 21:05, `12:30 AM` → 00:30). A marker
//!   on a 24-hour time (`21:01 PM`, seen in the wild) is ignored.
//! - Numeric dates (`01/02/2026`, `1.2.2026`) are accepted only when day and month cannot
//!   be confused: a part above 12 decides, equal parts are the same either way, anything
//!   else is rejected. Years must have four digits.
//! - The calendar is checked (no 30 February). A weekday name is accepted and ignored,
//!   even when it disagrees with the date: the date is the more specific statement.
//! - Relative dates ("2 hours ago", "yesterday") and month-only dates are rejected:
//!   nothing here ever looks at today's date.

/// A clock time as written; `sec` and `frac` are present only when stated.
#[derive(Debug, Clone, Copy)]
struct Clock<'a> {
    hour: u8,
    min: u8,
    sec: Option<u8>,
    frac: Option<&'a str>,
}

/// A time zone as far as it can be stated without a zone database.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Zone {
    /// UTC, written as `Z` in the output.
    Utc,
    /// A fixed offset in minutes east of UTC.
    Offset(i16),
    /// A zone name whose offset is ambiguous (`ET`, `IST`): the time is kept naive.
    Unknown,
}

/// One recognised piece of a date string.
#[derive(Debug, Clone, Copy)]
enum Tok<'a> {
    /// A bare number and its digit count.
    Num(u32, usize),
    /// A day with an ordinal suffix ("1st").
    Ordinal(u32),
    Month(u8),
    Weekday,
    /// AM (false) or PM (true).
    Meridiem(bool),
    Zone(Zone),
    Clock(Clock<'a>),
    /// Three numbers with their digit counts, as in `01/02/2026` or `2026-01-02`.
    NumDate([(u32, usize); 3]),
}

/// Labels that may precede a date line ("Updated: …", "Published on …").
const LABELS: &[&str] = &[
    "last updated on",
    "last updated",
    "last modified",
    "first published on",
    "first published",
    "updated on",
    "updated at",
    "updated",
    "published on",
    "published at",
    "published",
    "posted on",
    "posted at",
    "posted",
    "dated",
    "date",
];

/// Removes one leading label and the `:` or dash after it. Returns the rest and whether
/// the label was an "updated" one.
pub(crate) fn strip_label(s: &str) -> (&str, Option<bool>) {
    let Some(&first) = s.as_bytes().first() else {
        return (s, None);
    };
    for label in LABELS {
        // The first byte rules out almost every label before a full comparison.
        if !label.as_bytes()[0].eq_ignore_ascii_case(&first) {
            continue;
        }
        if let Some(head) = s.get(..label.len()) {
            if head.eq_ignore_ascii_case(label) {
                let rest = &s[label.len()..];
                if rest.starts_with(|c: char| c.is_alphanumeric()) {
                    continue;
                }
                let rest = rest.trim_start_matches(|c: char| {
                    c.is_whitespace() || matches!(c, ':' | '-' | '–' | '—')
                });
                let updated = label.contains("updated") || label.contains("modified");
                return (rest, Some(updated));
            }
        }
    }
    (s, None)
}

/// Parses `text` into ISO-8601; see the module documentation for the rules.
pub(crate) fn parse_date(text: &str) -> Option<String> {
    let s = text.trim();
    if s.is_empty() || s.len() > 100 {
        return None;
    }
    let (s, _) = strip_label(s);
    let mut toks: Vec<Tok<'_>> = Vec::with_capacity(8);
    for raw in s.split(|c: char| {
        c.is_whitespace() || matches!(c, ',' | '|' | '(' | ')' | '·' | '•' | '@' | '[' | ']')
    }) {
        let t = raw.trim_end_matches(['.', ',', ';']);
        if t.is_empty() {
            continue;
        }
        tokenize(t, &mut toks)?;
    }
    assemble(&toks)
}

/// Whether `text` is shaped like a date even though [`parse_date`] rejects it
/// ("03/04/2026", "30 February 2026"): digits, separators and date words only. Such a
/// header line is dropped rather than taken for a headline.
pub(crate) fn looks_like_date(text: &str) -> bool {
    let (s, _) = strip_label(text.trim());
    if s.len() > 60 || !s.bytes().any(|c| c.is_ascii_digit()) {
        return false;
    }
    s.split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '(' | ')'))
        .map(|t| t.trim_end_matches('.'))
        .filter(|t| !t.is_empty())
        .all(|t| {
            let lower = t.to_ascii_lowercase();
            t.bytes()
                .all(|c| c.is_ascii_digit() || matches!(c, b'/' | b'.' | b'-' | b':' | b'+'))
                || month(&lower).is_some()
                || is_weekday(&lower)
                || meridiem(&lower).is_some()
                || zone_name(&lower).is_some()
        })
}

/// Recognises one piece; `None` rejects the whole string.
fn tokenize<'a>(t: &'a str, out: &mut Vec<Tok<'a>>) -> Option<()> {
    let b = t.as_bytes();
    if matches!(t, "-" | "–" | "—" | "/" | ":") {
        return Some(());
    }
    let lower_buf;
    let lower: &str = if b.iter().any(u8::is_ascii_uppercase) {
        lower_buf = t.to_ascii_lowercase();
        &lower_buf
    } else {
        t
    };
    if matches!(lower, "at" | "on" | "of" | "the" | "hrs" | "h") {
        return Some(());
    }
    if b[0].is_ascii_alphabetic() {
        if let Some(m) = month(lower) {
            out.push(Tok::Month(m));
        } else if is_weekday(lower) {
            out.push(Tok::Weekday);
        } else if let Some(pm) = meridiem(lower) {
            out.push(Tok::Meridiem(pm));
        } else {
            out.push(Tok::Zone(zone_name(lower)?));
        }
        return Some(());
    }
    if b[0] == b'+' || (b[0] == b'-' && b.len() > 1) {
        out.push(Tok::Zone(Zone::Offset(offset(t)?)));
        return Some(());
    }
    if !b[0].is_ascii_digit() {
        return None;
    }
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let rest = &t[digits..];
    let rest_lower = &lower[digits..];
    if rest.is_empty() {
        if digits > 4 {
            return None;
        }
        out.push(Tok::Num(t.parse().ok()?, digits));
        return Some(());
    }
    let n: u32 = t[..digits].parse().ok()?;
    if digits <= 2 && matches!(rest_lower, "st" | "nd" | "rd" | "th") {
        out.push(Tok::Ordinal(n));
        return Some(());
    }
    if digits <= 2 {
        if let Some(pm) = meridiem(rest_lower) {
            // "9pm": an hour without minutes.
            let clock = Clock {
                hour: u8::try_from(n).ok()?,
                min: 0,
                sec: None,
                frac: None,
            };
            out.push(Tok::Clock(clock));
            out.push(Tok::Meridiem(pm));
            return Some(());
        }
    }
    if rest.starts_with(':') {
        return clock(t, out);
    }
    // A numeric date, possibly followed by `T` and an ISO time.
    if digits == 4 && b.len() > 10 && matches!(b[10], b'T' | b't') {
        numeric_date(&t[..10], out)?;
        return clock(&t[11..], out);
    }
    numeric_date(t, out)
}

/// `a/b/c`, `a-b-c` or `a.b.c` with one separator kind throughout.
fn numeric_date<'a>(t: &'a str, out: &mut Vec<Tok<'a>>) -> Option<()> {
    let sep = t.bytes().find(|c| !c.is_ascii_digit())?;
    if !matches!(sep, b'/' | b'-' | b'.') {
        return None;
    }
    let mut parts = [(0u32, 0usize); 3];
    let mut n = 0;
    for p in t.split(sep as char) {
        if n == 3 || p.is_empty() || p.len() > 4 || !p.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        parts[n] = (p.parse().ok()?, p.len());
        n += 1;
    }
    if n != 3 {
        return None;
    }
    out.push(Tok::NumDate(parts));
    Some(())
}

/// `H:MM[:SS[.fff]]` with an optional attached AM/PM or zone.
fn clock<'a>(t: &'a str, out: &mut Vec<Tok<'a>>) -> Option<()> {
    let b = t.as_bytes();
    let hd = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if !(1..=2).contains(&hd) || b.get(hd) != Some(&b':') {
        return None;
    }
    let two = |at: usize| -> Option<u8> {
        let d = b.get(at..at + 2)?;
        if d.iter().all(u8::is_ascii_digit) && !b.get(at + 2).is_some_and(u8::is_ascii_digit) {
            Some((d[0] - b'0') * 10 + (d[1] - b'0'))
        } else {
            None
        }
    };
    let hour: u8 = t[..hd].parse().ok()?;
    let min = two(hd + 1)?;
    let mut i = hd + 3;
    let mut sec = None;
    let mut frac = None;
    if b.get(i) == Some(&b':') {
        sec = Some(two(i + 1)?);
        i += 3;
        if matches!(b.get(i), Some(b'.' | b',')) {
            let fd = b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
            if fd == 0 || fd > 9 {
                return None;
            }
            frac = Some(&t[i + 1..i + 1 + fd]);
            i += 1 + fd;
        }
    }
    out.push(Tok::Clock(Clock {
        hour,
        min,
        sec,
        frac,
    }));
    let rest = &t[i..];
    if rest.is_empty() {
        return Some(());
    }
    let lower = rest.to_ascii_lowercase();
    if let Some(pm) = meridiem(&lower) {
        out.push(Tok::Meridiem(pm));
    } else if rest.starts_with(['+', '-']) {
        out.push(Tok::Zone(Zone::Offset(offset(rest)?)));
    } else {
        out.push(Tok::Zone(zone_name(&lower)?));
    }
    Some(())
}

/// `+HH:MM`, `+HHMM`, `+HH` or `+H`, in minutes east of UTC.
fn offset(t: &str) -> Option<i16> {
    let sign: i16 = match t.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let d = &t[1..];
    if !d.is_ascii() {
        return None;
    }
    let (h, m) = match d.len() {
        1 | 2 => (d, "0"),
        4 if !d.contains(':') => (&d[..2], &d[2..]),
        4 | 5 if d.as_bytes().get(d.len() - 3) == Some(&b':') => {
            let c = d.len() - 3;
            (&d[..c], &d[c + 1..])
        }
        _ => return None,
    };
    if !h.bytes().chain(m.bytes()).all(|c| c.is_ascii_digit()) {
        return None;
    }
    let (h, m): (i16, i16) = (h.parse().ok()?, m.parse().ok()?);
    if h > 18 || m > 59 {
        return None;
    }
    Some(sign * (h * 60 + m))
}

fn zone_name(lower: &str) -> Option<Zone> {
    for prefix in ["utc", "gmt"] {
        if let Some(rest) = lower.strip_prefix(prefix) {
            return if rest.is_empty() {
                Some(Zone::Utc)
            } else {
                offset(rest).map(Zone::Offset)
            };
        }
    }
    let hours: i16 = match lower {
        "z" => return Some(Zone::Utc),
        "est" => -5,
        "edt" => -4,
        "cst" => -6,
        "cdt" => -5,
        "mst" => -7,
        "mdt" => -6,
        "pst" => -8,
        "pdt" => -7,
        "bst" | "cet" | "wat" => 1,
        "cest" | "eet" | "cat" | "sast" => 2,
        "eest" | "msk" | "ast" | "trt" | "eat" => 3,
        "jst" | "kst" => 9,
        "et" | "ct" | "mt" | "pt" | "ist" | "local" => return Some(Zone::Unknown),
        _ => return None,
    };
    Some(Zone::Offset(hours * 60))
}

fn meridiem(lower: &str) -> Option<bool> {
    match lower {
        "am" | "a.m" | "a.m." => Some(false),
        "pm" | "p.m" | "p.m." => Some(true),
        _ => None,
    }
}

fn month(lower: &str) -> Option<u8> {
    const NAMES: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    if lower == "sept" {
        return Some(9);
    }
    NAMES
        .iter()
        .position(|n| lower == *n || (lower.len() == 3 && n.starts_with(lower)))
        .map(|i| i as u8 + 1)
}

fn is_weekday(lower: &str) -> bool {
    const NAMES: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    matches!(lower, "tues" | "thur" | "thurs")
        || NAMES
            .iter()
            .any(|n| lower == *n || (lower.len() == 3 && n.starts_with(lower)))
}

/// Puts the pieces together, or rejects them.
fn assemble(toks: &[Tok<'_>]) -> Option<String> {
    let (mut year, mut month, mut day) = (None::<u32>, None::<u32>, None::<u32>);
    let mut clock: Option<Clock<'_>> = None;
    let mut pm: Option<bool> = None;
    let mut zone: Option<Zone> = None;
    let mut weekdays = 0;
    fn set<T>(slot: &mut Option<T>, v: T) -> Option<()> {
        if slot.is_some() {
            return None;
        }
        *slot = Some(v);
        Some(())
    }
    let mut i = 0;
    while i < toks.len() {
        match toks[i] {
            Tok::Num(n, digits) => {
                if matches!(toks.get(i + 1), Some(Tok::Meridiem(_))) && digits <= 2 {
                    // "9 PM"
                    let hour = u8::try_from(n).ok()?;
                    set(
                        &mut clock,
                        Clock {
                            hour,
                            min: 0,
                            sec: None,
                            frac: None,
                        },
                    )?;
                } else if digits == 4 {
                    set(&mut year, n)?;
                } else if digits <= 2 {
                    set(&mut day, n)?;
                } else {
                    return None;
                }
            }
            Tok::Ordinal(n) => set(&mut day, n)?,
            Tok::Month(m) => set(&mut month, u32::from(m))?,
            Tok::Weekday => {
                weekdays += 1;
                if weekdays > 1 {
                    return None;
                }
            }
            Tok::Meridiem(p) => {
                clock?;
                set(&mut pm, p)?;
            }
            Tok::Zone(z) => set(&mut zone, z)?,
            Tok::Clock(c) => set(&mut clock, c)?,
            Tok::NumDate(parts) => {
                let (y, m, d) = resolve_numeric(parts)?;
                set(&mut year, y)?;
                set(&mut month, m)?;
                set(&mut day, d)?;
            }
        }
        i += 1;
    }
    let (year, month, day) = (year?, month?, day?);
    if !(1000..=9999).contains(&year) {
        return None;
    }
    let y = i16::try_from(year).ok()?;
    let m = i8::try_from(month).ok()?;
    let d = i8::try_from(day).ok()?;
    jiff::civil::Date::new(y, m, d).ok()?;
    let mut out = format!("{year:04}-{month:02}-{day:02}");
    let Some(mut c) = clock else {
        return Some(out);
    };
    if let Some(pm) = pm {
        if (1..=12).contains(&c.hour) {
            c.hour = if pm { c.hour % 12 + 12 } else { c.hour % 12 };
        }
    }
    if c.hour > 23 || c.min > 59 || c.sec.is_some_and(|s| s > 59) {
        return None;
    }
    use std::fmt::Write as _;
    let _ = write!(out, "T{:02}:{:02}", c.hour, c.min);
    if let Some(s) = c.sec {
        let _ = write!(out, ":{s:02}");
        if let Some(f) = c.frac {
            out.push('.');
            out.push_str(f);
        }
    }
    match zone {
        Some(Zone::Utc) => out.push('Z'),
        Some(Zone::Offset(mins)) => {
            let sign = if mins < 0 { '-' } else { '+' };
            let a = mins.unsigned_abs();
            let _ = write!(out, "{sign}{:02}:{:02}", a / 60, a % 60);
        }
        Some(Zone::Unknown) | None => {}
    }
    Some(out)
}

/// Year, month, day from a numeric date, or `None` when day and month are ambiguous.
fn resolve_numeric(p: [(u32, usize); 3]) -> Option<(u32, u32, u32)> {
    let [(a, al), (b, bl), (c, cl)] = p;
    if al == 4 && bl <= 2 && cl <= 2 {
        return Some((a, b, c));
    }
    if cl != 4 || al > 2 || bl > 2 {
        return None;
    }
    if a == b || (a > 12 && b <= 12) {
        Some((c, b, a))
    } else if b > 12 && a <= 12 {
        Some((c, a, b))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::parse_date as p;

    #[test]
    fn formats_from_the_issue() {
        let cases = [
            ("01 January 2026 21:01 PM", "2026-01-01T21:01"),
            ("1 January 2026 9:05 PM", "2026-01-01T21:05"),
            ("1 January 2026 12:30 AM", "2026-01-01T00:30"),
            ("1 January 2026 12:30 PM", "2026-01-01T12:30"),
            ("Jan 1, 2026", "2026-01-01"),
            ("Jan. 1, 2026", "2026-01-01"),
            ("January 1, 2026", "2026-01-01"),
            ("2026-01-01T21:01:00Z", "2026-01-01T21:01:00Z"),
            (
                "2026-01-01T21:01:00.250+02:00",
                "2026-01-01T21:01:00.250+02:00",
            ),
            ("2026-01-01 21:01", "2026-01-01T21:01"),
            ("2026-01-01", "2026-01-01"),
            ("Wednesday, 1 January 2026", "2026-01-01"),
            (
                "Wed, 01 Jan 2026 21:01:00 +0000",
                "2026-01-01T21:01:00+00:00",
            ),
            ("1 Jan 2026 | 14:30", "2026-01-01T14:30"),
            ("01/01/2026", "2026-01-01"),
            ("13/01/2026", "2026-01-13"),
            ("01/13/2026", "2026-01-13"),
            ("Updated: Jan 1, 2026", "2026-01-01"),
            ("Published 1 January 2026, 14:05 GMT", "2026-01-01T14:05Z"),
            ("Posted on January 1st, 2026 at 9pm ET", "2026-01-01T21:00"),
            ("1 Jan 2026 14:30 UTC+3", "2026-01-01T14:30+03:00"),
        ];
        for (input, want) in cases {
            assert_eq!(p(input).as_deref(), Some(want), "{input}");
        }
    }

    #[test]
    fn rejects() {
        for input in [
            "",
            "02/03/2026",
            "30 February 2026",
            "January 2026",
            "2 hours ago",
            "Yesterday",
            "1 Jan 26",
            "The talks took place on 1 January 2026",
            "1 Jan 2026 25:00",
            "Jan 1 2 2026",
            "NEWS DESK",
            "+aᝠ[0",
            "1 Jan 2026 10:00 +1ᝠ",
            "2026-01-01T",
            "2026-01-01Tx",
        ] {
            assert_eq!(p(input), None, "{input}");
        }
        assert!(super::looks_like_date("03/04/2026"));
        assert!(super::looks_like_date("Updated: 30 February 2026"));
        assert!(!super::looks_like_date("NEWS DESK"));
        assert!(!super::looks_like_date(
            "Trump meets Netanyahu on 4 February"
        ));
    }
}
