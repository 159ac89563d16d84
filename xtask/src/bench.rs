//! `cargo xtask bench`: every benchmark, then a table of medians.

use std::path::Path;

use crate::run::{cmd, exec, root, step};

pub fn run(args: &[String]) -> Result<(), String> {
    let quick = args.iter().any(|a| a == "--quick");
    step("core benches (criterion)", || {
        let mut c = cmd("cargo");
        c.args(["bench", "-p", "archsim-core", "--bench", "engine", "--"]);
        if quick {
            c.arg("--quick");
        }
        c.env(
            "ARCHSIM_BENCH_SIZES",
            std::env::var("ARCHSIM_BENCH_SIZES").unwrap_or_else(|_| "1000,10000,100000".into()),
        );
        exec(&mut c)
    })?;
    let site = crate::site::build()?;
    step("browser benches (headless Chromium)", || {
        let mut c = cmd("cargo");
        c.args(["run", "-p", "archsim-e2e", "--example", "browser_bench"])
            .env("ARCHSIM_SITE", &site);
        exec(&mut c)
    })?;
    println!("\n{:<70} {:>14}", "benchmark", "median");
    let mut rows = Vec::new();
    collect(&root().join("target/criterion"), &mut rows);
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    for (name, nanos) in rows {
        println!("{name:<70} {:>14}", human(nanos));
    }
    Ok(())
}

/// Find every `new/estimates.json` and read its median.
fn collect(dir: &Path, rows: &mut Vec<(String, f64)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n == "new") {
                if let Some(median) = median(&path.join("estimates.json")) {
                    let name = path
                        .parent()
                        .and_then(|p| p.strip_prefix(root().join("target/criterion")).ok())
                        .map(|p| p.display().to_string())
                        .unwrap_or_default();
                    rows.push((name, median));
                }
            } else {
                collect(&path, rows);
            }
        }
    }
}

/// The median's point estimate (ns) from criterion's estimates.json.
fn median(file: &Path) -> Option<f64> {
    let text = std::fs::read_to_string(file).ok()?;
    let at = text.find("\"median\"")?;
    let rest = &text[at..];
    let pe = rest.find("\"point_estimate\":")? + "\"point_estimate\":".len();
    let number: String = rest[pe..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '-' | '+'))
        .collect();
    number.parse().ok()
}

fn human(nanos: f64) -> String {
    if nanos >= 1e9 {
        format!("{:.2} s", nanos / 1e9)
    } else if nanos >= 1e6 {
        format!("{:.2} ms", nanos / 1e6)
    } else if nanos >= 1e3 {
        format!("{:.2} µs", nanos / 1e3)
    } else {
        format!("{nanos:.0} ns")
    }
}
