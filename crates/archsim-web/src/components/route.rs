//! The route tracer: a host in; the verdict, the record and who wrote it,
//! the hops as an ordered list (copyable text), stepping hop by hop with an
//! explanation, and the path lit on the map.

use std::rc::Rc;

use archsim_view::html::{NO_RECORD, basis, hop_details, route_head};
use archsim_view::present::{RouteView, record_text, route_view};
use gloo_timers::callback::Timeout;
use yew::prelude::*;

use crate::acts::verb;
use crate::components::Ctx;
use crate::components::host_form::HostForm;
use crate::components::later::Later;
use crate::dom;
use crate::ids;
use crate::map::Map;
use crate::map::draw::Marks;
use crate::map::geometry::Geometry;
use crate::markup::{Markup, NONE, WidgetMarkup};
use crate::state::{Action, WidgetState};

/// How long the animation shows each hop.
const HOP_MS: u32 = 1200;

/// Props of [`RoutePanel`].
#[derive(Properties, PartialEq)]
pub struct RoutePanelProps {
    /// The widget's model, dispatcher and ids.
    pub ctx: Ctx,
    /// The widget's state.
    pub state: Rc<WidgetState>,
    /// The map's drawing, if the widget shows a map.
    pub geometry: Option<Rc<Geometry>>,
}

/// The route as plain text, for the clipboard.
#[allow(clippy::disallowed_macros)] // The clipboard text: a line of eight fields per hop.
pub fn route_text(v: &RouteView) -> String {
    let mut out = format!("{} — {}\n", v.host, v.verdict.word());
    if let Some(r) = &v.record {
        out.push_str(&record_text(r));
        out.push('\n');
    }
    for (i, h) in v.hops.iter().enumerate() {
        out.push_str(&format!(
            "{}. {} ({}) — {}, {}, {} [{}]: {}\n",
            i + 1,
            h.name,
            h.id,
            h.provider,
            h.region,
            h.kind,
            h.state.word(),
            h.why
        ));
    }
    out
}

/// The route tracer panel.
#[component]
pub fn RoutePanel(props: &RoutePanelProps) -> Html {
    let ctx = props.ctx.clone();
    let playing = use_state_eq(|| false);
    let copied = use_state_eq(String::new);
    let state = props.state.clone();
    let answer = {
        let ctx = ctx.clone();
        let deps = (state.host.clone(), state.failed.clone(), state.scenario);
        use_memo(deps, move |(host, _, _)| {
            if host.trim().is_empty() {
                return None;
            }
            let engine = ctx.shared.engine();
            let selection = state.selection(ctx.shared.model());
            Some(
                engine
                    .route(host, &selection)
                    .map(|r| route_view(engine, &r)),
            )
        })
    };
    let state = props.state.clone();
    let hops = match answer.as_ref() {
        Some(Ok(v)) => v.hops.len(),
        _ => 0,
    };
    // The animation: advance one hop per tick, stop at the last.
    {
        let playing = playing.clone();
        let dispatch = ctx.dispatch.clone();
        let step = state.step;
        use_effect_with((*playing, step, hops), move |(on, step, hops)| {
            let hops = *hops;
            let timer = (*on && hops > 0).then(|| {
                let next = step.map_or(0, |s| s + 1);
                let playing = playing.clone();
                Timeout::new(if step.is_none() { 0 } else { HOP_MS }, move || {
                    if next < hops {
                        dispatch.emit(Action::Step(Some(next)));
                    } else {
                        playing.set(false);
                    }
                })
            });
            move || drop(timer)
        });
    }
    let dispatch = ctx.dispatch.clone();
    let uid = ctx.uid.as_str();
    let onsubmit = dispatch.reform(Action::Route);
    let form = html! {
        <HostForm ctx={ctx.clone()} value={AttrValue::from(state.host.clone())} label="Host or URL" button="Trace"
            name="route" {onsubmit} />
    };
    let body = match answer.as_ref() {
        None => {
            let mut m = Markup::new();
            m.leaf(
                "p",
                &[("class", "archsim-muted")],
                "Type a host or a URL in the zone (suggestions list every host it serves) and press Trace.",
            );
            m.into_html()
        }
        Some(Err(e)) => {
            let mut m = Markup::new();
            m.raw("<div class=\"archsim-notice\" role=\"alert\">")
                .leaf("p", &[], &e.message);
            suggestions(&mut m, &e.suggestions, uid);
            m.raw("</div>");
            m.into_html()
        }
        Some(Ok(v)) if v.verdict == archsim_core::RouteVerdict::NoRecord => {
            let mut m = Markup::new();
            route_head(&mut m, v);
            m.leaf("p", &[], NO_RECORD);
            if !v.nearby.is_empty() {
                m.leaf("p", &[], "Hosts that exist and look alike:");
                suggestions(&mut m, &v.nearby, uid);
            }
            basis(&mut m, &v.basis);
            html! { <div class="archsim-route" aria-live="polite">{ m.into_html() }</div> }
        }
        Some(Ok(v)) => {
            let step = state.step.filter(|s| *s < v.hops.len());
            let go = |to: Option<usize>| dispatch.reform(move |_: MouseEvent| Action::Step(to));
            let prev = step.and_then(|s| s.checked_sub(1));
            let next = match step {
                None => Some(0),
                Some(s) if s + 1 < v.hops.len() => Some(s + 1),
                Some(_) => None,
            };
            let text = route_text(v);
            let copy = {
                let copied = copied.clone();
                Callback::from(move |_: MouseEvent| {
                    copied.set(if dom::copy(&text) {
                        "Copied the hop list.".to_owned()
                    } else {
                        "Copying is blocked here: select the list and copy it.".to_owned()
                    });
                })
            };
            let toggle_play = {
                let playing = playing.clone();
                let dispatch = dispatch.clone();
                let at_end = step == Some(v.hops.len().saturating_sub(1));
                Callback::from(move |_: MouseEvent| {
                    if !*playing && at_end {
                        dispatch.emit(Action::Step(None));
                    }
                    playing.set(!*playing);
                })
            };
            let mut head = Markup::new();
            route_head(&mut head, v);
            let mut explain = Markup::new();
            match step.and_then(|s| v.hops.get(s).map(|h| (s, h))) {
                Some((i, h)) => {
                    explain
                        .raw("<strong>Hop ")
                        .text(&(i + 1).to_string())
                        .raw(" of ")
                        .text(&v.hops.len().to_string())
                        .raw(": ")
                        .text(&h.name)
                        .raw("</strong> ")
                        .code(&h.id)
                        .raw(" — ")
                        .text(&h.provider)
                        .raw(", ")
                        .text(&h.region)
                        .raw(". ")
                        .text(&h.why);
                    if let Some(r) = v.record.as_ref().filter(|_| i == 0) {
                        explain.raw("<br>").text(&record_text(r));
                    }
                }
                None => {
                    explain.leaf(
                        "span",
                        &[("class", "archsim-muted")],
                        "Next explains the route one hop at a time; Play walks it.",
                    );
                }
            }
            let mut hops = Markup::new();
            hops.open(
                "ol",
                &[
                    ("class", "archsim-hops"),
                    ("aria-label", &["Hops of ", &v.host].concat()),
                ],
            );
            for (i, h) in v.hops.iter().enumerate() {
                let current = step == Some(i);
                #[allow(clippy::disallowed_macros)] // A hop button's name: a number among words.
                let label = format!("Explain hop {}: {}", i + 1, h.name);
                hops.open(
                    "li",
                    &[
                        if current {
                            ("class", "is-current")
                        } else {
                            NONE
                        },
                        if current {
                            ("aria-current", "step")
                        } else {
                            NONE
                        },
                    ],
                )
                .open(
                    "button",
                    &[
                        ("type", "button"),
                        ("id", &ids::numbered(uid, "-hop-", i)),
                        ("class", "archsim-link-button"),
                        ("data-act", verb::STEP),
                        ("data-arg", &i.to_string()),
                        ("aria-label", &label),
                    ],
                )
                .leaf("strong", &[], &h.name)
                .raw("</button> ");
                hop_details(&mut hops, h);
                hops.raw("</li>");
            }
            hops.raw("</ol>");
            basis(&mut hops, &v.basis);
            html! {
                <div class="archsim-route">
                    <div class="archsim-route-head" aria-live="polite">{ head.into_html() }</div>
                    <div class="archsim-stepper" role="group" aria-label="Step through the hops">
                        <button type="button" class="archsim-button" disabled={prev.is_none()}
                            onclick={go(prev)}>{"◀ Previous"}</button>
                        <button type="button" class="archsim-button" disabled={next.is_none()}
                            onclick={go(next)}>{"Next ▶"}</button>
                        <button type="button" class="archsim-button" onclick={toggle_play}
                            aria-pressed={if *playing { "true" } else { "false" }}>
                            {if *playing { "Pause" } else { "Play" }}
                        </button>
                        <button type="button" class="archsim-button" onclick={copy}>{"Copy as text"}</button>
                        <span class="archsim-muted" aria-live="polite">{(*copied).clone()}</span>
                    </div>
                    <p class="archsim-explain" aria-live="polite">{ explain.into_html() }</p>
                    { hops.into_html() }
                </div>
            }
        }
    };
    let map = props.geometry.as_ref().map(|g| {
        let (path, states, current) = match answer.as_ref() {
            Some(Ok(v)) => (
                v.hops.iter().map(|h| h.component).collect::<Vec<_>>(),
                v.hops
                    .iter()
                    .map(|h| (h.component, h.state))
                    .collect::<Vec<_>>(),
                state.step.and_then(|s| v.hops.get(s)).map(|h| h.component),
            ),
            _ => (Vec::new(), Vec::new(), None),
        };
        let mut marks = Marks::new(g, state.failed.iter().copied(), states, path);
        marks.current = current.and_then(|c| g.index(c));
        html! { <Map ctx={ctx.clone()} geometry={g.clone()} marks={Rc::new(marks)} state={state.clone()}
        label="Architecture map with the route lit" /> }
    });
    html! {
        <div class="archsim-panel archsim-route-panel">
            {form}
            {body}
            <Later steps={ctx.steps.clone()}>{ for map }</Later>
        </div>
    }
}

/// Buttons that route one of `hosts`.
fn suggestions(m: &mut Markup, hosts: &[String], uid: &str) {
    m.raw("<ul class=\"archsim-suggestions\">");
    for (i, h) in hosts.iter().enumerate() {
        m.raw("<li>")
            .leaf(
                "button",
                &[
                    ("type", "button"),
                    ("id", &ids::numbered(uid, "-suggestion-", i)),
                    ("class", "archsim-link-button"),
                    ("data-act", verb::ROUTE),
                    ("data-arg", h),
                ],
                h,
            )
            .raw("</li>");
    }
    m.raw("</ul>");
}
