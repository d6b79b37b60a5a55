//! Words for story features: a tokenizer with stop words and a light stemmer.
//!
//! Story similarity needs words that mean the same thing to look the same ("strikes",
//! "striking", "strike" → `strik`) and function words to disappear, but not a full
//! morphological analysis: the stemmer only strips the regular English inflections
//! (plural, past, gerund, a final `e`), which is enough for a bag of words and keeps
//! distinct words distinct.
//!
//! The tokenizer also remembers whether a word was capitalised in the middle of a
//! sentence: such words are mostly names ("Hormuz", "Netanyahu"), the most telling
//! features of a storyline when no actor linking has been run. Runs of such words give
//! name phrases ("Coral Meridian" → `coral meridian`).

/// One word of a text, as a feature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// The stemmed, lower-case form.
    pub stem: String,
    /// Capitalised and not at the start of a sentence (a likely name).
    pub proper: bool,
    /// Index of the raw token this word came from (stop words included), so that
    /// adjacent names can be recognised.
    pub position: usize,
}

/// Splits `text` into feature words: lower-cased, stemmed, stop words and one-letter
/// tokens dropped. Numbers are kept whole ("71,000" → `71000`).
pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut sentence_start = true;
    let mut position = 0usize;
    let mut token = String::new();
    let mut chars = text.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        if c.is_alphanumeric() {
            token.clear();
            let capital = c.is_uppercase();
            let mut all_caps = true;
            let mut digits = c.is_ascii_digit();
            let mut dotted = false;
            push_lower(&mut token, c);
            all_caps &= !c.is_lowercase();
            while let Some(&(_, next)) = chars.peek() {
                if next.is_alphanumeric() {
                    push_lower(&mut token, next);
                    all_caps &= !next.is_lowercase();
                    digits &= next.is_ascii_digit();
                    chars.next();
                    continue;
                }
                // Keep "71,000", "3.5" and "U.S" / "Al-Assad" inside one token when the
                // joiner is followed by another alphanumeric character.
                if matches!(next, ',' | '.' | '-' | '\'' | '’') {
                    let mut ahead = chars.clone();
                    ahead.next();
                    match ahead.peek() {
                        Some(&(_, after)) if after.is_alphanumeric() => {
                            if (next == ',' || next == '.') && digits && after.is_ascii_digit() {
                                chars.next();
                                continue;
                            }
                            if next == '.' && !digits && after.is_alphabetic() && token.len() == 1 {
                                // Initialisms: "U.S.", "U.N."
                                dotted = true;
                                chars.next();
                                continue;
                            }
                            if next == '\'' || next == '’' {
                                // Possessive or contraction: drop the tail ("Iran's").
                                chars.next();
                                while let Some(&(_, t)) = chars.peek() {
                                    if t.is_alphanumeric() {
                                        chars.next();
                                    } else {
                                        break;
                                    }
                                }
                                break;
                            }
                        }
                        _ => {}
                    }
                }
                break;
            }
            let proper = capital && !sentence_start && !(all_caps && token.chars().count() > 4);
            sentence_start = false;
            // "U.S." and "US" name a country, "us" is a pronoun.
            let initialism = dotted || (all_caps && token == "us");
            if let Some(stem) = feature_form(&token, digits, initialism) {
                out.push(Word {
                    stem,
                    proper,
                    position,
                });
            }
            position += 1;
        } else {
            match c {
                '.' | '!' | '?' | '\n' | ':' | '"' | '“' | '—' | '(' => sentence_start = true,
                _ => {}
            }
        }
    }
    out
}

fn push_lower(token: &mut String, c: char) {
    if c.is_ascii() {
        token.push(c.to_ascii_lowercase());
    } else {
        token.extend(c.to_lowercase());
    }
}

/// The form a lower-cased token takes as a feature, or `None` for a stop word.
fn feature_form(token: &str, digits: bool, initialism: bool) -> Option<String> {
    if digits {
        let plain: String = token.chars().filter(|c| c.is_ascii_digit()).collect();
        // Lone digits and two-digit numbers (days, ages, counts) say little.
        return (plain.len() >= 3).then_some(plain);
    }
    if initialism {
        return Some(token.to_string());
    }
    if token.chars().count() < 2 || is_stop_word(token) {
        return None;
    }
    Some(stem(token))
}

/// True for English function words, the reporting verbs every news article uses, and
/// calendar words (month and day names: dates are compared as dates, not as words).
pub fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.binary_search(&word).is_ok()
}

/// Sorted, for binary search.
const STOP_WORDS: &[&str] = &[
    "about",
    "above",
    "according",
    "across",
    "added",
    "after",
    "again",
    "against",
    "ago",
    "all",
    "almost",
    "also",
    "although",
    "am",
    "among",
    "an",
    "and",
    "another",
    "any",
    "apr",
    "april",
    "are",
    "around",
    "as",
    "at",
    "aug",
    "august",
    "be",
    "became",
    "because",
    "become",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "day",
    "days",
    "dec",
    "december",
    "did",
    "do",
    "does",
    "doing",
    "done",
    "down",
    "during",
    "each",
    "either",
    "else",
    "even",
    "ever",
    "every",
    "feb",
    "february",
    "few",
    "for",
    "friday",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "however",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "jan",
    "january",
    "jul",
    "july",
    "jun",
    "june",
    "just",
    "last",
    "least",
    "less",
    "like",
    "made",
    "make",
    "many",
    "mar",
    "march",
    "may",
    "me",
    "might",
    "monday",
    "month",
    "months",
    "more",
    "most",
    "mr",
    "mrs",
    "ms",
    "much",
    "must",
    "my",
    "near",
    "neither",
    "never",
    "new",
    "next",
    "no",
    "nor",
    "not",
    "nov",
    "november",
    "now",
    "oct",
    "october",
    "of",
    "off",
    "often",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "others",
    "our",
    "ours",
    "out",
    "over",
    "own",
    "per",
    "perhaps",
    "rather",
    "really",
    "said",
    "same",
    "saturday",
    "say",
    "saying",
    "says",
    "see",
    "seen",
    "sep",
    "sept",
    "september",
    "several",
    "shall",
    "she",
    "should",
    "since",
    "so",
    "some",
    "still",
    "such",
    "sunday",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "thursday",
    "thus",
    "to",
    "today",
    "told",
    "tomorrow",
    "too",
    "toward",
    "towards",
    "tuesday",
    "two",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "versus",
    "very",
    "via",
    "vs",
    "was",
    "we",
    "wednesday",
    "week",
    "weeks",
    "were",
    "what",
    "whatever",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "year",
    "years",
    "yesterday",
    "yet",
    "you",
    "your",
    "yours",
];

/// Words ending in `s` that are not plurals.
const NOT_PLURAL: &[&str] = &[
    "arms",
    "chaos",
    "economics",
    "gas",
    "lens",
    "news",
    "physics",
    "politics",
    "series",
    "species",
    "texas",
    "wales",
];

/// Strips regular English inflections: `-ies`/`-ied` → `y`, plural `-s`/`-es`, `-ed`,
/// `-ing`, a final `-e`, and a doubled final consonant left behind ("planned" → `plan`).
/// Words of four letters or fewer are left alone except for a plural `-s`.
pub fn stem(word: &str) -> String {
    let mut w = word.to_string();
    if !w.is_ascii() {
        return w;
    }
    let len = w.len();
    if len > 4 && (w.ends_with("ies") || w.ends_with("ied")) {
        w.truncate(len - 3);
        w.push('y');
        return w;
    }
    if w.ends_with("sses") {
        w.truncate(len - 2);
    } else if len > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && !NOT_PLURAL.contains(&w.as_str())
    {
        w.truncate(len - 1);
    }
    let len = w.len();
    let mut stripped = false;
    if len > 5 && w.ends_with("ing") && has_vowel(&w[..len - 3]) {
        w.truncate(len - 3);
        stripped = true;
    } else if len > 4 && w.ends_with("ed") && !w.ends_with("eed") && has_vowel(&w[..len - 2]) {
        w.truncate(len - 2);
        stripped = true;
    }
    if stripped {
        let b = w.as_bytes();
        let n = b.len();
        if n >= 3 && b[n - 1] == b[n - 2] && !matches!(b[n - 1], b'l' | b's' | b'z' | b'e' | b'o') {
            w.truncate(n - 1);
        }
    }
    if w.len() > 4 && w.ends_with('e') && !w.ends_with("ee") {
        w.truncate(w.len() - 1);
    }
    w
}

fn has_vowel(s: &str) -> bool {
    s.bytes()
        .any(|b| matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems(text: &str) -> Vec<String> {
        words(text).into_iter().map(|w| w.stem).collect()
    }

    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        let mut sorted = STOP_WORDS.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted, STOP_WORDS);
    }

    #[test]
    fn inflections_meet_at_one_stem() {
        for group in [
            &["strike", "strikes", "striking"][..],
            &["talk", "talks", "talked", "talking"],
            &["country", "countries"],
            &["plan", "plans", "planned", "planning"],
            &["seize", "seized", "seizes"],
        ] {
            let first = stem(group[0]);
            for w in group {
                assert_eq!(stem(w), first, "{w} vs {}", group[0]);
            }
        }
        // Distinct words stay distinct.
        assert_ne!(stem("news"), stem("new"));
        assert_eq!(stem("crisis"), "crisis");
        assert_eq!(stem("bus"), "bus");
    }

    #[test]
    fn tokens_numbers_possessives_and_initialisms() {
        assert_eq!(
            stems("Iran's navy seized 2 tankers; more than 71,000 people in the U.S."),
            ["iran", "navy", "seiz", "tanker", "71000", "peopl", "us"]
        );
        assert_eq!(stems("Oil rose 3.5 percent"), ["oil", "rose", "percent"]);
        assert_eq!(stems("US and UN staff told us"), ["us", "un", "staff"]);
    }

    #[test]
    fn names_are_capitalised_words_inside_sentences() {
        let w = words("Talks in Muscat. Oman said the Coral Meridian crew left.");
        let proper: Vec<&str> = w
            .iter()
            .filter(|w| w.proper)
            .map(|w| w.stem.as_str())
            .collect();
        // "Talks" and "Oman" start sentences; "Muscat", "Coral", "Meridian" are names.
        assert_eq!(proper, ["muscat", "coral", "meridian"]);
        let coral = w.iter().find(|w| w.stem == "coral").unwrap();
        let meridian = w.iter().find(|w| w.stem == "meridian").unwrap();
        assert_eq!(meridian.position, coral.position + 1);
    }

    #[test]
    fn non_ascii_text_is_tokenised() {
        assert_eq!(stems("Zürich’s bank"), ["zürich", "bank"]);
    }
}
