//! The route tracer: a host in; the verdict, the record and who wrote it,
//! the hops as an ordered list (copyable text), stepping hop by hop with an
//! explanation, and the path lit on the map.

use std::rc::Rc;

use archsim_view::present::{RecordLine, RouteView, route_view, state_label};
use gloo_timers::callback::Timeout;
use yew::prelude::*;

use crate::components::Ctx;
use crate::components::badge::Badge;
use crate::components::host_form::HostForm;
use crate::components::map::{Map, Marks};
use crate::dom;
use crate::geometry::Geometry;
use crate::state::{Action, State};

/// How long the animation shows each hop.
const HOP_MS: u32 = 1200;

/// Props of [`RoutePanel`].
#[derive(Properties, PartialEq)]
pub struct RoutePanelProps {
    /// The widget's state.
    pub state: Rc<State>,
    /// The map's drawing, if the widget shows a map.
    pub geometry: Option<Rc<Geometry>>,
}

/// A record in words: `CNAME app.tomoda.life → X, written by W (file), proxied: false`.
pub fn record_text(r: &RecordLine) -> String {
    let owner = r
        .owner_id
        .as_ref()
        .map(|o| format!(", owner ID {o}"))
        .unwrap_or_default();
    format!(
        "{} {} → {} ({}), written by {} in {}{owner}, proxied: {}",
        r.rtype, r.host, r.target_name, r.target, r.writer, r.source, r.proxied
    )
}

/// The route as plain text, for the clipboard.
pub fn route_text(v: &RouteView) -> String {
    let mut out = format!("{} — {}\n", v.host, state_label(&v.verdict).1);
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
            state_label(&h.state).1,
            h.why
        ));
    }
    out
}

/// The route tracer panel.
#[component]
pub fn RoutePanel(props: &RoutePanelProps) -> Html {
    let ctx = use_context::<Ctx>();
    let playing = use_state_eq(|| false);
    let copied = use_state_eq(String::new);
    let state = props.state.clone();
    let answer = {
        let ctx = ctx.clone();
        let deps = (state.host.clone(), state.failed.clone(), state.scenario);
        use_memo(deps, move |(host, _, _)| {
            let ctx = ctx?;
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
        let dispatch = ctx.as_ref().map(|c| c.dispatch.clone());
        let step = state.step;
        use_effect_with((*playing, step, hops), move |(on, step, hops)| {
            let hops = *hops;
            let timer = (*on && hops > 0).then(|| {
                let next = step.map_or(0, |s| s + 1);
                let playing = playing.clone();
                Timeout::new(if step.is_none() { 0 } else { HOP_MS }, move || {
                    if next < hops {
                        if let Some(d) = dispatch {
                            d.emit(Action::Step(Some(next)));
                        }
                    } else {
                        playing.set(false);
                    }
                })
            });
            move || drop(timer)
        });
    }
    let Some(ctx) = ctx else { return html! {} };
    let dispatch = ctx.dispatch.clone();
    let onsubmit = dispatch.reform(Action::Route);
    let form = html! {
        <HostForm value={AttrValue::from(state.host.clone())} label="Host or URL" button="Trace"
            name="route" {onsubmit} />
    };
    let body = match answer.as_ref() {
        None => html! {
            <p class="archsim-muted">{"Type a host or a URL in the zone (suggestions list every host it serves) and press Trace."}</p>
        },
        Some(Err(e)) => html! {
            <div class="archsim-notice" role="alert">
                <p>{e.message.clone()}</p>
                { suggestions(&e.suggestions, &dispatch) }
            </div>
        },
        Some(Ok(v)) if v.verdict == "no-record" => html! {
            <div class="archsim-route" aria-live="polite">
                <p class="archsim-verdict"><strong>{v.host.clone()}</strong>{" — "}<Badge state={v.verdict.clone()} /></p>
                <p>{"The zone has no record for this host, so it resolves nowhere."}</p>
                if !v.nearby.is_empty() {
                    <p>{"Hosts that exist and look alike:"}</p>
                    { suggestions(&v.nearby, &dispatch) }
                }
            </div>
        },
        Some(Ok(v)) => {
            let step = state.step.filter(|s| *s < v.hops.len());
            let go = |to: Option<usize>| dispatch.reform(move |_: MouseEvent| Action::Step(to));
            let prev = step.and_then(|s| s.checked_sub(1));
            let next = match step {
                None => Some(0),
                Some(s) if s + 1 < v.hops.len() => Some(s + 1),
                Some(_) => None,
            };
            let explanation = step.and_then(|s| v.hops.get(s)).map(|h| {
                let i = step.unwrap_or(0);
                let record = (i == 0).then(|| v.record.as_ref().map(record_text)).flatten();
                html! {
                    <>
                        <strong>{format!("Hop {} of {}: {}", i + 1, v.hops.len(), h.name)}</strong>
                        {" "}<code>{h.id.clone()}</code>{format!(" — {}, {}. ", h.provider, h.region)}
                        {h.why.clone()}
                        if let Some(r) = record { <br />{r} }
                    </>
                }
            });
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
            html! {
                <div class="archsim-route">
                    <p class="archsim-verdict" aria-live="polite">
                        <strong>{v.host.clone()}</strong>{" — "}<Badge state={v.verdict.clone()} />
                        if !v.because.is_empty() {
                            {" because of "}{v.because.join(" → ")}
                        }
                    </p>
                    if let Some(r) = &v.record {
                        <p class="archsim-record">{"Record: "}{record_text(r)}</p>
                    }
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
                    <p class="archsim-explain" aria-live="polite">
                        { explanation.unwrap_or_else(|| html! {
                            <span class="archsim-muted">{"Next explains the route one hop at a time; Play walks it."}</span>
                        }) }
                    </p>
                    <ol class="archsim-hops" aria-label={format!("Hops of {}", v.host)}>
                        { for v.hops.iter().enumerate().map(|(i, h)| {
                            let current = step == Some(i);
                            html! {
                                <li class={classes!(current.then_some("is-current"))}
                                    aria-current={current.then_some("step")}>
                                    <button type="button" class="archsim-link-button" onclick={go(Some(i))}
                                        aria-label={format!("Explain hop {}: {}", i + 1, h.name)}>
                                        <strong>{h.name.clone()}</strong>
                                    </button>
                                    {" "}<code>{h.id.clone()}</code>
                                    <span class="archsim-muted">{format!(" — {} · {} · {}", h.provider, h.region, h.kind)}</span>
                                    if h.state != "ok" {
                                        {" "}<Badge state={h.state.clone()} />
                                    }
                                    <span class="archsim-hop-why">{h.why.clone()}</span>
                                </li>
                            }
                        }) }
                    </ol>
                    if !v.assumptions.is_empty() {
                        <details class="archsim-assumptions">
                            <summary>{format!("Assumptions this answer leans on ({})", v.assumptions.len())}</summary>
                            <dl>
                                { for v.assumptions.iter().map(|(what, text)| html! {
                                    <><dt><code>{what.clone()}</code></dt><dd>{text.clone()}</dd></>
                                }) }
                            </dl>
                        </details>
                    }
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
                    .filter_map(|h| {
                        archsim_core::State::ALL
                            .into_iter()
                            .find(|s| s.as_str() == h.state)
                            .map(|s| (h.component, s))
                    })
                    .collect::<Vec<_>>(),
                state.step.and_then(|s| v.hops.get(s)).map(|h| h.component),
            ),
            _ => (Vec::new(), Vec::new(), None),
        };
        let mut marks = Marks::new(g, state.failed.iter().copied(), states, path);
        marks.current = current.and_then(|c| g.index(c));
        html! { <Map geometry={g.clone()} marks={Rc::new(marks)} state={state.clone()}
        label="Architecture map with the route lit" /> }
    });
    html! {
        <div class="archsim-panel archsim-route-panel">
            {form}
            {body}
            { for map }
        </div>
    }
}

fn suggestions(hosts: &[String], dispatch: &Callback<Action>) -> Html {
    html! {
        <ul class="archsim-suggestions">
            { for hosts.iter().map(|h| {
                let host = h.clone();
                html! {
                    <li><button type="button" class="archsim-link-button"
                        onclick={dispatch.reform(move |_: MouseEvent| Action::Route(host.clone()))}>
                        {h.clone()}
                    </button></li>
                }
            }) }
        </ul>
    }
}
