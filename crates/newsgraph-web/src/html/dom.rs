//! From the html5ever DOM to a flat arena of elements and text blocks.
//!
//! One iterative pass (no recursion, so no stack overflow on deeply nested markup)
//! over the parsed tree does three things:
//! - numbers the elements in document order, each with its parent and the end of its
//!   subtree, so "is block b inside element e" is a range test;
//! - cuts the visible text into **blocks**: the runs of text between block-level
//!   boundaries (`<p>`, `<div>`, `<li>`, headings, table rows, `<br>` inside a block
//!   only breaks a line), with whitespace collapsed as a browser would and the number of
//!   characters inside links counted;
//! - collects what the metadata step needs (`<meta>`, `<link>`, `<title>`, JSON-LD,
//!   `<html lang>`, the first `<time datetime>`, `<h1>`s).
//!
//! Subtrees that never hold article text are skipped whole: scripts, styles, forms'
//! controls, media, `<nav>`, `<figcaption>`, hidden elements. Elements whose class or
//! id names boilerplate (comments, share bars, related links, cookie notices, ads, …)
//! are kept but marked, so the scorer can decide (a site may call its article
//! container `post-share-wrapper`).

use ego_tree::iter::Edge;
use scraper::{Html, Node};

/// Sentinel for "no element".
pub(crate) const NONE: u32 = u32::MAX;

/// Deepest nesting followed; deeper content is attributed to the element at this depth.
const MAX_DEPTH: usize = 512;

/// Tag classes the extractor cares about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tag {
    H(u8),
    P,
    Li,
    Quote,
    Pre,
    Anchor,
    Br,
    Cell,
    Row,
    Article,
    Main,
    Body,
    Header,
    Footer,
    Aside,
    OtherBlock,
    Inline,
}

impl Tag {
    fn is_block(self) -> bool {
        !matches!(self, Tag::Inline | Tag::Anchor | Tag::Br | Tag::Cell)
    }
}

/// One element of the arena.
#[derive(Debug, Clone)]
pub(crate) struct Elem {
    pub tag: Tag,
    pub parent: u32,
    /// One past the index of the last element of its subtree.
    pub end: u32,
    /// Class or id names boilerplate.
    pub neg: bool,
    /// Class or id names content (`article-body`, `entry-content`, …).
    pub pos: bool,
    /// An embedded post (`blockquote.twitter-tweet`, Instagram): content even inside
    /// an element marked as boilerplate (`social-media-embed`).
    pub keep: bool,
}

/// A run of visible text between block boundaries.
#[derive(Debug, Clone)]
pub(crate) struct Block {
    pub text: String,
    /// The innermost block-level element holding it.
    pub elem: u32,
    /// Its tag class.
    pub tag: Tag,
    /// Characters (not bytes) of text, spaces excluded.
    pub chars: u32,
    /// Of which inside `<a>`.
    pub link_chars: u32,
    /// Inside a `<blockquote>` (tweets and quotes count as content even when short).
    pub in_quote: bool,
}

impl Block {
    pub fn link_density(&self) -> f32 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f32 / self.chars as f32
        }
    }
}

/// Raw metadata found while walking the tree.
#[derive(Debug, Default, Clone)]
pub(crate) struct RawMeta {
    /// `(name|property|itemprop|http-equiv, content)` of every `<meta>`, names lower-cased.
    pub metas: Vec<(String, String)>,
    /// `(rel, href)` of every `<link>`.
    pub links: Vec<(String, String)>,
    pub title: Option<String>,
    pub ld_json: Vec<String>,
    pub lang: Option<String>,
    pub time: Option<String>,
    pub h1: Vec<String>,
    /// `rel=author` / class author text (first).
    pub author_text: Option<String>,
}

/// The arena.
#[derive(Debug, Default)]
pub(crate) struct Doc {
    pub elems: Vec<Elem>,
    pub blocks: Vec<Block>,
    pub meta: RawMeta,
}

fn classify(name: &str) -> Option<Tag> {
    // None = skip the whole subtree.
    Some(match name {
        "p" => Tag::P,
        "h1" => Tag::H(1),
        "h2" => Tag::H(2),
        "h3" => Tag::H(3),
        "h4" => Tag::H(4),
        "h5" => Tag::H(5),
        "h6" => Tag::H(6),
        "li" | "dt" | "dd" => Tag::Li,
        "blockquote" => Tag::Quote,
        "pre" => Tag::Pre,
        "a" => Tag::Anchor,
        "br" => Tag::Br,
        "td" | "th" => Tag::Cell,
        "tr" => Tag::Row,
        "article" => Tag::Article,
        "main" => Tag::Main,
        "body" => Tag::Body,
        "header" => Tag::Header,
        "footer" => Tag::Footer,
        "aside" => Tag::Aside,
        "div" | "section" | "ul" | "ol" | "dl" | "table" | "tbody" | "thead" | "tfoot"
        | "center" | "address" | "details" | "summary" | "fieldset" | "hgroup" | "hr"
        | "figure" | "html" | "form" | "caption" | "dir" | "menuitem" => Tag::OtherBlock,
        "script" | "style" | "noscript" | "template" | "svg" | "math" | "canvas" | "iframe"
        | "object" | "embed" | "video" | "audio" | "source" | "track" | "picture" | "img"
        | "select" | "option" | "button" | "input" | "textarea" | "head" | "link" | "meta"
        | "map" | "area" | "dialog" | "figcaption" | "nav" | "menu" | "title" | "label"
        | "datalist" | "output" | "progress" | "meter" | "frameset" | "frame" => return None,
        _ => Tag::Inline,
    })
}

/// Boilerplate words matched as whole tokens of class/id (split on space, `-`, `_`).
const NEG_TOKENS: &[&str] = &[
    "ad",
    "ads",
    "advert",
    "adverts",
    "advertisement",
    "advertising",
    "share",
    "sharing",
    "social",
    "comments",
    "comment",
    "nav",
    "navbar",
    "navigation",
    "menu",
    "footer",
    "sidebar",
    "related",
    "tags",
    "tag",
    "breadcrumb",
    "breadcrumbs",
    "caption",
    "credit",
    "credits",
    "promo",
    "sponsored",
    "sponsor",
    "widget",
    "popup",
    "modal",
    "newsletter",
    "subscribe",
    "subscription",
    "signup",
    "cookie",
    "cookies",
    "consent",
    "banner",
    "masthead",
    "toolbar",
    "pagination",
    "pager",
    "print",
    "byline",
    "dateline",
    "timestamp",
    "author",
    "bio",
    "rail",
    "trending",
    "popular",
    "recommended",
    "recommendations",
    "recirc",
    "outbrain",
    "taboola",
    "disqus",
    "hidden",
    "sr",
    "skip",
    "meta",
    "tools",
    "utility",
    "jump",
    "follow",
    "rating",
    "reactions",
    "more",
    "next",
    "prev",
    "previous",
    "topics",
    "categories",
    "tagline",
    "teaser",
    "teasers",
    "embed",
    "inline",
    "shoutbox",
    "paywall",
    "login",
    "register",
    "wp",
    "dropdown",
    "disclaimer",
    "alert",
    "notice",
    "gallery",
    "slideshow",
    "carousel",
    "video",
    "figure",
    "image",
    "photo",
    "img",
    "thumbnail",
    "thumb",
    "icon",
    "logo",
    "header",
    "top",
];

/// Boilerplate substrings (long enough not to hit content names by accident).
const NEG_SUBSTRINGS: &[&str] = &[
    "comment",
    "share",
    "social",
    "related",
    "newsletter",
    "subscri",
    "cookie",
    "consent",
    "gdpr",
    "advert",
    "sponsor",
    "promo",
    "outbrain",
    "taboola",
    "sidebar",
    "breadcrumb",
    "recommend",
    "most-read",
    "mostread",
    "most-popular",
    "trending",
    "readmore",
    "read-more",
    "more-stories",
    "morestories",
    "caption",
    "footer",
    "masthead",
    "navbar",
    "signup",
    "sign-up",
    "paywall",
    "author-bio",
    "authorbio",
    "byline",
    "dateline",
    "disclaimer",
    "widget",
];

const POS_SUBSTRINGS: &[&str] = &[
    "article",
    "content",
    "entry",
    "post-body",
    "postbody",
    "post-content",
    "story",
    "main",
    "text",
    "body",
    "blog",
];

/// Class names that describe what a page *is about* (WordPress taxonomy and state
/// classes such as `tag-politics`, `category-news`, `has-post-thumbnail`), not what an
/// element is: ignored by the hints.
const TAXONOMY_PREFIXES: &[&str] = &[
    "tag-",
    "category-",
    "has-",
    "post-",
    "format-",
    "status-",
    "type-",
    "postid-",
    "page-",
    "single",
    "author-",
    "tmpl-",
    "theme-",
    "template-",
    "lang-",
    "js-",
    "is-",
];

fn hints(class_id: &str) -> (bool, bool) {
    if class_id.is_empty() {
        return (false, false);
    }
    let lower = class_id.to_ascii_lowercase();
    let (mut neg, mut pos) = (false, false);
    for name in lower.split_ascii_whitespace() {
        if TAXONOMY_PREFIXES.iter().any(|p| name.starts_with(p))
            && !name.starts_with("post-body")
            && !name.starts_with("post-content")
        {
            continue;
        }
        if !neg {
            neg = NEG_SUBSTRINGS.iter().any(|s| name.contains(s))
                || name.split(['-', '_']).any(|t| NEG_TOKENS.contains(&t));
        }
        if !pos {
            pos = POS_SUBSTRINGS.iter().any(|s| name.contains(s));
        }
    }
    (neg, pos)
}

/// Class names of elements that are never seen as running text: tooltips and
/// hover cards inlined into paragraphs, screen-reader-only text, hidden utilities.
const HIDDEN_CLASSES: &[&str] = &[
    "tooltip",
    "rollover",
    "popover",
    "hovercard",
    "sr-only",
    "visually-hidden",
    "visuallyhidden",
    "screen-reader",
    "screenreader",
    "offscreen",
    "d-none",
    "display-none",
    "hide-text",
    "u-hidden",
];

fn hidden(el: &scraper::node::Element) -> bool {
    if el.attr("hidden").is_some() {
        return true;
    }
    if let Some(class) = el.attr("class") {
        let lower = class.to_ascii_lowercase();
        if HIDDEN_CLASSES.iter().any(|h| lower.contains(h))
            || lower
                .split_ascii_whitespace()
                .any(|c| c == "hidden" || c == "hide")
        {
            return true;
        }
    }
    if let Some(style) = el.attr("style") {
        let s: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        if s.contains("display:none") || s.contains("visibility:hidden") {
            return true;
        }
    }
    false
}

/// What a skipped subtree's text is captured for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Capture {
    None,
    Title,
    LdJson,
}

struct Builder {
    doc: Doc,
    /// Open elements (arena indices).
    stack: Vec<u32>,
    /// Open block elements (arena indices).
    block_stack: Vec<u32>,
    buf: String,
    buf_chars: u32,
    buf_link: u32,
    pending_space: bool,
    anchor_depth: u32,
    quote_depth: u32,
    skip_depth: u32,
    capture: Capture,
    capture_buf: String,
    h1_open: Option<String>,
    /// Depth beyond MAX_DEPTH: elements not added.
    overflow: u32,
}

impl Builder {
    fn current_block(&self) -> u32 {
        self.block_stack.last().copied().unwrap_or(NONE)
    }

    fn flush(&mut self) {
        let text = self.buf.trim_end();
        if self.buf_chars > 0 {
            let elem = self.current_block();
            let tag = if elem == NONE {
                Tag::OtherBlock
            } else {
                self.doc.elems[elem as usize].tag
            };
            self.doc.blocks.push(Block {
                text: text.to_owned(),
                elem,
                tag,
                chars: self.buf_chars,
                link_chars: self.buf_link,
                in_quote: self.quote_depth > 0,
            });
        }
        self.buf.clear();
        self.buf_chars = 0;
        self.buf_link = 0;
        self.pending_space = false;
    }

    fn push_text(&mut self, text: &str) {
        for c in text.chars() {
            if c.is_whitespace() {
                self.pending_space = true;
                continue;
            }
            if self.pending_space && !self.buf.is_empty() && !self.buf.ends_with('\n') {
                self.buf.push(' ');
            }
            self.pending_space = false;
            self.buf.push(c);
            self.buf_chars += 1;
            if self.anchor_depth > 0 {
                self.buf_link += 1;
            }
        }
        if let Some(h1) = self.h1_open.as_mut() {
            h1.push_str(text);
        }
    }

    fn open(&mut self, el: &scraper::node::Element) {
        let name = el.name();
        if self.overflow > 0 || self.stack.len() >= MAX_DEPTH {
            self.overflow += 1;
            return;
        }
        self.collect_meta(name, el);
        let tag = match classify(name) {
            Some(tag) if !hidden(el) => tag,
            _ => {
                self.skip_depth = 1;
                self.capture = match name {
                    "title" if self.doc.meta.title.is_none() => Capture::Title,
                    "script"
                        if el
                            .attr("type")
                            .is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json")) =>
                    {
                        Capture::LdJson
                    }
                    _ => Capture::None,
                };
                self.capture_buf.clear();
                return;
            }
        };
        let mut class_id = String::new();
        if let Some(c) = el.attr("class") {
            class_id.push_str(c);
        }
        if let Some(i) = el.attr("id") {
            class_id.push(' ');
            class_id.push_str(i);
        }
        let (mut neg, pos) = hints(&class_id);
        // Text-level elements are judged by their text, not their names.
        if matches!(
            tag,
            Tag::Body | Tag::Main | Tag::P | Tag::H(_) | Tag::Row | Tag::Cell
        ) || name == "html"
        {
            neg = false;
        }
        let keep = tag == Tag::Quote && {
            let lower = class_id.to_ascii_lowercase();
            lower.contains("tweet") || lower.contains("twitter") || lower.contains("instagram")
        };
        if matches!(tag, Tag::Footer | Tag::Aside) {
            neg = true;
        }
        if tag == Tag::Br {
            if !self.buf.is_empty() && !self.buf.ends_with('\n') {
                self.buf.push('\n');
            }
            self.pending_space = false;
            return;
        }
        if tag.is_block() {
            self.flush();
        }
        if tag == Tag::Cell {
            self.pending_space = true;
        }
        let index = self.doc.elems.len() as u32;
        self.doc.elems.push(Elem {
            tag,
            parent: self.stack.last().copied().unwrap_or(NONE),
            end: index + 1,
            neg,
            pos,
            keep,
        });
        self.stack.push(index);
        if tag.is_block() {
            self.block_stack.push(index);
        }
        match tag {
            Tag::Anchor => self.anchor_depth += 1,
            Tag::Quote => self.quote_depth += 1,
            Tag::H(1) if self.h1_open.is_none() => self.h1_open = Some(String::new()),
            _ => {}
        }
    }

    fn close(&mut self, name: &str) {
        if self.overflow > 0 {
            self.overflow -= 1;
            return;
        }
        if name == "br" {
            // Void, and never pushed (see `open`).
            return;
        }
        let Some(index) = self.stack.pop() else {
            return;
        };
        let tag = self.doc.elems[index as usize].tag;
        if tag.is_block() {
            self.flush();
            self.block_stack.pop();
        }
        if tag == Tag::Cell {
            self.pending_space = true;
        }
        match tag {
            Tag::Anchor => self.anchor_depth = self.anchor_depth.saturating_sub(1),
            Tag::Quote => self.quote_depth = self.quote_depth.saturating_sub(1),
            Tag::H(1) => {
                if let Some(h1) = self.h1_open.take() {
                    let h1 = collapse(&h1);
                    if !h1.is_empty() {
                        self.doc.meta.h1.push(h1);
                    }
                }
            }
            _ => {}
        }
        self.doc.elems[index as usize].end = self.doc.elems.len() as u32;
    }

    fn collect_meta(&mut self, name: &str, el: &scraper::node::Element) {
        let meta = &mut self.doc.meta;
        match name {
            "meta" => {
                let key = el
                    .attr("property")
                    .or_else(|| el.attr("name"))
                    .or_else(|| el.attr("itemprop"))
                    .or_else(|| el.attr("http-equiv"));
                if let (Some(key), Some(content)) = (key, el.attr("content")) {
                    if meta.metas.len() < 2000 {
                        meta.metas
                            .push((key.trim().to_ascii_lowercase(), content.trim().to_owned()));
                    }
                }
            }
            "link" => {
                if let (Some(rel), Some(href)) = (el.attr("rel"), el.attr("href")) {
                    if meta.links.len() < 2000 {
                        meta.links
                            .push((rel.trim().to_ascii_lowercase(), href.trim().to_owned()));
                    }
                }
            }
            "html" => {
                if let Some(lang) = el.attr("lang").or_else(|| el.attr("xml:lang")) {
                    if !lang.trim().is_empty() {
                        meta.lang = Some(lang.trim().to_owned());
                    }
                }
            }
            "time" if meta.time.is_none() => {
                if let Some(dt) = el.attr("datetime").map(str::trim) {
                    if !dt.is_empty() {
                        meta.time = Some(dt.to_owned());
                    }
                }
            }
            _ => {}
        }
    }
}

/// Collapses runs of whitespace to one space and trims.
pub(crate) fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Builds the arena from a parsed document (or fragment).
pub(crate) fn build(html: &Html) -> Doc {
    let mut b = Builder {
        doc: Doc::default(),
        stack: Vec::new(),
        block_stack: Vec::new(),
        buf: String::new(),
        buf_chars: 0,
        buf_link: 0,
        pending_space: false,
        anchor_depth: 0,
        quote_depth: 0,
        skip_depth: 0,
        capture: Capture::None,
        capture_buf: String::new(),
        h1_open: None,
        overflow: 0,
    };
    for edge in html.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(el) => {
                    if b.skip_depth > 0 {
                        b.skip_depth += 1;
                        // Metadata lives in <head>, which is skipped for text.
                        let name = el.name();
                        if matches!(name, "meta" | "link") {
                            b.collect_meta(name, el);
                        } else if b.capture == Capture::None && b.skip_depth == 2 {
                            if name == "title" && b.doc.meta.title.is_none() {
                                b.capture = Capture::Title;
                                b.capture_buf.clear();
                            } else if name == "script"
                                && el.attr("type").is_some_and(|t| {
                                    t.trim().eq_ignore_ascii_case("application/ld+json")
                                })
                            {
                                b.capture = Capture::LdJson;
                                b.capture_buf.clear();
                            }
                        }
                        continue;
                    }
                    b.open(el);
                }
                Node::Text(text) => {
                    if b.skip_depth > 0 {
                        if b.capture != Capture::None && b.capture_buf.len() < 4 << 20 {
                            b.capture_buf.push_str(text);
                        }
                    } else {
                        b.push_text(text);
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(el) = node.value() {
                    if b.skip_depth > 0 {
                        b.skip_depth -= 1;
                        // Closing the captured element (depth 1 when the skipped root is
                        // it, depth 1 after <head>'s child closes otherwise).
                        let name = el.name();
                        let ends_capture = (b.capture == Capture::Title && name == "title")
                            || (b.capture == Capture::LdJson && name == "script");
                        if ends_capture {
                            let text = std::mem::take(&mut b.capture_buf);
                            match b.capture {
                                Capture::Title => {
                                    let t = collapse(&text);
                                    if !t.is_empty() {
                                        b.doc.meta.title = Some(t);
                                    }
                                }
                                Capture::LdJson => {
                                    if b.doc.meta.ld_json.len() < 64 {
                                        b.doc.meta.ld_json.push(text);
                                    }
                                }
                                Capture::None => {}
                            }
                            b.capture = Capture::None;
                        }
                        continue;
                    }
                    b.close(el.name());
                }
            }
        }
    }
    b.flush();
    let n = b.doc.elems.len() as u32;
    while let Some(index) = b.stack.pop() {
        b.doc.elems[index as usize].end = n;
    }
    b.doc
}
