//! Which entries of the model an answer about a flow rests on.
//!
//! - A flow that is **down** rests on how the request gets to the failure
//!   (its route up to the first component behind the verdict, or its own
//!   steps) and on the chain of dependencies from there to what failed —
//!   unless its route has alternatives: then on every way round.
//! - Any other state (**ok**, **at risk**, **degraded**) also says that
//!   nothing worse happened, which rests on every dependency list it
//!   relies on being complete: every component on its route or path, and
//!   everything they need for this flow, with the edges between them.
//!   A component whose dependencies are partly assumed makes "it stays ok"
//!   an assumed answer.
//! - The selection adds its scenarios, and, for each component the answer
//!   rests on, the fields the selectors read (picked, or left alone,
//!   because of its region, its provider, …).

use std::collections::HashSet;

use super::Engine;
use super::state::{Cause, State, States};
use crate::basis::{Basis, Premise};
use crate::model::{CompId, EdgeId, FlowId, FlowStart};
use crate::select::Selection;

/// What an answer about one flow's (or host's) state says.
pub(crate) struct Answer<'a> {
    /// The flow, when the answer is about one.
    pub flow: Option<FlowId>,
    /// The host of a route, or `None` for a path flow.
    pub host: Option<&'a str>,
    /// The state answered.
    pub state: State,
    /// The steps taken: a route's hops (with the edge to each), or a path.
    pub path: &'a [(CompId, Option<EdgeId>)],
    /// The components behind a non-ok state.
    pub because: &'a [CompId],
}

impl Engine {
    /// The premises of an answer about a flow's or a host's state.
    ///
    /// Complexity: down: O(path + chain); otherwise O(route graph + the
    /// dependency closure of its components).
    pub(crate) fn answer_basis(
        &self,
        answer: &Answer<'_>,
        states: &States<'_>,
        selection: &Selection,
    ) -> Basis {
        let mut basis = Basis::new();
        if let Some(flow) = answer.flow {
            basis.add(Premise::Flow(flow));
        }
        for &s in &selection.scenarios {
            basis.add(Premise::Scenario(s as u32));
        }
        let fields = selection.fields;
        self.chain_premises(answer.because, states, fields, &mut basis);
        let alternatives = answer.host.is_some_and(|h| self.has_alternatives(h));
        if answer.state == State::Down && !alternatives {
            for &(c, via) in answer.path {
                basis.add_component(c, 0);
                if let Some(edge) = via {
                    basis.add(Premise::Edge(edge));
                }
                if answer.because.contains(&c) {
                    break;
                }
            }
        } else {
            let nodes = match answer.host {
                Some(host) => self.route_premises(host, &mut basis),
                None => answer.path.iter().map(|&(c, _)| c).collect(),
            };
            self.closure_premises(&nodes, answer.flow, fields, &mut basis);
        }
        basis.finish(&self.model);
        basis
    }

    /// The premises of everything a flow relies on (its route graph or
    /// steps, and their dependency closure): what a complete list about
    /// the flow, such as its single points of failure, rests on.
    pub fn flow_closure_basis(&self, flow: FlowId) -> Basis {
        let mut basis = Basis::new();
        basis.add(Premise::Flow(flow));
        let nodes = match &self.model.flows[flow.index()].start {
            FlowStart::Host(host) => self.route_premises(host, &mut basis),
            FlowStart::Path(steps) => steps.clone(),
        };
        self.closure_premises(&nodes, Some(flow), 0, &mut basis);
        basis.finish(&self.model);
        basis
    }

    /// The cause chain of a non-ok state: each component (with the
    /// selection's fields) and the edge to the next.
    fn chain_premises(
        &self,
        because: &[CompId],
        states: &States<'_>,
        fields: u8,
        basis: &mut Basis,
    ) {
        for (i, &c) in because.iter().enumerate() {
            basis.add_component(c, fields);
            if let (Some(&next), (_, Cause::Via(edge))) = (because.get(i + 1), states.get(c))
                && self.model.edges[edge.index()].to == next
            {
                basis.add(Premise::Edge(edge));
            }
        }
    }

    /// Add a host's route graph (its components and hop edges); return
    /// its components.
    fn route_premises(&self, host: &str, basis: &mut Basis) -> Vec<CompId> {
        let mut nodes = Vec::new();
        for (node, followed) in self.hop_order(host) {
            nodes.push(node);
            for edge in self.hop_edges(node, host).filter(|_| followed) {
                basis.add(Premise::Edge(edge));
            }
        }
        nodes
    }

    /// Whether some component on the host's route can send its requests
    /// more than one way.
    fn has_alternatives(&self, host: &str) -> bool {
        self.hop_order(host)
            .into_iter()
            .any(|(node, followed)| followed && self.hop_edges(node, host).nth(1).is_some())
    }

    /// `nodes`, and everything they need for `flow`, with the edges
    /// between them; each component with `fields`.
    fn closure_premises(
        &self,
        nodes: &[CompId],
        flow: Option<FlowId>,
        fields: u8,
        basis: &mut Basis,
    ) {
        let mut seen: HashSet<CompId> = nodes.iter().copied().collect();
        let mut queue: Vec<CompId> = nodes.to_vec();
        while let Some(c) = queue.pop() {
            basis.add_component(c, fields);
            for edge_id in self.edges_from(c) {
                let edge = &self.model.edges[edge_id.index()];
                if edge.hop || !flow.map_or(edge.flows.is_empty(), |f| edge.active_for(f)) {
                    continue;
                }
                basis.add(Premise::Edge(edge_id));
                if seen.insert(edge.to) {
                    queue.push(edge.to);
                }
            }
        }
    }
}
