//! Web inputs: HTML pages, RSS/Atom/JSON feeds and WARC archives, read through
//! `newsgraph-web` (extraction, feed parsing, the WARC record stream) and turned into
//! raw articles like any other input.
//!
//! - An HTML page is one article: the extractor's body and metadata.
//! - A feed file gives one article per item, from the text the feed itself carries
//!   (fetching item pages is `newsgraph watch`'s job, not a file reader's).
//! - A WARC archive is streamed record by record; each `response` record with HTML is
//!   extracted, with the record's target URI and date as metadata. A record without an
//!   article, or a damaged one, is an error item for that record (named `file@offset`)
//!   and reading goes on; a truncated archive ends with an error after every good record.

use super::{RawArticle, RawContent};
use crate::IngestError;
use newsgraph_model::InputFormat;
use newsgraph_web::{ExtractOptions, ExtractedPage, FeedItem, WarcOptions, WarcReader, WebError};
use serde_json::{Map, Value};
use std::io::Read;
use std::sync::atomic::AtomicU64;
use std::sync::Arc;

/// An article read from the web: an extracted page or a feed item.
#[derive(Debug, Clone, PartialEq)]
pub enum WebContent {
    /// A page run through the article extractor.
    Page(Box<ExtractedPage>),
    /// A feed item, with the feed's title (usually the outlet).
    FeedItem {
        /// The item.
        item: Box<FeedItem>,
        /// The feed's title.
        feed_title: Option<String>,
    },
}

fn web_error(origin: &str, err: &WebError) -> IngestError {
    IngestError::Web {
        origin: origin.to_owned(),
        message: err.to_string(),
    }
}

/// Reads a whole HTML page (up to `limit` bytes) and extracts its article.
pub(crate) fn read_html(
    head: Vec<u8>,
    rest: &mut dyn Read,
    name: &str,
    file_path: Option<String>,
    limit: u64,
) -> Result<RawArticle, IngestError> {
    let bytes = read_all(head, rest, name, limit)?;
    let options = ExtractOptions {
        max_bytes: usize::try_from(limit).unwrap_or(usize::MAX),
        ..ExtractOptions::default()
    };
    let page = newsgraph_web::extract(&bytes, &options).map_err(|e| web_error(name, &e))?;
    let mut metadata = Map::new();
    metadata.insert("encoding".into(), Value::String(page.encoding.clone()));
    Ok(RawArticle {
        origin: name.to_owned(),
        path: file_path,
        format: InputFormat::Html,
        content: RawContent::Web(WebContent::Page(Box::new(page))),
        metadata,
        warnings: Vec::new(),
    })
}

/// Reads a whole feed file (up to `limit` bytes) and yields one raw article per item.
pub(crate) fn read_feed(
    head: Vec<u8>,
    rest: &mut dyn Read,
    name: &str,
    file_path: Option<String>,
    limit: u64,
) -> Result<Vec<Result<RawArticle, IngestError>>, IngestError> {
    let bytes = read_all(head, rest, name, limit)?;
    let feed = newsgraph_web::parse_feed(&bytes).map_err(|e| web_error(name, &e))?;
    if feed.items.is_empty() {
        return Err(IngestError::Web {
            origin: name.to_owned(),
            message: "feed has no items".into(),
        });
    }
    Ok(feed
        .items
        .into_iter()
        .enumerate()
        .map(|(k, item)| {
            let mut metadata = Map::new();
            metadata.insert("feed_item_id".into(), Value::String(item.id.clone()));
            if let Some(link) = &feed.link {
                metadata.insert("feed_link".into(), Value::String(link.clone()));
            }
            Ok(RawArticle {
                origin: format!("{name}#{}", k + 1),
                path: file_path.clone(),
                format: InputFormat::Feed,
                content: RawContent::Web(WebContent::FeedItem {
                    item: Box::new(item),
                    feed_title: feed.title.clone(),
                }),
                metadata,
                warnings: Vec::new(),
            })
        })
        .collect())
}

/// Streams a WARC archive's HTML responses as raw articles; `progress` counts the bytes
/// of the archive consumed so far.
pub(crate) fn read_warc(
    reader: Box<dyn Read + Send>,
    name: &str,
    file_path: Option<String>,
    limit: u64,
) -> Result<(WarcArticles, Arc<AtomicU64>), IngestError> {
    let options = WarcOptions {
        max_record_bytes: limit,
        html_only: true,
    };
    let warc = WarcReader::new(reader, options).map_err(|e| web_error(name, &e))?;
    let progress = warc.progress();
    Ok((
        WarcArticles {
            warc,
            name: name.to_owned(),
            file_path,
        },
        progress,
    ))
}

/// The articles of a WARC archive, one per HTML response record.
pub(crate) struct WarcArticles {
    warc: WarcReader,
    name: String,
    file_path: Option<String>,
}

impl Iterator for WarcArticles {
    type Item = Result<RawArticle, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        let offset = self.warc.offset();
        let record = match self.warc.next()? {
            Ok(record) => record,
            Err(e) => return Some(Err(web_error(&format!("{}@{offset}", self.name), &e))),
        };
        let origin = format!("{}@{}", self.name, record.offset);
        let options = ExtractOptions {
            url: record.target_uri.clone(),
            charset: record.charset.clone(),
            ..ExtractOptions::default()
        };
        let mut page = match newsgraph_web::extract(&record.body, &options) {
            Ok(page) => page,
            Err(e) => return Some(Err(web_error(&origin, &e))),
        };
        if page.url.is_none() {
            page.url = record.target_uri.clone();
        }
        let mut metadata = Map::new();
        for (key, value) in [
            ("warc_target_uri", &record.target_uri),
            ("warc_date", &record.date),
            ("warc_record_id", &record.record_id),
        ] {
            if let Some(value) = value {
                metadata.insert(key.into(), Value::String(value.clone()));
            }
        }
        metadata.insert("warc_offset".into(), Value::from(record.offset));
        metadata.insert("encoding".into(), Value::String(page.encoding.clone()));
        Some(Ok(RawArticle {
            origin,
            path: self.file_path.clone(),
            format: InputFormat::Warc,
            content: RawContent::Web(WebContent::Page(Box::new(page))),
            metadata,
            warnings: Vec::new(),
        }))
    }
}

fn read_all(
    mut head: Vec<u8>,
    rest: &mut dyn Read,
    name: &str,
    limit: u64,
) -> Result<Vec<u8>, IngestError> {
    let budget = (limit + 1).saturating_sub(head.len() as u64);
    rest.take(budget)
        .read_to_end(&mut head)
        .map_err(|e| IngestError::io(name, e))?;
    if head.len() as u64 > limit {
        return Err(IngestError::TooLarge {
            path: name.to_owned(),
            size: None,
            limit,
        });
    }
    Ok(head)
}

/// A raw article from what `newsgraph watch` fetched: the item's extracted page when it
/// was fetched, else the text the feed carries; named `FEED-URL#ITEM-ID`.
pub fn from_web_article(web: newsgraph_web::WebArticle) -> RawArticle {
    let origin = format!("{}#{}", web.feed_url, web.item.id);
    let mut metadata = Map::new();
    metadata.insert("feed_url".into(), Value::String(web.feed_url.clone()));
    metadata.insert("feed_item_id".into(), Value::String(web.item.id.clone()));
    if let Some(error) = &web.page_error {
        metadata.insert("page_error".into(), Value::String(error.clone()));
    }
    let (format, content) = match web.page {
        Some(mut page) => {
            metadata.insert("encoding".into(), Value::String(page.encoding.clone()));
            // The feed knows the outlet and the item's link when the page does not.
            if page.site_name.is_none() {
                page.site_name = web.feed_title.clone();
            }
            if page.url.is_none() {
                page.url = web.item.link.clone();
            }
            if page.published.is_none() {
                page.published = web.item.published.clone();
            }
            if page.title.is_none() {
                page.title = web.item.title.clone();
            }
            (InputFormat::Html, WebContent::Page(Box::new(page)))
        }
        None => (
            InputFormat::Feed,
            WebContent::FeedItem {
                item: Box::new(web.item),
                feed_title: web.feed_title,
            },
        ),
    };
    RawArticle {
        origin,
        path: None,
        format,
        content: RawContent::Web(content),
        metadata,
        warnings: Vec::new(),
    }
}
