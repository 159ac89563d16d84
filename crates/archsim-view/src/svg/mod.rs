//! The static SVG of the map.
//!
//! One standalone `<svg>` element: labelled group rectangles, a rounded box
//! per component (`<g class="archsim-node" data-id="ID">`), and edges as
//! paths with arrowheads — request hops solid, other dependencies dashed and
//! labelled. Every colour comes from a CSS class (see [`crate::STYLE_CSS`]),
//! and every state is also written as an icon and a word on the node, never
//! shown by colour alone.

pub mod draft;
mod edges;
mod groups;
mod legend;
mod nodes;
mod numbers;
mod wrap;

use std::fmt::Write;

use archsim_core::{CompId, Engine, State};

use crate::escape::html as esc;
use crate::layout::Layout;

pub use edges::{edge_class, edge_label, edge_title};
pub use groups::groups_svg;
pub use legend::{edge_kind_css, legend_html, legend_keys, line_style};
pub use nodes::{marker_at, node_body, node_id_label};
pub use numbers::{coord, path_data};
pub use wrap::wrap;

use edges::edge_svg;
use groups::groups;
use legend::legend;
use nodes::{Mark, node_svg};
use numbers::num;

/// What a drafted change does to a component or an edge of the map (the
/// propose widget draws the model with the draft's additions and its
/// removals both in, each marked).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Drafted {
    /// The draft adds it.
    Added,
    /// The draft removes it.
    Removed,
}

impl Drafted {
    /// The word on the map and in its description.
    pub fn word(self) -> &'static str {
        match self {
            Drafted::Added => "added",
            Drafted::Removed => "removed",
        }
    }

    /// The sign before the word on a node.
    pub fn icon(self) -> &'static str {
        match self {
            Drafted::Added => "+",
            Drafted::Removed => "\u{2212}",
        }
    }

    /// The class of a marked node or edge (`archsim.css`).
    pub fn class(self) -> &'static str {
        match self {
            Drafted::Added => " is-added",
            Drafted::Removed => " is-removed",
        }
    }
}

/// What to mark on the map.
#[derive(Clone, Debug, PartialEq)]
pub struct MapOptions {
    /// Components to light up, in order (e.g. a route's hops): every other
    /// component fades, and the edges between consecutive ones light up.
    pub highlight: Vec<CompId>,
    /// Component states to mark (class `state-…` and an icon with a word).
    pub states: Vec<(CompId, State)>,
    /// Components failed on purpose (class `is-failed`, marked "failed").
    pub failed: Vec<CompId>,
    /// Prefix of the ids inside the SVG (title, markers), so that several
    /// maps can share a page. Characters other than ASCII letters, digits,
    /// `-` and `_` become `-`.
    pub id_prefix: String,
    /// The accessible title; `None`: "NAME architecture map".
    pub title: Option<String>,
    /// Draw a key to the line styles under the map (not with `view`).
    pub legend: bool,
    /// Components a draft adds or removes (a mark wins over `failed` and
    /// `states`).
    pub drafted: Vec<(CompId, Drafted)>,
    /// Edges (from, to) a draft adds or removes.
    pub drafted_edges: Vec<(CompId, CompId, Drafted)>,
    /// The part of the drawing to show (x, y, width, height in drawing
    /// units); `None`: all of it.
    pub view: Option<(f64, f64, f64, f64)>,
}

impl Default for MapOptions {
    fn default() -> Self {
        MapOptions {
            highlight: Vec::new(),
            states: Vec::new(),
            failed: Vec::new(),
            id_prefix: "archsim-map".to_owned(),
            title: None,
            legend: true,
            drafted: Vec::new(),
            drafted_edges: Vec::new(),
            view: None,
        }
    }
}

/// The map as a standalone SVG document fragment.
///
/// Arguments: the engine (for names and kinds), a layout of its model, and
/// what to mark. Components of the layout that are not in the model are
/// skipped rather than trusted.
/// Complexity: O(V + E + highlight · E).
#[allow(clippy::disallowed_macros)] // The static map's title: the fallback's SVG.
pub fn map_svg(engine: &Engine, layout: &Layout, options: &MapOptions) -> String {
    let model = engine.model();
    let p = id_safe(&options.id_prefix);
    let title = options
        .title
        .clone()
        .unwrap_or_else(|| format!("{} architecture map", model.meta.name));
    let legend = if options.legend && options.view.is_none() && !layout.nodes.is_empty() {
        legend(layout.width)
    } else {
        (String::new(), 0.0)
    };
    let mut out = String::with_capacity(512 + layout.nodes.len() * 600 + layout.edges.len() * 300);
    let (x, y, w, h) = options
        .view
        .unwrap_or((0.0, 0.0, layout.width, layout.height + legend.1));
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="archsim-map" viewBox="{x} {y} {w} {h}" width="{w}" height="{h}" role="img" aria-label="{t}" aria-labelledby="{p}-title {p}-desc">"#,
        x = num(x),
        y = num(y),
        w = num(w),
        h = num(h),
        t = esc(&title),
    );
    let _ = writeln!(
        out,
        "<title id=\"{p}-title\">{}</title><desc id=\"{p}-desc\">{}</desc>",
        esc(&title),
        esc(&describe(engine, layout, options)),
    );
    let _ = writeln!(
        out,
        r#"<defs><marker id="{p}-arrow" class="archsim-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z"/></marker><marker id="{p}-arrow-lit" class="archsim-arrow is-highlighted" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="12" markerHeight="12" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z"/></marker></defs>"#
    );
    groups(&mut out, engine, layout);
    let lit: Vec<(CompId, CompId)> = options.highlight.windows(2).map(|w| (w[0], w[1])).collect();
    out.push_str("<g class=\"archsim-edges\">\n");
    for edge in &layout.edges {
        let on = lit.contains(&(edge.from, edge.to));
        let faded = !options.highlight.is_empty() && !on;
        let drafted = options
            .drafted_edges
            .iter()
            .find(|(from, to, _)| (*from, *to) == (edge.from, edge.to))
            .map(|d| d.2);
        edge_svg(&mut out, engine, edge, (on, faded, drafted), &p);
    }
    out.push_str("</g>\n");
    // Each component's mark by index; a later entry for a component wins.
    let mut states: Vec<Option<State>> = vec![None; model.components.len()];
    for &(c, s) in &options.states {
        if let Some(slot) = states.get_mut(c.index()) {
            *slot = Some(s);
        }
    }
    out.push_str("<g class=\"archsim-nodes\">\n");
    for node in &layout.nodes {
        if node.component.index() >= model.components.len() {
            continue;
        }
        let drafted = options.drafted.iter().find(|d| d.0 == node.component);
        let mark = if let Some(&(_, d)) = drafted {
            Some(Mark::Drafted(d))
        } else if options.failed.contains(&node.component) {
            Some(Mark::Failed)
        } else {
            states[node.component.index()].map(Mark::State)
        };
        let lit = options.highlight.contains(&node.component);
        let faded = !options.highlight.is_empty() && !lit;
        node_svg(&mut out, engine, node, mark, lit, faded);
    }
    out.push_str("</g>\n");
    if !legend.0.is_empty() {
        let _ = writeln!(
            out,
            r#"<g class="archsim-legend" transform="translate(0 {})">{}</g>"#,
            num(layout.height),
            legend.0
        );
    }
    out.push_str("</svg>\n");
    out
}

/// The `<desc>`: what the picture shows, for readers who cannot see it.
#[allow(clippy::disallowed_macros)] // The static map's description: the fallback's SVG.
fn describe(engine: &Engine, layout: &Layout, options: &MapOptions) -> String {
    let model = engine.model();
    let name = |c: &CompId| {
        model
            .components
            .get(c.index())
            .map_or("?", |c| c.name.as_str())
    };
    let bands = layout.groups.iter().filter(|g| g.depth == 0);
    let providers = bands.clone().filter(|g| g.provider.is_some()).count();
    let mut text = format!(
        "{} components, {} connections. {} provider {} a box per region",
        layout.nodes.len(),
        layout.edges.len(),
        providers,
        if providers == 1 {
            "band with"
        } else {
            "bands, each with"
        },
    );
    if bands.clone().any(|g| g.provider.is_none()) {
        text.push_str(", and a band for what is outside every provider");
    }
    text.push_str(
        ". Thick solid arrows are request hops; thin faint lines join a workload to the \
         cluster it runs in; dashed and dotted arrows are the other dependencies, one pattern \
         per kind, labelled with it.",
    );
    if !options.highlight.is_empty() {
        let path: Vec<&str> = options.highlight.iter().map(name).collect();
        let _ = write!(text, " Highlighted: {}.", path.join(" → "));
    }
    if !options.failed.is_empty() {
        let failed: Vec<&str> = options.failed.iter().map(name).collect();
        let _ = write!(text, " Failed: {}.", failed.join(", "));
    }
    for d in [Drafted::Added, Drafted::Removed] {
        let hit: Vec<&str> = options
            .drafted
            .iter()
            .filter(|x| x.1 == d)
            .map(|x| name(&x.0))
            .collect();
        if !hit.is_empty() {
            let _ = write!(text, " {} by the draft: {}.", d.word(), hit.join(", "));
        }
    }
    for state in [State::Down, State::Degraded, State::AtRisk] {
        let hit: Vec<&str> = options
            .states
            .iter()
            .filter(|(c, s)| *s == state && !options.failed.contains(c))
            .map(|(c, _)| name(c))
            .collect();
        if !hit.is_empty() {
            let _ = write!(text, " {}: {}.", state.word(), hit.join(", "));
        }
    }
    text
}

/// `prefix` with every character that does not belong in an id replaced.
fn id_safe(prefix: &str) -> String {
    let safe: String = prefix
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    if safe.is_empty() {
        "archsim-map".to_owned()
    } else {
        safe
    }
}
