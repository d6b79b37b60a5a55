//! `newsgraph watch`: poll feeds and ingest their new items as they appear.
//!
//! Polling is `newsgraph-web`'s poller: conditional GET (ETag, Last-Modified), backoff
//! on errors, the item's page fetched when the feed carries only a summary, one request
//! at a time with a delay per host, robots.txt honoured, a User-Agent naming newsgraph.
//! Every new item goes through the same pipeline as `ingest` and is stored in its own
//! transaction, so Ctrl-C (or a kill) loses nothing already stored.
//!
//! Items seen are remembered for the run; after a restart, items are fetched again but
//! their content ids make storing them a no-op.

use crate::exit::Code;
use crate::output::Global;
use anyhow::Context;
use clap::Args;
use newsgraph_pipeline::{Filed, Ingestor};
use newsgraph_web::{PollConfig, PollEvent, Poller};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// Arguments of `newsgraph watch`.
#[derive(Debug, Args)]
pub struct WatchArgs {
    /// Feed URLs (RSS, Atom or JSON Feed).
    #[arg(value_name = "URL")]
    urls: Vec<String>,

    /// A file of feed URLs, one per line (`#` starts a comment).
    #[arg(long, value_name = "FILE")]
    urls_file: Option<PathBuf>,

    /// Seconds between polls of one feed.
    #[arg(long, default_value_t = 900)]
    interval: u64,

    /// Seconds to wait between two requests to the same host.
    #[arg(long, default_value_t = 2.0)]
    host_delay: f64,

    /// Poll every feed once, ingest what is new, and exit.
    #[arg(long)]
    once: bool,

    /// Use only the text the feed carries; never fetch item pages.
    #[arg(long)]
    no_pages: bool,
}

/// Runs `newsgraph watch`.
pub fn run(global: &Global, args: WatchArgs) -> anyhow::Result<Code> {
    let mut urls = args.urls.clone();
    if let Some(file) = &args.urls_file {
        let text = std::fs::read_to_string(file)
            .with_context(|| format!("cannot read {}", file.display()))?;
        urls.extend(
            text.lines()
                .map(|l| l.split('#').next().unwrap_or("").trim())
                .filter(|l| !l.is_empty())
                .map(str::to_string),
        );
    }
    if urls.is_empty() {
        anyhow::bail!("no feed to watch: give URLs or --urls-file FILE");
    }
    for url in &urls {
        if !(url.starts_with("http://") || url.starts_with("https://")) {
            anyhow::bail!("{url}: not an http(s) URL");
        }
    }
    let mut store = global.open_store()?;
    let cancel = Arc::new(AtomicBool::new(false));
    {
        let flag = Arc::clone(&cancel);
        let _ = ctrlc::set_handler(move || flag.store(true, Ordering::SeqCst));
    }
    let config = PollConfig {
        interval: Duration::from_secs(args.interval.max(1)),
        min_host_delay: Duration::from_secs_f64(args.host_delay.max(0.0)),
        fetch_pages: !args.no_pages,
        ..PollConfig::default()
    };
    let mut poller = Poller::new(urls.clone(), config);
    let quiet = global.quiet;
    poller.on_event(move |event| {
        if quiet {
            return;
        }
        match event {
            PollEvent::FeedFailed { .. } | PollEvent::PageFailed { .. } => {
                eprintln!("warning: {event:?}")
            }
            _ => tracing::info!("{event:?}"),
        }
    });
    let opts = newsgraph_ingest::read::ReadOptions::default();
    let mut ingestor = Ingestor::new(&mut store);
    let (mut stored, mut present, mut failed) = (0u64, 0u64, 0u64);
    let mut sink = |web: newsgraph_web::WebArticle| -> anyhow::Result<()> {
        let raw = newsgraph_ingest::read::web::from_web_article(web);
        let origin = raw.origin.clone();
        match newsgraph_ingest::read::build_article(raw, &opts) {
            Err(e) => {
                failed += 1;
                eprintln!("error: {e}");
            }
            Ok(read) => {
                let analysis = newsgraph_pipeline::analyze(read.article);
                match ingestor
                    .file(analysis)
                    .with_context(|| format!("{origin}: cannot store the article"))?
                {
                    Filed::AlreadyPresent => present += 1,
                    Filed::Stored | Filed::NearDuplicate(_) => {
                        stored += 1;
                        if !quiet {
                            eprintln!("stored {origin}");
                        }
                    }
                }
            }
        }
        Ok(())
    };
    if args.once {
        poller.poll_due(&cancel, &mut sink)?;
    } else {
        if !quiet {
            eprintln!(
                "watching {} feeds every {}s (Ctrl-C to stop)",
                urls.len(),
                args.interval
            );
        }
        poller.run(&cancel, &mut sink)?;
    }
    if !quiet {
        eprintln!(
            "{}: stored {stored}, already present {present}, failed {failed}",
            global.db.display()
        );
    }
    Ok(if cancel.load(Ordering::SeqCst) {
        Code::Interrupted
    } else if failed > 0 {
        Code::Partial
    } else {
        Code::Success
    })
}
