//! TimeML dev figures on `../shared/data/timeml` (skipped when absent).
//!
//! Prints the TempEval-3 figures for TimeBank, AQUAINT and both; asserts only a floor
//! well below the measured figures, so the test guards against regressions.

use std::path::PathBuf;

fn data_dir() -> Option<PathBuf> {
    let base = std::fs::canonicalize(env!("CARGO_MANIFEST_DIR")).ok()?;
    let dir = base.join("../../../shared/data/timeml");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipping: {} not found", dir.display());
        None
    }
}

#[test]
fn timeml_dev_figures() {
    let Some(dir) = data_dir() else { return };
    for sub in ["TimeBank", "AQUAINT", ""] {
        let d = dir.join(sub);
        if !d.is_dir() {
            continue;
        }
        let r = newsgraph_eval::timex::evaluate_dir(&d, None).expect("evaluate");
        println!("== {}\n{r}\n", if sub.is_empty() { "all" } else { sub });
        assert!(r.counts.relaxed_f1() > 0.6, "{sub}: {r}");
    }
}

/// Lists every miss, false alarm and wrong value (run with `--ignored --nocapture`).
#[test]
#[ignore]
fn timeml_dev_errors() {
    use newsgraph_eval::timex::{parse_tml, predict};
    let Some(dir) = data_dir() else { return };
    let mut files = Vec::new();
    for sub in ["TimeBank", "AQUAINT"] {
        if let Ok(rd) = std::fs::read_dir(dir.join(sub)) {
            files.extend(rd.flatten().map(|e| e.path()));
        }
    }
    files.sort();
    for f in files {
        let src = std::fs::read_to_string(&f).unwrap();
        let doc = parse_tml(&src, "x").unwrap();
        let pred = predict(&doc);
        let ctx = |s: usize, e: usize| {
            let a = doc.text.floor_char_boundary(s.saturating_sub(40));
            let b = doc.text.ceil_char_boundary((e + 30).min(doc.text.len()));
            format!(
                "{}[[{}]]{}",
                &doc.text[a..s],
                &doc.text[s..e],
                &doc.text[e..b]
            )
            .replace('\n', " ")
        };
        for g in &doc.gold {
            match pred.iter().find(|p| p.start < g.end && g.start < p.end) {
                None => println!(
                    "MISS {} {} {} | {}",
                    doc.dct,
                    g.kind,
                    g.value,
                    ctx(g.start, g.end)
                ),
                Some(p) => {
                    if p.start != g.start || p.end != g.end {
                        println!("SPAN {:?} vs {:?}", p.text, g.text);
                    }
                    if p.value != g.value {
                        println!(
                            "VAL {} gold {} {} ours {:?} {} {:?} | {}",
                            doc.dct,
                            g.kind,
                            g.value,
                            p.kind,
                            p.value,
                            p.tense,
                            ctx(g.start, g.end)
                        );
                    }
                }
            }
        }
        for p in &pred {
            if !doc.gold.iter().any(|g| p.start < g.end && g.start < p.end) {
                println!("FA {:?} {} | {}", p.kind, p.value, ctx(p.start, p.end));
            }
        }
    }
}
