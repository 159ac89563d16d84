//! Changing the drawn map in place, outside yew's render: a new look's
//! classes, labels and arrowheads ([`patch`]), and the marks of the node
//! under the pointer and its neighbourhood ([`show_hover`]).
//!
//! The drawing is written once per layout as text ([`crate::map::draw`]);
//! afterwards only the elements whose look changed are touched, which keeps
//! a click on a 1,000-node map cheap.

use web_sys::Element;

use crate::dom;
use crate::map::draw::{Looks, arrow_of, edge_id, node_id};
use crate::map::geometry::Geometry;

/// Light `hovered`, its neighbours and their edges, and fade the rest
/// (through the `is-hovering` class); `None` clears it.
#[allow(clippy::disallowed_macros)] // Attribute selectors around a number.
pub fn show_hover(svg: &Element, g: &Geometry, hovered: Option<usize>) {
    for el in dom::all(svg, ".is-hovered, .is-neighbour, .is-hover-lit") {
        let [a, b, c] = HOVER_MARKS;
        let _ = el.class_list().remove_3(a, b, c);
    }
    let Some(i) = hovered else {
        let _ = svg.class_list().remove_1("is-hovering");
        return;
    };
    let _ = svg.class_list().add_1("is-hovering");
    let mark = |selector: &str, class: &str| {
        for el in dom::all(svg, selector) {
            let _ = el.class_list().add_1(class);
        }
    };
    mark(&format!("[data-index=\"{i}\"]"), "is-hovered");
    for j in g.neighbours.get(i).map_or(&[][..], Vec::as_slice) {
        mark(&format!("[data-index=\"{j}\"]"), "is-neighbour");
    }
    mark(
        &format!("[data-from=\"{i}\"], [data-to=\"{i}\"]"),
        "is-hover-lit",
    );
}

/// The hover marks ([`show_hover`]) an element carries: a new look keeps
/// them, or a node clicked under the pointer would fade.
const HOVER_MARKS: [&str; 3] = ["is-hovered", "is-neighbour", "is-hover-lit"];

/// Set `class` on `el`, keeping its hover marks.
fn set_class(el: &Element, class: &str) {
    let list = el.class_list();
    let mut class = class.to_owned();
    for mark in HOVER_MARKS {
        if list.contains(mark) {
            class.push(' ');
            class.push_str(mark);
        }
    }
    let _ = el.set_attribute("class", &class);
}

/// Change the drawn elements that look different in `to` than in `from`.
pub fn patch(svg: &Element, uid: &str, from: &Looks, to: &Looks) {
    let find = |id: String| dom::by_id_in(svg, &id);
    for (i, (old, new)) in from.nodes.iter().zip(&to.nodes).enumerate() {
        if old == new {
            continue;
        }
        let Some(el) = find(node_id(uid, i)) else {
            continue;
        };
        set_class(&el, &new.class);
        let _ = el.set_attribute("aria-label", &new.label);
        let _ = el.set_attribute("aria-pressed", if new.pressed { "true" } else { "false" });
        if let Some(title) = el.first_element_child() {
            title.set_text_content(Some(&new.label));
        }
        if let Some(marker) = el.last_element_child() {
            marker.set_text_content(Some(&new.marker));
        }
    }
    for (k, (old, new)) in from.edges.iter().zip(&to.edges).enumerate() {
        if old == new {
            continue;
        }
        let Some(el) = find(edge_id(uid, k)) else {
            continue;
        };
        set_class(&el, &new.class);
        if let Ok(Some(path)) = el.query_selector("path") {
            let _ = path.set_attribute("marker-end", &arrow_of(uid, new.lit));
        }
    }
}
