//! The placement assistant: the model's questions as a form; the verdict,
//! the rules that decided or were overridden, conflicts, precedents; and
//! the audit of existing components.

use std::rc::Rc;

use archsim_core::place::place;
use archsim_view::present::{RuleLine, audit_view, place_view};
use yew::prelude::*;

use crate::components::Ctx;
use crate::state::{Action, State};

/// Props of [`PlacePanel`].
#[derive(Properties, PartialEq)]
pub struct PlacePanelProps {
    /// The widget's state.
    pub state: Rc<State>,
}

fn rules(items: &[RuleLine]) -> Html {
    html! {
        <ul class="archsim-rules">
            { for items.iter().map(|r| html! {
                <li>
                    <code>{r.id.clone()}</code>{" → "}<strong>{r.provider_name.clone()}</strong>
                    if r.is_final { {" (final: overrides the others)"} }
                    {": "}{r.says.clone()}
                    if !r.facts.is_empty() {
                        <span class="archsim-muted">{format!(" [{}]", r.facts.join(", "))}</span>
                    }
                </li>
            }) }
        </ul>
    }
}

/// The placement panel.
#[component]
pub fn PlacePanel(props: &PlacePanelProps) -> Html {
    let ctx = use_context::<Ctx>();
    let answer = {
        let ctx = ctx.clone();
        use_memo(props.state.answers.clone(), move |answers| {
            let ctx = ctx?;
            let answers: Vec<&str> = answers.iter().map(String::as_str).collect();
            Some(place(ctx.shared.model(), &answers).map(|a| place_view(ctx.shared.engine(), &a)))
        })
    };
    let audit = {
        let ctx = ctx.clone();
        use_memo(props.state.audit, move |on| {
            ctx.filter(|_| *on).map(|c| audit_view(c.shared.engine()))
        })
    };
    let (Some(ctx), Some(answer)) = (ctx, answer.as_ref().as_ref()) else {
        return html! {};
    };
    let state = &props.state;
    let model = ctx.shared.model();
    let dispatch = ctx.dispatch.clone();
    let uid = ctx.uid.clone();
    let form = html! {
        <fieldset class="archsim-questions">
            <legend>{"What is true of the new piece of infrastructure?"}</legend>
            { for model.placement.questions.iter().map(|q| {
                let id = format!("{uid}-q-{}", q.id);
                let yes = state.answers.contains(&q.id);
                let qid = q.id.clone();
                html! {
                    <div class="archsim-check">
                        <input type="checkbox" id={id.clone()} checked={yes}
                            onchange={dispatch.reform(move |_: Event| Action::Answer(qid.clone(), !yes))} />
                        <label for={id}>{q.ask.clone()}{" "}<code>{q.id.clone()}</code></label>
                    </div>
                }
            }) }
        </fieldset>
    };
    let verdict = match answer {
        Err(e) => html! { <p class="archsim-notice" role="alert">{e.to_string()}</p> },
        Ok(v) => html! {
            <div class="archsim-place-answer">
                <p class={classes!("archsim-verdict", format!("verdict-{}", v.verdict))} aria-live="polite">
                    {"Verdict: "}<strong>{v.verdict_label.clone()}</strong>
                </p>
                if !v.deciding.is_empty() {
                    <h4>{if v.verdict == "conflict" { "The rules that disagree" } else { "The rule that decided" }}</h4>
                    {rules(&v.deciding)}
                }
                if !v.overridden.is_empty() {
                    <h4>{"Overridden"}</h4>
                    {rules(&v.overridden)}
                }
                if !v.precedents.is_empty() {
                    <h4>{"Precedents in the model"}</h4>
                    <ul class="archsim-precedents">
                        { for v.precedents.iter().map(|p| html! {
                            <li>
                                <strong>{p.name.clone()}</strong>{" "}<code>{p.id.clone()}</code>
                                {format!(" on {}", p.provider)}
                                if !p.shared.is_empty() {
                                    <span class="archsim-muted">{format!(" (shares: {})", p.shared.join(", "))}</span>
                                }
                                if let Some(note) = &p.note { <span class="archsim-hop-why">{note.clone()}</span> }
                            </li>
                        }) }
                    </ul>
                }
            </div>
        },
    };
    let audit_id = format!("{uid}-audit");
    let on_audit = {
        let on = state.audit;
        dispatch.reform(move |_: Event| Action::Audit(!on))
    };
    let audit_table = audit.as_ref().as_ref().map(|rows| html! {
        <table class="archsim archsim-table archsim-audit">
            <caption>{"Every existing component against the rule"}</caption>
            <thead><tr>
                <th scope="col">{"Component"}</th><th scope="col">{"Where"}</th>
                <th scope="col">{"Rule says"}</th><th scope="col">{"Status"}</th><th scope="col">{"Reason"}</th>
            </tr></thead>
            <tbody>
                { for rows.iter().map(|r| html! {
                    <tr class={format!("status-{}", r.status)}>
                        <th scope="row">{r.name.clone()}<br /><code>{r.id.clone()}</code></th>
                        <td>{format!("{} {}", r.provider, r.region)}</td>
                        <td>{r.verdict.clone()}</td>
                        <td>{r.status.clone()}</td>
                        <td>{r.reason.clone().unwrap_or_else(|| "—".to_owned())}</td>
                    </tr>
                }) }
            </tbody>
        </table>
    });
    html! {
        <div class="archsim-panel archsim-place-panel">
            {form}
            {verdict}
            <div class="archsim-check">
                <input type="checkbox" id={audit_id.clone()} checked={state.audit} onchange={on_audit} />
                <label for={audit_id}>{"Show the audit of existing components"}</label>
            </div>
            { for audit_table }
        </div>
    }
}
