//! `cargo xtask test`: the one test command (README, `.ci/run`).
//!
//! Stages, cheapest first, stopping at the first that fails and naming it:
//! format → lints → native tests → bundle (built and held to its size
//! budget) → site → browser tests. Each stage prints its time, and a table
//! of them closes the run.

use std::time::Instant;

use crate::run::{Tally, cmd, exec, exec_tests, root, step};
use crate::{site, tools};

/// The end-to-end test targets that drive the built site in Chromium
/// (`tests/Cargo.toml`, `harness = false`); the crate's other tests run
/// with the native ones.
pub const BROWSER_TESTS: [&str; 6] = ["pages", "widgets", "no_script", "phone", "propose", "audit"];

/// The crates whose code ships in the browser bundles, as the bundles
/// build them: for wasm32, the core without its `toml` feature; the web
/// crate and the propose bundle's crate on the host.
const SHIPPED: [&str; 4] = [
    "archsim-core",
    "archsim-view",
    "archsim-web",
    "archsim-propose",
];

/// A stage's name and what it took.
struct Stage {
    name: &'static str,
    secs: f64,
    ok: bool,
}

/// Run `f` as stage `name`, recording its time; a failure names the stage.
fn stage(
    stages: &mut Vec<Stage>,
    name: &'static str,
    f: impl FnOnce() -> Result<(), String>,
) -> Result<(), String> {
    println!("\n======== stage: {name} ========");
    let start = Instant::now();
    let result = f();
    let secs = start.elapsed().as_secs_f64();
    stages.push(Stage {
        name,
        secs,
        ok: result.is_ok(),
    });
    println!(
        "======== {name}: {} in {secs:.0}s ========",
        verdict(result.is_ok())
    );
    result.map_err(|e| format!("stage `{name}` failed: {e}"))
}

fn verdict(ok: bool) -> &'static str {
    if ok { "ok" } else { "FAILED" }
}

fn run_all(stages: &mut Vec<Stage>, tally: &mut Tally) -> Result<(), String> {
    tools::rust()?;
    stage(stages, "format", || {
        exec(cmd("cargo").args(["fmt", "--all", "--check"]))
    })?;
    stage(stages, "lints", lints)?;
    stage(stages, "native tests", || {
        // The preprocessor's tests build real books with `mdbook`.
        tools::mdbook()?;
        native_tests(tally)
    })?;
    stage(stages, "bundle", site::bundle)?;
    let mut folder = None;
    stage(stages, "site", || {
        folder = Some(site::book()?);
        Ok(())
    })?;
    let folder = folder.unwrap_or_else(|| root().join("target/site"));
    stage(stages, "browser tests", || {
        tools::chromium()?;
        tools::axe_core()?;
        let mut c = cmd("cargo");
        c.args(["test", "-p", "archsim-e2e"]);
        for name in BROWSER_TESTS {
            c.args(["--test", name]);
        }
        c.arg("--no-fail-fast").env("ARCHSIM_SITE", &folder);
        exec_tests(&mut c, tally)?;
        wasm_bindgen_tests(tally)
    })
}

/// clippy on every crate and target, the docs, and the bundle's crates as
/// the bundle builds them, under the bundle's rules (`bundle-rules/`).
fn lints() -> Result<(), String> {
    step("clippy, every crate and target, -D warnings", || {
        exec(cmd("cargo").args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]))
    })?;
    // Two runs, because clippy lints every workspace crate it compiles:
    // the core and the view for wasm32 without the core's loader (also
    // the check that they build so); the web crate on the host, whose
    // build script needs the core with its loader (allowed module-wide in
    // the core, never shipped). The web crate has no target-specific
    // code, so the host lint sees what ships, and it reuses the first
    // run's dependencies instead of checking yew and web-sys again for
    // wasm32 (95 s of a cold run).
    step(
        "the bundles' crates under the bundle rules (core and view for wasm32, without the core's `toml` feature; the web and propose crates)",
        || {
            let bundle_rules = |c: &mut std::process::Command| {
                c.env("CLIPPY_CONF_DIR", root().join("bundle-rules"));
            };
            let mut c = cmd("cargo");
            c.arg("clippy");
            for p in &SHIPPED[..2] {
                c.args(["-p", p]);
            }
            c.args([
                "--target",
                "wasm32-unknown-unknown",
                "--no-default-features",
                "--",
                "-D",
                "warnings",
            ]);
            bundle_rules(&mut c);
            exec(&mut c)?;
            let mut c = cmd("cargo");
            c.arg("clippy");
            for p in &SHIPPED[2..] {
                c.args(["-p", p]);
            }
            c.args(["--", "-D", "warnings"]);
            bundle_rules(&mut c);
            exec(&mut c)
        },
    )?;
    step(
        "docs (cargo doc, warnings are errors: no broken links)",
        || {
            exec(
                cmd("cargo")
                    .args(["doc", "--workspace", "--no-deps"])
                    .env("RUSTDOCFLAGS", "-D warnings"),
            )
        },
    )
}

/// Every test that needs no browser: the workspace's, and the end-to-end
/// crate's own (its server, its budget, the checker the browser tests use).
fn native_tests(tally: &mut Tally) -> Result<(), String> {
    exec_tests(
        cmd("cargo").args([
            "test",
            "--workspace",
            "--exclude",
            "archsim-e2e",
            "--no-fail-fast",
        ]),
        tally,
    )?;
    exec_tests(
        cmd("cargo").args(["test", "-p", "archsim-e2e", "--lib", "--test", "checker"]),
        tally,
    )
}

/// The web crate's own browser tests (wasm-bindgen-test, headless
/// Chromium): what the end-to-end scenarios do not reach from a page.
fn wasm_bindgen_tests(tally: &mut Tally) -> Result<(), String> {
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
}

pub fn run(args: &[String]) -> Result<(), String> {
    if let Some(extra) = args.first() {
        return Err(format!("`test` takes no arguments, got `{extra}`"));
    }
    let start = Instant::now();
    let mut tally = Tally::default();
    let mut stages = Vec::new();
    let result = run_all(&mut stages, &mut tally);
    println!("\nstage           time");
    for s in &stages {
        println!("{:<15} {:>4.0}s  {}", s.name, s.secs, verdict(s.ok));
    }
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

#[cfg(test)]
mod tests {
    use super::BROWSER_TESTS;

    /// The browser stage runs every test target of the end-to-end crate
    /// that has its own runner, and only those: a new browser test file
    /// that is not listed would never run.
    #[test]
    fn the_browser_stage_lists_every_browser_test() {
        let manifest = std::fs::read_to_string(crate::run::root().join("tests/Cargo.toml"))
            .expect("tests/Cargo.toml");
        let mut own_runner = Vec::new();
        for block in manifest.split("[[test]]").skip(1) {
            let name = block
                .lines()
                .find_map(|l| l.trim().strip_prefix("name = \""))
                .map(|n| n.trim_end_matches('"'));
            if block.contains("harness = false")
                && let Some(name) = name
            {
                own_runner.push(name);
            }
        }
        own_runner.sort_unstable();
        let mut listed = BROWSER_TESTS.to_vec();
        listed.sort_unstable();
        assert_eq!(own_runner, listed);
    }
}
