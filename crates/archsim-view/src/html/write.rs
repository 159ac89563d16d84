//! Small writers shared by the HTML views: names, ids, paths, tables.

use super::Markup;

/// A name with its id underneath in code, or only the id in code when the
/// two are the same.
pub(crate) fn named(m: &mut Markup, name: &str, id: &str) {
    if name != id {
        m.text(name).raw("<br>");
    }
    m.code(id);
}

/// A flow's name, with its id in code underneath when the two differ.
pub(crate) fn flow_name(m: &mut Markup, name: &str, id: &str) {
    m.text(name);
    if name != id {
        m.raw("<br>").code(id);
    }
}

/// Text in code, or a dash for none.
pub(crate) fn code_or_dash(m: &mut Markup, text: Option<&str>) {
    match text {
        Some(text) => m.code(text),
        None => m.text("—"),
    };
}

/// A file path or a host in code, free to wrap after each `/` and `.`
/// (`<wbr>`): unbroken, a path as long as `k8s/envs/dev/sys/…` widens its
/// table column until the table spills out of the text column.
pub(crate) fn path(m: &mut Markup, text: &str) {
    m.raw("<code>");
    for (i, part) in text.split_inclusive(['/', '.']).enumerate() {
        if i > 0 {
            m.raw("<wbr>");
        }
        m.text(part);
    }
    m.raw("</code>");
}

/// Ids in code, joined with commas, or an em dash for none.
pub(crate) fn codes(m: &mut Markup, items: &[String]) {
    list(m, items, |m, id| {
        m.code(id);
    });
}

/// File paths in code ([`path`]), joined with commas, or an em dash for
/// none.
pub(crate) fn paths(m: &mut Markup, items: &[String]) {
    list(m, items, path);
}

fn list(m: &mut Markup, items: &[String], write: impl Fn(&mut Markup, &str)) {
    if items.is_empty() {
        m.text("—");
    }
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            m.raw(", ");
        }
        write(m, item);
    }
}

/// A table being written into a [`Markup`]: it knows its column headers,
/// so that every data cell carries its column's name (`data-label`). On a
/// narrow screen the stylesheet lays each row out as a card and shows that
/// name before the cell, since the header row is then out of sight.
///
/// A row is [`Table::row`] (which opens the row's header cell), its
/// header's content, then [`Table::cell`] and content for each further
/// column, then [`Table::end_row`].
pub(crate) struct Table<'h> {
    headers: &'h [&'h str],
    /// The column of the cell open in the current row.
    col: usize,
}

impl<'h> Table<'h> {
    /// Start a table: class, caption and column headers.
    pub(crate) fn open(m: &mut Markup, class: &str, caption: &str, headers: &'h [&'h str]) -> Self {
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
    pub(crate) fn row(&mut self, m: &mut Markup, attrs: &[(&str, &str)]) {
        m.open("tr", attrs).raw("<th scope=\"row\">");
        self.col = 0;
    }

    /// Closes the open cell and opens the next column's, labelled.
    pub(crate) fn cell(&mut self, m: &mut Markup) {
        self.end_cell(m);
        self.col += 1;
        let label = self.headers.get(self.col).copied().unwrap_or_default();
        m.open("td", &[("data-label", label)]);
    }

    /// Closes the open cell and the row.
    pub(crate) fn end_row(&mut self, m: &mut Markup) {
        self.end_cell(m);
        m.raw("</tr>\n");
    }

    fn end_cell(&self, m: &mut Markup) {
        m.raw(if self.col == 0 { "</th>" } else { "</td>" });
    }

    /// End the table.
    pub(crate) fn close(self, m: &mut Markup) {
        m.raw("</tbody></table>\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_may_wrap_after_slashes_and_dots() {
        let cases = [
            (
                "k8s/envs/values.yaml",
                "<code>k8s/<wbr>envs/<wbr>values.<wbr>yaml</code>",
            ),
            ("app.tomoda.life", "<code>app.<wbr>tomoda.<wbr>life</code>"),
            ("gke", "<code>gke</code>"),
            ("a/<b>", "<code>a/<wbr>&lt;b&gt;</code>"),
            ("", "<code></code>"),
        ];
        for (text, want) in cases {
            let mut m = Markup::new();
            path(&mut m, text);
            assert_eq!(m.as_str(), want, "{text}");
        }
    }
}
