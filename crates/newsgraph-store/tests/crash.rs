//! `kill -9` in the middle of ingestion never leaves half an article.
//!
//! The test re-runs its own binary as a child process (the ignored `crash_child` test,
//! switched on by an environment variable) that writes articles with many sentences as
//! fast as it can. The parent kills it with SIGKILL mid-stream, reopens the database and
//! checks that every article present is complete: all its sentences, its full-text
//! entry and its near-duplicate bands.

mod common;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use newsgraph_store::{ListQuery, SearchQuery, SqliteStore, Store};

const DB_ENV: &str = "NEWSGRAPH_STORE_CRASH_DB";
const SENTENCES: usize = 300;

fn body(i: u64) -> String {
    (0..SENTENCES)
        .map(|s| format!("Sentence {s} of dispatch {i} mentions kestrel."))
        .collect::<Vec<_>>()
        .join(" ")
}

fn fingerprint(i: u64) -> u64 {
    i.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ 0x5bd1_e995
}

#[test]
#[ignore = "child process of kill_9_never_leaves_half_an_article"]
fn crash_child() {
    let Ok(path) = std::env::var(DB_ENV) else {
        return;
    };
    let mut store = SqliteStore::open(std::path::Path::new(&path)).unwrap();
    for i in 0.. {
        let b = body(i);
        let a = common::article(
            &format!("{i:016x}"),
            "Crash Wire",
            None,
            &format!("Dispatch {i}"),
            &b,
            fingerprint(i),
        );
        assert_eq!(a.sentences.len(), SENTENCES);
        store.put_article(&a).unwrap();
    }
}

#[test]
fn kill_9_never_leaves_half_an_article() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crash.db");
    drop(SqliteStore::open(&path).unwrap());
    let exe = std::env::current_exe().unwrap();
    for round in 0..3 {
        let mut child = Command::new(&exe)
            .args(["--exact", "crash_child", "--ignored", "--nocapture"])
            .env(DB_ENV, &path)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Let it write a while (and past the articles of the previous rounds).
        let reader = SqliteStore::open(&path).unwrap();
        let start = Instant::now();
        let target = 5 * (round + 1);
        while reader.stats().unwrap().articles < target && start.elapsed() < Duration::from_secs(60)
        {
            std::thread::sleep(Duration::from_millis(5));
        }
        std::thread::sleep(Duration::from_millis(37 * (round + 1)));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        drop(reader);

        let store = SqliteStore::open(&path).unwrap();
        let stats = store.stats().unwrap();
        assert!(stats.articles >= target, "child wrote nothing");
        assert_eq!(stats.sentences, stats.articles * SENTENCES as u64);
        let listed = store
            .list_articles(&ListQuery {
                limit: 100_000,
                ..ListQuery::default()
            })
            .unwrap();
        assert_eq!(listed.len() as u64, stats.articles);
        for s in &listed {
            let a = store.get_article(&s.id).unwrap().unwrap();
            assert_eq!(a.sentences.len(), SENTENCES, "{}", s.id);
            let i = u64::from_str_radix(&s.id, 16).unwrap();
            assert_eq!(a.article.body, body(i));
            assert_eq!(
                store
                    .find_near_duplicate(fingerprint(i), 0)
                    .unwrap()
                    .as_deref(),
                Some(s.id.as_str())
            );
        }
        let mut q = SearchQuery::new("kestrel");
        q.limit = 100_000;
        assert_eq!(store.search(&q).unwrap().len() as u64, stats.articles);
    }
}
