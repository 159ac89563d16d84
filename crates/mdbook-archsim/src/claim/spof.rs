//! Single-point-of-failure claims: what a flow does and does not hinge on.

use archsim_core::{Basis, Engine};

use super::mark::Checked;
use super::{component_id, does_not_hold, flow, names_or_none, words};
use crate::directive::{Directive, list};
use crate::error::Problem;

/// The options a single-point-of-failure claim takes.
pub(super) const OPTIONS: &[&str] = &["spof", "includes", "excludes"];

pub(super) fn check(engine: &Engine, d: &Directive) -> Result<Checked, Problem> {
    if d.get("includes").is_none() && d.get("excludes").is_none() {
        return Err(
            Problem::new("the single-point-of-failure claim states nothing")
                .with_hint("add includes=\"component,...\" or excludes=\"component,...\""),
        );
    }
    let model = engine.model();
    let name = d.get("spof").unwrap_or_default();
    let flow = flow(engine, name)?;
    let answer = engine.flow_spof(flow);
    let spofs = &answer.components;
    let ids = || {
        spofs
            .iter()
            .map(|&c| model.component(c).id.as_str())
            .collect::<Vec<_>>()
    };
    let mut parts = Vec::new();
    // An included component rests on the answer that the flow is down
    // when it alone fails; an excluded one on everything the flow relies
    // on (its dependency lists being complete).
    let mut basis = Basis::new();
    // The components said to be single points of failure, then not.
    let mut named: [Vec<&str>; 2] = [Vec::new(), Vec::new()];
    for (key, wanted) in [("includes", true), ("excludes", false)] {
        let Some(value) = d.get(key) else { continue };
        for item in list(value) {
            let c = component_id(model, item)?;
            if !wanted && answer.cut_short {
                return Err(Problem::new(format!(
                    "cannot check that {} is not a single point of failure of {name}: the search stopped at its limit",
                    model.component(c).id
                ))
                .with_hint("a model this large or crafted cannot back an `excludes` claim"));
            }
            if spofs.contains(&c) != wanted {
                let verb = if wanted { "is not" } else { "is" };
                return Err(does_not_hold(format!(
                    "{} {verb} a single point of failure of {name} (its single points of failure are {})",
                    model.component(c).id,
                    names_or_none(&ids())
                )));
            }
            if wanted {
                basis.extend(&engine.spof_basis(flow, c));
            } else {
                basis.extend(&answer.basis);
            }
            named[usize::from(!wanted)].push(words::component(model, c));
        }
    }
    // `A and B are single points of failure of FLOW; C is not one`.
    for (i, names) in named.iter().enumerate() {
        if names.is_empty() {
            continue;
        }
        let one = names.len() == 1;
        parts.push(match (i, one) {
            (0, true) => format!("{} is a single point of failure of {name}", names[0]),
            (0, false) => format!(
                "{} are single points of failure of {name}",
                words::and_list(names)
            ),
            (_, true) if parts.is_empty() => {
                format!("{} is not a single point of failure of {name}", names[0])
            }
            (_, false) if parts.is_empty() => format!(
                "{} are not single points of failure of {name}",
                words::and_list(names)
            ),
            (_, true) => format!("{} is not one", names[0]),
            (_, false) => format!("{} are not", words::and_list(names)),
        });
    }
    basis.finish(model);
    Ok(Checked {
        says: parts.join("; "),
        basis,
        proposed: None,
    })
}
