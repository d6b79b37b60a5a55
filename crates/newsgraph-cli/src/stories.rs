//! `newsgraph stories` (storylines, most recently active first) and `newsgraph timeline`
//! (merged events in time order, across stories or within one).

use clap::Args;
use newsgraph_store::{MergedQuery, Store, StoryQuery};
use serde_json::json;

use crate::exit::Code;
use crate::output::{self, short_id, Global};
use crate::situation::{describe, Names};

/// Arguments of `newsgraph stories`.
#[derive(Debug, Args)]
pub struct StoriesArgs {
    /// Only stories with this key actor (id, name or alias).
    #[arg(long)]
    actor: Option<String>,

    /// Only stories active on or after this date (YYYY-MM-DD or a prefix).
    #[arg(long)]
    from: Option<String>,

    /// Only stories begun on or before this date.
    #[arg(long)]
    to: Option<String>,

    /// Only stories with at least this many articles.
    #[arg(long, default_value_t = 1)]
    min_size: u32,

    /// Most stories to show.
    #[arg(long, default_value_t = 50)]
    limit: usize,

    /// Print JSON (the report contract's story records, with counts).
    #[arg(long)]
    json: bool,
}

/// Arguments of `newsgraph timeline`.
#[derive(Debug, Args)]
pub struct TimelineArgs {
    /// Only events involving this actor (id, name or alias) as source, target or place.
    #[arg(long)]
    actor: Option<String>,

    /// Only this story's events.
    #[arg(long)]
    story: Option<String>,

    /// Only events dated on or after this date (YYYY-MM-DD or a prefix).
    #[arg(long)]
    from: Option<String>,

    /// Only events dated on or before this date.
    #[arg(long)]
    to: Option<String>,

    /// Only this PLOVER type (ASSAULT, CONSULT, …).
    #[arg(long = "type", value_name = "PLOVER")]
    kind: Option<String>,

    /// Only this modality (ASSERTED, PLANNED, …).
    #[arg(long)]
    modality: Option<String>,

    /// Print each event's reports (article, outlet, span) under it.
    #[arg(long)]
    evidence: bool,

    /// Most events to show.
    #[arg(long, default_value_t = 500)]
    limit: usize,

    /// Print JSON (merged events with their evidence).
    #[arg(long)]
    json: bool,
}

/// Resolves a user-given actor name to one actor id, or explains why not.
pub fn resolve_actor<S: Store + ?Sized>(
    store: &S,
    name: &str,
) -> anyhow::Result<Result<String, Code>> {
    let found = store.find_actors(name)?;
    Ok(match found.as_slice() {
        [] => {
            eprintln!("error: no actor named {name:?}");
            Err(Code::NotFound)
        }
        [one] => Ok(one.actor.id.clone()),
        many => {
            if let Some(exact) = many.iter().find(|s| s.actor.id == name) {
                return Ok(Ok(exact.actor.id.clone()));
            }
            eprintln!("error: {name:?} is ambiguous:");
            for s in many {
                eprintln!("  {}  {}", s.actor.id, s.actor.name);
            }
            Err(Code::NotFound)
        }
    })
}

/// Runs `newsgraph stories`.
pub fn stories(global: &Global, args: StoriesArgs) -> anyhow::Result<Code> {
    let store = global.open_existing_store()?;
    let actor = match &args.actor {
        None => None,
        Some(name) => match resolve_actor(&store, name)? {
            Ok(id) => Some(id),
            Err(code) => return Ok(code),
        },
    };
    let list = store.stories(&StoryQuery {
        actor,
        min_size: args.min_size,
        from: args.from.clone(),
        to: args.to.clone(),
        limit: args.limit,
    })?;
    if args.json {
        let rows: Vec<_> = list
            .iter()
            .map(|s| json!({"story": s.story, "articles": s.size, "events": s.events}))
            .collect();
        output::print_json(&rows)?;
        return Ok(Code::Success);
    }
    let names = Names::load(
        &store,
        list.iter()
            .flat_map(|s| s.story.actors.iter().take(4).cloned()),
    )?;
    for s in &list {
        let span = match (&s.story.first, &s.story.last) {
            (Some(f), Some(l)) if f != l => format!("{f} – {l}"),
            (Some(f), _) => f.clone(),
            _ => "undated".to_string(),
        };
        println!(
            "{}  {:>3} art  {:>3} ev  {:<23}  {}",
            s.story.id,
            s.size,
            s.events,
            span,
            output::ellipsize(&s.story.title, 90)
        );
        let actors: Vec<String> = s
            .story
            .actors
            .iter()
            .take(4)
            .map(|a| names.name(a))
            .collect();
        if !actors.is_empty() {
            println!("{:>24}actors: {}", "", actors.join(", "));
        }
    }
    if !global.quiet {
        eprintln!(
            "{} stor{}",
            list.len(),
            if list.len() == 1 { "y" } else { "ies" }
        );
    }
    Ok(Code::Success)
}

/// Runs `newsgraph timeline`.
pub fn timeline(global: &Global, args: TimelineArgs) -> anyhow::Result<Code> {
    let store = global.open_existing_store()?;
    let actor = match &args.actor {
        None => None,
        Some(name) => match resolve_actor(&store, name)? {
            Ok(id) => Some(id),
            Err(code) => return Ok(code),
        },
    };
    if let Some(id) = &args.story {
        if store.story(id)?.is_none() {
            eprintln!("error: no story with id {id:?} (see `newsgraph stories`)");
            return Ok(Code::NotFound);
        }
    }
    let events = store.merged_events(&MergedQuery {
        story: args.story.clone(),
        actor,
        kind: args.kind.as_ref().map(|k| k.to_uppercase()),
        modality: args.modality.as_ref().map(|m| m.to_uppercase()),
        from: args.from.clone(),
        to: args.to.clone(),
        limit: args.limit,
    })?;
    if args.json {
        output::print_json(&events)?;
        return Ok(Code::Success);
    }
    let names = Names::load(
        &store,
        events
            .iter()
            .flat_map(|m| m.source.iter().chain(&m.target).chain(&m.place).cloned()),
    )?;
    for m in &events {
        let when = m
            .time
            .clone()
            .or_else(|| m.first_reported.clone())
            .unwrap_or_else(|| "undated".into());
        let modality = serde_json::to_value(m.modality)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        println!(
            "{when:<10}  {modality:<11}  {}  ({} report{}, {} source{})",
            describe(m, &names),
            m.reports,
            if m.reports == 1 { "" } else { "s" },
            m.independent_sources(),
            if m.independent_sources() == 1 {
                ""
            } else {
                "s"
            }
        );
        for c in &m.conflicts {
            println!("{:>14}! {c}", "");
        }
        if args.evidence {
            for r in &m.evidence {
                println!(
                    "{:>14}- {} [{}] {}",
                    "",
                    if r.outlet.is_empty() {
                        "(no outlet)"
                    } else {
                        &r.outlet
                    },
                    short_id(&r.article),
                    r.event
                );
            }
        }
    }
    if !global.quiet {
        eprintln!(
            "{} event{}",
            events.len(),
            if events.len() == 1 { "" } else { "s" }
        );
    }
    Ok(Code::Success)
}
