//! Helpers for the browser tests: build a mount point, wait for yew to
//! render, read and drive the DOM.

#![allow(dead_code)]

use std::time::Duration;

use archsim_web::mount::Mounted;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// The document.
pub fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh mount point with these attributes and a fallback, in the body.
pub fn mount_point(attrs: &[(&str, &str)]) -> Element {
    let div = document().create_element("div").unwrap();
    div.set_class_name("archsim");
    for (name, value) in attrs {
        div.set_attribute(name, value).unwrap();
    }
    div.set_inner_html(r#"<div class="archsim-fallback"><p>static view</p></div>"#);
    document().body().unwrap().append_child(&div).unwrap();
    div
}

/// Mount a widget with these attributes and wait until it has rendered.
pub async fn widget(attrs: &[(&str, &str)]) -> Element {
    let div = mount_point(attrs);
    assert_eq!(archsim_web::mount(&div), Mounted::Started);
    until(&div, rendered).await;
    div
}

/// Whether the widget in mount point `div` has rendered: its live section
/// is in, and (after its first render's effect) its fallback out.
pub fn rendered(div: &Element) -> bool {
    div.query_selector(".archsim-live").unwrap().is_some()
        && div
            .query_selector(":scope > .archsim-fallback")
            .unwrap()
            .is_none()
}

/// Let yew run its scheduled renders (and debounced effects) until `done`
/// holds; gives up after a bounded number of turns of the event loop.
pub async fn until(root: &Element, done: impl Fn(&Element) -> bool) {
    for _ in 0..300 {
        // Judge settled pages only: yew's scheduler yields to the browser
        // after 16 ms of work, and a render's effects (which may change
        // the state again) would otherwise land in the test's next step.
        yew::scheduler::flush().await;
        // A panic does not fail the test that caused it (the hook turns it
        // into this notice, and the module carries on): look for it.
        if let Some(crash) = root.query_selector(".archsim-crash").unwrap() {
            panic!(
                "the widget crashed: the console has the panic\n{}",
                crash.text_content().unwrap_or_default()
            );
        }
        if done(root) {
            return;
        }
        yew::platform::time::sleep(Duration::from_millis(10)).await;
    }
    panic!(
        "the widget never reached the expected state:\n{}",
        root.inner_html()
    );
}

/// The browser's next animation frame. IntersectionObserver reports
/// what each frame laid out, so after two frames (and a turn) every
/// observer has reported the layout of the first.
pub async fn frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .request_animation_frame(&resolve)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Let yew finish the renders that follow an event: every render it has
/// scheduled, also when its scheduler yields to the browser midway (it
/// does after 16 ms of work, which a loaded machine reaches).
pub async fn tick() {
    yew::scheduler::flush().await;
}

/// The first element matching `selector` under `root`.
pub fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no `{selector}` in:\n{}", root.inner_html()))
}

/// The text of every element matching `selector`, trimmed.
pub fn texts(root: &Element, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.text_content().unwrap_or_default().trim().to_owned())
        .collect()
}

/// Click an element (HTML, or SVG through a dispatched event).
pub fn click(element: &Element) {
    if let Some(html) = element.dyn_ref::<HtmlElement>() {
        html.click();
    } else {
        mouse(element, "click");
    }
}

/// Dispatch a bubbling mouse event (`mouseover`, `click`, …) on an element.
pub fn mouse(element: &Element, kind: &str) {
    let init = web_sys::MouseEventInit::new();
    init.set_bubbles(true);
    let event = web_sys::MouseEvent::new_with_mouse_event_init_dict(kind, &init).unwrap();
    element.dispatch_event(&event).unwrap();
}

/// Dispatch a bubbling touch pointer event (`pointerdown`, `pointermove`,
/// `pointerup`) of finger `id` at client point `at`.
pub fn finger(element: &Element, kind: &str, id: i32, at: (f64, f64)) {
    let init = web_sys::PointerEventInit::new();
    init.set_pointer_id(id);
    init.set_pointer_type("touch");
    init.set_is_primary(id == 1);
    init.set_client_x(at.0 as i32);
    init.set_client_y(at.1 as i32);
    init.set_bubbles(true);
    let event = web_sys::PointerEvent::new_with_event_init_dict(kind, &init).unwrap();
    element.dispatch_event(&event).unwrap();
}

/// Press a key on an element.
pub fn key(element: &Element, key: &str) {
    keydown(element, key, false);
}

/// Dispatch a bubbling, cancelable `keydown` (as a reader's is).
fn keydown(element: &Element, key: &str, shift: bool) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_shift_key(shift);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    element.dispatch_event(&event).unwrap();
}

/// Press Tab on the focused element (Shift+Tab with `back`). A synthetic
/// event moves no focus: only what a handler does with it shows.
pub fn tab(back: bool) {
    if let Some(active) = document().active_element() {
        keydown(&active, "Tab", back);
    }
}

/// Set the URL fragment without a navigation.
pub fn set_hash(fragment: &str) {
    let window = web_sys::window().unwrap();
    let path = window.location().pathname().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}{fragment}")),
        )
        .unwrap();
}

/// The URL fragment.
pub fn hash() -> String {
    web_sys::window().unwrap().location().hash().unwrap()
}

/// The `class` attribute (SVG elements have no string `className`).
pub fn class_of(element: &Element) -> String {
    element.get_attribute("class").unwrap_or_default()
}
