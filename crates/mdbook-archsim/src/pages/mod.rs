//! The book's generated pages: `{{#archsim assumptions}}` and
//! `{{#archsim sources}}`, each a table of the whole model with links to
//! the claims of the book that rest on each row.

pub mod assumptions;
mod entries;
pub mod sources;

use archsim_view::html::Markup;

use crate::index::{BookIndex, href};

/// The page kinds, and what each lists.
pub const PAGES: &[&str] = &["assumptions", "sources"];

/// A table with a caption and column headers, each data cell labelled with
/// its column (`data-label`), as the view crate writes its tables: the
/// book's stylesheet shows each row as a card on a narrow screen.
struct Table<'h> {
    headers: &'h [&'h str],
    col: usize,
}

impl<'h> Table<'h> {
    fn open(m: &mut Markup, class: &str, caption: &str, headers: &'h [&'h str]) -> Table<'h> {
        m.raw("<table class=\"archsim archsim-table ")
            .text(class)
            .raw("\">")
            .leaf("caption", &[], caption)
            .raw("<thead><tr>");
        for h in headers {
            m.leaf("th", &[("scope", "col")], h);
        }
        m.raw("</tr></thead><tbody>\n");
        Table { headers, col: 0 }
    }

    /// `<tr …>`, and the row's header cell opened.
    fn row(&mut self, m: &mut Markup, attrs: &[(&str, &str)]) {
        m.open("tr", attrs).raw("<th scope=\"row\">");
        self.col = 0;
    }

    /// Close the open cell and open the next column's.
    fn cell(&mut self, m: &mut Markup) {
        self.end_cell(m);
        self.col += 1;
        let label = self.headers.get(self.col).copied().unwrap_or_default();
        m.open("td", &[("data-label", label)]);
    }

    fn end_row(&mut self, m: &mut Markup) {
        self.end_cell(m);
        m.raw("</tr>\n");
    }

    fn end_cell(&self, m: &mut Markup) {
        m.raw(if self.col == 0 { "</th>" } else { "</td>" });
    }

    fn close(self, m: &mut Markup) {
        m.raw("</tbody></table>\n");
    }
}

/// The most items a cell shows unfolded: past it, a cell's lists fold
/// into a `<details>` whose summary counts them, so a row stays shorter
/// than a phone's screen (where each row is a card).
pub const MAX_UNFOLDED: usize = 4;

/// Lists in a cell, unfolded when they hold at most [`MAX_UNFOLDED`]
/// items in all, else folded under `summary` (keyboard reachable: the
/// summary takes the focus and opens with Enter or Space).
fn folded(m: &mut Markup, items: usize, summary: &str, write: impl FnOnce(&mut Markup)) {
    if items <= MAX_UNFOLDED {
        write(m);
        return;
    }
    m.raw("<details><summary>").text(summary).raw("</summary>");
    write(m);
    m.raw("</details>");
}

/// `n thing` or `n things`.
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Ids, labels or paths in code, comma-separated, free to wrap after each
/// `/` and `.` (`<wbr>`): unbroken, a long path or host widens its column
/// past the text column.
fn codes(m: &mut Markup, items: &[impl AsRef<str>]) {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            m.text(", ");
        }
        code(m, item.as_ref());
    }
}

/// One id, label or path in code, free to wrap after `/` and `.`.
fn code(m: &mut Markup, text: &str) {
    m.raw("<code>");
    for (i, part) in text.split_inclusive(['/', '.']).enumerate() {
        if i > 0 {
            m.raw("<wbr>");
        }
        m.text(part);
    }
    m.raw("</code>");
}

/// Links to claims of the book (indices into `index.claims`, in page
/// order), one line per page: `Failure scenarios: claim 1, claim 4`.
/// Each link is relative to the page at `from`; its title says what the
/// claim checked.
fn claim_links(m: &mut Markup, index: &BookIndex, from: &str, claims: &[usize]) {
    let mut page: Option<&str> = None;
    for &n in claims {
        let claim = &index.claims[n];
        if page == Some(claim.page.as_str()) {
            m.text(", ");
        } else {
            if page.is_some() {
                m.raw("<br>");
            }
            m.text(&claim.title).text(": ");
            page = Some(&claim.page);
        }
        let mut target = href(from, &claim.page);
        target.push('#');
        target.push_str(&claim.anchor);
        m.open("a", &[("href", &target), ("title", &claim.says)])
            .text("claim ")
            .text(&claim.number.to_string())
            .close("a");
    }
}

#[cfg(test)]
mod tests {
    use super::{MAX_UNFOLDED, code, folded};
    use archsim_view::html::Markup;

    #[test]
    fn long_lists_fold_under_their_count() {
        // (items, folded?)
        let cases = [
            (0, false),
            (1, false),
            (MAX_UNFOLDED, false),
            (MAX_UNFOLDED + 1, true),
        ];
        for (items, fold) in cases {
            let mut m = Markup::new();
            folded(&mut m, items, "n things", |m| {
                m.text("list");
            });
            let expected = if fold {
                "<details><summary>n things</summary>list</details>"
            } else {
                "list"
            };
            assert_eq!(m.as_str(), expected, "{items} items");
        }
    }

    #[test]
    fn codes_wrap_after_slashes_and_dots_and_stay_text() {
        let cases = [
            (
                "k8s/envs/a.yaml",
                "<code>k8s/<wbr>envs/<wbr>a.<wbr>yaml</code>",
            ),
            ("gke", "<code>gke</code>"),
            ("a → b", "<code>a → b</code>"),
            ("<b>{{", "<code>&lt;b&gt;&#123;&#123;</code>"),
        ];
        for (text, expected) in cases {
            let mut m = Markup::new();
            code(&mut m, text);
            assert_eq!(m.as_str(), expected, "{text}");
        }
    }
}
