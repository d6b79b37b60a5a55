//! Checks on the seed articles in `../shared/seeds/` (skipped when absent).

use std::path::Path;

fn seeds_dir() -> Option<&'static Path> {
    let dir = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/seeds"
    ));
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipping: seeds directory {} not found", dir.display());
        None
    }
}

#[test]
fn no_split_after_us_before_name_or_noun() {
    let Some(dir) = seeds_dir() else { return };
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut checked = 0;
    for entry in rd.flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let sents = newsgraph_segment::sentences(&text);
        for s in &sents {
            let body = &text[s.start..s.end];
            if !body.ends_with("U.S.") {
                continue;
            }
            let next = text[s.end..].split_whitespace().next().unwrap_or("");
            assert!(
                !matches!(next, "President" | "official" | "forces"),
                "{}: sentence wrongly ends at U.S. before {next:?}: {body:?}",
                path.display()
            );
        }
        checked += 1;
    }
    assert!(checked > 0, "no seed .txt files read");
}

#[test]
fn dated_seed_sentence_counts() {
    let Some(dir) = seeds_dir() else { return };
    let Ok(text) = std::fs::read_to_string(dir.join("000_928ee7e6172f7460.txt")) else {
        eprintln!("skipping: seed 000 not found");
        return;
    };
    // Sentences per line, counted by hand: dateline, section label, seven body
    // paragraphs (the first one ends in a truncated sentence without a period), and the
    // "Comments Here:" chrome line.
    let expected = [1, 1, 2, 4, 3, 2, 2, 2, 4, 1];
    let lines: Vec<(usize, usize)> = {
        let mut v = Vec::new();
        let mut start = 0;
        for line in text.split_inclusive('\n') {
            if !line.trim().is_empty() {
                v.push((start, start + line.len()));
            }
            start += line.len();
        }
        v
    };
    assert_eq!(lines.len(), expected.len(), "seed 000 changed shape");
    let sents = newsgraph_segment::sentences(&text);
    for (k, ((ls, le), want)) in lines.iter().zip(expected).enumerate() {
        let got: Vec<&str> = sents
            .iter()
            .filter(|s| s.start >= *ls && s.end <= *le)
            .map(|s| &text[s.start..s.end])
            .collect();
        assert_eq!(got.len(), want, "line {}: {got:#?}", k + 1);
    }
    assert_eq!(sents.len(), expected.iter().sum::<usize>());
}
