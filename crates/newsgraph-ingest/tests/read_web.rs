//! Web inputs through the read stage: HTML pages, feed files and WARC archives become
//! articles like any other input; what cannot be read is an error naming the file (and
//! the feed item or archive record), and the rest goes on. Fixtures written here.

use newsgraph_ingest::read::{read_paths, ReadArticle, ReadOptions};
use newsgraph_ingest::IngestError;
use newsgraph_model::InputFormat;
use std::io::Write;
use std::path::{Path, PathBuf};

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn read(path: &Path) -> Vec<Result<ReadArticle, IngestError>> {
    read_paths(&[path], &ReadOptions::default()).collect()
}

fn page(headline: &str, town: &str) -> String {
    let para = |k: usize| {
        format!(
            "<p>Officials in {town} said on Monday that the harbour would reopen to tankers within days, \
             the {k}th statement this month. Pilots and tug crews were told to be ready, and insurers \
             said they were watching the talks closely before changing their rates for the route.</p>"
        )
    };
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><title>{headline} | Gulf Wire</title>\
         <meta property=\"og:site_name\" content=\"Gulf Wire\">\
         <meta property=\"article:published_time\" content=\"2026-03-02T10:15:00Z\">\
         <meta name=\"author\" content=\"Hessa Al Mansoori\"></head><body>\
         <nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>\
         <article><h1>{headline}</h1>{}{}{}</article>\
         <div class=\"share\">Share on X</div><footer>All rights reserved</footer></body></html>",
        para(1),
        para(2),
        para(3)
    )
}

#[test]
fn an_html_page_is_one_article() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "port.html", page("Harbour to reopen", "Duqm"));
    let items = read(&path);
    assert_eq!(items.len(), 1);
    let a = &items[0].as_ref().unwrap().article;
    assert_eq!(a.format, Some(InputFormat::Html));
    assert!(a.title.starts_with("Harbour to reopen"), "{}", a.title);
    assert_eq!(a.source, "Gulf Wire");
    assert_eq!(a.byline.as_deref(), Some("Hessa Al Mansoori"));
    assert_eq!(a.published.as_deref(), Some("2026-03-02T10:15:00Z"));
    assert!(a.body.contains("harbour would reopen"));
    assert!(!a.body.contains("Share on X") && !a.body.contains("Home"));
}

#[test]
fn a_page_without_an_article_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "menu.html",
        "<html><body><nav><a href=\"/a\">A</a><a href=\"/b\">B</a></nav></body></html>",
    );
    let items = read(&path);
    assert_eq!(items.len(), 1);
    let err = items[0].as_ref().unwrap_err().to_string();
    assert!(err.starts_with(&path.display().to_string()), "{err}");
}

#[test]
fn a_feed_file_gives_one_article_per_item() {
    let dir = tempfile::tempdir().unwrap();
    let item = |n: u32, title: &str| {
        format!(
            "<item><title>{title}</title><link>https://gulfwire.example/{n}</link>\
             <guid>gw-{n}</guid><pubDate>Mon, 02 Mar 2026 10:0{n}:00 GMT</pubDate>\
             <description>Port officials in Sohar said berth {n} would reopen on Tuesday after \
             repairs to the quay. Shipping agents welcomed the news.</description></item>"
        )
    };
    let rss = format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Gulf Wire</title>\
         <link>https://gulfwire.example/</link>{}{}</channel></rss>",
        item(1, "Berth one reopens"),
        item(2, "Berth two reopens")
    );
    let path = write(dir.path(), "gulf.rss", rss);
    let items: Vec<_> = read(&path).into_iter().map(Result::unwrap).collect();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0].article.title, "Berth one reopens");
    assert_eq!(
        items[1].article.url.as_deref(),
        Some("https://gulfwire.example/2")
    );
    assert_eq!(items[0].article.source, "Gulf Wire");
    assert_eq!(items[0].article.format, Some(InputFormat::Feed));
    assert!(items[0]
        .article
        .published
        .as_deref()
        .unwrap()
        .starts_with("2026-03-02T10:01"));
    assert_ne!(items[0].article.id, items[1].article.id);
}

#[test]
fn an_xml_bomb_feed_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let bomb = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\">\
        <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>\
        <rss version=\"2.0\"><channel><title>&c;</title><item><title>&c;</title></item></channel></rss>";
    let path = write(dir.path(), "bomb.rss", bomb);
    let items = read(&path);
    assert_eq!(items.len(), 1);
    let err = items[0].as_ref().unwrap_err().to_string();
    assert!(err.starts_with(&path.display().to_string()), "{err}");
}

fn warc_record(uri: &str, html: &str) -> Vec<u8> {
    let http = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n{html}",
        html.len()
    );
    let mut rec = format!(
        "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2026-03-02T11:00:00Z\r\n\
         WARC-Record-ID: <urn:uuid:{}>\r\nContent-Type: application/http; msgtype=response\r\n\
         Content-Length: {}\r\n\r\n",
        uri.len(),
        http.len()
    )
    .into_bytes();
    rec.extend_from_slice(http.as_bytes());
    rec.extend_from_slice(b"\r\n\r\n");
    rec
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

#[test]
fn a_warc_archive_gives_its_html_responses_with_record_metadata() {
    let dir = tempfile::tempdir().unwrap();
    let mut warc = Vec::new();
    for (k, town) in ["Duqm", "Sohar", "Salalah"].iter().enumerate() {
        // Multi-member gzip, as Common Crawl writes it: one member per record.
        warc.extend(gzip(&warc_record(
            &format!("https://gulfwire.example/{k}"),
            &page(&format!("Harbour {k} to reopen"), town),
        )));
    }
    warc.extend(gzip(&warc_record(
        "https://gulfwire.example/menu",
        "<html><body><nav>x</nav></body></html>",
    )));
    let path = write(dir.path(), "crawl.warc.gz", &warc);
    let items = read(&path);
    assert_eq!(items.len(), 4, "{items:?}");
    for (k, item) in items[..3].iter().enumerate() {
        let a = &item.as_ref().unwrap().article;
        assert_eq!(a.format, Some(InputFormat::Warc));
        assert_eq!(
            a.url.as_deref(),
            Some(format!("https://gulfwire.example/{k}").as_str())
        );
        assert_eq!(a.metadata["warc_date"], "2026-03-02T11:00:00Z");
    }
    let err = items[3].as_ref().unwrap_err().to_string();
    assert!(
        err.contains("crawl.warc.gz@"),
        "record named by its offset: {err}"
    );
}

#[test]
fn a_truncated_warc_keeps_the_good_records_then_errs() {
    let dir = tempfile::tempdir().unwrap();
    let mut warc = Vec::new();
    for k in 0..2 {
        warc.extend(gzip(&warc_record(
            &format!("https://gulfwire.example/{k}"),
            &page("Harbour to reopen", "Duqm"),
        )));
    }
    let last = gzip(&warc_record(
        "https://gulfwire.example/2",
        &page("Third", "Sur"),
    ));
    warc.extend_from_slice(&last[..last.len() / 2]);
    let path = write(dir.path(), "cut.warc.gz", &warc);
    let items = read(&path);
    assert!(items.len() >= 3, "{items:?}");
    assert!(items[0].is_ok() && items[1].is_ok());
    let last = items.last().unwrap().as_ref().unwrap_err().to_string();
    assert!(last.contains("cut.warc.gz"), "{last}");
}
