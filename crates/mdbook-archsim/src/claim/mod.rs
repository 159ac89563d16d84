//! Checked claims: facts stated in the prose, verified against the model.
//!
//! `{{#archsim claim ...}}` names a subject (what fails, a placement, a
//! host's DNS, a component, a route, a flow's single points of failure) and
//! what the page says about it. The engine answers the same question; when
//! the answers agree the claim renders as a small "checked" mark, and when
//! they disagree the build fails with what the model says instead. So the
//! prose cannot drift from the model unnoticed.

mod component;
mod dns;
mod mark;
mod placement;
mod proposal;
mod route;
mod spof;
mod states;
pub(crate) mod words;

use archsim_core::suggest::{did_you_mean, nearest};
use archsim_core::{CompId, Engine, FlowId, Model};

use crate::directive::Directive;
use crate::error::Problem;

pub use mark::{Checked, MAX_NAMED, MAX_SPELLED_OUT, Proposal, mark};
pub(crate) use states::scenario_id;

/// One kind of claim: the option that names its subject, what messages
/// call it, every option it takes and its check. Adding a kind of claim is
/// a module with `OPTIONS` and `check`, and a row here.
struct Kind {
    /// The option naming the subject; `None` for failure claims, which
    /// name what fails with `fail=` or `scenario=` instead.
    subject: Option<&'static str>,
    what: &'static str,
    options: fn() -> Vec<&'static str>,
    check: fn(&Engine, &Directive) -> Result<Checked, Problem>,
}

const KINDS: [Kind; 7] = [
    Kind {
        subject: None,
        what: "failure",
        options: states::options,
        check: states::check,
    },
    Kind {
        subject: Some("place"),
        what: "placement",
        options: || placement::OPTIONS.to_vec(),
        check: placement::check,
    },
    Kind {
        subject: Some("dns"),
        what: "DNS",
        options: || dns::OPTIONS.to_vec(),
        check: dns::check,
    },
    Kind {
        subject: Some("component"),
        what: "component",
        options: || component::OPTIONS.to_vec(),
        check: component::check,
    },
    Kind {
        subject: Some("route"),
        what: "route",
        options: || route::OPTIONS.to_vec(),
        check: route::check,
    },
    Kind {
        subject: Some("spof"),
        what: "single-point-of-failure",
        options: || spof::OPTIONS.to_vec(),
        check: spof::check,
    },
    Kind {
        subject: Some("draft"),
        what: "draft",
        options: || proposal::OPTIONS.to_vec(),
        check: proposal::check,
    },
];

/// Every option a claim takes, for did-you-mean hints.
pub fn options() -> Vec<&'static str> {
    let mut all: Vec<&'static str> = Vec::new();
    for option in KINDS.iter().flat_map(|k| (k.options)()) {
        if !all.contains(&option) {
            all.push(option);
        }
    }
    all
}

/// "fail=, place=, dns=, …": the options that name a claim's subject
/// (a failure claim's is `fail=`, or `scenario=`).
fn subjects_hint() -> String {
    KINDS
        .iter()
        .map(|k| format!("{}=", k.subject.unwrap_or("fail")))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Check a claim: what it says and what its answer rests on, or why the
/// claim fails.
pub fn check(engine: &Engine, d: &Directive) -> Result<Checked, Problem> {
    if let Some((word, _)) = d.words.first() {
        return Err(
            Problem::new(format!("a claim takes no bare word (`{word}`)")).with_hint(
                "state the claim with options, e.g. claim dns=\"HOST\" writer=\"WRITER\"",
            ),
        );
    }
    let kind = crate::directive::one_kind(
        &KINDS,
        |k| k.subject,
        d,
        "a claim",
        "split it into several claims",
    )?;
    allow(d, &(kind.options)(), kind.what)?;
    (kind.check)(engine, d)
}

fn allow(d: &Directive, allowed: &[&str], what: &str) -> Result<(), Problem> {
    for o in &d.options {
        if !allowed.contains(&o.key.as_str()) {
            let near = nearest(&o.key, allowed.iter().copied(), 3);
            let hint = if near.is_empty() {
                format!("{what} claims take {}", allowed.join(", "))
            } else {
                did_you_mean(&near)
            };
            return Err(
                Problem::new(format!("`{}` is not an option of a {what} claim", o.key))
                    .with_hint(hint),
            );
        }
    }
    Ok(())
}

/// A claim the model contradicts. No hint: what the model says is the hint.
fn does_not_hold(says: String) -> Problem {
    Problem::new(format!("claim does not hold: the model says {says}"))
}

/// "in scenario X, failing a, b and rescheduling c", for messages.
pub(crate) fn condition(scenario: Option<&str>, fail: &[&str], reschedule: &[&str]) -> String {
    let mut out = Vec::new();
    if let Some(scenario) = scenario {
        out.push(format!("in scenario {scenario}"));
    }
    if !fail.is_empty() {
        out.push(format!("failing {}", fail.join(", ")));
    }
    if !reschedule.is_empty() {
        out.push(format!("rescheduling {}", reschedule.join(", ")));
    }
    if out.is_empty() {
        "with nothing failing".to_owned()
    } else {
        out.join(" and ")
    }
}

/// A flow named by its id or by its host (a URL works too).
pub(crate) fn flow(engine: &Engine, name: &str) -> Result<FlowId, Problem> {
    let model = engine.model();
    if let Some(f) = model.flow_by_id(name) {
        return Ok(f);
    }
    if let Ok(host) = engine.zone_host(name)
        && let Some(f) = model.flow_by_id(&host)
    {
        return Ok(f);
    }
    Err(unknown(
        "flow or host",
        name,
        model.flows.iter().map(|f| f.id.as_str()),
    ))
}

fn unknown<'a>(what: &str, name: &str, candidates: impl Iterator<Item = &'a str>) -> Problem {
    let candidates: Vec<&str> = candidates.collect();
    let near = nearest(name, candidates.iter().copied(), 3);
    let hint = if !near.is_empty() {
        did_you_mean(&near)
    } else if candidates.len() <= 12 {
        format!("known: {}", candidates.join(", "))
    } else {
        format!("no {what} has that name; the reference lists them")
    };
    Problem::new(format!("unknown {what} `{name}`")).with_hint(hint)
}

/// A component named by its id or its real name.
pub(crate) fn component_id(model: &Model, name: &str) -> Result<CompId, Problem> {
    model
        .component_by_id(name)
        .or_else(|| {
            model
                .components
                .iter()
                .position(|c| c.name.eq_ignore_ascii_case(name))
                .map(CompId::from_index)
        })
        .ok_or_else(|| unknown("component", name, model.component_names()))
}

fn names_or_none(names: &[&str]) -> String {
    if names.is_empty() {
        "none".to_owned()
    } else {
        names.join(", ")
    }
}
