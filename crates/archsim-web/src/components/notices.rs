//! Notices above a widget: a link that could not be read in full, names
//! the model does not know.

use yew::prelude::*;

use crate::components::Ctx;
use crate::state::Action;

/// Props of [`Notices`].
#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    /// One sentence each.
    pub notices: Vec<String>,
}

/// The notices, with a button that hides them.
#[component]
pub fn Notices(props: &NoticesProps) -> Html {
    let ctx = use_context::<Ctx>();
    if props.notices.is_empty() {
        return html! {};
    }
    let dismiss = ctx.map(|c| c.dispatch.reform(|_: MouseEvent| Action::Dismiss));
    html! {
        <div class="archsim-notice archsim-link-notice" role="status">
            <ul>
                { for props.notices.iter().map(|n| html! { <li>{n.clone()}</li> }) }
            </ul>
            if let Some(dismiss) = dismiss {
                <button type="button" class="archsim-button" onclick={dismiss}>{"Dismiss"}</button>
            }
        </div>
    }
}
