//! Component states under a set of failures, and why.

use std::cell::RefCell;
use std::collections::HashMap;

use crate::model::{CompId, EdgeId, FlowId};
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

    /// The word a reader sees (`ok`, `at risk`, `degraded`, `down`): the
    /// CLI, the widgets and the book say it alike. [`State::as_str`] is the
    /// machine form (JSON values, CSS classes, claims).
    pub fn word(self) -> &'static str {
        match self {
            State::Ok => "ok",
            State::AtRisk => "at risk",
            State::Degraded => "degraded",
            State::Down => "down",
        }
    }

    /// The symbol shown before [`State::word`], so a state never rests on
    /// colour alone.
    pub fn icon(self) -> &'static str {
        match self {
            State::Ok => "✔",
            State::AtRisk => "▲",
            State::Degraded => "◐",
            State::Down => "✖",
        }
    }

    /// All states, best first.
    pub const ALL: [State; 4] = [State::Ok, State::AtRisk, State::Degraded, State::Down];

    /// The state named [`State::as_str`] gives, if it is one.
    pub fn parse(name: &str) -> Option<State> {
        State::ALL.into_iter().find(|s| s.as_str() == name)
    }
}

/// Why a component is in its state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Cause {
    /// Nothing is wrong.
    None,
    /// It failed itself.
    Failed,
    /// A dependency made it so, along this edge.
    Via(EdgeId),
}

/// Component states under one selection: computed for every component in
/// one pass (`full`, for questions about every flow), or on demand for the
/// few components one route needs (memoised, so a route on a large model
/// costs what its dependencies cost, not the whole model).
pub(crate) struct States<'a> {
    engine: &'a Engine,
    pub(crate) selection: &'a Selection,
    flow: Option<FlowId>,
    full: Option<Vec<(State, Cause)>>,
    memo: RefCell<HashMap<CompId, (State, Cause)>>,
}

impl States<'_> {
    /// A component's state and why.
    pub fn get(&self, c: CompId) -> (State, Cause) {
        if let Some(full) = &self.full {
            return full[c.index()];
        }
        if let Some(&known) = self.memo.borrow().get(&c) {
            return known;
        }
        self.fill(c);
        self.memo.borrow()[&c]
    }

    /// A component's state.
    pub fn state(&self, c: CompId) -> State {
        self.get(c).0
    }

    /// The chain from `c` to the failed component at the bottom of its state.
    pub fn chain(&self, c: CompId) -> Vec<CompId> {
        let mut chain = vec![c];
        let mut at = c;
        while let (_, Cause::Via(edge)) = self.get(at) {
            at = self.engine.model.edges[edge.index()].to;
            if chain.contains(&at) {
                break;
            }
            chain.push(at);
        }
        chain
    }

    /// Evaluate `c` and everything it depends on, deepest first, without recursion.
    fn fill(&self, c: CompId) {
        let mut stack = vec![(c, false)];
        while let Some((node, expanded)) = stack.pop() {
            if self.memo.borrow().contains_key(&node) {
                continue;
            }
            if expanded {
                let memo = self.memo.borrow();
                let value = self
                    .engine
                    .evaluate(node, self.selection, self.flow, |d| memo[&d].0);
                drop(memo);
                self.memo.borrow_mut().insert(node, value);
                continue;
            }
            stack.push((node, true));
            if !self.selection.failed.contains(&node) {
                let memo = self.memo.borrow();
                for (_, to) in self.engine.dependencies(node, self.flow) {
                    if !memo.contains_key(&to) {
                        stack.push((to, false));
                    }
                }
            }
        }
    }
}

impl Engine {
    /// States of every component, counting the edges active for `flow`
    /// (`None`: only edges that apply to every flow).
    ///
    /// Complexity: O(V + E), one pass in dependency order.
    pub(crate) fn states<'a>(
        &'a self,
        selection: &'a Selection,
        flow: Option<FlowId>,
    ) -> States<'a> {
        let mut full = vec![(State::Ok, Cause::None); self.model.components.len()];
        for &c in &self.order {
            full[c.index()] = self.evaluate(c, selection, flow, |d| full[d.index()].0);
        }
        States {
            engine: self,
            selection,
            flow,
            full: Some(full),
            memo: RefCell::default(),
        }
    }

    /// States computed on demand, for questions that touch few components.
    ///
    /// Complexity: O(size of the dependency closure of what is asked).
    pub(crate) fn lazy_states<'a>(
        &'a self,
        selection: &'a Selection,
        flow: Option<FlowId>,
    ) -> States<'a> {
        States {
            engine: self,
            selection,
            flow,
            full: None,
            memo: RefCell::default(),
        }
    }

    /// The dependencies (non-hop edges) of `c` that count for `flow`.
    fn dependencies(
        &self,
        c: CompId,
        flow: Option<FlowId>,
    ) -> impl Iterator<Item = (EdgeId, CompId)> + '_ {
        self.edges_from(c).filter_map(move |edge_id| {
            let edge = &self.model.edges[edge_id.index()];
            let active = match flow {
                None => edge.flows.is_empty(),
                Some(f) => edge.active_for(f),
            };
            (!edge.hop && active).then_some((edge_id, edge.to))
        })
    }

    /// One component's state from its dependencies' states.
    fn evaluate(
        &self,
        c: CompId,
        selection: &Selection,
        flow: Option<FlowId>,
        dependency: impl Fn(CompId) -> State,
    ) -> (State, Cause) {
        if selection.failed.contains(&c) {
            return (State::Down, Cause::Failed);
        }
        let restarting = selection.restarting.contains(&c);
        let (mut state, mut cause) = (State::Ok, Cause::None);
        for (edge_id, to) in self.dependencies(c, flow) {
            let s = self.model.edges[edge_id.index()]
                .kind
                .effect(dependency(to), restarting);
            // Among equal causes keep the first declared edge, so answers are stable.
            let earlier = matches!(cause, Cause::Via(e) if edge_id < e);
            if s > state || (s == state && s != State::Ok && earlier) {
                state = s;
                cause = Cause::Via(edge_id);
            }
        }
        (state, cause)
    }
}

#[cfg(test)]
mod tests {
    use super::State;

    #[test]
    fn states_have_a_machine_name_a_word_and_an_icon() {
        let table = [
            (State::Ok, "ok", "ok", "✔"),
            (State::AtRisk, "at-risk", "at risk", "▲"),
            (State::Degraded, "degraded", "degraded", "◐"),
            (State::Down, "down", "down", "✖"),
        ];
        assert_eq!(table.map(|t| t.0), State::ALL);
        for (state, name, word, icon) in table {
            assert_eq!(
                (state.as_str(), state.word(), state.icon()),
                (name, word, icon)
            );
        }
    }

    #[test]
    fn states_parse_from_their_names_only() {
        for state in State::ALL {
            assert_eq!(State::parse(state.as_str()), Some(state));
        }
        for name in ["", "OK", "no-record", "at risk"] {
            assert_eq!(State::parse(name), None, "{name:?}");
        }
    }
}
