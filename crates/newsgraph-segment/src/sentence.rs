//! The sentence splitter: one forward pass over the bytes.
//!
//! Most bytes are skipped by a 256-entry table lookup; only `. ! ? ( ) \n` and the lead
//! byte `0xE2` (of "…" and "•") stop the scan. At a stop the splitter looks a few bytes
//! back (the word before a period) and forward (closing quotes, the next word) and
//! decides; no allocation happens except for the output vector and, for numbered
//! lists, the expected next marker.

use crate::lexicon::{classify, continues_time, is_sentence_starter, AbbrevClass};
use newsgraph_model::Sentence;

/// Bytes that may start a sentence-boundary decision.
static INTERESTING: [bool; 256] = {
    let mut t = [false; 256];
    t[b'.' as usize] = true;
    t[b'!' as usize] = true;
    t[b'?' as usize] = true;
    t[b'\n' as usize] = true;
    t[b'(' as usize] = true;
    t[b')' as usize] = true;
    t[0xE2] = true;
    t
};

/// First position in `[i, limit)` holding an [`INTERESTING`] byte, or `limit`.
///
/// Sixteen bytes at a time: the branch-free `fold` over a fixed-size chunk compiles to
/// a handful of SIMD compares, so ordinary prose is skipped several times faster than a
/// byte loop; a chunk with a hit is then searched byte by byte.
#[inline]
fn next_interesting(b: &[u8], mut i: usize, limit: usize) -> usize {
    const W: usize = 16;
    while i + W <= limit {
        let chunk: &[u8; W] = match b[i..i + W].try_into() {
            Ok(c) => c,
            Err(_) => break,
        };
        let hit = chunk.iter().fold(false, |acc, &c| {
            acc | (c == b'.')
                | (c == b'!')
                | (c == b'?')
                | (c == b'\n')
                | (c == b'(')
                | (c == b')')
                | (c == 0xE2)
        });
        if hit {
            break;
        }
        i += W;
    }
    while i < limit && !INTERESTING[b[i] as usize] {
        i += 1;
    }
    i
}

/// "…" (U+2026) in UTF-8.
const ELLIPSIS: &[u8] = "\u{2026}".as_bytes();
/// "•" (U+2022) in UTF-8.
const BULLET: &[u8] = "\u{2022}".as_bytes();
/// An open parenthesis further back than this is taken as unclosed (a stray "(" must
/// not switch splitting off for the rest of a paragraph).
const PAREN_REACH: usize = 400;
/// How far back the word before a period is looked for.
const WORD_REACH: usize = 40;

/// Splits `text` into sentences (see [`crate::sentences`]).
pub fn split(text: &str) -> Vec<Sentence> {
    let mut s = Splitter {
        text,
        b: text.as_bytes(),
        out: Vec::with_capacity(text.len() / 120 + 1),
        start: 0,
        depth: 0,
        open_at: 0,
        marker_end: 0,
        forced: None,
    };
    s.run();
    s.out
}

struct Splitter<'t> {
    text: &'t str,
    b: &'t [u8],
    out: Vec<Sentence>,
    /// Start of the current (untrimmed) sentence.
    start: usize,
    /// Parenthesis depth inside the current sentence.
    depth: u32,
    /// Position of the last "(" seen.
    open_at: usize,
    /// End of a list marker ("1.", "a)", "•") opening the current sentence; terminal
    /// punctuation before it is not a boundary.
    marker_end: usize,
    /// Start of the next list item marker on this line, where a break is forced.
    forced: Option<usize>,
}

/// Bytes of closing punctuation: `. ! ? ' " ) ]` and the UTF-8 bytes of "…", "”", "’"
/// (E2 80 A6 / 9D / 99).
#[inline]
fn is_closing_punct(c: u8) -> bool {
    matches!(
        c,
        b'.' | b'!' | b'?' | b'\'' | b'"' | b')' | b']' | 0xE2 | 0x80 | 0xA6 | 0x9D | 0x99
    )
}

/// ASCII white space (the only white space bytes; other Unicode spaces are multi-byte).
#[inline]
fn is_ws(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

impl Splitter<'_> {
    fn run(&mut self) {
        let n = self.b.len();
        self.sentence_opened();
        let mut i = 0;
        while i < n {
            let limit = self.forced.map_or(n, |f| f.min(n));
            i = next_interesting(self.b, i, limit);
            if i >= limit {
                match self.forced.take() {
                    Some(f) if f < n => {
                        self.cut(f);
                        i = f;
                        continue;
                    }
                    _ => break,
                }
            }
            i = match self.b[i] {
                b'.' | b'!' | b'?' => self.terminal(i),
                b'\n' => self.newline(i),
                b'(' => {
                    self.depth += 1;
                    self.open_at = i;
                    i + 1
                }
                b')' => {
                    self.depth = self.depth.saturating_sub(1);
                    i + 1
                }
                _ => self.lead_e2(i),
            };
            if matches!(self.forced, Some(f) if f < i) {
                self.forced = None;
            }
        }
        self.cut(n);
    }

    /// Closes the current sentence at `end` (pushed when non-blank after trimming) and
    /// opens the next one there.
    fn cut(&mut self, end: usize) {
        if let Some((s, e)) = trim(self.text, self.start, end) {
            // A fragment of closing punctuation only ("US. ." or a stray closing quote
            // on its own line) belongs to the sentence before it.
            if let Some(last) = self.out.last_mut() {
                if self.b[s..e].iter().all(|&c| is_closing_punct(c)) {
                    last.end = e;
                    self.start = end;
                    self.depth = 0;
                    self.sentence_opened();
                    return;
                }
            }
            self.out.push(Sentence {
                index: self.out.len(),
                start: s,
                end: e,
            });
        }
        self.start = end;
        self.depth = 0;
        self.sentence_opened();
    }

    /// True when the current sentence holds something other than white space before `i`.
    fn has_content(&self, i: usize) -> bool {
        trim(self.text, self.start, i).is_some()
    }

    /// Bookkeeping at the start of a sentence: detects a list marker and, for numbered
    /// or lettered lists, where the next item starts on the same line.
    fn sentence_opened(&mut self) {
        self.marker_end = 0;
        self.forced = None;
        let b = self.b;
        let n = b.len();
        let mut p = self.start;
        while p < n && is_ws(b[p]) {
            p += 1;
        }
        if b[p..].starts_with(BULLET) {
            p += BULLET.len();
            self.marker_end = p;
            while p < n && is_ws(b[p]) {
                p += 1;
            }
        }
        let Some((marker, end)) = list_marker(b, p) else {
            return;
        };
        self.marker_end = end;
        let line_end = memchr_newline(b, end);
        let next = marker.successor();
        let hay = &b[end..line_end];
        let pat = next.as_bytes();
        let mut from = 0;
        while let Some(off) = find(&hay[from..], pat) {
            let at = end + from + off;
            let after = at + pat.len();
            if at > 0 && is_ws(b[at - 1]) && (after >= n || is_ws(b[after])) {
                self.forced = Some(at);
                return;
            }
            from += off + 1;
        }
    }

    /// Handles `.`, `!`, `?` at `i`; returns where scanning resumes.
    fn terminal(&mut self, i: usize) -> usize {
        let b = self.b;
        let n = b.len();
        if i < self.marker_end {
            return i + 1;
        }
        // The run of terminal punctuation: "." "?!" "..." ". . ." "…".
        let mut j = i;
        let mut dots = 0usize;
        let mut bang = false;
        let mut ellipsis = false;
        while j < n {
            match b[j] {
                b'.' => {
                    dots += 1;
                    j += 1;
                }
                b'!' | b'?' => {
                    bang = true;
                    j += 1;
                }
                b' ' if dots > 0 && j + 1 < n && b[j + 1] == b'.' && b[j - 1] == b'.' => {
                    // ". . ." spaced ellipsis: only when more dots follow.
                    if j + 2 < n && b[j + 2] != b' ' && b[j + 2] != b'.' && dots < 2 {
                        break;
                    }
                    j += 1;
                }
                0xE2 if b[j..].starts_with(ELLIPSIS) => {
                    ellipsis = true;
                    j += ELLIPSIS.len();
                }
                _ => break,
            }
        }
        if dots >= 2 {
            ellipsis = true;
        }
        let j = self.closers(j);
        if j >= n {
            return j;
        }
        if !is_ws(b[j]) && !b[j..].starts_with("\u{a0}".as_bytes()) {
            return j;
        }
        if self.depth > 0 {
            if i - self.open_at <= PAREN_REACH {
                return j;
            }
            self.depth = 0;
        }
        let next = NextWord::after(self.text, j);
        let split = if ellipsis {
            next.upper
        } else if bang {
            !next.lower
        } else {
            self.period_splits(i, &next)
        };
        if split {
            self.cut(j);
        }
        j
    }

    /// Decides whether a single period at `i` ends a sentence, given the next word.
    fn period_splits(&self, i: usize, next: &NextWord<'_>) -> bool {
        if next.lower {
            return false;
        }
        let word = word_before(self.b, i, self.start);
        let class = classify(word);
        match class {
            AbbrevClass::Title => false,
            AbbrevClass::BeforeNumber if next.digit => false,
            AbbrevClass::BeforeNumber | AbbrevClass::Plain => true,
            AbbrevClass::Month if next.digit => false,
            AbbrevClass::Meridiem => !next.digit && !continues_time(next.word),
            AbbrevClass::Month | AbbrevClass::Ambiguous => {
                if next.upper {
                    is_sentence_starter(next.word)
                } else {
                    !next.digit
                }
            }
        }
    }

    /// Skips closing quotes and brackets after terminal punctuation, updating the
    /// parenthesis depth.
    fn closers(&mut self, mut j: usize) -> usize {
        let b = self.b;
        while j < b.len() {
            match b[j] {
                b'"' | b'\'' | b']' => j += 1,
                b')' => {
                    self.depth = self.depth.saturating_sub(1);
                    j += 1;
                }
                0xE2 if b[j..].starts_with("\u{201d}".as_bytes())
                    || b[j..].starts_with("\u{2019}".as_bytes()) =>
                {
                    j += 3
                }
                0xC2 if b[j..].starts_with("\u{bb}".as_bytes()) => j += 2,
                _ => break,
            }
        }
        j
    }

    /// Handles a newline at `i`: paragraphs and headline lines end sentences unless
    /// the text visibly continues (hard-wrapped lines).
    fn newline(&mut self, i: usize) -> usize {
        let b = self.b;
        let n = b.len();
        if !self.has_content(i) {
            return i + 1;
        }
        let mut k = i + 1;
        let mut newlines = 1;
        while k < n && is_ws(b[k]) {
            if b[k] == b'\n' {
                newlines += 1;
            }
            k += 1;
        }
        if k >= n {
            return k;
        }
        if newlines == 1 {
            let mut p = i;
            while p > self.start && is_ws(b[p - 1]) {
                p -= 1;
            }
            let prev = if p > 0 { b[p - 1] } else { b' ' };
            let next_char = self.text[k..].chars().next().unwrap_or(' ');
            let terminal = matches!(prev, b'.' | b'!' | b'?')
                || b[..p].ends_with(ELLIPSIS)
                || (matches!(prev, b'"' | 0x9D)
                    && p >= 4
                    && matches!(b[p - 4], b'.' | b'!' | b'?'))
                || (prev == b'"' && p >= 2 && matches!(b[p - 2], b'.' | b'!' | b'?'));
            if !terminal && next_char.is_lowercase() {
                return i + 1;
            }
            if prev == b'.' && classify(word_before(b, p - 1, self.start)) == AbbrevClass::Title {
                return i + 1;
            }
        }
        self.cut(i);
        i + 1
    }

    /// Handles the byte 0xE2: "…" (ellipsis) and "•" (bullet, starts a new item).
    fn lead_e2(&mut self, i: usize) -> usize {
        let b = &self.b[i..];
        if b.starts_with(ELLIPSIS) {
            return self.terminal(i);
        }
        if b.starts_with(BULLET) && i >= self.marker_end {
            if i > 0 && is_ws(self.b[i - 1]) && self.has_content(i) {
                self.cut(i);
                return i + BULLET.len();
            }
            return i + BULLET.len();
        }
        i + 1
    }
}

/// What follows a candidate boundary.
struct NextWord<'t> {
    /// The next word starts with a lowercase letter.
    lower: bool,
    /// The next word starts with an uppercase letter.
    upper: bool,
    /// The next word starts with a digit.
    digit: bool,
    /// The letters of the next word (ASCII letters and apostrophes).
    word: &'t [u8],
}

impl<'t> NextWord<'t> {
    /// Looks at the first word after `j`, skipping white space and opening quotes or
    /// brackets.
    fn after(text: &'t str, mut j: usize) -> Self {
        let b = text.as_bytes();
        let n = b.len();
        loop {
            while j < n && is_ws(b[j]) {
                j += 1;
            }
            let rest = &b[j..];
            let skip = match rest.first() {
                Some(b'"' | b'\'' | b'(' | b'[') => 1,
                Some(0xE2)
                    if rest.starts_with("\u{201c}".as_bytes())
                        || rest.starts_with("\u{2018}".as_bytes()) =>
                {
                    3
                }
                Some(0xC2)
                    if rest.starts_with("\u{a0}".as_bytes())
                        || rest.starts_with("\u{ab}".as_bytes()) =>
                {
                    2
                }
                _ => 0,
            };
            if skip == 0 {
                break;
            }
            j += skip;
        }
        let c = text.get(j..).and_then(|s| s.chars().next()).unwrap_or(' ');
        let mut e = j;
        while e < n && (b[e].is_ascii_alphabetic() || b[e] == b'\'') {
            e += 1;
        }
        NextWord {
            lower: c.is_lowercase(),
            upper: c.is_uppercase(),
            digit: c.is_ascii_digit(),
            word: &b[j..e],
        }
    }
}

/// The word right before the period at `i`, without leading quotes or brackets,
/// e.g. `U.S` in "(the U.S." — never reaching before `floor` or further than
/// [`WORD_REACH`] bytes.
fn word_before(b: &[u8], i: usize, floor: usize) -> &[u8] {
    let lo = floor.max(i.saturating_sub(WORD_REACH));
    let mut s = i;
    while s > lo && !is_ws(b[s - 1]) {
        s -= 1;
    }
    let mut w = &b[s..i];
    // Strip leading punctuation (quotes, brackets, dashes): ASCII punctuation or any
    // multi-byte sequence that is not a letter we could match anyway.
    while let Some(&c) = w.first() {
        if c.is_ascii_alphanumeric() {
            break;
        }
        w = &w[1..];
    }
    w
}

/// A list item marker opening a sentence.
#[derive(Debug, Clone, Copy)]
struct Marker {
    /// Item number (letters count from 1 = "a").
    value: u32,
    /// Lettered rather than numbered.
    letter: bool,
    /// The punctuation after the number: ".", ".)" or ")".
    suffix: &'static str,
}

impl Marker {
    /// The marker expected for the next item ("2.", "b)").
    fn successor(self) -> String {
        let v = self.value + 1;
        if self.letter {
            let c = char::from(b'a' + ((v - 1) % 26) as u8);
            format!("{c}{}", self.suffix)
        } else {
            format!("{v}{}", self.suffix)
        }
    }
}

/// Recognises a list marker at `p`: one or two digits or one lowercase letter, then
/// ".", ".)" or ")", then white space or the end. Returns it and its end.
fn list_marker(b: &[u8], p: usize) -> Option<(Marker, usize)> {
    let n = b.len();
    let mut q = p;
    while q < n && b[q].is_ascii_digit() && q - p < 3 {
        q += 1;
    }
    let (value, letter) = if q > p {
        if q - p > 2 || (q < n && b[q].is_ascii_digit()) {
            return None;
        }
        let v = b[p..q]
            .iter()
            .fold(0u32, |a, &d| a * 10 + u32::from(d - b'0'));
        (v, false)
    } else if p < n && b[p].is_ascii_lowercase() {
        q = p + 1;
        (u32::from(b[p] - b'a') + 1, true)
    } else {
        return None;
    };
    let rest = &b[q..];
    let suffix = if rest.starts_with(b".)") {
        ".)"
    } else if rest.starts_with(b".") {
        "."
    } else if rest.starts_with(b")") {
        ")"
    } else {
        return None;
    };
    let end = q + suffix.len();
    if end < n && !is_ws(b[end]) {
        return None;
    }
    Some((
        Marker {
            value,
            letter,
            suffix,
        },
        end,
    ))
}

/// Position of the next `\n` at or after `from`, or the end.
fn memchr_newline(b: &[u8], from: usize) -> usize {
    b[from..]
        .iter()
        .position(|&c| c == b'\n')
        .map_or(b.len(), |o| from + o)
}

/// First occurrence of `needle` in `hay`.
fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || needle.len() > hay.len() {
        return None;
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Trims Unicode white space off `text[s..e]`; `None` when nothing is left.
pub(crate) fn trim(text: &str, s: usize, e: usize) -> Option<(usize, usize)> {
    let slice = text.get(s..e)?;
    let t = slice.trim_start();
    if t.is_empty() {
        return None;
    }
    let ns = s + (slice.len() - t.len());
    let ne = ns + t.trim_end().len();
    Some((ns, ne))
}
