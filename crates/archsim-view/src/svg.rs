//! The static SVG of the map.
//!
//! One standalone `<svg>` element: labelled group rectangles, a rounded box
//! per component (`<g class="archsim-node" data-id="ID">`), and edges as
//! paths with arrowheads — request hops solid, other dependencies dashed and
//! labelled. Every colour comes from a CSS class (see [`crate::STYLE_CSS`]),
//! and every state is also written as an icon and a word on the node, never
//! shown by colour alone.

use std::fmt::Write;

use archsim_core::{CompId, Engine, Model, State};

use crate::escape::html as esc;
use crate::layout::{EdgePath, Layout, NodeBox};
use crate::present::state_label;

/// Width of a character of a node's name (12 px sans-serif, generous so
/// names stay inside their box).
const NAME_CHAR: f64 = 7.0;

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
    /// Draw a key to the line styles under the map.
    pub legend: bool,
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
        }
    }
}

/// The map as a standalone SVG document fragment.
///
/// Arguments: the engine (for names and kinds), a layout of its model, and
/// what to mark. Components of the layout that are not in the model are
/// skipped rather than trusted.
/// Complexity: O(V + E + highlight · E).
pub fn map_svg(engine: &Engine, layout: &Layout, options: &MapOptions) -> String {
    let model = engine.model();
    let p = id_safe(&options.id_prefix);
    let title = options
        .title
        .clone()
        .unwrap_or_else(|| format!("{} architecture map", model.meta.name));
    let legend = if options.legend && !layout.nodes.is_empty() {
        legend(layout.width)
    } else {
        (String::new(), 0.0)
    };
    let mut out = String::with_capacity(512 + layout.nodes.len() * 600 + layout.edges.len() * 300);
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="archsim-map" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" aria-label="{t}" aria-labelledby="{p}-title {p}-desc">"#,
        w = num(layout.width),
        h = num(layout.height + legend.1),
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
        edge_svg(&mut out, engine, edge, on, faded, &p);
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
        let mark = if options.failed.contains(&node.component) {
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

/// The line styles, with what each means, in the classes the edges use.
pub const LEGEND: [(&str, &str); 6] = [
    ("is-hop kind-request", "request hop"),
    ("kind-request", "needed by every request"),
    ("kind-cached", "cached"),
    ("kind-startup", "needed at start-up"),
    ("kind-background", "safety net (background)"),
    ("kind-request is-runs-in", "runs in"),
];

/// The key to the line styles as an HTML list, a short sample of each line
/// and its words: the live map's, under its frame (the static map carries
/// its key inside the drawing, `legend`).
pub fn legend_html() -> String {
    let mut out = String::from("<ul class=\"archsim-legend-list\" aria-label=\"Line styles\">");
    for (class, words) in LEGEND {
        let _ = write!(
            out,
            r#"<li><svg class="archsim-legend-line" width="34" height="8" aria-hidden="true"><g class="archsim-edge {class}"><path d="M1,4H33"/></g></svg>{}</li>"#,
            esc(words)
        );
    }
    out.push_str("</ul>");
    out
}

/// The key under the map, laid out in rows that fit `width`; returns the
/// markup (to place at the bottom of the drawing) and its height.
fn legend(width: f64) -> (String, f64) {
    const ROW: f64 = 22.0;
    const LINE: f64 = 34.0;
    let (margin, mut x, mut y) = (16.0, 16.0, 14.0);
    let mut out = String::new();
    for (class, words) in LEGEND {
        let item = LINE + 8.0 + words.chars().count() as f64 * 5.8 + 20.0;
        if x > margin && x + item > width - margin {
            x = margin;
            y += ROW;
        }
        let _ = write!(
            out,
            r#"<g class="archsim-edge {class}"><path d="M{},{}H{}"/></g><text class="archsim-legend-label" x="{}" y="{}">{}</text>"#,
            num(x),
            num(y),
            num(x + LINE),
            num(x + LINE + 8.0),
            num(y + 4.0),
            words
        );
        x += item;
    }
    (out, y + ROW - 6.0)
}

/// The `<desc>`: what the picture shows, for readers who cannot see it.
fn describe(engine: &Engine, layout: &Layout, options: &MapOptions) -> String {
    let model = engine.model();
    let name = |c: &CompId| {
        model
            .components
            .get(c.index())
            .map_or("?", |c| c.name.as_str())
    };
    let bands = layout.groups.iter().filter(|g| g.depth == 0).count();
    let mut text = format!(
        "{} components in {} bands (one per provider, with a box per region), {} connections. \
         Solid arrows are request hops; dashed arrows are other dependencies, labelled with their kind.",
        layout.nodes.len(),
        bands,
        layout.edges.len()
    );
    if !options.highlight.is_empty() {
        let path: Vec<&str> = options.highlight.iter().map(name).collect();
        let _ = write!(text, " Highlighted: {}.", path.join(" → "));
    }
    if !options.failed.is_empty() {
        let failed: Vec<&str> = options.failed.iter().map(name).collect();
        let _ = write!(text, " Failed: {}.", failed.join(", "));
    }
    for state in [State::Down, State::Degraded, State::AtRisk] {
        let hit: Vec<&str> = options
            .states
            .iter()
            .filter(|(c, s)| *s == state && !options.failed.contains(c))
            .map(|(c, _)| name(c))
            .collect();
        if !hit.is_empty() {
            let _ = write!(
                text,
                " {}: {}.",
                state_label(state.as_str()).1,
                hit.join(", ")
            );
        }
    }
    text
}

fn groups(out: &mut String, engine: &Engine, layout: &Layout) {
    out.push_str("<g class=\"archsim-groups\">\n");
    out.push_str(&groups_svg(engine.model(), layout));
    out.push_str("</g>\n");
}

/// The provider and region boxes with their labels, as SVG markup (one
/// `<g class="archsim-group …">` each): the static map's and the live map's.
pub fn groups_svg(model: &Model, layout: &Layout) -> String {
    let mut out = String::new();
    for g in &layout.groups {
        let class = match (g.depth, g.provider) {
            (0, None) => "archsim-group archsim-group-external",
            (0, Some(_)) => "archsim-group archsim-group-provider",
            _ => "archsim-group archsim-group-region",
        };
        let provider = model.provider_name(g.provider);
        let _ = write!(
            out,
            r#"<g class="{class}" data-provider="{}""#,
            esc(provider)
        );
        let region = g.region.and_then(|r| model.regions.get(r.index()));
        if let Some(r) = region {
            let _ = write!(out, r#" data-region="{}""#, esc(&r.id));
        }
        let _ = write!(
            out,
            r#"><rect x="{}" y="{}" width="{}" height="{}" rx="8"/><text class="archsim-group-label" x="{}" y="{}">{}</text>"#,
            num(g.x),
            num(g.y),
            num(g.width),
            num(g.height),
            num(g.x + 10.0),
            num(g.y + 15.0),
            esc(&g.label)
        );
        // A region's id, in large type: what the live map shows in place
        // of the region's name when it is zoomed out (its boxes show ids
        // too); hidden otherwise (archsim.css). It fills the box's label
        // line, above the first component.
        if let Some(r) = region {
            let _ = write!(
                out,
                r#"<text class="archsim-group-id" x="{}" y="{}">{}</text>"#,
                num(g.x + 10.0),
                num(g.y + 17.0),
                esc(&r.id)
            );
        }
        out.push_str("</g>\n");
    }
    out
}

fn edge_svg(out: &mut String, engine: &Engine, edge: &EdgePath, lit: bool, faded: bool, p: &str) {
    let model = engine.model();
    let (Some(from), Some(to)) = (
        model.components.get(edge.from.index()),
        model.components.get(edge.to.index()),
    ) else {
        return;
    };
    let mut class = edge_class(model, edge);
    if lit {
        class.push_str(" is-highlighted");
    }
    if faded {
        class.push_str(" is-faded");
    }
    let _ = write!(
        out,
        r#"<g class="{class}" data-from="{}" data-to="{}"><title>{}</title><path d="{}" marker-end="url(#{p}-arrow{})"/>"#,
        esc(&from.id),
        esc(&to.id),
        esc(&edge_title(model, edge)),
        path_data(&edge.points),
        if lit { "-lit" } else { "" },
    );
    out.push_str(&edge_label(edge));
    out.push_str("</g>\n");
}

/// The classes an edge always has: its kind, and whether it is a hop, is
/// drawn reversed, or only says where a workload runs.
pub fn edge_class(model: &Model, edge: &EdgePath) -> String {
    let mut class = format!("archsim-edge kind-{}", edge.kind.as_str());
    if edge.hop {
        class.push_str(" is-hop");
    }
    if edge.reversed {
        class.push_str(" is-reversed");
    }
    let runs_in = edge.edges.iter().all(|id| {
        model
            .edges
            .get(id.index())
            .is_some_and(|e| e.origin == archsim_core::EdgeOrigin::RunsIn)
    });
    if runs_in {
        class.push_str(" is-runs-in");
    }
    class
}

/// An edge's label as SVG markup, or nothing when it has none.
pub fn edge_label(edge: &EdgePath) -> String {
    edge.label
        .as_ref()
        .map(|label| {
            format!(
                r#"<text class="archsim-edge-label" x="{}" y="{}">{}</text>"#,
                num(edge.label_at.0),
                num(edge.label_at.1 - 4.0),
                esc(label)
            )
        })
        .unwrap_or_default()
}

/// An edge's tooltip: who needs whom (hop or dependency, and its kind),
/// then the records behind a hop and the reasons the model gives.
pub fn edge_title(model: &Model, edge: &EdgePath) -> String {
    let mut text = format!(
        "{} → {} ({}{})",
        model.component(edge.from).name,
        model.component(edge.to).name,
        if edge.hop { "hop, " } else { "" },
        edge.kind.as_str()
    );
    let mut seen: Vec<&str> = Vec::new();
    for id in &edge.edges {
        let Some(e) = model.edges.get(id.index()) else {
            continue;
        };
        if let archsim_core::EdgeOrigin::Record(r) = e.origin {
            let r = &model.records[r.index()];
            let _ = write!(
                text,
                "\n{} {} → {}",
                r.rtype,
                r.host,
                model.component(e.to).id
            );
        } else if !e.why.is_empty() && !seen.contains(&e.why.as_str()) {
            seen.push(&e.why);
            let _ = write!(text, "\n{}", e.why);
        }
    }
    text
}

/// What a node is marked with.
#[derive(Clone, Copy)]
enum Mark {
    Failed,
    State(State),
}

fn node_svg(
    out: &mut String,
    engine: &Engine,
    node: &NodeBox,
    mark: Option<Mark>,
    lit: bool,
    faded: bool,
) {
    let model = engine.model();
    let c = model.component(node.component);
    let mut class = String::from("archsim-node");
    match mark {
        Some(Mark::Failed) => class.push_str(" is-failed state-down"),
        Some(Mark::State(s)) => {
            let _ = write!(class, " state-{}", s.as_str());
        }
        None => {}
    }
    if lit {
        class.push_str(" is-highlighted");
    }
    if faded {
        class.push_str(" is-faded");
    }
    let provider = model.provider_name(c.provider);
    let _ = write!(
        out,
        r#"<g class="{class}" data-id="{}" data-provider="{}"><title>{}</title>{}"#,
        esc(&c.id),
        esc(provider),
        esc(&node_title(engine, node.component, mark)),
        node_body(model, node),
    );
    if let Some(mark) = mark {
        let (icon, word) = match mark {
            Mark::Failed => (state_label("down").0, "failed"),
            Mark::State(s) => state_label(s.as_str()),
        };
        let (x, y) = marker_at(node);
        let _ = write!(
            out,
            r#"<text class="archsim-node-state" x="{}" y="{}" text-anchor="end">{icon} {word}</text>"#,
            num(x),
            num(y),
        );
    }
    out.push_str("</g>\n");
}

/// A node's box, its name (at most two lines) and its kind line, as SVG
/// markup: the part of a node that no state changes.
pub fn node_body(model: &Model, node: &NodeBox) -> String {
    let c = model.component(node.component);
    let mut out = format!(
        r#"<rect x="{}" y="{}" width="{}" height="{}" rx="6"/>"#,
        num(node.x),
        num(node.y),
        num(node.width),
        num(node.height),
    );
    let chars = ((node.width - 16.0) / NAME_CHAR).floor().max(4.0) as usize;
    let lines = wrap(&c.name, chars, 2);
    let tx = node.x + 8.0;
    for (i, line) in lines.iter().enumerate() {
        let _ = write!(
            out,
            r#"<text class="archsim-node-name" x="{}" y="{}">{}</text>"#,
            num(tx),
            num(node.y + 17.0 + 14.0 * i as f64),
            esc(line)
        );
    }
    let _ = write!(
        out,
        r#"<text class="archsim-node-kind" x="{}" y="{}">{}</text>"#,
        num(tx),
        num(node.y + node.height - 8.0),
        esc(&c.kind)
    );
    out
}

/// Width of a character of a node's id in large type (20 px, as
/// generous as [`NAME_CHAR`]).
const ID_CHAR: f64 = 11.7;

/// A node's id in large type, at most two lines, for a map drawn so small
/// that its names cannot be read. Only the widgets' map draws it, and
/// shows it only then (`.is-mid`, widgets.css): ids are short and unique,
/// where two names may begin alike ("CloudFront distribution (…)").
pub fn node_id_label(model: &Model, node: &NodeBox) -> String {
    let c = model.component(node.component);
    let chars = ((node.width - 16.0) / ID_CHAR).floor().max(4.0) as usize;
    let mut out = String::new();
    for (i, line) in wrap(&c.id, chars, 2).iter().enumerate() {
        let _ = write!(
            out,
            r#"<text class="archsim-node-id" x="{}" y="{}">{}</text>"#,
            num(node.x + 8.0),
            num(node.y + 22.0 + 21.0 * i as f64),
            esc(line)
        );
    }
    out
}

/// Where a node's state marker ends (it is drawn `text-anchor="end"`).
pub fn marker_at(node: &NodeBox) -> (f64, f64) {
    (node.x + node.width - 8.0, node.y + node.height - 8.0)
}

/// A coordinate as the maps write it: at most one decimal, no trailing
/// `.0`.
pub fn coord(v: f64) -> String {
    num(v).to_string()
}

fn node_title(engine: &Engine, c: CompId, mark: Option<Mark>) -> String {
    let model = engine.model();
    let comp = model.component(c);
    let mut text = format!(
        "{} ({}) — {}, {}",
        comp.name,
        comp.id,
        comp.kind,
        crate::present::whereabouts(model, c)
    );
    match mark {
        Some(Mark::Failed) => text.push_str(" — failed"),
        Some(Mark::State(s)) => {
            let _ = write!(text, " — {}", state_label(s.as_str()).1);
        }
        None => {}
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

/// SVG path data for a start point and cubic segments (the widgets draw
/// the same paths).
pub fn path_data(points: &[(f64, f64)]) -> String {
    let mut d = String::new();
    let Some(first) = points.first() else {
        return d;
    };
    let _ = write!(d, "M{},{}", num(first.0), num(first.1));
    for seg in points[1..].chunks(3) {
        if let [a, b, c] = seg {
            let _ = write!(
                d,
                "C{},{} {},{} {},{}",
                num(a.0),
                num(a.1),
                num(b.0),
                num(b.1),
                num(c.0),
                num(c.1)
            );
        } else {
            for pt in seg {
                let _ = write!(d, "L{},{}", num(pt.0), num(pt.1));
            }
        }
    }
    d
}

/// A coordinate with at most one decimal, without a trailing `.0`, so the
/// output is short and stable across platforms. Written straight into the
/// output (no allocation per number: a map has tens of thousands).
fn num(v: f64) -> Num {
    Num(v)
}

/// See [`num`].
struct Num(f64);

impl std::fmt::Display for Num {
    /// Integer arithmetic only: printing an `f64` links core's float
    /// formatting, some 20 KB of the browser bundle.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let tenths = (self.0 * 10.0).round();
        if !tenths.is_finite() {
            // What `{:.1}` writes; no layout produces these.
            let text = match tenths {
                t if t.is_nan() => "NaN",
                t if t > 0.0 => "inf",
                _ => "-inf",
            };
            return f.write_str(text);
        }
        // The digits `{:.1}` wrote for every value below 2^53 tenths
        // (about 9 · 10^14), far beyond any drawing.
        let tenths = tenths as i64;
        let sign = if tenths < 0 { "-" } else { "" };
        let (whole, tenth) = (tenths.unsigned_abs() / 10, tenths.unsigned_abs() % 10);
        if tenth == 0 {
            write!(f, "{sign}{whole}")
        } else {
            write!(f, "{sign}{whole}.{tenth}")
        }
    }
}

/// Break `text` into at most `max_lines` lines of at most `width`
/// characters: at spaces, else after a hyphen inside a long name
/// (`tomoda-db-backups-` / `development-485000`), else anywhere; an
/// ellipsis ends text that does not fit.
pub fn wrap(text: &str, width: usize, max_lines: usize) -> Vec<String> {
    // Pieces: (text, starts a new word).
    let mut pieces: Vec<(String, bool)> = Vec::new();
    for word in text.split_whitespace() {
        let mut first = true;
        for part in word.split_inclusive('-') {
            let chars: Vec<char> = part.chars().collect();
            for chunk in chars.chunks(width.max(1)) {
                pieces.push((chunk.iter().collect(), first));
                first = false;
            }
        }
    }
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut rest = pieces.len();
    for (piece, new_word) in &pieces {
        let len = current.chars().count();
        let sep = usize::from(new_word & (len > 0));
        if len > 0 && len + sep + piece.chars().count() > width {
            lines.push(std::mem::take(&mut current));
            if lines.len() == max_lines {
                break;
            }
        }
        if *new_word && !current.is_empty() {
            current.push(' ');
        }
        current.push_str(piece);
        rest -= 1;
    }
    if lines.len() < max_lines && !current.is_empty() {
        lines.push(current);
    }
    if rest > 0
        && let Some(last) = lines.last_mut()
    {
        let keep: String = last.chars().take(width.saturating_sub(1)).collect();
        *last = format!("{}…", keep.trim_end());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::{Engine, node_id_label, num, wrap};

    #[test]
    fn numbers_have_at_most_one_decimal() {
        let cases: [(f64, &str); 18] = [
            (0.0, "0"),
            (-0.0, "0"),
            (0.04, "0"),
            (-0.04, "0"),
            (0.05, "0.1"),
            (-0.05, "-0.1"),
            (12.5, "12.5"),
            (12.34, "12.3"),
            (12.96, "13"),
            (-3.0, "-3"),
            (-12.25, "-12.3"),
            (188.0, "188"),
            (1234567.89, "1234567.9"),
            (-0.96, "-1"),
            (7.2 * 3.0, "21.6"),
            (f64::NAN, "NaN"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
        ];
        for (v, expected) in cases {
            assert_eq!(num(v).to_string(), expected, "{v}");
        }
    }

    /// The former float formatting, on a sweep of values.
    #[test]
    fn numbers_match_float_formatting() {
        let former = |v: f64| {
            let tenths = (v * 10.0).round();
            if tenths % 10.0 == 0.0 {
                format!("{}", (tenths / 10.0) as i64)
            } else {
                format!("{:.1}", tenths / 10.0)
            }
        };
        for i in -20_000..20_000 {
            for v in [i as f64 * 0.37, i as f64 * 25.1 + 0.05, i as f64 / 7.0] {
                assert_eq!(num(v).to_string(), former(v), "{v}");
            }
        }
    }

    #[test]
    fn writes_ids_in_large_type_on_at_most_two_lines() {
        let engine = Engine::tomoda().unwrap();
        let model = engine.model();
        let layout = crate::layout::layout(model, &crate::layout::LayoutOptions::default());
        let lines = |id: &str| -> Vec<String> {
            let node = layout
                .nodes
                .iter()
                .find(|n| model.component(n.component).id == id)
                .unwrap();
            let svg = node_id_label(model, node);
            svg.split("</text>")
                .filter_map(|t| t.split_once('>').map(|(_, text)| text.to_owned()))
                .collect()
        };
        // (id, lines): broken after a hyphen, within the box.
        let cases: [(&str, &[&str]); 4] = [
            ("gke", &["gke"]),
            ("s3-assets-prod", &["s3-assets-prod"]),
            ("cloudflare-zone", &["cloudflare-", "zone"]),
            ("photon-index-bucket", &["photon-index-", "bucket"]),
        ];
        for (id, expected) in cases {
            assert_eq!(lines(id), expected, "{id}");
        }
    }

    #[test]
    fn wraps_names_into_lines() {
        let cases: [(&str, usize, usize, &[&str]); 6] = [
            ("User", 22, 2, &["User"]),
            (
                "CloudNativePG (PostgreSQL)",
                22,
                2,
                &["CloudNativePG", "(PostgreSQL)"],
            ),
            (
                "tomoda-db-backups-development-485000",
                22,
                2,
                &["tomoda-db-backups-", "development-485000"],
            ),
            (
                "GCP external load balancer (Traefik LoadBalancer)",
                22,
                2,
                &["GCP external load", "balancer (Traefik…"],
            ),
            ("abcdefghij", 4, 2, &["abcd", "efg…"]),
            ("", 22, 2, &[]),
        ];
        for (text, width, lines, expected) in cases {
            assert_eq!(wrap(text, width, lines), expected, "wrapping {text:?}");
        }
    }
}
