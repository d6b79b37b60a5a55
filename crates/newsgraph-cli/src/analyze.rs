//! `newsgraph analyze`: a one-shot report on files, with no store.
//!
//! Prints, for people, each article's metadata and its sentences; with `--json`, the
//! report contract of DESIGN.md §8 (every array present, empty until its stage exists).

use crate::exit::Code;
use crate::input::{self, Item, ReadArgs};
use crate::output::{self, ellipsize, short_id, Global};
use clap::Args;
use newsgraph_pipeline::Analysis;

/// Arguments of `newsgraph analyze`.
#[derive(Debug, Args)]
pub struct AnalyzeArgs {
    #[command(flatten)]
    read: ReadArgs,

    /// Print the report contract as JSON instead of text.
    #[arg(long)]
    json: bool,

    /// Show at most this many sentences per article in the text report (0: all).
    #[arg(long, default_value_t = 0)]
    sentences: usize,
}

/// Runs `newsgraph analyze`.
pub fn run(global: &Global, args: AnalyzeArgs) -> anyhow::Result<Code> {
    let opts = args.read.options()?;
    let mut analyses = Vec::new();
    let mut failed = 0u64;
    input::for_each_item(
        args.read.inputs(),
        &opts,
        |_| {},
        |_| false,
        |item| {
            match item {
                Item::Failed(err) => {
                    failed += 1;
                    eprintln!("error: {err}");
                }
                Item::Present { .. } => unreachable!("nothing is known to analyze"),
                Item::Article {
                    warnings, analysis, ..
                } => {
                    if !global.quiet {
                        for w in &warnings {
                            eprintln!("warning: {w}");
                        }
                    }
                    analyses.push(*analysis);
                }
            }
            true
        },
    );
    let read = analyses.len();
    let analyses = newsgraph_pipeline::dedup_in_memory(analyses);
    let exact_duplicates = read - analyses.len();
    if args.json {
        output::print_json(&newsgraph_pipeline::report(&analyses))?;
    } else {
        for analysis in &analyses {
            print_article(analysis, args.sentences);
        }
        if !global.quiet {
            eprintln!(
                "{} articles ({exact_duplicates} exact duplicates left out), {failed} failed",
                analyses.len()
            );
        }
    }
    Ok(if failed > 0 {
        Code::Partial
    } else {
        Code::Success
    })
}

/// Prints one analysed article for people.
fn print_article(analysis: &Analysis, max_sentences: usize) {
    let a = &analysis.article;
    println!("── {}  {}", short_id(&a.id), a.title);
    field("subtitle", a.subtitle.as_deref());
    let source = match (a.source.is_empty(), a.via.is_empty()) {
        (true, true) => None,
        (false, true) => Some(a.source.clone()),
        (true, false) => Some(format!("(unknown) via {}", a.via.join(" via "))),
        (false, false) => Some(format!("{} via {}", a.source, a.via.join(" via "))),
    };
    field("source", source.as_deref());
    field("byline", a.byline.as_deref());
    field("section", a.section.as_deref());
    field(
        "published",
        Some(
            a.published
                .as_deref()
                .unwrap_or("unknown (the article gives no date)"),
        ),
    );
    field("url", a.url.as_deref());
    field("file", a.path.as_deref());
    field(
        "duplicate",
        a.duplicate_of
            .as_deref()
            .map(|d| format!("near duplicate of {}", short_id(d)))
            .as_deref(),
    );
    field(
        "size",
        Some(&format!(
            "{} bytes, {} sentences",
            a.body.len(),
            analysis.sentences.len()
        )),
    );
    if let Some(bounds) = &a.published_bounds {
        field(
            "date range",
            Some(&format!(
                "{} … {} ({})",
                bounds.from.as_deref().unwrap_or("?"),
                bounds.to.as_deref().unwrap_or("?"),
                bounds.reasons.join("; ")
            )),
        );
    }
    if !analysis.timexes.is_empty() {
        let times: Vec<String> = analysis
            .timexes
            .iter()
            .map(|t| {
                let m = t
                    .modifier
                    .as_deref()
                    .map(|m| format!(" {m}"))
                    .unwrap_or_default();
                format!("\"{}\" = {}{m}", t.text, t.value)
            })
            .collect();
        field("times", Some(&ellipsize(&times.join("; "), 600)));
    }
    // Actors by number of mentions, with the names used for them.
    let mut counts: Vec<(String, usize)> = Vec::new();
    for m in &analysis.links.mentions {
        let Some(actor) = &m.mention.actor else {
            continue;
        };
        let name = analysis
            .links
            .actors
            .iter()
            .find(|a| &a.actor.id == actor)
            .map_or(actor.as_str(), |a| a.actor.name.as_str())
            .to_string();
        match counts.iter_mut().find(|(n, _)| *n == name) {
            Some((_, c)) => *c += 1,
            None => counts.push((name, 1)),
        }
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    if !counts.is_empty() {
        let actors: Vec<String> = counts.iter().map(|(n, c)| format!("{n} ×{c}")).collect();
        field("actors", Some(&ellipsize(&actors.join(", "), 600)));
    }
    let shown = if max_sentences == 0 {
        analysis.sentences.len()
    } else {
        max_sentences.min(analysis.sentences.len())
    };
    for s in &analysis.sentences[..shown] {
        println!(
            "  {:>3}  {}",
            s.index + 1,
            ellipsize(&a.body[s.start..s.end], 400)
        );
    }
    if shown < analysis.sentences.len() {
        let more = analysis.sentences.len() - shown;
        println!(
            "  …    {more} more sentence{}",
            if more == 1 { "" } else { "s" }
        );
    }
    println!();
}

fn field(name: &str, value: Option<&str>) {
    if let Some(value) = value {
        println!("   {name:<10} {value}");
    }
}
