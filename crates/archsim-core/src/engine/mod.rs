//! The engine: one loaded model, its graph, and every question about it.
//!
//! [`Engine`] owns a [`Model`] and a petgraph [`DiGraph`] whose node `i` is
//! component `i` and whose edge weights index [`Model::edges`]. Every answer
//! (route, failure simulation, single points of failure) is computed here, so
//! the CLI, the widgets and the book's preprocessor all agree.

mod component;
mod premises;
mod route;
mod simulate;
mod spof;
mod state;

use petgraph::Direction;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;

use crate::diag::Diagnostic;
#[cfg(feature = "toml")]
use crate::load::{Loaded, load_bytes, load_str};
use crate::model::{CompId, EdgeId, FlowId, Model};

pub use component::ComponentOutcome;
pub use route::{Hop, MAX_HOP_DEPTH, Route, RouteVerdict};
pub(crate) use simulate::Bases;
pub use simulate::{FlowOutcome, Outcome};
pub use spof::{FlowSpof, MAX_SPOF_STEPS};
pub use state::State;

/// The Tomoda model, as shipped in `book/model/tomoda.toml`.
#[cfg(feature = "toml")]
pub const TOMODA_MODEL: &str = include_str!("../../../../book/model/tomoda.toml");

/// The file name diagnostics use for the embedded model.
#[cfg(feature = "toml")]
pub const TOMODA_MODEL_FILE: &str = "book/model/tomoda.toml";

/// A loaded model, ready to answer questions.
#[derive(Clone, Debug)]
pub struct Engine {
    model: Model,
    graph: DiGraph<CompId, EdgeId>,
    /// Components in dependency order: every component after all it needs.
    order: Vec<CompId>,
    /// Flows that have edges of their own (`flows = [...]`).
    flow_specific: Vec<bool>,
    /// Hop edges limited to some hosts, by host, then by source component
    /// (records, ingress rules): a route looks up a component's hops, never
    /// scans every hop of its host.
    /// As `(host, source)`, sorted, beside `host_hop_edges` in the same
    /// order: one host's hops from one component are one range, in edge
    /// order. (Sorted lists, not nested maps: two more hash-table types
    /// cost the wasm bundle some 3 KB.)
    host_hops: Vec<(String, CompId)>,
    host_hop_edges: Vec<EdgeId>,
    /// Hop edges that carry every host, by source component.
    any_hops: Vec<Vec<EdgeId>>,
    warnings: Vec<Diagnostic>,
}

impl Engine {
    /// The embedded Tomoda model.
    ///
    /// The shipped model is checked by the test suite, so this cannot fail in
    /// a released build; it still returns the diagnostics rather than panic.
    #[cfg(feature = "toml")]
    pub fn tomoda() -> Result<Engine, Vec<Diagnostic>> {
        Engine::from_str(TOMODA_MODEL_FILE, TOMODA_MODEL)
    }

    /// Load a model from text. See [`crate::load_str`].
    #[cfg(feature = "toml")]
    pub fn from_str(file: &str, source: &str) -> Result<Engine, Vec<Diagnostic>> {
        Engine::from_loaded(load_str(file, source))
    }

    /// Load a model from bytes (checks size and UTF-8 first).
    #[cfg(feature = "toml")]
    pub fn from_bytes(file: &str, bytes: &[u8]) -> Result<Engine, Vec<Diagnostic>> {
        Engine::from_loaded(load_bytes(file, bytes))
    }

    /// An engine for what a load made: its model, with its warnings, or
    /// its diagnostics when it has none.
    #[cfg(feature = "toml")]
    pub fn from_loaded(loaded: Loaded) -> Result<Engine, Vec<Diagnostic>> {
        match loaded.model {
            Some(model) => Ok(Engine::new(model, loaded.diagnostics)),
            None => Err(loaded.diagnostics),
        }
    }

    /// An engine for a model encoded with [`crate::codec::encode`].
    pub fn from_encoded(bytes: &[u8]) -> Result<Engine, crate::codec::DecodeError> {
        crate::codec::decode(bytes).map(|model| Engine::new(model, Vec::new()))
    }

    /// Build the graph for a checked model.
    ///
    /// Complexity: O(V + E).
    pub fn new(model: Model, warnings: Vec<Diagnostic>) -> Engine {
        let mut graph = DiGraph::with_capacity(model.components.len(), model.edges.len());
        for i in 0..model.components.len() {
            graph.add_node(CompId::from_index(i));
        }
        for (i, e) in model.edges.iter().enumerate() {
            graph.add_edge(
                NodeIndex::new(e.from.index()),
                NodeIndex::new(e.to.index()),
                EdgeId::from_index(i),
            );
        }
        let order = dependency_order(&model, &graph);
        let mut flow_specific = vec![false; model.flows.len()];
        for e in &model.edges {
            for f in &e.flows {
                flow_specific[f.index()] = true;
            }
        }
        let mut host_hops = Vec::new();
        let mut any_hops = vec![Vec::new(); model.components.len()];
        for (i, e) in model.edges.iter().enumerate().filter(|(_, e)| e.hop) {
            if e.hosts.is_empty() {
                any_hops[e.from.index()].push(EdgeId::from_index(i));
            }
            for host in &e.hosts {
                host_hops.push((host.clone(), e.from, EdgeId::from_index(i)));
            }
        }
        // Stable: within a range, edges stay in model order.
        crate::order::sort_by(&mut host_hops, |a: &(String, CompId, EdgeId), b| {
            (&a.0, a.1).cmp(&(&b.0, b.1))
        });
        let (host_hops, host_hop_edges) = host_hops
            .into_iter()
            .map(|(host, from, edge)| ((host, from), edge))
            .unzip();
        Engine {
            model,
            graph,
            order,
            flow_specific,
            host_hops,
            host_hop_edges,
            any_hops,
            warnings,
        }
    }

    /// The model.
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// The dependency graph: node `i` is component `i`, weights index `Model::edges`.
    pub fn graph(&self) -> &DiGraph<CompId, EdgeId> {
        &self.graph
    }

    /// Warnings found while loading.
    pub fn warnings(&self) -> &[Diagnostic] {
        &self.warnings
    }

    /// Outgoing edges of a component, as edge ids.
    pub fn edges_from(&self, c: CompId) -> impl Iterator<Item = EdgeId> + '_ {
        self.graph
            .edges_directed(NodeIndex::new(c.index()), Direction::Outgoing)
            .map(|e| *e.weight())
    }

    /// Incoming edges of a component, as edge ids.
    pub fn edges_to(&self, c: CompId) -> impl Iterator<Item = EdgeId> + '_ {
        self.graph
            .edges_directed(NodeIndex::new(c.index()), Direction::Incoming)
            .map(|e| *e.weight())
    }

    /// Every component's state when the selected components fail.
    ///
    /// Complexity: O(V + E).
    pub fn component_states(&self, selection: &crate::select::Selection) -> Vec<State> {
        let states = self.states(selection, None);
        (0..self.model.components.len())
            .map(|i| states.state(CompId::from_index(i)))
            .collect()
    }

    /// Flows whose path or route passes through the component, or that need it.
    pub fn flows_using(&self, c: CompId) -> Vec<FlowId> {
        let mut selection = crate::select::Selection::default();
        selection.failed.insert(c);
        let outcome = self.simulate(&selection);
        outcome
            .flows
            .iter()
            .filter(|f| f.state != State::Ok)
            .map(|f| f.flow)
            .collect()
    }
}

/// Components in dependency order over non-hop edges (a DAG after validation).
fn dependency_order(model: &Model, graph: &DiGraph<CompId, EdgeId>) -> Vec<CompId> {
    let n = model.components.len();
    let mut pending = vec![0usize; n];
    for e in &model.edges {
        if !e.hop {
            pending[e.from.index()] += 1;
        }
    }
    let mut ready: Vec<usize> = (0..n).filter(|&i| pending[i] == 0).collect();
    let mut order = Vec::with_capacity(n);
    while let Some(i) = ready.pop() {
        order.push(CompId::from_index(i));
        for e in graph.edges_directed(NodeIndex::new(i), Direction::Incoming) {
            if !model.edges[e.weight().index()].hop {
                let from = e.source().index();
                pending[from] -= 1;
                if pending[from] == 0 {
                    ready.push(from);
                }
            }
        }
    }
    // A cyclic model never reaches the engine; keep every component anyway.
    if order.len() < n {
        let mut seen = vec![false; n];
        for c in &order {
            seen[c.index()] = true;
        }
        order.extend((0..n).filter(|&i| !seen[i]).map(CompId::from_index));
    }
    order
}
