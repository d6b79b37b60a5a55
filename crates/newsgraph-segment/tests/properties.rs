//! Property tests: for any input the spans are well-formed.

use proptest::prelude::*;

/// Strings biased towards the bytes the splitter reacts to.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("U.S.".to_string()),
        Just(". ".to_string()),
        Just("...".to_string()),
        Just(" . . . ".to_string()),
        Just("…".to_string()),
        Just("•".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("’s".to_string()),
        Just("(".to_string()),
        Just(")".to_string()),
        Just("\n".to_string()),
        Just("\u{a0}".to_string()),
        Just("1.) ".to_string()),
        Just(" 2. ".to_string()),
        Just("a. ".to_string()),
        Just("Mr.".to_string()),
        Just("!?".to_string()),
        Just("N°.".to_string()),
        Just("e-mail@x.org".to_string()),
        "[A-Za-z]{1,8}",
        "[0-9.,]{1,6}",
        " {1,3}",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn check(text: &str) -> Result<(), TestCaseError> {
    let sents = newsgraph_segment::sentences(text);
    let mut prev_end = 0;
    for (k, s) in sents.iter().enumerate() {
        prop_assert_eq!(s.index, k);
        prop_assert!(s.start < s.end, "empty sentence {:?}", s);
        prop_assert!(s.start >= prev_end, "overlap or disorder at {:?}", s);
        prop_assert!(s.end <= text.len());
        prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        let t = &text[s.start..s.end];
        prop_assert_eq!(t.trim(), t, "not trimmed");
        prev_end = s.end;
        for tok in newsgraph_segment::tokens(text, s.start, s.end) {
            prop_assert!(tok.start < tok.end, "empty token {:?}", tok);
            prop_assert!(
                tok.start >= s.start && tok.end <= s.end,
                "token {:?} outside {:?}",
                tok,
                s
            );
            prop_assert!(text.is_char_boundary(tok.start) && text.is_char_boundary(tok.end));
        }
    }
    // Every non-white-space character is inside some sentence.
    let covered: usize = sents
        .iter()
        .map(|s| {
            text[s.start..s.end]
                .chars()
                .filter(|c| !c.is_whitespace())
                .count()
        })
        .sum();
    prop_assert_eq!(covered, text.chars().filter(|c| !c.is_whitespace()).count());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn spans_are_well_formed_arbitrary(text in any::<String>()) {
        check(&text)?;
    }

    #[test]
    fn spans_are_well_formed_newsy(text in newsy()) {
        check(&text)?;
    }

    #[test]
    fn tokens_ordered_and_disjoint(text in newsy(), a in 0usize..200, b in 0usize..200) {
        let toks = newsgraph_segment::tokens(&text, a.min(b), a.max(b));
        let mut prev = 0;
        for t in toks {
            prop_assert!(t.start >= prev && t.start < t.end && t.end <= text.len());
            prop_assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
            prev = t.end;
        }
    }
}
