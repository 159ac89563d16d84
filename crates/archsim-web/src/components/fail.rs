//! The failure simulator: fail components (ticked in a list, clicked on the
//! map, or a scenario preset), and see every flow's state with its cause
//! chain in a table, and on the map; optionally each flow's single points
//! of failure.

use std::collections::BTreeSet;
use std::rc::Rc;

use archsim_core::{CompId, State as Health};
use archsim_view::present::{STATES, outcome_view, state_label};
use yew::prelude::*;

use crate::components::Ctx;
use crate::components::badge::Badge;
use crate::components::map::{Map, Marks};
use crate::geometry::Geometry;
use crate::state::{Action, State};

/// Props of [`FailPanel`].
#[derive(Properties, PartialEq)]
pub struct FailPanelProps {
    /// The widget's state.
    pub state: Rc<State>,
    /// The map's drawing, if the widget shows a map.
    pub geometry: Option<Rc<Geometry>>,
}

/// The failure simulator panel.
#[component]
pub fn FailPanel(props: &FailPanelProps) -> Html {
    let ctx = use_context::<Ctx>();
    // The list is drawn only while open: at 1,000 components its
    // checkboxes would otherwise be diffed on every click.
    let list_open = use_state_eq(|| false);
    let state = props.state.clone();
    let outcome = {
        let ctx = ctx.clone();
        let state = state.clone();
        use_memo((state.failed.clone(), state.scenario), move |_| {
            let ctx = ctx?;
            let selection = state.selection(ctx.shared.model());
            Some(outcome_view(
                ctx.shared.engine(),
                &ctx.shared.engine().simulate(&selection),
            ))
        })
    };
    let spof = {
        let ctx = ctx.clone();
        use_memo(state.spof, move |on| {
            let ctx = ctx.filter(|_| *on)?;
            let model = ctx.shared.model();
            Some(
                ctx.shared
                    .engine()
                    .spof()
                    .into_iter()
                    .map(|s| {
                        (
                            s.flow,
                            s.components
                                .iter()
                                .map(|c| model.component(*c).name.clone())
                                .collect::<Vec<_>>(),
                        )
                    })
                    .collect::<Vec<_>>(),
            )
        })
    };
    let (Some(ctx), Some(view)) = (ctx, outcome.as_ref().as_ref()) else {
        return html! {};
    };
    let model = ctx.shared.model();
    let dispatch = ctx.dispatch.clone();
    let uid = ctx.uid.clone();

    // ---- controls
    let onscenario = {
        let dispatch = dispatch.clone();
        let shared = ctx.shared.clone();
        Callback::from(move |e: Event| {
            let Some(select) = e.target_dyn_into::<web_sys::HtmlSelectElement>() else {
                return;
            };
            let model = shared.model();
            let index = select
                .value()
                .parse::<usize>()
                .ok()
                .filter(|i| *i < model.scenarios.len());
            let failed = index
                .and_then(|i| archsim_core::select::components(model, &model.scenarios[i].id).ok())
                .unwrap_or_default();
            dispatch.emit(Action::Fail(failed, index));
        })
    };
    let clear = dispatch.reform(|_: MouseEvent| Action::Fail(BTreeSet::new(), None));
    let onspof = {
        let on = state.spof;
        dispatch.reform(move |_: Event| Action::Spof(!on))
    };
    let scenario = state.scenario.and_then(|i| model.scenarios.get(i));
    let toggle = |c: CompId| dispatch.reform(move |_: Event| Action::ToggleFail(c));

    // Components, grouped by provider, in model order.
    let mut groups: Vec<(String, Vec<CompId>)> = Vec::new();
    for (i, c) in model.components.iter().enumerate() {
        let provider = c
            .provider
            .and_then(|p| model.providers.get(p.index()))
            .map_or_else(|| model.provider_name(None).to_owned(), |p| p.name.clone());
        let id = CompId::from_index(i);
        match groups.iter_mut().find(|(p, _)| *p == provider) {
            Some((_, list)) => list.push(id),
            None => groups.push((provider, vec![id])),
        }
    }
    let ontoggle = {
        let list_open = list_open.clone();
        Callback::from(move |e: Event| {
            if let Some(details) = e.target_dyn_into::<web_sys::HtmlDetailsElement>() {
                list_open.set(details.open());
            }
        })
    };
    let checklist = html! {
        <details class="archsim-checklist" open={*list_open} {ontoggle}>
            <summary>{format!("Components to fail ({} failed of {})", state.failed.len(), model.components.len())}</summary>
            { for groups.iter().filter(|_| *list_open).map(|(provider, list)| html! {
                <fieldset>
                    <legend>{provider.clone()}</legend>
                    { for list.iter().map(|&c| {
                        let comp = model.component(c);
                        let id = format!("{uid}-fail-{}", c.index());
                        html! {
                            <div class="archsim-check">
                                <input type="checkbox" id={id.clone()} checked={state.failed.contains(&c)}
                                    onchange={toggle(c)} />
                                <label for={id}>{comp.name.clone()}{" "}<code>{comp.id.clone()}</code></label>
                            </div>
                        }
                    }) }
                </fieldset>
            }) }
        </details>
    };

    // ---- the answer
    let counts: Vec<String> = STATES[..4]
        .iter()
        .map(|s| {
            let n = view.rows.iter().filter(|r| r.state == *s).count();
            format!("{n} {}", state_label(s).1)
        })
        .collect();
    let failed_names: Vec<&str> = view.failed.iter().map(|(_, n)| n.as_str()).collect();
    let summary = if failed_names.is_empty() {
        format!("Nothing fails. Flows: {}.", counts.join(", "))
    } else {
        format!(
            "Failed: {}. Flows: {}.",
            failed_names.join(", "),
            counts.join(", ")
        )
    };
    let spof_of = |flow: archsim_core::FlowId| -> String {
        spof.as_ref()
            .as_ref()
            .and_then(|all| all.iter().find(|(f, _)| *f == flow))
            .map(|(_, names)| {
                if names.is_empty() {
                    "none".to_owned()
                } else {
                    names.join(", ")
                }
            })
            .unwrap_or_default()
    };
    let table = html! {
        <table class="archsim archsim-table archsim-flows">
            <caption>{format!("Every flow under these failures: {}", counts.join(", "))}</caption>
            <thead><tr>
                <th scope="col">{"Flow"}</th><th scope="col">{"Entry"}</th>
                <th scope="col">{"State"}</th><th scope="col">{"Because"}</th>
                if state.spof { <th scope="col">{"Single points of failure"}</th> }
            </tr></thead>
            <tbody>
                { for view.rows.iter().map(|r| html! {
                    <tr class={format!("state-{}", r.state)} data-flow={r.flow_id.clone()}>
                        <th scope="row">
                            {r.name.clone()}
                            if r.name != r.flow_id { <br /><code>{r.flow_id.clone()}</code> }
                        </th>
                        <td>{ r.entry.as_ref().map_or_else(|| html! {"—"}, |e| html! { <code>{e.clone()}</code> }) }</td>
                        <td><Badge state={r.state.clone()} /></td>
                        <td>{ if r.because.is_empty() { "—".to_owned() } else { r.because.join(" → ") } }</td>
                        if state.spof { <td>{spof_of(r.flow)}</td> }
                    </tr>
                }) }
            </tbody>
        </table>
    };
    let map = props.geometry.as_ref().map(|g| {
        // A component in a non-ok flow's cause chain shows that flow's
        // state (the worst, when several): the engine's answer, on the map.
        let states = view.rows.iter().flat_map(|r| {
            let s = Health::ALL.into_iter().find(|s| s.as_str() == r.state);
            r.because_ids.iter().filter_map(move |c| s.map(|s| (*c, s)))
        });
        let marks = Marks::new(g, state.failed.iter().copied(), states, []);
        html! { <Map geometry={g.clone()} marks={Rc::new(marks)} state={state.clone()} mode_switch=true
            label="Architecture map: failed components and the states they cause" /> }
    });
    let select_id = format!("{uid}-scenario");
    let spof_id = format!("{uid}-spof");
    html! {
        <div class="archsim-panel archsim-fail-panel">
            <div class="archsim-controls">
                <label for={select_id.clone()}>{"Scenario preset"}</label>
                <select id={select_id} class="archsim-input" onchange={onscenario}>
                    <option value="" selected={state.scenario.is_none()}>{"— none —"}</option>
                    { for model.scenarios.iter().enumerate().map(|(i, s)| html! {
                        <option value={i.to_string()} selected={state.scenario == Some(i)}>{s.name.clone()}</option>
                    }) }
                </select>
                <button type="button" class="archsim-button" onclick={clear}
                    disabled={state.failed.is_empty()}>{"Restore everything"}</button>
                <span class="archsim-check">
                    <input type="checkbox" id={spof_id.clone()} checked={state.spof} onchange={onspof} />
                    <label for={spof_id}>{"Show single points of failure"}</label>
                </span>
            </div>
            if let Some(s) = scenario {
                <p class="archsim-scenario"><strong>{s.name.clone()}</strong>{" "}<code>{s.id.clone()}</code>{": "}{s.teaches.clone()}</p>
            }
            if !view.restarting.is_empty() {
                <p class="archsim-restarting">{format!("Restarting ({}): {}.", view.restarting.len(),
                    view.restarting.iter().map(|(_, n)| n.as_str()).collect::<Vec<_>>().join(", "))}</p>
            }
            <p class="archsim-summary" aria-live="polite">{summary}</p>
            {checklist}
            { for map }
            {table}
        </div>
    }
}
