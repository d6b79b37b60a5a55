//! `newsgraph export` end to end: the examples are ingested into a temporary store
//! once, every format is exported from it, and the output is read back (JSON, CSV,
//! TSV, XML, Parquet) and checked against what the store itself says.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use assert_cmd::Command;
use newsgraph_store::claims::{ClaimQuery, EventQuery};
use newsgraph_store::{
    ActorQuery, ListQuery, MergedQuery, SeriesQuery, SqliteStore, Store, StoryQuery,
};
use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::record::RowAccessor;
use quick_xml::events::Event as Xml;
use serde_json::Value;

/// The store every test reads (ingested once per test binary).
fn db() -> &'static Path {
    static DB: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, path) = DB.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("export.db");
        let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/articles");
        let out = newsgraph(&path)
            .arg("ingest")
            .arg(examples)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        (dir, path)
    });
    path
}

fn newsgraph(db: &Path) -> Command {
    let mut cmd = Command::cargo_bin("newsgraph").unwrap();
    cmd.arg("--db").arg(db).arg("--quiet");
    cmd
}

/// Runs `export ARGS` and returns stdout.
fn export(args: &[&str]) -> Vec<u8> {
    let out = newsgraph(db()).arg("export").args(args).output().unwrap();
    assert!(
        out.status.success(),
        "export {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn store() -> SqliteStore {
    SqliteStore::open(db()).unwrap()
}

/// What the store holds, counted through its own interface.
struct Counts {
    articles: usize,
    mentions: usize,
    timexes: usize,
    events: usize,
    quotes: usize,
    quantities: usize,
    stories: usize,
    merged: usize,
    series: usize,
    series_points: usize,
}

fn counts() -> Counts {
    let s = store();
    let articles = s
        .list_articles(&ListQuery {
            limit: 10_000,
            ..ListQuery::default()
        })
        .unwrap();
    let mut mentions = 0;
    let mut timexes = 0;
    for a in &articles {
        mentions += s.article_mentions(&a.id).unwrap().len();
        timexes += s.article_timexes(&a.id).unwrap().len();
    }
    let all = ClaimQuery {
        article: None,
        limit: 100_000,
    };
    let series = s
        .series(&SeriesQuery {
            limit: 100_000,
            ..SeriesQuery::default()
        })
        .unwrap();
    Counts {
        articles: articles.len(),
        mentions,
        timexes,
        events: s
            .events(&EventQuery {
                limit: 100_000,
                ..EventQuery::default()
            })
            .unwrap()
            .len(),
        quotes: s.quotes(&all).unwrap().len(),
        quantities: s.quantities(&all).unwrap().len(),
        stories: s
            .stories(&StoryQuery {
                limit: 100_000,
                ..StoryQuery::default()
            })
            .unwrap()
            .len(),
        merged: s
            .merged_events(&MergedQuery {
                limit: 100_000,
                ..MergedQuery::default()
            })
            .unwrap()
            .len(),
        series: series.len(),
        series_points: series.iter().map(|x| x.points.len()).sum(),
    }
}

fn jsonl(bytes: &[u8]) -> Vec<Value> {
    std::str::from_utf8(bytes)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("every line is one JSON object"))
        .collect()
}

fn of_kind<'a>(lines: &'a [Value], kind: &str) -> Vec<&'a Value> {
    lines
        .iter()
        .filter(|l| l["kind"] == kind)
        .map(|l| &l[kind])
        .collect()
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn jsonl_holds_the_whole_store_record_by_record() {
    let lines = jsonl(&export(&["--format", "jsonl"]));
    let c = counts();
    assert!(c.articles >= 10 && c.events > 0 && c.merged > 0 && c.stories > 0);
    for l in &lines {
        let kind = l["kind"].as_str().expect("a kind on every line");
        assert!(l[kind].is_object(), "the record sits under its kind: {l}");
    }
    assert_eq!(of_kind(&lines, "article").len(), c.articles);
    assert_eq!(of_kind(&lines, "mention").len(), c.mentions);
    assert_eq!(of_kind(&lines, "timex").len(), c.timexes);
    assert_eq!(of_kind(&lines, "event").len(), c.events);
    assert_eq!(of_kind(&lines, "quote").len(), c.quotes);
    assert_eq!(of_kind(&lines, "quantity").len(), c.quantities);
    assert_eq!(of_kind(&lines, "story").len(), c.stories);
    assert_eq!(of_kind(&lines, "merged_event").len(), c.merged);
    assert_eq!(of_kind(&lines, "series").len(), c.series);

    // Articles carry their clean body; every span of their facts lies inside it, and
    // an article's facts follow the article (streaming order).
    let mut bodies: BTreeMap<String, usize> = BTreeMap::new();
    for l in &lines {
        let kind = l["kind"].as_str().unwrap();
        let r = &l[kind];
        match kind {
            "article" => {
                let body = r["body"].as_str().unwrap();
                assert!(!body.is_empty());
                bodies.insert(r["id"].as_str().unwrap().to_string(), body.len());
            }
            "sentence" | "mention" | "timex" | "event" | "quote" | "quantity" => {
                let len = bodies
                    .get(r["article"].as_str().unwrap())
                    .expect("facts come after their article");
                let (start, end) = (r["start"].as_u64().unwrap(), r["end"].as_u64().unwrap());
                assert!(start <= end && end as usize <= *len, "{l}");
            }
            _ => {}
        }
    }

    // Actors: every actor the store lists, with the same mention counts, and every
    // actor an exported fact refers to.
    let actors: BTreeMap<String, &Value> = lines
        .iter()
        .filter(|l| l["kind"] == "actor")
        .map(|l| (l["actor"]["id"].as_str().unwrap().to_string(), l))
        .collect();
    let listed = store()
        .list_actors(&ActorQuery {
            kind: None,
            limit: 100_000,
        })
        .unwrap();
    assert!(!listed.is_empty());
    for a in &listed {
        let line = actors
            .get(&a.actor.id)
            .unwrap_or_else(|| panic!("{} missing", a.actor.id));
        assert_eq!(
            line["mentions"].as_u64(),
            Some(a.mentions),
            "{}",
            a.actor.id
        );
        assert_eq!(
            line["articles"].as_u64(),
            Some(a.articles),
            "{}",
            a.actor.id
        );
    }
    for e in of_kind(&lines, "event") {
        for role in ["source", "target", "place"] {
            for id in strings(&e[role]) {
                assert!(actors.contains_key(&id), "event actor {id} not exported");
            }
        }
    }
}

#[test]
fn csv_tables_have_headers_and_one_row_per_record() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("tables");
    export(&["--format", "csv", "--out", out.to_str().unwrap()]);
    let c = counts();
    let expect = [
        ("articles", c.articles, "id,published,source,via,title"),
        ("mentions", c.mentions, "article,start,end,text,kind,actor"),
        (
            "timexes",
            c.timexes,
            "article,start,end,text,type,value,mod",
        ),
        ("events", c.events, "id,article,published,outlet,story"),
        ("quotes", c.quotes, "article,start,end,text,speaker,cue"),
        ("quantities", c.quantities, "article,start,end,text,value"),
        (
            "stories",
            c.stories,
            "id,title,first,last,articles,events,actors",
        ),
        ("merged", c.merged, "id,story,type,mode,source,target"),
        (
            "series",
            c.series_points,
            "series,measure,subject,time,value",
        ),
    ];
    for (table, rows, header) in expect {
        let mut reader = csv::Reader::from_path(out.join(format!("{table}.csv"))).unwrap();
        let head: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        assert!(head.join(",").starts_with(header), "{table}: {head:?}");
        let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(records.len(), rows, "{table}");
        assert!(records.iter().all(|r| r.len() == head.len()), "{table}");
    }

    // Bodies with quotes, commas and line breaks survive the round trip.
    let mut reader = csv::Reader::from_path(out.join("articles.csv")).unwrap();
    let body_col = reader
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "body")
        .unwrap();
    let s = store();
    for r in reader.records() {
        let r = r.unwrap();
        let stored = s.get_article(&r[0]).unwrap().unwrap();
        assert_eq!(&r[body_col], stored.article.body);
    }

    // One table to stdout is the same table.
    let events = export(&["--format", "csv", "--what", "events"]);
    assert_eq!(events, std::fs::read(out.join("events.csv")).unwrap());
    // --no-header drops exactly the first line.
    let bare = export(&["--format", "csv", "--what", "events", "--no-header"]);
    let text = String::from_utf8(events).unwrap();
    assert_eq!(text.split_once("\r\n").unwrap().1.as_bytes(), bare);
}

/// Splits TSV output into header and rows, checking every line's width.
fn tsv(bytes: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    let text = String::from_utf8(bytes.to_vec()).unwrap();
    let mut lines = text.lines();
    let header: Vec<String> = lines
        .next()
        .unwrap()
        .split('\t')
        .map(String::from)
        .collect();
    let rows: Vec<Vec<String>> = lines
        .map(|l| l.split('\t').map(String::from).collect())
        .collect();
    for r in &rows {
        assert_eq!(r.len(), header.len(), "a row of {} fields", r.len());
    }
    (header, rows)
}

#[test]
fn events_tsv_follows_the_gdelt_layout() {
    let c = counts();
    let (header, merged) = tsv(&export(&["--format", "events-tsv"]));
    assert_eq!(header.len(), 61 + 11);
    assert_eq!(header[0], "GlobalEventID");
    assert_eq!(header[60], "SOURCEURL");
    assert_eq!(merged.len(), c.merged);
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let s = store();
    for r in &merged {
        let day = &r[col("Day")];
        assert!(day.is_empty() || (day.len() == 8 && day.bytes().all(|b| b.is_ascii_digit())));
        if !day.is_empty() {
            assert_eq!(&r[col("MonthYear")], &day[..6]);
            assert_eq!(&r[col("Year")], &day[..4]);
        }
        let base = &r[col("EventBaseCode")];
        assert!(r[col("EventCode")].starts_with(base.as_str()));
        let (root, quad) = (&r[col("EventRootCode")], &r[col("QuadClass")]);
        assert!(
            root.len() == 2 && root.bytes().all(|b| b.is_ascii_digit()),
            "{root}"
        );
        let expected_quad = match base.as_str() {
            "AGREE" | "CONSULT" | "SUPPORT" | "CONCEDE" => "1",
            "COOPERATE" | "AID" | "RETREAT" => "2",
            "REQUEST" | "ACCUSE" | "REJECT" | "THREATEN" => "3",
            _ => "4",
        };
        assert_eq!(quad, expected_quad, "{base}");
        if base == "CONSULT" {
            assert_eq!(root, "04");
        }
        assert!(r[col("GoldsteinScale")].is_empty(), "never invented");
        let reports: usize = r[col("NumMentions")].parse().unwrap();
        let sources: usize = r[col("NumSources")].parse().unwrap();
        assert!(reports >= 1 && sources <= reports);
        // Evidence: one ARTICLE:START-END per report, each a span of a stored body.
        let evidence = &r[col("Evidence")];
        assert_eq!(evidence.split(';').count(), reports, "{evidence}");
        for item in evidence.split(';') {
            let (article, span) = item.rsplit_once(':').unwrap();
            let (start, end) = span.split_once('-').unwrap();
            let (start, end): (usize, usize) = (start.parse().unwrap(), end.parse().unwrap());
            let body = s.get_article(article).unwrap().unwrap().article.body;
            assert!(start < end && end <= body.len() && body.is_char_boundary(start));
        }
        if let Some(actor) = Some(&r[col("Actor1Code")]).filter(|a| !a.is_empty()) {
            assert!(!r[col("Actor1Name")].is_empty(), "{actor} has a name");
            assert!(r[col("Sources")].split(';').any(|x| x == actor));
        }
    }

    let (_, per_report) = tsv(&export(&["--format", "events-tsv", "--what", "events"]));
    assert_eq!(per_report.len(), c.events);
    assert!(per_report.iter().all(|r| r[31] == "1" && r[33] == "1"));

    let bare = export(&["--format", "events-tsv", "--no-header"]);
    assert_eq!(String::from_utf8(bare).unwrap().lines().count(), c.merged);
}

#[derive(Debug, Default)]
struct GraphMl {
    keys: HashSet<String>,
    nodes: BTreeSet<String>,
    edges: Vec<(String, String)>,
    data_keys: Vec<String>,
}

fn attr(e: &quick_xml::events::BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes()
        .map(Result::unwrap)
        .find(|a| a.key.as_ref() == name)
        .map(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .unwrap()
                .into_owned()
        })
}

fn parse_graphml(bytes: &[u8]) -> GraphMl {
    let mut reader = quick_xml::Reader::from_reader(bytes);
    let mut buf = Vec::new();
    let mut g = GraphMl::default();
    loop {
        match reader.read_event_into(&mut buf).expect("well-formed XML") {
            Xml::Eof => break,
            Xml::Start(e) | Xml::Empty(e) => match e.name().as_ref() {
                "key" => {
                    g.keys.insert(attr(&e, "id").unwrap());
                }
                "node" => {
                    assert!(g.nodes.insert(attr(&e, "id").unwrap()), "duplicate node");
                }
                "edge" => g
                    .edges
                    .push((attr(&e, "source").unwrap(), attr(&e, "target").unwrap())),
                "data" => g.data_keys.push(attr(&e, "key").unwrap()),
                _ => {}
            },
            _ => {}
        }
        buf.clear();
    }
    g
}

#[test]
fn graphml_of_a_story_has_its_actors_and_relations() {
    let s = store();
    let stories = s
        .stories(&StoryQuery {
            limit: 1000,
            ..StoryQuery::default()
        })
        .unwrap();
    // The story with the most relations (source → target pairs).
    let relations = |d: &newsgraph_store::StoryDetail| -> usize {
        d.events
            .iter()
            .map(|m| {
                m.source
                    .iter()
                    .map(|a| m.target.iter().filter(|b| *b != a).count())
                    .sum::<usize>()
            })
            .sum()
    };
    let detail = stories
        .iter()
        .map(|x| s.story(&x.story.id).unwrap().unwrap())
        .max_by_key(|d| (relations(d), d.articles.len()))
        .unwrap();
    assert!(relations(&detail) > 0, "the examples have relations");
    let bytes = export(&["--format", "graphml", "--story", &detail.story.id]);
    let g = parse_graphml(&bytes);

    let mut expect_nodes: BTreeSet<String> = detail.story.actors.iter().cloned().collect();
    for m in &detail.events {
        for src in &m.source {
            for tgt in &m.target {
                if src != tgt {
                    expect_nodes.insert(src.clone());
                    expect_nodes.insert(tgt.clone());
                }
            }
        }
    }
    assert_eq!(g.nodes, expect_nodes);
    assert_eq!(g.edges.len(), relations(&detail));
    for (src, tgt) in &g.edges {
        assert!(g.nodes.contains(src) && g.nodes.contains(tgt));
    }
    assert!(
        g.data_keys.iter().all(|k| g.keys.contains(k)),
        "undeclared key"
    );
    assert!(g.keys.contains("edge_weight") && g.keys.contains("node_label"));

    // The whole store: every relation of every merged event.
    let all = parse_graphml(&export(&["--format", "graphml"]));
    let merged = s
        .merged_events(&MergedQuery {
            limit: 100_000,
            ..MergedQuery::default()
        })
        .unwrap();
    let pairs: usize = merged
        .iter()
        .map(|m| {
            m.source
                .iter()
                .map(|a| m.target.iter().filter(|b| *b != a).count())
                .sum::<usize>()
        })
        .sum();
    assert_eq!(all.edges.len(), pairs);
}

fn parquet_rows(path: &Path) -> (i64, Vec<String>) {
    let bytes = std::fs::read(path).unwrap();
    assert_eq!(&bytes[..4], b"PAR1", "{}", path.display());
    assert_eq!(&bytes[bytes.len() - 4..], b"PAR1", "{}", path.display());
    let reader = SerializedFileReader::new(std::fs::File::open(path).unwrap()).unwrap();
    let meta = reader.metadata().file_metadata();
    let columns = meta
        .schema_descr()
        .columns()
        .iter()
        .map(|c| c.name().to_string())
        .collect();
    (meta.num_rows(), columns)
}

#[test]
fn parquet_tables_read_back_with_the_csv_columns_and_rows() {
    let dir = tempfile::tempdir().unwrap();
    let pq = dir.path().join("pq");
    let csvs = dir.path().join("csv");
    export(&["--format", "parquet", "--out", pq.to_str().unwrap()]);
    export(&["--format", "csv", "--out", csvs.to_str().unwrap()]);
    let mut tables = 0;
    for entry in std::fs::read_dir(&pq).unwrap() {
        let path = entry.unwrap().path();
        let stem = path.file_stem().unwrap().to_str().unwrap().to_string();
        let (rows, columns) = parquet_rows(&path);
        let mut reader = csv::Reader::from_path(csvs.join(format!("{stem}.csv"))).unwrap();
        let head: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        assert_eq!(columns, head, "{stem}");
        assert_eq!(rows as usize, reader.records().count(), "{stem}");
        tables += 1;
    }
    assert_eq!(tables, 10);
    let c = counts();
    let (merged_rows, _) = parquet_rows(&pq.join("merged.parquet"));
    assert_eq!(merged_rows as usize, c.merged);

    // One table to a file, and the values themselves.
    let one = dir.path().join("events.parquet");
    export(&[
        "--format",
        "parquet",
        "--what",
        "events",
        "--out",
        one.to_str().unwrap(),
    ]);
    let reader = SerializedFileReader::new(std::fs::File::open(&one).unwrap()).unwrap();
    let ids: HashSet<String> = reader
        .get_row_iter(None)
        .unwrap()
        .map(|row| row.unwrap().get_string(0).unwrap().clone())
        .collect();
    let stored: HashSet<String> = store()
        .events(&EventQuery {
            limit: 100_000,
            ..EventQuery::default()
        })
        .unwrap()
        .into_iter()
        .map(|r| r.event.id)
        .collect();
    assert_eq!(ids, stored);
}

#[test]
fn filters_select_articles_and_what_they_report() {
    let lines = jsonl(&export(&[
        "--format",
        "jsonl",
        "--from",
        "2026-03-05",
        "--to",
        "2026-03-10",
    ]));
    let articles: HashSet<&str> = of_kind(&lines, "article")
        .iter()
        .map(|a| {
            let p = a["published"].as_str().expect("dated");
            assert!(("2026-03-05".."2026-03-11").contains(&&p[..10]), "{p}");
            a["id"].as_str().unwrap()
        })
        .collect();
    assert!(!articles.is_empty() && articles.len() < counts().articles);
    for kind in ["event", "quote", "quantity", "mention"] {
        for r in of_kind(&lines, kind) {
            assert!(articles.contains(r["article"].as_str().unwrap()), "{kind}");
        }
    }
    for m in of_kind(&lines, "merged_event") {
        assert!(m["evidence"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| articles.contains(r["article"].as_str().unwrap())));
    }

    // A story by its id without the prefix: only its articles.
    let s = store();
    let story = s
        .stories(&StoryQuery::default())
        .unwrap()
        .into_iter()
        .max_by_key(|x| x.size)
        .unwrap();
    let short = story.story.id.trim_start_matches("story:");
    let lines = jsonl(&export(&[
        "--format", "jsonl", "--story", short, "--what", "articles",
    ]));
    let detail = s.story(&story.story.id).unwrap().unwrap();
    let got: Vec<&str> = lines
        .iter()
        .map(|l| l["article"]["id"].as_str().unwrap())
        .collect();
    let want: Vec<&str> = detail.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(got, want);
}

#[test]
fn bad_requests_have_their_exit_codes() {
    let run = |args: &[&str]| newsgraph(db()).arg("export").args(args).output().unwrap();
    assert_eq!(
        run(&["--format", "jsonl", "--story", "no-such-story"])
            .status
            .code(),
        Some(4)
    );
    // `all` tables need a directory.
    assert_eq!(run(&["--format", "csv"]).status.code(), Some(3));
    assert_eq!(
        run(&["--format", "events-tsv", "--what", "actors"])
            .status
            .code(),
        Some(3)
    );
    assert_eq!(
        run(&["--format", "graphml", "--what", "quotes"])
            .status
            .code(),
        Some(3)
    );
    assert_eq!(
        run(&["--format", "jsonl", "--from", "last week"])
            .status
            .code(),
        Some(3)
    );
    assert_eq!(run(&["--format", "yaml"]).status.code(), Some(2));
}
