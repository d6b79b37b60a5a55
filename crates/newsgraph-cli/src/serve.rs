//! `newsgraph serve`: the JSON API and the web UI over the store (see the
//! `newsgraph-serve` crate).

use crate::exit::Code;
use crate::output::Global;
use clap::Args;
use std::net::SocketAddr;

/// Arguments of `newsgraph serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on. Anything but a loopback address exposes the server to the
    /// network: writes are then refused unless a token is given.
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: SocketAddr,

    /// Token that write requests must send as `Authorization: Bearer TOKEN`.
    #[arg(long, env = "NEWSGRAPH_TOKEN", hide_env_values = true)]
    token: Option<String>,

    /// Largest request body accepted, in bytes.
    #[arg(long, default_value_t = newsgraph_serve::DEFAULT_MAX_BODY_BYTES)]
    max_body_bytes: usize,

    /// Store connections for concurrent reads.
    #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u16).range(1..=64))]
    connections: u16,

    /// Megabytes of answers to keep in memory (0: no cache). Cached answers are
    /// dropped as soon as the store changes.
    #[arg(long, default_value_t = 128)]
    cache_mb: usize,

    /// Draw timelines as if today were this date (YYYY-MM-DD), for reproducible pages
    /// and screenshots; default: the system date.
    #[arg(long, value_name = "DATE")]
    today: Option<String>,
}

/// Runs `newsgraph serve` until Ctrl-C.
pub fn run(global: &Global, args: ServeArgs) -> anyhow::Result<Code> {
    let today = match args.today.as_deref() {
        None => None,
        Some(d) => match newsgraph_serve::dates::day_range(d) {
            Some((first, _)) => Some(first),
            None => anyhow::bail!("--today {d:?} is not a date (try 2026-03-12)"),
        },
    };
    if !global.db.exists() {
        eprintln!(
            "warning: no store at {} yet: starting with an empty one",
            global.db.display()
        );
    }
    let config = newsgraph_serve::Config {
        addr: args.addr,
        token: args.token,
        max_body_bytes: args.max_body_bytes,
        connections: usize::from(args.connections),
        cache_bytes: args.cache_mb.saturating_mul(1024 * 1024),
        today,
    };
    newsgraph_serve::run(&global.db, &config)?;
    Ok(Code::Success)
}
