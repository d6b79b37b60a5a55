//! Format detection: by file extension first, then by sniffing the first bytes.
//!
//! Extensions that name one format decide it (`.txt` is text even when it starts with
//! `{`). `.json` is accepted only when the content is line-oriented (one object per
//! line); other inputs are sniffed: `{` on the first line with a complete object →
//! JSON Lines; `WARC/1.` → WARC; `<rss`, `<feed`, `<rdf:RDF` (also after `<?xml`) →
//! feed; `<` followed by something tag-like → HTML; anything else → plain text.

use newsgraph_model::InputFormat;
use std::path::Path;

/// What the extension of `path` says about its format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExtensionHint {
    /// The extension names exactly this format.
    Format(InputFormat),
    /// `.json`: JSON Lines if the content is one object per line.
    Json,
    /// Unknown or no extension: sniff the content.
    Unknown,
}

/// The format hinted by the file name's extension (case-insensitive).
pub fn by_extension(path: &Path) -> ExtensionHint {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    if name.ends_with(".warc") || name.ends_with(".warc.gz") {
        return ExtensionHint::Format(InputFormat::Warc);
    }
    let ext = match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => ext,
        _ => return ExtensionHint::Unknown,
    };
    match ext {
        "txt" | "text" => ExtensionHint::Format(InputFormat::Text),
        "jsonl" | "ndjson" => ExtensionHint::Format(InputFormat::Jsonl),
        "json" => ExtensionHint::Json,
        "html" | "htm" | "xhtml" => ExtensionHint::Format(InputFormat::Html),
        "rss" | "atom" => ExtensionHint::Format(InputFormat::Feed),
        _ => ExtensionHint::Unknown,
    }
}

/// What the first bytes of an input look like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sniffed {
    /// A format newsgraph knows.
    Format(InputFormat),
    /// JSON, but not one object per line (pretty-printed or an array).
    OtherJson,
}

/// Guesses the format from the leading bytes of an input (already decoded to UTF-8 or
/// a UTF-8-compatible legacy encoding; a UTF-8 BOM may be present). `complete` says
/// whether `head` is the whole input.
pub fn sniff(head: &[u8], complete: bool) -> Sniffed {
    let head = head.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(head);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    let rest = &head[start..];
    match rest.first() {
        Some(b'{') => {
            let line_end = memchr::memchr(b'\n', rest);
            let first_line = match line_end {
                Some(end) => &rest[..end],
                // The first line is longer than the sniffed head: a long JSON line.
                None if !complete => return Sniffed::Format(InputFormat::Jsonl),
                None => rest,
            };
            if first_line.trim_ascii_end().ends_with(b"}") {
                Sniffed::Format(InputFormat::Jsonl)
            } else {
                Sniffed::OtherJson
            }
        }
        Some(b'[') if looks_like_json_array(rest) => Sniffed::OtherJson,
        Some(b'<') => sniff_markup(rest),
        _ if rest.starts_with(b"WARC/1.") => Sniffed::Format(InputFormat::Warc),
        _ => Sniffed::Format(InputFormat::Text),
    }
}

/// `[` followed by `{`, `[`, `"` or `]`: a JSON array rather than "[Photo] text".
fn looks_like_json_array(rest: &[u8]) -> bool {
    rest[1..]
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|b| matches!(b, b'{' | b'[' | b'"' | b']'))
}

fn sniff_markup(rest: &[u8]) -> Sniffed {
    let lower: Vec<u8> = rest
        .iter()
        .take(1024)
        .map(|b| b.to_ascii_lowercase())
        .collect();
    let contains = |needle: &[u8]| lower.windows(needle.len()).any(|w| w == needle);
    if contains(b"<rss") || contains(b"<feed") || contains(b"<rdf:rdf") {
        return Sniffed::Format(InputFormat::Feed);
    }
    // A tag-like start: `<html`, `<!doctype`, `<?xml`, `<!--`, `<div`, `</p>`…
    match lower.get(1) {
        Some(b) if b.is_ascii_alphabetic() || matches!(b, b'!' | b'?' | b'/') => {
            Sniffed::Format(InputFormat::Html)
        }
        _ => Sniffed::Format(InputFormat::Text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions() {
        assert_eq!(
            by_extension(Path::new("a/B.TXT")),
            ExtensionHint::Format(InputFormat::Text)
        );
        assert_eq!(
            by_extension(Path::new("x.ndjson")),
            ExtensionHint::Format(InputFormat::Jsonl)
        );
        assert_eq!(by_extension(Path::new("x.json")), ExtensionHint::Json);
        assert_eq!(
            by_extension(Path::new("cc.warc.gz")),
            ExtensionHint::Format(InputFormat::Warc)
        );
        assert_eq!(by_extension(Path::new(".txt")), ExtensionHint::Unknown);
        assert_eq!(by_extension(Path::new("README")), ExtensionHint::Unknown);
    }

    #[test]
    fn sniffing() {
        let f = |s: &str| sniff(s.as_bytes(), true);
        assert_eq!(
            f("{\"a\":1}\n{\"a\":2}\n"),
            Sniffed::Format(InputFormat::Jsonl)
        );
        assert_eq!(f("{\n  \"a\": 1\n}\n"), Sniffed::OtherJson);
        assert_eq!(f("[{\"a\":1}]"), Sniffed::OtherJson);
        assert_eq!(f("[Photo] A caption"), Sniffed::Format(InputFormat::Text));
        assert_eq!(
            f("<!DOCTYPE html><html>"),
            Sniffed::Format(InputFormat::Html)
        );
        assert_eq!(
            f("<?xml version=\"1.0\"?>\n<rss version=\"2.0\">"),
            Sniffed::Format(InputFormat::Feed)
        );
        assert_eq!(f("WARC/1.1\r\n"), Sniffed::Format(InputFormat::Warc));
        assert_eq!(f("<< Breaking >>"), Sniffed::Format(InputFormat::Text));
        assert_eq!(f("Headline\nBody"), Sniffed::Format(InputFormat::Text));
        assert_eq!(
            sniff(b"{\"body\":\"very long", false),
            Sniffed::Format(InputFormat::Jsonl)
        );
    }
}
