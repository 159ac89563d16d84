//! `mdbook-archsim`: the shell around the library. It reads the book and the
//! model, writes the expanded book, and installs the theme assets.
//!
//! - `mdbook-archsim supports RENDERER`: exit 0 when the renderer takes HTML.
//! - `mdbook-archsim install [BOOK_DIR]`: write `theme/archsim.css` and
//!   `theme/archsim-loader.js` into the book (default: the current folder),
//!   and add them and `[preprocessor.archsim]` to its `book.toml`
//!   (comments and formatting kept).
//! - no arguments: the preprocessor protocol, `[ctx, book]` JSON on stdin,
//!   the book on stdout, through the library's `Preprocessor` (`Archsim`):
//!   this file only reads the input and the model, and writes the result.
//!
//! - `mdbook-archsim claims [--model PATH] [--book DIR] [--format text|markdown]`:
//!   every checked claim of the book's pages that the model makes false,
//!   with page and line (the library's `broken`), for the review of a
//!   change. The model defaults to the book's own; exit 0 when every claim
//!   holds, 1 when one does not, 2 for bad input (an unreadable book, a
//!   model with errors).
//!
//! Exit codes: 0 done, 1 the book or its model has errors, 2 bad usage.

use std::io::{self, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use archsim_core::Engine;
use archsim_core::load::MAX_MODEL_BYTES;
use mdbook_archsim::error::{BuildErrors, Shown};
use mdbook_archsim::{
    Archsim, Config, MAX_BOOK_BYTES, PageOptions, assets, install, render_diagnostics, supports,
};
use mdbook_preprocessor::{MDBOOK_VERSION, Preprocessor};

// The binary's own modules (I/O around the library) live in `shell/`, apart
// from the library's.
#[path = "shell/claims.rs"]
mod claims;

const USAGE: &str = "usage: mdbook-archsim [supports RENDERER | install [BOOK_DIR] | claims [--model PATH] [--book DIR] [--format text|markdown] | --version]
With no arguments, runs as an mdBook preprocessor ([ctx, book] JSON on stdin).
`claims` lists the book's claims that the model (default: the book's own) makes false: exit 1 if any.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args.as_slice() {
        [] => preprocess(),
        ["supports", renderer] => {
            if supports(renderer) {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        ["install"] => install(Path::new(".")),
        ["install", dir] => install(Path::new(dir)),
        ["claims", rest @ ..] => claims::run(rest),
        ["--version" | "-V"] => {
            println!("mdbook-archsim {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        ["--help" | "-h"] => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn fail(message: impl std::fmt::Display) -> ExitCode {
    eprintln!("mdbook-archsim: {message}");
    ExitCode::FAILURE
}

fn preprocess() -> ExitCode {
    let input = match read_at_most(io::stdin().lock(), MAX_BOOK_BYTES) {
        Ok(Some(input)) => input,
        Ok(None) => {
            return fail(format!(
                "mdBook's input (the whole book as JSON) is larger than the limit of {} MiB",
                MAX_BOOK_BYTES >> 20
            ));
        }
        Err(e) => return fail(format!("cannot read mdBook's input: {e}")),
    };
    let (ctx, book) = match mdbook_preprocessor::parse_input(input.as_slice()) {
        Ok(input) => input,
        Err(e) => return fail(format!("cannot read mdBook's input: {e:#}")),
    };
    if ctx.mdbook_version != MDBOOK_VERSION {
        eprintln!(
            "mdbook-archsim: warning: built for mdBook {MDBOOK_VERSION}, called by mdBook {}",
            ctx.mdbook_version
        );
    }
    let config = match Config::from_context(&ctx) {
        Ok(config) => config,
        Err(e) => return fail(e),
    };
    let (engine, options) = match &config.model {
        None => match Engine::tomoda() {
            Ok(engine) => (engine, PageOptions::default()),
            Err(diagnostics) => return fail(render_diagnostics(&diagnostics)),
        },
        Some(path) => {
            let file = ctx.root.join(path);
            let name = file.display().to_string();
            let read = std::fs::File::open(&file).and_then(|f| read_at_most(f, MAX_MODEL_BYTES));
            let bytes = match read {
                Ok(Some(bytes)) => bytes,
                Ok(None) => {
                    return fail(format!(
                        "the model {name} is larger than the limit of {} MiB; the book is not built",
                        MAX_MODEL_BYTES >> 20
                    ));
                }
                Err(e) => {
                    return fail(format!(
                        "cannot read the model {name} (preprocessor.archsim.model in book.toml): {e}"
                    ));
                }
            };
            let engine = match Engine::from_bytes(&name, &bytes) {
                Ok(engine) => engine,
                Err(diagnostics) => {
                    eprintln!("{}", render_diagnostics(&diagnostics));
                    return fail(format!(
                        "the model {name} has errors; the book is not built"
                    ));
                }
            };
            let options = PageOptions::for_model(&String::from_utf8_lossy(&bytes), engine.model());
            (engine, options)
        }
    };
    for warning in engine.warnings() {
        eprintln!("{}", Shown(&warning.to_string()));
    }
    warn_stale_assets(&ctx.root);
    let book = match Archsim::new(engine, options).run(&ctx, book) {
        Ok(book) => book,
        Err(error) => {
            let Some(errors) = error.downcast_ref::<BuildErrors>() else {
                return fail(format!("{error:#}"));
            };
            eprintln!("{errors}");
            let n = errors.0.len();
            let s = if n == 1 { "" } else { "s" };
            return fail(format!("{n} error{s} in the book's archsim directives"));
        }
    };
    let mut stdout = io::stdout().lock();
    if let Err(e) = serde_json::to_writer(&mut stdout, &book)
        .and_then(|()| stdout.flush().map_err(serde_json::Error::io))
    {
        return fail(format!("cannot write the book: {e}"));
    }
    ExitCode::SUCCESS
}

/// All of `reader`, or `None` when it holds more than `limit` bytes: at most
/// one byte past the limit is read, so a huge file or an endless stream
/// costs no more than that.
pub(crate) fn read_at_most(reader: impl Read, limit: usize) -> io::Result<Option<Vec<u8>>> {
    let mut bytes = Vec::new();
    reader.take(limit as u64 + 1).read_to_end(&mut bytes)?;
    Ok((bytes.len() <= limit).then_some(bytes))
}

/// The admonish habit: say so when `theme/` holds assets of another version.
fn warn_stale_assets(root: &Path) {
    for (path, _) in assets::files() {
        if let Ok(text) = std::fs::read_to_string(root.join(path))
            && !assets::is_current(&text)
        {
            eprintln!(
                "mdbook-archsim: warning: {path} was written by another version; run `mdbook-archsim install {}`",
                root.display()
            );
        }
    }
}

fn install(dir: &Path) -> ExitCode {
    // The book first: a folder that is not a book gets no theme files.
    let book_toml = dir.join("book.toml");
    let edited = match std::fs::read_to_string(&book_toml) {
        Ok(text) => match install::book_toml(&text) {
            Ok(edited) => (edited != text).then_some(edited),
            Err(e) => return fail(format!("{}: {e}", book_toml.display())),
        },
        Err(e) => {
            return fail(format!(
                "cannot read {}: {e}; install into a book's folder (where book.toml is)",
                book_toml.display()
            ));
        }
    };
    for (path, content) in assets::files() {
        let file = dir.join(path);
        if let Some(parent) = file.parent()
            && let Err(e) = std::fs::create_dir_all(parent)
        {
            return fail(format!("cannot create {}: {e}", parent.display()));
        }
        if let Err(e) = std::fs::write(&file, content) {
            return fail(format!("cannot write {}: {e}", file.display()));
        }
        println!("wrote {}", file.display());
    }
    match edited {
        Some(edited) => {
            if let Err(e) = std::fs::write(&book_toml, edited) {
                return fail(format!("cannot write {}: {e}", book_toml.display()));
            }
            println!("added archsim to {}", book_toml.display());
        }
        None => println!("{} already has what archsim needs", book_toml.display()),
    }
    ExitCode::SUCCESS
}
