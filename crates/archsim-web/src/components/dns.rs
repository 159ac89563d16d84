//! DNS ownership: a host in; who writes its record, or how a new host gets
//! one.

use std::rc::Rc;

use archsim_view::present::{WriterLine, dns_view};
use yew::prelude::*;

use crate::components::Ctx;
use crate::components::host_form::HostForm;
use crate::components::route::record_text;
use crate::markup::Markup;
use crate::state::{Action, State};

/// Props of [`DnsPanel`].
#[derive(Properties, PartialEq)]
pub struct DnsPanelProps {
    /// The widget's model, dispatcher and ids.
    pub ctx: Ctx,
    /// The widget's state.
    pub state: Rc<State>,
}

fn writer(m: &mut Markup, w: &WriterLine) {
    m.leaf("strong", &[], &w.name)
        .raw(" ")
        .code(&w.id)
        .text(", configured in ")
        .code(&w.source);
    if let Some(owner) = &w.owner_id {
        m.text(", owner ID ").text(owner);
    }
    if let Some(on) = &w.runs_on {
        m.text(", runs on ").text(on);
    }
    m.text(". Writes ").text(&w.serves).text(".");
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
        Some(Ok(v)) => {
            m.raw("<div class=\"archsim-dns\">")
                .raw("<p class=\"archsim-verdict\">")
                .leaf("strong", &[], &v.host)
                .text(if v.records.is_empty() {
                    " has no record yet."
                } else {
                    ""
                })
                .raw("</p>");
            if !v.records.is_empty() {
                m.raw("<ul class=\"archsim-records\">");
                for r in &v.records {
                    m.leaf("li", &[], &record_text(r));
                }
                m.raw("</ul>");
            }
            if let Some(w) = &v.writer {
                m.raw("<p>").text(if v.records.is_empty() {
                    "Its name falls to "
                } else {
                    "Written by "
                });
                writer(&mut m, w);
                m.raw("</p>");
                if v.records.is_empty() {
                    m.raw("<p>").text("To add it: ").text(&w.adds).raw("</p>");
                }
            }
            if !v.options.is_empty() && v.writer.is_none() {
                m.leaf("p", &[], "How a new host gets its record, by writer:")
                    .raw("<ul class=\"archsim-writers\">");
                for w in &v.options {
                    m.raw("<li>");
                    writer(&mut m, w);
                    m.leaf("span", &[("class", "archsim-hop-why")], &w.adds)
                        .raw("</li>");
                }
                m.raw("</ul>");
            }
            m.raw("</div>");
        }
    }
    html! {
        <div class="archsim-panel archsim-dns-panel">
            <HostForm ctx={ctx.clone()} value={AttrValue::from(props.state.dns.clone())} label="Host" button="Look up"
                name="dns" onsubmit={dispatch.reform(Action::Dns)} />
            <div class="archsim-dns-answer" aria-live="polite">{ m.into_html() }</div>
        </div>
    }
}
