//! A fact's id as a link to its row on the book's Sources page.
//!
//! An answer names the source document's facts it rests on (`F05`). The
//! view writes each as an `<a>` that names the fact's row on the Sources
//! page (`data-fact="fact-f05"`, [`anchor`]) but is no link yet: it knows
//! nothing of where that page is. A shell that shows the answer on a page
//! says where, once, with [`resolve`], which makes each a link: the book
//! for each chapter, the widgets' bundle for its page. Left alone (the
//! propose bundle, which has no bytes to spare), a fact is a plain id.

use super::Markup;

/// What every fact's markup starts with, up to its row's id.
const OPEN: &str = "<a class=\"archsim-fact\" data-fact=\"";

/// The id of a fact's row on the Sources page: `fact-` and the fact's id,
/// ASCII letters and digits in lower case, anything else `-` (`F05` →
/// `fact-f05`).
pub fn anchor(id: &str) -> String {
    let mut out = String::from("fact-");
    for c in id.chars() {
        out.push(if c.is_ascii_alphanumeric() {
            c.to_ascii_lowercase()
        } else {
            '-'
        });
    }
    out
}

/// A fact's id, to be linked to its row by [`resolve`].
pub(crate) fn link(m: &mut Markup, id: &str) {
    m.raw(OPEN)
        .text(&anchor(id))
        .raw("\">")
        .text(id)
        .raw("</a>");
}

/// `html` with each fact a link to its row on the Sources page at
/// `sources`, that page's address relative to the page that shows it
/// (`../sources.html`; `""` on the Sources page itself).
///
/// Complexity: O(html).
pub fn resolve(html: &str, sources: &str) -> String {
    html.replace(
        OPEN,
        &[
            "<a class=\"archsim-fact\" href=\"",
            &crate::escape::html(sources),
            "#",
        ]
        .concat(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_point_where_the_shell_says_the_sources_page_is() {
        let mut m = Markup::new();
        m.text("rests on ");
        link(&mut m, "F05");
        m.text(" and ");
        link(&mut m, "F-3");
        let html = m.into_string();
        // Unresolved: no link (an `<a>` without `href`).
        assert_eq!(
            html,
            "rests on <a class=\"archsim-fact\" data-fact=\"fact-f05\">F05</a> and <a class=\"archsim-fact\" data-fact=\"fact-f-3\">F-3</a>"
        );
        // (where the Sources page is, what the links read)
        let cases = [
            (
                "../sources.html",
                "rests on <a class=\"archsim-fact\" href=\"../sources.html#fact-f05\">F05</a> and <a class=\"archsim-fact\" href=\"../sources.html#fact-f-3\">F-3</a>",
            ),
            (
                "",
                "rests on <a class=\"archsim-fact\" href=\"#fact-f05\">F05</a> and <a class=\"archsim-fact\" href=\"#fact-f-3\">F-3</a>",
            ),
        ];
        for (sources, want) in cases {
            assert_eq!(resolve(&html, sources), want, "{sources:?}");
        }
    }

    #[test]
    fn a_fact_id_from_a_model_stays_text() {
        let mut m = Markup::new();
        link(&mut m, "<b>\"x\"</b>");
        let html = resolve(&m.into_string(), "a\"b");
        assert!(!html.contains("<b>") && !html.contains("a\"b"), "{html}");
    }
}
