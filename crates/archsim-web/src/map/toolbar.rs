//! The map's toolbar (zoom, "Show everything" and pan buttons, and the switch between
//! failing and selecting on click), written as text: its buttons are
//! handled by one listener on the toolbar, by their `data-map`.

use crate::acts::verb;
use crate::ids;
use crate::markup::{Markup, flag};

/// The toolbar's buttons and the click-mode switch, as text.
pub fn toolbar_markup(uid: &str, mode_switch: bool, clicks_fail: bool) -> String {
    let mut m = Markup::new();
    let buttons = [
        ("in", "Zoom in", "Zoom in (+)", "+"),
        ("out", "Zoom out", "Zoom out (−)", "−"),
        (
            "fit",
            "Show everything",
            "Show everything (0)",
            "Show everything",
        ),
    ];
    let pans = [
        ("left", "Pan left", "", "←"),
        ("up", "Pan up", "", "↑"),
        ("down", "Pan down", "", "↓"),
        ("right", "Pan right", "", "→"),
    ];
    for group in [&buttons[..], &pans[..]] {
        m.raw("<span class=\"archsim-button-group\">");
        for (what, label, title, text) in group {
            m.leaf(
                "button",
                &[
                    ("type", "button"),
                    ("class", "archsim-button"),
                    ("data-map", what),
                    ("aria-label", label),
                    if title.is_empty() {
                        ("", "")
                    } else {
                        ("title", title)
                    },
                ],
                text,
            );
        }
        m.raw("</span>");
    }
    if mode_switch {
        let name = ids::id(uid, "-mode");
        m.raw("<fieldset class=\"archsim-mode\"><legend>Clicking a component</legend>");
        for (arg, on, words) in [
            ("1", clicks_fail, " fails or restores it"),
            ("0", !clicks_fail, " shows its details"),
        ] {
            m.raw("<label>")
                .open(
                    "input",
                    &[
                        ("type", "radio"),
                        ("id", &[name.as_str(), "-", arg].concat()),
                        ("name", &name),
                        ("data-act", verb::CLICKS_FAIL),
                        ("data-arg", arg),
                        flag("checked", on),
                    ],
                )
                .text(words)
                .raw("</label>");
        }
        m.raw("</fieldset>");
    }
    m.into_string()
}
