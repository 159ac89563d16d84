//! `cargo xtask build`: the static site in `target/site/`.

use std::path::PathBuf;

use crate::run::{cmd, exec, path_env, root, step};
use crate::tools;

/// Build the book (with the preprocessor) into `target/site/`; returns the folder.
pub fn build() -> Result<PathBuf, String> {
    tools::rust()?;
    tools::mdbook()?;
    step("build the preprocessor (mdbook-archsim)", || {
        exec(cmd("cargo").args(["build", "--release", "-p", "mdbook-archsim"]))
    })?;
    let site = root().join("target/site");
    step("build the book (mdbook build)", || {
        let release = root().join("target/release");
        let mut c = cmd("mdbook");
        c.arg("build")
            .arg(root().join("book"))
            .arg("--dest-dir")
            .arg(&site);
        c.env("PATH", format!("{}:{}", release.display(), path_env()));
        exec(&mut c)
    })?;
    println!("\nsite: {}", site.display());
    Ok(site)
}
