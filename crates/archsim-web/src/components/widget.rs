//! The root of every mount point: the state, the shared context, the
//! notices, the panel(s) and the link.

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};

use crate::acts::{Control, decode, verb};
use crate::components::link::LinkBar;
use crate::components::{Ctx, Panels};
use crate::dom;
use crate::hooks::use_link;
use crate::map::geometry::Geometry;
use crate::markup::{Markup, WidgetMarkup};
use crate::shared::Shared;
use crate::state::{Store, WidgetState};
use crate::steps::Steps;
use archsim_view::contract::{Heading, Kind};

thread_local! {
    static NEXT_UID: Cell<u32> = const { Cell::new(1) };
}

/// A page-unique prefix for element ids (`archsim-w3`).
fn next_uid() -> AttrValue {
    NEXT_UID.with(|n| {
        let id = n.get();
        n.set(id + 1);
        AttrValue::from(crate::ids::numbered("archsim-w", "", id as usize))
    })
}

/// Props of [`Widget`].
#[derive(Properties, PartialEq)]
pub struct WidgetProps {
    /// The model.
    pub shared: Shared,
    /// What the mount point shows.
    pub kind: Kind,
    /// The state it asked for, with the link applied.
    pub initial: Rc<WidgetState>,
    /// The state it asked for, without the link (what a new link applies over).
    pub base: Rc<WidgetState>,
    /// Its number on the page (a link's `w=`); `None` for the full page.
    pub number: Option<u32>,
    /// The map ready to draw, for kinds that draw the map
    /// (`Shared::drawing_of`).
    pub geometry: Option<Rc<Geometry>>,
    /// The bundle's panels.
    pub panels: Panels,
    /// The level of its headings (`data-heading`).
    pub heading: Heading,
    /// The steps of its first render ([`crate::steps`]).
    pub steps: Steps,
}

/// One widget, or the whole simulator.
#[component]
pub fn Widget(props: &WidgetProps) -> Html {
    let store = use_reducer(|| Store {
        state: props.initial.clone(),
        questions: props.shared.0.questions.clone(),
    });
    let dispatch = {
        let dispatcher = store.dispatcher();
        use_memo((), move |_| Callback::from(move |a| dispatcher.dispatch(a)))
    };
    let uid = use_memo((), |_| next_uid());
    let state = store.state.clone();
    let link = use_link(
        &props.shared,
        props.kind,
        props.number,
        state.clone(),
        props.base.clone(),
        (*dispatch).clone(),
    );
    // Controls written as text say what they do in `data-act`; one
    // listener per widget turns that into an action. Their elements are
    // replaced when the text changes, so the focused one is remembered
    // and focused again after the render.
    let refocus = use_mut_ref(|| None::<String>);
    // After the first render: the frame is there; once the parts it puts
    // off are too, the widget takes its fallback's place (`Steps`).
    {
        let steps = props.steps.clone();
        use_effect_with((), move |_| steps.framed());
    }
    {
        let refocus = refocus.clone();
        use_effect(move || {
            // Taken before focusing: focus() dispatches events at once
            // (a text field that loses the focus fires `change`), and the
            // delegate below borrows `refocus` on change.
            let id = refocus.borrow_mut().take();
            if let Some(id) = id
                && let Some(doc) = dom::document()
                && doc.active_element().is_none_or(|a| a.id() != id)
                && let Some(el) = doc.get_element_by_id(&id)
            {
                dom::focus(&el);
            }
        });
    }
    let delegate = {
        let (shared, dispatch, refocus) =
            (props.shared.clone(), (*dispatch).clone(), refocus.clone());
        Rc::new(move |e: &Event, change: bool| {
            let Some(el) = e
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|t| t.closest("[data-act]").ok().flatten())
            else {
                return;
            };
            // Inputs and selects speak on change, everything else on click.
            let input = el.dyn_ref::<HtmlInputElement>();
            let select = el.dyn_ref::<HtmlSelectElement>();
            if change != (input.is_some() || select.is_some()) {
                return;
            }
            let value = select.map(HtmlSelectElement::value).unwrap_or_default();
            let control = Control {
                checked: input.is_some_and(HtmlInputElement::checked),
                value: &value,
            };
            let act = el.get_attribute("data-act").unwrap_or_default();
            let arg = el.get_attribute("data-arg").unwrap_or_default();
            if let Some(action) = decode(shared.model(), &act, &arg, &control) {
                // Only a control that had the focus gets it back.
                let focused = dom::document()
                    .and_then(|d| d.active_element())
                    .is_some_and(|a| a == el);
                // `data-refocus` names where the focus goes when the
                // control itself goes away (a Close button).
                let to = el.get_attribute("data-refocus").unwrap_or_else(|| el.id());
                *refocus.borrow_mut() = Some(to).filter(|id| focused && !id.is_empty());
                dispatch.emit(action);
            }
        })
    };
    let onclick = {
        let delegate = delegate.clone();
        Callback::from(move |e: MouseEvent| delegate(&e, false))
    };
    let onchange = Callback::from(move |e: Event| delegate(&e, true));
    let ctx = Ctx {
        shared: props.shared.clone(),
        dispatch: (*dispatch).clone(),
        uid: (*uid).clone(),
        embedded: props.kind != Kind::App,
        heading: props.heading,
        steps: props.steps.clone(),
    };
    let body = (props.panels.0)(props.kind, &ctx, &state, props.geometry.as_ref());
    let model_name = props.shared.model().meta.name.clone();
    #[allow(clippy::disallowed_macros)] // The widget's accessible name: once per render.
    // A widget is a landmark: its name tells it from the page's others
    // of its kind by its number (a link's `w=`), as a reader's list of
    // landmarks shows them.
    let label = match (props.kind, props.number) {
        (Kind::App, _) => format!("{model_name} architecture simulator"),
        (kind, Some(n)) => format!(
            "{model_name}: {} (interactive, widget {n})",
            kind.title().to_ascii_lowercase()
        ),
        (kind, None) => format!(
            "{model_name}: {} (interactive)",
            kind.title().to_ascii_lowercase()
        ),
    };
    let mut notices = Markup::new();
    if !state.notices.is_empty() {
        notices.raw("<div class=\"archsim-notice archsim-link-notice\" role=\"status\"><ul>");
        for n in &state.notices {
            notices.leaf("li", &[], n);
        }
        notices
            .raw("</ul>")
            .leaf(
                "button",
                &[
                    ("type", "button"),
                    ("class", "archsim-button"),
                    ("data-act", verb::DISMISS),
                ],
                "Dismiss",
            )
            .raw("</div>");
    }
    html! {
        <section class={["archsim-live archsim-kind-", props.kind.as_str()].concat()}
            aria-label={label} {onclick} {onchange}>
            { notices.into_html() }
            {body}
            <LinkBar fragment={link} />
        </section>
    }
}
