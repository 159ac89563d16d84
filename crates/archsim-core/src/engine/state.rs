//! Component states under a set of failures, and why.

use crate::model::{CompId, EdgeId, EdgeKind, FlowId};
use crate::select::Selection;

use super::Engine;

/// How a component or flow is doing, from best to worst.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum State {
    /// Working, with every safety net in place.
    Ok,
    /// Working now, but a safety net is gone (backups, image pulls on the
    /// next reschedule, secret re-sync, certificate renewal).
    AtRisk,
    /// Still serving, but worse (e.g. from cache with the origin gone).
    Degraded,
    /// Not working.
    Down,
}

impl State {
    /// Kebab-case name, stable for JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            State::Ok => "ok",
            State::AtRisk => "at-risk",
            State::Degraded => "degraded",
            State::Down => "down",
        }
    }

    /// All states, best first.
    pub const ALL: [State; 4] = [State::Ok, State::AtRisk, State::Degraded, State::Down];
}

/// What a dependency's state does to its dependent.
///
/// Arguments: the edge's kind, the dependency's state, and whether the
/// dependent is restarting (then start-up dependencies are needed now).
pub fn effect(kind: EdgeKind, dependency: State, restarting: bool) -> State {
    match kind {
        EdgeKind::Request => dependency,
        EdgeKind::Cached => dependency.min(State::Degraded),
        EdgeKind::Startup if restarting => dependency,
        EdgeKind::Startup | EdgeKind::Background => {
            if dependency >= State::Degraded {
                State::AtRisk
            } else {
                State::Ok
            }
        }
    }
}

/// Why a component is in its state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cause {
    /// Nothing is wrong.
    None,
    /// It failed itself.
    Failed,
    /// A dependency made it so, along this edge.
    Via(EdgeId),
}

/// Every component's state and cause.
#[derive(Clone, Debug)]
pub struct States {
    pub state: Vec<State>,
    pub cause: Vec<Cause>,
}

impl States {
    /// The chain from `c` to the failed component at the bottom of its state.
    pub fn chain(&self, engine: &Engine, c: CompId) -> Vec<CompId> {
        let mut chain = vec![c];
        let mut at = c;
        while let Cause::Via(edge) = self.cause[at.index()] {
            at = engine.model.edges[edge.index()].to;
            if chain.contains(&at) {
                break;
            }
            chain.push(at);
        }
        chain
    }
}

impl Engine {
    /// States of every component, counting the edges active for `flow`
    /// (`None`: only edges that apply to every flow).
    ///
    /// Complexity: O(V + E), one pass in dependency order.
    pub(crate) fn states(&self, selection: &Selection, flow: Option<FlowId>) -> States {
        let n = self.model.components.len();
        let mut state = vec![State::Ok; n];
        let mut cause = vec![Cause::None; n];
        for &c in &self.order {
            let i = c.index();
            if selection.failed.contains(&c) {
                state[i] = State::Down;
                cause[i] = Cause::Failed;
                continue;
            }
            let restarting = selection.restarting.contains(&c);
            for edge_id in self.edges_from(c) {
                let edge = &self.model.edges[edge_id.index()];
                let active = match flow {
                    None => edge.flows.is_empty(),
                    Some(f) => edge.active_for(f),
                };
                if edge.hop || !active {
                    continue;
                }
                let s = effect(edge.kind, state[edge.to.index()], restarting);
                if s > state[i]
                    || (s == state[i]
                        && s != State::Ok
                        && prefer(&self.model.edges, cause[i], edge_id))
                {
                    state[i] = s;
                    cause[i] = Cause::Via(edge_id);
                }
            }
        }
        States { state, cause }
    }
}

/// Among equal causes, keep the first declared edge, so answers are stable.
fn prefer(_edges: &[crate::model::Edge], current: Cause, candidate: EdgeId) -> bool {
    match current {
        Cause::Via(e) => candidate < e,
        _ => false,
    }
}
