//! The placement assistant: the model's questions as a form; the verdict,
//! the rules that decided or were overridden, conflicts, precedents; and
//! the audit of existing components.

use std::rc::Rc;

use archsim_core::place::place;
use archsim_view::html::place_answer;
use archsim_view::present::{audit_view, place_view};
use yew::prelude::*;

use crate::acts::verb;
use crate::components::{Ctx, audit_list};
use crate::dom;
use crate::ids;
use crate::markup::{Markup, WidgetMarkup};
use crate::state::WidgetState;

/// Props of [`PlacePanel`].
#[derive(Properties, PartialEq)]
pub struct PlacePanelProps {
    /// The widget's model, dispatcher and ids.
    pub ctx: Ctx,
    /// The widget's state.
    pub state: Rc<WidgetState>,
}

/// The element id of question `q`'s box.
fn question_id(uid: &str, q: &str) -> String {
    [uid, "-q-", q].concat()
}

/// The rule's questions as checkboxes (unticked).
fn questions(form: &mut Markup, model: &archsim_core::Model, uid: &str) {
    form.raw("<fieldset class=\"archsim-questions\">").leaf(
        "legend",
        &[],
        "What is true of the new piece of infrastructure?",
    );
    for (i, q) in model.placement.questions.iter().enumerate() {
        form.checkbox(
            &question_id(uid, &q.id),
            verb::ANSWER,
            &i.to_string(),
            false,
            &q.ask,
            &q.id,
        );
    }
    form.raw("</fieldset>");
}

/// The placement panel.
#[component]
pub fn PlacePanel(props: &PlacePanelProps) -> Html {
    let ctx = props.ctx.clone();
    let answer = {
        let ctx = ctx.clone();
        use_memo(props.state.answers.clone(), move |answers| {
            let answers: Vec<&str> = answers.iter().map(String::as_str).collect();
            place(ctx.shared.model(), &answers).map(|a| place_view(ctx.shared.engine(), &a))
        })
    };
    let audit = {
        let ctx = ctx.clone();
        use_memo(props.state.audit, move |on| {
            on.then(|| audit_list::markup(&audit_view(ctx.shared.engine())))
        })
    };
    // The questions are written once, without their ticks; an effect ticks
    // them from the state, so answering replaces no element.
    let form = {
        let ctx = ctx.clone();
        use_memo((), move |_| {
            let mut form = Markup::new();
            questions(&mut form, ctx.shared.model(), &ctx.uid);
            AttrValue::from(form.into_string())
        })
    };
    let panel = use_node_ref();
    {
        let (ctx, panel) = (ctx.clone(), panel.clone());
        use_effect_with(props.state.answers.clone(), move |answers| {
            let Some(panel) = panel.cast::<web_sys::Element>() else {
                return;
            };
            for q in &ctx.shared.model().placement.questions {
                let on = answers.contains(&q.id);
                dom::set_checked(&panel, &question_id(&ctx.uid, &q.id), on);
            }
        });
    }
    let answer = &*answer;
    let state = &props.state;
    let uid = ctx.uid.as_str();
    let mut verdict = Markup::new();
    match answer {
        Err(e) => {
            verdict.leaf(
                "p",
                &[("class", "archsim-notice"), ("role", "alert")],
                &e.to_string(),
            );
        }
        Ok(v) => place_answer(&mut verdict, v, ctx.heading),
    }
    let audit_id = ids::id(uid, "-audit");
    let mut audit_markup = Markup::new();
    audit_markup.checkbox(
        &audit_id,
        verb::AUDIT,
        "",
        state.audit,
        "Show the audit of existing components",
        "",
    );
    if let Some(table) = audit.as_ref() {
        audit_markup.raw(table);
    }
    html! {
        <div ref={panel} class="archsim-panel archsim-place-panel">
            { Html::from_html_unchecked((*form).clone()) }
            <div class="archsim-place-answer" aria-live="polite">{ verdict.into_html() }</div>
            { audit_markup.into_html() }
        </div>
    }
}
