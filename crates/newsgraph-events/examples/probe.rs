//! Prints the events found in texts (a debugging aid):
//! `cargo run -p newsgraph-events --example probe -- "TEXT" [DATE]` or `-- PATH…`
//! (files or directories, read as `ingest` reads them).

use newsgraph_ingest::read::{read_paths, ReadOptions};
use std::path::Path;

fn show(article: newsgraph_model::Article) {
    let a = newsgraph_pipeline::analyze(article);
    let events =
        newsgraph_events::extract_events(&a.article, &a.sentences, &a.links.mentions, &a.timexes);
    println!("## {} ({:?})", a.article.title, a.article.published);
    for e in events {
        let s = &a.sentences[e.sentence];
        println!(
            "{:?}/{:?} {:?} {:?}->{:?} place {:?} time {:?} by {:?} conf {:.2} [{}]\n    {}",
            e.kind,
            e.mode,
            e.modality,
            e.source,
            e.target,
            e.place,
            e.time.map(|t| t.value),
            e.attributed_to,
            e.confidence,
            &a.article.body[e.start..e.end],
            &a.article.body[s.start..s.end]
        );
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().is_some_and(|p| Path::new(p).exists()) {
        for r in read_paths(&args, &ReadOptions::default()).flatten() {
            show(r.article);
        }
        return;
    }
    let mut args = args.into_iter();
    show(newsgraph_model::Article {
        id: "probe".into(),
        body: args.next().unwrap_or_default(),
        published: args.next(),
        ..Default::default()
    });
}
