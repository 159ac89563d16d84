//! Failure claims: what fails, and the state each flow is left in.

use archsim_core::select::select;
use archsim_core::{Basis, CompId, Engine, FlowId, Model, Premise, State};

use super::mark::Checked;
use super::{component_id, condition, does_not_hold, unknown, words};
use crate::directive::{Directive, list};
use crate::error::Problem;

/// The options a failure claim takes: what fails, then what holds (a
/// flow's or a component's state, by [`State::as_str`]).
pub(super) fn options() -> Vec<&'static str> {
    let mut options = vec!["fail", "scenario", "reschedule", "fails", "survives"];
    options.extend(State::ALL.map(State::as_str));
    options
}

pub(super) fn check(engine: &Engine, d: &Directive) -> Result<Checked, Problem> {
    let state_keys = State::ALL.map(State::as_str);
    if state_keys
        .iter()
        .chain(&["fails", "survives"])
        .all(|k| d.get(k).is_none())
    {
        return Err(Problem::new("the claim states nothing").with_hint(format!(
            "a claim needs a subject ({}) and what holds, e.g. fail=\"COMPONENT\" down=\"HOST\"",
            super::subjects_hint()
        )));
    }
    let model = engine.model();
    let fail: Vec<&str> = d.get("fail").map(list).unwrap_or_default();
    let scenario = d
        .get("scenario")
        .map(|s| scenario_id(model, s))
        .transpose()?;
    let reschedule: Vec<&str> = d.get("reschedule").map(list).unwrap_or_default();
    let selectors: Vec<&str> = fail.iter().copied().chain(scenario).collect();
    let selection = select(model, &selectors, &reschedule)?;
    let condition = condition(scenario, &fail, &reschedule);
    let outcome = engine.simulate(&selection);
    let mut parts = Vec::new();
    let mut basis = Basis::new();
    // Whether a component fails rests on the scenarios named and on the
    // fields the selectors read.
    for &s in &selection.scenarios {
        basis.add(Premise::Scenario(s as u32));
    }
    for (key, wanted) in [("fails", true), ("survives", false)] {
        let Some(value) = d.get(key) else { continue };
        for name in list(value) {
            let c = component_id(model, name)?;
            if selection.failed.contains(&c) != wanted {
                let says = if wanted { "survives" } else { "fails too" };
                return Err(does_not_hold(format!(
                    "{} {says} ({condition})",
                    model.component(c).id
                )));
            }
            parts.push(format!(
                "{} {}",
                words::component(model, c),
                if wanted { "fails" } else { "survives" }
            ));
            basis.add_component(c, selection.fields);
        }
    }
    for key in state_keys {
        let Some(value) = d.get(key) else { continue };
        let names = list(value);
        if names.is_empty() {
            return Err(Problem::new(format!("`{key}=` lists nothing"))
                .with_hint("list hosts, flow ids or components, comma-separated"));
        }
        for name in names {
            let (actual, because, answer, named) = match subject(engine, name)? {
                Subject::Flow(f) => {
                    let f = &outcome.flows[f.index()];
                    (f.state, f.because.clone(), f.basis.clone(), name)
                }
                Subject::Component(c) => {
                    let a = engine.component_outcome(c, &selection);
                    (a.state, a.because, a.basis, words::component(model, c))
                }
            };
            if actual.as_str() != key {
                let chain = if because.is_empty() {
                    String::new()
                } else {
                    format!(
                        ", because of {}",
                        because
                            .iter()
                            .map(|&c| model.component(c).id.as_str())
                            .collect::<Vec<_>>()
                            .join(" → ")
                    )
                };
                return Err(does_not_hold(format!(
                    "{name} is {}, not {key} ({condition}{chain})",
                    actual.as_str()
                )));
            }
            parts.push(format!("{named} is {}", actual.word()));
            basis.extend(&answer);
        }
    }
    basis.finish(model);
    Ok(Checked {
        says: format!(
            "{}, {}",
            words::sentence(&words::condition(model, scenario, &fail, &reschedule)),
            words::and_list(&parts)
        ),
        basis,
        proposed: None,
    })
}

/// A scenario named by its id, or an error with near names.
pub(crate) fn scenario_id<'m>(model: &'m Model, name: &str) -> Result<&'m str, Problem> {
    model
        .scenarios
        .iter()
        .find(|s| s.id == name)
        .map(|s| s.id.as_str())
        .ok_or_else(|| {
            unknown(
                "scenario",
                name,
                model.scenarios.iter().map(|s| s.id.as_str()),
            )
        })
}

/// What a state claim names: a flow (by id or host), or a component (by
/// id or real name), whose state under the failures it states.
enum Subject {
    Flow(FlowId),
    Component(CompId),
}

fn subject(engine: &Engine, name: &str) -> Result<Subject, Problem> {
    let model = engine.model();
    let flow = super::flow(engine, name).ok();
    let component = component_id(model, name).ok();
    match (flow, component) {
        (Some(_), Some(_)) => Err(Problem::new(format!(
            "`{name}` names both a flow and a component"
        ))
        .with_hint("rename one of them in the model; a state claim must name one thing")),
        (Some(f), None) => Ok(Subject::Flow(f)),
        (None, Some(c)) => Ok(Subject::Component(c)),
        (None, None) => Err(unknown(
            "flow, host or component",
            name,
            model
                .flows
                .iter()
                .map(|f| f.id.as_str())
                .chain(model.component_names()),
        )),
    }
}
