//! Claims about a draft: what a proposed change does, checked by applying
//! the draft (its link form, as the propose directive takes it) to the
//! page's model and asking both models, as `archsim diff` does.
//!
//! ```text
//! {{#archsim claim draft="1,…" flow="assets.tomoda.life" fail="s3-assets-prod" before="degraded" after="down"}}
//! {{#archsim claim draft="1,…" flow="api.tomoda.life" new-spof="cloud-sql"}}
//! {{#archsim claim draft="1,…" finding="placement-conflict"}}
//! ```
//!
//! The answer rests on the model with the draft applied: what the draft
//! adds is a proposal, an assumption, so a claim whose answer rests on an
//! addition reads *assumed*.

use archsim_core::diff::Finding;
use archsim_core::select::select;
use archsim_core::suggest::{did_you_mean, nearest};
use archsim_core::{Basis, Engine, FlowId, Premise, State};

use super::mark::{Checked, Proposal};
use super::{component_id, condition, does_not_hold, flow, words};
use crate::directive::{Directive, list};
use crate::draft::Proposed;
use crate::error::Problem;

/// The options a draft claim takes.
pub(super) const OPTIONS: &[&str] = &[
    "draft", "flow", "fail", "scenario", "before", "after", "new-spof", "finding",
];

/// The word for a flow one side does not have.
const ABSENT: &str = "absent";

pub(super) fn check(engine: &Engine, d: &Directive) -> Result<Checked, Problem> {
    if ["before", "after", "new-spof", "finding"]
        .iter()
        .all(|k| d.get(k).is_none())
    {
        return Err(Problem::new("the draft claim states nothing").with_hint(
            "add before=/after= (a flow's state, with flow=), new-spof=\"component,...\" \
             (with flow=) or finding=\"placement-conflict,...\"",
        ));
    }
    let proposed = Proposed::read(engine, d.get("draft").unwrap_or_default())?;
    let new = &proposed.engine;
    let mut parts = Vec::new();
    // What the answer rests on after the change, and before it.
    let mut basis = Basis::new();
    let mut before = Basis::new();
    if d.get("before").is_some() || d.get("after").is_some() {
        states(engine, new, d, &mut parts, [&mut before, &mut basis])?;
    } else if d.get("fail").is_some() || d.get("scenario").is_some() {
        return Err(
            Problem::new("`fail=` and `scenario=` need before= or after=")
                .with_hint("say the flow's state before and after the change under that failure"),
        );
    }
    if let Some(value) = d.get("new-spof") {
        new_spof(engine, new, d, value, &mut parts, [&mut before, &mut basis])?;
    }
    if let Some(value) = d.get("finding") {
        findings(engine, &proposed, value, &mut parts, &mut basis)?;
    }
    basis.finish(new.model());
    before.finish(engine.model());
    Ok(Checked {
        says: parts.join("; "),
        basis,
        proposed: Some(Box::new(Proposal {
            model: new.model().clone(),
            before,
        })),
    })
}

fn flow_option<'d>(d: &'d Directive, what: &str) -> Result<&'d str, Problem> {
    d.get("flow").ok_or_else(|| {
        Problem::new(format!("{what} needs `flow=`"))
            .with_hint("name the flow by its id or host, e.g. flow=\"api.tomoda.life\"")
    })
}

/// A flow's state before and after the change, under one failure (a
/// component, several, a scenario, or nothing).
fn states(
    old: &Engine,
    new: &Engine,
    d: &Directive,
    parts: &mut Vec<String>,
    [before_basis, basis]: [&mut Basis; 2],
) -> Result<(), Problem> {
    let name = flow_option(d, "a before/after claim")?;
    let fail: Vec<&str> = d.get("fail").map(list).unwrap_or_default();
    let scenario = d.get("scenario");
    let selectors: Vec<&str> = fail.iter().copied().chain(scenario).collect();
    let condition = condition(scenario, &fail, &[]);
    let said = words::condition(old.model(), scenario, &fail, &[]);
    let side = |engine: &Engine, when: &str| -> Result<Option<(FlowId, State, Basis)>, Problem> {
        let Ok(f) = flow(engine, name) else {
            return Ok(None);
        };
        let selection = select(engine.model(), &selectors, &[]).map_err(|e| {
            let mut problem = Problem::from(e);
            problem.message = format!("{when}: {}", problem.message);
            problem
        })?;
        let outcome = engine.simulate(&selection);
        let answer = &outcome.flows[f.index()];
        Ok(Some((f, answer.state, answer.basis.clone())))
    };
    let (before, after) = (
        side(old, "before the change")?,
        side(new, "after the change")?,
    );
    if before.is_none() && after.is_none() {
        // Neither model has it: the ordinary unknown-flow error.
        flow(new, name)?;
    }
    for (key, got, when) in [
        ("before", &before, "before the change"),
        ("after", &after, "after the change"),
    ] {
        let Some(wanted) = d.get(key) else { continue };
        if wanted != ABSENT && !State::ALL.iter().any(|s| s.as_str() == wanted) {
            let words: Vec<&str> = State::ALL.iter().map(|s| s.as_str()).collect();
            return Err(Problem::new(format!("`{key}=\"{wanted}\"` is not a state"))
                .with_hint(format!("states: {}, or {ABSENT}", words.join(", "))));
        }
        let actual = got.as_ref().map_or(ABSENT, |(_, s, _)| s.as_str());
        if actual != wanted {
            return Err(does_not_hold(format!(
                "{name} is {actual} {when}, not {wanted} ({condition})"
            )));
        }
        let word = got.as_ref().map_or(ABSENT, |(_, s, _)| s.word());
        parts.push(format!(
            "{}, {name} is {word} {when}",
            words::sentence(&said)
        ));
    }
    if d.get("before").is_some()
        && let Some((_, _, answer)) = before
    {
        before_basis.extend(&answer);
    }
    if d.get("after").is_some()
        && let Some((_, _, answer)) = after
    {
        basis.extend(&answer);
    }
    Ok(())
}

/// Components that become single points of failure of a flow.
fn new_spof(
    old: &Engine,
    new: &Engine,
    d: &Directive,
    value: &str,
    parts: &mut Vec<String>,
    [before_basis, basis]: [&mut Basis; 2],
) -> Result<(), Problem> {
    let name = flow_option(d, "a new-spof claim")?;
    let after_flow = flow(new, name)?;
    let after = new.flow_spof(after_flow);
    // That a component was not one before rests on everything the flow
    // relied on (as an `excludes` claim does).
    let mut cut_short = false;
    let before: Vec<&str> = match flow(old, name) {
        Ok(f) => {
            let answer = old.flow_spof(f);
            cut_short = answer.cut_short;
            before_basis.extend(&answer.basis);
            answer
                .components
                .iter()
                .map(|&c| old.model().component(c).id.as_str())
                .collect()
        }
        Err(_) => Vec::new(),
    };
    let names = list(value);
    if names.is_empty() {
        return Err(
            Problem::new("`new-spof=` lists nothing").with_hint("list components, comma-separated")
        );
    }
    for item in names {
        let c = component_id(new.model(), item)?;
        let id = new.model().component(c).id.as_str();
        if !after.components.contains(&c) {
            return Err(does_not_hold(format!(
                "{id} is not a single point of failure of {name} after the change"
            )));
        }
        if cut_short {
            return Err(Problem::new(format!(
                "cannot check that {id} was not a single point of failure of {name}: the search stopped at its limit"
            ))
            .with_hint("a model this large or crafted cannot back a `new-spof` claim"));
        }
        if before.contains(&id) {
            return Err(does_not_hold(format!(
                "{id} already is a single point of failure of {name} before the change"
            )));
        }
        parts.push(format!(
            "{} becomes a single point of failure of {name}",
            words::component(new.model(), c)
        ));
        basis.extend(&new.spof_basis(after_flow, c));
    }
    Ok(())
}

/// Findings (`archsim diff --deny`'s words) the change introduces. Each
/// rests on what the draft adds.
fn findings(
    old: &Engine,
    proposed: &Proposed,
    value: &str,
    parts: &mut Vec<String>,
    basis: &mut Basis,
) -> Result<(), Problem> {
    let names = list(value);
    if names.is_empty() {
        return Err(Problem::new("`finding=` lists nothing")
            .with_hint("list findings, comma-separated, e.g. finding=\"new-spof\""));
    }
    let (_, impact, assumptions) = proposed.diff(old);
    let words = Finding::ALL.map(Finding::as_str);
    for name in names {
        let Some(finding) = Finding::parse(name) else {
            let near = nearest(name, words.iter().copied(), 3);
            let hint = if near.is_empty() {
                format!("findings: {}", words.join(", "))
            } else {
                did_you_mean(&near)
            };
            return Err(Problem::new(format!("`{name}` is not a finding")).with_hint(hint));
        };
        if !finding.occurs(&impact, &assumptions) {
            return Err(does_not_hold(format!("the change introduces no {name}")));
        }
        parts.push(format!("the change introduces a {name}"));
    }
    let model = proposed.engine.model();
    for (i, c) in model.components.iter().enumerate() {
        if old.model().component_by_id(&c.id).is_none() {
            basis.add(Premise::Component(archsim_core::CompId::from_index(i)));
        }
    }
    Ok(())
}
