//! Route claims: the hops a request takes, and the verdict it reaches.

use archsim_core::select::select;
use archsim_core::{CompId, Engine, RouteVerdict, State};

use archsim_core::edge_assumptions_touching;

use super::mark::Checked;
use super::{allow, component_id, condition, does_not_hold, unknown};
use crate::directive::{Directive, list};
use crate::error::Problem;

pub(super) fn check(engine: &Engine, d: &Directive) -> Result<Checked, Problem> {
    allow(d, &["route", "via", "verdict", "fail"], "route")?;
    if d.get("via").is_none() && d.get("verdict").is_none() {
        return Err(Problem::new("the route claim states nothing")
            .with_hint("add via=\"component,...\" or verdict=\"ok\""));
    }
    let model = engine.model();
    let fail: Vec<&str> = d.get("fail").map(list).unwrap_or_default();
    let selection = select(model, &fail, &[])?;
    let route = engine.route(d.get("route").unwrap_or_default(), &selection)?;
    let condition = condition(None, &fail, &[]);
    let mut parts = Vec::new();
    // What the claim rests on: the hops it names, or the cause chain.
    let mut about: Vec<&str> = Vec::new();
    if let Some(via) = d.get("via") {
        let hops: Vec<CompId> = route.hops.iter().map(|h| h.component).collect();
        let path = || {
            hops.iter()
                .map(|&c| model.component(c).id.as_str())
                .collect::<Vec<_>>()
                .join(" → ")
        };
        let mut from = 0;
        for name in list(via) {
            let wanted = component_id(model, name)?;
            match hops[from..].iter().position(|&c| c == wanted) {
                Some(i) => from += i + 1,
                None if hops.contains(&wanted) => {
                    return Err(does_not_hold(format!(
                        "{} goes {}, which reaches {name} earlier than the claim says",
                        route.host,
                        path()
                    )));
                }
                None => {
                    let path = if hops.is_empty() {
                        "nowhere (no record)".to_owned()
                    } else {
                        path()
                    };
                    return Err(does_not_hold(format!(
                        "{} goes {path}, not via {name} ({condition})",
                        route.host
                    )));
                }
            }
        }
        parts.push(format!("{} goes via {}", route.host, list(via).join(", ")));
        about.extend(
            list(via)
                .iter()
                .map(|&n| component_id(model, n).map_or(n, |c| model.component(c).id.as_str())),
        );
    }
    if let Some(claimed) = d.get("verdict") {
        let known = State::ALL
            .iter()
            .map(|s| s.as_str())
            .chain([RouteVerdict::NoRecord.as_str()]);
        if !known.clone().any(|k| k == claimed) {
            return Err(unknown("verdict", claimed, known));
        }
        if route.verdict.as_str() != claimed {
            return Err(does_not_hold(format!(
                "{} is {}, not {claimed} ({condition})",
                route.host,
                route.verdict.as_str()
            )));
        }
        parts.push(format!("{} is {claimed} ({condition})", route.host));
        about.extend(
            route
                .because
                .iter()
                .map(|&c| model.component(c).id.as_str()),
        );
    }
    Ok(Checked {
        says: parts.join("; "),
        assumes: edge_assumptions_touching(&route.assumptions, &about),
    })
}
