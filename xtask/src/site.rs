//! `cargo xtask build`: the static site in `target/site/`: the book, with the
//! widgets' wasm bundle in `archsim/` (where the book's loader imports it,
//! its import names shortened) next to the full-page simulator.

use std::path::{Path, PathBuf};

use crate::run::{cargo_target, cmd, exec, path_env, root, step};
use crate::tools;

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

/// Build the wasm bundle and the book into `target/site/`; returns the folder.
pub fn build() -> Result<PathBuf, String> {
    tools::rust()?;
    tools::mdbook()?;
    tools::trunk()?;
    tools::wasm_bindgen()?;
    tools::wasm_opt()?;
    step("build the wasm bundle (trunk build --release)", || {
        let mut c = cmd("trunk");
        c.args(["build", "--release"]);
        exec(&mut c)
    })?;
    step("build the preprocessor (mdbook-archsim)", || {
        exec(cmd("cargo").args(["build", "--release", "-p", "mdbook-archsim"]))
    })?;
    let site = root().join("target/site");
    step("build the book (mdbook build)", || {
        // The preprocessor just built, wherever cargo puts builds.
        let release = cargo_target().join("release");
        let mut c = cmd("mdbook");
        c.arg("build")
            .arg(root().join("book"))
            .arg("--dest-dir")
            .arg(&site);
        c.env("PATH", format!("{}:{}", release.display(), path_env()));
        exec(&mut c)
    })?;
    // mdbook build empties its output folder, so the bundle goes in afterwards.
    step("copy the bundle into the site", || {
        copy_bundle(&root().join("target/www"), &site.join("archsim"))
    })?;
    println!("\nsite: {}", site.display());
    Ok(site)
}

fn copy_bundle(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::create_dir_all(to).map_err(|e| format!("cannot create {}: {e}", to.display()))?;
    for name in BUNDLE {
        std::fs::copy(from.join(name), to.join(name))
            .map_err(|e| format!("cannot copy {} from {}: {e}", name, from.display()))?;
    }
    // The module and its glue, with short import names (`imports.rs`).
    let read =
        |name: &str| std::fs::read(to.join(name)).map_err(|e| format!("cannot read {name}: {e}"));
    let (wasm, js) = (read("archsim-web_bg.wasm")?, read("archsim-web.js")?);
    let js = String::from_utf8(js).map_err(|_| "archsim-web.js is not UTF-8".to_owned())?;
    let (wasm, js, renamed) = crate::imports::shorten(&wasm, &js)
        .map_err(|e| format!("cannot shorten the bundle's import names: {e}"))?;
    for (name, bytes) in [
        ("archsim-web_bg.wasm", wasm),
        ("archsim-web.js", js.into_bytes()),
    ] {
        std::fs::write(to.join(name), bytes).map_err(|e| format!("cannot write {name}: {e}"))?;
    }
    println!("  {renamed} import names shortened");
    for name in ["archsim-web.js", "archsim-web_bg.wasm"] {
        let size = std::fs::metadata(to.join(name))
            .map(|m| m.len())
            .unwrap_or(0);
        println!("  {name}: {:.1} KB", size as f64 / 1024.0);
    }
    Ok(())
}
