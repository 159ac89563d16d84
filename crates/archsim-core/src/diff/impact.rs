//! What a change does to the flows: both engines asked the same questions.

use super::dns::DnsChange;
use super::placement::PlacementChange;
use super::spof::SpofChange;
use super::{id, positions};
use crate::diag::BrokenInvariant;
use std::collections::BTreeSet;

use super::before::{Answers, Before};
use super::scope::Scope;
use crate::engine::{Bases, Engine, FlowOutcome, State};
use crate::model::{CompId, FlowId, Model};
use crate::select::{Selection, Selector};
use std::rc::Rc;

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
    /// Each way NEW breaks one of its invariants
    /// ([`crate::invariants::broken`], in NEW's order, not located: a
    /// shell with NEW's file gives them lines with `load::locate`). OLD is
    /// expected to hold its invariants, so each is the change's.
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
    /// Which failure it is, in OLD.
    key: Key,
    old: Selection,
    new: Selection,
}

/// A failure asked of OLD, by what names it there.
#[derive(Clone, Copy)]
enum Key {
    /// Nothing fails.
    Baseline,
    /// A scenario, by OLD's index.
    Scenario(usize),
    /// One component, by OLD's index.
    Single(usize),
}

/// OLD's side: its engine, asked afresh, or a [`Before`] that keeps
/// what it was asked.
#[derive(Clone, Copy)]
enum Old<'a> {
    Plain(&'a Engine),
    Kept(&'a Before),
}

impl<'a> Old<'a> {
    fn engine(self) -> &'a Engine {
        match self {
            Old::Plain(engine) => engine,
            Old::Kept(before) => before.engine(),
        }
    }

    /// What OLD's scenario `index` selects, through `selector` (OLD's);
    /// `None` when its selectors no longer resolve.
    fn scenario_selection(self, index: usize, selector: &mut Selector<'_>) -> Option<Selection> {
        match self {
            Old::Plain(_) => selector.scenario(index),
            Old::Kept(before) => before.scenario_selection(index, selector),
        }
    }

    /// Every flow's answer under the failure `key`, which `selection` is.
    fn every(self, key: Key, selection: &Selection) -> Answers {
        match (self, key) {
            (Old::Plain(engine), _) => Rc::new(engine.every_flow(selection, Bases::Skipped)),
            (Old::Kept(before), Key::Baseline) => before.baseline(),
            (Old::Kept(before), Key::Scenario(i)) => before.scenario(i, selection),
            (Old::Kept(before), Key::Single(i)) => before.single(i, selection),
        }
    }

    /// The states of `flows` under the failure `key`, which `selection` is.
    fn states(self, key: Key, selection: &Selection, flows: &[FlowId]) -> Vec<State> {
        match self {
            Old::Plain(engine) => engine
                .some_flows(selection, flows, Bases::Skipped)
                .into_iter()
                .map(|f| f.state)
                .collect(),
            Old::Kept(_) => {
                let all = self.every(key, selection);
                flows.iter().map(|f| all[f.index()].state).collect()
            }
        }
    }
}

/// What a change does to the flows: every flow whose state differs with
/// nothing failing, under every scenario both models have, and under every
/// single-component failure of a component both have; and each flow's
/// single points of failure added and removed. Flows, scenarios and
/// components are matched by id. A flow only one model has is listed once,
/// with nothing failing, its state on the other side `None`; under a
/// failure only flows both have are compared. A scenario whose selectors
/// no longer resolve on one side is skipped (a checked model's always do).
/// And the placement audit's changes, one audit per side, the zone's
/// ([`super::dns::dns`]), and each way NEW breaks one of its invariants
/// ([`crate::invariants::broken`]: a draft made in memory included).
///
/// Questions are asked only where an answer can differ: of the flows
/// whose reads the change touches (and, with nothing failing, the flows
/// one side has); a single failure only of the components such a flow
/// reads; a scenario of those flows alone when it fails the same ids on
/// both sides, and of each only when it fails or restarts something the
/// flow reads, of every flow otherwise; single points of failure only of
/// touched flows (`scope`'s module doc says why that is exact). The
/// answer is [`reference()`]'s, which asks everything.
///
/// Complexity: one pass over what each shared flow reads; for the
/// baseline and each shared scenario, the answers of the touched flows it
/// hits on each side ([`Engine::simulate_flows`]), or one
/// [`Engine::simulate`] per side for a scenario that fails different ids,
/// each answer without what it rests on (no part of a change); the
/// scenarios selected with one lookup per side; then for each component a
/// touched flow reads, that flow's answers: O(Σ over touched flows of
/// (what it reads)²), which a small change keeps small. Plus one
/// [`Engine::spof_of`] per touched flow and side. 10,000 generated
/// components with 1 % of them changed: about a second, both loads
/// included (`benches/engine.rs`).
pub fn impact(old: &Engine, new: &Engine) -> Impact {
    with_flows(Old::Plain(old), new, false)
}

/// [`impact`] of `before`'s engine and `new`, asking OLD only what
/// `before` was not asked by an earlier diff (the propose widget diffs
/// one model against each edit of a draft).
///
/// Complexity: [`impact`]'s for NEW's side; OLD's side the first time a
/// question is asked, as all its flows, then nothing.
pub fn impact_from(before: &Before, new: &Engine) -> Impact {
    with_flows(Old::Kept(before), new, false)
}

/// [`impact`], asking every single failure of every flow: one
/// [`Engine::simulate`] per side and shared component, O(V · (V + E + F ·
/// route)), quadratic in the model's size. The plain definition, which
/// [`impact`] must equal (the tests compare them).
pub fn reference(old: &Engine, new: &Engine) -> Impact {
    with_flows(Old::Plain(old), new, true)
}

fn with_flows(side: Old<'_>, new: &Engine, every: bool) -> Impact {
    let old = side.engine();
    let (om, nm) = (old.model(), new.model());
    let mut cases = vec![Case {
        scenario: None,
        key: Key::Baseline,
        old: Selection::default(),
        new: Selection::default(),
    }];
    let old_scenarios = positions(&om.scenarios, |s| &s.id);
    let (mut on_old, mut on_new) = (Selector::new(om), Selector::new(nm));
    for (j, s) in nm.scenarios.iter().enumerate() {
        if let Some(&i) = old_scenarios.get(s.id.as_str())
            && let (Some(a), Some(b)) =
                (side.scenario_selection(i, &mut on_old), on_new.scenario(j))
        {
            cases.push(Case {
                scenario: Some(&s.id),
                key: Key::Scenario(i),
                old: a,
                new: b,
            });
        }
    }
    let old_comps = positions(&om.components, |c| &c.id);
    if every {
        for (j, c) in nm.components.iter().enumerate() {
            if let Some(&i) = old_comps.get(c.id.as_str()) {
                cases.push(Case {
                    scenario: None,
                    key: Key::Single(i),
                    old: one(i),
                    new: one(j),
                });
            }
        }
    }
    let scope = (!every).then(|| super::scope::scope(old, new));
    let mut out = Impact::default();
    // Per touched flow, its baseline answers (OLD's state, NEW's outcome).
    let mut baseline: Vec<(State, FlowOutcome)> = Vec::new();
    for (n, case) in cases.iter().enumerate() {
        let failed: Vec<String> = case.new.failed.iter().map(|&c| id(nm, c)).collect();
        let asked = match &scope {
            // The same failures by id: only touched flows can differ, and
            // with nothing failing, flows one side has.
            Some(scope) if same_ids(om, nm, &case.old, &case.new) => {
                ask_touched(side, new, scope, case, &baseline)
            }
            _ => ask_all(side, new, case, n == 0),
        };
        for (before, after, j) in asked.changes {
            if before == after.as_ref().map(|a| a.state) {
                continue;
            }
            let (f, because) = match &after {
                Some(a) => (&nm.flows[j], a.because.iter().map(|&c| id(nm, c)).collect()),
                None => (&om.flows[j], Vec::new()),
            };
            out.flows.push(FlowChange {
                flow: f.id.clone(),
                entry: f.entry_host().map(str::to_string),
                scenario: case.scenario.map(str::to_string),
                failed: failed.clone(),
                before,
                after: after.map(|a| a.state),
                because,
            });
        }
        if n == 0 {
            baseline = asked.touched;
        }
    }
    if let Some(scope) = &scope {
        single_failures(side, new, scope, &baseline, &mut out.flows);
    }
    // A flow the change does not touch gives the same answer under every
    // single failure on both sides, and so has the same single points of
    // failure: only the touched ones are asked.
    let touched = scope.as_ref().map(|scope| {
        let mut on = vec![false; nm.flows.len()];
        for &(j, _) in &scope.touched {
            on[j] = true;
        }
        on
    });
    out.spof = match side {
        Old::Plain(old) => super::spof::between(om, &|f| old.spof_of(f), new, touched.as_deref()),
        Old::Kept(before) => {
            super::spof::between(om, &|f| before.spof_of(f).to_vec(), new, touched.as_deref())
        }
    };
    out.placement = match side {
        Old::Plain(_) => super::placement::placement(om, nm),
        Old::Kept(before) => super::placement::between(om, before.audit(), nm),
    };
    out.dns = super::dns::dns(old, new);
    out.invariants = crate::invariants::broken(nm);
    out
}

/// What one case asked of the flows.
struct Asked {
    /// (OLD's state, NEW's outcome, the flow's index on the side that has
    /// it: NEW's, or OLD's when NEW has no such flow), for every flow it
    /// compared, in the order changes are listed.
    changes: Vec<(Option<State>, Option<FlowOutcome>, usize)>,
    /// Each touched flow's answers, when the case asked them all.
    touched: Vec<(State, FlowOutcome)>,
}

/// Every flow under `case`: each both models have, and with nothing
/// failing (`first`) those one has.
fn ask_all(side: Old<'_>, new: &Engine, case: &Case<'_>, first: bool) -> Asked {
    let (om, nm) = (side.engine().model(), new.model());
    let before = side.every(case.key, &case.old);
    let after = new.every_flow(&case.new, Bases::Skipped);
    let old_flows = positions(&om.flows, |f| &f.id);
    let new_flows = positions(&nm.flows, |f| &f.id);
    let mut changes = Vec::new();
    for (j, f) in after.into_iter().enumerate() {
        let was = old_flows
            .get(nm.flows[j].id.as_str())
            .map(|&i| before[i].state);
        if first || was.is_some() {
            changes.push((was, Some(f), j));
        }
    }
    if first {
        for (i, f) in before.iter().enumerate() {
            if !new_flows.contains_key(om.flows[i].id.as_str()) {
                changes.push((Some(f.state), None, i));
            }
        }
    }
    Asked {
        changes,
        touched: Vec::new(),
    }
}

/// The touched flows under `case` (whose failures are the same by id on
/// both sides) and, with nothing failing (the first case, before there is
/// a `baseline`), the flows one side has. A touched flow that reads
/// nothing the case fails or restarts gives its `baseline` answers, on
/// each side (as under a single failure: `scope`'s module doc says why).
fn ask_touched(
    side: Old<'_>,
    new: &Engine,
    scope: &Scope,
    case: &Case<'_>,
    baseline: &[(State, FlowOutcome)],
) -> Asked {
    let (om, nm) = (side.engine().model(), new.model());
    let first = matches!(case.key, Key::Baseline);
    let skip: Vec<bool> = if !first && baseline.len() == scope.touched.len() {
        let mut hit = vec![false; nm.components.len()];
        for c in case.new.failed.iter().chain(&case.new.restarting) {
            hit[c.index()] = true;
        }
        scope
            .reads
            .iter()
            .map(|reads| !reads.iter().any(|&c| hit[c]))
            .collect()
    } else {
        vec![false; scope.touched.len()]
    };
    let (old_flows, new_flows) = (
        positions(&om.flows, |f| &f.id),
        positions(&nm.flows, |f| &f.id),
    );
    // NEW's flows to ask, in NEW's order, each with its touched position.
    let mut touched_at = vec![None; nm.flows.len()];
    for (k, &(j, _)) in scope.touched.iter().enumerate() {
        touched_at[j] = Some(k);
    }
    let asked: Vec<usize> = (0..nm.flows.len())
        .filter(|&j| {
            touched_at[j].is_some() || (first && !old_flows.contains_key(nm.flows[j].id.as_str()))
        })
        .collect();
    let simulated = |j: &&usize| touched_at[**j].is_none_or(|k| !skip[k]);
    let twins: Vec<FlowId> = asked
        .iter()
        .filter(simulated)
        .filter_map(|&j| touched_at[j].map(|k| FlowId::from_index(scope.touched[k].1)))
        .collect();
    let before = side.states(case.key, &case.old, &twins);
    let ids: Vec<FlowId> = asked
        .iter()
        .filter(simulated)
        .map(|&j| FlowId::from_index(j))
        .collect();
    let after = new.some_flows(&case.new, &ids, Bases::Skipped);
    let (mut was, mut is) = (before.into_iter(), after.into_iter());
    let mut changes = Vec::new();
    let mut touched = Vec::new();
    for &j in &asked {
        match touched_at[j] {
            Some(k) if skip[k] => {
                let (w, f) = &baseline[k];
                changes.push((Some(*w), Some(f.clone()), j));
            }
            Some(_) => {
                let (Some(w), Some(f)) = (was.next(), is.next()) else {
                    continue;
                };
                if first {
                    touched.push((w, f.clone()));
                }
                changes.push((Some(w), Some(f), j));
            }
            None => {
                let Some(f) = is.next() else { continue };
                changes.push((None, Some(f), j));
            }
        }
    }
    if first {
        let gone: Vec<FlowId> = (0..om.flows.len())
            .filter(|&i| !new_flows.contains_key(om.flows[i].id.as_str()))
            .map(FlowId::from_index)
            .collect();
        for (state, f) in side
            .states(case.key, &case.old, &gone)
            .into_iter()
            .zip(&gone)
        {
            changes.push((Some(state), None, f.index()));
        }
    }
    Asked { changes, touched }
}

/// Whether two selections fail and restart the same components, by id
/// (in whatever order each model numbers them).
fn same_ids(om: &Model, nm: &Model, a: &Selection, b: &Selection) -> bool {
    let same = |x: &BTreeSet<CompId>, y: &BTreeSet<CompId>| {
        let ids: Vec<&String> = x.iter().map(|&c| &om.component(c).id).collect();
        let ids = positions(&ids, |s| s);
        x.len() == y.len()
            && y.iter()
                .all(|&c| ids.contains_key(nm.component(c).id.as_str()))
    };
    same(&a.failed, &b.failed) && same(&a.restarting, &b.restarting)
}

/// The flow changes under each single failure of a component both models
/// have, in NEW's order of components and then of flows: for each flow the
/// change touches, its answer under the failure of each component it
/// reads, and its baseline answer under any other (`scope`).
fn single_failures(
    side: Old<'_>,
    new: &Engine,
    scope: &Scope,
    baseline: &[(State, FlowOutcome)],
    out: &mut Vec<FlowChange>,
) {
    let (om, nm) = (side.engine().model(), new.model());
    // The baseline asked every touched flow (its failures, none, are the
    // same by id on both sides).
    if scope.touched.is_empty() || baseline.len() != scope.touched.len() {
        return;
    }
    // Per NEW component, the touched flows (by position) that read it.
    let mut asked: Vec<Vec<usize>> = vec![Vec::new(); nm.components.len()];
    for (k, reads) in scope.reads.iter().enumerate() {
        for &c in reads {
            asked[c].push(k);
        }
    }
    // Touched flows whose baseline answers differ: changed under every
    // failure of what they do not read.
    let differ: Vec<usize> = (0..scope.touched.len())
        .filter(|&k| baseline[k].0 != baseline[k].1.state)
        .collect();
    let old_comps = positions(&om.components, |c| &c.id);
    for (j, c) in nm.components.iter().enumerate() {
        let Some(&i) = old_comps.get(c.id.as_str()) else {
            continue;
        };
        let ask = &asked[j];
        if ask.is_empty() && differ.is_empty() {
            continue;
        }
        let ids = |side: usize| -> Vec<FlowId> {
            ask.iter()
                .map(|&k| {
                    let (j, i) = scope.touched[k];
                    FlowId::from_index(if side == 0 { i } else { j })
                })
                .collect()
        };
        let before = side.states(Key::Single(i), &one(i), &ids(0));
        let after = new.some_flows(&one(j), &ids(1), Bases::Skipped);
        // Both lists are in NEW's flow order: merge them.
        let (mut a, mut d) = (0, 0);
        loop {
            let k = match (ask.get(a), differ.get(d)) {
                (None, None) => break,
                (Some(&x), Some(&y)) => x.min(y),
                (Some(&x), None) => x,
                (None, Some(&y)) => y,
            };
            let (was, is) = if ask.get(a) == Some(&k) {
                a += 1;
                (before[a - 1], &after[a - 1])
            } else {
                (baseline[k].0, &baseline[k].1)
            };
            if differ.get(d) == Some(&k) {
                d += 1;
            }
            if was != is.state {
                let f = &nm.flows[scope.touched[k].0];
                out.push(FlowChange {
                    flow: f.id.clone(),
                    entry: f.entry_host().map(str::to_string),
                    scenario: None,
                    failed: vec![c.id.clone()],
                    before: Some(was),
                    after: Some(is.state),
                    because: is.because.iter().map(|&c| id(nm, c)).collect(),
                });
            }
        }
    }
}

/// A selection of one failed component.
fn one(index: usize) -> Selection {
    let mut selection = Selection::default();
    selection.failed.insert(CompId::from_index(index));
    selection
}
