//! Sentence and token segmentation of clean news bodies, with byte spans.
//!
//! # Idea
//!
//! Segmentation runs on every article, so it is a hand-written byte scanner rather than
//! a regex cascade or a statistical model: one forward pass, a table lookup per byte,
//! and real work only at the few bytes that can end a sentence (`.`, `!`, `?`, `…`, a
//! newline, a bullet). At such a byte the splitter looks a few bytes around it:
//!
//! - **the word before a period** — a title ("Mr.", "Gen.") never ends a sentence; a
//!   number-introducing abbreviation ("No.", "p.", "N°.", "Sept.") does not before a
//!   number; an ambiguous abbreviation or an initial ("U.S.", "Inc.", "etc.", "I.",
//!   "a.m.") ends one only when the next word is a common capitalised sentence starter
//!   (a pronoun, determiner, conjunction…) rather than a name: "the U.S. How about you?"
//!   splits, "U.S. President Donald Trump" and "Albert I. Jones" do not;
//! - **what follows** — closing quotes and brackets belong to the sentence they close;
//!   a lowercase next word never starts a sentence (`"Great." she said`); a period
//!   followed by anything but white space is inside a token (decimals, URLs, e-mails,
//!   "1026.253.553", "U.S"); an ellipsis splits only before a capital;
//! - **structure** — inside parentheses nothing splits (a whole sentence in brackets
//!   stays in the outer one); a newline ends a sentence (headlines, section labels,
//!   datelines are their own sentences) unless the text visibly continues: the next
//!   line starts lowercase and the previous one has no terminal punctuation; list items
//!   ("1.", "2.)", "a)", "•") on one line are split at the next marker.
//!
//! Sentence spans are trimmed of white space, ordered, non-overlapping and never blank.
//!
//! Tokens: see [`tokens`] for the conventions ("U.S." one word, possessive "’s" split,
//! "bunker-buster" one word, "71,000" one number, a sentence-final period on its own
//! unless it belongs to an abbreviation).

mod lexicon;
mod sentence;
mod token;

pub use lexicon::{classify as classify_abbreviation, is_sentence_starter, AbbrevClass};
use newsgraph_model::{Sentence, Token};

/// Sentences of `text` as byte spans into `text`: trimmed of surrounding white space,
/// in order, non-overlapping, never blank, with `index` = 0..n.
pub fn sentences(text: &str) -> Vec<Sentence> {
    sentence::split(text)
}

/// Tokens of `text[start..end]`, spans being byte offsets into `text`.
///
/// A range that is out of bounds or not on char boundaries is clamped inward to the
/// nearest char boundaries inside `text` (never panics). Kinds: `Word` (letters,
/// digits-with-letters, inner `'`/`’`/`-`/`.`, possessive "’s" as its own word, the
/// period of an abbreviation), `Number` ("71,000", "3.5", "2026-01-01"), `Punct`
/// (punctuation and symbols; runs of `.!?` are one token), `Other` (URLs, e-mail
/// addresses, emoji and anything else).
pub fn tokens(text: &str, start: usize, end: usize) -> Vec<Token> {
    let mut out = Vec::with_capacity(end.saturating_sub(start) / 5 + 1);
    token::tokenize(text, start, end, &mut out);
    out
}

/// Sentences and the tokens of all of them in one call (tokens in text order; text
/// between sentences is white space and has no tokens).
pub fn segment(text: &str) -> (Vec<Sentence>, Vec<Token>) {
    let sents = sentences(text);
    let mut toks = Vec::with_capacity(text.len() / 5 + 1);
    for s in &sents {
        token::tokenize(text, s.start, s.end, &mut toks);
    }
    (sents, toks)
}

/// The sentences of `text` as string slices (convenience for tests and evaluation).
pub fn sentence_strs(text: &str) -> Vec<&str> {
    sentences(text)
        .iter()
        .map(|s| &text[s.start..s.end])
        .collect()
}

#[cfg(test)]
mod tests;
