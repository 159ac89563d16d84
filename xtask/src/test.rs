//! `cargo xtask test`: the one test command (README, `.ci/run`).

use crate::run::{cmd, exec, step};
use crate::tools;

pub fn run_all() -> Result<(), String> {
    tools::rust()?;
    tools::mdbook()?;
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
    step("tests (cargo test --workspace)", || {
        exec(cmd("cargo").args(["test", "--workspace"]))
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
