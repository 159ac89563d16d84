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

use crate::dom;
use crate::fragment;
use crate::link_target::{Reader, follow};
use crate::shared::Shared;
use crate::state::{Action, WidgetState};
use archsim_view::contract::Kind;

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
    state: Rc<WidgetState>,
    base: Rc<WidgetState>,
    dispatch: Callback<Action>,
) -> AttrValue {
    let text: AttrValue =
        fragment::write(&state.to_fragment(shared.model(), number, kind == Kind::App, &base))
            .into();
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
                    let text = hash.trim_start_matches('#');
                    if *last_written.borrow() == text {
                        return;
                    }
                    let reader = Reader::of(kind, number);
                    let Some(next) = follow(&hash, reader, (*base).clone(), shared.model()) else {
                        return;
                    };
                    *last_written.borrow_mut() = text.to_owned();
                    dispatch.emit(Action::Replace(Box::new(next)));
                })
            });
            move || drop(listener)
        });
    }
    text
}
