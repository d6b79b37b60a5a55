//! Property tests: the readers of untrusted bytes never panic.

use newsgraph_web::{extract, html_to_text, parse_feed, ExtractOptions, WarcOptions, WarcReader};
use proptest::prelude::*;
use std::io::Cursor;

fn htmlish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<p>".to_owned()),
        Just("</p>".to_owned()),
        Just("<div class=\"article-body\">".to_owned()),
        Just("<div class=comments>".to_owned()),
        Just("</div>".to_owned()),
        Just("<a href=x>".to_owned()),
        Just("</a>".to_owned()),
        Just("<br>".to_owned()),
        Just("<script>".to_owned()),
        Just("<table><tr><td>".to_owned()),
        Just("<meta charset=\"windows-1252\">".to_owned()),
        Just(
            "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"articleBody\":"
                .to_owned()
        ),
        "[ -~]{0,40}",
        "\\PC{0,20}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn extractor_never_panics_on_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let _ = extract(&bytes, &ExtractOptions::default());
    }

    #[test]
    fn extractor_never_panics_on_markup(html in htmlish(), charset in prop::option::of("[a-z0-9-]{1,12}")) {
        let options = ExtractOptions { charset, ..Default::default() };
        if let Ok(page) = extract(html.as_bytes(), &options) {
            prop_assert!(!page.body.trim().is_empty());
        }
        let _ = html_to_text(&html);
    }

    #[test]
    fn warc_reader_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..3000), prefix in any::<bool>()) {
        let mut input = if prefix { b"WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 40\r\n\r\nHTTP/1.1 200 OK\r\n".to_vec() } else { Vec::new() };
        input.extend(bytes);
        if let Ok(reader) = WarcReader::new(Cursor::new(input), WarcOptions { max_record_bytes: 1000, html_only: false }) {
            for _ in reader.take(100) {}
        }
    }

    #[test]
    fn gzip_warc_reader_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..500)) {
        let mut input = vec![0x1f, 0x8b, 8, 0];
        input.extend(bytes);
        if let Ok(reader) = WarcReader::new(Cursor::new(input), WarcOptions::default()) {
            for _ in reader.take(100) {}
        }
    }

    #[test]
    fn feed_parser_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..1000)) {
        let _ = parse_feed(&bytes);
    }
}
