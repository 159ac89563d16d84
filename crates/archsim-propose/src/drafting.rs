//! The drafting area: the forms that add edits to the draft, the list of
//! edits, undo and redo, the impact of the draft and its export.
//!
//! The draft itself lives in the widget's state (`WidgetState::draft`, in
//! its link form), so the link carries it and a link opened later
//! restores it; this component keeps only what a link does not carry:
//! the undo and redo stacks, the notice of an edit refused, and the copy
//! status.

use std::cell::RefCell;
use std::rc::Rc;

use archsim_core::EdgeKind;
use archsim_core::draft::{Draft, Edit, NewEdge};
use archsim_web::components::Ctx;
use archsim_web::dom;
use archsim_web::markup::{Markup, WidgetMarkup};
use archsim_web::state::Action;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::answer::{answer, from_link, to_link};
use crate::edits::describe;

/// The most steps undo remembers.
const MAX_HISTORY: usize = 100;

/// Props of [`Drafting`].
#[derive(Properties, PartialEq)]
pub struct DraftingProps {
    /// The widget's context (model, dispatcher, ids).
    pub ctx: Ctx,
    /// The draft's link form (`WidgetState::draft`).
    pub draft: AttrValue,
}

/// Undo and redo: the draft's link forms before and after.
#[derive(Default)]
struct History {
    undo: Vec<String>,
    redo: Vec<String>,
}

/// The value of the form control with this id, or empty.
fn value(id: &str) -> String {
    let Some(el) = dom::document().and_then(|d| d.get_element_by_id(id)) else {
        return String::new();
    };
    if let Some(select) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
        return select.value();
    }
    el.dyn_ref::<web_sys::HtmlInputElement>()
        .map(|i| i.value().trim().to_owned())
        .unwrap_or_default()
}

/// A labelled `<select>` of `options` (value and text alike).
fn select(id: &str, label: &str, options: &[&str]) -> Html {
    html! {
        <span class="archsim-field">
            <label for={id.to_owned()}>{label}</label>
            <select id={id.to_owned()}>
                { for options.iter().map(|o| html! { <option value={(*o).to_owned()}>{*o}</option> }) }
            </select>
        </span>
    }
}

/// The drafting area of a propose widget.
#[component]
pub fn Drafting(props: &DraftingProps) -> Html {
    let ctx = &props.ctx;
    let link = props.draft.clone();
    let history = use_mut_ref(History::default);
    let refused = use_state_eq(|| None::<String>);
    let copied = use_state_eq(String::new);
    let computed = use_memo((ctx.shared.clone(), link.clone()), |(shared, text)| {
        let (draft, notice) = from_link(text);
        let result = answer(shared.engine(), &draft);
        (draft, notice, result)
    });
    let (draft, link_notice, result) = &*computed;

    let go = |history: Rc<RefCell<History>>, undo: bool| {
        let dispatch = ctx.dispatch.clone();
        let refused = refused.clone();
        let link = link.clone();
        Callback::from(move |_: MouseEvent| {
            // The borrow ends before the dispatch: yew renders at once,
            // and the render reads the history.
            let text = {
                let h = &mut *history.borrow_mut();
                let (from, to) = if undo {
                    (&mut h.undo, &mut h.redo)
                } else {
                    (&mut h.redo, &mut h.undo)
                };
                let text = from.pop();
                if text.is_some() {
                    to.push(link.to_string());
                }
                text
            };
            if let Some(text) = text {
                refused.set(None);
                dispatch.emit(Action::Draft(text));
            }
        })
    };
    let commit = {
        let dispatch = ctx.dispatch.clone();
        let refused = refused.clone();
        let history = history.clone();
        let shared = ctx.shared.clone();
        let link = link.clone();
        Callback::from(move |next: Draft| {
            if let Err(e) = next.apply(shared.model()) {
                refused.set(Some(["Not drafted: ", &e.to_string()].concat()));
                return;
            }
            refused.set(None);
            {
                // Released before the dispatch, which renders at once.
                let mut h = history.borrow_mut();
                if h.undo.len() == MAX_HISTORY {
                    h.undo.remove(0);
                }
                h.undo.push(link.to_string());
                h.redo.clear();
            }
            dispatch.emit(Action::Draft(to_link(&next)));
        })
    };
    let add = |make: Rc<dyn Fn() -> Option<Edit>>| {
        let commit = commit.clone();
        let draft = draft.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(edit) = make() {
                let mut next = draft.clone();
                next.edits.push(edit);
                commit.emit(next);
            }
        })
    };

    let uid = ctx.uid.as_str();
    let id = |name: &str| [uid, "-", name].concat();
    let model = match result {
        Ok(Some(a)) => a.edited.model(),
        _ => ctx.shared.model(),
    };
    let components: Vec<&str> = model.components.iter().map(|c| c.id.as_str()).collect();
    let mut edges: Vec<String> = Vec::new();
    for e in &model.edges {
        let pair = [
            model.component(e.from).id.as_str(),
            " → ",
            model.component(e.to).id.as_str(),
        ]
        .concat();
        if !edges.contains(&pair) {
            edges.push(pair);
        }
    }
    let edge_refs: Vec<&str> = edges.iter().map(String::as_str).collect();
    let kinds: Vec<&str> = EdgeKind::ALL.iter().map(|k| k.as_str()).collect();

    let remove_component = add(Rc::new({
        let field = id("rm");
        move || {
            let id = value(&field);
            (!id.is_empty()).then_some(Edit::RemoveComponent(id))
        }
    }));
    let connect = add(Rc::new({
        let (from, to, kind) = (id("from"), id("to"), id("kind"));
        move || {
            Some(Edit::Connect(NewEdge {
                from: value(&from),
                to: value(&to),
                kind: EdgeKind::parse(&value(&kind))?,
                note: String::new(),
            }))
        }
    }));
    let remove_edge = add(Rc::new({
        let field = id("edge");
        move || {
            let text = value(&field);
            let (from, to) = text.split_once(" → ")?;
            Some(Edit::RemoveEdge {
                from: from.to_owned(),
                to: to.to_owned(),
            })
        }
    }));

    let listed = draft.edits.iter().enumerate().map(|(i, edit)| {
        let words = describe(edit);
        let onclick = {
            let commit = commit.clone();
            let draft = draft.clone();
            Callback::from(move |_: MouseEvent| {
                let mut next = draft.clone();
                next.edits.remove(i);
                commit.emit(next);
            })
        };
        html! {
            <li>
                <span class="archsim-edit">{words.clone()}</span>
                {" "}
                <button type="button" class="archsim-button" aria-label={["Remove the edit: ", &words].concat()} {onclick}>{"Remove"}</button>
            </li>
        }
    });

    let (can_undo, can_redo) = {
        let h = history.borrow();
        (!h.undo.is_empty(), !h.redo.is_empty())
    };
    let mut notices: Vec<String> = link_notice.iter().cloned().collect();
    notices.extend((*refused).iter().cloned());
    if let Err(e) = result {
        notices.push(["The draft cannot be applied: ", &e.to_string()].concat());
    }

    let (impact, verdict, exports) = match result {
        Ok(Some(a)) => (
            Html::from_html_unchecked(AttrValue::from(a.html.clone())),
            a.verdict.clone(),
            exports(&a.toml, &a.markdown, &copied),
        ),
        Ok(None) => {
            let mut m = Markup::new();
            archsim_view::html::propose_empty(&mut m);
            (m.into_html(), String::new(), Html::default())
        }
        Err(_) => (Html::default(), String::new(), Html::default()),
    };

    html! {
        <div class="archsim-propose">
            if !notices.is_empty() {
                <ul class="archsim-propose-notices" role="alert">
                    { for notices.iter().map(|n| html! { <li>{n.clone()}</li> }) }
                </ul>
            }
            <fieldset class="archsim-propose-form">
                <legend>{"Remove a component"}</legend>
                { select(&id("rm"), "Component", &components) }
                <button type="button" class="archsim-button" onclick={remove_component}>{"Remove component"}</button>
            </fieldset>
            <fieldset class="archsim-propose-form">
                <legend>{"Connect: a component needs another"}</legend>
                { select(&id("from"), "Needs (from)", &components) }
                { select(&id("to"), "Needed (to)", &components) }
                { select(&id("kind"), "Edge kind", &kinds) }
                <button type="button" class="archsim-button" onclick={connect}>{"Connect"}</button>
            </fieldset>
            <fieldset class="archsim-propose-form">
                <legend>{"Remove an edge"}</legend>
                { select(&id("edge"), "Edge", &edge_refs) }
                <button type="button" class="archsim-button" onclick={remove_edge}>{"Remove edge"}</button>
            </fieldset>
            <div class="archsim-propose-edits">
                <h4>{"Drafted edits"}</h4>
                if draft.edits.is_empty() {
                    <p class="archsim-muted">{"None yet."}</p>
                } else {
                    <ol>{ for listed }</ol>
                }
                <button type="button" class="archsim-button" disabled={!can_undo} onclick={go(history.clone(), true)}>{"Undo"}</button>
                {" "}
                <button type="button" class="archsim-button" disabled={!can_redo} onclick={go(history.clone(), false)}>{"Redo"}</button>
            </div>
            <p class="archsim-propose-verdict" role="status" aria-live="polite">{verdict}</p>
            { impact }
            { exports }
        </div>
    }
}

/// Copy as TOML and as Markdown, and both texts in `<details>` for a
/// reader whose browser blocks the clipboard.
fn exports(toml: &str, markdown: &str, copied: &UseStateHandle<String>) -> Html {
    let copy = |text: &str, what: &'static str| {
        let text = text.to_owned();
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| {
            copied.set(if dom::copy(&text) {
                [what, " copied."].concat()
            } else {
                "Copying is blocked here: copy the text below by hand.".to_owned()
            });
        })
    };
    html! {
        <div class="archsim-propose-export">
            <button type="button" class="archsim-button" onclick={copy(toml, "TOML")}>{"Copy as TOML"}</button>
            {" "}
            <button type="button" class="archsim-button" onclick={copy(markdown, "Markdown")}>{"Copy as Markdown"}</button>
            {" "}
            <span class="archsim-muted" aria-live="polite">{(**copied).clone()}</span>
            <details class="archsim-propose-toml">
                <summary>{"The change as TOML"}</summary>
                <pre>{toml.to_owned()}</pre>
            </details>
            <details class="archsim-propose-markdown">
                <summary>{"The impact as Markdown"}</summary>
                <pre>{markdown.to_owned()}</pre>
            </details>
        </div>
    }
}
