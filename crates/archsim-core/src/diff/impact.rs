//! What a change does to the flows: both engines asked the same questions.

use super::dns::DnsChange;
use super::placement::PlacementChange;
use super::spof::SpofChange;
use super::{id, positions};
use crate::diag::BrokenInvariant;
use crate::engine::{Engine, Outcome, State};
use crate::model::CompId;
use crate::select::{Selection, select};

/// A flow whose state differs between the two models under one failure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FlowChange {
    /// The flow's id.
    pub flow: String,
    /// The public host the flow starts at (NEW's, or OLD's for a flow NEW
    /// removes); `None` for an internal flow. As `flows[].entry` in
    /// `fail --json`: the flow's start, so a reviewer reads which host a
    /// change touches without looking the flow up.
    pub entry: Option<String>,
    /// The scenario that fails, if the failure is one.
    pub scenario: Option<String>,
    /// What fails (NEW's selection): the one component, a scenario's
    /// failures, or nothing for the baseline.
    pub failed: Vec<String>,
    /// Its state in OLD; `None` when OLD has no such flow.
    pub before: Option<State>,
    /// Its state in NEW; `None` when NEW has no such flow.
    pub after: Option<State>,
    /// NEW's cause chain for `after`, as component ids, the failed one
    /// last (empty when `after` is ok or `None`).
    pub because: Vec<String>,
}

/// What a change does to the flows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Impact {
    /// Flows whose state differs: first with nothing failing (where flows
    /// that appear or disappear are listed, once), then under each scenario
    /// both models have, then under each single failure of a component both
    /// have, in NEW's order; within one failure, flows in NEW's order.
    pub flows: Vec<FlowChange>,
    /// Flows both models have whose single points of failure differ, in
    /// NEW's order ([`super::spof::spof`]).
    pub spof: Vec<SpofChange>,
    /// Components whose placement-audit status differs
    /// ([`super::placement::placement`]).
    pub placement: Vec<PlacementChange>,
    /// Hosts whose writer changes, that writers now claim together, or
    /// whose record loses its target ([`super::dns::dns`]).
    pub dns: Vec<DnsChange>,
    /// Each way NEW breaks one of its invariants. Not an engine's answer:
    /// [`impact`] leaves it empty, and a shell that loads NEW keeping such
    /// a model (`load::Options::keep_broken_invariants`) puts the load's
    /// `broken` here. OLD is expected to hold its invariants, so each is
    /// the change's.
    pub invariants: Vec<BrokenInvariant>,
}

impl Impact {
    /// Whether the change leaves every answer as it was.
    pub fn is_empty(&self) -> bool {
        self.flows.is_empty()
            && self.spof.is_empty()
            && self.placement.is_empty()
            && self.dns.is_empty()
            && self.invariants.is_empty()
    }

    /// How many flows change state (under any failure, counted once).
    pub fn flows_changing(&self) -> usize {
        let mut seen: Vec<&str> = Vec::new();
        for f in &self.flows {
            if !seen.contains(&f.flow.as_str()) {
                seen.push(&f.flow);
            }
        }
        seen.len()
    }

    /// How many single points of failure flows gain, and lose.
    pub fn spof_counts(&self) -> (usize, usize) {
        let added = self.spof.iter().map(|s| s.added.len()).sum();
        let removed = self.spof.iter().map(|s| s.removed.len()).sum();
        (added, removed)
    }
}

/// One failure asked of both models.
struct Case<'a> {
    scenario: Option<&'a str>,
    old: Selection,
    new: Selection,
}

/// What a change does to the flows: every flow whose state differs with
/// nothing failing, under every scenario both models have, and under every
/// single-component failure of a component both have; and each flow's
/// single points of failure added and removed. Flows, scenarios and
/// components are matched by id. A flow only one model has is listed once,
/// with nothing failing, its state on the other side `None`; under a
/// failure only flows both have are compared. A scenario whose selectors
/// no longer resolve on one side is skipped (a checked model's always do).
///
/// Complexity: one [`Engine::simulate`] per side for each case (the
/// baseline, each shared scenario, each shared component), each O(V + E)
/// plus the flows' routes, so O(V · (V + E + F · route)) in all: quadratic
/// in the model's size; plus one [`Engine::spof_of`] per shared flow and
/// side. Tomoda (37 components, 12 scenarios) takes 100 simulations.
/// And the placement audit's changes, one audit per side, and the zone's
/// ([`super::dns::dns`]).
pub fn impact(old: &Engine, new: &Engine) -> Impact {
    let (om, nm) = (old.model(), new.model());
    let mut cases = vec![Case {
        scenario: None,
        old: Selection::default(),
        new: Selection::default(),
    }];
    let old_scenarios = positions(&om.scenarios, |s| &s.id);
    for s in &nm.scenarios {
        if old_scenarios.contains_key(s.id.as_str()) {
            let selector = ["scenario:", s.id.as_str()].concat();
            if let (Ok(a), Ok(b)) = (select(om, &[&selector], &[]), select(nm, &[&selector], &[])) {
                cases.push(Case {
                    scenario: Some(&s.id),
                    old: a,
                    new: b,
                });
            }
        }
    }
    let old_comps = positions(&om.components, |c| &c.id);
    for (j, c) in nm.components.iter().enumerate() {
        if let Some(&i) = old_comps.get(c.id.as_str()) {
            cases.push(Case {
                scenario: None,
                old: one(i),
                new: one(j),
            });
        }
    }
    let old_flows = positions(&om.flows, |f| &f.id);
    let new_flows = positions(&nm.flows, |f| &f.id);
    let mut out = Impact::default();
    for (n, case) in cases.iter().enumerate() {
        let before = old.simulate(&case.old);
        let after = new.simulate(&case.new);
        let failed: Vec<String> = case.new.failed.iter().map(|&c| id(nm, c)).collect();
        let mut push = |before: Option<State>, after: Option<(State, &[CompId])>, j: usize| {
            let f = if after.is_some() {
                &nm.flows[j]
            } else {
                &om.flows[j]
            };
            out.flows.push(FlowChange {
                flow: f.id.clone(),
                entry: f.entry_host().map(str::to_string),
                scenario: case.scenario.map(str::to_string),
                failed: failed.clone(),
                before,
                after: after.map(|a| a.0),
                because: after.map_or(Vec::new(), |a| a.1.iter().map(|&c| id(nm, c)).collect()),
            });
        };
        for (j, f) in after.flows.iter().enumerate() {
            let was = old_flows
                .get(nm.flows[j].id.as_str())
                .map(|&i| state(&before, i));
            if (n == 0 || was.is_some()) && was != Some(f.state) {
                push(was, Some((f.state, &f.because)), j);
            }
        }
        if n == 0 {
            for (i, f) in before.flows.iter().enumerate() {
                if !new_flows.contains_key(om.flows[i].id.as_str()) {
                    push(Some(f.state), None, i);
                }
            }
        }
    }
    out.spof = super::spof::spof(old, new);
    out.placement = super::placement::placement(om, nm);
    out.dns = super::dns::dns(old, new);
    out
}

/// A selection of one failed component.
fn one(index: usize) -> Selection {
    let mut selection = Selection::default();
    selection.failed.insert(CompId::from_index(index));
    selection
}

/// A flow's state in an outcome (one entry per flow, in model order).
fn state(outcome: &Outcome, flow: usize) -> State {
    outcome.flows[flow].state
}
