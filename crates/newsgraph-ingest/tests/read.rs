//! The reader without the cleaner: format detection, decoding, per-file errors, JSON
//! Lines parsing and directory walking. Everything here goes through `read_raw` (or
//! `expand_inputs`, `parse_jsonl_line`), never through `clean`.

use newsgraph_ingest::read::{parse_jsonl_line, read_raw_stream, LineError, RawArticles};
use newsgraph_ingest::{
    expand_inputs, read_raw, IngestError, Input, RawArticle, RawContent, ReadOptions, WarningKind,
};
use newsgraph_model::InputFormat;
use std::fs;
use std::path::{Path, PathBuf};

const ARTICLE: &str = "Harbour board approves new ferry route\n\
By Jane Example\n\
The harbour board voted on Tuesday to open a ferry route between the two islands.\n\
Officials said the first crossing would run in the spring.\n";

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(&path, bytes).unwrap();
    path
}

fn raw(path: &Path) -> Result<RawArticles, IngestError> {
    read_raw(&Input::Path(path.to_path_buf()), &ReadOptions::default())
}

fn one_text(path: &Path) -> RawArticle {
    let mut items: Vec<_> = raw(path).unwrap().collect();
    assert_eq!(items.len(), 1);
    items.remove(0).unwrap()
}

fn text_of(raw: &RawArticle) -> &str {
    match &raw.content {
        RawContent::Text(text) => text,
        other => panic!("expected text, got {other:?}"),
    }
}

fn err_of(result: Result<RawArticles, IngestError>) -> IngestError {
    match result {
        Ok(articles) => panic!("expected an error, got {articles:?}"),
        Err(e) => e,
    }
}

// ---- format detection --------------------------------------------------------------

#[test]
fn detects_formats_by_extension_and_content() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = "{\"title\":\"T\",\"body\":\"B\"}\n";
    let cases: &[(&str, &str, Option<InputFormat>)] = &[
        ("a.txt", ARTICLE, Some(InputFormat::Text)),
        ("b.text", ARTICLE, Some(InputFormat::Text)),
        // The extension decides: a .txt starting with `{` is still text.
        ("c.txt", jsonl, Some(InputFormat::Text)),
        ("d.jsonl", jsonl, Some(InputFormat::Jsonl)),
        ("e.ndjson", jsonl, Some(InputFormat::Jsonl)),
        ("f.json", jsonl, Some(InputFormat::Jsonl)),
        // No extension: sniffed.
        ("g", jsonl, Some(InputFormat::Jsonl)),
        ("h", ARTICLE, Some(InputFormat::Text)),
        (
            "i.dat",
            "\u{feff}{\"body\":\"x\"}\n",
            Some(InputFormat::Jsonl),
        ),
    ];
    for (name, content, expected) in cases {
        let path = write(dir.path(), name, content);
        let got = raw(&path).map(|r| r.format()).ok();
        assert_eq!(got, *expected, "{name}");
    }
}

#[test]
fn forced_format_overrides_detection() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "lines.txt", "{\"body\":\"forced\"}\n");
    let opts = ReadOptions {
        format: Some(InputFormat::Jsonl),
        ..ReadOptions::default()
    };
    let items: Vec<_> = read_raw(&Input::Path(path.clone()), &opts)
        .unwrap()
        .collect();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].as_ref().unwrap().format, InputFormat::Jsonl);

    let opts = ReadOptions {
        format: Some(InputFormat::Text),
        ..ReadOptions::default()
    };
    let path = write(dir.path(), "page.html", "<p>just text really</p>");
    let got = one_of(read_raw(&Input::Path(path), &opts).unwrap());
    assert_eq!(got.format, InputFormat::Text);
}

fn one_of(articles: RawArticles) -> RawArticle {
    let mut items: Vec<_> = articles.collect();
    assert_eq!(items.len(), 1, "{items:?}");
    items.remove(0).unwrap()
}

#[test]
fn pretty_printed_json_is_not_json_lines() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "one.json",
        "{\n  \"title\": \"T\",\n  \"body\": \"B\"\n}\n",
    );
    let err = err_of(raw(&path));
    assert!(matches!(err, IngestError::NotJsonLines { .. }), "{err}");
    assert!(err.to_string().contains("one object per line"));
    let path = write(dir.path(), "arr.json", "[{\"body\":\"B\"}]");
    assert!(matches!(
        err_of(raw(&path)),
        IngestError::NotJsonLines { .. }
    ));
}

// ---- decoding ----------------------------------------------------------------------

#[test]
fn utf8_bom_is_stripped() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "bom.txt",
        [b"\xEF\xBB\xBF".as_slice(), ARTICLE.as_bytes()].concat(),
    );
    let got = one_text(&path);
    assert_eq!(text_of(&got), ARTICLE);
    assert!(got.warnings.is_empty());
    assert!(!got.metadata.contains_key("encoding"));
}

#[test]
fn windows_1252_is_decoded_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    // \x93 \x94 are curly double quotes and \xE9 is é in Windows-1252.
    let bytes = b"Caf\xE9 owners say \x93business is back\x94\nThe caf\xE9 reopened.\n";
    let path = write(dir.path(), "legacy.txt", bytes);
    let got = one_text(&path);
    assert_eq!(
        text_of(&got),
        "Caf\u{e9} owners say \u{201c}business is back\u{201d}\nThe caf\u{e9} reopened.\n"
    );
    assert_eq!(got.metadata["encoding"], "windows-1252");
    assert_eq!(got.warnings.len(), 1);
    let warning = &got.warnings[0];
    assert_eq!(warning.kind, WarningKind::Encoding);
    let shown = warning.to_string();
    assert!(shown.starts_with(&path.display().to_string()), "{shown}");
    assert!(shown.contains("Windows-1252"), "{shown}");
}

fn utf16(text: &str, little: bool) -> Vec<u8> {
    let mut out = if little {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for unit in text.encode_utf16() {
        out.extend_from_slice(&if little {
            unit.to_le_bytes()
        } else {
            unit.to_be_bytes()
        });
    }
    out
}

#[test]
fn utf16_with_bom_is_decoded() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Caf\u{e9} \u{201c}reopens\u{201d}\nA second paragraph.\n";
    for (name, little, label) in [("le.txt", true, "utf-16le"), ("be", false, "utf-16be")] {
        let path = write(dir.path(), name, utf16(text, little));
        let got = one_text(&path);
        assert_eq!(text_of(&got), text, "{name}");
        assert_eq!(got.metadata["encoding"], label);
        assert!(got.warnings.is_empty());
    }
    // UTF-16 JSON Lines is sniffed and streamed through the transcoder.
    let lines = "{\"title\":\"Caf\u{e9}\",\"body\":\"One.\"}\n{\"body\":\"Two.\"}\n";
    let path = write(dir.path(), "feed16", utf16(lines, true));
    let records = records_of(raw(&path).unwrap());
    assert_eq!(records.len(), 2);
    assert_eq!(records[0].0.title.as_deref(), Some("Caf\u{e9}"));
    assert_eq!(records[1].0.body, "Two.");
}

#[test]
fn binary_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = b"\x7fELF\x02\x01\x01".to_vec();
    bytes.extend(std::iter::repeat_n(0u8, 64));
    let path = write(dir.path(), "program.txt", &bytes);
    let err = err_of(raw(&path));
    assert!(matches!(err, IngestError::Binary { .. }));
    assert_eq!(
        err.to_string(),
        format!("{}: binary file, not text", path.display())
    );
    // Control characters without NULs.
    let path = write(
        dir.path(),
        "noise",
        [1u8, 2, 3, 4, 5, 6, 7, b'a', 8, 14, 15].repeat(50),
    );
    assert!(matches!(err_of(raw(&path)), IngestError::Binary { .. }));
}

#[test]
fn empty_and_blank_files_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    for (name, content) in [
        ("empty.txt", "".as_bytes().to_vec()),
        ("blank.txt", b" \n\t\r\n  ".to_vec()),
        ("bom-only.txt", b"\xEF\xBB\xBF\n".to_vec()),
        ("blank.jsonl", b"\n\n".to_vec()),
        ("utf16-blank", utf16("  \n", true)),
    ] {
        let path = write(dir.path(), name, content);
        let err = err_of(raw(&path));
        assert!(matches!(err, IngestError::Empty { .. }), "{name}: {err:?}");
        assert_eq!(err.to_string(), format!("{}: empty file", path.display()));
    }
    // Over 8 KiB of whitespace: found empty after reading, not by the sniffer.
    let path = write(dir.path(), "long-blank.txt", " \n".repeat(10_000));
    assert!(matches!(err_of(raw(&path)), IngestError::Empty { .. }));
    let path = write(dir.path(), "long-blank.jsonl", "\n".repeat(10_000));
    let items: Vec<_> = raw(&path).unwrap().collect();
    assert!(
        matches!(items.as_slice(), [Err(IngestError::Empty { .. })]),
        "{items:?}"
    );
}

#[test]
fn oversize_text_file_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.txt");
    let file = fs::File::create(&path).unwrap();
    file.set_len(200 * 1024 * 1024).unwrap(); // sparse: no data written
    drop(file);
    let started = std::time::Instant::now();
    let err = err_of(raw(&path));
    assert!(started.elapsed() < std::time::Duration::from_secs(2));
    match &err {
        IngestError::TooLarge { size, limit, .. } => {
            assert_eq!(*size, Some(200 * 1024 * 1024));
            assert_eq!(*limit, 16 * 1024 * 1024);
        }
        other => panic!("expected TooLarge, got {other:?}"),
    }
    let shown = err.to_string();
    assert!(
        shown.contains("200.0 MiB") && shown.contains("16.0 MiB"),
        "{shown}"
    );
    assert!(shown.starts_with(&path.display().to_string()), "{shown}");
}

#[test]
fn size_limit_is_configurable_and_applies_to_streams() {
    let dir = tempfile::tempdir().unwrap();
    let opts = ReadOptions {
        max_article_bytes: 100,
        ..ReadOptions::default()
    };
    let path = write(dir.path(), "small", "x ".repeat(60)); // sniffed text, 120 bytes
    let err = err_of(read_raw(&Input::Path(path), &opts));
    assert!(
        matches!(
            err,
            IngestError::TooLarge {
                size: Some(120),
                limit: 100,
                ..
            }
        ),
        "{err:?}"
    );
    // A stream (like stdin) is read up to the limit + 1 and no further.
    let err = err_of(read_raw_stream(
        "<stdin>",
        std::io::Cursor::new("y ".repeat(60)),
        &opts,
    ));
    assert!(
        matches!(
            err,
            IngestError::TooLarge {
                size: None,
                limit: 100,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(
        err.to_string()
            .starts_with("<stdin>: input of more than 100 bytes"),
        "{err}"
    );
    // Exactly at the limit is fine.
    let ok = read_raw_stream("<stdin>", std::io::Cursor::new("z".repeat(100)), &opts).unwrap();
    assert_eq!(ok.count(), 1);
}

#[test]
fn missing_and_unreadable_paths_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.txt");
    let err = err_of(raw(&missing));
    assert!(matches!(err, IngestError::NotFound { .. }));
    assert_eq!(
        err.to_string(),
        format!("{}: no such file or directory", missing.display())
    );
    let items: Vec<_> = expand_inputs(&[&missing]).collect();
    assert!(matches!(
        items.as_slice(),
        [Err(IngestError::NotFound { .. })]
    ));

    let err = err_of(raw(dir.path()));
    assert!(matches!(err, IngestError::IsDirectory { .. }), "{err:?}");

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let locked = write(dir.path(), "locked.txt", ARTICLE);
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
        // Root can read anything; then there is nothing to test.
        if fs::read(&locked).is_err() {
            let err = err_of(raw(&locked));
            assert!(
                matches!(err, IngestError::PermissionDenied { .. }),
                "{err:?}"
            );
            assert_eq!(
                err.to_string(),
                format!("{}: permission denied", locked.display())
            );
        }
    }
}

// ---- JSON Lines --------------------------------------------------------------------

fn records_of(articles: RawArticles) -> Vec<(newsgraph_ingest::read::JsonRecord, RawArticle)> {
    articles
        .map(|item| {
            let raw = item.unwrap();
            match &raw.content {
                RawContent::Record(record) => ((**record).clone(), raw),
                other => panic!("expected a record, got {other:?}"),
            }
        })
        .collect()
}

#[test]
fn jsonl_malformed_line_is_reported_and_reading_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let content = "{\"title\":\"One\",\"body\":\"First body.\"}\n\
                   \n\
                   {\"title\":\"Two\",\"body\":\"Second body.\"\n\
                   {\"title\":\"Three\"}\n\
                   [1,2]\n\
                   {\"title\":\"Four\",\"text\":\"Fourth body.\"}\r\n";
    let path = write(dir.path(), "batch.jsonl", content);
    let items: Vec<_> = raw(&path).unwrap().collect();
    assert_eq!(items.len(), 5, "{items:?}");
    let name = path.display().to_string();

    let first = items[0].as_ref().unwrap();
    assert_eq!(first.origin, format!("{name}:1"));
    match &items[1] {
        Err(err @ IngestError::Json { line: 3, .. }) => {
            assert!(
                err.to_string()
                    .starts_with(&format!("{name}:3: malformed JSON")),
                "{err}"
            )
        }
        other => panic!("{other:?}"),
    }
    match &items[2] {
        Err(err @ IngestError::Record { line: 4, .. }) => {
            assert!(err.to_string().contains("no article text"), "{err}")
        }
        other => panic!("{other:?}"),
    }
    match &items[3] {
        Err(err @ IngestError::Record { line: 5, .. }) => {
            assert!(err.to_string().contains("expected a JSON object"), "{err}")
        }
        other => panic!("{other:?}"),
    }
    let last = items[4].as_ref().unwrap();
    assert_eq!(last.origin, format!("{name}:6"));
    match &last.content {
        RawContent::Record(r) => {
            assert_eq!(r.title.as_deref(), Some("Four"));
            assert_eq!(r.body, "Fourth body.");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn jsonl_fields_and_unknown_fields() {
    let line = r#"{"id":"x-1","headline":"Ferry route","content":"Body text.","pubDate":"Tue, 02 Jan 2024 10:00:00 GMT","link":"https://news.example/ferry","outlet":"Harbour News","authors":["Jane Example",{"name":"Sam Writer"}],"via":["Wire A","Wire B"],"tags":["port","ferry"],"wordcount":3}"#;
    let r = parse_jsonl_line(line).unwrap();
    assert_eq!(r.title.as_deref(), Some("Ferry route"));
    assert_eq!(r.body, "Body text.");
    assert_eq!(r.date.as_deref(), Some("Tue, 02 Jan 2024 10:00:00 GMT"));
    assert_eq!(r.url.as_deref(), Some("https://news.example/ferry"));
    assert_eq!(r.source.as_deref(), Some("Harbour News"));
    assert_eq!(r.byline.as_deref(), Some("Jane Example, Sam Writer"));
    assert_eq!(r.via, ["Wire A", "Wire B"]);
    let keys: Vec<&str> = r.extra.keys().map(String::as_str).collect();
    assert_eq!(keys, ["id", "tags", "wordcount"]);
    assert_eq!(r.extra["tags"], serde_json::json!(["port", "ferry"]));
    assert!(r.notes.is_empty());

    // NewsAPI-style source object; published_at; author string.
    let r = parse_jsonl_line(
        r#"{"source":{"id":"hn","name":"Harbour News"},"body":"B","published_at":"2024-01-02","author":" Jane "}"#,
    )
    .unwrap();
    assert_eq!(r.source.as_deref(), Some("Harbour News"));
    assert_eq!(r.date.as_deref(), Some("2024-01-02"));
    assert_eq!(r.byline.as_deref(), Some("Jane"));
    assert!(
        r.extra.contains_key("source"),
        "the source object is kept too"
    );

    // A known field of the wrong type stays in metadata with a note.
    let r = parse_jsonl_line(r#"{"body":"B","title":{"main":"T"},"url":null}"#).unwrap();
    assert_eq!(r.title, None);
    assert_eq!(r.extra["title"], serde_json::json!({"main": "T"}));
    assert_eq!(r.notes.len(), 1);
    assert!(!r.extra.contains_key("url"));
}

#[test]
fn jsonl_line_errors() {
    let cases = [
        ("not json", "malformed"),
        ("\"a string\"", "found a string"),
        ("{\"title\":\"T\"}", "no article text"),
        ("{\"body\":\"   \"}", "is empty"),
        ("{\"body\":42}", "is a number, expected a string"),
        ("{\"text\":null}", "is empty"),
    ];
    for (line, expected) in cases {
        let err = parse_jsonl_line(line).unwrap_err();
        let message = match &err {
            LineError::Json(m) => format!("malformed {m}"),
            LineError::Record(m) => m.clone(),
        };
        assert!(message.contains(expected), "{line}: {message}");
    }
}

#[test]
fn jsonl_overlong_line_is_skipped_and_reading_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let long = format!("{{\"body\":\"{}\"}}", "x".repeat(5000));
    let content = format!("{{\"body\":\"short one\"}}\n{long}\n{{\"body\":\"short two\"}}\n");
    let path = write(dir.path(), "long.jsonl", content);
    let opts = ReadOptions {
        max_article_bytes: 1000,
        ..ReadOptions::default()
    };
    let items: Vec<_> = read_raw(&Input::Path(path), &opts).unwrap().collect();
    assert_eq!(items.len(), 3);
    assert!(items[0].is_ok() && items[2].is_ok());
    let err = items[1].as_ref().unwrap_err();
    assert!(
        matches!(err, IngestError::LineTooLong { line: 2, .. }),
        "{err:?}"
    );
    assert!(
        err.to_string()
            .contains(":2: line is longer than the limit"),
        "{err}"
    );
}

#[test]
fn jsonl_file_larger_than_article_limit_is_streamed() {
    let dir = tempfile::tempdir().unwrap();
    let line = "{\"body\":\"A short article body about the harbour.\"}\n";
    let path = write(dir.path(), "many.jsonl", line.repeat(2000)); // ~100 KB
    let opts = ReadOptions {
        max_article_bytes: 4096,
        ..ReadOptions::default()
    };
    let count = read_raw(&Input::Path(path), &opts)
        .unwrap()
        .filter(|r| r.is_ok())
        .count();
    assert_eq!(count, 2000);
}

#[test]
fn jsonl_invalid_utf8_line_falls_back_per_line() {
    let dir = tempfile::tempdir().unwrap();
    let content = b"{\"body\":\"fine\"}\n{\"body\":\"caf\xE9\"}\n".to_vec();
    let path = write(dir.path(), "mixed.jsonl", content);
    let records = records_of(raw(&path).unwrap());
    assert!(records[0].1.warnings.is_empty());
    assert_eq!(records[1].0.body, "caf\u{e9}");
    assert_eq!(records[1].1.metadata["encoding"], "windows-1252");
    assert!(records[1].1.warnings[0]
        .to_string()
        .contains(":2: not valid UTF-8"));
}

#[test]
fn stream_input_is_sniffed() {
    let opts = ReadOptions::default();
    let items: Vec<_> = read_raw_stream(
        "<stdin>",
        std::io::Cursor::new("{\"body\":\"a\"}\n{\"body\":\"b\"}\n"),
        &opts,
    )
    .unwrap()
    .collect();
    assert_eq!(items.len(), 2);
    let second = items[1].as_ref().unwrap();
    assert_eq!(second.origin, "<stdin>:2");
    assert_eq!(second.path, None);
}

// ---- directories -------------------------------------------------------------------

fn names(root: &Path, paths: &[impl AsRef<Path>]) -> Vec<String> {
    expand_inputs(paths)
        .map(|item| match item.unwrap() {
            Input::Path(p) => p.strip_prefix(root).unwrap().display().to_string(),
            Input::Stdin => "-".to_owned(),
        })
        .collect()
}

#[test]
fn directory_walk_is_sorted_recursive_and_skips_hidden() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for name in [
        "b.txt",
        "a.txt",
        "sub/z.txt",
        "sub/deeper/m.jsonl",
        "A.txt",
        ".hidden.txt",
        ".git/config",
        "sub/.cache/x.txt",
        "c/only.txt",
    ] {
        write(root, name, "text");
    }
    fs::create_dir(root.join("empty")).unwrap();
    let expected = [
        "A.txt",
        "a.txt",
        "b.txt",
        "c/only.txt",
        "sub/deeper/m.jsonl",
        "sub/z.txt",
    ];
    assert_eq!(names(root, &[root]), expected);
    // Deterministic: a second walk gives the same order.
    assert_eq!(names(root, &[root]), expected);
    // An explicitly named hidden file is taken; `-` is stdin; order of arguments kept.
    let got = names(
        root,
        &[
            root.join(".hidden.txt"),
            PathBuf::from("-"),
            root.join("sub"),
        ],
    );
    assert_eq!(got, [".hidden.txt", "-", "sub/deeper/m.jsonl", "sub/z.txt"]);
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "a/one.txt", "text");
    std::os::unix::fs::symlink(root.join("a"), root.join("a/loop")).unwrap();
    std::os::unix::fs::symlink(root, root.join("a/up")).unwrap();
    std::os::unix::fs::symlink(root.join("a/one.txt"), root.join("link.txt")).unwrap();
    let got = names(root, &[root]);
    assert_eq!(got, ["a/one.txt", "link.txt"]);
}

#[test]
fn ten_thousand_files_are_streamed() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for i in 0..10_000u32 {
        let sub = format!("d{:02}", i % 20);
        write(
            root,
            &format!("{sub}/{i:05}.txt"),
            format!("Article number {i}\nBody {i}.\n"),
        );
    }
    let mut count = 0;
    let mut last = String::new();
    for input in expand_inputs(&[root]) {
        let Input::Path(path) = input.unwrap() else {
            panic!("stdin?")
        };
        let shown = path.strip_prefix(root).unwrap().display().to_string();
        assert!(shown > last, "{shown} after {last}");
        last = shown;
        let article = one_text(&path);
        assert!(text_of(&article).starts_with("Article number"));
        count += 1;
    }
    assert_eq!(count, 10_000);
}
