//! `mdbook-archsim claims [--model PATH] [--book DIR] [--format text|markdown]`:
//! read the book's pages and a model, and list the claims the model makes
//! false (the library's `broken`). Every cost is bounded: pages, bytes and
//! folders are capped, and a folder link is not followed.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use archsim_core::Engine;
use archsim_core::load::MAX_MODEL_BYTES;
use mdbook_archsim::error::Shown;
use mdbook_archsim::{MAX_BOOK_BYTES, broken, render_diagnostics};

use crate::read_at_most;

/// The most Markdown files read from a book's source folder.
pub const MAX_PAGES: usize = 10_000;

/// What the command line asks for.
struct Args<'a> {
    model: Option<&'a str>,
    book: &'a str,
    markdown: bool,
}

/// Bad input: said on stderr, exit 2.
fn bad(message: impl std::fmt::Display) -> ExitCode {
    eprintln!("mdbook-archsim claims: {message}");
    ExitCode::from(2)
}

fn parse<'a>(args: &[&'a str]) -> Result<Args<'a>, String> {
    let mut out = Args {
        model: None,
        book: ".",
        markdown: false,
    };
    let mut rest = args.iter();
    while let Some(&arg) = rest.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => (flag, Some(value)),
            _ => (arg, None),
        };
        let mut value = || {
            inline
                .or_else(|| rest.next().copied())
                .ok_or_else(|| ["`", flag, "` needs a value"].concat())
        };
        match flag {
            "--model" => out.model = Some(value()?),
            "--book" => out.book = value()?,
            "--format" => {
                out.markdown = match value()? {
                    "text" => false,
                    "markdown" => true,
                    other => {
                        return Err(["unknown format `", other, "`: use text or markdown"].concat());
                    }
                }
            }
            other => return Err(["unknown argument `", other, "`"].concat()),
        }
    }
    Ok(out)
}

/// Run the command; see the module's documentation.
pub fn run(args: &[&str]) -> ExitCode {
    let args = match parse(args) {
        Ok(args) => args,
        Err(message) => return bad(format!("{}\n{}", Shown(&message), crate::USAGE)),
    };
    let book = Path::new(args.book);
    let config = match std::fs::read_to_string(book.join("book.toml")) {
        Ok(text) => text,
        Err(e) => {
            return bad(format!(
                "cannot read {}: {e}; give the book's folder with --book",
                Shown(&book.join("book.toml").display().to_string())
            ));
        }
    };
    let (src, book_model) = match settings(&config) {
        Ok(settings) => settings,
        Err(message) => return bad(message),
    };
    let (engine, model_name) = match args
        .model
        .map(PathBuf::from)
        .or(book_model.map(|m| book.join(m)))
    {
        None => match Engine::tomoda() {
            Ok(engine) => (engine, "the built-in Tomoda model".to_owned()),
            Err(diagnostics) => return bad(render_diagnostics(&diagnostics)),
        },
        Some(path) => match model(&path) {
            Ok(engine) => (engine, shown_path(&path)),
            Err(message) => return bad(message),
        },
    };
    let pages = match pages(&book.join(src)) {
        Ok(pages) => pages,
        Err(message) => return bad(message),
    };
    let broken = broken::claims(&engine, &pages);
    let out = if args.markdown {
        broken::markdown(&broken, &model_name)
    } else {
        broken::text(&broken, &model_name)
    };
    print!("{out}");
    if broken.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// The source folder (`[book] src`, default `src`) and the book's model
/// (`[preprocessor.archsim] model`), from `book.toml`.
fn settings(config: &str) -> Result<(String, Option<String>), String> {
    let doc: toml_edit::DocumentMut = config.parse().map_err(|e: toml_edit::TomlError| {
        format!("book.toml is not valid TOML: {}", Shown(&e.to_string()))
    })?;
    let src = doc
        .get("book")
        .and_then(|b| b.get("src"))
        .and_then(|s| s.as_str())
        .unwrap_or("src")
        .to_owned();
    let model = doc
        .get("preprocessor")
        .and_then(|p| p.get("archsim"))
        .and_then(|a| a.get("model"))
        .and_then(|m| m.as_str())
        .map(str::to_owned);
    Ok((src, model))
}

/// The model at `path`, checked, or why not (its diagnostics).
fn model(path: &Path) -> Result<Engine, String> {
    let name = path.display().to_string();
    let bytes = std::fs::File::open(path)
        .and_then(|f| read_at_most(f, MAX_MODEL_BYTES))
        .map_err(|e| format!("cannot read the model {}: {e}", Shown(&name)))?
        .ok_or_else(|| {
            format!(
                "the model {} is larger than the limit of {} MiB",
                Shown(&name),
                MAX_MODEL_BYTES >> 20
            )
        })?;
    Engine::from_bytes(&name, &bytes).map_err(|diagnostics| {
        format!(
            "{}\nthe model {} has errors; its claims cannot be checked",
            render_diagnostics(&diagnostics),
            Shown(&name)
        )
    })
}

/// Every Markdown file under `src`, as (its path as shown, its text), in
/// path order; at most [`MAX_PAGES`] files and [`MAX_BOOK_BYTES`] in all.
fn pages(src: &Path) -> Result<Vec<(String, String)>, String> {
    let mut files = Vec::new();
    let mut folders = vec![src.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let entries = std::fs::read_dir(&folder).map_err(|e| {
            format!(
                "cannot read the book's pages in {}: {e}",
                Shown(&folder.display().to_string())
            )
        })?;
        for entry in entries {
            let entry = entry.map_err(|e| format!("cannot read the book's pages: {e}"))?;
            let kind = entry
                .file_type()
                .map_err(|e| format!("cannot read the book's pages: {e}"))?;
            let path = entry.path();
            if kind.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "md") {
                files.push(path);
            }
            if files.len() + folders.len() > MAX_PAGES {
                return Err(format!(
                    "the book has more than {MAX_PAGES} pages and folders; not read"
                ));
            }
        }
    }
    files.sort();
    let mut total = 0;
    let mut out = Vec::with_capacity(files.len());
    for file in files {
        let name = shown_path(&file);
        let bytes = std::fs::File::open(&file)
            .and_then(|f| read_at_most(f, MAX_BOOK_BYTES - total))
            .map_err(|e| format!("cannot read {}: {e}", Shown(&name)))?
            .ok_or_else(|| {
                format!(
                    "the book's pages are larger than the limit of {} MiB",
                    MAX_BOOK_BYTES >> 20
                )
            })?;
        total += bytes.len();
        let text =
            String::from_utf8(bytes).map_err(|_| format!("{} is not UTF-8 text", Shown(&name)))?;
        out.push((name, text));
    }
    Ok(out)
}

/// A path as the user would write it: without a leading `./`.
fn shown_path(path: &Path) -> String {
    let text = path.display().to_string();
    text.strip_prefix("./").map_or(text.clone(), str::to_owned)
}
