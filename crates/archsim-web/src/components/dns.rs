//! DNS ownership: a host in; who writes its record, or how a new host gets
//! one.

use std::rc::Rc;

use archsim_view::present::{WriterLine, dns_view};
use yew::prelude::*;

use crate::components::Ctx;
use crate::components::host_form::HostForm;
use crate::components::route::record_text;
use crate::state::{Action, State};

/// Props of [`DnsPanel`].
#[derive(Properties, PartialEq)]
pub struct DnsPanelProps {
    /// The widget's state.
    pub state: Rc<State>,
}

fn writer(w: &WriterLine) -> Html {
    html! {
        <>
            <strong>{w.name.clone()}</strong>{" "}<code>{w.id.clone()}</code>
            {", configured in "}<code>{w.source.clone()}</code>
            if let Some(owner) = &w.owner_id { {format!(", owner ID {owner}")} }
            if let Some(on) = &w.runs_on { {format!(", runs on {on}")} }
            {format!(". Writes {}.", w.serves)}
        </>
    }
}

/// The DNS panel.
#[component]
pub fn DnsPanel(props: &DnsPanelProps) -> Html {
    let ctx = use_context::<Ctx>();
    let answer = {
        let ctx = ctx.clone();
        use_memo(props.state.dns.clone(), move |host| {
            let ctx = ctx?;
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
    let Some(ctx) = ctx else { return html! {} };
    let dispatch = ctx.dispatch.clone();
    let body = match answer.as_ref() {
        None => {
            html! { <p class="archsim-muted">{"Type a host in the zone, existing or new, and press Look up."}</p> }
        }
        Some(Err(e)) => html! { <p class="archsim-notice" role="alert">{e.to_string()}</p> },
        Some(Ok(v)) => html! {
            <div class="archsim-dns" aria-live="polite">
                <p class="archsim-verdict"><strong>{v.host.clone()}</strong>
                    { if v.records.is_empty() { " has no record yet." } else { "" } }</p>
                if !v.records.is_empty() {
                    <ul class="archsim-records">
                        { for v.records.iter().map(|r| html! { <li>{record_text(r)}</li> }) }
                    </ul>
                }
                if let Some(w) = &v.writer {
                    <p>{ if v.records.is_empty() { "Its name falls to " } else { "Written by " } }{writer(w)}</p>
                    if v.records.is_empty() { <p>{"To add it: "}{w.adds.clone()}</p> }
                }
                if !v.options.is_empty() && v.writer.is_none() {
                    <p>{"How a new host gets its record, by writer:"}</p>
                    <ul class="archsim-writers">
                        { for v.options.iter().map(|w| html! {
                            <li>{writer(w)}<span class="archsim-hop-why">{w.adds.clone()}</span></li>
                        }) }
                    </ul>
                }
            </div>
        },
    };
    html! {
        <div class="archsim-panel archsim-dns-panel">
            <HostForm value={AttrValue::from(props.state.dns.clone())} label="Host" button="Look up"
                name="dns" onsubmit={dispatch.reform(Action::Dns)} />
            {body}
        </div>
    }
}
