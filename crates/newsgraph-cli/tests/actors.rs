//! `newsgraph actors` and `--kb`.

use assert_cmd::Command;
use predicates::prelude::*;

fn examples() -> String {
    concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/articles").to_string()
}

#[test]
fn actors_lists_and_shows() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    Command::cargo_bin("newsgraph")
        .unwrap()
        .args(["--db", db.to_str().unwrap(), "-q", "ingest", &examples()])
        .assert()
        .success();
    let out = Command::cargo_bin("newsgraph")
        .unwrap()
        .args([
            "--db",
            db.to_str().unwrap(),
            "actors",
            "--json",
            "--kind",
            "PERSON",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = v["actors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"person:abbas-araghchi"), "{ids:?}");
    assert!(v["actors"]
        .as_array()
        .unwrap()
        .iter()
        .all(|a| a["kind"] == "PERSON"));
    Command::cargo_bin("newsgraph")
        .unwrap()
        .args(["--db", db.to_str().unwrap(), "actors", "show", "Araghchi"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Abbas Araghchi"))
        .stdout(predicate::str::contains(
            "Iranian Foreign Minister Abbas Araghchi",
        ));
    Command::cargo_bin("newsgraph")
        .unwrap()
        .args([
            "--db",
            db.to_str().unwrap(),
            "actors",
            "show",
            "Nobody Atall",
        ])
        .assert()
        .code(4);
}

#[test]
fn a_bad_kb_file_is_an_error_naming_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let kb = dir.path().join("mine.kb");
    std::fs::write(
        &kb,
        "# Source: test\ncountry FRE FX | Freedonia\nnonsense here\n",
    )
    .unwrap();
    Command::cargo_bin("newsgraph")
        .unwrap()
        .args(["--kb", kb.to_str().unwrap(), "analyze", &examples()])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("mine.kb:3"));
    let empty = dir.path().join("empty.kb");
    std::fs::write(&empty, "# nothing\n").unwrap();
    Command::cargo_bin("newsgraph")
        .unwrap()
        .args(["--kb", empty.to_str().unwrap(), "analyze", &examples()])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("empty"));
}

#[test]
fn a_user_kb_extends_recognition() {
    let dir = tempfile::tempdir().unwrap();
    let kb = dir.path().join("mine.kb");
    std::fs::write(
        &kb,
        "# Source: test\norg aegean-star | Aegean Star Shipping | Aegean Star | GRC | company\n",
    )
    .unwrap();
    let out = Command::cargo_bin("newsgraph")
        .unwrap()
        .args([
            "--kb",
            kb.to_str().unwrap(),
            "analyze",
            "--json",
            &examples(),
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .any(|m| m["actor"] == "org:aegean-star"));
}
