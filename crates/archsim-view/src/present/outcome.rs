//! A failure simulation, as a flow table.

use archsim_core::{CompId, Engine, FlowId, FlowSpof, Model, Outcome, State};

/// One flow under the simulated failures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FlowRow {
    /// The flow.
    pub flow: FlowId,
    /// Its id (a served host's flow is named after the host).
    pub flow_id: String,
    /// Its display name.
    pub name: String,
    /// The public host it starts at, if any.
    pub entry: Option<String>,
    /// How it fares.
    pub state: State,
    /// Names of the components behind a non-ok state, the failed one last.
    pub because: Vec<String>,
    /// The same components, as ids.
    pub because_ids: Vec<CompId>,
    /// The steps it takes, first to last.
    pub path: Vec<CompId>,
    /// What its state rests on.
    pub basis: super::BasisView,
}

/// Every flow under one set of failures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutcomeView {
    /// What failed: (component, name), in model order.
    pub failed: Vec<(CompId, String)>,
    /// What restarted: (component, name), in model order.
    pub restarting: Vec<(CompId, String)>,
    /// Scenarios behind the selection: (id, name, what it teaches).
    pub scenarios: Vec<(String, String, String)>,
    /// One row per flow, in model order.
    pub rows: Vec<FlowRow>,
}

impl OutcomeView {
    /// How many flows are in each state, in words:
    /// `2 ok, 1 at risk, 0 degraded, 3 down`.
    #[allow(clippy::disallowed_macros)] // Predates the rule: one summary per answer.
    pub fn state_counts(&self) -> String {
        let mut out = String::new();
        for state in State::ALL {
            if !out.is_empty() {
                out.push_str(", ");
            }
            let n = self.rows.iter().filter(|r| r.state == state).count();
            out.push_str(&n.to_string());
            out.push(' ');
            out.push_str(state.word());
        }
        out
    }
}

/// One flow's single points of failure, by name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpofLine {
    /// The flow.
    pub flow: FlowId,
    /// Names of the components whose failure alone takes it down, in model
    /// order.
    pub names: Vec<String>,
    /// Whether the search stopped at its limit: the names are certain, but
    /// there may be more ([`FlowSpof::cut_short`]).
    pub cut_short: bool,
    /// What the list rests on (that it is complete: everything the flow
    /// relies on).
    pub basis: super::BasisView,
}

impl SpofLine {
    /// The line of one flow's answer.
    pub fn new(model: &Model, spof: &FlowSpof) -> SpofLine {
        SpofLine {
            flow: spof.flow,
            names: spof
                .components
                .iter()
                .map(|&c| model.component(c).name.clone())
                .collect(),
            cut_short: spof.cut_short,
            basis: super::basis_view(model, &spof.basis),
        }
    }
}

/// Every flow's single points of failure, in flow order, each with what
/// its list rests on.
///
/// Complexity: that of [`Engine::spof`].
pub fn spof_lines(engine: &Engine) -> Vec<SpofLine> {
    let model = engine.model();
    engine
        .spof()
        .iter()
        .map(|s| SpofLine::new(model, s))
        .collect()
}

/// The view of a simulation the engine ran.
///
/// Complexity: O(flows · path length).
pub fn outcome_view(engine: &Engine, outcome: &Outcome) -> OutcomeView {
    let model = engine.model();
    let named = |c: &CompId| (*c, model.component(*c).name.clone());
    OutcomeView {
        failed: outcome.selection.failed.iter().map(named).collect(),
        restarting: outcome.selection.restarting.iter().map(named).collect(),
        scenarios: outcome
            .selection
            .scenarios
            .iter()
            .filter_map(|&i| model.scenarios.get(i))
            .map(|s| (s.id.clone(), s.name.clone(), s.teaches.clone()))
            .collect(),
        rows: outcome
            .flows
            .iter()
            .map(|f| {
                let flow = &model.flows[f.flow.index()];
                FlowRow {
                    flow: f.flow,
                    flow_id: flow.id.clone(),
                    name: flow.name.clone(),
                    entry: flow.entry_host().map(str::to_owned),
                    state: f.state,
                    because: f
                        .because
                        .iter()
                        .map(|&c| model.component(c).name.clone())
                        .collect(),
                    because_ids: f.because.clone(),
                    path: f.path.clone(),
                    basis: super::basis_view(model, &f.basis),
                }
            })
            .collect(),
    }
}
