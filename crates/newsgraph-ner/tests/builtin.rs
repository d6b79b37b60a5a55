//! The built-in model loads and tags text sensibly; tagging never panics.

use newsgraph_model::MentionKind;
use newsgraph_ner::{EntityType, NoGazetteer, Tag, Tagger};
use proptest::prelude::*;

fn names(text: &str) -> Vec<(String, MentionKind, f32)> {
    let tagger = Tagger::builtin().expect("built-in model loads");
    let (_, toks) = newsgraph_segment::segment(text);
    tagger
        .spans(text, &toks)
        .into_iter()
        .map(|s| (text[s.start..s.end].to_string(), s.kind, s.score))
        .collect()
}

#[test]
fn builtin_model_tags_a_news_sentence() {
    let text = "Israeli Prime Minister Benjamin Netanyahu met Omani officials in Muscat on \
                Tuesday, Reuters reported.";
    let got = names(text);
    let find = |s: &str| got.iter().find(|(t, _, _)| t == s).map(|(_, k, _)| *k);
    assert_eq!(
        find("Benjamin Netanyahu"),
        Some(MentionKind::Person),
        "{got:?}"
    );
    assert_eq!(find("Muscat"), Some(MentionKind::Gpe), "{got:?}");
    assert_eq!(find("Reuters"), Some(MentionKind::Org), "{got:?}");
    assert_eq!(find("Israeli"), Some(MentionKind::Norp), "{got:?}");
    assert!(find("Omani").is_some(), "{got:?}");
    assert!(find("Tuesday").is_none(), "{got:?}");
    for (t, _, score) in &got {
        assert!((0.0..=1.0).contains(score), "{t}: {score}");
    }
}

#[test]
fn tags_are_iob2_and_one_per_token() {
    let tagger = Tagger::builtin().unwrap();
    let toks = [
        "U.S.",
        "President",
        "Donald",
        "Trump",
        "spoke",
        "in",
        "Washington",
        ".",
    ];
    let tags = tagger.tag(&toks);
    assert_eq!(tags.len(), toks.len());
    assert_eq!(tags[2], Tag::B(EntityType::Per));
    assert_eq!(tags[3], Tag::I(EntityType::Per));
    assert_eq!(tags[6], Tag::B(EntityType::Loc));
    assert!(tagger.tag(&[]).is_empty());
    assert!(!tagger.uses_gazetteer() || tagger.tag_with(&toks, &NoGazetteer).len() == 8);
}

#[test]
fn model_bytes_round_trip_and_corruption_is_an_error() {
    let tagger = Tagger::builtin().unwrap();
    let bytes = tagger.to_bytes(0);
    let again = Tagger::load(&bytes).unwrap();
    let toks = [
        "Peter",
        "Blackburn",
        "of",
        "the",
        "European",
        "Commission",
        ".",
    ];
    assert_eq!(again.tag(&toks), tagger.tag(&toks));
    assert!(Tagger::load(b"").is_err());
    assert!(Tagger::load(&bytes[..bytes.len() / 2]).is_err());
    let mut bad = bytes.clone();
    let mid = bad.len() / 2;
    bad[mid] ^= 0x55;
    assert!(Tagger::load(&bad).is_err());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn tagging_arbitrary_tokens_never_panics(toks in proptest::collection::vec(".{0,12}", 0..40)) {
        let tagger = Tagger::builtin().unwrap();
        let refs: Vec<&str> = toks.iter().map(String::as_str).collect();
        let tags = tagger.tag(&refs);
        prop_assert_eq!(tags.len(), refs.len());
    }

    #[test]
    fn spans_stay_in_bounds(text in "\\PC{0,200}") {
        let tagger = Tagger::builtin().unwrap();
        let (_, toks) = newsgraph_segment::segment(&text);
        for s in tagger.spans(&text, &toks) {
            prop_assert!(s.start <= s.end && s.end <= text.len());
            prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            prop_assert!(s.token_start < s.token_end && s.token_end <= toks.len());
            prop_assert!((0.0..=1.0).contains(&s.score));
        }
    }

    #[test]
    fn spans_with_bogus_tokens_never_panic(
        text in ".{0,40}",
        raw in proptest::collection::vec((0usize..60, 0usize..60), 0..10),
    ) {
        let tagger = Tagger::builtin().unwrap();
        let toks: Vec<newsgraph_model::Token> = raw
            .iter()
            .map(|&(start, end)| newsgraph_model::Token {
                start,
                end,
                kind: newsgraph_model::TokenKind::Word,
            })
            .collect();
        for s in tagger.spans(&text, &toks) {
            prop_assert!(s.start <= s.end);
        }
    }
}
