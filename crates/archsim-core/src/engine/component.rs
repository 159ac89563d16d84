//! One component's state under a set of failures, and what that answer
//! rests on: "a region outage takes cnpg down", "google-oauth stays ok".

use super::Engine;
use super::premises::Answer;
use super::state::State;
use crate::basis::Basis;
use crate::model::CompId;
use crate::select::Selection;

/// One component under the simulated failures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ComponentOutcome {
    /// The component.
    pub component: CompId,
    /// How it fares.
    pub state: State,
    /// The components behind a non-ok state, itself first, the failed one
    /// last; empty when it is ok.
    pub because: Vec<CompId>,
    /// What the answer rests on, by the rule of flow answers: a down
    /// component on its cause chain; any other state also on its
    /// dependency lists being complete (its whole dependency closure).
    pub basis: Basis,
}

impl Engine {
    /// `c`'s state when the selected components fail (and the restarting
    /// ones restart), counting the dependencies that apply to every flow.
    ///
    /// Complexity: O(size of `c`'s dependency closure).
    pub fn component_outcome(&self, c: CompId, selection: &Selection) -> ComponentOutcome {
        let states = self.lazy_states(selection, None);
        let state = states.state(c);
        let because = if state == State::Ok {
            Vec::new()
        } else {
            states.chain(c)
        };
        let answer = Answer {
            flow: None,
            host: None,
            state,
            path: &[(c, None)],
            because: &because,
        };
        let basis = self.answer_basis(&answer, &states, selection);
        ComponentOutcome {
            component: c,
            state,
            because,
            basis,
        }
    }
}
