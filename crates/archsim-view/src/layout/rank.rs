//! Breaking cycles and assigning layers (the x of every node).

use archsim_core::EdgeKind;
use archsim_core::order::sort_by_key;

use super::graph::Graph;

/// How much an edge should keep its direction: hops most, then by kind
/// ([`EdgeKind::rank`]), safety nets least, so the edges reversed to break
/// cycles are the background ones where possible.
fn priority(hop: bool, kind: EdgeKind) -> u8 {
    if hop { 0 } else { kind.rank() }
}

/// A feedback arc set: the edges that close a cycle, to be reversed.
///
/// A depth-first search from the sources (then from every node left), taking
/// each node's edges in [`priority`] order; an edge into a node still on the
/// stack closes a cycle.
/// Complexity: O(V + E log E).
pub(super) fn feedback_arcs(graph: &Graph) -> Vec<bool> {
    let n = graph.nodes.len();
    let mut reversed = vec![false; graph.edges.len()];
    let mut out: Vec<Vec<usize>> = graph.out.clone();
    for edges in &mut out {
        sort_by_key(edges, |&e| {
            let m = &graph.edges[e];
            (priority(m.hop, m.kind), m.to, e)
        });
    }
    const NEW: u8 = 0;
    const OPEN: u8 = 1;
    const DONE: u8 = 2;
    let mut mark = vec![NEW; n];
    let roots = (0..n)
        .filter(|&v| graph.inc[v].is_empty())
        .chain(0..n)
        .collect::<Vec<_>>();
    let mut stack: Vec<(usize, usize)> = Vec::new();
    for root in roots {
        if mark[root] != NEW {
            continue;
        }
        mark[root] = OPEN;
        stack.push((root, 0));
        while let Some(top) = stack.last_mut() {
            let (v, next) = *top;
            if let Some(&e) = out[v].get(next) {
                top.1 += 1;
                let w = graph.edges[e].to;
                match mark[w] {
                    NEW => {
                        mark[w] = OPEN;
                        stack.push((w, 0));
                    }
                    OPEN => reversed[e] = true,
                    _ => {}
                }
            } else {
                mark[v] = DONE;
                stack.pop();
            }
        }
    }
    reversed
}

/// The layer of every node: longest path from the sources over the edges
/// (reversed ones flipped), then nodes with more dependencies than
/// dependents move right, next to the nearest thing they need.
///
/// Returns: a layer per node, the leftmost 0; every edge not reversed goes
/// from a lower layer to a higher one.
/// Complexity: O(V + E).
pub(super) fn layers(graph: &Graph, reversed: &[bool]) -> Vec<usize> {
    let n = graph.nodes.len();
    let ends = |e: usize| {
        let m = &graph.edges[e];
        if reversed[e] {
            (m.to, m.from)
        } else {
            (m.from, m.to)
        }
    };
    let mut succ: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut pred: Vec<Vec<usize>> = vec![Vec::new(); n];
    for e in 0..graph.edges.len() {
        let (a, b) = ends(e);
        succ[a].push(b);
        pred[b].push(a);
    }
    // Kahn's algorithm; the ready list is taken in index order for determinism.
    let mut pending: Vec<usize> = pred.iter().map(Vec::len).collect();
    let mut ready: Vec<usize> = (0..n).rev().filter(|&v| pending[v] == 0).collect();
    let mut topo = Vec::with_capacity(n);
    while let Some(v) = ready.pop() {
        topo.push(v);
        for &w in succ[v].iter().rev() {
            pending[w] -= 1;
            if pending[w] == 0 {
                ready.push(w);
            }
        }
    }
    // The reversed edges leave a DAG, so every node is reached; stay total anyway.
    if topo.len() < n {
        let mut seen = vec![false; n];
        for &v in &topo {
            seen[v] = true;
        }
        topo.extend((0..n).filter(|&v| !seen[v]));
    }
    let mut layer = vec![0usize; n];
    for &v in &topo {
        for &w in &succ[v] {
            layer[w] = layer[w].max(layer[v] + 1);
        }
    }
    for &v in topo.iter().rev() {
        if succ[v].len() > pred[v].len() {
            let nearest = succ[v].iter().map(|&w| layer[w]).min().unwrap_or(0);
            if nearest > layer[v] + 1 {
                layer[v] = nearest - 1;
            }
        }
    }
    let low = layer.iter().copied().min().unwrap_or(0);
    for l in &mut layer {
        *l -= low;
    }
    layer
}
