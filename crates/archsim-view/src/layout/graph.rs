//! The drawn graph: the selected components and their merged edges.

use archsim_core::order::sort_indices;
use archsim_core::{CompId, EdgeId, EdgeKind, EdgeOrigin, Model};

/// Labels longer than this collapse to a count ("7 hosts").
const LABEL_MAX: usize = 28;

/// Components and edges as the layout sees them: nodes are local indices
/// `0..nodes.len()` in model order.
pub(super) struct Graph {
    /// Drawn components, in model order.
    pub nodes: Vec<CompId>,
    /// Merged edges, in the order of their first model edge.
    pub edges: Vec<Merged>,
    /// Edge indices leaving each node.
    pub out: Vec<Vec<usize>>,
    /// Edge indices entering each node.
    pub inc: Vec<Vec<usize>>,
}

/// Every model edge from one drawn component to another, merged.
pub(super) struct Merged {
    pub ids: Vec<EdgeId>,
    pub from: usize,
    pub to: usize,
    pub kind: EdgeKind,
    pub hop: bool,
    pub label: Option<String>,
}

impl Graph {
    /// The graph of the components `only` names (all when `None`).
    ///
    /// Complexity: O(V + E log E).
    pub fn build(model: &Model, only: Option<&[CompId]>) -> Graph {
        let n = model.components.len();
        let mut drawn = vec![only.is_none(); n];
        for c in only.unwrap_or_default() {
            if let Some(slot) = drawn.get_mut(c.index()) {
                *slot = true;
            }
        }
        let mut local = vec![usize::MAX; n];
        let mut nodes = Vec::new();
        for (i, keep) in drawn.iter().enumerate() {
            if *keep {
                local[i] = nodes.len();
                nodes.push(CompId::from_index(i));
            }
        }
        // Model edges between two different drawn components, in model order.
        let mut drawn_edges: Vec<(usize, usize, EdgeId)> = Vec::new();
        for (i, e) in model.edges.iter().enumerate() {
            let (Some(&from), Some(&to)) = (local.get(e.from.index()), local.get(e.to.index()))
            else {
                continue;
            };
            if from != usize::MAX && to != usize::MAX && from != to {
                drawn_edges.push((from, to, EdgeId::from_index(i)));
            }
        }
        // The first edge of every edge's (from, to) pair: a stable sort by
        // pair puts each pair's edges together, first edge first.
        let pair = |k: usize| (drawn_edges[k].0, drawn_edges[k].1);
        let mut first = vec![0usize; drawn_edges.len()];
        let mut run = 0;
        let by_pair = sort_indices(drawn_edges.len(), &mut |a, b| pair(a).cmp(&pair(b)));
        for (i, &k) in by_pair.iter().enumerate() {
            if i == 0 || pair(by_pair[i - 1]) != pair(k) {
                run = k;
            }
            first[k] = run;
        }
        let mut merged: Vec<Merged> = Vec::new();
        let mut merged_at = vec![usize::MAX; drawn_edges.len()];
        for (k, &(from, to, id)) in drawn_edges.iter().enumerate() {
            let e = &model.edges[id.index()];
            if first[k] == k {
                merged_at[k] = merged.len();
                merged.push(Merged {
                    ids: vec![id],
                    from,
                    to,
                    kind: e.kind,
                    hop: e.hop,
                    label: None,
                });
            } else {
                let m = &mut merged[merged_at[first[k]]];
                m.ids.push(id);
                m.kind = m.kind.min(e.kind);
                m.hop |= e.hop;
            }
        }
        let mut out = vec![Vec::new(); nodes.len()];
        let mut inc = vec![Vec::new(); nodes.len()];
        for (i, m) in merged.iter_mut().enumerate() {
            m.label = label(model, &m.ids, m.kind);
            out[m.from].push(i);
            inc[m.to].push(i);
        }
        Graph {
            nodes,
            edges: merged,
            out,
            inc,
        }
    }
}

/// What to write along a merged edge: the hosts of its records or of its
/// host-limited hops (without the zone), else the kind of a dependency that
/// is not needed on every request. Plain request edges and `runs_in` edges
/// stay unlabelled: they are the common case, and the line style says it.
#[allow(clippy::disallowed_macros)] // Predates the rule: edge labels, once per layout.
fn label(model: &Model, ids: &[EdgeId], kind: EdgeKind) -> Option<String> {
    let zone = format!(".{}", model.zone.name);
    let mut hosts: Vec<&str> = Vec::new();
    for id in ids {
        let edge = &model.edges[id.index()];
        match edge.origin {
            EdgeOrigin::Record(r) => hosts.push(&model.records[r.index()].host),
            _ if edge.hop => hosts.extend(edge.hosts.iter().map(String::as_str)),
            _ => {}
        }
    }
    if !hosts.is_empty() {
        let short: Vec<String> = hosts
            .iter()
            .map(|h| h.strip_suffix(zone.as_str()).unwrap_or(h).to_owned())
            .collect();
        let joined = short.join(", ");
        return Some(if joined.chars().count() <= LABEL_MAX {
            joined
        } else {
            format!("{} hosts", short.len())
        });
    }
    let runs_in = ids
        .iter()
        .any(|id| model.edges[id.index()].origin == EdgeOrigin::RunsIn);
    if runs_in {
        return None;
    }
    kind.tag().map(str::to_owned)
}
