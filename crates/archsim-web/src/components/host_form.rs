//! A host input with suggestions of the zone's hosts (`<datalist>`) and a
//! submit button; used by the route tracer and the DNS lookup.

use yew::prelude::*;

use crate::components::Ctx;
use crate::ids;
use crate::markup::Markup;

/// Props of [`HostForm`].
#[derive(Properties, PartialEq)]
pub struct HostFormProps {
    /// The widget's model, dispatcher and ids.
    pub ctx: Ctx,
    /// The committed value (the input starts from it, and follows it).
    pub value: AttrValue,
    /// The label.
    pub label: AttrValue,
    /// The button's words.
    pub button: AttrValue,
    /// A short id suffix, unique within the widget.
    pub name: AttrValue,
    /// Called with the text when the form is submitted.
    pub onsubmit: Callback<String>,
}

/// The form.
#[component]
pub fn HostForm(props: &HostFormProps) -> Html {
    let ctx = props.ctx.clone();
    let text = use_state(|| props.value.to_string());
    // A new committed value replaces the text in the render that brings
    // it, not in an effect after it: yew may yield between a render and
    // its effects, and a key pressed in between would be overwritten.
    let committed = use_mut_ref(|| props.value.clone());
    let shown = if *committed.borrow() == props.value {
        (*text).clone()
    } else {
        *committed.borrow_mut() = props.value.clone();
        text.set(props.value.to_string());
        props.value.to_string()
    };
    let options = {
        let ctx = ctx.clone();
        use_memo((), move |_| {
            let mut options = Markup::new();
            for h in &ctx.shared.0.hosts {
                options.open("option", &[("value", h)]);
            }
            AttrValue::from(options.into_string())
        })
    };
    let input_id = [ctx.uid.as_str(), "-", &props.name].concat();
    let list_id = ids::id(&input_id, "-hosts");
    let oninput = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                text.set(input.value());
            }
        })
    };
    let onsubmit = {
        let text = text.clone();
        let submit = props.onsubmit.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            submit.emit((*text).clone());
        })
    };
    let options = Html::from_html_unchecked((*options).clone());
    html! {
        <form class="archsim-form" {onsubmit}>
            <label for={input_id.clone()}>{props.label.clone()}</label>
            <input id={input_id} class="archsim-input archsim-host" type="text" list={list_id.clone()}
                value={shown} {oninput} autocomplete="off" spellcheck="false"
                placeholder={ctx.shared.0.hosts.first().cloned().unwrap_or_default()} />
            <datalist id={list_id}>{ options }</datalist>
            <button type="submit" class="archsim-button archsim-primary">{props.button.clone()}</button>
        </form>
    }
}
