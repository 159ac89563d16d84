//! `cargo xtask test`: the one test command (README, `.ci/run`).
//!
//! Order matters: the site is built before the tests, because the
//! end-to-end tests drive it in headless Chromium.

use crate::run::{Tally, cmd, exec, exec_tests, root, step};
use crate::{site, tools};

pub fn run_all(tally: &mut Tally) -> Result<(), String> {
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
    step(
        "docs (cargo doc, warnings are errors: no broken links)",
        || {
            exec(
                cmd("cargo")
                    .args(["doc", "--workspace", "--no-deps"])
                    .env("RUSTDOCFLAGS", "-D warnings"),
            )
        },
    )?;
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
        let mut c = cmd("cargo");
        c.args(["test", "--workspace", "--no-fail-fast"])
            .env("ARCHSIM_SITE", &site);
        exec_tests(&mut c, tally)
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
            exec_tests(&mut c, tally)
        },
    )?;
    Ok(())
}

pub fn run(args: &[String]) -> Result<(), String> {
    if let Some(extra) = args.first() {
        return Err(format!("`test` takes no arguments, got `{extra}`"));
    }
    let start = std::time::Instant::now();
    let mut tally = Tally::default();
    let result = run_all(&mut tally);
    let verdict = if result.is_ok() {
        "all green"
    } else {
        "FAILED"
    };
    println!(
        "\nxtask test: {verdict} in {:.0}s",
        start.elapsed().as_secs_f64()
    );
    // The plain closing line: every test of every runner, added up.
    println!("tests: {} passed, {} failed", tally.passed, tally.failed);
    result
}
