//! Property tests: no input panics, spans are inside the body on char boundaries and
//! ordered, every value is a well-formed TIMEX3 value.

use newsgraph_time::{extract, is_valid_value, Dct};
use proptest::prelude::*;

fn check(body: &str, dct: Option<Dct>) {
    let sents = newsgraph_segment::sentences(body);
    for ts in [extract(body, &sents, dct), extract(body, &[], dct)] {
        let mut last = 0;
        for t in &ts {
            assert!(t.start < t.end && t.end <= body.len(), "{t:?}");
            assert!(
                body.is_char_boundary(t.start) && body.is_char_boundary(t.end),
                "{t:?}"
            );
            assert!(t.start >= last, "overlap {t:?}");
            last = t.end;
            assert_eq!(&body[t.start..t.end], t.text);
            assert!(is_valid_value(&t.value), "bad value {t:?} in {body:?}");
        }
    }
}

/// Words the grammar reacts to, mixed with noise, to reach deep into it.
fn timeish() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "the",
        "last",
        "next",
        "this",
        "early",
        "late",
        "mid",
        "-",
        "January",
        "Sept.",
        "May",
        "Friday",
        "morning",
        "night",
        "12",
        "1",
        "31",
        "2026",
        "1990",
        "s",
        "'",
        "89",
        "year",
        "years",
        "quarter",
        "third",
        "first",
        "half",
        "of",
        "ago",
        "earlier",
        "later",
        "a",
        "two",
        "twenty",
        "five",
        "days",
        "week",
        "weekend",
        "more",
        "than",
        "about",
        "or",
        "so",
        "every",
        "daily",
        "p.m.",
        "10",
        ":",
        "30",
        "noon",
        "Christmas",
        "fiscal",
        "summer",
        "since",
        "today",
        "yesterday",
        "now",
        ",",
        ".",
        "\n",
        "é",
        "—",
        "’",
        "/",
        "Q",
        "3",
        "recent",
        "same",
        "day",
        "at",
        "least",
        "up",
        "to",
        "old",
        "(",
        "decade",
        "century",
    ]);
    prop::collection::vec(words, 0..40).prop_map(|w| w.join(" "))
}

fn glued() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "12", "-", "day", "1990", "s", "'", "80", "2026", "01", "23", "/", ":", "a.m", ".", "Q",
        "3", "rd", "mid", "year", "ago", " ",
    ]);
    prop::collection::vec(words, 0..30).prop_map(|w| w.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_text(body in "\\PC{0,200}") {
        check(&body, Some(Dct::parse("2026-01-01").unwrap()));
        check(&body, None);
    }

    #[test]
    fn time_words(body in timeish(), y in 1000i16..3000, m in 1i8..=12, d in 1i8..=28) {
        let dct = jiff::civil::Date::new(y, m, d).ok().map(Dct::new);
        check(&body, dct);
        check(&body, None);
    }

    #[test]
    fn glued_tokens(body in glued()) {
        check(&body, Some(Dct::parse("1999-12-31").unwrap()));
        check(&body, Some(Dct::parse("0001-01-01").unwrap()));
        check(&body, Some(Dct::parse("9999-12-31").unwrap()));
    }
}
