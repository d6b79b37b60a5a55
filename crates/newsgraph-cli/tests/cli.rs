//! End-to-end behaviour of the `newsgraph` binary: the README's promises, bad input,
//! idempotent re-ingest, interrupts. Fixtures are written here; tests that read
//! `../shared/` skip cleanly when it is absent.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn examples() -> PathBuf {
    repo().join("examples/articles")
}

fn seeds() -> Option<PathBuf> {
    let dir = repo().join("../shared/seeds");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipping: {} not found", dir.display());
        None
    }
}

fn newsgraph(db: &Path) -> Command {
    let mut cmd = Command::cargo_bin("newsgraph").unwrap();
    cmd.arg("--db").arg(db);
    cmd
}

fn json_of(cmd: &mut Command) -> Value {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "command failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn ingest_json(db: &Path, paths: &[&Path]) -> (Value, i32) {
    let out = newsgraph(db)
        .arg("ingest")
        .arg("--json")
        .args(paths)
        .output()
        .unwrap();
    (
        serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr))),
        out.status.code().unwrap_or(-1),
    )
}

fn list(db: &Path) -> Vec<Value> {
    let v = json_of(newsgraph(db).args(["articles", "--json", "--limit", "100000"]));
    v["articles"].as_array().unwrap().clone()
}

#[test]
fn examples_ingest_with_one_exact_and_one_near_duplicate() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("n.db");
    let (summary, code) = ingest_json(&db, &[&examples()]);
    assert_eq!(code, 0, "{summary}");
    // 12 articles: the copy with other chrome is the same article after cleaning.
    assert_eq!(summary["stored"], 11);
    assert_eq!(summary["already_present"], 1);
    assert_eq!(summary["failed"], 0);
    let articles = list(&db);
    assert_eq!(articles.len(), 11);
    let syndicated = articles
        .iter()
        .find(|a| {
            a["path"]
                .as_str()
                .unwrap()
                .ends_with("07_muscat_talks_syndicated.txt")
        })
        .unwrap();
    let original = articles
        .iter()
        .find(|a| a["path"].as_str().unwrap().ends_with("06_muscat_talks.txt"))
        .unwrap();
    assert_eq!(syndicated["duplicate_of"], original["id"]);
    let undated = articles
        .iter()
        .find(|a| {
            a["path"]
                .as_str()
                .unwrap()
                .ends_with("05_analysis_undated.txt")
        })
        .unwrap();
    assert!(undated["published"].is_null());
}

#[test]
fn reingesting_is_a_no_op() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("n.db");
    ingest_json(&db, &[&examples()]);
    let before = list(&db);
    let (summary, code) = ingest_json(&db, &[&examples()]);
    assert_eq!(code, 0);
    assert_eq!(summary["stored"], 0);
    assert_eq!(summary["already_present"], 12);
    assert_eq!(list(&db), before);
}

#[test]
fn seeds_twice_store_two_articles() {
    let Some(seeds) = seeds() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("n.db");
    ingest_json(&db, &[&seeds]);
    ingest_json(&db, &[&seeds]);
    assert_eq!(list(&db).len(), 2);
}

#[test]
fn seeds_metadata_through_the_cli() {
    let Some(seeds) = seeds() else { return };
    let report = json_of(
        newsgraph(Path::new("/nonexistent.db"))
            .args(["analyze", "--json"])
            .arg(&seeds),
    );
    let articles = report["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 2);
    let dated = articles
        .iter()
        .find(|a| a["path"].as_str().unwrap().contains("000_"))
        .unwrap();
    assert_eq!(dated["published"], "2026-01-01T21:01");
    assert_eq!(dated["section"], "NEWS DESK");
    assert!(!dated["body"].as_str().unwrap().contains("Comments Here:"));
    let undated = articles
        .iter()
        .find(|a| a["path"].as_str().unwrap().contains("002_"))
        .unwrap();
    assert!(undated["published"].is_null());
    assert_eq!(
        undated["title"],
        "Axios: Trump, Netanyahu in crunch talks as Israel pushes for action on Iran"
    );
    assert_eq!(undated["subtitle"], "Military Plans on Table");
    assert_eq!(undated["byline"], "Aghakazim Guliyev");
    assert_eq!(undated["source"], "Caliber.Az");
    assert_eq!(undated["via"], serde_json::json!(["Axios"]));
    // No sentence ends on "U.S." anywhere in the seeds.
    for s in report["sentences"].as_array().unwrap() {
        let article = articles.iter().find(|a| a["id"] == s["article"]).unwrap();
        let body = article["body"].as_str().unwrap();
        let text =
            &body[s["start"].as_u64().unwrap() as usize..s["end"].as_u64().unwrap() as usize];
        assert!(!text.ends_with("U.S."), "sentence ends on U.S.: {text}");
    }
}

#[test]
fn analyze_json_has_every_contract_array() {
    let report = json_of(
        newsgraph(Path::new("/nonexistent.db"))
            .args(["analyze", "--json"])
            .arg(examples().join("01_tanker_seized.txt")),
    );
    for key in [
        "articles",
        "mentions",
        "actors",
        "timexes",
        "quantities",
        "events",
        "quotes",
        "stories",
        "series",
    ] {
        assert!(report[key].is_array(), "{key} missing");
    }
    assert!(
        !Path::new("/nonexistent.db").exists(),
        "analyze must not create a store"
    );
}

#[test]
fn bad_inputs_are_named_and_the_batch_goes_on_without_touching_stored_articles() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("n.db");
    ingest_json(&db, &[&examples()]);
    let before = list(&db);

    let bad = tmp.path().join("bad");
    std::fs::create_dir(&bad).unwrap();
    std::fs::write(bad.join("a_binary.txt"), b"\x00\x01\x02ELF\x00\x00binary").unwrap();
    std::fs::write(bad.join("b_empty.txt"), b"").unwrap();
    // Windows-1252: curly quotes (0x93/0x94) and an e-acute.
    std::fs::write(
        bad.join("c_cp1252.txt"),
        b"12 March 2026\nCaf\xe9 owners in Muscat \x93cautiously hopeful\x94 after crew release\nShop owners near the port said trade had picked up since the sailors came home. One owner said business was better than last month.\n",
    )
    .unwrap();
    std::fs::write(
        bad.join("d_lines.jsonl"),
        concat!(
            "{\"title\": \"First wire\", \"date\": \"2026-03-20\", \"body\": \"The first wire story says talks went on late into the night.\"}\n",
            "{\"title\": \"Broken\", \"body\": \n",
            "{\"title\": \"Third wire\", \"date\": \"2026-03-21\", \"body\": \"The third wire story says the port reopened on Saturday.\"}\n",
        ),
    )
    .unwrap();
    let big = bad.join("e_huge.txt");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(200 * 1024 * 1024)
        .unwrap();
    let missing = tmp.path().join("no_such_file.txt");

    let out = newsgraph(&db)
        .arg("ingest")
        .arg(&bad)
        .arg(&missing)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("a_binary.txt") && stderr.contains("binary"),
        "{stderr}"
    );
    assert!(
        stderr.contains("b_empty.txt") && stderr.contains("empty"),
        "{stderr}"
    );
    assert!(
        stderr.contains("c_cp1252.txt") && stderr.contains("warning"),
        "{stderr}"
    );
    assert!(stderr.contains("d_lines.jsonl:2"), "{stderr}");
    assert!(
        stderr.contains("e_huge.txt") && stderr.contains("larger than"),
        "{stderr}"
    );
    assert!(stderr.contains("no_such_file.txt"), "{stderr}");

    let after = list(&db);
    // The cp1252 article and two of the three JSON Lines records were added.
    assert_eq!(after.len(), before.len() + 3);
    for a in &before {
        assert!(after.contains(a), "stored article changed: {a}");
    }
    let cafe = after
        .iter()
        .find(|a| a["title"].as_str().unwrap().starts_with("Café owners"))
        .expect("cp1252 article decoded");
    assert_eq!(cafe["published"], "2026-03-12");
}

#[test]
fn stdin_is_read_with_a_dash() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("n.db");
    newsgraph(&db)
        .args(["ingest", "-"])
        .write_stdin("5 March 2026\nPort of Duqm expands fuel storage\nOman's Duqm port said on Thursday it would double its fuel storage by 2028.\n")
        .assert()
        .success();
    let articles = list(&db);
    assert_eq!(articles.len(), 1);
    assert_eq!(articles[0]["title"], "Port of Duqm expands fuel storage");
}

#[test]
fn show_and_search_find_stored_articles() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("n.db");
    ingest_json(&db, &[&examples()]);
    let hits = json_of(newsgraph(&db).args(["search", "--json", "Gharibabadi"]));
    let hits = hits["hits"].as_array().unwrap();
    assert!(!hits.is_empty());
    assert!(hits[0]["snippet"]
        .as_str()
        .unwrap()
        .contains("[Gharibabadi]"));
    let id = hits[0]["id"].as_str().unwrap();
    let shown = json_of(newsgraph(&db).args(["show", "--json", &id[..8]]));
    assert_eq!(shown["article"]["id"], id);
    assert!(!shown["sentences"].as_array().unwrap().is_empty());
    newsgraph(&db)
        .args(["show", "ffffffffffff"])
        .assert()
        .code(4)
        .stderr(predicate::str::contains("no article"));
}

#[test]
fn reading_commands_refuse_a_missing_store() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("missing.db");
    newsgraph(&db)
        .arg("articles")
        .assert()
        .code(3)
        .stderr(predicate::str::contains("no store"));
    assert!(!db.exists());
}

#[test]
fn a_directory_of_ten_thousand_files() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("many");
    for k in 0..100 {
        let sub = dir.join(format!("d{k:03}"));
        std::fs::create_dir_all(&sub).unwrap();
        for j in 0..100 {
            std::fs::write(
                sub.join(format!("{j:03}.txt")),
                format!("Harbour bulletin {k}-{j}\nShip number {k}{j} left port {k} at {j} knots, the harbour master said.\n"),
            )
            .unwrap();
        }
    }
    let db = tmp.path().join("n.db");
    let (summary, code) = ingest_json(&db, &[&dir]);
    assert_eq!(code, 0);
    assert_eq!(
        summary["stored"].as_u64().unwrap() + summary["already_present"].as_u64().unwrap(),
        10_000
    );
    assert_eq!(summary["failed"], 0);
}

fn wire_file(dir: &Path, n: usize) -> PathBuf {
    use std::io::Write;
    let path = dir.join("wires.jsonl");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    for k in 0..n {
        let body = (0..30)
            .map(|s| {
                format!(
                    "Bulletin {k} line {s} reports that convoy {k} moved {s} kilometres overnight."
                )
            })
            .collect::<Vec<_>>()
            .join(" ");
        writeln!(
            f,
            "{}",
            serde_json::json!({"title": format!("Convoy bulletin {k}"), "date": "2026-03-20", "body": body})
        )
        .unwrap();
    }
    path
}

fn wait_for_rows(db: &Path, at_least: usize) {
    for _ in 0..400 {
        std::thread::sleep(std::time::Duration::from_millis(25));
        if db.exists() {
            if let Ok(out) = newsgraph(db)
                .args(["articles", "--json", "--limit", "100000"])
                .output()
            {
                if let Ok(v) = serde_json::from_slice::<Value>(&out.stdout) {
                    if v["articles"].as_array().map_or(0, Vec::len) >= at_least {
                        return;
                    }
                }
            }
        }
    }
}

#[cfg(unix)]
#[test]
fn kill_9_during_ingest_leaves_a_consistent_store_and_a_rerun_completes() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("n.db");
    let n = 3000;
    let wires = wire_file(tmp.path(), n);
    let bin = assert_cmd::cargo::cargo_bin("newsgraph");
    let mut child = std::process::Command::new(&bin)
        .arg("--db")
        .arg(&db)
        .arg("ingest")
        .arg(&wires)
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    wait_for_rows(&db, 1);
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();

    let partial = list(&db);
    assert!(
        partial.len() < n,
        "ingest finished before it was killed; make the input larger"
    );
    for a in &partial {
        let shown = json_of(
            newsgraph(&db)
                .args(["show", "--json"])
                .arg(a["id"].as_str().unwrap()),
        );
        assert_eq!(
            shown["sentences"].as_array().unwrap().len(),
            30,
            "half-stored article"
        );
    }
    let (summary, code) = ingest_json(&db, &[&wires]);
    assert_eq!(code, 0);
    assert_eq!(
        summary["already_present"].as_u64().unwrap(),
        partial.len() as u64
    );
    assert_eq!(list(&db).len(), n);
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_ingest_cleanly() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("n.db");
    let n = 3000;
    let wires = wire_file(tmp.path(), n);
    let bin = assert_cmd::cargo::cargo_bin("newsgraph");
    let child = std::process::Command::new(&bin)
        .arg("--db")
        .arg(&db)
        .arg("ingest")
        .arg(&wires)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    wait_for_rows(&db, 1);
    std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    if out.status.code() == Some(0) {
        eprintln!("ingest finished before the interrupt arrived; nothing to check");
        return;
    }
    assert_eq!(out.status.code(), Some(130), "{stderr}");
    assert!(stderr.contains("interrupted"), "{stderr}");
    let (summary, code) = ingest_json(&db, &[&wires]);
    assert_eq!(code, 0);
    assert_eq!(
        summary["stored"].as_u64().unwrap() + summary["already_present"].as_u64().unwrap(),
        n as u64
    );
    assert_eq!(list(&db).len(), n);
}

#[test]
fn eval_sbd_scores_and_writes_predictions() {
    let tmp = tempfile::tempdir().unwrap();
    let gold = tmp.path().join("gold.jsonl");
    std::fs::write(
        &gold,
        "{\"text\": \"Mr. Smith went to Washington. He met the U.S. envoy.\", \"sentences\": [\"Mr. Smith went to Washington.\", \"He met the U.S. envoy.\"]}\n",
    )
    .unwrap();
    let preds = tmp.path().join("pred.jsonl");
    let v = json_of(
        Command::cargo_bin("newsgraph")
            .unwrap()
            .args(["eval", "sbd", "--json"])
            .arg(&gold)
            .arg("--predictions")
            .arg(&preds),
    );
    assert_eq!(v["exact"], 1);
    assert_eq!(v["f1"], 1.0);
    let written: Value = serde_json::from_str(
        std::fs::read_to_string(&preds)
            .unwrap()
            .lines()
            .next()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(written["sentences"].as_array().unwrap().len(), 2);
}

#[test]
fn eval_sbd_scores_another_systems_predictions() {
    let tmp = tempfile::tempdir().unwrap();
    let gold = tmp.path().join("gold.jsonl");
    std::fs::write(
        &gold,
        "{\"text\": \"Rain fell. Roads flooded.\", \"sentences\": [\"Rain fell.\", \"Roads flooded.\"]}\n",
    )
    .unwrap();
    let theirs = tmp.path().join("theirs.jsonl");
    std::fs::write(
        &theirs,
        "{\"text\": \"Rain fell. Roads flooded.\", \"sentences\": [\"Rain fell. Roads flooded.\"]}\n",
    )
    .unwrap();
    let v = json_of(
        Command::cargo_bin("newsgraph")
            .unwrap()
            .args(["eval", "sbd", "--json"])
            .arg(&gold)
            .arg("--score")
            .arg(&theirs),
    );
    assert_eq!(v["exact"], 0);
    assert_eq!(v["recall"], 0.0);
}
