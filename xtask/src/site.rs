//! `cargo xtask build`: the static site in `target/site/`: the book, with the
//! widgets' wasm bundle in `archsim/` (where the book's loader imports it,
//! its import names shortened) next to the full-page simulator.
//!
//! Two stages, so the test command can stop between them: [`bundle`]
//! (trunk, the import names, the size check) and [`book`] (the
//! preprocessor, mdBook, the bundle copied in).

use std::path::{Path, PathBuf};

use crate::run::{cargo_target, cmd, exec, path_env, root, step};
use crate::{size, tools};

/// Files of trunk's output that the site serves from `archsim/`: the
/// bundle, and the full-page simulator with its start-up script and its
/// three stylesheets (the bundle carries none).
const BUNDLE: [&str; 7] = [
    "archsim-web.js",
    "archsim-web_bg.wasm",
    "index.html",
    "start.js",
    "archsim.css",
    "widgets.css",
    "style.css",
];

/// The bundle's module and its JS glue: what the budget counts, and what
/// is served precompressed too.
const MODULE: [&str; 2] = ["archsim-web_bg.wasm", "archsim-web.js"];

/// Build the wasm bundle and the book into `target/site/`; returns the folder.
pub fn build() -> Result<PathBuf, String> {
    bundle()?;
    book()
}

/// Where the finished bundle waits for the book: trunk's output with short
/// import names, and brotli copies of the module and its glue.
fn staged() -> PathBuf {
    root().join("target/bundle")
}

/// Build the wasm bundle (trunk), shorten its import names into
/// `target/bundle/`, and hold it to its budget (`archsim_e2e::budget`),
/// printing its gzip -9 and brotli sizes.
pub fn bundle() -> Result<(), String> {
    tools::rust()?;
    tools::trunk()?;
    tools::wasm_bindgen()?;
    tools::wasm_opt()?;
    tools::terser()?;
    step("build the wasm bundle (trunk build --release)", || {
        let mut c = cmd("trunk");
        c.args(["build", "--release"]);
        exec(&mut c)
    })?;
    step("shorten the bundle's import names, minify its glue", || {
        stage(&root().join("target/www"), &staged())?;
        minify(&staged().join("archsim-web.js"))
    })?;
    step("the bundle's size (gzip -9 budget; brotli)", || {
        size::check(&staged(), &MODULE)
    })
}

/// Build the preprocessor and the book, and copy the staged bundle into
/// the book's `archsim/`; returns the site folder.
pub fn book() -> Result<PathBuf, String> {
    tools::mdbook()?;
    // A debug build: the test command builds the preprocessor's crates in
    // the dev profile for the tests anyway, and the book takes well under
    // a second to preprocess either way.
    step("build the preprocessor (mdbook-archsim)", || {
        exec(cmd("cargo").args(["build", "-p", "mdbook-archsim"]))
    })?;
    let site = root().join("target/site");
    step("build the book (mdbook build)", || {
        // The preprocessor just built, wherever cargo puts builds.
        let debug = cargo_target().join("debug");
        let mut c = cmd("mdbook");
        c.arg("build")
            .arg(root().join("book"))
            .arg("--dest-dir")
            .arg(&site);
        c.env("PATH", format!("{}:{}", debug.display(), path_env()));
        exec(&mut c)
    })?;
    // mdbook build empties its output folder, so the bundle goes in afterwards.
    step("copy the bundle into the site", || {
        copy(&staged(), &site.join("archsim"))
    })?;
    println!("\nsite: {}", site.display());
    Ok(site)
}

/// Copy trunk's output into `to`, the module and its glue with short
/// import names (`imports.rs`).
fn stage(from: &Path, to: &Path) -> Result<(), String> {
    let _ = std::fs::remove_dir_all(to);
    std::fs::create_dir_all(to).map_err(|e| format!("cannot create {}: {e}", to.display()))?;
    let read = |name: &str| {
        std::fs::read(from.join(name))
            .map_err(|e| format!("cannot read {name} from {}: {e}", from.display()))
    };
    let (wasm, js) = (read("archsim-web_bg.wasm")?, read("archsim-web.js")?);
    let js = String::from_utf8(js).map_err(|_| "archsim-web.js is not UTF-8".to_owned())?;
    let (wasm, js, renamed) = crate::imports::shorten(&wasm, &js)
        .map_err(|e| format!("cannot shorten the bundle's import names: {e}"))?;
    for name in BUNDLE {
        let bytes = match name {
            "archsim-web_bg.wasm" => wasm.clone(),
            "archsim-web.js" => js.clone().into_bytes(),
            _ => read(name)?,
        };
        std::fs::write(to.join(name), bytes).map_err(|e| format!("cannot write {name}: {e}"))?;
    }
    println!("  {renamed} import names shortened");
    Ok(())
}

/// Minify the JS glue in place with terser: as an ES module, so its
/// exports (`default`, `initSync`, `mount_all`) keep their names; the
/// import object's keys are properties, which terser leaves alone.
fn minify(js: &Path) -> Result<(), String> {
    let mut c = cmd("terser");
    c.arg(js)
        .args(["--module", "--compress", "--mangle", "--output"])
        .arg(js);
    exec(&mut c)
}

/// Copy every file of `from` into `to`.
fn copy(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::create_dir_all(to).map_err(|e| format!("cannot create {}: {e}", to.display()))?;
    let entries =
        std::fs::read_dir(from).map_err(|e| format!("cannot read {}: {e}", from.display()))?;
    for entry in entries.flatten() {
        std::fs::copy(entry.path(), to.join(entry.file_name()))
            .map_err(|e| format!("cannot copy {}: {e}", entry.path().display()))?;
    }
    Ok(())
}
