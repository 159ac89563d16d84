//! Which flows a change can touch, and what each of them reads: so the
//! impact asks a single failure only of the flows whose answer it can
//! change.
//!
//! Why skipping the rest is exact. A flow's answer under a set of failed
//! components is computed from what it *reads*: for a host, the components
//! its requests can reach from the zone along the hop edges that carry
//! the host (`Engine::hop_order`), and for an internal flow its steps;
//! then, for each of those, its dependency edges that count for the flow
//! (`Engine::dependencies`), transitively. Nothing else enters: a
//! component's state is a function of whether it failed and of its
//! dependencies' states along those edges (kind, and flow filter), and the
//! route's value of the states along the hops (kind, order); the hop
//! depth limit and every tie-break depend only on each node's hops in
//! model order. So take the flow's reads in NEW, from the same start (the
//! zone, or the same steps by id), and compare, node by node by id, the
//! edges that count for it (target id, kind, hop, whether limited to some
//! flows, whether limited to some hosts), in model order. If every node
//! has its twin in OLD (the component with its id) with the same list,
//! then OLD's reads, walked from the same start along the same edges by
//! id, are the same ids, and the two evaluations are the same walk over
//! the same ids: under any failures named by id (a single failure, or a
//! scenario that fails and restarts the same ids on both sides) both give
//! the same state. The flow is *untouched*: no such failure can show it
//! changing. And a *touched* flow, under the failure of a component it
//! reads on neither side, gives on each side its answer with nothing
//! failing. (The module reads more than a flow needs, every hop that
//! carries its host from any component it reads and every dependency for
//! it, which only makes a flow touched more often.)

use std::collections::HashMap;

use super::positions;
use crate::engine::Engine;
use crate::model::{Edge, FlowStart, Model};

/// The flows a change touches, and what each reads.
pub(crate) struct Scope {
    /// Flows both models have whose answer may differ under a single
    /// failure: (NEW's index, OLD's index), in NEW's order.
    pub touched: Vec<(usize, usize)>,
    /// For each touched flow, the components both models have that it
    /// reads in either (NEW's indices, each once).
    pub reads: Vec<Vec<usize>>,
}

/// One model, with its edges by their source (in model order), its
/// components by id, and a walk's marks.
struct Side<'m> {
    model: &'m Model,
    out: Vec<Vec<usize>>,
    ids: HashMap<&'m str, usize>,
    /// The walk's visit marks: `mark[c] == stamp` when visited.
    mark: Vec<u32>,
    stamp: u32,
}

impl<'m> Side<'m> {
    fn new(model: &'m Model) -> Side<'m> {
        let mut out = vec![Vec::new(); model.components.len()];
        for (i, e) in model.edges.iter().enumerate() {
            out[e.from.index()].push(i);
        }
        Side {
            model,
            out,
            ids: positions(&model.components, |c| &c.id),
            mark: vec![0; model.components.len()],
            stamp: 0,
        }
    }

    /// The edges out of `c` that count for flow `flow` (this model's
    /// index) starting at `host`, in model order.
    fn counting<'a>(
        &'a self,
        c: usize,
        flow: usize,
        host: Option<&'a str>,
    ) -> impl Iterator<Item = &'m Edge> + 'a {
        let model = self.model;
        self.out[c]
            .iter()
            .map(move |&e| &model.edges[e])
            .filter(move |e| counts(e, flow, host))
    }

    /// The flow's first components: the zone for a host, its steps for a
    /// path.
    fn roots(&self, flow: usize) -> Vec<usize> {
        match &self.model.flows[flow].start {
            FlowStart::Host(_) => vec![self.model.zone.component.index()],
            FlowStart::Path(steps) => steps.iter().map(|c| c.index()).collect(),
        }
    }

    /// Every component flow `flow` reads, from its roots along the edges
    /// that count for it; with `twin`, also whether each has a twin there
    /// with the same edges (`false` at the first that does not).
    fn reads(&mut self, flow: usize, mut twin: Option<(&Side<'_>, usize)>) -> (Vec<usize>, bool) {
        self.stamp += 1;
        let host = self.model.flows[flow].entry_host();
        let mut same = true;
        if let Some((other, f)) = twin {
            let ids = |side: &Side<'_>, roots: Vec<usize>| -> Vec<String> {
                roots
                    .iter()
                    .map(|&c| side.model.components[c].id.clone())
                    .collect()
            };
            same = ids(self, self.roots(flow)) == ids(other, other.roots(f))
                && host == other.model.flows[f].entry_host();
            if !same {
                twin = None;
            }
        }
        let mut stack = self.roots(flow);
        let mut seen = Vec::new();
        while let Some(c) = stack.pop() {
            if self.mark[c] == self.stamp {
                continue;
            }
            self.mark[c] = self.stamp;
            seen.push(c);
            if same && let Some((other, f)) = twin {
                same = other
                    .ids
                    .get(self.model.components[c].id.as_str())
                    .is_some_and(|&o| self.same_edges(c, flow, host, other, o, f));
                if !same {
                    twin = None;
                }
            }
            for e in self.counting(c, flow, host) {
                if self.mark[e.to.index()] != self.stamp {
                    stack.push(e.to.index());
                }
            }
        }
        (seen, same)
    }

    /// Whether `c` here and `o` in `other` have the same edges counting
    /// for the flow, in model order, compared by what they mean.
    fn same_edges(
        &self,
        c: usize,
        flow: usize,
        host: Option<&str>,
        other: &Side<'_>,
        o: usize,
        f: usize,
    ) -> bool {
        let key = |side: &Side<'_>, e: &Edge| {
            (
                side.model.components[e.to.index()].id.clone(),
                e.kind,
                e.hop,
                e.flows.is_empty(),
                e.hosts.is_empty(),
            )
        };
        let mut mine = self.counting(c, flow, host);
        let mut theirs = other.counting(o, f, host);
        loop {
            match (mine.next(), theirs.next()) {
                (None, None) => return true,
                (Some(a), Some(b)) if key(self, a) == key(other, b) => {}
                _ => return false,
            }
        }
    }
}

/// Whether edge `e` counts for flow `flow` starting at `host`: a hop that
/// carries the host, or a dependency for every flow or for this one.
fn counts(e: &Edge, flow: usize, host: Option<&str>) -> bool {
    if e.hop {
        host.is_some_and(|h| e.hop_serves(h))
    } else {
        e.flows.is_empty() || e.flows.iter().any(|f| f.index() == flow)
    }
}

/// The flows both models have that a change may touch, and what each
/// reads (see the module's doc).
///
/// Complexity: O(Σ over shared flows of what each reads, with its edges);
/// on a model whose flows each read a small part of it, near-linear.
pub(crate) fn scope(old: &Engine, new: &Engine) -> Scope {
    let (om, nm) = (old.model(), new.model());
    let mut was = Side::new(om);
    let mut is = Side::new(nm);
    let old_flows = positions(&om.flows, |f| &f.id);
    let mut out = Scope {
        touched: Vec::new(),
        reads: Vec::new(),
    };
    // Which NEW components one touched flow's reads hold already.
    let mut held = vec![usize::MAX; nm.components.len()];
    for (j, flow) in nm.flows.iter().enumerate() {
        let Some(&i) = old_flows.get(flow.id.as_str()) else {
            continue;
        };
        let (mut reads, same) = is.reads(j, Some((&was, i)));
        if same {
            continue;
        }
        let k = out.touched.len();
        for &c in &reads {
            held[c] = k;
        }
        let (old_reads, _) = was.reads(i, None);
        for c in old_reads {
            if let Some(&n) = is.ids.get(om.components[c].id.as_str())
                && held[n] != k
            {
                held[n] = k;
                reads.push(n);
            }
        }
        // Only components both have are failed alone.
        let shared = &was.ids;
        reads.retain(|&c| shared.contains_key(nm.components[c].id.as_str()));
        out.touched.push((j, i));
        out.reads.push(reads);
    }
    out
}
