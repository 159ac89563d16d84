//! The map's drawn elements: the drawing written as text, then brought to
//! each look shown by patching only what differs ([`crate::map::patch`]).
//!
//! A component of its own so that the patching runs where the elements
//! are: at a widget's first render in steps the drawing is a part of its
//! own ([`crate::components::later::Later`]), in the page a task after the
//! map's frame, and a look patched before then would be lost.

use std::rc::Rc;

use web_sys::Element;
use yew::prelude::*;

use crate::map::draw::Looks;
use crate::map::patch::patch;

/// A drawing's markup, and the look it was written with.
pub type Written = Rc<(AttrValue, Rc<Looks>)>;

/// Props of [`Drawn`].
#[derive(Properties, PartialEq)]
pub struct DrawnProps {
    /// The drawing: a new one (a new layout) replaces every element. (An
    /// `Rc` of a value that is `Eq` compares by address first: the markup
    /// is read only when the drawing is new.)
    pub drawing: Written,
    /// The look to show.
    pub look: Rc<Looks>,
    /// The widget's id prefix (the elements' ids).
    pub uid: AttrValue,
    /// The map's `<svg>`, which holds the elements.
    pub svg: NodeRef,
}

/// The drawing's elements, in the look asked.
#[component]
pub fn Drawn(props: &DrawnProps) -> Html {
    // The drawing in the page and the look its elements show.
    let shown = use_mut_ref(|| None::<(Written, Rc<Looks>)>);
    {
        let (svg, uid) = (props.svg.clone(), props.uid.clone());
        let deps = (props.drawing.clone(), props.look.clone());
        use_effect_with(deps, move |(drawing, look)| {
            let mut shown = shown.borrow_mut();
            let from = match shown.as_ref() {
                Some((was, showing)) if Rc::ptr_eq(was, drawing) => showing.clone(),
                _ => drawing.1.clone(),
            };
            if !Rc::ptr_eq(&from, look)
                && let Some(svg) = svg.cast::<Element>()
            {
                patch(&svg, &uid, &from, look);
            }
            *shown = Some((drawing.clone(), look.clone()));
        });
    }
    Html::from_html_unchecked(props.drawing.0.clone())
}
