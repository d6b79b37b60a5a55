//! `POST /api/articles`: a request body becomes stored articles.
//!
//! The body is read by the same readers as files on the command line, chosen by the
//! request's `Content-Type`: `application/json` (one article object, or an array of
//! them, with the JSON Lines fields `title`, `body`, `date`, `url`, `source`, …),
//! `application/x-ndjson` (JSON Lines), `text/plain` (an article as scraped, chrome
//! and all) or `text/html` (a page; the article is extracted). Each article then goes
//! through the same per-article stages and the same [`Ingestor`] as `newsgraph
//! ingest`, so a posted article is stored exactly as an ingested file would be. No
//! file is ever read or written on the client's behalf: the body is the only input.

use crate::ServeError;
use newsgraph_ingest::read::{self, ReadOptions};
use newsgraph_model::{Article, InputFormat};
use newsgraph_pipeline::{Analysis, Filed, Ingestor};
use newsgraph_store::Store;
use serde::{Deserialize, Serialize};

/// Options a client may give in the query string of a POST.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IngestParams {
    /// The outlet when the article does not name one.
    pub source: Option<String>,
    /// Publication date for every article (wins over dates in the text).
    pub date: Option<String>,
}

/// What happened to one posted article.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct IngestOutcome {
    /// Its content id.
    pub id: String,
    /// Its headline.
    pub title: String,
    /// `stored`, `near_duplicate` or `already_present`.
    pub outcome: String,
    /// The article it nearly repeats.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<String>,
}

/// A posted article (or record) that could not be read.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct IngestFailure {
    /// Which part of the body (`request`, `request:2` for the second record).
    pub origin: String,
    /// What was wrong.
    pub message: String,
}

/// The answer of `POST /api/articles`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct IngestReport {
    /// Articles read, with what happened to each.
    pub articles: Vec<IngestOutcome>,
    /// Parts of the body that could not be read.
    pub errors: Vec<IngestFailure>,
}

/// The input format for a content type (parameters such as `charset` ignored).
pub fn format_for(content_type: Option<&str>) -> Result<BodyFormat, ServeError> {
    let ct = content_type.unwrap_or("").trim();
    let essence = ct
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    match essence.as_str() {
        "application/json" => Ok(BodyFormat::Json),
        "application/x-ndjson" | "application/jsonl" | "application/jsonlines" => {
            Ok(BodyFormat::Jsonl)
        }
        "text/plain" => Ok(BodyFormat::Text),
        "text/html" | "application/xhtml+xml" => Ok(BodyFormat::Html),
        "" => Err(ServeError::UnsupportedMediaType("(none)".into())),
        _ => Err(ServeError::UnsupportedMediaType(ct.to_string())),
    }
}

/// How a request body is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyFormat {
    /// One JSON object or an array of objects.
    Json,
    /// JSON Lines.
    Jsonl,
    /// Plain text as scraped.
    Text,
    /// An HTML page.
    Html,
}

/// Reads the articles of a body; records that cannot be read are failures, the rest
/// are read on.
pub fn read_articles(
    format: BodyFormat,
    body: Vec<u8>,
    params: &IngestParams,
) -> Result<(Vec<Article>, Vec<IngestFailure>), ServeError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(ServeError::BadRequest(
            "empty body: send the article in the request body".into(),
        ));
    }
    let (input_format, bytes) = match format {
        BodyFormat::Json => (InputFormat::Jsonl, json_to_lines(&body)?),
        BodyFormat::Jsonl => (InputFormat::Jsonl, body),
        BodyFormat::Text => (InputFormat::Text, body),
        BodyFormat::Html => (InputFormat::Html, body),
    };
    let opts = ReadOptions {
        format: Some(input_format),
        source: params.source.clone().filter(|s| !s.trim().is_empty()),
        date: params.date.clone().filter(|s| !s.trim().is_empty()),
        ..ReadOptions::default()
    };
    if let Some(date) = &opts.date {
        if newsgraph_ingest::clean::parse_date(date).is_none() {
            return Err(ServeError::BadRequest(format!(
                "date {date:?} is not a date newsgraph can read (try 2026-03-05)"
            )));
        }
    }
    let raws = read::read_raw_stream("request", std::io::Cursor::new(bytes), &opts)
        .map_err(|e| ServeError::BadRequest(e.to_string()))?;
    let mut articles = Vec::new();
    let mut errors = Vec::new();
    for raw in raws {
        match raw.and_then(|raw| read::build_article(raw, &opts)) {
            Ok(read) => {
                let mut article = read.article;
                // The reader names stdin-like inputs; a client's body has no path.
                article.path = None;
                articles.push(article);
            }
            Err(e) => errors.push(IngestFailure {
                origin: e.path().unwrap_or("request").to_string(),
                message: e.to_string(),
            }),
        }
    }
    Ok((articles, errors))
}

/// A JSON body (an object or an array of objects) as JSON Lines.
fn json_to_lines(body: &[u8]) -> Result<Vec<u8>, ServeError> {
    let value: serde_json::Value = serde_json::from_slice(body)
        .map_err(|e| ServeError::BadRequest(format!("the body is not valid JSON: {e}")))?;
    let records = match value {
        serde_json::Value::Array(items) => items,
        v @ serde_json::Value::Object(_) => vec![v],
        _ => {
            return Err(ServeError::BadRequest(
                "the JSON body must be an article object or an array of article objects".into(),
            ))
        }
    };
    if records.is_empty() {
        return Err(ServeError::BadRequest("the JSON array is empty".into()));
    }
    let mut out = Vec::with_capacity(body.len());
    for r in records {
        if !r.is_object() {
            return Err(ServeError::BadRequest(
                "every item of the JSON array must be an article object".into(),
            ));
        }
        serde_json::to_writer(&mut out, &r)
            .map_err(|e| ServeError::Internal(format!("cannot re-encode JSON: {e}")))?;
        out.push(b'\n');
    }
    Ok(out)
}

/// Runs the per-article stages (CPU work, no store needed).
pub fn analyze(articles: Vec<Article>) -> Vec<Analysis> {
    articles
        .into_iter()
        .map(newsgraph_pipeline::analyze)
        .collect()
}

/// Files analysed articles into the store, one transaction each.
pub fn file(
    store: &mut dyn Store,
    analyses: Vec<Analysis>,
) -> Result<Vec<IngestOutcome>, ServeError> {
    let mut ingestor = Ingestor::new(store);
    let mut out = Vec::with_capacity(analyses.len());
    for a in analyses {
        let id = a.article.id.clone();
        let title = a.article.title.clone();
        let filed = ingestor.file(a).map_err(|e| match e {
            newsgraph_pipeline::PipelineError::Store(s) => ServeError::Store(s),
        })?;
        let (outcome, duplicate_of) = match filed {
            Filed::Stored => ("stored", None),
            Filed::NearDuplicate(of) => ("near_duplicate", Some(of)),
            Filed::AlreadyPresent => ("already_present", None),
        };
        out.push(IngestOutcome {
            id,
            title,
            outcome: outcome.into(),
            duplicate_of,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_types_pick_formats() {
        assert_eq!(
            format_for(Some("application/json")).unwrap(),
            BodyFormat::Json
        );
        assert_eq!(
            format_for(Some("text/plain; charset=utf-8")).unwrap(),
            BodyFormat::Text
        );
        assert_eq!(format_for(Some("TEXT/HTML")).unwrap(), BodyFormat::Html);
        assert!(matches!(
            format_for(Some("image/png")),
            Err(ServeError::UnsupportedMediaType(_))
        ));
        assert!(format_for(None).is_err());
    }

    #[test]
    fn json_objects_and_arrays_become_lines() {
        let one = json_to_lines(b"{\n \"title\": \"a\",\n \"body\": \"b\"\n}").unwrap();
        assert_eq!(one, b"{\"title\":\"a\",\"body\":\"b\"}\n");
        let two = json_to_lines(br#"[{"body":"x"},{"body":"y"}]"#).unwrap();
        assert_eq!(two.iter().filter(|&&b| b == b'\n').count(), 2);
        for bad in [&b"[]"[..], b"3", b"[1]", b"{", b"\"s\""] {
            assert!(json_to_lines(bad).is_err());
        }
    }

    #[test]
    fn text_bodies_are_read_as_articles() {
        let body = b"Jan 5, 2026\nTanker freed\nThe crew of the tanker was released on Monday, \
                     officials said. The ship left port.\n"
            .to_vec();
        let (articles, errors) =
            read_articles(BodyFormat::Text, body, &IngestParams::default()).unwrap();
        assert!(errors.is_empty());
        assert_eq!(articles.len(), 1);
        assert!(articles[0].body.contains("crew"));
        assert!(articles[0].path.is_none());
        assert!(!articles[0].id.is_empty());
    }

    #[test]
    fn bad_bodies_are_client_errors() {
        assert!(matches!(
            read_articles(BodyFormat::Text, b"  \n".to_vec(), &IngestParams::default()),
            Err(ServeError::BadRequest(_))
        ));
        let params = IngestParams {
            date: Some("someday".into()),
            ..IngestParams::default()
        };
        assert!(matches!(
            read_articles(BodyFormat::Text, b"text".to_vec(), &params),
            Err(ServeError::BadRequest(_))
        ));
    }
}
