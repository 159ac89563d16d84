//! The root of every mount point: the state, the shared context, the
//! notices, the panel(s) and the link.

use std::cell::Cell;
use std::rc::Rc;

use archsim_view::layout::Layout;
use yew::prelude::*;

use crate::components::Ctx;
use crate::components::dns::DnsPanel;
use crate::components::fail::FailPanel;
use crate::components::link::LinkBar;
use crate::components::map::{Map, Marks};
use crate::components::notices::Notices;
use crate::components::place::PlacePanel;
use crate::components::route::RoutePanel;
use crate::components::tabs::{Tabs, ids};
use crate::config::Kind;
use crate::geometry::Geometry;
use crate::hooks::use_link;
use crate::shared::Shared;
use crate::state::{State, Store};

thread_local! {
    static NEXT_UID: Cell<u32> = const { Cell::new(1) };
}

/// A page-unique prefix for element ids (`archsim-w3`).
fn next_uid() -> AttrValue {
    NEXT_UID.with(|n| {
        let id = n.get();
        n.set(id + 1);
        AttrValue::from(format!("archsim-w{id}"))
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
    pub initial: Rc<State>,
    /// The state it asked for, without the link (what a new link applies over).
    pub base: Rc<State>,
    /// Its number on the page (a link's `w=`); `None` for the full page.
    pub number: Option<u32>,
    /// The map's layout, for kinds that draw the map.
    pub layout: Option<Rc<Layout>>,
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
    let geometry = {
        let shared = props.shared.clone();
        let layout = props.layout.clone();
        use_memo((), move |_| {
            layout.map(|l| Rc::new(Geometry::new(shared.model(), &l)))
        })
    };
    let state = store.state.clone();
    let link = use_link(
        &props.shared,
        props.kind,
        props.number,
        state.clone(),
        props.base.clone(),
        (*dispatch).clone(),
    );
    let ctx = Ctx {
        shared: props.shared.clone(),
        dispatch: (*dispatch).clone(),
        uid: (*uid).clone(),
        embedded: props.kind != Kind::App,
    };
    let geometry: Option<Rc<Geometry>> = (*geometry).clone();
    let panel = |kind: Kind| -> Html {
        match kind {
            Kind::Route => {
                html! { <RoutePanel state={state.clone()} geometry={geometry.clone()} /> }
            }
            Kind::Fail => html! { <FailPanel state={state.clone()} geometry={geometry.clone()} /> },
            Kind::Place => html! { <PlacePanel state={state.clone()} /> },
            Kind::Dns => html! { <DnsPanel state={state.clone()} /> },
            Kind::Map | Kind::App => match &geometry {
                Some(g) => {
                    // `data-host` on a map lights that host's route (the
                    // book's `{{#archsim map highlight="…"}}`).
                    let path: Vec<archsim_core::CompId> = if state.host.is_empty() {
                        Vec::new()
                    } else {
                        let engine = props.shared.engine();
                        engine
                            .route(&state.host, &state.selection(props.shared.model()))
                            .map(|r| r.hops.iter().map(|h| h.component).collect())
                            .unwrap_or_default()
                    };
                    let marks = Marks::new(g, state.failed.iter().copied(), [], path);
                    html! {
                        <div class="archsim-panel archsim-map-panel">
                            <Map geometry={g.clone()} marks={Rc::new(marks)} state={state.clone()} />
                        </div>
                    }
                }
                None => html! {},
            },
        }
    };
    let body = if props.kind == Kind::App {
        let (tab, panel_id) = ids(&uid, state.tab);
        html! {
            <>
                <Tabs current={state.tab} />
                <div role="tabpanel" id={panel_id} aria-labelledby={tab} class="archsim-tabpanel">
                    { panel(state.tab) }
                </div>
            </>
        }
    } else {
        panel(props.kind)
    };
    let model_name = props.shared.model().meta.name.clone();
    let label = match props.kind {
        Kind::App => format!("{model_name} architecture simulator"),
        kind => format!(
            "{model_name}: {} (interactive)",
            kind.title().to_ascii_lowercase()
        ),
    };
    html! {
        <ContextProvider<Ctx> context={ctx}>
            <section class={classes!("archsim-live", format!("archsim-kind-{}", props.kind.as_str()))}
                aria-label={label}>
                <Notices notices={state.notices.clone()} />
                {body}
                <LinkBar fragment={link} />
            </section>
        </ContextProvider<Ctx>>
    }
}
