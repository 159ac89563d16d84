//! `cargo xtask fuzz [TARGET] [--time SECONDS]`: run the fuzz targets of
//! `fuzz/` with cargo-fuzz on nightly (installed here, never by `test`).
//!
//! Each target runs for the given time (60 s by default), built without
//! the address sanitiser but with debug assertions, every input limited to
//! 1 s and 2 GiB, so slowness and memory blow-ups are findings
//! too. The committed corpus (`fuzz/corpus/<target>/`) seeds the run; what
//! the fuzzer adds goes to a scratch corpus under `fuzz/target/`, so the
//! committed one only grows on purpose (`cargo +nightly fuzz cmin`). An
//! input that fails is copied to `fuzz/regressions/<target>/`, where the
//! stable replay test of `cargo xtask test` runs it from then on.

use std::path::{Path, PathBuf};

use crate::run::{cmd, exec, root, step};
use crate::tools;

/// Seconds per target when `--time` is not given.
const DEFAULT_SECONDS: u64 = 60;

pub fn run(args: &[String]) -> Result<(), String> {
    let (target, seconds) = parse(args)?;
    let all = targets()?;
    let chosen: Vec<String> = match target {
        Some(t) if all.contains(&t) => vec![t],
        Some(t) => return Err(format!("no fuzz target `{t}`; targets: {}", all.join(", "))),
        None => all,
    };
    tools::nightly()?;
    tools::cargo_fuzz()?;
    let mut failed = Vec::new();
    for target in &chosen {
        let result = step(&format!("fuzz {target} for {seconds} s"), || {
            fuzz_one(target, seconds)
        });
        if result.is_err() {
            failed.push(target.clone());
        }
    }
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "findings in {}; the failing inputs are in fuzz/regressions/",
            failed.join(", ")
        ))
    }
}

/// `[TARGET] [--time SECONDS]`, in any order.
fn parse(args: &[String]) -> Result<(Option<String>, u64), String> {
    let mut target = None;
    let mut seconds = DEFAULT_SECONDS;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        if arg == "--time" {
            seconds = args
                .next()
                .and_then(|s| s.parse().ok())
                .filter(|&s| s > 0)
                .ok_or("--time takes a number of seconds")?;
        } else if arg.starts_with('-') || target.is_some() {
            return Err(format!(
                "unexpected `{arg}`; usage: cargo xtask fuzz [TARGET] [--time SECONDS]"
            ));
        } else {
            target = Some(arg.clone());
        }
    }
    Ok((target, seconds))
}

/// The targets: the files of `fuzz/fuzz_targets/`, sorted.
fn targets() -> Result<Vec<String>, String> {
    let dir = fuzz_dir().join("fuzz_targets");
    let entries = std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|n| n.strip_suffix(".rs").map(str::to_owned))
        .collect();
    names.sort();
    Ok(names)
}

fn fuzz_dir() -> PathBuf {
    root().join("fuzz")
}

fn fuzz_one(target: &str, seconds: u64) -> Result<(), String> {
    let fuzz = fuzz_dir();
    let scratch = fuzz.join("target/corpus").join(target);
    let artifacts = fuzz.join("artifacts").join(target);
    for dir in [&scratch, &artifacts] {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    let before = files(&artifacts);
    let mut c = cmd("cargo");
    // No address sanitiser: the code is safe Rust, and without it a run
    // makes several times more executions. Debug assertions stay on, so
    // an overflow is a finding.
    c.args(["+nightly", "fuzz", "run", "--sanitizer", "none", target])
        .arg(&scratch)
        .arg(fuzz.join("corpus").join(target))
        .arg("--")
        .arg(format!("-max_total_time={seconds}"))
        .args(["-timeout=1", "-rss_limit_mb=2048", "-print_final_stats=1"])
        // cargo-fuzz looks for its build in fuzz/target.
        .env_remove("CARGO_TARGET_DIR");
    if target == "load_toml" {
        c.arg(format!("-dict={}", fuzz.join("dict/model.dict").display()));
    }
    let result = exec(&mut c);
    let found: Vec<PathBuf> = files(&artifacts)
        .into_iter()
        .filter(|f| !before.contains(f))
        .collect();
    if !found.is_empty() {
        let keep = fuzz.join("regressions").join(target);
        std::fs::create_dir_all(&keep).map_err(|e| format!("{}: {e}", keep.display()))?;
        for file in &found {
            let name = file.file_name().expect("a file name");
            std::fs::copy(file, keep.join(name)).map_err(|e| format!("{}: {e}", file.display()))?;
            println!("kept {}", keep.join(name).display());
        }
    }
    result
}

/// The files in `dir`.
fn files(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .map(|entries| entries.filter_map(|e| Some(e.ok()?.path())).collect())
        .unwrap_or_default()
}
