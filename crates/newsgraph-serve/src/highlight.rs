//! The article reader's highlighting: an article body with every extraction marked.
//!
//! Extractions are byte spans into the body and may nest (a mention inside an event's
//! clause inside a quote) or cross (a quote ending inside an event's span). HTML
//! elements must nest, so [`render`] walks the spans in order (start ascending, longer
//! first) with a stack of open elements: a span that would cross the end of the
//! innermost open one is split there, and the rest continues as a second element with
//! the same attributes. Paragraph breaks (newlines in the body) close every open
//! element and reopen it in the next paragraph, so each paragraph is its own `<p>`.
//!
//! Spans that do not fit the body (reversed, past its end, inside a UTF-8 character)
//! or are empty are skipped: a broken extraction never breaks the page. All text is
//! escaped; attributes are given pre-escaped by the caller (built with
//! [`crate::html::esc`]).

use crate::html::esc;
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::fmt::Write;

/// One extraction to mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    /// First byte in the body.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Ties between equal spans: lower first (outer).
    pub order: u8,
    /// Link target (already a safe, escaped URL), for marks that link somewhere.
    pub href: Option<String>,
    /// The element's other attributes, already escaped: ` class="…" data-tip="…"`.
    pub attrs: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Pending {
    start: usize,
    end: Reverse<usize>,
    order: u8,
    idx: usize,
}

struct Writer<'a> {
    out: String,
    body: &'a str,
    pos: usize,
    marks: &'a [Mark],
    /// Open marks: (end, index, rendered as a link).
    stack: Vec<(usize, usize, bool)>,
}

impl Writer<'_> {
    fn open(&mut self, idx: usize, link: bool) {
        let m = &self.marks[idx];
        match (&m.href, link) {
            (Some(href), true) => {
                let _ = write!(self.out, "<a href=\"{href}\"{}>", m.attrs);
            }
            _ => {
                let _ = write!(self.out, "<span{}>", m.attrs);
            }
        }
    }

    fn close(&mut self, link: bool) {
        self.out.push_str(if link { "</a>" } else { "</span>" });
    }

    /// Writes body text up to `to`, turning newlines into paragraph breaks.
    fn text_to(&mut self, to: usize) {
        while self.pos < to {
            let chunk = &self.body[self.pos..to];
            match chunk.find('\n') {
                None => {
                    let _ = write!(self.out, "{}", esc(chunk));
                    self.pos = to;
                }
                Some(nl) => {
                    let _ = write!(self.out, "{}", esc(&chunk[..nl]));
                    let open: Vec<(usize, usize, bool)> = self.stack.clone();
                    for &(_, _, link) in open.iter().rev() {
                        self.close(link);
                    }
                    self.out.push_str("</p><p>");
                    for &(_, idx, link) in &open {
                        self.open(idx, link);
                    }
                    self.pos += nl + 1;
                }
            }
        }
    }

    fn pop(&mut self) {
        if let Some((end, _, link)) = self.stack.last().copied() {
            self.text_to(end);
            self.close(link);
            self.stack.pop();
        }
    }
}

fn fits(body: &str, m: &Mark) -> bool {
    m.start < m.end
        && m.end <= body.len()
        && body.is_char_boundary(m.start)
        && body.is_char_boundary(m.end)
}

/// Renders `body` as HTML paragraphs with every mark as an element around its span.
pub fn render(body: &str, marks: &[Mark]) -> String {
    let mut heap: BinaryHeap<Reverse<Pending>> = marks
        .iter()
        .enumerate()
        .filter(|(_, m)| fits(body, m))
        .map(|(idx, m)| {
            Reverse(Pending {
                start: m.start,
                end: Reverse(m.end),
                order: m.order,
                idx,
            })
        })
        .collect();
    let mut w = Writer {
        out: String::with_capacity(body.len() * 2 + marks.len() * 64),
        body,
        pos: 0,
        marks,
        stack: Vec::new(),
    };
    w.out.push_str("<p>");
    while let Some(Reverse(p)) = heap.pop() {
        let end = p.end.0;
        while w.stack.last().is_some_and(|&(e, _, _)| e <= p.start) {
            w.pop();
        }
        w.text_to(p.start);
        let piece_end = match w.stack.last() {
            Some(&(outer_end, _, _)) if end > outer_end => {
                // Crosses the innermost open element: split at its end.
                heap.push(Reverse(Pending {
                    start: outer_end,
                    end: Reverse(end),
                    ..p
                }));
                outer_end
            }
            _ => end,
        };
        let link = marks[p.idx].href.is_some() && !w.stack.iter().any(|&(_, _, l)| l);
        w.open(p.idx, link);
        w.stack.push((piece_end, p.idx, link));
    }
    while !w.stack.is_empty() {
        w.pop();
    }
    w.text_to(body.len());
    w.out.push_str("</p>");
    w.out.replace("<p></p>", "")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(start: usize, end: usize, name: &str) -> Mark {
        Mark {
            start,
            end,
            order: 0,
            href: None,
            attrs: format!(" class=\"{name}\""),
        }
    }

    /// Removes tags and unescapes, to compare with the body.
    fn text_of(html: &str) -> String {
        let mut out = String::new();
        let mut in_tag = false;
        let mut tag = String::new();
        for c in html.chars() {
            match c {
                '<' => {
                    in_tag = true;
                    tag.clear();
                }
                '>' => {
                    in_tag = false;
                    if tag == "/p" {
                        out.push('\n');
                    }
                }
                c if in_tag => tag.push(c),
                c => out.push(c),
            }
        }
        out.trim_end_matches('\n')
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&")
            .replace("\n\n", "\n")
    }

    /// Checks tags nest properly; returns the number of elements opened.
    fn check_nesting(html: &str) -> usize {
        let mut stack: Vec<String> = Vec::new();
        let mut opened = 0;
        let mut rest = html;
        while let Some(i) = rest.find('<') {
            let j = rest[i..].find('>').unwrap() + i;
            let tag = &rest[i + 1..j];
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            if tag.starts_with('/') {
                assert_eq!(stack.pop().as_deref(), Some(name.as_str()), "in {html}");
            } else {
                stack.push(name);
                opened += 1;
            }
            rest = &rest[j + 1..];
        }
        assert!(stack.is_empty(), "unclosed {stack:?} in {html}");
        opened
    }

    #[test]
    fn nested_marks_nest() {
        let body = "Iran seized the tanker.";
        let html = render(body, &[mark(0, 23, "ev"), mark(0, 4, "m")]);
        assert_eq!(
            html,
            "<p><span class=\"ev\"><span class=\"m\">Iran</span> seized the tanker.</span></p>"
        );
    }

    #[test]
    fn crossing_marks_are_split() {
        let body = "one two three four";
        let html = render(body, &[mark(0, 7, "a"), mark(4, 13, "b")]);
        assert_eq!(
            html,
            "<p><span class=\"a\">one <span class=\"b\">two</span></span>\
             <span class=\"b\"> three</span> four</p>"
        );
        check_nesting(&html);
        assert_eq!(text_of(&html), body);
    }

    #[test]
    fn paragraphs_reopen_marks() {
        let body = "first line\nsecond line";
        let html = render(body, &[mark(6, 17, "q")]);
        assert_eq!(
            html,
            "<p>first <span class=\"q\">line</span></p><p><span class=\"q\">second</span> line</p>"
        );
    }

    #[test]
    fn text_is_escaped_and_bad_spans_skipped() {
        let body = "<script>alert('é')</script>";
        let bad = [
            mark(5, 3, "reversed"),
            mark(0, 999, "past"),
            mark(15, 16, "inside-char"),
            mark(4, 4, "empty"),
        ];
        let html = render(body, &bad);
        assert!(!html.contains("<script"));
        assert!(!html.contains("class="));
        assert_eq!(text_of(&html), body);
    }

    #[test]
    fn links_never_nest() {
        let body = "Oman's foreign minister";
        let mut outer = mark(0, 23, "m");
        outer.href = Some("/actors/a".into());
        let mut inner = mark(0, 4, "m");
        inner.href = Some("/actors/b".into());
        let html = render(body, &[outer, inner]);
        assert_eq!(html.matches("<a ").count(), 1);
        check_nesting(&html);
    }

    #[test]
    fn any_set_of_spans_gives_well_formed_html_with_the_body_text() {
        // A deterministic pseudo-random sweep over many span sets.
        let body = "Al pha\nbeta “gam” ma — dél&ta <b>\n\nepsilon zeta";
        let bounds: Vec<usize> = (0..=body.len())
            .filter(|&i| body.is_char_boundary(i))
            .collect();
        let mut seed = 0x2545_f491_u64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..500 {
            let count = next(8);
            let marks: Vec<Mark> = (0..count)
                .map(|k| {
                    let a = bounds[next(bounds.len())];
                    let b = bounds[next(bounds.len())];
                    mark(a.min(b), a.max(b), &format!("k{k}"))
                })
                .collect();
            let html = render(body, &marks);
            check_nesting(&html);
            assert_eq!(text_of(&html), body.replace("\n\n", "\n"), "{marks:?}");
        }
    }
}
