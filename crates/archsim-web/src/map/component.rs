//! The architecture map: the layout drawn as SVG, with pan and zoom
//! (wheel, drag, two fingers in the full window, buttons, keys), hover
//! highlighting of a node's neighbours, a search that fades what does not
//! match, keyboard moves between nodes, and a details panel for the
//! selected node.
//!
//! The drawing itself is text ([`super::draw`]); yew owns the frame around
//! it (the search box, the viewport's transform), so panning and zooming
//! never redraw the nodes. Hovering changes no state: it marks the
//! neighbourhood on the elements directly, and a CSS rule fades the rest;
//! a new look is patched onto the drawn elements ([`crate::map::patch`]).
//! Pointer gestures are in `gestures.rs`, the toolbar's markup in
//! `toolbar.rs`.

use std::rc::Rc;

use archsim_view::svg::legend_html;
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

use super::gestures::{Gestures, rect_of};
use super::toolbar::toolbar_markup;
use crate::components::Ctx;
use crate::components::details::details_markup;
use crate::components::later::Later;
use crate::dom;
use crate::ids;
use crate::map::draw::{Drawing, Marks, looks, map_markup, node_id};
use crate::map::drawn::Drawn;
use crate::map::geometry::{Geometry, fixed};
use crate::map::patch::show_hover;
use crate::map::viewport::Viewport;
use crate::map::viewport::{
    Detail, Direction, TYPICAL_FRAME, ZOOM_STEP, detail, ensure_visible, fit_concern, max_zoom,
    neighbour, pan, zoom_at,
};
use crate::markup::{Markup, WidgetMarkup};
use crate::state::{Action, WidgetState};

/// Props of [`Map`].
#[derive(Properties, PartialEq)]
pub struct MapProps {
    /// The widget's model, dispatcher and ids.
    pub ctx: Ctx,
    /// The drawing.
    pub geometry: Rc<Geometry>,
    /// What to mark on it.
    pub marks: Rc<Marks>,
    /// The widget's state (view, selection, search, click mode).
    pub state: Rc<WidgetState>,
    /// Offer the choice between failing and selecting on click.
    #[prop_or_default]
    pub mode_switch: bool,
    /// The map's accessible name.
    #[prop_or(AttrValue::Static("Architecture map"))]
    pub label: AttrValue,
}

/// What the map remembers between renders without re-rendering.
#[derive(Default)]
pub(super) struct Local {
    pub(super) gestures: Gestures,
    /// The node that holds the Tab stop.
    focus: usize,
    /// Give the focus back to that node after the next render (the
    /// drawing was replaced under it).
    refocus: bool,
    hovered: Option<usize>,
    /// The reader asked to see everything: answers no longer move the map.
    whole: bool,
}

fn node_index(target: Option<web_sys::EventTarget>) -> Option<usize> {
    let element = target?.dyn_into::<Element>().ok()?;
    element
        .closest("[data-index]")
        .ok()??
        .get_attribute("data-index")?
        .parse()
        .ok()
}

/// The map panel.
#[component]
pub fn Map(props: &MapProps) -> Html {
    let ctx = props.ctx.clone();
    let local = use_mut_ref(Local::default);
    let local_view = use_state_eq(|| None::<Viewport>);
    // The view fitted to what the answer concerns, shown while the
    // reader has not moved the map (the state's view is the whole map).
    let fitted = use_state_eq(|| None::<Viewport>);
    // Whether the map fills the window. A way of looking, like the
    // failure list's filter, not part of the scenario: links leave it.
    let full = use_state_eq(|| false);
    let svg_ref = use_node_ref();
    let g = props.geometry.clone();
    let state = props.state.clone();
    let matches = {
        let g = g.clone();
        use_memo(state.search.clone(), move |q| g.matches(q))
    };
    let size = g.size;
    let centre = (size.0 / 2.0, size.1 / 2.0);
    let max = max_zoom(size);
    let shown = match *fitted {
        Some(f) if state.view == Viewport::default() => f,
        _ => state.view,
    };
    let view = zoom_at((*local_view).unwrap_or(shown), 1.0, centre, max);
    // Filling the window, the map's frame is about the window less its
    // controls.
    let frame = match full.then(dom::window_size).flatten() {
        Some((w, h)) => (0.0, 0.0, w - 32.0, h - 100.0),
        None => TYPICAL_FRAME,
    };
    let detail = detail(g.size, view.zoom, frame);
    // Zoomed out to ids, a node is named by the id it shows.
    let ids_shown = detail == Detail::Ids;
    let uid = ctx.uid.clone();
    // The state's look, and the drawing: written once per layout (with the
    // first look); later looks are patched onto its elements, below.
    let look = {
        let (g, matches, uid) = (g.clone(), matches.clone(), uid.clone());
        let deps = (
            props.marks.clone(),
            state.selected,
            state.clicks_fail,
            state.search.clone(),
        );
        use_memo(deps, move |(marks, selected, clicks_fail, _)| {
            looks(
                &g,
                marks,
                &Drawing {
                    uid: &uid,
                    selected: selected.and_then(|c| g.index(c)),
                    matches: matches.as_ref().as_deref(),
                    focus: 0,
                    clicks_fail: *clicks_fail,
                    ids: false,
                },
            )
        })
    };
    let drawing = {
        let (look, local, uid) = (look.clone(), local.clone(), uid.clone());
        use_memo(g.clone(), move |g| {
            let focus = local.borrow().focus.min(g.nodes.len().saturating_sub(1));
            let d = Drawing {
                uid: &uid,
                selected: None,
                matches: None,
                focus,
                clicks_fail: false,
                ids: false,
            };
            (AttrValue::from(map_markup(g, &look, &d)), look)
        })
    };
    // The look as the map shows it now: zoomed out to ids, each node's
    // name starts with its id (`Drawing::ids`). Kept apart from the
    // answer's look, which alone fits the map: a reader's zoom must not.
    let said = {
        let (g, matches, uid, marks) =
            (g.clone(), matches.clone(), uid.clone(), props.marks.clone());
        let (selected, clicks_fail) = (state.selected, state.clicks_fail);
        use_memo((look.clone(), ids_shown), move |(look, ids)| {
            if !*ids {
                return look.clone();
            }
            Rc::new(looks(
                &g,
                &marks,
                &Drawing {
                    uid: &uid,
                    selected: selected.and_then(|c| g.index(c)),
                    matches: matches.as_ref().as_deref(),
                    focus: 0,
                    clicks_fail,
                    ids: true,
                },
            ))
        })
    };
    {
        // A new look (at mount too: a link's answer) fits the map to what
        // the answer concerns, what the map marks, unless the reader has
        // moved it or asked to see everything. The frame is measured once
        // per look (names' size on screen depends on it), just before the
        // next paint that shows it: measured in the render, it would make
        // the browser lay the page out there and then, a task as long
        // again; and a widget still in its steps is not in the page yet.
        let (svg_ref, fitted, local, g, marks, steps) = (
            svg_ref.clone(),
            fitted.clone(),
            local.clone(),
            g.clone(),
            props.marks.clone(),
            ctx.steps.clone(),
        );
        let moved = state.view != Viewport::default();
        use_effect_with(look.clone(), move |_| {
            if !moved && !local.borrow().whole {
                let mut concern = marks.path.clone();
                for (i, m) in marks.nodes.iter().enumerate() {
                    if m.is_some() {
                        concern.push(i);
                    }
                }
                steps.when_shown(move || {
                    let frame = rect_of(&svg_ref)
                        .filter(|r| r.2 > 0.0)
                        .unwrap_or(TYPICAL_FRAME);
                    let max = max_zoom(g.size);
                    fitted.set(fit_concern(
                        &g.boxes,
                        &g.neighbours,
                        &concern,
                        g.size,
                        frame,
                        max,
                    ));
                });
            }
        });
    }
    {
        // After a redraw: the focused node's element is new.
        let (svg_ref, local, uid) = (svg_ref.clone(), local.clone(), uid.clone());
        use_effect(move || {
            let focus = {
                let mut l = local.borrow_mut();
                std::mem::take(&mut l.refocus).then_some(l.focus)
            };
            // Not while `local` is borrowed: focusing dispatches `focusin`
            // at once, and its handler borrows `local` too.
            if let Some(focus) = focus
                && let Some(svg) = svg_ref.cast::<Element>()
                && let Some(node) = dom::by_id_in(&svg, &node_id(&uid, focus))
            {
                dom::focus(&node);
            }
        });
    }
    let dispatch = ctx.dispatch.clone();
    let set_view = {
        let dispatch = dispatch.clone();
        move |v: Viewport| dispatch.emit(Action::Viewport(v))
    };
    let step = size.0.min(size.1) / 8.0;
    let activate = {
        let (dispatch, local, g) = (dispatch.clone(), local.clone(), g.clone());
        move |i: usize| {
            if let Some(n) = g.nodes.get(i) {
                let mut l = local.borrow_mut();
                l.focus = i;
                l.refocus = true;
                drop(l);
                dispatch.emit(Action::Activate(n.component));
            }
        }
    };

    // "Show everything" (and the 0 key): the whole map, and answers no
    // longer move it.
    let everything = {
        let (set_view, fitted, local) = (set_view.clone(), fitted.clone(), local.clone());
        move || {
            local.borrow_mut().whole = true;
            fitted.set(None);
            set_view(Viewport::default());
        }
    };
    let ontoolbar = {
        let (set_view, everything) = (set_view.clone(), everything.clone());
        Callback::from(move |e: MouseEvent| {
            let Some(what) = e
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|t| t.closest("[data-map]").ok().flatten())
                .and_then(|b| b.get_attribute("data-map"))
            else {
                return;
            };
            set_view(match what.as_str() {
                "in" => zoom_at(view, ZOOM_STEP, centre, max),
                "out" => zoom_at(view, 1.0 / ZOOM_STEP, centre, max),
                "left" => pan(view, step, 0.0),
                "right" => pan(view, -step, 0.0),
                "up" => pan(view, 0.0, step),
                "down" => pan(view, 0.0, -step),
                _ => return everything(),
            });
        })
    };
    let onclick = {
        let (local, activate) = (local.clone(), activate.clone());
        Callback::from(move |e: MouseEvent| {
            if std::mem::take(&mut local.borrow_mut().gestures.suppress_click) {
                return;
            }
            if let Some(i) = node_index(e.target()) {
                activate(i);
            }
        })
    };
    let hover_to = {
        let (svg_ref, local, g) = (svg_ref.clone(), local.clone(), g.clone());
        Rc::new(move |to: Option<usize>| {
            let mut l = local.borrow_mut();
            if l.hovered != to || to.is_none() {
                l.hovered = to;
                if let Some(svg) = svg_ref.cast::<Element>() {
                    show_hover(&svg, &g, to);
                }
            }
        })
    };
    let onmouseover = {
        let hover_to = hover_to.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(i) = node_index(e.target()) {
                hover_to(Some(i));
            }
        })
    };
    let onmouseleave = {
        let hover_to = hover_to.clone();
        Callback::from(move |_: MouseEvent| hover_to(None))
    };
    let onfocusin = {
        let (hover_to, local, svg_ref, uid) = (
            hover_to.clone(),
            local.clone(),
            svg_ref.clone(),
            ctx.uid.clone(),
        );
        Callback::from(move |e: FocusEvent| {
            let Some(i) = node_index(e.target()) else {
                return;
            };
            hover_to(Some(i));
            // The roving Tab stop follows the focus.
            let old = std::mem::replace(&mut local.borrow_mut().focus, i);
            if old != i
                && let Some(svg) = svg_ref.cast::<Element>()
            {
                for (n, tabindex) in [(old, "-1"), (i, "0")] {
                    if let Some(el) = dom::by_id_in(&svg, &node_id(&uid, n)) {
                        let _ = el.set_attribute("tabindex", tabindex);
                    }
                }
            }
        })
    };
    let onfocusout = {
        let hover_to = hover_to.clone();
        Callback::from(move |_: FocusEvent| hover_to(None))
    };
    let gestures = super::gestures::handlers(&super::gestures::Env {
        local: &local,
        svg: &svg_ref,
        local_view: &local_view,
        dispatch: &dispatch,
        view,
        size,
        max,
        // In a page the wheel scrolls the page unless Ctrl is held, and two
        // fingers zoom the page; filling the window, the map has both.
        whole: !ctx.embedded || *full,
        pinches: *full,
    });
    let onkeydown = {
        let (dispatch, local, g, svg_ref, uid) = (
            dispatch.clone(),
            local.clone(),
            g.clone(),
            svg_ref.clone(),
            ctx.uid.clone(),
        );
        let (set_view, everything) = (set_view.clone(), everything.clone());
        let selected = state.selected.is_some();
        Callback::from(move |e: KeyboardEvent| {
            let key = e.key();
            let on = node_index(e.target());
            let focus_node = |j: usize| {
                if let Some(svg) = svg_ref.cast::<Element>()
                    && let Some(el) = dom::by_id_in(&svg, &node_id(&uid, j))
                {
                    dom::focus(&el);
                }
            };
            if let Some(direction) = Direction::from_key(&key) {
                e.prevent_default();
                if e.shift_key() || on.is_none() {
                    let (dx, dy) = match direction {
                        Direction::Left => (step, 0.0),
                        Direction::Right => (-step, 0.0),
                        Direction::Up => (0.0, step),
                        Direction::Down => (0.0, -step),
                    };
                    set_view(pan(view, dx, dy));
                } else if let Some(j) = on.and_then(|i| neighbour(&g.boxes, i, direction)) {
                    focus_node(j);
                    let v = ensure_visible(view, &g.boxes[j], size);
                    if v != view {
                        set_view(v);
                    }
                }
                return;
            }
            match key.as_str() {
                "Enter" | " " => {
                    if let Some(i) = on {
                        e.prevent_default();
                        activate(i);
                    }
                }
                "+" | "=" => set_view(zoom_at(view, ZOOM_STEP, centre, max)),
                "-" | "_" => set_view(zoom_at(view, 1.0 / ZOOM_STEP, centre, max)),
                "0" => everything(),
                // The details close first; the next Escape leaves the full
                // window (the map's box).
                "Escape" if selected => {
                    local.borrow_mut().refocus = on.is_some();
                    dispatch.emit(Action::Select(None));
                }
                "Home" | "End" if !g.nodes.is_empty() => {
                    e.prevent_default();
                    focus_node(if key == "Home" { 0 } else { g.nodes.len() - 1 });
                }
                _ => {}
            }
        })
    };
    let onsearch = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                dispatch.emit(Action::Search(input.value()));
            }
        })
    };

    #[allow(clippy::disallowed_macros)] // The search's status line: a count among words.
    let search_status = match matches
        .as_ref()
        .as_ref()
        .map(|m| m.iter().filter(|x| **x).count())
    {
        Some(0) => "No component matches.".to_owned(),
        Some(1) => "1 component matches.".to_owned(),
        Some(n) => format!("{n} components match."),
        None => String::new(),
    };
    #[allow(clippy::disallowed_macros)] // The viewport's transform: three numbers among words.
    let transform = format!(
        "translate({} {}) scale({})",
        fixed(view.x, 1),
        fixed(view.y, 1),
        fixed(view.zoom, 4)
    );
    let onfull = {
        let full = full.clone();
        Callback::from(move |_: MouseEvent| full.set(!*full))
    };
    let onboxkey = {
        let (full, svg_ref) = (full.clone(), svg_ref.clone());
        // Open details take the Escape (the map's own handler closes them).
        let selected = state.selected.is_some();
        Callback::from(move |e: KeyboardEvent| {
            if !*full {
                return;
            }
            match e.key().as_str() {
                "Escape" if !selected => {
                    e.prevent_default();
                    full.set(false);
                }
                // Filling the window, the map is all there is to reach:
                // Tab wraps round within it instead of going on to the
                // page hidden behind.
                "Tab" => {
                    // The box, found from the drawing: one node ref fewer.
                    if let Some(to) = svg_ref
                        .cast::<Element>()
                        .and_then(|svg| svg.closest(".archsim-map-box").ok().flatten())
                        .and_then(|b| dom::wrap_focus(&b, e.shift_key()))
                    {
                        e.prevent_default();
                        dom::focus(&to);
                    }
                }
                _ => {}
            }
        })
    };
    let help_id = ids::id(&uid, "-map-help");
    let search_id = ids::id(&uid, "-map-search");
    let mut after = Markup::new();
    if !search_status.is_empty() {
        after.leaf(
            "p",
            &[
                ("class", "archsim-muted archsim-search-status"),
                ("aria-hidden", "true"),
            ],
            &search_status,
        );
    }
    let mut help = Markup::new();
    // The key to the line styles follows the frame (widgets.css hides it
    // when the map is zoomed so far out that lines are drawn plain).
    help.raw(&legend_html());
    help.open(
        "p",
        &[("id", &help_id), ("class", "archsim-help archsim-muted")],
    )
    // The keys and the mouse; on a touch screen (widgets.css), the fingers.
    .raw("<span class=\"archsim-help-keys\">")
    .text("Tab into the map, then: arrow keys move between components, Enter shows details")
    .text(if props.mode_switch || state.clicks_fail {
        " (or fails the component, as chosen above)"
    } else {
        ""
    })
    .text(", Shift + arrows pan, + and − zoom, 0 shows everything, Escape closes the details (then the full window). Drag to pan. ")
    .text(if *full {
        "The wheel or two fingers zoom. "
    } else if ctx.embedded {
        "Ctrl + wheel zooms. "
    } else {
        ""
    })
    .raw("</span><span class=\"archsim-help-touch\">")
    .text("Drag sideways to pan; in the full window, two fingers zoom. ")
    .raw("</span>")
    .text(match detail {
        Detail::Full => "",
        Detail::Ids => {
            "Zoomed out, each box shows its id in large type instead of its name: zoom in to read names."
        }
        Detail::Shapes => {
            "Zoomed this far out, the map hides names and draws edges plain: zoom in to read them."
        }
    })
    .close("p");
    if let Some(c) = state.selected {
        let node = g.index(c).map(|i| node_id(&uid, i)).unwrap_or_default();
        details_markup(&mut help, ctx.shared.engine(), c, &uid, &node, ctx.heading);
    }
    html! {
        <div class={classes!("archsim-map-box", full.then_some("is-full"))}
            role={full.then_some("dialog")} aria-modal={full.then_some("true")}
            aria-label={full.then_some("Map, full window")} onkeydown={onboxkey}>
            <div class="archsim-toolbar" role="toolbar" aria-label="Map controls" onclick={ontoolbar}>
                <label for={search_id.clone()} class="archsim-sr">{"Search the map"}</label>
                <input id={search_id} type="search" class="archsim-input" placeholder="Search components"
                    value={state.search.clone()} oninput={onsearch} />
                <span class="archsim-sr" aria-live="polite">{search_status}</span>
                { Html::from_html_unchecked(toolbar_markup(&uid, props.mode_switch, state.clicks_fail).into()) }
                <button type="button" class="archsim-button archsim-full-toggle" onclick={onfull}>
                    { if *full { "Close full window" } else { "Full window" } }
                </button>
            </div>
            { after.into_html() }
            // The frame's size comes from an empty drawing of the same
            // proportions; the drawing fills the box over it, which the
            // browser may skip laying out and painting while it is out of
            // view (widgets.css `.archsim-map-skip`).
            <div class={classes!("archsim-map-frame", detail.class())}>
                <svg class="archsim-map-sizer" viewBox={g.view_box.clone()} aria-hidden="true"></svg>
                <div class="archsim-map-skip">
                <svg ref={svg_ref.clone()} class="archsim-map archsim-map-live" viewBox={g.view_box.clone()}
                    preserveAspectRatio="xMidYMid meet" role="application"
                    aria-roledescription="architecture map" aria-label={props.label.clone()}
                    aria-describedby={help_id}
                    {onclick} {onmouseover} {onmouseleave} {onfocusin} {onfocusout}
                    onwheel={gestures.onwheel} onpointerdown={gestures.onpointerdown}
                    onpointermove={gestures.onpointermove}
                    onpointerup={gestures.onpointerup.clone()}
                    onpointercancel={gestures.onpointerup} {onkeydown}>
                    // The drawing (some 600 elements) in a task of its
                    // own at the start, after the map's frame.
                    <g class="archsim-viewport" transform={transform}>
                        <Later steps={ctx.steps.clone()}>
                            <Drawn drawing={drawing.clone()} look={(*said).clone()}
                                uid={uid.clone()} svg={svg_ref.clone()} />
                        </Later>
                    </g>
                </svg>
                </div>
            </div>
            { help.into_html() }
        </div>
    }
}

/// The map panel of a widget: the map, with the route of the widget's host
/// lit (`data-host` on a map: the book's `{{#archsim map highlight="…"}}`)
/// and its failures marked.
pub fn map_panel(ctx: &Ctx, state: &Rc<WidgetState>, geometry: &Rc<Geometry>) -> Html {
    let path: Vec<archsim_core::CompId> = if state.host.is_empty() {
        Vec::new()
    } else {
        let engine = ctx.shared.engine();
        engine
            .route(&state.host, &state.selection(ctx.shared.model()))
            .map(|r| r.hops.iter().map(|h| h.component).collect())
            .unwrap_or_default()
    };
    let marks = Marks::new(geometry, state.failed.iter().copied(), [], path);
    html! {
        <div class="archsim-panel archsim-map-panel">
            <Map ctx={ctx.clone()} geometry={geometry.clone()} marks={Rc::new(marks)} state={state.clone()} />
        </div>
    }
}
