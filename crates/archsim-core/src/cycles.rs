//! "Edges of one relation form no loop": state and routes are computed in
//! dependency order. The one owner of the rule, for any model: decoding
//! and drafts ask [`acyclic`], the loader names each loop ([`loops`]).

use petgraph::algo::kosaraju_scc;
use petgraph::graph::{DiGraph, NodeIndex};

use crate::model::{CompId, Edge, Model};

/// The edges a loop may not form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relation {
    /// Dependency edges (`needs`, generated or declared).
    Dependency,
    /// Route edges (hops, from records and `routes_to`).
    Route,
}

impl Relation {
    /// Both relations.
    pub const ALL: [Relation; 2] = [Relation::Dependency, Relation::Route];

    /// `"dependency"` or `"route"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Dependency => "dependency",
            Relation::Route => "route",
        }
    }

    /// Whether `edge` is of this relation.
    pub fn has(self, edge: &Edge) -> bool {
        edge.hop == (self == Relation::Route)
    }
}

/// Whether the model's edges of `relation` form no loop (Kahn's
/// algorithm).
///
/// Complexity: O(components + edges).
pub fn acyclic(model: &Model, relation: Relation) -> bool {
    let n = model.components.len();
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut pending = vec![0usize; n];
    for e in model.edges.iter().filter(|e| relation.has(e)) {
        let (from, to) = (e.from.index(), e.to.index());
        if from >= n || to >= n {
            // Not a model's edge; `codec::check` refuses such indices first.
            return false;
        }
        out[from].push(to);
        pending[to] += 1;
    }
    let mut ready: Vec<usize> = (0..n).filter(|&i| pending[i] == 0).collect();
    let mut seen = 0;
    while let Some(i) = ready.pop() {
        seen += 1;
        for &to in &out[i] {
            pending[to] -= 1;
            if pending[to] == 0 {
                ready.push(to);
            }
        }
    }
    seen == n
}

/// One loop of edges.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Loop {
    /// The components in it (two or more), in the walk's order.
    pub members: Vec<CompId>,
    /// Its first edge in the model's order, by index into `Model::edges`.
    pub first_edge: usize,
}

/// Every loop of two or more components of the model's edges of
/// `relation` (none when [`acyclic`]). An edge from a component to itself
/// is not listed: the loader refuses it where the edge is written, and
/// [`acyclic`] counts it.
///
/// Complexity: O(components + edges); the walk keeps its own stack
/// (petgraph's Tarjan recursed once per node of a chain, and a long chain
/// overflowed the thread's stack).
pub fn loops(model: &Model, relation: Relation) -> Vec<Loop> {
    if acyclic(model, relation) {
        return Vec::new();
    }
    let mut graph: DiGraph<(), usize> =
        DiGraph::with_capacity(model.components.len(), model.edges.len());
    for _ in &model.components {
        graph.add_node(());
    }
    for (i, e) in model.edges.iter().enumerate() {
        if relation.has(e) {
            graph.add_edge(
                NodeIndex::new(e.from.index()),
                NodeIndex::new(e.to.index()),
                i,
            );
        }
    }
    let groups: Vec<Vec<NodeIndex>> = kosaraju_scc(&graph)
        .into_iter()
        .filter(|group| group.len() > 1)
        .collect();
    // Per node, its loop's number; per loop, its first edge.
    let mut group_of: Vec<Option<usize>> = vec![None; model.components.len()];
    for (g, group) in groups.iter().enumerate() {
        for n in group {
            group_of[n.index()] = Some(g);
        }
    }
    let mut first_edges: Vec<Option<usize>> = vec![None; groups.len()];
    for e in graph.edge_indices() {
        let Some((a, b)) = graph.edge_endpoints(e) else {
            continue;
        };
        if let Some(g) = group_of[a.index()].filter(|&g| group_of[b.index()] == Some(g)) {
            let edge = graph[e];
            first_edges[g] = Some(first_edges[g].map_or(edge, |f: usize| f.min(edge)));
        }
    }
    groups
        .into_iter()
        .zip(first_edges)
        // A loop of two or more components has an edge inside it.
        .filter_map(|(group, first_edge)| {
            Some(Loop {
                members: group
                    .iter()
                    .map(|n| CompId::from_index(n.index()))
                    .collect(),
                first_edge: first_edge?,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Component, EdgeKind, EdgeOrigin};

    /// A model of components `0..n` with `edges` (from, to, hop).
    fn model(n: usize, edges: &[(usize, usize, bool)]) -> Model {
        let mut m = Model::default();
        for i in 0..n {
            m.components.push(Component {
                id: i.to_string(),
                ..Component::default()
            });
        }
        for &(from, to, hop) in edges {
            m.edges.push(Edge {
                from: CompId::from_index(from),
                to: CompId::from_index(to),
                kind: EdgeKind::Request,
                hop,
                hosts: Vec::new(),
                flows: Vec::new(),
                why: String::new(),
                provenance: Default::default(),
                origin: EdgeOrigin::Declared,
                span: Default::default(),
            });
        }
        m
    }

    #[test]
    fn each_relation_is_checked_alone_and_each_loop_named_at_its_first_edge() {
        // (components, edges, relation, acyclic, loops as (members sorted, first edge))
        type Case = (
            usize,
            &'static [(usize, usize, bool)],
            Relation,
            bool,
            Vec<(Vec<usize>, usize)>,
        );
        let cases: Vec<Case> = vec![
            (
                3,
                &[(0, 1, false), (1, 2, false)],
                Relation::Dependency,
                true,
                vec![],
            ),
            (
                2,
                &[(0, 1, false), (1, 0, false)],
                Relation::Dependency,
                false,
                vec![(vec![0, 1], 0)],
            ),
            // A dependency loop is no route loop, and the other way round.
            (
                2,
                &[(0, 1, false), (1, 0, false)],
                Relation::Route,
                true,
                vec![],
            ),
            (
                2,
                &[(0, 1, true), (1, 0, false)],
                Relation::Dependency,
                true,
                vec![],
            ),
            (
                3,
                &[(2, 0, true), (0, 1, true), (1, 2, true)],
                Relation::Route,
                false,
                vec![(vec![0, 1, 2], 0)],
            ),
            // Two loops, each at its own first edge.
            (
                4,
                &[(0, 1, false), (2, 3, false), (3, 2, false), (1, 0, false)],
                Relation::Dependency,
                false,
                vec![(vec![2, 3], 1), (vec![0, 1], 0)],
            ),
        ];
        for (n, edges, relation, expect_acyclic, expected) in cases {
            let m = model(n, edges);
            assert_eq!(
                acyclic(&m, relation),
                expect_acyclic,
                "{edges:?} {relation:?}"
            );
            let mut found: Vec<(Vec<usize>, usize)> = loops(&m, relation)
                .into_iter()
                .map(|l| {
                    let mut members: Vec<usize> = l.members.iter().map(|c| c.index()).collect();
                    members.sort_unstable();
                    (members, l.first_edge)
                })
                .collect();
            let mut expected = expected;
            found.sort();
            expected.sort();
            assert_eq!(found, expected, "{edges:?} {relation:?}");
        }
    }
}
