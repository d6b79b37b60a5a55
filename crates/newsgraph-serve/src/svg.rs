//! Pictures as inline SVG, drawn on the server: the event timeline, figure charts and
//! the actor graph.
//!
//! Each function takes plain data and returns an `<svg>` element as a string; no
//! JavaScript or chart library is involved, so pages render fast, work offline and
//! print. Colours come from CSS classes in the one stylesheet (`mod-asserted`,
//! `tone-conflict`, …) rather than inline styles, which the Content-Security-Policy
//! forbids. Every label is escaped; every link is built by the caller with
//! [`crate::html`]'s helpers. Each mark carries a `<title>` (the browser's own tooltip)
//! and a `data-tip` for the page's richer tooltip.

use crate::dates::{format_day, Day};
use crate::html::esc;
use std::fmt::Write;

/// One event on the timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineItem {
    /// When it happened (or is scheduled).
    pub day: Day,
    /// The row it is drawn in (its PLOVER type).
    pub lane: String,
    /// Its modality, lowercase (`asserted`, `planned`, …): the colour.
    pub modality: String,
    /// What the tooltip says.
    pub label: String,
    /// Where a click goes (an already safe URL).
    pub href: String,
}

fn nice_step(span_days: i64) -> i64 {
    const STEPS: [i64; 11] = [1, 2, 7, 14, 30, 61, 91, 182, 365, 730, 1826];
    STEPS
        .into_iter()
        .find(|s| span_days / s <= 7)
        .unwrap_or(3652)
}

/// Maps days to x pixels.
#[derive(Debug, Clone, Copy)]
struct Axis {
    lo: Day,
    hi: Day,
    x0: f64,
    x1: f64,
}

impl Axis {
    fn new(lo: Day, hi: Day, x0: f64, x1: f64) -> Self {
        let (lo, hi) = if lo == hi { (lo - 3, hi + 3) } else { (lo, hi) };
        let pad = ((hi - lo) / 20).max(1);
        Axis {
            lo: lo - pad,
            hi: hi + pad,
            x0,
            x1,
        }
    }

    fn x(&self, day: Day) -> f64 {
        self.x0 + (day - self.lo) as f64 * (self.x1 - self.x0) / (self.hi - self.lo) as f64
    }

    fn contains(&self, day: Day) -> bool {
        (self.lo..=self.hi).contains(&day)
    }

    /// Tick marks and labels along the bottom at `y`.
    fn ticks(&self, out: &mut String, y_top: f64, y: f64) {
        let step = nice_step(self.hi - self.lo);
        let first = self.lo + (step - self.lo.rem_euclid(step)) % step;
        let mut day = first;
        while day <= self.hi {
            let x = self.x(day);
            let label = if step >= 30 {
                format_day(day)[..7].to_string()
            } else {
                format_day(day)
            };
            let _ = write!(
                out,
                "<line class=\"grid\" x1=\"{x:.1}\" y1=\"{y_top:.1}\" x2=\"{x:.1}\" y2=\"{y:.1}\"/>\
                 <text class=\"tick\" x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{label}</text>",
                y + 14.0
            );
            day += step;
        }
    }
}

/// The story timeline: one row per event type, one dot per event at its date, coloured
/// by modality; a dashed line marks today, and events after today (scheduled, planned)
/// are drawn as rings. Empty input gives an empty string.
pub fn timeline(items: &[TimelineItem], today: Day) -> String {
    if items.is_empty() {
        return String::new();
    }
    let mut lanes: Vec<&str> = items.iter().map(|i| i.lane.as_str()).collect();
    lanes.sort_unstable();
    lanes.dedup();
    let (lo, hi) = items.iter().fold((Day::MAX, Day::MIN), |(lo, hi), i| {
        (lo.min(i.day), hi.max(i.day))
    });
    let (width, left, right, top, lane_h) = (960.0, 120.0, 20.0, 16.0, 26.0);
    let axis = Axis::new(lo, hi, left, width - right);
    let plot_bottom = top + lane_h * lanes.len() as f64;
    let height = plot_bottom + 26.0;
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg class=\"timeline\" viewBox=\"0 0 {width} {height}\" width=\"100%\" role=\"img\" \
         aria-label=\"Timeline of {} events\" xmlns=\"http://www.w3.org/2000/svg\">",
        items.len()
    );
    for (i, lane) in lanes.iter().enumerate() {
        let y = top + lane_h * (i as f64 + 0.5);
        let _ = write!(
            out,
            "<line class=\"lane\" x1=\"{left}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\"/>\
             <text class=\"lane-label\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
            width - right,
            left - 8.0,
            y + 4.0,
            esc(lane)
        );
    }
    axis.ticks(&mut out, top, plot_bottom);
    if axis.contains(today) {
        let x = axis.x(today);
        let _ = write!(
            out,
            "<line class=\"today\" x1=\"{x:.1}\" y1=\"{:.1}\" x2=\"{x:.1}\" y2=\"{plot_bottom:.1}\"/>\
             <text class=\"today-label\" x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\">today</text>",
            top - 4.0,
            top - 6.0
        );
    }
    // Dots of the same lane and day are spread sideways so none hides another.
    let mut seen: Vec<(usize, Day, u32)> = Vec::new();
    for item in items {
        let lane = lanes.binary_search(&item.lane.as_str()).unwrap_or(0);
        let nth = match seen
            .iter_mut()
            .find(|(l, d, _)| *l == lane && *d == item.day)
        {
            Some(entry) => {
                entry.2 += 1;
                entry.2
            }
            None => {
                seen.push((lane, item.day, 0));
                0
            }
        };
        let x = axis.x(item.day) + f64::from(nth) * 7.0;
        let y = top + lane_h * (lane as f64 + 0.5);
        let future = if item.day > today { " future" } else { "" };
        let _ = write!(
            out,
            "<a class=\"tl-ev\" href=\"{}\" data-tip=\"{}\"><circle class=\"dot mod-{}{future}\" \
             cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"6\"><title>{}</title></circle></a>",
            item.href,
            esc(&item.label),
            esc(&item.modality),
            esc(&item.label)
        );
    }
    out.push_str("</svg>");
    out
}

/// One point of a chart.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartPoint {
    /// When the figure held.
    pub day: Day,
    /// The figure.
    pub value: f64,
    /// What the tooltip says.
    pub label: String,
    /// Where a click goes (an already safe URL).
    pub href: String,
}

/// A short number for axis labels: 71000 → "71k", 2000000 → "2M", 3.2 → "3.2".
pub fn short_number(v: f64) -> String {
    let a = v.abs();
    let (n, suffix) = if a >= 1e9 {
        (v / 1e9, "B")
    } else if a >= 1e6 {
        (v / 1e6, "M")
    } else if a >= 1e4 {
        (v / 1e3, "k")
    } else {
        (v, "")
    };
    let s = format!("{n:.1}");
    let s = s.strip_suffix(".0").unwrap_or(&s);
    format!("{s}{suffix}")
}

/// A line chart of one series over time: a line through the points in time order, a
/// dot per point, the y axis from zero (or the lowest value when negative) to the
/// highest. Empty input gives an empty string.
pub fn line_chart(title: &str, points: &[ChartPoint]) -> String {
    if points.is_empty() {
        return String::new();
    }
    let mut pts: Vec<&ChartPoint> = points.iter().filter(|p| p.value.is_finite()).collect();
    if pts.is_empty() {
        return String::new();
    }
    pts.sort_by_key(|p| p.day);
    let (width, height, left, right, top, bottom) = (480.0, 220.0, 56.0, 16.0, 28.0, 30.0);
    let lo_day = pts.first().map_or(0, |p| p.day);
    let hi_day = pts.last().map_or(0, |p| p.day);
    let axis = Axis::new(lo_day, hi_day, left, width - right);
    let max = pts.iter().map(|p| p.value).fold(f64::MIN, f64::max);
    let min = pts.iter().map(|p| p.value).fold(0.0, f64::min);
    let max = if max <= min { min + 1.0 } else { max * 1.08 };
    let plot_bottom = height - bottom;
    let y = |v: f64| plot_bottom - (v - min) / (max - min) * (plot_bottom - top);
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg class=\"chart\" viewBox=\"0 0 {width} {height}\" width=\"100%\" role=\"img\" \
         aria-label=\"{}\" xmlns=\"http://www.w3.org/2000/svg\">\
         <text class=\"chart-title\" x=\"{left}\" y=\"16\">{}</text>",
        esc(title),
        esc(title)
    );
    for k in 0..=4 {
        let v = min + (max - min) * f64::from(k) / 4.0;
        let yy = y(v);
        let _ = write!(
            out,
            "<line class=\"grid\" x1=\"{left}\" y1=\"{yy:.1}\" x2=\"{:.1}\" y2=\"{yy:.1}\"/>\
             <text class=\"tick\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
            width - right,
            left - 6.0,
            yy + 4.0,
            short_number(v)
        );
    }
    axis.ticks(&mut out, top, plot_bottom);
    let line: Vec<String> = pts
        .iter()
        .map(|p| format!("{:.1},{:.1}", axis.x(p.day), y(p.value)))
        .collect();
    let _ = write!(
        out,
        "<polyline class=\"series\" fill=\"none\" points=\"{}\"/>",
        line.join(" ")
    );
    for p in &pts {
        let _ = write!(
            out,
            "<a class=\"pt\" href=\"{}\" data-tip=\"{}\"><circle class=\"pt\" cx=\"{:.1}\" \
             cy=\"{:.1}\" r=\"4.5\"><title>{}</title></circle></a>",
            p.href,
            esc(&p.label),
            axis.x(p.day),
            y(p.value),
            esc(&p.label)
        );
    }
    out.push_str("</svg>");
    out
}

/// One actor in the graph.
#[derive(Debug, Clone, PartialEq)]
pub struct GraphNode {
    /// Its name.
    pub label: String,
    /// Its page (an already safe URL).
    pub href: String,
    /// How prominent it is (events it takes part in): the node's size.
    pub weight: u32,
}

/// The tone of a relation, from the PLOVER types of its events.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Agreeing, consulting, supporting, aiding, …
    Cooperative,
    /// Accusing, threatening, coercing, attacking, …
    Conflictual,
    /// Requests and mixtures.
    Neutral,
}

impl Tone {
    /// The tone of one PLOVER type (contract spelling, "ASSAULT").
    pub fn of_type(kind: &str) -> Tone {
        match kind {
            "AGREE" | "CONSULT" | "SUPPORT" | "CONCEDE" | "COOPERATE" | "AID" | "RETREAT" => {
                Tone::Cooperative
            }
            "ACCUSE" | "REJECT" | "THREATEN" | "PROTEST" | "SANCTION" | "MOBILIZE" | "COERCE"
            | "ASSAULT" => Tone::Conflictual,
            _ => Tone::Neutral,
        }
    }

    fn class(self) -> &'static str {
        match self {
            Tone::Cooperative => "tone-coop",
            Tone::Conflictual => "tone-conflict",
            Tone::Neutral => "tone-neutral",
        }
    }
}

/// A relation: events with `from` as source and `to` as target.
#[derive(Debug, Clone, PartialEq)]
pub struct GraphEdge {
    /// Index of the source node.
    pub from: usize,
    /// Index of the target node.
    pub to: usize,
    /// How many events.
    pub count: u32,
    /// What the tooltip says (the event types).
    pub label: String,
    /// Its colour.
    pub tone: Tone,
}

/// The actor graph: nodes on a circle (most prominent first, from the top, clockwise),
/// a directed edge per relation, thicker for more events, coloured by tone. Empty input
/// gives an empty string.
pub fn graph(nodes: &[GraphNode], edges: &[GraphEdge]) -> String {
    if nodes.is_empty() {
        return String::new();
    }
    let (width, height) = (720.0, 520.0);
    let (cx, cy) = (width / 2.0, height / 2.0);
    let radius = if nodes.len() == 1 { 0.0 } else { 190.0 };
    let pos: Vec<(f64, f64)> = (0..nodes.len())
        .map(|i| {
            let a =
                std::f64::consts::TAU * i as f64 / nodes.len() as f64 - std::f64::consts::FRAC_PI_2;
            (cx + radius * a.cos(), cy + radius * a.sin())
        })
        .collect();
    let node_r = |w: u32| 6.0 + (f64::from(w)).sqrt().min(8.0) * 2.0;
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg class=\"graph\" viewBox=\"0 0 {width} {height}\" width=\"100%\" role=\"img\" \
         aria-label=\"Graph of {} actors and {} relations\" xmlns=\"http://www.w3.org/2000/svg\">\
         <defs>",
        nodes.len(),
        edges.len()
    );
    for tone in [Tone::Cooperative, Tone::Conflictual, Tone::Neutral] {
        let _ = write!(
            out,
            "<marker id=\"arrow-{0}\" class=\"{0}\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" \
             markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">\
             <path d=\"M0,0 L10,5 L0,10 z\"/></marker>",
            tone.class()
        );
    }
    out.push_str("</defs>");
    for e in edges {
        let (Some(&(x1, y1)), Some(&(x2, y2))) = (pos.get(e.from), pos.get(e.to)) else {
            continue;
        };
        if e.from == e.to {
            continue;
        }
        // Stop the line at the target node's rim so the arrow head shows.
        let (dx, dy) = (x2 - x1, y2 - y1);
        let len = (dx * dx + dy * dy).sqrt().max(1.0);
        let r2 = node_r(nodes[e.to].weight) + 2.0;
        let r1 = node_r(nodes[e.from].weight);
        let (sx, sy) = (x1 + dx / len * r1, y1 + dy / len * r1);
        let (ex, ey) = (x2 - dx / len * r2, y2 - dy / len * r2);
        let w = 1.0 + f64::from(e.count).ln_1p() * 1.5;
        let _ = write!(
            out,
            "<line class=\"edge {cls}\" x1=\"{sx:.1}\" y1=\"{sy:.1}\" x2=\"{ex:.1}\" y2=\"{ey:.1}\" \
             stroke-width=\"{w:.1}\" marker-end=\"url(#arrow-{cls})\" data-tip=\"{tip}\">\
             <title>{tip}</title></line>",
            cls = e.tone.class(),
            tip = esc(&e.label)
        );
    }
    for (n, &(x, y)) in nodes.iter().zip(&pos) {
        let r = node_r(n.weight);
        let (tx, anchor) = if (x - cx).abs() < 1.0 {
            (x, "middle")
        } else if x > cx {
            (x + r + 4.0, "start")
        } else {
            (x - r - 4.0, "end")
        };
        let ty = if (x - cx).abs() < 1.0 && y < cy {
            y - r - 6.0
        } else if (x - cx).abs() < 1.0 {
            y + r + 14.0
        } else {
            y + 4.0
        };
        let _ = write!(
            out,
            "<a class=\"node\" href=\"{}\"><circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{r:.1}\">\
             <title>{}</title></circle><text x=\"{tx:.1}\" y=\"{ty:.1}\" text-anchor=\"{anchor}\">{}</text></a>",
            n.href,
            esc(&n.label),
            esc(&n.label)
        );
    }
    out.push_str("</svg>");
    out
}

/// One bar of a span chart: something that held from one day to another.
#[derive(Debug, Clone, PartialEq)]
pub struct SpanBar {
    /// What the row says ("Prime Minister of Israel").
    pub label: String,
    /// First day (`None`: unknown, drawn from the chart's start).
    pub from: Option<Day>,
    /// Last day (`None`: still holds, drawn to today).
    pub to: Option<Day>,
    /// A CSS class for its colour (`src-kb`, `src-article`).
    pub class: String,
}

/// Bars over time, one row each (an actor's roles). Rows without any date are left
/// out; empty input gives an empty string.
pub fn span_chart(bars: &[SpanBar], today: Day) -> String {
    let rows: Vec<&SpanBar> = bars
        .iter()
        .filter(|b| b.from.is_some() || b.to.is_some())
        .collect();
    if rows.is_empty() {
        return String::new();
    }
    let lo = rows
        .iter()
        .filter_map(|b| b.from.or(b.to))
        .min()
        .unwrap_or(today);
    let hi = rows
        .iter()
        .map(|b| b.to.unwrap_or(today.max(b.from.unwrap_or(today))))
        .max()
        .unwrap_or(today);
    let (width, left, right, top, row_h) = (960.0, 260.0, 20.0, 8.0, 24.0);
    let axis = Axis::new(lo, hi, left, width - right);
    let plot_bottom = top + row_h * rows.len() as f64;
    let height = plot_bottom + 26.0;
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg class=\"spans\" viewBox=\"0 0 {width} {height}\" width=\"100%\" role=\"img\" \
         aria-label=\"{} roles over time\" xmlns=\"http://www.w3.org/2000/svg\">",
        rows.len()
    );
    axis.ticks(&mut out, top, plot_bottom);
    for (i, b) in rows.iter().enumerate() {
        let y = top + row_h * i as f64;
        let from = b.from.unwrap_or(axis.lo);
        let to = b.to.unwrap_or(today.max(from));
        let (x0, x1) = (axis.x(from), axis.x(to).max(axis.x(from) + 3.0));
        let tip = format!(
            "{}: {} to {}",
            b.label,
            b.from.map_or("?".into(), format_day),
            b.to.map_or("now".into(), format_day)
        );
        let _ = write!(
            out,
            "<text class=\"lane-label\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>\
             <rect class=\"bar {}\" x=\"{x0:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" \
             data-tip=\"{}\"><title>{}</title></rect>",
            left - 8.0,
            y + row_h * 0.65,
            esc(&b.label),
            esc(&b.class),
            y + 4.0,
            x1 - x0,
            row_h - 8.0,
            esc(&tip),
            esc(&tip)
        );
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::days_from_civil;

    fn item(day: Day, lane: &str, modality: &str, label: &str) -> TimelineItem {
        TimelineItem {
            day,
            lane: lane.into(),
            modality: modality.into(),
            label: label.into(),
            href: "/articles/x".into(),
        }
    }

    #[test]
    fn timeline_draws_one_dot_per_event_and_marks_the_future() {
        let d = days_from_civil(2026, 3, 5);
        let items = [
            item(d, "ASSAULT", "asserted", "a"),
            item(d, "ASSAULT", "reported", "b"),
            item(d + 10, "CONSULT", "planned", "talks <next week>"),
        ];
        let svg = timeline(&items, d + 2);
        assert_eq!(svg.matches("<circle").count(), 3);
        assert_eq!(svg.matches(" future\"").count(), 1);
        assert!(svg.contains("class=\"today\""));
        assert!(svg.contains(">ASSAULT</text>") && svg.contains(">CONSULT</text>"));
        assert!(svg.contains("talks &lt;next week&gt;"));
        assert!(!svg.contains("<next"));
        // Two events on the same day and lane do not overlap.
        let xs: Vec<&str> = svg
            .match_indices("cx=\"")
            .map(|(i, _)| &svg[i..i + 12])
            .collect();
        assert_ne!(xs[0], xs[1]);
    }

    #[test]
    fn timeline_without_today_in_range_has_no_today_line() {
        let d = days_from_civil(2026, 3, 5);
        let svg = timeline(&[item(d, "AID", "asserted", "x")], d + 400);
        assert!(!svg.contains("class=\"today\""));
        assert!(timeline(&[], d).is_empty());
    }

    #[test]
    fn chart_has_a_line_and_points() {
        let d = days_from_civil(2025, 1, 1);
        let pts: Vec<ChartPoint> = [(0, 47_000.0), (365, 71_000.0), (200, 60_000.0)]
            .iter()
            .map(|&(o, v)| ChartPoint {
                day: d + o,
                value: v,
                label: format!("{v}"),
                href: "/a".into(),
            })
            .collect();
        let svg = line_chart("deaths <Gaza>", &pts);
        assert_eq!(svg.matches("<circle").count(), 3);
        assert!(svg.contains("<polyline"));
        assert!(svg.contains("deaths &lt;Gaza&gt;"));
        assert!(svg.contains(">71k<") || svg.contains(">76.7k<"));
        assert!(line_chart("x", &[]).is_empty());
    }

    #[test]
    fn graph_draws_nodes_and_directed_edges() {
        let nodes: Vec<GraphNode> = ["Iran", "Oman", "<b>US</b>"]
            .iter()
            .map(|n| GraphNode {
                label: n.to_string(),
                href: "/actors/x".into(),
                weight: 3,
            })
            .collect();
        let edges = [
            GraphEdge {
                from: 0,
                to: 1,
                count: 2,
                label: "CONSULT ×2".into(),
                tone: Tone::Cooperative,
            },
            GraphEdge {
                from: 2,
                to: 0,
                count: 1,
                label: "THREATEN".into(),
                tone: Tone::Conflictual,
            },
            GraphEdge {
                from: 1,
                to: 1,
                count: 1,
                label: "self".into(),
                tone: Tone::Neutral,
            },
        ];
        let svg = graph(&nodes, &edges);
        assert_eq!(svg.matches("<circle").count(), 3);
        assert_eq!(svg.matches("<line class=\"edge").count(), 2);
        assert!(svg.contains("&lt;b&gt;US&lt;/b&gt;"));
        assert!(svg.contains("tone-conflict"));
    }

    #[test]
    fn span_chart_draws_dated_rows_only() {
        let d = days_from_civil(2024, 7, 1);
        let bars = [
            SpanBar {
                label: "President of <Iran>".into(),
                from: Some(d),
                to: None,
                class: "src-kb".into(),
            },
            SpanBar {
                label: "undated".into(),
                from: None,
                to: None,
                class: "src-article".into(),
            },
        ];
        let svg = span_chart(&bars, d + 600);
        assert_eq!(svg.matches("<rect").count(), 1);
        assert!(svg.contains("President of &lt;Iran&gt;"));
        assert!(span_chart(&bars[1..], d).is_empty());
    }

    #[test]
    fn tones_and_numbers() {
        assert_eq!(Tone::of_type("ASSAULT"), Tone::Conflictual);
        assert_eq!(Tone::of_type("CONSULT"), Tone::Cooperative);
        assert_eq!(Tone::of_type("REQUEST"), Tone::Neutral);
        assert_eq!(short_number(71_000.0), "71k");
        assert_eq!(short_number(2_000_000.0), "2M");
        assert_eq!(short_number(3.25), "3.2");
        assert_eq!(short_number(23.0), "23");
    }
}
