//! Hand-written scraped articles (invented text, in the style of the pages newsgraph
//! meets) through `clean_scraped` and `clean_body`.

use newsgraph_ingest::clean::{clean_body, clean_scraped};

const HEAVY_CHROME: &str = "Skip to content
Home > World > Middle East
12 March 2025 | 08:15
Regional ministers agree to reopen border crossing
Trucks carrying food and fuel expected within days
By Lena Marsh and Omar Haddad, Reuters
Share Facebook X WhatsApp Email
We use cookies to personalise content and ads. By continuing to browse you agree to our cookie policy. Accept all cookies
AMMAN (Reuters) - Ministers from three neighbouring states agreed on Tuesday to reopen a border crossing that has been closed since the autumn, officials said.
Advertisement
The first convoy of 40 trucks is expected to cross by the weekend, a customs spokesman said.  Read more: Aid groups warn of winter shortages
Read also: How the crossing closed
Officials did not say how long the arrangement would last. Advertisement Talks on a longer deal will resume next month.
Follow us on X
Subscribe to our newsletter
Tags: Jordan, aid, border
© 2025 Example Wire Media. All rights reserved.
Comments (0)";

#[test]
fn heavy_chrome() {
    let c = clean_scraped(HEAVY_CHROME);
    assert_eq!(c.section.as_deref(), Some("Middle East"));
    assert_eq!(c.published.as_deref(), Some("2025-03-12T08:15"));
    assert_eq!(
        c.title.as_deref(),
        Some("Regional ministers agree to reopen border crossing")
    );
    assert_eq!(
        c.subtitle.as_deref(),
        Some("Trucks carrying food and fuel expected within days")
    );
    assert_eq!(c.byline.as_deref(), Some("Lena Marsh and Omar Haddad"));
    assert_eq!(c.via, ["Reuters"]);
    assert_eq!(c.dateline.as_deref(), Some("AMMAN"));
    assert_eq!(
        c.body,
        "AMMAN (Reuters) - Ministers from three neighbouring states agreed on Tuesday to reopen a border crossing that has been closed since the autumn, officials said.\n\
         The first convoy of 40 trucks is expected to cross by the weekend, a customs spokesman said.\n\
         Officials did not say how long the arrangement would last. Talks on a longer deal will resume next month."
    );
    insta::assert_debug_snapshot!(c);
}

/// Every date format from the issue, as the first line of a small page.
#[test]
fn date_lines() {
    let cases = [
        ("01 January 2026 21:01 PM", Some("2026-01-01T21:01")),
        ("1 January 2026 9:05 PM", Some("2026-01-01T21:05")),
        ("1 January 2026 12:30 AM", Some("2026-01-01T00:30")),
        ("Jan 1, 2026", Some("2026-01-01")),
        ("January 1, 2026", Some("2026-01-01")),
        ("2026-01-01T21:01:00Z", Some("2026-01-01T21:01:00Z")),
        (
            "2026-01-01T21:01:05+02:00",
            Some("2026-01-01T21:01:05+02:00"),
        ),
        ("2026-01-01", Some("2026-01-01")),
        ("Wednesday, 1 January 2026", Some("2026-01-01")),
        (
            "Wed, 01 Jan 2026 21:01:00 +0000",
            Some("2026-01-01T21:01:00+00:00"),
        ),
        ("1 Jan 2026 | 14:30", Some("2026-01-01T14:30")),
        ("01/01/2026", Some("2026-01-01")),
        ("25/01/2026", Some("2026-01-25")),
        ("Updated: Jan 2, 2026", Some("2026-01-02")),
        ("Published 3 January 2026", Some("2026-01-03")),
        // Ambiguous day and month, impossible dates: no date (the line is dropped).
        ("03/04/2026", None),
        ("30 February 2026", None),
    ];
    for (line, want) in cases {
        let raw = format!(
            "{line}\nWORLD\nHarbour reopens after storm repairs\nThe harbour reopened on Monday after two weeks of repairs, the port authority said.\n"
        );
        let c = clean_scraped(&raw);
        assert_eq!(c.published.as_deref(), want, "{line}");
        assert_eq!(c.section.as_deref(), Some("WORLD"), "{line}");
        assert_eq!(
            c.title.as_deref(),
            Some("Harbour reopens after storm repairs"),
            "{line}"
        );
        assert!(c.body.starts_with("The harbour reopened"), "{line}");
    }
}

#[test]
fn published_and_updated() {
    let raw = "Published: 3 January 2026 · Updated: 4 January 2026 10:00 GMT\nHarbour reopens after storm repairs\nThe harbour reopened on Monday, the port authority said.";
    let c = clean_scraped(raw);
    assert_eq!(c.published.as_deref(), Some("2026-01-03"));
    assert_eq!(c.updated.as_deref(), Some("2026-01-04T10:00Z"));
    let only_updated = clean_scraped("Updated 4 January 2026\nThe harbour reopened on Monday.");
    assert_eq!(only_updated.published.as_deref(), Some("2026-01-04"));
}

const BYLINES: &str = "Farmers count losses after late frost
By Jane Doe | Jan 5, 2026
Fruit growers in the valley lost up to half of their early harvest to a late frost, a regional farmers' union said on Monday.
\"We have not seen anything like it in twenty years,\" said one grower, who asked not to be named.
The union said it would ask for emergency support. (Reporting by Jane Doe in Valletta and John Roe; Editing by Ann Poe)";

#[test]
fn bylines_and_credit_lines() {
    let c = clean_scraped(BYLINES);
    assert_eq!(
        c.title.as_deref(),
        Some("Farmers count losses after late frost")
    );
    assert_eq!(c.published.as_deref(), Some("2026-01-05"));
    assert_eq!(c.byline.as_deref(), Some("Jane Doe and John Roe"));
    assert!(c.body.ends_with("would ask for emergency support."));
    insta::assert_debug_snapshot!(c);

    let end_credit = "Farmers count losses after late frost\nFruit growers lost half of their harvest.\nReporting by Jane Doe; Editing by Ann Poe";
    let c = clean_scraped(end_credit);
    assert_eq!(c.byline.as_deref(), Some("Jane Doe"));
    assert_eq!(c.body, "Fruit growers lost half of their harvest.");

    let agency = "Farmers count losses after late frost\nBy Jane Doe, Reuters\nFruit growers lost half of their harvest.";
    let c = clean_scraped(agency);
    assert_eq!(c.byline.as_deref(), Some("Jane Doe"));
    assert_eq!(c.via, ["Reuters"]);

    // A sentence that starts with "By" is not a byline.
    let sentence = "Farmers count losses after late frost\nFruit growers lost half of their harvest.\nBy the end of the week prices had doubled";
    let c = clean_scraped(sentence);
    assert_eq!(c.byline, None);
    assert!(c
        .body
        .ends_with("By the end of the week prices had doubled"));
}

#[test]
fn datelines_and_source_lines() {
    let ap = "Senate passes stopgap spending bill\nWASHINGTON (AP) — The Senate passed a short-term spending bill late on Friday, averting a shutdown.\nThe measure now goes to the president.\nSource: AP";
    let c = clean_scraped(ap);
    assert_eq!(c.dateline.as_deref(), Some("WASHINGTON"));
    assert_eq!(c.via, ["AP"]);
    assert!(c.body.starts_with("WASHINGTON (AP) — The Senate"));
    assert!(c.body.ends_with("goes to the president."));

    let reuters = "(Reuters) - Oil prices rose on Monday after a pipeline outage.\nThis article was originally published by Example Energy Daily.";
    let c = clean_body(reuters);
    assert_eq!(c.via, ["Reuters", "Example Energy Daily"]);
    assert_eq!(c.dateline, None);
    assert_eq!(
        c.body,
        "(Reuters) - Oil prices rose on Monday after a pipeline outage."
    );
}

#[test]
fn syndication_sentence() {
    let raw = "Example: Ports brace for strike as talks stall\nDock workers could walk out next week if talks fail, Harbour Times reports via Example.\nUnion leaders met employers on Friday.";
    let c = clean_scraped(raw);
    assert_eq!(c.source.as_deref(), Some("Harbour Times"));
    assert_eq!(c.via, ["Example"]);
    assert_eq!(
        c.title.as_deref(),
        Some("Example: Ports brace for strike as talks stall")
    );
}

const NO_METADATA: &str = "The city council voted on Tuesday to extend the night bus network to the northern suburbs.\n\nThe new routes will start in spring, a council spokeswoman said. Fares will not change.\n\nResidents had campaigned for the extension for three years.";

#[test]
fn no_metadata() {
    let c = clean_scraped(NO_METADATA);
    assert_eq!(
        (
            &c.title,
            &c.subtitle,
            &c.byline,
            &c.section,
            &c.published,
            &c.source
        ),
        (&None, &None, &None, &None, &None, &None)
    );
    assert!(c.via.is_empty() && c.removed.is_empty());
    assert_eq!(c.body, NO_METADATA.replace("\n\n", "\n"));
    insta::assert_debug_snapshot!(c);
}

#[test]
fn title_line_then_blank_line() {
    // The layout of plain-text corpora: title, blank line, paragraphs.
    let raw = "Night buses extended to suburbs\n\nThe city council voted on Tuesday to extend the night bus network.\n\nFares will not change.\n";
    let c = clean_scraped(raw);
    assert_eq!(c.title.as_deref(), Some("Night buses extended to suburbs"));
    assert_eq!(c.body, "The city council voted on Tuesday to extend the night bus network.\nFares will not change.");
}

#[test]
fn whitespace_and_unicode() {
    let raw = "\u{feff}  Night\u{a0}buses   extended\t to suburbs \r\n\r\nThe council’s vote — 31 to 9 —\u{a0}was “decisive”.  \r\n   \r\nFares\u{2009}will not change.\r\n";
    let c = clean_scraped(raw);
    assert_eq!(c.title.as_deref(), Some("Night buses extended to suburbs"));
    assert_eq!(
        c.body,
        "The council’s vote — 31 to 9 — was “decisive”.\nFares will not change."
    );
}

#[test]
fn title_case_section_and_single_line_page() {
    let raw = "Middle East\nNeighbours agree on new water-sharing deal\nThe two governments signed the agreement on Sunday.";
    let c = clean_scraped(raw);
    assert_eq!(c.section.as_deref(), Some("Middle East"));
    assert_eq!(
        c.title.as_deref(),
        Some("Neighbours agree on new water-sharing deal")
    );

    // Only one short line: it is kept as body, not turned into a title.
    let c = clean_scraped("Neighbours agree on new water-sharing deal");
    assert_eq!(c.title, None);
    assert_eq!(c.body, "Neighbours agree on new water-sharing deal");
    assert_eq!(clean_scraped(""), Default::default());
}

#[test]
fn real_sentences_with_chrome_words_stay() {
    let raw = "Shares in the carmaker fell 4% after the recall was announced.\nThe company said customers would be contacted by email.\nPrint runs of the manual were halted.\nComments here: the ministry did not reply.";
    let c = clean_scraped(raw);
    assert_eq!(c.body, raw);
    assert!(c.removed.is_empty());
}

#[test]
fn clean_body_skips_headline_detection() {
    let raw = "March 3, 2026\nHarbour reopens\nThe harbour reopened on Monday.\nShare this article\nBy Jane Doe";
    let c = clean_body(raw);
    assert_eq!(c.published.as_deref(), Some("2026-03-03"));
    assert_eq!(c.title, None);
    assert_eq!(c.byline.as_deref(), Some("Jane Doe"));
    assert_eq!(c.body, "Harbour reopens\nThe harbour reopened on Monday.");
    insta::assert_debug_snapshot!(c);
}
