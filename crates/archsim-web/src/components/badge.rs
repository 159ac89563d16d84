//! A state shown as an icon and words, coloured by class: never by colour
//! alone.

use archsim_view::present::{STATES, state_label};
use yew::prelude::*;

/// Props of [`Badge`].
#[derive(Properties, PartialEq)]
pub struct BadgeProps {
    /// A state name as the engine spells it (`ok`, `at-risk`, `degraded`,
    /// `down`, `no-record`).
    pub state: AttrValue,
}

/// A state badge, like the static views' `state_badge`.
#[component]
pub fn Badge(props: &BadgeProps) -> Html {
    let state = props.state.as_str();
    let class = if STATES.contains(&state) {
        state
    } else {
        "unknown"
    };
    let (icon, words) = state_label(state);
    html! {
        <span class={classes!("archsim-state", format!("state-{class}"))}>
            <span aria-hidden="true">{icon}</span>{" "}{words}
        </span>
    }
}
