//! Aligned columns for terminal output.
//!
//! Cells may carry ANSI colour; widths are measured on what the terminal
//! shows. The last cell of a row and the notes under it are wrapped to the
//! table's width, continuing under where they started; the last column is
//! never padded, so lines carry no trailing spaces.

use super::style::{Style, visible_width};
use super::text::wrap;

/// Rows of cells under an optional header.
#[derive(Debug, Default)]
pub struct Table {
    header: Vec<String>,
    rows: Vec<Row>,
    width: Option<usize>,
}

#[derive(Debug)]
struct Row {
    cells: Vec<String>,
    /// Paragraphs printed under the row, starting at the second column.
    notes: Vec<String>,
}

impl Table {
    /// A table with these column headings (upper case reads as a heading
    /// without colour).
    pub fn new(header: &[&str]) -> Table {
        Table {
            header: header.iter().map(|h| h.to_string()).collect(),
            ..Table::default()
        }
    }

    /// Wrap last cells and notes to `width` columns.
    pub fn wrap_at(mut self, width: usize) -> Table {
        self.width = Some(width);
        self
    }

    /// Add a row.
    pub fn row(&mut self, cells: Vec<String>) -> &mut Table {
        self.rows.push(Row {
            cells,
            notes: Vec::new(),
        });
        self
    }

    /// Add a paragraph under the last row (an explanation that would not fit a column).
    pub fn note(&mut self, text: String) -> &mut Table {
        if let Some(row) = self.rows.last_mut() {
            row.notes.push(text);
        }
        self
    }

    /// The table as text, each line starting with `indent` spaces.
    pub fn render(&self, style: Style, indent: usize) -> String {
        let columns = self
            .rows
            .iter()
            .map(|r| r.cells.len())
            .chain([self.header.len()])
            .max()
            .unwrap_or(0);
        let mut widths = vec![0; columns];
        for cells in self.rows.iter().map(|r| &r.cells).chain([&self.header]) {
            let last = cells.len().saturating_sub(1);
            for (i, cell) in cells.iter().enumerate() {
                // A wrapped last cell does not widen its column.
                if i < last || self.width.is_none() || i + 1 < columns {
                    widths[i] = widths[i].max(visible_width(cell));
                }
            }
        }
        let note_at = indent + widths.first().map_or(0, |w| w + 2);
        let mut out = String::new();
        if !self.header.is_empty() {
            let header: Vec<String> = self.header.iter().map(|h| style.bold(h)).collect();
            out.push_str(&self.line(indent, &header, &widths));
        }
        for row in &self.rows {
            out.push_str(&self.line(indent, &row.cells, &widths));
            for note in &row.notes {
                out.push_str(&" ".repeat(note_at));
                out.push_str(&self.fit(note, note_at));
                out.push('\n');
            }
        }
        out
    }

    fn fit(&self, text: &str, at: usize) -> String {
        match self.width {
            Some(width) => wrap(text, width, at),
            None => text.to_owned(),
        }
    }

    fn line(&self, indent: usize, cells: &[String], widths: &[usize]) -> String {
        let mut out = " ".repeat(indent);
        let mut at = indent;
        let last = cells.iter().rposition(|c| !c.is_empty()).unwrap_or(0);
        for (i, cell) in cells.iter().enumerate().take(last + 1) {
            if i < last {
                out.push_str(cell);
                let gap = widths[i].saturating_sub(visible_width(cell)) + 2;
                out.push_str(&" ".repeat(gap));
                at += widths[i] + 2;
            } else {
                out.push_str(&self.fit(cell, at));
            }
        }
        out.push('\n');
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_align_on_visible_width_without_trailing_spaces() {
        let mut table = Table::new(&["ID", "STATE"]);
        table.row(vec!["a".into(), Style { color: true }.bold("x")]);
        table.row(vec!["longer".into(), "y".into()]);
        table.row(vec!["z".into(), String::new()]);
        let text = table.render(Style::plain(), 2);
        assert_eq!(
            text,
            "  ID      STATE\n  a       \u{1b}[1mx\u{1b}[0m\n  longer  y\n  z\n"
        );
    }

    #[test]
    fn emoji_and_cjk_names_keep_the_columns_aligned() {
        let mut table = Table::new(&["ID", "STATE"]);
        table.row(vec!["🚀-edge".into(), "ok".into()]);
        table.row(vec!["東京-db".into(), "down".into()]);
        table.row(vec!["plain".into(), "ok".into()]);
        let text = table.render(Style::plain(), 0);
        assert_eq!(
            text,
            "ID       STATE\n🚀-edge  ok\n東京-db  down\nplain    ok\n"
        );
    }

    #[test]
    fn last_cells_and_notes_wrap_under_where_they_start() {
        let mut table = Table::default().wrap_at(30);
        table.row(vec![
            "id".into(),
            "one two three four five six seven".into(),
        ]);
        table.note("eight nine ten eleven twelve thirteen".into());
        let text = table.render(Style::plain(), 2);
        assert_eq!(
            text,
            "  id  one two three four five\n      six seven\n      eight nine ten eleven\n      twelve thirteen\n"
        );
    }
}
