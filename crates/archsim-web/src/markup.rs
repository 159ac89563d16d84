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

#[cfg(feature = "export")]
thread_local! {
    /// Where the page's facts link ([`link_facts_to`]).
    static SOURCES: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Link the facts that answers rest on to the book's Sources page at
/// `sources` (relative to the page), as the mount point says
/// (`contract::Request::sources`); `None` leaves them plain ids. Every
/// mount point of a page says the same, so the page keeps one. The
/// widgets' bundle only (`export`): the propose bundle has no bytes to
/// spare, and shows facts as plain ids.
pub fn link_facts_to(sources: Option<&str>) {
    #[cfg(feature = "export")]
    SOURCES.with(|s| *s.borrow_mut() = sources.map(str::to_owned));
    #[cfg(not(feature = "export"))]
    let _ = sources;
}

/// Answer markup with its facts linked where [`link_facts_to`] said.
fn with_fact_links(html: String) -> String {
    #[cfg(feature = "export")]
    if let Some(sources) = SOURCES.with(|s| s.borrow().clone()) {
        return archsim_view::html::facts::resolve(&html, &sources);
    }
    html
}

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
        Html::from_html_unchecked(AttrValue::from(with_fact_links(self.into_string())))
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
