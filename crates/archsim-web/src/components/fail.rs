//! The failure simulator: fail components (ticked in a list, clicked on the
//! map, or a scenario preset), and see every flow's state with its cause
//! chain in a table, and on the map; optionally each flow's single points
//! of failure.

use std::rc::Rc;

use archsim_core::CompId;
use archsim_view::html::{outcome_notes, outcome_table};
use archsim_view::present::{OutcomeView, SpofLine, outcome_view, spof_lines};
use yew::prelude::*;

use crate::acts::verb;
use crate::components::Ctx;
use crate::components::fail_list::{Shown, box_id};
use crate::components::later::Later;
use crate::dom;
use crate::ids;
use crate::map::Map;
use crate::map::draw::Marks;
use crate::map::geometry::Geometry;
use crate::markup::{Markup, WidgetMarkup, flag};
use crate::state::WidgetState;

/// Props of [`FailPanel`].
#[derive(Properties, PartialEq)]
pub struct FailPanelProps {
    /// The widget's model, dispatcher and ids.
    pub ctx: Ctx,
    /// The widget's state.
    pub state: Rc<WidgetState>,
    /// The map's drawing, if the widget shows a map.
    pub geometry: Option<Rc<Geometry>>,
}

/// The failure simulator panel.
#[component]
pub fn FailPanel(props: &FailPanelProps) -> Html {
    let ctx = props.ctx.clone();
    // The list is drawn only while open: at 1,000 components its
    // checkboxes would otherwise be diffed on every click.
    let list_open = use_state_eq(|| false);
    let state = props.state.clone();
    let outcome = {
        let ctx = ctx.clone();
        let state = state.clone();
        use_memo((state.failed.clone(), state.scenario), move |_| {
            let selection = state.selection(ctx.shared.model());
            outcome_view(
                ctx.shared.engine(),
                &ctx.shared.engine().simulate(&selection),
            )
        })
    };
    // The list is written once per opening or filter, without its ticks;
    // an effect ticks the shown boxes from the state. A click then changes
    // no element but the box itself, which keeps the focus where the
    // reader left it.
    let filter = use_state_eq(String::new);
    let panel = use_node_ref();
    let list = {
        let ctx = ctx.clone();
        use_memo((*list_open, (*filter).clone()), move |(open, filter)| {
            if !*open {
                return None;
            }
            let model = ctx.shared.model();
            let shown = Shown::new(model, filter);
            let markup = AttrValue::from(shown.markup(model, &ctx.uid));
            Some((shown, markup))
        })
    };
    {
        let (uid, panel) = (ctx.uid.clone(), panel.clone());
        use_effect_with(
            (state.failed.clone(), list.clone()),
            move |(failed, list)| {
                if let Some((shown, _)) = list.as_ref()
                    && let Some(panel) = panel.cast::<web_sys::Element>()
                {
                    for &i in &shown.rows {
                        let on = failed.contains(&CompId::from_index(i));
                        dom::set_checked(&panel, &box_id(&uid, i), on);
                    }
                }
            },
        );
    }
    let spof = {
        let ctx = ctx.clone();
        use_memo(state.spof, move |on| {
            if !*on {
                return None;
            }
            Some(spof_lines(ctx.shared.engine()))
        })
    };
    let view = &*outcome;
    let model = ctx.shared.model();
    let uid = ctx.uid.as_str();

    // ---- controls
    let mut controls = Markup::new();
    let select_id = ids::id(uid, "-scenario");
    let spof_id = ids::id(uid, "-spof");
    controls
        .leaf("label", &[("for", &select_id)], "Scenario preset")
        .open(
            "select",
            &[
                ("id", &select_id),
                ("class", "archsim-input"),
                ("data-act", verb::SCENARIO),
            ],
        )
        .leaf(
            "option",
            &[("value", ""), flag("selected", state.scenario.is_none())],
            "— none —",
        );
    for (i, s) in model.scenarios.iter().enumerate() {
        controls.leaf(
            "option",
            &[
                ("value", &i.to_string()),
                flag("selected", state.scenario == Some(i)),
            ],
            &s.name,
        );
    }
    controls
        .raw("</select>")
        .leaf(
            "button",
            &[
                ("type", "button"),
                ("id", &ids::id(uid, "-restore")),
                ("class", "archsim-button"),
                ("data-act", verb::CLEAR),
                // A preset that fails nothing (a spot preemption only
                // restarts) still has something to restore.
                flag(
                    "disabled",
                    state.failed.is_empty() && state.scenario.is_none(),
                ),
            ],
            "Restore everything",
        )
        .checkbox(
            &spof_id,
            verb::SPOF,
            "",
            state.spof,
            "Show single points of failure",
            "",
        );
    let mut notes = Markup::new();
    outcome_notes(&mut notes, view);

    // ---- the list, drawn only while open
    let ontoggle = {
        let list_open = list_open.clone();
        Callback::from(move |e: Event| {
            if let Some(details) = e.target_dyn_into::<web_sys::HtmlDetailsElement>() {
                list_open.set(details.open());
            }
        })
    };
    let onfilter = {
        let filter = filter.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                filter.set(input.value());
            }
        })
    };
    let filter_id = ids::id(uid, "-fail-filter");
    let list_body = list.as_ref().as_ref().map(|(shown, markup)| {
        html! {
            <>
                <div class="archsim-filter">
                    <label for={filter_id.clone()}>{"Filter"}</label>
                    <input type="search" id={filter_id.clone()} class="archsim-input" value={(*filter).clone()}
                        placeholder="name, id, kind, provider or region" oninput={onfilter.clone()} />
                </div>
                <p class="archsim-muted archsim-filter-status" aria-live="polite">{shown.status(model.components.len())}</p>
                { Html::from_html_unchecked(markup.clone()) }
            </>
        }
    });
    // ---- the answer
    let counts = view.state_counts();
    let failed_names: Vec<String> = view.failed.iter().map(|(_, n)| n.clone()).collect();
    #[allow(clippy::disallowed_macros)] // The summary: counts and names among words.
    let summary = if failed_names.is_empty() {
        format!("Nothing fails. Flows: {counts}.")
    } else {
        format!("Failed: {}. Flows: {counts}.", failed_names.join(", "))
    };
    #[allow(clippy::disallowed_macros)] // The checklist's title: two counts among words.
    let checklist = format!(
        "Components to fail ({} failed of {})",
        state.failed.len(),
        model.components.len()
    );
    let map = props.geometry.as_ref().map(|g| {
        // A component in a non-ok flow's cause chain shows that flow's
        // state (the worst, when several): the engine's answer, on the map.
        let states = view.rows.iter().flat_map(|r| {
            let s = r.state;
            r.because_ids.iter().map(move |c| (*c, s))
        });
        let marks = Marks::new(g, state.failed.iter().copied(), states, []);
        html! { <Map ctx={ctx.clone()} geometry={g.clone()} marks={Rc::new(marks)} state={state.clone()} mode_switch=true
            label="Architecture map: failed components and the states they cause" /> }
    });
    let steps = ctx.steps.clone();
    html! {
        <div ref={panel} class="archsim-panel archsim-fail-panel">
            <div class="archsim-controls">{ controls.into_html() }</div>
            { notes.into_html() }
            <p class="archsim-summary" aria-live="polite">{summary}</p>
            <details class="archsim-checklist" open={*list_open} {ontoggle}>
                <summary>{checklist}</summary>
                { for list_body }
            </details>
            <Later steps={steps.clone()}>{ for map }</Later>
            <Later {steps} waits=true><FlowTable view={outcome.clone()} {spof} /></Later>
        </div>
    }
}

/// Props of [`FlowTable`]: the answer it shows, equal when it is the same
/// answer (the panel's memos).
#[derive(Properties)]
struct FlowTableProps {
    view: Rc<OutcomeView>,
    spof: Rc<Option<Vec<SpofLine>>>,
}

impl PartialEq for FlowTableProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.view, &other.view) && Rc::ptr_eq(&self.spof, &other.spof)
    }
}

/// Every flow's state, with its cause chain and what it rests on: a
/// component of its own, so that at the widget's start it is written in
/// the task its part renders in ([`Later`]), not the panel's.
#[component]
fn FlowTable(props: &FlowTableProps) -> Html {
    let mut table = Markup::new();
    outcome_table(&mut table, &props.view, props.spof.as_ref().as_deref());
    table.into_html()
}
