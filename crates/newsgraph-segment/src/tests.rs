//! Unit tests of the splitter and the tokenizer on the phenomena the issue lists.

use super::*;
use newsgraph_model::TokenKind;

fn ss(text: &str) -> Vec<&str> {
    sentence_strs(text)
}

#[track_caller]
fn check(text: &str, want: &[&str]) {
    assert_eq!(ss(text), want, "text: {text:?}");
}

#[test]
fn empty_and_blank() {
    check("", &[]);
    check("  \n\n \t ", &[]);
    check("Hello", &["Hello"]);
}

#[test]
fn simple() {
    check(
        "The talks ended. Both sides left! Why? Nobody knows.",
        &[
            "The talks ended.",
            "Both sides left!",
            "Why?",
            "Nobody knows.",
        ],
    );
}

#[test]
fn abbreviations() {
    check(
        "Israeli Prime Minister Benjamin Netanyahu met U.S. President Donald Trump. They talked.",
        &[
            "Israeli Prime Minister Benjamin Netanyahu met U.S. President Donald Trump.",
            "They talked.",
        ],
    );
    check(
        "I live in the U.S. How about you?",
        &["I live in the U.S.", "How about you?"],
    );
    check(
        "Mr. Smith met Dr. Jones and Gen. Lee at St. Mary's.",
        &["Mr. Smith met Dr. Jones and Gen. Lee at St. Mary's."],
    );
    check(
        "He works for Acme Inc. The firm is big.",
        &["He works for Acme Inc.", "The firm is big."],
    );
    check(
        "The vote is on Jan. 5 in room No. 12 (see p. 4).",
        &["The vote is on Jan. 5 in room No. 12 (see p. 4)."],
    );
    check(
        "Bring pens, paper, etc. and a lamp.",
        &["Bring pens, paper, etc. and a lamp."],
    );
    check(
        "It opens at 9 a.m. Monday.",
        &["It opens at 9 a.m. Monday."],
    );
    check(
        "It closed at 5 p.m. The crowd left.",
        &["It closed at 5 p.m.", "The crowd left."],
    );
}

#[test]
fn initials() {
    check("Albert I. Jones spoke.", &["Albert I. Jones spoke."]);
    check(
        "Books by J.R.R. Tolkien sell.",
        &["Books by J.R.R. Tolkien sell."],
    );
    check(
        "It was you and I. Did you see it?",
        &["It was you and I.", "Did you see it?"],
    );
}

#[test]
fn numbers() {
    check(
        "More than 71,000 people died. The cost is $70 billion. Growth was 3.5 percent.",
        &[
            "More than 71,000 people died.",
            "The cost is $70 billion.",
            "Growth was 3.5 percent.",
        ],
    );
    check(
        "It cost $100.00 in 2023. Prices rose.",
        &["It cost $100.00 in 2023.", "Prices rose."],
    );
    check(
        "Ref 1026.253.553 and N°. 1026 stay.",
        &["Ref 1026.253.553 and N°. 1026 stay."],
    );
}

#[test]
fn quotes() {
    check(
        "“This is great.” She held up the cup.",
        &["“This is great.”", "She held up the cup."],
    );
    check(
        "\"This is great.\" she said.",
        &["\"This is great.\" she said."],
    );
    check(
        "He called it a “major success,” and left.",
        &["He called it a “major success,” and left."],
    );
    check(
        "“Are you coming?” asked Maria.",
        &["“Are you coming?” asked Maria."],
    );
}

#[test]
fn parentheses() {
    check(
        "The report (it ran to 40 pages. Few read it.) was late.",
        &["The report (it ran to 40 pages. Few read it.) was late."],
    );
    check(
        "He left. (He was tired.) Then he slept.",
        &["He left.", "(He was tired.)", "Then he slept."],
    );
}

#[test]
fn ellipses_and_runs() {
    check("Wait... Then go.", &["Wait...", "Then go."]);
    check("Wait . . . then go.", &["Wait . . . then go."]);
    check("Wait… Then go.", &["Wait…", "Then go."]);
    check("Really?! Yes!! Fine??", &["Really?!", "Yes!!", "Fine??"]);
    check(
        "She works at Yahoo! and likes it.",
        &["She works at Yahoo! and likes it."],
    );
}

#[test]
fn lists() {
    check("1.) first 2.) second", &["1.) first", "2.) second"]);
    check("1) a 2) b", &["1) a", "2) b"]);
    check(
        "1. The first item 2. The second item",
        &["1. The first item", "2. The second item"],
    );
    check("a. one b. two c. three", &["a. one", "b. two", "c. three"]);
    check("• Cheap • Fast • Good", &["• Cheap", "• Fast", "• Good"]);
}

#[test]
fn urls_and_emails() {
    check(
        "Write to desk@example.com or see www.example.com/a.b?c=1 today. Thanks.",
        &[
            "Write to desk@example.com or see www.example.com/a.b?c=1 today.",
            "Thanks.",
        ],
    );
}

#[test]
fn lines() {
    check(
        "01 January 2026 21:01 PM\nNEWS DESK\nThe talks began. They ended.\nComments Here:",
        &[
            "01 January 2026 21:01 PM",
            "NEWS DESK",
            "The talks began.",
            "They ended.",
            "Comments Here:",
        ],
    );
    check(
        "The talks took place during\nthe visit last month.",
        &["The talks took place during\nthe visit last month."],
    );
    check("Headline\n\n\nBody text.", &["Headline", "Body text."]);
    check(
        "Letter to Mr.\nSmith arrived.",
        &["Letter to Mr.\nSmith arrived."],
    );
}

#[test]
fn em_dash() {
    check(
        "They hit three sites—Fordow, Natanz, and Isfahan—using bombs. More followed.",
        &[
            "They hit three sites—Fordow, Natanz, and Isfahan—using bombs.",
            "More followed.",
        ],
    );
}

#[test]
fn spans_are_sound() {
    let text = "  A b.  C d?\n\n E f  ";
    let s = sentences(text);
    assert_eq!(s.len(), 3);
    for (k, x) in s.iter().enumerate() {
        assert_eq!(x.index, k);
        assert_eq!(text[x.start..x.end].trim(), &text[x.start..x.end]);
    }
}

fn toks(text: &str) -> Vec<(&str, TokenKind)> {
    tokens(text, 0, text.len())
        .into_iter()
        .map(|t| (&text[t.start..t.end], t.kind))
        .collect()
}

#[test]
fn tokens_words_numbers() {
    use TokenKind::*;
    assert_eq!(
        toks("U.S. forces used bunker-buster bombs on Iran’s sites."),
        vec![
            ("U.S.", Word),
            ("forces", Word),
            ("used", Word),
            ("bunker-buster", Word),
            ("bombs", Word),
            ("on", Word),
            ("Iran", Word),
            ("’s", Word),
            ("sites", Word),
            (".", Punct),
        ]
    );
    assert_eq!(
        toks("over $70 billion, 71,000 and 3.5 — “yes”"),
        vec![
            ("over", Word),
            ("$", Punct),
            ("70", Number),
            ("billion", Word),
            (",", Punct),
            ("71,000", Number),
            ("and", Word),
            ("3.5", Number),
            ("—", Punct),
            ("“", Punct),
            ("yes", Word),
            ("”", Punct),
        ]
    );
}

#[test]
fn tokens_abbreviations() {
    use TokenKind::*;
    assert_eq!(
        toks("Mr. Smith of Acme Inc. won't go. You and I."),
        vec![
            ("Mr.", Word),
            ("Smith", Word),
            ("of", Word),
            ("Acme", Word),
            ("Inc.", Word),
            ("won't", Word),
            ("go", Word),
            (".", Punct),
            ("You", Word),
            ("and", Word),
            ("I", Word),
            (".", Punct),
        ]
    );
    assert_eq!(
        toks("See https://example.com/x. Mail a@b.org... 12-day 2026-01-01 1990s"),
        vec![
            ("See", Word),
            ("https://example.com/x", Other),
            (".", Punct),
            ("Mail", Word),
            ("a@b.org", Other),
            ("...", Punct),
            ("12-day", Word),
            ("2026-01-01", Number),
            ("1990s", Word),
        ]
    );
}

#[test]
fn tokens_clamp_range() {
    let text = "héllo wörld";
    // 2 is inside "é": clamped to the next boundary.
    let t = tokens(text, 2, 999);
    assert!(t
        .iter()
        .all(|t| text.is_char_boundary(t.start) && text.is_char_boundary(t.end)));
    assert_eq!(tokens(text, 5, 3), vec![]);
}

#[test]
fn segment_tokens_inside_sentences() {
    let text = "One two. Three four.";
    let (s, t) = segment(text);
    assert_eq!(s.len(), 2);
    assert_eq!(t.len(), 6);
}

#[test]
fn stray_closing_punctuation_joins_previous_sentence() {
    check(
        "Supplies are fine in the US. . Prices fell.",
        &["Supplies are fine in the US. .", "Prices fell."],
    );
    check(
        "It ends here. '\n\nNext one.",
        &["It ends here. '", "Next one."],
    );
}
