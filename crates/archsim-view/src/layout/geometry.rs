//! Coordinates: node boxes, group boxes and the size of the drawing.

use archsim_core::Model;

use super::bands::Bands;
use super::graph::Graph;
use super::order::Grid;
use super::{GroupBox, LayoutOptions, NodeBox};

/// Width of a character of a group label, for sizing boxes to their labels
/// (the stylesheet draws labels at 12 px in a sans-serif font).
const LABEL_CHAR: f64 = 7.2;

/// Node and group boxes, and the drawing's size.
pub(super) struct Geometry {
    pub nodes: Vec<NodeBox>,
    pub groups: Vec<GroupBox>,
    pub width: f64,
    pub height: f64,
}

/// Turn layers, bands and rows into boxes.
///
/// Columns are shared by every band; bands stack top to bottom, each sized
/// to its rows; a group box is as wide as what it holds (and its label).
/// Complexity: O(V + groups).
pub(super) fn place(
    model: &Model,
    graph: &Graph,
    layers: &[usize],
    bands: &Bands,
    grid: &Grid,
    options: &LayoutOptions,
) -> Geometry {
    let o = options;
    let pad = o.group_padding;
    let column = |layer: usize| o.margin + 2.0 * pad + layer as f64 * (o.node_width + o.layer_gap);
    let mut nodes: Vec<NodeBox> = graph
        .nodes
        .iter()
        .enumerate()
        .map(|(v, &c)| NodeBox {
            component: c,
            x: column(layers[v]),
            y: 0.0,
            width: o.node_width,
            height: o.node_height,
            layer: layers[v],
            group: 0,
        })
        .collect();
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); bands.subs.len()];
    for (v, &sub) in bands.of_node.iter().enumerate() {
        members[sub].push(v);
    }
    let mut subs_of: Vec<Vec<usize>> = vec![Vec::new(); bands.bands.len()];
    for (sub, s) in bands.subs.iter().enumerate() {
        subs_of[s.band].push(sub);
    }
    let label_width = |label: &str| label.chars().count() as f64 * LABEL_CHAR + 2.0 * pad;
    let mut groups: Vec<GroupBox> = Vec::new();
    let mut y = o.margin;
    let mut right = 0f64;
    for (band, &provider) in bands.bands.iter().enumerate() {
        let band_top = y;
        let band_group = groups.len();
        let label = match provider {
            Some(p) => model.providers[p.index()].name.clone(),
            None => "Outside the providers".to_owned(),
        };
        groups.push(GroupBox {
            provider,
            region: None,
            label,
            x: 0.0,
            y: band_top,
            width: 0.0,
            height: 0.0,
            depth: 0,
        });
        y += o.group_label;
        let (mut band_left, mut band_right) = (f64::INFINITY, f64::NEG_INFINITY);
        for &sub in &subs_of[band] {
            let s = &bands.subs[sub];
            let boxed = s.region.is_some();
            let sub_top = y;
            if boxed {
                y += o.group_label;
            }
            let (mut left, mut rightmost) = (f64::INFINITY, f64::NEG_INFINITY);
            let group = if boxed { groups.len() } else { band_group };
            for &v in &members[sub] {
                let node = &mut nodes[v];
                node.y = y + grid.slot[v] as f64 * (o.node_height + o.row_gap);
                node.group = group;
                left = left.min(node.x);
                rightmost = rightmost.max(node.x + node.width);
            }
            y += grid.rows[sub] as f64 * (o.node_height + o.row_gap) - o.row_gap;
            if let (true, Some(region)) = (boxed, s.region) {
                let r = &model.regions[region.index()];
                let mut label = region_label(&r.id, &r.name);
                // A region the model assumes (the document names no
                // `global`) says so on the map as in the tables.
                if r.provenance.assumption.is_some() {
                    label.push_str(" (assumed)");
                }
                let x = left - pad;
                let width = (rightmost + pad - x).max(label_width(&label));
                y += pad;
                band_left = band_left.min(x);
                band_right = band_right.max(x + width);
                groups.push(GroupBox {
                    provider,
                    region: Some(region),
                    label,
                    x,
                    y: sub_top,
                    width,
                    height: y - sub_top,
                    depth: 1,
                });
            } else {
                band_left = band_left.min(left - pad);
                band_right = band_right.max(rightmost + pad);
            }
            y += pad;
        }
        let group = &mut groups[band_group];
        group.x = band_left - pad;
        group.width = (band_right + pad - group.x).max(label_width(&group.label));
        group.height = y - band_top;
        right = right.max(group.x + group.width);
        y += o.band_gap;
    }
    Geometry {
        nodes,
        groups,
        width: right + o.margin,
        height: y - o.band_gap + o.margin,
    }
}

/// `asia-east1 · Taiwan`, or just the name when it already says the id.
#[allow(clippy::disallowed_macros)] // Predates the rule: one label per region band, once per layout.
fn region_label(id: &str, name: &str) -> String {
    // ASCII case only: region ids are ASCII, and full Unicode case mapping
    // would bring its tables into the browser bundle.
    let lower = name.to_ascii_lowercase();
    if lower.starts_with(&id.to_ascii_lowercase()) {
        name.to_owned()
    } else {
        format!("{id} · {name}")
    }
}
