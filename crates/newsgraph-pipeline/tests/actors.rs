//! Actors end to end: the example articles (snapshot of mentions and actors), the
//! seeds (assertions only: their text is not ours to copy), and the store.

use newsgraph_ingest::read::{read_paths, ReadOptions};
use newsgraph_model::{Article, Report};
use newsgraph_pipeline::{analyze_all, dedup_in_memory, report, Ingestor};
use newsgraph_store::{ActorQuery, SqliteStore, Store};
use std::fmt::Write;
use std::path::PathBuf;

fn read_dir(dir: &str) -> Vec<Article> {
    read_paths(&[dir], &ReadOptions::default())
        .map(|r| {
            let mut a = r.expect("articles read cleanly").article;
            a.path = a
                .path
                .map(|p| p.rsplit('/').next().unwrap_or_default().to_string());
            a
        })
        .collect()
}

/// One line per mention and per actor, readable in a diff.
fn describe(report: &Report) -> String {
    let mut out = String::new();
    for a in &report.articles {
        let _ = writeln!(out, "## {}", a.path.as_deref().unwrap_or(&a.id));
        for m in report.mentions.iter().filter(|m| m.article == a.id) {
            let _ = write!(
                out,
                "{:>5}..{:<5} {:<6} {:<32} -> {}",
                m.start,
                m.end,
                serde_json::to_value(m.kind).unwrap().as_str().unwrap(),
                m.text,
                m.actor.as_deref().unwrap_or("?")
            );
            if let Some(r) = &m.role {
                let _ = write!(
                    out,
                    "  role={} of {}",
                    r.title,
                    r.of.as_deref().unwrap_or("?")
                );
            }
            for c in &m.candidates {
                let _ = write!(out, "  cand={}:{:.2}", c.actor, c.score);
            }
            out.push('\n');
        }
    }
    let _ = writeln!(out, "## actors");
    for a in &report.actors {
        let learned: Vec<String> = a
            .roles
            .iter()
            .filter(|r| r.source == Some(newsgraph_model::RoleSource::Article))
            .map(|r| {
                format!(
                    "{} of {} ({} evidence)",
                    r.title,
                    r.of.as_deref().unwrap_or("?"),
                    r.evidence.len()
                )
            })
            .collect();
        let _ = writeln!(
            out,
            "{:<40} {:<6} {:<4} {}{}",
            a.id,
            serde_json::to_value(a.kind).unwrap().as_str().unwrap(),
            a.country.as_deref().unwrap_or("-"),
            a.name,
            if learned.is_empty() {
                String::new()
            } else {
                format!("  learned: {}", learned.join("; "))
            }
        );
    }
    out
}

#[test]
fn example_articles_mentions_and_actors() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/articles");
    let analyses = dedup_in_memory(analyze_all(read_dir(dir)));
    insta::assert_snapshot!(describe(&report(&analyses)));
}

fn seeds_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("NEWSGRAPH_SEEDS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../../shared/seeds"
            ))
        });
    dir.is_dir().then_some(dir)
}

#[test]
fn seeds_key_actors() {
    let Some(dir) = seeds_dir() else {
        eprintln!("seeds not found: skipped");
        return;
    };
    let mut store = SqliteStore::open_in_memory().unwrap();
    let analyses = analyze_all(read_dir(dir.to_str().unwrap()));
    let rep = report(&analyses);
    let mut ingestor = Ingestor::new(&mut store);
    for a in analyses {
        ingestor.file(a).unwrap();
    }
    let one = |name: &str| {
        let found = store.find_actors(name).unwrap();
        assert_eq!(
            found.len(),
            1,
            "{name}: {:?}",
            found.iter().map(|s| &s.actor.id).collect::<Vec<_>>()
        );
        found.into_iter().next().unwrap()
    };
    let seen = |s: &newsgraph_store::ActorSummary, n: &str| s.names.iter().any(|(t, _)| t == n);

    let bibi = one("Netanyahu");
    assert_eq!(bibi.actor.id, "person:benjamin-netanyahu");
    assert!(
        seen(&bibi, "Netanyahu") && seen(&bibi, "Benjamin Netanyahu"),
        "{:?}",
        bibi.names
    );
    assert!(bibi.actor.roles.iter().any(|r| r.title == "Prime Minister"
        && r.of.as_deref() == Some("country:ISR")
        && r.source == Some(newsgraph_model::RoleSource::Article)
        && !r.evidence.is_empty()));
    assert_eq!(one("Trump").actor.id, "person:donald-trump");
    for (name, id, title) in [
        ("Pezeshkian", "person:masoud-pezeshkian", "President"),
        ("Araghchi", "person:abbas-araghchi", "Foreign Minister"),
    ] {
        let s = one(name);
        assert_eq!(s.actor.id, id);
        assert!(s.actor.roles.iter().any(|r| r.title == title
            && r.of.as_deref() == Some("country:IRN")
            && r.source == Some(newsgraph_model::RoleSource::Article)));
    }
    for (name, id) in [
        ("Iran", "country:IRN"),
        ("Israel", "country:ISR"),
        ("Hezbollah", "org:hezbollah"),
        ("Hamas", "org:hamas"),
        ("Axios", "org:axios"),
        ("Anadolu Agency", "org:anadolu"),
    ] {
        assert_eq!(one(name).actor.id, id, "{name}");
    }
    let us = one("United States");
    assert_eq!(us.actor.id, "country:USA");
    for form in ["U.S.", "US", "United States"] {
        assert!(seen(&us, form), "{form}: {:?}", us.names);
        assert_eq!(one(form).actor.id, "country:USA");
    }
    for (name, id) in [
        ("Fordow", "place:fordow"),
        ("Natanz", "place:natanz"),
        ("Isfahan", "place:isfahan-ucf"),
    ] {
        let s = one(name);
        assert_eq!(s.actor.id, id);
        assert_eq!(s.actor.country.as_deref(), Some("IRN"));
        assert_eq!(s.actor.kind, newsgraph_model::MentionKind::Fac);
    }
    // "Netanyahu's office" and "the White House": the executives of Israel and the US.
    let office = rep
        .mentions
        .iter()
        .find(|m| m.text == "office" && m.kind == newsgraph_model::MentionKind::Org)
        .expect("Netanyahu's office");
    assert_eq!(office.actor.as_deref(), Some("org:israel-pmo"));
    let wh = one("White House");
    assert_eq!(
        (wh.actor.id.as_str(), wh.actor.country.as_deref()),
        ("org:white-house", Some("USA"))
    );
    let pmo = rep
        .actors
        .iter()
        .find(|a| a.id == "org:israel-pmo")
        .unwrap();
    assert_eq!(pmo.country.as_deref(), Some("ISR"));
    // One actor per person: no derived duplicates of the KB persons.
    let people = store
        .list_actors(&ActorQuery {
            kind: Some(newsgraph_model::MentionKind::Person),
            limit: 100,
        })
        .unwrap();
    for p in &people {
        assert!(!p.actor.id.contains("netanyahu") || p.actor.id == "person:benjamin-netanyahu");
        assert!(!p.actor.id.contains("trump") || p.actor.id == "person:donald-trump");
    }
    // Every mention of the show command has its sentence.
    let detail = store
        .actor_detail("person:benjamin-netanyahu")
        .unwrap()
        .unwrap();
    assert_eq!(detail.mentions.len() as u64, bibi.mentions);
    assert!(detail.mentions.iter().all(|m| m
        .sentence
        .as_deref()
        .is_some_and(|s| s.contains(m.mention.text.as_str()))));
}

#[test]
fn learned_roles_in_the_store_resolve_later_articles() {
    // Ingest one article asserting a role the KB lacks (Iran's vice president at an
    // invented date after the KB's data), then one with the bare title.
    let mut store = SqliteStore::open_in_memory().unwrap();
    let a1 = Article {
        id: "a1".into(),
        source: "Test".into(),
        published: Some("2031-02-01".into()),
        body: "Iranian Vice President Farid Kavandi visited Ankara on Monday.".into(),
        ..Article::default()
    };
    let a2 = Article {
        id: "a2".into(),
        source: "Test".into(),
        published: Some("2031-03-01".into()),
        body: "The Iranian vice president returned to Tehran on Tuesday.".into(),
        ..Article::default()
    };
    let first = newsgraph_pipeline::analyze(a1);
    if !first
        .links
        .contract_mentions()
        .any(|m| m.text == "Farid Kavandi" && m.role.is_some())
    {
        eprintln!("tagger did not find the invented name: skipped");
        return;
    }
    let mut ingestor = Ingestor::new(&mut store);
    ingestor.file(first).unwrap();
    ingestor.file(newsgraph_pipeline::analyze(a2)).unwrap();
    let roles = store
        .learned_roles("Vice President", "country:IRN")
        .unwrap();
    assert_eq!(roles.len(), 1);
    assert_eq!(roles[0].actor, "person:farid-kavandi");
    assert_eq!(roles[0].role.evidence[0].article, "a1");
    let detail = store.actor_detail("person:farid-kavandi").unwrap().unwrap();
    let later: Vec<_> = detail
        .mentions
        .iter()
        .filter(|m| m.mention.article == "a2")
        .collect();
    assert_eq!(later.len(), 1, "{:?}", detail.mentions);
    assert_eq!(later[0].mention.text, "vice president");
}

/// The seeds' mentions and actors as a snapshot of names only (mention text, kind,
/// actor id, role): the names are facts, the seeds' sentences are not ours to copy.
#[test]
fn seeds_mentions_and_actors_snapshot() {
    let Some(dir) = seeds_dir() else {
        eprintln!("seeds not found: skipped");
        return;
    };
    let mut articles = read_dir(dir.to_str().unwrap());
    articles.sort_by(|a, b| a.path.cmp(&b.path));
    let rep = report(&analyze_all(articles));
    let mut out = String::new();
    for a in &rep.articles {
        let file = a
            .path
            .as_deref()
            .unwrap_or("")
            .rsplit('/')
            .next()
            .unwrap_or("");
        out.push_str(&format!("## {file}\n"));
        for m in rep.mentions.iter().filter(|m| m.article == a.id) {
            let role = m
                .role
                .as_ref()
                .map(|r| format!(" role={}/{}", r.title, r.of.as_deref().unwrap_or("-")))
                .unwrap_or_default();
            let candidates = if m.candidates.is_empty() {
                String::new()
            } else {
                format!(
                    " candidates={}",
                    m.candidates
                        .iter()
                        .map(|c| c.actor.as_str())
                        .collect::<Vec<_>>()
                        .join(",")
                )
            };
            out.push_str(&format!(
                "{:?} {:?} -> {}{role}{candidates}\n",
                m.text,
                m.kind,
                m.actor.as_deref().unwrap_or("?")
            ));
        }
    }
    out.push_str("## actors\n");
    let mut actors: Vec<_> = rep
        .actors
        .iter()
        .map(|a| format!("{} {:?} {}", a.id, a.kind, a.name))
        .collect();
    actors.sort();
    out.push_str(&actors.join("\n"));
    insta::assert_snapshot!(out);
}
