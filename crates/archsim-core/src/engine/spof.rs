//! Single points of failure, with dominators.
//!
//! A flow goes down when every way through its route (or its path) meets a
//! component that is down. A component is down when it fails or when
//! something it needs on every request is down. So for a flow we build its
//! small route graph — a virtual root before the entry, a virtual sink after
//! every origin (and after every cache, which can answer alone) — and take
//! the dominators of the sink: every route node that all ways pass through
//! (Cooper, Harvey and Kennedy's iterative algorithm, the one petgraph's
//! `simple_fast` implements, here over plain adjacency lists: petgraph's
//! copy brings a hash table and its hasher into the wasm bundle). Everything
//! such a node needs on every request
//! is a single point of failure too. Only where a route has alternatives can
//! a shared requirement of several alternatives cut every way at once; those
//! few candidates are checked directly on the small route graph.

use super::Engine;
use crate::basis::Basis;
use crate::model::{CompId, FlowId, FlowStart};

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

/// A flow's route graph: node [`ROOT`] is the virtual root, [`SINK`] the
/// virtual sink, and every other node one component of the route.
struct RouteGraph {
    /// Each node's successors, in the order their edges were added.
    next: Vec<Vec<usize>>,
    /// Each node's component (`None` for the root and the sink).
    comps: Vec<Option<CompId>>,
}

const ROOT: usize = 0;
const SINK: usize = 1;

impl RouteGraph {
    fn add_edge(&mut self, from: usize, to: usize) {
        self.next[from].push(to);
    }
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
        let idom = immediate_dominators(&route.next);
        // By component index: the single points of failure found, and a
        // scratch for the requirement walks (left all false by each).
        let mut spof = vec![false; self.model.components.len()];
        let mut visited = vec![false; self.model.components.len()];
        let mut dominating = vec![false; route.next.len()];
        // The sink's strict dominators: up its dominator tree to the root
        // (none when the sink is out of reach).
        let mut at = SINK;
        while at != ROOT && idom[at] != usize::MAX {
            at = idom[at];
            dominating[at] = true;
            if let Some(c) = route.comps[at] {
                for r in self.requirements(c, flow, steps, &mut visited) {
                    spof[r.index()] = true;
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
        let mut blocked_by: Vec<(CompId, usize)> = Vec::new();
        for (node, c) in route.comps.iter().enumerate() {
            let Some(c) = *c else { continue };
            if dominating[node] {
                continue;
            }
            for r in self.requirements(c, flow, steps, &mut visited) {
                if !spof[r.index()] {
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
        let mut blocked = vec![false; route.next.len()];
        for run in blocked_by.chunk_by(|a, b| a.0 == b.0) {
            // One node that no dominator is cuts no way alone: no walk.
            if run.len() < 2 {
                continue;
            }
            for &(_, node) in run {
                blocked[node] = true;
            }
            if reaches(&route, &blocked, steps) == Some(false) {
                spof[run[0].0.index()] = true;
            }
            for &(_, node) in run {
                blocked[node] = false;
            }
        }
        (0..spof.len())
            .filter(|&i| spof[i])
            .map(CompId::from_index)
            .collect()
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
    /// `visited`, by component index, comes and goes back all false.
    fn requirements(
        &self,
        c: CompId,
        flow: FlowId,
        steps: &mut usize,
        visited: &mut [bool],
    ) -> Vec<CompId> {
        let mut seen = vec![c];
        visited[c.index()] = true;
        let mut next = 0;
        'walk: while next < seen.len() {
            let at = seen[next];
            next += 1;
            for e in self.edges_from(at) {
                if *steps == 0 {
                    break 'walk;
                }
                *steps -= 1;
                let edge = &self.model.edges[e.index()];
                if !edge.hop
                    && edge.kind.hard()
                    && edge.active_for(flow)
                    && !std::mem::replace(&mut visited[edge.to.index()], true)
                {
                    seen.push(edge.to);
                }
            }
        }
        for s in &seen {
            visited[s.index()] = false;
        }
        seen
    }

    fn route_graph(&self, flow: FlowId) -> RouteGraph {
        let mut route = RouteGraph {
            next: vec![Vec::new(), Vec::new()],
            comps: vec![None, None],
        };
        // Each component's node, by component index (`usize::MAX`: none yet).
        let mut nodes = vec![usize::MAX; self.model.components.len()];
        let mut node = |route: &mut RouteGraph, c: CompId| {
            let n = &mut nodes[c.index()];
            if *n == usize::MAX {
                *n = route.next.len();
                route.next.push(Vec::new());
                route.comps.push(Some(c));
            }
            *n
        };
        match &self.model.flows[flow.index()].start {
            FlowStart::Path(steps) => {
                let mut previous = ROOT;
                for &step in steps {
                    let n = node(&mut route, step);
                    if !route.next[previous].contains(&n) {
                        route.add_edge(previous, n);
                    }
                    previous = n;
                }
                if !route.next[previous].contains(&SINK) {
                    route.add_edge(previous, SINK);
                }
            }
            FlowStart::Host(host) => {
                let start = node(&mut route, self.model.zone.component);
                route.add_edge(ROOT, start);
                // The route's own walk: it ends where routing ends. Parallel
                // edges change no dominator and no way through, so edges are
                // added, not looked for first (a hub with many hops made
                // that a square).
                for (at, followed) in self.hop_order(host) {
                    let from = node(&mut route, at);
                    let mut any = false;
                    for e in self.hop_edges(at, host).filter(|_| followed) {
                        any = true;
                        let edge = &self.model.edges[e.index()];
                        let to = node(&mut route, edge.to);
                        route.add_edge(from, to);
                        // A hop that is not hard (a cache) can answer
                        // without what lies behind it.
                        if !edge.kind.hard() {
                            route.add_edge(from, SINK);
                        }
                    }
                    if !any {
                        route.add_edge(from, SINK);
                    }
                }
            }
        }
        route
    }
}

/// Each node's immediate dominator from [`ROOT`] (the root's is itself;
/// `usize::MAX` for a node out of reach), by Cooper, Harvey and Kennedy's
/// "A Simple, Fast Dominance Algorithm".
///
/// Complexity: O(n + e) per pass over the reverse postorder; a handful of
/// passes on the graphs routes make.
fn immediate_dominators(next: &[Vec<usize>]) -> Vec<usize> {
    const NONE: usize = usize::MAX;
    let n = next.len();
    // Postorder from the root, without recursion.
    let mut post = Vec::with_capacity(n);
    let mut seen = vec![false; n];
    let mut stack = vec![(ROOT, 0)];
    seen[ROOT] = true;
    while let Some(top) = stack.last_mut() {
        let at = top.0;
        if let Some(&to) = next[at].get(top.1) {
            top.1 += 1;
            if !seen[to] {
                seen[to] = true;
                stack.push((to, 0));
            }
        } else {
            post.push(at);
            stack.pop();
        }
    }
    // Each node's place in the postorder, and its predecessors in reach.
    let mut rank = vec![NONE; n];
    for (r, &v) in post.iter().enumerate() {
        rank[v] = r;
    }
    let mut prev = vec![Vec::new(); n];
    for &v in &post {
        for &to in &next[v] {
            prev[to].push(v);
        }
    }
    let mut idom = vec![NONE; n];
    idom[ROOT] = ROOT;
    let mut changed = true;
    while changed {
        changed = false;
        for &v in post.iter().rev().filter(|&&v| v != ROOT) {
            let mut new = NONE;
            for &p in &prev[v] {
                if idom[p] == NONE {
                    continue;
                }
                new = if new == NONE {
                    p
                } else {
                    // The two fingers climb until they meet.
                    let (mut a, mut b) = (p, new);
                    while a != b {
                        while rank[a] < rank[b] {
                            a = idom[a];
                        }
                        while rank[b] < rank[a] {
                            b = idom[b];
                        }
                    }
                    a
                };
            }
            if idom[v] != new {
                idom[v] = new;
                changed = true;
            }
        }
    }
    idom
}

/// Whether the sink is reachable from the root without entering `blocked`;
/// `None` when `steps` run out first (each node visited is one).
fn reaches(route: &RouteGraph, blocked: &[bool], steps: &mut usize) -> Option<bool> {
    let mut discovered = vec![false; route.next.len()];
    discovered[ROOT] = true;
    // Breadth first, the edge added last first (as petgraph's walk went).
    let mut queue = vec![ROOT];
    let mut head = 0;
    while let Some(&n) = queue.get(head) {
        head += 1;
        for &to in route.next[n].iter().rev() {
            if !blocked[to] && !discovered[to] {
                discovered[to] = true;
                queue.push(to);
            }
        }
        if n == SINK {
            return Some(true);
        }
        *steps = steps.checked_sub(1)?;
    }
    Some(false)
}

#[cfg(test)]
mod tests {
    use super::{ROOT, immediate_dominators};

    const NONE: usize = usize::MAX;

    /// (what, node count, edges, each node's immediate dominator).
    type Case = (
        &'static str,
        usize,
        &'static [(usize, usize)],
        &'static [usize],
    );

    /// (graph as edges over `n` nodes, each node's immediate dominator).
    #[test]
    fn immediate_dominators_of_small_graphs() {
        let cases: [Case; 6] = [
            ("a chain", 4, &[(0, 2), (2, 3), (3, 1)], &[0, 3, 0, 2]),
            (
                "a diamond",
                5,
                &[(0, 2), (2, 3), (2, 4), (3, 1), (4, 1)],
                &[0, 2, 0, 2, 2],
            ),
            (
                "parallel edges",
                3,
                &[(0, 2), (2, 1), (2, 1), (0, 2)],
                &[0, 2, 0],
            ),
            ("a sink out of reach", 3, &[(0, 2)], &[0, NONE, 0]),
            (
                "a shortcut past one node",
                4,
                &[(0, 2), (2, 3), (3, 1), (2, 1)],
                &[0, 2, 0, 2],
            ),
            (
                "a loop back",
                5,
                &[(0, 2), (2, 3), (3, 4), (4, 2), (4, 1)],
                &[0, 4, 0, 2, 3],
            ),
        ];
        for (what, n, edges, expected) in cases {
            let mut next = vec![Vec::new(); n];
            for &(from, to) in edges {
                next[from].push(to);
            }
            assert_eq!(immediate_dominators(&next), expected, "{what}");
            assert_eq!(expected[ROOT], ROOT, "{what}");
        }
    }
}
