//! What an answer rests on, as a disclosure: one writer for every answer,
//! in the widgets and their fallbacks alike.

use super::Markup;
use super::write::path;
use crate::present::BasisView;

/// The header of a table's column of [`basis`]es.
pub(crate) const RESTS_ON: &str = "Rests on";
/// The heading of the facts.
const FACTS: &str = "Facts of the source document it rests on";
/// The heading of the assumptions.
const ASSUMPTIONS: &str = "Assumptions of the model, beyond the document";
/// Before where an assumption would be settled.
const SETTLED_BY: &str = " Settled by ";

/// A `<details>` whose summary says [`crate::present::CHECKED`] or
/// [`crate::present::ASSUMED`] with the number of assumptions, and which,
/// opened, lists the facts (with their words, when the model declares
/// them) and each assumption: what it is about, what it says, and where
/// it would be settled. Native, so it opens without JavaScript and from
/// the keyboard.
///
/// Complexity: O(facts + assumptions).
pub fn basis(m: &mut Markup, v: &BasisView) {
    let checked = v.is_checked();
    m.raw(if checked {
        "<details class=\"archsim-basis\"><summary><span aria-hidden=\"true\">✓</span> "
    } else {
        "<details class=\"archsim-basis is-assumed\"><summary><span aria-hidden=\"true\">?</span> "
    })
    .text(v.word());
    if !checked {
        count(m, v.assumed.len());
    }
    // A line break between blocks: the book writes its fallback so, and
    // a widget's text must read the same (`words` of the pages test).
    m.raw("</summary>\n<p>").text(FACTS);
    count(m, v.facts.len());
    m.raw("</p>\n<ul class=\"archsim-facts\">\n");
    for f in &v.facts {
        m.raw("<li>").leaf("strong", &[], &f.id);
        if let Some(says) = &f.says {
            m.text(" ").text(says);
        }
        m.raw("</li>\n");
    }
    m.raw("</ul>\n");
    if !checked {
        m.raw("<p>").text(ASSUMPTIONS);
        count(m, v.assumed.len());
        m.raw("</p>\n<ul class=\"archsim-assumed\">\n");
        for a in &v.assumed {
            m.raw("<li>").code(&a.about).text(": ").text(&a.says);
            if let Some(settle) = &a.settle {
                m.raw("<span class=\"archsim-muted\">").text(SETTLED_BY);
                path(m, settle);
                m.text(".").raw("</span>");
            }
            m.raw("</li>\n");
        }
        m.raw("</ul>\n");
    }
    m.raw("</details>");
}

/// ` (n)`.
fn count(m: &mut Markup, n: usize) {
    m.text(" (").text(&n.to_string()).text(")");
}
