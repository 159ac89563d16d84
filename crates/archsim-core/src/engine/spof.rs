//! Single points of failure, with dominators.
//!
//! A flow goes down when every way through its route (or its path) meets a
//! component that is down. A component is down when it fails or when
//! something it needs on every request is down. So for a flow we build its
//! small route graph — a virtual root before the entry, a virtual sink after
//! every origin (and after every cache, which can answer alone) — and take
//! the dominators of the sink: every route node that all ways pass through
//! (petgraph's `simple_fast`). Everything such a node needs on every request
//! is a single point of failure too. Only where a route has alternatives can
//! a shared requirement of several alternatives cut every way at once; those
//! few candidates are checked directly on the small route graph.

use std::collections::{HashMap, HashSet};

use petgraph::algo::dominators::simple_fast;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::{Bfs, EdgeFiltered, EdgeRef};

use super::Engine;
use crate::basis::Basis;
use crate::model::{CompId, EdgeKind, FlowId, FlowStart};

/// The single points of failure of one flow.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FlowSpof {
    /// The flow.
    pub flow: FlowId,
    /// Components whose failure alone takes the flow down, in model order.
    pub components: Vec<CompId>,
    /// What the answer rests on: a complete list of what the flow
    /// hinges on rests on everything it relies on (its route or steps and
    /// their dependencies). That one component is a single point of
    /// failure rests on less: see [`Engine::spof_basis`].
    pub basis: Basis,
    /// Whether the search stopped at [`MAX_SPOF_STEPS`]: then every
    /// component listed is a single point of failure, but some may be
    /// missing.
    pub cut_short: bool,
}

impl FlowSpof {
    /// What every shell says after the list when [`FlowSpof::cut_short`]
    /// holds: the list is certain but may be incomplete.
    pub const CUT_SHORT_NOTE: &'static str =
        "and perhaps more: the search stopped at its limit of steps";
}

/// The most steps the search for one flow's single points of failure
/// takes: components and edges looked at while gathering what route nodes
/// need, and nodes visited while checking whether a shared requirement
/// cuts every way. The shipped model's flows take a few hundred; a crafted
/// model (many alternatives, each needing a long chain) could take the
/// square of its size.
pub const MAX_SPOF_STEPS: usize = 1_000_000;

/// A flow's route graph with its virtual root and sink.
struct RouteGraph {
    graph: DiGraph<Option<CompId>, ()>,
    root: NodeIndex,
    sink: NodeIndex,
    nodes: HashMap<CompId, NodeIndex>,
}

impl Engine {
    /// Single points of failure of every flow.
    ///
    /// Complexity: per flow, O(r log r) for the dominators of its route graph
    /// (r nodes, usually under ten, reached at most
    /// [`MAX_HOP_DEPTH`](super::MAX_HOP_DEPTH) hops deep, as routing
    /// reaches them) plus the size of the request-time dependency closures
    /// of its route nodes, plus one walk of the route graph per shared
    /// requirement of alternatives; those two together stop at
    /// [`MAX_SPOF_STEPS`], and the answer says so.
    pub fn spof(&self) -> Vec<FlowSpof> {
        (0..self.model.flows.len())
            .map(|i| self.flow_spof(FlowId::from_index(i)))
            .collect()
    }

    /// Single points of failure of one flow, with the assumptions they
    /// rest on.
    pub fn flow_spof(&self, flow: FlowId) -> FlowSpof {
        let mut steps = MAX_SPOF_STEPS;
        let components = self.spof_within(flow, &mut steps);
        FlowSpof {
            flow,
            components,
            basis: self.flow_closure_basis(flow),
            cut_short: steps == 0,
        }
    }

    /// Single points of failure of one flow, in model order; when the
    /// search is cut short (see [`FlowSpof::cut_short`]), those found.
    pub fn spof_of(&self, flow: FlowId) -> Vec<CompId> {
        let mut steps = MAX_SPOF_STEPS;
        self.spof_within(flow, &mut steps)
    }

    /// Single points of failure of one flow, in model order, in at most
    /// `steps` steps; `steps` is left at 0 when they ran out. The
    /// dominators' requirements come first: each is certain alone.
    fn spof_within(&self, flow: FlowId, steps: &mut usize) -> Vec<CompId> {
        let route = self.route_graph(flow);
        let dominators = simple_fast(&route.graph, route.root);
        let mut spof: HashSet<CompId> = HashSet::new();
        let mut dominating: HashSet<CompId> = HashSet::new();
        if let Some(doms) = dominators.strict_dominators(route.sink) {
            for node in doms {
                if let Some(c) = route.graph[node] {
                    dominating.insert(c);
                    spof.extend(self.requirements(c, flow, steps));
                }
            }
        }
        // Alternatives: a requirement shared by every way round is a SPOF too.
        // Per candidate, the route nodes its failure takes down: one pass
        // over the requirements, not a scan of them per candidate.
        // As (candidate, node) pairs sorted by candidate: each candidate's
        // nodes are one run (a node once per candidate, as a route node's
        // requirements are distinct). A sorted list, not a map of sets: two
        // more hash-table types cost the wasm bundle some 3 KB.
        let mut blocked_by: Vec<(CompId, NodeIndex)> = Vec::new();
        for (&c, &node) in route.nodes.iter().filter(|(c, _)| !dominating.contains(c)) {
            for r in self.requirements(c, flow, steps) {
                if !spof.contains(&r) {
                    blocked_by.push((r, node));
                }
            }
        }
        if *steps == 0 {
            // Some requirements were not gathered: a candidate's blocked
            // nodes may be too few, and a cut found with them would be wrong.
            blocked_by.clear();
        }
        crate::order::sort_by(&mut blocked_by, |a, b| a.0.cmp(&b.0));
        let mut blocked = vec![false; route.graph.node_count()];
        for run in blocked_by.chunk_by(|a, b| a.0 == b.0) {
            // One node that no dominator is cuts no way alone: no walk.
            if run.len() < 2 {
                continue;
            }
            for &(_, node) in run {
                blocked[node.index()] = true;
            }
            if reaches(&route, &blocked, steps) == Some(false) {
                spof.insert(run[0].0);
            }
            for &(_, node) in run {
                blocked[node.index()] = false;
            }
        }
        let mut out: Vec<CompId> = spof.into_iter().collect();
        crate::order::sort(&mut out);
        out
    }

    /// What "`c` is a single point of failure of `flow`" rests on: the
    /// answer that the flow is down when `c` alone fails.
    pub fn spof_basis(&self, flow: FlowId, c: CompId) -> Basis {
        let mut selection = crate::select::Selection::default();
        selection.failed.insert(c);
        let specific = self.flow_specific[flow.index()].then_some(flow);
        let states = self.lazy_states(&selection, specific);
        self.flow_outcome(flow, &states).basis
    }

    /// The component and everything it needs on every request, for `flow`;
    /// only part of it when `steps` run out (each edge looked at is one).
    fn requirements(&self, c: CompId, flow: FlowId, steps: &mut usize) -> Vec<CompId> {
        let mut seen = vec![c];
        let mut visited = HashSet::from([c]);
        let mut next = 0;
        while next < seen.len() {
            let at = seen[next];
            next += 1;
            for e in self.edges_from(at) {
                if *steps == 0 {
                    return seen;
                }
                *steps -= 1;
                let edge = &self.model.edges[e.index()];
                if !edge.hop
                    && edge.kind == EdgeKind::Request
                    && edge.active_for(flow)
                    && visited.insert(edge.to)
                {
                    seen.push(edge.to);
                }
            }
        }
        seen
    }

    fn route_graph(&self, flow: FlowId) -> RouteGraph {
        let mut graph = DiGraph::new();
        let root = graph.add_node(None);
        let sink = graph.add_node(None);
        let mut nodes: HashMap<CompId, NodeIndex> = HashMap::new();
        let mut node = |graph: &mut DiGraph<Option<CompId>, ()>, c: CompId| {
            *nodes.entry(c).or_insert_with(|| graph.add_node(Some(c)))
        };
        match &self.model.flows[flow.index()].start {
            FlowStart::Path(steps) => {
                let mut previous = root;
                for &step in steps {
                    let n = node(&mut graph, step);
                    graph.update_edge(previous, n, ());
                    previous = n;
                }
                graph.update_edge(previous, sink, ());
            }
            FlowStart::Host(host) => {
                let start = node(&mut graph, self.model.zone.component);
                graph.add_edge(root, start, ());
                // The route's own walk: it ends where routing ends. Parallel
                // edges change no dominator and no way through, so edges are
                // added, not looked for first (a hub with many hops made
                // that a square).
                for (at, followed) in self.hop_order(host) {
                    let from = node(&mut graph, at);
                    let mut any = false;
                    for e in self.hop_edges(at, host).filter(|_| followed) {
                        any = true;
                        let edge = &self.model.edges[e.index()];
                        let to = node(&mut graph, edge.to);
                        graph.add_edge(from, to, ());
                        if edge.kind == EdgeKind::Cached {
                            graph.add_edge(from, sink, ());
                        }
                    }
                    if !any {
                        graph.add_edge(from, sink, ());
                    }
                }
            }
        }
        RouteGraph {
            graph,
            root,
            sink,
            nodes,
        }
    }
}

/// Whether the sink is reachable from the root without entering `blocked`;
/// `None` when `steps` run out first (each node visited is one).
fn reaches(route: &RouteGraph, blocked: &[bool], steps: &mut usize) -> Option<bool> {
    let open = EdgeFiltered::from_fn(&route.graph, |e| !blocked[e.target().index()]);
    let mut bfs = Bfs::new(&open, route.root);
    while let Some(n) = bfs.next(&open) {
        if n == route.sink {
            return Some(true);
        }
        *steps = steps.checked_sub(1)?;
    }
    Some(false)
}
