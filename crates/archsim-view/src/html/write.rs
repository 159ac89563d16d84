//! Small writers shared by the HTML views: escaped text, code, tables.

use std::fmt::Write;

use crate::escape::html as esc;
use crate::present::{STATES, state_label};

/// A state as a badge: icon and words, coloured by class (never by colour
/// alone). Unknown names show as `? unknown`.
pub fn state_badge(state: &str) -> String {
    let class = if STATES.contains(&state) {
        state
    } else {
        "unknown"
    };
    let (icon, words) = state_label(state);
    format!(r#"<span class="archsim-state state-{class}">{icon} {words}</span>"#)
}

/// `<code>` around escaped text.
pub(crate) fn code(text: &str) -> String {
    format!("<code>{}</code>", esc(text))
}

/// A component's name with its id underneath in code, for a table cell.
pub(crate) fn named(name: &str, id: &str) -> String {
    if name == id {
        code(id)
    } else {
        format!("{}<br>{}", esc(name), code(id))
    }
}

/// A table being written: it knows its column headers, so that every data
/// cell can carry its column's name (`data-label`). On a narrow screen the
/// stylesheet lays each row out as a card and shows that name before the
/// cell, since the header row is then out of sight.
pub(crate) struct Table<'h> {
    headers: &'h [&'h str],
}

/// Start a table: class, caption and column headers.
pub(crate) fn open_table<'h>(
    out: &mut String,
    class: &str,
    caption: &str,
    headers: &'h [&'h str],
) -> Table<'h> {
    let _ = write!(
        out,
        r#"<table class="archsim archsim-table {class}"><caption>{}</caption><thead><tr>"#,
        esc(caption)
    );
    for h in headers {
        let _ = write!(out, r#"<th scope="col">{}</th>"#, esc(h));
    }
    out.push_str("</tr></thead><tbody>\n");
    Table { headers }
}

impl Table<'_> {
    /// A row: the first cell is the row's header; cells are HTML already.
    pub(crate) fn row(&self, out: &mut String, attributes: &str, cells: &[String]) {
        let _ = write!(out, "<tr{attributes}>");
        for (i, cell) in cells.iter().enumerate() {
            if i == 0 {
                let _ = write!(out, r#"<th scope="row">{cell}</th>"#);
            } else {
                let label = self.headers.get(i).copied().unwrap_or_default();
                let _ = write!(out, r#"<td data-label="{}">{cell}</td>"#, esc(label));
            }
        }
        out.push_str("</tr>\n");
    }

    /// End the table.
    pub(crate) fn close(self, out: &mut String) {
        out.push_str("</tbody></table>\n");
    }
}

/// Escaped items joined by `sep` (which is HTML already).
pub(crate) fn join_escaped<S: AsRef<str>>(items: &[S], sep: &str) -> String {
    items
        .iter()
        .map(|s| esc(s.as_ref()))
        .collect::<Vec<_>>()
        .join(sep)
}

/// Code items joined with commas, or an em dash for none.
pub(crate) fn codes<S: AsRef<str>>(items: &[S]) -> String {
    if items.is_empty() {
        return "—".to_owned();
    }
    items
        .iter()
        .map(|s| code(s.as_ref()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Assumptions as a collapsed list: what, then the assumption.
pub(crate) fn assumptions(out: &mut String, items: &[(String, String)]) {
    if items.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "<details class=\"archsim-assumptions\"><summary>Assumptions this answer leans on ({})</summary><dl>",
        items.len()
    );
    for (what, text) in items {
        let _ = writeln!(out, "<dt>{}</dt><dd>{}</dd>", code(what), esc(text));
    }
    out.push_str("</dl></details>\n");
}
