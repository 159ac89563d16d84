//! The architecture map: the layout drawn as SVG, with pan and zoom
//! (wheel, drag, two fingers in the full window, buttons, keys), hover
//! highlighting of a node's neighbours, a search that fades what does not
//! match, keyboard moves between nodes, and a details panel for the
//! selected node.
//!
//! The drawing itself is text ([`map_markup`]); yew owns the frame around
//! it (the search box, the viewport's transform), so panning and zooming
//! never redraw the nodes. Hovering changes no state: it marks the
//! neighbourhood on the elements directly, and a CSS rule fades the rest;
//! a new look is patched onto the drawn elements ([`crate::map_patch`]).

use std::rc::Rc;

use archsim_view::svg::legend_html;
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

use crate::acts::verb;
use crate::components::Ctx;
use crate::components::details::details_markup;
use crate::dom;
use crate::geometry::{Geometry, fixed};
use crate::map_markup::{Drawing, Looks, Marks, looks, map_markup, node_id};
use crate::map_patch::{patch, show_hover};
use crate::markup::{Markup, flag};
use crate::state::{Action, State, View};
use crate::view::{
    Detail, Direction, TYPICAL_FRAME, ZOOM_STEP, client_to_viewport, detail, ensure_visible,
    max_zoom, neighbour, pan, pinch, units_per_pixel, zoom_at,
};

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
    pub state: Rc<State>,
    /// Offer the choice between failing and selecting on click.
    #[prop_or_default]
    pub mode_switch: bool,
    /// The map's accessible name.
    #[prop_or(AttrValue::Static("Architecture map"))]
    pub label: AttrValue,
}

/// A drag in progress.
#[derive(Clone, Copy)]
struct Drag {
    start: (f64, f64),
    view: View,
    moved: bool,
}

/// Two fingers on the map: the view and where they were when the second
/// touched (client pixels).
struct Pinch {
    view: View,
    from: [(f64, f64); 2],
}

/// What the map remembers between renders without re-rendering.
#[derive(Default)]
struct Local {
    drag: Option<Drag>,
    /// The first two fingers on the map: pointer id and where each is now.
    touches: [Option<(i32, (f64, f64))>; 2],
    pinch: Option<Pinch>,
    /// A drag just ended: the click that follows is not a click.
    suppress_click: bool,
    /// The node that holds the Tab stop.
    focus: usize,
    /// Give the focus back to that node after the next render (the
    /// drawing was replaced under it).
    refocus: bool,
    hovered: Option<usize>,
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

/// The toolbar's buttons and the click-mode switch, as text.
fn toolbar_markup(uid: &str, mode_switch: bool, clicks_fail: bool) -> String {
    let mut m = Markup::new();
    let buttons = [
        ("in", "Zoom in", "Zoom in (+)", "+"),
        ("out", "Zoom out", "Zoom out (−)", "−"),
        ("fit", "Reset the view", "Reset the view (0)", "Fit"),
    ];
    let pans = [
        ("left", "Pan left", "", "←"),
        ("up", "Pan up", "", "↑"),
        ("down", "Pan down", "", "↓"),
        ("right", "Pan right", "", "→"),
    ];
    for group in [&buttons[..], &pans[..]] {
        m.raw("<span class=\"archsim-button-group\">");
        for (what, label, title, text) in group {
            m.leaf(
                "button",
                &[
                    ("type", "button"),
                    ("class", "archsim-button"),
                    ("data-map", what),
                    ("aria-label", label),
                    if title.is_empty() {
                        ("", "")
                    } else {
                        ("title", title)
                    },
                ],
                text,
            );
        }
        m.raw("</span>");
    }
    if mode_switch {
        let name = format!("{uid}-mode");
        m.raw("<fieldset class=\"archsim-mode\"><legend>Clicking a component</legend>");
        for (arg, on, words) in [
            ("1", clicks_fail, " fails or restores it"),
            ("0", !clicks_fail, " shows its details"),
        ] {
            m.raw("<label>")
                .open(
                    "input",
                    &[
                        ("type", "radio"),
                        ("id", &format!("{name}-{arg}")),
                        ("name", &name),
                        ("data-act", verb::CLICKS_FAIL),
                        ("data-arg", arg),
                        flag("checked", on),
                    ],
                )
                .text(words)
                .raw("</label>");
        }
        m.raw("</fieldset>");
    }
    m.into_string()
}

/// The map panel.
#[component]
pub fn Map(props: &MapProps) -> Html {
    let ctx = props.ctx.clone();
    let local = use_mut_ref(Local::default);
    let local_view = use_state_eq(|| None::<View>);
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
            };
            (AttrValue::from(map_markup(g, &look, &d)), look)
        })
    };
    {
        // Bring the drawing's elements to the current look, changing only
        // what differs from the look they show.
        let (svg_ref, shown, uid) = (
            svg_ref.clone(),
            use_mut_ref(|| None::<Rc<Looks>>),
            uid.clone(),
        );
        let drawn = drawing.1.clone();
        use_effect_with(look.clone(), move |look| {
            let mut shown = shown.borrow_mut();
            let from = shown.clone().unwrap_or(drawn);
            if !Rc::ptr_eq(&from, look)
                && let Some(svg) = svg_ref.cast::<Element>()
            {
                patch(&svg, &uid, &from, look);
            }
            *shown = Some(look.clone());
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
                && let Ok(Some(node)) = svg.query_selector(&format!("#{}", node_id(&uid, focus)))
            {
                dom::focus(&node);
            }
        });
    }
    let size = g.size;
    let centre = (size.0 / 2.0, size.1 / 2.0);
    let max = max_zoom(size);
    // A link may ask for more zoom than this drawing allows (links accept
    // the zoom of the biggest drawings): the view comes back within its
    // range about the centre, as the next zoom step would take it.
    let view = zoom_at((*local_view).unwrap_or(state.view), 1.0, centre, max);
    let dispatch = ctx.dispatch.clone();
    let rect_of = {
        let svg_ref = svg_ref.clone();
        move || {
            svg_ref.cast::<Element>().map(|svg| {
                let r = svg.get_bounding_client_rect();
                (r.left(), r.top(), r.width(), r.height())
            })
        }
    };
    let set_view = {
        let dispatch = dispatch.clone();
        move |v: View| dispatch.emit(Action::View(v))
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

    let ontoolbar = {
        let set_view = set_view.clone();
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
                _ => View::default(),
            });
        })
    };
    let onclick = {
        let (local, activate) = (local.clone(), activate.clone());
        Callback::from(move |e: MouseEvent| {
            if std::mem::take(&mut local.borrow_mut().suppress_click) {
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
                    if let Ok(Some(el)) = svg.query_selector(&format!("#{}", node_id(&uid, n))) {
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
    let onwheel = {
        let set_view = set_view.clone();
        let rect_of = rect_of.clone();
        // In a page the wheel scrolls the page unless Ctrl is held; filling
        // the window, the map has the wheel to itself.
        let page_wheel = ctx.embedded && !*full;
        Callback::from(move |e: WheelEvent| {
            if page_wheel && !(e.ctrl_key() || e.meta_key()) {
                return;
            }
            e.prevent_default();
            let Some(rect) = rect_of() else { return };
            let factor = (-e.delta_y() * 0.002).clamp(-0.5, 0.5).exp();
            let at = client_to_viewport(rect, size, (e.client_x() as f64, e.client_y() as f64));
            set_view(zoom_at(view, factor, at, max));
        })
    };
    let onpointerdown = {
        let local = local.clone();
        // Two fingers zoom the page, not the map, unless the map fills the
        // window (`touch-action`, as the wheel). Touches need no capture:
        // the browser sends a finger's events where it touched.
        let pinches = *full;
        Callback::from(move |e: PointerEvent| {
            let mut l = local.borrow_mut();
            let at = (e.client_x() as f64, e.client_y() as f64);
            if pinches && e.pointer_type() == "touch" {
                if let Some(slot) = l.touches.iter_mut().find(|t| t.is_none()) {
                    *slot = Some((e.pointer_id(), at));
                }
                // A second finger turns the drag into a pinch.
                if let [Some(a), Some(b)] = l.touches {
                    l.drag = None;
                    l.pinch = Some(Pinch {
                        view,
                        from: [a.1, b.1],
                    });
                    return;
                }
            }
            if e.button() == 0 {
                l.drag = Some(Drag {
                    start: at,
                    view,
                    moved: false,
                });
            }
        })
    };
    let onpointermove = {
        let (local, local_view, svg_ref) = (local.clone(), local_view.clone(), svg_ref.clone());
        let rect_of = rect_of.clone();
        Callback::from(move |e: PointerEvent| {
            let mut l = local.borrow_mut();
            let (id, at) = (e.pointer_id(), (e.client_x() as f64, e.client_y() as f64));
            for (i, t) in l.touches.iter_mut().flatten() {
                if *i == id {
                    *t = at;
                }
            }
            if let (Some(p), [Some(a), Some(b)]) = (&l.pinch, l.touches) {
                let Some(rect) = rect_of() else { return };
                let to_view = |c| client_to_viewport(rect, size, c);
                let from = [to_view(p.from[0]), to_view(p.from[1])];
                local_view.set(Some(pinch(p.view, from, [to_view(a.1), to_view(b.1)], max)));
                return;
            }
            let Some(d) = l.drag.as_mut() else { return };
            let (dx, dy) = (
                e.client_x() as f64 - d.start.0,
                e.client_y() as f64 - d.start.1,
            );
            if !d.moved {
                if dx.hypot(dy) < 4.0 {
                    return;
                }
                d.moved = true;
                if let Some(svg) = svg_ref.cast::<Element>() {
                    let _ = svg.set_pointer_capture(e.pointer_id());
                }
            }
            let Some(rect) = rect_of() else { return };
            let u = units_per_pixel(rect, size);
            local_view.set(Some(pan(d.view, dx * u, dy * u)));
        })
    };
    let onpointerup = {
        let (local, local_view, set_view) = (local.clone(), local_view.clone(), set_view.clone());
        Callback::from(move |e: PointerEvent| {
            let mut l = local.borrow_mut();
            let id = e.pointer_id();
            for t in &mut l.touches {
                if t.is_some_and(|t| t.0 == id) {
                    *t = None;
                }
            }
            // A lifted finger ends a pinch; the other one does not drag.
            let pinched = l.pinch.take().is_some();
            if pinched || l.drag.take().is_some_and(|d| d.moved) {
                l.suppress_click = true;
                drop(l);
                if let Some(v) = *local_view {
                    set_view(v);
                }
                local_view.set(None);
            }
        })
    };
    let onkeydown = {
        let (dispatch, local, g, svg_ref, uid) = (
            dispatch.clone(),
            local.clone(),
            g.clone(),
            svg_ref.clone(),
            ctx.uid.clone(),
        );
        let set_view = set_view.clone();
        let selected = state.selected.is_some();
        Callback::from(move |e: KeyboardEvent| {
            let key = e.key();
            let on = node_index(e.target());
            let focus_node = |j: usize| {
                if let Some(svg) = svg_ref.cast::<Element>()
                    && let Ok(Some(el)) = svg.query_selector(&format!("#{}", node_id(&uid, j)))
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
                "0" => set_view(View::default()),
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
    let transform = format!(
        "translate({} {}) scale({})",
        fixed(view.x, 1),
        fixed(view.y, 1),
        fixed(view.zoom, 4)
    );
    // Filling the window, the map's frame is about the window less its
    // controls.
    let frame = match dom::window_size().filter(|_| *full) {
        Some((w, h)) => (0.0, 0.0, w - 32.0, h - 100.0),
        None => TYPICAL_FRAME,
    };
    let detail = detail(g.size, view.zoom, frame);
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
    let help_id = format!("{uid}-map-help");
    let search_id = format!("{uid}-map-search");
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
    .text("Tab into the map, then: arrow keys move between components, Enter shows details")
    .text(if props.mode_switch || state.clicks_fail {
        " (or fails the component, as chosen above)"
    } else {
        ""
    })
    .text(", Shift + arrows pan, + and − zoom, 0 fits, Escape closes the details (then the full window). Drag to pan. ")
    .text(if *full {
        "The wheel or two fingers zoom. "
    } else if ctx.embedded {
        "Ctrl + wheel zooms. "
    } else {
        ""
    })
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
        details_markup(&mut help, ctx.shared.engine(), c, &uid, &node);
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
            <div class={classes!("archsim-map-frame", detail.class())}>
                <svg ref={svg_ref} class="archsim-map archsim-map-live" viewBox={g.view_box.clone()}
                    preserveAspectRatio="xMidYMid meet" role="application"
                    aria-roledescription="architecture map" aria-label={props.label.clone()}
                    aria-describedby={help_id}
                    {onclick} {onmouseover} {onmouseleave} {onfocusin} {onfocusout} {onwheel}
                    {onpointerdown} {onpointermove} onpointerup={onpointerup.clone()}
                    onpointercancel={onpointerup} {onkeydown}>
                    <g class="archsim-viewport" transform={transform}>
                        { Html::from_html_unchecked(drawing.0.clone()) }
                    </g>
                </svg>
            </div>
            { help.into_html() }
        </div>
    }
}
