//! The panic hook: a bug shows as a notice in the widget, never as a blank
//! or frozen page.
//!
//! On `wasm32-unknown-unknown` a panic aborts the module (there is no
//! unwinding), so after one the widgets stop responding. The hook runs
//! before the abort: it logs the message to the console, for the bug
//! report, and puts a notice in every mounted widget saying so; the page
//! and its text stay readable.

use std::sync::Once;

use crate::dom;

static INSTALL: Once = Once::new();

/// The notice's words.
pub const CRASH_NOTICE: &str = "This widget stopped after an internal error (the browser \
    console has the details). The rest of the page still works; reload it to start the widget \
    again.";

/// Install the hook (once; later calls do nothing).
#[allow(clippy::disallowed_macros)] // The panic's message for the console: Display only.
pub fn install() {
    INSTALL.call_once(|| {
        yew::set_custom_panic_hook(Box::new(|info| {
            web_sys::console::error_1(&format!("archsim: {info}").into());
            show_crash_notice();
        }));
    });
}

/// Put the crash notice at the top of every mounted widget that lacks one.
///
/// Touches only the DOM, through calls that cannot panic, so it is safe to
/// run inside the panic hook.
pub fn show_crash_notice() {
    let Some(document) = dom::document() else {
        return;
    };
    for widget in dom::all(&document, "[data-archsim-mounted]") {
        if widget
            .query_selector(".archsim-crash")
            .ok()
            .flatten()
            .is_some()
        {
            continue;
        }
        if let Some(notice) = dom::element("p", "archsim-notice archsim-crash", CRASH_NOTICE) {
            let _ = notice.set_attribute("role", "alert");
            let _ = widget.prepend_with_node_1(&notice);
        }
    }
}
