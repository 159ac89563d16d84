//! What an answer rests on, as a disclosure: one writer for every answer,
//! in the widgets and their fallbacks alike.

use std::cmp::Ordering;

use super::Markup;
use super::write::path;
use crate::present::{AssumedLine, BasisView, FactLine};

/// The header of a table's column of [`basis`]es.
pub(crate) const RESTS_ON: &str = "Rests on";
/// The heading of the facts.
const FACTS: &str = "Facts of the source document it rests on";
/// The heading of the assumptions.
const ASSUMPTIONS: &str = "Assumptions of the model, beyond the document";
/// Before where an assumption would be settled.
const SETTLED_BY: &str = " Settled by ";
/// The summary of a table's shared list.
const SHARED: &str = "What the answers above rest on";
/// Before a row's assumption numbers.
const SEE_BELOW: &str = "Assumptions (listed under the table): ";
/// Before a row's fact numbers.
const FACT_NUMBERS: &str = "Facts: ";

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
    summary(m, v);
    // A line break between blocks: the book writes its fallback so, and
    // a widget's text must read the same (`words` of the pages test).
    m.raw("</summary>\n");
    facts(m, &v.facts.iter().collect::<Vec<_>>());
    if !checked {
        assumed(m, &v.assumed.iter().collect::<Vec<_>>(), false);
    }
    m.raw("</details>");
}

/// The facts, with their words when the model declares them.
fn facts(m: &mut Markup, facts: &[&FactLine]) {
    m.raw("<p>").text(FACTS);
    count(m, facts.len());
    m.raw("</p>\n<ul class=\"archsim-facts\">\n");
    for f in facts {
        m.raw("<li><strong>");
        super::facts::link(m, &f.id);
        m.raw("</strong>");
        if let Some(says) = &f.says {
            m.text(" ").text(says);
        }
        m.raw("</li>\n");
    }
    m.raw("</ul>\n");
}

/// The assumptions: what each is about, what it says, where it would be
/// settled; numbered when a table's rows refer to them.
fn assumed(m: &mut Markup, list: &[&AssumedLine], numbered: bool) {
    m.raw("<p>").text(ASSUMPTIONS);
    count(m, list.len());
    m.raw(if numbered {
        "</p>\n<ol class=\"archsim-assumed\">\n"
    } else {
        "</p>\n<ul class=\"archsim-assumed\">\n"
    });
    for a in list {
        m.raw("<li>").code(&a.about).text(": ").text(&a.says);
        if let Some(settle) = &a.settle {
            m.raw("<span class=\"archsim-muted\">").text(SETTLED_BY);
            path(m, settle);
            m.text(".").raw("</span>");
        }
        m.raw("</li>\n");
    }
    m.raw(if numbered { "</ol>\n" } else { "</ul>\n" });
}

/// What the answers of one table rest on, each assumption once: a row's
/// disclosure names its facts and the numbers of its assumptions, and
/// [`shared_list`] under the table says each assumption in full.
/// Repeated per row, the words made a page of many tables too heavy.
pub struct Shared<'v> {
    assumed: Vec<&'v AssumedLine>,
}

fn by_words(a: &AssumedLine, b: &AssumedLine) -> Ordering {
    (&a.about, &a.says).cmp(&(&b.about, &b.says))
}

impl<'v> Shared<'v> {
    /// The assumptions of some answers' bases, sorted by what they are
    /// about, each once.
    ///
    /// Complexity: O(n log n) in the lines of every view.
    pub fn new(views: &[&'v BasisView]) -> Shared<'v> {
        let mut assumed: Vec<&AssumedLine> = views.iter().flat_map(|v| &v.assumed).collect();
        archsim_core::order::sort_by(&mut assumed, |a, b| by_words(a, b));
        assumed.dedup_by(|a, b| by_words(a, b) == Ordering::Equal);
        Shared { assumed }
    }

    /// An assumption's number in the list, from 1.
    fn number(&self, a: &AssumedLine) -> usize {
        self.assumed
            .binary_search_by(|x| by_words(x, a))
            .map_or(0, |i| i + 1)
    }
}

/// One row's basis, short: its summary, its facts by number and its
/// assumptions by their number in the table's [`Shared`] list.
///
/// Complexity: O(lines · log shared).
pub fn basis_row(m: &mut Markup, v: &BasisView, shared: &Shared<'_>) {
    summary(m, v);
    m.raw("</summary>\n<p>").text(FACT_NUMBERS);
    let ids: Vec<&str> = v.facts.iter().map(|f| f.id.as_str()).collect();
    m.text(&ids.join(", ")).raw("</p>\n");
    if !v.is_checked() {
        let mut numbers: Vec<usize> = v.assumed.iter().map(|a| shared.number(a)).collect();
        archsim_core::order::sort(&mut numbers);
        m.raw("<p>")
            .text(SEE_BELOW)
            .text(&ranges(&numbers))
            .raw("</p>\n");
    }
    m.raw("</details>");
}

/// The list under a table: every assumption its rows rest on, numbered,
/// once. Nothing when no row rests on one.
pub fn shared_list(m: &mut Markup, shared: &Shared<'_>) {
    // The rows name their facts; the list says the assumptions, the part
    // a reader must judge, once. (Each fact's words again under every
    // table made a page of simulators too heavy.)
    if shared.assumed.is_empty() {
        return;
    }
    m.raw("<details class=\"archsim-basis archsim-basis-shared\"><summary>")
        .text(SHARED)
        .raw("</summary>\n");
    assumed(m, &shared.assumed, true);
    m.raw("</details>\n");
}

/// `1, 3–5, 8`: numbers in order, runs of three or more as ranges.
fn ranges(numbers: &[usize]) -> String {
    let mut out = String::new();
    let mut i = 0;
    while i < numbers.len() {
        let mut j = i;
        while j + 1 < numbers.len() && numbers[j + 1] == numbers[j] + 1 {
            j += 1;
        }
        if !out.is_empty() {
            out.push_str(", ");
        }
        out.push_str(&numbers[i].to_string());
        if j >= i + 2 {
            out.push('–');
            out.push_str(&numbers[j].to_string());
        } else if j == i + 1 {
            out.push_str(", ");
            out.push_str(&numbers[j].to_string());
        }
        i = j + 1;
    }
    out
}

/// The disclosure's opening and its summary's words, left open.
fn summary(m: &mut Markup, v: &BasisView) {
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
}

/// ` (n)`.
fn count(m: &mut Markup, n: usize) {
    m.text(" (").text(&n.to_string()).text(")");
}
