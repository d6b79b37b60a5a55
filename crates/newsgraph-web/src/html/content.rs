//! Choosing the article body among the page's text blocks.
//!
//! The idea: an article is the element whose subtree holds the most *running text* and
//! the least *chrome*. Every block gets a signed weight:
//! - **content**: a block of prose (enough characters, few of them in links, not
//!   inside an element whose class/id names boilerplate) weighs `+chars`, more when it
//!   reads like sentences (commas, full stops);
//! - **chrome**: link lists, short menu-like lines, boilerplate-marked blocks weigh
//!   `-chars × penalty`.
//!
//! Each element's score is the sum over the blocks in its subtree; the best element
//! is the tightest container that gains more prose than it pays in chrome (a maximum
//! subtree problem, solved in one pass since blocks carry their element's ancestry as a
//! range). Elements named as content (`article`, `entry-content`, …) get a small bonus.
//!
//! Inside the winner, the body keeps blocks that are not marked boilerplate, not link
//! lists, not the headline, and not short chrome lines ("Advertisement", "Share this
//! article", …); bylines and datelines before the first paragraph are dropped.
//!
//! Known limits: an article split across two unrelated containers separated by a
//! long block of chrome keeps only the larger part; pages that are mostly a table or a
//! list of links (scores, listings) are judged by the same prose measures and may lose
//! short cells.

use super::dom::{Block, Doc, Tag, NONE};

/// Blocks of at least this many characters can be prose.
const MIN_PROSE_CHARS: u32 = 50;

/// The chosen body: its paragraphs in document order.
#[derive(Debug, Clone, Default)]
pub(crate) struct Body {
    pub paragraphs: Vec<String>,
}

fn is_neg(doc: &Doc, elem: u32, exempt: &[bool]) -> bool {
    let mut e = elem;
    while e != NONE {
        let el = &doc.elems[e as usize];
        if el.keep {
            return false;
        }
        if el.neg && !exempt[e as usize] {
            return true;
        }
        e = el.parent;
    }
    false
}

fn sentence_bonus(text: &str) -> f32 {
    let punct = text
        .chars()
        .filter(|c| matches!(c, ',' | '.' | '，' | '。' | '、' | '!' | '?' | ';'))
        .count();
    1.0 + (punct as f32 / 10.0).min(0.5)
}

fn prose(block: &Block) -> bool {
    block.chars >= MIN_PROSE_CHARS && block.link_density() < 0.35
}

/// Short lines that are chrome wherever they appear.
fn chrome_line(text: &str) -> bool {
    let t = text
        .trim()
        .trim_end_matches([':', '.', '!', '»', '›', '>'])
        .trim();
    let lower = t.to_lowercase();
    const EXACT: &[&str] = &[
        "advertisement",
        "advertisements",
        "advert",
        "anzeige",
        "publicidad",
        "publicité",
        "pubblicità",
        "ad",
        "ads",
        "sponsored",
        "share",
        "share this",
        "share this article",
        "share this story",
        "share on facebook",
        "share on twitter",
        "tweet",
        "email",
        "print",
        "comments",
        "comment",
        "read more",
        "continue reading",
        "related",
        "related articles",
        "related stories",
        "related content",
        "more on this",
        "more from",
        "recommended",
        "you may also like",
        "subscribe",
        "sign up",
        "click here",
        "loading",
        "skip to content",
        "skip advertisement",
        "story continues below advertisement",
        "article continues below advertisement",
        "continue reading below",
        "scroll to continue with content",
        "play video",
        "close",
        "menu",
        "search",
        "next",
        "previous",
        "back to top",
        "top",
    ];
    if EXACT.contains(&lower.as_str()) {
        return true;
    }
    let words = lower.split_whitespace().count();
    let social = ["facebook", "twitter", "instagram", "linkedin", "whatsapp"];
    if words <= 20
        && ((lower.starts_with("follow ") && social.iter().any(|s| lower.contains(s)))
            || (lower.contains("newsletter")
                && (lower.contains("subscribe") || lower.contains("sign up")))
            || lower.contains("requires javascript")
            || lower.contains("enable javascript"))
    {
        return true;
    }
    words <= 8
        && (lower.starts_with("advertisement")
            || lower.starts_with("follow us")
            || lower.starts_with("share this")
            || lower.starts_with("sign up for")
            || lower.starts_with("subscribe to")
            || lower.starts_with("read more:")
            || lower.starts_with("related:")
            || lower.starts_with("see also")
            || lower.starts_with("image:")
            || lower.starts_with("photo:")
            || lower.starts_with("image credit")
            || lower.starts_with("photo credit")
            || lower.contains("getty images")
            || lower.contains("shutterstock")
            || lower.starts_with("photo by")
            || lower.starts_with("credit:")
            || lower.starts_with("image source")
            || lower.contains("all rights reserved")
            || lower.starts_with("copyright")
            || lower.starts_with("©"))
}

/// A byline/date/"updated" line that precedes the article text.
fn lead_chrome(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    let words = lower.split_whitespace().count();
    if words > 14 {
        return false;
    }
    lower.starts_with("by ")
        || lower.starts_with("published")
        || lower.starts_with("updated")
        || lower.starts_with("posted")
        || lower.starts_with("last updated")
        || lower.contains("min read")
        || lower.contains("reading time")
        || lower.contains("tempo de leitura")
        || lower.contains("tiempo de lectura")
        || lower.contains("lesezeit")
        || lower.contains("temps de lecture")
        || lower.contains("minute read")
        || lower.starts_with("photo")
        || lower.starts_with("image")
        || lower.starts_with("file photo")
        || lower.starts_with("(photo")
        || has_date(&lower)
}

fn has_date(lower: &str) -> bool {
    const MONTHS: &[&str] = &[
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let digits = lower.chars().filter(|c| c.is_ascii_digit()).count();
    let words = lower.split_whitespace().count();
    digits >= 4
        && words <= 10
        && (MONTHS.iter().any(|m| lower.contains(m))
            || lower.contains(" am")
            || lower.contains(" pm")
            || lower.matches('/').count() >= 2
            || lower.matches('-').count() >= 2)
}

/// Picks the article container and returns its body, or `None` without prose.
pub(crate) fn select(doc: &Doc, title: Option<&str>) -> Option<Body> {
    let n = doc.elems.len();
    if n == 0 || doc.blocks.is_empty() {
        return None;
    }
    // 1. Prose per element, ignoring boilerplate marks, to exempt a mark that covers
    //    most of the page's prose (a container misnamed `…share…`).
    let mut raw = vec![0f32; n];
    let mut total = 0f32;
    for b in &doc.blocks {
        if b.elem == NONE || !prose(b) {
            continue;
        }
        total += b.chars as f32;
        let mut e = b.elem;
        while e != NONE {
            raw[e as usize] += b.chars as f32;
            e = doc.elems[e as usize].parent;
        }
    }
    if total == 0.0 {
        return None;
    }
    let exempt: Vec<bool> = (0..n)
        .map(|i| doc.elems[i].neg && raw[i] > 0.5 * total)
        .collect();

    // 2. Signed weights summed up the ancestry.
    let mut score = vec![0f32; n];
    let mut neg_flags = Vec::with_capacity(doc.blocks.len());
    for b in &doc.blocks {
        let neg = b.elem != NONE && is_neg(doc, b.elem, &exempt);
        neg_flags.push(neg);
        if b.elem == NONE {
            continue;
        }
        let w = if neg {
            -(b.chars as f32)
        } else if prose(b) {
            b.chars as f32 * sentence_bonus(&b.text)
        } else if b.link_density() > 0.5 {
            -(b.chars as f32) * 1.0
        } else {
            0.0
        };
        let mut e = b.elem;
        while e != NONE {
            score[e as usize] += w;
            e = doc.elems[e as usize].parent;
        }
    }
    let mut best = NONE;
    let mut best_score = f32::MIN;
    for (i, el) in doc.elems.iter().enumerate() {
        let mut s = score[i];
        if s <= 0.0 {
            continue;
        }
        if el.pos || matches!(el.tag, Tag::Article) {
            s *= 1.05;
        }
        if s > best_score {
            best_score = s;
            best = i as u32;
        }
    }
    if best == NONE {
        return None;
    }
    if std::env::var_os("NEWSGRAPH_WEB_DEBUG").is_some_and(|v| v == "2") {
        for (i, b) in doc.blocks.iter().enumerate() {
            eprintln!(
                "block {i} elem {} {:?} chars {} link {} neg {}: {:.100}",
                b.elem,
                b.tag,
                b.chars,
                b.link_chars,
                neg_flags[i],
                b.text.replace('\n', " / ")
            );
        }
    }
    if std::env::var_os("NEWSGRAPH_WEB_DEBUG").is_some() {
        let mut order: Vec<usize> = (0..n).filter(|&i| score[i] > 0.0).collect();
        order.sort_by(|&a, &b| score[b].total_cmp(&score[a]));
        for &i in order.iter().take(8) {
            let first = doc
                .blocks
                .iter()
                .find(|b| b.elem as usize >= i && b.elem < doc.elems[i].end);
            eprintln!(
                "cand {i} {:?} score {:.0} raw {:.0} neg {} pos {} first: {:.80}",
                doc.elems[i].tag,
                score[i],
                raw[i],
                doc.elems[i].neg,
                doc.elems[i].pos,
                first.map_or("", |b| b.text.as_str())
            );
        }
    }
    let container = &doc.elems[best as usize];
    let (lo, hi) = (best, container.end);

    // 3. The body: blocks inside the container, filtered.
    let title_norm = title.map(|t| t.trim().to_lowercase());
    let mut paragraphs: Vec<String> = Vec::new();
    let mut seen_prose = false;
    for (b, &neg) in doc.blocks.iter().zip(&neg_flags) {
        if b.elem == NONE || b.elem < lo || b.elem >= hi || neg {
            continue;
        }
        if matches!(b.tag, Tag::H(1)) {
            continue;
        }
        if b.link_density() > 0.5 && !b.in_quote && b.chars < 300 {
            continue;
        }
        if chrome_line(&b.text) {
            continue;
        }
        if let Some(t) = &title_norm {
            if b.text.trim().to_lowercase() == *t {
                continue;
            }
        }
        if !seen_prose {
            if prose(b) {
                seen_prose = true;
            } else if lead_chrome(&b.text) {
                continue;
            }
        }
        paragraphs.push(b.text.clone());
    }
    if paragraphs.is_empty() {
        return None;
    }
    Some(Body { paragraphs })
}
