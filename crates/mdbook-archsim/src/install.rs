//! What `mdbook-archsim install` adds to a book's `book.toml`: the
//! preprocessor's table, and the installed stylesheet and loader in
//! `[output.html]`'s `additional-css` and `additional-js`.
//!
//! The file is edited with `toml_edit`, so the author's comments, order and
//! formatting stay as they were; what is already there is left alone, and
//! a second install changes nothing.

use toml_edit::{Array, DocumentMut, Item, Table, value};

use crate::NAME;
use crate::assets::{CSS_PATH, JS_PATH};

/// The command mdBook runs for `[preprocessor.archsim]`.
pub const COMMAND: &str = "mdbook-archsim";

/// `book.toml` with what the preprocessor needs, or why it cannot be
/// edited (it is not TOML, or a key we would add to holds something else).
/// Returns the text unchanged when nothing is missing.
pub fn book_toml(text: &str) -> Result<String, String> {
    let mut doc: DocumentMut = text
        .parse()
        .map_err(|e| format!("book.toml is not valid TOML: {e}"))?;
    let preprocessor = table(doc.as_table_mut(), "preprocessor", "book.toml")?;
    if !preprocessor.contains_key(NAME) {
        let mut ours = Table::new();
        ours["command"] = value(COMMAND);
        preprocessor.insert(NAME, Item::Table(ours));
    }
    let output = table(doc.as_table_mut(), "output", "book.toml")?;
    let html = table(output, "html", "[output]")?;
    list_with(html, "additional-css", CSS_PATH)?;
    list_with(html, "additional-js", JS_PATH)?;
    let edited = doc.to_string();
    // Untouched documents come back byte for byte.
    Ok(if edited == text {
        text.to_owned()
    } else {
        edited
    })
}

/// The table `key` of `parent`, created (as a `[section]`, or implicit when
/// it only holds sections) when missing.
fn table<'t>(parent: &'t mut Table, key: &str, within: &str) -> Result<&'t mut Table, String> {
    let item = parent.entry(key).or_insert_with(|| {
        let mut t = Table::new();
        t.set_implicit(true);
        Item::Table(t)
    });
    if let Item::Value(toml_edit::Value::InlineTable(inline)) = item {
        // `output = { html = { … } }`: a section edits the same way.
        let t = std::mem::take(inline).into_table();
        *item = Item::Table(t);
    }
    item.as_table_mut()
        .ok_or_else(|| format!("`{key}` in {within} must be a table"))
}

/// Add `path` to the list `key` of `table` unless it holds it already.
fn list_with(table: &mut Table, key: &str, path: &str) -> Result<(), String> {
    let item = table.entry(key).or_insert_with(|| value(Array::new()));
    let list = item
        .as_array_mut()
        .ok_or_else(|| format!("`output.html.{key}` in book.toml must be a list of paths"))?;
    if !list.iter().any(|v| v.as_str() == Some(path)) {
        list.push(path);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::book_toml;

    #[test]
    fn install_adds_what_is_missing_and_keeps_the_rest() {
        let cases = [
            // Nothing there yet: a section of each.
            (
                "[book]\ntitle = \"T\"\n",
                "[book]\ntitle = \"T\"\n\n[preprocessor.archsim]\ncommand = \"mdbook-archsim\"\n\n[output.html]\nadditional-css = [\"theme/archsim.css\"]\nadditional-js = [\"theme/archsim-loader.js\"]\n",
            ),
            // Comments and the author's lists survive; ours is appended.
            (
                "# My book.\n[book]\ntitle = \"T\" # the title\n\n[output.html]\n# mine first\nadditional-css = [\"a.css\"]\n",
                "# My book.\n[book]\ntitle = \"T\" # the title\n\n[output.html]\n# mine first\nadditional-css = [\"a.css\", \"theme/archsim.css\"]\nadditional-js = [\"theme/archsim-loader.js\"]\n\n[preprocessor.archsim]\ncommand = \"mdbook-archsim\"\n",
            ),
        ];
        for (before, after) in cases {
            let edited = book_toml(before).expect("edits");
            assert_eq!(edited, after, "{before}");
            assert_eq!(
                book_toml(&edited).expect("edits"),
                edited,
                "a second install changes nothing"
            );
        }
    }

    #[test]
    fn an_inline_output_table_is_edited_as_a_section() {
        let edited =
            book_toml("output = { html = { additional-css = [\"a.css\"] } }\n").expect("edits");
        let reread: toml_edit::DocumentMut = edited.parse().expect("still TOML");
        let css = reread["output"]["html"]["additional-css"]
            .as_array()
            .expect("a list");
        let css: Vec<&str> = css.iter().filter_map(|v| v.as_str()).collect();
        assert_eq!(css, ["a.css", "theme/archsim.css"], "{edited}");
        assert_eq!(
            reread["preprocessor"]["archsim"]["command"].as_str(),
            Some("mdbook-archsim")
        );
    }

    #[test]
    fn a_book_that_has_everything_is_left_byte_for_byte() {
        let book = include_str!("../../../book/book.toml");
        assert_eq!(book_toml(book).expect("edits"), book);
    }

    #[test]
    fn what_cannot_be_edited_is_said() {
        let cases = [
            ("[book\n", "not valid TOML"),
            (
                "preprocessor = 3\n",
                "`preprocessor` in book.toml must be a table",
            ),
            (
                "[output.html]\nadditional-css = \"x.css\"\n",
                "`output.html.additional-css` in book.toml must be a list",
            ),
        ];
        for (text, says) in cases {
            let error = book_toml(text).expect_err(text);
            assert!(error.contains(says), "{text}: {error}");
        }
    }
}
