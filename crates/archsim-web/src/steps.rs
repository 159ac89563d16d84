//! A widget's first render in parts, each in a task of its own, kept out
//! of the page until it is whole.
//!
//! A phone runs the widgets' code about four times slower than a laptop,
//! and cannot answer the reader during a task: a widget's first render in
//! one task held it for 100 ms and more. So the page's start renders a
//! widget into an element not yet in the page: the frame first, then each
//! part its panel puts off ([`crate::components::later::Later`]: the map,
//! a long table), one per task. Only when every part has rendered does the
//! widget go into the page, in place of its fallback, in one go: the
//! reader never sees half a widget, and the page is laid out once for it.
//!
//! The tests' `mount` renders at once: [`Steps::now`].

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::fmt;
use std::rc::Rc;

use web_sys::Element;

use crate::dom;

/// A task's work.
type Job = Box<dyn FnOnce()>;

/// The steps of one widget's first render; shared by its components
/// ([`crate::components::Ctx`]). Equal when it is the same widget's.
#[derive(Clone)]
pub struct Steps(Rc<Inner>);

struct Inner {
    /// Whether parts still wait for a task of their own: until the widget
    /// is whole, when it renders in steps.
    deferring: Cell<bool>,
    /// What to do once the frame and every part have rendered (put the
    /// widget in the page), until done.
    whole: RefCell<Option<Job>>,
    /// Whether the frame has rendered.
    framed: Cell<bool>,
    /// Parts put off and not rendered yet.
    pending: Cell<u32>,
    /// Parts waiting for their task, in the order they asked.
    queue: RefCell<VecDeque<Job>>,
    /// Whether a task is scheduled to run the queue's next part.
    scheduled: Cell<bool>,
    /// What waits for the widget to be in the page (measuring it), run
    /// just before the paint after it goes in.
    shown: RefCell<Vec<Job>>,
    /// The parts that, below the view when the widget goes in, are laid
    /// out a frame later each ([`WAITS`]), in page order.
    waiting: RefCell<Vec<Element>>,
}

/// Marks a part rendered in steps that may be laid out after the widget
/// goes in (widgets.css: `content-visibility: hidden`, so the browser
/// skips it): [`Steps`] removes it at once from the parts in view, and
/// from the others one frame at a time.
pub const WAITS: &str = "data-archsim-waits";

impl Steps {
    /// Render every part at once, in the page already; `whole` runs when
    /// the frame has rendered.
    pub fn now(whole: impl FnOnce() + 'static) -> Steps {
        Steps::new(false, whole)
    }

    /// Render the parts a task each, and then run `whole`, which puts the
    /// widget in the page.
    pub fn in_tasks(whole: impl FnOnce() + 'static) -> Steps {
        Steps::new(true, whole)
    }

    fn new(deferring: bool, whole: impl FnOnce() + 'static) -> Steps {
        Steps(Rc::new(Inner {
            deferring: Cell::new(deferring),
            whole: RefCell::new(Some(Box::new(whole))),
            framed: Cell::new(false),
            pending: Cell::new(0),
            queue: RefCell::new(VecDeque::new()),
            scheduled: Cell::new(false),
            shown: RefCell::new(Vec::new()),
            waiting: RefCell::new(Vec::new()),
        }))
    }

    /// Whether a part rendering now must wait for a task of its own; if so
    /// it counts as pending until [`Steps::part_rendered`].
    pub(crate) fn put_off(&self) -> bool {
        let defer = self.0.deferring.get();
        if defer {
            self.0.pending.set(self.0.pending.get() + 1);
        }
        defer
    }

    /// Run `go` (which renders a put-off part) in a task of its own, after
    /// the parts that asked before it.
    pub(crate) fn in_turn(&self, go: impl FnOnce() + 'static) {
        self.0.queue.borrow_mut().push_back(Box::new(go));
        self.schedule();
    }

    fn schedule(&self) {
        if self.0.scheduled.replace(true) {
            return;
        }
        let steps = self.clone();
        dom::next_task(move || {
            steps.0.scheduled.set(false);
            let next = steps.0.queue.borrow_mut().pop_front();
            if let Some(go) = next {
                go();
            }
            if !steps.0.queue.borrow().is_empty() {
                steps.schedule();
            }
        });
    }

    /// A put-off part has rendered into `element`, which may wait for a
    /// frame of its own if it is below the view once the widget is in the
    /// page ([`WAITS`]).
    pub(crate) fn part_waits(&self, element: Element) {
        let _ = element.set_attribute(WAITS, "");
        self.0.waiting.borrow_mut().push(element);
    }

    /// A put-off part has rendered (or gone before it could).
    pub(crate) fn part_rendered(&self) {
        self.0.pending.set(self.0.pending.get().saturating_sub(1));
        self.finish();
    }

    /// The widget's frame has rendered for the first time.
    pub(crate) fn framed(&self) {
        self.0.framed.set(true);
        self.finish();
    }

    /// Run `measure` just before a paint of the widget in the page: the
    /// next paint once it is there. Not in the frame that first lays the
    /// widget out, though: measuring there would put the page's layout in
    /// the same task as what `measure` does, a longer task than the two.
    pub(crate) fn when_shown(&self, measure: impl FnOnce() + 'static) {
        if self.0.deferring.get() {
            self.0.shown.borrow_mut().push(Box::new(measure));
        } else {
            dom::before_next_paint(measure);
        }
    }

    /// Once the frame and every part have rendered: the widget is whole.
    /// Rendered in steps, it goes into the page in a task of its own, not
    /// in the last part's: that task's layout of the page is as long as a
    /// part's render.
    fn finish(&self) {
        if !self.0.framed.get() || self.0.pending.get() > 0 {
            return;
        }
        let whole = self.0.whole.borrow_mut().take();
        let Some(whole) = whole else { return };
        if self.0.deferring.replace(false) {
            let steps = self.clone();
            dom::next_task(move || steps.show(whole));
        } else {
            self.show(whole);
        }
    }

    /// Put the whole widget in the page (`whole`), lay out what must be,
    /// and measure it before its first paint.
    fn show(&self, whole: Job) {
        whole();
        let below = self.lay_out_waiting();
        // The frame that shows the widget lays it out; the next measures
        // it (`when_shown`); the waiting parts follow, a frame each.
        let measures = self.0.shown.take();
        dom::before_next_paint(move || {
            dom::before_next_paint(move || {
                for measure in measures {
                    measure();
                }
                dom::next_task(move || show_in_turn(below));
            });
        });
    }

    /// The widget is in the page: its waiting parts that reach into the
    /// view are laid out with it, in the frame that shows it; those below
    /// the view wait (returned), to be laid out one per frame after it.
    /// Content that grows below the view moves only what is below it, out
    /// of sight: nothing the reader sees shifts.
    fn lay_out_waiting(&self) -> Vec<Element> {
        let waiting = self.0.waiting.take();
        let Some(view_bottom) = dom::window_size().map(|(_, h)| h) else {
            return waiting;
        };
        // Every position first, in one layout (with the waiting parts
        // skipped): showing one moves only those after it, further down.
        let tops: Vec<f64> = waiting
            .iter()
            .map(|e| e.get_bounding_client_rect().top())
            .collect();
        let mut later = Vec::new();
        for (element, top) in waiting.into_iter().zip(tops) {
            if top < view_bottom {
                let _ = element.remove_attribute(WAITS);
            } else {
                later.push(element);
            }
        }
        later
    }
}

/// Show the first of `parts` now, and each of the others in a task after
/// the next frame, which lays out the one before.
fn show_in_turn(mut parts: Vec<Element>) {
    if parts.is_empty() {
        return;
    }
    let _ = parts.remove(0).remove_attribute(WAITS);
    if parts.is_empty() {
        return;
    }
    dom::before_next_paint(move || dom::next_task(move || show_in_turn(parts)));
}

impl PartialEq for Steps {
    fn eq(&self, other: &Steps) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl fmt::Debug for Steps {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Steps")
            .field("deferring", &self.0.deferring.get())
            .field("pending", &self.0.pending.get())
            .finish()
    }
}
