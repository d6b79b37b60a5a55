//! Page chrome: share bars, comment prompts, "Read more" links, cookie notices, ads.
//!
//! Chrome is recognised by *whole-line* patterns on short lines, never by a word inside
//! a sentence: "Email" alone on a line is chrome, "He declined to comment by email." is
//! not. Each pattern carries a length limit, so that a long paragraph that happens to
//! start with "Click here" or "Related:" is left alone. The same test is applied to the
//! tail of a paragraph after its last sentence end, which removes chrome a scraper glued
//! onto a paragraph ("… in Gaza. Comments Here:").

use memchr::memmem;
use std::sync::LazyLock;

/// Lines that are chrome when they are exactly this (lowercase, after trailing `:`,
/// `|`, `»`, `›`, `>`, `.` and spaces are removed).
const EXACT: &[&str] = &[
    "comments here",
    "comments",
    "comment",
    "leave a comment",
    "leave a reply",
    "post a comment",
    "add a comment",
    "add comment",
    "view comments",
    "show comments",
    "load comments",
    "no comments",
    "join the conversation",
    "share this article",
    "share this story",
    "share this post",
    "share this",
    "share",
    "share article",
    "share story",
    "share via",
    "share via email",
    "advertisement",
    "advertisements",
    "ad",
    "sponsored",
    "sponsored content",
    "print",
    "print this article",
    "print this page",
    "email",
    "e-mail",
    "email this article",
    "copy link",
    "link copied",
    "tweet",
    "accept all cookies",
    "accept cookies",
    "accept all",
    "reject all",
    "manage cookies",
    "cookie settings",
    "manage preferences",
    "skip to content",
    "skip to main content",
    "menu",
    "home",
    "search",
    "close",
    "listen to this article",
    "listen",
    "read more",
    "read also",
    "see also",
    "also read",
    "related",
    "related articles",
    "related stories",
    "related news",
    "related topics",
    "more on this story",
    "more stories",
    "top stories",
    "most read",
    "most popular",
    "recommended",
    "recommended stories",
    "you may also like",
    "you might also like",
    "trending",
    "trending now",
    "back to top",
    "scroll to top",
    "subscribe",
    "subscribe now",
    "sign in",
    "log in",
    "login",
    "register",
    "next article",
    "previous article",
    "next story",
    "loading",
    "continue reading",
    "getty images",
    "file photo",
    "watch",
    "video",
    "watch video",
    "play video",
    "more",
    "show more",
    "load more",
    "follow us",
    "newsletter",
];

/// Lines that are chrome when they start with this (lowercase, at a word boundary) and
/// are at most this many bytes long.
const PREFIX: &[(&str, usize)] = &[
    ("read more", 300),
    ("read also", 300),
    ("also read", 300),
    ("see also", 300),
    ("related:", 300),
    ("related articles", 300),
    ("related stories", 300),
    ("more on this story", 300),
    ("follow us", 160),
    ("subscribe to our", 200),
    ("subscribe to the", 200),
    ("subscribe now", 200),
    ("subscribe for", 200),
    ("sign up for", 200),
    ("sign up to", 200),
    ("sign up now", 200),
    ("click here", 120),
    ("tap here", 120),
    ("tags:", 400),
    ("tag:", 300),
    ("topics:", 300),
    ("filed under", 300),
    ("©", 200),
    ("(c) 1", 200),
    ("(c) 2", 200),
    ("copyright ©", 200),
    ("copyright (c)", 200),
    ("copyright 1", 200),
    ("copyright 2", 200),
    ("we use cookies", 500),
    ("this website uses cookies", 500),
    ("this site uses cookies", 500),
    ("our website uses cookies", 500),
    ("by continuing to browse", 500),
    ("by continuing to use", 500),
    ("by using this site", 500),
    ("photo:", 200),
    ("photo credit", 200),
    ("photograph:", 200),
    ("image:", 200),
    ("image source", 200),
    ("image caption", 300),
    ("download our app", 200),
    ("download the app", 200),
    ("get the app", 150),
    ("join our", 150),
    ("share this article", 150),
    ("share this story", 150),
    ("share on", 150),
    ("listen to this article", 150),
    ("advertisement", 60),
    ("story continues below", 100),
    ("article continues below", 100),
    ("scroll to continue", 100),
    ("comments (", 30),
];

/// Lines that are chrome when they contain this and are at most this long.
const CONTAINS: &[(&str, usize)] = &[
    ("all rights reserved", 200),
    ("accept all cookies", 300),
    ("cookie policy", 300),
];

/// Words a share bar is made of ("Share Facebook X WhatsApp Email").
const SHARE_WORDS: &[&str] = &[
    "share",
    "shares",
    "facebook",
    "twitter",
    "x",
    "whatsapp",
    "linkedin",
    "email",
    "e-mail",
    "mail",
    "print",
    "telegram",
    "reddit",
    "pinterest",
    "messenger",
    "copy",
    "link",
    "tweet",
    "sms",
    "on",
    "via",
    "this",
    "article",
    "flipboard",
    "threads",
    "bluesky",
    "comments",
    "comment",
    "save",
    "gift",
];

/// Social networks: naming one makes a share-word line (or "Follow … on X") chrome.
const NETWORKS: &[&str] = &[
    "facebook",
    "twitter",
    "x",
    "whatsapp",
    "linkedin",
    "telegram",
    "instagram",
    "youtube",
    "tiktok",
    "reddit",
    "pinterest",
    "threads",
    "bluesky",
    "share",
];

/// For every byte, the set of `words` (at most 128) that start with it, so that a line
/// is compared only with the patterns that share its first byte.
const fn index_by_first_byte(words: &[&str]) -> [u128; 256] {
    assert!(words.len() <= 128);
    let mut table = [0u128; 256];
    let mut i = 0;
    while i < words.len() {
        let bytes = words[i].as_bytes();
        assert!(!bytes.is_empty());
        table[bytes[0] as usize] |= 1 << i;
        i += 1;
    }
    table
}

/// [`index_by_first_byte`] for the patterns of [`PREFIX`].
const fn prefix_patterns() -> [&'static str; PREFIX.len()] {
    let mut out = [""; PREFIX.len()];
    let mut i = 0;
    while i < PREFIX.len() {
        out[i] = PREFIX[i].0;
        i += 1;
    }
    out
}

static EXACT_BY_FIRST: [u128; 256] = index_by_first_byte(EXACT);
static PREFIX_BY_FIRST: [u128; 256] = index_by_first_byte(&prefix_patterns());
static SHARE_WORDS_BY_FIRST: [u128; 256] = index_by_first_byte(SHARE_WORDS);

/// The indexes in a set from [`index_by_first_byte`].
fn members(mut set: u128) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        (set != 0).then(|| {
            let k = set.trailing_zeros() as usize;
            set &= set - 1;
            k
        })
    })
}

/// Whether `w` is one of the [`SHARE_WORDS`].
fn is_share_word(w: &str) -> bool {
    let Some(&first) = w.as_bytes().first() else {
        return false;
    };
    members(SHARE_WORDS_BY_FIRST[usize::from(first)]).any(|k| SHARE_WORDS[k] == w)
}

/// Whether `s` is one of the [`EXACT`] chrome lines.
fn is_exact(s: &str) -> bool {
    let Some(&first) = s.as_bytes().first() else {
        return false;
    };
    members(EXACT_BY_FIRST[usize::from(first)]).any(|k| EXACT[k] == s)
}

/// Lowercases ASCII into a reusable buffer (non-ASCII bytes are copied unchanged).
fn lower_into<'b>(s: &str, buf: &'b mut String) -> &'b str {
    buf.clear();
    buf.push_str(s);
    buf.make_ascii_lowercase();
    buf
}

/// Whether a whole (normalised) line is chrome; `buf` is scratch space.
pub(crate) fn is_chrome_line(line: &str, buf: &mut String) -> bool {
    if line.len() > 500 {
        return false;
    }
    if line.len() > 300 {
        // Only the long-limit prefixes can match; no need to lowercase the line.
        let b = line.as_bytes();
        return PREFIX.iter().any(|&(p, max)| {
            line.len() <= max
                && b.get(..p.len())
                    .is_some_and(|h| h.eq_ignore_ascii_case(p.as_bytes()))
        });
    }
    let lower = lower_into(line, buf);
    is_chrome_lower(lower)
}

/// A line without the trailing punctuation, arrows and spaces that chrome often has.
fn bare(line: &str) -> &str {
    line.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, ':' | '|' | '»' | '›' | '>' | '.' | '…' | '-' | '→')
    })
}

fn is_chrome_lower(lower: &str) -> bool {
    let bare = bare(lower);
    if bare.len() <= 40 && is_exact(bare) {
        return true;
    }
    let first = lower.as_bytes().first().copied().unwrap_or(0);
    for (p, max) in members(PREFIX_BY_FIRST[usize::from(first)]).map(|k| PREFIX[k]) {
        if lower.len() <= max && lower.starts_with(p) {
            let next = lower[p.len()..].chars().next();
            if !p.ends_with(|c: char| c.is_alphabetic())
                || !next.is_some_and(|c| c.is_alphanumeric())
            {
                return true;
            }
        }
    }
    if may_contain_phrase(lower.as_bytes()) {
        // `str::contains` rather than a `memmem::Finder`: on lines this short its SIMD
        // search starts faster.
        if CONTAINS
            .iter()
            .any(|&(p, max)| lower.len() <= max && lower.contains(p))
        {
            return true;
        }
    }
    lower.len() <= 160 && (is_counter(bare) || is_share_bar(bare) || is_follow(bare))
}

/// A cheap pre-filter for [`CONTAINS`], which runs on every paragraph: each of its
/// phrases contains "cookie" or "reserved", found here from their rare letters `k` and
/// `v` without a substring search. False only when no phrase can occur.
fn may_contain_phrase(lower: &[u8]) -> bool {
    memchr::memchr2_iter(b'k', b'v', lower).any(|i| {
        let around = |before: usize, word: &[u8]| {
            i.checked_sub(before)
                .and_then(|start| lower.get(start..start + word.len()))
                == Some(word)
        };
        if lower[i] == b'k' {
            around(3, b"cookie")
        } else {
            around(5, b"reserved")
        }
    })
}

/// "Comments (0)", "12 comments", "3 min read".
fn is_counter(bare: &str) -> bool {
    if bare.len() > 30 || !bare.bytes().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let words: String = bare
        .chars()
        .filter(|c| !c.is_ascii_digit() && !matches!(c, '(' | ')'))
        .collect();
    matches!(
        words.trim(),
        "comments" | "comment" | "shares" | "views" | "min read" | "minute read" | "minutes read"
    )
}

/// A line made only of share-bar words, naming at least one network or "share".
fn is_share_bar(bare: &str) -> bool {
    let mut words = 0;
    let mut network = false;
    for w in bare.split(is_share_separator) {
        if w.is_empty() {
            continue;
        }
        if !is_share_word(w) {
            return false;
        }
        network |= NETWORKS.contains(&w);
        words += 1;
    }
    words >= 2 && network
}

/// What separates the words of a share bar.
fn is_share_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '|' | '•' | '·' | '/' | ',')
}

/// "Follow Caliber.Az on X", "Follow us on Telegram".
fn is_follow(bare: &str) -> bool {
    let Some(rest) = bare.strip_prefix("follow ") else {
        return false;
    };
    if bare.len() > 100 {
        return false;
    }
    rest.rsplit_once(" on ").is_some_and(|(_, net)| {
        net.split([' ', ','])
            .all(|w| w.is_empty() || NETWORKS.contains(&w) || w == "and")
    })
}

/// Removes chrome glued to the end of a paragraph after a sentence end, repeatedly.
/// Returns the kept text; pushes removed fragments to `removed`.
pub(crate) fn strip_glued_tail<'a>(
    mut text: &'a str,
    buf: &mut String,
    removed: &mut Vec<String>,
) -> &'a str {
    'outer: loop {
        let bytes = text.as_bytes();
        // When the paragraph itself ends a sentence, only a short exact chrome phrase
        // can be glued on ("… said. Email."), so a short window suffices.
        let window = if ends_sentence_bytes(bytes) { 48 } else { 300 };
        let floor = text.len().saturating_sub(window);
        // Candidate cut points: sentence-ending punctuation, closing quotes, a space.
        for p in memchr::memrchr3_iter(b'.', b'!', b'?', &bytes[floor..]) {
            let mut i = floor + p + 1;
            loop {
                match bytes.get(i..) {
                    Some([b'"' | b'\'' | b')' | b']', ..]) => i += 1,
                    Some([0xE2, 0x80, 0x99 | 0x9D, ..]) => i += 3,
                    Some([0xC2, 0xBB, ..]) => i += 2,
                    _ => break,
                }
            }
            if bytes.get(i) != Some(&b' ') {
                continue;
            }
            let tail = &text[i + 1..];
            // A glued tail that ends like a sentence is most likely a sentence ("Read
            // more about it in the report."), unless it is chrome word for word.
            let sentence = ends_sentence_bytes(tail.as_bytes());
            if tail.is_empty() || (sentence && tail.len() > 40) {
                continue;
            }
            let lower = lower_into(tail, buf);
            let chrome = if sentence {
                is_exact(lower.trim_end_matches(['.', '!', '?', '…']))
            } else {
                is_chrome_lower(lower)
            };
            if chrome {
                removed.push(tail.to_string());
                text = &text[..i];
                continue 'outer;
            }
        }
        return text;
    }
}

/// Whether `s` ends a sentence: `.`, `!`, `?` or `…`, possibly inside closing quotes or
/// brackets.
pub(crate) fn ends_sentence(s: &str) -> bool {
    ends_sentence_bytes(s.as_bytes())
}

/// [`ends_sentence`] on bytes, without decoding characters.
fn ends_sentence_bytes(mut b: &[u8]) -> bool {
    loop {
        match b {
            [rest @ .., b'"' | b'\'' | b')' | b']'] => b = rest,
            // ’ ” (E2 80 99/9D) and » (C2 BB)
            [rest @ .., 0xE2, 0x80, 0x99 | 0x9D] | [rest @ .., 0xC2, 0xBB] => b = rest,
            [.., b'.' | b'!' | b'?'] | [.., 0xE2, 0x80, 0xA6] => return true,
            _ => return false,
        }
    }
}

static AD_FINDER: LazyLock<memmem::Finder<'static>> =
    LazyLock::new(|| memmem::Finder::new("dvertisement"));

/// Removes an "Advertisement" / "ADVERTISEMENT" marker glued between two sentences of a
/// paragraph ("… said. Advertisement The minister …"). Only between a sentence end and a
/// capital letter, so that "advertisement spending" in a sentence is left alone.
pub(crate) fn strip_inline_ads(text: &str, removed: &mut Vec<String>) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0;
    for pos in AD_FINDER.find_iter(bytes) {
        let Some(start) = pos.checked_sub(1) else {
            continue;
        };
        if !matches!(bytes[start], b'A' | b'a') || start < copied {
            continue;
        }
        let end = pos + "dvertisement".len();
        let word = &text[start..end];
        if word != "Advertisement" && !word.eq_ignore_ascii_case("advertisement") {
            continue;
        }
        if word != "Advertisement" && word != "ADVERTISEMENT" {
            continue;
        }
        let before = text[..start].trim_end();
        let after = &text[end..];
        let after_ok = after.is_empty()
            || (after.starts_with(' ')
                && after[1..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || matches!(c, '"' | '“' | '‘')));
        if !after_ok || before.is_empty() || !ends_sentence(before) {
            continue;
        }
        let o = out.get_or_insert_with(|| String::with_capacity(text.len()));
        o.push_str(&text[copied..start]);
        // Skip the marker and the one space after it.
        copied = if after.is_empty() { end } else { end + 1 };
        removed.push(word.to_string());
    }
    let mut o = out?;
    o.push_str(&text[copied..]);
    let trimmed_len = o.trim_end().len();
    o.truncate(trimmed_len);
    Some(o)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_byte_indexes_find_every_pattern() {
        for (k, word) in EXACT.iter().enumerate() {
            assert!(is_exact(word), "{word}");
            assert_ne!(
                EXACT_BY_FIRST[usize::from(word.as_bytes()[0])] & (1 << k),
                0
            );
        }
        for (k, (p, _)) in PREFIX.iter().enumerate() {
            assert!(members(PREFIX_BY_FIRST[usize::from(p.as_bytes()[0])]).any(|i| i == k));
        }
        assert!(!is_exact("") && !is_exact("shares"));
        for word in SHARE_WORDS {
            assert!(is_share_word(word), "{word}");
        }
        assert!(!is_share_word("") && !is_share_word("shared"));
        for phrase in CONTAINS {
            assert!(may_contain_phrase(phrase.0.as_bytes()), "{}", phrase.0);
        }
    }

    #[test]
    fn whole_lines() {
        for l in [
            "Comments Here:",
            "Share this article",
            "Share on Facebook",
            "Share on X",
            "Read more: Israel and Lebanon trade fire",
            "READ ALSO: Something else",
            "Related: Other story",
            "ADVERTISEMENT",
            "Advertisement",
            "Follow us on X",
            "Follow Caliber.Az on Telegram",
            "Subscribe to our newsletter",
            "Sign up for our daily briefing",
            "We use cookies to improve your experience. Accept all cookies",
            "Click here to read the full report",
            "© 2026 Example Media. All rights reserved.",
            "Tags: Iran, Israel, USA",
            "Comments (0)",
            "12 comments",
            "Leave a comment",
            "Print",
            "Email",
            "Share Facebook X WhatsApp Email",
            "4 min read",
        ] {
            assert!(is_chrome_line(l, &mut String::new()), "{l}");
        }
    }

    #[test]
    fn sentences_are_not_chrome() {
        for l in [
            "He declined to comment by email.",
            "Shares in the company fell 5% on Monday.",
            "Click here was the name of the campaign, officials said, adding that it would run until the end of the year and beyond, according to the people who planned it and paid for it all over the years.",
            "Printing presses were seized.",
            "Related talks are planned for next week.",
            "Follow-up talks are expected in March.",
            "The advertisement was pulled after complaints.",
        ] {
            assert!(!is_chrome_line(l, &mut String::new()), "{l}");
        }
    }

    #[test]
    fn glued_tail() {
        let mut removed = Vec::new();
        assert_eq!(
            strip_glued_tail(
                "It will cost $70 billion. Comments Here:",
                &mut String::new(),
                &mut removed
            ),
            "It will cost $70 billion."
        );
        assert_eq!(
            strip_glued_tail(
                "They met. Share this article Read more: Talks resume",
                &mut String::new(),
                &mut removed
            ),
            "They met."
        );
        assert_eq!(
            strip_glued_tail(
                "Hamas fails to disarm. Comments are closed for now",
                &mut String::new(),
                &mut removed
            ),
            "Hamas fails to disarm. Comments are closed for now"
        );
    }

    #[test]
    fn inline_ads() {
        let mut removed = Vec::new();
        assert_eq!(
            strip_inline_ads("He said. Advertisement The minister left.", &mut removed).as_deref(),
            Some("He said. The minister left.")
        );
        assert_eq!(
            strip_inline_ads("The advertisement was pulled. Advertisement", &mut removed)
                .as_deref(),
            Some("The advertisement was pulled.")
        );
        assert_eq!(
            strip_inline_ads("Advertisement spending rose.", &mut removed),
            None
        );
    }
}
