//! What a click or a change inside a panel's markup asks for.
//!
//! Markup written as text (see [`crate::markup`]) carries no listeners.
//! Its buttons, checkboxes and selects say what they do in two
//! attributes, `data-act` (the verb) and `data-arg` (its object), and the
//! widget turns them into an [`Action`] here: one listener per widget, and
//! a pure function that the native tests drive.

use std::collections::BTreeSet;

use archsim_core::{CompId, Model};

use crate::state::Action;

/// What the control said, besides its attributes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Control<'a> {
    /// A checkbox's or radio's `checked`.
    pub checked: bool,
    /// A select's value.
    pub value: &'a str,
}

/// `data-act` / `data-arg` pairs, written next to each other so that the
/// markup and [`decode`] cannot drift apart.
pub mod verb {
    /// Route a host (`data-arg`: the host).
    pub const ROUTE: &str = "route";
    /// Explain a hop (`data-arg`: its index).
    pub const STEP: &str = "step";
    /// Fail or restore a component (`data-arg`: its index).
    pub const TOGGLE: &str = "toggle";
    /// Show a component's details (`data-arg`: its index, or empty to close).
    pub const SELECT: &str = "select";
    /// Restore every component.
    pub const CLEAR: &str = "clear";
    /// Pick a scenario preset (the select's value: its index, or empty).
    pub const SCENARIO: &str = "scenario";
    /// Show single points of failure (checkbox).
    pub const SPOF: &str = "spof";
    /// Answer a placement question (`data-arg`: its index; checkbox).
    pub const ANSWER: &str = "answer";
    /// Show the placement audit (checkbox).
    pub const AUDIT: &str = "audit";
    /// Whether clicking the map fails nodes (`data-arg`: `1` or `0`; radio).
    pub const CLICKS_FAIL: &str = "clicks-fail";
    /// Hide the notices.
    pub const DISMISS: &str = "dismiss";
}

/// The action a control asks for, or `None` when its attributes make no
/// sense for this model (a stale page, a hand-edited attribute).
pub fn decode(model: &Model, act: &str, arg: &str, control: &Control) -> Option<Action> {
    let component = |s: &str| {
        s.parse::<usize>()
            .ok()
            .filter(|i| *i < model.components.len())
            .map(CompId::from_index)
    };
    Some(match act {
        verb::ROUTE => Action::Route(arg.to_owned()),
        verb::STEP => Action::Step(Some(arg.parse().ok()?)),
        verb::TOGGLE => Action::ToggleFail(component(arg)?),
        verb::SELECT if arg.is_empty() => Action::Select(None),
        verb::SELECT => Action::Select(Some(component(arg)?)),
        verb::CLEAR => Action::Fail(BTreeSet::new(), None),
        verb::SCENARIO => {
            let index = control
                .value
                .parse::<usize>()
                .ok()
                .filter(|i| *i < model.scenarios.len());
            let failed = index
                .and_then(|i| archsim_core::select::components(model, &model.scenarios[i].id).ok())
                .unwrap_or_default();
            Action::Fail(failed, index)
        }
        verb::SPOF => Action::Spof(control.checked),
        verb::ANSWER => {
            let i = arg.parse::<usize>().ok()?;
            let q = model.placement.questions.get(i)?;
            Action::Answer(q.id.clone(), control.checked)
        }
        verb::AUDIT => Action::Audit(control.checked),
        verb::CLICKS_FAIL => Action::ClicksFail(arg == "1"),
        verb::DISMISS => Action::Dismiss,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_every_verb_and_refuses_nonsense() {
        let engine = archsim_core::Engine::tomoda().unwrap();
        let model = engine.model();
        let cf = model
            .components
            .iter()
            .position(|c| c.id == "cloudfront-prod")
            .unwrap();
        let cf_arg = cf.to_string();
        let cf = CompId::from_index(cf);
        let outage = model
            .scenarios
            .iter()
            .position(|s| s.id == "cloudfront-outage")
            .unwrap();
        let outage_value = outage.to_string();
        let q0 = model.placement.questions[0].id.clone();
        let on = Control {
            checked: true,
            value: "",
        };
        let off = Control::default();
        let scenario = Control {
            checked: false,
            value: &outage_value,
        };
        let preset = archsim_core::select::components(model, "cloudfront-outage").unwrap();
        let cases: Vec<(&str, &str, &Control, Option<Action>)> = vec![
            (
                "route",
                "api.tomoda.life",
                &off,
                Some(Action::Route("api.tomoda.life".into())),
            ),
            ("step", "2", &off, Some(Action::Step(Some(2)))),
            ("step", "x", &off, None),
            ("toggle", &cf_arg, &on, Some(Action::ToggleFail(cf))),
            ("toggle", "100000", &on, None),
            ("select", &cf_arg, &off, Some(Action::Select(Some(cf)))),
            ("select", "", &off, Some(Action::Select(None))),
            ("clear", "", &off, Some(Action::Fail(BTreeSet::new(), None))),
            (
                "scenario",
                "",
                &scenario,
                Some(Action::Fail(preset, Some(outage))),
            ),
            (
                "scenario",
                "",
                &off,
                Some(Action::Fail(BTreeSet::new(), None)),
            ),
            ("spof", "", &on, Some(Action::Spof(true))),
            ("answer", "0", &on, Some(Action::Answer(q0.clone(), true))),
            ("answer", "0", &off, Some(Action::Answer(q0, false))),
            ("answer", "999", &on, None),
            ("audit", "", &off, Some(Action::Audit(false))),
            ("clicks-fail", "1", &on, Some(Action::ClicksFail(true))),
            ("clicks-fail", "0", &on, Some(Action::ClicksFail(false))),
            ("dismiss", "", &off, Some(Action::Dismiss)),
            ("launch", "", &off, None),
        ];
        for (act, arg, control, expected) in cases {
            assert_eq!(decode(model, act, arg, control), expected, "{act} {arg}");
        }
    }
}
