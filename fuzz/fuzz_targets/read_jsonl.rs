//! Fuzzes the JSON Lines path of the read stage: arbitrary bytes as a whole input
//! (sniffing, decoding, the bounded line reader and the line parser), and each line on
//! its own through `parse_jsonl_line`. Nothing may panic; every line gives a record or
//! an error.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsgraph_ingest::read::{parse_jsonl_line, read_raw_stream};
use newsgraph_ingest::ReadOptions;
use newsgraph_model::InputFormat;

fuzz_target!(|data: &[u8]| {
    // The parser alone, on each line.
    for line in data.split(|b| *b == b'\n') {
        let _ = parse_jsonl_line(&String::from_utf8_lossy(line));
    }
    // The whole reader, forced to JSON Lines and sniffed, with a small line limit so
    // the over-long-line path is exercised too.
    for format in [Some(InputFormat::Jsonl), None] {
        let opts = ReadOptions {
            format,
            max_article_bytes: 256,
            ..ReadOptions::default()
        };
        if let Ok(records) = read_raw_stream("fuzz", std::io::Cursor::new(data.to_vec()), &opts) {
            for record in records {
                let _ = record;
            }
        }
    }
});
