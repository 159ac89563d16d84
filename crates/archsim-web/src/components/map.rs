//! The interactive architecture map: the layout drawn as SVG, with pan and
//! zoom (wheel, drag, buttons, keys), hover highlighting, search, keyboard
//! navigation between nodes, and the details panel.
//!
//! The map is `role="application"` with one focusable node at a time (a
//! roving tabindex): Tab enters the map on that node, the arrow keys move
//! to the nearest node in that direction, Enter or Space activates it
//! (details, or fail/restore in the failure simulator), Shift+arrows pan,
//! `+`/`-` zoom, `0` resets, Escape closes the details. Pointer and key
//! events are handled here for every node at once (delegation through
//! `data-index`), so nodes are plain, memoised markup.

use std::rc::Rc;

use archsim_core::{CompId, State as Health};
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

use crate::components::Ctx;
use crate::components::details::Details;
use crate::components::map_edge::MapEdge;
use crate::components::map_node::MapNode;
use crate::dom;
use crate::geometry::{Geometry, fixed};
use crate::state::{Action, State, View};
use crate::view::{
    Direction, ZOOM_STEP, client_to_viewport, ensure_visible, neighbour, pan, units_per_pixel,
    zoom_at,
};

/// What a node is marked with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// Failed on purpose.
    Failed,
    /// In this state because of the failures (or a hop's state).
    State(Health),
}

/// What the panel wants shown on the map.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Marks {
    /// Per node index: its marker.
    pub nodes: Vec<Option<Mark>>,
    /// A path to light up (node indices, in order), e.g. a route's hops.
    pub path: Vec<usize>,
    /// The path node being explained.
    pub current: Option<usize>,
}

impl Marks {
    /// Marks for `geometry`: failed components, then component states
    /// (worst wins), then a path.
    pub fn new(
        geometry: &Geometry,
        failed: impl IntoIterator<Item = CompId>,
        states: impl IntoIterator<Item = (CompId, Health)>,
        path: impl IntoIterator<Item = CompId>,
    ) -> Marks {
        let mut nodes = vec![None; geometry.nodes.len()];
        for (c, s) in states {
            if let Some(i) = geometry.index(c) {
                let worse = match nodes[i] {
                    Some(Mark::State(old)) => s > old,
                    Some(Mark::Failed) => false,
                    None => s != Health::Ok,
                };
                if worse {
                    nodes[i] = Some(Mark::State(s));
                }
            }
        }
        for c in failed {
            if let Some(i) = geometry.index(c) {
                nodes[i] = Some(Mark::Failed);
            }
        }
        Marks {
            nodes,
            path: path.into_iter().filter_map(|c| geometry.index(c)).collect(),
            current: None,
        }
    }
}

/// Props of [`Map`].
#[derive(Properties, PartialEq)]
pub struct MapProps {
    /// The prepared drawing.
    pub geometry: Rc<Geometry>,
    /// What to mark.
    pub marks: Rc<Marks>,
    /// The widget's state (view, search, selection, click mode).
    pub state: Rc<State>,
    /// Offer the "clicking a node fails it / shows details" switch.
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

/// The node index an event happened on, if any.
fn node_index(target: Option<web_sys::EventTarget>) -> Option<usize> {
    let element = target?.dyn_into::<Element>().ok()?;
    element
        .closest("[data-index]")
        .ok()??
        .get_attribute("data-index")?
        .parse()
        .ok()
}

/// The map with its toolbar and details panel.
#[component]
pub fn Map(props: &MapProps) -> Html {
    let ctx = use_context::<Ctx>();
    let hover = use_state_eq(|| None::<usize>);
    let focus = use_state_eq(|| 0usize);
    let want_focus = use_mut_ref(|| false);
    let drag = use_mut_ref(|| None::<Drag>);
    let suppress_click = use_mut_ref(|| false);
    let local_view = use_state_eq(|| None::<View>);
    let svg_ref = use_node_ref();
    let g = props.geometry.clone();
    let matches = {
        let g = g.clone();
        use_memo(props.state.search.clone(), move |q| g.matches(q))
    };
    {
        let svg_ref = svg_ref.clone();
        let want_focus = want_focus.clone();
        use_effect_with(*focus, move |i| {
            if std::mem::take(&mut *want_focus.borrow_mut())
                && let Some(svg) = svg_ref.cast::<Element>()
                && let Ok(Some(node)) = svg.query_selector(&format!("[data-index=\"{i}\"]"))
            {
                dom::focus(&node);
            }
        });
    }
    let Some(ctx) = ctx else { return html! {} };
    let state = props.state.clone();
    let view = (*local_view).unwrap_or(state.view);
    let size = g.size;
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

    // ---- buttons
    let set_view = {
        let dispatch = dispatch.clone();
        move |v: View| dispatch.emit(Action::View(v))
    };
    let centre = (size.0 / 2.0, size.1 / 2.0);
    let zoom_in = {
        let set_view = set_view.clone();
        Callback::from(move |_: MouseEvent| set_view(zoom_at(view, ZOOM_STEP, centre)))
    };
    let zoom_out = {
        let set_view = set_view.clone();
        Callback::from(move |_: MouseEvent| set_view(zoom_at(view, 1.0 / ZOOM_STEP, centre)))
    };
    let reset = {
        let set_view = set_view.clone();
        Callback::from(move |_: MouseEvent| set_view(View::default()))
    };
    let step = size.0.min(size.1) / 8.0;
    let pan_button = |dx: f64, dy: f64| {
        let set_view = set_view.clone();
        Callback::from(move |_: MouseEvent| set_view(pan(view, dx, dy)))
    };

    // ---- pointer
    let onclick = {
        let dispatch = dispatch.clone();
        let suppress_click = suppress_click.clone();
        let focus = focus.clone();
        let g = g.clone();
        Callback::from(move |e: MouseEvent| {
            if std::mem::take(&mut *suppress_click.borrow_mut()) {
                return;
            }
            if let Some(i) = node_index(e.target()) {
                focus.set(i);
                if let Some(n) = g.nodes.get(i) {
                    dispatch.emit(Action::Activate(n.component));
                }
            }
        })
    };
    let onmouseover = {
        let hover = hover.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(i) = node_index(e.target()) {
                hover.set(Some(i));
            }
        })
    };
    let onmouseleave = {
        let hover = hover.clone();
        Callback::from(move |_: MouseEvent| hover.set(None))
    };
    let onfocusin = {
        let hover = hover.clone();
        let focus = focus.clone();
        Callback::from(move |e: FocusEvent| {
            if let Some(i) = node_index(e.target()) {
                hover.set(Some(i));
                focus.set(i);
            }
        })
    };
    let onfocusout = {
        let hover = hover.clone();
        Callback::from(move |_: FocusEvent| hover.set(None))
    };
    let onwheel = {
        let set_view = set_view.clone();
        let rect_of = rect_of.clone();
        let embedded = ctx.embedded;
        Callback::from(move |e: WheelEvent| {
            if embedded && !(e.ctrl_key() || e.meta_key()) {
                return;
            }
            e.prevent_default();
            let Some(rect) = rect_of() else { return };
            let factor = (-e.delta_y() * 0.002).clamp(-0.5, 0.5).exp();
            let at = client_to_viewport(rect, size, (e.client_x() as f64, e.client_y() as f64));
            set_view(zoom_at(view, factor, at));
        })
    };
    let onpointerdown = {
        let drag = drag.clone();
        Callback::from(move |e: PointerEvent| {
            if e.button() == 0 {
                *drag.borrow_mut() = Some(Drag {
                    start: (e.client_x() as f64, e.client_y() as f64),
                    view,
                    moved: false,
                });
            }
        })
    };
    let onpointermove = {
        let drag = drag.clone();
        let local_view = local_view.clone();
        let rect_of = rect_of.clone();
        let svg_ref = svg_ref.clone();
        Callback::from(move |e: PointerEvent| {
            let mut d = drag.borrow_mut();
            let Some(d) = d.as_mut() else { return };
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
        let drag = drag.clone();
        let local_view = local_view.clone();
        let suppress_click = suppress_click.clone();
        let set_view = set_view.clone();
        Callback::from(move |_: PointerEvent| {
            let taken = drag.borrow_mut().take();
            if let Some(d) = taken
                && d.moved
            {
                *suppress_click.borrow_mut() = true;
                if let Some(v) = *local_view {
                    set_view(v);
                }
                local_view.set(None);
            }
        })
    };

    // ---- keyboard
    let onkeydown = {
        let dispatch = dispatch.clone();
        let focus = focus.clone();
        let want_focus = want_focus.clone();
        let g = g.clone();
        let set_view = set_view.clone();
        Callback::from(move |e: KeyboardEvent| {
            let key = e.key();
            let on = node_index(e.target());
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
                    *want_focus.borrow_mut() = true;
                    focus.set(j);
                    let v = ensure_visible(view, &g.boxes[j], size);
                    if v != view {
                        set_view(v);
                    }
                }
                return;
            }
            match key.as_str() {
                "Enter" | " " => {
                    if let Some(n) = on.and_then(|i| g.nodes.get(i)) {
                        e.prevent_default();
                        dispatch.emit(Action::Activate(n.component));
                    }
                }
                "+" | "=" => set_view(zoom_at(view, ZOOM_STEP, centre)),
                "-" | "_" => set_view(zoom_at(view, 1.0 / ZOOM_STEP, centre)),
                "0" => set_view(View::default()),
                "Escape" => dispatch.emit(Action::Select(None)),
                "Home" | "End" if !g.nodes.is_empty() => {
                    e.prevent_default();
                    *want_focus.borrow_mut() = true;
                    focus.set(if key == "Home" { 0 } else { g.nodes.len() - 1 });
                }
                _ => {}
            }
        })
    };

    // ---- search
    let onsearch = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                dispatch.emit(Action::Search(input.value()));
            }
        })
    };
    let mode = {
        let dispatch = dispatch.clone();
        move |fails: bool| dispatch.reform(move |_: Event| Action::ClicksFail(fails))
    };

    // ---- what each node and edge looks like now
    let marks = &props.marks;
    let hovered = *hover;
    let neighbours: &[usize] = hovered
        .and_then(|h| g.neighbours.get(h))
        .map_or(&[], Vec::as_slice);
    let on_path = |i: usize| marks.path.contains(&i);
    let path_pairs: Vec<(usize, usize)> = marks.path.windows(2).map(|w| (w[0], w[1])).collect();
    let selected = state.selected.and_then(|c| g.index(c));
    let uid = ctx.uid.clone();
    let nodes = g.nodes.iter().enumerate().map(|(i, _)| {
        let mut class = String::from("archsim-node");
        let mark = marks.nodes.get(i).copied().flatten();
        match mark {
            Some(Mark::Failed) => class.push_str(" is-failed state-down"),
            Some(Mark::State(s)) => {
                class.push_str(" state-");
                class.push_str(s.as_str());
            }
            None => {}
        }
        let lit = on_path(i);
        if lit {
            class.push_str(" is-highlighted");
        }
        if marks.current == Some(i) {
            class.push_str(" is-current");
        }
        if selected == Some(i) {
            class.push_str(" is-selected");
        }
        if hovered == Some(i) {
            class.push_str(" is-hovered");
        } else if neighbours.contains(&i) {
            class.push_str(" is-neighbour");
        }
        let faded = match (hovered, &*matches) {
            (Some(h), _) => h != i && !neighbours.contains(&i),
            (None, Some(m)) => !m.get(i).copied().unwrap_or(false),
            (None, None) => !marks.path.is_empty() && !lit,
        };
        if faded {
            class.push_str(" is-faded");
        }
        let pressed = if state.clicks_fail {
            mark == Some(Mark::Failed)
        } else {
            selected == Some(i)
        };
        html! {
            <MapNode key={i} geometry={g.clone()} index={i} class={AttrValue::from(class)}
                focusable={*focus == i} {mark} {pressed} />
        }
    });
    let arrow = AttrValue::from(format!("url(#{uid}-arrow)"));
    let arrow_lit = AttrValue::from(format!("url(#{uid}-arrow-lit)"));
    let edges = g.edges.iter().enumerate().map(|(i, e)| {
        let mut class = e.class.clone();
        let lit = path_pairs.contains(&(e.from, e.to))
            || hovered.is_some_and(|h| e.from == h || e.to == h);
        if lit {
            class.push_str(" is-highlighted");
        }
        let faded = match (hovered, &*matches) {
            (Some(_), _) => !lit,
            (None, Some(m)) => {
                !(m.get(e.from).copied().unwrap_or(false) && m.get(e.to).copied().unwrap_or(false))
            }
            (None, None) => !marks.path.is_empty() && !lit,
        };
        if faded {
            class.push_str(" is-faded");
        }
        html! {
            <MapEdge key={i} geometry={g.clone()} index={i} class={AttrValue::from(class)}
                marker={if lit { arrow_lit.clone() } else { arrow.clone() }} />
        }
    });
    let found = matches
        .as_ref()
        .as_ref()
        .map(|m| m.iter().filter(|x| **x).count());
    let search_status = match found {
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
    let help_id = format!("{uid}-map-help");
    let search_id = format!("{uid}-map-search");
    let zoom_hint = if ctx.embedded {
        "Ctrl + wheel zooms. "
    } else {
        ""
    };
    let details = state.selected.map(|c| html! { <Details component={c} /> });
    html! {
        <div class="archsim-map-box">
            <div class="archsim-toolbar" role="toolbar" aria-label="Map controls">
                <label for={search_id.clone()} class="archsim-sr">{"Search the map"}</label>
                <input id={search_id} type="search" class="archsim-input" placeholder="Search components"
                    value={state.search.clone()} oninput={onsearch} />
                <span class="archsim-sr" aria-live="polite">{search_status.clone()}</span>
                <span class="archsim-button-group">
                    <button type="button" class="archsim-button" onclick={zoom_in} aria-label="Zoom in" title="Zoom in (+)">{"+"}</button>
                    <button type="button" class="archsim-button" onclick={zoom_out} aria-label="Zoom out" title="Zoom out (−)">{"−"}</button>
                    <button type="button" class="archsim-button" onclick={reset} aria-label="Reset the view" title="Reset the view (0)">{"Fit"}</button>
                </span>
                <span class="archsim-button-group">
                    <button type="button" class="archsim-button" onclick={pan_button(step, 0.0)} aria-label="Pan left">{"←"}</button>
                    <button type="button" class="archsim-button" onclick={pan_button(0.0, step)} aria-label="Pan up">{"↑"}</button>
                    <button type="button" class="archsim-button" onclick={pan_button(0.0, -step)} aria-label="Pan down">{"↓"}</button>
                    <button type="button" class="archsim-button" onclick={pan_button(-step, 0.0)} aria-label="Pan right">{"→"}</button>
                </span>
                if props.mode_switch {
                    <fieldset class="archsim-mode">
                        <legend>{"Clicking a component"}</legend>
                        <label><input type="radio" name={format!("{uid}-mode")} checked={state.clicks_fail}
                            onchange={mode(true)} />{" fails or restores it"}</label>
                        <label><input type="radio" name={format!("{uid}-mode")} checked={!state.clicks_fail}
                            onchange={mode(false)} />{" shows its details"}</label>
                    </fieldset>
                }
            </div>
            if found.is_some() {
                <p class="archsim-muted archsim-search-status" aria-hidden="true">{search_status}</p>
            }
            <div class="archsim-map-frame">
                <svg ref={svg_ref} class="archsim-map archsim-map-live" viewBox={g.view_box.clone()}
                    preserveAspectRatio="xMidYMid meet" role="application"
                    aria-roledescription="architecture map" aria-label={props.label.clone()}
                    aria-describedby={help_id.clone()}
                    {onclick} {onmouseover} {onmouseleave} {onfocusin} {onfocusout} {onwheel}
                    {onpointerdown} {onpointermove} onpointerup={onpointerup.clone()}
                    onpointercancel={onpointerup} {onkeydown}>
                    <defs>
                        <marker id={format!("{uid}-arrow")} class="archsim-arrow" viewBox="0 0 10 10" refX="9" refY="5"
                            markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" /></marker>
                        <marker id={format!("{uid}-arrow-lit")} class="archsim-arrow is-highlighted" viewBox="0 0 10 10" refX="9" refY="5"
                            markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" /></marker>
                    </defs>
                    <g class="archsim-viewport" transform={transform}>
                        <g class="archsim-groups">
                            { for g.groups.iter().map(|(class, r, lx, ly, label)| html! {
                                <g class={class.clone()}>
                                    <rect x={r[0].clone()} y={r[1].clone()} width={r[2].clone()} height={r[3].clone()} rx="8" />
                                    <text class="archsim-group-label" x={lx.clone()} y={ly.clone()}>{label.clone()}</text>
                                </g>
                            }) }
                        </g>
                        <g class="archsim-edges">{ for edges }</g>
                        <g class="archsim-nodes">{ for nodes }</g>
                    </g>
                </svg>
            </div>
            <p id={help_id} class="archsim-help archsim-muted">
                {"Tab into the map, then: arrow keys move between components, Enter shows details"}
                {if props.mode_switch || state.clicks_fail { " (or fails the component, as chosen above)" } else { "" }}
                {", Shift + arrows pan, + and − zoom, 0 fits, Escape closes the details. Drag to pan. "}
                {zoom_hint}
            </p>
            { for details }
        </div>
    }
}
