//! Fuzzes the path every scraped text file takes: arbitrary bytes as a text input
//! (sniffing, decoding, cleaning, content id), then sentences, tokens and the
//! fingerprint of the clean body. Nothing may panic, and every span must lie on char
//! boundaries inside the body, in order.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsgraph_ingest::read::{build_article, read_raw_stream};
use newsgraph_ingest::ReadOptions;
use newsgraph_model::InputFormat;

fuzz_target!(|data: &[u8]| {
    let opts = ReadOptions {
        format: Some(InputFormat::Text),
        ..ReadOptions::default()
    };
    let Ok(raws) = read_raw_stream("fuzz", std::io::Cursor::new(data.to_vec()), &opts) else {
        return;
    };
    for raw in raws.flatten() {
        let Ok(read) = build_article(raw, &opts) else {
            continue;
        };
        let body = &read.article.body;
        let (sentences, tokens) = newsgraph_segment::segment(body);
        let mut last = 0;
        for s in &sentences {
            assert!(last <= s.start && s.start < s.end && s.end <= body.len());
            assert!(body.is_char_boundary(s.start) && body.is_char_boundary(s.end));
            last = s.end;
        }
        for t in &tokens {
            assert!(t.start < t.end && t.end <= body.len());
            assert!(body.is_char_boundary(t.start) && body.is_char_boundary(t.end));
        }
        let _ = newsgraph_ingest::dedup::fingerprint(body);
    }
});
