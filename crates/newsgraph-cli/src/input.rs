//! Reading inputs for `analyze` and `ingest`: options, and a stream of analysed
//! articles built in parallel batches.
//!
//! Files are opened and split into raw articles one after another (I/O is sequential
//! and streamed, so a JSON Lines file of any size or a directory of 10,000 files is
//! read in bounded memory); cleaning and the per-article stages run on all cores, a
//! batch at a time; results come back in input order, so runs are deterministic.

use clap::{Args, ValueEnum};
use newsgraph_ingest::read::{self, Input, RawArticle, ReadArticle, ReadOptions};
use newsgraph_ingest::{IngestError, Warning};
use newsgraph_model::InputFormat;
use newsgraph_pipeline::Analysis;
use rayon::prelude::*;
use std::path::PathBuf;

/// How many raw articles are cleaned and analysed together.
const BATCH: usize = 256;

/// Input formats a user can force with `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Plain text as scraped from a page.
    Text,
    /// JSON Lines, one article object per line.
    Jsonl,
}

/// Options of the commands that read articles.
#[derive(Debug, Clone, Args)]
pub struct ReadArgs {
    /// Files or directories to read (directories recursively); `-` reads stdin.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Read every input as this format instead of detecting it.
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,

    /// The outlet to record when an input does not name one.
    #[arg(long)]
    pub source: Option<String>,

    /// Publication date for every article read (wins over dates in the text).
    #[arg(long)]
    pub date: Option<String>,

    /// Largest article accepted, in bytes (a text file, or one JSON Lines line).
    #[arg(long, default_value_t = read::DEFAULT_MAX_ARTICLE_BYTES)]
    pub max_article_bytes: u64,
}

impl ReadArgs {
    /// The reader options these arguments ask for; a `--date` newsgraph cannot read is
    /// an error here, once, rather than once per file.
    pub fn options(&self) -> anyhow::Result<ReadOptions> {
        if let Some(date) = &self.date {
            if newsgraph_ingest::clean::parse_date(date).is_none() {
                anyhow::bail!("--date {date:?} is not a date newsgraph can read (try 2026-01-31)");
            }
        }
        Ok(ReadOptions {
            format: self.format.map(|f| match f {
                FormatArg::Text => InputFormat::Text,
                FormatArg::Jsonl => InputFormat::Jsonl,
            }),
            source: self.source.clone(),
            date: self.date.clone(),
            max_article_bytes: self.max_article_bytes,
        })
    }

    /// The inputs the paths expand to (directories walked), with per-path errors.
    pub fn inputs(&self) -> Vec<Result<Input, IngestError>> {
        read::expand_inputs(&self.paths).collect()
    }
}

/// One item of the stream: an analysed article, or the error of an input or record.
pub enum Item {
    /// An article, with the warnings met while reading it.
    Article {
        /// Where it came from (`file`, `file:12`).
        origin: String,
        /// Non-fatal problems.
        warnings: Vec<Warning>,
        /// The per-article stages' output.
        analysis: Box<Analysis>,
    },
    /// An article the caller already has (same content id, as `known` said): read and
    /// identified but not analysed, so that re-reading a batch costs a read and a hash.
    Present {
        /// Where it came from (`file`, `file:12`).
        origin: String,
        /// Its content id.
        id: String,
        /// Non-fatal problems.
        warnings: Vec<Warning>,
    },
    /// An input or record that could not be read.
    Failed(IngestError),
}

/// Size in bytes of an input, when it is a file (0 for stdin or unknown): the unit of
/// the progress bar.
pub fn input_size(input: &Result<Input, IngestError>) -> u64 {
    match input {
        Ok(Input::Path(path)) => std::fs::metadata(path).map_or(0, |m| m.len()),
        _ => 0,
    }
}

/// Reads `inputs` with `opts` and calls `sink` with every item in input order, in
/// batches; `on_progress` gets the number of input bytes read so far (inputs streamed
/// as archives report as they go, others when done); `sink` returns false to stop early
/// (interrupt). `known` is asked, in input order, whether an article's content id is
/// already held (by the store); such articles come as [`Item::Present`], unanalysed.
pub fn for_each_item(
    inputs: Vec<Result<Input, IngestError>>,
    opts: &ReadOptions,
    mut on_progress: impl FnMut(u64),
    mut known: impl FnMut(&str) -> bool,
    mut sink: impl FnMut(Item) -> bool,
) {
    let mut batch: Vec<Result<RawArticle, IngestError>> = Vec::with_capacity(BATCH);
    let mut done = 0u64;
    for input in inputs {
        let size = input_size(&input);
        match input.and_then(|input| read::read_raw(&input, opts)) {
            Err(e) => batch.push(Err(e)),
            Ok(raws) => {
                let progress = raws.progress();
                for raw in raws {
                    batch.push(raw);
                    if let Some(p) = &progress {
                        on_progress(done + p.load(std::sync::atomic::Ordering::Relaxed).min(size));
                    }
                    if batch.len() >= BATCH && !flush(&mut batch, opts, &mut known, &mut sink) {
                        return;
                    }
                }
            }
        }
        done += size;
        on_progress(done);
    }
    flush(&mut batch, opts, &mut known, &mut sink);
}

fn flush(
    batch: &mut Vec<Result<RawArticle, IngestError>>,
    opts: &ReadOptions,
    known: &mut impl FnMut(&str) -> bool,
    sink: &mut impl FnMut(Item) -> bool,
) -> bool {
    // Read and clean in parallel, ask which ids are held (in order, on this thread),
    // then analyse only the new ones in parallel.
    let read: Vec<Result<ReadArticle, IngestError>> = std::mem::take(batch)
        .into_par_iter()
        .map(|raw| raw.and_then(|raw| read::build_article(raw, opts)))
        .collect();
    let held: Vec<bool> = read
        .iter()
        .map(|r| r.as_ref().is_ok_and(|ra| known(&ra.article.id)))
        .collect();
    let items: Vec<Item> = read
        .into_par_iter()
        .zip(held)
        .map(|(read, held)| match read {
            Err(e) => Item::Failed(e),
            Ok(ReadArticle {
                article,
                warnings,
                origin,
            }) if held => Item::Present {
                origin,
                id: article.id,
                warnings,
            },
            Ok(ReadArticle {
                article,
                warnings,
                origin,
            }) => Item::Article {
                origin,
                warnings,
                analysis: Box::new(newsgraph_pipeline::analyze(article)),
            },
        })
        .collect();
    for item in items {
        if !sink(item) {
            return false;
        }
    }
    true
}
