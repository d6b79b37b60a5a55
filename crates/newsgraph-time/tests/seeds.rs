//! The must-show values on the seed articles in `../shared/seeds/` (skipped when
//! absent). The seed texts are read at test time, never copied here.

use jiff::civil::date;
use newsgraph_time::{
    bound_publication, extract, resolve_with_bounds, Dct, OfficeTerm, OfficeTerms, TimexFound,
};
use std::path::PathBuf;

fn seed(prefix: &str) -> Option<String> {
    let base = std::fs::canonicalize(env!("CARGO_MANIFEST_DIR")).ok()?;
    let dir = base.join("../../../shared/seeds");
    let Ok(rd) = std::fs::read_dir(&dir) else {
        eprintln!("skipping: {} not found", dir.display());
        return None;
    };
    let path: PathBuf = rd.flatten().map(|e| e.path()).find(|p| {
        p.file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with(prefix))
    })?;
    std::fs::read_to_string(path).ok()
}

fn find<'a>(ts: &'a [TimexFound], text: &str) -> &'a TimexFound {
    ts.iter().find(|t| t.text == text).unwrap_or_else(|| {
        panic!(
            "no timex {text:?} among {:?}",
            ts.iter().map(|t| &t.text).collect::<Vec<_>>()
        )
    })
}

#[test]
fn dated_seed() {
    let Some(text) = seed("000_") else { return };
    let sents = newsgraph_segment::sentences(&text);
    let ts = extract(&text, &sents, Some(Dct::new(date(2026, 1, 1))));
    let t = find(&ts, "late last month");
    assert_eq!(
        (t.value.as_str(), t.modifier.as_deref()),
        ("2025-12", Some("END"))
    );
    assert_eq!(find(&ts, "2026").value, "2026");
    assert_eq!(find(&ts, "June of the past year").value, "2025-06");
    let t = find(&ts, "January 23");
    assert_eq!(
        (t.value.as_str(), t.tense),
        ("2026-01-23", newsgraph_time::Tense::Future)
    );
    assert_eq!(find(&ts, "October 2023").value, "2023-10");
    assert_eq!(find(&ts, "12-day").value, "P12D");
    // anaphoric: "more than a week earlier" after the June strikes
    let t = find(&ts, "More than a week earlier");
    assert_eq!(
        (t.value.as_str(), t.modifier.as_deref()),
        ("2025-06", Some("BEFORE"))
    );
    for t in &ts {
        assert!(newsgraph_time::is_valid_value(&t.value), "{t:?}");
    }
}

/// The knowledge base is not there yet: a two-entry stand-in with the two terms of the
/// seed's office holder, written for this test.
struct TinyKb;

impl OfficeTerms for TinyKb {
    fn terms(&self, title: &str, name: &str) -> Vec<OfficeTerm> {
        if title.ends_with("President") && name == "Donald Trump" {
            vec![
                OfficeTerm {
                    from: date(2017, 1, 20),
                    to: Some(date(2021, 1, 20)),
                },
                OfficeTerm {
                    from: date(2025, 1, 20),
                    to: None,
                },
            ]
        } else {
            Vec::new()
        }
    }
}

#[test]
fn undated_seed_bounds() {
    let Some(text) = seed("002_") else { return };
    let sents = newsgraph_segment::sentences(&text);
    let mut ts = extract(&text, &sents, None);
    assert_eq!(find(&ts, "7 October 2023").value, "2023-10-07");
    let feb = find(&ts, "February 4");
    assert_eq!((feb.value.as_str(), feb.partial), ("XXXX-02-04", true));
    assert_eq!(feb.tense, newsgraph_time::Tense::Future);

    // without a knowledge base: the latest explicit past date
    let b = bound_publication(&text, &ts, None);
    assert_eq!(b.from.as_deref(), Some("2023-10-07"), "{b:?}");
    assert!(b.reasons[0].contains("7 October 2023"), "{b:?}");

    // with one: the office holder's second term (the first ended before 2023-10-07)
    let b = bound_publication(&text, &ts, Some(&TinyKb));
    assert_eq!(b.from.as_deref(), Some("2025-01-20"), "{b:?}");
    assert_eq!(b.to, None);
    assert!(
        b.reasons
            .iter()
            .any(|r| r.contains("Donald Trump") && r.contains("2025-01-20")),
        "{b:?}"
    );
    // the range is open above, so "February 4" is not unique and stays partial
    assert_eq!(resolve_with_bounds(&mut ts, &b), 0);
    assert_eq!(find(&ts, "February 4").value, "XXXX-02-04");
}
