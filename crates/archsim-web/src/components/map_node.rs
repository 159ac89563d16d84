//! One component's box on the map. Memoised: it re-renders only when its
//! own class, mark or focusability changes, so hovering or failing one
//! node does not redraw a thousand.

use std::rc::Rc;

use archsim_view::present::state_label;
use yew::prelude::*;

use crate::components::map::Mark;
use crate::geometry::Geometry;

/// Props of [`MapNode`].
#[derive(Properties, PartialEq)]
pub struct MapNodeProps {
    /// The prepared drawing.
    pub geometry: Rc<Geometry>,
    /// The node's index in it.
    pub index: usize,
    /// Its classes (state, highlight, fade, selection).
    pub class: AttrValue,
    /// Whether it is the one node in the tab order (roving tabindex).
    pub focusable: bool,
    /// Its state marker, if any.
    pub mark: Option<Mark>,
    /// Whether it is selected (details) or failed (failure mode).
    pub pressed: bool,
}

/// A node: a box with the name, the kind and a state marker, focusable and
/// labelled for screen readers. Events are handled by the map (delegation
/// through `data-index`).
#[component]
pub fn MapNode(props: &MapNodeProps) -> Html {
    let Some(n) = props.geometry.nodes.get(props.index) else {
        return html! {};
    };
    let (marker, words) = match props.mark {
        Some(Mark::Failed) => (
            Some(format!("{} failed", state_label("down").0)),
            ", failed",
        ),
        Some(Mark::State(s)) => {
            let (icon, words) = state_label(s.as_str());
            (Some(format!("{icon} {words}")), words)
        }
        None => (None, ""),
    };
    let label = if words.is_empty() || words.starts_with(',') {
        format!("{}{words}", n.label)
    } else {
        format!("{}, {words}", n.label)
    };
    html! {
        <g class={props.class.clone()} data-index={props.index.to_string()} data-id={n.id.clone()}
            data-provider={n.provider.clone()} role="button"
            tabindex={if props.focusable { "0" } else { "-1" }}
            aria-label={label.clone()} aria-pressed={if props.pressed { "true" } else { "false" }}>
            <title>{label}</title>
            <rect x={n.rect[0].clone()} y={n.rect[1].clone()} width={n.rect[2].clone()}
                height={n.rect[3].clone()} rx="6" />
            { for n.lines.iter().map(|(y, text)| html! {
                <text class="archsim-node-name" x={n.kind.0.clone()} y={y.clone()}>{text.clone()}</text>
            }) }
            <text class="archsim-node-kind" x={n.kind.0.clone()} y={n.kind.1.clone()}>{n.kind.2.clone()}</text>
            if let Some(marker) = marker {
                <text class="archsim-node-state" x={n.mark_at.0.clone()} y={n.mark_at.1.clone()}
                    text-anchor="end">{marker}</text>
            }
        </g>
    }
}
