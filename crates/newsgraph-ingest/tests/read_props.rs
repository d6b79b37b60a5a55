//! Property tests for the JSON Lines parser and the bounded line reader: no input makes
//! them panic, and what they return agrees with a simple model.

use newsgraph_ingest::read::jsonl::{read_bounded_line, BoundedLine};
use newsgraph_ingest::read::parse_jsonl_line;
use proptest::prelude::*;
use serde_json::{json, Map, Value};

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| json!(f)),
        ".{0,20}".prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..4)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

/// Keys: mostly the ones the parser knows, some arbitrary.
fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "title",
            "headline",
            "body",
            "text",
            "content",
            "date",
            "published",
            "pubDate",
            "published_at",
            "url",
            "link",
            "source",
            "outlet",
            "site",
            "author",
            "byline",
            "authors",
            "via",
            "name",
        ])
        .prop_map(str::to_owned),
        "[a-zA-Z_]{1,8}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_text_never_panics(line in ".{0,200}") {
        let _ = parse_jsonl_line(&line);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let _ = parse_jsonl_line(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn arbitrary_objects_never_panic_and_keep_unknown_fields(
        fields in prop::collection::vec((key(), json_value()), 0..10)
    ) {
        let object: Map<String, Value> = fields.into_iter().collect();
        let line = Value::Object(object.clone()).to_string();
        if let Ok(record) = parse_jsonl_line(&line) {
            prop_assert!(!record.body.trim().is_empty());
            // Every field the parser does not know survives unchanged.
            for (k, v) in &object {
                if k.chars().all(|c| c.is_ascii_alphabetic() || c == '_') && !KNOWN.contains(&k.as_str()) {
                    prop_assert_eq!(record.extra.get(k), Some(v));
                }
            }
        }
    }

    #[test]
    fn title_and_body_round_trip(title in ".{1,40}", body in ".{1,200}") {
        prop_assume!(!title.trim().is_empty() && !body.trim().is_empty());
        let line = json!({"title": title, "body": body, "extra": 1}).to_string();
        let record = parse_jsonl_line(&line).unwrap();
        prop_assert_eq!(record.title.as_deref(), Some(title.trim()));
        prop_assert_eq!(&record.body, &body);
        prop_assert_eq!(record.extra.get("extra"), Some(&json!(1)));
    }

    #[test]
    fn bounded_lines_match_a_plain_split(
        bytes in prop::collection::vec(prop_oneof![Just(b'\n'), Just(b'\r'), any::<u8>()], 0..300),
        limit in 0usize..40,
        capacity in 1usize..16,
    ) {
        let mut reader = std::io::BufReader::with_capacity(capacity, &bytes[..]);
        let mut got = Vec::new();
        let mut buf = Vec::new();
        loop {
            match read_bounded_line(&mut reader, &mut buf, limit).unwrap() {
                BoundedLine::Eof => break,
                BoundedLine::TooLong => got.push(None),
                BoundedLine::Line => got.push(Some(buf.clone())),
            }
        }
        let mut expected = Vec::new();
        let mut parts: Vec<&[u8]> = bytes.split(|b| *b == b'\n').collect();
        if bytes.last() == Some(&b'\n') || bytes.is_empty() {
            parts.pop();
        }
        for part in parts {
            if part.len() > limit {
                expected.push(None);
            } else {
                expected.push(Some(part.strip_suffix(b"\r").unwrap_or(part).to_vec()));
            }
        }
        prop_assert_eq!(got, expected);
    }
}

const KNOWN: &[&str] = &[
    "title",
    "headline",
    "body",
    "text",
    "content",
    "date",
    "published",
    "pubDate",
    "published_at",
    "publishedAt",
    "url",
    "link",
    "source",
    "outlet",
    "site",
    "author",
    "byline",
    "authors",
    "via",
];
