//! The map's pointer gestures: the wheel zooms, a drag pans, two fingers
//! pinch. A drag or pinch moves a local view ([`Env::local_view`]) frame
//! by frame and hands it to the state once, when it ends.

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::Element;
use yew::prelude::*;

use super::component::Local;
use crate::map::viewport::Viewport;
use crate::map::viewport::{client_to_viewport, pan, pinch, units_per_pixel, zoom_at};
use crate::state::Action;

/// A drag in progress.
#[derive(Clone, Copy)]
struct Drag {
    start: (f64, f64),
    view: Viewport,
    moved: bool,
}

/// Two fingers on the map: the view and where they were when the second
/// touched (client pixels).
struct Pinch {
    view: Viewport,
    from: [(f64, f64); 2],
}

/// What a gesture remembers between events, without re-rendering.
#[derive(Default)]
pub struct Gestures {
    drag: Option<Drag>,
    /// The first two fingers on the map: pointer id and where each is now.
    touches: [Option<(i32, (f64, f64))>; 2],
    pinch: Option<Pinch>,
    /// A drag just ended: the click that follows is not a click.
    pub suppress_click: bool,
}

/// What the handlers work with.
pub struct Env<'a> {
    /// The map's memory; gestures keep theirs in `Local::gestures`.
    pub local: &'a Rc<RefCell<Local>>,
    /// The map's `<svg>`.
    pub svg: &'a NodeRef,
    /// The view while a gesture is under way.
    pub local_view: &'a UseStateHandle<Option<Viewport>>,
    pub dispatch: &'a Callback<Action>,
    /// The view as drawn.
    pub view: Viewport,
    /// The drawing's size.
    pub size: (f64, f64),
    /// The closest zoom.
    pub max: f64,
    /// The wheel zooms without Ctrl (the map fills the window, or is the
    /// page).
    pub whole: bool,
    /// Two fingers zoom the map, not the page (`touch-action` leaves them
    /// to the map only when it fills the window).
    pub pinches: bool,
}

/// The `<svg>`'s handlers.
pub struct Handlers {
    pub onwheel: Callback<WheelEvent>,
    pub onpointerdown: Callback<PointerEvent>,
    pub onpointermove: Callback<PointerEvent>,
    /// Also the `pointercancel` handler.
    pub onpointerup: Callback<PointerEvent>,
}

/// The `<svg>`'s on-screen box: left, top, width, height. Measured on the
/// box around it, which it fills (widgets.css `.archsim-map-skip`): that
/// box is laid out even while the browser skips the drawing out of view,
/// and measuring the drawing itself would lay it out there and then.
pub(super) fn rect_of(svg: &NodeRef) -> Option<(f64, f64, f64, f64)> {
    let svg = svg.cast::<Element>()?;
    let r = svg
        .parent_element()
        .unwrap_or(svg)
        .get_bounding_client_rect();
    Some((r.left(), r.top(), r.width(), r.height()))
}

pub fn handlers(env: &Env<'_>) -> Handlers {
    let Env {
        view, size, max, ..
    } = *env;
    let onwheel = {
        let (svg, dispatch, whole) = (env.svg.clone(), env.dispatch.clone(), env.whole);
        Callback::from(move |e: WheelEvent| {
            if !(whole || e.ctrl_key() || e.meta_key()) {
                return;
            }
            e.prevent_default();
            let Some(rect) = rect_of(&svg) else { return };
            let factor = (-e.delta_y() * 0.002).clamp(-0.5, 0.5).exp();
            let at = client_to_viewport(rect, size, (e.client_x() as f64, e.client_y() as f64));
            dispatch.emit(Action::Viewport(zoom_at(view, factor, at, max)));
        })
    };
    let onpointerdown = {
        let (local, pinches) = (env.local.clone(), env.pinches);
        // Touches need no capture: the browser sends a finger's events
        // where it touched.
        Callback::from(move |e: PointerEvent| {
            let mut l = local.borrow_mut();
            let g = &mut l.gestures;
            let at = (e.client_x() as f64, e.client_y() as f64);
            if pinches && e.pointer_type() == "touch" {
                if let Some(slot) = g.touches.iter_mut().find(|t| t.is_none()) {
                    *slot = Some((e.pointer_id(), at));
                }
                // A second finger turns the drag into a pinch.
                if let [Some(a), Some(b)] = g.touches {
                    g.drag = None;
                    g.pinch = Some(Pinch {
                        view,
                        from: [a.1, b.1],
                    });
                    return;
                }
            }
            if e.button() == 0 {
                g.drag = Some(Drag {
                    start: at,
                    view,
                    moved: false,
                });
            }
        })
    };
    let onpointermove = {
        let (local, local_view, svg) = (env.local.clone(), env.local_view.clone(), env.svg.clone());
        Callback::from(move |e: PointerEvent| {
            let mut l = local.borrow_mut();
            let g = &mut l.gestures;
            let (id, at) = (e.pointer_id(), (e.client_x() as f64, e.client_y() as f64));
            for (i, t) in g.touches.iter_mut().flatten() {
                if *i == id {
                    *t = at;
                }
            }
            if let (Some(p), [Some(a), Some(b)]) = (&g.pinch, g.touches) {
                let Some(rect) = rect_of(&svg) else { return };
                let to_view = |c| client_to_viewport(rect, size, c);
                let from = [to_view(p.from[0]), to_view(p.from[1])];
                local_view.set(Some(pinch(p.view, from, [to_view(a.1), to_view(b.1)], max)));
                return;
            }
            let Some(d) = g.drag.as_mut() else { return };
            let (dx, dy) = (at.0 - d.start.0, at.1 - d.start.1);
            if !d.moved {
                if dx.hypot(dy) < 4.0 {
                    return;
                }
                d.moved = true;
                if let Some(svg) = svg.cast::<Element>() {
                    let _ = svg.set_pointer_capture(id);
                }
            }
            let Some(rect) = rect_of(&svg) else { return };
            let u = units_per_pixel(rect, size);
            local_view.set(Some(pan(d.view, dx * u, dy * u)));
        })
    };
    let onpointerup = {
        let (local, local_view, dispatch) = (
            env.local.clone(),
            env.local_view.clone(),
            env.dispatch.clone(),
        );
        Callback::from(move |e: PointerEvent| {
            let mut l = local.borrow_mut();
            let g = &mut l.gestures;
            let id = e.pointer_id();
            for t in &mut g.touches {
                if t.is_some_and(|t| t.0 == id) {
                    *t = None;
                }
            }
            // A lifted finger ends a pinch; the other one does not drag.
            let pinched = g.pinch.take().is_some();
            if pinched || g.drag.take().is_some_and(|d| d.moved) {
                g.suppress_click = true;
                drop(l);
                if let Some(v) = *local_view {
                    dispatch.emit(Action::Viewport(v));
                }
                local_view.set(None);
            }
        })
    };
    Handlers {
        onwheel,
        onpointerdown,
        onpointermove,
        onpointerup,
    }
}
