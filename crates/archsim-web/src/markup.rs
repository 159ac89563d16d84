//! Markup written as text.
//!
//! The panels' answers (hop lists, flow tables, verdicts, the map's nodes)
//! are written as one HTML string each and handed to yew as a single raw
//! node. A `html!` tree costs code for every element it holds, and the
//! answers are most of the elements: as text they cost a few bytes each,
//! which keeps the wasm bundle within its budget. Yew still owns what
//! must survive a re-render (the text inputs, the stepper, the map's
//! viewport); clicks and changes inside the text reach the widget through
//! `data-act` attributes (see [`crate::acts`]).
//!
//! Every text and attribute value goes through [`Markup::text`] or
//! [`Markup::open`], which escape it with the static views' escaping
//! (`archsim_view::escape`): model text can never become markup.

use archsim_view::escape::html_into;
use archsim_view::present::{STATES, state_label};
use yew::{AttrValue, Html};

/// An HTML string being written.
#[derive(Debug, Default)]
pub struct Markup {
    out: String,
}

impl Markup {
    /// An empty string.
    pub fn new() -> Markup {
        Markup::default()
    }

    /// `<tag name="value" …>`. A pair whose name is empty is left out, so
    /// optional attributes read `if x { ("name", v) } else { NONE }`.
    pub fn open(&mut self, tag: &str, attrs: &[(&str, &str)]) -> &mut Self {
        self.out.push('<');
        self.out.push_str(tag);
        for (name, value) in attrs {
            if name.is_empty() {
                continue;
            }
            self.out.push(' ');
            self.out.push_str(name);
            self.out.push_str("=\"");
            html_into(&mut self.out, value);
            self.out.push('"');
        }
        self.out.push('>');
        self
    }

    /// `</tag>`.
    pub fn close(&mut self, tag: &str) -> &mut Self {
        self.out.push_str("</");
        self.out.push_str(tag);
        self.out.push('>');
        self
    }

    /// Text, escaped.
    pub fn text(&mut self, text: &str) -> &mut Self {
        html_into(&mut self.out, text);
        self
    }

    /// Markup that is already safe (written by a `Markup`, or a literal).
    pub fn raw(&mut self, markup: &str) -> &mut Self {
        self.out.push_str(markup);
        self
    }

    /// `<tag …>text</tag>`.
    pub fn leaf(&mut self, tag: &str, attrs: &[(&str, &str)], text: &str) -> &mut Self {
        self.open(tag, attrs).text(text).close(tag)
    }

    /// `<code>text</code>`.
    pub fn code(&mut self, text: &str) -> &mut Self {
        self.leaf("code", &[], text)
    }

    /// A flow or hop state as an icon and words, never colour alone.
    pub fn badge(&mut self, state: &str) -> &mut Self {
        let class = if STATES.contains(&state) {
            state
        } else {
            "unknown"
        };
        let (icon, words) = state_label(state);
        self.raw("<span class=\"archsim-state state-")
            .raw(class)
            .raw("\"><span aria-hidden=\"true\">")
            .text(icon)
            .raw("</span> ")
            .text(words)
            .raw("</span>")
    }

    /// A labelled checkbox that speaks through `data-act` (see
    /// [`crate::acts`]): `label`, then `code` in `<code>` unless it is
    /// empty; `data-arg` only when `arg` is not empty.
    pub fn checkbox(
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

    /// What has been written.
    pub fn as_str(&self) -> &str {
        &self.out
    }

    /// The string, as text.
    pub fn into_string(self) -> String {
        self.out
    }

    /// The string as one raw yew node.
    pub fn into_html(self) -> Html {
        Html::from_html_unchecked(AttrValue::from(self.out))
    }
}

/// The attribute pair that [`Markup::open`] leaves out.
pub const NONE: (&str, &str) = ("", "");

/// `("name", "")` when `on`: a boolean attribute such as `checked`.
pub fn flag(name: &'static str, on: bool) -> (&'static str, &'static str) {
    if on { (name, "") } else { NONE }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_escaped_elements() {
        let mut m = Markup::new();
        m.open(
            "a",
            &[
                ("href", "#x\"y"),
                NONE,
                flag("hidden", true),
                flag("open", false),
            ],
        )
        .text("<b> & 'c'")
        .close("a")
        .leaf("p", &[], "plain")
        .code("id");
        assert_eq!(
            m.as_str(),
            "<a href=\"#x&quot;y\" hidden=\"\">&lt;b&gt; &amp; &#39;c&#39;</a><p>plain</p><code>id</code>"
        );
    }

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

    #[test]
    fn badges_say_the_state_in_words() {
        let cases = [
            ("down", "state-down", "✖</span> down"),
            ("at-risk", "state-at-risk", "▲</span> at risk"),
            ("<x>", "state-unknown", "?</span> unknown"),
        ];
        for (state, class, words) in cases {
            let mut m = Markup::new();
            m.badge(state);
            assert!(m.as_str().contains(class), "{}", m.as_str());
            assert!(m.as_str().contains(words), "{}", m.as_str());
            assert!(!m.as_str().contains("<x>"), "{}", m.as_str());
        }
    }
}
