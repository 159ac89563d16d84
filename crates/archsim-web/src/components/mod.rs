//! The widgets' components, one per file.
//!
//! [`widget::Widget`] is the root of every mount point: it owns the state
//! (a reducer over [`crate::state::Store`]) and hands the model and the
//! dispatcher down as [`Ctx`], a prop of every component (plain props
//! rather than a context provider: one component fewer in the bundle).
//! The panels ([`crate::map`], [`route`], [`fail`], [`place`], [`dns`]) ask the
//! engine for their answers on render and show them through
//! `archsim-view`'s view models, so they say what the static fallbacks
//! say.

pub mod audit_list;
pub mod details;
pub mod dns;
pub mod fail;
pub mod fail_list;
pub mod host_form;
pub mod later;
pub mod link;
pub mod place;
pub mod route;
pub mod tabs;
pub mod widget;

use std::rc::Rc;

use archsim_view::contract::{Heading, Kind};
use yew::{AttrValue, Callback, Html, html};

use crate::map::geometry::Geometry;
use crate::shared::Shared;
use crate::state::{Action, WidgetState};
use crate::steps::Steps;

/// The most rows a list or table of components shows at once (the failure
/// list, the placement audit): at 1,000 components, writing them all made
/// the browser's layout and paint take 180 to 450 ms.
pub const MAX_ROWS: usize = 100;

/// What every component of one widget shares.
#[derive(Clone, Debug, PartialEq)]
pub struct Ctx {
    /// The model and engine.
    pub shared: Shared,
    /// Sends an action to the widget's reducer.
    pub dispatch: Callback<Action>,
    /// A prefix for element ids, unique on the page.
    pub uid: AttrValue,
    /// Whether this is a widget inside a page (not the full-page simulator):
    /// then the wheel zooms only with Ctrl or ⌘, and scrolls the page otherwise.
    pub embedded: bool,
    /// The level of the widget's headings (`data-heading`).
    pub heading: Heading,
    /// The steps of its first render: the parts it puts off
    /// ([`later::Later`]).
    pub steps: Steps,
}

/// A bundle's panels: the panel a widget of a kind shows. This crate's
/// bundle shows [`panel`]; the propose bundle its own, so that neither
/// links the other's panels.
pub type PanelFn = fn(Kind, &Ctx, &Rc<WidgetState>, Option<&Rc<Geometry>>) -> Html;

/// A [`PanelFn`] as a prop: equal when it is the same function.
#[derive(Clone, Copy, Debug)]
pub struct Panels(pub PanelFn);

impl PartialEq for Panels {
    fn eq(&self, other: &Panels) -> bool {
        std::ptr::fn_addr_eq(self.0, other.0)
    }
}

/// The panel a widget of `kind` shows: the one place that maps a kind to
/// its component (the full page shows its tabs, and the current tab's
/// panel under them). The propose widget is another bundle's: under the
/// full page's tab, a mount point that the page's start-up hands to that
/// bundle.
pub fn panel(
    kind: Kind,
    ctx: &Ctx,
    state: &Rc<WidgetState>,
    geometry: Option<&Rc<Geometry>>,
) -> Html {
    if kind == Kind::App {
        // The tabs live here, not in the widget's frame, so that a bundle
        // that mounts no full page (the propose bundle) links none of them.
        // A link may name the full page itself as its tab: the map shows.
        let shown = if state.tab == Kind::App {
            Kind::Map
        } else {
            state.tab
        };
        let (tab, panel_id) = tabs::ids(&ctx.uid, state.tab);
        return html! {
            <>
                <tabs::Tabs ctx={ctx.clone()} current={state.tab} />
                <div role="tabpanel" id={panel_id} aria-labelledby={tab} class="archsim-tabpanel">
                    { panel(shown, ctx, state, geometry) }
                </div>
            </>
        };
    }
    // In a task of its own at the start ([`later::Later`]): the frame's
    // work (the state, the link) and the panel's (its answer) each come
    // near the 50 ms a phone may take before it counts as blocking.
    let steps = ctx.steps.clone();
    let (ctx, state, geometry) = (ctx.clone(), state.clone(), geometry.cloned());
    let shown = match kind {
        Kind::Route => html! { <route::RoutePanel {ctx} {state} {geometry} /> },
        Kind::Fail => html! { <fail::FailPanel {ctx} {state} {geometry} /> },
        Kind::Place => html! { <place::PlacePanel {ctx} {state} /> },
        Kind::Dns => html! { <dns::DnsPanel {ctx} {state} /> },
        // (The full page is above: here it cannot be.)
        Kind::Map | Kind::App => match &geometry {
            Some(g) => crate::map::map_panel(&ctx, &state, g),
            None => html! {},
        },
        // A mount point of the propose bundle, which the page's start-up
        // loads when it appears (`www/start.js`).
        Kind::Propose => {
            Html::from_html_unchecked(AttrValue::Static(archsim_view::contract::PROPOSE_MOUNT))
        }
    };
    html! { <later::Later {steps}>{shown}</later::Later> }
}
