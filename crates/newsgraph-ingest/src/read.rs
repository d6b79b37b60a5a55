//! The read stage: from paths to articles (DESIGN.md §2, "read").
//!
//! Reading is split in two steps so each can be tested and replaced on its own:
//!
//! 1. [`read_raw`] opens one [`Input`], detects its format ([`detect`]), decodes it
//!    ([`decode`]) and splits it into [`RawArticle`]s: the text of a scraped file, or the
//!    fields of one JSON Lines record. No cleaning happens here.
//! 2. [`build_article`] turns a raw article into a [`ReadArticle`]: it runs the cleaner
//!    (`clean::clean_scraped` for text, `clean::clean_body` for records), applies the
//!    user's overrides from [`ReadOptions`], falls back to a title from the body, and
//!    fills the content id.
//!
//! [`read_input`] does both. Formats are dispatched in one place ([`read_raw`]'s `match`
//! on [`InputFormat`]), with one module per format (`text`, `jsonl`); HTML, feed and WARC
//! readers will be new modules and new arms there (and, when they carry more than text,
//! a new [`RawContent`] variant), with no change for callers.

pub mod decode;
pub mod detect;
pub mod jsonl;
mod text;
pub mod walk;
pub mod web;

use crate::clean::{self, Cleaned};
use crate::dedup::content_id;
use crate::{IngestError, Warning, WarningKind};
use detect::{ExtensionHint, Sniffed};
use newsgraph_model::{Article, InputFormat};
use serde_json::{Map, Value};
use std::fs::{self, File};
use std::io::{self, BufReader, Cursor, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicU64;
use std::sync::Arc;

pub use jsonl::{parse_jsonl_line, JsonRecord, LineError};
pub use walk::Inputs;

/// Default for [`ReadOptions::max_article_bytes`]: 16 MiB, far above any real article.
pub const DEFAULT_MAX_ARTICLE_BYTES: u64 = 16 * 1024 * 1024;

/// Longest title derived from the body when an input has none (in characters).
pub const MAX_DERIVED_TITLE_CHARS: usize = 120;

/// How to read inputs; the user's overrides win over what the inputs say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadOptions {
    /// Force a format instead of detecting it (`--format text|jsonl`).
    pub format: Option<InputFormat>,
    /// Outlet to use when the input does not name one.
    pub source: Option<String>,
    /// Publication date for every article read, winning over dates in the inputs (any
    /// form `clean::parse_date` reads).
    pub date: Option<String>,
    /// Largest single article in bytes: a text file, or one JSON Lines line. A JSON
    /// Lines file as a whole may be larger (it is streamed).
    pub max_article_bytes: u64,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            format: None,
            source: None,
            date: None,
            max_article_bytes: DEFAULT_MAX_ARTICLE_BYTES,
        }
    }
}

/// One input to read: a file, or standard input.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Input {
    /// A file (or anything that opens like one).
    Path(PathBuf),
    /// Standard input (`-` on the command line).
    Stdin,
}

impl Input {
    /// The name used in messages and origins: the path, or `<stdin>`.
    pub fn name(&self) -> String {
        match self {
            Input::Path(path) => path.display().to_string(),
            Input::Stdin => "<stdin>".to_owned(),
        }
    }
}

/// An article as read, before cleaning.
#[derive(Debug, Clone, PartialEq)]
pub struct RawArticle {
    /// Where it came from: `path` for a single-article input, `path:line` for JSON Lines.
    pub origin: String,
    /// The file it came from (`None` for standard input), for `Article.path`.
    pub path: Option<String>,
    /// The format it was read as.
    pub format: InputFormat,
    /// The content.
    pub content: RawContent,
    /// Notes from reading for `Article.metadata` (e.g. `encoding`).
    pub metadata: Map<String, Value>,
    /// Non-fatal problems met so far.
    pub warnings: Vec<Warning>,
}

/// What a reader produced for one article.
#[derive(Debug, Clone, PartialEq)]
pub enum RawContent {
    /// A whole scraped document (chrome, headline and all).
    Text(String),
    /// A structured record with separate fields.
    Record(Box<JsonRecord>),
    /// A page or feed item read from the web formats.
    Web(web::WebContent),
}

/// An article ready for the next stages, with what went wrong (but not fatally) while
/// reading it.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadArticle {
    /// The article; `id` is its [`content_id`].
    pub article: Article,
    /// Warnings for the caller to print (each names the origin).
    pub warnings: Vec<Warning>,
    /// Where it came from: `file`, `file:12` (JSON Lines line 12), `<stdin>`.
    pub origin: String,
}

/// The raw articles of one input, streamed; see [`read_raw`].
pub struct RawArticles {
    format: InputFormat,
    inner: Box<dyn Iterator<Item = Result<RawArticle, IngestError>> + Send>,
    progress: Option<Arc<AtomicU64>>,
}

impl RawArticles {
    /// The format the input is read as.
    pub fn format(&self) -> InputFormat {
        self.format
    }

    /// Bytes of the input consumed so far, for inputs read as a long stream (WARC
    /// archives); `None` for inputs read whole.
    pub fn progress(&self) -> Option<Arc<AtomicU64>> {
        self.progress.clone()
    }
}

impl Iterator for RawArticles {
    type Item = Result<RawArticle, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        self.inner.next()
    }
}

impl std::fmt::Debug for RawArticles {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RawArticles")
            .field("format", &self.format)
            .finish_non_exhaustive()
    }
}

/// The articles of one input, streamed and cleaned; see [`read_input`].
#[derive(Debug)]
pub struct Articles {
    raw: RawArticles,
    opts: ReadOptions,
}

impl Articles {
    /// The format the input is read as.
    pub fn format(&self) -> InputFormat {
        self.raw.format()
    }
}

impl Iterator for Articles {
    type Item = Result<ReadArticle, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        let raw = self.raw.next()?;
        Some(raw.and_then(|raw| build_article(raw, &self.opts)))
    }
}

/// Expands paths into inputs: files as they are, `-` as standard input, directories
/// walked recursively and lazily in sorted order, hidden entries skipped (see
/// [`walk`]). Problems (a missing path, an unreadable directory) are items of the
/// iterator, so one bad path does not stop the others.
pub fn expand_inputs<P: AsRef<Path>>(paths: &[P]) -> Inputs {
    Inputs::new(paths.iter().map(|p| p.as_ref().to_path_buf()).collect())
}

/// Opens one input and streams its articles, cleaned, with ids.
///
/// The outer `Err` means the whole input is unusable (not found, binary, empty, too
/// large, unsupported format, invalid date option); an inner `Err` concerns one article
/// (a malformed JSON Lines line) and the following ones are still read.
pub fn read_input(input: &Input, opts: &ReadOptions) -> Result<Articles, IngestError> {
    if let Some(date) = &opts.date {
        if clean::parse_date(date).is_none() {
            return Err(IngestError::InvalidDate {
                value: date.clone(),
            });
        }
    }
    Ok(Articles {
        raw: read_raw(input, opts)?,
        opts: opts.clone(),
    })
}

/// Everything at once: expands `paths` and reads every input, as one stream of articles
/// and errors in a deterministic order.
pub fn read_paths<P: AsRef<Path>>(
    paths: &[P],
    opts: &ReadOptions,
) -> impl Iterator<Item = Result<ReadArticle, IngestError>> {
    let opts = opts.clone();
    expand_inputs(paths).flat_map(move |input| {
        let articles: Box<dyn Iterator<Item = Result<ReadArticle, IngestError>>> =
            match input.and_then(|input| read_input(&input, &opts)) {
                Ok(articles) => Box::new(articles),
                Err(e) => Box::new(std::iter::once(Err(e))),
            };
        articles
    })
}

/// Opens one input, detects its format, decodes it and streams its raw articles
/// (no cleaning; see the module doc).
pub fn read_raw(input: &Input, opts: &ReadOptions) -> Result<RawArticles, IngestError> {
    let name = input.name();
    match input {
        Input::Stdin => read_raw_stream(&name, io::stdin(), opts),
        Input::Path(path) => {
            let meta = fs::metadata(path).map_err(|e| IngestError::io(&name, e))?;
            if meta.is_dir() {
                return Err(IngestError::IsDirectory { path: name });
            }
            let hint = opts
                .format
                .map_or_else(|| detect::by_extension(path), ExtensionHint::Format);
            let size = meta.is_file().then_some(meta.len());
            // Refuse a too-large single-article file before reading a byte of it.
            if let ExtensionHint::Format(InputFormat::Text | InputFormat::Html) = hint {
                check_size(&name, size, opts)?;
            }
            let file = File::open(path).map_err(|e| IngestError::io(&name, e))?;
            read_stream(&name, Some(name.clone()), Box::new(file), size, hint, opts)
        }
    }
}

/// Like [`read_raw`] for an already open stream (standard input, a network body),
/// named `name` in messages. Detection uses `opts.format` or sniffing.
pub fn read_raw_stream(
    name: &str,
    reader: impl Read + Send + 'static,
    opts: &ReadOptions,
) -> Result<RawArticles, IngestError> {
    let hint = opts
        .format
        .map_or(ExtensionHint::Unknown, ExtensionHint::Format);
    read_stream(name, None, Box::new(reader), None, hint, opts)
}

fn check_size(name: &str, size: Option<u64>, opts: &ReadOptions) -> Result<(), IngestError> {
    match size {
        Some(size) if size > opts.max_article_bytes => Err(IngestError::TooLarge {
            path: name.to_owned(),
            size: Some(size),
            limit: opts.max_article_bytes,
        }),
        _ => Ok(()),
    }
}

/// Reads up to `n` bytes (fewer only at end of input).
fn read_head(reader: &mut dyn Read, n: usize, name: &str) -> Result<Vec<u8>, IngestError> {
    let mut head = Vec::with_capacity(n);
    reader
        .take(n as u64)
        .read_to_end(&mut head)
        .map_err(|e| IngestError::io(name, e))?;
    Ok(head)
}

fn read_stream(
    name: &str,
    file_path: Option<String>,
    mut reader: Box<dyn Read + Send>,
    size: Option<u64>,
    hint: ExtensionHint,
    opts: &ReadOptions,
) -> Result<RawArticles, IngestError> {
    if hint == ExtensionHint::Format(InputFormat::Warc) {
        // Archives are often gzip (binary) and always streamed: no sniffing.
        let (articles, progress) = web::read_warc(reader, name, file_path, opts.max_article_bytes)?;
        return Ok(RawArticles {
            format: InputFormat::Warc,
            inner: Box::new(articles),
            progress: Some(progress),
        });
    }
    let head = read_head(&mut reader, decode::SNIFF_BYTES, name)?;
    let complete = head.len() < decode::SNIFF_BYTES;
    if complete && decode::is_blank(&head) {
        return Err(IngestError::Empty {
            path: name.to_owned(),
        });
    }
    if decode::looks_binary(&head) {
        return Err(IngestError::Binary {
            path: name.to_owned(),
        });
    }
    let utf16 = decode::Bom::detect(&head).filter(|b| *b != decode::Bom::Utf8);
    let format = match hint {
        ExtensionHint::Format(format) => format,
        ExtensionHint::Json | ExtensionHint::Unknown => {
            let sniffed = match utf16 {
                Some(_) => detect::sniff(decode::decode(&head).text.as_bytes(), complete),
                None => detect::sniff(&head, complete),
            };
            match sniffed {
                Sniffed::Format(InputFormat::Jsonl) => InputFormat::Jsonl,
                Sniffed::OtherJson => {
                    return Err(IngestError::NotJsonLines {
                        path: name.to_owned(),
                    })
                }
                Sniffed::Format(_) if hint == ExtensionHint::Json => {
                    return Err(IngestError::NotJsonLines {
                        path: name.to_owned(),
                    })
                }
                Sniffed::Format(format) => format,
            }
        }
    };
    let limit = opts.max_article_bytes;
    let inner: Box<dyn Iterator<Item = Result<RawArticle, IngestError>> + Send> = match format {
        InputFormat::Text => {
            check_size(name, size, opts)?;
            let raw = text::read_text(head, &mut reader, name, file_path, limit)?;
            Box::new(std::iter::once(Ok(raw)))
        }
        InputFormat::Jsonl => {
            let stream: Box<dyn io::BufRead + Send> = match utf16 {
                Some(bom) => {
                    let rest = Cursor::new(head[bom.byte_len()..].to_vec()).chain(reader);
                    Box::new(BufReader::with_capacity(
                        64 * 1024,
                        decode::Utf16ToUtf8::new(rest, bom),
                    ))
                }
                None => Box::new(BufReader::with_capacity(
                    64 * 1024,
                    Cursor::new(head).chain(reader),
                )),
            };
            let encoding = utf16.map(decode::Bom::label);
            Box::new(jsonl::JsonlReader::new(
                stream,
                name.to_owned(),
                file_path,
                limit,
                encoding,
            ))
        }
        InputFormat::Html => {
            check_size(name, size, opts)?;
            let raw = web::read_html(head, &mut reader, name, file_path, limit)?;
            Box::new(std::iter::once(Ok(raw)))
        }
        InputFormat::Feed => {
            Box::new(web::read_feed(head, &mut reader, name, file_path, limit)?.into_iter())
        }
        InputFormat::Warc => {
            let stream = Cursor::new(head).chain(reader);
            let (articles, progress) = web::read_warc(Box::new(stream), name, file_path, limit)?;
            return Ok(RawArticles {
                format,
                inner: Box::new(articles),
                progress: Some(progress),
            });
        }
    };
    Ok(RawArticles {
        format,
        inner,
        progress: None,
    })
}

/// Cleans a raw article and builds the [`Article`] (see the module doc): title, byline,
/// date and source from the input's fields or from cleaning, the user's overrides from
/// `opts`, and the content id.
pub fn build_article(raw: RawArticle, opts: &ReadOptions) -> Result<ReadArticle, IngestError> {
    let RawArticle {
        origin,
        path,
        format,
        content,
        metadata: notes,
        mut warnings,
    } = raw;
    let mut metadata = Map::new();
    let mut article = Article {
        path,
        format: Some(format),
        ..Article::default()
    };
    let cleaned: Cleaned;
    match content {
        RawContent::Text(text) => {
            cleaned = clean::clean_scraped(&text);
            article.title = cleaned.title.clone().unwrap_or_default();
            article.published = cleaned.published.clone();
            article.byline = cleaned.byline.clone();
            article.source = cleaned.source.clone().unwrap_or_default();
            article.via = cleaned.via.clone();
        }
        RawContent::Record(record) => {
            let record = *record;
            cleaned = clean::clean_body(&record.body);
            metadata = record.extra;
            article.title = record.title.or(cleaned.title.clone()).unwrap_or_default();
            article.url = record.url;
            article.byline = record.byline.or(cleaned.byline.clone());
            article.source = record.source.or(cleaned.source.clone()).unwrap_or_default();
            article.via = record.via;
            for outlet in &cleaned.via {
                if !article.via.contains(outlet) {
                    article.via.push(outlet.clone());
                }
            }
            article.published = match record.date {
                Some(raw_date) => match clean::parse_date(&raw_date) {
                    Some(date) => Some(date),
                    None => {
                        warnings.push(Warning::new(
                            origin.clone(),
                            WarningKind::UnparsedDate,
                            format!("date {raw_date:?} not understood; kept in metadata.date_raw, published left empty"),
                        ));
                        metadata.insert("date_raw".into(), Value::String(raw_date));
                        None
                    }
                },
                None => cleaned.published.clone(),
            };
        }
        RawContent::Web(web::WebContent::Page(page)) => {
            let page = *page;
            cleaned = clean::clean_body(&page.body);
            article.title = page.title.or(cleaned.title.clone()).unwrap_or_default();
            article.url = page.url;
            article.byline = page.byline.or(cleaned.byline.clone());
            article.source = page
                .site_name
                .or(cleaned.source.clone())
                .unwrap_or_default();
            article.via = cleaned.via.clone();
            article.published = page
                .published
                .as_deref()
                .and_then(clean::parse_date)
                .or(cleaned.published.clone());
            article.language = page.language;
            if let Some(section) = page.section {
                metadata.insert("section".into(), Value::String(section));
            }
            for (key, value) in [
                ("description", page.description),
                ("modified", page.modified),
            ] {
                if let Some(value) = value {
                    metadata.insert(key.into(), Value::String(value));
                }
            }
            if !page.keywords.is_empty() {
                metadata.insert("keywords".into(), Value::from(page.keywords));
            }
        }
        RawContent::Web(web::WebContent::FeedItem { item, feed_title }) => {
            let item = *item;
            cleaned = clean::clean_body(item.text().unwrap_or(""));
            article.title = item.title.or(cleaned.title.clone()).unwrap_or_default();
            article.url = item.link;
            article.byline = item.author.or(cleaned.byline.clone());
            article.source = feed_title.or(cleaned.source.clone()).unwrap_or_default();
            article.via = cleaned.via.clone();
            article.published = item
                .published
                .as_deref()
                .and_then(clean::parse_date)
                .or(cleaned.published.clone());
            article.language = item.language;
            if !item.categories.is_empty() {
                metadata.insert("categories".into(), Value::from(item.categories));
            }
        }
    }
    article.subtitle = cleaned.subtitle;
    article.section = match metadata.remove("section") {
        Some(Value::String(section)) if cleaned.section.is_none() => Some(section),
        _ => cleaned.section,
    };
    article.body = cleaned.body;
    if article.body.trim().is_empty() {
        return Err(IngestError::EmptyBody { origin });
    }
    if article.source.is_empty() {
        article.source = opts.source.clone().unwrap_or_default();
    }
    if let Some(user_date) = &opts.date {
        let date = clean::parse_date(user_date).ok_or_else(|| IngestError::InvalidDate {
            value: user_date.clone(),
        })?;
        if let Some(own) = article.published.take().filter(|own| *own != date) {
            metadata.insert("date_in_input".into(), Value::String(own));
        }
        article.published = Some(date);
    }
    if article.title.trim().is_empty() {
        article.title = title_from_body(&article.body);
        metadata.insert("title_from".into(), Value::String("body".into()));
    }
    // Reading notes win over an input field of the same name: they describe this copy.
    metadata.extend(notes);
    article.metadata = metadata;
    article.id = content_id(&article.source, &article.body);
    Ok(ReadArticle {
        article,
        warnings,
        origin,
    })
}

/// A stand-in headline from the body: its first line, cut to the first sentence when
/// that line is long, and to at most [`MAX_DERIVED_TITLE_CHARS`] characters at a word
/// boundary (with "…" when cut).
pub fn title_from_body(body: &str) -> String {
    let line = body
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let mut title = line;
    if title.chars().count() > MAX_DERIVED_TITLE_CHARS {
        if let Some(end) = first_sentence_end(title) {
            title = &title[..end];
        }
    }
    if title.chars().count() <= MAX_DERIVED_TITLE_CHARS {
        return title.to_owned();
    }
    // Byte index of the character just past the limit.
    let cut = title
        .char_indices()
        .nth(MAX_DERIVED_TITLE_CHARS)
        .map_or(title.len(), |(i, _)| i);
    let head = &title[..cut];
    let at_word = match head.rfind(char::is_whitespace) {
        Some(space) if space > cut / 2 => &head[..space],
        _ => head,
    };
    let trimmed = at_word
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '-' | '—'));
    format!("{trimmed}…")
}

/// End (exclusive, without the full stop) of the first sentence of `line`: a `.`, `!`
/// or `?` followed by a space and an uppercase letter, after a word of more than one
/// letter that holds no inner dot (so "U.S. President" does not end a sentence).
fn first_sentence_end(line: &str) -> Option<usize> {
    let bytes = line.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if !matches!(b, b'.' | b'!' | b'?') || i == 0 {
            continue;
        }
        let after = &line[i + 1..];
        let next_upper = after
            .strip_prefix(' ')
            .and_then(|rest| rest.chars().next())
            .is_some_and(char::is_uppercase);
        if !next_upper {
            continue;
        }
        let word = line[..i].rsplit(' ').next().unwrap_or("");
        if b == b'.' && (word.chars().count() <= 1 || word.contains('.') || is_abbreviation(word)) {
            continue;
        }
        return Some(if b == b'.' { i } else { i + 1 });
    }
    None
}

fn is_abbreviation(word: &str) -> bool {
    matches!(
        word,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "Prof"
            | "St"
            | "Gen"
            | "Col"
            | "Lt"
            | "Sen"
            | "Rep"
            | "Gov"
            | "Jr"
            | "Sr"
            | "No"
            | "vs"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derived_titles() {
        assert_eq!(title_from_body("\nShort line\nMore"), "Short line");
        let long = format!(
            "The U.S. President met Mr. Smith on Monday. {}",
            "Then a great deal more happened that is not part of the title at all. ".repeat(3)
        );
        assert_eq!(
            title_from_body(&long),
            "The U.S. President met Mr. Smith on Monday"
        );
        let words = "word ".repeat(60);
        let title = title_from_body(&words);
        assert!(title.ends_with("word…"), "{title}");
        assert!(title.chars().count() <= MAX_DERIVED_TITLE_CHARS + 1);
        assert_eq!(title_from_body(""), "");
        let unbroken = "x".repeat(300);
        assert_eq!(
            title_from_body(&unbroken).chars().count(),
            MAX_DERIVED_TITLE_CHARS + 1
        );
    }
}
