//! Installing the tools the tasks need, idempotently: each check asks the
//! tool for its version and installs only when it is missing or different.

use crate::run::{cmd, exec, output, step};

/// mdBook's version (0.5's preprocessor API is what `mdbook-archsim` speaks).
pub const MDBOOK: &str = "0.5.4";

/// The Rust pieces: clippy, rustfmt and the wasm target.
pub fn rust() -> Result<(), String> {
    step("rust components and the wasm32 target", || {
        let components =
            output(cmd("rustup").args(["component", "list", "--installed"])).unwrap_or_default();
        for needed in ["clippy", "rustfmt"] {
            if !components.lines().any(|l| l.starts_with(needed)) {
                exec(cmd("rustup").args(["component", "add", needed]))?;
            }
        }
        let targets =
            output(cmd("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
        if !targets
            .lines()
            .any(|l| l.trim() == "wasm32-unknown-unknown")
        {
            exec(cmd("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
        }
        Ok(())
    })
}

fn version_of(program: &str) -> String {
    output(cmd(program).arg("--version")).unwrap_or_default()
}

/// mdBook, pinned.
pub fn mdbook() -> Result<(), String> {
    if version_of("mdbook").trim() == format!("mdbook v{MDBOOK}") {
        return Ok(());
    }
    step(&format!("install mdbook {MDBOOK}"), || {
        exec(cmd("cargo").args(["install", "--locked", "mdbook", "--version", MDBOOK]))
    })
}
