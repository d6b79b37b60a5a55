//! Expanding the paths a user gave into the inputs to read, lazily.
//!
//! A file is an input; `-` is standard input; a directory is walked depth-first, each
//! directory's entries in byte order of their names, so the same tree always gives the
//! same order (DESIGN.md: determinism). Only one directory's listing (names, not
//! contents) is held per level of nesting, so a directory of many thousands of files is
//! streamed. Hidden entries (names starting with `.`) are skipped inside directories; a
//! path given explicitly is always taken. Symbolic links to directories are followed
//! unless they lead to a directory already walked, so a link loop ends the descent
//! instead of recursing for ever.

use super::Input;
use crate::IngestError;
use std::collections::HashSet;
use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};

/// Lazy iterator over the inputs named by a list of paths; see [`crate::expand_inputs`].
pub struct Inputs {
    args: std::vec::IntoIter<PathBuf>,
    /// Pending entries of the directories being walked, innermost last; each level is
    /// sorted in reverse so `pop` yields the next name in order.
    stack: Vec<Vec<PathBuf>>,
    /// Identities of the directories walked so far (loop and duplicate guard).
    seen: HashSet<DirId>,
}

/// Identity of a directory: device and inode on Unix, the canonical path elsewhere.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum DirId {
    #[cfg(unix)]
    Inode(u64, u64),
    #[cfg_attr(unix, allow(dead_code))]
    Path(PathBuf),
}

fn dir_id(path: &Path, meta: &fs::Metadata) -> DirId {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let _ = path;
        DirId::Inode(meta.dev(), meta.ino())
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        DirId::Path(fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()))
    }
}

impl Inputs {
    pub(crate) fn new(paths: Vec<PathBuf>) -> Self {
        Inputs {
            args: paths.into_iter(),
            stack: Vec::new(),
            seen: HashSet::new(),
        }
    }

    /// Starts walking `dir`; returns an error to yield if it cannot be listed.
    fn enter(&mut self, dir: &Path, meta: &fs::Metadata) -> Option<IngestError> {
        if !self.seen.insert(dir_id(dir, meta)) {
            return None; // already walked: a symlink loop or the same dir given twice
        }
        let entries = match fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => return Some(IngestError::io(dir.display().to_string(), e)),
        };
        let mut names: Vec<OsString> = Vec::new();
        let mut error = None;
        for entry in entries {
            match entry {
                Ok(entry) => {
                    let name = entry.file_name();
                    if !is_hidden(&name) {
                        names.push(name);
                    }
                }
                Err(e) => {
                    error.get_or_insert_with(|| IngestError::io(dir.display().to_string(), e));
                }
            }
        }
        names.sort_unstable_by(|a, b| b.as_encoded_bytes().cmp(a.as_encoded_bytes()));
        self.stack
            .push(names.into_iter().map(|name| dir.join(name)).collect());
        error
    }

    /// Classifies one path: `Some(Ok)` for a file to read, `Some(Err)` for a problem to
    /// report, `None` when it was a directory (entered) or something to skip.
    fn visit(&mut self, path: PathBuf, explicit: bool) -> Option<Result<Input, IngestError>> {
        // `metadata` follows symlinks: a link to a file is read, a link to a directory
        // is walked (guarded by `seen`).
        let meta = match fs::metadata(&path) {
            Ok(meta) => meta,
            Err(e) => return Some(Err(IngestError::io(path.display().to_string(), e))),
        };
        if meta.is_dir() {
            return self.enter(&path, &meta).map(Err);
        }
        if meta.is_file() || explicit {
            // An explicit FIFO or device (e.g. /dev/stdin) is read as given.
            return Some(Ok(Input::Path(path)));
        }
        None // sockets, FIFOs… met while walking
    }
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.as_encoded_bytes().first() == Some(&b'.')
}

impl Iterator for Inputs {
    type Item = Result<Input, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(level) = self.stack.last_mut() {
                match level.pop() {
                    Some(path) => {
                        if let Some(item) = self.visit(path, false) {
                            return Some(item);
                        }
                    }
                    None => {
                        self.stack.pop();
                    }
                }
                continue;
            }
            let arg = self.args.next()?;
            if arg.as_os_str() == "-" {
                return Some(Ok(Input::Stdin));
            }
            if let Some(item) = self.visit(arg, true) {
                return Some(item);
            }
        }
    }
}
