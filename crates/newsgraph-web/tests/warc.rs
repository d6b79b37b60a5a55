//! The WARC reader on archives built here: plain, gzip multi-member, truncated,
//! oversized records, chunked payloads, non-HTML records.

use flate2::write::GzEncoder;
use flate2::Compression;
use newsgraph_web::{WarcOptions, WarcReader, WebError};
use std::io::{Cursor, Write};
use std::sync::atomic::Ordering;

fn record(kind: &str, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2026-01-06T09:30:00Z\r\nWARC-Record-ID: <urn:uuid:{}>\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        uri.len(),
        block.len()
    )
    .into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

fn page(n: usize) -> String {
    format!("<html><body><article><p>Article number {n} says the harbour reopened after the ship was refloated, officials said on Tuesday.</p></article></body></html>")
}

fn http(body: &str, content_type: &str) -> Vec<u8> {
    format!(
        "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

fn archive() -> Vec<Vec<u8>> {
    let chunked = {
        let body = page(3);
        let (a, b) = body.split_at(40);
        format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=ISO-8859-1\r\nTransfer-Encoding: chunked\r\n\r\n{:x}\r\n{a}\r\n{:x}\r\n{b}\r\n0\r\n\r\n",
            a.len(),
            b.len()
        )
        .into_bytes()
    };
    vec![
        record(
            "warcinfo",
            "",
            "application/warc-fields",
            b"software: test\r\n",
        ),
        record(
            "request",
            "https://a.example/1",
            "application/http; msgtype=request",
            b"GET /1 HTTP/1.1\r\nHost: a.example\r\n\r\n",
        ),
        record(
            "response",
            "https://a.example/1",
            "application/http; msgtype=response",
            &http(&page(1), "text/html; charset=utf-8"),
        ),
        record(
            "response",
            "https://a.example/img.png",
            "application/http; msgtype=response",
            &http("PNG...", "image/png"),
        ),
        record(
            "metadata",
            "https://a.example/1",
            "application/warc-fields",
            b"fetchTimeMs: 12\r\n",
        ),
        record(
            "response",
            "https://a.example/2",
            "application/http; msgtype=response",
            &http(&page(2), "text/html"),
        ),
        record(
            "response",
            "https://a.example/3",
            "application/http; msgtype=response",
            &chunked,
        ),
    ]
}

fn gzip_members(records: &[Vec<u8>]) -> Vec<u8> {
    let mut out = Vec::new();
    for r in records {
        let mut gz = GzEncoder::new(Vec::new(), Compression::fast());
        gz.write_all(r).unwrap();
        out.extend(gz.finish().unwrap());
    }
    out
}

fn check_three(reader: WarcReader) {
    let records: Vec<_> = reader.collect::<Result<Vec<_>, _>>().expect("no errors");
    assert_eq!(records.len(), 3, "only HTML responses");
    assert_eq!(
        records[0].target_uri.as_deref(),
        Some("https://a.example/1")
    );
    assert_eq!(records[0].date.as_deref(), Some("2026-01-06T09:30:00Z"));
    assert_eq!(records[0].status, 200);
    assert_eq!(records[0].charset.as_deref(), Some("utf-8"));
    assert_eq!(records[0].body, page(1).as_bytes());
    assert_eq!(
        records[2].body,
        page(3).as_bytes(),
        "chunked payload joined"
    );
    assert_eq!(records[2].charset.as_deref(), Some("iso-8859-1"));
    let extracted = newsgraph_web::extract(&records[1].body, &Default::default()).unwrap();
    assert!(extracted.body.starts_with("Article number 2"));
}

#[test]
fn plain_warc() {
    let bytes: Vec<u8> = archive().concat();
    let len = bytes.len() as u64;
    let reader = WarcReader::new(Cursor::new(bytes), WarcOptions::default()).unwrap();
    let progress = reader.progress();
    check_three(reader);
    assert_eq!(progress.load(Ordering::Relaxed), len);
}

#[test]
fn gzip_multi_member_warc_from_a_file() {
    let dir = std::env::temp_dir().join(format!("newsgraph-web-warc-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("a.warc.gz");
    let gz = gzip_members(&archive());
    std::fs::write(&path, &gz).unwrap();
    let reader = WarcReader::open(&path, WarcOptions::default()).unwrap();
    let progress = reader.progress();
    check_three(reader);
    assert_eq!(progress.load(Ordering::Relaxed), gz.len() as u64);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn truncated_gzip_keeps_good_records_then_errors() {
    let records = archive();
    let gz = gzip_members(&records);
    // Cut inside the last member.
    let last = gzip_members(&records[records.len() - 1..]).len();
    let cut = gz.len() - last / 2;
    let reader = WarcReader::new(Cursor::new(gz[..cut].to_vec()), WarcOptions::default()).unwrap();
    let items: Vec<_> = reader.collect();
    let ok: Vec<_> = items.iter().filter_map(|r| r.as_ref().ok()).collect();
    assert_eq!(ok.len(), 2, "the two complete HTML records");
    match items.last().unwrap() {
        Err(WebError::WarcTruncated { reason, .. }) => assert!(!reason.is_empty()),
        other => panic!("expected a truncation error last, got {other:?}"),
    }
    assert_eq!(items.iter().filter(|r| r.is_err()).count(), 1);
}

#[test]
fn truncated_plain_record_is_an_error() {
    let bytes: Vec<u8> = archive().concat();
    let cut = bytes.len() - 30;
    let items: Vec<_> = WarcReader::new(Cursor::new(bytes[..cut].to_vec()), WarcOptions::default())
        .unwrap()
        .collect();
    assert_eq!(items.iter().filter(|r| r.is_ok()).count(), 2);
    assert!(matches!(
        items.last(),
        Some(Err(WebError::WarcTruncated { .. }))
    ));
}

#[test]
fn oversized_record_is_skipped_and_reading_goes_on() {
    let big = page(9).repeat(200);
    let mut recs = vec![record(
        "response",
        "https://a.example/big",
        "application/http; msgtype=response",
        &http(&big, "text/html"),
    )];
    recs.extend(archive());
    let options = WarcOptions {
        max_record_bytes: 4096,
        ..Default::default()
    };
    let items: Vec<_> = WarcReader::new(Cursor::new(recs.concat()), options)
        .unwrap()
        .collect();
    match &items[0] {
        Err(WebError::WarcRecordTooLarge { uri, limit, .. }) => {
            assert_eq!(uri, "https://a.example/big");
            assert_eq!(*limit, 4096);
        }
        other => panic!("expected too large, got {other:?}"),
    }
    assert_eq!(items.iter().filter(|r| r.is_ok()).count(), 3);
}

#[test]
fn garbage_between_records_resynchronises() {
    let mut bytes = b"this is not a warc header\r\nnor this\r\n".to_vec();
    bytes.extend(archive().concat());
    let items: Vec<_> = WarcReader::new(Cursor::new(bytes), WarcOptions::default())
        .unwrap()
        .collect();
    assert!(matches!(items[0], Err(WebError::WarcFormat { .. })));
    assert_eq!(items.iter().filter(|r| r.is_ok()).count(), 3);
}

#[test]
fn warc_1_0_is_read() {
    let rec = record(
        "response",
        "http://old.example/",
        "application/http; msgtype=response",
        &http(&page(7), "text/html"),
    );
    let rec = String::from_utf8(rec)
        .unwrap()
        .replacen("WARC/1.1", "WARC/1.0", 1);
    let items: Vec<_> = WarcReader::new(Cursor::new(rec.into_bytes()), WarcOptions::default())
        .unwrap()
        .collect();
    assert_eq!(items.len(), 1);
    assert!(items[0].is_ok());
}
