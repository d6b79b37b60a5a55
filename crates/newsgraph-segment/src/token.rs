//! The tokenizer: one forward pass over a byte range, ASCII fast paths, `char`
//! decoding only for non-ASCII bytes.
//!
//! Decisions (documented in the crate docs):
//! - words keep inner hyphens ("bunker-buster"), inner apostrophes ("don't", "O'Brien")
//!   and inner dots ("U.S", "Caliber.Az"); a dotted abbreviation or a listed
//!   abbreviation keeps its final period ("U.S.", "Mr.", "Inc."), a plain word does not;
//! - the possessive "'s" / "’s" is its own `Word` token ("Iran" + "’s");
//! - numbers keep inner separators followed by a digit ("71,000", "3.5", "21:01",
//!   "2026-01-01", "1026.253.553"); digits running into letters form a `Word` ("1990s",
//!   "12-day", "3rd");
//! - runs of `.`/`!`/`?` are one `Punct` token ("...", "?!"); every other punctuation
//!   mark or symbol is a one-character `Punct` token;
//! - URLs ("https://…", "www.…") and e-mail addresses are one `Other` token.

use crate::lexicon::{classify, is_dotted_abbreviation, AbbrevClass};
use newsgraph_model::{Token, TokenKind};

/// Tokenizes `text[start..end]` (see [`crate::tokens`]).
pub fn tokenize(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let end = floor_boundary(text, end.min(text.len()));
    let mut i = ceil_boundary(text, start.min(end));
    let b = text.as_bytes();
    while i < end {
        let c = b[i];
        if c < 0x80 {
            if c.is_ascii_whitespace() {
                i += 1;
                continue;
            }
            let (e, kind) = if c.is_ascii_alphabetic() {
                if let Some(e) = url_end(b, i, end) {
                    (e, TokenKind::Other)
                } else {
                    word(text, i, end)
                }
            } else if c.is_ascii_digit() {
                number(text, i, end)
            } else if c == b'\'' && possessive(text, i, end) {
                (i + 2, TokenKind::Word)
            } else if matches!(c, b'.' | b'!' | b'?') {
                let mut e = i + 1;
                while e < end && matches!(b[e], b'.' | b'!' | b'?') {
                    e += 1;
                }
                (e, TokenKind::Punct)
            } else if c == b'-' {
                let mut e = i + 1;
                while e < end && b[e] == b'-' {
                    e += 1;
                }
                (e, TokenKind::Punct)
            } else if c.is_ascii_punctuation() {
                (i + 1, TokenKind::Punct)
            } else {
                (i + 1, TokenKind::Other)
            };
            out.push(Token {
                start: i,
                end: e,
                kind,
            });
            i = e;
        } else {
            let ch = char_at(text, i);
            let len = ch.len_utf8();
            if ch.is_whitespace() {
                i += len;
                continue;
            }
            let (e, kind) = if ch.is_alphanumeric() {
                word(text, i, end)
            } else if ch == '\u{2019}' && possessive(text, i, end) {
                (i + len + 1, TokenKind::Word)
            } else if is_unicode_punct(ch) {
                (i + len, TokenKind::Punct)
            } else {
                (i + len, TokenKind::Other)
            };
            out.push(Token {
                start: i,
                end: e,
                kind,
            });
            i = e;
        }
    }
}

/// The char starting at byte `i` (a char boundary), or U+FFFD if none.
#[inline]
fn char_at(text: &str, i: usize) -> char {
    text.get(i..)
        .and_then(|s| s.chars().next())
        .unwrap_or('\u{fffd}')
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// True when the char at `i` is a letter, digit or combining mark (word-internal).
#[inline(always)]
fn is_word_char_at(text: &str, i: usize, end: usize) -> bool {
    if i >= end {
        return false;
    }
    let c = text.as_bytes()[i];
    if c < 0x80 {
        return c.is_ascii_alphanumeric();
    }
    let ch = char_at(text, i);
    ch.is_alphanumeric() || ('\u{300}'..='\u{36f}').contains(&ch)
}

/// An apostrophe at `i` starting a possessive "'s" / "’s" right after a word.
fn possessive(text: &str, i: usize, end: usize) -> bool {
    let b = text.as_bytes();
    let alen = if b[i] == b'\'' { 1 } else { 3 };
    let s = i + alen;
    i > 0
        && s < end
        && matches!(b[s], b's' | b'S')
        && !is_word_char_at(text, s + 1, end)
        && text[..i]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
}

/// ASCII letters and digits, for the inner loops.
static ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 128 {
        t[c] = (c as u8).is_ascii_alphanumeric();
        c += 1;
    }
    t
};

/// A word starting at `i`: letters/digits with inner apostrophes, hyphens and dots,
/// plus the final period of an abbreviation, or an e-mail address (`Other`).
#[inline]
fn word(text: &str, i: usize, end: usize) -> (usize, TokenKind) {
    let b = text.as_bytes();
    let mut e = i;
    let mut dotted = false;
    let mut email = false;
    loop {
        while e < end && ALNUM[b[e] as usize] {
            e += 1;
        }
        if e >= end {
            break;
        }
        let c = b[e];
        if c >= 0x80 {
            let ch = char_at(text, e);
            if ch.is_alphanumeric() || ('\u{300}'..='\u{36f}').contains(&ch) {
                e += ch.len_utf8();
                continue;
            }
            if ch == '\u{2019}' && is_word_char_at(text, e + 3, end) && !possessive(text, e, end) {
                e += 3;
                continue;
            }
            break;
        }
        match c {
            b'\'' if is_word_char_at(text, e + 1, end) && !possessive(text, e, end) => e += 1,
            b'-' | b'_' if is_word_char_at(text, e + 1, end) => e += 1,
            b'.' if is_word_char_at(text, e + 1, end) => {
                dotted = true;
                e += 1;
            }
            b'@' if is_word_char_at(text, e + 1, end) => {
                email = true;
                e += 1;
            }
            _ => break,
        }
    }
    if email {
        return (e, TokenKind::Other);
    }
    if e < end && b[e] == b'.' {
        let w = &b[i..e];
        let take = if dotted {
            is_dotted_abbreviation(w)
        } else {
            match classify(w) {
                AbbrevClass::Plain => false,
                AbbrevClass::BeforeNumber => next_is_digit(b, e + 1, end),
                AbbrevClass::Ambiguous if w.len() == 1 => !is_last(b, e + 1, end),
                _ => true,
            }
        };
        if take {
            e += 1;
        }
    }
    (e, TokenKind::Word)
}

/// True when a digit follows `i` after optional spaces.
fn next_is_digit(b: &[u8], mut i: usize, end: usize) -> bool {
    while i < end && b[i] == b' ' {
        i += 1;
    }
    i < end && b[i].is_ascii_digit()
}

/// True when only white space and closing quotes/brackets remain from `i` to `end`.
fn is_last(b: &[u8], i: usize, end: usize) -> bool {
    b[i..end].iter().all(|&c| {
        c.is_ascii_whitespace()
            || matches!(c, b'"' | b'\'' | b')' | b']' | 0xE2 | 0x80 | 0x9D | 0x99)
    })
}

/// A number starting at `i`; becomes a `Word` when letters follow ("1990s", "12-day").
fn number(text: &str, i: usize, end: usize) -> (usize, TokenKind) {
    let b = text.as_bytes();
    let mut e = i;
    loop {
        while e < end && b[e].is_ascii_digit() {
            e += 1;
        }
        if e + 1 < end
            && matches!(b[e], b',' | b'.' | b':' | b'/' | b'-')
            && b[e + 1].is_ascii_digit()
        {
            e += 1;
            continue;
        }
        break;
    }
    let letters_follow = is_word_char_at(text, e, end)
        || (e + 1 < end && b[e] == b'-' && is_word_char_at(text, e + 1, end));
    if letters_follow {
        let (we, _) = word(text, i, end);
        return (we.max(e), TokenKind::Word);
    }
    (e, TokenKind::Number)
}

/// End of a URL starting at `i` ("http://", "https://", "www."), trailing sentence
/// punctuation excluded; `None` when no URL starts here.
#[inline]
fn url_end(b: &[u8], i: usize, end: usize) -> Option<usize> {
    if !matches!(b[i], b'h' | b'H' | b'w' | b'W') {
        return None;
    }
    let rest = &b[i..end];
    let starts = |p: &[u8]| rest.len() > p.len() && rest[..p.len()].eq_ignore_ascii_case(p);
    if !(starts(b"http://") || starts(b"https://") || starts(b"www.")) {
        return None;
    }
    let mut e = i;
    while e < end && !b[e].is_ascii_whitespace() && b[e] != b'"' && b[e] < 0x80 {
        e += 1;
    }
    while e > i
        && matches!(
            b[e - 1],
            b'.' | b',' | b';' | b':' | b'!' | b'?' | b')' | b'\''
        )
    {
        e -= 1;
    }
    Some(e)
}

/// Unicode punctuation and symbols that are not letters: general punctuation, Latin-1
/// punctuation, currency signs, CJK and full-width punctuation, arrows and math signs.
fn is_unicode_punct(ch: char) -> bool {
    matches!(ch,
        '\u{a1}'..='\u{bf}'
        | '\u{d7}'
        | '\u{f7}'
        | '\u{2010}'..='\u{205e}'
        | '\u{20a0}'..='\u{20cf}'
        | '\u{2190}'..='\u{22ff}'
        | '\u{3000}'..='\u{303f}'
        | '\u{ff01}'..='\u{ff0f}'
        | '\u{ff1a}'..='\u{ff20}'
    )
}
