//! Properties of the clean stage: no panics on any input, a well-formed body, and
//! `parse_date` right on generated dates in several formats.

use newsgraph_ingest::clean::{clean_body, clean_scraped, parse_date};
use proptest::prelude::*;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn days_in(y: u32, m: u32) -> u32 {
    let first = jiff::civil::Date::new(y as i16, m as i8, 1).expect("valid month");
    first.days_in_month() as u32
}

/// Lines that mix prose, chrome, dates, bylines and odd whitespace.
fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z ,.’“”—-]{0,80}",
        "\\PC{0,40}",
        Just("Comments Here:".to_string()),
        Just("Share on X".to_string()),
        Just("Advertisement".to_string()),
        Just("By Jane Doe, Reuters".to_string()),
        Just("01 January 2026 21:01 PM".to_string()),
        Just("NEWS DESK".to_string()),
        Just("(Reuters) - Text.".to_string()),
        Just("He said. Read more: x".to_string()),
        Just(" \t\u{a0}\r".to_string()),
        Just(String::new()),
    ]
}

fn check_body(body: &str) -> Result<(), TestCaseError> {
    prop_assert!(!body.contains("\n\n"), "empty paragraph in {body:?}");
    prop_assert!(!body.contains('\r'));
    prop_assert!(!body.contains('\u{a0}'), "NBSP in body");
    prop_assert_eq!(body.trim(), body);
    for para in body.split('\n') {
        prop_assert_eq!(para.trim(), para);
        prop_assert!(!para.contains("  "));
        prop_assert!(!para.contains('\t'));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn parse_date_never_panics(s in "\\PC{0,60}") {
        let _ = parse_date(&s);
    }

    #[test]
    fn parse_date_never_panics_on_datey_text(s in "[0-9A-Za-z:/.,+| -]{0,40}") {
        if let Some(iso) = parse_date(&s) {
            prop_assert!(iso.len() >= 10 && iso.as_bytes()[4] == b'-');
        }
    }

    #[test]
    fn parse_date_reads_generated_dates(
        y in 1900u32..2100, m in 1u32..=12, d0 in 1u32..=31,
        h in 0u32..24, mi in 0u32..60, s in 0u32..60, fmt in 0usize..9,
    ) {
        let d = d0.min(days_in(y, m));
        let month = MONTHS[m as usize - 1];
        let date = format!("{y:04}-{m:02}-{d:02}");
        let h12 = if h % 12 == 0 { 12 } else { h % 12 };
        let ampm = if h < 12 { "AM" } else { "PM" };
        let (input, want) = match fmt {
            0 => (format!("{d} {month} {y}"), date.clone()),
            1 => (format!("{} {d}, {y}", &month[..3]), date.clone()),
            2 => (format!("{month} {d}, {y} {h12}:{mi:02} {ampm}"), format!("{date}T{h:02}:{mi:02}")),
            3 => (format!("{date}T{h:02}:{mi:02}:{s:02}Z"), format!("{date}T{h:02}:{mi:02}:{s:02}Z")),
            4 => (format!("{d:02} {month} {y} {h:02}:{mi:02} PM"), format!("{date}T{:02}:{mi:02}", if h >= 13 || h == 0 { h } else { h % 12 + 12 })),
            5 => (format!("{date} {h:02}:{mi:02}"), format!("{date}T{h:02}:{mi:02}")),
            6 => (format!("Updated: {d} {} {y} | {h:02}:{mi:02}", &month[..3]), format!("{date}T{h:02}:{mi:02}")),
            7 => (format!("{date}T{h:02}:{mi:02}:{s:02}+05:30"), format!("{date}T{h:02}:{mi:02}:{s:02}+05:30")),
            _ => {
                // Numeric day/month/year: read only when unambiguous.
                let want = if d > 12 || d == m { Some(date.clone()) } else { None };
                let input = format!("{d:02}/{m:02}/{y}");
                prop_assert_eq!(parse_date(&input), want, "{}", input);
                return Ok(());
            }
        };
        prop_assert_eq!(parse_date(&input), Some(want), "{}", input);
    }

    #[test]
    fn clean_never_panics_and_body_is_well_formed(lines in prop::collection::vec(line(), 0..12), crlf in any::<bool>()) {
        let raw = lines.join(if crlf { "\r\n" } else { "\n" });
        let c = clean_scraped(&raw);
        check_body(&c.body)?;
        let b = clean_body(&raw);
        check_body(&b.body)?;
        prop_assert!(c.via.iter().all(|v| !v.is_empty()));
    }

    #[test]
    fn clean_never_panics_on_arbitrary_text(raw in "\\PC{0,300}|[\\s\\S]{0,200}") {
        let c = clean_scraped(&raw);
        check_body(&c.body)?;
        check_body(&clean_body(&raw).body)?;
    }
}
