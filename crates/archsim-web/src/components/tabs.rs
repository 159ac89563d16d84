//! The full page's tab bar (the ARIA tabs pattern: arrow keys move
//! between tabs, the open one is in the tab order).

use yew::prelude::*;

use crate::components::Ctx;
use crate::state::Action;
use archsim_view::contract::Kind;

/// Props of [`Tabs`].
#[derive(Properties, PartialEq)]
pub struct TabsProps {
    /// The widget's model, dispatcher and ids.
    pub ctx: Ctx,
    /// The open panel.
    pub current: Kind,
}

/// The tab id of a panel, and its panel's id.
pub fn ids(uid: &str, kind: Kind) -> (String, String) {
    (
        [uid, "-tab-", kind.as_str()].concat(),
        [uid, "-panel-", kind.as_str()].concat(),
    )
}

/// The tabs.
#[component]
pub fn Tabs(props: &TabsProps) -> Html {
    let ctx = props.ctx.clone();
    let current = props.current;
    let onkeydown = {
        let dispatch = ctx.dispatch.clone();
        let uid = ctx.uid.clone();
        Callback::from(move |e: KeyboardEvent| {
            let i = Kind::WIDGETS
                .iter()
                .position(|k| *k == current)
                .unwrap_or(0);
            let n = Kind::WIDGETS.len();
            let to = match e.key().as_str() {
                "ArrowRight" => (i + 1) % n,
                "ArrowLeft" => (i + n - 1) % n,
                "Home" => 0,
                "End" => n - 1,
                _ => return,
            };
            e.prevent_default();
            dispatch.emit(Action::Tab(Kind::WIDGETS[to]));
            let (tab, _) = ids(&uid, Kind::WIDGETS[to]);
            if let Some(el) = crate::dom::document().and_then(|d| d.get_element_by_id(&tab)) {
                crate::dom::focus(&el);
            }
        })
    };
    html! {
        <div class="archsim-tabs" role="tablist" aria-label="Simulator panels" {onkeydown}>
            { for Kind::WIDGETS.iter().map(|&kind| {
                let (tab, panel) = ids(&ctx.uid, kind);
                let on = kind == current;
                html! {
                    <button type="button" role="tab" id={tab} aria-controls={panel}
                        aria-selected={if on { "true" } else { "false" }} tabindex={if on { "0" } else { "-1" }}
                        class={classes!("archsim-tab", on.then_some("is-current"))}
                        onclick={ctx.dispatch.reform(move |_: MouseEvent| Action::Tab(kind))}>
                        {kind.title()}
                    </button>
                }
            }) }
        </div>
    }
}
