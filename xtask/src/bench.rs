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
    median_of(&std::fs::read_to_string(file).ok()?)
}

/// `median.point_estimate` of an estimates.json text, if it has one.
fn median_of(json: &str) -> Option<f64> {
    let estimates: serde_json::Value = serde_json::from_str(json).ok()?;
    estimates.pointer("/median/point_estimate")?.as_f64()
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

#[cfg(test)]
mod tests {
    use super::median_of;

    #[test]
    fn the_median_is_read_wherever_criterion_puts_it() {
        let cases = [
            (
                r#"{"mean":{"point_estimate":9.0},"median":{"confidence_interval":{"lower_bound":1.0},"point_estimate":86601170.125},"median_abs_dev":{"point_estimate":2.0}}"#,
                Some(86601170.125),
            ),
            // Keys in another order, a median_abs_dev first, an exponent.
            (
                r#"{"median_abs_dev":{"point_estimate":2.0},"median":{"point_estimate":1.5e3}}"#,
                Some(1500.0),
            ),
            // Pretty-printed (the old hand parser read nothing here).
            (
                "{\n  \"median\": {\n    \"point_estimate\": 42.0\n  }\n}",
                Some(42.0),
            ),
            (r#"{"mean":{"point_estimate":9.0}}"#, None),
            (r#"{"median":{"point_estimate":"fast"}}"#, None),
            ("not json", None),
        ];
        for (json, expected) in cases {
            assert_eq!(median_of(json), expected, "{json}");
        }
    }
}
