//! A part of a widget that, at its first render in steps, renders in a
//! task of its own ([`crate::steps`]): the panel, its map, the map's drawing,
//! its long table.

use std::cell::Cell;

use yew::prelude::*;

use crate::steps::Steps;

/// Props of [`Later`].
#[derive(Properties, PartialEq)]
pub struct LaterProps {
    /// The widget's steps (`Ctx::steps`).
    pub steps: Steps,
    /// The part. A component's own work (its view) waits with it; what
    /// the caller computes to make it does not.
    pub children: Html,
    /// Whether, below the view when the widget goes in, it is laid out a
    /// frame later ([`crate::steps::WAITS`]): for a part costly to lay out
    /// (a long table), wrapped in a `div.archsim-part`.
    #[prop_or_default]
    pub waits: bool,
}

/// Its children: at once, or, while the widget renders in steps, in a
/// task of their own once the parts before them have rendered.
#[component]
pub fn Later(props: &LaterProps) -> Html {
    // Whether this part still owes the steps its render.
    let owed = use_memo((), |_| Cell::new(false));
    let ready = {
        let (steps, owed) = (props.steps.clone(), owed.clone());
        use_state_eq(move || {
            let wait = steps.put_off();
            owed.set(wait);
            !wait
        })
    };
    let part = use_node_ref();
    {
        let (steps, owed, handle) = (props.steps.clone(), owed.clone(), ready.clone());
        let part = part.clone();
        use_effect_with(*ready, move |ready| {
            if *ready {
                if owed.replace(false) {
                    if let Some(element) = part.cast::<web_sys::Element>() {
                        steps.part_waits(element);
                    }
                    steps.part_rendered();
                }
            } else {
                steps.in_turn(move || handle.set(true));
            }
        });
    }
    {
        // Gone before its turn (its panel changed): it owes nothing.
        let (steps, owed) = (props.steps.clone(), owed.clone());
        use_effect_with((), move |_| {
            move || {
                if owed.replace(false) {
                    steps.part_rendered();
                }
            }
        });
    }
    match (*ready, props.waits) {
        (false, _) => Html::default(),
        (true, false) => props.children.clone(),
        (true, true) => {
            html! { <div ref={part} class="archsim-part">{ props.children.clone() }</div> }
        }
    }
}
