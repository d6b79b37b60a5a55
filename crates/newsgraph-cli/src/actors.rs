//! `newsgraph actors` and `newsgraph actors show NAME`: the actors of the store, and
//! `--kb FILE` (extending the knowledge base the pipeline links with).

use crate::exit::Code;
use crate::output::{self, ellipsize, short_id, Global};
use anyhow::Context;
use clap::{Args, Subcommand};
use newsgraph_model::{MentionKind, Role, RoleSource};
use newsgraph_store::{ActorDetail, ActorQuery, ActorSummary, Store};
use serde_json::{json, Value};
use std::path::PathBuf;

/// Loads the user's knowledge-base files over the built-in data and makes the
/// pipeline link with them. A bad file is an error naming the file and line; overlaps
/// of office terms are warnings.
pub fn install_kb(files: &[PathBuf], quiet: bool) -> anyhow::Result<()> {
    if files.is_empty() {
        return Ok(());
    }
    let kb = newsgraph_kb::Kb::load(files).context("cannot load the knowledge base (--kb)")?;
    if !quiet {
        for w in kb.warnings() {
            eprintln!("warning: {w}");
        }
    }
    // The knowledge base lives as long as the process.
    let kb: &'static newsgraph_kb::Kb = Box::leak(Box::new(kb));
    let tagger = newsgraph_link::builtin_tagger().ok();
    newsgraph_pipeline::set_default_linker(newsgraph_link::Linker::new(kb, tagger))
        .map_err(|_| anyhow::anyhow!("the knowledge base is installed already"))
}

/// Arguments of `newsgraph actors`.
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct ActorsArgs {
    #[command(subcommand)]
    command: Option<ActorsCommand>,

    /// Only actors of this kind.
    #[arg(long, value_parser = parse_kind, value_name = "PERSON|ORG|GPE|LOC|NORP|FAC|EVENT|MISC")]
    kind: Option<MentionKind>,

    /// How many actors to list (most mentioned first).
    #[arg(long, default_value_t = 50)]
    limit: usize,

    /// Print JSON: `{"actors": [...]}`.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Subcommand)]
enum ActorsCommand {
    /// Show one actor (by id, name or alias) with every mention and its sentence.
    Show(ShowArgs),
}

#[derive(Debug, Args)]
struct ShowArgs {
    /// Actor id (`person:benjamin-netanyahu`), name or alias ("Netanyahu", "U.S.").
    name: String,

    /// Print JSON: `{"actor": ..., "mentions": [...]}`.
    #[arg(long)]
    json: bool,
}

fn parse_kind(s: &str) -> Result<MentionKind, String> {
    serde_json::from_value(Value::String(s.to_ascii_uppercase()))
        .map_err(|_| format!("unknown kind {s:?} (PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, MISC)"))
}

fn kind_name(k: MentionKind) -> String {
    serde_json::to_value(k)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// Runs `newsgraph actors`.
pub fn run(global: &Global, args: ActorsArgs) -> anyhow::Result<Code> {
    match args.command {
        Some(ActorsCommand::Show(show_args)) => show(global, show_args),
        None => list(global, args),
    }
}

fn list(global: &Global, args: ActorsArgs) -> anyhow::Result<Code> {
    let store = global.open_existing_store()?;
    let actors = store.list_actors(&ActorQuery {
        kind: args.kind,
        limit: args.limit,
    })?;
    if args.json {
        let list: Vec<Value> = actors.iter().map(summary_json).collect();
        output::print_json(&json!({ "actors": list }))?;
        return Ok(Code::Success);
    }
    if actors.is_empty() {
        eprintln!("no actors (ingest articles first)");
        return Ok(Code::Success);
    }
    println!("{:>8}  {:>8}  {:<7}  ACTOR", "MENTIONS", "ARTICLES", "KIND");
    for s in &actors {
        println!(
            "{:>8}  {:>8}  {:<7}  {}  [{}]",
            s.mentions,
            s.articles,
            kind_name(s.actor.kind),
            s.actor.name,
            s.actor.id
        );
        print_names_and_roles(s, true);
    }
    Ok(Code::Success)
}

fn show(global: &Global, args: ShowArgs) -> anyhow::Result<Code> {
    let store = global.open_existing_store()?;
    let found = store.find_actors(&args.name)?;
    let summary = match found.as_slice() {
        [] => {
            eprintln!(
                "error: no actor called {:?} in {}",
                args.name,
                global.db.display()
            );
            return Ok(Code::NotFound);
        }
        [one] => one,
        many => {
            if args.json {
                let list: Vec<Value> = many.iter().map(summary_json).collect();
                output::print_json(&json!({ "ambiguous": args.name, "candidates": list }))?;
            } else {
                eprintln!(
                    "{:?} names {} actors; show one by id:",
                    args.name,
                    many.len()
                );
                for s in many {
                    println!(
                        "  {:<40} {:<7} {} mentions  {}",
                        s.actor.id,
                        kind_name(s.actor.kind),
                        s.mentions,
                        s.actor.name
                    );
                }
            }
            return Ok(Code::Success);
        }
    };
    let Some(detail) = store.actor_detail(&summary.actor.id)? else {
        eprintln!(
            "error: actor {:?} vanished from the store",
            summary.actor.id
        );
        return Ok(Code::NotFound);
    };
    if args.json {
        output::print_json(&detail_json(&detail))?;
        return Ok(Code::Success);
    }
    let s = &detail.summary;
    println!("{}  [{}]", s.actor.name, s.actor.id);
    println!(
        "   {} {}, {} mentions in {} articles{}",
        kind_name(s.actor.kind),
        s.origin.as_str(),
        s.mentions,
        s.articles,
        s.actor
            .country
            .as_deref()
            .map(|c| format!(", country {c}"))
            .unwrap_or_default()
    );
    if !s.actor.aliases.is_empty() {
        println!(
            "   aliases: {}",
            ellipsize(&s.actor.aliases.join("; "), 200)
        );
    }
    print_names_and_roles(s, false);
    println!();
    let mut last_article = String::new();
    for m in &detail.mentions {
        if m.mention.article != last_article {
            last_article = m.mention.article.clone();
            println!(
                "── {}  {}  {}",
                short_id(&m.mention.article),
                m.published.as_deref().unwrap_or("undated"),
                ellipsize(&m.title, 80)
            );
        }
        let mut tag = format!(
            "{} [{}..{}]",
            m.mention.text, m.mention.start, m.mention.end
        );
        if let Some(r) = &m.mention.role {
            tag.push_str(&format!(
                " as {}{}",
                r.title,
                r.of.as_deref()
                    .map(|o| format!(" of {o}"))
                    .unwrap_or_default()
            ));
        }
        if m.as_candidate {
            let score = m
                .mention
                .candidates
                .iter()
                .find(|c| c.actor == s.actor.id)
                .map_or(0.0, |c| c.score);
            tag.push_str(&format!(" (ambiguous: candidate, score {score:.2})"));
        }
        println!("  {tag}");
        if let Some(sentence) = &m.sentence {
            println!("      {}", ellipsize(sentence, 300));
        }
    }
    Ok(Code::Success)
}

fn print_names_and_roles(s: &ActorSummary, compact: bool) {
    if !s.names.is_empty() {
        let names: Vec<String> = s.names.iter().map(|(n, c)| format!("{n} ×{c}")).collect();
        println!("{}seen as: {}", indent(compact), names.join(", "));
    }
    let roles: Vec<&Role> = s
        .actor
        .roles
        .iter()
        .filter(|r| !compact || r.source == Some(RoleSource::Article) || r.to.is_none())
        .collect();
    for r in roles {
        println!("{}role: {}", indent(compact), role_text(r));
    }
}

fn indent(compact: bool) -> &'static str {
    if compact {
        "                               "
    } else {
        "   "
    }
}

fn role_text(r: &Role) -> String {
    let mut t = r.title.clone();
    if let Some(of) = &r.of {
        t.push_str(&format!(" of {of}"));
    }
    let dates = match (&r.from, &r.to) {
        (Some(f), Some(to)) if f == to => format!(" on {f}"),
        (Some(f), Some(to)) => format!(" {f} – {to}"),
        (Some(f), None) => format!(" since {f}"),
        (None, Some(to)) => format!(" until {to}"),
        (None, None) => String::new(),
    };
    t.push_str(&dates);
    match r.source {
        Some(RoleSource::Article) => {
            let ev: Vec<String> = r
                .evidence
                .iter()
                .map(|e| format!("{}:{}..{}", short_id(&e.article), e.start, e.end))
                .collect();
            t.push_str(&format!(" (asserted by articles: {})", ev.join(", ")));
        }
        Some(RoleSource::Kb) => t.push_str(" (kb)"),
        None => {}
    }
    t
}

fn summary_json(s: &ActorSummary) -> Value {
    let names: Vec<Value> = s
        .names
        .iter()
        .map(|(n, c)| json!({"text": n, "count": c}))
        .collect();
    json!({
        "id": s.actor.id,
        "name": s.actor.name,
        "kind": s.actor.kind,
        "country": s.actor.country,
        "origin": s.origin.as_str(),
        "mentions": s.mentions,
        "articles": s.articles,
        "names": names,
        "aliases": s.actor.aliases,
        "roles": s.actor.roles,
    })
}

fn detail_json(d: &ActorDetail) -> Value {
    let mentions: Vec<Value> = d
        .mentions
        .iter()
        .map(|m| {
            let mut v = serde_json::to_value(&m.mention).unwrap_or(Value::Null);
            if let Value::Object(o) = &mut v {
                o.insert("as_candidate".into(), json!(m.as_candidate));
                o.insert("article_title".into(), json!(m.title));
                o.insert("published".into(), json!(m.published));
                o.insert("sentence_index".into(), json!(m.sentence_index));
                o.insert("sentence".into(), json!(m.sentence));
            }
            v
        })
        .collect();
    json!({ "actor": summary_json(&d.summary), "mentions": mentions })
}
