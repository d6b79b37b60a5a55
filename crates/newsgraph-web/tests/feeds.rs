//! Feed parsing: RSS 2.0, RSS 0.91, Atom, JSON Feed, and unsafe XML refused.

use newsgraph_web::{parse_feed, WebError};

const RSS2: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
 <title>Harbour Times</title>
 <link>https://harbour.example/</link>
 <item>
  <title>Ship refloated &amp; channel reopens</title>
  <link>https://harbour.example/ship</link>
  <guid isPermaLink="false">ht-1001</guid>
  <pubDate>Tue, 06 Jan 2026 09:30:00 +0100</pubDate>
  <dc:creator>Jane Doe</dc:creator>
  <description>&lt;p&gt;The &lt;b&gt;Coral Meridian&lt;/b&gt; was refloated.&lt;/p&gt;</description>
  <content:encoded><![CDATA[<p>First paragraph of the story.</p><p>Second paragraph.</p><script>track()</script>]]></content:encoded>
  <category>Shipping</category>
 </item>
 <item>
  <title>Second item</title>
  <link>https://harbour.example/second</link>
  <guid>https://harbour.example/second</guid>
 </item>
</channel>
</rss>"#;

#[test]
fn rss2_items() {
    let feed = parse_feed(RSS2.as_bytes()).unwrap();
    assert_eq!(feed.kind, "rss");
    assert_eq!(feed.title.as_deref(), Some("Harbour Times"));
    assert_eq!(feed.items.len(), 2);
    let item = &feed.items[0];
    assert_eq!(item.id, "ht-1001");
    assert_eq!(
        item.title.as_deref(),
        Some("Ship refloated & channel reopens")
    );
    assert_eq!(item.link.as_deref(), Some("https://harbour.example/ship"));
    assert_eq!(item.published.as_deref(), Some("2026-01-06T08:30:00+00:00"));
    assert_eq!(item.author.as_deref(), Some("Jane Doe"));
    assert_eq!(
        item.summary.as_deref(),
        Some("The Coral Meridian was refloated.")
    );
    assert_eq!(
        item.content.as_deref(),
        Some("First paragraph of the story.\nSecond paragraph.")
    );
    assert_eq!(item.categories, ["Shipping"]);
    assert!(item.needs_page(), "a two-line content is only a summary");
    assert!(feed.items[1].text().is_none());
}

#[test]
fn rss091_with_public_doctype() {
    let xml = r#"<?xml version="1.0"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>Old</title><link>http://old.example/</link><description>d</description>
<item><title>An old item</title><link>http://old.example/1</link><description>Old text.</description></item>
</channel></rss>"#;
    let feed = parse_feed(xml.as_bytes()).unwrap();
    assert_eq!(feed.items.len(), 1);
    assert_eq!(feed.items[0].link.as_deref(), Some("http://old.example/1"));
    assert_eq!(feed.items[0].summary.as_deref(), Some("Old text."));
}

#[test]
fn atom_entries() {
    let xml = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
 <title>Harbour Atom</title>
 <link href="https://harbour.example/"/>
 <id>urn:harbour</id><updated>2026-01-06T10:00:00Z</updated>
 <entry>
  <title type="html">Ship &lt;em&gt;refloated&lt;/em&gt;</title>
  <link rel="alternate" href="https://harbour.example/atom/1"/>
  <link rel="enclosure" href="https://harbour.example/1.mp3"/>
  <id>urn:harbour:1</id>
  <published>2026-01-06T09:00:00Z</published>
  <updated>2026-01-06T10:00:00Z</updated>
  <author><name>Omar Haddad</name></author>
  <summary>Short summary.</summary>
  <content type="html">&lt;p&gt;Full text here.&lt;/p&gt;</content>
 </entry>
</feed>"#;
    let feed = parse_feed(xml.as_bytes()).unwrap();
    assert_eq!(feed.kind, "atom");
    let e = &feed.items[0];
    assert_eq!(e.id, "urn:harbour:1");
    assert_eq!(e.title.as_deref(), Some("Ship refloated"));
    assert_eq!(e.link.as_deref(), Some("https://harbour.example/atom/1"));
    assert_eq!(e.published.as_deref(), Some("2026-01-06T09:00:00+00:00"));
    assert_eq!(e.author.as_deref(), Some("Omar Haddad"));
    assert_eq!(e.summary.as_deref(), Some("Short summary."));
    assert_eq!(e.content.as_deref(), Some("Full text here."));
}

#[test]
fn json_feed_items() {
    let json = r#"{"version":"https://jsonfeed.org/version/1.1","title":"Harbour JSON",
 "items":[{"id":"j1","url":"https://harbour.example/j1","title":"JSON item",
   "content_html":"<p>Body <i>html</i>.</p>","summary":"Sum.","date_published":"2026-01-06T09:00:00Z",
   "authors":[{"name":"Jane Doe"}]}]}"#;
    let feed = parse_feed(json.as_bytes()).unwrap();
    assert_eq!(feed.kind, "json");
    let item = &feed.items[0];
    assert_eq!(item.id, "j1");
    assert_eq!(item.link.as_deref(), Some("https://harbour.example/j1"));
    assert_eq!(item.content.as_deref(), Some("Body html."));
    assert_eq!(item.author.as_deref(), Some("Jane Doe"));
}

#[test]
fn billion_laughs_is_refused() {
    let bomb = r#"<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title><description>&lol9;</description></item></channel></rss>"#;
    match parse_feed(bomb.as_bytes()) {
        Err(WebError::UnsafeXml(msg)) => assert!(msg.contains("entities"), "{msg}"),
        other => panic!("expected UnsafeXml, got {other:?}"),
    }
}

#[test]
fn external_entity_is_refused() {
    let xxe = r#"<?xml version="1.0"?>
<!DOCTYPE rss [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<rss version="2.0"><channel><title>t</title><item><title>&xxe;</title><description>&xxe;</description></item></channel></rss>"#;
    let err = parse_feed(xxe.as_bytes()).unwrap_err();
    assert!(matches!(err, WebError::UnsafeXml(_)));
    assert!(err.to_string().contains("unsafe XML refused"));
}

#[test]
fn undeclared_entities_are_never_expanded() {
    // Without a DTD, an unknown entity stays text (quick-xml as used by feed-rs).
    let xml = r#"<rss version="2.0"><channel><title>t</title><item><title>a &lol9; b</title></item></channel></rss>"#;
    if let Ok(feed) = parse_feed(xml.as_bytes()) {
        let title = feed.items[0].title.clone().unwrap_or_default();
        assert!(title.len() < 40, "entity expanded: {title}");
    }
}

#[test]
fn not_a_feed_is_a_clear_error() {
    assert!(matches!(
        parse_feed(b"<html><body>hi</body></html>"),
        Err(WebError::Feed(_))
    ));
    assert!(matches!(parse_feed(b"garbage"), Err(WebError::Feed(_))));
}
