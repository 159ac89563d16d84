//! Keeping the URL fragment and a widget's state in step.
//!
//! Once the reader changes something, the fragment follows the state
//! (debounced, with `history.replaceState`: no history entry per drag, no
//! scroll), so the address bar is always a link to what is on screen. A
//! fragment opened later in the same tab (`hashchange`) replaces the state,
//! when it is for this widget. Until the reader acts, the fragment is left
//! alone: on a book page it may be a heading's anchor.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use yew::prelude::*;

use crate::config::Kind;
use crate::dom;
use crate::fragment::{self, Parsed};
use crate::shared::Shared;
use crate::state::{Action, State};

/// How long the fragment waits for the state to settle.
const DEBOUNCE_MS: u32 = 250;

/// Sync the fragment with `state`.
///
/// Arguments: the model, the widget's kind and number (`None` for the full
/// page), its current state, the state it started from without a link
/// (`base`, what a new link applies over), and its dispatcher.
/// Returns: the fragment (without `#`) that reproduces the current state.
#[hook]
pub fn use_link(
    shared: &Shared,
    kind: Kind,
    number: Option<u32>,
    state: Rc<State>,
    base: Rc<State>,
    dispatch: Callback<Action>,
) -> AttrValue {
    let text: AttrValue =
        fragment::write(&state.to_fragment(shared.model(), number, kind == Kind::App)).into();
    let first = use_memo((), {
        let text = text.clone();
        move |_| text
    });
    let last_written = use_mut_ref(|| (*first).to_string());
    {
        let last_written = last_written.clone();
        use_effect_with(text.clone(), move |text| {
            let text = text.to_string();
            let changed = *last_written.borrow() != text;
            let timer = changed.then(|| {
                Timeout::new(DEBOUNCE_MS, move || {
                    dom::replace_hash(&text);
                    *last_written.borrow_mut() = text;
                })
            });
            move || drop(timer)
        });
    }
    {
        let shared = shared.clone();
        let last_written: Rc<RefCell<String>> = last_written.clone();
        use_effect_with((), move |_| {
            let listener = dom::window().map(|window| {
                EventListener::new(&window, "hashchange", move |_| {
                    let hash = dom::hash();
                    let Parsed::Current { fragment, problems } = fragment::parse(&hash) else {
                        return;
                    };
                    let mine = if kind == Kind::App {
                        fragment.widget.is_none()
                    } else {
                        fragment.widget.is_some() && fragment.widget == number
                    };
                    if !mine || *last_written.borrow() == hash.trim_start_matches('#') {
                        return;
                    }
                    *last_written.borrow_mut() = hash.trim_start_matches('#').to_owned();
                    let mut next = (*base).clone().with_fragment(shared.model(), &fragment);
                    next.notices
                        .extend(problems.into_iter().map(|p| format!("link: {p}")));
                    dispatch.emit(Action::Replace(Box::new(next)));
                })
            });
            move || drop(listener)
        });
    }
    text
}
