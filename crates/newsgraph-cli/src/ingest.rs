//! `newsgraph ingest`: read articles into the store.
//!
//! Each article is written in its own transaction, so an interrupt (Ctrl-C, or even
//! kill -9) loses at most the article being written, and running the same command again
//! completes the rest: content ids make already-stored articles a no-op.

use crate::exit::Code;
use crate::input::{self, Item, ReadArgs};
use crate::output::{self, Global};
use clap::Args;
use newsgraph_pipeline::{Filed, Ingestor};
use serde::Serialize;
use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Instant;

/// Arguments of `newsgraph ingest`.
#[derive(Debug, Args)]
pub struct IngestArgs {
    #[command(flatten)]
    read: ReadArgs,

    /// Print the outcome as JSON (one object: counts, per-article outcomes, errors).
    #[arg(long)]
    json: bool,
}

/// What happened to one article or input, for `--json`.
#[derive(Debug, Serialize)]
struct Outcome {
    origin: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<String>,
    outcome: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    duplicate_of: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

/// The summary of a run.
#[derive(Debug, Default, Serialize)]
struct Summary {
    stored: u64,
    near_duplicates: u64,
    already_present: u64,
    failed: u64,
    warnings: u64,
    interrupted: bool,
    seconds: f64,
    articles: Vec<Outcome>,
}

impl Summary {
    /// Keeps an outcome for `--json` (not otherwise: a run may have millions).
    fn record(&mut self, keep: bool, outcome: Outcome) {
        if keep {
            self.articles.push(outcome);
        }
    }
}

/// Runs `newsgraph ingest`.
pub fn run(global: &Global, args: IngestArgs) -> anyhow::Result<Code> {
    let opts = args.read.options()?;
    let mut store = global.open_store()?;
    let interrupted = Arc::new(AtomicBool::new(false));
    {
        let flag = Arc::clone(&interrupted);
        // If a handler cannot be installed (another one exists), Ctrl-C simply kills the
        // process, which is still safe: every article is its own transaction.
        let _ = ctrlc::set_handler(move || flag.store(true, Ordering::SeqCst));
    }

    let started = Instant::now();
    let inputs = args.read.inputs();
    let total: u64 = inputs.iter().map(input::input_size).sum();
    let bar = global.progress(total, "ingesting");
    let mut summary = Summary::default();
    // Shared by the two callbacks below, which never run at the same time.
    let ingestor = RefCell::new(Ingestor::new(&mut store));
    let mut fatal: Option<anyhow::Error> = None;

    input::for_each_item(
        inputs,
        &opts,
        |bytes| bar.set_position(bytes),
        // An article already stored is not analysed again (a store error here is left
        // to `file`, which reports it).
        |id| ingestor.borrow().contains(id).unwrap_or(false),
        |item| {
            if interrupted.load(Ordering::SeqCst) {
                summary.interrupted = true;
                return false;
            }
            let (origin, id, warnings, analysis) = match item {
                Item::Failed(err) => {
                    summary.failed += 1;
                    bar.suspend(|| eprintln!("error: {err}"));
                    summary.record(
                        args.json,
                        Outcome {
                            origin: err.path().unwrap_or("").to_string(),
                            id: None,
                            outcome: "failed",
                            duplicate_of: None,
                            error: Some(err.to_string()),
                        },
                    );
                    return true;
                }
                Item::Present {
                    origin,
                    id,
                    warnings,
                } => (origin, id, warnings, None),
                Item::Article {
                    origin,
                    warnings,
                    analysis,
                } => (
                    origin,
                    analysis.article.id.clone(),
                    warnings,
                    Some(analysis),
                ),
            };
            summary.warnings += warnings.len() as u64;
            if !global.quiet {
                for w in &warnings {
                    bar.suspend(|| eprintln!("warning: {w}"));
                }
            }
            // An article known to be stored was not analysed: it is filed as present.
            let filed = match analysis {
                Some(analysis) => ingestor.borrow_mut().file(*analysis),
                None => Ok(Filed::AlreadyPresent),
            };
            match filed {
                Ok(filed) => {
                    let (outcome, duplicate_of) = match filed {
                        Filed::Stored => {
                            summary.stored += 1;
                            ("stored", None)
                        }
                        Filed::NearDuplicate(of) => {
                            summary.stored += 1;
                            summary.near_duplicates += 1;
                            ("near_duplicate", Some(of))
                        }
                        Filed::AlreadyPresent => {
                            summary.already_present += 1;
                            ("already_present", None)
                        }
                    };
                    bar.set_message(format!(
                        "{} stored, {} already present, {} failed",
                        summary.stored, summary.already_present, summary.failed
                    ));
                    summary.record(
                        args.json,
                        Outcome {
                            origin,
                            id: Some(id),
                            outcome,
                            duplicate_of,
                            error: None,
                        },
                    );
                }
                Err(err) => {
                    // The store itself failed: stop rather than fail every
                    // following article the same way.
                    fatal = Some(anyhow::Error::new(err).context(format!(
                        "{origin}: cannot store the article in {}",
                        global.db.display()
                    )));
                    return false;
                }
            }
            true
        },
    );
    bar.finish_and_clear();
    summary.seconds = started.elapsed().as_secs_f64();
    if interrupted.load(Ordering::SeqCst) {
        summary.interrupted = true;
    }

    if args.json {
        output::print_json(&summary)?;
    } else if !global.quiet {
        print_summary(global, &summary);
    }
    if let Some(err) = fatal {
        return Err(err);
    }
    Ok(if summary.interrupted {
        Code::Interrupted
    } else if summary.failed > 0 {
        Code::Partial
    } else {
        Code::Success
    })
}

fn print_summary(global: &Global, s: &Summary) {
    let near = if s.near_duplicates > 0 {
        format!(" ({} flagged as near duplicates)", s.near_duplicates)
    } else {
        String::new()
    };
    eprintln!(
        "{}: stored {}{near}, already present {}, failed {} in {:.2}s{}",
        global.db.display(),
        s.stored,
        s.already_present,
        s.failed,
        s.seconds,
        if s.warnings > 0 {
            format!(", {} warnings", s.warnings)
        } else {
            String::new()
        }
    );
    if s.interrupted {
        eprintln!("interrupted: everything stored so far is kept; run the same command again to ingest the rest");
    }
}
