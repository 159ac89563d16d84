//! Placement claims: the verdict, deciding rules and nearest precedent.

use archsim_core::Engine;
use archsim_core::place::{Verdict, place};

use super::mark::Checked;
use super::{component_id, does_not_hold, names_or_none, unknown};
use crate::directive::{Directive, list};
use crate::error::Problem;

/// The options a placement claim takes.
pub(super) const OPTIONS: &[&str] = &["place", "verdict", "precedent", "rule"];

pub(super) fn check(engine: &Engine, d: &Directive) -> Result<Checked, Problem> {
    if d.get("verdict").is_none() && d.get("precedent").is_none() && d.get("rule").is_none() {
        return Err(Problem::new("the placement claim states nothing")
            .with_hint("add verdict=\"PROVIDER\" (a provider id, conflict or undecided), rule=\"...\" or precedent=\"...\""));
    }
    let model = engine.model();
    let answers = list(d.get("place").unwrap_or_default());
    let answer = place(model, &answers)?;
    let given = if answers.is_empty() {
        "no answers".to_owned()
    } else {
        answers.join(", ")
    };
    let verdict = answer.evaluation.verdict.name(model);
    let mut parts = Vec::new();
    if let Some(claimed) = d.get("verdict") {
        let known = model
            .providers
            .iter()
            .map(|p| p.id.as_str())
            .chain([Verdict::Conflict, Verdict::Undecided].map(|v| v.name(model)));
        if !known.clone().any(|k| k == claimed) {
            return Err(unknown("verdict", claimed, known));
        }
        if claimed != verdict {
            return Err(does_not_hold(format!(
                "the placement verdict for {given} is {verdict}, not {claimed}"
            )));
        }
        let named = model
            .providers
            .iter()
            .find(|p| p.id == verdict)
            .map_or(verdict, |p| p.name.as_str());
        parts.push(format!("the placement verdict for {given} is {named}"));
    }
    if let Some(rules) = d.get("rule") {
        let deciding: Vec<&str> = answer
            .evaluation
            .deciding
            .iter()
            .map(|r| model.placement.rules[r.index()].id.as_str())
            .collect();
        for rule in list(rules) {
            if !model.placement.rules.iter().any(|r| r.id == rule) {
                return Err(unknown(
                    "placement rule",
                    rule,
                    model.placement.rules.iter().map(|r| r.id.as_str()),
                ));
            }
            if !deciding.contains(&rule) {
                return Err(does_not_hold(format!(
                    "the rules that decide {given} are {}, and {rule} is not one of them",
                    names_or_none(&deciding)
                )));
            }
            parts.push(format!("{rule} decides"));
        }
    }
    if let Some(precedent) = d.get("precedent") {
        let wanted = component_id(model, precedent)?;
        let nearest = answer.precedents.first().map(|p| p.component);
        if nearest != Some(wanted) {
            let says = match nearest {
                Some(c) => model.component(c).id.as_str(),
                None => "none",
            };
            return Err(does_not_hold(format!(
                "the nearest precedent for {given} is {says}, not {}",
                model.component(wanted).id
            )));
        }
        parts.push(format!(
            "the nearest precedent is {}",
            model.component(wanted).name
        ));
    }
    // A verdict or a deciding rule rests on the rules alone; the nearest
    // precedent also on the answers of the components it was ranked among.
    let basis = if d.get("precedent").is_some() {
        archsim_core::place::answer_basis(model, &answer)
    } else {
        archsim_core::place::verdict_basis(model)
    };
    Ok(Checked {
        says: parts.join("; "),
        basis,
        proposed: None,
    })
}
