//! A streaming reader of WARC/1.0 and WARC/1.1 archives.
//!
//! The archive is read record by record, never whole: plain, or gzip with one member
//! per record as Common Crawl writes it (any number of members, through flate2's
//! `MultiGzDecoder`), detected from the magic bytes. For each `response` record whose
//! block is an HTTP response (`Content-Type: application/http`), the HTTP head is
//! parsed (status, `Content-Type` and its charset, `Transfer-Encoding: chunked`,
//! `Content-Encoding: gzip|deflate`) and, when the payload is HTML, a [`WarcRecord`] is
//! yielded with the record's `WARC-Target-URI` and `WARC-Date`. Other records
//! (`request`, `metadata`, `warcinfo`, non-HTML responses) are skipped without being
//! buffered.
//!
//! Memory is bounded by [`WarcOptions::max_record_bytes`]: a larger record is skipped
//! (streamed to nowhere) and reported as a [`WebError::WarcRecordTooLarge`] item, and
//! reading goes on. A header that cannot be read is a [`WebError::WarcFormat`] item,
//! after which the reader resynchronises on the next `WARC/` line. An archive that ends
//! inside a record or a gzip member yields [`WebError::WarcTruncated`] once, after every
//! complete record before it, and then ends.
//!
//! Progress: [`WarcReader::progress`] is a shared counter of the bytes consumed from the
//! underlying file (compressed bytes for gzip), for a progress bar against the file size.
//!
//! Known limits: `revisit` records (deduplicated payloads) are skipped, since their
//! payload lives in another record; segmented (`continuation`) records are not joined;
//! brotli-encoded payloads are reported as errors.

use crate::WebError;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// Longest header line read; longer lines are cut (the rest is skipped).
const MAX_LINE: usize = 64 * 1024;
/// Most header lines in one WARC or HTTP head.
const MAX_HEADERS: usize = 500;

/// How to read an archive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WarcOptions {
    /// Largest record block read into memory; larger records are skipped.
    pub max_record_bytes: u64,
    /// Yield only responses whose payload is HTML (`text/html`, XHTML, or no
    /// Content-Type); with `false`, every HTTP response record is yielded.
    pub html_only: bool,
}

impl Default for WarcOptions {
    fn default() -> Self {
        WarcOptions {
            max_record_bytes: 32 * 1024 * 1024,
            html_only: true,
        }
    }
}

/// One HTTP response from the archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WarcRecord {
    /// `WARC-Target-URI`: the URL the page was fetched from.
    pub target_uri: Option<String>,
    /// `WARC-Date`: when it was captured (ISO-8601 as written).
    pub date: Option<String>,
    /// `WARC-Record-ID`.
    pub record_id: Option<String>,
    /// Offset of the record in the uncompressed stream.
    pub offset: u64,
    /// HTTP status code.
    pub status: u16,
    /// The HTTP `Content-Type`, if any.
    pub content_type: Option<String>,
    /// Its `charset` parameter, if any (for [`crate::ExtractOptions::charset`]).
    pub charset: Option<String>,
    /// The payload: de-chunked and decompressed.
    pub body: Vec<u8>,
}

struct Counting<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// The streaming reader; an iterator of records and per-record errors.
pub struct WarcReader {
    input: BufReader<Box<dyn Read + Send>>,
    progress: Arc<AtomicU64>,
    options: WarcOptions,
    offset: u64,
    finished: bool,
    /// A version line was consumed while resynchronising: its headers come next.
    pending_version: bool,
}

impl std::fmt::Debug for WarcReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WarcReader")
            .field("offset", &self.offset)
            .field("finished", &self.finished)
            .finish()
    }
}

enum Step {
    Record(WarcRecord),
    Skip,
    Error(WebError),
    End,
}

impl WarcReader {
    /// Opens a `.warc` or `.warc.gz` file (gzip detected from its content).
    pub fn open(path: &Path, options: WarcOptions) -> Result<Self, WebError> {
        let file = File::open(path).map_err(|source| WebError::Io {
            path: path.display().to_string(),
            source,
        })?;
        Self::new(file, options).map_err(|e| match e {
            WebError::Io { source, .. } => WebError::Io {
                path: path.display().to_string(),
                source,
            },
            other => other,
        })
    }

    /// Reads an archive from any byte stream (gzip detected from the first bytes).
    pub fn new<R: Read + Send + 'static>(
        reader: R,
        options: WarcOptions,
    ) -> Result<Self, WebError> {
        let progress = Arc::new(AtomicU64::new(0));
        let counting = Counting {
            inner: reader,
            count: Arc::clone(&progress),
        };
        let mut peek = BufReader::with_capacity(64 * 1024, counting);
        let head = peek.fill_buf().map_err(|source| WebError::Io {
            path: "<stream>".into(),
            source,
        })?;
        let gz = head.len() >= 2 && head[0] == 0x1f && head[1] == 0x8b;
        let inner: Box<dyn Read + Send> = if gz {
            Box::new(flate2::bufread::MultiGzDecoder::new(peek))
        } else {
            Box::new(peek)
        };
        Ok(WarcReader {
            input: BufReader::with_capacity(64 * 1024, inner),
            progress,
            options,
            offset: 0,
            finished: false,
            pending_version: false,
        })
    }

    /// Shared counter of bytes consumed from the underlying stream (compressed bytes for
    /// gzip); compare with the file size for progress.
    pub fn progress(&self) -> Arc<AtomicU64> {
        Arc::clone(&self.progress)
    }

    /// Offset reached in the uncompressed stream.
    pub fn offset(&self) -> u64 {
        self.offset
    }

    fn truncated(&mut self, e: &io::Error) -> WebError {
        self.finished = true;
        WebError::WarcTruncated {
            offset: self.offset,
            reason: e.to_string(),
        }
    }

    /// Reads one line (without the line break), at most [`MAX_LINE`] bytes kept.
    /// `Ok(None)` at a clean end of stream.
    fn line(&mut self, out: &mut Vec<u8>) -> io::Result<Option<()>> {
        out.clear();
        let mut any = false;
        loop {
            let buf = self.input.fill_buf()?;
            if buf.is_empty() {
                return Ok(any.then_some(()));
            }
            any = true;
            let (take, done) = match memchr::memchr(b'\n', buf) {
                Some(i) => (i + 1, true),
                None => (buf.len(), false),
            };
            let room = MAX_LINE.saturating_sub(out.len());
            out.extend_from_slice(&buf[..take.min(room)]);
            self.input.consume(take);
            self.offset += take as u64;
            if done {
                while matches!(out.last(), Some(b'\n' | b'\r')) {
                    out.pop();
                }
                return Ok(Some(()));
            }
        }
    }

    fn skip(&mut self, n: u64) -> io::Result<()> {
        let copied = io::copy(&mut (&mut self.input).take(n), &mut io::sink())?;
        self.offset += copied;
        if copied < n {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                format!("record block ends after {copied} of {n} bytes"),
            ));
        }
        Ok(())
    }

    fn step(&mut self) -> Step {
        let mut line = Vec::new();
        // Version line, after any blank lines.
        let start;
        loop {
            let at = self.offset;
            match self.line(&mut line) {
                Ok(None) => return Step::End,
                Ok(Some(())) if line.is_empty() => continue,
                Ok(Some(())) if line.starts_with(b"WARC/") => {
                    start = at;
                    break;
                }
                Ok(Some(())) => {
                    // Resynchronise on the next version line.
                    let reason = format!(
                        "expected a WARC/1.x version line, found {:?}",
                        String::from_utf8_lossy(&line[..line.len().min(60)])
                    );
                    loop {
                        match self.line(&mut line) {
                            Ok(None) => break,
                            Ok(Some(())) if line.starts_with(b"WARC/") => {
                                // Put nothing back: parse this record's headers next
                                // time by remembering we already consumed the line.
                                return Step::Error(self.resync_error(at, reason, true));
                            }
                            Ok(Some(())) => continue,
                            Err(e) => return Step::Error(self.truncated(&e)),
                        }
                    }
                    return Step::Error(WebError::WarcFormat { offset: at, reason });
                }
                Err(e) => return Step::Error(self.truncated(&e)),
            }
        }
        self.record_after_version(start)
    }

    fn resync_error(&mut self, offset: u64, reason: String, pending: bool) -> WebError {
        if pending {
            self.pending_version = true;
        }
        WebError::WarcFormat { offset, reason }
    }

    fn record_after_version(&mut self, start: u64) -> Step {
        let mut line = Vec::new();
        let mut headers: Vec<(String, String)> = Vec::new();
        loop {
            match self.line(&mut line) {
                Ok(None) => {
                    return Step::Error(self.truncated(&io::Error::new(
                        io::ErrorKind::UnexpectedEof,
                        "archive ends inside a record header",
                    )))
                }
                Ok(Some(())) if line.is_empty() => break,
                Ok(Some(())) => {
                    if headers.len() >= MAX_HEADERS {
                        continue;
                    }
                    let text = String::from_utf8_lossy(&line);
                    if line[0] == b' ' || line[0] == b'\t' {
                        if let Some(last) = headers.last_mut() {
                            last.1.push(' ');
                            last.1.push_str(text.trim());
                        }
                    } else if let Some((k, v)) = text.split_once(':') {
                        headers.push((k.trim().to_ascii_lowercase(), v.trim().to_owned()));
                    }
                }
                Err(e) => return Step::Error(self.truncated(&e)),
            }
        }
        let get = |k: &str| headers.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
        let Some(length) = get("content-length").and_then(|v| v.parse::<u64>().ok()) else {
            return Step::Error(WebError::WarcFormat {
                offset: start,
                reason: "record without a valid Content-Length".into(),
            });
        };
        let uri = get("warc-target-uri").map(|u| u.trim_matches(['<', '>']).to_owned());
        let is_response = get("warc-type").is_some_and(|t| t.eq_ignore_ascii_case("response"));
        let is_http = get("content-type")
            .is_none_or(|t| t.to_ascii_lowercase().starts_with("application/http"));
        if !is_response || !is_http {
            return match self.skip(length) {
                Ok(()) => Step::Skip,
                Err(e) => Step::Error(self.truncated(&e)),
            };
        }
        if length > self.options.max_record_bytes {
            return match self.skip(length) {
                Ok(()) => Step::Error(WebError::WarcRecordTooLarge {
                    offset: start,
                    uri: uri.unwrap_or_default(),
                    bytes: length,
                    limit: self.options.max_record_bytes,
                }),
                Err(e) => Step::Error(self.truncated(&e)),
            };
        }
        let mut block = Vec::with_capacity(length.min(1 << 20) as usize);
        match (&mut self.input).take(length).read_to_end(&mut block) {
            Ok(n) => {
                self.offset += n as u64;
                if (n as u64) < length {
                    return Step::Error(self.truncated(&io::Error::new(
                        io::ErrorKind::UnexpectedEof,
                        format!("record block ends after {n} of {length} bytes"),
                    )));
                }
            }
            Err(e) => return Step::Error(self.truncated(&e)),
        }
        match parse_http_response(&block, self.options.max_record_bytes) {
            Ok(resp) => {
                let html = resp
                    .content_type
                    .as_deref()
                    .is_none_or(|t| t.to_ascii_lowercase().contains("html"));
                if self.options.html_only && !html {
                    return Step::Skip;
                }
                Step::Record(WarcRecord {
                    target_uri: uri,
                    date: get("warc-date"),
                    record_id: get("warc-record-id"),
                    offset: start,
                    status: resp.status,
                    charset: resp
                        .content_type
                        .as_deref()
                        .and_then(|t| crate::encoding::charset_in(&t.to_ascii_lowercase())),
                    content_type: resp.content_type,
                    body: resp.body,
                })
            }
            Err(reason) => Step::Error(WebError::WarcFormat {
                offset: start,
                reason: format!("{}: {reason}", uri.unwrap_or_default()),
            }),
        }
    }
}

impl WarcReader {
    fn next_step(&mut self) -> Step {
        if self.pending_version {
            self.pending_version = false;
            let at = self.offset;
            return self.record_after_version(at);
        }
        self.step()
    }
}

impl Iterator for WarcReader {
    type Item = Result<WarcRecord, WebError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.finished {
            match self.next_step() {
                Step::Record(r) => return Some(Ok(r)),
                Step::Skip => continue,
                Step::Error(e) => return Some(Err(e)),
                Step::End => self.finished = true,
            }
        }
        None
    }
}

/// An HTTP response taken apart.
struct HttpResponse {
    status: u16,
    content_type: Option<String>,
    body: Vec<u8>,
}

fn parse_http_response(block: &[u8], limit: u64) -> Result<HttpResponse, String> {
    let head_end = memchr::memmem::find(block, b"\r\n\r\n")
        .map(|i| (i, i + 4))
        .or_else(|| memchr::memmem::find(block, b"\n\n").map(|i| (i, i + 2)))
        .ok_or("HTTP response without the end of its head")?;
    let head = String::from_utf8_lossy(&block[..head_end.0]);
    let mut lines = head.lines();
    let status_line = lines.next().unwrap_or("");
    if !status_line.starts_with("HTTP/") {
        return Err(format!("not an HTTP status line: {:.60}", status_line));
    }
    let status = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse::<u16>().ok())
        .ok_or_else(|| format!("no status code in {:.60}", status_line))?;
    let mut content_type = None;
    let mut chunked = false;
    let mut encoding = None;
    for line in lines.take(MAX_HEADERS) {
        let Some((k, v)) = line.split_once(':') else {
            continue;
        };
        let k = k.trim().to_ascii_lowercase();
        let v = v.trim();
        match k.as_str() {
            "content-type" => content_type = Some(v.to_owned()),
            "transfer-encoding" => chunked = v.to_ascii_lowercase().contains("chunked"),
            "content-encoding" => encoding = Some(v.to_ascii_lowercase()),
            _ => {}
        }
    }
    let raw = &block[head_end.1..];
    let body = if chunked { dechunk(raw) } else { raw.to_vec() };
    let body = match encoding.as_deref() {
        None | Some("identity") | Some("") => body,
        Some("gzip") | Some("x-gzip") => {
            let mut out = Vec::new();
            flate2::read::MultiGzDecoder::new(&body[..])
                .take(limit)
                .read_to_end(&mut out)
                .map_err(|e| format!("gzip payload: {e}"))?;
            out
        }
        Some("deflate") => {
            let mut out = Vec::new();
            let zlib = flate2::read::ZlibDecoder::new(&body[..])
                .take(limit)
                .read_to_end(&mut out);
            if zlib.is_err() {
                out.clear();
                flate2::read::DeflateDecoder::new(&body[..])
                    .take(limit)
                    .read_to_end(&mut out)
                    .map_err(|e| format!("deflate payload: {e}"))?;
            }
            out
        }
        Some(other) => return Err(format!("unsupported Content-Encoding {other}")),
    };
    Ok(HttpResponse {
        status,
        content_type,
        body,
    })
}

/// Undoes chunked transfer encoding; tolerant of a missing last chunk (keeps what came).
fn dechunk(mut raw: &[u8]) -> Vec<u8> {
    let original = raw;
    let mut out = Vec::with_capacity(raw.len());
    let mut chunks = 0usize;
    while let Some(eol) = memchr::memchr(b'\n', raw) {
        let size_text = String::from_utf8_lossy(&raw[..eol]);
        let size_text = size_text
            .trim()
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_owned();
        let Ok(size) = usize::from_str_radix(&size_text, 16) else {
            // Not chunked after all: keep the bytes as they are.
            if chunks == 0 {
                return original.to_vec();
            }
            break;
        };
        chunks += 1;
        raw = &raw[eol + 1..];
        if size == 0 {
            break;
        }
        let take = size.min(raw.len());
        out.extend_from_slice(&raw[..take]);
        raw = &raw[take..];
        // The CRLF after the chunk.
        if raw.starts_with(b"\r\n") {
            raw = &raw[2..];
        } else if raw.starts_with(b"\n") {
            raw = &raw[1..];
        }
    }
    if chunks == 0 {
        return original.to_vec();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dechunks() {
        assert_eq!(
            dechunk(b"5\r\nhello\r\n6;x=y\r\n world\r\n0\r\n\r\n"),
            b"hello world"
        );
        assert_eq!(dechunk(b"<html>"), b"<html>");
    }
}
