//! `newsgraph export`: the store's content in formats other tools read — JSON Lines
//! (the report contract record by record), CSV and Parquet tables (pandas, polars,
//! spreadsheets, DuckDB), a GDELT-style event table (tools built for GDELT), GraphML
//! (Gephi and other graph tools).
//!
//! Every format is built on one streaming walk over the store ([`walk`]): articles
//! page by page, then stories one at a time, then actors; nothing is loaded whole.
//! The formats differ only in how they write the records the walk hands them:
//! [`jsonl`], [`tables`] with a [`sink`] (CSV, TSV) or [`parquet`], [`gdelt`],
//! [`graphml`]. The layouts are documented in `docs/export.md`.

mod gdelt;
mod graphml;
mod jsonl;
mod parquet;
mod select;
mod sink;
mod tables;
mod walk;

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::{Args, ValueEnum};
use newsgraph_store::Store;

use crate::exit::Code;
use crate::output::{ArticleFilter, Global};
use select::{ArticleMatch, Selection};
use sink::TableSink;
use tables::Table;
use walk::{Record, Wants};

/// Output formats of `newsgraph export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One JSON object per line: `{"kind": K, K: record}` (report contract objects).
    Jsonl,
    /// CSV with a header row (RFC 4180); `--what all` writes one file per table.
    Csv,
    /// Events laid out like GDELT 2.0's event table, tab-separated.
    EventsTsv,
    /// Actors and their relations as a GraphML graph (Gephi).
    Graphml,
    /// Parquet tables (pandas, polars); `--what all` writes one file per table.
    Parquet,
}

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum What {
    /// Articles with metadata and clean body.
    Articles,
    /// Mentions of names.
    Mentions,
    /// Time expressions.
    Timexes,
    /// Events as each article reports them.
    Events,
    /// Quotes.
    Quotes,
    /// Figures.
    Quantities,
    /// Stories.
    Stories,
    /// Merged events: one real-world event with the reports behind it.
    Merged,
    /// Figure series (tables: one row per point).
    Series,
    /// Actors with their counts in the exported articles.
    Actors,
    /// Everything (jsonl: one stream; csv and parquet: one file per table in --out DIR).
    All,
}

impl What {
    fn table(self) -> Option<Table> {
        Some(match self {
            What::Articles => Table::Articles,
            What::Mentions => Table::Mentions,
            What::Timexes => Table::Timexes,
            What::Events => Table::Events,
            What::Quotes => Table::Quotes,
            What::Quantities => Table::Quantities,
            What::Stories => Table::Stories,
            What::Merged => Table::Merged,
            What::Series => Table::Series,
            What::Actors => Table::Actors,
            What::All => return None,
        })
    }
}

/// Arguments of `newsgraph export`.
#[derive(Debug, Args)]
#[command(after_help = "\
Output goes to stdout unless --out is given. `--what all` in csv and parquet needs \
--out DIR (one file per table, DIR created when missing). Parquet is binary: it is \
written to stdout only when stdout is not a terminal (a pipe or a file).

Filters: --source/--from/--to select articles; the facts exported are those of the \
selected articles, and the stories, merged events and series with at least one \
selected article. Layouts and columns: docs/export.md.

Examples:
  newsgraph export --format jsonl --out all.jsonl
  newsgraph export --format csv --what events --from 2026-03 > events.csv
  newsgraph export --format parquet --out tables/
  newsgraph export --format events-tsv --what merged --no-header > events.tsv
  newsgraph export --format graphml --story bacfacda --out story.graphml")]
pub struct ExportArgs {
    /// Output format.
    #[arg(long, value_enum)]
    format: Format,

    /// What to export [default: all for jsonl, csv and parquet; merged for events-tsv
    /// and graphml, which also take events].
    #[arg(long, value_enum)]
    what: Option<What>,

    /// Write to this file (a directory for `--what all` in csv and parquet).
    #[arg(long, short, value_name = "PATH")]
    out: Option<PathBuf>,

    #[command(flatten)]
    filter: ArticleFilter,

    /// Only this story (its id, with or without the `story:` prefix).
    #[arg(long, value_name = "ID")]
    story: Option<String>,

    /// Leave out the header row (csv, events-tsv; GDELT's own files have none).
    #[arg(long)]
    no_header: bool,
}

/// Runs `newsgraph export`.
pub fn run(global: &Global, args: ExportArgs) -> anyhow::Result<Code> {
    let store = global.open_existing_store()?;
    let articles = ArticleMatch {
        source: args.filter.source.clone(),
        from: args.filter.from.clone(),
        to: args.filter.to.clone(),
    };
    if let Err(message) = articles.check() {
        eprintln!("error: {message}");
        return Ok(Code::Fatal);
    }
    let story = match &args.story {
        None => None,
        Some(id) => match resolve_story(&store, id)? {
            Some(full) => Some(full),
            None => {
                eprintln!("error: no story with id {id:?}");
                return Ok(Code::NotFound);
            }
        },
    };
    let sel = Selection { articles, story };
    let result = match args.format {
        Format::Jsonl => export_jsonl(&store, &sel, &args),
        Format::Csv | Format::Parquet => export_tables(&store, &sel, &args),
        Format::EventsTsv => export_events_tsv(&store, &sel, &args),
        Format::Graphml => export_graphml(&store, &sel, &args),
    };
    match result {
        Ok(Outcome::Done(counts)) => {
            if !global.quiet {
                eprintln!("{}", summary(&counts, args.out.as_deref()));
            }
            Ok(Code::Success)
        }
        Ok(Outcome::Usage(message)) => {
            eprintln!("error: {message}");
            Ok(Code::Fatal)
        }
        // A reader that stops early (`| head`) is not an error.
        Err(err) if is_broken_pipe(&err) => Ok(Code::Success),
        Err(err) => Err(err),
    }
}

/// How an export ended.
enum Outcome {
    /// Written: the number of records (or rows) per kind.
    Done(BTreeMap<&'static str, u64>),
    /// The options do not fit together.
    Usage(String),
}

/// The full id of a story given by id or by id without the `story:` prefix.
fn resolve_story<S: Store>(store: &S, id: &str) -> anyhow::Result<Option<String>> {
    for candidate in [id.to_string(), format!("story:{id}")] {
        if store.story(&candidate)?.is_some() {
            return Ok(Some(candidate));
        }
    }
    Ok(None)
}

/// Whether writing failed because the reader went away (the io error may be wrapped
/// by the JSON or CSV writer).
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == BrokenPipe)
            || e.downcast_ref::<serde_json::Error>()
                .is_some_and(|j| j.io_error_kind() == Some(BrokenPipe))
            || e.downcast_ref::<csv::Error>().is_some_and(
                |c| matches!(c.kind(), csv::ErrorKind::Io(io) if io.kind() == BrokenPipe),
            )
    })
}

fn summary(counts: &BTreeMap<&'static str, u64>, out: Option<&Path>) -> String {
    let parts: Vec<String> = counts.iter().map(|(k, n)| format!("{k} {n}")).collect();
    let what = if parts.is_empty() {
        "nothing".to_string()
    } else {
        parts.join(", ")
    };
    match out {
        Some(path) => format!("exported {what} (to {})", path.display()),
        None => format!("exported {what}"),
    }
}

/// A buffered writer on the file `out`, or on stdout.
fn open_output(out: Option<&Path>) -> anyhow::Result<Box<dyn Write + Send>> {
    Ok(match out {
        Some(path) => Box::new(BufWriter::new(
            File::create(path).with_context(|| format!("cannot create {}", path.display()))?,
        )),
        None => Box::new(BufWriter::new(std::io::stdout())),
    })
}

fn wants_of(what: What) -> Wants {
    let mut w = Wants::default();
    match what {
        What::All => return Wants::all(),
        What::Articles => w.articles = true,
        What::Mentions => w.mentions = true,
        What::Timexes => w.timexes = true,
        What::Events => w.events = true,
        What::Quotes => w.quotes = true,
        What::Quantities => w.quantities = true,
        What::Stories => w.stories = true,
        What::Merged => w.merged = true,
        What::Series => w.series = true,
        What::Actors => w.actors = true,
    }
    w
}

fn export_jsonl<S: Store>(
    store: &S,
    sel: &Selection,
    args: &ExportArgs,
) -> anyhow::Result<Outcome> {
    let what = args.what.unwrap_or(What::All);
    let mut out = open_output(args.out.as_deref())?;
    let mut counts = BTreeMap::new();
    walk::walk(store, sel, &wants_of(what), &mut |record| {
        jsonl::write_record(&mut out, &record)?;
        *counts.entry(record.kind()).or_insert(0) += 1;
        Ok(())
    })?;
    out.flush()?;
    Ok(Outcome::Done(counts))
}

fn export_tables<S: Store>(
    store: &S,
    sel: &Selection,
    args: &ExportArgs,
) -> anyhow::Result<Outcome> {
    let what = args.what.unwrap_or(What::All);
    let parquet = args.format == Format::Parquet;
    let ext = if parquet { "parquet" } else { "csv" };
    let header = !args.no_header;
    let new_sink =
        |out: Box<dyn Write + Send>, table: Table| -> anyhow::Result<Box<dyn TableSink>> {
            Ok(if parquet {
                Box::new(parquet::ParquetSink::new(out, table.columns())?)
            } else {
                Box::new(sink::CsvSink::new(out, table.columns(), header)?)
            })
        };
    let mut sinks: Vec<(Table, Box<dyn TableSink>)> = Vec::new();
    match what.table() {
        None => {
            let Some(dir) = &args.out else {
                return Ok(Outcome::Usage(format!(
                    "--what all writes one {ext} file per table: give --out DIR, or pick one table with --what"
                )));
            };
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create the directory {}", dir.display()))?;
            for table in Table::ALL {
                let path = dir.join(format!("{}.{ext}", table.name()));
                sinks.push((table, new_sink(open_output(Some(&path))?, table)?));
            }
        }
        Some(table) => {
            if parquet && args.out.is_none() && std::io::stdout().is_terminal() {
                return Ok(Outcome::Usage(
                    "Parquet is binary: give --out FILE, or redirect stdout to a file or pipe"
                        .into(),
                ));
            }
            sinks.push((table, new_sink(open_output(args.out.as_deref())?, table)?));
        }
    }
    let mut wants = Wants::default();
    for (table, _) in &sinks {
        match table {
            Table::Articles => wants.articles = true,
            Table::Mentions => wants.mentions = true,
            Table::Timexes => wants.timexes = true,
            Table::Events => wants.events = true,
            Table::Quotes => wants.quotes = true,
            Table::Quantities => wants.quantities = true,
            Table::Stories => wants.stories = true,
            Table::Merged => wants.merged = true,
            Table::Series => wants.series = true,
            Table::Actors => wants.actors = true,
        }
    }
    walk::walk(store, sel, &wants, &mut |record| {
        if let Some((table, rows)) = tables::rows(&record) {
            if let Some((_, sink)) = sinks.iter_mut().find(|(t, _)| *t == table) {
                for row in rows {
                    sink.row(&row)?;
                }
            }
        }
        Ok(())
    })?;
    let mut counts = BTreeMap::new();
    for (table, sink) in sinks {
        counts.insert(table.name(), sink.finish()?);
    }
    Ok(Outcome::Done(counts))
}

fn export_events_tsv<S: Store>(
    store: &S,
    sel: &Selection,
    args: &ExportArgs,
) -> anyhow::Result<Outcome> {
    let what = args.what.unwrap_or(What::Merged);
    let mut wants = Wants::default();
    match what {
        What::Events => wants.events = true,
        What::Merged => {
            wants.merged = true;
            wants.merged_reports = true;
        }
        _ => {
            return Ok(Outcome::Usage(
                "events-tsv exports --what merged (one row per real-world event) or --what events (one row per report)".into(),
            ))
        }
    }
    let header = gdelt::header();
    let mut sink = Box::new(sink::TsvSink::new(
        open_output(args.out.as_deref())?,
        (!args.no_header).then_some(header.as_slice()),
    )?);
    let mut actors = gdelt::ActorCache::new(store);
    walk::walk(store, sel, &wants, &mut |record| {
        let row = match record {
            Record::Event(r, ctx) => gdelt::article_event_row(r, ctx, &mut actors)?,
            Record::Merged(m, ctx) => gdelt::merged_event_row(m, ctx, &mut actors)?,
            _ => return Ok(()),
        };
        sink.row(&row)
    })?;
    let rows = sink.finish()?;
    let kind = if what == What::Events {
        "events"
    } else {
        "merged events"
    };
    Ok(Outcome::Done(BTreeMap::from([(kind, rows)])))
}

fn export_graphml<S: Store>(
    store: &S,
    sel: &Selection,
    args: &ExportArgs,
) -> anyhow::Result<Outcome> {
    let what = args.what.unwrap_or(What::Merged);
    let mut wants = Wants::default();
    match what {
        What::Events => wants.events = true,
        What::Merged => {
            wants.merged = true;
            // A story's graph shows all its key actors, related or not.
            wants.stories = sel.story.is_some();
        }
        _ => {
            return Ok(Outcome::Usage(
                "graphml exports the relations of --what merged (merged events, the default) or --what events".into(),
            ))
        }
    }
    let mut graph = graphml::Graph::default();
    walk::walk(store, sel, &wants, &mut |record| {
        match record {
            Record::Merged(m, _) => graph.add_merged(m),
            Record::Event(r, ctx) => graph.add_event(r, ctx),
            Record::Story(ctx) => {
                for a in &ctx.detail.story.actors {
                    graph.add_node(a);
                }
            }
            _ => {}
        }
        Ok(())
    })?;
    let mut out = open_output(args.out.as_deref())?;
    graphml::write(&graph, store, &mut out)?;
    Ok(Outcome::Done(BTreeMap::from([
        ("nodes", graph.nodes().len() as u64),
        ("edges", graph.edges().len() as u64),
    ])))
}
