//! The user search syntax, parsed into a small backend-neutral form and rendered safely
//! into each backend's full-text language.
//!
//! Syntax (deliberately small, like a web search box):
//!
//! - `word` — the article must contain the word (stemmed: `strike` finds `strikes`);
//! - `"quoted phrase"` — the words in this order (an unclosed quote runs to the end);
//! - `-word`, `-"phrase"` — the article must not contain it;
//! - `a OR b` (upper-case `OR`) — either; binds tighter than the implicit AND, so
//!   `iran OR israel talks` means `(iran OR israel) AND talks`.
//!
//! Everything else is text: backend operators (`NEAR(`, `AND`, `*`, `^`, `:`, …) have no
//! meaning, because every term is rendered as a quoted string literal, control
//! characters are removed, and terms with no letter or digit are dropped. So no input
//! can cause a syntax error in the backend; the one error is a query left with nothing
//! to look for ([`StoreError::InvalidQuery`]).

use crate::StoreError;

/// Most terms a query may have.
pub const MAX_TERMS: usize = 64;

/// A parsed search query: all `all_of` groups must match (each group is an OR of its
/// terms), and none of the `none_of` terms may. Every term is text to match as a
/// phrase (a single word is a one-word phrase).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedQuery {
    /// Groups that must all match; a group matches when any of its terms does.
    pub all_of: Vec<Vec<String>>,
    /// Terms that must not match.
    pub none_of: Vec<String>,
}

#[derive(Debug)]
enum Item {
    Term { text: String, negated: bool },
    Or,
}

/// Parses user query text (see the module documentation for the syntax).
pub fn parse(text: &str) -> Result<ParsedQuery, StoreError> {
    let invalid = |reason: &str| StoreError::InvalidQuery {
        query: text.to_string(),
        reason: reason.to_string(),
    };
    let items = lex(text);
    let mut all_of: Vec<Vec<String>> = Vec::new();
    let mut none_of = Vec::new();
    // Whether the previous kept item was a positive term (an OR may attach to it), and
    // whether an OR is waiting for its right-hand side.
    let mut after_positive = false;
    let mut pending_or = false;
    let mut terms = 0usize;
    for item in items {
        match item {
            Item::Or => pending_or = after_positive,
            Item::Term { text, negated } => {
                let Some(term) = clean(&text) else { continue };
                terms += 1;
                if terms > MAX_TERMS {
                    return Err(invalid(&format!("more than {MAX_TERMS} terms")));
                }
                if negated {
                    none_of.push(term);
                    after_positive = false;
                    pending_or = false;
                    continue;
                }
                match all_of.last_mut() {
                    Some(group) if pending_or => group.push(term),
                    _ => all_of.push(vec![term]),
                }
                after_positive = true;
                pending_or = false;
            }
        }
    }
    if all_of.is_empty() {
        return Err(invalid(if none_of.is_empty() {
            "nothing to search for: give at least one word"
        } else {
            "only exclusions: give at least one word to search for"
        }));
    }
    Ok(ParsedQuery { all_of, none_of })
}

/// Splits query text into terms, phrases and `OR`s.
fn lex(text: &str) -> Vec<Item> {
    let mut items = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        let negated = c == '-';
        if negated {
            chars.next();
        }
        let mut term = String::new();
        let quoted = chars.peek() == Some(&'"');
        if quoted {
            chars.next();
            for c in chars.by_ref() {
                if c == '"' {
                    break;
                }
                term.push(c);
            }
        } else {
            while let Some(&c) = chars.peek() {
                if c.is_whitespace() || c == '"' {
                    break;
                }
                term.push(c);
                chars.next();
            }
        }
        if !quoted && !negated && term == "OR" {
            items.push(Item::Or);
        } else {
            items.push(Item::Term {
                text: term,
                negated,
            });
        }
    }
    items
}

/// The term with control characters and quotes turned into spaces and whitespace
/// collapsed; `None` when it has no letter or digit left to match.
fn clean(term: &str) -> Option<String> {
    let spaced: String = term
        .chars()
        .map(|c| if c.is_control() || c == '"' { ' ' } else { c })
        .collect();
    let joined = spaced.split_whitespace().collect::<Vec<_>>().join(" ");
    joined.chars().any(char::is_alphanumeric).then_some(joined)
}

impl ParsedQuery {
    /// The query in SQLite FTS5 syntax: every term a double-quoted string, groups
    /// joined by explicit `AND`s (FTS5 takes whitespace for AND between plain phrases
    /// only, and refuses it next to a parenthesised OR group: `"a" ("b" OR "c")` is a
    /// syntax error, `"a" AND ("b" OR "c")` is not).
    pub fn to_fts5(&self) -> String {
        let group = |g: &[String]| {
            let quoted: Vec<String> = g.iter().map(|t| fts5_string(t)).collect();
            if quoted.len() == 1 {
                quoted.concat()
            } else {
                format!("({})", quoted.join(" OR "))
            }
        };
        let positive: Vec<String> = self.all_of.iter().map(|g| group(g)).collect();
        let positive = positive.join(" AND ");
        if self.none_of.is_empty() {
            positive
        } else {
            format!("({positive}) NOT {}", group(&self.none_of))
        }
    }
}

/// An FTS5 string literal: double quotes, inner quotes doubled.
fn fts5_string(term: &str) -> String {
    format!("\"{}\"", term.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fts(q: &str) -> String {
        parse(q).unwrap().to_fts5()
    }

    #[test]
    fn words_and_phrases() {
        assert_eq!(fts("iran talks"), r#""iran" AND "talks""#);
        assert_eq!(
            fts(r#""prime minister" netanyahu"#),
            r#""prime minister" AND "netanyahu""#
        );
        assert_eq!(fts(r#""unclosed phrase"#), r#""unclosed phrase""#);
    }

    #[test]
    fn or_and_exclusion() {
        assert_eq!(
            fts("iran OR israel talks"),
            r#"("iran" OR "israel") AND "talks""#
        );
        assert_eq!(fts("a OR b OR c"), r#"("a" OR "b" OR "c")"#);
        assert_eq!(fts("gaza -hamas"), r#"("gaza") NOT "hamas""#);
        assert_eq!(
            fts(r#"gaza -"death toll" -x"#),
            r#"("gaza") NOT ("death toll" OR "x")"#
        );
        // Dangling or misplaced ORs are ignored; lower-case "or" is a word.
        assert_eq!(fts("OR a OR"), r#""a""#);
        assert_eq!(fts("a OR -b c"), r#"("a" AND "c") NOT "b""#);
        assert_eq!(fts("war or peace"), r#""war" AND "or" AND "peace""#);
    }

    #[test]
    fn operators_are_plain_text() {
        assert_eq!(fts("NEAR(a b)"), r#""NEAR(a" AND "b)""#);
        assert_eq!(fts("a AND b"), r#""a" AND "AND" AND "b""#);
        assert_eq!(fts("title:iran"), r#""title:iran""#);
        assert_eq!(fts("x\u{0}y"), r#""x y""#);
    }

    #[test]
    fn nothing_to_search_is_invalid() {
        for q in [
            "", "   ", "\"", "\"\"", "*", "-", "- -", "OR", "'; --", "-iran", "«»",
        ] {
            assert!(
                matches!(parse(q), Err(StoreError::InvalidQuery { .. })),
                "{q:?}"
            );
        }
    }

    #[test]
    fn too_many_terms() {
        let q = "w ".repeat(MAX_TERMS + 1);
        assert!(parse(&q).is_err());
        assert!(parse(&"w ".repeat(MAX_TERMS)).is_ok());
    }
}
