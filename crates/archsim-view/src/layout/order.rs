//! The order and row of every node inside its band (the y).

use archsim_core::order::{sort_by, sort_indices};

use super::bands::Bands;
use super::graph::Graph;

/// Rows of every sub-band, and the row of every node within its sub-band.
pub(super) struct Grid {
    /// Rows per sub-band: the most nodes any of its layers holds.
    pub rows: Vec<usize>,
    /// Row of every node, counted from the top of its sub-band.
    pub slot: Vec<usize>,
}

/// Order the nodes of every (sub-band, layer) cell and give each a row.
///
/// Each sweep visits the layers left to right (then right to left on the
/// next sweep) and sorts every cell by the barycenter of its nodes'
/// neighbours on the side already visited — the classic heuristic for
/// fewer crossings. Then each node takes the row nearest that barycenter
/// that still keeps the order, so a lone node sits level with its
/// neighbours and its edges run straight.
/// Complexity: O(sweeps · (E + V log V)).
pub(super) fn arrange(graph: &Graph, layers: &[usize], bands: &Bands, sweeps: usize) -> Grid {
    let n = graph.nodes.len();
    // The cells in (sub-band, layer) order, each listing its nodes in index
    // order (the sort is stable).
    let cell_of = |v: usize| (bands.of_node[v], layers[v]);
    let mut cells: Vec<((usize, usize), Vec<usize>)> = Vec::new();
    for v in sort_indices(layers.len(), &mut |a, b| cell_of(a).cmp(&cell_of(b))) {
        match cells.last_mut() {
            Some((key, cell)) if *key == cell_of(v) => cell.push(v),
            _ => cells.push((cell_of(v), vec![v])),
        }
    }
    let mut rows = vec![0usize; bands.subs.len()];
    for ((sub, _), cell) in &cells {
        rows[*sub] = rows[*sub].max(cell.len());
    }
    // A sub-band's first row in the whole drawing (one spare row per label).
    let mut offset = vec![0f64; bands.subs.len()];
    let mut total = 0f64;
    for (sub, &r) in rows.iter().enumerate() {
        offset[sub] = total;
        total += r as f64 + 1.0;
    }
    let mut slot = vec![0usize; n];
    for (_, cell) in &cells {
        for (i, &v) in cell.iter().enumerate() {
            slot[v] = i;
        }
    }
    let mut lower: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut higher: Vec<Vec<usize>> = vec![Vec::new(); n];
    for m in &graph.edges {
        let (a, b) = (m.from, m.to);
        if layers[a] < layers[b] {
            higher[a].push(b);
            lower[b].push(a);
        } else {
            lower[a].push(b);
            higher[b].push(a);
        }
    }
    let max_layer = layers.iter().copied().max().unwrap_or(0);
    let mut by_layer: Vec<Vec<Vec<usize>>> = vec![Vec::new(); max_layer + 1];
    for ((_, layer), cell) in cells {
        by_layer[layer].push(cell);
    }
    let global = |slot: &[usize], v: usize| offset[bands.of_node[v]] + slot[v] as f64;
    for sweep in 0..sweeps {
        let rightward = sweep % 2 == 0;
        for step in 0..=max_layer {
            let layer = if rightward { step } else { max_layer - step };
            for cell in &mut by_layer[layer] {
                let sub = bands.of_node[cell[0]];
                let mut keyed: Vec<(f64, usize, usize)> = cell
                    .iter()
                    .map(|&v| {
                        let side = if rightward { &lower[v] } else { &higher[v] };
                        let near = if side.is_empty() {
                            lower[v].iter().chain(&higher[v]).copied().collect()
                        } else {
                            side.clone()
                        };
                        let desired = if near.is_empty() {
                            global(&slot, v)
                        } else {
                            near.iter().map(|&u| global(&slot, u)).sum::<f64>() / near.len() as f64
                        };
                        (desired - offset[sub], slot[v], v)
                    })
                    .collect();
                sort_by(&mut keyed, |a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
                let k = keyed.len();
                let mut next = 0usize;
                for (i, &(desired, _, v)) in keyed.iter().enumerate() {
                    let latest = rows[sub] - (k - i);
                    let wanted = desired.round().max(0.0) as usize;
                    let row = wanted.clamp(next, latest);
                    slot[v] = row;
                    next = row + 1;
                }
                for (i, &(_, _, v)) in keyed.iter().enumerate() {
                    cell[i] = v;
                }
            }
        }
    }
    Grid { rows, slot }
}
