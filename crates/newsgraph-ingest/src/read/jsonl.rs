//! JSON Lines: one article object per line, streamed.
//!
//! Lines are read with a bounded reader ([`read_bounded_line`]) so one enormous line
//! cannot exhaust memory: a line over the limit is reported and skipped, and reading
//! goes on. Each line is parsed on its own by [`parse_jsonl_line`], a pure function
//! (no I/O, no cleaning) that maps the many field spellings found in the wild onto one
//! [`JsonRecord`]; fields it does not know are kept for `Article.metadata`.

use super::decode::decode_utf8_or_legacy;
use super::{RawArticle, RawContent};
use crate::{IngestError, Warning, WarningKind};
use newsgraph_model::InputFormat;
use serde_json::{Map, Value};
use std::io::{self, BufRead};

/// Field names read as the headline.
pub const TITLE_FIELDS: &[&str] = &["title", "headline"];
/// Field names read as the article text, in order of preference.
pub const BODY_FIELDS: &[&str] = &["body", "text", "content"];
/// Field names read as the publication date, in order of preference.
pub const DATE_FIELDS: &[&str] = &[
    "date",
    "published",
    "pubDate",
    "published_at",
    "publishedAt",
];
/// Field names read as the URL.
pub const URL_FIELDS: &[&str] = &["url", "link"];
/// Field names read as the outlet.
pub const SOURCE_FIELDS: &[&str] = &["source", "outlet", "site"];
/// Field names read as the author line.
pub const BYLINE_FIELDS: &[&str] = &["author", "byline", "authors"];
/// Field names read as the syndication chain.
pub const VIA_FIELDS: &[&str] = &["via"];

/// One JSON Lines record with the known fields picked out; not cleaned yet.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct JsonRecord {
    /// Headline.
    pub title: Option<String>,
    /// Article text as given (cleaned later by `clean::clean_body`).
    pub body: String,
    /// Date string as given (parsed later by `clean::parse_date`).
    pub date: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Outlet (`source`, or `source.name` when `source` is an object).
    pub source: Option<String>,
    /// Author(s), several joined with ", ".
    pub byline: Option<String>,
    /// Syndication chain, nearest first.
    pub via: Vec<String>,
    /// Every other field, in input order; also known fields of an unexpected type.
    pub extra: Map<String, Value>,
    /// Notes about fields that were kept in `extra` because of their type.
    pub notes: Vec<String>,
}

/// Why one line is not an article (the caller adds file and line number).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineError {
    /// Not valid JSON.
    Json(String),
    /// Valid JSON, but not a usable article.
    Record(String),
}

/// Parses one JSON Lines line into a record. Pure and total: any input gives `Ok` or
/// `Err`, never a panic.
pub fn parse_jsonl_line(line: &str) -> Result<JsonRecord, LineError> {
    let value: Value = serde_json::from_str(line).map_err(|e| LineError::Json(e.to_string()))?;
    let mut map = match value {
        Value::Object(map) => map,
        other => {
            return Err(LineError::Record(format!(
                "expected a JSON object (one article per line), found {}",
                json_kind(&other)
            )))
        }
    };
    let mut record = JsonRecord::default();

    let Some((body_key, body)) = BODY_FIELDS
        .iter()
        .find_map(|key| map.remove(*key).map(|value| (*key, value)))
    else {
        return Err(LineError::Record(
            "no article text: expected a \"body\", \"text\" or \"content\" field".into(),
        ));
    };
    match body {
        Value::String(body) if !body.trim().is_empty() => record.body = body,
        Value::String(_) | Value::Null => {
            return Err(LineError::Record(format!(
                "field \"{body_key}\" is empty: no article text"
            )))
        }
        other => {
            return Err(LineError::Record(format!(
                "field \"{body_key}\" is {}, expected a string",
                json_kind(&other)
            )))
        }
    }

    record.title = take_string(&mut map, TITLE_FIELDS, &mut record.notes);
    record.date = take_string(&mut map, DATE_FIELDS, &mut record.notes);
    record.url = take_string(&mut map, URL_FIELDS, &mut record.notes);
    record.source = take_source(&mut map, &mut record.notes);
    record.byline = take_names(&mut map, BYLINE_FIELDS, &mut record.notes)
        .map(|names| names.join(", "))
        .filter(|s| !s.is_empty());
    record.via = take_names(&mut map, VIA_FIELDS, &mut record.notes).unwrap_or_default();
    record.extra = map;
    Ok(record)
}

fn json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Takes the first of `keys` holding a non-empty string. A key holding another type
/// stays in the map (so it ends in metadata) with a note; a null or empty string is
/// dropped.
fn take_string(
    map: &mut Map<String, Value>,
    keys: &[&str],
    notes: &mut Vec<String>,
) -> Option<String> {
    for key in keys {
        match map.get(*key) {
            Some(Value::String(s)) => {
                let s = s.trim().to_owned();
                map.remove(*key);
                if !s.is_empty() {
                    return Some(s);
                }
            }
            Some(Value::Null) => {
                map.remove(*key);
            }
            Some(Value::Number(n)) if keys == DATE_FIELDS => {
                // A bare number as a date (a year, or epoch seconds): keep it as text.
                let s = n.to_string();
                map.remove(*key);
                return Some(s);
            }
            Some(other) => notes.push(format!(
                "field \"{key}\" is {}, expected a string; kept in metadata",
                json_kind(other)
            )),
            None => {}
        }
    }
    None
}

/// `source`/`outlet`/`site` as a string, or an object with a `name` (NewsAPI style).
fn take_source(map: &mut Map<String, Value>, notes: &mut Vec<String>) -> Option<String> {
    for key in SOURCE_FIELDS {
        if let Some(Value::Object(obj)) = map.get(*key) {
            if let Some(Value::String(name)) = obj.get("name") {
                let name = name.trim().to_owned();
                if !name.is_empty() {
                    // Keep the whole object too: it may carry an id.
                    return Some(name);
                }
            }
        }
    }
    take_string(map, SOURCE_FIELDS, notes)
}

/// A string, or an array of strings (or of objects with a `name`), from the first of
/// `keys` present.
fn take_names(
    map: &mut Map<String, Value>,
    keys: &[&str],
    notes: &mut Vec<String>,
) -> Option<Vec<String>> {
    for key in keys {
        let names = match map.get(*key) {
            None => continue,
            Some(Value::Null) => Some(Vec::new()),
            Some(Value::String(s)) => Some(vec![s.trim().to_owned()]),
            Some(Value::Array(items)) => items
                .iter()
                .map(|item| match item {
                    Value::String(s) => Some(s.trim().to_owned()),
                    Value::Object(o) => o
                        .get("name")
                        .and_then(Value::as_str)
                        .map(|s| s.trim().to_owned()),
                    _ => None,
                })
                .collect::<Option<Vec<_>>>(),
            Some(_) => None,
        };
        match names {
            Some(names) => {
                map.remove(*key);
                return Some(names.into_iter().filter(|s| !s.is_empty()).collect());
            }
            None => {
                let kind = map.get(*key).map(json_kind).unwrap_or("null");
                notes.push(format!(
                    "field \"{key}\" is {kind}, expected a string or an array of strings; kept in metadata"
                ));
            }
        }
    }
    None
}

/// The outcome of reading one line with [`read_bounded_line`].
#[derive(Debug, PartialEq, Eq)]
pub enum BoundedLine {
    /// A line (without its `\n` or `\r\n`) is in the buffer.
    Line,
    /// The line was longer than the limit; it was consumed and discarded.
    TooLong,
    /// End of input; nothing was read.
    Eof,
}

/// Reads one line into `buf` (cleared first), keeping at most `limit` bytes: a longer
/// line is consumed up to its newline without being stored. Memory stays bounded by
/// `limit` plus the reader's buffer.
pub fn read_bounded_line<R: BufRead + ?Sized>(
    reader: &mut R,
    buf: &mut Vec<u8>,
    limit: usize,
) -> io::Result<BoundedLine> {
    buf.clear();
    let mut any = false;
    let mut too_long = false;
    loop {
        let available = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            break;
        }
        any = true;
        let (chunk, used, done) = match memchr::memchr(b'\n', available) {
            Some(i) => (&available[..i], i + 1, true),
            None => (available, available.len(), false),
        };
        if !too_long {
            if buf.len() + chunk.len() > limit {
                too_long = true;
                buf.clear();
            } else {
                buf.extend_from_slice(chunk);
            }
        }
        reader.consume(used);
        if done {
            break;
        }
    }
    if !any {
        return Ok(BoundedLine::Eof);
    }
    if too_long {
        return Ok(BoundedLine::TooLong);
    }
    if buf.last() == Some(&b'\r') {
        buf.pop();
    }
    Ok(BoundedLine::Line)
}

/// Streams the records of one JSON Lines input.
pub(crate) struct JsonlReader {
    reader: Box<dyn BufRead + Send>,
    path: String,
    file_path: Option<String>,
    limit: usize,
    line_no: u64,
    buf: Vec<u8>,
    records: u64,
    done: bool,
    /// Encoding of the whole input when it was transcoded (UTF-16).
    encoding: Option<&'static str>,
}

impl JsonlReader {
    pub(crate) fn new(
        reader: Box<dyn BufRead + Send>,
        path: String,
        file_path: Option<String>,
        limit: u64,
        encoding: Option<&'static str>,
    ) -> Self {
        JsonlReader {
            reader,
            path,
            file_path,
            limit: usize::try_from(limit).unwrap_or(usize::MAX),
            line_no: 0,
            buf: Vec::new(),
            records: 0,
            done: false,
            encoding,
        }
    }

    fn line_error(&self, err: LineError) -> IngestError {
        match err {
            LineError::Json(message) => IngestError::Json {
                path: self.path.clone(),
                line: self.line_no,
                message,
            },
            LineError::Record(message) => IngestError::Record {
                path: self.path.clone(),
                line: self.line_no,
                message,
            },
        }
    }
}

impl Iterator for JsonlReader {
    type Item = Result<RawArticle, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            let outcome = read_bounded_line(&mut *self.reader, &mut self.buf, self.limit);
            self.line_no += 1;
            match outcome {
                Err(e) => {
                    self.done = true;
                    return Some(Err(IngestError::io(self.path.clone(), e)));
                }
                Ok(BoundedLine::Eof) => {
                    self.done = true;
                    if self.records == 0 {
                        return Some(Err(IngestError::Empty {
                            path: self.path.clone(),
                        }));
                    }
                }
                Ok(BoundedLine::TooLong) => {
                    self.records += 1;
                    return Some(Err(IngestError::LineTooLong {
                        path: self.path.clone(),
                        line: self.line_no,
                        limit: self.limit as u64,
                    }));
                }
                Ok(BoundedLine::Line) => {
                    let mut bytes = &self.buf[..];
                    if self.line_no == 1 {
                        bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
                    }
                    if bytes.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    self.records += 1;
                    return Some(self.parse_line(bytes.to_vec()));
                }
            }
        }
        None
    }
}

impl JsonlReader {
    fn parse_line(&self, bytes: Vec<u8>) -> Result<RawArticle, IngestError> {
        let origin = format!("{}:{}", self.path, self.line_no);
        let decoded = decode_utf8_or_legacy(&bytes);
        let record = parse_jsonl_line(&decoded.text).map_err(|e| self.line_error(e))?;
        let mut warnings: Vec<Warning> = record
            .notes
            .iter()
            .map(|note| Warning::new(origin.clone(), WarningKind::FieldType, note.clone()))
            .collect();
        let mut metadata = Map::new();
        if let Some(encoding) = decoded.encoding.or(self.encoding) {
            metadata.insert("encoding".into(), Value::String(encoding.into()));
        }
        if let Some(message) = decoded.warning {
            warnings.push(Warning::new(origin.clone(), WarningKind::Encoding, message));
        }
        Ok(RawArticle {
            origin,
            path: self.file_path.clone(),
            format: InputFormat::Jsonl,
            content: RawContent::Record(Box::new(record)),
            metadata,
            warnings,
        })
    }
}
