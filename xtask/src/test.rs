//! `cargo xtask test`: the one test command (README, `.ci/run`).
//!
//! Order matters: the site is built before the tests, because the
//! end-to-end tests drive it in headless Chromium.

use crate::run::{cmd, exec, root, step};
use crate::{site, tools};

pub fn run_all() -> Result<(), String> {
    tools::rust()?;
    tools::chromium()?;
    step("format (cargo fmt --check)", || {
        exec(cmd("cargo").args(["fmt", "--all", "--check"]))
    })?;
    step("lints (cargo clippy -D warnings)", || {
        exec(cmd("cargo").args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]))
    })?;
    step("the core and the view build for wasm32", || {
        exec(cmd("cargo").args([
            "build",
            "-p",
            "archsim-core",
            "-p",
            "archsim-view",
            "--target",
            "wasm32-unknown-unknown",
        ]))
    })?;
    let site = site::build()?;
    step("tests (cargo test --workspace)", || {
        exec(
            cmd("cargo")
                .args(["test", "--workspace"])
                .env("ARCHSIM_SITE", &site),
        )
    })?;
    step(
        "widget tests in headless Chromium (wasm-bindgen-test)",
        || {
            let mut c = cmd("cargo");
            c.args([
                "test",
                "-p",
                "archsim-web",
                "--target",
                "wasm32-unknown-unknown",
            ])
            .env(
                "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
                "wasm-bindgen-test-runner",
            )
            .env("CHROMEDRIVER", "/usr/bin/chromedriver")
            .env("WASM_BINDGEN_TEST_TIMEOUT", "120")
            .current_dir(root().join("crates/archsim-web"));
            exec(&mut c)
        },
    )?;
    Ok(())
}

pub fn run(args: &[String]) -> Result<(), String> {
    if let Some(extra) = args.first() {
        return Err(format!("`test` takes no arguments, got `{extra}`"));
    }
    let start = std::time::Instant::now();
    let result = run_all();
    println!(
        "\nxtask test: {} in {:.0}s",
        if result.is_ok() {
            "all green"
        } else {
            "FAILED"
        },
        start.elapsed().as_secs_f64()
    );
    result
}
