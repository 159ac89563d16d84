//! One connection on the map. Memoised like the nodes.

use std::rc::Rc;

use yew::prelude::*;

use crate::geometry::Geometry;

/// Props of [`MapEdge`].
#[derive(Properties, PartialEq)]
pub struct MapEdgeProps {
    /// The prepared drawing.
    pub geometry: Rc<Geometry>,
    /// The edge's index in it.
    pub index: usize,
    /// Its classes (kind, hop, highlight, fade).
    pub class: AttrValue,
    /// The arrowhead marker's `url(#…)`.
    pub marker: AttrValue,
}

/// An edge: its path, arrowhead, tooltip and label.
#[component]
pub fn MapEdge(props: &MapEdgeProps) -> Html {
    let Some(e) = props.geometry.edges.get(props.index) else {
        return html! {};
    };
    html! {
        <g class={props.class.clone()}>
            <title>{e.title.clone()}</title>
            <path d={e.d.clone()} marker-end={props.marker.clone()} />
            if let Some((x, y, text)) = &e.label {
                <text class="archsim-edge-label" x={x.clone()} y={y.clone()}>{text.clone()}</text>
            }
        </g>
    }
}
