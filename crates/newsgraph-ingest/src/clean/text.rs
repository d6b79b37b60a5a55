//! Cutting raw text into normalised units (one per paragraph).
//!
//! A unit is a line with its whitespace normalised: NBSP and the other Unicode spaces
//! become a plain space, runs of spaces and tabs collapse, zero-width spaces and the BOM
//! go, the ends are trimmed. Everything else (curly quotes, dashes, ZWJ/ZWNJ, which
//! matter in some scripts) is kept byte for byte. Lines that need no change are borrowed.
//!
//! Hard-wrapped text (blank-line separated blocks of short lines, as in old newswire
//! files) is detected and each block is joined into one unit, so that a paragraph never
//! ends in the middle of a sentence because of a line width.

use std::borrow::Cow;

/// One paragraph candidate.
#[derive(Debug, Clone)]
pub(crate) struct Unit<'a> {
    /// The normalised text, never empty.
    pub text: Cow<'a, str>,
    /// Whether a blank line preceded it (or it is the first unit).
    pub blank_before: bool,
}

/// Splits `raw` into normalised, non-empty units.
pub(crate) fn units(raw: &str) -> Vec<Unit<'_>> {
    // Rare inputs (CR line ends, NEL and the Unicode line and paragraph separators) are
    // rewritten once up front so that the common path can cut at '\n' with memchr.
    if memchr::memchr(b'\r', raw.as_bytes()).is_some()
        || raw.contains('\u{85}')
        || raw.contains('\u{2028}')
        || raw.contains('\u{2029}')
    {
        let fixed = raw
            .replace("\r\n", "\n")
            .replace(['\r', '\u{85}', '\u{2028}', '\u{2029}'], "\n");
        return units_lf(&fixed)
            .into_iter()
            .map(|u| Unit {
                text: Cow::Owned(u.text.into_owned()),
                blank_before: u.blank_before,
            })
            .collect();
    }
    units_lf(raw)
}

fn units_lf(raw: &str) -> Vec<Unit<'_>> {
    let lines: Vec<&str> = raw.split('\n').collect();
    if is_hard_wrapped(&lines) {
        return wrapped_units(&lines);
    }
    let mut out = Vec::with_capacity(lines.len());
    let mut blank = true;
    for line in lines {
        let text = normalize(line);
        if text.is_empty() {
            blank = true;
            continue;
        }
        out.push(Unit {
            text,
            blank_before: blank,
        });
        blank = false;
    }
    out
}

/// Hard wrapping: at least one blank line, no line over 100 bytes, and most lines that
/// continue into a next non-blank line look cut by a width (40–100 bytes, no sentence
/// end). Scraped pages, where every line is a paragraph, end their lines with
/// punctuation or are short header lines, so they stay as they are.
fn is_hard_wrapped(lines: &[&str]) -> bool {
    let (mut followed, mut wrap_like, mut any_blank) = (0usize, 0usize, false);
    // Each line is trimmed once: `next` is the trimmed line after `t`.
    let mut trimmed = lines.iter().map(|l| l.trim());
    let mut next = trimmed.next();
    while let Some(t) = next {
        next = trimmed.next();
        if t.is_empty() {
            any_blank = true;
            continue;
        }
        if t.len() > 100 {
            return false;
        }
        if next.is_some_and(|n| !n.is_empty()) {
            followed += 1;
            let ends_sentence = t.ends_with(['.', '!', '?', '"', '”', ':', ';']);
            if (40..=100).contains(&t.len()) && !ends_sentence {
                wrap_like += 1;
            }
        }
    }
    any_blank && wrap_like >= 3 && wrap_like * 3 >= followed * 2
}

/// Joins the lines of each block; an indented line also starts a new paragraph.
fn wrapped_units<'a>(lines: &[&'a str]) -> Vec<Unit<'a>> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut blank = true;
    let mut cur_blank = true;
    let flush = |cur: &mut String, cur_blank: bool, out: &mut Vec<Unit<'a>>| {
        let t = normalize(cur);
        if !t.is_empty() {
            out.push(Unit {
                text: Cow::Owned(t.into_owned()),
                blank_before: cur_blank,
            });
        }
        cur.clear();
    };
    for line in lines {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            flush(&mut cur, cur_blank, &mut out);
            blank = true;
            continue;
        }
        let indented = line.starts_with("  ") || line.starts_with('\t');
        if indented && !cur.is_empty() {
            flush(&mut cur, cur_blank, &mut out);
        }
        if cur.is_empty() {
            cur_blank = blank;
        } else {
            cur.push(' ');
        }
        cur.push_str(trimmed);
        blank = false;
    }
    flush(&mut cur, cur_blank, &mut out);
    out
}

/// Normalises the whitespace of one line (see the module documentation).
pub(crate) fn normalize(line: &str) -> Cow<'_, str> {
    let trimmed = trim(line);
    if !needs_fix(trimmed.as_bytes()) {
        return Cow::Borrowed(trimmed);
    }
    let mut out = String::with_capacity(trimmed.len());
    let mut pending_space = false;
    for c in trimmed.chars() {
        if is_space(c) {
            pending_space = !out.is_empty();
        } else if matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}') {
            // Invisible: dropped without becoming a space.
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Trims spaces of every kind (and the invisible characters) from both ends.
fn trim(s: &str) -> &str {
    // Everything trimmed is ASCII up to the space, or not ASCII: a line that starts and
    // ends with another ASCII byte (the common case) has nothing to trim.
    let solid = |c: &u8| (b'!'..=0x7F).contains(c);
    if s.as_bytes().first().is_some_and(solid) && s.as_bytes().last().is_some_and(solid) {
        return s;
    }
    s.trim_matches(|c: char| is_space(c) || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}'))
}

fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\r' | '\u{0B}' | '\u{0C}' | '\u{A0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

/// Bytes that may start something `normalize` changes: C0 controls (tab, CR, VT, FF) and
/// the lead bytes of the Unicode spaces and invisible characters handled there.
static SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 0x20 {
        t[c] = true;
        c += 1;
    }
    t[0xC2] = true;
    t[0xE1] = true;
    t[0xE2] = true;
    t[0xE3] = true;
    t[0xEF] = true;
    t
};

/// Whether a trimmed line holds anything `normalize` would change: two spaces in a
/// row, or a byte in [`SPECIAL`] that starts a character `normalize` replaces. Sixteen
/// bytes at a time: a block of printable ASCII without two spaces in a row (most of a
/// line) is passed over with a few SIMD comparisons; other blocks are looked at byte by
/// byte.
fn needs_fix(b: &[u8]) -> bool {
    const W: usize = 16;
    let mut i = 0;
    while i < b.len() {
        let end = (i + W).min(b.len());
        let block = &b[i..end];
        let plain = block.len() == W && plain_block(block);
        if plain && !(block[W - 1] == b' ' && b.get(end) == Some(&b' ')) {
            i = end;
            continue;
        }
        for at in i..end {
            let c = b[at];
            if c == b' ' && b.get(at + 1) == Some(&b' ') {
                return true;
            }
            if SPECIAL[usize::from(c)] && special_changes(b, at) {
                return true;
            }
        }
        i = end;
    }
    false
}

/// Whether the [`SPECIAL`] byte at `at` starts something `normalize` changes.
fn special_changes(b: &[u8], at: usize) -> bool {
    let next = |k: usize| b.get(at + k).copied().unwrap_or(0);
    match b[at] {
        b'\n' => false,
        c if c < 0x20 => matches!(c, b'\t' | b'\r' | 0x0B | 0x0C),
        0xC2 => next(1) == 0xA0,
        0xE1 => next(1) == 0x9A && next(2) == 0x80,
        0xE2 => matches!(
            (next(1), next(2)),
            (0x80, 0x80..=0x8B | 0xAF) | (0x81, 0x9F | 0xA0)
        ),
        0xE3 => next(1) == 0x80 && next(2) == 0x80,
        _ => next(1) == 0xBB && next(2) == 0xBF,
    }
}

/// Whether a block is printable ASCII (space and DEL included) without two spaces in a
/// row. Written without early exits so that it compiles to a few SIMD comparisons.
#[inline(always)]
fn plain_block(block: &[u8]) -> bool {
    let printable = block
        .iter()
        .fold(true, |ok, &c| ok & (c.wrapping_sub(0x20) < 0x60));
    let double_space = block
        .iter()
        .zip(&block[1..])
        .fold(false, |found, (&a, &c)| found | ((a == b' ') & (c == b' ')));
    printable & !double_space
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_spaces_and_keeps_unicode() {
        assert_eq!(
            normalize("  a\u{a0}\u{a0}b\t c “d” — e\u{200B}f  "),
            "a b c “d” — ef"
        );
        assert!(matches!(normalize("plain line"), Cow::Borrowed(_)));
    }

    /// `normalize` without its fast paths: trim, then rebuild character by character.
    fn normalize_reference(line: &str) -> String {
        let trimmed = line.trim_matches(|c: char| {
            is_space(c) || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}')
        });
        let mut out = String::new();
        let mut pending_space = false;
        for c in trimmed.chars() {
            if is_space(c) {
                pending_space = !out.is_empty();
            } else if !matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}') {
                if pending_space {
                    out.push(' ');
                    pending_space = false;
                }
                out.push(c);
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn normalize_agrees_with_the_reference(
            line in "[a-z .,\t\r\u{0B}\u{0C}\u{01}\u{7f}\u{A0}\u{2009}\u{200B}\u{202F}\u{3000}\u{1680}\u{FEFF}\u{2019}\u{201C}\u{2026}\u{2060}é]{0,80}"
        ) {
            let ours = normalize(&line);
            proptest::prop_assert_eq!(ours.as_ref(), normalize_reference(&line));
        }

        #[test]
        fn normalize_agrees_on_mostly_plain_lines(
            line in "[a-zA-Z .,]{0,60}(  |\t|\u{A0}|\u{2019})?[a-zA-Z .]{0,60}"
        ) {
            let ours = normalize(&line);
            proptest::prop_assert_eq!(ours.as_ref(), normalize_reference(&line));
        }
    }

    #[test]
    fn crlf_and_blank_lines() {
        let u = units("Title\r\n\r\nFirst para.\rSecond para.\u{85}");
        let t: Vec<_> = u.iter().map(|u| u.text.as_ref()).collect();
        assert_eq!(t, ["Title", "First para.", "Second para."]);
        assert!(u[1].blank_before && !u[2].blank_before);
    }

    #[test]
    fn joins_hard_wrapped_blocks() {
        let raw = "Short title\n\nThe first paragraph is wrapped at a narrow width\nby an old newswire system, which cut every line\nand continues here.\n\nThe second paragraph is also wrapped at the same\nwidth by the same old system that we talk about.\n";
        let t: Vec<_> = units(raw)
            .into_iter()
            .map(|u| u.text.into_owned())
            .collect();
        assert_eq!(
            t,
            [
                "Short title",
                "The first paragraph is wrapped at a narrow width by an old newswire system, which cut every line and continues here.",
                "The second paragraph is also wrapped at the same width by the same old system that we talk about."
            ]
        );
    }
}
