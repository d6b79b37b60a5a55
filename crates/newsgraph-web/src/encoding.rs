//! Decoding a page's bytes to text, the way browsers choose the encoding.
//!
//! Order of evidence (after the WHATWG encoding sniffing algorithm, simplified):
//! 1. a byte-order mark (UTF-8, UTF-16LE, UTF-16BE) wins over everything;
//! 2. the charset the HTTP response declared (`Content-Type: …; charset=`);
//! 3. a `<meta charset>` or `<meta http-equiv="Content-Type" content="…charset=…">` in
//!    the first 4 KiB (the spec says 1 KiB; real pages put long `<head>`s first);
//!    `utf-16` declared in a meta means UTF-8, as in browsers;
//! 4. bytes that are valid UTF-8 are UTF-8;
//! 5. otherwise chardetng guesses from the bytes (Windows-1252 for Western pages).
//!
//! A label encoding_rs does not know is ignored (the next step decides). The page is
//! **undecodable** — a clear [`WebError::Undecodable`] — when it holds NUL bytes or
//! many control characters (binary data served as HTML), when the chosen encoding is
//! the WHATWG "replacement" encoding (ISO-2022-KR and friends), or when more than 2% of
//! the decoded characters are U+FFFD.
//!
//! Known limits: no detection of UTF-16 without a BOM; a page that switches encodings
//! midway is decoded in one.

use crate::WebError;
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

/// How much of the page is scanned for a `<meta>` charset declaration.
const PRESCAN_BYTES: usize = 4096;

/// A page decoded to text, with how the encoding was chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// The WHATWG name of the encoding used (`UTF-8`, `windows-1252`, …).
    pub encoding: &'static str,
    /// Where the choice came from: `bom`, `http`, `meta`, `utf-8`, `detected`.
    pub source: &'static str,
    /// Number of malformed sequences replaced by U+FFFD.
    pub replaced: usize,
}

/// Decodes HTML bytes to text; `declared` is the charset from the HTTP response, if any.
pub fn decode_html(bytes: &[u8], declared: Option<&str>) -> Result<Decoded, WebError> {
    let (encoding, source, skip) = choose(bytes, declared);
    if encoding == encoding_rs::REPLACEMENT {
        return Err(WebError::Undecodable {
            charset: declared_label(bytes, declared).unwrap_or_else(|| encoding.name().into()),
        });
    }
    let body = &bytes[skip..];
    // Binary data: NUL bytes do not occur in text pages in any ASCII-compatible encoding.
    if !is_utf16(encoding) && looks_binary(body) {
        return Err(WebError::Undecodable {
            charset: "binary data".into(),
        });
    }
    let (text, _) = encoding.decode_without_bom_handling(body);
    let replaced = text.chars().filter(|&c| c == '\u{FFFD}').count();
    let chars = text.chars().count().max(1);
    if replaced * 50 > chars {
        return Err(WebError::Undecodable {
            charset: encoding.name().into(),
        });
    }
    Ok(Decoded {
        text: text.into_owned(),
        encoding: encoding.name(),
        source,
        replaced,
    })
}

fn is_utf16(encoding: &'static Encoding) -> bool {
    encoding == UTF_16LE || encoding == UTF_16BE
}

fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(8192)];
    if sample.is_empty() {
        return false;
    }
    let control = sample
        .iter()
        .filter(|&&b| b == 0 || (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)))
        .count();
    memchr::memchr(0, sample).is_some() || control * 20 > sample.len()
}

fn choose(bytes: &[u8], declared: Option<&str>) -> (&'static Encoding, &'static str, usize) {
    if let Some((encoding, len)) = Encoding::for_bom(bytes) {
        return (encoding, "bom", len);
    }
    if let Some(encoding) = declared.and_then(|l| Encoding::for_label(l.trim().as_bytes())) {
        return (encoding, "http", 0);
    }
    if let Some(label) = prescan_meta(&bytes[..bytes.len().min(PRESCAN_BYTES)]) {
        if let Some(mut encoding) = Encoding::for_label(label.as_bytes()) {
            if is_utf16(encoding) {
                encoding = UTF_8;
            }
            // A page declaring a legacy charset that is in fact valid UTF-8 with
            // non-ASCII bytes was almost always converted without fixing the meta.
            if encoding != UTF_8
                && !bytes.is_ascii()
                && std::str::from_utf8(bytes).is_ok()
                && encoding != encoding_rs::REPLACEMENT
            {
                return (UTF_8, "utf-8", 0);
            }
            return (encoding, "meta", 0);
        }
    }
    if std::str::from_utf8(bytes).is_ok() {
        return (UTF_8, "utf-8", 0);
    }
    // Valid UTF-8 except a sequence cut at the end (a truncated page).
    if let Err(e) = std::str::from_utf8(bytes) {
        if e.error_len().is_none() {
            return (UTF_8, "utf-8", 0);
        }
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    (
        detector.guess(None, chardetng::Utf8Detection::Allow),
        "detected",
        0,
    )
}

fn declared_label(bytes: &[u8], declared: Option<&str>) -> Option<String> {
    declared
        .map(str::to_owned)
        .or_else(|| prescan_meta(&bytes[..bytes.len().min(PRESCAN_BYTES)]))
}

/// Finds the charset label of a `<meta charset>` or `http-equiv` Content-Type meta in
/// the (ASCII-compatible) start of a page.
pub fn prescan_meta(head: &[u8]) -> Option<String> {
    let mut pos = 0;
    while let Some(found) = memchr::memmem::find(&head[pos..], b"<meta") {
        let start = pos + found + 5;
        let end = memchr::memchr(b'>', &head[start..]).map_or(head.len(), |e| start + e);
        let tag = String::from_utf8_lossy(&head[start..end]).to_ascii_lowercase();
        if let Some(label) = charset_in(&tag) {
            return Some(label);
        }
        pos = end;
    }
    // Upper-case tags.
    let mut pos = 0;
    while let Some(found) = memchr::memmem::find(&head[pos..], b"<META") {
        let start = pos + found + 5;
        let end = memchr::memchr(b'>', &head[start..]).map_or(head.len(), |e| start + e);
        let tag = String::from_utf8_lossy(&head[start..end]).to_ascii_lowercase();
        if let Some(label) = charset_in(&tag) {
            return Some(label);
        }
        pos = end;
    }
    None
}

/// The value after `charset=` in a lower-cased tag or header, unquoted.
pub fn charset_in(text: &str) -> Option<String> {
    let at = text.find("charset")?;
    let rest = text[at + 7..].trim_start();
    let rest = rest.strip_prefix('=')?.trim_start();
    let rest = rest.trim_start_matches(['"', '\'']);
    let label: String = rest
        .chars()
        .take_while(|c| !matches!(c, '"' | '\'' | ';' | ' ' | '/' | '>' | '\t' | '\n'))
        .collect();
    (!label.is_empty()).then_some(label)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_charset_forms() {
        assert_eq!(
            prescan_meta(b"<html><meta charset=\"windows-1252\">").as_deref(),
            Some("windows-1252")
        );
        assert_eq!(
            prescan_meta(
                b"<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=ISO-8859-1\">"
            )
            .as_deref(),
            Some("iso-8859-1")
        );
        assert_eq!(prescan_meta(b"<meta name=x content=y>"), None);
    }
}
