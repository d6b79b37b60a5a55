//! The two seed articles (/work/shared/seeds) through `clean_scraped`. The seeds live
//! outside the repository; when they are absent the tests return early.

use newsgraph_ingest::clean::{clean_scraped, Cleaned};
use std::path::Path;

const SEEDS: &str = "/work/shared/seeds";

fn seed(name: &str) -> Option<Cleaned> {
    let path = Path::new(SEEDS).join(name);
    match std::fs::read_to_string(&path) {
        Ok(raw) => Some(clean_scraped(&raw)),
        Err(err) => {
            eprintln!("skipping: seed {} not readable: {err}", path.display());
            None
        }
    }
}

#[test]
fn dated_seed() {
    let Some(c) = seed("000_928ee7e6172f7460.txt") else {
        return;
    };
    assert_eq!(c.published.as_deref(), Some("2026-01-01T21:01"));
    assert_eq!(c.section.as_deref(), Some("NEWS DESK"));
    assert!(!c.body.contains("Comments Here:"), "{}", c.body);
    assert!(!c.body.contains("NEWS DESK"));
    assert_eq!(c.title, None);
    assert!(c
        .body
        .starts_with("Israeli Prime Minister Benjamin Netanyahu has held"));
    assert!(c.body.ends_with("will require around $70 billion."));
    assert!(c.removed.iter().any(|r| r == "Comments Here:"));
    assert_eq!(c.body.split('\n').count(), 7);
}

#[test]
fn undated_seed() {
    let Some(c) = seed("002_c896222d31a64fd4.txt") else {
        return;
    };
    assert_eq!(c.published, None);
    assert_eq!(
        c.title.as_deref(),
        Some("Axios: Trump, Netanyahu in crunch talks as Israel pushes for action on Iran")
    );
    assert_eq!(c.subtitle.as_deref(), Some("Military Plans on Table"));
    assert_eq!(c.byline.as_deref(), Some("Aghakazim Guliyev"));
    assert!(!c.body.contains("By Aghakazim Guliyev"));
    assert_eq!(c.source.as_deref(), Some("Caliber.Az"));
    assert_eq!(c.via, ["Axios"]);
    assert!(c.body.starts_with("On February 4, US President"));
    // The syndication sentence is text, not chrome: it stays.
    assert!(c
        .body
        .contains("if diplomatic efforts fail, Caliber.Az reports via Axios."));
    assert!(c
        .body
        .ends_with("despite Trump’s efforts to contest the results."));
}

#[test]
fn seeds_are_stable_under_recleaning() {
    for name in ["000_928ee7e6172f7460.txt", "002_c896222d31a64fd4.txt"] {
        let Some(c) = seed(name) else {
            return;
        };
        // Cleaning the clean body as a body keeps it as it is.
        let again = newsgraph_ingest::clean::clean_body(&c.body);
        assert_eq!(again.body, c.body, "{name}");
    }
}
