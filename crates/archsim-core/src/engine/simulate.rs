//! Failure simulation: every flow's state under a set of failures.

use super::Engine;
use super::premises::Answer;
use super::state::{State, States};
use crate::basis::Basis;
use crate::model::{CompId, EdgeId, FlowId, FlowStart};
use crate::select::Selection;

/// A step of a flow, with the hop edge that led to it (routes only).
type Step = (CompId, Option<EdgeId>);

/// One flow under the simulated failures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FlowOutcome {
    /// The flow.
    pub flow: FlowId,
    /// How it fares.
    pub state: State,
    /// The components behind a non-ok state, the failed one last.
    pub because: Vec<CompId>,
    /// The steps the flow takes (for a host: the best route), first to last.
    pub path: Vec<CompId>,
    /// What the answer rests on: the document's facts and the model's
    /// assumptions behind it.
    pub basis: Basis,
}

/// Every flow under one set of failures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// What failed and what restarted.
    pub selection: Selection,
    /// One entry per flow, in model order.
    pub flows: Vec<FlowOutcome>,
}

/// Whether an outcome carries what it rests on ([`FlowOutcome::basis`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Bases {
    /// It does (every answer shown to a reader).
    Wanted,
    /// Its basis is left empty: the diff compares states and causes only,
    /// and what each side rests on is no part of a change.
    Skipped,
}

impl Engine {
    /// Every flow's state when the selected components fail (and the
    /// restarting ones restart).
    ///
    /// Complexity: one O(V + E) state pass, plus one per flow with edges of
    /// its own, plus each flow's route or path.
    pub fn simulate(&self, selection: &Selection) -> Outcome {
        Outcome {
            selection: selection.clone(),
            flows: self.every_flow(selection, Bases::Wanted),
        }
    }

    /// [`Engine::simulate`]'s flows, each with what it rests on only when
    /// `basis` wants it.
    pub(crate) fn every_flow(&self, selection: &Selection, basis: Bases) -> Vec<FlowOutcome> {
        let base = self.states(selection, None);
        (0..self.model.flows.len())
            .map(|i| {
                let flow = FlowId::from_index(i);
                if self.flow_specific[i] {
                    let own = self.states(selection, Some(flow));
                    self.outcome(flow, &own, basis)
                } else {
                    self.outcome(flow, &base, basis)
                }
            })
            .collect()
    }

    /// What [`Engine::simulate`] says of `flows` alone, in that order:
    /// only the component states they read are computed, on demand.
    ///
    /// Complexity: the flows' routes or paths and their dependency
    /// closures, not the whole model.
    pub fn simulate_flows(&self, selection: &Selection, flows: &[FlowId]) -> Vec<FlowOutcome> {
        self.some_flows(selection, flows, Bases::Wanted)
    }

    /// [`Engine::simulate_flows`], each flow with what it rests on only
    /// when `basis` wants it.
    pub(crate) fn some_flows(
        &self,
        selection: &Selection,
        flows: &[FlowId],
        basis: Bases,
    ) -> Vec<FlowOutcome> {
        let shared = self.lazy_states(selection, None);
        flows
            .iter()
            .map(|&flow| {
                if self.flow_specific[flow.index()] {
                    let own = self.lazy_states(selection, Some(flow));
                    self.outcome(flow, &own, basis)
                } else {
                    self.outcome(flow, &shared, basis)
                }
            })
            .collect()
    }

    /// One flow's state, given component states.
    pub(crate) fn flow_outcome(&self, flow: FlowId, states: &States<'_>) -> FlowOutcome {
        self.outcome(flow, states, Bases::Wanted)
    }

    fn outcome(&self, flow: FlowId, states: &States<'_>, basis: Bases) -> FlowOutcome {
        let f = &self.model.flows[flow.index()];
        let (state, because, steps): (State, Vec<CompId>, Vec<Step>) = match &f.start {
            FlowStart::Host(host) => {
                let walk = self.walk(host, states);
                (walk.state, walk.because, walk.path)
            }
            FlowStart::Path(steps) => {
                let worst = steps
                    .iter()
                    .map(|&s| states.state(s))
                    .max()
                    .unwrap_or(State::Ok);
                let because = match steps.iter().find(|&&s| states.state(s) == worst) {
                    Some(&step) if worst != State::Ok => states.chain(step),
                    _ => Vec::new(),
                };
                (worst, because, steps.iter().map(|&s| (s, None)).collect())
            }
        };
        let answer = Answer {
            flow: Some(flow),
            host: f.entry_host(),
            state,
            path: &steps,
            because: &because,
        };
        let basis = match basis {
            Bases::Wanted => self.answer_basis(&answer, states, states.selection),
            Bases::Skipped => Basis::new(),
        };
        FlowOutcome {
            flow,
            state,
            because,
            path: steps.into_iter().map(|(c, _)| c).collect(),
            basis,
        }
    }
}
