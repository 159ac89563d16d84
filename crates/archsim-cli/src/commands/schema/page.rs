//! The model-file reference page (`book/src/reference/model-file.md`) read
//! as data: it is the one place a key's type, whether it is required and
//! what it means are written, so the schema takes them from it.
//!
//! What is read: each `## ` heading names its tables (`` `[[component]]` ``;
//! a heading naming two tables owns two key tables, in order); a key table
//! is a Markdown table whose first header cell ends in "key" (or is
//! "Table": the file's own keys, its tables); its rows are
//! `` | `KEY` | TYPE | REQUIRED | MEANING | ``. The paragraph between a
//! heading and its first table describes the table. A row with no meaning
//! takes the convention bullet of its key (`  - **facts**: …`).

/// The reference page, built into the binary.
pub const PAGE: &str = include_str!("../../../../../book/src/reference/model-file.md");

/// One row of a key table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The table's path (`component`, `placement.rule`).
    pub table: String,
    /// The key.
    pub key: String,
    /// The Type cell, as written (`bool`, `component id`, `list of hosts`).
    pub kind: String,
    /// The Required cell, as written (`yes`, `no (default `false`)`).
    pub required: String,
    /// What the key means: its Meaning cell, or its convention bullet.
    pub meaning: String,
}

/// What the page says about the model file's tables.
#[derive(Debug, Default)]
pub struct Page {
    /// Every key row, in page order.
    pub rows: Vec<Row>,
    /// Each table's description: the paragraph after its heading.
    pub about: Vec<(String, String)>,
}

impl Page {
    /// The row of `key` in `table`.
    pub fn row(&self, table: &str, key: &str) -> Option<&Row> {
        self.rows.iter().find(|r| r.table == table && r.key == key)
    }

    /// The description of `table`, if the page has one.
    pub fn about(&self, table: &str) -> Option<&str> {
        self.about
            .iter()
            .find(|(t, _)| t == table)
            .map(|(_, text)| text.as_str())
    }
}

/// Read the page.
pub fn read(page: &str) -> Page {
    let bullets = bullets(page);
    let mut out = Page::default();
    let mut names: Vec<String> = Vec::new();
    let mut tables_seen = 0;
    let mut current: Option<String> = None;
    let mut paragraph: Option<String> = None;
    for line in page.lines() {
        if let Some(heading) = line.strip_prefix("## ") {
            names = table_names(heading);
            tables_seen = 0;
            current = None;
            paragraph = Some(String::new());
            continue;
        }
        let Some(cells) = cells(line) else {
            current = None;
            match paragraph.as_mut() {
                Some(text) if !line.trim().is_empty() => {
                    if !text.is_empty() {
                        text.push(' ');
                    }
                    text.push_str(line.trim());
                }
                Some(text) if !text.is_empty() => {
                    // The paragraph ended before any table: it describes
                    // every table the heading names.
                    for name in &names {
                        out.about.push((name.clone(), text.clone()));
                    }
                    paragraph = None;
                }
                _ => {}
            }
            continue;
        };
        paragraph = None;
        let Some(first) = cells.first() else {
            continue;
        };
        if *first == "Table" {
            current = Some(String::new());
            continue;
        }
        if first.to_ascii_lowercase().ends_with("key") {
            current = names.get(tables_seen).cloned();
            tables_seen += 1;
            continue;
        }
        let (Some(table), [key, kind, required, meaning]) = (&current, cells.as_slice()) else {
            continue;
        };
        let Some(key) = key.strip_prefix('`').and_then(|k| k.strip_suffix('`')) else {
            continue;
        };
        let meaning = if meaning.is_empty() {
            bullets
                .iter()
                .find(|(name, _)| name == key)
                .map(|(_, text)| text.clone())
                .unwrap_or_default()
        } else {
            (*meaning).to_owned()
        };
        out.rows.push(Row {
            table: table.clone(),
            key: key.to_owned(),
            kind: (*kind).to_owned(),
            required: (*required).to_owned(),
            meaning,
        });
    }
    out
}

/// The tables a heading names: `` `[zone]` `` or `` `[[placement.rule]]` ``.
fn table_names(heading: &str) -> Vec<String> {
    heading
        .split('`')
        .skip(1)
        .step_by(2)
        .filter_map(|code| code.strip_prefix('[')?.strip_suffix(']'))
        .map(|name| {
            name.trim_start_matches('[')
                .trim_end_matches(']')
                .to_owned()
        })
        .collect()
}

/// The trimmed cells of a table row (none for a table's `| --- |` rule),
/// or `None` for a line outside tables.
fn cells(line: &str) -> Option<Vec<&str>> {
    let inner = line.trim().strip_prefix('|')?.strip_suffix('|')?;
    let cells: Vec<&str> = inner.split('|').map(str::trim).collect();
    Some(if cells.iter().all(|c| c.starts_with("---")) {
        Vec::new()
    } else {
        cells
    })
}

/// The convention bullets: `  - **NAME** …: TEXT`, continued on the lines
/// indented below it.
fn bullets(page: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut open = false;
    for line in page.lines() {
        if let Some(rest) = line.strip_prefix("  - **") {
            open = false;
            let Some((name, text)) = rest.split_once("**") else {
                continue;
            };
            let Some((_, text)) = text.split_once(": ") else {
                continue;
            };
            out.push((name.to_owned(), text.trim().to_owned()));
            open = true;
        } else if open && line.starts_with("    ") {
            if let Some((_, text)) = out.last_mut() {
                text.push(' ');
                text.push_str(line.trim());
            }
        } else {
            open = false;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "\
Intro.

- **Where.**
  - **facts**: the numbers
    of the facts.
  - **assumed** (components only): one field
    alone.

## The tables

| Table | Type | Required | Meaning |
| --- | --- | --- | --- |
| `zone` | table | yes | the zone |

## `[zone]`

The zone.

| Key | Type | Required | Meaning |
| --- | --- | --- | --- |
| `name` | host | yes | the apex, e.g. `tomoda.life` |
| `facts` | list | no | |

| Kind | Losing `to`… | May be a hop |
| --- | --- | --- |
| `request` | takes it down | yes |

## `[[placement.question]]` and `[[placement.rule]]`

Rules, as data.

| Question key | Type | Required | Meaning |
| --- | --- | --- | --- |
| `ask` | string | yes | the question |

| Rule key | Type | Required | Meaning |
| --- | --- | --- | --- |
| `final` | bool | no (default `false`) | overrides |
";

    #[test]
    fn reads_rows_tables_and_bullets() {
        let page = read(PAGE);
        let got: Vec<(&str, &str, &str, &str, &str)> = page
            .rows
            .iter()
            .map(|r| {
                (
                    r.table.as_str(),
                    r.key.as_str(),
                    r.kind.as_str(),
                    r.required.as_str(),
                    r.meaning.as_str(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("", "zone", "table", "yes", "the zone"),
                (
                    "zone",
                    "name",
                    "host",
                    "yes",
                    "the apex, e.g. `tomoda.life`"
                ),
                ("zone", "facts", "list", "no", "the numbers of the facts."),
                ("placement.question", "ask", "string", "yes", "the question"),
                (
                    "placement.rule",
                    "final",
                    "bool",
                    "no (default `false`)",
                    "overrides"
                ),
            ]
        );
        assert_eq!(page.about("zone"), Some("The zone."));
        assert_eq!(page.about("placement.rule"), Some("Rules, as data."));
        assert_eq!(
            bullets(PAGE)[1],
            ("assumed".into(), "one field alone.".into())
        );
    }
}
