//! Edge paths: smooth curves from the right side of the dependent to the
//! left side of its dependency; reversed edges loop under their nodes.

use archsim_core::order::sort_by;

use super::graph::Graph;
use super::{EdgePath, LayoutOptions, NodeBox};

type Point = (f64, f64);

/// Share of a box's side, centred, over which edge ends spread.
const PORT_SPAN: f64 = 0.6;

/// The path of every merged edge; labels go halfway along its first curve,
/// where edges leaving one box have already parted.
///
/// Edges leaving (or entering) one side of a box get their own port on that
/// side, ordered by where the other end is, so they fan out without
/// crossing at the box.
/// Complexity: O(E log E).
pub(super) fn paths(
    graph: &Graph,
    reversed: &[bool],
    nodes: &[NodeBox],
    options: &LayoutOptions,
) -> Vec<EdgePath> {
    let centre = |v: usize| nodes[v].y + nodes[v].height / 2.0;
    let forward =
        |e: usize| !reversed[e] && nodes[graph.edges[e].from].x < nodes[graph.edges[e].to].x;
    let n = graph.nodes.len();
    let mut out_port = vec![0.5; graph.edges.len()];
    let mut in_port = vec![0.5; graph.edges.len()];
    for v in 0..n {
        let mut leaving: Vec<usize> = graph.out[v]
            .iter()
            .copied()
            .filter(|&e| forward(e))
            .collect();
        sort_by(&mut leaving, |&a, &b| {
            centre(graph.edges[a].to)
                .total_cmp(&centre(graph.edges[b].to))
                .then(a.cmp(&b))
        });
        spread(&leaving, &mut out_port);
        let mut entering: Vec<usize> = graph.inc[v]
            .iter()
            .copied()
            .filter(|&e| forward(e))
            .collect();
        sort_by(&mut entering, |&a, &b| {
            centre(graph.edges[a].from)
                .total_cmp(&centre(graph.edges[b].from))
                .then(a.cmp(&b))
        });
        spread(&entering, &mut in_port);
    }
    graph
        .edges
        .iter()
        .enumerate()
        .map(|(e, m)| {
            let (s, t) = (&nodes[m.from], &nodes[m.to]);
            let (points, label_at) = if forward(e) {
                let start = (s.x + s.width, s.y + s.height * out_port[e]);
                let end = (t.x, t.y + t.height * in_port[e]);
                let points = forward_path(start, end, t, options);
                let first: [Point; 4] = [points[0], points[1], points[2], points[3]];
                (points, bezier(&first, 0.5))
            } else {
                let start = (s.x + s.width / 2.0, s.y + s.height);
                let end = (t.x + t.width / 2.0, t.y + t.height);
                let low = start.1.max(end.1) + options.row_gap * 1.5;
                let curve = [start, (start.0, low), (end.0, low), end];
                let at = bezier(&curve, 0.5);
                (curve.to_vec(), at)
            };
            EdgePath {
                edges: m.ids.clone(),
                from: graph.nodes[m.from],
                to: graph.nodes[m.to],
                points,
                kind: m.kind,
                hop: m.hop,
                label: m.label.clone(),
                label_at,
                reversed: reversed[e],
            }
        })
        .collect()
}

/// Give the edges, in order, evenly spaced ports across the middle of a side.
fn spread(edges: &[usize], port: &mut [f64]) {
    let k = edges.len() as f64;
    for (i, &e) in edges.iter().enumerate() {
        port[e] = (1.0 - PORT_SPAN) / 2.0 + PORT_SPAN * (i as f64 + 1.0) / (k + 1.0);
    }
}

/// A point of a cubic Bézier.
fn bezier(c: &[Point; 4], t: f64) -> Point {
    let u = 1.0 - t;
    let (a, b, cc, d) = (u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t);
    (
        a * c[0].0 + b * c[1].0 + cc * c[2].0 + d * c[3].0,
        a * c[0].1 + b * c[1].1 + cc * c[2].1 + d * c[3].1,
    )
}

/// A left-to-right path from `start` (the source's right side) to `end`
/// (the target's left side).
///
/// Into the next column: one S-curve. Further: an S-curve in the gap after
/// the source's column down (or up) to the lane between the target's row and
/// its neighbour, straight along that lane, and an S-curve in the gap before
/// the target into its side. Rows line up across the columns of a band and
/// columns across the bands, so lanes and gaps hold no boxes: a long edge
/// never runs through a component.
fn forward_path(start: Point, end: Point, target: &NodeBox, options: &LayoutOptions) -> Vec<Point> {
    let gap = options.layer_gap;
    let turn = start.0 + gap;
    let land = end.0 - gap;
    if land <= turn + 1.0 {
        let bend = (end.0 - start.0) / 2.0;
        return vec![start, (start.0 + bend, start.1), (end.0 - bend, end.1), end];
    }
    let above = target.y - options.row_gap / 2.0;
    let below = target.y + target.height + options.row_gap / 2.0;
    let lane = if (start.1 - above).abs() <= (start.1 - below).abs() {
        above
    } else {
        below
    };
    let half = gap / 2.0;
    let third = (land - turn) / 3.0;
    vec![
        start,
        (start.0 + half, start.1),
        (turn - half, lane),
        (turn, lane),
        (turn + third, lane),
        (land - third, lane),
        (land, lane),
        (land + half, lane),
        (end.0 - half, end.1),
        end,
    ]
}
