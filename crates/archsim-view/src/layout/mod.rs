//! The map layout: where every component, group and edge goes.
//!
//! A layered, left-to-right drawing in swimlanes, like the source document's
//! diagram: one horizontal band per provider (components outside every
//! provider, such as the user, in a band of their own at the top), and one
//! sub-band per region inside it. Within the bands:
//!
//! 1. **Cycles** — the union of all edge kinds has cycles (the zone points at
//!    the certificate, which is validated through the zone). A depth-first
//!    search that follows request hops first reverses the few edges that
//!    close a cycle (`rank`).
//! 2. **Layers** — x is the longest path from the sources over the drawn
//!    edges, then nodes with more dependencies than dependents slide right
//!    next to what they need, which keeps edges short (`rank`).
//! 3. **Bands** — the provider bands are ordered to keep connected bands
//!    close (`bands`).
//! 4. **Order** — y within a band is chosen by barycenter sweeps that reduce
//!    crossings, then each node takes the free row nearest its neighbours, so
//!    edges run straight where they can (`order`).
//! 5. **Geometry and edges** — boxes, group rectangles, and smooth paths from
//!    the right side of the source to the left side of the target; reversed
//!    edges loop under the nodes (`geometry`, `route`).
//!
//! Everything is deterministic: the same model and options give the same
//! layout, number for number (no hash-map order leaks into it).

mod bands;
mod geometry;
mod graph;
mod order;
mod rank;
mod route;

use archsim_core::{CompId, EdgeId, EdgeKind, Model, ProviderId, RegionId};

/// What to draw, and how big.
#[derive(Clone, Debug, PartialEq)]
pub struct LayoutOptions {
    /// Width of a component's box.
    pub node_width: f64,
    /// Height of a component's box (room for two lines of name and the kind).
    pub node_height: f64,
    /// Horizontal gap between two layers (edge labels live here).
    pub layer_gap: f64,
    /// Vertical gap between two boxes of one band.
    pub row_gap: f64,
    /// Space between a group's border and what it holds.
    pub group_padding: f64,
    /// Height of a group's label line.
    pub group_label: f64,
    /// Vertical gap between two provider bands.
    pub band_gap: f64,
    /// Space around the whole drawing.
    pub margin: f64,
    /// Crossing-reduction sweeps.
    pub sweeps: usize,
    /// Draw only these components (e.g. one provider); `None` draws all.
    /// Ids that are not in the model are ignored.
    pub only: Option<Vec<CompId>>,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        LayoutOptions {
            node_width: 188.0,
            node_height: 56.0,
            layer_gap: 96.0,
            row_gap: 18.0,
            group_padding: 12.0,
            group_label: 22.0,
            band_gap: 28.0,
            margin: 16.0,
            sweeps: 12,
            only: None,
        }
    }
}

/// The whole drawing, in user units (pixels at scale 1).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layout {
    /// Width of the drawing.
    pub width: f64,
    /// Height of the drawing.
    pub height: f64,
    /// One box per drawn component, in model order.
    pub nodes: Vec<NodeBox>,
    /// Provider boxes (depth 0), each followed by its region boxes (depth 1).
    pub groups: Vec<GroupBox>,
    /// One path per pair of connected components, in model edge order.
    pub edges: Vec<EdgePath>,
}

/// A component's box.
#[derive(Clone, Debug, PartialEq)]
pub struct NodeBox {
    /// The component.
    pub component: CompId,
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
    /// Column, 0 at the left.
    pub layer: usize,
    /// Index in [`Layout::groups`] of the innermost group holding it.
    pub group: usize,
}

/// A labelled rectangle around a provider's or a region's components.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupBox {
    /// The provider; `None` for the band of components outside every provider.
    pub provider: Option<ProviderId>,
    /// The region, for a region box.
    pub region: Option<RegionId>,
    /// What the box is labelled with (from the model).
    pub label: String,
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
    /// 0 for a provider band, 1 for a region inside it.
    pub depth: usize,
}

/// A drawn connection: every model edge between two components, merged.
#[derive(Clone, Debug, PartialEq)]
pub struct EdgePath {
    /// The model edges drawn by this path (several records to one target merge).
    pub edges: Vec<EdgeId>,
    /// The dependent.
    pub from: CompId,
    /// The dependency.
    pub to: CompId,
    /// A cubic Bézier path: the start point, then three points (two controls
    /// and the end) per segment.
    pub points: Vec<(f64, f64)>,
    /// The strongest kind among the merged edges (request before cached,
    /// startup and background).
    pub kind: EdgeKind,
    /// Whether requests travel along it (a route hop).
    pub hop: bool,
    /// Short text to draw along the path, if any (hosts, or the edge kind).
    pub label: Option<String>,
    /// Where the label goes (a point on the path).
    pub label_at: (f64, f64),
    /// Whether the edge runs right to left: it closes a cycle, so it was
    /// reversed for layering and is drawn looping under its nodes.
    pub reversed: bool,
}

impl Layout {
    /// The box of a component, if it is drawn.
    ///
    /// Complexity: O(log n).
    pub fn node(&self, component: CompId) -> Option<&NodeBox> {
        self.nodes
            .binary_search_by_key(&component, |n| n.component)
            .ok()
            .map(|i| &self.nodes[i])
    }
}

/// The rectangle around `boxes`: (left, top, right, bottom), in drawing
/// units; `None` for no box. One rule for the live map's fit to an answer
/// and the static map's part of a draft.
pub fn extent<'a>(boxes: impl IntoIterator<Item = &'a NodeBox>) -> Option<(f64, f64, f64, f64)> {
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for b in boxes {
        x0 = x0.min(b.x);
        y0 = y0.min(b.y);
        x1 = x1.max(b.x + b.width);
        y1 = y1.max(b.y + b.height);
    }
    (x0 <= x1).then_some((x0, y0, x1, y1))
}

/// Lay out the model (or the part `options.only` names).
///
/// Returns: boxes for every drawn component, its groups and edges, and the
/// size of the drawing; an empty selection gives an empty layout.
/// Complexity: O((V + E) · sweeps) plus O(V · rows) for row assignment and
/// a sort per cell; well under 100 ms at 1,000 components.
pub fn layout(model: &Model, options: &LayoutOptions) -> Layout {
    let graph = graph::Graph::build(model, options.only.as_deref());
    if graph.nodes.is_empty() {
        return Layout {
            width: 2.0 * options.margin,
            height: 2.0 * options.margin,
            ..Layout::default()
        };
    }
    let reversed = rank::feedback_arcs(&graph);
    let layers = rank::layers(&graph, &reversed);
    let bands = bands::Bands::build(model, &graph);
    let grid = order::arrange(&graph, &layers, &bands, options.sweeps);
    let geometry = geometry::place(model, &graph, &layers, &bands, &grid, options);
    let edges = route::paths(&graph, &reversed, &geometry.nodes, options);
    Layout {
        width: geometry.width,
        height: geometry.height,
        nodes: geometry.nodes,
        groups: geometry.groups,
        edges,
    }
}
