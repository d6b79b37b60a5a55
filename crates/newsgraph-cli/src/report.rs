//! `newsgraph report`: what the stored articles say happened, as a reader wants it —
//! one line per event (date, modality, who → what → whom, where, according to whom),
//! then the quotes and the figures, each pointing back to its article and byte span.

use crate::exit::Code;
use crate::output::{self, ellipsize, short_id, Global};
use clap::Args;
use newsgraph_store::claims::{ClaimQuery, EventQuery};
use newsgraph_store::Store;
use serde_json::json;
use std::collections::HashMap;

/// Arguments of `newsgraph report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Only events involving this actor (id, name or alias).
    #[arg(long)]
    actor: Option<String>,

    /// Only this PLOVER type (ASSAULT, CONSULT, …).
    #[arg(long = "type", value_name = "PLOVER")]
    kind: Option<String>,

    /// Only this modality (ASSERTED, REPORTED, PLANNED, POSSIBLE, CONDITIONAL,
    /// THREATENED, NEGATED).
    #[arg(long)]
    modality: Option<String>,

    /// Only events dated on or after this date (YYYY-MM-DD or a prefix).
    #[arg(long)]
    from: Option<String>,

    /// Only events dated on or before this date (YYYY-MM-DD or a prefix).
    #[arg(long)]
    to: Option<String>,

    /// Only this article (id or unique prefix).
    #[arg(long)]
    article: Option<String>,

    /// Print each event's evidence sentence under it.
    #[arg(long)]
    evidence: bool,

    /// Most events to show.
    #[arg(long, default_value_t = 200)]
    limit: usize,

    /// Print JSON: `{"events": [...], "quotes": [...], "quantities": [...]}` (same as
    /// `--format json`).
    #[arg(long)]
    json: bool,

    /// The situation report of this story (see `newsgraph stories`): summary, key
    /// actors, timeline past and ahead, figures and their trend, open questions.
    /// `--story latest` picks the most recently active story.
    #[arg(long, value_name = "ID")]
    story: Option<String>,

    /// Output format: text, md (Markdown), html (one self-contained page) or json.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

/// Output formats of `newsgraph report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Aligned text for a terminal.
    Text,
    /// Markdown.
    Md,
    /// A self-contained HTML page.
    Html,
    /// JSON.
    Json,
}

/// Runs `newsgraph report --story ID`: the situation report of one story.
fn run_story(global: &Global, id: &str, format: Format) -> anyhow::Result<Code> {
    let store = global.open_existing_store()?;
    let id = if id == "latest" {
        match store
            .stories(&newsgraph_store::StoryQuery {
                limit: 1,
                ..Default::default()
            })?
            .first()
        {
            Some(s) => s.story.id.clone(),
            None => {
                eprintln!("error: the store has no stories yet (ingest articles first)");
                return Ok(Code::NotFound);
            }
        }
    } else {
        id.to_string()
    };
    let Some(detail) = store.story(&id)? else {
        eprintln!("error: no story with id {id:?} (see `newsgraph stories`)");
        return Ok(Code::NotFound);
    };
    let situation = crate::situation::build(&store, &detail)?;
    match format {
        Format::Json => output::print_json(&situation)?,
        Format::Md => print!("{}", crate::situation::to_markdown(&situation)),
        Format::Html => print!("{}", crate::situation::to_html(&situation)),
        Format::Text => print!("{}", crate::situation::to_text(&situation)),
    }
    Ok(Code::Success)
}

/// Runs `newsgraph report`.
pub fn run(global: &Global, args: ReportArgs) -> anyhow::Result<Code> {
    if let Some(id) = &args.story {
        return run_story(
            global,
            id,
            if args.json { Format::Json } else { args.format },
        );
    }
    if matches!(args.format, Format::Md | Format::Html) {
        eprintln!("error: --format md and html are for the situation report of a story: add --story ID (or --story latest)");
        return Ok(Code::Usage);
    }
    let json_out = args.json || args.format == Format::Json;
    let store = global.open_existing_store()?;
    let article = match &args.article {
        None => None,
        Some(id) => match store.get_article(id)? {
            Some(a) => Some(a.article.id),
            None => {
                eprintln!("error: no article with id {id:?}");
                return Ok(Code::NotFound);
            }
        },
    };
    let actor = match &args.actor {
        None => None,
        Some(name) => {
            let found = store.find_actors(name)?;
            match found.as_slice() {
                [] => {
                    eprintln!("error: no actor named {name:?}");
                    return Ok(Code::NotFound);
                }
                [one] => Some(one.actor.id.clone()),
                many => {
                    eprintln!("error: {name:?} is ambiguous:");
                    for s in many {
                        eprintln!("  {}  {}", s.actor.id, s.actor.name);
                    }
                    return Ok(Code::NotFound);
                }
            }
        }
    };
    let query = EventQuery {
        article: article.clone(),
        actor,
        kind: args.kind.as_ref().map(|k| k.to_uppercase()),
        modality: args.modality.as_ref().map(|m| m.to_uppercase()),
        from: args.from.clone(),
        to: args.to.clone(),
        limit: args.limit,
    };
    let events = store.events(&query)?;
    let claims = ClaimQuery {
        article,
        limit: args.limit,
    };
    let quotes = store.quotes(&claims)?;
    let quantities = store.quantities(&claims)?;

    if json_out {
        let events: Vec<_> = events
            .iter()
            .map(|e| {
                json!({"event": e.event, "title": e.title, "published": e.published,
                            "source": e.source, "sentence": e.sentence})
            })
            .collect();
        let quotes: Vec<_> = quotes
            .iter()
            .map(|q| json!({"quote": q.record, "title": q.title, "published": q.published, "source": q.source}))
            .collect();
        let quantities: Vec<_> = quantities
            .iter()
            .map(|q| json!({"quantity": q.record, "title": q.title, "published": q.published, "source": q.source}))
            .collect();
        output::print_json(&json!({"events": events, "quotes": quotes, "quantities": quantities}))?;
        return Ok(Code::Success);
    }

    let mut names = Names {
        store: &store,
        cache: HashMap::new(),
    };
    println!("EVENTS ({})", events.len());
    for r in &events {
        let e = &r.event;
        let when = e
            .time
            .as_ref()
            .map(|t| t.value.clone())
            .or_else(|| r.published.clone().map(|p| p.chars().take(10).collect()))
            .unwrap_or_else(|| "undated".into());
        let kind = serde_json::to_value(e.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let modality = serde_json::to_value(e.modality)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let what = match &e.mode {
            Some(mode) => format!("{kind}/{mode}"),
            None => kind,
        };
        let mut line = format!(
            "{when:<10}  {modality:<11}  {} → {what} → {}",
            names.list(&e.source),
            names.list(&e.target)
        );
        if !e.place.is_empty() {
            line.push_str(&format!("  at {}", names.list(&e.place)));
        }
        if !e.attributed_to.is_empty() {
            line.push_str(&format!(
                "  (according to {})",
                names.list(&e.attributed_to)
            ));
        }
        line.push_str(&format!(
            "  [{}:{}..{}]",
            short_id(&e.article),
            e.start,
            e.end
        ));
        println!("{line}");
        if args.evidence {
            println!("            “{}”", ellipsize(&r.sentence, 300));
        }
    }
    println!("\nQUOTES ({})", quotes.len());
    for q in &quotes {
        let who = match q.record.speaker.as_deref() {
            Some(id) => names.name(id),
            None => "?".to_string(),
        };
        let cue = q.record.cue.as_deref().unwrap_or("said");
        println!(
            "{}  {who} {cue}: “{}”  [{}:{}..{}]",
            q.published
                .as_deref()
                .map_or("undated".into(), |p| p.chars().take(10).collect::<String>()),
            ellipsize(&q.record.text, 200),
            short_id(&q.record.article),
            q.record.start,
            q.record.end
        );
    }
    println!("\nFIGURES ({})", quantities.len());
    for q in &quantities {
        let r = &q.record;
        let approx = r
            .approx
            .and_then(|a| serde_json::to_value(a).ok())
            .and_then(|v| v.as_str().map(|s| format!("{} ", s.replace('_', " "))))
            .unwrap_or_default();
        let subject = match r.subject.as_deref() {
            Some(s) => format!(" in/of {}", names.name(s)),
            None => String::new(),
        };
        let period = r
            .period
            .as_deref()
            .map(|p| format!(" ({p})"))
            .unwrap_or_default();
        let according = if r.attributed_to.is_empty() {
            String::new()
        } else {
            format!(" according to {}", names.list(&r.attributed_to))
        };
        println!(
            "{}  {}: {approx}{}{}{subject}{period}{according}  “{}”  [{}:{}..{}]",
            q.published
                .as_deref()
                .map_or("undated".into(), |p| p.chars().take(10).collect::<String>()),
            r.measure.as_deref().unwrap_or("figure"),
            r.value,
            r.unit
                .as_deref()
                .map(|u| format!(" {u}"))
                .unwrap_or_default(),
            r.text,
            short_id(&r.article),
            r.start,
            r.end
        );
    }
    Ok(Code::Success)
}

/// Actor names by id, looked up once each.
struct Names<'s, S: Store> {
    store: &'s S,
    cache: HashMap<String, String>,
}

impl<S: Store> Names<'_, S> {
    /// The actor's name (its id when the store does not know it).
    fn name(&mut self, id: &str) -> String {
        if let Some(n) = self.cache.get(id) {
            return n.clone();
        }
        let n = self
            .store
            .find_actors(id)
            .ok()
            .and_then(|found| found.into_iter().find(|s| s.actor.id == id))
            .map_or_else(|| id.to_string(), |s| s.actor.name);
        self.cache.insert(id.to_string(), n.clone());
        n
    }

    /// Several actors' names joined with " + "; "?" for none.
    fn list(&mut self, ids: &[String]) -> String {
        if ids.is_empty() {
            return "?".to_string();
        }
        ids.iter()
            .map(|id| self.name(id))
            .collect::<Vec<_>>()
            .join(" + ")
    }
}
