//! The drafting area: the map of the draft, the forms that add edits to
//! it, the list of edits, undo and redo, the impact of the draft and its
//! export.
//!
//! The forms and buttons are yew's, down to each option (keyed), so an
//! edit rewrites only what it changes and the pressed button keeps the
//! focus; the map, the notices, the list of edits and the impact are
//! markup text (`archsim_web::markup`), as the widgets write their
//! answers, each a block of its own that is written again only when its
//! text changes. One listener on the area reads the clicked control's
//! `data-act` (each begins `draft-`, apart from the widgets' acts) and
//! `data-arg`; the forms' values are read from the page when a button is
//! pressed. A control in a block of text that had the focus gets it back
//! after the render that replaces it.
//!
//! The draft itself lives in the widget's state (`WidgetState::draft`, in
//! its link form), so the link carries it and a link opened later
//! restores it; this component keeps only what a link does not carry:
//! the undo and redo stacks, the notice of an edit refused, and the copy
//! status.

use std::rc::Rc;

use archsim_core::EdgeKind;
use archsim_core::diff::Before;
use archsim_core::draft::{Edit, NewComponent, NewEdge, NewRecord};
use archsim_web::components::Ctx;
use archsim_web::dom;
use archsim_web::markup::{Markup, NONE, WidgetMarkup};
use archsim_web::state::Action;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use archsim_view::svg::draft::drawing;

use crate::answer::{answer, applied, from_link, to_link};
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
    /// The components the mount point's `data-focus` picks; `None` for
    /// the whole model.
    pub focus: Option<Rc<[archsim_core::CompId]>>,
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

/// The acts of the drafting area's controls (`data-act`).
mod act {
    pub const REMOVE_COMPONENT: &str = "draft-rm";
    pub const CONNECT: &str = "draft-connect";
    pub const REMOVE_EDGE: &str = "draft-edge";
    pub const ADD_COMPONENT: &str = "draft-add";
    pub const ANSWER: &str = "draft-answer";
    pub const ADD_RECORD: &str = "draft-record";
    pub const UNDO_EDIT: &str = "draft-unedit";
    pub const UNDO: &str = "draft-undo";
    pub const REDO: &str = "draft-redo";
    pub const WHOLE: &str = "draft-whole";
    pub const COPY_TOML: &str = "draft-toml";
    pub const COPY_MARKDOWN: &str = "draft-md";
}

/// A button that speaks through `data-act`.
fn button(m: &mut Markup, id: &str, act: &str, arg: &str, label: &str, words: &str) {
    m.leaf(
        "button",
        &[
            ("type", "button"),
            ("class", "archsim-button"),
            ("id", id),
            ("data-act", act),
            if arg.is_empty() {
                NONE
            } else {
                ("data-arg", arg)
            },
            if label.is_empty() {
                NONE
            } else {
                ("aria-label", label)
            },
        ],
        words,
    );
}

/// The placement questions answered yes in the add-component form.
fn answered(uid: &str, model: &archsim_core::Model) -> Vec<String> {
    let Some(doc) = dom::document() else {
        return Vec::new();
    };
    (0..model.placement.questions.len())
        .filter(|i| {
            doc.get_element_by_id(&[uid, "-q-", &i.to_string()].concat())
                .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
                .is_some_and(|e| e.checked())
        })
        .map(|i| model.placement.questions[i].id.clone())
        .collect()
}

/// What the placement rule decides for `answers`, in words.
fn placement_words(engine: &archsim_core::Engine, answers: &[String]) -> String {
    let evaluation = archsim_core::place::evaluate(engine.model(), answers);
    [
        "Placement verdict: ",
        &archsim_view::present::verdict_label(engine, &evaluation),
    ]
    .concat()
}

/// The form that adds a component: its id, name, kind, environment and
/// region, the placement questions (the verdict picks its provider, and
/// says so as they are answered) and a note.
fn add_component_form(uid: &str, engine: &archsim_core::Engine) -> Html {
    let model = engine.model();
    let id = |name: &str| [uid, "-", name].concat();
    let regions: Vec<&str> = model.regions.iter().map(|r| r.id.as_str()).collect();
    let questions = model.placement.questions.iter().enumerate().map(|(i, q)| {
        let qid = [uid, "-q-", &i.to_string()].concat();
        html! {
            <div class="archsim-check">
                <input type="checkbox" id={qid.clone()} data-act={act::ANSWER} data-arg={q.id.clone()} />
                <label for={qid}>{ q.ask.clone() }</label>
            </div>
        }
    });
    html! {
        <>
            <legend>{ "Add a component" }</legend>
            { input_html(&id("cid"), "Id") }
            { input_html(&id("cname"), "Name (optional)") }
            { select_html(&id("ckind"), "Kind", &archsim_core::draft::kinds(model), None) }
            { select_html(&id("cenv"), "Environment", &archsim_core::draft::envs(model), None) }
            { select_html(&id("cregion"), "Region", &regions, Some("none")) }
            <fieldset class="archsim-propose-questions">
                <legend>{ "Placement: answer yes to what applies" }</legend>
                { for questions }
            </fieldset>
            <p class="archsim-propose-placement">
                <output id={id("cverdict")} aria-live="polite">{ placement_words(engine, &[]) }</output>
            </p>
            { input_html(&id("cnote"), "Why (optional)") }
        </>
    }
}

/// The form that adds a host record: its host, target, writer, type,
/// environment and a note.
fn add_record_form(uid: &str, model: &archsim_core::Model, components: &[&str]) -> Html {
    let id = |name: &str| [uid, "-", name].concat();
    let writers: Vec<&str> = model.writers.iter().map(|w| w.id.as_str()).collect();
    html! {
        <>
            <legend>{ "Add a host record" }</legend>
            { input_html(&id("rhost"), "Host") }
            { select_html(&id("rtarget"), "Points at", components, None) }
            { select_html(&id("rwriter"), "Written by", &writers, None) }
            { select_html(&id("rtype"), "Type", &archsim_core::draft::record_types(model), None) }
            { select_html(&id("renv"), "Environment", &archsim_core::draft::envs(model), None) }
            { input_html(&id("rnote"), "Why (optional)") }
        </>
    }
}

/// A form's legend and its selects.
fn form(legend: &str, selects: &[(&str, &str, &[&str])]) -> Html {
    html! {
        <>
            <legend>{ legend.to_owned() }</legend>
            { for selects.iter().map(|(id, label, options)| select_html(id, label, options, None)) }
        </>
    }
}

/// A labelled `<select>` of `options` (value and text alike), after an
/// option of no value that reads `none`, if given; written by yew with an
/// option per key: an edit that removes a component removes its option,
/// and leaves the rest of the form as it was.
fn select_html(id: &str, label: &str, options: &[&str], none: Option<&str>) -> Html {
    html! {
        <span class="archsim-field">
            <label for={id.to_owned()}>{ label.to_owned() }</label>
            <select id={id.to_owned()}>
                if let Some(none) = none {
                    <option value="">{ none.to_owned() }</option>
                }
                { for options.iter().map(|o| html! {
                    <option key={*o} value={o.to_string()}>{ o.to_string() }</option>
                }) }
            </select>
        </span>
    }
}

/// A labelled text field, written by yew (it keeps what a reader typed).
fn input_html(id: &str, label: &str) -> Html {
    html! {
        <span class="archsim-field">
            <label for={id.to_owned()}>{ label.to_owned() }</label>
            <input id={id.to_owned()} type="text" class="archsim-input" autocomplete="off" spellcheck="false" />
        </span>
    }
}

/// A button that speaks through `data-act`, written by yew: a render
/// keeps the element, and the focus on it, where a block of text would
/// replace both (and moving the focus back costs the browser a layout).
fn act_button(
    id: String,
    act: &'static str,
    words: &'static str,
    disabled: bool,
    pressed: Option<bool>,
) -> Html {
    let pressed = pressed.map(|p| AttrValue::from(if p { "true" } else { "false" }));
    html! {
        <button type="button" class="archsim-button" {id} data-act={act} {disabled}
            aria-pressed={pressed}>{ words }</button>
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
    let whole = use_state_eq(|| false);
    let refocus = use_mut_ref(|| None::<String>);
    let uid = ctx.uid.clone();
    // The model's side of every diff, kept from edit to edit.
    let before = use_memo(ctx.shared.clone(), |shared| {
        Before::new(shared.engine().clone())
    });
    // The draft a click applied to check it, with what it gave: the
    // answer need not apply it again.
    let pending = use_mut_ref(|| None::<(String, archsim_core::Model)>);
    let heading = ctx.heading;
    let computed = use_memo((ctx.shared.clone(), link.clone(), props.focus.clone()), {
        let pending = pending.clone();
        move |(shared, text, focus)| {
            let (draft, notice) = from_link(text);
            let checked = pending
                .borrow_mut()
                .take()
                .filter(|(t, _)| t == text.as_str());
            let result = match checked {
                Some((_, model)) => Ok(Some(applied(&before, &draft, model, heading))),
                None => answer(&before, &draft, heading),
            };
            let old = shared.model();
            let edited = match &result {
                Ok(Some(a)) => a.edited.model(),
                _ => old,
            };
            let map = drawing(old, &draft, edited, focus.as_deref(), &uid);
            (draft, notice, result, map)
        }
    });
    {
        // The pressed control that had the focus, if the render replaced
        // it (a button in a block of text); yew's own buttons keep it.
        let refocus = refocus.clone();
        use_effect(move || {
            let id = refocus.borrow_mut().take();
            if let Some(id) = id
                && let Some(doc) = dom::document()
                && doc.active_element().is_none_or(|a| a.id() != id)
                && let Some(el) = doc.get_element_by_id(&id)
            {
                dom::focus(&el);
            }
        });
    }
    // Only the view shown is written (a map is some 45 KB of SVG).
    let shown = {
        let computed = computed.clone();
        let deps = (
            ctx.shared.clone(),
            link.clone(),
            props.focus.clone(),
            *whole,
        );
        use_memo(deps, move |deps| {
            let map = &computed.3;
            AttrValue::from(if deps.3 { map.whole() } else { map.first() })
        })
    };
    let (draft, link_notice, result, map) = &*computed;
    let uid = ctx.uid.as_str();
    let id = |name: &str| [uid, "-", name].concat();

    let onclick = {
        let (dispatch, shared) = (ctx.dispatch.clone(), ctx.shared.clone());
        let (refused, copied, whole) = (refused.clone(), copied.clone(), whole.clone());
        let (history, refocus, pending) = (history.clone(), refocus.clone(), pending.clone());
        let (link, draft, uid) = (link.clone(), draft.clone(), ctx.uid.clone());
        let texts = match result {
            Ok(Some(a)) => Some((a.toml.clone(), a.markdown.clone())),
            _ => None,
        };
        Callback::from(move |e: MouseEvent| {
            let Some(el) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|t| t.closest("[data-act]").ok().flatten())
            else {
                return;
            };
            let act = el.get_attribute("data-act").unwrap_or_default();
            let field = |name: &str| value(&[uid.as_str(), "-", name].concat());
            // The focus goes back after the render only to a control that
            // had it (a pointer click on a button gives it; a script's
            // click does not).
            let focused = dom::document()
                .and_then(|d| d.active_element())
                .is_some_and(|a| a == el);
            *refocus.borrow_mut() = Some(el.id()).filter(|id| focused && !id.is_empty());
            let edit = match act.as_str() {
                act::REMOVE_COMPONENT => {
                    Some(Edit::RemoveComponent(field("rm"))).filter(|_| !field("rm").is_empty())
                }
                act::CONNECT => EdgeKind::parse(&field("kind")).map(|kind| {
                    Edit::Connect(NewEdge {
                        from: field("from"),
                        to: field("to"),
                        kind,
                        note: String::new(),
                    })
                }),
                act::ADD_COMPONENT => Some(Edit::AddComponent(NewComponent {
                    id: field("cid"),
                    name: field("cname"),
                    kind: field("ckind"),
                    env: field("cenv"),
                    region: Some(field("cregion")).filter(|r| !r.is_empty()),
                    answers: answered(&uid, shared.model()),
                    note: field("cnote"),
                })),
                act::ADD_RECORD => Some(Edit::AddRecord(NewRecord {
                    host: field("rhost"),
                    target: field("rtarget"),
                    writer: field("rwriter"),
                    rtype: field("rtype"),
                    env: field("renv"),
                    note: field("rnote"),
                })),
                act::REMOVE_EDGE => {
                    field("edge")
                        .split_once(" → ")
                        .map(|(from, to)| Edit::RemoveEdge {
                            from: from.to_owned(),
                            to: to.to_owned(),
                        })
                }
                _ => None,
            };
            let mut next = None;
            match act.as_str() {
                act::UNDO_EDIT => {
                    let i: usize = el
                        .get_attribute("data-arg")
                        .and_then(|a| a.parse().ok())
                        .unwrap_or(usize::MAX);
                    if i < draft.edits.len() {
                        let mut d = draft.clone();
                        d.edits.remove(i);
                        next = Some(d);
                    }
                }
                act::UNDO | act::REDO => {
                    // The borrow ends before the dispatch: yew renders at
                    // once, and the render reads the history.
                    let text = {
                        let h = &mut *history.borrow_mut();
                        let (from, to) = if act == act::UNDO {
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
                }
                act::WHOLE => whole.set(!*whole),
                act::COPY_TOML | act::COPY_MARKDOWN => {
                    if let Some((toml, markdown)) = &texts {
                        let (text, what) = if act == act::COPY_TOML {
                            (toml, "TOML")
                        } else {
                            (markdown, "Markdown")
                        };
                        copied.set(if dom::copy(text) {
                            [what, " copied."].concat()
                        } else {
                            "Copying is blocked here: copy the text below by hand.".to_owned()
                        });
                    }
                }
                _ => {
                    if let Some(edit) = edit {
                        let mut d = draft.clone();
                        d.edits.push(edit);
                        next = Some(d);
                    }
                }
            }
            let Some(next) = next else { return };
            let model = match next.apply(shared.model()) {
                Ok(model) => model,
                Err(e) => {
                    refused.set(Some(["Not drafted: ", &e.to_string()].concat()));
                    return;
                }
            };
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
            let text = to_link(&next);
            *pending.borrow_mut() = Some((text.clone(), model));
            dispatch.emit(Action::Draft(text));
        })
    };

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

    let mut notices: Vec<String> = link_notice.iter().cloned().collect();
    notices.extend((*refused).iter().cloned());
    if let Err(e) = result {
        notices.push(["The draft cannot be applied: ", &e.to_string()].concat());
    }
    let (can_undo, can_redo) = {
        let h = history.borrow();
        (!h.undo.is_empty(), !h.redo.is_empty())
    };

    let notices_html = (!notices.is_empty()).then(|| {
        let mut m = Markup::new();
        m.raw("<ul class=\"archsim-propose-notices\" role=\"alert\">");
        for n in &notices {
            m.leaf("li", &[], n);
        }
        m.raw("</ul>");
        m.into_html()
    });
    let whole_button = map.has_part().then(|| {
        act_button(
            id("whole"),
            act::WHOLE,
            "Show everything",
            false,
            Some(*whole),
        )
    });
    // The forms are yew's, down to each option (keyed by its value): an
    // edit changes only what it changes (a removed component's options),
    // what a reader typed survives, and the pressed button stays the same
    // element and keeps the focus.
    let (rm, from, to, kind, edge) = (id("rm"), id("from"), id("to"), id("kind"), id("edge"));
    let edited_engine = match result {
        Ok(Some(a)) => &a.edited,
        _ => ctx.shared.engine(),
    };
    let forms = [
        (
            add_component_form(uid, edited_engine),
            act_button(id("cgo"), act::ADD_COMPONENT, "Add component", false, None),
        ),
        (
            form("Remove a component", &[(&rm, "Component", &components)]),
            act_button(
                id("rm-go"),
                act::REMOVE_COMPONENT,
                "Remove component",
                false,
                None,
            ),
        ),
        (
            form(
                "Connect: a component needs another",
                &[
                    (&from, "Needs (from)", &components),
                    (&to, "Needed (to)", &components),
                    (&kind, "Edge kind", &kinds),
                ],
            ),
            act_button(id("connect-go"), act::CONNECT, "Connect", false, None),
        ),
        (
            form("Remove an edge", &[(&edge, "Edge", &edge_refs)]),
            act_button(id("edge-go"), act::REMOVE_EDGE, "Remove edge", false, None),
        ),
        (
            add_record_form(uid, model, &components),
            act_button(id("rgo"), act::ADD_RECORD, "Add record", false, None),
        ),
    ];
    let forms: Html = forms
        .into_iter()
        .map(|(fields, button)| {
            html! {
                <fieldset class="archsim-propose-form">{ fields }{ button }</fieldset>
            }
        })
        .collect();
    let mut listed = Markup::new();
    listed.leaf(ctx.heading.tag(), &[], "Drafted edits");
    if draft.edits.is_empty() {
        listed.leaf("p", &[("class", "archsim-muted")], "None yet.");
    } else {
        listed.raw("<ol>");
        for (i, edit) in draft.edits.iter().enumerate() {
            let words = describe(edit);
            let n = i.to_string();
            listed
                .raw("<li>")
                .leaf("span", &[("class", "archsim-edit")], &words)
                .raw(" ");
            button(
                &mut listed,
                &id(&["unedit-", &n].concat()),
                act::UNDO_EDIT,
                &n,
                &["Remove the edit: ", &words].concat(),
                "Remove",
            );
            listed.raw("</li>");
        }
        listed.raw("</ol>");
    }
    let verdict = match result {
        Ok(Some(a)) => a.verdict.clone(),
        _ => String::new(),
    };
    let after = match result {
        Ok(Some(a)) => {
            let mut texts = Markup::new();
            let exports = [
                ("archsim-propose-toml", "The change as TOML", &a.toml),
                (
                    "archsim-propose-markdown",
                    "The impact as Markdown",
                    &a.markdown,
                ),
            ];
            for (class, title, text) in exports {
                // A text wider than the column scrolls sideways (on a
                // phone, always): a Tab stop, named, so a keyboard can
                // scroll it.
                texts
                    .open("details", &[("class", class)])
                    .leaf("summary", &[], title)
                    .leaf(
                        "pre",
                        &[("tabindex", "0"), ("role", "group"), ("aria-label", title)],
                        text,
                    )
                    .raw("</details>");
            }
            html! {
                <>
                    { Html::from_html_unchecked(AttrValue::from(a.html.clone())) }
                    <div class="archsim-propose-export">
                        { act_button(id("toml"), act::COPY_TOML, "Copy as TOML", false, None) }
                        {" "}
                        { act_button(id("md"), act::COPY_MARKDOWN, "Copy as Markdown", false, None) }
                        {" "}
                        <span class="archsim-muted" aria-live="polite">{ (*copied).clone() }</span>
                        { texts.into_html() }
                    </div>
                </>
            }
        }
        Ok(None) => {
            let mut empty = Markup::new();
            archsim_view::html::propose_empty(&mut empty);
            empty.into_html()
        }
        Err(_) => Html::default(),
    };

    // Answering a placement question says at once which provider the
    // verdict picks, written into the page (a render would clear the form).
    let onchange = {
        let (shared, uid) = (ctx.shared.clone(), ctx.uid.clone());
        Callback::from(move |e: Event| {
            let answer = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|t| t.get_attribute("data-act").as_deref() == Some(act::ANSWER));
            let out = dom::document()
                .and_then(|d| d.get_element_by_id(&[uid.as_str(), "-cverdict"].concat()));
            if let (true, Some(out)) = (answer, out) {
                let words = placement_words(shared.engine(), &answered(&uid, shared.model()));
                out.set_text_content(Some(&words));
            }
        })
    };
    html! {
        <div class="archsim-propose" {onclick} {onchange}>
            { notices_html }
            // Wider than the column, the map scrolls: a Tab stop, so a
            // keyboard can scroll it, and a group a screen reader names.
            <div class="archsim-figure archsim-propose-map" tabindex="0" role="group"
                aria-label="Map of the draft">
                { Html::from_html_unchecked((*shown).clone()) }
            </div>
            { whole_button }
            { forms }
            <div class="archsim-propose-edits">
                { listed.into_html() }
                { act_button(id("undo"), act::UNDO, "Undo", !can_undo, None) }
                {" "}
                { act_button(id("redo"), act::REDO, "Redo", !can_redo, None) }
                {" "}
            </div>
            // The verdict again for screen readers, announced as it changes
            // (the impact's own first line shows it).
            <p class="archsim-propose-verdict archsim-sr" role="status" aria-live="polite">{verdict}</p>
            { after }
        </div>
    }
}
