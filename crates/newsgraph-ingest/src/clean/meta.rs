//! Metadata lines and phrases: bylines, credit lines, outlets and syndication, datelines,
//! section labels and headline decks.

use memchr::memmem;
use regex::Regex;
use std::sync::LazyLock;

/// Outlets and agencies recognised by name (compared case-insensitively). Used to tell
/// "By Jane Doe, Reuters" (an agency) from "By Jane Doe, John Roe" (two people), and a
/// headline prefix "Axios: …" from a topic prefix "Gaza: …".
const OUTLETS: &[&str] = &[
    "Reuters",
    "AP",
    "Associated Press",
    "The Associated Press",
    "AFP",
    "Agence France-Presse",
    "Agence France Presse",
    "Bloomberg",
    "Axios",
    "Anadolu",
    "Anadolu Agency",
    "Xinhua",
    "TASS",
    "RIA Novosti",
    "Interfax",
    "DPA",
    "EFE",
    "ANSA",
    "Kyodo",
    "Yonhap",
    "PTI",
    "Press Trust of India",
    "IANS",
    "ANI",
    "UPI",
    "IRNA",
    "ISNA",
    "Tasnim",
    "Fars",
    "Mehr",
    "WAFA",
    "Al Jazeera",
    "Al Arabiya",
    "CNN",
    "BBC",
    "BBC News",
    "NBC News",
    "CBS News",
    "ABC News",
    "Fox News",
    "NPR",
    "CNBC",
    "Sky News",
    "Euronews",
    "Deutsche Welle",
    "DW",
    "The New York Times",
    "New York Times",
    "The Washington Post",
    "Washington Post",
    "The Wall Street Journal",
    "Wall Street Journal",
    "The Guardian",
    "Financial Times",
    "The Economist",
    "Politico",
    "Semafor",
    "The Hill",
    "Newsweek",
    "Haaretz",
    "The Times of Israel",
    "Times of Israel",
    "Ynet",
    "Caliber.Az",
    "APA",
    "Trend",
    "Report.az",
    "Kommersant",
    "Izvestia",
];

/// Last words that make a capitalised phrase an outlet ("BBC News", "Example Press").
const OUTLET_WORDS: &[&str] = &[
    "News",
    "Press",
    "Agency",
    "Times",
    "Post",
    "Journal",
    "Tribune",
    "Herald",
    "Telegraph",
    "Wire",
    "Media",
    "Network",
    "TV",
    "Radio",
    "Gazette",
    "Daily",
    "Chronicle",
    "Observer",
    "Monitor",
    "Review",
    "Newswire",
];

/// Words that make a byline part a role, not a name ("Middle East correspondent").
const ROLE_WORDS: &[&str] = &[
    "correspondent",
    "reporter",
    "editor",
    "writer",
    "staff",
    "contributor",
    "journalist",
    "analyst",
    "columnist",
    "bureau",
    "chief",
    "desk",
];

/// Lowercase words allowed inside personal names ("Ursula von der Leyen").
const PARTICLES: &[&str] = &[
    "de", "da", "del", "della", "di", "do", "dos", "du", "la", "le", "van", "von", "der", "den",
    "ter", "al", "el", "bin", "ibn", "bint", "y",
];

/// Headline prefixes that are labels, not outlets ("Exclusive: …").
const HEADLINE_LABELS: &[&str] = &[
    "exclusive",
    "analysis",
    "watch",
    "live",
    "breaking",
    "breaking news",
    "opinion",
    "explainer",
    "update",
    "updated",
    "factbox",
    "video",
    "photos",
    "editorial",
    "comment",
    "review",
    "interview",
    "report",
    "poll",
    "fact check",
    "timeline",
    "insight",
    "profile",
];

/// Whether `name` is a known outlet.
pub(crate) fn is_known_outlet(name: &str) -> bool {
    OUTLETS.iter().any(|o| o.eq_ignore_ascii_case(name))
}

/// Whether a capitalised phrase names an outlet: known, ending in an outlet word, or a
/// single short all-caps acronym ("DPA").
fn is_outlet_like(part: &str) -> bool {
    if is_known_outlet(part) {
        return true;
    }
    let words: Vec<&str> = part.split_whitespace().collect();
    let Some(last) = words.last() else {
        return false;
    };
    if !words
        .iter()
        .all(|w| starts_upper(w) || *w == "of" || *w == "the")
    {
        return false;
    }
    if OUTLET_WORDS.contains(last) {
        return true;
    }
    words.len() == 1
        && (2..=6).contains(&last.len())
        && last.bytes().all(|c| c.is_ascii_uppercase())
}

fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Strips one prefix from `list`, compared ASCII-case-insensitively.
fn strip_prefix_ci<'a>(s: &'a str, list: &[&str]) -> Option<&'a str> {
    let first = *s.as_bytes().first()?;
    list.iter().find_map(|p| {
        // The first byte rules out almost every entry before a full comparison.
        if !p.as_bytes().first()?.eq_ignore_ascii_case(&first) {
            return None;
        }
        let head = s.get(..p.len())?;
        head.eq_ignore_ascii_case(p).then(|| &s[p.len()..])
    })
}

/// A recognised byline or credit line: people, and agencies that go to `via`.
#[derive(Debug, Default)]
pub(crate) struct Byline {
    pub names: Vec<String>,
    pub via: Vec<String>,
}

impl Byline {
    /// "A", "A and B", "A, B and C".
    pub(crate) fn joined(&self) -> Option<String> {
        match self.names.as_slice() {
            [] => None,
            [a] => Some(a.clone()),
            [init @ .., last] => Some(format!("{} and {last}", init.join(", "))),
        }
    }
}

/// Whether `w` can be a word of a personal name.
fn is_name_word(w: &str) -> bool {
    let w = w.trim_end_matches(['.', ',']);
    if PARTICLES.contains(&w) {
        return true;
    }
    starts_upper(w)
        && w.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
}

/// A personal name: 1–5 name words, the first and last capitalised.
fn is_name(part: &str) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 5
        && words.iter().all(|w| is_name_word(w))
        && starts_upper(words[0])
        && words.last().is_some_and(|w| starts_upper(w))
}

/// Cuts a trailing " in Washington" (place of the reporter) from a name.
fn cut_place(part: &str) -> &str {
    match part.find(" in ") {
        Some(i) if part[i + 4..].starts_with(char::is_uppercase) => &part[..i],
        _ => part,
    }
}

/// "By Jane Doe", "By Jane Doe and John Roe", "By Jane Doe, Reuters", "By AFP".
/// Rejects anything whose parts are not names, roles or outlets ("By the end of …").
pub(crate) fn parse_byline(line: &str) -> Option<Byline> {
    if line.len() > 160 {
        return None;
    }
    let rest = strip_prefix_ci(
        line,
        &[
            "by: ",
            "by ",
            "written by ",
            "words by ",
            "story by ",
            "report by ",
            "author: ",
            "authors: ",
        ],
    )?;
    let rest = rest.trim().trim_end_matches(['.', ',', ';']).trim();
    if rest.is_empty() {
        return None;
    }
    let mut out = Byline::default();
    let mut first = true;
    for chunk in rest.split([',', ';']) {
        for part in chunk.split(" and ").flat_map(|p| p.split(" & ")) {
            let part = part.trim();
            if part.is_empty() {
                continue;
            }
            let (part, for_outlet) = match part.split_once(" for ") {
                Some((a, b)) if is_outlet_like(b.trim()) => (a.trim(), Some(b.trim())),
                _ => (part, None),
            };
            let part = cut_place(part).trim();
            if is_outlet_like(part) && !(is_name(part) && !is_known_outlet(part) && first) {
                out.via.push(part.to_string());
            } else if is_name(part) {
                out.names.push(part.to_string());
            } else if !first
                && part
                    .split_whitespace()
                    .any(|w| ROLE_WORDS.contains(&w.to_lowercase().as_str()))
            {
                // A role ("Middle East correspondent"): not kept.
            } else {
                return None;
            }
            if let Some(o) = for_outlet {
                out.via.push(o.to_string());
            }
            first = false;
        }
    }
    // "By Staff Reporter" and friends: a role alone is not a name.
    out.names.retain(|n| {
        !n.split_whitespace()
            .any(|w| ROLE_WORDS.contains(&w.to_lowercase().as_str()))
    });
    Some(out)
}

/// "Reporting by Jane Doe in Gaza; Editing by John Roe", possibly in parentheses:
/// the reporters and writers become the byline, editors are dropped.
pub(crate) fn parse_credit_line(line: &str) -> Option<Byline> {
    let inner = line.trim();
    let inner = match inner.strip_prefix('(') {
        Some(r) => r.trim_end_matches(['.', ' ']).strip_suffix(')')?,
        None => inner,
    };
    if inner.len() > 300 {
        return None;
    }
    const KINDS: &[(&str, bool)] = &[
        ("reporting and writing by ", true),
        ("additional reporting by ", false),
        ("reporting by ", true),
        ("writing by ", true),
        ("written by ", true),
        ("compiled by ", true),
        ("editing by ", false),
        ("edited by ", false),
        ("graphics by ", false),
    ];
    let mut out = Byline::default();
    let mut any = false;
    for part in inner.split(';') {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        // Comparing first bytes here rules out most lines without a call per kind.
        let first = part.as_bytes()[0];
        let (keep, rest) = KINDS
            .iter()
            .filter(|(k, _)| k.as_bytes()[0].eq_ignore_ascii_case(&first))
            .find_map(|(k, keep)| strip_prefix_ci(part, &[k]).map(|rest| (*keep, rest)))?;
        any = true;
        if !keep {
            continue;
        }
        for name in rest.split(',').flat_map(|p| p.split(" and ")) {
            let name = cut_place(name.trim().trim_end_matches('.')).trim();
            if is_name(name) && !out.names.iter().any(|n| n == name) {
                out.names.push(name.to_string());
            }
        }
    }
    any.then_some(out)
}

/// Where a credit line glued to the end of the last paragraph starts, as in
/// "… he said. (Reporting by Jane Doe; Editing by John Roe)".
pub(crate) fn glued_credit_start(para: &str) -> Option<usize> {
    if !para.ends_with(')') {
        return None;
    }
    let open = para.rfind('(')?;
    let inner = &para[open + 1..];
    let lower_head: String = inner.chars().take(30).collect::<String>().to_lowercase();
    let credit = [
        "reporting",
        "writing by",
        "editing by",
        "compiled by",
        "additional reporting",
    ]
    .iter()
    .any(|k| lower_head.starts_with(k));
    (credit && open > 0 && para[..open].trim_end().len() < open).then_some(open)
}

/// "Source: Reuters", "Originally published by X", "This article first appeared on X",
/// "(With inputs from AFP)": the outlets named.
pub(crate) fn parse_via_line(line: &str) -> Option<Vec<String>> {
    if line.len() > 120 {
        return None;
    }
    let t = line
        .trim()
        .trim_start_matches('(')
        .trim_end_matches([')', '.']);
    const LEADS: &[&str] = &[
        "sources:",
        "source:",
        "source -",
        "originally published by",
        "originally published on",
        "originally published in",
        "originally published at",
        "this article was originally published by",
        "this article was originally published on",
        "this article was originally published in",
        "this article first appeared on",
        "this article first appeared in",
        "this story first appeared on",
        "this story first appeared in",
        "this story was originally published by",
        "this story was originally published on",
        "with inputs from",
        "with input from",
        "with agency inputs from",
    ];
    // Leads are lowercase: comparing first bytes rules out most lines at once.
    let first = t.as_bytes().first()?.to_ascii_lowercase();
    let lead = LEADS
        .iter()
        .filter(|l| l.as_bytes()[0] == first)
        .find(|l| {
            t.as_bytes()
                .get(..l.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(l.as_bytes()))
        })?;
    let rest = t[lead.len()..].trim();
    let rest = rest.split(". ").next().unwrap_or(rest).trim();
    let mut out = Vec::new();
    for part in rest.split([',', ';']).flat_map(|p| p.split(" and ")) {
        let part = part.trim().trim_start_matches("the ").trim();
        if part.is_empty() {
            continue;
        }
        let words = part.split_whitespace().count();
        if words > 6 || !starts_upper(part) {
            return None;
        }
        out.push(part.to_string());
    }
    (!out.is_empty()).then_some(out)
}

/// A dateline at the start of the first paragraph.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct Dateline {
    pub place: Option<String>,
    pub agency: Option<String>,
}

static DATELINE_AGENCY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(?P<place>[A-Z][\p{L}.'’\-]*(?:[ /][A-Z][\p{L}.'’\-]*){0,3})(?:,\s*[\p{L}0-9.]+(?:\s+[\p{L}0-9.]+){0,2}){0,2}\s+)?\((?P<agency>[A-Z][\p{L}.&'’ \-]{0,40})\)\s*[-–—]+\s",
    )
    .expect("dateline regex")
});

static DATELINE_PLACE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<place>\p{Lu}{2,}(?:[ /\-]\p{Lu}{2,}){0,3})(?:,\s*[\p{L}0-9.]+(?:\s+[\p{L}0-9.]+){0,2}){0,2}\s*[–—-]+\s")
        .expect("dateline regex")
});

/// "WASHINGTON (AP) — …", "(Reuters) - …", "LONDON, Jan 1 (Reuters) - …",
/// "GAZA CITY — …". The paragraph itself is left as it is.
pub(crate) fn dateline(first_para: &str) -> Option<Dateline> {
    let head = first_para
        .get(..first_para.len().min(160))
        .unwrap_or_else(|| {
            let mut end = 160;
            while !first_para.is_char_boundary(end) {
                end -= 1;
            }
            &first_para[..end]
        });
    if let Some(c) = DATELINE_AGENCY.captures(head) {
        let agency = c["agency"].trim();
        if is_outlet_like(agency) {
            return Some(Dateline {
                place: c.name("place").map(|m| m.as_str().to_string()),
                agency: Some(agency.to_string()),
            });
        }
    }
    let c = DATELINE_PLACE.captures(head)?;
    Some(Dateline {
        place: Some(c["place"].to_string()),
        agency: None,
    })
}

static VIA: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new(" via "));
static CITING: LazyLock<memmem::Finder<'static>> =
    LazyLock::new(|| memmem::Finder::new(" citing "));

/// "Caliber.Az reports via Axios" / "X reports, citing Y" inside a sentence: the outlet
/// publishing this copy (present tense "reports" speaks about this very article) and the
/// outlet it took the story from. The sentence stays in the body.
pub(crate) fn reports_via(para: &str) -> Vec<(Option<String>, String)> {
    let mut out = Vec::new();
    let b = para.as_bytes();
    for (pos, len) in VIA
        .find_iter(b)
        .map(|p| (p, 5))
        .chain(CITING.find_iter(b).map(|p| (p, 8)))
    {
        let before = para[..pos].trim_end_matches(',').trim_end();
        let Some(before) = before
            .strip_suffix(" reports")
            .or_else(|| before.strip_suffix(" writes"))
        else {
            continue;
        };
        let Some(via) = capitalised_run(&para[pos + len..]) else {
            continue;
        };
        out.push((capitalised_run_before(before), via));
    }
    out
}

/// The capitalised words at the start of `s` ("The Wall Street Journal said" → "The
/// Wall Street Journal"), up to five, stopping after a word with trailing punctuation.
fn capitalised_run(s: &str) -> Option<String> {
    let mut end = 0;
    let mut start = 0;
    for (words, w) in s.split(' ').enumerate() {
        let bare = w.trim_end_matches(['.', ',', ';', ':', ')', '"', '”', '’']);
        let bare = bare
            .strip_suffix("’s")
            .or_else(|| bare.strip_suffix("'s"))
            .unwrap_or(bare);
        let ok = starts_upper(bare) || (words > 0 && bare == "of");
        if !ok || bare.is_empty() || words == 5 {
            break;
        }
        end = start + bare.len();
        if bare.len() != w.len() {
            break;
        }
        start += w.len() + 1;
    }
    let run = s[..end].trim_end_matches(" of");
    (!run.is_empty()).then(|| run.to_string())
}

/// The capitalised words at the end of `s`, up to four, not crossing punctuation.
fn capitalised_run_before(s: &str) -> Option<String> {
    let mut start = s.len();
    for (words, w) in s.rsplit(' ').enumerate() {
        if words == 4 || !starts_upper(w) || w.ends_with([',', ';', ':', ')']) {
            break;
        }
        start -= w.len();
        let run = &s[start..];
        if run.len() < s.len() {
            start -= 1;
        }
    }
    let run = s[start..].trim_start();
    let pronoun = matches!(run, "It" | "He" | "She" | "They" | "This" | "The" | "We");
    (!run.is_empty() && !pronoun).then(|| run.to_string())
}

/// "Axios: Trump, Netanyahu in crunch talks …" → "Axios", when the prefix is a known
/// outlet or the body refers to it as a source ("via Axios", "Axios reported", "told
/// Axios", "according to Axios"). Topic prefixes ("Gaza: …") are not outlets.
pub(crate) fn headline_outlet(title: &str, body: &str) -> Option<String> {
    let (name, rest) = title.split_once(": ")?;
    if name.is_empty() || name.len() > 40 || rest.is_empty() || !starts_upper(name) {
        return None;
    }
    if name.split_whitespace().count() > 3
        || HEADLINE_LABELS.contains(&name.to_lowercase().as_str())
        || !name.split_whitespace().all(starts_upper)
    {
        return None;
    }
    if is_known_outlet(name) {
        return Some(name.to_string());
    }
    let cited = [
        format!("via {name}"),
        format!("{name} reported"),
        format!("{name} reports"),
        format!("told {name}"),
        format!("according to {name}"),
    ]
    .iter()
    .any(|p| memmem::find(body.as_bytes(), p.as_bytes()).is_some());
    cited.then(|| name.to_string())
}

/// Function words that may stay lowercase inside a Title-Case run ("Plans on Table").
const MINOR: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "nor", "of", "on", "in", "at", "to", "for", "by", "with",
    "from", "as", "vs", "vs.", "up", "off", "over", "into", "per", "via",
];

fn is_minor(w: &str) -> bool {
    MINOR.contains(&w)
}

/// Splits a headline that a scraper glued to its deck.
///
/// The rule: a headline in *sentence case* ("Trump, Netanyahu in crunch talks as Israel
/// pushes for action on Iran") that ends in a run of *Title-Case* words ("Iran Military
/// Plans on Table", lowercase function words allowed inside the run) probably carries a
/// deck. Inside that run, proper nouns belong to the headline and ordinary words start
/// the deck; an ordinary word is one whose lowercase form occurs in the article body
/// ("military" does, "iran" never does). So the split goes before the first word of the
/// run whose lowercase form is found in `body` as a whole word. The head must be clearly
/// sentence case (at least two lowercase content words, and at least a third of its
/// content words lowercase, not counting the first word and the first word after a
/// colon), and the deck must have at least two words; otherwise nothing is split.
pub(crate) fn split_glued_deck(title: &str, body: &str) -> Option<(String, String)> {
    let words: Vec<&str> = title.split(' ').collect();
    if words.len() < 5 {
        return None;
    }
    // The Title-Case run at the end.
    let mut run_start = words.len();
    for (i, w) in words.iter().enumerate().rev() {
        if starts_upper(w) && !w.ends_with([',', ':', ';']) {
            run_start = i;
        } else if !is_minor(w) {
            break;
        }
    }
    let split = (run_start..words.len())
        .find(|&i| !is_minor(words[i]) && occurs_lowercase(words[i], body))?;
    if words.len() - split < 2 || split == 0 {
        return None;
    }
    let head = &words[..split];
    if head.last().is_some_and(|w| is_minor(w)) {
        return None;
    }
    let (mut content, mut lower) = (0usize, 0usize);
    let mut after_colon = true;
    for w in head {
        let first_of_clause = after_colon;
        after_colon = w.ends_with(':');
        if first_of_clause || is_minor(w) || !w.starts_with(char::is_alphabetic) {
            continue;
        }
        content += 1;
        if w.starts_with(char::is_lowercase) {
            lower += 1;
        }
    }
    if lower < 2 || lower * 3 < content {
        return None;
    }
    Some((head.join(" "), words[split..].join(" ")))
}

/// Whether the lowercase form of `word` occurs in `body` as a whole word.
fn occurs_lowercase(word: &str, body: &str) -> bool {
    let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
    if bare.is_empty() || !bare.chars().all(char::is_alphabetic) {
        return false;
    }
    let lower = bare.to_lowercase();
    let b = body.as_bytes();
    memmem::find_iter(b, lower.as_bytes()).any(|p| {
        let before = body[..p].chars().next_back();
        let after = body[p + lower.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Counts letters and tells whether all of them are uppercase.
fn all_caps(s: &str) -> bool {
    let mut letters = 0;
    for c in s.chars() {
        if c.is_alphabetic() {
            if !c.is_uppercase() {
                return false;
            }
            letters += 1;
        }
    }
    letters >= 2
}

/// A strong section label: a short all-caps line ("NEWS DESK", "WORLD").
pub(crate) fn is_caps_section(line: &str) -> bool {
    line.len() <= 40
        && line.split_whitespace().count() <= 4
        && !line.ends_with(['.', '!', '?', ':'])
        && !line.bytes().any(|c| c.is_ascii_digit())
        && all_caps(line)
}

/// A weaker section label: a short Title-Case line ("Middle East"), taken as a section
/// only when a longer header line follows it.
pub(crate) fn is_title_section(line: &str) -> bool {
    line.len() <= 30
        && line.split_whitespace().count() <= 3
        && line.split_whitespace().all(|w| starts_upper(w) || w == "&")
        && !line.ends_with(['.', '!', '?', ':'])
}

/// "Home > World > Middle East" → "Middle East".
pub(crate) fn breadcrumb(line: &str) -> Option<String> {
    if line.len() > 100 {
        return None;
    }
    let sep = [" > ", " › ", " » ", " / "]
        .into_iter()
        .find(|s| line.contains(s))?;
    let parts: Vec<&str> = line.split(sep).map(str::trim).collect();
    let ok = parts.len() >= 2
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.split_whitespace().count() <= 3 && starts_upper(p));
    if !ok {
        return None;
    }
    parts.last().map(|p| p.to_string())
}

/// The holder named in a copyright line ("© 2026 Example Media. All rights reserved."
/// → "Example Media").
pub(crate) fn copyright_holder(line: &str) -> Option<String> {
    let rest = strip_prefix_ci(
        line,
        &["copyright ©", "copyright (c)", "copyright", "©", "(c)"],
    )?;
    let rest =
        rest.trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, ' ' | '-' | '–' | ','));
    let end = [". ", ",", " all rights", " All rights", " |"]
        .iter()
        .filter_map(|p| rest.find(p))
        .min()
        .unwrap_or(rest.len());
    let name = rest[..end].trim().trim_end_matches('.');
    let words = name.split_whitespace().count();
    ((1..=5).contains(&words) && starts_upper(name)).then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines() {
        let names = |l: &str| parse_byline(l).and_then(|b| b.joined());
        assert_eq!(
            names("By Aghakazim Guliyev").as_deref(),
            Some("Aghakazim Guliyev")
        );
        assert_eq!(
            names("By Jane Doe and John Roe").as_deref(),
            Some("Jane Doe and John Roe")
        );
        let b = parse_byline("By Jane Doe, Reuters").unwrap();
        assert_eq!(
            (b.joined().as_deref(), b.via),
            (Some("Jane Doe"), vec!["Reuters".to_string()])
        );
        assert_eq!(
            names("By Ursula von der Leyen").as_deref(),
            Some("Ursula von der Leyen")
        );
        assert!(parse_byline("By the end of the year, prices rose.").is_none());
        let b = parse_byline("By AFP").unwrap();
        assert_eq!((b.joined(), b.via), (None, vec!["AFP".to_string()]));
        assert_eq!(
            names("By Jane Doe, Middle East correspondent").as_deref(),
            Some("Jane Doe")
        );
    }

    #[test]
    fn credit_lines() {
        let b =
            parse_credit_line("(Reporting by Jane Doe in Gaza and John Roe; Editing by Ann Poe)")
                .unwrap();
        assert_eq!(b.names, ["Jane Doe", "John Roe"]);
        assert!(parse_credit_line("Reporting was difficult.").is_none());
        let p = "He left. (Reporting by Jane Doe; Editing by Ann Poe)";
        assert_eq!(glued_credit_start(p), Some(9));
    }

    #[test]
    fn datelines() {
        assert_eq!(
            dateline("WASHINGTON (AP) — The talks began."),
            Some(Dateline {
                place: Some("WASHINGTON".into()),
                agency: Some("AP".into())
            })
        );
        assert_eq!(
            dateline("(Reuters) - The talks began."),
            Some(Dateline {
                place: None,
                agency: Some("Reuters".into())
            })
        );
        assert_eq!(
            dateline("LONDON, Jan 1 (Reuters) - Talks."),
            Some(Dateline {
                place: Some("LONDON".into()),
                agency: Some("Reuters".into())
            })
        );
        assert_eq!(
            dateline("GAZA CITY — Residents fled."),
            Some(Dateline {
                place: Some("GAZA CITY".into()),
                agency: None
            })
        );
        assert_eq!(dateline("Iran (officially) - no."), None);
        assert_eq!(dateline("The talks began (slowly) - they said."), None);
    }

    #[test]
    fn via_phrases() {
        let v = reports_via("… if diplomatic efforts fail, Caliber.Az reports via Axios.");
        assert_eq!(v, [(Some("Caliber.Az".to_string()), "Axios".to_string())]);
        let v = reports_via("Example News reports, citing The Wall Street Journal.");
        assert_eq!(
            v,
            [(
                Some("Example News".to_string()),
                "The Wall Street Journal".to_string()
            )]
        );
        assert!(reports_via("Goods arrive via Turkey, officials said.").is_empty());
    }

    #[test]
    fn glued_deck() {
        let body = "the necessary military capabilities to strike Iran, plans";
        let t = "Axios: Trump, Netanyahu in crunch talks as Israel pushes for action on Iran Military Plans on Table";
        let (h, d) = split_glued_deck(t, body).unwrap();
        assert_eq!(
            h,
            "Axios: Trump, Netanyahu in crunch talks as Israel pushes for action on Iran"
        );
        assert_eq!(d, "Military Plans on Table");
        // Title case throughout: no split.
        assert!(split_glued_deck("Trump Meets Netanyahu As Military Plans Loom", body).is_none());
        // No common word in the run: no split.
        assert!(split_glued_deck("Leaders meet in crunch talks on Iran Israel", body).is_none());
    }

    #[test]
    fn sections_and_holders() {
        assert!(is_caps_section("NEWS DESK"));
        assert!(!is_caps_section("US DUO IN FIRST SPAM CONVICTION SHOCK"));
        assert_eq!(
            breadcrumb("Home > World > Middle East").as_deref(),
            Some("Middle East")
        );
        assert_eq!(
            copyright_holder("© 2026 Example Media. All rights reserved.").as_deref(),
            Some("Example Media")
        );
    }
}
