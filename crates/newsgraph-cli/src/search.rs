//! `newsgraph search`: ranked full-text search with highlighted snippets.

use crate::exit::Code;
use crate::output::{self, short_id, ArticleFilter, Global};
use clap::Args;
use newsgraph_store::{SearchQuery, SnippetStyle, Store};
use serde_json::json;
use std::io::IsTerminal;

/// Arguments of `newsgraph search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Words to find (all must match); "quoted phrases" match as phrases.
    #[arg(required = true, num_args = 1.., value_name = "QUERY")]
    query: Vec<String>,

    /// How many hits to show.
    #[arg(long, default_value_t = 10)]
    limit: usize,

    #[command(flatten)]
    filter: ArticleFilter,

    /// Print JSON: `{"query", "hits": [{id, title, source, published, score, snippet}]}`.
    #[arg(long)]
    json: bool,
}

/// Runs `newsgraph search`.
pub fn run(global: &Global, args: SearchArgs) -> anyhow::Result<Code> {
    let store = global.open_existing_store()?;
    let text = args.query.join(" ");
    let colour = !args.json && std::io::stdout().is_terminal();
    let mut query = SearchQuery::new(text.clone());
    query.limit = args.limit;
    query.source = args.filter.source;
    query.from = args.filter.from;
    query.to = args.filter.to;
    if colour {
        query.snippet = SnippetStyle {
            open: "\x1b[1;33m".into(),
            close: "\x1b[0m".into(),
            ..SnippetStyle::default()
        };
    }
    let hits = store.search(&query)?;
    if args.json {
        let hits: Vec<_> = hits
            .iter()
            .map(|h| {
                json!({"id": h.id, "title": h.title, "source": h.source,
                       "published": h.published, "score": h.score, "snippet": h.snippet})
            })
            .collect();
        output::print_json(&json!({ "query": text, "hits": hits }))?;
        return Ok(Code::Success);
    }
    if hits.is_empty() {
        eprintln!("no match for {text:?}");
        return Ok(Code::Success);
    }
    for (rank, h) in hits.iter().enumerate() {
        println!(
            "{:>2}. {}  {}  [{}{}]",
            rank + 1,
            short_id(&h.id),
            h.title,
            if h.source.is_empty() {
                "—"
            } else {
                &h.source
            },
            h.published
                .as_deref()
                .map(|p| format!(", {p}"))
                .unwrap_or_default()
        );
        println!("    {}", h.snippet.replace('\n', " "));
    }
    Ok(Code::Success)
}
