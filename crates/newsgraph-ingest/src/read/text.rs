//! Plain text as scraped: the whole input is one article.
//!
//! The input is read into memory up to the per-article limit (one byte more, to tell
//! "exactly at the limit" from "over it"), decoded, and handed on whole; cleaning
//! (headline, byline, chrome) happens later in `clean::clean_scraped`.

use super::decode::decode_owned;
use super::{RawArticle, RawContent};
use crate::{IngestError, Warning, WarningKind};
use newsgraph_model::InputFormat;
use serde_json::{Map, Value};
use std::io::Read;

/// Reads the rest of a text input whose first bytes are `head`.
pub(crate) fn read_text(
    mut head: Vec<u8>,
    rest: &mut dyn Read,
    name: &str,
    file_path: Option<String>,
    limit: u64,
) -> Result<RawArticle, IngestError> {
    let too_large = |size: Option<u64>| IngestError::TooLarge {
        path: name.to_owned(),
        size,
        limit,
    };
    if head.len() as u64 > limit {
        return Err(too_large(None));
    }
    let budget = limit + 1 - head.len() as u64;
    rest.take(budget)
        .read_to_end(&mut head)
        .map_err(|e| IngestError::io(name, e))?;
    if head.len() as u64 > limit {
        return Err(too_large(None));
    }
    let decoded = decode_owned(head);
    if decoded.text.trim().is_empty() {
        return Err(IngestError::Empty {
            path: name.to_owned(),
        });
    }
    let mut metadata = Map::new();
    if let Some(encoding) = decoded.encoding {
        metadata.insert("encoding".into(), Value::String(encoding.into()));
    }
    let warnings = decoded
        .warning
        .map(|message| Warning::new(name, WarningKind::Encoding, message))
        .into_iter()
        .collect();
    Ok(RawArticle {
        origin: name.to_owned(),
        path: file_path,
        format: InputFormat::Text,
        content: RawContent::Text(decoded.text),
        metadata,
        warnings,
    })
}
