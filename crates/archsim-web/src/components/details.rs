//! The details panel of one component: where it lives, what manages it,
//! which flows use it, and whether it is a single point of failure.

use archsim_core::CompId;
use archsim_view::present::{Link, component_details};
use yew::prelude::*;

use crate::components::Ctx;
use crate::state::Action;

/// Props of [`Details`].
#[derive(Properties, PartialEq)]
pub struct DetailsProps {
    /// The component to describe.
    pub component: CompId,
}

fn links(items: &[Link], none: &str) -> Html {
    if items.is_empty() {
        return html! { <span class="archsim-muted">{none.to_owned()}</span> };
    }
    html! {
        <ul class="archsim-links">
            { for items.iter().map(|l| html! {
                <li>
                    {l.name.clone()}{" "}<code>{l.id.clone()}</code>
                    if !l.detail.is_empty() {
                        {" "}<span class="archsim-muted">{format!("({})", l.detail)}</span>
                    }
                </li>
            }) }
        </ul>
    }
}

/// The panel, from `archsim-view`'s `component_details`.
#[component]
pub fn Details(props: &DetailsProps) -> Html {
    let ctx = use_context::<Ctx>();
    let details = {
        let ctx = ctx.clone();
        use_memo(props.component, move |c| {
            ctx.map(|ctx| component_details(ctx.shared.engine(), *c))
        })
    };
    let (Some(ctx), Some(d)) = (ctx, details.as_ref().as_ref()) else {
        return html! {};
    };
    let close = ctx.dispatch.reform(|_: MouseEvent| Action::Select(None));
    let heading = format!("{}-details", ctx.uid);
    let region = match &d.region_name {
        Some(name) => format!("{} ({name})", d.region),
        None => d.region.clone(),
    };
    let spof = if d.spof_for.is_empty() {
        html! { <span>{"No: no flow goes down when it alone fails."}</span> }
    } else {
        html! {
            <>
                <strong>{format!("Yes, for {} flow{}: ", d.spof_for.len(), if d.spof_for.len() == 1 { "" } else { "s" })}</strong>
                {links(&d.spof_for, "")}
            </>
        }
    };
    html! {
        <section class="archsim-details" aria-labelledby={heading.clone()}>
            <header>
                <h3 id={heading}>{d.name.clone()}{" "}<code>{d.id.clone()}</code></h3>
                <button type="button" class="archsim-button" onclick={close}
                    aria-label="Close the details">{"Close"}</button>
            </header>
            <dl class="archsim-dl">
                <dt>{"Provider"}</dt><dd>{d.provider.clone()}</dd>
                <dt>{"Region"}</dt><dd>{region}</dd>
                <dt>{"Kind"}</dt><dd>{d.kind.clone()}{" · "}{d.env.clone()}</dd>
                <dt>{"Managed"}</dt>
                <dd>
                    {d.managed.clone()}
                    if !d.sources.is_empty() {
                        {" in "}
                        { for d.sources.iter().enumerate().map(|(i, s)| html! {
                            <>{if i > 0 { ", " } else { "" }}<code>{s.clone()}</code></>
                        }) }
                    }
                </dd>
                if let Some(cluster) = &d.runs_in {
                    <dt>{"Runs in"}</dt><dd>{cluster.clone()}</dd>
                }
                if let Some(notes) = &d.notes {
                    <dt>{"Notes"}</dt><dd>{notes.clone()}</dd>
                }
                if let Some(placement) = &d.placement {
                    <dt>{"Why it is here"}</dt><dd>{placement.clone()}</dd>
                }
                if let Some(assumption) = &d.assumption {
                    <dt>{"Assumed"}</dt><dd>{assumption.clone()}</dd>
                }
                <dt>{"Single point of failure"}</dt><dd>{spof}</dd>
                <dt>{"Flows that use it"}</dt><dd>{links(&d.flows, "none")}</dd>
                <dt>{"Needs"}</dt><dd>{links(&d.needs, "nothing")}</dd>
                <dt>{"Needed by"}</dt><dd>{links(&d.needed_by, "nothing")}</dd>
            </dl>
        </section>
    }
}
