//! Behaviour of the SQLite backend through the public `Store` interface.

mod common;

use std::collections::HashSet;
use std::path::Path;

use common::{article, corpus, full_article};
use newsgraph_model::Sentence;
use newsgraph_store::sqlite::LATEST_VERSION;
use newsgraph_store::{
    Cursor, ListQuery, PutOutcome, SearchQuery, SnippetStyle, SqliteStore, Store, StoreError,
};

fn temp_db() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("newsgraph.db");
    (dir, path)
}

fn store_with_corpus() -> SqliteStore {
    let mut store = SqliteStore::open_in_memory().unwrap();
    for a in corpus() {
        assert_eq!(store.put_article(&a).unwrap(), PutOutcome::Stored);
    }
    store
}

fn ids(hits: &[newsgraph_store::SearchHit]) -> Vec<&str> {
    hits.iter().map(|h| h.id.as_str()).collect()
}

fn search(store: &SqliteStore, text: &str) -> Vec<newsgraph_store::SearchHit> {
    store.search(&SearchQuery::new(text)).unwrap()
}

// ---------------------------------------------------------------- opening, migrations

#[test]
fn migrates_an_empty_file_to_the_latest_schema() {
    let (_dir, path) = temp_db();
    let store = SqliteStore::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), LATEST_VERSION);
    let stats = store.stats().unwrap();
    assert_eq!(stats.articles, 0);
    assert_eq!(stats.schema_version, LATEST_VERSION);
    assert_eq!(stats.backend, "sqlite");
    assert!(path.exists());
    // WAL journal is on.
    let conn = rusqlite::Connection::open(&path).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn reopening_keeps_data_and_round_trips_every_field() {
    let (_dir, path) = temp_db();
    let original = full_article();
    {
        let mut store = SqliteStore::open(&path).unwrap();
        store.put_article(&original).unwrap();
    }
    let store = SqliteStore::open(&path).unwrap();
    let back = store.get_article(&original.article.id).unwrap().unwrap();
    assert_eq!(back.article, original.article);
    assert_eq!(back.sentences, original.sentences);
    assert_eq!(back.fingerprint, original.fingerprint);
    let at = back.ingested_at.unwrap();
    assert!(
        at.ends_with('Z') && at.contains('T') && at.len() >= 20,
        "{at}"
    );
}

#[test]
fn given_ingestion_time_is_kept() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    let mut a = full_article();
    a.ingested_at = Some("2026-01-02T03:04:05Z".into());
    store.put_article(&a).unwrap();
    let back = store.get_article(&a.article.id).unwrap().unwrap();
    assert_eq!(back.ingested_at.as_deref(), Some("2026-01-02T03:04:05Z"));
}

#[test]
fn database_from_a_newer_newsgraph_is_refused() {
    let (_dir, path) = temp_db();
    drop(SqliteStore::open(&path).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    let err = SqliteStore::open(&path).unwrap_err();
    assert!(
        matches!(err, StoreError::SchemaTooNew { found: 99, supported, .. } if supported == LATEST_VERSION),
        "{err:?}"
    );
    let msg = err.to_string();
    assert!(msg.contains(&path.display().to_string()), "{msg}");
    assert!(
        msg.contains("99") && msg.contains(&LATEST_VERSION.to_string()),
        "{msg}"
    );
}

#[test]
fn a_text_file_is_not_a_database() {
    let (_dir, path) = temp_db();
    std::fs::write(
        &path,
        "This is a plain text file, not a database.\n".repeat(100),
    )
    .unwrap();
    let err = SqliteStore::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::NotADatabase { .. }), "{err:?}");
    assert!(
        err.to_string().contains(&path.display().to_string()),
        "{err}"
    );
    // The file is left alone.
    assert!(std::fs::read_to_string(&path)
        .unwrap()
        .starts_with("This is a plain text file"));
}

#[test]
fn another_applications_database_is_left_alone() {
    let (_dir, path) = temp_db();
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("CREATE TABLE recipes (name TEXT)")
        .unwrap();
    drop(conn);
    let err = SqliteStore::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::ForeignDatabase { .. }), "{err:?}");
    assert!(err.to_string().contains(&path.display().to_string()));
}

#[test]
fn missing_directory_is_an_open_error_naming_the_path() {
    let (_dir, path) = temp_db();
    let path = path.parent().unwrap().join("no/such/dir/news.db");
    let err = SqliteStore::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::Open { .. }), "{err:?}");
    assert!(err.to_string().contains("no/such/dir/news.db"), "{err}");
}

// ---------------------------------------------------------------- writing

#[test]
fn putting_twice_is_a_no_op() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    let a = full_article();
    assert_eq!(store.put_article(&a).unwrap(), PutOutcome::Stored);
    assert_eq!(store.put_article(&a).unwrap(), PutOutcome::AlreadyPresent);
    // Even if the second copy differs (same content id means same article).
    let mut b = a.clone();
    b.article.title = "changed".into();
    assert_eq!(store.put_article(&b).unwrap(), PutOutcome::AlreadyPresent);
    let stats = store.stats().unwrap();
    assert_eq!(stats.articles, 1);
    assert_eq!(stats.sentences as usize, a.sentences.len());
    assert_eq!(
        store
            .get_article(&a.article.id)
            .unwrap()
            .unwrap()
            .article
            .title,
        a.article.title
    );
    assert!(store.contains(&a.article.id).unwrap());
    assert!(!store.contains("nope").unwrap());
}

/// Everything the store could hold of `id`: row, sentences, full-text entry, bands.
fn assert_nothing_of(store: &SqliteStore, id: &str, unique_word: &str, fingerprint: u64) {
    assert!(!store.contains(id).unwrap());
    assert!(store.get_article(id).unwrap().is_none());
    assert!(search(store, unique_word).is_empty());
    assert_eq!(store.find_near_duplicate(fingerprint, 0).unwrap(), None);
}

#[test]
fn a_failing_article_leaves_nothing_and_earlier_articles_intact() {
    let mut store = store_with_corpus();
    let before = store.stats().unwrap();
    let body = "First sentence is fine. Zanzibarian second sentence is reversed.";
    let fp = 0x5555_aaaa_5555_aaaa;
    // A reversed span violates the schema's CHECK, after the article row, its full-text
    // entry and its first sentence were written in the transaction.
    let mut bad = article("eeee000000000006", "Wire One", None, "Bad", body, fp);
    bad.sentences = vec![
        Sentence {
            index: 0,
            start: 0,
            end: 23,
        },
        Sentence {
            index: 1,
            start: 40,
            end: 30,
        },
    ];
    let err = store.put_article(&bad).unwrap_err();
    assert!(matches!(err, StoreError::InvalidArticle { .. }), "{err:?}");
    assert!(err.to_string().contains("eeee000000000006"), "{err}");
    assert_nothing_of(&store, "eeee000000000006", "zanzibarian", fp);

    // A repeated sentence index violates the primary key: same outcome.
    bad.sentences = vec![
        Sentence {
            index: 0,
            start: 0,
            end: 23,
        },
        Sentence {
            index: 0,
            start: 24,
            end: body.len(),
        },
    ];
    assert!(matches!(
        store.put_article(&bad),
        Err(StoreError::InvalidArticle { .. })
    ));
    assert_nothing_of(&store, "eeee000000000006", "zanzibarian", fp);

    // A span outside the body is refused before anything is written.
    bad.sentences = vec![Sentence {
        index: 0,
        start: 0,
        end: body.len() + 1,
    }];
    assert!(matches!(
        store.put_article(&bad),
        Err(StoreError::InvalidArticle { .. })
    ));
    assert_nothing_of(&store, "eeee000000000006", "zanzibarian", fp);

    // Earlier articles are intact, and the store still takes writes.
    assert_eq!(store.stats().unwrap(), before);
    for a in corpus() {
        let back = store.get_article(&a.article.id).unwrap().unwrap();
        assert_eq!(back.article, a.article);
        assert_eq!(back.sentences, a.sentences);
    }
    bad.sentences = common::sentences(body);
    assert_eq!(store.put_article(&bad).unwrap(), PutOutcome::Stored);
    assert_eq!(ids(&search(&store, "zanzibarian")), ["eeee000000000006"]);
}

#[test]
fn empty_id_is_refused() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    let a = article("", "x", None, "t", "body", 1);
    assert!(matches!(
        store.put_article(&a),
        Err(StoreError::InvalidArticle { .. })
    ));
}

// ---------------------------------------------------------------- lookup by id

#[test]
fn lookup_by_unique_prefix() {
    let store = store_with_corpus();
    let a = store.get_article("bbbb").unwrap().unwrap();
    assert_eq!(a.article.id, "bbbb000000000003");
    assert_eq!(
        store
            .get_article("cccc0000000")
            .unwrap()
            .unwrap()
            .article
            .id,
        "cccc000000000004"
    );
    assert!(store.get_article("eeee").unwrap().is_none());
    assert!(matches!(
        store.require_article("eeee"),
        Err(StoreError::NotFound { .. })
    ));
}

#[test]
fn ambiguous_and_short_prefixes_are_errors() {
    let store = store_with_corpus();
    let err = store.get_article("aaaa").unwrap_err();
    assert!(
        matches!(err, StoreError::AmbiguousPrefix { count: 2, .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("2 articles"), "{err}");
    assert!(matches!(
        store.get_article("bbb"),
        Err(StoreError::PrefixTooShort { min: 4, .. })
    ));
    assert!(matches!(
        store.get_article(""),
        Err(StoreError::PrefixTooShort { .. })
    ));
    // Prefixes are literal text, never patterns.
    for odd in [
        "aaaa%",
        "aa_a",
        "a*a*",
        "aaaa'--",
        "\u{10FFFF}\u{10FFFF}\u{10FFFF}\u{10FFFF}",
    ] {
        assert!(store.get_article(odd).unwrap().is_none(), "{odd}");
    }
}

#[test]
fn a_full_id_shorter_than_the_minimum_prefix_still_resolves() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    store
        .put_article(&article("ab", "x", None, "t", "body", 1))
        .unwrap();
    assert_eq!(store.get_article("ab").unwrap().unwrap().article.id, "ab");
}

// ---------------------------------------------------------------- listing

#[test]
fn listing_order_is_published_then_undated() {
    let store = store_with_corpus();
    let all = store
        .list_articles(&ListQuery {
            limit: 100,
            ..ListQuery::default()
        })
        .unwrap();
    let order: Vec<&str> = all.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        order,
        [
            "bbbb000000000003", // 2025-06-22
            "dddd000000000005", // 2025-12-15
            "aaaa000000000001", // 2026-01-01T09:30
            "aaaa000000000002", // 2026-01-05
            "cccc000000000004", // undated
        ]
    );
    let first = &all[0];
    assert_eq!(first.title, "Strikes hit Fordow, Natanz and Isfahan");
    assert_eq!(first.source, "Wire One");
    assert_eq!(first.bytes, common::CORPUS[2].4.len());
    assert_eq!(first.words, common::CORPUS[2].4.split_whitespace().count());
}

#[test]
fn cursor_paging_returns_every_article_exactly_once() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    // Many articles sharing dates, some undated, inserted in scrambled order.
    let mut expected = HashSet::new();
    for i in 0..47u64 {
        let n = (i * 29) % 47;
        let published = match n % 4 {
            0 => None,
            1 => Some("2026-01-01".to_string()),
            2 => Some(format!("2025-{:02}-10", n % 12 + 1)),
            _ => Some(format!("2026-01-01T{:02}:00:00Z", n % 24)),
        };
        let id = format!("{:016x}", n.wrapping_mul(0x9e37_79b9_7f4a_7c15));
        expected.insert(id.clone());
        store
            .put_article(&article(&id, "S", published.as_deref(), "t", "b", n))
            .unwrap();
    }
    let full = store
        .list_articles(&ListQuery {
            limit: 1000,
            ..ListQuery::default()
        })
        .unwrap();
    for page_size in [1, 5, 46, 47, 100] {
        let mut seen = Vec::new();
        let mut after: Option<Cursor> = None;
        loop {
            let page = store
                .list_articles(&ListQuery {
                    limit: page_size,
                    after: after.clone(),
                    ..ListQuery::default()
                })
                .unwrap();
            assert!(page.len() <= page_size);
            let Some(last) = page.last() else { break };
            after = Some(Cursor::new(last.cursor().to_string()));
            seen.extend(page.iter().map(|s| s.id.clone()));
        }
        assert_eq!(seen.len(), 47, "page size {page_size}");
        assert_eq!(seen.iter().cloned().collect::<HashSet<_>>(), expected);
        assert_eq!(
            seen,
            full.iter().map(|s| s.id.clone()).collect::<Vec<_>>(),
            "paging order equals the full listing"
        );
    }
}

#[test]
fn listing_filters_by_source_and_date() {
    let store = store_with_corpus();
    let list = |q: ListQuery| -> Vec<String> {
        store
            .list_articles(&q)
            .unwrap()
            .into_iter()
            .map(|s| s.id)
            .collect()
    };
    assert_eq!(
        list(ListQuery {
            source: Some("caliber.az".into()),
            ..ListQuery::default()
        }),
        ["dddd000000000005", "aaaa000000000001"]
    );
    // Bounds are inclusive at their own precision; undated articles never pass.
    assert_eq!(
        list(ListQuery {
            from: Some("2026-01".into()),
            ..ListQuery::default()
        }),
        ["aaaa000000000001", "aaaa000000000002"]
    );
    assert_eq!(
        list(ListQuery {
            from: Some("2025-12-15".into()),
            to: Some("2026-01-01".into()),
            ..ListQuery::default()
        }),
        ["dddd000000000005", "aaaa000000000001"]
    );
    assert!(matches!(
        store.list_articles(&ListQuery {
            to: Some("last week".into()),
            ..ListQuery::default()
        }),
        Err(StoreError::InvalidQuery { .. })
    ));
    assert!(matches!(
        store.list_articles(&ListQuery {
            after: Some(Cursor::new("garbage")),
            ..ListQuery::default()
        }),
        Err(StoreError::InvalidCursor { .. })
    ));
}

// ---------------------------------------------------------------- search

#[test]
fn title_hit_ranks_above_body_only_hit() {
    let store = store_with_corpus();
    // "Netanyahu" is in the title of article 1 and only in the body of article 2.
    let hits = search(&store, "netanyahu");
    assert_eq!(ids(&hits), ["aaaa000000000001", "aaaa000000000002"]);
    assert!(hits[0].score > hits[1].score);
    // Same for "death toll": title of article 2, body of article 3.
    let hits = search(&store, "toll");
    assert_eq!(ids(&hits)[0], "aaaa000000000002");
}

#[test]
fn snippets_mark_matches() {
    let store = store_with_corpus();
    let hits = search(&store, "weekend");
    assert_eq!(hits.len(), 1);
    let snippet = &hits[0].snippet;
    assert!(snippet.contains("[weekend]"), "{snippet}");
    assert!(snippet.contains('…'), "{snippet}");
    assert_eq!(hits[0].title, "Gaza death toll passes 71,000");
    assert_eq!(hits[0].source, "Wire One");
    assert_eq!(hits[0].published.as_deref(), Some("2026-01-05"));

    let mut q = SearchQuery::new("weekend");
    q.snippet = SnippetStyle {
        open: "<b>".into(),
        close: "</b>".into(),
        ellipsis: "...".into(),
        tokens: 5,
    };
    let hits = store.search(&q).unwrap();
    assert!(
        hits[0].snippet.contains("<b>weekend</b>"),
        "{}",
        hits[0].snippet
    );
    assert!(
        hits[0].snippet.split_whitespace().count() <= 7,
        "{}",
        hits[0].snippet
    );
}

#[test]
fn phrases_stemming_diacritics_or_and_exclusion() {
    let store = store_with_corpus();
    // Article 3 has both words, but not as the phrase.
    assert_eq!(ids(&search(&store, "\"death toll\"")), ["aaaa000000000002"]);
    let both = search(&store, "death toll");
    assert_eq!(both.len(), 2);
    // Stemming: "strike" also finds "Strikes" (but not "struck": Porter is no lemmatiser).
    let hits = search(&store, "strike");
    assert!(ids(&hits).contains(&"bbbb000000000003"));
    assert!(ids(&hits).contains(&"aaaa000000000001"));
    // Diacritics are folded both ways.
    assert_eq!(ids(&search(&store, "zurich")), ["cccc000000000004"]);
    assert_eq!(ids(&search(&store, "ZÜRICH café")), ["cccc000000000004"]);
    // OR and exclusion.
    let hits = search(&store, "oil OR gaza");
    assert_eq!(hits.len(), 2);
    assert_eq!(
        ids(&search(&store, "nuclear -fordow")),
        ["aaaa000000000001"]
    );
    assert_eq!(
        ids(&search(&store, "netanyahu -\"death toll\"")),
        ["aaaa000000000001"]
    );
}

#[test]
fn search_filters() {
    let store = store_with_corpus();
    let mut q = SearchQuery::new("netanyahu");
    q.source = Some("Wire One".into());
    assert_eq!(ids(&store.search(&q).unwrap()), ["aaaa000000000002"]);
    let mut q = SearchQuery::new("nuclear");
    q.from = Some("2026".into());
    assert_eq!(ids(&store.search(&q).unwrap()), ["aaaa000000000001"]);
    q.from = None;
    q.to = Some("2025-06-22".into());
    assert_eq!(ids(&store.search(&q).unwrap()), ["bbbb000000000003"]);
    q.to = None;
    q.limit = 1;
    assert_eq!(store.search(&q).unwrap().len(), 1);
    q.limit = 0;
    assert!(store.search(&q).unwrap().is_empty());
}

#[test]
fn hostile_queries_never_error_except_when_empty() {
    let store = store_with_corpus();
    let must_be_invalid = ["", "   ", "\"", "\"\"", "*", "-", "'; --", "NOT", "-iran"];
    for q in must_be_invalid {
        let r = store.search(&SearchQuery::new(q));
        if q == "NOT" {
            // "NOT" is an ordinary word here.
            assert!(r.is_ok(), "{q:?}: {r:?}");
            continue;
        }
        assert!(
            matches!(r, Err(StoreError::InvalidQuery { .. })),
            "{q:?}: {r:?}"
        );
    }
    let hostile = [
        "\"iran",
        "iran\"",
        "iran*",
        "*iran",
        "NEAR(",
        "NEAR(iran talks, 2)",
        "iran NEAR talks",
        "a OR",
        "OR a",
        "iran AND",
        "AND OR NOT",
        "(iran",
        "iran)",
        "title:iran",
        "body : iran",
        "{title body}: iran",
        "^iran",
        "iran + talks",
        "-",
        "--iran talks",
        "'; DROP TABLE articles; --",
        "\"; DROP TABLE articles; --",
        "Robert'); DROP TABLE articles;--",
        "iran\u{0}talks",
        "\u{1}\u{2}iran",
        "日本語 テキスト",
        "مرحبا بالعالم",
        "🔥 iran 🔥",
        "e\u{301}",
        "\u{301}\u{301} iran",
        "ि",
        "x\u{feff}y",
        "\u{10FFFF}",
        "iran OR OR OR talks",
        "\"\" iran \"\"",
        "iran -",
        "iran - talks",
        "iran -\"",
        "iran \"\\\"",
    ];
    for q in hostile {
        match store.search(&SearchQuery::new(q)) {
            Ok(_) | Err(StoreError::InvalidQuery { .. }) => {}
            Err(e) => panic!("{q:?}: {e:?}"),
        }
    }
    // The table is still there.
    assert_eq!(store.stats().unwrap().articles, 5);
}

#[test]
fn random_hostile_queries_never_reach_the_backend_as_errors() {
    let store = store_with_corpus();
    let alphabet: Vec<char> = "ab iran  talks\"\"*()-:^+{}.,;'`\\NEAROT_\u{0}\u{301}é日🔥\t\n"
        .chars()
        .chain(["OR", "AND", "NOT", "NEAR"].iter().flat_map(|w| w.chars()))
        .collect();
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..3000 {
        let len = (next() % 24) as usize;
        let mut q = String::new();
        for _ in 0..len {
            q.push(alphabet[(next() % alphabet.len() as u64) as usize]);
        }
        // Sprinkle whole operator words in.
        if next() % 3 == 0 {
            q.push_str([" OR ", " NEAR(", " AND ", " NOT ", " -"][(next() % 5) as usize]);
        }
        match store.search(&SearchQuery::new(q.clone())) {
            Ok(_) | Err(StoreError::InvalidQuery { .. }) => {}
            Err(e) => panic!("{q:?}: {e:?}"),
        }
    }
}

// ---------------------------------------------------------------- near duplicates

#[test]
fn near_duplicates_within_distance_are_found() {
    let mut store = store_with_corpus();
    let base = 0x0f0f_1234_abcd_9876_u64;
    store
        .put_article(&article("ffff000000000001", "S", None, "t", "b", base))
        .unwrap();
    // Distance 2, bits in different bands.
    let near = base ^ (1 << 3) ^ (1 << 40);
    assert_eq!(
        store.find_near_duplicate(near, 3).unwrap().as_deref(),
        Some("ffff000000000001")
    );
    // Distance 2 with both flipped bits in one band.
    assert_eq!(
        store
            .find_near_duplicate(base ^ 0b11, 3)
            .unwrap()
            .as_deref(),
        Some("ffff000000000001")
    );
    // Distance 3 spread over three bands: still found (exact recall up to 3).
    let d3 = base ^ (1 << 1) ^ (1 << 17) ^ (1 << 33);
    assert_eq!(
        store.find_near_duplicate(d3, 3).unwrap().as_deref(),
        Some("ffff000000000001")
    );
    // Distance 20, spread over all bands: not found.
    let mut far = base;
    for bit in (0..64).step_by(3).take(20) {
        far ^= 1 << bit;
    }
    assert_eq!((far ^ base).count_ones(), 20);
    assert_eq!(store.find_near_duplicate(far, 3).unwrap(), None);
    // A candidate sharing a band but beyond max_distance is rejected by the exact check.
    let same_low_band = base ^ 0xffff_0000_0000_0000;
    assert_eq!(store.find_near_duplicate(same_low_band, 3).unwrap(), None);
    assert_eq!(
        store
            .find_near_duplicate(same_low_band, 16)
            .unwrap()
            .as_deref(),
        Some("ffff000000000001")
    );
}

#[test]
fn nearest_then_earliest_candidate_wins() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    let base = 0x1111_2222_3333_4444_u64;
    store
        .put_article(&article("one", "S", None, "t", "b", base ^ 0b110))
        .unwrap();
    store
        .put_article(&article("two", "S", None, "t", "b", base ^ 0b1))
        .unwrap();
    store
        .put_article(&article("three", "S", None, "t", "b", base ^ 0b10))
        .unwrap();
    assert_eq!(
        store.find_near_duplicate(base, 3).unwrap().as_deref(),
        Some("two")
    );
    assert_eq!(
        store
            .find_near_duplicate(base ^ 0b100, 3)
            .unwrap()
            .as_deref(),
        Some("one")
    );
}

#[test]
fn stats_count_duplicates_and_sources() {
    let mut store = store_with_corpus();
    let mut dup = article("ffff000000000009", "", None, "t", "b", 7);
    dup.article.duplicate_of = Some("aaaa000000000001".into());
    store.put_article(&dup).unwrap();
    let stats = store.stats().unwrap();
    assert_eq!(stats.articles, 6);
    assert_eq!(stats.duplicates, 1);
    assert_eq!(stats.sources, 3); // Caliber.Az, Wire One, Le Quotidien; "" is unknown
    assert!(stats.sentences > 6);
}

// ---------------------------------------------------------------- concurrency

#[test]
fn another_connection_reads_while_one_writes() {
    let (_dir, path) = temp_db();
    let writer_path = path.clone();
    drop(SqliteStore::open(&path).unwrap());
    let writer = std::thread::spawn(move || {
        let mut store = SqliteStore::open(&writer_path).unwrap();
        for i in 0..60u64 {
            let body = format!("Report number {i} about ceasefire talks. More text follows here.");
            store
                .put_article(&article(
                    &format!("{i:016x}"),
                    "W",
                    None,
                    "Ceasefire",
                    &body,
                    i.wrapping_mul(0x9e37_79b9_7f4a_7c15),
                ))
                .unwrap();
        }
    });
    let reader = SqliteStore::open(&path).unwrap();
    let mut last = 0;
    while !writer.is_finished() {
        let n = reader.stats().unwrap().articles;
        assert!(n >= last, "counts never go backwards");
        last = n;
        let hits = reader.search(&SearchQuery::new("ceasefire")).unwrap();
        assert!(hits.len() <= 60);
        let listed = reader
            .list_articles(&ListQuery {
                limit: 1000,
                ..ListQuery::default()
            })
            .unwrap();
        // Every listed article is whole: its sentences are there.
        for s in listed.iter().take(3) {
            assert_eq!(
                reader.get_article(&s.id).unwrap().unwrap().sentences.len(),
                2
            );
        }
    }
    writer.join().unwrap();
    assert_eq!(reader.stats().unwrap().articles, 60);
    assert_eq!(reader.stats().unwrap().sentences, 120);
}

#[test]
fn store_moves_across_threads_as_a_trait_object() {
    let (_dir, path) = temp_db();
    let mut store: Box<dyn Store> = Box::new(SqliteStore::open(Path::new(&path)).unwrap());
    let handle = std::thread::spawn(move || {
        store.put_article(&full_article()).unwrap();
        store.stats().unwrap().articles
    });
    assert_eq!(handle.join().unwrap(), 1);
}

#[test]
fn large_distances_are_searched_exactly() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    let base = 0x0123_4567_89ab_cdef_u64;
    store
        .put_article(&article("target", "S", None, "t", "b", base))
        .unwrap();
    // 8 flipped bits, two in every band: no band is shared, yet distance 8 finds it.
    let mut q = base;
    for bit in [0, 9, 16, 25, 32, 41, 48, 57] {
        q ^= 1 << bit;
    }
    assert_eq!(store.find_near_duplicate(q, 7).unwrap(), None);
    assert_eq!(
        store.find_near_duplicate(q, 8).unwrap().as_deref(),
        Some("target")
    );
}
