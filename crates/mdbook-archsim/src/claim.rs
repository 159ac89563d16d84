//! Checked claims: facts stated in the prose, verified against the model.
//!
//! `{{#archsim claim ...}}` names a subject (what fails, a placement, a
//! host's DNS, a component, a route, a flow's single points of failure) and
//! what the page says about it. The engine answers the same question; when
//! the answers agree the claim renders as a small "checked" mark, and when
//! they disagree the build fails with what the model says instead. So the
//! prose cannot drift from the model unnoticed.

use archsim_core::place::{Verdict, place};
use archsim_core::select::select;
use archsim_core::suggest::{did_you_mean, nearest};
use archsim_core::{CompId, Engine, FlowId, Model, RouteVerdict, State};
use archsim_view::escape;

use crate::directive::{Directive, list};
use crate::error::Problem;

/// Every option a claim takes, for did-you-mean hints.
pub const OPTIONS: &[&str] = &[
    "fail",
    "scenario",
    "reschedule",
    "ok",
    "at-risk",
    "degraded",
    "down",
    "fails",
    "survives",
    "place",
    "verdict",
    "precedent",
    "rule",
    "dns",
    "writer",
    "component",
    "terraform",
    "provider",
    "region",
    "kind",
    "env",
    "product",
    "runs-in",
    "route",
    "via",
    "spof",
    "includes",
    "excludes",
];

/// Component fields a claim can state.
const COMPONENT_FIELDS: &[&str] = &[
    "terraform",
    "provider",
    "region",
    "kind",
    "env",
    "product",
    "runs-in",
];

/// Check a claim; return the "checked" mark, or why the claim fails.
pub fn check(engine: &Engine, d: &Directive) -> Result<String, Problem> {
    if let Some((word, _)) = d.words.first() {
        return Err(
            Problem::new(format!("a claim takes no bare word (`{word}`)")).with_hint(
                "state the claim with options, e.g. claim dns=\"host\" writer=\"external-dns\"",
            ),
        );
    }
    let subjects = ["place", "dns", "component", "route", "spof"];
    let given: Vec<&str> = subjects
        .iter()
        .copied()
        .filter(|s| d.get(s).is_some())
        .collect();
    let summary = match given.as_slice() {
        [] => states(engine, d)?,
        ["place"] => placement(engine, d)?,
        ["dns"] => dns(engine, d)?,
        ["component"] => component(engine, d)?,
        ["route"] => route(engine, d)?,
        ["spof"] => spof(engine, d)?,
        many => {
            return Err(Problem::new(format!(
                "a claim states one thing; this one names {}",
                many.iter()
                    .map(|s| format!("`{s}=`"))
                    .collect::<Vec<_>>()
                    .join(" and ")
            ))
            .with_hint("split it into several claims"));
        }
    };
    Ok(mark(&summary))
}

/// What a claim that holds checked, and the model's assumptions its answer
/// rests on (subject, assumption).
pub struct Checked {
    says: String,
    assumes: Vec<(String, String)>,
}

impl Checked {
    /// A claim whose answer rests on the source document alone.
    fn fact(says: String) -> Self {
        Checked {
            says,
            assumes: Vec::new(),
        }
    }
}

/// The inline mark of a claim that holds: "checked", or "assumed" when the
/// model assumes something about what the claim names (its note lists
/// what, so the reader can judge how much it matters). The mark takes the focus,
/// so its note (what was checked, and the assumptions) shows for the
/// keyboard as for the mouse (`archsim.css`).
pub fn mark(c: &Checked) -> String {
    let mut note = format!("Checked against the model: {}.", c.says);
    let (class, sign, word) = if c.assumes.is_empty() {
        ("archsim-claim", "✓", "checked")
    } else {
        note.push_str(" What it names carries assumptions beyond the source document: ");
        let assumes: Vec<String> = c
            .assumes
            .iter()
            .map(|(subject, text)| format!("{subject}: {text}"))
            .collect();
        note.push_str(&assumes.join(" "));
        ("archsim-claim is-assumed", "?", "assumed")
    };
    format!(
        "<span class=\"{class}\" tabindex=\"0\" role=\"note\" aria-label=\"{}\"><span aria-hidden=\"true\">{sign}</span> {word}</span>",
        escape::html(&note)
    )
}

/// The assumptions about `ids`: a component's own, or an edge's with
/// either end among them.
fn touching(assumptions: &[(String, String)], ids: &[&str]) -> Vec<(String, String)> {
    assumptions
        .iter()
        .filter(|(subject, _)| subject.split(" → ").any(|end| ids.contains(&end)))
        .cloned()
        .collect()
}

/// The assumptions about edges with an end among `ids`. What fails with
/// what rests on the dependencies; a component's own assumption (who made
/// it, where its manifests live) does not change it.
fn edges_touching(assumptions: &[(String, String)], ids: &[&str]) -> Vec<(String, String)> {
    let mut out = touching(assumptions, ids);
    out.retain(|(subject, _)| subject.contains(" → "));
    out
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

// ------------------------------------------------------------ flow states

fn states(engine: &Engine, d: &Directive) -> Result<Checked, Problem> {
    let state_keys = ["ok", "at-risk", "degraded", "down"];
    let mut allowed = vec!["fail", "scenario", "reschedule", "fails", "survives"];
    allowed.extend(state_keys);
    allow(d, &allowed, "failure")?;
    if state_keys
        .iter()
        .chain(&["fails", "survives"])
        .all(|k| d.get(k).is_none())
    {
        return Err(Problem::new("the claim states nothing").with_hint(
            "a claim needs a subject (fail=, place=, dns=, component=, route=, spof=) and what holds, e.g. fail=\"cloudfront\" down=\"assets.tomoda.life\"",
        ));
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
    let mut assumes = Vec::new();
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
                model.component(c).id,
                if wanted { "fails" } else { "survives" }
            ));
        }
    }
    for key in state_keys {
        let Some(value) = d.get(key) else { continue };
        let names = list(value);
        if names.is_empty() {
            return Err(Problem::new(format!("`{key}=` lists nothing"))
                .with_hint("list hosts or flow ids, comma-separated"));
        }
        for name in names {
            let flow = flow(engine, name)?;
            let actual = outcome.flows[flow.index()].state;
            if actual.as_str() != key {
                let because = &outcome.flows[flow.index()].because;
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
            parts.push(format!("{name} is {key}"));
            // A flow that is not ok rests on its cause chain.
            let f = &outcome.flows[flow.index()];
            let chain: Vec<&str> = f
                .because
                .iter()
                .map(|&c| model.component(c).id.as_str())
                .collect();
            for a in edges_touching(&f.assumptions, &chain) {
                if !assumes.contains(&a) {
                    assumes.push(a);
                }
            }
        }
    }
    Ok(Checked {
        says: format!("{condition}, {}", parts.join(", ")),
        assumes,
    })
}

/// "in scenario X, failing a, b and rescheduling c", for messages.
fn condition(scenario: Option<&str>, fail: &[&str], reschedule: &[&str]) -> String {
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

fn scenario_id<'m>(model: &'m Model, name: &str) -> Result<&'m str, Problem> {
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

/// A flow named by its id or by its host (a URL works too).
pub fn flow(engine: &Engine, name: &str) -> Result<FlowId, Problem> {
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
pub fn component_id(model: &Model, name: &str) -> Result<CompId, Problem> {
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

// --------------------------------------------------------------- placement

fn placement(engine: &Engine, d: &Directive) -> Result<Checked, Problem> {
    allow(d, &["place", "verdict", "precedent", "rule"], "placement")?;
    if d.get("verdict").is_none() && d.get("precedent").is_none() && d.get("rule").is_none() {
        return Err(Problem::new("the placement claim states nothing")
            .with_hint("add verdict=\"gcp\" (a provider, conflict or undecided), rule=\"...\" or precedent=\"...\""));
    }
    let model = engine.model();
    let answers = list(d.get("place").unwrap_or_default());
    let answer = place(model, &answers)?;
    let given = if answers.is_empty() {
        "no answers".to_owned()
    } else {
        answers.join(", ")
    };
    let verdict = match answer.evaluation.verdict {
        Verdict::Provider(p) => model.providers[p.index()].id.as_str(),
        Verdict::Conflict => "conflict",
        Verdict::Undecided => "undecided",
    };
    let mut parts = Vec::new();
    if let Some(claimed) = d.get("verdict") {
        let known = model
            .providers
            .iter()
            .map(|p| p.id.as_str())
            .chain(["conflict", "undecided"]);
        if !known.clone().any(|k| k == claimed) {
            return Err(unknown("verdict", claimed, known));
        }
        if claimed != verdict {
            return Err(does_not_hold(format!(
                "the placement verdict for {given} is {verdict}, not {claimed}"
            )));
        }
        parts.push(format!("the verdict for {given} is {verdict}"));
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
            model.component(wanted).id
        ));
    }
    Ok(Checked::fact(parts.join("; ")))
}

fn names_or_none(names: &[&str]) -> String {
    if names.is_empty() {
        "none".to_owned()
    } else {
        names.join(", ")
    }
}

// --------------------------------------------------------------------- dns

fn dns(engine: &Engine, d: &Directive) -> Result<Checked, Problem> {
    allow(d, &["dns", "writer"], "DNS")?;
    let model = engine.model();
    let host = d.get("dns").unwrap_or_default();
    let Some(claimed) = d.get("writer") else {
        return Err(Problem::new("the DNS claim states nothing")
            .with_hint("add writer=\"...\" (a writer id, or none)"));
    };
    let answer = engine.dns(host)?;
    let actual = answer
        .writer
        .map_or("none", |w| model.writers[w.index()].id.as_str());
    let known = model.writers.iter().map(|w| w.id.as_str()).chain(["none"]);
    if !known.clone().any(|k| k == claimed) {
        return Err(unknown("writer", claimed, known));
    }
    if actual != claimed {
        return Err(does_not_hold(format!(
            "{}'s record is written by {actual}, not {claimed}",
            answer.host
        )));
    }
    let says = if actual == "none" {
        format!("no writer claims {}", answer.host)
    } else {
        format!("{}'s record is written by {actual}", answer.host)
    };
    Ok(Checked {
        says,
        assumes: answer.assumptions,
    })
}

// --------------------------------------------------------------- component

fn component(engine: &Engine, d: &Directive) -> Result<Checked, Problem> {
    let mut allowed = vec!["component"];
    allowed.extend(COMPONENT_FIELDS);
    allow(d, &allowed, "component")?;
    let model = engine.model();
    let id = component_id(model, d.get("component").unwrap_or_default())?;
    let c = model.component(id);
    let mut parts = Vec::new();
    for &field in COMPONENT_FIELDS {
        let Some(claimed) = d.get(field) else {
            continue;
        };
        let actual: String = match field {
            "terraform" => {
                if claimed != "true" && claimed != "false" {
                    return Err(Problem::new(format!(
                        "terraform=\"{claimed}\" is neither true nor false"
                    )));
                }
                c.terraform.to_string()
            }
            "provider" => model.provider_name(c.provider).to_owned(),
            "region" => model.region_name(c.region).to_owned(),
            "kind" => c.kind.clone(),
            "env" => c.env.clone(),
            "product" => c.product.clone().unwrap_or_else(|| "-".to_owned()),
            _ => c
                .runs_in
                .map_or("-".to_owned(), |r| model.component(r).id.clone()),
        };
        if actual != claimed {
            return Err(does_not_hold(format!(
                "{}'s {field} is {actual}, not {claimed}",
                c.id
            )));
        }
        parts.push(format!("{field} = {actual}"));
    }
    if parts.is_empty() {
        return Err(Problem::new("the component claim states nothing")
            .with_hint(format!("add one of {}", COMPONENT_FIELDS.join(", "))));
    }
    Ok(Checked {
        says: format!("{}: {}", c.id, parts.join(", ")),
        assumes: c
            .assumption
            .iter()
            .map(|a| (c.id.clone(), a.clone()))
            .collect(),
    })
}

// ------------------------------------------------------------------- route

fn route(engine: &Engine, d: &Directive) -> Result<Checked, Problem> {
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
        assumes: touching(&route.assumptions, &about),
    })
}

// -------------------------------------------------------------------- spof

fn spof(engine: &Engine, d: &Directive) -> Result<Checked, Problem> {
    allow(
        d,
        &["spof", "includes", "excludes"],
        "single-point-of-failure",
    )?;
    if d.get("includes").is_none() && d.get("excludes").is_none() {
        return Err(
            Problem::new("the single-point-of-failure claim states nothing")
                .with_hint("add includes=\"component,...\" or excludes=\"component,...\""),
        );
    }
    let model = engine.model();
    let name = d.get("spof").unwrap_or_default();
    let flow = flow(engine, name)?;
    let spofs = engine.spof_of(flow);
    let ids = || {
        spofs
            .iter()
            .map(|&c| model.component(c).id.as_str())
            .collect::<Vec<_>>()
    };
    let mut parts = Vec::new();
    let mut included = Vec::new();
    for (key, wanted) in [("includes", true), ("excludes", false)] {
        let Some(value) = d.get(key) else { continue };
        for item in list(value) {
            let c = component_id(model, item)?;
            if spofs.contains(&c) != wanted {
                let verb = if wanted { "is not" } else { "is" };
                return Err(does_not_hold(format!(
                    "{} {verb} a single point of failure of {name} (its single points of failure are {})",
                    model.component(c).id,
                    names_or_none(&ids())
                )));
            }
            if wanted {
                included.push(model.component(c).id.as_str());
            }
            let verb = if wanted { "is" } else { "is not" };
            parts.push(format!(
                "{} {verb} a single point of failure of {name}",
                model.component(c).id
            ));
        }
    }
    // An included component rests on the edges that make it one.
    let assumes = engine
        .spof()
        .into_iter()
        .find(|s| s.flow == flow)
        .map(|s| edges_touching(&s.assumptions, &included))
        .unwrap_or_default();
    Ok(Checked {
        says: parts.join("; "),
        assumes,
    })
}
