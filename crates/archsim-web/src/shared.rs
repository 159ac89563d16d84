//! One loaded model, shared by every widget that shows it.
//!
//! Loading the model (decoding it, building the graph) and preparing a map
//! (laying it out, writing its pieces) are the costly steps of a page; each
//! happens once per model, and once per part of it a map shows, however
//! many widgets show it. [`Shared`] compares by pointer, so yew sees an
//! unchanged model as unchanged props.

use std::cell::{OnceCell, RefCell};
use std::rc::Rc;

use archsim_core::{Engine, Model, Purpose};
use archsim_view::layout::{Layout, LayoutOptions, layout};

use crate::map::geometry::Geometry;

/// A map ready to draw, and the notice its focus gave (`Shared::drawing_of`).
pub type Drawing = (Rc<Geometry>, Option<String>);

/// A loaded model and what every widget derives from it once.
#[derive(Debug)]
pub struct Prepared {
    /// The engine: every answer comes from it.
    pub engine: Engine,
    /// The hosts the zone serves, for the host inputs' suggestions.
    pub hosts: Vec<String>,
    /// The placement question ids, in model order.
    pub questions: Rc<Vec<String>>,
    layout: OnceCell<Rc<Layout>>,
    /// The maps prepared so far, by focus (`None`: the whole model).
    drawings: RefCell<Vec<(Option<String>, Drawing)>>,
}

/// A cheap handle on a [`Prepared`] model; equal when it is the same model.
#[derive(Clone, Debug)]
pub struct Shared(pub Rc<Prepared>);

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Shared {
    /// Wrap an engine.
    pub fn new(engine: Engine) -> Shared {
        let model = engine.model();
        let mut hosts: Vec<String> = model
            .records
            .iter()
            .filter(|r| r.purpose == Purpose::Serve)
            .map(|r| r.host.clone())
            .collect();
        archsim_core::order::sort(&mut hosts);
        hosts.dedup();
        let questions = Rc::new(
            model
                .placement
                .questions
                .iter()
                .map(|q| q.id.clone())
                .collect(),
        );
        Shared(Rc::new(Prepared {
            engine,
            hosts,
            questions,
            layout: OnceCell::new(),
            drawings: RefCell::new(Vec::new()),
        }))
    }

    /// Load a page's model: the text of its
    /// `<script type="application/x-archsim-model">`, the core's binary form
    /// as base64, written by the book's preprocessor from a checked model.
    ///
    /// Returns: the shared model, or why it cannot be read.
    #[allow(clippy::disallowed_macros)] // The error for a model that cannot be read.
    pub fn load(file: &str, text: &str) -> Result<Shared, Vec<String>> {
        archsim_core::codec::decode_text(text)
            .map(|model| Shared::new(Engine::new(model, Vec::new())))
            .map_err(|e| vec![format!("{file} has errors: {e}")])
    }

    /// The engine.
    pub fn engine(&self) -> &Engine {
        &self.0.engine
    }

    /// The model.
    pub fn model(&self) -> &Model {
        self.0.engine.model()
    }

    /// The layout of the whole model, computed on first use.
    pub fn layout(&self) -> Rc<Layout> {
        self.0
            .layout
            .get_or_init(|| Rc::new(layout(self.model(), &LayoutOptions::default())))
            .clone()
    }

    /// The layout of a part of the model: the components a focus picks
    /// (`archsim_view::contract::focus`, the whole selector language, as
    /// the book's fallback draws it), or everything for `None`.
    ///
    /// Returns: the layout, and a notice when the focus picks nothing
    /// known (then the whole map is drawn).
    #[allow(clippy::disallowed_macros)] // The notice for a focus that picks nothing.
    pub fn layout_of(&self, focus: Option<&str>) -> (Rc<Layout>, Option<String>) {
        let Some(focus) = focus else {
            return (self.layout(), None);
        };
        match archsim_view::contract::focus(self.model(), focus) {
            Ok(only) => {
                let options = LayoutOptions {
                    only: Some(only),
                    ..LayoutOptions::default()
                };
                (Rc::new(layout(self.model(), &options)), None)
            }
            Err(e) => (
                self.layout(),
                Some(format!("data-focus: {e}; the whole map is shown")),
            ),
        }
    }

    /// The map of a part of the model ([`Shared::layout_of`]) prepared for
    /// drawing, made on first use and kept: the widgets that show the
    /// same part share it, and the page's start prepares it in a task of
    /// its own before the widget renders (`mount`).
    ///
    /// Returns: the drawing, and the focus's notice as
    /// [`Shared::layout_of`] gives it.
    pub fn drawing_of(&self, focus: Option<&str>) -> Drawing {
        let kept = self
            .0
            .drawings
            .borrow()
            .iter()
            .find_map(|(f, d)| (f.as_deref() == focus).then(|| d.clone()));
        kept.unwrap_or_else(|| {
            let (layout, notice) = self.layout_of(focus);
            let drawing = (Rc::new(Geometry::new(self.model(), &layout)), notice);
            let key = focus.map(str::to_owned);
            self.0.drawings.borrow_mut().push((key, drawing.clone()));
            drawing
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The widget draws what the shared resolve picks, the book's
    /// fallback too (mdbook-archsim's `a_map_focus_draws_what_the_contract_picks`):
    /// so both show the same components for the same focus.
    #[test]
    fn a_focus_draws_what_the_contract_picks() {
        let shared = Shared::new(Engine::tomoda().expect("the Tomoda model loads"));
        let model = shared.model();
        let ids = |layout: &Layout| -> Vec<String> {
            let ids = layout
                .nodes
                .iter()
                .map(|n| model.component(n.component).id.clone());
            ids.collect()
        };
        let all = ids(&shared.layout());
        for focus in [
            "provider:aws",
            "aws",
            "region:asia-east1",
            "kind:bucket",
            "env:dev",
        ] {
            let picked = archsim_view::contract::focus(model, focus).expect(focus);
            let want: Vec<String> = picked
                .iter()
                .map(|&c| model.component(c).id.clone())
                .collect();
            let (layout, notice) = shared.layout_of(Some(focus));
            assert_eq!(notice, None, "{focus}");
            assert_eq!(ids(&layout), want, "{focus}");
            assert!(want.len() < all.len(), "{focus} draws a part");
        }
        for focus in ["provider:azure", "region:mars"] {
            let (layout, notice) = shared.layout_of(Some(focus));
            assert_eq!(ids(&layout), all, "{focus}: the whole map");
            let notice = notice.unwrap_or_default();
            assert!(
                notice.starts_with("data-focus: ") && notice.ends_with("; the whole map is shown"),
                "{notice}"
            );
        }
    }
}
