use super::*;

fn run(body: &str, dct: Option<&str>) -> Vec<TimexFound> {
    extract(body, &[], dct.map(|d| Dct::parse(d).unwrap()))
}

fn find<'a>(ts: &'a [TimexFound], text: &str) -> &'a TimexFound {
    ts.iter()
        .find(|t| t.text == text)
        .unwrap_or_else(|| panic!("no timex {text:?} in {ts:#?}"))
}

#[test]
fn relative_expressions() {
    let ts = run(
        "The talks took place late last month. Officials met two days ago and will meet again next Tuesday. Profits rose in the third quarter, a year earlier they fell.",
        Some("2026-01-01"),
    );
    let t = find(&ts, "late last month");
    assert_eq!(
        (t.value.as_str(), t.modifier.as_deref()),
        ("2025-12", Some("END"))
    );
    assert_eq!(find(&ts, "two days ago").value, "2025-12-30");
    assert_eq!(find(&ts, "next Tuesday").value, "2026-01-06");
    assert_eq!(find(&ts, "the third quarter").value, "2025-Q3");
    assert_eq!(find(&ts, "a year earlier").value, "2024-Q3");
}

#[test]
fn durations_and_sets() {
    let ts = run(
        "A 12-day conflict. They waited for three months, then about two hours. The board meets every Friday and reports daily.",
        Some("2026-01-01"),
    );
    assert_eq!(find(&ts, "12-day").value, "P12D");
    assert_eq!(find(&ts, "three months").value, "P3M");
    let t = find(&ts, "about two hours");
    assert_eq!(
        (t.value.as_str(), t.modifier.as_deref()),
        ("PT2H", Some("APPROX"))
    );
    let t = find(&ts, "every Friday");
    assert_eq!((t.value.as_str(), t.kind), ("XXXX-WXX-5", TimexType::Set));
    assert_eq!(find(&ts, "daily").value, "P1D");
}

#[test]
fn undated_stays_partial() {
    let ts = run("On February 4, the leaders are set to meet.", None);
    let t = find(&ts, "February 4");
    assert_eq!(t.value, "XXXX-02-04");
    assert!(t.partial);
}

#[test]
fn dct_parsing() {
    assert!(Dct::parse("2026-01-01T21:01:00Z").is_ok());
    assert!(Dct::parse("1998-02-13T14:26:00").is_ok());
    assert!(Dct::parse("2026-01").is_ok());
    assert!(Dct::parse("yesterday").is_err());
    assert!(Dct::parse("").is_err());
}
