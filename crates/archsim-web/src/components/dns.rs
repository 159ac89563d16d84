//! DNS ownership: a host in; who writes its record, or how a new host gets
//! one.

use std::rc::Rc;

use archsim_view::html::dns_answer;
use archsim_view::present::dns_view;
use yew::prelude::*;

use crate::components::Ctx;
use crate::components::host_form::HostForm;
use crate::markup::{Markup, WidgetMarkup};
use crate::state::{Action, WidgetState};

/// Props of [`DnsPanel`].
#[derive(Properties, PartialEq)]
pub struct DnsPanelProps {
    /// The widget's model, dispatcher and ids.
    pub ctx: Ctx,
    /// The widget's state.
    pub state: Rc<WidgetState>,
}

/// The DNS panel.
#[component]
pub fn DnsPanel(props: &DnsPanelProps) -> Html {
    let ctx = props.ctx.clone();
    let answer = {
        let ctx = ctx.clone();
        use_memo(props.state.dns.clone(), move |host| {
            if host.trim().is_empty() {
                return None;
            }
            Some(
                ctx.shared
                    .engine()
                    .dns(host)
                    .map(|a| dns_view(ctx.shared.engine(), &a)),
            )
        })
    };
    let dispatch = ctx.dispatch.clone();
    let mut m = Markup::new();
    match answer.as_ref() {
        None => {
            m.leaf(
                "p",
                &[("class", "archsim-muted")],
                "Type a host in the zone, existing or new, and press Look up.",
            );
        }
        Some(Err(e)) => {
            m.leaf(
                "p",
                &[("class", "archsim-notice"), ("role", "alert")],
                &e.to_string(),
            );
        }
        Some(Ok(v)) => dns_answer(&mut m, v),
    }
    html! {
        <div class="archsim-panel archsim-dns-panel">
            <HostForm ctx={ctx.clone()} value={AttrValue::from(props.state.dns.clone())} label="Host" button="Look up"
                name="dns" onsubmit={dispatch.reform(Action::Dns)} />
            <div class="archsim-dns archsim-dns-answer" aria-live="polite">{ m.into_html() }</div>
        </div>
    }
}
