//! Small, panic-free accessors for the page: the document, the URL
//! fragment, the clipboard.
//!
//! Every function returns an `Option` or does nothing when the browser
//! lacks what it needs, so a missing API degrades a feature rather than
//! stopping a widget.

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Window};

/// The window, if there is one.
pub fn window() -> Option<Window> {
    web_sys::window()
}

/// The window's inner size in CSS pixels (reading it lays nothing out).
pub fn window_size() -> Option<(f64, f64)> {
    let w = window()?;
    Some((
        w.inner_width().ok()?.as_f64()?,
        w.inner_height().ok()?.as_f64()?,
    ))
}

/// Run `f` in a task of its own, after what the browser has queued.
pub fn next_task(f: impl FnOnce() + 'static) {
    gloo_timers::callback::Timeout::new(0, f).forget();
}

/// Run `f` when the browser next lays out and paints the page, just
/// before it does: reading a size there costs no layout of its own, and
/// what `f` changes is in that paint. Nothing happens without a window.
pub fn before_next_paint(f: impl FnOnce() + 'static) {
    if let Some(window) = window() {
        let f = wasm_bindgen::closure::Closure::once_into_js(f);
        let _ = window.request_animation_frame(f.unchecked_ref());
    }
}

/// The document, if there is one.
pub fn document() -> Option<Document> {
    window()?.document()
}

/// The URL fragment, with its `#` (empty when there is none).
pub fn hash() -> String {
    window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Replace the URL fragment without adding a history entry or scrolling.
pub fn replace_hash(fragment: &str) {
    let Some(window) = window() else { return };
    let Ok(history) = window.history() else {
        return;
    };
    let location = window.location();
    let (Ok(path), Ok(search)) = (location.pathname(), location.search()) else {
        return;
    };
    let url = [&path, &search, "#", fragment].concat();
    let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
}

/// The page's address with this fragment, for a link to copy.
pub fn link_with(fragment: &str) -> String {
    let Some(window) = window() else {
        return ["#", fragment].concat();
    };
    let href = window.location().href().unwrap_or_default();
    let base = href.split('#').next().unwrap_or_default();
    [base, "#", fragment].concat()
}

/// The element with this `id` inside `root`, if there is one.
pub fn by_id_in(root: &Element, id: &str) -> Option<Element> {
    root.query_selector(&["#", id].concat()).ok().flatten()
}

/// Every element matching `selector`, in document order.
pub fn all(root: &impl AsRef<web_sys::Node>, selector: &str) -> Vec<Element> {
    let node: &web_sys::Node = root.as_ref();
    let list = if let Some(doc) = node.dyn_ref::<Document>() {
        doc.query_selector_all(selector).ok()
    } else if let Some(el) = node.dyn_ref::<Element>() {
        el.query_selector_all(selector).ok()
    } else {
        None
    };
    let Some(list) = list else { return Vec::new() };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .collect()
}

/// A new element of `tag` with `class` and text.
pub fn element(tag: &str, class: &str, text: &str) -> Option<Element> {
    let el = document()?.create_element(tag).ok()?;
    el.set_class_name(class);
    el.set_text_content(Some(text));
    Some(el)
}

/// Put `text` on the clipboard; `false` when the browser refuses (then the
/// reader copies the text by hand: it is on the page).
pub fn copy(text: &str) -> bool {
    let Some(window) = window() else { return false };
    let clipboard = window.navigator().clipboard();
    let _ = clipboard.write_text(text);
    true
}

/// Tick or untick the checkbox with this id inside `root`, if there is
/// one and it differs. (Inside `root`: a widget renders before it is in
/// the page, `crate::steps`.)
pub fn set_checked(root: &Element, id: &str, on: bool) {
    if let Some(input) =
        by_id_in(root, id).and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        && input.checked() != on
    {
        input.set_checked(on);
    }
}

/// Move keyboard focus to `element` (HTML or SVG).
pub fn focus(element: &Element) {
    if let Ok(f) = js_sys::Reflect::get(element, &"focus".into())
        && let Some(f) = f.dyn_ref::<js_sys::Function>()
    {
        let _ = f.call0(element);
    }
}

/// What Tab should focus instead of leaving `within` (its last focusable
/// element forwards, its first backwards), or `None` when the focus is not
/// at that edge and Tab can take its course.
pub fn wrap_focus(within: &Element, backwards: bool) -> Option<Element> {
    let focusable = all(
        within,
        "button:not([disabled]), input:not([disabled]), select:not([disabled]), a[href], [tabindex=\"0\"]",
    );
    let (first, last) = (focusable.first()?, focusable.last()?);
    let active = document()?.active_element()?;
    match (backwards, &active) {
        (false, a) if a == last => Some(first.clone()),
        (true, a) if a == first => Some(last.clone()),
        _ => None,
    }
}
