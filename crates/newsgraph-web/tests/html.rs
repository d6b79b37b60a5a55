//! Article extraction on small pages written for these tests.

use newsgraph_web::{extract, extract_str, html_to_text, ExtractOptions, WebError};

const PARA1: &str = "The harbour authority said on Tuesday that the container ship Coral Meridian had been refloated after three days aground, and that the channel would reopen to traffic by the weekend.";
const PARA2: &str = "Engineers from two salvage companies worked through the night, pumping ballast water out of the forward tanks while tugs pulled at high tide, according to a statement.";
const PARA3: &str = "The crew of twenty-two were unhurt, the authority added, and an inspection of the hull found no breach, though divers will return on Thursday to examine the rudder.";

fn page(extra_head: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Ship refloated | Harbour Times</title>{extra_head}</head><body>{body}</body></html>"
    )
}

fn article_with_chrome() -> String {
    let body = format!(
        r##"<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies</div>
<header class="site-header"><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
<main>
<article>
 <h1>Ship refloated after three days aground</h1>
 <p class="byline">By Jane Doe</p>
 <time datetime="2026-01-06T09:30:00+01:00">6 January 2026</time>
 <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on Twitter</a> <a href="#">Email</a></div>
 <figure><img src="ship.jpg"><figcaption>The Coral Meridian at dawn. Photo: Harbour Authority</figcaption></figure>
 <div class="article-body">
  <p>{PARA1}</p>
  <div class="ad-slot">Advertisement</div>
  <p>{PARA2}</p>
  <h2>No injuries</h2>
  <p>{PARA3}</p>
 </div>
 <aside class="related"><h3>Related stories</h3><ul><li><a href="/a">Port strike ends after talks with the union leaders</a></li><li><a href="/b">New dredging plan for the harbour approved by council</a></li></ul></aside>
</article>
<section id="comments" class="comments"><h3>Comments</h3><div class="comment"><p>This is a long reader comment that says the harbour authority should have acted much sooner, and asks who will pay for the salvage.</p></div></section>
</main>
<footer class="site-footer"><p>Copyright 2026 Harbour Times. All rights reserved. Contact us at the newsroom for corrections and complaints.</p></footer>
<script>var x = "A script string that is long enough to look like a paragraph, with commas, and more words.";</script>"##
    );
    page("", &body)
}

#[test]
fn body_keeps_paragraphs_and_drops_chrome() {
    let html = article_with_chrome();
    let page = extract(html.as_bytes(), &ExtractOptions::default()).expect("article found");
    assert_eq!(page.body, format!("{PARA1}\n{PARA2}\nNo injuries\n{PARA3}"));
    for chrome in [
        "cookie",
        "Share",
        "Related",
        "Comment",
        "Copyright",
        "Photo",
        "Advertisement",
        "script",
        "Home",
    ] {
        assert!(
            !page.body.contains(chrome),
            "{chrome} leaked into {:?}",
            page.body
        );
    }
}

#[test]
fn metadata_from_the_document() {
    let page = extract_str(&article_with_chrome(), Some("https://example.org/ship")).unwrap();
    assert_eq!(page.title.as_deref(), Some("Ship refloated"));
    assert_eq!(page.published.as_deref(), Some("2026-01-06T09:30:00+01:00"));
    assert_eq!(page.language.as_deref(), Some("en"));
    assert_eq!(page.url.as_deref(), Some("https://example.org/ship"));
}

#[test]
fn metadata_from_opengraph_and_meta() {
    let head = r#"<meta property="og:title" content="Ship refloated after three days">
<meta property="og:site_name" content="Harbour Times">
<meta property="article:published_time" content="2026-01-06">
<meta property="article:section" content="Shipping">
<meta name="author" content="By Jane Doe">
<meta property="og:locale" content="en_GB">
<link rel="canonical" href="https://harbour.example/ship-refloated">"#;
    let html = page(
        head,
        &format!("<article><p>{PARA1}</p><p>{PARA2}</p></article>"),
    )
    .replace(" lang=\"en\"", "");
    let page = extract_str(&html, None).unwrap();
    assert_eq!(
        page.title.as_deref(),
        Some("Ship refloated after three days")
    );
    assert_eq!(page.site_name.as_deref(), Some("Harbour Times"));
    assert_eq!(
        page.published.as_deref(),
        Some("2026-01-06"),
        "a date stays a date"
    );
    assert_eq!(page.section.as_deref(), Some("Shipping"));
    assert_eq!(page.byline.as_deref(), Some("Jane Doe"));
    assert_eq!(page.language.as_deref(), Some("en-GB"));
    assert_eq!(
        page.url.as_deref(),
        Some("https://harbour.example/ship-refloated")
    );
}

#[test]
fn metadata_from_json_ld_graph_and_arrays() {
    let head = r#"<script type="application/ld+json">
{"@context":"https://schema.org","@graph":[
  {"@type":"WebSite","name":"Harbour Times","url":"https://harbour.example/"},
  {"@type":["NewsArticle","Article"],"headline":"Coral Meridian refloated",
   "datePublished":"2026-01-06T08:30:00Z","dateModified":"2026-01-06T10:00:00Z",
   "author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"Omar Haddad"}],
   "publisher":{"@type":"Organization","name":"Harbour Times"},
   "articleSection":["Shipping","World"],"inLanguage":"en-GB",
   "mainEntityOfPage":{"@id":"https://harbour.example/coral"}}
]}</script>"#;
    let page = extract_str(
        &page(head, &format!("<div><p>{PARA1}</p><p>{PARA2}</p></div>")),
        None,
    )
    .unwrap();
    assert_eq!(page.title.as_deref(), Some("Coral Meridian refloated"));
    assert_eq!(page.byline.as_deref(), Some("Jane Doe, Omar Haddad"));
    assert_eq!(page.published.as_deref(), Some("2026-01-06T08:30:00Z"));
    assert_eq!(page.modified.as_deref(), Some("2026-01-06T10:00:00Z"));
    assert_eq!(page.site_name.as_deref(), Some("Harbour Times"));
    assert_eq!(page.section.as_deref(), Some("Shipping"));
    assert_eq!(page.url.as_deref(), Some("https://harbour.example/coral"));
}

#[test]
fn json_ld_body_rescues_a_script_rendered_page() {
    let long = format!("{PARA1}\n{PARA2}\n{PARA3}");
    let head = format!(
        r#"<script type="application/ld+json">{}</script>"#,
        serde_json::json!({"@type": "NewsArticle", "headline": "Refloated", "articleBody": long})
    );
    let page = extract_str(
        &page(
            &head,
            "<div id=app><p>Loading the article, please wait a moment.</p></div>",
        ),
        None,
    )
    .unwrap();
    assert!(page.body_from_json_ld);
    assert_eq!(page.body, long);
}

#[test]
fn broken_markup_is_repaired() {
    let html = format!(
        "<html><body><div class=story><p>{PARA1}<p>{PARA2}<div><b>{PARA3}</div></table></span>"
    );
    let page = extract_str(&html, None).unwrap();
    assert_eq!(page.body, format!("{PARA1}\n{PARA2}\n{PARA3}"));
}

#[test]
fn a_page_without_an_article_is_no_article() {
    let html = page(
        "",
        r#"<nav><ul><li><a href="/">Home</a></li><li><a href="/about">About us</a></li></ul></nav><div class="menu"><a href="/x">Sections</a></div>"#,
    );
    match extract_str(&html, None) {
        Err(WebError::NoArticle { reason }) => assert!(!reason.is_empty()),
        other => panic!("expected NoArticle, got {other:?}"),
    }
    assert!(matches!(
        extract(b"", &ExtractOptions::default()),
        Err(WebError::NoArticle { .. })
    ));
}

#[test]
fn windows_1252_declared_in_meta() {
    let text = "Le caf\u{e9} de la gare a rouvert ses portes apr\u{e8}s des travaux qui ont dur\u{e9} tout l'\u{e9}t\u{e9}, a annonc\u{e9} la mairie \u{2014} \u{ab} enfin \u{bb}, disent les habitu\u{e9}s.";
    let html = format!("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"></head><body><article><p>{text}</p></article></body></html>");
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&html);
    let page = extract(&bytes, &ExtractOptions::default()).unwrap();
    assert_eq!(page.encoding, "windows-1252");
    assert_eq!(page.body, text);
}

#[test]
fn http_charset_wins_over_meta() {
    let text = "Stra\u{df}enbahn f\u{e4}hrt wieder durch die Innenstadt, nachdem die Bauarbeiten an den Gleisen fr\u{fc}her als geplant abgeschlossen wurden.";
    let html =
        format!("<html><head><meta charset=\"utf-8\"></head><body><p>{text}</p></body></html>");
    let (bytes, _, _) = encoding_rs::ISO_8859_2.encode(&html);
    let options = ExtractOptions {
        charset: Some("iso-8859-2".into()),
        ..Default::default()
    };
    let page = extract(&bytes, &options).unwrap();
    assert_eq!(page.body, text);
}

#[test]
fn utf16_with_bom() {
    let html = format!(
        "<html><body><article><p>{PARA1} \u{2014} \u{65e5}\u{672c}</p></article></body></html>"
    );
    let mut bytes = vec![0xFF, 0xFE];
    for unit in html.encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    let page = extract(&bytes, &ExtractOptions::default()).unwrap();
    assert_eq!(page.encoding, "UTF-16LE");
    assert!(page.body.ends_with("\u{2014} \u{65e5}\u{672c}"));
}

#[test]
fn undecodable_pages_are_errors() {
    // Declared UTF-8, but mostly invalid bytes.
    let mut bytes = b"<html><head><meta charset=utf-8></head><body><p>".to_vec();
    for i in 0..400u32 {
        bytes.extend_from_slice(&[0xC3, 0x28, 0xA0 + (i % 16) as u8, 0xFF]);
    }
    let options = ExtractOptions {
        charset: Some("utf-8".into()),
        ..Default::default()
    };
    match extract(&bytes, &options) {
        Err(WebError::Undecodable { charset }) => assert_eq!(charset, "UTF-8"),
        other => panic!("expected Undecodable, got {other:?}"),
    }
    // Binary data served as HTML.
    let png = [
        0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, b'I', b'H', b'D', b'R',
    ];
    assert!(matches!(
        extract(&png, &ExtractOptions::default()),
        Err(WebError::Undecodable { .. })
    ));
    // The "replacement" encoding.
    let kr = b"<meta charset=iso-2022-kr><p>text</p>";
    assert!(matches!(
        extract(kr, &ExtractOptions::default()),
        Err(WebError::Undecodable { .. })
    ));
}

#[test]
fn huge_and_deep_pages_do_not_overflow() {
    let mut html = format!("<html><body><p>{PARA1}</p>");
    for _ in 0..200_000 {
        html.push_str("<div>");
    }
    html.push_str(&format!("<p>{PARA2}</p>"));
    let start = std::time::Instant::now();
    let page = extract_str(&html, None).unwrap();
    assert!(page.body.contains("Coral Meridian"));
    assert!(
        start.elapsed().as_secs() < 20,
        "deep nesting took {:?}",
        start.elapsed()
    );
    let options = ExtractOptions {
        max_bytes: 1000,
        ..Default::default()
    };
    let big = format!("<html><body><p>{}</p>{}", PARA1, "<p>x</p>".repeat(100_000));
    assert!(extract(big.as_bytes(), &options).is_ok());
}

#[test]
fn html_to_text_keeps_blocks() {
    let text = html_to_text(
        "<p>One <b>bold</b> line.</p><script>x()</script><ul><li>two</li><li>three</li></ul>",
    );
    assert_eq!(text, "One bold line.\ntwo\nthree");
}
