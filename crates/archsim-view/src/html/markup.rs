//! Markup written as text: the one HTML writer of the static views and
//! the widgets.
//!
//! The book's fallbacks and the browser's panels write the same answers
//! with it, so they cannot drift apart. It is small on purpose: a few
//! calls that append to one `String`, no `format!` machinery, because
//! every byte of its code is in the widgets' wasm bundle too.
//!
//! Every text and attribute value goes through [`Markup::text`] or
//! [`Markup::open`], which escape it ([`crate::escape`]): model text can
//! never become markup.

use archsim_core::RouteVerdict;

use crate::escape::html_into;

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

    /// A flow or hop state, or a route's verdict, as an icon and words,
    /// never colour alone; its class names it (`state-at-risk`).
    pub fn badge(&mut self, state: impl Into<RouteVerdict>) -> &mut Self {
        self.verdict_badge(state.into())
    }

    fn verdict_badge(&mut self, verdict: RouteVerdict) -> &mut Self {
        self.raw("<span class=\"archsim-state state-")
            .raw(verdict.as_str())
            .raw("\"><span aria-hidden=\"true\">")
            .text(verdict.icon())
            .raw("</span> ")
            .text(verdict.word())
            .raw("</span>")
    }

    /// What has been written.
    pub fn as_str(&self) -> &str {
        &self.out
    }

    /// The string, as text.
    pub fn into_string(self) -> String {
        self.out
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
    fn badges_say_the_state_in_words() {
        use archsim_core::State;
        let cases = [
            (
                RouteVerdict::Resolves(State::Down),
                "state-down",
                "✖</span> down",
            ),
            (
                RouteVerdict::Resolves(State::AtRisk),
                "state-at-risk",
                "▲</span> at risk",
            ),
            (
                RouteVerdict::NoRecord,
                "state-no-record",
                "∅</span> no record",
            ),
        ];
        for (verdict, class, words) in cases {
            let mut m = Markup::new();
            m.badge(verdict);
            assert!(m.as_str().contains(class), "{}", m.as_str());
            assert!(m.as_str().contains(words), "{}", m.as_str());
        }
        let mut m = Markup::new();
        m.badge(State::Degraded);
        assert_eq!(
            m.as_str(),
            "<span class=\"archsim-state state-degraded\"><span aria-hidden=\"true\">◐</span> degraded</span>"
        );
    }
}
