//! "Copy link": the page's address with this widget's state in the
//! fragment, for a design review.

use yew::prelude::*;

use crate::dom;

/// Props of [`LinkBar`].
#[derive(Properties, PartialEq)]
pub struct LinkBarProps {
    /// The fragment (without `#`) that reproduces the state.
    pub fragment: AttrValue,
}

/// The link button and its status.
#[component]
pub fn LinkBar(props: &LinkBarProps) -> Html {
    let status = use_state_eq(String::new);
    let link = dom::link_with(&props.fragment);
    let onclick = {
        let status = status.clone();
        let link = link.clone();
        Callback::from(move |_: MouseEvent| {
            status.set(if dom::copy(&link) {
                "Link copied: it reopens this exact view.".to_owned()
            } else {
                "Copying is blocked here: copy the link by hand.".to_owned()
            });
        })
    };
    html! {
        <div class="archsim-linkbar">
            <button type="button" class="archsim-button" {onclick}>{"Copy link to this view"}</button>
            <a class="archsim-permalink" href={["#", &props.fragment].concat()}>{"link"}</a>
            <span class="archsim-muted" aria-live="polite">{(*status).clone()}</span>
        </div>
    }
}
