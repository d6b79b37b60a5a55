//! A small tokenizer made for the time grammar.
//!
//! One pass over the bytes: runs of ASCII letters are words (with a trailing period kept
//! when the word is an abbreviation the lexicon knows, e.g. "Sept.", and "a.m."/"p.m." as
//! one word), runs of digits are numbers ("71,000" and "3.5" are one number flagged as
//! not plain), everything else is a one-character punctuation token (a whole UTF-8
//! character, so spans are always on char boundaries). White space only separates; each
//! token records whether white space came before it and whether that white space held a
//! newline, so the grammar can require "12-day" to be glued and never match across
//! paragraphs.

use crate::lexicon::{classify, Lex};

/// The kind of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// ASCII letters (possibly with an abbreviation period).
    Word,
    /// ASCII digits.
    Num,
    /// Anything else, one character.
    Punct,
}

/// One token: a byte span and what the grammar needs to know about it.
#[derive(Debug, Clone, Copy)]
pub struct Tok {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Kind.
    pub kind: Kind,
    /// Lexicon class of a word.
    pub lex: Lex,
    /// Value of a plain number (saturating), 0 otherwise.
    pub num: u32,
    /// Number of digits of a plain number; 0 for a number with separators.
    pub digits: u8,
    /// The first letter is uppercase.
    pub cap: bool,
    /// White space precedes the token.
    pub space: bool,
    /// The white space before the token holds a newline.
    pub newline: bool,
    /// The punctuation character (ASCII), or 0.
    pub ch: u8,
}

impl Tok {
    /// The punctuation byte if this is an ASCII punctuation token.
    pub fn is_punct(&self, c: u8) -> bool {
        self.kind == Kind::Punct && self.ch == c
    }
}

/// Tokenize `text[from..to]` (clamped to char boundaries) into `out`.
pub fn tokenize(text: &str, from: usize, to: usize, out: &mut Vec<Tok>) {
    let bytes = text.as_bytes();
    let to = to.min(bytes.len());
    let mut i = from.min(to);
    while i < to && !text.is_char_boundary(i) {
        i += 1;
    }
    let mut space = true;
    let mut newline = false;
    while i < to {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            space = true;
            if b == b'\n' {
                newline = true;
            }
            i += 1;
            continue;
        }
        let start = i;
        let mut tok = Tok {
            start,
            end: i,
            kind: Kind::Punct,
            lex: Lex::None,
            num: 0,
            digits: 0,
            cap: false,
            space,
            newline,
            ch: 0,
        };
        if b.is_ascii_alphabetic() {
            while i < to && bytes[i].is_ascii_alphabetic() {
                i += 1;
            }
            // "a.m." / "p.m."
            let len = i - start;
            if len == 1
                && matches!(b | 0x20, b'a' | b'p')
                && i + 1 < to
                && bytes[i] == b'.'
                && (bytes[i + 1] | 0x20) == b'm'
                && (i + 2 >= to || !bytes[i + 2].is_ascii_alphabetic())
            {
                i += 2;
                if i < to && bytes[i] == b'.' {
                    i += 1;
                }
            } else if i < to && bytes[i] == b'.' && len <= 5 {
                let with_dot = classify(&bytes[start..=i]);
                // "Sept." / "a.m." keep their period; "June." at a sentence end does not
                if with_dot != Lex::None
                    && (classify(&bytes[start..i]) != with_dot
                        || matches!(with_dot, Lex::Month { .. }))
                {
                    i += 1;
                }
            }
            tok.kind = Kind::Word;
            tok.end = i;
            tok.cap = b.is_ascii_uppercase();
            tok.lex = classify(&bytes[start..i]);
        } else if b.is_ascii_digit() {
            let mut n: u32 = 0;
            while i < to && bytes[i].is_ascii_digit() {
                n = n
                    .saturating_mul(10)
                    .saturating_add(u32::from(bytes[i] - b'0'));
                i += 1;
            }
            let mut plain = true;
            // digit groups and decimals: "71,000", "3.5"
            loop {
                if i + 1 < to
                    && (bytes[i] == b',' || bytes[i] == b'.')
                    && bytes[i + 1].is_ascii_digit()
                {
                    let sep = bytes[i];
                    let mut j = i + 1;
                    while j < to && bytes[j].is_ascii_digit() {
                        j += 1;
                    }
                    if sep == b',' && j - i - 1 != 3 {
                        break;
                    }
                    plain = false;
                    i = j;
                } else {
                    break;
                }
            }
            tok.kind = Kind::Num;
            tok.end = i;
            if plain {
                tok.num = n;
                tok.digits = u8::try_from(i - start).unwrap_or(u8::MAX);
            }
        } else {
            // one whole character
            let ch_len = text[i..].chars().next().map_or(1, char::len_utf8);
            i += ch_len;
            tok.end = i;
            tok.ch = if b.is_ascii() { b } else { 0 };
            if !b.is_ascii() {
                // typographic apostrophe and dashes behave like their ASCII forms
                tok.ch = match &text[start..i] {
                    "’" | "‘" => b'\'',
                    "–" | "—" | "‑" => b'-',
                    _ => 0,
                };
            }
        }
        out.push(tok);
        space = false;
        newline = false;
    }
}
