//! A model cannot read files into the published site.
//!
//! mdBook's `links` preprocessor runs after archsim and expands
//! `{{#include FILE}}` wherever it stands in a chapter. A model whose
//! strings say so must not get a file's contents into the pages, the print
//! page or the search index: the book in `tests/books/include` is built,
//! with the real `mdbook`, from the shipped model with an include in every
//! string the loader accepts one in, and the file's marker is looked for in
//! every file written.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use archsim_core::{Engine, TOMODA_MODEL};
use mdbook_archsim::{PageOptions, process_page};
use toml::Value;

mod common;

/// Every string leaf of `value`, as a path of keys (array positions left
/// out, so all the components' names are one path) and the string.
fn string_paths(value: &Value, path: &str, out: &mut Vec<String>) {
    match value {
        Value::String(_) if !out.iter().any(|p| p == path) => out.push(path.to_owned()),
        Value::Table(table) => {
            for (key, value) in table {
                let path = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                string_paths(value, &path, out);
            }
        }
        Value::Array(items) => {
            for item in items {
                string_paths(item, &format!("{path}[]"), out);
            }
        }
        _ => {}
    }
}

/// Append `tail` to every string at `path`; returns how many.
fn append_at(value: &mut Value, path: &str, here: &str, tail: &str) -> usize {
    match value {
        Value::String(s) if here == path => {
            s.push_str(tail);
            1
        }
        Value::Table(table) => table
            .iter_mut()
            .map(|(key, value)| {
                let here = if here.is_empty() {
                    key.clone()
                } else {
                    format!("{here}.{key}")
                };
                append_at(value, path, &here, tail)
            })
            .sum(),
        Value::Array(items) => items
            .iter_mut()
            .map(|item| append_at(item, path, &format!("{here}[]"), tail))
            .sum(),
        _ => 0,
    }
}

/// The shipped model with ` {{#include SECRET}}` appended to every string
/// where the model still loads and `page` still expands (ids, references,
/// hosts and kinds refuse it); returns the model and the paths rewritten.
fn rewrite_model(secret: &Path, page: &str) -> (String, Vec<String>) {
    let mut model: Value = toml::from_str(TOMODA_MODEL).expect("the shipped model parses");
    let mut paths = Vec::new();
    string_paths(&model, "", &mut paths);
    let tail = format!(" {{{{#include {}}}}}", secret.display());
    let mut rewritten = Vec::new();
    for path in paths {
        let mut candidate = model.clone();
        assert!(append_at(&mut candidate, &path, "", &tail) > 0);
        let text = toml::to_string(&candidate).unwrap();
        let ok = Engine::from_str("hostile.toml", &text).is_ok_and(|engine| {
            let options = PageOptions::for_model(&text, engine.model());
            process_page(&engine, &options, "page.md", page).is_ok()
        });
        if ok {
            model = candidate;
            rewritten.push(path);
        }
    }
    (toml::to_string(&model).unwrap(), rewritten)
}

/// Free-text fields that must be among those rewritten, or the test would
/// prove little.
const MUST_REWRITE: &[&str] = &[
    "model.name",
    "provider[].name",
    "provider[].job",
    "provider[].why",
    "region[].name",
    "component[].name",
    "component[].notes",
    "component[].assumption",
    "edge[].why",
    "flow[].name",
    "scenario[].teaches",
    "writer[].name",
    "placement.question[].ask",
    "placement.rule[].says",
];

/// Free-text fields the generated pages and the marks write, which must be
/// rewritten wherever the shipped model has them: the facts' words, where
/// an assumption would be settled, and what a component assumes of one
/// field.
const MUST_REWRITE_WHERE_PRESENT: &[&str] = &[
    "fact[].says",
    "component[].settle",
    "edge[].settle",
    "record[].settle",
    "scenario[].settle",
    "component[].assumed.region",
    "component[].assumed.env",
    "edge[].assumption",
    "record[].assumption",
    "scenario[].assumption",
];

/// The hostile model, the secret file it names, and the paths rewritten:
/// found once for both tests (each candidate is loaded and the page
/// expanded, which is most of this file's time).
fn hostile() -> &'static (PathBuf, String, Vec<String>) {
    static HOSTILE: OnceLock<(PathBuf, String, Vec<String>)> = OnceLock::new();
    HOSTILE.get_or_init(|| {
        let secret = scratch("secret").join("secret.txt");
        let (model, rewritten) = rewrite_model(&secret, &page());
        (secret, model, rewritten)
    })
}

fn page() -> String {
    std::fs::read_to_string(book_source().join("src/every-directive.md")).unwrap()
}

fn book_source() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/books/include")
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("include-hole-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A marker no file of the site holds by chance (its parts are apart in
/// this source, so the test binary's own text does not spell it).
fn marker(what: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!("{what}-{}-{nanos}-CONTENTS", std::process::id())
}

#[test]
fn no_model_string_includes_a_file_into_the_site() {
    let dir = scratch("site");
    let (secret, model, rewritten) = hostile();
    let secret_marker = marker("ARCHSIM-SECRET");
    std::fs::write(secret, &secret_marker).unwrap();
    let mut present = Vec::new();
    string_paths(&toml::from_str(TOMODA_MODEL).unwrap(), "", &mut present);
    let missing: Vec<&&str> = MUST_REWRITE
        .iter()
        .chain(
            MUST_REWRITE_WHERE_PRESENT
                .iter()
                .filter(|p| present.iter().any(|q| q == *p)),
        )
        .filter(|p| !rewritten.iter().any(|r| r == *p))
        .collect();
    assert!(
        missing.is_empty(),
        "not rewritten: {missing:?}; rewritten: {rewritten:?}"
    );

    // The book: this crate's folder, the model, and the author's own file.
    let book = dir.join("book");
    std::fs::create_dir_all(book.join("src")).unwrap();
    std::fs::create_dir_all(book.join("model")).unwrap();
    for file in [
        "book.toml",
        "src/SUMMARY.md",
        "src/every-directive.md",
        "src/author-include.md",
    ] {
        std::fs::copy(book_source().join(file), book.join(file)).unwrap();
    }
    std::fs::write(book.join("model/hostile.toml"), model).unwrap();
    let control_marker = marker("AUTHOR-CONTROL");
    std::fs::write(book.join("control.txt"), &control_marker).unwrap();

    let site = dir.join("site");
    let output = common::mdbook_build(&book, &site);
    assert!(
        output.status.success(),
        "mdbook build failed:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );

    let mut leaks = Vec::new();
    let mut control = Vec::new();
    for file in common::files(&site) {
        let bytes = std::fs::read(&file).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        let name = file.strip_prefix(&site).unwrap().display().to_string();
        if text.contains(&secret_marker) {
            leaks.push(name.clone());
        }
        if text.contains(&control_marker) {
            control.push(name);
        }
    }
    assert!(leaks.is_empty(), "the secret file reached {leaks:?}");
    // The build does expand includes, after archsim, into the page, the
    // print page and the search index: where a leak would have shown.
    for expected in ["author-include.html", "print.html", "searchindex"] {
        assert!(
            control.iter().any(|f| f.starts_with(expected)),
            "the author's include is not in {expected}* (found in {control:?})"
        );
    }
    // And the model's strings did reach the pages, as text.
    let page = std::fs::read_to_string(site.join("every-directive.html")).unwrap();
    assert!(
        page.matches(&*secret.display().to_string()).count() > 100,
        "the hostile strings are on the page"
    );
}

#[test]
fn no_generated_fragment_holds_a_mdbook_directive() {
    let page = page();
    let (_, model, _) = hostile();
    let engine = Engine::from_str("hostile.toml", model).unwrap();
    let options = PageOptions::for_model(model, engine.model());
    let expanded = process_page(&engine, &options, "page.md", &page).expect("the page expands");
    assert!(
        expanded.contains("#include"),
        "the model's strings are on the page"
    );
    // mdBook's links read `{{`, spaces, `#`: no `{{` at all is left.
    let braces: Vec<String> = expanded
        .match_indices("{{")
        .map(|(i, _)| expanded[i..].chars().take(40).collect())
        .collect();
    assert!(braces.is_empty(), "`{{{{` in the expansion: {braces:?}");
}
