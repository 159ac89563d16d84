//! The panels' answers as markup text.
//!
//! Hop lists, flow tables, verdicts and the map's nodes are written as one
//! HTML string each, with the view crate's [`Markup`] (the writer of the
//! book's static views too), and handed to yew as a single raw node. A
//! `html!` tree costs code for every element it holds, and the answers are
//! most of the elements: as text they cost a few bytes each, which keeps
//! the wasm bundle small. Yew still owns what must survive a re-render
//! (the text inputs, the stepper, the map's viewport); clicks and changes
//! inside the text reach the widget through `data-act` attributes (see
//! [`crate::acts`]). This module adds what only the widgets write.

pub use archsim_view::html::{Markup, NONE, flag};
use yew::{AttrValue, Html};

/// What the widgets add to [`Markup`].
pub trait WidgetMarkup {
    /// A labelled checkbox that speaks through `data-act` (see
    /// [`crate::acts`]): `label`, then `code` in `<code>` unless it is
    /// empty; `data-arg` only when `arg` is not empty.
    fn checkbox(
        &mut self,
        id: &str,
        act: &str,
        arg: &str,
        checked: bool,
        label: &str,
        code: &str,
    ) -> &mut Self;

    /// The string as one raw yew node.
    fn into_html(self) -> Html;
}

impl WidgetMarkup for Markup {
    fn checkbox(
        &mut self,
        id: &str,
        act: &str,
        arg: &str,
        checked: bool,
        label: &str,
        code: &str,
    ) -> &mut Self {
        self.raw("<div class=\"archsim-check\">")
            .open(
                "input",
                &[
                    ("type", "checkbox"),
                    ("id", id),
                    ("data-act", act),
                    if arg.is_empty() {
                        NONE
                    } else {
                        ("data-arg", arg)
                    },
                    flag("checked", checked),
                ],
            )
            .open("label", &[("for", id)])
            .text(label);
        if !code.is_empty() {
            self.raw(" ").code(code);
        }
        self.raw("</label></div>")
    }

    fn into_html(self) -> Html {
        Html::from_html_unchecked(AttrValue::from(self.into_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checkboxes_carry_their_act_and_label() {
        let cases = [
            (
                ("w1-fail-3", "toggle", "3", false, "Redis", "redis"),
                "<div class=\"archsim-check\"><input type=\"checkbox\" id=\"w1-fail-3\" data-act=\"toggle\" data-arg=\"3\"><label for=\"w1-fail-3\">Redis <code>redis</code></label></div>",
            ),
            (
                ("w1-spof", "spof", "", true, "Show <all>", ""),
                "<div class=\"archsim-check\"><input type=\"checkbox\" id=\"w1-spof\" data-act=\"spof\" checked=\"\"><label for=\"w1-spof\">Show &lt;all&gt;</label></div>",
            ),
        ];
        for ((id, act, arg, checked, label, code), want) in cases {
            let mut m = Markup::new();
            m.checkbox(id, act, arg, checked, label, code);
            assert_eq!(m.as_str(), want);
        }
    }
}
