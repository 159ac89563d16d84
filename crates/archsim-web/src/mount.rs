//! Finding the page's mount points and starting a widget in each, lazily.
//!
//! [`mount_all`] numbers every `[data-archsim]` element in page order (the
//! number a link's `w=` names) and watches them with an
//! IntersectionObserver: a widget starts when it comes within 200 px of the
//! viewport, so a long page pays only for what the reader sees. The full
//! page (`data-archsim="app"`) and the widget a link points at start at
//! once, and so do the widgets already that close, in turn: each is looked
//! at once the one before has rendered, so a widget pushed out of view by a
//! neighbour that grew waits for the reader.
//! A widget the page starts does so in steps, each in a task of its own
//! (load the model, prepare the map, render: `start_in_steps`; the render
//! itself in parts, out of the page until whole: [`crate::steps`]), so that
//! no one task holds a phone's browser for long.
//! [`mount`] starts one element now, in one go; the browser tests use it.
//!
//! Each bundle mounts only the mount points that are its own
//! (`contract::Bundle`): this crate's [`mount_all`] every kind but the
//! propose widget, whose bundle calls [`mount_bundle`] with its own panels.
//! Numbers count every mount point of the page, whichever bundle mounts it.
//!
//! A widget replaces its element's `.archsim-fallback` only once it has
//! rendered. Whenever it cannot (another contract version, an unknown kind,
//! a page model with errors) the fallback stays and a notice says why.

use std::cell::{Cell, RefCell};

use archsim_view::contract::{Bundle, Kind, Request};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

use crate::components::widget::{Widget, WidgetProps};
use crate::components::{PanelFn, Panels};
use crate::dom;
use crate::fragment;
use crate::link_target::{Reader, follow, named_widget};
use crate::markup;
use crate::panic;
use crate::shared::Shared;
use crate::state::WidgetState;
use crate::steps::Steps;

/// Marks an element whose widget has started (or shown why it could not):
/// [`STEPPING`] while its start's steps are under way, [`SHOWN`] once it
/// is in the page (or shows why it cannot be).
pub const MOUNTED: &str = "data-archsim-mounted";
/// [`MOUNTED`]'s value while the widget's start is still in its steps.
pub const STEPPING: &str = "steps";
/// [`MOUNTED`]'s value once the widget is in the page, or its notice.
pub const SHOWN: &str = "1";
/// The element's number in page order, from 1 (a link's `w=`).
pub const NUMBER: &str = "data-archsim-n";

/// A model, or the diagnostics that stopped it loading.
type Loading = Result<Shared, Vec<String>>;

/// The observer and the callback it calls.
type Watcher = (IntersectionObserver, Closure<dyn FnMut(js_sys::Array)>);

thread_local! {
    /// The bundle's own model, loaded on first use.
    static EMBEDDED: RefCell<Option<Loading>> = const { RefCell::new(None) };
    /// Models from the page's scripts, by selector.
    static PAGE: RefCell<Vec<(String, Loading)>> = const { RefCell::new(Vec::new()) };
    /// The observer and its callback, kept alive for the page's lifetime.
    static OBSERVER: RefCell<Option<Watcher>> =
        const { RefCell::new(None) };
    /// The panels of this bundle's widgets, set by [`mount_bundle`].
    static PANELS: Cell<Option<PanelFn>> = const { Cell::new(None) };
    /// The turn in progress: the mount point whose widget started last and
    /// has not rendered yet, and the candidates waiting for it
    /// ([`start_in_turn`], [`rendered`]).
    static TURN: RefCell<Option<(Element, Vec<Element>)>> = const { RefCell::new(None) };
    /// The mount point the page's link names, until its widget renders
    /// ([`rendered`] brings it into view and gives it the focus).
    static LANDING: RefCell<Option<Element>> = const { RefCell::new(None) };
    /// The `hashchange` listeners, one per bundle, kept for the page's
    /// lifetime ([`follow_links`]).
    static LINKS: RefCell<Vec<(Bundle, gloo_events::EventListener)>> =
        const { RefCell::new(Vec::new()) };
}

/// Start every widget on the page: now for the full page and for the
/// widget a link points at, else when it comes near the viewport.
///
/// Returns: how many mount points were found. Calling it again picks up
/// elements added since, and leaves started ones alone. Mounts the widgets
/// bundle's kinds (every kind but the propose widget's).
#[cfg_attr(feature = "export", wasm_bindgen)]
pub fn mount_all() -> u32 {
    mount_bundle(Bundle::Widgets, crate::components::panel)
}

/// [`mount_all`] for `bundle`: start its mount points, each showing
/// `panels`; leave the other bundles' alone.
pub fn mount_bundle(bundle: Bundle, panels: PanelFn) -> u32 {
    panic::install();
    PANELS.with(|p| p.set(Some(panels)));
    let Some(document) = dom::document() else {
        return 0;
    };
    let elements = dom::all(&document, "[data-archsim]");
    follow_links(bundle, panels);
    let target = named_widget(&fragment::parse(&dom::hash()));
    let mut watched = Vec::new();
    for (i, element) in elements.iter().enumerate() {
        let number = i as u32 + 1;
        if element.has_attribute(MOUNTED) {
            continue;
        }
        let asked = read(element);
        if Bundle::of(&asked) != bundle {
            continue;
        }
        let _ = element.set_attribute(NUMBER, &number.to_string());
        let is_app = asked.is_ok_and(|r| r.kind == Kind::App);
        let landing = target == Some(number);
        if is_app || landing || !observe(element) {
            if landing {
                // Into view now, so that the widgets started next are the
                // ones around it; again with the focus once it has
                // rendered, when its height is its own.
                element.scroll_into_view();
            }
            start_in_steps(element.clone(), panels, move |element, mounted| {
                if landing && mounted == Mounted::Started {
                    LANDING.with(|l| *l.borrow_mut() = Some(element.clone()));
                }
            });
        } else {
            watched.push(element.clone());
        }
    }
    // The widgets already in view start now, not at the observer's first
    // report a frame later. Only those near the view before any starts are
    // looked at again: a widget above that grows pushes the others further
    // away, and one that shrinks brings them in through the observer. So
    // a page whose only widget in view is the first lays itself out once,
    // for the paint, not once more for the next widget's distance.
    start_in_turn(watched.into_iter().filter(near_view).collect());
    elements.len() as u32
}

/// Start, in turn, each of `candidates` (in page order) that is near the
/// viewport when its turn comes. A started widget replaces its fallback
/// and grows, and may push the next ones out of view: so the next is
/// looked at only once the one before has rendered ([`rendered`]), not at
/// a fixed point of the event loop: yew's scheduler renders in a microtask
/// but, once a run has taken 16 ms, goes on in a later task. Candidates
/// that come while a widget is still to render (the observer's reports)
/// wait for it too. A candidate left far away stays watched, and starts
/// when the reader scrolls to it.
///
/// A widget that never renders (after a panic, which stops every widget
/// of the bundle) holds the turn; the crash notice says so.
fn start_in_turn(candidates: Vec<Element>) {
    let free = TURN.with(|turn| match turn.borrow_mut().as_mut() {
        Some((_, waiting)) => {
            waiting.extend(candidates);
            None
        }
        None => Some(candidates),
    });
    if let Some(candidates) = free {
        take_turns(candidates);
    }
}

/// Start the first of `candidates` still near the view and keep the rest
/// for [`rendered`]; no turn is in progress when it is called.
fn take_turns(mut candidates: Vec<Element>) {
    while !candidates.is_empty() {
        let next = candidates.remove(0);
        if next.has_attribute(MOUNTED) || !near_view(&next) {
            continue;
        }
        unobserve(&next);
        let Some(panels) = PANELS.with(Cell::get) else {
            return;
        };
        // The turn is this widget's from its first step.
        TURN.with(|turn| *turn.borrow_mut() = Some((next.clone(), candidates)));
        start_in_steps(next, panels, |element, mounted| {
            if mounted != Mounted::Started {
                pass_turn(element);
            }
        });
        return;
    }
}

/// The next candidate's turn, if `element` held it.
fn pass_turn(element: &Element) {
    let waiting = TURN.with(|turn| {
        let mut turn = turn.borrow_mut();
        match turn.as_ref() {
            Some((awaited, _)) if awaited == element => turn.take().map(|(_, rest)| rest),
            _ => None,
        }
    });
    if let Some(rest) = waiting {
        take_turns(rest);
    }
}

/// Start the widget of `element` in three steps, each in a task of its
/// own, and tell `then` what became of it: load its model, prepare its
/// map, render (in parts, [`crate::steps`]). Both kept ([`Shared`]), so the render finds them ready,
/// and a page's start is no one long task: a phone runs the widgets'
/// code about four times slower than this machine, and its browser
/// cannot answer the reader during a task (Lighthouse counts every task
/// over 50 ms there as blocking). A model with errors, a request it
/// cannot read: the render step says so, as [`mount_with`] does.
fn start_in_steps(
    element: Element,
    panels: PanelFn,
    then: impl FnOnce(&Element, Mounted) + 'static,
) {
    // Started from here on: nothing starts it a second time meanwhile.
    if !claim(&element, STEPPING) {
        return then(&element, Mounted::Already);
    }
    let request = read(&element).ok();
    dom::next_task(move || {
        let shared = request.as_ref().and_then(|r| model_of(r).ok());
        dom::next_task(move || {
            if let (Some(request), Some(shared)) = (&request, &shared)
                && request.kind.has_map()
            {
                shared.drawing_of(request.focus.as_deref());
            }
            dom::next_task(move || {
                let mounted = render(&element, panels, Start::InTasks);
                then(&element, mounted);
            });
        });
    });
}

/// The widget in `element` is whole and in the page (`Steps`): its
/// fallback goes; the widget the page's link names is brought into view
/// and focused; and if the turn was waiting for it, the next candidate
/// near the view starts.
fn rendered(element: &Element) {
    for fallback in dom::all(element, ":scope > .archsim-fallback") {
        fallback.remove();
    }
    let landed = LANDING.with(|l| {
        let mut l = l.borrow_mut();
        if l.as_ref() == Some(element) {
            l.take()
        } else {
            None
        }
    });
    if let Some(point) = landed {
        land(&point);
    }
    pass_turn(element);
}

/// Bring the widget a link restores into view, and give it the focus (a
/// keyboard or a screen reader starts there), without a place in the Tab
/// order.
fn land(point: &Element) {
    if !point.has_attribute("tabindex") {
        let _ = point.set_attribute("tabindex", "-1");
    }
    point.scroll_into_view();
    dom::focus(point);
}

/// Follow links opened later in the same tab (`hashchange`) to the widget
/// they name, for this bundle's widgets: one not started yet starts (and
/// reads the link as it mounts); a started one reads it itself
/// (`hooks::use_link`). Either lands: in view and focused once it has
/// rendered the link. Installed once per bundle.
fn follow_links(bundle: Bundle, panels: PanelFn) {
    let installed = LINKS.with(|l| l.borrow().iter().any(|(b, _)| *b == bundle));
    let Some(window) = dom::window().filter(|_| !installed) else {
        return;
    };
    let listener = gloo_events::EventListener::new(&window, "hashchange", move |_| {
        let Some(n) = named_widget(&fragment::parse(&dom::hash())) else {
            return;
        };
        let selector = ["[", NUMBER, "=\"", &n.to_string(), "\"]"].concat();
        let Some(point) = dom::document().and_then(|d| d.query_selector(&selector).ok().flatten())
        else {
            return;
        };
        if Bundle::of(&read(&point)) != bundle {
            return;
        }
        match point.get_attribute(MOUNTED).as_deref() {
            // Still on its way: it reads the link as it renders, and
            // lands then.
            Some(STEPPING) => LANDING.with(|l| *l.borrow_mut() = Some(point)),
            // Its own listener renders the link first.
            Some(_) => dom::next_task(move || land(&point)),
            None => {
                unobserve(&point);
                start_in_steps(point, panels, |point, mounted| {
                    if mounted == Mounted::Started {
                        point.scroll_into_view();
                        LANDING.with(|l| *l.borrow_mut() = Some(point.clone()));
                    }
                });
            }
        }
    });
    LINKS.with(|l| l.borrow_mut().push((bundle, listener)));
}

/// Whether `element` is within [`MARGIN`] pixels of the viewport now.
fn near_view(element: &Element) -> bool {
    let Some((_, height)) = dom::window_size() else {
        return false;
    };
    let r = element.get_bounding_client_rect();
    r.bottom() > -MARGIN && r.top() < height + MARGIN
}

/// How close to the viewport a widget starts, in CSS pixels ([`near_view`]
/// and the observer, which takes it as text: formatting a float would
/// link core's float printing).
const MARGIN: f64 = 200.0;
const MARGIN_CSS: &str = "200px";

/// Watch `element`; `false` when the browser has no IntersectionObserver.
fn observe(element: &Element) -> bool {
    OBSERVER.with(|cell| {
        let mut cell = cell.borrow_mut();
        if cell.is_none() {
            let callback = Closure::<dyn FnMut(js_sys::Array)>::new(|entries: js_sys::Array| {
                // In the order the elements were observed: page order.
                let near = entries
                    .iter()
                    .filter_map(|e| e.dyn_into::<IntersectionObserverEntry>().ok())
                    .filter(|e| e.is_intersecting())
                    .map(|e| e.target())
                    .collect();
                start_in_turn(near);
            });
            let options = IntersectionObserverInit::new();
            options.set_root_margin(MARGIN_CSS);
            let Ok(observer) =
                IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &options)
            else {
                return false;
            };
            *cell = Some((observer, callback));
        }
        match cell.as_ref() {
            Some((observer, _)) => {
                observer.observe(element);
                true
            }
            None => false,
        }
    })
}

fn unobserve(element: &Element) {
    OBSERVER.with(|cell| {
        if let Some((observer, _)) = cell.borrow().as_ref() {
            observer.unobserve(element);
        }
    });
}

/// What became of a mount point.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mounted {
    /// The widget started.
    Started,
    /// It had started before.
    Already,
    /// The fallback stays; the notice says why.
    Notice(String),
}

/// Start the widget of one mount point now, with this crate's panels.
pub fn mount(element: &Element) -> Mounted {
    mount_with(element, crate::components::panel)
}

/// Start the widget of one mount point now, showing `panels`.
pub fn mount_with(element: &Element, panels: PanelFn) -> Mounted {
    if !claim(element, SHOWN) {
        return Mounted::Already;
    }
    render(element, panels, Start::Now)
}

/// How a widget's first render goes ([`crate::steps`]).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Start {
    /// All of it in one task, in the page.
    Now,
    /// Its parts a task each, out of the page until whole; then it is
    /// marked [`SHOWN`].
    InTasks,
}

/// Mark `element` started ([`MOUNTED`] = `mark`); `false` when it had
/// started before.
fn claim(element: &Element, mark: &str) -> bool {
    panic::install();
    if element.has_attribute(MOUNTED) {
        return false;
    }
    let _ = element.set_attribute(MOUNTED, mark);
    true
}

/// Render the widget of a mount point marked started ([`MOUNTED`]), or
/// keep its fallback and say why.
fn render(element: &Element, panels: PanelFn, start: Start) -> Mounted {
    let request = match read(element) {
        Ok(request) => request,
        Err(notice) => return keep_fallback(element, notice),
    };
    markup::link_facts_to(request.sources.as_deref());
    let shared = match model_of(&request) {
        Ok(shared) => shared,
        Err(lines) => {
            let mut notice =
                String::from("The model this widget names has errors, so the static view stays:");
            for line in lines.iter().take(6) {
                notice.push('\n');
                notice.push_str(line);
            }
            if lines.len() > 6 {
                notice.push_str("\n… and ");
                notice.push_str(&(lines.len() - 6).to_string());
                notice.push_str(" more");
            }
            return keep_fallback(element, notice);
        }
    };
    let number: Option<u32> = element.get_attribute(NUMBER).and_then(|n| n.parse().ok());
    let mut base = WidgetState::from_request(shared.model(), &request);
    let Some(host) = dom::element("div", "archsim-widget", "") else {
        return Mounted::Notice("no document".into());
    };
    let point = element.clone();
    let steps = match start {
        Start::Now => {
            let _ = element.append_child(&host);
            Steps::now(move || rendered(&point))
        }
        Start::InTasks => {
            let host = host.clone();
            Steps::in_tasks(move || {
                let _ = point.append_child(&host);
                let _ = point.set_attribute(MOUNTED, SHOWN);
                rendered(&point);
            })
        }
    };
    let (geometry, focus_notice) = if request.kind.has_map() {
        let (geometry, notice) = shared.drawing_of(request.focus.as_deref());
        (Some(geometry), notice)
    } else {
        (None, None)
    };
    base.notices.extend(focus_notice);
    let number = if request.kind == Kind::App {
        None
    } else {
        number
    };
    let reader = Reader::of(request.kind, number);
    let state =
        follow(&dom::hash(), reader, base.clone(), shared.model()).unwrap_or_else(|| base.clone());
    base.notices.clear();
    yew::Renderer::<Widget>::with_root_and_props(
        host,
        WidgetProps {
            shared,
            kind: request.kind,
            initial: std::rc::Rc::new(state),
            base: std::rc::Rc::new(base),
            number,
            geometry,
            panels: Panels(panels),
            heading: request.heading,
            steps,
        },
    )
    .render();
    // The fallback stays until the widget is whole (`Steps`, `rendered`).
    Mounted::Started
}

/// The request of a mount point (one reading of the contract, so the
/// bundle carries one copy of it).
fn read(element: &Element) -> Result<Request, String> {
    Request::read(|name| element.get_attribute(name))
}

/// Leave the fallback and say why, at the top of the element.
fn keep_fallback(element: &Element, notice: String) -> Mounted {
    let _ = element.set_attribute(MOUNTED, SHOWN);
    if let Some(p) = dom::element("p", "archsim-notice archsim-mount-notice", &notice) {
        let _ = p.set_attribute("role", "status");
        let _ = element.prepend_with_node_1(&p);
    }
    Mounted::Notice(notice)
}

/// The model a request names: the bundle's own or one of the page's,
/// loaded on first use and kept.
fn model_of(request: &Request) -> Loading {
    match &request.model {
        None => embedded(),
        Some(selector) => page_model(selector),
    }
}

fn embedded() -> Result<Shared, Vec<String>> {
    EMBEDDED.with(|cell| {
        cell.borrow_mut()
            .get_or_insert_with(|| {
                crate::embedded::engine()
                    .map(Shared::new)
                    .map_err(|e| vec![e])
            })
            .clone()
    })
}

#[allow(clippy::disallowed_macros)] // The error for a data-model that names no element.
fn page_model(selector: &str) -> Result<Shared, Vec<String>> {
    if let Some(found) = PAGE.with(|p| {
        p.borrow()
            .iter()
            .find(|(s, _)| s == selector)
            .map(|(_, r)| r.clone())
    }) {
        return found;
    }
    let text = dom::document()
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|script| script.text_content());
    let result = match text {
        Some(text) => Shared::load(&["page model ", selector].concat(), &text),
        None => Err(vec![format!(
            "data-model=\"{selector}\" names no element on this page"
        )]),
    };
    PAGE.with(|p| p.borrow_mut().push((selector.to_owned(), result.clone())));
    result
}
