//! Installing the tools the tasks need, idempotently: each check asks the
//! tool for its version and installs only when it is missing or different.

use crate::run::{cmd, exec, output, root, step, tools_dir};

/// mdBook's version (0.5's preprocessor API is what `mdbook-archsim` speaks).
pub const MDBOOK: &str = "0.5.4";
/// trunk's version (0.22 needs a newer rustc than this machine's).
pub const TRUNK: &str = "0.21.14";
/// binaryen's version for wasm-opt (Debian's 108 cannot read current rustc output).
pub const BINARYEN: &str = "132";
/// terser's version, which minifies the bundle's JS glue (trunk's own
/// minifier cannot parse wasm-bindgen's output).
pub const TERSER: &str = "5.51.4";
/// axe-core's version, the accessibility audit the browser tests inject
/// into every page (`tests/tests/audit.rs` reads it from the tool folder).
/// A new version may bring new rules: upgrading is a decision, with the
/// audit run against the site.
pub const AXE_CORE: &str = "4.14.1";
/// Lighthouse's version, which `cargo xtask bench` runs on every page
/// (issue 22 measured with Lighthouse 12; its scores differ between major
/// versions, so upgrading is a decision, with the tables measured again).
pub const LIGHTHOUSE: &str = "12.8.2";

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

/// `cargo install`, for a tool that only hands work on (trunk runs cargo,
/// wasm-bindgen and wasm-opt; wasm-bindgen rewrites one module): built
/// unoptimised, without LTO. On two cores trunk took 19 min with its own
/// profile, 8.7 min without LTO, and 3.5 min unoptimised; wasm-bindgen-cli
/// 2.9 min, and 1.2 min unoptimised, for the same output (0.7 s a bundle
/// instead of 0.2 s).
fn install_unoptimised() -> std::process::Command {
    let mut c = cmd("cargo");
    c.arg("install")
        .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", "0")
        .env("CARGO_PROFILE_RELEASE_LTO", "false")
        .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16");
    c
}

/// trunk, pinned ([`install_unoptimised`]).
pub fn trunk() -> Result<(), String> {
    if version_of("trunk").trim() == format!("trunk {TRUNK}") {
        return Ok(());
    }
    step(&format!("install trunk {TRUNK}"), || {
        exec(install_unoptimised().args(["--locked", "trunk", "--version", TRUNK]))
    })
}

/// The `wasm-bindgen` version Cargo.lock pins (the CLI must match it exactly).
pub fn wasm_bindgen_version() -> Result<String, String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\""
            && let Some(version) = lines.next().and_then(|l| l.strip_prefix("version = \""))
        {
            return Ok(version.trim_end_matches('"').to_owned());
        }
    }
    Err("Cargo.lock does not pin wasm-bindgen; build the web crate once to lock it".into())
}

/// wasm-bindgen-cli (and wasm-bindgen-test-runner) at the locked version.
pub fn wasm_bindgen() -> Result<(), String> {
    let version = wasm_bindgen_version()?;
    if version_of("wasm-bindgen").trim() == format!("wasm-bindgen {version}") {
        return Ok(());
    }
    step(&format!("install wasm-bindgen-cli {version}"), || {
        // Not --locked: its lock file wants a crate version the registry lacks.
        exec(install_unoptimised().args(["wasm-bindgen-cli", "--version", &version]))
    })
}

/// wasm-opt from npm's binaryen, into the project's git-ignored tool folder.
pub fn wasm_opt() -> Result<(), String> {
    if version_of("wasm-opt").contains(&format!("version {BINARYEN}")) {
        return Ok(());
    }
    step(&format!("install binaryen {BINARYEN} (wasm-opt)"), || {
        npm_install(&format!("binaryen@{BINARYEN}"))
    })
}

/// terser from npm, into the project's git-ignored tool folder.
pub fn terser() -> Result<(), String> {
    if version_of("terser").trim() == format!("terser {TERSER}") {
        return Ok(());
    }
    step(&format!("install terser {TERSER}"), || {
        npm_install(&format!("terser@{TERSER}"))
    })
}

/// axe-core from npm, into the project's git-ignored tool folder, where
/// the browser tests read `node_modules/axe-core/axe.min.js`. It is a
/// library, not a program: its version is read from its `package.json`.
pub fn axe_core() -> Result<(), String> {
    let manifest = tools_dir().join("node_modules/axe-core/package.json");
    let installed = std::fs::read_to_string(&manifest).unwrap_or_default();
    if installed.contains(&format!("\"version\": \"{AXE_CORE}\"")) {
        return Ok(());
    }
    step(&format!("install axe-core {AXE_CORE}"), || {
        npm_install(&format!("axe-core@{AXE_CORE}"))
    })
}

/// Lighthouse from npm, into the project's git-ignored tool folder. Only
/// `cargo xtask bench` asks for it; it drives the system Chromium.
pub fn lighthouse() -> Result<(), String> {
    if version_of("lighthouse").trim() == LIGHTHOUSE {
        return Ok(());
    }
    step(&format!("install lighthouse {LIGHTHOUSE}"), || {
        npm_install(&format!("lighthouse@{LIGHTHOUSE}"))
    })
}

/// Install npm package `spec` (`NAME@VERSION`) into the project's
/// git-ignored tool folder.
fn npm_install(spec: &str) -> Result<(), String> {
    std::fs::create_dir_all(tools_dir()).map_err(|e| e.to_string())?;
    let mut c = cmd("npm");
    c.args(["install", "--no-audit", "--no-fund", "--prefix"])
        .arg(tools_dir())
        .arg(spec);
    exec(&mut c)
}

/// Debian's Chromium and ChromeDriver, for the browser tests.
pub fn chromium() -> Result<(), String> {
    if std::path::Path::new("/usr/bin/chromium").exists()
        && std::path::Path::new("/usr/bin/chromedriver").exists()
    {
        return Ok(());
    }
    step("install chromium and chromium-driver (apt)", || {
        exec(cmd("apt-get").args(["update", "-qq"]))?;
        let mut c = cmd("apt-get");
        c.args(["install", "-y", "-qq", "chromium", "chromium-driver"])
            .env("DEBIAN_FRONTEND", "noninteractive");
        exec(&mut c)
    })
}

/// The nightly toolchain: cargo-fuzz builds with sanitizer flags that stable
/// refuses. Only `cargo xtask fuzz` asks for it.
pub fn nightly() -> Result<(), String> {
    if output(cmd("rustup").args(["run", "nightly", "rustc", "--version"])).is_some() {
        return Ok(());
    }
    step("install the nightly toolchain (for cargo-fuzz)", || {
        exec(cmd("rustup").args(["toolchain", "install", "nightly", "--profile", "minimal"]))
    })
}

/// cargo-fuzz, the libFuzzer driver. Only `cargo xtask fuzz` asks for it.
pub fn cargo_fuzz() -> Result<(), String> {
    if output(cmd("cargo").args(["fuzz", "--version"])).is_some() {
        return Ok(());
    }
    step("install cargo-fuzz", || {
        exec(cmd("cargo").args(["install", "--locked", "cargo-fuzz"]))
    })
}
