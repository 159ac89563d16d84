//! Route claims: the hops a request takes, and the verdict it reaches.

use archsim_core::select::select;
use archsim_core::{Basis, CompId, Engine, Premise, RouteVerdict, State};

use super::mark::Checked;
use super::{component_id, condition, does_not_hold, unknown, words};
use crate::directive::{Directive, list};
use crate::error::Problem;

/// The options a route claim takes.
pub(super) const OPTIONS: &[&str] = &["route", "via", "verdict", "fail"];

pub(super) fn check(engine: &Engine, d: &Directive) -> Result<Checked, Problem> {
    if d.get("via").is_none() && d.get("verdict").is_none() {
        return Err(Problem::new("the route claim states nothing")
            .with_hint("add via=\"component,...\" or verdict=\"ok\""));
    }
    let model = engine.model();
    let fail: Vec<&str> = d.get("fail").map(list).unwrap_or_default();
    let selection = select(model, &fail, &[])?;
    let route = engine.route(d.get("route").unwrap_or_default(), &selection)?;
    let condition = condition(None, &fail, &[]);
    let said = words::condition(model, None, &fail, &[]);
    let mut parts = Vec::new();
    // What the claim rests on: the route up to the last hop it names;
    // under failures, which way the request goes depends on what failed
    // and what is left (alternatives), so the route's whole answer; for a
    // verdict, what the route's answer rests on.
    let mut basis = Basis::new();
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
        let named: Vec<&str> = list(via)
            .into_iter()
            .map(|name| component_id(model, name).map(|c| words::component(model, c)))
            .collect::<Result<_, _>>()?;
        parts.push(format!(
            "{}, {} goes through {}",
            words::sentence(&said),
            route.host,
            named.join(", then ")
        ));
        if !fail.is_empty() {
            basis.extend(&route.basis);
        }
        basis.add(Premise::Zone);
        for hop in &route.hops[..from] {
            basis.add_component(hop.component, 0);
            if let Some(edge) = hop.via {
                basis.add(Premise::Edge(edge));
            }
        }
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
        parts.push(match route.verdict {
            RouteVerdict::NoRecord => {
                format!("{}, {} has no record", words::sentence(&said), route.host)
            }
            RouteVerdict::Resolves(state) => format!(
                "{}, {} is {}",
                words::sentence(&said),
                route.host,
                state.word()
            ),
        });
        basis.extend(&route.basis);
    }
    basis.finish(model);
    Ok(Checked {
        says: parts.join("; "),
        basis,
        proposed: None,
    })
}
