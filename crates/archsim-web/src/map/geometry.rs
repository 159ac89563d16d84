//! The map's drawing, prepared once per layout: the SVG markup of every
//! box, edge and group that no state changes (written by archsim-view,
//! which draws the static map with the same functions), what each node is
//! searched by, and who neighbours whom.
//!
//! Drawing the map for a state (see [`crate::map::draw`]) then only joins
//! these pieces with the classes of the moment; nothing is laid out or
//! formatted again, which keeps a 1,000-component map interactive.

use archsim_core::{CompId, Model};
use archsim_view::layout::{Layout, NodeBox};
use archsim_view::present::whereabouts;
use archsim_view::svg::{
    coord, edge_class, edge_label, edge_title, groups_svg, marker_at, node_body, node_id_label,
    path_data,
};

use crate::map::search::{self, Query};
use crate::markup::Markup;

/// One component's box, ready to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct NodeGeom {
    /// The component.
    pub component: CompId,
    /// Its id (`data-id`).
    pub id: String,
    /// Its provider's id, or `external`.
    pub provider: String,
    /// The box, the name (at most two lines), the kind line and the id in
    /// large type (shown instead when the map is zoomed out): SVG markup
    /// that no state changes.
    pub body: String,
    /// Where the state marker ends: (x, y).
    pub mark_at: (String, String),
    /// What a screen reader says of it first: its name and kind, the
    /// words the box shows in the order it shows them, so a reader who
    /// speaks to the page names it by what they see (WCAG 2.5.3); its
    /// state's words follow, added live (`draw::looks`), then [`place`].
    ///
    /// [`place`]: NodeGeom::place
    pub label: String,
    /// Where it is (provider and region), said last.
    pub place: String,
    /// Lower-case text the search box matches against.
    pub search: String,
}

/// One drawn connection, ready to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct EdgeGeom {
    /// Index of the dependent in [`Geometry::nodes`].
    pub from: usize,
    /// Index of the dependency in [`Geometry::nodes`].
    pub to: usize,
    /// The path's `d`.
    pub d: String,
    /// Classes that never change (kind, hop, runs-in).
    pub class: String,
    /// The tooltip, as SVG markup (`<title>`).
    pub title: String,
    /// The label, as SVG markup (empty when the edge has none).
    pub label: String,
}

/// Everything the map draws, for one layout.
///
/// Built once and shared through `Rc`; equality is identity: a drawing
/// never changes once made, so comparing pointers is enough.
#[derive(Clone, Debug)]
pub struct Geometry {
    /// The drawing's size.
    pub size: (f64, f64),
    /// `0 0 W H`.
    pub view_box: String,
    /// Provider and region boxes with their labels, as SVG markup.
    pub groups: String,
    /// Nodes in layout order.
    pub nodes: Vec<NodeGeom>,
    /// Their boxes, in the same order (for keyboard moves and scrolling).
    pub boxes: Vec<NodeBox>,
    /// Edges in layout order.
    pub edges: Vec<EdgeGeom>,
    /// For each node, the nodes it shares an edge with.
    pub neighbours: Vec<Vec<usize>>,
    /// For each component index, its node index (if drawn).
    pub index_of: Vec<Option<usize>>,
}

impl PartialEq for Geometry {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Geometry {
    /// Prepare a layout of `model` for drawing.
    ///
    /// Complexity: O(V + E) and the text of every label.
    #[allow(clippy::disallowed_macros)] // A node's label and the view box: once per drawing.
    pub fn new(model: &Model, layout: &Layout) -> Geometry {
        let mut index_of = vec![None; model.components.len()];
        let boxes: Vec<NodeBox> = layout
            .nodes
            .iter()
            .filter(|n| n.component.index() < model.components.len())
            .cloned()
            .collect();
        let mut nodes = Vec::with_capacity(boxes.len());
        for (i, n) in boxes.iter().enumerate() {
            index_of[n.component.index()] = Some(i);
            let c = model.component(n.component);
            let provider = model.provider_name(c.provider);
            nodes.push(NodeGeom {
                component: n.component,
                id: c.id.clone(),
                provider: provider.to_owned(),
                body: node_body(model, n) + &node_id_label(model, n),
                mark_at: {
                    let (x, y) = marker_at(n);
                    (coord(x), coord(y))
                },
                label: format!("{}, {}", c.name, c.kind),
                place: whereabouts(model, n.component),
                search: search::haystack(model, c),
            });
        }
        let mut edges = Vec::with_capacity(layout.edges.len());
        for e in &layout.edges {
            let (Some(Some(from)), Some(Some(to))) =
                (index_of.get(e.from.index()), index_of.get(e.to.index()))
            else {
                continue;
            };
            let (from, to) = (*from, *to);
            let mut title = Markup::new();
            title.leaf("title", &[], &edge_title(model, e));
            edges.push(EdgeGeom {
                from,
                to,
                d: path_data(&e.points),
                class: edge_class(model, e),
                title: title.into_string(),
                label: edge_label(e),
            });
        }
        let neighbours = neighbour_lists(nodes.len(), edges.iter().map(|e| (e.from, e.to)));
        Geometry {
            size: (layout.width.max(1.0), layout.height.max(1.0)),
            view_box: format!("0 0 {} {}", coord(layout.width), coord(layout.height)),
            groups: groups_svg(model, layout),
            nodes,
            boxes,
            edges,
            neighbours,
            index_of,
        }
    }

    /// The node index of a component, if it is drawn.
    pub fn index(&self, c: CompId) -> Option<usize> {
        self.index_of.get(c.index()).copied().flatten()
    }

    /// Which nodes `query` matches (see [`crate::map::search`]); `None` when
    /// the query is blank.
    pub fn matches(&self, query: &str) -> Option<Vec<bool>> {
        let query = Query::parse(query)?;
        Some(
            self.nodes
                .iter()
                .map(|n| query.matches(&n.search))
                .collect(),
        )
    }
}

/// `v` with at most `decimals` decimals (0–4), trailing zeros dropped, no
/// `-0`. Integer arithmetic only: formatting an `f64` with `{}` links
/// core's float printing (about 15 KB of wasm) for a few coordinates.
#[allow(clippy::disallowed_macros)] // Digits only (no float printing): the zero-padded fraction needs a width.
pub fn fixed(v: f64, decimals: u32) -> String {
    let decimals = decimals.min(4);
    let scale = 10i64.pow(decimals);
    if !v.is_finite() {
        return "0".to_owned();
    }
    let n = (v * scale as f64).round() as i64;
    let sign = if n < 0 { "-" } else { "" };
    let (whole, mut frac) = (
        n.unsigned_abs() / scale as u64,
        n.unsigned_abs() % scale as u64,
    );
    if frac == 0 {
        return format!("{sign}{whole}");
    }
    let mut digits = decimals as usize;
    while frac % 10 == 0 {
        frac /= 10;
        digits -= 1;
    }
    format!("{sign}{whole}.{frac:0digits$}")
}

/// For each of `n` nodes, the other end of each of its `edges`, in edge
/// order. Two nodes joined both ways list each other twice, which marking
/// them does not mind; a hub's list is not searched as it grows.
///
/// Complexity: O(n + E).
fn neighbour_lists(n: usize, edges: impl Iterator<Item = (usize, usize)>) -> Vec<Vec<usize>> {
    let mut lists: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (from, to) in edges {
        lists[from].push(to);
        lists[to].push(from);
    }
    lists
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shared::Shared;

    #[test]
    fn lists_each_edge_s_other_end_in_edge_order() {
        // (nodes, edges, each node's neighbours)
        type Case<'a> = (usize, &'a [(usize, usize)], &'a [&'a [usize]]);
        let cases: &[Case] = &[
            (2, &[], &[&[], &[]]),
            (2, &[(0, 1), (1, 0)], &[&[1, 1], &[0, 0]]),
            (
                4,
                &[(2, 0), (0, 1), (3, 0), (1, 2)],
                &[&[2, 1, 3], &[0, 2], &[0, 1], &[0]],
            ),
        ];
        for (n, edges, expected) in cases {
            let lists = neighbour_lists(*n, edges.iter().copied());
            assert_eq!(&lists, expected, "{edges:?}");
        }
    }

    #[test]
    fn a_hub_with_a_hundred_thousand_edges_lists_its_neighbours() {
        // Checking the hub's list for every new edge, as this did, takes
        // 5·10⁹ comparisons here.
        let leaves = 100_000;
        let lists = neighbour_lists(leaves + 1, (1..=leaves).map(|leaf| (0, leaf)));
        assert_eq!(lists[0], (1..=leaves).collect::<Vec<_>>());
        assert!(lists[1..].iter().all(|l| l == &[0]));
    }

    #[test]
    fn prepares_every_drawn_node_and_edge() {
        let shared = Shared::new(archsim_core::Engine::tomoda().unwrap());
        let layout = shared.layout();
        let g = Geometry::new(shared.model(), &layout);
        assert_eq!(g.nodes.len(), layout.nodes.len());
        assert_eq!(g.edges.len(), layout.edges.len());
        for (i, n) in g.nodes.iter().enumerate() {
            assert_eq!(g.index(n.component), Some(i));
            assert!(
                n.body.contains("class=\"archsim-node-name\""),
                "{} has a name: {}",
                n.id,
                n.body
            );
        }
        for e in &g.edges {
            assert!(g.neighbours[e.from].contains(&e.to));
            assert!(g.neighbours[e.to].contains(&e.from));
            assert!(e.d.starts_with('M'), "{}", e.d);
        }
        // What a screen reader says of a node: name and kind, then (after
        // its state, added live) where it is (no region: the provider
        // alone).
        let said = |id: &str| {
            let n = g.nodes.iter().find(|n| n.id == id).unwrap();
            (n.label.as_str(), n.place.as_str())
        };
        assert_eq!(said("user"), ("User, client", "external"));
        assert_eq!(said("gke"), ("gke-tomoda, cluster", "gcp asia-east1"));
        assert_eq!(
            said("cloudfront-prod"),
            (
                "CloudFront distribution (assets.tomoda.life), cdn",
                "aws global"
            )
        );
        let cf = g.matches("CLOUDFRONT prod").unwrap();
        let hits: Vec<&str> = g
            .nodes
            .iter()
            .zip(&cf)
            .filter(|(_, m)| **m)
            .map(|(n, _)| n.id.as_str())
            .collect();
        assert!(hits.contains(&"cloudfront-prod"), "{hits:?}");
        assert!(!hits.contains(&"cloudfront-dev"), "{hits:?}");
        assert_eq!(g.matches("   "), None);
    }

    #[test]
    fn formats_numbers_without_floats() {
        let cases = [
            (0.0, 1, "0"),
            (-0.04, 1, "0"),
            (12.0, 1, "12"),
            (12.34, 1, "12.3"),
            (-12.36, 1, "-12.4"),
            (1.5, 2, "1.5"),
            (1.25, 2, "1.25"),
            (0.1, 4, "0.1"),
            (1.0 / 3.0, 4, "0.3333"),
            (f64::NAN, 1, "0"),
        ];
        for (v, d, expected) in cases {
            assert_eq!(fixed(v, d), expected, "{v} with {d}");
        }
    }
}
