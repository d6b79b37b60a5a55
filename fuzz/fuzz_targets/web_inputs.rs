//! Fuzzes the readers of untrusted web bytes in newsgraph-web: the HTML extractor,
//! the feed parser and the WARC reader (plain and gzip). None may panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::io::Cursor;

fuzz_target!(|data: &[u8]| {
    let _ = newsgraph_web::extract(data, &newsgraph_web::ExtractOptions::default());
    let _ = newsgraph_web::parse_feed(data);
    let options = newsgraph_web::WarcOptions {
        max_record_bytes: 1 << 16,
        html_only: false,
    };
    if let Ok(reader) = newsgraph_web::WarcReader::new(Cursor::new(data.to_vec()), options) {
        for _ in reader.take(1000) {}
    }
});
