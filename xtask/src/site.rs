//! `cargo xtask build`: the static site in `target/site/`: the book, with the
//! wasm bundles in `archsim/` (where the book's loader imports them, their
//! import names shortened) next to the full-page simulator: the widgets'
//! (`archsim-web`) and the propose widget's (`archsim-propose`), each
//! built by trunk from its page (`www/index.html`, `www/propose.html`)
//! and each held to the budget on its own.
//!
//! Two stages, so the test command can stop between them: [`bundle`]
//! (trunk, the import names, the size checks) and [`book`] (the
//! preprocessor, mdBook, the bundles copied in).

use std::path::{Path, PathBuf};

use crate::run::{cargo_target, cmd, exec, path_env, root, step};
use crate::{size, tools};

/// A wasm bundle: the page trunk builds it from, trunk's output folder,
/// and its file stem (`archsim_view::contract::Bundle::stem`): the glue
/// `STEM.js`, the module `STEM_bg.wasm`, both in the site's `archsim/`.
struct Bundle {
    page: &'static str,
    dist: &'static str,
    stem: &'static str,
}

/// The bundles: the widgets' (and the simulator's), and the propose
/// widget's, which only pages with a propose widget load. Each has the
/// budget to itself.
const BUNDLES: [Bundle; 2] = [
    Bundle {
        page: "www/index.html",
        dist: "target/www",
        stem: "archsim-web",
    },
    Bundle {
        page: "www/propose.html",
        dist: "target/www-propose",
        stem: "archsim-propose",
    },
];

/// Files of the first bundle's trunk output that the site serves from
/// `archsim/` besides the modules: the full-page simulator with its
/// start-up script and its three stylesheets (the bundles carry none).
const SIMULATOR: [&str; 5] = [
    "index.html",
    "start.js",
    "archsim.css",
    "widgets.css",
    "style.css",
];

/// Build the wasm bundle and the book into `target/site/`; returns the folder.
pub fn build() -> Result<PathBuf, String> {
    bundle()?;
    book()
}

/// Where the finished bundle waits for the book: trunk's output with short
/// import names.
fn staged() -> PathBuf {
    root().join("target/bundle")
}

/// Build the wasm bundles (trunk), shorten their import names into
/// `target/bundle/`, and hold each to its budget (`archsim_e2e::budget`),
/// printing its gzip -9 and brotli sizes.
pub fn bundle() -> Result<(), String> {
    tools::rust()?;
    tools::trunk()?;
    tools::wasm_bindgen()?;
    tools::wasm_opt()?;
    tools::terser()?;
    for b in &BUNDLES {
        step(
            &format!("build the {} bundle (trunk build --release)", b.stem),
            || {
                let mut c = cmd("trunk");
                c.args(["build", b.page, "--dist", b.dist, "--release"]);
                exec(&mut c)
            },
        )?;
    }
    step(
        "shorten the bundles' import names, minify their glue",
        || {
            let to = staged();
            let _ = std::fs::remove_dir_all(&to);
            std::fs::create_dir_all(&to)
                .map_err(|e| format!("cannot create {}: {e}", to.display()))?;
            for b in &BUNDLES {
                stage(&root().join(b.dist), &to, b.stem)?;
                minify(&to.join(format!("{}.js", b.stem)))?;
            }
            let from = root().join(BUNDLES[0].dist);
            for name in SIMULATOR {
                std::fs::copy(from.join(name), to.join(name))
                    .map_err(|e| format!("cannot copy {name} from {}: {e}", from.display()))?;
            }
            Ok(())
        },
    )?;
    step("the bundles' sizes (gzip -9 budget, each; brotli)", || {
        for b in &BUNDLES {
            size::check(&staged(), b.stem)?;
        }
        Ok(())
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
    step(
        "precompress the site (.br and .gz beside each text file)",
        || {
            let (files, bytes, br, gz) = crate::compress::site(&site)?;
            println!("  {files} files, {bytes} bytes: brotli {br}, gzip -9 {gz}");
            Ok(())
        },
    )?;
    println!("\nsite: {}", site.display());
    Ok(site)
}

/// Copy the module and glue of bundle `stem` from trunk's output `from`
/// into `to`, with short import names (`imports.rs`).
fn stage(from: &Path, to: &Path, stem: &str) -> Result<(), String> {
    let (wasm_name, js_name) = (format!("{stem}_bg.wasm"), format!("{stem}.js"));
    let read = |name: &str| {
        std::fs::read(from.join(name))
            .map_err(|e| format!("cannot read {name} from {}: {e}", from.display()))
    };
    let (wasm, js) = (read(&wasm_name)?, read(&js_name)?);
    let js = String::from_utf8(js).map_err(|_| format!("{js_name} is not UTF-8"))?;
    let (wasm, js, renamed) = crate::imports::shorten(&wasm, &js)
        .map_err(|e| format!("cannot shorten {stem}'s import names: {e}"))?;
    for (name, bytes) in [(&wasm_name, wasm), (&js_name, js.into_bytes())] {
        std::fs::write(to.join(name), bytes).map_err(|e| format!("cannot write {name}: {e}"))?;
    }
    println!("  {stem}: {renamed} import names shortened");
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
