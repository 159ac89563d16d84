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

/// Links to claims of the book (indices into `index.claims`, in page
/// order), grouped by page: `Failure scenarios: claim 1, claim 4`. Each
/// link is relative to the page at `from`; its title says what the claim
/// checked.
fn claim_links(m: &mut Markup, index: &BookIndex, from: &str, claims: &[usize]) {
    let mut page: Option<&str> = None;
    for &n in claims {
        let claim = &index.claims[n];
        if page == Some(claim.page.as_str()) {
            m.text(", ");
        } else {
            if page.is_some() {
                m.text("; ");
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
