//! Must-shows on the seed articles in `../shared/seeds` (skipped when absent). The
//! seeds are read through the ingest reader and the pipeline; only assertions live
//! here, no seed text.

use newsgraph_events::extract_events;
use newsgraph_ingest::read::{read_paths, ReadOptions};
use newsgraph_model::{Event, Modality, PloverType};
use std::path::Path;

struct Doc {
    body: String,
    events: Vec<Event>,
}

fn seeds() -> Option<Vec<Doc>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    if !dir.is_dir() {
        eprintln!("seeds absent: skipped");
        return None;
    }
    let mut out = Vec::new();
    for r in read_paths(&[dir], &ReadOptions::default()).flatten() {
        let a = newsgraph_pipeline::analyze(r.article);
        let events = extract_events(&a.article, &a.sentences, &a.links.mentions, &a.timexes);
        out.push(Doc {
            body: a.article.body.clone(),
            events,
        });
    }
    (!out.is_empty()).then_some(out)
}

fn all(docs: &[Doc]) -> Vec<(&Doc, &Event)> {
    docs.iter()
        .flat_map(|d| d.events.iter().map(move |e| (d, e)))
        .collect()
}

fn has(v: &[String], id: &str) -> bool {
    v.iter().any(|a| a == id)
}

fn trigger<'a>(d: &'a Doc, e: &Event) -> &'a str {
    d.body.get(e.start..e.end).unwrap_or("")
}

fn dump(docs: &[Doc]) -> String {
    let mut s = String::new();
    for (d, e) in all(docs) {
        s.push_str(&format!(
            "{:?} {:?} {:?} {:?}->{:?} place {:?} time {:?} by {:?} [{}]\n",
            e.kind,
            e.modality,
            e.mode,
            e.source,
            e.target,
            e.place,
            e.time.as_ref().map(|t| &t.value),
            e.attributed_to,
            trigger(d, e)
        ));
    }
    s
}

#[test]
fn seed_must_shows() {
    let Some(docs) = seeds() else { return };
    let ev = all(&docs);
    let report = dump(&docs);
    println!("{report}");
    const NET: &str = "person:benjamin-netanyahu";
    const TRUMP: &str = "person:donald-trump";

    // the late-December Netanyahu–Trump discussion: CONSULT, ASSERTED, by Anadolu and Axios
    assert!(
        ev.iter().any(|(_, e)| e.kind == PloverType::Consult
            && e.modality == Modality::Asserted
            && has(&e.source, NET)
            && has(&e.target, TRUMP)
            && has(&e.attributed_to, "org:anadolu")
            && has(&e.attributed_to, "org:axios")
            && e.time
                .as_ref()
                .is_some_and(|t| t.value.starts_with("2025-12"))),
        "late-December discussion\n{report}"
    );
    // a second round of strikes on Iran: ASSAULT, POSSIBLE; no ASSERTED strike on Iran
    // read from the "second round" / "renewed strikes" sentences
    let iran = "country:IRN";
    let discussed: Vec<_> = ev
        .iter()
        .filter(|(d, e)| {
            let s = sentence_of(d, e);
            e.kind == PloverType::Assault
                && has(&e.target, iran)
                && (s.contains("second round") || s.contains("renewed strikes"))
        })
        .collect();
    assert!(!discussed.is_empty(), "second round\n{report}");
    assert!(
        discussed
            .iter()
            .all(|(_, e)| e.modality == Modality::Possible),
        "second round never asserted\n{report}"
    );
    // the June 2025 strikes by the US and Israel on Fordow, Natanz and Isfahan
    assert!(
        ev.iter().any(|(_, e)| e.kind == PloverType::Assault
            && e.modality == Modality::Asserted
            // "U.S. forces" is linked to the US military, an actor of the United States
            && (has(&e.source, "country:USA") || has(&e.source, "org:us-military"))
            && has(&e.source, "country:ISR")
            && e.place.len() >= 3
            && e.time.as_ref().is_some_and(|t| t.value.starts_with("2025-06"))),
        "June strikes\n{report}"
    );
    // nominal events: "the United States and Israel were involved in a 12-day conflict
    // with Iran" (in June of the past year) and "the June strikes" (June resolved
    // against the article date 2026-01-01, so 2025-06, never 2026-06)
    let nominal = |needle: &str| {
        ev.iter()
            .filter(|(d, e)| e.kind == PloverType::Assault && trigger(d, e).contains(needle))
            .map(|(_, e)| *e)
            .collect::<Vec<_>>()
    };
    let conflict = nominal("conflict");
    assert!(
        conflict.iter().any(|e| e.modality == Modality::Asserted
            && has(&e.source, "country:USA")
            && has(&e.source, "country:ISR")
            && e.target == [iran]
            && e.time.as_ref().is_some_and(|t| t.value == "2025-06")),
        "12-day conflict\n{report}"
    );
    let june = nominal("strikes");
    assert!(
        june.iter().any(|e| e.modality == Modality::Asserted
            && has(&e.source, "country:USA")
            && e.target == [iran]
            && e.time.as_ref().is_some_and(|t| t.value == "2025-06")),
        "the June strikes\n{report}"
    );
    assert!(
        !ev.iter().any(|(_, e)| e
            .time
            .as_ref()
            .is_some_and(|t| t.value.starts_with("2026-06"))),
        "June is the past June\n{report}"
    );
    // "Since the Israeli offensive began in October 2023": its own event, not merged
    // into the June 2025 attacks
    assert!(
        ev.iter().any(|(_, e)| e.kind == PloverType::Assault
            && e.source == ["country:ISR"]
            && e.time.as_ref().is_some_and(|t| t.value == "2023-10")),
        "the Gaza offensive\n{report}"
    );
    // Pezeshkian's warning
    assert!(
        ev.iter().any(|(_, e)| e.kind == PloverType::Threaten
            && e.source.iter().any(|a| a.contains("pezeshkian"))),
        "Pezeshkian\n{report}"
    );
    // Araghchi urging Trump to return to negotiations
    assert!(
        ev.iter().any(|(_, e)| e.kind == PloverType::Request
            && e.source.iter().any(|a| a.contains("araghchi"))
            && has(&e.target, TRUMP)),
        "Araghchi\n{report}"
    );
    // the Board of Peace meeting in Davos on 2026-01-23: CONSULT, PLANNED
    assert!(
        ev.iter().any(|(_, e)| e.kind == PloverType::Consult
            && e.modality == Modality::Planned
            && e.source.iter().any(|a| a.contains("board-of-peace"))
            && e.time.as_ref().is_some_and(|t| t.value == "2026-01-23")
            && e.place.iter().any(|p| p.contains("davos"))),
        "Board of Peace\n{report}"
    );
    // the Trump–Netanyahu meeting on February 4: CONSULT, PLANNED
    assert!(
        ev.iter().any(|(_, e)| e.kind == PloverType::Consult
            && e.modality == Modality::Planned
            && has(&e.source, TRUMP)
            && has(&e.target, NET)
            && e.time.as_ref().is_some_and(|t| t.value.ends_with("02-04"))),
        "February 4 meeting\n{report}"
    );
    // never an ASSERTED event out of an if-clause or a discussion
    for (d, e) in &ev {
        assert!(e.start <= e.end && e.end <= d.body.len());
        assert!((0.0..=1.0).contains(&e.confidence));
    }
}

fn sentence_of<'a>(d: &'a Doc, e: &Event) -> &'a str {
    let b = &d.body;
    let start = b[..e.start.min(b.len())]
        .rfind(['.', '\n'])
        .map_or(0, |i| i + 1);
    let end = b[e.end.min(b.len())..]
        .find(['.', '\n'])
        .map_or(b.len(), |i| e.end + i);
    b.get(start..end).unwrap_or("")
}
