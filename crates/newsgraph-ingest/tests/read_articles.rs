//! The whole read stage, through the cleaner: what the caller gets as `ReadArticle`s.

use newsgraph_ingest::dedup::content_id;
use newsgraph_ingest::{
    read_input, read_paths, IngestError, Input, ReadArticle, ReadOptions, WarningKind,
};
use newsgraph_model::InputFormat;
use std::fs;
use std::path::{Path, PathBuf};

const SCRAPED: &str = "Harbour board approves new ferry route\n\
The harbour board voted on Tuesday to open a ferry route between the two islands, ending a decade of argument.\n\
Officials said the first crossing would run in the spring, weather permitting.\n";

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, bytes).unwrap();
    path
}

fn read_all(path: &Path, opts: &ReadOptions) -> Vec<Result<ReadArticle, IngestError>> {
    read_input(&Input::Path(path.to_path_buf()), opts)
        .unwrap()
        .collect()
}

fn read_one(path: &Path, opts: &ReadOptions) -> ReadArticle {
    let mut all = read_all(path, opts);
    assert_eq!(all.len(), 1, "{all:?}");
    all.remove(0).unwrap()
}

#[test]
fn text_file_becomes_an_article() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "ferry.txt", SCRAPED);
    let opts = ReadOptions {
        source: Some("Harbour News".into()),
        ..ReadOptions::default()
    };
    let read = read_one(&path, &opts);
    let a = &read.article;
    assert_eq!(read.origin, path.display().to_string());
    assert_eq!(a.path.as_deref(), Some(path.display().to_string().as_str()));
    assert_eq!(a.format, Some(InputFormat::Text));
    assert!(!a.title.is_empty());
    assert!(a.body.contains("first crossing"), "{}", a.body);
    assert_eq!(a.source, "Harbour News");
    assert_eq!(a.id, content_id(&a.source, &a.body));
    assert_eq!(a.id.len(), 32);
    // Reading it again gives the same id: re-ingesting is a no-op.
    assert_eq!(read_one(&path, &opts).article.id, a.id);
}

#[test]
fn legacy_encoding_is_recorded_in_metadata_and_warned() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "cafe.txt",
        b"Caf\xE9 owners celebrate reopening\nThe owners said \x93business is back\x94 after a long winter of repairs.\n",
    );
    let read = read_one(&path, &ReadOptions::default());
    assert_eq!(read.article.metadata["encoding"], "windows-1252");
    assert!(read.article.body.contains('\u{201c}') || read.article.title.contains('\u{e9}'));
    assert!(read
        .warnings
        .iter()
        .any(|w| w.kind == WarningKind::Encoding && w.origin == path.display().to_string()));
}

#[test]
fn jsonl_records_become_articles() {
    let dir = tempfile::tempdir().unwrap();
    let lines = [
        r#"{"title":"Ferry route approved","body":"The harbour board voted on Tuesday to open a ferry route between the two islands.","date":"2024-01-02","url":"https://news.example/ferry","source":"Harbour News","author":"Jane Example","section_id":"local","via":["Island Wire"]}"#,
        r#"{"body":"The orchestra cancelled its autumn season after losing the lease on its hall.","date":"sometime last week"}"#,
        r#"{"title":"broken""#,
        r#"{"title":"No source here","text":"Musicians learned of the decision at a rehearsal on Friday evening."}"#,
    ];
    let path = write(dir.path(), "batch.jsonl", lines.join("\n"));
    let opts = ReadOptions {
        source: Some("Fallback Outlet".into()),
        ..ReadOptions::default()
    };
    let all = read_all(&path, &opts);
    assert_eq!(all.len(), 4);
    let name = path.display().to_string();

    let first = all[0].as_ref().unwrap();
    assert_eq!(first.origin, format!("{name}:1"));
    let a = &first.article;
    assert_eq!(a.title, "Ferry route approved");
    assert_eq!(a.published.as_deref(), Some("2024-01-02"));
    assert_eq!(a.url.as_deref(), Some("https://news.example/ferry"));
    assert_eq!(a.source, "Harbour News");
    assert_eq!(a.byline.as_deref(), Some("Jane Example"));
    assert_eq!(a.via, ["Island Wire"]);
    assert_eq!(a.metadata["section_id"], "local");
    assert_eq!(a.format, Some(InputFormat::Jsonl));
    assert!(first.warnings.is_empty(), "{:?}", first.warnings);

    // No title: one from the body; a date that does not parse: kept raw, warned.
    let second = all[1].as_ref().unwrap();
    let a = &second.article;
    assert!(
        a.title.starts_with("The orchestra cancelled"),
        "{}",
        a.title
    );
    assert_eq!(a.metadata["title_from"], "body");
    assert_eq!(a.published, None);
    assert_eq!(a.metadata["date_raw"], "sometime last week");
    assert!(second
        .warnings
        .iter()
        .any(|w| w.kind == WarningKind::UnparsedDate
            && w.to_string().starts_with(&format!("{name}:2:"))));
    assert_eq!(a.source, "Fallback Outlet");

    let err = all[2].as_ref().unwrap_err();
    assert!(
        err.to_string()
            .starts_with(&format!("{name}:3: malformed JSON")),
        "{err}"
    );

    let fourth = all[3].as_ref().unwrap();
    assert_eq!(fourth.article.title, "No source here");
    assert_eq!(fourth.article.source, "Fallback Outlet");
}

#[test]
fn user_date_wins_and_the_input_date_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "dated.jsonl",
        r#"{"title":"T","body":"A body long enough to be an article body.","date":"2024-01-02"}"#,
    );
    let opts = ReadOptions {
        date: Some("2025-03-04".into()),
        ..ReadOptions::default()
    };
    let a = read_one(&path, &opts).article;
    assert_eq!(a.published.as_deref(), Some("2025-03-04"));
    assert_eq!(a.metadata["date_in_input"], "2024-01-02");

    let bad = ReadOptions {
        date: Some("not a date".into()),
        ..ReadOptions::default()
    };
    let err = read_input(&Input::Path(path), &bad).unwrap_err();
    assert!(matches!(err, IngestError::InvalidDate { .. }), "{err:?}");
}

#[test]
fn read_paths_streams_a_tree_with_errors_in_place() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", SCRAPED);
    write(dir.path(), "b.bin", b"\0\0\0\x01binary");
    write(
        dir.path(),
        "c.jsonl",
        "{\"body\":\"One short article body.\"}\n{\"body\":\"Another short article body.\"}\n",
    );
    write(dir.path(), "d.html", "<html></html>");
    let results: Vec<_> = read_paths(&[dir.path()], &ReadOptions::default()).collect();
    let summary: Vec<String> = results
        .iter()
        .map(|r| match r {
            Ok(read) => format!(
                "ok {}",
                Path::new(&read.origin)
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
            ),
            Err(e) => format!(
                "err {}",
                Path::new(e.path().unwrap())
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
            ),
        })
        .collect();
    assert_eq!(
        summary,
        [
            "ok a.txt",
            "err b.bin",
            "ok c.jsonl:1",
            "ok c.jsonl:2",
            "err d.html"
        ]
    );
}

#[test]
fn seed_articles_read_cleanly() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    if !seeds.is_dir() {
        return;
    }
    let mut n = 0;
    for result in read_paths(&[&seeds], &ReadOptions::default()) {
        let read = result.unwrap();
        assert!(!read.article.body.is_empty());
        assert!(!read.article.title.is_empty());
        assert_eq!(read.article.id.len(), 32);
        n += 1;
    }
    assert!(n >= 1);
}
