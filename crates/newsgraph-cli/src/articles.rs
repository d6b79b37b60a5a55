//! `newsgraph articles` and `newsgraph show`: browse the store.

use crate::exit::Code;
use crate::output::{self, ellipsize, short_id, ArticleFilter, Global};
use clap::Args;
use newsgraph_store::{Cursor, ListQuery, Store, StoreError};
use serde_json::json;

/// Arguments of `newsgraph articles`.
#[derive(Debug, Args)]
pub struct ArticlesArgs {
    /// How many articles to list.
    #[arg(long, default_value_t = 50)]
    limit: usize,

    /// Continue after this cursor (printed at the end of the previous page).
    #[arg(long)]
    after: Option<String>,

    #[command(flatten)]
    filter: ArticleFilter,

    /// Print JSON: `{"articles": [...], "next": cursor|null}`.
    #[arg(long)]
    json: bool,
}

/// Runs `newsgraph articles`.
pub fn list(global: &Global, args: ArticlesArgs) -> anyhow::Result<Code> {
    let store = global.open_existing_store()?;
    let query = ListQuery {
        limit: args.limit,
        after: args.after.map(Cursor::new),
        source: args.filter.source,
        from: args.filter.from,
        to: args.filter.to,
    };
    let page = store.list_articles(&query)?;
    let next = (page.len() == args.limit && args.limit > 0)
        .then(|| page.last().map(|a| a.cursor().to_string()))
        .flatten();
    if args.json {
        let articles: Vec<_> = page
            .iter()
            .map(|a| {
                json!({
                    "id": a.id, "title": a.title, "source": a.source,
                    "published": a.published, "byline": a.byline,
                    "duplicate_of": a.duplicate_of, "words": a.words, "bytes": a.bytes,
                    "path": a.path, "url": a.url, "ingested_at": a.ingested_at,
                })
            })
            .collect();
        output::print_json(&json!({ "articles": articles, "next": next }))?;
        return Ok(Code::Success);
    }
    if page.is_empty() {
        eprintln!("no articles");
        return Ok(Code::Success);
    }
    println!("{:<12}  {:<25}  {:<14}  TITLE", "ID", "PUBLISHED", "SOURCE");
    for a in &page {
        let mut title = ellipsize(&a.title, 80);
        if let Some(of) = &a.duplicate_of {
            title.push_str(&format!("  (near duplicate of {})", short_id(of)));
        }
        println!(
            "{:<12}  {:<25}  {:<14}  {}",
            short_id(&a.id),
            a.published
                .as_deref()
                .map_or("—".to_string(), |p| ellipsize(p, 25)),
            ellipsize(
                if a.source.is_empty() {
                    "—"
                } else {
                    &a.source
                },
                14
            ),
            title
        );
    }
    if let Some(next) = next {
        eprintln!("more: newsgraph articles --after {next}");
    }
    Ok(Code::Success)
}

/// Arguments of `newsgraph show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Article id, or a unique prefix of it (at least 4 characters).
    id: String,

    /// List the article's sentences with their byte spans.
    #[arg(long)]
    sentences: bool,

    /// Print JSON: the article (as in the report contract) and its sentences.
    #[arg(long)]
    json: bool,
}

/// Runs `newsgraph show`.
pub fn show(global: &Global, args: ShowArgs) -> anyhow::Result<Code> {
    let store = global.open_existing_store()?;
    let stored = match store.get_article(&args.id) {
        Ok(Some(stored)) => stored,
        Ok(None) | Err(StoreError::NotFound { .. }) => {
            eprintln!(
                "error: no article with id {:?} in {}",
                args.id,
                global.db.display()
            );
            return Ok(Code::NotFound);
        }
        Err(e) => return Err(e.into()),
    };
    let timexes = store.article_timexes(&stored.article.id)?;
    if args.json {
        output::print_json(&json!({
            "article": stored.article,
            "sentences": stored.sentences,
            "timexes": timexes,
            "fingerprint": format!("{:016x}", stored.fingerprint),
            "ingested_at": stored.ingested_at,
        }))?;
        return Ok(Code::Success);
    }
    let a = &stored.article;
    println!("{}", a.title);
    if let Some(sub) = &a.subtitle {
        println!("{sub}");
    }
    println!();
    let mut meta = vec![("id", a.id.clone())];
    if !a.source.is_empty() || !a.via.is_empty() {
        let mut s = if a.source.is_empty() {
            "(unknown)".to_string()
        } else {
            a.source.clone()
        };
        for v in &a.via {
            s.push_str(" via ");
            s.push_str(v);
        }
        meta.push(("source", s));
    }
    if let Some(b) = &a.byline {
        meta.push(("byline", b.clone()));
    }
    if let Some(s) = &a.section {
        meta.push(("section", s.clone()));
    }
    meta.push((
        "published",
        a.published.clone().unwrap_or_else(|| "unknown".to_string()),
    ));
    if let Some(bounds) = &a.published_bounds {
        let range = format!(
            "{} … {}",
            bounds.from.as_deref().unwrap_or("?"),
            bounds.to.as_deref().unwrap_or("?")
        );
        meta.push(("date range", range));
        for reason in &bounds.reasons {
            meta.push(("  because", reason.clone()));
        }
    }
    if let Some(u) = &a.url {
        meta.push(("url", u.clone()));
    }
    if let Some(p) = &a.path {
        meta.push(("file", p.clone()));
    }
    if let Some(d) = &a.duplicate_of {
        meta.push(("duplicate", format!("near duplicate of {d}")));
    }
    if !timexes.is_empty() {
        let times: Vec<String> = timexes
            .iter()
            .map(|t| {
                format!(
                    "\"{}\" = {}{}",
                    t.text,
                    t.value,
                    t.r#mod
                        .as_deref()
                        .map(|m| format!(" ({m})"))
                        .unwrap_or_default()
                )
            })
            .collect();
        meta.push(("times", times.join("; ")));
    }
    for (k, v) in meta {
        println!("{k:<10} {v}");
    }
    println!();
    if args.sentences {
        for s in &stored.sentences {
            println!(
                "{:>3} [{}..{}] {}",
                s.index + 1,
                s.start,
                s.end,
                &a.body[s.start..s.end]
            );
        }
    } else {
        for para in a.body.split('\n') {
            println!("{para}\n");
        }
    }
    Ok(Code::Success)
}
