//! Shared plumbing of the commands: global options, opening the store, printing.

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use newsgraph_store::SqliteStore;
use serde::Serialize;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::time::Duration;

/// Options every command sees.
#[derive(Debug, Clone)]
pub struct Global {
    /// The database file.
    pub db: PathBuf,
    /// Print only errors.
    pub quiet: bool,
}

impl Global {
    /// Opens (creating when missing) the store named by `--db`.
    pub fn open_store(&self) -> anyhow::Result<SqliteStore> {
        SqliteStore::open(&self.db)
            .with_context(|| format!("cannot open the store {}", self.db.display()))
    }

    /// Opens the store for reading: a missing file is an error rather than created.
    pub fn open_existing_store(&self) -> anyhow::Result<SqliteStore> {
        if !self.db.exists() {
            anyhow::bail!(
                "no store at {} (run `newsgraph ingest PATH…` first, or pass --db FILE)",
                self.db.display()
            );
        }
        self.open_store()
    }

    /// A progress bar on stderr over `len` bytes of input; hidden when quiet or not on a
    /// terminal.
    pub fn progress(&self, len: u64, what: &str) -> ProgressBar {
        if self.quiet || !std::io::stderr().is_terminal() {
            return ProgressBar::hidden();
        }
        let bar = ProgressBar::new(len);
        let style = ProgressStyle::with_template(&format!(
            "{{spinner}} {what} {{bar:30}} {{bytes}}/{{total_bytes}} ({{bytes_per_sec}})  {{msg}}  [{{elapsed_precise}}, eta {{eta}}]"
        ))
        .unwrap_or_else(|_| ProgressStyle::default_bar());
        bar.set_style(style);
        bar.enable_steady_tick(Duration::from_millis(120));
        bar
    }
}

/// Which articles a listing or a search covers (shared by `articles` and `search`).
#[derive(Debug, Clone, clap::Args)]
pub struct ArticleFilter {
    /// Only articles from this outlet.
    #[arg(long)]
    pub source: Option<String>,

    /// Only articles published on or after this date (YYYY-MM-DD).
    #[arg(long)]
    pub from: Option<String>,

    /// Only articles published on or before this date (YYYY-MM-DD).
    #[arg(long)]
    pub to: Option<String>,
}

/// Prints a value as pretty JSON on stdout.
pub fn print_json<T: Serialize + ?Sized>(value: &T) -> anyhow::Result<()> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    serde_json::to_writer_pretty(&mut out, value).context("cannot write JSON to stdout")?;
    writeln!(out)?;
    Ok(())
}

/// Shortens `text` to at most `max` characters at a character boundary, adding "…".
pub fn ellipsize(text: &str, max: usize) -> String {
    let text = text.trim();
    match text.char_indices().nth(max) {
        None => text.to_string(),
        Some((cut, _)) => {
            let head = &text[..cut];
            let head = head.rsplit_once(' ').map_or(head, |(h, _)| h);
            format!("{}…", head.trim_end())
        }
    }
}

/// The first `n` characters of an id, for display.
pub fn short_id(id: &str) -> &str {
    let end = id.char_indices().nth(12).map_or(id.len(), |(i, _)| i);
    &id[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ellipsize_cuts_at_a_word() {
        assert_eq!(ellipsize("one two three", 9), "one two…");
        assert_eq!(ellipsize("short", 9), "short");
    }

    #[test]
    fn short_id_handles_short_ids() {
        assert_eq!(short_id("abc"), "abc");
        assert_eq!(short_id("0123456789abcdef"), "0123456789ab");
    }
}
