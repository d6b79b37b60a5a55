//! `newsgraph`: the command-line tool.
//!
//! Thin glue over the library crates: it parses arguments (clap), opens the store, runs
//! the pipeline and prints results for people (aligned text) or programs (`--json`).
//! Exit codes are part of the interface; see [`exit`].

mod actors;
mod analyze;
mod articles;
mod eval;
mod exit;
mod export;
mod ingest;
mod input;
mod output;
mod report;
mod search;
mod serve;
mod situation;
mod stories;
mod watch;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// newsgraph reads news and builds an evidence-backed picture of the situation it
/// describes: articles, actors, times, events, quotes, figures and stories.
#[derive(Debug, Parser)]
#[command(name = "newsgraph", version)]
#[command(after_help = exit::EXIT_CODES_HELP)]
struct Cli {
    /// The SQLite database to use (created when missing).
    #[arg(
        long,
        global = true,
        env = "NEWSGRAPH_DB",
        default_value = "newsgraph.db"
    )]
    db: PathBuf,

    /// Print more about what happens (-v: info, -vv: debug). RUST_LOG also works.
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    verbose: u8,

    /// Print only errors: no progress bar, no warnings, no summary.
    #[arg(short, long, global = true)]
    quiet: bool,

    /// Extend the knowledge base with this file (same format as the built-in data;
    /// repeatable, later files may refer to earlier ones).
    #[arg(long = "kb", global = true, value_name = "FILE")]
    kb: Vec<PathBuf>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Read articles and print what newsgraph finds in them, without storing anything.
    Analyze(analyze::AnalyzeArgs),
    /// Read articles into the store (idempotent: re-ingesting stores nothing twice).
    Ingest(ingest::IngestArgs),
    /// List stored articles by publication date, oldest first (undated last).
    Articles(articles::ArticlesArgs),
    /// Show one stored article by id or unique id prefix.
    Show(articles::ShowArgs),
    /// Full-text search over stored articles, ranked, with highlighted snippets.
    Search(search::SearchArgs),
    /// List stored actors with mention counts, roles and names; `actors show NAME`
    /// shows one actor with every mention and its sentence.
    Actors(actors::ActorsArgs),
    /// What the stored articles say happened: events (date, modality, who → what →
    /// whom, where, according to whom), quotes and figures, each with its evidence.
    Report(report::ReportArgs),
    /// Storylines: articles grouped by the situation they follow, most recently active
    /// first, with their span, size and key actors.
    Stories(stories::StoriesArgs),
    /// Events merged across articles, in time order, with how many independent
    /// sources report each and where reports disagree.
    Timeline(stories::TimelineArgs),
    /// Poll RSS/Atom/JSON feeds and ingest new items as they appear.
    Watch(watch::WatchArgs),
    /// Export the store as JSON Lines, CSV or Parquet tables, a GDELT-style event
    /// table (TSV) or a GraphML graph of actors and their relations.
    Export(export::ExportArgs),
    /// Serve the JSON API (OpenAPI at /api/openapi.json) and the web UI over the store.
    Serve(serve::ServeArgs),
    /// Score a stage of newsgraph on a benchmark file in its standard format.
    #[command(subcommand)]
    Eval(eval::EvalCommand),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_logging(cli.verbose, cli.quiet);
    if let Err(err) = actors::install_kb(&cli.kb, cli.quiet) {
        eprintln!("error: {err:#}");
        return exit::Code::Fatal.into();
    }
    let global = output::Global {
        db: cli.db,
        quiet: cli.quiet,
    };
    let result = match cli.command {
        Command::Analyze(args) => analyze::run(&global, args),
        Command::Ingest(args) => ingest::run(&global, args),
        Command::Articles(args) => articles::list(&global, args),
        Command::Show(args) => articles::show(&global, args),
        Command::Search(args) => search::run(&global, args),
        Command::Actors(args) => actors::run(&global, args),
        Command::Report(args) => report::run(&global, args),
        Command::Stories(args) => stories::stories(&global, args),
        Command::Timeline(args) => stories::timeline(&global, args),
        Command::Watch(args) => watch::run(&global, args),
        Command::Export(args) => export::run(&global, args),
        Command::Serve(args) => serve::run(&global, args),
        Command::Eval(cmd) => eval::run(&global, cmd),
    };
    match result {
        Ok(code) => code.into(),
        Err(err) => {
            eprintln!("error: {err:#}");
            exit::Code::Fatal.into()
        }
    }
}

fn init_logging(verbose: u8, quiet: bool) {
    use tracing_subscriber::EnvFilter;
    let default = match (quiet, verbose) {
        (true, _) => "error",
        (false, 0) => "warn",
        (false, 1) => "info",
        (false, _) => "debug",
    };
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(default));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_target(false)
        .without_time()
        .init();
}
