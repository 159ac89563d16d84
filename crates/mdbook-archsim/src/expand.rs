//! Widget directives → a mount point for the wasm bundle, holding a static
//! fallback rendered now from the same engine.
//!
//! The mount contract (version 1), documented in the book's reference:
//!
//! ```text
//! <div class="archsim" data-archsim="KIND" data-archsim-v="1" [data-model="#archsim-model"]
//!      [data-host=".."] [data-fail="a,b"] [data-scenario=".."] [data-answers="q1,q2"]
//!      [data-focus="provider:aws"] [data-spof="true"] [data-audit="true"]><div class="archsim-fallback">STATIC HTML</div></div>
//! ```
//!
//! on one line group with no blank line inside (a blank line would end
//! CommonMark's HTML block and let Markdown rewrite the fallback), and a
//! blank line before and after. The bundle replaces the fallback; readers
//! without JavaScript, the search index and the print view keep it.

use archsim_core::select::select;
use archsim_core::suggest::{did_you_mean, nearest};
use archsim_core::{CompId, Engine, Model};
use archsim_view::{escape, html, layout, present, svg};

use crate::directive::{Directive, list};
use crate::error::Problem;

/// The mount contract's major version, written as `data-archsim-v`.
pub const CONTRACT_VERSION: u32 = 1;

/// The id of the page's model script, when the book's model is not the bundle's.
pub const MODEL_SCRIPT_ID: &str = "archsim-model";

/// Widget kinds and the options each takes.
pub const WIDGETS: &[(&str, &[&str])] = &[
    ("map", &["focus", "highlight"]),
    ("route", &["host", "fail"]),
    ("fail", &["scenario", "components", "spof"]),
    ("place", &["answers", "audit"]),
    ("dns", &["host"]),
];

/// The options `kind` takes, if it is a widget.
pub fn widget_options(kind: &str) -> Option<&'static [&'static str]> {
    WIDGETS.iter().find(|(k, _)| *k == kind).map(|(_, o)| *o)
}

/// Reject options the kind does not take, and bare words.
pub fn check_options(d: &Directive, allowed: &[&str]) -> Result<(), Problem> {
    for o in &d.options {
        if !allowed.contains(&o.key.as_str()) {
            let near = nearest(&o.key, allowed.iter().copied(), 3);
            let hint = if !near.is_empty() {
                did_you_mean(&near)
            } else if allowed.is_empty() {
                format!("`{}` takes no options", d.kind)
            } else {
                format!("`{}` takes {}", d.kind, allowed.join(", "))
            };
            return Err(
                Problem::new(format!("`{}` is not an option of `{}`", o.key, d.kind))
                    .with_hint(hint),
            );
        }
    }
    Ok(())
}

/// Where a widget is mounted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Mount {
    /// `Some("#archsim-model")` when the page carries the model (the book's
    /// model differs from the one in the bundle).
    pub model_ref: Option<String>,
    /// Prefix of ids inside the fallback, unique across the whole book (the
    /// print view puts every page on one).
    pub id_prefix: String,
}

/// A widget's mount point and fallback.
pub fn widget(engine: &Engine, d: &Directive, at: &Mount) -> Result<String, Problem> {
    let allowed = widget_options(&d.kind).unwrap_or_default();
    check_options(d, allowed)?;
    if let Some((word, _)) = d.words.first() {
        return Err(
            Problem::new(format!("`{}` takes no bare word (`{word}`)", d.kind)).with_hint(format!(
                "options are written key=\"value\": {}",
                allowed.join(", ")
            )),
        );
    }
    let mut attrs = Attrs::default();
    let fallback = match d.kind.as_str() {
        "map" => map(engine, d, &at.id_prefix, &mut attrs)?,
        "route" => route(engine, d, &mut attrs)?,
        "fail" => fail(engine, d, &mut attrs)?,
        "place" => place(engine, d, &mut attrs)?,
        _ => dns(engine, d, &mut attrs)?,
    };
    Ok(mount(&d.kind, at.model_ref.as_deref(), &attrs, &fallback))
}

/// The `data-*` attributes a widget gets, each only when given.
#[derive(Default)]
struct Attrs {
    host: Option<String>,
    fail: Option<String>,
    scenario: Option<String>,
    answers: Option<String>,
    focus: Option<String>,
    spof: bool,
    audit: bool,
}

fn mount(kind: &str, model_ref: Option<&str>, attrs: &Attrs, fallback: &str) -> String {
    let mut out = format!(
        "\n\n<div class=\"archsim\" data-archsim=\"{}\" data-archsim-v=\"{CONTRACT_VERSION}\"",
        escape::html(kind)
    );
    let mut attr = |name: &str, value: Option<&str>| {
        if let Some(value) = value {
            out.push_str(&format!(" {name}=\"{}\"", escape::html(value)));
        }
    };
    attr("data-model", model_ref);
    attr("data-host", attrs.host.as_deref());
    attr("data-fail", attrs.fail.as_deref());
    attr("data-scenario", attrs.scenario.as_deref());
    attr("data-answers", attrs.answers.as_deref());
    attr("data-focus", attrs.focus.as_deref());
    attr("data-spof", attrs.spof.then_some("true"));
    attr("data-audit", attrs.audit.then_some("true"));
    out.push_str("><div class=\"archsim-fallback\">");
    out.push_str(&html_block(fallback));
    out.push_str("</div></div>\n\n");
    out
}

/// HTML that stays one CommonMark HTML block: whitespace-only lines are
/// dropped, because a blank line would end the block and hand the rest of
/// the fallback to the Markdown parser.
pub fn html_block(fragment: &str) -> String {
    let lines: Vec<&str> = fragment.lines().filter(|l| !l.trim().is_empty()).collect();
    lines.join("\n")
}

/// `"true"` or `"false"`; anything else is an error naming the option.
pub fn flag(d: &Directive, key: &str) -> Result<bool, Problem> {
    match d.get(key) {
        None | Some("false") => Ok(false),
        Some("true") => Ok(true),
        Some(other) => Err(Problem::new(format!(
            "{key}=\"{other}\" is neither \"true\" nor \"false\""
        ))),
    }
}

fn required<'d>(d: &'d Directive, key: &str, example: &str) -> Result<&'d str, Problem> {
    d.get(key).ok_or_else(|| {
        Problem::new(format!("`{}` needs `{key}=`", d.kind)).with_hint(format!(
            "e.g. {{{{#archsim {} {key}=\"{example}\"}}}}",
            d.kind
        ))
    })
}

// --------------------------------------------------------------------- map

fn map(
    engine: &Engine,
    d: &Directive,
    id_prefix: &str,
    attrs: &mut Attrs,
) -> Result<String, Problem> {
    let model = engine.model();
    let only = match d.get("focus") {
        Some(focus) => {
            attrs.focus = Some(focus.to_owned());
            Some(focus_components(model, focus)?)
        }
        None => None,
    };
    let mut highlight = Vec::new();
    if let Some(host) = d.get("highlight") {
        let route = engine.route(host, &Default::default())?;
        if route.hops.is_empty() {
            return Err(no_record(&route.host, &route.nearby));
        }
        highlight = route.hops.iter().map(|h| h.component).collect();
        attrs.host = Some(route.host);
    }
    let options = layout::LayoutOptions {
        only,
        ..Default::default()
    };
    let layout = layout::layout(model, &options);
    let map_options = svg::MapOptions {
        highlight,
        id_prefix: id_prefix.to_owned(),
        ..Default::default()
    };
    Ok(svg::map_svg(engine, &layout, &map_options))
}

/// The components a `focus="provider:aws"` or `focus="region:…"` shows.
fn focus_components(model: &Model, focus: &str) -> Result<Vec<CompId>, Problem> {
    let hint = "focus is provider:ID or region:ID";
    let Some((what, id)) = focus.split_once(':') else {
        return Err(
            Problem::new(format!("focus=\"{focus}\" names no provider or region")).with_hint(hint),
        );
    };
    let by_region = match what {
        "provider" => false,
        "region" => true,
        other => {
            return Err(Problem::new(format!(
                "focus=\"{focus}\": `{other}` is not provider or region"
            ))
            .with_hint(hint));
        }
    };
    let known: Vec<&str> = if by_region {
        model.regions.iter().map(|r| r.id.as_str()).collect()
    } else {
        model.providers.iter().map(|p| p.id.as_str()).collect()
    };
    if !known.contains(&id) {
        let near = nearest(id, known.iter().copied(), 3);
        return Err(
            Problem::new(format!("unknown {what} `{id}`")).with_hint(if near.is_empty() {
                format!("known: {}", known.join(", "))
            } else {
                did_you_mean(&near)
            }),
        );
    }
    Ok(model
        .components
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            if by_region {
                c.region.is_some() && model.region_name(c.region) == id
            } else {
                c.provider.is_some() && model.provider_name(c.provider) == id
            }
        })
        .map(|(i, _)| CompId::from_index(i))
        .collect())
}

fn no_record(host: &str, nearby: &[String]) -> Problem {
    Problem::new(format!("`{host}` has no record in the zone")).with_hint(if nearby.is_empty() {
        "route a host the zone serves; `{{#archsim table records}}` lists them".to_owned()
    } else {
        did_you_mean(nearby)
    })
}

// ------------------------------------------------------------------- route

fn route(engine: &Engine, d: &Directive, attrs: &mut Attrs) -> Result<String, Problem> {
    let host = required(d, "host", "HOST")?;
    let fail: Vec<&str> = d.get("fail").map(list).unwrap_or_default();
    let selection = select(engine.model(), &fail, &[])?;
    let route = engine.route(host, &selection)?;
    if route.hops.is_empty() {
        return Err(no_record(&route.host, &route.nearby));
    }
    attrs.host = Some(route.host.clone());
    if !fail.is_empty() {
        attrs.fail = Some(fail.join(","));
    }
    Ok(html::route_html(&present::route_view(engine, &route)))
}

// -------------------------------------------------------------------- fail

fn fail(engine: &Engine, d: &Directive, attrs: &mut Attrs) -> Result<String, Problem> {
    let model = engine.model();
    let mut selectors: Vec<&str> = Vec::new();
    if let Some(scenario) = d.get("scenario") {
        if !model.scenarios.iter().any(|s| s.id == scenario) {
            let near = nearest(scenario, model.scenarios.iter().map(|s| s.id.as_str()), 3);
            return Err(
                Problem::new(format!("unknown scenario `{scenario}`")).with_hint(
                    if near.is_empty() {
                        "`{{#archsim table scenarios}}` lists the scenarios".to_owned()
                    } else {
                        did_you_mean(&near)
                    },
                ),
            );
        }
        selectors.push(scenario);
        attrs.scenario = Some(scenario.to_owned());
    }
    if let Some(components) = d.get("components") {
        let items = list(components);
        if items.is_empty() {
            return Err(Problem::new("components=\"\" lists nothing")
                .with_hint("list components or selectors, comma-separated"));
        }
        selectors.extend(&items);
        attrs.fail = Some(items.join(","));
    }
    if selectors.is_empty() {
        return Err(Problem::new("`fail` needs `scenario=` or `components=`")
            .with_hint("e.g. {{#archsim fail scenario=\"SCENARIO\"}}"));
    }
    attrs.spof = flag(d, "spof")?;
    let selection = select(model, &selectors, &[])?;
    let outcome = engine.simulate(&selection);
    let view = present::outcome_view(engine, &outcome);
    // With `spof`, one table with a column of single points of failure,
    // as the simulator draws it, so the two say the same words.
    let spof: Option<Vec<present::SpofLine>> = attrs.spof.then(|| {
        engine
            .spof()
            .iter()
            .map(|s| present::SpofLine::new(model, s))
            .collect()
    });
    Ok(html::outcome_with_spof_html(&view, spof.as_deref()))
}

// ------------------------------------------------------------------- place

fn place(engine: &Engine, d: &Directive, attrs: &mut Attrs) -> Result<String, Problem> {
    attrs.audit = flag(d, "audit")?;
    let answers: Vec<&str> = d.get("answers").map(list).unwrap_or_default();
    if attrs.audit && !answers.is_empty() {
        return Err(
            Problem::new("`place` shows either answers or the audit, not both")
                .with_hint("use two directives"),
        );
    }
    if attrs.audit {
        return Ok(html::audit_html(&present::audit_view(engine)));
    }
    let answer = archsim_core::place::place(engine.model(), &answers)?;
    if !answers.is_empty() {
        attrs.answers = Some(answers.join(","));
    }
    Ok(html::place_html(&present::place_view(engine, &answer)))
}

// --------------------------------------------------------------------- dns

fn dns(engine: &Engine, d: &Directive, attrs: &mut Attrs) -> Result<String, Problem> {
    let host = required(d, "host", "HOST")?;
    let answer = engine.dns(host)?;
    attrs.host = Some(answer.host.clone());
    Ok(html::dns_html(&present::dns_view(engine, &answer)))
}
