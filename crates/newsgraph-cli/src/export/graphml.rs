//! `graphml`: the actors and their relations as a GraphML graph (for Gephi, yEd,
//! networkx, igraph).
//!
//! Nodes are actors: every source or target of an exported event (and, for one story,
//! all its key actors), with `label` (the actor's name, which Gephi shows),
//! `kind` and `country`. Edges are relations: one directed edge from each source
//! actor to each target actor of an event (an actor acting on itself is left out),
//! with the PLOVER type and mode, the modality, `weight` = the number of reports
//! (Gephi reads it as the edge weight), the number of independent sources, the first
//! and last report dates, the event's own time, its id and its story.
//!
//! The graph is built in memory (it is as large as the relations, not the articles)
//! so that every node is declared, with its attributes, before the edges.

use std::collections::HashSet;
use std::io::Write;

use newsgraph_model::MergedEvent;
use newsgraph_store::claims::EventRecord;
use newsgraph_store::Store;

use super::tables::spelled;
use super::walk::ArticleCtx;

/// One relation between two actors.
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    /// Acting actor.
    pub source: String,
    /// Actor acted upon.
    pub target: String,
    /// PLOVER type.
    pub plover: String,
    /// PLOVER mode.
    pub mode: Option<String>,
    /// Modality.
    pub modality: String,
    /// Number of reports.
    pub reports: usize,
    /// Number of independent sources.
    pub sources: usize,
    /// First report date.
    pub first: Option<String>,
    /// Last report date.
    pub last: Option<String>,
    /// The event's own time (TIMEX3 value).
    pub time: Option<String>,
    /// The event id.
    pub event: String,
    /// Its story.
    pub story: Option<String>,
}

/// Actors and relations, in the order they were met.
#[derive(Debug, Default)]
pub struct Graph {
    nodes: Vec<String>,
    seen: HashSet<String>,
    edges: Vec<Edge>,
}

impl Graph {
    /// Adds an actor as a node (once).
    pub fn add_node(&mut self, id: &str) {
        if self.seen.insert(id.to_string()) {
            self.nodes.push(id.to_string());
        }
    }

    /// The node ids.
    pub fn nodes(&self) -> &[String] {
        &self.nodes
    }

    /// The edges.
    pub fn edges(&self) -> &[Edge] {
        &self.edges
    }

    fn add_pairs(&mut self, sources: &[String], targets: &[String], template: &Edge) {
        for s in sources {
            for t in targets {
                if s == t {
                    continue;
                }
                self.add_node(s);
                self.add_node(t);
                self.edges.push(Edge {
                    source: s.clone(),
                    target: t.clone(),
                    ..template.clone()
                });
            }
        }
    }

    /// Adds the relations of a merged event.
    pub fn add_merged(&mut self, m: &MergedEvent) {
        let template = Edge {
            source: String::new(),
            target: String::new(),
            plover: spelled(&m.kind),
            mode: m.mode.clone(),
            modality: spelled(&m.modality),
            reports: m.reports,
            sources: m.independent_sources(),
            first: m.first_reported.clone(),
            last: m.last_reported.clone(),
            time: m.time.clone(),
            event: m.id.clone(),
            story: m.story.clone(),
        };
        self.add_pairs(&m.source, &m.target, &template);
    }

    /// Adds the relations of an event as one article reports it.
    pub fn add_event(&mut self, r: &EventRecord, ctx: &ArticleCtx) {
        let e = &r.event;
        let template = Edge {
            source: String::new(),
            target: String::new(),
            plover: spelled(&e.kind),
            mode: e.mode.clone(),
            modality: spelled(&e.modality),
            reports: 1,
            sources: 1,
            first: r.published.clone(),
            last: r.published.clone(),
            time: e.time.as_ref().map(|t| t.value.clone()),
            event: e.id.clone(),
            story: ctx.story.clone(),
        };
        self.add_pairs(&e.source, &e.target, &template);
    }
}

/// `s` escaped for XML text and attribute values; characters XML 1.0 forbids
/// (control characters other than tab and line breaks, U+FFFE, U+FFFF) are dropped.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c < ' ' || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// The attribute keys: (id, for, type).
const KEYS: &[(&str, &str, &str)] = &[
    ("label", "node", "string"),
    ("kind", "node", "string"),
    ("country", "node", "string"),
    ("label", "edge", "string"),
    ("plover", "edge", "string"),
    ("mode", "edge", "string"),
    ("modality", "edge", "string"),
    ("weight", "edge", "double"),
    ("reports", "edge", "int"),
    ("sources", "edge", "int"),
    ("first", "edge", "string"),
    ("last", "edge", "string"),
    ("time", "edge", "string"),
    ("event", "edge", "string"),
    ("story", "edge", "string"),
];

fn data(out: &mut impl Write, key: &str, value: Option<&str>) -> std::io::Result<()> {
    match value {
        Some(v) => writeln!(out, "      <data key=\"{key}\">{}</data>", escape(v)),
        None => Ok(()),
    }
}

/// Writes the graph; node attributes are read from the store.
pub fn write<S: Store>(graph: &Graph, store: &S, out: &mut impl Write) -> anyhow::Result<()> {
    writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
    writeln!(
        out,
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns \
         http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">"
    )?;
    for (name, domain, ty) in KEYS {
        writeln!(
            out,
            "  <key id=\"{domain}_{name}\" for=\"{domain}\" attr.name=\"{name}\" attr.type=\"{ty}\"/>"
        )?;
    }
    writeln!(out, "  <graph id=\"newsgraph\" edgedefault=\"directed\">")?;
    for chunk in graph.nodes.chunks(256) {
        let actors = store.actors_by_id(chunk)?;
        for id in chunk {
            let actor = actors.iter().find(|a| &a.id == id);
            writeln!(out, "    <node id=\"{}\">", escape(id))?;
            data(
                out,
                "node_label",
                Some(actor.map_or(id.as_str(), |a| a.name.as_str())),
            )?;
            data(out, "node_kind", actor.map(|a| spelled(&a.kind)).as_deref())?;
            data(
                out,
                "node_country",
                actor.and_then(|a| a.country.as_deref()),
            )?;
            writeln!(out, "    </node>")?;
        }
    }
    for (n, e) in graph.edges.iter().enumerate() {
        writeln!(
            out,
            "    <edge id=\"e{n}\" source=\"{}\" target=\"{}\">",
            escape(&e.source),
            escape(&e.target)
        )?;
        let label = match &e.mode {
            Some(m) => format!("{}/{m}", e.plover),
            None => e.plover.clone(),
        };
        data(out, "edge_label", Some(&label))?;
        data(out, "edge_plover", Some(&e.plover))?;
        data(out, "edge_mode", e.mode.as_deref())?;
        data(out, "edge_modality", Some(&e.modality))?;
        data(out, "edge_weight", Some(&e.reports.to_string()))?;
        data(out, "edge_reports", Some(&e.reports.to_string()))?;
        data(out, "edge_sources", Some(&e.sources.to_string()))?;
        data(out, "edge_first", e.first.as_deref())?;
        data(out, "edge_last", e.last.as_deref())?;
        data(out, "edge_time", e.time.as_deref())?;
        data(out, "edge_event", Some(&e.event))?;
        data(out, "edge_story", e.story.as_deref())?;
        writeln!(out, "    </edge>")?;
    }
    writeln!(out, "  </graph>")?;
    writeln!(out, "</graphml>")?;
    out.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsgraph_model::{Modality, PloverType};

    #[test]
    fn escapes_markup_and_drops_forbidden_characters() {
        assert_eq!(
            escape("a<b & \"c\" 'd'>\u{1}\u{FFFF}\tz"),
            "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;\tz"
        );
    }

    #[test]
    fn one_edge_per_source_target_pair() {
        let m = MergedEvent {
            id: "merged:1".into(),
            story: None,
            kind: PloverType::Assault,
            mode: None,
            source: vec!["country:USA".into(), "country:ISR".into()],
            target: vec!["country:IRN".into(), "country:ISR".into()],
            place: vec!["place:fordow".into()],
            time: None,
            modality: Modality::Asserted,
            reports: 3,
            origins: vec!["Axios".into(), "Reuters".into()],
            conflicts: vec![],
            confidence: 0.9,
            first_reported: None,
            last_reported: None,
            evidence: vec![],
        };
        let mut g = Graph::default();
        g.add_merged(&m);
        // USA→IRN, USA→ISR, ISR→IRN; not ISR→ISR.
        assert_eq!(g.edges().len(), 3);
        assert_eq!(g.nodes().len(), 3, "places are not nodes");
        assert!(g.edges().iter().all(|e| e.reports == 3 && e.sources == 2));
    }
}
